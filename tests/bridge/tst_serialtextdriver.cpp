#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

#include "DroppedLinkCheck.h"
#include "GateSimProcess.h"
#include "drivers/SerialTextGateDriver.h"
#include "drivers/SerialTextParser.h"

using namespace gymgate;
using namespace gymgate::bridge;

Q_DECLARE_METATYPE(gymgate::Direction)
Q_DECLARE_METATYPE(gymgate::GateMode)
Q_DECLARE_METATYPE(gymgate::bridge::SerialTextEvent::Kind)

namespace {

using Kind = SerialTextEvent::Kind;

GateProfile textProfile(const QString &device)
{
    GateProfile profile;
    profile.kind = ProfileKind::SerialText;
    profile.transport = TransportKind::Serial;
    profile.serial.device = device;
    profile.serial.baud = 115200;
    profile.pulseMs = 500;
    return profile;
}

bool startConnected(SerialTextGateDriver &driver)
{
    QSignalSpy connected(&driver, &GateDriver::connectedChanged);
    driver.start();
    return (!connected.isEmpty() || connected.wait(5000)) && connected.first().first().toBool();
}

} // namespace

class TestSerialTextDriver : public QObject {
    Q_OBJECT

private slots:
    void parsesLine_data();
    void parsesLine();
    void splitsLinesAcrossChunks_data();
    void splitsLinesAcrossChunks();
    void capsOverlongLines();
    void survivesRandomBytes();
    void driverSendsOpenAndReportsAnswers();
    void driverAppliesModeOnAcknowledge();
    void driverRefusesCommandsWhenDisconnected();
    void driverReportsEveryLine();
    void simulatorAnswersStatus();
    void simulatorPassage_data();
    void simulatorPassage();
    void simulatorTimeout();
    void simulatorFireAndGarbage();
    void simulatorErrorIsAFault();
    void simulatorLockedModeBlocksPassage();
    void simulatorFireLatencyIsBounded();
    void simulatorLinkSurvivesDropAndReplug();
};

void TestSerialTextDriver::parsesLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<bool>("active");
    QTest::addColumn<QString>("text");
    const QString none;
    QTest::newRow("ok") << QByteArray("OK") << Kind::Ok << Direction::Invalid << false << none;
    QTest::newRow("pass in") << QByteArray("PASS IN") << Kind::Pass << Direction::In << false << none;
    QTest::newRow("pass out") << QByteArray("PASS OUT") << Kind::Pass << Direction::Out << false << none;
    QTest::newRow("lower case") << QByteArray("pass out") << Kind::Pass << Direction::Out << false << none;
    QTest::newRow("extra blanks") << QByteArray("  PASS   IN \t") << Kind::Pass << Direction::In << false << none;
    QTest::newRow("timeout in") << QByteArray("TIMEOUT IN") << Kind::Timeout << Direction::In << false << none;
    QTest::newRow("timeout out") << QByteArray("TIMEOUT OUT") << Kind::Timeout << Direction::Out << false << none;
    QTest::newRow("fire 1") << QByteArray("FIRE 1") << Kind::Fire << Direction::Invalid << true << none;
    QTest::newRow("fire 0") << QByteArray("FIRE 0") << Kind::Fire << Direction::Invalid << false << none;
    QTest::newRow("err") << QByteArray("ERR motor jammed") << Kind::Err << Direction::Invalid << false
                         << QStringLiteral("motor jammed");
    QTest::newRow("pass sideways") << QByteArray("PASS UP") << Kind::Invalid << Direction::Invalid << false << none;
    QTest::newRow("pass no side") << QByteArray("PASS") << Kind::Invalid << Direction::Invalid << false << none;
    QTest::newRow("fire 2") << QByteArray("FIRE 2") << Kind::Invalid << Direction::Invalid << false << none;
    QTest::newRow("ok trailing") << QByteArray("OK then") << Kind::Invalid << Direction::Invalid << false << none;
    QTest::newRow("noise before message")
        << QByteArray("\xec\x07vfoo FIRE 1") << Kind::Fire << Direction::Invalid << true << none;
    QTest::newRow("noise before ok") << QByteArray("\x93zOK") << Kind::Ok << Direction::Invalid << false << none;
    QTest::newRow("status") << QByteArray("STATUS LOCKED FIRE 1") << Kind::Status << Direction::Invalid << true << none;
    // An unknown mode is not a status, but the fire input it carries still reads (noise recovery).
    QTest::newRow("status bad mode") << QByteArray("STATUS OPEN FIRE 1") << Kind::Fire << Direction::Invalid << true
                                     << none;
    QTest::newRow("status no fire") << QByteArray("STATUS NORMAL") << Kind::Invalid << Direction::Invalid << false
                                    << none;
    QTest::newRow("unknown") << QByteArray("HELLO") << Kind::Invalid << Direction::Invalid << false << none;
    QTest::newRow("binary") << QByteArray("\x01\xff\x00PASS", 7) << Kind::Invalid << Direction::Invalid << false
                            << none;
}

