// A diagnostics session beside the running gate service: it pauses what really shares its serial
// line, gives way to an emergency or a fire input at once, and leaves the gate in the mode the
// service wants. Real SQLite, real gymgate-gatesim (TCP and an RTU pty), real drivers.

#include "core/GateSupervisor.h"

#include <QSignalSpy>
#include <QTest>

#include "drivers/GateDiagnostics.h"
#include "drivers/ModbusGateDriver.h"
#include "tech/BridgeGateTester.h"
#include "tech/TechTestSupport.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr int kTimeoutMs = 10'000;

// The holding registers of a turnstile gate, read over a connection of the test's own (TCP).
std::vector<int> holdingRegisters(const bridge::GateProfile &profile)
{
    bridge::GateDiagnostics reader(profile);
    if (!reader.connect())
        return {};
    auto registers = reader.readTable(bridge::ModbusTable::HoldingRegisters, 0, 3);
    return registers ? *registers : std::vector<int> {};
}

} // namespace

class TestTesterService : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fireInputEndsAPausedSession();
    void emergencyEndsAPausedSession();
    void pausesWhatTheServiceReallyDrives();
    void serviceModeIsBackAfterTheSession();

private:
    // The supervisor drives `profile` as gate `gateId`, connected.
    void superviseGate(const QString &gateId, const bridge::GateProfile &profile);
    // A supervised gate on an RTU line, and a connected session on it that paused its driver.
    void openPausedRtuSession();

    std::unique_ptr<GateSimProcess> m_sim;
    std::unique_ptr<TechRig> m_rig;
    std::unique_ptr<bridge::ModbusGateDriver> m_driver;
    std::unique_ptr<GateSupervisor> m_supervisor;
    std::unique_ptr<BridgeGateTester> m_tester;
    std::unique_ptr<QSignalSpy> m_sessionSpy; // on m_tester's sessionChanged
    GateConfig m_gate;
};

void TestTesterService::init()
{
    m_sim = std::make_unique<GateSimProcess>();
    m_rig = std::make_unique<TechRig>();
    QVERIFY(m_rig->open());
    m_supervisor = std::make_unique<GateSupervisor>();
}

void TestTesterService::cleanup()
{
    m_sessionSpy.reset();
    m_tester.reset();
    m_supervisor.reset();
    m_driver.reset();
    m_rig.reset();
    m_sim.reset();
}

void TestTesterService::superviseGate(const QString &gateId, const bridge::GateProfile &profile)
{
    m_driver = std::make_unique<bridge::ModbusGateDriver>(profile);
    m_supervisor->addGate(SupervisedGate {gateId, FailPolicy::FailSecure, 3}, m_driver.get());
    m_supervisor->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->status().connected, kTimeoutMs);
}

void TestTesterService::openPausedRtuSession()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters, {QStringLiteral("--rtu")})));
    const bridge::GateProfile profile = profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim, true);
    const Result<GateConfig> gate = m_rig->saveGate(QStringLiteral("Bus gate"), profile);
    QVERIFY(gate);
    m_gate = *gate;
    superviseGate(gate->id, profile);
    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, m_supervisor.get());
    m_sessionSpy = std::make_unique<QSignalSpy>(m_tester.get(), &GateTester::sessionChanged);
    QVERIFY(m_tester->startSession(technician(), *gate));
    QCOMPARE(m_tester->pausedGateIds(), QStringList {gate->id});
    QTRY_VERIFY_WITH_TIMEOUT(!m_sessionSpy->isEmpty() && m_sessionSpy->last().at(0).toBool(), kTimeoutMs);
}

void TestTesterService::fireInputEndsAPausedSession()
{
    openPausedRtuSession();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy &session = *m_sessionSpy;

    // Only the session reads the bus now; the fire input must reach the gate service anyway.
    QCOMPARE(m_sim->command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_tester->hasSession(), kTimeoutMs);
    QVERIFY2(
        session.last().at(1).toString().contains(QStringLiteral("fire")), qPrintable(session.last().at(1).toString()));
    QVERIFY(m_tester->pausedGateIds().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_supervisor->emergency(), kTimeoutMs);
    QCOMPARE(m_sim->command("fire off"), QByteArray("ok"));
}

void TestTesterService::emergencyEndsAPausedSession()
{
    openPausedRtuSession();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy &session = *m_sessionSpy;

    m_supervisor->declareEmergency(); // an evacuation drill from the desk
    QVERIFY(!m_tester->hasSession());
    QVERIFY2(session.last().at(1).toString().contains(QStringLiteral("Emergency")),
        qPrintable(session.last().at(1).toString()));
    // The gate service has its line back and frees the gate.
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->status().connected, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().mode, GateMode::Free, kTimeoutMs);
}

// The gate was edited since start-up (restart needed): the service still drives it on the old
// line, and that is the line that must be paused, whatever the saved profile says now.
void TestTesterService::pausesWhatTheServiceReallyDrives()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters, {QStringLiteral("--rtu")})));
    const bridge::GateProfile running = profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim, true);
    bridge::GateProfile edited = running;
    edited.serial.device = QStringLiteral("/dev/ttyUSB7");
    const Result<GateConfig> gate = m_rig->saveGate(QStringLiteral("Bus gate"), edited);
    QVERIFY(gate);
    superviseGate(gate->id, running);
    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, m_supervisor.get());
    m_tester->setServiceLines([&](const QString &gateId) { return gateId == gate->id ? m_sim->rtu : QString(); });

    GateConfig probe; // the editor's "Try…" on the bus the gate really hangs on
    probe.name = QStringLiteral("Probe");
    probe.profile = running.toJson();
    QVERIFY(m_tester->startSession(technician(), probe));
    QCOMPARE(m_tester->pausedGateIds(), QStringList {gate->id});
    m_tester->stopSession();
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->status().connected, kTimeoutMs);
}

// During an emergency the technician locks a TCP gate from the console; when the session ends,
// the service frees it again (the console never overrides the building's mode for good).
void TestTesterService::serviceModeIsBackAfterTheSession()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    const bridge::GateProfile profile = profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim);
    const Result<GateConfig> gate = m_rig->saveGate(QStringLiteral("North"), profile);
    QVERIFY(gate);
    superviseGate(gate->id, profile);
    m_supervisor->declareEmergency();
    QTRY_COMPARE_WITH_TIMEOUT(holdingRegisters(profile), (std::vector<int> {0xFFFF, 0xFFFF, 0}), kTimeoutMs);

    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, m_supervisor.get());
    QSignalSpy session(m_tester.get(), &GateTester::sessionChanged);
    QSignalSpy command(m_tester.get(), &GateTester::commandFinished);
    QVERIFY(m_tester->startSession(technician(), *gate));
    QVERIFY(m_tester->pausedGateIds().isEmpty()); // TCP: the controller takes a second master
    QTRY_VERIFY_WITH_TIMEOUT(!session.isEmpty() && session.last().at(0).toBool(), kTimeoutMs);
    m_tester->runCommand(GateTestCommand::Lock);
    QTRY_COMPARE_WITH_TIMEOUT(command.count(), 1, kTimeoutMs);
    QVERIFY(command.at(0).at(1).toBool());
    QCOMPARE(holdingRegisters(profile).at(2), 1); // blocked

    m_tester->stopSession();
    QTRY_COMPARE_WITH_TIMEOUT(holdingRegisters(profile), (std::vector<int> {0xFFFF, 0xFFFF, 0}), kTimeoutMs);
}

QTEST_MAIN(TestTesterService)
#include "tst_testerservice.moc"
