// SqlGateSetup over a real SQLite file: the editor's checks naming the field, saved profiles
// normalized and audited, gate files round-tripping between two databases, every refusal
// changing nothing, and the service state shown in the gate list.
#include "core/Clock.h"
#include "store/AuditLog.h"
#include "store/GateRepository.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "tech/SqlGateSetup.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 kStartMs = 1'780'000'000'000;

StaffSession sessionFor(StaffRole role)
{
    const QString id = QStringLiteral("staff-") + QString::fromLatin1(staffRoleName(role));
    return StaffSession {id, id, QStringLiteral("Tester ") + id, role};
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QJsonObject tcpProfile()
{
    return json(R"({"kind": "relay", "transport": {"type": "modbus-tcp", "host": "10.0.0.5"}})");
}

QJsonObject rtuProfile()
{
    return json(R"({"kind": "relay", "transport": {"type": "modbus-rtu", "device": "/dev/ttyUSB1", "baud": 19200,
        "parity": "E"}, "relay": {"entryCoil": 4, "exitCoil": 5}})");
}

// Everything a gate action may write: rows and the columns an UPDATE changes.
struct Snapshot {
    qint64 gates = 0;
    qint64 audit = 0;
    QString gateRows;

    bool operator==(const Snapshot &) const = default;
};

template<typename T>
Error errorOf(const Result<T> &result)
{
    return result ? Error {} : result.error();
}

} // namespace

class TestGateSetup : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void saveValidGateStoresNormalizedProfileAndAudits();
    void zonesAndGatesByName();
    void badGateIsRefusedNamingTheField_data();
    void badGateIsRefusedNamingTheField();
    void checkProfileNamesTheProfilePath();
    void duplicateNameIsRefused();
    void updateAuditListsChangedFields();
    void unchangedSaveWritesNothing();
    void deleteGate();
    void duplicateGateNamesTheCopy();
    void refusedWithoutPermission_data();
    void refusedWithoutPermission();
    void profileFiles();
    void exportImportRoundTrip();
    void exportSelectedGates();
    void badImportChangesNothing_data();
    void badImportChangesNothing();
    void recordSelfTestStoresTheReport();
    void serviceStateAndRestartNeeded();
    void stableDevicePathFollowsByIdLinks();

private:
    Snapshot snapshot(Database &db);
    GateConfig makeGate(const QString &name, const QJsonObject &profile = tcpProfile(), const QString &zoneId = {});
    GateConfig saved(const QString &name, const QJsonObject &profile = tcpProfile(), const QString &zoneId = {});
    QList<AuditEntry> audit(const QString &action);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlGateSetup> m_setup;
    QString m_floorId;
    QString m_poolId;
    StaffSession m_tech = sessionFor(StaffRole::Technician);
};

void TestGateSetup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openDatabase(m_dir->filePath(QStringLiteral("gates.db")));
    QVERIFY(m_db);
    m_clock = std::make_unique<ManualClock>(kStartMs);
    m_setup = std::make_unique<SqlGateSetup>(*m_db, *m_clock);
    m_poolId = take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Pool"), VenueKind::Pool), 0)).id;
    m_floorId = take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Gym floor")), 0)).id;
}

void TestGateSetup::cleanup()
{
    m_setup.reset();
    m_db.reset();
    m_dir.reset();
}

Snapshot TestGateSetup::snapshot(Database &db)
{
    Snapshot s;
    s.gates = rowCount(db, QStringLiteral("gate"));
    s.audit = rowCount(db, QStringLiteral("audit_log"));
    s.gateRows = queryValue(db,
        QStringLiteral("SELECT group_concat(id || name || zone_id || direction || fail_mode || profile || updated_at "
                       "|| coalesce(deleted_at, '-') || coalesce(last_selftest_result, '-'), ';') FROM gate"))
                     .toString();
    return s;
}

GateConfig TestGateSetup::makeGate(const QString &name, const QJsonObject &profile, const QString &zoneId)
{
    GateConfig gate;
    gate.name = name;
    gate.zoneId = zoneId.isEmpty() ? m_floorId : zoneId;
    gate.direction = GateDirection::Both;
    gate.failMode = GateFailMode::Secure;
    gate.profile = profile;
    return gate;
}

GateConfig TestGateSetup::saved(const QString &name, const QJsonObject &profile, const QString &zoneId)
{
    return take(m_setup->saveGate(m_tech, makeGate(name, profile, zoneId)));
}

