#include "store/SqlDashboardSource.h"

#include "store/Database.h"
#include "store/SettingRepository.h"
#include "store/SqlSupport.h"

#include <QSqlQuery>

#include <algorithm>

#include "reports/SqlReportEngine.h"

namespace gymgate {
namespace {

QDateTime localTime(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone);
}

} // namespace

SqlDashboardSource::SqlDashboardSource(Database &db, const Clock &clock) : m_db(db), m_clock(clock)
{ }

Result<DashboardSnapshot> SqlDashboardSource::snapshot(const StaffSession &session)
{
    if (Status allowed = requirePermission(session, Permission::ViewReports); !allowed)
        return std::unexpected(allowed.error());
    const qint64 nowMs = m_clock.nowMs();
    const QTimeZone zone = SettingRepository(m_db).siteTimeZone();
    DashboardSnapshot snapshot;
    snapshot.at = localTime(nowMs, zone);
    const Result<ReportRange> today = ReportRange::make(snapshot.at.date(), snapshot.at.date(), zone, 1);
    if (!today)
        return std::unexpected(today.error());

    Result<QList<ZoneOccupancy>> zones = occupancy();
    if (!zones)
        return std::unexpected(zones.error());
    snapshot.occupancy = std::move(*zones);
    for (const ZoneOccupancy &each : snapshot.occupancy)
        snapshot.peopleInside += each.people;

    const SqlReportEngine engine(m_db.connection(), ReportScope {});
    const std::pair<ReportMetric, ReportDimension> tables[] {{ReportMetric::Entries, ReportDimension::Hour},
        {ReportMetric::Denials, ReportDimension::Day}, {ReportMetric::Revenue, ReportDimension::Product}};
    ReportTable *targets[] {&snapshot.entriesByHour, &snapshot.denialsByReason, &snapshot.salesByProduct};
    for (int i = 0; i < 3; ++i) {
        Result<ReportTable> table = engine.run(tables[i].first, tables[i].second, *today);
        if (!table)
            return std::unexpected(table.error());
        *targets[i] = std::move(*table);
    }

    Result<QList<ClassFill>> todaysSlots = classes(*today);
    if (!todaysSlots)
        return std::unexpected(todaysSlots.error());
    snapshot.classes = std::move(*todaysSlots);
    Result<QList<VenueMaintenance>> closed = maintenance(*today, nowMs);
    if (!closed)
        return std::unexpected(closed.error());
    snapshot.maintenance = std::move(*closed);
    return snapshot;
}

// Every venue is a zone a gate may let into; people inside never read below zero (an exit
// whose entry was annulled would otherwise show as -1).
Result<QList<ZoneOccupancy>> SqlDashboardSource::occupancy() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral(
            "SELECT v.id, v.name, COALESCE(z.inside, 0), v.capacity FROM venue v "
            "LEFT JOIN zone_occupancy z ON z.zone_id = v.id WHERE v.deleted_at IS NULL ORDER BY v.name, v.id"));
    if (!query)
        return std::unexpected(query.error());
    QList<ZoneOccupancy> zones;
    while (query->next())
        zones.append(ZoneOccupancy {query->value(0).toString(), query->value(1).toString(),
            std::max(0, query->value(2).toInt()), query->value(3).toInt()});
    return zones;
}

Result<QList<ClassFill>> SqlDashboardSource::classes(const ReportRange &today) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT s.id, c.name, v.name, s.coach_name, s.start_at, s.end_at, s.capacity, "
                       "(SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id "
                       "AND b.status IN ('booked', 'attended', 'no_show')) "
                       "FROM course_slot s JOIN course c ON c.id = s.course_id JOIN venue v ON v.id = s.venue_id "
                       "WHERE s.deleted_at IS NULL AND s.start_at >= ? AND s.start_at < ? ORDER BY s.start_at, c.name"),
        {today.startMs, today.endMs});
    if (!query)
        return std::unexpected(query.error());
    QList<ClassFill> found;
    while (query->next())
        found.append(ClassFill {query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
            query->value(3).toString(), localTime(query->value(4).toLongLong(), today.zone),
            localTime(query->value(5).toLongLong(), today.zone), query->value(6).toInt(), query->value(7).toInt()});
    return found;
}

// Venues set to maintenance by hand, then planned periods that are not over and begin today.
Result<QList<VenueMaintenance>> SqlDashboardSource::maintenance(const ReportRange &today, qint64 nowMs) const
{
    QList<VenueMaintenance> closed;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT id, name FROM venue WHERE deleted_at IS NULL AND status = 'maintenance' ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());
    while (query->next())
        closed.append(VenueMaintenance {query->value(0).toString(), query->value(1).toString(), {}, {}, {}});
    query = sql::run(m_db.connection(),
        QStringLiteral("SELECT v.id, v.name, m.start_at, m.end_at, m.reason FROM maintenance m "
                       "JOIN venue v ON v.id = m.venue_id WHERE m.deleted_at IS NULL AND v.deleted_at IS NULL "
                       "AND m.end_at > ? AND m.start_at < ? ORDER BY m.start_at, v.name"),
        {nowMs, today.endMs});
    if (!query)
        return std::unexpected(query.error());
    while (query->next())
        closed.append(VenueMaintenance {query->value(0).toString(), query->value(1).toString(),
            localTime(query->value(2).toLongLong(), today.zone), localTime(query->value(3).toLongLong(), today.zone),
            query->value(4).toString()});
    return closed;
}

} // namespace gymgate
