#include "store/BookingRepository.h"
#include "store/Database.h"
#include "store/EntryRepository.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 kNowMs = 1'750'000'000'000;

} // namespace

class TestEntryLedger : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pendingDeductsVisit();
    void pendingDeductsValue();
    void deniedStoresOnlyTheRow();
    void passUpdatesOccupancyAndBooking();
    void exitNeverDropsOccupancyBelowZero();
    void annulRefundsOnce();
    void finishedEntriesDoNotChangeState();
    void replayedNonceIsConflict();
    void emptyCardCannotGoNegative_data();
    void emptyCardCannotGoNegative();
    void invalidRecordsRefused_data();
    void invalidRecordsRefused();
    void failureMidTransactionLeavesNothing();
    void killMidTransactionLeavesNothing();
    void pendingEntriesAndDeskList();

private:
    EntryRecord pendingEntry(const QString &cardId, int visits = 1, qint64 fen = 0) const;
    int visitsLeft(const QString &cardId) const;
    qint64 balance(const QString &cardId) const;
    int occupancy() const;
    QStringList outboxTypes() const;

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlEntryLedger> m_ledger;
    Member m_member;
    Venue m_zone;
    MemberCard m_countCard;
    MemberCard m_valueCard;
    Booking m_booking;
    int m_round = 0;
};

void TestEntryLedger::init()
{
    m_path = m_dir.filePath(QStringLiteral("ledger-%1.db").arg(++m_round));
    m_db = openDatabase(m_path);
    QVERIFY(m_db);
    m_member = take(MemberRepository(*m_db).insert(
        makeMember(QStringLiteral("M1"), QStringLiteral("Li Na"), QStringLiteral("13800138000"))));
    m_zone = take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Floor")), kNowMs));
    MemberCardRepository cards(*m_db);
    m_countCard = take(cards.insert(makeCard(m_member.id, QStringLiteral("C-count"), CardKind::Count, 10)));
    m_valueCard = take(cards.insert(makeCard(m_member.id, QStringLiteral("C-value"), CardKind::Value, 0, 5000)));
    Booking booking;
    booking.bookingNo = QStringLiteral("B-1");
    booking.memberId = m_member.id;
    booking.venueId = m_zone.id;
    booking.startMs = kNowMs;
    booking.endMs = kNowMs + 3'600'000;
    booking.status = BookingStatus::Booked;
    m_booking = take(BookingRepository(*m_db).insert(booking));
    m_ledger = std::make_unique<SqlEntryLedger>(*m_db);
}

void TestEntryLedger::cleanup()
{
    m_ledger.reset();
    m_db.reset();
}

EntryRecord TestEntryLedger::pendingEntry(const QString &cardId, int visits, qint64 fen) const
{
    EntryRecord entry;
    entry.gateId = QStringLiteral("gate-1");
    entry.zoneId = m_zone.id;
    entry.direction = Direction::In;
    entry.memberId = m_member.id;
    entry.cardId = cardId;
    entry.credentialId = QStringLiteral("a1b2c3d4e5f60718");
    entry.credentialKind = QStringLiteral("token");
    entry.status = EntryStatus::Pending;
    entry.reason = AccessReason::Granted;
    entry.visitsDeducted = visits;
    entry.feeDeductedFen = fen;
    entry.decidedAtMs = kNowMs;
    return entry;
}

int TestEntryLedger::visitsLeft(const QString &cardId) const
{
    return take(MemberCardRepository(*m_db).findById(cardId))->visitsLeft;
}

qint64 TestEntryLedger::balance(const QString &cardId) const
{
    return take(MemberCardRepository(*m_db).findById(cardId))->balanceFen;
}

int TestEntryLedger::occupancy() const
{
    return queryValue(
        *m_db, QStringLiteral("SELECT inside FROM zone_occupancy WHERE zone_id = '") + m_zone.id + QLatin1Char('\''))
        .toInt();
}

QStringList TestEntryLedger::outboxTypes() const
{
    QStringList types;
    Outbox outbox(*m_db);
    for (const OutboxItem &item : take(outbox.peek(100)))
        types.append(item.event.type);
    return types;
}

