// SqlReportEngine over a real desk database: a hand-built dataset and known answers, counted by
// hand in the comments. Times are local to Asia/Shanghai (UTC+8) unless said otherwise.

#include "core/Report.h"
#include "store/Database.h"
#include "store/StoreTestSupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "reports/SqlReportEngine.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

const QByteArray kShanghai = QByteArrayLiteral("Asia/Shanghai");

qint64 at(
    int year, int month, int day, int hour, int minute, int second = 0, int ms = 0, const QByteArray &zone = kShanghai)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone(zone)).toMSecsSinceEpoch();
}

QString number(double value)
{
    return std::isnan(value) ? QStringLiteral("nan") : QString::number(value);
}

// "key|label|v1,v2,..." per row, then the total: QCOMPARE shows which line differs.
QStringList lines(const ReportTable &table)
{
    QStringList result;
    for (const ReportRow &row : table.rows + QList<ReportRow> {table.total}) {
        QStringList values;
        for (double value : row.values)
            values.append(number(value));
        result.append(row.key + QLatin1Char('|') + row.label + QLatin1Char('|') + values.join(QLatin1Char(',')));
    }
    return result;
}

QStringList columnIds(const ReportTable &table)
{
    QStringList ids;
    for (const ReportColumn &column : table.columns)
        ids.append(column.id);
    return ids;
}

} // namespace

class TestReportEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void refusesUnsupportedDimensions();
    void entriesByDayAndWeek();
    void entriesInUtcZone();
    void entriesByHourVenueAndZone();
    void entriesByCardKindProductAndStaff();
    void denialsByReason();
    void peakHours();
    void berlinSummerTimeDay();
    void bookings();
    void revenue();
    void members();
    void emptyRange();
    void csvOfOneTable();
    void hubDatabaseBySite_data();
    void hubDatabaseBySite();

private:
    void exec(const QString &statement, const QVariantList &binds = {});
    void entry(const QString &id, const QVariant &member, const QVariant &card, const QString &zone,
        const QString &direction, const QString &status, const QString &reason, const QVariant &staff, qint64 atMs);
    void card(const QString &id, const QString &member, const QVariant &product, const QString &kind,
        const QString &status, qint64 validToMs, const QVariant &deletedAt = {});
    void booking(const QString &id, const QString &member, const QString &venue, const QVariant &slot, qint64 startMs,
        const QString &status);
    void sale(const QString &id, const QVariant &card, const QVariant &product, const QString &kind, qint64 fen,
        const QString &method, const QVariant &staff, qint64 atMs);
    ReportTable run(
        ReportMetric metric, ReportDimension dimension, QDate from, QDate to, const QByteArray &zone = kShanghai);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestReportEngine::exec(const QString &statement, const QVariantList &binds)
{
    QSqlQuery query(m_db->connection());
    QVERIFY(query.prepare(statement));
    for (const QVariant &value : binds)
        query.addBindValue(value);
    QVERIFY2(query.exec(), qPrintable(statement));
}

