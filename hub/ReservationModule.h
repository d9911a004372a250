#pragma once

#include "core/Booking.h"
#include "core/BookingDesk.h"
#include "core/Error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

#include "HubModule.h"
#include "HubRouter.h"
#include "VenueModule.h"

namespace gymgate::hub {

// Reservations of venue time ranges and class slots, the waiting list and seed 002's course
// booking, with the desk's booking rules (app/core/BookingDesk.h): the same refusals and their
// stable codes, the same order of checks, waiting-list promotion on cancel. Booking writes are
// serialised across hub instances (a transaction-scoped advisory lock on PostgreSQL, BEGIN
// IMMEDIATE on SQLite) and a slot's place is taken by a conditional UPDATE of booked_count.
class ReservationModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;

    // What is booked: a venue and a time range, or a class slot (with its venue).
    struct SlotRow {
        CourseSlot slot;
        QString courseName;
    };
    struct Place {
        HubVenue venue;
        std::optional<SlotRow> slot;
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    // The desk's verdict, with what a conflict collided with.
    struct Verdict {
        BookingRefusal refusal = BookingRefusal::Invalid;
        bool waitable = false; // full now, may free up: the waiting list takes it
        QString conflictBookingId;
        QString conflictBookingNo;
        QString conflictSlotId;
    };
    struct BookingRow {
        Booking booking;
        QString status; // as stored: booked, cancelled, attended, no_show, rejected
        QString cancelReason;
        qint64 penaltyFen = 0;
        qint64 updatedAtMs = 0;
        QString memberName;
        QString venueName;
        QString courseName;
    };

private:
    HubResponse listReservations(const HubRequest &request) const;
    HubResponse getReservation(const HubRequest &request) const;
    HubResponse createReservation(const HubRequest &request);
    HubResponse updateReservation(const HubRequest &request);
    HubResponse bookCourse(const HubRequest &request);
    HubResponse joinWaitlist(const HubRequest &request);
    HubResponse listWaitlist(const HubRequest &request) const;

    // Books `place` for the member after the desk's checks; a refusal is the answer to send.
    HubResponse book(const QString &memberId, const Place &place, const QString &actor, bool courseShape);
    HubResponse cancel(const HubRequest &request, const BookingRow &row);
    HubResponse move(const HubRequest &request, const BookingRow &row);

    Status lockBookings();
    // A booking a member wants to cancel or move, re-read under the bookings lock.
    struct Changeable {
        Booking booking;
        HubVenue venue;
        qint64 nowMs = 0;
        BookingRefusal refusal = BookingRefusal::Invalid; // set when it is no longer booked or has begun
    };
    Result<Changeable> lockChangeable(const QString &bookingId);
    Result<Place> resolve(const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs) const;
    Result<Verdict> judge(const QString &memberId, const Place &place) const;
    Result<BookingRefusal> judgeMember(const QString &memberId) const;
    BookingRefusal judgeTime(const Place &place) const;
    Result<BookingRefusal> judgeMaintenance(const Place &place) const;
    Result<Verdict> judgeMemberLoad(const QString &memberId, const Place &place) const;
    Result<Verdict> judgeCapacity(const Place &place) const;

    // Inserts the booking (and takes the slot's place); std::nullopt when the slot filled up.
    Result<std::optional<Booking>> insertBooking(const QString &memberId, const Place &place);
    Result<QString> nextBookingNo() const;
    Status adjustSlot(const QString &slotId, int delta);
    Status recordBooking(const QString &bookingId);
    Result<std::optional<Booking>> promoteInto(
        const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs);

    Result<std::optional<BookingRow>> findBooking(const QString &bookingId) const;
    // The booking of the path's {reservationId} as the caller may see it: another member's
    // booking is NotFound like a missing one, its existence is not theirs to know.
    Result<BookingRow> visibleBooking(const HubRequest &request) const;
    Result<std::optional<SlotRow>> findSlot(const QString &slotId) const;
    QJsonObject bookingApiJson(const BookingRow &row, const QTimeZone &zone) const;
};

} // namespace gymgate::hub
