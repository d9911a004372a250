// Bad requests of every kind against every route of the real gymgate-hub, on SQLite and
// PostgreSQL. The route table comes from `gymgate-hub --print-routes`, so a new route is tested
// the day it is registered. For every route with roles: no, garbage, expired, forged and revoked
// tokens get 401 and every role not allowed gets 403. For every POST/PUT/PATCH route (public
// ones too): malformed JSON 400, an array or a number instead of an object 422, an unknown member
// 422 naming it, a body over --max-body-bytes 413. After each, every table has as many rows as
// before and the change log and notification log have not moved.
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include "HubTestSupport.h"

using namespace hubtest;

namespace {

constexpr int kMaxBodyBytes = 4096;
// Roles in the order a 403 row is made for each one a route does not allow.
const QStringList kAllRoles {QStringLiteral("admin"), QStringLiteral("staff"), QStringLiteral("technician"),
    QStringLiteral("guest"), QStringLiteral("device"), QStringLiteral("member")};

// The program's hub on one dialect, with a small body limit: a subject of every role (a user of
// every staff role, a device and a member at one site), a token of each logged out, and the
// names of every table.
struct Fixture : ServedHub {
    JwtKey key;
    QHash<QString, QString> subjects; // role -> token subject
    QHash<QString, QString> revoked; // role -> a token of that role, logged out
    QStringList tables;

    bool start(const QString &databaseSpec)
    {
        if (!ServedHub::start(databaseSpec, {QStringLiteral("--max-body-bytes"), QString::number(kMaxBodyBytes)}))
            return false;
        key = db.signingKey();
        if (!key.isValid() || !insertSubjects())
            return failed(QStringLiteral("fixtures: ") + db.errorText);
        if (!revokeTokens())
            return false;
        tables = db.tableNames();
        return tables.contains(QStringLiteral("change_log")) ? true : failed(QStringLiteral("no change_log table"));
    }

    QString mint(const QString &role, qint64 lifetimeSecs = 3600) const
    {
        return key.token(subjects.value(role), role, lifetimeSecs);
    }

    bool insertSubjects()
    {
        const QString siteId = db.insertSite(QStringLiteral("B"));
        const QString deviceId = db.insertDevice(siteId);
        const QString memberId = db.insertMember({.siteId = siteId, .memberNo = QStringLiteral("M1")});
        const qint64 adminId = db.integer(QStringLiteral("SELECT id FROM hub_user WHERE username = ?"), {kAdmin});
        if (siteId.isEmpty() || deviceId.isEmpty() || memberId.isEmpty() || adminId <= 0)
            return false;
        subjects.insert(QStringLiteral("admin"), QString::number(adminId));
        subjects.insert(QStringLiteral("device"), deviceSubject(deviceId));
        subjects.insert(QStringLiteral("member"), memberSubject(memberId));
        for (const QString &role : {QStringLiteral("staff"), QStringLiteral("technician"), QStringLiteral("guest")}) {
            const qint64 id = db.insertUser(role + QStringLiteral("-user"), role, siteId);
            if (id <= 0)
                return false;
            subjects.insert(role, QString::number(id));
        }
        return true;
    }

    // A token of every role, logged out through the real endpoint.
    bool revokeTokens()
    {
        for (const QString &role : kAllRoles) {
            const QString token = mint(role);
            if (hub.call("GET", QStringLiteral("/api/v1/users/me"), QJsonValue::Undefined, token).status != 200
                || hub.call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined, token).status != 200)
                return failed(QStringLiteral("the %1 token does not work or cannot be logged out").arg(role));
            revoked.insert(role, token);
        }
        return true;
    }
};

// Row counts of every table plus the newest seq of the two logs clients follow.
QMap<QString, qint64> snapshot(const Fixture &fixture)
{
    QStringList parts;
    for (const QString &table : fixture.tables)
        parts.append(QStringLiteral("SELECT '%1', COUNT(*) FROM %1").arg(table));
    parts.append(QStringLiteral("SELECT 'change_log.seq', COALESCE(MAX(seq), 0) FROM change_log"));
    parts.append(QStringLiteral("SELECT 'hub_notification.seq', COALESCE(MAX(seq), 0) FROM hub_notification"));
    QSqlQuery query(fixture.db.db());
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
    QString tokenFor(const Fixture &fixture, const QString &caseName, const QStringList &roles) const;

    HubDatabases m_databases;
    HubPerDialect<Fixture> m_fixtures;
};

void TestHubBadRequests::initTestCase()
{
    QVERIFY(m_databases.start());
}

void TestHubBadRequests::cleanupTestCase()
{
    QVERIFY(m_fixtures.stopAll());
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
    for (const QString &dialect : kDialects) {
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
        return signToken(fixture.key.kid, QByteArrayLiteral("not the hub's secret, 32 bytes.."),
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
    SKIP_UNLESS_AVAILABLE(m_databases, dialect);
    Fixture *served = m_fixtures.get(m_databases, dialect, QStringLiteral("bad"));
    QVERIFY2(served != nullptr, qPrintable(QStringLiteral("the fixture could not be set up: ") + m_fixtures.errorText));

    const QString token = tokenFor(*served, caseName, roles);
    const QMap<QString, qint64> before = snapshot(*served);
    const HubReply reply = served->hub.request(method.toLatin1(), path, bodyOf(caseName), 10000, bearer(token));
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
