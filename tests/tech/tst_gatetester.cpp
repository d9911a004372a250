// BridgeGateTester against a real SQLite file and a real gymgate-gatesim (TCP, an RTU pty and the
// serial-text pty).
#include "bridge/GateSimProcess.h"
#include "bridge/ModbusInspector.h"
#include "core/Clock.h"
#include "core/GateSupervisor.h"
#include "core/Venue.h"
#include "store/Database.h"
#include "store/VenueRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <array>
#include <memory>

#include "drivers/ModbusGateDriver.h"
#include "drivers/SerialTextGateDriver.h"
#include "protocol/GateProfile.h"
#include "tech/BridgeGateTester.h"
#include "tech/SqlGateSetup.h"
#include "tech/TechTestSupport.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr int kTimeoutMs = 10'000;

bridge::GateProfile textProfileFor(const GateSimProcess &sim)
{
    bridge::GateProfile profile;
    profile.kind = bridge::ProfileKind::SerialText;
    profile.transport = bridge::TransportKind::Serial;
    profile.serial.device = sim.text;
    profile.serial.baud = 115200;
    profile.pollPeriodMs = 30; // the monitor asks STATUS every 200 ms at the most
    profile.timeoutMs = 300;
    profile.pulseMs = 300;
    profile.passTimeoutMs = 3000;
    return profile;
}

GateIoSnapshot snapshotAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<GateIoSnapshot>();
}

// The value of a named point in a snapshot, -1 when the snapshot has no such point.
int pointValue(const GateIoSnapshot &snapshot, const QString &name)
{
    for (const GateIoPoint &point : snapshot.points) {
        if (point.name == name)
            return point.value;
    }
    return -1;
}

// Every captured frame as "TX <line>" or "RX <line>", oldest first.
QStringList textFrames(const QSignalSpy &frames)
{
    QStringList lines;
    for (const QList<QVariant> &batch : frames) {
        for (const GateFrame &frame : batch.at(0).value<QList<GateFrame>>())
            lines.append(
                (frame.sent ? QStringLiteral("TX ") : QStringLiteral("RX ")) + QString::fromLatin1(frame.bytes));
    }
    return lines;
}

QStringList pointNames(const GateIoSnapshot &snapshot)
{
    QStringList names;
    for (const GateIoPoint &point : snapshot.points)
        names.append(point.name);
    return names;
}

// Everything a test watches on a tester.
struct Spies {
    explicit Spies(BridgeGateTester &tester)
        : session(&tester, &GateTester::sessionChanged), busy(&tester, &GateTester::busyChanged),
          io(&tester, &GateTester::ioRead), ioFailed(&tester, &GateTester::ioFailed),
          passage(&tester, &GateTester::passageSeen), frames(&tester, &GateTester::framesCaptured),
          command(&tester, &GateTester::commandFinished), scanProgress(&tester, &GateTester::scanProgress),
          scanAnswered(&tester, &GateTester::scanAnswered), scanFinished(&tester, &GateTester::scanFinished),
          selfTestStep(&tester, &GateTester::selfTestStep), selfTestFinished(&tester, &GateTester::selfTestFinished)
    { }

    QSignalSpy session;
    QSignalSpy busy;
    QSignalSpy io;
    QSignalSpy ioFailed;
    QSignalSpy passage;
    QSignalSpy frames;
    QSignalSpy command;
    QSignalSpy scanProgress;
    QSignalSpy scanAnswered;
    QSignalSpy scanFinished;
    QSignalSpy selfTestStep;
    QSignalSpy selfTestFinished;
};

// A Modbus TCP controller with 128 registers of each kind, for maps the simulator cannot
// serve (it has 8 per table at fixed addresses). It answers register reads and writes, logs
// every input-register read, and counts one entry passage after every read that includes the
// entry counter's high word: as if someone passed between two requests.
class FakeController : public QObject {
public:
    static constexpr int kRegisters = 128;
    static constexpr quint32 kEntryCountStart = 0xFFFF; // the next passage carries into the high word

    struct Read {
        int address = 0;
        int count = 0;
    };

    int entryCounterAddress = 0;
    int maxReadCount = 125; // a longer read is refused (illegal data address), as by a gap
    QList<Read> inputReads;

    bool listen()
    {
        setEntryCount(kEntryCountStart);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    int port() const { return m_server.serverPort(); }

private:
    void setEntryCount(quint32 value)
    {
        m_input[size_t(entryCounterAddress)] = quint16(value >> 16);
        m_input[size_t(entryCounterAddress) + 1] = quint16(value & 0xFFFF);
    }
    quint32 entryCount() const
    {
        return quint32(m_input[size_t(entryCounterAddress)]) << 16 | m_input[size_t(entryCounterAddress) + 1];
    }

    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (buffer.size() >= 8) {
            const int length = qFromBigEndian<quint16>(buffer.constData() + 4); // unit id + PDU
            if (buffer.size() < 6 + length)
                return;
            const QByteArray header = buffer.left(7);
            const QByteArray pdu = buffer.mid(7, length - 1);
            buffer.remove(0, 6 + length);
            const QByteArray answer = handle(pdu);
            QByteArray frame = header;
            qToBigEndian<quint16>(quint16(answer.size() + 1), frame.data() + 4);
            socket->write(frame + answer);
        }
    }

