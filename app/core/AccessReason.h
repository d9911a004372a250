#pragma once

#include <QString>

namespace gymgate {

// Why a scan was granted or denied. The numeric values and the code strings are stable: they
// are stored in the entry log, sent to the hub and shown in statistics. Append, never reorder.
enum class AccessReason {
    Invalid = 0,
    Granted,
    // rule 0: the building is in emergency mode (gates free, nothing charged)
    Emergency,
    // rule 1: credential
    CredentialMalformed,
    CredentialUnknownKey,
    CredentialBadSignature,
    CredentialExpired,
    CredentialNotYetValid,
    CredentialRevoked,
    CredentialKeyRevoked,
    CredentialReplayed,
    CredentialLegacyDisabled,
    // rule 2: member
    MemberUnknown,
    MemberBlocked,
    MemberDeleted,
    // rule 3: zone
    ZoneClosed,
    ZoneMaintenance,
    // rule 4: cards
    CardNone,
    CardExpired,
    CardNotYetValid,
    CardFrozen,
    CardOutsideWindow,
    CardWrongZone,
    CardNoVisits,
    CardInsufficientBalance,
    // rule 5..8
    BookingRequired,
    AntiPassback,
    DailyLimit,
    ZoneFull,
    // warnings attached to a grant
    AntiPassbackSoft,
    WeakCredential,
    // rule 0, after the emergency: the gate itself cannot let anyone through now
    GateOffline,
    GateOutOfOrder,
};

// "granted", "credential.expired", "card.no_visits", ... (stable, untranslated).
const char *accessReasonCode(AccessReason reason);
AccessReason accessReasonFromCode(const QString &code); // Invalid when unknown

// A short translated sentence for the person at the gate: what happened.
QString accessReasonMessage(AccessReason reason);
// A translated hint: what to do now ("Please see the front desk to renew your card.").
QString accessReasonAdvice(AccessReason reason);

// Every reason, in enum order; for tests and statistics tables.
const QList<AccessReason> &allAccessReasons();

} // namespace gymgate
