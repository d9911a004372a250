#pragma once

#include "core/Error.h"
#include "core/Gate.h"
#include "core/Staff.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace gymgate {

// A serial port the technician can pick for a gate's transport.device.
struct SerialPortChoice {
    QString device; // what goes into the profile: the /dev/serial/by-id/ link when there is one
    QString systemLocation; // the kernel name, /dev/ttyUSB0
    QString description; // "FT232R USB UART"
    QString manufacturer;
    QString serialNumber;
    int vendorId = -1; // -1 = not known
    int productId = -1;
};

// A zone a gate can lead into (a venue).
struct GateZoneChoice {
    QString id;
    QString name;
};

// How a gate is doing in this GymGate process's gate service, for the gate list.
enum class GateServiceState {
    Invalid = 0,
    NotRunHere, // this process does not drive the gate (another PC does, or it was added since start)
    Ready,
    Emergency,
    Offline, // no contact with the controller
    OutOfOrder,
    Paused, // stopped while a diagnostics session uses its line
};

struct GateListEntry {
    GateConfig config;
    GateServiceState state = GateServiceState::Invalid;
    // Saved after the gate service started: it drives the gate as it was until GymGate restarts.
    bool restartNeeded = false;
};

// The technician's gate configuration (issue 8, docs/HARDWARE.md "Technician console"): the
// gate list, the editor's checks, and gate files. Every call that reads or changes gates takes
// the session and is refused (PermissionDenied) without Permission::TechnicianConsole. Errors
// name the field: "name", "zoneId", "profile.transport.baud", in files "gates[2].profile.kind".
class GateSetup {
public:
    virtual ~GateSetup() = default;

    virtual Result<QList<GateListEntry>> gates(const StaffSession &session) = 0; // by name
    virtual Result<QList<GateZoneChoice>> zones(const StaffSession &session) = 0; // by name
    virtual QList<SerialPortChoice> serialPorts() const = 0; // discovered now

    // The editor's checks as the technician types; nothing is written. The profile error's
    // field is the profile's own path ("transport.baud"); checkGate prefixes it with "profile.".
    virtual Status checkProfile(const QJsonObject &profile) const = 0;
    virtual Status checkGate(const GateConfig &gate) const = 0;
    // The profile as the bridge reads it, every field written out (defaults included).
    virtual Result<QJsonObject> normalizedProfile(const QJsonObject &profile) const = 0;

    // Inserts when gate.id is empty, else updates; audited ("gate.create", "gate.update" with
    // the fields that changed). The self-test fields are not taken from `gate`.
    virtual Result<GateConfig> saveGate(const StaffSession &session, const GateConfig &gate) = 0;
    virtual Status deleteGate(const StaffSession &session, const QString &gateId) = 0; // audited
    virtual Result<GateConfig> duplicateGate(const StaffSession &session, const QString &gateId) = 0; // "<name> (copy)"

    // A profile file (the docs' JSON, as gymgate-gatectl --profile reads it): checked, normalized.
    virtual Result<QJsonObject> readProfileFile(const QByteArray &bytes) const = 0;
    virtual QByteArray profileFile(const QJsonObject &profile) const = 0; // indented JSON
    // A gates file: {"format":"gymgate-gates","version":1,"gates":[{name, zone, direction,
    // failMode, profile}]}, zones by name. Import is all or nothing and audited ("gate.import").
    virtual Result<QByteArray> exportGates(const StaffSession &session, const QStringList &gateIds) = 0;
    virtual Result<QList<GateConfig>> importGates(const StaffSession &session, const QByteArray &bytes) = 0;
};

} // namespace gymgate
