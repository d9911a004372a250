// Bad requests of every kind against every route of the real gymgate-hub, on SQLite and
// PostgreSQL. The route table comes from `gymgate-hub --print-routes`, so a new route is tested
// the day it is registered. For every route with roles: no, garbage, expired, forged and revoked
// tokens get 401 and every role not allowed gets 403. For every POST/PUT/PATCH route (public
// ones too): malformed JSON 400, an array or a number instead of an object 422, an unknown member
// 422 naming it, a body over --max-body-bytes 413. After each, every table has as many rows as
// before and the change log and notification log have not moved.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <map>
#include <memory>

#include "HubProcess.h"
#include "PgServer.h"

namespace {

const QString kAdmin = QStringLiteral("boss");
const QString kPassword = QStringLiteral("correct horse 1");
constexpr int kMaxBodyBytes = 4096;
// Roles in the order a 403 row is made for each one a route does not allow.
const QStringList kAllRoles {QStringLiteral("admin"), QStringLiteral("staff"), QStringLiteral("technician"),
    QStringLiteral("guest"), QStringLiteral("device"), QStringLiteral("member")};

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
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

QJsonObject claimsFor(const QString &subject, const QString &role, qint64 lifetimeSecs)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{QStringLiteral("sub"), subject}, {QStringLiteral("role"), role}, {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + lifetimeSecs},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
}

// One served database: the hub, a direct connection for fixtures and snapshots, and a subject
// of every role.
struct Fixture {
    std::unique_ptr<HubProcess> hub;
    QString spec;
    QString connection;
    QString kid;
    QByteArray secret;
    QHash<QString, QString> subjects; // role -> token subject
    QHash<QString, QString> revoked; // role -> a token of that role, logged out
    QStringList tables;

    QSqlDatabase db() const { return QSqlDatabase::database(connection); }
    QString mint(const QString &role, qint64 lifetimeSecs = 3600) const
    {
        return forgeToken(kid, secret, claimsFor(subjects.value(role), role, lifetimeSecs));
    }
};

bool run(const QSqlDatabase &db, const QString &statement, const QVariantList &binds = {}, QVariant *first = nullptr)
{
    QSqlQuery query(db);
    query.prepare(statement);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qWarning("SQL failed: %s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
        return false;
    }
    if (first != nullptr && query.next())
        *first = query.value(0);
    return true;
}

// Row counts of every table plus the newest seq of the two logs clients follow.
QMap<QString, qint64> snapshot(const Fixture &fixture)
{
    QStringList parts;
    for (const QString &table : fixture.tables)
        parts.append(QStringLiteral("SELECT '%1', COUNT(*) FROM %1").arg(table));
    parts.append(QStringLiteral("SELECT 'change_log.seq', COALESCE(MAX(seq), 0) FROM change_log"));
    parts.append(QStringLiteral("SELECT 'hub_notification.seq', COALESCE(MAX(seq), 0) FROM hub_notification"));
    QSqlQuery query(fixture.db());
    QMap<QString, qint64> counts;
    if (!query.exec(parts.join(QStringLiteral(" UNION ALL ")))) {
        counts.insert(QStringLiteral("snapshot failed: ") + query.lastError().text(), -1);
        return counts;
    }
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    return counts;
}

QString describeDifference(const QMap<QString, qint64> &before, const QMap<QString, qint64> &after)
{
    QStringList changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key(), -1) != it.value())
            changed.append(
                QStringLiteral("%1: %2 -> %3").arg(it.key()).arg(before.value(it.key(), -1)).arg(it.value()));
    }
    return changed.join(QStringLiteral(", "));
}

// Path parameters become ids that do not exist: numbers for user ids, UUIDs for the rest.
QString unknownIds(const QString &pattern)
{
    static const QRegularExpression parameter(QStringLiteral("\\{([A-Za-z]+)\\}"));
    QString path = pattern;
    QRegularExpressionMatch match;
    while ((match = parameter.match(path)).hasMatch()) {
        const QString value = match.captured(1) == QLatin1String("userId")
            ? QStringLiteral("987654")
            : QStringLiteral("00000000-0000-4000-8000-00000000dead");
        path.replace(match.capturedStart(), match.capturedLength(), value);
    }
    return path;
}

