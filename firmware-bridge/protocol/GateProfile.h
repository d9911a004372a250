#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace gymgate::bridge {

// DESIGN §8: what kind of controller a gate is, as data. No I/O here.
enum class ProfileKind {
    Invalid = 0,
    Relay,
    TurnstileRegisters,
    SerialText
};
enum class TransportKind {
    Invalid = 0,
    ModbusTcp,
    ModbusRtu,
    Serial
};
enum class Rs485Rts {
    Invalid = 0,
    None,
    Up,
    Down
}; // libmodbus MODBUS_RTU_RTS_*
enum class FireContact {
    Invalid = 0,
    NormallyOpen,
    NormallyClosed
};

const char *profileKindName(ProfileKind kind); // "relay", "turnstile-registers", "serial-text"
const char *transportKindName(TransportKind kind); // "modbus-tcp", "modbus-rtu", "serial"

struct TcpSettings {
    QString host = QStringLiteral("127.0.0.1");
    int port = 502;

    bool operator==(const TcpSettings &) const = default;
};

struct SerialSettings {
    QString device; // /dev/ttyUSB0, or a pty path
    int baud = 9600;
    char parity = 'N'; // 'N', 'E', 'O'
    int dataBits = 8; // 7 or 8
    int stopBits = 1; // 1 or 2
    Rs485Rts rts = Rs485Rts::None;

    bool operator==(const SerialSettings &) const = default;
};

// A Modbus relay / IO board: open = entry or exit coil on for pulseMs; passage = rising edge
// on a discrete input.
struct RelayMap {
    int entryCoil = 0;
    int exitCoil = 1;
    int entryInput = 0; // discrete input: passage sensor, entry side
    int exitInput = 1;
    int fireInput = 2; // -1 = not wired
    FireContact fireContact = FireContact::NormallyOpen;
    int tamperInput = 3; // -1 = not wired

    bool operator==(const RelayMap &) const = default;
};

// A turnstile controller with registers: holding registers for permissions (0 closed,
// 1..0xFFFE passes, 0xFFFF free), mode (0 normal, 1 blocked, 2 anti-panic) and pass time;
// input registers for 32-bit counters (high word first), error code and sensor bits.
// Passage = counter delta.
struct RegisterMap {
    int entryPermission = 0; // holding
    int exitPermission = 1; // holding
    int mode = 2; // holding
    int passTime = 3; // holding, in ms
    int entryCounter = 0; // input, two registers
    int exitCounter = 2; // input, two registers
    int errorCode = 4; // input
    int sensors = 5; // input: bit 0 entry sensor, 1 exit sensor, 2 fire, 3 tamper
    int fireBit = 2;

    bool operator==(const RegisterMap &) const = default;
};

inline constexpr quint16 PermissionFree = 0xFFFF;
enum class TurnstileMode : quint16 {
    Normal = 0,
    Blocked = 1,
    AntiPanic = 2
};

struct GateProfile {
    ProfileKind kind = ProfileKind::Invalid;
    TransportKind transport = TransportKind::Invalid;
    TcpSettings tcp; // ModbusTcp
    SerialSettings serial; // ModbusRtu, Serial
    int slaveId = 1; // 1..247 (Modbus)
    int pollPeriodMs = 30; // 20..1000
    int timeoutMs = 500; // response timeout, 10..10000
    int pulseMs = 500; // relay pulse / serial-text OPEN duration, 50..10000
    int passTimeoutMs = 10'000; // 1000..120000
    RelayMap relay;
    RegisterMap registers;

    // Writes every field the kind and transport use; parsing it gives back an equal profile.
    QJsonObject toJson() const;

    bool operator==(const GateProfile &) const = default;
};

// Parses and validates a profile field by field. A bad profile is refused with an
// InvalidArgument whose `field` is the JSON path ("transport.baud", "relay.fireInput") and
// whose message names the bad value.
Result<GateProfile> parseGateProfile(const QByteArray &json);
Result<GateProfile> gateProfileFromJson(const QJsonObject &object);

} // namespace gymgate::bridge
