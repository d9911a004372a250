#pragma once

#include "core/Error.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace gymgate {

// Whole local days [from, to] in `zone` as UTC ms [startMs, endMs). The hub's statistics and the
// desk's reports both use it, so one site's figures agree wherever they are computed.
struct ReportRange {
    QDate from;
    QDate to;
    QTimeZone zone;
    qint64 startMs = 0; // local midnight starting `from`
    qint64 endMs = 0; // local midnight starting the day after `to`

    // InvalidArgument (field "to") when `to` is before `from` or the range is longer than maxDays
    // days; field "from" or "to" when that date is not valid.
    static Status check(QDate from, QDate to, int maxDays);
    // check(), then the UTC bounds of the range in `zone`.
    static Result<ReportRange> make(QDate from, QDate to, const QTimeZone &zone, int maxDays);
};

// How rows are grouped into the rows of a report. Values are only ever compared, never stored, but
// new dimensions append at the end so code that switches over them keeps reading the same.
enum class ReportDimension {
    Invalid = 0,
    Day, // "2026-03-01"
    Week, // ISO weeks, Monday first: "2026-W10"
    Month, // "2026-03"
    Hour, // hour of the local day, over the whole range: "00".."23"
    Venue, // the venue (a booking's venue; an entry's zone, which is a venue id): no time keys
    Zone, // the zone a gate lets into (entry.zone_id, a venue id)
    CardKind, // the kind of the card used or sold: time, count, value
    Product, // the card product
    Staff, // the staff member who sold or let in by hand
};

// Day, Week, Month and Hour: dimensions whose keys are local times.
bool isReportTimeDimension(ReportDimension dimension);

// The key of a local time in a time dimension; empty for Venue and Invalid.
QString reportTimeKey(const QDateTime &local, ReportDimension dimension);

// "00".."23".
QString reportHourKey(int hour);

// A bucket of local time as a UTC range [startMs, endMs).
struct ReportTimeBucket {
    QString key;
    qint64 startMs = 0;
    qint64 endMs = 0;

    bool operator==(const ReportTimeBucket &) const = default;
};

// The Day, Week or Month buckets of the range, in order, clipped to the range (a week or month
// that starts before `from` starts at startMs). Their bounds are local midnights, so a day of a
// daylight saving change is 23 or 25 hours long. Empty for Hour (an hour of the day recurs over
// the range, it is no contiguous span: use reportTimeKeys), Venue and Invalid.
QList<ReportTimeBucket> reportTimeBuckets(const ReportRange &range, ReportDimension dimension);

// Every key of a time dimension over the range, in order, so empty buckets show as zeros.
// Hour always gives all 24 hours.
QStringList reportTimeKeys(const ReportRange &range, ReportDimension dimension);

// Local time keys of UTC quarter hours, cached: one time zone conversion per quarter.
// Every UTC offset in use is a multiple of 15 minutes, so all instants of one UTC quarter hour
// share their local date and hour. SQL groups rows by quarter hour (utcMs / kQuarterMs, an integer
// division every dialect computes alike) and this turns each quarter into its local key; a year is
// at most 35,136 quarters, whatever the number of rows.
class ReportQuarterKeys {
public:
    static constexpr qint64 kQuarterMs = 15 * 60 * 1000;

    ReportQuarterKeys(QTimeZone zone, ReportDimension dimension) : m_zone(std::move(zone)), m_dimension(dimension) { }

    // The key of quarter number `quarter` (utcMs / kQuarterMs).
    QString keyOf(qint64 quarter);

private:
    QTimeZone m_zone;
    ReportDimension m_dimension;
    QHash<qint64, QString> m_keys;
};

} // namespace gymgate
