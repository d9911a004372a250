// Sites, device enrollment and device tokens, the hub's signing keys, app entry tokens and
// credential revocation through the real gymgate-hub, on SQLite and on a throwaway PostgreSQL.
#include "core/Clock.h"
#include "core/CredentialCodec.h"
#include "core/CredentialVerifier.h"
#include "core/MemoryTrustStore.h"
#include "core/SigningKey.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include "HubTestSupport.h"

using namespace hubtest;

class TestHubDevices : public QObject, protected CurrentHubTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void sites_data();
    void sites();
    void siteRefusals_data();
    void siteRefusals();
    void enrollment_data();
    void enrollment();
    void enrollmentRefusals_data();
    void enrollmentRefusals();
    void enrollRateLimit();
    void keyRotationAndRevocation_data();
    void keyRotationAndRevocation();
    void twoHubsMakeOneFirstKey_data();
    void twoHubsMakeOneFirstKey();
    void entryTokens_data();
    void entryTokens();
    void credentialRevocation_data();
    void credentialRevocation();

private:
    bool exec(const QString &statement, const QVariantList &binds = {}) { return m_served->db.exec(statement, binds); }
    qint64 countRows(const QString &table) { return m_served->db.count(table); }
    QString staffToken(HubProcess &hub, const QString &adminToken, const QString &role);
    QString createSite(HubProcess &hub, const QString &token, const QString &number);
    QString createCode(HubProcess &hub, const QString &token, const QString &siteId);
    QString insertMember(const QString &status, bool deleted);
};

void TestHubDevices::initTestCase()
{
    QVERIFY(m_databases.start());
}

QString TestHubDevices::staffToken(HubProcess &hub, const QString &adminToken, const QString &role)
{
    const QString username = role + QStringLiteral("1");
    const HubReply created = hub.call("POST", QStringLiteral("/api/admin/users"),
        QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("password"), kPassword},
            {QStringLiteral("role"), role}},
        adminToken);
    if (created.status != 200)
        qWarning("user not created: %s", created.body.constData());
    return hub.login(username, kPassword);
}

