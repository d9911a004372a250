#include "ReservationModule.h"

#include "core/SyncJson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

#include "ChangeLog.h"
#include "HubDatabase.h"
#include "HubSettings.h"
#include "HubSql.h"
#include "NotificationLog.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ReservationModule)
};

using venues::MsPerDay;
using venues::MsPerHour;

// pg_advisory_xact_lock key of booking writes ("GYMB" in ASCII).
constexpr qint64 kBookingLockKey = 0x47594d42;
constexpr qint64 kMaxRangeMs = MsPerDay; // a venue booking lasts at most a day, as at the desk
const QString kDefaultHubNumber = QStringLiteral("900");
const QStringList kBookers {role::Admin, role::Staff, role::Member};

std::unexpected<Error> invalid(const QString &message, const QString &field)
{
    return fail(ErrorCode::InvalidArgument, message, field);
}

const QString kBookingSelect = QStringLiteral(
    "SELECT b.id, b.booking_no, b.member_id, b.venue_id, COALESCE(b.slot_id, ''), b.start_at, b.end_at, b.status, "
    "COALESCE(b.recurrence_id, ''), b.created_at, COALESCE(b.cancel_reason, ''), b.penalty_fen, b.updated_at, "
    "m.name, v.name, COALESCE(c.name, '') FROM booking b JOIN member m ON m.id = b.member_id "
    "JOIN venue v ON v.id = b.venue_id LEFT JOIN course_slot s ON s.id = b.slot_id "
    "LEFT JOIN course c ON c.id = s.course_id ");

ReservationModule::BookingRow readBooking(const QSqlQuery &query)
{
    ReservationModule::BookingRow row;
    Booking &booking = row.booking;
    booking.id = query.value(0).toString();
    booking.bookingNo = query.value(1).toString();
    booking.memberId = query.value(2).toString();
    booking.venueId = query.value(3).toString();
    booking.slotId = query.value(4).toString();
    booking.startMs = query.value(5).toLongLong();
    booking.endMs = query.value(6).toLongLong();
    row.status = query.value(7).toString();
    booking.status = bookingStatusFromName(row.status);
    booking.recurrenceId = query.value(8).toString();
    booking.createdAtMs = query.value(9).toLongLong();
    row.cancelReason = query.value(10).toString();
    row.penaltyFen = query.value(11).toLongLong();
    row.updatedAtMs = query.value(12).toLongLong();
    row.memberName = query.value(13).toString();
    row.venueName = query.value(14).toString();
    row.courseName = query.value(15).toString();
    return row;
}

// The desk's outbox shape of a booking, plus what a cancellation left on it.
QJsonObject bookingSyncJson(const ReservationModule::BookingRow &row)
{
    QJsonObject json = syncjson::toJson(row.booking);
    json.insert(QStringLiteral("status"), row.status); // the column's text: the hub also has 'rejected'
    json.insert(QStringLiteral("cancelReason"), row.cancelReason);
    json.insert(QStringLiteral("penaltyFen"), row.penaltyFen);
    return json;
}

QString fieldOf(const ReservationModule::Place &place)
{
    return place.slot ? QStringLiteral("slotId") : QStringLiteral("startAt");
}

// 409 with the refusal's stable code and message, naming `field`.
HubResponse refusalResponse(BookingRefusal why, const QString &field)
{
    return HubResponse::error(409, QString::fromLatin1(bookingRefusalCode(why)), bookingRefusalMessage(why), field);
}

// 409 with the refusal's stable code; an overlap with a booking is `booking_conflict` naming it,
// and a full slot or venue points at the waiting list.
HubResponse refusalResponse(const ReservationModule::Verdict &verdict, const ReservationModule::Place &place)
{
    const QString reason = QString::fromLatin1(bookingRefusalCode(verdict.refusal));
    QJsonObject data {{QStringLiteral("field"), fieldOf(place)}, {QStringLiteral("reason"), reason}};
    QString code = reason;
    QString message = bookingRefusalMessage(verdict.refusal);
    if (!verdict.conflictBookingId.isEmpty()) {
        code = QStringLiteral("booking_conflict");
        data.insert(QStringLiteral("conflictingBookingId"), verdict.conflictBookingId);
        data.insert(QStringLiteral("conflictingBookingNo"), verdict.conflictBookingNo);
        message = Text::tr("%1 Conflicting booking: %2.").arg(message, verdict.conflictBookingNo);
    }
    if (!verdict.conflictSlotId.isEmpty())
        data.insert(QStringLiteral("conflictingSlotId"), verdict.conflictSlotId);
    if (verdict.refusal == BookingRefusal::SlotFull || verdict.refusal == BookingRefusal::VenueFull) {
        QJsonObject body = place.slot
            ? QJsonObject {{QStringLiteral("slotId"), place.slot->slot.id}}
            : QJsonObject {{QStringLiteral("startAt"), place.startMs}, {QStringLiteral("endAt"), place.endMs}};
        data.insert(QStringLiteral("waitingList"),
            QJsonObject {{QStringLiteral("method"), QStringLiteral("POST")},
                {QStringLiteral("path"), QStringLiteral("/api/venues/%1/waiting-list").arg(place.venue.venue.id)},
                {QStringLiteral("body"), body}});
        message = Text::tr("%1 You can join the waiting list.").arg(message);
    }
    HubResponse response = HubResponse::error(409, code, message);
    response.data = data;
    return response;
}

// The member a request acts for: a member token acts for itself (a memberId in the body must be
// its own), staff name the member.
Result<QString> actingMember(const HubRequest &request)
{
    const HubPrincipal &principal = request.principal;
    if (principal.kind == PrincipalKind::Member) {
        Result<QString> named = request.optionalString(QStringLiteral("memberId"), principal.memberId, 64);
        if (!named)
            return std::unexpected(named.error());
        if (*named != principal.memberId)
            return fail(ErrorCode::PermissionDenied, Text::tr("A member can only book for themselves."),
                QStringLiteral("memberId"));
        return principal.memberId;
    }
    return request.requireString(QStringLiteral("memberId"), 64);
}

bool isMember(const HubRequest &request)
{
    return request.principal.kind == PrincipalKind::Member;
}

Error reservationNotFound(const QString &bookingId)
{
    return Error {ErrorCode::NotFound, Text::tr("The reservation %1 does not exist.").arg(bookingId),
        QStringLiteral("reservationId")};
}

// A seed-002 status number (booking_record.status SMALLINT); the name is in statusName.
int seedStatusNumber(const QString &status)
{
    static const QStringList order {QStringLiteral("booked"), QStringLiteral("cancelled"), QStringLiteral("attended"),
        QStringLiteral("no_show"), QStringLiteral("rejected")};
    return int(order.indexOf(status)) + 1;
}

} // namespace

// ---------------------------------------------------------------- routes