bool takesBody(const QString &method)
{
    return method == QLatin1String("POST") || method == QLatin1String("PUT") || method == QLatin1String("PATCH");
}

struct Expectation {
    int status = 0;
    QString code;
    QString field; // data.field, when the answer must name one
};

Expectation expectationOf(const QString &caseName)
{
    if (caseName.startsWith(QLatin1String("token ")))
        return {401, QStringLiteral("unauthorized"), {}};
    if (caseName.startsWith(QLatin1String("role ")))
        return {403, QStringLiteral("permission_denied"), {}};
    if (caseName == QLatin1String("body malformed json"))
        return {400, QStringLiteral("invalid_json"), QStringLiteral("body")};
    if (caseName == QLatin1String("body unknown member"))
        return {422, QStringLiteral("field_invalid"), QStringLiteral("__bogus")};
    if (caseName == QLatin1String("body too large"))
        return {413, QStringLiteral("body_too_large"), QStringLiteral("body")};
    return {422, QStringLiteral("field_invalid"), QStringLiteral("body")}; // array or number
}

QByteArray bodyOf(const QString &caseName)
{
    if (caseName == QLatin1String("body malformed json"))
        return QByteArrayLiteral("{\"name\": ");
    if (caseName == QLatin1String("body array"))
        return QByteArrayLiteral("[{\"name\":\"x\"}]");
    if (caseName == QLatin1String("body number"))
        return QByteArrayLiteral("42");
    if (caseName == QLatin1String("body unknown member"))
        return QByteArrayLiteral("{\"__bogus\":1}");
    if (caseName == QLatin1String("body too large"))
        return "{\"__bogus\":\"" + QByteArray(kMaxBodyBytes + 16, 'x') + "\"}";
    return {};
}

} // namespace

class TestHubBadRequests : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void badRequest_data();
    void badRequest();

private:
    Fixture *fixture(const QString &dialect);
    bool setUp(const QString &dialect, Fixture &fixture);
    QString tokenFor(const Fixture &fixture, const QString &caseName, const QStringList &roles) const;

    QTemporaryDir m_dir;
    std::unique_ptr<PgServer> m_pg;
    QString m_pgProblem;
    std::map<QString, Fixture> m_fixtures;
    QStringList m_failedSetUps;
};

void TestHubBadRequests::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<PgServer>();
    if (!m_pg->start()) {
        m_pgProblem = m_pg->errorText;
        m_pg.reset();
        qWarning("PostgreSQL rows will be skipped: %s", qPrintable(m_pgProblem));
    }
}

void TestHubBadRequests::cleanupTestCase()
{
    for (auto &[dialect, fixture] : m_fixtures) {
        if (fixture.hub)
            QVERIFY2(fixture.hub->stop(), qPrintable(dialect));
        const QString connection = fixture.connection;
        QSqlDatabase::database(connection).close();
        QSqlDatabase::removeDatabase(connection);
    }
    m_fixtures.clear();
}

void TestHubBadRequests::badRequest_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QString>("caseName");
    QByteArray out;
    QByteArray err;
    QCOMPARE(HubProcess::run({QStringLiteral("--print-routes")}, &out, &err), 0);
    const QJsonArray routes = QJsonDocument::fromJson(out).array();
    QVERIFY2(routes.size() > 10, out.constData());
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const QJsonValue &value : routes) {
            const QJsonObject route = value.toObject();
            const QString method = route.value(QStringLiteral("method")).toString();
            const QString pattern = route.value(QStringLiteral("path")).toString();
            QStringList roles;
            for (const QJsonValue &role : route.value(QStringLiteral("roles")).toArray())
                roles.append(role.toString());
            QStringList cases;
            if (!roles.isEmpty()) {
                cases << QStringLiteral("token none") << QStringLiteral("token garbage")
                      << QStringLiteral("token expired") << QStringLiteral("token forged")
                      << QStringLiteral("token revoked");
                for (const QString &role : kAllRoles) {
                    if (!roles.contains(role))
                        cases << QStringLiteral("role ") + role;
                }
            }
            if (takesBody(method)) {
                cases << QStringLiteral("body malformed json") << QStringLiteral("body array")
                      << QStringLiteral("body number") << QStringLiteral("body unknown member")
                      << QStringLiteral("body too large");
            }
            for (const QString &caseName : std::as_const(cases)) {
                QTest::addRow(
                    "%s %s %s: %s", qPrintable(dialect), qPrintable(method), qPrintable(pattern), qPrintable(caseName))
                    << dialect << method << unknownIds(pattern) << roles << caseName;
            }
        }
    }
}

