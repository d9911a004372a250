// EventApplier: entries decided at the sites' gates (entry.decided, entry.passed, entry.annulled).
#include <QCoreApplication>

#include "ChangeLog.h"
#include "EventApplier.h"
#include "EventFields.h"
#include "HubDatabase.h"
#include "HubSql.h"
#include "NotificationLog.h"

namespace gymgate::hub {
namespace {

constexpr qint64 kMaxMs = std::numeric_limits<qint64>::max() / 2;

QVariant optionalMs(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant(QMetaType::fromType<qint64>());
}

struct EntryData {
    QString id;
    QString gateId;
    QString zoneId;
    QString direction;
    QString memberId;
    QString cardId;
    QString bookingId;
    QString credentialKind;
    bool weak = false;
    QString status;
    QString reason;
    qint64 visitsDeducted = 0;
    qint64 feeDeductedFen = 0;
    QString staffId;
    QString note;
    qint64 decidedAtMs = 0;
    qint64 passedAtMs = 0;
    qint64 annulledAtMs = 0;
};

Result<EntryData> readEntry(const SyncEvent &event)
{
    EventFields fields(event.data);
    EntryData entry;
    entry.id = fields.id(QStringLiteral("id"));
    entry.gateId = fields.text(QStringLiteral("gateId"), 64, false);
    entry.zoneId = fields.text(QStringLiteral("zoneId"), 64, false);
    entry.direction = fields.has(QStringLiteral("direction"))
        ? fields.oneOf(QStringLiteral("direction"), {QStringLiteral("in"), QStringLiteral("out")})
        : QStringLiteral("in");
    entry.memberId = fields.optionalId(QStringLiteral("memberId"));
    entry.cardId = fields.optionalId(QStringLiteral("cardId"));
    entry.bookingId = fields.optionalId(QStringLiteral("bookingId"));
    entry.credentialKind = fields.text(QStringLiteral("credentialKind"), 32, false);
    entry.weak = fields.flag(QStringLiteral("weak"), false);
    entry.status = fields.oneOf(QStringLiteral("status"),
        {QStringLiteral("denied"), QStringLiteral("pending"), QStringLiteral("passed"), QStringLiteral("annulled")});
    entry.reason = fields.text(QStringLiteral("reason"), 64, false);
    entry.visitsDeducted = fields.integer(QStringLiteral("visitsDeducted"), 0, 1000, 0);
    entry.feeDeductedFen = fields.integer(QStringLiteral("feeDeductedFen"), 0, 1'000'000'000, 0);
    entry.staffId = fields.text(QStringLiteral("staffId"), 64, false);
    entry.note = fields.text(QStringLiteral("note"), 500, false);
    entry.decidedAtMs = fields.integer(QStringLiteral("decidedAt"), 1, kMaxMs);
    entry.passedAtMs = fields.optionalMs(QStringLiteral("passedAt"));
    entry.annulledAtMs = fields.optionalMs(QStringLiteral("annulledAt"));
    const QString annulReason = fields.text(QStringLiteral("annulReason"), 200, false);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    // The event type says what happened, whatever the snapshot's status field lags behind.
    if (event.type == QLatin1String("entry.passed")) {
        entry.status = QStringLiteral("passed");
        entry.passedAtMs = entry.passedAtMs > 0 ? entry.passedAtMs : event.atMs;
    } else if (event.type == QLatin1String("entry.annulled")) {
        entry.status = QStringLiteral("annulled");
        entry.annulledAtMs = entry.annulledAtMs > 0 ? entry.annulledAtMs : event.atMs;
        if (entry.note.isEmpty())
            entry.note = annulReason;
    }
    return entry;
}

} // namespace

Result<EventOutcome> EventApplier::applyEntry(const SyncEvent &event)
{
    const Result<EntryData> entry = readEntry(event);
    if (!entry)
        return std::unexpected(entry.error());
    const Result<std::optional<QVariantList>> before
        = sql::firstRow(m_database, QStringLiteral("SELECT status FROM entry WHERE id = ?"), {entry->id});
    if (!before)
        return std::unexpected(before.error());
    const QString previous = before->has_value() ? (*before)->at(0).toString() : QString();
    if (!previous.isEmpty() && previous != QLatin1String("pending"))
        return EventOutcome {EventStatus::Ok, {}, {}, {}, false}; // denied, passed, annulled are final
    Status written;
    if (previous.isEmpty()) {
        written
            = run(QStringLiteral("INSERT INTO entry (id, site_id, device_id, gate_id, zone_id, direction, member_id, "
                                 "card_id, booking_id, credential_kind, weak, status, reason, visits_deducted, "
                                 "fee_deducted_fen, staff_id, note, decided_at, passed_at, annulled_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {entry->id, sql::nullIfEmpty(m_siteId), m_deviceId, entry->gateId, entry->zoneId, entry->direction,
                    sql::nullIfEmpty(entry->memberId), sql::nullIfEmpty(entry->cardId),
                    sql::nullIfEmpty(entry->bookingId), entry->credentialKind, entry->weak ? 1 : 0, entry->status,
                    entry->reason, entry->visitsDeducted, entry->feeDeductedFen, entry->staffId, entry->note,
                    entry->decidedAtMs, optionalMs(entry->passedAtMs), optionalMs(entry->annulledAtMs)});
    } else {
        written = run(
            QStringLiteral("UPDATE entry SET status = ?, passed_at = ?, annulled_at = ?, note = ? WHERE id = ?"),
            {entry->status, optionalMs(entry->passedAtMs), optionalMs(entry->annulledAtMs), entry->note, entry->id});
    }
    if (!written)
        return std::unexpected(written.error());
    if (entry->status != QLatin1String("passed"))
        return EventOutcome {EventStatus::Ok, {}, {}, {}, false};
    // The visit is charged when the member has gone through (DESIGN §7), here as at the site.
    if (Status paid
        = deductEntry(entry->id, entry->cardId, entry->visitsDeducted, entry->feeDeductedFen, entry->passedAtMs);
        !paid)
        return std::unexpected(paid.error());
    if (!entry->bookingId.isEmpty() && entry->direction == QLatin1String("in")) {
        if (Status attended = markAttended(entry->bookingId, entry->passedAtMs); !attended)
            return std::unexpected(attended.error());
    }
    return EventOutcome {EventStatus::Ok, {}, {}, {}, false};
}

Status EventApplier::deductEntry(
    const QString &entryId, const QString &cardId, qint64 visits, qint64 feeFen, qint64 atMs)
{
    if (cardId.isEmpty() || (visits == 0 && feeFen == 0))
        return {};
    // No floor at zero: a count card used offline at two sites is charged twice, and staff
    // sort it out with the member (DESIGN §9). The entry happened either way.
    const Result<int> changed = affected(QStringLiteral("UPDATE member_card SET visits_left = visits_left - ?, "
                                                        "balance_fen = balance_fen - ?, updated_at = ? WHERE id = ?"),
        {visits, feeFen, atMs, cardId});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return {}; // a card this hub never heard of: the entry is still recorded
    if (Status published = publish(entity::Card, cardId); !published)
        return published;
    const Result<std::optional<QVariantList>> card = sql::firstRow(m_database,
        QStringLiteral("SELECT card_no, member_id, visits_left, balance_fen FROM member_card WHERE id = ?"), {cardId});
    if (!card)
        return std::unexpected(card.error());
    if (!card->has_value() || ((**card).at(2).toLongLong() >= 0 && (**card).at(3).toLongLong() >= 0))
        return {};
    const QVariantList &row = **card;
    const QString cardNo = row.at(0).toString();
    const QString memberId = row.at(1).toString();
    const qint64 visitsLeft = row.at(2).toLongLong();
    const qint64 balanceFen = row.at(3).toLongLong();
    const Result<std::optional<QVariantList>> open = sql::firstRow(m_database,
        QStringLiteral("SELECT id FROM hub_flag WHERE kind = ? AND entity_id = ? AND resolved_at IS NULL"),
        {flag::CardOverdrawn, cardId});
    if (!open)
        return std::unexpected(open.error());
    if (open->has_value())
        return {}; // staff already have it on their list
    const QJsonObject detail {{QStringLiteral("cardId"), cardId}, {QStringLiteral("cardNo"), cardNo},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("visitsLeft"), visitsLeft},
        {QStringLiteral("balanceFen"), balanceFen}, {QStringLiteral("entryId"), entryId},
        {QStringLiteral("siteId"), m_siteId}, {QStringLiteral("deviceId"), m_deviceId}};
    QString flagId;
    if (Status raised = raiseFlag(flag::CardOverdrawn, QStringLiteral("card"), cardId, detail, &flagId); !raised)
        return raised;
    QJsonObject payload = detail;
    payload.insert(QStringLiteral("flagId"), flagId);
    payload.insert(QStringLiteral("kind"), flag::CardOverdrawn);
    return NotificationLog(m_database).publish(audience::Staff, notification::CardFlagged, payload);
}

Status EventApplier::markAttended(const QString &bookingId, qint64 atMs)
{
    const Result<int> changed = affected(
        QStringLiteral("UPDATE booking SET status = 'attended', updated_at = ? WHERE id = ? AND status = 'booked'"),
        {atMs, bookingId});
    if (!changed)
        return std::unexpected(changed.error());
    return *changed > 0 ? publish(entity::Booking, bookingId) : Status {};
}

} // namespace gymgate::hub
