#pragma once

#include "core/Error.h"

#include "DatagenOptions.h"
#include "GymModel.h"
#include "Progress.h"

struct sqlite3;

namespace gymgate {

// The timetable (course_slot) and the bookings of classes and courts: past ones attended, missed
// or cancelled, future ones booked or cancelled. Each slot's booked_count is the number of its
// bookings that hold a place, and no slot or court hour is booked beyond its capacity.
class BookingBuilder {
public:
    BookingBuilder(
        GymModel &model, SeededRandom &random, const DatagenOptions &options, const SiteTime &time, Progress &progress)
        : m_model(model), m_random(random), m_options(options), m_time(time), m_progress(progress)
    { }

    Status write(sqlite3 *db);

private:
    struct Planned {
        qint64 createdAtMs = 0;
        qint64 updatedAtMs = 0;
        int member = 0;
        int slot = 0;
        bool court = false;
        BookingStatus status = BookingStatus::Invalid;
        qint8 cancelReason = -1;
    };

    void buildMemberPicker();
    int pickMember(qint64 joinedBefore, const std::vector<int> &taken);
    void planDemoBookings();
    void planKept(std::vector<SlotInfo> &candidates, bool court, qint64 count);
    void planCancelled(const std::vector<SlotInfo> &candidates, bool court, qint64 count);
    qint64 joinedBefore(const SlotInfo &slot) const;
    qint64 bookedAt(const SlotInfo &slot, int member, bool court);
    const SlotInfo &slotOf(const Planned &booking) const;
    Status writeSlots(sqlite3 *db) const;
    Status writeBookings(sqlite3 *db);

    GymModel &m_model;
    SeededRandom &m_random;
    const DatagenOptions &m_options;
    const SiteTime &m_time;
    Progress &m_progress;
    std::vector<double> m_cumulativeWeight; // over members, for weighted picks
    std::vector<Planned> m_planned;
};

} // namespace gymgate
