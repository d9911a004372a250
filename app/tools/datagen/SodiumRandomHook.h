#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gymgate {

// Makes libsodium's random bytes reproducible where the generator needs them to be, and only
// there. FieldCipher draws the nonce of every encrypted phone number, and CredentialIssuer the
// nonce of every code, from randombytes_buf(); without this hook two runs with one seed would
// differ in those bytes. Outside a Scope every request goes to the operating system's
// generator, so the site keys made by the same process stay truly random.
//
// Inside a Scope the bytes are BLAKE2b(streamKey, context || counter): the stream key comes
// from the seed, and the context names what is being made (e.g. the phone number itself), so
// an XChaCha20 nonce is never shared by two different plaintexts under one data key.
class SodiumRandomHook {
public:
    // Must run before anything calls sodium_init(); returns false if libsodium refused it.
    static bool install();
    static void setStreamKey(const QByteArray &key); // 32 bytes, from the seeded generator

    class Scope {
    public:
        explicit Scope(QByteArrayView context);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;
    };
};

} // namespace gymgate
