#pragma once

#include "core/Booking.h"
#include "core/Error.h"
#include "core/Staff.h"
#include "core/Venue.h"
#include "core/WeeklySchedule.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace gymgate {

// Why a booking (or a cancellation, or a place on the waiting list) was refused. The names are
// stable codes for logs, events and tests; append, never reorder. Invalid = not refused.
enum class BookingRefusal {
    Invalid = 0,
    MemberDoubleBooked, // the member has another booking at an overlapping time
    VenueOverlap, // the venue is taken then (a class, or another booking of an exclusive court)
    SlotFull,
    VenueFull, // as many bookings at once as the venue holds
    Maintenance, // a maintenance plan (or the venue's maintenance status) covers the time
    OutsideOpeningHours,
    BeyondAdvanceWindow, // starts later than the venue's advance days allow
    TooManyActiveBookings, // the member already holds the venue's maximum of active bookings
    VenueClosed,
    InThePast,
    MemberBlocked,
    NoSlotThatWeek, // weekly booking of a class: no slot of the course at that time that week
    AlreadyWaiting,
    NotFull, // the waiting list is only for full slots and venues: book instead
    LateCancellation, // inside the cancel hours and the venue charges no penalty
    NotCancellable, // not an active booking (cancelled, attended, no-show)
    AlreadyStarted,
};

inline const char *bookingRefusalCode(BookingRefusal refusal)
{
    switch (refusal) {
    case BookingRefusal::MemberDoubleBooked:
        return "member_double_booked";
    case BookingRefusal::VenueOverlap:
        return "venue_overlap";
    case BookingRefusal::SlotFull:
        return "slot_full";
    case BookingRefusal::VenueFull:
        return "venue_full";
    case BookingRefusal::Maintenance:
        return "maintenance";
    case BookingRefusal::OutsideOpeningHours:
        return "outside_opening_hours";
    case BookingRefusal::BeyondAdvanceWindow:
        return "beyond_advance_window";
    case BookingRefusal::TooManyActiveBookings:
        return "too_many_active_bookings";
    case BookingRefusal::VenueClosed:
        return "venue_closed";
    case BookingRefusal::InThePast:
        return "in_the_past";
    case BookingRefusal::MemberBlocked:
        return "member_blocked";
    case BookingRefusal::NoSlotThatWeek:
        return "no_slot_that_week";
    case BookingRefusal::AlreadyWaiting:
        return "already_waiting";
    case BookingRefusal::NotFull:
        return "not_full";
    case BookingRefusal::LateCancellation:
        return "late_cancellation";
    case BookingRefusal::NotCancellable:
        return "not_cancellable";
    case BookingRefusal::AlreadyStarted:
        return "already_started";
    case BookingRefusal::Invalid:
        break;
    }
    return "";
}

inline QString bookingRefusalMessage(BookingRefusal refusal)
{
    switch (refusal) {
    case BookingRefusal::MemberDoubleBooked:
        return QCoreApplication::translate("BookingDesk", "The member already has a booking at this time.");
    case BookingRefusal::VenueOverlap:
        return QCoreApplication::translate("BookingDesk", "The venue is already taken at this time.");
    case BookingRefusal::SlotFull:
        return QCoreApplication::translate("BookingDesk", "The class is full.");
    case BookingRefusal::VenueFull:
        return QCoreApplication::translate("BookingDesk", "The venue is fully booked at this time.");
    case BookingRefusal::Maintenance:
        return QCoreApplication::translate("BookingDesk", "The venue is closed for maintenance at this time.");
    case BookingRefusal::OutsideOpeningHours:
        return QCoreApplication::translate("BookingDesk", "The time is outside the venue's opening hours.");
    case BookingRefusal::BeyondAdvanceWindow:
        return QCoreApplication::translate("BookingDesk",
            "The time is too far ahead: this venue takes bookings only a "
            "limited number of days in advance.");
    case BookingRefusal::TooManyActiveBookings:
        return QCoreApplication::translate(
            "BookingDesk", "The member already holds the maximum number of active bookings for this venue.");
    case BookingRefusal::VenueClosed:
        return QCoreApplication::translate("BookingDesk", "The venue is closed.");
    case BookingRefusal::InThePast:
        return QCoreApplication::translate("BookingDesk", "The time has already passed.");
    case BookingRefusal::MemberBlocked:
        return QCoreApplication::translate("BookingDesk", "The member is blocked.");
    case BookingRefusal::NoSlotThatWeek:
        return QCoreApplication::translate("BookingDesk", "There is no class at this time that week.");
    case BookingRefusal::AlreadyWaiting:
        return QCoreApplication::translate("BookingDesk", "The member is already on the waiting list.");
    case BookingRefusal::NotFull:
        return QCoreApplication::translate("BookingDesk", "There is still a free place: book it instead.");
    case BookingRefusal::LateCancellation:
        return QCoreApplication::translate(
            "BookingDesk", "It is too late to cancel: the venue's cancellation deadline has passed.");
    case BookingRefusal::NotCancellable:
        return QCoreApplication::translate("BookingDesk", "The booking is not active.");
    case BookingRefusal::AlreadyStarted:
        return QCoreApplication::translate("BookingDesk", "The booking has already started.");
    case BookingRefusal::Invalid:
        break;
    }
    return {};
}

