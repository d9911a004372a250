#include "store/EntryRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

namespace gymgate {

EntryRepository::EntryRepository(Database &db) : m_db(db)
{ }

QString EntryRepository::columns()
{
    return QStringLiteral("id, gate_id, zone_id, direction, member_id, card_id, booking_id, credential_id, "
                          "credential_kind, weak, status, reason, visits_deducted, fee_deducted_fen, staff_id, note, "
                          "decided_at, passed_at, annulled_at, annul_reason");
}

EntryRecord EntryRepository::readEntry(const QSqlQuery &query)
{
    EntryRecord entry;
    entry.id = query.value(0).toString();
    entry.gateId = query.value(1).toString();
    entry.zoneId = query.value(2).toString();
    entry.direction = directionFromName(query.value(3).toString());
    entry.memberId = query.value(4).toString();
    entry.cardId = query.value(5).toString();
    entry.bookingId = query.value(6).toString();
    entry.credentialId = query.value(7).toString();
    entry.credentialKind = query.value(8).toString();
    entry.weak = query.value(9).toInt() != 0;
    entry.status = entryStatusFromName(query.value(10).toString());
    entry.reason = accessReasonFromCode(query.value(11).toString());
    entry.visitsDeducted = query.value(12).toInt();
    entry.feeDeductedFen = query.value(13).toLongLong();
    entry.staffId = query.value(14).toString();
    entry.note = query.value(15).toString();
    entry.decidedAtMs = query.value(16).toLongLong();
    entry.passedAtMs = query.value(17).toLongLong();
    entry.annulledAtMs = query.value(18).toLongLong();
    // EntryRecord has one note for "manual reason, annul reason"; a staff note wins.
    if (entry.note.isEmpty())
        entry.note = query.value(19).toString();
    return entry;
}

Result<std::optional<EntryRecord>> EntryRepository::findById(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(
        m_db.connection(), QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM entry WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<EntryRecord>();
    return std::optional<EntryRecord>(readEntry(*query));
}

Result<QList<EntryRecord>> EntryRepository::list(const EntryFilter &filter) const
{
    QString where = QStringLiteral("decided_at >= ?");
    QVariantList values {filter.fromMs};
    if (filter.toMs > 0) {
        where += QStringLiteral(" AND decided_at < ?");
        values.append(filter.toMs);
    }
    if (!filter.memberId.isEmpty()) {
        where += QStringLiteral(" AND member_id = ?");
        values.append(filter.memberId);
    }
    if (!filter.zoneId.isEmpty()) {
        where += QStringLiteral(" AND zone_id = ?");
        values.append(filter.zoneId);
    }
    if (filter.status != EntryStatus::Invalid) {
        where += QStringLiteral(" AND status = ?");
        values.append(QString::fromLatin1(entryStatusName(filter.status)));
    }
    values.append(filter.limit > 0 ? filter.limit : 500);
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM entry WHERE ") + where
            + QStringLiteral(" ORDER BY decided_at DESC, id LIMIT ?"),
        values);
    if (!query)
        return std::unexpected(query.error());
    QList<EntryRecord> entries;
    while (query->next())
        entries.append(readEntry(*query));
    return entries;
}

Result<QList<EntryRecord>> EntryRepository::listRange(qint64 fromMs, qint64 toMs, int limit) const
{
    EntryFilter filter;
    filter.fromMs = fromMs;
    filter.toMs = toMs;
    filter.limit = limit;
    return list(filter);
}

Result<QList<EntryRecord>> EntryRepository::listForMember(
    const QString &memberId, qint64 fromMs, qint64 toMs, int limit) const
{
    EntryFilter filter;
    filter.fromMs = fromMs;
    filter.toMs = toMs;
    filter.memberId = memberId;
    filter.limit = limit;
    return list(filter);
}

} // namespace gymgate