QList<AuditEntry> TestGateSetup::audit(const QString &action)
{
    AuditFilter filter;
    filter.action = action;
    return take(AuditLog(*m_db).list(filter));
}

void TestGateSetup::saveValidGateStoresNormalizedProfileAndAudits()
{
    GateConfig gate = makeGate(QStringLiteral("  Main entrance  "), rtuProfile());
    gate.lastSelfTestAtMs = 5; // not taken from the editor
    gate.lastSelfTestResult = QStringLiteral("{}");
    const GateConfig stored = take(m_setup->saveGate(m_tech, gate));
    QVERIFY(!stored.id.isEmpty());
    QCOMPARE(stored.name, QStringLiteral("Main entrance"));

    const GateConfig found = take(GateRepository(*m_db).findById(stored.id)).value();
    const QJsonObject normalized = take(m_setup->normalizedProfile(rtuProfile()));
    QCOMPARE(found.profile, normalized);
    QVERIFY(found.profile != rtuProfile());
    QCOMPARE(found.profile.value(QStringLiteral("slaveId")).toInt(), 1); // a default, written out
    QCOMPARE(found.profile.value(QStringLiteral("transport")).toObject().value(QStringLiteral("baud")).toInt(), 19200);
    QCOMPARE(found.name, QStringLiteral("Main entrance"));
    QCOMPARE(found.direction, GateDirection::Both);
    QVERIFY(!found.lastSelfTestAtMs);
    QVERIFY(found.lastSelfTestResult.isEmpty());
    QCOMPARE(found.createdAtMs, kStartMs);

    const QList<AuditEntry> created = audit(QStringLiteral("gate.create"));
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().actor, m_tech.staffId);
    QCOMPARE(created.first().entity, QStringLiteral("gate"));
    QCOMPARE(created.first().entityId, stored.id);
    QCOMPARE(created.first().detail.value(QStringLiteral("name")).toString(), QStringLiteral("Main entrance"));
    QCOMPARE(created.first().detail.value(QStringLiteral("kind")).toString(), QStringLiteral("relay"));
    QCOMPARE(created.first().detail.value(QStringLiteral("transport")).toString(), QStringLiteral("modbus-rtu"));
    QVERIFY(take(AuditLog(*m_db).verify()).ok);
}

void TestGateSetup::zonesAndGatesByName()
{
    const QList<GateZoneChoice> zones = take(m_setup->zones(m_tech));
    QCOMPARE(zones.size(), 2);
    QCOMPARE(zones.at(0).name, QStringLiteral("Gym floor"));
    QCOMPARE(zones.at(0).id, m_floorId);
    QCOMPARE(zones.at(1).name, QStringLiteral("Pool"));

    saved(QStringLiteral("Pool gate"), tcpProfile(), m_poolId);
    saved(QStringLiteral("Exit"));
    const QList<GateListEntry> gates = take(m_setup->gates(sessionFor(StaffRole::Admin)));
    QCOMPARE(gates.size(), 2);
    QCOMPARE(gates.at(0).config.name, QStringLiteral("Exit"));
    QCOMPARE(gates.at(1).config.name, QStringLiteral("Pool gate"));
    QCOMPARE(gates.at(1).config.zoneId, m_poolId);
}

void TestGateSetup::badGateIsRefusedNamingTheField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("direction");
    QTest::addColumn<QJsonObject>("profile");
    QTest::addColumn<QString>("field");

    const QJsonObject ok = tcpProfile();
    const int both = int(GateDirection::Both);
    QTest::newRow("empty name") << QStringLiteral("   ") << QString() << both << ok << QStringLiteral("name");
    QTest::newRow("long name") << QString(61, QLatin1Char('x')) << QString() << both << ok << QStringLiteral("name");
    QTest::newRow("unknown zone") << QStringLiteral("Gate") << QStringLiteral("no-such-venue") << both << ok
                                  << QStringLiteral("zoneId");
    QTest::newRow("no direction") << QStringLiteral("Gate") << QString() << int(GateDirection::Invalid) << ok
                                  << QStringLiteral("direction");
    QTest::newRow("baud") << QStringLiteral("Gate") << QString() << both
                          << json(R"({"kind": "relay", "transport": {"type": "modbus-rtu", "device": "/dev/ttyUSB0",
                                 "baud": 9601}})")
                          << QStringLiteral("profile.transport.baud");
    QTest::newRow("coils overlap") << QStringLiteral("Gate") << QString() << both
                                   << json(R"({"kind": "relay", "transport": {"type": "modbus-tcp", "host": "10.0.0.5"},
                                          "relay": {"entryCoil": 3, "exitCoil": 3}})")
                                   << QStringLiteral("profile.relay.exitCoil");
    QTest::newRow("unknown profile key")
        << QStringLiteral("Gate") << QString() << both
        << json(R"({"kind": "relay", "transport": {"type": "modbus-tcp", "host": "10.0.0.5"}, "colour": "red"})")
        << QStringLiteral("profile.colour");
    QTest::newRow("empty profile") << QStringLiteral("Gate") << QString() << both << QJsonObject()
                                   << QStringLiteral("profile.kind");
}

