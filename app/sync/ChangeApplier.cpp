#include "sync/ChangeApplier.h"

#include "core/SigningKey.h"
#include "core/SyncControl.h"
#include "core/SyncJson.h"
#include "store/Database.h"
#include "store/SqlSupport.h"
#include "store/SyncNoticeRepository.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QSqlQuery>

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <variant>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChangeApplier)
};

const QString kCursorKey = QStringLiteral("pull.cursor");
constexpr qint64 kMaxMs = std::numeric_limits<qint64>::max() / 2;
constexpr double kMaxSeq = 9'007'199'254'740'992.0; // 2^53: every integer below is exact in JSON

// ---------------------------------------------------------------- parsed changes

enum class Entity {
    Invalid = 0,
    Member,
    Card,
    Product,
    Venue,
    Maintenance,
    Course,
    Slot,
    Booking,
    Waitlist,
    TrustedKey,
    Revocation,
    Staff,
    Site,
};

constexpr std::array<std::pair<Entity, const char *>, 13> kEntityNames {
    {{Entity::Member, "member"}, {Entity::Card, "card"}, {Entity::Product, "product"}, {Entity::Venue, "venue"},
        {Entity::Maintenance, "maintenance"}, {Entity::Course, "course"}, {Entity::Slot, "slot"},
        {Entity::Booking, "booking"}, {Entity::Waitlist, "waitlist"}, {Entity::TrustedKey, "trusted_key"},
        {Entity::Revocation, "revocation"}, {Entity::Staff, "staff"}, {Entity::Site, "site"}}};

Entity entityFromName(const QString &name)
{
    for (const auto &[entity, entityName] : kEntityNames) {
        if (name == QLatin1String(entityName))
            return entity;
    }
    return Entity::Invalid;
}

// A booking as the hub publishes it: the desk's shape plus the rejection or cancel reason and the
// site that took it.
struct PulledBooking {
    Booking booking;
    QString reason;
    QString siteId;
};

struct RevocationData {
    QString id; // the credential's
    QString memberId;
    QString cardId;
    QString kid;
    qint64 revokedAtMs = 0;
};

struct StaffData {
    QString id;
    QString username;
    QString displayName;
    QString role;
    QString status;
    QString passwordHash;
    std::optional<qint64> deletedAtMs; // set when the hub deleted the account
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct SiteData {
    QString id;
    QString name;
    QString number;
    QString timezone;
};

using Payload = std::variant<std::monostate, Member, MemberCard, CardProduct, Venue, Maintenance, Course, CourseSlot,
    PulledBooking, WaitlistEntry, TrustedKey, RevocationData, StaffData, SiteData>;

struct Change {
    qint64 seq = 0;
    Entity entity = Entity::Invalid;
    QString entityName;
    QString id;
    bool removal = false;
    Payload data; // monostate for a delete
};

// ---------------------------------------------------------------- parsing

} // namespace

Result<TrustedKey> trustedKeyFromJson(const QJsonObject &data)
{
    syncjson::FieldReader fields(data);
    TrustedKey key;
    key.keyId = fields.id(QStringLiteral("kid"));
    if (!key.keyId.isEmpty() && !SigningKey::isValidKeyId(key.keyId))
        fields.problem(QStringLiteral("kid"), Text::tr("The change's data.kid is not a valid key id."));
    const QString publicKey = fields.text(QStringLiteral("publicKey"), 256);
    const auto decoded = QByteArray::fromBase64Encoding(publicKey.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || (*decoded).size() != SigningKey::PublicKeyBytes)
        fields.problem(QStringLiteral("publicKey"), Text::tr("The change's data.publicKey must be a base64 key."));
    else
        key.publicKey = *decoded;
    key.owner = fields.text(QStringLiteral("owner"), 64);
    key.createdAtMs = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, 0);
    key.revokedAtMs = fields.nullableMs(QStringLiteral("revokedAt"));
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    return key;
}

namespace {

Result<RevocationData> revocationFromJson(const QJsonObject &data)
{
    syncjson::FieldReader fields(data);
    RevocationData revocation;
    revocation.id = fields.id(QStringLiteral("id"));
    revocation.memberId = fields.optionalId(QStringLiteral("memberId"));
    revocation.cardId = fields.optionalId(QStringLiteral("cardId"));
    revocation.kid = fields.text(QStringLiteral("kid"), 64, false);
    revocation.revokedAtMs = fields.integer(QStringLiteral("revokedAt"), 1, kMaxMs);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    return revocation;
}

Result<StaffData> staffFromJson(const QJsonObject &data)
{
    syncjson::FieldReader fields(data);
    StaffData staff;
    staff.id = fields.id(QStringLiteral("id"));
    staff.username = fields.text(QStringLiteral("username"), 64);
    staff.displayName = fields.text(QStringLiteral("displayName"), 100, false);
    // The local table's CHECKs: a role or status this desk does not know refuses the page.
    staff.role = fields.oneOf(QStringLiteral("role"),
        {QStringLiteral("admin"), QStringLiteral("staff"), QStringLiteral("technician"), QStringLiteral("guest")});
    staff.status = fields.oneOf(QStringLiteral("status"), {QStringLiteral("active"), QStringLiteral("disabled")});
    staff.passwordHash = fields.text(QStringLiteral("passwordHash"), 512);
    fields.optionalId(QStringLiteral("siteId"));
    const bool deleted = fields.flag(QStringLiteral("deleted"), false);
    const std::optional<qint64> deletedAtMs = fields.nullableMs(QStringLiteral("deletedAt"));
    staff.createdAtMs = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, 0);
    staff.updatedAtMs = fields.integer(QStringLiteral("updatedAt"), 0, kMaxMs, 0);
    if (deleted)
        staff.deletedAtMs = deletedAtMs.value_or(staff.updatedAtMs);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (staff.displayName.trimmed().isEmpty())
        staff.displayName = staff.username;
    return staff;
}

