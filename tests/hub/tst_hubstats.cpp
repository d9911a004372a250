// Statistics through the real gymgate-hub on SQLite and PostgreSQL: every figure of the overview,
// reservation, venue and report endpoints on a hand-built dataset (rows inserted straight into the
// database) with known answers, including the edges of local days, time zones and month ends,
// an empty range, and every refusal.
#include "core/Report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include "HubTestSupport.h"

using namespace hubtest;
using namespace gymgate;

namespace {

const QString kShanghai = QStringLiteral("Asia/Shanghai");
const QString kUtc = QStringLiteral("UTC");
const QString kBerlin = QStringLiteral("Europe/Berlin"); // summer time from 2026-03-29 01:00 UTC

// UTC ms of a local wall-clock time "yyyy-MM-dd HH:mm:ss.zzz" in `zone`.
qint64 at(const QString &local, const QString &zone = kShanghai)
{
    const QDateTime parsed = QDateTime::fromString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    Q_ASSERT(parsed.isValid());
    return QDateTime(parsed.date(), parsed.time(), QTimeZone(zone.toUtf8())).toMSecsSinceEpoch();
}

qint64 utc(const QString &text)
{
    return at(text, kUtc);
}

// The value at a path like "rows/key=2026-03-10/value" ("#" is the size of an array).
QJsonValue valueAt(QJsonValue value, const QString &path)
{
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        if (segment == QLatin1String("#"))
            return value.toArray().size();
        const qsizetype equals = segment.indexOf(QLatin1Char('='));
        if (equals < 0) {
            value = value.toObject().value(segment);
            continue;
        }
        const QString field = segment.left(equals);
        const QString wanted = segment.mid(equals + 1);
        QJsonValue found = QJsonValue::Undefined;
        for (const QJsonValue &item : value.toArray()) {
            if (item.toObject().value(field).toString() == wanted)
                found = item;
        }
        value = found;
    }
    return value;
}

bool insertDataset(const HubDb &db);

// The program's hub on one dialect: the dataset and tokens of every role.
struct Env : ServedHub {
    QMap<QString, QString> tokens; // "admin", "staff", "technician", "member", "device"

    bool start(const QString &databaseSpec)
    {
        if (!ServedHub::start(databaseSpec))
            return false;
        return insertDataset(db) && makeTokens() ? true : failed(QStringLiteral("dataset: ") + db.errorText);
    }

    // Tokens of every role, signed with the hub's own key as the hub would sign them.
    bool makeTokens()
    {
        tokens.insert(QStringLiteral("admin"), adminToken);
        for (const QString &role : {QStringLiteral("staff"), QStringLiteral("technician")}) {
            const qint64 id = db.insertUser(role, role);
            if (id <= 0)
                return false;
            tokens.insert(role, db.userToken(id, role));
        }
        tokens.insert(QStringLiteral("member"), db.memberToken(QStringLiteral("m1")));
        if (db.insertDevice(QStringLiteral("site-a"), QStringLiteral("d1")).isEmpty())
            return false;
        tokens.insert(QStringLiteral("device"), db.deviceToken(QStringLiteral("d1")));
        return true;
    }

    HubReply get(const QString &path, const QString &who = QStringLiteral("admin"))
    {
        return hub.call("GET", path, QJsonValue::Undefined, tokens.value(who));
    }
};

} // namespace

class TestHubStats : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void figures_data();
    void figures();
    void refusals_data();
    void refusals();
    void everyReportAgreesOnBothDialects();

private:
    Env *env(const QString &dialect) { return m_envs.get(m_databases, dialect, QStringLiteral("stats")); }

    HubDatabases m_databases;
    HubPerDialect<Env> m_envs;
};

void TestHubStats::initTestCase()
{
    QVERIFY(m_databases.start());
    for (const QString &dialect : kDialects) {
        if (m_databases.available(dialect))
            QVERIFY2(env(dialect), qPrintable(m_envs.errorText));
    }
}

void TestHubStats::cleanupTestCase()
{
    QVERIFY(m_envs.stopAll());
}

