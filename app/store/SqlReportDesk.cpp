#include "store/SqlReportDesk.h"

#include "store/Database.h"
#include "store/SettingRepository.h"

#include <QDateTime>

#include "reports/SqlReportEngine.h"

namespace gymgate {
namespace {

// Staff names for the Staff dimension: accounts made here and those pulled from the hub.
const QString kDeskStaffNamesSql = QStringLiteral("SELECT id, display_name FROM staff_user");

} // namespace

SqlReportDesk::SqlReportDesk(Database &db, const Clock &clock) : m_db(db), m_clock(clock)
{ }

Result<ReportTable> SqlReportDesk::run(const StaffSession &session, const ReportQuery &query)
{
    if (Status allowed = requirePermission(session, Permission::ViewReports); !allowed)
        return std::unexpected(allowed.error());
    if (Status valid = checkReportQuery(query); !valid)
        return std::unexpected(valid.error());
    const Result<ReportRange> range = ReportRange::make(query.from, query.to, siteTimeZone(), kReportMaxDays);
    if (!range)
        return std::unexpected(range.error());
    const SqlReportEngine engine(m_db.connection(), ReportScope {QString(), kDeskStaffNamesSql});
    return engine.run(query.metric, query.dimension, *range);
}

QTimeZone SqlReportDesk::siteTimeZone() const
{
    return SettingRepository(m_db).siteTimeZone();
}

QDate SqlReportDesk::siteToday() const
{
    return siteNow().date();
}

QDateTime SqlReportDesk::siteNow() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), siteTimeZone());
}

} // namespace gymgate