QString TestHubDevices::createSite(HubProcess &hub, const QString &token, const QString &number)
{
    const HubReply reply = hub.call("POST", QStringLiteral("/api/v1/sites"),
        QJsonObject {{QStringLiteral("name"), QString(QStringLiteral("Site ") + number)},
            {QStringLiteral("number"), number}, {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")}},
        token);
    return dataOf(reply).value(QStringLiteral("id")).toString();
}

QString TestHubDevices::createCode(HubProcess &hub, const QString &token, const QString &siteId)
{
    const HubReply reply = hub.call("POST", QStringLiteral("/api/v1/devices/enrollment-codes"),
        QJsonObject {{QStringLiteral("siteId"), siteId}, {QStringLiteral("deviceName"), QStringLiteral("Front desk")}},
        token);
    return dataOf(reply).value(QStringLiteral("code")).toString();
}

QString TestHubDevices::insertMember(const QString &status, bool deleted)
{
    MemberRow row;
    row.memberNo = QStringLiteral("M100") + row.id.left(8);
    row.name = QStringLiteral("Zhang San");
    row.phoneMask = QStringLiteral("138****8000");
    row.status = status;
    row.deletedAtMs = deleted ? QDateTime::currentMSecsSinceEpoch() : 0;
    const QString id = m_served->db.insertMember(row);
    if (id.isEmpty())
        qWarning("member fixture not inserted");
    return row.id;
}

void TestHubDevices::sites_data()
{
    addDialectRows();
}

void TestHubDevices::sites()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const qint64 seqBefore = maxSeq();
    const HubReply created = hub.call("POST", QStringLiteral("/api/v1/sites"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Downtown")},
            {QStringLiteral("number"), QStringLiteral("100")},
            {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")}},
        admin);
    QCOMPARE(created.status, 200);
    const QString siteId = dataOf(created).value(QStringLiteral("id")).toString();
    QVERIFY(!QUuid::fromString(siteId).isNull());
    QCOMPARE(dataOf(created).value(QStringLiteral("timezone")).toString(), QStringLiteral("Europe/Berlin"));
    QCOMPARE(maxSeq(), seqBefore + 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'site' AND entity_id = ?"), {siteId}), 1);

    const QString staff = staffToken(hub, admin, QStringLiteral("technician"));
    const HubReply list = hub.call("GET", QStringLiteral("/api/v1/sites"), QJsonValue::Undefined, staff);
    QCOMPARE(list.status, 200);
    QCOMPARE(dataOf(list).value(QStringLiteral("items")).toArray().size(), 1);

    const HubReply changed = hub.call("PUT", QStringLiteral("/api/v1/sites/") + siteId,
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Downtown East")}}, admin);
    QCOMPARE(changed.status, 200);
    QCOMPARE(dataOf(changed).value(QStringLiteral("number")).toString(), QStringLiteral("100"));
    const HubReply one = hub.call("GET", QStringLiteral("/api/v1/sites/") + siteId, QJsonValue::Undefined, admin);
    QCOMPARE(one.status, 200);
    QCOMPARE(dataOf(one).value(QStringLiteral("name")).toString(), QStringLiteral("Downtown East"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'site'")), 2);

    const HubReply missing = hub.call("GET", QStringLiteral("/api/v1/sites/") + newId(), QJsonValue::Undefined, admin);
    QCOMPARE(missing.status, 404);
}

void TestHubDevices::siteRefusals_data()
{
    addDialectRows();
}

void TestHubDevices::siteRefusals()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const QString siteId = createSite(hub, admin, QStringLiteral("100"));
    QVERIFY(!siteId.isEmpty());
    const QString staff = staffToken(hub, admin, QStringLiteral("staff"));
    const qint64 seqBefore = maxSeq();
    const qint64 sitesBefore = countRows(QStringLiteral("site"));

    struct Case {
        const char *name;
        QByteArray method;
        QString path;
        QJsonValue body;
        QString token;
        int status;
        QString field;
    };
    const QString sitePath = QStringLiteral("/api/v1/sites/") + siteId;
    const QList<Case> cases {
        {"no token", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {
                {QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("number"), QStringLiteral("200")}},
            QString(), 401, QString()},
        {"staff creates", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {
                {QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("number"), QStringLiteral("200")}},
            staff, 403, QString()},
        {"missing name", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {{QStringLiteral("number"), QStringLiteral("200")}}, admin, 422, QStringLiteral("name")},
        {"number not digits", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {
                {QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("number"), QStringLiteral("2a")}},
            admin, 422, QStringLiteral("number")},
        {"number a number", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("number"), 200}}, admin, 422,
            QStringLiteral("number")},
        {"bad timezone", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("x")},
                {QStringLiteral("number"), QStringLiteral("200")},
                {QStringLiteral("timezone"), QStringLiteral("Mars/Olympus")}},
            admin, 422, QStringLiteral("timezone")},
        {"unknown field", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("x")},
                {QStringLiteral("number"), QStringLiteral("200")}, {QStringLiteral("colour"), QStringLiteral("red")}},
            admin, 422, QStringLiteral("colour")},
        {"not an object", "POST", QStringLiteral("/api/v1/sites"), QJsonArray {1}, admin, 422, QStringLiteral("body")},
        {"duplicate number", "POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {
                {QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("number"), QStringLiteral("100")}},
            admin, 409, QStringLiteral("number")},
        {"staff updates", "PUT", sitePath, QJsonObject {{QStringLiteral("name"), QStringLiteral("y")}}, staff, 403,
            QString()},
        {"empty name", "PUT", sitePath, QJsonObject {{QStringLiteral("name"), QStringLiteral(" ")}}, admin, 422,
            QStringLiteral("name")},
        {"update unknown site", "PUT", QStringLiteral("/api/v1/sites/") + newId(),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("y")}}, admin, 404, QString()},
    };
    for (const Case &c : cases) {
        const HubReply reply = hub.call(c.method, c.path, c.body, c.token);
        QVERIFY2(reply.status == c.status,
            qPrintable(QStringLiteral("%1: %2 %3")
                           .arg(QLatin1String(c.name))
                           .arg(reply.status)
                           .arg(QString::fromUtf8(reply.body))));
        if (!c.field.isEmpty())
            QVERIFY2(fieldOf(reply) == c.field, c.name);
        if (c.status == 422)
            QVERIFY2(reply.json.value(QStringLiteral("message")).toString().contains(c.field), c.name);
    }
    QCOMPARE(maxSeq(), seqBefore);
    QCOMPARE(countRows(QStringLiteral("site")), sitesBefore);
}

void TestHubDevices::enrollment_data()
{
    addDialectRows();
}

