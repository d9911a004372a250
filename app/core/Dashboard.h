#pragma once

#include "core/Error.h"
#include "core/Report.h"
#include "core/Staff.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace gymgate {

// The desk's dashboard (docs/desk/DASHBOARD.md): what the gym looks like now and today.

struct ZoneOccupancy {
    QString zoneId; // a venue id
    QString name;
    int people = 0; // inside now: passed in minus passed out (zone_occupancy)
    int capacity = 0; // the venue's capacity; 0 = no limit

    bool operator==(const ZoneOccupancy &) const = default;
};

// A course slot of today and how full it is.
struct ClassFill {
    QString slotId;
    QString courseName;
    QString venueName;
    QString coachName;
    QDateTime start; // in the site's time zone
    QDateTime end;
    int capacity = 0;
    int booked = 0; // bookings holding a place: booked, attended, no-show

    bool operator==(const ClassFill &) const = default;
};

// A venue that is closed for maintenance now or later today: a planned period, or the venue's
// status set to maintenance by hand (then `from`/`until` are invalid).
struct VenueMaintenance {
    QString venueId;
    QString venueName;
    QDateTime from;
    QDateTime until;
    QString reason;

    bool operator==(const VenueMaintenance &) const = default;
};

struct DashboardSnapshot {
    QDateTime at; // when it was read, in the site's time zone
    QList<ZoneOccupancy> occupancy; // every venue of the site, by name
    int peopleInside = 0; // the sum over zones
    ReportTable entriesByHour; // ReportMetric::Entries by Hour, today
    ReportTable denialsByReason; // ReportMetric::Denials by Day, today: one row, a column per reason
    ReportTable salesByProduct; // ReportMetric::Revenue by Product, today, with payment methods
    QList<ClassFill> classes; // today's course slots by start time
    QList<VenueMaintenance> maintenance;
};

class DashboardSource {
public:
    virtual ~DashboardSource() = default;
    // Needs Permission::ViewReports.
    virtual Result<DashboardSnapshot> snapshot(const StaffSession &session) = 0;
};

} // namespace gymgate
