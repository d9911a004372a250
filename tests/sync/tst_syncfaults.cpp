// The sync layer's acceptance list for faults (DESIGN §9), against the real gymgate-hub behind a
// FaultProxy: a long outage while the desk keeps letting members in, a hub that dies in the
// middle of a push, answers cut off or garbled, and events the hub refuses.
#include "core/SyncJson.h"
#include "store/AuditLog.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/SqlEntryLedger.h"
#include "store/StoreTestSupport.h"
#include "sync/SyncEngine.h"
#include "sync/SyncService.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "FaultProxy.h"
#include "SyncTestSupport.h"

Q_DECLARE_METATYPE(synctest::FaultProxy::Mode)

using namespace gymgate;
using namespace synctest;

namespace {

Status queue(Database &db, const QString &type, const QJsonObject &data, qint64 atMs)
{
    return Outbox(db).append(OutboxEvent {{}, type, atMs, {}, QStringLiteral("s-admin"), data});
}

} // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_hub = std::make_unique<TestHub>();
        QVERIFY2(m_hub->start(), qPrintable(m_hub->errorText));
        m_proxy = std::make_unique<FaultProxy>(m_hub->port());
        QVERIFY(m_proxy->isListening());
        m_desk = std::make_unique<TestDesk>();
        QVERIFY2(m_desk->open(), qPrintable(m_desk->errorText));
        const QString code = m_hub->enrollmentCode();
        QVERIFY(!code.isEmpty());
        const Result<HubCredentials> enrolled = m_desk->enrollment().enroll(
            EnrollmentRequest {m_proxy->url(), code, QStringLiteral("Desk 1"), QStringLiteral("s-admin")});
        QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().toString()));
    }

    void cleanup()
    {
        m_engine.reset();
        m_desk.reset();
        m_proxy.reset();
        m_hub.reset();
    }

    // (1) The hub is down while 10,000 members walk in; when it is back every entry arrives
    // exactly once.
    void longOutageDeliversEverythingOnce()
    {
        startEngine();
        sellTimeCard();
        QTRY_COMPARE_WITH_TIMEOUT(outboxLength(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->count(QStringLiteral("SELECT count(*) FROM member_card")), 1, 5000);

        QVERIFY(m_hub->stop());
        constexpr int kEntries = 10000;
        constexpr int kPerTransaction = 500;
        SqlEntryLedger ledger(*m_desk->db);
        for (int done = 0; done < kEntries; done += kPerTransaction) {
            const Status written = m_desk->db->transaction([&]() -> Status {
                for (int i = done; i < done + kPerTransaction; ++i) {
                    const qint64 atMs = m_startMs + i * 1000;
                    Result<EntryRecord> decided = ledger.recordDecision(entryAt(atMs), false);
                    if (!decided)
                        return std::unexpected(decided.error());
                    if (Result<EntryRecord> passed = ledger.confirmPassage(decided->id, atMs + 800); !passed)
                        return std::unexpected(passed.error());
                }
                return {};
            });
            QVERIFY2(written, written ? "" : qPrintable(written.error().toString()));
        }
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 2 * kEntries);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Offline, 10000);
        QVERIFY(m_engine->status().offlineSinceMs > 0);
        QVERIFY(!m_engine->status().lastError.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().queueLength, 2 * kEntries, 3000);

        // The hub starts again on its database (a new port behind the same address).
        QVERIFY2(
            m_hub->process.start({QStringLiteral("--db"), m_hub->databasePath}), qPrintable(m_hub->process.errorText));
        m_proxy->setTargetPort(m_hub->port());
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().queueLength, 0, 240000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Online, 10000);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM entry")), kEntries);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(DISTINCT id) FROM entry")), kEntries);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM entry WHERE status = 'passed'")), kEntries);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM dead_letter")).toInt(), 0);
        QCOMPARE(m_engine->status().deadLetters, 0);
    }

    // (2) The hub applies a push and dies before answering: the retry gets `duplicate` for it.
    void hubDiesInTheMiddleOfAPush()
    {
        startEngine();
        sellTimeCard();
        QTRY_COMPARE_WITH_TIMEOUT(outboxLength(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->count(QStringLiteral("SELECT count(*) FROM member_card")), 1, 5000);
        const qint64 eventsBefore = m_hub->count(QStringLiteral("SELECT count(*) FROM hub_sync_event"));

        m_engine->setManualOffline(true); // hold the events until the fault is in place
        recordEntries(50);
        m_proxy->setMode(FaultProxy::Mode::SwallowResponse);
        QSignalSpy rounds(m_engine.get(), &SyncEngine::roundFinished);
        m_engine->setManualOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(!rounds.isEmpty(), 15000);
        QVERIFY(!rounds.first().at(0).toBool());
        QCOMPARE(m_engine->status().state, SyncState::Offline);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 100); // nothing removed
        // The hub did apply what it was sent.
        QVERIFY(m_hub->count(QStringLiteral("SELECT count(*) FROM hub_sync_event")) > eventsBefore);

        m_proxy->setMode(FaultProxy::Mode::Pass);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().queueLength, 0, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Online, 10000);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM entry")), 50);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(DISTINCT id) FROM entry")), 50);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM hub_sync_event")), eventsBefore + 100);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM dead_letter")).toInt(), 0);
    }

    // (2b) The hub process is killed (SIGKILL) while it applies a push and started again on its
    // database: what it had committed is answered `duplicate`, the rest `ok`, each entry once.
    void hubKilledWhileApplyingAPush()
    {
        startEngine();
        sellTimeCard();
        QTRY_COMPARE_WITH_TIMEOUT(outboxLength(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->count(QStringLiteral("SELECT count(*) FROM member_card")), 1, 5000);

        m_engine->setManualOffline(true);
        constexpr int kEntries = 500; // 1000 events: two batches
        recordEntries(kEntries);
        bool killing = false;
        m_proxy->setOnRequestHead([&](const QByteArray &head) {
            if (killing || !head.startsWith("post /api/v1/sync/events"))
                return;
            killing = true; // a moment after the batch went through: the hub is applying it
            QTimer::singleShot(30, this, [this] { m_hub->process.kill(); });
        });
        m_proxy->setMode(FaultProxy::Mode::Pass); // new connections get the hook
        m_engine->setManualOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(killing && !m_hub->process.isRunning(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Offline, 15000);
        QCOMPARE(outboxLength(), 2 * kEntries); // no answer: nothing left the outbox
        qInfo("entries the hub had committed when it was killed: %lld",
            m_hub->count(QStringLiteral("SELECT count(*) FROM entry")));

        m_proxy->setOnRequestHead({});
        QVERIFY2(
            m_hub->process.start({QStringLiteral("--db"), m_hub->databasePath}), qPrintable(m_hub->process.errorText));
        m_proxy->setTargetPort(m_hub->port());
        m_proxy->setMode(FaultProxy::Mode::Pass);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().queueLength, 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Online, 10000);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM entry")), kEntries);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(DISTINCT id) FROM entry")), kEntries);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM entry WHERE status = 'passed'")), kEntries);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM dead_letter")).toInt(), 0);
    }

    // (3) Cut-off and garbled answers: offline and retried; nothing leaves the outbox before a
    // good answer, nothing is lost or doubled.
    void cutAndGarbledAnswersAreRetried_data()
    {
        QTest::addColumn<FaultProxy::Mode>("mode");
        QTest::addColumn<int>("cutAfterBytes");
        QTest::newRow("cut in the headers") << FaultProxy::Mode::CutResponse << 20;
        QTest::newRow("cut in the body") << FaultProxy::Mode::CutResponse << 200;
        QTest::newRow("garbage") << FaultProxy::Mode::Garbage << 0;
    }

    void cutAndGarbledAnswersAreRetried()
    {
        QFETCH(FaultProxy::Mode, mode);
        QFETCH(int, cutAfterBytes);
        startEngine();
        sellTimeCard();
        QTRY_COMPARE_WITH_TIMEOUT(outboxLength(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->count(QStringLiteral("SELECT count(*) FROM member_card")), 1, 5000);

        m_engine->setManualOffline(true);
        recordEntries(20);
        m_proxy->setCutAfterBytes(cutAfterBytes);
        m_proxy->setMode(mode);
        QSignalSpy rounds(m_engine.get(), &SyncEngine::roundFinished);
        m_engine->setManualOffline(false);
        QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 3, 20000);
        for (const QList<QVariant> &round : rounds)
            QVERIFY(!round.at(0).toBool());
        QCOMPARE(m_engine->status().state, SyncState::Offline);
        QVERIFY(!m_engine->status().lastError.isEmpty());
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 40);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM dead_letter")).toInt(), 0);

        m_proxy->setMode(FaultProxy::Mode::Pass);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Online, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().queueLength, 0, 10000);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM entry")), 20);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(DISTINCT id) FROM entry")), 20);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM entry WHERE status = 'passed'")), 20);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM dead_letter")).toInt(), 0);
    }

    // (4) A refused event goes to the dead letters and is not sent again; the rest arrive. Staff
    // fix the cause and retry it: it goes under a new id and is delivered.
    void rejectedEventIsDeadLetteredAndRetried()
    {
        SyncService service(fastEngineOptions(*m_desk), *m_desk->db, m_desk->clock);
        QSignalSpy noticesChanged(&service, &SyncControl::noticesChanged);
        service.start();
        QTRY_COMPARE_WITH_TIMEOUT(service.status().state, SyncState::Online, 10000);

        // A card for a member the hub does not know (not pushed yet), between two good events.
        Member ghost
            = test::makeMember(QStringLiteral("M2010000099"), QStringLiteral("Ghost"), QStringLiteral("13800138099"));
        ghost.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        MemberCard card = test::makeCard(ghost.id, QStringLiteral("C2010000099"), CardKind::Count, 10);
        card.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Member good
            = test::makeMember(QStringLiteral("M2010000001"), QStringLiteral("Good"), QStringLiteral("13800138001"));
        good.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        Member later
            = test::makeMember(QStringLiteral("M2010000002"), QStringLiteral("Later"), QStringLiteral("13800138002"));
        later.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(m_desk->db->transaction([&]() -> Status {
            if (Status queued = queue(*m_desk->db, QStringLiteral("member.created"), syncjson::toJson(good), nowMs);
                !queued)
                return queued;
            if (Status queued = queue(*m_desk->db, QStringLiteral("card.sold"), syncjson::toJson(card), nowMs); !queued)
                return queued;
            return queue(*m_desk->db, QStringLiteral("member.created"), syncjson::toJson(later), nowMs);
        }));
        QTRY_COMPARE_WITH_TIMEOUT(service.status().deadLetters, 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(service.status().queueLength, 0, 5000);
        QCOMPARE(
            m_hub->count(QStringLiteral("SELECT count(*) FROM member WHERE id IN ('%1', '%2')").arg(good.id, later.id)),
            2);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM member_card WHERE id = '%1'").arg(card.id)), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!noticesChanged.isEmpty(), 3000);

        const Result<QList<SyncDeadLetter>> letters = service.deadLetters(10);
        QVERIFY(letters);
        QCOMPARE(letters->size(), 1);
        const SyncDeadLetter letter = letters->first();
        QCOMPARE(letter.type, QStringLiteral("card.sold"));
        QVERIFY2(letter.reason.contains(QStringLiteral("not_found")), qPrintable(letter.reason));
        QVERIFY(letter.dataJson.contains(QStringLiteral("\n"))); // indented for reading
        QVERIFY(letter.dataJson.contains(card.cardNo));
        const QString oldId = letter.eventId;
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM hub_sync_event WHERE id = '%1'").arg(oldId)), 1);

        // Not retried by itself: more rounds send nothing for it.
        const qint64 pushesBefore = m_hub->count(QStringLiteral("SELECT count(*) FROM hub_sync_event"));
        service.syncNow();
        service.syncNow();
        QTest::qWait(1000); // rounds run in that time; none may resend the refused event
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM hub_sync_event")), pushesBefore);
        QCOMPARE(service.status().deadLetters, 1);

        // The cause: the member was never pushed. Staff register it, then retry the card.
        QVERIFY(m_desk->db->transaction([&]() -> Status {
            return queue(*m_desk->db, QStringLiteral("member.created"), syncjson::toJson(ghost), nowMs);
        }));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_hub->count(QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(ghost.id)), 1, 10000);
        QVERIFY(service.retryDeadLetter(letter.seq, QStringLiteral("s-admin")));
        QCOMPARE(service.retryDeadLetter(letter.seq, QStringLiteral("s-admin")).error().code, ErrorCode::NotFound);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_hub->count(QStringLiteral("SELECT count(*) FROM member_card WHERE id = '%1'").arg(card.id)), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(service.status().deadLetters, 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(service.status().queueLength, 0, 5000);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM hub_sync_event WHERE type = 'card.sold'")), 2);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.dead_letter_retry'"))
                     .toInt(),
            1);
        QVERIFY(AuditLog(*m_desk->db).verify()->ok);
    }

