#include "DeviceModule.h"

#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/Logging.h"
#include "core/PasswordHash.h"
#include "core/SigningKey.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>

#include "ChangeLog.h"
#include "HubAuth.h"
#include "HubDatabase.h"
#include "HubKeys.h"
#include "HubRouter.h"
#include "HubSettings.h"
#include "HubSql.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(DeviceModule)
};

const QString kGet = QStringLiteral("GET");
const QString kPost = QStringLiteral("POST");
const QString kPut = QStringLiteral("PUT");
const QString kDefaultTimezone = QStringLiteral("Asia/Shanghai");
// Who may read the site list: any staff account and every enrolled device.
const QStringList kStaffOrDevice {role::Admin, role::Staff, role::Technician, role::Guest, role::Device};
const QStringList kEntryTokenRoles {role::Admin, role::Staff, role::Member};
const QStringList kDeviceKinds {QStringLiteral("desk"), QStringLiteral("kiosk"), QStringLiteral("controller")};
// No 0/O, 1/I/L: the code is read off a screen and typed on another.
const QString kCodeAlphabet = QStringLiteral("23456789ABCDEFGHJKMNPQRSTUVWXYZ");
constexpr int kCodeGroups = 4;
constexpr int kCodeGroupLength = 4;

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue optionalMs(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toLongLong());
}

HubResponse tooManyAttempts()
{
    return HubResponse::error(
        429, QStringLiteral("rate_limited"), Text::tr("Too many attempts; wait a minute and try again."));
}

HubResponse invalidEnrollmentCode()
{
    // One answer for unknown, used and expired codes, so codes cannot be probed.
    return HubResponse::error(401, QStringLiteral("invalid_enrollment_code"),
        Text::tr("The enrollment code is unknown, used or expired."), QStringLiteral("code"));
}

HubResponse invalidDeviceCredentials()
{
    return HubResponse::error(401, QStringLiteral("invalid_device_credentials"),
        Text::tr("Unknown or revoked device, or wrong device secret."));
}

// Routes without a body accept none, or an empty object; anything else is refused by name.
Status requireNoBody(const HubRequest &request)
{
    if (request.json.isUndefined() || request.json.isNull()) // no body at all
        return {};
    return request.requireObject({});
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return bytes;
}

qint64 monotonicMs()
{
    return QDeadlineTimer::current().deadline();
}

// ---- sites ----------------------------------------------------------------------------------

struct Site {
    QString id;
    QString name;
    QString number;
    QString timezone;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

QJsonObject siteJson(const Site &site)
{
    return QJsonObject {{QStringLiteral("id"), site.id}, {QStringLiteral("name"), site.name},
        {QStringLiteral("number"), site.number}, {QStringLiteral("timezone"), site.timezone},
        {QStringLiteral("createdAt"), site.createdAtMs}, {QStringLiteral("updatedAt"), site.updatedAtMs}};
}

const QString kSiteSelect
    = QStringLiteral("SELECT id, name, number, timezone, created_at, updated_at FROM site WHERE deleted_at IS NULL");

Site readSite(const QSqlQuery &query)
{
    return Site {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
        query.value(3).toString(), query.value(4).toLongLong(), query.value(5).toLongLong()};
}

Result<std::optional<Site>> siteById(const HubDatabase &database, const QString &id)
{
    Result<QSqlQuery> query = sql::exec(database.database(), kSiteSelect + QStringLiteral(" AND id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<Site> {};
    return std::optional<Site> {readSite(*query)};
}

Error siteNotFound(const QString &id)
{
    return Error {ErrorCode::NotFound, Text::tr("No site %1.").arg(id), QStringLiteral("siteId")};
}

Status checkSiteNumber(const QString &number)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,8}$"));
    if (!digits.match(number).hasMatch())
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"number\" must be 1 to 8 digits."),
            QStringLiteral("number"));
    return {};
}

Status checkTimezone(const QString &timezone)
{
    if (!QTimeZone::isTimeZoneIdAvailable(timezone.toUtf8()))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"timezone\" must be an IANA time zone such as Asia/Shanghai."),
            QStringLiteral("timezone"));
    return {};
}

// Another live site with this number: 409 naming the field.
Status checkNumberFree(const HubDatabase &database, const QString &number, const QString &exceptSiteId)
{
    const Result<std::optional<QVariant>> taken = sql::scalar(database.database(),
        QStringLiteral("SELECT id FROM site WHERE number = ? AND id <> ?"), {number, exceptSiteId});
    if (!taken)
        return std::unexpected(taken.error());
    if (*taken)
        return fail(ErrorCode::AlreadyExists, Text::tr("Another site has the number %1.").arg(number),
            QStringLiteral("number"));
    return {};
}

