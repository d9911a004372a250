#include "StatsModule.h"

#include "core/Logging.h"
#include "core/Report.h"
#include "core/ReportPeriod.h"
#include "core/WeeklySchedule.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "HubDatabase.h"
#include "HubRouter.h"
#include "HubSql.h"
#include "reports/ReportSql.h"
#include "reports/SqlReportEngine.h"

namespace gymgate::hub {
namespace {

// The report engine's SQL helpers serve the other statistics too.
using reportsql::countOf;
using reportsql::forEachRow;
using reportsql::quarterOf;
using reportsql::rounded;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(StatsModule)
};

// The time zone of figures over all sites: the default of site.timezone.
const QString kDefaultTimeZone = QStringLiteral("Asia/Shanghai");
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr int kMaxRangeDays = 366;
const QString kDateFormat = QStringLiteral("yyyy-MM-dd");

Error invalidParam(const QString &name, const QString &message)
{
    return Error {ErrorCode::InvalidArgument, message, name};
}

// Query items are checked like body members: a misspelt parameter is refused, not ignored.
Status allowOnly(const HubRequest &request, const QStringList &allowed)
{
    for (const auto &[name, value] : request.query.queryItems()) {
        if (!allowed.contains(name))
            return std::unexpected(
                invalidParam(name, Text::tr("The parameter \"%1\" is not accepted here.").arg(name)));
    }
    return {};
}

Result<QDate> dateParam(const HubRequest &request, const QString &name)
{
    if (!request.query.hasQueryItem(name))
        return std::unexpected(invalidParam(name, Text::tr("The parameter \"%1\" is missing.").arg(name)));
    const QString text = request.queryString(name);
    const QDate date = QDate::fromString(text, kDateFormat);
    // fromString also takes "2026-3-1"; the round trip keeps the format strict.
    if (!date.isValid() || date.toString(kDateFormat) != text || date.year() < 2000 || date.year() > 2099)
        return std::unexpected(
            invalidParam(name, Text::tr("The parameter \"%1\" must be a date YYYY-MM-DD (2000-2099).").arg(name)));
    return date;
}

// Whole local days [from, to] of one site (or all sites) as UTC ms [startMs, endMs).
struct StatsRange : ReportRange {
    QString siteId; // empty: all sites

    // " AND <column> = ?" when the range is of one site; appends the bind.
    QString siteFilter(const QString &column, QVariantList &binds) const
    {
        if (siteId.isEmpty())
            return {};
        binds.append(siteId);
        return QStringLiteral(" AND %1 = ?").arg(column);
    }

    QVariantList timeBinds() const { return {startMs, endMs}; }

    QJsonObject toJson(const QString &fromName, const QString &toName, const QString &siteName) const
    {
        return {{fromName, from.toString(kDateFormat)}, {toName, to.toString(kDateFormat)},
            {siteName, siteId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(siteId)},
            {QStringLiteral("timeZone"), QString::fromUtf8(zone.id())}, {QStringLiteral("startMs"), startMs},
            {QStringLiteral("endMs"), endMs}};
    }
};

struct RangeNames {
    QString from;
    QString to;
    QString site;
};

const RangeNames kOverviewNames {QStringLiteral("startDate"), QStringLiteral("endDate"), QStringLiteral("storeId")};
const RangeNames kStatsNames {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("siteId")};

Result<QTimeZone> siteZone(HubDatabase &database, const QString &siteId, const QString &param)
{
    QString zoneId = kDefaultTimeZone;
    if (!siteId.isEmpty()) {
        const Result<std::optional<QVariant>> found = sql::scalar(database.database(),
            QStringLiteral("SELECT timezone FROM site WHERE id = ? AND deleted_at IS NULL"), {siteId});
        if (!found)
            return std::unexpected(found.error());
        if (!found->has_value())
            return std::unexpected(
                invalidParam(param, Text::tr("The parameter \"%1\" names no site: %2.").arg(param, siteId)));
        zoneId = (*found)->toString();
    }
    QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid()) {
        logWarning(
            QStringLiteral("site %1 has an unknown time zone %2; using %3").arg(siteId, zoneId, kDefaultTimeZone));
        zone = QTimeZone(kDefaultTimeZone.toUtf8());
    }
    return zone;
}

