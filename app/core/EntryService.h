#pragma once

#include "core/Clock.h"
#include "core/DecisionService.h"
#include "core/EntryLedger.h"
#include "core/GateSupervisor.h"
#include "core/Staff.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace gymgate {

// Where a scan is in the entry flow of DESIGN §7. Every scan gets Denied, or Opening followed
// by one of the ends (Passed, NotPassed, GateFault); PleasePass comes in between once the
// controller has acknowledged the open command.
enum class EntryPhase {
    Invalid = 0,
    Denied, // decided and refused (also emergency and gate unavailable); logged, no gate command
    Opening, // granted, pending entry and deduction persisted, gate commanded
    PleasePass, // the controller opened: walk through now
    Passed, // the turnstile counted the passage: entry committed, charge final
    NotPassed, // nobody passed in time: entry annulled, deduction refunded
    GateFault, // the gate failed the command: entry annulled, deduction refunded
    Busy, // the gate is still waiting for the previous person; nothing decided or logged
};
const char *entryPhaseName(EntryPhase phase); // "denied", "opening", "please_pass", ...

// One step of one scan's life, for the kiosk screen, the headless JSON line and the tests.
struct EntryUpdate {
    EntryPhase phase = EntryPhase::Invalid;
    QString laneId; // the lane the scan came from
    ScanResult scan; // decision, entry row as it is now, member and card (before the charge)
    QString detail; // translated, for GateFault (the gate's own message) and Busy
};

// A scanning point: a gate in one direction (a two-way turnstile has an In and an Out lane,
// each with its own scanner).
struct EntryLane {
    QString laneId; // unique; "<gateId>" or "<gateId>:out" by convention
    QString gateId; // a gate added to the GateSupervisor
    QString zoneId; // venue the gate leads into
    Direction direction = Direction::In;
};

struct EntrySettings {
    int debounceMs = 3000; // the same code again at the same lane within this time is ignored (DESIGN §7)
    int ackTimeoutMs = 2000; // the controller must acknowledge an open command within this
    // Longest wait for a passage once opened: the driver reports its own pass timeout (the
    // profile's passTimeoutMs); this is the safety net if it never does.
    int passTimeoutMs = 10'000;
};

// The entry flow: scan -> decision (DecisionService, persisted) -> gate command -> passage or
// timeout or fault -> entry committed or annulled with refund. One gate serves one person at a
// time. Everything runs on the thread this object lives in; the drivers' I/O is their own.
class EntryService : public QObject {
    Q_OBJECT
public:
    EntryService(DecisionService &decisions, EntryLedger &ledger, GateSupervisor &gates, const Clock &clock,
        EntrySettings settings = {}, QObject *parent = nullptr);
    ~EntryService() override;

    // The gate must already be in the supervisor. InvalidArgument for an unknown gate or a
    // duplicate lane id.
    Status addLane(const EntryLane &lane);
    QList<EntryLane> lanes() const;

    // Start-up recovery (DESIGN §7): pending entries older than the pass timeout are annulled
    // ("interrupted") and refunded; younger ones are adopted by their gate and still complete
    // on a passage or time out. Returns how many were annulled.
    Result<int> recoverPendingEntries();

    // A scanned code at a lane. Decides at once and returns the first phase, already announced
    // by entryUpdated: Denied, Opening (the rest follows as signals) or Busy; Invalid when the
    // scan was ignored as a repeat (debounce). An unknown lane is an error (nothing decided).
    Result<EntryPhase> submitScan(const QString &laneId, QByteArrayView code);
    // Staff let a member through a lane by hand (forgot the phone, scanner broken): needs
    // Permission::ManualCheckIn and a reason. The same rules from the member on, the same gate
    // command, passage and charge; the entry carries the staff member and the reason and is
    // audited. Returns the first phase like submitScan.
    Result<EntryPhase> manualCheckIn(
        const StaffSession &session, const QString &laneId, const QString &memberId, const QString &reason);

signals:
    void entryUpdated(const gymgate::EntryUpdate &update);

private:
    // A timer may end the pending pass from its own timeout signal, so it is stopped at once
    // and deleted later, never inside its own emission.
    struct StopAndDeleteLater {
        void operator()(QTimer *timer) const
        {
            timer->stop();
            timer->deleteLater();
        }
    };
    using PendingTimer = std::unique_ptr<QTimer, StopAndDeleteLater>;

    struct PendingPass {
        EntryUpdate update; // the grant as announced
        Direction direction = Direction::Invalid;
        bool acknowledged = false;
        PendingTimer ackTimer;
        PendingTimer passTimer;
    };

    void watchGate(const QString &gateId);
    Result<EntryPhase> proceed(const EntryLane &lane, ScanResult decided);
    void onOpened(const QString &gateId, Direction direction);
    void onPassed(const QString &gateId, Direction direction, int count);
    void onPassTimedOut(const QString &gateId, Direction direction);
    void onGateProblem(const QString &gateId, const QString &message);
    void onEmergency(bool active);
    void finishPending(const QString &gateId, EntryPhase phase, const QString &annulReason, const QString &detail);
    void startPending(const QString &gateId, PendingPass pending, qint64 passWaitMs);
    AccessReason unavailableReason(const QString &gateId) const;
    bool isDebounced(const QByteArray &key);
    const EntryLane *findLane(const QString &laneId) const;

    DecisionService &m_decisions;
    EntryLedger &m_ledger;
    GateSupervisor &m_gates;
    const Clock &m_clock;
    EntrySettings m_settings;
    QList<EntryLane> m_lanes;
    QHash<QString, std::shared_ptr<PendingPass>> m_pending; // by gate id
    QHash<QByteArray, qint64> m_lastScanMs; // "<lane> <code>" -> when it was last decided
    QSet<QString> m_watchedGates;
};

} // namespace gymgate

Q_DECLARE_METATYPE(gymgate::EntryUpdate)
