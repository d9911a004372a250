#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gymgate {

// Encrypts personal fields at rest (member phone numbers, DESIGN §12) with a site data key:
// XChaCha20-Poly1305 from libsodium. Also derives a keyed lookup hash so an exact phone
// search or a duplicate check works without decrypting every row.
class FieldCipher {
public:
    static constexpr int KeyBytes = 32;

    static QByteArray generateKey();
    static Result<FieldCipher> fromKey(const QByteArray &key);
    // Reads the key file, or creates it with a fresh key and permissions 0600.
    static Result<FieldCipher> loadOrCreateKeyFile(const QString &path);

    QByteArray encrypt(QByteArrayView plain) const; // nonce || ciphertext+tag
    Result<QByteArray> decrypt(QByteArrayView cipher) const; // Crypto error if tampered
    QByteArray lookupHash(QByteArrayView plain) const; // 32 bytes, keyed BLAKE2b

private:
    FieldCipher() = default;
    QByteArray m_encryptionKey;
    QByteArray m_hashKey;
};

// "13800138000" -> "138****8000"; anything else is masked but for its last two characters.
QString maskPhone(const QString &phone);
// Mainland China mobile number: 11 digits, 1[3-9]xxxxxxxxx.
bool isValidChineseMobile(const QString &phone);

} // namespace gymgate
