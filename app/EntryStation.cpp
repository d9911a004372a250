#include "EntryStation.h"

#include "core/Logging.h"
#include "scan/ImageFileScanSource.h"
#include "scan/SerialScanner.h"
#include "store/GateRepository.h"
#include "store/SettingRepository.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gymgate {

namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(EntryStation)
};

constexpr int CheckpointPeriodMs = 2000;

} // namespace

Result<std::unique_ptr<EntryStation>> EntryStation::open(const AppOptions &options, bool requireGate)
{
    if (!QFileInfo::exists(options.databasePath)) {
        return fail(ErrorCode::NotFound,
            Text::tr("The database %1 does not exist. Create a demo gym with gymgate-datagen first.")
                .arg(options.databasePath),
            QStringLiteral("db"));
    }
    Database::Options databaseOptions;
    databaseOptions.path = options.databasePath;
    databaseOptions.autoCheckpoint = false; // checkpointed between scans, never inside a decision's commit
    Result<std::unique_ptr<Database>> db = Database::open(databaseOptions);
    if (!db)
        return std::unexpected(db.error());
    const qint64 offsetMs = options.clockStartMs ? options.clockStartMs - QDateTime::currentMSecsSinceEpoch() : 0;
    std::unique_ptr<EntryStation> station(new EntryStation(std::move(*db), offsetMs));
    if (Status configured = station->configure(options, requireGate); !configured)
        return std::unexpected(configured.error());
    return station;
}

EntryStation::EntryStation(std::unique_ptr<Database> db, qint64 clockOffsetMs)
    : m_db(std::move(db)), m_clock(m_systemClock, clockOffsetMs)
{ }

EntryStation::~EntryStation()
{
    m_checkpointTimer.stop();
    m_supervisor.stop();
}

