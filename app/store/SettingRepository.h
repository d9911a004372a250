#pragma once

#include "core/Error.h"

#include <QHash>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace gymgate {

class Database;

// Key/value settings (`setting`). The typed getters return the default when the key is
// missing, unreadable, or the database fails (the failure is logged): a setting never stops
// the program. Keys and their defaults are listed by the settings service.
class SettingRepository {
public:
    explicit SettingRepository(Database &db);

    QString value(const QString &key, const QString &defaultValue = {}) const;
    qint64 intValue(const QString &key, qint64 defaultValue) const;
    bool boolValue(const QString &key, bool defaultValue) const; // "true"/"1" or "false"/"0"
    // site.timezone (Asia/Shanghai by default); UTC+8 when the stored id is unknown to this system.
    QTimeZone siteTimeZone() const;

    Result<std::optional<QString>> find(const QString &key) const;
    Status setValue(const QString &key, const QString &value, qint64 atMs = 0); // 0 = now
    Status setInt(const QString &key, qint64 value, qint64 atMs = 0);
    Status setBool(const QString &key, bool value, qint64 atMs = 0);
    Status remove(const QString &key);
    Result<QHash<QString, QString>> all() const;

private:
    Database &m_db;
};

} // namespace gymgate
