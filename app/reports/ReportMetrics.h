#pragma once

#include "reports/ReportKeys.h"
#include "reports/ReportSql.h"

namespace gymgate::reportsql {

// One function per metric; the context's dimension is one the metric supports (checked before).
Result<ReportTable> entriesReport(const ReportContext &context);
Result<ReportTable> denialsReport(const ReportContext &context);
Result<ReportTable> peakHoursReport(const ReportContext &context);
Result<ReportTable> bookingsReport(const ReportContext &context);
Result<ReportTable> revenueReport(const ReportContext &context);
Result<ReportTable> membersReport(const ReportContext &context);

// Distinct members with a check-in per row of a time dimension, into `column` of `rows`: one
// indexed COUNT(DISTINCT) per day, week or month; per hour of the day grouped by the local hour.
Status addDistinctMembersByTime(const ReportContext &context, ReportRows &rows, int column);
// Distinct members with a check-in per row into `members` (and check-ins into `checkIns` unless it
// is -1) from one scan of the desk's check-in index; nullopt where there is none (the hub), the
// value is the distinct members of the whole range.
std::optional<Result<qint64>> addScannedCheckIns(
    const ReportContext &context, ReportRows &rows, int checkIns, int members);

// Distinct members with a check-in over the whole range.
Result<qint64> distinctMembers(const ReportContext &context);

ReportColumn reportColumn(const QString &id, ReportValueKind kind = ReportValueKind::Count);
// The table of counted rows; the total sums every column, callers then set what is not a sum.
ReportTable makeTable(const ReportContext &context, ReportMetric metric, const QList<ReportColumn> &columns,
    const ReportRows &rows, const ReportKeys &keys);

} // namespace gymgate::reportsql
