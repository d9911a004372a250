#pragma once

#include "core/WeeklySchedule.h"

#include <QString>

namespace gymgate {

// seed 000 venues. A venue is also an access zone: gates belong to one.
enum class VenueKind {
    Invalid = 0,
    GymFloor,
    Studio,
    Court,
    Pool,
    Other
};
enum class VenueStatus {
    Invalid = 0,
    Open,
    Closed,
    Maintenance
};
enum class AntiPassbackMode {
    Invalid = 0,
    Off,
    Soft,
    Hard
};

const char *venueKindName(VenueKind kind); // "gym_floor", "studio", "court", "pool", "other"
VenueKind venueKindFromName(const QString &name);
const char *venueStatusName(VenueStatus status); // "open", "closed", "maintenance"
VenueStatus venueStatusFromName(const QString &name);
const char *antiPassbackModeName(AntiPassbackMode mode); // "off", "soft", "hard"
AntiPassbackMode antiPassbackModeFromName(const QString &name);

struct Venue {
    QString id;
    QString name;
    VenueKind kind = VenueKind::Invalid;
    int capacity = 0; // people inside at once; 0 = unlimited
    VenueStatus status = VenueStatus::Invalid;
    WeeklySchedule openingHours; // empty = always open
    // access rules
    bool bookingRequired = false; // studios and courts: entry only with a booking
    AntiPassbackMode antiPassback = AntiPassbackMode::Off;
    int antiPassbackMinutes = 0;
    int dailyEntryLimit = 0; // 0 = unlimited
    // booking rules (seed 000 预约规则)
    int advanceDays = 7;
    int maxActiveBookings = 0; // per member; 0 = unlimited
    int cancelHours = 2;
    int cancelPenaltyPercent = 0;
    qint64 feePerHourFen = 0; // seed 003 venue fees
};

// A maintenance plan closing a venue for a period (seed 000 场馆维护计划).
struct Maintenance {
    QString id;
    QString venueId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString reason;

    bool covers(qint64 atMs) const { return atMs >= startMs && atMs < endMs; }
};

} // namespace gymgate
