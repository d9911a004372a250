#include <QDateTime>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

#include <atomic>
#include <cstdio>
#include <initializer_list>
#include <thread>

#include "GateSimProcess.h"
#include "drivers/GateDiagnostics.h"
#include "drivers/ModbusFrameTap.h"

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

// CRC-16/Modbus (polynomial 0xA001 reflected, start 0xFFFF), written out here so that the test
// does not trust libmodbus' own.
quint16 crc16Modbus(const QByteArray &bytes)
{
    quint16 crc = 0xFFFF;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) != 0 ? quint16((crc >> 1) ^ 0xA001) : quint16(crc >> 1);
    }
    return crc;
}

quint16 bigEndianWord(const QByteArray &bytes, qsizetype at)
{
    return quint16(quint8(bytes.at(at)) << 8 | quint8(bytes.at(at + 1)));
}

// The RTU CRC goes low byte first.
quint16 crcOnTheWire(const QByteArray &frame)
{
    return quint16(quint8(frame.at(frame.size() - 1)) << 8 | quint8(frame.at(frame.size() - 2)));
}

QByteArray bytesOf(std::initializer_list<int> values)
{
    QByteArray bytes;
    for (const int value : values)
        bytes.append(char(value & 0xFF));
    return bytes;
}

QByteArray bigEndianBytes(int value)
{
    return bytesOf({value >> 8, value});
}

// A thread's frames, collected by its sink.
class FrameLog {
public:
    FrameLog() : m_sink([this](const ModbusFrame &frame) { frames.append(frame); }) { }

    QList<ModbusFrame> frames;

private:
    ModbusFrameTap::ThreadSink m_sink;
};

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
    void droppedLinkDoesNotLeaveTheGateReleased();
    void closedPortGivesClearError();
    void absentSlaveGivesClearError_data();
    void absentSlaveGivesClearError();
    void serialTextProfileIsRefused();
    void parseDebugLine_data();
    void parseDebugLine();
    void snapshotFramesReachTheSink_data();
    void snapshotFramesReachTheSink();
    void framesOfOtherThreadsStayOut();
    void answerCutShortEndsAtTheNextFrame();
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

void TestGateDiagnostics::parseDebugLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("isFrame");
    QTest::addColumn<bool>("sent");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("tx") << QByteArray("[00][01][00][00][00][06][01][04][00][00][00][02]") << true << true
                        << QByteArray::fromHex("000100000006010400000002");
    QTest::newRow("rx") << QByteArray("<01><04><04><00><2A><FF><0a><FB><84>") << true << false
                        << QByteArray::fromHex("010404002aff0afb84");
    QTest::newRow("one byte") << QByteArray("<7F>") << true << false << QByteArray::fromHex("7f");
    QTest::newRow("chatter") << QByteArray("Waiting for a confirmation...") << false << false << QByteArray();
    QTest::newRow("connecting") << QByteArray("Connecting to 127.0.0.1:1502") << false << false << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << false << QByteArray();
    QTest::newRow("mixed") << QByteArray("<01><04>[01][04]") << false << false << QByteArray();
    QTest::newRow("cut token") << QByteArray("[01][0") << false << false << QByteArray();
    QTest::newRow("not hex") << QByteArray("[01][0G]") << false << false << QByteArray();
    QTest::newRow("trailing text") << QByteArray("[01] sent") << false << false << QByteArray();
    QTest::newRow("wrong bracket") << QByteArray("[01>") << false << false << QByteArray();
}

void TestGateDiagnostics::parseDebugLine()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, isFrame);
    QFETCH(bool, sent);
    QFETCH(QByteArray, bytes);
    const auto frame = ModbusFrameTap::parseDebugLine(line, 1234);
    QCOMPARE(frame.has_value(), isFrame);
    if (!frame)
        return;
    QCOMPARE(frame->sent, sent);
    QCOMPARE(frame->bytes, bytes);
    QCOMPARE(frame->atMs, qint64(1234));
}

void TestGateDiagnostics::snapshotFramesReachTheSink_data()
{
    QTest::addColumn<bool>("rtu");
    QTest::newRow("tcp") << false;
    QTest::newRow("rtu") << true;
}

