#include "core/SyncJson.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <initializer_list>
#include <limits>
#include <tuple>

namespace gymgate::syncjson {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SyncJson)
};

constexpr qint64 kMaxMs = std::numeric_limits<qint64>::max() / 2;
constexpr qint64 kMaxFen = 1'000'000'000'000;
constexpr qint64 kMaxCount = 1'000'000;
constexpr qint64 kMaxCapacity = 100'000;

QString latin1(const char *name)
{
    return QString::fromLatin1(name);
}

QJsonValue optionalJson(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonArray windowsJson(const WeeklySchedule &windows)
{
    return QJsonDocument::fromJson(windows.toJson()).array();
}

template<typename Enum, typename Names>
QStringList namesOf(std::initializer_list<Enum> values, Names name)
{
    QStringList names;
    for (Enum value : values)
        names.append(latin1(name(value)));
    return names;
}

WeeklySchedule readSchedule(FieldReader &fields, const QString &name, const QString &text)
{
    const Result<WeeklySchedule> schedule = WeeklySchedule::fromJson(text.toUtf8());
    if (!schedule) {
        fields.problem(name,
            Text::tr("The event's data.%1 is not a list of opening windows: %2").arg(name, schedule.error().message));
        return {};
    }
    return *schedule;
}

QStringList readStringList(FieldReader &fields, const QString &name)
{
    const QJsonArray array = QJsonDocument::fromJson(fields.jsonArray(name).toUtf8()).array();
    QStringList list;
    for (const QJsonValue &value : array) {
        if (!value.isString() || value.toString().isEmpty() || value.toString().size() > FieldReader::MaxIdLength) {
            fields.problem(name, Text::tr("The event's data.%1 must be a list of ids.").arg(name));
            return {};
        }
        list.append(value.toString());
    }
    return list;
}

QByteArray readBase64(FieldReader &fields, const QString &name, int maxLength, bool required)
{
    const QString text = fields.text(name, maxLength, required);
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        fields.problem(name, Text::tr("The event's data.%1 must be base64.").arg(name));
        return {};
    }
    return *decoded;
}

std::pair<qint64, qint64> readRange(FieldReader &fields)
{
    const qint64 startMs = fields.integer(QStringLiteral("startMs"), 0, kMaxMs);
    const qint64 endMs = fields.integer(QStringLiteral("endMs"), 0, kMaxMs);
    if (endMs <= startMs)
        fields.problem(QStringLiteral("endMs"), Text::tr("The event's data.endMs must be after data.startMs."));
    return {startMs, endMs};
}

template<typename T>
Result<T> finish(const FieldReader &fields, T value)
{
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    return value;
}

} // namespace

// ---------------------------------------------------------------- writing

QJsonObject toJson(const Member &member)
{
    return QJsonObject {
        {QStringLiteral("id"), member.id},
        {QStringLiteral("memberNo"), member.memberNo},
        {QStringLiteral("name"), member.name},
        {QStringLiteral("phoneCipher"), QString::fromLatin1(member.phoneCipher.toBase64())},
        {QStringLiteral("phoneHash"), QString::fromLatin1(member.phoneHash.toBase64())},
        {QStringLiteral("phoneMask"), member.phoneMask},
        {QStringLiteral("gender"), int(member.gender)},
        {QStringLiteral("birthday"), member.birthday.isValid() ? member.birthday.toString(Qt::ISODate) : QString()},
        {QStringLiteral("preferredLanguage"), member.preferredLanguage},
        {QStringLiteral("status"), latin1(memberStatusName(member.status))},
        {QStringLiteral("createdAt"), member.createdAtMs},
        {QStringLiteral("updatedAt"), member.updatedAtMs},
    };
}

QJsonObject toJson(const MemberCard &card)
{
    return QJsonObject {{QStringLiteral("id"), card.id}, {QStringLiteral("cardNo"), card.cardNo},
        {QStringLiteral("memberId"), card.memberId}, {QStringLiteral("productId"), card.productId},
        {QStringLiteral("name"), card.name}, {QStringLiteral("kind"), latin1(cardKindName(card.kind))},
        {QStringLiteral("status"), latin1(cardStatusName(card.status))},
        {QStringLiteral("validFrom"), card.validFromMs}, {QStringLiteral("validTo"), card.validToMs},
        {QStringLiteral("visitsLeft"), card.visitsLeft}, {QStringLiteral("balanceFen"), card.balanceFen},
        {QStringLiteral("perVisitPriceFen"), card.perVisitPriceFen},
        {QStringLiteral("timeWindows"), windowsJson(card.windows)},
        {QStringLiteral("zones"), QJsonArray::fromStringList(card.zoneIds)},
        {QStringLiteral("frozenAt"), optionalJson(card.frozenAtMs)}, {QStringLiteral("createdAt"), card.createdAtMs}};
}

