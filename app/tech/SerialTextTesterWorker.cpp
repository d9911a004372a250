#include "tech/SerialTextTesterWorker.h"

#include <QDateTime>
#include <QEventLoop>
#include <QtDebug>

#include <algorithm>
#include <utility>

#include "drivers/SerialTextGateDriver.h"

namespace gymgate {

namespace {

// The board answers STATUS in a few ms, but a shared desk PC need not ask faster than a
// technician can read.
constexpr int kMinPollPeriodMs = 200;
constexpr int kMinConnectTimeoutMs = 2000;
constexpr int kCancelCheckMs = 50;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const char *modeName(GateMode mode)
{
    switch (mode) {
    case GateMode::Normal:
        return "NORMAL";
    case GateMode::Locked:
        return "LOCKED";
    case GateMode::Free:
        return "FREE";
    case GateMode::Invalid:
        break;
    }
    return "?";
}

} // namespace

SerialTextTesterWorker::SerialTextTesterWorker(
    bridge::GateProfile profile, const std::atomic<bool> *cancel, QObject *parent)
    : TesterWorker(parent), m_profile(std::move(profile)), m_cancel(cancel)
{
    m_connectTimer.setSingleShot(true);
    m_pollTimer.setInterval(std::max(kMinPollPeriodMs, m_profile.pollPeriodMs));
    m_commandTimer.setSingleShot(true);
    m_stageTimer.setSingleShot(true);
    m_cancelTimer.setInterval(kCancelCheckMs);
    connect(&m_connectTimer, &QTimer::timeout, this, &SerialTextTesterWorker::onConnectTimeout);
    connect(&m_pollTimer, &QTimer::timeout, this, &SerialTextTesterWorker::poll);
    connect(&m_commandTimer, &QTimer::timeout, this,
        [this] { finishCommand(false, tr("The board did not answer within %1 ms").arg(m_profile.timeoutMs)); });
    connect(&m_stageTimer, &QTimer::timeout, this, [this] {
        failStage(m_stage == Stage::OpenAndPassage
                ? tr("nobody passed within %1 ms").arg(m_profile.passTimeoutMs)
                : tr("the board did not answer within %1 ms")
                      .arg(m_stage == Stage::Connect ? connectTimeoutMs() : m_profile.timeoutMs));
    });
    connect(&m_cancelTimer, &QTimer::timeout, this, &SerialTextTesterWorker::checkCancel);
}

SerialTextTesterWorker::~SerialTextTesterWorker() = default;

bool SerialTextTesterWorker::isConnected() const
{
    return m_driver && m_driver->status().connected;
}

int SerialTextTesterWorker::connectTimeoutMs() const
{
    return std::max(kMinConnectTimeoutMs, m_profile.timeoutMs * 4);
}

void SerialTextTesterWorker::connectGate(bool monitoring, bool frameCapture)
{
    m_monitoring = monitoring;
    setFrameCapture(frameCapture); // before start: the first lines are shown too
    m_driver = std::make_unique<bridge::SerialTextGateDriver>(m_profile);
    bridge::SerialTextGateDriver *driver = m_driver.get();
    connect(driver, &GateDriver::connectedChanged, this, &SerialTextTesterWorker::onConnectedChanged);
    connect(driver, &GateDriver::fault, this, &SerialTextTesterWorker::onFault);
    connect(driver, &GateDriver::opened, this, &SerialTextTesterWorker::onOpened);
    connect(driver, &GateDriver::modeChanged, this, &SerialTextTesterWorker::onModeChanged);
    connect(driver, &GateDriver::passed, this, &SerialTextTesterWorker::onPassed);
    connect(driver, &GateDriver::passTimedOut, this, &SerialTextTesterWorker::onPassTimedOut);
    connect(driver, &GateDriver::fireAlarmChanged, this, [this] {
        if (isMonitoring() && m_stage == Stage::None)
            reportSnapshot(); // the board pushes FIRE lines: show them without waiting for a poll
    });
    connect(driver, &bridge::SerialTextGateDriver::statusAnswered, this,
        [this](GateMode, bool fireActive) { onStatusAnswered(fireActive); });
    connect(
        driver, &bridge::SerialTextGateDriver::lineSent, this, [this](const QByteArray &line) { onLine(true, line); });
    connect(driver, &bridge::SerialTextGateDriver::lineReceived, this,
        [this](const QByteArray &line) { onLine(false, line); });
    m_connecting = true;
    m_connectTimer.start(connectTimeoutMs());
    driver->start();
}

// Stops and lets go of the driver; deleted later, since this may run inside one of its signals.
void SerialTextTesterWorker::dropDriver()
{
    if (!m_driver)
        return;
    disconnect(m_driver.get(), nullptr, this, nullptr);
    m_driver->stop();
    m_driver.release()->deleteLater();
}

void SerialTextTesterWorker::close()
{
    for (QTimer *timer : {&m_connectTimer, &m_pollTimer, &m_commandTimer, &m_stageTimer, &m_cancelTimer})
        timer->stop();
    m_connecting = false;
    m_sessionOpen = false;
    m_command = GateTestCommand::Invalid;
    m_stage = Stage::None;
    setFrameCapture(false);
    if (m_driver) {
        disconnect(m_driver.get(), nullptr, this, nullptr);
        restoreNormalMode();
        m_driver->stop(); // closes the port here, on its thread, before the gate service takes it back
        m_driver.reset();
    }
}

// A FREE or LOCKED from the console must not outlive the session, with nobody at the console
// to notice. Best effort: waits for the board's OK (so the line has left before the port
// closes) at most the profile's timeout; the session ends either way.
void SerialTextTesterWorker::restoreNormalMode()
{
    if (!std::exchange(m_modeChanged, false) || !isConnected())
        return;
    QEventLoop loop;
    bool done = false;
    bool answered = false;
    const auto finish = [&loop, &done] {
        done = true;
        loop.quit();
    };
    bridge::SerialTextGateDriver *driver = m_driver.get();
    connect(driver, &GateDriver::modeChanged, &loop, [&answered, finish](GateMode mode) {
        answered = mode == GateMode::Normal;
        finish();
    });
    connect(driver, &GateDriver::fault, &loop, finish);
    connect(driver, &GateDriver::connectedChanged, &loop, finish);
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, finish);
    driver->setMode(GateMode::Normal); // a failed write is a fault() right here
    if (!done) {
        timeout.start(m_profile.timeoutMs);
        loop.exec();
    }
    if (!answered)
        qWarning("gate tester: the board on %s did not confirm normal mode", qUtf8Printable(m_profile.serial.device));
}

