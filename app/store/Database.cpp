#include "store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>

namespace gymgate {

namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter {0};
    return QStringLiteral("gymgate-store-%1").arg(counter.fetch_add(1) + 1);
}

Result<QList<Migration>> readEmbeddedMigrations()
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d{4})_[A-Za-z0-9_]+\\.sql$"));
    const QDir dir(QStringLiteral(":/db/local"));
    QList<Migration> steps;
    const QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = namePattern.match(name);
        if (!match.hasMatch())
            return fail(ErrorCode::Migration,
                QCoreApplication::translate("Store", "The migration file name %1 is not NNNN_name.sql.").arg(name));
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Migration,
                QCoreApplication::translate("Store", "The migration %1 cannot be read.").arg(name));
        steps.append(Migration {match.captured(1).toInt(), name, QString::fromUtf8(file.readAll())});
    }
    return steps;
}

// Versions must run 1, 2, 3 ... so that "apply everything above the file's version" is exact.
Status checkSequence(const QList<Migration> &steps)
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps.at(i).version != i + 1)
            return fail(ErrorCode::Migration,
                QCoreApplication::translate(
                    "Store", "The migrations are not numbered without gaps: expected version %1, found %2 (%3).")
                    .arg(i + 1)
                    .arg(steps.at(i).version)
                    .arg(steps.at(i).name));
    }
    return {};
}

QString backupPathFor(const QString &path, int oldVersion)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMddHHmmss"));
    const QString base = path + QStringLiteral(".v%1-%2").arg(oldVersion).arg(stamp);
    QString candidate = base + QStringLiteral(".bak");
    // Two upgrades within one second must not overwrite the first backup.
    for (int n = 1; QFileInfo::exists(candidate); ++n)
        candidate = base + QStringLiteral("-%1.bak").arg(n);
    return candidate;
}

} // namespace

Result<QList<Migration>> Database::builtInMigrations()
{
    static const Result<QList<Migration>> steps = readEmbeddedMigrations();
    return steps;
}

int Database::latestSchemaVersion()
{
    const Result<QList<Migration>> steps = builtInMigrations();
    return steps && !steps->isEmpty() ? steps->constLast().version : 0;
}

Result<std::unique_ptr<Database>> Database::open(const Options &options)
{
    std::unique_ptr<Database> db(new Database);
    if (Status status = db->openConnection(options); !status)
        return std::unexpected(status.error());
    if (options.inspectOnly) {
        Result<int> version = db->readUserVersion();
        if (!version)
            return std::unexpected(version.error());
        db->m_schemaVersion = db->m_initialSchemaVersion = *version;
        if (Status status = db->execRaw("PRAGMA foreign_keys=ON"); !status)
            return std::unexpected(status.error());
        return db;
    }
    if (Status status = db->migrate(options); !status)
        return std::unexpected(status.error());
    return db;
}

Database::~Database()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

Status Database::openConnection(const Options &options)
{
    if (options.path.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "No database file was given."),
            QStringLiteral("path"));
    const bool inMemory = options.path == QStringLiteral(":memory:");
    if (!inMemory) {
        const QFileInfo info(options.path);
        if (options.inspectOnly && !info.exists())
            return fail(ErrorCode::NotFound,
                QCoreApplication::translate("Store", "The database file %1 does not exist.").arg(options.path),
                QStringLiteral("path"));
        if (!QDir().mkpath(info.absolutePath()))
            return fail(ErrorCode::Io,
                QCoreApplication::translate("Store", "The folder %1 cannot be created.").arg(info.absolutePath()),
                QStringLiteral("path"));
    }
    // Reusing a live connection name would silently replace that connection under its owner.
    if (!options.connectionName.isEmpty() && QSqlDatabase::contains(options.connectionName))
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "The connection name %1 is already in use.")
                .arg(options.connectionName),
            QStringLiteral("connectionName"));
    m_path = options.path;
    m_connectionName = options.connectionName.isEmpty() ? nextConnectionName() : options.connectionName;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(options.path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
    if (!m_db.open())
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The database %1 cannot be opened: %2")
                .arg(options.path, m_db.lastError().text()));
    const QVariant driverHandle = m_db.driver()->handle();
    if (!driverHandle.isValid() || qstrcmp(driverHandle.typeName(), "sqlite3*") != 0)
        return fail(ErrorCode::Internal,
            QCoreApplication::translate("Store", "The SQLite driver did not expose its connection handle."));
    m_handle = *static_cast<sqlite3 *const *>(driverHandle.constData());
    if (m_handle == nullptr)
        return fail(ErrorCode::Internal,
            QCoreApplication::translate("Store", "The SQLite driver did not expose its connection handle."));
    sqlite3_busy_timeout(m_handle, options.busyTimeoutMs);
    return {};
}

