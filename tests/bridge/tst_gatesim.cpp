// gymgate-gatesim, driven from outside as the gate drivers will drive it: Modbus TCP and RTU
// with libmodbus, the text protocol over its pty, fault controls over stdin, and mbpoll.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <modbus/modbus.h>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <termios.h>
#include <unistd.h>

namespace {

constexpr int kStartTimeoutMs = 10'000;
constexpr int kEventTimeoutMs = 5000;

// Register addresses of the turnstile map (RegisterMap defaults).
constexpr int kEntryPermission = 0;
constexpr int kExitPermission = 1;
constexpr int kMode = 2;
constexpr int kPassTime = 3;
constexpr int kEntryCounter = 0;
constexpr int kExitCounter = 2;
constexpr int kSensors = 5;
constexpr int kFireBit = 2;

struct ModbusDeleter {
    void operator()(modbus_t *ctx) const
    {
        modbus_close(ctx);
        modbus_free(ctx);
    }
};
using ModbusPtr = std::unique_ptr<modbus_t, ModbusDeleter>;

// The simulator as a child process; its stdout JSON lines are collected as they arrive.
class Simulator {
public:
    bool start(const QStringList &arguments)
    {
        QObject::connect(
            &m_process, &QProcess::readyReadStandardOutput, [this] { m_output += m_process.readAllStandardOutput(); });
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(GATESIM_BINARY), arguments);
        if (!m_process.waitForStarted(kStartTimeoutMs))
            return false;
        QElapsedTimer clock;
        clock.start();
        while (!m_output.contains('\n') && clock.elapsed() < kStartTimeoutMs)
            m_process.waitForReadyRead(100);
        const QByteArray first = m_output.left(m_output.indexOf('\n'));
        m_info = QJsonDocument::fromJson(first).object();
        return !m_info.isEmpty();
    }

    ~Simulator()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(3000))
                m_process.kill();
        }
    }

    void control(const QByteArray &line) { m_process.write(line + '\n'); }
    bool logged(const QByteArray &fragment) const { return m_output.contains(fragment); }
    QByteArray output() const { return m_output; }
    const QJsonObject &info() const { return m_info; }
    QProcess &process() { return m_process; }

    ModbusPtr connectTcp(int slave = 1) const
    {
        ModbusPtr ctx(modbus_new_tcp("127.0.0.1", m_info.value(QStringLiteral("tcpPort")).toInt()));
        if (!ctx || modbus_connect(ctx.get()) != 0)
            return nullptr;
        modbus_set_slave(ctx.get(), slave);
        return ctx;
    }

private:
    QProcess m_process;
    QByteArray m_output;
    QJsonObject m_info;
};

int readHolding(modbus_t *ctx, int address)
{
    uint16_t value = 0;
    return modbus_read_registers(ctx, address, 1, &value) == 1 ? value : -1;
}

int readInput(modbus_t *ctx, int address)
{
    uint16_t value = 0;
    return modbus_read_input_registers(ctx, address, 1, &value) == 1 ? value : -1;
}

qint64 readCounter(modbus_t *ctx, int address)
{
    uint16_t words[2] = {};
    if (modbus_read_input_registers(ctx, address, 2, words) != 2)
        return -1;
    return qint64(words[0]) << 16 | words[1];
}

int readDiscrete(modbus_t *ctx, int address)
{
    uint8_t value = 0;
    return modbus_read_input_bits(ctx, address, 1, &value) == 1 ? value : -1;
}

// The text-protocol side a driver would open: raw mode, non-blocking reads.
class TextPort {
public:
    explicit TextPort(const QString &path)
        : m_fd(::open(path.toLocal8Bit().constData(), O_RDWR | O_NOCTTY | O_NONBLOCK))
    {
        if (m_fd < 0)
            return;
        termios tio {};
        ::tcgetattr(m_fd, &tio);
        ::cfmakeraw(&tio);
        ::tcsetattr(m_fd, TCSANOW, &tio);
    }
    ~TextPort()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isOpen() const { return m_fd >= 0; }
    bool send(const QByteArray &bytes)
    {
        return ::write(m_fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }
    // Reads what arrived; true once `fragment` was received.
    bool received(const QByteArray &fragment)
    {
        char chunk[256];
        qsizetype got = 0;
        while ((got = ::read(m_fd, chunk, sizeof(chunk))) > 0)
            m_input.append(chunk, got);
        m_sawEnd = m_sawEnd || got == 0 || (got < 0 && errno == EIO);
        return m_input.contains(fragment);
    }
    qsizetype receivedSize() const { return m_input.size(); }
    bool sawEnd()
    {
        received({});
        return m_sawEnd;
    }

private:
    int m_fd = -1;
    QByteArray m_input;
    bool m_sawEnd = false;
};

} // namespace

