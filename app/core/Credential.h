#pragma once

#include "core/AccessReason.h"

#include <QByteArray>
#include <QString>

#include <expected>

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

} // namespace gymgate
