// Sync pull and push (DESIGN §9) through the real gymgate-hub, on SQLite and on a throwaway
// PostgreSQL: paging and cursor, exactly-once push of every event type, rejections, member
// last-writer-wins per field, the conflict rules (overdrawn count card, booking over capacity),
// flags, and two hub instances on one PostgreSQL.
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "SyncFixture.h"

using namespace hubtest;

namespace {

const QString kSiteA = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kSiteB = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kDeviceA = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kDeviceB = QStringLiteral("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
constexpr qint64 kT0 = 1'750'000'000'000;

QStringList statusesOf(const QJsonArray &results)
{
    QStringList statuses;
    for (const QJsonValue &result : results)
        statuses.append(result.toObject().value(QStringLiteral("status")).toString());
    return statuses;
}

// Every domain table and the sync bookkeeping, for "nothing changed" checks.
const QStringList kTables {QStringLiteral("member"), QStringLiteral("card_product"), QStringLiteral("member_card"),
    QStringLiteral("sale"), QStringLiteral("credential"), QStringLiteral("venue"), QStringLiteral("maintenance"),
    QStringLiteral("course"), QStringLiteral("course_slot"), QStringLiteral("booking"), QStringLiteral("waitlist"),
    QStringLiteral("entry"), QStringLiteral("hub_sync_event"), QStringLiteral("hub_flag"),
    QStringLiteral("hub_notification"), QStringLiteral("change_log"), QStringLiteral("hub_user")};

} // namespace

// One hub with two sites and a device at each, and their tokens.
struct SyncEnv : ServedHub {
    QString tokenA;
    QString tokenB;

    QJsonArray push(const QString &token, const QJsonArray &events, HubProcess *through = nullptr)
    {
        const HubReply reply = (through ? *through : hub)
                                   .call("POST", QStringLiteral("/api/v1/sync/events"), fixture::batch(events), token);
        if (reply.status != 200)
            qWarning("push answered %d: %s", reply.status, reply.body.constData());
        return dataOf(reply).value(QStringLiteral("results")).toArray();
    }

    // Pulls from `since` to the end in pages of `limit`; the changes in order.
    QJsonArray pullAll(const QString &token, qint64 since = 0, int limit = 1000, HubProcess *through = nullptr)
    {
        QJsonArray all;
        for (;;) {
            const HubReply reply
                = (through ? *through : hub)
                      .call("GET", QStringLiteral("/api/v1/sync/changes?since=%1&limit=%2").arg(since).arg(limit),
                          QJsonValue::Undefined, token);
            if (reply.status != 200)
                return {};
            const QJsonObject data = dataOf(reply);
            for (const QJsonValue &change : data.value(QStringLiteral("changes")).toArray())
                all.append(change);
            since = data.value(QStringLiteral("next")).toInteger();
            if (!data.value(QStringLiteral("hasMore")).toBool())
                return all;
        }
    }

    QString snapshot() { return db.dump(kTables); }
};

class TestHubSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void pullPagesWithCursor_data();
    void pullPagesWithCursor();
    void pullRefusesBadParameters_data();
    void pullRefusesBadParameters();
    void pushEveryTypeTwiceChangesNothing_data();
    void pushEveryTypeTwiceChangesNothing();
    void badEventsAreRejectedOthersApplied_data();
    void badEventsAreRejectedOthersApplied();
    void badBatchesAreRefused_data();
    void badBatchesAreRefused();
    void memberLastWriterWinsPerField_data();
    void memberLastWriterWinsPerField();
    void countCardUsedTwiceOfflineIsFlagged_data();
    void countCardUsedTwiceOfflineIsFlagged();
    void bookingOverCapacityIsRejected_data();
    void bookingOverCapacityIsRejected();
    void twoHubsOnOnePostgresql();

private:
    bool setUp(const QString &dialect, SyncEnv &env, const QStringList &extraArguments = {});

    HubDatabases m_databases;
};

void TestHubSync::initTestCase()
{
    QVERIFY(m_databases.start());
}

bool TestHubSync::setUp(const QString &dialect, SyncEnv &env, const QStringList &extraArguments)
{
    if (!env.start(m_databases.newSpec(dialect, QStringLiteral("sync")), extraArguments))
        return false;
    if (env.db.insertSite(QStringLiteral("101"), kSiteA).isEmpty()
        || env.db.insertSite(QStringLiteral("102"), kSiteB).isEmpty() || env.db.insertDevice(kSiteA, kDeviceA).isEmpty()
        || env.db.insertDevice(kSiteB, kDeviceB).isEmpty())
        return false;
    env.tokenA = env.db.deviceToken(kDeviceA);
    env.tokenB = env.db.deviceToken(kDeviceB);
    return !env.tokenA.isEmpty() && !env.tokenB.isEmpty();
}

#define SET_UP(env, dialect)                                                                                           \
    SyncEnv env;                                                                                                       \
    SKIP_UNLESS_AVAILABLE(m_databases, dialect);                                                                       \
    QVERIFY(setUp(dialect, env))

// ---------------------------------------------------------------- pull

void TestHubSync::pullPagesWithCursor_data()
{
    addDialectRows();
}