void TestReportEngine::entry(const QString &id, const QVariant &member, const QVariant &card, const QString &zone,
    const QString &direction, const QString &status, const QString &reason, const QVariant &staff, qint64 atMs)
{
    exec(QStringLiteral("INSERT INTO entry (id, zone_id, direction, member_id, card_id, status, reason, staff_id, "
                        "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, zone, direction, member, card, status, reason, staff, atMs});
}

void TestReportEngine::card(const QString &id, const QString &member, const QVariant &product, const QString &kind,
    const QString &status, qint64 validToMs, const QVariant &deletedAt)
{
    exec(QStringLiteral(
             "INSERT INTO member_card (id, card_no, member_id, product_id, name, kind, status, valid_from, "
             "valid_to, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, 'Card', ?, ?, 0, ?, 0, 0, ?)"),
        {id, QString(QStringLiteral("no-") + id), member, product, kind, status, validToMs, deletedAt});
}

void TestReportEngine::booking(const QString &id, const QString &member, const QString &venue, const QVariant &slot,
    qint64 startMs, const QString &status)
{
    exec(QStringLiteral("INSERT INTO booking (id, booking_no, member_id, venue_id, slot_id, start_at, end_at, status, "
                        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)"),
        {id, QString(QStringLiteral("no-") + id), member, venue, slot, startMs, startMs + 3'600'000, status});
}

void TestReportEngine::sale(const QString &id, const QVariant &card, const QVariant &product, const QString &kind,
    qint64 fen, const QString &method, const QVariant &staff, qint64 atMs)
{
    exec(QStringLiteral("INSERT INTO sale (id, receipt_no, card_id, product_id, kind, amount_fen, payment_method, "
                        "staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, QString(QStringLiteral("r-") + id), card, product, kind, fen, method, staff, atMs});
}

ReportTable TestReportEngine::run(
    ReportMetric metric, ReportDimension dimension, QDate from, QDate to, const QByteArray &zone)
{
    const SqlReportEngine engine(
        m_db->connection(), ReportScope {{}, QStringLiteral("SELECT id, display_name FROM staff_user")});
    const ReportRange range = take(ReportRange::make(from, to, QTimeZone(zone), kReportMaxDays));
    return take(engine.run(metric, dimension, range));
}

void TestReportEngine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = openDatabase(m_dir.filePath(QStringLiteral("desk.db")));
    QVERIFY(m_db);
    const QVariant null;

    exec(QStringLiteral("INSERT INTO staff_user (id, username, display_name, password_hash, role, created_at, "
                        "updated_at) VALUES ('staff-a', 'alice', 'Alice', 'x', 'staff', 0, 0), "
                        "('staff-b', 'bob', 'Bob', 'x', 'staff', 0, 0)"));
    // Members: m1 Feb 28 23:59:59.999, m2 Mar 1 00:00, m3 Mar 31 23:59:59.999, m4 Apr 1 00:00,
    // m5 Mar 10 but deleted Mar 20, m6 Jan 15, m7 Apr 15 deleted Jun 1 (after the range ends).
    const QList<std::tuple<QString, qint64, QVariant>> members {
        {QStringLiteral("m1"), at(2026, 2, 28, 23, 59, 59, 999), null},
        {QStringLiteral("m2"), at(2026, 3, 1, 0, 0), null},
        {QStringLiteral("m3"), at(2026, 3, 31, 23, 59, 59, 999), null},
        {QStringLiteral("m4"), at(2026, 4, 1, 0, 0), null},
        {QStringLiteral("m5"), at(2026, 3, 10, 12, 0), at(2026, 3, 20, 12, 0)},
        {QStringLiteral("m6"), at(2026, 1, 15, 12, 0), null},
        {QStringLiteral("m7"), at(2026, 4, 15, 12, 0), at(2026, 6, 1, 12, 0)}};
    for (const auto &[id, createdAt, deletedAt] : members)
        exec(
            QStringLiteral("INSERT INTO member (id, member_no, name, phone_cipher, phone_hash, phone_mask, created_at, "
                           "updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, '138****0000', ?, 0, ?)"),
            {id, id, id, QByteArray("c"), id.toUtf8(), createdAt, deletedAt});

    exec(QStringLiteral(
        "INSERT INTO card_product (id, name, kind, price_fen, created_at, updated_at, deleted_at) VALUES "
        "('p1', 'Monthly pass', 'time', 10000, 0, 0, NULL), ('p2', 'Ten visits', 'count', 5000, 0, 0, NULL), "
        "('p3', 'Deleted product', 'value', 8000, 0, 0, 5)"));
    exec(QStringLiteral("INSERT INTO venue (id, name, kind, created_at, updated_at, deleted_at) VALUES "
                        "('v1', 'Gym floor', 'gym_floor', 0, 0, NULL), ('v2', 'Aqua pool', 'pool', 0, 0, NULL), "
                        "('v3', 'Old court', 'court', 0, 0, 5)"));

    // Cards and the member whose cards all end last (expiring members, by month Feb..Apr):
    // m1 c1 ends Mar 31 23:59:59.999 -> March; m2 has a card without expiry -> never;
    // m3 c3 ends Apr 1 00:00 (its expired card c3b is ignored) -> April;
    // m5 c4 (frozen) ends Feb 28 23:59:59.999, c4b Feb 10 -> February; m4's only card is deleted;
    // m6's only card is cancelled.
    card(QStringLiteral("c1"), QStringLiteral("m1"), QStringLiteral("p1"), QStringLiteral("time"),
        QStringLiteral("active"), at(2026, 3, 31, 23, 59, 59, 999));
    card(QStringLiteral("c2"), QStringLiteral("m2"), QStringLiteral("p2"), QStringLiteral("count"),
        QStringLiteral("active"), 0);
    card(QStringLiteral("c2b"), QStringLiteral("m2"), null, QStringLiteral("time"), QStringLiteral("active"),
        at(2026, 3, 15, 12, 0));
    card(QStringLiteral("c3"), QStringLiteral("m3"), null, QStringLiteral("value"), QStringLiteral("active"),
        at(2026, 4, 1, 0, 0));
    card(QStringLiteral("c3b"), QStringLiteral("m3"), null, QStringLiteral("time"), QStringLiteral("expired"),
        at(2026, 5, 1, 0, 0));
    card(QStringLiteral("c4"), QStringLiteral("m5"), QStringLiteral("p3"), QStringLiteral("value"),
        QStringLiteral("frozen"), at(2026, 2, 28, 23, 59, 59, 999));
    card(QStringLiteral("c4b"), QStringLiteral("m5"), null, QStringLiteral("count"), QStringLiteral("active"),
        at(2026, 2, 10, 12, 0));
    card(QStringLiteral("c5"), QStringLiteral("m4"), null, QStringLiteral("time"), QStringLiteral("active"),
        at(2026, 3, 20, 12, 0), 7);
    card(QStringLiteral("c6"), QStringLiteral("m6"), null, QStringLiteral("time"), QStringLiteral("cancelled"),
        at(2026, 3, 5, 12, 0));

    // Entries (inward unless said). Range A is Mar 1 (a Sunday) .. Mar 2 (a Monday).
    const QString in = QStringLiteral("in");
    const QString passed = QStringLiteral("passed");
    const QString denied = QStringLiteral("denied");
    const QString granted = QStringLiteral("granted");
    const QString m1 = QStringLiteral("m1"), m2 = QStringLiteral("m2"), m3 = QStringLiteral("m3"),
                  m4 = QStringLiteral("m4"), m5 = QStringLiteral("m5");
    const QString c1 = QStringLiteral("c1"), c2 = QStringLiteral("c2"), c3 = QStringLiteral("c3"),
                  c4 = QStringLiteral("c4");
    const QString v1 = QStringLiteral("v1"), v2 = QStringLiteral("v2");
    const QString alice = QStringLiteral("staff-a"), bob = QStringLiteral("staff-b");
    entry(QStringLiteral("e1"), m1, c1, v1, in, passed, granted, null, at(2026, 3, 1, 8, 10));
    entry(QStringLiteral("e2"), m1, c1, v1, in, passed, granted, null, at(2026, 3, 1, 9, 20));
    entry(QStringLiteral("e3"), m2, c2, v1, in, passed, granted, alice, at(2026, 3, 1, 23, 59, 59, 999));
    entry(QStringLiteral("e4"), m2, c2, v2, in, passed, granted, null, at(2026, 3, 2, 0, 0));
    // 16:30 UTC on Mar 1 is 00:30 on Mar 2 in Shanghai.
    entry(QStringLiteral("e5"), m3, c3, QStringLiteral("z9"), in, passed, granted, null,
        at(2026, 3, 1, 16, 30, 0, 0, "UTC"));
    entry(QStringLiteral("e6"), QString(), null, v1, in, passed, granted, bob, at(2026, 3, 2, 8, 45));
    entry(QStringLiteral("e14"), m5, c4, v1, in, passed, granted, alice, at(2026, 3, 2, 15, 0));
    entry(QStringLiteral("e7"), m4, null, v2, in, denied, QStringLiteral("card.expired"), null, at(2026, 3, 1, 10, 0));
    entry(QStringLiteral("e8"), m5, null, v1, in, denied, QStringLiteral("card.none"), null, at(2026, 3, 2, 11, 0));
    entry(QStringLiteral("e9"), m4, null, v1, in, denied, QStringLiteral("card.expired"), null, at(2026, 3, 2, 12, 0));
    entry(QStringLiteral("e13"), m3, c3, v1, in, denied, QStringLiteral("antipassback"), null, at(2026, 3, 2, 13, 0));
    // Not check-ins: annulled, pending, an exit.
    entry(QStringLiteral("e10"), m1, c1, v1, in, QStringLiteral("annulled"), granted, null, at(2026, 3, 1, 12, 0));
    entry(QStringLiteral("e11"), m1, c1, v1, in, QStringLiteral("pending"), granted, null, at(2026, 3, 1, 13, 0));
    entry(QStringLiteral("e12"), m1, c1, v1, QStringLiteral("out"), passed, granted, null, at(2026, 3, 1, 14, 0));
    // Just outside range A: Feb 28 23:59:59.999 and Mar 3 00:00 (which is Mar 2 16:00 UTC).
    entry(QStringLiteral("e15"), m1, c1, v1, in, passed, granted, null, at(2026, 2, 28, 23, 59, 59, 999));
    entry(QStringLiteral("e16"), m1, c1, v1, in, passed, granted, null, at(2026, 3, 3, 0, 0));
    // Berlin's summer time starts on Mar 29 at 02:00 CET (01:00 UTC): 01:30 CET, 03:30 CEST,
    // 23:30 CEST, and 00:30 CEST on Mar 30.
    const QByteArray berlin = QByteArrayLiteral("Europe/Berlin");
    entry(QStringLiteral("e20"), m1, c1, v1, in, passed, granted, null, at(2026, 3, 29, 1, 30, 0, 0, berlin));
    entry(QStringLiteral("e21"), m2, c2, v1, in, passed, granted, null, at(2026, 3, 29, 3, 30, 0, 0, berlin));
    entry(QStringLiteral("e22"), m1, c1, v1, in, passed, granted, null, at(2026, 3, 29, 23, 30, 0, 0, berlin));
    entry(QStringLiteral("e23"), m1, c1, v1, in, passed, granted, null, at(2026, 3, 30, 0, 30, 0, 0, berlin));
    // Around the end of March.
    entry(QStringLiteral("e24"), m3, c3, v1, in, passed, granted, null, at(2026, 4, 1, 0, 0));
    entry(QStringLiteral("e25"), m3, c3, v1, in, passed, granted, null, at(2026, 3, 31, 23, 59, 59, 999));

    // Course slots in the pool: Mar 1 09:00 (10 places), Mar 2 18:00 (5), a deleted one Mar 2 19:00.
    exec(QStringLiteral("INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, updated_at) "
                        "VALUES ('course', 'Aqua fit', 'v2', 60, 10, 0, 0)"));
    const QList<std::tuple<QString, QString, qint64, int, QVariant>> courseSlots {
        {QStringLiteral("sl1"), v2, at(2026, 3, 1, 9, 0), 10, null},
        {QStringLiteral("sl2"), v2, at(2026, 3, 2, 18, 0), 5, null},
        {QStringLiteral("sl3"), v2, at(2026, 3, 2, 19, 0), 20, 9},
        {QStringLiteral("sl4"), v1, at(2026, 3, 5, 9, 0), 8, null}};
    for (const auto &[id, venue, start, capacity, deletedAt] : courseSlots)
        exec(QStringLiteral("INSERT INTO course_slot (id, course_id, venue_id, start_at, end_at, capacity, created_at, "
                            "updated_at, deleted_at) VALUES (?, 'course', ?, ?, ?, ?, 0, 0, ?)"),
            {id, venue, start, start + 3'600'000, capacity, deletedAt});
    const QString sl1 = QStringLiteral("sl1");
    booking(QStringLiteral("b1"), m1, v2, sl1, at(2026, 3, 1, 9, 0), QStringLiteral("booked"));
    booking(QStringLiteral("b2"), m2, v2, sl1, at(2026, 3, 1, 9, 0), QStringLiteral("attended"));
    booking(QStringLiteral("b3"), m3, v2, sl1, at(2026, 3, 1, 9, 0), QStringLiteral("no_show"));
    booking(QStringLiteral("b4"), m4, v2, sl1, at(2026, 3, 1, 9, 0), QStringLiteral("cancelled"));
    booking(QStringLiteral("b5"), m5, v2, QStringLiteral("sl2"), at(2026, 3, 2, 18, 0), QStringLiteral("booked"));
    booking(QStringLiteral("b6"), m1, v1, null, at(2026, 3, 1, 23, 59, 59, 999), QStringLiteral("booked"));
    booking(QStringLiteral("b7"), m2, v1, null, at(2026, 3, 2, 0, 0), QStringLiteral("cancelled"));
    booking(QStringLiteral("b8"), m3, QStringLiteral("v3"), null, at(2026, 3, 2, 10, 0), QStringLiteral("attended"));
    booking(QStringLiteral("b9"), m1, v2, QStringLiteral("sl3"), at(2026, 3, 2, 19, 0), QStringLiteral("booked"));
    booking(QStringLiteral("b10"), m2, v1, null, at(2026, 3, 2, 10, 30), QStringLiteral("rejected"));

    // Sales; refunds are negative.
    sale(QStringLiteral("s1"), c1, QStringLiteral("p1"), QStringLiteral("sale"), 10000, QStringLiteral("cash"), alice,
        at(2026, 2, 28, 23, 59, 59, 999));
    sale(QStringLiteral("s2"), null, QStringLiteral("p2"), QStringLiteral("sale"), 5000, QStringLiteral("wechat_pay"),
        bob, at(2026, 3, 1, 0, 0));
    sale(QStringLiteral("s3"), c3, null, QStringLiteral("topup"), 20000, QStringLiteral("alipay"), alice,
        at(2026, 3, 1, 10, 0));
    sale(QStringLiteral("s4"), c1, QStringLiteral("p1"), QStringLiteral("refund"), -3000, QStringLiteral("cash"), alice,
        at(2026, 3, 2, 11, 0));
    sale(QStringLiteral("s5"), null, null, QStringLiteral("penalty"), 500, QStringLiteral("bank_card"), null,
        at(2026, 3, 2, 12, 0));
    sale(QStringLiteral("s6"), c4, QStringLiteral("p3"), QStringLiteral("sale"), 8000, QStringLiteral("bank_card"), bob,
        at(2026, 3, 31, 23, 59, 59, 999));
    sale(QStringLiteral("s7"), null, QStringLiteral("p2"), QStringLiteral("refund"), -5000,
        QStringLiteral("wechat_pay"), bob, at(2026, 4, 1, 0, 0));
}

void TestReportEngine::refusesUnsupportedDimensions()
{
    const SqlReportEngine engine(m_db->connection(), {});
    const ReportRange range = take(ReportRange::make(QDate(2026, 3, 1), QDate(2026, 3, 2), QTimeZone(kShanghai), 366));
    for (const auto &[metric, dimension] : {std::pair {ReportMetric::Members, ReportDimension::Venue},
             std::pair {ReportMetric::PeakHours, ReportDimension::Day},
             std::pair {ReportMetric::Revenue, ReportDimension::Zone},
             std::pair {ReportMetric::Entries, ReportDimension::Invalid},
             std::pair {ReportMetric::Invalid, ReportDimension::Day}}) {
        const Result<ReportTable> table = engine.run(metric, dimension, range);
        QVERIFY(!table);
        QCOMPARE(table.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(table.error().field, QStringLiteral("dimension"));
    }
}

void TestReportEngine::entriesByDayAndWeek()
{
    // Mar 1: e1 e2 (m1), e3 (m2, 23:59:59.999); denied e7. Mar 2: e4 (m2, 00:00), e5 (m3),
    // e6 (no member), e14 (m5); denied e8 e9 e13. Members over both days: m1 m2 m3 m5 = 4, not 2 + 3.
    ReportTable table = run(ReportMetric::Entries, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(columnIds(table), (QStringList {"checkIns", "denied", "uniqueMembers"}));
    QCOMPARE(table.columns[0].title, QStringLiteral("Check-ins"));
    QCOMPARE(lines(table),
        (QStringList {"2026-03-01|2026-03-01|3,1,2", "2026-03-02|2026-03-02|4,3,3", "total|Total|7,4,4"}));
    // Mar 1 2026 is a Sunday (week 9), Mar 2 a Monday (week 10).
    table = run(ReportMetric::Entries, ReportDimension::Week, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table), (QStringList {"2026-W09|2026-W09|3,1,2", "2026-W10|2026-W10|4,3,3", "total|Total|7,4,4"}));
    QCOMPARE(table.value(table.total, QStringLiteral("uniqueMembers")), 4.0);
}

void TestReportEngine::entriesInUtcZone()
{
    // In UTC, Mar 1 holds e1 e2 e3 (15:59:59.999) e4 (16:00) e5 (16:30): 5 check-ins of m1 m2 m3;
    // Mar 2 holds e6, e14 and e16 (Mar 3 00:00 in Shanghai is Mar 2 16:00 UTC): m5 m1.
    const ReportTable table
        = run(ReportMetric::Entries, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 2), "UTC");
    QCOMPARE(lines(table),
        (QStringList {"2026-03-01|2026-03-01|5,1,3", "2026-03-02|2026-03-02|3,3,2", "total|Total|8,4,4"}));
}

void TestReportEngine::entriesByHourVenueAndZone()
{
    ReportTable table = run(ReportMetric::Entries, ReportDimension::Hour, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(table.rows.size(), 24);
    // 00: e4 (m2) e5 (m3); 08: e1 (m1) e6 (no member); 09: e2; 15: e14; 23: e3; denials at 10..13.
    QStringList nonZero;
    for (const QString &line : lines(table)) {
        if (!line.endsWith(QStringLiteral("|0,0,0")))
            nonZero.append(line);
    }
    QCOMPARE(nonZero,
        (QStringList {"00|00:00|2,0,2", "08|08:00|2,0,1", "09|09:00|1,0,1", "10|10:00|0,1,0", "11|11:00|0,1,0",
            "12|12:00|0,1,0", "13|13:00|0,1,0", "15|15:00|1,0,1", "23|23:00|1,0,1", "total|Total|7,4,4"}));

    // Every venue by name (the deleted Old court is none), then the zone z9 found in the data.
    const QStringList byVenue {"v2|Aqua pool|1,1,1", "v1|Gym floor|5,3,3", "z9|z9|1,0,1", "total|Total|7,4,4"};
    table = run(ReportMetric::Entries, ReportDimension::Venue, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table), byVenue);
    table = run(ReportMetric::Entries, ReportDimension::Zone, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table), byVenue);
}

void TestReportEngine::entriesByCardKindProductAndStaff()
{
    // time: c1 (e1 e2); count: c2 (e3 e4); value: c3 (e5, denied e13) and c4 (e14); no card: e6, denied e7 e8 e9.
    ReportTable table = run(ReportMetric::Entries, ReportDimension::CardKind, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table),
        (QStringList {"time|Time card|2,0,1", "count|Count card|2,0,1", "value|Value card|2,1,2", "|No card|1,3,0",
            "total|Total|7,4,4"}));
    // p1: c1; p2: c2; the deleted p3 (c4) comes after the active products; no product: c3 and no card.
    table = run(ReportMetric::Entries, ReportDimension::Product, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table),
        (QStringList {"p1|Monthly pass|2,0,1", "p2|Ten visits|2,0,1", "p3|Deleted product|1,0,1", "|No product|2,4,1",
            "total|Total|7,4,4"}));
    // Let in by Alice: e3 (m2) e14 (m5); by Bob: e6 (no member); the rest at the gate.
    table = run(ReportMetric::Entries, ReportDimension::Staff, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table),
        (QStringList {
            "|Self-service at the gate|4,4,3", "staff-a|Alice|2,0,2", "staff-b|Bob|1,0,0", "total|Total|7,4,4"}));
}