Status Database::applyPragmas(const Options &options)
{
    if (Status status = execRaw("PRAGMA foreign_keys=ON"); !status)
        return status;
    if (Status status = execRaw(options.fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"); !status)
        return status;
    if (!options.autoCheckpoint) {
        if (Status status = execRaw("PRAGMA wal_autocheckpoint=0"); !status)
            return status;
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The journal mode cannot be set: %1").arg(query.lastError().text()));
    const QString mode = query.value(0).toString();
    if (mode != QStringLiteral("wal") && mode != QStringLiteral("memory"))
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The database %1 cannot use write-ahead logging (mode %2).")
                .arg(m_path, mode));
    return {};
}

Status Database::migrate(const Options &options)
{
    Result<QList<Migration>> steps
        = options.migrations ? Result<QList<Migration>>(*options.migrations) : builtInMigrations();
    if (!steps)
        return std::unexpected(steps.error());
    if (Status status = checkSequence(*steps); !status)
        return status;
    const int latest = steps->isEmpty() ? 0 : steps->constLast().version;
    const int target = options.targetVersion < 0 ? latest : options.targetVersion;
    if (target > latest)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "Schema version %1 was asked for, but the latest known is %2.")
                .arg(target)
                .arg(latest),
            QStringLiteral("targetVersion"));

    // Read the version before any PRAGMA: switching to WAL writes the file header, and a file
    // from a newer GymGate must stay exactly as it is.
    Result<int> current = readUserVersion();
    if (!current)
        return std::unexpected(current.error());
    m_initialSchemaVersion = m_schemaVersion = *current;
    if (*current > latest)
        return fail(ErrorCode::SchemaTooNew,
            QCoreApplication::translate("Store",
                "The database %1 has schema version %2, but this GymGate knows versions up to %3 only. "
                "Please install a newer GymGate; the file was not changed.")
                .arg(m_path)
                .arg(*current)
                .arg(latest));
    if (Status status = applyPragmas(options); !status)
        return status;
    if (*current >= target)
        return {};
    if (*current > 0) {
        const QString backupPath = backupPathFor(m_path, *current);
        if (Status status = backupTo(backupPath); !status)
            return fail(ErrorCode::Migration,
                QCoreApplication::translate(
                    "Store", "The database could not be backed up before the upgrade, so it was not changed: %1")
                    .arg(status.error().message));
        m_migrationBackupPath = backupPath;
    }
    QList<Migration> pending;
    for (const Migration &step : std::as_const(*steps)) {
        if (step.version > *current && step.version <= target)
            pending.append(step);
    }
    if (Status status = applyMigrations(pending, target); !status)
        return status;
    m_schemaVersion = target;
    return {};
}

Status Database::applyMigrations(const QList<Migration> &steps, int targetVersion)
{
    if (Status status = execRaw("BEGIN IMMEDIATE"); !status)
        return fail(ErrorCode::Migration, status.error().message);
    const auto rollback = [this](const QString &message) -> Status {
        if (inTransaction())
            sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
        return fail(ErrorCode::Migration, message);
    };
    for (const Migration &step : steps) {
        if (Status status = execScript(step.sql); !status)
            return rollback(
                QCoreApplication::translate("Store", "The migration %1 failed, the database was left at version %2: %3")
                    .arg(step.name)
                    .arg(m_schemaVersion)
                    .arg(status.error().message));
    }
    const QByteArray setVersion = "PRAGMA user_version=" + QByteArray::number(targetVersion);
    if (Status status = execRaw(setVersion.constData()); !status)
        return rollback(status.error().message);
    if (Status status = execRaw("COMMIT"); !status)
        return rollback(QCoreApplication::translate(
            "Store", "The upgrade could not be committed, the database was left at version %1: %2")
                            .arg(m_schemaVersion)
                            .arg(status.error().message));
    return {};
}

Result<int> Database::readUserVersion() const
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_handle, "PRAGMA user_version", -1, &statement, nullptr) != SQLITE_OK)
        return std::unexpected(sqliteError(QCoreApplication::translate("Store", "The schema version cannot be read")));
    const int rc = sqlite3_step(statement);
    const int version = rc == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
    sqlite3_finalize(statement);
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(QCoreApplication::translate("Store", "The schema version cannot be read")));
    return version;
}

