#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "GateSimProcess.h"
#include "protocol/GateProfile.h"

using namespace gymgate::bridge;

namespace {

constexpr int RunTimeoutMs = 30'000;

struct CtlRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real gymgate-gatectl binary to completion.
CtlRun runCtl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(GYMGATE_GATECTL_PATH), arguments);
    CtlRun run;
    if (!process.waitForFinished(RunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

QStringList tcpTarget(const GateSimProcess &sim)
{
    return {QStringLiteral("--tcp"), QStringLiteral("127.0.0.1:%1").arg(sim.tcpPort)};
}

QStringList outLines(const CtlRun &run)
{
    return run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// A short pass delay keeps the person model quick; passage still takes several polls.
QStringList simArguments(const QString &map, const QStringList &extra = {})
{
    return QStringList {QStringLiteral("--map"), map, QStringLiteral("--pass-delay-ms"), QStringLiteral("50-150")}
    + extra;
}

} // namespace

class TestGateCtl : public QObject {
    Q_OBJECT

private slots:
    void probeAnswers();
    void probeOnClosedPortFails();
    void probeOverRtu();
    void scanListsTheSlavesThatAnswer();
    void holdingRegisterRoundTrip_data();
    void holdingRegisterRoundTrip();
    void coilRoundTrip();
    void openReportsPassage_data();
    void openReportsPassage();
    void openReportsPassTimeout();
    void watchStopsAfterCount();
    void watchChangesShowsOnlyChanges();
    void monitorPrintsFrames_data();
    void monitorPrintsFrames();
    void selftestPasses_data();
    void selftestPasses();
    void selftestFailsOnFire();
    void badProfileIsRefusedNamingTheField();
    void usageErrors_data();
    void usageErrors();
};

void TestGateCtl::probeAnswers()
{
    GateSimProcess sim;
    QVERIFY(sim.start({}));
    const CtlRun run = runCtl(tcpTarget(sim) << QStringLiteral("probe"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("OK ")), qPrintable(run.out));
}

void TestGateCtl::probeOnClosedPortFails()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QString target = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
    server.close(); // the port is now known to be free and closed

    const CtlRun run = runCtl({QStringLiteral("--tcp"), target, QStringLiteral("probe")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(target) && run.err.contains(QLatin1String("refused")), qPrintable(run.err));
}

void TestGateCtl::probeOverRtu()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--rtu")}));
    QVERIFY(!sim.rtu.isEmpty());
    const CtlRun run = runCtl({QStringLiteral("--rtu"), sim.rtu, QStringLiteral("--baud"), QStringLiteral("115200"),
        QStringLiteral("--parity"), QStringLiteral("N"), QStringLiteral("probe")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(sim.rtu));
}

void TestGateCtl::scanListsTheSlavesThatAnswer()
{
    GateSimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--slaves"), QStringLiteral("1,3")}));
    const CtlRun run = runCtl(tcpTarget(sim) << QStringLiteral("scan") << QStringLiteral("--from")
                                             << QStringLiteral("1") << QStringLiteral("--to") << QStringLiteral("5"));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(outLines(run), (QStringList {QStringLiteral("slave 1 answered"), QStringLiteral("slave 3 answered")}));
    for (int slave = 1; slave <= 5; ++slave)
        QVERIFY2(run.err.contains(QStringLiteral("scanning slave %1 ").arg(slave)), qPrintable(run.err));
}

void TestGateCtl::holdingRegisterRoundTrip_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QStringList>("readOptions");
    QTest::addColumn<QString>("expected");
    QTest::newRow("decimal") << QStringLiteral("1234") << QStringList {} << QStringLiteral("3 1234");
    QTest::newRow("hex in, hex out") << QStringLiteral("0xBEEF") << QStringList {QStringLiteral("--hex")}
                                     << QStringLiteral("3 0xbeef");
    QTest::newRow("hex in, decimal out") << QStringLiteral("0x10") << QStringList {} << QStringLiteral("3 16");
}

void TestGateCtl::holdingRegisterRoundTrip()
{
    QFETCH(QString, written);
    QFETCH(QStringList, readOptions);
    QFETCH(QString, expected);
    GateSimProcess sim;
    QVERIFY(sim.start({}));
    const CtlRun write = runCtl(
        tcpTarget(sim) << QStringLiteral("write") << QStringLiteral("holding") << QStringLiteral("3") << written);
    QVERIFY2(write.exitCode == 0, qPrintable(write.err));
    const CtlRun read = runCtl(tcpTarget(sim) + readOptions
        + QStringList {QStringLiteral("read"), QStringLiteral("holding"), QStringLiteral("2"), QStringLiteral("2")});
    QCOMPARE(read.exitCode, 0);
    QCOMPARE(outLines(read).value(1), expected);
    QCOMPARE(outLines(read).size(), 2);
}

void TestGateCtl::coilRoundTrip()
{
    GateSimProcess sim;
    QVERIFY(
        sim.start(simArguments(QStringLiteral("relay"), {QStringLiteral("--pass-probability"), QStringLiteral("0")})));
    const CtlRun write = runCtl(tcpTarget(sim)
        << QStringLiteral("write") << QStringLiteral("coil") << QStringLiteral("5") << QStringLiteral("1"));
    QVERIFY2(write.exitCode == 0, qPrintable(write.err));
    const CtlRun read = runCtl(tcpTarget(sim)
        << QStringLiteral("read") << QStringLiteral("coils") << QStringLiteral("4") << QStringLiteral("3"));
    QCOMPARE(read.exitCode, 0);
    QCOMPARE(outLines(read), (QStringList {QStringLiteral("4 0"), QStringLiteral("5 1"), QStringLiteral("6 0")}));
}

void TestGateCtl::openReportsPassage_data()
{
    QTest::addColumn<QString>("map");
    QTest::addColumn<QString>("side");
    QTest::newRow("turnstile in") << QStringLiteral("turnstile") << QStringLiteral("in");
    QTest::newRow("turnstile out") << QStringLiteral("turnstile") << QStringLiteral("out");
    QTest::newRow("relay in") << QStringLiteral("relay") << QStringLiteral("in");
}

void TestGateCtl::openReportsPassage()
{
    QFETCH(QString, map);
    QFETCH(QString, side);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(map)));
    const CtlRun run = runCtl(tcpTarget(sim) << QStringLiteral("--map") << map << QStringLiteral("open") << side);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QCOMPARE(run.out.trimmed(), QStringLiteral("PASSED %1: 1 passage(s)").arg(side));
}

