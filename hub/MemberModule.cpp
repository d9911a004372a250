#include "MemberModule.h"

#include "core/FieldCipher.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>

#include "ChangeLog.h"
#include "HubAuth.h"
#include "HubDatabase.h"
#include "HubOptions.h"
#include "HubRouter.h"
#include "HubSettings.h"
#include "HubSql.h"
#include "MemberFields.h"
#include "MemberRecords.h"
#include "SmsSender.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MemberModule)
};

const QStringList kStaffOrMember {role::Admin, role::Staff, role::Member};

QString phoneHashOf(const FieldCipher &cipher, const QString &phone)
{
    return QString::fromLatin1(cipher.lookupHash(phone.toLatin1()).toBase64());
}

// Keyed with the chain's field key, so a copy of the table alone does not give the codes away.
QString smsCodeHash(const FieldCipher &cipher, const QString &phoneHash, const QString &code)
{
    return QString::fromLatin1(
        cipher.lookupHash(QStringLiteral("sms:%1:%2").arg(phoneHash, code).toLatin1()).toBase64());
}

bool isSmsCodeShape(const QString &code)
{
    return code.size() == MemberModule::kSmsCodeDigits
        && std::all_of(code.cbegin(), code.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

HubResponse rateLimited(const QString &message)
{
    return HubResponse::error(429, QStringLiteral("rate_limited"), message, QStringLiteral("phone"));
}

HubResponse smsUnavailable()
{
    return HubResponse::error(503, QStringLiteral("sms_unavailable"),
        Text::tr("This hub cannot send text messages; sign in at the front desk."), QStringLiteral("phone"));
}

HubResponse memberBlocked()
{
    return HubResponse::error(403, QStringLiteral("member_blocked"),
        Text::tr("This membership is blocked; please see the front desk."), QStringLiteral("phone"));
}

qint64 monotonicMs()
{
    return QDeadlineTimer::current().deadline();
}

struct SmsWindow {
    qint64 createdAtMs = 0;
    qint64 windowStartMs = 0;
    int windowCount = 0;
};

Result<std::optional<SmsWindow>> smsWindow(const QSqlDatabase &db, const QString &phoneHash)
{
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT created_at, window_start, window_count FROM member_sms_code WHERE phone_hash = ?"),
        {phoneHash});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<SmsWindow> {};
    return std::optional<SmsWindow> {
        SmsWindow {query->value(0).toLongLong(), query->value(1).toLongLong(), query->value(2).toInt()}};
}

// Who registers: a member with an SMS code (null principal), or front-desk staff by token.
AuthResult<std::optional<HubPrincipal>> registrar(HubAuth &auth, const HubRequest &request, bool hasSmsCode)
{
    if (hasSmsCode)
        return std::optional<HubPrincipal> {};
    AuthResult<HubPrincipal> principal = auth.requireAuth(request);
    if (!principal)
        return std::unexpected(principal.error());
    if (!role::FrontDesk.contains(principal->role))
        return std::unexpected(HubResponse::error(403, QStringLiteral("permission_denied"),
            Text::tr("Only front-desk staff may register a member without an SMS code."), QStringLiteral("smsCode")));
    return std::optional<HubPrincipal> {*principal};
}

// tenantId and storeId as the seed sends them: numbers of its own schema, accepted and
// ignored (a hub serves one chain), or storeId as the id of one of our sites.
Result<QString> storeSiteId(HubDatabase &database, const HubRequest &request)
{
    if (Result<qint64> tenant = request.optionalInteger(QStringLiteral("tenantId"), 0, 0, qint64(1) << 53); !tenant)
        return std::unexpected(tenant.error());
    const QJsonValue store = request.json.toObject().value(QStringLiteral("storeId"));
    if (store.isUndefined() || store.isNull())
        return QString();
    if (!store.isString()) {
        if (Result<qint64> number = request.optionalInteger(QStringLiteral("storeId"), 0, 0, qint64(1) << 53); !number)
            return std::unexpected(number.error());
        return QString();
    }
    const Result<std::optional<QVariant>> site = sql::scalar(database.database(),
        QStringLiteral("SELECT id FROM site WHERE id = ? AND deleted_at IS NULL"), {store.toString()});
    if (!site)
        return std::unexpected(site.error());
    if (!*site)
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"storeId\" names no known store."),
            QStringLiteral("storeId"));
    return store.toString();
}