void ReservationModule::registerRoutes(HubRouter &router)
{
    const auto bind = [this](HubResponse (ReservationModule::*handler)(const HubRequest &)) {
        return [this, handler](const HubRequest &request) {
            return (this->*handler)(request);
        };
    };
    const auto bindConst = [this](HubResponse (ReservationModule::*handler)(const HubRequest &) const) {
        return [this, handler](const HubRequest &request) {
            return (this->*handler)(request);
        };
    };
    const QString get = QStringLiteral("GET");
    const QString put = QStringLiteral("PUT");
    const QString post = QStringLiteral("POST");
    router.add(get, QStringLiteral("/api/reservations"),
        QStringLiteral("Reservations: a member's own; staff filter by memberId, venueId, status, from, to"), kBookers,
        bindConst(&ReservationModule::listReservations));
    router.add(post, QStringLiteral("/api/reservations"),
        QStringLiteral("Book a venue range {venueId, startAt, endAt} or a class {slotId}"), kBookers,
        bind(&ReservationModule::createReservation));
    router.add(get, QStringLiteral("/api/reservations/{reservationId}"), QStringLiteral("One reservation"), kBookers,
        bindConst(&ReservationModule::getReservation));
    router.add(put, QStringLiteral("/api/reservations/{reservationId}"),
        QStringLiteral("Cancel {action: cancel, reason} or move {action: move, startAt, endAt | slotId}"), kBookers,
        bind(&ReservationModule::updateReservation));
    router.add(get, QStringLiteral("/api/admin/reservations"), QStringLiteral("Reservations (admin list)"),
        role::AdminOnly, bindConst(&ReservationModule::listReservations));
    router.add(get, QStringLiteral("/api/admin/reservations/{reservationId}"),
        QStringLiteral("One reservation (admin)"), role::AdminOnly, bindConst(&ReservationModule::getReservation));
    router.add(put, QStringLiteral("/api/admin/reservations/{reservationId}"),
        QStringLiteral("Cancel or move a reservation (admin)"), role::AdminOnly,
        bind(&ReservationModule::updateReservation));
    router.add(post, QStringLiteral("/api/v1/bookings/course"), QStringLiteral("Book a class {memberId, slotId}"),
        kBookers, bind(&ReservationModule::bookCourse));
    router.add(post, QStringLiteral("/api/venues/{venueId}/waiting-list"),
        QStringLiteral("Join the waiting list of a full class {slotId} or venue range {startAt, endAt}"), kBookers,
        bind(&ReservationModule::joinWaitlist));
    router.add(get, QStringLiteral("/api/venues/{venueId}/waiting-list"),
        QStringLiteral("Waiting list of a venue (a member sees their own entries)"), kBookers,
        bindConst(&ReservationModule::listWaitlist));
}

// ---------------------------------------------------------------- reading

Result<std::optional<ReservationModule::BookingRow>> ReservationModule::findBooking(const QString &bookingId) const
{
    Result<QSqlQuery> query
        = sql::exec(database().database(), kBookingSelect + QStringLiteral("WHERE b.id = ?"), {bookingId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<BookingRow>();
    return std::optional<BookingRow>(readBooking(*query));
}

Result<std::optional<ReservationModule::SlotRow>> ReservationModule::findSlot(const QString &slotId) const
{
    Result<QSqlQuery> query = sql::exec(database().database(),
        QStringLiteral("SELECT s.id, s.course_id, s.venue_id, s.coach_name, s.start_at, s.end_at, s.capacity, "
                       "s.booked_count, c.name FROM course_slot s JOIN course c ON c.id = s.course_id "
                       "WHERE s.id = ? AND s.deleted_at IS NULL"),
        {slotId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<SlotRow>();
    SlotRow row;
    row.slot = {query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
        query->value(3).toString(), query->value(4).toLongLong(), query->value(5).toLongLong(), query->value(6).toInt(),
        query->value(7).toInt()};
    row.courseName = query->value(8).toString();
    return std::optional<SlotRow>(row);
}

QJsonObject ReservationModule::bookingApiJson(const BookingRow &row, const QTimeZone &zone) const
{
    QJsonObject json = bookingSyncJson(row);
    json.insert(QStringLiteral("startAt"), venues::isoTime(row.booking.startMs, zone));
    json.insert(QStringLiteral("endAt"), venues::isoTime(row.booking.endMs, zone));
    json.insert(QStringLiteral("memberName"), row.memberName);
    json.insert(QStringLiteral("venueName"), row.venueName);
    json.insert(QStringLiteral("courseName"), row.courseName);
    json.insert(QStringLiteral("updatedAtMs"), row.updatedAtMs);
    return json;
}

HubResponse ReservationModule::listReservations(const HubRequest &request) const
{
    const QTimeZone zone = venues::siteZone(database().database());
    QString where = QStringLiteral("WHERE 1 = 1");
    QVariantList binds;
    const auto filter = [&](const QString &clause, const QVariant &value) {
        where += QStringLiteral(" AND ") + clause;
        binds.append(value);
    };
    if (isMember(request))
        filter(QStringLiteral("b.member_id = ?"), request.principal.memberId);
    else if (request.query.hasQueryItem(QStringLiteral("memberId")))
        filter(QStringLiteral("b.member_id = ?"), request.queryString(QStringLiteral("memberId")));
    if (request.query.hasQueryItem(QStringLiteral("venueId")))
        filter(QStringLiteral("b.venue_id = ?"), request.queryString(QStringLiteral("venueId")));
    if (request.query.hasQueryItem(QStringLiteral("status"))) {
        const QString status = request.queryString(QStringLiteral("status"));
        if (seedStatusNumber(status) == 0)
            return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
                Text::tr("The parameter \"status\" must be booked, cancelled, attended, no_show or rejected."),
                QStringLiteral("status")});
        filter(QStringLiteral("b.status = ?"), status);
    }
    for (const QString &name : {QStringLiteral("from"), QStringLiteral("to")}) {
        Result<std::optional<qint64>> at = venues::queryTime(request, name, zone);
        if (!at)
            return HubResponse::fromError(at.error());
        if (*at) // bookings overlapping [from, to)
            filter(name == QLatin1String("from") ? QStringLiteral("b.end_at > ?") : QStringLiteral("b.start_at < ?"),
                **at);
    }
    Result<qint64> page = request.queryInteger(QStringLiteral("page"), 1, 1, 100'000);
    if (!page)
        return HubResponse::fromError(page.error());
    Result<qint64> pageSize = request.queryInteger(QStringLiteral("pageSize"), 50, 1, 200);
    if (!pageSize)
        return HubResponse::fromError(pageSize.error());
    Result<std::optional<QVariant>> total
        = sql::scalar(database().database(), QStringLiteral("SELECT COUNT(*) FROM booking b ") + where, binds);
    if (!total)
        return HubResponse::fromError(total.error());
    Result<QSqlQuery> query = sql::exec(database().database(),
        kBookingSelect + where + QStringLiteral(" ORDER BY b.start_at DESC, b.booking_no LIMIT ? OFFSET ?"),
        binds + QVariantList {*pageSize, (*page - 1) * *pageSize});
    if (!query)
        return HubResponse::fromError(query.error());
    QJsonArray items;
    while (query->next())
        items.append(bookingApiJson(readBooking(*query), zone));
    return HubResponse::ok(
        QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), *total ? (*total)->toLongLong() : 0},
            {QStringLiteral("page"), *page}, {QStringLiteral("pageSize"), *pageSize}});
}

