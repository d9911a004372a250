#pragma once

#include "core/Error.h"
#include "core/Member.h"
#include "core/MemberCard.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace gymgate::hub {

class HubDatabase;

// Rows of member, member_card and card_product as MemberModule reads and writes them, and the
// two JSON shapes of each: the entity shape sites pull (the desk's outbox JSON, so a site
// applies a hub change like one of its own events) and the seed-002 shape the API answers with.
namespace members {

// A member row: the desk's fields plus what only the hub keeps (site, body data, stamps).
struct HubMember {
    Member member; // phoneCipher and phoneHash as raw bytes
    QString siteId;
    std::optional<int> heightCm;
    std::optional<qint64> weightG;
    QString fitnessGoal;
    QJsonObject fieldStamps; // entity field -> ms of its last write (last writer wins per field)
};

enum class MemberKey {
    Invalid = 0,
    Id,
    PhoneHash, // base64 of FieldCipher::lookupHash
    MemberNo,
};

// Deleted members are not found.
Result<std::optional<HubMember>> findMember(const QSqlDatabase &db, MemberKey key, const QString &value);
Status insertMember(const QSqlDatabase &db, const HubMember &row);
Status updateMember(const QSqlDatabase &db, const HubMember &row);

QJsonObject memberEntityJson(const HubMember &row);
QJsonObject memberApiJson(const HubMember &row);

// Seed 002 gender (1 male, 2 female, 0 not given) <-> the desk's Gender.
int apiGender(Gender gender);
Gender genderFromApi(qint64 value);
int apiMemberStatus(MemberStatus status); // seed: 1 active; 2 blocked

Result<std::optional<MemberCard>> findCard(const QSqlDatabase &db, const QString &cardId);
Result<QList<MemberCard>> cardsOfMember(const QSqlDatabase &db, const QString &memberId);
Status insertCard(const QSqlDatabase &db, const MemberCard &card, const QString &siteId);
QJsonObject cardEntityJson(const MemberCard &card); // syncjson::toJson(card)
// Seed 002 shape: validFrom/validTo as dates in `zone` (validTo is the last valid day).
QJsonObject cardApiJson(const MemberCard &card, const QTimeZone &zone);

Result<std::optional<CardProduct>> findProduct(const QSqlDatabase &db, const QString &productId);
Result<QList<CardProduct>> listProducts(const QSqlDatabase &db, bool includeInactive);
Status saveProduct(const QSqlDatabase &db, const CardProduct &product, bool creating, qint64 nowMs);
QJsonObject productEntityJson(const CardProduct &product); // syncjson::toJson(product)

// The zone a site's dates are in: site.timezone, else hub_setting 'hub.timezone', else
// Asia/Shanghai.
Result<QTimeZone> siteTimeZone(HubDatabase &database, const QString &siteId);

// The next free human number: letter + hub number (hub_setting 'hub.number', default 900) +
// `digits` zero-padded digits, from a counter in hub_sequence that the write transaction locks.
Result<QString> nextNumber(
    HubDatabase &database, QChar letter, int digits, const QString &table, const QString &column);

// Yuan (a JSON number with at most two decimals) -> fen; nullopt for anything else.
std::optional<qint64> fenFromYuan(const QJsonValue &value);
// A NOT NULL text column's bind value: an empty string, never NULL (a null QString binds as NULL).
QString notNull(const QString &text);
double yuanFromFen(qint64 fen);

} // namespace members

// The member module's files (MemberModule, MemberCards, MemberCheckIn, MemberProfile) name the
// record types unqualified.
using members::HubMember;
using members::MemberKey;

} // namespace gymgate::hub
