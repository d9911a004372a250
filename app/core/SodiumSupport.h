#pragma once

// Shared by the files of core that call libsodium. Not part of the public API.

#include <QByteArray>
#include <QByteArrayView>

namespace gymgate::sodium {

// sodium_init() is idempotent, but a function-local static makes the one real call thread-safe
// and lets every entry point check the outcome cheaply.
bool ready();

inline const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

inline unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

} // namespace gymgate::sodium
