#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

#include <atomic>

#include "GateSimProcess.h"
#include "drivers/GateDiagnostics.h"

using namespace gymgate;
using namespace gymgate::bridge;

Q_DECLARE_METATYPE(gymgate::ErrorCode)

namespace {

GateProfile profileFor(ProfileKind kind, const GateSimProcess &sim, bool rtu = false)
{
    GateProfile profile;
    profile.kind = kind;
    profile.transport = rtu ? TransportKind::ModbusRtu : TransportKind::ModbusTcp;
    profile.tcp.port = sim.tcpPort;
    profile.serial.device = sim.rtu;
    profile.serial.baud = 115200;
    profile.pollPeriodMs = 30;
    profile.timeoutMs = 300;
    profile.pulseMs = 100;
    profile.passTimeoutMs = 3000;
    return profile;
}

// A short pass delay keeps the person model quick; passage still takes several polls.
QStringList simArguments(ProfileKind kind, const QStringList &extra = {})
{
    return QStringList {QStringLiteral("--map"),
               kind == ProfileKind::Relay ? QStringLiteral("relay") : QStringLiteral("turnstile"),
               QStringLiteral("--pass-delay-ms"), QStringLiteral("50-150")}
    + extra;
}

QStringList stepNames(const SelfTestResult &result)
{
    QStringList names;
    for (const SelfTestStep &step : result.steps)
        names.append(step.name);
    return names;
}

} // namespace

class TestGateDiagnostics : public QObject {
    Q_OBJECT

private slots:
    void probeAnswers_data();
    void probeAnswers();
    void turnstileSnapshotFollowsOpenAndPassage();
    void relaySnapshotFollowsOpenAndPassage();
    void setModeWritesTheRegisters();
    void scanFindsExactlyTheSimulatorsSlaves();
    void scanCancelledByCallback();
    void scanCancelledByFlag();
    void selfTestPasses_data();
    void selfTestPasses();
    void selfTestReportsFire();
    void closedPortGivesClearError();
    void absentSlaveGivesClearError_data();
    void absentSlaveGivesClearError();
    void serialTextProfileIsRefused();
};

void TestGateDiagnostics::probeAnswers_data()
{
    QTest::addColumn<ProfileKind>("kind");
    QTest::addColumn<bool>("rtu");
    QTest::newRow("turnstile tcp") << ProfileKind::TurnstileRegisters << false;
    QTest::newRow("relay tcp") << ProfileKind::Relay << false;
    QTest::newRow("turnstile rtu") << ProfileKind::TurnstileRegisters << true;
}

void TestGateDiagnostics::probeAnswers()
{
    QFETCH(ProfileKind, kind);
    QFETCH(bool, rtu);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(kind, rtu ? QStringList {QStringLiteral("--rtu")} : QStringList {})));
    GateDiagnostics diagnostics(profileFor(kind, sim, rtu));
    QVERIFY(!diagnostics.isConnected());
    const Status connected = diagnostics.connect();
    QVERIFY2(connected, qPrintable(connected ? QString() : connected.error().message));
    QVERIFY(diagnostics.isConnected());
    auto probed = diagnostics.probe();
    QVERIFY2(probed, qPrintable(probed ? QString() : probed.error().message));
    QCOMPARE(probed->value, quint16(0)); // no error code, nobody on the entry sensor
    QVERIFY(probed->elapsedNs > 0);
    QCOMPARE(diagnostics.target(), rtu ? sim.rtu : QStringLiteral("127.0.0.1:%1").arg(sim.tcpPort));
}

