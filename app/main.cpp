// The composition root: the one place that creates real adapters and wires them into services.
#include "core/Logging.h"
#include "core/PasswordHash.h"
#include "core/Translations.h"
#include "scan/KeyboardWedgeScanner.h"
#include "store/SettingRepository.h"
#include "sync/HubCredentials.h"
#include "sync/SyncService.h"
#include "ui/KioskWindow.h"
#include "ui/desk/DeskWindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

#include "AppOptions.h"
#include "DemoPanel.h"
#include "DeskApp.h"
#include "EnrollCommand.h"
#include "EntryStation.h"
#include "HeadlessEntryController.h"

using namespace gymgate;

namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(main)
};

// How long scripted input waits for the gates to connect at start-up.
constexpr int GateConnectWaitMs = 3000;

void printError(const QString &message)
{
    std::fprintf(stderr, "gymgate: %s\n", qPrintable(message));
}

// For the diagnostic log (not translated).
QString syncStateName(SyncState state)
{
    switch (state) {
    case SyncState::NotEnrolled:
        return QStringLiteral("not enrolled");
    case SyncState::Connecting:
        return QStringLiteral("connecting");
    case SyncState::Online:
        return QStringLiteral("online");
    case SyncState::Offline:
        return QStringLiteral("offline");
    case SyncState::Paused:
        return QStringLiteral("working offline");
    case SyncState::Standby:
        return QStringLiteral("standby (another process syncs this database)");
    case SyncState::Invalid:
        break;
    }
    return QStringLiteral("unknown");
}

// One sync service per process for the database (DESIGN §9), null with --no-sync. It runs on its
// own thread: nothing on the entry path waits for it. Pulled keys and revocations reach the
// gates through the trust store.
std::unique_ptr<SyncService> startSync(const AppOptions &options, EntryStation &station, const QString &deviceKind)
{
    if (!options.sync) {
        logInfo(QStringLiteral("sync: off (--no-sync)"));
        return nullptr;
    }
    SyncEngineOptions engine;
    engine.databasePath = options.databasePath;
    engine.keyDirectory = resolvedKeyDirectory(options);
    engine.credentialsPath = options.hubCredentialsPath.isEmpty() ? defaultHubCredentialsPath(options.databasePath)
                                                                  : options.hubCredentialsPath;
    engine.deviceKind = deviceKind;
    auto sync = std::make_unique<SyncService>(engine, station.database(), station.clock());
    QObject::connect(sync.get(), &SyncControl::trustChanged, sync.get(), [&station] {
        if (Status reloaded = station.trustStore().reload(); !reloaded)
            logError(QStringLiteral("sync: trust store reload failed: %1").arg(reloaded.error().toString()));
    });
    // State changes go to the diagnostic log (a headless controller has no other display).
    QObject::connect(sync.get(), &SyncControl::statusChanged, sync.get(),
        [last = SyncState::Invalid](const SyncStatus &status) mutable {
            if (status.state == last)
                return;
            last = status.state;
            logInfo(QStringLiteral("sync: %1%2 (queue %3, refused %4)%5")
                        .arg(syncStateName(status.state),
                            status.hubUrl.isEmpty() ? QString() : QStringLiteral(" ") + status.hubUrl)
                        .arg(status.queueLength)
                        .arg(status.deadLetters)
                        .arg(status.lastError.isEmpty() ? QString() : QStringLiteral(": ") + status.lastError));
        });
    sync->start();
    return sync;
}

