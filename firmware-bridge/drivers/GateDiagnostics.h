#pragma once

#include "core/Entry.h"
#include "core/Error.h"
#include "core/GateDriver.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

#include "drivers/GateSnapshot.h"
#include "drivers/ModbusBus.h"
#include "protocol/GateProfile.h"

namespace gymgate::bridge {

// The four Modbus tables, as a technician names them.
enum class ModbusTable {
    Invalid = 0,
    Coils,
    DiscreteInputs,
    HoldingRegisters,
    InputRegisters
};

struct ProbeResult {
    quint16 value = 0; // turnstile: errorCode register; relay: entryInput (0 or 1)
    qint64 elapsedNs = 0;
};

// Reported before each slave id is tried (tried = false) and after (tried = true).
struct ScanProgress {
    int slaveId = 0;
    int fromSlaveId = 0;
    int toSlaveId = 0;
    bool tried = false;
    bool answered = false;
};
// Returning false cancels the scan.
using ScanCallback = std::function<bool(const ScanProgress &)>;

struct ScanResult {
    QList<int> answeredSlaveIds;
    bool cancelled = false;
};

struct SelfTestStep {
    QString name; // translated
    bool passed = false;
    QString message; // translated detail; empty when there is nothing to add
};

// What a self-test found, as stored on the gate (toJson) and shown in the gate list.
struct SelfTestResult {
    QList<SelfTestStep> steps;
    qint64 atMs = 0; // when it ran, ms since the epoch
    bool stoppedEarly = false; // connect or the first read failed: the other steps did not run

    bool passed() const { return failures() == 0 && !steps.isEmpty(); }
    int failures() const;
    QJsonObject toJson() const;
};
using SelfTestStepCallback = std::function<void(const SelfTestStep &)>;

// Gate diagnostics for technicians (DESIGN §8): probe, snapshot, raw reads and writes, scan,
// test commands and the self-test, for Modbus gates (relay and turnstile-registers profiles).
// Synchronous and not a QObject, so gatectl calls it directly and the desk's technician
// console runs it on a worker thread; one thread at a time. It talks to the controller
// itself, so the GymGate service must not poll the same RTU bus meanwhile (one master).
class GateDiagnostics {
public:
    explicit GateDiagnostics(GateProfile profile);

    const GateProfile &profile() const { return m_profile; }
    bool isRelay() const { return m_profile.kind == ProfileKind::Relay; }
    // "host:port" or the serial device, for messages.
    QString target() const;
    // A waiting call (scan, waitForPassages, selfTest) returns early once *flag is true. The
    // flag may be set from a signal handler or another thread; it must outlive this object.
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancel = flag; }
    // Raw frames on stdout, for ModbusFrameTap: the current bus and every later one (connect).
    void setDebug(bool on);
    bool isDebug() const { return m_debug; }

    Status connect();
    bool isConnected() const { return m_bus && m_bus->isConnected(); }
    void close();

    // One cheap read every gate of the map answers.
    Result<ProbeResult> probe();
    Result<GateSnapshot> readSnapshot();
    Result<std::vector<int>> readTable(ModbusTable table, int address, int count);
    Status writeCoil(int address, bool on);
    Status writeRegister(int address, quint16 value);

    // Tries each slave id in [from, to] with a probe; the profile's slave id is restored after.
    Result<ScanResult> scan(int fromSlaveId, int toSlaveId, const ScanCallback &progress = {});

    // Test commands; the error is the gate's answer (exception or no answer).
    // Relay: coil on (end it with endOpen or waitForPassages); turnstile: permission = passes.
    Status open(Direction direction, int passes = 1);
    // Closes what open() opened: the relay coil, or what is left of the permission.
    Status endOpen(Direction direction);
    Status setMode(GateMode mode); // Free, Locked or Normal
    // Polls every pollPeriodMs until `passes` people went through `direction` since `before`
    // or passTimeoutMs ran out; ends the relay pulse after pulseMs and takes back an unused
    // permission. Returns how many passed.
    Result<int> waitForPassages(Direction direction, int passes, const GateSnapshot &before);

    // connect, read inputs, fire input inactive, open entry and passage, entry counter
    // advanced (turnstile). Stops after a failed connect or read; connects itself.
    SelfTestResult selfTest(const SelfTestStepCallback &onStep = {});

    // "entries=.. exits=.. error=.. sensors=0x.. fire=.." or "entry-input=.. exit-input=.. ..".
    static QString describe(const GateSnapshot &snapshot, ProfileKind kind);

private:
    Status checkProfile() const;
    Status closeAfterError(Direction direction);
    Status requireConnected() const;
    Result<quint16> readProbeValue();
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    GateProfile m_profile;
    std::optional<ModbusBus> m_bus;
    const std::atomic<bool> *m_cancel = nullptr;
    bool m_debug = false;
};

} // namespace gymgate::bridge