void TestGateCtl::openReportsPassTimeout()
{
    GateSimProcess sim;
    QVERIFY(sim.start(
        simArguments(QStringLiteral("turnstile"), {QStringLiteral("--pass-probability"), QStringLiteral("0")})));
    GateProfile profile;
    profile.kind = ProfileKind::TurnstileRegisters;
    profile.transport = TransportKind::ModbusTcp;
    profile.tcp.port = sim.tcpPort;
    profile.passTimeoutMs = 1000;
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("gate.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(profile.toJson()).toJson());
    file.close();

    const CtlRun run
        = runCtl({QStringLiteral("--profile"), file.fileName(), QStringLiteral("open"), QStringLiteral("in")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith(QLatin1String("TIMEOUT in: 0 of 1")), qPrintable(run.out));
    // gatectl takes the permission back after its timeout, so the gate is not left open.
    const CtlRun read
        = runCtl(tcpTarget(sim) << QStringLiteral("read") << QStringLiteral("holding") << QStringLiteral("0"));
    QCOMPARE(read.out.trimmed(), QStringLiteral("0 0"));
}

void TestGateCtl::watchStopsAfterCount()
{
    GateSimProcess sim;
    QVERIFY(sim.start({}));
    const CtlRun run
        = runCtl(tcpTarget(sim) << QStringLiteral("watch") << QStringLiteral("--count") << QStringLiteral("3"));
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = outLines(run);
    QCOMPARE(lines.size(), 3);
    for (const QString &line : lines)
        QVERIFY2(line.contains(QLatin1String("entries=0 exits=0")), qPrintable(line));
}

void TestGateCtl::watchChangesShowsOnlyChanges()
{
    GateSimProcess sim;
    QVERIFY(sim.start({}));
    QProcess watch;
    watch.start(QStringLiteral(GYMGATE_GATECTL_PATH),
        tcpTarget(sim) << QStringLiteral("watch") << QStringLiteral("--changes") << QStringLiteral("--count")
                       << QStringLiteral("2"));
    // The first line is the state as found; the second comes only once something changed.
    while (!watch.canReadLine())
        QVERIFY(watch.waitForReadyRead(RunTimeoutMs));
    const QString first = QString::fromLocal8Bit(watch.readLine());
    QVERIFY2(first.contains(QLatin1String("fire=0")), qPrintable(first));
    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    QVERIFY(watch.waitForFinished(RunTimeoutMs));
    QCOMPARE(watch.exitCode(), 0);
    const QString second = QString::fromLocal8Bit(watch.readAllStandardOutput()).trimmed();
    QVERIFY2(second.contains(QLatin1String("sensors=0x0004 fire=1")), qPrintable(second));
    QVERIFY(!second.contains(QLatin1Char('\n')));
}

void TestGateCtl::monitorPrintsFrames_data()
{
    QTest::addColumn<bool>("rtu");
    QTest::newRow("tcp") << false;
    QTest::newRow("rtu") << true;
}

void TestGateCtl::monitorPrintsFrames()
{
    QFETCH(bool, rtu);
    GateSimProcess sim;
    QVERIFY(sim.start(rtu ? QStringList {QStringLiteral("--rtu")} : QStringList {}));
    QStringList target = rtu
        ? QStringList {QStringLiteral("--rtu"), sim.rtu, QStringLiteral("--baud"), QStringLiteral("115200")}
        : tcpTarget(sim);
    const CtlRun run = runCtl(target << QStringLiteral("monitor") << QStringLiteral("--count") << QStringLiteral("1"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = outLines(run);
    // Read input registers 0..1 of slave 1: the request as sent and the answer with zero counters.
    const QString request
        = rtu ? QStringLiteral(" TX 01 04 00 00 00 02 ") : QStringLiteral(" TX 00 01 00 00 00 06 01 04 00 00 00 02");
    const QString answer = rtu ? QStringLiteral(" RX 01 04 04 00 00 00 00 ")
                               : QStringLiteral(" RX 00 01 00 00 00 07 01 04 04 00 00 00 00");
    QVERIFY2(run.out.contains(request), qPrintable(run.out));
    QVERIFY2(run.out.contains(answer), qPrintable(run.out));
    QVERIFY(lines.constLast().endsWith(QLatin1String("entries=0 exits=0 error=0 sensors=0x0000 fire=0")));
    const QRegularExpression stamped(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d "));
    for (const QString &line : lines)
        QVERIFY2(stamped.match(line).hasMatch(), qPrintable(line));
}

void TestGateCtl::selftestPasses_data()
{
    QTest::addColumn<QString>("map");
    QTest::newRow("turnstile") << QStringLiteral("turnstile");
    QTest::newRow("relay") << QStringLiteral("relay");
}

void TestGateCtl::selftestPasses()
{
    QFETCH(QString, map);
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(map)));
    const CtlRun run = runCtl(tcpTarget(sim) << QStringLiteral("--map") << map << QStringLiteral("selftest"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(!run.out.contains(QLatin1String("FAIL")));
    QVERIFY(run.out.contains(QLatin1String("PASS open entry and passage")));
    QCOMPARE(outLines(run).constLast(), QStringLiteral("selftest PASS"));
}

void TestGateCtl::selftestFailsOnFire()
{
    GateSimProcess sim;
    QVERIFY(sim.start(simArguments(QStringLiteral("turnstile"))));
    QCOMPARE(sim.command("fire on"), QByteArray("ok"));
    const CtlRun run = runCtl(tcpTarget(sim) << QStringLiteral("selftest"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QLatin1String("FAIL fire input inactive")), qPrintable(run.out));
    QVERIFY(outLines(run).constLast().startsWith(QLatin1String("selftest FAIL")));
}

void TestGateCtl::badProfileIsRefusedNamingTheField()
{
    GateProfile profile;
    profile.kind = ProfileKind::TurnstileRegisters;
    profile.transport = TransportKind::ModbusRtu;
    profile.serial.device = QStringLiteral("/dev/ttyUSB0");
    QJsonObject json = profile.toJson();
    QJsonObject transport = json.value(QStringLiteral("transport")).toObject();
    transport.insert(QStringLiteral("baud"), 12345);
    json.insert(QStringLiteral("transport"), transport);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();

    const CtlRun run = runCtl({QStringLiteral("--profile"), file.fileName(), QStringLiteral("probe")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("transport.baud")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestGateCtl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentioned");
    const QString tcp = QStringLiteral("--tcp");
    const QString target = QStringLiteral("127.0.0.1:1");
    QTest::newRow("no command") << QStringList {tcp, target} << QStringLiteral("command");
    QTest::newRow("no target") << QStringList {QStringLiteral("probe")} << QStringLiteral("--tcp");
    QTest::newRow("unknown command") << QStringList {tcp, target, QStringLiteral("dance")} << QStringLiteral("dance");
    QTest::newRow("unknown option") << QStringList {tcp, target, QStringLiteral("--bogus"), QStringLiteral("probe")}
                                    << QStringLiteral("bogus");
    QTest::newRow("bad port") << QStringList {tcp, QStringLiteral("localhost"), QStringLiteral("probe")}
                              << QStringLiteral("HOST:PORT");
    QTest::newRow("bad slave") << QStringList {tcp, target, QStringLiteral("--slave"), QStringLiteral("300"),
        QStringLiteral("probe")}
                               << QStringLiteral("--slave");
    QTest::newRow("read without address")
        << QStringList {tcp, target, QStringLiteral("read"), QStringLiteral("holding")} << QStringLiteral("usage");
    QTest::newRow("write value too big") << QStringList {tcp, target, QStringLiteral("write"),
        QStringLiteral("holding"), QStringLiteral("0"), QStringLiteral("70000")}
                                         << QStringLiteral("VALUE");
    QTest::newRow("open sideways") << QStringList {tcp, target, QStringLiteral("open"), QStringLiteral("up")}
                                   << QStringLiteral("open in|out");
}

void TestGateCtl::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentioned);
    const CtlRun run = runCtl(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentioned), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestGateCtl)
#include "tst_gatectl.moc"
