// HubClient against the real gymgate-hub: every call, the error mapping, and what a broken
// network (FaultProxy) turns into. A desk must see every fault as a transient Network error and
// never crash or hang.

#include "core/SigningKey.h"
#include "sync/HubClient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest/QTest>

#include "FaultProxy.h"
#include "SyncTestSupport.h"

using namespace gymgate;
using synctest::FaultProxy;

class TestHubClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void health();
    void enrollRefusesABadCode();
    void enrollReturnsTheDevice();
    void refreshTokenAndUnauthorized();
    void changesPageThroughTheLog();
    void pushEventsGivesOneResultPerEvent();
    void refusedConnectionIsTransient();
    void cutAnswerIsTransient();
    void garbageAnswerIsTransient();
    void timeoutIsTransient();
    void swallowedPushIsRetriedAsDuplicate();
    void nobodyListeningIsTransient();
    void webSocketThroughTheProxy();

private:
    // Enrolls a device with a new code; the reply (and a client holding its token).
    HubEnrollmentReply enrollDevice(const QString &name);

    synctest::TestHub m_hub;
    std::optional<HubEnrollmentReply> m_device; // enrolled once in initTestCase
    FieldCipher m_cipher = *FieldCipher::fromKey(FieldCipher::generateKey());
};

HubEnrollmentReply TestHubClient::enrollDevice(const QString &name)
{
    const QString code = m_hub.enrollmentCode(name);
    if (code.isEmpty())
        qFatal("no enrollment code: %s", qPrintable(m_hub.errorText));
    const QString kid = QStringLiteral("t") + synctest::newId().left(8);
    const SigningKey key = *SigningKey::generate(kid);
    HubClient client(m_hub.url());
    Result<HubEnrollmentReply> reply = client.enroll(HubEnrollmentRequest {
        code, name, QStringLiteral("desk"), QString::fromLatin1(key.publicKey().toBase64()), kid});
    if (!reply)
        qFatal("enroll failed: %s", synctest::why(reply).constData());
    return *reply;
}

void TestHubClient::initTestCase()
{
    QVERIFY2(m_hub.start(), qPrintable(m_hub.errorText));
    m_device = enrollDevice(QStringLiteral("Desk A"));
}

