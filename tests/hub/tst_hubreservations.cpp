// Reservations through the real gymgate-hub: booking venue ranges and classes with the desk's
// rules and refusal codes, cancel and move, the waiting list and its promotion, seed 002's
// course booking, roles and field checks, and two hub instances racing for the last place, on
// SQLite and on a throwaway PostgreSQL.
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "VenueFixture.h"

using namespace hubtest;

namespace {

QJsonObject range(const QString &venueId, qint64 startMs, qint64 endMs)
{
    return {
        {QStringLiteral("venueId"), venueId}, {QStringLiteral("startAt"), startMs}, {QStringLiteral("endAt"), endMs}};
}

QString idOf(const HubReply &reply)
{
    return dataOf(reply).value(QStringLiteral("id")).toString();
}

QString reasonOf(const HubReply &reply)
{
    return dataOf(reply).value(QStringLiteral("reason")).toString();
}

QJsonObject hours(const QString &from, const QString &to)
{
    return {{QStringLiteral("days"), QStringLiteral("*")}, {QStringLiteral("from"), from}, {QStringLiteral("to"), to}};
}

// Sends two requests at the same time, one to each hub, and waits for both answers.
QList<int> race(HubProcess &first, HubProcess &second, const QString &path, const QJsonObject &firstBody,
    const QString &firstToken, const QJsonObject &secondBody, const QString &secondToken)
{
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    const QList<std::tuple<HubProcess *, QJsonObject, QString>> sends {
        {&first, firstBody, firstToken}, {&second, secondBody, secondToken}};
    for (const auto &[hub, body, token] : sends) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(hub->port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        replies.append(network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    for (QNetworkReply *reply : replies)
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&loop, &replies] {
            if (std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }))
                loop.quit();
        });
    timeout.start(20000);
    loop.exec();
    QList<int> statuses;
    for (QNetworkReply *reply : replies) {
        statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        reply->deleteLater();
    }
    return statuses;
}

} // namespace

class TestHubReservations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bookAndRead_data();
    void bookAndRead();
    void refusals_data();
    void refusals();
    void badRequests_data();
    void badRequests();
    void classFullWaitlistPromotion_data();
    void classFullWaitlistPromotion();
    void cancelRules_data();
    void cancelRules();
    void moveReservation_data();
    void moveReservation();
    void lastPlaceRace_data();
    void lastPlaceRace();

private:
    HubDatabases m_databases;
};

void TestHubReservations::initTestCase()
{
    QVERIFY(m_databases.start());
}

#define START_FIXTURE(fixture)                                                                                         \
    QFETCH(QString, dialect);                                                                                          \
    START_SERVED(VenueFixture, fixture, m_databases, dialect, QStringLiteral("reservations"))

void TestHubReservations::bookAndRead_data()
{
    addDialectRows();
}