QJsonObject toJson(const CardProduct &product)
{
    return QJsonObject {{QStringLiteral("id"), product.id}, {QStringLiteral("name"), product.name},
        {QStringLiteral("kind"), latin1(cardKindName(product.kind))}, {QStringLiteral("priceFen"), product.priceFen},
        {QStringLiteral("validDays"), product.validDays}, {QStringLiteral("visits"), product.visits},
        {QStringLiteral("valueFen"), product.valueFen}, {QStringLiteral("perVisitPriceFen"), product.perVisitPriceFen},
        {QStringLiteral("timeWindows"), windowsJson(product.windows)},
        {QStringLiteral("zones"), QJsonArray::fromStringList(product.zoneIds)},
        {QStringLiteral("active"), product.active}};
}

QJsonObject toJson(const Sale &sale)
{
    return QJsonObject {{QStringLiteral("id"), sale.id}, {QStringLiteral("receiptNo"), sale.receiptNo},
        {QStringLiteral("memberId"), sale.memberId}, {QStringLiteral("cardId"), sale.cardId},
        {QStringLiteral("productId"), sale.productId}, {QStringLiteral("kind"), latin1(saleKindName(sale.kind))},
        {QStringLiteral("amountFen"), sale.amountFen},
        {QStringLiteral("paymentMethod"), latin1(paymentMethodName(sale.paymentMethod))},
        {QStringLiteral("staffId"), sale.staffId}, {QStringLiteral("note"), sale.note},
        {QStringLiteral("createdAt"), sale.createdAtMs}};
}

QJsonObject toJson(const CredentialRecord &credential)
{
    return QJsonObject {
        {QStringLiteral("id"), credential.id},
        {QStringLiteral("memberId"), credential.memberId},
        {QStringLiteral("cardId"), credential.cardId},
        {QStringLiteral("type"), latin1(credentialTypeName(credential.type))},
        {QStringLiteral("kid"), credential.keyId},
        {QStringLiteral("code"), credential.code},
        {QStringLiteral("issuedAt"), credential.issuedAtMs},
        {QStringLiteral("expiresAt"), credential.expiresAtMs},
        {QStringLiteral("revokedAt"), optionalJson(credential.revokedAtMs)},
    };
}

QJsonObject toJson(const Venue &venue)
{
    return {{QStringLiteral("id"), venue.id}, {QStringLiteral("name"), venue.name},
        {QStringLiteral("kind"), latin1(venueKindName(venue.kind))}, {QStringLiteral("capacity"), venue.capacity},
        {QStringLiteral("status"), latin1(venueStatusName(venue.status))},
        {QStringLiteral("openingHours"), QString::fromUtf8(venue.openingHours.toJson())},
        {QStringLiteral("bookingRequired"), venue.bookingRequired}, {QStringLiteral("advanceDays"), venue.advanceDays},
        {QStringLiteral("maxActiveBookings"), venue.maxActiveBookings},
        {QStringLiteral("cancelHours"), venue.cancelHours},
        {QStringLiteral("cancelPenaltyPercent"), venue.cancelPenaltyPercent},
        {QStringLiteral("feePerHourFen"), venue.feePerHourFen}};
}

QJsonObject toJson(const Maintenance &plan)
{
    return {{QStringLiteral("id"), plan.id}, {QStringLiteral("venueId"), plan.venueId},
        {QStringLiteral("startMs"), plan.startMs}, {QStringLiteral("endMs"), plan.endMs},
        {QStringLiteral("reason"), plan.reason}};
}

QJsonObject toJson(const Course &course)
{
    return {{QStringLiteral("id"), course.id}, {QStringLiteral("name"), course.name},
        {QStringLiteral("venueId"), course.venueId}, {QStringLiteral("durationMinutes"), course.durationMinutes},
        {QStringLiteral("capacity"), course.capacity}};
}

