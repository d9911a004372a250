// Staff control of the running gate service at the front desk: declare and reset the emergency,
// clear a gate out of order. SupervisorGateControl on a real SQLite file, a real GateSupervisor
// driving a real gymgate-gatesim over Modbus TCP, and the desk window's gate service strip driven
// by objectName.

#include "bridge/GateSimProcess.h"
#include "core/Clock.h"
#include "core/GateSupervisor.h"
#include "store/AuditLog.h"
#include "store/GateRepository.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/DeskWindow.h"
#include "ui/desk/GateServiceBanner.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>

#include "drivers/ModbusGateDriver.h"
#include "protocol/GateProfile.h"
#include "tech/SupervisorGateControl.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 NowMs = 1'765'000'000'000; // 2025-12-06
constexpr int GateWaitMs = 5000;
const QString GateName = QStringLiteral("North turnstile");

StaffSession sessionFor(StaffRole role)
{
    const QString name = QString::fromLatin1(staffRoleName(role));
    return StaffSession {name + QStringLiteral("-id"), name, name + QStringLiteral(" user"), role};
}

bridge::GateProfile turnstileProfile(const GateSimProcess &sim)
{
    bridge::GateProfile profile;
    profile.kind = bridge::ProfileKind::TurnstileRegisters;
    profile.transport = bridge::TransportKind::ModbusTcp;
    profile.tcp.port = sim.tcpPort;
    profile.slaveId = 1;
    profile.pollPeriodMs = 30;
    profile.timeoutMs = 300;
    profile.passTimeoutMs = 1000;
    return profile;
}

QList<AuditEntry> auditRows(Database &db, const QString &action)
{
    AuditFilter filter;
    filter.action = action;
    return take(AuditLog(db).list(filter));
}

// The visible clear button of a gate in the strip, or null.
QPushButton *clearButtonFor(QWidget *banner, const QString &gateId)
{
    const auto buttons = banner->findChildren<QPushButton *>(QStringLiteral("clearOutOfOrderPushButton"));
    for (QPushButton *button : buttons) {
        if (button->property("gateId").toString() == gateId && button->isVisibleTo(banner))
            return button;
    }
    return nullptr;
}

// Turns every COMMIT on the connection into a rollback (SQLITE_CONSTRAINT_COMMITHOOK), as a
// full disk or an I/O error at commit time would: BEGIN and the INSERT still succeed.
int refuseCommit(void *)
{
    return 1;
}

} // namespace

class TestGateControl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void declaredEmergencyFreesTheGatesAndIsAudited();
    void resetIsRefusedWhileTheFireInputIsActive();
    void clearedGateIsReadyAndAudited();
    void onlySessionsWithThePermissionMayAct();
    void actionWaitsForItsAuditRowToCommit();
    void deskWithoutGatesHasNothingToControl();
    void stripShowsTheEmergencyAndResetsIt();
    void stripClearsAGateOutOfOrder();
    void stripDeclaresAnEmergencyWithAReason();

private:
    void takeGateOutOfOrder();
    void buildWindow(GateControl &control);

    GateSimProcess m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<bridge::ModbusGateDriver> m_driver;
    std::unique_ptr<GateSupervisor> m_supervisor;
    std::unique_ptr<SupervisorGateControl> m_control;
    std::unique_ptr<DeskWindow> m_window;
    GateServiceBanner *m_banner = nullptr;
    QString m_gateId;
    StaffSession m_frontDesk = sessionFor(StaffRole::Staff);
};

void TestGateControl::initTestCase()
{
    QVERIFY(m_sim.start(
        {QStringLiteral("--map"), QStringLiteral("turnstile"), QStringLiteral("--slaves"), QStringLiteral("1")}));
}

// One saved gate the gate service drives, as on a desk PC next to the turnstile.
void TestGateControl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openDatabase(m_dir->filePath(QStringLiteral("gym.db")));
    QVERIFY(m_db);
    m_clock = std::make_unique<ManualClock>(NowMs);
    const Venue floor = take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Gym floor")), NowMs));
    GateConfig gate;
    gate.name = GateName;
    gate.zoneId = floor.id;
    gate.profile = turnstileProfile(m_sim).toJson();
    m_gateId = take(GateRepository(*m_db).insert(gate, NowMs)).id;

    m_driver = std::make_unique<bridge::ModbusGateDriver>(turnstileProfile(m_sim));
    m_supervisor = std::make_unique<GateSupervisor>();
    m_supervisor->addGate(SupervisedGate {m_gateId, FailPolicy::FailSecure, 3}, m_driver.get());
    m_supervisor->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_supervisor->availability(m_gateId), GateAvailability::Ready, GateWaitMs);
    m_control = std::make_unique<SupervisorGateControl>(m_supervisor.get(), *m_db, *m_clock);
}

