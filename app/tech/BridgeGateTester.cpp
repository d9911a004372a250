#include "tech/BridgeGateTester.h"

#include "core/GateSupervisor.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThread>
#include <QtDebug>

#include "protocol/GateProfile.h"
#include "tech/ModbusTesterWorker.h"
#include "tech/SerialTextTesterWorker.h"
#include "tech/SqlGateSetup.h"

namespace gymgate {

namespace {

bool isSerialLine(const bridge::GateProfile &profile)
{
    return profile.transport == bridge::TransportKind::ModbusRtu || profile.transport == bridge::TransportKind::Serial;
}

// The same port under two names (a /dev/serial/by-id link and the kernel name) is one line.
bool sameDevice(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (a == b)
        return true;
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    return !canonicalA.isEmpty() && canonicalA == QFileInfo(b).canonicalFilePath();
}

void registerMetaTypes()
{
    qRegisterMetaType<GateIoSnapshot>();
    qRegisterMetaType<GateFrame>();
    qRegisterMetaType<QList<GateFrame>>();
    qRegisterMetaType<GateSelfTestStep>();
    qRegisterMetaType<GateSelfTestReport>();
    qRegisterMetaType<Direction>();
    qRegisterMetaType<GateTestCommand>();
    qRegisterMetaType<QList<int>>();
}

} // namespace

BridgeGateTester::BridgeGateTester(SqlGateSetup &setup, GateSupervisor *supervisor, QObject *parent)
    : GateTester(parent), m_setup(setup), m_supervisor(supervisor)
{
    registerMetaTypes();
    if (supervisor)
        connect(supervisor, &GateSupervisor::emergencyChanged, this, &BridgeGateTester::onEmergency);
}

BridgeGateTester::~BridgeGateTester()
{
    teardown();
}

Status BridgeGateTester::startSession(const StaffSession &session, const GateConfig &gate)
{
    if (Status allowed = requirePermission(session, Permission::TechnicianConsole); !allowed)
        return allowed;
    if (hasSession())
        return fail(ErrorCode::Conflict, tr("A diagnostics session is already open; close it first."));
    auto profile = bridge::gateProfileFromJson(gate.profile);
    if (!profile)
        return fail(profile.error().code, tr("The gate's profile is not valid: %1").arg(profile.error().message),
            QStringLiteral("profile.") + profile.error().field);
    if (Status diagnosable = checkProfile(*profile); !diagnosable)
        return diagnosable;
    m_session = session;
    m_gate = gate;
    m_monitoring = true;
    m_cancel = false;
    pauseDriversOn(*profile);
    createWorker(*profile);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, monitoring = m_monitoring, capture = m_frameCapture] {
            worker->connectGate(monitoring, capture);
        },
        Qt::QueuedConnection);
    return {};
}

// The profile parser already pairs kinds with their transports; this guards the workers
// against a profile built in code.
Status BridgeGateTester::checkProfile(const bridge::GateProfile &profile) const
{
    switch (profile.kind) {
    case bridge::ProfileKind::Relay:
    case bridge::ProfileKind::TurnstileRegisters:
        if (profile.transport != bridge::TransportKind::ModbusTcp
            && profile.transport != bridge::TransportKind::ModbusRtu)
            return fail(ErrorCode::InvalidArgument,
                tr("Relay and turnstile-registers gates are diagnosed over a modbus-tcp or modbus-rtu transport."),
                QStringLiteral("profile.transport"));
        return {};
    case bridge::ProfileKind::SerialText:
        if (profile.transport != bridge::TransportKind::Serial)
            return fail(ErrorCode::InvalidArgument, tr("Serial-text boards are diagnosed over a serial transport."),
                QStringLiteral("profile.transport"));
        return {};
    case bridge::ProfileKind::Invalid:
        break;
    }
    return fail(ErrorCode::InvalidArgument, tr("Diagnostics need a relay, turnstile-registers or serial-text profile."),
        QStringLiteral("profile.kind"));
}

// One master per bus: the gate service's drivers on the session's serial line stop meanwhile.
void BridgeGateTester::pauseDriversOn(const bridge::GateProfile &profile)
{
    GateSupervisor *supervisor = m_supervisor.data();
    if (!supervisor || !isSerialLine(profile))
        return;
    QList<GateConfig> saved;
    if (!m_serviceLine) {
        auto gates = m_setup.configuredGates();
        if (!gates)
            qWarning("gate tester: cannot read the gates to pause: %s", qUtf8Printable(gates.error().toString()));
        else
            saved = *gates;
    }
    for (const QString &gateId : supervisor->gateIds()) {
        if (!sameDevice(serviceLineOf(gateId, saved), profile.serial.device))
            continue;
        if (GateDriver *driver = supervisor->driver(gateId)) {
            driver->stop();
            m_pausedGateIds.append(gateId);
        }
    }
}

