#include "ui/desk/ReportsPage.h"

#include "ui/desk/ReportChart.h"
#include "ui/desk/ReportPdf.h"
#include "ui/desk/ReportTableModel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ReportsPage)
};

enum class Period {
    Invalid = 0,
    Today,
    Yesterday,
    ThisWeek, // Monday to today
    LastWeek,
    ThisMonth,
    LastMonth,
    Last30Days,
    ThisYear,
    Next30Days, // members whose card ends soon, classes ahead
    Custom, // the dates as typed
};

constexpr std::array allPeriods {Period::Today, Period::Yesterday, Period::ThisWeek, Period::LastWeek,
    Period::ThisMonth, Period::LastMonth, Period::Last30Days, Period::ThisYear, Period::Next30Days, Period::Custom};

QString periodTitle(Period period)
{
    switch (period) {
    case Period::Today:
        return Text::tr("Today");
    case Period::Yesterday:
        return Text::tr("Yesterday");
    case Period::ThisWeek:
        return Text::tr("This week");
    case Period::LastWeek:
        return Text::tr("Last week");
    case Period::ThisMonth:
        return Text::tr("This month");
    case Period::LastMonth:
        return Text::tr("Last month");
    case Period::Last30Days:
        return Text::tr("Last 30 days");
    case Period::ThisYear:
        return Text::tr("This year");
    case Period::Next30Days:
        return Text::tr("Next 30 days");
    case Period::Custom:
        return Text::tr("Custom");
    case Period::Invalid:
        break;
    }
    return {};
}

struct DateSpan {
    QDate from;
    QDate to;
};

// The days of a period as the site counts them: weeks start on Monday, ranges end today (the next
// 30 days start today).
DateSpan periodSpan(Period period, QDate today)
{
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const QDate firstOfMonth(today.year(), today.month(), 1);
    switch (period) {
    case Period::Yesterday:
        return {today.addDays(-1), today.addDays(-1)};
    case Period::ThisWeek:
        return {monday, today};
    case Period::LastWeek:
        return {monday.addDays(-7), monday.addDays(-1)};
    case Period::ThisMonth:
        return {firstOfMonth, today};
    case Period::LastMonth:
        return {firstOfMonth.addMonths(-1), firstOfMonth.addDays(-1)};
    case Period::Last30Days:
        return {today.addDays(-29), today};
    case Period::ThisYear:
        return {QDate(today.year(), 1, 1), today};
    case Period::Next30Days:
        return {today, today.addDays(29)};
    case Period::Today:
    case Period::Custom:
    case Period::Invalid:
        break;
    }
    return {today, today};
}

bool isWeekdayColumn(const QString &id)
{
    static const QStringList ids {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
        QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
    return ids.contains(id);
}

// The sort model that also shades peak hours' weekday cells by how busy they are.
class HeatSortModel : public ReportSortModel {
public:
    using ReportSortModel::ReportSortModel;

    void setReport(const ReportTable &report)
    {
        m_report = report;
        m_maxValue = 0.0;
        for (const ReportRow &row : report.rows) {
            for (int i = 0; i < report.columns.size() && i < row.values.size(); ++i) {
                if (isWeekdayColumn(report.columns[i].id))
                    m_maxValue = std::max(m_maxValue, row.values[i]);
            }
        }
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::BackgroundRole || m_report.metric != ReportMetric::PeakHours || m_maxValue <= 0.0)
            return ReportSortModel::data(index, role);
        const int row = mapToSource(index).row();
        const int column = index.column() - 1;
        if (row >= m_report.rows.size() || column < 0 || !isWeekdayColumn(m_report.columns[column].id))
            return ReportSortModel::data(index, role);
        const double share = m_report.rows[row].values.value(column) / m_maxValue;
        return share > 0.0 ? QColor(0xe0, 0x6c, 0x1f, int(24 + 200 * share)) : QVariant();
    }

private:
    ReportTable m_report;
    double m_maxValue = 0.0;
};

QString staffNameOf(const StaffSession &session)
{
    return session.displayName.isEmpty() ? session.username : session.displayName;
}

} // namespace

ReportsPage::ReportsPage(ReportDesk &reports, QWidget *parent) : DeskPage(parent), m_reports(reports)
{
    setObjectName(QStringLiteral("reportsPage"));
    buildUi();
    retranslate();
    connectControls();
}

QString ReportsPage::pageTitle() const
{
    return tr("Reports");
}

void ReportsPage::buildUi()
{
    m_runTimer = new QTimer(this);
    m_runTimer->setSingleShot(true);
    m_runTimer->setInterval(kRunDelayMs);
    buildControls();
    buildResults();
    layOut();
    fillMetrics();
    fillDimensions();
    fillPeriods();
}

