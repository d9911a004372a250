#pragma once

#include "core/Credential.h"
#include "core/SigningKey.h"

#include <QByteArrayView>

namespace gymgate {

// The GG1 text format of DESIGN §5 (see docs/CREDENTIALS.md for the byte layout):
//   GG1.<kid>.<base64url(payload)>.<base64url(signature)>
// The Ed25519 signature covers the ASCII text "GG1.<kid>.<base64url(payload)>" exactly as sent.
namespace CredentialCodec {

inline constexpr int MaxCodeLength = 512; // anything longer is refused before parsing

struct ParsedCode {
    QString keyId;
    CredentialPayload payload;
    QByteArray signedText; // "GG1.<kid>.<payload>"
    QByteArray signature; // 64 bytes
};

// Builds and signs a code. The payload must be complete (type, member id, nonce of 8 bytes).
Result<QString> encode(const CredentialPayload &payload, const SigningKey &key);

// Structural parse only: prefix, field count, alphabet, lengths, payload layout. Never
// checks the signature or the time. Any defect is CredentialMalformed.
std::expected<ParsedCode, AccessReason> parse(QByteArrayView code);

} // namespace CredentialCodec
} // namespace gymgate
