#include "core/BookingDesk.h"
#include "core/Clock.h"
#include "store/Database.h"
#include "store/MemberRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlBookingDesk.h"
#include "store/StoreTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace gymgate;
using namespace gymgate::test;

Q_DECLARE_METATYPE(gymgate::BookingRefusal)
Q_DECLARE_METATYPE(gymgate::StaffRole)

namespace {

const QTimeZone kZone("Asia/Shanghai");
const QDate kMonday(2026, 3, 2);
constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 86'400'000;

// Local site time: `day` days after Monday 2 March 2026 at hh:mm.
qint64 at(int day, int hour, int minute = 0)
{
    return QDateTime(kMonday.addDays(day), QTime(hour, minute), kZone).toMSecsSinceEpoch();
}

const qint64 kNowMs = at(0, 8); // Monday 08:00

StaffSession sessionFor(StaffRole role)
{
    const QString name = QString::fromLatin1(staffRoleName(role));
    return StaffSession {QStringLiteral("staff-") + name, name, name, role};
}

WeeklySchedule openHours()
{
    return WeeklySchedule::fromJson(R"([{"days":"*","from":"06:00","to":"22:00"}])").value_or(WeeklySchedule());
}

} // namespace

class TestBookingDesk : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void refusals_data();
    void refusals();
    void touchingIntervalsDoNotOverlap();
    void advanceWindowEdges_data();
    void advanceWindowEdges();
    void openingHourEdges_data();
    void openingHourEdges();
    void bookingCreatesOutboxAndAudit();
    void bookingNumbersCarryTheSite();
    void weeklyAllOrNothing();
    void weeklyBooksEveryWeek();
    void cancelRules();
    void latePenalty();
    void waitlistPromotionOnCancel();
    void waitlistSkipsWhoCannotTakeThePlace();
    void waitlistForVenueRange();
    void waitlistRefusals();
    void capacityIncreasePromotes();
    void scheduleRules();
    void venueRules();
    void calendar();
    void roles_data();
    void roles();

private:
    using Snapshot = QStringList;
    Snapshot snapshot();
    QString addMember(const QString &number, const QString &name);
    Venue addVenue(const QString &name, VenueKind kind, int capacity, const BookingRules &rules, qint64 feeFen = 0);
    CourseSlot addSlot(int day, int hour, int capacity = 2);
    BookingRequest slotRequest(const QString &memberId, const QString &slotId) const;
    BookingRequest rangeRequest(const QString &memberId, const QString &venueId, qint64 startMs, qint64 endMs) const;
    Booking mustBook(const BookingRequest &request);
    void expectRefused(const BookingRequest &request, BookingRefusal refusal);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlBookingDesk> m_desk;
    StaffSession m_admin = sessionFor(StaffRole::Admin);
    StaffSession m_staff = sessionFor(StaffRole::Staff);
    QStringList m_members;
    Venue m_studio;
    Venue m_court;
    Venue m_floor;
    Course m_yoga;
};

void TestBookingDesk::init()
{
    QVERIFY(m_dir.isValid());
    m_db = openDatabase(m_dir.filePath(QStringLiteral("desk.db")));
    QVERIFY(m_db);
    m_clock = std::make_unique<ManualClock>(kNowMs);
    m_desk = std::make_unique<SqlBookingDesk>(*m_db, *m_clock);
    m_members.clear();
    for (int i = 1; i <= 4; ++i)
        m_members.append(addMember(QStringLiteral("M100000000%1").arg(i), QStringLiteral("Member %1").arg(i)));
    m_studio = addVenue(QStringLiteral("Studio"), VenueKind::Studio, 30, BookingRules {7, 0, 2, 0});
    m_court = addVenue(QStringLiteral("Court"), VenueKind::Court, 0, BookingRules {7, 0, 2, 50}, 10'000);
    m_floor = addVenue(QStringLiteral("Floor"), VenueKind::GymFloor, 2, BookingRules {7, 0, 2, 0});
    m_yoga = take(m_desk->createCourse(m_staff, CourseForm {QStringLiteral("Yoga"), m_studio.id, 60, 2}));
}

void TestBookingDesk::cleanup()
{
    m_desk.reset();
    m_db.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("desk.db")));
}

TestBookingDesk::Snapshot TestBookingDesk::snapshot()
{
    Snapshot state;
    for (const char *table :
        {"booking", "waitlist", "outbox", "audit_log", "venue", "maintenance", "course", "course_slot"})
        state.append(QString::number(rowCount(*m_db, QString::fromLatin1(table))));
    for (const char *sql : {"SELECT group_concat(id || status, ',') FROM booking",
             "SELECT group_concat(id || booked_count || capacity || start_at || coalesce(deleted_at, ''), ',') "
             "FROM course_slot",
             "SELECT group_concat(id || status || position, ',') FROM waitlist",
             "SELECT group_concat(name || status || capacity || advance_days || max_active_bookings || cancel_hours "
             "|| cancel_penalty_percent || coalesce(deleted_at, ''), ',') FROM venue",
             "SELECT group_concat(id || coalesce(deleted_at, ''), ',') FROM maintenance",
             "SELECT group_concat(name || coalesce(deleted_at, ''), ',') FROM course"})
        state.append(queryValue(*m_db, QString::fromLatin1(sql)).toString());
    return state;
}

QString TestBookingDesk::addMember(const QString &number, const QString &name)
{
    MemberRepository members(*m_db);
    return take(members.insert(makeMember(number, name, QStringLiteral("1380000%1").arg(number.right(4))))).id;
}

