#pragma once

#include "core/Error.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace gymgate::hub {

enum class DbDialect {
    Invalid = 0,
    Sqlite,
    Postgresql,
};

// The hub's store: an SQLite file (one hub) or a PostgreSQL database (chains, several
// stateless hub instances behind a proxy). Opening brings the schema up to date from the
// numbered migrations in :/db/hub/<dialect>/ and refuses a schema newer than this build knows.
class HubDatabase {
public:
    ~HubDatabase();
    HubDatabase(const HubDatabase &) = delete;
    HubDatabase &operator=(const HubDatabase &) = delete;

    // `spec` is an SQLite file path or postgresql://user[:password]@host[:port]/dbname[?options].
    static Result<std::unique_ptr<HubDatabase>> open(const QString &spec);

    DbDialect dialect() const { return m_dialect; }
    QString dialectName() const; // "sqlite" or "postgresql"
    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion(DbDialect dialect);
    QSqlDatabase database() const;

private:
    HubDatabase(DbDialect dialect, QString connectionName);
    Status configure(const QString &spec);
    Status connect();
    Result<int> readSchemaVersion() const;
    Status migrate();
    Status applyMigration(int version, const QString &name, const QString &resourcePath);

    DbDialect m_dialect = DbDialect::Invalid;
    QString m_connectionName;
    int m_schemaVersion = 0;
};

} // namespace gymgate::hub
