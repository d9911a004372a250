#include "EventApplier.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonDocument>
#include <QSqlQuery>

#include <functional>
#include <optional>

#include "ChangeLog.h"
#include "EventFields.h"
#include "HubDatabase.h"
#include "HubSql.h"
#include "SyncRows.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(EventApplier)
};

constexpr qint64 kMaxMs = std::numeric_limits<qint64>::max() / 2;
constexpr qint64 kMaxFen = 1'000'000'000'000;

QVariant optionalMs(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant(QMetaType::fromType<qint64>());
}

// The member fields merged last-writer-wins one by one (DESIGN §9); the phone's cipher, hash
// and mask move together as "phone".
struct MemberFields {
    QString name;
    QString phoneCipher;
    QString phoneHash;
    QString phoneMask;
    qint64 gender = 0;
    QString birthday;
    QString preferredLanguage;
    QString status;
};

QJsonObject stampsOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// Takes each field the event wrote whose last write is not newer than `atMs`. Member events
// carry the whole member, so a field counts as written only when it differs from the hub's
// value and from what the same device sent last time (`base`): a late event that did change a
// field still wins over an earlier-arriving one that merely carried the old value along.
bool mergeMember(MemberFields &current, const MemberFields &incoming, const std::optional<MemberFields> &base,
    QJsonObject &stamps, qint64 atMs)
{
    bool changed = false;
    const auto take
        = [&](const QString &field, bool differsFromHub, bool differsFromBase, const std::function<void()> &assign) {
              if (!differsFromHub || !differsFromBase || stamps.value(field).toInteger() > atMs)
                  return;
              assign();
              stamps.insert(field, atMs);
              changed = true;
          };
    const auto phoneOf = [](const MemberFields &fields) {
        return fields.phoneHash + fields.phoneCipher;
    };
    take(QStringLiteral("name"), current.name != incoming.name, !base || base->name != incoming.name,
        [&] { current.name = incoming.name; });
    take(QStringLiteral("phone"), phoneOf(current) != phoneOf(incoming), !base || phoneOf(*base) != phoneOf(incoming),
        [&] {
            current.phoneCipher = incoming.phoneCipher;
            current.phoneHash = incoming.phoneHash;
            current.phoneMask = incoming.phoneMask;
        });
    take(QStringLiteral("gender"), current.gender != incoming.gender, !base || base->gender != incoming.gender,
        [&] { current.gender = incoming.gender; });
    take(QStringLiteral("birthday"), current.birthday != incoming.birthday,
        !base || base->birthday != incoming.birthday, [&] { current.birthday = incoming.birthday; });
    take(QStringLiteral("preferredLanguage"), current.preferredLanguage != incoming.preferredLanguage,
        !base || base->preferredLanguage != incoming.preferredLanguage,
        [&] { current.preferredLanguage = incoming.preferredLanguage; });
    take(QStringLiteral("status"), current.status != incoming.status, !base || base->status != incoming.status,
        [&] { current.status = incoming.status; });
    return changed;
}

QJsonObject memberFieldsJson(const MemberFields &fields)
{
    return QJsonObject {{QStringLiteral("name"), fields.name}, {QStringLiteral("phoneCipher"), fields.phoneCipher},
        {QStringLiteral("phoneHash"), fields.phoneHash}, {QStringLiteral("phoneMask"), fields.phoneMask},
        {QStringLiteral("gender"), fields.gender}, {QStringLiteral("birthday"), fields.birthday},
        {QStringLiteral("preferredLanguage"), fields.preferredLanguage}, {QStringLiteral("status"), fields.status}};
}

MemberFields memberFieldsFrom(const QJsonObject &json)
{
    return MemberFields {json.value(QStringLiteral("name")).toString(),
        json.value(QStringLiteral("phoneCipher")).toString(), json.value(QStringLiteral("phoneHash")).toString(),
        json.value(QStringLiteral("phoneMask")).toString(), json.value(QStringLiteral("gender")).toInteger(),
        json.value(QStringLiteral("birthday")).toString(), json.value(QStringLiteral("preferredLanguage")).toString(),
        json.value(QStringLiteral("status")).toString()};
}

