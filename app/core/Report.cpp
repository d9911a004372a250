#include "core/Report.h"

#include "core/AccessReason.h"
#include "core/EnumNames.h"

#include <QCoreApplication>
#include <QHash>

#include <array>
#include <cmath>
#include <utility>

namespace gymgate {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

constexpr std::array metricNames {std::pair {ReportMetric::Entries, "entries"},
    std::pair {ReportMetric::Denials, "denials"}, std::pair {ReportMetric::Bookings, "bookings"},
    std::pair {ReportMetric::Revenue, "revenue"}, std::pair {ReportMetric::Members, "members"},
    std::pair {ReportMetric::PeakHours, "peakHours"}};

constexpr std::array dimensionNames {std::pair {ReportDimension::Day, "day"}, std::pair {ReportDimension::Week, "week"},
    std::pair {ReportDimension::Month, "month"}, std::pair {ReportDimension::Hour, "hour"},
    std::pair {ReportDimension::Venue, "venue"}, std::pair {ReportDimension::Zone, "zone"},
    std::pair {ReportDimension::CardKind, "cardKind"}, std::pair {ReportDimension::Product, "product"},
    std::pair {ReportDimension::Staff, "staff"}};

// A CSV field: quoted when it holds a separator, a quote or a line break; a text a spreadsheet
// would evaluate ("=1+1", "+86…", "@SUM") is defused with a leading apostrophe.
QString csvField(QString text, bool isLabel)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (isLabel && !text.isEmpty() && formulaStarts.contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r'))) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

// A value in CSV: plain numbers a spreadsheet reads, no thousands separators or percent signs.
QString csvValue(const ReportColumn &column, double value)
{
    switch (column.kind) {
    case ReportValueKind::Fen: {
        const qint64 fen = qint64(std::llround(value));
        const qint64 magnitude = fen < 0 ? -fen : fen;
        return QStringLiteral("%1%2.%3")
            .arg(fen < 0 ? QStringLiteral("-") : QString())
            .arg(magnitude / 100)
            .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    }
    case ReportValueKind::Ratio:
        return std::isnan(value) ? QString() : QString::number(value, 'f', 4);
    case ReportValueKind::Average:
        return QString::number(value, 'f', 2);
    case ReportValueKind::Count:
    case ReportValueKind::Invalid:
        break;
    }
    return QString::number(qint64(std::llround(value)));
}

void appendCsvLine(QString &csv, const ReportTable &table, const ReportRow &row)
{
    csv += csvField(row.label, true);
    for (int i = 0; i < table.columns.size(); ++i)
        csv += QLatin1Char(',') + csvValue(table.columns[i], i < row.values.size() ? row.values[i] : 0.0);
    csv += QStringLiteral("\r\n");
}

} // namespace

const char *reportMetricName(ReportMetric metric)
{
    return nameOf(metricNames, metric);
}

ReportMetric reportMetricFromName(const QString &name)
{
    return valueOf(metricNames, name);
}

const QList<ReportMetric> &allReportMetrics()
{
    static const QList<ReportMetric> metrics {ReportMetric::Entries, ReportMetric::Denials, ReportMetric::Bookings,
        ReportMetric::Revenue, ReportMetric::Members, ReportMetric::PeakHours};
    return metrics;
}

QString reportMetricTitle(ReportMetric metric)
{
    switch (metric) {
    case ReportMetric::Entries:
        return Text::tr("Entries");
    case ReportMetric::Denials:
        return Text::tr("Denials by reason");
    case ReportMetric::Bookings:
        return Text::tr("Bookings");
    case ReportMetric::Revenue:
        return Text::tr("Revenue");
    case ReportMetric::Members:
        return Text::tr("Members");
    case ReportMetric::PeakHours:
        return Text::tr("Peak hours");
    case ReportMetric::Invalid:
        break;
    }
    return {};
}

const char *reportDimensionName(ReportDimension dimension)
{
    return nameOf(dimensionNames, dimension);
}

ReportDimension reportDimensionFromName(const QString &name)
{
    return valueOf(dimensionNames, name);
}

QString reportDimensionTitle(ReportDimension dimension)
{
    switch (dimension) {
    case ReportDimension::Day:
        return Text::tr("Day");
    case ReportDimension::Week:
        return Text::tr("Week");
    case ReportDimension::Month:
        return Text::tr("Month");
    case ReportDimension::Hour:
        return Text::tr("Hour of day");
    case ReportDimension::Venue:
        return Text::tr("Venue");
    case ReportDimension::Zone:
        return Text::tr("Zone");
    case ReportDimension::CardKind:
        return Text::tr("Card kind");
    case ReportDimension::Product:
        return Text::tr("Product");
    case ReportDimension::Staff:
        return Text::tr("Staff");
    case ReportDimension::Invalid:
        break;
    }
    return {};
}

const QList<ReportDimension> &reportDimensionsOf(ReportMetric metric)
{
    using D = ReportDimension;
    static const QHash<ReportMetric, QList<ReportDimension>> dimensions {
        {ReportMetric::Entries,
            {D::Day, D::Week, D::Month, D::Hour, D::Venue, D::Zone, D::CardKind, D::Product, D::Staff}},
        {ReportMetric::Denials, {D::Day, D::Week, D::Month, D::Hour, D::Venue, D::Zone}},
        {ReportMetric::Bookings, {D::Day, D::Week, D::Month, D::Hour, D::Venue}},
        {ReportMetric::Revenue, {D::Day, D::Week, D::Month, D::Hour, D::CardKind, D::Product, D::Staff}},
        {ReportMetric::Members, {D::Day, D::Week, D::Month}},
        {ReportMetric::PeakHours, {D::Hour}},
    };
    static const QList<ReportDimension> none;
    const auto found = dimensions.find(metric);
    return found == dimensions.end() ? none : *found;
}

bool reportSupports(ReportMetric metric, ReportDimension dimension)
{
    return reportDimensionsOf(metric).contains(dimension);
}

int ReportTable::columnIndex(const QString &id) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].id == id)
            return i;
    }
    return -1;
}