Result<SiteData> siteFromJson(const QJsonObject &data)
{
    syncjson::FieldReader fields(data);
    SiteData site;
    site.id = fields.id(QStringLiteral("id"));
    site.name = fields.text(QStringLiteral("name"), 100);
    site.number = fields.text(QStringLiteral("number"), 16);
    site.timezone = fields.text(QStringLiteral("timezone"), 64);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    return site;
}

Result<PulledBooking> pulledBookingFromJson(const QJsonObject &data)
{
    // 'rejected' is the hub's verdict: a desk never sends it, so the shared parser refuses it.
    // The rest of a refused booking is checked like any other.
    const bool rejected = data.value(QStringLiteral("status")) == QJsonValue(QStringLiteral("rejected"));
    QJsonObject checked = data;
    if (rejected)
        checked.insert(QStringLiteral("status"), QStringLiteral("booked"));
    Result<Booking> booking = syncjson::bookingFromJson(checked);
    if (!booking)
        return std::unexpected(booking.error());
    if (rejected)
        booking->status = BookingStatus::Rejected;
    syncjson::FieldReader fields(data);
    PulledBooking pulled {*booking, {}, {}};
    // The hub's row reader names the reason `reason`; its reservation API `cancelReason`.
    pulled.reason = fields.text(QStringLiteral("reason"), 500, false);
    if (pulled.reason.isEmpty())
        pulled.reason = fields.text(QStringLiteral("cancelReason"), 500, false);
    pulled.siteId = fields.optionalId(QStringLiteral("siteId"));
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    return pulled;
}

template<typename T>
Result<Payload> asPayload(Result<T> parsed)
{
    if (!parsed)
        return std::unexpected(parsed.error());
    return Payload {std::move(*parsed)};
}

Result<Payload> parseData(Entity entity, const QJsonObject &data)
{
    switch (entity) {
    case Entity::Member:
        return asPayload(syncjson::memberFromJson(data));
    case Entity::Card:
        return asPayload(syncjson::cardFromJson(data));
    case Entity::Product:
        return asPayload(syncjson::productFromJson(data));
    case Entity::Venue:
        return asPayload(syncjson::venueFromJson(data));
    case Entity::Maintenance:
        return asPayload(syncjson::maintenanceFromJson(data));
    case Entity::Course:
        return asPayload(syncjson::courseFromJson(data));
    case Entity::Slot:
        return asPayload(syncjson::slotFromJson(data));
    case Entity::Booking:
        return asPayload(pulledBookingFromJson(data));
    case Entity::Waitlist:
        return asPayload(syncjson::waitlistFromJson(data));
    case Entity::TrustedKey:
        return asPayload(trustedKeyFromJson(data));
    case Entity::Revocation:
        return asPayload(revocationFromJson(data));
    case Entity::Staff:
        return asPayload(staffFromJson(data));
    case Entity::Site:
        return asPayload(siteFromJson(data));
    case Entity::Invalid:
        break;
    }
    return fail(ErrorCode::Internal, QStringLiteral("no parser for the entity"));
}

// The id inside the data, which must be the change's id.
QString payloadId(const Payload &payload)
{
    return std::visit(
        [](const auto &value) -> QString {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return {};
            else if constexpr (std::is_same_v<T, PulledBooking>)
                return value.booking.id;
            else if constexpr (std::is_same_v<T, TrustedKey>)
                return value.keyId;
            else
                return value.id;
        },
        payload);
}

QString changeField(int index, const QString &field = {})
{
    const QString base = QStringLiteral("changes[%1]").arg(index);
    return field.isEmpty() ? base : base + QLatin1Char('.') + field;
}

Result<Change> parseChange(const QJsonValue &value, int index)
{
    if (!value.isObject())
        return fail(ErrorCode::InvalidArgument, Text::tr("Change %1 of the page is not a JSON object.").arg(index),
            changeField(index));
    const QJsonObject object = value.toObject();
    Change change;
    const QJsonValue seq = object.value(QStringLiteral("seq"));
    // Checked as a double first: converting an out-of-range double to an integer is undefined.
    const double seqNumber = seq.toDouble();
    if (!seq.isDouble() || seqNumber < 1 || seqNumber > kMaxSeq || seqNumber != std::floor(seqNumber))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Change %1 of the page has no valid seq (a positive integer).").arg(index),
            changeField(index, QStringLiteral("seq")));
    change.seq = qint64(seqNumber);
    change.entityName = object.value(QStringLiteral("entity")).toString();
    change.entity = entityFromName(change.entityName);
    if (change.entity == Entity::Invalid)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Change %1 of the page has an unknown entity \"%2\".").arg(index).arg(change.entityName),
            changeField(index, QStringLiteral("entity")));
    change.id = object.value(QStringLiteral("id")).toString();
    if (change.id.isEmpty() || change.id.size() > syncjson::FieldReader::MaxIdLength)
        return fail(ErrorCode::InvalidArgument, Text::tr("Change %1 of the page has no valid id.").arg(index),
            changeField(index, QStringLiteral("id")));
    const QString op = object.value(QStringLiteral("op")).toString();
    if (op == QLatin1String("delete")) {
        change.removal = true;
        return change;
    }
    if (op != QLatin1String("upsert"))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Change %1 of the page has the op \"%2\"; it must be upsert or delete.").arg(index).arg(op),
            changeField(index, QStringLiteral("op")));
    const QJsonValue data = object.value(QStringLiteral("data"));
    if (!data.isObject())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Change %1 of the page (%2 %3) has no data object.").arg(index).arg(change.entityName, change.id),
            changeField(index, QStringLiteral("data")));
    Result<Payload> payload = parseData(change.entity, data.toObject());
    if (!payload)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Change %1 of the page (%2 %3) is malformed: %4")
                .arg(index)
                .arg(change.entityName, change.id, payload.error().message),
            changeField(index, payload.error().field));
    if (payloadId(*payload) != change.id)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Change %1 of the page is for %2 %3 but its data is for %4.")
                .arg(index)
                .arg(change.entityName, change.id, payloadId(*payload)),
            changeField(
                index, change.entity == Entity::TrustedKey ? QStringLiteral("data.kid") : QStringLiteral("data.id")));
    change.data = std::move(*payload);
    return change;
}