Venue TestBookingDesk::addVenue(
    const QString &name, VenueKind kind, int capacity, const BookingRules &rules, qint64 feeFen)
{
    VenueForm form;
    form.name = name;
    form.kind = kind;
    form.capacity = capacity;
    form.openingHours = openHours();
    form.feePerHourFen = feeFen;
    return take(m_desk->createVenue(m_admin, form, rules));
}

CourseSlot TestBookingDesk::addSlot(int day, int hour, int capacity)
{
    SlotForm form;
    form.courseId = m_yoga.id;
    form.startMs = at(day, hour);
    form.capacity = capacity;
    form.coachName = QStringLiteral("Li");
    return take(m_desk->createSlot(m_staff, form));
}

BookingRequest TestBookingDesk::slotRequest(const QString &memberId, const QString &slotId) const
{
    BookingRequest request;
    request.memberId = memberId;
    request.slotId = slotId;
    return request;
}

BookingRequest TestBookingDesk::rangeRequest(
    const QString &memberId, const QString &venueId, qint64 startMs, qint64 endMs) const
{
    BookingRequest request;
    request.memberId = memberId;
    request.venueId = venueId;
    request.startMs = startMs;
    request.endMs = endMs;
    return request;
}

Booking TestBookingDesk::mustBook(const BookingRequest &request)
{
    return take(m_desk->book(m_staff, request));
}

void TestBookingDesk::expectRefused(const BookingRequest &request, BookingRefusal refusal)
{
    const Result<BookingCheck> check = m_desk->checkBooking(m_staff, request);
    QVERIFY2(check.has_value(), qPrintable(check ? QString() : check.error().toString()));
    QCOMPARE(QString::fromLatin1(bookingRefusalCode(check->refusal)), QString::fromLatin1(bookingRefusalCode(refusal)));
    QCOMPARE(check->message, bookingRefusalMessage(refusal));
    const Snapshot before = snapshot();
    const Result<Booking> booked = m_desk->book(m_staff, request);
    QVERIFY(!booked);
    QCOMPARE(booked.error().code, ErrorCode::Conflict);
    QCOMPARE(booked.error().message, bookingRefusalMessage(refusal));
    QVERIFY(!booked.error().message.isEmpty());
    QCOMPARE(snapshot(), before);
}

void TestBookingDesk::refusals_data()
{
    QTest::addColumn<BookingRefusal>("refusal");
    for (BookingRefusal refusal :
        {BookingRefusal::MemberDoubleBooked, BookingRefusal::VenueOverlap, BookingRefusal::SlotFull,
            BookingRefusal::VenueFull, BookingRefusal::Maintenance, BookingRefusal::OutsideOpeningHours,
            BookingRefusal::BeyondAdvanceWindow, BookingRefusal::TooManyActiveBookings, BookingRefusal::VenueClosed,
            BookingRefusal::InThePast, BookingRefusal::MemberBlocked})
        QTest::newRow(bookingRefusalCode(refusal)) << refusal;
    QTest::newRow("venue_overlap_court") << BookingRefusal::Invalid; // court exclusivity
    QTest::newRow("maintenance_status") << BookingRefusal::Invalid;
}

void TestBookingDesk::refusals()
{
    QFETCH(BookingRefusal, refusal);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString m1 = m_members.at(0);
    const CourseSlot yoga = addSlot(1, 10);
    switch (refusal) {
    case BookingRefusal::MemberDoubleBooked:
        mustBook(slotRequest(m1, yoga.id));
        expectRefused(rangeRequest(m1, m_court.id, at(1, 10, 30), at(1, 11, 30)), refusal);
        break;
    case BookingRefusal::VenueOverlap: // the studio holds the yoga class then
        expectRefused(rangeRequest(m1, m_studio.id, at(1, 10, 30), at(1, 11)), refusal);
        break;
    case BookingRefusal::SlotFull:
        mustBook(slotRequest(m_members.at(1), yoga.id));
        mustBook(slotRequest(m_members.at(2), yoga.id));
        expectRefused(slotRequest(m1, yoga.id), refusal);
        break;
    case BookingRefusal::VenueFull:
        mustBook(rangeRequest(m_members.at(1), m_floor.id, at(1, 9), at(1, 10)));
        mustBook(rangeRequest(m_members.at(2), m_floor.id, at(1, 9, 30), at(1, 10, 30)));
        expectRefused(rangeRequest(m1, m_floor.id, at(1, 9, 45), at(1, 11)), refusal);
        break;
    case BookingRefusal::Maintenance:
        take(m_desk->planMaintenance(
            m_admin, MaintenanceForm {m_court.id, at(2, 8), at(2, 12), QStringLiteral("Floor")}));
        expectRefused(rangeRequest(m1, m_court.id, at(2, 11, 30), at(2, 12, 30)), refusal);
        break;
    case BookingRefusal::OutsideOpeningHours:
        expectRefused(rangeRequest(m1, m_court.id, at(1, 21, 30), at(1, 22, 30)), refusal);
        break;
    case BookingRefusal::BeyondAdvanceWindow:
        expectRefused(rangeRequest(m1, m_court.id, at(8, 10), at(8, 11)), refusal);
        break;
    case BookingRefusal::TooManyActiveBookings:
        QVERIFY(m_desk->setVenueRules(m_admin, m_court.id, BookingRules {7, 1, 2, 0}));
        mustBook(rangeRequest(m1, m_court.id, at(1, 16), at(1, 17)));
        expectRefused(rangeRequest(m1, m_court.id, at(2, 16), at(2, 17)), refusal);
        break;
    case BookingRefusal::VenueClosed:
        QVERIFY(m_desk->setVenueStatus(m_admin, m_court.id, VenueStatus::Closed));
        expectRefused(rangeRequest(m1, m_court.id, at(1, 16), at(1, 17)), refusal);
        break;
    case BookingRefusal::InThePast:
        expectRefused(rangeRequest(m1, m_court.id, at(0, 7, 59), at(0, 9)), refusal);
        break;
    case BookingRefusal::MemberBlocked: {
        MemberRepository members(*m_db);
        QVERIFY(members.setStatus(m1, MemberStatus::Blocked, kNowMs));
        expectRefused(slotRequest(m1, yoga.id), refusal);
        break;
    }
    default:
        if (tag == QLatin1String("venue_overlap_court")) {
            mustBook(rangeRequest(m_members.at(1), m_court.id, at(1, 14), at(1, 15)));
            expectRefused(rangeRequest(m1, m_court.id, at(1, 14, 30), at(1, 15, 30)), BookingRefusal::VenueOverlap);
        } else {
            QVERIFY(m_desk->setVenueStatus(m_admin, m_court.id, VenueStatus::Maintenance));
            expectRefused(rangeRequest(m1, m_court.id, at(1, 16), at(1, 17)), BookingRefusal::Maintenance);
        }
        break;
    }
}