double ReportTable::value(const ReportRow &row, const QString &columnId) const
{
    const int index = columnIndex(columnId);
    return index >= 0 && index < row.values.size() ? row.values[index] : 0.0;
}

const ReportRow *ReportTable::row(const QString &key) const
{
    for (const ReportRow &each : rows) {
        if (each.key == key)
            return &each;
    }
    return nullptr;
}

Status checkReportShape(ReportMetric metric, ReportDimension dimension)
{
    if (metric == ReportMetric::Invalid)
        return fail(ErrorCode::InvalidArgument, Text::tr("Choose what the report counts."), QStringLiteral("metric"));
    if (dimension == ReportDimension::Invalid)
        return fail(ErrorCode::InvalidArgument, Text::tr("Choose how the report groups its rows."),
            QStringLiteral("dimension"));
    if (!reportSupports(metric, dimension))
        return std::unexpected(unsupportedReportDimension(metric, dimension));
    return {};
}

Error unsupportedReportDimension(ReportMetric metric, ReportDimension dimension)
{
    return Error {ErrorCode::InvalidArgument,
        Text::tr("The report \"%1\" cannot be grouped by \"%2\".")
            .arg(reportMetricTitle(metric), reportDimensionTitle(dimension)),
        QStringLiteral("dimension")};
}

Status checkReportQuery(const ReportQuery &query)
{
    if (Status shape = checkReportShape(query.metric, query.dimension); !shape)
        return shape;
    return ReportRange::check(query.from, query.to, kReportMaxDays);
}

