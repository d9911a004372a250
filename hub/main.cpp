// gymgate-hub: the central REST service sites sync with (DESIGN §9-10, docs/HUB.md).
#include "core/Logging.h"
#include "core/Translations.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

#include "HubAuth.h"
#include "HubDatabase.h"
#include "HubOptions.h"
#include "HubServer.h"
#include "ShutdownSignal.h"
#include "UserModule.h"

using namespace gymgate;
using namespace gymgate::hub;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(GymGateHub)
};

int failWith(const Error &error, int exitCode)
{
    std::fprintf(stderr, "gymgate-hub: %s\n", qPrintable(error.message));
    return exitCode;
}

void printLine(const QJsonDocument &document)
{
    std::fprintf(stdout, "%s\n", document.toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Flushes the log on every way out of serve().
struct LoggingScope {
    LoggingScope() = default;
    LoggingScope(const LoggingScope &) = delete;
    LoggingScope &operator=(const LoggingScope &) = delete;
    ~LoggingScope() { shutdownLogging(); }
};

int serve(QCoreApplication &app, const HubOptions &options)
{
    LogOptions logOptions;
    logOptions.directory = options.logDir;
    logOptions.fileName = QStringLiteral("gymgate-hub.log");
    if (Status status = initLogging(logOptions); !status)
        return failWith(status.error(), 1);
    const LoggingScope loggingScope;
    Result<std::unique_ptr<HubDatabase>> database = HubDatabase::open(options.db);
    if (!database)
        return failWith(database.error(), 1);
    HubServer server(options, database->get());
    ShutdownSignal shutdownSignal;
    if (!shutdownSignal.install())
        return failWith(Error {ErrorCode::Internal, Text::tr("Cannot install the signal handlers."), {}}, 1);
    const Result<quint16> port = server.start();
    if (!port)
        return failWith(port.error(), 1);
    QObject::connect(&shutdownSignal, &ShutdownSignal::requested, &server, [&server](int) { server.shutdown(); });
    QObject::connect(&server, &HubServer::stopped, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    printLine(QJsonDocument(QJsonObject {{QStringLiteral("port"), *port}}));
    const int code = QCoreApplication::exec();
    logInfo(QStringLiteral("gymgate-hub stopped"));
    return code;
}

// The first admin of a new hub; the password comes on stdin so it stays out of `ps` and history.
int createAdmin(const HubOptions &options)
{
    Result<std::unique_ptr<HubDatabase>> database = HubDatabase::open(options.db);
    if (!database)
        return failWith(database.error(), 1);
    QTextStream input(stdin);
    const QString password = input.readLine();
    // The account and its entity::Staff change commit together, so desks can log the admin in.
    const Status status = (*database)->transaction([&]() -> Status {
        if (Status created = HubAuth::createUser(**database, options.createAdmin, password, QStringLiteral("admin"));
            !created)
            return created;
        return UserModule::publishByUsername(**database, options.createAdmin);
    });
    if (!status)
        return failWith(status.error(), 1);
    printLine(QJsonDocument(QJsonObject {{QStringLiteral("created"), options.createAdmin}}));
    return 0;
}

int rotateJwtKey(const HubOptions &options)
{
    Result<std::unique_ptr<HubDatabase>> database = HubDatabase::open(options.db);
    if (!database)
        return failWith(database.error(), 1);
    HubAuth auth(database->get());
    if (Status status = auth.rotateKey(); !status)
        return failWith(status.error(), 1);
    printLine(QJsonDocument(QJsonObject {{QStringLiteral("rotated"), true}}));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gymgate-hub"));
    QCoreApplication::setApplicationVersion(HubServer::version());
    installTranslator(app, requestedLanguage({})); // the system locale's
    const Result<HubOptions> options = parseHubOptions(QCoreApplication::arguments());
    if (!options)
        return failWith(options.error(), 2);
    if (options->showHelp) {
        std::fprintf(stdout, "%s", qPrintable(options->helpText));
        return 0;
    }
    if (options->showVersion) {
        std::fprintf(stdout, "gymgate-hub %s\n", qPrintable(HubServer::version()));
        return 0;
    }
    if (options->printRoutes) {
        const HubServer server(*options, nullptr);
        printLine(QJsonDocument(server.router().table()));
        return 0;
    }
    if (!options->createAdmin.isEmpty())
        return createAdmin(*options);
    if (options->rotateJwtKey)
        return rotateJwtKey(*options);
    return serve(app, *options);
}