// Two registrations of one phone racing past the duplicate check: the unique index refuses the
// second insert, which is then told apart from a real storage failure.
bool phoneTaken(HubDatabase &database, const QString &phoneHash)
{
    const Result<std::optional<QVariant>> taken
        = sql::scalar(database.database(), QStringLiteral("SELECT id FROM member WHERE phone_hash = ?"), {phoneHash});
    return taken && taken->has_value();
}

QJsonObject tokenJson(const IssuedToken &token)
{
    return QJsonObject {
        {QStringLiteral("token"), token.token}, {QStringLiteral("expiresAt"), token.expiresAt.toString(Qt::ISODate)}};
}

} // namespace

MemberModule::MemberModule(const HubContext &context)
    : HubModule(context), m_sms(makeSmsSender(context.options ? context.options->smsOutboxFile : QString()))
{ }

MemberModule::~MemberModule() = default;

void MemberModule::registerRoutes(HubRouter &router)
{
    const auto bind = [this](HubResponse (MemberModule::*handler)(const HubRequest &)) {
        return [this, handler](const HubRequest &request) {
            return (this->*handler)(request);
        };
    };
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/members/sms-code"),
        QStringLiteral("Send a sign-in code to {phone} (5 min, rate limited)"), bind(&MemberModule::sendSmsCode));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/members/login"),
        QStringLiteral("Member login {phone, smsCode}: a member token and the member"), bind(&MemberModule::login));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/members/register"),
        QStringLiteral("Register a member: public with smsCode (returns a token), or front desk without"),
        bind(&MemberModule::registerMember));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/members/me"), QStringLiteral("The member of the token"),
        {role::Member}, bind(&MemberModule::me));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/members/me"),
        QStringLiteral("Update the profile of the token's member"), {role::Member}, [this](const HubRequest &request) {
            HubRequest own = request;
            own.pathParams.insert(QStringLiteral("memberId"), request.principal.memberId);
            return updateMember(own);
        });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/members"),
        QStringLiteral("Search members by phone, memberNo or name prefix (paged)"), role::FrontDesk,
        bind(&MemberModule::listMembers));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/members/{memberId}"),
        QStringLiteral("One member (front desk, or the member)"), kStaffOrMember, bind(&MemberModule::getMember));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/members/{memberId}"),
        QStringLiteral("Update a member's profile (front desk, or the member)"), kStaffOrMember,
        bind(&MemberModule::updateMember));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/members/{memberId}/cards"),
        QStringLiteral("A member's cards (front desk, or the member)"), kStaffOrMember,
        bind(&MemberModule::memberCards));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/card-products"),
        QStringLiteral("Card products on sale (admins may add ?includeInactive=1)"), role::Anyone,
        bind(&MemberModule::listProducts));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/card-products"), QStringLiteral("Create a card product"),
        role::AdminOnly, [this](const HubRequest &request) { return saveProduct(request, true); });
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/card-products/{productId}"),
        QStringLiteral("Replace a card product"), role::AdminOnly,
        [this](const HubRequest &request) { return saveProduct(request, false); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/member-cards/purchase"),
        QStringLiteral("Sell a member card: the card and its sale in one transaction"), role::FrontDesk,
        bind(&MemberModule::purchaseCard));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/checkins/qrcode"),
        QStringLiteral("Check a member in with a GG1 code (or a legacy number when enabled)"), role::DeskOrDevice,
        bind(&MemberModule::checkIn));
}

std::optional<HubResponse> refuseOtherMember(const HubRequest &request, const QString &memberId)
{
    if (request.principal.kind != PrincipalKind::Member || request.principal.memberId == memberId)
        return std::nullopt;
    return HubResponse::error(403, QStringLiteral("permission_denied"),
        Text::tr("A member may only see and change their own record."), QStringLiteral("memberId"));
}

// ---- SMS codes -------------------------------------------------------------------------------

