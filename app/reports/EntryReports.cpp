// Reports over the entry table: entries, denials by reason and peak hours.

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

#include "reports/CheckInScan.h"
#include "reports/ReportMetrics.h"

namespace gymgate::reportsql {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SqlReportEngine)
};

const QString kCheckIns = QStringLiteral("FROM entry e WHERE e.direction = 'in' AND e.status = 'passed' "
                                         "AND e.member_id <> '' AND e.decided_at >= ? AND e.decided_at < ?");

// Denials group by quarter hour or by zone (a venue id).
const GroupingSql kDenialGrouping {QStringLiteral("e.decided_at"), QStringLiteral("e.zone_id"), {}, {}, {}};

// Runs `select` (whose WHERE ends with "e.decided_at >= ? AND e.decided_at < ?") once per day, week
// or month of the range, prepared once, with the site filter of the scope; visits each bucket's
// single row.
Status forEachTimeBucket(const ReportContext &context, const QString &select,
    const std::function<void(const QString &key, const QSqlQuery &query)> &visit)
{
    QSqlQuery query(context.database);
    query.setForwardOnly(true);
    QVariantList siteBind;
    if (!query.prepare(select + context.siteFilter(QStringLiteral("e.site_id"), siteBind)))
        return std::unexpected(storageError(query));
    for (const ReportTimeBucket &bucket : reportTimeBuckets(context.range, context.dimension)) {
        query.bindValue(0, bucket.startMs);
        query.bindValue(1, bucket.endMs);
        if (!siteBind.isEmpty())
            query.bindValue(2, siteBind.constFirst());
        if (!query.exec() || !query.next())
            return std::unexpected(storageError(query));
        visit(bucket.key, query);
        query.finish();
    }
    return {};
}

} // namespace

Status addDistinctMembersByTime(const ReportContext &context, ReportRows &rows, int column)
{
    if (context.dimension == ReportDimension::Hour) {
        // An hour of the day recurs over the range: grouped by the local hour computed in SQL.
        const QString hour = localHourSql(context.range, QStringLiteral("e.decided_at"));
        QVariantList binds = context.timeBinds();
        const QString statement = QStringLiteral("SELECT %1, COUNT(DISTINCT e.member_id) ").arg(hour) + kCheckIns
            + context.siteFilter(QStringLiteral("e.site_id"), binds) + QStringLiteral(" GROUP BY %1").arg(hour);
        return forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
            rows.set(reportHourKey(query.value(0).toInt()), column, query.value(1).toLongLong());
        });
    }
    // Distinct members cannot be added up from smaller groups: one indexed range query per bucket.
    return forEachTimeBucket(context, QStringLiteral("SELECT COUNT(DISTINCT e.member_id) ") + kCheckIns,
        [&](const QString &key, const QSqlQuery &query) { rows.set(key, column, query.value(0).toLongLong()); });
}

Result<qint64> distinctMembers(const ReportContext &context)
{
    QVariantList binds = context.timeBinds();
    return countOf(context.database,
        QStringLiteral("SELECT COUNT(DISTINCT e.member_id) ") + kCheckIns
            + context.siteFilter(QStringLiteral("e.site_id"), binds),
        binds);
}

