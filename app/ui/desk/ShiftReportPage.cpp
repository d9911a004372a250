#include "ui/desk/ShiftReportPage.h"

#include "ui/desk/DeskTables.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int kSortRole = Qt::UserRole + 2;

QStandardItem *cell(const QString &text, const QVariant &sortKey)
{
    return desk::sortableCell(text, sortKey, kSortRole);
}

QTableView *makeTable(const QString &objectName, QStandardItemModel *model, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(kSortRole);
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    return table;
}

} // namespace

ShiftReportPage::ShiftReportPage(SalesDesk &desk, QWidget *parent) : DeskPage(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("shiftReportPage"));
    buildUi();
    retranslate();
}

QString ShiftReportPage::pageTitle() const
{
    return tr("Shift report");
}

void ShiftReportPage::buildUi()
{
    m_staffLabel = new QLabel(this);
    m_staffCombo = new QComboBox(this);
    m_staffCombo->setObjectName(QStringLiteral("reportStaffComboBox"));
    m_staffLabel->setBuddy(m_staffCombo);
    m_fromLabel = new QLabel(this);
    m_fromDateEdit = new QDateEdit(this);
    m_fromDateEdit->setObjectName(QStringLiteral("reportFromDateEdit"));
    m_fromLabel->setBuddy(m_fromDateEdit);
    m_toLabel = new QLabel(this);
    m_toDateEdit = new QDateEdit(this);
    m_toDateEdit->setObjectName(QStringLiteral("reportToDateEdit"));
    m_toLabel->setBuddy(m_toDateEdit);
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_showButton = new QPushButton(this);
    m_showButton->setObjectName(QStringLiteral("showReportPushButton"));
    m_showButton->setDefault(true);
    m_showButton->setShortcut(QKeySequence(Qt::Key_F5));
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportCsvPushButton"));
    m_exportButton->setEnabled(false);
    connect(m_showButton, &QPushButton::clicked, this, &ShiftReportPage::showReport);
    connect(m_exportButton, &QPushButton::clicked, this, &ShiftReportPage::exportCsvAs);

    m_productsLabel = new QLabel(this);
    m_productModel = new QStandardItemModel(this);
    m_productTable = makeTable(QStringLiteral("productTotalsTableView"), m_productModel, this);
    m_paymentsLabel = new QLabel(this);
    m_paymentModel = new QStandardItemModel(this);
    m_paymentTable = makeTable(QStringLiteral("paymentTotalsTableView"), m_paymentModel, this);
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(QStringLiteral("reportTotalLabel"));
    m_totalLabel->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_staffLabel);
    filters->addWidget(m_staffCombo, 1);
    filters->addWidget(m_fromLabel);
    filters->addWidget(m_fromDateEdit);
    filters->addWidget(m_toLabel);
    filters->addWidget(m_toDateEdit);
    filters->addWidget(m_showButton);
    filters->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_productsLabel);
    layout->addWidget(m_productTable, 2);
    layout->addWidget(m_paymentsLabel);
    layout->addWidget(m_paymentTable, 1);
    layout->addWidget(m_totalLabel);
}

void ShiftReportPage::retranslate()
{
    m_staffLabel->setText(tr("S&taff:"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("T&o:"));
    m_showButton->setText(tr("&Show"));
    m_exportButton->setText(tr("&Export CSV"));
    m_productsLabel->setText(tr("By product"));
    m_paymentsLabel->setText(tr("By payment method"));
    const QStringList headers {
        tr("Item"), tr("Sales"), tr("Amount (yuan)"), tr("Refunds"), tr("Refunded (yuan)"), tr("Net (yuan)")};
    m_productModel->setHorizontalHeaderLabels(headers);
    m_paymentModel->setHorizontalHeaderLabels(headers);
}

void ShiftReportPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_report)
            showReport();
    }
    DeskPage::changeEvent(event);
}

void ShiftReportPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_report.reset();
    m_exportButton->setEnabled(false);
    m_productModel->removeRows(0, m_productModel->rowCount());
    m_paymentModel->removeRows(0, m_paymentModel->rowCount());
    m_totalLabel->clear();
    m_staffCombo->clear();
    m_staffCombo->addItem(session.displayName.isEmpty() ? session.username : session.displayName, session.staffId);
    const bool mayPick = session.may(Permission::ViewShiftReports);
    if (mayPick) {
        Result<QList<StaffChoice>> staff = m_desk.reportStaff(session);
        for (const StaffChoice &choice : staff.value_or(QList<StaffChoice>())) {
            if (choice.id != session.staffId)
                m_staffCombo->addItem(choice.displayName, choice.id);
        }
    }
    m_staffCombo->setEnabled(mayPick);
    const QDate today = m_desk.siteToday();
    m_fromDateEdit->setDate(today);
    m_toDateEdit->setDate(today);
}

void ShiftReportPage::showReport()
{
    const QTimeZone zone = m_desk.siteTimeZone();
    const qint64 fromMs = QDateTime(m_fromDateEdit->date(), QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(m_toDateEdit->date().addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
    Result<ShiftReport> report = m_desk.shiftReport(m_session, m_staffCombo->currentData().toString(), fromMs, toMs);
    if (!report) {
        m_report.reset();
        m_exportButton->setEnabled(false);
        m_totalLabel->setText(report.error().message);
        emit statusMessage(report.error().message);
        return;
    }
    m_report = *report;
    fillTable(m_productModel, m_report->byProduct);
    fillTable(m_paymentModel, m_report->byPayment);
    m_totalLabel->setText(
        tr("%1: %n sale(s), %2 yuan; refunds %3 yuan; net %4 yuan.", nullptr, m_report->total.saleCount)
            .arg(m_report->staffName, yuanText(m_report->total.salesFen), yuanText(m_report->total.refundsFen),
                yuanText(m_report->total.netFen())));
    m_exportButton->setEnabled(true);
}

void ShiftReportPage::fillTable(QStandardItemModel *model, const QList<ShiftTotal> &totals)
{
    model->removeRows(0, model->rowCount());
    for (const ShiftTotal &total : totals) {
        model->appendRow({cell(total.label, total.label), cell(QString::number(total.saleCount), total.saleCount),
            cell(yuanText(total.salesFen), total.salesFen), cell(QString::number(total.refundCount), total.refundCount),
            cell(yuanText(total.refundsFen), total.refundsFen), cell(yuanText(total.netFen()), total.netFen())});
    }
}

Status ShiftReportPage::exportCsv(const QString &path) const
{
    if (!m_report)
        return fail(ErrorCode::NotFound, tr("Show a report first."));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(exportShiftReportCsv(*m_report)) < 0
        || !file.flush())
        return fail(ErrorCode::Io, tr("The report could not be saved to %1: %2").arg(path, file.errorString()),
            QStringLiteral("path"));
    return {};
}

void ShiftReportPage::exportCsvAs()
{
    if (!m_report)
        return;
    const QString name
        = QStringLiteral("shift-%1-%2.csv")
              .arg(m_fromDateEdit->date().toString(Qt::ISODate), m_toDateEdit->date().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export shift report"), name, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Status saved = exportCsv(path);
    const QString message = saved ? tr("Report saved to %1.").arg(path) : saved.error().message;
    m_totalLabel->setText(message);
    emit statusMessage(message);
}

} // namespace gymgate
