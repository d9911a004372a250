#pragma once

// What every hub test needs besides the process (HubProcess.h) and the PostgreSQL server
// (PgServer.h): the two dialects and a new database of each, a hub started on one with the admin
// logged in, a direct connection to the same database for fixtures and "nothing changed" checks,
// tokens signed with the hub's own key (the endpoints that would issue them belong to other
// modules), and the envelope's parts. Also used by bench/HubBench.cpp (through SyncFixture.h),
// which does not link Qt Test: nothing here may need the Qt Test library unless a test calls it.
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QVariant>
#include <QtTest/QTest>

#include <map>
#include <memory>

#include "HubProcess.h"
#include "PgServer.h"

namespace hubtest {

// The admin every test database starts with (gymgate-hub --create-admin).
inline const QString kAdmin = QStringLiteral("boss");
inline const QString kPassword = QStringLiteral("correct horse 1");

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// hub_user keeps its times as ISO text, the domain tables as UTC ms.
inline QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Typed NULLs: the PostgreSQL driver needs to know what it binds.
inline QVariant nullInteger()
{
    return QVariant(QMetaType::fromType<qint64>());
}

inline QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

// ---------------------------------------------------------------- the envelope

inline QJsonObject dataOf(const HubReply &reply)
{
    return reply.json.value(QStringLiteral("data")).toObject();
}

// The error code; a number is given as text so a wrong envelope shows in the comparison.
inline QString codeOf(const HubReply &reply)
{
    const QJsonValue code = reply.json.value(QStringLiteral("code"));
    return code.isString() ? code.toString() : QString::number(code.toInt());
}

inline QString messageOf(const HubReply &reply)
{
    return reply.json.value(QStringLiteral("message")).toString();
}

// The field a 4xx names in data.field.
inline QString fieldOf(const HubReply &reply)
{
    return dataOf(reply).value(QStringLiteral("field")).toString();
}

inline QString describe(const HubReply &reply)
{
    return QStringLiteral("%1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
}

// The headers for HubProcess::request; none for an empty token.
inline QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
{
    if (token.isEmpty())
        return {};
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
}

// ---------------------------------------------------------------- tokens

// The subjects HubAuth writes into a token's "sub": a staff user's id as text, or these.
inline QString deviceSubject(const QString &deviceId)
{
    return QStringLiteral("device:") + deviceId;
}

inline QString memberSubject(const QString &memberId)
{
    return QStringLiteral("member:") + memberId;
}

// Claims like the hub's, `lifetimeSecs` from now (negative: already expired), with a new jti.
inline QJsonObject claimsFor(const QString &subject, const QString &role, qint64 lifetimeSecs = 3600)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{QStringLiteral("sub"), subject}, {QStringLiteral("role"), role}, {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + lifetimeSecs}, {QStringLiteral("jti"), newId()}};
}

// An HS256 token signed like HubAuth signs one, with claims of the test's choosing.
inline QString signToken(const QString &kid, const QByteArray &secret, const QJsonObject &claims)
{
    constexpr auto encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), kid}};
    const QByteArray input = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(encoding) + '.'
        + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(encoding);
    return QString::fromLatin1(
        input + '.' + QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256).toBase64(encoding));
}

// Part `index` of a token decoded (0 header, 1 claims).
inline QJsonObject tokenPart(const QString &token, int index)
{
    return QJsonDocument::fromJson(
        QByteArray::fromBase64(token.split(QLatin1Char('.')).value(index).toLatin1(), QByteArray::Base64UrlEncoding))
        .object();
}

inline QString kidOf(const QString &token)
{
    return tokenPart(token, 0).value(QStringLiteral("kid")).toString();
}

// One of the hub's signing keys (hub_jwt_key), which exists once anybody has logged in.
struct JwtKey {
    QString kid;
    QByteArray secret;

