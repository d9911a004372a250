#include "core/PasswordHash.h"

#include "core/SodiumSupport.h"

#include <QCoreApplication>

#include <sodium.h>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(PasswordHash)
};

} // namespace

Result<QString> hashPassword(const QString &password)
{
    if (!sodium::ready())
        return fail(ErrorCode::Crypto, Text::tr("The cryptography library could not be started."));
    if (password.isEmpty())
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The password must not be empty."), QStringLiteral("password"));
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return fail(ErrorCode::Crypto, Text::tr("Not enough memory to hash the password."));
    return QString::fromLatin1(hash);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    if (!sodium::ready() || hash.isEmpty() || hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size()))
        == 0;
}

} // namespace gymgate