bool MemberModule::addressRateLimited(const QString &remoteAddress)
{
    const qint64 now = monotonicMs();
    if (m_smsRequests.size() > 10000) { // forget addresses that went quiet, so the table stays small
        for (auto it = m_smsRequests.begin(); it != m_smsRequests.end();)
            it = it->empty() || now - it->back() > kSmsAddressWindowMs ? m_smsRequests.erase(it) : std::next(it);
    }
    std::deque<qint64> &requests = m_smsRequests[remoteAddress];
    while (!requests.empty() && now - requests.front() > kSmsAddressWindowMs)
        requests.pop_front();
    if (std::ssize(requests) >= kSmsPerAddressWindow)
        return true;
    requests.push_back(now);
    return false;
}

HubResponse MemberModule::sendSmsCode(const HubRequest &request)
{
    if (Status status = request.requireObject({QStringLiteral("phone")}); !status)
        return HubResponse::fromError(status.error());
    const Result<QString> phone = members::requirePhone(request);
    if (!phone)
        return HubResponse::fromError(phone.error());
    if (!m_sms)
        return smsUnavailable();
    if (addressRateLimited(request.remoteAddress))
        return rateLimited(Text::tr("Too many codes were asked for from this address; wait a few minutes."));
    const Result<FieldCipher> cipher = HubSettings(database()).fieldCipher();
    if (!cipher)
        return HubResponse::fromError(cipher.error());
    const QString phoneHash = phoneHashOf(*cipher, *phone);
    const QString code
        = QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), kSmsCodeDigits, 10, QLatin1Char('0'));
    const qint64 nowMs = sql::nowMs();
    std::optional<HubResponse> refusal;
    const Status sent = database().transaction([&]() -> Status {
        const Result<std::optional<SmsWindow>> window = smsWindow(database().database(), phoneHash);
        if (!window)
            return std::unexpected(window.error());
        SmsWindow next {nowMs, nowMs, 1};
        if (*window && nowMs - (*window)->createdAtMs < kSmsResendMs) {
            refusal = rateLimited(Text::tr("A code was sent to this phone less than a minute ago."));
            return fail(ErrorCode::Conflict, QStringLiteral("sms resend"));
        }
        if (*window && nowMs - (*window)->windowStartMs < 60 * 60 * 1000) {
            if ((*window)->windowCount >= kSmsCodesPerHour) {
                refusal = rateLimited(Text::tr("Too many codes were sent to this phone; try again in an hour."));
                return fail(ErrorCode::Conflict, QStringLiteral("sms hourly"));
            }
            next = SmsWindow {nowMs, (*window)->windowStartMs, (*window)->windowCount + 1};
        }
        const Result<QSqlQuery> stored = sql::exec(database().database(),
            QStringLiteral("INSERT INTO member_sms_code (phone_hash, code_hash, created_at, expires_at, attempts, "
                           "window_start, window_count) VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (phone_hash) DO "
                           "UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at, "
                           "expires_at = excluded.expires_at, attempts = 0, window_start = excluded.window_start, "
                           "window_count = excluded.window_count"),
            {phoneHash, smsCodeHash(*cipher, phoneHash, code), nowMs, nowMs + kSmsCodeLifetimeMs, next.windowStartMs,
                qint64(next.windowCount)});
        if (!stored)
            return std::unexpected(stored.error());
        // Sent inside the transaction: a code that could not be handed over is not kept.
        if (Status handed = m_sms->sendCode(*phone, code, nowMs); !handed) {
            logWarning(QStringLiteral("hub: SMS code not sent: %1").arg(handed.error().message));
            refusal = smsUnavailable();
            return handed;
        }
        return {};
    });
    if (refusal)
        return *refusal;
    if (!sent)
        return HubResponse::fromError(sent.error());
    return HubResponse::ok(QJsonObject {{QStringLiteral("expiresAt"), nowMs + kSmsCodeLifetimeMs},
        {QStringLiteral("expiresInSeconds"), kSmsCodeLifetimeMs / 1000},
        {QStringLiteral("resendAfterSeconds"), kSmsResendMs / 1000}});
}