void ReportsPage::buildControls()
{
    const auto labelled = [this](QLabel *&label, QWidget *buddy) {
        label = new QLabel(this);
        label->setBuddy(buddy);
    };
    m_metricCombo = new QComboBox(this);
    m_metricCombo->setObjectName(QStringLiteral("reportMetricComboBox"));
    labelled(m_metricLabel, m_metricCombo);
    m_dimensionCombo = new QComboBox(this);
    m_dimensionCombo->setObjectName(QStringLiteral("reportDimensionComboBox"));
    labelled(m_dimensionLabel, m_dimensionCombo);
    m_periodCombo = new QComboBox(this);
    m_periodCombo->setObjectName(QStringLiteral("reportPeriodComboBox"));
    labelled(m_periodLabel, m_periodCombo);
    m_fromDateEdit = new QDateEdit(this);
    m_fromDateEdit->setObjectName(QStringLiteral("reportFromDateEdit"));
    labelled(m_fromLabel, m_fromDateEdit);
    m_toDateEdit = new QDateEdit(this);
    m_toDateEdit->setObjectName(QStringLiteral("reportToDateEdit"));
    labelled(m_toLabel, m_toDateEdit);
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_runButton = new QPushButton(this);
    m_runButton->setObjectName(QStringLiteral("runPushButton"));
    m_runButton->setShortcut(QKeySequence(Qt::Key_F5));
    m_chartColumnCombo = new QComboBox(this);
    m_chartColumnCombo->setObjectName(QStringLiteral("reportChartColumnComboBox"));
    labelled(m_chartColumnLabel, m_chartColumnCombo);
    m_exportCsvButton = new QPushButton(this);
    m_exportCsvButton->setObjectName(QStringLiteral("exportCsvPushButton"));
    m_exportPdfButton = new QPushButton(this);
    m_exportPdfButton->setObjectName(QStringLiteral("exportPdfPushButton"));
    m_exportCsvButton->setEnabled(false);
    m_exportPdfButton->setEnabled(false);
}

void ReportsPage::buildResults()
{
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("reportSummaryLabel"));
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("reportErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_model = new ReportTableModel(this);
    m_sortModel = new HeatSortModel(this);
    m_sortModel->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("reportTableView"));
    m_table->setModel(m_sortModel);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the engine's order until asked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_chartView = new QChartView(this);
    m_chartView->setObjectName(QStringLiteral("reportChartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumWidth(320);
}

void ReportsPage::layOut()
{
    auto *query = new QHBoxLayout;
    for (QWidget *widget :
        std::initializer_list<QWidget *> {m_metricLabel, m_metricCombo, m_dimensionLabel, m_dimensionCombo,
            m_periodLabel, m_periodCombo, m_fromLabel, m_fromDateEdit, m_toLabel, m_toDateEdit, m_runButton})
        query->addWidget(widget);
    query->addStretch(1);
    auto *results = new QHBoxLayout;
    results->addWidget(m_summaryLabel, 1);
    for (QWidget *widget :
        std::initializer_list<QWidget *> {m_chartColumnLabel, m_chartColumnCombo, m_exportCsvButton, m_exportPdfButton})
        results->addWidget(widget);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chartView);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(query);
    layout->addLayout(results);
    layout->addWidget(m_errorLabel);
    layout->addWidget(splitter, 1);
}

void ReportsPage::connectControls()
{
    connect(m_runTimer, &QTimer::timeout, this, &ReportsPage::run);
    connect(m_runButton, &QPushButton::clicked, this, &ReportsPage::run);
    connect(m_metricCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillDimensions();
        m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // other columns
        scheduleRun();
    });
    connect(m_dimensionCombo, &QComboBox::currentIndexChanged, this, &ReportsPage::scheduleRun);
    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, &ReportsPage::applyPeriod);
    connect(m_fromDateEdit, &QDateEdit::dateChanged, this, &ReportsPage::datesEdited);
    connect(m_toDateEdit, &QDateEdit::dateChanged, this, &ReportsPage::datesEdited);
    connect(m_chartColumnCombo, &QComboBox::currentIndexChanged, this, &ReportsPage::showChart);
    connect(m_exportCsvButton, &QPushButton::clicked, this, &ReportsPage::exportCsvAs);
    connect(m_exportPdfButton, &QPushButton::clicked, this, &ReportsPage::exportPdfAs);
}