void TestHubSync::pullPagesWithCursor()
{
    QFETCH(QString, dialect);
    SET_UP(env, dialect);
    QJsonArray events;
    for (int i = 0; i < 25; ++i)
        events.append(fixture::event(QStringLiteral("product.saved"), kDeviceA, kT0 + i,
            fixture::product(newId(), QStringLiteral("Product %1").arg(i))));
    // The set-up already logged the admin's staff account (--create-admin publishes it).
    const qint64 setUpSeq = env.db.scalar(QStringLiteral("SELECT MAX(seq) FROM change_log")).toLongLong();
    qint64 since = setUpSeq;
    QCOMPARE(statusesOf(env.push(env.tokenA, events)), QStringList(25, QStringLiteral("ok")));

    // Pages of 10: 10, 10, 5; the cursor is the last seq of a page; hasMore until the end.
    QList<qint64> seqs;
    const QList<int> sizes {10, 10, 5};
    for (int page = 0; page < sizes.size(); ++page) {
        const HubReply reply = env.hub.call("GET", QStringLiteral("/api/v1/sync/changes?since=%1&limit=10").arg(since),
            QJsonValue::Undefined, env.tokenB);
        QCOMPARE(reply.status, 200);
        const QJsonObject data = dataOf(reply);
        const QJsonArray changes = data.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), sizes.at(page));
        QCOMPARE(data.value(QStringLiteral("hasMore")).toBool(), page < 2);
        for (const QJsonValue &value : changes) {
            const QJsonObject change = value.toObject();
            QVERIFY(change.value(QStringLiteral("seq")).toInteger() > since);
            QCOMPARE(change.value(QStringLiteral("entity")).toString(), QStringLiteral("product"));
            QCOMPARE(change.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
            QCOMPARE(change.value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString(),
                change.value(QStringLiteral("id")).toString());
            QCOMPARE(change.value(QStringLiteral("data")).toObject().value(QStringLiteral("name")).toString(),
                QStringLiteral("Product %1").arg(seqs.size()));
            seqs.append(change.value(QStringLiteral("seq")).toInteger());
            since = seqs.last();
        }
        QCOMPARE(data.value(QStringLiteral("next")).toInteger(), since);
    }
    QCOMPARE(seqs.size(), 25);
    // At the end: nothing, the cursor stays, no more. The admin may pull too.
    const HubReply end = env.hub.call(
        "GET", QStringLiteral("/api/v1/sync/changes?since=%1").arg(since), QJsonValue::Undefined, env.adminToken);
    QCOMPARE(end.status, 200);
    QVERIFY(dataOf(end).value(QStringLiteral("changes")).toArray().isEmpty());
    QCOMPARE(dataOf(end).value(QStringLiteral("next")).toInteger(), since);
    QCOMPARE(dataOf(end).value(QStringLiteral("hasMore")).toBool(), false);
    // The default page is 500.
    QCOMPARE(env.pullAll(env.tokenA, setUpSeq, 1000).size(), 25);
    QVERIFY(env.hub.stop());
}

void TestHubSync::pullRefusesBadParameters_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        const QByteArray prefix = dialect.toLatin1() + ": ";
        QTest::newRow(QByteArray(prefix + "since negative").constData())
            << dialect << QStringLiteral("since=-1") << QStringLiteral("since");
        QTest::newRow(QByteArray(prefix + "since text").constData())
            << dialect << QStringLiteral("since=abc") << QStringLiteral("since");
        QTest::newRow(QByteArray(prefix + "limit zero").constData())
            << dialect << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow(QByteArray(prefix + "limit too big").constData())
            << dialect << QStringLiteral("limit=1001") << QStringLiteral("limit");
        QTest::newRow(QByteArray(prefix + "limit fraction").constData())
            << dialect << QStringLiteral("limit=2.5") << QStringLiteral("limit");
    }
}

void TestHubSync::pullRefusesBadParameters()
{
    QFETCH(QString, dialect);
    QFETCH(QString, query);
    QFETCH(QString, field);
    SET_UP(env, dialect);
    const HubReply reply
        = env.hub.call("GET", QStringLiteral("/api/v1/sync/changes?") + query, QJsonValue::Undefined, env.tokenA);
    QCOMPARE(reply.status, 422);
    QCOMPARE(fieldOf(reply), field);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(field));
    QCOMPARE(env.hub.call("GET", QStringLiteral("/api/v1/sync/changes")).status, 401);
    QVERIFY(env.hub.stop());
}

// ---------------------------------------------------------------- push