QJsonObject toJson(const CourseSlot &slot)
{
    return {{QStringLiteral("id"), slot.id}, {QStringLiteral("courseId"), slot.courseId},
        {QStringLiteral("venueId"), slot.venueId}, {QStringLiteral("coachName"), slot.coachName},
        {QStringLiteral("startMs"), slot.startMs}, {QStringLiteral("endMs"), slot.endMs},
        {QStringLiteral("capacity"), slot.capacity}, {QStringLiteral("bookedCount"), slot.bookedCount}};
}

QJsonObject toJson(const Booking &booking)
{
    return {{QStringLiteral("id"), booking.id}, {QStringLiteral("bookingNo"), booking.bookingNo},
        {QStringLiteral("memberId"), booking.memberId}, {QStringLiteral("venueId"), booking.venueId},
        {QStringLiteral("slotId"), booking.slotId}, {QStringLiteral("startMs"), booking.startMs},
        {QStringLiteral("endMs"), booking.endMs}, {QStringLiteral("status"), latin1(bookingStatusName(booking.status))},
        {QStringLiteral("recurrenceId"), booking.recurrenceId}, {QStringLiteral("createdAtMs"), booking.createdAtMs}};
}

QJsonObject toJson(const WaitlistEntry &entry)
{
    return {{QStringLiteral("id"), entry.id}, {QStringLiteral("memberId"), entry.memberId},
        {QStringLiteral("venueId"), entry.venueId}, {QStringLiteral("slotId"), entry.slotId},
        {QStringLiteral("startMs"), entry.startMs}, {QStringLiteral("endMs"), entry.endMs},
        {QStringLiteral("position"), entry.position},
        {QStringLiteral("status"), latin1(waitlistStatusName(entry.status))}};
}

QJsonObject toJson(const EntryRecord &entry)
{
    QJsonObject json {
        {QStringLiteral("id"), entry.id},
        {QStringLiteral("gateId"), entry.gateId},
        {QStringLiteral("zoneId"), entry.zoneId},
        {QStringLiteral("direction"), latin1(directionName(entry.direction))},
        {QStringLiteral("memberId"), entry.memberId},
        {QStringLiteral("cardId"), entry.cardId},
        {QStringLiteral("bookingId"), entry.bookingId},
        {QStringLiteral("credentialId"), entry.credentialId},
        {QStringLiteral("credentialKind"), entry.credentialKind},
        {QStringLiteral("weak"), entry.weak},
        {QStringLiteral("status"), latin1(entryStatusName(entry.status))},
        {QStringLiteral("reason"), latin1(accessReasonCode(entry.reason))},
        {QStringLiteral("visitsDeducted"), entry.visitsDeducted},
        {QStringLiteral("feeDeductedFen"), entry.feeDeductedFen},
        {QStringLiteral("staffId"), entry.staffId},
        {QStringLiteral("note"), entry.note},
        {QStringLiteral("decidedAt"), entry.decidedAtMs},
    };
    if (entry.passedAtMs > 0)
        json.insert(QStringLiteral("passedAt"), entry.passedAtMs);
    if (entry.annulledAtMs > 0)
        json.insert(QStringLiteral("annulledAt"), entry.annulledAtMs);
    return json;
}

// ---------------------------------------------------------------- reading

Result<Member> memberFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    Member member;
    member.id = fields.id(QStringLiteral("id"));
    member.memberNo = fields.text(QStringLiteral("memberNo"), 32);
    member.name = fields.text(QStringLiteral("name"), 100);
    member.phoneCipher = readBase64(fields, QStringLiteral("phoneCipher"), 1024, false);
    member.phoneHash = readBase64(fields, QStringLiteral("phoneHash"), 128, true);
    member.phoneMask = fields.text(QStringLiteral("phoneMask"), 32);
    member.gender = static_cast<Gender>(
        fields.integer(QStringLiteral("gender"), int(Gender::Invalid), int(Gender::Female), int(Gender::Unknown)));
    const QString birthday = fields.text(QStringLiteral("birthday"), 10, false);
    member.birthday = QDate::fromString(birthday, Qt::ISODate);
    if (!birthday.isEmpty() && !member.birthday.isValid())
        fields.problem(QStringLiteral("birthday"), Text::tr("The event's data.birthday must be a date (YYYY-MM-DD)."));
    member.preferredLanguage = fields.text(QStringLiteral("preferredLanguage"), 16, false);
    member.status = memberStatusFromName(fields.oneOf(
        QStringLiteral("status"), namesOf({MemberStatus::Active, MemberStatus::Blocked}, memberStatusName)));
    member.createdAtMs = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, 0);
    member.updatedAtMs = fields.integer(QStringLiteral("updatedAt"), 0, kMaxMs, 0);
    return finish(fields, member);
}

