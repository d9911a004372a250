#pragma once

#include "core/Error.h"
#include "core/Staff.h"

#include <QList>
#include <QObject>
#include <QString>

namespace gymgate {

// A gate the running gate service took out of order after repeated faults.
struct OutOfOrderGate {
    QString gateId;
    QString name; // as the technician saved it; the id when the gate is no longer saved
};

// Staff control of this process's running gate service (docs/HARDWARE.md "What the software
// does on fire", "Lost contact and repeated faults"): the latched emergency and gates out of
// order need a person to look and then reset or clear them at the front desk. Every action
// requires Permission::ResetEmergency and is audited; a refused one changes nothing.
class GateControl : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~GateControl() override = default;

    // False on a desk PC that drives no gate: there is nothing to declare, reset or clear.
    virtual bool hasGateService() const = 0;
    virtual bool emergency() const = 0;
    virtual bool fireInputActive() const = 0; // any gate's fire input, now
    virtual QList<OutOfOrderGate> outOfOrderGates() const = 0; // in the service's gate order

    // Every gate free at once (evacuation drill, an alarm not wired to a gate).
    virtual Status declareEmergency(const StaffSession &session, const QString &reason) = 0;
    // Conflict while a fire input is still active.
    virtual Status resetEmergency(const StaffSession &session) = 0;
    // Conflict when the gate is not out of order now (also while an emergency frees every
    // gate), NotFound when the service does not drive it.
    virtual Status clearOutOfOrder(const StaffSession &session, const QString &gateId) = 0;

signals:
    // The emergency, the fire input or a gate's availability changed.
    void changed();
};

} // namespace gymgate
