#pragma once

#include "core/Credential.h"
#include "core/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

class Database;

// A public key the kiosk trusts (`trusted_key`): the hub's, or an enrolled desk's.
struct TrustedKey {
    QString keyId;
    QByteArray publicKey; // 32 bytes Ed25519
    QString owner; // "hub" or a device id
    qint64 createdAtMs = 0;
    std::optional<qint64> revokedAtMs;
};

// Trusted keys and issued credentials. SqlTrustStore caches what it reads from here: call its
// reload() after a change.
class KeyRepository {
public:
    explicit KeyRepository(Database &db);

    Status insertKey(const TrustedKey &key); // AlreadyExists "keyId" when present
    Status upsertKey(const TrustedKey &key); // sync: insert or replace
    Status revokeKey(const QString &keyId, qint64 atMs);
    Result<std::optional<TrustedKey>> findKey(const QString &keyId) const;
    Result<QList<TrustedKey>> listKeys() const;

    Status insertCredential(const CredentialRecord &credential);
    Status revokeCredential(const QString &id, qint64 atMs);
    Result<QList<CredentialRecord>> listCredentialsForMember(const QString &memberId) const;
    // Revokes every credential of the member not yet revoked (re-issue, lost card); returns how many.
    Result<int> revokeAllForMember(const QString &memberId, qint64 atMs);

private:
    Database &m_db;
};

} // namespace gymgate
