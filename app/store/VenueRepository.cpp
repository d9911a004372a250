#include "store/VenueRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

QString venueWhat()
{
    return QCoreApplication::translate("Store", "The venue");
}

Status validate(const Venue &venue)
{
    if (venue.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The name is missing."),
            QStringLiteral("name"));
    if (venue.kind == VenueKind::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The venue kind is missing."),
            QStringLiteral("kind"));
    if (venue.status == VenueStatus::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The venue status is missing."),
            QStringLiteral("status"));
    if (venue.antiPassback == AntiPassbackMode::Invalid)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "The anti-passback mode is missing."), QStringLiteral("antiPassback"));
    return {};
}

QVariantList rowValues(const Venue &venue)
{
    return {venue.name, QString::fromLatin1(venueKindName(venue.kind)), venue.capacity,
        QString::fromLatin1(venueStatusName(venue.status)), sql::scheduleToJson(venue.openingHours),
        venue.bookingRequired ? 1 : 0, QString::fromLatin1(antiPassbackModeName(venue.antiPassback)),
        venue.antiPassbackMinutes, venue.dailyEntryLimit, venue.advanceDays, venue.maxActiveBookings, venue.cancelHours,
        venue.cancelPenaltyPercent, venue.feePerHourFen};
}

} // namespace

VenueRepository::VenueRepository(Database &db) : m_db(db)
{ }

QString VenueRepository::venueColumns()
{
    return QStringLiteral("id, name, kind, capacity, status, opening_hours, booking_required, antipassback_mode, "
                          "antipassback_minutes, daily_entry_limit, advance_days, max_active_bookings, cancel_hours, "
                          "cancel_penalty_percent, fee_per_hour_fen");
}

Result<Venue> VenueRepository::readVenue(const QSqlQuery &query)
{
    Venue venue;
    venue.id = query.value(0).toString();
    venue.name = query.value(1).toString();
    venue.kind = venueKindFromName(query.value(2).toString());
    venue.capacity = query.value(3).toInt();
    venue.status = venueStatusFromName(query.value(4).toString());
    Result<WeeklySchedule> hours = sql::scheduleFromJson(query.value(5).toString(), QStringLiteral("opening_hours"));
    if (!hours)
        return std::unexpected(hours.error());
    venue.openingHours = std::move(*hours);
    venue.bookingRequired = query.value(6).toInt() != 0;
    venue.antiPassback = antiPassbackModeFromName(query.value(7).toString());
    venue.antiPassbackMinutes = query.value(8).toInt();
    venue.dailyEntryLimit = query.value(9).toInt();
    venue.advanceDays = query.value(10).toInt();
    venue.maxActiveBookings = query.value(11).toInt();
    venue.cancelHours = query.value(12).toInt();
    venue.cancelPenaltyPercent = query.value(13).toInt();
    venue.feePerHourFen = query.value(14).toLongLong();
    return venue;
}

QString VenueRepository::maintenanceColumns()
{
    return QStringLiteral("id, venue_id, start_at, end_at, reason");
}

Maintenance VenueRepository::readMaintenance(const QSqlQuery &query)
{
    Maintenance plan;
    plan.id = query.value(0).toString();
    plan.venueId = query.value(1).toString();
    plan.startMs = query.value(2).toLongLong();
    plan.endMs = query.value(3).toLongLong();
    plan.reason = query.value(4).toString();
    return plan;
}

Result<Venue> VenueRepository::insert(Venue venue, qint64 atMs)
{
    if (Status valid = validate(venue); !valid)
        return std::unexpected(valid.error());
    if (venue.id.isEmpty())
        venue.id = sql::newId();
    QVariantList values {venue.id};
    values += rowValues(venue);
    values << atMs << atMs;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO venue (") + venueColumns()
            + QStringLiteral(", created_at, updated_at) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        values);
    if (!query)
        return std::unexpected(query.error());
    return venue;
}

Status VenueRepository::update(const Venue &venue, qint64 atMs)
{
    if (Status valid = validate(venue); !valid)
        return valid;
    QVariantList values = rowValues(venue);
    values << atMs << venue.id;
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE venue SET name = ?, kind = ?, capacity = ?, status = ?, "
                       "opening_hours = ?, booking_required = ?, antipassback_mode = ?, "
                       "antipassback_minutes = ?, daily_entry_limit = ?, advance_days = ?, "
                       "max_active_bookings = ?, cancel_hours = ?, cancel_penalty_percent = ?, "
                       "fee_per_hour_fen = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
        values, venueWhat());
}

Result<std::optional<Venue>> VenueRepository::findById(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + venueColumns() + QStringLiteral(" FROM venue WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<Venue>();
    Result<Venue> venue = readVenue(*query);
    if (!venue)
        return std::unexpected(venue.error());
    return std::optional<Venue>(std::move(*venue));
}

Result<QList<Venue>> VenueRepository::list() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + venueColumns()
            + QStringLiteral(" FROM venue WHERE deleted_at IS NULL "
                             "ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());
    QList<Venue> venues;
    while (query->next()) {
        Result<Venue> venue = readVenue(*query);
        if (!venue)
            return std::unexpected(venue.error());
        venues.append(std::move(*venue));
    }
    return venues;
}

Status VenueRepository::setStatus(const QString &id, VenueStatus status, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE venue SET status = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {QString::fromLatin1(venueStatusName(status)), atMs, id}, venueWhat());
}

Status VenueRepository::softDelete(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE venue SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, venueWhat());
}

Result<Maintenance> VenueRepository::insertMaintenance(Maintenance plan, qint64 atMs)
{
    if (plan.endMs <= plan.startMs)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "The maintenance must end after it starts."), QStringLiteral("endMs"));
    if (plan.id.isEmpty())
        plan.id = sql::newId();
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO maintenance (") + maintenanceColumns()
            + QStringLiteral(", created_at) VALUES (?,?,?,?,?,?)"),
        {plan.id, plan.venueId, plan.startMs, plan.endMs, plan.reason, atMs});
    if (!query)
        return std::unexpected(query.error());
    return plan;
}

Result<QList<Maintenance>> VenueRepository::listMaintenance(const QString &venueId, qint64 fromMs) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + maintenanceColumns()
            + QStringLiteral(" FROM maintenance WHERE venue_id = ? AND end_at > ? "
                             "AND deleted_at IS NULL ORDER BY start_at"),
        {venueId, fromMs});
    if (!query)
        return std::unexpected(query.error());
    QList<Maintenance> plans;
    while (query->next())
        plans.append(readMaintenance(*query));
    return plans;
}

Status VenueRepository::removeMaintenance(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE maintenance SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"), {atMs, id},
        QCoreApplication::translate("Store", "The maintenance plan"));
}

} // namespace gymgate
