#include "core/EntryService.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEntry, "gymgate.entry")

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(EntryService)
};

// Annul reasons stored in the entry log (stable, untranslated).
const QString PassTimeoutReason = QStringLiteral("pass_timeout");
const QString GateFaultReason = QStringLiteral("gate_fault");
const QString EmergencyReason = QStringLiteral("emergency");
const QString InterruptedReason = QStringLiteral("interrupted");

} // namespace

const char *entryPhaseName(EntryPhase phase)
{
    switch (phase) {
    case EntryPhase::Denied:
        return "denied";
    case EntryPhase::Opening:
        return "opening";
    case EntryPhase::PleasePass:
        return "please_pass";
    case EntryPhase::Passed:
        return "passed";
    case EntryPhase::NotPassed:
        return "not_passed";
    case EntryPhase::GateFault:
        return "gate_fault";
    case EntryPhase::Busy:
        return "busy";
    case EntryPhase::Invalid:
        break;
    }
    return "invalid";
}

EntryService::EntryService(DecisionService &decisions, EntryLedger &ledger, GateSupervisor &gates, const Clock &clock,
    EntrySettings settings, QObject *parent)
    : QObject(parent), m_decisions(decisions), m_ledger(ledger), m_gates(gates), m_clock(clock), m_settings(settings)
{
    qRegisterMetaType<gymgate::EntryUpdate>();
    m_decisions.setEmergency(m_gates.emergency());
    connect(&m_gates, &GateSupervisor::emergencyChanged, this, &EntryService::onEmergency);
}

EntryService::~EntryService() = default;

Status EntryService::addLane(const EntryLane &lane)
{
    if (!m_gates.gateIds().contains(lane.gateId))
        return fail(
            ErrorCode::InvalidArgument, Text::tr("There is no gate %1.").arg(lane.gateId), QStringLiteral("gateId"));
    if (lane.laneId.isEmpty() || findLane(lane.laneId))
        return fail(ErrorCode::InvalidArgument, Text::tr("The lane id \"%1\" is empty or used twice.").arg(lane.laneId),
            QStringLiteral("laneId"));
    if (lane.direction != Direction::In && lane.direction != Direction::Out)
        return fail(ErrorCode::InvalidArgument, Text::tr("A lane leads in or out."), QStringLiteral("direction"));
    m_lanes.append(lane);
    watchGate(lane.gateId);
    return {};
}

QList<EntryLane> EntryService::lanes() const
{
    return m_lanes;
}

void EntryService::watchGate(const QString &gateId)
{
    if (m_watchedGates.contains(gateId))
        return;
    m_watchedGates.insert(gateId);
    GateDriver *driver = m_gates.driver(gateId);
    connect(driver, &GateDriver::opened, this, [this, gateId](Direction direction) { onOpened(gateId, direction); });
    connect(driver, &GateDriver::passed, this,
        [this, gateId](Direction direction, int count) { onPassed(gateId, direction, count); });
    connect(driver, &GateDriver::passTimedOut, this,
        [this, gateId](Direction direction) { onPassTimedOut(gateId, direction); });
    connect(driver, &GateDriver::fault, this, [this, gateId](const QString &message) {
        if (m_pending.contains(gateId))
            onGateProblem(gateId, message);
    });
    connect(driver, &GateDriver::connectedChanged, this, [this, gateId](bool connected) {
        if (!connected && m_pending.contains(gateId))
            onGateProblem(gateId, Text::tr("The connection to the gate was lost."));
    });
}

Result<int> EntryService::recoverPendingEntries()
{
    Result<QList<EntryRecord>> pending = m_ledger.pendingEntries();
    if (!pending)
        return std::unexpected(pending.error());
    int annulled = 0;
    for (const EntryRecord &entry : *pending) {
        const qint64 ageMs = m_clock.nowMs() - entry.decidedAtMs;
        const bool adoptable = ageMs >= 0 && ageMs < m_settings.passTimeoutMs && !m_pending.contains(entry.gateId)
            && m_watchedGates.contains(entry.gateId) && !m_gates.emergency();
        if (adoptable) {
            // Decided just before a restart: the person may still walk through.
            PendingPass adopted;
            adopted.update.phase = EntryPhase::PleasePass;
            adopted.update.scan.entry = entry;
            adopted.direction = entry.direction;
            adopted.acknowledged = true;
            for (const EntryLane &lane : std::as_const(m_lanes)) {
                if (lane.gateId == entry.gateId && lane.direction == entry.direction)
                    adopted.update.laneId = lane.laneId;
            }
            qCInfo(lcEntry) << "adopted pending entry" << entry.id << "at gate" << entry.gateId;
            startPending(entry.gateId, std::move(adopted), m_settings.passTimeoutMs - ageMs);
            continue;
        }
        Result<EntryRecord> done = m_ledger.annul(entry.id, InterruptedReason, m_clock.nowMs());
        if (!done)
            return std::unexpected(done.error());
        qCInfo(lcEntry) << "annulled interrupted entry" << entry.id;
        ++annulled;
    }
    return annulled;
}

