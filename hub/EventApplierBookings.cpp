// EventApplier: venues, maintenance, courses, class slots, bookings and the waiting list.
#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>

#include <algorithm>

#include "ChangeLog.h"
#include "EventApplier.h"
#include "EventFields.h"
#include "HubDatabase.h"
#include "HubSql.h"
#include "NotificationLog.h"
#include "SyncRows.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(EventApplier)
};

constexpr qint64 kMaxMs = std::numeric_limits<qint64>::max() / 2;

EventOutcome ok()
{
    return EventOutcome {EventStatus::Ok, {}, {}, {}, false};
}

// Start and end of a time range read from data.startMs / data.endMs, end after start.
std::pair<qint64, qint64> readRange(EventFields &fields)
{
    const qint64 startMs = fields.integer(QStringLiteral("startMs"), 0, kMaxMs);
    const qint64 endMs = fields.integer(QStringLiteral("endMs"), 0, kMaxMs);
    if (endMs <= startMs)
        fields.problem(QStringLiteral("endMs"), Text::tr("The event's data.endMs must be after data.startMs."));
    return {startMs, endMs};
}

} // namespace

Status EventApplier::refreshSlotCount(const QString &slotId, qint64 atMs)
{
    if (slotId.isEmpty())
        return {};
    // Counted from the hub's bookings, never taken from a site: each site only knows its own.
    if (Status counted = run(QStringLiteral("UPDATE course_slot SET booked_count = (SELECT COUNT(*) FROM booking "
                                            "WHERE slot_id = ? AND status IN ('booked', 'attended')), updated_at = ? "
                                            "WHERE id = ?"),
            {slotId, atMs, slotId});
        !counted)
        return counted;
    return publish(entity::Slot, slotId);
}

// ---------------------------------------------------------------- venues, maintenance

