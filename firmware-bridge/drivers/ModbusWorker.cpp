#include "drivers/ModbusWorker.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

#include "drivers/ModbusGateCommands.h"

Q_LOGGING_CATEGORY(lcModbusWorker, "gymgate.bridge.worker")

namespace gymgate::bridge {

namespace {

constexpr int InitialBackoffMs = 200;
constexpr int MaxBackoffMs = 5000;
constexpr int TamperBit = 3;

quint32 counterValue(const std::vector<quint16> &registers, size_t index)
{
    // Controllers send the high word first.
    return (quint32(registers.at(index)) << 16) | registers.at(index + 1);
}

bool bitAt(const std::vector<bool> &bits, int index)
{
    return index >= 0 && size_t(index) < bits.size() && bits[size_t(index)];
}

int nextBackoffMs(int backoffMs)
{
    return std::min(backoffMs * 2, MaxBackoffMs);
}

QString notConnectedMessage()
{
    return QCoreApplication::translate("GateDriver", "The gate is not connected; the command was not sent.");
}

} // namespace

ModbusWorker::ModbusWorker(GateProfile line, QObject *parent)
    : QObject(parent), m_line(std::move(line)), m_pollTimer(this), m_reconnectTimer(this), m_backoffMs(InitialBackoffMs)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ModbusWorker::poll);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ModbusWorker::tryConnect);
}

ModbusWorker::~ModbusWorker() = default;

ModbusWorker::Gate *ModbusWorker::gate(int gateId)
{
    const auto found
        = std::find_if(m_gates.begin(), m_gates.end(), [gateId](const auto &gate) { return gate->id == gateId; });
    return found == m_gates.end() ? nullptr : found->get();
}

bool ModbusWorker::anyRunning() const
{
    return std::any_of(m_gates.begin(), m_gates.end(), [](const auto &gate) { return gate->running; });
}

void ModbusWorker::addGate(int gateId, const GateProfile &profile)
{
    auto added = std::make_unique<Gate>();
    added->id = gateId;
    added->profile = profile;
    added->status.mode = GateMode::Normal;
    added->backoffMs = InitialBackoffMs;
    m_gates.push_back(std::move(added));
}

void ModbusWorker::removeGate(int gateId)
{
    stopGate(gateId);
    std::erase_if(m_gates, [gateId](const auto &gate) { return gate->id == gateId; });
}

void ModbusWorker::startGate(int gateId)
{
    Gate *started = gate(gateId);
    if (!started || started->running)
        return;
    started->running = true;
    started->haveBaseline = false;
    started->offline = false;
    if (m_bus) {
        setGateConnected(*started, true);
        restartPollTimer();
    } else if (!m_reconnectTimer.isActive()) {
        m_backoffMs = InitialBackoffMs;
        tryConnect();
    }
}

void ModbusWorker::stopGate(int gateId)
{
    Gate *stopped = gate(gateId);
    if (!stopped || !stopped->running)
        return;
    if (m_bus && stopped->pulseCoil >= 0)
        endPulse(*stopped);
    stopped->running = false;
    setGateConnected(*stopped, false);
    if (!anyRunning())
        closeLine();
}

void ModbusWorker::stopAll()
{
    for (const auto &each : m_gates)
        stopGate(each->id);
    closeLine();
}

void ModbusWorker::closeLine()
{
    m_pollTimer.stop();
    m_reconnectTimer.stop();
    m_bus.reset();
}

void ModbusWorker::tryConnect()
{
    if (!anyRunning())
        return;
    Result<ModbusBus> bus
        = m_line.transport == TransportKind::ModbusRtu ? ModbusBus::rtu(m_line.serial) : ModbusBus::tcp(m_line.tcp);
    Status ready = bus ? bus->setResponseTimeoutMs(m_line.timeoutMs) : Status(std::unexpected(bus.error()));
    if (ready)
        ready = bus->connect();
    if (!ready) {
        qCDebug(lcModbusWorker) << "connect failed:" << ready.error().message;
        scheduleReconnect();
        return;
    }
    m_bus.emplace(std::move(*bus));
    m_backoffMs = InitialBackoffMs;
    for (const auto &each : m_gates) {
        if (!each->running)
            continue;
        each->haveBaseline = false;
        each->offline = false;
        setGateConnected(*each, true);
    }
    restartPollTimer();
    poll();
}

void ModbusWorker::restartPollTimer()
{
    int periodMs = 1000;
    for (const auto &each : m_gates) {
        if (each->running)
            periodMs = std::min(periodMs, each->profile.pollPeriodMs);
    }
    m_pollTimer.start(periodMs);
}

void ModbusWorker::scheduleReconnect()
{
    m_reconnectTimer.start(m_backoffMs);
    m_backoffMs = nextBackoffMs(m_backoffMs);
}

