#include "store/Database.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/SettingRepository.h"
#include "store/StoreTestSupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace gymgate;
using namespace gymgate::test;

namespace {

OutboxEvent makeEvent(const QString &id, const QString &type, qint64 atMs)
{
    OutboxEvent event;
    event.eventId = id;
    event.type = type;
    event.atMs = atMs;
    event.staff = QStringLiteral("staff-1");
    event.data = QJsonObject {{QStringLiteral("n"), atMs}};
    return event;
}

} // namespace

class TestOutbox : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void changeAndEventCommitTogether();
    void errorInsideTransactionLeavesNeither();
    void failingOutboxInsertRollsBackDomainRow();
    void appendOutsideTransactionRefused();
    void peekKeepsOrder();
    void removeByEventId();
    void markFailedCountsAttempts();
    void deadLetter();
    void requeueDeadLetterUnderNewId();
    void reassignDeviceReaddressesQueuedEvents();
    void lastSeqRisesWithNewEvents();

private:
    Status appendAll(const QList<OutboxEvent> &events);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Outbox> m_outbox;
    int m_round = 0;
};

void TestOutbox::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("outbox-%1.db").arg(++m_round)));
    QVERIFY(m_db);
    QVERIFY(SettingRepository(*m_db).setValue(QStringLiteral("device.id"), QStringLiteral("desk-7")).has_value());
    m_outbox = std::make_unique<Outbox>(*m_db);
}

void TestOutbox::cleanup()
{
    m_outbox.reset();
    m_db.reset();
}

Status TestOutbox::appendAll(const QList<OutboxEvent> &events)
{
    return m_db->transaction([&]() -> Status {
        for (const OutboxEvent &event : events) {
            if (Status done = m_outbox->append(event); !done)
                return done;
        }
        return {};
    });
}

void TestOutbox::changeAndEventCommitTogether()
{
    MemberRepository members(*m_db);
    QString memberId;
    const Status done = m_db->transaction([&]() -> Status {
        Result<Member> member = members.insert(
            makeMember(QStringLiteral("M1"), QStringLiteral("Zhao Lei"), QStringLiteral("13800000001")));
        if (!member)
            return std::unexpected(member.error());
        memberId = member->id;
        OutboxEvent event = makeEvent(QString(), QStringLiteral("member.created"), 1234);
        event.data = QJsonObject {{QStringLiteral("id"), member->id}};
        return m_outbox->append(event);
    });
    QVERIFY2(done.has_value(), done ? "" : qPrintable(done.error().toString()));
    QCOMPARE(rowCount(*m_db, QStringLiteral("member")), 1);
    const Result<QList<OutboxItem>> items = m_outbox->peek(10);
    QVERIFY(items.has_value());
    QCOMPARE(items->size(), 1);
    const OutboxEvent &event = items->constFirst().event;
    QCOMPARE(event.type, QStringLiteral("member.created"));
    QCOMPARE(event.atMs, 1234);
    QCOMPARE(event.device, QStringLiteral("desk-7")); // from setting device.id
    QCOMPARE(event.staff, QStringLiteral("staff-1"));
    QCOMPARE(event.data.value(QStringLiteral("id")).toString(), memberId);
    QCOMPARE(event.eventId.size(), 36); // a UUID was assigned
}

