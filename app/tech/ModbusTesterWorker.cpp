#include "tech/ModbusTesterWorker.h"

#include <QDateTime>
#include <QtDebug>

#include <algorithm>
#include <utility>

namespace gymgate {

namespace {

using bridge::ModbusTable;

// The UI cannot show faster reads, and a shared RTU bus should keep room for the others.
constexpr int kMinPollPeriodMs = 50;
// A table read in one request when its addresses span at most this many.
constexpr int kMaxSpan = 64;
// A counter that jumps by more than this was reset or replaced, not passed through.
constexpr quint32 kMaxPassagesPerRead = 1000;

const char *const kEntryCounterHigh = "entryCounter (high)";
const char *const kEntryCounterLow = "entryCounter (low)";
const char *const kExitCounterHigh = "exitCounter (high)";
const char *const kExitCounterLow = "exitCounter (low)";

GateIoTable ioTable(ModbusTable table)
{
    switch (table) {
    case ModbusTable::Coils:
        return GateIoTable::Coils;
    case ModbusTable::DiscreteInputs:
        return GateIoTable::DiscreteInputs;
    case ModbusTable::HoldingRegisters:
        return GateIoTable::HoldingRegisters;
    case ModbusTable::InputRegisters:
        return GateIoTable::InputRegisters;
    case ModbusTable::Invalid:
        break;
    }
    return GateIoTable::Invalid;
}

// Every address the profile maps, by profile field, in the order the monitor shows them.
QList<GateIoPoint> mappedPoints(const bridge::GateProfile &profile)
{
    QList<GateIoPoint> points;
    const auto add = [&points](GateIoTable table, int address, const char *name) {
        if (address >= 0) // -1: not wired
            points.append(GateIoPoint {table, address, QString::fromLatin1(name), 0});
    };
    if (profile.kind == bridge::ProfileKind::Relay) {
        const bridge::RelayMap &map = profile.relay;
        add(GateIoTable::Coils, map.entryCoil, "entryCoil");
        add(GateIoTable::Coils, map.exitCoil, "exitCoil");
        add(GateIoTable::DiscreteInputs, map.entryInput, "entryInput");
        add(GateIoTable::DiscreteInputs, map.exitInput, "exitInput");
        add(GateIoTable::DiscreteInputs, map.fireInput, "fireInput");
        add(GateIoTable::DiscreteInputs, map.tamperInput, "tamperInput");
        return points;
    }
    const bridge::RegisterMap &map = profile.registers;
    add(GateIoTable::HoldingRegisters, map.entryPermission, "entryPermission");
    add(GateIoTable::HoldingRegisters, map.exitPermission, "exitPermission");
    add(GateIoTable::HoldingRegisters, map.mode, "mode");
    add(GateIoTable::HoldingRegisters, map.passTime, "passTime");
    add(GateIoTable::InputRegisters, map.entryCounter, kEntryCounterHigh);
    add(GateIoTable::InputRegisters, map.entryCounter + 1, kEntryCounterLow);
    add(GateIoTable::InputRegisters, map.exitCounter, kExitCounterHigh);
    add(GateIoTable::InputRegisters, map.exitCounter + 1, kExitCounterLow);
    add(GateIoTable::InputRegisters, map.errorCode, "errorCode");
    add(GateIoTable::InputRegisters, map.sensors, "sensors");
    return points;
}

// The index of the low word that goes with points[highIndex] when that is a counter's high
// word (mappedPoints puts it at the next address), else -1.
qsizetype counterLowWordIndex(const QList<GateIoPoint> &points, qsizetype highIndex)
{
    const GateIoPoint &high = points.at(highIndex);
    const char *lowName = high.name == QLatin1String(kEntryCounterHigh) ? kEntryCounterLow
        : high.name == QLatin1String(kExitCounterHigh)                  ? kExitCounterLow
                                                                        : nullptr;
    if (!lowName)
        return -1;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const GateIoPoint &low = points.at(i);
        if (low.table == high.table && low.address == high.address + 1 && low.name == QLatin1String(lowName))
            return i;
    }
    return -1;
}

std::optional<int> pointValue(const QList<GateIoPoint> &points, const char *name)
{
    for (const GateIoPoint &point : points) {
        if (point.name == QLatin1String(name))
            return point.value;
    }
    return std::nullopt;
}

std::optional<quint32> counter(const QList<GateIoPoint> &points, const char *high, const char *low)
{
    const auto highWord = pointValue(points, high);
    const auto lowWord = pointValue(points, low);
    if (!highWord || !lowWord)
        return std::nullopt;
    return quint32(quint16(*highWord)) << 16 | quint16(*lowWord); // high word first (DESIGN §8)
}

GateSelfTestReport toReport(const bridge::SelfTestResult &result)
{
    GateSelfTestReport report;
    report.atMs = result.atMs;
    report.stoppedEarly = result.stoppedEarly;
    for (const bridge::SelfTestStep &step : result.steps)
        report.steps.append(GateSelfTestStep {step.name, step.passed, step.message});
    return report;
}

} // namespace

