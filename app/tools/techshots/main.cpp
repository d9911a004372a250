// gymgate-tech-shots: the technician console as docs/HARDWARE.md shows it. Starts a
// gymgate-gatesim (three turnstile controllers on one Modbus TCP gateway), puts three gates in a
// fresh database under a real gate service, opens the real Gates and Gate diagnostics pages and
// the gate strip on the real adapters, and saves a PNG of the I/O monitor after a test opening,
// the frame monitor, the bus scan, the self-test, the gate list and a declared emergency.
//   gymgate-tech-shots --out docs/hardware [--lang en] [--size 1280x800] [--gatesim PATH]

#include "core/Clock.h"
#include "core/GateSupervisor.h"
#include "core/Staff.h"
#include "core/Translations.h"
#include "store/Database.h"
#include "store/VenueRepository.h"
#include "ui/desk/DeskWindow.h"
#include "ui/desk/GateDiagnosticsPage.h"
#include "ui/desk/GateServiceBanner.h"
#include "ui/desk/GatesPage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <functional>

#include "GateWiring.h"
#include "tech/BridgeGateTester.h"
#include "tech/SqlGateSetup.h"
#include "tech/SupervisorGateControl.h"
#include "tools/ShotSupport.h"

using namespace gymgate;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(TechShots)
};

struct ShotOptions {
    QString outDir;
    QString language;
    QString gatesimPath;
    QSize size;
};

std::optional<ShotOptions> parseOptions(QApplication &app, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Saves a PNG of the technician console's screens against gymgate-gatesim."));
    parser.addHelpOption();
    const QCommandLineOption outOption(
        QStringLiteral("out"), Text::tr("Directory for the PNG files."), QStringLiteral("dir"), QStringLiteral("."));
    const QCommandLineOption sizeOption(QStringLiteral("size"), Text::tr("Window size, WIDTHxHEIGHT."),
        QStringLiteral("size"), QStringLiteral("1280x800"));
    const QCommandLineOption langOption(QStringLiteral("lang"), Text::tr("Interface language (zh_CN or en)."),
        QStringLiteral("lang"), QStringLiteral("en"));
    const QCommandLineOption gatesimOption(QStringLiteral("gatesim"), Text::tr("The gymgate-gatesim program."),
        QStringLiteral("path"), QStringLiteral(GYMGATE_GATESIM_PATH));
    parser.addOptions({outOption, sizeOption, langOption, gatesimOption});
    parser.process(app);

    ShotOptions options;
    options.outDir = parser.value(outOption);
    options.language = parser.value(langOption);
    options.gatesimPath = parser.value(gatesimOption);
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    options.size = size.size() == 2 ? QSize(size.at(0).toInt(), size.at(1).toInt()) : QSize();
    if (options.size.width() <= 0 || options.size.height() <= 0 || !switchLanguage(app, options.language)) {
        err << Text::tr("Bad --size or --lang (see --help).") << Qt::endl;
        return std::nullopt;
    }
    return options;
}

// Runs the event loop until `done` holds or `timeoutMs` passes; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void settle(int ms = 300)
{
    waitFor([] { return false; }, ms);
}

// The simulator's Modbus TCP port, from the JSON line it prints first.
int startGateSim(QProcess &sim, const QString &program)
{
    sim.setProgram(program);
    sim.setArguments({QStringLiteral("--tcp-port"), QStringLiteral("0"), QStringLiteral("--map"),
        QStringLiteral("turnstile"), QStringLiteral("--slaves"), QStringLiteral("1,2,5"),
        QStringLiteral("--pass-probability"), QStringLiteral("1"), QStringLiteral("--pass-delay-ms"),
        QStringLiteral("300-600"), QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("--quiet")});
    sim.start();
    if (!sim.waitForStarted(5000))
        return 0;
    while (!sim.canReadLine()) {
        if (!sim.waitForReadyRead(5000))
            return 0;
    }
    return QJsonDocument::fromJson(sim.readLine()).object().value(QStringLiteral("tcpPort")).toInt();
}

QJsonObject tcpProfile(int port, int slaveId)
{
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("turnstile-registers")},
        {QStringLiteral("transport"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("modbus-tcp")},
                {QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), port}}},
        {QStringLiteral("slaveId"), slaveId}, {QStringLiteral("pollPeriodMs"), 50},
        {QStringLiteral("passTimeoutMs"), 8000}};
}

