#pragma once

#include "core/GateDriver.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

#include "drivers/ModbusBus.h"
#include "protocol/GateProfile.h"

namespace gymgate::bridge {

// Serves one Modbus line (a TCP connection or an RTU serial bus) and every gate on it, each
// addressed by its slave id. Lives on the line's worker thread and makes every libmodbus call
// there. Commands arrive as queued slot calls and run at once, between two polls, so they never
// wait behind a poll cycle. Signals carry the gate id given to addGate().
class ModbusWorker : public QObject {
    Q_OBJECT

public:
    // Only the transport fields of `line` are used (transport, tcp, serial, timeoutMs).
    explicit ModbusWorker(GateProfile line, QObject *parent = nullptr);
    ~ModbusWorker() override;

public slots:
    void addGate(int gateId, const gymgate::bridge::GateProfile &profile);
    void removeGate(int gateId);
    void startGate(int gateId);
    void stopGate(int gateId);
    void stopAll();
    void open(int gateId, gymgate::Direction direction, int passes);
    void setMode(int gateId, gymgate::GateMode mode);

signals:
    void opened(int gateId, gymgate::Direction direction);
    void passed(int gateId, gymgate::Direction direction, int count);
    void passTimedOut(int gateId, gymgate::Direction direction);
    void fireAlarmChanged(int gateId, bool active);
    void tamperChanged(int gateId, bool active);
    void connectedChanged(int gateId, bool connected);
    void fault(int gateId, const QString &message);
    void statusChanged(int gateId, const gymgate::GateStatus &status);

private:
    struct PendingPass {
        bool waiting = false;
        QDeadlineTimer deadline;
    };

    struct Gate {
        int id = 0;
        GateProfile profile;
        bool running = false;
        GateStatus status;
        PendingPass pendingIn;
        PendingPass pendingOut;
        int pulseCoil = -1;
        QDeadlineTimer pulseEnd;
        // Relay: last level of the passage inputs, for the rising edge. Registers: counters
        // in `status`. Either way nothing counts until one poll has set the baseline.
        bool entryInput = false;
        bool exitInput = false;
        bool haveBaseline = false;
        QString lastFault; // a fault repeated by every poll is reported once
        // A slave that stopped answering on a shared line is retried on its own backoff.
        bool offline = false;
        int backoffMs = 0;
        QDeadlineTimer retryAt;
    };

    Gate *gate(int gateId);
    bool anyRunning() const;
    void tryConnect();
    void scheduleReconnect();
    void lineLost(const Error &error);
    void closeLine();
    void restartPollTimer();
    void poll();
    void pollGate(Gate &gate);
    bool pollRelay(Gate &gate);
    bool pollRegisters(Gate &gate);
    bool select(Gate &gate);
    bool check(Gate &gate, const Status &status);
    void takeOffline(Gate &gate, const Error &error);
    void setGateConnected(Gate &gate, bool connected);
    void endPulse(Gate &gate);
    Status writeOpen(Gate &gate, Direction direction, int passes);
    Status writeMode(Gate &gate, GateMode mode);
    void armPassTimeout(Gate &gate, Direction direction);
    void notePassage(Gate &gate, Direction direction, int count);
    void checkPassTimeouts(Gate &gate);
    void updateFire(Gate &gate, bool active);
    void updateTamper(Gate &gate, bool active);
    void updateErrorCode(Gate &gate, int code);
    void reportFault(Gate &gate, const QString &message);

    GateProfile m_line;
    std::optional<ModbusBus> m_bus;
    std::vector<std::unique_ptr<Gate>> m_gates;
    QTimer m_pollTimer;
    QTimer m_reconnectTimer;
    int m_backoffMs;
};

} // namespace gymgate::bridge