void TestBookingDesk::touchingIntervalsDoNotOverlap()
{
    const QString m1 = m_members.at(0);
    const CourseSlot yoga = addSlot(1, 10);
    mustBook(slotRequest(m1, yoga.id)); // 10:00-11:00
    // The same member right before and right after the class; the court right after another party.
    mustBook(rangeRequest(m1, m_court.id, at(1, 9), at(1, 10)));
    mustBook(rangeRequest(m1, m_court.id, at(1, 11), at(1, 12)));
    mustBook(rangeRequest(m_members.at(1), m_court.id, at(1, 12), at(1, 13)));
    // The studio right after the class; a full floor frees at 10:00 exactly.
    mustBook(rangeRequest(m_members.at(1), m_studio.id, at(1, 11), at(1, 12)));
    mustBook(rangeRequest(m_members.at(2), m_floor.id, at(1, 9), at(1, 10)));
    mustBook(rangeRequest(m_members.at(3), m_floor.id, at(1, 9), at(1, 10)));
    mustBook(rangeRequest(m_members.at(2), m_floor.id, at(1, 10), at(1, 11)));
    // A minute of overlap is refused.
    expectRefused(rangeRequest(m_members.at(2), m_court.id, at(1, 12, 59), at(1, 14)), BookingRefusal::VenueOverlap);
}

void TestBookingDesk::advanceWindowEdges_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<bool>("bookable");
    const qint64 limit = kNowMs + 7 * kDayMs; // next Monday 08:00
    QTest::newRow("now") << kNowMs << true;
    QTest::newRow("exactly seven days") << limit << true;
    QTest::newRow("one minute more") << limit + kMinuteMs << false;
    QTest::newRow("one minute ago") << kNowMs - kMinuteMs << false;
}

void TestBookingDesk::advanceWindowEdges()
{
    QFETCH(qint64, startMs);
    QFETCH(bool, bookable);
    const BookingRequest request = rangeRequest(m_members.at(0), m_court.id, startMs, startMs + kHourMs);
    const Result<Booking> booked = m_desk->book(m_staff, request);
    QCOMPARE(booked.has_value(), bookable);
    if (!bookable) {
        const BookingRefusal expected
            = startMs < kNowMs ? BookingRefusal::InThePast : BookingRefusal::BeyondAdvanceWindow;
        QCOMPARE(booked.error().message, bookingRefusalMessage(expected));
    }
}

void TestBookingDesk::openingHourEdges_data()
{
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("endMs");
    QTest::addColumn<bool>("bookable");
    QTest::newRow("opening at 06:00") << at(1, 6) << at(1, 7) << true;
    QTest::newRow("closing at 22:00") << at(1, 21) << at(1, 22) << true;
    QTest::newRow("from 05:59") << at(1, 5, 59) << at(1, 7) << false;
    QTest::newRow("until 22:01") << at(1, 21) << at(1, 22, 1) << false;
    QTest::newRow("overnight") << at(1, 21) << at(2, 7) << false;
}

void TestBookingDesk::openingHourEdges()
{
    QFETCH(qint64, startMs);
    QFETCH(qint64, endMs);
    QFETCH(bool, bookable);
    const Result<Booking> booked = m_desk->book(m_staff, rangeRequest(m_members.at(0), m_court.id, startMs, endMs));
    QCOMPARE(booked.has_value(), bookable);
    if (!bookable)
        QCOMPARE(booked.error().message, bookingRefusalMessage(BookingRefusal::OutsideOpeningHours));
}

void TestBookingDesk::bookingCreatesOutboxAndAudit()
{
    const CourseSlot yoga = addSlot(1, 10);
    const Snapshot before = snapshot();
    const Booking booking = mustBook(slotRequest(m_members.at(0), yoga.id));
    QCOMPARE(booking.status, BookingStatus::Booked);
    QCOMPARE(booking.slotId, yoga.id);
    QCOMPARE(booking.venueId, m_studio.id);
    QCOMPARE(booking.startMs, at(1, 10));
    QCOMPARE(booking.endMs, at(1, 11));
    QCOMPARE(rowCount(*m_db, QStringLiteral("booking")), before.at(0).toLongLong() + 1);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT booked_count FROM course_slot")).toInt(), 1);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT type FROM outbox ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("booking.created"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT staff FROM outbox ORDER BY seq DESC LIMIT 1")).toString(),
        m_staff.staffId);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("booking.create"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1")).toString(),
        m_staff.staffId);
    QVERIFY(queryValue(*m_db, QStringLiteral("SELECT data FROM outbox ORDER BY seq DESC LIMIT 1"))
                .toString()
                .contains(booking.bookingNo));
}

