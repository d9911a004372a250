// End to end, the entry flow of DESIGN §7 as a member meets it: a serial QR scanner on a pty,
// the real gymgate --headless process, its gates on a real gymgate-gatesim over Modbus TCP, a
// real SQLite database made by gymgate-datagen. What the gate was told is read back from the
// simulator, what was charged from the database.
#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/SigningKey.h"
#include "scan/QrEncoder.h"

#include <QJsonArray>
#include <QSqlError>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include "E2eSupport.h"

using namespace gymgate;
using namespace gymgate::e2e;

namespace {

// The scanner side of a serial QR scanner: gymgate opens `path`, the test types on the master.
class ScannerPty {
public:
    ScannerPty()
    {
        int slave = -1;
        if (::openpty(&m_master, &slave, nullptr, nullptr, nullptr) == 0) {
            path = QString::fromLocal8Bit(::ttyname(slave));
            ::close(slave); // gymgate opens its own; the master alone keeps the pty alive
        }
    }
    ~ScannerPty()
    {
        if (m_master >= 0)
            ::close(m_master);
    }
    ScannerPty(const ScannerPty &) = delete;
    ScannerPty &operator=(const ScannerPty &) = delete;

    bool scan(const QString &code) const
    {
        const QByteArray bytes = code.toUtf8() + '\r';
        return ::write(m_master, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }

    QString path;

private:
    int m_master = -1;
};

qint64 demoMs()
{
    return QDateTime::fromString(DemoTime, Qt::ISODate).toMSecsSinceEpoch();
}

} // namespace

class TestEntryFlow : public QObject {
    Q_OBJECT

private slots:
    void init();
    void validCodeOpensPassesAndChargesOnce();
    void passTimeoutAnnulsAndRefunds();
    void gateFaultAnnulsAndRefunds();
    void badCodesAreDeniedWithoutAGateCommand();
    void memberAndZoneRulesDenyWithTheirReason();
    void outsideOpeningHoursIsDenied();
    void fireAlarmFreesEveryGateAndChargesNothing();
    void killedBetweenGrantAndPassageIsAnnulledAtRestart();
    void kioskLetsAPresentedCodeIn();
    void cleanup();

private:
    // Starts gymgate with the scanner on the main gate and waits until it reads the scanner.
    bool startController(HeadlessProcess &controller)
    {
        controller.start(m_gym->dbPath, {QStringLiteral("--scanner"), m_scanner->path});
        // Every gate reports ready once connected, in no particular order; the scanner serves
        // the main gate, so that is the one to wait for (a scan before it would meet an offline
        // gate). The scanner itself is open before the process reads any event.
        const QString mainGate = m_gym->scenario(QStringLiteral("time_card")).value(QLatin1String("gateId")).toString();
        return !controller
                    .waitFor([&mainGate](const QJsonObject &line) {
                        return line.value(QLatin1String("event")).toString() == QLatin1String("gate")
                            && line.value(QLatin1String("gate")).toString() == mainGate
                            && line.value(QLatin1String("availability")).toString() == QLatin1String("ready");
                    })
                    .isEmpty();
    }

    QString code(const QString &scenario) const
    {
        return m_gym->scenario(scenario).value(QLatin1String("code")).toString();
    }
    QString memberOf(const QString &scenario) const
    {
        return m_gym->scenario(scenario).value(QLatin1String("memberId")).toString();
    }

