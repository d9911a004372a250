// ChangeApplier against real SQLite files: every entity upserted and deleted, pages refused whole,
// conflicts recorded as notices, the cursor stored with its page.
#include "core/Clock.h"
#include "core/SigningKey.h"
#include "core/SyncJson.h"
#include "store/Database.h"
#include "store/MemberRepository.h"
#include "store/SqlTrustStore.h"
#include "store/StaffRepository.h"
#include "store/StoreTestSupport.h"
#include "store/SyncNoticeRepository.h"
#include "sync/ChangeApplier.h"
#include "sync/SyncTestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 kNowMs = 1'765'000'000'000;
const QString kOwnSite = QStringLiteral("site-own");

QJsonObject change(qint64 seq, const QString &entity, const QString &id, const QJsonObject &data)
{
    return {{QStringLiteral("seq"), seq}, {QStringLiteral("entity"), entity}, {QStringLiteral("id"), id},
        {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("data"), data}};
}

QJsonObject removal(qint64 seq, const QString &entity, const QString &id)
{
    return {{QStringLiteral("seq"), seq}, {QStringLiteral("entity"), entity}, {QStringLiteral("id"), id},
        {QStringLiteral("op"), QStringLiteral("delete")}, {QStringLiteral("data"), QJsonObject()}};
}

QByteArray phoneHash(const QString &phone)
{
    return QCryptographicHash::hash(phone.toUtf8(), QCryptographicHash::Sha256);
}

QJsonObject memberJson(const QString &id, const QString &memberNo, const QString &phone, const QString &name = {})
{
    Member member;
    member.id = id;
    member.memberNo = memberNo;
    member.name = name.isEmpty() ? QStringLiteral("Member ") + memberNo : name;
    member.phoneCipher = QByteArray("cipher:") + phone.toUtf8();
    member.phoneHash = phoneHash(phone);
    member.phoneMask = phone.left(3) + QStringLiteral("****") + phone.right(4);
    member.gender = Gender::Female;
    member.birthday = QDate(1991, 2, 3);
    member.preferredLanguage = QStringLiteral("en");
    member.status = MemberStatus::Active;
    member.createdAtMs = kNowMs - 1000;
    member.updatedAtMs = kNowMs - 500;
    QJsonObject json = syncjson::toJson(member);
    json.insert(QStringLiteral("siteId"), QStringLiteral("site-other"));
    return json;
}

QJsonObject productJson(const QString &id)
{
    CardProduct product;
    product.id = id;
    product.name = QStringLiteral("Ten visits");
    product.kind = CardKind::Count;
    product.priceFen = 50000;
    product.visits = 10;
    product.validDays = 365;
    return syncjson::toJson(product);
}

QJsonObject cardJson(const QString &id, const QString &cardNo, const QString &memberId, const QString &productId = {})
{
    MemberCard card;
    card.id = id;
    card.cardNo = cardNo;
    card.memberId = memberId;
    card.productId = productId;
    card.name = QStringLiteral("Ten visits");
    card.kind = CardKind::Count;
    card.status = CardStatus::Active;
    card.validFromMs = kNowMs - 86'400'000;
    card.validToMs = kNowMs + 86'400'000;
    card.visitsLeft = 7;
    card.zoneIds = {QStringLiteral("v1")};
    card.createdAtMs = kNowMs - 86'400'000;
    return syncjson::toJson(card);
}

QJsonObject venueJson(const QString &id, const QString &name = QStringLiteral("Studio A"))
{
    Venue venue;
    venue.id = id;
    venue.name = name;
    venue.kind = VenueKind::Studio;
    venue.capacity = 30;
    venue.status = VenueStatus::Open;
    venue.bookingRequired = true;
    venue.advanceDays = 14;
    venue.feePerHourFen = 8000;
    return syncjson::toJson(venue);
}

QJsonObject maintenanceJson(const QString &id, const QString &venueId)
{
    return syncjson::toJson(Maintenance {id, venueId, kNowMs + 3'600'000, kNowMs + 7'200'000, QStringLiteral("Paint")});
}

QJsonObject courseJson(const QString &id, const QString &venueId)
{
    return syncjson::toJson(Course {id, QStringLiteral("Yoga"), venueId, 60, 20});
}

QJsonObject slotJson(const QString &id, const QString &courseId, const QString &venueId)
{
    return syncjson::toJson(CourseSlot {
        id, courseId, venueId, QStringLiteral("Coach Wu"), kNowMs + 86'400'000, kNowMs + 90'000'000, 20, 5});
}

QJsonObject bookingJson(const QString &id, const QString &bookingNo, const QString &memberId, const QString &venueId,
    const QString &slotId, BookingStatus status, const QString &siteId = kOwnSite)
{
    Booking booking;
    booking.id = id;
    booking.bookingNo = bookingNo;
    booking.memberId = memberId;
    booking.venueId = venueId;
    booking.slotId = slotId;
    booking.startMs = kNowMs + 86'400'000;
    booking.endMs = kNowMs + 90'000'000;
    booking.status = status;
    booking.createdAtMs = kNowMs - 100;
    QJsonObject json = syncjson::toJson(booking);
    if (status == BookingStatus::Rejected)
        json.insert(QStringLiteral("reason"), QStringLiteral("booking_conflict"));
    json.insert(QStringLiteral("siteId"), siteId);
    return json;
}

QJsonObject waitlistJson(const QString &id, const QString &memberId, const QString &venueId, const QString &slotId)
{
    WaitlistEntry entry;
    entry.id = id;
    entry.memberId = memberId;
    entry.venueId = venueId;
    entry.slotId = slotId;
    entry.startMs = kNowMs + 86'400'000;
    entry.endMs = kNowMs + 90'000'000;
    entry.position = 2;
    entry.status = WaitlistStatus::Waiting;
    return syncjson::toJson(entry);
}

QByteArray keyBytes(char fill)
{
    return QByteArray(32, fill);
}

QJsonObject trustedKeyJson(const QString &kid, const QByteArray &key)
{
    return {{QStringLiteral("kid"), kid}, {QStringLiteral("publicKey"), QString::fromLatin1(key.toBase64())},
        {QStringLiteral("owner"), QStringLiteral("hub")}, {QStringLiteral("createdAt"), kNowMs - 5000},
        {QStringLiteral("revokedAt"), QJsonValue()}};
}

QJsonObject revocationJson(const QString &id, const QString &memberId)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("memberId"), memberId}, {QStringLiteral("cardId"), QString()},
        {QStringLiteral("kid"), QStringLiteral("hub-1")}, {QStringLiteral("revokedAt"), kNowMs - 10}};
}

QJsonObject staffJson(const QString &id, const QString &username, bool deleted = false)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), QString(QStringLiteral("Hub ") + username)},
        {QStringLiteral("role"), QStringLiteral("staff")}, {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("passwordHash"), QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA")},
        {QStringLiteral("siteId"), QJsonValue()}, {QStringLiteral("deleted"), deleted},
        {QStringLiteral("createdAt"), kNowMs - 9000}, {QStringLiteral("updatedAt"), kNowMs - 8000}};
}

