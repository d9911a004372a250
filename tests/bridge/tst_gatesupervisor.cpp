#include "core/GateSupervisor.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include "GateSimProcess.h"
#include "ModbusInspector.h"
#include "drivers/ModbusGateDriver.h"
#include "drivers/ModbusLine.h"
#include "drivers/SerialTextGateDriver.h"

using namespace gymgate;
using namespace gymgate::bridge;

Q_DECLARE_METATYPE(gymgate::GateAvailability)
Q_DECLARE_METATYPE(gymgate::GateMode)

namespace {

constexpr int PollPeriodMs = 30;

GateProfile turnstileProfile(const GateSimProcess &sim, bool rtu, int slaveId)
{
    GateProfile profile;
    profile.kind = ProfileKind::TurnstileRegisters;
    profile.transport = rtu ? TransportKind::ModbusRtu : TransportKind::ModbusTcp;
    profile.tcp.port = sim.tcpPort;
    profile.serial.device = sim.rtu;
    profile.serial.baud = 115200;
    profile.slaveId = slaveId;
    profile.pollPeriodMs = PollPeriodMs;
    profile.timeoutMs = 300;
    profile.passTimeoutMs = 1000;
    return profile;
}

GateProfile textProfile(const GateSimProcess &sim)
{
    GateProfile profile;
    profile.kind = ProfileKind::SerialText;
    profile.transport = TransportKind::Serial;
    profile.serial.device = sim.text;
    profile.serial.baud = 115200;
    profile.pulseMs = 500;
    return profile;
}

// The mode a turnstile is in, as the driver's register writes define it (Free = normal mode
// with unlimited passes both ways).
GateMode turnstileMode(ModbusInspector &inspector, int slave)
{
    const RegisterMap map;
    const std::vector<quint16> registers = inspector.holdings(0, 3, slave);
    if (registers.size() != 3)
        return GateMode::Invalid;
    const auto modeValue = TurnstileMode(registers.at(size_t(map.mode)));
    const quint16 entry = registers.at(size_t(map.entryPermission));
    const quint16 exit = registers.at(size_t(map.exitPermission));
    if (modeValue == TurnstileMode::Blocked)
        return GateMode::Locked;
    if (modeValue == TurnstileMode::Normal && entry == PermissionFree && exit == PermissionFree)
        return GateMode::Free;
    if (modeValue == TurnstileMode::Normal && entry == 0 && exit == 0)
        return GateMode::Normal;
    return GateMode::Invalid;
}

// Three gates on three wires, as in a real lobby: a register turnstile on Modbus TCP, another
// on an RS-485 (RTU) line, and a small board speaking the text protocol.
struct Lobby {
    GateSimProcess modbusSim;
    GateSimProcess textSim;
    std::unique_ptr<ModbusGateDriver> tcpGate;
    std::unique_ptr<ModbusGateDriver> rtuGate;
    std::unique_ptr<SerialTextGateDriver> textGate;
    GateSupervisor supervisor;
    ModbusInspector inspector;

    bool start(FailPolicy rtuPolicy = FailPolicy::FailSecure)
    {
        if (!modbusSim.start({QStringLiteral("--map"), QStringLiteral("turnstile"), QStringLiteral("--slaves"),
                QStringLiteral("1,2"), QStringLiteral("--rtu")})
            || !textSim.start({QStringLiteral("--text")}))
            return false;
        tcpGate = std::make_unique<ModbusGateDriver>(turnstileProfile(modbusSim, false, 1));
        rtuGate = std::make_unique<ModbusGateDriver>(turnstileProfile(modbusSim, true, 2));
        textGate = std::make_unique<SerialTextGateDriver>(textProfile(textSim));
        supervisor.addGate({QStringLiteral("tcp"), FailPolicy::FailSecure, 3}, tcpGate.get());
        supervisor.addGate({QStringLiteral("rtu"), rtuPolicy, 3}, rtuGate.get());
        supervisor.addGate({QStringLiteral("text"), FailPolicy::FailSecure, 3}, textGate.get());
        supervisor.start();
        const bool ready = QTest::qWaitFor(
            [&] { return tcpGate->status().connected && rtuGate->status().connected && textGate->status().connected; },
            5000);
        return ready && inspector.connect(modbusSim);
    }

    QList<GateDriver *> gates() const { return {tcpGate.get(), rtuGate.get(), textGate.get()}; }