QJsonObject allStamps(qint64 atMs)
{
    QJsonObject stamps;
    for (const char *field : {"name", "phone", "gender", "birthday", "preferredLanguage", "status"})
        stamps.insert(QString::fromLatin1(field), atMs);
    return stamps;
}

// The member an event names and any other member holding its number or phone hash, read by one
// statement where there were three (the row, then one look-up for each unique column).
struct MemberLookup {
    std::optional<MemberFields> current;
    QJsonObject stamps;
    bool numberTaken = false; // by another member
    bool phoneTaken = false; // the event's phone hash, by another member
};

Result<MemberLookup> lookUpMember(
    HubDatabase &database, const QString &id, const QString &memberNo, const QString &phoneHash)
{
    // Three look-ups by a unique column rather than one OR: the plan PostgreSQL keeps for the
    // prepared statement is then three index probes, whatever the table's size when it chose it.
    static const QString select
        = QStringLiteral("SELECT id, member_no, phone_hash, name, phone_cipher, phone_mask, gender, birthday, "
                         "preferred_language, status, field_stamps FROM member WHERE %1 = ?");
    const Result<QList<QVariantList>> rows = sql::rows(database,
        select.arg(QStringLiteral("id")) + QStringLiteral(" UNION ALL ") + select.arg(QStringLiteral("member_no"))
            + QStringLiteral(" UNION ALL ") + select.arg(QStringLiteral("phone_hash")),
        {id, memberNo, phoneHash});
    if (!rows)
        return std::unexpected(rows.error());
    MemberLookup found;
    for (const QVariantList &row : *rows) {
        if (row.at(0).toString() != id) {
            found.numberTaken = found.numberTaken || row.at(1).toString() == memberNo;
            found.phoneTaken = found.phoneTaken || row.at(2).toString() == phoneHash;
            continue;
        }
        found.current
            = MemberFields {row.at(3).toString(), row.at(4).toString(), row.at(2).toString(), row.at(5).toString(),
                row.at(6).toLongLong(), row.at(7).toString(), row.at(8).toString(), row.at(9).toString()};
        found.stamps = stampsOf(row.at(10).toString());
    }
    return found;
}

Error unknownRow(const QString &table, const QString &field)
{
    return Error {ErrorCode::NotFound, Text::tr("The hub knows no %1 with the id in %2.").arg(table, field), field};
}

EventOutcome ok()
{
    return EventOutcome {EventStatus::Ok, {}, {}, {}, false};
}

} // namespace

QString eventStatusName(EventStatus status)
{
    switch (status) {
    case EventStatus::Ok:
        return QStringLiteral("ok");
    case EventStatus::Duplicate:
        return QStringLiteral("duplicate");
    case EventStatus::Rejected:
        return QStringLiteral("rejected");
    case EventStatus::Invalid:
        break;
    }
    return {};
}

EventApplier::EventApplier(HubDatabase &database, QString siteId, QString deviceId)
    : m_database(database), m_siteId(std::move(siteId)), m_deviceId(std::move(deviceId))
{ }