    QByteArray handle(const QByteArray &pdu)
    {
        const auto function = quint8(pdu.at(0));
        const auto exception = [function](quint8 code) {
            QByteArray answer;
            answer.append(char(function | 0x80)).append(char(code));
            return answer;
        };
        if (pdu.size() < 5)
            return exception(0x03);
        const int address = qFromBigEndian<quint16>(pdu.constData() + 1);
        const int value = qFromBigEndian<quint16>(pdu.constData() + 3);
        switch (function) {
        case 0x03:
        case 0x04: {
            if (value < 1 || value > maxReadCount || address + value > kRegisters)
                return exception(0x02);
            const std::array<quint16, kRegisters> &table = function == 0x03 ? m_holding : m_input;
            QByteArray answer;
            answer.append(char(function)).append(char(value * 2));
            for (int i = 0; i < value; ++i) {
                char word[2];
                qToBigEndian<quint16>(table[size_t(address + i)], word);
                answer.append(word, 2);
            }
            if (function == 0x04) {
                inputReads.append(Read {address, value});
                if (address <= entryCounterAddress && entryCounterAddress < address + value)
                    setEntryCount(entryCount() + 1);
            }
            return answer;
        }
        case 0x06:
            if (address >= kRegisters)
                return exception(0x02);
            m_holding[size_t(address)] = quint16(value);
            return pdu.left(5);
        case 0x10: {
            if (address + value > kRegisters || pdu.size() < 6 + value * 2)
                return exception(0x02);
            for (int i = 0; i < value; ++i)
                m_holding[size_t(address + i)] = qFromBigEndian<quint16>(pdu.constData() + 6 + i * 2);
            return pdu.left(5);
        }
        default:
            return exception(0x01);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    std::array<quint16, kRegisters> m_holding {};
    std::array<quint16, kRegisters> m_input {};
};

} // namespace

class TestGateTester : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sessionMonitorsNamedPoints();
    void openInShowsPassage();
    void freeAndLockChangeModeRegister();
    void counterWordsAreReadTogether_data();
    void counterWordsAreReadTogether();
    void consoleModeEndsWithTheSession();
    void relayFreeEndsWithTheSession();
    void scanFindsExactlyTheSlaves();
    void scanCancelledMidway();
    void selfTestPassesAndIsStored();
    void framesOnlyWhileCaptureIsOn();
    void relayOpenOutShowsPassage();
    void rtuSessionPausesSupervisedGate();
    void unreachableGateEndsSession();
    void staffRoleRefused();
    void textSessionMonitorsFire();
    void textOpenInShowsPassage();
    void textFreeLockNormalAnswered();
    void textFramesAreLines();
    void textFreeEndsWithTheSession();
    void textScanRefused();
    void textSelfTestPassesAndIsStored();
    void textSelfTestFailsOnFire();
    void textUnreachableBoardEndsSession();
    void textSessionPausesSupervisedBoard();
    void modbusKindOverSerialRefused();
    void badProfileNamesField();
    void busyRefusesSecondAction();

private:
    // Starts a session on `gate` and waits until it is connected and the monitor has read.
    bool startAndConnect(const GateConfig &gate);
    // A simulator with a serial-text board, a saved gate for it and a connected session on it.
    bool startTextSession(const QStringList &extra = {});
    // Turns frame capture off; after `reads` monitor reads (the ones in flight), `reads` more
    // arrive with no frame.
    void captureOffStopsFrames(int reads);

    std::unique_ptr<GateSimProcess> m_sim;
    std::unique_ptr<TechRig> m_rig;
    std::unique_ptr<BridgeGateTester> m_tester;
    std::unique_ptr<Spies> m_spies;
    QString m_textGateId;
};

void TestGateTester::captureOffStopsFrames(int reads)
{
    m_tester->setFrameCapture(false);
    m_spies->io.clear();
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= reads, kTimeoutMs);
    // Everything from here on was read after capture went off.
    m_spies->frames.clear();
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= 2 * reads, kTimeoutMs);
    QVERIFY(m_spies->frames.isEmpty());
}

void TestGateTester::init()
{
    m_rig = std::make_unique<TechRig>();
    QVERIFY(m_rig->open());
    m_sim = std::make_unique<GateSimProcess>();
}

void TestGateTester::cleanup()
{
    m_spies.reset();
    m_tester.reset();
    m_sim.reset();
    m_rig.reset();
}

bool TestGateTester::startAndConnect(const GateConfig &gate)
{
    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, nullptr);
    m_spies = std::make_unique<Spies>(*m_tester);
    const Status started = m_tester->startSession(technician(), gate);
    if (!started) {
        qWarning("startSession: %s", qUtf8Printable(started.error().toString()));
        return false;
    }
    if (!QTest::qWaitFor([this] { return !m_spies->session.isEmpty(); }, kTimeoutMs))
        return false;
    if (!m_spies->session.at(0).at(0).toBool()) {
        qWarning("not connected: %s", qUtf8Printable(m_spies->session.at(0).at(1).toString()));
        return false;
    }
    return QTest::qWaitFor([this] { return m_spies->io.count() >= 2; }, kTimeoutMs);
}