namespace {

// The dataset. Site A is in Asia/Shanghai (UTC+8), site B in UTC. The range under test is
// March 2026 at site A: [2026-03-01 00:00, 2026-04-01 00:00) Shanghai time.
bool insertDataset(const HubDb &db)
{
    bool ok = true;
    const auto run = [&](const QString &statement, const QVariantList &binds) {
        ok = ok && db.exec(statement, binds);
    };
    const QString site = QStringLiteral(
        "INSERT INTO site (id, name, number, timezone, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)");
    run(site, {QStringLiteral("site-a"), QStringLiteral("A"), QStringLiteral("101"), kShanghai});
    run(site, {QStringLiteral("site-b"), QStringLiteral("B"), QStringLiteral("102"), kUtc});
    run(site, {QStringLiteral("site-c"), QStringLiteral("C"), QStringLiteral("103"), kBerlin});

    const QString member = QStringLiteral("INSERT INTO member (id, site_id, member_no, name, phone_hash, phone_mask, "
                                          "created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)");
    const auto addMember = [&](const QString &id, const QString &siteId, qint64 createdAt, const QVariant &deletedAt) {
        run(member,
            {id, siteId, id.toUpper(), id, QString(QStringLiteral("hash-") + id), createdAt, createdAt, deletedAt});
    };
    addMember(
        QStringLiteral("m1"), QStringLiteral("site-a"), at(QStringLiteral("2026-02-01 10:00:00.000")), nullInteger());
    addMember(
        QStringLiteral("m2"), QStringLiteral("site-a"), at(QStringLiteral("2026-03-15 10:00:00.000")), nullInteger());
    addMember(
        QStringLiteral("m3"), QStringLiteral("site-a"), at(QStringLiteral("2026-03-31 23:59:59.999")), nullInteger());
    addMember(
        QStringLiteral("m4"), QStringLiteral("site-a"), at(QStringLiteral("2026-04-01 00:00:00.000")), nullInteger());
    addMember(QStringLiteral("m5"), QStringLiteral("site-a"), at(QStringLiteral("2026-01-01 00:00:00.000")),
        at(QStringLiteral("2026-03-10 00:00:00.000")));
    addMember(
        QStringLiteral("m6"), QStringLiteral("site-b"), at(QStringLiteral("2026-03-02 10:00:00.000")), nullInteger());

    const QString venue = QStringLiteral("INSERT INTO venue (id, site_id, name, kind, capacity, opening_hours, "
                                         "created_at, updated_at) VALUES (?, ?, ?, ?, 10, ?, 0, 0)");
    run(venue,
        {QStringLiteral("v1"), QStringLiteral("site-a"), QStringLiteral("Court"), QStringLiteral("court"),
            QStringLiteral("[{\"days\":\"*\",\"from\":\"09:00\",\"to\":\"21:00\"}]")});
    run(venue,
        {QStringLiteral("v2"), QStringLiteral("site-a"), QStringLiteral("Studio"), QStringLiteral("studio"),
            QStringLiteral("[{\"days\":\"*\",\"from\":\"22:00\",\"to\":\"02:00\"}]")});
    run(venue,
        {QStringLiteral("v3"), QStringLiteral("site-b"), QStringLiteral("Pool"), QStringLiteral("pool"),
            QStringLiteral("[]")});
    run(QStringLiteral("INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, updated_at) "
                       "VALUES ('c1', 'Yoga', 'v2', 60, 4, 0, 0)"),
        {});
    const QString slot = QStringLiteral("INSERT INTO course_slot (id, course_id, venue_id, start_at, end_at, capacity, "
                                        "created_at, updated_at) VALUES (?, 'c1', 'v2', ?, ?, ?, 0, 0)");
    run(slot,
        {QStringLiteral("s1"), at(QStringLiteral("2026-03-10 18:00:00.000")),
            at(QStringLiteral("2026-03-10 19:00:00.000")), 4});
    run(slot,
        {QStringLiteral("s2"), at(QStringLiteral("2026-03-20 18:00:00.000")),
            at(QStringLiteral("2026-03-20 19:00:00.000")), 2});

    const QString booking
        = QStringLiteral("INSERT INTO booking (id, site_id, booking_no, member_id, venue_id, slot_id, "
                         "start_at, end_at, status, created_at, updated_at) "
                         "VALUES (?, NULL, ?, 'm1', ?, ?, ?, ?, ?, 0, 0)");
    const auto addBooking = [&](const QString &id, const QString &venueId, const QVariant &slotId, const QString &start,
                                const QString &end, const QString &status) {
        run(booking, {id, id.toUpper(), venueId, slotId, at(start), at(end), status});
    };
    addBooking(QStringLiteral("b1"), QStringLiteral("v1"), nullText(), QStringLiteral("2026-03-02 10:00:00.000"),
        QStringLiteral("2026-03-02 11:00:00.000"), QStringLiteral("booked"));
    addBooking(QStringLiteral("b2"), QStringLiteral("v1"), nullText(), QStringLiteral("2026-03-02 10:00:00.000"),
        QStringLiteral("2026-03-02 11:00:00.000"), QStringLiteral("cancelled"));
    addBooking(QStringLiteral("b3"), QStringLiteral("v1"), nullText(), QStringLiteral("2026-03-02 10:30:00.000"),
        QStringLiteral("2026-03-02 11:30:00.000"), QStringLiteral("attended"));
    addBooking(QStringLiteral("b4"), QStringLiteral("v1"), nullText(), QStringLiteral("2026-03-31 23:00:00.000"),
        QStringLiteral("2026-04-01 00:30:00.000"), QStringLiteral("rejected"));
    addBooking(QStringLiteral("b5"), QStringLiteral("v2"), nullText(), QStringLiteral("2026-03-31 23:30:00.000"),
        QStringLiteral("2026-04-01 00:30:00.000"), QStringLiteral("no_show"));
    addBooking(QStringLiteral("b6"), QStringLiteral("v1"), nullText(), QStringLiteral("2026-04-01 00:00:00.000"),
        QStringLiteral("2026-04-01 01:00:00.000"), QStringLiteral("booked"));
    addBooking(QStringLiteral("b7"), QStringLiteral("v3"), nullText(), QStringLiteral("2026-03-05 10:00:00.000"),
        QStringLiteral("2026-03-05 11:00:00.000"), QStringLiteral("booked"));
    addBooking(QStringLiteral("b8"), QStringLiteral("v2"), QStringLiteral("s1"),
        QStringLiteral("2026-03-10 18:00:00.000"), QStringLiteral("2026-03-10 19:00:00.000"), QStringLiteral("booked"));
    addBooking(QStringLiteral("b9"), QStringLiteral("v2"), QStringLiteral("s1"),
        QStringLiteral("2026-03-10 18:00:00.000"), QStringLiteral("2026-03-10 19:00:00.000"),
        QStringLiteral("cancelled"));
    addBooking(QStringLiteral("b10"), QStringLiteral("v2"), QStringLiteral("s1"),
        QStringLiteral("2026-03-10 18:00:00.000"), QStringLiteral("2026-03-10 19:00:00.000"),
        QStringLiteral("attended"));
    addBooking(QStringLiteral("b11"), QStringLiteral("v2"), QStringLiteral("s2"),
        QStringLiteral("2026-03-20 18:00:00.000"), QStringLiteral("2026-03-20 19:00:00.000"), QStringLiteral("booked"));
    addBooking(QStringLiteral("b12"), QStringLiteral("v2"), QStringLiteral("s2"),
        QStringLiteral("2026-03-20 18:00:00.000"), QStringLiteral("2026-03-20 19:00:00.000"), QStringLiteral("booked"));

    const QString entry = QStringLiteral("INSERT INTO entry (id, site_id, zone_id, direction, member_id, status, "
                                         "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const auto addEntry = [&](const QString &id, const QString &siteId, const QString &zone, const QString &direction,
                              const QString &memberId, const QString &status, qint64 decidedAt) {
        run(entry, {id, siteId, zone, direction, memberId, status, decidedAt});
    };
    const QString a = QStringLiteral("site-a");
    const QString in = QStringLiteral("in");
    const QString passed = QStringLiteral("passed");
    addEntry(QStringLiteral("e1"), a, QStringLiteral("v1"), in, QStringLiteral("m1"), passed,
        at(QStringLiteral("2026-03-31 23:59:59.999")));
    addEntry(QStringLiteral("e2"), a, QStringLiteral("v1"), in, QStringLiteral("m1"), passed,
        at(QStringLiteral("2026-04-01 00:00:00.000")));
    addEntry(QStringLiteral("e3"), a, QStringLiteral("v1"), in, QStringLiteral("m2"), passed,
        at(QStringLiteral("2026-03-01 00:00:00.000")));
    addEntry(QStringLiteral("e4"), a, QStringLiteral("v1"), in, QStringLiteral("m2"), passed,
        at(QStringLiteral("2026-02-28 23:59:59.999")));
    // 16:30 UTC is 00:30 the next day in Shanghai.
    addEntry(QStringLiteral("e5"), a, QStringLiteral("v1"), in, QStringLiteral("m1"), passed,
        utc(QStringLiteral("2026-03-10 16:30:00.000")));
    addEntry(QStringLiteral("e6"), a, QStringLiteral("v1"), in, QStringLiteral("m1"), QStringLiteral("denied"),
        at(QStringLiteral("2026-03-05 10:00:00.000")));
    addEntry(QStringLiteral("e7"), a, QStringLiteral("v2"), in, QStringLiteral("m3"), passed,
        at(QStringLiteral("2026-03-05 10:00:00.000")));
    addEntry(QStringLiteral("e8"), a, QStringLiteral("v1"), QStringLiteral("out"), QStringLiteral("m3"), passed,
        at(QStringLiteral("2026-03-05 11:00:00.000")));
    addEntry(QStringLiteral("e9"), a, QStringLiteral("v1"), in, QStringLiteral("m3"), QStringLiteral("annulled"),
        at(QStringLiteral("2026-03-05 12:00:00.000")));
    addEntry(QStringLiteral("e10"), QStringLiteral("site-b"), QStringLiteral("v3"), in, QStringLiteral("m6"), passed,
        at(QStringLiteral("2026-03-05 10:00:00.000")));
    // At site B (UTC) 16:30 UTC stays on its own day.
    addEntry(QStringLiteral("e11"), QStringLiteral("site-b"), QStringLiteral("v3"), in, QStringLiteral("m6"), passed,
        utc(QStringLiteral("2026-03-10 16:30:00.000")));

    // Site C (Berlin) around the start of summer time: 2026-03-29 has 23 hours.
    const QString c = QStringLiteral("site-c");
    const QString zone = QStringLiteral("v9");
    addEntry(QStringLiteral("c1"), c, zone, in, QStringLiteral("m1"), passed,
        utc(QStringLiteral("2026-03-29 00:30:00.000")));
    addEntry(QStringLiteral("c2"), c, zone, in, QStringLiteral("m2"), passed,
        utc(QStringLiteral("2026-03-29 01:30:00.000")));
    addEntry(QStringLiteral("c3"), c, zone, in, QStringLiteral("m3"), passed,
        utc(QStringLiteral("2026-03-29 22:30:00.000")));
    addEntry(QStringLiteral("c4"), c, zone, in, QStringLiteral("m1"), passed,
        utc(QStringLiteral("2026-03-28 23:30:00.000")));

    const QString sale = QStringLiteral("INSERT INTO sale (id, site_id, receipt_no, member_id, kind, amount_fen, "
                                        "payment_method, created_at) VALUES (?, ?, ?, 'm1', ?, ?, 'cash', ?)");
    run(sale,
        {QStringLiteral("p1"), a, QStringLiteral("R1"), QStringLiteral("sale"), 10000,
            at(QStringLiteral("2026-03-01 00:00:00.000"))});
    run(sale,
        {QStringLiteral("p2"), a, QStringLiteral("R2"), QStringLiteral("sale"), 5000,
            at(QStringLiteral("2026-03-31 23:59:59.999"))});
    run(sale,
        {QStringLiteral("p3"), a, QStringLiteral("R3"), QStringLiteral("refund"), -3000,
            at(QStringLiteral("2026-03-15 12:00:00.000"))});
    run(sale,
        {QStringLiteral("p4"), a, QStringLiteral("R4"), QStringLiteral("sale"), 99999,
            at(QStringLiteral("2026-04-01 00:00:00.000"))});
    run(sale,
        {QStringLiteral("p5"), QStringLiteral("site-b"), QStringLiteral("R5"), QStringLiteral("sale"), 7777,
            at(QStringLiteral("2026-03-05 12:00:00.000"))});

    const QString rating = QStringLiteral(
        "INSERT INTO venue_rating (id, venue_id, member_id, score, created_at) VALUES (?, 'v1', ?, ?, 0)");
    run(rating, {QStringLiteral("r1"), QStringLiteral("m1"), 5});
    run(rating, {QStringLiteral("r2"), QStringLiteral("m2"), 4});
    return ok;
}

} // namespace