void SerialTextTesterWorker::onConnectedChanged(bool connected)
{
    m_statusOutstanding = false; // the driver forgets unanswered commands with the old link
    if (m_connecting) {
        if (!connected)
            return; // the link retries by itself until the connect timeout
        m_connecting = false;
        m_connectTimer.stop();
        m_sessionOpen = true;
        emit sessionChanged(true, tr("Connected to %1").arg(m_profile.serial.device));
        updateMonitor();
        if (isMonitoring())
            poll();
        return;
    }
    if (connected) {
        m_lastFailure.clear();
        if (m_stage == Stage::Connect) {
            m_stageTimer.stop();
            addStep(tr("connect"), true, m_profile.serial.device);
            startReadStatus();
        }
        return;
    }
    const QString lost = tr("The serial line to %1 went away; reconnecting").arg(m_profile.serial.device);
    if (m_command != GateTestCommand::Invalid)
        finishCommand(false, lost);
    if (m_stage != Stage::None)
        failStage(lost);
    reportFailure(lost);
}

void SerialTextTesterWorker::onConnectTimeout()
{
    if (!m_connecting)
        return;
    m_connecting = false;
    dropDriver();
    emit sessionChanged(false,
        tr("Cannot connect to %1: the serial line did not open within %2 ms")
            .arg(m_profile.serial.device)
            .arg(connectTimeoutMs()));
}

