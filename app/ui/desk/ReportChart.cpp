#include "ui/desk/ReportChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QSet>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace gymgate {

namespace {

// Category labels turn sideways beyond this many bars, and a line shows about this many labels.
constexpr int kUprightLabels = 12;

const QStringList &weekdayIds()
{
    static const QStringList ids {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
        QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return ids;
}

bool isSpanDimension(ReportDimension dimension)
{
    return dimension == ReportDimension::Day || dimension == ReportDimension::Week
        || dimension == ReportDimension::Month;
}

double chartValue(const ReportColumn &column, const ReportRow &row, int index)
{
    const double value = index < row.values.size() ? row.values[index] : 0.0;
    if (std::isnan(value))
        return 0.0;
    return column.kind == ReportValueKind::Fen ? value / 100.0 : value;
}

bool isWhole(const ReportColumn &column)
{
    return column.kind == ReportValueKind::Count;
}

QString valueTitle(const ReportColumn &column)
{
    return column.kind == ReportValueKind::Fen ? ReportChart::tr("%1 (yuan)").arg(column.title) : column.title;
}

// A category axis refuses duplicate labels; two staff members may share a name.
QStringList categoryLabels(const ReportTable &table)
{
    QStringList labels;
    QSet<QString> seen;
    for (const ReportRow &row : table.rows) {
        QString label = row.label.isEmpty() ? row.key : row.label;
        if (seen.contains(label))
            label = QStringLiteral("%1 (%2)").arg(label, row.key);
        seen.insert(label);
        labels << label;
    }
    return labels;
}

// Counts read as whole numbers: a small range gets one tick per unit, not "0.50".
QValueAxis *valueAxis(const QString &title, const QList<double> &values, bool whole)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    const double min = values.isEmpty() ? 0.0 : std::min(0.0, *low);
    const double max = values.isEmpty() ? 1.0 : std::max(1.0, *high);
    axis->setRange(min, max);
    axis->applyNiceNumbers();
    const double span = axis->max() - axis->min();
    if (whole || span >= 5.0)
        axis->setLabelFormat(QStringLiteral("%.0f")); // "400", not "400.0"
    if (whole && span < 5.0)
        axis->setTickCount(int(span) + 1);
    return axis;
}

QList<double> columnValues(const ReportTable &table, int column)
{
    QList<double> values;
    for (const ReportRow &row : table.rows)
        values << chartValue(table.columns[column], row, column);
    return values;
}

QBarSet *barSet(const ReportTable &table, int column)
{
    auto *set = new QBarSet(table.columns[column].title);
    set->append(columnValues(table, column));
    return set;
}

// Adds the series to the chart with categories along one side and values along the other.
void attachAxes(QChart *chart, QAbstractSeries *series, QAbstractAxis *categories, QValueAxis *values, bool horizontal)
{
    chart->addSeries(series);
    chart->addAxis(categories, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(values);
}

QBarCategoryAxis *barCategories(const ReportTable &table, bool horizontal)
{
    auto *axis = new QBarCategoryAxis;
    axis->append(categoryLabels(table));
    axis->setTitleText(reportDimensionTitle(table.dimension));
    if (!horizontal) {
        axis->setTruncateLabels(false); // a dotted day says nothing
        if (table.rows.size() > kUprightLabels)
            axis->setLabelsAngle(-90);
    }
    return axis;
}

// Horizontal bars are drawn bottom up: reversed, the first row is on top, as in the table.
ReportTable reversedRows(ReportTable table)
{
    std::reverse(table.rows.begin(), table.rows.end());
    return table;
}

QChart *barChart(const ReportTable &shown, int column, bool horizontal)
{
    const ReportTable table = horizontal ? reversedRows(shown) : shown;
    auto *chart = new QChart;
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    series->append(barSet(table, column));
    attachAxes(chart, series, barCategories(table, horizontal),
        valueAxis(valueTitle(table.columns[column]), columnValues(table, column), isWhole(table.columns[column])),
        horizontal);
    chart->legend()->hide();
    return chart;
}

// Too many days for bars: a line, labelled every few rows.
QChart *lineChart(const ReportTable &table, int column)
{
    auto *chart = new QChart;
    auto *series = new QLineSeries;
    series->setName(table.columns[column].title);
    const QList<double> values = columnValues(table, column);
    for (int i = 0; i < values.size(); ++i)
        series->append(i, values[i]);
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setTitleText(reportDimensionTitle(table.dimension));
    const QStringList labels = categoryLabels(table);
    const int stride = std::max(1, int(std::ceil(double(labels.size()) / kUprightLabels)));
    for (int i = 0; i < labels.size(); i += stride)
        axis->append(labels[i], i);
    axis->setRange(0, std::max(1, int(labels.size()) - 1));
    axis->setLabelsAngle(-90);
    axis->setTruncateLabels(false);
    attachAxes(chart, series, axis,
        valueAxis(valueTitle(table.columns[column]), values, isWhole(table.columns[column])), false);
    chart->legend()->hide();
    return chart;
}

// Peak hours: one stacked bar per hour, a segment per weekday.
QChart *weekdayChart(const ReportTable &table)
{
    auto *chart = new QChart;
    auto *series = new QStackedBarSeries;
    QList<double> totals(table.rows.size(), 0.0);
    for (const QString &id : weekdayIds()) {
        const int column = table.columnIndex(id);
        if (column < 0)
            continue;
        series->append(barSet(table, column));
        const QList<double> values = columnValues(table, column);
        for (int i = 0; i < values.size(); ++i)
            totals[i] += values[i];
    }
    attachAxes(chart, series, barCategories(table, false),
        valueAxis(reportColumnTitle(QStringLiteral("checkIns")), totals, true), false);
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

} // namespace

QList<ReportChart::Choice> ReportChart::choices(const ReportTable &table)
{
    QList<Choice> choices;
    if (table.columns.isEmpty())
        return choices;
    if (table.metric == ReportMetric::PeakHours)
        choices.append({kWeekdaysColumn, tr("Check-ins by weekday")});
    for (const ReportColumn &column : table.columns) {
        if (column.kind != ReportValueKind::Ratio)
            choices.append({column.id, column.title});
    }
    return choices;
}

QChart *ReportChart::build(const ReportTable &table, const QString &columnId)
{
    const QList<Choice> available = choices(table);
    if (available.isEmpty() || table.rows.isEmpty())
        return new QChart;
    const bool known = std::any_of(
        available.begin(), available.end(), [&columnId](const Choice &choice) { return choice.columnId == columnId; });
    const QString id = known ? columnId : available.first().columnId;
    if (id == kWeekdaysColumn)
        return weekdayChart(table);
    const int column = table.columnIndex(id);
    if (isSpanDimension(table.dimension) && table.rows.size() > kMaxBars)
        return lineChart(table, column);
    const bool horizontal = !isSpanDimension(table.dimension) && table.dimension != ReportDimension::Hour;
    return barChart(table, column, horizontal);
}

} // namespace gymgate