const QHash<QString, EventApplier::Handler> &EventApplier::handlers()
{
    // Every type the desk writes into its outbox (app/store/Sql*Desk.cpp, SqlMemberDirectory,
    // SqlEntryLedger, SqlStaffDirectory).
    static const QHash<QString, Handler> map {
        {QStringLiteral("member.created"), &EventApplier::applyMember},
        {QStringLiteral("member.updated"), &EventApplier::applyMember},
        {QStringLiteral("card.sold"), &EventApplier::applyCard},
        {QStringLiteral("card.updated"), &EventApplier::applyCard},
        {QStringLiteral("product.saved"), &EventApplier::applyProduct},
        {QStringLiteral("sale.recorded"), &EventApplier::applySale},
        {QStringLiteral("credential.issued"), &EventApplier::applyCredential},
        {QStringLiteral("credential.revoked"), &EventApplier::applyCredential},
        {QStringLiteral("staff.created"), &EventApplier::acceptStaff},
        {QStringLiteral("staff.changed"), &EventApplier::acceptStaff},
        {QStringLiteral("staff.deleted"), &EventApplier::acceptStaff},
        {QStringLiteral("entry.decided"), &EventApplier::applyEntry},
        {QStringLiteral("entry.passed"), &EventApplier::applyEntry},
        {QStringLiteral("entry.annulled"), &EventApplier::applyEntry},
        {QStringLiteral("venue.created"), &EventApplier::applyVenue},
        {QStringLiteral("venue.updated"), &EventApplier::applyVenue},
        {QStringLiteral("venue.deleted"), &EventApplier::deleteVenue},
        {QStringLiteral("maintenance.planned"), &EventApplier::applyMaintenance},
        {QStringLiteral("maintenance.removed"), &EventApplier::removeMaintenance},
        {QStringLiteral("course.created"), &EventApplier::applyCourse},
        {QStringLiteral("course.updated"), &EventApplier::applyCourse},
        {QStringLiteral("course.deleted"), &EventApplier::deleteCourse},
        {QStringLiteral("slot.created"), &EventApplier::applySlot},
        {QStringLiteral("slot.updated"), &EventApplier::applySlot},
        {QStringLiteral("slot.deleted"), &EventApplier::deleteSlot},
        {QStringLiteral("booking.created"), &EventApplier::createBooking},
        {QStringLiteral("booking.cancelled"), &EventApplier::cancelBooking},
        {QStringLiteral("waitlist.joined"), &EventApplier::applyWaitlist},
        {QStringLiteral("waitlist.promoted"), &EventApplier::applyWaitlist},
        {QStringLiteral("waitlist.left"), &EventApplier::leaveWaitlist},
    };
    return map;
}

const QStringList &EventApplier::knownTypes()
{
    static const QStringList types = [] {
        QStringList list = handlers().keys();
        list.sort();
        return list;
    }();
    return types;
}

QString EventApplier::reasonFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
        return rejection::FieldInvalid;
    case ErrorCode::NotFound:
        return rejection::NotFound;
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
        return rejection::Conflict;
    default:
        break;
    }
    return {};
}

Result<EventOutcome> EventApplier::apply(const SyncEvent &event)
{
    const auto found = handlers().constFind(event.type);
    if (found == handlers().constEnd())
        return EventOutcome {EventStatus::Rejected, rejection::UnknownType, QStringLiteral("type"),
            Text::tr("The event type %1 is unknown to this hub.").arg(event.type), false};
    return (this->*(*found))(event);
}

// ---------------------------------------------------------------- helpers

// The appliers' statements run for every event: they go through the connection's kept
// prepared statements (sql::affected, sql::firstRow), not a PREPARE per call.
Status EventApplier::run(const QString &statement, const QVariantList &binds)
{
    const Result<int> done = sql::affected(m_database, statement, binds);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Result<int> EventApplier::affected(const QString &statement, const QVariantList &binds)
{
    return sql::affected(m_database, statement, binds);
}

Result<bool> EventApplier::taken(
    const QString &table, const QString &column, const QString &value, const QString &exceptId)
{
    const Result<std::optional<QVariantList>> other = sql::firstRow(
        m_database, QStringLiteral("SELECT id FROM %1 WHERE %2 = ? AND id <> ?").arg(table, column), {value, exceptId});
    if (!other)
        return std::unexpected(other.error());
    return other->has_value();
}

Status EventApplier::requireRow(const QString &table, const QString &id, const QString &field)
{
    const Result<std::optional<QVariantList>> row
        = sql::firstRow(m_database, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table), {id});
    if (!row)
        return std::unexpected(row.error());
    if (!row->has_value())
        return std::unexpected(unknownRow(table, field));
    return {};
}

