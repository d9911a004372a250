#pragma once

#include "core/TrustStore.h"

#include <QHash>
#include <QSet>

namespace gymgate {

// A TrustStore held in memory: for tests, fuzzing and as the kiosk's cache.
class MemoryTrustStore final : public TrustStore {
public:
    void addKey(const QString &keyId, const QByteArray &publicKey) { m_keys.insert(keyId, publicKey); }
    void revokeKey(const QString &keyId) { m_revokedKeys.insert(keyId); }
    void revokeCredential(const QString &credentialId) { m_revokedCredentials.insert(credentialId); }
    void markNonceUsed(const QString &credentialId) { m_usedNonces.insert(credentialId); }

    std::optional<QByteArray> publicKey(const QString &keyId) const override
    {
        const auto it = m_keys.constFind(keyId);
        return it == m_keys.cend() ? std::nullopt : std::optional(*it);
    }
    bool isKeyRevoked(const QString &keyId) const override { return m_revokedKeys.contains(keyId); }
    bool isCredentialRevoked(const QString &id) const override { return m_revokedCredentials.contains(id); }
    bool isNonceUsed(const QString &id) const override { return m_usedNonces.contains(id); }

private:
    QHash<QString, QByteArray> m_keys;
    QSet<QString> m_revokedKeys;
    QSet<QString> m_revokedCredentials;
    QSet<QString> m_usedNonces;
};

} // namespace gymgate