// The board answers in order and the monitor does not ask while a command or the self-test
// runs: an ERR answers an outstanding STATUS first, else the running action.
void SerialTextTesterWorker::onFault(const QString &message)
{
    if (m_connecting) {
        m_connecting = false;
        m_connectTimer.stop();
        dropDriver();
        emit sessionChanged(false, message);
        return;
    }
    if (m_sending) {
        m_sendError = message;
        return;
    }
    if (m_statusOutstanding) {
        m_statusOutstanding = false;
        if (m_stage == Stage::ReadStatus)
            failStage(message);
        else
            reportFailure(message);
        return;
    }
    if (m_command != GateTestCommand::Invalid) {
        finishCommand(false, message);
        return;
    }
    if (m_stage == Stage::OpenAndPassage) {
        failStage(message);
        return;
    }
    reportFailure(message);
}

void SerialTextTesterWorker::onStatusAnswered(bool fireActive)
{
    m_statusOutstanding = false;
    if (m_stage == Stage::ReadStatus) {
        m_stageTimer.stop();
        addStep(tr("read status"), true,
            tr("mode %1, fire %2").arg(QLatin1String(modeName(m_driver->status().mode))).arg(fireActive ? 1 : 0));
        addStep(tr("fire input inactive"), !fireActive, fireActive ? tr("fire alarm is active") : QString());
        startOpenAndPassage();
        return;
    }
    m_lastFailure.clear(); // the next failure is news again
    if (isMonitoring())
        reportSnapshot();
}

void SerialTextTesterWorker::onOpened(Direction direction)
{
    if (commandDirection(m_command) == direction)
        finishCommand(true, tr("The board answered OK"));
}

void SerialTextTesterWorker::onModeChanged(GateMode mode)
{
    if (mode == GateMode::Normal)
        m_modeChanged = false;
    if (m_command != GateTestCommand::Invalid && commandMode(m_command) == mode)
        finishCommand(true, tr("The board answered OK"));
}

void SerialTextTesterWorker::onPassed(Direction direction, int count)
{
    if (m_stage == Stage::OpenAndPassage && direction == Direction::In) {
        // The self-test's own passage is its business, not one the monitor saw.
        m_stageTimer.stop();
        addStep(tr("open entry and passage"), true);
        finishSelfTest();
        return;
    }
    emit passageSeen(direction, count);
}

void SerialTextTesterWorker::onPassTimedOut(Direction direction)
{
    if (m_stage == Stage::OpenAndPassage && direction == Direction::In)
        failStage(tr("the board reports TIMEOUT IN: nobody passed"));
}

void SerialTextTesterWorker::onLine(bool sent, const QByteArray &line)
{
    if (m_frameCapture)
        queueFrame(GateFrame {nowMs(), sent, line});
}

void SerialTextTesterWorker::setMonitoring(bool on)
{
    m_monitoring = on;
    updateMonitor();
}