QString BridgeGateTester::serviceLineOf(const QString &gateId, const QList<GateConfig> &saved) const
{
    if (m_serviceLine)
        return m_serviceLine(gateId);
    for (const GateConfig &gate : saved) {
        if (gate.id != gateId)
            continue;
        auto profile = bridge::gateProfileFromJson(gate.profile);
        return profile && isSerialLine(*profile) ? profile->serial.device : QString();
    }
    return {};
}

void BridgeGateTester::onEmergency(bool active)
{
    if (active && hasSession() && !m_pausedGateIds.isEmpty())
        endForSafety(tr("Emergency: the diagnostics session ended so that the gate service frees every gate."));
}

void BridgeGateTester::onIoRead(const GateIoSnapshot &snapshot)
{
    emit ioRead(snapshot);
    if (snapshot.fireActive && !m_pausedGateIds.isEmpty())
        endForSafety(tr("The fire input is active: the diagnostics session ended so that the gate service sees it."));
}

void BridgeGateTester::endForSafety(const QString &message)
{
    teardown();
    emit sessionChanged(false, message);
}

void BridgeGateTester::resumeDrivers()
{
    const QStringList paused = std::exchange(m_pausedGateIds, {});
    GateSupervisor *supervisor = m_supervisor.data();
    if (!supervisor)
        return;
    for (const QString &gateId : paused) {
        if (GateDriver *driver = supervisor->driver(gateId))
            driver->start();
    }
}

void BridgeGateTester::createWorker(const bridge::GateProfile &profile)
{
    ++m_sessionSerial;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("gate-tester"));
    if (profile.kind == bridge::ProfileKind::SerialText)
        m_worker = new SerialTextTesterWorker(profile, &m_cancel);
    else
        m_worker = new ModbusTesterWorker(profile, &m_cancel);
    m_worker->moveToThread(m_thread);
    // Deleted on its own thread once the thread's loop has ended (QThread::finished).
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connectWorker();
    m_thread->start();
}

// The worker's answers reach this thread queued; those of a closed session are dropped.
template<typename... Args>
void BridgeGateTester::forward(void (TesterWorker::*from)(Args...), void (GateTester::*to)(Args...))
{
    connect(
        m_worker, from, this,
        [this, to, serial = m_sessionSerial](Args... args) {
            if (serial == m_sessionSerial)
                (this->*to)(args...);
        },
        Qt::QueuedConnection);
}

void BridgeGateTester::connectWorker()
{
    const int serial = m_sessionSerial;
    connect(
        m_worker, &TesterWorker::ioRead, this,
        [this, serial](const GateIoSnapshot &snapshot) {
            if (serial == m_sessionSerial)
                onIoRead(snapshot);
        },
        Qt::QueuedConnection);
    forward(&TesterWorker::ioFailed, &GateTester::ioFailed);
    forward(&TesterWorker::passageSeen, &GateTester::passageSeen);
    forward(&TesterWorker::framesCaptured, &GateTester::framesCaptured);
    forward(&TesterWorker::scanProgress, &GateTester::scanProgress);
    forward(&TesterWorker::scanAnswered, &GateTester::scanAnswered);
    forward(&TesterWorker::selfTestStep, &GateTester::selfTestStep);
    connect(
        m_worker, &TesterWorker::sessionChanged, this,
        [this, serial](bool connected, const QString &message) {
            if (serial == m_sessionSerial)
                onSessionChanged(connected, message);
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &TesterWorker::commandFinished, this,
        [this, serial](GateTestCommand command, bool ok, const QString &answer) {
            if (serial != m_sessionSerial)
                return;
            setActivity(GateTestActivity::Idle);
            emit commandFinished(command, ok, answer);
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &TesterWorker::scanFinished, this,
        [this, serial](const QList<int> &answered, bool cancelled, const QString &error) {
            if (serial != m_sessionSerial)
                return;
            setActivity(GateTestActivity::Idle);
            emit scanFinished(answered, cancelled, error);
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &TesterWorker::selfTestDone, this,
        [this, serial](const GateSelfTestReport &report) {
            if (serial == m_sessionSerial)
                onSelfTestDone(report);
        },
        Qt::QueuedConnection);
}

void BridgeGateTester::onSessionChanged(bool connected, const QString &message)
{
    if (!connected)
        teardown(); // nothing to test without a connection; the paused drivers get their line back
    emit sessionChanged(connected, message);
}

// On this thread, where the Database lives.
void BridgeGateTester::onSelfTestDone(const GateSelfTestReport &report)
{
    QString storeError;
    if (!m_gate.id.isEmpty()) {
        if (Status stored = m_setup.recordSelfTest(m_session, m_gate.id, report); !stored)
            storeError = stored.error().message;
    }
    setActivity(GateTestActivity::Idle);
    emit selfTestFinished(report, storeError);
}

void BridgeGateTester::stopSession()
{
    if (!hasSession())
        return;
    teardown();
    emit sessionChanged(false, tr("Session closed"));
}

// Closes the bus on the worker thread before the paused drivers take the line back.
void BridgeGateTester::teardown()
{
    if (!m_thread)
        return;
    m_cancel = true; // a running scan or self-test returns at its next check
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    ++m_sessionSerial;
    m_cancel = false;
    setActivity(GateTestActivity::Idle);
    resumeDrivers();
    // A Free or Lock from the console may still hold the gate: the service says what it wants.
    if (GateSupervisor *supervisor = m_supervisor.data(); supervisor && supervisor->gateIds().contains(m_gate.id))
        supervisor->reapplyMode(m_gate.id);
}

void BridgeGateTester::setMonitoring(bool on)
{
    m_monitoring = on;
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, on] { worker->setMonitoring(on); }, Qt::QueuedConnection);
}

void BridgeGateTester::setFrameCapture(bool on)
{
    m_frameCapture = on;
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, on] { worker->setFrameCapture(on); }, Qt::QueuedConnection);
}