namespace {

// A batch with one event of every type the desk writes, in an order a desk could produce.
QJsonArray everyEventType(const QString &device)
{
    const QString memberId = newId();
    const QString cardId = newId();
    const QString productId = newId();
    const QString venueId = newId();
    const QString courseId = newId();
    const QString slotId = newId();
    const QString bookingId = newId();
    const QString entryId = newId();
    const QString deniedId = newId();
    const QString credentialId = newId();
    const QString maintenanceId = newId();
    const QString waitId = newId();
    const QString wait2Id = newId();
    const qint64 slotStart = kT0 + 3 * 86'400'000;
    qint64 at = kT0;
    const auto next = [&](const QString &type, const QJsonObject &data) {
        return fixture::event(type, device, ++at, data);
    };
    QJsonObject member = fixture::member(
        memberId, QStringLiteral("M10100000001"), QStringLiteral("Wang"), QStringLiteral("13800138000"));
    QJsonObject updatedMember = member;
    updatedMember.insert(QStringLiteral("name"), QStringLiteral("Wang Wei"));
    QJsonObject card = fixture::card(cardId, QStringLiteral("C10100000001"), memberId, QStringLiteral("count"), 10);
    QJsonObject frozen = card;
    frozen.insert(QStringLiteral("status"), QStringLiteral("frozen"));
    frozen.insert(QStringLiteral("frozenAt"), kT0 + 50);
    const QJsonObject sale {{QStringLiteral("id"), newId()},
        {QStringLiteral("receiptNo"), QStringLiteral("R10100000001")}, {QStringLiteral("memberId"), memberId},
        {QStringLiteral("cardId"), cardId}, {QStringLiteral("productId"), productId},
        {QStringLiteral("kind"), QStringLiteral("sale")}, {QStringLiteral("amountFen"), 50000},
        {QStringLiteral("paymentMethod"), QStringLiteral("cash")}, {QStringLiteral("staffId"), QStringLiteral("s1")},
        {QStringLiteral("note"), QString()}, {QStringLiteral("createdAt"), kT0}};
    QJsonObject credential {{QStringLiteral("id"), credentialId}, {QStringLiteral("memberId"), memberId},
        {QStringLiteral("cardId"), cardId}, {QStringLiteral("type"), QStringLiteral("card")},
        {QStringLiteral("kid"), QStringLiteral("desk-1")}, {QStringLiteral("code"), QStringLiteral("GG1.x.y.z")},
        {QStringLiteral("issuedAt"), kT0}, {QStringLiteral("expiresAt"), 0},
        {QStringLiteral("revokedAt"), QJsonValue()}};
    QJsonObject revoked = credential;
    revoked.insert(QStringLiteral("revokedAt"), kT0 + 99);
    QJsonObject venue = fixture::venue(venueId, QStringLiteral("studio"), 20);
    QJsonObject closedVenue = venue;
    closedVenue.insert(QStringLiteral("status"), QStringLiteral("closed"));
    const QJsonObject maintenance {{QStringLiteral("id"), maintenanceId}, {QStringLiteral("venueId"), venueId},
        {QStringLiteral("startMs"), kT0 + 10 * 86'400'000}, {QStringLiteral("endMs"), kT0 + 11 * 86'400'000},
        {QStringLiteral("reason"), QStringLiteral("paint")}};
    QJsonObject course = fixture::course(courseId, venueId, 10);
    QJsonObject renamedCourse = course;
    renamedCourse.insert(QStringLiteral("name"), QStringLiteral("Yin yoga"));
    QJsonObject slot = fixture::slot(slotId, courseId, venueId, slotStart, 10);
    QJsonObject movedSlot = slot;
    movedSlot.insert(QStringLiteral("coachName"), QStringLiteral("Zhang"));
    const QJsonObject booking = fixture::booking(
        bookingId, QStringLiteral("B10100000001"), memberId, venueId, slotId, slotStart, slotStart + 3'600'000);
    QJsonObject cancelled = booking;
    cancelled.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    cancelled.insert(QStringLiteral("reason"), QStringLiteral("ill"));
    cancelled.insert(QStringLiteral("late"), false);
    cancelled.insert(QStringLiteral("penaltyFen"), 0);
    const QJsonObject wait {{QStringLiteral("id"), waitId}, {QStringLiteral("memberId"), memberId},
        {QStringLiteral("venueId"), venueId}, {QStringLiteral("slotId"), slotId},
        {QStringLiteral("startMs"), slotStart}, {QStringLiteral("endMs"), slotStart + 3'600'000},
        {QStringLiteral("position"), 1}, {QStringLiteral("status"), QStringLiteral("waiting")}};
    QJsonObject promoted = wait;
    promoted.insert(QStringLiteral("status"), QStringLiteral("promoted"));
    promoted.insert(QStringLiteral("bookingId"), bookingId);
    QJsonObject wait2 = wait;
    wait2.insert(QStringLiteral("id"), wait2Id);
    wait2.insert(QStringLiteral("position"), 2);
    QJsonObject pending = fixture::entry(entryId, memberId, cardId, QStringLiteral("pending"), 1, kT0 + 60);
    QJsonObject passed = pending;
    passed.insert(QStringLiteral("status"), QStringLiteral("passed"));
    passed.insert(QStringLiteral("passedAt"), kT0 + 61);
    QJsonObject denied = fixture::entry(deniedId, memberId, QString(), QStringLiteral("denied"), 0, kT0 + 70);
    QJsonObject annulledPending = fixture::entry(newId(), memberId, cardId, QStringLiteral("pending"), 1, kT0 + 80);
    QJsonObject annulled = annulledPending;
    annulled.insert(QStringLiteral("status"), QStringLiteral("annulled"));
    annulled.insert(QStringLiteral("annulReason"), QStringLiteral("timeout"));
    const QJsonObject staff {
        {QStringLiteral("id"), QStringLiteral("s2")}, {QStringLiteral("username"), QStringLiteral("li")}};

    return QJsonArray {next(QStringLiteral("member.created"), member),
        next(QStringLiteral("member.updated"), updatedMember),
        next(QStringLiteral("product.saved"), fixture::product(productId, QStringLiteral("10 visits"))),
        next(QStringLiteral("card.sold"), card), next(QStringLiteral("sale.recorded"), sale),
        next(QStringLiteral("card.updated"), frozen), next(QStringLiteral("credential.issued"), credential),
        next(QStringLiteral("credential.revoked"), revoked), next(QStringLiteral("venue.created"), venue),
        next(QStringLiteral("venue.updated"), closedVenue), next(QStringLiteral("maintenance.planned"), maintenance),
        next(QStringLiteral("course.created"), course), next(QStringLiteral("course.updated"), renamedCourse),
        next(QStringLiteral("slot.created"), slot), next(QStringLiteral("slot.updated"), movedSlot),
        next(QStringLiteral("booking.created"), booking), next(QStringLiteral("waitlist.joined"), wait),
        next(QStringLiteral("waitlist.joined"), wait2), next(QStringLiteral("booking.cancelled"), cancelled),
        next(QStringLiteral("waitlist.promoted"), promoted),
        next(QStringLiteral("waitlist.left"), QJsonObject {{QStringLiteral("id"), wait2Id}}),
        next(QStringLiteral("entry.decided"), pending), next(QStringLiteral("entry.passed"), passed),
        next(QStringLiteral("entry.decided"), denied), next(QStringLiteral("entry.decided"), annulledPending),
        next(QStringLiteral("entry.annulled"), annulled), next(QStringLiteral("staff.created"), staff),
        next(QStringLiteral("staff.changed"), staff), next(QStringLiteral("staff.deleted"), staff),
        next(QStringLiteral("maintenance.removed"), QJsonObject {{QStringLiteral("id"), maintenanceId}}),
        next(QStringLiteral("slot.deleted"), QJsonObject {{QStringLiteral("id"), slotId}}),
        next(QStringLiteral("course.deleted"), QJsonObject {{QStringLiteral("id"), courseId}}),
        next(QStringLiteral("venue.deleted"), QJsonObject {{QStringLiteral("id"), venueId}})};
}

} // namespace

void TestHubSync::pushEveryTypeTwiceChangesNothing_data()
{
    addDialectRows();
}