void TestBookingDesk::bookingNumbersCarryTheSite()
{
    const Booking first = mustBook(rangeRequest(m_members.at(0), m_court.id, at(1, 9), at(1, 10)));
    const Booking second = mustBook(rangeRequest(m_members.at(1), m_court.id, at(1, 10), at(1, 11)));
    QCOMPARE(first.bookingNo, QStringLiteral("B10000000001"));
    QCOMPARE(second.bookingNo, QStringLiteral("B10000000002"));
    SettingRepository settings(*m_db);
    QVERIFY(settings.setValue(QStringLiteral("site.number"), QStringLiteral("205")));
    const Booking third = mustBook(rangeRequest(m_members.at(2), m_court.id, at(1, 11), at(1, 12)));
    QCOMPARE(third.bookingNo, QStringLiteral("B20500000001"));
}

void TestBookingDesk::weeklyAllOrNothing()
{
    QVERIFY(m_desk->setVenueRules(m_admin, m_studio.id, BookingRules {60, 0, 2, 0}));
    const CourseSlot week1 = addSlot(1, 10);
    addSlot(8, 10);
    const CourseSlot week3 = addSlot(15, 10);
    // no class in week 4 (day 22)
    mustBook(slotRequest(m_members.at(1), week3.id));
    mustBook(slotRequest(m_members.at(2), week3.id));

    const BookingRequest request = slotRequest(m_members.at(0), week1.id);
    const Result<QList<WeeklyConflict>> conflicts = m_desk->checkWeekly(m_staff, request, 4);
    QVERIFY(conflicts);
    QCOMPARE(conflicts->size(), 2);
    QCOMPARE(conflicts->at(0).date, kMonday.addDays(15));
    QCOMPARE(conflicts->at(0).reason, BookingRefusal::SlotFull);
    QCOMPARE(conflicts->at(1).date, kMonday.addDays(22));
    QCOMPARE(conflicts->at(1).reason, BookingRefusal::NoSlotThatWeek);

    const Snapshot before = snapshot();
    const Result<QList<Booking>> booked = m_desk->bookWeekly(m_staff, request, 4);
    QVERIFY(!booked);
    QCOMPARE(booked.error().code, ErrorCode::Conflict);
    QVERIFY(booked.error().message.contains(QStringLiteral("2026-03-17")));
    QVERIFY(booked.error().message.contains(QStringLiteral("2026-03-24")));
    QVERIFY(booked.error().message.contains(bookingRefusalMessage(BookingRefusal::SlotFull)));
    QVERIFY(booked.error().message.contains(bookingRefusalMessage(BookingRefusal::NoSlotThatWeek)));
    QVERIFY(!booked.error().message.contains(QStringLiteral("2026-03-03")));
    QCOMPARE(snapshot(), before);

    // The first two weeks alone are fine.
    const Result<QList<Booking>> two = m_desk->bookWeekly(m_staff, request, 2);
    QVERIFY(two);
    QCOMPARE(two->size(), 2);
}

void TestBookingDesk::weeklyBooksEveryWeek()
{
    QVERIFY(m_desk->setVenueRules(m_admin, m_court.id, BookingRules {30, 3, 2, 0}));
    const BookingRequest request = rangeRequest(m_members.at(0), m_court.id, at(2, 18), at(2, 19, 30));
    // Four weeks exceed the member's maximum of three active court bookings: only week 4 is named.
    const Result<QList<WeeklyConflict>> four = m_desk->checkWeekly(m_staff, request, 4);
    QVERIFY(four);
    QCOMPARE(four->size(), 1);
    QCOMPARE(four->at(0).reason, BookingRefusal::TooManyActiveBookings);
    QCOMPARE(four->at(0).date, kMonday.addDays(23));

    const qint64 outboxBefore = rowCount(*m_db, QStringLiteral("outbox"));
    const Result<QList<Booking>> booked = m_desk->bookWeekly(m_staff, request, 3);
    QVERIFY2(booked, qPrintable(booked ? QString() : booked.error().toString()));
    QCOMPARE(booked->size(), 3);
    for (int week = 0; week < 3; ++week) {
        QCOMPARE(booked->at(week).startMs, at(2 + 7 * week, 18));
        QCOMPARE(booked->at(week).endMs, at(2 + 7 * week, 19, 30));
        QCOMPARE(booked->at(week).recurrenceId, booked->at(0).recurrenceId);
    }
    QVERIFY(!booked->at(0).recurrenceId.isEmpty());
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), outboxBefore + 3);
    QVERIFY(!m_desk->bookWeekly(m_staff, request, 0));
    QCOMPARE(m_desk->bookWeekly(m_staff, request, 53).error().code, ErrorCode::InvalidArgument);
}