void TestGateSetup::badGateIsRefusedNamingTheField()
{
    QFETCH(QString, name);
    QFETCH(QString, zone);
    QFETCH(int, direction);
    QFETCH(QJsonObject, profile);
    QFETCH(QString, field);

    GateConfig gate = makeGate(name, profile, zone);
    gate.direction = GateDirection(direction);
    const Status checked = m_setup->checkGate(gate);
    QVERIFY(!checked);
    QCOMPARE(checked.error().field, field);
    QVERIFY(!checked.error().message.isEmpty());

    const Snapshot before = snapshot(*m_db);
    const Result<GateConfig> result = m_setup->saveGate(m_tech, gate);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(result.error().field, field);
    QCOMPARE(snapshot(*m_db), before);
}

void TestGateSetup::checkProfileNamesTheProfilePath()
{
    const QJsonObject bad
        = json(R"({"kind": "relay", "transport": {"type": "modbus-rtu", "device": "/dev/ttyUSB0", "baud": 9601}})");
    const Status checked = m_setup->checkProfile(bad);
    QVERIFY(!checked);
    QCOMPARE(checked.error().field, QStringLiteral("transport.baud"));
    QVERIFY(checked.error().message.contains(QStringLiteral("9601")));
    QCOMPARE(errorOf(m_setup->normalizedProfile(bad)).field, QStringLiteral("transport.baud"));
    QVERIFY(m_setup->checkProfile(tcpProfile()));
}

void TestGateSetup::duplicateNameIsRefused()
{
    const GateConfig main = saved(QStringLiteral("Main gate"));
    const GateConfig side = saved(QStringLiteral("Side gate"));
    Snapshot before = snapshot(*m_db);

    Result<GateConfig> again = m_setup->saveGate(m_tech, makeGate(QStringLiteral(" MAIN gate")));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(again.error().field, QStringLiteral("name"));
    QCOMPARE(snapshot(*m_db), before);

    GateConfig renamed = side;
    renamed.name = QStringLiteral("main gate");
    again = m_setup->saveGate(m_tech, renamed);
    QCOMPARE(errorOf(again).code, ErrorCode::AlreadyExists);
    QCOMPARE(snapshot(*m_db), before);

    // Its own name, in other letters, is no clash; a deleted gate's name is free again.
    renamed = main;
    renamed.name = QStringLiteral("MAIN GATE");
    QCOMPARE(take(m_setup->saveGate(m_tech, renamed)).name, QStringLiteral("MAIN GATE"));
    QVERIFY(m_setup->deleteGate(m_tech, side.id));
    QVERIFY(m_setup->saveGate(m_tech, makeGate(QStringLiteral("Side gate"))));
}

void TestGateSetup::updateAuditListsChangedFields()
{
    GateConfig gate = saved(QStringLiteral("Main gate"), rtuProfile());
    m_clock->advanceMs(1000);
    gate.name = QStringLiteral("Front gate");
    gate.failMode = GateFailMode::Open;
    QJsonObject transport = gate.profile.value(QStringLiteral("transport")).toObject();
    transport.insert(QStringLiteral("baud"), 38400);
    gate.profile.insert(QStringLiteral("transport"), transport);
    gate.profile.insert(QStringLiteral("pulseMs"), 900);
    const GateConfig updated = take(m_setup->saveGate(m_tech, gate));
    QCOMPARE(updated.name, QStringLiteral("Front gate"));
    QCOMPARE(updated.updatedAtMs, kStartMs + 1000);
    QCOMPARE(updated.failMode, GateFailMode::Open);
    QCOMPARE(updated.profile.value(QStringLiteral("pulseMs")).toInt(), 900);

    const QList<AuditEntry> updates = audit(QStringLiteral("gate.update"));
    QCOMPARE(updates.size(), 1);
    QCOMPARE(updates.first().entityId, gate.id);
    const QStringList changed = updates.first().detail.value(QStringLiteral("changed")).toVariant().toStringList();
    QCOMPARE(changed,
        QStringList({QStringLiteral("name"), QStringLiteral("failMode"), QStringLiteral("profile.pulseMs"),
            QStringLiteral("profile.transport.baud")}));

    // Another kind: the sections that came and went are named too.
    gate = updated;
    gate.zoneId = m_poolId;
    gate.profile = json(R"({"kind": "turnstile-registers", "transport": {"type": "modbus-tcp", "host": "10.0.0.9"}})");
    take(m_setup->saveGate(m_tech, gate));
    const QStringList second = audit(QStringLiteral("gate.update"))
                                   .first()
                                   .detail.value(QStringLiteral("changed"))
                                   .toVariant()
                                   .toStringList();
    QVERIFY(second.contains(QStringLiteral("zoneId")));
    QVERIFY(second.contains(QStringLiteral("profile.kind")));
    QVERIFY(second.contains(QStringLiteral("profile.relay")));
    QVERIFY(second.contains(QStringLiteral("profile.registers")));
    QVERIFY(second.contains(QStringLiteral("profile.transport.host")));
    QVERIFY(!second.contains(QStringLiteral("name")));
}

