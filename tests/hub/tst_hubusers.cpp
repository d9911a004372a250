// Staff user management through the real gymgate-hub (seed 000: /api/admin/users,
// /api/v1/users/{userId}, PUT /api/v1/users/me), on SQLite and on a throwaway PostgreSQL.
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include "HubTestSupport.h"

using namespace hubtest;

namespace {

QJsonObject newUser(const QString &username, const QString &role)
{
    return QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("displayName"), username.toUpper()},
        {QStringLiteral("password"), kPassword}, {QStringLiteral("role"), role}};
}

} // namespace

class TestHubUsers : public QObject, protected CurrentHubTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void createListChangeDelete_data();
    void createListChangeDelete();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void selfAndLastAdminProtected_data();
    void selfAndLastAdminProtected();
    void updateMe_data();
    void updateMe();

private:
    // The data of the newest change of the staff entity `syncId`.
    QJsonObject lastStaffChange(const QString &syncId);
};

void TestHubUsers::initTestCase()
{
    QVERIFY(m_databases.start());
}

QJsonObject TestHubUsers::lastStaffChange(const QString &syncId)
{
    QSqlQuery query(m_served->db.db());
    query.prepare(m_served->db.isPostgresql()
            ? QStringLiteral("SELECT CAST(data AS TEXT) FROM change_log WHERE entity = 'staff' AND entity_id = ? ORDER "
                             "BY seq DESC LIMIT 1")
            : QStringLiteral(
                "SELECT data FROM change_log WHERE entity = 'staff' AND entity_id = ? ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(syncId);
    if (!query.exec() || !query.next())
        return {};
    return QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
}

void TestHubUsers::createListChangeDelete_data()
{
    addDialectRows();
}

void TestHubUsers::createListChangeDelete()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const qint64 seqBefore = maxSeq();
    const HubReply created = hub.call(
        "POST", QStringLiteral("/api/admin/users"), newUser(QStringLiteral("li"), QStringLiteral("staff")), admin);
    QCOMPARE(created.status, 200);
    const QJsonObject user = dataOf(created);
    const qint64 id = user.value(QStringLiteral("id")).toInteger();
    const QString syncId = user.value(QStringLiteral("syncId")).toString();
    QVERIFY(id > 0);
    QVERIFY(!QUuid::fromString(syncId).isNull());
    QCOMPARE(user.value(QStringLiteral("displayName")).toString(), QStringLiteral("LI"));
    QCOMPARE(user.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QVERIFY(!user.contains(QStringLiteral("passwordHash")));
    QCOMPARE(maxSeq(), seqBefore + 1);
    const QJsonObject published = lastStaffChange(syncId);
    QCOMPARE(published.value(QStringLiteral("id")).toString(), syncId);
    QCOMPARE(published.value(QStringLiteral("username")).toString(), QStringLiteral("li"));
    QCOMPARE(published.value(QStringLiteral("role")).toString(), QStringLiteral("staff"));
    QVERIFY(published.value(QStringLiteral("passwordHash")).toString().startsWith(QStringLiteral("$argon2id$")));
    QCOMPARE(published.value(QStringLiteral("deleted")).toBool(), false);
    const QString staffToken = hub.login(QStringLiteral("li"), kPassword);
    QVERIFY(!staffToken.isEmpty());

    QVERIFY(hub.call("POST", QStringLiteral("/api/admin/users"),
                   newUser(QStringLiteral("wang"), QStringLiteral("technician")), admin)
                .status
        == 200);
    const HubReply page
        = hub.call("GET", QStringLiteral("/api/admin/users?limit=2&offset=1"), QJsonValue::Undefined, admin);
    QCOMPARE(page.status, 200);
    QCOMPARE(dataOf(page).value(QStringLiteral("total")).toInteger(), 3);
    QCOMPARE(dataOf(page).value(QStringLiteral("items")).toArray().size(), 2);
    QCOMPARE(dataOf(page)
                 .value(QStringLiteral("items"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
        QStringLiteral("li"));
    const HubReply technicians
        = hub.call("GET", QStringLiteral("/api/admin/users?role=technician"), QJsonValue::Undefined, admin);
    QCOMPARE(dataOf(technicians).value(QStringLiteral("total")).toInteger(), 1);

    // By numeric id, by sync id, on both prefixes.
    QCOMPARE(dataOf(hub.call("GET", QStringLiteral("/api/admin/users/%1").arg(id), QJsonValue::Undefined, admin))
                 .value(QStringLiteral("username"))
                 .toString(),
        QStringLiteral("li"));
    QCOMPARE(dataOf(hub.call("GET", QStringLiteral("/api/v1/users/") + syncId, QJsonValue::Undefined, admin))
                 .value(QStringLiteral("id"))
                 .toInteger(),
        id);

    const HubReply changed = hub.call("PUT", QStringLiteral("/api/v1/users/%1").arg(id),
        QJsonObject {{QStringLiteral("displayName"), QStringLiteral("Li Si")},
            {QStringLiteral("role"), QStringLiteral("guest")}},
        admin);
    QCOMPARE(changed.status, 200);
    QCOMPARE(dataOf(changed).value(QStringLiteral("role")).toString(), QStringLiteral("guest"));
    QCOMPARE(lastStaffChange(syncId).value(QStringLiteral("displayName")).toString(), QStringLiteral("Li Si"));
    // The role is read per request: the guest may not sell any more.
    QCOMPARE(hub.call("POST", QStringLiteral("/api/v1/credentials/x/revoke"), QJsonValue::Undefined, staffToken).status,
        403);
    // An unchanged PUT publishes nothing.
    const qint64 seqUnchanged = maxSeq();
    QCOMPARE(hub.call("PUT", QStringLiteral("/api/admin/users/%1").arg(id), QJsonObject {}, admin).status, 200);
    QCOMPARE(maxSeq(), seqUnchanged);

    const HubReply disabled = hub.call("PUT", QStringLiteral("/api/admin/users/%1").arg(id),
        QJsonObject {{QStringLiteral("status"), QStringLiteral("disabled")}}, admin);
    QCOMPARE(disabled.status, 200);
    QCOMPARE(hub.call("GET", QStringLiteral("/api/v1/users/me"), QJsonValue::Undefined, staffToken).status, 401);
    QCOMPARE(lastStaffChange(syncId).value(QStringLiteral("status")).toString(), QStringLiteral("disabled"));
    const HubReply active
        = hub.call("GET", QStringLiteral("/api/admin/users?status=active"), QJsonValue::Undefined, admin);
    QCOMPARE(dataOf(active).value(QStringLiteral("total")).toInteger(), 2);

    const HubReply reset = hub.call("PUT", QStringLiteral("/api/admin/users/%1").arg(id),
        QJsonObject {{QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("password"), QStringLiteral("new password 2")}},
        admin);
    QCOMPARE(reset.status, 200);
    QVERIFY(hub.login(QStringLiteral("li"), kPassword).isEmpty());
    const QString newToken = hub.login(QStringLiteral("li"), QStringLiteral("new password 2"));
    QVERIFY(!newToken.isEmpty());

    const qint64 seqBeforeDelete = maxSeq();
    const HubReply deleted
        = hub.call("DELETE", QStringLiteral("/api/admin/users/%1").arg(id), QJsonValue::Undefined, admin);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(maxSeq(), seqBeforeDelete + 1);
    QCOMPARE(lastStaffChange(syncId).value(QStringLiteral("deleted")).toBool(), true);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_user WHERE id = ? AND deleted_at IS NOT NULL"), {id}), 1);
    QCOMPARE(hub.call("GET", QStringLiteral("/api/admin/users/%1").arg(id), QJsonValue::Undefined, admin).status, 404);
    QCOMPARE(hub.call("GET", QStringLiteral("/api/v1/users/me"), QJsonValue::Undefined, newToken).status, 401);
    QVERIFY(hub.login(QStringLiteral("li"), QStringLiteral("new password 2")).isEmpty());
    QCOMPARE(
        hub.call("DELETE", QStringLiteral("/api/admin/users/%1").arg(id), QJsonValue::Undefined, admin).status, 404);
}

void TestHubUsers::refusalsChangeNothing_data()
{
    addDialectRows();
}

void TestHubUsers::refusalsChangeNothing()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    QCOMPARE(hub.call("POST", QStringLiteral("/api/admin/users"),
                    newUser(QStringLiteral("zhao"), QStringLiteral("staff")), admin)
                 .status,
        200);
    const QString staff = hub.login(QStringLiteral("zhao"), kPassword);
    const qint64 seqBefore = maxSeq();
    const qint64 usersBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM hub_user"));

    auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject body = newUser(QStringLiteral("qian"), QStringLiteral("staff"));
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return body;
    };
    struct Case {
        const char *name;
        QByteArray method;
        QString path;
        QJsonValue body;
        QString token;
        int status;
        QString field;
    };
    const QString users = QStringLiteral("/api/admin/users");
    const QList<Case> cases {
        {"no token", "POST", users, with(QString(), QJsonValue::Undefined), QString(), 401, {}},
        {"staff creates", "POST", users, with(QString(), QJsonValue::Undefined), staff, 403, {}},
        {"staff lists", "GET", users, QJsonValue::Undefined, staff, 403, {}},
        {"staff reads a user", "GET", QStringLiteral("/api/v1/users/1"), QJsonValue::Undefined, staff, 403, {}},
        {"missing username", "POST", users, with(QStringLiteral("username"), QJsonValue::Undefined), admin, 422,
            QStringLiteral("username")},
        {"username with a space", "POST", users, with(QStringLiteral("username"), QStringLiteral("qian yi")), admin,
            422, QStringLiteral("username")},
        {"short password", "POST", users, with(QStringLiteral("password"), QStringLiteral("1234567")), admin, 422,
            QStringLiteral("password")},
        {"password a number", "POST", users, with(QStringLiteral("password"), 12345678), admin, 422,
            QStringLiteral("password")},
        {"missing role", "POST", users, with(QStringLiteral("role"), QJsonValue::Undefined), admin, 422,
            QStringLiteral("role")},
        {"bad role", "POST", users, with(QStringLiteral("role"), QStringLiteral("owner")), admin, 422,
            QStringLiteral("role")},
        {"bad status", "POST", users, with(QStringLiteral("status"), QStringLiteral("sleeping")), admin, 422,
            QStringLiteral("status")},
        {"unknown site", "POST", users,
            with(QStringLiteral("siteId"), QUuid::createUuid().toString(QUuid::WithoutBraces)), admin, 422,
            QStringLiteral("siteId")},
        {"unknown field", "POST", users, with(QStringLiteral("email"), QStringLiteral("a@b.c")), admin, 422,
            QStringLiteral("email")},
        {"taken username", "POST", users, with(QStringLiteral("username"), QStringLiteral("zhao")), admin, 409,
            QStringLiteral("username")},
        {"bad limit", "GET", users + QStringLiteral("?limit=0"), QJsonValue::Undefined, admin, 422,
            QStringLiteral("limit")},
        {"bad role filter", "GET", users + QStringLiteral("?role=owner"), QJsonValue::Undefined, admin, 422,
            QStringLiteral("role")},
        {"unknown user", "PUT", users + QStringLiteral("/99999"),
            QJsonObject {{QStringLiteral("displayName"), QStringLiteral("x")}}, admin, 404, {}},
        {"update: bad role", "PUT", QStringLiteral("/api/v1/users/") + QString::number(2),
            QJsonObject {{QStringLiteral("role"), QStringLiteral("root")}}, admin, 422, QStringLiteral("role")},
        {"update: short password", "PUT", QStringLiteral("/api/v1/users/2"),
            QJsonObject {{QStringLiteral("password"), QStringLiteral("short")}}, admin, 422,
            QStringLiteral("password")},
        {"update: unknown field", "PUT", QStringLiteral("/api/v1/users/2"),
            QJsonObject {{QStringLiteral("username"), QStringLiteral("renamed")}}, admin, 422,
            QStringLiteral("username")},
        {"update: status a bool", "PUT", QStringLiteral("/api/v1/users/2"),
            QJsonObject {{QStringLiteral("status"), false}}, admin, 422, QStringLiteral("status")},
        {"staff deletes", "DELETE", QStringLiteral("/api/v1/users/1"), QJsonValue::Undefined, staff, 403, {}},
    };
    for (const Case &c : cases) {
        const HubReply reply = hub.call(c.method, c.path, c.body, c.token);
        QVERIFY2(reply.status == c.status,
            qPrintable(QStringLiteral("%1: %2 %3")
                           .arg(QLatin1String(c.name))
                           .arg(reply.status)
                           .arg(QString::fromUtf8(reply.body))));
        if (!c.field.isEmpty()) {
            QVERIFY2(fieldOf(reply) == c.field, c.name);
            QVERIFY2(reply.json.value(QStringLiteral("message")).toString().contains(c.field), c.name);
        }
    }
    QCOMPARE(maxSeq(), seqBefore);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_user")), usersBefore);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM hub_user WHERE username = 'zhao' AND role = 'staff' AND status = 'active'")),
        1);
}