void TestGateDiagnostics::turnstileSnapshotFollowsOpenAndPassage()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters)));
    GateDiagnostics diagnostics(profileFor(ProfileKind::TurnstileRegisters, sim));
    QVERIFY(diagnostics.connect());
    auto before = diagnostics.readSnapshot();
    QVERIFY(before);
    QCOMPARE(before->entryCount, 0u);

    QVERIFY(diagnostics.open(Direction::In, 1));
    // The permission is in the holding register until the simulated person passes (>= 50 ms).
    auto permission = diagnostics.readTable(ModbusTable::HoldingRegisters, 0, 2);
    QVERIFY(permission);
    QCOMPARE(*permission, (std::vector<int> {1, 0}));
    auto passed = diagnostics.waitForPassages(Direction::In, 1, *before);
    QVERIFY2(passed, qPrintable(passed ? QString() : passed.error().message));
    QCOMPARE(*passed, 1);

    auto after = diagnostics.readSnapshot();
    QVERIFY(after);
    QCOMPARE(after->entryCount, 1u);
    QCOMPARE(after->exitCount, 0u);
    auto counters = diagnostics.readTable(ModbusTable::InputRegisters, 0, 4);
    QVERIFY(counters);
    QCOMPARE(*counters, (std::vector<int> {0, 1, 0, 0}));
    QVERIFY(GateDiagnostics::describe(*after, ProfileKind::TurnstileRegisters)
                .startsWith(QLatin1String("entries=1 exits=0 error=0")));
}

void TestGateDiagnostics::relaySnapshotFollowsOpenAndPassage()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::Relay)));
    const GateProfile profile = profileFor(ProfileKind::Relay, sim);
    GateDiagnostics diagnostics(profile);
    QVERIFY(diagnostics.connect());
    auto before = diagnostics.readSnapshot();
    QVERIFY(before);
    QVERIFY(!before->exitInput);

    QVERIFY(diagnostics.open(Direction::Out));
    auto coils = diagnostics.readTable(ModbusTable::Coils, profile.relay.exitCoil, 1);
    QVERIFY(coils);
    QCOMPARE(coils->front(), 1);
    auto passed = diagnostics.waitForPassages(Direction::Out, 1, *before);
    QVERIFY2(passed, qPrintable(passed ? QString() : passed.error().message));
    QCOMPARE(*passed, 1);
    // The pulse ended (pulseMs) before or with the passage.
    coils = diagnostics.readTable(ModbusTable::Coils, profile.relay.exitCoil, 1);
    QVERIFY(coils);
    QCOMPARE(coils->front(), 0);
}

void TestGateDiagnostics::setModeWritesTheRegisters()
{
    GateSimProcess sim;
    QVERIFY(sim.start(
        simArguments(ProfileKind::TurnstileRegisters, {QStringLiteral("--pass-probability"), QStringLiteral("0")})));
    GateDiagnostics diagnostics(profileFor(ProfileKind::TurnstileRegisters, sim));
    QVERIFY(diagnostics.connect());
    QVERIFY(diagnostics.setMode(GateMode::Free));
    auto holding = diagnostics.readTable(ModbusTable::HoldingRegisters, 0, 3);
    QVERIFY(holding);
    QCOMPARE(*holding, (std::vector<int> {0xFFFF, 0xFFFF, 0}));
    QVERIFY(diagnostics.setMode(GateMode::Locked));
    holding = diagnostics.readTable(ModbusTable::HoldingRegisters, 0, 3);
    QVERIFY(holding);
    QCOMPARE(*holding, (std::vector<int> {0, 0, 1}));
    const Status invalid = diagnostics.setMode(GateMode::Invalid);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().field, QStringLiteral("mode"));
}

void TestGateDiagnostics::scanFindsExactlyTheSimulatorsSlaves()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--slaves"), QStringLiteral("2,4")}));
    GateProfile profile = profileFor(ProfileKind::TurnstileRegisters, sim);
    profile.slaveId = 4;
    GateDiagnostics diagnostics(profile);
    QVERIFY(diagnostics.connect());
    QList<int> tried;
    QList<int> reportedAnswers;
    auto scanned = diagnostics.scan(1, 6, [&](const ScanProgress &step) {
        [&] {
            QCOMPARE(step.fromSlaveId, 1);
            QCOMPARE(step.toSlaveId, 6);
        }();
        if (!step.tried)
            tried.append(step.slaveId);
        else if (step.answered)
            reportedAnswers.append(step.slaveId);
        return true;
    });
    QVERIFY2(scanned, qPrintable(scanned ? QString() : scanned.error().message));
    QCOMPARE(scanned->answeredSlaveIds, (QList<int> {2, 4}));
    QVERIFY(!scanned->cancelled);
    QCOMPARE(tried, (QList<int> {1, 2, 3, 4, 5, 6}));
    QCOMPARE(reportedAnswers, (QList<int> {2, 4}));
    // The profile's own slave is selected again afterwards.
    QVERIFY(diagnostics.probe());
}

