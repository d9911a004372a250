#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gymgate {

// An Ed25519 key pair (libsodium) with its key id. The hub signs app tokens with its key;
// each enrolled desk has its own to print member cards while offline. Kiosks only ever hold
// public keys.
class SigningKey {
public:
    static constexpr int PublicKeyBytes = 32;
    static constexpr int SecretKeyBytes = 64;
    static constexpr int SignatureBytes = 64;

    // A fresh random key pair. `keyId` must be a valid key id (see isValidKeyId).
    static Result<SigningKey> generate(const QString &keyId);
    // Rebuilds a key pair from the 64-byte libsodium secret key (which embeds the public key).
    static Result<SigningKey> fromSecretKey(const QString &keyId, const QByteArray &secretKey);
    // Reads the key pair from a file holding the 64-byte secret key, or creates the file with a
    // fresh key, readable by its owner only (the desk's signing.key). `field` names the option
    // that pointed at the file, for the error.
    static Result<SigningKey> loadOrCreateKeyFile(
        const QString &path, const QString &keyId, const QString &field = QStringLiteral("key-dir"));

    // 1 to 16 characters of [A-Za-z0-9_-]: it travels inside the QR code.
    static bool isValidKeyId(QStringView keyId);

    const QString &keyId() const { return m_keyId; }
    const QByteArray &publicKey() const { return m_publicKey; }
    const QByteArray &secretKey() const { return m_secretKey; }

    QByteArray sign(QByteArrayView message) const; // 64-byte detached signature
    static bool verify(QByteArrayView message, QByteArrayView signature, QByteArrayView publicKey);

private:
    SigningKey() = default;
    QString m_keyId;
    QByteArray m_publicKey;
    QByteArray m_secretKey;
};

} // namespace gymgate
