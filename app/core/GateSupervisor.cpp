#include "core/GateSupervisor.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcGates, "gymgate.gates")

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(GateSupervisor)
};

} // namespace

const char *failPolicyName(FailPolicy policy)
{
    switch (policy) {
    case FailPolicy::FailSecure:
        return "fail-secure";
    case FailPolicy::FailOpen:
        return "fail-open";
    case FailPolicy::Invalid:
        break;
    }
    return "invalid";
}

FailPolicy failPolicyFromName(const QString &name)
{
    if (name == QLatin1String("fail-secure"))
        return FailPolicy::FailSecure;
    if (name == QLatin1String("fail-open"))
        return FailPolicy::FailOpen;
    return FailPolicy::Invalid;
}

const char *gateAvailabilityName(GateAvailability availability)
{
    switch (availability) {
    case GateAvailability::Ready:
        return "ready";
    case GateAvailability::Emergency:
        return "emergency";
    case GateAvailability::Offline:
        return "offline";
    case GateAvailability::OutOfOrder:
        return "out_of_order";
    case GateAvailability::Invalid:
        break;
    }
    return "invalid";
}

GateSupervisor::GateSupervisor(QObject *parent) : QObject(parent)
{ }

GateSupervisor::~GateSupervisor() = default;

void GateSupervisor::addGate(const SupervisedGate &config, GateDriver *driver)
{
    Gate gate;
    gate.config = config;
    gate.driver = driver;
    m_gates.insert(config.gateId, gate);
    m_order.append(config.gateId);
    const QString id = config.gateId;
    // Direct connections: the drivers report on this thread already (their I/O is queued to
    // it), and a fire alarm must not wait behind anything else.
    connect(driver, &GateDriver::fireAlarmChanged, this, [this, id](bool active) { onFire(id, active); });
    connect(driver, &GateDriver::connectedChanged, this, [this, id](bool connected) { onConnected(id, connected); });
    connect(driver, &GateDriver::fault, this, [this, id](const QString &message) { emit gateFault(id, message); });
    connect(driver, &QObject::destroyed, this, [this, id] {
        if (Gate *gone = find(id))
            gone->driver = nullptr;
    });
    refresh(m_gates[id]);
}

void GateSupervisor::start()
{
    for (const QString &id : std::as_const(m_order)) {
        if (const Gate *gate = find(id); gate && gate->driver != nullptr)
            gate->driver->start();
    }
}

void GateSupervisor::stop()
{
    for (const QString &id : std::as_const(m_order)) {
        if (const Gate *gate = find(id); gate && gate->driver != nullptr)
            gate->driver->stop();
    }
}

GateDriver *GateSupervisor::driver(const QString &gateId) const
{
    const Gate *gate = find(gateId);
    return gate ? gate->driver : nullptr;
}

FailPolicy GateSupervisor::failPolicy(const QString &gateId) const
{
    const Gate *gate = find(gateId);
    return gate ? gate->config.failPolicy : FailPolicy::Invalid;
}

GateAvailability GateSupervisor::availability(const QString &gateId) const
{
    const Gate *gate = find(gateId);
    return gate ? gate->availability : GateAvailability::Invalid;
}

bool GateSupervisor::fireInputActive() const
{
    for (const Gate &gate : m_gates) {
        if (gate.fireActive)
            return true;
    }
    return false;
}

void GateSupervisor::declareEmergency()
{
    qCWarning(lcGates) << "emergency declared by staff";
    setEmergency(true);
}

Status GateSupervisor::resetEmergency()
{
    if (fireInputActive()) {
        return fail(ErrorCode::Conflict,
            Text::tr("The fire alarm is still active. The emergency can only be reset once it has cleared."));
    }
    setEmergency(false);
    return {};
}

