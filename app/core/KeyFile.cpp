#include "core/KeyFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <unistd.h>

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

Status writeNewKeyFile(const QString &path, const QByteArray &key, const QString &field)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::Io, Text::tr("Cannot create the folder for the key file %1.").arg(path), field);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(ErrorCode::Io, Text::tr("Cannot create the key file %1: %2").arg(path, file.errorString()), field);
    const bool written = file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(key) == key.size() && file.flush() && ::fsync(file.handle()) == 0;
    if (!written) {
        const QString reason = file.errorString();
        file.close();
        // A half-written key would be refused at the next start; better leave no file at all.
        QFile::remove(path);
        return fail(ErrorCode::Io, Text::tr("Cannot write the key file %1: %2").arg(path, reason), field);
    }
    return {};
}

Status replaceSecretFile(const QString &path, const QByteArray &content, const QString &field)
{
    QSaveFile file(path);
    // Owner-only before the secret goes in: not even the temporary copy is readable by others.
    const bool written = file.open(QIODevice::WriteOnly)
        && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && file.write(content) == content.size() && file.commit();
    if (!written)
        return fail(ErrorCode::Io, Text::tr("Cannot write the file %1: %2").arg(path, file.errorString()), field);
    return {};
}

} // namespace gymgate