void TestHubStats::figures_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariantMap>("expected");

    const QString overviewA = QStringLiteral(
        "/api/v1/statistics/overview?tenantId=1&storeId=site-a&startDate=2026-03-01&endDate=2026-03-31");
    const QString march = QStringLiteral("from=2026-03-01&to=2026-03-31&siteId=site-a");
    struct Case {
        const char *name;
        QString path;
        QVariantMap expected;
    };
    const QList<Case> cases {
        {"overview site A", overviewA,
            {{QStringLiteral("startMs"), at(QStringLiteral("2026-03-01 00:00:00.000"))},
                {QStringLiteral("endMs"), at(QStringLiteral("2026-04-01 00:00:00.000"))},
                {QStringLiteral("timeZone"), kShanghai}, {QStringLiteral("memberStatistics/totalMembers"), 3},
                {QStringLiteral("memberStatistics/newMembers"), 2},
                {QStringLiteral("memberStatistics/activeMembers"), 3},
                {QStringLiteral("bookingStatistics/totalBookings"), 10},
                {QStringLiteral("bookingStatistics/cancelledBookings"), 2},
                {QStringLiteral("bookingStatistics/successBookings"), 7},
                {QStringLiteral("bookingStatistics/rejectedBookings"), 1},
                {QStringLiteral("bookingStatistics/attendedBookings"), 2},
                {QStringLiteral("bookingStatistics/noShowBookings"), 1},
                {QStringLiteral("checkInStatistics/totalCheckIns"), 4},
                {QStringLiteral("checkInStatistics/uniqueMembers"), 3},
                {QStringLiteral("checkInStatistics/denials"), 1}, {QStringLiteral("revenueFen"), 12000},
                {QStringLiteral("salesStatistics/saleCount"), 3}, {QStringLiteral("salesStatistics/refundFen"), 3000}}},
        {"overview all sites", QStringLiteral("/api/v1/statistics/overview?startDate=2026-03-01&endDate=2026-03-31"),
            {{QStringLiteral("storeId"), QVariant::fromValue(nullptr)}, {QStringLiteral("timeZone"), kShanghai},
                {QStringLiteral("memberStatistics/totalMembers"), 4},
                {QStringLiteral("memberStatistics/newMembers"), 3},
                {QStringLiteral("memberStatistics/activeMembers"), 4},
                {QStringLiteral("bookingStatistics/totalBookings"), 11},
                {QStringLiteral("checkInStatistics/totalCheckIns"), 10}, {QStringLiteral("revenueFen"), 19777}}},
        {"overview one day: 23:59:59.999 in, 00:00 next day out",
            QStringLiteral("/api/v1/statistics/overview?storeId=site-a&startDate=2026-03-31&endDate=2026-03-31"),
            {{QStringLiteral("checkInStatistics/totalCheckIns"), 1}, {QStringLiteral("memberStatistics/newMembers"), 1},
                {QStringLiteral("revenueFen"), 5000}, {QStringLiteral("bookingStatistics/totalBookings"), 2}}},
        {"overview empty range",
            QStringLiteral("/api/v1/statistics/overview?storeId=site-a&startDate=2025-06-01&endDate=2025-06-30"),
            {{QStringLiteral("memberStatistics/totalMembers"), 0}, {QStringLiteral("memberStatistics/newMembers"), 0},
                {QStringLiteral("memberStatistics/activeMembers"), 0},
                {QStringLiteral("bookingStatistics/totalBookings"), 0},
                {QStringLiteral("bookingStatistics/successBookings"), 0},
                {QStringLiteral("checkInStatistics/totalCheckIns"), 0},
                {QStringLiteral("checkInStatistics/denials"), 0}, {QStringLiteral("revenueFen"), 0}}},
        {"entries by day", QStringLiteral("/api/stats/reports?metric=entries&dimension=day&") + march,
            {{QStringLiteral("rows/#"), 31}, {QStringLiteral("rows/key=2026-03-01/value"), 1},
                {QStringLiteral("rows/key=2026-03-05/value"), 1}, {QStringLiteral("rows/key=2026-03-05/denied"), 1},
                {QStringLiteral("rows/key=2026-03-10/value"), 0}, {QStringLiteral("rows/key=2026-03-11/value"), 1},
                {QStringLiteral("rows/key=2026-03-31/value"), 1},
                {QStringLiteral("rows/key=2026-03-31/uniqueMembers"), 1}}},
        {"entries by day at site B (UTC)",
            QStringLiteral("/api/stats/reports?metric=entries&from=2026-03-01&to=2026-03-31&siteId=site-b"),
            {{QStringLiteral("timeZone"), kUtc}, {QStringLiteral("rows/key=2026-03-10/value"), 1},
                {QStringLiteral("rows/key=2026-03-11/value"), 0}, {QStringLiteral("rows/key=2026-03-05/value"), 1}}},
        {"entries by month across month ends",
            QStringLiteral("/api/stats/reports?metric=entries&dimension=month&from=2026-02-28&to=2026-04-01&siteId="
                           "site-a"),
            {{QStringLiteral("rows/#"), 3}, {QStringLiteral("rows/key=2026-02/value"), 1},
                {QStringLiteral("rows/key=2026-03/value"), 4}, {QStringLiteral("rows/key=2026-03/uniqueMembers"), 3},
                {QStringLiteral("rows/key=2026-04/value"), 1}}},
        {"entries by ISO week", QStringLiteral("/api/stats/reports?metric=entries&dimension=week&") + march,
            {{QStringLiteral("rows/#"), 6}, {QStringLiteral("rows/key=2026-W09/value"), 1},
                {QStringLiteral("rows/key=2026-W10/value"), 1}, {QStringLiteral("rows/key=2026-W11/value"), 1},
                {QStringLiteral("rows/key=2026-W14/value"), 1}, {QStringLiteral("rows/key=2026-W14/uniqueMembers"), 1},
                {QStringLiteral("rows/key=2026-W12/uniqueMembers"), 0}}},
        {"entries by hour", QStringLiteral("/api/stats/reports?metric=entries&dimension=hour&") + march,
            {{QStringLiteral("rows/#"), 24}, {QStringLiteral("rows/key=00/value"), 2},
                {QStringLiteral("rows/key=00/uniqueMembers"), 2}, {QStringLiteral("rows/key=10/value"), 1},
                {QStringLiteral("rows/key=10/denied"), 1}, {QStringLiteral("rows/key=23/value"), 1},
                {QStringLiteral("rows/key=16/value"), 0}}},
        {"entries by venue", QStringLiteral("/api/stats/reports?metric=entries&dimension=venue&") + march,
            {{QStringLiteral("rows/#"), 2}, {QStringLiteral("rows/key=v1/value"), 3},
                {QStringLiteral("rows/key=v1/name"), QStringLiteral("Court")},
                {QStringLiteral("rows/key=v1/uniqueMembers"), 2}, {QStringLiteral("rows/key=v2/value"), 1}}},
        {"bookings by venue", QStringLiteral("/api/stats/reports?metric=bookings&dimension=venue&") + march,
            {{QStringLiteral("rows/key=v1/value"), 4}, {QStringLiteral("rows/key=v1/cancelled"), 1},
                {QStringLiteral("rows/key=v1/rejected"), 1}, {QStringLiteral("rows/key=v2/value"), 6},
                {QStringLiteral("rows/key=v2/noShow"), 1}, {QStringLiteral("rows/key=v2/attended"), 1}}},
        {"revenue by day", QStringLiteral("/api/stats/reports?metric=revenue&") + march,
            {{QStringLiteral("rows/key=2026-03-01/value"), 10000}, {QStringLiteral("rows/key=2026-03-15/value"), -3000},
                {QStringLiteral("rows/key=2026-03-15/refunds"), 1},
                {QStringLiteral("rows/key=2026-03-15/refundFen"), 3000},
                {QStringLiteral("rows/key=2026-03-31/value"), 5000}, {QStringLiteral("rows/key=2026-03-31/sales"), 1}}},
        {"members by month", QStringLiteral("/api/stats/reports?metric=members&dimension=month&") + march,
            {{QStringLiteral("rows/#"), 1}, {QStringLiteral("rows/key=2026-03/value"), 2}}},
        {"report over an empty range",
            QStringLiteral("/api/stats/reports?metric=bookings&from=2025-01-01&to=2025-01-03&siteId=site-a"),
            {{QStringLiteral("rows/#"), 3}, {QStringLiteral("rows/key=2025-01-02/value"), 0},
                {QStringLiteral("rows/key=2025-01-02/cancelled"), 0}}},
        {"reservations by day", QStringLiteral("/api/stats/reservations?") + march,
            {{QStringLiteral("byStatus/total"), 10}, {QStringLiteral("byStatus/booked"), 4},
                {QStringLiteral("byStatus/cancelled"), 2}, {QStringLiteral("byStatus/attended"), 2},
                {QStringLiteral("byStatus/noShow"), 1}, {QStringLiteral("byStatus/rejected"), 1},
                {QStringLiteral("buckets/#"), 31}, {QStringLiteral("buckets/key=2026-03-02/value"), 3},
                {QStringLiteral("buckets/key=2026-03-31/value"), 2}, {QStringLiteral("slots/count"), 2},
                {QStringLiteral("slots/capacity"), 6}, {QStringLiteral("slots/booked"), 4},
                {QStringLiteral("slots/full"), 1}, {QStringLiteral("slots/fillRate"), 0.6667}}},
        {"reservations by month of one venue",
            QStringLiteral("/api/stats/reservations?bucket=month&venueId=v1&") + march,
            {{QStringLiteral("byStatus/total"), 4}, {QStringLiteral("buckets/#"), 1},
                {QStringLiteral("buckets/key=2026-03/booked"), 1}, {QStringLiteral("slots/count"), 0},
                {QStringLiteral("slots/fillRate"), QVariant::fromValue(nullptr)}}},
        {"venues", QStringLiteral("/api/stats/venues?") + march,
            {{QStringLiteral("venues/#"), 2}, {QStringLiteral("venues/venueId=v1/bookings"), 4},
                {QStringLiteral("venues/venueId=v1/activeBookings"), 2},
                {QStringLiteral("venues/venueId=v1/cancelledBookings"), 1},
                {QStringLiteral("venues/venueId=v1/bookedMinutes"), 90},
                {QStringLiteral("venues/venueId=v1/bookingHours"), 2.0},
                {QStringLiteral("venues/venueId=v1/openMinutes"), 31 * 12 * 60},
                {QStringLiteral("venues/venueId=v1/entries"), 3},
                {QStringLiteral("venues/venueId=v1/uniqueMembers"), 2},
                {QStringLiteral("venues/venueId=v1/ratingAverage"), 4.5},
                {QStringLiteral("venues/venueId=v1/ratingCount"), 2}, {QStringLiteral("venues/venueId=v2/bookings"), 6},
                {QStringLiteral("venues/venueId=v2/bookedMinutes"), 150},
                // 22:00-02:00 every day: the night before March 1 and after March 31 are outside.
                {QStringLiteral("venues/venueId=v2/openMinutes"), 31 * 120 + 30 * 120},
                {QStringLiteral("venues/venueId=v2/entries"), 1},
                {QStringLiteral("venues/venueId=v2/ratingAverage"), QVariant::fromValue(nullptr)}}},
        {"venues of all sites", QStringLiteral("/api/stats/venues?from=2026-03-01&to=2026-03-31"),
            {{QStringLiteral("venues/#"), 3}, {QStringLiteral("venues/venueId=v3/openMinutes"), 31 * 24 * 60},
                {QStringLiteral("venues/venueId=v3/entries"), 2}, {QStringLiteral("venues/venueId=v3/bookings"), 1}}},
        {"summer time day at site C",
            QStringLiteral("/api/stats/reports?metric=entries&from=2026-03-29&to=2026-03-29&siteId=site-c"),
            {{QStringLiteral("timeZone"), kBerlin},
                {QStringLiteral("startMs"), utc(QStringLiteral("2026-03-28 23:00:00.000"))},
                {QStringLiteral("endMs"), utc(QStringLiteral("2026-03-29 22:00:00.000"))},
                {QStringLiteral("rows/#"), 1}, {QStringLiteral("rows/key=2026-03-29/value"), 3},
                {QStringLiteral("rows/key=2026-03-29/uniqueMembers"), 2}}},
        {"hours across summer time at site C",
            QStringLiteral(
                "/api/stats/reports?metric=entries&dimension=hour&from=2026-03-28&to=2026-03-30&siteId=site-c"),
            {{QStringLiteral("rows/key=00/value"), 2}, {QStringLiteral("rows/key=00/uniqueMembers"), 2},
                {QStringLiteral("rows/key=01/value"), 1}, {QStringLiteral("rows/key=01/uniqueMembers"), 1},
                {QStringLiteral("rows/key=02/value"), 0}, {QStringLiteral("rows/key=02/uniqueMembers"), 0},
                {QStringLiteral("rows/key=03/value"), 1}, {QStringLiteral("rows/key=03/uniqueMembers"), 1}}},
        {"entries by venue with unique members",
            QStringLiteral(
                "/api/stats/reports?metric=entries&dimension=venue&from=2026-02-01&to=2026-04-30&siteId=site-a"),
            {{QStringLiteral("rows/key=v1/value"), 5}, {QStringLiteral("rows/key=v1/uniqueMembers"), 2},
                {QStringLiteral("rows/key=v1/denied"), 1}}},
        {"staff may read statistics", overviewA, {{QStringLiteral("@who"), QStringLiteral("staff")}}},
    };
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const Case &c : cases)
            QTest::addRow("%s: %s", qPrintable(dialect), c.name) << dialect << c.path << c.expected;
    }
}

