#include "core/Clock.h"
#include "core/StaffDirectory.h"
#include "store/Database.h"
#include "store/SqlStaffDirectory.h"
#include "store/StoreTestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace gymgate;
using namespace gymgate::test;

Q_DECLARE_METATYPE(gymgate::StaffRole)

namespace {

constexpr qint64 kStartMs = 1'760'000'000'000;
constexpr qint64 kMinuteMs = 60'000;
const QString kAdminPassword = QStringLiteral("Admin2026");
const QString kStaffPassword = QStringLiteral("Desk2026x");

// Every call that takes a session, each tried by every role in permissionsFollowTheTable().
enum class Call {
    Invalid = 0,
    ListStaff,
    CreateStaff,
    UpdateStaff,
    SetStaffEnabled,
    ResetPassword,
    DeleteStaff,
    Audit,
    AuditActors,
    VerifyAudit,
    Logout,
    ChangeOwnPassword,
};

struct CallInfo {
    Call call;
    const char *name;
    Permission permission;
};

const CallInfo kCalls[] = {
    {Call::ListStaff, "listStaff", Permission::ManageStaff},
    {Call::CreateStaff, "createStaff", Permission::ManageStaff},
    {Call::UpdateStaff, "updateStaff", Permission::ManageStaff},
    {Call::SetStaffEnabled, "setStaffEnabled", Permission::ManageStaff},
    {Call::ResetPassword, "resetPassword", Permission::ManageStaff},
    {Call::DeleteStaff, "deleteStaff", Permission::ManageStaff},
    {Call::Audit, "audit", Permission::ViewAudit},
    {Call::AuditActors, "auditActors", Permission::ViewAudit},
    {Call::VerifyAudit, "verifyAudit", Permission::ViewAudit},
    // Anybody logged in (Permission::Invalid here means "no permission needed").
    {Call::Logout, "logout", Permission::Invalid},
    {Call::ChangeOwnPassword, "changeOwnPassword", Permission::Invalid},
};

bool needsTarget(Call call)
{
    return call == Call::UpdateStaff || call == Call::SetStaffEnabled || call == Call::ResetPassword
        || call == Call::DeleteStaff;
}

} // namespace

Q_DECLARE_METATYPE(Call)

class TestStaffDirectory : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstRunOnlyOnce();
    void firstRunRefusesBadInput_data();
    void firstRunRefusesBadInput();
    void loginSucceeds();
    void lockoutAfterFiveFailures();
    void lockedEvenWithTheRightPassword();
    void successResetsTheFailureCount();
    void unknownUserGetsTheSameMessage();
    void disabledAccountRefused();
    void permissionsFollowTheTable_data();
    void permissionsFollowTheTable();
    void invalidSessionRefused();
    void staleSessionRefused();
    void cannotDisableDeleteOrDemoteYourself_data();
    void cannotDisableDeleteOrDemoteYourself();
    void anotherAdminCanBeDemotedWhileOneRemains();
    void passwordPolicy_data();
    void passwordPolicy();
    void usernameMustBeUnique();
    void resetPasswordLiftsTheLockout();
    void changeOwnPassword();
    void everyActionAuditedWithItsActor();
    void auditFilters();
    void verifyAuditFindsTampering();
    void outboxCarriesTheHashButAuditDoesNot();

private:
    StaffSession firstAdmin();
    StaffAccount createAccount(const StaffSession &admin, const QString &username, StaffRole role);
    StaffSession loginAs(const QString &username, const QString &password);
    Status runCall(Call call, const StaffSession &session, const QString &targetId);
    struct Counts {
        qint64 staff = 0;
        qint64 audit = 0;
        qint64 outbox = 0;
        QString staffDigest;
    };
    Counts counts();
    QString lastAuditAction();

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlStaffDirectory> m_directory;
    int m_round = 0;
};

