// The dashboard offscreen over the real SqlDashboardSource and a real SQLite file: a hand-built
// day (venues, people inside, entries and denials at known hours, sales, classes, maintenance)
// and the exact figures the page shows; refusal for roles without reports, refresh by button and
// by timer, and a failed refresh that keeps the last figures.
#include "core/Clock.h"
#include "core/Report.h"
#include "store/SettingRepository.h"
#include "store/SqlDashboardSource.h"
#include "store/StoreTestSupport.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/DashboardPage.h"
#include "ui/desk/SyncStatusLabel.h"

#include <QAbstractItemModel>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "desk/DeskPageTestSupport.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

const QTimeZone kShanghai("Asia/Shanghai");
const QDate kToday(2026, 3, 2);

// UTC ms of a local time today (or `days` later) at the site.
qint64 localMs(int hour, int minute, int days = 0)
{
    return QDateTime(kToday.addDays(days), QTime(hour, minute), kShanghai).toMSecsSinceEpoch();
}

// The text in `header` of the row whose `keyHeader` shows `key`.
QString cellOf(QTableView *table, const QString &keyHeader, const QString &key, const QString &header)
{
    const int row = rowOf(table, keyHeader, key);
    return row < 0 ? QStringLiteral("<no row %1>").arg(key) : cellText(table, row, header);
}

QStringList listTexts(QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

} // namespace

class TestDashboardPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsTodaysFigures();
    void onlyStaffWithReportsSeeIt();
    void refreshPicksUpNewEntries();
    void refreshesOnTimerOnlyWhileVisible();
    void failedRefreshKeepsTheLastFigures();
    void logOutClearsEverything();

private:
    void exec(const QString &sql, const QVariantList &binds = {});
    void insertVenues();
    void insertEntries();
    void insertSales();
    void insertClasses();
    void insertMaintenance();
    void insertEntry(
        const QString &id, const QString &direction, const QString &status, const QString &reason, qint64 decidedAtMs);
    QBarSet *barSet(DashboardPage &page, int index);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlDashboardSource> m_source;
};

void TestDashboardPage::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db->connection());
    QVERIFY2(query.prepare(sql), qPrintable(query.lastError().text()));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    QVERIFY2(query.exec(), qPrintable(sql + QStringLiteral(": ") + query.lastError().text()));
}

void TestDashboardPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openDatabase(m_dir->filePath(QStringLiteral("desk.db")));
    QVERIFY(m_db);
    QVERIFY(SettingRepository(*m_db).setValue(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")));
    m_clock = std::make_unique<ManualClock>(localMs(15, 30));
    m_source = std::make_unique<SqlDashboardSource>(*m_db, *m_clock);
    insertVenues();
    insertEntries();
    insertSales();
    insertClasses();
    insertMaintenance();
}

void TestDashboardPage::cleanup()
{
    m_source.reset();
    m_db.reset();
    m_dir.reset();
}

// Four venues: two with people inside, one closed for maintenance by hand.
void TestDashboardPage::insertVenues()
{
    const QString venue = QStringLiteral("INSERT INTO venue (id, name, kind, capacity, status, created_at, updated_at) "
                                         "VALUES (?, ?, ?, ?, ?, 0, 0)");
    exec(venue,
        {QStringLiteral("v-floor"), QStringLiteral("Gym floor"), QStringLiteral("gym_floor"), 40,
            QStringLiteral("open")});
    exec(venue,
        {QStringLiteral("v-studio"), QStringLiteral("Studio A"), QStringLiteral("studio"), 20, QStringLiteral("open")});
    exec(venue, {QStringLiteral("v-pool"), QStringLiteral("Pool"), QStringLiteral("pool"), 30, QStringLiteral("open")});
    exec(venue,
        {QStringLiteral("v-court"), QStringLiteral("Court"), QStringLiteral("court"), 0,
            QStringLiteral("maintenance")});
    const QString inside = QStringLiteral("INSERT INTO zone_occupancy (zone_id, inside, updated_at) VALUES (?, ?, 0)");
    exec(inside, {QStringLiteral("v-floor"), 12});
    exec(inside, {QStringLiteral("v-studio"), 5});
}

void TestDashboardPage::insertEntry(
    const QString &id, const QString &direction, const QString &status, const QString &reason, qint64 decidedAtMs)
{
    exec(QStringLiteral("INSERT INTO entry (id, zone_id, direction, status, reason, decided_at, passed_at) "
                        "VALUES (?, 'v-floor', ?, ?, ?, ?, ?)"),
        {id, direction, status, reason, decidedAtMs,
            status == QStringLiteral("passed") ? QVariant(decidedAtMs) : QVariant()});
}

// Check-ins at 08 (2) and 09 (1); denials at 08 (card expired) and 14 (expired, no visits).
// An exit, a pending entry and yesterday's check-in are no check-ins of today.
void TestDashboardPage::insertEntries()
{
    const QString in = QStringLiteral("in");
    const QString passed = QStringLiteral("passed");
    const QString denied = QStringLiteral("denied");
    const QString granted = QStringLiteral("granted");
    insertEntry(QStringLiteral("e1"), in, passed, granted, localMs(8, 10));
    insertEntry(QStringLiteral("e2"), in, passed, granted, localMs(8, 20));
    insertEntry(QStringLiteral("e3"), in, denied, QStringLiteral("card.expired"), localMs(8, 45));
    insertEntry(QStringLiteral("e4"), in, passed, granted, localMs(9, 5));
    insertEntry(QStringLiteral("e5"), QStringLiteral("out"), passed, granted, localMs(10, 0));
    insertEntry(QStringLiteral("e6"), in, QStringLiteral("pending"), granted, localMs(11, 0));
    insertEntry(QStringLiteral("e7"), in, denied, QStringLiteral("card.expired"), localMs(14, 30));
    insertEntry(QStringLiteral("e8"), in, denied, QStringLiteral("card.no_visits"), localMs(14, 40));
    insertEntry(QStringLiteral("e9"), in, passed, granted, localMs(8, 0, -1));
}

// Two products, two payment methods, a refund; yesterday's sale is not today's.
void TestDashboardPage::insertSales()
{
    const QString product
        = QStringLiteral("INSERT INTO card_product (id, name, kind, price_fen, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, 0, 0)");
    exec(product, {QStringLiteral("p-ten"), QStringLiteral("10 visits"), QStringLiteral("count"), 80'000});
    exec(product, {QStringLiteral("p-month"), QStringLiteral("Monthly"), QStringLiteral("time"), 30'000});
    const QString sale = QStringLiteral("INSERT INTO sale (id, receipt_no, product_id, kind, amount_fen, "
                                        "payment_method, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    exec(sale,
        {QStringLiteral("s1"), QStringLiteral("R1"), QStringLiteral("p-ten"), QStringLiteral("sale"), 80'000,
            QStringLiteral("wechat_pay"), localMs(9, 30)});
    exec(sale,
        {QStringLiteral("s2"), QStringLiteral("R2"), QStringLiteral("p-ten"), QStringLiteral("sale"), 80'000,
            QStringLiteral("cash"), localMs(10, 30)});
    exec(sale,
        {QStringLiteral("s3"), QStringLiteral("R3"), QStringLiteral("p-month"), QStringLiteral("sale"), 30'000,
            QStringLiteral("cash"), localMs(11, 30)});
    exec(sale,
        {QStringLiteral("s4"), QStringLiteral("R4"), QStringLiteral("p-month"), QStringLiteral("refund"), -10'000,
            QStringLiteral("cash"), localMs(12, 30)});
    exec(sale,
        {QStringLiteral("s5"), QStringLiteral("R5"), QStringLiteral("p-ten"), QStringLiteral("sale"), 99'900,
            QStringLiteral("alipay"), localMs(12, 30, -1)});
}

// Spinning 07:00 full (10 of 10), yoga 18:00 with 9 places held of 20 (2 cancelled do not hold
// one); tomorrow's class is not today's.
void TestDashboardPage::insertClasses()
{
    exec(QStringLiteral("INSERT INTO member (id, member_no, name, phone_cipher, phone_hash, phone_mask, created_at, "
                        "updated_at) VALUES ('m1', 'M1', 'Li Na', x'01', x'02', '138****0000', 0, 0)"));
    const QString course = QStringLiteral("INSERT INTO course (id, name, venue_id, duration_minutes, capacity, "
                                          "created_at, updated_at) VALUES (?, ?, ?, 60, ?, 0, 0)");
    exec(course, {QStringLiteral("c-spin"), QStringLiteral("Spinning"), QStringLiteral("v-floor"), 10});
    exec(course, {QStringLiteral("c-yoga"), QStringLiteral("Yoga"), QStringLiteral("v-studio"), 20});
    const QString slot = QStringLiteral("INSERT INTO course_slot (id, course_id, venue_id, coach_name, start_at, "
                                        "end_at, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)");
    exec(slot,
        {QStringLiteral("slot-spin"), QStringLiteral("c-spin"), QStringLiteral("v-floor"), QStringLiteral("Zhao Lei"),
            localMs(7, 0), localMs(8, 0), 10});
    exec(slot,
        {QStringLiteral("slot-yoga"), QStringLiteral("c-yoga"), QStringLiteral("v-studio"), QStringLiteral("Wang Fang"),
            localMs(18, 0), localMs(19, 0), 20});
    exec(slot,
        {QStringLiteral("slot-yoga2"), QStringLiteral("c-yoga"), QStringLiteral("v-studio"),
            QStringLiteral("Wang Fang"), localMs(18, 0, 1), localMs(19, 0, 1), 20});
    int number = 0;
    const auto book = [&](const QString &slotId, const QString &venueId, qint64 startMs, const QString &status) {
        ++number;
        exec(QStringLiteral("INSERT INTO booking (id, booking_no, member_id, venue_id, slot_id, start_at, end_at, "
                            "status, created_at, updated_at) VALUES (?, ?, 'm1', ?, ?, ?, ?, ?, 0, 0)"),
            {QStringLiteral("b%1").arg(number), QStringLiteral("B%1").arg(number), venueId, slotId, startMs,
                startMs + 3'600'000, status});
    };
    for (int i = 0; i < 10; ++i)
        book(QStringLiteral("slot-spin"), QStringLiteral("v-floor"), localMs(7, 0), QStringLiteral("attended"));
    const QStringList yoga {QStringLiteral("booked"), QStringLiteral("booked"), QStringLiteral("booked"),
        QStringLiteral("booked"), QStringLiteral("booked"), QStringLiteral("booked"), QStringLiteral("booked"),
        QStringLiteral("attended"), QStringLiteral("no_show"), QStringLiteral("cancelled"),
        QStringLiteral("cancelled")};
    for (const QString &status : yoga)
        book(QStringLiteral("slot-yoga"), QStringLiteral("v-studio"), localMs(18, 0), status);
    book(QStringLiteral("slot-yoga2"), QStringLiteral("v-studio"), localMs(18, 0, 1), QStringLiteral("booked"));
}

// The pool now, the studio tonight; this morning's and tomorrow's periods are not shown.
void TestDashboardPage::insertMaintenance()
{
    const QString period = QStringLiteral("INSERT INTO maintenance (id, venue_id, start_at, end_at, reason, "
                                          "created_at) VALUES (?, ?, ?, ?, ?, 0)");
    exec(period,
        {QStringLiteral("mt1"), QStringLiteral("v-pool"), localMs(14, 0), localMs(18, 0),
            QStringLiteral("Filter change")});
    exec(period,
        {QStringLiteral("mt2"), QStringLiteral("v-studio"), localMs(20, 0), localMs(22, 0),
            QStringLiteral("Mirror repair")});
    exec(period,
        {QStringLiteral("mt3"), QStringLiteral("v-floor"), localMs(6, 0), localMs(7, 0), QStringLiteral("Cleaning")});
    exec(period,
        {QStringLiteral("mt4"), QStringLiteral("v-floor"), localMs(6, 0, 1), localMs(7, 0, 1),
            QStringLiteral("Cleaning")});
}

QBarSet *TestDashboardPage::barSet(DashboardPage &page, int index)
{
    QChart *chart = requiredChild<QChartView>(&page, "entriesChartView")->chart();
    if (chart->series().isEmpty())
        return nullptr;
    auto *series = qobject_cast<QBarSeries *>(chart->series().constFirst());
    return series && index < series->count() ? series->barSets().at(index) : nullptr;
}

void TestDashboardPage::showsTodaysFigures()
{
    DashboardPage page(*m_source, nullptr, kShanghai);
    QCOMPARE(page.pageTitle(), QStringLiteral("Dashboard"));
    QCOMPARE(page.requiredPermission(), Permission::ViewReports);
    page.setSession(sessionFor(StaffRole::Staff));
    page.show();
    QVERIFY2(requiredChild<QLabel>(&page, "dashboardErrorLabel")->isHidden(),
        qPrintable(requiredChild<QLabel>(&page, "dashboardErrorLabel")->text()));
    QVERIFY(page.snapshot());

    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("17"));
    QCOMPARE(requiredChild<QLabel>(&page, "lastRefreshLabel")->text(), QStringLiteral("Updated at 15:30:00"));
    auto *zones = requiredChild<QTableView>(&page, "occupancyTableView");
    QCOMPARE(zones->model()->rowCount(), 4);
    QCOMPARE(cellText(zones, 0, QStringLiteral("Zone")), QStringLiteral("Court")); // by name until sorted
    const QString zone = QStringLiteral("Zone");
    const QString people = QStringLiteral("People inside");
    QCOMPARE(cellOf(zones, zone, QStringLiteral("Gym floor"), people), QStringLiteral("12 / 40"));
    QCOMPARE(cellOf(zones, zone, QStringLiteral("Studio A"), people), QStringLiteral("5 / 20"));
    QCOMPARE(cellOf(zones, zone, QStringLiteral("Pool"), people), QStringLiteral("0 / 30"));
    QCOMPARE(cellOf(zones, zone, QStringLiteral("Court"), people), QStringLiteral("0"));

    // Entries per hour: check-ins and denials, nothing for the exit, the pending one or yesterday.
    QBarSet *checkIns = barSet(page, 0);
    QBarSet *denied = barSet(page, 1);
    QVERIFY(checkIns && denied);
    QCOMPARE(checkIns->count(), 24);
    QCOMPARE(checkIns->label(), QStringLiteral("Check-ins"));
    QCOMPARE(denied->label(), QStringLiteral("Denied"));
    QList<qreal> expectedCheckIns(24, 0.0);
    QList<qreal> expectedDenied(24, 0.0);
    expectedCheckIns[8] = 2;
    expectedCheckIns[9] = 1;
    expectedDenied[8] = 1;
    expectedDenied[14] = 2;
    for (int hour = 0; hour < 24; ++hour) {
        QCOMPARE(checkIns->at(hour), expectedCheckIns[hour]);
        QCOMPARE(denied->at(hour), expectedDenied[hour]);
    }

    auto *denials = requiredChild<QTableView>(&page, "denialsTableView");
    QCOMPARE(denials->model()->rowCount(), 2);
    const QString reason = QStringLiteral("Reason");
    QCOMPARE(cellOf(denials, reason, QStringLiteral("Your card has expired."), QStringLiteral("Denials")),
        QStringLiteral("2"));
    QCOMPARE(cellOf(denials, reason, QStringLiteral("Your card has no visits left."), QStringLiteral("Denials")),
        QStringLiteral("1"));

    auto *sales = requiredChild<QTableView>(&page, "salesTableView");
    const QString product = reportDimensionTitle(ReportDimension::Product);
    const QString ten = QStringLiteral("10 visits");
    const QString month = QStringLiteral("Monthly");
    QCOMPARE(cellOf(sales, product, ten, QStringLiteral("Net revenue")), QStringLiteral("1600.00"));
    QCOMPARE(cellOf(sales, product, ten, QStringLiteral("Sales")), QStringLiteral("2"));
    QCOMPARE(cellOf(sales, product, ten, QStringLiteral("Cash")), QStringLiteral("800.00"));
    QCOMPARE(cellOf(sales, product, ten, QStringLiteral("WeChat Pay")), QStringLiteral("800.00"));
    QCOMPARE(cellOf(sales, product, ten, QStringLiteral("Alipay")), QStringLiteral("0.00"));
    QCOMPARE(cellOf(sales, product, month, QStringLiteral("Net revenue")), QStringLiteral("200.00"));
    QCOMPARE(cellOf(sales, product, month, QStringLiteral("Refunds")), QStringLiteral("1"));
    QCOMPARE(cellOf(sales, product, month, QStringLiteral("Cash")), QStringLiteral("200.00"));
    QCOMPARE(cellOf(sales, product, QStringLiteral("Total"), QStringLiteral("Net revenue")), QStringLiteral("1800.00"));
    QCOMPARE(requiredChild<QLabel>(&page, "revenueTodayLabel")->text(),
        QStringLiteral("Net revenue today: 1800.00 yuan (3 sale(s))"));

    auto *classes = requiredChild<QTableView>(&page, "classesTableView");
    QCOMPARE(classes->model()->rowCount(), 2);
    QCOMPARE(cellText(classes, 0, QStringLiteral("Course")), QStringLiteral("Spinning")); // by start time
    const QString course = QStringLiteral("Course");
    QCOMPARE(cellOf(classes, course, QStringLiteral("Yoga"), QStringLiteral("Time")), QStringLiteral("18:00–19:00"));
    QCOMPARE(cellOf(classes, course, QStringLiteral("Yoga"), QStringLiteral("Venue")), QStringLiteral("Studio A"));
    QCOMPARE(cellOf(classes, course, QStringLiteral("Yoga"), QStringLiteral("Coach")), QStringLiteral("Wang Fang"));
    QCOMPARE(cellOf(classes, course, QStringLiteral("Yoga"), QStringLiteral("Booked")), QStringLiteral("9 / 20"));
    QCOMPARE(cellOf(classes, course, QStringLiteral("Yoga"), QStringLiteral("Fill rate")), QStringLiteral("45.0%"));
    QCOMPARE(cellOf(classes, course, QStringLiteral("Spinning"), QStringLiteral("Booked")), QStringLiteral("10 / 10"));
    QCOMPARE(
        cellOf(classes, course, QStringLiteral("Spinning"), QStringLiteral("Fill rate")), QStringLiteral("100.0%"));

    QCOMPARE(listTexts(requiredChild<QListWidget>(&page, "maintenanceListWidget")),
        QStringList(
            {QStringLiteral("Court: closed for maintenance"), QStringLiteral("Pool: until 18:00 · Filter change"),
                QStringLiteral("Studio A: from 20:00 until 22:00 · Mirror repair")}));

    // Sync switched off: the embedded status says so.
    SyncStatusLabel off(nullptr, kShanghai);
    QCOMPARE(requiredChild<QLabel>(&page, "dashboardSyncStatusLabel")->text(), off.text());
    QVERIFY(!off.text().isEmpty());
    // Like the status bar's, a click on it asks for the Sync page.
    QSignalSpy requested(&page, &DeskPage::pageRequested);
    QTest::mouseClick(requiredChild<QLabel>(&page, "dashboardSyncStatusLabel"), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("syncPage"));
}

void TestDashboardPage::onlyStaffWithReportsSeeIt()
{
    for (const StaffRole role : {StaffRole::Guest, StaffRole::Technician}) {
        DashboardPage page(*m_source, nullptr, kShanghai);
        const StaffSession session = sessionFor(role);
        page.setSession(session);
        page.show();
        auto *error = requiredChild<QLabel>(&page, "dashboardErrorLabel");
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), requirePermission(session, Permission::ViewReports).error().message);
        QVERIFY(!page.snapshot());
        QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("–"));
        QCOMPARE(requiredChild<QTableView>(&page, "occupancyTableView")->model()->rowCount(), 0);
        QCOMPARE(requiredChild<QTableView>(&page, "salesTableView")->model()->rowCount(), 0);
        QCOMPARE(requiredChild<QListWidget>(&page, "maintenanceListWidget")->count(), 0);
    }
}

void TestDashboardPage::refreshPicksUpNewEntries()
{
    DashboardPage page(*m_source, nullptr, kShanghai);
    page.setSession(sessionFor(StaffRole::Admin));
    page.show();
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("17"));
    QCOMPARE(barSet(page, 0)->at(15), 0.0);

    m_clock->setNowMs(localMs(15, 42));
    insertEntry(QStringLiteral("e10"), QStringLiteral("in"), QStringLiteral("passed"), QStringLiteral("granted"),
        localMs(15, 40));
    exec(QStringLiteral("UPDATE zone_occupancy SET inside = 13 WHERE zone_id = 'v-floor'"));
    QTest::mouseClick(requiredChild<QPushButton>(&page, "refreshPushButton"), Qt::LeftButton);

    QCOMPARE(barSet(page, 0)->at(15), 1.0);
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("18"));
    QCOMPARE(requiredChild<QLabel>(&page, "lastRefreshLabel")->text(), QStringLiteral("Updated at 15:42:00"));
    auto *zones = requiredChild<QTableView>(&page, "occupancyTableView");
    QCOMPARE(cellOf(zones, QStringLiteral("Zone"), QStringLiteral("Gym floor"), QStringLiteral("People inside")),
        QStringLiteral("13 / 40"));
}