Result<ReservationModule::BookingRow> ReservationModule::visibleBooking(const HubRequest &request) const
{
    const QString bookingId = request.pathParams.value(QStringLiteral("reservationId"));
    Result<std::optional<BookingRow>> row = findBooking(bookingId);
    if (!row)
        return std::unexpected(row.error());
    if (!*row || (isMember(request) && (*row)->booking.memberId != request.principal.memberId))
        return std::unexpected(reservationNotFound(bookingId));
    return **row;
}

HubResponse ReservationModule::getReservation(const HubRequest &request) const
{
    const Result<BookingRow> row = visibleBooking(request);
    if (!row)
        return HubResponse::fromError(row.error());
    return HubResponse::ok(bookingApiJson(*row, venues::siteZone(database().database())));
}

// ---------------------------------------------------------------- judging (the desk's rules)

Status ReservationModule::lockBookings()
{
    if (database().dialect() != DbDialect::Postgresql)
        return {}; // SQLite: the transaction began IMMEDIATE, writers already queue
    Result<QSqlQuery> locked
        = sql::exec(database().database(), QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kBookingLockKey));
    if (!locked)
        return std::unexpected(locked.error());
    return {};
}

Result<ReservationModule::Place> ReservationModule::resolve(
    const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs) const
{
    Place place;
    if (!slotId.isEmpty()) {
        Result<std::optional<SlotRow>> slot = findSlot(slotId);
        if (!slot)
            return std::unexpected(slot.error());
        if (!*slot)
            return fail(
                ErrorCode::NotFound, Text::tr("The class %1 does not exist.").arg(slotId), QStringLiteral("slotId"));
        if (!venueId.isEmpty() && venueId != (*slot)->slot.venueId)
            return invalid(
                Text::tr("The class %1 is not held in the venue %2.").arg(slotId, venueId), QStringLiteral("slotId"));
        place.slot = **slot;
        place.startMs = place.slot->slot.startMs;
        place.endMs = place.slot->slot.endMs;
        Result<HubVenue> venue
            = venues::require(database().database(), place.slot->slot.venueId, QStringLiteral("slotId"));
        if (!venue)
            return std::unexpected(venue.error());
        place.venue = *venue;
        return place;
    }
    if (endMs <= startMs)
        return invalid(Text::tr("The booking must end after it starts."), QStringLiteral("endAt"));
    if (endMs - startMs > kMaxRangeMs)
        return invalid(Text::tr("A venue booking lasts at most one day."), QStringLiteral("endAt"));
    Result<HubVenue> venue = venues::require(database().database(), venueId, QStringLiteral("venueId"));
    if (!venue)
        return std::unexpected(venue.error());
    place.venue = *venue;
    place.startMs = startMs;
    place.endMs = endMs;
    return place;
}

Result<BookingRefusal> ReservationModule::judgeMember(const QString &memberId) const
{
    Result<std::optional<QVariant>> status = sql::scalar(database().database(),
        QStringLiteral("SELECT status FROM member WHERE id = ? AND deleted_at IS NULL"), {memberId});
    if (!status)
        return std::unexpected(status.error());
    if (!*status)
        return fail(
            ErrorCode::NotFound, Text::tr("The member %1 does not exist.").arg(memberId), QStringLiteral("memberId"));
    return (*status)->toString() == QLatin1String("blocked") ? BookingRefusal::MemberBlocked : BookingRefusal::Invalid;
}

BookingRefusal ReservationModule::judgeTime(const Place &place) const
{
    const Venue &venue = place.venue.venue;
    if (venue.status == VenueStatus::Closed)
        return BookingRefusal::VenueClosed;
    if (venue.status == VenueStatus::Maintenance)
        return BookingRefusal::Maintenance;
    const qint64 nowMs = sql::nowMs();
    if (place.startMs < nowMs)
        return BookingRefusal::InThePast;
    if (venue.advanceDays > 0 && place.startMs > nowMs + venue.advanceDays * MsPerDay)
        return BookingRefusal::BeyondAdvanceWindow;
    if (!venues::insideOpeningHours(venue, place.startMs, place.endMs, venues::siteZone(database().database())))
        return BookingRefusal::OutsideOpeningHours;
    return BookingRefusal::Invalid;
}

Result<BookingRefusal> ReservationModule::judgeMaintenance(const Place &place) const
{
    Result<std::optional<QVariant>> plan = sql::scalar(database().database(),
        QStringLiteral("SELECT id FROM maintenance WHERE venue_id = ? AND deleted_at IS NULL AND start_at < ? "
                       "AND end_at > ? LIMIT 1"),
        {place.venue.venue.id, place.endMs, place.startMs});
    if (!plan)
        return std::unexpected(plan.error());
    return *plan ? BookingRefusal::Maintenance : BookingRefusal::Invalid;
}

Result<ReservationModule::Verdict> ReservationModule::judgeMemberLoad(const QString &memberId, const Place &place) const
{
    Result<QSqlQuery> overlap = sql::exec(database().database(),
        QStringLiteral("SELECT id, booking_no FROM booking WHERE member_id = ? AND status = 'booked' "
                       "AND start_at < ? AND end_at > ? ORDER BY start_at LIMIT 1"),
        {memberId, place.endMs, place.startMs});
    if (!overlap)
        return std::unexpected(overlap.error());
    if (overlap->next())
        return Verdict {
            BookingRefusal::MemberDoubleBooked, false, overlap->value(0).toString(), overlap->value(1).toString(), {}};
    const int maximum = place.venue.venue.maxActiveBookings;
    if (maximum <= 0)
        return Verdict {};
    Result<std::optional<QVariant>> held = sql::scalar(database().database(),
        QStringLiteral("SELECT COUNT(*) FROM booking WHERE member_id = ? AND venue_id = ? AND status = 'booked' "
                       "AND end_at > ?"),
        {memberId, place.venue.venue.id, sql::nowMs()});
    if (!held)
        return std::unexpected(held.error());
    if (*held && (*held)->toLongLong() >= maximum)
        return Verdict {BookingRefusal::TooManyActiveBookings, false, {}, {}, {}};
    return Verdict {};
}

