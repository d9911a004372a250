// The technician console as a technician uses it: the real desk window with the Gates and Gate
// diagnostics pages, on the real adapters (SqlGateSetup on a SQLite file, BridgeGateTester on
// its worker thread) and a real gymgate-gatesim over Modbus TCP. Driven by objectName.

#include "bridge/GateSimProcess.h"
#include "core/Clock.h"
#include "core/GateSupervisor.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/DeskWindow.h"
#include "ui/desk/GateDiagnosticsPage.h"
#include "ui/desk/GateEditor.h"
#include "ui/desk/GatesPage.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "drivers/ModbusGateDriver.h"
#include "protocol/GateProfile.h"
#include "tech/BridgeGateTester.h"
#include "tech/SqlGateSetup.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 NowMs = 1'765'000'000'000; // 2025-12-06
constexpr int PassWaitMs = 15'000;

StaffSession sessionFor(StaffRole role)
{
    const QString name = QString::fromLatin1(staffRoleName(role));
    return StaffSession {name + QStringLiteral("-id"), name, name + QStringLiteral(" user"), role};
}

void click(QObject *parent, const char *name)
{
    auto *button = child<QPushButton>(parent, name);
    QVERIFY(button);
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Types the number the way a technician does: select the spin box text and type over it.
void typeNumber(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Tab);
}

