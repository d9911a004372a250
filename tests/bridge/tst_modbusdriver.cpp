#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "DroppedLinkCheck.h"
#include "GateSimProcess.h"
#include "ModbusInspector.h"
#include "drivers/ModbusBus.h"
#include "drivers/ModbusGateDriver.h"
#include "drivers/ModbusLine.h"

using namespace gymgate;
using namespace gymgate::bridge;

Q_DECLARE_METATYPE(gymgate::Direction)
Q_DECLARE_METATYPE(gymgate::bridge::ProfileKind)

namespace {

constexpr int ConnectTimeoutMs = 5000;
constexpr int PollPeriodMs = 30;

GateProfile profileFor(ProfileKind kind, const GateSimProcess &sim, bool rtu)
{
    GateProfile profile;
    profile.kind = kind;
    profile.transport = rtu ? TransportKind::ModbusRtu : TransportKind::ModbusTcp;
    profile.tcp.port = sim.tcpPort;
    profile.serial.device = sim.rtu;
    profile.serial.baud = 115200;
    // A pty refuses the RS-485 ioctls; the driver must carry on without them.
    profile.serial.rts = Rs485Rts::Up;
    profile.pollPeriodMs = PollPeriodMs;
    profile.timeoutMs = 300;
    profile.pulseMs = 100;
    profile.passTimeoutMs = 1000;
    return profile;
}

QStringList simArguments(ProfileKind kind, bool rtu, const QStringList &extra)
{
    QStringList arguments {
        QStringLiteral("--map"), kind == ProfileKind::Relay ? QStringLiteral("relay") : QStringLiteral("turnstile")};
    if (rtu)
        arguments << QStringLiteral("--rtu");
    return arguments + extra;
}

bool waitConnected(ModbusGateDriver &driver)
{
    QSignalSpy connected(&driver, &GateDriver::connectedChanged);
    driver.start();
    return connected.wait(ConnectTimeoutMs) && connected.first().first().toBool();
}

} // namespace

class TestModbusDriver : public QObject {
    Q_OBJECT

private slots:
    void busReportsRefusedConnection();
    void busReportsUnreachableSerialDevice();
    void openLetsOnePersonThrough_data();
    void openLetsOnePersonThrough();
    void nobodyPassingTimesOut_data();
    void nobodyPassingTimesOut();
    void droppedLinkReconnects();
    void modbusExceptionIsAFault();
    void sharedRtuLineKeepsGatesApart();
    void silentSlaveGoesOfflineAlone();
    void modeChangesReachTheRegisters();
    void freeModeHoldsTheRelayCoils();
    void slowSlaveGoesOfflineAndRecovers();
    void fireAlarmLatencyIsBounded_data();
    void fireAlarmLatencyIsBounded();
    void rtuLinkSurvivesDropAndReplug();

private:
    void addMapsAndTransports();
};

void TestModbusDriver::busReportsRefusedConnection()
{
    TcpSettings settings;
    settings.port = 1; // nothing listens on a privileged port in the test environment
    Result<ModbusBus> bus = ModbusBus::tcp(settings);
    QVERIFY(bus.has_value());
    const Status connected = bus->connect();
    QVERIFY(!connected);
    QCOMPARE(connected.error().code, ErrorCode::Network);
    QVERIFY(ModbusBus::isLinkError(connected.error()));
    QVERIFY(!connected.error().message.isEmpty());
    QVERIFY(!bus->isConnected());
}

void TestModbusDriver::busReportsUnreachableSerialDevice()
{
    SerialSettings settings;
    settings.device = QStringLiteral("/dev/gymgate-no-such-tty");
    settings.rts = Rs485Rts::Up;
    Result<ModbusBus> bus = ModbusBus::rtu(settings);
    QVERIFY(bus.has_value());
    const Status connected = bus->connect();
    QVERIFY(!connected);
    QVERIFY(ModbusBus::isLinkError(connected.error()));
}