void TestGateTester::sessionMonitorsNamedPoints()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY2(gate, qPrintable(gate ? QString() : gate.error().toString()));
    QVERIFY(startAndConnect(*gate));

    QVERIFY(m_tester->hasSession());
    QVERIFY(!m_tester->busy());
    QVERIFY(m_tester->pausedGateIds().isEmpty()); // TCP: no shared line, no supervisor
    const QString message = m_spies->session.at(0).at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(m_sim->tcpPort)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("slave 1")), qPrintable(message));

    const GateIoSnapshot snapshot = snapshotAt(m_spies->io, m_spies->io.count() - 1);
    QCOMPARE(pointNames(snapshot),
        (QStringList {QStringLiteral("entryPermission"), QStringLiteral("exitPermission"), QStringLiteral("mode"),
            QStringLiteral("passTime"), QStringLiteral("entryCounter (high)"), QStringLiteral("entryCounter (low)"),
            QStringLiteral("exitCounter (high)"), QStringLiteral("exitCounter (low)"), QStringLiteral("errorCode"),
            QStringLiteral("sensors")}));
    for (qsizetype i = 0; i < snapshot.points.size(); ++i)
        QCOMPARE(snapshot.points.at(i).table, i < 4 ? GateIoTable::HoldingRegisters : GateIoTable::InputRegisters);
    QCOMPARE(snapshot.points.at(5).address, 1); // entryCounter (low)
    QVERIFY(snapshot.entryCount.has_value());
    QCOMPARE(*snapshot.entryCount, 0u);
    QCOMPARE(*snapshot.exitCount, 0u);
    QVERIFY(!snapshot.fireActive);
    QVERIFY(snapshot.atMs > 0);
    QVERIFY(m_spies->ioFailed.isEmpty());

    // The simulator's fire input shows in the next reads.
    QCOMPARE(m_sim->command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(snapshotAt(m_spies->io, m_spies->io.count() - 1).fireActive, kTimeoutMs);
    QVERIFY(pointValue(snapshotAt(m_spies->io, m_spies->io.count() - 1), QStringLiteral("sensors")) & 0x4);

    m_tester->stopSession();
    QVERIFY(!m_tester->hasSession());
    QCOMPARE(m_spies->session.count(), 2);
    QCOMPARE(m_spies->session.at(1).at(0).toBool(), false);
}

void TestGateTester::openInShowsPassage()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));
    const quint32 before = *snapshotAt(m_spies->io, m_spies->io.count() - 1).entryCount;

    m_tester->runCommand(GateTestCommand::OpenIn);
    QVERIFY(m_tester->busy());
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->command.at(0).at(0).value<GateTestCommand>(), GateTestCommand::OpenIn);
    QVERIFY2(m_spies->command.at(0).at(1).toBool(), qPrintable(m_spies->command.at(0).at(2).toString()));
    QVERIFY(m_spies->command.at(0).at(2).toString().contains(QLatin1String("Entry permission")));
    QVERIFY(!m_tester->busy());
    QCOMPARE(m_spies->busy.count(), 2); // on, off

    QTRY_COMPARE_WITH_TIMEOUT(m_spies->passage.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->passage.at(0).at(0).value<Direction>(), Direction::In);
    QCOMPARE(m_spies->passage.at(0).at(1).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(*snapshotAt(m_spies->io, m_spies->io.count() - 1).entryCount, before + 1, kTimeoutMs);
    QCOMPARE(*snapshotAt(m_spies->io, m_spies->io.count() - 1).exitCount, 0u);
}

void TestGateTester::freeAndLockChangeModeRegister()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));
    QCOMPARE(pointValue(snapshotAt(m_spies->io, m_spies->io.count() - 1), QStringLiteral("mode")), 0);

    m_tester->runCommand(GateTestCommand::Lock);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QVERIFY2(m_spies->command.at(0).at(1).toBool(), qPrintable(m_spies->command.at(0).at(2).toString()));
    // Reads queued before the answer have arrived with it; the next one is after the write.
    m_spies->io.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!m_spies->io.isEmpty(), kTimeoutMs);
    QCOMPARE(pointValue(snapshotAt(m_spies->io, 0), QStringLiteral("mode")), 1);

    m_tester->runCommand(GateTestCommand::Free);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 2, kTimeoutMs);
    QVERIFY(m_spies->command.at(1).at(1).toBool());
    m_spies->io.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!m_spies->io.isEmpty(), kTimeoutMs);
    QCOMPARE(pointValue(snapshotAt(m_spies->io, 0), QStringLiteral("mode")), 0);
    QCOMPARE(pointValue(snapshotAt(m_spies->io, 0), QStringLiteral("entryPermission")), 0xFFFF);
    QCOMPARE(pointValue(snapshotAt(m_spies->io, 0), QStringLiteral("exitPermission")), 0xFFFF);
}

void TestGateTester::counterWordsAreReadTogether_data()
{
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<int>("maxReadCount");
    QTest::newRow("span too wide for one read") << 100 << 125;
    QTest::newRow("span refused by the controller") << 10 << 4;
}

// Read one register at a time, a counter's high word is from before a passage and its low word
// from after it (0x0000FFFF + 1 read as 0x00000000): both words go in one request, whatever the
// rest of the map does.
void TestGateTester::counterWordsAreReadTogether()
{
    QFETCH(int, errorCode);
    QFETCH(int, maxReadCount);
    FakeController controller;
    controller.maxReadCount = maxReadCount;
    QVERIFY(controller.listen());
    bridge::GateProfile profile = profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim);
    profile.tcp.port = controller.port();
    profile.registers.errorCode = errorCode;
    profile.registers.sensors = errorCode + 1;
    auto gate = m_rig->saveGate(QStringLiteral("Far map"), profile);
    QVERIFY2(gate, qPrintable(gate ? QString() : gate.error().toString()));
    QVERIFY(startAndConnect(*gate));
    m_tester->stopSession();

    for (qsizetype i = 0; i < m_spies->io.count(); ++i) {
        const GateIoSnapshot snapshot = snapshotAt(m_spies->io, i);
        QVERIFY(snapshot.entryCount.has_value());
        QVERIFY2(*snapshot.entryCount >= FakeController::kEntryCountStart,
            qPrintable(
                QStringLiteral("read %1: a torn counter 0x%2").arg(i).arg(*snapshot.entryCount, 8, 16, QChar(u'0'))));
        QCOMPARE(pointValue(snapshot, QStringLiteral("errorCode")), 0);
    }
    QVERIFY(m_spies->ioFailed.isEmpty());
    for (const FakeController::Read &read : std::as_const(controller.inputReads)) {
        QVERIFY2(read.address != 1 && read.address != 3, qPrintable(QString::number(read.address))); // a low word alone
        if (read.address == 0 || read.address == 2)
            QVERIFY2(read.count >= 2, qPrintable(QString::number(read.address)));
    }
}