Status publishSite(HubDatabase &database, const Site &site)
{
    return ChangeLog(database).record(entity::Site, site.id, ChangeOp::Upsert, siteJson(site));
}

// ---- enrollment and devices ----------------------------------------------------------------

QString newEnrollmentCode()
{
    QString code;
    for (int group = 0; group < kCodeGroups; ++group) {
        if (group > 0)
            code += QLatin1Char('-');
        for (int i = 0; i < kCodeGroupLength; ++i)
            code += kCodeAlphabet.at(QRandomGenerator::system()->bounded(int(kCodeAlphabet.size())));
    }
    return code;
}

// What people type: any case, with or without dashes and spaces.
QString codeHash(const QString &code)
{
    QString normalized;
    for (const QChar c : code) {
        if (c.isLetterOrNumber())
            normalized += c.toUpper();
    }
    return QString::fromLatin1(QCryptographicHash::hash(normalized.toUtf8(), QCryptographicHash::Sha256).toHex());
}

struct EnrollmentCode {
    QString id;
    QString siteId;
    QString deviceName;
};

// The unused, unexpired code with this hash, if any.
Result<std::optional<EnrollmentCode>> usableCode(const HubDatabase &database, const QString &hash)
{
    Result<QSqlQuery> query = sql::exec(database.database(),
        QStringLiteral("SELECT id, site_id, device_name FROM hub_enrollment_code "
                       "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?"),
        {hash, sql::nowMs()});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<EnrollmentCode> {};
    return std::optional<EnrollmentCode> {
        EnrollmentCode {query->value(0).toString(), query->value(1).toString(), query->value(2).toString()}};
}

struct DeviceKey {
    QString kid;
    QByteArray publicKey;
};

// signingPublicKey and signingKid come together; a desk must send them (it prints cards).
Result<std::optional<DeviceKey>> readDeviceKey(const HubRequest &request, const QString &kind)
{
    const QJsonObject body = request.json.toObject();
    const bool hasKey = body.contains(QStringLiteral("signingPublicKey"));
    const bool hasKid = body.contains(QStringLiteral("signingKid"));
    if (!hasKey && !hasKid && kind != QLatin1String("desk"))
        return std::optional<DeviceKey> {};
    const Result<QString> publicKey = request.requireString(QStringLiteral("signingPublicKey"), 100);
    if (!publicKey)
        return std::unexpected(publicKey.error());
    const auto decoded = QByteArray::fromBase64Encoding(publicKey->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != SigningKey::PublicKeyBytes)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"signingPublicKey\" must be the base64 of a 32-byte Ed25519 public key."),
            QStringLiteral("signingPublicKey"));
    const Result<QString> kid = request.requireString(QStringLiteral("signingKid"), 16);
    if (!kid)
        return std::unexpected(kid.error());
    if (!SigningKey::isValidKeyId(*kid))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"signingKid\" must be 1 to 16 characters of A-Z, a-z, 0-9, _ and -."),
            QStringLiteral("signingKid"));
    return std::optional<DeviceKey> {DeviceKey {*kid, decoded.decoded}};
}

const QString kDeviceSelect = QStringLiteral(
    "SELECT id, site_id, name, kind, signing_kid, enrolled_at, last_seen_at, revoked_at FROM hub_device");

QJsonObject deviceJson(const QSqlQuery &query)
{
    return QJsonObject {{QStringLiteral("id"), query.value(0).toString()},
        {QStringLiteral("siteId"), query.value(1).toString()}, {QStringLiteral("name"), query.value(2).toString()},
        {QStringLiteral("kind"), query.value(3).toString()},
        {QStringLiteral("signingKid"), query.value(4).isNull() ? QJsonValue() : QJsonValue(query.value(4).toString())},
        {QStringLiteral("enrolledAt"), query.value(5).toLongLong()},
        {QStringLiteral("lastSeenAt"), optionalMs(query.value(6))},
        {QStringLiteral("revokedAt"), optionalMs(query.value(7))}};
}