void TestSerialTextDriver::parsesLine()
{
    QFETCH(QByteArray, line);
    QFETCH(Kind, kind);
    QFETCH(Direction, direction);
    QFETCH(bool, active);
    QFETCH(QString, text);
    const SerialTextEvent event = SerialTextParser::parseLine(line);
    QCOMPARE(event.kind, kind);
    QCOMPARE(event.direction, direction);
    QCOMPARE(event.active, active);
    QCOMPARE(event.text, text);
}

void TestSerialTextDriver::splitsLinesAcrossChunks_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::newRow("lf") << QByteArrayList {"PASS IN\nFIRE 1\n"};
    QTest::newRow("cr") << QByteArrayList {"PASS IN\rFIRE 1\r"};
    QTest::newRow("crlf") << QByteArrayList {"PASS IN\r\nFIRE 1\r\n"};
    QTest::newRow("crlf split") << QByteArrayList {"PASS IN\r", "\nFIRE 1\r", "\n"};
    QTest::newRow("byte by byte") << QByteArrayList {"P", "A", "S", "S", " ", "I", "N", "\n", "FIRE 1", "\n"};
    QTest::newRow("garbage line between") << QByteArrayList {"PASS IN\n\x07\x1b[2J~~\n", "FIRE 1\n"};
}

void TestSerialTextDriver::splitsLinesAcrossChunks()
{
    QFETCH(QByteArrayList, chunks);
    SerialTextParser parser;
    std::vector<SerialTextEvent> events;
    for (const QByteArray &chunk : chunks) {
        for (SerialTextEvent &event : parser.feed(chunk))
            events.push_back(std::move(event));
    }
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events.at(0).kind, Kind::Pass);
    QCOMPARE(events.at(0).direction, Direction::In);
    QCOMPARE(events.at(1).kind, Kind::Fire);
    QVERIFY(events.at(1).active);
}

void TestSerialTextDriver::capsOverlongLines()
{
    SerialTextParser parser;
    // A line that ends in a valid message must still be dropped whole once it overflows.
    const QByteArray flood = QByteArray(4 * SerialTextParser::MaxLineBytes, 'x') + "PASS IN";
    QVERIFY(parser.feed(flood).empty());
    QVERIFY(parser.feed("\n").empty());
    QCOMPARE(parser.ignoredLines(), 1);
    const std::vector<SerialTextEvent> events = parser.feed("PASS OUT\n");
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events.front().direction, Direction::Out);
}

void TestSerialTextDriver::survivesRandomBytes()
{
    SerialTextParser parser;
    QByteArray noise;
    quint32 state = 12345;
    for (int i = 0; i < 20000; ++i) {
        state = state * 1664525U + 1013904223U; // a fixed sequence, so a failure reproduces
        noise.append(char(state >> 24));
    }
    const std::vector<SerialTextEvent> junk = parser.feed(noise);
    for (const SerialTextEvent &event : junk)
        QVERIFY(event.kind != Kind::Invalid);
    // Whatever the noise left half-read ends at the next newline; the next line parses.
    parser.feed("\n");
    const std::vector<SerialTextEvent> events = parser.feed("FIRE 0\r\n");
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events.front().kind, Kind::Fire);
}