// A Free or Lock sent from the console is the technician's test, not the gate's new state: the
// gate is back to normal once the session ends.
void TestGateTester::consoleModeEndsWithTheSession()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    ModbusInspector inspector;
    QVERIFY(inspector.connect(*m_sim));
    const std::vector<quint16> normal {0, 0, 0}; // entry and exit permission closed, mode normal

    QVERIFY(startAndConnect(*gate));
    m_tester->runCommand(GateTestCommand::Free);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QVERIFY(m_spies->command.at(0).at(1).toBool());
    QCOMPARE(inspector.holdings(0, 3), (std::vector<quint16> {0xFFFF, 0xFFFF, 0}));
    m_tester->stopSession();
    QCOMPARE(inspector.holdings(0, 3), normal);

    QVERIFY(startAndConnect(*gate));
    m_tester->runCommand(GateTestCommand::Lock);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QVERIFY(m_spies->command.at(0).at(1).toBool());
    QCOMPARE(inspector.holding(2), 1); // blocked
    m_tester->stopSession();
    QCOMPARE(inspector.holdings(0, 3), normal);
}

void TestGateTester::relayFreeEndsWithTheSession()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::Relay)));
    auto gate = m_rig->saveGate(QStringLiteral("Side door"), profileFor(bridge::ProfileKind::Relay, *m_sim));
    QVERIFY(gate);
    ModbusInspector inspector;
    QVERIFY(inspector.connect(*m_sim));
    QVERIFY(startAndConnect(*gate));
    m_tester->runCommand(GateTestCommand::Free);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QVERIFY(m_spies->command.at(0).at(1).toBool());
    QCOMPARE(inspector.coils(0, 2), (QList<bool> {true, true}));
    m_tester->stopSession();
    QCOMPARE(inspector.coils(0, 2), (QList<bool> {false, false}));
}

void TestGateTester::scanFindsExactlyTheSlaves()
{
    QVERIFY(m_sim->start(
        simArguments(bridge::ProfileKind::TurnstileRegisters, {QStringLiteral("--slaves"), QStringLiteral("1,2,5")})));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));

    m_tester->scan(1, 6);
    QVERIFY(m_tester->busy());
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->scanFinished.count(), 1, kTimeoutMs);
    const QList<QVariant> finished = m_spies->scanFinished.at(0);
    QCOMPARE(finished.at(2).toString(), QString());
    QCOMPARE(finished.at(0).value<QList<int>>(), (QList<int> {1, 2, 5}));
    QCOMPARE(finished.at(1).toBool(), false);
    QCOMPARE(m_spies->scanProgress.count(), 6);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(m_spies->scanProgress.at(i).at(0).toInt(), i + 1);
        QCOMPARE(m_spies->scanProgress.at(i).at(1).toInt(), 1);
        QCOMPARE(m_spies->scanProgress.at(i).at(2).toInt(), 6);
    }
    QList<int> answered;
    for (const QList<QVariant> &signal : std::as_const(m_spies->scanAnswered))
        answered.append(signal.at(0).toInt());
    QCOMPARE(answered, (QList<int> {1, 2, 5}));
    QVERIFY(!m_tester->busy());

    // The monitor reads again afterwards, on the profile's own slave.
    const qsizetype reads = m_spies->io.count();
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= reads + 2, kTimeoutMs);
    QVERIFY(m_spies->ioFailed.isEmpty());
}

void TestGateTester::scanCancelledMidway()
{
    QVERIFY(m_sim->start(
        simArguments(bridge::ProfileKind::TurnstileRegisters, {QStringLiteral("--slaves"), QStringLiteral("1,2,5")})));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));
    QCOMPARE(m_sim->command("slow 50"), QByteArray("ok")); // the whole range would take 12 s

    connect(m_tester.get(), &GateTester::scanProgress, this, [this](int slaveId) {
        if (slaveId == 3)
            m_tester->cancel();
    });
    m_tester->scan(1, 247);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->scanFinished.count(), 1, kTimeoutMs);
    const QList<QVariant> finished = m_spies->scanFinished.at(0);
    QCOMPARE(finished.at(1).toBool(), true);
    QCOMPARE(finished.at(2).toString(), QString());
    const auto answered = finished.at(0).value<QList<int>>();
    QVERIFY2(answered.size() <= 3 && answered.mid(0, 2) == (QList<int> {1, 2}),
        qPrintable(QString::number(answered.size())));
    QVERIFY(m_spies->scanProgress.count() < 20);
    QVERIFY(!m_tester->busy());
}

void TestGateTester::selfTestPassesAndIsStored()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));

    m_tester->runSelfTest();
    QVERIFY(m_tester->busy());
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->selfTestFinished.count(), 1, kTimeoutMs);
    const auto report = m_spies->selfTestFinished.at(0).at(0).value<GateSelfTestReport>();
    QCOMPARE(m_spies->selfTestFinished.at(0).at(1).toString(), QString());
    QVERIFY(report.passed());
    QCOMPARE(report.steps.size(), 5); // connect, read, fire, open and passage, counter
    QCOMPARE(m_spies->selfTestStep.count(), 5);
    QCOMPARE(m_spies->selfTestStep.at(3).at(0).value<GateSelfTestStep>().name, report.steps.at(3).name);
    QVERIFY(!m_tester->busy());

    auto gates = m_rig->setup->configuredGates();
    QVERIFY(gates);
    QCOMPARE(gates->size(), 1);
    const GateConfig stored = gates->front();
    QCOMPARE(stored.id, gate->id);
    QVERIFY(stored.lastSelfTestAtMs.has_value());
    const auto storedReport
        = GateSelfTestReport::fromJson(QJsonDocument::fromJson(stored.lastSelfTestResult.toUtf8()).object());
    QVERIFY2(storedReport, qPrintable(stored.lastSelfTestResult));
    QVERIFY(storedReport->passed());
    QCOMPARE(storedReport->atMs, report.atMs);
    QCOMPARE(storedReport->steps.size(), 5);

    // The monitor reads again, and does not report the self-test's own passage.
    const qsizetype reads = m_spies->io.count();
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= reads + 3, kTimeoutMs);
    QVERIFY(m_spies->passage.isEmpty());
}

