#include "core/Clock.h"
#include "store/Database.h"
#include "store/SqlStaffDirectory.h"
#include "store/StoreTestSupport.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/AuditPage.h"
#include "ui/desk/FirstRunWizard.h"
#include "ui/desk/LoginDialog.h"
#include "ui/desk/StaffAccountDialog.h"
#include "ui/desk/StaffPage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 kStartMs = 1'760'000'000'000; // 2025-10-09 in Shanghai
const QString kAdminPassword = QStringLiteral("Admin2026");
const QString kClerkPassword = QStringLiteral("Desk2026x");

void typeInto(QObject *parent, const char *name, const QString &text)
{
    QLineEdit *edit = child<QLineEdit>(parent, name);
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestStaffPages : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstRunWizardCreatesTheAdmin();
    void loginDialogShowsTheLockout();
    void staffPageCreatesAStaffUser();
    void staffPageShowsRefusals();
    void auditPageFiltersByActor();

private:
    StaffSession firstAdmin();
    void createClerk(const StaffSession &admin);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlStaffDirectory> m_directory;
    int m_round = 0;
};

void TestStaffPages::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("pages-%1.db").arg(++m_round)));
    QVERIFY(m_db);
    m_clock = std::make_unique<ManualClock>(kStartMs);
    m_directory = std::make_unique<SqlStaffDirectory>(*m_db, *m_clock);
}

void TestStaffPages::cleanup()
{
    m_directory.reset();
    m_db.reset();
}

StaffSession TestStaffPages::firstAdmin()
{
    return take(m_directory->createFirstAdmin(QStringLiteral("boss"), QStringLiteral("Wang Fang"), kAdminPassword));
}

void TestStaffPages::createClerk(const StaffSession &admin)
{
    take(m_directory->createStaff(
        admin, NewStaffAccount {QStringLiteral("clerk"), QStringLiteral("Li Na"), StaffRole::Staff, kClerkPassword}));
}

void TestStaffPages::firstRunWizardCreatesTheAdmin()
{
    QVERIFY(take(m_directory->needsFirstRun()));
    FirstRunWizard wizard(*m_directory);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *create = child<QPushButton>(&wizard, "createAdminPushButton");
    QVERIFY(create);
    QVERIFY(!create->isEnabled());

    typeInto(&wizard, "adminUsernameLineEdit", QStringLiteral("boss"));
    typeInto(&wizard, "adminDisplayNameLineEdit", QStringLiteral("Wang Fang"));
    typeInto(&wizard, "adminPasswordLineEdit", QStringLiteral("short1"));
    // Validated as typed: the rule shows before anything is submitted.
    QVERIFY2(wizard.errorText().contains(QStringLiteral("at least 8")), qPrintable(wizard.errorText()));
    QVERIFY(!create->isEnabled());
    typeInto(&wizard, "adminPasswordLineEdit", kAdminPassword);
    typeInto(&wizard, "adminConfirmPasswordLineEdit", QStringLiteral("Admin2025"));
    QVERIFY(wizard.errorText().contains(QStringLiteral("match")));
    QVERIFY(!create->isEnabled());
    typeInto(&wizard, "adminConfirmPasswordLineEdit", kAdminPassword);
    QVERIFY(wizard.errorText().isEmpty());
    QVERIFY(create->isEnabled());

    QTest::keyClick(child<QLineEdit>(&wizard, "adminConfirmPasswordLineEdit"), Qt::Key_Return);
    QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));
    QCOMPARE(wizard.session().role, StaffRole::Admin);
    QVERIFY(!take(m_directory->needsFirstRun()));

    LoginDialog login(*m_directory);
    login.show();
    QVERIFY(QTest::qWaitForWindowExposed(&login));
    typeInto(&login, "usernameLineEdit", QStringLiteral("boss"));
    typeInto(&login, "passwordLineEdit", kAdminPassword);
    QTest::mouseClick(child<QPushButton>(&login, "loginPushButton"), Qt::LeftButton);
    QTRY_COMPARE(login.result(), int(QDialog::Accepted));
    QCOMPARE(login.session().staffId, wizard.session().staffId);
    QCOMPARE(login.session().displayName, QStringLiteral("Wang Fang"));
}

