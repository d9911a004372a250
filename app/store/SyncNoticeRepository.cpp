#include "store/SyncNoticeRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gymgate {

namespace {

const QString kColumns
    = QStringLiteral("id, kind, entity, entity_id, message, detail, created_at, acknowledged_at, acknowledged_by");

SyncNotice readNotice(const QSqlQuery &query)
{
    SyncNotice notice;
    notice.id = query.value(0).toLongLong();
    notice.kind = syncNoticeKindFromName(query.value(1).toString());
    notice.entity = query.value(2).toString();
    notice.entityId = query.value(3).toString();
    notice.message = query.value(4).toString();
    notice.detailJson = query.value(5).toString();
    notice.createdAtMs = query.value(6).toLongLong();
    notice.acknowledgedAtMs = query.value(7).toLongLong();
    notice.acknowledgedBy = query.value(8).toString();
    return notice;
}

Status checkNotice(const SyncNotice &notice)
{
    if (notice.kind == SyncNoticeKind::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The notice has no kind."),
            QStringLiteral("kind"));
    if (notice.message.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The notice has no message."),
            QStringLiteral("message"));
    if (!notice.detailJson.isEmpty() && !QJsonDocument::fromJson(notice.detailJson.toUtf8()).isObject())
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "The notice's detail must be a JSON object."),
            QStringLiteral("detailJson"));
    return {};
}

} // namespace

SyncNoticeRepository::SyncNoticeRepository(Database &db) : m_db(db)
{ }

Result<qint64> SyncNoticeRepository::record(const SyncNotice &notice)
{
    if (Status valid = checkNotice(notice); !valid)
        return std::unexpected(valid.error());
    // A savepoint inside the caller's transaction, a transaction of its own otherwise: the
    // look-up of an open notice and the insert must not be split by another writer.
    return m_db.transaction<qint64>([&]() -> Result<qint64> {
        Result<QSqlQuery> open = sql::run(m_db.connection(),
            QStringLiteral("SELECT id FROM sync_notice WHERE kind = ? AND entity_id = ? "
                           "AND acknowledged_at IS NULL ORDER BY id LIMIT 1"),
            {QString::fromLatin1(syncNoticeKindName(notice.kind)), notice.entityId});
        if (!open)
            return std::unexpected(open.error());
        if (open->next())
            return open->value(0).toLongLong();
        open->finish();
        const qint64 createdAtMs = notice.createdAtMs > 0 ? notice.createdAtMs : sql::currentTimeMs();
        Result<QSqlQuery> inserted = sql::run(m_db.connection(),
            QStringLiteral("INSERT INTO sync_notice (kind, entity, entity_id, message, detail, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            {QString::fromLatin1(syncNoticeKindName(notice.kind)), notice.entity, notice.entityId, notice.message,
                notice.detailJson.isEmpty() ? QStringLiteral("{}") : notice.detailJson, createdAtMs});
        if (!inserted)
            return std::unexpected(inserted.error());
        return inserted->lastInsertId().toLongLong();
    });
}

Result<QList<SyncNotice>> SyncNoticeRepository::list(bool includeAcknowledged, int limit) const
{
    const QString where = includeAcknowledged ? QString() : QStringLiteral(" WHERE acknowledged_at IS NULL");
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM sync_notice") + where
            + QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?"),
        {qMax(limit, 0)});
    if (!query)
        return std::unexpected(query.error());
    QList<SyncNotice> notices;
    while (query->next())
        notices.append(readNotice(*query));
    return notices;
}

Result<qint64> SyncNoticeRepository::openCount() const
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM sync_notice WHERE acknowledged_at IS NULL"));
}

Status SyncNoticeRepository::acknowledge(qint64 id, const QString &staffId, qint64 atMs)
{
    return m_db.transaction([&]() -> Status {
        Result<QSqlQuery> found
            = sql::run(m_db.connection(), QStringLiteral("SELECT acknowledged_at FROM sync_notice WHERE id = ?"), {id});
        if (!found)
            return std::unexpected(found.error());
        if (!found->next())
            return fail(ErrorCode::NotFound, QCoreApplication::translate("Store", "No sync notice %1.").arg(id),
                QStringLiteral("id"));
        if (!found->value(0).isNull())
            return fail(ErrorCode::Conflict,
                QCoreApplication::translate("Store", "The sync notice %1 is acknowledged already.").arg(id),
                QStringLiteral("id"));
        found->finish();
        return sql::runUpdate(m_db.connection(),
            QStringLiteral("UPDATE sync_notice SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?"),
            {atMs > 0 ? atMs : sql::currentTimeMs(), staffId, id},
            QCoreApplication::translate("Store", "The sync notice"));
    });
}

} // namespace gymgate
