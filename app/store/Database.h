#pragma once

#include "core/Error.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

struct sqlite3;

namespace gymgate {

// One numbered schema step (db/local/NNNN_name.sql).
struct Migration {
    int version = 0; // NNNN; versions run 1, 2, 3, ... without gaps
    QString name; // file name, for messages
    QString sql; // several statements
};

// One open connection to the local SQLite database (DESIGN §4). Opening applies the PRAGMAs
// (WAL, foreign_keys, busy_timeout, synchronous=FULL), then checks the schema version: an
// older database is backed up next to the file and migrated in one transaction; a newer one
// is refused with SchemaTooNew and left untouched. Use one Database per thread, and destroy
// the repositories and adapters built on it before the Database itself.
class Database {
public:
    struct Options {
        QString path; // file path; ":memory:" is allowed for tests
        int busyTimeoutMs = 5000;
        int targetVersion = -1; // -1 = latest; tests use lower to build old schemas
        bool fullSync = true; // synchronous=FULL; datagen turns it off for bulk loads
        QString connectionName; // default: unique per instance
        // Tools that only look at a file (dbtool info, integrity, backup) open it as it is: no
        // version check, no migration, no journal mode change, so the file is not altered.
        bool inspectOnly = false;
        // SQLite checkpoints the WAL inside whichever commit crosses 1000 pages, which puts a
        // multi-millisecond stall on that commit. The entry path turns this off and calls
        // checkpoint() between scans instead, so no decision waits for it.
        bool autoCheckpoint = true;
        // Replaces the migrations embedded under :/db/local (tests of the runner).
        std::optional<QList<Migration>> migrations;
    };

    static Result<std::unique_ptr<Database>> open(const Options &options);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The migrations embedded as Qt resources, sorted by version.
    static Result<QList<Migration>> builtInMigrations();
    static int latestSchemaVersion();
    int schemaVersion() const { return m_schemaVersion; }
    // Schema version the file had before open() migrated it (equal to schemaVersion() otherwise).
    int initialSchemaVersion() const { return m_initialSchemaVersion; }
    const QString &path() const { return m_path; }
    // Path of the backup made when open() migrated an older schema; empty otherwise.
    const QString &migrationBackupPath() const { return m_migrationBackupPath; }

    QSqlDatabase connection() const;
    sqlite3 *handle() const { return m_handle; }

    // True while a transaction (or savepoint) is open on this connection.
    bool inTransaction() const;

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT. An error returned by `work` (or a failed
    // commit) rolls everything back and is returned unchanged. Called while a transaction is
    // already open, it nests as a SAVEPOINT: its work is undone alone on error, and becomes
    // durable only with the outer commit.
    Status transaction(const std::function<Status()> &work);
    template<typename T>
    Result<T> transaction(const std::function<Result<T>()> &work);

    Status exec(const QString &sql); // one statement
    Status execScript(const QString &sql); // several statements (sqlite3_exec)
    Result<qint64> scalar(const QString &sql) const; // first column of the first row, as integer

    QStringList tableNames() const; // user tables, sorted

    Status backupTo(const QString &targetPath) const; // SQLite online backup API
    Result<QString> integrityCheck() const; // "ok" or the problems found
    // A passive WAL checkpoint: copies committed pages back into the database file without
    // waiting for readers or writers. Returns the number of pages copied.
    Result<int> checkpoint();

private:
    Database() = default;
    Status openConnection(const Options &options);
    Status applyPragmas(const Options &options);
    Status migrate(const Options &options);
    Status applyMigrations(const QList<Migration> &steps, int targetVersion);
    Result<int> readUserVersion() const;
    Status execRaw(const char *sql) const;
    Error sqliteError(const QString &what) const;

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    sqlite3 *m_handle = nullptr;
    int m_schemaVersion = 0;
    int m_initialSchemaVersion = 0;
    int m_savepointDepth = 0;
    QString m_migrationBackupPath;
};

template<typename T>
Result<T> Database::transaction(const std::function<Result<T>()> &work)
{
    std::optional<T> value;
    Status status = transaction([&]() -> Status {
        Result<T> result = work();
        if (!result)
            return std::unexpected(result.error());
        value = std::move(*result);
        return {};
    });
    if (!status)
        return std::unexpected(status.error());
    return std::move(*value);
}

} // namespace gymgate