void TestEntryLedger::pendingDeductsVisit()
{
    const EntryRecord stored = take(m_ledger->recordDecision(pendingEntry(m_countCard.id), true));
    QCOMPARE(stored.id.size(), 36);
    QCOMPARE(visitsLeft(m_countCard.id), 9);
    QCOMPARE(occupancy(), 0); // nothing counted before the passage
    QVERIFY(SqlTrustStore(*m_db).isNonceUsed(QStringLiteral("a1b2c3d4e5f60718")));

    const std::optional<EntryRecord> row = take(EntryRepository(*m_db).findById(stored.id));
    QVERIFY(row);
    QCOMPARE(row->status, EntryStatus::Pending);
    QCOMPARE(row->reason, AccessReason::Granted);
    QCOMPARE(row->visitsDeducted, 1);
    QCOMPARE(row->credentialKind, QStringLiteral("token"));
    QCOMPARE(row->gateId, QStringLiteral("gate-1"));

    const QList<OutboxItem> events = take(Outbox(*m_db).peek(10));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.constFirst().event.type, QStringLiteral("entry.decided"));
    QCOMPARE(events.constFirst().event.atMs, kNowMs);
    const QJsonObject data = events.constFirst().event.data;
    QCOMPARE(data.value(QStringLiteral("id")).toString(), stored.id);
    QCOMPARE(data.value(QStringLiteral("reason")).toString(), QStringLiteral("granted"));
    QCOMPARE(data.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(data.value(QStringLiteral("visitsDeducted")).toInt(), 1);

    EntryRecord withId = pendingEntry(m_countCard.id);
    withId.id = QStringLiteral("caller-chosen-id");
    withId.credentialId = QStringLiteral("ffff");
    QCOMPARE(take(m_ledger->recordDecision(withId, true)).id, QStringLiteral("caller-chosen-id"));
    QCOMPARE(visitsLeft(m_countCard.id), 8);
}

void TestEntryLedger::pendingDeductsValue()
{
    QVERIFY(m_ledger->recordDecision(pendingEntry(m_valueCard.id, 0, 2500), false).has_value());
    QCOMPARE(balance(m_valueCard.id), 2500);
    QVERIFY(!SqlTrustStore(*m_db).isNonceUsed(QStringLiteral("a1b2c3d4e5f60718"))); // card code: reusable
}

void TestEntryLedger::deniedStoresOnlyTheRow()
{
    EntryRecord denied = pendingEntry(QString(), 0);
    denied.status = EntryStatus::Denied;
    denied.reason = AccessReason::CardNoVisits;
    denied.gateId.clear();
    const EntryRecord stored = take(m_ledger->recordDecision(denied, true));
    QCOMPARE(visitsLeft(m_countCard.id), 10);
    QVERIFY(!SqlTrustStore(*m_db).isNonceUsed(denied.credentialId));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT reason FROM entry WHERE id = '") + stored.id + QLatin1Char('\''))
                 .toString(),
        QStringLiteral("card.no_visits"));
    QVERIFY(queryValue(*m_db, QStringLiteral("SELECT gate_id IS NULL FROM entry")).toBool());
    QCOMPARE(outboxTypes(), QStringList {QStringLiteral("entry.decided")});
    // A denied entry is final: it neither passes nor annuls.
    QCOMPARE(m_ledger->confirmPassage(stored.id, kNowMs).error().code, ErrorCode::Conflict);
    QCOMPARE(m_ledger->annul(stored.id, QStringLiteral("x"), kNowMs).error().code, ErrorCode::Conflict);
}

void TestEntryLedger::passUpdatesOccupancyAndBooking()
{
    EntryRecord entry = pendingEntry(m_countCard.id);
    entry.bookingId = m_booking.id;
    const EntryRecord stored = take(m_ledger->recordDecision(entry, true));
    const EntryRecord passed = take(m_ledger->confirmPassage(stored.id, kNowMs + 3000));
    QCOMPARE(passed.status, EntryStatus::Passed);
    QCOMPARE(passed.passedAtMs, kNowMs + 3000);
    QCOMPARE(occupancy(), 1);
    QCOMPARE(take(BookingRepository(*m_db).findById(m_booking.id))->status, BookingStatus::Attended);
    QCOMPARE(visitsLeft(m_countCard.id), 9);
    QCOMPARE(outboxTypes(), (QStringList {QStringLiteral("entry.decided"), QStringLiteral("entry.passed")}));

    // The turnstile reports the same passage twice: nothing changes the second time.
    const EntryRecord again = take(m_ledger->confirmPassage(stored.id, kNowMs + 9000));
    QCOMPARE(again.status, EntryStatus::Passed);
    QCOMPARE(again.passedAtMs, kNowMs + 3000);
    QCOMPARE(occupancy(), 1);
    QCOMPARE(visitsLeft(m_countCard.id), 9);
    QCOMPARE(outboxTypes().size(), 2);
    QCOMPARE(m_ledger->confirmPassage(QStringLiteral("unknown"), kNowMs).error().code, ErrorCode::NotFound);
}

