#pragma once

#include "core/Report.h"
#include "ui/desk/DeskPage.h"

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace gymgate {

class ReportTableModel;
class ReportSortModel;

// Reports for any range of days and any dimension (docs/desk/REPORTS.md): pick what to count,
// how to group it and the days, and the table and its chart follow as you change them. The table
// sorts by value with the total kept last; CSV and PDF export what is shown, in the order shown.
class ReportsPage : public DeskPage {
    Q_OBJECT
public:
    // A change of a control runs the report after this pause, so typing a date runs it once.
    static constexpr int kRunDelayMs = 200;

    explicit ReportsPage(ReportDesk &reports, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ViewReports; }
    void setSession(const StaffSession &session) override;

    // The gym or site named on printed reports; empty: none.
    void setSiteTitle(const QString &title) { m_siteTitle = title; }

    // The report as computed (rows in the engine's order); empty after a refused query.
    const ReportTable &report() const;
    // The report with its rows in the order the table shows them.
    ReportTable shownReport() const;

    Status exportCsv(const QString &path); // reportToCsv(shownReport()), atomically
    Status exportPdf(const QString &path); // ReportPdf of shownReport() and the chart shown

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void buildControls();
    void buildResults();
    void layOut();
    void connectControls();
    void retranslate();
    void fillMetrics();
    void fillDimensions();
    void fillPeriods();
    void applyPeriod();
    void datesEdited();
    void scheduleRun();
    void run();
    void showReport(const ReportTable &report, qint64 elapsedMs);
    void showError(const QString &message);
    void fillChartColumns();
    void showChart();
    QString summaryText(const ReportTable &report, qint64 elapsedMs) const;
    QString exportName(const QString &suffix) const;
    void exportCsvAs();
    void exportPdfAs();
    void showExportResult(const Status &saved, const QString &path);

    ReportDesk &m_reports;
    StaffSession m_session;
    QString m_siteTitle;
    ReportMetric m_chartMetric = ReportMetric::Invalid; // whose columns the chart combo lists

    QTimer *m_runTimer = nullptr;
    QLabel *m_metricLabel = nullptr;
    QComboBox *m_metricCombo = nullptr;
    QLabel *m_dimensionLabel = nullptr;
    QComboBox *m_dimensionCombo = nullptr;
    QLabel *m_periodLabel = nullptr;
    QComboBox *m_periodCombo = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_fromDateEdit = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_toDateEdit = nullptr;
    QPushButton *m_runButton = nullptr;
    QLabel *m_chartColumnLabel = nullptr;
    QComboBox *m_chartColumnCombo = nullptr;
    QPushButton *m_exportCsvButton = nullptr;
    QPushButton *m_exportPdfButton = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    ReportTableModel *m_model = nullptr;
    ReportSortModel *m_sortModel = nullptr;
    QTableView *m_table = nullptr;
    QChartView *m_chartView = nullptr;
};

} // namespace gymgate
