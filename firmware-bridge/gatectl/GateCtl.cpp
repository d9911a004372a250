#include "GateCtl.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>
#include <utility>

#include "drivers/ModbusFrameTap.h"

namespace gymgate::gatectl {

using namespace gymgate::bridge;

namespace {

// Lock-free, so the signal handler may set it; GateDiagnostics polls it while it waits.
std::atomic<bool> g_interrupted = false;
static_assert(std::atomic<bool>::is_always_lock_free);

void onInterrupt(int)
{
    g_interrupted = true;
}

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GateCtl)
};

void printOut(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

void printErr(const QString &line)
{
    std::fprintf(stderr, "gymgate-gatectl: %s\n", qPrintable(line));
}

Result<int> parseNumber(const QString &text, int max, const char *name)
{
    bool ok = false;
    const int value
        = text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive) ? text.mid(2).toInt(&ok, 16) : text.toInt(&ok, 10);
    if (!ok || value < 0 || value > max)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("%1 must be a number from 0 to %2: %3").arg(QString::fromLatin1(name)).arg(max).arg(text),
            QString::fromLatin1(name));
    return value;
}

QString formatValue(int value, bool hex)
{
    return hex ? QStringLiteral("0x%1").arg(value, 4, 16, QLatin1Char('0')) : QString::number(value);
}

QString timestamp(const QDateTime &at = QDateTime::currentDateTime())
{
    return at.toString(QStringLiteral("HH:mm:ss.zzz"));
}

// "HH:mm:ss.zzz TX 01 04 00 00 00 02". The tap calls this from inside a write to stdout, so the
// line goes to the file descriptor itself; stdout is unbuffered there, so the order holds.
void printFrame(const ModbusFrame &frame)
{
    const QByteArray line = timestamp(QDateTime::fromMSecsSinceEpoch(frame.atMs)).toLatin1()
        + (frame.sent ? " TX " : " RX ") + frame.bytes.toHex(' ') + '\n';
    if (::write(STDOUT_FILENO, line.constData(), size_t(line.size())) < 0)
        return; // like printf to a closed pipe: nothing more to do
}

} // namespace

GateCtl::GateCtl(CtlOptions options) : m_options(std::move(options)), m_diagnostics(m_options.profile)
{
    m_diagnostics.setCancelFlag(&g_interrupted);
}

int GateCtl::run()
{
    // Ctrl-C ends a wait or a watch cleanly, so an opened gate is closed again before exit.
    std::signal(SIGINT, onInterrupt);
    const QString &command = m_options.command;
    if (command == QLatin1String("probe"))
        return probe();
    if (command == QLatin1String("scan"))
        return scan();
    if (command == QLatin1String("read"))
        return read();
    if (command == QLatin1String("write"))
        return write();
    if (command == QLatin1String("open"))
        return open();
    if (command == QLatin1String("watch"))
        return watch();
    if (command == QLatin1String("selftest"))
        return selftest();
    if (command == QLatin1String("monitor"))
        return monitor();
    return usageFailure(Text::tr("unknown command: %1").arg(command));
}

int GateCtl::deviceFailure(const QString &what, const Error &error)
{
    printErr(Text::tr("%1 failed: %2").arg(what, error.message));
    return ExitFailed;
}

int GateCtl::usageFailure(const QString &message)
{
    printErr(message);
    return ExitUsage;
}

// ExitOk when connected; else prints why and returns the exit code.
int GateCtl::connectOrFail(const QString &what)
{
    if (auto status = m_diagnostics.connect(); !status)
        return deviceFailure(what, status.error());
    return ExitOk;
}

QString GateCtl::describe(const GateSnapshot &snapshot) const
{
    return GateDiagnostics::describe(snapshot, m_options.profile.kind);
}

