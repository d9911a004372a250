#pragma once

// Shared by the technician console tests: a real SQLite site with one venue and SqlGateSetup
// over it, the technician's session, and gate profiles pointing at a running gymgate-gatesim.

#include "bridge/GateSimProcess.h"
#include "core/Clock.h"
#include "core/Staff.h"
#include "core/Venue.h"
#include "store/Database.h"
#include "store/VenueRepository.h"

#include <QTemporaryDir>

#include <memory>

#include "protocol/GateProfile.h"
#include "tech/SqlGateSetup.h"

namespace gymgate::test {

inline StaffSession technician()
{
    return StaffSession {
        QStringLiteral("staff-tech"), QStringLiteral("tess"), QStringLiteral("Tess Tech"), StaffRole::Technician};
}

// A Modbus gate on the simulator: its TCP port, or its RTU pty with `rtu`. Quick timings.
inline bridge::GateProfile profileFor(bridge::ProfileKind kind, const GateSimProcess &sim, bool rtu = false)
{
    bridge::GateProfile profile;
    profile.kind = kind;
    profile.transport = rtu ? bridge::TransportKind::ModbusRtu : bridge::TransportKind::ModbusTcp;
    profile.tcp.port = sim.tcpPort;
    profile.serial.device = sim.rtu;
    profile.serial.baud = 115200;
    profile.pollPeriodMs = 30;
    profile.timeoutMs = 300;
    profile.pulseMs = 300;
    profile.passTimeoutMs = 3000;
    return profile;
}

// The simulator's map for `kind`, with people who always pass, quickly.
inline QStringList simArguments(bridge::ProfileKind kind, const QStringList &extra = {})
{
    return QStringList {QStringLiteral("--map"),
               kind == bridge::ProfileKind::Relay ? QStringLiteral("relay") : QStringLiteral("turnstile"),
               QStringLiteral("--pass-probability"), QStringLiteral("1"), QStringLiteral("--pass-delay-ms"),
               QStringLiteral("100-200")}
    + extra;
}

// A migrated database in a temporary folder, one venue, SqlGateSetup over it.
struct TechRig {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    SystemClock clock;
    std::unique_ptr<SqlGateSetup> setup;
    QString venueId;

    bool open()
    {
        Database::Options options;
        options.path = dir.filePath(QStringLiteral("gymgate.db"));
        auto opened = Database::open(options);
        if (!opened) {
            qWarning("open failed: %s", qUtf8Printable(opened.error().toString()));
            return false;
        }
        db = std::move(*opened);
        Venue venue;
        venue.name = QStringLiteral("Gym floor");
        venue.kind = VenueKind::GymFloor;
        venue.status = VenueStatus::Open;
        auto inserted = VenueRepository(*db).insert(venue, clock.nowMs());
        if (!inserted)
            return false;
        venueId = inserted->id;
        setup = std::make_unique<SqlGateSetup>(*db, clock);
        return true;
    }

    Result<GateConfig> saveGate(const QString &name, const bridge::GateProfile &profile)
    {
        GateConfig gate;
        gate.name = name;
        gate.zoneId = venueId;
        gate.direction = GateDirection::In;
        gate.profile = profile.toJson();
        gate.failMode = GateFailMode::Secure;
        return setup->saveGate(technician(), gate);
    }
};

} // namespace gymgate::test
