#include "store/SqlBookingDesk.h"

#include "core/SyncJson.h"
#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(BookingDesk)
};

constexpr qint64 MsPerMinute = 60'000;
constexpr qint64 MsPerHour = 3'600'000;
constexpr qint64 MsPerDay = 86'400'000;
constexpr qint64 MaxRangeMs = MsPerDay; // a venue booking lasts at most a day
constexpr int MaxWeeks = 52;

const QString kDefaultZone = QStringLiteral("Asia/Shanghai");
const QString kDefaultSite = QStringLiteral("100");

bool overlaps(qint64 aStart, qint64 aEnd, qint64 bStart, qint64 bEnd)
{
    // Half-open intervals: one ending at 10:00 and one starting at 10:00 do not overlap.
    return aStart < bEnd && bStart < aEnd;
}

std::unexpected<Error> refused(BookingRefusal refusal, const QString &field = {})
{
    return fail(ErrorCode::Conflict, bookingRefusalMessage(refusal), field);
}

std::unexpected<Error> invalid(const QString &message, const QString &field)
{
    return fail(ErrorCode::InvalidArgument, message, field);
}

Status validateVenueForm(const VenueForm &form)
{
    if (form.name.trimmed().isEmpty())
        return invalid(Text::tr("The venue name is missing."), QStringLiteral("name"));
    if (form.kind == VenueKind::Invalid)
        return invalid(Text::tr("Choose the kind of venue."), QStringLiteral("kind"));
    if (form.capacity < 0)
        return invalid(Text::tr("The capacity cannot be negative."), QStringLiteral("capacity"));
    if (form.feePerHourFen < 0)
        return invalid(Text::tr("The fee cannot be negative."), QStringLiteral("feePerHourFen"));
    return {};
}

Status validateRules(const BookingRules &rules)
{
    if (rules.advanceDays < 0 || rules.advanceDays > 365)
        return invalid(Text::tr("Advance days must be between 0 and 365."), QStringLiteral("advanceDays"));
    if (rules.maxActiveBookings < 0 || rules.maxActiveBookings > 1000)
        return invalid(Text::tr("The maximum of active bookings must be between 0 and 1000."),
            QStringLiteral("maxActiveBookings"));
    if (rules.cancelHours < 0 || rules.cancelHours > 720)
        return invalid(Text::tr("Cancel hours must be between 0 and 720."), QStringLiteral("cancelHours"));
    if (rules.cancelPenaltyPercent < 0 || rules.cancelPenaltyPercent > 100)
        return invalid(
            Text::tr("The cancel penalty must be between 0 and 100 percent."), QStringLiteral("cancelPenaltyPercent"));
    return {};
}

void applyForm(Venue &venue, const VenueForm &form)
{
    venue.name = form.name.trimmed();
    venue.kind = form.kind;
    venue.capacity = form.capacity;
    venue.openingHours = form.openingHours;
    venue.bookingRequired = form.bookingRequired;
    venue.feePerHourFen = form.feePerHourFen;
}

void applyRules(Venue &venue, const BookingRules &rules)
{
    venue.advanceDays = rules.advanceDays;
    venue.maxActiveBookings = rules.maxActiveBookings;
    venue.cancelHours = rules.cancelHours;
    venue.cancelPenaltyPercent = rules.cancelPenaltyPercent;
}

Status validateCourseForm(const CourseForm &form)
{
    if (form.name.trimmed().isEmpty())
        return invalid(Text::tr("The course name is missing."), QStringLiteral("name"));
    if (form.venueId.isEmpty())
        return invalid(Text::tr("Choose the venue of the course."), QStringLiteral("venueId"));
    if (form.durationMinutes <= 0 || form.durationMinutes > 24 * 60)
        return invalid(Text::tr("The duration must be between 1 and 1440 minutes."), QStringLiteral("durationMinutes"));
    if (form.capacity <= 0)
        return invalid(Text::tr("The capacity must be at least one."), QStringLiteral("capacity"));
    return {};
}

// "b.id, b.booking_no, ..." so BookingRepository::readBooking() reads a joined row.
QString prefixedBookingColumns()
{
    QStringList columns = BookingRepository::columns().split(QStringLiteral(", "));
    for (QString &column : columns)
        column.prepend(QStringLiteral("b."));
    return columns.join(QStringLiteral(", "));
}

const QString kSlotSelect = QStringLiteral(
    "SELECT s.id, s.course_id, s.venue_id, s.coach_name, s.start_at, s.end_at, s.capacity, s.booked_count, "
    "c.name, v.name, (SELECT count(*) FROM waitlist w WHERE w.slot_id = s.id AND w.status = 'waiting') "
    "FROM course_slot s JOIN course c ON c.id = s.course_id JOIN venue v ON v.id = s.venue_id ");

SlotSummary readSlotSummary(const QSqlQuery &query)
{
    SlotSummary summary;
    summary.slot.id = query.value(0).toString();
    summary.slot.courseId = query.value(1).toString();
    summary.slot.venueId = query.value(2).toString();
    summary.slot.coachName = query.value(3).toString();
    summary.slot.startMs = query.value(4).toLongLong();
    summary.slot.endMs = query.value(5).toLongLong();
    summary.slot.capacity = query.value(6).toInt();
    summary.slot.bookedCount = query.value(7).toInt();
    summary.courseName = query.value(8).toString();
    summary.venueName = query.value(9).toString();
    summary.waitingCount = query.value(10).toInt();
    return summary;
}

} // namespace

SqlBookingDesk::SqlBookingDesk(Database &db, const Clock &clock)
    : m_db(db), m_clock(clock), m_venues(db), m_courses(db), m_bookings(db), m_members(db), m_settings(db),
      m_outbox(db), m_audit(db)
{ }

// ---------------------------------------------------------------- helpers

QTimeZone SqlBookingDesk::zone() const
{
    QTimeZone zone(m_settings.value(QStringLiteral("site.timezone"), kDefaultZone).toUtf8());
    return zone.isValid() ? zone : QTimeZone(kDefaultZone.toUtf8());
}

QString SqlBookingDesk::formatTime(qint64 utcMs) const
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

Status SqlBookingDesk::record(const StaffSession &session, const QString &eventType, const QJsonObject &data,
    const QString &action, const QString &entity, const QString &entityId, const QJsonObject &detail)
{
    const qint64 nowMs = m_clock.nowMs();
    OutboxEvent event;
    event.type = eventType;
    event.atMs = nowMs;
    event.staff = session.staffId;
    event.data = data;
    if (Status appended = m_outbox.append(event); !appended)
        return appended;
    return m_audit.append(session.staffId, action, entity, entityId, detail.isEmpty() ? data : detail, nowMs);
}

Result<Venue> SqlBookingDesk::requireVenue(const QString &venueId) const
{
    Result<std::optional<Venue>> venue = m_venues.findById(venueId);
    if (!venue)
        return std::unexpected(venue.error());
    if (!*venue)
        return fail(ErrorCode::NotFound, Text::tr("The venue does not exist."), QStringLiteral("venueId"));
    return **venue;
}

Result<Course> SqlBookingDesk::requireCourse(const QString &courseId) const
{
    Result<std::optional<Course>> course = m_courses.findCourse(courseId);
    if (!course)
        return std::unexpected(course.error());
    if (!*course)
        return fail(ErrorCode::NotFound, Text::tr("The course does not exist."), QStringLiteral("courseId"));
    return **course;
}