void TestStaffDirectory::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("staff-%1.db").arg(++m_round)));
    QVERIFY(m_db);
    m_clock = std::make_unique<ManualClock>(kStartMs);
    m_directory = std::make_unique<SqlStaffDirectory>(*m_db, *m_clock);
}

void TestStaffDirectory::cleanup()
{
    m_directory.reset();
    m_db.reset();
}

StaffSession TestStaffDirectory::firstAdmin()
{
    return take(m_directory->createFirstAdmin(QStringLiteral("boss"), QStringLiteral("Wang Fang"), kAdminPassword));
}

StaffAccount TestStaffDirectory::createAccount(const StaffSession &admin, const QString &username, StaffRole role)
{
    NewStaffAccount account;
    account.username = username;
    account.displayName = username.toUpper();
    account.role = role;
    account.password = kStaffPassword;
    return take(m_directory->createStaff(admin, account));
}

StaffSession TestStaffDirectory::loginAs(const QString &username, const QString &password)
{
    return take(m_directory->login(username, password));
}

TestStaffDirectory::Counts TestStaffDirectory::counts()
{
    Counts result;
    result.staff = rowCount(*m_db, QStringLiteral("staff_user"));
    result.audit = rowCount(*m_db, QStringLiteral("audit_log"));
    result.outbox = rowCount(*m_db, QStringLiteral("outbox"));
    result.staffDigest = queryValue(*m_db,
        QStringLiteral("SELECT group_concat(id || display_name || role || status || failed_logins || locked_until "
                       "|| password_hash || ifnull(deleted_at, '-'), ';') FROM staff_user"))
                             .toString();
    return result;
}

QString TestStaffDirectory::lastAuditAction()
{
    return queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")).toString();
}

Status TestStaffDirectory::runCall(Call call, const StaffSession &session, const QString &targetId)
{
    auto status = [](const auto &result) -> Status {
        if (!result)
            return std::unexpected(result.error());
        return {};
    };
    switch (call) {
    case Call::ListStaff:
        return status(m_directory->listStaff(session));
    case Call::CreateStaff: {
        NewStaffAccount account {QStringLiteral("newbie"), QStringLiteral("New Bie"), StaffRole::Staff, kStaffPassword};
        return status(m_directory->createStaff(session, account));
    }
    case Call::UpdateStaff:
        return status(m_directory->updateStaff(session, targetId, QStringLiteral("Renamed"), StaffRole::Guest));
    case Call::SetStaffEnabled:
        return status(m_directory->setStaffEnabled(session, targetId, false));
    case Call::ResetPassword:
        return m_directory->resetPassword(session, targetId, QStringLiteral("Fresh2026"));
    case Call::DeleteStaff:
        return m_directory->deleteStaff(session, targetId);
    case Call::Audit:
        return status(m_directory->audit(session, AuditQuery {}));
    case Call::AuditActors:
        return status(m_directory->auditActors(session));
    case Call::VerifyAudit:
        return status(m_directory->verifyAudit(session));
    case Call::Logout:
        return m_directory->logout(session);
    case Call::ChangeOwnPassword:
        return m_directory->changeOwnPassword(
            session, session.role == StaffRole::Admin ? kAdminPassword : kStaffPassword, QStringLiteral("Other2026"));
    case Call::Invalid:
        break;
    }
    return fail(ErrorCode::Internal, QStringLiteral("unknown call"));
}

