#pragma once

#include "core/Clock.h"
#include "core/GateControl.h"

class QJsonObject;

namespace gymgate {

class Database;
class GateSupervisor;

// GateControl over this process's GateSupervisor (null on a desk PC that drives no gate) and
// the local database: every action commits its audit entry ("gate.emergency_declared",
// "gate.emergency_reset", "gate.out_of_order_cleared") first and acts only once it is durable;
// one that is refused writes nothing. Gate names come from the saved gates when asked.
class SupervisorGateControl final : public GateControl {
    Q_OBJECT
public:
    SupervisorGateControl(GateSupervisor *supervisor, Database &db, const Clock &clock, QObject *parent = nullptr);

    bool hasGateService() const override;
    bool emergency() const override;
    bool fireInputActive() const override;
    QList<OutOfOrderGate> outOfOrderGates() const override;

    Status declareEmergency(const StaffSession &session, const QString &reason) override;
    Status resetEmergency(const StaffSession &session) override;
    Status clearOutOfOrder(const StaffSession &session, const QString &gateId) override;

private:
    Status requireService() const;
    QString gateName(const QString &gateId) const;
    Status audit(
        const StaffSession &session, const QString &action, const QString &entityId, const QJsonObject &detail);

    GateSupervisor *m_supervisor = nullptr; // not owned; outlives this (the entry station's)
    Database &m_db;
    const Clock &m_clock;
};

} // namespace gymgate