Result<CourseSlot> SqlBookingDesk::requireSlot(const QString &slotId) const
{
    Result<QSqlQuery> query = sql::run(
        m_db.connection(), QStringLiteral("SELECT deleted_at IS NOT NULL FROM course_slot WHERE id = ?"), {slotId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next() || query->value(0).toBool())
        return fail(ErrorCode::NotFound, Text::tr("The class does not exist."), QStringLiteral("slotId"));
    Result<std::optional<CourseSlot>> slot = m_courses.findSlot(slotId);
    if (!slot)
        return std::unexpected(slot.error());
    return **slot;
}

Result<QString> SqlBookingDesk::nextBookingNo() const
{
    // B + site number + 8 digits, like gymgate-datagen: unique across sites by the prefix and
    // inside the site by the IMMEDIATE transaction the caller holds.
    QString site = m_settings.value(QStringLiteral("site.number"), kDefaultSite);
    if (site.size() != 3)
        site = kDefaultSite;
    const QString prefix = QStringLiteral("B") + site;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT max(booking_no) FROM booking WHERE booking_no LIKE ? AND length(booking_no) = ?"),
        {QString(prefix + QLatin1Char('%')), int(prefix.size() + 8)});
    if (!query)
        return std::unexpected(query.error());
    qint64 last = 0;
    if (query->next() && !query->value(0).isNull())
        last = query->value(0).toString().mid(prefix.size()).toLongLong();
    return prefix + QStringLiteral("%1").arg(last + 1, 8, 10, QLatin1Char('0'));
}

bool SqlBookingDesk::insideOpeningHours(const Venue &venue, qint64 startMs, qint64 endMs) const
{
    if (venue.openingHours.isUnrestricted())
        return true;
    // Windows are whole minutes of local time, so looking at every minute covers the range.
    const QTimeZone siteZone = zone();
    for (qint64 atMs = startMs; atMs < endMs; atMs = (atMs / MsPerMinute + 1) * MsPerMinute) {
        if (!venue.openingHours.contains(atMs, siteZone))
            return false;
    }
    return true;
}

// ---------------------------------------------------------------- judging a booking

Result<SqlBookingDesk::Place> SqlBookingDesk::resolve(const BookingRequest &request) const
{
    Place place;
    if (request.isSlot()) {
        Result<CourseSlot> slot = requireSlot(request.slotId);
        if (!slot)
            return std::unexpected(slot.error());
        place.slot = *slot;
        place.startMs = slot->startMs;
        place.endMs = slot->endMs;
        Result<Venue> venue = requireVenue(slot->venueId);
        if (!venue)
            return std::unexpected(venue.error());
        place.venue = *venue;
        return place;
    }
    if (request.venueId.isEmpty())
        return invalid(Text::tr("Choose a class or a venue."), QStringLiteral("venueId"));
    if (request.endMs <= request.startMs)
        return invalid(Text::tr("The booking must end after it starts."), QStringLiteral("endMs"));
    if (request.endMs - request.startMs > MaxRangeMs)
        return invalid(Text::tr("A venue booking lasts at most one day."), QStringLiteral("endMs"));
    Result<Venue> venue = requireVenue(request.venueId);
    if (!venue)
        return std::unexpected(venue.error());
    place.venue = *venue;
    place.startMs = request.startMs;
    place.endMs = request.endMs;
    return place;
}

Result<BookingRefusal> SqlBookingDesk::judgeMember(const QString &memberId) const
{
    if (memberId.isEmpty())
        return invalid(Text::tr("Choose a member first."), QStringLiteral("memberId"));
    Result<std::optional<Member>> found = m_members.findById(memberId);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || (*found)->deletedAtMs)
        return fail(ErrorCode::NotFound, Text::tr("The member does not exist."), QStringLiteral("memberId"));
    return (*found)->status == MemberStatus::Blocked ? BookingRefusal::MemberBlocked : BookingRefusal::Invalid;
}

BookingRefusal SqlBookingDesk::judgeTime(const Place &place) const
{
    if (place.venue.status == VenueStatus::Closed)
        return BookingRefusal::VenueClosed;
    if (place.venue.status == VenueStatus::Maintenance)
        return BookingRefusal::Maintenance;
    const qint64 nowMs = m_clock.nowMs();
    if (place.startMs < nowMs)
        return BookingRefusal::InThePast;
    if (place.venue.advanceDays > 0 && place.startMs > nowMs + place.venue.advanceDays * MsPerDay)
        return BookingRefusal::BeyondAdvanceWindow;
    if (!insideOpeningHours(place.venue, place.startMs, place.endMs))
        return BookingRefusal::OutsideOpeningHours;
    return BookingRefusal::Invalid;
}

Result<BookingRefusal> SqlBookingDesk::judgeMaintenance(const Place &place) const
{
    Result<QList<Maintenance>> plans = m_venues.listMaintenance(place.venue.id, place.startMs);
    if (!plans)
        return std::unexpected(plans.error());
    for (const Maintenance &plan : *plans) {
        if (overlaps(plan.startMs, plan.endMs, place.startMs, place.endMs))
            return BookingRefusal::Maintenance;
    }
    return BookingRefusal::Invalid;
}

Result<BookingRefusal> SqlBookingDesk::judgeMemberLoad(
    const QString &memberId, const Place &place, int earlierInBatch) const
{
    Result<QSqlQuery> overlap = sql::run(m_db.connection(),
        QStringLiteral("SELECT count(*) FROM booking WHERE member_id = ? AND status = 'booked' "
                       "AND start_at < ? AND end_at > ?"),
        {memberId, place.endMs, place.startMs});
    if (!overlap)
        return std::unexpected(overlap.error());
    if (overlap->next() && overlap->value(0).toInt() > 0)
        return BookingRefusal::MemberDoubleBooked;
    if (place.venue.maxActiveBookings <= 0)
        return BookingRefusal::Invalid;
    Result<QSqlQuery> active = sql::run(m_db.connection(),
        QStringLiteral("SELECT count(*) FROM booking WHERE member_id = ? AND venue_id = ? AND status = 'booked' "
                       "AND end_at > ?"),
        {memberId, place.venue.id, m_clock.nowMs()});
    if (!active)
        return std::unexpected(active.error());
    const int held = active->next() ? active->value(0).toInt() : 0;
    return held + earlierInBatch >= place.venue.maxActiveBookings ? BookingRefusal::TooManyActiveBookings
                                                                  : BookingRefusal::Invalid;
}

Result<QString> SqlBookingDesk::slotOverlap(
    const QString &venueId, qint64 startMs, qint64 endMs, const QString &exceptSlotId) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT s.start_at, c.name FROM course_slot s JOIN course c ON c.id = s.course_id "
                       "WHERE s.venue_id = ? AND s.deleted_at IS NULL AND s.id <> ? AND s.start_at < ? "
                       "AND s.end_at > ? ORDER BY s.start_at LIMIT 1"),
        {venueId, exceptSlotId, endMs, startMs});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return QString();
    return Text::tr("%1 at %2").arg(query->value(1).toString(), formatTime(query->value(0).toLongLong()));
}

Result<int> SqlBookingDesk::activeOverlaps(const QString &venueId, qint64 startMs, qint64 endMs) const
{
    // The most venue-range bookings at the same moment inside [startMs, endMs): a sweep over
    // their starts and ends.
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT start_at, end_at FROM booking WHERE venue_id = ? AND slot_id IS NULL "
                       "AND status = 'booked' AND start_at < ? AND end_at > ?"),
        {venueId, endMs, startMs});
    if (!query)
        return std::unexpected(query.error());
    QList<std::pair<qint64, int>> edges;
    while (query->next()) {
        edges.append({std::max(query->value(0).toLongLong(), startMs), +1});
        edges.append({std::min(query->value(1).toLongLong(), endMs), -1});
    }
    std::sort(edges.begin(), edges.end()); // an end (-1) sorts before a start at the same time
    int current = 0;
    int most = 0;
    for (const auto &edge : edges) {
        current += edge.second;
        most = std::max(most, current);
    }
    return most;
}