// The error of a range ReportRange::check refused, in the words of the request's parameters.
Error rangeError(const RangeNames &names, QDate from, QDate to)
{
    if (to < from)
        return invalidParam(
            names.to, Text::tr("The parameter \"%1\" must not be before \"%2\".").arg(names.to, names.from));
    return invalidParam(names.to,
        Text::tr("The range from \"%1\" to \"%2\" is longer than %3 days.")
            .arg(names.from, names.to)
            .arg(kMaxRangeDays));
}

Result<StatsRange> readRange(const HubRequest &request, HubDatabase &database, const RangeNames &names)
{
    const Result<QDate> from = dateParam(request, names.from);
    if (!from)
        return std::unexpected(from.error());
    const Result<QDate> to = dateParam(request, names.to);
    if (!to)
        return std::unexpected(to.error());
    // Checked before the site is looked up, so a bad range fails without a query.
    if (!ReportRange::check(*from, *to, kMaxRangeDays))
        return std::unexpected(rangeError(names, *from, *to));
    const QString siteId = request.queryString(names.site);
    if (request.query.hasQueryItem(names.site) && siteId.isEmpty())
        return std::unexpected(invalidParam(names.site, Text::tr("The parameter \"%1\" is empty.").arg(names.site)));
    const Result<QTimeZone> zone = siteZone(database, siteId, names.site);
    if (!zone)
        return std::unexpected(zone.error());
    const Result<ReportRange> period = ReportRange::make(*from, *to, *zone, kMaxRangeDays);
    if (!period)
        return std::unexpected(rangeError(names, *from, *to));
    return StatsRange {*period, siteId};
}

Result<ReportDimension> dimensionParam(
    const HubRequest &request, const QString &name, const QStringList &allowed, const QString &fallback)
{
    const QString text = request.query.hasQueryItem(name) ? request.queryString(name) : fallback;
    if (!allowed.contains(text))
        return std::unexpected(invalidParam(
            name, Text::tr("The parameter \"%1\" must be one of: %2.").arg(name, allowed.join(QStringLiteral(", ")))));
    return reportDimensionFromName(text);
}

// The rows of a report: one per key, each a set of named counters.
class BucketTable {
public:
    explicit BucketTable(QStringList columns) : m_columns(std::move(columns)) { }

    // A row that shows even when all its counters are zero.
    void addRow(const QString &key, const QString &name = {}) { row(key).name = name; }
    void add(const QString &key, const QString &column, qint64 amount) { row(key).counts[column] += amount; }
    void setNames(bool withNames) { m_withNames = withNames; }
    // After this, rows that only show up in the data are extra rows, sorted by key after the
    // fixed ones (an entry zone that is no venue, a venue of a deleted booking...).
    void seal() { m_sealed = true; }

    QJsonArray toJson() const
    {
        QStringList extra = m_extraKeys;
        std::sort(extra.begin(), extra.end());
        QJsonArray rows;
        for (const QString &key : m_keys + extra) {
            const Row &row = m_rows[key];
            QJsonObject json {{QStringLiteral("key"), key}};
            if (m_withNames)
                json.insert(QStringLiteral("name"), row.name);
            for (const QString &column : m_columns)
                json.insert(column, row.counts.value(column));
            rows.append(json);
        }
        return rows;
    }

private:
    struct Row {
        QString name;
        QHash<QString, qint64> counts;
    };

    Row &row(const QString &key)
    {
        if (!m_rows.contains(key))
            (m_sealed ? m_extraKeys : m_keys).append(key);
        return m_rows[key];
    }

    QStringList m_columns;
    bool m_withNames = false;
    bool m_sealed = false;
    QStringList m_keys;
    QStringList m_extraKeys;
    QHash<QString, Row> m_rows;
};

// camelCase counter name of a booking status.
QString bookingColumn(const QString &status)
{
    return status == QLatin1String("no_show") ? QStringLiteral("noShow") : status;
}

const QStringList kBookingColumns {QStringLiteral("value"), QStringLiteral("booked"), QStringLiteral("cancelled"),
    QStringLiteral("attended"), QStringLiteral("noShow"), QStringLiteral("rejected")};

// A booking that holds its place: counted in fill rates and booked hours.
bool holdsPlace(const QString &status)
{
    return status == QLatin1String("booked") || status == QLatin1String("attended")
        || status == QLatin1String("no_show");
}

