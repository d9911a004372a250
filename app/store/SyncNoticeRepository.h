#pragma once

#include "core/Error.h"
#include "core/SyncControl.h"

#include <QList>

namespace gymgate {

class Database;

// Conflicts sync found for staff to look at (`sync_notice`, DESIGN §9): count cards overdrawn
// at two sites, bookings the hub refused, pulled rows that collided with local ones.
class SyncNoticeRepository {
public:
    explicit SyncNoticeRepository(Database &db);

    // Inside the caller's transaction when there is one. Returns the new id. A notice with the
    // same kind and entity id still open is not recorded twice (returns its id).
    Result<qint64> record(const SyncNotice &notice);
    Result<QList<SyncNotice>> list(bool includeAcknowledged, int limit) const; // newest first
    Result<qint64> openCount() const;
    // NotFound for an unknown id, Conflict when already acknowledged.
    Status acknowledge(qint64 id, const QString &staffId, qint64 atMs);

private:
    Database &m_db;
};

} // namespace gymgate
