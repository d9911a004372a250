#pragma once

#include "core/Error.h"
#include "core/Report.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

#include "reports/SqlReportEngine.h"

namespace gymgate::reportsql {

// What one report reads: the connection, the rows of which site, the range and how rows group.
struct ReportContext {
    QSqlDatabase database;
    ReportScope scope;
    ReportRange range;
    ReportDimension dimension = ReportDimension::Invalid;

    bool isTimeDimension() const;
    // " AND <column> = ?" when the scope is one site (appending the bind); empty otherwise, so a
    // desk database, which has no site columns, never sees one.
    QString siteFilter(const QString &column, QVariantList &binds) const;
    QVariantList timeBinds() const { return {range.startMs, range.endMs}; }
    int dayCount() const { return int(range.from.daysTo(range.to)) + 1; }
};

// The SQL expression of a time column's quarter hour, the number ReportQuarterKeys turns into a key.
QString quarterOf(const QString &column);
// SQL for the zone's UTC offset in ms at the instant in `column`: a constant, or a CASE over the
// daylight saving changes within the range. Only numbers computed here go into the text.
QString offsetSql(const ReportRange &range, const QString &column);
// SQL for the local hour of the day (0..23) of the instant in `column`.
QString localHourSql(const ReportRange &range, const QString &column);

// Runs a statement with its binds, forward only, and visits each row.
Status forEachRow(const QSqlDatabase &database, const QString &statement, const QVariantList &binds,
    const std::function<void(const QSqlQuery &)> &visit);
// The single number of a statement (0 when it gives no row or NULL).
Result<qint64> countOf(const QSqlDatabase &database, const QString &statement, const QVariantList &binds);
Error storageError(const QSqlQuery &query);

// `value` rounded to `decimals` places (ratios to 4, hours and averages to 2).
double rounded(double value, int decimals);

// The rows of a report while they are counted: one per key, a whole number per column.
class ReportRows {
public:
    explicit ReportRows(int columnCount) : m_columnCount(columnCount) { }

    // A row that shows even when all its counters are zero.
    void addRow(const QString &key, const QString &label);
    void add(const QString &key, int column, qint64 amount);
    void set(const QString &key, int column, qint64 amount);
    // After this, rows that only show up in the data are extra rows, sorted by key after the
    // fixed ones (an entry zone that is no venue, a deleted product...).
    void seal() { m_sealed = true; }
    // A key that always comes last, after the extra rows ("" = no card, no product).
    void setLastKey(const QString &key, const QString &label);

    // The counts in report order; extra rows are labelled by `labelOf`.
    QList<ReportRow> rows(const std::function<QString(const QString &)> &labelOf) const;
    // The column summed over all rows.
    qint64 sum(int column) const;

private:
    struct Row {
        QString label;
        QList<qint64> counts;
    };

    Row &row(const QString &key);

    int m_columnCount = 0;
    bool m_sealed = false;
    QStringList m_keys;
    QStringList m_extraKeys;
    QString m_lastKey;
    bool m_hasLastKey = false;
    QHash<QString, Row> m_rows;
};

} // namespace gymgate::reportsql
