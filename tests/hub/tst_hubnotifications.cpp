// The WebSocket /ws/notifications of the real gymgate-hub: hello, refused upgrades, "changes" and
// notifications written by another writer reaching the right clients only, two hub processes on
// one PostgreSQL, resume, TLS and a clean stop with open sockets, on SQLite and PostgreSQL.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

#include <functional>
#include <memory>

#include "HubProcess.h"
#include "PgServer.h"

namespace {

const QString kAdmin = QStringLiteral("boss");
const QString kPassword = QStringLiteral("correct horse 1");
constexpr int kDeliveryMs = 5000; // "within a couple of seconds", with room for a loaded machine

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

// Straight access to the hub's database, as another hub instance (or a fixture) writes it.
class DirectDb {
public:
    DirectDb(const QString &spec, const QString &name) : m_name(name)
    {
        const QUrl url(spec);
        if (url.scheme() == QLatin1String("postgresql")) {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            m_db.setHostName(url.host());
            m_db.setPort(url.port(5432));
            m_db.setUserName(url.userName());
            m_db.setDatabaseName(url.path().mid(1));
        } else {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            m_db.setDatabaseName(spec);
            m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        m_db.open();
    }
    ~DirectDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    DirectDb(const DirectDb &) = delete;
    DirectDb &operator=(const DirectDb &) = delete;

    bool isOpen() const { return m_db.isOpen(); }

    // Runs one statement; the first column of the first row (or an invalid QVariant).
    QVariant exec(const QString &statement, const QVariantList &binds = {})
    {
        QSqlQuery query(m_db);
        query.prepare(statement);
        for (const QVariant &bind : binds)
            query.addBindValue(bind);
        if (!query.exec()) {
            qWarning("SQL failed: %s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
            m_failed = true;
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }
    bool failed() const { return m_failed; }

    QString mint(const QString &subject, const QString &role, qint64 lifetimeSecs = 3600)
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT kid, secret FROM hub_jwt_key WHERE retired_at IS NULL"))
            || !query.next())
            return {};
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return forgeToken(query.value(0).toString(), QByteArray::fromBase64(query.value(1).toString().toLatin1()),
            QJsonObject {{QStringLiteral("sub"), subject}, {QStringLiteral("role"), role}, {QStringLiteral("iat"), now},
                {QStringLiteral("exp"), now + lifetimeSecs},
                {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)}});
    }

    QString addSite(const QString &number)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        exec(QStringLiteral("INSERT INTO site (id, name, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"),
            {id, QString(QStringLiteral("Site ") + number), number, QDateTime::currentMSecsSinceEpoch(),
                QDateTime::currentMSecsSinceEpoch()});
        return id;
    }
    QString addDevice(const QString &siteId, const QString &name)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        exec(QStringLiteral("INSERT INTO hub_device (id, site_id, name, kind, secret_hash, enrolled_at) "
                            "VALUES (?, ?, ?, 'desk', 'x', ?)"),
            {id, siteId, name, QDateTime::currentMSecsSinceEpoch()});
        return id;
    }
    QString addMember(const QString &siteId, const QString &number)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        exec(QStringLiteral("INSERT INTO member (id, site_id, member_no, name, phone_hash, phone_mask, created_at, "
                            "updated_at) VALUES (?, ?, ?, ?, ?, '138****0000', ?, ?)"),
            {id, siteId, number, QString(QStringLiteral("Member ") + number), QString(QStringLiteral("hash-") + number),
                QDateTime::currentMSecsSinceEpoch(), QDateTime::currentMSecsSinceEpoch()});
        return id;
    }
    qint64 addUser(const QString &username, const QString &role, const QString &siteId)
    {
        exec(QStringLiteral("INSERT INTO hub_user (username, display_name, password_hash, role, status, created_at, "
                            "updated_at, site_id) VALUES (?, ?, 'x', ?, 'active', ?, ?, ?)"),
            {username, username, role, isoNow(), isoNow(), siteId.isEmpty() ? QVariant() : QVariant(siteId)});
        return exec(QStringLiteral("SELECT id FROM hub_user WHERE username = ?"), {username}).toLongLong();
    }
    qint64 addChange(const QString &entity, const QString &id)
    {
        exec(
            QStringLiteral("INSERT INTO change_log (entity, entity_id, op, data, at) VALUES (?, ?, 'delete', NULL, ?)"),
            {entity, id, isoNow()});
        return exec(QStringLiteral("SELECT MAX(seq) FROM change_log")).toLongLong();
    }
    qint64 addNotification(const QString &audience, const QString &kind, const QJsonObject &payload)
    {
        exec(QStringLiteral("INSERT INTO hub_notification (audience, kind, payload, created_at) VALUES (?, ?, ?, ?)"),
            {audience, kind, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                QDateTime::currentMSecsSinceEpoch()});
        return exec(QStringLiteral("SELECT MAX(seq) FROM hub_notification")).toLongLong();
    }
    bool transaction() { return m_db.transaction(); }
    bool commit() { return m_db.commit(); }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_failed = false;
};