struct BookingCell {
    qint64 quarter = 0;
    QString venueId;
    QString status;
    qint64 count = 0;
};

// Bookings whose start lies in the range, by quarter hour of start, venue and status. A
// booking belongs to the site of its venue (bookings made in the member app have no site).
Status forEachBookingCell(HubDatabase &database, const StatsRange &range, const QString &venueId,
    const std::function<void(const BookingCell &)> &visit)
{
    QVariantList binds = range.timeBinds();
    QString statement = QStringLiteral("SELECT %1, b.venue_id, b.status, COUNT(*) FROM booking b "
                                       "JOIN venue v ON v.id = b.venue_id WHERE b.start_at >= ? AND b.start_at < ?")
                            .arg(quarterOf(QStringLiteral("b.start_at")));
    statement += range.siteFilter(QStringLiteral("v.site_id"), binds);
    if (!venueId.isEmpty()) {
        statement += QStringLiteral(" AND b.venue_id = ?");
        binds.append(venueId);
    }
    statement += QStringLiteral(" GROUP BY %1, b.venue_id, b.status").arg(quarterOf(QStringLiteral("b.start_at")));
    return forEachRow(database.database(), statement, binds, [&](const QSqlQuery &query) {
        visit(BookingCell {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toLongLong()});
    });
}

struct VenueRow {
    QString id;
    QString name;
    QString kind;
    qint64 capacity = 0;
    QString openingHours;
};

Result<QList<VenueRow>> venuesOf(HubDatabase &database, const StatsRange &range)
{
    QVariantList binds;
    const QString statement
        = QStringLiteral("SELECT id, name, kind, capacity, opening_hours FROM venue WHERE deleted_at IS NULL")
        + range.siteFilter(QStringLiteral("site_id"), binds) + QStringLiteral(" ORDER BY name, id");
    QList<VenueRow> venues;
    const Status status = forEachRow(database.database(), statement, binds, [&](const QSqlQuery &query) {
        venues.append(VenueRow {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toLongLong(), query.value(4).toString()});
    });
    if (!status)
        return std::unexpected(status.error());
    return venues;
}

// Minutes a venue is open within the range by its weekly hours. A window past midnight counts
// on the day it reaches into; the parts outside the range do not count.
qint64 openMinutes(const QString &openingHours, const StatsRange &range)
{
    const Result<WeeklySchedule> schedule = WeeklySchedule::fromJson(openingHours.toUtf8());
    if (!schedule || schedule->isUnrestricted())
        return (range.endMs - range.startMs) / kMinuteMs;
    qint64 minutes = 0;
    for (QDate day = range.from; day <= range.to; day = day.addDays(1)) {
        const int todayBit = 1 << (day.dayOfWeek() - 1);
        const int yesterdayBit = 1 << (day.addDays(-1).dayOfWeek() - 1);
        for (const TimeWindow &window : schedule->windows()) {
            const bool overnight = window.fromMinute > window.toMinute;
            if ((window.daysMask & todayBit) != 0)
                minutes += overnight ? 1440 - window.fromMinute : window.toMinute - window.fromMinute;
            if (overnight && day != range.from && (window.daysMask & yesterdayBit) != 0)
                minutes += window.toMinute;
        }
    }
    return minutes;
}

// Length of the union of intervals: the time a venue is taken by at least one booking.
qint64 unionMs(QList<QPair<qint64, qint64>> intervals)
{
    std::sort(intervals.begin(), intervals.end());
    qint64 total = 0;
    qint64 coveredUntil = std::numeric_limits<qint64>::min();
    for (const auto &[start, end] : intervals) {
        const qint64 from = std::max(start, coveredUntil);
        if (end > from)
            total += end - from;
        coveredUntil = std::max(coveredUntil, end);
    }
    return total;
}

QJsonValue ratioOrNull(qint64 part, qint64 whole)
{
    return whole > 0 ? QJsonValue(rounded(double(part) / double(whole), 4)) : QJsonValue(QJsonValue::Null);
}

double hours(qint64 minutes)
{
    return rounded(double(minutes) / 60.0, 2);
}