void TestHubDevices::enrollment()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const QString siteId = createSite(hub, admin, QStringLiteral("101"));
    const HubReply codeReply = hub.call("POST", QStringLiteral("/api/v1/devices/enrollment-codes"),
        QJsonObject {{QStringLiteral("siteId"), siteId}, {QStringLiteral("deviceName"), QStringLiteral("Desk 1")},
            {QStringLiteral("validHours"), 2}},
        admin);
    QCOMPARE(codeReply.status, 200);
    const QString code = dataOf(codeReply).value(QStringLiteral("code")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$")).match(code).hasMatch(),
        qPrintable(code));
    const QDateTime expiresAt
        = QDateTime::fromString(dataOf(codeReply).value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    QVERIFY(expiresAt > QDateTime::currentDateTimeUtc().addSecs(7100));
    QVERIFY(expiresAt < QDateTime::currentDateTimeUtc().addSecs(7300));
    // Only a hash is stored.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_enrollment_code WHERE code_hash = ?"),
                 {QString::fromLatin1(QCryptographicHash::hash(
                     QString(code).remove(QLatin1Char('-')).toUtf8(), QCryptographicHash::Sha256)
                                          .toHex())}),
        1);

    const gymgate::Result<gymgate::SigningKey> deskKey = gymgate::SigningKey::generate(QStringLiteral("desk101a"));
    QVERIFY(deskKey.has_value());
    // Lower case without dashes is the same code.
    const QJsonObject enrollBody {{QStringLiteral("code"), QString(code).remove(QLatin1Char('-')).toLower()},
        {QStringLiteral("kind"), QStringLiteral("desk")},
        {QStringLiteral("signingPublicKey"), QString::fromLatin1(deskKey->publicKey().toBase64())},
        {QStringLiteral("signingKid"), deskKey->keyId()}};
    const HubReply enrolled = hub.call("POST", QStringLiteral("/api/v1/devices/enroll"), enrollBody);
    QCOMPARE(enrolled.status, 200);
    const QJsonObject device = dataOf(enrolled);
    const QString deviceId = device.value(QStringLiteral("deviceId")).toString();
    const QString secret = device.value(QStringLiteral("deviceSecret")).toString();
    const QString deviceTokenValue = device.value(QStringLiteral("token")).toString();
    QVERIFY(!deviceId.isEmpty());
    QVERIFY(secret.size() >= 40);
    QCOMPARE(device.value(QStringLiteral("name")).toString(), QStringLiteral("Desk 1"));
    QCOMPARE(device.value(QStringLiteral("site")).toObject().value(QStringLiteral("number")).toString(),
        QStringLiteral("101"));
    QCOMPARE(QByteArray::fromBase64(device.value(QStringLiteral("fieldKey")).toString().toLatin1()).size(), 32);
    QStringList owners;
    for (const QJsonValue &key : device.value(QStringLiteral("trustedKeys")).toArray())
        owners.append(key.toObject().value(QStringLiteral("owner")).toString());
    QVERIFY(owners.contains(QStringLiteral("hub")));
    QVERIFY(owners.contains(deviceId));
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'trusted_key' AND entity_id = ?"),
                {deskKey->keyId()})
        == 1);
    // The secret is stored as an Argon2id hash, never in clear.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_device WHERE id = ? AND secret_hash LIKE '$argon2id$%'"),
                 {deviceId}),
        1);

    // The device token works on a device route.
    const HubReply keys = hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, deviceTokenValue);
    QCOMPARE(keys.status, 200);

    // The code is single use: the second use, an unknown code and an expired one look alike.
    const qint64 devicesBefore = countRows(QStringLiteral("hub_device"));
    const qint64 seqBefore = maxSeq();
    QJsonObject secondBody = enrollBody;
    secondBody.insert(QStringLiteral("signingKid"), QStringLiteral("desk101b"));
    const HubReply reused = hub.call("POST", QStringLiteral("/api/v1/devices/enroll"), secondBody);
    QCOMPARE(reused.status, 401);
    QCOMPARE(codeOf(reused), QStringLiteral("invalid_enrollment_code"));
    secondBody.insert(QStringLiteral("code"), QStringLiteral("AAAA-BBBB-CCCC-DDDD"));
    const HubReply unknown = hub.call("POST", QStringLiteral("/api/v1/devices/enroll"), secondBody);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.json.value(QStringLiteral("message")), reused.json.value(QStringLiteral("message")));
    const QString expiring = createCode(hub, admin, siteId);
    QVERIFY(exec(QStringLiteral("UPDATE hub_enrollment_code SET expires_at = ? WHERE used_at IS NULL"),
        {QDateTime::currentMSecsSinceEpoch() - 1}));
    secondBody.insert(QStringLiteral("code"), expiring);
    const HubReply expired = hub.call("POST", QStringLiteral("/api/v1/devices/enroll"), secondBody);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.json.value(QStringLiteral("message")), reused.json.value(QStringLiteral("message")));
    QCOMPARE(countRows(QStringLiteral("hub_device")), devicesBefore);
    QCOMPARE(maxSeq(), seqBefore);

    // Device token from the secret; last_seen_at moves.
    QVERIFY(exec(QStringLiteral("UPDATE hub_device SET last_seen_at = 5 WHERE id = ?"), {deviceId}));
    const HubReply token = hub.call("POST", QStringLiteral("/api/v1/devices/token"),
        QJsonObject {{QStringLiteral("deviceId"), deviceId}, {QStringLiteral("deviceSecret"), secret}});
    QCOMPARE(token.status, 200);
    const QString freshToken = dataOf(token).value(QStringLiteral("token")).toString();
    QVERIFY(scalar(QStringLiteral("SELECT last_seen_at FROM hub_device WHERE id = ?"), {deviceId}) > 5);
    const HubReply wrongSecret = hub.call("POST", QStringLiteral("/api/v1/devices/token"),
        QJsonObject {{QStringLiteral("deviceId"), deviceId},
            {QStringLiteral("deviceSecret"), QString(secret + QLatin1Char('x'))}});
    QCOMPARE(wrongSecret.status, 401);
    QCOMPARE(codeOf(wrongSecret), QStringLiteral("invalid_device_credentials"));

    const HubReply devices = hub.call("GET", QStringLiteral("/api/v1/devices"), QJsonValue::Undefined, admin);
    QCOMPARE(devices.status, 200);
    const QJsonObject listed = dataOf(devices).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(listed.value(QStringLiteral("id")).toString(), deviceId);
    QCOMPARE(listed.value(QStringLiteral("signingKid")).toString(), deskKey->keyId());
    QVERIFY(listed.value(QStringLiteral("revokedAt")).isNull());
    const HubReply deviceLists = hub.call("GET", QStringLiteral("/api/v1/devices"), QJsonValue::Undefined, freshToken);
    QCOMPARE(deviceLists.status, 403);

    // Revocation: tokens refused from then on, its key revoked and published, no new token.
    const HubReply revoked
        = hub.call("POST", QStringLiteral("/api/v1/devices/%1/revoke").arg(deviceId), QJsonValue::Undefined, admin);
    QCOMPARE(revoked.status, 200);
    QVERIFY(!dataOf(revoked).value(QStringLiteral("revokedAt")).isNull());
    QCOMPARE(hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, freshToken).status, 401);
    QCOMPARE(hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, deviceTokenValue).status, 401);
    QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/devices/token"),
                    QJsonObject {{QStringLiteral("deviceId"), deviceId}, {QStringLiteral("deviceSecret"), secret}})
                 .status,
        401);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'trusted_key' AND entity_id = ?"),
                 {deskKey->keyId()}),
        2);
    const HubReply adminKeys = hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, admin);
    bool sawRevoked = false;
    for (const QJsonValue &key : dataOf(adminKeys).value(QStringLiteral("items")).toArray()) {
        if (key.toObject().value(QStringLiteral("kid")).toString() == deskKey->keyId())
            sawRevoked = !key.toObject().value(QStringLiteral("revokedAt")).isNull();
    }
    QVERIFY(sawRevoked);
    const qint64 seqAfterRevoke = maxSeq();
    const HubReply again
        = hub.call("POST", QStringLiteral("/api/v1/devices/%1/revoke").arg(deviceId), QJsonValue::Undefined, admin);
    QCOMPARE(again.status, 409);
    QCOMPARE(maxSeq(), seqAfterRevoke);
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/devices/%1/revoke").arg(newId()), QJsonValue::Undefined, admin).status,
        404);
}