void ReportsPage::retranslate()
{
    m_metricLabel->setText(tr("&Report:"));
    m_dimensionLabel->setText(tr("&Group by:"));
    m_periodLabel->setText(tr("&Period:"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("T&o:"));
    m_runButton->setText(tr("&Run"));
    m_chartColumnLabel->setText(tr("&Chart:"));
    m_exportCsvButton->setText(tr("Export CS&V"));
    m_exportPdfButton->setText(tr("Export P&DF"));
    for (int i = 0; i < m_metricCombo->count(); ++i)
        m_metricCombo->setItemText(i, reportMetricTitle(ReportMetric(m_metricCombo->itemData(i).toInt())));
    for (int i = 0; i < m_dimensionCombo->count(); ++i)
        m_dimensionCombo->setItemText(i, reportDimensionTitle(ReportDimension(m_dimensionCombo->itemData(i).toInt())));
    for (int i = 0; i < m_periodCombo->count(); ++i)
        m_periodCombo->setItemText(i, periodTitle(Period(m_periodCombo->itemData(i).toInt())));
}

void ReportsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!report().columns.isEmpty())
            scheduleRun(); // column titles come translated with the report
    }
    DeskPage::changeEvent(event);
}

void ReportsPage::fillMetrics()
{
    for (ReportMetric metric : allReportMetrics())
        m_metricCombo->addItem(reportMetricTitle(metric), int(metric));
}

void ReportsPage::fillDimensions()
{
    const QSignalBlocker blocker(m_dimensionCombo);
    const QVariant chosen = m_dimensionCombo->currentData();
    m_dimensionCombo->clear();
    for (ReportDimension dimension : reportDimensionsOf(ReportMetric(m_metricCombo->currentData().toInt())))
        m_dimensionCombo->addItem(reportDimensionTitle(dimension), int(dimension));
    m_dimensionCombo->setCurrentIndex(std::max(0, m_dimensionCombo->findData(chosen)));
}

void ReportsPage::fillPeriods()
{
    for (Period period : allPeriods)
        m_periodCombo->addItem(periodTitle(period), int(period));
}

void ReportsPage::applyPeriod()
{
    const auto period = Period(m_periodCombo->currentData().toInt());
    if (period != Period::Custom) {
        const DateSpan span = periodSpan(period, m_reports.siteToday());
        const QSignalBlocker fromBlocker(m_fromDateEdit);
        const QSignalBlocker toBlocker(m_toDateEdit);
        m_fromDateEdit->setDate(span.from);
        m_toDateEdit->setDate(span.to);
    }
    scheduleRun();
}

void ReportsPage::datesEdited()
{
    const QSignalBlocker blocker(m_periodCombo);
    m_periodCombo->setCurrentIndex(m_periodCombo->findData(int(Period::Custom)));
    scheduleRun();
}

void ReportsPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_runTimer->stop();
    showError(QString());
    if (!session.isValid())
        return;
    {
        const QSignalBlocker metricBlocker(m_metricCombo);
        const QSignalBlocker periodBlocker(m_periodCombo);
        m_metricCombo->setCurrentIndex(0);
        fillDimensions();
        m_dimensionCombo->setCurrentIndex(0);
        m_periodCombo->setCurrentIndex(m_periodCombo->findData(int(Period::ThisMonth)));
    }
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    applyPeriod();
}

void ReportsPage::scheduleRun()
{
    if (m_session.isValid())
        m_runTimer->start();
}

void ReportsPage::run()
{
    m_runTimer->stop();
    if (!m_session.isValid())
        return;
    const ReportQuery query {ReportMetric(m_metricCombo->currentData().toInt()),
        ReportDimension(m_dimensionCombo->currentData().toInt()), m_fromDateEdit->date(), m_toDateEdit->date()};
    QElapsedTimer elapsed;
    elapsed.start();
    Result<ReportTable> report = m_reports.run(m_session, query);
    if (!report) {
        showError(report.error().message);
        emit statusMessage(report.error().message);
        return;
    }
    showReport(*report, elapsed.elapsed());
}

void ReportsPage::showReport(const ReportTable &report, qint64 elapsedMs)
{
    m_errorLabel->clear();
    m_errorLabel->hide();
    static_cast<HeatSortModel *>(m_sortModel)->setReport(report);
    m_model->setReport(report);
    m_table->resizeColumnsToContents();
    fillChartColumns();
    m_summaryLabel->setText(summaryText(report, elapsedMs));
    m_exportCsvButton->setEnabled(true);
    m_exportPdfButton->setEnabled(true);
}

// The previous report goes: figures next to a refused query would read as its answer.
void ReportsPage::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    static_cast<HeatSortModel *>(m_sortModel)->setReport({});
    m_model->setReport({});
    fillChartColumns();
    m_summaryLabel->clear();
    m_exportCsvButton->setEnabled(false);
    m_exportPdfButton->setEnabled(false);
}

