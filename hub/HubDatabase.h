#pragma once

#include "core/Error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>

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

    // Takes the change-log order lock for the rest of the current transaction (PostgreSQL: a
    // transaction-scoped advisory lock, asked for once per transaction; SQLite: nothing, BEGIN
    // IMMEDIATE already serialises writers). Change-log seqs are then drawn and committed in the
    // same order by every hub instance (see ChangeLog).
    Status lockChangeOrder();
    // The same lock taken by the caller's statement, saving it a round trip: the statement starts
    // with this WITH clause and reads FROM change_order (one row) before it writes anything; the
    // caller then calls changeOrderLocked(). On SQLite the clause names a plain one-row table.
    QString changeOrderLockClause() const;
    void changeOrderLocked() { m_changeOrderLocked = m_transactionDepth > 0; }

    // `statement` prepared once for this connection and kept for reuse: the Qt PostgreSQL driver
    // sends PREPARE and DEALLOCATE around every query it does not keep, two extra round trips.
    // For the hot paths through sql::affected / sql::firstRow / sql::rows, which read the result
    // at once. Only for fixed statement texts (values bound, never spliced in): one is kept per
    // distinct text for the life of the connection.
    Result<QSqlQuery *> prepared(const QString &statement);

private:
    HubDatabase(DbDialect dialect, QString connectionName);
    Status configure(const QString &spec);
    Status connect();
    Status configurePostgresSession();
    Result<int> readSchemaVersion() const;
    Status migrate();
    Status migrateLocked();
    Status applyMigration(int version, const QString &name, const QString &resourcePath);

    DbDialect m_dialect = DbDialect::Invalid;
    QString m_connectionName;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    bool m_changeOrderLocked = false; // within the current transaction
    // Node-based, so the pointers prepared() hands out stay valid as statements are added.
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace gymgate::hub
