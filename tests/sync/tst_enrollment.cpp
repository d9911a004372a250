// Enrollment of a real desk database with the real gymgate-hub: what it changes (settings, keys,
// outbox, phone ciphers, key files, credentials file) and that a refused enrollment changes
// nothing at all.

#include "core/FieldCipher.h"
#include "store/AuditLog.h"
#include "store/KeyRepository.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/SettingRepository.h"
#include "sync/Enrollment.h"
#include "sync/HubClient.h"
#include "sync/OutboxPump.h"

#include <QFileInfo>
#include <QTcpServer>
#include <QtTest/QTest>

#include "SyncTestSupport.h"

using namespace gymgate;

namespace {

// Everything a refused enrollment must leave alone.
struct DeskSnapshot {
    QHash<QString, QString> settings;
    int trustedKeys = 0;
    QByteArray dataKey;
    QByteArray phoneCipher;
    QString outboxDevices;
    qint64 auditRows = 0;
    bool credentialsFile = false;

    bool operator==(const DeskSnapshot &) const = default;
};

DeskSnapshot snapshot(synctest::TestDesk &desk)
{
    DeskSnapshot shot;
    shot.settings = SettingRepository(*desk.db).all().value_or(QHash<QString, QString>());
    shot.trustedKeys = int(KeyRepository(*desk.db).listKeys().value_or(QList<TrustedKey>()).size());
    shot.dataKey = desk.keyBytes(QStringLiteral("data.key"));
    shot.phoneCipher = desk.value(QStringLiteral("SELECT group_concat(hex(phone_cipher)) FROM member")).toByteArray();
    shot.outboxDevices = desk.value(QStringLiteral("SELECT group_concat(device) FROM outbox")).toString();
    shot.auditRows = AuditLog(*desk.db).count().value_or(-1);
    shot.credentialsFile = QFile::exists(desk.credentialsPath);
    return shot;
}

} // namespace

class TestEnrollment : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void testConnection();
    void testConnectionRefusesBadUrls_data();
    void testConnectionRefusesBadUrls();
    void enrollTakesTheChainsSettingsAndKeys();
    void wrongCodeChangesNothing();
    void unenrollRemovesOnlyTheCredentials();
    void credentialsFileIsChecked();

private:
    // A member made before enrollment with the desk's own key, and its member.created event.
    Member addMemberWithEvent(synctest::TestDesk &desk, QString *phone);

    synctest::TestHub m_hub;
};

void TestEnrollment::initTestCase()
{
    QVERIFY2(m_hub.start(), qPrintable(m_hub.errorText));
}

Member TestEnrollment::addMemberWithEvent(synctest::TestDesk &desk, QString *phone)
{
    const FieldCipher local = *FieldCipher::fromKey(desk.keyBytes(QStringLiteral("data.key")));
    Member member = synctest::makeMember(local, QStringLiteral("Before Enrollment"), phone);
    Status done = desk.db->transaction([&]() -> Status {
        Result<Member> inserted = MemberRepository(*desk.db).insert(member);
        if (!inserted)
            return std::unexpected(inserted.error());
        member = *inserted;
        return Outbox(*desk.db).append(synctest::memberCreated(member));
    });
    if (!done)
        qFatal("member: %s", qPrintable(done.error().toString()));
    return member;
}

void TestEnrollment::testConnection()
{
    synctest::TestDesk desk;
    QVERIFY2(desk.open(), qPrintable(desk.errorText));
    Result<QString> version = desk.enrollment().testConnection(m_hub.url() + QStringLiteral("/"));
    QVERIFY2(version.has_value(), synctest::why(version).constData());
    QVERIFY(!version->isEmpty());

    int freePort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        freePort = probe.serverPort();
    }
    Result<QString> nobody
        = desk.enrollment().testConnection(QStringLiteral("http://127.0.0.1:%1").arg(freePort), 3000);
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, ErrorCode::Network);
    QVERIFY(!nobody.error().message.isEmpty());
}