void ReportsPage::fillChartColumns()
{
    {
        const QSignalBlocker blocker(m_chartColumnCombo);
        // Another metric starts from its own default: peak hours' stack, not entries' check-ins.
        const QVariant chosen = report().metric == m_chartMetric ? m_chartColumnCombo->currentData() : QVariant();
        m_chartMetric = report().metric;
        m_chartColumnCombo->clear();
        for (const ReportChart::Choice &choice : ReportChart::choices(report()))
            m_chartColumnCombo->addItem(choice.title, choice.columnId);
        m_chartColumnCombo->setCurrentIndex(std::max(0, m_chartColumnCombo->findData(chosen)));
    }
    showChart();
}

void ReportsPage::showChart()
{
    QChart *previous = m_chartView->chart();
    m_chartView->setChart(ReportChart::build(report(), m_chartColumnCombo->currentData().toString()));
    delete previous; // the view releases, not deletes, the chart it showed
}

QString ReportsPage::summaryText(const ReportTable &report, qint64 elapsedMs) const
{
    QStringList parts {tr("%n row(s)", nullptr, int(report.rows.size())), ReportPdf::rangeText(report.range),
        tr("%1 s").arg(elapsedMs / 1000.0, 0, 'f', 2)};
    const QString checkIns = QStringLiteral("checkIns");
    if (report.metric == ReportMetric::Entries)
        parts << tr("%n check-in(s) in all", nullptr, int(report.value(report.total, checkIns)));
    if (report.metric == ReportMetric::PeakHours && !report.rows.isEmpty()) {
        const auto busiest
            = std::max_element(report.rows.begin(), report.rows.end(), [&](const ReportRow &a, const ReportRow &b) {
                  return report.value(a, checkIns) < report.value(b, checkIns);
              });
        const int count = int(report.value(*busiest, checkIns));
        if (count > 0)
            parts << tr("busiest hour %1:00 (%n check-in(s))", nullptr, count).arg(busiest->key);
    }
    return parts.join(QStringLiteral(" · "));
}

const ReportTable &ReportsPage::report() const
{
    return m_model->report();
}

ReportTable ReportsPage::shownReport() const
{
    ReportTable shown = report();
    shown.rows.clear();
    for (int row = 0; row < m_sortModel->rowCount(); ++row) {
        const int source = m_sortModel->mapToSource(m_sortModel->index(row, 0)).row();
        if (!m_model->isTotalRow(source))
            shown.rows << report().rows.at(source);
    }
    return shown;
}

Status ReportsPage::exportCsv(const QString &path)
{
    if (report().columns.isEmpty())
        return fail(ErrorCode::NotFound, tr("Run a report first."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(reportToCsv(shownReport())) < 0 || !file.commit())
        return fail(ErrorCode::Io, tr("The report could not be saved to %1: %2").arg(path, file.errorString()),
            QStringLiteral("path"));
    return {};
}

Status ReportsPage::exportPdf(const QString &path)
{
    if (report().columns.isEmpty())
        return fail(ErrorCode::NotFound, tr("Run a report first."));
    ReportPdfContent content;
    content.table = shownReport();
    content.siteTitle = m_siteTitle;
    content.staffName = staffNameOf(m_session);
    content.generatedAt = m_reports.siteNow();
    content.chartColumnId = m_chartColumnCombo->currentData().toString();
    return ReportPdf::write(content, path);
}

// "entries-day-2026-03-01-2026-03-31.csv"
QString ReportsPage::exportName(const QString &suffix) const
{
    return QStringLiteral("%1-%2-%3-%4.%5")
        .arg(QString::fromLatin1(reportMetricName(report().metric)),
            QString::fromLatin1(reportDimensionName(report().dimension)), report().range.from.toString(Qt::ISODate),
            report().range.to.toString(Qt::ISODate), suffix);
}

void ReportsPage::exportCsvAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report as CSV"), exportName(QStringLiteral("csv")), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        showExportResult(exportCsv(path), path);
}

void ReportsPage::exportPdfAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report as PDF"), exportName(QStringLiteral("pdf")), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        showExportResult(exportPdf(path), path);
}

void ReportsPage::showExportResult(const Status &saved, const QString &path)
{
    const QString message = saved ? tr("Report saved to %1.").arg(path) : saved.error().message;
    m_errorLabel->setText(saved ? QString() : message);
    m_errorLabel->setVisible(!saved);
    emit statusMessage(message);
}

} // namespace gymgate
