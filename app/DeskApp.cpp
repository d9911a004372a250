#include "DeskApp.h"

#include "core/KeyFile.h"
#include "core/Logging.h"
#include "store/Database.h"
#include "store/MemberRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlBookingDesk.h"
#include "store/SqlDashboardSource.h"
#include "store/SqlMemberDirectory.h"
#include "store/SqlReportDesk.h"
#include "store/SqlSalesDesk.h"
#include "store/SqlStaffDirectory.h"
#include "ui/desk/AuditPage.h"
#include "ui/desk/BookingsPage.h"
#include "ui/desk/CheckInPage.h"
#include "ui/desk/DashboardPage.h"
#include "ui/desk/DeskWindow.h"
#include "ui/desk/FirstRunWizard.h"
#include "ui/desk/GateDiagnosticsPage.h"
#include "ui/desk/GateServiceBanner.h"
#include "ui/desk/GatesPage.h"
#include "ui/desk/LoginDialog.h"
#include "ui/desk/MembersPage.h"
#include "ui/desk/ProductsPage.h"
#include "ui/desk/ReportsPage.h"
#include "ui/desk/SalesPage.h"
#include "ui/desk/SchedulePage.h"
#include "ui/desk/ShiftReportPage.h"
#include "ui/desk/StaffPage.h"
#include "ui/desk/SyncPage.h"
#include "ui/desk/SyncStatusLabel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStatusBar>

#include "EntryStation.h"
#include "tech/BridgeGateTester.h"
#include "tech/SqlGateSetup.h"
#include "tech/SupervisorGateControl.h"

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(DeskApp)
};

} // namespace

