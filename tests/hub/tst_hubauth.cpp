// Hub staff auth through the real gymgate-hub: --create-admin, login, JWT on /users/me,
// lockout, the login rate limit and logout, on SQLite and on a throwaway PostgreSQL.
#include <QJsonDocument>
#include <QTest>

#include "HubTestSupport.h"

using namespace hubtest;

namespace {

QByteArray loginBody(const QString &username, const QString &password)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

QString tokenOf(const HubReply &login)
{
    return login.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString();
}

} // namespace

class TestHubAuth : public QObject, protected CurrentHubTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void loginMeLogout_data();
    void loginMeLogout();
    void wrongPasswordAndLockout_data();
    void wrongPasswordAndLockout();
    void loginRateLimit();
    void missingFields_data();
    void missingFields();
    void createAdminRefusesBadInput();
    void keyRotationKeepsOldTokens_data();
    void keyRotationKeepsOldTokens();
    void expiredTokenIsRefused();
};

void TestHubAuth::initTestCase()
{
    QVERIFY(m_databases.start());
}

void TestHubAuth::loginMeLogout_data()
{
    addDialectRows();
}

void TestHubAuth::loginMeLogout()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const HubReply login = hub.request("POST", QStringLiteral("/api/v1/users/login"), loginBody(kAdmin, kPassword));
    QCOMPARE(login.status, 200);
    const QJsonObject data = login.json.value(QStringLiteral("data")).toObject();
    const QString token = data.value(QStringLiteral("token")).toString();
    QCOMPARE(token.count(QLatin1Char('.')), 2);
    QVERIFY(QDateTime::fromString(data.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate)
        > QDateTime::currentDateTimeUtc().addSecs(3600));
    const QJsonObject user = data.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("username")).toString(), kAdmin);
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QVERIFY(user.value(QStringLiteral("id")).toInteger() > 0);

    const HubReply me = hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(token));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("username")).toString(), kAdmin);

    const HubReply anonymous = hub.request("GET", QStringLiteral("/api/v1/users/me"));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(codeOf(anonymous), QStringLiteral("unauthorized"));

    // A changed payload keeps the old signature, which must no longer match.
    QStringList parts = token.split(QLatin1Char('.'));
    QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding)).object();
    claims.insert(QStringLiteral("role"), QStringLiteral("staff"));
    claims.insert(QStringLiteral("sub"), QStringLiteral("2"));
    parts[1] = QString::fromLatin1(QJsonDocument(claims)
                                       .toJson(QJsonDocument::Compact)
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const HubReply tampered
        = hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(parts.join(QLatin1Char('.'))));
    QCOMPARE(tampered.status, 401);
    const HubReply garbage
        = hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(QStringLiteral("x.y.z")));
    QCOMPARE(garbage.status, 401);

    const HubReply logout = hub.request("POST", QStringLiteral("/api/auth/logout"), {}, 10000, bearer(token));
    QCOMPARE(logout.status, 200);
    const HubReply afterLogout = hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(token));
    QCOMPARE(afterLogout.status, 401);
    QCOMPARE(hub.request("POST", QStringLiteral("/api/auth/logout"), {}, 10000, bearer(token)).status, 401);

    // A fresh login still works: logout revoked one token, not the user.
    const HubReply again = hub.request("POST", QStringLiteral("/api/v1/users/login"), loginBody(kAdmin, kPassword));
    QCOMPARE(again.status, 200);
    const QString token2
        = again.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString();
    QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(token2)).status, 200);
    QVERIFY(hub.stop());
}

void TestHubAuth::wrongPasswordAndLockout_data()
{
    addDialectRows();
}

void TestHubAuth::wrongPasswordAndLockout()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString path = QStringLiteral("/api/v1/users/login");
    const HubReply unknown = hub.request("POST", path, loginBody(QStringLiteral("nobody"), kPassword));
    QCOMPARE(unknown.status, 401);
    QCOMPARE(hub.request("POST", path, loginBody(kAdmin, QStringLiteral("wrong-1"))).status, 401);
    // A success resets the failure count.
    QCOMPARE(hub.request("POST", path, loginBody(kAdmin, kPassword)).status, 200);
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const HubReply wrong = hub.request("POST", path, loginBody(kAdmin, QStringLiteral("wrong-%1").arg(attempt)));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(codeOf(wrong), codeOf(unknown));
        QCOMPARE(messageOf(wrong), messageOf(unknown)); // no hint whether the user exists
    }
    const HubReply locked = hub.request("POST", path, loginBody(kAdmin, kPassword));
    QCOMPARE(locked.status, 401);
    QCOMPARE(codeOf(locked), QStringLiteral("account_locked"));
    QVERIFY(messageOf(locked) != messageOf(unknown));
    QVERIFY(hub.stop());
}