private:
    int outboxLength() const { return m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(); }

    void startEngine()
    {
        m_engine = std::make_unique<SyncEngine>(fastEngineOptions(*m_desk), m_desk->clock);
        QVERIFY(m_engine->start());
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Online, 10000);
    }

    // A member with a time card, sold at this desk and queued for the hub.
    void sellTimeCard()
    {
        m_startMs = QDateTime::currentMSecsSinceEpoch() - 86'400'000;
        QVERIFY(m_desk->db->transaction([&]() -> Status {
            Result<Member> member = MemberRepository(*m_desk->db)
                                        .insert(test::makeMember(QStringLiteral("M2010000050"),
                                            QStringLiteral("Han Meimei"), QStringLiteral("13800138050")));
            if (!member)
                return std::unexpected(member.error());
            Result<MemberCard> card
                = MemberCardRepository(*m_desk->db)
                      .insert(test::makeCard(member->id, QStringLiteral("C2010000050"), CardKind::Time));
            if (!card)
                return std::unexpected(card.error());
            m_memberId = member->id;
            m_cardId = card->id;
            if (Status queued
                = queue(*m_desk->db, QStringLiteral("member.created"), syncjson::toJson(*member), m_startMs);
                !queued)
                return queued;
            return queue(*m_desk->db, QStringLiteral("card.sold"), syncjson::toJson(*card), m_startMs);
        }));
    }

    EntryRecord entryAt(qint64 atMs) const
    {
        EntryRecord entry;
        entry.gateId = QStringLiteral("gate-1");
        entry.zoneId = QStringLiteral("gym");
        entry.direction = Direction::In;
        entry.memberId = m_memberId;
        entry.cardId = m_cardId;
        entry.credentialKind = QStringLiteral("card");
        entry.status = EntryStatus::Pending;
        entry.reason = AccessReason::Granted;
        entry.decidedAtMs = atMs;
        return entry;
    }

    // `count` entries through the real ledger: 2 events each (decided, passed).
    void recordEntries(int count)
    {
        SqlEntryLedger ledger(*m_desk->db);
        for (int i = 0; i < count; ++i) {
            const qint64 atMs = m_startMs + i * 1000;
            Result<EntryRecord> decided = ledger.recordDecision(entryAt(atMs), false);
            QVERIFY(decided);
            QVERIFY(ledger.confirmPassage(decided->id, atMs + 800));
        }
    }

    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<TestDesk> m_desk;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_memberId;
    QString m_cardId;
    qint64 m_startMs = 0;
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