void TestHubStats::figures()
{
    QFETCH(QString, dialect);
    QFETCH(QString, path);
    QFETCH(QVariantMap, expected);
    SKIP_UNLESS_AVAILABLE(m_databases, dialect);
    Env *served = env(dialect);
    QVERIFY2(served != nullptr, qPrintable(m_envs.errorText));
    const HubReply reply
        = served->get(path, expected.value(QStringLiteral("@who"), QStringLiteral("admin")).toString());
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonValue data = reply.json.value(QStringLiteral("data"));
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1Char('@')))
            continue;
        const QJsonValue actual = valueAt(data, it.key());
        const QString context = it.key() + QStringLiteral(" = ")
            + QString::fromUtf8(QJsonDocument(QJsonArray {actual}).toJson(QJsonDocument::Compact));
        if (it->metaType() == QMetaType::fromType<std::nullptr_t>())
            QVERIFY2(actual.isNull(), qPrintable(context));
        else if (it->metaType() == QMetaType::fromType<double>())
            QVERIFY2(qAbs(actual.toDouble(-1) - it->toDouble()) < 1e-9, qPrintable(context));
        else if (it->metaType() == QMetaType::fromType<QString>())
            QVERIFY2(actual.toString() == it->toString(), qPrintable(context));
        else
            QVERIFY2(actual.isDouble() && actual.toInteger() == it->toLongLong(), qPrintable(context));
    }
}