void TestStaffPages::loginDialogShowsTheLockout()
{
    createClerk(firstAdmin());
    LoginDialog login(*m_directory);
    login.show();
    QVERIFY(QTest::qWaitForWindowExposed(&login));
    auto *button = child<QPushButton>(&login, "loginPushButton");
    auto *error = child<QLabel>(&login, "loginErrorLabel");
    auto *password = child<QLineEdit>(&login, "passwordLineEdit");
    QVERIFY(button && error && password);
    typeInto(&login, "usernameLineEdit", QStringLiteral("clerk"));
    for (int i = 1; i < kStaffMaxFailedLogins; ++i) {
        typeInto(&login, "passwordLineEdit", QStringLiteral("Wrong%1abc").arg(i));
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY2(error->text().contains(QStringLiteral("wrong")), qPrintable(error->text()));
        QVERIFY(password->text().isEmpty()); // cleared for the next try
        QVERIFY(login.isVisible());
    }
    typeInto(&login, "passwordLineEdit", QStringLiteral("Wrong5abc"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY2(error->text().contains(QStringLiteral("locked")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QStringLiteral("15")));

    // The right password changes nothing while locked.
    m_clock->advanceMs(5 * 60'000);
    typeInto(&login, "passwordLineEdit", kClerkPassword);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY2(error->text().contains(QStringLiteral("10 minute")), qPrintable(error->text()));
    QVERIFY(login.isVisible());
    QCOMPARE(login.result(), int(QDialog::Rejected));

    m_clock->advanceMs(10 * 60'000);
    typeInto(&login, "passwordLineEdit", kClerkPassword);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(login.result(), int(QDialog::Accepted));
    QCOMPARE(login.session().username, QStringLiteral("clerk"));
}

void TestStaffPages::staffPageCreatesAStaffUser()
{
    const StaffSession admin = firstAdmin();
    StaffPage page(*m_directory, *m_clock, QTimeZone("Asia/Shanghai"));
    QCOMPARE(page.requiredPermission(), Permission::ManageStaff);
    page.setSession(admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = child<QTableView>(&page, "staffTableView");
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 1);

    QSignalSpy status(&page, &DeskPage::statusMessage);
    QTest::mouseClick(child<QPushButton>(&page, "addStaffPushButton"), Qt::LeftButton);
    StaffAccountDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<StaffAccountDialog *>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    typeInto(dialog, "staffUsernameLineEdit", QStringLiteral("clerk"));
    typeInto(dialog, "staffDisplayNameLineEdit", QStringLiteral("Li Na"));
    auto *role = child<QComboBox>(dialog, "staffRoleComboBox");
    QVERIFY(role);
    role->setCurrentIndex(role->findData(static_cast<int>(StaffRole::Technician)));
    typeInto(dialog, "staffPasswordLineEdit", kClerkPassword);
    typeInto(dialog, "staffConfirmPasswordLineEdit", kClerkPassword);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QTest::mouseClick(child<QPushButton>(dialog, "saveStaffPushButton"), Qt::LeftButton);

    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(status.count(), 1);
    const StaffSession clerk = take(m_directory->login(QStringLiteral("clerk"), kClerkPassword));
    QCOMPARE(clerk.role, StaffRole::Technician);
    QCOMPARE(clerk.displayName, QStringLiteral("Li Na"));

    // Filter to the new row, select it, disable it: the status column follows.
    typeInto(&page, "staffFilterLineEdit", QStringLiteral("clerk"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(&page, "toggleStaffPushButton"), Qt::LeftButton);
    QTRY_COMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("Disabled"));
    QVERIFY(!m_directory->login(QStringLiteral("clerk"), kClerkPassword));
}

void TestStaffPages::staffPageShowsRefusals()
{
    const StaffSession admin = firstAdmin();
    createClerk(admin);
    StaffPage page(*m_directory, *m_clock);
    page.setSession(admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = child<QTableView>(&page, "staffTableView");

    // A taken user name: the dialog says so and stays open.
    QTest::mouseClick(child<QPushButton>(&page, "addStaffPushButton"), Qt::LeftButton);
    StaffAccountDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page.findChild<StaffAccountDialog *>()) != nullptr);
    typeInto(dialog, "staffUsernameLineEdit", QStringLiteral("clerk"));
    typeInto(dialog, "staffDisplayNameLineEdit", QStringLiteral("Another"));
    typeInto(dialog, "staffPasswordLineEdit", kClerkPassword);
    typeInto(dialog, "staffConfirmPasswordLineEdit", kClerkPassword);
    QTest::mouseClick(child<QPushButton>(dialog, "saveStaffPushButton"), Qt::LeftButton);
    QTRY_VERIFY2(dialog->errorText().contains(QStringLiteral("taken")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QCOMPARE(table->model()->rowCount(), 2);

    // Disabling yourself is refused by the service; the page shows why.
    typeInto(&page, "staffFilterLineEdit", QStringLiteral("boss"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(&page, "toggleStaffPushButton"), Qt::LeftButton);
    QTRY_VERIFY2(page.errorText().contains(QStringLiteral("your own")), qPrintable(page.errorText()));
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("Active"));

    // A session without ManageStaff gets an empty page and disabled buttons.
    const StaffSession clerk = take(m_directory->login(QStringLiteral("clerk"), kClerkPassword));
    page.setSession(clerk);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!child<QPushButton>(&page, "addStaffPushButton")->isEnabled());
}

void TestStaffPages::auditPageFiltersByActor()
{
    const StaffSession admin = firstAdmin();
    m_clock->advanceMs(60'000);
    createClerk(admin);
    m_clock->advanceMs(60'000);
    const StaffSession clerk = take(m_directory->login(QStringLiteral("clerk"), kClerkPassword));
    QVERIFY(m_directory->logout(clerk));
    QVERIFY(!m_directory->login(QStringLiteral("ghost"), kClerkPassword));

    AuditPage page(*m_directory, *m_clock, QTimeZone("Asia/Shanghai"));
    QCOMPARE(page.requiredPermission(), Permission::ViewAudit);
    page.setSession(admin);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = child<QTableView>(&page, "auditTableView");
    QVERIFY(table);
    QTRY_COMPARE(table->model()->rowCount(), 5);
    // Newest first.
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("staff.login_failed"));

    auto *actor = child<QComboBox>(&page, "auditActorComboBox");
    QVERIFY(actor);
    const int clerkIndex = actor->findText(QStringLiteral("Li Na (clerk)"));
    QVERIFY(clerkIndex > 0);
    actor->setFocus();
    actor->setCurrentIndex(clerkIndex);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("staff.logout"));
    QCOMPARE(table->model()->index(1, 3).data().toString(), QStringLiteral("staff.login"));
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("Li Na"));

    // By action, for anyone.
    actor->setCurrentIndex(0);
    QTRY_COMPARE(table->model()->rowCount(), 5);
    auto *action = child<QComboBox>(&page, "auditActionComboBox");
    QVERIFY(action);
    action->lineEdit()->clear();
    QTest::keyClicks(action->lineEdit(), QStringLiteral("staff.create"));
    QTest::keyClick(action->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(table->model()->rowCount(), 1);

    // By date: yesterday alone holds nothing.
    action->lineEdit()->clear();
    QTest::keyClick(action->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(table->model()->rowCount(), 5);
    auto *from = child<QDateEdit>(&page, "auditFromDateEdit");
    auto *to = child<QDateEdit>(&page, "auditToDateEdit");
    QVERIFY(from && to);
    const QDate yesterday = to->date().addDays(-1);
    from->setDate(yesterday);
    to->setDate(yesterday);
    QTRY_COMPARE(table->model()->rowCount(), 0);

    // The chain check: OK, then broken where a row was edited.
    QTest::mouseClick(child<QPushButton>(&page, "verifyChainPushButton"), Qt::LeftButton);
    auto *chain = child<QLabel>(&page, "auditChainLabel");
    QTRY_VERIFY2(chain->text().startsWith(QStringLiteral("OK")), qPrintable(chain->text()));
    QSqlQuery edit(m_db->connection());
    QVERIFY(edit.exec(QStringLiteral("UPDATE audit_log SET action = 'staff.nothing' WHERE seq = 3")));
    QTest::mouseClick(child<QPushButton>(&page, "verifyChainPushButton"), Qt::LeftButton);
    QTRY_VERIFY2(chain->text().contains(QStringLiteral("#3")), qPrintable(chain->text()));
}

QTEST_MAIN(TestStaffPages)
#include "tst_staffpages.moc"