void chooseData(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

QStringList listTexts(const QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

QString cellText(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace

class TestTechConsole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void onlyTechniciansReachTheConsole();
    void addGateTestOpenAndSeeThePassage();
    void busScanFindsTheSimulatorsSlaves();
    void selfTestIsStoredAndShownInTheList();
    void badProfileFileIsRefusedNamingTheField();
    void framesAreCapturedFilteredAndExported();
    void gateListShowsTheGateService();
    void unsavedGateCanBeTriedFirst();
    void exportFollowsTheFilter();
    void failedConnectIsShownAsAnError();

private:
    // Adds "North turnstile" through the editor, pointing at the simulator, and saves it.
    void addGateThroughTheEditor();
    void connectDiagnostics();

    GateSimProcess m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<GateSupervisor> m_supervisor; // this desk's gate service; gates only where a test adds them
    std::unique_ptr<SqlGateSetup> m_setup;
    std::unique_ptr<BridgeGateTester> m_tester;
    std::unique_ptr<DeskWindow> m_window;
    GatesPage *m_gates = nullptr;
    GateDiagnosticsPage *m_diagnostics = nullptr;
    StaffSession m_technician = sessionFor(StaffRole::Technician);
};

void TestTechConsole::initTestCase()
{
    // Three controllers on one gateway, people pass quickly and always.
    QVERIFY(m_sim.start({QStringLiteral("--map"), QStringLiteral("turnstile"), QStringLiteral("--slaves"),
        QStringLiteral("1,2,5"), QStringLiteral("--pass-probability"), QStringLiteral("1"),
        QStringLiteral("--pass-delay-ms"), QStringLiteral("200-400"), QStringLiteral("--seed"), QStringLiteral("8")}));
}

void TestTechConsole::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openDatabase(m_dir->filePath(QStringLiteral("gym.db")));
    m_clock = std::make_unique<ManualClock>(NowMs);
    take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Gym floor")), NowMs));
    take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Pool"), VenueKind::Pool), NowMs));
    m_supervisor = std::make_unique<GateSupervisor>();
    // The gate service "started" before any gate was saved, as on a desk where the technician
    // adds the first gate.
    m_setup = std::make_unique<SqlGateSetup>(
        *m_db, *m_clock,
        [this](const QString &gateId) {
            return SqlGateSetup::serviceStateIn(
                m_supervisor.get(), m_tester ? m_tester->pausedGateIds() : QStringList {}, gateId);
        },
        NowMs - 1000);
    m_tester = std::make_unique<BridgeGateTester>(*m_setup, m_supervisor.get());
    m_window = std::make_unique<DeskWindow>();
    m_gates = new GatesPage(*m_setup);
    m_diagnostics = new GateDiagnosticsPage(*m_setup, *m_tester);
    m_window->addPage(m_gates);
    m_window->addPage(m_diagnostics);
    connect(m_gates, &GatesPage::diagnoseRequested, m_window.get(), [this](const QString &gateId) {
        m_diagnostics->selectGate(gateId);
        m_window->showPage(m_diagnostics->objectName());
    });
    connect(m_gates, &GatesPage::diagnoseUnsavedRequested, m_window.get(), [this](const GateConfig &gate) {
        m_diagnostics->diagnoseUnsaved(gate);
        m_window->showPage(m_diagnostics->objectName());
    });
    m_window->resize(1280, 800);
    m_window->show();
    m_window->setSession(m_technician);
    QVERIFY(m_window->showPage(QStringLiteral("gatesPage")));
}

void TestTechConsole::cleanup()
{
    m_window.reset();
    m_tester.reset();
    m_setup.reset();
    m_supervisor.reset();
    m_db.reset();
    m_dir.reset();
}

void TestTechConsole::onlyTechniciansReachTheConsole()
{
    const QStringList consolePages {QStringLiteral("gatesPage"), QStringLiteral("gateDiagnosticsPage")};
    // Logged out (a technician without a desk login), the front desk clerk, a guest: no console.
    for (const StaffSession &session : {StaffSession {}, sessionFor(StaffRole::Staff), sessionFor(StaffRole::Guest)}) {
        m_window->setSession(session);
        for (const QString &page : consolePages)
            QVERIFY2(!m_window->showPage(page), qPrintable(page));
    }
    // The services refuse them too: hiding the page is only a courtesy.
    const StaffSession clerk = sessionFor(StaffRole::Staff);
    QCOMPARE(m_setup->gates(clerk).error().code, ErrorCode::PermissionDenied);
    GateConfig gate;
    gate.name = QStringLiteral("Side door");
    gate.zoneId = take(m_setup->zones(m_technician)).first().id;
    gate.profile = QJsonObject {{QStringLiteral("kind"), QStringLiteral("turnstile-registers")},
        {QStringLiteral("transport"),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("modbus-tcp")},
                {QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), m_sim.tcpPort}}}};
    QCOMPARE(m_setup->saveGate(clerk, gate).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(m_tester->startSession(clerk, gate).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(take(m_setup->gates(m_technician)).size(), 0);

    for (const StaffRole role : {StaffRole::Technician, StaffRole::Admin}) {
        m_window->setSession(sessionFor(role));
        for (const QString &page : consolePages)
            QVERIFY2(m_window->showPage(page), qPrintable(page));
    }
}

void TestTechConsole::addGateThroughTheEditor()
{
    click(m_gates, "addGatePushButton");
    typeInto(child<QLineEdit>(m_gates, "gateNameLineEdit"), QStringLiteral("North turnstile"));
    auto *zone = child<QComboBox>(m_gates, "gateZoneComboBox");
    zone->setCurrentIndex(zone->findText(QStringLiteral("Gym floor")));
    chooseData(child<QComboBox>(m_gates, "gateKindComboBox"), QStringLiteral("turnstile-registers"));
    chooseData(child<QComboBox>(m_gates, "gateTransportComboBox"), QStringLiteral("modbus-tcp"));
    typeInto(child<QLineEdit>(m_gates, "gateHostLineEdit"), QStringLiteral("127.0.0.1"));
    typeNumber(child<QSpinBox>(m_gates, "gatePortSpinBox"), m_sim.tcpPort);
    typeNumber(child<QSpinBox>(m_gates, "gatePollPeriodSpinBox"), 50);
    typeNumber(child<QSpinBox>(m_gates, "gatePassTimeoutSpinBox"), 5000);
    click(m_gates, "saveGatePushButton");
    auto *table = child<QTableView>(m_gates, "gatesTableView");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cellText(table, 0, 0), QStringLiteral("North turnstile"));
}