Result<QList<Change>> parsePage(const QJsonArray &changes)
{
    QList<Change> parsed;
    parsed.reserve(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        Result<Change> change = parseChange(changes.at(i), int(i));
        if (!change)
            return std::unexpected(change.error());
        parsed.append(std::move(*change));
    }
    return parsed;
}

// ---------------------------------------------------------------- writing

// Every statement the applier runs, prepared once per page on first use.
enum class Statement {
    MemberUpsert,
    MemberNoTaken,
    PhoneTaken,
    MemberLabel,
    CardUpsert,
    CardNoTaken,
    ProductUpsert,
    VenueUpsert,
    MaintenanceUpsert,
    CourseUpsert,
    SlotUpsert,
    BookingUpsert,
    BookingNoTaken,
    BookingStatus,
    WaitlistUpsert,
    TrustedKeyRead,
    TrustedKeyUpsert,
    RevocationUpdate,
    RevocationInsert,
    StaffUpsert,
    UsernameTaken,
    SettingUpsert,
    CursorUpsert,
    PullConflictMembers,
    SoftDeleteMember,
    SoftDeleteCard,
    SoftDeleteProduct,
    SoftDeleteVenue,
    SoftDeleteMaintenance,
    SoftDeleteCourse,
    SoftDeleteSlot,
    SoftDeleteStaff,
    DeleteBooking,
    DeleteWaitlist,
    DeleteTrustedKey,
    Count,
};