void TestGateDiagnostics::scanCancelledByCallback()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--slaves"), QStringLiteral("2,4")}));
    GateDiagnostics diagnostics(profileFor(ProfileKind::TurnstileRegisters, sim));
    QVERIFY(diagnostics.connect());
    QList<int> tried;
    auto scanned = diagnostics.scan(1, 6, [&](const ScanProgress &step) {
        if (!step.tried)
            tried.append(step.slaveId);
        return step.slaveId < 3;
    });
    QVERIFY(scanned);
    QVERIFY(scanned->cancelled);
    QCOMPARE(scanned->answeredSlaveIds, QList<int> {2});
    QCOMPARE(tried, (QList<int> {1, 2, 3}));
}

void TestGateDiagnostics::scanCancelledByFlag()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--slaves"), QStringLiteral("2,4")}));
    GateDiagnostics diagnostics(profileFor(ProfileKind::TurnstileRegisters, sim));
    std::atomic<bool> cancel = false;
    diagnostics.setCancelFlag(&cancel);
    QVERIFY(diagnostics.connect());
    int lastTried = 0;
    // As another thread would: the flag goes up while slave 2 is being tried.
    auto scanned = diagnostics.scan(1, 6, [&](const ScanProgress &step) {
        lastTried = step.slaveId;
        if (step.slaveId == 2 && step.tried)
            cancel = true;
        return true;
    });
    QVERIFY(scanned);
    QVERIFY(scanned->cancelled);
    QCOMPARE(scanned->answeredSlaveIds, QList<int> {2});
    QCOMPARE(lastTried, 2);
}

void TestGateDiagnostics::selfTestPasses_data()
{
    QTest::addColumn<ProfileKind>("kind");
    QTest::addColumn<QStringList>("steps");
    const QStringList common {QStringLiteral("connect"), QStringLiteral("read inputs"),
        QStringLiteral("fire input inactive"), QStringLiteral("open entry and passage")};
    QTest::newRow("turnstile") << ProfileKind::TurnstileRegisters
                               << (common + QStringList {QStringLiteral("entry counter advanced")});
    QTest::newRow("relay") << ProfileKind::Relay << common;
}

void TestGateDiagnostics::selfTestPasses()
{
    QFETCH(ProfileKind, kind);
    QFETCH(QStringList, steps);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(kind)));
    GateDiagnostics diagnostics(profileFor(kind, sim));
    int reported = 0;
    const SelfTestResult result = diagnostics.selfTest([&reported](const SelfTestStep &) { ++reported; });
    QCOMPARE(stepNames(result), steps);
    QCOMPARE(reported, int(steps.size()));
    for (const SelfTestStep &step : result.steps)
        QVERIFY2(step.passed, qPrintable(step.name + QStringLiteral(": ") + step.message));
    QVERIFY(result.passed());
    QCOMPARE(result.failures(), 0);
    QVERIFY(result.atMs > 0);
    const QJsonObject json = result.toJson();
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("steps")).toArray().size(), steps.size());
}