void TestModbusDriver::addMapsAndTransports()
{
    QTest::addColumn<ProfileKind>("kind");
    QTest::addColumn<bool>("rtu");
    QTest::addColumn<Direction>("direction");
    for (const bool rtu : {false, true}) {
        for (const ProfileKind kind : {ProfileKind::TurnstileRegisters, ProfileKind::Relay}) {
            for (const Direction direction : {Direction::In, Direction::Out}) {
                const QByteArray name
                    = QByteArray(profileKindName(kind)) + (rtu ? " rtu " : " tcp ") + directionName(direction);
                QTest::newRow(name.constData()) << kind << rtu << direction;
            }
        }
    }
}

void TestModbusDriver::openLetsOnePersonThrough_data()
{
    addMapsAndTransports();
}

void TestModbusDriver::openLetsOnePersonThrough()
{
    QFETCH(ProfileKind, kind);
    QFETCH(bool, rtu);
    QFETCH(Direction, direction);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(kind, rtu,
        {QStringLiteral("--pass-probability"), QStringLiteral("1"), QStringLiteral("--pass-delay-ms"),
            QStringLiteral("50-100")})));
    ModbusGateDriver driver(profileFor(kind, sim, rtu));
    QVERIFY(waitConnected(driver));
    QSignalSpy opened(&driver, &GateDriver::opened);
    QSignalSpy passed(&driver, &GateDriver::passed);
    QSignalSpy timedOut(&driver, &GateDriver::passTimedOut);
    QSignalSpy faults(&driver, &GateDriver::fault);

    driver.open(direction, 1);

    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 2000);
    QCOMPARE(opened.first().first().value<Direction>(), direction);
    QTRY_COMPARE_WITH_TIMEOUT(passed.size(), 1, 3000);
    QCOMPARE(passed.first().at(0).value<Direction>(), direction);
    QCOMPARE(passed.first().at(1).toInt(), 1);
    QVERIFY2(faults.isEmpty(), qPrintable(faults.isEmpty() ? QString() : faults.first().first().toString()));
    // The passage disarmed the pass timeout: nothing may come once passTimeoutMs has elapsed.
    QVERIFY(!timedOut.wait(1200));
}

void TestModbusDriver::nobodyPassingTimesOut_data()
{
    addMapsAndTransports();
}

void TestModbusDriver::nobodyPassingTimesOut()
{
    QFETCH(ProfileKind, kind);
    QFETCH(bool, rtu);
    QFETCH(Direction, direction);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(kind, rtu, {QStringLiteral("--pass-probability"), QStringLiteral("0")})));
    ModbusGateDriver driver(profileFor(kind, sim, rtu));
    QVERIFY(waitConnected(driver));
    QSignalSpy passed(&driver, &GateDriver::passed);
    QSignalSpy timedOut(&driver, &GateDriver::passTimedOut);

    driver.open(direction, 1);

    QTRY_COMPARE_WITH_TIMEOUT(timedOut.size(), 1, 3000);
    QCOMPARE(timedOut.first().first().value<Direction>(), direction);
    QCOMPARE(passed.size(), 0);
}

void TestModbusDriver::droppedLinkReconnects()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters, false, {})));
    ModbusGateDriver driver(profileFor(ProfileKind::TurnstileRegisters, sim, false));
    QVERIFY(waitConnected(driver));
    // A fire alarm seen through the driver proves the simulator has accepted this connection,
    // so the drop below cannot come before it and miss it.
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);
    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QVERIFY(fire.wait(2000));
    checkReconnectsAfterDrop(driver, sim);
}

