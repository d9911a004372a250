#pragma once

#include "core/GateDriver.h"
#include "core/GateTester.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>

#include "protocol/GateProfile.h"
#include "tech/TesterWorker.h"

namespace gymgate {

namespace bridge {
class SerialTextGateDriver;
}

// The TesterWorker for serial-text boards (docs/HARDWARE.md "serial-text: line protocol"): owns
// a SerialTextGateDriver on the profile's serial line. Nothing blocks: the board answers and
// reports by lines, so every action is a small state machine on the worker thread's loop. The
// monitor asks STATUS; passages, fire changes and the command answers are the board's own
// lines; the frame log shows every line as text. One command or self-test at a time (the
// facade sees to it); the monitor does not ask while one runs, so an ERR answers it.
class SerialTextTesterWorker final : public TesterWorker {
    Q_OBJECT
public:
    // `cancel` must outlive the worker; the facade sets it from its own thread.
    SerialTextTesterWorker(bridge::GateProfile profile, const std::atomic<bool> *cancel, QObject *parent = nullptr);
    ~SerialTextTesterWorker() override;

    void connectGate(bool monitoring, bool frameCapture) override;
    void close() override;
    void setMonitoring(bool on) override;
    void setFrameCapture(bool on) override;
    void runCommand(gymgate::GateTestCommand command) override;
    void endPulseNow() override;
    void scan(int fromSlaveId, int toSlaveId) override;
    void runSelfTest() override;

private:
    enum class Stage {
        None,
        Connect,
        ReadStatus,
        OpenAndPassage,
    };

    bool cancelled() const { return m_cancel && m_cancel->load(); }
    bool isConnected() const;
    bool isMonitoring() const { return m_monitoring && m_sessionOpen; }
    int connectTimeoutMs() const;
    void dropDriver();
    void restoreNormalMode();

    void onConnectedChanged(bool connected);
    void onConnectTimeout();
    void onFault(const QString &message);
    void onStatusAnswered(bool fireActive);
    void onOpened(Direction direction);
    void onModeChanged(GateMode mode);
    void onPassed(Direction direction, int count);
    void onPassTimedOut(Direction direction);
    void onLine(bool sent, const QByteArray &line);

    void poll();
    QString sendStatus(); // empty, or why it was not sent
    void reportSnapshot();
    void reportFailure(const QString &message);
    void updateMonitor();

    void finishCommand(bool ok, const QString &answer);

    void addStep(const QString &name, bool passed, const QString &message = {});
    void startReadStatus();
    void startOpenAndPassage();
    void failStage(const QString &message);
    void finishSelfTest();
    void checkCancel();

    bridge::GateProfile m_profile;
    const std::atomic<bool> *m_cancel = nullptr;
    std::unique_ptr<bridge::SerialTextGateDriver> m_driver; // made on the worker thread
    bool m_connecting = false;
    bool m_sessionOpen = false;
    bool m_monitoring = false;
    bool m_frameCapture = false;
    bool m_modeChanged = false; // a FREE or LOCKED was sent: close() sends NORMAL
    bool m_statusOutstanding = false;
    QElapsedTimer m_statusClock;
    QString m_lastFailure;
    // A fault while a command is written is that command's failure.
    bool m_sending = false;
    QString m_sendError;
    GateTestCommand m_command = GateTestCommand::Invalid;
    Stage m_stage = Stage::None;
    GateSelfTestReport m_report;
    // Children, so they move to the worker thread with it.
    QTimer m_connectTimer {this};
    QTimer m_pollTimer {this};
    QTimer m_commandTimer {this};
    QTimer m_stageTimer {this};
    QTimer m_cancelTimer {this};
};

} // namespace gymgate