QJsonObject siteJson(const QString &id, const QString &name, const QString &number)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("number"), number},
        {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")}, {QStringLiteral("createdAt"), kNowMs - 9000},
        {QStringLiteral("updatedAt"), kNowMs - 9000}};
}

// One change of every entity, parents first.
QJsonArray everyEntityPage()
{
    return QJsonArray {change(1, QStringLiteral("venue"), QStringLiteral("v1"), venueJson(QStringLiteral("v1"))),
        change(2, QStringLiteral("product"), QStringLiteral("p1"), productJson(QStringLiteral("p1"))),
        change(3, QStringLiteral("member"), QStringLiteral("m1"),
            memberJson(QStringLiteral("m1"), QStringLiteral("M2001"), QStringLiteral("13900000001"))),
        change(4, QStringLiteral("card"), QStringLiteral("c1"),
            cardJson(QStringLiteral("c1"), QStringLiteral("C2001"), QStringLiteral("m1"), QStringLiteral("p1"))),
        change(5, QStringLiteral("maintenance"), QStringLiteral("mt1"),
            maintenanceJson(QStringLiteral("mt1"), QStringLiteral("v1"))),
        change(6, QStringLiteral("course"), QStringLiteral("co1"),
            courseJson(QStringLiteral("co1"), QStringLiteral("v1"))),
        change(7, QStringLiteral("slot"), QStringLiteral("s1"),
            slotJson(QStringLiteral("s1"), QStringLiteral("co1"), QStringLiteral("v1"))),
        change(8, QStringLiteral("booking"), QStringLiteral("b1"),
            bookingJson(QStringLiteral("b1"), QStringLiteral("B2001"), QStringLiteral("m1"), QStringLiteral("v1"),
                QStringLiteral("s1"), BookingStatus::Booked)),
        change(9, QStringLiteral("waitlist"), QStringLiteral("w1"),
            waitlistJson(QStringLiteral("w1"), QStringLiteral("m1"), QStringLiteral("v1"), QStringLiteral("s1"))),
        change(10, QStringLiteral("trusted_key"), QStringLiteral("hub-1"),
            trustedKeyJson(QStringLiteral("hub-1"), keyBytes('k'))),
        change(11, QStringLiteral("revocation"), QStringLiteral("cred-1"),
            revocationJson(QStringLiteral("cred-1"), QStringLiteral("m1"))),
        change(12, QStringLiteral("staff"), QStringLiteral("st1"),
            staffJson(QStringLiteral("st1"), QStringLiteral("hubbob"))),
        change(13, QStringLiteral("site"), kOwnSite,
            siteJson(kOwnSite, QStringLiteral("Riverside"), QStringLiteral("207")))};
}

const QStringList kTables {QStringLiteral("member"), QStringLiteral("member_card"), QStringLiteral("card_product"),
    QStringLiteral("venue"), QStringLiteral("maintenance"), QStringLiteral("course"), QStringLiteral("course_slot"),
    QStringLiteral("booking"), QStringLiteral("waitlist"), QStringLiteral("trusted_key"), QStringLiteral("credential"),
    QStringLiteral("staff_user"), QStringLiteral("setting"), QStringLiteral("sync_state"),
    QStringLiteral("sync_notice"), QStringLiteral("outbox"), QStringLiteral("audit_log")};

} // namespace

class TestChangeApplier : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cursorStartsAtZeroAndIsStored();
    void upsertsEveryEntity();
    void upsertReplacesPulledRows();
    void deletesEveryEntity();
    void malformedChangeRefusesWholePage_data();
    void malformedChangeRefusesWholePage();
    void missingParentFailsAtCommitAndWritesNothing();
    void cardBeforeMemberInOnePage();
    void rejectedBookingRecordsNotice();
    void rejectedBookingOfAnotherSiteIsQuiet();
    void phoneCollisionSkipsMemberAndItsCards();
    void memberNumberCollisionSkipsMember();
    void staffUsernameCollisionAndHubAccounts();
    void trustedKeyAndRevocationReachTrustStore();
    void changedPublicKeyIsAConflict();
    void ownSiteWritesSettings();
    void thousandsOfMembersAndCards();
    void realHubPageApplies();

private:
    ApplyOutcome applyOk(const QJsonArray &changes, qint64 next);
    QMap<QString, qint64> snapshot();
    QVariant value(const QString &sql);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock {kNowMs};
    std::unique_ptr<ChangeApplier> m_applier;
    int m_round = 0;
};

void TestChangeApplier::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("desk-%1.db").arg(++m_round)));
    QVERIFY(m_db);
    m_clock.setNowMs(kNowMs);
    m_applier = std::make_unique<ChangeApplier>(*m_db, m_clock, kOwnSite);
}

void TestChangeApplier::cleanup()
{
    m_applier.reset();
    m_db.reset();
}

ApplyOutcome TestChangeApplier::applyOk(const QJsonArray &changes, qint64 next)
{
    Result<ApplyOutcome> outcome = m_applier->applyPage(changes, next);
    if (!outcome)
        qWarning("applyPage failed: %s", qUtf8Printable(outcome.error().toString()));
    return outcome.value_or(ApplyOutcome {-1, -1, -1, false, false, false, -1});
}

QMap<QString, qint64> TestChangeApplier::snapshot()
{
    QMap<QString, qint64> counts;
    for (const QString &table : kTables)
        counts.insert(table, rowCount(*m_db, table));
    counts.insert(QStringLiteral("cursor"), take(m_applier->cursor()));
    return counts;
}

QVariant TestChangeApplier::value(const QString &sql)
{
    return queryValue(*m_db, sql);
}

void TestChangeApplier::cursorStartsAtZeroAndIsStored()
{
    QCOMPARE(take(m_applier->cursor()), 0);
    const ApplyOutcome empty = applyOk({}, 17);
    QCOMPARE(empty.cursor, 17);
    QCOMPARE(empty.applied, 0);
    QCOMPARE(take(m_applier->cursor()), 17);
    QCOMPARE(value(QStringLiteral("SELECT value FROM sync_state WHERE key = 'pull.cursor'")).toString(),
        QStringLiteral("17"));
    // A new applier on the same file reads it back.
    ChangeApplier again(*m_db, m_clock);
    QCOMPARE(take(again.cursor()), 17);
    const Result<ApplyOutcome> negative = m_applier->applyPage({}, -1);
    QVERIFY(!negative);
    QCOMPARE(negative.error().field, QStringLiteral("next"));
    QCOMPARE(take(m_applier->cursor()), 17);
}

