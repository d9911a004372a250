// Included by its own folder so lupdate, which only knows app/ as an include path, sees the class
// and files Text::tr in its member functions under GateDiagnostics.
#include "GateDiagnostics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <utility>

#include "drivers/ModbusGateCommands.h"

namespace gymgate::bridge {

namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GateDiagnostics)
};

template<typename Values>
Result<std::vector<int>> toInts(const Result<Values> &values)
{
    if (!values)
        return std::unexpected(values.error());
    return std::vector<int>(values->begin(), values->end());
}

// A failed probe is about the slave id unless the link itself is gone.
Error aboutSlave(Error error)
{
    if (error.field.isEmpty() && !ModbusBus::isLinkError(error))
        error.field = QStringLiteral("slaveId");
    return error;
}

} // namespace

int SelfTestResult::failures() const
{
    return int(std::count_if(steps.begin(), steps.end(), [](const SelfTestStep &step) { return !step.passed; }));
}

QJsonObject SelfTestResult::toJson() const
{
    QJsonArray stepsJson;
    for (const SelfTestStep &step : steps)
        stepsJson.append(QJsonObject {{QStringLiteral("name"), step.name}, {QStringLiteral("passed"), step.passed},
            {QStringLiteral("message"), step.message}});
    return QJsonObject {{QStringLiteral("atMs"), atMs}, {QStringLiteral("passed"), passed()},
        {QStringLiteral("stoppedEarly"), stoppedEarly}, {QStringLiteral("steps"), stepsJson}};
}

GateDiagnostics::GateDiagnostics(GateProfile profile) : m_profile(std::move(profile))
{ }

QString GateDiagnostics::target() const
{
    if (m_profile.transport == TransportKind::ModbusTcp)
        return QStringLiteral("%1:%2").arg(m_profile.tcp.host).arg(m_profile.tcp.port);
    return m_profile.serial.device;
}

// serial-text boards have their own protocol and no registers to diagnose here.
Status GateDiagnostics::checkProfile() const
{
    if (m_profile.kind != ProfileKind::Relay && m_profile.kind != ProfileKind::TurnstileRegisters)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("gate diagnostics need a relay or turnstile-registers profile, not %1")
                .arg(QString::fromLatin1(profileKindName(m_profile.kind))),
            QStringLiteral("kind"));
    if (m_profile.transport != TransportKind::ModbusTcp && m_profile.transport != TransportKind::ModbusRtu)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("gate diagnostics need a modbus-tcp or modbus-rtu transport, not %1")
                .arg(QString::fromLatin1(transportKindName(m_profile.transport))),
            QStringLiteral("transport"));
    return {};
}

Status GateDiagnostics::requireConnected() const
{
    if (!isConnected())
        return fail(ErrorCode::Device, Text::tr("not connected to %1").arg(target()), QStringLiteral("transport"));
    return {};
}

Status GateDiagnostics::connect()
{
    if (auto checked = checkProfile(); !checked)
        return checked;
    m_bus.reset();
    auto bus = m_profile.transport == TransportKind::ModbusTcp ? ModbusBus::tcp(m_profile.tcp)
                                                               : ModbusBus::rtu(m_profile.serial);
    if (!bus)
        return std::unexpected(bus.error());
    if (auto status = bus->setResponseTimeoutMs(m_profile.timeoutMs); !status)
        return status;
    if (auto status = bus->setSlave(m_profile.slaveId); !status)
        return status;
    if (auto status = bus->setDebug(m_debug); !status)
        return status;
    if (auto status = bus->connect(); !status)
        return fail(status.error().code, Text::tr("cannot connect to %1: %2").arg(target(), status.error().message),
            QStringLiteral("transport"));
    m_bus.emplace(std::move(*bus));
    return {};
}

void GateDiagnostics::setDebug(bool on)
{
    m_debug = on;
    if (m_bus)
        (void)m_bus->setDebug(on); // fails only without a context, which a connected bus has
}

void GateDiagnostics::close()
{
    m_bus.reset();
}

Result<quint16> GateDiagnostics::readProbeValue()
{
    if (isRelay()) {
        auto bits = m_bus->readDiscreteInputs(m_profile.relay.entryInput, 1);
        if (!bits)
            return std::unexpected(aboutSlave(bits.error()));
        return quint16(bits->front() ? 1 : 0);
    }
    auto words = m_bus->readInputRegisters(m_profile.registers.errorCode, 1);
    if (!words)
        return std::unexpected(aboutSlave(words.error()));
    return words->front();
}

