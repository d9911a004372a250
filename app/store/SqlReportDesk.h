#pragma once

#include "core/Clock.h"
#include "core/Report.h"

namespace gymgate {

class Database;

// Reports at the desk over the local database: the site's whole days in its time zone
// (setting site.timezone), computed by the engine the hub uses too (reports/SqlReportEngine).
class SqlReportDesk : public ReportDesk {
public:
    SqlReportDesk(Database &db, const Clock &clock);

    Result<ReportTable> run(const StaffSession &session, const ReportQuery &query) override;
    QTimeZone siteTimeZone() const override;
    QDate siteToday() const override;
    QDateTime siteNow() const override;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace gymgate