// One WebSocket client of the test: collects every JSON message it receives.
class WsClient {
public:
    WsClient()
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
            [this](const QString &text) { messages.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] {
            closeCode = m_socket.closeCode();
            disconnected = true;
        });
        QObject::connect(&m_socket, &QWebSocket::sslErrors, &m_socket, [this] { m_socket.ignoreSslErrors(); });
        QObject::connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), &m_socket,
            [this](QAbstractSocket::SocketError) { errorText = m_socket.errorString(); });
    }

    // Opens the socket; true when it connected and the hello arrived.
    bool open(const HubProcess &hub, const QString &token, bool inQuery = false)
    {
        QUrl url(QStringLiteral("%1://127.0.0.1:%2/ws/notifications")
                     .arg(hub.tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                     .arg(hub.port));
        QNetworkRequest request;
        if (inQuery)
            url.setQuery(QStringLiteral("token=") + token);
        else if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setUrl(url);
        m_socket.open(request);
        return QTest::qWaitFor([this] { return !messages.isEmpty() || disconnected || !errorText.isEmpty(); }, 10000)
            && !messages.isEmpty()
            && messages.first().value(QStringLiteral("type")).toString() == QLatin1String("hello");
    }

    bool waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = kDeliveryMs)
    {
        return QTest::qWaitFor([&] { return std::any_of(messages.cbegin(), messages.cend(), match); }, timeoutMs);
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &message : messages) {
            if (message.value(QStringLiteral("type")).toString() == type)
                found.append(message);
        }
        return found;
    }
    void send(const QJsonObject &message)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    QJsonObject hello() const { return messages.value(0); }

    QList<QJsonObject> messages;
    bool disconnected = false;
    int closeCode = 0;
    QString errorText;

private:
    QWebSocket m_socket;
};

bool isType(const QJsonObject &message, const QString &type)
{
    return message.value(QStringLiteral("type")).toString() == type;
}

// A raw upgrade request, so the test sees the status and envelope of a refusal.
struct UpgradeReply {
    int status = 0;
    QJsonObject json;
};

UpgradeReply rawUpgrade(const HubProcess &hub, const QString &target, const QByteArray &authorization)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(hub.port));
    if (!socket.waitForConnected(5000))
        return {};
    QByteArray request = "GET " + target.toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    // The hub answers a refusal and closes the connection.
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    UpgradeReply reply;
    const QList<QByteArray> statusLine = answer.left(answer.indexOf("\r\n")).split(' ');
    reply.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    reply.json = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
    return reply;
}

QString codeOf(const UpgradeReply &reply)
{
    return reply.json.value(QStringLiteral("code")).toString();
}