void TestGateSetup::unchangedSaveWritesNothing()
{
    const GateConfig gate = saved(QStringLiteral("Main gate"), rtuProfile());
    m_clock->advanceMs(1000);
    const Snapshot before = snapshot(*m_db);
    GateConfig same = gate;
    same.profile = rtuProfile(); // the short form of the same profile
    QCOMPARE(take(m_setup->saveGate(m_tech, same)).updatedAtMs, kStartMs);
    QCOMPARE(snapshot(*m_db), before);

    same.id = QStringLiteral("no-such-gate");
    QCOMPARE(errorOf(m_setup->saveGate(m_tech, same)).code, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
}

void TestGateSetup::deleteGate()
{
    const GateConfig gate = saved(QStringLiteral("Main gate"));
    QVERIFY(m_setup->deleteGate(m_tech, gate.id));
    QVERIFY(take(m_setup->gates(m_tech)).isEmpty());
    QVERIFY(take(m_setup->configuredGates()).isEmpty());
    const QList<AuditEntry> deleted = audit(QStringLiteral("gate.delete"));
    QCOMPARE(deleted.size(), 1);
    QCOMPARE(deleted.first().entityId, gate.id);
    QCOMPARE(deleted.first().detail.value(QStringLiteral("name")).toString(), QStringLiteral("Main gate"));

    const Snapshot before = snapshot(*m_db);
    const Status again = m_setup->deleteGate(m_tech, gate.id);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::NotFound);
    QCOMPARE(errorOf(m_setup->duplicateGate(m_tech, gate.id)).code, ErrorCode::NotFound);
    GateConfig edit = gate;
    edit.name = QStringLiteral("Back again");
    QCOMPARE(errorOf(m_setup->saveGate(m_tech, edit)).code, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
}

void TestGateSetup::duplicateGateNamesTheCopy()
{
    const GateConfig original = saved(QStringLiteral("Main gate"), rtuProfile(), m_poolId);
    GateSelfTestReport report;
    report.atMs = kStartMs + 5;
    report.steps = {GateSelfTestStep {QStringLiteral("Connect"), true, {}}};
    QVERIFY(m_setup->recordSelfTest(m_tech, original.id, report));

    const GateConfig first = take(m_setup->duplicateGate(m_tech, original.id));
    QCOMPARE(first.name, QStringLiteral("Main gate (copy)"));
    QVERIFY(first.id != original.id);
    QCOMPARE(first.zoneId, m_poolId);
    QCOMPARE(first.direction, original.direction);
    QCOMPARE(first.profile, original.profile);
    QVERIFY(!first.lastSelfTestAtMs);
    const GateConfig stored = take(GateRepository(*m_db).findById(first.id)).value();
    QVERIFY(!stored.lastSelfTestAtMs);
    QVERIFY(stored.lastSelfTestResult.isEmpty());

    QCOMPARE(take(m_setup->duplicateGate(m_tech, original.id)).name, QStringLiteral("Main gate (copy 2)"));
    QCOMPARE(take(m_setup->duplicateGate(m_tech, original.id)).name, QStringLiteral("Main gate (copy 3)"));
    QCOMPARE(take(m_setup->duplicateGate(m_tech, first.id)).name, QStringLiteral("Main gate (copy) (copy)"));

    const QList<AuditEntry> created = audit(QStringLiteral("gate.create"));
    QCOMPARE(created.size(), 5);
    QCOMPARE(created.at(3).entityId, first.id); // newest first
    QCOMPARE(created.at(3).detail.value(QStringLiteral("copyOf")).toString(), original.id);

    // A name at the limit still gives a copy that fits.
    const GateConfig longName = saved(QString(60, QLatin1Char('g')));
    const GateConfig longCopy = take(m_setup->duplicateGate(m_tech, longName.id));
    QCOMPARE(longCopy.name.size(), 60);
    QVERIFY(longCopy.name.endsWith(QStringLiteral(" (copy)")));
}

void TestGateSetup::refusedWithoutPermission_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("loggedIn");
    QTest::newRow("staff") << int(StaffRole::Staff) << true;
    QTest::newRow("guest") << int(StaffRole::Guest) << true;
    QTest::newRow("logged out") << int(StaffRole::Technician) << false;
}