void TestBookingDesk::cancelRules()
{
    const CourseSlot yoga = addSlot(1, 10);
    const Booking booking = mustBook(slotRequest(m_members.at(0), yoga.id));
    // Exactly the cancel hours before the start is still on time.
    m_clock->setNowMs(at(1, 8));
    const Result<CancelOutcome> onTime = m_desk->cancel(m_staff, booking.id, QStringLiteral("ill"));
    QVERIFY(onTime);
    QVERIFY(!onTime->late);
    QCOMPARE(onTime->penaltyFen, qint64(0));
    QCOMPARE(onTime->booking.status, BookingStatus::Cancelled);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT booked_count FROM course_slot")).toInt(), 0);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT cancel_reason FROM booking")).toString(), QStringLiteral("ill"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT type FROM outbox ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("booking.cancelled"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1")).toString(),
        QStringLiteral("booking.cancel"));

    Snapshot before = snapshot();
    Result<CancelOutcome> again = m_desk->cancel(m_staff, booking.id, QString());
    QCOMPARE(again.error().message, bookingRefusalMessage(BookingRefusal::NotCancellable));
    QCOMPARE(snapshot(), before);

    m_clock->setNowMs(kNowMs);
    const Booking second = mustBook(slotRequest(m_members.at(0), yoga.id));
    m_clock->setNowMs(at(1, 8) + 1); // one millisecond inside the two hours; the studio charges nothing
    before = snapshot();
    Result<CancelOutcome> late = m_desk->cancel(m_staff, second.id, QString());
    QCOMPARE(late.error().code, ErrorCode::Conflict);
    QCOMPARE(late.error().message, bookingRefusalMessage(BookingRefusal::LateCancellation));
    QCOMPARE(snapshot(), before);

    m_clock->setNowMs(at(1, 10));
    Result<CancelOutcome> started = m_desk->cancel(m_staff, second.id, QString());
    QCOMPARE(started.error().message, bookingRefusalMessage(BookingRefusal::AlreadyStarted));
    QCOMPARE(snapshot(), before);

    QCOMPARE(m_desk->cancel(m_staff, QStringLiteral("nope"), QString()).error().code, ErrorCode::NotFound);
}

void TestBookingDesk::latePenalty()
{
    // The court charges 100 yuan an hour and half of it for a late cancellation.
    const Booking booking = mustBook(rangeRequest(m_members.at(0), m_court.id, at(1, 10), at(1, 11, 30)));
    m_clock->setNowMs(at(1, 9));
    const Result<CancelOutcome> outcome = m_desk->cancel(m_staff, booking.id, QString());
    QVERIFY(outcome);
    QVERIFY(outcome->late);
    QCOMPARE(outcome->penaltyFen, qint64(7'500));
    const QString data
        = queryValue(*m_db, QStringLiteral("SELECT data FROM outbox WHERE type = 'booking.cancelled'")).toString();
    QVERIFY(data.contains(QStringLiteral("\"penaltyFen\":7500")));
}

void TestBookingDesk::waitlistPromotionOnCancel()
{
    const CourseSlot yoga = addSlot(1, 10);
    const Booking first = mustBook(slotRequest(m_members.at(1), yoga.id));
    mustBook(slotRequest(m_members.at(2), yoga.id));
    const WaitlistEntry a = take(m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(0), yoga.id)));
    const WaitlistEntry b = take(m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(3), yoga.id)));
    QCOMPARE(a.position, 1);
    QCOMPARE(b.position, 2);
    QCOMPARE(a.status, WaitlistStatus::Waiting);

    const qint64 outboxBefore = rowCount(*m_db, QStringLiteral("outbox"));
    const Result<CancelOutcome> outcome = m_desk->cancel(m_staff, first.id, QString());
    QVERIFY(outcome);
    QVERIFY(outcome->promoted.has_value());
    QCOMPARE(outcome->promoted->memberId, m_members.at(0));
    QCOMPARE(outcome->promoted->slotId, yoga.id);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT booked_count FROM course_slot")).toInt(), 2);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT status FROM waitlist WHERE id = '%1'").arg(a.id)).toString(),
        QStringLiteral("promoted"));
    // One transaction, three events: the cancellation, the new booking, the promotion.
    QCOMPARE(rowCount(*m_db, QStringLiteral("outbox")), outboxBefore + 3);
    QCOMPARE(
        queryValue(*m_db,
            QStringLiteral("SELECT group_concat(type, ',') FROM (SELECT type FROM outbox WHERE seq > %1 ORDER BY seq)")
                .arg(outboxBefore))
            .toString(),
        QStringLiteral("booking.cancelled,booking.created,waitlist.promoted"));
    QCOMPARE(queryValue(*m_db,
                 QStringLiteral("SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log ORDER BY seq DESC "
                                "LIMIT 3)"))
                 .toString(),
        QStringLiteral("waitlist.promote,booking.create,booking.cancel"));

    // The second in line is now first.
    const QList<WaitlistEntry> waiting = take(m_desk->waitlist(m_staff, slotRequest(QString(), yoga.id)));
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.at(0).memberId, m_members.at(3));
    QCOMPARE(waiting.at(0).position, 1);
    const QList<BookingSummary> mine = take(m_desk->memberBookings(m_staff, m_members.at(0), 0));
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.at(0).courseName, QStringLiteral("Yoga"));
}

void TestBookingDesk::waitlistSkipsWhoCannotTakeThePlace()
{
    const CourseSlot yoga = addSlot(1, 10);
    const Booking first = mustBook(slotRequest(m_members.at(1), yoga.id));
    mustBook(slotRequest(m_members.at(2), yoga.id));
    take(m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(0), yoga.id)));
    take(m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(3), yoga.id)));
    // The first in line books the court at the same time meanwhile.
    mustBook(rangeRequest(m_members.at(0), m_court.id, at(1, 10), at(1, 11)));
    const Result<CancelOutcome> outcome = m_desk->cancel(m_staff, first.id, QString());
    QVERIFY(outcome);
    QVERIFY(outcome->promoted.has_value());
    QCOMPARE(outcome->promoted->memberId, m_members.at(3));
    const QList<WaitlistEntry> waiting = take(m_desk->memberWaitlist(m_staff, m_members.at(0)));
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.at(0).position, 1);
}