void TestHubSync::pushEveryTypeTwiceChangesNothing()
{
    QFETCH(QString, dialect);
    SET_UP(env, dialect);
    const QJsonArray events = everyEventType(kDeviceA);
    const QJsonArray first = env.push(env.tokenA, events);
    QCOMPARE(first.size(), events.size());
    for (int i = 0; i < events.size(); ++i) {
        QCOMPARE(
            first.at(i).toObject().value(QStringLiteral("id")), events.at(i).toObject().value(QStringLiteral("id")));
        QVERIFY2(first.at(i).toObject().value(QStringLiteral("status")).toString() == QLatin1String("ok"),
            qPrintable(events.at(i).toObject().value(QStringLiteral("type")).toString() + QLatin1Char(' ')
                + QString::fromUtf8(QJsonDocument(first.at(i).toObject()).toJson(QJsonDocument::Compact))));
    }
    // What the batch did: the rows with the pushing device's site, the entry charged once.
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT name FROM member")).toString(), QStringLiteral("Wang Wei"));
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT site_id FROM member")).toString(), kSiteA);
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT status FROM member_card")).toString(), QStringLiteral("frozen"));
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT visits_left FROM member_card")).toLongLong(), 9);
    QCOMPARE(env.db.count(QStringLiteral("sale")), 1);
    QCOMPARE(env.db.count(QStringLiteral("credential"), QStringLiteral("revoked_at IS NOT NULL")), 1);
    QCOMPARE(env.db.count(QStringLiteral("entry")), 3);
    QCOMPARE(env.db.count(QStringLiteral("entry"), QStringLiteral("status = 'annulled'")), 1);
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT status FROM booking")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(env.db.count(QStringLiteral("waitlist"), QStringLiteral("status = 'cancelled'")), 1);
    QCOMPARE(env.db.count(QStringLiteral("waitlist"), QStringLiteral("status = 'promoted'")), 1);
    QCOMPARE(env.db.count(QStringLiteral("venue"), QStringLiteral("deleted_at IS NOT NULL")), 1);
    QCOMPARE(env.db.count(QStringLiteral("hub_sync_event")), events.size());
    QCOMPARE(env.db.count(QStringLiteral("hub_user")), 1); // staff.* never makes hub accounts
    // What other sites pull: the entities, a revocation, tombstones.
    QSet<QString> pulled;
    for (const QJsonValue &value : env.pullAll(env.tokenB)) {
        const QJsonObject change = value.toObject();
        pulled.insert(change.value(QStringLiteral("entity")).toString() + QLatin1Char(':')
            + change.value(QStringLiteral("op")).toString());
    }
    for (const char *expected : {"member:upsert", "card:upsert", "product:upsert", "revocation:upsert", "venue:upsert",
             "maintenance:upsert", "course:upsert", "slot:upsert", "booking:upsert", "waitlist:upsert", "venue:delete",
             "maintenance:delete", "course:delete", "slot:delete"})
        QVERIFY2(pulled.contains(QString::fromLatin1(expected)), expected);

    const qint64 maxSeq = env.db.scalar(QStringLiteral("SELECT MAX(seq) FROM change_log")).toLongLong();
    const QString before = env.snapshot();
    const QJsonArray second = env.push(env.tokenA, events);
    QCOMPARE(statusesOf(second), QStringList(events.size(), QStringLiteral("duplicate")));
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT MAX(seq) FROM change_log")).toLongLong(), maxSeq);
    QCOMPARE(env.snapshot(), before);
    QVERIFY(env.hub.stop());
}

void TestHubSync::badEventsAreRejectedOthersApplied_data()
{
    addDialectRows();
}