void TestTechConsole::connectDiagnostics()
{
    auto *table = child<QTableView>(m_gates, "gatesTableView");
    table->selectRow(0);
    click(m_gates, "diagnoseGatePushButton");
    QTRY_COMPARE(m_window->currentPageName(), QStringLiteral("gateDiagnosticsPage"));
    QCOMPARE(
        child<QComboBox>(m_diagnostics, "diagnosticsGateComboBox")->currentText(), QStringLiteral("North turnstile"));
    click(m_diagnostics, "connectGatePushButton");
    QTRY_VERIFY_WITH_TIMEOUT(
        m_tester->hasSession() && child<QPushButton>(m_diagnostics, "openInPushButton")->isEnabled(), 10'000);
}

void TestTechConsole::addGateTestOpenAndSeeThePassage()
{
    addGateThroughTheEditor();
    const QList<GateListEntry> saved = take(m_setup->gates(m_technician));
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first()
                 .config.profile.value(QStringLiteral("transport"))
                 .toObject()
                 .value(QStringLiteral("port"))
                 .toInt(),
        m_sim.tcpPort);

    connectDiagnostics();
    // The monitor shows every address the profile maps, named by its field.
    auto *io = child<QTableView>(m_diagnostics, "ioTableView");
    QTRY_VERIFY_WITH_TIMEOUT(io->model()->rowCount() >= 8, 5000);
    QStringList names;
    for (int row = 0; row < io->model()->rowCount(); ++row) {
        for (int column = 0; column < io->model()->columnCount(); ++column)
            names.append(cellText(io, row, column));
    }
    QVERIFY2(names.contains(QStringLiteral("entryPermission")), qPrintable(names.join(u',')));
    QVERIFY2(names.contains(QStringLiteral("errorCode")), qPrintable(names.join(u',')));

    auto *entries = child<QLabel>(m_diagnostics, "entryCountLabel");
    QTRY_VERIFY(!entries->text().isEmpty());
    const QString before = entries->text();
    auto *passages = child<QListWidget>(m_diagnostics, "passagesListWidget");
    QCOMPARE(passages->count(), 0);

    click(m_diagnostics, "openInPushButton");
    auto *answer = child<QLabel>(m_diagnostics, "gateCommandAnswerLabel");
    QTRY_VERIFY(!answer->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(passages->count() == 1, PassWaitMs);
    QVERIFY2(passages->item(0)->text().contains(QStringLiteral("Entry")), qPrintable(passages->item(0)->text()));
    QTRY_VERIFY(entries->text() != before);

    click(m_diagnostics, "connectGatePushButton"); // disconnect
    QTRY_VERIFY(!m_tester->hasSession());
    QVERIFY(!child<QPushButton>(m_diagnostics, "openInPushButton")->isEnabled());
}

void TestTechConsole::busScanFindsTheSimulatorsSlaves()
{
    addGateThroughTheEditor();
    connectDiagnostics();
    child<QTabWidget>(m_diagnostics, "diagnosticsTabWidget")->setCurrentIndex(2);
    typeNumber(child<QSpinBox>(m_diagnostics, "scanFromSpinBox"), 1);
    typeNumber(child<QSpinBox>(m_diagnostics, "scanToSpinBox"), 6);
    click(m_diagnostics, "startScanPushButton");
    auto *status = child<QLabel>(m_diagnostics, "scanStatusLabel");
    auto *progress = child<QProgressBar>(m_diagnostics, "scanProgressBar");
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(m_diagnostics, "startScanPushButton")->isEnabled(), 15'000);
    const QStringList found = listTexts(child<QListWidget>(m_diagnostics, "scanResultsListWidget"));
    QCOMPARE(found.size(), 3);
    for (const QString &slave : {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("5")})
        QVERIFY2(found.filter(QRegularExpression(QStringLiteral("\\b%1\\b").arg(slave))).size() == 1,
            qPrintable(found.join(u',')));
    QCOMPARE(progress->value(), progress->maximum());
    QVERIFY2(status->text().contains(QStringLiteral("3")), qPrintable(status->text()));
}

void TestTechConsole::selfTestIsStoredAndShownInTheList()
{
    addGateThroughTheEditor();
    auto *table = child<QTableView>(m_gates, "gatesTableView");
    int selfTestColumn = -1;
    for (int column = 0; column < table->model()->columnCount(); ++column) {
        if (table->model()->headerData(column, Qt::Horizontal).toString() == QStringLiteral("Last self-test"))
            selfTestColumn = column;
    }
    QVERIFY(selfTestColumn >= 0);
    QCOMPARE(cellText(table, 0, selfTestColumn), QStringLiteral("Never"));

    connectDiagnostics();
    child<QTabWidget>(m_diagnostics, "diagnosticsTabWidget")->setCurrentIndex(3);
    click(m_diagnostics, "runSelfTestPushButton");
    auto *result = child<QLabel>(m_diagnostics, "selfTestResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Passed")), PassWaitMs);
    QVERIFY(child<QListWidget>(m_diagnostics, "selfTestStepsListWidget")->count() >= 4);

    const GateConfig stored = take(m_setup->gates(m_technician)).first().config;
    const std::optional<GateSelfTestReport> report
        = GateSelfTestReport::fromJson(QJsonDocument::fromJson(stored.lastSelfTestResult.toUtf8()).object());
    QVERIFY(report);
    QVERIFY(report->passed());
    QVERIFY(stored.lastSelfTestAtMs);

    QVERIFY(m_window->showPage(QStringLiteral("gatesPage")));
    click(m_gates, "refreshGatesPushButton");
    QTRY_VERIFY2(cellText(table, 0, selfTestColumn).startsWith(QStringLiteral("Passed")),
        qPrintable(cellText(table, 0, selfTestColumn)));
}

