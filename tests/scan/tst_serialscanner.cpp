#include "scan/SerialScanner.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <functional>
#include <memory>
#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

using namespace gymgate;

namespace {

// The scanner's end of the wire is the pty slave (what SerialScanner opens); the test plays
// the scanner by writing to the master. The test keeps its own slave fd open so the pty does
// not hang up between writes, and uses it to see how much input the scanner has not read yet.
class Pty {
public:
    Pty() = default;
    Pty(const Pty &) = delete;
    Pty &operator=(const Pty &) = delete;
    ~Pty() { close(); }

    bool open()
    {
        termios raw {};
        ::cfmakeraw(&raw);
        ::cfsetspeed(&raw, B9600);
        if (::openpty(&m_masterFd, &m_slaveFd, nullptr, &raw, nullptr) != 0)
            return false;
        ::fcntl(m_masterFd, F_SETFD, FD_CLOEXEC);
        ::fcntl(m_slaveFd, F_SETFD, FD_CLOEXEC);
        m_slavePath = QString::fromLocal8Bit(::ttyname(m_slaveFd));
        return !m_slavePath.isEmpty();
    }

    void close()
    {
        if (m_masterFd >= 0)
            ::close(m_masterFd);
        if (m_slaveFd >= 0)
            ::close(m_slaveFd);
        m_masterFd = m_slaveFd = -1;
    }

    bool write(const QByteArray &bytes) const
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_masterFd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }

    // Bytes written by the "scanner" that the SerialScanner has not read yet.
    int unread() const
    {
        int pending = 0;
        if (::ioctl(m_slaveFd, TIOCINQ, &pending) != 0)
            return -1;
        return pending;
    }

    QString slavePath() const { return m_slavePath; }

private:
    int m_masterFd = -1;
    int m_slaveFd = -1;
    QString m_slavePath;
};

SerialScannerSettings settingsFor(const QString &port)
{
    SerialScannerSettings settings;
    settings.portName = port;
    settings.reconnectMs = 20;
    return settings;
}

QStringList texts(const QSignalSpy &spy)
{
    QStringList result;
    for (const auto &arguments : spy)
        result.append(arguments.at(0).toString());
    return result;
}

using Terminator = SerialScannerSettings::Terminator;
using SettingsChange = std::function<void(SerialScannerSettings &)>;

} // namespace

Q_DECLARE_METATYPE(SettingsChange)

class TestSerialScanner : public QObject {
    Q_OBJECT

private slots:
    void codesAreAssembledFromLines_data();
    void codesAreAssembledFromLines();
    void idleGapEndsACode();
    void overLongInputIsDiscardedOnce();
    void overLongInputEndsAtIdleGap();
    void missingPortIsRetriedUntilPluggedIn();
    void hangUpDisconnectsAndRecovers();
    void stopClosesThePort();
    void invalidSettingsNameTheField_data();
    void invalidSettingsNameTheField();
};

void TestSerialScanner::codesAreAssembledFromLines_data()
{
    QTest::addColumn<Terminator>("terminator");
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("expected");

    const auto cr = Terminator::CrOrLf;
    QTest::newRow("cr") << cr << QList<QByteArray> {"GG1ABC\r"} << QStringList {"GG1ABC"};
    QTest::newRow("lf") << cr << QList<QByteArray> {"GG1ABC\n"} << QStringList {"GG1ABC"};
    QTest::newRow("crlf, no empty scan") << cr << QList<QByteArray> {"AAA111\r\n", "BBB222\r\n"}
                                         << QStringList {"AAA111", "BBB222"};
    QTest::newRow("lfcr, no empty scan") << cr << QList<QByteArray> {"AAA111\n\rBBB222\n\r"}
                                         << QStringList {"AAA111", "BBB222"};
    QTest::newRow("two codes in one write")
        << cr << QList<QByteArray> {"FIRST1\rSECOND2\r"} << QStringList {"FIRST1", "SECOND2"};
    QTest::newRow("code split across writes")
        << cr << QList<QByteArray> {"GG1:", "abc", "de", "f\r", "\n"} << QStringList {"GG1:abcdef"};
    QTest::newRow("terminator in its own write") << cr << QList<QByteArray> {"SPLIT9", "\r"} << QStringList {"SPLIT9"};
    QTest::newRow("empty lines ignored") << cr << QList<QByteArray> {"\r\n\r\n\n\r", "  \r", "X1\r"}
                                         << QStringList {"X1"};
    QTest::newRow("control bytes stripped") << cr
                                            << QList<QByteArray> {QByteArray("\x02"
                                                                             "AB\x00"
                                                                             "C\x1b\x7f\tD\x03\r",
                                                   11)}
                                            << QStringList {"ABCD"};
    QTest::newRow("surrounding whitespace stripped")
        << cr << QList<QByteArray> {"  CODE42 \t\r"} << QStringList {"CODE42"};
    QTest::newRow("invalid utf-8 dropped, valid kept") << cr
                                                       << QList<QByteArray> {"AB\xff\xfe"
                                                                             "C\xe4\xbc\x9a\r"}
                                                       << QStringList {QStringLiteral("ABC\u4f1a")};
    QTest::newRow("cr only: lf is dropped")
        << Terminator::Cr << QList<QByteArray> {"AB\nCD\r\n", "EF\r"} << QStringList {"ABCD", "EF"};
    QTest::newRow("lf only: cr is dropped")
        << Terminator::Lf << QList<QByteArray> {"AB\rCD\n\r", "EF\n"} << QStringList {"ABCD", "EF"};
}

