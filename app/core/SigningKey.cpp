#include "core/SigningKey.h"

#include "core/KeyFile.h"
#include "core/SodiumSupport.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <sodium.h>

namespace gymgate {

namespace {

std::unexpected<Error> cryptoUnavailable()
{
    return fail(ErrorCode::Crypto, QCoreApplication::translate("SigningKey", "The crypto library failed to start."));
}

} // namespace

Result<SigningKey> SigningKey::loadOrCreateKeyFile(const QString &path, const QString &keyId, const QString &field)
{
    if (QFileInfo::exists(path)) {
        Result<QByteArray> secret = readKeyFile(path, SecretKeyBytes, field);
        if (!secret)
            return std::unexpected(secret.error());
        return fromSecretKey(keyId, *secret);
    }
    Result<SigningKey> key = generate(keyId);
    if (!key)
        return key;
    if (Status written = writeNewKeyFile(path, key->secretKey(), field); !written)
        return std::unexpected(written.error());
    return key;
}

bool SigningKey::isValidKeyId(QStringView keyId)
{
    if (keyId.isEmpty() || keyId.size() > 16)
        return false;
    for (const QChar c : keyId) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_'
            || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

Result<SigningKey> SigningKey::generate(const QString &keyId)
{
    if (!isValidKeyId(keyId))
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("SigningKey", "A key id has 1 to 16 letters, digits, '_' or '-'."),
            QStringLiteral("keyId"));
    if (!sodium::ready())
        return cryptoUnavailable();
    SigningKey key;
    key.m_keyId = keyId;
    key.m_publicKey.resize(PublicKeyBytes);
    key.m_secretKey.resize(SecretKeyBytes);
    if (crypto_sign_keypair(sodium::bytes(key.m_publicKey), sodium::bytes(key.m_secretKey)) != 0)
        return cryptoUnavailable();
    return key;
}

Result<SigningKey> SigningKey::fromSecretKey(const QString &keyId, const QByteArray &secretKey)
{
    if (!isValidKeyId(keyId))
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("SigningKey", "A key id has 1 to 16 letters, digits, '_' or '-'."),
            QStringLiteral("keyId"));
    if (secretKey.size() != SecretKeyBytes)
        return fail(ErrorCode::Crypto,
            QCoreApplication::translate("SigningKey", "A signing key has %1 bytes, not %2.")
                .arg(SecretKeyBytes)
                .arg(secretKey.size()),
            QStringLiteral("secretKey"));
    if (!sodium::ready())
        return cryptoUnavailable();

    // The secret key embeds the public key; rebuilding the pair from the seed catches a key file
    // that was corrupted or stitched together from two keys.
    QByteArray seed(crypto_sign_SEEDBYTES, Qt::Uninitialized);
    QByteArray rebuiltPublic(PublicKeyBytes, Qt::Uninitialized);
    QByteArray rebuiltSecret(SecretKeyBytes, Qt::Uninitialized);
    crypto_sign_ed25519_sk_to_seed(sodium::bytes(seed), sodium::bytes(secretKey));
    const bool rebuilt
        = crypto_sign_seed_keypair(sodium::bytes(rebuiltPublic), sodium::bytes(rebuiltSecret), sodium::bytes(seed))
        == 0;
    sodium_memzero(seed.data(), static_cast<size_t>(seed.size()));
    if (!rebuilt || rebuiltSecret != secretKey)
        return fail(ErrorCode::Crypto,
            QCoreApplication::translate("SigningKey", "The signing key is damaged: its two halves do not match."),
            QStringLiteral("secretKey"));

    SigningKey key;
    key.m_keyId = keyId;
    key.m_secretKey = secretKey;
    key.m_publicKey.resize(PublicKeyBytes);
    crypto_sign_ed25519_sk_to_pk(sodium::bytes(key.m_publicKey), sodium::bytes(key.m_secretKey));
    return key;
}

QByteArray SigningKey::sign(QByteArrayView message) const
{
    QByteArray signature(SignatureBytes, Qt::Uninitialized);
    if (m_secretKey.size() != SecretKeyBytes || !sodium::ready()
        || crypto_sign_detached(sodium::bytes(signature), nullptr, sodium::bytes(message),
               static_cast<unsigned long long>(message.size()), sodium::bytes(m_secretKey))
            != 0)
        return {};
    return signature;
}

bool SigningKey::verify(QByteArrayView message, QByteArrayView signature, QByteArrayView publicKey)
{
    if (signature.size() != SignatureBytes || publicKey.size() != PublicKeyBytes || !sodium::ready())
        return false;
    return crypto_sign_verify_detached(sodium::bytes(signature), sodium::bytes(message),
               static_cast<unsigned long long>(message.size()), sodium::bytes(publicKey))
        == 0;
}

} // namespace gymgate
