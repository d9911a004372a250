#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

namespace gymgate {

// Reads a raw key file of exactly `bytes` bytes (data.key, signing.key). Io when it cannot be
// read, Crypto when its size is wrong; `field` names the option that pointed at it.
Result<QByteArray> readKeyFile(const QString &path, qsizetype bytes, const QString &field);

} // namespace gymgate
