#pragma once

#include "core/Error.h"

#include <QJsonObject>

namespace gymgate {

struct GateBenchOptions {
    QString gatesimPath; // the gymgate-gatesim binary
    int iterations = 500;
};

// Command-to-acknowledge latency of the real Modbus driver against the real simulator: from
// GateDriver::open() on the caller's thread to the opened() signal back on it, i.e. queueing to
// the bus thread, the register write on the wire, the controller's answer and the queued signal.
// Over Modbus TCP on loopback and Modbus RTU at 115200 baud on a pty (a pty has no baud timing:
// the wire time a real line adds is computed and reported beside it). Also one refresh of the
// technician console's I/O monitor (GateDiagnostics), with and without raw frame capture.
Result<QJsonObject> runGateBench(const GateBenchOptions &options);

} // namespace gymgate