// The editable description of a venue. Access rules (anti-passback, daily limits) belong to
// the technician console and are kept as they are on update.
struct VenueForm {
    QString name;
    VenueKind kind = VenueKind::Invalid;
    int capacity = 0; // bookings at once for a venue range; 0 = unlimited
    WeeklySchedule openingHours; // site time zone; empty = always open
    bool bookingRequired = false;
    qint64 feePerHourFen = 0;
};

// seed 000 预约规则.
struct BookingRules {
    int advanceDays = 7; // 0 = no limit
    int maxActiveBookings = 0; // per member and venue; 0 = no limit
    int cancelHours = 2; // free cancellation until this many hours before the start
    int cancelPenaltyPercent = 0; // 0 = a late cancellation is refused
};

struct MaintenanceForm {
    QString venueId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString reason;
};

struct CourseForm {
    QString name;
    QString venueId;
    int durationMinutes = 60;
    int capacity = 20;
};

struct SlotForm {
    QString courseId;
    qint64 startMs = 0;
    qint64 endMs = 0; // 0 = start + the course's duration
    int capacity = 0; // 0 = the course's capacity
    QString coachName;
};

// A class slot (slotId) or a venue time range (venueId, startMs, endMs).
struct BookingRequest {
    QString memberId;
    QString slotId;
    QString venueId;
    qint64 startMs = 0;
    qint64 endMs = 0;

    bool isSlot() const { return !slotId.isEmpty(); }
};

// The verdict of checkBooking(): refusal Invalid means it can be booked.
struct BookingCheck {
    BookingRefusal refusal = BookingRefusal::Invalid;
    QString message; // translated; empty when bookable

    bool bookable() const { return refusal == BookingRefusal::Invalid; }
};

// One occurrence of a weekly booking that cannot be booked.
struct WeeklyConflict {
    QDate date; // site time zone
    qint64 startMs = 0;
    BookingRefusal reason = BookingRefusal::Invalid;
    QString message; // translated
};

struct CancelOutcome {
    Booking booking; // as cancelled
    bool late = false; // inside the cancel hours (allowed because the venue charges a penalty)
    qint64 penaltyFen = 0; // cancel_penalty_percent of the venue fee for the booked time
    std::optional<Booking> promoted; // the waiting member booked into the freed place
};

enum class WaitlistStatus {
    Invalid = 0,
    Waiting,
    Promoted,
    Cancelled
};
const char *waitlistStatusName(WaitlistStatus status); // "waiting", "promoted", "cancelled"
WaitlistStatus waitlistStatusFromName(const QString &name);

struct WaitlistEntry {
    QString id;
    QString memberId;
    QString memberName;
    QString venueId;
    QString slotId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int position = 0; // 1 = next in line
    WaitlistStatus status = WaitlistStatus::Invalid;
    qint64 createdAtMs = 0;
};

struct MemberBrief {
    QString id;
    QString memberNo;
    QString name;
    bool blocked = false;
};

struct SlotSummary {
    CourseSlot slot;
    QString courseName;
    QString venueName;
    int waitingCount = 0;
};

struct BookingSummary {
    Booking booking;
    QString memberName;
    QString memberNo;
    QString venueName;
    QString courseName; // empty for a venue range
};

enum class CalendarEntryKind {
    Invalid = 0,
    Booking, // a venue range booking
    Slot, // a class with its fill
    Maintenance
};

struct CalendarEntry {
    CalendarEntryKind kind = CalendarEntryKind::Invalid;
    QString id;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString title; // member name, course name or maintenance reason
    QString bookingNo; // bookings only
    int capacity = 0; // slots only
    int bookedCount = 0;
    int waitingCount = 0;
};

// Venues, courses and bookings at the front desk (seed 000 venues and reservations, seed 002
// course, course_slot, booking_record). Every method checks the session first: reading needs
// ViewMembers, venues and maintenance ManageVenues, courses and slots ManageSchedule, booking,
// cancelling and the waiting list Book. Refusals come back as errors (Conflict, the message of
// the BookingRefusal); checkBooking() and checkWeekly() give the reasons as values.
class BookingDesk {
public:
    virtual ~BookingDesk() = default;

