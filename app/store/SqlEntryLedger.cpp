#include "store/SqlEntryLedger.h"

#include "core/SyncJson.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/EntryRepository.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace gymgate {

namespace {

// Binds and runs a kept prepared statement; returns the rows it changed.
Result<int> execCounting(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    if (Status ran = sql::execKept(query, values); !ran)
        return std::unexpected(ran.error());
    if (query.isSelect())
        return 0; // the caller reads the rows, then calls finish()
    // numRowsAffected() is only answered while the query is active, so read it before finish().
    const int changed = query.numRowsAffected();
    query.finish();
    return changed;
}

Status execPrepared(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    Result<int> changed = execCounting(query, values);
    if (!changed)
        return std::unexpected(changed.error());
    return {};
}

QString entryWhat()
{
    return QCoreApplication::translate("Store", "The entry");
}

Error wrongState(const EntryRecord &entry)
{
    return Error {ErrorCode::Conflict,
        QCoreApplication::translate("Store", "The entry is %1 and can no longer change.")
            .arg(QString::fromLatin1(entryStatusName(entry.status))),
        QStringLiteral("status")};
}

} // namespace

SqlEntryLedger::SqlEntryLedger(Database &db)
    : m_db(db), m_outbox(db), m_insertEntry(db.connection()), m_insertNonce(db.connection()), m_deduct(db.connection()),
      m_refund(db.connection()), m_loadEntry(db.connection()), m_markPassed(db.connection()),
      m_markAnnulled(db.connection()), m_occupancy(db.connection()), m_attended(db.connection())
{ }

Status SqlEntryLedger::ensurePrepared()
{
    if (m_prepared)
        return {};
    const QList<std::pair<QSqlQuery *, QString>> statements {
        {&m_insertEntry,
            QStringLiteral("INSERT INTO entry (id, gate_id, zone_id, direction, member_id, card_id, booking_id, "
                           "credential_id, credential_kind, weak, status, reason, visits_deducted, fee_deducted_fen, "
                           "staff_id, note, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")},
        {&m_insertNonce, QStringLiteral("INSERT INTO used_nonce (id, used_at) VALUES (?, ?)")},
        // The guards make a concurrent spend fail here instead of driving the card negative.
        {&m_deduct,
            QStringLiteral("UPDATE member_card SET visits_left = visits_left - ?, balance_fen = balance_fen - ?, "
                           "updated_at = ? WHERE id = ? AND deleted_at IS NULL AND status = 'active' "
                           "AND visits_left >= ? AND balance_fen >= ?")},
        {&m_refund,
            QStringLiteral("UPDATE member_card SET visits_left = visits_left + ?, balance_fen = balance_fen + ?, "
                           "updated_at = ? WHERE id = ?")},
        {&m_loadEntry,
            QStringLiteral("SELECT ") + EntryRepository::columns() + QStringLiteral(" FROM entry WHERE id = ?")},
        {&m_markPassed,
            QStringLiteral("UPDATE entry SET status = 'passed', passed_at = ? "
                           "WHERE id = ? AND status = 'pending'")},
        {&m_markAnnulled,
            QStringLiteral("UPDATE entry SET status = 'annulled', annulled_at = ?, annul_reason = ? "
                           "WHERE id = ? AND status = 'pending'")},
        {&m_occupancy,
            QStringLiteral("INSERT INTO zone_occupancy (zone_id, inside, updated_at) VALUES (?, max(0, ?), ?) "
                           "ON CONFLICT(zone_id) DO UPDATE SET inside = max(0, inside + ?), "
                           "updated_at = excluded.updated_at")},
        {&m_attended,
            QStringLiteral("UPDATE booking SET status = 'attended', updated_at = ? "
                           "WHERE id = ? AND status = 'booked'")},
    };
    for (const auto &[query, text] : statements) {
        query->setForwardOnly(true);
        if (Status prepared = sql::prepare(*query, text); !prepared)
            return prepared;
    }
    m_prepared = true;
    return {};
}