class TestGateSim : public QObject {
    Q_OBJECT

private slots:
    void turnstilePermissionLetsOnePersonPass_data();
    void turnstilePermissionLetsOnePersonPass();
    void unsuccessfulPassTimesOut_data();
    void unsuccessfulPassTimesOut();
    void blockedModeIgnoresPermission();
    void slowDelaysResponses();
    void fireSetsSensorBit();
    void exceptionModeAnswersServerFailure();
    void slavesHaveTheirOwnState();
    void relayCoilRaisesPassageInput();
    void mbpollReadsHoldingRegisters();
    void rtuServesOnPty();
    void dropRecreatesPty();
    void textProtocol();
    void quitAndSigtermExitCleanly_data();
    void quitAndSigtermExitCleanly();
};

void TestGateSim::turnstilePermissionLetsOnePersonPass_data()
{
    QTest::addColumn<int>("permission");
    QTest::addColumn<int>("counter");
    QTest::addColumn<QByteArray>("direction");
    QTest::newRow("entry") << kEntryPermission << kEntryCounter << QByteArray("in");
    QTest::newRow("exit") << kExitPermission << kExitCounter << QByteArray("out");
}

void TestGateSim::turnstilePermissionLetsOnePersonPass()
{
    QFETCH(int, permission);
    QFETCH(int, counter);
    QFETCH(QByteArray, direction);
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0", "--pass-delay-ms", "20-60"}));
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(readCounter(ctx.get(), counter), 0);
    QCOMPARE(modbus_write_register(ctx.get(), permission, 2), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readCounter(ctx.get(), counter), 2, kEventTimeoutMs);
    QCOMPARE(readHolding(ctx.get(), permission), 0);
    QTRY_VERIFY(sim.logged(R"("direction":")" + direction + R"(","event":"passed","slave":1)"));
}

void TestGateSim::unsuccessfulPassTimesOut_data()
{
    QTest::addColumn<QString>("probability");
    QTest::addColumn<bool>("jam");
    QTest::newRow("probability 0") << QStringLiteral("0") << false;
    QTest::newRow("jammed") << QStringLiteral("1") << true;
}

void TestGateSim::unsuccessfulPassTimesOut()
{
    QFETCH(QString, probability);
    QFETCH(bool, jam);
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0", "--pass-probability", probability, "--pass-delay-ms", "10-20"}));
    if (jam)
        sim.control("jam on");
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(modbus_write_register(ctx.get(), kPassTime, 300), 1);
    QCOMPARE(modbus_write_register(ctx.get(), kEntryPermission, 3), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readHolding(ctx.get(), kEntryPermission), 0, kEventTimeoutMs);
    QCOMPARE(readCounter(ctx.get(), kEntryCounter), 0);
    QTRY_VERIFY(sim.logged(R"("direction":"in","event":"timeout","slave":1)"));
}

void TestGateSim::blockedModeIgnoresPermission()
{
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0", "--slaves", "1,2", "--pass-delay-ms", "50-50"}));
    ModbusPtr blocked = sim.connectTcp(1);
    ModbusPtr witness = sim.connectTcp(2);
    QVERIFY(blocked && witness);
    QCOMPARE(modbus_write_register(blocked.get(), kMode, 1), 1);
    QCOMPARE(modbus_write_register(blocked.get(), kEntryPermission, 1), 1);
    // Same fixed delay, opened later: once the witness gate has passed, an unblocked gate 1
    // would have passed too.
    QCOMPARE(modbus_write_register(witness.get(), kEntryPermission, 1), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readCounter(witness.get(), kEntryCounter), 1, kEventTimeoutMs);
    QCOMPARE(readCounter(blocked.get(), kEntryCounter), 0);
    QCOMPARE(readHolding(blocked.get(), kEntryPermission), 1);
    QCOMPARE(modbus_write_register(blocked.get(), kMode, 0), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readCounter(blocked.get(), kEntryCounter), 1, kEventTimeoutMs);
}