void TestGateSetup::refusedWithoutPermission()
{
    QFETCH(int, role);
    QFETCH(bool, loggedIn);
    StaffSession session = sessionFor(StaffRole(role));
    if (!loggedIn)
        session = StaffSession {};

    const GateConfig gate = saved(QStringLiteral("Main gate"));
    const QByteArray file = take(m_setup->exportGates(m_tech, {}));
    const Snapshot before = snapshot(*m_db);
    GateSelfTestReport report;
    report.atMs = kStartMs;
    report.steps = {GateSelfTestStep {QStringLiteral("Connect"), true, {}}};
    GateConfig edit = gate;
    edit.name = QStringLiteral("Renamed");

    QCOMPARE(errorOf(m_setup->gates(session)).code, ErrorCode::PermissionDenied);
    QCOMPARE(errorOf(m_setup->zones(session)).code, ErrorCode::PermissionDenied);
    QCOMPARE(
        errorOf(m_setup->saveGate(session, makeGate(QStringLiteral("New gate")))).code, ErrorCode::PermissionDenied);
    QCOMPARE(errorOf(m_setup->saveGate(session, edit)).code, ErrorCode::PermissionDenied);
    QCOMPARE(m_setup->deleteGate(session, gate.id).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(errorOf(m_setup->duplicateGate(session, gate.id)).code, ErrorCode::PermissionDenied);
    QCOMPARE(errorOf(m_setup->exportGates(session, {})).code, ErrorCode::PermissionDenied);
    QCOMPARE(errorOf(m_setup->importGates(session, file)).code, ErrorCode::PermissionDenied);
    QCOMPARE(m_setup->recordSelfTest(session, gate.id, report).error().code, ErrorCode::PermissionDenied);
    QVERIFY(!m_setup->gates(session).error().message.isEmpty());
    QCOMPARE(snapshot(*m_db), before);
}

void TestGateSetup::profileFiles()
{
    const QByteArray text = R"({"kind": "serial-text",
  "transport": {"type": "serial", "device": "/dev/ttyACM0", "baud": 115200}})";
    const QJsonObject profile = take(m_setup->readProfileFile(text));
    QCOMPARE(profile, take(m_setup->normalizedProfile(QJsonDocument::fromJson(text).object())));
    QCOMPARE(profile.value(QStringLiteral("pollPeriodMs")).toInt(), 30);

    const QByteArray written = m_setup->profileFile(QJsonDocument::fromJson(text).object());
    QVERIFY(written.contains("\n    \"kind\": \"serial-text\""));
    QCOMPARE(take(m_setup->readProfileFile(written)), profile);

    const Result<QJsonObject> broken = m_setup->readProfileFile("{\"kind\": \"relay\",\n  \"transport\": }");
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, ErrorCode::InvalidArgument);
    QVERIFY(broken.error().field.isEmpty());
    QVERIFY2(broken.error().message.contains(QStringLiteral("line 2")), qPrintable(broken.error().message));

    const Result<QJsonObject> array = m_setup->readProfileFile("[1, 2]");
    QCOMPARE(errorOf(array).code, ErrorCode::InvalidArgument);
    QCOMPARE(errorOf(m_setup->readProfileFile(R"({"kind": "relay", "transport": {"type": "modbus-rtu",
        "device": "/dev/ttyUSB0", "baud": 9601}})"))
                 .field,
        QStringLiteral("transport.baud"));
}

