#pragma once

#include "core/GateTester.h"

#include <QPointer>
#include <QStringList>

#include <atomic>
#include <functional>

namespace gymgate {

class GateSupervisor;
class TesterWorker;
class SqlGateSetup;

namespace bridge {
struct GateProfile;
}

// GateTester over the firmware bridge (docs/HARDWARE.md "Technician console"): a session runs
// on a QThread of its own, in the TesterWorker the profile's kind needs (ModbusTesterWorker over
// GateDiagnostics, SerialTextTesterWorker over a SerialTextGateDriver); calls are forwarded as queued invocations and
// the worker's answers are re-emitted here, on the caller's thread. Self-test reports are stored through `setup` on
// this thread, where its Database lives. Gates the supervisor drives on the session's serial
// line are stopped for the session (one master per bus) and started again when it closes.
class BridgeGateTester final : public GateTester {
    Q_OBJECT
public:
    // `supervisor` may be null: a desk without a gate service of its own.
    BridgeGateTester(SqlGateSetup &setup, GateSupervisor *supervisor, QObject *parent = nullptr);
    ~BridgeGateTester() override;

    Status startSession(const StaffSession &session, const GateConfig &gate) override;
    void stopSession() override;
    bool hasSession() const override { return m_worker != nullptr; }
    GateTestActivity activity() const override { return m_activity; }

    void setMonitoring(bool on) override;
    void setFrameCapture(bool on) override;
    void runCommand(GateTestCommand command) override;
    void scan(int fromSlaveId, int toSlaveId) override;
    void runSelfTest() override;
    void cancel() override;

    // The supervisor's gates stopped while this session uses their line.
    QStringList pausedGateIds() const { return m_pausedGateIds; }
    // The serial device the running gate service drives a gate through (GateWiring), to pause
    // the gates that really share the session's line; without it, the saved profiles say.
    using ServiceLineFunction = std::function<QString(const QString &gateId)>;
    void setServiceLines(ServiceLineFunction serviceLine) { m_serviceLine = std::move(serviceLine); }

private:
    Status checkProfile(const bridge::GateProfile &profile) const;
    void pauseDriversOn(const bridge::GateProfile &profile);
    void resumeDrivers();
    QString serviceLineOf(const QString &gateId, const QList<GateConfig> &saved) const;
    // The building's safety comes first: an emergency, or a fire input the session reads on a
    // line whose gates it paused, ends the session so the gate service takes over at once.
    void onEmergency(bool active);
    void onIoRead(const GateIoSnapshot &snapshot);
    void endForSafety(const QString &message);
    void createWorker(const bridge::GateProfile &profile);
    void connectWorker();
    template<typename... Args>
    void forward(void (TesterWorker::*from)(Args...), void (GateTester::*to)(Args...));
    void teardown();
    // An empty string when the action may start now; else why not (translated).
    QString refusal() const;
    void begin(GateTestActivity activity); // after refusal() said yes
    void setActivity(GateTestActivity activity);
    void onSessionChanged(bool connected, const QString &message);
    void onSelfTestDone(const GateSelfTestReport &report);

    SqlGateSetup &m_setup;
    QPointer<GateSupervisor> m_supervisor;
    StaffSession m_session;
    GateConfig m_gate;
    std::atomic<bool> m_cancel {false}; // read by the worker's GateDiagnostics; outlives it
    QThread *m_thread = nullptr;
    TesterWorker *m_worker = nullptr; // lives on m_thread; deleted when it finishes
    int m_sessionSerial = 0; // answers queued by an earlier session's worker are dropped
    GateTestActivity m_activity = GateTestActivity::Idle;
    bool m_monitoring = true;
    bool m_frameCapture = false;
    QStringList m_pausedGateIds;
    ServiceLineFunction m_serviceLine;
};

} // namespace gymgate
