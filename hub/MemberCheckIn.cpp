// MemberModule: QR check-in at the hub (seed 002 §3.3.1), with the credential checks of
// DESIGN §5 done by core's CredentialVerifier against the hub's trusted_key table.
#include "core/AccessReason.h"
#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/TrustStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>

#include "ChangeLog.h"
#include "HubDatabase.h"
#include "HubRouter.h"
#include "HubSettings.h"
#include "HubSql.h"
#include "MemberModule.h"
#include "MemberRecords.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MemberModule)
};

// The hub's keys and revocations as the verifier sees them. A failed query counts as "not
// trusted" so nothing is let in on a storage error, and failed() turns it into a 500.
class HubTrustStore final : public TrustStore {
public:
    explicit HubTrustStore(QSqlDatabase db) : m_db(std::move(db)) { }

    std::optional<QByteArray> publicKey(const QString &keyId) const override
    {
        const std::optional<QVariant> key
            = lookup(QStringLiteral("SELECT public_key FROM trusted_key WHERE kid = ?"), keyId);
        return key ? std::optional(QByteArray::fromBase64(key->toString().toLatin1())) : std::nullopt;
    }
    bool isKeyRevoked(const QString &keyId) const override
    {
        return exists(QStringLiteral("SELECT 1 FROM trusted_key WHERE kid = ? AND revoked_at IS NOT NULL"), keyId);
    }
    bool isCredentialRevoked(const QString &credentialId) const override
    {
        return exists(QStringLiteral("SELECT 1 FROM credential WHERE id = ? AND revoked_at IS NOT NULL"), credentialId);
    }
    bool isNonceUsed(const QString &credentialId) const override
    {
        return exists(QStringLiteral("SELECT 1 FROM checkin_nonce WHERE credential_id = ?"), credentialId);
    }
    bool failed() const { return m_failed; }

private:
    std::optional<QVariant> lookup(const QString &statement, const QString &value) const
    {
        const Result<std::optional<QVariant>> found = sql::scalar(m_db, statement, {value});
        if (!found) {
            m_failed = true;
            return std::nullopt;
        }
        return *found;
    }
    bool exists(const QString &statement, const QString &value) const
    {
        const Result<std::optional<QVariant>> found = sql::scalar(m_db, statement, {value});
        if (!found)
            m_failed = true;
        return !found || found->has_value();
    }

    QSqlDatabase m_db;
    mutable bool m_failed = false;
};

// A check-in refused for a reason of the access policy: 422 with the stable reason code.
HubResponse refusal(AccessReason reason)
{
    HubResponse response = HubResponse::error(
        422, QString::fromLatin1(accessReasonCode(reason)), accessReasonMessage(reason), QStringLiteral("qrCode"));
    response.data = QJsonObject {{QStringLiteral("field"), QStringLiteral("qrCode")},
        {QStringLiteral("reason"), QString::fromLatin1(accessReasonCode(reason))},
        {QStringLiteral("advice"), accessReasonAdvice(reason)}};
    return response;
}

QString credentialKind(CredentialType type)
{
    switch (type) {
    case CredentialType::Card:
        return QStringLiteral("card");
    case CredentialType::Token:
        return QStringLiteral("token");
    case CredentialType::Legacy:
        return QStringLiteral("legacy");
    case CredentialType::Manual:
    case CredentialType::Invalid:
        break;
    }
    return QStringLiteral("manual");
}

// Why `card` cannot be used now, or Granted.
AccessReason cardReason(const MemberCard &card, const QString &venueId, qint64 nowMs, const QTimeZone &zone)
{
    if (card.status == CardStatus::Frozen)
        return AccessReason::CardFrozen;
    if (card.status != CardStatus::Active || (card.validToMs != 0 && card.validToMs <= nowMs))
        return AccessReason::CardExpired;
    if (card.validFromMs > nowMs)
        return AccessReason::CardNotYetValid;
    if (!venueId.isEmpty() && !card.zoneIds.isEmpty() && !card.zoneIds.contains(venueId))
        return AccessReason::CardWrongZone;
    if (!card.windows.isUnrestricted() && !card.windows.contains(nowMs, zone))
        return AccessReason::CardOutsideWindow;
    if (card.kind == CardKind::Count && card.visitsLeft < 1)
        return AccessReason::CardNoVisits;
    if (card.kind == CardKind::Value && (card.perVisitPriceFen < 1 || card.balanceFen < card.perVisitPriceFen))
        return AccessReason::CardInsufficientBalance;
    return AccessReason::Granted;
}

