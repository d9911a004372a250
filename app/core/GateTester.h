#pragma once

#include "core/Entry.h"
#include "core/Error.h"
#include "core/Gate.h"
#include "core/Staff.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

namespace gymgate {

// The Modbus tables, as a technician names them.
enum class GateIoTable {
    Invalid = 0,
    Coils,
    DiscreteInputs,
    HoldingRegisters,
    InputRegisters,
};

// One address the gate's profile uses, with what it read.
struct GateIoPoint {
    GateIoTable table = GateIoTable::Invalid;
    int address = 0;
    QString name; // the profile field: "entryCoil", "fireInput", "entryCounter (high)"
    int value = 0;
};

// One read of everything the profile maps, for the I/O monitor.
struct GateIoSnapshot {
    qint64 atMs = 0;
    QList<GateIoPoint> points;
    std::optional<quint32> entryCount; // turnstile-registers: the 32-bit counters
    std::optional<quint32> exitCount;
    int errorCode = 0;
    bool fireActive = false;
    bool tamperActive = false;
};

// One frame on the wire: a Modbus ADU as sent or received (MBAP header for TCP, CRC for RTU),
// or one text line for serial-text boards.
struct GateFrame {
    qint64 atMs = 0;
    bool sent = false; // true: desk -> gate (TX); false: gate -> desk (RX)
    QByteArray bytes;
};

enum class GateTestCommand {
    Invalid = 0,
    OpenIn,
    OpenOut,
    Free,
    Lock,
    Normal,
};

// What a diagnostics session is doing: at most one long action at a time.
enum class GateTestActivity {
    Invalid = 0,
    Idle,
    Command, // a test command, until the gate answers (or a passage, for Open)
    Scan,
    SelfTest,
};

// A diagnostics session on one gate for the technician console (issue 8): I/O monitor, raw
// frames, test commands, bus scan and self-test. Everything runs on a worker thread; calls
// return at once and answers come as signals on the caller's thread. One session at a time;
// one long action (command, scan, self-test) at a time: another is refused with busy().
// Requires Permission::TechnicianConsole. A gate the running gate service drives over a serial
// line is paused while the session is open (one master per bus) and resumed when it closes.
class GateTester : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~GateTester() override = default;

    // Connects to the gate as `gate` says (a saved gate, or the editor's unsaved profile: then
    // gate.id is empty and nothing is stored). sessionChanged() tells how it went.
    virtual Status startSession(const StaffSession &session, const GateConfig &gate) = 0;
    virtual void stopSession() = 0;
    virtual bool hasSession() const = 0;
    virtual GateTestActivity activity() const = 0;
    bool busy() const { return activity() != GateTestActivity::Idle; }

    // The I/O monitor reads every pollPeriodMs while on (on when a session connects).
    virtual void setMonitoring(bool on) = 0;
    // Raw frames are captured only while on: a busy RTU bus prints a lot.
    virtual void setFrameCapture(bool on) = 0;
    virtual void runCommand(GateTestCommand command) = 0;
    // Tries every slave id in [from, to] on the session's line.
    virtual void scan(int fromSlaveId, int toSlaveId) = 0;
    // Stores the report on the gate (when it is a saved gate), audited "gate.selftest".
    virtual void runSelfTest() = 0;
    // Ends a running scan, self-test or passage wait early.
    virtual void cancel() = 0;

signals:
    void sessionChanged(bool connected, const QString &message); // translated
    void busyChanged(bool busy);
    void ioRead(const gymgate::GateIoSnapshot &snapshot);
    void ioFailed(const QString &message); // translated; the monitor keeps trying
    void passageSeen(gymgate::Direction direction, int count);
    void framesCaptured(const QList<gymgate::GateFrame> &frames); // in batches, oldest first
    void commandFinished(gymgate::GateTestCommand command, bool ok, const QString &answer); // translated
    void scanProgress(int slaveId, int fromSlaveId, int toSlaveId);
    void scanAnswered(int slaveId);
    void scanFinished(const QList<int> &answeredSlaveIds, bool cancelled, const QString &error);
    void selfTestStep(const gymgate::GateSelfTestStep &step);
    void selfTestFinished(const gymgate::GateSelfTestReport &report, const QString &storeError);
};

} // namespace gymgate

Q_DECLARE_METATYPE(gymgate::GateIoSnapshot)
Q_DECLARE_METATYPE(gymgate::GateFrame)
Q_DECLARE_METATYPE(gymgate::GateSelfTestStep)
Q_DECLARE_METATYPE(gymgate::GateSelfTestReport)