namespace {

enum EntryColumn {
    CheckIns,
    Denied,
    UniqueMembers
};

const QString kEntriesInRange = QStringLiteral(" FROM entry e WHERE e.direction = 'in' AND e.status IN ('passed', "
                                               "'denied') AND e.decided_at >= ? AND e.decided_at < ?");

// Day, week and month: one indexed range query per bucket counts its check-ins, denials and
// distinct members in one pass, without sorting the range's rows by quarter hour.
Status addEntryBuckets(const ReportContext &context, ReportRows &rows)
{
    return forEachTimeBucket(context,
        QStringLiteral("SELECT CAST(COALESCE(SUM(CASE WHEN e.status = 'passed' THEN 1 ELSE 0 END), 0) AS BIGINT), "
                       "CAST(COALESCE(SUM(CASE WHEN e.status = 'denied' THEN 1 ELSE 0 END), 0) AS BIGINT), "
                       "COUNT(DISTINCT CASE WHEN e.status = 'passed' AND e.member_id <> '' THEN e.member_id END)")
            + kEntriesInRange,
        [&](const QString &key, const QSqlQuery &query) {
            for (int column : {CheckIns, Denied, UniqueMembers})
                rows.set(key, column, query.value(column).toLongLong());
        });
}

// The key of an entry before and after its card is looked up: grouping the range's rows by key and
// member first leaves few rows to join with member_card (a join per entry is several times slower).
struct EntryKeySql {
    QString inner;
    QString outer;
    QString join;
};

EntryKeySql entryKeySql(const ReportContext &context)
{
    const QString cardJoin = QStringLiteral(" LEFT JOIN member_card mc ON mc.id = x.k");
    switch (context.dimension) {
    case ReportDimension::Hour:
        return {localHourSql(context.range, QStringLiteral("e.decided_at")), QStringLiteral("x.k"), {}};
    case ReportDimension::CardKind:
        return {QStringLiteral("e.card_id"), QStringLiteral("COALESCE(mc.kind, '')"), cardJoin};
    case ReportDimension::Product:
        return {QStringLiteral("e.card_id"), QStringLiteral("COALESCE(mc.product_id, '')"), cardJoin};
    case ReportDimension::Staff:
        return {QStringLiteral("COALESCE(e.staff_id, '')"), QStringLiteral("x.k"), {}};
    default:
        return {QStringLiteral("e.zone_id"), QStringLiteral("x.k"), {}};
    }
}

// Every other dimension in one statement: the range's rows grouped by key, member and status
// (x), then by key, with the distinct members of the whole range as a last row ('total').
Result<qint64> addEntryGroups(const ReportContext &context, ReportKeys &keys, ReportRows &rows)
{
    const EntryKeySql key = entryKeySql(context);
    QVariantList binds = context.timeBinds();
    const QString statement
        = QStringLiteral("WITH x AS (SELECT %1 AS k, e.member_id AS member_id, e.status AS status, COUNT(*) AS n")
              .arg(key.inner)
        + kEntriesInRange + context.siteFilter(QStringLiteral("e.site_id"), binds)
        + QStringLiteral(" GROUP BY %1, e.member_id, e.status) "
                         "SELECT %2, x.status, CAST(SUM(x.n) AS BIGINT), "
                         "COUNT(DISTINCT CASE WHEN x.member_id <> '' THEN x.member_id END) FROM x%3 "
                         "GROUP BY %2, x.status UNION ALL SELECT NULL, 'total', 0, COUNT(DISTINCT x.member_id) "
                         "FROM x WHERE x.status = 'passed' AND x.member_id <> ''")
              .arg(key.inner, key.outer, key.join);
    qint64 members = 0;
    const bool byHour = context.dimension == ReportDimension::Hour;
    const Status read = forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
        const QString status = query.value(1).toString();
        if (status == QLatin1String("total")) {
            members = query.value(3).toLongLong();
            return;
        }
        const QString rowKey = byHour ? reportHourKey(query.value(0).toInt()) : keys.keyOf(query, 0);
        const bool passed = status == QLatin1String("passed");
        rows.add(rowKey, passed ? CheckIns : Denied, query.value(2).toLongLong());
        if (passed)
            rows.set(rowKey, UniqueMembers, query.value(3).toLongLong());
    });
    if (!read)
        return std::unexpected(read.error());
    return members;
}

// Denials of the entries report by its key, read through entry_denied_idx on the desk.
Status addDenials(const ReportContext &context, ReportKeys &keys, ReportRows &rows)
{
    const bool byCard = context.dimension == ReportDimension::CardKind || context.dimension == ReportDimension::Product;
    const QString group = groupExpression(context.dimension,
        {QStringLiteral("e.decided_at"), QStringLiteral("e.zone_id"), QStringLiteral("COALESCE(mc.kind, '')"),
            QStringLiteral("COALESCE(mc.product_id, '')"), QStringLiteral("COALESCE(e.staff_id, '')")});
    QVariantList binds = context.timeBinds();
    const QString statement
        = QStringLiteral("SELECT %1, COUNT(*) FROM entry e%2 WHERE e.direction = 'in' "
                         "AND e.status = 'denied' AND e.decided_at >= ? AND e.decided_at < ?")
              .arg(group, byCard ? QStringLiteral(" LEFT JOIN member_card mc ON mc.id = e.card_id") : QString())
        + context.siteFilter(QStringLiteral("e.site_id"), binds) + QStringLiteral(" GROUP BY %1").arg(group);
    return forEachRow(context.database, statement, binds,
        [&](const QSqlQuery &query) { rows.add(keys.keyOf(query, 0), Denied, query.value(1).toLongLong()); });
}

} // namespace

