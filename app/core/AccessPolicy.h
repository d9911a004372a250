#pragma once

#include "core/AccessReason.h"
#include "core/Booking.h"
#include "core/Credential.h"
#include "core/Entry.h"
#include "core/Member.h"
#include "core/MemberCard.h"
#include "core/Venue.h"

#include <QList>
#include <QTimeZone>

#include <array>
#include <optional>

namespace gymgate {

enum class Verdict {
    Invalid = 0,
    Granted,
    Denied
};

// What a grant costs the member: one visit from a count card, or the per-visit price from a
// value card; nothing for a time card or an exit.
struct Deduction {
    int visits = 0;
    qint64 fen = 0;
    bool operator==(const Deduction &) const = default;
};

// The outcome of the policy. A default-constructed Decision is Invalid, never a grant.
struct Decision {
    Verdict verdict = Verdict::Invalid;
    AccessReason reason = AccessReason::Invalid;
    QString memberId;
    QString cardId; // the card chosen for a grant
    QString bookingId; // the booking that satisfied a booking-required zone
    Deduction deduction;
    QList<AccessReason> warnings; // AntiPassbackSoft, WeakCredential
    qint64 decidedAtMs = 0;

    bool isGranted() const { return verdict == Verdict::Granted; }
};

struct AccessPolicyConfig {
    // Card choice when several qualify (DESIGN §6): time, then count, then value by default.
    std::array<CardKind, 3> cardPreference {CardKind::Time, CardKind::Count, CardKind::Value};
    qint64 bookingGraceBeforeMs = 15 * 60'000; // may enter this long before the slot starts
    qint64 bookingGraceAfterMs = 10 * 60'000; // and this long after it started
};

// Everything the policy looks at, gathered by the caller (DESIGN §6). The policy itself does
// no I/O: same request, same decision.
struct AccessRequest {
    CredentialCheck credential = std::unexpected(AccessReason::Invalid);
    std::optional<Member> member; // resolved from the credential; nullopt = unknown
    QList<MemberCard> cards; // the member's cards (any state)
    Venue zone; // the zone the gate leads into (or out of)
    Direction direction = Direction::In;
    QList<Maintenance> maintenance; // maintenance plans of the zone overlapping today
    QList<Booking> bookings; // the member's bookings in the zone around now
    QList<EntryFact> recentEntries; // the member's entries into/out of the zone, last 24 h
    int occupancy = 0; // people inside the zone now (entries minus exits)
    bool emergency = false; // fire input active: gates free, nothing charged
    // The gate cannot let anyone through (GateOffline, GateOutOfOrder); Invalid = it can.
    AccessReason gateUnavailable = AccessReason::Invalid;
    qint64 nowMs = 0;
    QTimeZone siteTimeZone = QTimeZone::utc();
};

// The access rules of DESIGN §6 as a pure function. First failing rule wins.
class AccessPolicy {
public:
    explicit AccessPolicy(AccessPolicyConfig config = {}) : m_config(config) { }

    Decision decide(const AccessRequest &request) const;

    const AccessPolicyConfig &config() const { return m_config; }

private:
    struct CardChoice {
        const MemberCard *card = nullptr;
        AccessReason failure = AccessReason::CardNone;
    };

    AccessReason checkMember(const AccessRequest &request) const;
    AccessReason checkZone(const AccessRequest &request) const;
    CardChoice chooseCard(const AccessRequest &request) const;
    AccessReason cardFailure(const MemberCard &card, const AccessRequest &request) const;
    const Booking *findBooking(const AccessRequest &request) const;
    bool violatesAntiPassback(const AccessRequest &request) const;
    bool reachedDailyLimit(const AccessRequest &request) const;
    int preferenceRank(CardKind kind) const;
    bool isPreferred(const MemberCard &candidate, const MemberCard &current) const;

    AccessPolicyConfig m_config;
};

Deduction deductionFor(const MemberCard &card);

} // namespace gymgate
