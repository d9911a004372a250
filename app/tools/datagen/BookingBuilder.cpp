#include "BookingBuilder.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

#include "CatalogBuilder.h"
#include "DemoRole.h"
#include "SqlStatement.h"

namespace gymgate {
namespace {

constexpr std::array<const char *, 6> CancelReasons = {"时间冲突", "身体不适", "临时加班", "出差", "天气原因", ""};
constexpr std::array<int, 6> CancelReasonWeights = {30, 20, 20, 10, 5, 15};
constexpr qint64 AttendCutoffMs = 10 * 60'000; // a class that started this long ago is history

// Splits `count` over the slots in proportion to popularity x capacity, exactly, never above a
// slot's capacity (a popular slot that would overflow just stays full).
void allocateSeats(std::vector<SlotInfo> &candidates, qint64 count)
{
    double total = 0;
    for (const SlotInfo &slot : candidates)
        total += slot.popularity * slot.capacity;
    if (total <= 0 || count <= 0)
        return;
    double cumulative = 0;
    qint64 given = 0;
    for (SlotInfo &slot : candidates) {
        cumulative += slot.popularity * slot.capacity;
        const qint64 upTo = cumulativeShare(count, cumulative, total);
        slot.seats = int(std::clamp<qint64>(upTo - given, 0, slot.capacity - slot.bookedCount));
        given = upTo;
    }
}

} // namespace

void BookingBuilder::buildMemberPicker()
{
    m_cumulativeWeight.resize(m_model.members.size());
    double sum = 0;
    for (size_t i = 0; i < m_model.members.size(); ++i) {
        sum += m_model.members[i].bookingWeight;
        m_cumulativeWeight[i] = sum;
    }
}

int BookingBuilder::pickMember(qint64 joinedBefore, const std::vector<int> &taken)
{
    if (m_cumulativeWeight.empty() || m_cumulativeWeight.back() <= 0)
        return -1;
    for (int attempt = 0; attempt < 12; ++attempt) {
        const double ticket = m_random.unit() * m_cumulativeWeight.back();
        const auto it = std::upper_bound(m_cumulativeWeight.cbegin(), m_cumulativeWeight.cend(), ticket);
        const int member
            = int(std::min<ptrdiff_t>(it - m_cumulativeWeight.cbegin(), ptrdiff_t(m_cumulativeWeight.size()) - 1));
        if (m_model.members[size_t(member)].createdAtMs > joinedBefore)
            continue;
        if (std::find(taken.cbegin(), taken.cend(), member) != taken.cend())
            continue;
        return member;
    }
    return -1;
}

// A member books as a member: at least an hour after joining, and before now.
qint64 BookingBuilder::joinedBefore(const SlotInfo &slot) const
{
    return std::min(slot.startMs, m_time.nowMs()) - HourMs;
}

// Bookings are made between an hour and the booking horizon ahead, mostly close to the class.
qint64 BookingBuilder::bookedAt(const SlotInfo &slot, int member, bool court)
{
    const double horizonHours = 24.0 * (court ? FutureCourtDays : FutureCourseDays);
    const double u = m_random.unit();
    const qint64 leadMs = HourMs + qint64(u * u * horizonHours * double(HourMs));
    const qint64 joined = m_model.members[size_t(member)].createdAtMs;
    // pickMember() leaves at least an hour between joining and now, so the range is never empty.
    return std::clamp(slot.startMs - leadMs, joined + MinuteMs, m_time.nowMs() - MinuteMs);
}

const SlotInfo &BookingBuilder::slotOf(const Planned &booking) const
{
    return booking.court ? m_model.courtHours[size_t(booking.slot)] : m_model.courseSlots[size_t(booking.slot)];
}

void BookingBuilder::planDemoBookings()
{
    const int demoMember = int(DemoRole::BookedNow) - 1;
    if (demoMember >= int(m_model.members.size()))
        return;
    const qint64 demoStart = CatalogBuilder::demoSlotStart(m_time);
    const qint64 bookedAt = m_time.nowMs() - DayMs;
    for (size_t s = 0; s < m_model.courseSlots.size(); ++s) {
        SlotInfo &slot = m_model.courseSlots[s];
        if (slot.startMs == demoStart) {
            slot.bookedCount = 1;
            m_planned.push_back({bookedAt, bookedAt, demoMember, int(s), false, BookingStatus::Booked});
            break;
        }
    }
    // The court booking is not tied to an hour: it takes a court in every hour it overlaps.
    const int court = m_model.venueIndex(VenueRole::Court);
    for (SlotInfo &hour : m_model.courtHours) {
        if (hour.venue == court && hour.startMs < demoStart + HourMs && hour.endMs > demoStart)
            hour.bookedCount = 1;
    }
    SlotInfo demoCourt;
    demoCourt.venue = court;
    demoCourt.startMs = demoStart;
    demoCourt.endMs = demoStart + HourMs;
    m_model.courtHours.push_back(demoCourt); // a booking of its own, not a bookable hour
    m_model.courtHours.back().capacity = 0;
    m_planned.push_back(
        {bookedAt, bookedAt, demoMember, int(m_model.courtHours.size()) - 1, true, BookingStatus::Booked});
}

void BookingBuilder::planKept(std::vector<SlotInfo> &candidates, bool court, qint64 count)
{
    allocateSeats(candidates, count);
    const qint64 now = m_time.nowMs();
    std::vector<int> taken;
    for (size_t s = 0; s < candidates.size(); ++s) {
        SlotInfo &slot = candidates[s];
        taken.clear();
        for (int seat = 0; seat < slot.seats; ++seat) {
            const int member = pickMember(joinedBefore(slot), taken);
            if (member < 0)
                continue;
            taken.push_back(member);
            ++slot.bookedCount;
            Planned booking {bookedAt(slot, member, court), 0, member, int(s), court, BookingStatus::Booked};
            booking.updatedAtMs = booking.createdAtMs;
            if (slot.startMs < now - AttendCutoffMs) {
                const bool attended = m_random.chance(0.9);
                booking.status = attended ? BookingStatus::Attended : BookingStatus::NoShow;
                // Attendance is marked at the door; no-shows by the nightly run after the class.
                booking.updatedAtMs = attended ? slot.startMs - qint64(m_random.below(12 * 60'000))
                                               : std::min(now, slot.endMs + HourMs);
                booking.updatedAtMs = std::max(booking.updatedAtMs, booking.createdAtMs);
            }
            m_planned.push_back(booking);
        }
    }
}

void BookingBuilder::planCancelled(const std::vector<SlotInfo> &candidates, bool court, qint64 count)
{
    if (candidates.empty())
        return;
    const std::vector<int> nobody;
    const qint64 now = m_time.nowMs();
    qint64 placed = 0;
    for (qint64 attempt = 0; placed < count && attempt < 4 * count; ++attempt) {
        const int s = int(m_random.below(candidates.size()));
        const SlotInfo &slot = candidates[size_t(s)];
        if (slot.capacity == 0)
            continue; // the demo's own court booking, not a bookable hour
        const int member = pickMember(joinedBefore(slot), nobody);
        if (member < 0)
            continue;
        ++placed;
        Planned booking {bookedAt(slot, member, court), 0, member, s, court, BookingStatus::Cancelled};
        const qint64 latest = std::max(booking.createdAtMs, std::min(now, slot.startMs) - MinuteMs);
        booking.updatedAtMs = booking.createdAtMs + qint64(m_random.unit() * double(latest - booking.createdAtMs));
        booking.cancelReason = qint8(m_random.weighted(CancelReasonWeights));
        m_planned.push_back(booking);
    }
}

Status BookingBuilder::write(sqlite3 *db)
{
    m_progress.begin(QCoreApplication::translate("Datagen", "planning bookings"), 0);
    buildMemberPicker();
    planDemoBookings();
    const qint64 random = std::max<qint64>(0, m_options.targetBookings() - qint64(m_planned.size()));
    const qint64 courses = std::llround(double(random) * CourseShare);
    const qint64 courts = random - courses;
    const qint64 keptCourses = std::llround(double(courses) * (1.0 - CancelledShare));
    const qint64 keptCourts = std::llround(double(courts) * (1.0 - CancelledShare));
    planKept(m_model.courseSlots, false, keptCourses);
    planKept(m_model.courtHours, true, keptCourts);
    planCancelled(m_model.courseSlots, false, courses - keptCourses);
    planCancelled(m_model.courtHours, true, courts - keptCourts);
    // Rows go in in the order they were booked, as a real desk would have written them.
    std::stable_sort(m_planned.begin(), m_planned.end(),
        [](const Planned &a, const Planned &b) { return a.createdAtMs < b.createdAtMs; });
    m_progress.end();
    if (Status status = writeSlots(db); !status)
        return status;
    return writeBookings(db);
}

Status BookingBuilder::writeSlots(sqlite3 *db) const
{
    auto insert = SqlStatement::prepare(db,
        "INSERT INTO course_slot (id, course_id, venue_id, coach_name, start_at, end_at, capacity, booked_count, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    for (const SlotInfo &slot : m_model.courseSlots) {
        // The timetable is published three weeks ahead.
        const qint64 published = std::min(slot.startMs - 21 * DayMs, m_time.nowMs() - DayMs);
        insert->bind(1, slot.id.view());
        insert->bind(2, m_model.courses[size_t(slot.course)].id.view());
        insert->bind(3, m_model.venues[size_t(slot.venue)].id.view());
        insert->bind(4, coachName(slot.coach));
        insert->bind(5, slot.startMs);
        insert->bind(6, slot.endMs);
        insert->bind(7, slot.capacity);
        insert->bind(8, slot.bookedCount);
        insert->bind(9, published);
        insert->bind(10, published);
        if (Status status = insert->execute(); !status)
            return status;
    }
    return {};
}

Status BookingBuilder::writeBookings(sqlite3 *db)
{
    auto insert = SqlStatement::prepare(db,
        "INSERT INTO booking (id, booking_no, member_id, venue_id, slot_id, start_at, end_at, status, cancel_reason, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    const qint64 total = qint64(m_planned.size());
    m_progress.begin(QCoreApplication::translate("Datagen", "bookings"), total);
    for (qint64 i = 0; i < total; ++i) {
        const Planned &booking = m_planned[size_t(i)];
        const SlotInfo &slot = slotOf(booking);
        const Uuid id = m_random.uuid();
        insert->bind(1, id.view());
        const HumanNumber bookingNo = m_model.bookingNo(i);
        insert->bind(2, bookingNo.view());
        insert->bind(3, m_model.members[size_t(booking.member)].id.view());
        insert->bind(4, m_model.venues[size_t(slot.venue)].id.view());
        if (booking.court)
            insert->bindNull(5);
        else
            insert->bind(5, slot.id.view());
        insert->bind(6, slot.startMs);
        insert->bind(7, slot.endMs);
        insert->bind(8, bookingStatusName(booking.status));
        if (booking.cancelReason >= 0)
            insert->bind(9, CancelReasons[size_t(booking.cancelReason)]);
        else
            insert->bindNull(9);
        insert->bind(10, booking.createdAtMs);
        insert->bind(11, booking.updatedAtMs);
        if (Status status = insert->execute(); !status)
            return status;
        if (booking.status == BookingStatus::Attended)
            m_model.attended.push_back({booking.member, slot.venue, id, slot.startMs, slot.endMs});
        m_progress.step(i + 1);
    }
    m_model.bookingRows = total;
    m_progress.end();
    return {};
}

} // namespace gymgate