const char *statementSql(Statement statement)
{
    switch (statement) {
    case Statement::MemberUpsert:
        return "INSERT INTO member (id, member_no, name, phone_cipher, phone_hash, phone_mask, gender, birthday, "
               "preferred_language, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET member_no = excluded.member_no, name = excluded.name, "
               "phone_cipher = excluded.phone_cipher, phone_hash = excluded.phone_hash, "
               "phone_mask = excluded.phone_mask, gender = excluded.gender, birthday = excluded.birthday, "
               "preferred_language = excluded.preferred_language, status = excluded.status, "
               "created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = NULL";
    case Statement::MemberNoTaken:
        return "SELECT id FROM member WHERE member_no = ? AND id <> ? LIMIT 1";
    case Statement::PhoneTaken:
        return "SELECT id FROM member WHERE phone_hash = ? AND id <> ? LIMIT 1";
    case Statement::MemberLabel:
        return "SELECT member_no, name FROM member WHERE id = ?";
    case Statement::CardUpsert:
        // A card carries its own kind, windows and zones; its product is only a reference. A product
        // this desk does not have (never published, or deleted on the hub) must not stop the page
        // on the foreign key, so the reference is kept only when the product is here.
        return "INSERT INTO member_card (id, card_no, member_id, product_id, name, kind, status, valid_from, valid_to, "
               "visits_left, balance_fen, per_visit_price_fen, time_windows, zones, frozen_at, created_at, updated_at) "
               "VALUES (?,?,?,(SELECT id FROM card_product WHERE id = ?),?,?,?,?,?,?,?,?,?,?,?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET card_no = excluded.card_no, member_id = excluded.member_id, product_id = "
               "excluded.product_id, "
               "name = excluded.name, kind = excluded.kind, status = excluded.status, "
               "valid_from = excluded.valid_from, valid_to = excluded.valid_to, visits_left = excluded.visits_left, "
               "balance_fen = excluded.balance_fen, per_visit_price_fen = excluded.per_visit_price_fen, "
               "time_windows = excluded.time_windows, zones = excluded.zones, frozen_at = excluded.frozen_at, "
               "created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = NULL";
    case Statement::CardNoTaken:
        return "SELECT id FROM member_card WHERE card_no = ? AND id <> ? LIMIT 1";
    case Statement::ProductUpsert:
        return "INSERT INTO card_product (id, name, kind, price_fen, valid_days, visits, value_fen, "
               "per_visit_price_fen, time_windows, zones, active, created_at, updated_at) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
               "price_fen = excluded.price_fen, valid_days = excluded.valid_days, visits = excluded.visits, "
               "value_fen = excluded.value_fen, per_visit_price_fen = excluded.per_visit_price_fen, "
               "time_windows = excluded.time_windows, zones = excluded.zones, active = excluded.active, "
               "updated_at = excluded.updated_at, deleted_at = NULL";
    case Statement::VenueUpsert:
        // Anti-passback and the daily limit are the site's own door rules: not in the wire shape.
        return "INSERT INTO venue (id, name, kind, capacity, status, opening_hours, booking_required, advance_days, "
               "max_active_bookings, cancel_hours, cancel_penalty_percent, fee_per_hour_fen, created_at, updated_at) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
               "kind = excluded.kind, capacity = excluded.capacity, status = excluded.status, "
               "opening_hours = excluded.opening_hours, booking_required = excluded.booking_required, "
               "advance_days = excluded.advance_days, max_active_bookings = excluded.max_active_bookings, "
               "cancel_hours = excluded.cancel_hours, cancel_penalty_percent = excluded.cancel_penalty_percent, "
               "fee_per_hour_fen = excluded.fee_per_hour_fen, updated_at = excluded.updated_at, deleted_at = NULL";
    case Statement::MaintenanceUpsert:
        return "INSERT INTO maintenance (id, venue_id, start_at, end_at, reason, created_at) VALUES (?,?,?,?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET venue_id = excluded.venue_id, start_at = excluded.start_at, "
               "end_at = excluded.end_at, reason = excluded.reason, deleted_at = NULL";
    case Statement::CourseUpsert:
        return "INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, updated_at) "
               "VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
               "venue_id = excluded.venue_id, duration_minutes = excluded.duration_minutes, "
               "capacity = excluded.capacity, updated_at = excluded.updated_at, deleted_at = NULL";
    case Statement::SlotUpsert:
        return "INSERT INTO course_slot (id, course_id, venue_id, coach_name, start_at, end_at, capacity, "
               "booked_count, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
               "course_id = excluded.course_id, venue_id = excluded.venue_id, coach_name = excluded.coach_name, "
               "start_at = excluded.start_at, end_at = excluded.end_at, capacity = excluded.capacity, "
               "booked_count = excluded.booked_count, updated_at = excluded.updated_at, deleted_at = NULL";
    case Statement::BookingUpsert:
        return "INSERT INTO booking (id, booking_no, member_id, venue_id, slot_id, start_at, end_at, status, "
               "recurrence_id, cancel_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET booking_no = excluded.booking_no, member_id = excluded.member_id, "
               "venue_id = excluded.venue_id, slot_id = excluded.slot_id, start_at = excluded.start_at, "
               "end_at = excluded.end_at, status = excluded.status, recurrence_id = excluded.recurrence_id, "
               "cancel_reason = excluded.cancel_reason, updated_at = excluded.updated_at";
    case Statement::BookingNoTaken:
        return "SELECT id FROM booking WHERE booking_no = ? AND id <> ? LIMIT 1";
    case Statement::BookingStatus:
        return "SELECT status FROM booking WHERE id = ?";
    case Statement::WaitlistUpsert:
        return "INSERT INTO waitlist (id, member_id, venue_id, slot_id, start_at, end_at, position, status, "
               "created_at) "
               "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET member_id = excluded.member_id, "
               "venue_id = excluded.venue_id, slot_id = excluded.slot_id, start_at = excluded.start_at, "
               "end_at = excluded.end_at, position = excluded.position, status = excluded.status";
    case Statement::TrustedKeyRead:
        return "SELECT public_key FROM trusted_key WHERE kid = ?";
    case Statement::TrustedKeyUpsert:
        // A key is never un-revoked, and its public key never changes under the same kid.
        return "INSERT INTO trusted_key (kid, public_key, owner, created_at, revoked_at) VALUES (?,?,?,?,?) "
               "ON CONFLICT(kid) DO UPDATE SET owner = excluded.owner, "
               "revoked_at = COALESCE(trusted_key.revoked_at, excluded.revoked_at)";
    case Statement::RevocationUpdate:
        return "UPDATE credential SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?";
    case Statement::RevocationInsert:
        // A code issued elsewhere: a minimal row so the trust store refuses it. Without the member
        // here the code cannot let anyone in anyway (and the foreign key would refuse the row).
        return "INSERT INTO credential (id, member_id, card_id, type, kid, code, issued_at, revoked_at) "
               "SELECT ?, ?, ?, 'card', ?, '', ?, ? WHERE EXISTS (SELECT 1 FROM member WHERE id = ?)";
    case Statement::StaffUpsert:
        // Lockout counters are this desk's; a local account with the same id is never replaced.
        return "INSERT INTO staff_user (id, username, display_name, password_hash, role, status, created_at, "
               "updated_at, deleted_at, origin) VALUES (?,?,?,?,?,?,?,?,?,'hub') ON CONFLICT(id) DO UPDATE SET "
               "username = excluded.username, display_name = excluded.display_name, "
               "password_hash = excluded.password_hash, role = excluded.role, status = excluded.status, "
               "updated_at = excluded.updated_at, deleted_at = excluded.deleted_at WHERE staff_user.origin = 'hub'";
    case Statement::UsernameTaken:
        return "SELECT id FROM staff_user WHERE username = ? AND id <> ? LIMIT 1";
    case Statement::SettingUpsert:
        return "INSERT INTO setting (key, value, updated_at) VALUES (?,?,?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
    case Statement::CursorUpsert:
        return "INSERT INTO sync_state (key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
    case Statement::PullConflictMembers:
        return "SELECT n.entity_id FROM sync_notice n WHERE n.kind = 'pull_conflict' AND n.entity = 'member' "
               "AND NOT EXISTS (SELECT 1 FROM member m WHERE m.id = n.entity_id)";
    case Statement::SoftDeleteMember:
        return "UPDATE member SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    case Statement::SoftDeleteCard:
        return "UPDATE member_card SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    case Statement::SoftDeleteProduct:
        return "UPDATE card_product SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    case Statement::SoftDeleteVenue:
        return "UPDATE venue SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    case Statement::SoftDeleteMaintenance:
        return "UPDATE maintenance SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    case Statement::SoftDeleteCourse:
        return "UPDATE course SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    case Statement::SoftDeleteSlot:
        return "UPDATE course_slot SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    case Statement::SoftDeleteStaff:
        return "UPDATE staff_user SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL AND origin = 'hub'";
    case Statement::DeleteBooking:
        return "DELETE FROM booking WHERE id = ?";
    case Statement::DeleteWaitlist:
        return "DELETE FROM waitlist WHERE id = ?";
    case Statement::DeleteTrustedKey:
        return "DELETE FROM trusted_key WHERE kid = ?";
    case Statement::Count:
        break;
    }
    return "";
}

