#include "core/FieldCipher.h"

#include "core/KeyFile.h"
#include "core/SodiumSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

namespace gymgate {

namespace {

constexpr char KdfContext[crypto_kdf_CONTEXTBYTES + 1] = "GGfield_";
constexpr quint64 EncryptionSubkeyId = 1;
constexpr quint64 HashSubkeyId = 2;
constexpr qsizetype NonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype TagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype HashBytes = crypto_generichash_BYTES;

static_assert(FieldCipher::KeyBytes == crypto_kdf_KEYBYTES);
static_assert(FieldCipher::KeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

QByteArray deriveSubkey(const QByteArray &key, quint64 id)
{
    QByteArray subkey(FieldCipher::KeyBytes, Qt::Uninitialized);
    crypto_kdf_derive_from_key(
        sodium::bytes(subkey), static_cast<size_t>(subkey.size()), id, KdfContext, sodium::bytes(key));
    return subkey;
}

// A fresh key in a new file only the owner may read.
Result<QByteArray> createKeyFile(const QString &path)
{
    const QByteArray key = FieldCipher::generateKey();
    if (Status written = writeNewKeyFile(path, key, QStringLiteral("path")); !written)
        return std::unexpected(written.error());
    return key;
}

Result<QByteArray> readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
            QCoreApplication::translate("FieldCipher", "Cannot read the data key file %1: %2")
                .arg(path, file.errorString()),
            QStringLiteral("path"));
    // Read one byte more than a key so a longer file is noticed without reading all of it.
    const QByteArray key = file.read(FieldCipher::KeyBytes + 1);
    if (key.size() != FieldCipher::KeyBytes)
        return fail(ErrorCode::Crypto,
            QCoreApplication::translate("FieldCipher",
                "The data key file %1 is damaged: it must hold exactly %2 bytes. Restore it from a backup; "
                "without it the encrypted phone numbers cannot be read.")
                .arg(path)
                .arg(FieldCipher::KeyBytes),
            QStringLiteral("path"));
    return key;
}

} // namespace

QByteArray FieldCipher::generateKey()
{
    QByteArray key(KeyBytes, Qt::Uninitialized);
    if (!sodium::ready())
        return {};
    crypto_kdf_keygen(sodium::bytes(key));
    return key;
}

Result<FieldCipher> FieldCipher::fromKey(const QByteArray &key)
{
    if (key.size() != KeyBytes)
        return fail(ErrorCode::Crypto,
            QCoreApplication::translate("FieldCipher", "A data key has %1 bytes, not %2.")
                .arg(KeyBytes)
                .arg(key.size()),
            QStringLiteral("key"));
    if (!sodium::ready())
        return fail(
            ErrorCode::Crypto, QCoreApplication::translate("FieldCipher", "The crypto library failed to start."));
    // Separate subkeys so the lookup hash never reveals anything about the encryption key.
    FieldCipher cipher;
    cipher.m_encryptionKey = deriveSubkey(key, EncryptionSubkeyId);
    cipher.m_hashKey = deriveSubkey(key, HashSubkeyId);
    return cipher;
}

Result<FieldCipher> FieldCipher::loadOrCreateKeyFile(const QString &path)
{
    auto key = QFileInfo::exists(path) ? readKeyFile(path) : createKeyFile(path);
    if (!key)
        return std::unexpected(key.error());
    return fromKey(*key);
}

QByteArray FieldCipher::encrypt(QByteArrayView plain) const
{
    QByteArray out(NonceBytes + plain.size() + TagBytes, Qt::Uninitialized);
    unsigned char *nonce = sodium::bytes(out);
    unsigned char *sealed = nonce + NonceBytes;
    randombytes_buf(nonce, NonceBytes);
    unsigned long long sealedBytes = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed, &sealedBytes, sodium::bytes(plain),
        static_cast<unsigned long long>(plain.size()), nullptr, 0, nullptr, nonce, sodium::bytes(m_encryptionKey));
    return out;
}

Result<QByteArray> FieldCipher::decrypt(QByteArrayView cipher) const
{
    if (cipher.size() < NonceBytes + TagBytes)
        return fail(ErrorCode::Crypto, QCoreApplication::translate("FieldCipher", "The encrypted field is too short."));
    QByteArray plain(cipher.size() - NonceBytes - TagBytes, Qt::Uninitialized);
    unsigned long long plainBytes = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(sodium::bytes(plain), &plainBytes, nullptr,
        sodium::bytes(cipher) + NonceBytes, static_cast<unsigned long long>(cipher.size() - NonceBytes), nullptr, 0,
        sodium::bytes(cipher), sodium::bytes(m_encryptionKey));
    if (rc != 0)
        return fail(ErrorCode::Crypto,
            QCoreApplication::translate(
                "FieldCipher", "The encrypted field is damaged or belongs to another data key."));
    return plain;
}

QByteArray FieldCipher::lookupHash(QByteArrayView plain) const
{
    QByteArray hash(HashBytes, Qt::Uninitialized);
    crypto_generichash(sodium::bytes(hash), static_cast<size_t>(hash.size()), sodium::bytes(plain),
        static_cast<unsigned long long>(plain.size()), sodium::bytes(m_hashKey), static_cast<size_t>(m_hashKey.size()));
    return hash;
}

QString maskPhone(const QString &phone)
{
    if (isValidChineseMobile(phone))
        return phone.first(3) + QStringLiteral("****") + phone.last(4);
    // Count code points, not UTF-16 units, so a masked string never ends in half a character.
    const QList<uint> codePoints = phone.toUcs4();
    const qsizetype shown = codePoints.size() > 2 ? 2 : 0;
    QString masked(codePoints.size() - shown, QLatin1Char('*'));
    for (qsizetype i = codePoints.size() - shown; i < codePoints.size(); ++i) {
        const char32_t codePoint = codePoints[i];
        masked += QString::fromUcs4(&codePoint, 1);
    }
    return masked;
}

bool isValidChineseMobile(const QString &phone)
{
    if (phone.size() != 11 || phone[0] != u'1' || phone[1] < u'3' || phone[1] > u'9')
        return false;
    for (const QChar c : phone) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace gymgate
