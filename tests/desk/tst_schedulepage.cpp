#include "core/BookingDesk.h"
#include "core/Clock.h"
#include "store/Database.h"
#include "store/SqlBookingDesk.h"
#include "store/StoreTestSupport.h"
#include "ui/desk/SchedulePage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>

using namespace gymgate;
using namespace gymgate::test;

namespace {

const QTimeZone kZone("Asia/Shanghai");

StaffSession sessionFor(StaffRole role)
{
    const QString name = QString::fromLatin1(staffRoleName(role));
    return StaffSession {QStringLiteral("staff-") + name, name, name, role};
}

} // namespace

class TestSchedulePage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void adminCreatesVenueCourseAndClass();
    void openingHoursValidateAsYouType();
    void frontDeskCannotEditVenues();

private:
    template<typename T>
    T *child(const QString &name)
    {
        T *widget = m_page->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    void click(const QString &name) { QTest::mouseClick(child<QPushButton>(name), Qt::LeftButton); }
    void selectFirstRow(const QString &viewName);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlBookingDesk> m_desk;
    std::unique_ptr<SchedulePage> m_page;
};

void TestSchedulePage::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("schedule.db")));
    QVERIFY(m_db);
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(8, 0), kZone).toMSecsSinceEpoch());
    m_desk = std::make_unique<SqlBookingDesk>(*m_db, *m_clock);
    m_page = std::make_unique<SchedulePage>(*m_desk, *m_clock);
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestSchedulePage::cleanup()
{
    m_page.reset();
    m_desk.reset();
    m_db.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("schedule.db")));
}

void TestSchedulePage::selectFirstRow(const QString &viewName)
{
    QTableView *view = child<QTableView>(viewName);
    QTRY_VERIFY(view->model()->rowCount() > 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
    QTRY_VERIFY(view->selectionModel()->isRowSelected(0, {}));
}

void TestSchedulePage::adminCreatesVenueCourseAndClass()
{
    m_page->setSession(sessionFor(StaffRole::Admin));
    child<QTabWidget>(QStringLiteral("scheduleTabWidget"))->setCurrentIndex(1);
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("venueNameLineEdit")), QStringLiteral("Studio A"));
    QComboBox *kind = child<QComboBox>(QStringLiteral("venueKindComboBox"));
    kind->setCurrentIndex(kind->findData(int(VenueKind::Studio)));
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("venueOpeningHoursLineEdit")),
        QStringLiteral(R"([{"days":"*","from":"06:00","to":"22:00"}])"));
    click(QStringLiteral("saveVenuePushButton"));
    QTRY_COMPARE(child<QTableView>(QStringLiteral("venuesTableView"))->model()->rowCount(), 1);
    // The filter narrows the list as you type, and clearing it brings the venue back.
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("venueFilterLineEdit")), QStringLiteral("no such venue"));
    QCOMPARE(child<QTableView>(QStringLiteral("venuesTableView"))->model()->rowCount(), 0);
    child<QLineEdit>(QStringLiteral("venueFilterLineEdit"))->clear();
    QCOMPARE(child<QTableView>(QStringLiteral("venuesTableView"))->model()->rowCount(), 1);
    QVERIFY(child<QLabel>(QStringLiteral("venueErrorLabel"))->text().isEmpty());
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT kind FROM venue")).toString(), QStringLiteral("studio"));

    child<QTabWidget>(QStringLiteral("scheduleTabWidget"))->setCurrentIndex(0);
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("courseNameLineEdit")), QStringLiteral("Yoga"));
    QTest::keyClick(child<QLineEdit>(QStringLiteral("courseNameLineEdit")), Qt::Key_Return);
    QTRY_COMPARE(child<QTableView>(QStringLiteral("coursesTableView"))->model()->rowCount(), 1);
    selectFirstRow(QStringLiteral("coursesTableView"));

    child<QDateEdit>(QStringLiteral("slotDateEdit"))->setDate(QDate(2026, 3, 3));
    child<QTimeEdit>(QStringLiteral("slotStartTimeEdit"))->setTime(QTime(10, 0));
    click(QStringLiteral("addSlotPushButton"));
    QTRY_COMPARE(child<QTableView>(QStringLiteral("scheduleSlotsTableView"))->model()->rowCount(), 1);
    // A second class at 10:30 in the same studio overlaps the first.
    child<QTimeEdit>(QStringLiteral("slotStartTimeEdit"))->setTime(QTime(10, 30));
    click(QStringLiteral("addSlotPushButton"));
    QTRY_VERIFY(!child<QLabel>(QStringLiteral("scheduleErrorLabel"))->text().isEmpty());
    QCOMPARE(child<QTableView>(QStringLiteral("scheduleSlotsTableView"))->model()->rowCount(), 1);
    QCOMPARE(rowCount(*m_db, QStringLiteral("course_slot")), 1);
}

void TestSchedulePage::openingHoursValidateAsYouType()
{
    m_page->setSession(sessionFor(StaffRole::Admin));
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("venueNameLineEdit")), QStringLiteral("Court"));
    QTRY_VERIFY(child<QPushButton>(QStringLiteral("saveVenuePushButton"))->isEnabled());
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("venueOpeningHoursLineEdit")), QStringLiteral("[{\"days\":"));
    QTRY_VERIFY(!child<QLabel>(QStringLiteral("venueErrorLabel"))->text().isEmpty());
    QVERIFY(!child<QPushButton>(QStringLiteral("saveVenuePushButton"))->isEnabled());
}

void TestSchedulePage::frontDeskCannotEditVenues()
{
    m_page->setSession(sessionFor(StaffRole::Staff));
    QVERIFY(!child<QPushButton>(QStringLiteral("saveVenuePushButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(QStringLiteral("addMaintenancePushButton"))->isEnabled());
    QVERIFY(child<QPushButton>(QStringLiteral("addSlotPushButton"))->isEnabled());
    QCOMPARE(m_page->requiredPermission(), Permission::ManageSchedule);
}

QTEST_MAIN(TestSchedulePage)
#include "tst_schedulepage.moc"
