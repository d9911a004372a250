#pragma once

#include "core/Error.h"
#include "core/Report.h"

#include <QSqlDatabase>
#include <QString>

namespace gymgate {

// Which rows of a database a report reads. The desk's database holds one site and has no site
// columns; the hub's holds every site and filters by them.
struct ReportScope {
    QString siteId; // empty: every row (the desk; the hub over all sites). Never set on a desk database.
    // SQL that lists staff ids with their names, for the Staff dimension's labels:
    // the desk's staff_user or the hub's hub_user. Empty: labels are the ids.
    QString staffNamesSql;
};

// Computes reports (core/Report.h) from the domain tables the desk and the hub share: entry,
// booking, course_slot, venue, sale, card_product, member, member_card. SQL both SQLite and
// PostgreSQL accept does the counting, C++ the local-time bucketing (ReportQuarterKeys), so the
// desk and the hub give one site the same figures. Definitions: docs/hub/STATS.md.
// Blocking: run it on the thread that owns the connection.
class SqlReportEngine {
public:
    SqlReportEngine(QSqlDatabase database, ReportScope scope);

    // The report of whole local days of `range` (its zone is the site's). The metric and the
    // dimension must be supported (reportSupports); InvalidArgument "dimension" otherwise.
    Result<ReportTable> run(ReportMetric metric, ReportDimension dimension, const ReportRange &range) const;

private:
    QSqlDatabase m_database;
    ReportScope m_scope;
};

} // namespace gymgate
