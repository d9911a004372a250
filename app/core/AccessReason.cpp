#include "core/AccessReason.h"

#include <QCoreApplication>

namespace gymgate {
namespace {

struct ReasonText {
    AccessReason reason;
    const char *code;
    const char *message;
    const char *advice;
};

// One row per reason: the stable code, what happened, what to do. The texts are marked for
// translation here and translated when shown, so the kiosk can answer in the member's language.
constexpr ReasonText reasonTable[] = {
    {AccessReason::Invalid, "invalid", QT_TRANSLATE_NOOP("AccessReason", "No decision was made."),
        QT_TRANSLATE_NOOP("AccessReason", "Please see the front desk.")},
    {AccessReason::Granted, "granted", QT_TRANSLATE_NOOP("AccessReason", "Welcome! Please go through."),
        QT_TRANSLATE_NOOP("AccessReason", "Walk through the gate now.")},
    {AccessReason::Emergency, "emergency", QT_TRANSLATE_NOOP("AccessReason", "Emergency: all gates are open."),
        QT_TRANSLATE_NOOP("AccessReason", "Leave the building calmly by the nearest exit.")},
    {AccessReason::CredentialMalformed, "credential.malformed",
        QT_TRANSLATE_NOOP("AccessReason", "This code is not a GymGate member code."),
        QT_TRANSLATE_NOOP("AccessReason", "Show your member QR code from the app or your member card.")},
    {AccessReason::CredentialUnknownKey, "credential.unknown_key",
        QT_TRANSLATE_NOOP("AccessReason", "This code was issued by an unknown system."),
        QT_TRANSLATE_NOOP("AccessReason", "Please ask the front desk to issue you a new code.")},
    {AccessReason::CredentialBadSignature, "credential.bad_signature",
        QT_TRANSLATE_NOOP("AccessReason", "This code is not genuine."),
        QT_TRANSLATE_NOOP("AccessReason", "Please see the front desk.")},
    {AccessReason::CredentialExpired, "credential.expired", QT_TRANSLATE_NOOP("AccessReason", "This code has expired."),
        QT_TRANSLATE_NOOP("AccessReason", "Refresh the code in the app and scan again.")},
    {AccessReason::CredentialNotYetValid, "credential.not_yet_valid",
        QT_TRANSLATE_NOOP("AccessReason", "This code is not valid yet."),
        QT_TRANSLATE_NOOP("AccessReason", "Check the time on your phone, refresh the code and scan again.")},
    {AccessReason::CredentialRevoked, "credential.revoked",
        QT_TRANSLATE_NOOP("AccessReason", "This code has been replaced by a newer one."),
        QT_TRANSLATE_NOOP("AccessReason", "Use your newest member code, or ask the front desk.")},
    {AccessReason::CredentialKeyRevoked, "credential.key_revoked",
        QT_TRANSLATE_NOOP("AccessReason", "This code was signed with a withdrawn key."),
        QT_TRANSLATE_NOOP("AccessReason", "Please ask the front desk to issue you a new code.")},
    {AccessReason::CredentialReplayed, "credential.replayed",
        QT_TRANSLATE_NOOP("AccessReason", "This code has already been used."),
        QT_TRANSLATE_NOOP("AccessReason", "Refresh the code in the app and scan again.")},
    {AccessReason::CredentialLegacyDisabled, "credential.legacy_disabled",
        QT_TRANSLATE_NOOP("AccessReason", "Plain member numbers are not accepted here."),
        QT_TRANSLATE_NOOP("AccessReason", "Show your member QR code from the app or your member card.")},
    {AccessReason::MemberUnknown, "member.unknown", QT_TRANSLATE_NOOP("AccessReason", "Member not found."),
        QT_TRANSLATE_NOOP("AccessReason", "Please register at the front desk.")},
    {AccessReason::MemberBlocked, "member.blocked", QT_TRANSLATE_NOOP("AccessReason", "This membership is blocked."),
        QT_TRANSLATE_NOOP("AccessReason", "Please see the front desk.")},
    {AccessReason::MemberDeleted, "member.deleted", QT_TRANSLATE_NOOP("AccessReason", "This membership was closed."),
        QT_TRANSLATE_NOOP("AccessReason", "Please see the front desk.")},
    {AccessReason::ZoneClosed, "zone.closed", QT_TRANSLATE_NOOP("AccessReason", "This area is closed now."),
        QT_TRANSLATE_NOOP("AccessReason", "Please come back during opening hours.")},
    {AccessReason::ZoneMaintenance, "zone.maintenance",
        QT_TRANSLATE_NOOP("AccessReason", "This area is closed for maintenance."),
        QT_TRANSLATE_NOOP("AccessReason", "Please ask the front desk when it reopens.")},
    {AccessReason::CardNone, "card.none", QT_TRANSLATE_NOOP("AccessReason", "No membership card found."),
        QT_TRANSLATE_NOOP("AccessReason", "Please buy a card at the front desk.")},
    {AccessReason::CardExpired, "card.expired", QT_TRANSLATE_NOOP("AccessReason", "Your card has expired."),
        QT_TRANSLATE_NOOP("AccessReason", "Please renew your card at the front desk.")},
    {AccessReason::CardNotYetValid, "card.not_yet_valid",
        QT_TRANSLATE_NOOP("AccessReason", "Your card is not valid yet."),
        QT_TRANSLATE_NOOP("AccessReason", "Please check its start date at the front desk.")},
    {AccessReason::CardFrozen, "card.frozen", QT_TRANSLATE_NOOP("AccessReason", "Your card is frozen."),
        QT_TRANSLATE_NOOP("AccessReason", "Please unfreeze it at the front desk.")},
    {AccessReason::CardOutsideWindow, "card.outside_window",
        QT_TRANSLATE_NOOP("AccessReason", "Your card is not valid at this time of day."),
        QT_TRANSLATE_NOOP("AccessReason", "Please come back within your card's hours, or upgrade at the front desk.")},
    {AccessReason::CardWrongZone, "card.wrong_zone",
        QT_TRANSLATE_NOOP("AccessReason", "Your card is not valid for this area."),
        QT_TRANSLATE_NOOP("AccessReason", "Please ask the front desk which areas your card covers.")},
    {AccessReason::CardNoVisits, "card.no_visits", QT_TRANSLATE_NOOP("AccessReason", "Your card has no visits left."),
        QT_TRANSLATE_NOOP("AccessReason", "Please top up or buy a new card at the front desk.")},
    {AccessReason::CardInsufficientBalance, "card.insufficient_balance",
        QT_TRANSLATE_NOOP("AccessReason", "Your card balance is too low for a visit."),
        QT_TRANSLATE_NOOP("AccessReason", "Please top up at the front desk.")},
    {AccessReason::BookingRequired, "booking.required",
        QT_TRANSLATE_NOOP("AccessReason", "This area needs a booking, and you have none now."),
        QT_TRANSLATE_NOOP("AccessReason", "Book a class or a court at the front desk or in the app.")},
    {AccessReason::AntiPassback, "antipassback",
        QT_TRANSLATE_NOOP("AccessReason", "You entered a moment ago and have not left yet."),
        QT_TRANSLATE_NOOP("AccessReason", "Each code lets one person in. Please see the front desk.")},
    {AccessReason::DailyLimit, "daily_limit", QT_TRANSLATE_NOOP("AccessReason", "You reached today's entry limit."),
        QT_TRANSLATE_NOOP("AccessReason", "Please come back tomorrow.")},
    {AccessReason::ZoneFull, "zone.full", QT_TRANSLATE_NOOP("AccessReason", "This area is full right now."),
        QT_TRANSLATE_NOOP("AccessReason", "Please wait a few minutes and scan again.")},
    {AccessReason::AntiPassbackSoft, "antipassback.soft",
        QT_TRANSLATE_NOOP("AccessReason", "Entered again without leaving (allowed, recorded)."),
        QT_TRANSLATE_NOOP("AccessReason", "Walk through the gate now.")},
    {AccessReason::WeakCredential, "credential.weak",
        QT_TRANSLATE_NOOP("AccessReason", "Entered with a plain member number (weak)."),
        QT_TRANSLATE_NOOP("AccessReason", "Ask the front desk for a member QR code.")},
    {AccessReason::GateOffline, "gate.offline",
        QT_TRANSLATE_NOOP("AccessReason", "This gate cannot be reached right now."),
        QT_TRANSLATE_NOOP("AccessReason", "Please use another gate or ask the front desk to let you in.")},
    {AccessReason::GateOutOfOrder, "gate.out_of_order", QT_TRANSLATE_NOOP("AccessReason", "This gate is out of order."),
        QT_TRANSLATE_NOOP("AccessReason", "Please use another gate or ask the front desk to let you in.")},
};

const ReasonText &row(AccessReason reason)
{
    for (const ReasonText &candidate : reasonTable) {
        if (candidate.reason == reason)
            return candidate;
    }
    return reasonTable[0];
}

} // namespace

const char *accessReasonCode(AccessReason reason)
{
    return row(reason).code;
}

AccessReason accessReasonFromCode(const QString &code)
{
    for (const ReasonText &candidate : reasonTable) {
        if (code == QLatin1String(candidate.code))
            return candidate.reason;
    }
    return AccessReason::Invalid;
}

QString accessReasonMessage(AccessReason reason)
{
    return QCoreApplication::translate("AccessReason", row(reason).message);
}

QString accessReasonAdvice(AccessReason reason)
{
    return QCoreApplication::translate("AccessReason", row(reason).advice);
}

const QList<AccessReason> &allAccessReasons()
{
    static const QList<AccessReason> reasons = [] {
        QList<AccessReason> list;
        for (const ReasonText &candidate : reasonTable)
            list.append(candidate.reason);
        return list;
    }();
    return reasons;
}

} // namespace gymgate