void TestChangeApplier::upsertsEveryEntity()
{
    const QJsonArray page = everyEntityPage();
    const ApplyOutcome outcome = applyOk(page, 13);
    QCOMPARE(outcome.applied, page.size());
    QCOMPARE(outcome.skipped, 0);
    QCOMPARE(outcome.notices, 0);
    QVERIFY(outcome.trustChanged);
    QVERIFY(outcome.staffChanged);
    QVERIFY(outcome.siteChanged);
    QCOMPARE(outcome.cursor, 13);
    QCOMPARE(take(m_applier->cursor()), 13);

    // member: every column, the phone as bytes
    Result<std::optional<Member>> member = MemberRepository(*m_db).findById(QStringLiteral("m1"));
    QVERIFY(member.has_value() && member->has_value());
    QCOMPARE((*member)->memberNo, QStringLiteral("M2001"));
    QCOMPARE((*member)->name, QStringLiteral("Member M2001"));
    QCOMPARE((*member)->phoneHash, phoneHash(QStringLiteral("13900000001")));
    QCOMPARE((*member)->phoneCipher, QByteArray("cipher:13900000001"));
    QCOMPARE((*member)->phoneMask, QStringLiteral("139****0001"));
    QCOMPARE((*member)->gender, Gender::Female);
    QCOMPARE((*member)->birthday, QDate(1991, 2, 3));
    QCOMPARE((*member)->preferredLanguage, QStringLiteral("en"));
    QCOMPARE((*member)->updatedAtMs, kNowMs - 500);
    // card, product, venue and the rest
    QCOMPARE(
        value(QStringLiteral("SELECT card_no || '|' || member_id || '|' || product_id || '|' || visits_left || '|' "
                             "|| kind || '|' || zones FROM member_card WHERE id = 'c1'"))
            .toString(),
        QStringLiteral("C2001|m1|p1|7|count|[\"v1\"]"));
    QCOMPARE(value(QStringLiteral("SELECT name || '|' || visits || '|' || price_fen FROM card_product WHERE id = 'p1'"))
                 .toString(),
        QStringLiteral("Ten visits|10|50000"));
    QCOMPARE(value(QStringLiteral("SELECT name || '|' || kind || '|' || capacity || '|' || booking_required || '|' || "
                                  "advance_days || '|' || fee_per_hour_fen FROM venue WHERE id = 'v1'"))
                 .toString(),
        QStringLiteral("Studio A|studio|30|1|14|8000"));
    QCOMPARE(value(QStringLiteral("SELECT venue_id || '|' || reason FROM maintenance WHERE id = 'mt1'")).toString(),
        QStringLiteral("v1|Paint"));
    QCOMPARE(value(QStringLiteral("SELECT name || '|' || duration_minutes FROM course WHERE id = 'co1'")).toString(),
        QStringLiteral("Yoga|60"));
    QCOMPARE(
        value(QStringLiteral("SELECT coach_name || '|' || booked_count FROM course_slot WHERE id = 's1'")).toString(),
        QStringLiteral("Coach Wu|5"));
    QCOMPARE(value(QStringLiteral("SELECT booking_no || '|' || status || '|' || slot_id FROM booking WHERE id = 'b1'"))
                 .toString(),
        QStringLiteral("B2001|booked|s1"));
    QCOMPARE(value(QStringLiteral("SELECT position || '|' || status FROM waitlist WHERE id = 'w1'")).toString(),
        QStringLiteral("2|waiting"));
    QCOMPARE(
        value(QStringLiteral("SELECT public_key FROM trusted_key WHERE kid = 'hub-1'")).toByteArray(), keyBytes('k'));
    // an unknown credential: a minimal row carrying the revocation
    QCOMPARE(value(QStringLiteral(
                       "SELECT member_id || '|' || type || '|' || revoked_at FROM credential WHERE id = 'cred-1'"))
                 .toString(),
        QStringLiteral("m1|card|%1").arg(kNowMs - 10));
    QCOMPARE(
        value(QStringLiteral("SELECT username || '|' || origin || '|' || role || '|' || failed_logins FROM staff_user "
                             "WHERE id = 'st1'"))
            .toString(),
        QStringLiteral("hubbob|hub|staff|0"));
    QCOMPARE(
        value(QStringLiteral("SELECT value FROM setting WHERE key = 'site.number'")).toString(), QStringLiteral("207"));
    // The hub has all of it: nothing goes back out, nothing is audited as a staff action.
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("audit_log")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("sync_notice")), 0);
}

void TestChangeApplier::upsertReplacesPulledRows()
{
    applyOk(everyEntityPage(), 13);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE member SET photo = x'0102' WHERE id = 'm1'")).has_value());
    QJsonObject card
        = cardJson(QStringLiteral("c1"), QStringLiteral("C2001"), QStringLiteral("m1"), QStringLiteral("p1"));
    card.insert(QStringLiteral("visitsLeft"), 3);
    const ApplyOutcome outcome = applyOk({change(14, QStringLiteral("member"), QStringLiteral("m1"),
                                              memberJson(QStringLiteral("m1"), QStringLiteral("M2001"),
                                                  QStringLiteral("13900000009"), QStringLiteral("Renamed"))),
                                             change(15, QStringLiteral("card"), QStringLiteral("c1"), card),
                                             change(16, QStringLiteral("venue"), QStringLiteral("v1"),
                                                 venueJson(QStringLiteral("v1"), QStringLiteral("Studio B")))},
        16);
    QCOMPARE(outcome.applied, 3);
    QCOMPARE(rowCount(*m_db, QStringLiteral("member")), 1);
    QCOMPARE(value(QStringLiteral("SELECT name || '|' || phone_mask FROM member WHERE id = 'm1'")).toString(),
        QStringLiteral("Renamed|139****0009"));
    // The photo is the desk's own: not in the wire shape, kept.
    QCOMPARE(value(QStringLiteral("SELECT photo FROM member WHERE id = 'm1'")).toByteArray(), QByteArray("\x01\x02"));
    QCOMPARE(value(QStringLiteral("SELECT visits_left FROM member_card WHERE id = 'c1'")).toInt(), 3);
    QCOMPARE(value(QStringLiteral("SELECT name FROM venue WHERE id = 'v1'")).toString(), QStringLiteral("Studio B"));
    QCOMPARE(take(m_applier->cursor()), 16);
}