Result<MemberCard> cardFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    MemberCard card;
    card.id = fields.id(QStringLiteral("id"));
    card.cardNo = fields.text(QStringLiteral("cardNo"), 32);
    card.memberId = fields.id(QStringLiteral("memberId"));
    card.productId = fields.optionalId(QStringLiteral("productId"));
    card.name = fields.text(QStringLiteral("name"), 100);
    card.kind = cardKindFromName(fields.oneOf(
        QStringLiteral("kind"), namesOf({CardKind::Time, CardKind::Count, CardKind::Value}, cardKindName)));
    card.status = cardStatusFromName(fields.oneOf(QStringLiteral("status"),
        namesOf({CardStatus::Active, CardStatus::Frozen, CardStatus::Expired, CardStatus::Cancelled}, cardStatusName)));
    card.validFromMs = fields.integer(QStringLiteral("validFrom"), 0, kMaxMs);
    card.validToMs = fields.integer(QStringLiteral("validTo"), 0, kMaxMs, 0);
    card.visitsLeft = int(fields.integer(QStringLiteral("visitsLeft"), -kMaxCount, kMaxCount, 0));
    card.balanceFen = fields.integer(QStringLiteral("balanceFen"), -kMaxFen, kMaxFen, 0);
    card.perVisitPriceFen = fields.integer(QStringLiteral("perVisitPriceFen"), 0, kMaxFen, 0);
    card.windows = readSchedule(fields, QStringLiteral("timeWindows"), fields.jsonArray(QStringLiteral("timeWindows")));
    card.zoneIds = readStringList(fields, QStringLiteral("zones"));
    card.frozenAtMs = fields.nullableMs(QStringLiteral("frozenAt"));
    card.createdAtMs = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, 0);
    return finish(fields, card);
}

Result<CardProduct> productFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    CardProduct product;
    product.id = fields.id(QStringLiteral("id"));
    product.name = fields.text(QStringLiteral("name"), 100);
    product.kind = cardKindFromName(fields.oneOf(
        QStringLiteral("kind"), namesOf({CardKind::Time, CardKind::Count, CardKind::Value}, cardKindName)));
    product.priceFen = fields.integer(QStringLiteral("priceFen"), 0, kMaxFen);
    product.validDays = int(fields.integer(QStringLiteral("validDays"), 0, 36'500, 0));
    product.visits = int(fields.integer(QStringLiteral("visits"), 0, kMaxCount, 0));
    product.valueFen = fields.integer(QStringLiteral("valueFen"), 0, kMaxFen, 0);
    product.perVisitPriceFen = fields.integer(QStringLiteral("perVisitPriceFen"), 0, kMaxFen, 0);
    product.windows
        = readSchedule(fields, QStringLiteral("timeWindows"), fields.jsonArray(QStringLiteral("timeWindows")));
    product.zoneIds = readStringList(fields, QStringLiteral("zones"));
    product.active = fields.flag(QStringLiteral("active"), true);
    return finish(fields, product);
}

Result<Sale> saleFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    Sale sale;
    sale.id = fields.id(QStringLiteral("id"));
    sale.receiptNo = fields.text(QStringLiteral("receiptNo"), 32);
    sale.memberId = fields.id(QStringLiteral("memberId"));
    sale.cardId = fields.optionalId(QStringLiteral("cardId"));
    sale.productId = fields.optionalId(QStringLiteral("productId"));
    sale.kind = saleKindFromName(fields.oneOf(QStringLiteral("kind"),
        namesOf({SaleKind::Sale, SaleKind::TopUp, SaleKind::Refund, SaleKind::Penalty}, saleKindName)));
    sale.amountFen = fields.integer(QStringLiteral("amountFen"), -kMaxFen, kMaxFen);
    sale.paymentMethod = paymentMethodFromName(fields.oneOf(QStringLiteral("paymentMethod"),
        namesOf({PaymentMethod::Cash, PaymentMethod::BankCard, PaymentMethod::WeChatPay, PaymentMethod::Alipay},
            paymentMethodName)));
    sale.staffId = fields.text(QStringLiteral("staffId"), 64, false);
    sale.note = fields.text(QStringLiteral("note"), 500, false);
    sale.createdAtMs = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, 0);
    return finish(fields, sale);
}