    bool allInMode(GateMode mode) const
    {
        for (const GateDriver *gate : gates()) {
            if (gate->status().mode != mode)
                return false;
        }
        return true;
    }
};

} // namespace

class TestGateSupervisor : public QObject {
    Q_OBJECT

private slots:
    void fireOnOneGateFreesEveryGate_data();
    void fireOnOneGateFreesEveryGate();
    void emergencyHoldsUntilStaffReset();
    void lostGateIsOfflineAndComesBack();
    void repeatedFaultsApplyTheFailPolicy();
};

void TestGateSupervisor::fireOnOneGateFreesEveryGate_data()
{
    QTest::addColumn<bool>("fireOnTextBoard");
    QTest::newRow("fire input on the text board") << true;
    QTest::newRow("fire input on the Modbus turnstiles") << false;
}

// DESIGN §7 and the gate bridge acceptance: a fire alarm puts every gate into free passage
// within 200 ms (plus the poll period that finds the input), whatever wire it came in on.
void TestGateSupervisor::fireOnOneGateFreesEveryGate()
{
    QFETCH(bool, fireOnTextBoard);
    Lobby lobby;
    QVERIFY(lobby.start());
    QSignalSpy emergency(&lobby.supervisor, &GateSupervisor::emergencyChanged);
    QElapsedTimer sinceFire;
    QHash<GateDriver *, qint64> freeAfterMs;
    for (GateDriver *gate : lobby.gates()) {
        connect(gate, &GateDriver::modeChanged, this, [&, gate](GateMode mode) {
            if (mode == GateMode::Free && !freeAfterMs.contains(gate))
                freeAfterMs.insert(gate, sinceFire.elapsed());
        });
    }

    GateSimProcess &source = fireOnTextBoard ? lobby.textSim : lobby.modbusSim;
    QCOMPARE(source.command("fire on"), QByteArray("ok"));
    sinceFire.start();

    QVERIFY(QTest::qWaitFor([&] { return freeAfterMs.size() == 3; }, 2000));
    qint64 slowestMs = 0;
    for (const qint64 ms : std::as_const(freeAfterMs))
        slowestMs = std::max(slowestMs, ms);
    qInfo("every gate free %lld ms after the fire input", static_cast<long long>(slowestMs));
    QVERIFY2(slowestMs < 200 + PollPeriodMs,
        qPrintable(QStringLiteral("the last gate was free after %1 ms").arg(slowestMs)));
    QCOMPARE(emergency.size(), 1);
    QVERIFY(lobby.supervisor.emergency());
    for (const QString &id : lobby.supervisor.gateIds())
        QCOMPARE(lobby.supervisor.availability(id), GateAvailability::Emergency);
    // The turnstiles themselves let everyone through, not only the drivers' idea of them.
    QCOMPARE(turnstileMode(lobby.inspector, 1), GateMode::Free);
    QCOMPARE(turnstileMode(lobby.inspector, 2), GateMode::Free);
}

