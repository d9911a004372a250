// SyncEngine against the real gymgate-hub: the desk's states (not enrolled, online, offline with
// backoff, paused), local changes pushed within the outbox watch interval, hub changes arriving
// through the WebSocket hint without waiting for the poll, the sync lock, and conflicts the hub
// announces (card.flagged) recorded as notices for staff.
#include "core/SyncJson.h"
#include "store/BookingRepository.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/StoreTestSupport.h"
#include "store/SyncNoticeRepository.h"
#include "store/VenueRepository.h"
#include "sync/SyncEngine.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QTcpServer>
#include <QTest>

#include "FaultProxy.h"
#include "SyncTestSupport.h"

using namespace gymgate;
using namespace synctest;

namespace {

Result<HubCredentials> enrollAt(TestHub &hub, TestDesk &desk, const QString &url, const QString &name)
{
    const QString code = hub.enrollmentCode(name);
    if (code.isEmpty())
        return fail(ErrorCode::Internal, hub.errorText);
    return desk.enrollment().enroll(EnrollmentRequest {url, code, name, QStringLiteral("s-admin")});
}

// A member registered at the desk the way the directory records it: the row and its event in one
// transaction. Returns the member's id.
QString registerMember(Database &db, const QString &memberNo, const QString &phone)
{
    Result<QString> id = db.transaction<QString>([&]() -> Result<QString> {
        Result<Member> member = MemberRepository(db).insert(test::makeMember(memberNo, memberNo, phone));
        if (!member)
            return std::unexpected(member.error());
        OutboxEvent event;
        event.type = QStringLiteral("member.created");
        event.atMs = QDateTime::currentMSecsSinceEpoch();
        event.staff = QStringLiteral("s-admin");
        event.data = syncjson::toJson(*member);
        if (Status queued = Outbox(db).append(event); !queued)
            return std::unexpected(queued.error());
        return member->id;
    });
    return id ? *id : QString();
}

int closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const int port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestSyncEngine : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_hub = std::make_unique<TestHub>();
        QVERIFY2(m_hub->start(), qPrintable(m_hub->errorText));
        m_desk = std::make_unique<TestDesk>();
        QVERIFY2(m_desk->open(), qPrintable(m_desk->errorText));
    }

    void cleanup()
    {
        m_desk.reset();
        m_hub.reset();
    }

    void notEnrolledThenOnlineAfterEnrolling()
    {
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QSignalSpy states(&engine, &SyncEngine::statusChanged);
        QVERIFY(engine.start());
        QCOMPARE(engine.status().state, SyncState::NotEnrolled);
        QVERIFY(!states.isEmpty());
        QVERIFY(!engine.runRound()); // nothing to talk to

        QSignalSpy enrolled(&engine, &SyncEngine::enrollFinished);
        engine.enroll(m_hub->url(), m_hub->enrollmentCode(), QStringLiteral("Desk 1"), QStringLiteral("s-admin"));
        QCOMPARE(enrolled.size(), 1);
        QVERIFY2(enrolled.first().at(0).toBool(), qPrintable(enrolled.first().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        const SyncStatus status = engine.status();
        QCOMPARE(status.hubUrl, m_hub->url());
        QVERIFY(!status.deviceId.isEmpty());
        QCOMPARE(status.siteName, QStringLiteral("North"));
        QVERIFY(status.lastSyncMs > 0);
        QCOMPARE(status.offlineSinceMs, 0);
        QVERIFY(status.lastError.isEmpty());
        QVERIFY(status.cursor > 0); // the site and the keys came with the first pull
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);
    }

    void startsOnlineAndPushesWithinTheWatchInterval()
    {
        QVERIFY(enrollAt(*m_hub, *m_desk, m_hub->url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QCOMPARE(engine.status().state, SyncState::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);

        QElapsedTimer elapsed;
        elapsed.start();
        const QString memberId
            = registerMember(*m_desk->db, QStringLiteral("M2010000001"), QStringLiteral("13800138001"));
        QVERIFY(!memberId.isEmpty());
        const QString onHub = QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(memberId);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->count(onHub), 1, 5000);
        QVERIFY2(elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().queueLength, 0, 3000);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
    }

    void hubChangeArrivesThroughTheHint()
    {
        QVERIFY(enrollAt(*m_hub, *m_desk, m_hub->url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);
        QSignalSpy rounds(&engine, &SyncEngine::roundFinished);

        const HubReply created = m_hub->process.call("POST", QStringLiteral("/api/v1/members/register"),
            QJsonObject {{QStringLiteral("phone"), QStringLiteral("13900139002")},
                {QStringLiteral("name"), QStringLiteral("Hub Member")}},
            m_hub->adminToken);
        const QString memberId = dataOf(created).value(QStringLiteral("id")).toString();
        QVERIFY2(!memberId.isEmpty(), qPrintable(describe(created)));
        QElapsedTimer elapsed;
        elapsed.start();
        const QString here = QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(memberId);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->value(here).toInt(), 1, 5000);
        QVERIFY(elapsed.elapsed() < fastEngineOptions(*m_desk).pollIntervalMs);
        QVERIFY(!rounds.isEmpty());
        QCOMPARE(m_desk->value(QStringLiteral("SELECT name FROM member WHERE id = '%1'").arg(memberId)).toString(),
            QStringLiteral("Hub Member"));
    }

    void offlineWithBackoffThenBackOnline()
    {
        FaultProxy proxy(m_hub->port());
        QVERIFY(proxy.isListening());
        QVERIFY(enrollAt(*m_hub, *m_desk, proxy.url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);

        // The hub goes away: every connection to its address is refused.
        proxy.setTargetPort(closedPort());
        proxy.dropConnections();
        QVERIFY(m_hub->restart()); // really stopped and started again on its database, on a new port
        QSignalSpy rounds(&engine, &SyncEngine::roundFinished);
        QStringList members;
        for (int i = 0; i < 3; ++i)
            members.append(registerMember(
                *m_desk->db, QStringLiteral("M201000001%1").arg(i), QStringLiteral("1380013801%1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Offline, 5000);
        const SyncStatus offline = engine.status();
        QVERIFY(offline.offlineSinceMs > 0);
        QVERIFY(!offline.lastError.isEmpty());
        QVERIFY(offline.nextAttemptMs >= offline.offlineSinceMs);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().queueLength, 3, 3000);

        // It keeps trying, the outage keeps its start, and the waits grow (capped at 1 s here).
        QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 4, 10000);
        for (const QList<QVariant> &round : rounds)
            QVERIFY(!round.at(0).toBool());
        QCOMPARE(engine.status().offlineSinceMs, offline.offlineSinceMs);
        QCOMPARE(engine.status().state, SyncState::Offline);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 3);
        QVERIFY(m_desk->value(QStringLiteral("SELECT min(attempts) FROM outbox")).toInt() >= 1);

        // Back: the next retry gets through and the queue drains.
        proxy.setTargetPort(m_hub->port());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().queueLength, 0, 5000);
        QCOMPARE(engine.status().offlineSinceMs, 0);
        QVERIFY(engine.status().lastError.isEmpty());
        for (const QString &id : members)
            QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(id)), 1);
    }

    void manualOfflineSendsNothing()
    {
        FaultProxy proxy(m_hub->port());
        QVERIFY(enrollAt(*m_hub, *m_desk, proxy.url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);

        engine.setManualOffline(true);
        QCOMPARE(engine.status().state, SyncState::Paused);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.status().realtime, 3000);
        proxy.resetCounters();
        const QString memberId
            = registerMember(*m_desk->db, QStringLiteral("M2010000020"), QStringLiteral("13800138020"));
        engine.syncNow(); // refused while paused
        QTest::qWait(1500); // fifteen watch intervals: long enough for a push that must not happen
        QCOMPARE(proxy.connections(), 0);
        QCOMPARE(m_hub->count(QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(memberId)), 0);
        QCOMPARE(engine.status().state, SyncState::Paused);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().queueLength, 1, 2000);

        engine.setManualOffline(false);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_hub->count(QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(memberId)), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 5000);
    }

    void secondEngineIsRefusedByTheLock()
    {
        QVERIFY(enrollAt(*m_hub, *m_desk, m_hub->url(), QStringLiteral("Desk 1")));
        SyncEngine first(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(first.start());
        QTRY_COMPARE_WITH_TIMEOUT(first.status().state, SyncState::Online, 10000);

        SyncEngineOptions retrying = fastEngineOptions(*m_desk);
        retrying.lockRetryMs = 200;
        SyncEngine second(retrying, m_clock);
        QSignalSpy rounds(&second, &SyncEngine::roundFinished);
        const Status started = second.start();
        QVERIFY(!started);
        QCOMPARE(started.error().code, ErrorCode::Conflict);
        QCOMPARE(second.status().state, SyncState::Standby);
        QCOMPARE(second.status().lastError, QStringLiteral("Another GymGate process syncs this database."));
        const QString memberId
            = registerMember(*m_desk->db, QStringLiteral("M2010000030"), QStringLiteral("13800138030"));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_hub->count(QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(memberId)), 1, 5000);
        QCOMPARE(rounds.size(), 0);
        QVERIFY(!second.runRound());

        // Once the first lets go (its process ended), the second takes over by itself.
        first.stop();
        QTRY_COMPARE_WITH_TIMEOUT(second.status().state, SyncState::Online, 10000);
        QVERIFY(!rounds.isEmpty());
    }

    void overdrawnCardBecomesANotice()
    {
        QVERIFY(enrollAt(*m_hub, *m_desk, m_hub->url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QSignalSpy notices(&engine, &SyncEngine::noticesChanged);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);
        const Kiosk kiosk = enrollKiosk();
        QVERIFY(!kiosk.token.isEmpty());

        // The desk sells a count card with one visit left and lets the member in; a kiosk of the
        // same chain, offline at the time, let the same member in on the same visit.
        const MemberCard card = sellLastVisitAndEnter();
        QVERIFY(!card.id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_hub->count(QStringLiteral("SELECT visits_left FROM member_card WHERE id = '%1'").arg(card.id)), 0, 5000);
        QVERIFY(kioskEnters(kiosk, card));

        const QString notice = QStringLiteral(
            "SELECT count(*) FROM sync_notice WHERE kind = 'card_overdrawn' AND entity = 'card' AND entity_id = '%1'")
                                   .arg(card.id);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->value(notice).toInt(), 1, 5000);
        QVERIFY(!notices.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().openNotices, 1, 3000);
        QVERIFY(m_desk->value(QStringLiteral("SELECT message FROM sync_notice")).toString().contains(card.cardNo));
        // The pulled card shows the hub's counter.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_desk->value(QStringLiteral("SELECT visits_left FROM member_card WHERE id = '%1'").arg(card.id)).toInt(),
            -1, 5000);
        // The highest notification seen is kept for the resume after a reconnect.
        QVERIFY(
            m_desk->value(QStringLiteral("SELECT value FROM sync_state WHERE key = 'notify.seq'")).toLongLong() > 0);
    }

    void notificationMissedWhileDisconnectedIsResumed()
    {
        FaultProxy proxy(m_hub->port());
        QVERIFY(enrollAt(*m_hub, *m_desk, proxy.url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);
        const Kiosk kiosk = enrollKiosk();
        const MemberCard card = sellLastVisitAndEnter();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_hub->count(QStringLiteral("SELECT visits_left FROM member_card WHERE id = '%1'").arg(card.id)), 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_desk->value(QStringLiteral("SELECT value FROM sync_state WHERE key = 'notify.seq'")).isValid(), 3000);

        // The desk loses the hub; meanwhile the kiosk overdraws the card and the hub announces it.
        proxy.setMode(FaultProxy::Mode::Refuse);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.status().realtime, 5000);
        QVERIFY(kioskEnters(kiosk, card));
        QTRY_VERIFY_WITH_TIMEOUT(m_hub->count(QStringLiteral("SELECT count(*) FROM hub_notification")) > 0, 3000);
        const QString notice
            = QStringLiteral("SELECT count(*) FROM sync_notice WHERE kind = 'card_overdrawn' AND entity_id = '%1'")
                  .arg(card.id);
        QCOMPARE(m_desk->value(notice).toInt(), 0);

        // Back: the socket reconnects and asks for what it missed.
        proxy.setMode(FaultProxy::Mode::Pass);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->value(notice).toInt(), 1, 5000);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT value FROM sync_state WHERE key = 'notify.seq'")).toLongLong(),
            m_hub->count(QStringLiteral("SELECT max(seq) FROM hub_notification")));
    }

    void rejectedBookingBecomesANotice()
    {
        QVERIFY(enrollAt(*m_hub, *m_desk, m_hub->url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);
        const Kiosk kiosk = enrollKiosk();

        // A court and a member, known to the hub.
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        Member member;
        Venue court;
        QVERIFY(m_desk->db->transaction([&]() -> Status {
            Result<Member> added = MemberRepository(*m_desk->db)
                                       .insert(test::makeMember(QStringLiteral("M2010000060"),
                                           QStringLiteral("Zhao Lei"), QStringLiteral("13800138060")));
            if (!added)
                return std::unexpected(added.error());
            member = *added;
            Result<Venue> venue = VenueRepository(*m_desk->db)
                                      .insert(test::makeVenue(QStringLiteral("Court 1"), VenueKind::Court), nowMs);
            if (!venue)
                return std::unexpected(venue.error());
            court = *venue;
            Outbox outbox(*m_desk->db);
            if (Status queued = outbox.append(
                    OutboxEvent {{}, QStringLiteral("member.created"), nowMs, {}, {}, syncjson::toJson(member)});
                !queued)
                return queued;
            return outbox.append(
                OutboxEvent {{}, QStringLiteral("venue.created"), nowMs, {}, {}, syncjson::toJson(court)});
        }));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_hub->count(QStringLiteral("SELECT count(*) FROM venue WHERE id = '%1'").arg(court.id)), 1, 5000);

        // The kiosk booked the court first; the desk, offline, booked the same hour.
        const qint64 startMs = nowMs + 86'400'000;
        Booking first {QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("B9990000001"), member.id,
            court.id, {}, startMs, startMs + 3'600'000, BookingStatus::Booked, {}, nowMs};
        const QJsonObject event {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("type"), QStringLiteral("booking.created")}, {QStringLiteral("at"), nowMs},
            {QStringLiteral("device"), kiosk.id}, {QStringLiteral("staff"), QString()},
            {QStringLiteral("data"), syncjson::toJson(first)}};
        const HubReply pushed = m_hub->process.call("POST", QStringLiteral("/api/v1/sync/events"),
            QJsonObject {{QStringLiteral("events"), QJsonArray {event}}}, kiosk.token);
        QVERIFY2(
            dataOf(pushed).value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("status"))
                == QStringLiteral("ok"),
            qPrintable(describe(pushed)));
        Booking second {QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("B2010000001"), member.id,
            court.id, {}, startMs + 1'800'000, startMs + 5'400'000, BookingStatus::Booked, {}, nowMs};
        QVERIFY(m_desk->db->transaction([&]() -> Status {
            if (Result<Booking> stored = BookingRepository(*m_desk->db).insert(second); !stored)
                return std::unexpected(stored.error());
            return Outbox(*m_desk->db)
                .append(OutboxEvent {{}, QStringLiteral("booking.created"), nowMs, {}, {}, syncjson::toJson(second)});
        }));

        const QString notice = QStringLiteral("SELECT count(*) FROM sync_notice WHERE kind = 'booking_rejected' AND "
                                              "entity = 'booking' AND entity_id = '%1'")
                                   .arg(second.id);
        QTRY_COMPARE_WITH_TIMEOUT(m_desk->value(notice).toInt(), 1, 5000);
        QVERIFY(m_desk->value(QStringLiteral("SELECT message FROM sync_notice WHERE entity_id = '%1'").arg(second.id))
                    .toString()
                    .contains(second.bookingNo));
        // The hub's verdict is pulled too: the booking stays, as rejected.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_desk->value(QStringLiteral("SELECT status FROM booking WHERE id = '%1'").arg(second.id)).toString(),
            QStringLiteral("rejected"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().deadLetters, 1, 3000); // the refused event, for staff
    }

    // A page the desk cannot apply (a malformed change) stops the pull with that error and is
    // retried with backoff, never in a tight loop, until the hub serves a good one.
    void malformedPageIsRetriedUntilFixed()
    {
        QVERIFY(enrollAt(*m_hub, *m_desk, m_hub->url(), QStringLiteral("Desk 1")));
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(engine.status().realtime, 5000);
        const qint64 cursor = engine.status().cursor;

        Member member
            = test::makeMember(QStringLiteral("M9000000001"), QStringLiteral("Fixed"), QStringLiteral("13800138090"));
        member.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 seq = writeHub(QStringLiteral("INSERT INTO change_log (entity, entity_id, op, data, at) "
                                                   "VALUES ('member', '%1', 'upsert', '{\"id\":\"%1\"}', '%2')")
                                        .arg(member.id, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
        QVERIFY(seq > cursor);
        QSignalSpy rounds(&engine, &SyncEngine::roundFinished);
        engine.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Offline, 5000);
        QVERIFY(!engine.status().lastError.isEmpty());
        QTest::qWait(1500);
        // Retried, but with growing waits (100 ms .. 1 s): a handful of rounds, not hundreds.
        QVERIFY2(rounds.size() >= 2 && rounds.size() <= 12, qPrintable(QString::number(rounds.size())));
        for (const QList<QVariant> &round : rounds)
            QVERIFY(!round.at(0).toBool());
        QCOMPARE(engine.status().cursor, cursor); // nothing of the page was taken

        const QString data = QString::fromUtf8(QJsonDocument(syncjson::toJson(member)).toJson(QJsonDocument::Compact));
        QVERIFY(writeHub(QStringLiteral("UPDATE change_log SET data = '%1' WHERE seq = %2").arg(data).arg(seq)) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 5000);
        QVERIFY(engine.status().cursor >= seq);
        QCOMPARE(m_desk->value(QStringLiteral("SELECT name FROM member WHERE id = '%1'").arg(member.id)).toString(),
            QStringLiteral("Fixed"));
    }

    void revokedDeviceGoesOffline()
    {
        const Result<HubCredentials> enrolled = enrollAt(*m_hub, *m_desk, m_hub->url(), QStringLiteral("Desk 1"));
        QVERIFY(enrolled);
        SyncEngine engine(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Online, 10000);

        const HubReply revoked
            = m_hub->process.call("POST", QStringLiteral("/api/v1/devices/%1/revoke").arg(enrolled->deviceId),
                QJsonValue::Undefined, m_hub->adminToken);
        QVERIFY2(revoked.status == 200, qPrintable(describe(revoked)));
        registerMember(*m_desk->db, QStringLiteral("M2010000070"), QStringLiteral("13800138070"));
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().state, SyncState::Offline, 5000);
        QVERIFY(!engine.status().lastError.isEmpty());
        QCOMPARE(m_desk->value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 1); // kept for later
    }

    // The desk's SyncControl: the engine on its own thread, commands queued to it, status cached.
    void serviceEnrollsNoticesAndLeaves()
    {
        Database &db = *m_desk->db;
        auto service = std::make_unique<SyncService>(fastEngineOptions(*m_desk), db, m_clock);
        QSignalSpy states(service.get(), &SyncControl::statusChanged);
        service->start();
        QTRY_COMPARE_WITH_TIMEOUT(service->status().state, SyncState::NotEnrolled, 5000);

        QSignalSpy tested(service.get(), &SyncControl::testFinished);
        service->testConnection(m_hub->url());
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 10000);
        QVERIFY(tested.first().at(0).toBool());
        QVERIFY(!tested.first().at(2).toString().isEmpty()); // the hub's version
        service->testConnection(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 2, 10000);
        QVERIFY(!tested.last().at(0).toBool());
        QVERIFY(!tested.last().at(1).toString().isEmpty());

        QSignalSpy enrolled(service.get(), &SyncControl::enrollFinished);
        QSignalSpy trust(service.get(), &SyncControl::trustChanged);
        service->enroll(
            m_hub->url(), QStringLiteral("WRONG-CODE-0000-0000"), QStringLiteral("Desk 1"), QStringLiteral("s-admin"));
        QTRY_COMPARE_WITH_TIMEOUT(enrolled.size(), 1, 10000);
        QVERIFY(!enrolled.first().at(0).toBool());
        QVERIFY(!enrolled.first().at(1).toString().isEmpty());
        service->enroll(m_hub->url(), m_hub->enrollmentCode(), QStringLiteral("Desk 1"), QStringLiteral("s-admin"));
        QTRY_COMPARE_WITH_TIMEOUT(enrolled.size(), 2, 10000);
        QVERIFY2(enrolled.last().at(0).toBool(), qPrintable(enrolled.last().at(1).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(service->status().state, SyncState::Online, 10000);
        QVERIFY(!trust.isEmpty());
        QCOMPARE(service->status().siteName, QStringLiteral("North"));

        // A notice for staff: listed, acknowledged once (audited), then no longer open.
        SyncNotice notice;
        notice.kind = SyncNoticeKind::PullConflict;
        notice.entity = QStringLiteral("member");
        notice.entityId = QStringLiteral("m-1");
        notice.message = QStringLiteral("Phone already used");
        notice.createdAtMs = m_clock.nowMs();
        QVERIFY(SyncNoticeRepository(db).record(notice));
        const QList<SyncNotice> open = test::take(service->notices(false, 10));
        QCOMPARE(open.size(), 1);
        QSignalSpy noticesChanged(service.get(), &SyncControl::noticesChanged);
        QVERIFY(service->acknowledgeNotice(open.first().id, QStringLiteral("s-admin")));
        QCOMPARE(noticesChanged.size(), 1);
        QCOMPARE(
            service->acknowledgeNotice(open.first().id, QStringLiteral("s-admin")).error().code, ErrorCode::Conflict);
        QCOMPARE(test::take(service->notices(false, 10)).size(), 0);
        QCOMPARE(test::take(service->notices(true, 10)).size(), 1);
        QCOMPARE(
            m_desk->value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.notice_ack'")).toInt(),
            1);
        QTRY_COMPARE_WITH_TIMEOUT(service->status().openNotices, 0, 3000);

        // A refused event: discarded by staff, audited, gone.
        QVERIFY(db.transaction([&]() -> Status {
            return Outbox(db).append(OutboxEvent {{}, QStringLiteral("card.sold"), m_clock.nowMs(), {}, {},
                QJsonObject {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)}}});
        }));
        QTRY_COMPARE_WITH_TIMEOUT(service->status().deadLetters, 1, 5000);
        const QList<SyncDeadLetter> letters = test::take(service->deadLetters(10));
        QCOMPARE(letters.size(), 1);
        QVERIFY(!letters.first().reason.isEmpty());
        QVERIFY(service->discardDeadLetter(letters.first().seq, QStringLiteral("s-admin")));
        QCOMPARE(service->discardDeadLetter(letters.first().seq, QStringLiteral("s-admin")).error().code,
            ErrorCode::NotFound);
        QCOMPARE(test::take(service->deadLetters(10)).size(), 0);
        QCOMPARE(
            m_desk->value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'sync.dead_letter_discard'"))
                .toInt(),
            1);
        QTRY_COMPARE_WITH_TIMEOUT(service->status().deadLetters, 0, 3000);

        // Paused and resumed through the service.
        service->setManualOffline(true);
        QTRY_COMPARE_WITH_TIMEOUT(service->status().state, SyncState::Paused, 3000);
        service->setManualOffline(false);
        QTRY_COMPARE_WITH_TIMEOUT(service->status().state, SyncState::Online, 5000);

        // Leaving the hub: not enrolled, the credentials gone, local data kept.
        QVERIFY(service->unenroll(QStringLiteral("s-admin")));
        QCOMPARE(service->status().state, SyncState::NotEnrolled);
        QVERIFY(!QFile::exists(m_desk->credentialsPath));
        QVERIFY(!states.isEmpty());
        service.reset(); // joins the thread
    }

    // Destroying the service while a request hangs does not wait for the hub nor crash.
    void serviceStopsDuringAStalledRound()
    {
        FaultProxy proxy(m_hub->port());
        QVERIFY(enrollAt(*m_hub, *m_desk, proxy.url(), QStringLiteral("Desk 1")));
        SyncEngineOptions options = fastEngineOptions(*m_desk);
        options.requestTimeoutMs = 20000;
        auto service = std::make_unique<SyncService>(options, *m_desk->db, m_clock);
        service->start();
        QTRY_COMPARE_WITH_TIMEOUT(service->status().state, SyncState::Online, 10000);
        proxy.setMode(FaultProxy::Mode::Stall);
        registerMember(*m_desk->db, QStringLiteral("M2010000080"), QStringLiteral("13800138080"));
        QTRY_VERIFY_WITH_TIMEOUT(proxy.connections() > 0, 5000); // the push hangs now
        QElapsedTimer elapsed;
        elapsed.start();
        service.reset();
        QVERIFY2(elapsed.elapsed() < 10000, qPrintable(QString::number(elapsed.elapsed())));
        // The lock is free again for the next process.
        SyncEngine next(fastEngineOptions(*m_desk), m_clock);
        QVERIFY(next.start());
    }

