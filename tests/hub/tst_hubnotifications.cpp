// The WebSocket /ws/notifications of the real gymgate-hub: hello, refused upgrades, "changes" and
// notifications written by another writer reaching the right clients only, two hub processes on
// one PostgreSQL, resume, TLS and a clean stop with open sockets, on SQLite and PostgreSQL.
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <functional>

#include "HubTestSupport.h"

using namespace hubtest;

namespace {

constexpr int kDeliveryMs = 5000; // "within a couple of seconds", with room for a loaded machine

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
    HubDatabases m_databases;
};

void TestHubNotifications::initTestCase()
{
    QVERIFY(m_databases.start());
}

// Declares `served`, a hub on a new database with the admin logged in (which makes the key the
// tests sign with), `hub`, its process, and `token`, the admin's token.
#define START_HUB(dialect)                                                                                             \
    START_SERVED(ServedHub, served, m_databases, dialect, QStringLiteral("ws"));                                       \
    HubProcess &hub = served.hub;                                                                                      \
    [[maybe_unused]] const QString &token = served.adminToken

void TestHubNotifications::helloAndRefusals_data()
{
    addDialectRows();
}

void TestHubNotifications::helloAndRefusals()
{
    QFETCH(QString, dialect);
    START_HUB(dialect);
    const qint64 changeSeq = served.db.insertChange(QStringLiteral("member"), QStringLiteral("m-1"));
    QVERIFY2(changeSeq > 0, qPrintable(served.db.errorText));

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
    const QString expired = served.db.signingKey().token(QStringLiteral("1"), QStringLiteral("admin"), -10);
    QCOMPARE(rawUpgrade(hub, path, "Bearer " + expired.toLatin1()).status, 401);
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
    START_HUB(dialect);
    const HubDb &db = served.db;
    const QString siteA = db.insertSite(QStringLiteral("A"));
    const QString siteB = db.insertSite(QStringLiteral("B"));
    const qint64 staffId = db.insertUser(QStringLiteral("clerk"), QStringLiteral("staff"), siteA);
    const QString deviceA = db.insertDevice(siteA, newId(), QStringLiteral("desk A"));
    const QString deviceB = db.insertDevice(siteB, newId(), QStringLiteral("desk B"));
    const QString member1 = db.insertMember({.siteId = siteA, .memberNo = QStringLiteral("M1")});
    const QString member2 = db.insertMember({.siteId = siteA, .memberNo = QStringLiteral("M2")});
    QVERIFY2(db.errorText.isEmpty(), qPrintable(db.errorText));

    WsClient admin;
    WsClient staff;
    WsClient devA;
    WsClient devB;
    WsClient m1;
    WsClient m2;
    QVERIFY(admin.open(hub, token));
    QVERIFY(staff.open(hub, db.userToken(staffId, QStringLiteral("staff"))));
    QVERIFY(devA.open(hub, db.deviceToken(deviceA)));
    QVERIFY(devB.open(hub, db.deviceToken(deviceB)));
    QVERIFY(m1.open(hub, db.memberToken(member1)));
    QVERIFY(m2.open(hub, db.memberToken(member2)));
    const QList<WsClient *> everyone {&admin, &staff, &devA, &devB, &m1, &m2};

    // Another writer commits 20 changes at once: staff and devices hear of the newest in one
    // message (coalesced), members hear nothing.
    QVERIFY(db.db().transaction());
    qint64 latest = 0;
    for (int i = 0; i < 20; ++i)
        latest = db.insertChange(QStringLiteral("member"), i % 2 == 0 ? member1 : member2);
    QVERIFY(db.db().commit());
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
        lastSeq = db.insertNotification(audience, QStringLiteral("test.kind"), {{QStringLiteral("for"), audience}});
    QVERIFY2(db.errorText.isEmpty(), qPrintable(db.errorText));
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
    START_HUB(QStringLiteral("postgresql"));
    HubProcess hub2;
    QVERIFY2(hub2.start({QStringLiteral("--db"), served.spec}), qPrintable(hub2.errorText));
    WsClient onHub2;
    WsClient onHub1;
    QVERIFY(onHub2.open(hub2, token)); // a token of hub 1 is good on hub 2: same keys, same database
    QVERIFY(onHub1.open(hub, token));

    // A change written through a real endpoint of hub 1 (creating a venue) reaches the client of
    // hub 2.
    const HubReply created = hub.call("POST", QStringLiteral("/api/venues"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Court 1")},
            {QStringLiteral("kind"), QStringLiteral("court")}, {QStringLiteral("capacity"), 4},
            {QStringLiteral("description"), QStringLiteral("Badminton")}},
        token);
    QVERIFY2(created.status == 200, created.body.constData());
    const QString venueId
        = created.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
    const qint64 latest = served.db.integer(
        QStringLiteral("SELECT MAX(seq) FROM change_log WHERE entity = 'venue' AND entity_id = ?"), {venueId});
    QVERIFY(latest > 0);
    // A notification another instance published.
    QVERIFY(served.db.insertNotification(QStringLiteral("staff"), QStringLiteral("test.kind")) > 0);
    for (WsClient *client : {&onHub2, &onHub1}) {
        QVERIFY(client->waitFor([latest](const QJsonObject &message) {
            return isType(message, QStringLiteral("changes"))
                && message.value(QStringLiteral("latestSeq")).toInteger() >= latest;
        }));
        QVERIFY(client->waitFor(
            [](const QJsonObject &message) { return isType(message, QStringLiteral("notification")); }));
    }
    QVERIFY(hub.stop());
    QVERIFY(hub2.stop());
}