void ModbusWorker::lineLost(const Error &error)
{
    qCInfo(lcModbusWorker) << "link lost:" << error.message;
    closeLine();
    const QString message
        = QCoreApplication::translate("GateDriver", "Lost the connection to the gate: %1").arg(error.message);
    for (const auto &each : m_gates) {
        each->pulseCoil = -1;
        if (each->status.connected)
            reportFault(*each, message);
        setGateConnected(*each, false);
    }
    if (anyRunning())
        scheduleReconnect();
}

void ModbusWorker::setGateConnected(Gate &target, bool connected)
{
    const bool effective = connected && target.running;
    if (effective == target.status.connected)
        return;
    target.status.connected = effective;
    emit statusChanged(target.id, target.status);
    emit connectedChanged(target.id, effective);
}

bool ModbusWorker::select(Gate &target)
{
    return check(target, m_bus->setSlave(target.profile.slaveId));
}

// Returns true when the call went through. A Modbus exception is a fault the staff should see,
// but the link is fine. A slave that times out on a line shared with other gates goes offline
// alone; any other failure drops the line and starts the reconnect backoff.
bool ModbusWorker::check(Gate &target, const Status &status)
{
    if (status)
        return true;
    const Error &error = status.error();
    if (!ModbusBus::isLinkError(error))
        reportFault(target, error.message);
    else if (error.code == ErrorCode::Timeout && m_gates.size() > 1)
        takeOffline(target, error);
    else
        lineLost(error);
    return false;
}

void ModbusWorker::takeOffline(Gate &target, const Error &error)
{
    qCInfo(lcModbusWorker) << "slave" << target.profile.slaveId << "not answering:" << error.message;
    m_bus->flush();
    target.offline = true;
    target.haveBaseline = false;
    target.retryAt.setRemainingTime(target.backoffMs);
    target.backoffMs = nextBackoffMs(target.backoffMs);
    setGateConnected(target, false);
}

void ModbusWorker::open(int gateId, Direction direction, int passes)
{
    Gate *target = gate(gateId);
    if (!target)
        return;
    if (!m_bus || !target->status.connected) {
        emit fault(gateId, notConnectedMessage());
        return;
    }
    if (!select(*target) || !check(*target, writeOpen(*target, direction, passes)))
        return;
    armPassTimeout(*target, direction);
    emit opened(gateId, direction);
}

Status ModbusWorker::writeOpen(Gate &target, Direction direction, int passes)
{
    const bool out = direction == Direction::Out;
    if (target.profile.kind == ProfileKind::Relay) {
        const int coil = out ? target.profile.relay.exitCoil : target.profile.relay.entryCoil;
        // One pulse at a time: a coil still on from the other direction is released first.
        if (target.pulseCoil >= 0 && target.pulseCoil != coil)
            endPulse(target);
        if (!m_bus)
            return fail(ErrorCode::Device, notConnectedMessage()); // the line is already being re-established
        Status written = m_bus->writeCoil(coil, true);
        if (written) {
            target.pulseCoil = coil;
            target.pulseEnd.setRemainingTime(target.profile.pulseMs);
        }
        return written;
    }
    const RegisterMap &map = target.profile.registers;
    const auto count = quint16(std::clamp(passes, 1, int(PermissionFree) - 1));
    return m_bus->writeRegister(out ? map.exitPermission : map.entryPermission, count);
}

void ModbusWorker::endPulse(Gate &target)
{
    const int coil = std::exchange(target.pulseCoil, -1);
    if (select(target))
        check(target, m_bus->writeCoil(coil, false));
}

Status ModbusWorker::writeMode(Gate &target, GateMode mode)
{
    return writeGateMode(*m_bus, target.profile, mode);
}

void ModbusWorker::setMode(int gateId, GateMode mode)
{
    Gate *target = gate(gateId);
    if (!target)
        return;
    if (!m_bus || !target->status.connected) {
        emit fault(gateId, notConnectedMessage());
        return;
    }
    if (!select(*target) || !check(*target, writeMode(*target, mode)))
        return;
    target->status.mode = mode;
    emit statusChanged(gateId, target->status);
}

void ModbusWorker::poll()
{
    for (size_t index = 0; index < m_gates.size() && m_bus; ++index)
        pollGate(*m_gates[index]);
}

void ModbusWorker::pollGate(Gate &target)
{
    if (!target.running)
        return;
    if (target.offline && !target.retryAt.hasExpired())
        return;
    if (!select(target))
        return;
    if (target.pulseCoil >= 0 && target.pulseEnd.hasExpired()) {
        endPulse(target);
        if (!m_bus)
            return;
    }
    const bool read = target.profile.kind == ProfileKind::Relay ? pollRelay(target) : pollRegisters(target);
    if (!read)
        return;
    target.lastFault.clear();
    if (target.offline) {
        target.offline = false;
        target.backoffMs = InitialBackoffMs;
        setGateConnected(target, true);
    }
    checkPassTimeouts(target);
}

