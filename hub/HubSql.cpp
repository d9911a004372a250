#include "HubSql.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlRecord>
#include <QUuid>

#include "HubDatabase.h"

namespace gymgate::hub::sql {

Error storageError(const QSqlQuery &query)
{
    return Error {ErrorCode::Storage, query.lastError().text(), {}};
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &statement, const QVariantList &binds)
{
    QSqlQuery query(db);
    if (!query.prepare(statement)) {
        logWarning(QStringLiteral("hub sql prepare failed: %1 (%2)").arg(query.lastError().text(), statement));
        return std::unexpected(storageError(query));
    }
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        logWarning(QStringLiteral("hub sql failed: %1 (%2)").arg(query.lastError().text(), statement));
        return std::unexpected(storageError(query));
    }
    return query;
}

Result<std::optional<QVariant>> scalar(const QSqlDatabase &db, const QString &statement, const QVariantList &binds)
{
    Result<QSqlQuery> query = exec(db, statement, binds);
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<QVariant> {};
    return std::optional<QVariant> {query->value(0)};
}

namespace {

QVariantList rowValues(const QSqlQuery &query)
{
    QVariantList values;
    const int columns = query.record().count();
    values.reserve(columns);
    for (int column = 0; column < columns; ++column)
        values.append(query.value(column));
    return values;
}

// Runs the kept statement with `binds` (bound by position: the statement keeps its bindings
// from the last run) and hands the query to `read` before resetting it.
template<typename Read>
auto runPrepared(HubDatabase &db, const QString &statement, const QVariantList &binds, Read read)
    -> Result<decltype(read(std::declval<QSqlQuery &>()))>
{
    Result<QSqlQuery *> prepared = db.prepared(statement);
    if (!prepared)
        return std::unexpected(prepared.error());
    QSqlQuery &query = **prepared;
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    if (!query.exec()) {
        logWarning(QStringLiteral("hub sql failed: %1 (%2)").arg(query.lastError().text(), statement));
        const Error error = storageError(query);
        query.finish();
        return std::unexpected(error);
    }
    auto value = read(query);
    // SQLite keeps a read snapshot open while a statement is not reset.
    query.finish();
    return value;
}

} // namespace

Result<int> affected(HubDatabase &db, const QString &statement, const QVariantList &binds)
{
    return runPrepared(db, statement, binds, [](QSqlQuery &query) { return query.numRowsAffected(); });
}

Result<std::optional<QVariantList>> firstRow(HubDatabase &db, const QString &statement, const QVariantList &binds)
{
    return runPrepared(db, statement, binds,
        [](QSqlQuery &query) { return query.next() ? std::optional<QVariantList>(rowValues(query)) : std::nullopt; });
}

Result<QList<QVariantList>> rows(HubDatabase &db, const QString &statement, const QVariantList &binds)
{
    return runPrepared(db, statement, binds, [](QSqlQuery &query) {
        QList<QVariantList> all;
        while (query.next())
            all.append(rowValues(query));
        return all;
    });
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace gymgate::hub::sql
