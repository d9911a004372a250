// Venues through the real gymgate-hub: CRUD with the admin aliases, rules, ratings, status with
// its notification, maintenance plans and the calendar, with roles and field checks, on SQLite
// and on a throwaway PostgreSQL.
#include <QTemporaryDir>
#include <QTest>

#include "VenueFixture.h"

using namespace hubtest;

namespace {

QJsonArray weekdayHours()
{
    return {QJsonObject {{QStringLiteral("days"), QStringLiteral("*")},
        {QStringLiteral("from"), QStringLiteral("08:00")}, {QStringLiteral("to"), QStringLiteral("22:00")}}};
}

} // namespace

class TestHubVenues : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void venueCrud_data();
    void venueCrud();
    void venueFieldErrors_data();
    void venueFieldErrors();
    void rolesAreChecked_data();
    void rolesAreChecked();
    void rulesAndStatus_data();
    void rulesAndStatus();
    void ratings_data();
    void ratings();
    void maintenances_data();
    void maintenances();
    void calendar_data();
    void calendar();

private:
    HubDatabases m_databases;
};

void TestHubVenues::initTestCase()
{
    QVERIFY(m_databases.start());
}

#define START_FIXTURE(fixture)                                                                                         \
    QFETCH(QString, dialect);                                                                                          \
    START_SERVED(VenueFixture, fixture, m_databases, dialect, QStringLiteral("venues"))

void TestHubVenues::venueCrud_data()
{
    addDialectRows();
}

void TestHubVenues::venueCrud()
{
    START_FIXTURE(f);
    const HubReply created = f.call("POST", QStringLiteral("/api/venues"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Court 1")},
            {QStringLiteral("kind"), QStringLiteral("court")}, {QStringLiteral("capacity"), 4},
            {QStringLiteral("openingHours"), weekdayHours()}, {QStringLiteral("feePerHourFen"), 8000},
            {QStringLiteral("advanceDays"), 14}},
        f.adminToken);
    QCOMPARE(created.status, 200);
    const QJsonObject venue = dataOf(created);
    const QString id = venue.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(venue.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QCOMPARE(venue.value(QStringLiteral("openingHours")).toArray().size(), 1);
    QCOMPARE(venue.value(QStringLiteral("advanceDays")).toInt(), 14);
    QCOMPARE(
        f.db.scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'venue' AND entity_id = ?"), {id})
            .toInt(),
        1);

    // Members and every staff role read it; the admin alias reads the same.
    for (const QString &token :
        {f.db.memberToken(f.addMember(QStringLiteral("Ann"))), f.technicianToken, f.adminToken}) {
        const HubReply list = f.call("GET", QStringLiteral("/api/venues"), QJsonValue::Undefined, token);
        QCOMPARE(list.status, 200);
        QCOMPARE(dataOf(list).value(QStringLiteral("items")).toArray().size(), 1);
    }
    const HubReply one = f.call("GET", QStringLiteral("/api/admin/venues/") + id, QJsonValue::Undefined, f.adminToken);
    QCOMPARE(one.status, 200);
    QCOMPARE(dataOf(one).value(QStringLiteral("name")).toString(), QStringLiteral("Court 1"));

    // PUT changes what it names and keeps the rest.
    const HubReply updated = f.call("PUT", QStringLiteral("/api/venues/") + id,
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Court A")},
            {QStringLiteral("description"), QStringLiteral("Clay")}},
        f.adminToken);
    QCOMPARE(updated.status, 200);
    QCOMPARE(dataOf(updated).value(QStringLiteral("name")).toString(), QStringLiteral("Court A"));
    QCOMPARE(dataOf(updated).value(QStringLiteral("feePerHourFen")).toInt(), 8000);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT description FROM venue WHERE id = ?"), {id}).toString(),
        QStringLiteral("Clay"));

    // A venue with a booking to come cannot be deleted; without one it is, with a tombstone.
    const QString member = f.addMember(QStringLiteral("Bob"));
    QVERIFY(
        f.db.exec(QStringLiteral("INSERT INTO booking (id, booking_no, member_id, venue_id, start_at, end_at, status, "
                                 "created_at, updated_at) VALUES ('b1', 'B10000000001', ?, ?, ?, ?, 'booked', 0, 0)"),
            {member, id, VenueFixture::siteTime(1, 10), VenueFixture::siteTime(1, 11)}));
    const HubReply busy = f.call("DELETE", QStringLiteral("/api/venues/") + id, QJsonValue::Undefined, f.adminToken);
    QCOMPARE(busy.status, 409);
    QVERIFY(f.db.exec(QStringLiteral("UPDATE booking SET status = 'cancelled' WHERE id = 'b1'")));
    const HubReply deleted
        = f.call("DELETE", QStringLiteral("/api/admin/venues/") + id, QJsonValue::Undefined, f.adminToken);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(f.call("GET", QStringLiteral("/api/venues/") + id, QJsonValue::Undefined, f.adminToken).status, 404);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT op FROM change_log WHERE entity = 'venue' AND entity_id = ? "
                                        "ORDER BY seq DESC LIMIT 1"),
                     {id})
                 .toString(),
        QStringLiteral("delete"));
    QVERIFY(f.hub.stop());
}