void TestHubClient::health()
{
    HubClient client(m_hub.url() + QStringLiteral("/")); // a trailing slash is harmless
    QCOMPARE(client.hubUrl(), m_hub.url());
    Result<QString> version = client.health();
    QVERIFY2(version.has_value(), synctest::why(version).constData());
    QVERIFY(!version->isEmpty());
    QCOMPARE(client.notificationsUrl(), QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/notifications").arg(m_hub.port())));
}

void TestHubClient::enrollRefusesABadCode()
{
    const SigningKey key = *SigningKey::generate(QStringLiteral("tbad"));
    HubClient client(m_hub.url());
    HubEnrollmentRequest request {QStringLiteral("AAAA-BBBB-CCCC-DDDD"), QStringLiteral("Desk X"),
        QStringLiteral("desk"), QString::fromLatin1(key.publicKey().toBase64()), key.keyId()};
    Result<HubEnrollmentReply> unknown = client.enroll(request);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(unknown.error().field, QStringLiteral("code"));
    QVERIFY(!unknown.error().message.isEmpty());
    QVERIFY(!HubClient::isTransient(unknown.error()));

    request.code.clear(); // malformed: 422 naming the field
    Result<HubEnrollmentReply> empty = client.enroll(request);
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(empty.error().field, QStringLiteral("code"));

    request.code = m_hub.enrollmentCode(QStringLiteral("Desk X"));
    request.signingPublicKey = QStringLiteral("not base64 of 32 bytes");
    Result<HubEnrollmentReply> badKey = client.enroll(request);
    QVERIFY(!badKey);
    QCOMPARE(badKey.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(badKey.error().field, QStringLiteral("signingPublicKey"));
}

void TestHubClient::enrollReturnsTheDevice()
{
    const HubEnrollmentReply &reply = *m_device;
    QVERIFY(!reply.deviceId.isEmpty());
    QVERIFY(reply.deviceSecret.size() >= 32);
    QVERIFY(!reply.token.isEmpty());
    QVERIFY(reply.tokenExpiresAtMs > QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(reply.site.value(QStringLiteral("id")).toString(), m_hub.siteId);
    QCOMPARE(reply.site.value(QStringLiteral("number")).toString(), QStringLiteral("201"));
    QCOMPARE(reply.site.value(QStringLiteral("name")).toString(), QStringLiteral("North"));
    QCOMPARE(reply.fieldKey.size(), FieldCipher::KeyBytes);
    bool ownKey = false;
    for (const QJsonValue &key : reply.trustedKeys)
        ownKey = ownKey || key.toObject().value(QStringLiteral("owner")).toString() == reply.deviceId;
    QVERIFY2(ownKey, "the device's own key is among the trusted keys");
}

void TestHubClient::refreshTokenAndUnauthorized()
{
    HubClient client(m_hub.url());
    client.setToken(QStringLiteral("not.a.token"));
    Result<HubChangesPage> refused = client.changes(0, 10);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(refused.error().field, QStringLiteral("token"));
    QVERIFY(!HubClient::isTransient(refused.error()));

    Status wrong = client.refreshToken(m_device->deviceId, QStringLiteral("wrong secret"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(client.token(), QStringLiteral("not.a.token")); // untouched by a failure

    Status refreshed = client.refreshToken(m_device->deviceId, m_device->deviceSecret);
    QVERIFY2(refreshed.has_value(), synctest::why(refreshed).constData());
    QVERIFY(client.token() != QStringLiteral("not.a.token"));
    Result<HubChangesPage> page = client.changes(0, 10);
    QVERIFY2(page.has_value(), synctest::why(page).constData());
}

void TestHubClient::changesPageThroughTheLog()
{
    HubClient client(m_hub.url());
    client.setToken(m_device->token);
    Result<HubChangesPage> all = client.changes(0, 1000);
    QVERIFY2(all.has_value(), synctest::why(all).constData());
    QVERIFY2(all->changes.size() >= 2, "the site and the trusted keys are in the log");
    QVERIFY(!all->hasMore);
    QCOMPARE(all->next, all->changes.last().toObject().value(QStringLiteral("seq")).toInteger());

    qint64 since = 0;
    QList<qint64> seqs;
    for (int pages = 0; pages < 100; ++pages) {
        Result<HubChangesPage> page = client.changes(since, 1);
        QVERIFY2(page.has_value(), synctest::why(page).constData());
        QVERIFY(page->changes.size() <= 1);
        for (const QJsonValue &change : page->changes)
            seqs.append(change.toObject().value(QStringLiteral("seq")).toInteger());
        since = page->next;
        if (!page->hasMore)
            break;
    }
    QCOMPARE(seqs.size(), all->changes.size());
    QVERIFY(std::is_sorted(seqs.begin(), seqs.end()));
    QCOMPARE(since, all->next);

    Result<HubChangesPage> badLimit = client.changes(0, 5000);
    QVERIFY(!badLimit);
    QCOMPARE(badLimit.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(badLimit.error().field, QStringLiteral("limit"));
}

void TestHubClient::pushEventsGivesOneResultPerEvent()
{
    HubClient client(m_hub.url());
    client.setToken(m_device->token);
    const QString device = m_device->deviceId;
    const QList<OutboxEvent> events {synctest::memberCreated(synctest::makeMember(m_cipher), device),
        synctest::cardForUnknownMember(device), synctest::memberCreated(synctest::makeMember(m_cipher), device)};
    Result<QList<HubPushResult>> results = client.pushEvents(events);
    QVERIFY2(results.has_value(), synctest::why(results).constData());
    QCOMPARE(results->size(), 3);
    QCOMPARE(results->at(0).eventId, events.at(0).eventId);
    QCOMPARE(results->at(0).status, QStringLiteral("ok"));
    QCOMPARE(results->at(1).status, QStringLiteral("rejected"));
    QCOMPARE(results->at(1).reason, QStringLiteral("not_found"));
    QCOMPARE(results->at(1).field, QStringLiteral("data.memberId"));
    QVERIFY(!results->at(1).message.isEmpty());
    QCOMPARE(results->at(2).status, QStringLiteral("ok"));

    Result<QList<HubPushResult>> again = client.pushEvents(events);
    QVERIFY2(again.has_value(), synctest::why(again).constData());
    for (const HubPushResult &result : *again)
        QCOMPARE(result.status, QStringLiteral("duplicate"));
    QCOMPARE(m_hub.count(QStringLiteral("SELECT count(*) FROM member WHERE id IN ('%1', '%2')")
                             .arg(events.at(0).data.value(QStringLiteral("id")).toString(),
                                 events.at(2).data.value(QStringLiteral("id")).toString())),
        qint64(2));

    // Another device's events are the hub's to refuse, per event.
    Result<QList<HubPushResult>> foreign
        = client.pushEvents({synctest::memberCreated(synctest::makeMember(m_cipher), synctest::newId())});
    QVERIFY2(foreign.has_value(), synctest::why(foreign).constData());
    QCOMPARE(foreign->at(0).status, QStringLiteral("rejected"));
    QCOMPARE(foreign->at(0).reason, QStringLiteral("foreign_device"));

    // The request as a whole refused: 422 naming the field.
    Result<QList<HubPushResult>> none = client.pushEvents({});
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(none.error().field, QStringLiteral("events"));
}

void TestHubClient::refusedConnectionIsTransient()
{
    FaultProxy proxy(m_hub.port());
    QVERIFY(proxy.isListening());
    HubClient client(proxy.url());
    QVERIFY2(client.health().has_value(), "healthy through the proxy in Pass mode");
    proxy.setMode(FaultProxy::Mode::Refuse);
    const int before = proxy.connections();
    Result<QString> refused = client.health();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Network);
    QVERIFY(HubClient::isTransient(refused.error()));
    QVERIFY(!refused.error().message.isEmpty());
    QVERIFY(proxy.connections() > before);
    proxy.setMode(FaultProxy::Mode::Pass);
    QVERIFY2(client.health().has_value(), "the same client works again once the network does");
}

void TestHubClient::cutAnswerIsTransient()
{
    FaultProxy proxy(m_hub.port());
    HubClient client(proxy.url());
    client.setToken(m_device->token);
    proxy.setMode(FaultProxy::Mode::CutResponse);
    for (const qint64 bytes : {qint64(0), qint64(12), qint64(200)}) { // nothing, in the status line, in the body
        proxy.setCutAfterBytes(bytes);
        proxy.dropConnections();
        Result<HubChangesPage> cut = client.changes(0, 1000);
        QVERIFY2(!cut, qPrintable(QStringLiteral("cut after %1 bytes").arg(bytes)));
        QCOMPARE(cut.error().code, ErrorCode::Network);
        QVERIFY(HubClient::isTransient(cut.error()));
    }
    QVERIFY(proxy.requestsRelayed() >= 3);
}

void TestHubClient::garbageAnswerIsTransient()
{
    FaultProxy proxy(m_hub.port());
    proxy.setMode(FaultProxy::Mode::Garbage);
    HubClient client(proxy.url());
    Result<QString> garbage = client.health();
    QVERIFY(!garbage);
    QCOMPARE(garbage.error().code, ErrorCode::Network);
    QCOMPARE(garbage.error().message, QStringLiteral("The hub's answer could not be read."));
    QCOMPARE(proxy.requestsRelayed(), 0);
}

void TestHubClient::timeoutIsTransient()
{
    FaultProxy proxy(m_hub.port());
    proxy.setMode(FaultProxy::Mode::Stall);
    HubClient client(proxy.url(), 700);
    QElapsedTimer timer;
    timer.start();
    Result<QString> stalled = client.health();
    QVERIFY(!stalled);
    QCOMPARE(stalled.error().code, ErrorCode::Network);
    QVERIFY(HubClient::isTransient(stalled.error()));
    QVERIFY2(timer.elapsed() >= 600 && timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    proxy.setMode(FaultProxy::Mode::Pass);
    QVERIFY2(client.health().has_value(), "after an aborted call the client still works");
}

void TestHubClient::swallowedPushIsRetriedAsDuplicate()
{
    FaultProxy proxy(m_hub.port());
    HubClient client(proxy.url());
    client.setToken(m_device->token);
    const gymgate::Member member = synctest::makeMember(m_cipher);
    const QList<OutboxEvent> events {synctest::memberCreated(member, m_device->deviceId)};
    proxy.setMode(FaultProxy::Mode::SwallowResponse);
    Result<QList<HubPushResult>> lost = client.pushEvents(events);
    QVERIFY(!lost);
    QCOMPARE(lost.error().code, ErrorCode::Network);
    QVERIFY(proxy.requestsRelayed() >= 1);
    QCOMPARE(m_hub.count(QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(member.id)), qint64(1));

    proxy.setMode(FaultProxy::Mode::Pass);
    Result<QList<HubPushResult>> retried = client.pushEvents(events);
    QVERIFY2(retried.has_value(), synctest::why(retried).constData());
    QCOMPARE(retried->at(0).status, QStringLiteral("duplicate"));
}

void TestHubClient::nobodyListeningIsTransient()
{
    int freePort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        freePort = probe.serverPort();
    }
    HubClient client(QStringLiteral("http://127.0.0.1:%1").arg(freePort));
    Result<QString> nobody = client.health();
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, ErrorCode::Network);
    QVERIFY(HubClient::isTransient(nobody.error()));
}

// The engine keeps a WebSocket to the hub through the same address: the proxy must carry the
// upgrade in Pass mode, and dropping its connections must reach the socket.
void TestHubClient::webSocketThroughTheProxy()
{
    FaultProxy proxy(m_hub.port());
    HubClient client(proxy.url());
    QNetworkRequest request(client.notificationsUrl());
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_device->token.toUtf8());
    QWebSocket socket;
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    QSignalSpy closed(&socket, &QWebSocket::disconnected);
    socket.open(request);
    QVERIFY(messages.wait(10000));
    QCOMPARE(QJsonDocument::fromJson(messages.first().first().toString().toUtf8())
                 .object()
                 .value(QStringLiteral("type"))
                 .toString(),
        QStringLiteral("hello"));
    QCOMPARE(proxy.openConnections(), 1);
    proxy.dropConnections();
    QVERIFY(closed.wait(10000));
}

QTEST_GUILESS_MAIN(TestHubClient)
#include "tst_hubclient.moc"
