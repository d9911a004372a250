#include "ui/desk/ReportTableModel.h"

#include <QFont>

#include <cmath>

namespace gymgate {

void ReportTableModel::setReport(const ReportTable &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_report.columns.isEmpty())
        return 0;
    return int(m_report.rows.size()) + 1; // and the total
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_report.columns.isEmpty() ? 0 : int(m_report.columns.size()) + 1;
}

const ReportRow &ReportTableModel::rowAt(int row) const
{
    return isTotalRow(row) ? m_report.total : m_report.rows.at(row);
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const ReportRow &row = rowAt(index.row());
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return isTotalRow(index.row()) ? tr("Total") : row.label;
        if (role == kSortRole)
            return row.key;
    } else {
        const int column = index.column() - 1;
        const double value = column < row.values.size() ? row.values[column] : 0.0;
        if (role == Qt::DisplayRole)
            return reportValueText(m_report.columns[column], value);
        if (role == kSortRole)
            return std::isnan(value) ? -1.0 : value; // "no classes" sorts below 0%
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::FontRole && isTotalRow(index.row())) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == 0 ? reportDimensionTitle(m_report.dimension) : m_report.columns[section - 1].title;
}

ReportSortModel::ReportSortModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ReportTableModel::kSortRole);
}

bool ReportSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = qobject_cast<const ReportTableModel *>(sourceModel());
    if (model != nullptr && (model->isTotalRow(left.row()) || model->isTotalRow(right.row()))) {
        // The total stays last: "less" in ascending order, "greater" in descending.
        const bool leftIsTotal = model->isTotalRow(left.row());
        return sortOrder() == Qt::AscendingOrder ? !leftIsTotal : leftIsTotal;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace gymgate