Result<ReservationModule::Verdict> ReservationModule::judgeCapacity(const Place &place) const
{
    if (place.slot) {
        const bool full = place.slot->slot.bookedCount >= place.slot->slot.capacity;
        return Verdict {full ? BookingRefusal::SlotFull : BookingRefusal::Invalid, true, {}, {}, {}};
    }
    const Venue &venue = place.venue.venue;
    Result<std::optional<QVariant>> classThere = sql::scalar(database().database(),
        QStringLiteral("SELECT id FROM course_slot WHERE venue_id = ? AND deleted_at IS NULL AND start_at < ? "
                       "AND end_at > ? ORDER BY start_at LIMIT 1"),
        {venue.id, place.endMs, place.startMs});
    if (!classThere)
        return std::unexpected(classThere.error());
    if (*classThere)
        return Verdict {BookingRefusal::VenueOverlap, false, {}, {}, (*classThere)->toString()};
    Result<QSqlQuery> taken = sql::exec(database().database(),
        QStringLiteral("SELECT id, booking_no, start_at, end_at FROM booking WHERE venue_id = ? AND slot_id IS NULL "
                       "AND status = 'booked' AND start_at < ? AND end_at > ? ORDER BY start_at, id"),
        {venue.id, place.endMs, place.startMs});
    if (!taken)
        return std::unexpected(taken.error());
    // The most bookings at one moment inside the range: a sweep over their starts and ends.
    QList<std::pair<qint64, int>> edges;
    QString firstId;
    QString firstNo;
    while (taken->next()) {
        if (firstId.isEmpty()) {
            firstId = taken->value(0).toString();
            firstNo = taken->value(1).toString();
        }
        edges.append({std::max(taken->value(2).toLongLong(), place.startMs), +1});
        edges.append({std::min(taken->value(3).toLongLong(), place.endMs), -1});
    }
    std::sort(edges.begin(), edges.end()); // an end (-1) sorts before a start at the same time
    int current = 0;
    int most = 0;
    for (const auto &edge : std::as_const(edges)) {
        current += edge.second;
        most = std::max(most, current);
    }
    // A court is let to one party at a time; other venues hold `capacity` bookings (0 = any).
    if (venue.kind == VenueKind::Court)
        return most > 0 ? Verdict {BookingRefusal::VenueOverlap, true, firstId, firstNo, {}} : Verdict {};
    const bool full = venue.capacity > 0 && most >= venue.capacity;
    return Verdict {full ? BookingRefusal::VenueFull : BookingRefusal::Invalid, true, {}, {}, {}};
}

Result<ReservationModule::Verdict> ReservationModule::judge(const QString &memberId, const Place &place) const
{
    // The desk's order; capacity comes last so that "full" means "everything else is fine",
    // which the waiting list relies on.
    Result<BookingRefusal> member = judgeMember(memberId);
    if (!member)
        return std::unexpected(member.error());
    if (*member != BookingRefusal::Invalid)
        return Verdict {*member, false, {}, {}, {}};
    if (BookingRefusal time = judgeTime(place); time != BookingRefusal::Invalid)
        return Verdict {time, false, {}, {}, {}};
    Result<BookingRefusal> maintenance = judgeMaintenance(place);
    if (!maintenance)
        return std::unexpected(maintenance.error());
    if (*maintenance != BookingRefusal::Invalid)
        return Verdict {*maintenance, false, {}, {}, {}};
    Result<Verdict> load = judgeMemberLoad(memberId, place);
    if (!load || load->refusal != BookingRefusal::Invalid)
        return load;
    return judgeCapacity(place);
}

// ---------------------------------------------------------------- writing

Result<QString> ReservationModule::nextBookingNo() const
{
    // B + hub number + 8 digits, like the desk's B + site number: the prefix keeps the hub's
    // numbers apart from the sites', the booking lock keeps them unique inside it.
    Result<std::optional<QString>> configured = HubSettings(database()).value(QStringLiteral("hub.number"));
    if (!configured)
        return std::unexpected(configured.error());
    QString number = configured->value_or(kDefaultHubNumber);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,6}$"));
    if (!digits.match(number).hasMatch())
        number = kDefaultHubNumber;
    const QString prefix = QStringLiteral("B") + number;
    Result<std::optional<QVariant>> last = sql::scalar(database().database(),
        QStringLiteral("SELECT MAX(booking_no) FROM booking WHERE booking_no LIKE ? AND LENGTH(booking_no) = ?"),
        {QString(prefix + QLatin1Char('%')), qint64(prefix.size() + 8)});
    if (!last)
        return std::unexpected(last.error());
    const qint64 sequence = *last && !(*last)->isNull() ? (*last)->toString().mid(prefix.size()).toLongLong() : 0;
    return prefix + QStringLiteral("%1").arg(sequence + 1, 8, 10, QLatin1Char('0'));
}

Status ReservationModule::adjustSlot(const QString &slotId, int delta)
{
    Result<QSqlQuery> updated = sql::exec(database().database(),
        QStringLiteral("UPDATE course_slot SET booked_count = booked_count + ?, updated_at = ? WHERE id = ? "
                       "AND booked_count + ? >= 0"),
        {qint64(delta), sql::nowMs(), slotId, qint64(delta)});
    if (!updated)
        return std::unexpected(updated.error());
    Result<std::optional<SlotRow>> slot = findSlot(slotId);
    if (!slot)
        return std::unexpected(slot.error());
    if (!*slot)
        return {};
    return ChangeLog(database()).record(entity::Slot, slotId, ChangeOp::Upsert, syncjson::toJson((*slot)->slot));
}

Status ReservationModule::recordBooking(const QString &bookingId)
{
    Result<std::optional<BookingRow>> row = findBooking(bookingId);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::Internal, QStringLiteral("booking %1 vanished").arg(bookingId));
    return ChangeLog(database()).record(entity::Booking, bookingId, ChangeOp::Upsert, bookingSyncJson(**row));
}

