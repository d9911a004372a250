#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

namespace gymgate {

// Reads a raw key file of exactly `bytes` bytes (data.key, signing.key). Io when it cannot be
// read, Crypto when its size is wrong; `field` names the option that pointed at it.
Result<QByteArray> readKeyFile(const QString &path, qsizetype bytes, const QString &field);

// Creates a new key file (and its folder), readable by its owner only before the key is written,
// flushed to the disk; a file half written is removed. Io when it exists already or fails.
Status writeNewKeyFile(const QString &path, const QByteArray &key, const QString &field);

// Replaces a file holding a secret (a key, the hub credentials) atomically: the new content goes
// to a temporary owner-only file that is renamed over the old one, so a crash leaves either.
Status replaceSecretFile(const QString &path, const QByteArray &content, const QString &field);

} // namespace gymgate