Result<EventOutcome> EventApplier::applyVenue(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString name = fields.text(QStringLiteral("name"), 100);
    const QString kind = fields.oneOf(QStringLiteral("kind"),
        {QStringLiteral("gym_floor"), QStringLiteral("studio"), QStringLiteral("court"), QStringLiteral("pool"),
            QStringLiteral("other")});
    const qint64 capacity = fields.integer(QStringLiteral("capacity"), 0, 100'000, 0);
    const QString status = fields.oneOf(
        QStringLiteral("status"), {QStringLiteral("open"), QStringLiteral("closed"), QStringLiteral("maintenance")});
    QString hours = fields.text(QStringLiteral("openingHours"), 20'000, false);
    const bool bookingRequired = fields.flag(QStringLiteral("bookingRequired"), false);
    const qint64 advanceDays = fields.integer(QStringLiteral("advanceDays"), 0, 3650, 7);
    const qint64 maxActive = fields.integer(QStringLiteral("maxActiveBookings"), 0, 1000, 0);
    const qint64 cancelHours = fields.integer(QStringLiteral("cancelHours"), 0, 1000, 2);
    const qint64 penalty = fields.integer(QStringLiteral("cancelPenaltyPercent"), 0, 100, 0);
    const qint64 feePerHour = fields.integer(QStringLiteral("feePerHourFen"), 0, 1'000'000'000, 0);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (hours.isEmpty())
        hours = QStringLiteral("[]");
    return writeAndPublish(entity::Venue, id,
        QStringLiteral(
            "INSERT INTO venue (id, site_id, name, kind, capacity, status, opening_hours, booking_required, "
            "advance_days, max_active_bookings, cancel_hours, cancel_penalty_percent, fee_per_hour_fen, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
            "capacity = excluded.capacity, status = excluded.status, opening_hours = excluded.opening_hours, "
            "booking_required = excluded.booking_required, advance_days = excluded.advance_days, "
            "max_active_bookings = excluded.max_active_bookings, cancel_hours = excluded.cancel_hours, "
            "cancel_penalty_percent = excluded.cancel_penalty_percent, "
            "fee_per_hour_fen = excluded.fee_per_hour_fen, updated_at = excluded.updated_at"),
        {id, sql::nullIfEmpty(m_siteId), name, kind, capacity, status, hours, bookingRequired ? 1 : 0, advanceDays,
            maxActive, cancelHours, penalty, feePerHour, event.atMs, event.atMs});
}

// A soft delete of `table`'s row, published as a tombstone.
Result<EventOutcome> EventApplier::softDelete(
    const SyncEvent &event, const QString &table, const QString &entityName, bool hasUpdatedAt)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Status found = requireRow(table, id, QStringLiteral("data.id")); !found)
        return std::unexpected(found.error());
    const QString statement = hasUpdatedAt
        ? QStringLiteral("UPDATE %1 SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL").arg(table)
        : QStringLiteral("UPDATE %1 SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL").arg(table);
    const QVariantList binds = hasUpdatedAt ? QVariantList {event.atMs, event.atMs, id} : QVariantList {event.atMs, id};
    const Result<int> updated = affected(statement, binds);
    if (!updated)
        return std::unexpected(updated.error());
    if (*updated == 0)
        return ok(); // already deleted
    if (Status recorded = ChangeLog(m_database).record(entityName, id, ChangeOp::Delete); !recorded)
        return std::unexpected(recorded.error());
    return ok();
}

Result<EventOutcome> EventApplier::deleteVenue(const SyncEvent &event)
{
    return softDelete(event, QStringLiteral("venue"), entity::Venue, true);
}

Result<EventOutcome> EventApplier::applyMaintenance(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString venueId = fields.id(QStringLiteral("venueId"));
    const auto [startMs, endMs] = readRange(fields);
    const QString reason = fields.text(QStringLiteral("reason"), 500, false);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Status venue = requireRow(QStringLiteral("venue"), venueId, QStringLiteral("data.venueId")); !venue)
        return std::unexpected(venue.error());
    return writeAndPublish(entity::Maintenance, id,
        QStringLiteral("INSERT INTO maintenance (id, venue_id, start_at, end_at, reason, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET venue_id = excluded.venue_id, "
                       "start_at = excluded.start_at, end_at = excluded.end_at, reason = excluded.reason"),
        {id, venueId, startMs, endMs, reason, event.atMs});
}

Result<EventOutcome> EventApplier::removeMaintenance(const SyncEvent &event)
{
    return softDelete(event, QStringLiteral("maintenance"), entity::Maintenance, false);
}

// ---------------------------------------------------------------- courses, slots