Result<std::optional<Booking>> ReservationModule::insertBooking(const QString &memberId, const Place &place)
{
    const qint64 nowMs = sql::nowMs();
    if (place.slot) {
        // The place is taken only while one is left, whatever another hub instance did since
        // the check: the UPDATE decides, not the count read before it.
        Result<QSqlQuery> claimed = sql::exec(database().database(),
            QStringLiteral("UPDATE course_slot SET booked_count = booked_count + 1, updated_at = ? WHERE id = ? "
                           "AND deleted_at IS NULL AND booked_count < capacity"),
            {nowMs, place.slot->slot.id});
        if (!claimed)
            return std::unexpected(claimed.error());
        if (claimed->numRowsAffected() != 1)
            return std::optional<Booking>();
    }
    Result<QString> number = nextBookingNo();
    if (!number)
        return std::unexpected(number.error());
    Booking booking;
    booking.id = sql::newId();
    booking.bookingNo = *number;
    booking.memberId = memberId;
    booking.venueId = place.venue.venue.id;
    booking.slotId = place.slot ? place.slot->slot.id : QString();
    booking.startMs = place.startMs;
    booking.endMs = place.endMs;
    booking.status = BookingStatus::Booked;
    booking.createdAtMs = nowMs;
    Result<QSqlQuery> inserted = sql::exec(database().database(),
        QStringLiteral("INSERT INTO booking (id, booking_no, member_id, venue_id, slot_id, start_at, end_at, status, "
                       "created_at, updated_at) VALUES (?,?,?,?,?,?,?,'booked',?,?)"),
        {booking.id, booking.bookingNo, memberId, booking.venueId, sql::nullIfEmpty(booking.slotId), booking.startMs,
            booking.endMs, nowMs, nowMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    if (place.slot) {
        if (Status counted = adjustSlot(place.slot->slot.id, 0); !counted) // records the new count
            return std::unexpected(counted.error());
    }
    if (Status logged = recordBooking(booking.id); !logged)
        return std::unexpected(logged.error());
    return std::optional<Booking>(booking);
}

namespace {

QJsonObject notificationPayload(const Booking &booking, const ReservationModule::Place &place, const QTimeZone &zone)
{
    return {{QStringLiteral("bookingId"), booking.id}, {QStringLiteral("bookingNo"), booking.bookingNo},
        {QStringLiteral("venueId"), booking.venueId}, {QStringLiteral("venueName"), place.venue.venue.name},
        {QStringLiteral("slotId"), booking.slotId},
        {QStringLiteral("courseName"), place.slot ? place.slot->courseName : QString()},
        {QStringLiteral("startAt"), venues::isoTime(booking.startMs, zone)},
        {QStringLiteral("endAt"), venues::isoTime(booking.endMs, zone)}, {QStringLiteral("startMs"), booking.startMs},
        {QStringLiteral("endMs"), booking.endMs}};
}

} // namespace

Result<std::optional<Booking>> ReservationModule::promoteInto(
    const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs)
{
    Result<QSqlQuery> waiting = slotId.isEmpty()
        ? sql::exec(database().database(),
            QStringLiteral("SELECT id, member_id, venue_id, COALESCE(slot_id, ''), start_at, end_at, position "
                           "FROM waitlist WHERE venue_id = ? AND slot_id IS NULL AND status = 'waiting' "
                           "AND start_at < ? AND end_at > ? ORDER BY position, created_at"),
            {venueId, endMs, startMs})
        : sql::exec(database().database(),
            QStringLiteral("SELECT id, member_id, venue_id, COALESCE(slot_id, ''), start_at, end_at, position "
                           "FROM waitlist WHERE slot_id = ? AND status = 'waiting' ORDER BY position, created_at"),
            {slotId});
    if (!waiting)
        return std::unexpected(waiting.error());
    struct Entry {
        QString id, memberId, venueId, slotId;
        qint64 startMs, endMs, position;
    };
    QList<Entry> entries;
    while (waiting->next())
        entries.append({waiting->value(0).toString(), waiting->value(1).toString(), waiting->value(2).toString(),
            waiting->value(3).toString(), waiting->value(4).toLongLong(), waiting->value(5).toLongLong(),
            waiting->value(6).toLongLong()});
    const QTimeZone zone = venues::siteZone(database().database());
    for (const Entry &entry : std::as_const(entries)) {
        Result<Place> place = resolve(entry.venueId, entry.slotId, entry.startMs, entry.endMs);
        if (!place)
            continue; // the class or venue is gone; nobody can be promoted into it
        Result<Verdict> verdict = judge(entry.memberId, *place);
        if (!verdict)
            return std::unexpected(verdict.error());
        // Someone who cannot take the place now (booked elsewhere meanwhile, blocked, ...) keeps
        // waiting; the next in line gets it.
        if (verdict->refusal != BookingRefusal::Invalid)
            continue;
        Result<std::optional<Booking>> booking = insertBooking(entry.memberId, *place);
        if (!booking)
            return std::unexpected(booking.error());
        if (!*booking)
            continue;
        Result<QSqlQuery> promoted = sql::exec(database().database(),
            QStringLiteral("UPDATE waitlist SET status = 'promoted' WHERE id = ? AND status = 'waiting'"), {entry.id});
        if (!promoted)
            return std::unexpected(promoted.error());
        const QJsonObject data {{QStringLiteral("id"), entry.id}, {QStringLiteral("memberId"), entry.memberId},
            {QStringLiteral("venueId"), entry.venueId}, {QStringLiteral("slotId"), entry.slotId},
            {QStringLiteral("startMs"), entry.startMs}, {QStringLiteral("endMs"), entry.endMs},
            {QStringLiteral("position"), entry.position}, {QStringLiteral("status"), QStringLiteral("promoted")},
            {QStringLiteral("bookingId"), (*booking)->id}, {QStringLiteral("bookingNo"), (*booking)->bookingNo}};
        if (Status logged = ChangeLog(database()).record(entity::Waitlist, entry.id, ChangeOp::Upsert, data); !logged)
            return std::unexpected(logged.error());
        if (Status told = NotificationLog(database())
                              .publish(audience::member(entry.memberId), notification::WaitlistPromoted,
                                  notificationPayload(**booking, *place, zone));
            !told)
            return std::unexpected(told.error());
        return booking;
    }
    return std::optional<Booking>();
}

HubResponse ReservationModule::book(
    const QString &memberId, const Place &requested, const QString &actor, bool courseShape)
{
    std::optional<HubResponse> refusal;
    std::optional<Booking> booked;
    Place place = requested;
    const QTimeZone zone = venues::siteZone(database().database());
    const Status done = database().transaction([&]() -> Status {
        if (Status locked = lockBookings(); !locked)
            return locked;
        // Read again under the lock: the place as it is now, not as it was before waiting.
        Result<Place> current
            = resolve(place.venue.venue.id, place.slot ? place.slot->slot.id : QString(), place.startMs, place.endMs);
        if (!current)
            return std::unexpected(current.error());
        place = *current;
        Result<Verdict> verdict = judge(memberId, place);
        if (!verdict)
            return std::unexpected(verdict.error());
        Verdict outcome = *verdict;
        if (outcome.refusal == BookingRefusal::Invalid) {
            Result<std::optional<Booking>> inserted = insertBooking(memberId, place);
            if (!inserted)
                return std::unexpected(inserted.error());
            booked = *inserted;
            if (!booked)
                outcome = Verdict {BookingRefusal::SlotFull, true, {}, {}, {}};
        }
        if (outcome.refusal != BookingRefusal::Invalid) {
            refusal = refusalResponse(outcome, place);
            return fail(ErrorCode::Conflict, refusal->message); // rolls everything back
        }
        QJsonObject payload = notificationPayload(*booked, place, zone);
        payload.insert(QStringLiteral("by"), actor);
        return NotificationLog(database()).publish(audience::member(memberId), notification::BookingConfirmed, payload);
    });
    if (refusal)
        return *refusal;
    if (!done)
        return HubResponse::fromError(done.error());
    Result<std::optional<BookingRow>> row = findBooking(booked->id);
    if (!row || !*row)
        return HubResponse::fromError(
            row ? Error {ErrorCode::Internal, QStringLiteral("booking vanished"), {}} : row.error());
    if (!courseShape)
        return HubResponse::ok(bookingApiJson(**row, zone));
    // seed 002 3.2.1: {id, bookingNo, courseName, slotDate, startTime, endTime, status}
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(booked->startMs, zone);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(booked->endMs, zone);
    QJsonObject json = bookingApiJson(**row, zone);
    json.insert(QStringLiteral("slotDate"), start.date().toString(Qt::ISODate));
    json.insert(QStringLiteral("startTime"), start.time().toString(QStringLiteral("HH:mm:ss")));
    json.insert(QStringLiteral("endTime"), end.time().toString(QStringLiteral("HH:mm:ss")));
    json.insert(QStringLiteral("status"), seedStatusNumber((*row)->status));
    json.insert(QStringLiteral("statusName"), (*row)->status);
    return HubResponse::ok(json);
}

// ---------------------------------------------------------------- endpoints that write

namespace {

struct PlaceRequest {
    QString venueId;
    QString slotId;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// {slotId} or {startAt, endAt} (with venueId from the body or the path).
Result<PlaceRequest> readPlace(const HubRequest &request, const QString &venueId, const QTimeZone &zone)
{
    PlaceRequest place;
    place.venueId = venueId;
    const QJsonObject body = request.json.toObject();
    if (body.contains(QStringLiteral("slotId"))) {
        Result<QString> slotId = request.requireString(QStringLiteral("slotId"), 64);
        if (!slotId)
            return std::unexpected(slotId.error());
        place.slotId = *slotId;
        for (const QString &field : {QStringLiteral("startAt"), QStringLiteral("endAt")}) {
            if (body.contains(field))
                return invalid(
                    Text::tr("Give either a class (slotId) or a time range (startAt, endAt), not both."), field);
        }
        return place;
    }
    if (place.venueId.isEmpty()) {
        Result<QString> named = request.requireString(QStringLiteral("venueId"), 64);
        if (!named)
            return std::unexpected(named.error());
        place.venueId = *named;
    }
    Result<qint64> startMs = venues::parseTime(body.value(QStringLiteral("startAt")), QStringLiteral("startAt"), zone);
    if (!startMs)
        return std::unexpected(startMs.error());
    Result<qint64> endMs = venues::parseTime(body.value(QStringLiteral("endAt")), QStringLiteral("endAt"), zone);
    if (!endMs)
        return std::unexpected(endMs.error());
    place.startMs = *startMs;
    place.endMs = *endMs;
    return place;
}

} // namespace

HubResponse ReservationModule::createReservation(const HubRequest &request)
{
    if (Status valid = request.requireObject({QStringLiteral("venueId"), QStringLiteral("slotId"),
            QStringLiteral("startAt"), QStringLiteral("endAt"), QStringLiteral("memberId")});
        !valid)
        return HubResponse::fromError(valid.error());
    Result<QString> memberId = actingMember(request);
    if (!memberId)
        return HubResponse::fromError(memberId.error());
    QString venueId;
    if (request.json.toObject().contains(QStringLiteral("venueId"))) {
        Result<QString> named = request.requireString(QStringLiteral("venueId"), 64);
        if (!named)
            return HubResponse::fromError(named.error());
        venueId = *named;
    }
    Result<PlaceRequest> wanted = readPlace(request, venueId, venues::siteZone(database().database()));
    if (!wanted)
        return HubResponse::fromError(wanted.error());
    Result<Place> place = resolve(wanted->venueId, wanted->slotId, wanted->startMs, wanted->endMs);
    if (!place)
        return HubResponse::fromError(place.error());
    return book(*memberId, *place, request.principal.actor(), false);
}

HubResponse ReservationModule::bookCourse(const HubRequest &request)
{
    if (Status valid = request.requireObject({QStringLiteral("memberId"), QStringLiteral("slotId")}); !valid)
        return HubResponse::fromError(valid.error());
    Result<QString> memberId = actingMember(request);
    if (!memberId)
        return HubResponse::fromError(memberId.error());
    Result<QString> slotId = request.requireString(QStringLiteral("slotId"), 64);
    if (!slotId)
        return HubResponse::fromError(slotId.error());
    Result<Place> place = resolve({}, *slotId, 0, 0);
    if (!place)
        return HubResponse::fromError(place.error());
    return book(*memberId, *place, request.principal.actor(), true);
}

HubResponse ReservationModule::updateReservation(const HubRequest &request)
{
    if (Status valid = request.requireObject({QStringLiteral("action"), QStringLiteral("reason"),
            QStringLiteral("startAt"), QStringLiteral("endAt"), QStringLiteral("slotId")});
        !valid)
        return HubResponse::fromError(valid.error());
    Result<QString> action = request.requireString(QStringLiteral("action"), 20);
    if (!action)
        return HubResponse::fromError(action.error());
    if (*action != QLatin1String("cancel") && *action != QLatin1String("move"))
        return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
            Text::tr("The field \"action\" must be cancel or move."), QStringLiteral("action")});
    const Result<BookingRow> row = visibleBooking(request);
    if (!row)
        return HubResponse::fromError(row.error());
    return *action == QLatin1String("cancel") ? cancel(request, *row) : move(request, *row);
}

Result<ReservationModule::Changeable> ReservationModule::lockChangeable(const QString &bookingId)
{
    if (Status locked = lockBookings(); !locked)
        return std::unexpected(locked.error());
    Result<std::optional<BookingRow>> current = findBooking(bookingId);
    if (!current)
        return std::unexpected(current.error());
    if (!*current)
        return std::unexpected(reservationNotFound(bookingId));
    Changeable changeable;
    changeable.booking = (*current)->booking;
    changeable.nowMs = sql::nowMs();
    if ((*current)->status != QLatin1String("booked"))
        changeable.refusal = BookingRefusal::NotCancellable;
    else if (changeable.booking.startMs <= changeable.nowMs)
        changeable.refusal = BookingRefusal::AlreadyStarted;
    if (changeable.refusal != BookingRefusal::Invalid)
        return changeable;
    Result<HubVenue> venue
        = venues::require(database().database(), changeable.booking.venueId, QStringLiteral("venueId"));
    if (!venue)
        return std::unexpected(venue.error());
    changeable.venue = *venue;
    return changeable;
}

HubResponse ReservationModule::cancel(const HubRequest &request, const BookingRow &found)
{
    const QJsonObject body = request.json.toObject();
    for (const QString &field : {QStringLiteral("startAt"), QStringLiteral("endAt"), QStringLiteral("slotId")}) {
        if (body.contains(field))
            return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
                Text::tr("The field \"%1\" is not accepted when cancelling.").arg(field), field});
    }
    Result<QString> reason = request.optionalString(QStringLiteral("reason"), {}, 500);
    if (!reason)
        return HubResponse::fromError(reason.error());
    std::optional<HubResponse> refusal;
    bool late = false;
    qint64 penaltyFen = 0;
    std::optional<Booking> promoted;
    const auto refuse = [&](BookingRefusal why) -> Status {
        refusal = refusalResponse(why, QStringLiteral("reservationId"));
        return fail(ErrorCode::Conflict, refusal->message);
    };
    const Status done = database().transaction([&]() -> Status {
        Result<Changeable> current = lockChangeable(found.booking.id);
        if (!current)
            return std::unexpected(current.error());
        if (current->refusal != BookingRefusal::Invalid)
            return refuse(current->refusal);
        const Booking booking = current->booking;
        const qint64 nowMs = current->nowMs;
        const Venue &venue = current->venue.venue;
        late = nowMs > booking.startMs - venue.cancelHours * MsPerHour;
        if (late && venue.cancelPenaltyPercent <= 0)
            return refuse(BookingRefusal::LateCancellation);
        if (late) {
            const double hours = double(booking.endMs - booking.startMs) / double(MsPerHour);
            penaltyFen = qint64(
                std::llround(double(venue.feePerHourFen) * hours * double(venue.cancelPenaltyPercent) / 100.0));
        }
        Result<QSqlQuery> updated = sql::exec(database().database(),
            QStringLiteral("UPDATE booking SET status = 'cancelled', cancel_reason = ?, penalty_fen = ?, "
                           "updated_at = ? WHERE id = ? AND status = 'booked'"),
            {reason->isNull() ? QStringLiteral("") : reason->trimmed(), penaltyFen, nowMs, booking.id});
        if (!updated)
            return std::unexpected(updated.error());
        if (!booking.slotId.isEmpty()) {
            if (Status counted = adjustSlot(booking.slotId, -1); !counted)
                return counted;
        }
        if (Status logged = recordBooking(booking.id); !logged)
            return logged;
        Result<std::optional<Booking>> next
            = promoteInto(booking.venueId, booking.slotId, booking.startMs, booking.endMs);
        if (!next)
            return std::unexpected(next.error());
        promoted = *next;
        return {};
    });
    if (refusal)
        return *refusal;
    if (!done)
        return HubResponse::fromError(done.error());
    const QTimeZone zone = venues::siteZone(database().database());
    Result<std::optional<BookingRow>> row = findBooking(found.booking.id);
    if (!row || !*row)
        return HubResponse::fromError(
            row ? Error {ErrorCode::Internal, QStringLiteral("booking vanished"), {}} : row.error());
    QJsonObject json = bookingApiJson(**row, zone);
    json.insert(QStringLiteral("late"), late);
    json.insert(QStringLiteral("promotedBookingId"), promoted ? QJsonValue(promoted->id) : QJsonValue());
    // Who got the place is the staff's business; a member only learns that someone did.
    if (promoted && request.principal.isStaff())
        json.insert(QStringLiteral("promotedMemberId"), promoted->memberId);
    return HubResponse::ok(json);
}