Result<CredentialRecord> credentialFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    CredentialRecord credential;
    credential.id = fields.id(QStringLiteral("id"));
    credential.memberId = fields.id(QStringLiteral("memberId"));
    credential.cardId = fields.optionalId(QStringLiteral("cardId"));
    // Only signed codes are recorded; legacy and manual entries have no credential row.
    credential.type = credentialTypeFromName(fields.oneOf(
        QStringLiteral("type"), namesOf({CredentialType::Card, CredentialType::Token}, credentialTypeName)));
    credential.keyId = fields.text(QStringLiteral("kid"), 64);
    credential.code = fields.text(QStringLiteral("code"), 1024, false);
    credential.issuedAtMs = fields.integer(QStringLiteral("issuedAt"), 0, kMaxMs);
    credential.expiresAtMs = fields.integer(QStringLiteral("expiresAt"), 0, kMaxMs, 0);
    credential.revokedAtMs = fields.nullableMs(QStringLiteral("revokedAt"));
    return finish(fields, credential);
}

Result<Venue> venueFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    Venue venue;
    venue.id = fields.id(QStringLiteral("id"));
    venue.name = fields.text(QStringLiteral("name"), 100);
    venue.kind = venueKindFromName(fields.oneOf(QStringLiteral("kind"),
        namesOf({VenueKind::GymFloor, VenueKind::Studio, VenueKind::Court, VenueKind::Pool, VenueKind::Other},
            venueKindName)));
    venue.capacity = int(fields.integer(QStringLiteral("capacity"), 0, kMaxCapacity, 0));
    venue.status = venueStatusFromName(fields.oneOf(QStringLiteral("status"),
        namesOf({VenueStatus::Open, VenueStatus::Closed, VenueStatus::Maintenance}, venueStatusName)));
    const QString hours = fields.text(QStringLiteral("openingHours"), 20'000, false);
    venue.openingHours
        = readSchedule(fields, QStringLiteral("openingHours"), hours.isEmpty() ? QStringLiteral("[]") : hours);
    venue.bookingRequired = fields.flag(QStringLiteral("bookingRequired"), false);
    venue.advanceDays = int(fields.integer(QStringLiteral("advanceDays"), 0, 3650, 7));
    venue.maxActiveBookings = int(fields.integer(QStringLiteral("maxActiveBookings"), 0, 1000, 0));
    venue.cancelHours = int(fields.integer(QStringLiteral("cancelHours"), 0, 1000, 2));
    venue.cancelPenaltyPercent = int(fields.integer(QStringLiteral("cancelPenaltyPercent"), 0, 100, 0));
    venue.feePerHourFen = fields.integer(QStringLiteral("feePerHourFen"), 0, 1'000'000'000, 0);
    return finish(fields, venue);
}

Result<Maintenance> maintenanceFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    Maintenance plan;
    plan.id = fields.id(QStringLiteral("id"));
    plan.venueId = fields.id(QStringLiteral("venueId"));
    std::tie(plan.startMs, plan.endMs) = readRange(fields);
    plan.reason = fields.text(QStringLiteral("reason"), 500, false);
    return finish(fields, plan);
}

Result<Course> courseFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    Course course;
    course.id = fields.id(QStringLiteral("id"));
    course.name = fields.text(QStringLiteral("name"), 100);
    course.venueId = fields.id(QStringLiteral("venueId"));
    course.durationMinutes = int(fields.integer(QStringLiteral("durationMinutes"), 1, 24 * 60));
    course.capacity = int(fields.integer(QStringLiteral("capacity"), 1, kMaxCapacity));
    return finish(fields, course);
}