Result<SqlBookingDesk::Verdict> SqlBookingDesk::judgeCapacity(const Place &place) const
{
    if (place.slot)
        return Verdict {
            place.slot->bookedCount >= place.slot->capacity ? BookingRefusal::SlotFull : BookingRefusal::Invalid, true};
    Result<QString> classThere = slotOverlap(place.venue.id, place.startMs, place.endMs, QString());
    if (!classThere)
        return std::unexpected(classThere.error());
    if (!classThere->isEmpty())
        return Verdict {BookingRefusal::VenueOverlap, false};
    Result<int> taken = activeOverlaps(place.venue.id, place.startMs, place.endMs);
    if (!taken)
        return std::unexpected(taken.error());
    // A court is let to one party at a time; other venues hold `capacity` bookings (0 = any).
    if (place.venue.kind == VenueKind::Court)
        return Verdict {*taken > 0 ? BookingRefusal::VenueOverlap : BookingRefusal::Invalid, true};
    const bool full = place.venue.capacity > 0 && *taken >= place.venue.capacity;
    return Verdict {full ? BookingRefusal::VenueFull : BookingRefusal::Invalid, true};
}

Result<SqlBookingDesk::Verdict> SqlBookingDesk::judge(
    const QString &memberId, const Place &place, int earlierInBatch) const
{
    // Order matters only for which reason is shown first; capacity comes last so that "full"
    // means "everything else is fine": the waiting list relies on it.
    Result<BookingRefusal> member = judgeMember(memberId);
    if (!member)
        return std::unexpected(member.error());
    if (*member != BookingRefusal::Invalid)
        return Verdict {*member, false};
    if (BookingRefusal time = judgeTime(place); time != BookingRefusal::Invalid)
        return Verdict {time, false};
    Result<BookingRefusal> maintenance = judgeMaintenance(place);
    if (!maintenance)
        return std::unexpected(maintenance.error());
    if (*maintenance != BookingRefusal::Invalid)
        return Verdict {*maintenance, false};
    Result<BookingRefusal> load = judgeMemberLoad(memberId, place, earlierInBatch);
    if (!load)
        return std::unexpected(load.error());
    if (*load != BookingRefusal::Invalid)
        return Verdict {*load, false};
    return judgeCapacity(place);
}

// ---------------------------------------------------------------- reading

Result<QTimeZone> SqlBookingDesk::siteTimeZone(const StaffSession &session) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    return zone();
}

Result<QList<Venue>> SqlBookingDesk::venues(const StaffSession &session) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    return m_venues.list();
}

Result<QList<Maintenance>> SqlBookingDesk::maintenancePlans(
    const StaffSession &session, const QString &venueId, qint64 fromMs) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    return m_venues.listMaintenance(venueId, fromMs);
}

Result<QList<Course>> SqlBookingDesk::courses(const StaffSession &session) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    return m_courses.listCourses();
}

Result<QList<SlotSummary>> SqlBookingDesk::courseSlots(
    const StaffSession &session, const QString &venueId, qint64 fromMs, qint64 toMs) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    QString where = QStringLiteral("WHERE s.deleted_at IS NULL AND s.start_at >= ? AND s.start_at < ? ");
    QVariantList values {fromMs, toMs};
    if (!venueId.isEmpty()) {
        where += QStringLiteral("AND s.venue_id = ? ");
        values.append(venueId);
    }
    Result<QSqlQuery> query
        = sql::run(m_db.connection(), kSlotSelect + where + QStringLiteral("ORDER BY s.start_at, c.name"), values);
    if (!query)
        return std::unexpected(query.error());
    QList<SlotSummary> found;
    while (query->next())
        found.append(readSlotSummary(*query));
    return found;
}

Result<MemberBrief> SqlBookingDesk::member(const StaffSession &session, const QString &memberId) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    Result<std::optional<Member>> found = m_members.findById(memberId);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, Text::tr("The member does not exist."), QStringLiteral("memberId"));
    return MemberBrief {(*found)->id, (*found)->memberNo, (*found)->name, (*found)->status == MemberStatus::Blocked};
}

Result<QList<BookingSummary>> SqlBookingDesk::memberBookings(
    const StaffSession &session, const QString &memberId, qint64 fromMs) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + prefixedBookingColumns()
            + QStringLiteral(", m.name, m.member_no, v.name, coalesce(c.name, '') FROM booking b "
                             "JOIN member m ON m.id = b.member_id JOIN venue v ON v.id = b.venue_id "
                             "LEFT JOIN course_slot s ON s.id = b.slot_id LEFT JOIN course c ON c.id = s.course_id "
                             "WHERE b.member_id = ? AND b.start_at >= ? ORDER BY b.start_at, b.booking_no"),
        {memberId, fromMs});
    if (!query)
        return std::unexpected(query.error());
    QList<BookingSummary> found;
    while (query->next()) {
        BookingSummary summary;
        summary.booking = BookingRepository::readBooking(*query);
        summary.memberName = query->value(10).toString();
        summary.memberNo = query->value(11).toString();
        summary.venueName = query->value(12).toString();
        summary.courseName = query->value(13).toString();
        found.append(std::move(summary));
    }
    return found;
}

Result<QList<WaitlistEntry>> SqlBookingDesk::readWaitlist(const QString &where, const QVariantList &values) const
{
    // position is shown as the place in line: 1 = next to be promoted.
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT w.id, w.member_id, m.name, w.venue_id, coalesce(w.slot_id, ''), w.start_at, w.end_at, "
                       "(SELECT count(*) FROM waitlist o WHERE o.status = 'waiting' AND o.venue_id = w.venue_id "
                       " AND coalesce(o.slot_id, '') = coalesce(w.slot_id, '') AND o.position <= w.position), "
                       "w.status, w.created_at FROM waitlist w JOIN member m ON m.id = w.member_id ")
            + where + QStringLiteral(" ORDER BY w.position, w.created_at"),
        values);
    if (!query)
        return std::unexpected(query.error());
    QList<WaitlistEntry> entries;
    while (query->next()) {
        WaitlistEntry entry;
        entry.id = query->value(0).toString();
        entry.memberId = query->value(1).toString();
        entry.memberName = query->value(2).toString();
        entry.venueId = query->value(3).toString();
        entry.slotId = query->value(4).toString();
        entry.startMs = query->value(5).toLongLong();
        entry.endMs = query->value(6).toLongLong();
        entry.position = query->value(7).toInt();
        entry.status = waitlistStatusFromName(query->value(8).toString());
        entry.createdAtMs = query->value(9).toLongLong();
        entries.append(std::move(entry));
    }
    return entries;
}

Result<QList<WaitlistEntry>> SqlBookingDesk::memberWaitlist(const StaffSession &session, const QString &memberId) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    return readWaitlist(
        QStringLiteral("WHERE w.member_id = ? AND w.status = 'waiting' AND w.end_at > ?"), {memberId, m_clock.nowMs()});
}