QJsonObject rtuRelayProfile()
{
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("relay")},
        {QStringLiteral("transport"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("modbus-rtu")},
                {QStringLiteral("device"),
                    QStringLiteral("/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K5XQ2-if00-port0")},
                {QStringLiteral("baud"), 19200}, {QStringLiteral("parity"), QStringLiteral("E")}}},
        {QStringLiteral("slaveId"), 17},
        {QStringLiteral("relay"), QJsonObject {{QStringLiteral("fireContact"), QStringLiteral("NC")}}}};
}

// Three gates: two turnstiles on the simulator's gateway, a relay board on an RS-485 bus.
Status addGates(SqlGateSetup &setup, Database &db, const StaffSession &session, int port)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const auto venue = [](const QString &name, VenueKind kind) {
        Venue made;
        made.name = name;
        made.kind = kind;
        made.status = VenueStatus::Open;
        made.capacity = 80;
        return made;
    };
    const Venue floor = venue(Text::tr("Gym floor"), VenueKind::GymFloor);
    const Venue pool = venue(Text::tr("Pool"), VenueKind::Pool);
    Result<Venue> floorVenue = VenueRepository(db).insert(floor, nowMs);
    Result<Venue> poolVenue = VenueRepository(db).insert(pool, nowMs);
    if (!floorVenue || !poolVenue)
        return std::unexpected(floorVenue ? poolVenue.error() : floorVenue.error());
    const struct {
        QString name;
        QString zoneId;
        GateDirection direction;
        QJsonObject profile;
    } gates[] = {
        {Text::tr("North turnstile"), floorVenue->id, GateDirection::Both, tcpProfile(port, 1)},
        {Text::tr("South exit"), floorVenue->id, GateDirection::Out, tcpProfile(port, 2)},
        {Text::tr("Pool door"), poolVenue->id, GateDirection::In, rtuRelayProfile()},
    };
    for (const auto &gate : gates) {
        GateConfig config;
        config.name = gate.name;
        config.zoneId = gate.zoneId;
        config.direction = gate.direction;
        config.profile = gate.profile;
        if (Result<GateConfig> saved = setup.saveGate(session, config); !saved)
            return std::unexpected(saved.error());
    }
    return {};
}

bool save(QWidget &window, const QString &directory, const QString &name, QTextStream &out, QTextStream &err)
{
    settle();
    return shots::savePng(window.grab().toImage(), directory, name, out, err);
}

template<typename T>
T *find(QWidget &parent, const char *objectName)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(objectName));
    if (!widget)
        qFatal("gymgate-tech-shots: no %s", objectName);
    return widget;
}

