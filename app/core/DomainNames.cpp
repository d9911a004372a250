// String forms of the domain enums, as stored in SQLite TEXT columns and sent to the hub.
// They are part of the data contract: never rename one.
#include "core/Booking.h"
#include "core/BookingDesk.h"
#include "core/Credential.h"
#include "core/Entry.h"
#include "core/EnumNames.h"
#include "core/Member.h"
#include "core/MemberCard.h"
#include "core/Payment.h"
#include "core/Venue.h"

#include <array>
#include <utility>

namespace gymgate {
namespace {

constexpr std::array cardKinds {
    std::pair {CardKind::Time, "time"}, std::pair {CardKind::Count, "count"}, std::pair {CardKind::Value, "value"}};
constexpr std::array cardStatuses {std::pair {CardStatus::Active, "active"}, std::pair {CardStatus::Frozen, "frozen"},
    std::pair {CardStatus::Expired, "expired"}, std::pair {CardStatus::Cancelled, "cancelled"}};
constexpr std::array venueKinds {std::pair {VenueKind::GymFloor, "gym_floor"}, std::pair {VenueKind::Studio, "studio"},
    std::pair {VenueKind::Court, "court"}, std::pair {VenueKind::Pool, "pool"}, std::pair {VenueKind::Other, "other"}};
constexpr std::array venueStatuses {std::pair {VenueStatus::Open, "open"}, std::pair {VenueStatus::Closed, "closed"},
    std::pair {VenueStatus::Maintenance, "maintenance"}};
constexpr std::array antiPassbackModes {std::pair {AntiPassbackMode::Off, "off"},
    std::pair {AntiPassbackMode::Soft, "soft"}, std::pair {AntiPassbackMode::Hard, "hard"}};
constexpr std::array bookingStatuses {std::pair {BookingStatus::Booked, "booked"},
    std::pair {BookingStatus::Cancelled, "cancelled"}, std::pair {BookingStatus::Attended, "attended"},
    std::pair {BookingStatus::NoShow, "no_show"}, std::pair {BookingStatus::Rejected, "rejected"}};
constexpr std::array directions {std::pair {Direction::In, "in"}, std::pair {Direction::Out, "out"}};
constexpr std::array entryStatuses {std::pair {EntryStatus::Denied, "denied"},
    std::pair {EntryStatus::Pending, "pending"}, std::pair {EntryStatus::Passed, "passed"},
    std::pair {EntryStatus::Annulled, "annulled"}};
constexpr std::array memberStatuses {
    std::pair {MemberStatus::Active, "active"}, std::pair {MemberStatus::Blocked, "blocked"}};
constexpr std::array saleKinds {std::pair {SaleKind::Sale, "sale"}, std::pair {SaleKind::TopUp, "topup"},
    std::pair {SaleKind::Refund, "refund"}, std::pair {SaleKind::Penalty, "penalty"}};
constexpr std::array paymentMethods {std::pair {PaymentMethod::Cash, "cash"},
    std::pair {PaymentMethod::BankCard, "bank_card"}, std::pair {PaymentMethod::WeChatPay, "wechat_pay"},
    std::pair {PaymentMethod::Alipay, "alipay"}};
// Manual has a name for the entry log but is never a stored code, so it is not read back.
constexpr std::array credentialTypes {std::pair {CredentialType::Card, "card"},
    std::pair {CredentialType::Token, "token"}, std::pair {CredentialType::Legacy, "legacy"}};
constexpr std::array waitlistStatuses {std::pair {WaitlistStatus::Waiting, "waiting"},
    std::pair {WaitlistStatus::Promoted, "promoted"}, std::pair {WaitlistStatus::Cancelled, "cancelled"}};

} // namespace

const char *cardKindName(CardKind kind)
{
    return nameOf(cardKinds, kind);
}
CardKind cardKindFromName(const QString &name)
{
    return valueOf(cardKinds, name);
}
const char *cardStatusName(CardStatus status)
{
    return nameOf(cardStatuses, status);
}
CardStatus cardStatusFromName(const QString &name)
{
    return valueOf(cardStatuses, name);
}
const char *venueKindName(VenueKind kind)
{
    return nameOf(venueKinds, kind);
}
VenueKind venueKindFromName(const QString &name)
{
    return valueOf(venueKinds, name);
}
const char *venueStatusName(VenueStatus status)
{
    return nameOf(venueStatuses, status);
}
VenueStatus venueStatusFromName(const QString &name)
{
    return valueOf(venueStatuses, name);
}
const char *antiPassbackModeName(AntiPassbackMode mode)
{
    return nameOf(antiPassbackModes, mode);
}
AntiPassbackMode antiPassbackModeFromName(const QString &name)
{
    return valueOf(antiPassbackModes, name);
}
const char *bookingStatusName(BookingStatus status)
{
    return nameOf(bookingStatuses, status);
}
BookingStatus bookingStatusFromName(const QString &name)
{
    return valueOf(bookingStatuses, name);
}
const char *directionName(Direction direction)
{
    return nameOf(directions, direction);
}
Direction directionFromName(const QString &name)
{
    return valueOf(directions, name);
}
const char *entryStatusName(EntryStatus status)
{
    return nameOf(entryStatuses, status);
}
EntryStatus entryStatusFromName(const QString &name)
{
    return valueOf(entryStatuses, name);
}
const char *memberStatusName(MemberStatus status)
{
    return nameOf(memberStatuses, status);
}
MemberStatus memberStatusFromName(const QString &name)
{
    return valueOf(memberStatuses, name);
}
const char *saleKindName(SaleKind kind)
{
    return nameOf(saleKinds, kind);
}
SaleKind saleKindFromName(const QString &name)
{
    return valueOf(saleKinds, name);
}
const char *paymentMethodName(PaymentMethod method)
{
    return nameOf(paymentMethods, method);
}
PaymentMethod paymentMethodFromName(const QString &name)
{
    return valueOf(paymentMethods, name);
}
const char *credentialTypeName(CredentialType type)
{
    return type == CredentialType::Manual ? "manual" : nameOf(credentialTypes, type);
}
CredentialType credentialTypeFromName(const QString &name)
{
    return valueOf(credentialTypes, name);
}
const char *waitlistStatusName(WaitlistStatus status)
{
    return nameOf(waitlistStatuses, status);
}
WaitlistStatus waitlistStatusFromName(const QString &name)
{
    return valueOf(waitlistStatuses, name);
}

} // namespace gymgate