int runHeadless(QCoreApplication &app, const AppOptions &options)
{
    Result<std::unique_ptr<EntryStation>> station = EntryStation::open(options);
    if (!station) {
        printError(station.error().message);
        return 1;
    }
    OutputFormat format = options.format;
    if (format == OutputFormat::Auto)
        format = isatty(STDOUT_FILENO) ? OutputFormat::Text : OutputFormat::Json;
    EntryStation &entry = **station;
    HeadlessEntryController controller(
        entry.entries(), [&entry](const QString &key) { return entry.findLane(key); }, entry.defaultLaneId(),
        entry.siteTimeZone(), format);
    controller.watchGates(entry.gates());
    if (Status started = entry.start(); !started) {
        printError(started.error().message);
        return 1;
    }
    const std::unique_ptr<SyncService> sync = startSync(options, entry, QStringLiteral("controller"));
    QObject sources;
    if (Status added = entry.addConfiguredScanners(options, &sources); !added) {
        printError(added.error().message);
        return 1;
    }
    QObject::connect(&controller, &HeadlessEntryController::finished, &app, [&] {
        logInfo(
            QStringLiteral("input ended: %1 granted, %2 denied").arg(controller.granted()).arg(controller.denied()));
        app.quit();
    });
    logInfo(QStringLiteral("headless entry controller ready at lane %1 (database %2)")
                .arg(entry.defaultLaneId(), QDir::toNativeSeparators(options.databasePath)));
    if (format == OutputFormat::Text && isatty(STDIN_FILENO))
        std::fprintf(
            stderr, "%s\n", qPrintable(Text::tr("Ready. Scan or type a member code, one per line (Ctrl+D ends).")));
    // With a scanner attached, the end of standard input (a service has none) is not the end.
    const bool keepRunning = !options.scanners.isEmpty() || !options.scanFolder.isEmpty();
    entry.whenGatesReady(GateConnectWaitMs, [&controller, keepRunning] { controller.startStandardInput(keepRunning); });
    return app.exec();
}

// The kiosk's look and behaviour from the settings table (keys in docs/KIOSK.md).
KioskSettings kioskSettings(EntryStation &station)
{
    SettingRepository settings(station.database());
    KioskSettings kiosk;
    kiosk.gymName = settings.value(QStringLiteral("branding.gym_name"), settings.value(QStringLiteral("site.name")));
    kiosk.welcomeText = settings.value(QStringLiteral("branding.welcome_text"));
    kiosk.logoPath = settings.value(QStringLiteral("branding.logo_path"));
    if (const QColor primary = parseBrandColor(settings.value(QStringLiteral("branding.primary_color")));
        primary.isValid())
        kiosk.primaryColor = primary;
    if (const QColor secondary = parseBrandColor(settings.value(QStringLiteral("branding.secondary_color")));
        secondary.isValid())
        kiosk.secondaryColor = secondary;
    kiosk.siteLanguage = settings.value(QStringLiteral("site.language"), QStringLiteral("zh_CN"));
    kiosk.siteTimeZone = station.siteTimeZone();
    kiosk.laneIds = QStringList {station.defaultLaneId()};
    kiosk.idleReturnMs = int(settings.intValue(QStringLiteral("kiosk.idle_return_ms"), kiosk.idleReturnMs));
    kiosk.deniedReturnMs = int(settings.intValue(QStringLiteral("kiosk.denied_return_ms"), kiosk.deniedReturnMs));
    kiosk.soundEnabled = settings.boolValue(QStringLiteral("kiosk.sound"), true);
    const QString pinHash = settings.value(QStringLiteral("kiosk.pin_hash"));
    if (!pinHash.isEmpty())
        kiosk.verifyPin = [pinHash](const QString &pin) {
            return verifyPassword(pinHash, pin);
        };
    kiosk.clock = &station.clock();
    return kiosk;
}

// The demo scenarios written by gymgate-datagen --codes (JSON).
QJsonArray readDemoScenarios(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("scenarios")).toArray();
}

// The kiosk window at the station's default lane, its scanners, and the demo panel.
struct Kiosk {
    std::unique_ptr<KioskWindow> window;
    std::unique_ptr<KeyboardWedgeScanner> wedge;
    std::unique_ptr<DemoPanel> demo;
    QObject sources;
};