    bool isValid() const { return !kid.isEmpty() && !secret.isEmpty(); }
    QString token(const QString &subject, const QString &role, qint64 lifetimeSecs = 3600) const
    {
        return isValid() ? signToken(kid, secret, claimsFor(subject, role, lifetimeSecs)) : QString();
    }
};

// ---------------------------------------------------------------- the database itself

// What a member row needs; the phone is not real (phone_hash is the id, so it is unique). Every
// member has an initializer, so a designated initializer may name only what a test cares about.
struct MemberRow {
    QString id = newId();
    QString siteId {}; // empty: NULL
    QString memberNo {}; // empty: "M" and the id's start
    QString name = QStringLiteral("Member");
    QString phoneMask = QStringLiteral("138****0000");
    QString status = QStringLiteral("active");
    qint64 deletedAtMs = 0; // 0: not deleted
};

// A direct connection to a hub's database, as a fixture or another writer uses it.
class HubDb {
public:
    HubDb() = default;
    HubDb(const HubDb &) = delete;
    HubDb &operator=(const HubDb &) = delete;
    ~HubDb() { close(); }

    // `spec` as given to gymgate-hub --db: an SQLite path or postgresql://user@host:port/name.
    bool open(const QString &spec)
    {
        static int connections = 0;
        close();
        m_name = QStringLiteral("hubtest-direct-%1").arg(++connections);
        const QUrl url(spec);
        const bool pg = url.scheme() == QLatin1String("postgresql");
        QSqlDatabase db = QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (pg) {
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db.setDatabaseName(spec);
            // The hub writes the same file: wait for its locks instead of failing.
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        }
        if (!db.open())
            return failed(QStringLiteral("direct connection: ") + db.lastError().text());
        m_postgresql = pg;
        return true;
    }

    void close()
    {
        if (m_name.isEmpty())
            return;
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
    }

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool isOpen() const { return db().isOpen(); }
    bool isPostgresql() const { return m_postgresql; }

    bool exec(const QString &statement, const QVariantList &binds = {}) const
    {
        QSqlQuery query = run(statement, binds);
        return query.isActive();
    }

    // The first column of the first row; invalid on failure or without a row.
    QVariant scalar(const QString &statement, const QVariantList &binds = {}) const
    {
        QSqlQuery query = run(statement, binds);
        return query.isActive() && query.next() ? query.value(0) : QVariant();
    }

    // scalar() as a number, -1 on failure or without a row.
    qint64 integer(const QString &statement, const QVariantList &binds = {}) const
    {
        const QVariant value = scalar(statement, binds);
        return value.isValid() ? value.toLongLong() : -1;
    }