Fixture *TestHubBadRequests::fixture(const QString &dialect)
{
    const auto found = m_fixtures.find(dialect);
    if (found != m_fixtures.end())
        return found->second.hub ? &found->second : nullptr;
    Fixture &created = m_fixtures[dialect];
    if (!setUp(dialect, created)) {
        created.hub.reset();
        return nullptr;
    }
    return &created;
}

// A database with a user of every staff role, a site, a device and a member, and a hub with a
// small body limit serving it.
bool TestHubBadRequests::setUp(const QString &dialect, Fixture &fixture)
{
    fixture.spec = dialect == QLatin1String("sqlite") ? m_dir.filePath(QStringLiteral("bad.sqlite"))
                                                      : m_pg->createDatabase(QStringLiteral("bad_requests"));
    if (fixture.spec.isEmpty() || HubProcess::createAdmin(fixture.spec, kAdmin, kPassword) != 0)
        return false;
    fixture.hub = std::make_unique<HubProcess>();
    if (!fixture.hub->start({QStringLiteral("--db"), fixture.spec, QStringLiteral("--max-body-bytes"),
            QString::number(kMaxBodyBytes)})) {
        qWarning("hub did not start: %s", qPrintable(fixture.hub->errorText));
        return false;
    }
    if (fixture.hub->login(kAdmin, kPassword).isEmpty()) // also makes the signing key
        return false;

    fixture.connection = QStringLiteral("bad-") + dialect;
    QSqlDatabase db;
    if (dialect == QLatin1String("postgresql")) {
        const QUrl url(fixture.spec);
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), fixture.connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), fixture.connection);
        db.setDatabaseName(fixture.spec);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!db.open())
        return false;

    QVariant value;
    if (!run(db, QStringLiteral("SELECT kid FROM hub_jwt_key WHERE retired_at IS NULL"), {}, &value))
        return false;
    fixture.kid = value.toString();
    if (!run(db, QStringLiteral("SELECT secret FROM hub_jwt_key WHERE kid = ?"), {fixture.kid}, &value))
        return false;
    fixture.secret = QByteArray::fromBase64(value.toString().toLatin1());

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString siteId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString memberId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = run(db,
                  QStringLiteral(
                      "INSERT INTO site (id, name, number, created_at, updated_at) VALUES (?, 'Bad', 'B', ?, ?)"),
                  {siteId, nowMs, nowMs})
        && run(db,
            QStringLiteral("INSERT INTO hub_device (id, site_id, name, kind, secret_hash, enrolled_at) "
                           "VALUES (?, ?, 'desk', 'desk', 'x', ?)"),
            {deviceId, siteId, nowMs})
        && run(db,
            QStringLiteral("INSERT INTO member (id, site_id, member_no, name, phone_hash, phone_mask, created_at, "
                           "updated_at) VALUES (?, ?, 'M1', 'Member', 'hash-m1', '138****0000', ?, ?)"),
            {memberId, siteId, nowMs, nowMs})
        && run(db, QStringLiteral("SELECT id FROM hub_user WHERE username = ?"), {kAdmin}, &value);
    fixture.subjects.insert(QStringLiteral("admin"), value.toString());
    fixture.subjects.insert(QStringLiteral("device"), QStringLiteral("device:") + deviceId);
    fixture.subjects.insert(QStringLiteral("member"), QStringLiteral("member:") + memberId);
    for (const QString &role : {QStringLiteral("staff"), QStringLiteral("technician"), QStringLiteral("guest")}) {
        const QString username = role + QStringLiteral("-user");
        ok = ok
            && run(db,
                QStringLiteral("INSERT INTO hub_user (username, display_name, password_hash, role, status, created_at, "
                               "updated_at, site_id) VALUES (?, ?, 'x', ?, 'active', ?, ?, ?)"),
                {username, role, role, isoNow(), isoNow(), siteId})
            && run(db, QStringLiteral("SELECT id FROM hub_user WHERE username = ?"), {username}, &value);
        fixture.subjects.insert(role, value.toString());
    }
    if (!ok)
        return false;
    // A token of every role, logged out through the real endpoint.
    for (const QString &role : kAllRoles) {
        const QString token = fixture.mint(role);
        if (fixture.hub->call("GET", QStringLiteral("/api/v1/users/me"), QJsonValue::Undefined, token).status != 200
            || fixture.hub->call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined, token).status
                != 200) {
            qWarning("the %s token does not work or cannot be logged out", qPrintable(role));
            return false;
        }
        fixture.revoked.insert(role, token);
    }

    const QString tables = dialect == QLatin1String("sqlite")
        ? QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        : QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                         "AND table_type = 'BASE TABLE' ORDER BY table_name");
    QSqlQuery query(db);
    if (!query.exec(tables))
        return false;
    while (query.next())
        fixture.tables.append(query.value(0).toString());
    return fixture.tables.contains(QStringLiteral("change_log"));
}