QString BridgeGateTester::refusal() const
{
    switch (m_activity) {
    case GateTestActivity::Command:
        return tr("Busy: a test command is running");
    case GateTestActivity::Scan:
        return tr("Busy: a bus scan is running");
    case GateTestActivity::SelfTest:
        return tr("Busy: the self-test is running");
    case GateTestActivity::Idle:
    case GateTestActivity::Invalid:
        break;
    }
    if (!hasSession())
        return tr("No diagnostics session is open");
    return {};
}

void BridgeGateTester::begin(GateTestActivity activity)
{
    m_cancel = false; // a cancel meant for the previous action must not end this one
    setActivity(activity);
}

void BridgeGateTester::setActivity(GateTestActivity activity)
{
    const bool wasBusy = busy();
    m_activity = activity;
    if (busy() != wasBusy)
        emit busyChanged(busy());
}

void BridgeGateTester::runCommand(GateTestCommand command)
{
    if (command == GateTestCommand::Invalid) {
        emit commandFinished(command, false, tr("No test command given"));
        return;
    }
    if (const QString refused = refusal(); !refused.isEmpty()) {
        emit commandFinished(command, false, refused);
        return;
    }
    begin(GateTestActivity::Command);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, command] { worker->runCommand(command); }, Qt::QueuedConnection);
}

void BridgeGateTester::scan(int fromSlaveId, int toSlaveId)
{
    if (const QString refused = refusal(); !refused.isEmpty()) {
        emit scanFinished({}, false, refused);
        return;
    }
    if (fromSlaveId < 1 || toSlaveId > 247 || fromSlaveId > toSlaveId) {
        emit scanFinished({}, false, tr("Slave ids to scan must be within 1..247, from not above to"));
        return;
    }
    begin(GateTestActivity::Scan);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, fromSlaveId, toSlaveId] { worker->scan(fromSlaveId, toSlaveId); },
        Qt::QueuedConnection);
}

void BridgeGateTester::runSelfTest()
{
    if (const QString refused = refusal(); !refused.isEmpty()) {
        // Nothing ran: a report whose only step says why, and nothing stored.
        GateSelfTestReport report;
        report.atMs = QDateTime::currentMSecsSinceEpoch();
        report.stoppedEarly = true;
        report.steps.append(GateSelfTestStep {tr("start"), false, refused});
        emit selfTestFinished(report, refused);
        return;
    }
    begin(GateTestActivity::SelfTest);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->runSelfTest(); }, Qt::QueuedConnection);
}

void BridgeGateTester::cancel()
{
    if (!busy())
        return;
    m_cancel = true;
    // A relay pulse, or a serial-text board's answer, waits on a timer, not on the flag.
    if (m_activity == GateTestActivity::Command)
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->endPulseNow(); }, Qt::QueuedConnection);
}

} // namespace gymgate