void TestTechConsole::badProfileFileIsRefusedNamingTheField()
{
    addGateThroughTheEditor();
    auto *port = child<QSpinBox>(m_gates, "gatePortSpinBox");
    auto *name = child<QLineEdit>(m_gates, "gateNameLineEdit");
    QCOMPARE(port->value(), m_sim.tcpPort);

    const QString path = m_dir->filePath(QStringLiteral("bad-profile.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"kind": "turnstile-registers",
                   "transport": {"type": "modbus-tcp", "host": "10.0.0.9", "port": 70000}})");
    file.close();
    QVERIFY(!m_gates->importProfileFrom(path));
    auto *error = child<QLabel>(m_gates, "gateErrorLabel");
    QVERIFY2(error->text().contains(QStringLiteral("transport.port")), qPrintable(error->text()));
    // The editor keeps what it had.
    QCOMPARE(port->value(), m_sim.tcpPort);
    QCOMPARE(child<QLineEdit>(m_gates, "gateHostLineEdit")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(name->text(), QStringLiteral("North turnstile"));

    // A good profile file goes into the editor; the gate's own fields stay.
    QFile good(path);
    QVERIFY(good.open(QIODevice::WriteOnly | QIODevice::Truncate));
    good.write(R"({"kind": "relay", "transport": {"type": "modbus-tcp", "host": "10.0.0.9", "port": 1502},
                   "relay": {"entryCoil": 4, "exitCoil": 5}})");
    good.close();
    QVERIFY(m_gates->importProfileFrom(path));
    QCOMPARE(port->value(), 1502);
    QCOMPARE(child<QSpinBox>(m_gates, "gateEntryCoilSpinBox")->value(), 4);
    QCOMPARE(name->text(), QStringLiteral("North turnstile"));

    // A bad gates file names the gate and the field, and adds nothing.
    const QString gatesPath = m_dir->filePath(QStringLiteral("gates.json"));
    QFile gates(gatesPath);
    QVERIFY(gates.open(QIODevice::WriteOnly));
    gates.write(R"({"format": "gymgate-gates", "version": 1, "gates": [
        {"name": "South", "zone": "Gym floor", "direction": "in", "failMode": "secure",
         "profile": {"kind": "relay", "transport": {"type": "modbus-rtu", "device": "/dev/ttyUSB0", "baud": 9601}}}]})");
    gates.close();
    QVERIFY(!m_gates->importGatesFrom(gatesPath));
    QVERIFY2(error->text().contains(QStringLiteral("gates[0].profile.transport.baud"))
            || child<QLabel>(m_gates, "gateMessageLabel")
                   ->text()
                   .contains(QStringLiteral("gates[0].profile.transport.baud")),
        qPrintable(error->text()));
    QCOMPARE(take(m_setup->gates(m_technician)).size(), 1);
}

