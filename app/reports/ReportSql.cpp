#include "reports/ReportSql.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace gymgate::reportsql {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SqlReportEngine)
};

} // namespace

bool ReportContext::isTimeDimension() const
{
    return isReportTimeDimension(dimension);
}

QString ReportContext::siteFilter(const QString &column, QVariantList &binds) const
{
    if (scope.siteId.isEmpty())
        return {};
    binds.append(scope.siteId);
    return QStringLiteral(" AND %1 = ?").arg(column);
}

QString quarterOf(const QString &column)
{
    return QStringLiteral("%1 / %2").arg(column).arg(ReportQuarterKeys::kQuarterMs);
}

QString offsetSql(const ReportRange &range, const QString &column)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(range.startMs, QTimeZone::utc());
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(range.endMs, QTimeZone::utc());
    qint64 offsetMs = qint64(range.zone.offsetFromUtc(start)) * 1000;
    const QTimeZone::OffsetDataList changes = range.zone.transitions(start, end);
    if (changes.isEmpty())
        return QString::number(offsetMs);
    QString sql = QStringLiteral("CASE");
    for (const QTimeZone::OffsetData &change : changes) {
        sql += QStringLiteral(" WHEN %1 < %2 THEN %3").arg(column).arg(change.atUtc.toMSecsSinceEpoch()).arg(offsetMs);
        offsetMs = qint64(change.offsetFromUtc) * 1000;
    }
    return sql + QStringLiteral(" ELSE %1 END").arg(offsetMs);
}

QString localHourSql(const ReportRange &range, const QString &column)
{
    return QStringLiteral("((%1 + %2) / 3600000) % 24").arg(column, offsetSql(range, column));
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

Error storageError(const QSqlQuery &query)
{
    return Error {ErrorCode::Storage, Text::tr("The report could not be read: %1").arg(query.lastError().text()), {}};
}

Status forEachRow(const QSqlDatabase &database, const QString &statement, const QVariantList &binds,
    const std::function<void(const QSqlQuery &)> &visit)
{
    QSqlQuery query(database);
    query.setForwardOnly(true); // a report may read many rows; do not cache them
    if (!query.prepare(statement)) {
        logWarning(QStringLiteral("report sql prepare failed: %1").arg(statement));
        return std::unexpected(storageError(query));
    }
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        logWarning(QStringLiteral("report sql failed: %1").arg(statement));
        return std::unexpected(storageError(query));
    }
    while (query.next())
        visit(query);
    return {};
}

Result<qint64> countOf(const QSqlDatabase &database, const QString &statement, const QVariantList &binds)
{
    qint64 count = 0;
    const Status read
        = forEachRow(database, statement, binds, [&](const QSqlQuery &query) { count = query.value(0).toLongLong(); });
    if (!read)
        return std::unexpected(read.error());
    return count;
}

void ReportRows::addRow(const QString &key, const QString &label)
{
    row(key).label = label;
}

void ReportRows::setLastKey(const QString &key, const QString &label)
{
    m_lastKey = key;
    m_hasLastKey = true;
    m_rows[key].label = label;
    m_rows[key].counts.resize(m_columnCount);
}

void ReportRows::add(const QString &key, int column, qint64 amount)
{
    row(key).counts[column] += amount;
}

void ReportRows::set(const QString &key, int column, qint64 amount)
{
    row(key).counts[column] = amount;
}

ReportRows::Row &ReportRows::row(const QString &key)
{
    auto found = m_rows.find(key);
    if (found == m_rows.end()) {
        if (!m_hasLastKey || key != m_lastKey)
            (m_sealed ? m_extraKeys : m_keys).append(key);
        found = m_rows.insert(key, Row {{}, QList<qint64>(m_columnCount, 0)});
    }
    return *found;
}

QList<ReportRow> ReportRows::rows(const std::function<QString(const QString &)> &labelOf) const
{
    QStringList extra = m_extraKeys;
    std::sort(extra.begin(), extra.end());
    QList<ReportRow> result;
    result.reserve(m_keys.size() + extra.size() + 1);
    const auto append = [&](const QString &key, bool extraRow) {
        const Row &row = m_rows[key];
        QList<double> values;
        values.reserve(m_columnCount);
        for (qint64 count : row.counts)
            values.append(double(count));
        result.append(ReportRow {key, extraRow ? labelOf(key) : row.label, values});
    };
    for (const QString &key : m_keys)
        append(key, false);
    for (const QString &key : std::as_const(extra))
        append(key, true);
    if (m_hasLastKey)
        append(m_lastKey, false);
    return result;
}

qint64 ReportRows::sum(int column) const
{
    qint64 total = 0;
    for (const Row &row : m_rows)
        total += row.counts.value(column);
    return total;
}

} // namespace gymgate::reportsql
