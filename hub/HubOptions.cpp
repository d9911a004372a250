#include "HubOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubOptions)
};

const QString kListen = QStringLiteral("listen");
const QString kPort = QStringLiteral("port");
const QString kDb = QStringLiteral("db");
const QString kConfig = QStringLiteral("config");
const QString kMaxBody = QStringLiteral("max-body-bytes");
const QString kTlsCert = QStringLiteral("tls-cert");
const QString kTlsKey = QStringLiteral("tls-key");
const QString kLogDir = QStringLiteral("log-dir");
const QString kPrintRoutes = QStringLiteral("print-routes");
const QString kCreateAdmin = QStringLiteral("create-admin");
const QString kRotateJwtKey = QStringLiteral("rotate-jwt-key");
const QString kSmsOutbox = QStringLiteral("sms-outbox");

// The option names a config file may use (the same as on the command line).
const QStringList &valueOptionNames()
{
    static const QStringList names {kListen, kPort, kDb, kMaxBody, kTlsCert, kTlsKey, kLogDir, kSmsOutbox};
    return names;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Text::tr("GymGate hub: the central REST service that sites sync with."));
    parser.addOptions({
        {kListen, Text::tr("Listen on address <ip> (default 127.0.0.1)."), QStringLiteral("ip")},
        {kPort, Text::tr("Listen on port <n> (0 = a free port; default 8080)."), QStringLiteral("n")},
        {kDb, Text::tr("Database: an SQLite file path or postgresql://user@host:port/dbname."), QStringLiteral("db")},
        {kConfig, Text::tr("Read options from the JSON file <file>; the command line wins."), QStringLiteral("file")},
        {kMaxBody, Text::tr("Refuse request bodies larger than <n> bytes (default 1048576)."), QStringLiteral("n")},
        {kTlsCert, Text::tr("Serve HTTPS with the PEM certificate <file> (needs --tls-key)."), QStringLiteral("file")},
        {kTlsKey, Text::tr("The PEM private key of --tls-cert."), QStringLiteral("file")},
        {kLogDir, Text::tr("Also write the log to <dir>/gymgate-hub.log."), QStringLiteral("dir")},
        {kSmsOutbox, Text::tr("Append member sign-in codes as JSON lines to <file> (the SMS gateway's input)."),
            QStringLiteral("file")},
        {kPrintRoutes, Text::tr("Print the route table as JSON and exit.")},
        {kCreateAdmin, Text::tr("Add the admin user <name> with the password read from stdin, then exit."),
            QStringLiteral("name")},
        {kRotateJwtKey,
            Text::tr("Retire the JWT signing key and make a new one, then exit; issued tokens stay valid.")},
    });
}

Result<QJsonObject> readConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            ErrorCode::Io, Text::tr("Cannot read the config file %1: %2").arg(path, file.errorString()), kConfig);
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The config file %1 is not a JSON object: %2").arg(path, parseError.errorString()), kConfig);
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!valueOptionNames().contains(it.key()))
            return fail(ErrorCode::InvalidArgument,
                Text::tr("Unknown key \"%1\" in the config file %2.").arg(it.key(), path), it.key());
    }
    return object;
}

// The value of one option as text: the command line first, then the config file.
Result<QString> optionText(const QCommandLineParser &parser, const QJsonObject &config, const QString &name)
{
    if (parser.isSet(name))
        return parser.value(name);
    const QJsonValue value = config.value(name);
    if (value.isUndefined())
        return QString();
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return fail(ErrorCode::InvalidArgument,
        Text::tr("\"%1\" in the config file must be a string or a number.").arg(name), name);
}

Result<qint64> parseNumber(const QString &text, const QString &name, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("--%1 must be a whole number from %2 to %3: %4").arg(name).arg(minimum).arg(maximum).arg(text),
            name);
    return value;
}

Status applyNetwork(const QCommandLineParser &parser, const QJsonObject &config, HubOptions &options)
{
    const Result<QString> listen = optionText(parser, config, kListen);
    if (!listen)
        return std::unexpected(listen.error());
    if (!listen->isEmpty()) {
        if (QHostAddress(*listen).isNull())
            return fail(
                ErrorCode::InvalidArgument, Text::tr("--listen must be an IP address: %1").arg(*listen), kListen);
        options.listenAddress = *listen;
    }
    const Result<QString> port = optionText(parser, config, kPort);
    if (!port)
        return std::unexpected(port.error());
    if (!port->isEmpty()) {
        const Result<qint64> value = parseNumber(*port, kPort, 0, 65535);
        if (!value)
            return std::unexpected(value.error());
        options.port = static_cast<int>(*value);
    }
    const Result<QString> maxBody = optionText(parser, config, kMaxBody);
    if (!maxBody)
        return std::unexpected(maxBody.error());
    if (!maxBody->isEmpty()) {
        const Result<qint64> value = parseNumber(*maxBody, kMaxBody, 1, qint64(1) << 31);
        if (!value)
            return std::unexpected(value.error());
        options.maxBodyBytes = *value;
    }
    return {};
}

Status applyText(const QCommandLineParser &parser, const QJsonObject &config, const QString &name, QString &target)
{
    const Result<QString> value = optionText(parser, config, name);
    if (!value)
        return std::unexpected(value.error());
    if (!value->isEmpty())
        target = *value;
    return {};
}

Status applyFiles(const QCommandLineParser &parser, const QJsonObject &config, HubOptions &options)
{
    for (const auto &[name, target] : {std::pair {kDb, &options.db}, std::pair {kTlsCert, &options.tlsCertFile},
             std::pair {kTlsKey, &options.tlsKeyFile}, std::pair {kLogDir, &options.logDir},
             std::pair {kSmsOutbox, &options.smsOutboxFile}}) {
        if (Status status = applyText(parser, config, name, *target); !status)
            return status;
    }
    if (options.tlsCertFile.isEmpty() != options.tlsKeyFile.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("--tls-cert and --tls-key must be given together."),
            options.tlsCertFile.isEmpty() ? kTlsCert : kTlsKey);
    return {};
}

} // namespace

Result<HubOptions> parseHubOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    HubOptions options;
    if (!parser.parse(arguments))
        return fail(ErrorCode::InvalidArgument, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    options.showHelp = parser.isSet(help);
    options.showVersion = parser.isSet(version);
    options.helpText = parser.helpText();
    options.printRoutes = parser.isSet(kPrintRoutes);
    options.createAdmin = parser.value(kCreateAdmin);
    options.rotateJwtKey = parser.isSet(kRotateJwtKey);
    QJsonObject config;
    if (parser.isSet(kConfig)) {
        options.configFile = parser.value(kConfig);
        Result<QJsonObject> read = readConfigFile(options.configFile);
        if (!read)
            return std::unexpected(read.error());
        config = *read;
    }
    if (Status status = applyNetwork(parser, config, options); !status)
        return std::unexpected(status.error());
    if (Status status = applyFiles(parser, config, options); !status)
        return std::unexpected(status.error());
    return options;
}

} // namespace gymgate::hub