Result<std::unique_ptr<Kiosk>> startKiosk(QApplication &app, const AppOptions &options, EntryStation &station)
{
    auto kiosk = std::make_unique<Kiosk>();
    KioskSettings settings = kioskSettings(station);
    if (!options.language.isEmpty())
        settings.siteLanguage = options.language;
    switchLanguage(app, settings.siteLanguage);
    kiosk->window = std::make_unique<KioskWindow>(settings);
    kiosk->window->attach(&station.entries(), &station.gates());
    QObject::connect(kiosk->window.get(), &KioskWindow::exitRequested, &app, &QApplication::quit);
    // A USB scanner in keyboard mode types into whatever has focus; the wedge catches it.
    kiosk->wedge = std::make_unique<KeyboardWedgeScanner>(KeyboardWedgeSettings {}, station.clock());
    if (Status added = station.addScanSource(kiosk->wedge.get(), station.defaultLaneId()); !added)
        return std::unexpected(added.error());
    if (Status added = station.addConfiguredScanners(options, &kiosk->sources); !added)
        return std::unexpected(added.error());
    if (!options.demoCodesPath.isEmpty()) {
        kiosk->demo = std::make_unique<DemoPanel>(
            readDemoScenarios(options.demoCodesPath), station.defaultLaneId(),
            [&station](const QString &gateId, const QString &text) {
                const QString lane = station.findLane(gateId);
                if (Result<EntryPhase> first = station.entries().submitScan(lane, text.toUtf8()); !first)
                    logError(first.error().toString());
            },
            station.gates());
        kiosk->demo->show();
    }
    if (options.windowed) {
        kiosk->window->resize(1280, 800);
        kiosk->window->show();
    } else {
        kiosk->window->enterKioskMode();
    }
    logInfo(QStringLiteral("kiosk ready at lane %1").arg(station.defaultLaneId()));
    return kiosk;
}

// The kiosk and/or the front desk. Both sit on one entry station, so one process drives the
// gates even when a desk PC also shows the kiosk (the demo).
int runWindows(QApplication &app, const AppOptions &options)
{
    // A desk without gates is a desk still; a kiosk needs its gate.
    Result<std::unique_ptr<EntryStation>> opened = EntryStation::open(options, options.kiosk);
    if (!opened) {
        printError(opened.error().message);
        return 1;
    }
    EntryStation &station = **opened;
    if (Status started = station.start(); !started) {
        printError(started.error().message);
        return 1;
    }
    // A desk (even with the kiosk beside it) enrolls as a desk: it prints member codes.
    const std::unique_ptr<SyncService> sync
        = startSync(options, station, options.desk ? QStringLiteral("desk") : QStringLiteral("kiosk"));
    std::unique_ptr<Kiosk> kiosk;
    if (options.kiosk) {
        Result<std::unique_ptr<Kiosk>> made = startKiosk(app, options, station);
        if (!made) {
            printError(made.error().message);
            return 1;
        }
        kiosk = std::move(*made);
        if (sync) {
            // The badge says "Offline" only when there is a hub to be offline from.
            const auto showHub = [window = kiosk->window.get()](const SyncStatus &status) {
                window->setHubOnline(status.state != SyncState::Offline && status.state != SyncState::Paused);
            };
            QObject::connect(sync.get(), &SyncControl::statusChanged, kiosk->window.get(), showHub);
            showHub(sync->status());
        }
    }
    std::unique_ptr<DeskApp> desk;
    if (options.desk) {
        Result<std::unique_ptr<DeskApp>> made = DeskApp::open(options, station.database(), station.clock(),
            station.wiring().lanes().isEmpty() ? nullptr : &station, sync.get());
        if (!made) {
            printError(made.error().message);
            return 1;
        }
        desk = std::move(*made);
        QObject::connect(desk.get(), &DeskApp::finished, &app, &QApplication::quit);
        desk->window().show();
        if (!desk->logIn())
            return 0;
    }
    station.whenGatesReady(GateConnectWaitMs, [&station] {
        for (const QString &gateId : station.gates().gateIds()) {
            logInfo(QStringLiteral("gate %1 %2")
                        .arg(gateId, QString::fromLatin1(gateAvailabilityName(station.gates().availability(gateId)))));
        }
        logInfo(QStringLiteral("gates ready"));
    });
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // A kiosk needs widgets; the headless controller must run without any display.
    std::unique_ptr<QCoreApplication> application = wantsWindow(QStringList(argv, argv + argc))
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
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
    int exitCode = 0;
    switch (options->mode) {
    case AppMode::Windows:
        exitCode = runWindows(static_cast<QApplication &>(app), *options);
        break;
    case AppMode::Enroll:
    case AppMode::Unenroll:
        exitCode = runEnrollCommand(*options);
        break;
    case AppMode::Headless:
    case AppMode::Invalid:
        exitCode = runHeadless(app, *options);
        break;
    }
    shutdownLogging();
    return exitCode;
}