void TestReportEngine::denialsByReason()
{
    // card.expired twice (e7 Mar 1 pool, e9), then the ties by code: antipassback (e13), card.none (e8).
    ReportTable table = run(ReportMetric::Denials, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(columnIds(table), (QStringList {"denials", "card.expired", "antipassback", "card.none"}));
    QCOMPARE(table.columns[1].title, QStringLiteral("Your card has expired."));
    QCOMPARE(lines(table),
        (QStringList {"2026-03-01|2026-03-01|1,1,0,0", "2026-03-02|2026-03-02|3,1,1,1", "total|Total|4,2,1,1"}));
    table = run(ReportMetric::Denials, ReportDimension::Zone, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table), (QStringList {"v2|Aqua pool|1,1,0,0", "v1|Gym floor|3,1,1,1", "total|Total|4,2,1,1"}));
}

void TestReportEngine::peakHours()
{
    // Sunday Mar 1: e1 08, e2 09, e3 23. Monday Mar 2: e4 00, e5 00, e6 08, e14 15. Two days.
    const ReportTable table = run(ReportMetric::PeakHours, ReportDimension::Hour, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(columnIds(table), (QStringList {"checkIns", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "perDay"}));
    QCOMPARE(table.columns.last().kind, ReportValueKind::Average);
    QStringList nonZero;
    for (const QString &line : lines(table)) {
        if (!line.endsWith(QStringLiteral("|0,0,0,0,0,0,0,0,0")))
            nonZero.append(line);
    }
    QCOMPARE(nonZero,
        (QStringList {"00|00:00|2,2,0,0,0,0,0,0,1", "08|08:00|2,1,0,0,0,0,0,1,1", "09|09:00|1,0,0,0,0,0,0,1,0.5",
            "15|15:00|1,1,0,0,0,0,0,0,0.5", "23|23:00|1,0,0,0,0,0,0,1,0.5", "total|Total|7,4,0,0,0,0,0,3,3.5"}));
}

void TestReportEngine::berlinSummerTimeDay()
{
    const QByteArray berlin = QByteArrayLiteral("Europe/Berlin");
    const QDate day(2026, 3, 29);
    const ReportRange range = take(ReportRange::make(day, day, QTimeZone(berlin), kReportMaxDays));
    QCOMPARE(range.endMs - range.startMs, 23 * 3'600'000LL);
    // 01:30 CET (m1), 03:30 CEST (m2), 23:30 CEST (m1); 00:30 on Mar 30 is the next day. No 02 hour.
    ReportTable table = run(ReportMetric::Entries, ReportDimension::Hour, day, day, berlin);
    QStringList nonZero;
    for (const QString &line : lines(table)) {
        if (!line.endsWith(QStringLiteral("|0,0,0")))
            nonZero.append(line);
    }
    QCOMPARE(nonZero, (QStringList {"01|01:00|1,0,1", "03|03:00|1,0,1", "23|23:00|1,0,1", "total|Total|3,0,2"}));
    table = run(ReportMetric::Entries, ReportDimension::Day, day, day, berlin);
    QCOMPARE(lines(table), (QStringList {"2026-03-29|2026-03-29|3,0,2", "total|Total|3,0,2"}));
    // A Sunday, in the peak hours too (the SQL offsets change within the range).
    table = run(ReportMetric::PeakHours, ReportDimension::Hour, day, day, berlin);
    QCOMPARE(table.row(QStringLiteral("01"))->values, (QList<double> {1, 0, 0, 0, 0, 0, 0, 1, 1}));
    QCOMPARE(table.row(QStringLiteral("02"))->values, (QList<double> {0, 0, 0, 0, 0, 0, 0, 0, 0}));
    QCOMPARE(table.row(QStringLiteral("03"))->values, (QList<double> {1, 0, 0, 0, 0, 0, 0, 1, 1}));
    QCOMPARE(table.row(QStringLiteral("23"))->values, (QList<double> {1, 0, 0, 0, 0, 0, 0, 1, 1}));
}

void TestReportEngine::bookings()
{
    // Mar 1: b1 booked, b2 attended, b3 no-show, b4 cancelled on sl1 (10 places, 3 taken), b6 booked
    // at 23:59:59.999. Mar 2: b7 cancelled at 00:00, b8 attended (deleted venue), b10 rejected,
    // b5 booked on sl2 (5 places, 1 taken), b9 booked on the deleted sl3 (no places).
    ReportTable table = run(ReportMetric::Bookings, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(columnIds(table),
        (QStringList {
            "bookings", "booked", "cancelled", "attended", "noShow", "rejected", "places", "taken", "fillRate"}));
    QCOMPARE(lines(table),
        (QStringList {"2026-03-01|2026-03-01|5,2,1,1,1,0,10,3,0.3", "2026-03-02|2026-03-02|5,2,1,1,0,1,5,1,0.2",
            "total|Total|10,4,2,2,1,1,15,4," + number(4.0 / 15.0)}));
    table = run(ReportMetric::Bookings, ReportDimension::Venue, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table),
        (QStringList {"v2|Aqua pool|6,3,1,1,1,0,15,4," + number(4.0 / 15.0), "v1|Gym floor|3,1,1,0,0,1,0,0,nan",
            "v3|Old court|1,0,0,1,0,0,0,0,nan", "total|Total|10,4,2,2,1,1,15,4," + number(4.0 / 15.0)}));
    table = run(ReportMetric::Bookings, ReportDimension::Hour, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(table.row(QStringLiteral("09"))->values, (QList<double> {4, 1, 1, 1, 1, 0, 10, 3, 0.3}));
    QCOMPARE(table.row(QStringLiteral("10"))->values.mid(0, 6), (QList<double> {2, 0, 0, 1, 0, 1}));
    QCOMPARE(table.row(QStringLiteral("19"))->values.mid(0, 8), (QList<double> {1, 1, 0, 0, 0, 0, 0, 0}));
    QVERIFY(std::isnan(table.row(QStringLiteral("19"))->values[8]));
}

void TestReportEngine::revenue()
{
    // Feb: s1 100.00 cash. Mar: s2 50.00 WeChat, s3 200.00 Alipay, s4 -30.00 cash, s5 5.00 bank card,
    // s6 80.00 bank card (Mar 31 23:59:59.999). Apr: s7 -50.00 WeChat (Apr 1 00:00).
    ReportTable table = run(ReportMetric::Revenue, ReportDimension::Month, QDate(2026, 2, 1), QDate(2026, 4, 30));
    QCOMPARE(columnIds(table),
        (QStringList {"revenueFen", "sales", "refunds", "refundFen", "cash", "bankCard", "wechatPay", "alipay"}));
    QCOMPARE(lines(table),
        (QStringList {"2026-02|2026-02|10000,1,0,0,10000,0,0,0", "2026-03|2026-03|30500,4,1,3000,-3000,8500,5000,20000",
            "2026-04|2026-04|-5000,0,1,5000,0,0,-5000,0", "total|Total|35500,5,2,8000,7000,8500,0,20000"}));
    // Range A: s4 on c1 (time); s2 without card, product p2 (count); s3 on c3 (value); s5 nothing.
    table = run(ReportMetric::Revenue, ReportDimension::CardKind, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table),
        (QStringList {"time|Time card|-3000,0,1,3000,-3000,0,0,0", "count|Count card|5000,1,0,0,0,0,5000,0",
            "value|Value card|20000,1,0,0,0,0,0,20000", "|No card|500,1,0,0,0,500,0,0",
            "total|Total|22500,3,1,3000,-3000,500,5000,20000"}));
    // Feb..Apr by product: p1 s1 s4; p2 s2 s7; the deleted p3 s6; no product s3 s5.
    table = run(ReportMetric::Revenue, ReportDimension::Product, QDate(2026, 2, 1), QDate(2026, 4, 30));
    QCOMPARE(lines(table),
        (QStringList {"p1|Monthly pass|7000,1,1,3000,7000,0,0,0", "p2|Ten visits|0,1,1,5000,0,0,0,0",
            "p3|Deleted product|8000,1,0,0,0,8000,0,0", "|No product|20500,2,0,0,0,500,0,20000",
            "total|Total|35500,5,2,8000,7000,8500,0,20000"}));
    table = run(ReportMetric::Revenue, ReportDimension::Staff, QDate(2026, 3, 1), QDate(2026, 3, 2));
    QCOMPARE(lines(table),
        (QStringList {"|No staff member|500,1,0,0,0,500,0,0", "staff-a|Alice|17000,1,1,3000,-3000,0,0,20000",
            "staff-b|Bob|5000,1,0,0,0,0,5000,0", "total|Total|22500,3,1,3000,-3000,500,5000,20000"}));
    QCOMPARE(run(ReportMetric::Revenue, ReportDimension::Day, QDate(2026, 3, 1), QDate(2026, 3, 1)).rows.first().values,
        (QList<double> {25000, 2, 0, 0, 0, 0, 5000, 20000}));
}

void TestReportEngine::members()
{
    // New: Feb m1; Mar m2 m3 (m5 was deleted before the end); Apr m4 m7 (deleted after the end).
    // Active: Feb m1 (e15); Mar m1 m2 m3 m5; Apr m3 (e24) -> 4 distinct over the range, not 6.
    // Expiring: Feb m5, Mar m1, Apr m3.
    const ReportTable table = run(ReportMetric::Members, ReportDimension::Month, QDate(2026, 2, 1), QDate(2026, 4, 30));
    QCOMPARE(columnIds(table), (QStringList {"newMembers", "activeMembers", "expiringMembers"}));
    QCOMPARE(lines(table),
        (QStringList {"2026-02|2026-02|1,1,1", "2026-03|2026-03|2,4,1", "2026-04|2026-04|2,1,1", "total|Total|5,4,3"}));
    // By day around the month ends.
    const ReportTable days = run(ReportMetric::Members, ReportDimension::Day, QDate(2026, 2, 28), QDate(2026, 4, 1));
    QCOMPARE(days.row(QStringLiteral("2026-02-28"))->values, (QList<double> {1, 1, 1}));
    QCOMPARE(days.row(QStringLiteral("2026-03-01"))->values, (QList<double> {1, 2, 0}));
    QCOMPARE(days.row(QStringLiteral("2026-03-31"))->values, (QList<double> {1, 1, 1}));
    QCOMPARE(days.row(QStringLiteral("2026-04-01"))->values, (QList<double> {1, 1, 1}));
}

void TestReportEngine::emptyRange()
{
    const QDate from(2025, 6, 1);
    const QDate to(2025, 6, 3);
    ReportTable table = run(ReportMetric::Entries, ReportDimension::Day, from, to);
    QCOMPARE(lines(table),
        (QStringList {"2025-06-01|2025-06-01|0,0,0", "2025-06-02|2025-06-02|0,0,0", "2025-06-03|2025-06-03|0,0,0",
            "total|Total|0,0,0"}));
    table = run(ReportMetric::Bookings, ReportDimension::Venue, from, to);
    QCOMPARE(lines(table),
        (QStringList {"v2|Aqua pool|0,0,0,0,0,0,0,0,nan", "v1|Gym floor|0,0,0,0,0,0,0,0,nan",
            "total|Total|0,0,0,0,0,0,0,0,nan"}));
    table = run(ReportMetric::Denials, ReportDimension::Week, from, to);
    QCOMPARE(columnIds(table), QStringList {"denials"});
    QCOMPARE(lines(table), (QStringList {"2025-W22|2025-W22|0", "2025-W23|2025-W23|0", "total|Total|0"}));
    table = run(ReportMetric::PeakHours, ReportDimension::Hour, from, to);
    QCOMPARE(table.rows.size(), 24);
    QCOMPARE(table.total.values, QList<double>(9, 0.0));
    table = run(ReportMetric::Revenue, ReportDimension::CardKind, from, to);
    QCOMPARE(table.rows.size(), 4);
    table = run(ReportMetric::Members, ReportDimension::Month, from, to);
    QCOMPARE(lines(table), (QStringList {"2025-06|2025-06|0,0,0", "total|Total|0,0,0"}));
}

void TestReportEngine::csvOfOneTable()
{
    const ReportTable table = run(ReportMetric::Revenue, ReportDimension::Staff, QDate(2026, 3, 1), QDate(2026, 3, 2));
    const QByteArray expected
        = QByteArrayLiteral("\xEF\xBB\xBF"
                            "Staff,Net revenue,Sales,Refunds,Refunded,Cash,Bank card,WeChat Pay,Alipay\r\n"
                            "No staff member,5.00,1,0,0.00,0.00,5.00,0.00,0.00\r\n"
                            "Alice,170.00,1,1,30.00,-30.00,0.00,0.00,200.00\r\n"
                            "Bob,50.00,1,0,0.00,0.00,0.00,50.00,0.00\r\n"
                            "Total,225.00,3,1,30.00,-30.00,5.00,50.00,200.00\r\n");
    QCOMPARE(reportToCsv(table), expected);
}

// SQLite always; PostgreSQL too when GYMGATE_REPORT_PG names an empty database as
// "host:port:database" (user postgres), e.g. a throwaway cluster: starting one here would take
// longer than this whole test.
void TestReportEngine::hubDatabaseBySite_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    if (qEnvironmentVariableIsSet("GYMGATE_REPORT_PG"))
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

// The hub's schema (site columns, hub_user) through the same engine: one site's rows only.
void TestReportEngine::hubDatabaseBySite()
{
    QFETCH(QString, dialect);
    const bool pg = dialect == QLatin1String("postgresql");
    {
        QSqlDatabase hub = QSqlDatabase::addDatabase(
            pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), QStringLiteral("hub"));
        if (pg) {
            const QStringList parts = qEnvironmentVariable("GYMGATE_REPORT_PG").split(QLatin1Char(':'));
            QCOMPARE(parts.size(), 3);
            hub.setHostName(parts[0]);
            hub.setPort(parts[1].toInt());
            hub.setDatabaseName(parts[2]);
            hub.setUserName(QStringLiteral("postgres"));
        } else {
            hub.setDatabaseName(m_dir.filePath(QStringLiteral("hub.db")));
        }
        QVERIFY2(hub.open(), qPrintable(hub.lastError().text()));
        const QDir migrations(qEnvironmentVariable("GYMGATE_SOURCE_DIR") + QStringLiteral("/db/hub/") + dialect);
        const QStringList files = migrations.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        QStringList statements;
        for (const QString &name : files) {
            QFile file(migrations.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QString text = QString::fromUtf8(file.readAll());
            text.remove(QRegularExpression(QStringLiteral("--[^\n]*")));
            statements += text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        }
        statements += QStringList {
            QStringLiteral(
                "INSERT INTO hub_user (username, display_name, password_hash, role, created_at, updated_at, "
                "sync_id) VALUES ('alice', 'Alice', 'x', 'staff', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'st-a')"),
            QStringLiteral("INSERT INTO venue (id, site_id, name, kind, created_at, updated_at) VALUES "
                           "('va', 'site-a', 'A hall', 'studio', 0, 0), ('vb', 'site-b', 'B hall', 'studio', 0, 0)"),
            QStringLiteral(
                "INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, updated_at) "
                "VALUES ('co', 'Yoga', 'va', 60, 4, 0, 0)"),
        };
        QVERIFY(hub.transaction()); // one commit: a sync per statement would be slow
        for (const QString &statement : std::as_const(statements)) {
            if (statement.trimmed().isEmpty())
                continue;
            QSqlQuery query(hub);
            QVERIFY2(query.exec(statement), qPrintable(statement + query.lastError().text()));
        }
        const auto insert = [&](const QString &statement, const QVariantList &binds) {
            QSqlQuery query(hub);
            query.prepare(statement);
            for (const QVariant &value : binds)
                query.addBindValue(value);
            return query.exec();
        };
        // Mar 1: site a has member ma (a card ending at 20:00), a check-in and a denial at va, a
        // booking made in the member app (no site) on a 4-place class, a sale by Alice; site b
        // has mb, two check-ins, two bookings and a sale.
        for (const auto &[member, site, hour] : {std::tuple {"ma", "site-a", 10}, std::tuple {"mb", "site-b", 11}}) {
            QVERIFY(insert(QStringLiteral("INSERT INTO member (id, site_id, member_no, name, phone_hash, phone_mask, "
                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, 0)"),
                {QString::fromLatin1(member), QString::fromLatin1(site), QString::fromLatin1(member),
                    QString::fromLatin1(member), QString::fromLatin1(member), at(2026, 3, 1, hour, 0)}));
            QVERIFY(insert(QStringLiteral("INSERT INTO member_card (id, card_no, member_id, name, kind, status, "
                                          "valid_from, valid_to, created_at, updated_at) VALUES (?, ?, ?, 'Card', "
                                          "'time', 'active', 0, ?, 0, 0)"),
                {QString::fromLatin1(member), QString::fromLatin1(member), QString::fromLatin1(member),
                    at(2026, 3, 1, hour + 10, 0)}));
        }
        const QList<std::tuple<QString, QString, QString, QString, QString, int>> entries {
            {"ea1", "site-a", "ma", "va", "passed", 8}, {"ea2", "site-a", "ma", "va", "denied", 9},
            {"eb1", "site-b", "mb", "vb", "passed", 8}, {"eb2", "site-b", "mb", "vb", "passed", 9}};
        for (const auto &[id, site, member, zone, status, hour] : entries)
            QVERIFY(insert(QStringLiteral("INSERT INTO entry (id, site_id, zone_id, direction, member_id, card_id, "
                                          "status, reason, decided_at) VALUES (?, ?, ?, 'in', ?, ?, ?, "
                                          "'card.expired', ?)"),
                {id, site, zone, member, member, status, at(2026, 3, 1, hour, 0)}));
        QVERIFY(insert(QStringLiteral("INSERT INTO course_slot (id, course_id, venue_id, start_at, end_at, capacity, "
                                      "created_at, updated_at) VALUES ('sla', 'co', 'va', ?, ?, 4, 0, 0), "
                                      "('slb', 'co', 'vb', ?, ?, 6, 0, 0)"),
            {at(2026, 3, 1, 10, 0), at(2026, 3, 1, 11, 0), at(2026, 3, 1, 10, 0), at(2026, 3, 1, 11, 0)}));
        const QList<std::tuple<QString, QVariant, QString, QString, QString, QString>> bookings {
            {"ba1", QVariant(), "ma", "va", "sla", "booked"}, {"bb1", "site-b", "mb", "vb", "slb", "attended"},
            {"bb2", "site-b", "mb", "vb", "slb", "cancelled"}};
        for (const auto &[id, site, member, venue, slot, status] : bookings)
            QVERIFY(insert(QStringLiteral("INSERT INTO booking (id, site_id, booking_no, member_id, venue_id, slot_id, "
                                          "start_at, end_at, status, created_at, updated_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)"),
                {id, site, id, member, venue, slot, at(2026, 3, 1, 10, 0), at(2026, 3, 1, 11, 0), status}));
        QVERIFY(insert(QStringLiteral("INSERT INTO sale (id, site_id, receipt_no, member_id, kind, amount_fen, "
                                      "payment_method, staff_id, created_at) VALUES "
                                      "('sa', 'site-a', 'ra', 'ma', 'sale', 1000, 'cash', 'st-a', ?), "
                                      "('sb', 'site-b', 'rb', 'mb', 'sale', 2000, 'alipay', '', ?)"),
            {at(2026, 3, 1, 12, 0), at(2026, 3, 1, 12, 0)}));

        QVERIFY(hub.commit());

        const QString names = QStringLiteral("SELECT sync_id, display_name FROM hub_user WHERE sync_id IS NOT NULL");
        const SqlReportEngine siteA(hub, ReportScope {QStringLiteral("site-a"), names});
        const SqlReportEngine allSites(hub, ReportScope {{}, names});
        const QDate day(2026, 3, 1);
        const ReportRange range = take(ReportRange::make(day, day, QTimeZone(kShanghai), kReportMaxDays));
        // Every metric by every dimension it has reads on the hub's schema, for a site and for all.
        for (ReportMetric metric : allReportMetrics()) {
            for (ReportDimension dimension : reportDimensionsOf(metric)) {
                for (const SqlReportEngine *engine : {&siteA, &allSites}) {
                    const Result<ReportTable> table = engine->run(metric, dimension, range);
                    QVERIFY2(table.has_value(),
                        qPrintable(QString::fromLatin1(reportMetricName(metric)) + QLatin1Char('/')
                            + QString::fromLatin1(reportDimensionName(dimension)) + QLatin1Char(' ')
                            + (table ? QString() : table.error().toString())));
                }
            }
        }
        QCOMPARE(lines(take(siteA.run(ReportMetric::Entries, ReportDimension::Day, range))),
            (QStringList {"2026-03-01|2026-03-01|1,1,1", "total|Total|1,1,1"}));
        QCOMPARE(lines(take(allSites.run(ReportMetric::Entries, ReportDimension::Day, range))),
            (QStringList {"2026-03-01|2026-03-01|3,1,2", "total|Total|3,1,2"}));
        QCOMPARE(lines(take(siteA.run(ReportMetric::Entries, ReportDimension::Zone, range))),
            (QStringList {"va|A hall|1,1,1", "total|Total|1,1,1"}));
        // The member app's booking has no site: it belongs to site a by its venue.
        QCOMPARE(lines(take(siteA.run(ReportMetric::Bookings, ReportDimension::Venue, range))),
            (QStringList {"va|A hall|1,1,0,0,0,0,4,1,0.25", "total|Total|1,1,0,0,0,0,4,1,0.25"}));
        QCOMPARE(lines(take(allSites.run(ReportMetric::Bookings, ReportDimension::Day, range))),
            (QStringList {"2026-03-01|2026-03-01|3,1,1,1,0,0,10,2,0.2", "total|Total|3,1,1,1,0,0,10,2,0.2"}));
        QCOMPARE(lines(take(siteA.run(ReportMetric::Revenue, ReportDimension::Staff, range))),
            (QStringList {"st-a|Alice|1000,1,0,0,1000,0,0,0", "total|Total|1000,1,0,0,1000,0,0,0"}));
        QCOMPARE(lines(take(siteA.run(ReportMetric::Members, ReportDimension::Day, range))),
            (QStringList {"2026-03-01|2026-03-01|1,1,1", "total|Total|1,1,1"}));
        QCOMPARE(lines(take(allSites.run(ReportMetric::Members, ReportDimension::Day, range))),
            (QStringList {"2026-03-01|2026-03-01|2,2,2", "total|Total|2,2,2"}));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hub"));
}

QTEST_GUILESS_MAIN(TestReportEngine)
#include "tst_reportengine.moc"