void TestGateSetup::exportImportRoundTrip()
{
    GateConfig rtu = makeGate(QStringLiteral("Pool gate"), rtuProfile(), m_poolId);
    rtu.direction = GateDirection::In;
    rtu.failMode = GateFailMode::Open;
    const GateConfig first = take(m_setup->saveGate(m_tech, rtu));
    const GateConfig second = saved(QStringLiteral("Floor exit"));
    const QByteArray file = take(m_setup->exportGates(m_tech, {}));

    const QJsonObject root = QJsonDocument::fromJson(file).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("gymgate-gates"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    const QJsonArray gates = root.value(QStringLiteral("gates")).toArray();
    QCOMPARE(gates.size(), 2);
    QCOMPARE(gates.at(0).toObject().value(QStringLiteral("zone")).toString(), QStringLiteral("Gym floor"));
    QCOMPARE(gates.at(1).toObject().value(QStringLiteral("zone")).toString(), QStringLiteral("Pool"));
    QCOMPARE(gates.at(1).toObject().value(QStringLiteral("failMode")).toString(), QStringLiteral("open"));

    // A second site with the same zone names under other ids.
    std::unique_ptr<Database> other = openDatabase(m_dir->filePath(QStringLiteral("other.db")));
    QVERIFY(other);
    take(VenueRepository(*other).insert(makeVenue(QStringLiteral("Studio"), VenueKind::Studio), 0));
    const QString otherFloor = take(VenueRepository(*other).insert(makeVenue(QStringLiteral("Gym floor")), 0)).id;
    const QString otherPool = take(VenueRepository(*other).insert(makeVenue(QStringLiteral("Pool")), 0)).id;
    QVERIFY(otherPool != m_poolId);
    SqlGateSetup otherSetup(*other, *m_clock);

    const QList<GateConfig> imported = take(otherSetup.importGates(m_tech, file));
    QCOMPARE(imported.size(), 2);
    const QList<GateConfig> stored = take(otherSetup.configuredGates());
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).name, second.name);
    QCOMPARE(stored.at(0).zoneId, otherFloor);
    QCOMPARE(stored.at(0).profile, second.profile);
    QCOMPARE(stored.at(0).direction, GateDirection::Both);
    QCOMPARE(stored.at(1).name, first.name);
    QCOMPARE(stored.at(1).zoneId, otherPool);
    QCOMPARE(stored.at(1).profile, first.profile);
    QCOMPARE(stored.at(1).direction, GateDirection::In);
    QCOMPARE(stored.at(1).failMode, GateFailMode::Open);
    QVERIFY(stored.at(1).id != first.id);

    AuditFilter filter;
    filter.action = QStringLiteral("gate.import");
    const QList<AuditEntry> entries = take(AuditLog(*other).list(filter));
    QCOMPARE(entries.size(), 1);
    QCOMPARE(rowCount(*other, QStringLiteral("audit_log")), 1);
    QCOMPARE(entries.first().detail.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(entries.first().detail.value(QStringLiteral("names")).toVariant().toStringList(),
        QStringList({QStringLiteral("Floor exit"), QStringLiteral("Pool gate")}));

    // The same file again: every name is taken now.
    const Snapshot before = snapshot(*other);
    QCOMPARE(errorOf(otherSetup.importGates(m_tech, file)).field, QStringLiteral("gates[0].name"));
    QCOMPARE(snapshot(*other), before);
}

