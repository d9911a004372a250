#pragma once

#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "core/EntryService.h"
#include "core/GateSupervisor.h"
#include "scan/ScanSource.h"
#include "store/Database.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"

#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <memory>

#include "AppOptions.h"
#include "GateWiring.h"

namespace gymgate {

// Everything a gate PC needs to let people in, wired once from the real adapters: the local
// database, the credential verifier, the decision and entry services, and the gate drivers
// under their supervisor. The headless controller and the kiosk window both sit on top.
class EntryStation {
public:
    // Without `requireGate`, a database with no gate gives a station without lanes (a desk PC).
    static Result<std::unique_ptr<EntryStation>> open(const AppOptions &options, bool requireGate = true);
    ~EntryStation();
    EntryStation(const EntryStation &) = delete;
    EntryStation &operator=(const EntryStation &) = delete;

    // Settles interrupted entries, connects the gates and starts the housekeeping timers.
    Status start();
    // Calls `ready` once every gate is connected (or in emergency), or after `maxWaitMs`
    // whatever their state, so the first scans do not meet gates still connecting.
    void whenGatesReady(int maxWaitMs, std::function<void()> ready);

    Database &database() { return *m_db; }
    const Clock &clock() const { return m_clock; }
    const QTimeZone &siteTimeZone() const { return m_siteTimeZone; }
    EntryService &entries() { return *m_entries; }
    GateSupervisor &gates() { return m_supervisor; }
    const GateWiring &wiring() const { return m_wiring; }
    // Sync pulls keys and revocations into the database; reload() makes the gates see them.
    SqlTrustStore &trustStore() { return *m_trust; }
    // The lane a scanner serves when none is named: --gate, else the main entrance.
    const QString &defaultLaneId() const { return m_defaultLaneId; }
    // A lane by gate id or name, or "<gate id>:out"; empty when there is none.
    QString findLane(const QString &key) const;
    QString laneTitle(const QString &laneId) const { return m_wiring.laneTitle(laneId); }

    // Scans from `source` go to `laneId`. The source is started; not owned.
    Status addScanSource(ScanSource *source, const QString &laneId);
    // The serial scanners and the scan folder of the command line, owned by `owner`.
    Status addConfiguredScanners(const AppOptions &options, QObject *owner);

private:
    EntryStation(std::unique_ptr<Database> db, qint64 clockOffsetMs);
    Status configure(const AppOptions &options, bool requireGate);

    std::unique_ptr<Database> m_db;
    SystemClock m_systemClock;
    OffsetClock m_clock;
    QTimeZone m_siteTimeZone;
    std::unique_ptr<SqlTrustStore> m_trust;
    std::unique_ptr<CredentialVerifier> m_verifier;
    std::unique_ptr<SqlAccessDataSource> m_data;
    std::unique_ptr<SqlEntryLedger> m_ledger;
    std::unique_ptr<DecisionService> m_decisions;
    GateSupervisor m_supervisor;
    GateWiring m_wiring;
    std::unique_ptr<EntryService> m_entries;
    QString m_defaultLaneId;
    QTimer m_checkpointTimer;
};

} // namespace gymgate