QStringList audiencesReceived(const WsClient &client)
{
    QStringList audiences;
    for (const QJsonObject &message : client.ofType(QStringLiteral("notification")))
        audiences.append(message.value(QStringLiteral("audience")).toString());
    return audiences;
}

} // namespace

class TestHubNotifications : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void helloAndRefusals_data();
    void helloAndRefusals();
    void fanOutToTheRightAudience_data();
    void fanOutToTheRightAudience();
    void twoHubsOnOnePostgresql();
    void seqOrderAcrossWriters();
    void resume_data();
    void resume();
    void resumeIsBounded();
    void servesWebSocketOverTls();
    void keepAliveDropsSilentAndRevokedClients();
    void stopsCleanlyWithOpenSockets_data();
    void stopsCleanlyWithOpenSockets();

private:
    void addDialectRows();
    // A new database with the admin and a hub serving it; the admin's token in *token.
    bool startHub(
        const QString &dialect, HubProcess &hub, QString *spec, QString *token, const QStringList &extra = {});
    QString newDatabase(const QString &dialect);

    QTemporaryDir m_dir;
    std::unique_ptr<PgServer> m_pg;
    QString m_pgProblem;
    int m_databases = 0;
};

void TestHubNotifications::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<PgServer>();
    if (!m_pg->start()) {
        m_pgProblem = m_pg->errorText;
        m_pg.reset();
        qWarning("PostgreSQL rows will be skipped: %s", qPrintable(m_pgProblem));
    }
}

void TestHubNotifications::addDialectRows()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

QString TestHubNotifications::newDatabase(const QString &dialect)
{
    const int number = ++m_databases;
    if (dialect == QLatin1String("sqlite"))
        return m_dir.filePath(QStringLiteral("ws-%1.sqlite").arg(number));
    return m_pg ? m_pg->createDatabase(QStringLiteral("ws_%1").arg(number)) : QString();
}

bool TestHubNotifications::startHub(
    const QString &dialect, HubProcess &hub, QString *spec, QString *token, const QStringList &extra)
{
    *spec = newDatabase(dialect);
    if (spec->isEmpty() || HubProcess::createAdmin(*spec, kAdmin, kPassword) != 0) {
        qWarning("no database or --create-admin failed");
        return false;
    }
    if (!hub.start(QStringList {QStringLiteral("--db"), *spec} + extra)) {
        qWarning("hub did not start: %s", qPrintable(hub.errorText));
        return false;
    }
    *token = hub.login(kAdmin, kPassword); // also makes the JWT key the fixtures sign with
    return !token->isEmpty();
}

#define SKIP_WITHOUT_PG(dialect)                                                                                       \
    if ((dialect) == QLatin1String("postgresql") && !m_pg)                                                             \
    QSKIP(qPrintable(QStringLiteral("PostgreSQL could not be started: ") + m_pgProblem))

void TestHubNotifications::helloAndRefusals_data()
{
    addDialectRows();
}

