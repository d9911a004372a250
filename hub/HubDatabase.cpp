#include "HubDatabase.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <map>

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubDatabase)
};

const QString kDbField = QStringLiteral("db");
// pg_advisory_lock keys of the hub ("GYMG" and "GYMC" in ASCII).
constexpr qint64 kMigrationLockKey = 0x47594d47;
constexpr qint64 kChangeLogLockKey = 0x47594d43;

bool isPostgresSpec(const QString &spec)
{
    return spec.startsWith(QLatin1String("postgresql://")) || spec.startsWith(QLatin1String("postgres://"));
}

QString migrationDir(DbDialect dialect)
{
    return dialect == DbDialect::Postgresql ? QStringLiteral(":/db/hub/postgresql") : QStringLiteral(":/db/hub/sqlite");
}

// version -> resource path of every NNNN_name.sql of the dialect, in order.
std::map<int, QString> migrationFiles(DbDialect dialect)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    std::map<int, QString> files;
    const QDir dir(migrationDir(dialect));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch())
            files.emplace(match.captured(1).toInt(), dir.filePath(name));
    }
    return files;
}

// Splits a migration into statements: statements end with ';' at the end of a line, and
// lines starting with "--" are comments. Migrations are written to that rule.
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Error storageError(const QString &message)
{
    return Error {ErrorCode::Storage, message, kDbField};
}

} // namespace

HubDatabase::HubDatabase(DbDialect dialect, QString connectionName)
    : m_dialect(dialect), m_connectionName(std::move(connectionName))
{ }

HubDatabase::~HubDatabase()
{
    m_statements.clear(); // a driver statement must not outlive its connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<HubDatabase>> HubDatabase::open(const QString &spec)
{
    static std::atomic<int> counter {0};
    const DbDialect dialect = isPostgresSpec(spec) ? DbDialect::Postgresql : DbDialect::Sqlite;
    const QString name = QStringLiteral("gymgate-hub-%1").arg(counter.fetch_add(1));
    std::unique_ptr<HubDatabase> db(new HubDatabase(dialect, name));
    if (Status status = db->configure(spec); !status)
        return std::unexpected(status.error());
    if (Status status = db->connect(); !status)
        return std::unexpected(status.error());
    if (Status status = db->migrate(); !status)
        return std::unexpected(status.error());
    return db;
}

QString HubDatabase::dialectName() const
{
    return m_dialect == DbDialect::Postgresql ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

int HubDatabase::latestSchemaVersion(DbDialect dialect)
{
    const std::map<int, QString> files = migrationFiles(dialect);
    return files.empty() ? 0 : files.rbegin()->first;
}

QSqlDatabase HubDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Status HubDatabase::configure(const QString &spec)
{
    if (spec.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("--db is empty."), kDbField);
    if (m_dialect == DbDialect::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(spec);
        return {};
    }
    const QUrl url(spec, QUrl::StrictMode);
    const QString dbName = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || dbName.isEmpty() || dbName.contains(QLatin1Char('/')))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("--db must look like postgresql://user@host:port/dbname: %1")
                .arg(url.toDisplayString(QUrl::RemovePassword)),
            kDbField);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(ErrorCode::Storage,
            Text::tr("The Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)."), kDbField);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setDatabaseName(dbName);
    db.setUserName(url.userName());
    db.setPassword(url.password());
    // libpq options such as sslmode=require or connect_timeout=5, passed through unchanged.
    QStringList connectOptions;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        connectOptions.append(key + QLatin1Char('=') + value);
    db.setConnectOptions(connectOptions.join(QLatin1Char(';')));
    return {};
}

Status HubDatabase::connect()
{
    QSqlDatabase db = database();
    if (!db.open())
        return std::unexpected(storageError(Text::tr("Cannot open the hub database: %1").arg(db.lastError().text())));
    if (m_dialect == DbDialect::Postgresql)
        return configurePostgresSession();
    // WAL so readers never wait for the writer; foreign keys are off by default in SQLite.
    QSqlQuery query(db);
    for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA foreign_keys=ON"),
             QStringLiteral("PRAGMA busy_timeout=5000"), QStringLiteral("PRAGMA synchronous=NORMAL")}) {
        if (!query.exec(pragma))
            return std::unexpected(storageError(
                Text::tr("Cannot configure the hub database (%1): %2").arg(pragma, query.lastError().text())));
    }
    return {};
}

Status HubDatabase::configurePostgresSession()
{
    // synchronous_commit stays on whatever the server's default: a pushed event is acknowledged
    // only once its transaction is on disk.
    QSqlQuery query(database());
    const QString setting = QStringLiteral("SET synchronous_commit = on");
    if (!query.exec(setting))
        return std::unexpected(storageError(
            Text::tr("Cannot configure the hub database (%1): %2").arg(setting, query.lastError().text())));
    return {};
}