void TestHubDevices::enrollmentRefusals_data()
{
    addDialectRows();
}

void TestHubDevices::enrollmentRefusals()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const QString siteId = createSite(hub, admin, QStringLiteral("102"));
    const QString staff = staffToken(hub, admin, QStringLiteral("staff"));
    const QString code = createCode(hub, admin, siteId);
    QVERIFY(!code.isEmpty());
    // A kid that is taken already (the hub's own).
    const QString hubKid = dataOf(hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, admin))
                               .value(QStringLiteral("currentKid"))
                               .toString();
    QVERIFY(!hubKid.isEmpty());
    const qint64 seqBefore = maxSeq();
    const qint64 codesBefore = countRows(QStringLiteral("hub_enrollment_code"));
    const qint64 devicesBefore = countRows(QStringLiteral("hub_device"));
    const qint64 keysBefore = countRows(QStringLiteral("trusted_key"));

    const QString publicKey = QString::fromLatin1(QByteArray(32, 'k').toBase64());
    auto enrollBody = [&](const QJsonObject &changes) {
        QJsonObject body {{QStringLiteral("code"), code}, {QStringLiteral("kind"), QStringLiteral("desk")},
            {QStringLiteral("signingPublicKey"), publicKey}, {QStringLiteral("signingKid"), QStringLiteral("deskx")}};
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        return body;
    };
    struct Case {
        const char *name;
        QString path;
        QJsonObject body;
        QString token;
        int status;
        QString field;
    };
    const QString enroll = QStringLiteral("/api/v1/devices/enroll");
    const QString codes = QStringLiteral("/api/v1/devices/enrollment-codes");
    const QList<Case> cases {
        {"missing code", enroll, enrollBody({{QStringLiteral("code"), QJsonValue::Null}}), {}, 422,
            QStringLiteral("code")},
        {"code not a string", enroll, enrollBody({{QStringLiteral("code"), 12}}), {}, 422, QStringLiteral("code")},
        {"missing kind", enroll, enrollBody({{QStringLiteral("kind"), QJsonValue::Null}}), {}, 422,
            QStringLiteral("kind")},
        {"bad kind", enroll, enrollBody({{QStringLiteral("kind"), QStringLiteral("toaster")}}), {}, 422,
            QStringLiteral("kind")},
        {"desk without key", enroll, enrollBody({{QStringLiteral("signingPublicKey"), QJsonValue::Null}}), {}, 422,
            QStringLiteral("signingPublicKey")},
        {"short key", enroll,
            enrollBody({{QStringLiteral("signingPublicKey"), QString::fromLatin1(QByteArray(31, 'k').toBase64())}}), {},
            422, QStringLiteral("signingPublicKey")},
        {"key not base64", enroll, enrollBody({{QStringLiteral("signingPublicKey"), QStringLiteral("%%%")}}), {}, 422,
            QStringLiteral("signingPublicKey")},
        {"bad kid", enroll, enrollBody({{QStringLiteral("signingKid"), QStringLiteral("no spaces allowed")}}), {}, 422,
            QStringLiteral("signingKid")},
        {"kid taken", enroll, enrollBody({{QStringLiteral("signingKid"), hubKid}}), {}, 409,
            QStringLiteral("signingKid")},
        {"unknown field", enroll, enrollBody({{QStringLiteral("siteId"), siteId}}), {}, 422, QStringLiteral("siteId")},
        {"code: no token", codes, QJsonObject {{QStringLiteral("siteId"), siteId}}, {}, 401, {}},
        {"code: staff", codes,
            QJsonObject {{QStringLiteral("siteId"), siteId}, {QStringLiteral("deviceName"), QStringLiteral("d")}},
            staff, 403, {}},
        {"code: zero hours", codes,
            QJsonObject {{QStringLiteral("siteId"), siteId}, {QStringLiteral("deviceName"), QStringLiteral("d")},
                {QStringLiteral("validHours"), 0}},
            admin, 422, QStringLiteral("validHours")},
        {"code: a week and an hour", codes,
            QJsonObject {{QStringLiteral("siteId"), siteId}, {QStringLiteral("deviceName"), QStringLiteral("d")},
                {QStringLiteral("validHours"), 169}},
            admin, 422, QStringLiteral("validHours")},
        {"code: hours as text", codes,
            QJsonObject {{QStringLiteral("siteId"), siteId}, {QStringLiteral("deviceName"), QStringLiteral("d")},
                {QStringLiteral("validHours"), QStringLiteral("24")}},
            admin, 422, QStringLiteral("validHours")},
        {"code: unknown site", codes,
            QJsonObject {{QStringLiteral("siteId"), newId()}, {QStringLiteral("deviceName"), QStringLiteral("d")}},
            admin, 422, QStringLiteral("siteId")},
        {"code: missing device name", codes, QJsonObject {{QStringLiteral("siteId"), siteId}}, admin, 422,
            QStringLiteral("deviceName")},
        {"token: missing secret", QStringLiteral("/api/v1/devices/token"),
            QJsonObject {{QStringLiteral("deviceId"), newId()}}, {}, 422, QStringLiteral("deviceSecret")},
        {"token: unknown device", QStringLiteral("/api/v1/devices/token"),
            QJsonObject {{QStringLiteral("deviceId"), newId()}, {QStringLiteral("deviceSecret"), QStringLiteral("x")}},
            {}, 401, {}},
    };
    for (const Case &c : cases) {
        const HubReply reply = hub.call("POST", c.path, c.body, c.token);
        QVERIFY2(reply.status == c.status,
            qPrintable(QStringLiteral("%1: %2 %3")
                           .arg(QLatin1String(c.name))
                           .arg(reply.status)
                           .arg(QString::fromUtf8(reply.body))));
        if (!c.field.isEmpty())
            QVERIFY2(fieldOf(reply) == c.field, c.name);
    }
    QCOMPARE(maxSeq(), seqBefore);
    QCOMPARE(countRows(QStringLiteral("hub_enrollment_code")), codesBefore);
    QCOMPARE(countRows(QStringLiteral("hub_device")), devicesBefore);
    QCOMPARE(countRows(QStringLiteral("trusted_key")), keysBefore);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_enrollment_code WHERE used_at IS NOT NULL")), 0);

    // A kiosk needs no signing key; the code still works after all those refusals.
    const HubReply kiosk = hub.call("POST", enroll,
        QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("kind"), QStringLiteral("kiosk")},
            {QStringLiteral("name"), QStringLiteral("Gate kiosk")}});
    QCOMPARE(kiosk.status, 200);
    QCOMPARE(countRows(QStringLiteral("trusted_key")), keysBefore);
}