void TestStaffDirectory::firstRunOnlyOnce()
{
    QCOMPARE(take(m_directory->needsFirstRun()), true);
    const StaffSession admin = firstAdmin();
    QVERIFY(admin.isValid());
    QCOMPARE(admin.role, StaffRole::Admin);
    QCOMPARE(admin.displayName, QStringLiteral("Wang Fang"));
    QCOMPARE(take(m_directory->needsFirstRun()), false);
    QCOMPARE(lastAuditAction(), QStringLiteral("staff.first_run"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT actor FROM audit_log")).toString(), admin.staffId);

    const Counts before = counts();
    const Result<StaffSession> again
        = m_directory->createFirstAdmin(QStringLiteral("intruder"), QStringLiteral("Intruder"), kAdminPassword);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    const Counts after = counts();
    QCOMPARE(after.staff, before.staff);
    QCOMPARE(after.audit, before.audit);
    QCOMPARE(after.outbox, before.outbox);
}

void TestStaffDirectory::firstRunRefusesBadInput_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("field");
    QTest::newRow("no username") << ""
                                 << "Wang Fang" << kAdminPassword << "username";
    QTest::newRow("space in username") << "the boss"
                                       << "Wang Fang" << kAdminPassword << "username";
    QTest::newRow("no display name") << "boss"
                                     << "  " << kAdminPassword << "displayName";
    QTest::newRow("short password") << "boss"
                                    << "Wang Fang"
                                    << "Ab1"
                                    << "password";
    QTest::newRow("letters only") << "boss"
                                  << "Wang Fang"
                                  << "abcdefghij"
                                  << "password";
    QTest::newRow("digits only") << "boss"
                                 << "Wang Fang"
                                 << "1234567890"
                                 << "password";
}

void TestStaffDirectory::firstRunRefusesBadInput()
{
    QFETCH(QString, username);
    QFETCH(QString, displayName);
    QFETCH(QString, password);
    QFETCH(QString, field);
    const Result<StaffSession> created = m_directory->createFirstAdmin(username, displayName, password);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(created.error().field, field);
    QVERIFY(!created.error().message.isEmpty());
    const Counts after = counts();
    QCOMPARE(after.staff, 0);
    QCOMPARE(after.audit, 0);
    QCOMPARE(after.outbox, 0);
    QCOMPARE(take(m_directory->needsFirstRun()), true);
}

void TestStaffDirectory::loginSucceeds()
{
    const StaffSession admin = firstAdmin();
    m_clock->advanceMs(kMinuteMs);
    const StaffSession again = loginAs(QStringLiteral("boss"), kAdminPassword);
    QCOMPARE(again.staffId, admin.staffId);
    QCOMPARE(again.role, StaffRole::Admin);
    QCOMPARE(again.username, QStringLiteral("boss"));
    QCOMPARE(lastAuditAction(), QStringLiteral("staff.login"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1")).toLongLong(),
        kStartMs + kMinuteMs);
}

void TestStaffDirectory::lockoutAfterFiveFailures()
{
    const StaffSession admin = firstAdmin();
    createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    for (int i = 1; i < kStaffMaxFailedLogins; ++i) {
        const Result<StaffSession> wrong = m_directory->login(QStringLiteral("clerk"), QStringLiteral("Wrong123"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().field, QStringLiteral("password"));
        QCOMPARE(
            queryValue(*m_db, QStringLiteral("SELECT failed_logins FROM staff_user WHERE username = 'clerk'")).toInt(),
            i);
    }
    const Result<StaffSession> fifth = m_directory->login(QStringLiteral("clerk"), QStringLiteral("Wrong123"));
    QVERIFY(!fifth);
    QCOMPARE(fifth.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(fifth.error().message.contains(QStringLiteral("15")), qPrintable(fifth.error().message));
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT locked_until FROM staff_user WHERE username = 'clerk'")).toLongLong(),
        kStartMs + kStaffLockoutMs);
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staff.login_failed'")).toInt(),
        kStaffMaxFailedLogins);
}

void TestStaffDirectory::lockedEvenWithTheRightPassword()
{
    const StaffSession admin = firstAdmin();
    createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    for (int i = 0; i < kStaffMaxFailedLogins; ++i)
        QVERIFY(!m_directory->login(QStringLiteral("clerk"), QStringLiteral("Wrong123")));

    m_clock->advanceMs(kMinuteMs);
    Result<StaffSession> locked = m_directory->login(QStringLiteral("clerk"), kStaffPassword);
    QVERIFY(!locked);
    QVERIFY2(locked.error().message.contains(QStringLiteral("14 minute")), qPrintable(locked.error().message));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("{\"reason\":\"locked\",\"username\":\"clerk\"}"));

    m_clock->advanceMs(13 * kMinuteMs + 30'000); // 30 s left: still locked, "1 minute"
    locked = m_directory->login(QStringLiteral("clerk"), kStaffPassword);
    QVERIFY(!locked);
    QVERIFY2(locked.error().message.contains(QStringLiteral("1 minute")), qPrintable(locked.error().message));

    m_clock->advanceMs(30'000);
    const StaffSession clerk = loginAs(QStringLiteral("clerk"), kStaffPassword);
    QCOMPARE(clerk.role, StaffRole::Staff);
    QCOMPARE(queryValue(*m_db,
                 QStringLiteral("SELECT failed_logins || '/' || locked_until FROM staff_user WHERE "
                                "username = 'clerk'"))
                 .toString(),
        QStringLiteral("0/0"));
}

void TestStaffDirectory::successResetsTheFailureCount()
{
    const StaffSession admin = firstAdmin();
    createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    for (int i = 0; i < kStaffMaxFailedLogins - 1; ++i)
        QVERIFY(!m_directory->login(QStringLiteral("clerk"), QStringLiteral("Wrong123")));
    loginAs(QStringLiteral("clerk"), kStaffPassword);
    for (int i = 0; i < kStaffMaxFailedLogins - 1; ++i)
        QVERIFY(!m_directory->login(QStringLiteral("clerk"), QStringLiteral("Wrong123")));
    // Four in a row again: not locked, the right password works.
    loginAs(QStringLiteral("clerk"), kStaffPassword);
}

void TestStaffDirectory::unknownUserGetsTheSameMessage()
{
    firstAdmin();
    const Result<StaffSession> unknown = m_directory->login(QStringLiteral("nobody"), kAdminPassword);
    const Result<StaffSession> wrong = m_directory->login(QStringLiteral("boss"), QStringLiteral("Wrong123"));
    QVERIFY(!unknown);
    QVERIFY(!wrong);
    QCOMPARE(unknown.error().message, wrong.error().message);
    QCOMPARE(unknown.error().code, wrong.error().code);
    QCOMPARE(unknown.error().field, wrong.error().field);

    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT actor, action, detail FROM audit_log ORDER BY seq DESC LIMIT 2")));
    QVERIFY(query.next());
    QCOMPARE(query.value(1).toString(), QStringLiteral("staff.login_failed"));
    QCOMPARE(QJsonDocument::fromJson(query.value(2).toByteArray()).object().value(QStringLiteral("username")),
        QStringLiteral("boss"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("system"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("staff.login_failed"));
    QCOMPARE(QJsonDocument::fromJson(query.value(2).toByteArray()).object().value(QStringLiteral("username")),
        QStringLiteral("nobody"));
}

void TestStaffDirectory::disabledAccountRefused()
{
    const StaffSession admin = firstAdmin();
    const StaffAccount clerk = createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    QCOMPARE(take(m_directory->setStaffEnabled(admin, clerk.id, false)).status, StaffStatus::Disabled);
    const Result<StaffSession> refused = m_directory->login(QStringLiteral("clerk"), kStaffPassword);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(refused.error().message.contains(QStringLiteral("disabled")));
    // A wrong password on a disabled account says no more than on any other account.
    const Result<StaffSession> wrong = m_directory->login(QStringLiteral("clerk"), QStringLiteral("Wrong123"));
    QCOMPARE(wrong.error().message, m_directory->login(QStringLiteral("nobody"), kStaffPassword).error().message);

    QVERIFY(m_directory->setStaffEnabled(admin, clerk.id, true));
    QCOMPARE(loginAs(QStringLiteral("clerk"), kStaffPassword).staffId, clerk.id);
}

void TestStaffDirectory::permissionsFollowTheTable_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<StaffRole>("role");
    QTest::addColumn<bool>("allowed");
    for (const CallInfo &info : kCalls) {
        for (StaffRole role : {StaffRole::Admin, StaffRole::Staff, StaffRole::Technician, StaffRole::Guest}) {
            QTest::addRow("%s by %s", info.name, staffRoleName(role))
                << info.call << role << (info.permission == Permission::Invalid || roleMay(role, info.permission));
        }
    }
}

void TestStaffDirectory::permissionsFollowTheTable()
{
    QFETCH(Call, call);
    QFETCH(StaffRole, role);
    QFETCH(bool, allowed);
    const StaffSession admin = firstAdmin();
    // Argon2id is slow on purpose: make the target account only for the calls that need one.
    const QString targetId
        = needsTarget(call) ? createAccount(admin, QStringLiteral("target"), StaffRole::Staff).id : QString();
    StaffSession session = admin;
    if (role != StaffRole::Admin) {
        createAccount(admin, QStringLiteral("actor"), role);
        session = loginAs(QStringLiteral("actor"), kStaffPassword);
    }
    const Counts before = counts();
    const Status done = runCall(call, session, targetId);
    if (allowed) {
        QVERIFY2(done.has_value(), done ? "" : qPrintable(done.error().toString()));
        return;
    }
    QVERIFY(!done);
    QCOMPARE(done.error().code, ErrorCode::PermissionDenied);
    QVERIFY(done.error().message.contains(staffRoleTitle(role)));
    const Counts after = counts();
    QCOMPARE(after.staff, before.staff);
    QCOMPARE(after.audit, before.audit);
    QCOMPARE(after.outbox, before.outbox);
    QCOMPARE(after.staffDigest, before.staffDigest);
}

void TestStaffDirectory::invalidSessionRefused()
{
    const StaffSession admin = firstAdmin();
    const StaffAccount target = createAccount(admin, QStringLiteral("target"), StaffRole::Staff);
    const Counts before = counts();
    for (const CallInfo &info : kCalls) {
        const Status done = runCall(info.call, StaffSession {}, target.id);
        QVERIFY2(!done, info.name);
        QCOMPARE(done.error().code, ErrorCode::PermissionDenied);
    }
    QVERIFY(!m_directory->logout(StaffSession {}));
    QVERIFY(!m_directory->changeOwnPassword(StaffSession {}, kAdminPassword, QStringLiteral("Other2026")));
    const Counts after = counts();
    QCOMPARE(after.audit, before.audit);
    QCOMPARE(after.staffDigest, before.staffDigest);
}

void TestStaffDirectory::staleSessionRefused()
{
    const StaffSession boss = firstAdmin();
    createAccount(boss, QStringLiteral("second"), StaffRole::Admin);
    const StaffSession second = loginAs(QStringLiteral("second"), kStaffPassword);
    QVERIFY(m_directory->setStaffEnabled(second, boss.staffId, false));
    // boss still holds a session from before: a disabled account acts no more.
    const Counts before = counts();
    const Result<QList<StaffAccount>> listed = m_directory->listStaff(boss);
    QVERIFY(!listed);
    QCOMPARE(listed.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!m_directory->resetPassword(boss, second.staffId, QStringLiteral("Taken2026")));
    QCOMPARE(counts().staffDigest, before.staffDigest);
}

void TestStaffDirectory::cannotDisableDeleteOrDemoteYourself_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<QString>("field");
    QTest::newRow("disable") << Call::SetStaffEnabled << "status";
    QTest::newRow("delete") << Call::DeleteStaff << "staffId";
    QTest::newRow("demote") << Call::UpdateStaff << "role";
}

void TestStaffDirectory::cannotDisableDeleteOrDemoteYourself()
{
    QFETCH(Call, call);
    QFETCH(QString, field);
    const StaffSession admin = firstAdmin();
    // Alone and with a second admin: your own account is never yours to remove.
    for (int round = 0; round < 2; ++round) {
        const Counts before = counts();
        const Status done = runCall(call, admin, admin.staffId);
        QVERIFY(!done);
        QCOMPARE(done.error().code, ErrorCode::Conflict);
        QCOMPARE(done.error().field, field);
        const Counts after = counts();
        QCOMPARE(after.audit, before.audit);
        QCOMPARE(after.outbox, before.outbox);
        QCOMPARE(after.staffDigest, before.staffDigest);
        if (round == 0)
            createAccount(admin, QStringLiteral("second"), StaffRole::Admin);
    }
    QCOMPARE(take(m_directory->needsFirstRun()), false);
}

void TestStaffDirectory::anotherAdminCanBeDemotedWhileOneRemains()
{
    const StaffSession boss = firstAdmin();
    const StaffAccount second = createAccount(boss, QStringLiteral("second"), StaffRole::Admin);
    const StaffAccount demoted
        = take(m_directory->updateStaff(boss, second.id, QStringLiteral("Li Lei"), StaffRole::Staff));
    QCOMPARE(demoted.role, StaffRole::Staff);
    QCOMPARE(demoted.displayName, QStringLiteral("Li Lei"));
    QCOMPARE(lastAuditAction(), QStringLiteral("staff.update"));
    // Now boss is the last admin: still protected.
    QVERIFY(!m_directory->updateStaff(boss, boss.staffId, QStringLiteral("Boss"), StaffRole::Staff));
    QVERIFY(m_directory->deleteStaff(boss, second.id));
    QVERIFY(!m_directory->login(QStringLiteral("second"), kStaffPassword));
}

void TestStaffDirectory::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << "" << false;
    QTest::newRow("7 characters") << "abc1234" << false;
    QTest::newRow("letters only") << "abcdefgh" << false;
    QTest::newRow("digits only") << "12345678" << false;
    QTest::newRow("8 mixed") << "abcd1234" << true;
    QTest::newRow("chinese letters and digits") << "健身房密码2026" << true;
}

void TestStaffDirectory::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(bool, valid);
    QCOMPARE(StaffRules::checkPassword(password).has_value(), valid);
    const StaffSession admin = firstAdmin();
    const StaffAccount clerk = createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    const Counts before = counts();

    NewStaffAccount account {QStringLiteral("other"), QStringLiteral("Other"), StaffRole::Staff, password};
    const Result<StaffAccount> created = m_directory->createStaff(admin, account);
    QCOMPARE(created.has_value(), valid);
    const Status reset = m_directory->resetPassword(admin, clerk.id, password);
    QCOMPARE(reset.has_value(), valid);
    const StaffSession clerkSession = loginAs(QStringLiteral("clerk"), valid ? password : kStaffPassword);
    const Status changed = m_directory->changeOwnPassword(clerkSession, valid ? password : kStaffPassword, password);
    // Changing to the same password is refused either way.
    QVERIFY(!changed);
    QCOMPARE(changed.error().field, QStringLiteral("newPassword"));
    if (!valid) {
        QCOMPARE(created.error().field, QStringLiteral("password"));
        QCOMPARE(reset.error().field, QStringLiteral("password"));
        QCOMPARE(counts().staff, before.staff);
    }
}

void TestStaffDirectory::usernameMustBeUnique()
{
    const StaffSession admin = firstAdmin();
    createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    const Counts before = counts();
    NewStaffAccount account {QStringLiteral("clerk"), QStringLiteral("Other"), StaffRole::Guest, kStaffPassword};
    const Result<StaffAccount> twice = m_directory->createStaff(admin, account);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(twice.error().field, QStringLiteral("username"));
    const Counts after = counts();
    QCOMPARE(after.staff, before.staff);
    QCOMPARE(after.audit, before.audit);
    QCOMPARE(after.outbox, before.outbox);
}

void TestStaffDirectory::resetPasswordLiftsTheLockout()
{
    const StaffSession admin = firstAdmin();
    const StaffAccount clerk = createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    for (int i = 0; i < kStaffMaxFailedLogins; ++i)
        QVERIFY(!m_directory->login(QStringLiteral("clerk"), QStringLiteral("Wrong123")));
    const QList<StaffAccount> listed = take(m_directory->listStaff(admin));
    const auto locked = std::find_if(
        listed.begin(), listed.end(), [&](const StaffAccount &account) { return account.id == clerk.id; });
    QVERIFY(locked != listed.end());
    QVERIFY(locked->isLockedAt(m_clock->nowMs()));
    QVERIFY(m_directory->resetPassword(admin, clerk.id, QStringLiteral("Fresh2026")));
    QCOMPARE(lastAuditAction(), QStringLiteral("staff.reset_password"));
    QVERIFY(!m_directory->login(QStringLiteral("clerk"), kStaffPassword));
    QCOMPARE(loginAs(QStringLiteral("clerk"), QStringLiteral("Fresh2026")).staffId, clerk.id);
}

void TestStaffDirectory::changeOwnPassword()
{
    const StaffSession admin = firstAdmin();
    createAccount(admin, QStringLiteral("clerk"), StaffRole::Guest);
    const StaffSession clerk = loginAs(QStringLiteral("clerk"), kStaffPassword);
    const Counts before = counts();
    const Status wrongOld
        = m_directory->changeOwnPassword(clerk, QStringLiteral("Wrong123"), QStringLiteral("Next2026"));
    QVERIFY(!wrongOld);
    QCOMPARE(wrongOld.error().field, QStringLiteral("oldPassword"));
    const Status weak = m_directory->changeOwnPassword(clerk, kStaffPassword, QStringLiteral("short"));
    QVERIFY(!weak);
    QCOMPARE(weak.error().field, QStringLiteral("newPassword"));
    QCOMPARE(counts().staffDigest, before.staffDigest);
    QCOMPARE(counts().audit, before.audit);

    // Even a guest, who may manage nobody, changes their own password.
    QVERIFY(m_directory->changeOwnPassword(clerk, kStaffPassword, QStringLiteral("Next2026")));
    QCOMPARE(lastAuditAction(), QStringLiteral("staff.change_password"));
    QVERIFY(!m_directory->login(QStringLiteral("clerk"), kStaffPassword));
    QCOMPARE(loginAs(QStringLiteral("clerk"), QStringLiteral("Next2026")).staffId, clerk.staffId);
}

void TestStaffDirectory::everyActionAuditedWithItsActor()
{
    const StaffSession admin = firstAdmin();
    const StaffAccount clerk = createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    QVERIFY(m_directory->updateStaff(admin, clerk.id, QStringLiteral("Clerk Zhang"), StaffRole::Technician));
    QVERIFY(m_directory->setStaffEnabled(admin, clerk.id, false));
    QVERIFY(m_directory->setStaffEnabled(admin, clerk.id, true));
    QVERIFY(m_directory->resetPassword(admin, clerk.id, QStringLiteral("Fresh2026")));
    const StaffSession clerkSession = loginAs(QStringLiteral("clerk"), QStringLiteral("Fresh2026"));
    QVERIFY(m_directory->logout(clerkSession));
    QVERIFY(m_directory->deleteStaff(admin, clerk.id));
    QVERIFY(m_directory->logout(admin));

    const QList<AuditRecord> records = take(m_directory->audit(admin, AuditQuery {}));
    QStringList actions;
    QStringList actors;
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        actions.append(it->action);
        actors.append(it->actor == admin.staffId ? QStringLiteral("admin") : QStringLiteral("clerk"));
        QVERIFY(!it->detail.contains(QStringLiteral("passwordHash")));
    }
    QCOMPARE(actions,
        QStringList({"staff.first_run", "staff.create", "staff.update", "staff.disable", "staff.enable",
            "staff.reset_password", "staff.login", "staff.logout", "staff.delete", "staff.logout"}));
    QCOMPARE(actors,
        QStringList({"admin", "admin", "admin", "admin", "admin", "admin", "clerk", "clerk", "admin", "admin"}));
    QCOMPARE(records.constFirst().actorName, QStringLiteral("Wang Fang"));
    // The deleted clerk's rows still carry their name.
    QCOMPARE(records.at(2).actorName, QStringLiteral("Clerk Zhang"));
    // Every account change is also an outbox event for the other sites.
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 7);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT type FROM outbox ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("staff.deleted"));
}

