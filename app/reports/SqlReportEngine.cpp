#include "reports/SqlReportEngine.h"

#include <QCoreApplication>

#include <limits>

#include "reports/ReportMetrics.h"

namespace gymgate {
namespace reportsql {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SqlReportEngine)
};

double ratio(double part, double whole)
{
    return whole > 0 ? part / whole : std::numeric_limits<double>::quiet_NaN();
}

// The booking columns of a status; -1 for a status no column counts on its own.
int bookingStatusColumn(const QString &status)
{
    static const QStringList statuses {QStringLiteral("booked"), QStringLiteral("cancelled"),
        QStringLiteral("attended"), QStringLiteral("no_show"), QStringLiteral("rejected")};
    const qsizetype index = statuses.indexOf(status);
    return index < 0 ? -1 : int(index) + 1;
}

// Bookings and slots belong to the site of their venue: the join is only needed to filter by site
// (a desk's database is one site, and a million bookings' venue lookups cost a third of a second).
QString venueJoin(const ReportContext &context, const QString &venueColumn)
{
    return context.scope.siteId.isEmpty() ? QString() : QStringLiteral(" JOIN venue v ON v.id = %1").arg(venueColumn);
}

} // namespace

ReportColumn reportColumn(const QString &id, ReportValueKind kind)
{
    return ReportColumn {id, kind, reportColumnTitle(id)};
}

ReportTable makeTable(const ReportContext &context, ReportMetric metric, const QList<ReportColumn> &columns,
    const ReportRows &rows, const ReportKeys &keys)
{
    ReportTable table;
    table.metric = metric;
    table.dimension = context.dimension;
    table.range = context.range;
    table.columns = columns;
    table.rows = rows.rows([&keys](const QString &key) { return keys.labelOf(key); });
    table.total.key = QStringLiteral("total");
    table.total.label = Text::tr("Total");
    for (int column = 0; column < columns.size(); ++column)
        table.total.values.append(double(rows.sum(column)));
    return table;
}

// Bookings by start, course places and the places taken on them. A booking and a course slot
// belong to the site of their venue (bookings made in the member app carry no site).
Result<ReportTable> bookingsReport(const ReportContext &context)
{
    enum Column {
        Bookings,
        Places = 6,
        Taken,
        FillRate
    };
    Result<ReportKeys> keys = ReportKeys::make(context);
    if (!keys)
        return std::unexpected(keys.error());
    ReportRows rows(FillRate + 1);
    keys->addFixedRows(rows);

    const QString bookingGroup
        = groupExpression(context.dimension, {QStringLiteral("b.start_at"), QStringLiteral("b.venue_id"), {}, {}, {}});
    QVariantList binds = context.timeBinds();
    QString statement = QStringLiteral("SELECT %1, b.status, COUNT(*) FROM booking b%2 "
                                       "WHERE b.start_at >= ? AND b.start_at < ?")
                            .arg(bookingGroup, venueJoin(context, QStringLiteral("b.venue_id")))
        + context.siteFilter(QStringLiteral("v.site_id"), binds)
        + QStringLiteral(" GROUP BY %1, b.status").arg(bookingGroup);
    Status read = forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
        const QString key = keys->keyOf(query, 0);
        rows.add(key, Bookings, query.value(2).toLongLong());
        if (const int column = bookingStatusColumn(query.value(1).toString()); column > 0)
            rows.add(key, column, query.value(2).toLongLong());
    });
    if (!read)
        return std::unexpected(read.error());

    // Places of the course slots starting in each row and the bookings holding one of them,
    // counted per slot through booking_slot_idx (a join from all bookings reads far more rows).
    const QString slotGroup
        = groupExpression(context.dimension, {QStringLiteral("s.start_at"), QStringLiteral("s.venue_id"), {}, {}, {}});
    binds = context.timeBinds();
    statement = QStringLiteral("SELECT %1, CAST(SUM(s.capacity) AS BIGINT), CAST(SUM(s.taken) AS BIGINT) FROM "
                               "(SELECT c.start_at, c.venue_id, c.capacity, (SELECT COUNT(*) FROM booking b "
                               "WHERE b.slot_id = c.id AND b.status IN ('booked', 'attended', 'no_show')) AS taken "
                               "FROM course_slot c%2 WHERE c.deleted_at IS NULL "
                               "AND c.start_at >= ? AND c.start_at < ?")
                    .arg(slotGroup, venueJoin(context, QStringLiteral("c.venue_id")))
        + context.siteFilter(QStringLiteral("v.site_id"), binds) + QStringLiteral(") s GROUP BY %1").arg(slotGroup);
    read = forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
        const QString key = keys->keyOf(query, 0);
        rows.add(key, Places, query.value(1).toLongLong());
        rows.add(key, Taken, query.value(2).toLongLong());
    });
    if (!read)
        return std::unexpected(read.error());

    QList<ReportColumn> columns;
    for (const char *id : {"bookings", "booked", "cancelled", "attended", "noShow", "rejected", "places", "taken"})
        columns.append(reportColumn(QString::fromLatin1(id)));
    columns.append(reportColumn(QStringLiteral("fillRate"), ReportValueKind::Ratio));
    ReportTable table = makeTable(context, ReportMetric::Bookings, columns, rows, *keys);
    for (ReportRow &row : table.rows)
        row.values[FillRate] = ratio(row.values[Taken], row.values[Places]);
    table.total.values[FillRate] = ratio(table.total.values[Taken], table.total.values[Places]);
    return table;
}

