#include "tech/SupervisorGateControl.h"

#include "core/GateDriver.h"
#include "core/GateSupervisor.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/GateRepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SupervisorGateControl)
};

const QString kGateEntity = QStringLiteral("gate");
constexpr int kMaxReasonLength = 200;

} // namespace

SupervisorGateControl::SupervisorGateControl(
    GateSupervisor *supervisor, Database &db, const Clock &clock, QObject *parent)
    : GateControl(parent), m_supervisor(supervisor), m_db(db), m_clock(clock)
{
    if (!supervisor)
        return;
    connect(supervisor, &GateSupervisor::emergencyChanged, this, &GateControl::changed);
    connect(supervisor, &GateSupervisor::availabilityChanged, this, &GateControl::changed);
    // The supervisor says nothing when a fire input clears (the emergency stays latched), but
    // that is when staff may reset it: listen to the drivers too. Connected after the
    // supervisor, so it has taken the news when changed() goes out.
    for (const QString &gateId : supervisor->gateIds()) {
        if (GateDriver *driver = supervisor->driver(gateId))
            connect(driver, &GateDriver::fireAlarmChanged, this, &GateControl::changed);
    }
}

bool SupervisorGateControl::hasGateService() const
{
    return m_supervisor && !m_supervisor->gateIds().isEmpty();
}

bool SupervisorGateControl::emergency() const
{
    return m_supervisor && m_supervisor->emergency();
}

bool SupervisorGateControl::fireInputActive() const
{
    return m_supervisor && m_supervisor->fireInputActive();
}

QList<OutOfOrderGate> SupervisorGateControl::outOfOrderGates() const
{
    QList<OutOfOrderGate> gates;
    if (!m_supervisor)
        return gates;
    for (const QString &gateId : m_supervisor->gateIds()) {
        if (m_supervisor->availability(gateId) == GateAvailability::OutOfOrder)
            gates.append(OutOfOrderGate {gateId, gateName(gateId)});
    }
    return gates;
}

Status SupervisorGateControl::declareEmergency(const StaffSession &session, const QString &reason)
{
    if (Status allowed = requirePermission(session, Permission::ResetEmergency); !allowed)
        return allowed;
    if (Status service = requireService(); !service)
        return service;
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(
            ErrorCode::InvalidArgument, Text::tr("Say why you declare the emergency."), QStringLiteral("reason"));
    if (why.size() > kMaxReasonLength) {
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The reason is too long (at most %1 characters).").arg(kMaxReasonLength),
            QStringLiteral("reason"));
    }
    if (m_supervisor->emergency())
        return fail(ErrorCode::Conflict, Text::tr("The emergency is already on: every gate is free."));
    // The audit row commits first and the gates change after: a failed commit leaves them as
    // they were and the clerk is told so. Nothing runs between on this (the GUI) thread that
    // could change the supervisor's mind.
    if (Status audited
        = audit(session, QStringLiteral("gate.emergency_declared"), {}, QJsonObject {{QStringLiteral("reason"), why}});
        !audited)
        return audited;
    m_supervisor->declareEmergency();
    return {};
}

Status SupervisorGateControl::resetEmergency(const StaffSession &session)
{
    if (Status allowed = requirePermission(session, Permission::ResetEmergency); !allowed)
        return allowed;
    if (Status service = requireService(); !service)
        return service;
    if (!m_supervisor->emergency())
        return fail(ErrorCode::Conflict, Text::tr("There is no emergency to reset."));
    // Refused before anything is written, with the supervisor's own words.
    if (m_supervisor->fireInputActive())
        return m_supervisor->resetEmergency();
    if (Status audited = audit(session, QStringLiteral("gate.emergency_reset"), {}, QJsonObject {}); !audited)
        return audited;
    return m_supervisor->resetEmergency();
}

Status SupervisorGateControl::clearOutOfOrder(const StaffSession &session, const QString &gateId)
{
    if (Status allowed = requirePermission(session, Permission::ResetEmergency); !allowed)
        return allowed;
    if (Status service = requireService(); !service)
        return service;
    if (!m_supervisor->gateIds().contains(gateId)) {
        return fail(ErrorCode::NotFound, Text::tr("This desk's gate service does not drive that gate."),
            QStringLiteral("gateId"));
    }
    const QString name = gateName(gateId);
    const GateAvailability availability = m_supervisor->availability(gateId);
    if (availability == GateAvailability::Emergency) {
        return fail(ErrorCode::Conflict,
            Text::tr("Every gate is free during the emergency. Reset the emergency first, then clear %1.").arg(name),
            QStringLiteral("gateId"));
    }
    if (availability != GateAvailability::OutOfOrder)
        return fail(ErrorCode::Conflict, Text::tr("%1 is not out of order.").arg(name), QStringLiteral("gateId"));
    if (Status audited = audit(session, QStringLiteral("gate.out_of_order_cleared"), gateId,
            QJsonObject {{QStringLiteral("gateId"), gateId}, {QStringLiteral("name"), name}});
        !audited)
        return audited;
    return m_supervisor->clearOutOfOrder(gateId);
}

// Commits the action's audit row on its own: the caller acts only once it is durable.
Status SupervisorGateControl::audit(
    const StaffSession &session, const QString &action, const QString &entityId, const QJsonObject &detail)
{
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction([&]() -> Status {
        return AuditLog(m_db).append(session.staffId, action, kGateEntity, entityId, detail, nowMs);
    });
}

Status SupervisorGateControl::requireService() const
{
    if (hasGateService())
        return {};
    return fail(ErrorCode::Conflict, Text::tr("This desk drives no gate."));
}

QString SupervisorGateControl::gateName(const QString &gateId) const
{
    Result<std::optional<GateConfig>> gate = GateRepository(m_db).findById(gateId);
    if (gate && *gate && !(*gate)->name.isEmpty())
        return (*gate)->name;
    return gateId; // not saved here (or the database failed): the id still tells staff which
}

} // namespace gymgate