void TestEnrollment::testConnectionRefusesBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("ftp") << QStringLiteral("ftp://x");
    QTest::newRow("words") << QStringLiteral("not a url");
    QTest::newRow("empty") << QString();
    QTest::newRow("path") << QStringLiteral("http://hub.example.com/api");
    QTest::newRow("no host") << QStringLiteral("http://");
    QTest::newRow("query") << QStringLiteral("https://hub.example.com?x=1");
}

void TestEnrollment::testConnectionRefusesBadUrls()
{
    QFETCH(QString, url);
    synctest::TestDesk desk;
    QVERIFY2(desk.open(), qPrintable(desk.errorText));
    Result<QString> refused = desk.enrollment().testConnection(url);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.error().field, QStringLiteral("hubUrl"));
    QVERIFY(!refused.error().message.isEmpty());

    Result<HubCredentials> notEnrolled = desk.enrollment().enroll(
        EnrollmentRequest {url, QStringLiteral("AAAA-BBBB-CCCC-DDDD"), QStringLiteral("Desk"), QStringLiteral("s1")});
    QVERIFY(!notEnrolled);
    QCOMPARE(notEnrolled.error().field, QStringLiteral("hubUrl"));
}

void TestEnrollment::enrollTakesTheChainsSettingsAndKeys()
{
    synctest::TestDesk desk;
    QVERIFY2(desk.open(), qPrintable(desk.errorText));
    QString phone;
    const Member member = addMemberWithEvent(desk, &phone);
    const QByteArray localKey = desk.keyBytes(QStringLiteral("data.key"));
    QCOMPARE(desk.value(QStringLiteral("SELECT device FROM outbox")).toString(), QString());

    Result<HubCredentials> credentials = desk.enroll(m_hub, QStringLiteral("Front Desk"));
    QVERIFY2(credentials.has_value(), synctest::why(credentials).constData());
    QVERIFY(credentials->isValid());
    QCOMPARE(credentials->hubUrl, m_hub.url());
    QCOMPARE(credentials->siteId, m_hub.siteId);
    QCOMPARE(credentials->siteNumber, QStringLiteral("201"));

    // Settings.
    SettingRepository settings(*desk.db);
    QCOMPARE(settings.value(QStringLiteral("device.id")), credentials->deviceId);
    QCOMPARE(settings.value(QStringLiteral("site.id")), m_hub.siteId);
    QCOMPARE(settings.value(QStringLiteral("site.number")), QStringLiteral("201"));
    QCOMPARE(settings.value(QStringLiteral("site.name")), QStringLiteral("North"));
    QCOMPARE(settings.value(QStringLiteral("site.timezone")), QStringLiteral("Asia/Shanghai"));

    // Trusted keys: the hub's and this desk's own, under the kid it registered.
    const QList<TrustedKey> keys = KeyRepository(*desk.db).listKeys().value_or(QList<TrustedKey>());
    QVERIFY(keys.size() >= 2);
    const QString kid = settings.value(QStringLiteral("device.signingKid"));
    Result<std::optional<TrustedKey>> own = KeyRepository(*desk.db).findKey(kid);
    QVERIFY(own && *own);
    QCOMPARE((*own)->owner, credentials->deviceId);
    bool hubKey = false;
    for (const TrustedKey &key : keys)
        hubKey = hubKey || key.owner == QStringLiteral("hub");
    QVERIFY(hubKey);

    // The queued event now belongs to the new device.
    QCOMPARE(desk.value(QStringLiteral("SELECT device FROM outbox")).toString(), credentials->deviceId);

    // Key files: data.key is the chain's, the desk's own kept as data.key.local.
    const QByteArray chainKey = desk.keyBytes(QStringLiteral("data.key"));
    QCOMPARE(chainKey.size(), FieldCipher::KeyBytes);
    QVERIFY(chainKey != localKey);
    QCOMPARE(desk.keyBytes(QStringLiteral("data.key.local")), localKey);
    QCOMPARE(synctest::unixPermissions(desk.keyPath(QStringLiteral("data.key"))), synctest::ownerOnly());

    // The phone is readable with the chain key and found by its lookup hash.
    const FieldCipher chain = *FieldCipher::fromKey(chainKey);
    Result<std::optional<Member>> stored = MemberRepository(*desk.db).findById(member.id);
    QVERIFY(stored && *stored);
    Result<QByteArray> plain = chain.decrypt((*stored)->phoneCipher);
    QVERIFY2(plain.has_value(), synctest::why(plain).constData());
    QCOMPARE(QString::fromUtf8(*plain), phone);
    QCOMPARE((*stored)->phoneHash, chain.lookupHash(phone.toUtf8()));

    // The queued member event carries the chain's cipher too, and the hub takes it.
    Result<QList<OutboxItem>> queued = Outbox(*desk.db).peek(10);
    QVERIFY(queued && queued->size() == 1);
    const QJsonObject data = queued->first().event.data;
    QCOMPARE(QByteArray::fromBase64(data.value(QStringLiteral("phoneHash")).toString().toLatin1()),
        chain.lookupHash(phone.toUtf8()));
    HubClient client(credentials->hubUrl);
    QVERIFY(client.refreshToken(credentials->deviceId, credentials->deviceSecret));
    OutboxPump pump(*desk.db, client, desk.clock);
    Result<PushOutcome> pushed = pump.pushBatch();
    QVERIFY2(pushed.has_value(), synctest::why(pushed).constData());
    QCOMPARE(pushed->delivered, 1);
    QCOMPARE(m_hub.count(QStringLiteral("SELECT count(*) FROM member WHERE id = '%1' AND phone_hash = '%2'")
                             .arg(member.id, QString::fromLatin1(chain.lookupHash(phone.toUtf8()).toBase64()))),
        qint64(1));

    // Credentials file: owner-only, and it loads back.
    QCOMPARE(synctest::unixPermissions(desk.credentialsPath), synctest::ownerOnly());
    Result<std::optional<HubCredentials>> loaded = loadHubCredentials(desk.credentialsPath);
    QVERIFY(loaded && *loaded);
    QCOMPARE((*loaded)->deviceSecret, credentials->deviceSecret);
    QCOMPARE((*loaded)->deviceId, credentials->deviceId);

    // Audited.
    AuditFilter filter;
    filter.action = QStringLiteral("sync.enroll");
    Result<QList<AuditEntry>> audit = AuditLog(*desk.db).list(filter);
    QVERIFY(audit && audit->size() == 1);
    QCOMPARE(audit->first().entityId, credentials->deviceId);
    QCOMPARE(audit->first().actor, QStringLiteral("s-admin"));
}