ModbusTesterWorker::ModbusTesterWorker(bridge::GateProfile profile, const std::atomic<bool> *cancel, QObject *parent)
    : TesterWorker(parent), m_diagnostics(std::move(profile)), m_cancel(cancel)
{
    m_diagnostics.setCancelFlag(cancel);
    m_pollTimer.setInterval(std::max(kMinPollPeriodMs, m_diagnostics.profile().pollPeriodMs));
    m_pulseTimer.setSingleShot(true);
    m_pulseTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_pollTimer, &QTimer::timeout, this, &ModbusTesterWorker::poll);
    connect(&m_pulseTimer, &QTimer::timeout, this, &ModbusTesterWorker::finishPulse);
}

ModbusTesterWorker::~ModbusTesterWorker()
{
    // The sink belongs to this thread's stdout route; drop it here, where it was made.
    m_frameSink.reset();
}

void ModbusTesterWorker::connectGate(bool monitoring, bool frameCapture)
{
    const Status connected = ensureConnected();
    if (!connected) {
        emit sessionChanged(false, connected.error().message);
        return;
    }
    emit sessionChanged(
        true, tr("Connected to %1, slave %2").arg(m_diagnostics.target()).arg(m_diagnostics.profile().slaveId));
    setFrameCapture(frameCapture);
    setMonitoring(monitoring);
}

void ModbusTesterWorker::close()
{
    m_pollTimer.stop();
    m_monitoring = false;
    finishPulse(); // never leave a relay coil on
    restoreNormalMode();
    setFrameCapture(false);
    m_diagnostics.close();
}

// A Free or Lock from the console must not outlive the session: coils held on, permissions
// free or the gate blocked with nobody at the console to notice. Best effort, within the
// profile's response timeout: the session ends either way.
void ModbusTesterWorker::restoreNormalMode()
{
    if (!std::exchange(m_modeChanged, false))
        return;
    Status restored = ensureConnected();
    if (restored)
        restored = m_diagnostics.setMode(GateMode::Normal);
    if (!restored)
        qWarning("gate tester: could not put %s back to normal mode: %s", qUtf8Printable(m_diagnostics.target()),
            qUtf8Printable(restored.error().toString()));
}

void ModbusTesterWorker::setMonitoring(bool on)
{
    m_monitoring = on;
    if (on)
        m_last.reset(); // a new baseline: what changed while off is not a passage seen now
    updateMonitor();
}

void ModbusTesterWorker::updateMonitor()
{
    if (!m_monitoring)
        m_pollTimer.stop();
    else if (!m_pollTimer.isActive())
        m_pollTimer.start();
}

Status ModbusTesterWorker::ensureConnected()
{
    if (m_diagnostics.isConnected() && !m_needReconnect)
        return {};
    const Status connected = m_diagnostics.connect();
    if (!connected)
        return connected;
    m_needReconnect = false;
    applyDebug();
    return {};
}

void ModbusTesterWorker::poll()
{
    if (const Status connected = ensureConnected(); !connected) {
        reportFailure(connected.error());
        return;
    }
    auto snapshot = readIo();
    if (!snapshot) {
        reportFailure(snapshot.error());
        return;
    }
    m_lastFailure.clear(); // the next failure is news again
    reportPassages(*snapshot);
    m_last = *snapshot;
    emit ioRead(*snapshot);
}

Result<GateIoSnapshot> ModbusTesterWorker::readIo()
{
    GateIoSnapshot snapshot;
    snapshot.points = mappedPoints(profile());
    for (ModbusTable table :
        {ModbusTable::Coils, ModbusTable::DiscreteInputs, ModbusTable::HoldingRegisters, ModbusTable::InputRegisters}) {
        if (Status read = readTable(table, snapshot.points); !read)
            return std::unexpected(read.error());
    }
    snapshot.atMs = QDateTime::currentMSecsSinceEpoch();
    decode(snapshot);
    return snapshot;
}

