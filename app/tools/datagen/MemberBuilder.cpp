#include "MemberBuilder.h"

#include "core/CredentialVerifier.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>

#include "SodiumRandomHook.h"
#include "SqlStatement.h"

namespace gymgate {
namespace {

constexpr qint64 YearDays = 365;
constexpr qint64 MemberHistoryDays = 3 * YearDays;

const char *paymentMethod(SeededRandom &random)
{
    static constexpr std::array<int, 4> Weights = {45, 35, 10, 10};
    static constexpr std::array<const char *, 4> Names = {"wechat_pay", "alipay", "bank_card", "cash"};
    return Names[size_t(random.weighted(Weights))];
}

std::string_view jsonView(const QByteArray &json)
{
    return {json.constData(), size_t(json.size())};
}

} // namespace

struct CardStatements {
    SqlStatement card;
    SqlStatement sale;
};

MemberInfo MemberBuilder::makeMember(int index)
{
    MemberInfo member;
    member.id = m_random.uuid();
    member.demoRole = index < DemoMemberCount ? DemoRole(index + 1) : DemoRole::Invalid;
    const qint64 now = m_time.nowMs();
    if (member.demoRole != DemoRole::Invalid) {
        // Demo members joined about a year ago and have a clean record.
        member.createdAtMs = now - (300 + index) * DayMs - qint64(m_random.below(DayMs));
        member.blocked = member.demoRole == DemoRole::Blocked;
        member.deleted = member.demoRole == DemoRole::Deleted;
        return member;
    }
    member.createdAtMs = now - qint64(m_random.below(quint64(MemberHistoryDays * DayMs)));
    member.blocked = m_random.chance(0.02);
    member.deleted = m_random.chance(0.005);
    // Who books and who comes in: a few members do most of both, many never book a class.
    member.bookingWeight = m_random.chance(0.4) ? 0.0 : std::exp(m_random.normal(0.0, 0.8));
    member.entryWeight = m_random.chance(0.1) ? 0.15 : std::exp(m_random.normal(0.0, 0.6));
    if (member.deleted) {
        member.bookingWeight *= 0.2;
        member.entryWeight *= 0.3;
    }
    if (member.blocked)
        member.bookingWeight *= 0.5;
    return member;
}

Status MemberBuilder::writeMembers(sqlite3 *db, const FieldCipher &cipher)
{
    auto insert = SqlStatement::prepare(db,
        "INSERT INTO member (id, member_no, name, phone_cipher, phone_hash, phone_mask, gender, birthday, "
        "preferred_language, status, created_at, updated_at, deleted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_time.nowMs(), QTimeZone(datagenTimeZoneId())).date();
    m_model.members.reserve(size_t(m_options.members));
    m_progress.begin(QCoreApplication::translate("Datagen", "members"), m_options.members);
    for (int i = 0; i < m_options.members; ++i) {
        MemberInfo member = makeMember(i);
        const Person person = m_people.make(today);
        if (member.demoRole != DemoRole::Invalid)
            member.demoName = person.name;
        const QByteArray phone = person.phone.toLatin1();
        QByteArray phoneCipher;
        {
            const SodiumRandomHook::Scope reproducible(QByteArray(QByteArrayLiteral("phone:") + phone));
            phoneCipher = cipher.encrypt(phone);
        }
        const bool english = m_random.chance(0.1);
        const qint64 updatedAt
            = member.createdAtMs + qint64(m_random.below(quint64(m_time.nowMs() - member.createdAtMs) + 1));
        insert->bind(1, member.id.view());
        const HumanNumber memberNo = m_model.memberNo(i);
        insert->bind(2, memberNo.view());
        insert->bind(3, person.name);
        insert->bindBlob(4, phoneCipher);
        insert->bindBlob(5, cipher.lookupHash(phone));
        insert->bind(6, maskPhone(person.phone));
        insert->bind(7, int(person.gender));
        insert->bind(8, person.birthday.toString(Qt::ISODate));
        insert->bind(9, english ? "en" : "zh_CN");
        insert->bind(10, member.blocked ? "blocked" : "active");
        insert->bind(11, member.createdAtMs);
        insert->bind(12, updatedAt);
        insert->bindOptional(13, member.deleted, updatedAt);
        if (Status status = insert->execute(); !status)
            return status;
        m_model.members.push_back(member);
        m_progress.step(i + 1);
    }
    m_progress.end();
    return {};
}

CardInfo &MemberBuilder::addCard(int member, ProductRole role, CardPlan plan)
{
    return addCard(member, m_model.productIndex(role), plan);
}

CardInfo &MemberBuilder::addCard(int member, int product, CardPlan plan)
{
    CardInfo card;
    card.id = m_random.uuid();
    card.member = member;
    card.product = product;
    const ProductInfo &info = m_model.products[size_t(product)];
    card.kind = info.kind;
    placeCard(card, info, plan);
    m_model.cards.push_back(card);
    MemberInfo &owner = m_model.members[size_t(member)];
    if (owner.cardCount == 0)
        owner.firstCard = int(m_model.cards.size()) - 1;
    ++owner.cardCount;
    return m_model.cards.back();
}

// Dates, status and what is left on the card, for the plan. A card is never sold before its
// member registered.
void MemberBuilder::placeCard(CardInfo &card, const ProductInfo &product, CardPlan plan)
{
    const qint64 now = m_time.nowMs();
    const qint64 joined = m_model.members[size_t(card.member)].createdAtMs;
    const qint64 validMs = product.validDays * DayMs;
    const qint64 earliest = m_time.dayStart(joined) + DayMs; // first whole day as a member
    qint64 from = 0;
    card.status = CardStatus::Active;
    switch (plan) {
    case CardPlan::NotYetValid:
        from = m_time.todayStart() + m_random.between(1, 10) * DayMs;
        break;
    case CardPlan::Expired: {
        const qint64 to = m_time.dayStart(now - m_random.between(1, 400) * DayMs);
        from = std::max(earliest, to - (validMs > 0 ? validMs : 180 * DayMs));
        if (from + validMs < now && validMs > 0)
            card.status = CardStatus::Expired;
        break;
    }
    default: {
        const qint64 span = validMs > 0 ? validMs - DayMs : 400 * DayMs;
        from = std::max(earliest, m_time.dayStart(now - qint64(m_random.below(quint64(span) + 1))));
        from = std::min(from, m_time.todayStart());
        break;
    }
    }
    card.validFromMs = from;
    card.validToMs = validMs > 0 ? from + validMs : 0;
    card.createdAtMs = std::max(joined, from - qint64(m_random.below(quint64(2 * HourMs))));
    if (plan == CardPlan::NotYetValid)
        card.createdAtMs = now - qint64(m_random.below(quint64(3 * DayMs)));
    card.visitsLeft = product.visits > 0 ? int(m_random.between(1, product.visits)) : 0;
    card.balanceFen
        = product.valueFen > 0 ? m_random.between(product.perVisitPriceFen / 100, product.valueFen / 100) * 100 : 0;
    if (plan == CardPlan::UsedUp) {
        card.visitsLeft = 0;
        card.balanceFen = product.valueFen > 0 ? m_random.between(0, product.perVisitPriceFen / 100 - 1) * 100 : 0;
    }
    if (plan == CardPlan::Frozen && card.status == CardStatus::Active) {
        card.status = CardStatus::Frozen;
        card.frozenAtMs = std::max(card.validFromMs, now - m_random.between(1, 45) * DayMs);
    }
    if (plan == CardPlan::Cancelled)
        card.status = CardStatus::Cancelled;
    stampUpdate(card);
}

// When staff last touched the card: the sale, the freeze, the expiry run or the cancellation.
void MemberBuilder::stampUpdate(CardInfo &card)
{
    const qint64 now = m_time.nowMs();
    switch (card.status) {
    case CardStatus::Frozen:
        card.updatedAtMs = card.frozenAtMs;
        break;
    case CardStatus::Expired:
        card.updatedAtMs = std::min(now, card.validToMs + HourMs);
        break;
    case CardStatus::Cancelled:
        card.updatedAtMs
            = card.createdAtMs + qint64(m_random.below(quint64(std::max<qint64>(1, now - card.createdAtMs))));
        break;
    default:
        card.updatedAtMs = card.createdAtMs;
        break;
    }
    card.updatedAtMs = std::max(card.updatedAtMs, card.createdAtMs);
}

MemberBuilder::CardPlan MemberBuilder::randomPlan(bool current, CardKind kind)
{
    static constexpr std::array<int, 6> CurrentWeights = {84, 4, 6, 2, 2, 2};
    static constexpr std::array<int, 6> OlderWeights = {15, 1, 72, 10, 0, 2};
    static constexpr std::array Plans = {CardPlan::Active, CardPlan::Frozen, CardPlan::Expired, CardPlan::Cancelled,
        CardPlan::NotYetValid, CardPlan::UsedUp};
    CardPlan plan = Plans[size_t(m_random.weighted(current ? CurrentWeights : OlderWeights))];
    // A stored-value card has no end date: an old one is simply spent.
    if (plan == CardPlan::Expired && kind == CardKind::Value)
        plan = CardPlan::UsedUp;
    // Count and value cards run out more often than time cards are frozen.
    if (plan == CardPlan::Active && kind != CardKind::Time && m_random.chance(0.06))
        plan = CardPlan::UsedUp;
    return plan;
}

void MemberBuilder::planRandomCards(int member, int count)
{
    std::vector<int> weights;
    for (const ProductInfo &product : m_model.products)
        weights.push_back(product.weight);
    for (int j = 0; j < count; ++j) {
        const int product = m_random.weighted(weights);
        addCard(member, product, randomPlan(j == count - 1, m_model.products[size_t(product)].kind));
    }
}

void MemberBuilder::planDemoCards(int member, DemoRole role)
{
    switch (role) {
    case DemoRole::ActiveTime:
    case DemoRole::Blocked:
    case DemoRole::BookedNow:
        addCard(member, ProductRole::Yearly, CardPlan::Active);
        break;
    case DemoRole::CountCard:
        addCard(member, ProductRole::Count10, CardPlan::Active).visitsLeft = 6;
        break;
    case DemoRole::ValueCard:
        addCard(member, ProductRole::Value, CardPlan::Active).balanceFen = 57000;
        break;
    case DemoRole::FrozenCard:
        addCard(member, ProductRole::Monthly, CardPlan::Frozen);
        break;
    case DemoRole::ExpiredCard: {
        // Ran out five days ago, whatever the random plan would have picked.
        CardInfo &card = addCard(member, ProductRole::Quarterly, CardPlan::Expired);
        card.validToMs = m_time.todayStart() - 5 * DayMs;
        card.validFromMs = card.validToMs - 90 * DayMs;
        card.createdAtMs = card.validFromMs - HourMs;
        card.status = CardStatus::Expired;
        stampUpdate(card);
        break;
    }
    case DemoRole::NoVisits:
        addCard(member, ProductRole::Count10, CardPlan::UsedUp);
        break;
    case DemoRole::LowBalance:
        addCard(member, ProductRole::Value, CardPlan::UsedUp).balanceFen = 1200;
        break;
    case DemoRole::NotYetValid:
        addCard(member, ProductRole::Monthly, CardPlan::NotYetValid);
        break;
    case DemoRole::OffPeak:
        addCard(member, ProductRole::OffPeak, CardPlan::Active);
        break;
    case DemoRole::SwimOnly:
        addCard(member, ProductRole::Swim, CardPlan::Active).visitsLeft = 12;
        break;
    case DemoRole::PoolLimit:
        addCard(member, ProductRole::Swim, CardPlan::Active).visitsLeft = 15;
        break;
    default:
        addCard(member, ProductRole::Monthly, CardPlan::Active);
        break;
    }
}

Status MemberBuilder::insertCard(CardStatements &statements, qint64 index)
{
    const CardInfo &card = m_model.cards[size_t(index)];
    const ProductInfo &product = m_model.products[size_t(card.product)];
    const MemberInfo &member = m_model.members[size_t(card.member)];
    SqlStatement &row = statements.card;
    row.bind(1, card.id.view());
    const HumanNumber cardNo = m_model.cardNo(int(index));
    row.bind(2, cardNo.view());
    row.bind(3, member.id.view());
    row.bind(4, product.id.view());
    row.bind(5, product.name);
    row.bind(6, cardKindName(card.kind));
    row.bind(7, cardStatusName(card.status));
    row.bind(8, card.validFromMs);
    row.bind(9, card.validToMs);
    row.bind(10, card.visitsLeft);
    row.bind(11, card.balanceFen);
    row.bind(12, product.perVisitPriceFen);
    row.bind(13, jsonView(product.windowsJson));
    row.bind(14, jsonView(product.zonesJson));
    row.bindOptional(15, card.frozenAtMs != 0, card.frozenAtMs);
    row.bind(16, card.createdAtMs);
    row.bind(17, card.updatedAtMs);
    if (Status status = row.execute(); !status)
        return status;

    SqlStatement &sale = statements.sale;
    const Uuid saleId = m_random.uuid();
    const HumanNumber receiptNo = m_model.receiptNo(m_model.saleRows++);
    sale.bind(1, saleId.view());
    sale.bind(2, receiptNo.view());
    sale.bind(3, member.id.view());
    sale.bind(4, card.id.view());
    sale.bind(5, product.id.view());
    sale.bind(6, product.priceFen);
    sale.bind(7, paymentMethod(m_random));
    sale.bind(8, card.createdAtMs);
    return sale.execute();
}

Status MemberBuilder::writeCards(sqlite3 *db)
{
    const int members = int(m_model.members.size());
    const int demoMembers = std::min(members, DemoMemberCount);
    for (int i = 0; i < demoMembers; ++i)
        planDemoCards(i, m_model.members[size_t(i)].demoRole);
    // The rest of the cards spread over everyone else: each gets the whole part of the
    // average, and a random selection of exactly the right size gets one more.
    const qint64 remaining = std::max<qint64>(0, m_options.targetCards() - qint64(m_model.cards.size()));
    qint64 others = members - demoMembers;
    const qint64 base = others > 0 ? remaining / others : 0;
    qint64 extra = others > 0 ? remaining % others : 0;
    for (int i = demoMembers; i < members; ++i, --others) {
        const bool more = qint64(m_random.below(quint64(others))) < extra;
        extra -= more ? 1 : 0;
        planRandomCards(i, int(base) + (more ? 1 : 0));
    }

    auto card = SqlStatement::prepare(db,
        "INSERT INTO member_card (id, card_no, member_id, product_id, name, kind, status, valid_from, valid_to, "
        "visits_left, balance_fen, per_visit_price_fen, time_windows, zones, frozen_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto sale = SqlStatement::prepare(db,
        "INSERT INTO sale (id, receipt_no, member_id, card_id, product_id, kind, amount_fen, payment_method, note, "
        "created_at) VALUES (?, ?, ?, ?, ?, 'sale', ?, ?, '', ?)");
    if (!card)
        return std::unexpected(card.error());
    if (!sale)
        return std::unexpected(sale.error());
    CardStatements statements {std::move(*card), std::move(*sale)};
    const qint64 total = qint64(m_model.cards.size());
    m_progress.begin(QCoreApplication::translate("Datagen", "cards"), total);
    for (qint64 i = 0; i < total; ++i) {
        if (Status status = insertCard(statements, i); !status)
            return status;
        m_progress.step(i + 1);
    }
    m_progress.end();
    return {};
}

std::vector<MemberBuilder::Credential> MemberBuilder::planCredentials()
{
    std::vector<Credential> plan;
    const qint64 now = m_time.nowMs();
    for (int i = 0; i < int(m_model.members.size()); ++i) {
        const MemberInfo &member = m_model.members[size_t(i)];
        // A deleted member's code is revoked with the account; the demo keeps one live to
        // show the member check.
        if (member.deleted && member.demoRole != DemoRole::Deleted)
            continue;
        const bool reissued = member.demoRole == DemoRole::RevokedCode
            || (member.demoRole == DemoRole::Invalid && m_random.chance(0.01));
        qint64 issuedAt = member.createdAtMs + 5 * MinuteMs;
        if (reissued) {
            const qint64 revokedAt = member.demoRole == DemoRole::RevokedCode
                ? now - 2 * DayMs
                : issuedAt + qint64(m_random.below(quint64(std::max<qint64>(1, now - issuedAt))));
            plan.push_back({i, issuedAt, revokedAt});
            issuedAt = revokedAt;
        }
        plan.push_back({i, issuedAt, 0});
    }
    return plan;
}

Status MemberBuilder::writeCredentials(sqlite3 *db, const SigningKey &key, qint64 keyCreatedAtMs)
{
    auto trusted
        = SqlStatement::prepare(db, "INSERT INTO trusted_key (kid, public_key, owner, created_at) VALUES (?, ?, ?, ?)");
    auto insert = SqlStatement::prepare(db,
        "INSERT INTO credential (id, member_id, card_id, type, kid, code, issued_at, expires_at, revoked_at) "
        "VALUES (?, ?, NULL, 'card', ?, ?, ?, 0, ?)");
    if (!trusted)
        return std::unexpected(trusted.error());
    if (!insert)
        return std::unexpected(insert.error());
    trusted->bind(1, key.keyId());
    trusted->bindBlob(2, key.publicKey());
    trusted->bind(3, m_model.deviceId.view());
    trusted->bind(4, keyCreatedAtMs);
    if (Status status = trusted->execute(); !status)
        return status;

    const std::vector<Credential> plan = planCredentials();
    ManualClock clock;
    const CredentialIssuer issuer(key, clock);
    m_progress.begin(QCoreApplication::translate("Datagen", "member codes"), qint64(plan.size()));
    for (size_t i = 0; i < plan.size(); ++i) {
        const Credential &credential = plan[i];
        MemberInfo &member = m_model.members[size_t(credential.member)];
        const QString memberId = member.id.toString();
        clock.setNowMs(credential.issuedAtMs);
        Result<std::pair<QString, CredentialPayload>> issued = [&] {
            const SodiumRandomHook::Scope reproducible(QByteArray(
                QByteArrayLiteral("credential:") + memberId.toLatin1() + ':' + QByteArray::number(qulonglong(i))));
            return issuer.issue(CredentialType::Card, memberId, QString(), 0);
        }();
        if (!issued)
            return std::unexpected(issued.error());
        const QByteArray id = issued->second.nonce.toHex();
        insert->bind(1, std::string_view(id.constData(), size_t(id.size())));
        insert->bind(2, member.id.view());
        insert->bind(3, key.keyId());
        insert->bind(4, issued->first);
        insert->bind(5, issued->second.issuedAtMs);
        insert->bindOptional(6, credential.revokedAtMs != 0, credential.revokedAtMs);
        if (Status status = insert->execute(); !status)
            return status;
        if (credential.revokedAtMs == 0) {
            std::copy_n(id.constData(), member.credentialId.size(), member.credentialId.begin());
            member.hasCredential = true;
            if (member.demoRole != DemoRole::Invalid)
                m_liveCodes.insert(credential.member, issued->first);
        } else if (member.demoRole != DemoRole::Invalid) {
            m_revokedCodes.insert(credential.member, issued->first);
        }
        ++m_model.credentialRows;
        m_progress.step(qint64(i) + 1);
    }
    m_progress.end();
    return {};
}

} // namespace gymgate