HubResponse ReservationModule::move(const HubRequest &request, const BookingRow &found)
{
    if (request.json.toObject().contains(QStringLiteral("reason")))
        return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
            Text::tr("The field \"reason\" is only accepted when cancelling."), QStringLiteral("reason")});
    const QTimeZone zone = venues::siteZone(database().database());
    Result<PlaceRequest> wanted = readPlace(request, found.booking.venueId, zone);
    if (!wanted)
        return HubResponse::fromError(wanted.error());
    const bool isClass = !found.booking.slotId.isEmpty();
    if (isClass != !wanted->slotId.isEmpty())
        return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
            isClass ? Text::tr("A class booking moves to another class: give slotId.")
                    : Text::tr("A venue booking moves to another time: give startAt and endAt."),
            QStringLiteral("slotId")});
    std::optional<HubResponse> refusal;
    const auto refuse = [&](BookingRefusal why, const QString &field) -> Status {
        refusal = refusalResponse(why, field);
        return fail(ErrorCode::Conflict, refusal->message);
    };
    const Status done = database().transaction([&]() -> Status {
        Result<Changeable> current = lockChangeable(found.booking.id);
        if (!current)
            return std::unexpected(current.error());
        if (current->refusal != BookingRefusal::Invalid)
            return refuse(current->refusal, QStringLiteral("reservationId"));
        const Booking old = current->booking;
        const qint64 nowMs = current->nowMs;
        // A move gives the old time back: inside the cancel deadline that is refused.
        if (nowMs > old.startMs - current->venue.venue.cancelHours * MsPerHour)
            return refuse(BookingRefusal::LateCancellation, QStringLiteral("reservationId"));
        // Free the old place first so the booking does not collide with itself; a refusal below
        // rolls this back.
        Result<QSqlQuery> freed = sql::exec(
            database().database(), QStringLiteral("UPDATE booking SET status = 'cancelled' WHERE id = ?"), {old.id});
        if (!freed)
            return std::unexpected(freed.error());
        if (!old.slotId.isEmpty()) {
            if (Status counted = adjustSlot(old.slotId, -1); !counted)
                return counted;
        }
        Result<Place> place = resolve(old.venueId, wanted->slotId, wanted->startMs, wanted->endMs);
        if (!place)
            return std::unexpected(place.error());
        Result<Verdict> verdict = judge(old.memberId, *place);
        if (!verdict)
            return std::unexpected(verdict.error());
        if (verdict->refusal != BookingRefusal::Invalid) {
            refusal = refusalResponse(*verdict, *place);
            return fail(ErrorCode::Conflict, refusal->message);
        }
        if (place->slot) {
            Result<QSqlQuery> claimed = sql::exec(database().database(),
                QStringLiteral("UPDATE course_slot SET booked_count = booked_count + 1, updated_at = ? WHERE id = ? "
                               "AND deleted_at IS NULL AND booked_count < capacity"),
                {nowMs, place->slot->slot.id});
            if (!claimed)
                return std::unexpected(claimed.error());
            if (claimed->numRowsAffected() != 1) {
                refusal = refusalResponse(Verdict {BookingRefusal::SlotFull, true, {}, {}, {}}, *place);
                return fail(ErrorCode::Conflict, refusal->message);
            }
            if (Status counted = adjustSlot(place->slot->slot.id, 0); !counted)
                return counted;
        }
        Result<QSqlQuery> moved = sql::exec(database().database(),
            QStringLiteral("UPDATE booking SET status = 'booked', venue_id = ?, slot_id = ?, start_at = ?, end_at = ?, "
                           "updated_at = ? WHERE id = ?"),
            {place->venue.venue.id, sql::nullIfEmpty(wanted->slotId), place->startMs, place->endMs, nowMs, old.id});
        if (!moved)
            return std::unexpected(moved.error());
        if (Status logged = recordBooking(old.id); !logged)
            return logged;
        Booking now = old;
        now.venueId = place->venue.venue.id;
        now.slotId = wanted->slotId;
        now.startMs = place->startMs;
        now.endMs = place->endMs;
        QJsonObject payload = notificationPayload(now, *place, zone);
        payload.insert(QStringLiteral("movedFromStartMs"), old.startMs);
        if (Status told = NotificationLog(database())
                              .publish(audience::member(old.memberId), notification::BookingConfirmed, payload);
            !told)
            return told;
        Result<std::optional<Booking>> promoted = promoteInto(old.venueId, old.slotId, old.startMs, old.endMs);
        if (!promoted)
            return std::unexpected(promoted.error());
        return {};
    });
    if (refusal)
        return *refusal;
    if (!done)
        return HubResponse::fromError(done.error());
    Result<std::optional<BookingRow>> row = findBooking(found.booking.id);
    if (!row || !*row)
        return HubResponse::fromError(
            row ? Error {ErrorCode::Internal, QStringLiteral("booking vanished"), {}} : row.error());
    return HubResponse::ok(bookingApiJson(**row, zone));
}