QSqlDatabase Database::connection() const
{
    return m_db;
}

bool Database::inTransaction() const
{
    return m_handle != nullptr && sqlite3_get_autocommit(m_handle) == 0;
}

Status Database::transaction(const std::function<Status()> &work)
{
    if (inTransaction()) {
        // Nested: a savepoint, so this part can fail alone while the outer work goes on.
        const QByteArray name = "gg_sp" + QByteArray::number(++m_savepointDepth);
        if (Status status = execRaw(QByteArray("SAVEPOINT " + name).constData()); !status) {
            --m_savepointDepth;
            return status;
        }
        Status result = work();
        if (result)
            result = execRaw(QByteArray("RELEASE " + name).constData());
        if (!result && inTransaction()) {
            sqlite3_exec(m_handle, QByteArray("ROLLBACK TO " + name).constData(), nullptr, nullptr, nullptr);
            sqlite3_exec(m_handle, QByteArray("RELEASE " + name).constData(), nullptr, nullptr, nullptr);
        }
        --m_savepointDepth;
        return result;
    }
    if (Status status = execRaw("BEGIN IMMEDIATE"); !status)
        return status;
    Status result = work();
    if (result)
        result = execRaw("COMMIT");
    // A failed statement may already have ended the transaction (SQLITE_FULL, RAISE(ROLLBACK)).
    if (!result && inTransaction())
        sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
    return result;
}

Status Database::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The database reported an error: %1").arg(query.lastError().text()));
    return {};
}

Status Database::execScript(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    return execRaw(utf8.constData());
}

Status Database::execRaw(const char *sql) const
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_handle, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    const QString text = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_free(message);
    return fail(
        ErrorCode::Storage, QCoreApplication::translate("Store", "The database reported an error: %1").arg(text));
}

Error Database::sqliteError(const QString &what) const
{
    return Error {ErrorCode::Storage, what + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(m_handle)), {}};
}

Result<qint64> Database::scalar(const QString &sql) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The database reported an error: %1").arg(query.lastError().text()));
    if (!query.next())
        return fail(ErrorCode::NotFound, QCoreApplication::translate("Store", "The query returned no row."));
    return query.value(0).toLongLong();
}

QStringList Database::tableNames() const
{
    QStringList names;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                  "AND name NOT LIKE 'sqlite_%' ORDER BY name"))) {
        while (query.next())
            names.append(query.value(0).toString());
    }
    return names;
}

Status Database::backupTo(const QString &targetPath) const
{
    if (targetPath.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "No backup file was given."),
            QStringLiteral("target"));
    if (QFileInfo(targetPath).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("Store", "A database cannot be backed up onto itself."),
            QStringLiteral("target"));
    sqlite3 *target = nullptr;
    const QByteArray targetUtf8 = targetPath.toUtf8();
    int rc = sqlite3_open_v2(targetUtf8.constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        const QString text = target ? QString::fromUtf8(sqlite3_errmsg(target)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(target);
        return fail(ErrorCode::Io,
            QCoreApplication::translate("Store", "The backup file %1 cannot be created: %2").arg(targetPath, text),
            QStringLiteral("target"));
    }
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", m_handle, "main");
    if (backup == nullptr) {
        const QString text = QString::fromUtf8(sqlite3_errmsg(target));
        sqlite3_close(target);
        return fail(ErrorCode::Io,
            QCoreApplication::translate("Store", "The backup to %1 cannot start: %2").arg(targetPath, text));
    }
    rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    const int finalRc = sqlite3_errcode(target);
    const QString text = QString::fromUtf8(sqlite3_errmsg(target));
    sqlite3_close(target);
    if (rc != SQLITE_DONE || finalRc != SQLITE_OK)
        return fail(
            ErrorCode::Io, QCoreApplication::translate("Store", "The backup to %1 failed: %2").arg(targetPath, text));
    return {};
}

Result<QString> Database::integrityCheck() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The integrity check could not run: %1")
                .arg(query.lastError().text()));
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

Result<int> Database::checkpoint()
{
    int walPages = 0;
    int copiedPages = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walPages, &copiedPages);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The write-ahead log could not be checkpointed: %1")
                .arg(QString::fromUtf8(sqlite3_errmsg(m_handle))));
    return copiedPages;
}

} // namespace gymgate