void TestChangeApplier::deletesEveryEntity()
{
    applyOk(everyEntityPage(), 13);
    m_clock.setNowMs(kNowMs + 5000);
    const QJsonArray page {removal(14, QStringLiteral("waitlist"), QStringLiteral("w1")),
        removal(15, QStringLiteral("booking"), QStringLiteral("b1")),
        removal(16, QStringLiteral("slot"), QStringLiteral("s1")),
        removal(17, QStringLiteral("course"), QStringLiteral("co1")),
        removal(18, QStringLiteral("maintenance"), QStringLiteral("mt1")),
        removal(19, QStringLiteral("card"), QStringLiteral("c1")),
        removal(20, QStringLiteral("product"), QStringLiteral("p1")),
        removal(21, QStringLiteral("member"), QStringLiteral("m1")),
        removal(22, QStringLiteral("venue"), QStringLiteral("v1")),
        removal(23, QStringLiteral("trusted_key"), QStringLiteral("hub-1")),
        removal(24, QStringLiteral("revocation"), QStringLiteral("cred-1")),
        removal(25, QStringLiteral("staff"), QStringLiteral("st1")), removal(26, QStringLiteral("site"), kOwnSite)};
    const ApplyOutcome outcome = applyOk(page, 26);
    QCOMPARE(outcome.applied, page.size());
    QVERIFY(outcome.trustChanged);
    QVERIFY(outcome.staffChanged);
    QVERIFY(!outcome.siteChanged);
    const QString deletedAt = QString::number(kNowMs + 5000);
    for (const auto &[table, id] : {std::pair {"member", "m1"}, std::pair {"member_card", "c1"},
             std::pair {"card_product", "p1"}, std::pair {"venue", "v1"}, std::pair {"maintenance", "mt1"},
             std::pair {"course", "co1"}, std::pair {"course_slot", "s1"}, std::pair {"staff_user", "st1"}}) {
        QCOMPARE(value(QStringLiteral("SELECT deleted_at FROM %1 WHERE id = '%2'")
                           .arg(QString::fromLatin1(table), QString::fromLatin1(id)))
                     .toString(),
            deletedAt);
    }
    // Tables without deleted_at lose the row.
    QCOMPARE(rowCount(*m_db, QStringLiteral("booking")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("waitlist")), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("trusted_key")), 0);
    // A revocation is never undone; this desk's site stays configured.
    QCOMPARE(value(QStringLiteral("SELECT revoked_at FROM credential WHERE id = 'cred-1'")).toLongLong(), kNowMs - 10);
    QCOMPARE(value(QStringLiteral("SELECT value FROM setting WHERE key = 'site.name'")).toString(),
        QStringLiteral("Riverside"));
    // A later upsert brings a soft-deleted row back.
    applyOk({change(27, QStringLiteral("venue"), QStringLiteral("v1"), venueJson(QStringLiteral("v1")))}, 27);
    QVERIFY(value(QStringLiteral("SELECT deleted_at FROM venue WHERE id = 'v1'")).isNull());
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 0);
}

void TestChangeApplier::malformedChangeRefusesWholePage_data()
{
    QTest::addColumn<QJsonValue>("bad");
    QTest::addColumn<QString>("field");

    QJsonObject badOp = change(21, QStringLiteral("venue"), QStringLiteral("v9"), venueJson(QStringLiteral("v9")));
    badOp.insert(QStringLiteral("op"), QStringLiteral("merge"));
    QTest::newRow("bad op") << QJsonValue(badOp) << QStringLiteral("changes[1].op");

    QJsonObject badPhone = memberJson(QStringLiteral("m9"), QStringLiteral("M9"), QStringLiteral("13900000099"));
    badPhone.insert(QStringLiteral("phoneHash"), QStringLiteral("%%% not base64"));
    QTest::newRow("bad member phone") << QJsonValue(change(21, QStringLiteral("member"), QStringLiteral("m9"),
        badPhone)) << QStringLiteral("changes[1].data.phoneHash");

    QJsonObject noNumber = memberJson(QStringLiteral("m9"), QStringLiteral("M9"), QStringLiteral("13900000099"));
    noNumber.remove(QStringLiteral("memberNo"));
    QTest::newRow("member without number")
        << QJsonValue(change(21, QStringLiteral("member"), QStringLiteral("m9"), noNumber))
        << QStringLiteral("changes[1].data.memberNo");

    QTest::newRow("unknown entity") << QJsonValue(change(21, QStringLiteral("spaceship"), QStringLiteral("x1"),
        QJsonObject())) << QStringLiteral("changes[1].entity");

    QTest::newRow("not an object") << QJsonValue(QStringLiteral("member")) << QStringLiteral("changes[1]");

    QJsonObject noSeq = change(21, QStringLiteral("venue"), QStringLiteral("v9"), venueJson(QStringLiteral("v9")));
    noSeq.insert(QStringLiteral("seq"), QStringLiteral("21"));
    QTest::newRow("seq as text") << QJsonValue(noSeq) << QStringLiteral("changes[1].seq");

    QTest::newRow("data of another id") << QJsonValue(
        change(21, QStringLiteral("venue"), QStringLiteral("v9"), venueJson(QStringLiteral("v8"))))
                                        << QStringLiteral("changes[1].data.id");

    QJsonObject badStaff = staffJson(QStringLiteral("st9"), QStringLiteral("zed"));
    badStaff.insert(QStringLiteral("role"), QStringLiteral("owner"));
    QTest::newRow("staff with unknown role")
        << QJsonValue(change(21, QStringLiteral("staff"), QStringLiteral("st9"), badStaff))
        << QStringLiteral("changes[1].data.role");

    QJsonObject badKey = trustedKeyJson(QStringLiteral("k9"), keyBytes('z'));
    badKey.insert(QStringLiteral("publicKey"), QStringLiteral("!!"));
    QTest::newRow("key not base64") << QJsonValue(change(21, QStringLiteral("trusted_key"), QStringLiteral("k9"),
        badKey)) << QStringLiteral("changes[1].data.publicKey");
    QJsonObject shortKey = trustedKeyJson(QStringLiteral("k9"), keyBytes('z'));
    shortKey.insert(QStringLiteral("publicKey"), QString::fromLatin1(QByteArray(16, 'z').toBase64()));
    QTest::newRow("key of 16 bytes") << QJsonValue(change(21, QStringLiteral("trusted_key"), QStringLiteral("k9"),
        shortKey)) << QStringLiteral("changes[1].data.publicKey");
    QJsonObject badKid = trustedKeyJson(QStringLiteral("k 9"), keyBytes('z'));
    QTest::newRow("key id with a space") << QJsonValue(change(21, QStringLiteral("trusted_key"), QStringLiteral("k 9"),
        badKid)) << QStringLiteral("changes[1].data.kid");

    QJsonObject badBooking = bookingJson(QStringLiteral("b9"), QStringLiteral("B9"), QStringLiteral("m1"),
        QStringLiteral("v1"), {}, BookingStatus::Booked);
    badBooking.insert(QStringLiteral("status"), QStringLiteral("lost"));
    QTest::newRow("booking status") << QJsonValue(change(21, QStringLiteral("booking"), QStringLiteral("b9"),
        badBooking)) << QStringLiteral("changes[1].data.status");
}

void TestChangeApplier::malformedChangeRefusesWholePage()
{
    QFETCH(QJsonValue, bad);
    QFETCH(QString, field);
    applyOk(everyEntityPage(), 13);
    const QMap<QString, qint64> before = snapshot();
    const QString nameBefore = value(QStringLiteral("SELECT name FROM venue WHERE id = 'v1'")).toString();

    const QJsonArray page {change(20, QStringLiteral("venue"), QStringLiteral("v1"),
                               venueJson(QStringLiteral("v1"), QStringLiteral("Changed"))),
        bad,
        change(22, QStringLiteral("member"), QStringLiteral("m7"),
            memberJson(QStringLiteral("m7"), QStringLiteral("M7"), QStringLiteral("13900000077")))};
    const Result<ApplyOutcome> refused = m_applier->applyPage(page, 22);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.error().field, field);
    QVERIFY2(!refused.error().message.isEmpty(), "the error explains itself");
    QCOMPARE(snapshot(), before);
    QCOMPARE(value(QStringLiteral("SELECT name FROM venue WHERE id = 'v1'")).toString(), nameBefore);
}