void TestHubDevices::enrollRateLimit()
{
    START_CURRENT_HUB(hub, QStringLiteral("sqlite"));
    const QJsonObject body {{QStringLiteral("code"), QStringLiteral("AAAA-BBBB-CCCC-DDDD")},
        {QStringLiteral("kind"), QStringLiteral("kiosk")}};
    for (int i = 0; i < 10; ++i)
        QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/devices/enroll"), body).status, 401);
    const HubReply limited = hub.call("POST", QStringLiteral("/api/v1/devices/enroll"), body);
    QCOMPARE(limited.status, 429);
    QCOMPARE(codeOf(limited), QStringLiteral("rate_limited"));
}

void TestHubDevices::keyRotationAndRevocation_data()
{
    addDialectRows();
}

void TestHubDevices::keyRotationAndRevocation()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const QString staff = staffToken(hub, admin, QStringLiteral("staff"));
    const HubReply first = hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, staff);
    QCOMPARE(first.status, 200);
    const QString firstKid = dataOf(first).value(QStringLiteral("currentKid")).toString();
    QVERIFY(gymgate::SigningKey::isValidKeyId(firstKid));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'trusted_key' AND entity_id = ?"),
                 {firstKid}),
        1);
    // Reading again makes no second key.
    QCOMPARE(dataOf(hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, admin))
                 .value(QStringLiteral("currentKid"))
                 .toString(),
        firstKid);

    const qint64 seqBefore = maxSeq();
    QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/keys/rotate"), QJsonValue::Undefined, staff).status, 403);
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/keys/rotate"), QJsonObject {{QStringLiteral("x"), 1}}, admin).status,
        422);
    QCOMPARE(maxSeq(), seqBefore);
    const HubReply rotated = hub.call("POST", QStringLiteral("/api/v1/keys/rotate"), QJsonValue::Undefined, admin);
    QCOMPARE(rotated.status, 200);
    const QString secondKid = dataOf(rotated).value(QStringLiteral("kid")).toString();
    QVERIFY(secondKid != firstKid);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_signing_key WHERE retired_at IS NULL")), 1);
    const QJsonObject listed = dataOf(hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, admin));
    QCOMPARE(listed.value(QStringLiteral("currentKid")).toString(), secondKid);
    int trustedHubKeys = 0;
    for (const QJsonValue &key : listed.value(QStringLiteral("items")).toArray()) {
        if (key.toObject().value(QStringLiteral("owner")).toString() == QLatin1String("hub")
            && key.toObject().value(QStringLiteral("revokedAt")).isNull())
            ++trustedHubKeys;
    }
    QCOMPARE(trustedHubKeys, 2); // the retired key is still trusted

    const HubReply revoked
        = hub.call("POST", QStringLiteral("/api/v1/keys/%1/revoke").arg(firstKid), QJsonValue::Undefined, admin);
    QCOMPARE(revoked.status, 200);
    QVERIFY(dataOf(revoked).value(QStringLiteral("revokedAt")).toInteger() > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'trusted_key' AND entity_id = ?"),
                 {firstKid}),
        2);
    const qint64 seqAfter = maxSeq();
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/keys/%1/revoke").arg(firstKid), QJsonValue::Undefined, admin).status,
        409);
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/keys/nosuchkey/revoke"), QJsonValue::Undefined, admin).status, 404);
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/keys/%1/revoke").arg(secondKid), QJsonValue::Undefined, staff).status,
        403);
    QCOMPARE(maxSeq(), seqAfter);

    // Revoking the current key retires it; the next request makes a fresh one.
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/keys/%1/revoke").arg(secondKid), QJsonValue::Undefined, admin).status,
        200);
    const QString thirdKid = dataOf(hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, admin))
                                 .value(QStringLiteral("currentKid"))
                                 .toString();
    QVERIFY(thirdKid != secondKid && thirdKid != firstKid);
}