Status EventApplier::publish(const QString &entity, const QString &id)
{
    const Result<std::optional<QJsonObject>> row = syncrows::read(m_database, entity, id);
    if (!row)
        return std::unexpected(row.error());
    if (!row->has_value())
        return fail(ErrorCode::Internal, QStringLiteral("published %1 %2 has no row").arg(entity, id));
    return ChangeLog(m_database).record(entity, id, ChangeOp::Upsert, **row);
}

Result<EventOutcome> EventApplier::writeAndPublish(
    const QString &entity, const QString &id, const QString &statement, const QVariantList &binds)
{
    if (Status written = run(statement, binds); !written)
        return std::unexpected(written.error());
    if (Status published = publish(entity, id); !published)
        return std::unexpected(published.error());
    return ok();
}

Status EventApplier::raiseFlag(
    const QString &kind, const QString &entity, const QString &entityId, const QJsonObject &detail, QString *flagIdOut)
{
    const QString id = sql::newId();
    if (flagIdOut != nullptr)
        *flagIdOut = id;
    return run(QStringLiteral("INSERT INTO hub_flag (id, kind, entity, entity_id, site_id, detail, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {id, kind, entity, entityId, sql::nullIfEmpty(m_siteId),
            QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)), sql::nowMs()});
}

// ---------------------------------------------------------------- members

Result<EventOutcome> EventApplier::applyMember(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString memberNo = fields.text(QStringLiteral("memberNo"), 32);
    MemberFields incoming;
    incoming.name = fields.text(QStringLiteral("name"), 100);
    incoming.phoneCipher = fields.text(QStringLiteral("phoneCipher"), 1024, false);
    incoming.phoneHash = fields.text(QStringLiteral("phoneHash"), 128);
    incoming.phoneMask = fields.text(QStringLiteral("phoneMask"), 32);
    incoming.gender = fields.integer(QStringLiteral("gender"), 0, 9, 0);
    incoming.birthday = fields.text(QStringLiteral("birthday"), 10, false);
    incoming.preferredLanguage = fields.text(QStringLiteral("preferredLanguage"), 16, false);
    incoming.status = fields.oneOf(QStringLiteral("status"), {QStringLiteral("active"), QStringLiteral("blocked")});
    const qint64 createdAtMs = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, event.atMs);
    if (!incoming.birthday.isEmpty() && !QDate::fromString(incoming.birthday, Qt::ISODate).isValid())
        fields.problem(QStringLiteral("birthday"), Text::tr("The event's data.birthday must be a date (YYYY-MM-DD)."));
    if (incoming.preferredLanguage.isEmpty())
        incoming.preferredLanguage = QStringLiteral("zh_CN");
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());

    const Result<MemberLookup> found = lookUpMember(m_database, id, memberNo, incoming.phoneHash);
    if (!found)
        return std::unexpected(found.error());
    const bool exists = found->current.has_value();
    MemberFields current = found->current.value_or(MemberFields {});
    QJsonObject stamps = exists ? found->stamps : allStamps(event.atMs);
    // A new member has no merge to make: what a device sent before does not matter.
    std::optional<MemberFields> base;
    if (exists) {
        const Result<std::optional<QVariantList>> baseRow = sql::firstRow(m_database,
            QStringLiteral("SELECT data FROM hub_member_base WHERE member_id = ? AND device_id = ?"), {id, m_deviceId});
        if (!baseRow)
            return std::unexpected(baseRow.error());
        if (baseRow->has_value())
            base = memberFieldsFrom(QJsonDocument::fromJson((*baseRow)->at(0).toString().toUtf8()).object());
    }
    // What this device sent last, whatever the hub makes of it now.
    if (Status remembered = run(QStringLiteral("INSERT INTO hub_member_base (member_id, device_id, data, at) VALUES "
                                               "(?, ?, ?, ?) ON CONFLICT (member_id, device_id) DO UPDATE SET "
                                               "data = excluded.data, at = excluded.at"),
            {id, m_deviceId,
                QString::fromUtf8(QJsonDocument(memberFieldsJson(incoming)).toJson(QJsonDocument::Compact)),
                event.atMs});
        !remembered)
        return std::unexpected(remembered.error());
    MemberFields merged = incoming;
    if (exists) {
        if (!mergeMember(current, incoming, base, stamps, event.atMs))
            return ok(); // an older write of every field it carries: the hub keeps its values
        merged = current;
    } else if (found->numberTaken) {
        return fail(ErrorCode::Conflict, Text::tr("Another member has the number in data.memberNo."),
            QStringLiteral("data.memberNo"));
    }
    // The merged phone is the event's or the member's own, which the unique index keeps its own.
    if (merged.phoneHash == incoming.phoneHash && found->phoneTaken)
        return fail(ErrorCode::Conflict, Text::tr("Another member has the phone number in data.phoneHash."),
            QStringLiteral("data.phoneHash"));

    const QString stampText = QString::fromUtf8(QJsonDocument(stamps).toJson(QJsonDocument::Compact));
    const Status written = exists
        ? run(
            QStringLiteral("UPDATE member SET name = ?, phone_cipher = ?, phone_hash = ?, phone_mask = ?, gender = ?, "
                           "birthday = ?, preferred_language = ?, status = ?, field_stamps = ?, updated_at = ? "
                           "WHERE id = ?"),
            {merged.name, merged.phoneCipher, merged.phoneHash, merged.phoneMask, merged.gender,
                sql::nullIfEmpty(merged.birthday), merged.preferredLanguage, merged.status, stampText, event.atMs, id})
        : run(QStringLiteral("INSERT INTO member (id, site_id, member_no, name, phone_cipher, phone_hash, phone_mask, "
                             "gender, birthday, preferred_language, status, field_stamps, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, sql::nullIfEmpty(m_siteId), memberNo, merged.name, merged.phoneCipher, merged.phoneHash,
                merged.phoneMask, merged.gender, sql::nullIfEmpty(merged.birthday), merged.preferredLanguage,
                merged.status, stampText, createdAtMs, event.atMs});
    if (!written)
        return std::unexpected(written.error());
    if (Status published = publish(entity::Member, id); !published)
        return std::unexpected(published.error());
    return ok();
}

