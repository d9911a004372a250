#pragma once

#include "core/Booking.h"
#include "core/Error.h"

#include <QList>
#include <QSqlQuery>

#include <optional>

namespace gymgate {

class Database;

// Bookings of course slots and venue time ranges (`booking`). Rules (capacity, advance days,
// cancel hours) belong to the booking service; this class stores.
class BookingRepository {
public:
    explicit BookingRepository(Database &db);

    // Empty id -> new UUID; createdAtMs 0 = now. A taken booking number: AlreadyExists "bookingNo".
    Result<Booking> insert(Booking booking);
    Status updateStatus(const QString &id, BookingStatus status, qint64 atMs, const QString &cancelReason = {});
    Result<std::optional<Booking>> findById(const QString &id) const;
    // Bookings starting in [fromMs, toMs), by start.
    Result<QList<Booking>> listForMember(const QString &memberId, qint64 fromMs, qint64 toMs) const;
    Result<QList<Booking>> listForVenue(const QString &venueId, qint64 fromMs, qint64 toMs) const;
    Result<QList<Booking>> listForSlot(const QString &slotId) const;

    // The SELECT column list matching readBooking(), for other store classes.
    static QString columns();
    static Booking readBooking(const QSqlQuery &query);

private:
    Result<QList<Booking>> listWhere(const QString &column, const QString &value, qint64 fromMs, qint64 toMs) const;

    Database &m_db;
};

} // namespace gymgate
