// The desk window shell: which pages a role sees, and that the session and the current member
// reach every page.
#include "ui/desk/DeskPage.h"
#include "ui/desk/DeskWindow.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QTest>

using namespace gymgate;

namespace {

// A page that remembers what the window told it.
class RecordingPage : public DeskPage {
public:
    RecordingPage(const QString &name, Permission permission) : m_permission(permission) { setObjectName(name); }
    QString pageTitle() const override { return objectName(); }
    Permission requiredPermission() const override { return m_permission; }
    void setSession(const StaffSession &session) override { sessionRole = session.role; }
    void setCurrentMember(const QString &memberId) override { member = memberId; }
    void pick(const QString &memberId) { emit memberSelected(memberId); }

    StaffRole sessionRole = StaffRole::Invalid;
    QString member;

private:
    Permission m_permission;
};

StaffSession sessionFor(StaffRole role)
{
    return StaffSession {QStringLiteral("s1"), QStringLiteral("wang"), QStringLiteral("Wang Fang"), role};
}

QStringList navigation(DeskWindow &window)
{
    QStringList titles;
    const auto *list = window.findChild<QListWidget *>(QStringLiteral("deskNavigationListWidget"));
    for (int row = 0; row < list->count(); ++row)
        titles.append(list->item(row)->text());
    return titles;
}

} // namespace

class TestDeskWindow : public QObject {
    Q_OBJECT

private slots:
    void pagesFollowThePermissionTable()
    {
        DeskWindow window;
        auto *members = new RecordingPage(QStringLiteral("membersPage"), Permission::ViewMembers);
        auto *staff = new RecordingPage(QStringLiteral("staffPage"), Permission::ManageStaff);
        auto *gates = new RecordingPage(QStringLiteral("gatesPage"), Permission::TechnicianConsole);
        window.addPage(members);
        window.addPage(staff);
        window.addPage(gates);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(navigation(window).isEmpty()); // nobody logged in

        for (StaffRole role : {StaffRole::Admin, StaffRole::Staff, StaffRole::Technician, StaffRole::Guest}) {
            window.setSession(sessionFor(role));
            QStringList expected;
            for (const RecordingPage *page : {members, staff, gates}) {
                if (roleMay(role, page->requiredPermission()))
                    expected.append(page->objectName());
            }
            QCOMPARE(navigation(window), expected);
            QCOMPARE(members->sessionRole, role);
            QCOMPARE(window.currentPageName(), expected.value(0));
        }
        window.setSession(StaffSession {});
        QVERIFY(navigation(window).isEmpty());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("logoutAction"))->isEnabled());
    }

    void memberAndKeyboardReachEveryPage()
    {
        DeskWindow window;
        auto *members = new RecordingPage(QStringLiteral("membersPage"), Permission::ViewMembers);
        auto *checkIn = new RecordingPage(QStringLiteral("checkInPage"), Permission::ManualCheckIn);
        window.addPage(members);
        window.addPage(checkIn);
        window.setSession(sessionFor(StaffRole::Staff));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        members->pick(QStringLiteral("member-7"));
        QCOMPARE(checkIn->member, QStringLiteral("member-7"));
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("deskMemberLabel"))->text().contains(QLatin1String("member-7")));

        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentPageName(), QStringLiteral("checkInPage"));
        QVERIFY(window.showPage(QStringLiteral("membersPage")));
        QVERIFY(!window.showPage(QStringLiteral("nope")));

        // A new clerk does not inherit the previous clerk's member.
        window.setSession(sessionFor(StaffRole::Admin));
        QVERIFY(checkIn->member.isEmpty());
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("deskUserLabel"))->text().contains(QLatin1String("Wang Fang")));
    }
};

QTEST_MAIN(TestDeskWindow)
#include "tst_deskwindow.moc"