void TestHubDevices::twoHubsMakeOneFirstKey_data()
{
    addDialectRows();
}

void TestHubDevices::twoHubsMakeOneFirstKey()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    HubProcess other;
    QVERIFY(other.start({QStringLiteral("--db"), m_served->spec}));
    const QString admin = hub.login(kAdmin, kPassword);
    // Both hubs are asked at the same moment, before any key exists.
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    for (const int port : {hub.port, other.port, hub.port, other.port}) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/keys").arg(port)));
        request.setRawHeader("Authorization", "Bearer " + admin.toLatin1());
        replies.append(network.get(request));
    }
    QStringList kids;
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished())
            QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        kids.append(QJsonDocument::fromJson(reply->readAll())
                        .object()
                        .value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("currentKid"))
                        .toString());
        reply->deleteLater();
    }
    QCOMPARE(kids.count(kids.first()), kids.size());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_signing_key")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM trusted_key WHERE owner = 'hub'")), 1);
}

void TestHubDevices::entryTokens_data()
{
    addDialectRows();
}

void TestHubDevices::entryTokens()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const QString memberId = insertMember(QStringLiteral("active"), false);
    const QString otherId = insertMember(QStringLiteral("active"), false);
    const QString blockedId = insertMember(QStringLiteral("blocked"), false);
    const QString deletedId = insertMember(QStringLiteral("active"), true);
    const QString technician = staffToken(hub, admin, QStringLiteral("technician"));

    const HubReply issued = hub.call(
        "POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(memberId), QJsonValue::Undefined, admin);
    QCOMPARE(issued.status, 200);
    const QString code = dataOf(issued).value(QStringLiteral("code")).toString();
    QVERIFY(code.startsWith(QStringLiteral("GG1.")));
    const QDateTime expiresAt
        = QDateTime::fromString(dataOf(issued).value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    QVERIFY(expiresAt <= QDateTime::currentDateTimeUtc().addSecs(61));
    QVERIFY(expiresAt >= QDateTime::currentDateTimeUtc().addSecs(55));

    // Verify it as a kiosk would, with the keys the hub publishes.
    const QJsonObject keys = dataOf(hub.call("GET", QStringLiteral("/api/v1/keys"), QJsonValue::Undefined, admin));
    gymgate::MemoryTrustStore trust;
    for (const QJsonValue &key : keys.value(QStringLiteral("items")).toArray())
        trust.addKey(key.toObject().value(QStringLiteral("kid")).toString(),
            QByteArray::fromBase64(key.toObject().value(QStringLiteral("publicKey")).toString().toLatin1()));
    const gymgate::SystemClock clock;
    const gymgate::CredentialVerifier verifier(trust, clock);
    const gymgate::CredentialCheck check = verifier.verify(code.toLatin1());
    QVERIFY2(check.has_value(), "the hub's entry token does not verify");
    QCOMPARE(check->type, gymgate::CredentialType::Token);
    QCOMPARE(check->payload.memberId, memberId);
    QCOMPARE(check->keyId, keys.value(QStringLiteral("currentKid")).toString());
    QCOMPARE(check->credentialId, dataOf(issued).value(QStringLiteral("credentialId")).toString());
    const auto parsed = gymgate::CredentialCodec::parse(code.toLatin1());
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->payload.expiresAtMs - parsed->payload.issuedAtMs, 60000);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM credential WHERE id = ? AND member_id = ? AND type = 'token'"),
                 {check->credentialId, memberId}),
        1);
    // A forged signature fails.
    gymgate::MemoryTrustStore wrongTrust;
    wrongTrust.addKey(check->keyId, QByteArray(32, 'x'));
    QVERIFY(!gymgate::CredentialVerifier(wrongTrust, clock).verify(code.toLatin1()).has_value());

    // A member gets a token for themselves only.
    const QString memberToken = m_served->db.memberToken(memberId);
    QVERIFY(!memberToken.isEmpty());
    QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(memberId), QJsonValue::Undefined,
                    memberToken)
                 .status,
        200);
    const qint64 credentialsBefore = countRows(QStringLiteral("credential"));
    const HubReply foreign = hub.call(
        "POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(otherId), QJsonValue::Undefined, memberToken);
    QCOMPARE(foreign.status, 403);
    QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(memberId), QJsonValue::Undefined,
                    technician)
                 .status,
        403);
    const HubReply blocked = hub.call(
        "POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(blockedId), QJsonValue::Undefined, admin);
    QCOMPARE(blocked.status, 409);
    QCOMPARE(codeOf(blocked), QStringLiteral("member_blocked"));
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(deletedId), QJsonValue::Undefined, admin)
            .status,
        404);
    QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(memberId),
                    QJsonObject {{QStringLiteral("cardId"), QStringLiteral("x")}}, admin)
                 .status,
        422);
    QCOMPARE(countRows(QStringLiteral("credential")), credentialsBefore);
    // A blocked member's own token stops working at once.
    QVERIFY(exec(QStringLiteral("UPDATE member SET status = 'blocked' WHERE id = ?"), {memberId}));
    QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(memberId), QJsonValue::Undefined,
                    memberToken)
                 .status,
        401);
}