void TestHubReservations::bookAndRead()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({{QStringLiteral("kind"), QStringLiteral("court")}});
    const QString ann = f.addMember(QStringLiteral("Ann"));
    const QString bob = f.addMember(QStringLiteral("Bob"));
    const QString annToken = f.db.memberToken(ann);

    // A member books for themselves (site time without an offset).
    QJsonObject body {{QStringLiteral("venueId"), venueId},
        {QStringLiteral("startAt"),
            QString(VenueFixture::siteDate(1).toString(Qt::ISODate) + QStringLiteral("T10:00:00"))},
        {QStringLiteral("endAt"),
            QString(VenueFixture::siteDate(1).toString(Qt::ISODate) + QStringLiteral("T11:00:00"))}};
    const HubReply booked = f.call("POST", QStringLiteral("/api/reservations"), body, annToken);
    QCOMPARE(booked.status, 200);
    const QJsonObject booking = dataOf(booked);
    QVERIFY(QRegularExpression(QStringLiteral("^B900\\d{8}$"))
                .match(booking.value(QStringLiteral("bookingNo")).toString())
                .hasMatch());
    QCOMPARE(booking.value(QStringLiteral("memberId")).toString(), ann);
    QCOMPARE(booking.value(QStringLiteral("status")).toString(), QStringLiteral("booked"));
    QCOMPARE(booking.value(QStringLiteral("startMs")).toInteger(), VenueFixture::siteTime(1, 10));
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'booking' AND entity_id = ?"),
                     {idOf(booked)})
                 .toInt(),
        1);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT kind FROM hub_notification WHERE audience = ?"),
                     {QString(QStringLiteral("member:") + ann)})
                 .toString(),
        QStringLiteral("booking.confirmed"));

    // The front desk books for Bob; the numbers go on.
    QJsonObject forBob = range(venueId, VenueFixture::siteTime(1, 12), VenueFixture::siteTime(1, 13));
    forBob.insert(QStringLiteral("memberId"), bob);
    const HubReply desk = f.call("POST", QStringLiteral("/api/reservations"), forBob, f.staffToken);
    QCOMPARE(desk.status, 200);
    QCOMPARE(dataOf(desk).value(QStringLiteral("bookingNo")).toString().right(8), QStringLiteral("00000002"));

    // Reading: a member sees their own only; staff filter; the admin list is admin only.
    const HubReply mine = f.call("GET", QStringLiteral("/api/reservations"), QJsonValue::Undefined, annToken);
    QCOMPARE(mine.status, 200);
    QCOMPARE(dataOf(mine).value(QStringLiteral("total")).toInt(), 1);
    const HubReply all
        = f.call("GET", QStringLiteral("/api/reservations?venueId=") + venueId, QJsonValue::Undefined, f.staffToken);
    QCOMPARE(dataOf(all).value(QStringLiteral("total")).toInt(), 2);
    const HubReply filtered = f.call("GET", QStringLiteral("/api/reservations?memberId=%1&status=booked").arg(bob),
        QJsonValue::Undefined, f.staffToken);
    QCOMPARE(dataOf(filtered).value(QStringLiteral("total")).toInt(), 1);
    const HubReply paged
        = f.call("GET", QStringLiteral("/api/reservations?pageSize=1&page=2"), QJsonValue::Undefined, f.staffToken);
    QCOMPARE(dataOf(paged).value(QStringLiteral("items")).toArray().size(), 1);
    QCOMPARE(f.call("GET", QStringLiteral("/api/reservations?status=lost"), QJsonValue::Undefined, f.staffToken).status,
        422);
    QCOMPARE(f.call("GET", QStringLiteral("/api/reservations/") + idOf(booked), QJsonValue::Undefined, annToken).status,
        200);
    QCOMPARE(
        f.call("GET", QStringLiteral("/api/reservations/") + idOf(desk), QJsonValue::Undefined, annToken).status, 404);
    QCOMPARE(f.call("GET", QStringLiteral("/api/admin/reservations"), QJsonValue::Undefined, f.adminToken).status, 200);
    QCOMPARE(f.call("GET", QStringLiteral("/api/admin/reservations"), QJsonValue::Undefined, f.staffToken).status, 403);
    QCOMPARE(f.call("GET", QStringLiteral("/api/admin/reservations/") + idOf(desk), QJsonValue::Undefined, f.adminToken)
                 .status,
        200);
    QVERIFY(f.hub.stop());
}

void TestHubReservations::refusals_data()
{
    addDialectRows();
}

