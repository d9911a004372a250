#pragma once

#include "core/Error.h"

#include <vector>

#include "protocol/GateProfile.h"

struct _modbus;

namespace gymgate::gatectl {

// A libmodbus context with its debug output on, for `gatectl monitor`: libmodbus 3.1.6 prints
// every frame it sends ([..]) and receives (<..>) to stdout. bridge::ModbusBus keeps its context
// private, so the monitor opens its own; it offers the reads that readGateSnapshot needs.
class MonitorBus {
public:
    static Result<MonitorBus> open(const bridge::GateProfile &profile);
    // Routes stdout through a filter that stamps each line with the time and turns libmodbus's
    // frame dumps into "TX 01 04 ..." / "RX 01 04 ..." lines. Call once, before the first frame.
    static Status timestampStdout();

    MonitorBus(MonitorBus &&other) noexcept;
    MonitorBus &operator=(MonitorBus &&) = delete;
    MonitorBus(const MonitorBus &) = delete;
    MonitorBus &operator=(const MonitorBus &) = delete;
    ~MonitorBus();

    Result<std::vector<quint16>> readInputRegisters(int address, int count);
    Result<std::vector<bool>> readDiscreteInputs(int address, int count);

private:
    explicit MonitorBus(_modbus *context);

    _modbus *m_context = nullptr;
};

} // namespace gymgate::gatectl
