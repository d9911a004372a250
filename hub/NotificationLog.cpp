#include "NotificationLog.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include "HubDatabase.h"
#include "HubSql.h"

namespace gymgate::hub {

Status NotificationLog::publish(const QString &audience, const QString &kind, const QJsonObject &payload)
{
    const Result<int> inserted = sql::affected(m_database,
        QStringLiteral("INSERT INTO hub_notification (audience, kind, payload, created_at) VALUES (?, ?, ?, ?)"),
        {audience, kind, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), sql::nowMs()});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Result<QList<Notification>> NotificationLog::since(qint64 seq, int limit) const
{
    Result<QSqlQuery> query = sql::exec(m_database.database(),
        QStringLiteral("SELECT seq, audience, kind, payload, created_at FROM hub_notification WHERE seq > ? "
                       "ORDER BY seq LIMIT ?"),
        {seq, qint64(limit)});
    if (!query)
        return std::unexpected(query.error());
    QList<Notification> notifications;
    while (query->next()) {
        notifications.append(
            Notification {query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object(), query->value(4).toLongLong()});
    }
    return notifications;
}

Result<qint64> NotificationLog::latestSeq() const
{
    const Result<std::optional<QVariant>> value
        = sql::scalar(m_database.database(), QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM hub_notification"));
    if (!value)
        return std::unexpected(value.error());
    return *value ? (*value)->toLongLong() : 0;
}

} // namespace gymgate::hub