void TestTechConsole::framesAreCapturedFilteredAndExported()
{
    addGateThroughTheEditor();
    connectDiagnostics();
    child<QTabWidget>(m_diagnostics, "diagnosticsTabWidget")->setCurrentIndex(1);
    child<QCheckBox>(m_diagnostics, "captureFramesCheckBox")->setChecked(true);
    auto *frames = child<QListView>(m_diagnostics, "framesListView");
    QTRY_VERIFY_WITH_TIMEOUT(frames->model()->rowCount() >= 4, 5000);
    const QString first = frames->model()->index(0, 0).data().toString();
    // "HH:mm:ss.zzz TX 00 01 00 00 00 06 01 04 ..." : an MBAP header, unit 1, function 4.
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TX|RX) [0-9a-f]{2}( [0-9a-f]{2}){7,}$"))
                 .match(first)
                 .hasMatch(),
        qPrintable(first));

    typeInto(child<QLineEdit>(m_diagnostics, "framesFilterLineEdit"), QStringLiteral("RX"));
    QTRY_VERIFY(frames->model()->rowCount() > 0);
    for (int row = 0; row < frames->model()->rowCount(); ++row)
        QVERIFY(frames->model()->index(row, 0).data().toString().contains(QStringLiteral(" RX ")));

    child<QPushButton>(m_diagnostics, "pauseFramesPushButton")->setChecked(true);
    const int shown = frames->model()->rowCount();
    QTRY_VERIFY(!child<QLabel>(m_diagnostics, "framesPausedLabel")->text().isEmpty());
    QCOMPARE(frames->model()->rowCount(), shown);

    const QString path = m_dir->filePath(QStringLiteral("frames.txt"));
    QVERIFY(m_diagnostics->exportFramesTo(path));
    QFile exported(path);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(exported.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), shown);
    QVERIFY(lines.first().contains(QStringLiteral(" RX ")));
}

// The list shows what the running gate service makes of each gate, in words.
void TestTechConsole::gateListShowsTheGateService()
{
    addGateThroughTheEditor();
    auto *table = child<QTableView>(m_gates, "gatesTableView");
    // Column 1 is "Service".
    QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Service"));
    // Added after the service started: it is not driven until GymGate restarts.
    QCOMPARE(cellText(table, 0, 1), QStringLiteral("Not run here \u00B7 restart needed"));

    const GateConfig gate = take(m_setup->gates(m_technician)).first().config;
    const bridge::GateProfile profile = take(bridge::gateProfileFromJson(gate.profile));
    bridge::ModbusGateDriver driver(profile);
    m_supervisor->addGate(SupervisedGate {gate.id, FailPolicy::FailSecure, 3}, &driver);
    m_supervisor->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_supervisor->availability(gate.id) == GateAvailability::Ready, 5000);
    click(m_gates, "refreshGatesPushButton");
    // Saved after the service started: it runs, and the list says a restart applies the edits.
    QTRY_VERIFY2(cellText(table, 0, 1).startsWith(QStringLiteral("Ready")), qPrintable(cellText(table, 0, 1)));
    QVERIFY2(cellText(table, 0, 1).contains(QStringLiteral("restart")), qPrintable(cellText(table, 0, 1)));

    // The list follows the service by itself, and keeps the technician's unsaved edit.
    typeInto(child<QLineEdit>(m_gates, "gateNameLineEdit"), QStringLiteral("North turnstile (new)"));
    m_supervisor->declareEmergency();
    QTRY_VERIFY2_WITH_TIMEOUT(
        cellText(table, 0, 1).startsWith(QStringLiteral("Emergency")), qPrintable(cellText(table, 0, 1)), 5000);
    QCOMPARE(child<QLineEdit>(m_gates, "gateNameLineEdit")->text(), QStringLiteral("North turnstile (new)"));
    m_supervisor->stop();
    m_supervisor = std::make_unique<GateSupervisor>(); // before the driver goes out of scope
}

