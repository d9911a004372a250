#pragma once

#include "core/Error.h"

#include <QString>

namespace gymgate {

// Argon2id password hashes (libsodium crypto_pwhash_str, interactive limits): staff passwords
// and the kiosk PIN (DESIGN §12). The hash string carries its own salt and parameters.
Result<QString> hashPassword(const QString &password);
// False for a wrong password and for anything that is not a hash.
bool verifyPassword(const QString &hash, const QString &password);

} // namespace gymgate