void TestOutbox::errorInsideTransactionLeavesNeither()
{
    MemberRepository members(*m_db);
    const Status done = m_db->transaction([&]() -> Status {
        if (Result<Member> member = members.insert(
                makeMember(QStringLiteral("M1"), QStringLiteral("Zhao Lei"), QStringLiteral("13800000001")));
            !member)
            return std::unexpected(member.error());
        if (Status appended = m_outbox->append(makeEvent(QString(), QStringLiteral("member.created"), 1)); !appended)
            return appended;
        return fail(ErrorCode::PermissionDenied, QStringLiteral("the service changed its mind"));
    });
    QVERIFY(!done.has_value());
    QCOMPARE(done.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(rowCount(*m_db, QStringLiteral("member")), 0);
    QCOMPARE(m_outbox->count().value_or(-1), 0);
}

void TestOutbox::failingOutboxInsertRollsBackDomainRow()
{
    const QString eventId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    QVERIFY(appendAll({makeEvent(eventId, QStringLiteral("first"), 1)}).has_value());
    MemberRepository members(*m_db);
    const Status done = m_db->transaction([&]() -> Status {
        if (Result<Member> member = members.insert(
                makeMember(QStringLiteral("M1"), QStringLiteral("Zhao Lei"), QStringLiteral("13800000001")));
            !member)
            return std::unexpected(member.error());
        return m_outbox->append(makeEvent(eventId, QStringLiteral("member.created"), 2)); // duplicate id
    });
    QVERIFY(!done.has_value());
    QCOMPARE(done.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(done.error().field, QStringLiteral("eventId"));
    QCOMPARE(rowCount(*m_db, QStringLiteral("member")), 0);
    QCOMPARE(m_outbox->count().value_or(-1), 1);
}

void TestOutbox::appendOutsideTransactionRefused()
{
    const Status done = m_outbox->append(makeEvent(QString(), QStringLiteral("loose"), 1));
    QVERIFY(!done.has_value());
    QCOMPARE(done.error().code, ErrorCode::Internal);
    QCOMPARE(m_outbox->count().value_or(-1), 0);
}

void TestOutbox::peekKeepsOrder()
{
    // Appended out of time order on purpose: the queue keeps append order, not time order.
    QVERIFY(appendAll({makeEvent(QStringLiteral("a"), QStringLiteral("t"), 30),
                          makeEvent(QStringLiteral("b"), QStringLiteral("t"), 10),
                          makeEvent(QStringLiteral("c"), QStringLiteral("t"), 20)})
                .has_value());
    QVERIFY(appendAll({makeEvent(QStringLiteral("d"), QStringLiteral("t"), 5)}).has_value());
    Result<QList<OutboxItem>> items = m_outbox->peek(10);
    QVERIFY(items.has_value());
    QStringList ids;
    qint64 lastSeq = 0;
    for (const OutboxItem &item : *items) {
        ids.append(item.event.eventId);
        QVERIFY(item.seq > lastSeq);
        lastSeq = item.seq;
    }
    QCOMPARE(ids, (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    items = m_outbox->peek(2);
    QVERIFY(items.has_value());
    QCOMPARE(items->size(), 2);
    QCOMPARE(items->at(1).event.eventId, QStringLiteral("b"));
}

void TestOutbox::removeByEventId()
{
    QVERIFY(appendAll(
        {makeEvent(QStringLiteral("a"), QStringLiteral("t"), 1), makeEvent(QStringLiteral("b"), QStringLiteral("t"), 2),
            makeEvent(QStringLiteral("c"), QStringLiteral("t"), 3)})
                .has_value());
    const Result<int> removed = m_outbox->remove({QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("unknown")});
    QVERIFY(removed.has_value());
    QCOMPARE(*removed, 2);
    const Result<QList<OutboxItem>> items = m_outbox->peek(10);
    QVERIFY(items.has_value());
    QCOMPARE(items->size(), 1);
    QCOMPARE(items->constFirst().event.eventId, QStringLiteral("b"));
}

void TestOutbox::markFailedCountsAttempts()
{
    QVERIFY(appendAll({makeEvent(QStringLiteral("a"), QStringLiteral("t"), 1)}).has_value());
    const qint64 seq = m_outbox->peek(1)->constFirst().seq;
    QVERIFY(m_outbox->markFailed(seq, QStringLiteral("HTTP 503"), 5000).has_value());
    QVERIFY(m_outbox->markFailed(seq, QStringLiteral("timeout"), 9000).has_value());
    const OutboxItem item = m_outbox->peek(1)->constFirst();
    QCOMPARE(item.attempts, 2);
    QCOMPARE(item.lastError, QStringLiteral("timeout"));
    QCOMPARE(item.nextAttemptAtMs, 9000);
    QCOMPARE(m_outbox->markFailed(seq + 100, QStringLiteral("x"), 1).error().code, ErrorCode::NotFound);
}

void TestOutbox::deadLetter()
{
    QVERIFY(appendAll({makeEvent(QStringLiteral("a"), QStringLiteral("entry.passed"), 1),
                          makeEvent(QStringLiteral("b"), QStringLiteral("t"), 2)})
                .has_value());
    const qint64 seq = m_outbox->peek(1)->constFirst().seq;
    QVERIFY(m_outbox->moveToDeadLetter(seq, QStringLiteral("rejected: card unknown"), 777).has_value());
    QCOMPARE(m_outbox->count().value_or(-1), 1);
    QCOMPARE(m_outbox->deadLetterCount().value_or(-1), 1);
    const Result<QList<DeadLetter>> letters = m_outbox->deadLetters(10);
    QVERIFY(letters.has_value());
    QCOMPARE(letters->size(), 1);
    QCOMPARE(letters->constFirst().event.eventId, QStringLiteral("a"));
    QCOMPARE(letters->constFirst().event.type, QStringLiteral("entry.passed"));
    QCOMPARE(letters->constFirst().event.device, QStringLiteral("desk-7"));
    QCOMPARE(letters->constFirst().reason, QStringLiteral("rejected: card unknown"));
    QCOMPARE(letters->constFirst().failedAtMs, 777);
    QCOMPARE(m_outbox->peek(10)->constFirst().event.eventId, QStringLiteral("b"));

    // An unknown seq moves nothing and leaves no half-made dead letter.
    QCOMPARE(m_outbox->moveToDeadLetter(seq, QStringLiteral("again"), 1).error().code, ErrorCode::NotFound);
    QCOMPARE(m_outbox->deadLetterCount().value_or(-1), 1);
    QVERIFY(m_outbox->removeDeadLetter(letters->constFirst().seq).has_value());
    QCOMPARE(m_outbox->deadLetterCount().value_or(-1), 0);
}

void TestOutbox::requeueDeadLetterUnderNewId()
{
    QVERIFY(appendAll({makeEvent(QStringLiteral("a"), QStringLiteral("member.updated"), 11),
                          makeEvent(QStringLiteral("b"), QStringLiteral("t"), 12)})
                .has_value());
    const qint64 seq = m_outbox->peek(1)->constFirst().seq;
    QVERIFY(m_outbox->markFailed(seq, QStringLiteral("HTTP 503"), 5000).has_value());
    QVERIFY(m_outbox->moveToDeadLetter(seq, QStringLiteral("field_invalid: bad"), 777).has_value());
    const qint64 letterSeq = m_outbox->deadLetters(1)->constFirst().seq;
    const Result<std::optional<DeadLetter>> letter = m_outbox->deadLetter(letterSeq);
    QVERIFY(letter.has_value() && letter->has_value());
    QCOMPARE((*letter)->event.eventId, QStringLiteral("a"));
    QCOMPARE((*letter)->reason, QStringLiteral("field_invalid: bad"));
    QVERIFY(!m_outbox->deadLetter(letterSeq + 100)->has_value());

    const Result<QString> newId = m_outbox->requeueDeadLetter(letterSeq, 9000);
    QVERIFY2(newId.has_value(), newId ? "" : qPrintable(newId.error().toString()));
    QVERIFY(!QUuid::fromString(*newId).isNull());
    QVERIFY(*newId != QStringLiteral("a"));
    QCOMPARE(m_outbox->deadLetterCount().value_or(-1), 0);
    // Back at the end of the queue, same content, fresh bookkeeping.
    const QList<OutboxItem> items = m_outbox->peek(10).value_or(QList<OutboxItem>());
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).event.eventId, QStringLiteral("b"));
    QCOMPARE(items.at(1).event.eventId, *newId);
    QCOMPARE(items.at(1).event.type, QStringLiteral("member.updated"));
    QCOMPARE(items.at(1).event.atMs, 11);
    QCOMPARE(items.at(1).event.device, QStringLiteral("desk-7"));
    QCOMPARE(items.at(1).event.staff, QStringLiteral("staff-1"));
    QCOMPARE(items.at(1).event.data, makeEvent(QStringLiteral("a"), QStringLiteral("member.updated"), 11).data);
    QCOMPARE(items.at(1).attempts, 0);
    QVERIFY(items.at(1).lastError.isEmpty());

    const Result<QString> unknown = m_outbox->requeueDeadLetter(letterSeq, 9000);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    QCOMPARE(unknown.error().field, QStringLiteral("seq"));
    QCOMPARE(m_outbox->count().value_or(-1), 2);
}

void TestOutbox::reassignDeviceReaddressesQueuedEvents()
{
    QVERIFY(appendAll({makeEvent(QStringLiteral("a"), QStringLiteral("t"), 1),
                          makeEvent(QStringLiteral("b"), QStringLiteral("t"), 2)})
                .has_value());
    QVERIFY(m_outbox->moveToDeadLetter(m_outbox->peek(1)->constFirst().seq, QStringLiteral("x"), 3).has_value());
    QVERIFY(m_outbox->reassignDevice(QStringLiteral("hub-device-42")).has_value());
    QCOMPARE(m_outbox->peek(10)->constFirst().event.device, QStringLiteral("hub-device-42"));
    QCOMPARE(m_outbox->deadLetters(10)->constFirst().event.device, QStringLiteral("hub-device-42"));
    const Status empty = m_outbox->reassignDevice(QStringLiteral(" "));
    QVERIFY(!empty);
    QCOMPARE(empty.error().field, QStringLiteral("deviceId"));
    QCOMPARE(m_outbox->peek(10)->constFirst().event.device, QStringLiteral("hub-device-42"));
}

void TestOutbox::lastSeqRisesWithNewEvents()
{
    QCOMPARE(m_outbox->lastSeq().value_or(-1), 0);
    QVERIFY(appendAll({makeEvent(QStringLiteral("a"), QStringLiteral("t"), 1)}).has_value());
    const qint64 first = m_outbox->lastSeq().value_or(-1);
    QVERIFY(first > 0);
    QVERIFY(appendAll({makeEvent(QStringLiteral("b"), QStringLiteral("t"), 2)}).has_value());
    QVERIFY(m_outbox->lastSeq().value_or(-1) > first);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