    int countVisitsLeft(const QString &memberId)
    {
        std::unique_ptr<Database> db = openDatabase(m_gym->dbPath);
        return scalar(*db,
            QStringLiteral("SELECT sum(visits_left) FROM member_card WHERE member_id = ? AND kind = 'count'"),
            {memberId})
            .toInt();
    }
    qint64 balanceOf(const QString &memberId)
    {
        std::unique_ptr<Database> db = openDatabase(m_gym->dbPath);
        return scalar(*db,
            QStringLiteral("SELECT sum(balance_fen) FROM member_card WHERE member_id = ? AND kind = 'value'"),
            {memberId})
            .toLongLong();
    }
    QString entryState(const QString &entryId)
    {
        std::unique_ptr<Database> db = openDatabase(m_gym->dbPath);
        return scalar(*db, QStringLiteral("SELECT status || '/' || coalesce(annul_reason, '') FROM entry WHERE id = ?"),
            {entryId})
            .toString();
    }
    void execSql(const QString &sql, const QVariantList &values = {})
    {
        std::unique_ptr<Database> db = openDatabase(m_gym->dbPath);
        QSqlQuery query(db->connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    // How many times the simulated turnstiles were released, over every gate and lane.
    int gateOpens()
    {
        const QJsonArray gates
            = QJsonDocument::fromJson(m_gym->sim.command("stats")).object().value(QLatin1String("gates")).toArray();
        int opens = 0;
        for (const QJsonValue &gate : gates) {
            for (const QJsonValue &lane : gate.toObject().value(QLatin1String("opens")).toArray())
                opens += lane.toInt();
        }
        return gates.isEmpty() ? -1 : opens;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<DemoGym> m_gym;
    std::unique_ptr<ScannerPty> m_scanner;
    int m_round = 0;
};

void TestEntryFlow::init()
{
    // A gym of its own for every test: nothing one test charges shows in another.
    QVERIFY(m_dir.isValid());
    const QString folder = QString::number(++m_round);
    QVERIFY(QDir(m_dir.path()).mkdir(folder));
    m_gym = std::make_unique<DemoGym>();
    QVERIFY(m_gym->create(QDir(m_dir.filePath(folder)), 100));
    m_scanner = std::make_unique<ScannerPty>();
    QVERIFY(!m_scanner->path.isEmpty());
}

void TestEntryFlow::cleanup()
{
    m_scanner.reset();
    m_gym.reset();
}

// Valid code -> gate released -> passage -> visit charged once.
void TestEntryFlow::validCodeOpensPassesAndChargesOnce()
{
    const QString member = memberOf(QStringLiteral("count_card"));
    const int visitsBefore = countVisitsLeft(member);
    HeadlessProcess controller;
    QVERIFY(startController(controller));

    QVERIFY(m_scanner->scan(code(QStringLiteral("count_card"))));

    const QJsonObject opening = controller.waitForPhase(QStringLiteral("opening"));
    QCOMPARE(opening.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
    // The pending entry and its deduction are on disk before the gate moves.
    const QString entryId = opening.value(QLatin1String("entry")).toString();
    QVERIFY(!controller.waitForPhase(QStringLiteral("please_pass")).isEmpty());
    const QJsonObject passed = controller.waitForPhase(QStringLiteral("passed"));
    QCOMPARE(passed.value(QLatin1String("entry")).toString(), entryId);
    QCOMPARE(
        passed.value(QLatin1String("card")).toObject().value(QLatin1String("visitsLeft")).toInt(), visitsBefore - 1);
    QCOMPARE(entryState(entryId), QStringLiteral("passed/"));
    QCOMPARE(countVisitsLeft(member), visitsBefore - 1);
    QCOMPARE(gateOpens(), 1);

    // The same code read again at once is ignored: no second charge, no second opening.
    QVERIFY(m_scanner->scan(code(QStringLiteral("count_card"))));
    QVERIFY(m_scanner->scan(code(QStringLiteral("frozen_card")))); // a marker that the repeat was read
    QCOMPARE(controller.waitForPhase(QStringLiteral("denied")).value(QLatin1String("reason")).toString(),
        QStringLiteral("card.frozen"));
    QCOMPARE(countVisitsLeft(member), visitsBefore - 1);
    QCOMPARE(gateOpens(), 1);
}

// Nobody walks through: the entry is annulled and the visit given back.
void TestEntryFlow::passTimeoutAnnulsAndRefunds()
{
    // A technician's shorter pass timeout on the main gate, so the test waits 1.5 s, not 8.
    execSql(QStringLiteral("UPDATE gate SET profile = json_set(profile, '$.passTimeoutMs', 1500) "
                           "WHERE json_extract(profile, '$.slaveId') = 1"));
    QCOMPARE(m_gym->sim.command("jam on"), QByteArray("ok"));
    const QString member = memberOf(QStringLiteral("count_card"));
    const int visitsBefore = countVisitsLeft(member);
    HeadlessProcess controller;
    QVERIFY(startController(controller));

    QVERIFY(m_scanner->scan(code(QStringLiteral("count_card"))));
    const QString entryId = controller.waitForPhase(QStringLiteral("opening")).value(QLatin1String("entry")).toString();
    QCOMPARE(countVisitsLeft(member), visitsBefore - 1); // reserved while the gate is open

    const QJsonObject notPassed = controller.waitForPhase(QStringLiteral("not_passed"));
    QCOMPARE(notPassed.value(QLatin1String("entry")).toString(), entryId);
    QCOMPARE(notPassed.value(QLatin1String("status")).toString(), QStringLiteral("annulled"));
    QCOMPARE(entryState(entryId), QStringLiteral("annulled/pass_timeout"));
    QCOMPARE(countVisitsLeft(member), visitsBefore);
}

// The controller refuses the command (Modbus exception): the entry is annulled, the visit given
// back, and after three such faults in a row the gate is out of order until staff clear it.
void TestEntryFlow::gateFaultAnnulsAndRefunds()
{
    const QString member = memberOf(QStringLiteral("count_card"));
    const int visitsBefore = countVisitsLeft(member);
    HeadlessProcess controller;
    QVERIFY(startController(controller));
    QCOMPARE(m_gym->sim.command("exception on"), QByteArray("ok"));

    QVERIFY(m_scanner->scan(code(QStringLiteral("count_card"))));
    const QJsonObject fault = controller.waitForPhase(QStringLiteral("gate_fault"));
    QVERIFY2(!fault.isEmpty(), controller.transcript().constData());
    QVERIFY(!fault.value(QLatin1String("detail")).toString().isEmpty());
    QCOMPARE(entryState(fault.value(QLatin1String("entry")).toString()), QStringLiteral("annulled/gate_fault"));
    QCOMPARE(countVisitsLeft(member), visitsBefore);

    for (const char *scenario : {"time_card", "value_card"}) {
        QVERIFY(m_scanner->scan(code(QString::fromLatin1(scenario))));
        QVERIFY(!controller.waitForPhase(QStringLiteral("gate_fault")).isEmpty());
    }
    // Announced as the third fault is counted, before that scan's own gate_fault line.
    const bool outOfOrder
        = std::any_of(controller.lines().cbegin(), controller.lines().cend(), [](const QJsonObject &line) {
              return line.value(QLatin1String("availability")).toString() == QLatin1String("out_of_order");
          });
    QVERIFY2(outOfOrder, controller.transcript().constData());
    QCOMPARE(m_gym->sim.command("exception off"), QByteArray("ok"));
    QVERIFY(m_scanner->scan(code(QStringLiteral("off_peak_card"))));
    QCOMPARE(controller.waitForPhase(QStringLiteral("denied")).value(QLatin1String("reason")).toString(),
        QStringLiteral("gate.out_of_order"));
}

// Forged, expired, revoked and replayed codes: denied, logged, and the gate never hears of them.
void TestEntryFlow::badCodesAreDeniedWithoutAGateCommand()
{
    QFile secret(QFileInfo(m_gym->dbPath).dir().filePath(QStringLiteral("signing.key")));
    QVERIFY(secret.open(QIODevice::ReadOnly));
    const Result<SigningKey> key = SigningKey::fromSecretKey(QStringLiteral("site100"), secret.readAll());
    QVERIFY(key);
    const QString member = memberOf(QStringLiteral("time_card"));
    const ManualClock anHourAgo(demoMs() - 3'600'000);
    const QString expired = *CredentialIssuer(*key, anHourAgo).issueCardCode(member, {}, 60'000);
    const ManualClock now(demoMs());
    const QString token = *CredentialIssuer(*key, now).issueToken(member, 60'000);

    HeadlessProcess controller;
    QVERIFY(startController(controller));
    // An app token is good once: it lets the member in at the main gate...
    QVERIFY(m_scanner->scan(token));
    QVERIFY2(!controller.waitForPhase(QStringLiteral("passed")).isEmpty(), controller.transcript().constData());
    const int opensAfterToken = gateOpens();
    QCOMPARE(opensAfterToken, 1);

    // ...and never again, even at another gate (over standard input: the pool's gate).
    const QString pool = m_gym->scenario(QStringLiteral("swim_card_at_pool")).value(QLatin1String("gateId")).toString();
    controller.write(pool.toUtf8() + ' ' + token.toUtf8() + '\n');
    const QList<std::pair<QString, QString>> cases {
        {code(QStringLiteral("tampered_code")), QStringLiteral("credential.bad_signature")},
        {expired, QStringLiteral("credential.expired")},
        {code(QStringLiteral("revoked_code")), QStringLiteral("credential.revoked")},
        {code(QStringLiteral("unknown_key")), QStringLiteral("credential.unknown_key")},
    };
    QCOMPARE(controller.waitForPhase(QStringLiteral("denied")).value(QLatin1String("reason")).toString(),
        QStringLiteral("credential.replayed"));
    for (const auto &[text, reason] : cases) {
        QVERIFY(m_scanner->scan(text));
        const QJsonObject denied = controller.waitForPhase(QStringLiteral("denied"));
        QCOMPARE(denied.value(QLatin1String("reason")).toString(), reason);
        QCOMPARE(denied.value(QLatin1String("status")).toString(), QStringLiteral("denied"));
        QVERIFY(!denied.value(QLatin1String("advice")).toString().isEmpty());
    }
    QCOMPARE(gateOpens(), opensAfterToken);
}

// Each rule of DESIGN §6 that a member can break, with its reason, and no gate command.
void TestEntryFlow::memberAndZoneRulesDenyWithTheirReason()
{
    // The main floor is full: capacity 1 and one person inside.
    const QString floor = m_gym->scenario(QStringLiteral("time_card")).value(QLatin1String("zoneId")).toString();
    execSql(QStringLiteral("UPDATE venue SET capacity = 1 WHERE id = ?"), {floor});
    execSql(QStringLiteral("INSERT OR REPLACE INTO zone_occupancy (zone_id, inside, updated_at) VALUES (?, 1, 0)"),
        {floor});
    HeadlessProcess controller;
    QVERIFY(startController(controller));
    const int opensBefore = gateOpens();

    const QList<std::pair<QString, QString>> cases {
        {QStringLiteral("frozen_card"), QStringLiteral("card.frozen")},
        {QStringLiteral("no_visits_left"), QStringLiteral("card.no_visits")},
        {QStringLiteral("class_without_booking"), QStringLiteral("booking.required")},
        {QStringLiteral("maintenance_plan"), QStringLiteral("zone.maintenance")},
        {QStringLiteral("anti_passback"), QStringLiteral("antipassback")},
        {QStringLiteral("time_card"), QStringLiteral("zone.full")},
    };
    for (const auto &[scenario, reason] : cases) {
        const QJsonObject planned = m_gym->scenario(scenario);
        QVERIFY2(!planned.isEmpty(), qPrintable(scenario));
        controller.write(planned.value(QLatin1String("gateId")).toString().toUtf8() + ' '
            + planned.value(QLatin1String("code")).toString().toUtf8() + '\n');
        const QJsonObject denied = controller.waitForPhase(QStringLiteral("denied"));
        QCOMPARE(denied.value(QLatin1String("reason")).toString() + QLatin1Char(' ') + scenario,
            reason + QLatin1Char(' ') + scenario);
    }
    QCOMPARE(gateOpens(), opensBefore);
}

void TestEntryFlow::outsideOpeningHoursIsDenied()
{
    HeadlessProcess controller;
    // 23:30 on the same day: the gym floor closes at night.
    controller.start(m_gym->dbPath, {QStringLiteral("--clock"), QStringLiteral("2026-03-04T23:30:00+08:00")});
    controller.write(code(QStringLiteral("time_card")).toUtf8() + '\n');
    QCOMPARE(controller.finish(), 0);
    const QList<QJsonObject> lines = controller.finalLines();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value(QLatin1String("reason")).toString(), QStringLiteral("zone.closed"));
    QCOMPARE(gateOpens(), 0);
}

// A fire alarm on one turnstile frees every gate; scans are answered "emergency" and cost nothing.
void TestEntryFlow::fireAlarmFreesEveryGateAndChargesNothing()
{
    const QString member = memberOf(QStringLiteral("count_card"));
    const int visitsBefore = countVisitsLeft(member);
    HeadlessProcess controller;
    QVERIFY(startController(controller));

    QCOMPARE(m_gym->sim.command("fire on"), QByteArray("ok"));
    const QJsonObject emergency = controller.waitFor([](const QJsonObject &line) {
        return line.value(QLatin1String("event")).toString() == QLatin1String("emergency");
    });
    QCOMPARE(emergency.value(QLatin1String("active")).toBool(), true);
    // Every simulated turnstile holds free passage both ways.
    std::unique_ptr<Database> db = openDatabase(m_gym->dbPath);
    const int gates = scalar(*db, QStringLiteral("SELECT count(*) FROM gate")).toInt();
    QVERIFY(gates >= 5);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray stats
                = QJsonDocument::fromJson(m_gym->sim.command("stats")).object().value(QLatin1String("gates")).toArray();
            int free = 0;
            for (const QJsonValue &gate : stats)
                free += gate.toObject().value(QLatin1String("free")).toBool() ? 1 : 0;
            return free >= gates;
        }(),
        2000);

    QVERIFY(m_scanner->scan(code(QStringLiteral("count_card"))));
    const QJsonObject denied = controller.waitForPhase(QStringLiteral("denied"));
    QCOMPARE(denied.value(QLatin1String("reason")).toString(), QStringLiteral("emergency"));
    QCOMPARE(countVisitsLeft(member), visitsBefore);
    QCOMPARE(gateOpens(), 0);
}

// DESIGN §7 and §12: the process dies after the grant, before the passage. At the next start
// the pending entry is annulled as interrupted and the money goes back on the card.
void TestEntryFlow::killedBetweenGrantAndPassageIsAnnulledAtRestart()
{
    QCOMPARE(m_gym->sim.command("jam on"), QByteArray("ok"));
    const QString member = memberOf(QStringLiteral("value_card"));
    const qint64 balanceBefore = balanceOf(member);
    QString entryId;
    {
        HeadlessProcess controller;
        QVERIFY(startController(controller));
        QVERIFY(m_scanner->scan(code(QStringLiteral("value_card"))));
        entryId = controller.waitForPhase(QStringLiteral("please_pass")).value(QLatin1String("entry")).toString();
        QVERIFY(!entryId.isEmpty());
        controller.process().kill(); // SIGKILL: no chance to clean up
        QVERIFY(controller.process().waitForFinished(5000));
    }
    QCOMPARE(entryState(entryId), QStringLiteral("pending/"));
    QVERIFY(balanceOf(member) < balanceBefore);

    HeadlessProcess restarted;
    restarted.start(m_gym->dbPath);
    QCOMPARE(restarted.finish(), 0);
    QCOMPARE(entryState(entryId), QStringLiteral("annulled/interrupted"));
    QCOMPARE(balanceOf(member), balanceBefore);
    std::unique_ptr<Database> db = openDatabase(m_gym->dbPath);
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

// gymgate --kiosk as a process (offscreen): a code presented as an image file in the scan
// folder is decoded, decided, opens the gate, and the visit is charged on the passage.
void TestEntryFlow::kioskLetsAPresentedCodeIn()
{
    const QString member = memberOf(QStringLiteral("count_card"));
    const int visitsBefore = countVisitsLeft(member);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QProcess kiosk;
    kiosk.setProcessChannelMode(QProcess::MergedChannels);
    kiosk.start(binary(QStringLiteral("app/gymgate")),
        {QStringLiteral("--kiosk"), QStringLiteral("--windowed"), QStringLiteral("--db"), m_gym->dbPath,
            QStringLiteral("--clock"), DemoTime, QStringLiteral("--scan-folder"), folder.path()});
    QByteArray log;
    const auto logged = [&](const QByteArray &text) {
        return QTest::qWaitFor(
                   [&] {
                       log += kiosk.readAll();
                       return log.contains(text) || kiosk.state() == QProcess::NotRunning;
                   },
                   10'000)
            && log.contains(text);
    };
    QVERIFY2(logged("gates ready"), log.constData());

    const Result<QImage> image = QrEncoder::encode(code(QStringLiteral("count_card")), 4);
    QVERIFY(image);
    QVERIFY(image->save(folder.filePath(QStringLiteral("phone.png"))));

    QTRY_COMPARE_WITH_TIMEOUT(countVisitsLeft(member), visitsBefore - 1, 10'000);
    std::unique_ptr<Database> db = openDatabase(m_gym->dbPath);
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(*db,
            QStringLiteral("SELECT status FROM entry WHERE member_id = ? ORDER BY decided_at DESC "
                           "LIMIT 1"),
            {member})
            .toString(),
        QStringLiteral("passed"), 10'000);
    QCOMPARE(gateOpens(), 1);
    kiosk.terminate();
    QVERIFY(kiosk.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TestEntryFlow)
#include "tst_entryflow.moc"