namespace {

struct SiteKeys {
    FieldCipher cipher;
    SigningKey signingKey;
    QTimeZone zone;
};

// The data key, this desk's signing key and the site's time zone, as the database and the key
// folder say now.
Result<SiteKeys> loadSiteKeys(Database &db, const QDir &keyDir)
{
    Result<QByteArray> dataKey
        = readKeyFile(keyDir.filePath(QStringLiteral("data.key")), FieldCipher::KeyBytes, QStringLiteral("key-dir"));
    if (!dataKey)
        return std::unexpected(dataKey.error());
    Result<FieldCipher> cipher = FieldCipher::fromKey(*dataKey);
    if (!cipher)
        return std::unexpected(cipher.error());
    SettingRepository settings(db);
    // Enrolled, the desk signs under the key id the hub trusts (sync/Enrollment); alone, under
    // its site number.
    QString keyId = settings.value(QStringLiteral("device.signingKid"));
    if (keyId.isEmpty())
        keyId = QStringLiteral("site") + settings.value(QStringLiteral("site.number"), QStringLiteral("100"));
    Result<QByteArray> secret = readKeyFile(
        keyDir.filePath(QStringLiteral("signing.key")), SigningKey::SecretKeyBytes, QStringLiteral("key-dir"));
    if (!secret)
        return std::unexpected(secret.error());
    Result<SigningKey> signingKey = SigningKey::fromSecretKey(keyId, *secret);
    if (!signingKey)
        return std::unexpected(signingKey.error());
    const QTimeZone zone(settings.value(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    return SiteKeys {std::move(*cipher), std::move(*signingKey), zone};
}

} // namespace

Result<std::unique_ptr<DeskApp>> DeskApp::open(
    const AppOptions &options, Database &db, const Clock &clock, EntryStation *station, SyncControl *sync)
{
    // The keys live next to the database unless told otherwise (gymgate-datagen writes them).
    const QString keyDir = resolvedKeyDirectory(options);
    Result<SiteKeys> keys = loadSiteKeys(db, QDir(keyDir));
    if (!keys)
        return std::unexpected(keys.error());
    std::unique_ptr<DeskApp> desk(
        new DeskApp(db, clock, keyDir, std::move(keys->cipher), std::move(keys->signingKey), keys->zone));
    desk->buildPages(station, sync);
    return desk;
}

DeskApp::DeskApp(
    Database &db, const Clock &clock, QString keyDirectory, FieldCipher cipher, SigningKey signingKey, QTimeZone zone)
    : m_db(db), m_clock(clock), m_keyDirectory(std::move(keyDirectory)), m_cipher(std::move(cipher)),
      m_signingKey(std::move(signingKey)), m_siteTimeZone(std::move(zone)),
      m_staff(std::make_unique<SqlStaffDirectory>(db, clock)),
      m_members(std::make_unique<SqlMemberDirectory>(db, m_cipher, m_signingKey, clock)),
      m_sales(std::make_unique<SqlSalesDesk>(db, clock)), m_bookings(std::make_unique<SqlBookingDesk>(db, clock)),
      m_reports(std::make_unique<SqlReportDesk>(db, clock)),
      m_dashboard(std::make_unique<SqlDashboardSource>(db, clock)), m_window(std::make_unique<DeskWindow>())
{
    connect(m_window.get(), &DeskWindow::logoutRequested, this, [this] { logOut(false); });
    connect(m_window.get(), &DeskWindow::switchUserRequested, this, [this] { logOut(true); });
}

DeskApp::~DeskApp() = default;

void DeskApp::buildPages(EntryStation *station, SyncControl *sync)
{
    m_window->addPage(new MembersPage(*m_members, m_siteTimeZone));
    m_window->addPage(new SalesPage(*m_sales));
    m_window->addPage(new BookingsPage(*m_bookings, m_clock));
    if (station) {
        QMap<QString, QString> laneNames;
        for (const EntryLane &lane : station->wiring().lanes())
            laneNames.insert(lane.laneId, station->laneTitle(lane.laneId));
        m_window->addPage(new CheckInPage(
            station->entries(), laneNames, [this](const QString &memberId) { return describeMember(memberId); }));
    }
    m_window->addPage(new ShiftReportPage(*m_sales));
    m_window->addPage(new DashboardPage(*m_dashboard, sync, m_siteTimeZone));
    m_window->addPage(new ReportsPage(*m_reports));
    m_window->addPage(new SchedulePage(*m_bookings, m_clock));
    m_window->addPage(new ProductsPage(*m_sales));
    m_window->addPage(new StaffPage(*m_staff, m_clock, m_siteTimeZone));
    m_window->addPage(new AuditPage(*m_staff, m_clock, m_siteTimeZone));
    buildTechnicianPages(station);
    buildGateServiceBanner(station);
    if (!sync)
        return;
    m_syncPage = new SyncPage(*sync, m_siteTimeZone);
    m_window->addPage(m_syncPage);
    m_syncLabel = new SyncStatusLabel(sync, m_siteTimeZone);
    m_window->statusBar()->addPermanentWidget(m_syncLabel);
    connect(m_syncLabel, &SyncStatusLabel::clicked, this, [this] { m_window->showPage(m_syncPage->objectName()); });
    connect(sync, &SyncControl::enrollFinished, this, [this](bool ok) {
        if (ok)
            reloadSiteKeys();
    });
}

// The gate service started with the desk: gates saved from now on are driven as they were
// until GymGate restarts, and the gate list says so.
void DeskApp::buildTechnicianPages(EntryStation *station)
{
    GateSupervisor *supervisor = station ? &station->gates() : nullptr;
    m_gateSetup = std::make_unique<SqlGateSetup>(
        m_db, m_clock,
        [this, supervisor](const QString &gateId) {
            return SqlGateSetup::serviceStateIn(
                supervisor, m_gateTester ? m_gateTester->pausedGateIds() : QStringList {}, gateId);
        },
        m_clock.nowMs());
    m_gateTester = std::make_unique<BridgeGateTester>(*m_gateSetup, supervisor);
    if (station)
        m_gateTester->setServiceLines(
            [station](const QString &gateId) { return station->wiring().serialDevice(gateId); });
    auto *gatesPage = new GatesPage(*m_gateSetup);
    auto *diagnosticsPage = new GateDiagnosticsPage(*m_gateSetup, *m_gateTester);
    m_window->addPage(gatesPage);
    m_window->addPage(diagnosticsPage);
    connect(gatesPage, &GatesPage::diagnoseRequested, this, [this, diagnosticsPage](const QString &gateId) {
        diagnosticsPage->selectGate(gateId);
        m_window->showPage(diagnosticsPage->objectName());
    });
    connect(gatesPage, &GatesPage::diagnoseUnsavedRequested, this, [this, diagnosticsPage](const GateConfig &gate) {
        diagnosticsPage->diagnoseUnsaved(gate);
        m_window->showPage(diagnosticsPage->objectName());
    });
}

// The emergency and gates out of order, above every page, for whoever is at the desk.
void DeskApp::buildGateServiceBanner(EntryStation *station)
{
    m_gateControl = std::make_unique<SupervisorGateControl>(station ? &station->gates() : nullptr, m_db, m_clock);
    auto *banner = new GateServiceBanner(*m_gateControl);
    m_window->setBanner(banner);
    m_window->addToolBarAction(banner->declareEmergencyAction());
    connect(m_window.get(), &DeskWindow::sessionChanged, banner, &GateServiceBanner::setSession);
    banner->setSession(m_window->session());
}

void DeskApp::reloadSiteKeys()
{
    Result<SiteKeys> keys = loadSiteKeys(m_db, QDir(m_keyDirectory));
    if (!keys) {
        // The old key stays in use; phone numbers re-encrypted with the chain's key then fail to
        // decrypt until a restart shows the same error at start-up.
        logError(QStringLiteral("desk: cannot take the keys after enrollment: %1").arg(keys.error().toString()));
        return;
    }
    m_cipher = std::move(keys->cipher);
    m_signingKey = std::move(keys->signingKey);
    // Pages built at start-up keep the zone they were given; say so rather than show two zones
    // side by side without a word.
    if (keys->zone != m_siteTimeZone)
        m_window->statusBar()->showMessage(
            Text::tr("Enrolled. The other pages show times in the site's time zone (%1) after GymGate restarts.")
                .arg(QString::fromUtf8(keys->zone.id())));
    m_siteTimeZone = keys->zone;
    if (m_syncPage)
        m_syncPage->setSiteTimeZone(m_siteTimeZone);
    if (m_syncLabel)
        m_syncLabel->setSiteTimeZone(m_siteTimeZone);
    logInfo(QStringLiteral("desk: enrolled; data key and site settings reloaded (signing key %1)")
                .arg(m_signingKey.keyId()));
}

bool DeskApp::logIn()
{
    Result<bool> firstRun = m_staff->needsFirstRun();
    if (!firstRun) {
        logError(firstRun.error().toString());
        return false;
    }
    if (*firstRun) {
        FirstRunWizard wizard(*m_staff, m_window.get());
        if (wizard.exec() != QDialog::Accepted)
            return false;
    }
    LoginDialog login(*m_staff, m_window.get());
    if (login.exec() != QDialog::Accepted)
        return false;
    m_window->setSession(login.session());
    logInfo(QStringLiteral("desk: %1 logged in").arg(login.session().username));
    return true;
}

void DeskApp::logOut(bool switchUser)
{
    const StaffSession leaving = m_window->session();
    if (Status done = m_staff->logout(leaving); !done)
        logWarning(done.error().toString());
    m_window->setSession(StaffSession {});
    LoginDialog login(*m_staff, m_window.get());
    if (!switchUser)
        login.setUsername(leaving.username);
    if (login.exec() == QDialog::Accepted)
        m_window->setSession(login.session());
    else
        emit finished();
}

QString DeskApp::describeMember(const QString &memberId) const
{
    Result<std::optional<Member>> member = MemberRepository(m_db).findById(memberId);
    if (!member || !*member)
        return memberId;
    return QStringLiteral("%1 (%2)").arg((*member)->name, (*member)->memberNo);
}

} // namespace gymgate
