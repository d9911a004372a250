#include "HubAuth.h"

#include "core/Logging.h"
#include "core/PasswordHash.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include "HubDatabase.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubAuth)
};

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString isoNow(qint64 addSecs = 0)
{
    return QDateTime::currentDateTimeUtc().addSecs(addSecs).toString(Qt::ISODateWithMs);
}

// SQLite hands times back as ISO text, PostgreSQL as QDateTime.
QDateTime readTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

Error storageError(const QSqlQuery &query)
{
    return Error {ErrorCode::Storage, query.lastError().text(), {}};
}

HubResponse unauthorized(const QString &code, const QString &message)
{
    return HubResponse::error(401, code, message);
}

HubResponse badCredentials()
{
    // One answer for unknown users and wrong passwords, so usernames cannot be probed.
    return unauthorized(QStringLiteral("invalid_credentials"), Text::tr("Wrong username or password."));
}

HubResponse invalidToken()
{
    return unauthorized(QStringLiteral("unauthorized"), Text::tr("The token is missing, invalid, expired or revoked."));
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0; // constant time: no early exit on the first difference
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QByteArray sign(const QByteArray &signingInput, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

QByteArray encodePart(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
}

QJsonObject decodePart(const QByteArray &part)
{
    const auto decoded = QByteArray::fromBase64Encoding(part, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    return QJsonDocument::fromJson(*decoded).object();
}

QJsonObject userJson(const HubPrincipal &principal)
{
    QJsonObject json {{QStringLiteral("username"), principal.username},
        {QStringLiteral("displayName"), principal.displayName}, {QStringLiteral("role"), principal.role}};
    switch (principal.kind) {
    case PrincipalKind::Device:
        json.insert(QStringLiteral("id"), principal.deviceId);
        json.insert(QStringLiteral("kind"), QStringLiteral("device"));
        json.insert(QStringLiteral("siteId"), principal.siteId);
        break;
    case PrincipalKind::Member:
        json.insert(QStringLiteral("id"), principal.memberId);
        json.insert(QStringLiteral("kind"), QStringLiteral("member"));
        break;
    case PrincipalKind::User:
    case PrincipalKind::Invalid:
        json.insert(QStringLiteral("id"), principal.userId);
        json.insert(QStringLiteral("kind"), QStringLiteral("user"));
        break;
    }
    return json;
}

struct UserRow {
    HubPrincipal principal;
    QString passwordHash;
    QString status;
    int failedLogins = 0;
    QDateTime lockedUntil;
};

const QString kUserColumns
    = QStringLiteral("SELECT id, username, display_name, role, password_hash, status, failed_logins, locked_until, "
                     "site_id FROM hub_user WHERE deleted_at IS NULL AND ");

Result<std::optional<UserRow>> readUser(QSqlQuery &query)
{
    if (!query.exec())
        return std::unexpected(storageError(query));
    if (!query.next())
        return std::optional<UserRow> {};
    UserRow row;
    row.principal.kind = PrincipalKind::User;
    row.principal.userId = query.value(0).toLongLong();
    row.principal.username = query.value(1).toString();
    row.principal.displayName = query.value(2).toString();
    row.principal.role = query.value(3).toString();
    row.passwordHash = query.value(4).toString();
    row.status = query.value(5).toString();
    row.failedLogins = query.value(6).toInt();
    row.lockedUntil = readTime(query.value(7));
    row.principal.siteId = query.value(8).toString();
    return row;
}

Result<std::optional<UserRow>> userByName(HubDatabase &database, const QString &username)
{
    QSqlQuery query(database.database());
    query.prepare(kUserColumns + QStringLiteral("username = ?"));
    query.addBindValue(username);
    return readUser(query);
}

Result<std::optional<UserRow>> userById(HubDatabase &database, qint64 id)
{
    QSqlQuery query(database.database());
    query.prepare(kUserColumns + QStringLiteral("id = ?"));
    query.addBindValue(id);
    return readUser(query);
}

// Counts a failure; the fifth locks the account and starts the count again for after the lock.
// The increment happens in the database so concurrent attempts (several hub instances) all count.
Status recordFailure(HubDatabase &database, const UserRow &user)
{
    QSqlQuery query(database.database());
    query.prepare(QStringLiteral(
        "UPDATE hub_user SET failed_logins = failed_logins + 1, updated_at = ? WHERE id = ? RETURNING failed_logins"));
    query.addBindValue(isoNow());
    query.addBindValue(user.principal.userId);
    if (!query.exec() || !query.next())
        return std::unexpected(storageError(query));
    if (query.value(0).toInt() < HubAuth::kMaxFailedLogins)
        return {};
    query.finish();
    query.prepare(QStringLiteral("UPDATE hub_user SET failed_logins = 0, locked_until = ? WHERE id = ?"));
    query.addBindValue(isoNow(HubAuth::kLockoutSecs));
    query.addBindValue(user.principal.userId);
    if (!query.exec())
        return std::unexpected(storageError(query));
    logInfo(QStringLiteral("hub user %1 locked after %2 failed logins")
                .arg(user.principal.username)
                .arg(HubAuth::kMaxFailedLogins));
    return {};
}

Status resetFailures(HubDatabase &database, const UserRow &user)
{
    if (user.failedLogins == 0 && !user.lockedUntil.isValid())
        return {};
    QSqlQuery query(database.database());
    query.prepare(
        QStringLiteral("UPDATE hub_user SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?"));
    query.addBindValue(isoNow());
    query.addBindValue(user.principal.userId);
    if (!query.exec())
        return std::unexpected(storageError(query));
    return {};
}

const QString kDevicePrefix = QStringLiteral("device:");
const QString kMemberPrefix = QStringLiteral("member:");

// A staff token's subject is the numeric user id; the user must still be active.
Result<std::optional<HubPrincipal>> staffBySubject(HubDatabase &database, const QString &subject)
{
    bool isNumber = false;
    const qint64 userId = subject.toLongLong(&isNumber);
    if (!isNumber)
        return std::optional<HubPrincipal> {};
    const Result<std::optional<UserRow>> user = userById(database, userId);
    if (!user)
        return std::unexpected(user.error());
    if (!user->has_value() || (*user)->status != QLatin1String("active"))
        return std::optional<HubPrincipal> {};
    return std::optional<HubPrincipal> {(*user)->principal};
}

// A device token is good while the device is enrolled and not revoked.
Result<std::optional<HubPrincipal>> deviceById(HubDatabase &database, const QString &deviceId)
{
    QSqlQuery query(database.database());
    query.prepare(QStringLiteral("SELECT id, site_id, name FROM hub_device WHERE id = ? AND revoked_at IS NULL"));
    query.addBindValue(deviceId);
    if (!query.exec())
        return std::unexpected(storageError(query));
    if (!query.next())
        return std::optional<HubPrincipal> {};
    HubPrincipal principal;
    principal.kind = PrincipalKind::Device;
    principal.deviceId = query.value(0).toString();
    principal.siteId = query.value(1).toString();
    principal.username = query.value(2).toString();
    principal.displayName = principal.username;
    principal.role = role::Device;
    return std::optional<HubPrincipal> {principal};
}

// A member token is good while the member exists and is not blocked.
Result<std::optional<HubPrincipal>> memberById(HubDatabase &database, const QString &memberId)
{
    QSqlQuery query(database.database());
    query.prepare(QStringLiteral(
        "SELECT id, member_no, name, site_id FROM member WHERE id = ? AND deleted_at IS NULL AND status = 'active'"));
    query.addBindValue(memberId);
    if (!query.exec())
        return std::unexpected(storageError(query));
    if (!query.next())
        return std::optional<HubPrincipal> {};
    HubPrincipal principal;
    principal.kind = PrincipalKind::Member;
    principal.memberId = query.value(0).toString();
    principal.username = query.value(1).toString();
    principal.displayName = query.value(2).toString();
    principal.siteId = query.value(3).toString();
    principal.role = role::Member;
    return std::optional<HubPrincipal> {principal};
}

qint64 monotonicMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

QString HubPrincipal::actor() const
{
    switch (kind) {
    case PrincipalKind::User:
        return QStringLiteral("user:%1").arg(userId);
    case PrincipalKind::Device:
        return kDevicePrefix + deviceId;
    case PrincipalKind::Member:
        return kMemberPrefix + memberId;
    case PrincipalKind::Invalid:
        break;
    }
    return {};
}

bool HubAuth::rateLimited(const QString &remoteAddress)
{
    const qint64 now = monotonicMs();
    if (m_attempts.size() > 10000) { // forget addresses that went quiet, so the table stays small
        for (auto it = m_attempts.begin(); it != m_attempts.end();)
            it = it->empty() || now - it->back() > kLoginWindowMs ? m_attempts.erase(it) : std::next(it);
    }
    std::deque<qint64> &attempts = m_attempts[remoteAddress];
    while (!attempts.empty() && now - attempts.front() > kLoginWindowMs)
        attempts.pop_front();
    if (std::ssize(attempts) >= kLoginAttemptsPerWindow)
        return true;
    attempts.push_back(now);
    return false;
}

HubResponse HubAuth::login(const HubRequest &request)
{
    if (rateLimited(request.remoteAddress))
        return HubResponse::error(
            429, QStringLiteral("rate_limited"), Text::tr("Too many login attempts; wait a minute and try again."));
    if (Status shape = request.requireObject({QStringLiteral("username"), QStringLiteral("password")}); !shape)
        return HubResponse::fromError(shape.error());
    const Result<QString> username = request.requireString(QStringLiteral("username"));
    if (!username)
        return HubResponse::fromError(username.error());
    const Result<QString> password = request.requireString(QStringLiteral("password"));
    if (!password)
        return HubResponse::fromError(password.error());
    const Result<std::optional<UserRow>> user = userByName(*m_database, *username);
    if (!user)
        return HubResponse::fromError(user.error());
    if (!user->has_value() || (*user)->status != QLatin1String("active")) {
        // Costs one Argon2id check like a wrong password, so timing does not tell users apart.
        static const QString dummyHash = hashPassword(QStringLiteral("no such user")).value_or(QString());
        verifyPassword(dummyHash, *password);
        return badCredentials();
    }
    const UserRow &row = **user;
    if (row.lockedUntil.isValid() && row.lockedUntil > QDateTime::currentDateTimeUtc())
        return unauthorized(QStringLiteral("account_locked"),
            Text::tr("Too many failed logins; the account is locked until %1 UTC.")
                .arg(row.lockedUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    if (!verifyPassword(row.passwordHash, *password)) {
        if (Status status = recordFailure(*m_database, row); !status)
            return HubResponse::fromError(status.error());
        return badCredentials();
    }
    if (Status status = resetFailures(*m_database, row); !status)
        return HubResponse::fromError(status.error());
    const Result<IssuedToken> token = issueToken(QString::number(row.principal.userId), row.principal.role);
    if (!token)
        return HubResponse::fromError(token.error());
    return HubResponse::ok(QJsonObject {{QStringLiteral("token"), token->token},
        {QStringLiteral("expiresAt"), token->expiresAt.toString(Qt::ISODate)},
        {QStringLiteral("user"), userJson(row.principal)}});
}

HubResponse HubAuth::logout(const HubRequest &request)
{
    // No body, or an empty object: anything else is a client mistake, refused before revoking.
    if (!request.json.isUndefined()) {
        if (Status shape = request.requireObject({}); !shape)
            return HubResponse::fromError(shape.error());
    }
    const HubPrincipal *principal = &request.principal; // the router checked the token
    QSqlQuery query(m_database->database());
    // Revocations of tokens that have expired by now are useless; drop them on the way.
    query.prepare(QStringLiteral("DELETE FROM hub_revoked_token WHERE expires_at < ?"));
    query.addBindValue(isoNow());
    if (!query.exec())
        return HubResponse::fromError(storageError(query));
    query.prepare(QStringLiteral("INSERT INTO hub_revoked_token (jti, expires_at) VALUES (?, ?)"));
    query.addBindValue(principal->jti);
    query.addBindValue(principal->expiresAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return HubResponse::fromError(storageError(query));
    return HubResponse::ok();
}

HubResponse HubAuth::me(const HubRequest &request)
{
    return HubResponse::ok(userJson(request.principal));
}

AuthResult<HubPrincipal> HubAuth::requireAuth(const HubRequest &request)
{
    const QByteArray header = request.header(QByteArrayLiteral("Authorization"));
    if (!header.startsWith("Bearer "))
        return std::unexpected(invalidToken());
    const AuthResult<QJsonObject> claims = verifyToken(QString::fromLatin1(header.mid(7).trimmed()));
    if (!claims)
        return std::unexpected(claims.error());
    const QString subject = claims->value(QStringLiteral("sub")).toString();
    Result<std::optional<HubPrincipal>> found = subject.startsWith(kDevicePrefix)
        ? deviceById(*m_database, subject.mid(kDevicePrefix.size()))
        : subject.startsWith(kMemberPrefix) ? memberById(*m_database, subject.mid(kMemberPrefix.size()))
                                            : staffBySubject(*m_database, subject);
    if (!found)
        return std::unexpected(HubResponse::fromError(found.error()));
    if (!found->has_value())
        return std::unexpected(invalidToken());
    HubPrincipal principal = **found;
    principal.jti = claims->value(QStringLiteral("jti")).toString();
    principal.expiresAt = QDateTime::fromSecsSinceEpoch(claims->value(QStringLiteral("exp")).toInteger(), Qt::UTC);
    return principal;
}

Result<IssuedToken> HubAuth::issueDeviceToken(const QString &deviceId)
{
    return issueToken(kDevicePrefix + deviceId, role::Device);
}

Result<IssuedToken> HubAuth::issueMemberToken(const QString &memberId)
{
    return issueToken(kMemberPrefix + memberId, role::Member);
}

AuthResult<QJsonObject> HubAuth::verifyToken(const QString &token)
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3)
        return std::unexpected(invalidToken());
    const QJsonObject header = decodePart(parts.at(0));
    if (header.value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return std::unexpected(invalidToken());
    const Result<Key> key = keyById(header.value(QStringLiteral("kid")).toString());
    if (!key)
        return std::unexpected(
            key.error().code == ErrorCode::NotFound ? invalidToken() : HubResponse::fromError(key.error()));
    if (!sameBytes(sign(parts.at(0) + '.' + parts.at(1), key->secret), parts.at(2)))
        return std::unexpected(invalidToken());
    const QJsonObject claims = decodePart(parts.at(1));
    const qint64 exp = claims.value(QStringLiteral("exp")).toInteger();
    const QString jti = claims.value(QStringLiteral("jti")).toString();
    if (exp <= QDateTime::currentSecsSinceEpoch() || jti.isEmpty())
        return std::unexpected(invalidToken());
    const Result<bool> revoked = isRevoked(jti);
    if (!revoked)
        return std::unexpected(HubResponse::fromError(revoked.error()));
    if (*revoked)
        return std::unexpected(invalidToken());
    return claims;
}

Result<bool> HubAuth::isRevoked(const QString &jti)
{
    QSqlQuery query(m_database->database());
    query.prepare(QStringLiteral("SELECT 1 FROM hub_revoked_token WHERE jti = ?"));
    query.addBindValue(jti);
    if (!query.exec())
        return std::unexpected(storageError(query));
    return query.next();
}

Result<IssuedToken> HubAuth::issueToken(const QString &subject, const QString &role)
{
    const Result<Key> key = currentKey();
    if (!key)
        return std::unexpected(key.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime expiresAt = now.addSecs(kTokenLifetimeSecs);
    const QByteArray header = encodePart(QJsonObject {{QStringLiteral("alg"), QStringLiteral("HS256")},
        {QStringLiteral("typ"), QStringLiteral("JWT")}, {QStringLiteral("kid"), key->kid}});
    const QByteArray payload = encodePart(QJsonObject {{QStringLiteral("sub"), subject}, {QStringLiteral("role"), role},
        {QStringLiteral("iat"), now.toSecsSinceEpoch()}, {QStringLiteral("exp"), expiresAt.toSecsSinceEpoch()},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)}});
    const QByteArray signingInput = header + '.' + payload;
    return IssuedToken {QString::fromLatin1(signingInput + '.' + sign(signingInput, key->secret)), expiresAt};
}

Result<HubAuth::Key> HubAuth::currentKey()
{
    QSqlQuery query(m_database->database());
    if (!query.exec(QStringLiteral(
            "SELECT kid, secret FROM hub_jwt_key WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1")))
        return std::unexpected(storageError(query));
    if (!query.next())
        return createKey();
    return Key {query.value(0).toString(), QByteArray::fromBase64(query.value(1).toString().toLatin1())};
}

Result<HubAuth::Key> HubAuth::keyById(const QString &kid)
{
    if (kid.isEmpty())
        return fail(ErrorCode::NotFound, QString());
    QSqlQuery query(m_database->database());
    query.prepare(QStringLiteral("SELECT secret FROM hub_jwt_key WHERE kid = ?"));
    query.addBindValue(kid);
    if (!query.exec())
        return std::unexpected(storageError(query));
    if (!query.next())
        return fail(ErrorCode::NotFound, QString());
    return Key {kid, QByteArray::fromBase64(query.value(0).toString().toLatin1())};
}

Result<HubAuth::Key> HubAuth::createKey()
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    const Key key {QUuid::createUuid().toString(QUuid::WithoutBraces), secret};
    QSqlQuery query(m_database->database());
    query.prepare(QStringLiteral("INSERT INTO hub_jwt_key (kid, secret, created_at) VALUES (?, ?, ?)"));
    query.addBindValue(key.kid);
    query.addBindValue(QString::fromLatin1(secret.toBase64()));
    query.addBindValue(isoNow());
    if (!query.exec())
        return std::unexpected(storageError(query));
    logInfo(QStringLiteral("new JWT signing key %1").arg(key.kid));
    return key;
}

Status HubAuth::rotateKey()
{
    QSqlQuery query(m_database->database());
    query.prepare(QStringLiteral("UPDATE hub_jwt_key SET retired_at = ? WHERE retired_at IS NULL"));
    query.addBindValue(isoNow());
    if (!query.exec())
        return std::unexpected(storageError(query));
    const Result<Key> key = createKey();
    if (!key)
        return std::unexpected(key.error());
    return {};
}

Status HubAuth::createUser(HubDatabase &database, const QString &username, const QString &password, const QString &role)
{
    if (username.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("The username is empty."), QStringLiteral("username"));
    if (password.size() < 8)
        return fail(ErrorCode::InvalidArgument, Text::tr("The password must have at least 8 characters."),
            QStringLiteral("password"));
    const Result<std::optional<UserRow>> existing = userByName(database, username);
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->has_value())
        return fail(ErrorCode::AlreadyExists, Text::tr("The user %1 already exists.").arg(username),
            QStringLiteral("username"));
    const Result<QString> hash = hashPassword(password);
    if (!hash)
        return std::unexpected(hash.error());
    QSqlQuery query(database.database());
    query.prepare(QStringLiteral("INSERT INTO hub_user (username, display_name, password_hash, role, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(username);
    query.addBindValue(username);
    query.addBindValue(*hash);
    query.addBindValue(role);
    query.addBindValue(isoNow());
    query.addBindValue(isoNow());
    if (!query.exec())
        return std::unexpected(storageError(query));
    return {};
}

} // namespace gymgate::hub