Result<EventOutcome> EventApplier::applyCourse(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString name = fields.text(QStringLiteral("name"), 100);
    const QString venueId = fields.id(QStringLiteral("venueId"));
    const qint64 minutes = fields.integer(QStringLiteral("durationMinutes"), 1, 24 * 60);
    const qint64 capacity = fields.integer(QStringLiteral("capacity"), 1, 100'000);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Status venue = requireRow(QStringLiteral("venue"), venueId, QStringLiteral("data.venueId")); !venue)
        return std::unexpected(venue.error());
    return writeAndPublish(entity::Course, id,
        QStringLiteral("INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                       "venue_id = excluded.venue_id, duration_minutes = excluded.duration_minutes, "
                       "capacity = excluded.capacity, updated_at = excluded.updated_at"),
        {id, name, venueId, minutes, capacity, event.atMs, event.atMs});
}

Result<EventOutcome> EventApplier::deleteCourse(const SyncEvent &event)
{
    return softDelete(event, QStringLiteral("course"), entity::Course, true);
}

Result<EventOutcome> EventApplier::applySlot(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString courseId = fields.id(QStringLiteral("courseId"));
    const QString venueId = fields.id(QStringLiteral("venueId"));
    const QString coach = fields.text(QStringLiteral("coachName"), 100, false);
    const auto [startMs, endMs] = readRange(fields);
    const qint64 capacity = fields.integer(QStringLiteral("capacity"), 1, 100'000);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Status course = requireRow(QStringLiteral("course"), courseId, QStringLiteral("data.courseId")); !course)
        return std::unexpected(course.error());
    if (Status venue = requireRow(QStringLiteral("venue"), venueId, QStringLiteral("data.venueId")); !venue)
        return std::unexpected(venue.error());
    // booked_count is the hub's own count (refreshSlotCount), not the site's.
    return writeAndPublish(entity::Slot, id,
        QStringLiteral("INSERT INTO course_slot (id, course_id, venue_id, coach_name, start_at, end_at, capacity, "
                       "booked_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET course_id = excluded.course_id, venue_id = excluded.venue_id, "
                       "coach_name = excluded.coach_name, start_at = excluded.start_at, end_at = excluded.end_at, "
                       "capacity = excluded.capacity, updated_at = excluded.updated_at"),
        {id, courseId, venueId, coach, startMs, endMs, capacity, event.atMs, event.atMs});
}

Result<EventOutcome> EventApplier::deleteSlot(const SyncEvent &event)
{
    return softDelete(event, QStringLiteral("course_slot"), entity::Slot, true);
}

// ---------------------------------------------------------------- bookings

// The desk's capacity rules (SqlBookingDesk::judgeCapacity) against every site's bookings: a
// class holds `capacity` people; a venue range must not overlap a class in that venue; a court
// is let to one party at a time; other venues hold `capacity` bookings at once (0 = any).
Result<bool> EventApplier::bookingFits(const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs)
{
    const QSqlDatabase db = m_database.database();
    if (!slotId.isEmpty()) {
        Result<QSqlQuery> slot = sql::exec(db,
            QStringLiteral("SELECT s.capacity, (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id "
                           "AND b.status IN ('booked', 'attended')) FROM course_slot s WHERE s.id = ?"),
            {slotId});
        if (!slot)
            return std::unexpected(slot.error());
        QSqlQuery row = std::move(*slot);
        return row.next() && row.value(1).toLongLong() < row.value(0).toLongLong();
    }
    const Result<std::optional<QVariant>> classes = sql::scalar(db,
        QStringLiteral("SELECT COUNT(*) FROM course_slot WHERE venue_id = ? AND deleted_at IS NULL AND start_at < ? "
                       "AND end_at > ?"),
        {venueId, endMs, startMs});
    if (!classes)
        return std::unexpected(classes.error());
    if (classes->has_value() && (*classes)->toLongLong() > 0)
        return false;
    Result<QSqlQuery> venue = sql::exec(db, QStringLiteral("SELECT kind, capacity FROM venue WHERE id = ?"), {venueId});
    if (!venue)
        return std::unexpected(venue.error());
    QSqlQuery venueRow = std::move(*venue);
    if (!venueRow.next())
        return false;
    const bool court = venueRow.value(0).toString() == QLatin1String("court");
    const qint64 capacity = venueRow.value(1).toLongLong();
    Result<QSqlQuery> others = sql::exec(db,
        QStringLiteral("SELECT start_at, end_at FROM booking WHERE venue_id = ? AND slot_id IS NULL "
                       "AND status = 'booked' AND start_at < ? AND end_at > ?"),
        {venueId, endMs, startMs});
    if (!others)
        return std::unexpected(others.error());
    // The most bookings at one moment inside [startMs, endMs): a sweep over starts and ends.
    QList<std::pair<qint64, int>> edges;
    QSqlQuery row = std::move(*others);
    while (row.next()) {
        edges.append({std::max(row.value(0).toLongLong(), startMs), +1});
        edges.append({std::min(row.value(1).toLongLong(), endMs), -1});
    }
    std::sort(edges.begin(), edges.end());
    int current = 0;
    int most = 0;
    for (const auto &edge : edges) {
        current += edge.second;
        most = std::max(most, current);
    }
    if (court)
        return most == 0;
    return capacity <= 0 || most < capacity;
}

Result<EventOutcome> EventApplier::createBooking(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString bookingNo = fields.text(QStringLiteral("bookingNo"), 32);
    const QString memberId = fields.id(QStringLiteral("memberId"));
    const QString venueId = fields.id(QStringLiteral("venueId"));
    const QString slotId = fields.optionalId(QStringLiteral("slotId"));
    const auto [startMs, endMs] = readRange(fields);
    const QString status = fields.has(QStringLiteral("status")) ? fields.oneOf(QStringLiteral("status"),
                               {QStringLiteral("booked"), QStringLiteral("cancelled"), QStringLiteral("attended"),
                                   QStringLiteral("no_show")})
                                                                : QStringLiteral("booked");
    const QString recurrenceId = fields.optionalId(QStringLiteral("recurrenceId"));
    const qint64 createdAt = fields.integer(QStringLiteral("createdAtMs"), 0, kMaxMs, event.atMs);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Status member = requireRow(QStringLiteral("member"), memberId, QStringLiteral("data.memberId")); !member)
        return std::unexpected(member.error());
    if (Status venue = requireRow(QStringLiteral("venue"), venueId, QStringLiteral("data.venueId")); !venue)
        return std::unexpected(venue.error());
    if (!slotId.isEmpty()) {
        if (Status slot = requireRow(QStringLiteral("course_slot"), slotId, QStringLiteral("data.slotId")); !slot)
            return std::unexpected(slot.error());
    }
    if (Result<bool> used = taken(QStringLiteral("booking"), QStringLiteral("booking_no"), bookingNo, id); !used)
        return std::unexpected(used.error());
    else if (*used)
        return fail(ErrorCode::Conflict, Text::tr("Another booking has the number in data.bookingNo."),
            QStringLiteral("data.bookingNo"));
    if (Status known = requireRow(QStringLiteral("booking"), id, QStringLiteral("data.id")); known)
        return ok(); // the same booking again (a retry with a new event id): it is there already
    else if (known.error().code != ErrorCode::NotFound)
        return std::unexpected(known.error());

    bool fits = true;
    if (status == QLatin1String("booked")) {
        const Result<bool> judged = bookingFits(venueId, slotId, startMs, endMs);
        if (!judged)
            return std::unexpected(judged.error());
        fits = *judged;
    }
    // A booking that does not fit is kept as 'rejected' and published, so the site that took it
    // offline learns the hub's verdict on its next pull.
    const Status written = run(
        QStringLiteral("INSERT INTO booking (id, site_id, booking_no, member_id, venue_id, slot_id, start_at, end_at, "
                       "status, recurrence_id, cancel_reason, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, sql::nullIfEmpty(m_siteId), bookingNo, memberId, venueId, sql::nullIfEmpty(slotId), startMs, endMs,
            fits ? status : QStringLiteral("rejected"), sql::nullIfEmpty(recurrenceId),
            fits ? QVariant(QMetaType::fromType<QString>()) : QVariant(rejection::BookingConflict), createdAt,
            event.atMs});
    if (!written)
        return std::unexpected(written.error());
    if (Status counted = refreshSlotCount(slotId, event.atMs); !counted)
        return std::unexpected(counted.error());
    if (Status published = publish(entity::Booking, id); !published)
        return std::unexpected(published.error());
    const QJsonObject payload {{QStringLiteral("bookingId"), id}, {QStringLiteral("bookingNo"), bookingNo},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("venueId"), venueId},
        {QStringLiteral("slotId"), slotId}, {QStringLiteral("startMs"), startMs}, {QStringLiteral("endMs"), endMs},
        {QStringLiteral("siteId"), m_siteId}};
    NotificationLog notifications(m_database);
    if (fits) {
        if (status == QLatin1String("booked")) {
            if (Status sent
                = notifications.publish(audience::member(memberId), notification::BookingConfirmed, payload);
                !sent)
                return std::unexpected(sent.error());
        }
        return ok();
    }
    QJsonObject rejected = payload;
    rejected.insert(QStringLiteral("reason"), rejection::BookingConflict);
    if (Status raised = raiseFlag(flag::BookingRejected, QStringLiteral("booking"), id, rejected); !raised)
        return std::unexpected(raised.error());
    if (Status sent = notifications.publish(audience::member(memberId), notification::BookingRejected, rejected); !sent)
        return std::unexpected(sent.error());
    if (!m_siteId.isEmpty()) {
        if (Status sent = notifications.publish(audience::site(m_siteId), notification::BookingRejected, rejected);
            !sent)
            return std::unexpected(sent.error());
    }
    return EventOutcome {EventStatus::Rejected, rejection::BookingConflict, QStringLiteral("data.startMs"),
        Text::tr("Booking %1 is over the capacity of its class or venue, or overlaps another booking; it was "
                 "stored as rejected and the member is told.")
            .arg(bookingNo),
        true};
}