private:
    struct Kiosk {
        QString id;
        QString token;
    };

    // A kiosk of the same chain, enrolled over HTTP (no signing key needed for a kiosk).
    Kiosk enrollKiosk()
    {
        const HubReply reply = m_hub->process.call("POST", QStringLiteral("/api/v1/devices/enroll"),
            QJsonObject {{QStringLiteral("code"), m_hub->enrollmentCode(QStringLiteral("Kiosk"))},
                {QStringLiteral("kind"), QStringLiteral("kiosk")}});
        return Kiosk {dataOf(reply).value(QStringLiteral("deviceId")).toString(),
            dataOf(reply).value(QStringLiteral("token")).toString()};
    }

    // A count card with one visit left, sold at the desk, and the member let in with it: all
    // queued for the hub.
    MemberCard sellLastVisitAndEnter()
    {
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        MemberCard card;
        const Status done = m_desk->db->transaction([&]() -> Status {
            Result<Member> member = MemberRepository(*m_desk->db)
                                        .insert(test::makeMember(QStringLiteral("M2010000040"),
                                            QStringLiteral("Li Lei"), QStringLiteral("13800138040")));
            if (!member)
                return std::unexpected(member.error());
            Result<MemberCard> sold
                = MemberCardRepository(*m_desk->db)
                      .insert(test::makeCard(member->id, QStringLiteral("C2010000040"), CardKind::Count, 1));
            if (!sold)
                return std::unexpected(sold.error());
            card = *sold;
            const EntryRecord entry = makeEntry(member->id, card.id, nowMs);
            Outbox outbox(*m_desk->db);
            for (const auto &[type, data] : {std::pair {QStringLiteral("member.created"), syncjson::toJson(*member)},
                     std::pair {QStringLiteral("card.sold"), syncjson::toJson(card)},
                     std::pair {QStringLiteral("entry.passed"), syncjson::toJson(entry)}}) {
                if (Status queued = outbox.append(OutboxEvent {{}, type, nowMs, {}, QStringLiteral("s-admin"), data});
                    !queued)
                    return queued;
            }
            return {};
        });
        return done ? card : MemberCard {};
    }

    // The kiosk's own entry with the same card, pushed straight to the hub.
    bool kioskEnters(const Kiosk &kiosk, const MemberCard &card)
    {
        const qint64 atMs = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject event {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("type"), QStringLiteral("entry.passed")}, {QStringLiteral("at"), atMs},
            {QStringLiteral("device"), kiosk.id}, {QStringLiteral("staff"), QString()},
            {QStringLiteral("data"), syncjson::toJson(makeEntry(card.memberId, card.id, atMs))}};
        const HubReply pushed = m_hub->process.call("POST", QStringLiteral("/api/v1/sync/events"),
            QJsonObject {{QStringLiteral("events"), QJsonArray {event}}}, kiosk.token);
        const QString status = dataOf(pushed)
                                   .value(QStringLiteral("results"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("status"))
                                   .toString();
        if (status != QLatin1String("ok"))
            qWarning("kiosk push: %s", qPrintable(describe(pushed)));
        return status == QLatin1String("ok");
    }

    // A write straight into the running hub's database (what no API would let a test do);
    // returns the last inserted row id, or -1.
    qint64 writeHub(const QString &statement)
    {
        const QString name = QStringLiteral("hub-writer");
        qint64 result = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_hub->databasePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(statement))
                    result = query.lastInsertId().isValid() ? query.lastInsertId().toLongLong() : 0;
                else
                    qWarning("%s", qPrintable(query.lastError().text()));
            }
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }

    static EntryRecord makeEntry(const QString &memberId, const QString &cardId, qint64 atMs)
    {
        EntryRecord entry;
        entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.gateId = QStringLiteral("gate-1");
        entry.zoneId = QStringLiteral("gym");
        entry.direction = Direction::In;
        entry.memberId = memberId;
        entry.cardId = cardId;
        entry.credentialKind = QStringLiteral("card");
        entry.status = EntryStatus::Passed;
        entry.reason = AccessReason::Granted;
        entry.visitsDeducted = 1;
        entry.decidedAtMs = atMs;
        entry.passedAtMs = atMs + 500;
        return entry;
    }

    SystemClock m_clock;
    std::unique_ptr<TestHub> m_hub;
    std::unique_ptr<TestDesk> m_desk;
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