struct CardChoice {
    std::optional<MemberCard> card; // the usable card, if any
    AccessReason reason = AccessReason::CardNone; // why none is usable
};

// Time cards first, then count, then value (DESIGN §6); a cancelled card is no card at all. When
// none qualifies, the reason of the most preferred card tells the member what to do.
CardChoice chooseCard(QList<MemberCard> cards, const QString &venueId, qint64 nowMs, const QTimeZone &zone)
{
    std::stable_sort(
        cards.begin(), cards.end(), [](const MemberCard &a, const MemberCard &b) { return int(a.kind) < int(b.kind); });
    CardChoice choice;
    for (const MemberCard &card : cards) {
        if (card.status == CardStatus::Cancelled)
            continue;
        const AccessReason reason = cardReason(card, venueId, nowMs, zone);
        if (reason == AccessReason::Granted) {
            choice.card = card;
            return choice;
        }
        if (choice.reason == AccessReason::CardNone)
            choice.reason = reason;
    }
    return choice;
}

// The member a verified code stands for: its member id, or for a legacy code the member or
// card number.
Result<std::optional<HubMember>> memberOfCredential(const QSqlDatabase &db, const VerifiedCredential &credential)
{
    if (credential.type != CredentialType::Legacy)
        return members::findMember(db, MemberKey::Id, credential.payload.memberId);
    Result<std::optional<HubMember>> byNumber = members::findMember(db, MemberKey::MemberNo, credential.legacyCode);
    if (!byNumber || *byNumber)
        return byNumber;
    const Result<std::optional<QVariant>> owner
        = sql::scalar(db, QStringLiteral("SELECT member_id FROM member_card WHERE card_no = ? AND deleted_at IS NULL"),
            {credential.legacyCode});
    if (!owner)
        return std::unexpected(owner.error());
    if (!*owner)
        return std::optional<HubMember> {};
    return members::findMember(db, MemberKey::Id, (*owner)->toString());
}

// Deducts one visit or the per-visit price, guarded so two check-ins racing for the last
// visit cannot both pass.
Result<bool> deduct(const QSqlDatabase &db, const MemberCard &card, qint64 nowMs)
{
    Result<QSqlQuery> updated = card.kind == CardKind::Count
        ? sql::exec(db,
            QStringLiteral("UPDATE member_card SET visits_left = visits_left - 1, updated_at = ? "
                           "WHERE id = ? AND status = 'active' AND visits_left >= 1"),
            {nowMs, card.id})
        : card.kind == CardKind::Value
        ? sql::exec(db,
            QStringLiteral("UPDATE member_card SET balance_fen = balance_fen - per_visit_price_fen, updated_at = ? "
                           "WHERE id = ? AND status = 'active' AND balance_fen >= per_visit_price_fen"),
            {nowMs, card.id})
        : sql::exec(db, QStringLiteral("UPDATE member_card SET updated_at = ? WHERE id = ? AND status = 'active'"),
            {nowMs, card.id});
    if (!updated)
        return std::unexpected(updated.error());
    return updated->numRowsAffected() == 1;
}

