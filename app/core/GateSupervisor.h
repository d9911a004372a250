#pragma once

#include "core/Error.h"
#include "core/GateDriver.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace gymgate {

// What a gate does when the PC loses contact with its controller (DESIGN §7).
enum class FailPolicy {
    Invalid = 0,
    FailSecure, // stays locked; the kiosk sends people to the desk
    FailOpen, // the controller lets people through; the kiosk says so
};
const char *failPolicyName(FailPolicy policy); // "fail-secure", "fail-open"
FailPolicy failPolicyFromName(const QString &name);

// Whether a gate can take scans now.
enum class GateAvailability {
    Invalid = 0,
    Ready,
    Emergency, // the building is in emergency mode: every gate is free
    Offline, // no contact with the controller; the fail policy applies
    OutOfOrder, // repeated faults; staff must clear it
};
const char *gateAvailabilityName(GateAvailability availability); // "ready", "emergency", ...

struct SupervisedGate {
    QString gateId;
    FailPolicy failPolicy = FailPolicy::FailSecure;
    int faultLimit = 3; // faults in a row before the gate is out of order
};

// Keeps every gate in the mode the building needs, whatever the entry flow is doing:
// - a fire input on any gate puts every gate into free passage at once and latches the
//   emergency until the inputs are clear and staff reset it (DESIGN §7);
// - a gate that reconnects gets its mode again (the controller may have rebooted);
// - repeated faults take a gate out of order until staff clear it.
// Drivers are not owned. Software release is in addition to the hardware fire wiring.
class GateSupervisor : public QObject {
    Q_OBJECT
public:
    explicit GateSupervisor(QObject *parent = nullptr);
    ~GateSupervisor() override;

    void addGate(const SupervisedGate &gate, GateDriver *driver);
    void start(); // starts every driver
    void stop();

    QStringList gateIds() const { return m_order; }
    GateDriver *driver(const QString &gateId) const;
    FailPolicy failPolicy(const QString &gateId) const;
    GateAvailability availability(const QString &gateId) const;

    bool emergency() const { return m_emergency; }
    bool fireInputActive() const; // any gate's fire input, now
    // Staff declare an emergency by hand (evacuation drill, alarm not wired to a gate).
    void declareEmergency();
    // Ends the emergency: refused (Conflict) while a fire input is still active.
    Status resetEmergency();

    // The entry flow reports how gate commands went: a fault in a row counts towards the
    // limit, a success resets the count.
    void recordFault(const QString &gateId, const QString &message);
    void recordSuccess(const QString &gateId);
    Status clearOutOfOrder(const QString &gateId);
    // Tells the gate its mode again: after something else (a technician's diagnostics session)
    // may have changed it behind the supervisor's back.
    void reapplyMode(const QString &gateId);

signals:
    void emergencyChanged(bool active);
    void availabilityChanged(const QString &gateId, GateAvailability availability);
    void gateFault(const QString &gateId, const QString &message); // translated

private:
    struct Gate {
        SupervisedGate config;
        GateDriver *driver = nullptr; // not owned; cleared when the driver is destroyed
        bool fireActive = false;
        bool outOfOrder = false;
        int faultsInRow = 0;
        GateAvailability availability = GateAvailability::Invalid;
    };

    void onFire(const QString &gateId, bool active);
    void onConnected(const QString &gateId, bool connected);
    void setEmergency(bool active);
    void applyMode(Gate &gate);
    GateMode wantedMode(const Gate &gate) const;
    GateAvailability computeAvailability(const Gate &gate) const;
    void refresh(Gate &gate);
    Gate *find(const QString &gateId);
    const Gate *find(const QString &gateId) const;

    QHash<QString, Gate> m_gates;
    QStringList m_order;
    bool m_emergency = false;
};

} // namespace gymgate
