// The reports page offscreen over the real SqlReportDesk and a real SQLite file with a small
// hand-made month: pick a report, a grouping and the days and the table and chart follow; sort
// with the total kept last; a refused range clears the table and says why; CSV and PDF export
// what is shown; a guest is refused.
#include "core/Clock.h"
#include "store/SettingRepository.h"
#include "store/SqlReportDesk.h"
#include "store/StoreTestSupport.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/ReportChart.h"
#include "ui/desk/ReportsPage.h"

#include <QAbstractItemModel>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTest>

#include "desk/DeskPageTestSupport.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

const QTimeZone kShanghai("Asia/Shanghai");

qint64 localMs(QDate day, int hour, int minute)
{
    return QDateTime(day, QTime(hour, minute), kShanghai).toMSecsSinceEpoch();
}

// The row whose first column shows `label`, or -1.
int rowOf(QTableView *table, const QString &label)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data().toString() == label)
            return row;
    }
    return -1;
}

QStringList comboTexts(QComboBox *combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

// Counts the reports the page asks for.
class CountingReportDesk : public ReportDesk {
public:
    explicit CountingReportDesk(ReportDesk &inner) : m_inner(inner) { }

    Result<ReportTable> run(const StaffSession &session, const ReportQuery &query) override
    {
        ++runs;
        return m_inner.run(session, query);
    }
    QTimeZone siteTimeZone() const override { return m_inner.siteTimeZone(); }
    QDate siteToday() const override { return m_inner.siteToday(); }
    QDateTime siteNow() const override { return m_inner.siteNow(); }

    int runs = 0;

private:
    ReportDesk &m_inner;
};

} // namespace

class TestReportsPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void dimensionsFollowTheMetric();
    void periodPresetsSetTheDates();
    void changesRunOnceAfterAPause();
    void entriesByDayWithTotalLastWhenSorted();
    void entriesByZone();
    void peakHoursShadeTheBusyCells();
    void revenueByProductInYuan();
    void refusedRangeShowsTheErrorAndNoTable();
    void csvExportIsTheShownTable();
    void pdfExport();
    void guestIsRefused();

private:
    void exec(const QString &sql, const QVariantList &binds);
    void insertData();
    void insertEntry(const QString &id, const QString &memberId, const QString &status, qint64 atMs);
    // Chooses a report by its controls and waits for it to show.
    bool showReport(ReportsPage &page, ReportMetric metric, ReportDimension dimension, QDate from, QDate to);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlReportDesk> m_desk;
};

void TestReportsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openDatabase(m_dir->filePath(QStringLiteral("desk.db")));
    QVERIFY(m_db);
    QVERIFY(SettingRepository(*m_db).setValue(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")));
    // Wednesday 2026-04-01, 10:00 at the site.
    m_clock = std::make_unique<ManualClock>(localMs(QDate(2026, 4, 1), 10, 0));
    m_desk = std::make_unique<SqlReportDesk>(*m_db, *m_clock);
    insertData();
}

void TestReportsPage::cleanup()
{
    m_desk.reset();
    m_db.reset();
    m_dir.reset();
}

void TestReportsPage::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db->connection());
    QVERIFY2(query.prepare(sql), qPrintable(query.lastError().text()));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

void TestReportsPage::insertEntry(const QString &id, const QString &memberId, const QString &status, qint64 atMs)
{
    const bool passed = status == QStringLiteral("passed");
    exec(QStringLiteral("INSERT INTO entry (id, zone_id, direction, member_id, status, reason, decided_at, passed_at) "
                        "VALUES (?, 'v-floor', 'in', ?, ?, ?, ?, ?)"),
        {id, memberId.isEmpty() ? QVariant() : QVariant(memberId), status,
            passed ? QStringLiteral("granted") : QStringLiteral("card.expired"), atMs,
            passed ? QVariant(atMs) : QVariant()});
}

