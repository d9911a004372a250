#include "ui/desk/DashboardPage.h"

#include "core/SalesDesk.h"
#include "ui/desk/DeskTables.h"
#include "ui/desk/ReportTableModel.h"
#include "ui/desk/SyncStatusLabel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace gymgate {

namespace {

constexpr int kHoursPerDay = 24;
constexpr int kSortRole = Qt::UserRole + 1;
const QString kDenialsColumn = QStringLiteral("denials"); // the headline; the others are reasons

QStandardItem *cell(const QString &text, const QVariant &sortKey)
{
    return desk::sortableCell(text, sortKey, kSortRole);
}

// A desk table that shows its rows in the source's order (by name, by start, most frequent
// first) until a header is clicked, its columns as wide as their contents.
QTableView *makeDashboardTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    QTableView *view = desk::makeTable(objectName, model, parent);
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

// A dashboard table over `model`, sorted by kSortRole (numbers, not their text).
QTableView *makeSortedTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(kSortRole);
    return makeDashboardTable(objectName, proxy, parent);
}

QGroupBox *makeBox(QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

// A class's fill rate the way the reports write it ("40.0%", "—" without places).
QString fillRateText(const ClassFill &fill)
{
    const double rate
        = fill.capacity > 0 ? double(fill.booked) / fill.capacity : std::numeric_limits<double>::quiet_NaN();
    return reportValueText(ReportColumn {QStringLiteral("fillRate"), ReportValueKind::Ratio, QString()}, rate);
}

// The one row the dashboard reads of a report over today: its total.
double totalOf(const ReportTable &table, const QString &columnId)
{
    return table.value(table.total, columnId);
}

} // namespace

DashboardPage::DashboardPage(DashboardSource &source, SyncControl *sync, QTimeZone siteTimeZone, QWidget *parent)
    : DeskPage(parent), m_source(source), m_siteTimeZone(std::move(siteTimeZone))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setObjectName(QStringLiteral("dashboardRefreshTimer"));
    m_refreshTimer->setInterval(kRefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardPage::refresh);
    m_syncLabel = new SyncStatusLabel(sync, m_siteTimeZone, this);
    m_syncLabel->setObjectName(QStringLiteral("dashboardSyncStatusLabel"));
    buildUi();
    retranslate();
    clear();
}

QString DashboardPage::pageTitle() const
{
    return tr("Dashboard");
}

void DashboardPage::buildUi()
{
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("dashboardErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *grid = new QGridLayout;
    grid->addWidget(buildOccupancyBox(), 0, 0);
    grid->addWidget(buildEntriesBox(), 0, 1);
    grid->addWidget(buildDenialsBox(), 1, 0);
    grid->addWidget(buildSalesBox(), 1, 1);
    grid->addWidget(buildClassesBox(), 2, 0);
    grid->addWidget(buildMaintenanceBox(), 2, 1);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(0, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addWidget(m_errorLabel);
    layout->addLayout(grid, 1);
}

QWidget *DashboardPage::buildHeader()
{
    auto *header = new QWidget(this);
    m_peopleCaptionLabel = new QLabel(header);
    m_peopleInsideLabel = new QLabel(header);
    m_peopleInsideLabel->setObjectName(QStringLiteral("peopleInsideLabel"));
    QFont big = m_peopleInsideLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 2.5);
    m_peopleInsideLabel->setFont(big);
    m_lastRefreshLabel = new QLabel(header);
    m_lastRefreshLabel->setObjectName(QStringLiteral("lastRefreshLabel"));
    m_refreshButton = new QPushButton(header);
    m_refreshButton->setObjectName(QStringLiteral("refreshPushButton"));
    m_refreshButton->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    // As in the status bar, the sync status links to the Sync page (when the desk has one).
    connect(m_syncLabel, &SyncStatusLabel::clicked, this, [this] { emit pageRequested(QStringLiteral("syncPage")); });

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_peopleCaptionLabel);
    layout->addWidget(m_peopleInsideLabel);
    layout->addStretch(1);
    layout->addWidget(m_syncLabel);
    layout->addWidget(m_lastRefreshLabel);
    layout->addWidget(m_refreshButton);
    return header;
}

