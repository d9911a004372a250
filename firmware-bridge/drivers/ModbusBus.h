#pragma once

#include "core/Error.h"

#include <QtGlobal>

#include <vector>

#include "protocol/GateProfile.h"

struct _modbus; // libmodbus's opaque context; kept out of this header

namespace gymgate::bridge {

// A libmodbus context as a plain RAII value. errno stays inside: every call returns an Error.
// ErrorCode::Device = the slave answered with a Modbus exception (the link is fine);
// Timeout / Network = the link is in doubt and the caller should reconnect.
class ModbusBus {
public:
    static Result<ModbusBus> tcp(const TcpSettings &settings);
    static Result<ModbusBus> rtu(const SerialSettings &settings);

    ModbusBus(ModbusBus &&other) noexcept;
    ModbusBus &operator=(ModbusBus &&other) noexcept;
    ModbusBus(const ModbusBus &) = delete;
    ModbusBus &operator=(const ModbusBus &) = delete;
    ~ModbusBus();

    Status connect();
    void close();
    // Drops bytes still in flight (a late answer after a timeout on a shared RTU line).
    void flush();
    bool isConnected() const { return m_connected; }

    Status setSlave(int slaveId);
    Status setResponseTimeoutMs(int timeoutMs);
    // libmodbus prints every frame to stdout while on (see ModbusFrameTap); kept across
    // close and connect.
    Status setDebug(bool on);
    bool isDebug() const { return m_debug; }

    Result<std::vector<bool>> readCoils(int address, int count);
    Result<std::vector<bool>> readDiscreteInputs(int address, int count);
    Result<std::vector<quint16>> readHoldingRegisters(int address, int count);
    Result<std::vector<quint16>> readInputRegisters(int address, int count);
    Status writeCoil(int address, bool on);
    Status writeRegister(int address, quint16 value);

    // True when the error means the link must be re-established (not a Modbus exception).
    static bool isLinkError(const Error &error);

private:
    ModbusBus(_modbus *context, bool rtu, Rs485Rts rts);
    Status configureRs485();

    _modbus *m_context = nullptr;
    bool m_rtu = false;
    Rs485Rts m_rts = Rs485Rts::None;
    bool m_connected = false;
    bool m_debug = false;
};

} // namespace gymgate::bridge
