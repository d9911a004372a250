// OutboxPump with an enrolled desk database and the real gymgate-hub: what leaves the outbox,
// what becomes a dead letter, the batch size, and a push whose answer is lost (FaultProxy) and
// is retried without the hub applying anything twice.

#include "core/FieldCipher.h"
#include "store/Outbox.h"
#include "sync/HubClient.h"
#include "sync/OutboxPump.h"

#include <QtTest/QTest>

#include "FaultProxy.h"
#include "SyncTestSupport.h"

using namespace gymgate;
using synctest::FaultProxy;

class TestOutboxPump : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void deliveredEventsLeaveTheOutbox();
    void eventsPushedAgainAreDuplicates();
    void rejectedEventBecomesADeadLetter();
    void batchesOfAtMost500();
    void lostAnswerKeepsTheBatchForARetry();
    void refusedTokenCostsNoAttempt();

private:
    Status append(const QList<OutboxEvent> &events);
    qint64 outboxCount() { return Outbox(*m_desk.db).count().value_or(-1); }
    // How many of these events the hub recorded (hub_sync_event holds each id at most once).
    qint64 hubEvents(const QList<OutboxEvent> &events);
    qint64 hubMembers(const QList<OutboxEvent> &events);

    synctest::TestHub m_hub;
    synctest::TestDesk m_desk;
    HubCredentials m_credentials;
    std::optional<FieldCipher> m_cipher; // the chain key, as the desk uses it after enrollment
    std::unique_ptr<HubClient> m_client;
};

Status TestOutboxPump::append(const QList<OutboxEvent> &events)
{
    return m_desk.db->transaction([&]() -> Status {
        Outbox outbox(*m_desk.db);
        for (const OutboxEvent &event : events) {
            if (Status appended = outbox.append(event); !appended)
                return appended;
        }
        return {};
    });
}

namespace {

QString idList(const QStringList &ids)
{
    return QStringLiteral("'") + ids.join(QStringLiteral("', '")) + QStringLiteral("'");
}

} // namespace

qint64 TestOutboxPump::hubEvents(const QList<OutboxEvent> &events)
{
    QStringList ids;
    for (const OutboxEvent &event : events)
        ids.append(event.eventId);
    return m_hub.count(QStringLiteral("SELECT count(*) FROM hub_sync_event WHERE id IN (%1)").arg(idList(ids)));
}

qint64 TestOutboxPump::hubMembers(const QList<OutboxEvent> &events)
{
    QStringList ids;
    for (const OutboxEvent &event : events)
        ids.append(event.data.value(QStringLiteral("id")).toString());
    return m_hub.count(QStringLiteral("SELECT count(*) FROM member WHERE id IN (%1)").arg(idList(ids)));
}

void TestOutboxPump::initTestCase()
{
    QVERIFY2(m_hub.start(), qPrintable(m_hub.errorText));
    QVERIFY2(m_desk.open(), qPrintable(m_desk.errorText));
    Result<HubCredentials> credentials = m_desk.enroll(m_hub);
    QVERIFY2(credentials.has_value(), synctest::why(credentials).constData());
    m_credentials = *credentials;
    m_cipher = *FieldCipher::fromKey(m_desk.keyBytes(QStringLiteral("data.key")));
    m_client = std::make_unique<HubClient>(m_credentials.hubUrl);
    Status token = m_client->refreshToken(m_credentials.deviceId, m_credentials.deviceSecret);
    QVERIFY2(token.has_value(), synctest::why(token).constData());
}

void TestOutboxPump::init()
{
    QVERIFY(m_desk.db->exec(QStringLiteral("DELETE FROM outbox")));
    QVERIFY(m_desk.db->exec(QStringLiteral("DELETE FROM dead_letter")));
}