void TestHubReservations::refusals()
{
    START_FIXTURE(f);
    const QString court = f.addVenue({{QStringLiteral("kind"), QStringLiteral("court")}});
    const QString studio = f.addVenue(
        {{QStringLiteral("openingHours"), QJsonArray {hours(QStringLiteral("08:00"), QStringLiteral("22:00"))}},
            {QStringLiteral("advanceDays"), 3}, {QStringLiteral("maxActiveBookings"), 1}});
    const QString pool = f.addVenue({{QStringLiteral("kind"), QStringLiteral("pool")}});
    const QString ann = f.addMember(QStringLiteral("Ann"));
    const QString bob = f.addMember(QStringLiteral("Bob"));
    const QString blocked = f.addMember(QStringLiteral("Cy"), QStringLiteral("blocked"));
    const QString annToken = f.db.memberToken(ann);
    const QString bobToken = f.db.memberToken(bob);
    const HubReply first = f.call("POST", QStringLiteral("/api/reservations"),
        range(court, VenueFixture::siteTime(1, 10), VenueFixture::siteTime(1, 11)), annToken);
    QCOMPARE(first.status, 200);
    QCOMPARE(f.call("POST", QStringLiteral("/api/reservations"),
                  range(studio, VenueFixture::siteTime(2, 10), VenueFixture::siteTime(2, 11)), annToken)
                 .status,
        200);
    QCOMPARE(f.call("POST", QStringLiteral("/api/venues/%1/maintenances").arg(pool),
                  QJsonObject {{QStringLiteral("startAt"), VenueFixture::siteTime(2, 9)},
                      {QStringLiteral("endAt"), VenueFixture::siteTime(2, 12)}},
                  f.adminToken)
                 .status,
        200);
    QJsonObject forBlocked = range(pool, VenueFixture::siteTime(1, 10), VenueFixture::siteTime(1, 11));
    forBlocked.insert(QStringLiteral("memberId"), blocked);

    struct Case {
        const char *name;
        QJsonObject body;
        QString token;
        QString code;
        QString reason;
    };
    const QList<Case> cases {
        {"court taken", range(court, VenueFixture::siteTime(1, 10, 30), VenueFixture::siteTime(1, 11, 30)), bobToken,
            QStringLiteral("booking_conflict"), QStringLiteral("venue_overlap")},
        {"member double booked", range(pool, VenueFixture::siteTime(1, 10), VenueFixture::siteTime(1, 11)), annToken,
            QStringLiteral("booking_conflict"), QStringLiteral("member_double_booked")},
        {"maintenance plan", range(pool, VenueFixture::siteTime(2, 10), VenueFixture::siteTime(2, 11)), bobToken,
            QStringLiteral("maintenance"), QStringLiteral("maintenance")},
        {"outside opening hours", range(studio, VenueFixture::siteTime(1, 6), VenueFixture::siteTime(1, 7)), bobToken,
            QStringLiteral("outside_opening_hours"), QStringLiteral("outside_opening_hours")},
        {"beyond advance window", range(studio, VenueFixture::siteTime(5, 10), VenueFixture::siteTime(5, 11)), bobToken,
            QStringLiteral("beyond_advance_window"), QStringLiteral("beyond_advance_window")},
        {"too many active", range(studio, VenueFixture::siteTime(2, 14), VenueFixture::siteTime(2, 15)), annToken,
            QStringLiteral("too_many_active_bookings"), QStringLiteral("too_many_active_bookings")},
        {"in the past", range(pool, VenueFixture::siteTime(-1, 10), VenueFixture::siteTime(-1, 11)), bobToken,
            QStringLiteral("in_the_past"), QStringLiteral("in_the_past")},
        {"blocked member", forBlocked, f.staffToken, QStringLiteral("member_blocked"),
            QStringLiteral("member_blocked")},
    };
    for (const Case &c : cases) {
        const QString before = f.snapshot();
        const HubReply reply = f.call("POST", QStringLiteral("/api/reservations"), c.body, c.token);
        QVERIFY2(reply.status == 409, c.name);
        QVERIFY2(codeOf(reply) == c.code, qPrintable(QString::fromUtf8(reply.body)));
        QCOMPARE(reasonOf(reply), c.reason);
        QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(f.snapshot(), before);
    }
    // The conflict names the booking it collides with.
    const HubReply taken = f.call("POST", QStringLiteral("/api/reservations"),
        range(court, VenueFixture::siteTime(1, 10, 30), VenueFixture::siteTime(1, 11, 30)), bobToken);
    QCOMPARE(dataOf(taken).value(QStringLiteral("conflictingBookingId")).toString(), idOf(first));
    QVERIFY(taken.json.value(QStringLiteral("message"))
                .toString()
                .contains(dataOf(first).value(QStringLiteral("bookingNo")).toString()));

    // A venue under maintenance or closed takes no bookings.
    for (const auto &[status, code] : {std::pair {QStringLiteral("maintenance"), QStringLiteral("maintenance")},
             std::pair {QStringLiteral("closed"), QStringLiteral("venue_closed")}}) {
        QCOMPARE(f.call("PUT", QStringLiteral("/api/venues/%1/status").arg(pool),
                      QJsonObject {{QStringLiteral("status"), status}}, f.adminToken)
                     .status,
            200);
        const QString before = f.snapshot();
        const HubReply reply = f.call("POST", QStringLiteral("/api/reservations"),
            range(pool, VenueFixture::siteTime(1, 14), VenueFixture::siteTime(1, 15)), bobToken);
        QCOMPARE(reply.status, 409);
        QCOMPARE(codeOf(reply), code);
        QCOMPARE(f.snapshot(), before);
    }
    QVERIFY(f.hub.stop());
}

void TestHubReservations::badRequests_data()
{
    addDialectRows();
}