    qint64 count(
        const QString &table, const QString &where = QStringLiteral("1 = 1"), const QVariantList &binds = {}) const
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where), binds).toLongLong();
    }

    // The newest seq of the change log sites pull (0 when empty).
    qint64 changeSeq() const { return integer(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log")); }

    // Every row of `table` as text, in key order: equal dumps mean an unchanged table.
    QString dump(const QString &table, const QString &orderBy = QStringLiteral("1")) const
    {
        QSqlQuery query(db());
        if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, orderBy)))
            return QStringLiteral("error: ") + query.lastError().text();
        QStringList rows;
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
            rows.append(values.join(QLatin1Char('|')));
        }
        return rows.join(QLatin1Char('\n'));
    }

    // The dumps of several tables, each under its name.
    QString dump(const QStringList &tables) const
    {
        QString text;
        for (const QString &table : tables)
            text += table + QLatin1Char('\n') + dump(table) + QLatin1Char('\n');
        return text;
    }

    // Every table of the schema, in name order.
    QStringList tableNames() const
    {
        QSqlQuery query = run(m_postgresql
                ? QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                 "AND table_type = 'BASE TABLE' ORDER BY table_name")
                : QStringLiteral(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        QStringList names;
        while (query.next())
            names.append(query.value(0).toString());
        return names;
    }

    // The newest active signing key, or the one named `kid`.
    JwtKey signingKey(const QString &kid = {}) const
    {
        QSqlQuery query = kid.isEmpty()
            ? run(QStringLiteral("SELECT kid, secret FROM hub_jwt_key WHERE retired_at IS NULL "
                                 "ORDER BY created_at DESC LIMIT 1"))
            : run(QStringLiteral("SELECT kid, secret FROM hub_jwt_key WHERE kid = ?"), {kid});
        if (!query.next())
            return {};
        return {query.value(0).toString(), QByteArray::fromBase64(query.value(1).toString().toLatin1())};
    }

    QString deviceToken(const QString &deviceId) const
    {
        return signingKey().token(deviceSubject(deviceId), QStringLiteral("device"));
    }

    QString memberToken(const QString &memberId) const
    {
        return signingKey().token(memberSubject(memberId), QStringLiteral("member"));
    }

    // A staff user's token, for a user inserted with insertUser (who has no password to log in with).
    QString userToken(qint64 userId, const QString &role) const
    {
        return signingKey().token(QString::number(userId), role);
    }

    // The inserts below stand in for the endpoints of other modules; each gives the new row's
    // id, empty (or 0) on failure with the reason in errorText.
    QString insertSite(const QString &number, const QString &id = newId()) const
    {
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        return exec(
                   QStringLiteral("INSERT INTO site (id, name, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"),
                   {id, QString(QStringLiteral("Site ") + number), number, nowMs, nowMs})
            ? id
            : QString();
    }

    QString insertDevice(
        const QString &siteId, const QString &id = newId(), const QString &name = QStringLiteral("desk")) const
    {
        return exec(QStringLiteral("INSERT INTO hub_device (id, site_id, name, kind, secret_hash, enrolled_at) "
                                   "VALUES (?, ?, ?, 'desk', 'x', ?)"),
                   {id, siteId, name, QDateTime::currentMSecsSinceEpoch()})
            ? id
            : QString();
    }

    QString insertMember(const MemberRow &row) const
    {
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        const QString memberNo = row.memberNo.isEmpty() ? QString(QStringLiteral("M") + row.id.left(8)) : row.memberNo;
        return exec(QStringLiteral("INSERT INTO member (id, site_id, member_no, name, phone_hash, phone_mask, status, "
                                   "created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {row.id, row.siteId.isEmpty() ? nullText() : QVariant(row.siteId), memberNo, row.name, row.id,
                       row.phoneMask, row.status, nowMs, nowMs,
                       row.deletedAtMs != 0 ? QVariant(row.deletedAtMs) : nullInteger()})
            ? row.id
            : QString();
    }

    // A staff user; `passwordHash` "x" matches no password (the test signs its tokens).
    qint64 insertUser(const QString &username, const QString &role, const QString &siteId = {},
        const QString &passwordHash = QStringLiteral("x")) const
    {
        if (!exec(QStringLiteral("INSERT INTO hub_user (username, display_name, password_hash, role, status, "
                                 "created_at, updated_at, site_id) VALUES (?, ?, ?, ?, 'active', ?, ?, ?)"),
                {username, username, passwordHash, role, isoNow(), isoNow(),
                    siteId.isEmpty() ? nullText() : QVariant(siteId)}))
            return 0;
        return integer(QStringLiteral("SELECT id FROM hub_user WHERE username = ?"), {username});
    }

    // What another hub process (or another module) writes to the two logs clients follow: a
    // change of `entity` (a delete, which needs no data) and a notification. Each gives the new
    // seq, 0 on failure.
    qint64 insertChange(const QString &entity, const QString &entityId) const
    {
        return exec(QStringLiteral("INSERT INTO change_log (entity, entity_id, op, data, at) "
                                   "VALUES (?, ?, 'delete', NULL, ?)"),
                   {entity, entityId, isoNow()})
            ? integer(QStringLiteral("SELECT MAX(seq) FROM change_log"))
            : 0;
    }

    qint64 insertNotification(const QString &audience, const QString &kind, const QJsonObject &payload = {}) const
    {
        return exec(QStringLiteral(
                        "INSERT INTO hub_notification (audience, kind, payload, created_at) VALUES (?, ?, ?, ?)"),
                   {audience, kind, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                       QDateTime::currentMSecsSinceEpoch()})
            ? integer(QStringLiteral("SELECT MAX(seq) FROM hub_notification"))
            : 0;
    }

    mutable QString errorText;

private:
    QSqlQuery run(const QString &statement, const QVariantList &binds = {}) const
    {
        QSqlQuery query(db());
        query.prepare(statement);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec())
            failed(query.lastError().text() + QStringLiteral(" in ") + statement);
        return query;
    }

    bool failed(const QString &text) const
    {
        errorText = text;
        qWarning("%s", qPrintable(text));
        return false;
    }

    QString m_name;
    bool m_postgresql = false;
};