int GateCtl::probe()
{
    if (const int failed = connectOrFail(Text::tr("probe")); failed != ExitOk)
        return failed;
    auto probed = m_diagnostics.probe();
    if (!probed)
        return deviceFailure(Text::tr("probe"), probed.error());
    printOut(Text::tr("OK %1 slave %2 answered in %3 ms")
                 .arg(m_diagnostics.target())
                 .arg(m_options.profile.slaveId)
                 .arg(double(probed->elapsedNs) / 1e6, 0, 'f', 1));
    return ExitOk;
}

int GateCtl::scan()
{
    if (const int failed = connectOrFail(Text::tr("scan")); failed != ExitOk)
        return failed;
    const auto progress = [](const ScanProgress &step) {
        if (!step.tried)
            std::fprintf(stderr, "%s\n",
                qPrintable(Text::tr("scanning slave %1 of %2-%3")
                               .arg(step.slaveId)
                               .arg(step.fromSlaveId)
                               .arg(step.toSlaveId)));
        else if (step.answered)
            printOut(Text::tr("slave %1 answered").arg(step.slaveId));
        return true;
    };
    auto scanned = m_diagnostics.scan(m_options.fromSlave, m_options.toSlave, progress);
    if (!scanned)
        return deviceFailure(Text::tr("scan"), scanned.error());
    const int answered = int(scanned->answeredSlaveIds.size());
    printErr(Text::tr("%n slave(s) answered", nullptr, answered));
    return answered == 0 ? ExitFailed : ExitOk;
}

int GateCtl::read()
{
    static const QStringList tables {QStringLiteral("coils"), QStringLiteral("inputs"), QStringLiteral("holding"),
        QStringLiteral("input-registers")};
    const QStringList &arguments = m_options.arguments;
    if (arguments.size() < 2 || arguments.size() > 3 || !tables.contains(arguments.at(0)))
        return usageFailure(Text::tr("usage: read coils|inputs|holding|input-registers ADDRESS [COUNT]"));
    auto address = parseNumber(arguments.at(1), 0xFFFF, "ADDRESS");
    auto count = arguments.size() > 2 ? parseNumber(arguments.at(2), 125, "COUNT") : Result<int>(1);
    if (!address || !count || *count < 1)
        return usageFailure(!address ? address.error().message
                                     : (!count ? count.error().message : Text::tr("COUNT must be at least 1")));
    if (const int failed = connectOrFail(Text::tr("read")); failed != ExitOk)
        return failed;
    const int table = int(tables.indexOf(arguments.at(0)));
    // The list above is in ModbusTable's order.
    auto values = m_diagnostics.readTable(ModbusTable(table + int(ModbusTable::Coils)), *address, *count);
    if (!values)
        return deviceFailure(Text::tr("read"), values.error());
    for (size_t i = 0; i < values->size(); ++i)
        printOut(QStringLiteral("%1 %2")
                     .arg(*address + int(i))
                     .arg(formatValue(values->at(i), m_options.hex && table >= 2)));
    return ExitOk;
}

int GateCtl::write()
{
    const QStringList &arguments = m_options.arguments;
    const bool coil = arguments.value(0) == QLatin1String("coil");
    if (arguments.size() != 3 || (!coil && arguments.value(0) != QLatin1String("holding")))
        return usageFailure(Text::tr("usage: write coil ADDRESS 0|1, or write holding ADDRESS VALUE"));
    auto address = parseNumber(arguments.at(1), 0xFFFF, "ADDRESS");
    auto value = parseNumber(arguments.at(2), coil ? 1 : 0xFFFF, "VALUE");
    if (!address || !value)
        return usageFailure(!address ? address.error().message : value.error().message);
    if (const int failed = connectOrFail(Text::tr("write")); failed != ExitOk)
        return failed;
    auto status = coil ? m_diagnostics.writeCoil(*address, *value != 0)
                       : m_diagnostics.writeRegister(*address, quint16(*value));
    if (!status)
        return deviceFailure(Text::tr("write"), status.error());
    printOut(Text::tr("OK wrote %1 to %2 %3").arg(*value).arg(arguments.at(0)).arg(*address));
    return ExitOk;
}

