#include "HubSettings.h"

#include <QSqlQuery>

#include "HubDatabase.h"
#include "HubSql.h"

namespace gymgate::hub {
namespace {

const QString kFieldKey = QStringLiteral("field_key");

} // namespace

Result<std::optional<QString>> HubSettings::value(const QString &key) const
{
    const Result<std::optional<QVariant>> found
        = sql::scalar(m_database.database(), QStringLiteral("SELECT value FROM hub_setting WHERE key = ?"), {key});
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return std::optional<QString> {};
    return std::optional<QString> {(*found)->toString()};
}

Status HubSettings::setValue(const QString &key, const QString &value)
{
    const Result<QSqlQuery> written = sql::exec(m_database.database(),
        QStringLiteral("INSERT INTO hub_setting (key, value, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
        {key, value, sql::nowMs()});
    if (!written)
        return std::unexpected(written.error());
    return {};
}

Result<QByteArray> HubSettings::fieldKey()
{
    const Result<QSqlQuery> inserted = sql::exec(m_database.database(),
        QStringLiteral(
            "INSERT INTO hub_setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING"),
        {kFieldKey, QString::fromLatin1(FieldCipher::generateKey().toBase64()), sql::nowMs()});
    if (!inserted)
        return std::unexpected(inserted.error());
    const Result<std::optional<QString>> stored = value(kFieldKey);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return fail(ErrorCode::Internal, QStringLiteral("field_key missing after insert"));
    return QByteArray::fromBase64((*stored)->toLatin1());
}

Result<FieldCipher> HubSettings::fieldCipher()
{
    const Result<QByteArray> key = fieldKey();
    if (!key)
        return std::unexpected(key.error());
    return FieldCipher::fromKey(*key);
}

} // namespace gymgate::hub
