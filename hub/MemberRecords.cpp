#include "MemberRecords.h"

#include "core/SyncJson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <cmath>

#include "HubDatabase.h"
#include "HubSettings.h"
#include "HubSql.h"

namespace gymgate::hub::members {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MemberModule)
};

const QString kMemberColumns = QStringLiteral(
    "id, site_id, member_no, name, phone_cipher, phone_hash, phone_mask, gender, birthday, height_cm, weight_g, "
    "fitness_goal, preferred_language, status, field_stamps, created_at, updated_at");
const QString kCardColumns = QStringLiteral(
    "id, card_no, member_id, product_id, name, kind, status, valid_from, valid_to, visits_left, balance_fen, "
    "per_visit_price_fen, time_windows, zones, frozen_at, created_at");
const QString kProductColumns = QStringLiteral(
    "id, name, kind, price_fen, valid_days, visits, value_fen, per_visit_price_fen, time_windows, zones, active");
const QString kDefaultHubNumber = QStringLiteral("900");
const QString kDefaultTimeZone = QStringLiteral("Asia/Shanghai");

QVariant nullableInteger(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QStringList parseStringList(const QString &text)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

WeeklySchedule parseWindows(const QString &text)
{
    // Stored by this module or a site after validation; an unreadable value means "any time".
    return WeeklySchedule::fromJson(text.toUtf8()).value_or(WeeklySchedule());
}

QString windowsText(const WeeklySchedule &windows)
{
    return windows.isUnrestricted() ? QStringLiteral("[]") : QString::fromUtf8(windows.toJson());
}

HubMember memberFromQuery(const QSqlQuery &query)
{
    HubMember row;
    Member &member = row.member;
    member.id = query.value(0).toString();
    row.siteId = query.value(1).toString();
    member.memberNo = query.value(2).toString();
    member.name = query.value(3).toString();
    member.phoneCipher = QByteArray::fromBase64(query.value(4).toString().toLatin1());
    member.phoneHash = QByteArray::fromBase64(query.value(5).toString().toLatin1());
    member.phoneMask = query.value(6).toString();
    member.gender = static_cast<Gender>(query.value(7).toInt());
    member.birthday = QDate::fromString(query.value(8).toString(), Qt::ISODate);
    if (!query.value(9).isNull())
        row.heightCm = query.value(9).toInt();
    if (!query.value(10).isNull())
        row.weightG = query.value(10).toLongLong();
    row.fitnessGoal = query.value(11).toString();
    member.preferredLanguage = query.value(12).toString();
    member.status
        = query.value(13).toString() == QLatin1String("blocked") ? MemberStatus::Blocked : MemberStatus::Active;
    row.fieldStamps = parseObject(query.value(14).toString());
    member.createdAtMs = query.value(15).toLongLong();
    member.updatedAtMs = query.value(16).toLongLong();
    return row;
}

QString memberStatusText(MemberStatus status)
{
    return status == MemberStatus::Blocked ? QStringLiteral("blocked") : QStringLiteral("active");
}

MemberCard cardFromQuery(const QSqlQuery &query)
{
    MemberCard card;
    card.id = query.value(0).toString();
    card.cardNo = query.value(1).toString();
    card.memberId = query.value(2).toString();
    card.productId = query.value(3).toString();
    card.name = query.value(4).toString();
    card.kind = cardKindFromName(query.value(5).toString());
    card.status = cardStatusFromName(query.value(6).toString());
    card.validFromMs = query.value(7).toLongLong();
    card.validToMs = query.value(8).toLongLong();
    card.visitsLeft = query.value(9).toInt();
    card.balanceFen = query.value(10).toLongLong();
    card.perVisitPriceFen = query.value(11).toLongLong();
    card.windows = parseWindows(query.value(12).toString());
    card.zoneIds = parseStringList(query.value(13).toString());
    if (!query.value(14).isNull())
        card.frozenAtMs = query.value(14).toLongLong();
    card.createdAtMs = query.value(15).toLongLong();
    return card;
}

CardProduct productFromQuery(const QSqlQuery &query)
{
    CardProduct product;
    product.id = query.value(0).toString();
    product.name = query.value(1).toString();
    product.kind = cardKindFromName(query.value(2).toString());
    product.priceFen = query.value(3).toLongLong();
    product.validDays = query.value(4).toInt();
    product.visits = query.value(5).toInt();
    product.valueFen = query.value(6).toLongLong();
    product.perVisitPriceFen = query.value(7).toLongLong();
    product.windows = parseWindows(query.value(8).toString());
    product.zoneIds = parseStringList(query.value(9).toString());
    product.active = query.value(10).toInt() != 0;
    return product;
}

QString dateText(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date().toString(Qt::ISODate);
}

QString hubNumber(HubDatabase &database)
{
    const Result<std::optional<QString>> stored = HubSettings(database).value(QStringLiteral("hub.number"));
    const QString number = stored && *stored ? **stored : kDefaultHubNumber;
    const bool digits = number.size() == 3
        && std::all_of(number.cbegin(), number.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    return digits ? number : kDefaultHubNumber;
}

Result<qint64> drawSequence(const QSqlDatabase &db, const QString &name)
{
    const Result<std::optional<QVariant>> value = sql::scalar(db,
        QStringLiteral("INSERT INTO hub_sequence (name, value) VALUES (?, 1) "
                       "ON CONFLICT (name) DO UPDATE SET value = hub_sequence.value + 1 RETURNING value"),
        {name});
    if (!value)
        return std::unexpected(value.error());
    if (!*value)
        return fail(ErrorCode::Internal, QStringLiteral("hub_sequence returned no row"));
    return (*value)->toLongLong();
}

} // namespace

Result<std::optional<HubMember>> findMember(const QSqlDatabase &db, MemberKey key, const QString &value)
{
    QString column;
    switch (key) {
    case MemberKey::Id:
        column = QStringLiteral("id");
        break;
    case MemberKey::PhoneHash:
        column = QStringLiteral("phone_hash");
        break;
    case MemberKey::MemberNo:
        column = QStringLiteral("member_no");
        break;
    case MemberKey::Invalid:
        return std::optional<HubMember> {};
    }
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT ") + kMemberColumns + QStringLiteral(" FROM member WHERE ") + column
            + QStringLiteral(" = ? AND deleted_at IS NULL"),
        {value});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<HubMember> {};
    return std::optional<HubMember> {memberFromQuery(*query)};
}

