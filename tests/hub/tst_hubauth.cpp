// Hub staff auth through the real gymgate-hub: --create-admin, login, JWT on /users/me,
// lockout, the login rate limit and logout, on SQLite and on a throwaway PostgreSQL.
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "HubProcess.h"
#include "PgServer.h"

namespace {

const QString kAdmin = QStringLiteral("boss");
const QString kPassword = QStringLiteral("correct horse 1");

QByteArray loginBody(const QString &username, const QString &password)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
{
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
}

int createAdmin(const QString &spec, const QString &username, const QString &password)
{
    return HubProcess::createAdmin(spec, username, password);
}

QJsonObject tokenPart(const QString &token, int index)
{
    return QJsonDocument::fromJson(
        QByteArray::fromBase64(token.split(QLatin1Char('.')).at(index).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

QString kidOf(const QString &token)
{
    return tokenPart(token, 0).value(QStringLiteral("kid")).toString();
}

QString tokenOf(const HubReply &login)
{
    return login.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString();
}

// A token signed like the hub does, with claims of the test's choosing.
QString forgeToken(const QString &kid, const QByteArray &secret, const QJsonObject &claims)
{
    constexpr auto encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), kid}};
    const QByteArray input = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(encoding) + '.'
        + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(encoding);
    return QString::fromLatin1(
        input + '.' + QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256).toBase64(encoding));
}

QString codeOf(const HubReply &reply)
{
    return reply.json.value(QStringLiteral("code")).toString();
}

QString messageOf(const HubReply &reply)
{
    return reply.json.value(QStringLiteral("message")).toString();
}

} // namespace

class TestHubAuth : public QObject {
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

private:
    void addDialectRows();
    // A new database with the admin in it and a hub serving it; skips without PostgreSQL.
    bool startHub(const QString &dialect, HubProcess &hub, QString *specOut = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<PgServer> m_pg;
    QString m_pgProblem;
    int m_databases = 0;
};

void TestHubAuth::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<PgServer>();
    if (!m_pg->start()) {
        m_pgProblem = m_pg->errorText;
        m_pg.reset();
        qWarning("PostgreSQL rows will be skipped: %s", qPrintable(m_pgProblem));
    }
}

void TestHubAuth::addDialectRows()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

bool TestHubAuth::startHub(const QString &dialect, HubProcess &hub, QString *specOut)
{
    const int number = ++m_databases;
    QString spec;
    if (dialect == QLatin1String("sqlite"))
        spec = m_dir.filePath(QStringLiteral("auth-%1.sqlite").arg(number));
    else if (m_pg)
        spec = m_pg->createDatabase(QStringLiteral("auth_%1").arg(number));
    if (spec.isEmpty()) {
        qWarning("no database: %s", qPrintable(m_pg ? m_pg->errorText : m_pgProblem));
        return false;
    }
    if (createAdmin(spec, kAdmin, kPassword) != 0) {
        qWarning("--create-admin failed");
        return false;
    }
    if (specOut != nullptr)
        *specOut = spec;
    if (!hub.start({QStringLiteral("--db"), spec})) {
        qWarning("hub did not start: %s", qPrintable(hub.errorText));
        return false;
    }
    return true;
}

#define START_HUB(hub, dialect, ...)                                                                                   \
    HubProcess hub;                                                                                                    \
    if (dialect == QLatin1String("postgresql") && !m_pg)                                                               \
        QSKIP(qPrintable(QStringLiteral("PostgreSQL could not be started: ") + m_pgProblem));                          \
    QVERIFY(startHub(dialect, hub __VA_OPT__(, ) __VA_ARGS__))

void TestHubAuth::loginMeLogout_data()
{
    addDialectRows();
}

void TestHubAuth::loginMeLogout()
{
    QFETCH(QString, dialect);
    START_HUB(hub, dialect);
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
    START_HUB(hub, dialect);
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
    START_HUB(hub, QStringLiteral("sqlite"));
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
    START_HUB(hub, QStringLiteral("sqlite"));
    const HubReply reply = hub.request("POST", QStringLiteral("/api/v1/users/login"), body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("field")).toString(), field);
    QVERIFY(messageOf(reply).contains(field));
    QVERIFY(hub.stop());
}

void TestHubAuth::createAdminRefusesBadInput()
{
    const QString spec = m_dir.filePath(QStringLiteral("admin.sqlite"));
    QCOMPARE(createAdmin(spec, QStringLiteral("first"), QStringLiteral("short")), 1);
    QCOMPARE(createAdmin(spec, QStringLiteral("first"), kPassword), 0);
    QCOMPARE(createAdmin(spec, QStringLiteral("first"), kPassword), 1); // already exists
}

void TestHubAuth::keyRotationKeepsOldTokens_data()
{
    addDialectRows();
}

void TestHubAuth::keyRotationKeepsOldTokens()
{
    QFETCH(QString, dialect);
    QString spec;
    START_HUB(hub, dialect, &spec);
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
    QString spec;
    START_HUB(hub, QStringLiteral("sqlite"), &spec);
    const QString token
        = tokenOf(hub.request("POST", QStringLiteral("/api/v1/users/login"), loginBody(kAdmin, kPassword)));
    const QString kid = kidOf(token);
    QByteArray secret;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("direct"));
        db.setDatabaseName(spec);
        QVERIFY(db.open());
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT secret FROM hub_jwt_key WHERE kid = ?"));
        query.addBindValue(kid);
        QVERIFY(query.exec() && query.next());
        secret = QByteArray::fromBase64(query.value(0).toString().toLatin1());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("direct"));
    QJsonObject claims = tokenPart(token, 1);
    claims.insert(QStringLiteral("jti"), QStringLiteral("forged-1"));
    // Correctly signed and still valid: accepted, so the refusal below is about the expiry.
    QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(forgeToken(kid, secret, claims)))
                 .status,
        200);
    claims.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() - 1);
    QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000, bearer(forgeToken(kid, secret, claims)))
                 .status,
        401);
    QCOMPARE(hub.request("GET", QStringLiteral("/api/v1/users/me"), {}, 10000,
                    bearer(forgeToken(QStringLiteral("unknown-kid"), secret, tokenPart(token, 1))))
                 .status,
        401);
    QVERIFY(hub.stop());
}

QTEST_GUILESS_MAIN(TestHubAuth)
#include "tst_hubauth.moc"