void TestHubReservations::badRequests()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({});
    const QString ann = f.addMember(QStringLiteral("Ann"));
    const QString bob = f.addMember(QStringLiteral("Bob"));
    const QString annToken = f.db.memberToken(ann);
    const qint64 start = VenueFixture::siteTime(1, 10);
    const qint64 end = VenueFixture::siteTime(1, 11);
    const QString slotId = f.addSlot(venueId, VenueFixture::siteTime(1, 18), VenueFixture::siteTime(1, 19), 5);
    QJsonObject withUnknown = range(venueId, start, end);
    withUnknown.insert(QStringLiteral("room"), 3);
    QJsonObject both = range(venueId, start, end);
    both.insert(QStringLiteral("slotId"), slotId);
    QJsonObject forBob = range(venueId, start, end);
    forBob.insert(QStringLiteral("memberId"), bob);
    QJsonObject forNobody = range(venueId, start, end);
    forNobody.insert(QStringLiteral("memberId"), QStringLiteral("nobody"));

    struct Case {
        const char *name;
        QString path;
        QJsonObject body;
        QString token;
        int status;
        QString field;
    };
    const QString reservations = QStringLiteral("/api/reservations");
    const QString course = QStringLiteral("/api/v1/bookings/course");
    const QList<Case> cases {
        {"missing venueId", reservations,
            QJsonObject {{QStringLiteral("startAt"), start}, {QStringLiteral("endAt"), end}}, annToken, 422,
            QStringLiteral("venueId")},
        {"startAt a bool", reservations,
            QJsonObject {{QStringLiteral("venueId"), venueId}, {QStringLiteral("startAt"), true},
                {QStringLiteral("endAt"), end}},
            annToken, 422, QStringLiteral("startAt")},
        {"startAt not a time", reservations,
            QJsonObject {{QStringLiteral("venueId"), venueId}, {QStringLiteral("startAt"), QStringLiteral("tomorrow")},
                {QStringLiteral("endAt"), end}},
            annToken, 422, QStringLiteral("startAt")},
        {"missing endAt", reservations,
            QJsonObject {{QStringLiteral("venueId"), venueId}, {QStringLiteral("startAt"), start}}, annToken, 422,
            QStringLiteral("endAt")},
        {"ends before start", reservations, range(venueId, end, start), annToken, 422, QStringLiteral("endAt")},
        {"longer than a day", reservations, range(venueId, start, start + 25 * 3600 * 1000LL), annToken, 422,
            QStringLiteral("endAt")},
        {"unknown field", reservations, withUnknown, annToken, 422, QStringLiteral("room")},
        {"slot and range", reservations, both, annToken, 422, QStringLiteral("startAt")},
        {"staff without memberId", reservations, range(venueId, start, end), f.staffToken, 422,
            QStringLiteral("memberId")},
        {"unknown member", reservations, forNobody, f.staffToken, 404, QStringLiteral("memberId")},
        {"unknown venue", reservations, range(QStringLiteral("nope"), start, end), annToken, 404,
            QStringLiteral("venueId")},
        {"member books for another", reservations, forBob, annToken, 403, QStringLiteral("memberId")},
        {"technician may not book", reservations, forBob, f.technicianToken, 403, QString()},
        {"course: missing slotId", course, QJsonObject {{QStringLiteral("memberId"), ann}}, annToken, 422,
            QStringLiteral("slotId")},
        {"course: slotId a number", course, QJsonObject {{QStringLiteral("slotId"), 1}}, annToken, 422,
            QStringLiteral("slotId")},
        {"course: unknown slot", course, QJsonObject {{QStringLiteral("slotId"), QStringLiteral("x")}}, annToken, 404,
            QStringLiteral("slotId")},
        {"course: unknown field", course, QJsonObject {{QStringLiteral("slotId"), slotId}, {QStringLiteral("note"), 1}},
            annToken, 422, QStringLiteral("note")},
        {"waitlist: member for another", QStringLiteral("/api/venues/%1/waiting-list").arg(venueId),
            QJsonObject {{QStringLiteral("slotId"), slotId}, {QStringLiteral("memberId"), bob}}, annToken, 403,
            QStringLiteral("memberId")},
    };
    const QString before = f.snapshot();
    for (const Case &c : cases) {
        const HubReply reply = f.call("POST", c.path, c.body, c.token);
        QVERIFY2(reply.status == c.status,
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), QString::fromUtf8(reply.body))));
        if (!c.field.isEmpty())
            QVERIFY2(fieldOf(reply) == c.field, c.name);
    }
    QCOMPARE(f.snapshot(), before);

    // Updates: an unknown action, fields that do not go with it.
    const HubReply booked = f.call("POST", reservations, range(venueId, start, end), annToken);
    QCOMPARE(booked.status, 200);
    const QString one = QStringLiteral("/api/reservations/") + idOf(booked);
    const QString afterBooking = f.snapshot();
    const QList<std::pair<QJsonObject, QString>> badUpdates {
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("delete")}}, QStringLiteral("action")},
        {QJsonObject {{QStringLiteral("reason"), QStringLiteral("x")}}, QStringLiteral("action")},
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("cancel")}, {QStringLiteral("startAt"), start}},
            QStringLiteral("startAt")},
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("move")}, {QStringLiteral("slotId"), slotId}},
            QStringLiteral("slotId")},
        {QJsonObject {{QStringLiteral("action"), QStringLiteral("cancel")}, {QStringLiteral("reason"), 5}},
            QStringLiteral("reason")},
        {QJsonObject {
             {QStringLiteral("action"), QStringLiteral("cancel")}, {QStringLiteral("why"), QStringLiteral("x")}},
            QStringLiteral("why")},
    };
    for (const auto &[body, field] : badUpdates) {
        const HubReply reply = f.call("PUT", one, body, annToken);
        QCOMPARE(reply.status, 422);
        QCOMPARE(fieldOf(reply), field);
    }
    // Another member cannot touch it.
    QCOMPARE(
        f.call("PUT", one, QJsonObject {{QStringLiteral("action"), QStringLiteral("cancel")}}, f.db.memberToken(bob))
            .status,
        404);
    QCOMPARE(f.snapshot(), afterBooking);
    QVERIFY(f.hub.stop());
}