// A turnstile snapshot is four reads of input registers (function 0x04): both counters, the
// error code and the sensors. Slave 3, so that the unit id is not libmodbus' default.
void TestGateDiagnostics::snapshotFramesReachTheSink()
{
    QFETCH(bool, rtu);
    GateSimProcess sim;
    const QStringList slaves {QStringLiteral("--slaves"), QStringLiteral("3")};
    QVERIFY(sim.start(
        simArguments(ProfileKind::TurnstileRegisters, rtu ? slaves + QStringList {QStringLiteral("--rtu")} : slaves)));
    GateProfile profile = profileFor(ProfileKind::TurnstileRegisters, sim, rtu);
    profile.slaveId = 3;
    const Status installed = ModbusFrameTap::install();
    QVERIFY2(installed, qPrintable(installed ? QString() : installed.error().message));
    FrameLog log;
    GateDiagnostics diagnostics(profile);
    QVERIFY(diagnostics.connect());
    QVERIFY(diagnostics.readSnapshot());
    QVERIFY(log.frames.isEmpty()); // debug off: libmodbus prints nothing

    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    diagnostics.setDebug(true); // the bus that is open
    QVERIFY(diagnostics.readSnapshot());
    const qint64 endMs = QDateTime::currentMSecsSinceEpoch();
    const QList<ModbusFrame> frames = log.frames;
    QCOMPARE(frames.size(), 8);
    const struct {
        int address;
        int count;
    } reads[] = {{profile.registers.entryCounter, 2}, {profile.registers.exitCounter, 2},
        {profile.registers.errorCode, 1}, {profile.registers.sensors, 1}};
    for (qsizetype i = 0; i < 4; ++i) {
        const ModbusFrame &request = frames.at(2 * i);
        const ModbusFrame &answer = frames.at(2 * i + 1);
        QVERIFY(request.sent);
        QVERIFY(!answer.sent);
        QVERIFY(startMs <= request.atMs && request.atMs <= answer.atMs && answer.atMs <= endMs);
        const QByteArray pdu
            = QByteArray(1, char(0x04)) + bigEndianBytes(reads[i].address) + bigEndianBytes(reads[i].count);
        const QByteArray answerHead = bytesOf({3, 0x04, 2 * reads[i].count});
        if (rtu) {
            // slave id, PDU, CRC; the answer likewise, with a byte count and the registers.
            QCOMPARE(request.bytes, QByteArray(1, char(3)) + pdu + request.bytes.last(2));
            QCOMPARE(crcOnTheWire(request.bytes), crc16Modbus(request.bytes.first(request.bytes.size() - 2)));
            QCOMPARE(answer.bytes.size(), 3 + 2 * reads[i].count + 2);
            QCOMPARE(answer.bytes.first(3), answerHead);
            QCOMPARE(crcOnTheWire(answer.bytes), crc16Modbus(answer.bytes.first(answer.bytes.size() - 2)));
        } else {
            // MBAP: transaction id, protocol 0, length of what follows, unit id; then the PDU.
            QCOMPARE(request.bytes.size(), 7 + 5);
            QCOMPARE(bigEndianWord(request.bytes, 2), quint16(0));
            QCOMPARE(bigEndianWord(request.bytes, 4), quint16(6));
            QCOMPARE(request.bytes.mid(6), QByteArray(1, char(3)) + pdu);
            if (i > 0)
                QVERIFY(bigEndianWord(request.bytes, 0) != bigEndianWord(frames.at(2 * i - 2).bytes, 0));
            QCOMPARE(answer.bytes.size(), 7 + 2 + 2 * reads[i].count);
            QCOMPARE(answer.bytes.first(2), request.bytes.first(2)); // the transaction id echoed
            QCOMPARE(bigEndianWord(answer.bytes, 4), quint16(answer.bytes.size() - 6));
            QCOMPARE(answer.bytes.mid(6, 3), answerHead);
        }
    }

    log.frames.clear();
    diagnostics.close();
    QVERIFY(diagnostics.connect()); // a new bus of the session keeps debug on
    QVERIFY(diagnostics.readSnapshot());
    QCOMPARE(log.frames.size(), 8);
    diagnostics.setDebug(false);
    QVERIFY(diagnostics.readSnapshot());
    QCOMPARE(log.frames.size(), 8);
}