void TestModbusDriver::modbusExceptionIsAFault()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters, false, {})));
    ModbusGateDriver driver(profileFor(ProfileKind::TurnstileRegisters, sim, false));
    QVERIFY(waitConnected(driver));
    QSignalSpy faults(&driver, &GateDriver::fault);
    QSignalSpy connected(&driver, &GateDriver::connectedChanged);

    QCOMPARE(sim.command("exception on"), QByteArray("ok"));

    QTRY_VERIFY_WITH_TIMEOUT(!faults.isEmpty(), 2000);
    QVERIFY(!faults.first().first().toString().isEmpty());
    // An exception is an answer: the link stays up and no reconnect happens.
    QCOMPARE(connected.size(), 0);
    // The same failing poll is reported once, not every 30 ms.
    QVERIFY(!faults.wait(10 * PollPeriodMs));
}

void TestModbusDriver::sharedRtuLineKeepsGatesApart()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters, true,
        {QStringLiteral("--slaves"), QStringLiteral("1,2"), QStringLiteral("--pass-probability"), QStringLiteral("1"),
            QStringLiteral("--pass-delay-ms"), QStringLiteral("50-100")})));
    GateProfile first = profileFor(ProfileKind::TurnstileRegisters, sim, true);
    GateProfile second = first;
    second.slaveId = 2;
    const std::shared_ptr<ModbusLine> line = ModbusLine::create(first);
    ModbusGateDriver gate1(line, first);
    ModbusGateDriver gate2(line, second);
    QVERIFY(waitConnected(gate1));
    QVERIFY(waitConnected(gate2));
    QSignalSpy passed1(&gate1, &GateDriver::passed);
    QSignalSpy passed2(&gate2, &GateDriver::passed);
    QSignalSpy opened1(&gate1, &GateDriver::opened);

    gate2.open(Direction::Out, 1);

    QTRY_COMPARE_WITH_TIMEOUT(passed2.size(), 1, 3000);
    QCOMPARE(passed2.first().at(0).value<Direction>(), Direction::Out);
    QCOMPARE(passed1.size(), 0);
    QCOMPARE(opened1.size(), 0);

    gate1.open(Direction::In, 1);
    QTRY_COMPARE_WITH_TIMEOUT(passed1.size(), 1, 3000);
    QCOMPARE(passed1.first().at(0).value<Direction>(), Direction::In);
    QCOMPARE(passed2.size(), 1);
}

void TestModbusDriver::silentSlaveGoesOfflineAlone()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters, true,
        {QStringLiteral("--slaves"), QStringLiteral("1"), QStringLiteral("--pass-probability"), QStringLiteral("1"),
            QStringLiteral("--pass-delay-ms"), QStringLiteral("50-100")})));
    GateProfile present = profileFor(ProfileKind::TurnstileRegisters, sim, true);
    GateProfile missing = present;
    missing.slaveId = 3;
    const std::shared_ptr<ModbusLine> line = ModbusLine::create(present);
    ModbusGateDriver gate1(line, present);
    ModbusGateDriver gate3(line, missing);
    QSignalSpy connected1(&gate1, &GateDriver::connectedChanged);
    QSignalSpy connected3(&gate3, &GateDriver::connectedChanged);
    gate1.start();
    gate3.start();

    QTRY_VERIFY_WITH_TIMEOUT(!connected3.isEmpty() && !connected3.last().first().toBool(), 3000);
    QCOMPARE(connected1.size(), 1);
    QVERIFY(connected1.first().first().toBool());
    QSignalSpy passed1(&gate1, &GateDriver::passed);
    gate1.open(Direction::In, 1);
    QTRY_COMPARE_WITH_TIMEOUT(passed1.size(), 1, 3000);
    QCOMPARE(connected1.size(), 1); // the silent neighbour never took gate 1 down
}

