#pragma once

#include "core/AccessDataSource.h"
#include "core/AccessPolicy.h"
#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/EntryLedger.h"

#include <QByteArrayView>
#include <QTimeZone>

#include <atomic>
#include <optional>

namespace gymgate {

// Where a scan happened.
struct GateContext {
    QString gateId;
    QString zoneId;
    Direction direction = Direction::In;
    AccessReason unavailable = AccessReason::Invalid; // GateOffline, GateOutOfOrder; Invalid = usable
};

// A decision with what the kiosk shows next to it.
struct ScanResult {
    Decision decision;
    EntryRecord entry; // as stored in the entry log
    std::optional<Member> member; // when known
    std::optional<MemberCard> card; // the card charged, as it was before the charge
};

// Staff letting a member in by hand (no code): who and why, stored on the entry and audited.
struct ManualCheckIn {
    QString staffId;
    QString reason;
};

// Scan text -> verified credential -> access data -> policy -> decision persisted in the entry
// log (a grant as a Pending entry with its deduction, DESIGN §7). No network on this path.
class DecisionService {
public:
    DecisionService(const CredentialVerifier &verifier, AccessDataSource &data, EntryLedger &ledger, const Clock &clock,
        AccessPolicy policy, QTimeZone siteTimeZone);

    Result<ScanResult> decide(QByteArrayView scanned, const GateContext &gate);
    // The same rules from rule 2 on for a member staff let in by hand: the card is still
    // chosen and charged, the zone and booking rules still apply; only the code is skipped.
    Result<ScanResult> decideManual(const QString &memberId, const GateContext &gate, const ManualCheckIn &manual);

    // Fire input active: every decision is an Emergency denial (the gates are free anyway).
    void setEmergency(bool active) { m_emergency.store(active); }
    bool emergency() const { return m_emergency.load(); }

private:
    Result<ScanResult> decideFor(
        const CredentialCheck &credential, const GateContext &gate, const ManualCheckIn &manual);
    Result<std::optional<QString>> resolveMember(const CredentialCheck &credential);
    EntryRecord entryFor(const Decision &decision, const CredentialCheck &credential, const GateContext &gate) const;
    Result<EntryRecord> persist(
        EntryRecord entry, const CredentialCheck &credential, const std::optional<MemberCard> &card);

    const CredentialVerifier &m_verifier;
    AccessDataSource &m_data;
    EntryLedger &m_ledger;
    const Clock &m_clock;
    AccessPolicy m_policy;
    QTimeZone m_siteTimeZone;
    std::atomic<bool> m_emergency {false};
};

} // namespace gymgate