void TestGateTester::framesOnlyWhileCaptureIsOn()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= 4, kTimeoutMs);
    QVERIFY(m_spies->frames.isEmpty());

    m_tester->setFrameCapture(true);
    const auto sawBoth = [this] {
        bool tx = false;
        bool rx = false;
        for (const QList<QVariant> &batch : std::as_const(m_spies->frames)) {
            for (const GateFrame &frame : batch.at(0).value<QList<GateFrame>>()) {
                if (frame.bytes.isEmpty() || frame.atMs <= 0)
                    return false;
                (frame.sent ? tx : rx) = true;
            }
        }
        return tx && rx;
    };
    QTRY_VERIFY_WITH_TIMEOUT(sawBoth(), kTimeoutMs);
    // A TCP request carries the MBAP header: 7 bytes, then the function code.
    const auto firstBatch = m_spies->frames.at(0).at(0).value<QList<GateFrame>>();
    QVERIFY(!firstBatch.isEmpty());
    QVERIFY(firstBatch.front().bytes.size() >= 8);

    captureOffStopsFrames(3);
}

void TestGateTester::relayOpenOutShowsPassage()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::Relay)));
    const bridge::GateProfile profile = profileFor(bridge::ProfileKind::Relay, *m_sim);
    auto gate = m_rig->saveGate(QStringLiteral("Side door"), profile);
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));
    const GateIoSnapshot first = snapshotAt(m_spies->io, 0);
    QCOMPARE(pointNames(first),
        (QStringList {QStringLiteral("entryCoil"), QStringLiteral("exitCoil"), QStringLiteral("entryInput"),
            QStringLiteral("exitInput"), QStringLiteral("fireInput"), QStringLiteral("tamperInput")}));
    QVERIFY(!first.entryCount.has_value());

    m_tester->runCommand(GateTestCommand::OpenOut);
    // The coil shows on while the pulse lasts: the monitor keeps reading meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(
        pointValue(snapshotAt(m_spies->io, m_spies->io.count() - 1), QStringLiteral("exitCoil")) == 1, kTimeoutMs);
    QVERIFY(m_tester->busy());
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QVERIFY(m_spies->command.at(0).at(1).toBool());
    QCOMPARE(m_spies->command.at(0).at(2).toString(), QStringLiteral("Relay coil 1 on for 300 ms"));
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->passage.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->passage.at(0).at(0).value<Direction>(), Direction::Out);
    m_spies->io.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!m_spies->io.isEmpty(), kTimeoutMs);
    QCOMPARE(pointValue(snapshotAt(m_spies->io, 0), QStringLiteral("exitCoil")), 0);
}

void TestGateTester::rtuSessionPausesSupervisedGate()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters, {QStringLiteral("--rtu")})));
    const bridge::GateProfile profile = profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim, true);
    auto gate = m_rig->saveGate(QStringLiteral("Bus gate"), profile);
    QVERIFY(gate);
    auto other = m_rig->saveGate(
        QStringLiteral("TCP gate"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim, false));
    QVERIFY(other);

    // The gate service drives the RTU gate, and a TCP one that must stay untouched.
    bridge::ModbusGateDriver driver(profile);
    bridge::ModbusGateDriver tcpDriver(profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim, false));
    GateSupervisor supervisor;
    supervisor.addGate(SupervisedGate {gate->id, FailPolicy::FailSecure, 3}, &driver);
    supervisor.addGate(SupervisedGate {other->id, FailPolicy::FailSecure, 3}, &tcpDriver);
    QSignalSpy driverConnected(&driver, &GateDriver::connectedChanged);
    QSignalSpy tcpConnected(&tcpDriver, &GateDriver::connectedChanged);
    supervisor.start();
    QTRY_VERIFY_WITH_TIMEOUT(driver.status().connected && tcpDriver.status().connected, kTimeoutMs);
    driverConnected.clear();
    tcpConnected.clear();

    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, &supervisor);
    m_spies = std::make_unique<Spies>(*m_tester);
    const Status started = m_tester->startSession(technician(), *gate);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
    QCOMPARE(m_tester->pausedGateIds(), QStringList {gate->id});
    QTRY_VERIFY_WITH_TIMEOUT(!driver.status().connected, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->session.count(), 1, kTimeoutMs);
    QVERIFY2(m_spies->session.at(0).at(0).toBool(), qPrintable(m_spies->session.at(0).at(1).toString()));
    QVERIFY(m_spies->session.at(0).at(1).toString().contains(m_sim->rtu));
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= 3, kTimeoutMs);
    QVERIFY(snapshotAt(m_spies->io, m_spies->io.count() - 1).entryCount.has_value());

    m_tester->runCommand(GateTestCommand::OpenIn);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->passage.count(), 1, kTimeoutMs);
    QVERIFY(m_spies->command.at(0).at(1).toBool());

    m_tester->stopSession();
    QVERIFY(m_tester->pausedGateIds().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(driver.status().connected, kTimeoutMs);
    QVERIFY(tcpConnected.isEmpty()); // never stopped
}

