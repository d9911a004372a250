#pragma once

#include "core/Error.h"

#include <QJsonObject>

namespace gymgate {

struct ReportsBenchOptions {
    QString databasePath; // a gym made by gymgate-datagen (read only)
    int iterations = 5; // runs of each report: the median and the slowest are reported
};

// Every report of the desk's Reports page (each metric by each of its dimensions) over the last
// 30 days and the last 366 days of the gym's data, as the page shows it: SqlReportDesk::run, then
// the table model and the chart drawn into an image the size of the page's chart view. Needs a
// QApplication (main() makes one for this benchmark, offscreen when there is no display).
Result<QJsonObject> runReportsBench(const ReportsBenchOptions &options);

} // namespace gymgate
