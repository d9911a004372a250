#include "HubKeys.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QRandomGenerator>

#include "ChangeLog.h"
#include "HubDatabase.h"
#include "HubSql.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubKeys)
};

const QString kKeyColumns = QStringLiteral("SELECT kid, public_key, owner, created_at, revoked_at FROM trusted_key");

TrustedKey readKey(const QSqlQuery &query)
{
    TrustedKey key;
    key.kid = query.value(0).toString();
    key.publicKey = QByteArray::fromBase64(query.value(1).toString().toLatin1());
    key.owner = query.value(2).toString();
    key.createdAtMs = query.value(3).toLongLong();
    if (!query.value(4).isNull())
        key.revokedAtMs = query.value(4).toLongLong();
    return key;
}

// "hub" and 12 hex digits: a valid key id (at most 16 characters) that no device picks by chance.
QString newHubKeyId()
{
    QByteArray random(6, Qt::Uninitialized);
    for (char &byte : random)
        byte = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return HubKeys::HubOwner + QString::fromLatin1(random.toHex());
}

Status publish(HubDatabase &database, const TrustedKey &key)
{
    return ChangeLog(database).record(entity::TrustedKey, key.kid, ChangeOp::Upsert, trustedKeyJson(key));
}

} // namespace

QJsonObject trustedKeyJson(const TrustedKey &key)
{
    return QJsonObject {{QStringLiteral("kid"), key.kid},
        {QStringLiteral("publicKey"), QString::fromLatin1(key.publicKey.toBase64())},
        {QStringLiteral("owner"), key.owner}, {QStringLiteral("createdAt"), key.createdAtMs},
        {QStringLiteral("revokedAt"), key.revokedAtMs ? QJsonValue(*key.revokedAtMs) : QJsonValue()}};
}

Result<SigningKey> HubKeys::currentKey()
{
    const Result<std::optional<SigningKey>> current = readCurrent();
    if (!current)
        return std::unexpected(current.error());
    if (*current)
        return **current;
    const Result<SigningKey> created = createKey(false);
    if (created || created.error().code != ErrorCode::Conflict)
        return created;
    // Another instance made the first key a moment ago: use that one.
    const Result<std::optional<SigningKey>> winner = readCurrent();
    if (!winner)
        return std::unexpected(winner.error());
    if (!*winner)
        return fail(ErrorCode::Internal, Text::tr("The hub has no current signing key."));
    return **winner;
}

Result<SigningKey> HubKeys::rotate()
{
    return createKey(true);
}