// Writes one validated page inside the caller's transaction.
class PageWriter {
public:
    PageWriter(Database &db, const Clock &clock, const QString &ownSiteId)
        : m_db(db), m_nowMs(clock.nowMs()), m_ownSiteId(ownSiteId), m_notices(db)
    { }

    Status write(const QList<Change> &changes, qint64 next);
    const ApplyOutcome &outcome() const { return m_outcome; }

private:
    Result<QSqlQuery *> run(Statement statement, std::initializer_list<QVariant> values);
    // The first column of the first row of a SELECT, or nullopt.
    Result<std::optional<QVariant>> lookup(Statement statement, std::initializer_list<QVariant> values);
    Status loadSkippedMembers();

    Status apply(const Change &change);
    Status remove(const Change &change);
    Status upsert(const Change &change);
    Status member(const Change &change, const Member &member);
    Status card(const Change &change, const MemberCard &card);
    Status product(const CardProduct &product);
    Status venue(const Venue &venue);
    Status maintenance(const Maintenance &plan);
    Status course(const Course &course);
    Status slot(const CourseSlot &slot);
    Status booking(const Change &change, const PulledBooking &pulled);
    Status waitlist(const Change &change, const WaitlistEntry &entry);
    Status trustedKey(const Change &change, const TrustedKey &key);
    Status revocation(const RevocationData &revocation);
    Status staff(const Change &change, const StaffData &staff);
    Status site(const SiteData &site);

    // A unique value already held by another local row: a PullConflict notice, the change skipped.
    Result<bool> collides(const Change &change, Statement taken, const QVariant &value);
    Result<bool> parentSkipped(const Change &change, const QString &memberId);
    Status conflict(const Change &change, const QString &message, const QJsonObject &detail);
    Status notice(SyncNoticeKind kind, const Change &change, const QString &message, const QJsonObject &detail);
    Status noticeRejected(const Change &change, const PulledBooking &pulled);
    QString memberLabel(const QString &memberId);

    Database &m_db;
    qint64 m_nowMs;
    QString m_ownSiteId;
    SyncNoticeRepository m_notices;
    std::array<std::optional<QSqlQuery>, std::size_t(Statement::Count)> m_statements;
    QSet<QString> m_skippedMembers; // hub members not taken (now or in an earlier page)
    ApplyOutcome m_outcome;
};

Result<QSqlQuery *> PageWriter::run(Statement statement, std::initializer_list<QVariant> values)
{
    std::optional<QSqlQuery> &query = m_statements[std::size_t(statement)];
    if (!query) {
        query.emplace(m_db.connection());
        query->setForwardOnly(true);
        if (Status prepared = sql::prepare(*query, QString::fromLatin1(statementSql(statement))); !prepared) {
            query.reset();
            return std::unexpected(prepared.error());
        }
    }
    if (Status done = sql::execKept(*query, values); !done)
        return std::unexpected(done.error());
    return &*query;
}

Result<std::optional<QVariant>> PageWriter::lookup(Statement statement, std::initializer_list<QVariant> values)
{
    Result<QSqlQuery *> query = run(statement, values);
    if (!query)
        return std::unexpected(query.error());
    std::optional<QVariant> value;
    if ((*query)->next())
        value = (*query)->value(0);
    (*query)->finish();
    return value;
}

Status PageWriter::loadSkippedMembers()
{
    Result<QSqlQuery *> query = run(Statement::PullConflictMembers, {});
    if (!query)
        return std::unexpected(query.error());
    while ((*query)->next())
        m_skippedMembers.insert((*query)->value(0).toString());
    (*query)->finish();
    return {};
}