void TestGateControl::cleanup()
{
    m_window.reset();
    m_banner = nullptr;
    m_control.reset();
    if (m_supervisor)
        m_supervisor->stop();
    m_supervisor.reset();
    m_driver.reset();
    m_db.reset();
    m_dir.reset();
    // The next test starts without a fire.
    QCOMPARE(m_sim.command("fire off"), QByteArray("ok"));
}

void TestGateControl::takeGateOutOfOrder()
{
    for (int fault = 0; fault < 3; ++fault)
        m_supervisor->recordFault(m_gateId, QStringLiteral("no answer"));
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::OutOfOrder);
}

// The desk window as DeskApp builds it: the strip above the pages, its action in the toolbar.
void TestGateControl::buildWindow(GateControl &control)
{
    m_window = std::make_unique<DeskWindow>();
    m_banner = new GateServiceBanner(control);
    m_window->setBanner(m_banner);
    m_window->addToolBarAction(m_banner->declareEmergencyAction());
    connect(m_window.get(), &DeskWindow::sessionChanged, m_banner, &GateServiceBanner::setSession);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGateControl::declaredEmergencyFreesTheGatesAndIsAudited()
{
    QSignalSpy changed(m_control.get(), &GateControl::changed);
    const Status noReason = m_control->declareEmergency(m_frontDesk, QStringLiteral("  "));
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(noReason.error().field, QStringLiteral("reason"));
    QVERIFY(!m_control->emergency());

    QVERIFY(m_control->declareEmergency(m_frontDesk, QStringLiteral("Evacuation drill")));
    QVERIFY(m_control->emergency());
    QVERIFY(m_supervisor->emergency());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::Emergency);
    // The turnstile itself lets everyone through.
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().mode, GateMode::Free, GateWaitMs);

    const QList<AuditEntry> rows = auditRows(*m_db, QStringLiteral("gate.emergency_declared"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().actor, m_frontDesk.staffId);
    QCOMPARE(rows.first().atMs, NowMs);
    QCOMPARE(rows.first().detail.value(QStringLiteral("reason")).toString(), QStringLiteral("Evacuation drill"));
    QVERIFY(take(AuditLog(*m_db).verify()).ok);

    // Declared twice: refused, one row.
    const Status again = m_control->declareEmergency(m_frontDesk, QStringLiteral("Again"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(1));
}

void TestGateControl::resetIsRefusedWhileTheFireInputIsActive()
{
    QCOMPARE(m_sim.command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(m_control->emergency() && m_control->fireInputActive(), GateWaitMs);

    const Status whileBurning = m_control->resetEmergency(m_frontDesk);
    QVERIFY(!whileBurning);
    QCOMPARE(whileBurning.error().code, ErrorCode::Conflict);
    QVERIFY(whileBurning.error().message.contains(QStringLiteral("fire")));
    QVERIFY(m_control->emergency());
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(0)); // the refused reset left no row

    QSignalSpy changed(m_control.get(), &GateControl::changed);
    QCOMPARE(m_sim.command("fire off"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_control->fireInputActive(), GateWaitMs);
    // The input clearing is news for the desk (the reset becomes possible), though the
    // emergency stays latched.
    QVERIFY(!changed.isEmpty());
    QVERIFY(m_control->emergency());

    m_clock->advanceMs(60'000);
    QVERIFY(m_control->resetEmergency(m_frontDesk));
    QVERIFY(!m_control->emergency());
    QTRY_COMPARE_WITH_TIMEOUT(m_supervisor->availability(m_gateId), GateAvailability::Ready, GateWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().mode, GateMode::Normal, GateWaitMs);
    const QList<AuditEntry> rows = auditRows(*m_db, QStringLiteral("gate.emergency_reset"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().actor, m_frontDesk.staffId);
    QCOMPARE(rows.first().atMs, NowMs + 60'000);

    // Nothing left to reset.
    const Status twice = m_control->resetEmergency(m_frontDesk);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(1));
}

void TestGateControl::clearedGateIsReadyAndAudited()
{
    QVERIFY(m_control->outOfOrderGates().isEmpty());
    takeGateOutOfOrder();
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().mode, GateMode::Locked, GateWaitMs); // fail-secure
    const QList<OutOfOrderGate> out = m_control->outOfOrderGates();
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().gateId, m_gateId);
    QCOMPARE(out.first().name, GateName);

    const Status unknown = m_control->clearOutOfOrder(m_frontDesk, QStringLiteral("no-such-gate"));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);

    QVERIFY(m_control->clearOutOfOrder(m_frontDesk, m_gateId));
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::Ready);
    QVERIFY(m_control->outOfOrderGates().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().mode, GateMode::Normal, GateWaitMs);
    const QList<AuditEntry> rows = auditRows(*m_db, QStringLiteral("gate.out_of_order_cleared"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().actor, m_frontDesk.staffId);
    QCOMPARE(rows.first().entityId, m_gateId);
    QCOMPARE(rows.first().detail.value(QStringLiteral("gateId")).toString(), m_gateId);
    QCOMPARE(rows.first().detail.value(QStringLiteral("name")).toString(), GateName);

    // Not out of order any more: refused, nothing written.
    const Status again = m_control->clearOutOfOrder(m_frontDesk, m_gateId);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY(again.error().message.contains(GateName));
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(1));
}