Status HubDatabase::transaction(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0)
        return work();
    QSqlDatabase db = database();
    const bool begun
        = m_dialect == DbDialect::Sqlite ? QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE")) : db.transaction();
    if (!begun)
        return std::unexpected(storageError(Text::tr("Cannot begin a transaction: %1").arg(db.lastError().text())));
    ++m_transactionDepth;
    m_changeOrderLocked = false;
    Status status = work();
    --m_transactionDepth;
    m_changeOrderLocked = false; // the advisory lock ends with the transaction
    const auto rollback = [&db, this] {
        if (m_dialect == DbDialect::Sqlite)
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        else
            db.rollback();
    };
    if (!status) {
        rollback();
        return status;
    }
    const bool committed = m_dialect == DbDialect::Sqlite ? QSqlQuery(db).exec(QStringLiteral("COMMIT")) : db.commit();
    if (!committed) {
        const QString error = db.lastError().text();
        rollback();
        return std::unexpected(storageError(Text::tr("Cannot commit: %1").arg(error)));
    }
    return {};
}

Status HubDatabase::lockChangeOrder()
{
    if (m_dialect != DbDialect::Postgresql || m_changeOrderLocked)
        return {};
    if (m_transactionDepth == 0)
        return fail(ErrorCode::Internal, Text::tr("The change-log lock was asked for outside a transaction."));
    Result<QSqlQuery *> query = prepared(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kChangeLogLockKey));
    if (!query)
        return std::unexpected(query.error());
    if (!(*query)->exec())
        return std::unexpected(storageError((*query)->lastError().text()));
    (*query)->finish();
    m_changeOrderLocked = true;
    return {};
}

QString HubDatabase::changeOrderLockClause() const
{
    // PostgreSQL never inlines a CTE that calls a volatile function: it runs once, when the
    // statement first reads it.
    return m_dialect == DbDialect::Postgresql
        ? QStringLiteral("WITH change_order AS (SELECT pg_advisory_xact_lock(%1)) ").arg(kChangeLogLockKey)
        : QStringLiteral("WITH change_order AS (SELECT 1) ");
}

Result<QSqlQuery *> HubDatabase::prepared(const QString &statement)
{
    if (const auto found = m_statements.find(statement); found != m_statements.end())
        return found->second.get();
    auto query = std::make_unique<QSqlQuery>(database());
    if (!query->prepare(statement)) {
        logWarning(QStringLiteral("hub sql prepare failed: %1 (%2)").arg(query->lastError().text(), statement));
        return std::unexpected(storageError(query->lastError().text()));
    }
    return m_statements.emplace(statement, std::move(query)).first->second.get();
}

Result<int> HubDatabase::readSchemaVersion() const
{
    const QSqlDatabase db = database();
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !query.next())
        return std::unexpected(
            storageError(Text::tr("Cannot read the schema version: %1").arg(query.lastError().text())));
    return query.value(0).toInt();
}

Status HubDatabase::migrate()
{
    // Several hub instances on one PostgreSQL may start at once: one migrates, the others wait
    // for it and then find the schema current. The session lock ends with migrate().
    if (m_dialect == DbDialect::Postgresql) {
        QSqlQuery lock(database());
        if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLockKey)))
            return std::unexpected(storageError(lock.lastError().text()));
    }
    const Status status = migrateLocked();
    if (m_dialect == DbDialect::Postgresql)
        QSqlQuery(database()).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLockKey));
    return status;
}

Status HubDatabase::migrateLocked()
{
    const Result<int> current = readSchemaVersion();
    if (!current)
        return std::unexpected(current.error());
    const std::map<int, QString> files = migrationFiles(m_dialect);
    const int latest = files.empty() ? 0 : files.rbegin()->first;
    if (*current > latest)
        return fail(ErrorCode::SchemaTooNew,
            Text::tr("The hub database has schema version %1, newer than this gymgate-hub knows (%2). "
                     "Use a newer gymgate-hub.")
                .arg(*current)
                .arg(latest),
            kDbField);
    m_schemaVersion = *current;
    for (const auto &[version, path] : files) {
        if (version <= m_schemaVersion)
            continue;
        if (Status status = applyMigration(version, QFileInfo(path).completeBaseName(), path); !status)
            return status;
        m_schemaVersion = version;
        logInfo(QStringLiteral("hub database migrated to schema %1 (%2)").arg(version).arg(dialectName()));
    }
    return {};
}

Status HubDatabase::applyMigration(int version, const QString &name, const QString &resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Migration, Text::tr("Cannot read the migration %1.").arg(resourcePath), kDbField);
    QSqlDatabase db = database();
    // One transaction per migration: both dialects roll DDL back, so a failed step changes nothing.
    if (!db.transaction())
        return fail(
            ErrorCode::Migration, Text::tr("Cannot start migration %1: %2").arg(name, db.lastError().text()), kDbField);
    QSqlQuery query(db);
    for (const QString &statement : splitStatements(QString::fromUtf8(file.readAll()))) {
        if (!query.exec(statement)) {
            const QString error = query.lastError().text();
            db.rollback();
            return fail(ErrorCode::Migration, Text::tr("Migration %1 failed: %2").arg(name, error), kDbField);
        }
    }
    query.prepare(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"));
    query.addBindValue(version);
    query.addBindValue(name);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!query.exec() || !db.commit()) {
        const QString error = query.lastError().isValid() ? query.lastError().text() : db.lastError().text();
        db.rollback();
        return fail(ErrorCode::Migration, Text::tr("Migration %1 failed: %2").arg(name, error), kDbField);
    }
    return {};
}

} // namespace gymgate::hub