Status SqlEntryLedger::validate(const EntryRecord &entry) const
{
    const auto invalid = [](const char *message, const char *field) {
        return fail(
            ErrorCode::InvalidArgument, QCoreApplication::translate("Store", message), QString::fromLatin1(field));
    };
    if (entry.status != EntryStatus::Denied && entry.status != EntryStatus::Pending)
        return invalid(QT_TRANSLATE_NOOP("Store", "A decision is stored as denied or pending."), "status");
    if (entry.zoneId.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("Store", "The entry has no zone."), "zoneId");
    if (entry.direction == Direction::Invalid)
        return invalid(QT_TRANSLATE_NOOP("Store", "The entry has no direction."), "direction");
    if (entry.reason == AccessReason::Invalid)
        return invalid(QT_TRANSLATE_NOOP("Store", "The entry has no reason."), "reason");
    if (entry.visitsDeducted < 0 || entry.feeDeductedFen < 0)
        return invalid(QT_TRANSLATE_NOOP("Store", "A deduction cannot be negative."), "visitsDeducted");
    const bool charges = entry.visitsDeducted > 0 || entry.feeDeductedFen > 0;
    if (charges && (entry.status != EntryStatus::Pending || entry.cardId.isEmpty()))
        return invalid(QT_TRANSLATE_NOOP("Store", "Only a pending entry with a card can be charged."), "cardId");
    return {};
}

Result<EntryRecord> SqlEntryLedger::recordDecision(const EntryRecord &input, bool singleUseNonce)
{
    if (Status prepared = ensurePrepared(); !prepared)
        return std::unexpected(prepared.error());
    if (Status valid = validate(input); !valid)
        return std::unexpected(valid.error());
    EntryRecord entry = input;
    if (entry.id.isEmpty())
        entry.id = sql::newId();
    entry.passedAtMs = 0;
    entry.annulledAtMs = 0;
    Status stored = m_db.transaction([&]() { return storeDecision(entry, singleUseNonce); });
    if (!stored)
        return std::unexpected(stored.error());
    return entry;
}

Status SqlEntryLedger::storeDecision(const EntryRecord &entry, bool singleUseNonce)
{
    const bool pending = entry.status == EntryStatus::Pending;
    if (pending && singleUseNonce && !entry.credentialId.isEmpty()) {
        Status burnt = execPrepared(m_insertNonce, {entry.credentialId, entry.decidedAtMs});
        if (!burnt && burnt.error().code == ErrorCode::AlreadyExists)
            return fail(ErrorCode::Conflict, QCoreApplication::translate("Store", "This code has already been used."),
                QStringLiteral("credentialId"));
        if (!burnt)
            return burnt;
    }
    if (pending) {
        if (Status paid = deduct(entry); !paid)
            return paid;
    }
    if (Status inserted = execPrepared(m_insertEntry,
            {entry.id, sql::textOrNull(entry.gateId), entry.zoneId, QString::fromLatin1(directionName(entry.direction)),
                sql::textOrNull(entry.memberId), sql::textOrNull(entry.cardId), sql::textOrNull(entry.bookingId),
                sql::textOrNull(entry.credentialId), entry.credentialKind, entry.weak ? 1 : 0,
                QString::fromLatin1(entryStatusName(entry.status)), QString::fromLatin1(accessReasonCode(entry.reason)),
                entry.visitsDeducted, entry.feeDeductedFen, sql::textOrNull(entry.staffId), entry.note,
                entry.decidedAtMs});
        !inserted)
        return inserted;
    if (!entry.staffId.isEmpty()) {
        // A member let in by hand is a staff action: audited with the decision it made.
        const QJsonObject detail {{QStringLiteral("member"), entry.memberId}, {QStringLiteral("gate"), entry.gateId},
            {QStringLiteral("reason"), entry.note},
            {QStringLiteral("decision"), QString::fromLatin1(accessReasonCode(entry.reason))}};
        if (Status audited = AuditLog(m_db).append(entry.staffId, QStringLiteral("entry.manual_check_in"),
                QStringLiteral("entry"), entry.id, detail, entry.decidedAtMs);
            !audited)
            return audited;
    }
    return appendEvent(QStringLiteral("entry.decided"), entry, entry.decidedAtMs);
}

Status SqlEntryLedger::deduct(const EntryRecord &entry)
{
    if (entry.visitsDeducted == 0 && entry.feeDeductedFen == 0)
        return {};
    Result<int> changed = execCounting(m_deduct,
        {entry.visitsDeducted, entry.feeDeductedFen, entry.decidedAtMs, entry.cardId, entry.visitsDeducted,
            entry.feeDeductedFen});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed <= 0)
        return fail(ErrorCode::Conflict,
            QCoreApplication::translate("Store", "The card can no longer pay for this entry."),
            QStringLiteral("cardId"));
    return {};
}