void TestGateSetup::exportSelectedGates()
{
    saved(QStringLiteral("Alpha"));
    const GateConfig beta = saved(QStringLiteral("Beta"));
    const QJsonArray gates = QJsonDocument::fromJson(take(m_setup->exportGates(m_tech, {beta.id})))
                                 .object()
                                 .value(QStringLiteral("gates"))
                                 .toArray();
    QCOMPARE(gates.size(), 1);
    QCOMPARE(gates.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Beta"));
    QCOMPARE(gates.at(0).toObject().keys(),
        QStringList({QStringLiteral("direction"), QStringLiteral("failMode"), QStringLiteral("name"),
            QStringLiteral("profile"), QStringLiteral("zone")}));
    QCOMPARE(errorOf(m_setup->exportGates(m_tech, {QStringLiteral("no-such-gate")})).code, ErrorCode::NotFound);
}

void TestGateSetup::badImportChangesNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("inMessage");

    const QByteArray tcp = R"({"kind": "relay", "transport": {"type": "modbus-tcp", "host": "10.0.0.5"}})";
    const auto file = [](const QByteArray &gates) -> QByteArray {
        return QByteArray(R"({"format": "gymgate-gates", "version": 1, "gates": [)") + gates + "]}";
    };
    const auto gate
        = [&tcp](const char *name, const char *zone = "Gym floor", const QByteArray &profile = {}) -> QByteArray {
        return QByteArray(R"({"name": ")") + name + R"(", "zone": ")" + zone + R"(", "profile": )"
            + (profile.isEmpty() ? tcp : profile) + "}";
    };

    QTest::newRow("bad JSON") << QByteArray("{\"format\": \"gymgate-gates\",\n \"version\": 1,,}") << QString()
                              << QStringLiteral("line 2");
    QTest::newRow("not an object") << QByteArray("[]") << QString() << QString();
    QTest::newRow("wrong format") << QByteArray(R"({"format": "gymgate-venues", "version": 1, "gates": []})")
                                  << QStringLiteral("format") << QString();
    QTest::newRow("newer version") << QByteArray(R"({"format": "gymgate-gates", "version": 2, "gates": []})")
                                   << QStringLiteral("version") << QString();
    QTest::newRow("no gates") << QByteArray(R"({"format": "gymgate-gates", "version": 1})") << QStringLiteral("gates")
                              << QString();
    QTest::newRow("bad baud") << file(gate("A") + ","
        + gate("B", "Pool",
            R"({"kind": "relay", "transport": {"type": "modbus-rtu",
                                              "device": "/dev/ttyUSB0", "baud": 9601}})"))
                              << QStringLiteral("gates[1].profile.transport.baud") << QStringLiteral("9601");
    QTest::newRow("unknown zone") << file(gate("A") + "," + gate("B", "Sauna")) << QStringLiteral("gates[1].zone")
                                  << QStringLiteral("Sauna");
    QTest::newRow("same name twice") << file(gate("A") + "," + gate("B") + "," + gate("a"))
                                     << QStringLiteral("gates[2].name") << QString();
    QTest::newRow("name taken") << file(gate("A") + "," + gate("Existing")) << QStringLiteral("gates[1].name")
                                << QString();
    QTest::newRow("unknown gate key") << file(
        R"({"name": "A", "zone": "Pool", "colour": "red", "profile": )" + tcp + "}")
                                      << QStringLiteral("gates[0].colour") << QString();
    QTest::newRow("empty name") << file(gate("A") + "," + gate(" ")) << QStringLiteral("gates[1].name") << QString();
    QTest::newRow("bad direction") << file(
        R"({"name": "A", "zone": "Pool", "direction": "up", "profile": )" + tcp + "}")
                                   << QStringLiteral("gates[0].direction") << QString();
    QTest::newRow("gate not an object") << file(gate("A") + ", 7") << QStringLiteral("gates[1]") << QString();
}

void TestGateSetup::badImportChangesNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, field);
    QFETCH(QString, inMessage);

    saved(QStringLiteral("Existing"));
    const Snapshot before = snapshot(*m_db);
    const Result<QList<GateConfig>> imported = m_setup->importGates(m_tech, file);
    QVERIFY(!imported);
    QVERIFY(imported.error().code == ErrorCode::InvalidArgument || imported.error().code == ErrorCode::AlreadyExists);
    QCOMPARE(imported.error().field, field);
    QVERIFY(!imported.error().message.isEmpty());
    if (!inMessage.isEmpty())
        QVERIFY2(imported.error().message.contains(inMessage), qPrintable(imported.error().message));
    QCOMPARE(snapshot(*m_db), before);
}