// Check-ins and distinct members in one pass over the desk's check-in index; nullopt where there is
// none (the hub), then the SQL below counts them.
std::optional<Result<qint64>> addScannedCheckIns(
    const ReportContext &context, ReportRows &rows, int checkIns, int members)
{
    Result<QHash<QByteArray, QString>> cards = cardKeysOf(context);
    if (!cards)
        return Result<qint64>(std::unexpected(cards.error()));
    std::optional<Result<CheckInTally>> tally = scanCheckIns(context, checkInBucketOf(context, std::move(*cards)));
    if (!tally)
        return std::nullopt;
    if (!*tally)
        return Result<qint64>(std::unexpected(tally->error()));
    for (int bucket = 0; bucket < (*tally)->keys.size(); ++bucket) {
        const QString &key = (*tally)->keys[bucket];
        if (checkIns >= 0)
            rows.add(key, checkIns, (*tally)->checkIns[bucket]);
        rows.set(key, members, (*tally)->members[bucket]);
    }
    return Result<qint64>((*tally)->rangeMembers);
}

Result<ReportTable> entriesReport(const ReportContext &context)
{
    Result<ReportKeys> keys = ReportKeys::make(context);
    if (!keys)
        return std::unexpected(keys.error());
    keys->setNoStaffLabel(Text::tr("Self-service at the gate"));
    ReportRows rows(3);
    keys->addFixedRows(rows);

    Result<qint64> members = 0;
    if (std::optional<Result<qint64>> scanned = addScannedCheckIns(context, rows, CheckIns, UniqueMembers)) {
        members = std::move(*scanned);
        if (const Status read = addDenials(context, *keys, rows); members && !read)
            members = std::unexpected(read.error());
    } else if (context.isTimeDimension() && context.dimension != ReportDimension::Hour) {
        if (const Status read = addEntryBuckets(context, rows); !read)
            return std::unexpected(read.error());
        members = distinctMembers(context);
    } else {
        members = addEntryGroups(context, *keys, rows);
    }
    if (!members)
        return std::unexpected(members.error());

    ReportTable table = makeTable(context, ReportMetric::Entries,
        {reportColumn(QStringLiteral("checkIns")), reportColumn(QStringLiteral("denied")),
            reportColumn(QStringLiteral("uniqueMembers"))},
        rows, *keys);
    table.total.values[UniqueMembers] = double(*members);
    return table;
}

Result<ReportTable> denialsReport(const ReportContext &context)
{
    Result<ReportKeys> keys = ReportKeys::make(context);
    if (!keys)
        return std::unexpected(keys.error());

    struct Cell {
        QString key;
        QString reason;
        qint64 count = 0;
    };
    QList<Cell> cells; // at most quarters x reasons, grouped in SQL
    QHash<QString, qint64> byReason;
    const QString group = groupExpression(context.dimension, kDenialGrouping);
    QVariantList binds = context.timeBinds();
    const QString statement = QStringLiteral("SELECT %1, e.reason, COUNT(*) FROM entry e WHERE e.direction = 'in' "
                                             "AND e.status = 'denied' AND e.decided_at >= ? AND e.decided_at < ?")
                                  .arg(group)
        + context.siteFilter(QStringLiteral("e.site_id"), binds) + QStringLiteral(" GROUP BY %1, e.reason").arg(group);
    const Status read = forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
        Cell cell {keys->keyOf(query, 0), query.value(1).toString(), query.value(2).toLongLong()};
        byReason[cell.reason] += cell.count;
        cells.append(std::move(cell));
    });
    if (!read)
        return std::unexpected(read.error());

    // The most frequent reasons first; ties by code, so the order does not depend on the hash.
    QStringList reasons = byReason.keys();
    std::sort(reasons.begin(), reasons.end(), [&](const QString &left, const QString &right) {
        const qint64 leftCount = byReason.value(left);
        const qint64 rightCount = byReason.value(right);
        return leftCount != rightCount ? leftCount > rightCount : left < right;
    });
    QList<ReportColumn> columns {reportColumn(QStringLiteral("denials"))};
    for (const QString &reason : reasons)
        columns.append(reportColumn(reason));

    ReportRows rows(int(columns.size()));
    keys->addFixedRows(rows);
    for (const Cell &cell : cells) {
        rows.add(cell.key, 0, cell.count);
        rows.add(cell.key, int(reasons.indexOf(cell.reason)) + 1, cell.count);
    }
    return makeTable(context, ReportMetric::Denials, columns, rows, *keys);
}