// The token a case sends: broken ones of a role the route allows (so only the broken part can
// be the reason for the 401), another role's for 403, an allowed role's for the body cases.
QString TestHubBadRequests::tokenFor(const Fixture &fixture, const QString &caseName, const QStringList &roles) const
{
    const QString allowed = roles.value(0);
    if (caseName == QLatin1String("token none"))
        return {};
    if (caseName == QLatin1String("token garbage"))
        return QStringLiteral("garbage.not.a-token");
    if (caseName == QLatin1String("token expired"))
        return fixture.mint(allowed, -60);
    if (caseName == QLatin1String("token forged")) {
        // The real kid and good claims: only the signature, made without the hub's secret, is wrong.
        return forgeToken(fixture.kid, QByteArrayLiteral("not the hub's secret, 32 bytes.."),
            claimsFor(fixture.subjects.value(allowed), allowed, 3600));
    }
    if (caseName == QLatin1String("token revoked"))
        return fixture.revoked.value(allowed);
    if (caseName.startsWith(QLatin1String("role ")))
        return fixture.mint(caseName.mid(5));
    return allowed.isEmpty() ? QString() : fixture.mint(allowed);
}

void TestHubBadRequests::badRequest()
{
    QFETCH(QString, dialect);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QStringList, roles);
    QFETCH(QString, caseName);
    if (dialect == QLatin1String("postgresql") && !m_pg)
        QSKIP(qPrintable(QStringLiteral("PostgreSQL could not be started: ") + m_pgProblem));
    Fixture *served = fixture(dialect);
    QVERIFY2(served != nullptr, "the fixture could not be set up (see the warnings)");

    const QString token = tokenFor(*served, caseName, roles);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()});
    const QMap<QString, qint64> before = snapshot(*served);
    const HubReply reply = served->hub->request(method.toLatin1(), path, bodyOf(caseName), 10000, headers);
    const QMap<QString, qint64> after = snapshot(*served);

    // Every broken expectation is listed, so a finding reads as one line: what was sent, what came back.
    const Expectation expected = expectationOf(caseName);
    const QString message = reply.json.value(QStringLiteral("message")).toString();
    const QString field = reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("field")).toString();
    QStringList problems;
    if (reply.status != expected.status)
        problems << QStringLiteral("status %1, expected %2").arg(reply.status).arg(expected.status);
    if (reply.json.value(QStringLiteral("code")).toString() != expected.code)
        problems << QStringLiteral("code is not %1").arg(expected.code);
    if (message.isEmpty())
        problems << QStringLiteral("no message");
    if (!expected.field.isEmpty() && field != expected.field)
        problems << QStringLiteral("data.field is not %1").arg(expected.field);
    if (expected.field == QLatin1String("__bogus") && !message.contains(expected.field))
        problems << QStringLiteral("the message does not name __bogus");
    if (before != after)
        problems << QStringLiteral("the database changed: ") + describeDifference(before, after);
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 %2 answered %3 %4; %5")
                       .arg(method, path)
                       .arg(reply.status)
                       .arg(QString::fromUtf8(reply.body.left(300)), problems.join(QStringLiteral("; ")))));
}

QTEST_GUILESS_MAIN(TestHubBadRequests)
#include "tst_hubbadrequests.moc"