QString reportColumnTitle(const QString &columnId)
{
    static const QHash<QString, const char *> titles {
        {QStringLiteral("checkIns"), QT_TRANSLATE_NOOP("Report", "Check-ins")},
        {QStringLiteral("denied"), QT_TRANSLATE_NOOP("Report", "Denied")},
        {QStringLiteral("uniqueMembers"), QT_TRANSLATE_NOOP("Report", "Unique members")},
        {QStringLiteral("denials"), QT_TRANSLATE_NOOP("Report", "Denials")},
        {QStringLiteral("bookings"), QT_TRANSLATE_NOOP("Report", "Bookings")},
        {QStringLiteral("booked"), QT_TRANSLATE_NOOP("Report", "Booked")},
        {QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Report", "Cancelled")},
        {QStringLiteral("attended"), QT_TRANSLATE_NOOP("Report", "Attended")},
        {QStringLiteral("noShow"), QT_TRANSLATE_NOOP("Report", "No-show")},
        {QStringLiteral("rejected"), QT_TRANSLATE_NOOP("Report", "Rejected by the hub")},
        {QStringLiteral("places"), QT_TRANSLATE_NOOP("Report", "Class places")},
        {QStringLiteral("taken"), QT_TRANSLATE_NOOP("Report", "Places taken")},
        {QStringLiteral("fillRate"), QT_TRANSLATE_NOOP("Report", "Fill rate")},
        {QStringLiteral("revenueFen"), QT_TRANSLATE_NOOP("Report", "Net revenue")},
        {QStringLiteral("sales"), QT_TRANSLATE_NOOP("Report", "Sales")},
        {QStringLiteral("refunds"), QT_TRANSLATE_NOOP("Report", "Refunds")},
        {QStringLiteral("refundFen"), QT_TRANSLATE_NOOP("Report", "Refunded")},
        {QStringLiteral("cash"), QT_TRANSLATE_NOOP("Report", "Cash")},
        {QStringLiteral("bankCard"), QT_TRANSLATE_NOOP("Report", "Bank card")},
        {QStringLiteral("wechatPay"), QT_TRANSLATE_NOOP("Report", "WeChat Pay")},
        {QStringLiteral("alipay"), QT_TRANSLATE_NOOP("Report", "Alipay")},
        {QStringLiteral("newMembers"), QT_TRANSLATE_NOOP("Report", "New members")},
        {QStringLiteral("activeMembers"), QT_TRANSLATE_NOOP("Report", "Active members")},
        {QStringLiteral("expiringMembers"), QT_TRANSLATE_NOOP("Report", "Members whose card ends")},
        {QStringLiteral("mon"), QT_TRANSLATE_NOOP("Report", "Mon")},
        {QStringLiteral("tue"), QT_TRANSLATE_NOOP("Report", "Tue")},
        {QStringLiteral("wed"), QT_TRANSLATE_NOOP("Report", "Wed")},
        {QStringLiteral("thu"), QT_TRANSLATE_NOOP("Report", "Thu")},
        {QStringLiteral("fri"), QT_TRANSLATE_NOOP("Report", "Fri")},
        {QStringLiteral("sat"), QT_TRANSLATE_NOOP("Report", "Sat")},
        {QStringLiteral("sun"), QT_TRANSLATE_NOOP("Report", "Sun")},
        {QStringLiteral("perDay"), QT_TRANSLATE_NOOP("Report", "Per day")},
    };
    const auto found = titles.find(columnId);
    if (found != titles.end())
        return QCoreApplication::translate("Report", *found);
    const AccessReason reason = accessReasonFromCode(columnId);
    return reason == AccessReason::Invalid ? columnId : accessReasonMessage(reason);
}

QString reportValueText(const ReportColumn &column, double value)
{
    switch (column.kind) {
    case ReportValueKind::Ratio:
        return std::isnan(value) ? QStringLiteral("—") : QStringLiteral("%1%").arg(value * 100.0, 0, 'f', 1);
    case ReportValueKind::Average:
        return QString::number(value, 'f', 2);
    case ReportValueKind::Fen:
    case ReportValueKind::Count:
    case ReportValueKind::Invalid:
        break;
    }
    return csvValue(column, value);
}

QByteArray reportToCsv(const ReportTable &table)
{
    QString csv = csvField(reportDimensionTitle(table.dimension), false);
    for (const ReportColumn &column : table.columns)
        csv += QLatin1Char(',') + csvField(column.title, false);
    csv += QStringLiteral("\r\n");
    for (const ReportRow &row : table.rows)
        appendCsvLine(csv, table, row);
    appendCsvLine(csv, table, table.total);
    return QByteArrayLiteral("\xEF\xBB\xBF") + csv.toUtf8();
}

} // namespace gymgate
