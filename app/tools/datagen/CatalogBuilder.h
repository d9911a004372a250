#pragma once

#include "core/Error.h"

#include "DatagenOptions.h"
#include "GymModel.h"

struct sqlite3;

namespace gymgate {

const char *coachName(int coach);

// The gym itself: zones (venues) with their gates and maintenance plans, the card products on
// sale, the courses and their timetable, and the court hours. Studios and courts are added as
// the booking volume asks for them, so a gym of any size can seat its bookings.
class CatalogBuilder {
public:
    CatalogBuilder(GymModel &model, SeededRandom &random, const DatagenOptions &options, const SiteTime &time)
        : m_model(model), m_random(random), m_options(options), m_time(time)
    { }

    void build();
    Status write(sqlite3 *db, qint64 createdAtMs) const;

    // Start of the demo class in the first studio: ten minutes after "now".
    static qint64 demoSlotStart(const SiteTime &time) { return time.nowMs() + 10 * MinuteMs; }

private:
    void addVenues();
    void addProducts();
    void addCourses();
    void addCourseSlots();
    void addCourtHours();
    void addMaintenance();
    VenueInfo &addVenue(VenueRole role, const QString &name, VenueKind kind, int capacity);
    void addSlot(int course, qint64 startMs);
    int roomsFor(double seatsNeeded, double seatsPerRoom) const;

    Status writeSettings(sqlite3 *db, qint64 createdAtMs) const;
    QString gateProfileJson(int slaveId) const;
    Status writeVenues(sqlite3 *db, qint64 createdAtMs) const;
    Status writeProducts(sqlite3 *db, qint64 createdAtMs) const;
    Status writeCourses(sqlite3 *db, qint64 createdAtMs) const;

    GymModel &m_model;
    SeededRandom &m_random;
    const DatagenOptions &m_options;
    const SiteTime &m_time;
};

} // namespace gymgate
