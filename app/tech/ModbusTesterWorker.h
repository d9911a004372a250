#pragma once

#include "core/Entry.h"
#include "core/GateTester.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

#include "drivers/GateDiagnostics.h"
#include "drivers/ModbusFrameTap.h"
#include "tech/TesterWorker.h"

namespace gymgate {

// The TesterWorker for relay and turnstile-registers gates over Modbus TCP or RTU: owns the
// session's GateDiagnostics and does every bus call, the I/O monitor, the relay pulse and the
// frame batches. The bus calls block, so one long action (scan, self-test) holds the monitor
// back until it returns: they share the bus.
class ModbusTesterWorker final : public TesterWorker {
    Q_OBJECT
public:
    // `cancel` must outlive the worker; the facade sets it from its own thread.
    ModbusTesterWorker(bridge::GateProfile profile, const std::atomic<bool> *cancel, QObject *parent = nullptr);
    ~ModbusTesterWorker() override;

    void connectGate(bool monitoring, bool frameCapture) override;
    void close() override;
    void setMonitoring(bool on) override;
    void setFrameCapture(bool on) override;
    void runCommand(gymgate::GateTestCommand command) override;
    void endPulseNow() override;
    void scan(int fromSlaveId, int toSlaveId) override;
    void runSelfTest() override;

private:
    const bridge::GateProfile &profile() const { return m_diagnostics.profile(); }
    bool isRelay() const { return m_diagnostics.isRelay(); }
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    Status ensureConnected();
    void poll();
    Result<GateIoSnapshot> readIo();
    Status readTable(bridge::ModbusTable table, QList<GateIoPoint> &points);
    void decode(GateIoSnapshot &snapshot) const;
    void reportPassages(const GateIoSnapshot &now);
    void reportFailure(const Error &error);
    void updateMonitor();
    void applyDebug();
    void finishPulse();
    void restoreNormalMode();
    QString commandAnswer(GateTestCommand command) const;

    bridge::GateDiagnostics m_diagnostics;
    const std::atomic<bool> *m_cancel = nullptr;
    bool m_monitoring = false;
    bool m_frameCapture = false;
    bool m_needReconnect = false;
    bool m_modeChanged = false; // a Free or Lock was sent: close() writes Normal
    std::optional<GateIoSnapshot> m_last;
    QString m_lastFailure;
    // Children, so they move to the worker thread with it.
    QTimer m_pollTimer {this};
    QTimer m_pulseTimer {this};
    QElapsedTimer m_pulseClock;
    GateTestCommand m_pulseCommand = GateTestCommand::Invalid;
    std::unique_ptr<bridge::ModbusFrameTap::ThreadSink> m_frameSink;
};

} // namespace gymgate
