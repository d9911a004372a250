#include "store/AuditLog.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>

namespace gymgate {

namespace {

AuditEntry readEntry(const QSqlQuery &query, QString *detailText)
{
    AuditEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.atMs = query.value(1).toLongLong();
    entry.actor = query.value(2).toString();
    entry.action = query.value(3).toString();
    entry.entity = query.value(4).toString();
    entry.entityId = query.value(5).toString();
    const QString detail = query.value(6).toString();
    entry.detail = QJsonDocument::fromJson(detail.toUtf8()).object();
    entry.prevHash = query.value(7).toString();
    entry.hash = query.value(8).toString();
    if (detailText)
        *detailText = detail;
    return entry;
}

const QString kColumns = QStringLiteral("seq, at, actor, action, entity, entity_id, detail, prev_hash, hash");

} // namespace

AuditLog::AuditLog(Database &db) : m_db(db)
{ }

QString AuditLog::zeroHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::computeHash(const QString &prevHash, qint64 seq, qint64 atMs, const QString &actor,
    const QString &action, const QString &entity, const QString &entityId, const QString &detailJson)
{
    const QChar bar = QLatin1Char('|');
    const QString input = prevHash + bar + QString::number(seq) + bar + QString::number(atMs) + bar + actor + bar
        + action + bar + entity + bar + entityId + bar + detailJson;
    return QString::fromLatin1(QCryptographicHash::hash(input.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Status AuditLog::append(const QString &actor, const QString &action, const QString &entity, const QString &entityId,
    const QJsonObject &detail, qint64 atMs)
{
    // Same rule as the outbox: the record of an action commits with the action or not at all.
    if (!m_db.inTransaction())
        return fail(ErrorCode::Internal,
            QCoreApplication::translate("Store", "An audit record was written outside a transaction."));
    if (actor.isEmpty() || action.isEmpty())
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "An audit record needs an actor and an action."),
            actor.isEmpty() ? QStringLiteral("actor") : QStringLiteral("action"));
    Result<QSqlQuery> last
        = sql::run(m_db.connection(), QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    const QString prevHash = last->next() ? last->value(0).toString() : zeroHash();
    last->finish();
    const QString detailJson = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    // The row takes its seq from AUTOINCREMENT (never reused, even after the last row is
    // deleted), then gets the hash that covers that seq.
    Result<QSqlQuery> inserted = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, '')"),
        {atMs, actor, action, entity, entityId, detailJson, prevHash});
    if (!inserted)
        return std::unexpected(inserted.error());
    const qint64 seq = inserted->lastInsertId().toLongLong();
    const QString hash = computeHash(prevHash, seq, atMs, actor, action, entity, entityId, detailJson);
    return sql::runUpdate(m_db.connection(), QStringLiteral("UPDATE audit_log SET hash = ? WHERE seq = ?"), {hash, seq},
        QCoreApplication::translate("Store", "The audit record"));
}

Result<AuditVerification> AuditLog::verify() const
{
    Result<QSqlQuery> query = sql::run(
        m_db.connection(), QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY seq"));
    if (!query)
        return std::unexpected(query.error());
    AuditVerification result;
    QString expectedPrev = zeroHash();
    qint64 expectedSeq = 1;
    while (query->next()) {
        QString detailText;
        const AuditEntry entry = readEntry(*query, &detailText);
        if (entry.seq != expectedSeq) {
            // A row is missing (or was renumbered): the chain breaks at the first seq not there.
            result.firstBrokenSeq = std::min(entry.seq, expectedSeq);
            return result;
        }
        const QString hash = computeHash(
            entry.prevHash, entry.seq, entry.atMs, entry.actor, entry.action, entry.entity, entry.entityId, detailText);
        if (entry.prevHash != expectedPrev || hash != entry.hash) {
            result.firstBrokenSeq = entry.seq;
            return result;
        }
        expectedPrev = entry.hash;
        ++expectedSeq;
        ++result.rowsChecked;
    }
    result.ok = true;
    return result;
}

Result<QList<AuditEntry>> AuditLog::list(const AuditFilter &filter) const
{
    QString where = QStringLiteral("at >= ?");
    QVariantList values {filter.fromMs};
    if (filter.toMs > 0) {
        where += QStringLiteral(" AND at < ?");
        values.append(filter.toMs);
    }
    if (!filter.actor.isEmpty()) {
        where += QStringLiteral(" AND actor = ?");
        values.append(filter.actor);
    }
    if (!filter.action.isEmpty()) {
        where += QStringLiteral(" AND action = ?");
        values.append(filter.action);
    }
    values.append(filter.limit > 0 ? filter.limit : 500);
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE ") + where
            + QStringLiteral(" ORDER BY seq DESC LIMIT ?"),
        values);
    if (!query)
        return std::unexpected(query.error());
    QList<AuditEntry> entries;
    while (query->next())
        entries.append(readEntry(*query, nullptr));
    return entries;
}

Result<qint64> AuditLog::count() const
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
}

} // namespace gymgate
