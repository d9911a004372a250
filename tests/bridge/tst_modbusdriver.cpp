#include <QSignalSpy>
#include <QTest>

#include "GateSimProcess.h"
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
    void fireAlarmFollowsTheSensor_data();
    void fireAlarmFollowsTheSensor();
    void droppedLinkReconnects();
    void modbusExceptionIsAFault();
    void sharedRtuLineKeepsGatesApart();
    void silentSlaveGoesOfflineAlone();

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

void TestModbusDriver::fireAlarmFollowsTheSensor_data()
{
    QTest::addColumn<ProfileKind>("kind");
    QTest::newRow("turnstile-registers") << ProfileKind::TurnstileRegisters;
    QTest::newRow("relay") << ProfileKind::Relay;
}

void TestModbusDriver::fireAlarmFollowsTheSensor()
{
    QFETCH(ProfileKind, kind);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(kind, false, {})));
    ModbusGateDriver driver(profileFor(kind, sim, false));
    QVERIFY(waitConnected(driver));
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);
    QVERIFY(!driver.status().fireActive);

    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(fire.size(), 1, 200 + PollPeriodMs + 300);
    QCOMPARE(fire.first().first().toBool(), true);
    QVERIFY(driver.status().fireActive);

    QCOMPARE(sim.command("fire off"), QByteArray("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(fire.size(), 2, 200 + PollPeriodMs + 300);
    QCOMPARE(fire.at(1).first().toBool(), false);
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
    QSignalSpy connected(&driver, &GateDriver::connectedChanged);
    QSignalSpy faults(&driver, &GateDriver::fault);

    QCOMPARE(sim.command("drop"), QByteArray("ok"));

    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
    QCOMPARE(connected.at(0).first().toBool(), false);
    QCOMPARE(connected.at(1).first().toBool(), true);
    QVERIFY(driver.status().connected);
    QCOMPARE(faults.size(), 1); // staff learn that the link went down, once
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

QTEST_GUILESS_MAIN(TestModbusDriver)
#include "tst_modbusdriver.moc"