// The report engine's SQL gives PostgreSQL and SQLite the same tables: every metric by every
// dimension, of one site and of all sites, row by row and the total.
void TestHubStats::everyReportAgreesOnBothDialects()
{
    SKIP_UNLESS_AVAILABLE(m_databases, QStringLiteral("postgresql"));
    Env *sqlite = env(QStringLiteral("sqlite"));
    Env *postgresql = env(QStringLiteral("postgresql"));
    QVERIFY(sqlite != nullptr && postgresql != nullptr);
    for (ReportMetric metric : allReportMetrics()) {
        for (ReportDimension dimension : reportDimensionsOf(metric)) {
            for (const QString &site :
                {QStringLiteral("&siteId=site-a"), QStringLiteral("&siteId=site-c"), QString()}) {
                const QString path
                    = QStringLiteral("/api/stats/reports?metric=%1&dimension=%2&from=2026-02-01&to=2026-04-30")
                          .arg(QLatin1String(reportMetricName(metric)), QLatin1String(reportDimensionName(dimension)))
                    + site;
                const HubReply left = sqlite->get(path);
                const HubReply right = postgresql->get(path);
                QVERIFY2(left.status == 200 && right.status == 200, qPrintable(path));
                for (const QString &part :
                    {QStringLiteral("columns"), QStringLiteral("rows"), QStringLiteral("total")}) {
                    const QJsonValue sqliteValue = left.json.value(QStringLiteral("data")).toObject().value(part);
                    const QJsonValue postgresqlValue = right.json.value(QStringLiteral("data")).toObject().value(part);
                    QVERIFY2(sqliteValue == postgresqlValue,
                        qPrintable(path + QLatin1Char(' ') + part + QStringLiteral(": ")
                            + QString::fromUtf8(QJsonDocument(QJsonArray {sqliteValue}).toJson(QJsonDocument::Compact))
                            + QStringLiteral(" vs ")
                            + QString::fromUtf8(
                                QJsonDocument(QJsonArray {postgresqlValue}).toJson(QJsonDocument::Compact))));
                }
            }
        }
    }
}