void TestGateTester::unreachableGateEndsSession()
{
    bridge::GateProfile profile;
    profile.kind = bridge::ProfileKind::TurnstileRegisters;
    profile.transport = bridge::TransportKind::ModbusTcp;
    profile.tcp.port = 1; // nothing listens there
    profile.timeoutMs = 200;
    GateConfig gate;
    gate.name = QStringLiteral("Unsaved");
    gate.profile = profile.toJson();
    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, nullptr);
    m_spies = std::make_unique<Spies>(*m_tester);
    QVERIFY(m_tester->startSession(technician(), gate));
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->session.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->session.at(0).at(0).toBool(), false);
    QVERIFY(m_spies->session.at(0).at(1).toString().contains(QLatin1String("127.0.0.1:1")));
    QVERIFY(!m_tester->hasSession());
    m_tester->runCommand(GateTestCommand::OpenIn);
    QCOMPARE(m_spies->command.count(), 1);
    QCOMPARE(m_spies->command.at(0).at(1).toBool(), false);
}

void TestGateTester::staffRoleRefused()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    GateConfig gate;
    gate.name = QStringLiteral("Unsaved");
    gate.profile = profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim).toJson();
    BridgeGateTester tester(*m_rig->setup, nullptr);
    QSignalSpy session(&tester, &GateTester::sessionChanged);
    StaffSession staff = technician();
    staff.role = StaffRole::Staff;
    const Status started = tester.startSession(staff, gate);
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!tester.hasSession());
    QVERIFY(session.isEmpty());
}

bool TestGateTester::startTextSession(const QStringList &extra)
{
    if (!m_sim->start(
            simArguments(bridge::ProfileKind::TurnstileRegisters, QStringList {QStringLiteral("--text")} + extra)))
        return false;
    auto gate = m_rig->saveGate(QStringLiteral("Text board"), textProfileFor(*m_sim));
    if (!gate) {
        qWarning("saveGate: %s", qUtf8Printable(gate.error().toString()));
        return false;
    }
    m_textGateId = gate->id;
    return startAndConnect(*gate);
}

void TestGateTester::textSessionMonitorsFire()
{
    QVERIFY(startTextSession());
    const QString message = m_spies->session.at(0).at(1).toString();
    QVERIFY2(message.contains(m_sim->text), qPrintable(message));
    QVERIFY(m_tester->pausedGateIds().isEmpty()); // no supervisor
    const GateIoSnapshot snapshot = snapshotAt(m_spies->io, m_spies->io.count() - 1);
    QVERIFY(snapshot.points.isEmpty()); // no registers on a text board
    QVERIFY(!snapshot.entryCount.has_value());
    QVERIFY(!snapshot.fireActive);
    QVERIFY(snapshot.atMs > 0);
    QVERIFY(m_spies->ioFailed.isEmpty());

    QCOMPARE(m_sim->command("fire on"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(snapshotAt(m_spies->io, m_spies->io.count() - 1).fireActive, kTimeoutMs);
    QCOMPARE(m_sim->command("fire off"), QByteArray("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(!snapshotAt(m_spies->io, m_spies->io.count() - 1).fireActive, kTimeoutMs);

    m_tester->stopSession();
    QVERIFY(!m_tester->hasSession());
    QCOMPARE(m_spies->session.count(), 2);
    QCOMPARE(m_spies->session.at(1).at(0).toBool(), false);
}

void TestGateTester::textOpenInShowsPassage()
{
    QVERIFY(startTextSession());
    m_tester->runCommand(GateTestCommand::OpenIn);
    QVERIFY(m_tester->busy());
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->command.at(0).at(0).value<GateTestCommand>(), GateTestCommand::OpenIn);
    QVERIFY2(m_spies->command.at(0).at(1).toBool(), qPrintable(m_spies->command.at(0).at(2).toString()));
    QCOMPARE(m_spies->command.at(0).at(2).toString(), QStringLiteral("The board answered OK"));
    QVERIFY(!m_tester->busy());

    QTRY_COMPARE_WITH_TIMEOUT(m_spies->passage.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->passage.at(0).at(0).value<Direction>(), Direction::In);
    QCOMPARE(m_spies->passage.at(0).at(1).toInt(), 1);

    // An ERR from the board fails the command with its text.
    QCOMPARE(m_sim->command("exception on"), QByteArray("ok"));
    m_tester->runCommand(GateTestCommand::OpenOut);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 2, kTimeoutMs);
    QCOMPARE(m_spies->command.at(1).at(1).toBool(), false);
    QVERIFY2(m_spies->command.at(1).at(2).toString().contains(QLatin1String("device failure")),
        qPrintable(m_spies->command.at(1).at(2).toString()));
    QVERIFY(!m_tester->busy());
}

void TestGateTester::textFreeLockNormalAnswered()
{
    QVERIFY(startTextSession());
    const QList<GateTestCommand> commands {GateTestCommand::Lock, GateTestCommand::Free, GateTestCommand::Normal,
        GateTestCommand::Normal}; // a mode the board already has is answered too
    for (qsizetype i = 0; i < commands.size(); ++i) {
        m_tester->runCommand(commands.at(i));
        QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), i + 1, kTimeoutMs);
        QCOMPARE(m_spies->command.at(i).at(0).value<GateTestCommand>(), commands.at(i));
        QVERIFY2(m_spies->command.at(i).at(1).toBool(), qPrintable(m_spies->command.at(i).at(2).toString()));
    }
    QVERIFY(m_spies->ioFailed.isEmpty());
}

// As for Modbus gates: the board is not left in FREE once the console lets go of it.
void TestGateTester::textFreeEndsWithTheSession()
{
    QVERIFY(startTextSession());
    const auto textBoardIsFree = [this] {
        const QJsonArray gates
            = QJsonDocument::fromJson(m_sim->command("stats")).object().value(QStringLiteral("gates")).toArray();
        for (const QJsonValue &gate : gates) {
            if (gate.toObject().value(QStringLiteral("gate")).toString() == QStringLiteral("text"))
                return gate.toObject().value(QStringLiteral("free")).toBool();
        }
        return false;
    };
    QVERIFY(!textBoardIsFree());
    m_tester->runCommand(GateTestCommand::Free);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    QVERIFY2(m_spies->command.at(0).at(1).toBool(), qPrintable(m_spies->command.at(0).at(2).toString()));
    QVERIFY(textBoardIsFree());
    m_tester->stopSession();
    QVERIFY(!textBoardIsFree());
}

