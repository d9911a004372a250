#pragma once

#include "core/Error.h"
#include "core/Report.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace gymgate {

// What a printed report shows besides the table.
struct ReportPdfContent {
    ReportTable table; // rows in the order they are printed
    QString siteTitle; // the gym or site; empty: no line for it
    QString staffName; // who printed it
    QDateTime generatedAt; // shown in the report's time zone
    QString chartColumnId; // a ReportChart choice; empty: the default
};

// Writes a report as an A4 PDF (landscape for wide tables): the site, the report's title, its range
// and time zone, when and by whom it was generated, the chart as an image, then the whole table,
// its header repeated on every page and the total in bold. Written atomically: a failed export
// leaves any earlier file at the path untouched.
class ReportPdf {
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)
public:
    static Status write(const ReportPdfContent &content, const QString &path);

    static QString title(const ReportTable &table); // "Entries by day"
    static QString rangeText(const ReportRange &range); // "2026-03-01 – 2026-03-31 (Asia/Shanghai)"
};

} // namespace gymgate
