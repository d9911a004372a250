#pragma once

#include "core/Error.h"
#include "core/SigningKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gymgate::hub {

class HubDatabase;

// One row of trusted_key: a public key kiosks accept codes from (DESIGN §5).
struct TrustedKey {
    QString kid;
    QByteArray publicKey; // 32 bytes
    QString owner; // "hub" or a device id
    qint64 createdAtMs = 0;
    std::optional<qint64> revokedAtMs;
};

// The entity::TrustedKey JSON sites pull: {kid, publicKey (base64), owner, createdAt, revokedAt}.
QJsonObject trustedKeyJson(const TrustedKey &key);

// The hub's own Ed25519 keys (it signs app entry tokens with the current one) and the table of
// trusted public keys, the hub's and every enrolled device's. Every change to trusted_key is
// published to the change log in the same transaction.
class HubKeys {
public:
    static inline const QString HubOwner = QStringLiteral("hub");

    explicit HubKeys(HubDatabase &database) : m_database(database) { }

    // The current signing key, made on first need. Call it outside a transaction: two
    // instances racing to make the first key both end up with the one that committed first.
    Result<SigningKey> currentKey();
    // Retires the current key (still trusted until revoked) and makes a new current one.
    Result<SigningKey> rotate();
    // Revokes a trusted key (a hub key is also retired). NotFound, or Conflict if revoked already.
    Result<TrustedKey> revoke(const QString &kid);

    Result<QList<TrustedKey>> trustedKeys() const;
    Result<std::optional<TrustedKey>> trustedKey(const QString &kid) const;
    // Inside the caller's transaction: adds a device's public key; AlreadyExists if the kid is taken.
    Status addTrustedKey(const QString &kid, const QByteArray &publicKey, const QString &owner);
    // Inside the caller's transaction: revokes every unrevoked key of `owner`.
    Status revokeKeysOf(const QString &owner);

private:
    Result<std::optional<SigningKey>> readCurrent() const;
    // Makes a new current key; Conflict when another instance made one first.
    Result<SigningKey> createKey(bool retireCurrent);
    Status markRevoked(const QString &kid, qint64 nowMs);

    HubDatabase &m_database;
};

} // namespace gymgate::hub
