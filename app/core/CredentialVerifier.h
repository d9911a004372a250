#pragma once

#include "core/Clock.h"
#include "core/Credential.h"
#include "core/SigningKey.h"
#include "core/TrustStore.h"

#include <QByteArrayView>

namespace gymgate {

struct CredentialPolicy {
    bool legacyCodesAllowed = false; // admin setting access.legacy_codes
    qint64 tokenValidityMs = 60'000;
    qint64 clockSkewMs = 120'000;
};

// Turns a scanned line into a verified credential or the reason it is refused, checking in
// the order of DESIGN §5: format, known key, key not revoked, signature, time, revocation,
// replay. Pure apart from reading the trust store and the clock; never throws, never crashes
// on any input.
class CredentialVerifier {
public:
    CredentialVerifier(const TrustStore &trust, const Clock &clock, CredentialPolicy policy = {});

    CredentialCheck verify(QByteArrayView scanned) const;

    const CredentialPolicy &policy() const { return m_policy; }
    void setPolicy(const CredentialPolicy &policy) { m_policy = policy; }

private:
    CredentialCheck verifyLegacy(QByteArrayView code) const;

    const TrustStore &m_trust;
    const Clock &m_clock;
    CredentialPolicy m_policy;
};

// Issues codes with a signing key: `C` member card codes and `T` app tokens.
class CredentialIssuer {
public:
    CredentialIssuer(const SigningKey &key, const Clock &clock);

    // validityMs 0 = no expiry. cardId may be empty.
    Result<QString> issueCardCode(const QString &memberId, const QString &cardId, qint64 validityMs = 0) const;
    Result<QString> issueToken(const QString &memberId, qint64 validityMs = 60'000) const;
    // Same with the payload returned, so the caller can store the credential id.
    Result<std::pair<QString, CredentialPayload>> issue(
        CredentialType type, const QString &memberId, const QString &cardId, qint64 validityMs) const;

private:
    const SigningKey &m_key;
    const Clock &m_clock;
};

// Hex form of a nonce, used as the credential id in revocation lists and the entry log.
QString credentialIdFromNonce(const QByteArray &nonce);

} // namespace gymgate