bool ModbusWorker::pollRelay(Gate &target)
{
    const RelayMap &map = target.profile.relay;
    const int count = std::max({map.entryInput, map.exitInput, map.fireInput, map.tamperInput}) + 1;
    Result<std::vector<bool>> inputs = m_bus->readDiscreteInputs(0, count);
    if (!inputs)
        return check(target, std::unexpected(inputs.error()));
    const bool entry = bitAt(*inputs, map.entryInput);
    const bool exit = bitAt(*inputs, map.exitInput);
    if (target.haveBaseline && entry && !target.entryInput)
        notePassage(target, Direction::In, 1);
    if (target.haveBaseline && exit && !target.exitInput)
        notePassage(target, Direction::Out, 1);
    target.entryInput = entry;
    target.exitInput = exit;
    target.haveBaseline = true;
    if (map.fireInput >= 0) {
        const bool level = bitAt(*inputs, map.fireInput);
        updateFire(target, map.fireContact == FireContact::NormallyClosed ? !level : level);
    }
    if (map.tamperInput >= 0)
        updateTamper(target, bitAt(*inputs, map.tamperInput));
    return true;
}

bool ModbusWorker::pollRegisters(Gate &target)
{
    const RegisterMap &map = target.profile.registers;
    const int first = std::min({map.entryCounter, map.exitCounter, map.errorCode, map.sensors});
    const int last = std::max({map.entryCounter + 1, map.exitCounter + 1, map.errorCode, map.sensors});
    Result<std::vector<quint16>> registers = m_bus->readInputRegisters(first, last - first + 1);
    if (!registers)
        return check(target, std::unexpected(registers.error()));
    const quint32 entry = counterValue(*registers, size_t(map.entryCounter - first));
    const quint32 exit = counterValue(*registers, size_t(map.exitCounter - first));
    GateStatus &status = target.status;
    if (target.haveBaseline) {
        // Unsigned subtraction is modulo 2^32, so a counter that wraps still gives the right delta.
        const quint32 entryDelta = entry - status.entryCount;
        const quint32 exitDelta = exit - status.exitCount;
        if (entryDelta > 0)
            notePassage(target, Direction::In, int(std::min<quint32>(entryDelta, 0xFFFF)));
        if (exitDelta > 0)
            notePassage(target, Direction::Out, int(std::min<quint32>(exitDelta, 0xFFFF)));
    }
    target.haveBaseline = true;
    const bool countersChanged = entry != status.entryCount || exit != status.exitCount;
    status.entryCount = entry;
    status.exitCount = exit;
    const quint16 sensors = registers->at(size_t(map.sensors - first));
    updateFire(target, ((sensors >> map.fireBit) & 1U) != 0);
    updateTamper(target, ((sensors >> TamperBit) & 1U) != 0);
    updateErrorCode(target, registers->at(size_t(map.errorCode - first)));
    if (countersChanged)
        emit statusChanged(target.id, status);
    return true;
}

void ModbusWorker::armPassTimeout(Gate &target, Direction direction)
{
    PendingPass &pass = direction == Direction::Out ? target.pendingOut : target.pendingIn;
    pass.waiting = true;
    pass.deadline.setRemainingTime(target.profile.passTimeoutMs);
}

void ModbusWorker::notePassage(Gate &target, Direction direction, int count)
{
    (direction == Direction::Out ? target.pendingOut : target.pendingIn).waiting = false;
    emit passed(target.id, direction, count);
}

void ModbusWorker::checkPassTimeouts(Gate &target)
{
    for (Direction direction : {Direction::In, Direction::Out}) {
        PendingPass &pass = direction == Direction::Out ? target.pendingOut : target.pendingIn;
        if (pass.waiting && pass.deadline.hasExpired()) {
            pass.waiting = false;
            emit passTimedOut(target.id, direction);
        }
    }
}

void ModbusWorker::updateFire(Gate &target, bool active)
{
    if (active == target.status.fireActive)
        return;
    target.status.fireActive = active;
    emit statusChanged(target.id, target.status);
    emit fireAlarmChanged(target.id, active);
}

void ModbusWorker::updateTamper(Gate &target, bool active)
{
    if (active == target.status.tamperActive)
        return;
    target.status.tamperActive = active;
    emit statusChanged(target.id, target.status);
    emit tamperChanged(target.id, active);
}

void ModbusWorker::updateErrorCode(Gate &target, int code)
{
    if (code == target.status.errorCode)
        return;
    target.status.errorCode = code;
    if (code != 0)
        reportFault(target,
            QCoreApplication::translate("GateDriver", "The turnstile controller reports error code %1.").arg(code));
    emit statusChanged(target.id, target.status);
}

void ModbusWorker::reportFault(Gate &target, const QString &message)
{
    if (message == target.lastFault)
        return;
    target.lastFault = message;
    emit fault(target.id, message);
}

} // namespace gymgate::bridge