// ---------------------------------------------------------------- waiting list

namespace {

const QString kWaitlistSelect = QStringLiteral(
    "SELECT w.id, w.member_id, m.name, w.venue_id, COALESCE(w.slot_id, ''), w.start_at, w.end_at, "
    "(SELECT COUNT(*) FROM waitlist o WHERE o.status = 'waiting' AND o.venue_id = w.venue_id "
    " AND COALESCE(o.slot_id, '') = COALESCE(w.slot_id, '') AND o.position <= w.position), w.status, w.created_at "
    "FROM waitlist w JOIN member m ON m.id = w.member_id ");

QJsonObject waitlistJson(const QSqlQuery &query, const QTimeZone &zone, bool staff)
{
    QJsonObject json {{QStringLiteral("id"), query.value(0).toString()},
        {QStringLiteral("memberId"), query.value(1).toString()}, {QStringLiteral("venueId"), query.value(3).toString()},
        {QStringLiteral("slotId"), query.value(4).toString()}, {QStringLiteral("startMs"), query.value(5).toLongLong()},
        {QStringLiteral("endMs"), query.value(6).toLongLong()},
        {QStringLiteral("startAt"), venues::isoTime(query.value(5).toLongLong(), zone)},
        {QStringLiteral("endAt"), venues::isoTime(query.value(6).toLongLong(), zone)},
        {QStringLiteral("position"), query.value(7).toInt()}, {QStringLiteral("status"), query.value(8).toString()},
        {QStringLiteral("createdAtMs"), query.value(9).toLongLong()}};
    if (staff)
        json.insert(QStringLiteral("memberName"), query.value(2).toString());
    return json;
}

} // namespace