void TestChangeApplier::missingParentFailsAtCommitAndWritesNothing()
{
    // The hub never publishes a card before its member exists there; if it did, the page would
    // break the foreign key and must leave nothing behind.
    const QMap<QString, qint64> before = snapshot();
    const Result<ApplyOutcome> refused = m_applier->applyPage(
        {change(1, QStringLiteral("venue"), QStringLiteral("v1"), venueJson(QStringLiteral("v1"))),
            change(2, QStringLiteral("card"), QStringLiteral("c1"),
                cardJson(QStringLiteral("c1"), QStringLiteral("C1"), QStringLiteral("nobody")))},
        2);
    QVERIFY(!refused);
    QCOMPARE(snapshot(), before);
}

void TestChangeApplier::cardBeforeMemberInOnePage()
{
    const ApplyOutcome outcome
        = applyOk({change(1, QStringLiteral("card"), QStringLiteral("c1"),
                       cardJson(QStringLiteral("c1"), QStringLiteral("C1"), QStringLiteral("m1"))),
                      change(2, QStringLiteral("member"), QStringLiteral("m1"),
                          memberJson(QStringLiteral("m1"), QStringLiteral("M1"), QStringLiteral("13900000001")))},
            2);
    QCOMPARE(outcome.applied, 2);
    QCOMPARE(
        value(QStringLiteral("SELECT member_id FROM member_card WHERE id = 'c1'")).toString(), QStringLiteral("m1"));
    QVERIFY(value(QStringLiteral("SELECT product_id FROM member_card WHERE id = 'c1'")).isNull());
    // Deferred checks end with the transaction: later writes check foreign keys at once again.
    QCOMPARE(value(QStringLiteral("PRAGMA defer_foreign_keys")).toInt(), 0);
    QCOMPARE(value(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestChangeApplier::rejectedBookingRecordsNotice()
{
    applyOk(everyEntityPage(), 13); // b1 is booked here
    QJsonObject rejected = bookingJson(QStringLiteral("b1"), QStringLiteral("B2001"), QStringLiteral("m1"),
        QStringLiteral("v1"), QStringLiteral("s1"), BookingStatus::Rejected);
    ApplyOutcome outcome = applyOk({change(14, QStringLiteral("booking"), QStringLiteral("b1"), rejected)}, 14);
    QCOMPARE(outcome.applied, 1);
    QCOMPARE(outcome.skipped, 0);
    QCOMPARE(outcome.notices, 1);
    QCOMPARE(value(QStringLiteral("SELECT status || '|' || cancel_reason FROM booking WHERE id = 'b1'")).toString(),
        QStringLiteral("rejected|booking_conflict"));
    SyncNoticeRepository notices(*m_db);
    const QList<SyncNotice> listed = take(notices.list(false, 10));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.constFirst().kind, SyncNoticeKind::BookingRejected);
    QCOMPARE(listed.constFirst().entity, QStringLiteral("booking"));
    QCOMPARE(listed.constFirst().entityId, QStringLiteral("b1"));
    QVERIFY2(listed.constFirst().message.contains(QStringLiteral("B2001")), qPrintable(listed.constFirst().message));
    QVERIFY2(
        listed.constFirst().message.contains(QStringLiteral("Member M2001")), qPrintable(listed.constFirst().message));

    // The same verdict again (a re-pull) is no news.
    outcome = applyOk({change(15, QStringLiteral("booking"), QStringLiteral("b1"), rejected)}, 15);
    QCOMPARE(outcome.notices, 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("sync_notice")), 1);

    // A booking of this site the desk has not seen yet, arriving rejected, is news too.
    outcome = applyOk({change(16, QStringLiteral("booking"), QStringLiteral("b2"),
                          bookingJson(QStringLiteral("b2"), QStringLiteral("B2002"), QStringLiteral("m1"),
                              QStringLiteral("v1"), {}, BookingStatus::Rejected))},
        16);
    QCOMPARE(outcome.notices, 1);
    QCOMPARE(take(notices.openCount()), 2);
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 0);
}

void TestChangeApplier::rejectedBookingOfAnotherSiteIsQuiet()
{
    applyOk(everyEntityPage(), 13);
    const ApplyOutcome outcome
        = applyOk({change(14, QStringLiteral("booking"), QStringLiteral("b7"),
                      bookingJson(QStringLiteral("b7"), QStringLiteral("B7"), QStringLiteral("m1"),
                          QStringLiteral("v1"), {}, BookingStatus::Rejected, QStringLiteral("site-other")))},
            14);
    QCOMPARE(outcome.applied, 1);
    QCOMPARE(outcome.notices, 0);
    QCOMPARE(
        value(QStringLiteral("SELECT status FROM booking WHERE id = 'b7'")).toString(), QStringLiteral("rejected"));
}

void TestChangeApplier::phoneCollisionSkipsMemberAndItsCards()
{
    const Member local = take(MemberRepository(*m_db).insert(
        makeMember(QStringLiteral("M100"), QStringLiteral("Local Li"), QStringLiteral("13900000001"))));
    ApplyOutcome outcome
        = applyOk({change(1, QStringLiteral("member"), QStringLiteral("hm1"),
                       memberJson(QStringLiteral("hm1"), QStringLiteral("M5001"), QStringLiteral("13900000001"))),
                      change(2, QStringLiteral("card"), QStringLiteral("hc1"),
                          cardJson(QStringLiteral("hc1"), QStringLiteral("C5001"), QStringLiteral("hm1"))),
                      change(3, QStringLiteral("member"), QStringLiteral("hm2"),
                          memberJson(QStringLiteral("hm2"), QStringLiteral("M5002"), QStringLiteral("13900000002")))},
            3);
    QCOMPARE(outcome.applied, 1);
    QCOMPARE(outcome.skipped, 2);
    QCOMPARE(outcome.cursor, 3);
    QCOMPARE(rowCount(*m_db, QStringLiteral("member")), 2); // the local one and hm2
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM member WHERE id = 'hm1'")).toInt(), 0);
    QCOMPARE(rowCount(*m_db, QStringLiteral("member_card")), 0);
    QCOMPARE(value(QStringLiteral("SELECT name FROM member WHERE id = '%1'").arg(local.id)).toString(),
        QStringLiteral("Local Li"));
    const QList<SyncNotice> listed = take(SyncNoticeRepository(*m_db).list(false, 10));
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(1).kind, SyncNoticeKind::PullConflict);
    QCOMPARE(listed.at(1).entity, QStringLiteral("member"));
    QCOMPARE(listed.at(1).entityId, QStringLiteral("hm1"));
    QVERIFY2(listed.at(1).message.contains(local.id), qPrintable(listed.at(1).message));
    QCOMPARE(listed.at(0).entity, QStringLiteral("card"));

    // A later page with another card of the member not taken: skipped too, the page commits.
    outcome = applyOk({change(4, QStringLiteral("card"), QStringLiteral("hc2"),
                          cardJson(QStringLiteral("hc2"), QStringLiteral("C5002"), QStringLiteral("hm1")))},
        4);
    QCOMPARE(outcome.skipped, 1);
    QCOMPARE(take(m_applier->cursor()), 4);
    QCOMPARE(rowCount(*m_db, QStringLiteral("member_card")), 0);
}