void TestEntryLedger::exitNeverDropsOccupancyBelowZero()
{
    EntryRecord in = pendingEntry(QString(), 0);
    in.credentialId = QStringLiteral("n1");
    const EntryRecord first = take(m_ledger->recordDecision(in, true));
    QVERIFY(m_ledger->confirmPassage(first.id, kNowMs).has_value());
    QCOMPARE(occupancy(), 1);
    for (const QString &nonce : {QStringLiteral("n2"), QStringLiteral("n3")}) {
        EntryRecord out = pendingEntry(QString(), 0);
        out.direction = Direction::Out;
        out.credentialId = nonce;
        const EntryRecord stored = take(m_ledger->recordDecision(out, true));
        QVERIFY(m_ledger->confirmPassage(stored.id, kNowMs).has_value());
    }
    QCOMPARE(occupancy(), 0);
}

void TestEntryLedger::annulRefundsOnce()
{
    EntryRecord entry = pendingEntry(m_countCard.id);
    entry.bookingId = m_booking.id;
    const EntryRecord stored = take(m_ledger->recordDecision(entry, true));
    QCOMPARE(visitsLeft(m_countCard.id), 9);
    const EntryRecord annulled = take(m_ledger->annul(stored.id, QStringLiteral("pass timeout"), kNowMs + 8000));
    QCOMPARE(annulled.status, EntryStatus::Annulled);
    QCOMPARE(annulled.annulledAtMs, kNowMs + 8000);
    QCOMPARE(annulled.note, QStringLiteral("pass timeout"));
    QCOMPARE(visitsLeft(m_countCard.id), 10);
    QCOMPARE(occupancy(), 0);
    QCOMPARE(take(BookingRepository(*m_db).findById(m_booking.id))->status, BookingStatus::Booked);
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT annul_reason FROM entry")).toString(), QStringLiteral("pass timeout"));
    const QList<OutboxItem> events = take(Outbox(*m_db).peek(10));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.constLast().event.type, QStringLiteral("entry.annulled"));
    QCOMPARE(
        events.constLast().event.data.value(QStringLiteral("annulReason")).toString(), QStringLiteral("pass timeout"));
    QCOMPARE(events.constLast().event.data.value(QStringLiteral("status")).toString(), QStringLiteral("annulled"));

    QCOMPARE(
        take(m_ledger->annul(stored.id, QStringLiteral("interrupted"), kNowMs + 9000)).annulledAtMs, kNowMs + 8000);
    QCOMPARE(visitsLeft(m_countCard.id), 10); // refunded once
    QCOMPARE(outboxTypes().size(), 2);
    // The token stays spent: an annulled entry does not make the code valid again.
    QVERIFY(SqlTrustStore(*m_db).isNonceUsed(entry.credentialId));

    EntryRecord value = pendingEntry(m_valueCard.id, 0, 2500);
    value.credentialId = QStringLiteral("other");
    const EntryRecord valueEntry = take(m_ledger->recordDecision(value, false));
    QCOMPARE(balance(m_valueCard.id), 2500);
    QVERIFY(m_ledger->annul(valueEntry.id, QStringLiteral("gate fault"), kNowMs).has_value());
    QCOMPARE(balance(m_valueCard.id), 5000);
}