Status EntryStation::configure(const AppOptions &options, bool requireGate)
{
    SettingRepository settings(*m_db);
    m_siteTimeZone
        = QTimeZone(settings.value(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    if (!m_siteTimeZone.isValid())
        return fail(ErrorCode::InvalidArgument, Text::tr("The site time zone setting is not a valid time zone."),
            QStringLiteral("site.timezone"));
    CredentialPolicy credentialPolicy;
    credentialPolicy.legacyCodesAllowed = settings.boolValue(QStringLiteral("access.legacy_codes"), false);
    EntrySettings entrySettings;
    entrySettings.passTimeoutMs = int(settings.intValue(QStringLiteral("gate.pass_timeout_ms"), 10'000));

    m_trust = std::make_unique<SqlTrustStore>(*m_db);
    if (!m_trust->lastError().isEmpty())
        return fail(ErrorCode::Storage, m_trust->lastError());
    m_verifier = std::make_unique<CredentialVerifier>(*m_trust, m_clock, credentialPolicy);
    m_data = std::make_unique<SqlAccessDataSource>(*m_db);
    m_ledger = std::make_unique<SqlEntryLedger>(*m_db);
    m_decisions
        = std::make_unique<DecisionService>(*m_verifier, *m_data, *m_ledger, m_clock, AccessPolicy(), m_siteTimeZone);
    m_entries = std::make_unique<EntryService>(*m_decisions, *m_ledger, m_supervisor, m_clock, entrySettings);

    Result<QList<GateConfig>> gates = GateRepository(*m_db).list();
    if (!gates)
        return std::unexpected(gates.error());
    if (Status wired = m_wiring.build(*gates, m_supervisor); !wired)
        return wired;
    for (const EntryLane &lane : m_wiring.lanes()) {
        if (Status added = m_entries->addLane(lane); !added)
            return added;
    }

    if (!options.gate.isEmpty()) {
        m_defaultLaneId = findLane(options.gate);
        if (m_defaultLaneId.isEmpty())
            return fail(ErrorCode::NotFound, Text::tr("No gate \"%1\" in this database.").arg(options.gate),
                QStringLiteral("gate"));
    } else {
        Result<std::optional<GateConfig>> main = GateRepository(*m_db).mainEntrance();
        if (!main)
            return std::unexpected(main.error());
        if (*main)
            m_defaultLaneId = m_wiring.laneId((*main)->id, Direction::In);
        if (m_defaultLaneId.isEmpty() && !m_wiring.lanes().isEmpty())
            m_defaultLaneId = m_wiring.lanes().first().laneId;
    }
    if (m_defaultLaneId.isEmpty() && requireGate)
        return fail(
            ErrorCode::NotFound, Text::tr("No entry gate is configured in this database."), QStringLiteral("gate"));
    return {};
}

QString EntryStation::findLane(const QString &key) const
{
    for (const EntryLane &lane : m_wiring.lanes()) {
        if (lane.laneId == key)
            return lane.laneId;
    }
    QString lane = m_wiring.laneId(key, Direction::In);
    if (lane.isEmpty())
        lane = m_wiring.laneId(key, Direction::Out);
    if (lane.isEmpty() && key.endsWith(QLatin1String(":out")))
        lane = m_wiring.laneId(key.chopped(4), Direction::Out);
    return lane;
}

Status EntryStation::addScanSource(ScanSource *source, const QString &laneId)
{
    QObject::connect(source, &ScanSource::scanned, source, [this, laneId](const QString &text) {
        if (Result<EntryPhase> first = m_entries->submitScan(laneId, text.toUtf8()); !first)
            logError(first.error().toString());
    });
    QObject::connect(source, &ScanSource::fault, source, [](const QString &message) { logWarning(message); });
    QObject::connect(source, &ScanSource::connectedChanged, source, [source](bool connected) {
        logInfo(QStringLiteral("scanner %1 %2").arg(source->sourceId(), connected ? "connected" : "disconnected"));
    });
    return source->start();
}

Status EntryStation::addConfiguredScanners(const AppOptions &options, QObject *owner)
{
    for (const AppOptions::Scanner &entry : options.scanners) {
        const QString lane = entry.lane.isEmpty() ? m_defaultLaneId : findLane(entry.lane);
        if (lane.isEmpty())
            return fail(ErrorCode::NotFound,
                Text::tr("No gate \"%1\" for the scanner %2.").arg(entry.lane, entry.device),
                QStringLiteral("scanner"));
        SerialScannerSettings settings;
        settings.portName = entry.device;
        settings.baudRate = entry.baudRate;
        if (Status added = addScanSource(new SerialScanner(settings, owner), lane); !added)
            return added;
    }
    if (!options.scanFolder.isEmpty()) {
        auto *folder = new ImageFileScanSource(owner);
        folder->setDropFolder(options.scanFolder);
        if (Status added = addScanSource(folder, m_defaultLaneId); !added)
            return added;
    }
    return {};
}

Status EntryStation::start()
{
    // DESIGN §7: entries left pending by a crash or power loss are settled before any scan.
    Result<int> annulled = m_entries->recoverPendingEntries();
    if (!annulled)
        return std::unexpected(annulled.error());
    if (*annulled > 0)
        logInfo(QStringLiteral("annulled %1 interrupted entries").arg(*annulled));
    for (const QString &problem : m_wiring.problems())
        logWarning(problem);
    m_supervisor.start();
    QObject::connect(&m_checkpointTimer, &QTimer::timeout, [this] {
        if (Result<int> copied = m_db->checkpoint(); !copied)
            logWarning(copied.error().toString());
    });
    m_checkpointTimer.start(CheckpointPeriodMs);
    return {};
}

void EntryStation::whenGatesReady(int maxWaitMs, std::function<void()> ready)
{
    const auto allReady = [this] {
        for (const QString &gateId : m_supervisor.gateIds()) {
            const GateAvailability availability = m_supervisor.availability(gateId);
            if (availability != GateAvailability::Ready && availability != GateAvailability::Emergency)
                return false;
        }
        return true;
    };
    if (allReady()) {
        ready();
        return;
    }
    // One shot, from whichever comes first; deleting the waiter ends both connections.
    auto *waiter = new QObject(&m_checkpointTimer);
    const auto once = [waiter, ready = std::move(ready)] {
        if (waiter->property("done").toBool())
            return;
        waiter->setProperty("done", true);
        waiter->deleteLater();
        ready();
    };
    QObject::connect(&m_supervisor, &GateSupervisor::availabilityChanged, waiter, [allReady, once] {
        if (allReady())
            once();
    });
    QTimer::singleShot(maxWaitMs, waiter, once);
}

} // namespace gymgate
