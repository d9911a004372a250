#include "core/CredentialCodec.h"

#include <QCoreApplication>
#include <QUuid>

#include <limits>

namespace gymgate::CredentialCodec {

namespace {

// Payload layout (docs/CREDENTIALS.md): type, member UUID, card UUID, issued-at, expires-at, nonce.
constexpr qsizetype TypeOffset = 0;
constexpr qsizetype MemberOffset = 1;
constexpr qsizetype CardOffset = 17;
constexpr qsizetype IssuedOffset = 33;
constexpr qsizetype ExpiresOffset = 37;
constexpr qsizetype NonceOffset = 41;
constexpr qsizetype NonceBytes = 8;
constexpr qsizetype PayloadBytes = 49;
constexpr qint64 MaxTimeMs = qint64(std::numeric_limits<quint32>::max()) * 1000;

constexpr QByteArrayView Prefix = "GG1";
constexpr auto Base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

std::unexpected<AccessReason> malformed()
{
    return std::unexpected(AccessReason::CredentialMalformed);
}

std::unexpected<Error> invalid(const char *message, const char *field)
{
    return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("CredentialCodec", message),
        QString::fromLatin1(field));
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Strict base64url without padding: only the alphabet, exact decoded size, and the canonical
// spelling. Without the last check the spare low bits of the final character could be flipped
// and the code would still verify under a different text.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text, qsizetype expectedBytes)
{
    if (text.isEmpty())
        return std::nullopt;
    for (const char c : text) {
        if (!isBase64UrlChar(c))
            return std::nullopt;
    }
    const QByteArray encoded = text.toByteArray();
    auto decoded = QByteArray::fromBase64Encoding(encoded, Base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != expectedBytes || decoded.decoded.toBase64(Base64Options) != encoded)
        return std::nullopt;
    return std::move(decoded.decoded);
}

void putUint32(QByteArray &out, qsizetype offset, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out[offset + i] = static_cast<char>((value >> (24 - 8 * i)) & 0xFFu);
}

quint32 getUint32(const QByteArray &in, qsizetype offset)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<quint8>(in[offset + i]);
    return value;
}

char typeByte(CredentialType type)
{
    switch (type) {
    case CredentialType::Card:
        return 'C';
    case CredentialType::Token:
        return 'T';
    case CredentialType::Invalid:
    case CredentialType::Legacy:
    case CredentialType::Manual:
        break;
    }
    return '\0';
}

CredentialType typeFromByte(char byte)
{
    switch (byte) {
    case 'C':
        return CredentialType::Card;
    case 'T':
        return CredentialType::Token;
    default:
        return CredentialType::Invalid;
    }
}

bool isValidTimeMs(qint64 ms)
{
    return ms >= 0 && ms <= MaxTimeMs;
}

Result<QByteArray> packPayload(const CredentialPayload &payload)
{
    const char type = typeByte(payload.type);
    if (type == '\0')
        return invalid(QT_TRANSLATE_NOOP("CredentialCodec", "Only card codes and app tokens can be encoded."), "type");
    const QUuid member = QUuid::fromString(payload.memberId);
    if (member.isNull())
        return invalid(QT_TRANSLATE_NOOP("CredentialCodec", "The member id is not a valid UUID."), "memberId");
    const QUuid card = payload.cardId.isEmpty() ? QUuid() : QUuid::fromString(payload.cardId);
    if (!payload.cardId.isEmpty() && card.isNull())
        return invalid(QT_TRANSLATE_NOOP("CredentialCodec", "The card id is not a valid UUID."), "cardId");
    if (!isValidTimeMs(payload.issuedAtMs))
        return invalid(QT_TRANSLATE_NOOP("CredentialCodec", "The issue time is out of range."), "issuedAtMs");
    // An expiry under one second would be carried as 0, which means "never expires".
    if (!isValidTimeMs(payload.expiresAtMs) || (payload.expiresAtMs > 0 && payload.expiresAtMs < 1000))
        return invalid(QT_TRANSLATE_NOOP("CredentialCodec", "The expiry time is out of range."), "expiresAtMs");
    if (payload.nonce.size() != NonceBytes)
        return invalid(QT_TRANSLATE_NOOP("CredentialCodec", "The nonce must have 8 bytes."), "nonce");

    QByteArray out(PayloadBytes, '\0');
    out[TypeOffset] = type;
    out.replace(MemberOffset, 16, member.toRfc4122());
    if (!card.isNull())
        out.replace(CardOffset, 16, card.toRfc4122());
    putUint32(out, IssuedOffset, static_cast<quint32>(payload.issuedAtMs / 1000));
    putUint32(out, ExpiresOffset, static_cast<quint32>(payload.expiresAtMs / 1000));
    out.replace(NonceOffset, NonceBytes, payload.nonce);
    return out;
}

std::optional<CredentialPayload> unpackPayload(const QByteArray &raw)
{
    CredentialPayload payload;
    payload.type = typeFromByte(raw[TypeOffset]);
    if (payload.type == CredentialType::Invalid)
        return std::nullopt;
    const QUuid member = QUuid::fromRfc4122(QByteArrayView(raw).sliced(MemberOffset, 16));
    if (member.isNull())
        return std::nullopt;
    payload.memberId = member.toString(QUuid::WithoutBraces);
    const QUuid card = QUuid::fromRfc4122(QByteArrayView(raw).sliced(CardOffset, 16));
    if (!card.isNull())
        payload.cardId = card.toString(QUuid::WithoutBraces);
    payload.issuedAtMs = qint64(getUint32(raw, IssuedOffset)) * 1000;
    payload.expiresAtMs = qint64(getUint32(raw, ExpiresOffset)) * 1000;
    payload.nonce = raw.sliced(NonceOffset, NonceBytes);
    return payload;
}

} // namespace