void TestOutboxPump::deliveredEventsLeaveTheOutbox()
{
    const QList<OutboxEvent> events {synctest::memberCreated(synctest::makeMember(*m_cipher)),
        synctest::memberCreated(synctest::makeMember(*m_cipher)),
        synctest::memberCreated(synctest::makeMember(*m_cipher))};
    QVERIFY(append(events));
    OutboxPump pump(*m_desk.db, *m_client, m_desk.clock);
    Result<PushOutcome> outcome = pump.pushBatch();
    QVERIFY2(outcome.has_value(), synctest::why(outcome).constData());
    QCOMPARE(outcome->sent, 3);
    QCOMPARE(outcome->delivered, 3);
    QCOMPARE(outcome->duplicates, 0);
    QCOMPARE(outcome->rejected, 0);
    QVERIFY(!outcome->more);
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(hubMembers(events), qint64(3));

    Result<PushOutcome> nothing = pump.pushBatch(); // an empty outbox sends no request
    QVERIFY2(nothing.has_value(), synctest::why(nothing).constData());
    QCOMPARE(nothing->sent, 0);
}

void TestOutboxPump::eventsPushedAgainAreDuplicates()
{
    const QList<OutboxEvent> events {synctest::memberCreated(synctest::makeMember(*m_cipher)),
        synctest::memberCreated(synctest::makeMember(*m_cipher))};
    QVERIFY(append(events));
    OutboxPump pump(*m_desk.db, *m_client, m_desk.clock);
    QVERIFY(pump.pushBatch());
    QVERIFY(append(events)); // the same ids again, as after a crash before the removal
    QCOMPARE(outboxCount(), qint64(2));
    Result<PushOutcome> again = pump.pushBatch();
    QVERIFY2(again.has_value(), synctest::why(again).constData());
    QCOMPARE(again->duplicates, 2);
    QCOMPARE(again->delivered, 0);
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(hubMembers(events), qint64(2));
}

void TestOutboxPump::rejectedEventBecomesADeadLetter()
{
    // The card of the first member comes after it: delivered only if the order is kept.
    const Member member = synctest::makeMember(*m_cipher);
    MemberCard card;
    card.id = synctest::newId();
    card.cardNo = QStringLiteral("C201") + synctest::newId().left(8).toUpper();
    card.memberId = member.id;
    card.name = QStringLiteral("10 visits");
    card.kind = CardKind::Count;
    card.status = CardStatus::Active;
    card.validFromMs = m_desk.clock.nowMs();
    card.visitsLeft = 10;
    const OutboxEvent orphan = synctest::cardForUnknownMember();
    const QList<OutboxEvent> events {synctest::memberCreated(member), orphan,
        synctest::makeEvent(QStringLiteral("card.sold"), syncjson::toJson(card)),
        synctest::memberCreated(synctest::makeMember(*m_cipher))};
    QVERIFY(append(events));
    OutboxPump pump(*m_desk.db, *m_client, m_desk.clock);
    Result<PushOutcome> outcome = pump.pushBatch();
    QVERIFY2(outcome.has_value(), synctest::why(outcome).constData());
    QCOMPARE(outcome->sent, 4);
    QCOMPARE(outcome->delivered, 3);
    QCOMPARE(outcome->rejected, 1);
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(m_hub.count(QStringLiteral("SELECT count(*) FROM member_card WHERE id = '%1'").arg(card.id)), qint64(1));

    Result<QList<DeadLetter>> dead = Outbox(*m_desk.db).deadLetters(10);
    QVERIFY(dead && dead->size() == 1);
    QCOMPARE(dead->first().event.eventId, orphan.eventId);
    QCOMPARE(dead->first().event.type, QStringLiteral("card.sold"));
    QVERIFY2(dead->first().reason.startsWith(QStringLiteral("not_found: ")), qPrintable(dead->first().reason));
    QVERIFY2(dead->first().reason.endsWith(QStringLiteral(" (data.memberId)")), qPrintable(dead->first().reason));
    QVERIFY(dead->first().reason.size() > QStringLiteral("not_found:  (data.memberId)").size()); // the hub's message
    QVERIFY(dead->first().failedAtMs > 0);
}

