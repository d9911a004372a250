#pragma once

#include "core/Error.h"

#include <vector>

#include "protocol/GateProfile.h"

namespace gymgate::bridge {

// What a gate shows on one poll: counters and sensors (turnstile) or discrete inputs (relay).
struct GateSnapshot {
    quint32 entryCount = 0;
    quint32 exitCount = 0;
    quint16 errorCode = 0;
    quint16 sensors = 0;
    bool entryInput = false;
    bool exitInput = false;
    bool fireActive = false;
    bool tamperInput = false;

    bool operator==(const GateSnapshot &) const = default;
};

class ModbusBus;

// One poll of the gate's inputs through `bus`, as the profile maps them.
Result<GateSnapshot> readTurnstileSnapshot(ModbusBus &bus, const RegisterMap &map);
Result<GateSnapshot> readRelaySnapshot(ModbusBus &bus, const RelayMap &map);
Result<GateSnapshot> readGateSnapshot(ModbusBus &bus, const GateProfile &profile);

} // namespace gymgate::bridge