void TestSerialScanner::codesAreAssembledFromLines()
{
    QFETCH(Terminator, terminator);
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, expected);

    Pty pty;
    QVERIFY(pty.open());
    auto settings = settingsFor(pty.slavePath());
    settings.terminator = terminator;
    SerialScanner scanner(settings);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QSignalSpy faults(&scanner, &ScanSource::fault);
    QVERIFY(scanner.start());
    QVERIFY(scanner.isConnected());
    QCOMPARE(scanner.sourceId(), QStringLiteral("serial:") + pty.slavePath());

    // Each chunk gets time to be read before the next is written, so a split code arrives in
    // pieces (the kernel moves pty bytes asynchronously, hence the short wait; the outcome
    // does not depend on it, only how the bytes are chunked).
    for (const QByteArray &chunk : chunks) {
        QVERIFY(pty.write(chunk));
        QTest::qWait(10);
        QTRY_COMPARE(pty.unread(), 0);
    }
    // Everything written has been read and handled by now; a marker line proves that
    // nothing else is still on its way.
    const QByteArray marker = terminator == Terminator::Lf ? "MARKER\n" : "MARKER\r";
    QVERIFY(pty.write(marker));
    QTRY_COMPARE(scans.size(), expected.size() + 1);
    QCOMPARE(texts(scans), expected + QStringList {"MARKER"});
    QCOMPARE(faults.size(), 0);
}

void TestSerialScanner::idleGapEndsACode()
{
    Pty pty;
    QVERIFY(pty.open());
    auto settings = settingsFor(pty.slavePath());
    settings.terminator = Terminator::Idle;
    settings.idleTerminatorMs = 50;
    SerialScanner scanner(settings);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QVERIFY(scanner.start());

    QVERIFY(pty.write("IDLE001"));
    QVERIFY(scans.wait(5000));
    QCOMPARE(texts(scans), QStringList {"IDLE001"});

    QVERIFY(pty.write(QByteArray("\x02IDLE002 \x03", 10)));
    QVERIFY(scans.wait(5000));
    QCOMPARE(texts(scans), (QStringList {"IDLE001", "IDLE002"}));

    // A scanner that does send a CR is not held up by the idle wait.
    QVERIFY(pty.write("IDLE003\r"));
    QTRY_COMPARE(scans.size(), 3);
    QCOMPARE(scans.at(2).at(0).toString(), QStringLiteral("IDLE003"));
}

void TestSerialScanner::overLongInputIsDiscardedOnce()
{
    Pty pty;
    QVERIFY(pty.open());
    auto settings = settingsFor(pty.slavePath());
    settings.maxLength = 16;
    SerialScanner scanner(settings);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QSignalSpy faults(&scanner, &ScanSource::fault);
    QVERIFY(scanner.start());

    QVERIFY(pty.write("0123456789ABCDEF\r")); // exactly maxLength: still a code
    QTRY_COMPARE(scans.size(), 1);

    QVERIFY(pty.write(QByteArray(40, 'X')));
    QVERIFY(faults.wait(5000));
    QVERIFY(faults.at(0).at(0).toString().contains(QStringLiteral("16")));
    QVERIFY(pty.write(QByteArray(40, 'Y')));
    QVERIFY(pty.write("TAIL\r"));
    QVERIFY(pty.write("GOOD0001\r"));
    QTRY_COMPARE(scans.size(), 2);
    QCOMPARE(texts(scans), (QStringList {"0123456789ABCDEF", "GOOD0001"}));
    QCOMPARE(faults.size(), 1);
}