namespace {

// Check-ins by local hour (row) and weekday (column 1..7 after the total in column 0).
void addPeakHour(ReportRows &rows, int hour, int weekday, qint64 count)
{
    const QString key = reportHourKey(hour);
    rows.add(key, 0, count);
    rows.add(key, weekday + 1, count);
}

// The desk: one scan of its check-in index, each quarter hour's local hour and weekday computed
// once. nullopt where there is no such index.
std::optional<Status> addScannedPeakHours(const ReportContext &context, ReportRows &rows)
{
    // Buckets are the cells of hour x weekday, keyed "hour * 7 + weekday".
    const QTimeZone zone = context.range.zone;
    const CheckInBucket cellOf = quarterBucketOf(context.range, [zone](qint64 quarter) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(quarter * ReportQuarterKeys::kQuarterMs, zone);
        return QString::number(local.time().hour() * 7 + local.date().dayOfWeek() - 1);
    });
    std::optional<Result<CheckInTally>> tally = scanCheckIns(context, cellOf);
    if (!tally)
        return std::nullopt;
    if (!*tally)
        return Status(std::unexpected(tally->error()));
    for (int bucket = 0; bucket < (*tally)->keys.size(); ++bucket) {
        const int cell = (*tally)->keys[bucket].toInt();
        addPeakHour(rows, cell / 7, cell % 7, (*tally)->checkIns[bucket]);
    }
    return Status();
}

// Elsewhere: local hour and weekday computed in SQL with the zone's offsets, at most 168 rows.
Status addPeakHoursBySql(const ReportContext &context, ReportRows &rows)
{
    // 1970-01-01 was a Thursday, so (local days + 3) % 7 is 0 on Mondays.
    const QString local
        = QStringLiteral("(e.decided_at + %1)").arg(offsetSql(context.range, QStringLiteral("e.decided_at")));
    const QString hour = QStringLiteral("(%1 / 3600000) % 24").arg(local);
    const QString weekday = QStringLiteral("(%1 / 86400000 + 3) % 7").arg(local);
    QVariantList binds = context.timeBinds();
    const QString statement = QStringLiteral("SELECT %1, %2, COUNT(*) FROM entry e WHERE e.direction = 'in' "
                                             "AND e.status = 'passed' AND e.decided_at >= ? AND e.decided_at < ?")
                                  .arg(hour, weekday)
        + context.siteFilter(QStringLiteral("e.site_id"), binds)
        + QStringLiteral(" GROUP BY %1, %2").arg(hour, weekday);
    return forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
        addPeakHour(rows, query.value(0).toInt(), query.value(1).toInt(), query.value(2).toLongLong());
    });
}

} // namespace

Result<ReportTable> peakHoursReport(const ReportContext &context)
{
    // Columns: checkIns, mon..sun (1..7), perDay (8).
    constexpr int kPerDay = 8;
    Result<ReportKeys> keys = ReportKeys::make(context);
    if (!keys)
        return std::unexpected(keys.error());
    ReportRows rows(kPerDay + 1);
    keys->addFixedRows(rows);

    if (std::optional<Status> scanned = addScannedPeakHours(context, rows)) {
        if (!*scanned)
            return std::unexpected(scanned->error());
    } else if (const Status read = addPeakHoursBySql(context, rows); !read) {
        return std::unexpected(read.error());
    }

    QList<ReportColumn> columns {reportColumn(QStringLiteral("checkIns"))};
    for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        columns.append(reportColumn(QString::fromLatin1(day)));
    columns.append(reportColumn(QStringLiteral("perDay"), ReportValueKind::Average));
    ReportTable table = makeTable(context, ReportMetric::PeakHours, columns, rows, *keys);
    const double days = double(context.dayCount());
    for (ReportRow &row : table.rows)
        row.values[kPerDay] = rounded(row.values[0] / days, 2);
    table.total.values[kPerDay] = rounded(table.total.values[0] / days, 2);
    return table;
}

} // namespace gymgate::reportsql