void TestHubReservations::classFullWaitlistPromotion_data()
{
    addDialectRows();
}

void TestHubReservations::classFullWaitlistPromotion()
{
    START_FIXTURE(f);
    const QString venueId = f.addVenue({});
    const QString slotId = f.addSlot(venueId, VenueFixture::siteTime(2, 18), VenueFixture::siteTime(2, 19), 1);
    const QString otherSlot = f.addSlot(venueId, VenueFixture::siteTime(3, 18), VenueFixture::siteTime(3, 19), 5);
    const QString ann = f.addMember(QStringLiteral("Ann"));
    const QString bob = f.addMember(QStringLiteral("Bob"));
    const QString cy = f.addMember(QStringLiteral("Cy"));

    // seed 002 3.2.1: the course booking's shape.
    const HubReply booked = f.call("POST", QStringLiteral("/api/v1/bookings/course"),
        QJsonObject {{QStringLiteral("memberId"), ann}, {QStringLiteral("slotId"), slotId}}, f.staffToken);
    QCOMPARE(booked.status, 200);
    const QJsonObject seed = dataOf(booked);
    for (const QString &key :
        {QStringLiteral("id"), QStringLiteral("bookingNo"), QStringLiteral("courseName"), QStringLiteral("slotDate"),
            QStringLiteral("startTime"), QStringLiteral("endTime"), QStringLiteral("status")})
        QVERIFY2(seed.contains(key), qPrintable(key));
    QCOMPARE(seed.value(QStringLiteral("courseName")).toString(), QStringLiteral("Yoga"));
    QCOMPARE(seed.value(QStringLiteral("slotDate")).toString(), VenueFixture::siteDate(2).toString(Qt::ISODate));
    QCOMPARE(seed.value(QStringLiteral("startTime")).toString(), QStringLiteral("18:00:00"));
    QCOMPARE(seed.value(QStringLiteral("endTime")).toString(), QStringLiteral("19:00:00"));
    QCOMPARE(seed.value(QStringLiteral("status")).toInt(), 1);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT booked_count FROM course_slot WHERE id = ?"), {slotId}).toInt(), 1);
    QCOMPARE(
        QJsonDocument::fromJson(
            f.db.scalar(QStringLiteral("SELECT data FROM change_log WHERE entity = 'slot' ORDER BY seq DESC LIMIT 1"))
                .toString()
                .toUtf8())
            .object()
            .value(QStringLiteral("bookedCount"))
            .toInt(),
        1);

    // Full: refused with the way to the waiting list, nothing changed.
    const QString bobToken = f.db.memberToken(bob);
    QString before = f.snapshot();
    const HubReply full = f.call(
        "POST", QStringLiteral("/api/v1/bookings/course"), QJsonObject {{QStringLiteral("slotId"), slotId}}, bobToken);
    QCOMPARE(full.status, 409);
    QCOMPARE(codeOf(full), QStringLiteral("slot_full"));
    const QJsonObject hint = dataOf(full).value(QStringLiteral("waitingList")).toObject();
    QCOMPARE(hint.value(QStringLiteral("path")).toString(), QStringLiteral("/api/venues/%1/waiting-list").arg(venueId));
    QCOMPARE(hint.value(QStringLiteral("body")).toObject().value(QStringLiteral("slotId")).toString(), slotId);
    QCOMPARE(f.snapshot(), before);

    // The waiting list: in order, once per member, only for full classes.
    const QString waiting = QStringLiteral("/api/venues/%1/waiting-list").arg(venueId);
    const HubReply bobWaits = f.call("POST", waiting, QJsonObject {{QStringLiteral("slotId"), slotId}}, bobToken);
    QCOMPARE(bobWaits.status, 200);
    QCOMPARE(dataOf(bobWaits).value(QStringLiteral("position")).toInt(), 1);
    const HubReply cyWaits = f.call("POST", waiting,
        QJsonObject {{QStringLiteral("slotId"), slotId}, {QStringLiteral("memberId"), cy}}, f.staffToken);
    QCOMPARE(dataOf(cyWaits).value(QStringLiteral("position")).toInt(), 2);
    before = f.snapshot();
    const HubReply again = f.call("POST", waiting, QJsonObject {{QStringLiteral("slotId"), slotId}}, bobToken);
    QCOMPARE(again.status, 409);
    QCOMPARE(codeOf(again), QStringLiteral("already_waiting"));
    const HubReply notFull = f.call("POST", waiting, QJsonObject {{QStringLiteral("slotId"), otherSlot}}, bobToken);
    QCOMPARE(notFull.status, 409);
    QCOMPARE(codeOf(notFull), QStringLiteral("not_full"));
    QCOMPARE(f.snapshot(), before);
    const HubReply bobList = f.call("GET", waiting, QJsonValue::Undefined, bobToken);
    QCOMPARE(dataOf(bobList).value(QStringLiteral("items")).toArray().size(), 1); // his own only
    const HubReply deskList
        = f.call("GET", waiting + QStringLiteral("?slotId=") + slotId, QJsonValue::Undefined, f.staffToken);
    QCOMPARE(dataOf(deskList).value(QStringLiteral("items")).toArray().size(), 2);

    // Ann cancels: Bob, first in line, gets the place in the same transaction.
    const HubReply cancelled = f.call("PUT", QStringLiteral("/api/reservations/") + idOf(booked),
        QJsonObject {
            {QStringLiteral("action"), QStringLiteral("cancel")}, {QStringLiteral("reason"), QStringLiteral("ill")}},
        f.db.memberToken(ann));
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(dataOf(cancelled).value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(dataOf(cancelled).value(QStringLiteral("cancelReason")).toString(), QStringLiteral("ill"));
    const QString promotedId = dataOf(cancelled).value(QStringLiteral("promotedBookingId")).toString();
    QVERIFY(!promotedId.isEmpty());
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT member_id FROM booking WHERE id = ?"), {promotedId}).toString(), bob);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT booked_count FROM course_slot WHERE id = ?"), {slotId}).toInt(), 1);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT status FROM waitlist WHERE member_id = ?"), {bob}).toString(),
        QStringLiteral("promoted"));
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT status FROM waitlist WHERE member_id = ?"), {cy}).toString(),
        QStringLiteral("waiting"));
    QCOMPARE(
        f.db.scalar(QStringLiteral("SELECT kind FROM hub_notification WHERE audience = ? ORDER BY seq DESC LIMIT 1"),
                {QString(QStringLiteral("member:") + bob)})
            .toString(),
        QStringLiteral("waitlist.promoted"));
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'waitlist'")).toInt(), 3);
    // Cy is now first in line.
    const HubReply cyList = f.call("GET", waiting, QJsonValue::Undefined, f.db.memberToken(cy));
    QCOMPARE(dataOf(cyList)
                 .value(QStringLiteral("items"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("position"))
                 .toInt(),
        1);
    QVERIFY(f.hub.stop());
}