void TestHubNotifications::helloAndRefusals()
{
    QFETCH(QString, dialect);
    SKIP_WITHOUT_PG(dialect);
    HubProcess hub;
    QString spec;
    QString token;
    QVERIFY(startHub(dialect, hub, &spec, &token));
    const qint64 changeSeq = [&] {
        DirectDb db(spec, QStringLiteral("hello"));
        return db.addChange(QStringLiteral("member"), QStringLiteral("m-1"));
    }();

    WsClient byHeader;
    QVERIFY2(byHeader.open(hub, token), qPrintable(byHeader.errorText));
    QCOMPARE(byHeader.hello().value(QStringLiteral("changeSeq")).toInteger(), changeSeq);
    QVERIFY(byHeader.hello().contains(QStringLiteral("notificationSeq")));
    WsClient byQuery; // browsers cannot set headers
    QVERIFY2(byQuery.open(hub, token, true), qPrintable(byQuery.errorText));

    const QString path = QStringLiteral("/ws/notifications");
    const UpgradeReply none = rawUpgrade(hub, path, {});
    QCOMPARE(none.status, 401);
    QCOMPARE(codeOf(none), QStringLiteral("unauthorized"));
    const UpgradeReply garbage = rawUpgrade(hub, path, "Bearer x.y.z");
    QCOMPARE(garbage.status, 401);
    QCOMPARE(codeOf(garbage), QStringLiteral("unauthorized"));
    QCOMPARE(rawUpgrade(hub, path + QStringLiteral("?token=garbage"), {}).status, 401);
    {
        DirectDb db(spec, QStringLiteral("expired"));
        const QString expired = db.mint(QStringLiteral("1"), QStringLiteral("admin"), -10);
        QCOMPARE(rawUpgrade(hub, path, "Bearer " + expired.toLatin1()).status, 401);
    }
    QCOMPARE(rawUpgrade(hub, QStringLiteral("/ws/other"), "Bearer " + token.toLatin1()).status, 404);
    // A plain GET is not an upgrade.
    QCOMPARE(hub.call("GET", path, QJsonValue::Undefined, token).status, 426);

    // A QWebSocket without a token never connects.
    WsClient anonymous;
    QVERIFY(!anonymous.open(hub, {}));
    QVERIFY2(anonymous.errorText.contains(QStringLiteral("401")), qPrintable(anonymous.errorText));

    // A logged-out token is refused from then on.
    QCOMPARE(hub.call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined, token).status, 200);
    QCOMPARE(rawUpgrade(hub, path, "Bearer " + token.toLatin1()).status, 401);
    QVERIFY(hub.stop());
}

void TestHubNotifications::fanOutToTheRightAudience_data()
{
    addDialectRows();
}

