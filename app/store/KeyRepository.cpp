#include "store/KeyRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

const QString kKeyColumns = QStringLiteral("kid, public_key, owner, created_at, revoked_at");
const QString kCredentialColumns
    = QStringLiteral("id, member_id, card_id, type, kid, code, issued_at, expires_at, revoked_at");

TrustedKey readKey(const QSqlQuery &query)
{
    TrustedKey key;
    key.keyId = query.value(0).toString();
    key.publicKey = query.value(1).toByteArray();
    key.owner = query.value(2).toString();
    key.createdAtMs = query.value(3).toLongLong();
    key.revokedAtMs = sql::optionalInt(query.value(4));
    return key;
}

CredentialRecord readCredential(const QSqlQuery &query)
{
    CredentialRecord credential;
    credential.id = query.value(0).toString();
    credential.memberId = query.value(1).toString();
    credential.cardId = query.value(2).toString();
    credential.type = credentialTypeFromName(query.value(3).toString());
    credential.keyId = query.value(4).toString();
    credential.code = query.value(5).toString();
    credential.issuedAtMs = query.value(6).toLongLong();
    credential.expiresAtMs = query.value(7).toLongLong();
    credential.revokedAtMs = sql::optionalInt(query.value(8));
    return credential;
}

Status validate(const TrustedKey &key)
{
    if (key.keyId.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The key id is missing."),
            QStringLiteral("keyId"));
    if (key.publicKey.size() != 32)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "A public key must be 32 bytes long."), QStringLiteral("publicKey"));
    return {};
}

QVariantList keyValues(const TrustedKey &key)
{
    return {key.keyId, key.publicKey, key.owner, key.createdAtMs, sql::intOrNull(key.revokedAtMs)};
}

} // namespace

KeyRepository::KeyRepository(Database &db) : m_db(db)
{ }

Status KeyRepository::insertKey(const TrustedKey &key)
{
    if (Status valid = validate(key); !valid)
        return valid;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO trusted_key (") + kKeyColumns + QStringLiteral(") VALUES (?,?,?,?,?)"),
        keyValues(key));
    if (!query) {
        Error error = query.error();
        if (error.code == ErrorCode::AlreadyExists)
            error.field = QStringLiteral("keyId");
        return std::unexpected(error);
    }
    return {};
}

Status KeyRepository::upsertKey(const TrustedKey &key)
{
    if (Status valid = validate(key); !valid)
        return valid;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO trusted_key (") + kKeyColumns
            + QStringLiteral(") VALUES (?,?,?,?,?) ON CONFLICT(kid) DO UPDATE SET "
                             "public_key = excluded.public_key, owner = excluded.owner, "
                             "created_at = excluded.created_at, "
                             "revoked_at = excluded.revoked_at"),
        keyValues(key));
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Status KeyRepository::revokeKey(const QString &keyId, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE trusted_key SET revoked_at = coalesce(revoked_at, ?) WHERE kid = ?"), {atMs, keyId},
        QCoreApplication::translate("Store", "The key %1").arg(keyId));
}

Result<std::optional<TrustedKey>> KeyRepository::findKey(const QString &keyId) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kKeyColumns + QStringLiteral(" FROM trusted_key WHERE kid = ?"), {keyId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<TrustedKey>();
    return std::optional<TrustedKey>(readKey(*query));
}

Result<QList<TrustedKey>> KeyRepository::listKeys() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kKeyColumns + QStringLiteral(" FROM trusted_key ORDER BY created_at, kid"));
    if (!query)
        return std::unexpected(query.error());
    QList<TrustedKey> keys;
    while (query->next())
        keys.append(readKey(*query));
    return keys;
}

Status KeyRepository::insertCredential(const CredentialRecord &credential)
{
    if (credential.id.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The credential id is missing."),
            QStringLiteral("id"));
    if (credential.type != CredentialType::Card && credential.type != CredentialType::Token)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "Only card codes and app tokens are stored."), QStringLiteral("type"));
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO credential (") + kCredentialColumns
            + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?)"),
        {credential.id, credential.memberId, sql::textOrNull(credential.cardId),
            QString::fromLatin1(credentialTypeName(credential.type)), credential.keyId, credential.code,
            credential.issuedAtMs, credential.expiresAtMs, sql::intOrNull(credential.revokedAtMs)});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Status KeyRepository::revokeCredential(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE credential SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?"), {atMs, id},
        QCoreApplication::translate("Store", "The credential"));
}

Result<QList<CredentialRecord>> KeyRepository::listCredentialsForMember(const QString &memberId) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kCredentialColumns
            + QStringLiteral(" FROM credential WHERE member_id = ? ORDER BY issued_at"),
        {memberId});
    if (!query)
        return std::unexpected(query.error());
    QList<CredentialRecord> credentials;
    while (query->next())
        credentials.append(readCredential(*query));
    return credentials;
}

Result<int> KeyRepository::revokeAllForMember(const QString &memberId, qint64 atMs)
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("UPDATE credential SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL"),
        {atMs, memberId});
    if (!query)
        return std::unexpected(query.error());
    return query->numRowsAffected();
}

} // namespace gymgate