void TestEntryLedger::finishedEntriesDoNotChangeState()
{
    const EntryRecord passed = take(m_ledger->recordDecision(pendingEntry(m_countCard.id), true));
    QVERIFY(m_ledger->confirmPassage(passed.id, kNowMs).has_value());
    QCOMPARE(m_ledger->annul(passed.id, QStringLiteral("late"), kNowMs).error().code, ErrorCode::Conflict);
    QCOMPARE(visitsLeft(m_countCard.id), 9); // no refund after a passage

    EntryRecord second = pendingEntry(m_countCard.id);
    second.credentialId = QStringLiteral("second");
    const EntryRecord annulled = take(m_ledger->recordDecision(second, true));
    QVERIFY(m_ledger->annul(annulled.id, QStringLiteral("timeout"), kNowMs).has_value());
    QCOMPARE(m_ledger->confirmPassage(annulled.id, kNowMs).error().code, ErrorCode::Conflict);
    QCOMPARE(occupancy(), 1);
    QCOMPARE(outboxTypes().size(), 4);
}

void TestEntryLedger::replayedNonceIsConflict()
{
    QVERIFY(m_ledger->recordDecision(pendingEntry(m_countCard.id), true).has_value());
    const Result<EntryRecord> replay = m_ledger->recordDecision(pendingEntry(m_countCard.id), true);
    QVERIFY(!replay.has_value());
    QCOMPARE(replay.error().code, ErrorCode::Conflict);
    QCOMPARE(replay.error().field, QStringLiteral("credentialId"));
    QCOMPARE(rowCount(*m_db, QStringLiteral("entry")), 1);
    QCOMPARE(visitsLeft(m_countCard.id), 9);
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 1);
}

void TestEntryLedger::emptyCardCannotGoNegative_data()
{
    QTest::addColumn<bool>("valueCard");
    QTest::addColumn<int>("visits");
    QTest::addColumn<qint64>("fen");
    QTest::newRow("count card at zero") << false << 1 << qint64(0);
    QTest::newRow("value card short") << true << 0 << qint64(6000);
}

void TestEntryLedger::emptyCardCannotGoNegative()
{
    QFETCH(bool, valueCard);
    QFETCH(int, visits);
    QFETCH(qint64, fen);
    MemberCard card = valueCard ? m_valueCard : m_countCard;
    // The policy saw a usable card, then a concurrent entry spent it: the guard must hold.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE member_card SET visits_left = 0")).has_value());
    const Result<EntryRecord> result = m_ledger->recordDecision(pendingEntry(card.id, visits, fen), true);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Conflict);
    QCOMPARE(result.error().field, QStringLiteral("cardId"));
    QCOMPARE(visitsLeft(card.id), 0);
    QCOMPARE(balance(card.id), card.balanceFen);
    QCOMPARE(rowCount(*m_db, QStringLiteral("entry")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("used_nonce")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 0);
}

void TestEntryLedger::invalidRecordsRefused_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("field");
    QTest::newRow("passed status") << 0 << QStringLiteral("status");
    QTest::newRow("no zone") << 1 << QStringLiteral("zoneId");
    QTest::newRow("no direction") << 2 << QStringLiteral("direction");
    QTest::newRow("no reason") << 3 << QStringLiteral("reason");
    QTest::newRow("negative deduction") << 4 << QStringLiteral("visitsDeducted");
    QTest::newRow("charge without card") << 5 << QStringLiteral("cardId");
}

void TestEntryLedger::invalidRecordsRefused()
{
    QFETCH(int, variant);
    QFETCH(QString, field);
    EntryRecord entry = pendingEntry(m_countCard.id);
    switch (variant) {
    case 0:
        entry.status = EntryStatus::Passed;
        break;
    case 1:
        entry.zoneId.clear();
        break;
    case 2:
        entry.direction = Direction::Invalid;
        break;
    case 3:
        entry.reason = AccessReason::Invalid;
        break;
    case 4:
        entry.visitsDeducted = -1;
        break;
    default:
        entry.cardId.clear();
        break;
    }
    const Result<EntryRecord> result = m_ledger->recordDecision(entry, true);
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(result.error().field, field);
    QCOMPARE(rowCount(*m_db, QStringLiteral("entry")), 0);
    QCOMPARE(visitsLeft(m_countCard.id), 10);
}