void TestDashboardPage::refreshesOnTimerOnlyWhileVisible()
{
    DashboardPage page(*m_source, nullptr, kShanghai);
    auto *timer = requiredChild<QTimer>(&page, "dashboardRefreshTimer");
    QCOMPARE(timer->interval(), DashboardPage::kRefreshIntervalMs);
    page.setSession(sessionFor(StaffRole::Admin));
    QVERIFY(!timer->isActive()); // not shown yet
    page.show();
    QVERIFY(timer->isActive());

    timer->setInterval(20); // the test does not wait 30 s
    exec(QStringLiteral("UPDATE zone_occupancy SET inside = 30 WHERE zone_id = 'v-floor'"));
    QTRY_COMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("35"));

    page.hide();
    QVERIFY(!timer->isActive());
    exec(QStringLiteral("UPDATE zone_occupancy SET inside = 1 WHERE zone_id = 'v-floor'"));
    QTest::qWait(100);
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("35"));

    // Shown again: read at once.
    page.show();
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("6"));
}

void TestDashboardPage::failedRefreshKeepsTheLastFigures()
{
    DashboardPage page(*m_source, nullptr, kShanghai);
    page.setSession(sessionFor(StaffRole::Admin));
    page.show();
    auto *error = requiredChild<QLabel>(&page, "dashboardErrorLabel");
    QVERIFY(error->isHidden());
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("17"));

    exec(QStringLiteral("ALTER TABLE zone_occupancy RENAME TO zone_occupancy_away"));
    exec(QStringLiteral("INSERT INTO zone_occupancy_away (zone_id, inside, updated_at) VALUES ('v-pool', 4, 0)"));
    QTest::mouseClick(requiredChild<QPushButton>(&page, "refreshPushButton"), Qt::LeftButton);
    QVERIFY(!error->isHidden());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("17"));
    QCOMPARE(requiredChild<QListWidget>(&page, "maintenanceListWidget")->count(), 3);
    QCOMPARE(requiredChild<QTableView>(&page, "classesTableView")->model()->rowCount(), 2);

    // Back: the error goes, the figures are new.
    exec(QStringLiteral("ALTER TABLE zone_occupancy_away RENAME TO zone_occupancy"));
    QTest::mouseClick(requiredChild<QPushButton>(&page, "refreshPushButton"), Qt::LeftButton);
    QVERIFY(error->isHidden());
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("21"));
}

