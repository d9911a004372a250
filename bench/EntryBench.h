#pragma once

#include "core/Error.h"

#include <QJsonObject>

namespace gymgate {

struct EntryBenchOptions {
    // A gym made by `gymgate-datagen --gate-port <port>`: its main gate's profile is a register
    // turnstile on Modbus TCP 127.0.0.1:<port>. The bench listens on that port itself (a tap in
    // front of the simulator), so the port must be free. The bench writes entries into the gym.
    QString databasePath;
    QString gatesimPath; // the gymgate-gatesim binary
    int iterations = 10'000; // granted scans measured; denied scans are counted besides
    int warmup = 200; // first scans, whatever their outcome, not measured
    quint64 seed = 1;
    qint64 clockStartMs = 0; // run as if it were this time (0 = now), like gymgate --clock
};

// Scan line arriving -> gate command on the wire (DESIGN §11), through the real entry path:
// the code is written with its CR into the master side of a pty whose slave a SerialScanner
// reads; the scan goes to the EntryService (decision persisted, gate commanded through the
// GateSupervisor's ModbusGateDriver); a byte-forwarding Modbus TCP tap between the driver and
// gymgate-gatesim timestamps the write of the permission register. Each member (a different
// one every time) scans in at the main gate's In lane and, once through, out at its Out lane;
// each scan waits for its final phase, so the gate is never busy. Both lanes are reported;
// `iterations` counts granted entries.
Result<QJsonObject> runEntryBench(const EntryBenchOptions &options);

} // namespace gymgate