Result<QList<WaitlistEntry>> SqlBookingDesk::waitlist(const StaffSession &session, const BookingRequest &place) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    if (place.isSlot())
        return readWaitlist(QStringLiteral("WHERE w.slot_id = ? AND w.status = 'waiting'"), {place.slotId});
    return readWaitlist(QStringLiteral("WHERE w.venue_id = ? AND w.slot_id IS NULL AND w.status = 'waiting' "
                                       "AND w.start_at < ? AND w.end_at > ?"),
        {place.venueId, place.endMs, place.startMs});
}

Result<QList<CalendarEntry>> SqlBookingDesk::calendar(
    const StaffSession &session, const QString &venueId, qint64 fromMs, qint64 toMs) const
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    if (toMs <= fromMs)
        return invalid(Text::tr("The range must end after it starts."), QStringLiteral("toMs"));
    QList<CalendarEntry> entries;
    Result<QSqlQuery> bookings = sql::run(m_db.connection(),
        QStringLiteral("SELECT b.id, b.start_at, b.end_at, m.name, b.booking_no FROM booking b "
                       "JOIN member m ON m.id = b.member_id WHERE b.venue_id = ? AND b.slot_id IS NULL "
                       "AND b.status = 'booked' AND b.start_at < ? AND b.end_at > ?"),
        {venueId, toMs, fromMs});
    if (!bookings)
        return std::unexpected(bookings.error());
    while (bookings->next()) {
        entries.append({CalendarEntryKind::Booking, bookings->value(0).toString(), bookings->value(1).toLongLong(),
            bookings->value(2).toLongLong(), bookings->value(3).toString(), bookings->value(4).toString(), 0, 0, 0});
    }
    Result<QSqlQuery> slotRows = sql::run(m_db.connection(),
        kSlotSelect
            + QStringLiteral("WHERE s.venue_id = ? AND s.deleted_at IS NULL AND s.start_at < ? AND s.end_at > ?"),
        {venueId, toMs, fromMs});
    if (!slotRows)
        return std::unexpected(slotRows.error());
    while (slotRows->next()) {
        const SlotSummary slot = readSlotSummary(*slotRows);
        entries.append({CalendarEntryKind::Slot, slot.slot.id, slot.slot.startMs, slot.slot.endMs, slot.courseName,
            QString(), slot.slot.capacity, slot.slot.bookedCount, slot.waitingCount});
    }
    Result<QList<Maintenance>> plans = m_venues.listMaintenance(venueId, fromMs);
    if (!plans)
        return std::unexpected(plans.error());
    for (const Maintenance &plan : *plans) {
        if (plan.startMs < toMs)
            entries.append(
                {CalendarEntryKind::Maintenance, plan.id, plan.startMs, plan.endMs, plan.reason, QString(), 0, 0, 0});
    }
    std::sort(entries.begin(), entries.end(), [](const CalendarEntry &a, const CalendarEntry &b) {
        return std::tie(a.startMs, a.kind, a.id) < std::tie(b.startMs, b.kind, b.id);
    });
    return entries;
}

// ---------------------------------------------------------------- venues

Result<Venue> SqlBookingDesk::createVenue(const StaffSession &session, const VenueForm &form, const BookingRules &rules)
{
    if (Status allowed = requirePermission(session, Permission::ManageVenues); !allowed)
        return std::unexpected(allowed.error());
    if (Status valid = validateVenueForm(form); !valid)
        return std::unexpected(valid.error());
    if (Status valid = validateRules(rules); !valid)
        return std::unexpected(valid.error());
    Venue venue;
    applyForm(venue, form);
    applyRules(venue, rules);
    venue.status = VenueStatus::Open;
    return m_db.transaction<Venue>([&]() -> Result<Venue> {
        Result<Venue> inserted = m_venues.insert(venue, m_clock.nowMs());
        if (!inserted)
            return inserted;
        if (Status logged = record(session, QStringLiteral("venue.created"), syncjson::toJson(*inserted),
                QStringLiteral("venue.create"), QStringLiteral("venue"), inserted->id);
            !logged)
            return std::unexpected(logged.error());
        return inserted;
    });
}

Status SqlBookingDesk::updateVenue(const StaffSession &session, const QString &venueId, const VenueForm &form)
{
    if (Status allowed = requirePermission(session, Permission::ManageVenues); !allowed)
        return allowed;
    if (Status valid = validateVenueForm(form); !valid)
        return valid;
    return m_db.transaction([&]() -> Status {
        Result<Venue> venue = requireVenue(venueId);
        if (!venue)
            return std::unexpected(venue.error());
        applyForm(*venue, form);
        if (Status updated = m_venues.update(*venue, m_clock.nowMs()); !updated)
            return updated;
        return record(session, QStringLiteral("venue.updated"), syncjson::toJson(*venue),
            QStringLiteral("venue.update"), QStringLiteral("venue"), venueId);
    });
}

Status SqlBookingDesk::setVenueRules(const StaffSession &session, const QString &venueId, const BookingRules &rules)
{
    if (Status allowed = requirePermission(session, Permission::ManageVenues); !allowed)
        return allowed;
    if (Status valid = validateRules(rules); !valid)
        return valid;
    return m_db.transaction([&]() -> Status {
        Result<Venue> venue = requireVenue(venueId);
        if (!venue)
            return std::unexpected(venue.error());
        applyRules(*venue, rules);
        if (Status updated = m_venues.update(*venue, m_clock.nowMs()); !updated)
            return updated;
        return record(session, QStringLiteral("venue.updated"), syncjson::toJson(*venue), QStringLiteral("venue.rules"),
            QStringLiteral("venue"), venueId);
    });
}

Status SqlBookingDesk::setVenueStatus(const StaffSession &session, const QString &venueId, VenueStatus status)
{
    if (Status allowed = requirePermission(session, Permission::ManageVenues); !allowed)
        return allowed;
    if (status == VenueStatus::Invalid)
        return invalid(Text::tr("Choose the venue status."), QStringLiteral("status"));
    return m_db.transaction([&]() -> Status {
        Result<Venue> venue = requireVenue(venueId);
        if (!venue)
            return std::unexpected(venue.error());
        if (Status updated = m_venues.setStatus(venueId, status, m_clock.nowMs()); !updated)
            return updated;
        venue->status = status;
        return record(session, QStringLiteral("venue.updated"), syncjson::toJson(*venue),
            QStringLiteral("venue.status"), QStringLiteral("venue"), venueId,
            {{QStringLiteral("status"), QString::fromLatin1(venueStatusName(status))}});
    });
}

Status SqlBookingDesk::deleteVenue(const StaffSession &session, const QString &venueId)
{
    if (Status allowed = requirePermission(session, Permission::ManageVenues); !allowed)
        return allowed;
    return m_db.transaction([&]() -> Status {
        Result<Venue> venue = requireVenue(venueId);
        if (!venue)
            return std::unexpected(venue.error());
        const qint64 nowMs = m_clock.nowMs();
        Result<QSqlQuery> busy = sql::run(m_db.connection(),
            QStringLiteral("SELECT (SELECT count(*) FROM booking WHERE venue_id = ? AND status = 'booked' "
                           "AND end_at > ?) + (SELECT count(*) FROM course_slot WHERE venue_id = ? "
                           "AND deleted_at IS NULL AND end_at > ?)"),
            {venueId, nowMs, venueId, nowMs});
        if (!busy)
            return std::unexpected(busy.error());
        if (busy->next() && busy->value(0).toInt() > 0)
            return fail(ErrorCode::Conflict,
                Text::tr("The venue still has bookings or classes to come; cancel them first."),
                QStringLiteral("venueId"));
        if (Status deleted = m_venues.softDelete(venueId, nowMs); !deleted)
            return deleted;
        return record(session, QStringLiteral("venue.deleted"), {{QStringLiteral("id"), venueId}},
            QStringLiteral("venue.delete"), QStringLiteral("venue"), venueId, syncjson::toJson(*venue));
    });
}