// ---------------------------------------------------------------- cards, products, sales

Result<EventOutcome> EventApplier::applyCard(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString cardNo = fields.text(QStringLiteral("cardNo"), 32);
    const QString memberId = fields.id(QStringLiteral("memberId"));
    const QString productId = fields.optionalId(QStringLiteral("productId"));
    const QString name = fields.text(QStringLiteral("name"), 100);
    const QString kind = fields.oneOf(
        QStringLiteral("kind"), {QStringLiteral("time"), QStringLiteral("count"), QStringLiteral("value")});
    const QString status = fields.oneOf(QStringLiteral("status"),
        {QStringLiteral("active"), QStringLiteral("frozen"), QStringLiteral("expired"), QStringLiteral("cancelled")});
    const qint64 validFrom = fields.integer(QStringLiteral("validFrom"), 0, kMaxMs);
    const qint64 validTo = fields.integer(QStringLiteral("validTo"), 0, kMaxMs, 0);
    const qint64 visitsLeft = fields.integer(QStringLiteral("visitsLeft"), -1'000'000, 1'000'000, 0);
    const qint64 balanceFen = fields.integer(QStringLiteral("balanceFen"), -kMaxFen, kMaxFen, 0);
    const qint64 perVisitFen = fields.integer(QStringLiteral("perVisitPriceFen"), 0, kMaxFen, 0);
    const QString windows = fields.jsonArray(QStringLiteral("timeWindows"));
    const QString zones = fields.jsonArray(QStringLiteral("zones"));
    const qint64 frozenAt = fields.optionalMs(QStringLiteral("frozenAt"));
    const qint64 createdAt = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, event.atMs);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    // The member known and the number free, asked in one statement.
    const Result<std::optional<QVariantList>> checks = sql::firstRow(m_database,
        QStringLiteral("SELECT (SELECT COUNT(*) FROM member WHERE id = ?), "
                       "(SELECT COUNT(*) FROM member_card WHERE card_no = ? AND id <> ?)"),
        {memberId, cardNo, id});
    if (!checks)
        return std::unexpected(checks.error());
    if ((**checks).at(0).toLongLong() == 0)
        return std::unexpected(unknownRow(QStringLiteral("member"), QStringLiteral("data.memberId")));
    if ((**checks).at(1).toLongLong() > 0)
        return fail(ErrorCode::Conflict, Text::tr("Another card has the number in data.cardNo."),
            QStringLiteral("data.cardNo"));
    // The counters are taken as the desk sent them: a card.* event is a counter action (sale,
    // top-up, freeze) made with the card at hand. Entries never send card.*: their deductions
    // reach the hub as entry.passed and are applied to the hub's own counters.
    return writeAndPublish(entity::Card, id,
        QStringLiteral(
            "INSERT INTO member_card (id, site_id, card_no, member_id, product_id, name, kind, status, "
            "valid_from, valid_to, visits_left, balance_fen, per_visit_price_fen, time_windows, zones, "
            "frozen_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET card_no = excluded.card_no, member_id = excluded.member_id, "
            "product_id = excluded.product_id, name = excluded.name, kind = excluded.kind, "
            "status = excluded.status, valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
            "visits_left = excluded.visits_left, balance_fen = excluded.balance_fen, "
            "per_visit_price_fen = excluded.per_visit_price_fen, time_windows = excluded.time_windows, "
            "zones = excluded.zones, frozen_at = excluded.frozen_at, updated_at = excluded.updated_at, "
            "deleted_at = NULL"),
        {id, sql::nullIfEmpty(m_siteId), cardNo, memberId, sql::nullIfEmpty(productId), name, kind, status, validFrom,
            validTo, visitsLeft, balanceFen, perVisitFen, windows, zones, optionalMs(frozenAt), createdAt, event.atMs});
}