// Check-ins and denials; an active member has at least one check-in in the range.
Result<QJsonObject> checkInStatistics(HubDatabase &database, const StatsRange &range)
{
    QHash<QString, qint64> counts;
    qint64 uniqueMembers = 0;
    QVariantList binds = range.timeBinds();
    const QString statement
        = QStringLiteral("SELECT status, COUNT(*), COUNT(DISTINCT CASE WHEN member_id <> '' THEN member_id END) "
                         "FROM entry WHERE direction = 'in' AND decided_at >= ? AND decided_at < ?")
        + range.siteFilter(QStringLiteral("site_id"), binds) + QStringLiteral(" GROUP BY status");
    const Status read = forEachRow(database.database(), statement, binds, [&](const QSqlQuery &query) {
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
        if (query.value(0).toString() == QLatin1String("passed"))
            uniqueMembers = query.value(2).toLongLong();
    });
    if (!read)
        return std::unexpected(read.error());
    return QJsonObject {{QStringLiteral("totalCheckIns"), counts.value(QStringLiteral("passed"))},
        {QStringLiteral("uniqueMembers"), uniqueMembers},
        {QStringLiteral("denials"), counts.value(QStringLiteral("denied"))}};
}

// Members that exist at the end of the range (created before it, not deleted by then) and the
// new ones among them.
Result<QJsonObject> memberStatistics(HubDatabase &database, const StatsRange &range, qint64 activeMembers)
{
    const QString existing = QStringLiteral(
        "SELECT COUNT(*) FROM member WHERE created_at < ? AND (deleted_at IS NULL OR deleted_at >= ?)");
    QVariantList binds {range.endMs, range.endMs};
    const Result<qint64> total
        = countOf(database.database(), existing + range.siteFilter(QStringLiteral("site_id"), binds), binds);
    if (!total)
        return std::unexpected(total.error());
    binds = {range.endMs, range.endMs, range.startMs};
    const Result<qint64> added = countOf(database.database(),
        existing + QStringLiteral(" AND created_at >= ?") + range.siteFilter(QStringLiteral("site_id"), binds), binds);
    if (!added)
        return std::unexpected(added.error());
    return QJsonObject {{QStringLiteral("totalMembers"), *total}, {QStringLiteral("activeMembers"), activeMembers},
        {QStringLiteral("newMembers"), *added}};
}

Result<QJsonObject> bookingStatistics(HubDatabase &database, const StatsRange &range)
{
    QHash<QString, qint64> counts;
    qint64 total = 0;
    const Status read = forEachBookingCell(database, range, {}, [&](const BookingCell &cell) {
        counts[cell.status] += cell.count;
        total += cell.count;
    });
    if (!read)
        return std::unexpected(read.error());
    const qint64 cancelled = counts.value(QStringLiteral("cancelled"));
    const qint64 rejected = counts.value(QStringLiteral("rejected"));
    return QJsonObject {{QStringLiteral("totalBookings"), total}, {QStringLiteral("cancelledBookings"), cancelled},
        {QStringLiteral("successBookings"), total - cancelled - rejected},
        {QStringLiteral("rejectedBookings"), rejected},
        {QStringLiteral("attendedBookings"), counts.value(QStringLiteral("attended"))},
        {QStringLiteral("noShowBookings"), counts.value(QStringLiteral("no_show"))}};
}

// Net revenue: refunds are negative amounts.
Result<QJsonObject> salesStatistics(HubDatabase &database, const StatsRange &range)
{
    QVariantList binds = range.timeBinds();
    const QString statement
        = QStringLiteral("SELECT COUNT(*), CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT), "
                         "CAST(COALESCE(SUM(CASE WHEN amount_fen < 0 THEN -amount_fen ELSE 0 END), 0) AS BIGINT) "
                         "FROM sale WHERE created_at >= ? AND created_at < ?")
        + range.siteFilter(QStringLiteral("site_id"), binds);
    QJsonObject sales {
        {QStringLiteral("revenueFen"), 0}, {QStringLiteral("saleCount"), 0}, {QStringLiteral("refundFen"), 0}};
    const Status read = forEachRow(database.database(), statement, binds, [&](const QSqlQuery &query) {
        sales = {{QStringLiteral("revenueFen"), query.value(1).toLongLong()},
            {QStringLiteral("saleCount"), query.value(0).toLongLong()},
            {QStringLiteral("refundFen"), query.value(2).toLongLong()}};
    });
    if (!read)
        return std::unexpected(read.error());
    return sales;
}