void TestHubNotifications::fanOutToTheRightAudience()
{
    QFETCH(QString, dialect);
    SKIP_WITHOUT_PG(dialect);
    HubProcess hub;
    QString spec;
    QString adminToken;
    QVERIFY(startHub(dialect, hub, &spec, &adminToken));
    DirectDb db(spec, QStringLiteral("fanout"));
    QVERIFY(db.isOpen());
    const QString siteA = db.addSite(QStringLiteral("A"));
    const QString siteB = db.addSite(QStringLiteral("B"));
    const qint64 staffId = db.addUser(QStringLiteral("clerk"), QStringLiteral("staff"), siteA);
    const QString deviceA = db.addDevice(siteA, QStringLiteral("desk A"));
    const QString deviceB = db.addDevice(siteB, QStringLiteral("desk B"));
    const QString member1 = db.addMember(siteA, QStringLiteral("M1"));
    const QString member2 = db.addMember(siteA, QStringLiteral("M2"));
    QVERIFY(!db.failed());

    WsClient admin;
    WsClient staff;
    WsClient devA;
    WsClient devB;
    WsClient m1;
    WsClient m2;
    QVERIFY(admin.open(hub, adminToken));
    QVERIFY(staff.open(hub, db.mint(QString::number(staffId), QStringLiteral("staff"))));
    QVERIFY(devA.open(hub, db.mint(QStringLiteral("device:") + deviceA, QStringLiteral("device"))));
    QVERIFY(devB.open(hub, db.mint(QStringLiteral("device:") + deviceB, QStringLiteral("device"))));
    QVERIFY(m1.open(hub, db.mint(QStringLiteral("member:") + member1, QStringLiteral("member"))));
    QVERIFY(m2.open(hub, db.mint(QStringLiteral("member:") + member2, QStringLiteral("member"))));
    const QList<WsClient *> everyone {&admin, &staff, &devA, &devB, &m1, &m2};

    // Another writer commits 20 changes at once: staff and devices hear of the newest in one
    // message (coalesced), members hear nothing.
    QVERIFY(db.transaction());
    qint64 latest = 0;
    for (int i = 0; i < 20; ++i)
        latest = db.addChange(QStringLiteral("member"), i % 2 == 0 ? member1 : member2);
    QVERIFY(db.commit());
    for (WsClient *client : {&admin, &staff, &devA, &devB}) {
        QVERIFY(client->waitFor([latest](const QJsonObject &message) {
            return isType(message, QStringLiteral("changes"))
                && message.value(QStringLiteral("latestSeq")).toInteger() == latest;
        }));
    }

    const QStringList audiences {QStringLiteral("user:%1").arg(staffId), QStringLiteral("member:") + member1,
        QStringLiteral("device:") + deviceA, QStringLiteral("site:") + siteA, QStringLiteral("staff"),
        QStringLiteral("member:nobody"), QStringLiteral("all")};
    qint64 lastSeq = 0;
    for (const QString &audience : audiences)
        lastSeq = db.addNotification(audience, QStringLiteral("test.kind"), {{QStringLiteral("for"), audience}});
    QVERIFY(!db.failed());
    // "all" was written last and is delivered in seq order: when it is there, all the rest is.
    for (WsClient *client : everyone) {
        QVERIFY(client->waitFor([lastSeq](const QJsonObject &message) {
            return message.value(QStringLiteral("seq")).toInteger() == lastSeq;
        }));
    }
    QCOMPARE(audiencesReceived(admin), (QStringList {QStringLiteral("staff"), QStringLiteral("all")}));
    QCOMPARE(audiencesReceived(staff),
        (QStringList {audiences[0], audiences[3], QStringLiteral("staff"), QStringLiteral("all")}));
    QCOMPARE(audiencesReceived(devA),
        (QStringList {audiences[2], audiences[3], QStringLiteral("staff"), QStringLiteral("all")}));
    QCOMPARE(audiencesReceived(devB), (QStringList {QStringLiteral("staff"), QStringLiteral("all")}));
    QCOMPARE(audiencesReceived(m1), (QStringList {audiences[1], QStringLiteral("all")}));
    QCOMPARE(audiencesReceived(m2), (QStringList {QStringLiteral("all")}));
    for (WsClient *client : {&m1, &m2})
        QVERIFY(client->ofType(QStringLiteral("changes")).isEmpty());
    const QJsonObject note = m1.ofType(QStringLiteral("notification")).first();
    QCOMPARE(note.value(QStringLiteral("kind")).toString(), QStringLiteral("test.kind"));
    QCOMPARE(note.value(QStringLiteral("payload")).toObject().value(QStringLiteral("for")).toString(), audiences[1]);
    QVERIFY(note.value(QStringLiteral("createdAt")).toInteger() > 0);
    for (WsClient *client : {&admin, &staff, &devA, &devB})
        QCOMPARE(client->ofType(QStringLiteral("changes")).size(), 1);
    QVERIFY(hub.stop());
}