// One request for the whole span of the table's points when it is short, else one per point;
// a controller that refuses the span (a gap it does not map) is read point by point too. A
// counter's two words always share one request, so a carry between them cannot tear it.
Status ModbusTesterWorker::readTable(ModbusTable table, QList<GateIoPoint> &points)
{
    const GateIoTable wanted = ioTable(table);
    int first = -1;
    int last = -1;
    for (const GateIoPoint &point : std::as_const(points)) {
        if (point.table != wanted)
            continue;
        first = first < 0 ? point.address : std::min(first, point.address);
        last = std::max(last, point.address);
    }
    if (first < 0)
        return {};
    if (last - first < kMaxSpan) {
        auto values = m_diagnostics.readTable(table, first, last - first + 1);
        if (values) {
            for (GateIoPoint &point : points) {
                if (point.table == wanted)
                    point.value = values->at(size_t(point.address - first));
            }
            return {};
        }
        if (bridge::ModbusBus::isLinkError(values.error()))
            return std::unexpected(values.error());
    }
    QList<bool> withItsHighWord(points.size(), false);
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (points.at(i).table != wanted)
            continue;
        if (const qsizetype low = counterLowWordIndex(points, i); low >= 0)
            withItsHighWord[low] = true;
    }
    for (qsizetype i = 0; i < points.size(); ++i) {
        GateIoPoint &point = points[i];
        if (point.table != wanted || withItsHighWord.at(i))
            continue;
        const qsizetype lowIndex = counterLowWordIndex(points, i);
        const int count = lowIndex < 0 ? 1 : 2;
        auto values = m_diagnostics.readTable(table, point.address, count);
        if (!values)
            return fail(values.error().code,
                tr("Reading %1 (address %2) failed: %3").arg(point.name).arg(point.address).arg(values.error().message),
                point.name);
        point.value = values->front();
        if (lowIndex >= 0)
            points[lowIndex].value = values->at(1);
    }
    return {};
}

void ModbusTesterWorker::decode(GateIoSnapshot &snapshot) const
{
    const QList<GateIoPoint> &points = snapshot.points;
    if (isRelay()) {
        const bridge::RelayMap &map = profile().relay;
        const bool fireContact = pointValue(points, "fireInput").value_or(0) != 0;
        // A normally closed contact opens (reads 0) on alarm.
        snapshot.fireActive = map.fireInput >= 0
            && (map.fireContact == bridge::FireContact::NormallyClosed ? !fireContact : fireContact);
        snapshot.tamperActive = pointValue(points, "tamperInput").value_or(0) != 0;
        return;
    }
    const bridge::RegisterMap &map = profile().registers;
    snapshot.entryCount = counter(points, kEntryCounterHigh, kEntryCounterLow);
    snapshot.exitCount = counter(points, kExitCounterHigh, kExitCounterLow);
    snapshot.errorCode = pointValue(points, "errorCode").value_or(0);
    const int sensors = pointValue(points, "sensors").value_or(0);
    snapshot.fireActive = (sensors >> map.fireBit & 0x1) != 0;
    snapshot.tamperActive = (sensors & 0x8) != 0; // bit 3 (RegisterMap)
}

void ModbusTesterWorker::reportPassages(const GateIoSnapshot &now)
{
    if (!m_last)
        return;
    if (isRelay()) {
        // A passage is a rising edge of the passage input.
        for (const auto &[name, direction] : {std::pair {"entryInput", Direction::In}, {"exitInput", Direction::Out}}) {
            const bool was = pointValue(m_last->points, name).value_or(0) != 0;
            const bool is = pointValue(now.points, name).value_or(0) != 0;
            if (!was && is)
                emit passageSeen(direction, 1);
        }
        return;
    }
    for (const auto &[before, after, direction] : {std::tuple {m_last->entryCount, now.entryCount, Direction::In},
             std::tuple {m_last->exitCount, now.exitCount, Direction::Out}}) {
        if (!before || !after)
            continue;
        const quint32 delta = *after - *before; // wraps like the controller's counter
        if (delta > 0 && delta <= kMaxPassagesPerRead)
            emit passageSeen(direction, int(delta));
    }
}

void ModbusTesterWorker::reportFailure(const Error &error)
{
    if (bridge::ModbusBus::isLinkError(error))
        m_needReconnect = true; // on the next tick
    if (error.message == m_lastFailure)
        return;
    m_lastFailure = error.message;
    emit ioFailed(error.message);
}

void ModbusTesterWorker::setFrameCapture(bool on)
{
    if (on == m_frameCapture)
        return;
    if (on) {
        if (const Status installed = bridge::ModbusFrameTap::install(); !installed) {
            emit ioFailed(tr("Cannot capture frames: %1").arg(installed.error().message));
            return;
        }
        // The tap calls the sink on the thread that prints the frame: this worker's.
        m_frameSink = std::make_unique<bridge::ModbusFrameTap::ThreadSink>([this](const bridge::ModbusFrame &frame) {
            queueFrame(GateFrame {frame.atMs, frame.sent, frame.bytes});
        });
        m_frameCapture = true;
        applyDebug();
        startFrameBatches();
        return;
    }
    m_frameCapture = false;
    applyDebug();
    stopFrameBatches();
    m_frameSink.reset();
}