void TestChangeApplier::memberNumberCollisionSkipsMember()
{
    take(MemberRepository(*m_db).insert(
        makeMember(QStringLiteral("M5001"), QStringLiteral("Local Wang"), QStringLiteral("13900000003"))));
    const ApplyOutcome outcome
        = applyOk({change(1, QStringLiteral("member"), QStringLiteral("hm1"),
                      memberJson(QStringLiteral("hm1"), QStringLiteral("M5001"), QStringLiteral("13900000004")))},
            1);
    QCOMPARE(outcome.skipped, 1);
    QCOMPARE(outcome.notices, 1);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM member WHERE id = 'hm1'")).toInt(), 0);
    const QJsonObject detail
        = QJsonDocument::fromJson(value(QStringLiteral("SELECT detail FROM sync_notice")).toString().toUtf8()).object();
    QCOMPARE(detail.value(QStringLiteral("field")).toString(), QStringLiteral("memberNo"));
    QCOMPARE(detail.value(QStringLiteral("seq")).toInt(), 1);
    QVERIFY(!detail.value(QStringLiteral("localId")).toString().isEmpty());
}

void TestChangeApplier::staffUsernameCollisionAndHubAccounts()
{
    StaffUser alice;
    alice.username = QStringLiteral("alice");
    alice.displayName = QStringLiteral("Alice");
    alice.passwordHash = QStringLiteral("local-hash");
    alice.role = StaffRole::Admin;
    const StaffUser local = take(StaffRepository(*m_db).insert(alice));

    ApplyOutcome outcome = applyOk({change(1, QStringLiteral("staff"), QStringLiteral("hs1"),
                                        staffJson(QStringLiteral("hs1"), QStringLiteral("alice"))),
                                       change(2, QStringLiteral("staff"), QStringLiteral("hs2"),
                                           staffJson(QStringLiteral("hs2"), QStringLiteral("bob")))},
        2);
    QCOMPARE(outcome.applied, 1);
    QCOMPARE(outcome.skipped, 1);
    QCOMPARE(outcome.notices, 1);
    QVERIFY(outcome.staffChanged);
    QCOMPARE(
        value(QStringLiteral("SELECT password_hash || '|' || origin FROM staff_user WHERE id = '%1'").arg(local.id))
            .toString(),
        QStringLiteral("local-hash|local"));
    const QList<SyncNotice> listed = take(SyncNoticeRepository(*m_db).list(false, 10));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.constFirst().kind, SyncNoticeKind::PullConflict);
    QCOMPARE(listed.constFirst().entity, QStringLiteral("staff"));
    QCOMPARE(listed.constFirst().entityId, QStringLiteral("hs1"));

    // bob locks himself out here; the hub renames him: the lockout stays this desk's.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE staff_user SET failed_logins = 4, locked_until = 99 WHERE id = 'hs2'"))
                .has_value());
    QJsonObject renamed = staffJson(QStringLiteral("hs2"), QStringLiteral("robert"));
    renamed.insert(QStringLiteral("role"), QStringLiteral("admin"));
    outcome = applyOk({change(3, QStringLiteral("staff"), QStringLiteral("hs2"), renamed)}, 3);
    QCOMPARE(outcome.applied, 1);
    QCOMPARE(value(QStringLiteral("SELECT username || '|' || role || '|' || failed_logins || '|' || locked_until FROM "
                                  "staff_user WHERE id = 'hs2'"))
                 .toString(),
        QStringLiteral("robert|admin|4|99"));
    // Deleted on the hub: deleted here.
    outcome = applyOk({change(4, QStringLiteral("staff"), QStringLiteral("hs2"),
                          staffJson(QStringLiteral("hs2"), QStringLiteral("robert"), true))},
        4);
    QCOMPARE(value(QStringLiteral("SELECT deleted_at FROM staff_user WHERE id = 'hs2'")).toLongLong(), kNowMs - 8000);
    // A hub delete never reaches a local account.
    outcome = applyOk({removal(5, QStringLiteral("staff"), local.id)}, 5);
    QVERIFY(value(QStringLiteral("SELECT deleted_at FROM staff_user WHERE id = '%1'").arg(local.id)).isNull());
}

void TestChangeApplier::trustedKeyAndRevocationReachTrustStore()
{
    SqlTrustStore store(*m_db);
    take(MemberRepository(*m_db).insert(
        makeMember(QStringLiteral("M1"), QStringLiteral("Member One"), QStringLiteral("13900000011"))));
    const QString memberId = value(QStringLiteral("SELECT id FROM member")).toString();
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO credential (id, member_id, type, kid, code, issued_at) VALUES "
                                      "('cred-known', '%1', 'card', 'desk-1', 'GG1...', 1000)")
                           .arg(memberId))
                .has_value());
    const ApplyOutcome outcome
        = applyOk({change(1, QStringLiteral("trusted_key"), QStringLiteral("hub-1"),
                       trustedKeyJson(QStringLiteral("hub-1"), keyBytes('h'))),
                      change(2, QStringLiteral("revocation"), QStringLiteral("cred-known"),
                          revocationJson(QStringLiteral("cred-known"), memberId)),
                      change(3, QStringLiteral("revocation"), QStringLiteral("cred-other"),
                          revocationJson(QStringLiteral("cred-other"), memberId)),
                      // A code of a member this desk does not have cannot let anyone in: nothing to keep.
                      change(4, QStringLiteral("revocation"), QStringLiteral("cred-stranger"),
                          revocationJson(QStringLiteral("cred-stranger"), QStringLiteral("unknown-member")))},
            4);
    QCOMPARE(outcome.applied, 4);
    QVERIFY(outcome.trustChanged);
    QVERIFY(!outcome.staffChanged);
    QVERIFY(!store.publicKey(QStringLiteral("hub-1")).has_value());
    QVERIFY(store.reload().has_value());
    QCOMPARE(store.publicKey(QStringLiteral("hub-1")).value_or(QByteArray()), keyBytes('h'));
    QVERIFY(store.isCredentialRevoked(QStringLiteral("cred-known")));
    QVERIFY(store.isCredentialRevoked(QStringLiteral("cred-other")));
    QVERIFY(!store.isKeyRevoked(QStringLiteral("hub-1")));
    QCOMPARE(value(QStringLiteral("SELECT code FROM credential WHERE id = 'cred-known'")).toString(),
        QStringLiteral("GG1..."));

    // Revoking the key later is kept; a later upsert without revokedAt does not undo it.
    QJsonObject revoked = trustedKeyJson(QStringLiteral("hub-1"), keyBytes('h'));
    revoked.insert(QStringLiteral("revokedAt"), kNowMs);
    applyOk({change(5, QStringLiteral("trusted_key"), QStringLiteral("hub-1"), revoked)}, 5);
    applyOk({change(6, QStringLiteral("trusted_key"), QStringLiteral("hub-1"),
                trustedKeyJson(QStringLiteral("hub-1"), keyBytes('h')))},
        6);
    QVERIFY(store.reload().has_value());
    QVERIFY(store.isKeyRevoked(QStringLiteral("hub-1")));
}

