#include "core/BookingDesk.h"
#include "core/Clock.h"
#include "store/Database.h"
#include "store/MemberRepository.h"
#include "store/SqlBookingDesk.h"
#include "store/StoreTestSupport.h"
#include "ui/desk/BookingsPage.h"
#include "ui/desk/CalendarView.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;
using namespace gymgate::test;

namespace {

const QTimeZone kZone("Asia/Shanghai");
const QDate kMonday(2026, 3, 2);

qint64 at(int day, int hour, int minute = 0)
{
    return QDateTime(kMonday.addDays(day), QTime(hour, minute), kZone).toMSecsSinceEpoch();
}

StaffSession sessionFor(StaffRole role)
{
    const QString name = QString::fromLatin1(staffRoleName(role));
    return StaffSession {QStringLiteral("staff-") + name, name, name, role};
}

} // namespace

class TestBookingsPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bookClassThenOverlapShowsConflict();
    void waitingListPromotion();
    void weeklyConflictListsDates();
    void calendarShowsTheWeek();

private:
    template<typename T>
    T *child(const QString &name)
    {
        T *widget = m_page->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    void selectRowWith(QTableView *view, const QString &text);
    void clickButton(const QString &name);
    int rowsOf(const QString &viewName);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlBookingDesk> m_desk;
    std::unique_ptr<BookingsPage> m_page;
    QStringList m_members;
    CourseSlot m_yoga;
    CourseSlot m_spin;
    CourseSlot m_pilates;
};

void TestBookingsPage::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("page.db")));
    QVERIFY(m_db);
    m_clock = std::make_unique<ManualClock>(at(0, 8));
    m_desk = std::make_unique<SqlBookingDesk>(*m_db, *m_clock);
    const StaffSession admin = sessionFor(StaffRole::Admin);
    MemberRepository members(*m_db);
    m_members.clear();
    for (int i = 1; i <= 4; ++i) {
        const QString number = QStringLiteral("M100000000%1").arg(i);
        m_members.append(take(members.insert(makeMember(
                                  number, QStringLiteral("Member %1").arg(i), QStringLiteral("1390000000%1").arg(i))))
                             .id);
    }
    VenueForm studio;
    studio.name = QStringLiteral("Studio");
    studio.kind = VenueKind::Studio;
    studio.capacity = 20;
    const Venue studioVenue = take(m_desk->createVenue(admin, studio, BookingRules {28, 0, 2, 0}));
    VenueForm floor = studio;
    floor.name = QStringLiteral("Floor");
    floor.kind = VenueKind::GymFloor;
    const Venue floorVenue = take(m_desk->createVenue(admin, floor, BookingRules {28, 0, 2, 0}));
    const Course yoga = take(m_desk->createCourse(admin, CourseForm {QStringLiteral("Yoga"), studioVenue.id, 60, 10}));
    const Course spin = take(m_desk->createCourse(admin, CourseForm {QStringLiteral("Spin"), floorVenue.id, 60, 10}));
    const Course pilates
        = take(m_desk->createCourse(admin, CourseForm {QStringLiteral("Pilates"), studioVenue.id, 60, 2}));
    m_yoga = take(m_desk->createSlot(admin, SlotForm {yoga.id, at(1, 10), 0, 0, QStringLiteral("Li")}));
    m_spin = take(m_desk->createSlot(admin, SlotForm {spin.id, at(1, 10, 30), 0, 0, QStringLiteral("Wang")}));
    m_pilates = take(m_desk->createSlot(admin, SlotForm {pilates.id, at(1, 14), 0, 0, QStringLiteral("Zhao")}));

    m_page = std::make_unique<BookingsPage>(*m_desk, *m_clock);
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setSession(sessionFor(StaffRole::Staff));
    child<QDateEdit>(QStringLiteral("bookingDateEdit"))->setDate(kMonday.addDays(1));
}

void TestBookingsPage::cleanup()
{
    m_page.reset();
    m_desk.reset();
    m_db.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("page.db")));
}

void TestBookingsPage::selectRowWith(QTableView *view, const QString &text)
{
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->index(row, column).data().toString() == text) {
                const QRect cell = view->visualRect(model->index(row, column));
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
                QTRY_VERIFY(view->selectionModel()->isRowSelected(row, {}));
                return;
            }
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row with %1").arg(text)));
}

void TestBookingsPage::clickButton(const QString &name)
{
    QPushButton *button = child<QPushButton>(name);
    QVERIFY2(button->isEnabled(), qPrintable(name));
    QTest::mouseClick(button, Qt::LeftButton);
}

int TestBookingsPage::rowsOf(const QString &viewName)
{
    return child<QTableView>(viewName)->model()->rowCount();
}

void TestBookingsPage::bookClassThenOverlapShowsConflict()
{
    m_page->setCurrentMember(m_members.at(0));
    QTRY_VERIFY(child<QLabel>(QStringLiteral("bookingMemberLabel"))->text().contains(QStringLiteral("Member 1")));
    QTableView *slotsView = child<QTableView>(QStringLiteral("slotsTableView"));
    QCOMPARE(slotsView->model()->rowCount(), 3);

    selectRowWith(slotsView, QStringLiteral("Yoga"));
    clickButton(QStringLiteral("bookPushButton"));
    QTRY_COMPARE(rowsOf(QStringLiteral("memberBookingsTableView")), 1);
    QVERIFY(child<QLabel>(QStringLiteral("bookingErrorLabel"))->text().isEmpty());
    QVERIFY(child<QLabel>(QStringLiteral("bookingInfoLabel"))->text().contains(QStringLiteral("B100")));

    // Spin starts at 10:30 while the member is in Yoga until 11:00.
    selectRowWith(slotsView, QStringLiteral("Spin"));
    clickButton(QStringLiteral("bookPushButton"));
    QTRY_COMPARE(child<QLabel>(QStringLiteral("bookingErrorLabel"))->text(),
        bookingRefusalMessage(BookingRefusal::MemberDoubleBooked));
    QCOMPARE(rowsOf(QStringLiteral("memberBookingsTableView")), 1);
    QCOMPARE(rowCount(*m_db, QStringLiteral("booking")), 1);
}

