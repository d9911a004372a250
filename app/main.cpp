// The composition root: the one place that creates real adapters and wires them into services.
#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "core/Logging.h"
#include "core/Translations.h"
#include "store/Database.h"
#include "store/GateRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

#include "AppOptions.h"
#include "HeadlessDecisionLoop.h"

using namespace gymgate;

namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(main)
};

void printError(const QString &message)
{
    std::fprintf(stderr, "gymgate: %s\n", qPrintable(message));
}

// DESIGN §7: a pending entry older than the pass timeout at start-up was interrupted (power
// loss, crash); it is annulled and its deduction refunded.
void annulInterruptedEntries(EntryLedger &ledger, const Clock &clock, qint64 passTimeoutMs)
{
    Result<QList<EntryRecord>> pending = ledger.pendingEntries();
    if (!pending) {
        logError(pending.error().toString());
        return;
    }
    for (const EntryRecord &entry : *pending) {
        if (clock.nowMs() - entry.decidedAtMs < passTimeoutMs)
            continue;
        if (Result<EntryRecord> annulled = ledger.annul(entry.id, QStringLiteral("interrupted"), clock.nowMs());
            !annulled)
            logError(annulled.error().toString());
        else
            logInfo(QStringLiteral("annulled interrupted entry %1").arg(entry.id));
    }
}

// Every configured gate, the default first: the one asked for with --gate, else the main
// entrance, else any entry gate.
Result<QList<NamedGate>> loadGates(Database &db, const QString &wanted)
{
    Result<QList<GateConfig>> configs = GateRepository(db).list();
    if (!configs)
        return std::unexpected(configs.error());
    Result<std::optional<GateConfig>> main = GateRepository(db).mainEntrance();
    if (!main)
        return std::unexpected(main.error());
    QList<NamedGate> gates;
    qsizetype wantedIndex = -1, mainIndex = -1, entryIndex = -1;
    for (const GateConfig &gate : *configs) {
        const Direction direction = gate.direction == GateDirection::Out ? Direction::Out : Direction::In;
        if (gate.id == wanted || gate.name == wanted)
            wantedIndex = gates.size();
        if (*main && (*main)->id == gate.id)
            mainIndex = gates.size();
        if (entryIndex < 0 && direction == Direction::In)
            entryIndex = gates.size();
        gates.append(NamedGate {gate.name, GateContext {gate.id, gate.zoneId, direction}});
    }
    const qsizetype chosen = !wanted.isEmpty() ? wantedIndex : (mainIndex >= 0 ? mainIndex : entryIndex);
    if (chosen < 0 && wanted.isEmpty())
        return fail(
            ErrorCode::NotFound, Text::tr("No entry gate is configured in this database."), QStringLiteral("gate"));
    if (chosen < 0)
        return fail(
            ErrorCode::NotFound, Text::tr("No gate \"%1\" in this database.").arg(wanted), QStringLiteral("gate"));
    gates.move(chosen, 0);
    return gates;
}

int runHeadless(QCoreApplication &app, const AppOptions &options)
{
    if (!QFileInfo::exists(options.databasePath)) {
        printError(Text::tr("The database %1 does not exist. Create a demo gym with gymgate-datagen first.")
                       .arg(options.databasePath));
        return 1;
    }
    Database::Options databaseOptions;
    databaseOptions.path = options.databasePath;
    databaseOptions.autoCheckpoint = false; // checkpointed between scans below
    Result<std::unique_ptr<Database>> db = Database::open(databaseOptions);
    if (!db) {
        printError(db.error().message);
        return 1;
    }
    SettingRepository settings(**db);
    const QTimeZone siteTimeZone(
        settings.value(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    if (!siteTimeZone.isValid()) {
        printError(Text::tr("The site time zone setting is not a valid time zone."));
        return 1;
    }
    CredentialPolicy credentialPolicy;
    credentialPolicy.legacyCodesAllowed = settings.boolValue(QStringLiteral("access.legacy_codes"), false);
    const qint64 passTimeoutMs = settings.intValue(QStringLiteral("gate.pass_timeout_ms"), 10'000);

    Result<QList<NamedGate>> gates = loadGates(**db, options.gate);
    if (!gates) {
        printError(gates.error().message);
        return 1;
    }

    SystemClock systemClock;
    const OffsetClock clock(systemClock, options.clockStartMs ? options.clockStartMs - systemClock.nowMs() : 0);
    SqlTrustStore trust(**db);
    if (!trust.lastError().isEmpty()) {
        printError(trust.lastError());
        return 1;
    }
    CredentialVerifier verifier(trust, clock, credentialPolicy);
    SqlAccessDataSource data(**db);
    SqlEntryLedger ledger(**db);
    annulInterruptedEntries(ledger, clock, passTimeoutMs);
    DecisionService decisions(verifier, data, ledger, clock, AccessPolicy(), siteTimeZone);

    OutputFormat format = options.format;
    if (format == OutputFormat::Auto)
        format = isatty(STDOUT_FILENO) ? OutputFormat::Text : OutputFormat::Json;
    HeadlessDecisionLoop loop(decisions, ledger, clock, *gates, siteTimeZone, format, options.autoPass);
    QObject::connect(&loop, &HeadlessDecisionLoop::finished, &app, [&] {
        logInfo(QStringLiteral("input ended: %1 granted, %2 denied").arg(loop.granted()).arg(loop.denied()));
        app.quit();
    });
    logInfo(QStringLiteral("headless entry controller ready on gate %1 (database %2)")
                .arg(gates->first().name, QDir::toNativeSeparators(options.databasePath)));
    if (format == OutputFormat::Text && isatty(STDIN_FILENO))
        std::fprintf(
            stderr, "%s\n", qPrintable(Text::tr("Ready. Scan or type a member code, one per line (Ctrl+D ends).")));
    // The WAL is copied back between scans, never inside a decision's commit.
    QTimer checkpointTimer;
    QObject::connect(&checkpointTimer, &QTimer::timeout, &app, [&db] {
        if (Result<int> copied = (*db)->checkpoint(); !copied)
            logWarning(copied.error().toString());
    });
    checkpointTimer.start(2000);
    loop.start();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GymGate"));
    QCoreApplication::setApplicationName(QStringLiteral("gymgate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GYMGATE_VERSION));
    installTranslator(app, requestedLanguage(QCoreApplication::arguments()));

    Result<AppOptions> options = parseAppOptions(QCoreApplication::arguments());
    if (!options) {
        printError(options.error().message);
        return 2;
    }
    LogOptions logOptions;
    logOptions.directory = options->logDirectory;
    logOptions.level = options->logLevel;
    if (Status logging = initLogging(logOptions); !logging) {
        printError(logging.error().message);
        return 1;
    }
    const int exitCode = runHeadless(app, *options);
    shutdownLogging();
    return exitCode;
}