Result<std::optional<QJsonObject>> deviceById(const HubDatabase &database, const QString &id)
{
    Result<QSqlQuery> query = sql::exec(database.database(), kDeviceSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<QJsonObject> {};
    return std::optional<QJsonObject> {deviceJson(*query)};
}

Result<QJsonArray> trustedKeysJson(HubKeys &keys)
{
    const Result<QList<TrustedKey>> list = keys.trustedKeys();
    if (!list)
        return std::unexpected(list.error());
    QJsonArray items;
    for (const TrustedKey &key : *list)
        items.append(trustedKeyJson(key));
    return items;
}

QJsonObject tokenJson(const IssuedToken &token)
{
    return QJsonObject {
        {QStringLiteral("token"), token.token}, {QStringLiteral("expiresAt"), token.expiresAt.toString(Qt::ISODate)}};
}

} // namespace

bool DeviceModule::rateLimited(const QString &endpoint, const QString &remoteAddress)
{
    const qint64 now = monotonicMs();
    if (m_attempts.size() > 10000) { // forget addresses that went quiet, so the table stays small
        for (auto it = m_attempts.begin(); it != m_attempts.end();)
            it = it->empty() || now - it->back() > kWindowMs ? m_attempts.erase(it) : std::next(it);
    }
    std::deque<qint64> &attempts = m_attempts[endpoint + QLatin1Char(' ') + remoteAddress];
    while (!attempts.empty() && now - attempts.front() > kWindowMs)
        attempts.pop_front();
    if (std::ssize(attempts) >= kAttemptsPerWindow)
        return true;
    attempts.push_back(now);
    return false;
}

void DeviceModule::registerRoutes(HubRouter &router)
{
    registerSiteRoutes(router);
    registerDeviceRoutes(router);
    registerKeyRoutes(router);
    router.add(kPost, QStringLiteral("/api/v1/members/{memberId}/entry-token"),
        QStringLiteral("A 60 s GG1 app entry token (T) for the member, signed with the hub's key"), kEntryTokenRoles,
        [this](const HubRequest &request) { return entryToken(request); });
    router.add(kPost, QStringLiteral("/api/v1/credentials/{credentialId}/revoke"),
        QStringLiteral("Revoke an issued member code; published as a revocation"), role::FrontDesk,
        [this](const HubRequest &request) { return revokeCredential(request); });
}

void DeviceModule::registerSiteRoutes(HubRouter &router)
{
    router.add(kGet, QStringLiteral("/api/v1/sites"), QStringLiteral("The chain's sites"), kStaffOrDevice,
        [this](const HubRequest &request) { return listSites(request); });
    router.add(kPost, QStringLiteral("/api/v1/sites"), QStringLiteral("Create a site {name, number, timezone}"),
        role::AdminOnly, [this](const HubRequest &request) { return createSite(request); });
    router.add(kGet, QStringLiteral("/api/v1/sites/{siteId}"), QStringLiteral("One site"), kStaffOrDevice,
        [this](const HubRequest &request) { return getSite(request); });
    router.add(kPut, QStringLiteral("/api/v1/sites/{siteId}"),
        QStringLiteral("Change a site's name, number or time zone"), role::AdminOnly,
        [this](const HubRequest &request) { return updateSite(request); });
}

void DeviceModule::registerDeviceRoutes(HubRouter &router)
{
    router.add(kPost, QStringLiteral("/api/v1/devices/enrollment-codes"),
        QStringLiteral("A one-time enrollment code {siteId, deviceName, validHours} (shown once)"), role::AdminOnly,
        [this](const HubRequest &request) { return createEnrollmentCode(request); });
    router.add(kPost, QStringLiteral("/api/v1/devices/enroll"),
        QStringLiteral("Enroll a desk, kiosk or controller with a code: device id, secret, token, keys"),
        [this](const HubRequest &request) { return enroll(request); });
    router.add(kPost, QStringLiteral("/api/v1/devices/token"),
        QStringLiteral("A fresh device token {deviceId, deviceSecret}"),
        [this](const HubRequest &request) { return deviceToken(request); });
    router.add(kGet, QStringLiteral("/api/v1/devices"), QStringLiteral("Enrolled devices (?siteId=)"), role::AdminOnly,
        [this](const HubRequest &request) { return listDevices(request); });
    router.add(kPost, QStringLiteral("/api/v1/devices/{deviceId}/revoke"),
        QStringLiteral("Revoke a device: its tokens and its signing key stop working"), role::AdminOnly,
        [this](const HubRequest &request) { return revokeDevice(request); });
}

