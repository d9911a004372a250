#pragma once

#include <QString>

namespace gymgate {

enum class BookingStatus {
    Invalid = 0,
    Booked,
    Cancelled,
    Attended,
    NoShow,
    Rejected, // the hub refused a booking made offline (capacity, overlap): kept, never active
};
const char *bookingStatusName(BookingStatus status); // "booked", "cancelled", "attended", "no_show", "rejected"
BookingStatus bookingStatusFromName(const QString &name);

// A course (seed 002 `course`) and one scheduled occurrence of it (`course_slot`).
struct Course {
    QString id;
    QString name;
    QString venueId;
    int durationMinutes = 60;
    int capacity = 20;
};

struct CourseSlot {
    QString id;
    QString courseId;
    QString venueId;
    QString coachName;
    qint64 startMs = 0;
    qint64 endMs = 0;
    int capacity = 0;
    int bookedCount = 0;
};

// A member's booking of a course slot or of a venue time range (seed 002 booking_record,
// seed 000 reservations). slotId is empty for a venue booking.
struct Booking {
    QString id;
    QString bookingNo;
    QString memberId;
    QString venueId;
    QString slotId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    BookingStatus status = BookingStatus::Invalid;
    QString recurrenceId; // weekly bookings share one
    qint64 createdAtMs = 0;
};

} // namespace gymgate
