#pragma once

#include "core/BookingDesk.h"
#include "core/Clock.h"
#include "store/AuditLog.h"
#include "store/BookingRepository.h"
#include "store/CourseRepository.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/SettingRepository.h"
#include "store/VenueRepository.h"

#include <QJsonObject>

namespace gymgate {

class Database;

// BookingDesk over the local SQLite database. Every change runs in one Database::transaction
// together with its outbox event and audit entry; the checks run inside the same (IMMEDIATE)
// transaction, so two desks cannot both take the last place.
class SqlBookingDesk final : public BookingDesk {
public:
    SqlBookingDesk(Database &db, const Clock &clock);

    Result<QTimeZone> siteTimeZone(const StaffSession &session) const override;
    Result<QList<Venue>> venues(const StaffSession &session) const override;
    Result<QList<Maintenance>> maintenancePlans(
        const StaffSession &session, const QString &venueId, qint64 fromMs) const override;
    Result<QList<Course>> courses(const StaffSession &session) const override;
    Result<QList<SlotSummary>> courseSlots(
        const StaffSession &session, const QString &venueId, qint64 fromMs, qint64 toMs) const override;
    Result<MemberBrief> member(const StaffSession &session, const QString &memberId) const override;
    Result<QList<BookingSummary>> memberBookings(
        const StaffSession &session, const QString &memberId, qint64 fromMs) const override;
    Result<QList<WaitlistEntry>> memberWaitlist(const StaffSession &session, const QString &memberId) const override;
    Result<QList<WaitlistEntry>> waitlist(const StaffSession &session, const BookingRequest &place) const override;
    Result<QList<CalendarEntry>> calendar(
        const StaffSession &session, const QString &venueId, qint64 fromMs, qint64 toMs) const override;

    Result<Venue> createVenue(const StaffSession &session, const VenueForm &form, const BookingRules &rules) override;
    Status updateVenue(const StaffSession &session, const QString &venueId, const VenueForm &form) override;
    Status setVenueRules(const StaffSession &session, const QString &venueId, const BookingRules &rules) override;
    Status setVenueStatus(const StaffSession &session, const QString &venueId, VenueStatus status) override;
    Status deleteVenue(const StaffSession &session, const QString &venueId) override;
    Result<Maintenance> planMaintenance(const StaffSession &session, const MaintenanceForm &form) override;
    Status removeMaintenance(const StaffSession &session, const QString &maintenanceId) override;

    Result<Course> createCourse(const StaffSession &session, const CourseForm &form) override;
    Status updateCourse(const StaffSession &session, const QString &courseId, const CourseForm &form) override;
    Status deleteCourse(const StaffSession &session, const QString &courseId) override;
    Result<CourseSlot> createSlot(const StaffSession &session, const SlotForm &form) override;
    Result<CourseSlot> updateSlot(const StaffSession &session, const QString &slotId, const SlotForm &form) override;
    Status deleteSlot(const StaffSession &session, const QString &slotId) override;

    Result<BookingCheck> checkBooking(const StaffSession &session, const BookingRequest &request) const override;
    Result<Booking> book(const StaffSession &session, const BookingRequest &request) override;
    Result<QList<WeeklyConflict>> checkWeekly(
        const StaffSession &session, const BookingRequest &request, int weeks) const override;
    Result<QList<Booking>> bookWeekly(const StaffSession &session, const BookingRequest &request, int weeks) override;
    Result<CancelOutcome> cancel(const StaffSession &session, const QString &bookingId, const QString &reason) override;
    Result<WaitlistEntry> joinWaitlist(const StaffSession &session, const BookingRequest &request) override;
    Status leaveWaitlist(const StaffSession &session, const QString &waitlistId) override;

private:
    // What a request resolves to: the venue (with its rules), the slot if any, and the time.
    struct Place {
        Venue venue;
        std::optional<CourseSlot> slot;
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    struct Verdict {
        BookingRefusal refusal = BookingRefusal::Invalid;
        bool waitable = false; // full now, may free up: the waiting list takes it
    };

    QTimeZone zone() const;
    Result<Place> resolve(const BookingRequest &request) const;
    Result<Verdict> judge(const QString &memberId, const Place &place, int earlierInBatch) const;
    Result<BookingRefusal> judgeMember(const QString &memberId) const;
    BookingRefusal judgeTime(const Place &place) const;
    Result<BookingRefusal> judgeMaintenance(const Place &place) const;
    Result<BookingRefusal> judgeMemberLoad(const QString &memberId, const Place &place, int earlierInBatch) const;
    Result<Verdict> judgeCapacity(const Place &place) const;
    Result<QList<Place>> weeklyPlaces(const BookingRequest &request, int weeks, QList<WeeklyConflict> &missing) const;
    Result<QList<WeeklyConflict>> weeklyConflicts(const BookingRequest &request, int weeks) const;
    bool insideOpeningHours(const Venue &venue, qint64 startMs, qint64 endMs) const;

    Result<Booking> insertBooking(
        const StaffSession &session, const QString &memberId, const Place &place, const QString &recurrenceId);
    Result<std::optional<Booking>> promoteInto(const StaffSession &session, const Booking &freed);
    Result<std::optional<Booking>> promoteOne(
        const StaffSession &session, const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs);
    Result<QString> nextBookingNo() const;
    Result<int> activeOverlaps(const QString &venueId, qint64 startMs, qint64 endMs) const;
    Result<QString> slotOverlap(
        const QString &venueId, qint64 startMs, qint64 endMs, const QString &exceptSlotId) const;
    Status checkSlotPlacement(const Venue &venue, const CourseSlot &slot) const;
    Result<QList<WaitlistEntry>> readWaitlist(const QString &where, const QVariantList &values) const;
    Result<Venue> requireVenue(const QString &venueId) const;
    Result<Course> requireCourse(const QString &courseId) const;
    Result<CourseSlot> requireSlot(const QString &slotId) const;

    // One outbox event and one audit entry for a change, inside the caller's transaction.
    Status record(const StaffSession &session, const QString &eventType, const QJsonObject &data, const QString &action,
        const QString &entity, const QString &entityId, const QJsonObject &detail = {});
    QString formatTime(qint64 utcMs) const;

    Database &m_db;
    const Clock &m_clock;
    VenueRepository m_venues;
    CourseRepository m_courses;
    BookingRepository m_bookings;
    MemberRepository m_members;
    SettingRepository m_settings;
    Outbox m_outbox;
    AuditLog m_audit;
};

} // namespace gymgate
