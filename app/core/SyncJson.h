#pragma once

#include "core/Booking.h"
#include "core/BookingDesk.h"
#include "core/Credential.h"
#include "core/Entry.h"
#include "core/Error.h"
#include "core/Member.h"
#include "core/MemberCard.h"
#include "core/Sale.h"
#include "core/Venue.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// The sync wire format of every synced entity (DESIGN §9): what a desk writes into its outbox
// events and what the hub publishes in its change log. camelCase keys, times as UTC ms, money in
// fen. The key names are a contract between desks and hub: never rename one, only add.
namespace gymgate::syncjson {

QJsonObject toJson(const Member &member);
QJsonObject toJson(const MemberCard &card);
QJsonObject toJson(const CardProduct &product);
QJsonObject toJson(const Sale &sale);
QJsonObject toJson(const CredentialRecord &credential);
QJsonObject toJson(const Venue &venue); // openingHours as JSON text, not as a list
QJsonObject toJson(const Maintenance &plan);
QJsonObject toJson(const Course &course);
QJsonObject toJson(const CourseSlot &slot);
QJsonObject toJson(const Booking &booking);
QJsonObject toJson(const WaitlistEntry &entry);
QJsonObject toJson(const EntryRecord &entry);

// The parsers take what toJson() writes and refuse anything else with InvalidArgument naming the
// first bad field as "data.<key>" (the entity travels as an event's or a change's `data`).
// Optional keys may be absent or null and then take the documented default.
Result<Member> memberFromJson(const QJsonObject &data);
Result<MemberCard> cardFromJson(const QJsonObject &data);
Result<CardProduct> productFromJson(const QJsonObject &data);
Result<Sale> saleFromJson(const QJsonObject &data);
Result<CredentialRecord> credentialFromJson(const QJsonObject &data);
Result<Venue> venueFromJson(const QJsonObject &data);
Result<Maintenance> maintenanceFromJson(const QJsonObject &data);
Result<Course> courseFromJson(const QJsonObject &data);
Result<CourseSlot> slotFromJson(const QJsonObject &data);
Result<Booking> bookingFromJson(const QJsonObject &data); // status defaults to "booked"
Result<WaitlistEntry> waitlistFromJson(const QJsonObject &data);
Result<EntryRecord> entryFromJson(const QJsonObject &data); // direction defaults to "in"

// Reads the fields of one entity's `data`, remembering the first problem: a parser reads every
// field it needs, then asks status() once. Errors are InvalidArgument naming the field as
// "data.<name>", so a rejected event tells the site exactly what was wrong.
class FieldReader {
public:
    explicit FieldReader(const QJsonObject &data) : m_data(data) { }

    static constexpr int MaxIdLength = 64;

    // A non-empty id of at most 64 characters (sites make UUIDs; fixtures may not).
    QString id(const QString &name);
    // Empty when absent or null.
    QString optionalId(const QString &name);
    // `required` refuses absent, null and blank; otherwise those read as empty.
    QString text(const QString &name, int maxLength, bool required = true);
    QString oneOf(const QString &name, const QStringList &allowed);
    // `fallback` is taken when the key is absent or null; without one the key is required.
    qint64 integer(const QString &name, qint64 min, qint64 max, std::optional<qint64> fallback = std::nullopt);
    // null or absent -> 0 (the columns store NULL for it)
    qint64 optionalMs(const QString &name);
    // null or absent -> nullopt; otherwise a time in ms
    std::optional<qint64> nullableMs(const QString &name);
    bool flag(const QString &name, std::optional<bool> fallback = std::nullopt);
    // A JSON array (or a string holding one), as compact JSON text for a column; "[]" when absent.
    QString jsonArray(const QString &name);
    bool has(const QString &name) const { return m_data.contains(name); }

    Status status() const;
    // Records a problem found by the caller's own check (a date, an order of two times).
    void problem(const QString &name, const QString &message);

private:
    QJsonObject m_data;
    std::optional<Error> m_error;
};

} // namespace gymgate::syncjson