void TestEntryLedger::failureMidTransactionLeavesNothing()
{
    // The outbox insert is the last write of the call; make it fail after everything else ran.
    QVERIFY(m_db->exec(QStringLiteral("CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox "
                                      "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"))
                .has_value());
    const Result<EntryRecord> result = m_ledger->recordDecision(pendingEntry(m_countCard.id), true);
    QVERIFY(!result.has_value());
    QCOMPARE(rowCount(*m_db, QStringLiteral("entry")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("used_nonce")), 0);
    QCOMPARE(visitsLeft(m_countCard.id), 10);
    QVERIFY(!m_db->inTransaction());

    QVERIFY(m_db->exec(QStringLiteral("DROP TRIGGER outbox_fails")).has_value());
    const EntryRecord stored = take(m_ledger->recordDecision(pendingEntry(m_countCard.id), true));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox "
                                      "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"))
                .has_value());
    QVERIFY(!m_ledger->confirmPassage(stored.id, kNowMs).has_value());
    QCOMPARE(occupancy(), 0);
    QCOMPARE(take(EntryRepository(*m_db).findById(stored.id))->status, EntryStatus::Pending);
    QVERIFY(!m_ledger->annul(stored.id, QStringLiteral("x"), kNowMs).has_value());
    QCOMPARE(visitsLeft(m_countCard.id), 9);
    QCOMPARE(take(EntryRepository(*m_db).findById(stored.id))->status, EntryStatus::Pending);
}

void TestEntryLedger::killMidTransactionLeavesNothing()
{
    const QString cardId = m_countCard.id;
    cleanup(); // the child process gets the file to itself
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        // Child: write an entry inside a transaction and die before the commit, as a power cut would.
        std::unique_ptr<Database> db = openDatabase(m_path);
        if (!db)
            _exit(3);
        SqlEntryLedger ledger(*db);
        const Status started = db->transaction([&]() -> Status {
            if (Result<EntryRecord> stored = ledger.recordDecision(pendingEntry(cardId), true); !stored)
                _exit(4);
            _exit(0); // killed with the transaction open
        });
        _exit(started ? 5 : 6);
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);

    m_db = openDatabase(m_path);
    QVERIFY(m_db);
    QCOMPARE(rowCount(*m_db, QStringLiteral("entry")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("used_nonce")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 0);
    QCOMPARE(visitsLeft(cardId), 10);
    QCOMPARE(take(m_db->integrityCheck()), QStringLiteral("ok"));
    m_ledger = std::make_unique<SqlEntryLedger>(*m_db);
    QVERIFY(m_ledger->recordDecision(pendingEntry(cardId), true).has_value()); // the nonce was never burnt
}

void TestEntryLedger::pendingEntriesAndDeskList()
{
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        EntryRecord entry = pendingEntry(m_countCard.id);
        entry.credentialId = QStringLiteral("nonce-%1").arg(i);
        entry.decidedAtMs = kNowMs + i * 1000;
        ids.append(take(m_ledger->recordDecision(entry, true)).id);
    }
    EntryRecord denied = pendingEntry(QString(), 0);
    denied.status = EntryStatus::Denied;
    denied.reason = AccessReason::MemberBlocked;
    denied.decidedAtMs = kNowMs + 5000;
    QVERIFY(m_ledger->recordDecision(denied, false).has_value());
    QVERIFY(m_ledger->confirmPassage(ids.at(1), kNowMs + 1500).has_value());

    const QList<EntryRecord> pending = take(m_ledger->pendingEntries());
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).id, ids.at(0));
    QCOMPARE(pending.at(1).id, ids.at(2));

    EntryRepository entries(*m_db);
    const QList<EntryRecord> all = take(entries.listForMember(m_member.id, kNowMs, kNowMs + 10'000));
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.constFirst().reason, AccessReason::MemberBlocked); // newest first
    QCOMPARE(take(entries.listRange(kNowMs + 1000, kNowMs + 3000)).size(), 2);
    EntryFilter filter;
    filter.fromMs = kNowMs;
    filter.status = EntryStatus::Passed;
    const QList<EntryRecord> passed = take(entries.list(filter));
    QCOMPARE(passed.size(), 1);
    QCOMPARE(passed.constFirst().passedAtMs, kNowMs + 1500);
    filter.status = EntryStatus::Invalid;
    filter.limit = 1;
    QCOMPARE(take(entries.list(filter)).size(), 1);
}

QTEST_GUILESS_MAIN(TestEntryLedger)
#include "tst_entryledger.moc"