Result<QString> MemberModule::checkSmsCode(const FieldCipher &cipher, const QString &phoneHash, const QString &code)
{
    const auto wrong = [] {
        return fail(ErrorCode::InvalidArgument, Text::tr("The SMS code is wrong or has expired; ask for a new one."),
            QStringLiteral("smsCode"));
    };
    if (!isSmsCodeShape(code))
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The field \"smsCode\" must be 6 digits."), QStringLiteral("smsCode"));
    Result<QSqlQuery> query = sql::exec(database().database(),
        QStringLiteral("SELECT code_hash, expires_at, attempts FROM member_sms_code WHERE phone_hash = ?"),
        {phoneHash});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next() || query->value(1).toLongLong() <= sql::nowMs() || query->value(2).toInt() >= kSmsMaxAttempts)
        return wrong();
    const QString storedHash = query->value(0).toString();
    if (storedHash == smsCodeHash(cipher, phoneHash, code))
        return storedHash;
    // Counted outside any transaction so a refused request still uses up a guess.
    const Result<QSqlQuery> counted = sql::exec(database().database(),
        QStringLiteral("UPDATE member_sms_code SET attempts = attempts + 1 WHERE phone_hash = ?"), {phoneHash});
    if (!counted)
        return std::unexpected(counted.error());
    return wrong();
}

Status MemberModule::consumeSmsCode(const QString &phoneHash, const QString &codeHash)
{
    Result<QSqlQuery> deleted = sql::exec(database().database(),
        QStringLiteral("DELETE FROM member_sms_code WHERE phone_hash = ? AND code_hash = ?"), {phoneHash, codeHash});
    if (!deleted)
        return std::unexpected(deleted.error());
    // Two requests racing with one code: only the first one's delete finds it.
    if (deleted->numRowsAffected() != 1)
        return fail(ErrorCode::InvalidArgument, Text::tr("The SMS code was used already; ask for a new one."),
            QStringLiteral("smsCode"));
    return {};
}

HubResponse MemberModule::login(const HubRequest &request)
{
    if (Status status = request.requireObject({QStringLiteral("phone"), QStringLiteral("smsCode")}); !status)
        return HubResponse::fromError(status.error());
    const Result<QString> phone = members::requirePhone(request);
    if (!phone)
        return HubResponse::fromError(phone.error());
    const Result<QString> code = request.requireString(QStringLiteral("smsCode"), 10);
    if (!code)
        return HubResponse::fromError(code.error());
    const Result<FieldCipher> cipher = HubSettings(database()).fieldCipher();
    if (!cipher)
        return HubResponse::fromError(cipher.error());
    const QString phoneHash = phoneHashOf(*cipher, *phone);
    const Result<QString> codeHash = checkSmsCode(*cipher, phoneHash, *code);
    if (!codeHash)
        return HubResponse::fromError(codeHash.error());
    const Result<std::optional<HubMember>> member
        = members::findMember(database().database(), MemberKey::PhoneHash, phoneHash);
    if (!member)
        return HubResponse::fromError(member.error());
    // The code stays good, so the app can go on to register with it.
    if (!*member)
        return HubResponse::error(404, QStringLiteral("not_found"),
            Text::tr("No member has this phone number; register first."), QStringLiteral("phone"));
    if ((*member)->member.status == MemberStatus::Blocked)
        return memberBlocked();
    if (Status consumed = database().transaction([&] { return consumeSmsCode(phoneHash, *codeHash); }); !consumed)
        return HubResponse::fromError(consumed.error());
    const Result<IssuedToken> token = auth().issueMemberToken((*member)->member.id);
    if (!token)
        return HubResponse::fromError(token.error());
    QJsonObject data = tokenJson(*token);
    data.insert(QStringLiteral("member"), members::memberApiJson(**member));
    return HubResponse::ok(data);
}