void TestHubReservations::cancelRules_data()
{
    addDialectRows();
}

void TestHubReservations::cancelRules()
{
    START_FIXTURE(f);
    const QString strict = f.addVenue({{QStringLiteral("cancelHours"), 48}});
    const QString charging = f.addVenue({{QStringLiteral("cancelHours"), 48},
        {QStringLiteral("cancelPenaltyPercent"), 50}, {QStringLiteral("feePerHourFen"), 1000}});
    const QString easy = f.addVenue({{QStringLiteral("cancelHours"), 2}});
    const QString ann = f.addMember(QStringLiteral("Ann"));
    const QString token = f.db.memberToken(ann);
    const auto book = [&](const QString &venueId, int hour) {
        return idOf(f.call("POST", QStringLiteral("/api/reservations"),
            range(venueId, VenueFixture::siteTime(1, hour), VenueFixture::siteTime(1, hour + 1)), token));
    };
    const QString strictId = book(strict, 8);
    const QString chargingId = book(charging, 10);
    const QString easyId = book(easy, 12);
    QVERIFY(!strictId.isEmpty() && !chargingId.isEmpty() && !easyId.isEmpty());
    const QJsonObject cancel {{QStringLiteral("action"), QStringLiteral("cancel")}};

    QString before = f.snapshot();
    const HubReply late = f.call("PUT", QStringLiteral("/api/reservations/") + strictId, cancel, token);
    QCOMPARE(late.status, 409);
    QCOMPARE(codeOf(late), QStringLiteral("late_cancellation"));
    QCOMPARE(f.snapshot(), before);

    const HubReply charged = f.call("PUT", QStringLiteral("/api/reservations/") + chargingId, cancel, f.staffToken);
    QCOMPARE(charged.status, 200);
    QCOMPARE(dataOf(charged).value(QStringLiteral("late")).toBool(), true);
    QCOMPARE(dataOf(charged).value(QStringLiteral("penaltyFen")).toInt(), 500);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT penalty_fen FROM booking WHERE id = ?"), {chargingId}).toInt(), 500);

    const HubReply free = f.call("PUT", QStringLiteral("/api/reservations/") + easyId, cancel, token);
    QCOMPARE(free.status, 200);
    QCOMPARE(dataOf(free).value(QStringLiteral("late")).toBool(), false);
    QCOMPARE(dataOf(free).value(QStringLiteral("penaltyFen")).toInt(), 0);
    QCOMPARE(QJsonDocument::fromJson(f.db.scalar(QStringLiteral("SELECT data FROM change_log WHERE entity = 'booking' "
                                                                "AND entity_id = ? ORDER BY seq DESC LIMIT 1"),
                                             {easyId})
                                         .toString()
                                         .toUtf8())
                 .object()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("cancelled"));

    before = f.snapshot();
    const HubReply twice = f.call("PUT", QStringLiteral("/api/reservations/") + easyId, cancel, token);
    QCOMPARE(twice.status, 409);
    QCOMPARE(codeOf(twice), QStringLiteral("not_cancellable"));
    QCOMPARE(f.snapshot(), before);
    QVERIFY(f.hub.stop());
}