void TestHubNotifications::twoHubsOnOnePostgresql()
{
    SKIP_WITHOUT_PG(QStringLiteral("postgresql"));
    HubProcess hub1;
    QString spec;
    QString token;
    QVERIFY(startHub(QStringLiteral("postgresql"), hub1, &spec, &token));
    HubProcess hub2;
    QVERIFY2(hub2.start({QStringLiteral("--db"), spec}), qPrintable(hub2.errorText));
    WsClient onHub2;
    WsClient onHub1;
    QVERIFY(onHub2.open(hub2, token)); // a token of hub 1 is good on hub 2: same keys, same database
    QVERIFY(onHub1.open(hub1, token));

    // A change written through a real endpoint of hub 1 (creating a venue) reaches the client of
    // hub 2.
    const HubReply created = hub1.call("POST", QStringLiteral("/api/venues"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Court 1")},
            {QStringLiteral("kind"), QStringLiteral("court")}, {QStringLiteral("capacity"), 4},
            {QStringLiteral("description"), QStringLiteral("Badminton")}},
        token);
    QVERIFY2(created.status == 200, created.body.constData());
    const QString venueId
        = created.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    qint64 latest = 0;
    {
        DirectDb db(spec, QStringLiteral("twohubs"));
        latest = db.exec(QStringLiteral("SELECT MAX(seq) FROM change_log WHERE entity = 'venue' AND entity_id = ?"),
                       {venueId})
                     .toLongLong();
        QVERIFY(latest > 0);
        // A notification another instance published.
        db.addNotification(QStringLiteral("staff"), QStringLiteral("test.kind"), {});
    }
    for (WsClient *client : {&onHub2, &onHub1}) {
        QVERIFY(client->waitFor([latest](const QJsonObject &message) {
            return isType(message, QStringLiteral("changes"))
                && message.value(QStringLiteral("latestSeq")).toInteger() >= latest;
        }));
        QVERIFY(client->waitFor(
            [](const QJsonObject &message) { return isType(message, QStringLiteral("notification")); }));
    }
    QVERIFY(hub1.stop());
    QVERIFY(hub2.stop());
}

// On PostgreSQL seq 2 can commit before seq 1. The hub must hold 2 back until 1 is there (or a
// grace period passed) instead of moving its cursor past 1 and never delivering it.
void TestHubNotifications::seqOrderAcrossWriters()
{
    SKIP_WITHOUT_PG(QStringLiteral("postgresql"));
    HubProcess hub;
    QString spec;
    QString token;
    QVERIFY(startHub(QStringLiteral("postgresql"), hub, &spec, &token));
    WsClient admin;
    QVERIFY(admin.open(hub, token));
    DirectDb slow(spec, QStringLiteral("slow"));
    DirectDb fast(spec, QStringLiteral("fast"));
    QVERIFY(slow.transaction());
    const qint64 first = slow.addNotification(QStringLiteral("all"), QStringLiteral("first"), {});
    const qint64 second = fast.addNotification(QStringLiteral("all"), QStringLiteral("second"), {});
    QVERIFY(second > first);
    // A change committed after "second" tells when the hub has polled and seen "second", and
    // whatever that poll sent arrives before the answer to a ping sent then. Two such rounds:
    // "second" is held back over more than one poll.
    for (int round = 0; round < 2; ++round) {
        const qint64 marker = fast.addChange(QStringLiteral("member"), QStringLiteral("marker"));
        QVERIFY(admin.waitFor([marker](const QJsonObject &message) {
            return isType(message, QStringLiteral("changes"))
                && message.value(QStringLiteral("latestSeq")).toInteger() == marker;
        }));
        admin.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(QTest::qWaitFor([&admin, round] { return admin.ofType(QStringLiteral("pong")).size() == round + 1; }));
        QVERIFY(admin.ofType(QStringLiteral("notification")).isEmpty()); // "second" waits for "first"
    }
    QVERIFY(slow.commit());
    QVERIFY(admin.waitFor(
        [second](const QJsonObject &message) { return message.value(QStringLiteral("seq")).toInteger() == second; }));
    const QList<QJsonObject> notes = admin.ofType(QStringLiteral("notification"));
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes[0].value(QStringLiteral("seq")).toInteger(), first);
    QCOMPARE(notes[1].value(QStringLiteral("seq")).toInteger(), second);
    QVERIFY(!slow.failed() && !fast.failed());
    QVERIFY(hub.stop());
}

void TestHubNotifications::resume_data()
{
    addDialectRows();
}