// Marks a token's nonce as used; false when another check-in took it first.
Result<bool> takeNonce(
    const QSqlDatabase &db, const VerifiedCredential &credential, const CredentialPolicy &policy, qint64 nowMs)
{
    if (const Result<QSqlQuery> purged
        = sql::exec(db, QStringLiteral("DELETE FROM checkin_nonce WHERE expires_at < ?"), {nowMs});
        !purged)
        return std::unexpected(purged.error());
    Result<QSqlQuery> inserted = sql::exec(db,
        QStringLiteral("INSERT INTO checkin_nonce (credential_id, member_id, used_at, expires_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (credential_id) DO NOTHING"),
        {credential.credentialId, credential.payload.memberId, nowMs,
            credential.payload.expiresAtMs + policy.clockSkewMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    return inserted->numRowsAffected() == 1;
}

struct EntryRow {
    QString id;
    QString siteId;
    QString venueId;
    QString memberId;
    QString cardId;
    QString credentialKind;
    bool weak = false;
    int visitsDeducted = 0;
    qint64 feeFen = 0;
    qint64 atMs = 0;
};

Status insertEntry(const QSqlDatabase &db, const EntryRow &entry, const HubRequest &request)
{
    const Result<QSqlQuery> inserted = sql::exec(db,
        QStringLiteral("INSERT INTO entry (id, site_id, device_id, zone_id, direction, member_id, card_id, "
                       "credential_kind, weak, status, reason, visits_deducted, fee_deducted_fen, staff_id, "
                       "decided_at, passed_at) VALUES (?, ?, ?, ?, 'in', ?, ?, ?, ?, 'passed', ?, ?, ?, ?, ?, ?)"),
        {entry.id, sql::nullIfEmpty(entry.siteId), sql::nullIfEmpty(request.principal.deviceId),
            members::notNull(entry.venueId), entry.memberId, entry.cardId, entry.credentialKind,
            qint64(entry.weak ? 1 : 0),
            QString::fromLatin1(accessReasonCode(entry.weak ? AccessReason::WeakCredential : AccessReason::Granted)),
            qint64(entry.visitsDeducted), entry.feeFen,
            members::notNull(request.principal.isStaff() ? request.principal.actor() : QString()), entry.atMs,
            entry.atMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Result<bool> legacyCodesAllowed(HubDatabase &database)
{
    const Result<std::optional<QString>> setting = HubSettings(database).value(QStringLiteral("legacy_codes"));
    if (!setting)
        return std::unexpected(setting.error());
    return setting->value_or(QString()) == QLatin1String("on");
}

} // namespace

HubResponse MemberModule::checkIn(const HubRequest &request)
{
    if (Status status = request.requireObject({QStringLiteral("qrCode"), QStringLiteral("venueId")}); !status)
        return HubResponse::fromError(status.error());
    // Longer than any code: the verifier itself refuses oversize input with its reason.
    const Result<QString> qrCode = request.requireString(QStringLiteral("qrCode"), 2000);
    if (!qrCode)
        return HubResponse::fromError(qrCode.error());
    const Result<QString> venueId = request.optionalString(QStringLiteral("venueId"), QString(), 64);
    if (!venueId)
        return HubResponse::fromError(venueId.error());
    if (!venueId->isEmpty()) {
        const Result<std::optional<QVariant>> venue = sql::scalar(database().database(),
            QStringLiteral("SELECT 1 FROM venue WHERE id = ? AND deleted_at IS NULL"), {*venueId});
        if (!venue)
            return HubResponse::fromError(venue.error());
        if (!*venue)
            return HubResponse::error(422, QStringLiteral("field_invalid"),
                Text::tr("The field \"venueId\" names no known venue."), QStringLiteral("venueId"));
    }
    const Result<bool> legacy = legacyCodesAllowed(database());
    if (!legacy)
        return HubResponse::fromError(legacy.error());
    CredentialPolicy policy;
    policy.legacyCodesAllowed = *legacy;

    std::optional<HubResponse> refused;
    EntryRow entry;
    QString memberName;
    QTimeZone zone;
    const auto refuse = [&refused](AccessReason reason) {
        refused = refusal(reason);
        return fail(ErrorCode::Conflict, QStringLiteral("check-in refused"));
    };
    const Status done = database().transaction([&]() -> Status {
        const SystemClock clock;
        const qint64 nowMs = clock.nowMs();
        HubTrustStore trust(database().database());
        const CredentialCheck credential = CredentialVerifier(trust, clock, policy).verify(qrCode->toUtf8());
        if (trust.failed())
            return fail(ErrorCode::Storage, QStringLiteral("trust store query failed"));
        if (!credential)
            return refuse(credential.error());
        const Result<std::optional<HubMember>> member = memberOfCredential(database().database(), *credential);
        if (!member)
            return std::unexpected(member.error());
        if (!*member)
            return refuse(AccessReason::MemberUnknown);
        if ((*member)->member.status == MemberStatus::Blocked)
            return refuse(AccessReason::MemberBlocked);
        entry.siteId = !request.principal.siteId.isEmpty() ? request.principal.siteId : (*member)->siteId;
        const Result<QTimeZone> siteZone = members::siteTimeZone(database(), entry.siteId);
        if (!siteZone)
            return std::unexpected(siteZone.error());
        zone = *siteZone;
        Result<QList<MemberCard>> cards = members::cardsOfMember(database().database(), (*member)->member.id);
        if (!cards)
            return std::unexpected(cards.error());
        // A code printed for one card admits with that card only.
        const QString codeCard = credential->payload.cardId;
        if (!codeCard.isEmpty())
            cards->removeIf([&codeCard](const MemberCard &card) { return card.id != codeCard; });
        const CardChoice choice = chooseCard(*cards, *venueId, nowMs, zone);
        if (!choice.card)
            return refuse(choice.reason);
        if (credential->type == CredentialType::Token) {
            const Result<bool> fresh = takeNonce(database().database(), *credential, policy, nowMs);
            if (!fresh)
                return std::unexpected(fresh.error());
            if (!*fresh)
                return refuse(AccessReason::CredentialReplayed);
        }
        const Result<bool> deducted = deduct(database().database(), *choice.card, nowMs);
        if (!deducted)
            return std::unexpected(deducted.error());
        if (!*deducted)
            return refuse(choice.card->kind == CardKind::Count ? AccessReason::CardNoVisits
                                                               : AccessReason::CardInsufficientBalance);
        entry.id = sql::newId();
        entry.venueId = *venueId;
        entry.memberId = (*member)->member.id;
        entry.cardId = choice.card->id;
        entry.credentialKind = credentialKind(credential->type);
        entry.weak = credential->weak;
        entry.visitsDeducted = choice.card->kind == CardKind::Count ? 1 : 0;
        entry.feeFen = choice.card->kind == CardKind::Value ? choice.card->perVisitPriceFen : 0;
        entry.atMs = nowMs;
        memberName = (*member)->member.name;
        if (Status recorded = insertEntry(database().database(), entry, request); !recorded)
            return recorded;
        const Result<std::optional<MemberCard>> after = members::findCard(database().database(), entry.cardId);
        if (!after)
            return std::unexpected(after.error());
        if (!*after)
            return fail(ErrorCode::Internal, QStringLiteral("checked-in card vanished"));
        return ChangeLog(database())
            .record(entity::Card, entry.cardId, ChangeOp::Upsert, members::cardEntityJson(**after));
    });
    if (refused)
        return *refused;
    if (!done)
        return HubResponse::fromError(done.error());
    return HubResponse::ok(QJsonObject {{QStringLiteral("id"), entry.id}, {QStringLiteral("memberId"), entry.memberId},
        {QStringLiteral("memberName"), memberName},
        {QStringLiteral("checkInAt"),
            QDateTime::fromMSecsSinceEpoch(entry.atMs, zone).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))},
        {QStringLiteral("checkInAtMs"), entry.atMs}, {QStringLiteral("status"), 1},
        {QStringLiteral("cardId"), entry.cardId}, {QStringLiteral("visitsDeducted"), entry.visitsDeducted},
        {QStringLiteral("feeDeductedFen"), entry.feeFen}, {QStringLiteral("credentialKind"), entry.credentialKind},
        {QStringLiteral("weak"), entry.weak}});
}

} // namespace gymgate::hub