Result<CourseSlot> slotFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    CourseSlot slot;
    slot.id = fields.id(QStringLiteral("id"));
    slot.courseId = fields.id(QStringLiteral("courseId"));
    slot.venueId = fields.id(QStringLiteral("venueId"));
    slot.coachName = fields.text(QStringLiteral("coachName"), 100, false);
    std::tie(slot.startMs, slot.endMs) = readRange(fields);
    slot.capacity = int(fields.integer(QStringLiteral("capacity"), 1, kMaxCapacity));
    slot.bookedCount = int(fields.integer(QStringLiteral("bookedCount"), 0, kMaxCapacity, 0));
    return finish(fields, slot);
}

Result<Booking> bookingFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    Booking booking;
    booking.id = fields.id(QStringLiteral("id"));
    booking.bookingNo = fields.text(QStringLiteral("bookingNo"), 32);
    booking.memberId = fields.id(QStringLiteral("memberId"));
    booking.venueId = fields.id(QStringLiteral("venueId"));
    booking.slotId = fields.optionalId(QStringLiteral("slotId"));
    std::tie(booking.startMs, booking.endMs) = readRange(fields);
    booking.status = fields.has(QStringLiteral("status"))
        ? bookingStatusFromName(fields.oneOf(QStringLiteral("status"),
            namesOf({BookingStatus::Booked, BookingStatus::Cancelled, BookingStatus::Attended, BookingStatus::NoShow},
                bookingStatusName)))
        : BookingStatus::Booked;
    booking.recurrenceId = fields.optionalId(QStringLiteral("recurrenceId"));
    booking.createdAtMs = fields.integer(QStringLiteral("createdAtMs"), 0, kMaxMs, 0);
    return finish(fields, booking);
}

Result<WaitlistEntry> waitlistFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    WaitlistEntry entry;
    entry.id = fields.id(QStringLiteral("id"));
    entry.memberId = fields.id(QStringLiteral("memberId"));
    entry.venueId = fields.id(QStringLiteral("venueId"));
    entry.slotId = fields.optionalId(QStringLiteral("slotId"));
    std::tie(entry.startMs, entry.endMs) = readRange(fields);
    entry.position = int(fields.integer(QStringLiteral("position"), 0, kMaxCapacity, 0));
    entry.status = waitlistStatusFromName(fields.oneOf(QStringLiteral("status"),
        namesOf({WaitlistStatus::Waiting, WaitlistStatus::Promoted, WaitlistStatus::Cancelled}, waitlistStatusName)));
    return finish(fields, entry);
}

Result<EntryRecord> entryFromJson(const QJsonObject &data)
{
    FieldReader fields(data);
    EntryRecord entry;
    entry.id = fields.id(QStringLiteral("id"));
    entry.gateId = fields.text(QStringLiteral("gateId"), 64, false);
    entry.zoneId = fields.text(QStringLiteral("zoneId"), 64, false);
    entry.direction = fields.has(QStringLiteral("direction")) ? directionFromName(fields.oneOf(
                          QStringLiteral("direction"), namesOf({Direction::In, Direction::Out}, directionName)))
                                                              : Direction::In;
    entry.memberId = fields.optionalId(QStringLiteral("memberId"));
    entry.cardId = fields.optionalId(QStringLiteral("cardId"));
    entry.bookingId = fields.optionalId(QStringLiteral("bookingId"));
    entry.credentialId = fields.text(QStringLiteral("credentialId"), 128, false);
    entry.credentialKind = fields.text(QStringLiteral("credentialKind"), 32, false);
    entry.weak = fields.flag(QStringLiteral("weak"), false);
    entry.status = entryStatusFromName(fields.oneOf(QStringLiteral("status"),
        namesOf(
            {EntryStatus::Denied, EntryStatus::Pending, EntryStatus::Passed, EntryStatus::Annulled}, entryStatusName)));
    const QString reason = fields.text(QStringLiteral("reason"), 64, false);
    entry.reason = accessReasonFromCode(reason);
    if (!reason.isEmpty() && entry.reason == AccessReason::Invalid)
        fields.problem(QStringLiteral("reason"), Text::tr("The event's data.reason is not a known reason code."));
    entry.visitsDeducted = int(fields.integer(QStringLiteral("visitsDeducted"), 0, 1000, 0));
    entry.feeDeductedFen = fields.integer(QStringLiteral("feeDeductedFen"), 0, 1'000'000'000, 0);
    entry.staffId = fields.text(QStringLiteral("staffId"), 64, false);
    entry.note = fields.text(QStringLiteral("note"), 500, false);
    entry.decidedAtMs = fields.integer(QStringLiteral("decidedAt"), 1, kMaxMs);
    entry.passedAtMs = fields.optionalMs(QStringLiteral("passedAt"));
    entry.annulledAtMs = fields.optionalMs(QStringLiteral("annulledAt"));
    return finish(fields, entry);
}

// ---------------------------------------------------------------- FieldReader

void FieldReader::problem(const QString &name, const QString &message)
{
    if (!m_error)
        m_error = Error {ErrorCode::InvalidArgument, message, QStringLiteral("data.") + name};
}

Status FieldReader::status() const
{
    if (m_error)
        return std::unexpected(*m_error);
    return {};
}

QString FieldReader::id(const QString &name)
{
    const QString value = optionalId(name);
    if (value.isEmpty() && !m_error)
        problem(name, Text::tr("The event's data.%1 is missing.").arg(name));
    return value;
}

QString FieldReader::optionalId(const QString &name)
{
    const QJsonValue value = m_data.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString() || value.toString().size() > MaxIdLength) {
        problem(
            name, Text::tr("The event's data.%1 must be an id of at most %2 characters.").arg(name).arg(MaxIdLength));
        return {};
    }
    return value.toString();
}