void TestHubVenues::venueFieldErrors_data()
{
    addDialectRows();
}

void TestHubVenues::venueFieldErrors()
{
    START_FIXTURE(f);
    const QList<std::pair<QByteArray, QString>> cases {
        {R"({"kind":"studio"})", QStringLiteral("name")},
        {R"({"name":5,"kind":"studio"})", QStringLiteral("name")},
        {R"({"name":"A","kind":"spa"})", QStringLiteral("kind")},
        {R"({"name":"A","kind":"studio","colour":"red"})", QStringLiteral("colour")},
        {R"({"name":"A","kind":"studio","capacity":"10"})", QStringLiteral("capacity")},
        {R"({"name":"A","kind":"studio","feePerHourFen":-1})", QStringLiteral("feePerHourFen")},
        {R"({"name":"A","kind":"studio","cancelPenaltyPercent":101})", QStringLiteral("cancelPenaltyPercent")},
        {R"({"name":"A","kind":"studio","bookingRequired":1})", QStringLiteral("bookingRequired")},
        {R"({"name":"A","kind":"studio","openingHours":"8-22"})", QStringLiteral("openingHours")},
        {R"({"name":"A","kind":"studio","openingHours":[{"days":"9","from":"08:00","to":"22:00"}]})",
            QStringLiteral("openingHours[0].days")},
        {R"([1,2])", QStringLiteral("body")},
    };
    const QString before = f.snapshot();
    for (const auto &[body, field] : cases) {
        const HubReply reply = f.hub.request("POST", QStringLiteral("/api/venues"), body, 10000,
            {{QByteArrayLiteral("Authorization"), "Bearer " + f.adminToken.toLatin1()}});
        QVERIFY2(reply.status == 422, body.constData());
        QCOMPARE(codeOf(reply), QStringLiteral("field_invalid"));
        QCOMPARE(fieldOf(reply), field);
        QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
    }
    QCOMPARE(f.db.count(QStringLiteral("venue")), 0);
    QCOMPARE(f.snapshot(), before);
    QVERIFY(f.hub.stop());
}

void TestHubVenues::rolesAreChecked_data()
{
    addDialectRows();
}