// March 2026 at one gym floor. Check-ins: Mon 03-02 at 18:10, 18:40 (two members) and 19:05;
// Tue 03-03 07:30; Sat 03-07 10:15; Tue 03-31 23:30 (the last minutes of the month). A denial on
// 03-07. Just outside: 02-28 23:59 and 04-01 00:00. Sales: 10 visits 800.00 on 03-02, a month
// card 300.00 on 03-05 of which 100.00 refunded on 03-06.
void TestReportsPage::insertData()
{
    const QString venue = QStringLiteral("INSERT INTO venue (id, name, kind, capacity, status, created_at, updated_at) "
                                         "VALUES (?, ?, ?, 20, 'open', 0, 0)");
    exec(venue, {QStringLiteral("v-floor"), QStringLiteral("Gym floor"), QStringLiteral("gym_floor")});
    exec(venue, {QStringLiteral("v-studio"), QStringLiteral("Studio A"), QStringLiteral("studio")});
    const QString member
        = QStringLiteral("INSERT INTO member (id, member_no, name, phone_cipher, phone_hash, phone_mask, "
                         "created_at, updated_at) VALUES (?, ?, ?, x'00', ?, '138****0000', ?, 0)");
    exec(member,
        {QStringLiteral("m1"), QStringLiteral("M1000000001"), QStringLiteral("Li Na"), QByteArray("h1"),
            localMs(QDate(2026, 1, 5), 9, 0)});
    exec(member,
        {QStringLiteral("m2"), QStringLiteral("M1000000002"), QStringLiteral("Zhang Wei"), QByteArray("h2"),
            localMs(QDate(2026, 3, 2), 9, 0)});

    const QDate monday(2026, 3, 2);
    const QString passed = QStringLiteral("passed");
    insertEntry(QStringLiteral("e1"), QStringLiteral("m1"), passed, localMs(monday, 18, 10));
    insertEntry(QStringLiteral("e2"), QStringLiteral("m2"), passed, localMs(monday, 18, 40));
    insertEntry(QStringLiteral("e3"), QStringLiteral("m1"), passed, localMs(monday, 19, 5));
    insertEntry(QStringLiteral("e4"), QStringLiteral("m2"), passed, localMs(QDate(2026, 3, 3), 7, 30));
    insertEntry(QStringLiteral("e5"), QStringLiteral("m1"), passed, localMs(QDate(2026, 3, 7), 10, 15));
    insertEntry(QStringLiteral("e6"), QString(), QStringLiteral("denied"), localMs(QDate(2026, 3, 7), 10, 20));
    insertEntry(QStringLiteral("e7"), QStringLiteral("m2"), passed, localMs(QDate(2026, 3, 31), 23, 30));
    insertEntry(QStringLiteral("e8"), QStringLiteral("m1"), passed, localMs(QDate(2026, 2, 28), 23, 59));
    insertEntry(QStringLiteral("e9"), QStringLiteral("m1"), passed, localMs(QDate(2026, 4, 1), 0, 0));

    const QString product
        = QStringLiteral("INSERT INTO card_product (id, name, kind, price_fen, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, 0, 0)");
    exec(product, {QStringLiteral("p-ten"), QStringLiteral("10 visits"), QStringLiteral("count"), 80'000});
    exec(product, {QStringLiteral("p-month"), QStringLiteral("Month card"), QStringLiteral("time"), 30'000});
    const QString sale = QStringLiteral("INSERT INTO sale (id, receipt_no, member_id, product_id, kind, amount_fen, "
                                        "payment_method, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    exec(sale,
        {QStringLiteral("s1"), QStringLiteral("R1"), QStringLiteral("m1"), QStringLiteral("p-ten"),
            QStringLiteral("sale"), 80'000, QStringLiteral("cash"), localMs(monday, 10, 5)});
    exec(sale,
        {QStringLiteral("s2"), QStringLiteral("R2"), QStringLiteral("m2"), QStringLiteral("p-month"),
            QStringLiteral("sale"), 30'000, QStringLiteral("wechat_pay"), localMs(QDate(2026, 3, 5), 11, 0)});
    exec(sale,
        {QStringLiteral("s3"), QStringLiteral("R3"), QStringLiteral("m2"), QStringLiteral("p-month"),
            QStringLiteral("refund"), -10'000, QStringLiteral("wechat_pay"), localMs(QDate(2026, 3, 6), 11, 0)});
}

bool TestReportsPage::showReport(
    ReportsPage &page, ReportMetric metric, ReportDimension dimension, QDate from, QDate to)
{
    auto *metrics = requiredChild<QComboBox>(&page, "reportMetricComboBox");
    auto *dimensions = requiredChild<QComboBox>(&page, "reportDimensionComboBox");
    metrics->setCurrentIndex(metrics->findData(int(metric)));
    dimensions->setCurrentIndex(dimensions->findData(int(dimension)));
    requiredChild<QDateEdit>(&page, "reportFromDateEdit")->setDate(from);
    requiredChild<QDateEdit>(&page, "reportToDateEdit")->setDate(to);
    return QTest::qWaitFor([&] {
        const ReportTable &shown = page.report();
        return shown.metric == metric && shown.dimension == dimension && shown.range.from == from
            && shown.range.to == to;
    });
}

void TestReportsPage::dimensionsFollowTheMetric()
{
    ReportsPage page(*m_desk);
    QCOMPARE(page.pageTitle(), QStringLiteral("Reports"));
    QCOMPARE(page.requiredPermission(), Permission::ViewReports);
    page.setSession(sessionFor(StaffRole::Staff));
    auto *metrics = requiredChild<QComboBox>(&page, "reportMetricComboBox");
    auto *dimensions = requiredChild<QComboBox>(&page, "reportDimensionComboBox");
    QCOMPARE(comboTexts(metrics),
        QStringList({QStringLiteral("Entries"), QStringLiteral("Denials by reason"), QStringLiteral("Bookings"),
            QStringLiteral("Revenue"), QStringLiteral("Members"), QStringLiteral("Peak hours")}));
    QCOMPARE(comboTexts(dimensions),
        QStringList({QStringLiteral("Day"), QStringLiteral("Week"), QStringLiteral("Month"),
            QStringLiteral("Hour of day"), QStringLiteral("Venue"), QStringLiteral("Zone"), QStringLiteral("Card kind"),
            QStringLiteral("Product"), QStringLiteral("Staff")}));

    dimensions->setCurrentIndex(dimensions->findText(QStringLiteral("Week")));
    metrics->setCurrentIndex(metrics->findText(QStringLiteral("Revenue")));
    QCOMPARE(comboTexts(dimensions),
        QStringList(
            {QStringLiteral("Day"), QStringLiteral("Week"), QStringLiteral("Month"), QStringLiteral("Hour of day"),
                QStringLiteral("Card kind"), QStringLiteral("Product"), QStringLiteral("Staff")}));
    QCOMPARE(dimensions->currentText(), QStringLiteral("Week")); // still allowed: kept
    metrics->setCurrentIndex(metrics->findText(QStringLiteral("Peak hours")));
    QCOMPARE(comboTexts(dimensions), QStringList({QStringLiteral("Hour of day")}));
    metrics->setCurrentIndex(metrics->findText(QStringLiteral("Members")));
    QCOMPARE(
        comboTexts(dimensions), QStringList({QStringLiteral("Day"), QStringLiteral("Week"), QStringLiteral("Month")}));
    QCOMPARE(dimensions->currentText(), QStringLiteral("Day")); // hour is gone: the default
}

void TestReportsPage::periodPresetsSetTheDates()
{
    ReportsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    auto *periods = requiredChild<QComboBox>(&page, "reportPeriodComboBox");
    auto *from = requiredChild<QDateEdit>(&page, "reportFromDateEdit");
    auto *to = requiredChild<QDateEdit>(&page, "reportToDateEdit");
    QCOMPARE(from->displayFormat(), QStringLiteral("yyyy-MM-dd"));
    QVERIFY(from->calendarPopup());
    QCOMPARE(periods->currentText(), QStringLiteral("This month"));
    QCOMPARE(from->date(), QDate(2026, 4, 1)); // today is the first
    const auto expect = [&](const char *period, QDate first, QDate last) {
        periods->setCurrentIndex(periods->findText(QString::fromLatin1(period)));
        return from->date() == first && to->date() == last;
    };
    QVERIFY(expect("Today", QDate(2026, 4, 1), QDate(2026, 4, 1)));
    QVERIFY(expect("Yesterday", QDate(2026, 3, 31), QDate(2026, 3, 31)));
    QVERIFY(expect("This week", QDate(2026, 3, 30), QDate(2026, 4, 1)));
    QVERIFY(expect("Last week", QDate(2026, 3, 23), QDate(2026, 3, 29)));
    QVERIFY(expect("Last month", QDate(2026, 3, 1), QDate(2026, 3, 31)));
    QVERIFY(expect("Last 30 days", QDate(2026, 3, 3), QDate(2026, 4, 1)));
    QVERIFY(expect("This year", QDate(2026, 1, 1), QDate(2026, 4, 1)));
    QVERIFY(expect("Next 30 days", QDate(2026, 4, 1), QDate(2026, 4, 30)));
    // Typing a date makes the period custom.
    from->setDate(QDate(2026, 2, 1));
    QCOMPARE(periods->currentText(), QStringLiteral("Custom"));
    QCOMPARE(to->date(), QDate(2026, 4, 30)); // kept from the last preset
}

void TestReportsPage::changesRunOnceAfterAPause()
{
    CountingReportDesk desk(*m_desk);
    ReportsPage page(desk);
    page.setSession(sessionFor(StaffRole::Staff));
    QTRY_COMPARE(desk.runs, 1); // this month, at login
    QCOMPARE(page.report().range.from, QDate(2026, 4, 1));

    // Three changes in a row make one run, with all three.
    auto *metrics = requiredChild<QComboBox>(&page, "reportMetricComboBox");
    metrics->setCurrentIndex(metrics->findData(int(ReportMetric::Revenue)));
    auto *dimensions = requiredChild<QComboBox>(&page, "reportDimensionComboBox");
    dimensions->setCurrentIndex(dimensions->findData(int(ReportDimension::Month)));
    requiredChild<QDateEdit>(&page, "reportFromDateEdit")->setDate(QDate(2026, 1, 1));
    QCOMPARE(desk.runs, 1);
    QTRY_COMPARE(desk.runs, 2);
    QTest::qWait(2 * ReportsPage::kRunDelayMs);
    QCOMPARE(desk.runs, 2);
    QCOMPARE(page.report().metric, ReportMetric::Revenue);
    QCOMPARE(page.report().rows.size(), 4); // January to April

    // The chart's column is no query: nothing runs.
    auto *chartColumns = requiredChild<QComboBox>(&page, "reportChartColumnComboBox");
    chartColumns->setCurrentIndex(chartColumns->findData(QStringLiteral("sales")));
    QTest::qWait(2 * ReportsPage::kRunDelayMs);
    QCOMPARE(desk.runs, 2);
    // The button runs at once.
    QTest::mouseClick(requiredChild<QPushButton>(&page, "runPushButton"), Qt::LeftButton);
    QCOMPARE(desk.runs, 3);
}

void TestReportsPage::entriesByDayWithTotalLastWhenSorted()
{
    ReportsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    page.show();
    auto *periods = requiredChild<QComboBox>(&page, "reportPeriodComboBox");
    periods->setCurrentIndex(periods->findText(QStringLiteral("Last month")));
    auto *table = requiredChild<QTableView>(&page, "reportTableView");
    QTRY_COMPARE(page.report().range.to, QDate(2026, 3, 31));
    QTRY_COMPARE(table->model()->rowCount(), 32); // 31 days and the total
    QVERIFY2(requiredChild<QLabel>(&page, "reportErrorLabel")->text().isEmpty(),
        qPrintable(requiredChild<QLabel>(&page, "reportErrorLabel")->text()));
    QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Day"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Day")), QStringLiteral("2026-03-01"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Check-ins")), QStringLiteral("0"));
    QCOMPARE(cellText(table, 1, QStringLiteral("Check-ins")), QStringLiteral("3"));
    QCOMPARE(cellText(table, 1, QStringLiteral("Unique members")), QStringLiteral("2"));
    QCOMPARE(cellText(table, 6, QStringLiteral("Denied")), QStringLiteral("1"));
    QCOMPARE(cellText(table, 30, QStringLiteral("Check-ins")), QStringLiteral("1"));
    QCOMPARE(cellText(table, 31, QStringLiteral("Day")), QStringLiteral("Total"));
    QCOMPARE(cellText(table, 31, QStringLiteral("Check-ins")), QStringLiteral("6"));
    QCOMPARE(cellText(table, 31, QStringLiteral("Denied")), QStringLiteral("1"));
    QCOMPARE(cellText(table, 31, QStringLiteral("Unique members")), QStringLiteral("2"));
    const QString summary = requiredChild<QLabel>(&page, "reportSummaryLabel")->text();
    QVERIFY2(
        summary.contains(QStringLiteral("31 row")) /* "rows" with the English plural forms */, qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("2026-03-01 – 2026-03-31 (Asia/Shanghai)")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("6 check-in")), qPrintable(summary));

    // Busiest day first; the total stays last either way.
    table->sortByColumn(columnOf(table, QStringLiteral("Check-ins")), Qt::DescendingOrder);
    QCOMPARE(cellText(table, 0, QStringLiteral("Day")), QStringLiteral("2026-03-02"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Check-ins")), QStringLiteral("3"));
    QCOMPARE(cellText(table, 31, QStringLiteral("Day")), QStringLiteral("Total"));
    QCOMPARE(cellText(table, 31, QStringLiteral("Check-ins")), QStringLiteral("6"));
    table->sortByColumn(columnOf(table, QStringLiteral("Check-ins")), Qt::AscendingOrder);
    QCOMPARE(cellText(table, 30, QStringLiteral("Day")), QStringLiteral("2026-03-02"));
    QCOMPARE(cellText(table, 31, QStringLiteral("Day")), QStringLiteral("Total"));

    // A month of days charts as 31 bars of check-ins.
    QChart *chart = requiredChild<QChartView>(&page, "reportChartView")->chart();
    QCOMPARE(chart->series().size(), 1);
    auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->barSets().first()->count(), 31);
    QCOMPARE(bars->barSets().first()->at(1), 3.0);
    // The caller picks the column.
    auto *chartColumns = requiredChild<QComboBox>(&page, "reportChartColumnComboBox");
    chartColumns->setCurrentIndex(chartColumns->findData(QStringLiteral("denied")));
    bars = qobject_cast<QAbstractBarSeries *>(
        requiredChild<QChartView>(&page, "reportChartView")->chart()->series().first());
    QCOMPARE(bars->barSets().first()->at(6), 1.0);
}

void TestReportsPage::entriesByZone()
{
    ReportsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    QVERIFY(showReport(page, ReportMetric::Entries, ReportDimension::Zone, QDate(2026, 3, 1), QDate(2026, 3, 31)));
    auto *table = requiredChild<QTableView>(&page, "reportTableView");
    const int floor = rowOf(table, QStringLiteral("Gym floor"));
    QVERIFY(floor >= 0);
    QCOMPARE(cellText(table, floor, QStringLiteral("Check-ins")), QStringLiteral("6"));
    QCOMPARE(cellText(table, floor, QStringLiteral("Denied")), QStringLiteral("1"));
    QCOMPARE(cellText(table, table->model()->rowCount() - 1, QStringLiteral("Check-ins")), QStringLiteral("6"));
}

void TestReportsPage::peakHoursShadeTheBusyCells()
{
    ReportsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    // Coming from entries, whose chart shows check-ins too: peak hours start with their own default.
    QVERIFY(showReport(page, ReportMetric::Entries, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 31)));
    QVERIFY(showReport(page, ReportMetric::PeakHours, ReportDimension::Hour, QDate(2026, 3, 1), QDate(2026, 3, 31)));
    auto *table = requiredChild<QTableView>(&page, "reportTableView");
    QCOMPARE(table->model()->rowCount(), 25);
    QCOMPARE(cellText(table, 18, QStringLiteral("Mon")), QStringLiteral("2"));
    QCOMPARE(cellText(table, 18, QStringLiteral("Check-ins")), QStringLiteral("2"));
    QCOMPARE(cellText(table, 7, QStringLiteral("Tue")), QStringLiteral("1"));
    QCOMPARE(cellText(table, 23, QStringLiteral("Tue")), QStringLiteral("1"));
    QCOMPARE(cellText(table, 10, QStringLiteral("Sat")), QStringLiteral("1"));
    QCOMPARE(cellText(table, 24, QStringLiteral("Check-ins")), QStringLiteral("6"));
    const QString summary = requiredChild<QLabel>(&page, "reportSummaryLabel")->text();
    QVERIFY2(summary.contains(QStringLiteral("busiest hour 18:00 (2 check-in")), qPrintable(summary));

    // The busiest cell is the darkest; empty cells and other columns are not shaded.
    const int mon = columnOf(table, QStringLiteral("Mon"));
    const auto shade = [table](int row, int column) {
        return table->model()->index(row, column).data(Qt::BackgroundRole).value<QColor>();
    };
    QVERIFY(shade(18, mon).isValid());
    QVERIFY(shade(19, mon).isValid());
    QVERIFY(shade(18, mon).alpha() > shade(19, mon).alpha());
    QVERIFY(!shade(3, mon).isValid());
    QVERIFY(!shade(18, columnOf(table, QStringLiteral("Check-ins"))).isValid());
    QVERIFY(!shade(24, mon).isValid()); // the total

    auto *stack = qobject_cast<QStackedBarSeries *>(
        requiredChild<QChartView>(&page, "reportChartView")->chart()->series().first());
    QVERIFY(stack);
    QCOMPARE(stack->barSets().size(), 7);
    QCOMPARE(stack->barSets().first()->at(18), 2.0);
}

void TestReportsPage::revenueByProductInYuan()
{
    ReportsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Admin));
    QVERIFY(showReport(page, ReportMetric::Revenue, ReportDimension::Product, QDate(2026, 3, 1), QDate(2026, 3, 31)));
    auto *table = requiredChild<QTableView>(&page, "reportTableView");
    const int ten = rowOf(table, QStringLiteral("10 visits"));
    const int month = rowOf(table, QStringLiteral("Month card"));
    QVERIFY(ten >= 0 && month >= 0);
    QCOMPARE(cellText(table, ten, QStringLiteral("Net revenue")), QStringLiteral("800.00"));
    QCOMPARE(cellText(table, month, QStringLiteral("Net revenue")), QStringLiteral("200.00"));
    QCOMPARE(cellText(table, month, QStringLiteral("Refunded")), QStringLiteral("100.00"));
    const int total = table->model()->rowCount() - 1;
    QCOMPARE(cellText(table, total, QStringLiteral("Product")), QStringLiteral("Total"));
    QCOMPARE(cellText(table, total, QStringLiteral("Net revenue")), QStringLiteral("1000.00"));
    QCOMPARE(cellText(table, total, QStringLiteral("Cash")), QStringLiteral("800.00"));
    QCOMPARE(cellText(table, total, QStringLiteral("WeChat Pay")), QStringLiteral("200.00"));
}

void TestReportsPage::refusedRangeShowsTheErrorAndNoTable()
{
    ReportsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    QVERIFY(showReport(page, ReportMetric::Entries, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 31)));
    auto *table = requiredChild<QTableView>(&page, "reportTableView");
    auto *error = requiredChild<QLabel>(&page, "reportErrorLabel");
    QCOMPARE(table->model()->rowCount(), 32);
    QVERIFY(requiredChild<QPushButton>(&page, "exportCsvPushButton")->isEnabled());

    // More than 366 days.
    requiredChild<QDateEdit>(&page, "reportFromDateEdit")->setDate(QDate(2025, 1, 1));
    const Status tooLong
        = checkReportQuery({ReportMetric::Entries, ReportDimension::Day, QDate(2025, 1, 1), QDate(2026, 3, 31)});
    QVERIFY(!tooLong);
    QTRY_COMPARE(error->text(), tooLong.error().message);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(page.report().rows.isEmpty());
    QVERIFY(requiredChild<QChartView>(&page, "reportChartView")->chart()->series().isEmpty());
    QVERIFY(!requiredChild<QPushButton>(&page, "exportCsvPushButton")->isEnabled());
    QCOMPARE(page.exportCsv(m_dir->filePath(QStringLiteral("none.csv"))).error().code, ErrorCode::NotFound);

    // The last day before the first.
    requiredChild<QDateEdit>(&page, "reportFromDateEdit")->setDate(QDate(2026, 3, 10));
    requiredChild<QDateEdit>(&page, "reportToDateEdit")->setDate(QDate(2026, 3, 9));
    const Status backwards
        = checkReportQuery({ReportMetric::Entries, ReportDimension::Day, QDate(2026, 3, 10), QDate(2026, 3, 9)});
    QVERIFY(!backwards);
    QVERIFY(backwards.error().message != tooLong.error().message);
    QTRY_COMPARE(error->text(), backwards.error().message);
    QCOMPARE(table->model()->rowCount(), 0);

    // Fixed by hand with the Run button: the error goes.
    requiredChild<QDateEdit>(&page, "reportToDateEdit")->setDate(QDate(2026, 3, 12));
    QTest::mouseClick(requiredChild<QPushButton>(&page, "runPushButton"), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 4);
    QVERIFY(error->text().isEmpty());
}

void TestReportsPage::csvExportIsTheShownTable()
{
    ReportsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    QVERIFY(showReport(page, ReportMetric::Entries, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 31)));
    auto *table = requiredChild<QTableView>(&page, "reportTableView");
    table->sortByColumn(columnOf(table, QStringLiteral("Check-ins")), Qt::DescendingOrder);

    const QString path = m_dir->filePath(QStringLiteral("entries.csv"));
    QVERIFY(page.exportCsv(path));
    const QByteArray csv = readFile(path);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(csv, reportToCsv(page.shownReport()));
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.at(0),
        QByteArray("\xEF\xBB\xBF"
                   "Day,Check-ins,Denied,Unique members\r"));
    QCOMPARE(lines.at(1), QByteArray("2026-03-02,3,0,2\r")); // in the order shown
    QCOMPARE(lines.at(32), QByteArray("Total,6,1,2\r"));

    // Unwritable: an Io error naming the path.
    const QString bad = m_dir->filePath(QStringLiteral("missing/entries.csv"));
    const Status failed = page.exportCsv(bad);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::Io);
    QVERIFY(failed.error().message.contains(bad));
}

void TestReportsPage::pdfExport()
{
    ReportsPage page(*m_desk);
    page.setSiteTitle(QStringLiteral("Iron Temple Fitness"));
    page.setSession(sessionFor(StaffRole::Staff));
    QVERIFY(showReport(page, ReportMetric::Entries, ReportDimension::Week, QDate(2026, 3, 1), QDate(2026, 3, 31)));
    const QString path = m_dir->filePath(QStringLiteral("entries.pdf"));
    QVERIFY(page.exportPdf(path));
    const QByteArray pdf = readFile(path);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 1000);
    if (havePdfToText()) // the time printed is the desk's clock's, in the site's zone
        QVERIFY(pdfText(path).contains(QStringLiteral("2026-04-01 10:00")));
    QCOMPARE(page.exportPdf(m_dir->filePath(QStringLiteral("missing/entries.pdf"))).error().code, ErrorCode::Io);
}

void TestReportsPage::guestIsRefused()
{
    ReportsPage page(*m_desk);
    const StaffSession guest = sessionFor(StaffRole::Guest);
    page.setSession(guest);
    const Status denied = requirePermission(guest, Permission::ViewReports);
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    auto *error = requiredChild<QLabel>(&page, "reportErrorLabel");
    QTRY_COMPARE(error->text(), denied.error().message);
    QCOMPARE(requiredChild<QTableView>(&page, "reportTableView")->model()->rowCount(), 0);
    QVERIFY(!requiredChild<QPushButton>(&page, "exportPdfPushButton")->isEnabled());

    // Log out: nothing runs, nothing shows.
    page.setSession(StaffSession());
    QVERIFY(error->text().isEmpty());
    QTest::mouseClick(requiredChild<QPushButton>(&page, "runPushButton"), Qt::LeftButton);
    QVERIFY(error->text().isEmpty());
}

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
