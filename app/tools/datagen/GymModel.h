#pragma once

#include "core/Booking.h"
#include "core/MemberCard.h"
#include "core/Venue.h"

#include <QString>

#include <algorithm>
#include <array>
#include <vector>

#include "DemoRole.h"
#include "SeededRandom.h"

namespace gymgate {

inline constexpr qint64 MinuteMs = 60'000;
inline constexpr qint64 HourMs = 60 * MinuteMs;
inline constexpr qint64 DayMs = 24 * HourMs;

// How the booking volume is shaped (shared by the catalog, which sizes the rooms, and the
// booking stage, which fills them).
inline constexpr int PastDays = 60; // course courseSlots, court hours and entries look back this far
inline constexpr int FutureCourseDays = 14; // the timetable is published two weeks ahead
inline constexpr int FutureCourtDays = 7; // courts are booked a week ahead
inline constexpr double CourseShare = 0.88; // of all bookings; the rest are court bookings
inline constexpr double GeneralShare = 0.7; // of course bookings; the rest are spinning
inline constexpr double CancelledShare = 0.13;
inline constexpr int CourtsPerHall = 8;

// The part of `count` due up to a running weight `cumulative` out of `total`: differences of
// successive calls split `count` exactly in proportion. The last share is exact even where
// count * total / total does not round back to count.
inline qint64 cumulativeShare(qint64 count, double cumulative, double total)
{
    if (total <= 0)
        return 0;
    if (cumulative >= total)
        return count;
    return std::min(count, qint64(double(count) * cumulative / total));
}

// Local time of the site. Asia/Shanghai has had one fixed offset since 1991, so the millions
// of timestamps placed here use plain arithmetic instead of a time-zone lookup each.
class SiteTime {
public:
    SiteTime(qint64 nowMs, int utcOffsetSeconds) : m_nowMs(nowMs), m_offsetMs(qint64(utcOffsetSeconds) * 1000) { }

    qint64 nowMs() const { return m_nowMs; }
    // Start (UTC ms) of the local day containing `utcMs`.
    qint64 dayStart(qint64 utcMs) const { return floorDiv(utcMs + m_offsetMs, DayMs) * DayMs - m_offsetMs; }
    int weekday(qint64 utcMs) const; // 1 = Monday ... 7 = Sunday
    int minuteOfDay(qint64 utcMs) const { return int((utcMs - dayStart(utcMs)) / MinuteMs); }
    qint64 todayStart() const { return dayStart(m_nowMs); }

private:
    static qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
    qint64 m_nowMs;
    qint64 m_offsetMs;
};

// Opening hours of one weekday in local minutes; close <= open means closed all day.
struct DayHours {
    int openMinute = 0;
    int closeMinute = 0;
};
using WeekHours = std::array<DayHours, 7>; // index 0 = Monday

enum class VenueRole {
    Invalid = 0,
    GymFloor,
    GeneralStudio,
    SpinStudio,
    Court,
    Pool,
    Renovating,
    Squash
};

struct VenueInfo {
    Uuid id;
    Uuid gateId;
    QString name;
    QString gateName;
    VenueRole role = VenueRole::Invalid;
    VenueKind kind = VenueKind::Invalid;
    VenueStatus status = VenueStatus::Open;
    int capacity = 0;
    WeekHours hours {};
    QByteArray hoursJson;
    bool bookingRequired = false;
    AntiPassbackMode antiPassback = AntiPassbackMode::Off;
    int antiPassbackMinutes = 0;
    int dailyEntryLimit = 0;
    int advanceDays = 7;
    int cancelHours = 2;
    int cancelPenaltyPercent = 0;
    qint64 feePerHourFen = 0;
    const char *gateDirection = "in";
    int inside = 0; // people in the zone at "now", for zone_occupancy
    std::vector<Uuid> maintenanceIds;
    std::vector<qint64> maintenanceStarts;
    std::vector<qint64> maintenanceEnds;