void TestGateSetup::recordSelfTestStoresTheReport()
{
    const GateConfig gate = saved(QStringLiteral("Main gate"));
    GateSelfTestReport report;
    report.atMs = kStartMs + 42;
    report.steps = {GateSelfTestStep {QStringLiteral("Connect"), true, {}},
        GateSelfTestStep {QStringLiteral("Open and passage"), false, QStringLiteral("No passage seen in 10 s.")}};
    QVERIFY(m_setup->recordSelfTest(m_tech, gate.id, report));

    const GateConfig stored = take(m_setup->configuredGates()).first();
    QCOMPARE(stored.lastSelfTestAtMs.value_or(0), kStartMs + 42);
    QVERIFY(!stored.lastSelfTestResult.contains(QLatin1Char('\n'))); // compact
    const std::optional<GateSelfTestReport> back
        = GateSelfTestReport::fromJson(QJsonDocument::fromJson(stored.lastSelfTestResult.toUtf8()).object());
    QVERIFY(back);
    QCOMPARE(back->atMs, report.atMs);
    QCOMPARE(back->steps.size(), 2);
    QCOMPARE(back->steps.at(1).message, QStringLiteral("No passage seen in 10 s."));
    QVERIFY(!back->passed());
    QCOMPARE(back->failures(), 1);

    const QList<AuditEntry> tests = audit(QStringLiteral("gate.selftest"));
    QCOMPARE(tests.size(), 1);
    QCOMPARE(tests.first().entityId, gate.id);
    QCOMPARE(tests.first().detail.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(tests.first().detail.value(QStringLiteral("failures")).toInt(), 1);

    const Snapshot before = snapshot(*m_db);
    QCOMPARE(m_setup->recordSelfTest(m_tech, QStringLiteral("no-such-gate"), report).error().code, ErrorCode::NotFound);
    QCOMPARE(snapshot(*m_db), before);
}

void TestGateSetup::serviceStateAndRestartNeeded()
{
    const GateConfig early = saved(QStringLiteral("Early"));
    const GateConfig added = saved(QStringLiteral("Added"));

    // No gate service in this process: nothing runs here, and nothing waits for a restart.
    for (const GateListEntry &entry : take(m_setup->gates(m_tech))) {
        QCOMPARE(entry.state, GateServiceState::NotRunHere);
        QVERIFY(!entry.restartNeeded);
    }

    const qint64 startedAtMs = kStartMs + 1000;
    m_clock->setNowMs(startedAtMs + 1000);
    const GateConfig late = saved(QStringLiteral("Late"));
    const auto state = [&](const QString &gateId) {
        if (gateId == early.id)
            return GateServiceState::Offline;
        return gateId == late.id ? GateServiceState::Ready : GateServiceState::NotRunHere;
    };
    SqlGateSetup running(*m_db, *m_clock, state, startedAtMs);
    QHash<QString, GateListEntry> byName;
    for (const GateListEntry &entry : take(running.gates(m_tech)))
        byName.insert(entry.config.name, entry);
    QCOMPARE(byName.value(QStringLiteral("Early")).state, GateServiceState::Offline);
    QVERIFY(!byName.value(QStringLiteral("Early")).restartNeeded);
    QCOMPARE(byName.value(QStringLiteral("Added")).state, GateServiceState::NotRunHere);
    QVERIFY(byName.value(QStringLiteral("Added")).restartNeeded); // the service does not drive it
    QCOMPARE(byName.value(QStringLiteral("Late")).state, GateServiceState::Ready);
    QVERIFY(byName.value(QStringLiteral("Late")).restartNeeded); // saved after the service read it
    QVERIFY(added.updatedAtMs < startedAtMs);

    // A self-test after start-up is no configuration change: no restart asked for.
    GateSelfTestReport report;
    report.atMs = m_clock->nowMs();
    report.steps.append(GateSelfTestStep {QStringLiteral("connect"), true, {}});
    QVERIFY(running.recordSelfTest(m_tech, early.id, report).has_value());
    for (const GateListEntry &entry : take(running.gates(m_tech))) {
        if (entry.config.id == early.id)
            QVERIFY(!entry.restartNeeded);
    }
}

void TestGateSetup::stableDevicePathFollowsByIdLinks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString device = dir.filePath(QStringLiteral("ttyFake0"));
    const QString unlinked = dir.filePath(QStringLiteral("ttyFake1"));
    for (const QString &path : {device, unlinked}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QString byId = dir.filePath(QStringLiteral("by-id"));
    QVERIFY(QDir().mkpath(byId));
    const QString other = byId + QStringLiteral("/usb-Other_Adapter-if00-port0");
    QVERIFY(QFile::link(QStringLiteral("../ttyFake9"), other)); // dangling
    const QString link = byId + QStringLiteral("/usb-FTDI_FT232R_USB_UART_A10K3Q2B-if00-port0");
    QVERIFY(QFile::link(QStringLiteral("../ttyFake0"), link));

    QCOMPARE(SqlGateSetup::stableDevicePath(device, byId), link);
    QCOMPARE(SqlGateSetup::stableDevicePath(unlinked, byId), unlinked);
    QCOMPARE(SqlGateSetup::stableDevicePath(device, dir.filePath(QStringLiteral("missing"))), device);
    QCOMPARE(
        SqlGateSetup::stableDevicePath(QStringLiteral("/dev/no-such-tty"), byId), QStringLiteral("/dev/no-such-tty"));

    // Whatever this machine has plugged in, every port has a kernel name and a device.
    for (const SerialPortChoice &port : m_setup->serialPorts()) {
        QVERIFY(!port.systemLocation.isEmpty());
        QVERIFY(!port.device.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestGateSetup)
#include "tst_gatesetup.moc"