// Another thread with debug on and no sink reads holding registers (function 0x03) meanwhile:
// its frames go to stdout, never to this thread's sink.
void TestGateDiagnostics::framesOfOtherThreadsStayOut()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::TurnstileRegisters)));
    const GateProfile profile = profileFor(ProfileKind::TurnstileRegisters, sim);
    QVERIFY(ModbusFrameTap::install());
    FrameLog log;
    constexpr int OtherReads = 10;
    std::atomic<int> otherReads = 0;
    std::atomic<bool> otherFailed = false;
    std::jthread other([&] {
        GateDiagnostics diagnostics(profile);
        diagnostics.setDebug(true);
        otherFailed = !diagnostics.connect();
        for (int i = 0; i < OtherReads && !otherFailed; ++i, ++otherReads)
            otherFailed = !diagnostics.readTable(ModbusTable::HoldingRegisters, profile.registers.mode, 1);
        otherReads = OtherReads;
    });
    GateDiagnostics diagnostics(profile);
    diagnostics.setDebug(true); // before connect
    QVERIFY(diagnostics.connect());
    int snapshots = 0;
    while (snapshots < 3 || (otherReads < OtherReads && snapshots < 200)) {
        QVERIFY(diagnostics.readSnapshot());
        ++snapshots;
    }
    other.join();
    QVERIFY(!otherFailed);
    QCOMPARE(log.frames.size(), 8 * snapshots);
    for (const ModbusFrame &frame : std::as_const(log.frames))
        QCOMPARE(quint8(frame.bytes.at(7)), quint8(0x04));
}

// libmodbus prints an answer as it arrives and ends it with a newline only when it is complete;
// after a timeout the next request continues the line.
void TestGateDiagnostics::answerCutShortEndsAtTheNextFrame()
{
    QVERIFY(ModbusFrameTap::install());
    QList<ModbusFrame> frames;
    {
        FrameLog log;
        std::printf("Waiting for a confirmation...\n");
        std::printf("<01><04>");
        std::printf("[01][04][00][00][00][02][71][CB]\n");
        std::printf("Waiting for a confirmation...\n<01>");
        std::printf("<04><04><00><00>");
        std::printf("<00><00><FB><84>\n<03>"); // and one more cut short
        frames = log.frames;
    }
    QCOMPARE(frames.size(), 3);
    QVERIFY(!frames.at(0).sent);
    QCOMPARE(frames.at(0).bytes, QByteArray::fromHex("0104"));
    QVERIFY(frames.at(1).sent);
    QCOMPARE(frames.at(1).bytes, QByteArray::fromHex("01040000000271cb"));
    QVERIFY(!frames.at(2).sent);
    QCOMPARE(frames.at(2).bytes, QByteArray::fromHex("01040400000000fb84"));

    // The last answer went with its sink: it does not open the next sink's first frame.
    FrameLog next;
    std::printf("[05][06]\n");
    QCOMPARE(next.frames.size(), 1);
    QVERIFY(next.frames.at(0).sent);
    QCOMPARE(next.frames.at(0).bytes, QByteArray::fromHex("0506"));
}

// The link drops while a relay pulse is on: the wait fails with the read's error, and the coil is
// switched off over a new connection first, so the gate is not left released.
void TestGateDiagnostics::droppedLinkDoesNotLeaveTheGateReleased()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(ProfileKind::Relay, {QStringLiteral("--pass-probability"), QStringLiteral("0")})));
    GateProfile profile = profileFor(ProfileKind::Relay, sim);
    profile.pulseMs = 4000;
    profile.passTimeoutMs = 8000;
    GateDiagnostics diagnostics(profile);
    QVERIFY(diagnostics.connect());
    const Result<GateSnapshot> before = diagnostics.readSnapshot();
    QVERIFY(before);
    QVERIFY(diagnostics.open(Direction::In));

    Result<int> waited = 0;
    std::thread worker([&] { waited = diagnostics.waitForPassages(Direction::In, 1, *before); });
    QTest::qWait(300);
    QCOMPARE(sim.command("drop"), QByteArray("ok"));
    worker.join();
    QVERIFY(!waited);

    GateDiagnostics check(profile);
    QVERIFY(check.connect());
    const Result<std::vector<int>> coil = check.readTable(ModbusTable::Coils, profile.relay.entryCoil, 1);
    QVERIFY(coil);
    QCOMPARE(coil->front(), 0);
}

QTEST_GUILESS_MAIN(TestGateDiagnostics)
#include "tst_gatediagnostics.moc"
