#pragma once

#include "core/Error.h"
#include "core/Venue.h"

#include <QList>
#include <QSqlQuery>

#include <optional>

namespace gymgate {

class Database;

// Venues (access zones) and their maintenance plans (`venue`, `maintenance`).
class VenueRepository {
public:
    explicit VenueRepository(Database &db);

    Result<Venue> insert(Venue venue, qint64 atMs); // empty id -> new UUID
    Status update(const Venue &venue, qint64 atMs); // NotFound when missing
    Result<std::optional<Venue>> findById(const QString &id) const; // deleted ones too
    Result<QList<Venue>> list() const; // not deleted, by name
    Status setStatus(const QString &id, VenueStatus status, qint64 atMs);
    Status softDelete(const QString &id, qint64 atMs);

    // A plan must end after it starts (InvalidArgument "endMs" otherwise).
    Result<Maintenance> insertMaintenance(Maintenance plan, qint64 atMs);
    // Plans of the venue that end after `fromMs`, by start.
    Result<QList<Maintenance>> listMaintenance(const QString &venueId, qint64 fromMs) const;
    Status removeMaintenance(const QString &id, qint64 atMs); // soft delete

    // SELECT column lists matching readVenue()/readMaintenance(), for other store classes.
    static QString venueColumns();
    static Result<Venue> readVenue(const QSqlQuery &query);
    static QString maintenanceColumns();
    static Maintenance readMaintenance(const QSqlQuery &query);

private:
    Database &m_db;
};

} // namespace gymgate