Result<std::optional<SigningKey>> HubKeys::readCurrent() const
{
    Result<QSqlQuery> query = sql::exec(
        m_database.database(), QStringLiteral("SELECT kid, secret_key FROM hub_signing_key WHERE retired_at IS NULL"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<SigningKey> {};
    const QString kid = query->value(0).toString();
    Result<SigningKey> key
        = SigningKey::fromSecretKey(kid, QByteArray::fromBase64(query->value(1).toString().toLatin1()));
    if (!key)
        return std::unexpected(key.error());
    return std::optional<SigningKey> {*key};
}

Result<SigningKey> HubKeys::createKey(bool retireCurrent)
{
    Result<SigningKey> key = SigningKey::generate(newHubKeyId());
    if (!key)
        return std::unexpected(key.error());
    const qint64 now = sql::nowMs();
    const QSqlDatabase db = m_database.database();
    const Status status = m_database.transaction([&]() -> Status {
        if (retireCurrent) {
            if (Result<QSqlQuery> retired = sql::exec(
                    db, QStringLiteral("UPDATE hub_signing_key SET retired_at = ? WHERE retired_at IS NULL"), {now});
                !retired)
                return std::unexpected(retired.error());
        }
        const TrustedKey trusted {key->keyId(), key->publicKey(), HubOwner, now, std::nullopt};
        if (Result<QSqlQuery> inserted = sql::exec(db,
                QStringLiteral("INSERT INTO trusted_key (kid, public_key, owner, created_at) VALUES (?, ?, ?, ?)"),
                {trusted.kid, QString::fromLatin1(trusted.publicKey.toBase64()), HubOwner, now});
            !inserted)
            return std::unexpected(inserted.error());
        // The unique index on unretired keys turns a second current key into "nothing inserted".
        Result<QSqlQuery> signing = sql::exec(db,
            QStringLiteral("INSERT INTO hub_signing_key (kid, secret_key, created_at) VALUES (?, ?, ?) "
                           "ON CONFLICT DO NOTHING RETURNING kid"),
            {trusted.kid, QString::fromLatin1(key->secretKey().toBase64()), now});
        if (!signing)
            return std::unexpected(signing.error());
        if (!signing->next()) {
            return fail(
                ErrorCode::Conflict, Text::tr("Another hub instance changed the signing key at the same time."));
        }
        return publish(m_database, trusted);
    });
    if (!status)
        return std::unexpected(status.error());
    logInfo(QStringLiteral("new hub signing key %1").arg(key->keyId()));
    return *key;
}

Result<TrustedKey> HubKeys::revoke(const QString &kid)
{
    TrustedKey revoked;
    const Status status = m_database.transaction([&]() -> Status {
        const Result<std::optional<TrustedKey>> found = trustedKey(kid);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::NotFound, Text::tr("No trusted key %1.").arg(kid), QStringLiteral("kid"));
        if ((*found)->revokedAtMs)
            return fail(
                ErrorCode::Conflict, Text::tr("The key %1 is revoked already.").arg(kid), QStringLiteral("kid"));
        revoked = **found;
        revoked.revokedAtMs = sql::nowMs();
        if (Status marked = markRevoked(kid, *revoked.revokedAtMs); !marked)
            return marked;
        return publish(m_database, revoked);
    });
    if (!status)
        return std::unexpected(status.error());
    return revoked;
}

Status HubKeys::markRevoked(const QString &kid, qint64 nowMs)
{
    const QSqlDatabase db = m_database.database();
    if (Result<QSqlQuery> updated
        = sql::exec(db, QStringLiteral("UPDATE trusted_key SET revoked_at = ? WHERE kid = ?"), {nowMs, kid});
        !updated)
        return std::unexpected(updated.error());
    // A revoked hub key must sign nothing more; the next token makes a new current key.
    if (Result<QSqlQuery> retired = sql::exec(db,
            QStringLiteral("UPDATE hub_signing_key SET retired_at = ? WHERE kid = ? AND retired_at IS NULL"),
            {nowMs, kid});
        !retired)
        return std::unexpected(retired.error());
    return {};
}

Result<QList<TrustedKey>> HubKeys::trustedKeys() const
{
    Result<QSqlQuery> query
        = sql::exec(m_database.database(), kKeyColumns + QStringLiteral(" ORDER BY created_at, kid"));
    if (!query)
        return std::unexpected(query.error());
    QList<TrustedKey> keys;
    while (query->next())
        keys.append(readKey(*query));
    return keys;
}

Result<std::optional<TrustedKey>> HubKeys::trustedKey(const QString &kid) const
{
    Result<QSqlQuery> query = sql::exec(m_database.database(), kKeyColumns + QStringLiteral(" WHERE kid = ?"), {kid});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<TrustedKey> {};
    return std::optional<TrustedKey> {readKey(*query)};
}

Status HubKeys::addTrustedKey(const QString &kid, const QByteArray &publicKey, const QString &owner)
{
    const TrustedKey key {kid, publicKey, owner, sql::nowMs(), std::nullopt};
    Result<QSqlQuery> inserted = sql::exec(m_database.database(),
        QStringLiteral("INSERT INTO trusted_key (kid, public_key, owner, created_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (kid) DO NOTHING RETURNING kid"),
        {kid, QString::fromLatin1(publicKey.toBase64()), owner, key.createdAtMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    if (!inserted->next())
        return fail(ErrorCode::AlreadyExists, Text::tr("The key id %1 is taken already.").arg(kid),
            QStringLiteral("signingKid"));
    return publish(m_database, key);
}

Status HubKeys::revokeKeysOf(const QString &owner)
{
    Result<QSqlQuery> query = sql::exec(
        m_database.database(), kKeyColumns + QStringLiteral(" WHERE owner = ? AND revoked_at IS NULL"), {owner});
    if (!query)
        return std::unexpected(query.error());
    QList<TrustedKey> keys;
    while (query->next())
        keys.append(readKey(*query));
    const qint64 now = sql::nowMs();
    for (TrustedKey &key : keys) {
        key.revokedAtMs = now;
        if (Status marked = markRevoked(key.kid, now); !marked)
            return marked;
        if (Status published = publish(m_database, key); !published)
            return published;
    }
    return {};
}

} // namespace gymgate::hub