void TestBookingDesk::waitlistForVenueRange()
{
    const Booking first = mustBook(rangeRequest(m_members.at(1), m_floor.id, at(1, 9), at(1, 10)));
    mustBook(rangeRequest(m_members.at(2), m_floor.id, at(1, 9), at(1, 10)));
    const BookingRequest wanted = rangeRequest(m_members.at(0), m_floor.id, at(1, 9), at(1, 10));
    take(m_desk->joinWaitlist(m_staff, wanted));
    const Result<CancelOutcome> outcome = m_desk->cancel(m_staff, first.id, QString());
    QVERIFY(outcome);
    QVERIFY(outcome->promoted.has_value());
    QCOMPARE(outcome->promoted->memberId, m_members.at(0));
    QCOMPARE(outcome->promoted->startMs, at(1, 9));
    QVERIFY(outcome->promoted->slotId.isEmpty());
}

void TestBookingDesk::waitlistRefusals()
{
    const CourseSlot yoga = addSlot(1, 10);
    // A free place: book it instead.
    Result<WaitlistEntry> notFull = m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(0), yoga.id));
    QCOMPARE(notFull.error().message, bookingRefusalMessage(BookingRefusal::NotFull));
    mustBook(slotRequest(m_members.at(1), yoga.id));
    mustBook(slotRequest(m_members.at(2), yoga.id));
    const WaitlistEntry entry = take(m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(0), yoga.id)));
    Snapshot before = snapshot();
    Result<WaitlistEntry> twice = m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(0), yoga.id));
    QCOMPARE(twice.error().message, bookingRefusalMessage(BookingRefusal::AlreadyWaiting));
    // Full is not the only problem: a member already in the class cannot wait for it.
    Result<WaitlistEntry> booked = m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(1), yoga.id));
    QCOMPARE(booked.error().message, bookingRefusalMessage(BookingRefusal::MemberDoubleBooked));
    QCOMPARE(snapshot(), before);
    QVERIFY(m_desk->leaveWaitlist(m_staff, entry.id));
    QCOMPARE(m_desk->leaveWaitlist(m_staff, entry.id).error().code, ErrorCode::NotFound);
    QCOMPARE(take(m_desk->waitlist(m_staff, slotRequest(QString(), yoga.id))).size(), 0);
}

void TestBookingDesk::capacityIncreasePromotes()
{
    const CourseSlot yoga = addSlot(1, 10);
    mustBook(slotRequest(m_members.at(1), yoga.id));
    mustBook(slotRequest(m_members.at(2), yoga.id));
    take(m_desk->joinWaitlist(m_staff, slotRequest(m_members.at(0), yoga.id)));
    SlotForm form;
    form.capacity = 1;
    form.coachName = QStringLiteral("Li");
    QCOMPARE(m_desk->updateSlot(m_staff, yoga.id, form).error().field, QStringLiteral("capacity"));
    form.capacity = 3;
    const CourseSlot grown = take(m_desk->updateSlot(m_staff, yoga.id, form));
    QCOMPARE(grown.capacity, 3);
    QCOMPARE(grown.bookedCount, 3);
    QCOMPARE(rowCount(*m_db, QStringLiteral("booking")), 3);
    form.startMs = at(1, 12); // booked: the time stays
    QCOMPARE(m_desk->updateSlot(m_staff, yoga.id, form).error().code, ErrorCode::Conflict);
}

void TestBookingDesk::scheduleRules()
{
    addSlot(1, 10);
    SlotForm form;
    form.courseId = m_yoga.id;
    form.startMs = at(1, 10, 30);
    Result<CourseSlot> overlap = m_desk->createSlot(m_staff, form);
    QCOMPARE(overlap.error().code, ErrorCode::Conflict);
    form.startMs = at(1, 11); // touching is fine
    QVERIFY(m_desk->createSlot(m_staff, form));
    form.startMs = at(1, 21, 30);
    QCOMPARE(
        m_desk->createSlot(m_staff, form).error().message, bookingRefusalMessage(BookingRefusal::OutsideOpeningHours));
    form.startMs = at(1, 14);
    form.capacity = 31;
    QCOMPARE(m_desk->createSlot(m_staff, form).error().field, QStringLiteral("capacity"));
    form.capacity = 0;
    form.startMs = at(0, 7);
    QCOMPARE(m_desk->createSlot(m_staff, form).error().code, ErrorCode::InvalidArgument);

    // A maintenance plan may not swallow classes; a class may not land in maintenance.
    Result<Maintenance> plan
        = m_desk->planMaintenance(m_admin, MaintenanceForm {m_studio.id, at(1, 9), at(1, 13), QStringLiteral("Paint")});
    QCOMPARE(plan.error().code, ErrorCode::Conflict);
    take(m_desk->planMaintenance(m_admin, MaintenanceForm {m_studio.id, at(2, 9), at(2, 13), QStringLiteral("Paint")}));
    form.startMs = at(2, 12);
    QCOMPARE(m_desk->createSlot(m_staff, form).error().message, bookingRefusalMessage(BookingRefusal::Maintenance));
    QCOMPARE(m_desk->deleteCourse(m_staff, m_yoga.id).error().code, ErrorCode::Conflict);
}

