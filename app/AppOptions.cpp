#include "AppOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
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

// --enroll and --unenroll run instead of the kiosk, the desk or the controller.
Status readEnrollment(const QCommandLineParser &parser, const QCommandLineOption &enroll,
    const QCommandLineOption &enrollCode, const QCommandLineOption &deviceName, const QCommandLineOption &deviceKind,
    const QCommandLineOption &unenroll, AppOptions &options)
{
    const bool enrolling = parser.isSet(enroll);
    if (enrolling && parser.isSet(unenroll))
        return fail(ErrorCode::InvalidArgument, Text::tr("--enroll and --unenroll cannot be given together."),
            QStringLiteral("unenroll"));
    if ((enrolling || parser.isSet(unenroll)) && (options.kiosk || options.desk))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("--enroll and --unenroll run on their own: not with --kiosk or --desk."),
            QStringLiteral("enroll"));
    if (parser.isSet(unenroll)) {
        options.mode = AppMode::Unenroll;
        return {};
    }
    if (!enrolling) {
        if (parser.isSet(enrollCode))
            return fail(ErrorCode::InvalidArgument, Text::tr("--enroll-code needs --enroll with the hub's address."),
                QStringLiteral("enroll"));
        return {};
    }
    options.mode = AppMode::Enroll;
    options.enrollHubUrl = parser.value(enroll);
    options.enrollCode = parser.value(enrollCode);
    options.deviceName = parser.value(deviceName);
    options.deviceKind = parser.value(deviceKind);
    if (options.enrollCode.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("--enroll needs the enrollment code: --enroll-code CODE."),
            QStringLiteral("enroll-code"));
    static const QStringList kinds {QStringLiteral("desk"), QStringLiteral("kiosk"), QStringLiteral("controller")};
    if (!kinds.contains(options.deviceKind))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Unknown device kind \"%1\": use desk, kiosk or controller.").arg(options.deviceKind),
            QStringLiteral("device-kind"));
    return {};
}

} // namespace

Result<AppOptions> parseAppOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("GymGate: gym access control and front desk."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
        Text::tr("Run the entry controller without a window: codes from serial scanners and standard input, "
                 "every step on standard output."));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"),
        Text::tr("Run the entry kiosk: a full-screen window at the gate (leave with Ctrl+Alt+Q and the PIN)."));
    const QCommandLineOption desk(QStringLiteral("desk"),
        Text::tr("Run the front desk: members, cards, bookings, manual check-in, staff (with --kiosk: both windows)."));
    const QCommandLineOption keyDir(QStringLiteral("key-dir"),
        Text::tr("Folder of the data key and the desk signing key (default: the database's folder)."),
        Text::tr("path"));
    const QCommandLineOption windowed(
        QStringLiteral("windowed"), Text::tr("Show the kiosk in a normal window instead of full screen."));
    const QCommandLineOption scanner(QStringLiteral("scanner"),
        Text::tr("A serial QR scanner: device, optionally @gate for the gate it serves (e.g. /dev/ttyACM0@Gate 2 or "
                 "/dev/ttyACM1@<gate id>:out). Repeat for several."),
        Text::tr("device[@gate]"));
    const QCommandLineOption scannerBaud(QStringLiteral("scanner-baud"),
        Text::tr("Baud rate of the serial scanners (default 9600)."), Text::tr("baud"), QStringLiteral("9600"));
    const QCommandLineOption scanFolder(QStringLiteral("scan-folder"),
        Text::tr("Decode every image file put into this folder as a scan (demo and tests)."), Text::tr("path"));
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
    const QCommandLineOption demoCodes(QStringLiteral("demo-codes"),
        Text::tr("Show the demo codes of this gymgate-datagen --codes file beside the kiosk, to present them."),
        Text::tr("file"));
    const QCommandLineOption hubCredentials(QStringLiteral("hub-credentials"),
        Text::tr("The hub credentials file written at enrollment (default: beside the database, <db>.hub.json)."),
        Text::tr("file"));
    const QCommandLineOption noSync(QStringLiteral("no-sync"),
        Text::tr("Do not sync with the hub: no network traffic; events wait in the outbox."));
    const QCommandLineOption enroll(QStringLiteral("enroll"),
        Text::tr("Enroll this database with the hub at this address (with --enroll-code), then exit. For a PC "
                 "without a desk screen; a desk enrolls on its Sync page."),
        Text::tr("url"));
    const QCommandLineOption enrollCode(QStringLiteral("enroll-code"),
        Text::tr("The enrollment code an admin made on the hub for this device."), Text::tr("code"));
    const QCommandLineOption deviceName(QStringLiteral("device-name"),
        Text::tr("With --enroll: this device's name on the hub (default: the name given with the code)."),
        Text::tr("name"));
    const QCommandLineOption deviceKind(QStringLiteral("device-kind"),
        Text::tr("With --enroll: desk, kiosk or controller (default controller)."), Text::tr("kind"),
        QStringLiteral("controller"));
    const QCommandLineOption unenroll(QStringLiteral("unenroll"),
        Text::tr("Forget the hub credentials of this database (its data and queued events stay), then exit."));
    parser.addOptions(
        {demoCodes, desk, keyDir, headless, kiosk, windowed, db, lang, logDir, logLevel, gate, format, clock, scanner,
            scannerBaud, scanFolder, hubCredentials, noSync, enroll, enrollCode, deviceName, deviceKind, unenroll});

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
    if (parser.isSet(headless) && (parser.isSet(kiosk) || parser.isSet(desk)))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("--headless runs without a window: not with --kiosk or --desk."), QStringLiteral("headless"));
    options.kiosk = parser.isSet(kiosk);
    options.desk = parser.isSet(desk);
    options.mode = options.kiosk || options.desk ? AppMode::Windows : AppMode::Headless;
    options.keyDirectory = parser.value(keyDir);
    options.windowed = parser.isSet(windowed);
    options.demoCodesPath = parser.value(demoCodes);
    options.scanFolder = parser.value(scanFolder);
    options.hubCredentialsPath = parser.value(hubCredentials);
    options.sync = !parser.isSet(noSync);
    if (Status enrolling = readEnrollment(parser, enroll, enrollCode, deviceName, deviceKind, unenroll, options);
        !enrolling)
        return std::unexpected(enrolling.error());
    bool baudOk = false;
    const qint32 baud = parser.value(scannerBaud).toInt(&baudOk);
    if (!baudOk || baud < 1200 || baud > 921600)
        return fail(ErrorCode::InvalidArgument, Text::tr("The scanner baud rate must be a number from 1200 to 921600."),
            QStringLiteral("scanner-baud"));
    for (const QString &value : parser.values(scanner)) {
        const qsizetype at = value.indexOf(QLatin1Char('@'));
        AppOptions::Scanner entry {at < 0 ? value : value.left(at), at < 0 ? QString() : value.mid(at + 1), baud};
        if (entry.device.isEmpty())
            return fail(ErrorCode::InvalidArgument, Text::tr("A scanner needs a device path: %1").arg(value),
                QStringLiteral("scanner"));
        options.scanners.append(entry);
    }

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

QString resolvedKeyDirectory(const AppOptions &options)
{
    return options.keyDirectory.isEmpty() ? QFileInfo(options.databasePath).absolutePath() : options.keyDirectory;
}

bool wantsWindow(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--kiosk")) || arguments.contains(QStringLiteral("--desk"));
}

} // namespace gymgate