void TestGateSim::slowDelaysResponses()
{
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0"}));
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(readHolding(ctx.get(), kMode), 0);
    sim.control("slow 400");
    modbus_set_response_timeout(ctx.get(), 0, 100'000);
    QTRY_COMPARE(readHolding(ctx.get(), kMode), -1);
    QCOMPARE(errno, ETIMEDOUT);
    sim.control("slow 0");
    ModbusPtr fresh = sim.connectTcp();
    QVERIFY(fresh);
    modbus_set_response_timeout(fresh.get(), 3, 0);
    QTRY_COMPARE(readHolding(fresh.get(), kMode), 0);
}

void TestGateSim::fireSetsSensorBit()
{
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0"}));
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(readInput(ctx.get(), kSensors) & (1 << kFireBit), 0);
    sim.control("fire on");
    QTRY_COMPARE(readInput(ctx.get(), kSensors) & (1 << kFireBit), 1 << kFireBit);
    sim.control("fire off");
    QTRY_COMPARE(readInput(ctx.get(), kSensors) & (1 << kFireBit), 0);
}

void TestGateSim::exceptionModeAnswersServerFailure()
{
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0"}));
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(readHolding(ctx.get(), kMode), 0);
    sim.control("exception on");
    QTRY_COMPARE(readHolding(ctx.get(), kMode), -1);
    QCOMPARE(errno, EMBXSFAIL);
    sim.control("exception off");
    QTRY_COMPARE(readHolding(ctx.get(), kMode), 0);
}

void TestGateSim::slavesHaveTheirOwnState()
{
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0", "--slaves", "1,2", "--pass-delay-ms", "10-20"}));
    ModbusPtr one = sim.connectTcp(1);
    ModbusPtr two = sim.connectTcp(2);
    ModbusPtr unknown = sim.connectTcp(9);
    QVERIFY(one && two && unknown);
    QCOMPARE(modbus_write_register(two.get(), kPassTime, 777), 1);
    QCOMPARE(readHolding(one.get(), kPassTime), 0);
    QCOMPARE(modbus_write_register(two.get(), kEntryPermission, 1), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readCounter(two.get(), kEntryCounter), 1, kEventTimeoutMs);
    QCOMPARE(readCounter(one.get(), kEntryCounter), 0);
    QCOMPARE(readHolding(unknown.get(), kPassTime), -1);
    QCOMPARE(errno, EMBXGTAR);
}

void TestGateSim::relayCoilRaisesPassageInput()
{
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0", "--map", "relay", "--pass-delay-ms", "10-20"}));
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(readDiscrete(ctx.get(), 0), 0);
    QCOMPARE(modbus_write_bit(ctx.get(), 0, 1), 1);
    // Polled like a driver does: the rising edge must be seen, then the input falls again.
    QTRY_COMPARE_WITH_TIMEOUT(readDiscrete(ctx.get(), 0), 1, kEventTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(readDiscrete(ctx.get(), 0), 0, kEventTimeoutMs);
    QCOMPARE(readDiscrete(ctx.get(), 1), 0);
    sim.control("fire on");
    QTRY_COMPARE(readDiscrete(ctx.get(), 2), 1);
}

void TestGateSim::mbpollReadsHoldingRegisters()
{
    const QString mbpoll = QStandardPaths::findExecutable(QStringLiteral("mbpoll"));
    if (mbpoll.isEmpty())
        QSKIP("mbpoll is not installed");
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0"}));
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(modbus_write_register(ctx.get(), kPassTime, 1234), 1);
    QProcess poll;
    const QString port = QString::number(sim.info().value(QStringLiteral("tcpPort")).toInt());
    // mbpoll numbers registers from 1: reference 1..4 are PDU addresses 0..3.
    poll.start(mbpoll, {"-m", "tcp", "-p", port, "-a", "1", "-t", "4", "-r", "1", "-c", "4", "-1", "127.0.0.1"});
    QVERIFY(poll.waitForFinished(kEventTimeoutMs));
    const QByteArray output = poll.readAllStandardOutput();
    QCOMPARE(poll.exitCode(), 0);
    QVERIFY2(output.contains("[4]: \t1234"), output.constData());
    QVERIFY2(output.contains("[1]: \t0"), output.constData());
}

void TestGateSim::rtuServesOnPty()
{
    Simulator sim;
    QVERIFY(sim.start({"--rtu", "--slaves", "3", "--pass-delay-ms", "10-20"}));
    const QString path = sim.info().value(QStringLiteral("rtu")).toString();
    QVERIFY(path.startsWith(QLatin1String("/dev/")));
    ModbusPtr ctx(modbus_new_rtu(path.toLocal8Bit().constData(), 9600, 'N', 8, 1));
    QVERIFY(ctx);
    QCOMPARE(modbus_connect(ctx.get()), 0);
    modbus_set_slave(ctx.get(), 3);
    QCOMPARE(modbus_write_register(ctx.get(), kEntryPermission, 1), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readCounter(ctx.get(), kEntryCounter), 1, kEventTimeoutMs);
    // libmodbus 3.1.6 still waits for an answer to a broadcast: the silence is a timeout.
    modbus_set_slave(ctx.get(), MODBUS_BROADCAST_ADDRESS);
    modbus_set_response_timeout(ctx.get(), 0, 200'000);
    const int broadcast = modbus_write_register(ctx.get(), kPassTime, 4321);
    QVERIFY2(broadcast == 1 || errno == ETIMEDOUT, modbus_strerror(errno));
    modbus_set_slave(ctx.get(), 3);
    QTRY_COMPARE(readHolding(ctx.get(), kPassTime), 4321);
    // Another address on the bus stays silent: the master times out.
    modbus_set_slave(ctx.get(), 4);
    modbus_set_response_timeout(ctx.get(), 0, 200'000);
    QCOMPARE(readHolding(ctx.get(), kPassTime), -1);
    QCOMPARE(errno, ETIMEDOUT);
}

void TestGateSim::dropRecreatesPty()
{
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0", "--rtu", "--text"}));
    const QString oldPath = sim.info().value(QStringLiteral("text")).toString();
    TextPort oldPort(oldPath);
    QVERIFY(oldPort.isOpen());
    ModbusPtr ctx = sim.connectTcp();
    QVERIFY(ctx);
    QCOMPARE(readHolding(ctx.get(), kMode), 0);
    sim.control("drop");
    QTRY_VERIFY(oldPort.sawEnd());
    QTRY_VERIFY(sim.logged(R"({"event":"pty","rtu":")"));
    QTRY_VERIFY(sim.logged(R"({"event":"pty","text":")"));
    QCOMPARE(readHolding(ctx.get(), kMode), -1); // the TCP connection was closed as well
    ModbusPtr again = sim.connectTcp();
    QVERIFY(again);
    QCOMPARE(readHolding(again.get(), kMode), 0);

    const QByteArray line = sim.output().mid(sim.output().indexOf(R"({"event":"pty","text")"));
    const QString newPath
        = QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object().value(QStringLiteral("text")).toString();
    QVERIFY(newPath.startsWith(QLatin1String("/dev/")));
    TextPort newPort(newPath);
    QVERIFY(newPort.isOpen());
    QVERIFY(newPort.send("STATUS\n"));
    QTRY_VERIFY(newPort.received("STATUS NORMAL FIRE 0"));
}

void TestGateSim::textProtocol()
{
    Simulator sim;
    QVERIFY(sim.start({"--text", "--pass-delay-ms", "10-20"}));
    TextPort port(sim.info().value(QStringLiteral("text")).toString());
    QVERIFY(port.isOpen());
    QVERIFY(port.send("STATUS\r\n"));
    QTRY_VERIFY(port.received("STATUS NORMAL FIRE 0\r\n"));
    QVERIFY(port.send("OPEN IN 500\r"));
    QTRY_VERIFY(port.received("OK\r\n"));
    QTRY_VERIFY(port.received("PASS IN\r\n"));
    QVERIFY(port.send("MODE LOCKED\n"));
    QVERIFY(port.send("STATUS\n"));
    QTRY_VERIFY(port.received("STATUS LOCKED FIRE 0"));
    QVERIFY(port.send("DANCE\n"));
    QTRY_VERIFY(port.received("ERR unknown command"));
    sim.control("fire on");
    QTRY_VERIFY(port.received("FIRE 1"));
    // Line noise from the device must not stop the protocol.
    const qsizetype before = port.receivedSize();
    sim.control("garbage");
    QTRY_VERIFY(port.received({}) && port.receivedSize() >= before + 16);
    QVERIFY(port.send("\nSTATUS\r\n"));
    QTRY_VERIFY(port.received("STATUS LOCKED FIRE 1"));
}

void TestGateSim::quitAndSigtermExitCleanly_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("quit on stdin") << QStringLiteral("stdin");
    QTest::newRow("quit on control port") << QStringLiteral("control");
    QTest::newRow("sigterm") << QStringLiteral("sigterm");
}

void TestGateSim::quitAndSigtermExitCleanly()
{
    QFETCH(QString, how);
    Simulator sim;
    QVERIFY(sim.start({"--tcp-port", "0", "--rtu", "--text", "--control-port", "0"}));
    const int controlPort = sim.info().value(QStringLiteral("control")).toInt();
    QVERIFY(controlPort > 0);
    QTcpSocket control;
    if (how == QLatin1String("sigterm")) {
        sim.process().terminate();
    } else if (how == QLatin1String("stdin")) {
        sim.control("quit");
    } else {
        control.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(controlPort));
        QVERIFY(control.waitForConnected(kEventTimeoutMs));
        control.write("fire on\n");
        QTRY_VERIFY(control.canReadLine());
        QCOMPARE(control.readLine(), QByteArray("ok\n"));
        QTRY_VERIFY(sim.logged(R"({"event":"fire","on":true})"));
        control.write("quit\n");
        QVERIFY(control.waitForBytesWritten(kEventTimeoutMs));
    }
    QVERIFY(sim.process().waitForFinished(kEventTimeoutMs));
    QCOMPARE(sim.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestGateSim)
#include "tst_gatesim.moc"
