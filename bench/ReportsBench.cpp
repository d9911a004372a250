#include "ReportsBench.h"

#include "core/Clock.h"
#include "store/Database.h"
#include "store/SqlReportDesk.h"
#include "ui/desk/ReportChart.h"
#include "ui/desk/ReportTableModel.h"

#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QPixmap>
#include <QSqlQuery>
#include <QTableView>

#include <algorithm>

#include "BenchStats.h"

namespace gymgate {
namespace {

// The local day of the gym's newest entry: the reports end there, so they cover real data.
Result<QDate> lastDataDay(Database &db, ReportDesk &reports)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT MAX(decided_at) FROM entry")) || !query.next() || query.value(0).isNull())
        return fail(ErrorCode::NotFound, QStringLiteral("the database has no entries: make it with gymgate-datagen"));
    return QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), reports.siteTimeZone()).date();
}

struct Timing {
    qint64 queryNs = 0;
    qint64 renderNs = 0;
    int rows = 0;
};

// The page's work after the query: the table (model and a laid-out view) and the chart painted.
qint64 renderNs(const ReportTable &table)
{
    QElapsedTimer timer;
    timer.start();
    ReportTableModel model;
    model.setReport(table);
    QTableView view;
    view.setModel(&model);
    view.resize(900, 400);
    view.grab();
    QChartView chartView(ReportChart::build(table));
    chartView.resize(900, 360);
    chartView.grab();
    return timer.nsecsElapsed();
}

// Two decimals are plenty for a figure that is compared with a second.
double milliseconds(qint64 ns)
{
    return double(ns / 10000) / 100.0;
}

Result<Timing> measure(ReportDesk &reports, const StaffSession &session, const ReportQuery &query)
{
    QElapsedTimer timer;
    timer.start();
    const Result<ReportTable> table = reports.run(session, query);
    if (!table)
        return std::unexpected(table.error());
    Timing timing;
    timing.queryNs = timer.nsecsElapsed();
    timing.renderNs = renderNs(*table);
    timing.rows = int(table->rows.size());
    return timing;
}

} // namespace

Result<QJsonObject> runReportsBench(const ReportsBenchOptions &options)
{
    Database::Options dbOptions;
    dbOptions.path = options.databasePath;
    Result<std::unique_ptr<Database>> db = Database::open(dbOptions);
    if (!db)
        return std::unexpected(db.error());
    const SystemClock clock;
    SqlReportDesk reports(**db, clock);
    const Result<QDate> last = lastDataDay(**db, reports);
    if (!last)
        return std::unexpected(last.error());
    const StaffSession admin {
        QStringLiteral("bench"), QStringLiteral("bench"), QStringLiteral("Bench"), StaffRole::Admin};

    QJsonArray rows;
    double slowestMs = 0;
    QString slowest;
    for (const int days : {30, kReportMaxDays}) {
        for (ReportMetric metric : allReportMetrics()) {
            for (ReportDimension dimension : reportDimensionsOf(metric)) {
                const ReportQuery query {metric, dimension, last->addDays(1 - days), *last};
                QList<Timing> timings;
                for (int i = 0; i < options.iterations; ++i) {
                    const Result<Timing> timing = measure(reports, admin, query);
                    if (!timing)
                        return std::unexpected(timing.error());
                    timings.append(*timing);
                }
                std::sort(timings.begin(), timings.end(), [](const Timing &left, const Timing &right) {
                    return left.queryNs + left.renderNs < right.queryNs + right.renderNs;
                });
                const Timing &median = timings[timings.size() / 2];
                const QString name
                    = QStringLiteral("%1 by %2, %3 days")
                          .arg(QLatin1String(reportMetricName(metric)), QLatin1String(reportDimensionName(dimension)))
                          .arg(days);
                const double medianMs = milliseconds(median.queryNs + median.renderNs);
                if (medianMs > slowestMs) {
                    slowestMs = medianMs;
                    slowest = name;
                }
                rows.append(QJsonObject {{QStringLiteral("report"), name}, {QStringLiteral("rows"), median.rows},
                    {QStringLiteral("queryMs"), milliseconds(median.queryNs)},
                    {QStringLiteral("renderMs"), milliseconds(median.renderNs)}, {QStringLiteral("medianMs"), medianMs},
                    {QStringLiteral("maxMs"), milliseconds(timings.last().queryNs + timings.last().renderNs)}});
            }
        }
    }
    return QJsonObject {{QStringLiteral("benchmark"), QStringLiteral("reports")},
        {QStringLiteral("db"), options.databasePath}, {QStringLiteral("lastDay"), last->toString(Qt::ISODate)},
        {QStringLiteral("iterations"), options.iterations}, {QStringLiteral("reports"), rows},
        {QStringLiteral("slowest"), slowest}, {QStringLiteral("slowestMedianMs"), slowestMs},
        {QStringLiteral("residentKb"), residentKb()}};
}

} // namespace gymgate
