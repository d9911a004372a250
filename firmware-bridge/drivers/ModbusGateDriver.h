#pragma once

#include "core/GateDriver.h"

#include <memory>

#include "protocol/GateProfile.h"

namespace gymgate::bridge {

class ModbusLine;

// A relay board or a register turnstile over Modbus TCP or RTU. All bus I/O runs in the
// line's ModbusWorker on a thread of its own; this object forwards commands and re-emits the
// results of its own gate on the thread it lives in.
class ModbusGateDriver : public GateDriver {
    Q_OBJECT

public:
    // A line of its own.
    explicit ModbusGateDriver(GateProfile profile, QObject *parent = nullptr);
    // A line shared with other gates (RS-485 bus, or a TCP gateway): profile.slaveId tells them apart.
    ModbusGateDriver(std::shared_ptr<ModbusLine> line, GateProfile profile, QObject *parent = nullptr);
    ~ModbusGateDriver() override;

    void start() override;
    void stop() override;
    void open(Direction direction, int passes = 1) override;
    void setMode(GateMode mode) override;
    GateStatus status() const override { return m_status; }

    const GateProfile &profile() const { return m_profile; }

private:
    void connectWorker();

    GateProfile m_profile;
    std::shared_ptr<ModbusLine> m_line;
    int m_gateId = 0;
    GateStatus m_status;
};

} // namespace gymgate::bridge
