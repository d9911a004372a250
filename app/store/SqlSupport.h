#pragma once

#include "core/Error.h"
#include "core/WeeklySchedule.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace gymgate::sql {

// Small helpers shared by the repositories: ids, bound NULLs, JSON columns and the mapping of
// SQLite errors to stable error codes.

QString newId(); // UUID without braces
qint64 currentTimeMs();

// The SQLite driver binds a null QString or QByteArray as SQL NULL, which a NOT NULL column
// refuses even for "no text". Every bound value goes through this: a deliberate NULL (an
// invalid QVariant, textOrNull(), intOrNull()) stays NULL; a null string becomes ''.
QVariant bindable(const QVariant &value);

QVariant textOrNull(const QString &text);
QVariant intOrNull(const std::optional<qint64> &value);
std::optional<qint64> optionalInt(const QVariant &value);

// "member_no" -> "memberNo"; "phone_hash"/"phone_cipher" -> "phone" (the field a form shows).
QString fieldForColumn(const QString &column);

// Maps a failed query to an Error: UNIQUE/PRIMARY KEY -> AlreadyExists, FOREIGN KEY -> Conflict,
// CHECK/NOT NULL -> InvalidArgument (with the column named as a field where SQLite names it),
// anything else -> Storage.
Error queryError(const QSqlQuery &query);
Error notFound(const QString &what);

// prepare(), exec() with the error mapping applied.
Status prepare(QSqlQuery &query, const QString &sql);
Status exec(QSqlQuery &query);
// exec() that must touch at least one row; NotFound with `what` otherwise.
Status execUpdate(QSqlQuery &query, const QString &what);

// Prepares `sql` on the connection, binds `values` positionally and executes it; the query
// comes back ready for next(), forward-only.
Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
// Same for INSERT/UPDATE/DELETE that must change a row: NotFound with `what` otherwise.
Status runUpdate(const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &what);

// Binds `values` in order to a query prepared once and kept (the entry path's statements) and
// runs it. A SELECT is left active for the caller to read, who then calls finish().
Status execKept(QSqlQuery &query, std::initializer_list<QVariant> values);

QString stringListToJson(const QStringList &list);
QStringList stringListFromJson(const QString &json);
QString scheduleToJson(const WeeklySchedule &schedule);
// A malformed schedule fails the row (Storage): reading it as "no restriction" would let a card
// in at any hour.
Result<WeeklySchedule> scheduleFromJson(const QString &json, const QString &column);

} // namespace gymgate::sql