// ---------------------------------------------------------------- dialects and hubs

// A hub on a database of its own: the admin created and logged in (which also makes the JWT key
// the tests sign with) and a direct connection to the same database.
struct ServedHub {
    QString spec;
    HubProcess hub;
    HubDb db;
    QString adminToken;
    QString errorText;

    // `login` false: the test logs in itself (there is no JWT key before the first login).
    bool start(const QString &databaseSpec, const QStringList &extraArguments = {}, bool login = true)
    {
        spec = databaseSpec;
        if (spec.isEmpty())
            return failed(QStringLiteral("no database"));
        if (HubProcess::createAdmin(spec, kAdmin, kPassword) != 0)
            return failed(QStringLiteral("--create-admin failed"));
        if (!hub.start(QStringList {QStringLiteral("--db"), spec} + extraArguments))
            return failed(QStringLiteral("hub did not start: ") + hub.errorText);
        if (!db.open(spec))
            return failed(db.errorText);
        if (!login)
            return true;
        adminToken = hub.login(kAdmin, kPassword);
        return adminToken.isEmpty() ? failed(QStringLiteral("admin login failed")) : true;
    }

    bool failed(const QString &text)
    {
        errorText = text;
        qWarning("%s", qPrintable(text));
        return false;
    }
};

// The databases of one test program: SQLite files in a temporary directory and databases on
// one throwaway PostgreSQL server. Without PostgreSQL its rows are skipped, with the reason.
class HubDatabases {
public:
    // False only when the temporary directory cannot be made.
    bool start()
    {
        m_pg = std::make_unique<PgServer>();
        if (!m_pg->start()) {
            m_problem = m_pg->errorText;
            m_pg.reset();
            qWarning("PostgreSQL rows will be skipped: %s", qPrintable(m_problem));
        }
        return m_dir.isValid();
    }