Result<EventOutcome> EventApplier::applyProduct(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString name = fields.text(QStringLiteral("name"), 100);
    const QString kind = fields.oneOf(
        QStringLiteral("kind"), {QStringLiteral("time"), QStringLiteral("count"), QStringLiteral("value")});
    const qint64 priceFen = fields.integer(QStringLiteral("priceFen"), 0, kMaxFen);
    const qint64 validDays = fields.integer(QStringLiteral("validDays"), 0, 36'500, 0);
    const qint64 visits = fields.integer(QStringLiteral("visits"), 0, 1'000'000, 0);
    const qint64 valueFen = fields.integer(QStringLiteral("valueFen"), 0, kMaxFen, 0);
    const qint64 perVisitFen = fields.integer(QStringLiteral("perVisitPriceFen"), 0, kMaxFen, 0);
    const QString windows = fields.jsonArray(QStringLiteral("timeWindows"));
    const QString zones = fields.jsonArray(QStringLiteral("zones"));
    const bool active = fields.flag(QStringLiteral("active"), true);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    return writeAndPublish(entity::Product, id,
        QStringLiteral("INSERT INTO card_product (id, name, kind, price_fen, valid_days, visits, value_fen, "
                       "per_visit_price_fen, time_windows, zones, active, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "name = excluded.name, kind = excluded.kind, price_fen = excluded.price_fen, "
                       "valid_days = excluded.valid_days, visits = excluded.visits, value_fen = excluded.value_fen, "
                       "per_visit_price_fen = excluded.per_visit_price_fen, time_windows = excluded.time_windows, "
                       "zones = excluded.zones, active = excluded.active, updated_at = excluded.updated_at"),
        {id, name, kind, priceFen, validDays, visits, valueFen, perVisitFen, windows, zones, active ? 1 : 0, event.atMs,
            event.atMs});
}

Result<EventOutcome> EventApplier::applySale(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString receiptNo = fields.text(QStringLiteral("receiptNo"), 32);
    const QString memberId = fields.id(QStringLiteral("memberId"));
    const QString cardId = fields.optionalId(QStringLiteral("cardId"));
    const QString productId = fields.optionalId(QStringLiteral("productId"));
    const QString kind = fields.text(QStringLiteral("kind"), 16);
    const qint64 amountFen = fields.integer(QStringLiteral("amountFen"), -kMaxFen, kMaxFen);
    const QString method = fields.text(QStringLiteral("paymentMethod"), 16);
    const QString staffId = fields.text(QStringLiteral("staffId"), 64, false);
    const QString note = fields.text(QStringLiteral("note"), 500, false);
    const qint64 createdAt = fields.integer(QStringLiteral("createdAt"), 0, kMaxMs, event.atMs);
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (Result<bool> used = taken(QStringLiteral("sale"), QStringLiteral("receipt_no"), receiptNo, id); !used)
        return std::unexpected(used.error());
    else if (*used)
        return fail(ErrorCode::Conflict, Text::tr("Another sale has the receipt number in data.receiptNo."),
            QStringLiteral("data.receiptNo"));
    // Sales are the chain's books, not something sites pull: no change is published. A sale is
    // a fact, so a second event for the same sale id changes nothing.
    const Status written
        = run(QStringLiteral("INSERT INTO sale (id, site_id, device_id, receipt_no, member_id, card_id, product_id, "
                             "kind, amount_fen, payment_method, staff_id, note, created_at) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
            {id, sql::nullIfEmpty(m_siteId), m_deviceId, receiptNo, memberId, sql::nullIfEmpty(cardId),
                sql::nullIfEmpty(productId), kind, amountFen, method, staffId, note, createdAt});
    if (!written)
        return std::unexpected(written.error());
    return ok();
}

Result<EventOutcome> EventApplier::applyCredential(const SyncEvent &event)
{
    EventFields fields(event.data);
    const QString id = fields.id(QStringLiteral("id"));
    const QString memberId = fields.id(QStringLiteral("memberId"));
    const QString cardId = fields.optionalId(QStringLiteral("cardId"));
    const QString type = fields.oneOf(QStringLiteral("type"), {QStringLiteral("card"), QStringLiteral("token")});
    const QString kid = fields.text(QStringLiteral("kid"), 64);
    const qint64 issuedAt = fields.integer(QStringLiteral("issuedAt"), 0, kMaxMs);
    const qint64 expiresAt = fields.integer(QStringLiteral("expiresAt"), 0, kMaxMs, 0);
    qint64 revokedAt = fields.optionalMs(QStringLiteral("revokedAt"));
    if (Status valid = fields.status(); !valid)
        return std::unexpected(valid.error());
    if (event.type == QLatin1String("credential.revoked") && revokedAt == 0)
        revokedAt = event.atMs;
    // A revocation is never undone by a late "issued" event: COALESCE keeps the first one.
    const Status written
        = run(QStringLiteral("INSERT INTO credential (id, member_id, card_id, type, kid, issued_at, expires_at, "
                             "revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                             "revoked_at = COALESCE(credential.revoked_at, excluded.revoked_at)"),
            {id, memberId, sql::nullIfEmpty(cardId), type, kid, issuedAt, expiresAt, optionalMs(revokedAt)});
    if (!written)
        return std::unexpected(written.error());
    if (revokedAt == 0)
        return ok(); // kiosks check codes by their signature; only revocations are pulled
    const Status recorded = ChangeLog(m_database)
                                .record(entity::Revocation, id, ChangeOp::Upsert,
                                    QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("memberId"), memberId},
                                        {QStringLiteral("cardId"), cardId}, {QStringLiteral("kid"), kid},
                                        {QStringLiteral("revokedAt"), revokedAt}});
    if (!recorded)
        return std::unexpected(recorded.error());
    return ok();
}

Result<EventOutcome> EventApplier::acceptStaff(const SyncEvent &event)
{
    // A desk's staff accounts are its own (local ids, password hashes for offline login). The
    // chain's staff accounts are hub_user rows managed on the hub by an admin, and a device must
    // never be able to create or change them: an enrolled (or stolen) desk pushing staff.* would
    // otherwise mint hub logins. The event is taken as delivered so the desk's outbox drains.
    (void)event;
    return ok();
}

} // namespace gymgate::hub
