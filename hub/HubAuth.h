#pragma once

#include "core/Error.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <deque>
#include <expected>

#include "HubPrincipal.h"
#include "HubResponse.h"
#include "HubRouter.h"

namespace gymgate::hub {

class HubDatabase;

struct IssuedToken {
    QString token;
    QDateTime expiresAt;
};

// Staff login, JWT (HS256) issuing and checking, and logout. Keys live in hub_jwt_key so they
// can rotate: new tokens use the newest unretired key, the `kid` header finds the key of an old
// token. Lockout state lives in hub_user; the login rate limit is per hub instance, in memory.
class HubAuth {
public:
    static constexpr int kMaxFailedLogins = 5;
    static constexpr qint64 kLockoutSecs = 15 * 60;
    static constexpr int kLoginAttemptsPerWindow = 10;
    static constexpr qint64 kLoginWindowMs = 60 * 1000;
    static constexpr qint64 kTokenLifetimeSecs = 12 * 60 * 60;

    explicit HubAuth(HubDatabase *database) : m_database(database) { }

    HubResponse login(const HubRequest &request);
    HubResponse logout(const HubRequest &request);
    HubResponse me(const HubRequest &request);

    // The principal of the request's "Authorization: Bearer" token; 401 when it is missing,
    // malformed, forged, expired, revoked, or its user, device or member is gone, disabled or
    // revoked. HubRouter calls it for every route that names roles.
    AuthResult<HubPrincipal> requireAuth(const HubRequest &request);

    // Signs a token with the current key. Subjects: "<user id>", "device:<id>", "member:<id>".
    Result<IssuedToken> issueToken(const QString &subject, const QString &role);
    Result<IssuedToken> issueDeviceToken(const QString &deviceId);
    Result<IssuedToken> issueMemberToken(const QString &memberId);
    // Retires the current key and makes a new one; old tokens keep working until they expire.
    Status rotateKey();

    // For --create-admin: adds an active user with an Argon2id hash of `password`.
    static Status createUser(
        HubDatabase &database, const QString &username, const QString &password, const QString &role);

private:
    struct Key {
        QString kid;
        QByteArray secret;
    };

    bool rateLimited(const QString &remoteAddress);
    Result<Key> currentKey();
    Result<Key> keyById(const QString &kid);
    Result<Key> createKey();
    AuthResult<QJsonObject> verifyToken(const QString &token);
    Result<bool> isRevoked(const QString &jti);

    HubDatabase *m_database = nullptr;
    QHash<QString, std::deque<qint64>> m_attempts; // remote address -> monotonic ms of recent logins
};

} // namespace gymgate::hub