void TestGateControl::onlySessionsWithThePermissionMayAct()
{
    QVERIFY(sessionFor(StaffRole::Staff).may(Permission::ResetEmergency)); // the front desk clerk
    takeGateOutOfOrder();
    for (const StaffSession &session : {sessionFor(StaffRole::Guest), StaffSession {}}) {
        const QString who = session.isValid() ? session.username : QStringLiteral("logged out");
        const Status declared = m_control->declareEmergency(session, QStringLiteral("drill"));
        QVERIFY2(!declared && declared.error().code == ErrorCode::PermissionDenied, qPrintable(who));
        const Status cleared = m_control->clearOutOfOrder(session, m_gateId);
        QVERIFY2(!cleared && cleared.error().code == ErrorCode::PermissionDenied, qPrintable(who));
    }
    QVERIFY(!m_control->emergency());
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::OutOfOrder);

    QVERIFY(m_control->declareEmergency(m_frontDesk, QStringLiteral("drill")));
    const Status guestReset = m_control->resetEmergency(sessionFor(StaffRole::Guest));
    QVERIFY(!guestReset);
    QCOMPARE(guestReset.error().code, ErrorCode::PermissionDenied);
    QVERIFY(m_control->emergency());
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(1)); // the clerk's declaration only

    // While the emergency frees every gate there is nothing to clear: reset first.
    const Status during = m_control->clearOutOfOrder(m_frontDesk, m_gateId);
    QVERIFY(!during);
    QCOMPARE(during.error().code, ErrorCode::Conflict);
    QVERIFY(m_control->resetEmergency(sessionFor(StaffRole::Technician)));
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::OutOfOrder);
    QVERIFY(m_control->clearOutOfOrder(sessionFor(StaffRole::Admin), m_gateId));
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(3));
}

// The gates change only once the audit row is durable: a commit that fails leaves them as they
// were, and the clerk is told the action failed.
void TestGateControl::actionWaitsForItsAuditRowToCommit()
{
    sqlite3_commit_hook(m_db->handle(), refuseCommit, nullptr);
    const Status declared = m_control->declareEmergency(m_frontDesk, QStringLiteral("Evacuation drill"));
    QVERIFY(!declared);
    QCOMPARE(declared.error().code, ErrorCode::Storage);
    QVERIFY(!m_supervisor->emergency());
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::Ready);

    sqlite3_commit_hook(m_db->handle(), nullptr, nullptr);
    QVERIFY(m_control->declareEmergency(m_frontDesk, QStringLiteral("Evacuation drill")));
    sqlite3_commit_hook(m_db->handle(), refuseCommit, nullptr);
    QVERIFY(!m_control->resetEmergency(m_frontDesk));
    QVERIFY(m_supervisor->emergency());
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::Emergency);

    sqlite3_commit_hook(m_db->handle(), nullptr, nullptr);
    QVERIFY(m_control->resetEmergency(m_frontDesk));
    takeGateOutOfOrder();
    sqlite3_commit_hook(m_db->handle(), refuseCommit, nullptr);
    QVERIFY(!m_control->clearOutOfOrder(m_frontDesk, m_gateId));
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::OutOfOrder);

    sqlite3_commit_hook(m_db->handle(), nullptr, nullptr);
    // Only the two actions that happened are in the log.
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(2));
    QVERIFY(take(AuditLog(*m_db).verify()).ok);
}

void TestGateControl::deskWithoutGatesHasNothingToControl()
{
    SupervisorGateControl none(nullptr, *m_db, *m_clock);
    QVERIFY(!none.hasGateService());
    QVERIFY(!none.emergency());
    QVERIFY(none.outOfOrderGates().isEmpty());
    const Status declared = none.declareEmergency(m_frontDesk, QStringLiteral("drill"));
    QVERIFY(!declared);
    QCOMPARE(declared.error().code, ErrorCode::Conflict);
    QVERIFY(!none.resetEmergency(m_frontDesk));
    QVERIFY(!none.clearOutOfOrder(m_frontDesk, m_gateId));
    QCOMPARE(take(AuditLog(*m_db).count()), qint64(0));

    buildWindow(none);
    m_window->setSession(m_frontDesk);
    QVERIFY(!m_banner->isVisible());
    QVERIFY(!m_banner->declareEmergencyAction()->isVisible());
    m_window.reset(); // before `none`
}

