#pragma once

#include "core/Report.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QChart;

namespace gymgate {

// Draws a report (core/Report.h) as a chart. Time dimensions (day, week, month) show one column as
// bars, or as a line when there are too many rows for bars; the hour of the day as bars; peak hours
// as bars stacked by weekday; the other dimensions (venue, zone, card kind, product, staff) as
// horizontal bars, so long labels stay readable. Money is shown in yuan; ratios are not charted
// (a sum of percentages means nothing).
class ReportChart {
    Q_DECLARE_TR_FUNCTIONS(ReportChart)
public:
    // Peak hours: the check-ins of every weekday, stacked per hour. Not a report column id.
    static inline const QString kWeekdaysColumn = QStringLiteral("@weekdays");
    // More rows than this draw a line instead of bars.
    static constexpr int kMaxBars = 31;

    struct Choice {
        QString columnId;
        QString title; // translated
    };

    // What the chart can show for this report, the default first (empty for an empty report).
    static QList<Choice> choices(const ReportTable &table);
    // A new chart of `columnId` (a choice's id; empty or unknown: the default). The caller owns it.
    static QChart *build(const ReportTable &table, const QString &columnId = {});
};

} // namespace gymgate