void TestStaffDirectory::auditFilters()
{
    const StaffSession admin = firstAdmin();
    m_clock->advanceMs(24 * 60 * kMinuteMs);
    const StaffAccount clerk = createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    const StaffSession clerkSession = loginAs(QStringLiteral("clerk"), kStaffPassword);
    QVERIFY(m_directory->logout(clerkSession));
    QVERIFY(!m_directory->login(QStringLiteral("ghost"), kStaffPassword));

    AuditQuery byActor;
    byActor.actor = clerk.id;
    const QList<AuditRecord> clerkRows = take(m_directory->audit(admin, byActor));
    QCOMPARE(clerkRows.size(), 2);
    QCOMPARE(clerkRows.at(0).action, QStringLiteral("staff.logout"));
    QCOMPARE(clerkRows.at(1).action, QStringLiteral("staff.login"));

    AuditQuery byAction;
    byAction.action = QStringLiteral("staff.login_failed");
    const QList<AuditRecord> failed = take(m_directory->audit(admin, byAction));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.constFirst().actor, QStringLiteral("system"));

    AuditQuery firstDay;
    firstDay.fromMs = kStartMs;
    firstDay.toMs = kStartMs + 24 * 60 * kMinuteMs;
    const QList<AuditRecord> early = take(m_directory->audit(admin, firstDay));
    QCOMPARE(early.size(), 1);
    QCOMPARE(early.constFirst().action, QStringLiteral("staff.first_run"));

    AuditQuery backwards;
    backwards.fromMs = kStartMs + 10;
    backwards.toMs = kStartMs;
    const Result<QList<AuditRecord>> refused = m_directory->audit(admin, backwards);
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("toMs"));

    const QList<StaffAccount> actors = take(m_directory->auditActors(admin));
    QStringList ids;
    for (const StaffAccount &actor : actors)
        ids.append(actor.id);
    QVERIFY(ids.contains(admin.staffId));
    QVERIFY(ids.contains(clerk.id));
    QVERIFY(ids.contains(QStringLiteral("system")));
}