    bool isOpenAt(qint64 utcMs, const SiteTime &time) const;
    bool underMaintenanceAt(qint64 utcMs) const;
};

enum class ProductRole {
    Invalid = 0,
    Monthly,
    Quarterly,
    Yearly,
    OffPeak,
    Count10,
    Count30,
    Value,
    Swim
};

struct ProductInfo {
    Uuid id;
    QString name;
    ProductRole role = ProductRole::Invalid;
    CardKind kind = CardKind::Invalid;
    qint64 priceFen = 0;
    int validDays = 0;
    int visits = 0;
    qint64 valueFen = 0;
    qint64 perVisitPriceFen = 0;
    QByteArray windowsJson = "[]";
    QByteArray zonesJson = "[]";
    int poolVenue = -1; // index of the only zone the card opens, -1 = every zone
    int weight = 0; // share of the cards sold
};

struct CourseInfo {
    Uuid id;
    QString name;
    int venue = 0;
    int durationMinutes = 60;
    int capacity = 20;
};

struct SlotInfo {
    Uuid id;
    int venue = 0;
    int course = -1; // -1 = a court hour (no course_slot row, venue bookings only)
    qint64 startMs = 0;
    qint64 endMs = 0;
    int capacity = 0;
    int coach = 0;
    double popularity = 0;
    int seats = 0; // bookings that hold a place (booked, attended, no_show)
    int bookedCount = 0; // seats actually filled
};

struct MemberInfo {
    Uuid id;
    qint64 createdAtMs = 0;
    bool blocked = false;
    bool deleted = false;
    DemoRole demoRole = DemoRole::Invalid;
    QString demoName; // kept for the demo members only
    double bookingWeight = 0;
    double entryWeight = 0;
    int firstCard = 0;
    int cardCount = 0;
    std::array<char, 16> credentialId {}; // hex nonce of the member's live card code
    bool hasCredential = false;
};

struct CardInfo {
    Uuid id;
    int member = 0;
    int product = 0;
    CardKind kind = CardKind::Invalid;
    CardStatus status = CardStatus::Invalid;
    qint64 validFromMs = 0;
    qint64 validToMs = 0;
    int visitsLeft = 0;
    qint64 balanceFen = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 frozenAtMs = 0; // 0 = not frozen
};

// A booking that was attended: the entry log gets the matching passage.
struct AttendedVisit {
    int member = 0;
    int venue = 0;
    Uuid bookingId;
    qint64 startMs = 0;
    qint64 endMs = 0;
};

// A human number such as M1000000001: prefix letter, three-digit site, zero-padded sequence.
// Formatted into a fixed buffer because a million of them are bound per run.
struct HumanNumber {
    std::array<char, 24> text {};
    size_t size = 0;

    std::string_view view() const { return {text.data(), size}; }
    QString toString() const { return QString::fromLatin1(text.data(), qsizetype(size)); }
};

// Everything generated so far, shared by the stages that write it.
struct GymModel {
    QString siteNumber;
    QString siteName;
    Uuid deviceId;
    std::vector<VenueInfo> venues;
    std::vector<ProductInfo> products;
    std::vector<CourseInfo> courses;
    std::vector<SlotInfo> courseSlots; // course courseSlots
    std::vector<SlotInfo> courtHours; // court hours with courts free to book
    std::vector<MemberInfo> members;
    std::vector<CardInfo> cards;
    std::vector<AttendedVisit> attended;
    qint64 credentialRows = 0;
    qint64 bookingRows = 0;
    qint64 entryRows = 0;
    qint64 saleRows = 0;

    int venueIndex(VenueRole role) const; // first venue with the role, -1 if none
    int productIndex(ProductRole role) const;
    // Sequences count from 1 for index 0.
    HumanNumber memberNo(int member) const { return humanNumber('M', member, 7); }
    HumanNumber cardNo(int card) const { return humanNumber('C', card, 7); }
    HumanNumber bookingNo(qint64 booking) const { return humanNumber('B', booking, 8); }
    HumanNumber receiptNo(qint64 sale) const { return humanNumber('R', sale, 8); }
    HumanNumber humanNumber(char prefix, qint64 index, int digits) const;
};

} // namespace gymgate