void DeviceModule::registerKeyRoutes(HubRouter &router)
{
    router.add(kGet, QStringLiteral("/api/v1/keys"),
        QStringLiteral("Trusted public keys (hub and devices) with owner and revocation"), role::DeskOrDevice,
        [this](const HubRequest &request) { return listKeys(request); });
    router.add(kPost, QStringLiteral("/api/v1/keys/rotate"),
        QStringLiteral("New hub signing key; the old one stays trusted until revoked"), role::AdminOnly,
        [this](const HubRequest &request) { return rotateKey(request); });
    router.add(kPost, QStringLiteral("/api/v1/keys/{kid}/revoke"),
        QStringLiteral("Revoke a trusted key (hub or device)"), role::AdminOnly,
        [this](const HubRequest &request) { return revokeKey(request); });
}

// ---- sites ----------------------------------------------------------------------------------

HubResponse DeviceModule::listSites(const HubRequest &)
{
    Result<QSqlQuery> query = sql::exec(database().database(), kSiteSelect + QStringLiteral(" ORDER BY number"));
    if (!query)
        return HubResponse::fromError(query.error());
    QJsonArray items;
    while (query->next())
        items.append(siteJson(readSite(*query)));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}});
}

HubResponse DeviceModule::getSite(const HubRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("siteId"));
    const Result<std::optional<Site>> site = siteById(database(), id);
    if (!site)
        return HubResponse::fromError(site.error());
    if (!*site)
        return HubResponse::fromError(siteNotFound(id));
    return HubResponse::ok(siteJson(**site));
}