int takeShots(DeskWindow &window, GatesPage &gates, GateDiagnosticsPage &diagnostics, GateTester &tester,
    GateControl &control, const ShotOptions &options, QTextStream &out, QTextStream &err)
{
    bool ok = true;
    window.showPage(gates.objectName());
    find<QTableView>(gates, "gatesTableView")->selectRow(0);

    find<QPushButton>(gates, "diagnoseGatePushButton")->click();
    find<QPushButton>(diagnostics, "connectGatePushButton")->click();
    auto *openIn = find<QPushButton>(diagnostics, "openInPushButton");
    if (!waitFor([&] { return tester.hasSession() && openIn->isEnabled(); }, 10'000)) {
        err << Text::tr("The simulator did not answer.") << Qt::endl;
        return 1;
    }
    openIn->click();
    auto *passages = find<QListWidget>(diagnostics, "passagesListWidget");
    waitFor([&] { return passages->count() > 0; }, 10'000);
    ok &= save(window, options.outDir, QStringLiteral("tech-01-io-monitor"), out, err);

    auto *tabs = find<QTabWidget>(diagnostics, "diagnosticsTabWidget");
    tabs->setCurrentIndex(1);
    find<QCheckBox>(diagnostics, "captureFramesCheckBox")->setChecked(true);
    settle(1500);
    find<QPushButton>(diagnostics, "pauseFramesPushButton")->setChecked(true);
    ok &= save(window, options.outDir, QStringLiteral("tech-02-frames"), out, err);
    find<QCheckBox>(diagnostics, "captureFramesCheckBox")->setChecked(false);

    tabs->setCurrentIndex(2);
    find<QSpinBox>(diagnostics, "scanToSpinBox")->setValue(8);
    auto *scan = find<QPushButton>(diagnostics, "startScanPushButton");
    scan->click();
    waitFor([&] { return !tester.busy() && scan->isEnabled(); }, 20'000);
    ok &= save(window, options.outDir, QStringLiteral("tech-03-bus-scan"), out, err);

    tabs->setCurrentIndex(3);
    auto *selfTest = find<QPushButton>(diagnostics, "runSelfTestPushButton");
    selfTest->click();
    waitFor([&] { return !tester.busy() && selfTest->isEnabled(); }, 20'000);
    ok &= save(window, options.outDir, QStringLiteral("tech-04-self-test"), out, err);

    window.showPage(gates.objectName());
    find<QPushButton>(gates, "refreshGatesPushButton")->click();
    ok &= save(window, options.outDir, QStringLiteral("tech-05-gates"), out, err);
    tester.stopSession();

    // The desk's gate strip during a declared emergency.
    if (Status declared = control.declareEmergency(window.session(), Text::tr("Evacuation drill")); !declared) {
        err << declared.error().toString() << Qt::endl;
        return 1;
    }
    ok &= save(window, options.outDir, QStringLiteral("tech-06-emergency-strip"), out, err);
    if (Status reset = control.resetEmergency(window.session()); !reset)
        err << reset.error().toString() << Qt::endl;
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gymgate-tech-shots"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::optional<ShotOptions> options = parseOptions(app, err);
    if (!options)
        return 2;
    if (!shots::prepare(options->outDir, err))
        return 1;

    QProcess sim;
    const int port = startGateSim(sim, options->gatesimPath);
    const QTemporaryDir dir;
    Database::Options dbOptions;
    dbOptions.path = dir.filePath(QStringLiteral("gym.db"));
    Result<std::unique_ptr<Database>> db = Database::open(dbOptions);
    if (port <= 0 || !db) {
        err << (db ? Text::tr("Cannot start %1").arg(options->gatesimPath) : db.error().toString()) << Qt::endl;
        return 1;
    }
    SystemClock clock;
    const StaffSession technician {
        QStringLiteral("tech-1"), QStringLiteral("wang.lei"), Text::tr("Wang Lei"), StaffRole::Technician};
    // The gates as a technician left them yesterday; the gate service starts on them.
    SqlGateSetup seeding(**db, clock);
    Status ready = addGates(seeding, **db, technician, port);
    Result<QList<GateConfig>> savedGates = seeding.configuredGates();
    GateSupervisor supervisor;
    GateWiring wiring;
    if (ready && !savedGates)
        ready = std::unexpected(savedGates.error());
    if (ready)
        ready = wiring.build(*savedGates, supervisor);
    if (!ready) {
        err << ready.error().toString() << Qt::endl;
        sim.kill();
        sim.waitForFinished(1000);
        return 1;
    }
    supervisor.start();
    BridgeGateTester *testerOfSetup = nullptr;
    SqlGateSetup setup(
        **db, clock,
        [&](const QString &gateId) {
            return SqlGateSetup::serviceStateIn(
                &supervisor, testerOfSetup ? testerOfSetup->pausedGateIds() : QStringList {}, gateId);
        },
        clock.nowMs());
    BridgeGateTester tester(setup, &supervisor);
    tester.setServiceLines([&wiring](const QString &gateId) { return wiring.serialDevice(gateId); });
    testerOfSetup = &tester;
    SupervisorGateControl control(&supervisor, **db, clock);
    DeskWindow window;
    auto *banner = new GateServiceBanner(control);
    window.setBanner(banner);
    window.addToolBarAction(banner->declareEmergencyAction());
    QObject::connect(&window, &DeskWindow::sessionChanged, banner, &GateServiceBanner::setSession);
    auto *gates = new GatesPage(setup);
    auto *diagnostics = new GateDiagnosticsPage(setup, tester);
    window.addPage(gates);
    window.addPage(diagnostics);
    QObject::connect(gates, &GatesPage::diagnoseRequested, &window, [&window, diagnostics](const QString &gateId) {
        diagnostics->selectGate(gateId);
        window.showPage(diagnostics->objectName());
    });
    window.resize(options->size);
    window.show();
    window.setSession(technician);
    const int code = takeShots(window, *gates, *diagnostics, tester, control, *options, out, err);
    sim.write("quit\n");
    sim.waitForFinished(2000);
    return code;
}
