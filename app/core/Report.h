#pragma once

#include "core/Error.h"
#include "core/ReportPeriod.h"
#include "core/Staff.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace gymgate {

// Reports of the desk and the hub (docs/desk/REPORTS.md, docs/hub/STATS.md). One engine computes
// them from the domain tables on both sides, so one site's figures agree wherever they are read.

// The longest range a report covers, in days (a leap year).
inline constexpr int kReportMaxDays = 366;

// What a report counts. Appended only: the names are part of the hub's API.
enum class ReportMetric {
    Invalid = 0,
    Entries, // check-ins, denials, unique members
    Denials, // denied entries by reason
    Bookings, // bookings by status, course places and fill rate
    Revenue, // net revenue, sales, refunds, by payment method
    Members, // new, active and expiring members
    PeakHours, // check-ins by hour of the day and day of the week
};

const char *reportMetricName(ReportMetric metric); // "entries", "denials", ..., "peakHours"
ReportMetric reportMetricFromName(const QString &name); // Invalid when unknown
const QList<ReportMetric> &allReportMetrics();
QString reportMetricTitle(ReportMetric metric); // translated

const char *reportDimensionName(ReportDimension dimension); // "day", ..., "cardKind", "product", "staff"
ReportDimension reportDimensionFromName(const QString &name); // Invalid when unknown
QString reportDimensionTitle(ReportDimension dimension); // translated
// The dimensions a metric can be read by, the first being its default.
const QList<ReportDimension> &reportDimensionsOf(ReportMetric metric);
bool reportSupports(ReportMetric metric, ReportDimension dimension);

// How a column's values read: counts and fen are whole numbers; ratios are 0..1, NaN when there is
// nothing to divide by (a fill rate without classes); averages are rounded to 2 decimals.
enum class ReportValueKind {
    Invalid = 0,
    Count,
    Fen, // money in fen; shown as yuan
    Ratio, // 0..1; shown as a percentage
    Average,
};

// The columns of each metric, by id; the first is the metric's headline figure (the hub's "value"):
//   entries    checkIns, denied, uniqueMembers
//   denials    denials, then one column per access reason code found, most frequent first
//   bookings   bookings, booked, cancelled, attended, noShow, rejected, places, taken, fillRate
//   revenue    revenueFen, sales, refunds, refundFen, cash, bankCard, wechatPay, alipay
//   members    newMembers, activeMembers, expiringMembers
//   peakHours  checkIns, mon, tue, wed, thu, fri, sat, sun, perDay
struct ReportColumn {
    QString id; // stable, camelCase, or an access reason code
    ReportValueKind kind = ReportValueKind::Invalid;
    QString title; // translated

    bool operator==(const ReportColumn &) const = default;
};

// A row: its key (a time key, a venue id, a card kind name, a product id, a staff id) and the
// label shown for it. values[i] belongs to columns[i]. Whole numbers are exact in a double.
struct ReportRow {
    QString key;
    QString label;
    QList<double> values;

    bool operator==(const ReportRow &) const = default;
};

struct ReportQuery {
    ReportMetric metric = ReportMetric::Invalid;
    ReportDimension dimension = ReportDimension::Invalid;
    QDate from;
    QDate to;
};

// A computed report. Every key of a time dimension has a row, zeros included; the other
// dimensions list their known keys (every venue, card kind, active product...) then any other key
// found in the data. `total` covers the whole range: counts and money are summed, distinct
// members are counted over the range (not added up), ratios and averages are computed again.
struct ReportTable {
    ReportMetric metric = ReportMetric::Invalid;
    ReportDimension dimension = ReportDimension::Invalid;
    ReportRange range;
    QList<ReportColumn> columns;
    QList<ReportRow> rows;
    ReportRow total;

    int columnIndex(const QString &id) const; // -1 when absent
    // The value of a row's column by id; 0 when the column is absent.
    double value(const ReportRow &row, const QString &columnId) const;
    const ReportRow *row(const QString &key) const; // nullptr when absent
};

// Refuses a metric or dimension that is unknown (field "metric", "dimension") or a dimension the
// metric has no data for ("dimension").
Status checkReportShape(ReportMetric metric, ReportDimension dimension);
// InvalidArgument (field "dimension"): the metric cannot be grouped by the dimension.
Error unsupportedReportDimension(ReportMetric metric, ReportDimension dimension);
// checkReportShape(), then the range ("from", "to"): before anything is read.
Status checkReportQuery(const ReportQuery &query);

// The translated title of a column id (an access reason code gives the reason's message).
QString reportColumnTitle(const QString &columnId);
// A value as a person reads it: "12", "123.45" (yuan), "66.7%", "3.25"; "—" for a ratio of nothing.
QString reportValueText(const ReportColumn &column, double value);
// The report as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read Chinese):
// a header of translated titles, one line per row, then the total. Money in yuan with two decimals,
// ratios as decimals with four places. A label that a spreadsheet would take for a formula gets a
// leading apostrophe.
QByteArray reportToCsv(const ReportTable &table);

// Reports at the desk. Every call carries the session and needs Permission::ViewReports.
class ReportDesk {
public:
    virtual ~ReportDesk() = default;

    // checkReportQuery(), the permission, then the report over whole local days of the site.
    virtual Result<ReportTable> run(const StaffSession &session, const ReportQuery &query) = 0;
    virtual QTimeZone siteTimeZone() const = 0;
    virtual QDate siteToday() const = 0;
    virtual QDateTime siteNow() const = 0; // the desk's clock in the site's time zone
};

} // namespace gymgate