    // Reading (ViewMembers).
    virtual Result<QTimeZone> siteTimeZone(const StaffSession &session) const = 0;
    virtual Result<QList<Venue>> venues(const StaffSession &session) const = 0;
    virtual Result<QList<Maintenance>> maintenancePlans(
        const StaffSession &session, const QString &venueId, qint64 fromMs) const = 0;
    virtual Result<QList<Course>> courses(const StaffSession &session) const = 0;
    // Slots starting in [fromMs, toMs); every venue when venueId is empty.
    virtual Result<QList<SlotSummary>> courseSlots(
        const StaffSession &session, const QString &venueId, qint64 fromMs, qint64 toMs) const = 0;
    virtual Result<MemberBrief> member(const StaffSession &session, const QString &memberId) const = 0;
    // The member's bookings starting at or after fromMs, every status, by start.
    virtual Result<QList<BookingSummary>> memberBookings(
        const StaffSession &session, const QString &memberId, qint64 fromMs) const = 0;
    virtual Result<QList<WaitlistEntry>> memberWaitlist(const StaffSession &session, const QString &memberId) const = 0;
    // Waiting entries for a slot, or for ranges of a venue overlapping [fromMs, toMs), by position.
    virtual Result<QList<WaitlistEntry>> waitlist(const StaffSession &session, const BookingRequest &place) const = 0;
    // Venue range bookings, class slots with their fill, and maintenance overlapping [fromMs, toMs).
    virtual Result<QList<CalendarEntry>> calendar(
        const StaffSession &session, const QString &venueId, qint64 fromMs, qint64 toMs) const = 0;

    // Venues (ManageVenues).
    virtual Result<Venue> createVenue(const StaffSession &session, const VenueForm &form, const BookingRules &rules)
        = 0;
    virtual Status updateVenue(const StaffSession &session, const QString &venueId, const VenueForm &form) = 0;
    virtual Status setVenueRules(const StaffSession &session, const QString &venueId, const BookingRules &rules) = 0;
    virtual Status setVenueStatus(const StaffSession &session, const QString &venueId, VenueStatus status) = 0;
    // Refused (Conflict) while the venue has active bookings or slots to come.
    virtual Status deleteVenue(const StaffSession &session, const QString &venueId) = 0;
    // Refused (Conflict) when active bookings or slots fall inside the period.
    virtual Result<Maintenance> planMaintenance(const StaffSession &session, const MaintenanceForm &form) = 0;
    virtual Status removeMaintenance(const StaffSession &session, const QString &maintenanceId) = 0;

    // Courses and slots (ManageSchedule).
    virtual Result<Course> createCourse(const StaffSession &session, const CourseForm &form) = 0;
    virtual Status updateCourse(const StaffSession &session, const QString &courseId, const CourseForm &form) = 0;
    virtual Status deleteCourse(const StaffSession &session, const QString &courseId) = 0; // no slots to come
    // No two slots overlap in one venue; slots lie inside opening hours and outside maintenance.
    virtual Result<CourseSlot> createSlot(const StaffSession &session, const SlotForm &form) = 0;
    // A booked slot keeps its times; its capacity may grow (promoting waiting members) or shrink
    // down to the places booked.
    virtual Result<CourseSlot> updateSlot(const StaffSession &session, const QString &slotId, const SlotForm &form) = 0;
    virtual Status deleteSlot(const StaffSession &session, const QString &slotId) = 0; // no active bookings

    // Bookings (Book).
    virtual Result<BookingCheck> checkBooking(const StaffSession &session, const BookingRequest &request) const = 0;
    virtual Result<Booking> book(const StaffSession &session, const BookingRequest &request) = 0;
    // The request and the same time in the following weeks (weeks in total, 1..52).
    virtual Result<QList<WeeklyConflict>> checkWeekly(
        const StaffSession &session, const BookingRequest &request, int weeks) const = 0;
    // All or nothing: when any week conflicts nothing is booked and the error lists every
    // conflicting date with its reason.
    virtual Result<QList<Booking>> bookWeekly(const StaffSession &session, const BookingRequest &request, int weeks)
        = 0;
    // Frees the place and books the first waiting member who can take it, in one transaction.
    virtual Result<CancelOutcome> cancel(const StaffSession &session, const QString &bookingId, const QString &reason)
        = 0;
    // Only when the slot or venue range is full (NotFull otherwise).
    virtual Result<WaitlistEntry> joinWaitlist(const StaffSession &session, const BookingRequest &request) = 0;
    virtual Status leaveWaitlist(const StaffSession &session, const QString &waitlistId) = 0;
};

} // namespace gymgate
