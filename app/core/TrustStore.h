#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace gymgate {

// What a verifier needs to know about keys and codes: the public keys it trusts (synced from
// the hub), which keys and credentials are revoked, and which single-use token nonces were
// already accepted. Implemented in memory (MemoryTrustStore) and over SQLite (store).
class TrustStore {
public:
    virtual ~TrustStore() = default;
    virtual std::optional<QByteArray> publicKey(const QString &keyId) const = 0;
    virtual bool isKeyRevoked(const QString &keyId) const = 0;
    virtual bool isCredentialRevoked(const QString &credentialId) const = 0;
    virtual bool isNonceUsed(const QString &credentialId) const = 0;
};

} // namespace gymgate