Result<ProbeResult> GateDiagnostics::probe()
{
    if (auto connected = requireConnected(); !connected)
        return std::unexpected(connected.error());
    QElapsedTimer clock;
    clock.start();
    auto value = readProbeValue();
    if (value)
        return ProbeResult {*value, clock.nsecsElapsed()};
    // Silence is what a wrong slave id, baud or parity gives on RTU; a TCP gateway answers for
    // a missing slave with an exception. Either way, say which slave and where.
    const Error &error = value.error();
    if (error.code == ErrorCode::Timeout)
        return fail(error.code,
            Text::tr("slave %1 at %2 did not answer within %3 ms (%4)")
                .arg(m_profile.slaveId)
                .arg(target())
                .arg(m_profile.timeoutMs)
                .arg(error.message),
            QStringLiteral("slaveId"));
    if (error.code == ErrorCode::Device)
        return fail(error.code,
            Text::tr("slave %1 at %2 answered with an exception (%3)")
                .arg(m_profile.slaveId)
                .arg(target(), error.message),
            QStringLiteral("slaveId"));
    return std::unexpected(value.error());
}

Result<GateSnapshot> GateDiagnostics::readSnapshot()
{
    if (auto connected = requireConnected(); !connected)
        return std::unexpected(connected.error());
    return readGateSnapshot(*m_bus, m_profile);
}

Result<std::vector<int>> GateDiagnostics::readTable(ModbusTable table, int address, int count)
{
    if (auto connected = requireConnected(); !connected)
        return std::unexpected(connected.error());
    switch (table) {
    case ModbusTable::Coils:
        return toInts(m_bus->readCoils(address, count));
    case ModbusTable::DiscreteInputs:
        return toInts(m_bus->readDiscreteInputs(address, count));
    case ModbusTable::HoldingRegisters:
        return toInts(m_bus->readHoldingRegisters(address, count));
    case ModbusTable::InputRegisters:
        return toInts(m_bus->readInputRegisters(address, count));
    case ModbusTable::Invalid:
        break;
    }
    return fail(ErrorCode::InvalidArgument, Text::tr("unknown Modbus table"), QStringLiteral("table"));
}

Status GateDiagnostics::writeCoil(int address, bool on)
{
    if (auto connected = requireConnected(); !connected)
        return connected;
    return m_bus->writeCoil(address, on);
}

Status GateDiagnostics::writeRegister(int address, quint16 value)
{
    if (auto connected = requireConnected(); !connected)
        return connected;
    return m_bus->writeRegister(address, value);
}

Result<ScanResult> GateDiagnostics::scan(int fromSlaveId, int toSlaveId, const ScanCallback &progress)
{
    if (auto connected = requireConnected(); !connected)
        return std::unexpected(connected.error());
    ScanResult result;
    ScanProgress step {0, fromSlaveId, toSlaveId, false, false};
    const auto report = [&](bool tried, bool answered) {
        step.tried = tried;
        step.answered = answered;
        return !progress || progress(step);
    };
    for (int slave = fromSlaveId; slave <= toSlaveId; ++slave) {
        step.slaveId = slave;
        if (cancelled() || !report(false, false)) {
            result.cancelled = true;
            break;
        }
        if (auto status = m_bus->setSlave(slave); !status)
            return std::unexpected(status.error());
        auto value = readProbeValue();
        if (value)
            result.answeredSlaveIds.append(slave);
        // A late answer or a dropped link must not spoil the next id.
        if (!value && ModbusBus::isLinkError(value.error())) {
            m_bus->flush();
            if (m_profile.transport == TransportKind::ModbusTcp && !m_bus->connect())
                return std::unexpected(value.error());
        }
        if (!report(true, bool(value))) {
            result.cancelled = slave < toSlaveId;
            break;
        }
    }
    if (auto status = m_bus->setSlave(m_profile.slaveId); !status)
        return std::unexpected(status.error());
    return result;
}

Status GateDiagnostics::open(Direction direction, int passes)
{
    if (auto connected = requireConnected(); !connected)
        return connected;
    const bool entry = direction != Direction::Out;
    if (isRelay())
        return m_bus->writeCoil(entry ? m_profile.relay.entryCoil : m_profile.relay.exitCoil, true);
    const int address = entry ? m_profile.registers.entryPermission : m_profile.registers.exitPermission;
    return m_bus->writeRegister(address, quint16(std::clamp(passes, 1, int(PermissionFree) - 1)));
}

