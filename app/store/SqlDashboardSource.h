#pragma once

#include "core/Clock.h"
#include "core/Dashboard.h"

namespace gymgate {

class Database;

// The dashboard over the local database: occupancy from zone_occupancy, today's classes and
// maintenance from the schedule, the day's entries, denials and sales from the report engine,
// so the dashboard and a report of today show the same numbers.
class SqlDashboardSource : public DashboardSource {
public:
    SqlDashboardSource(Database &db, const Clock &clock);

    Result<DashboardSnapshot> snapshot(const StaffSession &session) override;

private:
    Result<QList<ZoneOccupancy>> occupancy() const;
    Result<QList<ClassFill>> classes(const ReportRange &today) const;
    Result<QList<VenueMaintenance>> maintenance(const ReportRange &today, qint64 nowMs) const;

    Database &m_db;
    const Clock &m_clock;
};

} // namespace gymgate