Result<Maintenance> SqlBookingDesk::planMaintenance(const StaffSession &session, const MaintenanceForm &form)
{
    if (Status allowed = requirePermission(session, Permission::ManageVenues); !allowed)
        return std::unexpected(allowed.error());
    if (form.endMs <= form.startMs)
        return invalid(Text::tr("The maintenance must end after it starts."), QStringLiteral("endMs"));
    return m_db.transaction<Maintenance>([&]() -> Result<Maintenance> {
        Result<Venue> venue = requireVenue(form.venueId);
        if (!venue)
            return std::unexpected(venue.error());
        Result<QSqlQuery> busy = sql::run(m_db.connection(),
            QStringLiteral("SELECT (SELECT count(*) FROM booking WHERE venue_id = ? AND status = 'booked' "
                           "AND start_at < ? AND end_at > ?) + (SELECT count(*) FROM course_slot WHERE venue_id = ? "
                           "AND deleted_at IS NULL AND start_at < ? AND end_at > ?)"),
            {form.venueId, form.endMs, form.startMs, form.venueId, form.endMs, form.startMs});
        if (!busy)
            return std::unexpected(busy.error());
        if (busy->next() && busy->value(0).toInt() > 0)
            return fail(ErrorCode::Conflict,
                Text::tr("%n booking(s) or class(es) fall inside this period; move or cancel them first.", nullptr,
                    busy->value(0).toInt()),
                QStringLiteral("startMs"));
        Maintenance plan {QString(), form.venueId, form.startMs, form.endMs, form.reason.trimmed()};
        Result<Maintenance> inserted = m_venues.insertMaintenance(plan, m_clock.nowMs());
        if (!inserted)
            return inserted;
        if (Status logged = record(session, QStringLiteral("maintenance.planned"), syncjson::toJson(*inserted),
                QStringLiteral("maintenance.plan"), QStringLiteral("maintenance"), inserted->id);
            !logged)
            return std::unexpected(logged.error());
        return inserted;
    });
}

Status SqlBookingDesk::removeMaintenance(const StaffSession &session, const QString &maintenanceId)
{
    if (Status allowed = requirePermission(session, Permission::ManageVenues); !allowed)
        return allowed;
    return m_db.transaction([&]() -> Status {
        if (Status removed = m_venues.removeMaintenance(maintenanceId, m_clock.nowMs()); !removed)
            return removed;
        return record(session, QStringLiteral("maintenance.removed"), {{QStringLiteral("id"), maintenanceId}},
            QStringLiteral("maintenance.remove"), QStringLiteral("maintenance"), maintenanceId);
    });
}

// ---------------------------------------------------------------- courses and slots

Result<Course> SqlBookingDesk::createCourse(const StaffSession &session, const CourseForm &form)
{
    if (Status allowed = requirePermission(session, Permission::ManageSchedule); !allowed)
        return std::unexpected(allowed.error());
    if (Status valid = validateCourseForm(form); !valid)
        return std::unexpected(valid.error());
    return m_db.transaction<Course>([&]() -> Result<Course> {
        if (Result<Venue> venue = requireVenue(form.venueId); !venue)
            return std::unexpected(venue.error());
        Course course {QString(), form.name.trimmed(), form.venueId, form.durationMinutes, form.capacity};
        Result<Course> inserted = m_courses.insertCourse(course, m_clock.nowMs());
        if (!inserted)
            return inserted;
        if (Status logged = record(session, QStringLiteral("course.created"), syncjson::toJson(*inserted),
                QStringLiteral("course.create"), QStringLiteral("course"), inserted->id);
            !logged)
            return std::unexpected(logged.error());
        return inserted;
    });
}

Status SqlBookingDesk::updateCourse(const StaffSession &session, const QString &courseId, const CourseForm &form)
{
    if (Status allowed = requirePermission(session, Permission::ManageSchedule); !allowed)
        return allowed;
    if (Status valid = validateCourseForm(form); !valid)
        return valid;
    return m_db.transaction([&]() -> Status {
        if (Result<Course> course = requireCourse(courseId); !course)
            return std::unexpected(course.error());
        if (Result<Venue> venue = requireVenue(form.venueId); !venue)
            return std::unexpected(venue.error());
        // Existing slots keep their venue, times and capacity: the course is the template.
        Course course {courseId, form.name.trimmed(), form.venueId, form.durationMinutes, form.capacity};
        if (Status updated = m_courses.updateCourse(course, m_clock.nowMs()); !updated)
            return updated;
        return record(session, QStringLiteral("course.updated"), syncjson::toJson(course),
            QStringLiteral("course.update"), QStringLiteral("course"), courseId);
    });
}

Status SqlBookingDesk::deleteCourse(const StaffSession &session, const QString &courseId)
{
    if (Status allowed = requirePermission(session, Permission::ManageSchedule); !allowed)
        return allowed;
    return m_db.transaction([&]() -> Status {
        if (Result<Course> course = requireCourse(courseId); !course)
            return std::unexpected(course.error());
        Result<QSqlQuery> busy = sql::run(m_db.connection(),
            QStringLiteral("SELECT count(*) FROM course_slot WHERE course_id = ? AND deleted_at IS NULL "
                           "AND end_at > ?"),
            {courseId, m_clock.nowMs()});
        if (!busy)
            return std::unexpected(busy.error());
        if (busy->next() && busy->value(0).toInt() > 0)
            return fail(ErrorCode::Conflict, Text::tr("The course still has classes to come; delete them first."),
                QStringLiteral("courseId"));
        if (Status deleted = m_courses.deleteCourse(courseId, m_clock.nowMs()); !deleted)
            return deleted;
        return record(session, QStringLiteral("course.deleted"), {{QStringLiteral("id"), courseId}},
            QStringLiteral("course.delete"), QStringLiteral("course"), courseId);
    });
}

Status SqlBookingDesk::checkSlotPlacement(const Venue &venue, const CourseSlot &slot) const
{
    if (slot.endMs <= slot.startMs)
        return invalid(Text::tr("The class must end after it starts."), QStringLiteral("endMs"));
    if (slot.endMs - slot.startMs > MaxRangeMs)
        return invalid(Text::tr("A class lasts at most one day."), QStringLiteral("endMs"));
    if (slot.capacity <= 0)
        return invalid(Text::tr("The capacity must be at least one."), QStringLiteral("capacity"));
    if (venue.capacity > 0 && slot.capacity > venue.capacity)
        return invalid(Text::tr("The venue holds at most %1 people.").arg(venue.capacity), QStringLiteral("capacity"));
    if (!insideOpeningHours(venue, slot.startMs, slot.endMs))
        return fail(
            ErrorCode::Conflict, bookingRefusalMessage(BookingRefusal::OutsideOpeningHours), QStringLiteral("startMs"));
    Place place;
    place.venue = venue;
    place.startMs = slot.startMs;
    place.endMs = slot.endMs;
    Result<BookingRefusal> maintenance = judgeMaintenance(place);
    if (!maintenance)
        return std::unexpected(maintenance.error());
    if (*maintenance != BookingRefusal::Invalid)
        return refused(*maintenance, QStringLiteral("startMs"));
    Result<QString> other = slotOverlap(venue.id, slot.startMs, slot.endMs, slot.id);
    if (!other)
        return std::unexpected(other.error());
    if (!other->isEmpty())
        return fail(ErrorCode::Conflict, Text::tr("The class overlaps another class in this venue: %1.").arg(*other),
            QStringLiteral("startMs"));
    Result<int> ranges = activeOverlaps(venue.id, slot.startMs, slot.endMs);
    if (!ranges)
        return std::unexpected(ranges.error());
    if (*ranges > 0)
        return fail(
            ErrorCode::Conflict, Text::tr("The venue is booked by members at this time."), QStringLiteral("startMs"));
    return {};
}