Status PageWriter::write(const QList<Change> &changes, qint64 next)
{
    // A page may carry a card before its member (the hub logs them in commit order, not in
    // dependency order): foreign keys are checked at commit, when the whole page is in.
    if (Status deferred = m_db.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")); !deferred)
        return deferred;
    // The first sync writes 100k members into six indexes: with SQLite's default 2 MiB page cache
    // every page re-reads the index pages it needs from the file. This connection is sync's own.
    if (Status cached = m_db.exec(QStringLiteral("PRAGMA cache_size = -32768")); !cached)
        return cached;
    if (Status loaded = loadSkippedMembers(); !loaded)
        return loaded;
    for (const Change &change : changes) {
        if (Status applied = apply(change); !applied)
            return applied;
    }
    if (Result<QSqlQuery *> stored = run(Statement::CursorUpsert, {kCursorKey, QString::number(next)}); !stored)
        return std::unexpected(stored.error());
    m_outcome.cursor = next;
    return {};
}

Status PageWriter::apply(const Change &change)
{
    const int skippedBefore = m_outcome.skipped;
    if (Status done = change.removal ? remove(change) : upsert(change); !done)
        return done;
    if (m_outcome.skipped != skippedBefore)
        return {};
    ++m_outcome.applied;
    if (change.entity == Entity::TrustedKey || change.entity == Entity::Revocation)
        m_outcome.trustChanged = true;
    if (change.entity == Entity::Staff)
        m_outcome.staffChanged = true;
    return {};
}

Status PageWriter::remove(const Change &change)
{
    std::optional<Statement> statement;
    switch (change.entity) {
    case Entity::Member:
        statement = Statement::SoftDeleteMember;
        break;
    case Entity::Card:
        statement = Statement::SoftDeleteCard;
        break;
    case Entity::Product:
        statement = Statement::SoftDeleteProduct;
        break;
    case Entity::Venue:
        statement = Statement::SoftDeleteVenue;
        break;
    case Entity::Maintenance:
        statement = Statement::SoftDeleteMaintenance;
        break;
    case Entity::Course:
        statement = Statement::SoftDeleteCourse;
        break;
    case Entity::Slot:
        statement = Statement::SoftDeleteSlot;
        break;
    case Entity::Staff:
        statement = Statement::SoftDeleteStaff;
        break;
    case Entity::Booking:
        statement = Statement::DeleteBooking;
        break;
    case Entity::Waitlist:
        statement = Statement::DeleteWaitlist;
        break;
    case Entity::TrustedKey:
        statement = Statement::DeleteTrustedKey;
        break;
    case Entity::Revocation: // a revocation is never undone (the hub never clears one either)
    case Entity::Site: // this desk's own site stays configured
    case Entity::Invalid:
        return {};
    }
    // Tables without deleted_at lose the row; the others keep it, marked.
    const bool hard = *statement == Statement::DeleteBooking || *statement == Statement::DeleteWaitlist
        || *statement == Statement::DeleteTrustedKey;
    Result<QSqlQuery *> done = hard ? run(*statement, {change.id}) : run(*statement, {m_nowMs, change.id});
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Status PageWriter::upsert(const Change &change)
{
    return std::visit(
        [&](const auto &value) -> Status {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Member>)
                return member(change, value);
            else if constexpr (std::is_same_v<T, MemberCard>)
                return card(change, value);
            else if constexpr (std::is_same_v<T, CardProduct>)
                return product(value);
            else if constexpr (std::is_same_v<T, Venue>)
                return venue(value);
            else if constexpr (std::is_same_v<T, Maintenance>)
                return maintenance(value);
            else if constexpr (std::is_same_v<T, Course>)
                return course(value);
            else if constexpr (std::is_same_v<T, CourseSlot>)
                return slot(value);
            else if constexpr (std::is_same_v<T, PulledBooking>)
                return booking(change, value);
            else if constexpr (std::is_same_v<T, WaitlistEntry>)
                return waitlist(change, value);
            else if constexpr (std::is_same_v<T, TrustedKey>)
                return trustedKey(change, value);
            else if constexpr (std::is_same_v<T, RevocationData>)
                return revocation(value);
            else if constexpr (std::is_same_v<T, StaffData>)
                return staff(change, value);
            else if constexpr (std::is_same_v<T, SiteData>)
                return site(value);
            else
                return fail(ErrorCode::Internal, QStringLiteral("an upsert without data"));
        },
        change.data);
}

Status PageWriter::notice(SyncNoticeKind kind, const Change &change, const QString &message, const QJsonObject &detail)
{
    SyncNotice notice;
    notice.kind = kind;
    notice.entity = change.entityName;
    notice.entityId = change.id;
    notice.message = message;
    QJsonObject withSeq = detail;
    withSeq.insert(QStringLiteral("seq"), change.seq);
    notice.detailJson = QString::fromUtf8(QJsonDocument(withSeq).toJson(QJsonDocument::Compact));
    notice.createdAtMs = m_nowMs;
    if (Result<qint64> recorded = m_notices.record(notice); !recorded)
        return std::unexpected(recorded.error());
    ++m_outcome.notices;
    return {};
}

Status PageWriter::conflict(const Change &change, const QString &message, const QJsonObject &detail)
{
    ++m_outcome.skipped;
    if (change.entity == Entity::Member)
        m_skippedMembers.insert(change.id);
    return notice(SyncNoticeKind::PullConflict, change, message, detail);
}

// The field a "...Taken" look-up checks: its stable name for the notice's detail, and its words
// for the message (translated only when there is a collision, not for every row).
std::pair<QString, QString> uniqueField(Statement taken)
{
    switch (taken) {
    case Statement::MemberNoTaken:
        return {QStringLiteral("memberNo"), Text::tr("member number")};
    case Statement::PhoneTaken:
        return {QStringLiteral("phone"), Text::tr("phone number")};
    case Statement::CardNoTaken:
        return {QStringLiteral("cardNo"), Text::tr("card number")};
    case Statement::BookingNoTaken:
        return {QStringLiteral("bookingNo"), Text::tr("booking number")};
    case Statement::UsernameTaken:
        return {QStringLiteral("username"), Text::tr("user name")};
    default:
        break;
    }
    return {};
}

Result<bool> PageWriter::collides(const Change &change, Statement taken, const QVariant &value)
{
    Result<std::optional<QVariant>> holder = lookup(taken, {value, change.id});
    if (!holder)
        return std::unexpected(holder.error());
    if (!*holder)
        return false;
    const QString localId = (*holder)->toString();
    const auto [field, label] = uniqueField(taken);
    const QString message = Text::tr("The hub's %1 %2 was not taken: the %3 is already used here by %1 %4.")
                                .arg(change.entityName, change.id, label, localId);
    if (Status recorded
        = conflict(change, message, {{QStringLiteral("field"), field}, {QStringLiteral("localId"), localId}});
        !recorded)
        return std::unexpected(recorded.error());
    return true;
}

Result<bool> PageWriter::parentSkipped(const Change &change, const QString &memberId)
{
    if (!m_skippedMembers.contains(memberId))
        return false;
    // Taking it would break the page at commit: its member is not here.
    const QString message = Text::tr("The hub's %1 %2 was not taken: its member %3 was not taken either.")
                                .arg(change.entityName, change.id, memberId);
    if (Status recorded = conflict(change, message, {{QStringLiteral("memberId"), memberId}}); !recorded)
        return std::unexpected(recorded.error());
    return true;
}

Status PageWriter::member(const Change &change, const Member &member)
{
    for (const auto &[statement, value] : {std::pair {Statement::MemberNoTaken, QVariant(member.memberNo)},
             std::pair {Statement::PhoneTaken, QVariant(member.phoneHash)}}) {
        Result<bool> taken = collides(change, statement, value);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return {};
    }
    Result<QSqlQuery *> done = run(Statement::MemberUpsert,
        {member.id, member.memberNo, member.name, sql::bindable(member.phoneCipher), sql::bindable(member.phoneHash),
            member.phoneMask, int(member.gender),
            member.birthday.isValid() ? QVariant(member.birthday.toString(Qt::ISODate))
                                      : QVariant(QMetaType::fromType<QString>()),
            member.preferredLanguage.isEmpty() ? QStringLiteral("zh_CN") : member.preferredLanguage,
            QString::fromLatin1(memberStatusName(member.status)), member.createdAtMs,
            member.updatedAtMs > 0 ? member.updatedAtMs : m_nowMs});
    if (!done)
        return std::unexpected(done.error());
    m_skippedMembers.remove(member.id); // taken now: its cards may follow
    return {};
}

Status PageWriter::card(const Change &change, const MemberCard &card)
{
    Result<bool> orphan = parentSkipped(change, card.memberId);
    if (!orphan || *orphan)
        return orphan ? Status {} : Status {std::unexpected(orphan.error())};
    Result<bool> taken = collides(change, Statement::CardNoTaken, card.cardNo);
    if (!taken || *taken)
        return taken ? Status {} : Status {std::unexpected(taken.error())};
    Result<QSqlQuery *> done = run(Statement::CardUpsert,
        {card.id, card.cardNo, card.memberId, sql::textOrNull(card.productId), card.name,
            QString::fromLatin1(cardKindName(card.kind)), QString::fromLatin1(cardStatusName(card.status)),
            card.validFromMs, card.validToMs, card.visitsLeft, card.balanceFen, card.perVisitPriceFen,
            sql::scheduleToJson(card.windows), sql::stringListToJson(card.zoneIds), sql::intOrNull(card.frozenAtMs),
            card.createdAtMs > 0 ? card.createdAtMs : m_nowMs, m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::product(const CardProduct &product)
{
    Result<QSqlQuery *> done = run(Statement::ProductUpsert,
        {product.id, product.name, QString::fromLatin1(cardKindName(product.kind)), product.priceFen, product.validDays,
            product.visits, product.valueFen, product.perVisitPriceFen, sql::scheduleToJson(product.windows),
            sql::stringListToJson(product.zoneIds), product.active ? 1 : 0, m_nowMs, m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::venue(const Venue &venue)
{
    Result<QSqlQuery *> done = run(Statement::VenueUpsert,
        {venue.id, venue.name, QString::fromLatin1(venueKindName(venue.kind)), venue.capacity,
            QString::fromLatin1(venueStatusName(venue.status)), sql::scheduleToJson(venue.openingHours),
            venue.bookingRequired ? 1 : 0, venue.advanceDays, venue.maxActiveBookings, venue.cancelHours,
            venue.cancelPenaltyPercent, venue.feePerHourFen, m_nowMs, m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::maintenance(const Maintenance &plan)
{
    Result<QSqlQuery *> done
        = run(Statement::MaintenanceUpsert, {plan.id, plan.venueId, plan.startMs, plan.endMs, plan.reason, m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::course(const Course &course)
{
    Result<QSqlQuery *> done = run(Statement::CourseUpsert,
        {course.id, course.name, course.venueId, course.durationMinutes, course.capacity, m_nowMs, m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::slot(const CourseSlot &slot)
{
    Result<QSqlQuery *> done = run(Statement::SlotUpsert,
        {slot.id, slot.courseId, slot.venueId, slot.coachName, slot.startMs, slot.endMs, slot.capacity,
            slot.bookedCount, m_nowMs, m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

QString PageWriter::memberLabel(const QString &memberId)
{
    Result<QSqlQuery *> query = run(Statement::MemberLabel, {memberId});
    if (!query)
        return memberId; // a name is a courtesy here: the notice is recorded without it
    QString label = memberId;
    if ((*query)->next())
        label = Text::tr("%1 (%2)").arg((*query)->value(1).toString(), (*query)->value(0).toString());
    (*query)->finish();
    return label;
}

Status PageWriter::noticeRejected(const Change &change, const PulledBooking &pulled)
{
    Result<std::optional<QVariant>> local = lookup(Statement::BookingStatus, {change.id});
    if (!local)
        return std::unexpected(local.error());
    const bool bookedHere = *local && (*local)->toString() == QLatin1String("booked");
    // A booking this desk has not seen is only news here when it was taken at this site.
    const bool ours = !*local && (pulled.siteId.isEmpty() || m_ownSiteId.isEmpty() || pulled.siteId == m_ownSiteId);
    if (!bookedHere && !ours)
        return {};
    const QString message = Text::tr("The hub refused booking %1 of %2: the place was taken at another site "
                                     "first. Please tell the member.")
                                .arg(pulled.booking.bookingNo, memberLabel(pulled.booking.memberId));
    return notice(SyncNoticeKind::BookingRejected, change, message,
        {{QStringLiteral("bookingNo"), pulled.booking.bookingNo}, {QStringLiteral("memberId"), pulled.booking.memberId},
            {QStringLiteral("reason"), pulled.reason}});
}

Status PageWriter::booking(const Change &change, const PulledBooking &pulled)
{
    const Booking &booking = pulled.booking;
    Result<bool> orphan = parentSkipped(change, booking.memberId);
    if (!orphan || *orphan)
        return orphan ? Status {} : Status {std::unexpected(orphan.error())};
    Result<bool> taken = collides(change, Statement::BookingNoTaken, booking.bookingNo);
    if (!taken || *taken)
        return taken ? Status {} : Status {std::unexpected(taken.error())};
    if (booking.status == BookingStatus::Rejected) {
        if (Status told = noticeRejected(change, pulled); !told)
            return told;
    }
    Result<QSqlQuery *> done = run(Statement::BookingUpsert,
        {booking.id, booking.bookingNo, booking.memberId, booking.venueId, sql::textOrNull(booking.slotId),
            booking.startMs, booking.endMs, QString::fromLatin1(bookingStatusName(booking.status)),
            sql::textOrNull(booking.recurrenceId), sql::textOrNull(pulled.reason),
            booking.createdAtMs > 0 ? booking.createdAtMs : m_nowMs, m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::waitlist(const Change &change, const WaitlistEntry &entry)
{
    Result<bool> orphan = parentSkipped(change, entry.memberId);
    if (!orphan || *orphan)
        return orphan ? Status {} : Status {std::unexpected(orphan.error())};
    Result<QSqlQuery *> done = run(Statement::WaitlistUpsert,
        {entry.id, entry.memberId, entry.venueId, sql::textOrNull(entry.slotId), entry.startMs, entry.endMs,
            entry.position, QString::fromLatin1(waitlistStatusName(entry.status)),
            entry.createdAtMs > 0 ? entry.createdAtMs : m_nowMs});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::trustedKey(const Change &change, const TrustedKey &key)
{
    Result<std::optional<QVariant>> known = lookup(Statement::TrustedKeyRead, {key.keyId});
    if (!known)
        return std::unexpected(known.error());
    if (*known && (*known)->toByteArray() != key.publicKey) {
        const QString message
            = Text::tr("The hub's key %1 was not taken: this desk trusts another public key under that id.")
                  .arg(key.keyId);
        return conflict(change, message, {{QStringLiteral("field"), QStringLiteral("publicKey")}});
    }
    Result<QSqlQuery *> done = run(Statement::TrustedKeyUpsert,
        {key.keyId, key.publicKey, key.owner, key.createdAtMs, sql::intOrNull(key.revokedAtMs)});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::revocation(const RevocationData &revocation)
{
    Result<QSqlQuery *> updated = run(Statement::RevocationUpdate, {revocation.revokedAtMs, revocation.id});
    if (!updated)
        return std::unexpected(updated.error());
    if ((*updated)->numRowsAffected() > 0)
        return {};
    Result<QSqlQuery *> inserted = run(Statement::RevocationInsert,
        {revocation.id, revocation.memberId, sql::textOrNull(revocation.cardId), revocation.kid, revocation.revokedAtMs,
            revocation.revokedAtMs, revocation.memberId});
    return inserted ? Status {} : Status {std::unexpected(inserted.error())};
}

Status PageWriter::staff(const Change &change, const StaffData &staff)
{
    Result<bool> taken = collides(change, Statement::UsernameTaken, staff.username);
    if (!taken || *taken)
        return taken ? Status {} : Status {std::unexpected(taken.error())};
    Result<QSqlQuery *> done = run(Statement::StaffUpsert,
        {staff.id, staff.username, staff.displayName, staff.passwordHash, staff.role, staff.status,
            staff.createdAtMs > 0 ? staff.createdAtMs : m_nowMs, staff.updatedAtMs > 0 ? staff.updatedAtMs : m_nowMs,
            sql::intOrNull(staff.deletedAtMs)});
    return done ? Status {} : Status {std::unexpected(done.error())};
}

Status PageWriter::site(const SiteData &site)
{
    if (m_ownSiteId.isEmpty() || site.id != m_ownSiteId)
        return {}; // another site of the chain: nothing of it is kept here
    for (const auto &[key, value] :
        {std::pair {QStringLiteral("site.name"), site.name}, std::pair {QStringLiteral("site.number"), site.number},
            std::pair {QStringLiteral("site.timezone"), site.timezone}}) {
        if (Result<QSqlQuery *> done = run(Statement::SettingUpsert, {key, value, m_nowMs}); !done)
            return std::unexpected(done.error());
    }
    m_outcome.siteChanged = true;
    return {};
}

} // namespace

ChangeApplier::ChangeApplier(Database &db, const Clock &clock, QString ownSiteId)
    : m_db(db), m_clock(clock), m_ownSiteId(std::move(ownSiteId))
{ }

Result<qint64> ChangeApplier::cursor() const
{
    Result<QSqlQuery> query
        = sql::run(m_db.connection(), QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {kCursorKey});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return qint64(0);
    bool ok = false;
    const qint64 value = query->value(0).toString().toLongLong(&ok);
    if (!ok || value < 0)
        return fail(ErrorCode::Storage,
            Text::tr("The stored sync cursor \"%1\" is not a number.").arg(query->value(0).toString()),
            QStringLiteral("pull.cursor"));
    return value;
}

Result<ApplyOutcome> ChangeApplier::applyPage(const QJsonArray &changes, qint64 next)
{
    if (next < 0)
        return fail(ErrorCode::InvalidArgument, Text::tr("The page's next cursor must not be negative."),
            QStringLiteral("next"));
    // Checked whole before anything is written: one bad change refuses the page.
    Result<QList<Change>> parsed = parsePage(changes);
    if (!parsed)
        return std::unexpected(parsed.error());
    return m_db.transaction<ApplyOutcome>([&]() -> Result<ApplyOutcome> {
        PageWriter writer(m_db, m_clock, m_ownSiteId);
        if (Status written = writer.write(*parsed, next); !written)
            return std::unexpected(written.error());
        return writer.outcome();
    });
}

} // namespace gymgate
