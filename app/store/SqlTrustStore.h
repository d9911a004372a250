#pragma once

#include "core/Error.h"
#include "core/TrustStore.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace gymgate {

class Database;

// TrustStore over SQLite, on the entry hot path: keys and the revoked-credential set are held
// in memory (call reload() after sync or a revocation); the used-nonce lookup is a primary-key
// probe with a query prepared once.
class SqlTrustStore final : public TrustStore {
public:
    // Loads the caches at once; check lastError() or call reload() to see a failure.
    explicit SqlTrustStore(Database &db);

    Status reload();
    const QString &lastError() const { return m_lastError; }

    std::optional<QByteArray> publicKey(const QString &keyId) const override;
    bool isKeyRevoked(const QString &keyId) const override;
    bool isCredentialRevoked(const QString &credentialId) const override;
    // A database failure answers "used": refusing a token is safer than accepting it twice.
    bool isNonceUsed(const QString &credentialId) const override;

private:
    Database &m_db;
    QHash<QString, QByteArray> m_keys;
    QSet<QString> m_revokedKeys;
    QSet<QString> m_revokedCredentials;
    mutable QSqlQuery m_nonceQuery;
    QString m_lastError;
};

} // namespace gymgate
