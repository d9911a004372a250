#include "drivers/GateSnapshot.h"

#include "drivers/ModbusBus.h"

namespace gymgate::bridge {

Result<GateSnapshot> readTurnstileSnapshot(ModbusBus &bus, const RegisterMap &map)
{
    const auto word = [&bus](int address, int count) {
        return bus.readInputRegisters(address, count);
    };
    auto entry = word(map.entryCounter, 2);
    if (!entry)
        return std::unexpected(entry.error());
    auto exit = word(map.exitCounter, 2);
    if (!exit)
        return std::unexpected(exit.error());
    auto error = word(map.errorCode, 1);
    if (!error)
        return std::unexpected(error.error());
    auto sensors = word(map.sensors, 1);
    if (!sensors)
        return std::unexpected(sensors.error());
    GateSnapshot snapshot;
    // Counters are 32-bit, high word first (DESIGN §8).
    snapshot.entryCount = quint32(entry->at(0)) << 16 | entry->at(1);
    snapshot.exitCount = quint32(exit->at(0)) << 16 | exit->at(1);
    snapshot.errorCode = error->front();
    snapshot.sensors = sensors->front();
    snapshot.entryInput = (snapshot.sensors & 0x1) != 0;
    snapshot.exitInput = (snapshot.sensors & 0x2) != 0;
    snapshot.fireActive = (snapshot.sensors >> map.fireBit & 0x1) != 0;
    snapshot.tamperInput = (snapshot.sensors & 0x8) != 0;
    return snapshot;
}

Result<GateSnapshot> readRelaySnapshot(ModbusBus &bus, const RelayMap &map)
{
    GateSnapshot snapshot;
    const struct {
        int input;
        bool *value;
    } inputs[] = {{map.entryInput, &snapshot.entryInput}, {map.exitInput, &snapshot.exitInput},
        {map.fireInput, &snapshot.fireActive}, {map.tamperInput, &snapshot.tamperInput}};
    for (const auto &input : inputs) {
        if (input.input < 0)
            continue; // not wired
        auto bits = bus.readDiscreteInputs(input.input, 1);
        if (!bits)
            return std::unexpected(bits.error());
        *input.value = bits->front();
    }
    // A normally closed fire contact opens (reads 0) on alarm.
    if (map.fireInput >= 0 && map.fireContact == FireContact::NormallyClosed)
        snapshot.fireActive = !snapshot.fireActive;
    return snapshot;
}

Result<GateSnapshot> readGateSnapshot(ModbusBus &bus, const GateProfile &profile)
{
    return profile.kind == ProfileKind::Relay ? readRelaySnapshot(bus, profile.relay)
                                              : readTurnstileSnapshot(bus, profile.registers);
}

} // namespace gymgate::bridge
