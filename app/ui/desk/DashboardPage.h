#pragma once

#include "core/Dashboard.h"
#include "ui/desk/DeskPage.h"

#include <QTimeZone>

#include <optional>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTimer;
class QValueAxis;

namespace gymgate {

class ReportTableModel;
class SyncControl;
class SyncStatusLabel;

// What the gym looks like now and today (docs/desk/DASHBOARD.md): people inside by zone, entries
// per hour, denials by reason, sales, today's classes, venues under maintenance and the sync
// status, all from one DashboardSource::snapshot(). It refreshes when shown, on demand and every
// kRefreshIntervalMs while visible; a failed refresh keeps the last figures and says why.
class DashboardPage : public DeskPage {
    Q_OBJECT
public:
    static constexpr int kRefreshIntervalMs = 30'000;

    // `sync` may be null (sync switched off).
    DashboardPage(DashboardSource &source, SyncControl *sync, QTimeZone siteTimeZone, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ViewReports; }
    void setSession(const StaffSession &session) override;

    // The figures shown; empty before the first good refresh and after log out.
    const std::optional<DashboardSnapshot> &snapshot() const { return m_snapshot; }

public slots:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    QWidget *buildHeader();
    QGroupBox *buildOccupancyBox();
    QGroupBox *buildEntriesBox();
    QGroupBox *buildDenialsBox();
    QGroupBox *buildSalesBox();
    QGroupBox *buildClassesBox();
    QGroupBox *buildMaintenanceBox();
    void retranslate();
    void setHeaders();

    void clear();
    void showError(const QString &message);
    void showSnapshot();
    void showOccupancy(const DashboardSnapshot &snapshot);
    void showEntries(const ReportTable &entries);
    void showDenials(const ReportTable &denials);
    void showSales(const ReportTable &sales);
    void showClasses(const QList<ClassFill> &classes);
    void showMaintenance(const DashboardSnapshot &snapshot);
    QString maintenanceText(const VenueMaintenance &period, const QDate &today) const;
    QString timeText(const QDateTime &at, const QDate &today) const;

    DashboardSource &m_source;
    QTimeZone m_siteTimeZone;
    StaffSession m_session;
    std::optional<DashboardSnapshot> m_snapshot;
    QTimer *m_refreshTimer = nullptr;

    QLabel *m_peopleCaptionLabel = nullptr;
    QLabel *m_peopleInsideLabel = nullptr;
    QLabel *m_lastRefreshLabel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    SyncStatusLabel *m_syncLabel = nullptr;
    QLabel *m_errorLabel = nullptr;

    QGroupBox *m_occupancyBox = nullptr;
    QStandardItemModel *m_occupancyModel = nullptr;
    QGroupBox *m_entriesBox = nullptr;
    QChart *m_entriesChart = nullptr;
    QBarSet *m_checkInsSet = nullptr;
    QBarSet *m_deniedSet = nullptr;
    QValueAxis *m_entriesAxis = nullptr;
    QGroupBox *m_denialsBox = nullptr;
    QStandardItemModel *m_denialsModel = nullptr;
    QGroupBox *m_salesBox = nullptr;
    ReportTableModel *m_salesModel = nullptr;
    QLabel *m_revenueLabel = nullptr;
    QGroupBox *m_classesBox = nullptr;
    QStandardItemModel *m_classesModel = nullptr;
    QGroupBox *m_maintenanceBox = nullptr;
    QListWidget *m_maintenanceList = nullptr;
};

} // namespace gymgate