void SerialTextTesterWorker::updateMonitor()
{
    if (!isMonitoring())
        m_pollTimer.stop();
    else if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

void SerialTextTesterWorker::poll()
{
    if (!isConnected() || m_command != GateTestCommand::Invalid || m_stage != Stage::None)
        return; // a lost line was reported when it went; commands and the self-test have the board
    if (m_statusOutstanding) {
        if (m_statusClock.elapsed() < m_profile.timeoutMs)
            return;
        m_statusOutstanding = false;
        reportFailure(tr("The board did not answer STATUS within %1 ms").arg(m_profile.timeoutMs));
    }
    if (const QString error = sendStatus(); !error.isEmpty())
        reportFailure(error);
}

QString SerialTextTesterWorker::sendStatus()
{
    m_sendError.clear();
    m_sending = true;
    m_driver->requestStatus();
    m_sending = false;
    if (!m_sendError.isEmpty())
        return m_sendError;
    m_statusOutstanding = true;
    m_statusClock.start();
    return {};
}

// A serial-text board has no registers to list: the snapshot carries what STATUS and the FIRE
// lines tell.
void SerialTextTesterWorker::reportSnapshot()
{
    GateIoSnapshot snapshot;
    snapshot.atMs = nowMs();
    snapshot.fireActive = m_driver && m_driver->status().fireActive;
    emit ioRead(snapshot);
}

void SerialTextTesterWorker::reportFailure(const QString &message)
{
    if (message == m_lastFailure)
        return;
    m_lastFailure = message;
    emit ioFailed(message);
}

void SerialTextTesterWorker::setFrameCapture(bool on)
{
    m_frameCapture = on;
    if (on)
        startFrameBatches();
    else
        stopFrameBatches();
}

void SerialTextTesterWorker::runCommand(GateTestCommand command)
{
    if (!isConnected()) {
        emit commandFinished(command, false, tr("The board is not connected"));
        return;
    }
    m_command = command;
    m_commandTimer.start(m_profile.timeoutMs);
    m_sendError.clear();
    if (command == GateTestCommand::Free || command == GateTestCommand::Lock)
        m_modeChanged = true; // close() puts the board back to normal
    m_sending = true;
    if (const Direction direction = commandDirection(command); direction != Direction::Invalid)
        m_driver->open(direction);
    else
        m_driver->setMode(commandMode(command));
    m_sending = false;
    if (!m_sendError.isEmpty())
        finishCommand(false, m_sendError);
}

void SerialTextTesterWorker::endPulseNow()
{
    if (m_command != GateTestCommand::Invalid)
        finishCommand(false, tr("Cancelled before the board answered"));
}

void SerialTextTesterWorker::finishCommand(bool ok, const QString &answer)
{
    const GateTestCommand command = std::exchange(m_command, GateTestCommand::Invalid);
    if (command == GateTestCommand::Invalid)
        return;
    m_commandTimer.stop();
    emit commandFinished(command, ok, answer);
}

void SerialTextTesterWorker::scan(int fromSlaveId, int toSlaveId)
{
    Q_UNUSED(fromSlaveId)
    Q_UNUSED(toSlaveId)
    emit scanFinished({}, false, tr("A serial-text board has no slave ids to scan."));
}

// Steps as GateDiagnostics runs them for Modbus gates: connect, read status, fire input
// inactive, open entry and passage. A failed connect or read stops it early.
void SerialTextTesterWorker::runSelfTest()
{
    m_report = GateSelfTestReport {};
    m_report.atMs = nowMs();
    m_cancelTimer.start();
    if (!m_driver) {
        m_stage = Stage::Connect;
        failStage(tr("the session has no serial line"));
        return;
    }
    if (isConnected()) {
        addStep(tr("connect"), true, m_profile.serial.device);
        startReadStatus();
        return;
    }
    m_stage = Stage::Connect; // the link is reconnecting by itself
    m_stageTimer.start(connectTimeoutMs());
}

void SerialTextTesterWorker::addStep(const QString &name, bool passed, const QString &message)
{
    const GateSelfTestStep step {name, passed, message};
    m_report.steps.append(step);
    emit selfTestStep(step);
}

void SerialTextTesterWorker::startReadStatus()
{
    m_stage = Stage::ReadStatus;
    if (const QString error = sendStatus(); !error.isEmpty()) {
        failStage(error);
        return;
    }
    m_stageTimer.start(m_profile.timeoutMs);
}

void SerialTextTesterWorker::startOpenAndPassage()
{
    m_stage = Stage::OpenAndPassage;
    m_sendError.clear();
    m_sending = true;
    m_driver->open(Direction::In);
    m_sending = false;
    if (!m_sendError.isEmpty()) {
        failStage(m_sendError);
        return;
    }
    // The board gives up itself (TIMEOUT IN); this is for one that says nothing.
    m_stageTimer.start(m_profile.passTimeoutMs + m_profile.timeoutMs);
}

// The running step failed: connect and read status stop the test early, the passage ends it.
void SerialTextTesterWorker::failStage(const QString &message)
{
    m_stageTimer.stop();
    switch (m_stage) {
    case Stage::Connect:
        addStep(tr("connect"), false, message);
        m_report.stoppedEarly = true;
        break;
    case Stage::ReadStatus:
        addStep(tr("read status"), false, message);
        m_report.stoppedEarly = true;
        break;
    case Stage::OpenAndPassage:
        addStep(tr("open entry and passage"), false, message);
        break;
    case Stage::None:
        return;
    }
    finishSelfTest();
}

void SerialTextTesterWorker::finishSelfTest()
{
    m_stage = Stage::None;
    m_stageTimer.stop();
    m_cancelTimer.stop();
    m_lastFailure.clear();
    emit selfTestDone(m_report);
}

void SerialTextTesterWorker::checkCancel()
{
    if (m_stage != Stage::None && cancelled())
        failStage(tr("cancelled"));
}

} // namespace gymgate