void TestSerialTextDriver::driverSendsOpenAndReportsAnswers()
{
    QBuffer wire;
    QVERIFY(wire.open(QIODevice::ReadWrite));
    SerialTextGateDriver driver(&wire, textProfile({}));
    QVERIFY(startConnected(driver));
    QSignalSpy opened(&driver, &GateDriver::opened);
    QSignalSpy passed(&driver, &GateDriver::passed);
    QSignalSpy timedOut(&driver, &GateDriver::passTimedOut);
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);
    QSignalSpy faults(&driver, &GateDriver::fault);

    driver.open(Direction::Out);
    driver.open(Direction::In);
    QCOMPARE(wire.data(), QByteArray("OPEN OUT 500\nOPEN IN 500\n"));

    driver.feed("OK\r\nERR no power\r\nPASS OUT\r\nTIMEOUT IN\r\nFIRE 1\r\nFIRE 1\r\nOK\r\n");
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().value<Direction>(), Direction::Out);
    QCOMPARE(faults.size(), 1);
    QVERIFY(faults.first().first().toString().contains(QStringLiteral("no power")));
    QCOMPARE(passed.size(), 1);
    QCOMPARE(passed.first().at(0).value<Direction>(), Direction::Out);
    QCOMPARE(passed.first().at(1).toInt(), 1);
    QCOMPARE(timedOut.size(), 1);
    QCOMPARE(timedOut.first().first().value<Direction>(), Direction::In);
    QCOMPARE(fire.size(), 1); // a repeated FIRE 1 is no change
    QVERIFY(driver.status().fireActive);
    // The ERR answered the second OPEN, so the stray OK opens nothing.
    QCOMPARE(opened.size(), 1);
}

void TestSerialTextDriver::driverAppliesModeOnAcknowledge()
{
    QBuffer wire;
    QVERIFY(wire.open(QIODevice::ReadWrite));
    SerialTextGateDriver driver(&wire, textProfile({}));
    QVERIFY(startConnected(driver));
    driver.setMode(GateMode::Locked);
    QCOMPARE(wire.data(), QByteArray("MODE LOCKED\n"));
    QCOMPARE(driver.status().mode, GateMode::Normal);
    driver.feed("OK\n");
    QCOMPARE(driver.status().mode, GateMode::Locked);
}

void TestSerialTextDriver::driverRefusesCommandsWhenDisconnected()
{
    QBuffer wire; // never opened
    SerialTextGateDriver driver(&wire, textProfile({}));
    driver.start();
    QVERIFY(!driver.status().connected);
    QSignalSpy faults(&driver, &GateDriver::fault);
    driver.open(Direction::In);
    QCOMPARE(faults.size(), 1);
    QVERIFY(wire.data().isEmpty());
}