void TestDashboardPage::logOutClearsEverything()
{
    DashboardPage page(*m_source, nullptr, kShanghai);
    page.setSession(sessionFor(StaffRole::Admin));
    page.show();
    QVERIFY(page.snapshot());
    QVERIFY(requiredChild<QTableView>(&page, "classesTableView")->model()->rowCount() > 0);

    page.setSession(StaffSession {});
    QVERIFY(!page.snapshot());
    QVERIFY(!requiredChild<QTimer>(&page, "dashboardRefreshTimer")->isActive());
    QCOMPARE(requiredChild<QLabel>(&page, "peopleInsideLabel")->text(), QStringLiteral("–"));
    QVERIFY(requiredChild<QLabel>(&page, "lastRefreshLabel")->text().isEmpty());
    QVERIFY(requiredChild<QLabel>(&page, "revenueTodayLabel")->text().isEmpty());
    QVERIFY(requiredChild<QLabel>(&page, "dashboardErrorLabel")->isHidden());
    for (const char *table : {"occupancyTableView", "denialsTableView", "salesTableView", "classesTableView"})
        QCOMPARE(requiredChild<QTableView>(&page, table)->model()->rowCount(), 0);
    QCOMPARE(requiredChild<QListWidget>(&page, "maintenanceListWidget")->count(), 0);
    QCOMPARE(barSet(page, 0)->at(8), 0.0);
    QCOMPARE(barSet(page, 1)->at(14), 0.0);

    // A log out on a hidden page does not start a timer, and showing it reads nothing.
    page.hide();
    page.show();
    QVERIFY(!page.snapshot());
}

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