void TestHubUsers::selfAndLastAdminProtected_data()
{
    addDialectRows();
}

void TestHubUsers::selfAndLastAdminProtected()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    const qint64 bossId = dataOf(hub.call("GET", QStringLiteral("/api/v1/users/me"), QJsonValue::Undefined, admin))
                              .value(QStringLiteral("id"))
                              .toInteger();
    const qint64 seqBefore = maxSeq();
    const QString bossPath = QStringLiteral("/api/admin/users/%1").arg(bossId);
    const HubReply deleteSelf = hub.call("DELETE", bossPath, QJsonValue::Undefined, admin);
    QCOMPARE(deleteSelf.status, 409);
    QVERIFY(deleteSelf.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("own account")));
    QCOMPARE(
        hub.call("PUT", bossPath, QJsonObject {{QStringLiteral("status"), QStringLiteral("disabled")}}, admin).status,
        409);
    QCOMPARE(
        hub.call("PUT", bossPath, QJsonObject {{QStringLiteral("role"), QStringLiteral("staff")}}, admin).status, 409);
    QCOMPARE(maxSeq(), seqBefore);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM hub_user WHERE role = 'admin' AND status = 'active' AND deleted_at IS NULL")),
        1);

    // With a second admin, one admin may remove the other, and the survivor is then protected.
    const HubReply second = hub.call(
        "POST", QStringLiteral("/api/admin/users"), newUser(QStringLiteral("sun"), QStringLiteral("admin")), admin);
    QCOMPARE(second.status, 200);
    const QString sunToken = hub.login(QStringLiteral("sun"), kPassword);
    const HubReply demoted
        = hub.call("PUT", bossPath, QJsonObject {{QStringLiteral("role"), QStringLiteral("staff")}}, sunToken);
    QCOMPARE(demoted.status, 200);
    QCOMPARE(hub.call("GET", QStringLiteral("/api/admin/users"), QJsonValue::Undefined, admin).status, 403);
    const QString sunPath
        = QStringLiteral("/api/admin/users/%1").arg(dataOf(second).value(QStringLiteral("id")).toInteger());
    QCOMPARE(hub.call("DELETE", sunPath, QJsonValue::Undefined, sunToken).status, 409);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM hub_user WHERE role = 'admin' AND status = 'active' AND deleted_at IS NULL")),
        1);
    // The first admin had no sync id (--create-admin); its first publication gives it one.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM hub_user WHERE id = ? AND sync_id IS NOT NULL"), {bossId}), 1);
}