void TestHubVenues::rolesAreChecked()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({});
    QVERIFY2(!venueId.isEmpty(), qPrintable(f.errorText));
    const QString member = f.db.memberToken(f.addMember(QStringLiteral("Ann")));
    const QString before = f.snapshot();
    const QString one = QStringLiteral("/api/venues/") + venueId;
    const QJsonObject venueBody {
        {QStringLiteral("name"), QStringLiteral("X")}, {QStringLiteral("kind"), QStringLiteral("pool")}};
    struct Case {
        QByteArray method;
        QString path;
        QJsonValue body;
        QString token;
    };
    const QList<Case> refused {
        {"POST", QStringLiteral("/api/venues"), venueBody, member},
        {"POST", QStringLiteral("/api/venues"), venueBody, f.staffToken},
        {"PUT", one, QJsonObject {{QStringLiteral("name"), QStringLiteral("Y")}}, f.staffToken},
        {"DELETE", one, QJsonValue::Undefined, member},
        {"PUT", one + QStringLiteral("/rules"), QJsonObject {{QStringLiteral("advanceDays"), 1}}, f.staffToken},
        {"PUT", one + QStringLiteral("/status"), QJsonObject {{QStringLiteral("status"), QStringLiteral("closed")}},
            member},
        {"PUT", one + QStringLiteral("/status"), QJsonObject {{QStringLiteral("status"), QStringLiteral("closed")}},
            f.technicianToken},
        {"POST", one + QStringLiteral("/maintenances"),
            QJsonObject {{QStringLiteral("startAt"), 1}, {QStringLiteral("endAt"), 2}}, f.staffToken},
        {"GET", QStringLiteral("/api/admin/venues"), QJsonValue::Undefined, f.staffToken},
        {"POST", one + QStringLiteral("/ratings"), QJsonObject {{QStringLiteral("score"), 5}}, f.adminToken},
    };
    for (const Case &c : refused) {
        const HubReply reply = f.call(c.method, c.path, c.body, c.token);
        QVERIFY2(reply.status == 403, qPrintable(QString::fromLatin1(c.method) + QLatin1Char(' ') + c.path));
        QCOMPARE(codeOf(reply), QStringLiteral("permission_denied"));
    }
    QCOMPARE(f.call("GET", QStringLiteral("/api/venues"), QJsonValue::Undefined, QString()).status, 401);
    QCOMPARE(f.snapshot(), before);
    // A clerk may open and close a venue (the front desk sees the broken pool first).
    QCOMPARE(f.call("PUT", one + QStringLiteral("/status"),
                  QJsonObject {{QStringLiteral("status"), QStringLiteral("closed")}}, f.staffToken)
                 .status,
        200);
    QVERIFY(f.hub.stop());
}

void TestHubVenues::rulesAndStatus_data()
{
    addDialectRows();
}

void TestHubVenues::rulesAndStatus()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({});
    const QString rules = QStringLiteral("/api/venues/%1/rules").arg(venueId);
    const HubReply initial
        = f.call("GET", rules, QJsonValue::Undefined, f.db.memberToken(f.addMember(QStringLiteral("A"))));
    QCOMPARE(initial.status, 200);
    QCOMPARE(dataOf(initial).value(QStringLiteral("advanceDays")).toInt(), 7);
    QCOMPARE(dataOf(initial).value(QStringLiteral("cancelHours")).toInt(), 2);

    const HubReply changed = f.call("PUT", rules,
        QJsonObject {{QStringLiteral("advanceDays"), 3}, {QStringLiteral("maxActiveBookings"), 2},
            {QStringLiteral("cancelHours"), 24}, {QStringLiteral("cancelPenaltyPercent"), 50},
            {QStringLiteral("bookingRequired"), true}, {QStringLiteral("openingHours"), weekdayHours()},
            {QStringLiteral("feePerHourFen"), 3000}},
        f.adminToken);
    QCOMPARE(changed.status, 200);
    const QJsonObject stored = dataOf(f.call("GET", rules, QJsonValue::Undefined, f.staffToken));
    QCOMPARE(stored.value(QStringLiteral("advanceDays")).toInt(), 3);
    QCOMPARE(stored.value(QStringLiteral("maxActiveBookings")).toInt(), 2);
    QCOMPARE(stored.value(QStringLiteral("cancelPenaltyPercent")).toInt(), 50);
    QCOMPARE(stored.value(QStringLiteral("bookingRequired")).toBool(), true);
    QCOMPARE(stored.value(QStringLiteral("feePerHourFen")).toInt(), 3000);
    QCOMPARE(stored.value(QStringLiteral("openingHours"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("from"))
                 .toString(),
        QStringLiteral("08:00"));
    // The synced venue carries its rules.
    const QJsonObject synced = QJsonDocument::fromJson(
        f.db.scalar(QStringLiteral("SELECT data FROM change_log WHERE entity = 'venue' ORDER BY seq DESC LIMIT 1"))
            .toString()
            .toUtf8())
                                   .object();
    QCOMPARE(synced.value(QStringLiteral("cancelHours")).toInt(), 24);

    // Bad rules change nothing.
    const QString before = f.snapshot();
    for (const QJsonObject &bad : {QJsonObject {{QStringLiteral("advanceDays"), 366}},
             QJsonObject {{QStringLiteral("cancelHours"), QStringLiteral("2")}},
             QJsonObject {{QStringLiteral("name"), QStringLiteral("not a rule")}}}) {
        const HubReply reply = f.call("PUT", rules, bad, f.adminToken);
        QCOMPARE(reply.status, 422);
        QCOMPARE(fieldOf(reply), bad.keys().first());
    }
    QCOMPARE(f.snapshot(), before);

    // Status: published to everyone, synced; a bad value is refused.
    const QString status = QStringLiteral("/api/venues/%1/status").arg(venueId);
    const qint64 notifications = f.db.count(QStringLiteral("hub_notification"));
    const HubReply closed
        = f.call("PUT", status, QJsonObject {{QStringLiteral("status"), QStringLiteral("maintenance")}}, f.adminToken);
    QCOMPARE(closed.status, 200);
    QCOMPARE(dataOf(closed).value(QStringLiteral("status")).toString(), QStringLiteral("maintenance"));
    QCOMPARE(f.db.count(QStringLiteral("hub_notification")), notifications + 1);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT audience FROM hub_notification ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("all"));
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT kind FROM hub_notification ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("venue.status_changed"));
    const HubReply bad
        = f.call("PUT", status, QJsonObject {{QStringLiteral("status"), QStringLiteral("gone")}}, f.adminToken);
    QCOMPARE(bad.status, 422);
    QCOMPARE(fieldOf(bad), QStringLiteral("status"));
    QCOMPARE(f.call("PUT", QStringLiteral("/api/venues/nope/status"),
                  QJsonObject {{QStringLiteral("status"), QStringLiteral("open")}}, f.adminToken)
                 .status,
        404);
    QVERIFY(f.hub.stop());
}

