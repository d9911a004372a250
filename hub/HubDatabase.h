#pragma once

#include "core/Error.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
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

    // Runs `work` in one transaction: commit when it succeeds, roll back when it fails. A call
    // inside another one joins it. SQLite begins IMMEDIATE so concurrent writers queue on the
    // busy timeout instead of failing at their first write.
    Status transaction(const std::function<Status()> &work);
    bool inTransaction() const { return m_transactionDepth > 0; }

private:
    HubDatabase(DbDialect dialect, QString connectionName);
    Status configure(const QString &spec);
    Status connect();
    Result<int> readSchemaVersion() const;
    Status migrate();
    Status migrateLocked();
    Status applyMigration(int version, const QString &name, const QString &resourcePath);

    DbDialect m_dialect = DbDialect::Invalid;
    QString m_connectionName;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
};

} // namespace gymgate::hub