Result<QString> encode(const CredentialPayload &payload, const SigningKey &key)
{
    if (!SigningKey::isValidKeyId(key.keyId()))
        return invalid(
            QT_TRANSLATE_NOOP("CredentialCodec", "A key id has 1 to 16 letters, digits, '_' or '-'."), "keyId");
    auto packed = packPayload(payload);
    if (!packed)
        return std::unexpected(packed.error());
    const QByteArray signedText
        = Prefix.toByteArray() + '.' + key.keyId().toLatin1() + '.' + packed->toBase64(Base64Options);
    const QByteArray signature = key.sign(signedText);
    if (signature.size() != SigningKey::SignatureBytes)
        return fail(ErrorCode::Crypto, QCoreApplication::translate("CredentialCodec", "The code could not be signed."));
    const QByteArray code = signedText + '.' + signature.toBase64(Base64Options);
    return QString::fromLatin1(code);
}

std::expected<ParsedCode, AccessReason> parse(QByteArrayView code)
{
    if (code.isEmpty() || code.size() > MaxCodeLength)
        return malformed();
    // Exactly four dot-separated parts; splitting by hand keeps this allocation-free until
    // the parts are known to be sane.
    qsizetype dots[3] = {};
    int dotCount = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        if (code[i] != '.')
            continue;
        if (dotCount == 3)
            return malformed();
        dots[dotCount++] = i;
    }
    if (dotCount != 3)
        return malformed();
    const QByteArrayView prefix = code.first(dots[0]);
    const QByteArrayView kid = code.sliced(dots[0] + 1, dots[1] - dots[0] - 1);
    const QByteArrayView payloadText = code.sliced(dots[1] + 1, dots[2] - dots[1] - 1);
    const QByteArrayView signatureText = code.sliced(dots[2] + 1);
    if (prefix != Prefix)
        return malformed();
    // isValidKeyId only admits ASCII, so Latin-1 decoding is exact.
    const QString keyId = QString::fromLatin1(kid);
    if (!SigningKey::isValidKeyId(keyId))
        return malformed();

    auto raw = decodeBase64Url(payloadText, PayloadBytes);
    auto signature = decodeBase64Url(signatureText, SigningKey::SignatureBytes);
    if (!raw || !signature)
        return malformed();
    auto payload = unpackPayload(*raw);
    if (!payload)
        return malformed();
    return ParsedCode {keyId, std::move(*payload), code.first(dots[2]).toByteArray(), std::move(*signature)};
}

} // namespace gymgate::CredentialCodec
