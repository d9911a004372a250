// gymgate-dbtool: the technician's view of a local database (DESIGN §4, §12).
//   gymgate-dbtool --db <file> info | migrate | verify-audit | integrity | backup <target>
// Exit codes: 0 done and sound, 1 the check found a problem, 2 the command could not run.

#include "core/Translations.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

using namespace gymgate;

namespace {

constexpr int ExitOk = 0;
constexpr int ExitProblem = 1;
constexpr int ExitFailed = 2;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int failWith(const QString &message)
{
    QTextStream err(stderr);
    err << message << Qt::endl;
    return ExitFailed;
}

int failWith(const Error &error)
{
    return failWith(error.message);
}

Result<std::unique_ptr<Database>> inspect(const QString &path)
{
    Database::Options options;
    options.path = path;
    options.inspectOnly = true;
    return Database::open(options);
}

int runInfo(const QString &path)
{
    Result<std::unique_ptr<Database>> db = inspect(path);
    if (!db)
        return failWith(db.error());
    out() << QCoreApplication::translate("DbTool", "Database: %1").arg(QFileInfo(path).absoluteFilePath()) << Qt::endl;
    out() << QCoreApplication::translate("DbTool", "File size: %1 bytes").arg(QFileInfo(path).size()) << Qt::endl;
    out() << QCoreApplication::translate("DbTool", "Schema version: %1 (this program: %2)")
                 .arg((*db)->schemaVersion())
                 .arg(Database::latestSchemaVersion())
          << Qt::endl;
    const QStringList tables = (*db)->tableNames();
    out() << QCoreApplication::translate("DbTool", "Tables: %1").arg(tables.size()) << Qt::endl;
    for (const QString &table : tables) {
        // Table names come from sqlite_master, not from the user; quoted all the same.
        QString quoted = table;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        Result<qint64> rows = (*db)->scalar(QStringLiteral("SELECT count(*) FROM \"") + quoted + QLatin1Char('"'));
        if (!rows)
            return failWith(rows.error());
        out() << QStringLiteral("  %1 %2").arg(table, -24).arg(*rows) << Qt::endl;
    }
    return ExitOk;
}

int runMigrate(const QString &path)
{
    Database::Options options;
    options.path = path;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    if (!db)
        return failWith(db.error());
    const Database &opened = **db;
    if (opened.initialSchemaVersion() == opened.schemaVersion()) {
        out() << QCoreApplication::translate("DbTool", "The database is up to date at schema version %1.")
                     .arg(opened.schemaVersion())
              << Qt::endl;
    } else {
        out() << QCoreApplication::translate("DbTool", "Migrated from schema version %1 to %2.")
                     .arg(opened.initialSchemaVersion())
                     .arg(opened.schemaVersion())
              << Qt::endl;
        if (!opened.migrationBackupPath().isEmpty())
            out()
                << QCoreApplication::translate("DbTool", "Backup of the old file: %1").arg(opened.migrationBackupPath())
                << Qt::endl;
    }
    return ExitOk;
}

int runVerifyAudit(const QString &path)
{
    Result<std::unique_ptr<Database>> db = inspect(path);
    if (!db)
        return failWith(db.error());
    Result<AuditVerification> result = AuditLog(**db).verify();
    if (!result)
        return failWith(result.error());
    if (!result->ok) {
        out() << QCoreApplication::translate("DbTool", "audit chain BROKEN at seq %1 (%2 entries intact before it)")
                     .arg(result->firstBrokenSeq)
                     .arg(result->rowsChecked)
              << Qt::endl;
        return ExitProblem;
    }
    out() << QCoreApplication::translate("DbTool", "audit chain intact: %1 entries").arg(result->rowsChecked)
          << Qt::endl;
    return ExitOk;
}

int runIntegrity(const QString &path)
{
    Result<std::unique_ptr<Database>> db = inspect(path);
    if (!db)
        return failWith(db.error());
    Result<QString> result = (*db)->integrityCheck();
    if (!result)
        return failWith(result.error());
    out() << *result << Qt::endl;
    return *result == QStringLiteral("ok") ? ExitOk : ExitProblem;
}

int runBackup(const QString &path, const QString &target)
{
    Result<std::unique_ptr<Database>> db = inspect(path);
    if (!db)
        return failWith(db.error());
    if (Status done = (*db)->backupTo(target); !done)
        return failWith(done.error());
    out() << QCoreApplication::translate("DbTool", "Backup written to %1.").arg(target) << Qt::endl;
    return ExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gymgate-dbtool"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    installTranslator(app, requestedLanguage({})); // the system locale's

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("DbTool", "Inspect, migrate, check and back up a GymGate local database."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringList {QStringLiteral("db")},
        QCoreApplication::translate("DbTool", "The database file."), QCoreApplication::translate("DbTool", "path"));
    parser.addOption(dbOption);
    parser.addPositionalArgument(QStringLiteral("command"),
        QCoreApplication::translate("DbTool", "info | migrate | verify-audit | integrity | backup <target>"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return failWith(QCoreApplication::translate("DbTool",
            "Name a command: info, migrate, verify-audit, integrity "
            "or backup <target>."));
    const QString path = parser.value(dbOption);
    if (path.isEmpty())
        return failWith(QCoreApplication::translate("DbTool", "Give the database file with --db <path>."));

    const QString command = args.constFirst();
    if (command == QStringLiteral("info") && args.size() == 1)
        return runInfo(path);
    if (command == QStringLiteral("migrate") && args.size() == 1)
        return runMigrate(path);
    if (command == QStringLiteral("verify-audit") && args.size() == 1)
        return runVerifyAudit(path);
    if (command == QStringLiteral("integrity") && args.size() == 1)
        return runIntegrity(path);
    if (command == QStringLiteral("backup")) {
        if (args.size() != 2)
            return failWith(QCoreApplication::translate("DbTool", "backup needs exactly one target file."));
        return runBackup(path, args.at(1));
    }
    return failWith(QCoreApplication::translate("DbTool", "Unknown command or wrong arguments: %1")
                        .arg(args.join(QLatin1Char(' '))));
}