void TestHubNotifications::resume()
{
    QFETCH(QString, dialect);
    SKIP_WITHOUT_PG(dialect);
    HubProcess hub;
    QString spec;
    QString token;
    QVERIFY(startHub(dialect, hub, &spec, &token));
    DirectDb db(spec, QStringLiteral("resume"));
    const QString memberId = db.addMember({}, QStringLiteral("M1"));
    const qint64 first = db.addNotification(QStringLiteral("member:") + memberId, QStringLiteral("a"), {});
    db.addNotification(QStringLiteral("member:other"), QStringLiteral("b"), {});
    const qint64 third = db.addNotification(QStringLiteral("all"), QStringLiteral("c"), {});
    db.addNotification(QStringLiteral("staff"), QStringLiteral("d"), {});
    const qint64 fifth = db.addNotification(QStringLiteral("member:") + memberId, QStringLiteral("e"), {});
    QVERIFY(!db.failed());

    WsClient member;
    QVERIFY(member.open(hub, db.mint(QStringLiteral("member:") + memberId, QStringLiteral("member"))));
    QCOMPARE(member.hello().value(QStringLiteral("notificationSeq")).toInteger(), fifth);
    QVERIFY(member.ofType(QStringLiteral("notification")).isEmpty()); // nothing old without asking

    member.send({{QStringLiteral("type"), QStringLiteral("resume")}, {QStringLiteral("notificationSeq"), first}});
    QVERIFY(member.waitFor([](const QJsonObject &message) { return isType(message, QStringLiteral("resumed")); }));
    const QList<QJsonObject> resumed = member.ofType(QStringLiteral("notification"));
    QCOMPARE(resumed.size(), 2);
    QCOMPARE(resumed[0].value(QStringLiteral("seq")).toInteger(), third);
    QCOMPARE(resumed[1].value(QStringLiteral("seq")).toInteger(), fifth);
    const QJsonObject done = member.ofType(QStringLiteral("resumed")).first();
    QCOMPARE(done.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(done.value(QStringLiteral("truncated")).toBool(), false);

    // Live ones follow without a duplicate.
    const qint64 live = db.addNotification(QStringLiteral("member:") + memberId, QStringLiteral("f"), {});
    QVERIFY(member.waitFor(
        [live](const QJsonObject &message) { return message.value(QStringLiteral("seq")).toInteger() == live; }));
    QCOMPARE(member.ofType(QStringLiteral("notification")).size(), 3);

    // Bad messages get an error and keep the connection.
    member.send({{QStringLiteral("type"), QStringLiteral("resume")}, {QStringLiteral("notificationSeq"), -1}});
    member.send({{QStringLiteral("type"), QStringLiteral("dance")}});
    QVERIFY(member.waitFor([](const QJsonObject &message) {
        return isType(message, QStringLiteral("error"))
            && message.value(QStringLiteral("message")).toString().contains(QStringLiteral("dance"));
    }));
    QCOMPARE(member.ofType(QStringLiteral("error")).size(), 2);
    QVERIFY(!member.disconnected);
    QVERIFY(hub.stop());
}

void TestHubNotifications::resumeIsBounded()
{
    HubProcess hub;
    QString spec;
    QString token;
    QVERIFY(startHub(QStringLiteral("sqlite"), hub, &spec, &token));
    qint64 firstSeq = 0;
    {
        DirectDb db(spec, QStringLiteral("bounded"));
        QVERIFY(db.transaction());
        for (int i = 0; i < 505; ++i) {
            const qint64 seq = db.addNotification(QStringLiteral("all"), QStringLiteral("bulk"), {});
            firstSeq = firstSeq == 0 ? seq : firstSeq;
        }
        QVERIFY(db.commit());
    }
    WsClient admin;
    QVERIFY(admin.open(hub, token));
    admin.send({{QStringLiteral("type"), QStringLiteral("resume")}, {QStringLiteral("notificationSeq"), 0}});
    QVERIFY(admin.waitFor([](const QJsonObject &message) { return isType(message, QStringLiteral("resumed")); }));
    const QList<QJsonObject> resumed = admin.ofType(QStringLiteral("notification"));
    QCOMPARE(resumed.size(), 500);
    QCOMPARE(resumed.first().value(QStringLiteral("seq")).toInteger(), firstSeq + 5); // the newest 500, oldest first
    QCOMPARE(admin.ofType(QStringLiteral("resumed")).first().value(QStringLiteral("truncated")).toBool(), true);
    QVERIFY(hub.stop());
}

void TestHubNotifications::servesWebSocketOverTls()
{
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
            QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        QSKIP("the openssl command is needed to make a test certificate");
    const QString spec = newDatabase(QStringLiteral("sqlite"));
    QCOMPARE(HubProcess::createAdmin(spec, kAdmin, kPassword), 0);
    HubProcess hub;
    QVERIFY2(
        hub.start({QStringLiteral("--db"), spec, QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
        qPrintable(hub.errorText));
    hub.tls = true;
    const QString token = hub.login(kAdmin, kPassword);
    QVERIFY(!token.isEmpty());
    WsClient secure;
    QVERIFY2(secure.open(hub, token), qPrintable(secure.errorText));
    WsClient anonymous;
    QVERIFY(!anonymous.open(hub, {}));
    QVERIFY2(anonymous.errorText.contains(QStringLiteral("401")), qPrintable(anonymous.errorText));
    QVERIFY(hub.stop());
}

// The slow one (about 40 s: the keep-alive period is 30 s, the pong timeout 10 s), so SQLite only.
void TestHubNotifications::keepAliveDropsSilentAndRevokedClients()
{
    HubProcess hub;
    QString spec;
    QString token;
    QVERIFY(startHub(QStringLiteral("sqlite"), hub, &spec, &token));
    const QString revokedToken = hub.login(kAdmin, kPassword);
    WsClient healthy; // QWebSocket answers pings by itself
    WsClient revoked;
    QVERIFY(healthy.open(hub, token));
    QVERIFY(revoked.open(hub, revokedToken));
    QCOMPARE(hub.call("POST", QStringLiteral("/api/auth/logout"), QJsonValue::Undefined, revokedToken).status, 200);

    // A client that completes the handshake and then never reads: it cannot answer the ping.
    QTcpSocket silent;
    bool silentClosed = false;
    QObject::connect(&silent, &QTcpSocket::disconnected, &silent, [&silentClosed] { silentClosed = true; });
    silent.connectToHost(QStringLiteral("127.0.0.1"), quint16(hub.port));
    QVERIFY(silent.waitForConnected(5000));
    silent.write("GET /ws/notifications?token=" + token.toLatin1()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(silent.waitForReadyRead(5000));
    QVERIFY(silent.readAll().startsWith("HTTP/1.1 101"));

    QVERIFY(QTest::qWaitFor([&revoked] { return revoked.disconnected; }, 35000));
    QCOMPARE(revoked.closeCode, 1008); // policy violation: the token was revoked while connected
    QVERIFY(QTest::qWaitFor([&silentClosed] { return silentClosed; }, 20000));
    QVERIFY(!healthy.disconnected);
    QVERIFY(hub.stop());
}

void TestHubNotifications::stopsCleanlyWithOpenSockets_data()
{
    addDialectRows();
}

void TestHubNotifications::stopsCleanlyWithOpenSockets()
{
    QFETCH(QString, dialect);
    SKIP_WITHOUT_PG(dialect);
    HubProcess hub;
    QString spec;
    QString token;
    QVERIFY(startHub(dialect, hub, &spec, &token));
    WsClient first;
    WsClient second;
    QVERIFY(first.open(hub, token));
    QVERIFY(second.open(hub, token, true));
    QVERIFY(hub.stop()); // SIGTERM -> exit code 0
    for (WsClient *client : {&first, &second}) {
        QVERIFY(QTest::qWaitFor([client] { return client->disconnected; }, 5000));
        QCOMPARE(client->closeCode, 1001); // going away
    }
}

QTEST_GUILESS_MAIN(TestHubNotifications)
#include "tst_hubnotifications.moc"