HubResponse ReservationModule::joinWaitlist(const HubRequest &request)
{
    if (Status valid = request.requireObject(
            {QStringLiteral("slotId"), QStringLiteral("startAt"), QStringLiteral("endAt"), QStringLiteral("memberId")});
        !valid)
        return HubResponse::fromError(valid.error());
    Result<QString> memberId = actingMember(request);
    if (!memberId)
        return HubResponse::fromError(memberId.error());
    const QString venueId = request.pathParams.value(QStringLiteral("venueId"));
    const QTimeZone zone = venues::siteZone(database().database());
    Result<PlaceRequest> wanted = readPlace(request, venueId, zone);
    if (!wanted)
        return HubResponse::fromError(wanted.error());
    if (Result<HubVenue> venue = venues::require(database().database(), venueId, QStringLiteral("venueId")); !venue)
        return HubResponse::fromError(venue.error());
    std::optional<HubResponse> refusal;
    QString entryId;
    const Status done = database().transaction([&]() -> Status {
        if (Status locked = lockBookings(); !locked)
            return locked;
        Result<Place> place = resolve(venueId, wanted->slotId, wanted->startMs, wanted->endMs);
        if (!place)
            return std::unexpected(place.error());
        Result<Verdict> verdict = judge(*memberId, *place);
        if (!verdict)
            return std::unexpected(verdict.error());
        if (verdict->refusal == BookingRefusal::Invalid || !verdict->waitable) {
            refusal = verdict->refusal == BookingRefusal::Invalid
                ? refusalResponse(BookingRefusal::NotFull, fieldOf(*place))
                : refusalResponse(*verdict, *place);
            return fail(ErrorCode::Conflict, refusal->message);
        }
        const QString slotId = place->slot ? place->slot->slot.id : QString();
        Result<std::optional<QVariant>> already = sql::scalar(database().database(),
            QStringLiteral("SELECT id FROM waitlist WHERE member_id = ? AND venue_id = ? AND COALESCE(slot_id, '') = ? "
                           "AND start_at < ? AND end_at > ? AND status = 'waiting'"),
            {*memberId, venueId, slotId, place->endMs, place->startMs});
        if (!already)
            return std::unexpected(already.error());
        if (*already) {
            refusal = refusalResponse(BookingRefusal::AlreadyWaiting, QStringLiteral("memberId"));
            return fail(ErrorCode::Conflict, refusal->message);
        }
        Result<std::optional<QVariant>> last = sql::scalar(database().database(),
            QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM waitlist WHERE venue_id = ? "
                           "AND COALESCE(slot_id, '') = ?"),
            {venueId, slotId});
        if (!last)
            return std::unexpected(last.error());
        entryId = sql::newId();
        const qint64 position = (*last ? (*last)->toLongLong() : 0) + 1;
        Result<QSqlQuery> inserted = sql::exec(database().database(),
            QStringLiteral(
                "INSERT INTO waitlist (id, member_id, venue_id, slot_id, start_at, end_at, position, status, "
                "created_at) VALUES (?,?,?,?,?,?,?,'waiting',?)"),
            {entryId, *memberId, venueId, sql::nullIfEmpty(slotId), place->startMs, place->endMs, position,
                sql::nowMs()});
        if (!inserted)
            return std::unexpected(inserted.error());
        return ChangeLog(database())
            .record(entity::Waitlist, entryId, ChangeOp::Upsert,
                {{QStringLiteral("id"), entryId}, {QStringLiteral("memberId"), *memberId},
                    {QStringLiteral("venueId"), venueId}, {QStringLiteral("slotId"), slotId},
                    {QStringLiteral("startMs"), place->startMs}, {QStringLiteral("endMs"), place->endMs},
                    {QStringLiteral("position"), position}, {QStringLiteral("status"), QStringLiteral("waiting")}});
    });
    if (refusal)
        return *refusal;
    if (!done)
        return HubResponse::fromError(done.error());
    Result<QSqlQuery> stored
        = sql::exec(database().database(), kWaitlistSelect + QStringLiteral("WHERE w.id = ?"), {entryId});
    if (!stored || !stored->next())
        return HubResponse::fromError(
            stored ? Error {ErrorCode::Internal, QStringLiteral("waitlist entry vanished"), {}} : stored.error());
    return HubResponse::ok(waitlistJson(*stored, zone, request.principal.isStaff()));
}

HubResponse ReservationModule::listWaitlist(const HubRequest &request) const
{
    const QString venueId = request.pathParams.value(QStringLiteral("venueId"));
    if (Result<HubVenue> venue = venues::require(database().database(), venueId, QStringLiteral("venueId")); !venue)
        return HubResponse::fromError(venue.error());
    QString where = QStringLiteral("WHERE w.venue_id = ? AND w.status = 'waiting'");
    QVariantList binds {venueId};
    if (isMember(request)) {
        where += QStringLiteral(" AND w.member_id = ?");
        binds.append(request.principal.memberId);
    }
    if (request.query.hasQueryItem(QStringLiteral("slotId"))) {
        where += QStringLiteral(" AND w.slot_id = ?");
        binds.append(request.queryString(QStringLiteral("slotId")));
    }
    Result<QSqlQuery> query = sql::exec(database().database(),
        kWaitlistSelect + where + QStringLiteral(" ORDER BY w.start_at, w.position, w.created_at"), binds);
    if (!query)
        return HubResponse::fromError(query.error());
    const QTimeZone zone = venues::siteZone(database().database());
    QJsonArray items;
    while (query->next())
        items.append(waitlistJson(*query, zone, request.principal.isStaff()));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}});
}

} // namespace gymgate::hub