Result<EventOutcome> EventApplier::cancelBooking(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString reason = fields.text(QStringLiteral("reason"), 500, false);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Status found = requireRow(QStringLiteral("booking"), id, QStringLiteral("data.id")); !found)
        return std::unexpected(found.error());
    const Result<int> changed = affected(QStringLiteral("UPDATE booking SET status = 'cancelled', cancel_reason = ?, "
                                                        "updated_at = ? WHERE id = ? AND status = 'booked'"),
        {reason, event.atMs, id});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return ok(); // rejected by the hub already, or cancelled before
    const Result<std::optional<QVariant>> slot
        = sql::scalar(m_database.database(), QStringLiteral("SELECT slot_id FROM booking WHERE id = ?"), {id});
    if (!slot)
        return std::unexpected(slot.error());
    const QString slotId = slot->has_value() && !(*slot)->isNull() ? (*slot)->toString() : QString();
    if (Status counted = refreshSlotCount(slotId, event.atMs); !counted)
        return std::unexpected(counted.error());
    if (Status published = publish(entity::Booking, id); !published)
        return std::unexpected(published.error());
    return ok();
}

// ---------------------------------------------------------------- waiting list

Result<EventOutcome> EventApplier::applyWaitlist(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString memberId = fields.id(QStringLiteral("memberId"));
    const QString venueId = fields.id(QStringLiteral("venueId"));
    const QString slotId = fields.optionalId(QStringLiteral("slotId"));
    const auto [startMs, endMs] = readRange(fields);
    const qint64 position = fields.integer(QStringLiteral("position"), 0, 100'000, 0);
    QString status = fields.oneOf(
        QStringLiteral("status"), {QStringLiteral("waiting"), QStringLiteral("promoted"), QStringLiteral("cancelled")});
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (event.type == QLatin1String("waitlist.promoted"))
        status = QStringLiteral("promoted");
    if (Status member = requireRow(QStringLiteral("member"), memberId, QStringLiteral("data.memberId")); !member)
        return std::unexpected(member.error());
    if (Status venue = requireRow(QStringLiteral("venue"), venueId, QStringLiteral("data.venueId")); !venue)
        return std::unexpected(venue.error());
    if (!slotId.isEmpty()) {
        if (Status slot = requireRow(QStringLiteral("course_slot"), slotId, QStringLiteral("data.slotId")); !slot)
            return std::unexpected(slot.error());
    }
    return writeAndPublish(entity::Waitlist, id,
        QStringLiteral("INSERT INTO waitlist (id, member_id, venue_id, slot_id, start_at, end_at, position, "
                       "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "position = excluded.position, status = excluded.status"),
        {id, memberId, venueId, sql::nullIfEmpty(slotId), startMs, endMs, position, status, event.atMs});
}

Result<EventOutcome> EventApplier::leaveWaitlist(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Status found = requireRow(QStringLiteral("waitlist"), id, QStringLiteral("data.id")); !found)
        return std::unexpected(found.error());
    const Result<int> changed = affected(
        QStringLiteral("UPDATE waitlist SET status = 'cancelled' WHERE id = ? AND status = 'waiting'"), {id});
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return ok();
    if (Status published = publish(entity::Waitlist, id); !published)
        return std::unexpected(published.error());
    return ok();
}

} // namespace gymgate::hub