void TestModbusDriver::modeChangesReachTheRegisters()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters, false,
        {QStringLiteral("--pass-probability"), QStringLiteral("1"), QStringLiteral("--pass-delay-ms"),
            QStringLiteral("50-100")})));
    ModbusGateDriver driver(profileFor(ProfileKind::TurnstileRegisters, sim, false));
    QVERIFY(waitConnected(driver));
    ModbusInspector inspector;
    QVERIFY(inspector.connect(sim));
    const RegisterMap map;
    QSignalSpy passed(&driver, &GateDriver::passed);
    QSignalSpy timedOut(&driver, &GateDriver::passTimedOut);

    driver.setMode(GateMode::Locked);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.holding(map.mode), int(TurnstileMode::Blocked), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(driver.status().mode, GateMode::Locked, 2000);
    driver.open(Direction::In, 1);
    // A blocked turnstile keeps the permission but lets nobody through.
    QTRY_COMPARE_WITH_TIMEOUT(timedOut.size(), 1, 3000);
    QCOMPARE(passed.size(), 0);

    driver.setMode(GateMode::Free);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.holding(map.entryPermission), int(PermissionFree), 2000);
    QCOMPARE(inspector.holding(map.exitPermission), int(PermissionFree));
    QCOMPARE(inspector.holding(map.mode), int(TurnstileMode::Normal));

    driver.setMode(GateMode::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.holding(map.entryPermission), 0, 2000);
    QCOMPARE(inspector.holding(map.exitPermission), 0);
    QCOMPARE(inspector.holding(map.mode), int(TurnstileMode::Normal));
    QTRY_COMPARE_WITH_TIMEOUT(driver.status().mode, GateMode::Normal, 2000);
    passed.clear();
    driver.open(Direction::Out, 1);
    QTRY_COMPARE_WITH_TIMEOUT(passed.size(), 1, 3000);
    QCOMPARE(passed.first().at(0).value<Direction>(), Direction::Out);
}

void TestModbusDriver::freeModeHoldsTheRelayCoils()
{
    GateSimProcess sim;
    QVERIFY(sim.start(
        simArguments(ProfileKind::Relay, false, {QStringLiteral("--pass-probability"), QStringLiteral("0")})));
    const GateProfile profile = profileFor(ProfileKind::Relay, sim, false);
    ModbusGateDriver driver(profile);
    QVERIFY(waitConnected(driver));
    ModbusInspector inspector;
    QVERIFY(inspector.connect(sim));
    const int first = std::min(profile.relay.entryCoil, profile.relay.exitCoil);
    const int count = std::abs(profile.relay.entryCoil - profile.relay.exitCoil) + 1;
    const auto coilsOn = [&] {
        const QList<bool> coils = inspector.coils(first, count);
        return coils.size() == count && coils.at(profile.relay.entryCoil - first)
            && coils.at(profile.relay.exitCoil - first);
    };
    const auto coilsOff = [&] {
        const QList<bool> coils = inspector.coils(first, count);
        return coils.size() == count && !coils.at(profile.relay.entryCoil - first)
            && !coils.at(profile.relay.exitCoil - first);
    };
    QVERIFY(coilsOff());

    driver.setMode(GateMode::Free);
    QTRY_VERIFY_WITH_TIMEOUT(coilsOn(), 2000);
    // Held, not pulsed: the coils are still on well after pulseMs.
    QVERIFY(!QTest::qWaitFor([&] { return !coilsOn(); }, 3 * profile.pulseMs));

    driver.setMode(GateMode::Normal);
    QTRY_VERIFY_WITH_TIMEOUT(coilsOff(), 2000);
}

