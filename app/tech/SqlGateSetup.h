#pragma once

#include "core/Clock.h"
#include "core/GateSetup.h"

#include <functional>

namespace gymgate {

class Database;
class GateSupervisor;

// GateSetup over the local SQLite database and the firmware bridge's profile parser. Every
// change commits together with its audit entry, or not at all.
class SqlGateSetup final : public GateSetup {
public:
    using ServiceStateFunction = std::function<GateServiceState(const QString &gateId)>;

    // `serviceState` tells how this process's gate service drives a gate (none: NotRunHere);
    // `serviceStartedAtMs` is when that service read the gates (0: no service here, so no gate
    // ever needs a restart).
    SqlGateSetup(
        Database &db, const Clock &clock, ServiceStateFunction serviceState = {}, qint64 serviceStartedAtMs = 0);

    Result<QList<GateListEntry>> gates(const StaffSession &session) override;
    Result<QList<GateZoneChoice>> zones(const StaffSession &session) override;
    QList<SerialPortChoice> serialPorts() const override;

    Status checkProfile(const QJsonObject &profile) const override;
    Status checkGate(const GateConfig &gate) const override;
    Result<QJsonObject> normalizedProfile(const QJsonObject &profile) const override;

    Result<GateConfig> saveGate(const StaffSession &session, const GateConfig &gate) override;
    Status deleteGate(const StaffSession &session, const QString &gateId) override;
    Result<GateConfig> duplicateGate(const StaffSession &session, const QString &gateId) override;

    Result<QJsonObject> readProfileFile(const QByteArray &bytes) const override;
    QByteArray profileFile(const QJsonObject &profile) const override;
    Result<QByteArray> exportGates(const StaffSession &session, const QStringList &gateIds) override;
    Result<QList<GateConfig>> importGates(const StaffSession &session, const QByteArray &bytes) override;

    // For the diagnostics adapter, not the console's screens: the gates it may open sessions
    // on (no session needed: it checks its own), and a finished self-test, stored on the gate
    // and audited ("gate.selftest") in one transaction.
    Result<QList<GateConfig>> configuredGates() const;
    Status recordSelfTest(const StaffSession &session, const QString &gateId, const GateSelfTestReport &report);

    // How `supervisor` (this process's gate service; may be null) drives a gate, for
    // ServiceStateFunction: gates it does not know are NotRunHere, paused ones Paused.
    static GateServiceState serviceStateIn(
        const GateSupervisor *supervisor, const QStringList &pausedGateIds, const QString &gateId);

    // The stable name udev gives a serial port: the link in `byIdFolder` that resolves to
    // `systemLocation`, else `systemLocation` itself. A parameter so tests can use a folder of
    // their own.
    static QString stableDevicePath(
        const QString &systemLocation, const QString &byIdFolder = QStringLiteral("/dev/serial/by-id"));

private:
    Status checkNameFree(const QString &name, const QString &exceptId) const;
    Result<GateConfig> insertAudited(
        const StaffSession &session, GateConfig gate, qint64 nowMs, const QJsonObject &extra);
    bool restartNeeded(const GateConfig &gate, GateServiceState state) const;

    Database &m_db;
    const Clock &m_clock;
    ServiceStateFunction m_serviceState;
    qint64 m_serviceStartedAtMs = 0;
};

} // namespace gymgate