HubResponse DeviceModule::createSite(const HubRequest &request)
{
    if (Status body
        = request.requireObject({QStringLiteral("name"), QStringLiteral("number"), QStringLiteral("timezone")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<QString> name = request.requireString(QStringLiteral("name"), 100);
    if (!name)
        return HubResponse::fromError(name.error());
    const Result<QString> number = request.requireString(QStringLiteral("number"), 8);
    if (!number)
        return HubResponse::fromError(number.error());
    if (Status valid = checkSiteNumber(*number); !valid)
        return HubResponse::fromError(valid.error());
    const Result<QString> timezone = request.optionalString(QStringLiteral("timezone"), kDefaultTimezone, 64);
    if (!timezone)
        return HubResponse::fromError(timezone.error());
    if (Status valid = checkTimezone(*timezone); !valid)
        return HubResponse::fromError(valid.error());
    const qint64 now = sql::nowMs();
    const Site site {sql::newId(), name->trimmed(), *number, *timezone, now, now};
    const Status status = database().transaction([&]() -> Status {
        if (Status free = checkNumberFree(database(), site.number, site.id); !free)
            return free;
        if (Result<QSqlQuery> inserted = sql::exec(database().database(),
                QStringLiteral("INSERT INTO site (id, name, number, timezone, created_at, updated_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)"),
                {site.id, site.name, site.number, site.timezone, now, now});
            !inserted)
            return std::unexpected(inserted.error());
        return publishSite(database(), site);
    });
    if (!status)
        return HubResponse::fromError(status.error());
    return HubResponse::ok(siteJson(site));
}

HubResponse DeviceModule::updateSite(const HubRequest &request)
{
    if (Status body
        = request.requireObject({QStringLiteral("name"), QStringLiteral("number"), QStringLiteral("timezone")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<std::optional<QString>> name = request.presentString(QStringLiteral("name"), 100);
    if (!name)
        return HubResponse::fromError(name.error());
    const Result<std::optional<QString>> number = request.presentString(QStringLiteral("number"), 8);
    if (!number)
        return HubResponse::fromError(number.error());
    if (*number) {
        if (Status valid = checkSiteNumber(**number); !valid)
            return HubResponse::fromError(valid.error());
    }
    const Result<std::optional<QString>> timezone = request.presentString(QStringLiteral("timezone"), 64);
    if (!timezone)
        return HubResponse::fromError(timezone.error());
    if (*timezone) {
        if (Status valid = checkTimezone(**timezone); !valid)
            return HubResponse::fromError(valid.error());
    }
    const QString id = request.pathParams.value(QStringLiteral("siteId"));
    Site site;
    const Status status = database().transaction([&]() -> Status {
        const Result<std::optional<Site>> found = siteById(database(), id);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return std::unexpected(siteNotFound(id));
        site = **found;
        site.name = name->value_or(site.name);
        site.number = number->value_or(site.number);
        site.timezone = timezone->value_or(site.timezone);
        site.updatedAtMs = sql::nowMs();
        if (Status free = checkNumberFree(database(), site.number, site.id); !free)
            return free;
        if (Result<QSqlQuery> updated = sql::exec(database().database(),
                QStringLiteral("UPDATE site SET name = ?, number = ?, timezone = ?, updated_at = ? WHERE id = ?"),
                {site.name, site.number, site.timezone, site.updatedAtMs, site.id});
            !updated)
            return std::unexpected(updated.error());
        return publishSite(database(), site);
    });
    if (!status)
        return HubResponse::fromError(status.error());
    return HubResponse::ok(siteJson(site));
}

// ---- enrollment and devices ----------------------------------------------------------------

HubResponse DeviceModule::createEnrollmentCode(const HubRequest &request)
{
    if (Status body
        = request.requireObject({QStringLiteral("siteId"), QStringLiteral("deviceName"), QStringLiteral("validHours")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<QString> siteId = request.requireString(QStringLiteral("siteId"), 64);
    if (!siteId)
        return HubResponse::fromError(siteId.error());
    const Result<QString> deviceName = request.requireString(QStringLiteral("deviceName"), 100);
    if (!deviceName)
        return HubResponse::fromError(deviceName.error());
    const Result<qint64> validHours = request.optionalInteger(QStringLiteral("validHours"), 24, 1, 168);
    if (!validHours)
        return HubResponse::fromError(validHours.error());
    const Result<std::optional<Site>> site = siteById(database(), *siteId);
    if (!site)
        return HubResponse::fromError(site.error());
    if (!*site)
        return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
            Text::tr("The field \"siteId\" names no site (%1).").arg(*siteId), QStringLiteral("siteId")});
    const QString id = sql::newId();
    const QString code = newEnrollmentCode();
    const qint64 now = sql::nowMs();
    const qint64 expiresAt = now + *validHours * 3600 * 1000;
    const Result<QSqlQuery> inserted = sql::exec(database().database(),
        QStringLiteral("INSERT INTO hub_enrollment_code (id, code_hash, site_id, device_name, created_by, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {id, codeHash(code), *siteId, deviceName->trimmed(), request.principal.userId, now, expiresAt});
    if (!inserted)
        return HubResponse::fromError(inserted.error());
    logInfo(QStringLiteral("enrollment code %1 for site %2 by %3").arg(id, *siteId, request.principal.actor()));
    return HubResponse::ok(
        QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("code"), code}, {QStringLiteral("siteId"), *siteId},
            {QStringLiteral("deviceName"), deviceName->trimmed()}, {QStringLiteral("expiresAt"), isoTime(expiresAt)}});
}

HubResponse DeviceModule::enroll(const HubRequest &request)
{
    if (Status body = request.requireObject({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("kind"),
            QStringLiteral("signingPublicKey"), QStringLiteral("signingKid")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<QString> code = request.requireString(QStringLiteral("code"), 64);
    if (!code)
        return HubResponse::fromError(code.error());
    const Result<QString> name = request.optionalString(QStringLiteral("name"), {}, 100);
    if (!name)
        return HubResponse::fromError(name.error());
    const Result<QString> kind = request.requireString(QStringLiteral("kind"), 20);
    if (!kind)
        return HubResponse::fromError(kind.error());
    if (!kDeviceKinds.contains(*kind))
        return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
            Text::tr("The field \"kind\" must be desk, kiosk or controller."), QStringLiteral("kind")});
    const Result<std::optional<DeviceKey>> key = readDeviceKey(request, *kind);
    if (!key)
        return HubResponse::fromError(key.error());

    // Counted once the body is well formed: the limit is against guessing codes.
    if (rateLimited(QStringLiteral("enroll"), request.remoteAddress))
        return tooManyAttempts();
    const Result<std::optional<EnrollmentCode>> found = usableCode(database(), codeHash(*code));
    if (!found)
        return HubResponse::fromError(found.error());
    if (!*found)
        return invalidEnrollmentCode();
    const EnrollmentCode &enrollment = **found;
    HubKeys keys(database());
    if (*key) {
        const Result<std::optional<TrustedKey>> taken = keys.trustedKey((*key)->kid);
        if (!taken)
            return HubResponse::fromError(taken.error());
        if (*taken)
            return HubResponse::fromError(Error {ErrorCode::AlreadyExists,
                Text::tr("The key id %1 is taken already.").arg((*key)->kid), QStringLiteral("signingKid")});
    }
    const Result<std::optional<Site>> site = siteById(database(), enrollment.siteId);
    if (!site)
        return HubResponse::fromError(site.error());
    if (!*site)
        return invalidEnrollmentCode();
    // Made before the transaction: both only ever insert once and every instance agrees on them.
    if (const Result<SigningKey> hubKey = keys.currentKey(); !hubKey)
        return HubResponse::fromError(hubKey.error());
    const Result<QByteArray> fieldKey = HubSettings(database()).fieldKey();
    if (!fieldKey)
        return HubResponse::fromError(fieldKey.error());
    const QString secret
        = QString::fromLatin1(randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const Result<QString> secretHash = hashPassword(secret);
    if (!secretHash)
        return HubResponse::fromError(secretHash.error());

    const QString deviceId = sql::newId();
    const QString deviceName = name->trimmed().isEmpty() ? enrollment.deviceName : name->trimmed();
    bool codeGone = false;
    const Status status = database().transaction([&]() -> Status {
        const qint64 now = sql::nowMs();
        // The guard in the WHERE clause makes the code single use even when two enrollments race.
        Result<QSqlQuery> used = sql::exec(database().database(),
            QStringLiteral("UPDATE hub_enrollment_code SET used_at = ?, device_id = ? "
                           "WHERE id = ? AND used_at IS NULL AND expires_at > ? RETURNING id"),
            {now, deviceId, enrollment.id, now});
        if (!used)
            return std::unexpected(used.error());
        if (!used->next()) {
            codeGone = true;
            return fail(ErrorCode::Conflict, QString());
        }
        used->finish();
        if (Result<QSqlQuery> inserted = sql::exec(database().database(),
                QStringLiteral("INSERT INTO hub_device (id, site_id, name, kind, secret_hash, signing_kid, "
                               "enrolled_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {deviceId, enrollment.siteId, deviceName, *kind, *secretHash,
                    sql::nullIfEmpty(*key ? (*key)->kid : QString()), now, now});
            !inserted)
            return std::unexpected(inserted.error());
        if (!*key)
            return {};
        return keys.addTrustedKey((*key)->kid, (*key)->publicKey, deviceId);
    });
    if (!status)
        return codeGone ? invalidEnrollmentCode() : HubResponse::fromError(status.error());
    logInfo(
        QStringLiteral("device %1 (%2, %3) enrolled at site %4").arg(deviceId, deviceName, *kind, enrollment.siteId));

    const Result<IssuedToken> token = auth().issueDeviceToken(deviceId);
    if (!token)
        return HubResponse::fromError(token.error());
    const Result<QJsonArray> trusted = trustedKeysJson(keys);
    if (!trusted)
        return HubResponse::fromError(trusted.error());
    QJsonObject data = tokenJson(*token);
    data.insert(QStringLiteral("deviceId"), deviceId);
    data.insert(QStringLiteral("deviceSecret"), secret);
    data.insert(QStringLiteral("name"), deviceName);
    data.insert(QStringLiteral("kind"), *kind);
    data.insert(QStringLiteral("site"), siteJson(**site));
    data.insert(QStringLiteral("fieldKey"), QString::fromLatin1(fieldKey->toBase64()));
    data.insert(QStringLiteral("trustedKeys"), *trusted);
    return HubResponse::ok(data);
}

HubResponse DeviceModule::deviceToken(const HubRequest &request)
{
    if (Status body = request.requireObject({QStringLiteral("deviceId"), QStringLiteral("deviceSecret")}); !body)
        return HubResponse::fromError(body.error());
    const Result<QString> deviceId = request.requireString(QStringLiteral("deviceId"), 64);
    if (!deviceId)
        return HubResponse::fromError(deviceId.error());
    const Result<QString> secret = request.requireString(QStringLiteral("deviceSecret"), 200);
    if (!secret)
        return HubResponse::fromError(secret.error());
    if (rateLimited(QStringLiteral("device-token"), request.remoteAddress))
        return tooManyAttempts();
    const Result<std::optional<QVariant>> hash = sql::scalar(database().database(),
        QStringLiteral("SELECT secret_hash FROM hub_device WHERE id = ? AND revoked_at IS NULL"), {*deviceId});
    if (!hash)
        return HubResponse::fromError(hash.error());
    if (!*hash) {
        // Costs one Argon2id check like a wrong secret, so timing does not tell devices apart.
        static const QString dummyHash = hashPassword(QStringLiteral("no such device")).value_or(QString());
        verifyPassword(dummyHash, *secret);
        return invalidDeviceCredentials();
    }
    if (!verifyPassword((*hash)->toString(), *secret))
        return invalidDeviceCredentials();
    if (Result<QSqlQuery> seen = sql::exec(database().database(),
            QStringLiteral("UPDATE hub_device SET last_seen_at = ? WHERE id = ?"), {sql::nowMs(), *deviceId});
        !seen)
        return HubResponse::fromError(seen.error());
    const Result<IssuedToken> token = auth().issueDeviceToken(*deviceId);
    if (!token)
        return HubResponse::fromError(token.error());
    QJsonObject data = tokenJson(*token);
    data.insert(QStringLiteral("deviceId"), *deviceId);
    return HubResponse::ok(data);
}

HubResponse DeviceModule::listDevices(const HubRequest &request)
{
    const QString siteId = request.queryString(QStringLiteral("siteId"));
    Result<QSqlQuery> query = siteId.isEmpty()
        ? sql::exec(database().database(), kDeviceSelect + QStringLiteral(" ORDER BY enrolled_at, id"))
        : sql::exec(database().database(),
            kDeviceSelect + QStringLiteral(" WHERE site_id = ? ORDER BY enrolled_at, id"), {siteId});
    if (!query)
        return HubResponse::fromError(query.error());
    QJsonArray items;
    while (query->next())
        items.append(deviceJson(*query));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}});
}

HubResponse DeviceModule::revokeDevice(const HubRequest &request)
{
    if (Status body = requireNoBody(request); !body)
        return HubResponse::fromError(body.error());
    const QString id = request.pathParams.value(QStringLiteral("deviceId"));
    QJsonObject device;
    const Status status = database().transaction([&]() -> Status {
        const Result<std::optional<QJsonObject>> found = deviceById(database(), id);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::NotFound, Text::tr("No device %1.").arg(id), QStringLiteral("deviceId"));
        if (!(*found)->value(QStringLiteral("revokedAt")).isNull())
            return fail(
                ErrorCode::Conflict, Text::tr("The device %1 is revoked already.").arg(id), QStringLiteral("deviceId"));
        const qint64 now = sql::nowMs();
        if (Result<QSqlQuery> revoked = sql::exec(
                database().database(), QStringLiteral("UPDATE hub_device SET revoked_at = ? WHERE id = ?"), {now, id});
            !revoked)
            return std::unexpected(revoked.error());
        device = **found;
        device.insert(QStringLiteral("revokedAt"), now);
        return HubKeys(database()).revokeKeysOf(id);
    });
    if (!status)
        return HubResponse::fromError(status.error());
    logInfo(QStringLiteral("device %1 revoked by %2").arg(id, request.principal.actor()));
    return HubResponse::ok(device);
}

// ---- keys -----------------------------------------------------------------------------------

HubResponse DeviceModule::listKeys(const HubRequest &)
{
    HubKeys keys(database());
    const Result<SigningKey> current = keys.currentKey();
    if (!current)
        return HubResponse::fromError(current.error());
    const Result<QJsonArray> trusted = trustedKeysJson(keys);
    if (!trusted)
        return HubResponse::fromError(trusted.error());
    return HubResponse::ok(
        QJsonObject {{QStringLiteral("currentKid"), current->keyId()}, {QStringLiteral("items"), *trusted}});
}

HubResponse DeviceModule::rotateKey(const HubRequest &request)
{
    if (Status body = requireNoBody(request); !body)
        return HubResponse::fromError(body.error());
    HubKeys keys(database());
    const Result<SigningKey> rotated = keys.rotate();
    if (!rotated)
        return HubResponse::fromError(rotated.error());
    const Result<std::optional<TrustedKey>> key = keys.trustedKey(rotated->keyId());
    if (!key)
        return HubResponse::fromError(key.error());
    if (!*key)
        return HubResponse::fromError(Error {ErrorCode::Internal, QStringLiteral("rotated key missing"), {}});
    logInfo(QStringLiteral("hub signing key rotated to %1 by %2").arg(rotated->keyId(), request.principal.actor()));
    return HubResponse::ok(trustedKeyJson(**key));
}

HubResponse DeviceModule::revokeKey(const HubRequest &request)
{
    if (Status body = requireNoBody(request); !body)
        return HubResponse::fromError(body.error());
    const Result<TrustedKey> revoked = HubKeys(database()).revoke(request.pathParams.value(QStringLiteral("kid")));
    if (!revoked)
        return HubResponse::fromError(revoked.error());
    logInfo(QStringLiteral("trusted key %1 revoked by %2").arg(revoked->kid, request.principal.actor()));
    return HubResponse::ok(trustedKeyJson(*revoked));
}

// ---- member codes ---------------------------------------------------------------------------

HubResponse DeviceModule::entryToken(const HubRequest &request)
{
    if (Status body = requireNoBody(request); !body)
        return HubResponse::fromError(body.error());
    const QString memberId = request.pathParams.value(QStringLiteral("memberId"));
    if (request.principal.kind == PrincipalKind::Member && request.principal.memberId != memberId)
        return HubResponse::error(403, QStringLiteral("permission_denied"),
            Text::tr("A member may only get an entry token for themselves."), QStringLiteral("memberId"));
    Result<QSqlQuery> member = sql::exec(database().database(),
        QStringLiteral("SELECT status FROM member WHERE id = ? AND deleted_at IS NULL"), {memberId});
    if (!member)
        return HubResponse::fromError(member.error());
    if (!member->next())
        return HubResponse::fromError(
            Error {ErrorCode::NotFound, Text::tr("No member %1.").arg(memberId), QStringLiteral("memberId")});
    if (member->value(0).toString() != QLatin1String("active"))
        return HubResponse::error(409, QStringLiteral("member_blocked"),
            Text::tr("The member is blocked and gets no entry token."), QStringLiteral("memberId"));
    const Result<SigningKey> key = HubKeys(database()).currentKey();
    if (!key)
        return HubResponse::fromError(key.error());
    const SystemClock clock;
    const Result<std::pair<QString, CredentialPayload>> issued
        = CredentialIssuer(*key, clock).issue(CredentialType::Token, memberId, QString(), kEntryTokenValidityMs);
    if (!issued)
        return HubResponse::fromError(issued.error());
    const CredentialPayload &payload = issued->second;
    const QString credentialId = credentialIdFromNonce(payload.nonce);
    // Kept so staff can revoke it and the entry log can name it.
    const Result<QSqlQuery> stored = sql::exec(database().database(),
        QStringLiteral("INSERT INTO credential (id, member_id, type, kid, issued_at, expires_at) "
                       "VALUES (?, ?, 'token', ?, ?, ?)"),
        {credentialId, memberId, key->keyId(), payload.issuedAtMs, payload.expiresAtMs});
    if (!stored)
        return HubResponse::fromError(stored.error());
    return HubResponse::ok(QJsonObject {{QStringLiteral("code"), issued->first},
        {QStringLiteral("credentialId"), credentialId}, {QStringLiteral("kid"), key->keyId()},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("expiresAt"), isoTime(payload.expiresAtMs)}});
}

HubResponse DeviceModule::revokeCredential(const HubRequest &request)
{
    if (Status body = requireNoBody(request); !body)
        return HubResponse::fromError(body.error());
    const QString id = request.pathParams.value(QStringLiteral("credentialId"));
    QJsonObject revocation;
    const Status status = database().transaction([&]() -> Status {
        Result<QSqlQuery> found = sql::exec(
            database().database(), QStringLiteral("SELECT member_id, revoked_at FROM credential WHERE id = ?"), {id});
        if (!found)
            return std::unexpected(found.error());
        if (!found->next())
            return fail(ErrorCode::NotFound, Text::tr("No credential %1.").arg(id), QStringLiteral("credentialId"));
        if (!found->value(1).isNull())
            return fail(ErrorCode::Conflict, Text::tr("The credential %1 is revoked already.").arg(id),
                QStringLiteral("credentialId"));
        const QString memberId = found->value(0).toString();
        found->finish();
        const qint64 now = sql::nowMs();
        if (Result<QSqlQuery> revoked = sql::exec(
                database().database(), QStringLiteral("UPDATE credential SET revoked_at = ? WHERE id = ?"), {now, id});
            !revoked)
            return std::unexpected(revoked.error());
        revocation = QJsonObject {
            {QStringLiteral("id"), id}, {QStringLiteral("memberId"), memberId}, {QStringLiteral("revokedAt"), now}};
        return ChangeLog(database()).record(entity::Revocation, id, ChangeOp::Upsert, revocation);
    });
    if (!status)
        return HubResponse::fromError(status.error());
    logInfo(QStringLiteral("credential %1 revoked by %2").arg(id, request.principal.actor()));
    return HubResponse::ok(revocation);
}

} // namespace gymgate::hub