void TestHubSync::badEventsAreRejectedOthersApplied()
{
    QFETCH(QString, dialect);
    SET_UP(env, dialect);
    const auto product = [](const QString &name) {
        return fixture::event(QStringLiteral("product.saved"), kDeviceA, kT0, fixture::product(newId(), name));
    };
    QJsonObject noId = product(QStringLiteral("x"));
    noId.remove(QStringLiteral("id"));
    QJsonObject notUuid = product(QStringLiteral("x"));
    notUuid.insert(QStringLiteral("id"), QStringLiteral("evt-1"));
    QJsonObject noType = product(QStringLiteral("x"));
    noType.remove(QStringLiteral("type"));
    QJsonObject textAt = product(QStringLiteral("x"));
    textAt.insert(QStringLiteral("at"), QStringLiteral("yesterday"));
    QJsonObject noData = product(QStringLiteral("x"));
    noData.remove(QStringLiteral("data"));
    QJsonObject arrayData = product(QStringLiteral("x"));
    arrayData.insert(QStringLiteral("data"), QJsonArray {1});
    QJsonObject unknown = product(QStringLiteral("x"));
    unknown.insert(QStringLiteral("type"), QStringLiteral("spaceship.launched"));
    QJsonObject foreign = product(QStringLiteral("x"));
    foreign.insert(QStringLiteral("device"), kDeviceB);
    QJsonObject extraMember = product(QStringLiteral("x"));
    extraMember.insert(QStringLiteral("colour"), QStringLiteral("red"));
    QJsonObject badGender = fixture::event(QStringLiteral("member.created"), kDeviceA, kT0,
        fixture::member(newId(), QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13900000001")));
    QJsonObject badGenderData = badGender.value(QStringLiteral("data")).toObject();
    badGenderData.insert(QStringLiteral("gender"), QStringLiteral("male"));
    badGender.insert(QStringLiteral("data"), badGenderData);
    const QJsonObject orphanCard = fixture::event(QStringLiteral("card.sold"), kDeviceA, kT0,
        fixture::card(newId(), QStringLiteral("C1"), newId(), QStringLiteral("count"), 5));
    QJsonObject badPrice = product(QStringLiteral("x"));
    QJsonObject badPriceData = badPrice.value(QStringLiteral("data")).toObject();
    badPriceData.insert(QStringLiteral("priceFen"), -5);
    badPrice.insert(QStringLiteral("data"), badPriceData);

    const QJsonArray events {product(QStringLiteral("first")), noId, notUuid, noType, textAt, noData, arrayData,
        unknown, foreign, extraMember, badGender, orphanCard, badPrice, QStringLiteral("not an object"),
        product(QStringLiteral("last"))};
    const QJsonArray results = env.push(env.tokenA, events);
    QCOMPARE(results.size(), events.size());
    struct Expected {
        const char *status;
        const char *reason;
        const char *field;
    };
    const QList<Expected> expected {{"ok", "", ""}, {"rejected", "field_invalid", "id"},
        {"rejected", "field_invalid", "id"}, {"rejected", "field_invalid", "type"}, {"rejected", "field_invalid", "at"},
        {"rejected", "field_invalid", "data"}, {"rejected", "field_invalid", "data"},
        {"rejected", "unknown_type", "type"}, {"rejected", "foreign_device", "device"},
        {"rejected", "field_invalid", "colour"}, {"rejected", "field_invalid", "data.gender"},
        {"rejected", "not_found", "data.memberId"}, {"rejected", "field_invalid", "data.priceFen"},
        {"rejected", "field_invalid", "event"}, {"ok", "", ""}};
    for (int i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QString::fromLatin1(expected.at(i).status));
        QCOMPARE(result.value(QStringLiteral("reason")).toString(), QString::fromLatin1(expected.at(i).reason));
        QCOMPARE(result.value(QStringLiteral("field")).toString(), QString::fromLatin1(expected.at(i).field));
        if (result.value(QStringLiteral("status")).toString() == QLatin1String("rejected"))
            QVERIFY(!result.value(QStringLiteral("message")).toString().isEmpty());
    }
    QCOMPARE(results.at(2).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("evt-1"));
    QCOMPARE(env.db.count(QStringLiteral("card_product")), 2);
    QCOMPARE(env.db.count(QStringLiteral("member")), 0);
    QCOMPARE(env.db.count(QStringLiteral("member_card")), 0);
    QCOMPARE(env.db.count(QStringLiteral("change_log"), QStringLiteral("entity <> 'staff'")), 2);
    // The refused events that carried a good id are remembered: pushed again, duplicates.
    const QJsonArray again = env.push(env.tokenA, QJsonArray {unknown, badGender, orphanCard});
    QCOMPARE(statusesOf(again), QStringList(3, QStringLiteral("duplicate")));
    QVERIFY(env.hub.stop());
}

void TestHubSync::badBatchesAreRefused_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QJsonArray tooMany;
    const QJsonObject one = fixture::event(QStringLiteral("staff.created"), kDeviceA, kT0, QJsonObject());
    for (int i = 0; i < 501; ++i)
        tooMany.append(one);
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        const QByteArray prefix = dialect.toLatin1() + ": ";
        QTest::newRow(QByteArray(prefix + "no events").constData())
            << dialect << QByteArray("{}") << 422 << QStringLiteral("events");
        QTest::newRow(QByteArray(prefix + "empty").constData())
            << dialect << QByteArray("{\"events\":[]}") << 422 << QStringLiteral("events");
        QTest::newRow(QByteArray(prefix + "not an array").constData())
            << dialect << QByteArray("{\"events\":{}}") << 422 << QStringLiteral("events");
        QTest::newRow(QByteArray(prefix + "501 events").constData())
            << dialect << QJsonDocument(fixture::batch(tooMany)).toJson(QJsonDocument::Compact) << 422
            << QStringLiteral("events");
        QTest::newRow(QByteArray(prefix + "unknown member").constData())
            << dialect << QByteArray("{\"events\":[],\"cursor\":1}") << 422 << QStringLiteral("cursor");
        QTest::newRow(QByteArray(prefix + "array body").constData())
            << dialect << QByteArray("[]") << 422 << QStringLiteral("body");
        QTest::newRow(QByteArray(prefix + "malformed").constData())
            << dialect << QByteArray("{\"events\":") << 400 << QStringLiteral("body");
    }
}

void TestHubSync::badBatchesAreRefused()
{
    QFETCH(QString, dialect);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    SET_UP(env, dialect);
    const QString before = env.snapshot();
    const HubReply reply = env.hub.request("POST", QStringLiteral("/api/v1/sync/events"), body, 10000,
        {{QByteArrayLiteral("Authorization"), "Bearer " + env.tokenA.toLatin1()}});
    QCOMPARE(reply.status, status);
    QCOMPARE(fieldOf(reply), field);
    QCOMPARE(env.snapshot(), before);
    // Staff may not push: events are a device's.
    const HubReply staff = env.hub.call("POST", QStringLiteral("/api/v1/sync/events"),
        fixture::batch({fixture::event(QStringLiteral("staff.created"), kDeviceA, kT0, QJsonObject())}),
        env.adminToken);
    QCOMPARE(staff.status, 403);
    QCOMPARE(env.snapshot(), before);
    QVERIFY(env.hub.stop());
}

// ---------------------------------------------------------------- conflict rules

void TestHubSync::memberLastWriterWinsPerField_data()
{
    addDialectRows();
}

