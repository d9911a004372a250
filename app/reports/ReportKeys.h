#pragma once

#include <QHash>
#include <QSqlQuery>
#include <QString>

#include "reports/ReportSql.h"

namespace gymgate::reportsql {

// The rows of a dimension: which keys always show, how a key is labelled, and how the key column
// of a grouped SQL row (a quarter hour number or a key) turns into a row key.
class ReportKeys {
public:
    // Reads what the dimension needs (venues, products, staff names).
    static Result<ReportKeys> make(const ReportContext &context);

    // Adds the rows that show even when empty, then seals `rows`.
    void addFixedRows(ReportRows &rows) const;
    // The row key of column `index` of a grouped row: a quarter hour for time dimensions.
    QString keyOf(const QSqlQuery &query, int index);
    QString labelOf(const QString &key) const;
    // The label of the staff row without a staff member ("" key).
    void setNoStaffLabel(const QString &label) { m_noStaffLabel = label; }

private:
    explicit ReportKeys(const ReportContext &context);
    // Labels from rows (id, name[, deleted_at]) in order; with `liveRowsAreFixed` the rows not
    // deleted also become rows that always show.
    Status readNames(
        const ReportContext &context, const QString &statement, const QVariantList &binds, bool liveRowsAreFixed);

    ReportDimension m_dimension = ReportDimension::Invalid;
    ReportQuarterKeys m_quarters;
    QList<std::pair<QString, QString>> m_fixed; // key, label, in order
    QHash<QString, QString> m_names; // every known key's label (deleted products and venues too)
    QString m_noStaffLabel;
};

// The grouping expression of a dimension over a table's time column and key expressions.
struct GroupingSql {
    QString time; // e.g. "e.decided_at"
    QString venue; // venue or zone key expression
    QString cardKind;
    QString product;
    QString staff;
};
QString groupExpression(ReportDimension dimension, const GroupingSql &grouping);

} // namespace gymgate::reportsql
