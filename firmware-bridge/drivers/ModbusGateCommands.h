#pragma once

#include "core/Error.h"
#include "core/GateDriver.h"

#include "protocol/GateProfile.h"

namespace gymgate::bridge {

class ModbusBus;

// What a gate mode means on the wire, one definition for the gate service (ModbusWorker) and
// the technician's diagnostics (GateDiagnostics). A relay board has no mode of its own: Free
// holds both coils on, Normal and Locked release them. A turnstile gets its mode register
// (Locked = blocked) and both permissions: unlimited for Free, closed otherwise. The bus must
// address the gate's slave already. Stops at the first failed write.
Status writeGateMode(ModbusBus &bus, const GateProfile &profile, GateMode mode);

} // namespace gymgate::bridge