QGroupBox *DashboardPage::buildOccupancyBox()
{
    m_occupancyModel = new QStandardItemModel(this);
    m_occupancyBox = makeBox(makeSortedTable(QStringLiteral("occupancyTableView"), m_occupancyModel, this), this);
    return m_occupancyBox;
}

QGroupBox *DashboardPage::buildEntriesBox()
{
    m_checkInsSet = new QBarSet(QString()); // the series takes the sets, the chart the rest
    m_deniedSet = new QBarSet(QString());
    QStringList hours;
    for (int hour = 0; hour < kHoursPerDay; ++hour) {
        hours.append(reportHourKey(hour));
        m_checkInsSet->append(0.0);
        m_deniedSet->append(0.0);
    }
    auto *series = new QBarSeries;
    series->append(m_checkInsSet);
    series->append(m_deniedSet);
    m_entriesChart = new QChart;
    m_entriesChart->addSeries(series);
    m_entriesChart->legend()->setAlignment(Qt::AlignBottom);
    auto *hourAxis = new QBarCategoryAxis;
    hourAxis->append(hours);
    hourAxis->setTruncateLabels(false); // 24 hours in a narrow box: "0…" says nothing
    hourAxis->setLabelsAngle(-90);
    m_entriesChart->addAxis(hourAxis, Qt::AlignBottom);
    series->attachAxis(hourAxis);
    m_entriesAxis = new QValueAxis;
    m_entriesAxis->setLabelFormat(QStringLiteral("%d"));
    m_entriesChart->addAxis(m_entriesAxis, Qt::AlignLeft);
    series->attachAxis(m_entriesAxis);

    auto *view = new QChartView(m_entriesChart, this); // takes the chart
    view->setObjectName(QStringLiteral("entriesChartView"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    m_entriesBox = makeBox(view, this);
    return m_entriesBox;
}

QGroupBox *DashboardPage::buildDenialsBox()
{
    m_denialsModel = new QStandardItemModel(this);
    m_denialsBox = makeBox(makeSortedTable(QStringLiteral("denialsTableView"), m_denialsModel, this), this);
    return m_denialsBox;
}

QGroupBox *DashboardPage::buildSalesBox()
{
    m_salesModel = new ReportTableModel(this);
    auto *proxy = new ReportSortModel(this);
    proxy->setSourceModel(m_salesModel);
    auto *content = new QWidget(this);
    m_revenueLabel = new QLabel(content);
    m_revenueLabel->setObjectName(QStringLiteral("revenueTodayLabel"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeDashboardTable(QStringLiteral("salesTableView"), proxy, content));
    layout->addWidget(m_revenueLabel);
    m_salesBox = makeBox(content, this);
    return m_salesBox;
}

QGroupBox *DashboardPage::buildClassesBox()
{
    m_classesModel = new QStandardItemModel(this);
    m_classesBox = makeBox(makeSortedTable(QStringLiteral("classesTableView"), m_classesModel, this), this);
    return m_classesBox;
}

QGroupBox *DashboardPage::buildMaintenanceBox()
{
    m_maintenanceList = new QListWidget(this);
    m_maintenanceList->setObjectName(QStringLiteral("maintenanceListWidget"));
    m_maintenanceBox = makeBox(m_maintenanceList, this);
    return m_maintenanceBox;
}

void DashboardPage::retranslate()
{
    m_peopleCaptionLabel->setText(tr("People inside now:"));
    m_refreshButton->setText(tr("&Refresh"));
    m_occupancyBox->setTitle(tr("By zone"));
    m_entriesBox->setTitle(tr("Entries today by hour"));
    m_denialsBox->setTitle(tr("Denials today by reason"));
    m_salesBox->setTitle(tr("Sales today"));
    m_classesBox->setTitle(tr("Today's classes"));
    m_maintenanceBox->setTitle(tr("Venues under maintenance"));
    m_checkInsSet->setLabel(reportColumnTitle(QStringLiteral("checkIns")));
    m_deniedSet->setLabel(reportColumnTitle(QStringLiteral("denied")));
    setHeaders();
}

void DashboardPage::setHeaders()
{
    m_occupancyModel->setHorizontalHeaderLabels({tr("Zone"), tr("People inside")});
    m_denialsModel->setHorizontalHeaderLabels({tr("Reason"), tr("Denials")});
    m_classesModel->setHorizontalHeaderLabels(
        {tr("Time"), tr("Course"), tr("Venue"), tr("Coach"), tr("Booked"), tr("Fill rate")});
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_snapshot)
            showSnapshot();
    }
    DeskPage::changeEvent(event);
}

void DashboardPage::showEvent(QShowEvent *event)
{
    DeskPage::showEvent(event);
    if (!m_session.isValid())
        return;
    refresh();
    m_refreshTimer->start();
}

void DashboardPage::hideEvent(QHideEvent *event)
{
    // Nobody looks at a hidden dashboard: no reason to read the database every 30 s for it.
    m_refreshTimer->stop();
    DeskPage::hideEvent(event);
}

void DashboardPage::setSession(const StaffSession &session)
{
    m_session = session;
    clear();
    if (!session.isValid()) {
        m_refreshTimer->stop();
        return;
    }
    refresh();
    if (isVisible())
        m_refreshTimer->start();
}

void DashboardPage::refresh()
{
    if (!m_session.isValid())
        return;
    Result<DashboardSnapshot> snapshot = m_source.snapshot(m_session);
    if (!snapshot) {
        showError(snapshot.error().message); // the last figures stay: better old than none
        return;
    }
    m_snapshot = std::move(*snapshot);
    m_errorLabel->clear();
    m_errorLabel->hide();
    showSnapshot();
}

void DashboardPage::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

void DashboardPage::clear()
{
    m_snapshot.reset();
    m_errorLabel->clear();
    m_errorLabel->hide();
    m_peopleInsideLabel->setText(QStringLiteral("–"));
    m_lastRefreshLabel->clear();
    m_occupancyModel->removeRows(0, m_occupancyModel->rowCount());
    showEntries(ReportTable {});
    m_denialsModel->removeRows(0, m_denialsModel->rowCount());
    m_salesModel->setReport(ReportTable {});
    m_revenueLabel->clear();
    m_classesModel->removeRows(0, m_classesModel->rowCount());
    m_maintenanceList->clear();
}

void DashboardPage::showSnapshot()
{
    const DashboardSnapshot &snapshot = *m_snapshot;
    m_peopleInsideLabel->setText(QString::number(snapshot.peopleInside));
    m_lastRefreshLabel->setText(
        tr("Updated at %1").arg(snapshot.at.toTimeZone(m_siteTimeZone).toString(QStringLiteral("HH:mm:ss"))));
    showOccupancy(snapshot);
    showEntries(snapshot.entriesByHour);
    showDenials(snapshot.denialsByReason);
    showSales(snapshot.salesByProduct);
    showClasses(snapshot.classes);
    showMaintenance(snapshot);
}

void DashboardPage::showOccupancy(const DashboardSnapshot &snapshot)
{
    m_occupancyModel->removeRows(0, m_occupancyModel->rowCount());
    for (const ZoneOccupancy &zone : snapshot.occupancy) {
        const QString people
            = zone.capacity > 0 ? tr("%1 / %2").arg(zone.people).arg(zone.capacity) : QString::number(zone.people);
        m_occupancyModel->appendRow({cell(zone.name, zone.name), cell(people, zone.people)});
    }
}

void DashboardPage::showEntries(const ReportTable &entries)
{
    double highest = 0.0;
    for (int hour = 0; hour < kHoursPerDay; ++hour) {
        const ReportRow *row = entries.row(reportHourKey(hour));
        const double checkIns = row ? entries.value(*row, QStringLiteral("checkIns")) : 0.0;
        const double denied = row ? entries.value(*row, QStringLiteral("denied")) : 0.0;
        m_checkInsSet->replace(hour, checkIns);
        m_deniedSet->replace(hour, denied);
        highest = std::max({highest, checkIns, denied});
    }
    // At least 0..4, so an empty morning does not draw a scale of fractions.
    m_entriesAxis->setRange(0.0, std::max(4.0, highest));
    m_entriesAxis->applyNiceNumbers();
}

void DashboardPage::showDenials(const ReportTable &denials)
{
    m_denialsModel->removeRows(0, m_denialsModel->rowCount());
    for (const ReportColumn &column : denials.columns) {
        if (column.id == kDenialsColumn)
            continue;
        const double count = totalOf(denials, column.id);
        m_denialsModel->appendRow({cell(column.title, column.title), cell(reportValueText(column, count), count)});
    }
}

void DashboardPage::showSales(const ReportTable &sales)
{
    m_salesModel->setReport(sales);
    const auto revenueFen = qint64(totalOf(sales, QStringLiteral("revenueFen")));
    const auto count = int(totalOf(sales, QStringLiteral("sales")));
    m_revenueLabel->setText(tr("Net revenue today: %1 yuan (%n sale(s))", nullptr, count).arg(yuanText(revenueFen)));
}

void DashboardPage::showClasses(const QList<ClassFill> &classes)
{
    m_classesModel->removeRows(0, m_classesModel->rowCount());
    for (const ClassFill &fill : classes) {
        const QDateTime start = fill.start.toTimeZone(m_siteTimeZone);
        const QString time = tr("%1–%2").arg(start.toString(QStringLiteral("HH:mm")),
            fill.end.toTimeZone(m_siteTimeZone).toString(QStringLiteral("HH:mm")));
        const double rate = fill.capacity > 0 ? double(fill.booked) / fill.capacity : -1.0;
        m_classesModel->appendRow({cell(time, start.toMSecsSinceEpoch()), cell(fill.courseName, fill.courseName),
            cell(fill.venueName, fill.venueName), cell(fill.coachName, fill.coachName),
            cell(tr("%1 / %2").arg(fill.booked).arg(fill.capacity), fill.booked), cell(fillRateText(fill), rate)});
    }
}

void DashboardPage::showMaintenance(const DashboardSnapshot &snapshot)
{
    m_maintenanceList->clear();
    const QDate today = snapshot.at.toTimeZone(m_siteTimeZone).date();
    for (const VenueMaintenance &period : snapshot.maintenance)
        m_maintenanceList->addItem(maintenanceText(period, today));
}

// "Pool: until 18:00 · Filter change", "Studio: from 14:00 until 16:00", "Court: closed for
// maintenance" (set by hand, no planned end).
QString DashboardPage::maintenanceText(const VenueMaintenance &period, const QDate &today) const
{
    QString when;
    if (!period.from.isValid() || !period.until.isValid())
        when = tr("closed for maintenance");
    else if (m_snapshot && period.from > m_snapshot->at)
        when = tr("from %1 until %2").arg(timeText(period.from, today), timeText(period.until, today));
    else
        when = tr("until %1").arg(timeText(period.until, today));
    const QString text = tr("%1: %2").arg(period.venueName, when);
    return period.reason.isEmpty() ? text : tr("%1 · %2").arg(text, period.reason);
}

// Hours and minutes today; the date too on another day.
QString DashboardPage::timeText(const QDateTime &at, const QDate &today) const
{
    const QDateTime local = at.toTimeZone(m_siteTimeZone);
    return local.date() == today ? local.toString(QStringLiteral("HH:mm"))
                                 : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace gymgate