Status SqlEntryLedger::refund(const EntryRecord &entry, qint64 atMs)
{
    if (entry.cardId.isEmpty() || (entry.visitsDeducted == 0 && entry.feeDeductedFen == 0))
        return {};
    // A card deleted meanwhile still gets its refund: the visit was never used.
    return execPrepared(m_refund, {entry.visitsDeducted, entry.feeDeductedFen, atMs, entry.cardId});
}

Status SqlEntryLedger::changeOccupancy(const EntryRecord &entry, qint64 atMs)
{
    const int delta = entry.direction == Direction::In ? 1 : -1;
    return execPrepared(m_occupancy, {entry.zoneId, delta, atMs, delta});
}

Status SqlEntryLedger::markBookingAttended(const EntryRecord &entry, qint64 atMs)
{
    if (entry.bookingId.isEmpty() || entry.direction != Direction::In)
        return {};
    return execPrepared(m_attended, {atMs, entry.bookingId});
}

Result<EntryRecord> SqlEntryLedger::load(const QString &entryId)
{
    if (Status done = execPrepared(m_loadEntry, {entryId}); !done)
        return std::unexpected(done.error());
    if (!m_loadEntry.next()) {
        m_loadEntry.finish();
        return std::unexpected(sql::notFound(entryWhat()));
    }
    EntryRecord entry = EntryRepository::readEntry(m_loadEntry);
    m_loadEntry.finish();
    return entry;
}

Status SqlEntryLedger::appendEvent(const QString &type, const EntryRecord &entry, qint64 atMs, const QJsonObject &extra)
{
    OutboxEvent event;
    event.type = type;
    event.atMs = atMs;
    event.staff = entry.staffId;
    event.data = syncjson::toJson(entry);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        event.data.insert(it.key(), it.value());
    return m_outbox.append(event);
}

Result<EntryRecord> SqlEntryLedger::confirmPassage(const QString &entryId, qint64 atMs)
{
    if (Status prepared = ensurePrepared(); !prepared)
        return std::unexpected(prepared.error());
    return m_db.transaction<EntryRecord>([&]() -> Result<EntryRecord> {
        Result<EntryRecord> entry = load(entryId);
        if (!entry || entry->status == EntryStatus::Passed)
            return entry;
        if (entry->status != EntryStatus::Pending)
            return std::unexpected(wrongState(*entry));
        if (Status done = execPrepared(m_markPassed, {atMs, entryId}); !done)
            return std::unexpected(done.error());
        entry->status = EntryStatus::Passed;
        entry->passedAtMs = atMs;
        if (Status done = changeOccupancy(*entry, atMs); !done)
            return std::unexpected(done.error());
        if (Status done = markBookingAttended(*entry, atMs); !done)
            return std::unexpected(done.error());
        if (Status done = appendEvent(QStringLiteral("entry.passed"), *entry, atMs); !done)
            return std::unexpected(done.error());
        return entry;
    });
}

Result<EntryRecord> SqlEntryLedger::annul(const QString &entryId, const QString &reason, qint64 atMs)
{
    if (Status prepared = ensurePrepared(); !prepared)
        return std::unexpected(prepared.error());
    return m_db.transaction<EntryRecord>([&]() -> Result<EntryRecord> {
        Result<EntryRecord> entry = load(entryId);
        if (!entry || entry->status == EntryStatus::Annulled)
            return entry;
        if (entry->status != EntryStatus::Pending)
            return std::unexpected(wrongState(*entry));
        if (Status done = execPrepared(m_markAnnulled, {atMs, reason, entryId}); !done)
            return std::unexpected(done.error());
        entry->status = EntryStatus::Annulled;
        entry->annulledAtMs = atMs;
        if (entry->note.isEmpty())
            entry->note = reason;
        if (Status done = refund(*entry, atMs); !done)
            return std::unexpected(done.error());
        if (Status done
            = appendEvent(QStringLiteral("entry.annulled"), *entry, atMs, {{QStringLiteral("annulReason"), reason}});
            !done)
            return std::unexpected(done.error());
        return entry;
    });
}

Result<QList<EntryRecord>> SqlEntryLedger::pendingEntries()
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + EntryRepository::columns()
            + QStringLiteral(" FROM entry WHERE status = 'pending' ORDER BY decided_at"));
    if (!query)
        return std::unexpected(query.error());
    QList<EntryRecord> entries;
    while (query->next())
        entries.append(EntryRepository::readEntry(*query));
    return entries;
}

} // namespace gymgate
