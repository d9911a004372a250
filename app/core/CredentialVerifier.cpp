#include "core/CredentialVerifier.h"

#include "core/CredentialCodec.h"

#include <QCoreApplication>
#include <QUuid>

#include <sodium.h>

namespace gymgate {

namespace {

constexpr QByteArrayView SignedPrefix = "GG1.";
constexpr qsizetype LegacyMinLength = 4;
constexpr qsizetype LegacyMaxLength = 32;
constexpr qint64 MaxValidityMs = 100LL * 366 * 24 * 3600 * 1000;

std::unexpected<AccessReason> deny(AccessReason reason)
{
    return std::unexpected(reason);
}

bool isAsciiLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

// ^[A-Za-z][A-Za-z0-9-]{3,31}$ spelled out: seed 002's member numbers ("M1000000001") and
// card numbers. Hand-written so no regex engine ever sees scanner input.
bool looksLikeLegacyCode(QByteArrayView code)
{
    if (code.size() < LegacyMinLength || code.size() > LegacyMaxLength || !isAsciiLetter(code.front()))
        return false;
    for (const char c : code.sliced(1)) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '-')
            return false;
    }
    return true;
}

// Brace-less lower-case form; anything that is not a UUID is passed on unchanged for encode()
// to reject with its field name.
QString normalizedUuid(const QString &text)
{
    const QUuid uuid = QUuid::fromString(text);
    return uuid.isNull() ? text : uuid.toString(QUuid::WithoutBraces);
}

} // namespace

QString credentialIdFromNonce(const QByteArray &nonce)
{
    return QString::fromLatin1(nonce.toHex());
}

CredentialVerifier::CredentialVerifier(const TrustStore &trust, const Clock &clock, CredentialPolicy policy)
    : m_trust(trust), m_clock(clock), m_policy(policy)
{ }

CredentialCheck CredentialVerifier::verify(QByteArrayView scanned) const
{
    // Scanners end their lines with CR/LF; keyboard wedges may add a space.
    const QByteArrayView code = scanned.trimmed();
    if (code.isEmpty() || code.size() > CredentialCodec::MaxCodeLength)
        return deny(AccessReason::CredentialMalformed);
    if (!code.startsWith(SignedPrefix))
        return verifyLegacy(code);

    auto parsed = CredentialCodec::parse(code);
    if (!parsed)
        return deny(parsed.error());
    const std::optional<QByteArray> publicKey = m_trust.publicKey(parsed->keyId);
    if (!publicKey)
        return deny(AccessReason::CredentialUnknownKey);
    if (m_trust.isKeyRevoked(parsed->keyId))
        return deny(AccessReason::CredentialKeyRevoked);
    if (!SigningKey::verify(parsed->signedText, parsed->signature, *publicKey))
        return deny(AccessReason::CredentialBadSignature);

    const CredentialPayload &payload = parsed->payload;
    const qint64 nowMs = m_clock.nowMs();
    if (payload.issuedAtMs > nowMs + m_policy.clockSkewMs)
        return deny(AccessReason::CredentialNotYetValid);
    if (payload.expiresAtMs != 0 && nowMs > payload.expiresAtMs + m_policy.clockSkewMs)
        return deny(AccessReason::CredentialExpired);
    // A token that never expires or lives longer than policy allows was not minted by a sane
    // issuer; refusing it keeps a leaked hub key from producing long-lived tokens.
    const bool isToken = payload.type == CredentialType::Token;
    if (isToken && (payload.expiresAtMs == 0 || payload.expiresAtMs - payload.issuedAtMs > m_policy.tokenValidityMs))
        return deny(AccessReason::CredentialMalformed);

    const QString credentialId = credentialIdFromNonce(payload.nonce);
    if (m_trust.isCredentialRevoked(credentialId))
        return deny(AccessReason::CredentialRevoked);
    // Only tokens are single use; the entry ledger marks the nonce in the decision transaction.
    if (isToken && m_trust.isNonceUsed(credentialId))
        return deny(AccessReason::CredentialReplayed);

    VerifiedCredential verified;
    verified.type = payload.type;
    verified.payload = payload;
    verified.keyId = parsed->keyId;
    verified.credentialId = credentialId;
    return verified;
}

CredentialCheck CredentialVerifier::verifyLegacy(QByteArrayView code) const
{
    if (!looksLikeLegacyCode(code))
        return deny(AccessReason::CredentialMalformed);
    if (!m_policy.legacyCodesAllowed)
        return deny(AccessReason::CredentialLegacyDisabled);
    VerifiedCredential verified;
    verified.type = CredentialType::Legacy;
    verified.legacyCode = QString::fromLatin1(code); // ASCII by the check above
    verified.credentialId = verified.legacyCode;
    verified.weak = true;
    return verified;
}

CredentialIssuer::CredentialIssuer(const SigningKey &key, const Clock &clock) : m_key(key), m_clock(clock)
{ }

Result<QString> CredentialIssuer::issueCardCode(const QString &memberId, const QString &cardId, qint64 validityMs) const
{
    auto issued = issue(CredentialType::Card, memberId, cardId, validityMs);
    if (!issued)
        return std::unexpected(issued.error());
    return std::move(issued->first);
}

Result<QString> CredentialIssuer::issueToken(const QString &memberId, qint64 validityMs) const
{
    auto issued = issue(CredentialType::Token, memberId, QString(), validityMs);
    if (!issued)
        return std::unexpected(issued.error());
    return std::move(issued->first);
}

Result<std::pair<QString, CredentialPayload>> CredentialIssuer::issue(
    CredentialType type, const QString &memberId, const QString &cardId, qint64 validityMs) const
{
    if (type != CredentialType::Card && type != CredentialType::Token)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("CredentialIssuer", "Only card codes and app tokens can be issued."),
            QStringLiteral("type"));
    // Zero means no expiry, so a positive validity must survive rounding to whole seconds;
    // the upper bound keeps the sum below from overflowing.
    const bool validityOk
        = validityMs == 0 ? type == CredentialType::Card : validityMs >= 1000 && validityMs <= MaxValidityMs;
    if (!validityOk)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("CredentialIssuer", "The validity period is not valid."),
            QStringLiteral("validityMs"));

    CredentialPayload payload;
    payload.type = type;
    payload.memberId = normalizedUuid(memberId);
    payload.cardId = normalizedUuid(cardId);
    // The code carries whole seconds: round here so the returned payload equals the decoded one.
    const qint64 nowMs = m_clock.nowMs();
    payload.issuedAtMs = nowMs - nowMs % 1000;
    if (validityMs > 0) {
        const qint64 expiresMs = payload.issuedAtMs + validityMs;
        payload.expiresAtMs = expiresMs - expiresMs % 1000;
    }
    // libsodium is initialised: a SigningKey only exists once sodium_init() succeeded.
    payload.nonce.resize(8);
    randombytes_buf(payload.nonce.data(), static_cast<size_t>(payload.nonce.size()));

    auto code = CredentialCodec::encode(payload, m_key);
    if (!code)
        return std::unexpected(code.error());
    return std::pair {std::move(*code), std::move(payload)};
}

} // namespace gymgate