void TestHubReservations::moveReservation_data()
{
    addDialectRows();
}

void TestHubReservations::moveReservation()
{
    START_FIXTURE(f);
    const QString court = f.addVenue({{QStringLiteral("kind"), QStringLiteral("court")}});
    const QString ann = f.addMember(QStringLiteral("Ann"));
    const QString bob = f.addMember(QStringLiteral("Bob"));
    const QString annToken = f.db.memberToken(ann);
    const HubReply annBooking = f.call("POST", QStringLiteral("/api/reservations"),
        range(court, VenueFixture::siteTime(1, 10), VenueFixture::siteTime(1, 11)), annToken);
    const HubReply bobBooking = f.call("POST", QStringLiteral("/api/reservations"),
        range(court, VenueFixture::siteTime(1, 12), VenueFixture::siteTime(1, 13)), f.db.memberToken(bob));
    QCOMPARE(annBooking.status, 200);
    QCOMPARE(bobBooking.status, 200);
    const QString path = QStringLiteral("/api/reservations/") + idOf(annBooking);

    // Onto Bob's time: refused naming his booking; Ann keeps hers as it was.
    const QString before = f.snapshot();
    const HubReply clash = f.call("PUT", path,
        QJsonObject {{QStringLiteral("action"), QStringLiteral("move")},
            {QStringLiteral("startAt"), VenueFixture::siteTime(1, 12, 30)},
            {QStringLiteral("endAt"), VenueFixture::siteTime(1, 13, 30)}},
        annToken);
    QCOMPARE(clash.status, 409);
    QCOMPARE(codeOf(clash), QStringLiteral("booking_conflict"));
    QCOMPARE(dataOf(clash).value(QStringLiteral("conflictingBookingId")).toString(), idOf(bobBooking));
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT start_at FROM booking WHERE id = ?"), {idOf(annBooking)}).toLongLong(),
        VenueFixture::siteTime(1, 10));

    // Overlapping its own old time is fine: the booking does not collide with itself.
    const HubReply moved = f.call("PUT", path,
        QJsonObject {{QStringLiteral("action"), QStringLiteral("move")},
            {QStringLiteral("startAt"), VenueFixture::siteTime(1, 10, 30)},
            {QStringLiteral("endAt"), VenueFixture::siteTime(1, 11, 30)}},
        annToken);
    QCOMPARE(moved.status, 200);
    QCOMPARE(dataOf(moved).value(QStringLiteral("status")).toString(), QStringLiteral("booked"));
    QCOMPARE(dataOf(moved).value(QStringLiteral("startMs")).toInteger(), VenueFixture::siteTime(1, 10, 30));
    QCOMPARE(dataOf(moved).value(QStringLiteral("bookingNo")).toString(),
        dataOf(annBooking).value(QStringLiteral("bookingNo")).toString());
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'booking' AND entity_id = ?"),
                     {idOf(annBooking)})
                 .toInt(),
        2);
    // Outside the rules (in the past) the move is refused.
    const HubReply past = f.call("PUT", path,
        QJsonObject {{QStringLiteral("action"), QStringLiteral("move")},
            {QStringLiteral("startAt"), VenueFixture::siteTime(-1, 10)},
            {QStringLiteral("endAt"), VenueFixture::siteTime(-1, 11)}},
        annToken);
    QCOMPARE(past.status, 409);
    QCOMPARE(codeOf(past), QStringLiteral("in_the_past"));
    QVERIFY(f.hub.stop());
}