void TestHubVenues::ratings_data()
{
    addDialectRows();
}

void TestHubVenues::ratings()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({});
    const QString path = QStringLiteral("/api/venues/%1/ratings").arg(venueId);
    const QString ann = f.db.memberToken(f.addMember(QStringLiteral("Ann")));
    const QString bob = f.db.memberToken(f.addMember(QStringLiteral("Bob")));
    QCOMPARE(f.call("POST", path,
                  QJsonObject {{QStringLiteral("score"), 2}, {QStringLiteral("comment"), QStringLiteral("cold")}}, ann)
                 .status,
        200);
    QCOMPARE(f.call("POST", path, QJsonObject {{QStringLiteral("score"), 4}}, bob).status, 200);
    // A second rating by Ann replaces her first.
    const HubReply again = f.call("POST", path,
        QJsonObject {{QStringLiteral("score"), 5}, {QStringLiteral("comment"), QStringLiteral("warm now")}}, ann);
    QCOMPARE(again.status, 200);
    QCOMPARE(f.db.count(QStringLiteral("venue_rating")), 2);
    const HubReply list = f.call("GET", path, QJsonValue::Undefined, ann);
    QCOMPARE(list.status, 200);
    const QJsonObject data = dataOf(list);
    QCOMPARE(data.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(data.value(QStringLiteral("average")).toDouble(), 4.5);
    bool sawMine = false;
    for (const QJsonValue &item : data.value(QStringLiteral("items")).toArray()) {
        QVERIFY(!item.toObject().contains(QStringLiteral("memberId"))); // members do not see who wrote what
        if (item.toObject().value(QStringLiteral("mine")).toBool()) {
            sawMine = true;
            QCOMPARE(item.toObject().value(QStringLiteral("comment")).toString(), QStringLiteral("warm now"));
        }
    }
    QVERIFY(sawMine);
    const QString before = f.snapshot();
    for (const QJsonObject &bad : {QJsonObject {{QStringLiteral("score"), 6}},
             QJsonObject {{QStringLiteral("score"), 0}}, QJsonObject {{QStringLiteral("score"), 4.5}},
             QJsonObject {{QStringLiteral("comment"), QStringLiteral("x")}},
             QJsonObject {{QStringLiteral("score"), 3}, {QStringLiteral("stars"), 3}}}) {
        const HubReply reply = f.call("POST", path, bad, bob);
        QCOMPARE(reply.status, 422);
    }
    QCOMPARE(f.call("POST", QStringLiteral("/api/venues/nope/ratings"), QJsonObject {{QStringLiteral("score"), 3}}, bob)
                 .status,
        404);
    QCOMPARE(f.snapshot(), before);
    QVERIFY(f.hub.stop());
}