void TestGateTester::textFramesAreLines()
{
    QVERIFY(startTextSession());
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= 3, kTimeoutMs);
    QVERIFY(m_spies->frames.isEmpty());

    m_tester->setFrameCapture(true);
    m_tester->runCommand(GateTestCommand::OpenIn);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 1, kTimeoutMs);
    const auto sawAll = [this] {
        const QStringList lines = textFrames(m_spies->frames);
        return lines.contains(QStringLiteral("TX OPEN IN 300")) && lines.contains(QStringLiteral("RX OK"))
            && lines.contains(QStringLiteral("TX STATUS")) && lines.contains(QStringLiteral("RX STATUS NORMAL FIRE 0"))
            && lines.contains(QStringLiteral("RX PASS IN"));
    };
    QTRY_VERIFY2_WITH_TIMEOUT(sawAll(), qPrintable(textFrames(m_spies->frames).join(QLatin1String(" | "))), kTimeoutMs);
    for (const QList<QVariant> &batch : std::as_const(m_spies->frames)) {
        for (const GateFrame &frame : batch.at(0).value<QList<GateFrame>>())
            QVERIFY(frame.atMs > 0 && !frame.bytes.endsWith('\n') && !frame.bytes.endsWith('\r'));
    }

    captureOffStopsFrames(2);
}

void TestGateTester::textScanRefused()
{
    QVERIFY(startTextSession());
    m_tester->scan(1, 6);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->scanFinished.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->scanFinished.at(0).at(0).value<QList<int>>(), QList<int>());
    QCOMPARE(m_spies->scanFinished.at(0).at(1).toBool(), false);
    QCOMPARE(
        m_spies->scanFinished.at(0).at(2).toString(), QStringLiteral("A serial-text board has no slave ids to scan."));
    QVERIFY(m_spies->scanProgress.isEmpty());
    QVERIFY(!m_tester->busy());
}

void TestGateTester::textSelfTestPassesAndIsStored()
{
    QVERIFY(startTextSession());
    m_tester->runSelfTest();
    QVERIFY(m_tester->busy());
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->selfTestFinished.count(), 1, kTimeoutMs);
    const auto report = m_spies->selfTestFinished.at(0).at(0).value<GateSelfTestReport>();
    QCOMPARE(m_spies->selfTestFinished.at(0).at(1).toString(), QString());
    QStringList names;
    for (const GateSelfTestStep &step : report.steps)
        names.append(step.name + (step.passed ? QString() : QStringLiteral(" FAILED: ") + step.message));
    QCOMPARE(names,
        (QStringList {QStringLiteral("connect"), QStringLiteral("read status"), QStringLiteral("fire input inactive"),
            QStringLiteral("open entry and passage")}));
    QVERIFY(report.passed());
    QVERIFY(!report.stoppedEarly);
    QCOMPARE(m_spies->selfTestStep.count(), 4);
    QVERIFY(!m_tester->busy());

    auto gates = m_rig->setup->configuredGates();
    QVERIFY(gates);
    QCOMPARE(gates->size(), 1);
    QCOMPARE(gates->front().id, m_textGateId);
    QVERIFY(gates->front().lastSelfTestAtMs.has_value());
    const auto stored
        = GateSelfTestReport::fromJson(QJsonDocument::fromJson(gates->front().lastSelfTestResult.toUtf8()).object());
    QVERIFY(stored);
    QVERIFY(stored->passed());
    QCOMPARE(stored->steps.size(), 4);

    // The monitor asks again, and does not report the self-test's own passage.
    const qsizetype reads = m_spies->io.count();
    QTRY_VERIFY_WITH_TIMEOUT(m_spies->io.count() >= reads + 2, kTimeoutMs);
    QVERIFY(m_spies->passage.isEmpty());
}

void TestGateTester::textSelfTestFailsOnFire()
{
    QVERIFY(startTextSession());
    QCOMPARE(m_sim->command("fire on"), QByteArray("ok"));
    m_tester->runSelfTest();
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->selfTestFinished.count(), 1, kTimeoutMs);
    const auto report = m_spies->selfTestFinished.at(0).at(0).value<GateSelfTestReport>();
    QVERIFY(!report.passed());
    QVERIFY(report.steps.size() >= 3);
    QVERIFY(report.steps.at(0).passed);
    QVERIFY2(report.steps.at(1).passed, qPrintable(report.steps.at(1).message));
    QVERIFY2(report.steps.at(1).message.contains(QLatin1String("fire 1")), qPrintable(report.steps.at(1).message));
    QCOMPARE(report.steps.at(2).name, QStringLiteral("fire input inactive"));
    QVERIFY(!report.steps.at(2).passed);
    QCOMPARE(report.steps.at(2).message, QStringLiteral("fire alarm is active"));
    auto gates = m_rig->setup->configuredGates();
    QVERIFY(gates);
    const auto stored
        = GateSelfTestReport::fromJson(QJsonDocument::fromJson(gates->front().lastSelfTestResult.toUtf8()).object());
    QVERIFY(stored);
    QVERIFY(!stored->passed());
}