void TestHubAuth::loginRateLimit()
{
    START_CURRENT_HUB(hub, QStringLiteral("sqlite"));
    const QString path = QStringLiteral("/api/v1/users/login");
    for (int attempt = 0; attempt < 10; ++attempt)
        QCOMPARE(hub.request("POST", path, loginBody(QStringLiteral("nobody"), kPassword)).status, 401);
    const HubReply limited = hub.request("POST", path, loginBody(kAdmin, kPassword));
    QCOMPARE(limited.status, 429);
    QCOMPARE(codeOf(limited), QStringLiteral("rate_limited"));
    QVERIFY(!messageOf(limited).isEmpty());
    QVERIFY(hub.stop());
}

void TestHubAuth::missingFields_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("username");
    QTest::newRow("no password") << QByteArray(R"({"username":"boss"})") << QStringLiteral("password");
    QTest::newRow("password not a string")
        << QByteArray(R"({"username":"boss","password":5})") << QStringLiteral("password");
}

void TestHubAuth::missingFields()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    START_CURRENT_HUB(hub, QStringLiteral("sqlite"));
    const HubReply reply = hub.request("POST", QStringLiteral("/api/v1/users/login"), body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("field")).toString(), field);
    QVERIFY(messageOf(reply).contains(field));
    QVERIFY(hub.stop());
}

void TestHubAuth::createAdminRefusesBadInput()
{
    const QString spec = m_databases.filePath(QStringLiteral("admin.sqlite"));
    QCOMPARE(HubProcess::createAdmin(spec, QStringLiteral("first"), QStringLiteral("short")), 1);
    QCOMPARE(HubProcess::createAdmin(spec, QStringLiteral("first"), kPassword), 0);
    QCOMPARE(HubProcess::createAdmin(spec, QStringLiteral("first"), kPassword), 1); // already exists
    // The new admin is published for desks' offline login, once: the refusals published nothing.
    HubDb db;
    QVERIFY(db.open(spec));
    QCOMPARE(db.count(QStringLiteral("change_log"), QStringLiteral("entity = 'staff'")), qint64(1));
    const QJsonObject staff = QJsonDocument::fromJson(
        db.scalar(QStringLiteral("SELECT data FROM change_log WHERE entity = 'staff'")).toString().toUtf8())
                                  .object();
    QCOMPARE(staff.value(QStringLiteral("username")).toString(), QStringLiteral("first"));
    QCOMPARE(staff.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QVERIFY(staff.value(QStringLiteral("passwordHash")).toString().startsWith(QLatin1String("$argon2id$")));
    QCOMPARE(staff.value(QStringLiteral("id")).toString(),
        db.scalar(QStringLiteral("SELECT sync_id FROM hub_user WHERE username = 'first'")).toString());
}

void TestHubAuth::keyRotationKeepsOldTokens_data()
{
    addDialectRows();
}

void TestHubAuth::keyRotationKeepsOldTokens()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString spec = m_served->spec;
    const QString path = QStringLiteral("/api/v1/users/login");
    const QString oldToken = tokenOf(hub.request("POST", path, loginBody(kAdmin, kPassword)));
    QVERIFY(!kidOf(oldToken).isEmpty());
    QByteArray out;
    QCOMPARE(HubProcess::run({QStringLiteral("--db"), spec, QStringLiteral("--rotate-jwt-key")}, &out, nullptr), 0);
    const QString newToken = tokenOf(hub.request("POST", path, loginBody(kAdmin, kPassword)));
    QVERIFY(!kidOf(newToken).isEmpty());
    QVERIFY(kidOf(newToken) != kidOf(oldToken));
    for (const QString &token : {oldToken, newToken})
        QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(token)).status, 200);
    QVERIFY(hub.stop());
}

void TestHubAuth::expiredTokenIsRefused()
{
    START_CURRENT_HUB(hub, QStringLiteral("sqlite"));
    const QString token
        = tokenOf(hub.request("POST", QStringLiteral("/api/v1/users/login"), loginBody(kAdmin, kPassword)));
    const QString kid = kidOf(token);
    const JwtKey key = m_served->db.signingKey(kid);
    QVERIFY(key.isValid());
    const QByteArray secret = key.secret;
    QJsonObject claims = tokenPart(token, 1);
    claims.insert(QStringLiteral("jti"), QStringLiteral("forged-1"));
    // Correctly signed and still valid: accepted, so the refusal below is about the expiry.
    QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(signToken(kid, secret, claims)))
                 .status,
        200);
    claims.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() - 1);
    QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(signToken(kid, secret, claims)))
                 .status,
        401);
    QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000,
                    bearer(signToken(QStringLiteral("unknown-kid"), secret, tokenPart(token, 1))))
                 .status,
        401);
    QVERIFY(hub.stop());
}

QTEST_GUILESS_MAIN(TestHubAuth)
#include "tst_hubauth.moc"
