#include "GateWiring.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include "drivers/ModbusGateDriver.h"
#include "drivers/ModbusLine.h"
#include "drivers/SerialTextGateDriver.h"
#include "protocol/GateProfile.h"

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(GateWiring)
};

// Gates with the same key hang on the same wire.
QString lineKey(const bridge::GateProfile &profile)
{
    if (profile.transport == bridge::TransportKind::ModbusTcp)
        return QStringLiteral("tcp:%1:%2").arg(profile.tcp.host).arg(profile.tcp.port);
    return QStringLiteral("rtu:") + profile.serial.device;
}

FailPolicy failPolicyOf(GateFailMode mode)
{
    return mode == GateFailMode::Open ? FailPolicy::FailOpen : FailPolicy::FailSecure;
}

} // namespace

GateWiring::GateWiring() = default;

GateWiring::~GateWiring()
{
    // Drivers before the lines their workers run on.
    m_drivers.clear();
    m_lines.clear();
}

Status GateWiring::build(const QList<GateConfig> &gates, GateSupervisor &supervisor)
{
    for (const GateConfig &gate : gates) {
        QString problem;
        std::unique_ptr<GateDriver> driver
            = makeDriver(QJsonDocument(gate.profile).toJson(QJsonDocument::Compact), &problem);
        if (!driver) {
            m_problems.append(Text::tr("Gate %1 is not used: %2").arg(gate.name, problem));
            logWarning(m_problems.last());
            continue;
        }
        supervisor.addGate({gate.id, failPolicyOf(gate.failMode), 3}, driver.get());
        m_drivers.push_back(std::move(driver));
        m_gateNames.insert(gate.name, gate.id);
        m_gateTitles.insert(gate.id, gate.name);
        const QJsonObject transport = gate.profile.value(QStringLiteral("transport")).toObject();
        if (transport.value(QStringLiteral("type")).toString() != QLatin1String("modbus-tcp"))
            m_serialDevices.insert(gate.id, transport.value(QStringLiteral("device")).toString());
        if (gate.direction == GateDirection::In || gate.direction == GateDirection::Both)
            m_lanes.append({gate.id, gate.id, gate.zoneId, Direction::In});
        if (gate.direction == GateDirection::Out || gate.direction == GateDirection::Both)
            m_lanes.append({gate.id + QStringLiteral(":out"), gate.id, gate.zoneId, Direction::Out});
    }
    if (m_drivers.empty() && !gates.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("No gate could be set up: %1").arg(m_problems.join(u' ')),
            QStringLiteral("gate.profile"));
    return {};
}

QString GateWiring::laneId(const QString &gateIdOrName, Direction direction) const
{
    const QString gateId = m_gateNames.value(gateIdOrName, gateIdOrName);
    for (const EntryLane &lane : m_lanes) {
        if (lane.gateId == gateId && lane.direction == direction)
            return lane.laneId;
    }
    return {};
}

QString GateWiring::laneTitle(const QString &laneId) const
{
    for (const EntryLane &lane : m_lanes) {
        if (lane.laneId == laneId) {
            const QString name = m_gateTitles.value(lane.gateId, lane.gateId);
            return lane.direction == Direction::Out ? Text::tr("%1 (out)").arg(name) : Text::tr("%1 (in)").arg(name);
        }
    }
    return laneId;
}

std::unique_ptr<GateDriver> GateWiring::makeDriver(const QByteArray &profileJson, QString *problem)
{
    Result<bridge::GateProfile> profile = bridge::parseGateProfile(profileJson);
    if (!profile) {
        *problem = profile.error().message;
        return nullptr;
    }
    if (profile->kind == bridge::ProfileKind::SerialText)
        return std::make_unique<bridge::SerialTextGateDriver>(*profile);
    std::shared_ptr<bridge::ModbusLine> &line = m_lines[lineKey(*profile)];
    if (!line)
        line = bridge::ModbusLine::create(*profile);
    return std::make_unique<bridge::ModbusGateDriver>(line, *profile);
}

} // namespace gymgate