void TestHubVenues::maintenances_data()
{
    addDialectRows();
}

void TestHubVenues::maintenances()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({});
    const QString path = QStringLiteral("/api/venues/%1/maintenances").arg(venueId);
    const HubReply planned = f.call("POST", path,
        QJsonObject {{QStringLiteral("startAt"),
                         QString(VenueFixture::siteDate(2).toString(Qt::ISODate) + QStringLiteral("T09:00:00"))},
            {QStringLiteral("endAt"), VenueFixture::siteTime(2, 12)},
            {QStringLiteral("reason"), QStringLiteral("Floor")}},
        f.adminToken);
    QCOMPARE(planned.status, 200);
    // A time without an offset is site time.
    QCOMPARE(dataOf(planned).value(QStringLiteral("startMs")).toInteger(), VenueFixture::siteTime(2, 9));
    QCOMPARE(dataOf(planned).value(QStringLiteral("startAt")).toString().right(6), QStringLiteral("+08:00"));
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'maintenance'")).toInt(), 1);
    const HubReply list
        = f.call("GET", path, QJsonValue::Undefined, f.db.memberToken(f.addMember(QStringLiteral("A"))));
    QCOMPARE(list.status, 200);
    QCOMPARE(dataOf(list).value(QStringLiteral("items")).toArray().size(), 1);

    // Refused: ends before it starts, wrong type, a booking inside the period.
    QVERIFY(
        f.db.exec(QStringLiteral("INSERT INTO booking (id, booking_no, member_id, venue_id, start_at, end_at, status, "
                                 "created_at, updated_at) VALUES ('b1', 'B10000000001', ?, ?, ?, ?, 'booked', 0, 0)"),
            {f.addMember(QStringLiteral("B")), venueId, VenueFixture::siteTime(3, 10), VenueFixture::siteTime(3, 11)}));
    const QString before = f.snapshot();
    const HubReply backwards = f.call("POST", path,
        QJsonObject {{QStringLiteral("startAt"), VenueFixture::siteTime(4, 12)},
            {QStringLiteral("endAt"), VenueFixture::siteTime(4, 9)}},
        f.adminToken);
    QCOMPARE(backwards.status, 422);
    QCOMPARE(fieldOf(backwards), QStringLiteral("endAt"));
    const HubReply wrongType = f.call("POST", path,
        QJsonObject {{QStringLiteral("startAt"), true}, {QStringLiteral("endAt"), VenueFixture::siteTime(4, 9)}},
        f.adminToken);
    QCOMPARE(wrongType.status, 422);
    QCOMPARE(fieldOf(wrongType), QStringLiteral("startAt"));
    const HubReply busy = f.call("POST", path,
        QJsonObject {{QStringLiteral("startAt"), VenueFixture::siteTime(3, 8)},
            {QStringLiteral("endAt"), VenueFixture::siteTime(3, 18)}},
        f.adminToken);
    QCOMPARE(busy.status, 409);
    QCOMPARE(f.snapshot(), before);
    QVERIFY(f.hub.stop());
}

void TestHubVenues::calendar_data()
{
    addDialectRows();
}