Status GateDiagnostics::endOpen(Direction direction)
{
    if (auto connected = requireConnected(); !connected)
        return connected;
    const bool entry = direction != Direction::Out;
    if (isRelay())
        return m_bus->writeCoil(entry ? m_profile.relay.entryCoil : m_profile.relay.exitCoil, false);
    return m_bus->writeRegister(entry ? m_profile.registers.entryPermission : m_profile.registers.exitPermission, 0);
}

// The same meaning as the gate service gives a mode (writeGateMode).
Status GateDiagnostics::setMode(GateMode mode)
{
    if (auto connected = requireConnected(); !connected)
        return connected;
    if (mode == GateMode::Invalid)
        return fail(ErrorCode::InvalidArgument, Text::tr("no gate mode given"), QStringLiteral("mode"));
    return writeGateMode(*m_bus, m_profile, mode);
}

// A released gate must not stay released because a read failed on the way: the coil goes off
// (or the permission back to 0) before any error is returned, reconnecting once if the link
// dropped.
Status GateDiagnostics::closeAfterError(Direction direction)
{
    Status closed = endOpen(direction);
    if (!closed && ModbusBus::isLinkError(closed.error()) && connect())
        closed = endOpen(direction);
    return closed;
}

Result<int> GateDiagnostics::waitForPassages(Direction direction, int passes, const GateSnapshot &before)
{
    const bool entry = direction != Direction::Out;
    QElapsedTimer clock;
    clock.start();
    GateSnapshot last = before;
    int passed = 0;
    bool coilOn = isRelay();
    while (passed < passes && clock.elapsed() < m_profile.passTimeoutMs && !cancelled()) {
        QThread::msleep(static_cast<unsigned long>(m_profile.pollPeriodMs)); // the poll period, as the driver polls
        if (coilOn && clock.elapsed() >= m_profile.pulseMs) {
            if (auto status = closeAfterError(direction); !status)
                return std::unexpected(status.error());
            coilOn = false;
        }
        auto now = readSnapshot();
        if (!now) {
            closeAfterError(direction); // best effort: the read error is what the caller needs
            return std::unexpected(now.error());
        }
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
        if (auto status = closeAfterError(direction); !status)
            return std::unexpected(status.error());
    }
    return passed;
}

SelfTestResult GateDiagnostics::selfTest(const SelfTestStepCallback &onStep)
{
    SelfTestResult result;
    result.atMs = QDateTime::currentMSecsSinceEpoch();
    const auto step = [&](const QString &name, bool ok, const QString &message) {
        result.steps.append(SelfTestStep {name, ok, message});
        if (onStep)
            onStep(result.steps.constLast());
        return ok;
    };
    const Status connected = isConnected() ? Status {} : connect();
    result.stoppedEarly = true;
    if (!step(Text::tr("connect"), bool(connected), connected ? target() : connected.error().message))
        return result;
    auto before = readSnapshot();
    if (!step(
            Text::tr("read inputs"), bool(before), before ? describe(*before, m_profile.kind) : before.error().message))
        return result;
    result.stoppedEarly = false;
    step(Text::tr("fire input inactive"), !before->fireActive,
        before->fireActive ? Text::tr("fire alarm is active") : QString());
    const Status opened = open(Direction::In, 1);
    auto passed = opened ? waitForPassages(Direction::In, 1, *before) : Result<int>(std::unexpected(opened.error()));
    step(Text::tr("open entry and passage"), passed && *passed == 1,
        !passed ? passed.error().message
                : (*passed == 1 ? QString() : Text::tr("nobody passed within %1 ms").arg(m_profile.passTimeoutMs)));
    if (!isRelay()) {
        auto after = readSnapshot();
        step(Text::tr("entry counter advanced"), after && after->entryCount == before->entryCount + 1,
            after ? Text::tr("%1 -> %2").arg(before->entryCount).arg(after->entryCount) : after.error().message);
    }
    return result;
}

QString GateDiagnostics::describe(const GateSnapshot &snapshot, ProfileKind kind)
{
    if (kind == ProfileKind::Relay)
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

} // namespace gymgate::bridge
