#include "GateCtl.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <utility>

#include "MonitorBus.h"

namespace gymgate::gatectl {

using namespace gymgate::bridge;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int)
{
    g_interrupted = 1;
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

QString timestamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz"));
}

} // namespace

GateCtl::GateCtl(CtlOptions options) : m_options(std::move(options))
{ }

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

QString GateCtl::target() const
{
    const GateProfile &profile = m_options.profile;
    if (profile.transport == TransportKind::ModbusTcp)
        return QStringLiteral("%1:%2").arg(profile.tcp.host).arg(profile.tcp.port);
    return profile.serial.device;
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

Status GateCtl::connectBus()
{
    const GateProfile &profile = m_options.profile;
    auto bus
        = profile.transport == TransportKind::ModbusTcp ? ModbusBus::tcp(profile.tcp) : ModbusBus::rtu(profile.serial);
    if (!bus)
        return std::unexpected(bus.error());
    m_bus.emplace(std::move(*bus));
    if (auto status = m_bus->setResponseTimeoutMs(profile.timeoutMs); !status)
        return status;
    if (auto status = m_bus->setSlave(profile.slaveId); !status)
        return status;
    if (auto status = m_bus->connect(); !status)
        return fail(status.error().code, Text::tr("cannot connect to %1: %2").arg(target(), status.error().message));
    return {};
}

// One cheap read that every gate of the map answers.
Result<quint16> GateCtl::readProbeValue()
{
    if (isRelay()) {
        auto bits = m_bus->readDiscreteInputs(m_options.profile.relay.entryInput, 1);
        if (!bits)
            return std::unexpected(bits.error());
        return quint16(bits->front() ? 1 : 0);
    }
    auto words = m_bus->readInputRegisters(m_options.profile.registers.errorCode, 1);
    if (!words)
        return std::unexpected(words.error());
    return words->front();
}

int GateCtl::probe()
{
    QElapsedTimer clock;
    clock.start();
    if (auto status = connectBus(); !status)
        return deviceFailure(Text::tr("probe"), status.error());
    auto value = readProbeValue();
    if (!value)
        return deviceFailure(Text::tr("probe"), value.error());
    printOut(Text::tr("OK %1 slave %2 answered in %3 ms")
                 .arg(target())
                 .arg(m_options.profile.slaveId)
                 .arg(double(clock.nsecsElapsed()) / 1e6, 0, 'f', 1));
    return ExitOk;
}

int GateCtl::scan()
{
    if (auto status = connectBus(); !status)
        return deviceFailure(Text::tr("scan"), status.error());
    QList<int> answered;
    for (int slave = m_options.fromSlave; slave <= m_options.toSlave && !g_interrupted; ++slave) {
        std::fprintf(stderr, "%s\n",
            qPrintable(
                Text::tr("scanning slave %1 of %2-%3").arg(slave).arg(m_options.fromSlave).arg(m_options.toSlave)));
        if (auto status = m_bus->setSlave(slave); !status)
            return deviceFailure(Text::tr("scan"), status.error());
        auto value = readProbeValue();
        if (value) {
            answered.append(slave);
            printOut(Text::tr("slave %1 answered").arg(slave));
            continue;
        }
        // A late answer or a dropped link must not spoil the next id.
        if (ModbusBus::isLinkError(value.error())) {
            m_bus->flush();
            if (m_options.profile.transport == TransportKind::ModbusTcp && !m_bus->connect())
                return deviceFailure(Text::tr("scan"), value.error());
        }
    }
    printErr(Text::tr("%n slave(s) answered", nullptr, int(answered.size())));
    return answered.isEmpty() ? ExitFailed : ExitOk;
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
    if (auto status = connectBus(); !status)
        return deviceFailure(Text::tr("read"), status.error());
    const int table = int(tables.indexOf(arguments.at(0)));
    std::vector<int> values;
    Error error;
    if (table < 2) {
        auto bits = table == 0 ? m_bus->readCoils(*address, *count) : m_bus->readDiscreteInputs(*address, *count);
        if (bits)
            values.assign(bits->begin(), bits->end());
        else
            error = bits.error();
    } else {
        auto words
            = table == 2 ? m_bus->readHoldingRegisters(*address, *count) : m_bus->readInputRegisters(*address, *count);
        if (words)
            values.assign(words->begin(), words->end());
        else
            error = words.error();
    }
    if (error.code != ErrorCode::Invalid)
        return deviceFailure(Text::tr("read"), error);
    for (size_t i = 0; i < values.size(); ++i)
        printOut(
            QStringLiteral("%1 %2").arg(*address + int(i)).arg(formatValue(values[i], m_options.hex && table >= 2)));
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
    if (auto status = connectBus(); !status)
        return deviceFailure(Text::tr("write"), status.error());
    auto status = coil ? m_bus->writeCoil(*address, *value != 0) : m_bus->writeRegister(*address, quint16(*value));
    if (!status)
        return deviceFailure(Text::tr("write"), status.error());
    printOut(Text::tr("OK wrote %1 to %2 %3").arg(*value).arg(arguments.at(0)).arg(*address));
    return ExitOk;
}

Result<GateSnapshot> GateCtl::readSnapshot()
{
    return readGateSnapshot(*m_bus, m_options.profile);
}

QString GateCtl::describe(const GateSnapshot &snapshot) const
{
    if (isRelay())
        return Text::tr("entry-input=%1 exit-input=%2 fire=%3 tamper=%4")
            .arg(int(snapshot.entryInput))
            .arg(int(snapshot.exitInput))
            .arg(int(snapshot.fireActive))
            .arg(int(snapshot.tamperInput));
    return Text::tr("entries=%1 exits=%2 error=%3 sensors=0x%4 fire=%5")
        .arg(snapshot.entryCount)
        .arg(snapshot.exitCount)
        .arg(snapshot.errorCode)
        .arg(snapshot.sensors, 4, 16, QLatin1Char('0'))
        .arg(int(snapshot.fireActive));
}

Status GateCtl::commandOpen(bool entry, int passes)
{
    const GateProfile &profile = m_options.profile;
    if (isRelay())
        return m_bus->writeCoil(entry ? profile.relay.entryCoil : profile.relay.exitCoil, true);
    const int address = entry ? profile.registers.entryPermission : profile.registers.exitPermission;
    return m_bus->writeRegister(address, quint16(passes));
}

// Closes what open() opened: the relay coil, or what is left of the turnstile permission.
Status GateCtl::endOpen(bool entry)
{
    const GateProfile &profile = m_options.profile;
    if (isRelay())
        return m_bus->writeCoil(entry ? profile.relay.entryCoil : profile.relay.exitCoil, false);
    return m_bus->writeRegister(entry ? profile.registers.entryPermission : profile.registers.exitPermission, 0);
}

// Polls until `passes` people went through or the pass timeout ran out; returns how many passed.
Result<int> GateCtl::waitForPassages(bool entry, int passes, const GateSnapshot &before)
{
    const GateProfile &profile = m_options.profile;
    QElapsedTimer clock;
    clock.start();
    GateSnapshot last = before;
    int passed = 0;
    bool coilOn = isRelay();
    while (passed < passes && clock.elapsed() < profile.passTimeoutMs && !g_interrupted) {
        QThread::msleep(static_cast<unsigned long>(profile.pollPeriodMs)); // the poll period, as the driver polls
        if (coilOn && clock.elapsed() >= profile.pulseMs) {
            if (auto status = endOpen(entry); !status)
                return std::unexpected(status.error());
            coilOn = false;
        }
        auto now = readSnapshot();
        if (!now)
            return std::unexpected(now.error());
        if (isRelay()) {
            const bool wasHigh = entry ? last.entryInput : last.exitInput;
            const bool isHigh = entry ? now->entryInput : now->exitInput;
            passed += (!wasHigh && isHigh) ? 1 : 0; // passage = rising edge
        } else {
            passed = int(entry ? now->entryCount - before.entryCount : now->exitCount - before.exitCount);
        }
        last = *now;
    }
    if (coilOn || passed < passes) {
        if (auto status = endOpen(entry); !status)
            return std::unexpected(status.error());
    }
    return passed;
}

int GateCtl::open()
{
    const QString side = m_options.arguments.value(0);
    if (m_options.arguments.size() != 1 || (side != QLatin1String("in") && side != QLatin1String("out")))
        return usageFailure(Text::tr("usage: open in|out [--passes N]"));
    const bool entry = side == QLatin1String("in");
    if (auto status = connectBus(); !status)
        return deviceFailure(Text::tr("open"), status.error());
    auto before = readSnapshot();
    if (!before)
        return deviceFailure(Text::tr("open"), before.error());
    if (auto status = commandOpen(entry, m_options.passes); !status)
        return deviceFailure(Text::tr("open"), status.error());
    auto passed = waitForPassages(entry, m_options.passes, *before);
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
template<typename Bus>
int GateCtl::pollLoop(Bus &bus, const QString &what, bool stampLines)
{
    std::optional<GateSnapshot> last;
    int lines = 0;
    while (!g_interrupted && (m_options.count == 0 || lines < m_options.count)) {
        auto now = readGateSnapshot(bus, m_options.profile);
        if (!now)
            return deviceFailure(what, now.error());
        if (!m_options.changesOnly || last != now) {
            printOut(stampLines ? QStringLiteral("%1 %2").arg(timestamp(), describe(*now)) : describe(*now));
            ++lines;
        }
        last = *now;
        QThread::msleep(static_cast<unsigned long>(m_options.profile.pollPeriodMs));
    }
    return ExitOk;
}

int GateCtl::watch()
{
    if (auto status = connectBus(); !status)
        return deviceFailure(Text::tr("watch"), status.error());
    return pollLoop(*m_bus, Text::tr("watch"), true);
}

// watch, with every frame on the wire shown: the stdout filter stamps all lines itself.
int GateCtl::monitor()
{
    if (auto status = MonitorBus::timestampStdout(); !status)
        return deviceFailure(Text::tr("monitor"), status.error());
    auto bus = MonitorBus::open(m_options.profile);
    if (!bus)
        return deviceFailure(Text::tr("monitor"), bus.error());
    return pollLoop(*bus, Text::tr("monitor"), false);
}

int GateCtl::selftest()
{
    int failures = 0;
    const auto step = [&failures](const QString &name, bool ok, const QString &detail) {
        printOut(QStringLiteral("%1 %2%3").arg(ok ? Text::tr("PASS") : Text::tr("FAIL"), name,
            detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
        failures += ok ? 0 : 1;
        return ok;
    };
    const Status connected = connectBus();
    if (!step(Text::tr("connect"), bool(connected), connected ? target() : connected.error().message))
        return ExitFailed;
    auto before = readSnapshot();
    if (!step(Text::tr("read inputs"), bool(before), before ? describe(*before) : before.error().message))
        return ExitFailed;
    step(Text::tr("fire input inactive"), !before->fireActive,
        before->fireActive ? Text::tr("fire alarm is active") : QString());
    const Status opened = commandOpen(true, 1);
    auto passed = opened ? waitForPassages(true, 1, *before) : Result<int>(std::unexpected(opened.error()));
    step(Text::tr("open entry and passage"), passed && *passed == 1,
        !passed
            ? passed.error().message
            : (*passed == 1 ? QString() : Text::tr("nobody passed within %1 ms").arg(m_options.profile.passTimeoutMs)));
    if (!isRelay()) {
        auto after = readSnapshot();
        step(Text::tr("entry counter advanced"), after && after->entryCount == before->entryCount + 1,
            after ? Text::tr("%1 -> %2").arg(before->entryCount).arg(after->entryCount) : after.error().message);
    }
    printOut(
        failures == 0 ? Text::tr("selftest PASS") : Text::tr("selftest FAIL (%n step(s) failed)", nullptr, failures));
    return failures == 0 ? ExitOk : ExitFailed;
}

} // namespace gymgate::gatectl