Result<EntryPhase> EntryService::submitScan(const QString &laneId, QByteArrayView code)
{
    const EntryLane *lane = findLane(laneId);
    if (!lane)
        return fail(ErrorCode::InvalidArgument, Text::tr("There is no lane %1.").arg(laneId), QStringLiteral("laneId"));
    // A scanner reading the same code twice, or a member presenting it again, at this lane.
    const QByteArray debounceKey = laneId.toUtf8() + ' ' + code.toByteArray();
    if (isDebounced(debounceKey))
        return EntryPhase::Invalid;
    if (m_pending.contains(lane->gateId)) {
        EntryUpdate busy;
        busy.phase = EntryPhase::Busy;
        busy.laneId = laneId;
        busy.detail = Text::tr("Please wait until the person before you has gone through.");
        emit entryUpdated(busy);
        return EntryPhase::Busy;
    }

    GateContext context {lane->gateId, lane->zoneId, lane->direction, unavailableReason(lane->gateId)};
    Result<ScanResult> decided = m_decisions.decide(code, context);
    if (!decided)
        return std::unexpected(decided.error());
    m_lastScanMs.insert(debounceKey, m_clock.nowMs());
    return proceed(*lane, std::move(*decided));
}

Result<EntryPhase> EntryService::manualCheckIn(
    const StaffSession &session, const QString &laneId, const QString &memberId, const QString &reason)
{
    if (Status allowed = requirePermission(session, Permission::ManualCheckIn); !allowed)
        return std::unexpected(allowed.error());
    const EntryLane *lane = findLane(laneId);
    if (!lane)
        return fail(ErrorCode::InvalidArgument, Text::tr("There is no lane %1.").arg(laneId), QStringLiteral("laneId"));
    if (memberId.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("Choose the member to let in."), QStringLiteral("memberId"));
    if (reason.trimmed().isEmpty())
        return fail(
            ErrorCode::InvalidArgument, Text::tr("Say why the member is let in by hand."), QStringLiteral("reason"));
    if (m_pending.contains(lane->gateId))
        return fail(ErrorCode::Conflict, Text::tr("Please wait until the person before has gone through."),
            QStringLiteral("laneId"));
    GateContext context {lane->gateId, lane->zoneId, lane->direction, unavailableReason(lane->gateId)};
    Result<ScanResult> decided
        = m_decisions.decideManual(memberId, context, ManualCheckIn {session.staffId, reason.trimmed()});
    if (!decided)
        return std::unexpected(decided.error());
    return proceed(*lane, std::move(*decided));
}

// After the decision, whoever asked: a denial is final; a grant holds the gate and opens it.
Result<EntryPhase> EntryService::proceed(const EntryLane &lane, ScanResult decided)
{
    EntryUpdate update;
    update.laneId = lane.laneId;
    update.scan = std::move(decided);
    if (!update.scan.decision.isGranted()) {
        update.phase = EntryPhase::Denied;
        emit entryUpdated(update);
        return EntryPhase::Denied;
    }
    // The pending entry and its deduction are on disk before the gate hears anything (DESIGN §7).
    update.phase = EntryPhase::Opening;
    PendingPass pending;
    pending.update = update;
    pending.direction = lane.direction;
    const QString gateId = lane.gateId;
    const Direction direction = lane.direction;
    startPending(gateId, std::move(pending), m_settings.passTimeoutMs);
    emit entryUpdated(update);
    if (GateDriver *driver = m_gates.driver(gateId))
        driver->open(direction, 1);
    else
        onGateProblem(gateId, Text::tr("The gate has no driver."));
    return EntryPhase::Opening;
}

void EntryService::startPending(const QString &gateId, PendingPass pending, qint64 passWaitMs)
{
    auto shared = std::make_shared<PendingPass>(std::move(pending));
    const QString entryId = shared->update.scan.entry.id;
    const auto stillCurrent = [this, gateId, entryId] {
        const auto it = m_pending.constFind(gateId);
        return it != m_pending.constEnd() && (*it)->update.scan.entry.id == entryId;
    };
    if (!shared->acknowledged) {
        shared->ackTimer = PendingTimer(new QTimer);
        shared->ackTimer->setSingleShot(true);
        connect(shared->ackTimer.get(), &QTimer::timeout, this, [this, gateId, stillCurrent] {
            if (stillCurrent())
                onGateProblem(gateId, Text::tr("The gate did not answer the open command."));
        });
        shared->ackTimer->start(m_settings.ackTimeoutMs);
    }
    // The driver's own pass timeout normally ends the wait; this catches a driver that never
    // reports, with a margin so that the driver's report wins.
    shared->passTimer = PendingTimer(new QTimer);
    shared->passTimer->setSingleShot(true);
    connect(shared->passTimer.get(), &QTimer::timeout, this, [this, gateId, stillCurrent] {
        if (stillCurrent())
            finishPending(gateId, EntryPhase::NotPassed, PassTimeoutReason, {});
    });
    shared->passTimer->start(int(std::max<qint64>(passWaitMs, 0)) + m_settings.ackTimeoutMs);
    m_pending.insert(gateId, shared);
}