    bool available(const QString &dialect) const { return dialect != QLatin1String("postgresql") || m_pg; }
    QString problem() const { return m_pg ? m_pg->errorText : m_problem; }
    PgServer *postgresql() const { return m_pg.get(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // A new empty database of `dialect` as a --db spec; empty when there is none.
    QString newSpec(const QString &dialect, const QString &prefix)
    {
        const QString name = QStringLiteral("%1_%2").arg(prefix).arg(++m_databases);
        if (dialect == QLatin1String("sqlite"))
            return m_dir.filePath(name + QStringLiteral(".sqlite"));
        return m_pg ? m_pg->createDatabase(name) : QString();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PgServer> m_pg;
    QString m_problem;
    int m_databases = 0;
};

// One hub per dialect for the whole program, for tests that read a prepared database or undo
// what they change: `Fixture` is a ServedHub (or derived from one) whose start(spec) prepares it.
template<typename Fixture>
class HubPerDialect {
public:
    // The dialect's hub, started on a new database the first time; nullptr when it could not be
    // (the reason in errorText). Asked again after a failure, it does not try again.
    Fixture *get(HubDatabases &databases, const QString &dialect, const QString &prefix)
    {
        const auto found = m_hubs.find(dialect);
        if (found != m_hubs.end())
            return found->second.get();
        auto fixture = std::make_unique<Fixture>();
        const bool started = fixture->start(databases.newSpec(dialect, prefix));
        errorText = fixture->errorText;
        Fixture *made = started ? fixture.get() : nullptr;
        m_hubs[dialect] = started ? std::move(fixture) : nullptr;
        return made;
    }

    // Stops every hub (SIGTERM, exit code 0); false when one did not stop cleanly.
    bool stopAll()
    {
        bool clean = true;
        for (auto &[dialect, fixture] : m_hubs) {
            if (fixture && !fixture->hub.stop()) {
                qWarning("the %s hub did not stop cleanly", qPrintable(dialect));
                clean = false;
            }
        }
        m_hubs.clear();
        return clean;
    }

    QString errorText;

private:
    std::map<QString, std::unique_ptr<Fixture>> m_hubs;
};

// The base of test classes (next to QObject) whose helpers work on "the hub of the running
// test", which START_CURRENT_HUB starts: the program's databases and that hub's database.
class CurrentHubTest {
protected:
    // A number from the current hub's database, -1 on failure or without a row.
    qint64 scalar(const QString &statement, const QVariantList &binds = {}) const
    {
        return m_served->db.integer(statement, binds);
    }

    qint64 maxSeq() const { return m_served->db.changeSeq(); }

    HubDatabases m_databases;
    ServedHub *m_served = nullptr;
};

inline const QStringList kDialects {QStringLiteral("sqlite"), QStringLiteral("postgresql")};

// The "dialect" column with a row for each (row names get `suffix`).
inline void addDialectRows(const char *suffix = "")
{
    QTest::addColumn<QString>("dialect");
    for (const QString &dialect : kDialects)
        QTest::addRow("%s%s", qPrintable(dialect), suffix) << dialect;
}

} // namespace hubtest

// Skips the current test when `dialect` is PostgreSQL and there is none.
#define SKIP_UNLESS_AVAILABLE(databases, dialect)                                                                      \
    if (!(databases).available(dialect))                                                                               \
    QSKIP(qPrintable(QStringLiteral("PostgreSQL could not be started: ") + (databases).problem()))

// Declares `var`, the spec of a new database of `dialect`, or skips (no PostgreSQL) or fails.
#define NEW_DATABASE(var, databases, dialect, prefix)                                                                  \
    SKIP_UNLESS_AVAILABLE(databases, dialect);                                                                         \
    const QString var = (databases).newSpec(dialect, prefix);                                                          \
    QVERIFY2(!var.isEmpty(), qPrintable((databases).problem()))

// Declares `served`, a `Type` (ServedHub or a fixture derived from it) started with
// start(spec, arguments...) on a new database of `dialect`; skips (no PostgreSQL) or fails.
#define START_SERVED(Type, served, databases, dialect, prefix, ...)                                                    \
    NEW_DATABASE(served##Spec, databases, dialect, prefix);                                                            \
    Type served;                                                                                                       \
    QVERIFY2(served.start(served##Spec __VA_OPT__(, ) __VA_ARGS__), qPrintable(served.errorText))

// Starts "the hub of the running test" of a CurrentHubTest: a ServedHub the admin has not
// logged in to yet (the first login makes the signing key) on a new database of `dialect`, which
// lives until the test function returns. Declares `hub`, its process, and points m_served at it.
#define START_CURRENT_HUB(hub, dialect)                                                                                \
    START_SERVED(hubtest::ServedHub, hub##Served, m_databases, dialect, QStringLiteral("hub"), {}, false);             \
    m_served = &hub##Served;                                                                                           \
    HubProcess &hub = hub##Served.hub