void TestGateDiagnostics::selfTestReportsFire()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters)));
    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    GateDiagnostics diagnostics(profileFor(ProfileKind::TurnstileRegisters, sim));
    const SelfTestResult result = diagnostics.selfTest();
    QVERIFY(!result.passed());
    QVERIFY(!result.stoppedEarly);
    QVERIFY(result.failures() >= 1);
    QCOMPARE(result.steps.size(), 5);
    const SelfTestStep &fire = result.steps.at(2);
    QCOMPARE(fire.name, QStringLiteral("fire input inactive"));
    QVERIFY(!fire.passed);
    QCOMPARE(fire.message, QStringLiteral("fire alarm is active"));
    QVERIFY(result.steps.at(1).passed);
    QVERIFY2(result.steps.at(1).message.contains(QLatin1String("fire=1")), qPrintable(result.steps.at(1).message));
    const QJsonObject json = result.toJson();
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(
        json.value(QStringLiteral("steps")).toArray().at(2).toObject().value(QStringLiteral("passed")).toBool(), false);
}

void TestGateDiagnostics::closedPortGivesClearError()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    GateProfile profile;
    profile.kind = ProfileKind::TurnstileRegisters;
    profile.transport = TransportKind::ModbusTcp;
    profile.tcp.port = server.serverPort();
    server.close(); // the port is now known to be free and closed
    GateDiagnostics diagnostics(profile);

    auto unconnected = diagnostics.probe();
    QVERIFY(!unconnected);
    QVERIFY2(unconnected.error().message.contains(diagnostics.target()), qPrintable(unconnected.error().message));

    const Status connected = diagnostics.connect();
    QVERIFY(!connected);
    QCOMPARE(connected.error().code, ErrorCode::Network);
    QCOMPARE(connected.error().field, QStringLiteral("transport"));
    QVERIFY2(connected.error().message.contains(diagnostics.target())
            && connected.error().message.contains(QLatin1String("refused")),
        qPrintable(connected.error().message));
    const SelfTestResult result = diagnostics.selfTest();
    QCOMPARE(result.steps.size(), 1);
    QVERIFY(result.stoppedEarly);
    QVERIFY(!result.passed());
    QCOMPARE(result.steps.front().message, connected.error().message);
}

void TestGateDiagnostics::absentSlaveGivesClearError_data()
{
    QTest::addColumn<bool>("rtu");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("says");
    // Over TCP the simulator answers for a missing slave as a gateway does (exception 0x0B);
    // on an RTU bus a missing slave stays silent.
    QTest::newRow("tcp") << false << ErrorCode::Device << QStringLiteral("answered with an exception");
    QTest::newRow("rtu") << true << ErrorCode::Timeout << QStringLiteral("did not answer within 300 ms");
}

void TestGateDiagnostics::absentSlaveGivesClearError()
{
    QFETCH(bool, rtu);
    QFETCH(ErrorCode, code);
    QFETCH(QString, says);
    GateSimProcess sim;
    QVERIFY(sim.start(rtu ? QStringList {QStringLiteral("--rtu")} : QStringList {}));
    GateProfile profile = profileFor(ProfileKind::TurnstileRegisters, sim, rtu);
    profile.slaveId = 9;
    GateDiagnostics diagnostics(profile);
    QVERIFY(diagnostics.connect()); // the line is fine; only the slave is missing
    auto probed = diagnostics.probe();
    QVERIFY(!probed);
    QCOMPARE(probed.error().code, code);
    QCOMPARE(probed.error().field, QStringLiteral("slaveId"));
    QVERIFY2(probed.error().message.startsWith(QStringLiteral("slave 9 at %1 %2").arg(diagnostics.target(), says)),
        qPrintable(probed.error().message));
}

void TestGateDiagnostics::serialTextProfileIsRefused()
{
    GateProfile profile;
    profile.kind = ProfileKind::SerialText;
    profile.transport = TransportKind::Serial;
    profile.serial.device = QStringLiteral("/dev/null");
    GateDiagnostics diagnostics(profile);
    const Status connected = diagnostics.connect();
    QVERIFY(!connected);
    QCOMPARE(connected.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(connected.error().field, QStringLiteral("kind"));
    QVERIFY(connected.error().message.contains(QLatin1String("serial-text")));
}

QTEST_GUILESS_MAIN(TestGateDiagnostics)
#include "tst_gatediagnostics.moc"