void TestGateControl::stripShowsTheEmergencyAndResetsIt()
{
    buildWindow(*m_control);
    m_window->setSession(m_frontDesk);
    QVERIFY(!m_banner->isVisible()); // nothing to act on

    QCOMPARE(m_sim.command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(m_banner->isVisible(), GateWaitMs);
    auto *label = child<QLabel>(m_banner, "emergencyLabel");
    auto *reset = child<QPushButton>(m_banner, "resetEmergencyPushButton");
    QVERIFY(label && reset);
    QVERIFY(label->text().contains(QStringLiteral("Emergency: every gate is free")));
    QTRY_VERIFY(label->text().contains(QStringLiteral("fire input is still active")));
    QVERIFY(reset->isVisible());
    QVERIFY(!reset->isEnabled());
    QVERIFY(!reset->toolTip().isEmpty());

    // A guest sees the emergency but has no button; logged out, the strip is gone.
    m_window->setSession(sessionFor(StaffRole::Guest));
    QVERIFY(m_banner->isVisible());
    QVERIFY(!reset->isVisible());
    QVERIFY(!m_banner->declareEmergencyAction()->isVisible());
    m_window->setSession(StaffSession {});
    QVERIFY(!m_banner->isVisible());
    m_window->setSession(m_frontDesk);
    QVERIFY(m_banner->isVisible());

    QCOMPARE(m_sim.command("fire off"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(reset->isEnabled(), GateWaitMs);
    QVERIFY(!label->text().contains(QStringLiteral("fire input")));
    QTest::mouseClick(reset, Qt::LeftButton);
    QTRY_VERIFY(!m_banner->isVisible());
    QVERIFY(!m_supervisor->emergency());
    QCOMPARE(auditRows(*m_db, QStringLiteral("gate.emergency_reset")).size(), 1);
}

void TestGateControl::stripClearsAGateOutOfOrder()
{
    buildWindow(*m_control);
    m_window->setSession(m_frontDesk);
    takeGateOutOfOrder();
    QTRY_VERIFY(m_banner->isVisible());
    QVERIFY(!child<QLabel>(m_banner, "emergencyLabel")->isVisible());
    auto *label = child<QLabel>(m_banner, "outOfOrderLabel");
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("North turnstile is out of order after repeated faults."));
    QPushButton *clear = clearButtonFor(m_banner, m_gateId);
    QVERIFY(clear);

    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_VERIFY(!m_banner->isVisible());
    QCOMPARE(m_supervisor->availability(m_gateId), GateAvailability::Ready);
    QCOMPARE(auditRows(*m_db, QStringLiteral("gate.out_of_order_cleared")).size(), 1);
    QTRY_VERIFY(!clearButtonFor(m_banner, m_gateId));
}

void TestGateControl::stripDeclaresAnEmergencyWithAReason()
{
    buildWindow(*m_control);
    m_window->setSession(m_frontDesk);
    QAction *declare = m_window->findChild<QAction *>(QStringLiteral("declareEmergencyAction"));
    QVERIFY(declare);
    QVERIFY(declare->isVisible() && declare->isEnabled());

    // Without a reason: refused, and the strip says why.
    declare->trigger();
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QInputDialog *>(QStringLiteral("declareEmergencyDialog"))));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(m_banner->isVisible());
    auto *error = child<QLabel>(m_banner, "gateServiceErrorLabel");
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("why")), qPrintable(error->text()));
    QVERIFY(!m_supervisor->emergency());

    QTRY_VERIFY(!m_window->findChild<QInputDialog *>(QStringLiteral("declareEmergencyDialog")));
    declare->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<QInputDialog *>(QStringLiteral("declareEmergencyDialog"))));
    auto *reason = dialog->findChild<QLineEdit *>();
    QVERIFY(reason);
    QTest::keyClicks(reason, QStringLiteral("Smoke in the sauna"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(m_supervisor->emergency());
    QTRY_VERIFY(!error->isVisible()); // the error went with the success
    QVERIFY(child<QLabel>(m_banner, "emergencyLabel")->isVisible());
    QVERIFY(!declare->isEnabled()); // already on
    const QList<AuditEntry> rows = auditRows(*m_db, QStringLiteral("gate.emergency_declared"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().detail.value(QStringLiteral("reason")).toString(), QStringLiteral("Smoke in the sauna"));
}

QTEST_MAIN(TestGateControl)
#include "tst_gatecontrol.moc"