int GateCtl::open()
{
    const QString side = m_options.arguments.value(0);
    if (m_options.arguments.size() != 1 || (side != QLatin1String("in") && side != QLatin1String("out")))
        return usageFailure(Text::tr("usage: open in|out [--passes N]"));
    const Direction direction = side == QLatin1String("in") ? Direction::In : Direction::Out;
    if (const int failed = connectOrFail(Text::tr("open")); failed != ExitOk)
        return failed;
    auto before = m_diagnostics.readSnapshot();
    if (!before)
        return deviceFailure(Text::tr("open"), before.error());
    if (auto status = m_diagnostics.open(direction, m_options.passes); !status)
        return deviceFailure(Text::tr("open"), status.error());
    auto passed = m_diagnostics.waitForPassages(direction, m_options.passes, *before);
    if (!passed)
        return deviceFailure(Text::tr("open"), passed.error());
    if (*passed < m_options.passes && g_interrupted) {
        printErr(Text::tr("open interrupted after %1 passage(s); the gate was closed again").arg(*passed));
        return ExitFailed;
    }
    if (*passed < m_options.passes) {
        printOut(Text::tr("TIMEOUT %1: %2 of %3 passed within %4 ms")
                     .arg(side)
                     .arg(*passed)
                     .arg(m_options.passes)
                     .arg(m_options.profile.passTimeoutMs));
        return ExitFailed;
    }
    printOut(Text::tr("PASSED %1: %2 passage(s)").arg(side).arg(*passed));
    return ExitOk;
}

// Prints one line per poll (or per change) until --count lines or Ctrl-C.
int GateCtl::pollLoop(const QString &what)
{
    std::optional<GateSnapshot> last;
    int lines = 0;
    while (!g_interrupted && (m_options.count == 0 || lines < m_options.count)) {
        auto now = m_diagnostics.readSnapshot();
        if (!now)
            return deviceFailure(what, now.error());
        if (!m_options.changesOnly || last != now) {
            printOut(QStringLiteral("%1 %2").arg(timestamp(), describe(*now)));
            ++lines;
        }
        last = *now;
        QThread::msleep(static_cast<unsigned long>(m_options.profile.pollPeriodMs));
    }
    return ExitOk;
}

int GateCtl::watch()
{
    if (const int failed = connectOrFail(Text::tr("watch")); failed != ExitOk)
        return failed;
    return pollLoop(Text::tr("watch"));
}

// watch, with every frame on the wire shown before the line it makes: libmodbus prints the
// frames (debug on) and the tap hands this thread's to printFrame.
int GateCtl::monitor()
{
    if (auto status = ModbusFrameTap::install(); !status)
        return deviceFailure(Text::tr("monitor"), status.error());
    const ModbusFrameTap::ThreadSink frames(printFrame);
    m_diagnostics.setDebug(true);
    if (const int failed = connectOrFail(Text::tr("monitor")); failed != ExitOk)
        return failed;
    return pollLoop(Text::tr("monitor"));
}

int GateCtl::selftest()
{
    const auto print = [](const SelfTestStep &step) {
        printOut(QStringLiteral("%1 %2%3").arg(step.passed ? Text::tr("PASS") : Text::tr("FAIL"), step.name,
            step.message.isEmpty() ? QString() : QStringLiteral(": ") + step.message));
    };
    const SelfTestResult result = m_diagnostics.selfTest(print);
    // A failed connect or read ends the test with that failed step and no summary line.
    if (!result.stoppedEarly)
        printOut(result.passed() ? Text::tr("selftest PASS")
                                 : Text::tr("selftest FAIL (%n step(s) failed)", nullptr, result.failures()));
    return result.passed() ? ExitOk : ExitFailed;
}

} // namespace gymgate::gatectl