// Staff names for the Staff dimension: desks push their staff's ids; hub accounts synced to the
// desks carry the desk-side id in sync_id.
const QString kHubStaffNamesSql
    = QStringLiteral("SELECT COALESCE(sync_id, CAST(id AS TEXT)), display_name FROM hub_user");

Result<ReportMetric> metricParam(const HubRequest &request)
{
    const ReportMetric metric = reportMetricFromName(request.queryString(QStringLiteral("metric")));
    if (metric != ReportMetric::Invalid)
        return metric;
    QStringList names;
    for (ReportMetric each : allReportMetrics())
        names.append(QLatin1String(reportMetricName(each)));
    return std::unexpected(invalidParam(QStringLiteral("metric"),
        Text::tr("The parameter \"%1\" must be one of: %2.")
            .arg(QStringLiteral("metric"), names.join(QStringLiteral(", ")))));
}

// The report's dimension: the metric's first one when none is given ("day", "hour" for peak hours).
Result<ReportDimension> reportDimensionParam(const HubRequest &request, ReportMetric metric)
{
    const QList<ReportDimension> &allowed = reportDimensionsOf(metric);
    if (!request.query.hasQueryItem(QStringLiteral("dimension")))
        return allowed.first();
    const ReportDimension dimension = reportDimensionFromName(request.queryString(QStringLiteral("dimension")));
    if (allowed.contains(dimension))
        return dimension;
    QStringList names;
    for (ReportDimension each : allowed)
        names.append(QLatin1String(reportDimensionName(each)));
    return std::unexpected(invalidParam(QStringLiteral("dimension"),
        Text::tr("The parameter \"%1\" must be one of: %2 (the metric \"%3\" has no other).")
            .arg(QStringLiteral("dimension"), names.join(QStringLiteral(", ")),
                QLatin1String(reportMetricName(metric)))));
}

// A report row as the API shows it: the headline column is "value"; counts and fen are whole
// numbers, a ratio of nothing is null.
QJsonObject reportRowJson(const ReportTable &table, const ReportRow &row, bool withName)
{
    QJsonObject json {{QStringLiteral("key"), row.key}};
    if (withName)
        json.insert(QStringLiteral("name"), row.label);
    for (int i = 0; i < table.columns.size(); ++i) {
        const ReportColumn &column = table.columns[i];
        const double value = i < row.values.size() ? row.values[i] : 0.0;
        const QString name = i == 0 ? QStringLiteral("value") : column.id;
        if (column.kind == ReportValueKind::Count || column.kind == ReportValueKind::Fen)
            json.insert(name, qint64(std::llround(value)));
        else
            json.insert(name, std::isnan(value) ? QJsonValue(QJsonValue::Null) : QJsonValue(rounded(value, 4)));
    }
    return json;
}

} // namespace