void TestHubSync::memberLastWriterWinsPerField()
{
    QFETCH(QString, dialect);
    SET_UP(env, dialect);
    const QString id = newId();
    const QJsonObject original
        = fixture::member(id, QStringLiteral("M10100000007"), QStringLiteral("Zhao"), QStringLiteral("13800000001"));
    QCOMPARE(
        statusesOf(env.push(env.tokenA, {fixture::event(QStringLiteral("member.created"), kDeviceA, kT0, original)})),
        QStringList {QStringLiteral("ok")});
    // Site B renamed the member at t0+2s; site A, offline, changed the phone at t0+1s and the
    // language at t0+3s. A's events arrive after B's, carrying the old name along.
    QJsonObject renamed = original;
    renamed.insert(QStringLiteral("name"), QStringLiteral("Zhao Lei"));
    const QJsonObject newPhone
        = fixture::member(id, QStringLiteral("M10100000007"), QStringLiteral("Zhao"), QStringLiteral("13900000002"));
    QJsonObject language = newPhone;
    language.insert(QStringLiteral("preferredLanguage"), QStringLiteral("en"));
    QJsonObject stale = original; // an even older edit of the name: loses
    stale.insert(QStringLiteral("name"), QStringLiteral("Old Name"));
    QCOMPARE(statusesOf(env.push(
                 env.tokenB, {fixture::event(QStringLiteral("member.updated"), kDeviceB, kT0 + 2000, renamed)})),
        QStringList {QStringLiteral("ok")});
    QCOMPARE(statusesOf(env.push(env.tokenA,
                 {fixture::event(QStringLiteral("member.updated"), kDeviceA, kT0 + 1000, newPhone),
                     fixture::event(QStringLiteral("member.updated"), kDeviceA, kT0 + 3000, language),
                     fixture::event(QStringLiteral("member.updated"), kDeviceA, kT0 + 500, stale)})),
        QStringList(3, QStringLiteral("ok")));

    QCOMPARE(env.db.scalar(QStringLiteral("SELECT name FROM member WHERE id = ?"), {id}).toString(),
        QStringLiteral("Zhao Lei"));
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT phone_mask FROM member WHERE id = ?"), {id}).toString(),
        QStringLiteral("139****0002"));
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT preferred_language FROM member WHERE id = ?"), {id}).toString(),
        QStringLiteral("en"));
    // The last published state is the merged one.
    QJsonArray changes; // the member's changes (the set-up also logged the admin's staff account)
    for (const QJsonValue &change : env.pullAll(env.tokenA)) {
        if (change.toObject().value(QStringLiteral("entity")).toString() == QLatin1String("member"))
            changes.append(change);
    }
    const QJsonObject last = changes.last().toObject().value(QStringLiteral("data")).toObject();
    QCOMPARE(last.value(QStringLiteral("name")).toString(), QStringLiteral("Zhao Lei"));
    QCOMPARE(
        last.value(QStringLiteral("phoneHash")).toString(), newPhone.value(QStringLiteral("phoneHash")).toString());
    QCOMPARE(last.value(QStringLiteral("preferredLanguage")).toString(), QStringLiteral("en"));
    QCOMPARE(changes.size(), 4); // created, renamed, phone, language; the stale edit changed nothing
    QVERIFY(env.hub.stop());
}

void TestHubSync::countCardUsedTwiceOfflineIsFlagged_data()
{
    addDialectRows();
}

void TestHubSync::countCardUsedTwiceOfflineIsFlagged()
{
    QFETCH(QString, dialect);
    SET_UP(env, dialect);
    const QString memberId = newId();
    const QString cardId = newId();
    QCOMPARE(statusesOf(env.push(env.tokenA,
                 {fixture::event(QStringLiteral("member.created"), kDeviceA, kT0,
                      fixture::member(
                          memberId, QStringLiteral("M1"), QStringLiteral("Qian"), QStringLiteral("13700000000"))),
                     fixture::event(QStringLiteral("card.sold"), kDeviceA, kT0 + 1,
                         fixture::card(cardId, QStringLiteral("C1"), memberId, QStringLiteral("count"), 1))})),
        QStringList(2, QStringLiteral("ok")));
    // The last visit, used offline at both sites.
    const auto passedAt = [&](const QString &device, qint64 atMs) {
        QJsonObject data = fixture::entry(newId(), memberId, cardId, QStringLiteral("passed"), 1, atMs);
        data.insert(QStringLiteral("passedAt"), atMs + 2);
        return fixture::event(QStringLiteral("entry.passed"), device, atMs + 2, data);
    };
    QCOMPARE(statusesOf(env.push(env.tokenA, {passedAt(kDeviceA, kT0 + 100)})), QStringList {QStringLiteral("ok")});
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT visits_left FROM member_card")).toLongLong(), 0);
    QCOMPARE(env.db.count(QStringLiteral("hub_flag")), 0);
    QCOMPARE(statusesOf(env.push(env.tokenB, {passedAt(kDeviceB, kT0 + 200)})), QStringList {QStringLiteral("ok")});
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT visits_left FROM member_card")).toLongLong(), -1);
    QCOMPARE(env.db.count(QStringLiteral("entry"), QStringLiteral("status = 'passed'")), 2);
    QCOMPARE(
        env.db.count(QStringLiteral("hub_flag"), QStringLiteral("kind = 'card_overdrawn' AND entity_id = ?"), {cardId}),
        1);
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT site_id FROM hub_flag")).toString(), kSiteB);
    QCOMPARE(env.db.count(
                 QStringLiteral("hub_notification"), QStringLiteral("audience = 'staff' AND kind = 'card.flagged'")),
        1);
    // Sites pull the overdrawn card.
    const QJsonArray changes = env.pullAll(env.tokenA);
    QCOMPARE(changes.last().toObject().value(QStringLiteral("entity")).toString(), QStringLiteral("card"));
    QCOMPARE(
        changes.last().toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("visitsLeft")).toInt(),
        -1);

    // Staff see the flag; an admin resolves it once.
    const HubReply list = env.hub.call(
        "GET", QStringLiteral("/api/v1/flags?kind=card_overdrawn"), QJsonValue::Undefined, env.adminToken);
    QCOMPARE(list.status, 200);
    const QJsonArray flags = dataOf(list).value(QStringLiteral("flags")).toArray();
    QCOMPARE(flags.size(), 1);
    const QJsonObject flag = flags.first().toObject();
    QCOMPARE(flag.value(QStringLiteral("entityId")).toString(), cardId);
    QCOMPARE(flag.value(QStringLiteral("detail")).toObject().value(QStringLiteral("visitsLeft")).toInt(), -1);
    const HubReply other = env.hub.call(
        "GET", QStringLiteral("/api/v1/flags?kind=booking_rejected"), QJsonValue::Undefined, env.adminToken);
    QVERIFY(dataOf(other).value(QStringLiteral("flags")).toArray().isEmpty());
    QCOMPARE(env.hub.call("GET", QStringLiteral("/api/v1/flags"), QJsonValue::Undefined, env.tokenA).status, 403);
    const QString path = QStringLiteral("/api/v1/flags/%1/resolve").arg(flag.value(QStringLiteral("id")).toString());
    QCOMPARE(env.hub.call("POST", path, QJsonObject {{QStringLiteral("note"), 1}}, env.adminToken).status, 422);
    const HubReply resolved = env.hub.call("POST", path, QJsonValue::Undefined, env.adminToken);
    QCOMPARE(resolved.status, 200);
    QVERIFY(dataOf(resolved).value(QStringLiteral("resolvedAt")).toInteger() > 0);
    QCOMPARE(env.hub.call("POST", path, QJsonValue::Undefined, env.adminToken).status, 409);
    QCOMPARE(env.hub.call("POST", QStringLiteral("/api/v1/flags/nope/resolve"), QJsonValue::Undefined, env.adminToken)
                 .status,
        404);
    QVERIFY(dataOf(env.hub.call("GET", QStringLiteral("/api/v1/flags"), QJsonValue::Undefined, env.adminToken))
                .value(QStringLiteral("flags"))
                .toArray()
                .isEmpty());
    QVERIFY(env.hub.stop());
}