void TestBookingDesk::venueRules()
{
    QCOMPARE(m_desk->setVenueRules(m_admin, m_court.id, BookingRules {-1, 0, 2, 0}).error().field,
        QStringLiteral("advanceDays"));
    QCOMPARE(m_desk->setVenueRules(m_admin, m_court.id, BookingRules {7, 0, 2, 101}).error().field,
        QStringLiteral("cancelPenaltyPercent"));
    VenueForm empty;
    QCOMPARE(m_desk->createVenue(m_admin, empty, BookingRules {}).error().field, QStringLiteral("name"));
    mustBook(rangeRequest(m_members.at(0), m_court.id, at(1, 9), at(1, 10)));
    QCOMPARE(m_desk->deleteVenue(m_admin, m_court.id).error().code, ErrorCode::Conflict);
    QVERIFY(m_desk->deleteVenue(m_admin, m_floor.id));
    QCOMPARE(take(m_desk->venues(m_staff)).size(), 2);
    QVERIFY(m_desk->setVenueRules(m_admin, m_court.id, BookingRules {14, 2, 4, 25}));
    const QList<Venue> venues = take(m_desk->venues(m_staff));
    const auto court = std::find_if(venues.cbegin(), venues.cend(), [&](const Venue &v) { return v.id == m_court.id; });
    QVERIFY(court != venues.cend());
    QCOMPARE(court->advanceDays, 14);
    QCOMPARE(court->maxActiveBookings, 2);
    QCOMPARE(court->cancelHours, 4);
    QCOMPARE(court->cancelPenaltyPercent, 25);
    QCOMPARE(court->feePerHourFen, qint64(10'000));
}

void TestBookingDesk::calendar()
{
    const CourseSlot yoga = addSlot(1, 10);
    mustBook(slotRequest(m_members.at(0), yoga.id));
    mustBook(rangeRequest(m_members.at(1), m_studio.id, at(1, 12), at(1, 13)));
    take(
        m_desk->planMaintenance(m_admin, MaintenanceForm {m_studio.id, at(1, 18), at(1, 20), QStringLiteral("Paint")}));
    mustBook(rangeRequest(m_members.at(2), m_studio.id, at(3, 12), at(3, 13))); // outside the range
    const QList<CalendarEntry> entries = take(m_desk->calendar(m_staff, m_studio.id, at(1, 0), at(2, 0)));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).kind, CalendarEntryKind::Slot);
    QCOMPARE(entries.at(0).title, QStringLiteral("Yoga"));
    QCOMPARE(entries.at(0).bookedCount, 1);
    QCOMPARE(entries.at(0).capacity, 2);
    QCOMPARE(entries.at(1).kind, CalendarEntryKind::Booking);
    QCOMPARE(entries.at(1).title, QStringLiteral("Member 2"));
    QCOMPARE(entries.at(2).kind, CalendarEntryKind::Maintenance);
    QCOMPARE(entries.at(2).title, QStringLiteral("Paint"));
    QCOMPARE(m_desk->calendar(m_staff, m_studio.id, at(2, 0), at(1, 0)).error().code, ErrorCode::InvalidArgument);
}

void TestBookingDesk::roles_data()
{
    QTest::addColumn<StaffRole>("role");
    QTest::addColumn<QString>("method");
    const QStringList methods {QStringLiteral("siteTimeZone"), QStringLiteral("venues"),
        QStringLiteral("maintenancePlans"), QStringLiteral("courses"), QStringLiteral("courseSlots"),
        QStringLiteral("member"), QStringLiteral("memberBookings"), QStringLiteral("memberWaitlist"),
        QStringLiteral("waitlist"), QStringLiteral("calendar"), QStringLiteral("createVenue"),
        QStringLiteral("updateVenue"), QStringLiteral("setVenueRules"), QStringLiteral("setVenueStatus"),
        QStringLiteral("deleteVenue"), QStringLiteral("planMaintenance"), QStringLiteral("removeMaintenance"),
        QStringLiteral("createCourse"), QStringLiteral("updateCourse"), QStringLiteral("deleteCourse"),
        QStringLiteral("createSlot"), QStringLiteral("updateSlot"), QStringLiteral("deleteSlot"),
        QStringLiteral("checkBooking"), QStringLiteral("book"), QStringLiteral("checkWeekly"),
        QStringLiteral("bookWeekly"), QStringLiteral("cancel"), QStringLiteral("joinWaitlist"),
        QStringLiteral("leaveWaitlist")};
    for (StaffRole role : {StaffRole::Admin, StaffRole::Staff, StaffRole::Technician, StaffRole::Guest}) {
        for (const QString &method : methods)
            QTest::addRow("%s %s", staffRoleName(role), qPrintable(method)) << role << method;
    }
    QTest::addRow("logged out book") << StaffRole::Invalid << QStringLiteral("book");
}

