#include "core/DecisionService.h"

#include <QUuid>

namespace gymgate {
namespace {

QString credentialKind(const CredentialCheck &credential)
{
    if (!credential)
        return {};
    switch (credential->type) {
    case CredentialType::Card:
        return QStringLiteral("card");
    case CredentialType::Token:
        return QStringLiteral("token");
    case CredentialType::Legacy:
        return QStringLiteral("legacy");
    case CredentialType::Manual:
        return QStringLiteral("manual");
    case CredentialType::Invalid:
        break;
    }
    return {};
}

// The ledger refuses a grant when a concurrent scan spent the same token or the last visit
// first; the decision then becomes the denial that a later scan would have got.
AccessReason reasonForLostRace(const CredentialCheck &credential, const std::optional<MemberCard> &card)
{
    if (credential && credential->type == CredentialType::Token)
        return AccessReason::CredentialReplayed;
    if (card && card->kind == CardKind::Value)
        return AccessReason::CardInsufficientBalance;
    return AccessReason::CardNoVisits;
}

} // namespace

DecisionService::DecisionService(const CredentialVerifier &verifier, AccessDataSource &data, EntryLedger &ledger,
    const Clock &clock, AccessPolicy policy, QTimeZone siteTimeZone)
    : m_verifier(verifier), m_data(data), m_ledger(ledger), m_clock(clock), m_policy(policy),
      m_siteTimeZone(std::move(siteTimeZone))
{ }

Result<ScanResult> DecisionService::decide(QByteArrayView scanned, const GateContext &gate)
{
    return decideFor(m_verifier.verify(scanned), gate, {});
}

Result<ScanResult> DecisionService::decideManual(
    const QString &memberId, const GateContext &gate, const ManualCheckIn &manual)
{
    VerifiedCredential byHand;
    byHand.type = CredentialType::Manual;
    byHand.payload.memberId = memberId;
    return decideFor(byHand, gate, manual);
}

Result<ScanResult> DecisionService::decideFor(
    const CredentialCheck &credential, const GateContext &gate, const ManualCheckIn &manual)
{
    AccessRequest request;
    request.nowMs = m_clock.nowMs();
    request.siteTimeZone = m_siteTimeZone;
    request.direction = gate.direction;
    request.emergency = m_emergency.load();
    request.gateUnavailable = gate.unavailable;
    request.credential = credential;

    Result<ZoneAccessData> zone = m_data.zoneAccessData(gate.zoneId, request.nowMs);
    if (!zone)
        return std::unexpected(zone.error());
    request.zone = std::move(zone->zone);
    request.maintenance = std::move(zone->maintenance);
    request.occupancy = zone->occupancy;

    Result<std::optional<QString>> memberId = resolveMember(request.credential);
    if (!memberId)
        return std::unexpected(memberId.error());
    if (*memberId) {
        Result<MemberAccessData> member = m_data.memberAccessData(**memberId, gate.zoneId, request.nowMs);
        if (!member)
            return std::unexpected(member.error());
        request.member = std::move(member->member);
        request.cards = std::move(member->cards);
        request.bookings = std::move(member->bookings);
        request.recentEntries = std::move(member->recentEntries);
    }

    ScanResult result;
    result.decision = m_policy.decide(request);
    result.member = request.member;
    for (const MemberCard &card : request.cards) {
        if (card.id == result.decision.cardId)
            result.card = card;
    }

    EntryRecord entry = entryFor(result.decision, request.credential, gate);
    entry.staffId = manual.staffId;
    entry.note = manual.reason;
    Result<EntryRecord> stored = persist(entry, request.credential, result.card);
    if (!stored)
        return std::unexpected(stored.error());
    result.entry = *stored;
    if (result.entry.status == EntryStatus::Denied && result.decision.isGranted()) {
        result.decision.verdict = Verdict::Denied;
        result.decision.reason = result.entry.reason;
        result.decision.deduction = {};
    }
    return result;
}

Result<std::optional<QString>> DecisionService::resolveMember(const CredentialCheck &credential)
{
    if (!credential)
        return std::optional<QString>();
    if (credential->type == CredentialType::Legacy)
        return m_data.memberIdForLegacyCode(credential->legacyCode);
    return std::optional<QString>(credential->payload.memberId);
}

EntryRecord DecisionService::entryFor(
    const Decision &decision, const CredentialCheck &credential, const GateContext &gate) const
{
    EntryRecord entry;
    entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.gateId = gate.gateId;
    entry.zoneId = gate.zoneId;
    entry.direction = gate.direction;
    entry.memberId = decision.memberId;
    entry.cardId = decision.cardId;
    entry.bookingId = decision.bookingId;
    entry.credentialId = credential ? credential->credentialId : QString();
    entry.credentialKind = credentialKind(credential);
    entry.weak = credential && credential->weak;
    entry.status = decision.isGranted() ? EntryStatus::Pending : EntryStatus::Denied;
    entry.reason = decision.reason;
    entry.visitsDeducted = decision.deduction.visits;
    entry.feeDeductedFen = decision.deduction.fen;
    entry.decidedAtMs = decision.decidedAtMs;
    return entry;
}

Result<EntryRecord> DecisionService::persist(
    EntryRecord entry, const CredentialCheck &credential, const std::optional<MemberCard> &card)
{
    const bool singleUse
        = credential && credential->type == CredentialType::Token && entry.status == EntryStatus::Pending;
    Result<EntryRecord> stored = m_ledger.recordDecision(entry, singleUse);
    if (stored || stored.error().code != ErrorCode::Conflict)
        return stored;

    entry.status = EntryStatus::Denied;
    entry.reason = reasonForLostRace(credential, card);
    entry.cardId.clear();
    entry.bookingId.clear();
    entry.visitsDeducted = 0;
    entry.feeDeductedFen = 0;
    return m_ledger.recordDecision(entry, false);
}

} // namespace gymgate