HubResponse MemberModule::registerMember(const HubRequest &request)
{
    if (Status status = request.requireObject(
            {QStringLiteral("tenantId"), QStringLiteral("storeId"), QStringLiteral("phone"), QStringLiteral("smsCode"),
                QStringLiteral("name"), QStringLiteral("gender"), QStringLiteral("birthday"), QStringLiteral("height"),
                QStringLiteral("weight"), QStringLiteral("fitnessGoal"), QStringLiteral("preferredLanguage")});
        !status)
        return HubResponse::fromError(status.error());
    const QJsonValue smsValue = request.json.toObject().value(QStringLiteral("smsCode"));
    const bool selfService = !smsValue.isUndefined() && !smsValue.isNull();
    const AuthResult<std::optional<HubPrincipal>> staff = registrar(auth(), request, selfService);
    if (!staff)
        return staff.error();
    const Result<QString> phone = members::requirePhone(request);
    if (!phone)
        return HubResponse::fromError(phone.error());
    const Result<QString> smsCode
        = selfService ? request.requireString(QStringLiteral("smsCode"), 10) : Result<QString>(QString());
    if (!smsCode)
        return HubResponse::fromError(smsCode.error());
    if (Result<QString> name = request.requireString(QStringLiteral("name"), members::kMemberNameMaxLength); !name)
        return HubResponse::fromError(name.error());
    HubMember row;
    row.member.preferredLanguage = QStringLiteral("zh_CN");
    const Result<QStringList> written = members::applyProfileFields(request, row);
    if (!written)
        return HubResponse::fromError(written.error());
    const Result<QString> siteId = storeSiteId(database(), request);
    if (!siteId)
        return HubResponse::fromError(siteId.error());
    row.siteId = !siteId->isEmpty() ? *siteId : *staff ? (*staff)->siteId : QString();

    const Result<FieldCipher> cipher = HubSettings(database()).fieldCipher();
    if (!cipher)
        return HubResponse::fromError(cipher.error());
    const QString phoneHash = phoneHashOf(*cipher, *phone);
    QString codeHash;
    if (selfService) {
        const Result<QString> checked = checkSmsCode(*cipher, phoneHash, *smsCode);
        if (!checked)
            return HubResponse::fromError(checked.error());
        codeHash = *checked;
    }
    const qint64 nowMs = sql::nowMs();
    row.member.id = sql::newId();
    row.member.phoneCipher = cipher->encrypt(phone->toLatin1());
    row.member.phoneHash = cipher->lookupHash(phone->toLatin1());
    row.member.phoneMask = maskPhone(*phone);
    row.member.status = MemberStatus::Active;
    row.member.createdAtMs = nowMs;
    row.member.updatedAtMs = nowMs;
    for (const QString &field : *written)
        row.fieldStamps.insert(field, nowMs);

    const Status registered = database().transaction([&]() -> Status {
        // Deleted members keep their phone_hash (the index is unique over every row).
        const Result<std::optional<QVariant>> taken = sql::scalar(
            database().database(), QStringLiteral("SELECT id FROM member WHERE phone_hash = ?"), {phoneHash});
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return fail(ErrorCode::AlreadyExists, Text::tr("A member with this phone number exists already."),
                QStringLiteral("phone"));
        const Result<QString> memberNo
            = members::nextNumber(database(), u'M', 7, QStringLiteral("member"), QStringLiteral("member_no"));
        if (!memberNo)
            return std::unexpected(memberNo.error());
        row.member.memberNo = *memberNo;
        if (Status inserted = members::insertMember(database().database(), row); !inserted)
            return inserted;
        if (selfService) {
            if (Status consumed = consumeSmsCode(phoneHash, codeHash); !consumed)
                return consumed;
        }
        return publishMember(row);
    });
    if (!registered && registered.error().code == ErrorCode::Storage && phoneTaken(database(), phoneHash))
        return HubResponse::fromError(Error {ErrorCode::AlreadyExists,
            Text::tr("A member with this phone number exists already."), QStringLiteral("phone")});
    if (!registered)
        return HubResponse::fromError(registered.error());
    QJsonObject data = members::memberApiJson(row);
    if (selfService) {
        const Result<IssuedToken> token = auth().issueMemberToken(row.member.id);
        if (!token)
            return HubResponse::fromError(token.error());
        data.insert(QStringLiteral("token"), token->token);
        data.insert(QStringLiteral("expiresAt"), token->expiresAt.toString(Qt::ISODate));
    }
    return HubResponse::ok(data);
}

Status MemberModule::publishMember(const HubMember &row)
{
    return ChangeLog(database())
        .record(entity::Member, row.member.id, ChangeOp::Upsert, members::memberEntityJson(row));
}

} // namespace gymgate::hub