// On PostgreSQL seq 2 can commit before seq 1. The hub must hold 2 back until 1 is there (or a
// grace period passed) instead of moving its cursor past 1 and never delivering it.
void TestHubNotifications::seqOrderAcrossWriters()
{
    START_HUB(QStringLiteral("postgresql"));
    WsClient admin;
    QVERIFY(admin.open(hub, token));
    const HubDb &slow = served.db;
    HubDb fast;
    QVERIFY2(fast.open(served.spec), qPrintable(fast.errorText));
    QVERIFY(slow.db().transaction());
    const qint64 first = slow.insertNotification(QStringLiteral("all"), QStringLiteral("first"));
    const qint64 second = fast.insertNotification(QStringLiteral("all"), QStringLiteral("second"));
    QVERIFY(second > first);
    // A change committed after "second" tells when the hub has polled and seen "second", and
    // whatever that poll sent arrives before the answer to a ping sent then. Two such rounds:
    // "second" is held back over more than one poll.
    for (int round = 0; round < 2; ++round) {
        const qint64 marker = fast.insertChange(QStringLiteral("member"), QStringLiteral("marker"));
        QVERIFY(admin.waitFor([marker](const QJsonObject &message) {
            return isType(message, QStringLiteral("changes"))
                && message.value(QStringLiteral("latestSeq")).toInteger() == marker;
        }));
        admin.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QVERIFY(QTest::qWaitFor([&admin, round] { return admin.ofType(QStringLiteral("pong")).size() == round + 1; }));
        QVERIFY(admin.ofType(QStringLiteral("notification")).isEmpty()); // "second" waits for "first"
    }
    QVERIFY(slow.db().commit());
    QVERIFY(admin.waitFor(
        [second](const QJsonObject &message) { return message.value(QStringLiteral("seq")).toInteger() == second; }));
    const QList<QJsonObject> notes = admin.ofType(QStringLiteral("notification"));
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes[0].value(QStringLiteral("seq")).toInteger(), first);
    QCOMPARE(notes[1].value(QStringLiteral("seq")).toInteger(), second);
    QVERIFY(slow.errorText.isEmpty() && fast.errorText.isEmpty());
    QVERIFY(hub.stop());
}

void TestHubNotifications::resume_data()
{
    addDialectRows();
}

void TestHubNotifications::resume()
{
    QFETCH(QString, dialect);
    START_HUB(dialect);
    const HubDb &db = served.db;
    const QString memberId = db.insertMember({.memberNo = QStringLiteral("M1")});
    const qint64 first = db.insertNotification(QStringLiteral("member:") + memberId, QStringLiteral("a"));
    db.insertNotification(QStringLiteral("member:other"), QStringLiteral("b"));
    const qint64 third = db.insertNotification(QStringLiteral("all"), QStringLiteral("c"));
    db.insertNotification(QStringLiteral("staff"), QStringLiteral("d"));
    const qint64 fifth = db.insertNotification(QStringLiteral("member:") + memberId, QStringLiteral("e"));
    QVERIFY2(db.errorText.isEmpty(), qPrintable(db.errorText));

    WsClient member;
    QVERIFY(member.open(hub, db.memberToken(memberId)));
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
    const qint64 live = db.insertNotification(QStringLiteral("member:") + memberId, QStringLiteral("f"));
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
    START_HUB(QStringLiteral("sqlite"));
    qint64 firstSeq = 0;
    QVERIFY(served.db.db().transaction());
    for (int i = 0; i < 505; ++i) {
        const qint64 seq = served.db.insertNotification(QStringLiteral("all"), QStringLiteral("bulk"));
        firstSeq = firstSeq == 0 ? seq : firstSeq;
    }
    QVERIFY(served.db.db().commit());
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
    const QString cert = m_databases.filePath(QStringLiteral("cert.pem"));
    const QString key = m_databases.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
            QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        QSKIP("the openssl command is needed to make a test certificate");
    NEW_DATABASE(spec, m_databases, QStringLiteral("sqlite"), QStringLiteral("ws"));
    ServedHub served;
    served.hub.tls = true; // before the admin's login, which goes over TLS too
    QVERIFY2(served.start(spec, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
        qPrintable(served.errorText));
    HubProcess &hub = served.hub;
    const QString token = served.adminToken;
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
    START_HUB(QStringLiteral("sqlite"));
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
    START_HUB(dialect);
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