void TestHubReservations::lastPlaceRace_data()
{
    addDialectRows();
}

void TestHubReservations::lastPlaceRace()
{
    START_FIXTURE(f);
    HubProcess second;
    QVERIFY2(second.start({QStringLiteral("--db"), f.spec}), qPrintable(second.errorText));
    const QString venueId = f.addVenue({});
    constexpr int rounds = 6;
    for (int round = 0; round < rounds; ++round) {
        const QString slotId
            = f.addSlot(venueId, VenueFixture::siteTime(1, 8 + 2 * round), VenueFixture::siteTime(1, 9 + 2 * round), 1);
        const QString ann = f.addMember(QStringLiteral("Ann %1").arg(round));
        const QString bob = f.addMember(QStringLiteral("Bob %1").arg(round));
        const QList<int> statuses = race(f.hub, second, QStringLiteral("/api/v1/bookings/course"),
            QJsonObject {{QStringLiteral("slotId"), slotId}}, f.db.memberToken(ann),
            QJsonObject {{QStringLiteral("slotId"), slotId}}, f.db.memberToken(bob));
        QCOMPARE(statuses.size(), 2);
        QVERIFY2(statuses.count(200) == 1 && statuses.count(409) == 1,
            qPrintable(QStringLiteral("round %1: %2 %3").arg(round).arg(statuses.value(0)).arg(statuses.value(1))));
        QCOMPARE(f.db.scalar(QStringLiteral("SELECT booked_count FROM course_slot WHERE id = ?"), {slotId}).toInt(), 1);
        QCOMPARE(f.db.scalar(QStringLiteral("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'booked'"),
                         {slotId})
                     .toInt(),
            1);
    }
    // Every booking number is unique although two instances made them.
    QCOMPARE(f.db.scalar(QStringLiteral("SELECT COUNT(DISTINCT booking_no) FROM booking")).toInt(), rounds);
    QVERIFY(second.stop());
    QVERIFY(f.hub.stop());
}

QTEST_GUILESS_MAIN(TestHubReservations)
#include "tst_hubreservations.moc"