void TestHubSync::bookingOverCapacityIsRejected_data()
{
    addDialectRows();
}

void TestHubSync::bookingOverCapacityIsRejected()
{
    QFETCH(QString, dialect);
    SET_UP(env, dialect);
    const QString member1 = newId();
    const QString member2 = newId();
    const QString studio = newId();
    const QString court = newId();
    const QString courseId = newId();
    const QString slotId = newId();
    const qint64 start = kT0 + 2 * 86'400'000;
    QCOMPARE(
        statusesOf(env.push(env.tokenA,
            {fixture::event(QStringLiteral("member.created"), kDeviceA, kT0,
                 fixture::member(member1, QStringLiteral("M1"), QStringLiteral("Sun"), QStringLiteral("13600000001"))),
                fixture::event(QStringLiteral("member.created"), kDeviceA, kT0,
                    fixture::member(
                        member2, QStringLiteral("M2"), QStringLiteral("Li"), QStringLiteral("13600000002"))),
                fixture::event(QStringLiteral("venue.created"), kDeviceA, kT0,
                    fixture::venue(studio, QStringLiteral("studio"), 10)),
                fixture::event(
                    QStringLiteral("venue.created"), kDeviceA, kT0, fixture::venue(court, QStringLiteral("court"), 4)),
                fixture::event(QStringLiteral("course.created"), kDeviceA, kT0, fixture::course(courseId, studio, 1)),
                fixture::event(QStringLiteral("slot.created"), kDeviceA, kT0,
                    fixture::slot(slotId, courseId, studio, start, 1))})),
        QStringList(6, QStringLiteral("ok")));
    // The last place of the class and the court at 10:00 were each booked offline at both sites.
    const QString firstSlot = newId();
    const QString secondSlot = newId();
    const QString firstCourt = newId();
    const QString secondCourt = newId();
    QCOMPARE(
        statusesOf(env.push(env.tokenA,
            {fixture::event(QStringLiteral("booking.created"), kDeviceA, kT0 + 10,
                 fixture::booking(firstSlot, QStringLiteral("B1"), member1, studio, slotId, start, start + 3'600'000)),
                fixture::event(QStringLiteral("booking.created"), kDeviceA, kT0 + 11,
                    fixture::booking(
                        firstCourt, QStringLiteral("B2"), member1, court, QString(), start, start + 3'600'000))})),
        QStringList(2, QStringLiteral("ok")));
    const QJsonArray results = env.push(env.tokenB,
        {fixture::event(QStringLiteral("booking.created"), kDeviceB, kT0 + 5,
             fixture::booking(secondSlot, QStringLiteral("B3"), member2, studio, slotId, start, start + 3'600'000)),
            fixture::event(QStringLiteral("booking.created"), kDeviceB, kT0 + 6,
                fixture::booking(secondCourt, QStringLiteral("B4"), member2, court, QString(), start + 1'800'000,
                    start + 5'400'000))});
    QCOMPARE(statusesOf(results), QStringList(2, QStringLiteral("rejected")));
    for (const QJsonValue &result : results)
        QCOMPARE(result.toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("booking_conflict"));

    QCOMPARE(env.db.scalar(QStringLiteral("SELECT status FROM booking WHERE id = ?"), {secondSlot}).toString(),
        QStringLiteral("rejected"));
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT status FROM booking WHERE id = ?"), {secondCourt}).toString(),
        QStringLiteral("rejected"));
    QCOMPARE(env.db.scalar(QStringLiteral("SELECT booked_count FROM course_slot")).toLongLong(), 1);
    QCOMPARE(env.db.count(QStringLiteral("hub_flag"), QStringLiteral("kind = 'booking_rejected'")), 2);
    QCOMPARE(
        env.db.count(QStringLiteral("hub_notification"), QStringLiteral("kind = 'booking.confirmed' AND audience = ?"),
            {QString(QStringLiteral("member:") + member1)}),
        2);
    QCOMPARE(
        env.db.count(QStringLiteral("hub_notification"), QStringLiteral("kind = 'booking.rejected' AND audience = ?"),
            {QString(QStringLiteral("member:") + member2)}),
        2);
    QCOMPARE(
        env.db.count(QStringLiteral("hub_notification"), QStringLiteral("kind = 'booking.rejected' AND audience = ?"),
            {QString(QStringLiteral("site:") + kSiteB)}),
        2);
    // Site B learns the verdict from its next pull.
    bool seen = false;
    for (const QJsonValue &value : env.pullAll(env.tokenB)) {
        const QJsonObject change = value.toObject();
        if (change.value(QStringLiteral("id")).toString() == secondSlot)
            seen = change.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString()
                == QLatin1String("rejected");
    }
    QVERIFY(seen);
    // Pushed again: a duplicate, no second flag.
    QVERIFY(env.hub.stop());
}