void TestModbusDriver::slowSlaveGoesOfflineAndRecovers()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters, false,
        {QStringLiteral("--pass-probability"), QStringLiteral("1"), QStringLiteral("--pass-delay-ms"),
            QStringLiteral("50-100")})));
    GateProfile profile = profileFor(ProfileKind::TurnstileRegisters, sim, false);
    profile.timeoutMs = 100;
    ModbusGateDriver driver(profile);
    QVERIFY(waitConnected(driver));
    QSignalSpy connected(&driver, &GateDriver::connectedChanged);
    QSignalSpy faults(&driver, &GateDriver::fault);

    QCOMPARE(sim.command("slow 300"), QByteArray("ok"));

    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty(), 2000);
    QCOMPARE(connected.first().first().toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(!faults.isEmpty(), 2000);
    QVERIFY(!faults.first().first().toString().isEmpty());

    QCOMPARE(sim.command("slow 0"), QByteArray("ok"));

    QTRY_VERIFY_WITH_TIMEOUT(driver.status().connected, 5000);
    // A fire alarm seen through the driver proves the polls answer again, not only the TCP connect.
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);
    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(!fire.isEmpty() && fire.last().first().toBool(), 3000);
    QVERIFY(driver.status().connected);
    QCOMPARE(connected.last().first().toBool(), true);
    QSignalSpy passed(&driver, &GateDriver::passed);
    driver.open(Direction::In, 1);
    QTRY_COMPARE_WITH_TIMEOUT(passed.size(), 1, 3000);
    QCOMPARE(passed.first().at(0).value<Direction>(), Direction::In);
}

void TestModbusDriver::fireAlarmLatencyIsBounded_data()
{
    QTest::addColumn<ProfileKind>("kind");
    QTest::newRow("turnstile-registers") << ProfileKind::TurnstileRegisters;
    QTest::newRow("relay") << ProfileKind::Relay;
}

// The fire alarm follows the sensor both ways, and reaches the core within 200 ms plus one
// poll period (DESIGN §8).
void TestModbusDriver::fireAlarmLatencyIsBounded()
{
    QFETCH(ProfileKind, kind);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(kind, false, {})));
    ModbusGateDriver driver(profileFor(kind, sim, false));
    QVERIFY(waitConnected(driver));
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);
    QVERIFY(!driver.status().fireActive);
    constexpr int BoundMs = 200 + PollPeriodMs;

    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QElapsedTimer sinceOn;
    sinceOn.start();
    QVERIFY(fire.wait(2000));
    const qint64 onLatencyMs = sinceOn.elapsed();
    QCOMPARE(fire.first().first().toBool(), true);
    QVERIFY2(onLatencyMs < BoundMs, qPrintable(QStringLiteral("fire on took %1 ms").arg(onLatencyMs)));
    QVERIFY(driver.status().fireActive);

    QCOMPARE(sim.command("fire off"), QByteArray("ok"));
    QElapsedTimer sinceOff;
    sinceOff.start();
    QVERIFY(fire.wait(2000));
    const qint64 offLatencyMs = sinceOff.elapsed();
    QCOMPARE(fire.at(1).first().toBool(), false);
    QVERIFY2(offLatencyMs < BoundMs, qPrintable(QStringLiteral("fire off took %1 ms").arg(offLatencyMs)));
}

// An RTU line on a USB adapter: the pty is replaced (drop), then pulled out and plugged back
// in (unplug, plug). The driver keeps the same device name and works again afterwards.
void TestModbusDriver::rtuLinkSurvivesDropAndReplug()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters, true, {})));
    ModbusGateDriver driver(profileFor(ProfileKind::TurnstileRegisters, sim, true));
    QVERIFY(waitConnected(driver));
    // As in droppedLinkReconnects: a fire alarm through the driver proves the line works.
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);
    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QVERIFY(fire.wait(2000));
    QCOMPARE(sim.command("fire off"), QByteArray("ok"));
    QVERIFY(fire.wait(2000));

    checkReconnectsAfterDrop(driver, sim);
    if (QTest::currentTestFailed())
        return;
    checkUnplugBacksOffThenReconnects(driver, sim);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy passed(&driver, &GateDriver::passed);
    driver.open(Direction::Out, 1);
    QTRY_COMPARE_WITH_TIMEOUT(passed.size(), 1, 3000);
    QCOMPARE(passed.first().first().value<Direction>(), Direction::Out);
}

QTEST_GUILESS_MAIN(TestModbusDriver)
#include "tst_modbusdriver.moc"