void TestSerialScanner::overLongInputEndsAtIdleGap()
{
    Pty pty;
    QVERIFY(pty.open());
    auto settings = settingsFor(pty.slavePath());
    settings.terminator = Terminator::Idle;
    settings.idleTerminatorMs = 30;
    settings.maxLength = 8;
    SerialScanner scanner(settings);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QSignalSpy faults(&scanner, &ScanSource::fault);
    QVERIFY(scanner.start());

    QVERIFY(pty.write(QByteArray(30, 'Z')));
    QVERIFY(faults.wait(5000));
    // The pause after the garbage ends it (the pause itself is the input here); the next code
    // is read normally.
    QTest::qWait(settings.idleTerminatorMs * 4);
    QVERIFY(pty.write("AFTER1"));
    QVERIFY(scans.wait(5000));
    QCOMPARE(texts(scans), QStringList {"AFTER1"});
    QCOMPARE(faults.size(), 1);
}

void TestSerialScanner::missingPortIsRetriedUntilPluggedIn()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("scanner"));
    SerialScanner scanner(settingsFor(path));
    QSignalSpy connected(&scanner, &ScanSource::connectedChanged);
    QSignalSpy faults(&scanner, &ScanSource::fault);
    QSignalSpy scans(&scanner, &ScanSource::scanned);

    QVERIFY(scanner.start()); // a missing device is not a configuration error
    QCOMPARE(scanner.sourceId(), QStringLiteral("serial:") + path);
    QCOMPARE(connected.size(), 1);
    QCOMPARE(connected.at(0).at(0).toBool(), false);
    QVERIFY(!scanner.isConnected());
    QCOMPARE(faults.size(), 1);
    QVERIFY(faults.at(0).at(0).toString().contains(path));

    // Several retries (every 20 ms) go by without a fault or signal each.
    QTest::qWait(200);
    QCOMPARE(faults.size(), 1);
    QCOMPARE(connected.size(), 1);

    Pty pty;
    QVERIFY(pty.open());
    QVERIFY(QFile::link(pty.slavePath(), path));
    QVERIFY(connected.wait(5000));
    QCOMPARE(connected.size(), 2);
    QCOMPARE(connected.at(1).at(0).toBool(), true);
    QVERIFY(scanner.isConnected());

    QVERIFY(pty.write("PLUGGED1\r"));
    QVERIFY(scans.wait(5000));
    QCOMPARE(texts(scans), QStringList {"PLUGGED1"});
    QCOMPARE(faults.size(), 1);
}

void TestSerialScanner::hangUpDisconnectsAndRecovers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("scanner"));
    auto first = std::make_unique<Pty>();
    QVERIFY(first->open());
    QVERIFY(QFile::link(first->slavePath(), path));

    SerialScanner scanner(settingsFor(path));
    QSignalSpy connected(&scanner, &ScanSource::connectedChanged);
    QSignalSpy faults(&scanner, &ScanSource::fault);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QVERIFY(scanner.start());
    QCOMPARE(connected.size(), 1);
    QVERIFY(connected.at(0).at(0).toBool());

    QVERIFY(first->write("BEFORE1\r"));
    QVERIFY(scans.wait(5000));
    // Half a code is in flight when the cable is pulled; it must not leak into the next one.
    QVERIFY(first->write("HALF"));
    QTRY_COMPARE(first->unread(), 0);

    // Unplugged: the device node goes away with the pty, so the link dangles at once
    // (removed here so a reused pty number cannot be picked up by the retries).
    QVERIFY(QFile::remove(path));
    first.reset();
    QVERIFY(connected.wait(5000));
    QCOMPARE(connected.size(), 2);
    QCOMPARE(connected.at(1).at(0).toBool(), false);
    QVERIFY(!scanner.isConnected());
    QCOMPARE(faults.size(), 1);
    QVERIFY(faults.at(0).at(0).toString().contains(path));

    Pty second;
    QVERIFY(second.open());
    QVERIFY(QFile::link(second.slavePath(), path));
    QVERIFY(connected.wait(5000));
    QCOMPARE(connected.size(), 3);
    QVERIFY(connected.at(2).at(0).toBool());

    QVERIFY(second.write("AFTER1\r"));
    QTRY_COMPARE(scans.size(), 2);
    QCOMPARE(texts(scans), (QStringList {"BEFORE1", "AFTER1"}));
    QCOMPARE(faults.size(), 1);
}