QString FieldReader::text(const QString &name, int maxLength, bool required)
{
    const QJsonValue value = m_data.value(name);
    if ((value.isUndefined() || value.isNull()) && !required)
        return {};
    if (!value.isString()) {
        problem(name, Text::tr("The event's data.%1 must be a text.").arg(name));
        return {};
    }
    const QString text = value.toString();
    if (text.size() > maxLength) {
        problem(name, Text::tr("The event's data.%1 is longer than %2 characters.").arg(name).arg(maxLength));
        return {};
    }
    if (required && text.trimmed().isEmpty()) {
        problem(name, Text::tr("The event's data.%1 is empty.").arg(name));
        return {};
    }
    return text;
}

QString FieldReader::oneOf(const QString &name, const QStringList &allowed)
{
    const QString value = m_data.value(name).toString();
    if (!allowed.contains(value)) {
        problem(
            name, Text::tr("The event's data.%1 must be one of: %2.").arg(name, allowed.join(QStringLiteral(", "))));
        return {};
    }
    return value;
}

qint64 FieldReader::integer(const QString &name, qint64 min, qint64 max, std::optional<qint64> fallback)
{
    const QJsonValue value = m_data.value(name);
    if ((value.isUndefined() || value.isNull()) && fallback)
        return *fallback;
    const double number = value.toDouble();
    // Doubles hold integers exactly up to 2^53, far beyond any ms time or fen amount.
    if (!value.isDouble() || number != double(qint64(number)) || qint64(number) < min || qint64(number) > max) {
        problem(name, Text::tr("The event's data.%1 must be an integer from %2 to %3.").arg(name).arg(min).arg(max));
        return 0;
    }
    return qint64(number);
}

qint64 FieldReader::optionalMs(const QString &name)
{
    return integer(name, 0, kMaxMs, 0);
}

std::optional<qint64> FieldReader::nullableMs(const QString &name)
{
    const QJsonValue value = m_data.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return integer(name, 0, kMaxMs);
}

bool FieldReader::flag(const QString &name, std::optional<bool> fallback)
{
    const QJsonValue value = m_data.value(name);
    if ((value.isUndefined() || value.isNull()) && fallback)
        return *fallback;
    if (!value.isBool()) {
        problem(name, Text::tr("The event's data.%1 must be true or false.").arg(name));
        return false;
    }
    return value.toBool();
}

QString FieldReader::jsonArray(const QString &name)
{
    QJsonValue value = m_data.value(name);
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("[]");
    if (value.isString()) {
        const QJsonDocument parsed = QJsonDocument::fromJson(value.toString().toUtf8());
        if (parsed.isArray())
            value = parsed.array();
    }
    if (!value.isArray()) {
        problem(name, Text::tr("The event's data.%1 must be a JSON array.").arg(name));
        return QStringLiteral("[]");
    }
    return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
}

} // namespace gymgate::syncjson