void ModbusTesterWorker::applyDebug()
{
    m_diagnostics.setDebug(m_frameCapture);
}

void ModbusTesterWorker::runCommand(GateTestCommand command)
{
    if (const Status connected = ensureConnected(); !connected) {
        emit commandFinished(command, false, connected.error().message);
        return;
    }
    const bool open = command == GateTestCommand::OpenIn || command == GateTestCommand::OpenOut;
    if (command == GateTestCommand::Free || command == GateTestCommand::Lock)
        m_modeChanged = true; // even when the write fails: part of it may have landed
    const Status done
        = open ? m_diagnostics.open(commandDirection(command), 1) : m_diagnostics.setMode(commandMode(command));
    if (done && command == GateTestCommand::Normal)
        m_modeChanged = false;
    if (!done) {
        if (bridge::ModbusBus::isLinkError(done.error()))
            m_needReconnect = true;
        emit commandFinished(command, false, done.error().message);
        return;
    }
    if (open && isRelay()) {
        // The pulse ends on a timer, not in a blocking wait, so the monitor keeps reading and
        // shows the passage as it happens.
        m_pulseCommand = command;
        m_pulseClock.start();
        m_pulseTimer.start(profile().pulseMs);
        return;
    }
    emit commandFinished(command, true, commandAnswer(command));
}

void ModbusTesterWorker::endPulseNow()
{
    finishPulse();
}

void ModbusTesterWorker::finishPulse()
{
    if (m_pulseCommand == GateTestCommand::Invalid)
        return;
    const GateTestCommand command = std::exchange(m_pulseCommand, GateTestCommand::Invalid);
    const bool early = m_pulseTimer.isActive();
    m_pulseTimer.stop();
    const qint64 onMs = early ? m_pulseClock.elapsed() : profile().pulseMs;
    const int coil = command == GateTestCommand::OpenOut ? profile().relay.exitCoil : profile().relay.entryCoil;
    const Status ended = m_diagnostics.endOpen(commandDirection(command));
    if (!ended) {
        emit commandFinished(command, false,
            tr("Relay coil %1 went on, but switching it off failed: %2").arg(coil).arg(ended.error().message));
        return;
    }
    emit commandFinished(command, true, tr("Relay coil %1 on for %2 ms").arg(coil).arg(onMs));
}

QString ModbusTesterWorker::commandAnswer(GateTestCommand command) const
{
    const bool relay = isRelay();
    switch (command) {
    case GateTestCommand::OpenIn:
        return tr("Entry permission written: 1 pass");
    case GateTestCommand::OpenOut:
        return tr("Exit permission written: 1 pass");
    case GateTestCommand::Free:
        return relay ? tr("Both relay coils held on: free passage")
                     : tr("Mode normal, both permissions free (0xFFFF) written");
    case GateTestCommand::Lock:
        return relay ? tr("Both relay coils off: locked") : tr("Mode blocked written, permissions cleared");
    case GateTestCommand::Normal:
        return relay ? tr("Both relay coils off: normal") : tr("Mode normal written, permissions cleared");
    case GateTestCommand::Invalid:
        break;
    }
    return {};
}

void ModbusTesterWorker::scan(int fromSlaveId, int toSlaveId)
{
    if (const Status connected = ensureConnected(); !connected) {
        emit scanFinished({}, false, connected.error().message);
        return;
    }
    // Blocking: the monitor's timer waits until the scan gives the bus back.
    auto scanned = m_diagnostics.scan(fromSlaveId, toSlaveId, [this](const bridge::ScanProgress &step) {
        if (!step.tried)
            emit scanProgress(step.slaveId, step.fromSlaveId, step.toSlaveId);
        else if (step.answered)
            emit scanAnswered(step.slaveId);
        return !cancelled();
    });
    if (!scanned) {
        if (bridge::ModbusBus::isLinkError(scanned.error()))
            m_needReconnect = true;
        emit scanFinished({}, false, scanned.error().message);
        return;
    }
    emit scanFinished(scanned->answeredSlaveIds, scanned->cancelled, QString());
}

void ModbusTesterWorker::runSelfTest()
{
    if (m_needReconnect)
        m_diagnostics.close(); // selfTest connects itself; its "connect" step then says how it went
    const bridge::SelfTestResult result = m_diagnostics.selfTest([this](const bridge::SelfTestStep &step) {
        emit selfTestStep(GateSelfTestStep {step.name, step.passed, step.message});
    });
    m_needReconnect = !m_diagnostics.isConnected();
    applyDebug();
    // The self-test's own passage is its business, not one the monitor saw.
    m_last.reset();
    emit selfTestDone(toReport(result));
}

} // namespace gymgate
