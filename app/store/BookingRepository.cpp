#include "store/BookingRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

QString bookingWhat()
{
    return QCoreApplication::translate("Store", "The booking");
}

} // namespace

BookingRepository::BookingRepository(Database &db) : m_db(db)
{ }

QString BookingRepository::columns()
{
    return QStringLiteral("id, booking_no, member_id, venue_id, slot_id, start_at, end_at, status, recurrence_id, "
                          "created_at");
}

Booking BookingRepository::readBooking(const QSqlQuery &query)
{
    Booking booking;
    booking.id = query.value(0).toString();
    booking.bookingNo = query.value(1).toString();
    booking.memberId = query.value(2).toString();
    booking.venueId = query.value(3).toString();
    booking.slotId = query.value(4).toString();
    booking.startMs = query.value(5).toLongLong();
    booking.endMs = query.value(6).toLongLong();
    booking.status = bookingStatusFromName(query.value(7).toString());
    booking.recurrenceId = query.value(8).toString();
    booking.createdAtMs = query.value(9).toLongLong();
    return booking;
}

Result<Booking> BookingRepository::insert(Booking booking)
{
    if (booking.bookingNo.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The booking number is missing."),
            QStringLiteral("bookingNo"));
    if (booking.status == BookingStatus::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The booking status is missing."),
            QStringLiteral("status"));
    if (booking.endMs <= booking.startMs)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "The booking must end after it starts."), QStringLiteral("endMs"));
    if (booking.id.isEmpty())
        booking.id = sql::newId();
    if (booking.createdAtMs == 0)
        booking.createdAtMs = sql::currentTimeMs();
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO booking (") + columns()
            + QStringLiteral(", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        {booking.id, booking.bookingNo, booking.memberId, booking.venueId, sql::textOrNull(booking.slotId),
            booking.startMs, booking.endMs, QString::fromLatin1(bookingStatusName(booking.status)),
            sql::textOrNull(booking.recurrenceId), booking.createdAtMs, booking.createdAtMs});
    if (!query)
        return std::unexpected(query.error());
    return booking;
}

Status BookingRepository::updateStatus(
    const QString &id, BookingStatus status, qint64 atMs, const QString &cancelReason)
{
    if (status == BookingStatus::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The booking status is missing."),
            QStringLiteral("status"));
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE booking SET status = ?, cancel_reason = coalesce(?, cancel_reason), "
                       "updated_at = ? WHERE id = ?"),
        {QString::fromLatin1(bookingStatusName(status)), sql::textOrNull(cancelReason), atMs, id}, bookingWhat());
}

Result<std::optional<Booking>> BookingRepository::findById(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(
        m_db.connection(), QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM booking WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<Booking>();
    return std::optional<Booking>(readBooking(*query));
}

Result<QList<Booking>> BookingRepository::listWhere(
    const QString &column, const QString &value, qint64 fromMs, qint64 toMs) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM booking WHERE ") + column
            + QStringLiteral(" = ? AND start_at >= ? AND start_at < ? ORDER BY start_at"),
        {value, fromMs, toMs});
    if (!query)
        return std::unexpected(query.error());
    QList<Booking> bookings;
    while (query->next())
        bookings.append(readBooking(*query));
    return bookings;
}

Result<QList<Booking>> BookingRepository::listForMember(const QString &memberId, qint64 fromMs, qint64 toMs) const
{
    return listWhere(QStringLiteral("member_id"), memberId, fromMs, toMs);
}

Result<QList<Booking>> BookingRepository::listForVenue(const QString &venueId, qint64 fromMs, qint64 toMs) const
{
    return listWhere(QStringLiteral("venue_id"), venueId, fromMs, toMs);
}

Result<QList<Booking>> BookingRepository::listForSlot(const QString &slotId) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM booking WHERE slot_id = ? ORDER BY created_at"),
        {slotId});
    if (!query)
        return std::unexpected(query.error());
    QList<Booking> bookings;
    while (query->next())
        bookings.append(readBooking(*query));
    return bookings;
}

} // namespace gymgate
