#include "store/SqlTrustStore.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QSqlError>
#include <QtGlobal>

namespace gymgate {

SqlTrustStore::SqlTrustStore(Database &db) : m_db(db), m_nonceQuery(db.connection())
{
    m_nonceQuery.setForwardOnly(true);
    if (Status prepared = sql::prepare(m_nonceQuery, QStringLiteral("SELECT 1 FROM used_nonce WHERE id = ?"));
        !prepared)
        m_lastError = prepared.error().message;
    if (Status loaded = reload(); !loaded)
        qWarning("trust store not loaded: %s", qUtf8Printable(loaded.error().toString()));
}

Status SqlTrustStore::reload()
{
    Result<QSqlQuery> keys
        = sql::run(m_db.connection(), QStringLiteral("SELECT kid, public_key, revoked_at FROM trusted_key"));
    if (!keys) {
        m_lastError = keys.error().message;
        return std::unexpected(keys.error());
    }
    QHash<QString, QByteArray> keyMap;
    QSet<QString> revokedKeys;
    while (keys->next()) {
        const QString keyId = keys->value(0).toString();
        keyMap.insert(keyId, keys->value(1).toByteArray());
        if (!keys->value(2).isNull())
            revokedKeys.insert(keyId);
    }
    // Runs on the partial index credential_revoked_idx.
    Result<QSqlQuery> revoked
        = sql::run(m_db.connection(), QStringLiteral("SELECT id FROM credential WHERE revoked_at IS NOT NULL"));
    if (!revoked) {
        m_lastError = revoked.error().message;
        return std::unexpected(revoked.error());
    }
    QSet<QString> revokedCredentials;
    while (revoked->next())
        revokedCredentials.insert(revoked->value(0).toString());
    // Swap in only complete sets: a failed reload keeps the previous, consistent view.
    m_keys = std::move(keyMap);
    m_revokedKeys = std::move(revokedKeys);
    m_revokedCredentials = std::move(revokedCredentials);
    m_lastError.clear();
    return {};
}

std::optional<QByteArray> SqlTrustStore::publicKey(const QString &keyId) const
{
    const auto it = m_keys.constFind(keyId);
    return it == m_keys.cend() ? std::nullopt : std::optional(*it);
}

bool SqlTrustStore::isKeyRevoked(const QString &keyId) const
{
    return m_revokedKeys.contains(keyId);
}

bool SqlTrustStore::isCredentialRevoked(const QString &credentialId) const
{
    return m_revokedCredentials.contains(credentialId);
}

bool SqlTrustStore::isNonceUsed(const QString &credentialId) const
{
    m_nonceQuery.bindValue(0, sql::bindable(credentialId));
    if (!m_nonceQuery.exec()) {
        qWarning("nonce lookup failed: %s", qUtf8Printable(m_nonceQuery.lastError().text()));
        return true;
    }
    const bool used = m_nonceQuery.next();
    m_nonceQuery.finish();
    return used;
}

} // namespace gymgate
