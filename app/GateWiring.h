#pragma once

#include "core/EntryService.h"
#include "core/GateSupervisor.h"
#include "store/GateRepository.h"

#include <QMap>

#include <memory>
#include <vector>

namespace gymgate {

namespace bridge {
class ModbusLine;
}

// Turns the configured gates (`gate` rows with their profile JSON) into real drivers under the
// supervisor, and their scanning lanes. Gates on the same Modbus line (one TCP controller, one
// RS-485 bus) share one worker thread, told apart by slave id. A gate whose profile is bad is
// left out with a logged, translated reason; the others still work.
class GateWiring {
public:
    GateWiring();
    ~GateWiring();
    GateWiring(const GateWiring &) = delete;
    GateWiring &operator=(const GateWiring &) = delete;

    // Adds every usable gate to `supervisor`. Fails only when no gate at all could be wired.
    Status build(const QList<GateConfig> &gates, GateSupervisor &supervisor);

    // One lane per direction a gate serves ("both" gives "<id>" in and "<id>:out" out).
    const QList<EntryLane> &lanes() const { return m_lanes; }
    // The lane of a gate (by id or name) in a direction; empty when there is none.
    QString laneId(const QString &gateIdOrName, Direction direction = Direction::In) const;
    QString laneTitle(const QString &laneId) const; // "Main gate (in)", translated
    const QStringList &problems() const { return m_problems; } // translated, one per gate left out
    // The serial device the service drives a gate through, as wired at start-up (empty for a
    // network gate or one not wired): what a diagnostics session must not share.
    QString serialDevice(const QString &gateId) const { return m_serialDevices.value(gateId); }

private:
    std::unique_ptr<GateDriver> makeDriver(const QByteArray &profileJson, QString *problem);

    QMap<QString, std::shared_ptr<bridge::ModbusLine>> m_lines; // by transport key
    std::vector<std::unique_ptr<GateDriver>> m_drivers;
    QList<EntryLane> m_lanes;
    QMap<QString, QString> m_gateNames; // name -> id
    QMap<QString, QString> m_gateTitles; // id -> name
    QMap<QString, QString> m_serialDevices; // id -> device, for gates on a serial line
    QStringList m_problems;
};

} // namespace gymgate