void TestOutboxPump::batchesOfAtMost500()
{
    // staff.* events change nothing on the hub and are answered `ok`: cheap bulk.
    QList<OutboxEvent> events;
    for (int i = 0; i < 1200; ++i)
        events.append(synctest::makeEvent(QStringLiteral("staff.changed"),
            QJsonObject {{QStringLiteral("id"), synctest::newId()}, {QStringLiteral("n"), i}}));
    QVERIFY(append(events));
    FaultProxy proxy(m_hub.port());
    HubClient client(proxy.url());
    client.setToken(m_client->token());
    OutboxPump pump(*m_desk.db, client, m_desk.clock);
    QList<int> sent;
    QList<bool> more;
    for (int round = 0; round < 5; ++round) {
        Result<PushOutcome> outcome = pump.pushBatch();
        QVERIFY2(outcome.has_value(), synctest::why(outcome).constData());
        sent.append(outcome->sent);
        more.append(outcome->more);
        QCOMPARE(outcome->delivered, outcome->sent);
        if (!outcome->more)
            break;
    }
    QCOMPARE(sent, (QList<int> {500, 500, 200}));
    QCOMPARE(more, (QList<bool> {true, true, false}));
    QCOMPARE(proxy.requestsRelayed(), 3);
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(hubEvents(events), qint64(1200));

    // A smaller batch size is honoured, a larger one capped at the hub's limit.
    QVERIFY(append({synctest::makeEvent(QStringLiteral("staff.changed"), QJsonObject {}),
        synctest::makeEvent(QStringLiteral("staff.changed"), QJsonObject {})}));
    Result<PushOutcome> one = pump.pushBatch(1);
    QVERIFY2(one.has_value(), synctest::why(one).constData());
    QCOMPARE(one->sent, 1);
    QVERIFY(one->more);
    Result<PushOutcome> capped = pump.pushBatch(100000);
    QVERIFY2(capped.has_value(), synctest::why(capped).constData());
    QCOMPARE(capped->sent, 1);
}

void TestOutboxPump::lostAnswerKeepsTheBatchForARetry()
{
    const QList<OutboxEvent> events {synctest::memberCreated(synctest::makeMember(*m_cipher)),
        synctest::memberCreated(synctest::makeMember(*m_cipher)),
        synctest::memberCreated(synctest::makeMember(*m_cipher))};
    QVERIFY(append(events));
    FaultProxy proxy(m_hub.port());
    HubClient client(proxy.url(), 5000);
    client.setToken(m_client->token());
    OutboxPump pump(*m_desk.db, client, m_desk.clock);

    // The hub applies the batch, the desk never hears of it.
    proxy.setMode(FaultProxy::Mode::SwallowResponse);
    Result<PushOutcome> lost = pump.pushBatch();
    QVERIFY(!lost);
    QCOMPARE(lost.error().code, ErrorCode::Network);
    QCOMPARE(hubMembers(events), qint64(3));
    Result<QList<OutboxItem>> kept = Outbox(*m_desk.db).peek(10);
    QVERIFY(kept && kept->size() == 3);
    for (qsizetype i = 0; i < kept->size(); ++i) {
        QCOMPARE(kept->at(i).event.eventId, events.at(i).eventId); // same order
        QCOMPARE(kept->at(i).attempts, 1);
        QVERIFY(!kept->at(i).lastError.isEmpty());
    }

    // The same batch again: the hub had it all.
    proxy.setMode(FaultProxy::Mode::Pass);
    Result<PushOutcome> retried = pump.pushBatch();
    QVERIFY2(retried.has_value(), synctest::why(retried).constData());
    QCOMPARE(retried->duplicates, 3);
    QCOMPARE(retried->delivered, 0);
    QCOMPARE(outboxCount(), qint64(0));
    QCOMPARE(hubMembers(events), qint64(3));
    QCOMPARE(hubEvents(events), qint64(3));
}

void TestOutboxPump::refusedTokenCostsNoAttempt()
{
    QVERIFY(append({synctest::memberCreated(synctest::makeMember(*m_cipher))}));
    HubClient client(m_credentials.hubUrl);
    client.setToken(QStringLiteral("expired.or.forged"));
    OutboxPump pump(*m_desk.db, client, m_desk.clock);
    Result<PushOutcome> refused = pump.pushBatch();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(refused.error().field, QStringLiteral("token"));
    Result<QList<OutboxItem>> kept = Outbox(*m_desk.db).peek(10);
    QVERIFY(kept && kept->size() == 1);
    QCOMPARE(kept->first().attempts, 0);
}

QTEST_GUILESS_MAIN(TestOutboxPump)
#include "tst_outboxpump.moc"