void StatsModule::registerRoutes(HubRouter &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/statistics/overview"),
        QStringLiteral("Members, bookings, check-ins and revenue of whole local days "
                       "(?startDate=&endDate=YYYY-MM-DD[&storeId=][&tenantId=])"),
        role::FrontDesk, [this](const HubRequest &request) { return overview(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/stats/reservations"),
        QStringLiteral("Bookings by status and by day, week or month, and the fill rate of course slots "
                       "(?from=&to=[&siteId=][&venueId=][&bucket=day|week|month])"),
        role::FrontDesk, [this](const HubRequest &request) { return reservations(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/stats/venues"),
        QStringLiteral("Per venue: bookings, booked vs open hours, entries and rating (?from=&to=[&siteId=])"),
        role::FrontDesk, [this](const HubRequest &request) { return venues(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/stats/reports"),
        QStringLiteral("A report table: metric entries|bookings|revenue|members by dimension "
                       "day|week|month|venue|hour (?metric=&dimension=&from=&to=[&siteId=])"),
        role::FrontDesk, [this](const HubRequest &request) { return reports(request); });
}

HubResponse StatsModule::overview(const HubRequest &request)
{
    if (Status allowed = allowOnly(request,
            {QStringLiteral("tenantId"), QStringLiteral("storeId"), QStringLiteral("startDate"),
                QStringLiteral("endDate")});
        !allowed)
        return HubResponse::fromError(allowed.error());
    // One hub serves one tenant: tenantId is checked and echoed, not used as a filter.
    const Result<qint64> tenantId
        = request.queryInteger(QStringLiteral("tenantId"), 1, 1, std::numeric_limits<qint32>::max());
    if (!tenantId)
        return HubResponse::fromError(tenantId.error());
    const Result<StatsRange> range = readRange(request, database(), kOverviewNames);
    if (!range)
        return HubResponse::fromError(range.error());

    const Result<QJsonObject> checkIns = checkInStatistics(database(), *range);
    if (!checkIns)
        return HubResponse::fromError(checkIns.error());
    const Result<QJsonObject> members
        = memberStatistics(database(), *range, checkIns->value(QStringLiteral("uniqueMembers")).toInteger());
    if (!members)
        return HubResponse::fromError(members.error());
    const Result<QJsonObject> bookings = bookingStatistics(database(), *range);
    if (!bookings)
        return HubResponse::fromError(bookings.error());
    const Result<QJsonObject> sales = salesStatistics(database(), *range);
    if (!sales)
        return HubResponse::fromError(sales.error());

    QJsonObject data = range->toJson(kOverviewNames.from, kOverviewNames.to, kOverviewNames.site);
    data.insert(QStringLiteral("tenantId"), *tenantId);
    data.insert(QStringLiteral("memberStatistics"), *members);
    data.insert(QStringLiteral("bookingStatistics"), *bookings);
    data.insert(QStringLiteral("checkInStatistics"), *checkIns);
    data.insert(QStringLiteral("salesStatistics"), *sales);
    data.insert(QStringLiteral("revenueFen"), sales->value(QStringLiteral("revenueFen")));
    return HubResponse::ok(data);
}

HubResponse StatsModule::reservations(const HubRequest &request)
{
    if (Status allowed = allowOnly(request,
            {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("siteId"), QStringLiteral("venueId"),
                QStringLiteral("bucket")});
        !allowed)
        return HubResponse::fromError(allowed.error());
    const Result<ReportDimension> bucket = dimensionParam(request, QStringLiteral("bucket"),
        {QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month")}, QStringLiteral("day"));
    if (!bucket)
        return HubResponse::fromError(bucket.error());
    const Result<StatsRange> range = readRange(request, database(), kStatsNames);
    if (!range)
        return HubResponse::fromError(range.error());
    const QString venueId = request.queryString(QStringLiteral("venueId"));
    if (request.query.hasQueryItem(QStringLiteral("venueId")) && venueId.isEmpty())
        return HubResponse::fromError(invalidParam(
            QStringLiteral("venueId"), Text::tr("The parameter \"%1\" is empty.").arg(QStringLiteral("venueId"))));

    BucketTable table(kBookingColumns);
    for (const QString &key : reportTimeKeys(*range, *bucket))
        table.addRow(key);
    table.seal();
    ReportQuarterKeys keys(range->zone, *bucket);
    QHash<QString, qint64> byStatus;
    qint64 total = 0;
    Status read = forEachBookingCell(database(), *range, venueId, [&](const BookingCell &cell) {
        const QString key = keys.keyOf(cell.quarter);
        table.add(key, QStringLiteral("value"), cell.count);
        table.add(key, bookingColumn(cell.status), cell.count);
        byStatus[bookingColumn(cell.status)] += cell.count;
        total += cell.count;
    });
    if (!read)
        return HubResponse::fromError(read.error());

    // Course slots starting in the range: places taken by bookings that hold them.
    QVariantList binds = range->timeBinds();
    QString statement = QStringLiteral("SELECT s.capacity, (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id "
                                       "AND b.status IN ('booked', 'attended', 'no_show')) FROM course_slot s "
                                       "JOIN venue v ON v.id = s.venue_id WHERE s.deleted_at IS NULL "
                                       "AND s.start_at >= ? AND s.start_at < ?")
        + range->siteFilter(QStringLiteral("v.site_id"), binds);
    if (!venueId.isEmpty()) {
        statement += QStringLiteral(" AND s.venue_id = ?");
        binds.append(venueId);
    }
    qint64 slotCount = 0;
    qint64 capacity = 0;
    qint64 taken = 0;
    qint64 fullSlots = 0;
    read = forEachRow(database().database(), statement, binds, [&](const QSqlQuery &query) {
        ++slotCount;
        capacity += query.value(0).toLongLong();
        taken += query.value(1).toLongLong();
        if (query.value(1).toLongLong() >= query.value(0).toLongLong())
            ++fullSlots;
    });
    if (!read)
        return HubResponse::fromError(read.error());

    QJsonObject statuses {{QStringLiteral("total"), total}};
    for (const QString &column : kBookingColumns.mid(1))
        statuses.insert(column, byStatus.value(column));
    QJsonObject data = range->toJson(kStatsNames.from, kStatsNames.to, kStatsNames.site);
    data.insert(QStringLiteral("venueId"), venueId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(venueId));
    data.insert(QStringLiteral("bucket"),
        request.query.hasQueryItem(QStringLiteral("bucket")) ? request.queryString(QStringLiteral("bucket"))
                                                             : QStringLiteral("day"));
    data.insert(QStringLiteral("byStatus"), statuses);
    data.insert(QStringLiteral("buckets"), table.toJson());
    data.insert(QStringLiteral("slots"),
        QJsonObject {{QStringLiteral("count"), slotCount}, {QStringLiteral("capacity"), capacity},
            {QStringLiteral("booked"), taken}, {QStringLiteral("full"), fullSlots},
            {QStringLiteral("fillRate"), ratioOrNull(taken, capacity)}});
    return HubResponse::ok(data);
}

HubResponse StatsModule::venues(const HubRequest &request)
{
    if (Status allowed = allowOnly(request, {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("siteId")});
        !allowed)
        return HubResponse::fromError(allowed.error());
    const Result<StatsRange> range = readRange(request, database(), kStatsNames);
    if (!range)
        return HubResponse::fromError(range.error());
    const Result<QList<VenueRow>> venueRows = venuesOf(database(), *range);
    if (!venueRows)
        return HubResponse::fromError(venueRows.error());

    struct Usage {
        qint64 bookings = 0;
        qint64 holding = 0;
        qint64 cancelled = 0;
        qint64 bookingMs = 0;
        QList<QPair<qint64, qint64>> intervals;
        qint64 entries = 0;
        qint64 members = 0;
        qint64 ratings = 0;
        qint64 scoreSum = 0;
    };
    QHash<QString, Usage> usage;
    for (const VenueRow &venue : *venueRows)
        usage.insert(venue.id, {});

    QVariantList binds = range->timeBinds();
    QString statement = QStringLiteral("SELECT b.venue_id, b.status, b.start_at, b.end_at FROM booking b "
                                       "JOIN venue v ON v.id = b.venue_id WHERE b.start_at >= ? AND b.start_at < ?")
        + range->siteFilter(QStringLiteral("v.site_id"), binds);
    Status read = forEachRow(database().database(), statement, binds, [&](const QSqlQuery &query) {
        const auto found = usage.find(query.value(0).toString());
        if (found == usage.end())
            return;
        const QString status = query.value(1).toString();
        ++found->bookings;
        if (status == QLatin1String("cancelled"))
            ++found->cancelled;
        if (!holdsPlace(status))
            return;
        ++found->holding;
        const qint64 end = std::min(query.value(3).toLongLong(), range->endMs);
        found->bookingMs += end - query.value(2).toLongLong();
        found->intervals.append({query.value(2).toLongLong(), end});
    });
    if (!read)
        return HubResponse::fromError(read.error());

    // A gate's zone is the venue it lets into (entry.zone_id = venue.id).
    read = forEachRow(database().database(),
        QStringLiteral("SELECT zone_id, COUNT(*), COUNT(DISTINCT CASE WHEN member_id <> '' THEN member_id END) "
                       "FROM entry WHERE direction = 'in' AND status = 'passed' AND decided_at >= ? "
                       "AND decided_at < ? GROUP BY zone_id"),
        range->timeBinds(), [&](const QSqlQuery &query) {
            const auto found = usage.find(query.value(0).toString());
            if (found == usage.end())
                return;
            found->entries = query.value(1).toLongLong();
            found->members = query.value(2).toLongLong();
        });
    if (!read)
        return HubResponse::fromError(read.error());

    // The rating is the venue's current one, over all time: a rating is not an event of the range.
    read = forEachRow(database().database(),
        QStringLiteral("SELECT venue_id, COUNT(*), CAST(SUM(score) AS BIGINT) FROM venue_rating GROUP BY venue_id"), {},
        [&](const QSqlQuery &query) {
            const auto found = usage.find(query.value(0).toString());
            if (found == usage.end())
                return;
            found->ratings = query.value(1).toLongLong();
            found->scoreSum = query.value(2).toLongLong();
        });
    if (!read)
        return HubResponse::fromError(read.error());

    QJsonArray rows;
    for (const VenueRow &venue : *venueRows) {
        const Usage &used = usage[venue.id];
        const qint64 openMin = openMinutes(venue.openingHours, *range);
        const qint64 bookedMin = unionMs(used.intervals) / kMinuteMs;
        rows.append(QJsonObject {{QStringLiteral("venueId"), venue.id}, {QStringLiteral("name"), venue.name},
            {QStringLiteral("kind"), venue.kind}, {QStringLiteral("capacity"), venue.capacity},
            {QStringLiteral("bookings"), used.bookings}, {QStringLiteral("activeBookings"), used.holding},
            {QStringLiteral("cancelledBookings"), used.cancelled}, {QStringLiteral("bookedMinutes"), bookedMin},
            {QStringLiteral("bookedHours"), hours(bookedMin)}, {QStringLiteral("openMinutes"), openMin},
            {QStringLiteral("openHours"), hours(openMin)},
            {QStringLiteral("bookingHours"), hours(used.bookingMs / kMinuteMs)},
            {QStringLiteral("utilization"), ratioOrNull(bookedMin, openMin)}, {QStringLiteral("entries"), used.entries},
            {QStringLiteral("uniqueMembers"), used.members}, {QStringLiteral("ratingCount"), used.ratings},
            {QStringLiteral("ratingAverage"),
                used.ratings > 0 ? QJsonValue(rounded(double(used.scoreSum) / double(used.ratings), 2))
                                 : QJsonValue(QJsonValue::Null)}});
    }
    QJsonObject data = range->toJson(kStatsNames.from, kStatsNames.to, kStatsNames.site);
    data.insert(QStringLiteral("venues"), rows);
    return HubResponse::ok(data);
}

HubResponse StatsModule::reports(const HubRequest &request)
{
    if (Status allowed = allowOnly(request,
            {QStringLiteral("metric"), QStringLiteral("dimension"), QStringLiteral("from"), QStringLiteral("to"),
                QStringLiteral("siteId")});
        !allowed)
        return HubResponse::fromError(allowed.error());
    const Result<ReportMetric> metric = metricParam(request);
    if (!metric)
        return HubResponse::fromError(metric.error());
    const Result<ReportDimension> dimension = reportDimensionParam(request, *metric);
    if (!dimension)
        return HubResponse::fromError(dimension.error());
    const Result<StatsRange> range = readRange(request, database(), kStatsNames);
    if (!range)
        return HubResponse::fromError(range.error());

    const SqlReportEngine engine(database().database(), ReportScope {range->siteId, kHubStaffNamesSql});
    const Result<ReportTable> table = engine.run(*metric, *dimension, *range);
    if (!table)
        return HubResponse::fromError(table.error());
    QJsonObject data = range->toJson(kStatsNames.from, kStatsNames.to, kStatsNames.site);
    data.insert(QStringLiteral("metric"), QLatin1String(reportMetricName(*metric)));
    data.insert(QStringLiteral("dimension"), QLatin1String(reportDimensionName(*dimension)));
    QJsonArray columns;
    for (int i = 0; i < table->columns.size(); ++i)
        columns.append(i == 0 ? QStringLiteral("value") : table->columns[i].id);
    data.insert(QStringLiteral("columns"), columns);
    const bool withNames = !isReportTimeDimension(*dimension);
    QJsonArray rows;
    for (const ReportRow &row : table->rows)
        rows.append(reportRowJson(*table, row, withNames));
    data.insert(QStringLiteral("rows"), rows);
    data.insert(QStringLiteral("total"), reportRowJson(*table, table->total, false));
    return HubResponse::ok(data);
}

} // namespace gymgate::hub