Result<CourseSlot> SqlBookingDesk::createSlot(const StaffSession &session, const SlotForm &form)
{
    if (Status allowed = requirePermission(session, Permission::ManageSchedule); !allowed)
        return std::unexpected(allowed.error());
    if (form.startMs < m_clock.nowMs())
        return invalid(bookingRefusalMessage(BookingRefusal::InThePast), QStringLiteral("startMs"));
    return m_db.transaction<CourseSlot>([&]() -> Result<CourseSlot> {
        Result<Course> course = requireCourse(form.courseId);
        if (!course)
            return std::unexpected(course.error());
        Result<Venue> venue = requireVenue(course->venueId);
        if (!venue)
            return std::unexpected(venue.error());
        CourseSlot slot;
        slot.courseId = course->id;
        slot.venueId = venue->id;
        slot.coachName = form.coachName.trimmed();
        slot.startMs = form.startMs;
        slot.endMs = form.endMs > 0 ? form.endMs : form.startMs + course->durationMinutes * MsPerMinute;
        slot.capacity = form.capacity > 0 ? form.capacity : course->capacity;
        if (Status placed = checkSlotPlacement(*venue, slot); !placed)
            return std::unexpected(placed.error());
        Result<CourseSlot> inserted = m_courses.insertSlot(slot, m_clock.nowMs());
        if (!inserted)
            return inserted;
        if (Status logged = record(session, QStringLiteral("slot.created"), syncjson::toJson(*inserted),
                QStringLiteral("slot.create"), QStringLiteral("course_slot"), inserted->id);
            !logged)
            return std::unexpected(logged.error());
        return inserted;
    });
}

Result<CourseSlot> SqlBookingDesk::updateSlot(const StaffSession &session, const QString &slotId, const SlotForm &form)
{
    if (Status allowed = requirePermission(session, Permission::ManageSchedule); !allowed)
        return std::unexpected(allowed.error());
    return m_db.transaction<CourseSlot>([&]() -> Result<CourseSlot> {
        Result<CourseSlot> current = requireSlot(slotId);
        if (!current)
            return current;
        Result<Venue> venue = requireVenue(current->venueId);
        if (!venue)
            return std::unexpected(venue.error());
        CourseSlot slot = *current;
        slot.coachName = form.coachName.trimmed();
        slot.startMs = form.startMs > 0 ? form.startMs : current->startMs;
        slot.endMs = form.endMs > 0 ? form.endMs : slot.startMs + (current->endMs - current->startMs);
        slot.capacity = form.capacity > 0 ? form.capacity : current->capacity;
        const bool moved = slot.startMs != current->startMs || slot.endMs != current->endMs;
        if (moved && current->bookedCount > 0)
            return fail(ErrorCode::Conflict, Text::tr("Members have booked this class; its time cannot change."),
                QStringLiteral("startMs"));
        if (moved && slot.startMs < m_clock.nowMs())
            return invalid(bookingRefusalMessage(BookingRefusal::InThePast), QStringLiteral("startMs"));
        if (slot.capacity < current->bookedCount)
            return invalid(Text::tr("%n place(s) are booked already; the capacity cannot be lower.", nullptr,
                               current->bookedCount),
                QStringLiteral("capacity"));
        if (Status placed = checkSlotPlacement(*venue, slot); !placed)
            return std::unexpected(placed.error());
        if (Status updated = m_courses.updateSlot(slot, m_clock.nowMs()); !updated)
            return std::unexpected(updated.error());
        if (Status logged = record(session, QStringLiteral("slot.updated"), syncjson::toJson(slot),
                QStringLiteral("slot.update"), QStringLiteral("course_slot"), slotId);
            !logged)
            return std::unexpected(logged.error());
        // New places go to the waiting list first, in its order.
        for (int freed = slot.capacity - current->capacity; freed > 0; --freed) {
            Result<std::optional<Booking>> promoted = promoteOne(session, slot.venueId, slotId, 0, 0);
            if (!promoted)
                return std::unexpected(promoted.error());
            if (!*promoted)
                break;
        }
        return requireSlot(slotId);
    });
}

Status SqlBookingDesk::deleteSlot(const StaffSession &session, const QString &slotId)
{
    if (Status allowed = requirePermission(session, Permission::ManageSchedule); !allowed)
        return allowed;
    return m_db.transaction([&]() -> Status {
        Result<CourseSlot> slot = requireSlot(slotId);
        if (!slot)
            return std::unexpected(slot.error());
        if (slot->bookedCount > 0)
            return fail(ErrorCode::Conflict, Text::tr("Members have booked this class; cancel their bookings first."),
                QStringLiteral("slotId"));
        const qint64 nowMs = m_clock.nowMs();
        if (Status deleted = m_courses.deleteSlot(slotId, nowMs); !deleted)
            return deleted;
        Result<QSqlQuery> waiting = sql::run(m_db.connection(),
            QStringLiteral("UPDATE waitlist SET status = 'cancelled' WHERE slot_id = ? AND status = 'waiting'"),
            {slotId});
        if (!waiting)
            return std::unexpected(waiting.error());
        return record(session, QStringLiteral("slot.deleted"), {{QStringLiteral("id"), slotId}},
            QStringLiteral("slot.delete"), QStringLiteral("course_slot"), slotId, syncjson::toJson(*slot));
    });
}

// ---------------------------------------------------------------- booking

Result<BookingCheck> SqlBookingDesk::checkBooking(const StaffSession &session, const BookingRequest &request) const
{
    if (Status allowed = requirePermission(session, Permission::Book); !allowed)
        return std::unexpected(allowed.error());
    Result<Place> place = resolve(request);
    if (!place)
        return std::unexpected(place.error());
    Result<Verdict> verdict = judge(request.memberId, *place, 0);
    if (!verdict)
        return std::unexpected(verdict.error());
    return BookingCheck {verdict->refusal, bookingRefusalMessage(verdict->refusal)};
}

Result<Booking> SqlBookingDesk::insertBooking(
    const StaffSession &session, const QString &memberId, const Place &place, const QString &recurrenceId)
{
    Result<QString> number = nextBookingNo();
    if (!number)
        return std::unexpected(number.error());
    Booking booking;
    booking.bookingNo = *number;
    booking.memberId = memberId;
    booking.venueId = place.venue.id;
    booking.slotId = place.slot ? place.slot->id : QString();
    booking.startMs = place.startMs;
    booking.endMs = place.endMs;
    booking.status = BookingStatus::Booked;
    booking.recurrenceId = recurrenceId;
    booking.createdAtMs = m_clock.nowMs();
    Result<Booking> inserted = m_bookings.insert(booking);
    if (!inserted)
        return inserted;
    if (place.slot) {
        if (Status counted = m_courses.adjustBookedCount(place.slot->id, +1, booking.createdAtMs); !counted)
            return std::unexpected(counted.error());
    }
    if (Status logged = record(session, QStringLiteral("booking.created"), syncjson::toJson(*inserted),
            QStringLiteral("booking.create"), QStringLiteral("booking"), inserted->id);
        !logged)
        return std::unexpected(logged.error());
    return inserted;
}

