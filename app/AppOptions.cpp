#include "AppOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace gymgate {
namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AppOptions)
};

QString defaultDatabasePath()
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dataDir).filePath(QStringLiteral("gymgate.db"));
}

} // namespace

Result<AppOptions> parseAppOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("GymGate: gym access control and front desk."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
        Text::tr("Run the entry controller without a window: codes from standard input, "
                 "decisions on standard output."));
    const QCommandLineOption db(
        QStringLiteral("db"), Text::tr("The local database file."), Text::tr("path"), defaultDatabasePath());
    const QCommandLineOption lang(
        QStringLiteral("lang"), Text::tr("Interface language: zh_CN or en."), Text::tr("language"));
    const QCommandLineOption logDir(
        QStringLiteral("log-dir"), Text::tr("Folder for the rotating diagnostic log."), Text::tr("path"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        Text::tr("Diagnostic log level: trace, debug, info, warn, error."), Text::tr("level"), QStringLiteral("info"));
    const QCommandLineOption gate(
        QStringLiteral("gate"), Text::tr("The gate this controller serves (id or name)."), Text::tr("gate"));
    const QCommandLineOption format(QStringLiteral("format"),
        Text::tr("Decision output: text or json (default: text on a terminal, else json)."), Text::tr("format"));
    const QCommandLineOption clock(QStringLiteral("clock"),
        Text::tr("Run as if it were this time (ISO 8601, e.g. 2026-03-04T10:05:00+08:00); time then runs on. "
                 "For demos and tests."),
        Text::tr("time"));
    parser.addOptions({headless, db, lang, logDir, logLevel, gate, format, clock});

    if (!parser.parse(arguments))
        return fail(ErrorCode::InvalidArgument, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0);
    }
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    AppOptions options;
    options.databasePath = parser.value(db);
    options.language = parser.value(lang);
    options.logDirectory = parser.value(logDir);
    options.logLevel = parser.value(logLevel);
    options.gate = parser.value(gate);
    options.mode = AppMode::Headless; // the only mode until the windows land

    if (!options.language.isEmpty() && options.language != QLatin1String("zh_CN")
        && options.language != QLatin1String("en"))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Unknown language \"%1\": use zh_CN or en.").arg(options.language), QStringLiteral("lang"));
    if (parser.isSet(format)) {
        const QString value = parser.value(format);
        if (value == QLatin1String("text"))
            options.format = OutputFormat::Text;
        else if (value == QLatin1String("json"))
            options.format = OutputFormat::Json;
        else
            return fail(ErrorCode::InvalidArgument,
                Text::tr("Unknown output format \"%1\": use text or json.").arg(value), QStringLiteral("format"));
    }
    static const QStringList levels {QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
        QStringLiteral("warn"), QStringLiteral("error"), QStringLiteral("critical"), QStringLiteral("off")};
    if (!levels.contains(options.logLevel))
        return fail(ErrorCode::InvalidArgument, Text::tr("Unknown log level \"%1\".").arg(options.logLevel),
            QStringLiteral("log-level"));
    if (parser.isSet(clock)) {
        const QDateTime start = QDateTime::fromString(parser.value(clock), Qt::ISODate);
        if (!start.isValid())
            return fail(ErrorCode::InvalidArgument,
                Text::tr("The clock must be an ISO 8601 date and time, like 2026-03-04T10:05:00+08:00."),
                QStringLiteral("clock"));
        options.clockStartMs = start.toMSecsSinceEpoch();
    }
    return options;
}

} // namespace gymgate