// ---------------------------------------------------------------- two instances

namespace {

// Many requests in flight at once against several hubs, without blocking between them.
class Concurrent : public QObject {
public:
    QNetworkReply *post(int port, const QString &token, const QJsonObject &body)
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/sync/events").arg(port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        ++m_open;
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const QJsonArray results = QJsonDocument::fromJson(reply->readAll())
                                           .object()
                                           .value(QStringLiteral("data"))
                                           .toObject()
                                           .value(QStringLiteral("results"))
                                           .toArray();
            for (const QJsonValue &result : results)
                okCount += result.toObject().value(QStringLiteral("status")).toString() == QLatin1String("ok") ? 1 : 0;
            --m_open;
            reply->deleteLater();
            m_loop.quit();
        });
        return reply;
    }

    // Pulls from `port` while pushes are in flight: each answer asks for the next page at once.
    void startPulling(int port, const QString &token)
    {
        m_pullPort = port;
        m_pullToken = token;
        pullNext();
    }

    void waitAll()
    {
        QTimer guard;
        guard.setSingleShot(true);
        guard.start(120000);
        connect(&guard, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        while ((m_open > 0 || m_pulling) && guard.isActive())
            m_loop.exec();
    }

    int okCount = 0;
    QList<qint64> pulledSeqs;
    int pulls = 0;

private:
    void pullNext()
    {
        m_pulling = true;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/sync/changes?since=%2&limit=1000")
                                         .arg(m_pullPort)
                                         .arg(m_since)));
        request.setRawHeader("Authorization", "Bearer " + m_pullToken.toLatin1());
        QNetworkReply *reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const QJsonObject data
                = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("data")).toObject();
            reply->deleteLater();
            ++pulls;
            for (const QJsonValue &change : data.value(QStringLiteral("changes")).toArray())
                pulledSeqs.append(change.toObject().value(QStringLiteral("seq")).toInteger());
            m_since = data.value(QStringLiteral("next")).toInteger(m_since);
            // Keep pulling while pushes run; once they are done, one last pull to the end.
            if (m_open > 0 || data.value(QStringLiteral("hasMore")).toBool() || !m_finalPull) {
                m_finalPull = m_open == 0;
                pullNext();
                return;
            }
            m_pulling = false;
            m_loop.quit();
        });
    }

    QNetworkAccessManager m_network;
    QEventLoop m_loop;
    int m_open = 0;
    bool m_pulling = false;
    bool m_finalPull = false;
    int m_pullPort = 0;
    QString m_pullToken;
    qint64 m_since = 0;
};

} // namespace

void TestHubSync::twoHubsOnOnePostgresql()
{
    SKIP_UNLESS_AVAILABLE(m_databases, QStringLiteral("postgresql"));
    SyncEnv env;
    QVERIFY(setUp(QStringLiteral("postgresql"), env));
    HubProcess second;
    QVERIFY2(second.start({QStringLiteral("--db"), env.spec}), qPrintable(second.errorText));

    // Pushed through hub 1, pulled through hub 2: the same changes.
    const QJsonArray events = everyEventType(kDeviceA);
    QCOMPARE(statusesOf(env.push(env.tokenA, events)), QStringList(events.size(), QStringLiteral("ok")));
    const QJsonArray viaFirst = env.pullAll(env.tokenB, 0, 7);
    const QJsonArray viaSecond = env.pullAll(env.tokenB, 0, 7, &second);
    QVERIFY(!viaFirst.isEmpty());
    QCOMPARE(viaSecond, viaFirst);
    // The same batch through hub 2: duplicates.
    QCOMPARE(
        statusesOf(env.push(env.tokenA, events, &second)), QStringList(events.size(), QStringLiteral("duplicate")));

    // Both devices push batches at once through both hubs while a puller follows the log
    // through hub 2: seqs commit in order without gaps, so the puller misses nothing.
    const qint64 startSeq = env.db.scalar(QStringLiteral("SELECT MAX(seq) FROM change_log")).toLongLong();
    Concurrent concurrent;
    int pushed = 0;
    for (int round = 0; round < 4; ++round) {
        for (const auto &[port, token, device] :
            {std::tuple {env.hub.port, env.tokenA, kDeviceA}, std::tuple {second.port, env.tokenB, kDeviceB}}) {
            QJsonArray batch;
            for (int i = 0; i < 40; ++i)
                batch.append(fixture::event(QStringLiteral("product.saved"), device, kT0 + i,
                    fixture::product(newId(), QStringLiteral("P %1").arg(i))));
            pushed += int(batch.size());
            concurrent.post(port, token, fixture::batch(batch));
        }
    }
    concurrent.startPulling(second.port, env.tokenA);
    concurrent.waitAll();
    QCOMPARE(concurrent.okCount, pushed);
    const qint64 endSeq = env.db.scalar(QStringLiteral("SELECT MAX(seq) FROM change_log")).toLongLong();
    QCOMPARE(endSeq - startSeq, qint64(pushed));
    QCOMPARE(env.db.count(QStringLiteral("change_log"), QStringLiteral("seq > ?"), {startSeq}), qint64(pushed));
    // The puller saw every seq from 1 to the end exactly once, in order.
    QCOMPARE(concurrent.pulledSeqs.size(), qsizetype(endSeq));
    for (qsizetype i = 0; i < concurrent.pulledSeqs.size(); ++i)
        QCOMPARE(concurrent.pulledSeqs.at(i), qint64(i + 1));
    QVERIFY(concurrent.pulls > 1);
    QVERIFY(second.stop());
    QVERIFY(env.hub.stop());
}

QTEST_GUILESS_MAIN(TestHubSync)
#include "tst_hubsync.moc"