void TestStaffDirectory::verifyAuditFindsTampering()
{
    const StaffSession admin = firstAdmin();
    createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    QVERIFY(m_directory->logout(admin));
    AuditChainCheck check = take(m_directory->verifyAudit(admin));
    QVERIFY(check.ok);
    QCOMPARE(check.rowsChecked, 3);
    QSqlQuery edit(m_db->connection());
    QVERIFY(edit.exec(QStringLiteral("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")));
    check = take(m_directory->verifyAudit(admin));
    QVERIFY(!check.ok);
    QCOMPARE(check.firstBrokenSeq, 2);
}

void TestStaffDirectory::outboxCarriesTheHashButAuditDoesNot()
{
    const StaffSession admin = firstAdmin();
    const StaffAccount clerk = createAccount(admin, QStringLiteral("clerk"), StaffRole::Staff);
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT type, staff, data FROM outbox ORDER BY seq")));
    QVERIFY(query.next());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("staff.created"));
    QCOMPARE(query.value(1).toString(), admin.staffId);
    const QJsonObject data = QJsonDocument::fromJson(query.value(2).toByteArray()).object();
    QCOMPARE(data.value(QStringLiteral("id")).toString(), clerk.id);
    QCOMPARE(data.value(QStringLiteral("role")).toString(), QStringLiteral("staff"));
    QVERIFY(data.value(QStringLiteral("passwordHash")).toString().startsWith(QStringLiteral("$argon2id$")));
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE detail LIKE '%argon2%'")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestStaffDirectory)
#include "tst_staffdirectory.moc"