void TestBookingsPage::waitingListPromotion()
{
    QTableView *slotsView = child<QTableView>(QStringLiteral("slotsTableView"));
    for (int i = 1; i <= 2; ++i) {
        m_page->setCurrentMember(m_members.at(i));
        selectRowWith(slotsView, QStringLiteral("Pilates"));
        clickButton(QStringLiteral("bookPushButton"));
        QTRY_COMPARE(rowsOf(QStringLiteral("memberBookingsTableView")), 1);
    }
    const QModelIndexList pilatesRows
        = slotsView->model()->match(slotsView->model()->index(0, 2), Qt::DisplayRole, QStringLiteral("Pilates"));
    QCOMPARE(pilatesRows.size(), 1);
    QCOMPARE(pilatesRows.first().siblingAtColumn(5).data().toString(), QStringLiteral("2/2"));

    // The fourth member finds the class full and waits.
    m_page->setCurrentMember(m_members.at(3));
    selectRowWith(slotsView, QStringLiteral("Pilates"));
    clickButton(QStringLiteral("bookPushButton"));
    QTRY_COMPARE(
        child<QLabel>(QStringLiteral("bookingErrorLabel"))->text(), bookingRefusalMessage(BookingRefusal::SlotFull));
    selectRowWith(slotsView, QStringLiteral("Pilates"));
    clickButton(QStringLiteral("joinWaitlistPushButton"));
    QTRY_COMPARE(rowsOf(QStringLiteral("waitlistTableView")), 1);
    QCOMPARE(child<QTableView>(QStringLiteral("waitlistTableView"))->model()->index(0, 2).data().toString(),
        QStringLiteral("1"));

    // The second member cancels: the waiting member gets the place, and the page says so.
    m_page->setCurrentMember(m_members.at(1));
    QTableView *bookings = child<QTableView>(QStringLiteral("memberBookingsTableView"));
    QTRY_COMPARE(bookings->model()->rowCount(), 1);
    selectRowWith(bookings, bookings->model()->index(0, 0).data().toString());
    QTest::keyClicks(child<QLineEdit>(QStringLiteral("cancelReasonLineEdit")), QStringLiteral("travel"));
    clickButton(QStringLiteral("cancelBookingPushButton"));
    QTRY_VERIFY(child<QLabel>(QStringLiteral("bookingInfoLabel"))->text().contains(QStringLiteral("Member 4")));
    QVERIFY(child<QLabel>(QStringLiteral("bookingErrorLabel"))->text().isEmpty());

    m_page->setCurrentMember(m_members.at(3));
    QTRY_COMPARE(rowsOf(QStringLiteral("memberBookingsTableView")), 1);
    QCOMPARE(bookings->model()->index(0, 1).data().toString(), QStringLiteral("Pilates (Studio)"));
    QCOMPARE(rowsOf(QStringLiteral("waitlistTableView")), 0);
}

void TestBookingsPage::weeklyConflictListsDates()
{
    m_page->setCurrentMember(m_members.at(0));
    QTableView *slotsView = child<QTableView>(QStringLiteral("slotsTableView"));
    selectRowWith(slotsView, QStringLiteral("Yoga"));
    QTest::mouseClick(child<QWidget>(QStringLiteral("weeklyCheckBox")), Qt::LeftButton);
    clickButton(QStringLiteral("bookPushButton"));
    // Only one Yoga class is scheduled: the following three weeks are listed.
    const QString error = child<QLabel>(QStringLiteral("bookingErrorLabel"))->text();
    QVERIFY(error.contains(QStringLiteral("2026-03-10")));
    QVERIFY(error.contains(QStringLiteral("2026-03-24")));
    QVERIFY(error.contains(bookingRefusalMessage(BookingRefusal::NoSlotThatWeek)));
    QCOMPARE(rowCount(*m_db, QStringLiteral("booking")), 0);
}

void TestBookingsPage::calendarShowsTheWeek()
{
    take(m_desk->book(sessionFor(StaffRole::Staff), BookingRequest {m_members.at(0), m_pilates.id, {}, 0, 0}));
    CalendarView view(*m_desk);
    view.setSession(sessionFor(StaffRole::Guest)); // guests may look
    view.setRange(kMonday, 7);
    auto *grid = view.findChild<QTableWidget *>(QStringLiteral("calendarTableWidget"));
    QVERIFY(grid);
    QCOMPARE(grid->columnCount(), 7);
    auto *venue = view.findChild<QComboBox *>(QStringLiteral("calendarVenueComboBox"));
    QVERIFY(venue);
    venue->setCurrentIndex(venue->findText(QStringLiteral("Studio")));
    QTRY_VERIFY(grid->item(14, 1));
    QCOMPARE(grid->item(14, 1)->text(), QStringLiteral("Pilates 1/2"));
    QCOMPARE(grid->item(10, 1)->text(), QStringLiteral("Yoga 0/10"));
    QVERIFY(!grid->item(12, 1));
}

QTEST_MAIN(TestBookingsPage)
#include "tst_bookingspage.moc"
