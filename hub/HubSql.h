#pragma once

#include "core/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace gymgate::hub {
class HubDatabase;
}

namespace gymgate::hub::sql {

// Storage error of a failed query; the driver's text goes to the log, not to the client
// (HubResponse::fromError answers 500 with a generic message for ErrorCode::Storage).
Error storageError(const QSqlQuery &query);

// Prepares `statement` (with `?` placeholders, which both Qt drivers accept), binds `binds` in
// order and runs it. Bind qint64 for integers and QString for text: both dialects take them.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &statement, const QVariantList &binds = {});

// One value of the first row, or std::nullopt when there is no row.
Result<std::optional<QVariant>> scalar(
    const QSqlDatabase &db, const QString &statement, const QVariantList &binds = {});

// The same on a statement `db` prepares once and keeps (HubDatabase::prepared), for the
// statements run for every event or request: the number of rows a write affected, the first
// row of a query (columns in order; std::nullopt when there is none), all its rows. The
// statement is reset before these return, ready for its next use.
Result<int> affected(HubDatabase &db, const QString &statement, const QVariantList &binds = {});
Result<std::optional<QVariantList>> firstRow(HubDatabase &db, const QString &statement, const QVariantList &binds = {});
Result<QList<QVariantList>> rows(HubDatabase &db, const QString &statement, const QVariantList &binds = {});

// Wall-clock UTC milliseconds, the unit of every time column of the domain tables.
qint64 nowMs();
// A new UUID without braces, for ids created on the hub.
QString newId();
// NULL for an empty string, else the string (optional foreign keys).
QVariant nullIfEmpty(const QString &text);

} // namespace gymgate::hub::sql