void TestSerialScanner::stopClosesThePort()
{
    Pty pty;
    QVERIFY(pty.open());
    SerialScanner scanner(settingsFor(pty.slavePath()));
    QSignalSpy connected(&scanner, &ScanSource::connectedChanged);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QVERIFY(scanner.start());
    QVERIFY(scanner.isConnected());
    scanner.stop();
    QVERIFY(!scanner.isConnected());
    QCOMPARE(connected.size(), 2);
    QCOMPARE(connected.at(1).at(0).toBool(), false);

    // Closed means closed: the bytes stay unread in the pty.
    QVERIFY(pty.write("STOPPED\r"));
    QTRY_COMPARE(pty.unread(), 8);
    QCOMPARE(scans.size(), 0);

    // Started again, it reads on (the bytes written while stopped are still in the pty).
    QVERIFY(scanner.start());
    QVERIFY(scanner.isConnected());
    QVERIFY(pty.write("AGAIN1\r"));
    QTRY_VERIFY(texts(scans).contains(QStringLiteral("AGAIN1")));
}

void TestSerialScanner::invalidSettingsNameTheField_data()
{
    QTest::addColumn<SettingsChange>("change");
    QTest::addColumn<QString>("field");

    QTest::newRow("no port") << SettingsChange([](auto &s) { s.portName = QStringLiteral("  "); })
                             << QStringLiteral("portName");
    QTest::newRow("baud zero") << SettingsChange([](auto &s) { s.baudRate = 0; }) << QStringLiteral("baudRate");
    QTest::newRow("data bits") << SettingsChange([](auto &s) { s.dataBits = QSerialPort::DataBits(9); })
                               << QStringLiteral("dataBits");
    QTest::newRow("parity") << SettingsChange([](auto &s) { s.parity = QSerialPort::Parity(1); })
                            << QStringLiteral("parity");
    // 0 is within the enum's range (a cast of 7 would be undefined behaviour) but no stop-bit count.
    QTest::newRow("stop bits") << SettingsChange([](auto &s) { s.stopBits = QSerialPort::StopBits(0); })
                               << QStringLiteral("stopBits");
    QTest::newRow("terminator") << SettingsChange([](auto &s) { s.terminator = Terminator::Invalid; })
                                << QStringLiteral("terminator");
    QTest::newRow("idle too short") << SettingsChange([](auto &s) { s.idleTerminatorMs = 0; })
                                    << QStringLiteral("idleTerminatorMs");
    QTest::newRow("max length") << SettingsChange([](auto &s) { s.maxLength = 0; }) << QStringLiteral("maxLength");
    QTest::newRow("reconnect") << SettingsChange([](auto &s) { s.reconnectMs = -1; }) << QStringLiteral("reconnectMs");
}

void TestSerialScanner::invalidSettingsNameTheField()
{
    QFETCH(SettingsChange, change);
    QFETCH(QString, field);

    SerialScannerSettings settings = settingsFor(QStringLiteral("/dev/null-scanner"));
    QVERIFY(SerialScanner::validate(settings));
    change(settings);
    const auto checked = SerialScanner::validate(settings);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(checked.error().field, field);
    QVERIFY(!checked.error().message.isEmpty());

    SerialScanner scanner(settings);
    QSignalSpy connected(&scanner, &ScanSource::connectedChanged);
    const auto started = scanner.start();
    QVERIFY(!started);
    QCOMPARE(started.error().field, field);
    QVERIFY(!scanner.isConnected());
    QCOMPARE(connected.size(), 0);
}

QTEST_GUILESS_MAIN(TestSerialScanner)
#include "tst_serialscanner.moc"