Status insertMember(const QSqlDatabase &db, const HubMember &row)
{
    const Member &member = row.member;
    const Result<QSqlQuery> inserted = sql::exec(db,
        QStringLiteral("INSERT INTO member (") + kMemberColumns
            + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {member.id, sql::nullIfEmpty(row.siteId), member.memberNo, member.name,
            QString::fromLatin1(member.phoneCipher.toBase64()), QString::fromLatin1(member.phoneHash.toBase64()),
            member.phoneMask, int(member.gender),
            sql::nullIfEmpty(member.birthday.isValid() ? member.birthday.toString(Qt::ISODate) : QString()),
            nullableInteger(row.heightCm ? std::optional<qint64>(*row.heightCm) : std::nullopt),
            nullableInteger(row.weightG), notNull(row.fitnessGoal), member.preferredLanguage,
            memberStatusText(member.status), compactJson(row.fieldStamps), member.createdAtMs, member.updatedAtMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Status updateMember(const QSqlDatabase &db, const HubMember &row)
{
    const Member &member = row.member;
    const Result<QSqlQuery> updated = sql::exec(db,
        QStringLiteral("UPDATE member SET name = ?, gender = ?, birthday = ?, height_cm = ?, weight_g = ?, "
                       "fitness_goal = ?, preferred_language = ?, field_stamps = ?, updated_at = ? WHERE id = ?"),
        {member.name, int(member.gender),
            sql::nullIfEmpty(member.birthday.isValid() ? member.birthday.toString(Qt::ISODate) : QString()),
            nullableInteger(row.heightCm ? std::optional<qint64>(*row.heightCm) : std::nullopt),
            nullableInteger(row.weightG), notNull(row.fitnessGoal), member.preferredLanguage,
            compactJson(row.fieldStamps), member.updatedAtMs, member.id});
    if (!updated)
        return std::unexpected(updated.error());
    return {};
}

// The wire shape (core/SyncJson.h) plus the hub's extra fields.
QJsonObject memberEntityJson(const HubMember &row)
{
    QJsonObject json = syncjson::toJson(row.member);
    json.insert(QStringLiteral("siteId"), row.siteId.isEmpty() ? QJsonValue() : QJsonValue(row.siteId));
    json.insert(QStringLiteral("heightCm"), row.heightCm ? QJsonValue(*row.heightCm) : QJsonValue());
    json.insert(QStringLiteral("weightG"), row.weightG ? QJsonValue(*row.weightG) : QJsonValue());
    json.insert(QStringLiteral("fitnessGoal"), row.fitnessGoal);
    json.insert(QStringLiteral("fieldStamps"), row.fieldStamps);
    return json;
}

QJsonObject memberApiJson(const HubMember &row)
{
    const Member &member = row.member;
    return QJsonObject {
        {QStringLiteral("id"), member.id},
        {QStringLiteral("memberNo"), member.memberNo},
        {QStringLiteral("name"), member.name},
        {QStringLiteral("phoneMask"), member.phoneMask},
        {QStringLiteral("status"), apiMemberStatus(member.status)},
        {QStringLiteral("statusName"), memberStatusText(member.status)},
        {QStringLiteral("gender"), apiGender(member.gender)},
        {QStringLiteral("birthday"),
            member.birthday.isValid() ? QJsonValue(member.birthday.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("height"), row.heightCm ? QJsonValue(*row.heightCm) : QJsonValue()},
        {QStringLiteral("weight"), row.weightG ? QJsonValue(double(*row.weightG) / 1000.0) : QJsonValue()},
        {QStringLiteral("fitnessGoal"), row.fitnessGoal},
        {QStringLiteral("preferredLanguage"), member.preferredLanguage},
        {QStringLiteral("siteId"), row.siteId.isEmpty() ? QJsonValue() : QJsonValue(row.siteId)},
        {QStringLiteral("createdAt"), member.createdAtMs},
        {QStringLiteral("updatedAt"), member.updatedAtMs},
    };
}

int apiGender(Gender gender)
{
    switch (gender) {
    case Gender::Male:
        return 1;
    case Gender::Female:
        return 2;
    case Gender::Unknown:
    case Gender::Invalid:
        break;
    }
    return 0;
}

Gender genderFromApi(qint64 value)
{
    return value == 1 ? Gender::Male : value == 2 ? Gender::Female : Gender::Unknown;
}

int apiMemberStatus(MemberStatus status)
{
    return status == MemberStatus::Blocked ? 2 : 1;
}

Result<std::optional<MemberCard>> findCard(const QSqlDatabase &db, const QString &cardId)
{
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT ") + kCardColumns
            + QStringLiteral(" FROM member_card WHERE id = ? AND deleted_at IS NULL"),
        {cardId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<MemberCard> {};
    return std::optional<MemberCard> {cardFromQuery(*query)};
}

Result<QList<MemberCard>> cardsOfMember(const QSqlDatabase &db, const QString &memberId)
{
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT ") + kCardColumns
            + QStringLiteral(
                " FROM member_card WHERE member_id = ? AND deleted_at IS NULL ORDER BY created_at, card_no"),
        {memberId});
    if (!query)
        return std::unexpected(query.error());
    QList<MemberCard> cards;
    while (query->next())
        cards.append(cardFromQuery(*query));
    return cards;
}

Status insertCard(const QSqlDatabase &db, const MemberCard &card, const QString &siteId)
{
    const Result<QSqlQuery> inserted = sql::exec(db,
        QStringLiteral("INSERT INTO member_card (") + kCardColumns
            + QStringLiteral(", site_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {card.id, card.cardNo, card.memberId, sql::nullIfEmpty(card.productId), card.name,
            QString::fromLatin1(cardKindName(card.kind)), QString::fromLatin1(cardStatusName(card.status)),
            card.validFromMs, card.validToMs, qint64(card.visitsLeft), card.balanceFen, card.perVisitPriceFen,
            windowsText(card.windows), compactJson(card.zoneIds), nullableInteger(card.frozenAtMs), card.createdAtMs,
            sql::nullIfEmpty(siteId), card.createdAtMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

QJsonObject cardEntityJson(const MemberCard &card)
{
    return syncjson::toJson(card);
}

QJsonObject cardApiJson(const MemberCard &card, const QTimeZone &zone)
{
    // valid_to is the exclusive end (local midnight after the last day); the seed shows the
    // last valid day.
    return QJsonObject {{QStringLiteral("id"), card.id}, {QStringLiteral("cardNo"), card.cardNo},
        {QStringLiteral("memberId"), card.memberId}, {QStringLiteral("productId"), card.productId},
        {QStringLiteral("cardName"), card.name}, {QStringLiteral("cardType"), int(card.kind)},
        {QStringLiteral("kind"), QString::fromLatin1(cardKindName(card.kind))},
        {QStringLiteral("balance"), yuanFromFen(card.balanceFen)}, {QStringLiteral("balanceCount"), card.visitsLeft},
        {QStringLiteral("perVisitPrice"), yuanFromFen(card.perVisitPriceFen)},
        {QStringLiteral("validFrom"), dateText(card.validFromMs, zone)},
        {QStringLiteral("validTo"),
            card.validToMs == 0 ? QJsonValue() : QJsonValue(dateText(card.validToMs - 1, zone))},
        {QStringLiteral("status"), int(card.status)},
        {QStringLiteral("statusName"), QString::fromLatin1(cardStatusName(card.status))}};
}

Result<std::optional<CardProduct>> findProduct(const QSqlDatabase &db, const QString &productId)
{
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT ") + kProductColumns
            + QStringLiteral(" FROM card_product WHERE id = ? AND deleted_at IS NULL"),
        {productId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<CardProduct> {};
    return std::optional<CardProduct> {productFromQuery(*query)};
}

Result<QList<CardProduct>> listProducts(const QSqlDatabase &db, bool includeInactive)
{
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT ") + kProductColumns
            + QStringLiteral(" FROM card_product WHERE deleted_at IS NULL AND (active = 1 OR ? = 1) ORDER BY name, id"),
        {qint64(includeInactive ? 1 : 0)});
    if (!query)
        return std::unexpected(query.error());
    QList<CardProduct> products;
    while (query->next())
        products.append(productFromQuery(*query));
    return products;
}

Status saveProduct(const QSqlDatabase &db, const CardProduct &product, bool creating, qint64 nowMs)
{
    const QVariantList values {product.name, QString::fromLatin1(cardKindName(product.kind)), product.priceFen,
        qint64(product.validDays), qint64(product.visits), product.valueFen, product.perVisitPriceFen,
        windowsText(product.windows), compactJson(product.zoneIds), qint64(product.active ? 1 : 0), nowMs, product.id};
    const Result<QSqlQuery> written = creating
        ? sql::exec(db,
            QStringLiteral("INSERT INTO card_product (name, kind, price_fen, valid_days, visits, value_fen, "
                           "per_visit_price_fen, time_windows, zones, active, updated_at, id, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            values + QVariantList {nowMs})
        : sql::exec(db,
            QStringLiteral("UPDATE card_product SET name = ?, kind = ?, price_fen = ?, valid_days = ?, visits = ?, "
                           "value_fen = ?, per_visit_price_fen = ?, time_windows = ?, zones = ?, active = ?, "
                           "updated_at = ? WHERE id = ?"),
            values);
    if (!written)
        return std::unexpected(written.error());
    return {};
}

QJsonObject productEntityJson(const CardProduct &product)
{
    return syncjson::toJson(product);
}

Result<QTimeZone> siteTimeZone(HubDatabase &database, const QString &siteId)
{
    QString zoneId;
    if (!siteId.isEmpty()) {
        const Result<std::optional<QVariant>> site
            = sql::scalar(database.database(), QStringLiteral("SELECT timezone FROM site WHERE id = ?"), {siteId});
        if (!site)
            return std::unexpected(site.error());
        if (*site)
            zoneId = (*site)->toString();
    }
    if (zoneId.isEmpty()) {
        const Result<std::optional<QString>> hubZone = HubSettings(database).value(QStringLiteral("hub.timezone"));
        if (!hubZone)
            return std::unexpected(hubZone.error());
        zoneId = hubZone->value_or(kDefaultTimeZone);
    }
    QTimeZone zone(zoneId.toLatin1());
    return zone.isValid() ? zone : QTimeZone(kDefaultTimeZone.toLatin1());
}

Result<QString> nextNumber(HubDatabase &database, QChar letter, int digits, const QString &table, const QString &column)
{
    const QString prefix = letter + hubNumber(database);
    qint64 limit = 1;
    for (int i = 0; i < digits; ++i)
        limit *= 10;
    // A site misconfigured with the hub's number may already hold some numbers: skip them.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const Result<qint64> next = drawSequence(database.database(), prefix);
        if (!next)
            return std::unexpected(next.error());
        if (*next >= limit)
            break;
        const QString number = prefix + QStringLiteral("%1").arg(*next, digits, 10, QLatin1Char('0'));
        const Result<std::optional<QVariant>> taken = sql::scalar(database.database(),
            QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE ") + column + QStringLiteral(" = ?"),
            {number});
        if (!taken)
            return std::unexpected(taken.error());
        if (!*taken)
            return number;
    }
    return fail(ErrorCode::Conflict, Text::tr("No %1 numbers are left for this hub.").arg(letter));
}

std::optional<qint64> fenFromYuan(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double yuan = value.toDouble();
    if (!std::isfinite(yuan) || yuan < 0 || yuan > 1e7)
        return std::nullopt;
    const double fen = yuan * 100.0;
    const double rounded = std::round(fen);
    // A third decimal (0.001) leaves a remainder far above the binary rounding of 0.29 * 100.
    if (std::abs(fen - rounded) > 1e-6)
        return std::nullopt;
    return static_cast<qint64>(rounded);
}

QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

double yuanFromFen(qint64 fen)
{
    return double(fen) / 100.0;
}

} // namespace gymgate::hub::members
