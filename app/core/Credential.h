#pragma once

#include "core/AccessReason.h"

#include <QByteArray>
#include <QString>

#include <expected>
#include <optional>

namespace gymgate {

// What a scanned code turned out to be (DESIGN §5).
enum class CredentialType {
    Invalid = 0,
    Card, // 'C': printed or static member card code, long validity
    Token, // 'T': short-lived app token, 60 s, single use
    Legacy, // plain member or card number (seed 002 "M1000..."), only when enabled; weak
    Manual, // no code: staff let the member in by hand (audited); never parsed from a scan
};

// The fields inside a GG1 code's payload.
struct CredentialPayload {
    CredentialType type = CredentialType::Invalid;
    QString memberId; // UUID
    QString cardId; // UUID or empty
    qint64 issuedAtMs = 0; // carried with one-second resolution
    qint64 expiresAtMs = 0; // 0 = no expiry (card codes); carried with one-second resolution
    QByteArray nonce; // 8 random bytes; its hex form is the credential id
};

// A code that passed every check. For legacy codes only `type` and `legacyCode` are set; the
// caller resolves the member from the code.
struct VerifiedCredential {
    CredentialType type = CredentialType::Invalid;
    CredentialPayload payload;
    QString keyId;
    QString credentialId; // hex nonce for GG1, the code itself for legacy
    QString legacyCode;
    bool weak = false;
};

using CredentialCheck = std::expected<VerifiedCredential, AccessReason>;

// A member QR code issued here or synced (`credential`); id = hex nonce.
struct CredentialRecord {
    QString id;
    QString memberId;
    QString cardId;
    CredentialType type = CredentialType::Invalid; // Card or Token
    QString keyId;
    QString code; // the full GG1 text, to print again
    qint64 issuedAtMs = 0;
    qint64 expiresAtMs = 0; // 0 = no expiry
    std::optional<qint64> revokedAtMs;
};

const char *credentialTypeName(CredentialType type); // "card", "token", "legacy", "manual"
CredentialType credentialTypeFromName(const QString &name); // never Manual: it is not a stored code

} // namespace gymgate