void TestHubUsers::updateMe_data()
{
    addDialectRows();
}

void TestHubUsers::updateMe()
{
    QFETCH(QString, dialect);
    START_CURRENT_HUB(hub, dialect);
    const QString admin = hub.login(kAdmin, kPassword);
    QCOMPARE(hub.call("POST", QStringLiteral("/api/admin/users"),
                    newUser(QStringLiteral("zhou"), QStringLiteral("guest")), admin)
                 .status,
        200);
    const QString guest = hub.login(QStringLiteral("zhou"), kPassword);
    const QString me = QStringLiteral("/api/v1/users/me");

    const qint64 seqBefore = maxSeq();
    const HubReply noCurrent
        = hub.call("PUT", me, QJsonObject {{QStringLiteral("password"), QStringLiteral("another one 3")}}, guest);
    QCOMPARE(noCurrent.status, 422);
    QCOMPARE(fieldOf(noCurrent), QStringLiteral("currentPassword"));
    const HubReply wrongCurrent = hub.call("PUT", me,
        QJsonObject {{QStringLiteral("password"), QStringLiteral("another one 3")},
            {QStringLiteral("currentPassword"), QStringLiteral("guess guess")}},
        guest);
    QCOMPARE(wrongCurrent.status, 422);
    QCOMPARE(fieldOf(wrongCurrent), QStringLiteral("currentPassword"));
    const HubReply shortNew = hub.call("PUT", me,
        QJsonObject {
            {QStringLiteral("password"), QStringLiteral("short")}, {QStringLiteral("currentPassword"), kPassword}},
        guest);
    QCOMPARE(fieldOf(shortNew), QStringLiteral("password"));
    const HubReply roleChange
        = hub.call("PUT", me, QJsonObject {{QStringLiteral("role"), QStringLiteral("admin")}}, guest);
    QCOMPARE(roleChange.status, 422);
    QCOMPARE(fieldOf(roleChange), QStringLiteral("role"));
    QCOMPARE(
        hub.call("PUT", me, QJsonObject {{QStringLiteral("displayName"), QStringLiteral("x")}}, QString()).status, 401);
    QCOMPARE(maxSeq(), seqBefore);

    const HubReply renamed
        = hub.call("PUT", me, QJsonObject {{QStringLiteral("displayName"), QStringLiteral("Zhou Wu")}}, guest);
    QCOMPARE(renamed.status, 200);
    QCOMPARE(dataOf(renamed).value(QStringLiteral("displayName")).toString(), QStringLiteral("Zhou Wu"));
    QCOMPARE(dataOf(hub.call("GET", me, QJsonValue::Undefined, guest)).value(QStringLiteral("displayName")).toString(),
        QStringLiteral("Zhou Wu"));
    const HubReply changed = hub.call("PUT", me,
        QJsonObject {{QStringLiteral("password"), QStringLiteral("another one 3")},
            {QStringLiteral("currentPassword"), kPassword}},
        guest);
    QCOMPARE(changed.status, 200);
    QCOMPARE(maxSeq(), seqBefore + 2);
    QVERIFY(hub.login(QStringLiteral("zhou"), kPassword).isEmpty());
    QVERIFY(!hub.login(QStringLiteral("zhou"), QStringLiteral("another one 3")).isEmpty());
}

QTEST_GUILESS_MAIN(TestHubUsers)
#include "tst_hubusers.moc"
