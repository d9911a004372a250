#include "HubSql.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QSqlError>
#include <QUuid>

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