void TestChangeApplier::changedPublicKeyIsAConflict()
{
    applyOk({change(1, QStringLiteral("trusted_key"), QStringLiteral("hub-1"),
                trustedKeyJson(QStringLiteral("hub-1"), keyBytes('a')))},
        1);
    const ApplyOutcome outcome = applyOk({change(2, QStringLiteral("trusted_key"), QStringLiteral("hub-1"),
                                             trustedKeyJson(QStringLiteral("hub-1"), keyBytes('b')))},
        2);
    QCOMPARE(outcome.skipped, 1);
    QCOMPARE(outcome.notices, 1);
    QCOMPARE(
        value(QStringLiteral("SELECT public_key FROM trusted_key WHERE kid = 'hub-1'")).toByteArray(), keyBytes('a'));
}

void TestChangeApplier::ownSiteWritesSettings()
{
    ApplyOutcome outcome
        = applyOk({change(1, QStringLiteral("site"), QStringLiteral("site-other"),
                      siteJson(QStringLiteral("site-other"), QStringLiteral("Hilltop"), QStringLiteral("300")))},
            1);
    QCOMPARE(outcome.applied, 1);
    QVERIFY(!outcome.siteChanged);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM setting WHERE key LIKE 'site.%'")).toInt(), 0);

    outcome = applyOk({change(2, QStringLiteral("site"), kOwnSite,
                          siteJson(kOwnSite, QStringLiteral("Riverside"), QStringLiteral("207")))},
        2);
    QVERIFY(outcome.siteChanged);
    QCOMPARE(value(QStringLiteral("SELECT value FROM setting WHERE key = 'site.name'")).toString(),
        QStringLiteral("Riverside"));
    QCOMPARE(
        value(QStringLiteral("SELECT value FROM setting WHERE key = 'site.number'")).toString(), QStringLiteral("207"));
    QCOMPARE(value(QStringLiteral("SELECT value FROM setting WHERE key = 'site.timezone'")).toString(),
        QStringLiteral("Europe/Berlin"));

    // A desk not enrolled yet (no site id) keeps its settings whatever site is pulled.
    ChangeApplier noSite(*m_db, m_clock);
    const Result<ApplyOutcome> quiet
        = noSite.applyPage({change(3, QStringLiteral("site"), kOwnSite,
                               siteJson(kOwnSite, QStringLiteral("Other name"), QStringLiteral("999")))},
            3);
    QVERIFY(quiet.has_value());
    QVERIFY(!quiet->siteChanged);
    QCOMPARE(value(QStringLiteral("SELECT value FROM setting WHERE key = 'site.name'")).toString(),
        QStringLiteral("Riverside"));
}

void TestChangeApplier::thousandsOfMembersAndCards()
{
    // The first sync of a large chain: pages of 1000 as the hub sends them, random UUIDs as sites
    // make them (figures printed, not asserted). GYMGATE_APPLIER_PAGES=100 runs the whole
    // 100k members + 100k cards by hand.
    const int pages = qEnvironmentVariableIntValue("GYMGATE_APPLIER_PAGES") > 0
        ? qEnvironmentVariableIntValue("GYMGATE_APPLIER_PAGES")
        : 5;
    constexpr int kPageSize = 1000;
    applyOk({change(1, QStringLiteral("product"), QStringLiteral("p1"), productJson(QStringLiteral("p1")))}, 1);
    qint64 seq = 1;
    qint64 memberMs = 0;
    qint64 cardMs = 0;
    for (int page = 0; page < pages; ++page) {
        QJsonArray members;
        QJsonArray cards;
        for (int i = 0; i < kPageSize; ++i) {
            const int n = page * kPageSize + i;
            const QString memberId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const QString cardId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            members.append(change(++seq, QStringLiteral("member"), memberId,
                memberJson(memberId, QStringLiteral("M%1").arg(1000000 + n),
                    QStringLiteral("139%1").arg(n, 8, 10, QLatin1Char('0')))));
            cards.append(change(++seq, QStringLiteral("card"), cardId,
                cardJson(cardId, QStringLiteral("C%1").arg(1000000 + n), memberId, QStringLiteral("p1"))));
        }
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(applyOk(members, seq - 1).applied, kPageSize);
        memberMs += timer.restart();
        QCOMPARE(applyOk(cards, seq).applied, kPageSize);
        cardMs += timer.elapsed();
    }
    qInfo("applied %d pages of %d members in %lld ms (%.1f ms/page) and %d pages of %d cards in %lld ms (%.1f "
          "ms/page)",
        pages, kPageSize, memberMs, double(memberMs) / pages, pages, kPageSize, cardMs, double(cardMs) / pages);
    QCOMPARE(rowCount(*m_db, QStringLiteral("member")), pages * kPageSize);
    QCOMPARE(rowCount(*m_db, QStringLiteral("member_card")), pages * kPageSize);
    QCOMPARE(take(m_applier->cursor()), seq);
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 0);
}