// The frame log's view of the wire: every command as sent, every line as read, noise included.
void TestSerialTextDriver::driverReportsEveryLine()
{
    QBuffer wire;
    QVERIFY(wire.open(QIODevice::ReadWrite));
    SerialTextGateDriver driver(&wire, textProfile({}));
    QVERIFY(startConnected(driver));
    QSignalSpy sent(&driver, &SerialTextGateDriver::lineSent);
    QSignalSpy received(&driver, &SerialTextGateDriver::lineReceived);
    QSignalSpy status(&driver, &SerialTextGateDriver::statusAnswered);
    QSignalSpy modes(&driver, &GateDriver::modeChanged);
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);

    driver.open(Direction::In);
    driver.requestStatus();
    driver.setMode(GateMode::Normal); // already normal: still acknowledged
    QCOMPARE(wire.data(), QByteArray("OPEN IN 500\nSTATUS\nMODE NORMAL\n"));
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent.at(0).first().toByteArray(), QByteArray("OPEN IN 500"));
    QCOMPARE(sent.at(1).first().toByteArray(), QByteArray("STATUS"));
    QCOMPARE(sent.at(2).first().toByteArray(), QByteArray("MODE NORMAL"));

    driver.feed("OK\r\nSTATUS FREE FIRE 1\r\n~~noise~~\nPASS I");
    driver.feed("N\rOK\n");
    QStringList lines;
    for (const QList<QVariant> &arguments : std::as_const(received))
        lines.append(QString::fromLatin1(arguments.first().toByteArray()));
    QCOMPARE(lines,
        (QStringList {QStringLiteral("OK"), QStringLiteral("STATUS FREE FIRE 1"), QStringLiteral("~~noise~~"),
            QStringLiteral("PASS IN"), QStringLiteral("OK")}));
    QCOMPARE(driver.ignoredLines(), 1);
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().at(0).value<GateMode>(), GateMode::Free);
    QCOMPARE(status.first().at(1).toBool(), true);
    QCOMPARE(fire.size(), 1);
    QVERIFY(driver.status().fireActive);
    // STATUS said FREE, then the MODE NORMAL was acknowledged.
    QCOMPARE(modes.size(), 2);
    QCOMPARE(modes.at(1).first().value<GateMode>(), GateMode::Normal);
    QCOMPARE(driver.status().mode, GateMode::Normal);
}

void TestSerialTextDriver::simulatorAnswersStatus()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text")}));
    SerialTextGateDriver driver(textProfile(sim.text));
    QVERIFY(startConnected(driver));
    QSignalSpy status(&driver, &SerialTextGateDriver::statusAnswered);
    QSignalSpy faults(&driver, &GateDriver::fault);

    driver.setMode(GateMode::Locked);
    driver.requestStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status.size(), 1, 2000);
    QCOMPARE(status.first().at(0).value<GateMode>(), GateMode::Locked);
    QCOMPARE(status.first().at(1).toBool(), false);

    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    driver.requestStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status.size(), 2, 2000);
    QCOMPARE(status.at(1).at(1).toBool(), true);
    QVERIFY(driver.status().fireActive);
    QVERIFY(faults.isEmpty());
}

void TestSerialTextDriver::simulatorPassage_data()
{
    QTest::addColumn<Direction>("direction");
    QTest::newRow("in") << Direction::In;
    QTest::newRow("out") << Direction::Out;
}

void TestSerialTextDriver::simulatorPassage()
{
    QFETCH(Direction, direction);
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text"), QStringLiteral("--pass-probability"), QStringLiteral("1"),
        QStringLiteral("--pass-delay-ms"), QStringLiteral("50-100")}));
    SerialTextGateDriver driver(textProfile(sim.text));
    QVERIFY(startConnected(driver));
    QSignalSpy opened(&driver, &GateDriver::opened);
    QSignalSpy passed(&driver, &GateDriver::passed);

    driver.open(direction);

    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 2000);
    QCOMPARE(opened.first().first().value<Direction>(), direction);
    QTRY_COMPARE_WITH_TIMEOUT(passed.size(), 1, 3000);
    QCOMPARE(passed.first().at(0).value<Direction>(), direction);
    QCOMPARE(passed.first().at(1).toInt(), 1);
}

void TestSerialTextDriver::simulatorTimeout()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text"), QStringLiteral("--pass-probability"), QStringLiteral("0")}));
    GateProfile profile = textProfile(sim.text);
    profile.pulseMs = 300;
    SerialTextGateDriver driver(profile);
    QVERIFY(startConnected(driver));
    QSignalSpy timedOut(&driver, &GateDriver::passTimedOut);
    QSignalSpy passed(&driver, &GateDriver::passed);

    driver.open(Direction::In);

    QTRY_COMPARE_WITH_TIMEOUT(timedOut.size(), 1, 3000);
    QCOMPARE(timedOut.first().first().value<Direction>(), Direction::In);
    QCOMPARE(passed.size(), 0);
}