// Net revenue: refunds are negative amounts and reduce it.
Result<ReportTable> revenueReport(const ReportContext &context)
{
    enum Column {
        RevenueFen,
        Sales,
        Refunds,
        RefundFen,
        Cash
    };
    Result<ReportKeys> keys = ReportKeys::make(context);
    if (!keys)
        return std::unexpected(keys.error());
    keys->setNoStaffLabel(Text::tr("No staff member"));
    ReportRows rows(Cash + 4);
    keys->addFixedRows(rows);

    // A sale's kind is its card's, else its product's (a card sold and refunded since).
    const QString group = groupExpression(context.dimension,
        {QStringLiteral("s.created_at"), {}, QStringLiteral("COALESCE(mc.kind, p.kind, '')"),
            QStringLiteral("COALESCE(s.product_id, '')"), QStringLiteral("COALESCE(s.staff_id, '')")});
    const QString join = context.dimension == ReportDimension::CardKind
        ? QStringLiteral(
            " LEFT JOIN member_card mc ON mc.id = s.card_id LEFT JOIN card_product p ON p.id = s.product_id")
        : QString();
    static const QStringList methods {
        QStringLiteral("cash"), QStringLiteral("bank_card"), QStringLiteral("wechat_pay"), QStringLiteral("alipay")};
    QVariantList binds = context.timeBinds();
    const QString statement
        = QStringLiteral("SELECT %1, s.payment_method, CAST(SUM(s.amount_fen) AS BIGINT), "
                         "CAST(SUM(CASE WHEN s.amount_fen < 0 THEN 0 ELSE 1 END) AS BIGINT), "
                         "CAST(SUM(CASE WHEN s.amount_fen < 0 THEN 1 ELSE 0 END) AS BIGINT), "
                         "CAST(SUM(CASE WHEN s.amount_fen < 0 THEN -s.amount_fen ELSE 0 END) AS BIGINT) FROM sale s")
              .arg(group)
        + join + QStringLiteral(" WHERE s.created_at >= ? AND s.created_at < ?")
        + context.siteFilter(QStringLiteral("s.site_id"), binds)
        + QStringLiteral(" GROUP BY %1, s.payment_method").arg(group);
    const Status read = forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
        const QString key = keys->keyOf(query, 0);
        const qint64 netFen = query.value(2).toLongLong();
        rows.add(key, RevenueFen, netFen);
        rows.add(key, Sales, query.value(3).toLongLong());
        rows.add(key, Refunds, query.value(4).toLongLong());
        rows.add(key, RefundFen, query.value(5).toLongLong());
        if (const qsizetype method = methods.indexOf(query.value(1).toString()); method >= 0)
            rows.add(key, Cash + int(method), netFen);
    });
    if (!read)
        return std::unexpected(read.error());

    QList<ReportColumn> columns {reportColumn(QStringLiteral("revenueFen"), ReportValueKind::Fen),
        reportColumn(QStringLiteral("sales")), reportColumn(QStringLiteral("refunds")),
        reportColumn(QStringLiteral("refundFen"), ReportValueKind::Fen)};
    for (const char *id : {"cash", "bankCard", "wechatPay", "alipay"})
        columns.append(reportColumn(QString::fromLatin1(id), ReportValueKind::Fen));
    return makeTable(context, ReportMetric::Revenue, columns, rows, *keys);
}