void GateSupervisor::recordFault(const QString &gateId, const QString &message)
{
    Gate *gate = find(gateId);
    if (!gate)
        return;
    ++gate->faultsInRow;
    qCWarning(lcGates) << "gate" << gateId << "fault" << gate->faultsInRow << "in a row:" << message;
    if (gate->outOfOrder || gate->faultsInRow < gate->config.faultLimit)
        return;
    gate->outOfOrder = true;
    emit gateFault(gateId,
        Text::tr(
            "Gate %1 is out of order after %n faults in a row. Check it, then clear it.", nullptr, gate->faultsInRow)
            .arg(gateId));
    applyMode(*gate);
    refresh(*gate);
}

void GateSupervisor::recordSuccess(const QString &gateId)
{
    if (Gate *gate = find(gateId))
        gate->faultsInRow = 0;
}

void GateSupervisor::reapplyMode(const QString &gateId)
{
    if (Gate *gate = find(gateId))
        applyMode(*gate);
}

Status GateSupervisor::clearOutOfOrder(const QString &gateId)
{
    Gate *gate = find(gateId);
    if (!gate)
        return fail(ErrorCode::NotFound, Text::tr("There is no gate %1.").arg(gateId), QStringLiteral("gateId"));
    gate->outOfOrder = false;
    gate->faultsInRow = 0;
    applyMode(*gate);
    refresh(*gate);
    return {};
}

void GateSupervisor::onFire(const QString &gateId, bool active)
{
    Gate *gate = find(gateId);
    if (!gate)
        return;
    gate->fireActive = active;
    qCWarning(lcGates) << "fire input on gate" << gateId << (active ? "active" : "clear");
    // The emergency stays latched when the input clears: staff reset it (DESIGN §7).
    if (active)
        setEmergency(true);
}

void GateSupervisor::onConnected(const QString &gateId, bool connected)
{
    Gate *gate = find(gateId);
    if (!gate)
        return;
    // A rebooted controller comes back in its power-on mode. The fire input keeps its last
    // known state while the link is down: the driver reports a change once it can read again.
    if (connected)
        applyMode(*gate);
    refresh(*gate);
}

void GateSupervisor::setEmergency(bool active)
{
    if (active == m_emergency)
        return;
    m_emergency = active;
    // Gates first, then the news: free passage must not wait for any listener.
    for (const QString &id : std::as_const(m_order))
        applyMode(m_gates[id]);
    emit emergencyChanged(active);
    for (const QString &id : std::as_const(m_order))
        refresh(m_gates[id]);
}

GateMode GateSupervisor::wantedMode(const Gate &gate) const
{
    if (m_emergency)
        return GateMode::Free;
    if (gate.outOfOrder)
        return gate.config.failPolicy == FailPolicy::FailOpen ? GateMode::Free : GateMode::Locked;
    return GateMode::Normal;
}

void GateSupervisor::applyMode(Gate &gate)
{
    if (gate.driver && gate.driver->status().connected)
        gate.driver->setMode(wantedMode(gate));
}

GateAvailability GateSupervisor::computeAvailability(const Gate &gate) const
{
    if (m_emergency)
        return GateAvailability::Emergency;
    if (gate.outOfOrder)
        return GateAvailability::OutOfOrder;
    if (!gate.driver || !gate.driver->status().connected)
        return GateAvailability::Offline;
    return GateAvailability::Ready;
}

void GateSupervisor::refresh(Gate &gate)
{
    const GateAvailability now = computeAvailability(gate);
    if (now == gate.availability)
        return;
    gate.availability = now;
    emit availabilityChanged(gate.config.gateId, now);
}

GateSupervisor::Gate *GateSupervisor::find(const QString &gateId)
{
    const auto it = m_gates.find(gateId);
    return it == m_gates.end() ? nullptr : &it.value();
}

const GateSupervisor::Gate *GateSupervisor::find(const QString &gateId) const
{
    const auto it = m_gates.constFind(gateId);
    return it == m_gates.constEnd() ? nullptr : &it.value();
}

} // namespace gymgate