void TestHubVenues::calendar()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({});
    const QString member = f.addMember(QStringLiteral("Ann"));
    // Day 1: a venue booking; day 2: a class, 1 of 3 places booked; day 3: maintenance.
    QVERIFY(
        f.db.exec(QStringLiteral("INSERT INTO booking (id, booking_no, member_id, venue_id, start_at, end_at, status, "
                                 "created_at, updated_at) VALUES ('b1', 'B10000000001', ?, ?, ?, ?, 'booked', 0, 0)"),
            {member, venueId, VenueFixture::siteTime(1, 10), VenueFixture::siteTime(1, 11)}));
    const QString slotId = f.addSlot(venueId, VenueFixture::siteTime(2, 18), VenueFixture::siteTime(2, 19), 3);
    QVERIFY(f.db.exec(QStringLiteral("UPDATE course_slot SET booked_count = 1 WHERE id = ?"), {slotId}));
    QCOMPARE(f.call("POST", QStringLiteral("/api/venues/%1/maintenances").arg(venueId),
                  QJsonObject {{QStringLiteral("startAt"), VenueFixture::siteTime(3, 6)},
                      {QStringLiteral("endAt"), VenueFixture::siteTime(3, 7)}},
                  f.adminToken)
                 .status,
        200);
    const QString from = VenueFixture::siteDate(0).toString(Qt::ISODate);
    const QString to = VenueFixture::siteDate(3).toString(Qt::ISODate);
    const QString path = QStringLiteral("/api/venues/%1/calendar?from=%2&to=%3").arg(venueId, from, to);
    const HubReply reply = f.call("GET", path, QJsonValue::Undefined, f.staffToken);
    QCOMPARE(reply.status, 200);
    const QJsonArray days = dataOf(reply).value(QStringLiteral("days")).toArray();
    QCOMPARE(days.size(), 4);
    const auto sizes = [&](int day) {
        const QJsonObject d = days.at(day).toObject();
        return QStringLiteral("%1/%2/%3")
            .arg(d.value(QStringLiteral("bookings")).toArray().size())
            .arg(d.value(QStringLiteral("slots")).toArray().size())
            .arg(d.value(QStringLiteral("maintenances")).toArray().size());
    };
    QCOMPARE(sizes(0), QStringLiteral("0/0/0"));
    QCOMPARE(sizes(1), QStringLiteral("1/0/0"));
    QCOMPARE(sizes(2), QStringLiteral("0/1/0"));
    QCOMPARE(sizes(3), QStringLiteral("0/0/1"));
    QCOMPARE(days.at(1).toObject().value(QStringLiteral("date")).toString(),
        VenueFixture::siteDate(1).toString(Qt::ISODate));
    const QJsonObject booking = days.at(1).toObject().value(QStringLiteral("bookings")).toArray().at(0).toObject();
    QCOMPARE(booking.value(QStringLiteral("bookingNo")).toString(), QStringLiteral("B10000000001"));
    QCOMPARE(booking.value(QStringLiteral("memberName")).toString(), QStringLiteral("Ann"));
    const QJsonObject slot = days.at(2).toObject().value(QStringLiteral("slots")).toArray().at(0).toObject();
    QCOMPARE(slot.value(QStringLiteral("available")).toInt(), 2);
    QCOMPARE(slot.value(QStringLiteral("courseName")).toString(), QStringLiteral("Yoga"));

    // A member sees the booking without another member's name; their own is marked.
    const HubReply asMember = f.call("GET", path, QJsonValue::Undefined, f.db.memberToken(member));
    const QJsonObject seen = dataOf(asMember)
                                 .value(QStringLiteral("days"))
                                 .toArray()
                                 .at(1)
                                 .toObject()
                                 .value(QStringLiteral("bookings"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QVERIFY(!seen.contains(QStringLiteral("memberName")));
    QCOMPARE(seen.value(QStringLiteral("mine")).toBool(), true);

    // Range checks.
    const QString base = QStringLiteral("/api/venues/%1/calendar").arg(venueId);
    const QList<std::pair<QString, QString>> bad {{QStringLiteral("?to=") + to, QStringLiteral("from")},
        {QStringLiteral("?from=2026-13-01&to=") + to, QStringLiteral("from")},
        {QStringLiteral("?from=%1&to=%2").arg(to, from), QStringLiteral("to")},
        {QStringLiteral("?from=%1&to=%2").arg(from, VenueFixture::siteDate(62).toString(Qt::ISODate)),
            QStringLiteral("to")}};
    for (const auto &[query, field] : bad) {
        const HubReply refused = f.call("GET", base + query, QJsonValue::Undefined, f.staffToken);
        QCOMPARE(refused.status, 422);
        QCOMPARE(fieldOf(refused), field);
    }
    QCOMPARE(f.call("GET",
                  base + QStringLiteral("?from=%1&to=%2").arg(from, VenueFixture::siteDate(61).toString(Qt::ISODate)),
                  QJsonValue::Undefined, f.staffToken)
                 .status,
        200);
    QVERIFY(f.hub.stop());
}

QTEST_GUILESS_MAIN(TestHubVenues)
#include "tst_hubvenues.moc"