Result<ReportTable> membersReport(const ReportContext &context)
{
    enum Column {
        NewMembers,
        ActiveMembers,
        ExpiringMembers
    };
    Result<ReportKeys> keys = ReportKeys::make(context);
    if (!keys)
        return std::unexpected(keys.error());
    ReportRows rows(3);
    keys->addFixedRows(rows);

    // New members as in the hub's overview: created in the range and not deleted by its end.
    QVariantList binds = context.timeBinds();
    binds.append(context.range.endMs);
    const QString created = quarterOf(QStringLiteral("m.created_at"));
    QString statement = QStringLiteral("SELECT %1, COUNT(*) FROM member m WHERE m.created_at >= ? "
                                       "AND m.created_at < ? AND (m.deleted_at IS NULL OR m.deleted_at >= ?)")
                            .arg(created)
        + context.siteFilter(QStringLiteral("m.site_id"), binds) + QStringLiteral(" GROUP BY %1").arg(created);
    Status read = forEachRow(context.database, statement, binds,
        [&](const QSqlQuery &query) { rows.add(keys->keyOf(query, 0), NewMembers, query.value(1).toLongLong()); });
    if (!read)
        return std::unexpected(read.error());

    Result<qint64> active = 0;
    if (std::optional<Result<qint64>> scanned = addScannedCheckIns(context, rows, -1, ActiveMembers)) {
        active = std::move(*scanned);
    } else {
        read = addDistinctMembersByTime(context, rows, ActiveMembers);
        if (!read)
            return std::unexpected(read.error());
        active = distinctMembers(context);
    }
    if (!active)
        return std::unexpected(active.error());

    // A member's cards end with the last of them; a card without expiry (valid_to 0) never ends.
    binds.clear();
    const QString siteJoin = context.scope.siteId.isEmpty() ? QString()
                                                            : QStringLiteral(" JOIN member m ON m.id = mc.member_id")
            + context.siteFilter(QStringLiteral("m.site_id"), binds);
    binds.append(context.range.startMs);
    binds.append(context.range.endMs);
    const QString ends = quarterOf(QStringLiteral("t.last_valid_to"));
    statement = QStringLiteral("SELECT %1, COUNT(*) FROM (SELECT mc.member_id, MAX(mc.valid_to) AS last_valid_to "
                               "FROM member_card mc")
                    .arg(ends)
        + siteJoin
        + QStringLiteral(" WHERE mc.deleted_at IS NULL AND mc.status IN ('active', 'frozen') GROUP BY mc.member_id "
                         "HAVING MIN(mc.valid_to) > 0) t WHERE t.last_valid_to >= ? AND t.last_valid_to < ? "
                         "GROUP BY %1")
              .arg(ends);
    read = forEachRow(context.database, statement, binds,
        [&](const QSqlQuery &query) { rows.add(keys->keyOf(query, 0), ExpiringMembers, query.value(1).toLongLong()); });
    if (!read)
        return std::unexpected(read.error());

    ReportTable table = makeTable(context, ReportMetric::Members,
        {reportColumn(QStringLiteral("newMembers")), reportColumn(QStringLiteral("activeMembers")),
            reportColumn(QStringLiteral("expiringMembers"))},
        rows, *keys);
    table.total.values[ActiveMembers] = double(*active);
    return table;
}

} // namespace reportsql

SqlReportEngine::SqlReportEngine(QSqlDatabase database, ReportScope scope)
    : m_database(std::move(database)), m_scope(std::move(scope))
{ }

Result<ReportTable> SqlReportEngine::run(ReportMetric metric, ReportDimension dimension, const ReportRange &range) const
{
    if (!reportSupports(metric, dimension))
        return std::unexpected(unsupportedReportDimension(metric, dimension));
    const reportsql::ReportContext context {m_database, m_scope, range, dimension};
    switch (metric) {
    case ReportMetric::Entries:
        return reportsql::entriesReport(context);
    case ReportMetric::Denials:
        return reportsql::denialsReport(context);
    case ReportMetric::Bookings:
        return reportsql::bookingsReport(context);
    case ReportMetric::Revenue:
        return reportsql::revenueReport(context);
    case ReportMetric::Members:
        return reportsql::membersReport(context);
    case ReportMetric::PeakHours:
        return reportsql::peakHoursReport(context);
    case ReportMetric::Invalid:
        break; // supports nothing: refused above
    }
    return std::unexpected(unsupportedReportDimension(metric, dimension));
}

} // namespace gymgate
