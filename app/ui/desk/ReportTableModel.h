#pragma once

#include "core/Report.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace gymgate {

// A report as a table: the first column is the row's label (headed by the dimension), then one
// column per report column, then the total as the last row in bold. Qt::DisplayRole is the text a
// person reads (reportValueText); kSortRole the number, so sorting is by value, not by text.
class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kSortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const ReportTable &report);
    const ReportTable &report() const { return m_report; }
    bool isTotalRow(int row) const { return !m_report.columns.isEmpty() && row == m_report.rows.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const ReportRow &rowAt(int row) const;

    ReportTable m_report;
};

// Sorts a ReportTableModel by kSortRole and keeps its total row at the bottom either way.
class ReportSortModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ReportSortModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace gymgate
