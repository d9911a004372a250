#include "store/SettingRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QtGlobal>

namespace gymgate {

SettingRepository::SettingRepository(Database &db) : m_db(db)
{ }

Result<std::optional<QString>> SettingRepository::find(const QString &key) const
{
    Result<QSqlQuery> query
        = sql::run(m_db.connection(), QStringLiteral("SELECT value FROM setting WHERE key = ?"), {key});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<QString>();
    return std::optional<QString>(query->value(0).toString());
}

QString SettingRepository::value(const QString &key, const QString &defaultValue) const
{
    Result<std::optional<QString>> found = find(key);
    if (!found) {
        qWarning("setting %s unreadable: %s", qUtf8Printable(key), qUtf8Printable(found.error().toString()));
        return defaultValue;
    }
    return found->value_or(defaultValue);
}

qint64 SettingRepository::intValue(const QString &key, qint64 defaultValue) const
{
    const QString text = value(key);
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    return ok ? number : defaultValue;
}

bool SettingRepository::boolValue(const QString &key, bool defaultValue) const
{
    const QString text = value(key).trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return defaultValue;
}

Status SettingRepository::setValue(const QString &key, const QString &value, qint64 atMs)
{
    if (key.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The setting has no name."),
            QStringLiteral("key"));
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
        {key, value, atMs == 0 ? sql::currentTimeMs() : atMs});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Status SettingRepository::setInt(const QString &key, qint64 value, qint64 atMs)
{
    return setValue(key, QString::number(value), atMs);
}

Status SettingRepository::setBool(const QString &key, bool value, qint64 atMs)
{
    return setValue(key, value ? QStringLiteral("true") : QStringLiteral("false"), atMs);
}

Status SettingRepository::remove(const QString &key)
{
    Result<QSqlQuery> query = sql::run(m_db.connection(), QStringLiteral("DELETE FROM setting WHERE key = ?"), {key});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<QHash<QString, QString>> SettingRepository::all() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(), QStringLiteral("SELECT key, value FROM setting"));
    if (!query)
        return std::unexpected(query.error());
    QHash<QString, QString> values;
    while (query->next())
        values.insert(query->value(0).toString(), query->value(1).toString());
    return values;
}

QTimeZone SettingRepository::siteTimeZone() const
{
    const QTimeZone zone(value(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    return zone.isValid() ? zone : QTimeZone(8 * 3600);
}

} // namespace gymgate
