#include "core/AccessPolicy.h"

#include <algorithm>
#include <limits>

namespace gymgate {
namespace {

// A card failing several checks reports the one closest to being usable, so the member hears
// the most useful reason ("no visits left" rather than "expired" for an older card).
int failureStage(AccessReason reason)
{
    switch (reason) {
    case AccessReason::CardFrozen:
        return 1;
    case AccessReason::CardExpired:
        return 2;
    case AccessReason::CardNotYetValid:
        return 3;
    case AccessReason::CardWrongZone:
        return 4;
    case AccessReason::CardOutsideWindow:
        return 5;
    case AccessReason::CardNoVisits:
        return 6;
    case AccessReason::CardInsufficientBalance:
        return 7;
    default:
        return 0;
    }
}

bool countsAsEntered(const EntryFact &fact)
{
    return fact.direction == Direction::In
        && (fact.status == EntryStatus::Passed || fact.status == EntryStatus::Pending);
}

qint64 startOfLocalDayMs(qint64 utcMs, const QTimeZone &zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, zone);
    return QDateTime(local.date(), QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace

Deduction deductionFor(const MemberCard &card)
{
    switch (card.kind) {
    case CardKind::Count:
        return {1, 0};
    case CardKind::Value:
        return {0, card.perVisitPriceFen};
    default:
        return {};
    }
}

Decision AccessPolicy::decide(const AccessRequest &request) const
{
    Decision decision;
    decision.decidedAtMs = request.nowMs;
    const auto deny = [&decision](AccessReason reason) {
        decision.verdict = Verdict::Denied;
        decision.reason = reason;
        return decision;
    };

    if (request.emergency)
        return deny(AccessReason::Emergency);
    // Nobody is charged for a gate that cannot open.
    if (request.gateUnavailable != AccessReason::Invalid)
        return deny(request.gateUnavailable);

    // Rule 1: credential.
    if (!request.credential) {
        const AccessReason failure = request.credential.error();
        return deny(failure == AccessReason::Invalid ? AccessReason::CredentialMalformed : failure);
    }
    if (request.credential->weak)
        decision.warnings.append(AccessReason::WeakCredential);

    // Rule 2: member.
    if (const AccessReason failure = checkMember(request); failure != AccessReason::Invalid)
        return deny(failure);
    decision.memberId = request.member->id;

    // Rule 3: zone.
    if (const AccessReason failure = checkZone(request); failure != AccessReason::Invalid)
        return deny(failure);

    // Leaving is never charged or limited once the member and the zone are in order.
    if (request.direction == Direction::Out) {
        decision.verdict = Verdict::Granted;
        decision.reason = AccessReason::Granted;
        return decision;
    }

    // Rule 4: a usable card.
    const CardChoice choice = chooseCard(request);
    if (!choice.card)
        return deny(choice.failure);

    // Rule 5: booking-required zones.
    if (request.zone.bookingRequired) {
        const Booking *booking = findBooking(request);
        if (!booking)
            return deny(AccessReason::BookingRequired);
        decision.bookingId = booking->id;
    }

    // Rule 6: anti-passback.
    if (violatesAntiPassback(request)) {
        if (request.zone.antiPassback == AntiPassbackMode::Hard)
            return deny(AccessReason::AntiPassback);
        decision.warnings.append(AccessReason::AntiPassbackSoft);
    }

    // Rule 7: daily entry limit. Rule 8: capacity.
    if (reachedDailyLimit(request))
        return deny(AccessReason::DailyLimit);
    if (request.zone.capacity > 0 && request.occupancy >= request.zone.capacity)
        return deny(AccessReason::ZoneFull);

    decision.verdict = Verdict::Granted;
    decision.reason = AccessReason::Granted;
    decision.cardId = choice.card->id;
    decision.deduction = deductionFor(*choice.card);
    return decision;
}

AccessReason AccessPolicy::checkMember(const AccessRequest &request) const
{
    if (!request.member)
        return AccessReason::MemberUnknown;
    const QString &boundMember = request.credential->payload.memberId;
    if (!boundMember.isEmpty() && boundMember != request.member->id)
        return AccessReason::MemberUnknown;
    if (request.member->deletedAtMs)
        return AccessReason::MemberDeleted;
    if (request.member->status != MemberStatus::Active)
        return AccessReason::MemberBlocked;
    return AccessReason::Invalid;
}

AccessReason AccessPolicy::checkZone(const AccessRequest &request) const
{
    const Venue &zone = request.zone;
    if (zone.status == VenueStatus::Maintenance)
        return AccessReason::ZoneMaintenance;
    if (zone.status != VenueStatus::Open)
        return AccessReason::ZoneClosed;
    const bool underMaintenance = std::any_of(request.maintenance.cbegin(), request.maintenance.cend(),
        [&](const Maintenance &plan) { return plan.covers(request.nowMs); });
    if (underMaintenance)
        return AccessReason::ZoneMaintenance;
    if (!zone.openingHours.contains(request.nowMs, request.siteTimeZone))
        return AccessReason::ZoneClosed;
    return AccessReason::Invalid;
}

AccessReason AccessPolicy::cardFailure(const MemberCard &card, const AccessRequest &request) const
{
    const qint64 now = request.nowMs;
    if (card.status == CardStatus::Frozen)
        return AccessReason::CardFrozen;
    if (card.status == CardStatus::Expired || (card.validToMs != 0 && now >= card.validToMs))
        return AccessReason::CardExpired;
    if (card.status != CardStatus::Active)
        return AccessReason::CardNone;
    if (now < card.validFromMs)
        return AccessReason::CardNotYetValid;
    if (!card.zoneIds.isEmpty() && !card.zoneIds.contains(request.zone.id))
        return AccessReason::CardWrongZone;
    if (!card.windows.contains(now, request.siteTimeZone))
        return AccessReason::CardOutsideWindow;
    if (card.kind == CardKind::Count && card.visitsLeft <= 0)
        return AccessReason::CardNoVisits;
    if (card.kind == CardKind::Value && card.balanceFen < card.perVisitPriceFen)
        return AccessReason::CardInsufficientBalance;
    if (card.kind == CardKind::Invalid)
        return AccessReason::CardNone;
    return AccessReason::Invalid;
}

AccessPolicy::CardChoice AccessPolicy::chooseCard(const AccessRequest &request) const
{
    // A code printed for one card only opens with that card.
    const QString &boundCard = request.credential->payload.cardId;
    CardChoice best;
    for (const MemberCard &card : request.cards) {
        if (card.status == CardStatus::Cancelled || (!boundCard.isEmpty() && card.id != boundCard))
            continue;
        const AccessReason failure = cardFailure(card, request);
        if (failure != AccessReason::Invalid) {
            if (!best.card && failureStage(failure) > failureStage(best.failure))
                best.failure = failure;
            continue;
        }
        if (!best.card || isPreferred(card, *best.card))
            best.card = &card;
    }
    return best;
}

bool AccessPolicy::isPreferred(const MemberCard &candidate, const MemberCard &current) const
{
    const int candidateRank = preferenceRank(candidate.kind);
    const int currentRank = preferenceRank(current.kind);
    if (candidateRank != currentRank)
        return candidateRank < currentRank;
    // Same kind: use up the card that runs out first; a card without expiry goes last.
    const auto expiry = [](const MemberCard &card) {
        return card.validToMs == 0 ? std::numeric_limits<qint64>::max() : card.validToMs;
    };
    if (expiry(candidate) != expiry(current))
        return expiry(candidate) < expiry(current);
    return candidate.id < current.id;
}

int AccessPolicy::preferenceRank(CardKind kind) const
{
    const auto it = std::find(m_config.cardPreference.cbegin(), m_config.cardPreference.cend(), kind);
    return static_cast<int>(it - m_config.cardPreference.cbegin());
}

const Booking *AccessPolicy::findBooking(const AccessRequest &request) const
{
    for (const Booking &booking : request.bookings) {
        const bool active = booking.status == BookingStatus::Booked || booking.status == BookingStatus::Attended;
        if (!active || booking.venueId != request.zone.id || booking.memberId != request.member->id)
            continue;
        if (request.nowMs >= booking.startMs - m_config.bookingGraceBeforeMs
            && request.nowMs <= booking.startMs + m_config.bookingGraceAfterMs)
            return &booking;
    }
    return nullptr;
}

bool AccessPolicy::violatesAntiPassback(const AccessRequest &request) const
{
    const Venue &zone = request.zone;
    if (zone.antiPassback != AntiPassbackMode::Soft && zone.antiPassback != AntiPassbackMode::Hard)
        return false;
    if (zone.antiPassbackMinutes <= 0)
        return false;
    qint64 lastInMs = -1;
    qint64 lastOutMs = -1;
    for (const EntryFact &fact : request.recentEntries) {
        if (fact.zoneId != zone.id)
            continue;
        if (countsAsEntered(fact))
            lastInMs = std::max(lastInMs, fact.atMs);
        else if (fact.direction == Direction::Out && fact.status == EntryStatus::Passed)
            lastOutMs = std::max(lastOutMs, fact.atMs);
    }
    if (lastInMs < 0 || lastOutMs >= lastInMs)
        return false;
    return request.nowMs - lastInMs < qint64(zone.antiPassbackMinutes) * 60'000;
}

bool AccessPolicy::reachedDailyLimit(const AccessRequest &request) const
{
    if (request.zone.dailyEntryLimit <= 0)
        return false;
    const qint64 dayStartMs = startOfLocalDayMs(request.nowMs, request.siteTimeZone);
    const auto entriesToday
        = std::count_if(request.recentEntries.cbegin(), request.recentEntries.cend(), [&](const EntryFact &fact) {
              return fact.zoneId == request.zone.id && countsAsEntered(fact) && fact.atMs >= dayStartMs
                  && fact.atMs <= request.nowMs;
          });
    return entriesToday >= request.zone.dailyEntryLimit;
}

} // namespace gymgate