// A new gate is tried before it is saved: the session works, and nothing is stored.
void TestTechConsole::unsavedGateCanBeTriedFirst()
{
    click(m_gates, "addGatePushButton");
    typeInto(child<QLineEdit>(m_gates, "gateNameLineEdit"), QStringLiteral("East door"));
    auto *zone = child<QComboBox>(m_gates, "gateZoneComboBox");
    zone->setCurrentIndex(zone->findText(QStringLiteral("Gym floor")));
    typeInto(child<QLineEdit>(m_gates, "gateHostLineEdit"), QStringLiteral("127.0.0.1"));
    typeNumber(child<QSpinBox>(m_gates, "gatePortSpinBox"), m_sim.tcpPort);
    typeNumber(child<QSpinBox>(m_gates, "gateSlaveIdSpinBox"), 5);
    click(m_gates, "tryGatePushButton");
    QTRY_COMPARE(m_window->currentPageName(), QStringLiteral("gateDiagnosticsPage"));
    QCOMPARE(child<QComboBox>(m_diagnostics, "diagnosticsGateComboBox")->currentText(),
        QStringLiteral("East door (not saved)"));
    click(m_diagnostics, "connectGatePushButton");
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(m_diagnostics, "runSelfTestPushButton")->isEnabled(), 10'000);
    QVERIFY2(child<QLabel>(m_diagnostics, "gateSessionLabel")->text().contains(QStringLiteral("slave 5")),
        qPrintable(child<QLabel>(m_diagnostics, "gateSessionLabel")->text()));
    click(m_diagnostics, "runSelfTestPushButton");
    auto *result = child<QLabel>(m_diagnostics, "selfTestResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Passed")), PassWaitMs);
    QCOMPARE(result->text(), QStringLiteral("Passed")); // and not "stored on the gate"
    QCOMPARE(take(m_setup->gates(m_technician)).size(), 0); // still not saved, nothing stored
}

// "Export gates…" saves what the list shows: with every row filtered out there is nothing to
// save, and an empty list must not become "every gate".
void TestTechConsole::exportFollowsTheFilter()
{
    addGateThroughTheEditor();
    auto *table = child<QTableView>(m_gates, "gatesTableView");
    auto *exportGates = child<QPushButton>(m_gates, "exportGatesPushButton");
    auto *filter = child<QLineEdit>(m_gates, "gateFilterLineEdit");
    auto *message = child<QLabel>(m_gates, "gateMessageLabel");
    QVERIFY(exportGates->isEnabled());

    typeInto(filter, QStringLiteral("south"));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!exportGates->isEnabled());
    const QString path = m_dir->filePath(QStringLiteral("gates.json"));
    QVERIFY(!m_gates->exportGatesTo(path));
    QVERIFY(!QFile::exists(path));
    QVERIFY2(message->text().contains(QStringLiteral("no gate")), qPrintable(message->text()));
    QVERIFY(message->styleSheet().contains(QStringLiteral("#b00020")));

    typeInto(filter, QStringLiteral("north"));
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(exportGates->isEnabled());
    QVERIFY(m_gates->exportGatesTo(path));
    QVERIFY2(message->text().contains(QStringLiteral("Exported 1 gate")), qPrintable(message->text()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("North turnstile"));
}

// The tester has torn a failed session down before it says why, so the page cannot go by
// hasSession(): a connect that fails is an error, an end the page asked for is not.
void TestTechConsole::failedConnectIsShownAsAnError()
{
    addGateThroughTheEditor();
    GateConfig dead = take(m_setup->gates(m_technician)).first().config;
    dead.id.clear();
    dead.name = QStringLiteral("Dead gate");
    QJsonObject transport = dead.profile.value(QStringLiteral("transport")).toObject();
    transport.insert(QStringLiteral("port"), 1); // nothing listens there
    dead.profile.insert(QStringLiteral("transport"), transport);
    const QString deadId = take(m_setup->saveGate(m_technician, dead)).id;

    connectDiagnostics(); // North turnstile
    auto *label = child<QLabel>(m_diagnostics, "gateSessionLabel");
    QVERIFY(!label->styleSheet().contains(QStringLiteral("#b00020")));
    // Another gate asked for: the page ends the session itself, which is no error.
    m_diagnostics->selectGate(deadId);
    QVERIFY(!m_tester->hasSession());
    QVERIFY2(!label->styleSheet().contains(QStringLiteral("#b00020")), qPrintable(label->text()));

    QCOMPARE(child<QComboBox>(m_diagnostics, "diagnosticsGateComboBox")->currentText(), QStringLiteral("Dead gate"));
    click(m_diagnostics, "connectGatePushButton");
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("127.0.0.1:1")), 10'000);
    QVERIFY(!m_tester->hasSession());
    QVERIFY2(label->styleSheet().contains(QStringLiteral("#b00020")), qPrintable(label->text()));
}

QTEST_MAIN(TestTechConsole)
#include "tst_techconsole.moc"