void TestBookingDesk::roles()
{
    QFETCH(StaffRole, role);
    QFETCH(QString, method);
    // Fixtures made by the admin: a class with one place left and a full one with a waiting member.
    const CourseSlot open = addSlot(1, 10);
    const CourseSlot full = addSlot(1, 12);
    const CourseSlot spare = addSlot(1, 14);
    const Booking booked = mustBook(slotRequest(m_members.at(1), full.id));
    mustBook(slotRequest(m_members.at(2), full.id));
    const WaitlistEntry waiting = take(m_desk->joinWaitlist(m_admin, slotRequest(m_members.at(3), full.id)));
    const Maintenance plan = take(
        m_desk->planMaintenance(m_admin, MaintenanceForm {m_court.id, at(3, 9), at(3, 10), QStringLiteral("Net")}));
    const Course spareCourse
        = take(m_desk->createCourse(m_admin, CourseForm {QStringLiteral("Spin"), m_floor.id, 45, 10}));
    const StaffSession session = role == StaffRole::Invalid ? StaffSession {} : sessionFor(role);
    const QString m1 = m_members.at(0);
    VenueForm venueForm;
    venueForm.name = QStringLiteral("Pool");
    venueForm.kind = VenueKind::Pool;
    SlotForm slotForm;
    slotForm.courseId = m_yoga.id;
    slotForm.startMs = at(2, 16);

    using Call = std::function<std::optional<Error>()>;
    auto errorOf = [](const auto &result) -> std::optional<Error> {
        return result ? std::nullopt : std::optional<Error>(result.error());
    };
    const QHash<QString, std::pair<Permission, Call>> calls {
        {QStringLiteral("siteTimeZone"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->siteTimeZone(session));
                }}},
        {QStringLiteral("venues"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->venues(session));
                }}},
        {QStringLiteral("maintenancePlans"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->maintenancePlans(session, m_court.id, 0));
                }}},
        {QStringLiteral("courses"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->courses(session));
                }}},
        {QStringLiteral("courseSlots"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->courseSlots(session, QString(), 0, at(9, 0)));
                }}},
        {QStringLiteral("member"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->member(session, m1));
                }}},
        {QStringLiteral("memberBookings"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->memberBookings(session, m1, 0));
                }}},
        {QStringLiteral("memberWaitlist"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->memberWaitlist(session, m1));
                }}},
        {QStringLiteral("waitlist"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->waitlist(session, slotRequest(m1, full.id)));
                }}},
        {QStringLiteral("calendar"),
            {Permission::ViewMembers,
                [&] {
                    return errorOf(m_desk->calendar(session, m_studio.id, 0, at(9, 0)));
                }}},
        {QStringLiteral("createVenue"),
            {Permission::ManageVenues,
                [&] {
                    return errorOf(m_desk->createVenue(session, venueForm, {}));
                }}},
        {QStringLiteral("updateVenue"),
            {Permission::ManageVenues,
                [&] {
                    return errorOf(m_desk->updateVenue(session, m_floor.id, venueForm));
                }}},
        {QStringLiteral("setVenueRules"),
            {Permission::ManageVenues,
                [&] {
                    return errorOf(m_desk->setVenueRules(session, m_floor.id, {}));
                }}},
        {QStringLiteral("setVenueStatus"),
            {Permission::ManageVenues,
                [&] {
                    return errorOf(m_desk->setVenueStatus(session, m_floor.id, VenueStatus::Closed));
                }}},
        {QStringLiteral("deleteVenue"),
            {Permission::ManageVenues,
                [&] {
                    return errorOf(m_desk->deleteVenue(session, m_floor.id));
                }}},
        {QStringLiteral("planMaintenance"),
            {Permission::ManageVenues,
                [&] {
                    return errorOf(
                        m_desk->planMaintenance(session, MaintenanceForm {m_floor.id, at(4, 9), at(4, 10), {}}));
                }}},
        {QStringLiteral("removeMaintenance"),
            {Permission::ManageVenues,
                [&] {
                    return errorOf(m_desk->removeMaintenance(session, plan.id));
                }}},
        {QStringLiteral("createCourse"),
            {Permission::ManageSchedule,
                [&] {
                    return errorOf(
                        m_desk->createCourse(session, CourseForm {QStringLiteral("Box"), m_floor.id, 30, 5}));
                }}},
        {QStringLiteral("updateCourse"),
            {Permission::ManageSchedule,
                [&] {
                    return errorOf(m_desk->updateCourse(
                        session, spareCourse.id, CourseForm {QStringLiteral("Spin 2"), m_floor.id, 45, 10}));
                }}},
        {QStringLiteral("deleteCourse"),
            {Permission::ManageSchedule,
                [&] {
                    return errorOf(m_desk->deleteCourse(session, spareCourse.id));
                }}},
        {QStringLiteral("createSlot"),
            {Permission::ManageSchedule,
                [&] {
                    return errorOf(m_desk->createSlot(session, slotForm));
                }}},
        {QStringLiteral("updateSlot"),
            {Permission::ManageSchedule,
                [&] {
                    return errorOf(m_desk->updateSlot(session, spare.id, slotForm));
                }}},
        {QStringLiteral("deleteSlot"),
            {Permission::ManageSchedule,
                [&] {
                    return errorOf(m_desk->deleteSlot(session, spare.id));
                }}},
        {QStringLiteral("checkBooking"),
            {Permission::Book,
                [&] {
                    return errorOf(m_desk->checkBooking(session, slotRequest(m1, open.id)));
                }}},
        {QStringLiteral("book"),
            {Permission::Book,
                [&] {
                    return errorOf(m_desk->book(session, slotRequest(m1, open.id)));
                }}},
        {QStringLiteral("checkWeekly"),
            {Permission::Book,
                [&] {
                    return errorOf(m_desk->checkWeekly(session, slotRequest(m1, open.id), 1));
                }}},
        {QStringLiteral("bookWeekly"),
            {Permission::Book,
                [&] {
                    return errorOf(m_desk->bookWeekly(session, slotRequest(m1, open.id), 1));
                }}},
        {QStringLiteral("cancel"),
            {Permission::Book,
                [&] {
                    return errorOf(m_desk->cancel(session, booked.id, QString()));
                }}},
        {QStringLiteral("joinWaitlist"),
            {Permission::Book,
                [&] {
                    return errorOf(m_desk->joinWaitlist(session, slotRequest(m1, full.id)));
                }}},
        {QStringLiteral("leaveWaitlist"),
            {Permission::Book,
                [&] {
                    return errorOf(m_desk->leaveWaitlist(session, waiting.id));
                }}},
    };
    QVERIFY2(calls.contains(method), qPrintable(method));
    const auto &[permission, call] = calls.value(method);
    const bool allowed = role != StaffRole::Invalid && roleMay(role, permission);
    const Snapshot before = snapshot();
    const std::optional<Error> error = call();
    if (allowed) {
        QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    } else {
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::PermissionDenied);
        QVERIFY(!error->message.isEmpty());
        QCOMPARE(snapshot(), before);
    }
}

QTEST_GUILESS_MAIN(TestBookingDesk)
#include "tst_bookingdesk.moc"