void TestHubStats::refusals_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    const QString overview = QStringLiteral("/api/v1/statistics/overview?");
    const QString ok = QStringLiteral("startDate=2026-03-01&endDate=2026-03-31");
    const QString range = QStringLiteral("from=2026-03-01&to=2026-03-31");
    struct Case {
        const char *name;
        QString who;
        QString path;
        int status;
        QString field;
    };
    const QString admin = QStringLiteral("admin");
    const QList<Case> cases {
        {"no token", QString(), overview + ok, 401, {}},
        {"technician", QStringLiteral("technician"), overview + ok, 403, {}},
        {"member", QStringLiteral("member"), overview + ok, 403, {}},
        {"device", QStringLiteral("device"), QStringLiteral("/api/stats/reports?metric=entries&") + range, 403, {}},
        {"member on venues", QStringLiteral("member"), QStringLiteral("/api/stats/venues?") + range, 403, {}},
        {"startDate missing", admin, overview + QStringLiteral("endDate=2026-03-31"), 422, QStringLiteral("startDate")},
        {"endDate missing", admin, overview + QStringLiteral("startDate=2026-03-01"), 422, QStringLiteral("endDate")},
        {"date without zero padding", admin, overview + QStringLiteral("startDate=2026-3-1&endDate=2026-03-31"), 422,
            QStringLiteral("startDate")},
        {"February 30", admin, overview + QStringLiteral("startDate=2026-02-30&endDate=2026-03-31"), 422,
            QStringLiteral("startDate")},
        {"not a date", admin, overview + QStringLiteral("startDate=2026-03-01&endDate=tomorrow"), 422,
            QStringLiteral("endDate")},
        {"start after end", admin, overview + QStringLiteral("startDate=2026-03-02&endDate=2026-03-01"), 422,
            QStringLiteral("endDate")},
        {"367 days", admin, overview + QStringLiteral("startDate=2025-01-01&endDate=2026-01-02"), 422,
            QStringLiteral("endDate")},
        {"unknown store", admin, overview + ok + QStringLiteral("&storeId=nowhere"), 422, QStringLiteral("storeId")},
        {"empty store", admin, overview + ok + QStringLiteral("&storeId="), 422, QStringLiteral("storeId")},
        {"tenantId not a number", admin, overview + ok + QStringLiteral("&tenantId=x"), 422,
            QStringLiteral("tenantId")},
        {"unknown parameter", admin, overview + ok + QStringLiteral("&startdate=2026-03-01"), 422,
            QStringLiteral("startdate")},
        {"metric missing", admin, QStringLiteral("/api/stats/reports?") + range, 422, QStringLiteral("metric")},
        {"metric unknown", admin, QStringLiteral("/api/stats/reports?metric=visits&") + range, 422,
            QStringLiteral("metric")},
        {"dimension unknown", admin, QStringLiteral("/api/stats/reports?metric=entries&dimension=year&") + range, 422,
            QStringLiteral("dimension")},
        {"revenue by venue", admin, QStringLiteral("/api/stats/reports?metric=revenue&dimension=venue&") + range, 422,
            QStringLiteral("dimension")},
        {"report range too long", admin,
            QStringLiteral("/api/stats/reports?metric=entries&from=2025-01-01&to=2026-12-31"), 422,
            QStringLiteral("to")},
        {"bucket hour", admin, QStringLiteral("/api/stats/reservations?bucket=hour&") + range, 422,
            QStringLiteral("bucket")},
        {"reservations without to", admin, QStringLiteral("/api/stats/reservations?from=2026-03-01"), 422,
            QStringLiteral("to")},
        {"venues unknown site", admin, QStringLiteral("/api/stats/venues?siteId=x&") + range, 422,
            QStringLiteral("siteId")},
        {"venues unknown parameter", admin, QStringLiteral("/api/stats/venues?venue=v1&") + range, 422,
            QStringLiteral("venue")},
    };
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const Case &c : cases)
            QTest::addRow("%s: %s", qPrintable(dialect), c.name) << dialect << c.who << c.path << c.status << c.field;
    }
}

void TestHubStats::refusals()
{
    QFETCH(QString, dialect);
    QFETCH(QString, who);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, field);
    SKIP_UNLESS_AVAILABLE(m_databases, dialect);
    Env *served = env(dialect);
    QVERIFY2(served != nullptr, qPrintable(m_envs.errorText));
    const HubReply reply = served->get(path, who);
    QVERIFY2(reply.status == status, reply.body.constData());
    if (!field.isEmpty()) {
        QCOMPARE(reply.json.value(QStringLiteral("code")).toString(), QStringLiteral("field_invalid"));
        QCOMPARE(reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("field")).toString(), field);
        QVERIFY2(reply.json.value(QStringLiteral("message")).toString().contains(field), reply.body.constData());
    }
}

QTEST_GUILESS_MAIN(TestHubStats)
#include "tst_hubstats.moc"
