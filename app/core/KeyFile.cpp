#include "core/KeyFile.h"

#include <QCoreApplication>
#include <QFile>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(KeyFile)
};

} // namespace

Result<QByteArray> readKeyFile(const QString &path, qsizetype bytes, const QString &field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, Text::tr("Cannot read the key file %1: %2").arg(path, file.errorString()), field);
    // One byte more than expected tells a longer file from a right one.
    const QByteArray key = file.read(bytes + 1);
    if (key.size() != bytes)
        return fail(ErrorCode::Crypto, Text::tr("The key file %1 is damaged.").arg(path), field);
    return key;
}

} // namespace gymgate