void TestSerialTextDriver::simulatorFireAndGarbage()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text")}));
    SerialTextGateDriver driver(textProfile(sim.text));
    QVERIFY(startConnected(driver));
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);

    QCOMPARE(sim.command("garbage"), QByteArray("ok"));
    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(fire.size(), 1, 1000);
    QCOMPARE(fire.first().first().toBool(), true);
    QCOMPARE(sim.command("fire off"), QByteArray("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(fire.size(), 2, 1000);
    QCOMPARE(fire.at(1).first().toBool(), false);
    QVERIFY(driver.status().connected);
}

void TestSerialTextDriver::simulatorErrorIsAFault()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text")}));
    SerialTextGateDriver driver(textProfile(sim.text));
    QVERIFY(startConnected(driver));
    QSignalSpy faults(&driver, &GateDriver::fault);
    QSignalSpy opened(&driver, &GateDriver::opened);

    QCOMPARE(sim.command("exception on"), QByteArray("ok"));
    driver.open(Direction::In);

    QTRY_COMPARE_WITH_TIMEOUT(faults.size(), 1, 2000);
    QCOMPARE(opened.size(), 0);
}

void TestSerialTextDriver::simulatorLockedModeBlocksPassage()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text"), QStringLiteral("--pass-probability"), QStringLiteral("1"),
        QStringLiteral("--pass-delay-ms"), QStringLiteral("50-100")}));
    SerialTextGateDriver driver(textProfile(sim.text));
    QVERIFY(startConnected(driver));
    QSignalSpy opened(&driver, &GateDriver::opened);
    QSignalSpy passed(&driver, &GateDriver::passed);

    driver.setMode(GateMode::Locked);
    QTRY_COMPARE_WITH_TIMEOUT(driver.status().mode, GateMode::Locked, 2000);
    driver.open(Direction::In);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 2000);
    // The board accepts the OPEN but a locked turnstile lets nobody through (50-100 ms otherwise).
    QVERIFY(!QTest::qWaitFor([&] { return !passed.isEmpty(); }, 1000));

    driver.setMode(GateMode::Free);
    QTRY_COMPARE_WITH_TIMEOUT(driver.status().mode, GateMode::Free, 2000);
    driver.setMode(GateMode::Normal);
    QTRY_COMPARE_WITH_TIMEOUT(driver.status().mode, GateMode::Normal, 2000);
    driver.open(Direction::Out);
    const auto passedOut = [&] {
        return std::any_of(passed.cbegin(), passed.cend(),
            [](const QList<QVariant> &arguments) { return arguments.at(0).value<Direction>() == Direction::Out; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(passedOut(), 3000);
}

// The board pushes FIRE lines itself, so the alarm must arrive well within the 200 ms budget.
void TestSerialTextDriver::simulatorFireLatencyIsBounded()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text")}));
    SerialTextGateDriver driver(textProfile(sim.text));
    QVERIFY(startConnected(driver));
    QSignalSpy fire(&driver, &GateDriver::fireAlarmChanged);

    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QElapsedTimer sinceOn;
    sinceOn.start();
    QVERIFY(fire.wait(2000));
    const qint64 latencyMs = sinceOn.elapsed();
    QCOMPARE(fire.first().first().toBool(), true);
    QVERIFY2(latencyMs < 200, qPrintable(QStringLiteral("fire on took %1 ms").arg(latencyMs)));
}

// The board's serial link is replaced (drop), then pulled out and plugged back in (unplug,
// plug). The driver keeps the same device name and works again afterwards.
void TestSerialTextDriver::simulatorLinkSurvivesDropAndReplug()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--text")}));
    SerialTextGateDriver driver(textProfile(sim.text));
    QVERIFY(startConnected(driver));

    checkReconnectsAfterDrop(driver, sim);
    if (QTest::currentTestFailed())
        return;
    checkUnplugBacksOffThenReconnects(driver, sim);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy passed(&driver, &GateDriver::passed);
    driver.open(Direction::In);
    QTRY_COMPARE_WITH_TIMEOUT(passed.size(), 1, 3000);
    QCOMPARE(passed.first().first().value<Direction>(), Direction::In);
}

QTEST_GUILESS_MAIN(TestSerialTextDriver)
#include "tst_serialtextdriver.moc"