void TestEnrollment::wrongCodeChangesNothing()
{
    synctest::TestDesk desk;
    QVERIFY2(desk.open(), qPrintable(desk.errorText));
    QString phone;
    addMemberWithEvent(desk, &phone);
    const DeskSnapshot before = snapshot(desk);
    QVERIFY(!before.phoneCipher.isEmpty());

    Result<HubCredentials> refused = desk.enrollment().enroll(EnrollmentRequest {
        m_hub.url(), QStringLiteral("ZZZZ-ZZZZ-ZZZZ-ZZZZ"), QStringLiteral("Desk"), QStringLiteral("s1")});
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("code"));
    QVERIFY(!refused.error().message.isEmpty());
    QVERIFY(snapshot(desk) == before);
    QVERIFY(!QFile::exists(desk.keyPath(QStringLiteral("data.key.local"))));

    int freePort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        freePort = probe.serverPort();
    }
    Result<HubCredentials> unreachable
        = desk.enrollment().enroll(EnrollmentRequest {QStringLiteral("http://127.0.0.1:%1").arg(freePort),
            m_hub.enrollmentCode(), QStringLiteral("Desk"), QStringLiteral("s1")});
    QVERIFY(!unreachable);
    QCOMPARE(unreachable.error().code, ErrorCode::Network);
    QVERIFY(snapshot(desk) == before);

    Result<HubCredentials> empty = desk.enrollment().enroll(
        EnrollmentRequest {m_hub.url(), QStringLiteral("  "), QStringLiteral("Desk"), QStringLiteral("s1")});
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(empty.error().field, QStringLiteral("code"));
    QVERIFY(snapshot(desk) == before);
}