Result<Booking> SqlBookingDesk::book(const StaffSession &session, const BookingRequest &request)
{
    if (Status allowed = requirePermission(session, Permission::Book); !allowed)
        return std::unexpected(allowed.error());
    return m_db.transaction<Booking>([&]() -> Result<Booking> {
        Result<Place> place = resolve(request);
        if (!place)
            return std::unexpected(place.error());
        Result<Verdict> verdict = judge(request.memberId, *place, 0);
        if (!verdict)
            return std::unexpected(verdict.error());
        if (verdict->refusal != BookingRefusal::Invalid)
            return refused(verdict->refusal, request.isSlot() ? QStringLiteral("slotId") : QStringLiteral("startMs"));
        return insertBooking(session, request.memberId, *place, QString());
    });
}

Result<QList<SqlBookingDesk::Place>> SqlBookingDesk::weeklyPlaces(
    const BookingRequest &request, int weeks, QList<WeeklyConflict> &missing) const
{
    Result<Place> first = resolve(request);
    if (!first)
        return std::unexpected(first.error());
    QList<Place> places {*first};
    const QTimeZone siteZone = zone();
    const QDateTime firstStart = QDateTime::fromMSecsSinceEpoch(first->startMs, siteZone);
    for (int week = 1; week < weeks; ++week) {
        // Same wall-clock time in the site's zone, so a weekly 18:00 stays 18:00 across DST.
        const qint64 startMs = firstStart.addDays(7 * week).toMSecsSinceEpoch();
        Place place = *first;
        place.startMs = startMs;
        place.endMs = startMs + (first->endMs - first->startMs);
        if (first->slot) {
            Result<QSqlQuery> query = sql::run(m_db.connection(),
                QStringLiteral("SELECT id FROM course_slot WHERE course_id = ? AND venue_id = ? AND start_at = ? "
                               "AND deleted_at IS NULL LIMIT 1"),
                {first->slot->courseId, first->slot->venueId, startMs});
            if (!query)
                return std::unexpected(query.error());
            if (!query->next()) {
                missing.append({QDateTime::fromMSecsSinceEpoch(startMs, siteZone).date(), startMs,
                    BookingRefusal::NoSlotThatWeek, bookingRefusalMessage(BookingRefusal::NoSlotThatWeek)});
                continue;
            }
            Result<CourseSlot> slot = requireSlot(query->value(0).toString());
            if (!slot)
                return std::unexpected(slot.error());
            place.slot = *slot;
            place.endMs = slot->endMs;
        }
        places.append(place);
    }
    return places;
}

Result<QList<WeeklyConflict>> SqlBookingDesk::weeklyConflicts(const BookingRequest &request, int weeks) const
{
    if (weeks < 1 || weeks > MaxWeeks)
        return invalid(Text::tr("Book between 1 and %1 weeks.").arg(MaxWeeks), QStringLiteral("weeks"));
    QList<WeeklyConflict> conflicts;
    Result<QList<Place>> places = weeklyPlaces(request, weeks, conflicts);
    if (!places)
        return std::unexpected(places.error());
    const QTimeZone siteZone = zone();
    int accepted = 0;
    for (const Place &place : *places) {
        Result<Verdict> verdict = judge(request.memberId, place, accepted);
        if (!verdict)
            return std::unexpected(verdict.error());
        if (verdict->refusal == BookingRefusal::Invalid) {
            ++accepted;
            continue;
        }
        conflicts.append({QDateTime::fromMSecsSinceEpoch(place.startMs, siteZone).date(), place.startMs,
            verdict->refusal, bookingRefusalMessage(verdict->refusal)});
    }
    std::sort(conflicts.begin(), conflicts.end(),
        [](const WeeklyConflict &a, const WeeklyConflict &b) { return a.startMs < b.startMs; });
    return conflicts;
}

Result<QList<WeeklyConflict>> SqlBookingDesk::checkWeekly(
    const StaffSession &session, const BookingRequest &request, int weeks) const
{
    if (Status allowed = requirePermission(session, Permission::Book); !allowed)
        return std::unexpected(allowed.error());
    return weeklyConflicts(request, weeks);
}

Result<QList<Booking>> SqlBookingDesk::bookWeekly(const StaffSession &session, const BookingRequest &request, int weeks)
{
    if (Status allowed = requirePermission(session, Permission::Book); !allowed)
        return std::unexpected(allowed.error());
    return m_db.transaction<QList<Booking>>([&]() -> Result<QList<Booking>> {
        Result<QList<WeeklyConflict>> conflicts = weeklyConflicts(request, weeks);
        if (!conflicts)
            return std::unexpected(conflicts.error());
        if (!conflicts->isEmpty()) {
            QStringList lines;
            for (const WeeklyConflict &conflict : *conflicts)
                lines.append(Text::tr("%1: %2").arg(conflict.date.toString(Qt::ISODate), conflict.message));
            return fail(ErrorCode::Conflict,
                Text::tr("Nothing was booked. These dates conflict:\n%1").arg(lines.join(QLatin1Char('\n'))),
                QStringLiteral("weeks"));
        }
        QList<WeeklyConflict> unused;
        Result<QList<Place>> places = weeklyPlaces(request, weeks, unused);
        if (!places)
            return std::unexpected(places.error());
        const QString recurrenceId = weeks > 1 ? sql::newId() : QString();
        QList<Booking> booked;
        for (const Place &place : *places) {
            Result<Booking> booking = insertBooking(session, request.memberId, place, recurrenceId);
            if (!booking)
                return std::unexpected(booking.error());
            booked.append(*booking);
        }
        return booked;
    });
}

Result<std::optional<Booking>> SqlBookingDesk::promoteOne(
    const StaffSession &session, const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs)
{
    Result<QList<WaitlistEntry>> waiting = slotId.isEmpty()
        ? readWaitlist(QStringLiteral("WHERE w.venue_id = ? AND w.slot_id IS NULL AND w.status = 'waiting' "
                                      "AND w.start_at < ? AND w.end_at > ?"),
            {venueId, endMs, startMs})
        : readWaitlist(QStringLiteral("WHERE w.slot_id = ? AND w.status = 'waiting'"), {slotId});
    if (!waiting)
        return std::unexpected(waiting.error());
    for (const WaitlistEntry &entry : *waiting) {
        BookingRequest request {entry.memberId, entry.slotId, entry.venueId, entry.startMs, entry.endMs};
        Result<Place> place = resolve(request);
        if (!place)
            return std::unexpected(place.error());
        Result<Verdict> verdict = judge(entry.memberId, *place, 0);
        if (!verdict)
            return std::unexpected(verdict.error());
        // Someone who cannot take the place now (booked elsewhere meanwhile, blocked, ...) keeps
        // waiting; the next in line gets it.
        if (verdict->refusal != BookingRefusal::Invalid)
            continue;
        Result<Booking> booking = insertBooking(session, entry.memberId, *place, QString());
        if (!booking)
            return std::unexpected(booking.error());
        if (Status updated = sql::runUpdate(m_db.connection(),
                QStringLiteral("UPDATE waitlist SET status = 'promoted' WHERE id = ? AND status = 'waiting'"),
                {entry.id}, Text::tr("The waiting list entry"));
            !updated)
            return std::unexpected(updated.error());
        QJsonObject data = syncjson::toJson(entry);
        data.insert(QStringLiteral("status"), waitlistStatusName(WaitlistStatus::Promoted));
        data.insert(QStringLiteral("bookingId"), booking->id);
        data.insert(QStringLiteral("bookingNo"), booking->bookingNo);
        if (Status logged = record(session, QStringLiteral("waitlist.promoted"), data,
                QStringLiteral("waitlist.promote"), QStringLiteral("waitlist"), entry.id);
            !logged)
            return std::unexpected(logged.error());
        return std::optional<Booking>(*booking);
    }
    return std::optional<Booking>();
}