void TestChangeApplier::realHubPageApplies()
{
    // A page as the real gymgate-hub publishes it: a site, its admin, keys, a venue made by the
    // admin, and what an enrolled desk pushed (product, member, card, two bookings of one court
    // hour, the second refused by the hub, a revoked member code).
    synctest::TestHub hub;
    QVERIFY2(hub.start(), qPrintable(hub.errorText));
    const QString code = hub.enrollmentCode();
    QVERIFY(!code.isEmpty());
    const SigningKey key = take(SigningKey::generate(QStringLiteral("desk1")));
    const HubReply enrolled = hub.process.call("POST", QStringLiteral("/api/v1/devices/enroll"),
        QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("kind"), QStringLiteral("desk")},
            {QStringLiteral("signingPublicKey"), QString::fromLatin1(key.publicKey().toBase64())},
            {QStringLiteral("signingKid"), key.keyId()}});
    const QString deviceId = synctest::dataOf(enrolled).value(QStringLiteral("deviceId")).toString();
    const QString token = synctest::dataOf(enrolled).value(QStringLiteral("token")).toString();
    QVERIFY2(!deviceId.isEmpty() && !token.isEmpty(), qPrintable(synctest::describe(enrolled)));
    const HubReply venue = hub.process.call("POST", QStringLiteral("/api/admin/venues"),
        QJsonObject {
            {QStringLiteral("name"), QStringLiteral("Court 1")}, {QStringLiteral("kind"), QStringLiteral("court")}},
        hub.adminToken);
    const QString venueId = synctest::dataOf(venue).value(QStringLiteral("id")).toString();
    QVERIFY2(!venueId.isEmpty(), qPrintable(synctest::describe(venue)));

    const QString memberId = synctest::newId();
    const QString cardId = synctest::newId();
    const QString productId = synctest::newId();
    const QString credentialId = QStringLiteral("0123456789abcdef0123456789abcdef");
    const qint64 hourMs = (QDateTime::currentMSecsSinceEpoch() / 3'600'000 + 48) * 3'600'000;
    auto bookingData = [&](const QString &id, const QString &number) {
        Booking booking;
        booking.id = id;
        booking.bookingNo = number;
        booking.memberId = memberId;
        booking.venueId = venueId;
        booking.startMs = hourMs;
        booking.endMs = hourMs + 3'600'000;
        booking.status = BookingStatus::Booked;
        booking.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        return syncjson::toJson(booking);
    };
    QJsonObject credential {{QStringLiteral("id"), credentialId}, {QStringLiteral("memberId"), memberId},
        {QStringLiteral("cardId"), cardId}, {QStringLiteral("type"), QStringLiteral("card")},
        {QStringLiteral("kid"), key.keyId()}, {QStringLiteral("code"), QStringLiteral("GG1.x")},
        {QStringLiteral("issuedAt"), QDateTime::currentMSecsSinceEpoch()}, {QStringLiteral("expiresAt"), 0},
        {QStringLiteral("revokedAt"), QJsonValue()}};
    QJsonObject revoked = credential;
    revoked.insert(QStringLiteral("revokedAt"), QDateTime::currentMSecsSinceEpoch());
    const QString bookedId = synctest::newId();
    const QString refusedId = synctest::newId();
    const QList<std::pair<QString, QJsonObject>> pushed {{QStringLiteral("product.saved"), productJson(productId)},
        {QStringLiteral("member.created"),
            memberJson(memberId, QStringLiteral("M201%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000),
                QStringLiteral("13912345678"), QStringLiteral("Hub Member"))},
        {QStringLiteral("card.sold"),
            cardJson(cardId, QStringLiteral("C201%1").arg(QDateTime::currentMSecsSinceEpoch() % 100000000), memberId,
                productId)},
        {QStringLiteral("booking.created"), bookingData(bookedId, QStringLiteral("B201-1"))},
        {QStringLiteral("booking.created"), bookingData(refusedId, QStringLiteral("B201-2"))},
        {QStringLiteral("credential.issued"), credential}, {QStringLiteral("credential.revoked"), revoked}};
    QJsonArray events;
    for (const auto &[type, data] : pushed) {
        events.append(QJsonObject {{QStringLiteral("id"), synctest::newId()}, {QStringLiteral("type"), type},
            {QStringLiteral("at"), QDateTime::currentMSecsSinceEpoch()}, {QStringLiteral("device"), deviceId},
            {QStringLiteral("staff"), QStringLiteral("s1")}, {QStringLiteral("data"), data}});
    }
    const HubReply push = hub.process.call(
        "POST", QStringLiteral("/api/v1/sync/events"), QJsonObject {{QStringLiteral("events"), events}}, token);
    const QJsonArray results = synctest::dataOf(push).value(QStringLiteral("results")).toArray();
    QVERIFY2(results.size() == events.size(), qPrintable(synctest::describe(push)));
    QCOMPARE(results.at(4).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("booking_conflict"));

    const HubReply pulled
        = hub.process.call("GET", QStringLiteral("/api/v1/sync/changes?since=0&limit=1000"), {}, token);
    const QJsonArray changes = synctest::dataOf(pulled).value(QStringLiteral("changes")).toArray();
    const qint64 next = synctest::dataOf(pulled).value(QStringLiteral("next")).toInteger();
    QVERIFY2(!changes.isEmpty() && next > 0, qPrintable(synctest::describe(pulled)));

    ChangeApplier applier(*m_db, m_clock, hub.siteId);
    QElapsedTimer timer;
    timer.start();
    const Result<ApplyOutcome> outcome = applier.applyPage(changes, next);
    QVERIFY2(outcome.has_value(), synctest::why(outcome).constData());
    qInfo("applied a real hub page of %lld changes in %lld ms", qint64(changes.size()), timer.elapsed());
    QCOMPARE(outcome->applied, changes.size());
    QCOMPARE(outcome->skipped, 0);
    QVERIFY(outcome->siteChanged);
    QVERIFY(outcome->staffChanged);
    QVERIFY(outcome->trustChanged);
    QCOMPARE(outcome->notices, 1); // the refused booking was taken at this site
    QCOMPARE(take(applier.cursor()), next);
    QCOMPARE(
        value(QStringLiteral("SELECT value FROM setting WHERE key = 'site.number'")).toString(), QStringLiteral("201"));
    QCOMPARE(
        value(QStringLiteral("SELECT origin FROM staff_user WHERE username = '%1'").arg(synctest::kAdmin)).toString(),
        QStringLiteral("hub"));
    QCOMPARE(value(QStringLiteral("SELECT name FROM member WHERE id = '%1'").arg(memberId)).toString(),
        QStringLiteral("Hub Member"));
    QCOMPARE(
        value(QStringLiteral("SELECT member_id FROM member_card WHERE id = '%1'").arg(cardId)).toString(), memberId);
    QCOMPARE(value(QStringLiteral("SELECT kind FROM venue WHERE id = '%1'").arg(venueId)).toString(),
        QStringLiteral("court"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM booking WHERE id = '%1'").arg(bookedId)).toString(),
        QStringLiteral("booked"));
    QCOMPARE(value(QStringLiteral("SELECT status || '|' || cancel_reason FROM booking WHERE id = '%1'").arg(refusedId))
                 .toString(),
        QStringLiteral("rejected|booking_conflict"));
    QVERIFY(!value(QStringLiteral("SELECT revoked_at FROM credential WHERE id = '%1'").arg(credentialId)).isNull());
    QCOMPARE(
        value(QStringLiteral("SELECT public_key FROM trusted_key WHERE kid = 'desk1'")).toByteArray(), key.publicKey());
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), 0);

    // The same page again (a retry after a lost answer) changes nothing and tells nobody twice.
    const QMap<QString, qint64> before = snapshot();
    const Result<ApplyOutcome> again = applier.applyPage(changes, next);
    QVERIFY2(again.has_value(), synctest::why(again).constData());
    QCOMPARE(snapshot(), before);
    QVERIFY(hub.stop());
}

QTEST_GUILESS_MAIN(TestChangeApplier)
#include "tst_changeapplier.moc"