void TestHubDevices::credentialRevocation_data()
{
    addDialectRows();
}

void TestHubDevices::credentialRevocation()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const QString staff = staffToken(hub, admin, QStringLiteral("staff"));
    const QString guest = staffToken(hub, admin, QStringLiteral("guest"));
    const QString memberId = insertMember(QStringLiteral("active"), false);
    const QString credentialId = dataOf(
        hub.call("POST", QStringLiteral("/api/v1/members/%1/entry-token").arg(memberId), QJsonValue::Undefined, staff))
                                     .value(QStringLiteral("credentialId"))
                                     .toString();
    QVERIFY(!credentialId.isEmpty());
    const QString path = QStringLiteral("/api/v1/credentials/%1/revoke").arg(credentialId);

    const qint64 seqBefore = maxSeq();
    QCOMPARE(hub.call("POST", path, QJsonValue::Undefined, guest).status, 403);
    QCOMPARE(hub.call("POST", path, QJsonValue::Undefined, QString()).status, 401);
    QCOMPARE(
        hub.call("POST", path, QJsonObject {{QStringLiteral("reason"), QStringLiteral("lost")}}, staff).status, 422);
    QCOMPARE(
        hub.call("POST", QStringLiteral("/api/v1/credentials/deadbeef/revoke"), QJsonValue::Undefined, staff).status,
        404);
    QCOMPARE(maxSeq(), seqBefore);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM credential WHERE revoked_at IS NOT NULL")), 0);

    const HubReply revoked = hub.call("POST", path, QJsonValue::Undefined, staff);
    QCOMPARE(revoked.status, 200);
    QCOMPARE(dataOf(revoked).value(QStringLiteral("memberId")).toString(), memberId);
    QCOMPARE(maxSeq(), seqBefore + 1);
    QSqlQuery change(m_served->db.db());
    QVERIFY(change.exec(QStringLiteral("SELECT entity, entity_id FROM change_log ORDER BY seq DESC LIMIT 1")));
    QVERIFY(change.next());
    QCOMPARE(change.value(0).toString(), QStringLiteral("revocation"));
    QCOMPARE(change.value(1).toString(), credentialId);
    QCOMPARE(hub.call("POST", path, QJsonValue::Undefined, staff).status, 409);
    QCOMPARE(maxSeq(), seqBefore + 1);
}

QTEST_GUILESS_MAIN(TestHubDevices)
#include "tst_hubdevices.moc"