void TestGateSupervisor::emergencyHoldsUntilStaffReset()
{
    Lobby lobby;
    QVERIFY(lobby.start());
    QCOMPARE(lobby.textSim.command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(lobby.allInMode(GateMode::Free), 2000);

    const Status whileBurning = lobby.supervisor.resetEmergency();
    QVERIFY(!whileBurning);
    QCOMPARE(whileBurning.error().code, ErrorCode::Conflict);
    QVERIFY(!whileBurning.error().message.isEmpty());

    QSignalSpy emergency(&lobby.supervisor, &GateSupervisor::emergencyChanged);
    QCOMPARE(lobby.textSim.command("fire off"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(!lobby.supervisor.fireInputActive(), 2000);
    // The input cleared, but nobody has looked yet: the gates stay free.
    QVERIFY(lobby.supervisor.emergency());
    QVERIFY(emergency.isEmpty());
    QVERIFY(lobby.allInMode(GateMode::Free));

    QVERIFY(lobby.supervisor.resetEmergency());
    QCOMPARE(emergency.size(), 1);
    QCOMPARE(emergency.first().first().toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(lobby.allInMode(GateMode::Normal), 2000);
    QCOMPARE(turnstileMode(lobby.inspector, 1), GateMode::Normal);
    for (const QString &id : lobby.supervisor.gateIds())
        QCOMPARE(lobby.supervisor.availability(id), GateAvailability::Ready);

    // Staff can also declare one by hand (drill, alarm not wired to a gate).
    lobby.supervisor.declareEmergency();
    QTRY_VERIFY_WITH_TIMEOUT(lobby.allInMode(GateMode::Free), 2000);
    QVERIFY(lobby.supervisor.resetEmergency());
    QTRY_VERIFY_WITH_TIMEOUT(lobby.allInMode(GateMode::Normal), 2000);
}

void TestGateSupervisor::lostGateIsOfflineAndComesBack()
{
    Lobby lobby;
    QVERIFY(lobby.start());
    QSignalSpy availability(&lobby.supervisor, &GateSupervisor::availabilityChanged);

    QCOMPARE(lobby.textSim.command("unplug"), QByteArray("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(lobby.supervisor.availability(QStringLiteral("text")), GateAvailability::Offline, 3000);
    QCOMPARE(lobby.supervisor.availability(QStringLiteral("tcp")), GateAvailability::Ready);
    QCOMPARE(lobby.supervisor.failPolicy(QStringLiteral("text")), FailPolicy::FailSecure);

    // A fire alarm elsewhere while the board is away: it gets free passage once it is back.
    QCOMPARE(lobby.modbusSim.command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(lobby.supervisor.emergency(), 2000);
    QSignalSpy textMode(lobby.textGate.get(), &GateDriver::modeChanged);
    QCOMPARE(lobby.textSim.command("plug"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(lobby.textGate->status().connected, 8000);
    QTRY_VERIFY_WITH_TIMEOUT(!textMode.isEmpty(), 2000);
    QCOMPARE(textMode.last().first().value<GateMode>(), GateMode::Free);
    QCOMPARE(lobby.supervisor.availability(QStringLiteral("text")), GateAvailability::Emergency);
    QVERIFY(!availability.isEmpty());
}

// A gate that keeps failing is taken out of order: a fail-secure gate is locked, a fail-open
// gate is freed. Staff clear it and it is back to normal.
void TestGateSupervisor::repeatedFaultsApplyTheFailPolicy()
{
    Lobby lobby;
    QVERIFY(lobby.start(FailPolicy::FailOpen));
    QSignalSpy faults(&lobby.supervisor, &GateSupervisor::gateFault);
    const QString tcp = QStringLiteral("tcp");
    const QString rtu = QStringLiteral("rtu");

    lobby.supervisor.recordFault(tcp, QStringLiteral("no answer"));
    lobby.supervisor.recordSuccess(tcp); // a success in between: the count starts again
    lobby.supervisor.recordFault(tcp, QStringLiteral("no answer"));
    lobby.supervisor.recordFault(tcp, QStringLiteral("no answer"));
    QCOMPARE(lobby.supervisor.availability(tcp), GateAvailability::Ready);
    lobby.supervisor.recordFault(tcp, QStringLiteral("no answer"));
    QCOMPARE(lobby.supervisor.availability(tcp), GateAvailability::OutOfOrder);
    QCOMPARE(faults.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(turnstileMode(lobby.inspector, 1), GateMode::Locked, 2000);

    for (int i = 0; i < 3; ++i)
        lobby.supervisor.recordFault(rtu, QStringLiteral("no answer"));
    QCOMPARE(lobby.supervisor.availability(rtu), GateAvailability::OutOfOrder);
    QTRY_COMPARE_WITH_TIMEOUT(turnstileMode(lobby.inspector, 2), GateMode::Free, 2000);
    QCOMPARE(lobby.supervisor.availability(QStringLiteral("text")), GateAvailability::Ready);

    QVERIFY(lobby.supervisor.clearOutOfOrder(tcp));
    QVERIFY(lobby.supervisor.clearOutOfOrder(rtu));
    QTRY_COMPARE_WITH_TIMEOUT(turnstileMode(lobby.inspector, 1), GateMode::Normal, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(turnstileMode(lobby.inspector, 2), GateMode::Normal, 2000);
    QCOMPARE(lobby.supervisor.availability(tcp), GateAvailability::Ready);
    QVERIFY(!lobby.supervisor.clearOutOfOrder(QStringLiteral("nope")));
}

QTEST_GUILESS_MAIN(TestGateSupervisor)
#include "tst_gatesupervisor.moc"