void EntryService::onOpened(const QString &gateId, Direction direction)
{
    const auto it = m_pending.find(gateId);
    if (it == m_pending.end() || (*it)->direction != direction || (*it)->acknowledged)
        return;
    PendingPass &pending = **it;
    pending.acknowledged = true;
    pending.ackTimer.reset();
    m_gates.recordSuccess(gateId);
    pending.update.phase = EntryPhase::PleasePass;
    emit entryUpdated(pending.update);
}

void EntryService::onPassed(const QString &gateId, Direction direction, int count)
{
    const auto it = m_pending.find(gateId);
    if (it == m_pending.end() || (*it)->direction != direction) {
        // Free passage in an emergency, an exit button, or someone climbing over.
        qCInfo(lcEntry) << "passage without a pending entry at gate" << gateId << directionName(direction) << count;
        return;
    }
    const std::shared_ptr<PendingPass> pending = *it;
    m_pending.erase(it);
    m_gates.recordSuccess(gateId);
    Result<EntryRecord> passed = m_ledger.confirmPassage(pending->update.scan.entry.id, m_clock.nowMs());
    if (!passed) {
        // The passage happened; the pending row stays and is settled at the next start-up.
        qCCritical(lcEntry) << "cannot confirm passage of" << pending->update.scan.entry.id
                            << passed.error().toString();
        return;
    }
    pending->update.scan.entry = *passed;
    pending->update.phase = EntryPhase::Passed;
    if (count > 1)
        qCWarning(lcEntry) << count << "people passed on one grant at gate" << gateId;
    emit entryUpdated(pending->update);
}

void EntryService::onPassTimedOut(const QString &gateId, Direction direction)
{
    const auto it = m_pending.constFind(gateId);
    if (it == m_pending.constEnd() || (*it)->direction != direction)
        return;
    finishPending(gateId, EntryPhase::NotPassed, PassTimeoutReason, {});
}

void EntryService::onGateProblem(const QString &gateId, const QString &message)
{
    m_gates.recordFault(gateId, message);
    finishPending(gateId, EntryPhase::GateFault, GateFaultReason, message);
}

void EntryService::onEmergency(bool active)
{
    m_decisions.setEmergency(active);
    if (!active)
        return;
    // Gates are free now: nobody is charged for walking through (DESIGN §7).
    const QStringList gates = m_pending.keys();
    for (const QString &gateId : gates)
        finishPending(gateId, EntryPhase::NotPassed, EmergencyReason, accessReasonMessage(AccessReason::Emergency));
}

void EntryService::finishPending(
    const QString &gateId, EntryPhase phase, const QString &annulReason, const QString &detail)
{
    const auto it = m_pending.find(gateId);
    if (it == m_pending.end())
        return;
    const std::shared_ptr<PendingPass> pending = *it;
    m_pending.erase(it);
    Result<EntryRecord> annulled = m_ledger.annul(pending->update.scan.entry.id, annulReason, m_clock.nowMs());
    if (!annulled) {
        // Left pending on disk; the next start-up annuls and refunds it.
        qCCritical(lcEntry) << "cannot annul" << pending->update.scan.entry.id << annulled.error().toString();
        return;
    }
    pending->update.scan.entry = *annulled;
    pending->update.phase = phase;
    pending->update.detail = detail;
    emit entryUpdated(pending->update);
}

AccessReason EntryService::unavailableReason(const QString &gateId) const
{
    switch (m_gates.availability(gateId)) {
    case GateAvailability::Offline:
        return AccessReason::GateOffline;
    case GateAvailability::OutOfOrder:
        return AccessReason::GateOutOfOrder;
    case GateAvailability::Ready:
    case GateAvailability::Emergency: // decided as an emergency denial
    case GateAvailability::Invalid:
        break;
    }
    return AccessReason::Invalid;
}

bool EntryService::isDebounced(const QByteArray &key)
{
    const qint64 nowMs = m_clock.nowMs();
    // Forget old codes so the map stays small on a busy day.
    for (auto it = m_lastScanMs.begin(); it != m_lastScanMs.end();) {
        it = nowMs - it.value() >= m_settings.debounceMs ? m_lastScanMs.erase(it) : std::next(it);
    }
    return m_lastScanMs.contains(key);
}

const EntryLane *EntryService::findLane(const QString &laneId) const
{
    for (const EntryLane &lane : m_lanes) {
        if (lane.laneId == laneId)
            return &lane;
    }
    return nullptr;
}

} // namespace gymgate