void TestEnrollment::unenrollRemovesOnlyTheCredentials()
{
    synctest::TestDesk desk;
    QVERIFY2(desk.open(), qPrintable(desk.errorText));
    Result<HubCredentials> credentials = desk.enroll(m_hub, QStringLiteral("Back Desk"));
    QVERIFY2(credentials.has_value(), synctest::why(credentials).constData());
    const QByteArray chainKey = desk.keyBytes(QStringLiteral("data.key"));
    const QString deviceId = SettingRepository(*desk.db).value(QStringLiteral("device.id"));
    const qint64 keys = KeyRepository(*desk.db).listKeys().value_or(QList<TrustedKey>()).size();

    Status done = desk.enrollment().unenroll(QStringLiteral("s-boss"));
    QVERIFY2(done.has_value(), synctest::why(done).constData());
    QVERIFY(!QFile::exists(desk.credentialsPath));
    Result<std::optional<HubCredentials>> loaded = loadHubCredentials(desk.credentialsPath);
    QVERIFY(loaded && !*loaded);
    QCOMPARE(desk.keyBytes(QStringLiteral("data.key")), chainKey);
    QCOMPARE(SettingRepository(*desk.db).value(QStringLiteral("device.id")), deviceId);
    QCOMPARE(qint64(KeyRepository(*desk.db).listKeys().value_or(QList<TrustedKey>()).size()), keys);

    AuditFilter filter;
    filter.action = QStringLiteral("sync.unenroll");
    Result<QList<AuditEntry>> audit = AuditLog(*desk.db).list(filter);
    QVERIFY(audit && audit->size() == 1);
    QCOMPARE(audit->first().actor, QStringLiteral("s-boss"));
    QCOMPARE(audit->first().entityId, deviceId);
    Result<AuditVerification> chainOk = AuditLog(*desk.db).verify();
    QVERIFY(chainOk && chainOk->ok);
}

void TestEnrollment::credentialsFileIsChecked()
{
    QTemporaryDir dir;
    const QString path = defaultHubCredentialsPath(dir.filePath(QStringLiteral("gym.db")));
    QCOMPARE(path, dir.filePath(QStringLiteral("gym.db.hub.json")));
    Result<std::optional<HubCredentials>> missing = loadHubCredentials(path);
    QVERIFY(missing && !*missing);
    QVERIFY(removeHubCredentials(path)); // already gone is fine

    HubCredentials credentials;
    credentials.hubUrl = QStringLiteral("https://hub.example.com");
    credentials.deviceId = synctest::newId();
    credentials.deviceSecret = QStringLiteral("s3cret");
    credentials.siteNumber = QStringLiteral("301");
    credentials.enrolledAtMs = 1'765'000'000'000;
    QVERIFY(saveHubCredentials(path, credentials));
    QCOMPARE(synctest::unixPermissions(path), synctest::ownerOnly());
    Result<std::optional<HubCredentials>> loaded = loadHubCredentials(path);
    QVERIFY(loaded && *loaded);
    QCOMPARE((*loaded)->deviceSecret, credentials.deviceSecret);
    QCOMPARE((*loaded)->siteNumber, credentials.siteNumber);
    QCOMPARE((*loaded)->enrolledAtMs, credentials.enrolledAtMs);

    const auto write = [&](const QByteArray &bytes) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write("not json"));
    Result<std::optional<HubCredentials>> garbage = loadHubCredentials(path);
    QVERIFY(!garbage);
    QCOMPARE(garbage.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(garbage.error().field, QStringLiteral("credentials"));
    QVERIFY(write("{\"hubUrl\": \"http://x\", \"deviceId\": \"d1\"}"));
    Result<std::optional<HubCredentials>> noSecret = loadHubCredentials(path);
    QVERIFY(!noSecret);
    QCOMPARE(noSecret.error().field, QStringLiteral("deviceSecret"));
}

QTEST_GUILESS_MAIN(TestEnrollment)
#include "tst_enrollment.moc"
