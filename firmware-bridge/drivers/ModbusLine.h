#pragma once

#include <QThread>

#include <memory>

#include "protocol/GateProfile.h"

namespace gymgate::bridge {

class ModbusWorker;

// One Modbus line (a TCP connection or an RTU serial bus) with its worker thread. Several
// ModbusGateDrivers share a line when their gates hang on the same RS-485 bus with different
// slave ids; each driver keeps the line alive through a shared_ptr.
class ModbusLine {
public:
    // Only the transport fields of `profile` matter (transport, tcp, serial, timeoutMs).
    static std::shared_ptr<ModbusLine> create(const GateProfile &profile);

    explicit ModbusLine(const GateProfile &profile);
    ModbusLine(const ModbusLine &) = delete;
    ModbusLine &operator=(const ModbusLine &) = delete;
    ~ModbusLine();

    ModbusWorker *worker() const { return m_worker.get(); }
    int nextGateId() { return ++m_lastGateId; }

private:
    QThread m_thread;
    std::unique_ptr<ModbusWorker> m_worker;
    int m_lastGateId = 0;
};

} // namespace gymgate::bridge