Result<std::optional<Booking>> SqlBookingDesk::promoteInto(const StaffSession &session, const Booking &freed)
{
    return promoteOne(session, freed.venueId, freed.slotId, freed.startMs, freed.endMs);
}

Result<CancelOutcome> SqlBookingDesk::cancel(
    const StaffSession &session, const QString &bookingId, const QString &reason)
{
    if (Status allowed = requirePermission(session, Permission::Book); !allowed)
        return std::unexpected(allowed.error());
    return m_db.transaction<CancelOutcome>([&]() -> Result<CancelOutcome> {
        Result<std::optional<Booking>> found = m_bookings.findById(bookingId);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::NotFound, Text::tr("The booking does not exist."), QStringLiteral("bookingId"));
        CancelOutcome outcome;
        outcome.booking = **found;
        if (outcome.booking.status != BookingStatus::Booked)
            return refused(BookingRefusal::NotCancellable, QStringLiteral("bookingId"));
        const qint64 nowMs = m_clock.nowMs();
        if (outcome.booking.startMs <= nowMs)
            return refused(BookingRefusal::AlreadyStarted, QStringLiteral("bookingId"));
        Result<Venue> venue = requireVenue(outcome.booking.venueId);
        if (!venue)
            return std::unexpected(venue.error());
        outcome.late = nowMs > outcome.booking.startMs - venue->cancelHours * MsPerHour;
        if (outcome.late && venue->cancelPenaltyPercent <= 0)
            return refused(BookingRefusal::LateCancellation, QStringLiteral("bookingId"));
        if (outcome.late) {
            const double hours = double(outcome.booking.endMs - outcome.booking.startMs) / double(MsPerHour);
            outcome.penaltyFen = qint64(
                std::llround(double(venue->feePerHourFen) * hours * double(venue->cancelPenaltyPercent) / 100.0));
        }
        if (Status updated = m_bookings.updateStatus(bookingId, BookingStatus::Cancelled, nowMs, reason.trimmed());
            !updated)
            return std::unexpected(updated.error());
        outcome.booking.status = BookingStatus::Cancelled;
        if (!outcome.booking.slotId.isEmpty()) {
            if (Status counted = m_courses.adjustBookedCount(outcome.booking.slotId, -1, nowMs); !counted)
                return std::unexpected(counted.error());
        }
        QJsonObject data = syncjson::toJson(outcome.booking);
        data.insert(QStringLiteral("reason"), reason.trimmed());
        data.insert(QStringLiteral("late"), outcome.late);
        data.insert(QStringLiteral("penaltyFen"), outcome.penaltyFen);
        if (Status logged = record(session, QStringLiteral("booking.cancelled"), data, QStringLiteral("booking.cancel"),
                QStringLiteral("booking"), bookingId);
            !logged)
            return std::unexpected(logged.error());
        Result<std::optional<Booking>> promoted = promoteInto(session, outcome.booking);
        if (!promoted)
            return std::unexpected(promoted.error());
        outcome.promoted = *promoted;
        return outcome;
    });
}

Result<WaitlistEntry> SqlBookingDesk::joinWaitlist(const StaffSession &session, const BookingRequest &request)
{
    if (Status allowed = requirePermission(session, Permission::Book); !allowed)
        return std::unexpected(allowed.error());
    return m_db.transaction<WaitlistEntry>([&]() -> Result<WaitlistEntry> {
        Result<Place> place = resolve(request);
        if (!place)
            return std::unexpected(place.error());
        Result<Verdict> verdict = judge(request.memberId, *place, 0);
        if (!verdict)
            return std::unexpected(verdict.error());
        if (verdict->refusal == BookingRefusal::Invalid)
            return refused(BookingRefusal::NotFull, QStringLiteral("slotId"));
        if (!verdict->waitable)
            return refused(verdict->refusal, request.isSlot() ? QStringLiteral("slotId") : QStringLiteral("startMs"));
        const QString slotId = place->slot ? place->slot->id : QString();
        Result<QSqlQuery> already = sql::run(m_db.connection(),
            QStringLiteral("SELECT count(*) FROM waitlist WHERE member_id = ? AND venue_id = ? "
                           "AND coalesce(slot_id, '') = ? AND start_at < ? AND end_at > ? AND status = 'waiting'"),
            {request.memberId, place->venue.id, slotId, place->endMs, place->startMs});
        if (!already)
            return std::unexpected(already.error());
        if (already->next() && already->value(0).toInt() > 0)
            return refused(BookingRefusal::AlreadyWaiting, QStringLiteral("memberId"));
        Result<QSqlQuery> last = sql::run(m_db.connection(),
            QStringLiteral("SELECT coalesce(max(position), 0) FROM waitlist WHERE venue_id = ? "
                           "AND coalesce(slot_id, '') = ?"),
            {place->venue.id, slotId});
        if (!last)
            return std::unexpected(last.error());
        WaitlistEntry entry;
        entry.id = sql::newId();
        entry.memberId = request.memberId;
        entry.venueId = place->venue.id;
        entry.slotId = slotId;
        entry.startMs = place->startMs;
        entry.endMs = place->endMs;
        entry.position = (last->next() ? last->value(0).toInt() : 0) + 1;
        entry.status = WaitlistStatus::Waiting;
        entry.createdAtMs = m_clock.nowMs();
        Result<QSqlQuery> inserted = sql::run(m_db.connection(),
            QStringLiteral("INSERT INTO waitlist (id, member_id, venue_id, slot_id, start_at, end_at, position, "
                           "status, created_at) VALUES (?,?,?,?,?,?,?,?,?)"),
            {entry.id, entry.memberId, entry.venueId, sql::textOrNull(entry.slotId), entry.startMs, entry.endMs,
                entry.position, waitlistStatusName(entry.status), entry.createdAtMs});
        if (!inserted)
            return std::unexpected(inserted.error());
        if (Status logged = record(session, QStringLiteral("waitlist.joined"), syncjson::toJson(entry),
                QStringLiteral("waitlist.join"), QStringLiteral("waitlist"), entry.id);
            !logged)
            return std::unexpected(logged.error());
        Result<QList<WaitlistEntry>> stored = readWaitlist(QStringLiteral("WHERE w.id = ?"), {entry.id});
        if (!stored)
            return std::unexpected(stored.error());
        return stored->value(0);
    });
}

Status SqlBookingDesk::leaveWaitlist(const StaffSession &session, const QString &waitlistId)
{
    if (Status allowed = requirePermission(session, Permission::Book); !allowed)
        return allowed;
    return m_db.transaction([&]() -> Status {
        if (Status updated = sql::runUpdate(m_db.connection(),
                QStringLiteral("UPDATE waitlist SET status = 'cancelled' WHERE id = ? AND status = 'waiting'"),
                {waitlistId}, Text::tr("The waiting list entry"));
            !updated)
            return updated;
        return record(session, QStringLiteral("waitlist.left"), {{QStringLiteral("id"), waitlistId}},
            QStringLiteral("waitlist.leave"), QStringLiteral("waitlist"), waitlistId);
    });
}

} // namespace gymgate