void TestGateTester::textUnreachableBoardEndsSession()
{
    bridge::GateProfile profile;
    profile.kind = bridge::ProfileKind::SerialText;
    profile.transport = bridge::TransportKind::Serial;
    profile.serial.device = m_rig->dir.filePath(QStringLiteral("no-such-tty"));
    profile.timeoutMs = 100; // the connect wait is 2 s at least
    GateConfig gate;
    gate.name = QStringLiteral("Unsaved");
    gate.profile = profile.toJson();
    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, nullptr);
    m_spies = std::make_unique<Spies>(*m_tester);
    QVERIFY(m_tester->startSession(technician(), gate));
    QVERIFY(m_tester->hasSession());
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->session.count(), 1, kTimeoutMs);
    QCOMPARE(m_spies->session.at(0).at(0).toBool(), false);
    const QString message = m_spies->session.at(0).at(1).toString();
    QVERIFY2(message.contains(QLatin1String("no-such-tty")) && message.contains(QLatin1String("2000 ms")),
        qPrintable(message));
    QVERIFY(!m_tester->hasSession());
}

// The gate service's driver of the same board lets go of the line for the session.
void TestGateTester::textSessionPausesSupervisedBoard()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters, {QStringLiteral("--text")})));
    const bridge::GateProfile profile = textProfileFor(*m_sim);
    auto gate = m_rig->saveGate(QStringLiteral("Text board"), profile);
    QVERIFY(gate);
    bridge::SerialTextGateDriver driver(profile);
    GateSupervisor supervisor;
    supervisor.addGate(SupervisedGate {gate->id, FailPolicy::FailSecure, 3}, &driver);
    supervisor.start();
    QTRY_VERIFY_WITH_TIMEOUT(driver.status().connected, kTimeoutMs);

    m_tester = std::make_unique<BridgeGateTester>(*m_rig->setup, &supervisor);
    m_spies = std::make_unique<Spies>(*m_tester);
    const Status started = m_tester->startSession(technician(), *gate);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
    QCOMPARE(m_tester->pausedGateIds(), QStringList {gate->id});
    QVERIFY(!driver.status().connected);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->session.count(), 1, kTimeoutMs);
    QVERIFY2(m_spies->session.at(0).at(0).toBool(), qPrintable(m_spies->session.at(0).at(1).toString()));
    m_tester->runCommand(GateTestCommand::OpenIn);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->passage.count(), 1, kTimeoutMs);

    m_tester->stopSession();
    QVERIFY(m_tester->pausedGateIds().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(driver.status().connected, kTimeoutMs);
}

// A profile built in code, past the parser: the kind's transport is checked again.
void TestGateTester::modbusKindOverSerialRefused()
{
    bridge::GateProfile profile;
    profile.kind = bridge::ProfileKind::Relay;
    profile.transport = bridge::TransportKind::Serial;
    profile.serial.device = QStringLiteral("/dev/ttyUSB7");
    GateConfig gate;
    gate.name = QStringLiteral("Odd");
    gate.profile = profile.toJson();
    BridgeGateTester tester(*m_rig->setup, nullptr);
    const Status started = tester.startSession(technician(), gate);
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(started.error().field.startsWith(QLatin1String("profile.")), qPrintable(started.error().field));
    QVERIFY(!tester.hasSession());
}

void TestGateTester::badProfileNamesField()
{
    bridge::GateProfile valid;
    valid.kind = bridge::ProfileKind::TurnstileRegisters;
    valid.transport = bridge::TransportKind::ModbusTcp;
    QJsonObject profile = valid.toJson();
    QJsonObject transport = profile.value(QStringLiteral("transport")).toObject();
    transport.insert(QStringLiteral("port"), 0);
    profile.insert(QStringLiteral("transport"), transport);
    GateConfig gate;
    gate.profile = profile;
    BridgeGateTester tester(*m_rig->setup, nullptr);
    const Status started = tester.startSession(technician(), gate);
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(started.error().field.startsWith(QLatin1String("profile.transport")), qPrintable(started.error().field));
}

void TestGateTester::busyRefusesSecondAction()
{
    QVERIFY(m_sim->start(simArguments(bridge::ProfileKind::TurnstileRegisters)));
    auto gate = m_rig->saveGate(QStringLiteral("North"), profileFor(bridge::ProfileKind::TurnstileRegisters, *m_sim));
    QVERIFY(gate);
    QVERIFY(startAndConnect(*gate));

    m_tester->runSelfTest();
    QVERIFY(m_tester->busy());
    QCOMPARE(m_spies->busy.count(), 1);
    m_tester->runCommand(GateTestCommand::OpenIn);
    QCOMPARE(m_spies->command.count(), 1); // refused at once
    QCOMPARE(m_spies->command.at(0).at(1).toBool(), false);
    QCOMPARE(m_spies->command.at(0).at(2).toString(), QStringLiteral("Busy: the self-test is running"));
    m_tester->scan(1, 3);
    QCOMPARE(m_spies->scanFinished.count(), 1);
    QCOMPARE(m_spies->scanFinished.at(0).at(2).toString(), QStringLiteral("Busy: the self-test is running"));
    m_tester->runSelfTest();
    QCOMPARE(m_spies->selfTestFinished.count(), 1);
    QVERIFY(!m_spies->selfTestFinished.at(0).at(0).value<GateSelfTestReport>().passed());

    QTRY_COMPARE_WITH_TIMEOUT(m_spies->selfTestFinished.count(), 2, kTimeoutMs);
    QVERIFY(m_spies->selfTestFinished.at(1).at(0).value<GateSelfTestReport>().passed());
    QVERIFY(!m_tester->busy());
    QCOMPARE(m_spies->scanProgress.count(), 0);
    // Free again: a command runs.
    m_tester->runCommand(GateTestCommand::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(m_spies->command.count(), 2, kTimeoutMs);
    QVERIFY(m_spies->command.at(1).at(1).toBool());
}

QTEST_GUILESS_MAIN(TestGateTester)
#include "tst_gatetester.moc"
