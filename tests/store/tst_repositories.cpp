#include "store/BookingRepository.h"
#include "store/CardProductRepository.h"
#include "store/CourseRepository.h"
#include "store/Database.h"
#include "store/GateRepository.h"
#include "store/KeyRepository.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/SaleRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlTrustStore.h"
#include "store/StaffRepository.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kNowMs = 1'750'000'000'000;

WeeklySchedule weekdays()
{
    return WeeklySchedule::fromJson(R"([{"days":"1-5","from":"06:00","to":"22:00"}])").value_or(WeeklySchedule());
}

} // namespace

class TestRepositories : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void memberRoundTrip();
    void memberDuplicates_data();
    void memberDuplicates();
    void memberStatusDeleteAndPhoto();
    void memberSearch_data();
    void memberSearch();
    void cardProductRoundTrip();
    void memberCardRoundTrip();
    void memberCardConstraints();
    void venueAndMaintenance();
    void courseAndSlots();
    void bookings();
    void gates();
    void settings();
    void staff();
    void keysAndCredentials();
    void sales();
    void accessDataSource();

private:
    Member addMember(const QString &no, const QString &name, const QString &phone);
    Venue addVenue(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_round = 0;
};

void TestRepositories::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("repo-%1.db").arg(++m_round)));
    QVERIFY(m_db);
}

void TestRepositories::cleanup()
{
    m_db.reset();
}

Member TestRepositories::addMember(const QString &no, const QString &name, const QString &phone)
{
    return take(MemberRepository(*m_db).insert(makeMember(no, name, phone)));
}

Venue TestRepositories::addVenue(const QString &name)
{
    return take(VenueRepository(*m_db).insert(makeVenue(name), kNowMs));
}

void TestRepositories::memberRoundTrip()
{
    MemberRepository members(*m_db);
    const Member stored = addMember(QStringLiteral("M1000"), QStringLiteral("李娜"), QStringLiteral("13800138000"));
    QCOMPARE(stored.id.size(), 36);

    std::optional<Member> found = take(members.findById(stored.id));
    QVERIFY(found);
    QCOMPARE(found->memberNo, QStringLiteral("M1000"));
    QCOMPARE(found->name, QStringLiteral("李娜"));
    QCOMPARE(found->phoneCipher, stored.phoneCipher);
    QCOMPARE(found->phoneHash, stored.phoneHash);
    QCOMPARE(found->phoneMask, QStringLiteral("138****8000"));
    QCOMPARE(found->gender, Gender::Female);
    QCOMPARE(found->birthday, QDate(1990, 5, 17));
    QCOMPARE(found->preferredLanguage, QStringLiteral("en"));
    QCOMPARE(found->status, MemberStatus::Active);
    QCOMPARE(found->createdAtMs, stored.createdAtMs);
    QVERIFY(!found->deletedAtMs);

    QCOMPARE(take(members.findByMemberNo(QStringLiteral("M1000")))->id, stored.id);
    QCOMPARE(take(members.findByPhoneHash(stored.phoneHash))->id, stored.id);
    QVERIFY(!take(members.findById(QStringLiteral("nobody"))));
    QVERIFY(!take(members.findByPhoneHash(QByteArray(32, 'x'))));

    Member changed = *found;
    changed.name = QStringLiteral("李娜娜");
    changed.birthday = QDate();
    changed.gender = Gender::Unknown;
    QVERIFY(members.update(changed, kNowMs).has_value());
    found = take(members.findById(stored.id));
    QCOMPARE(found->name, QStringLiteral("李娜娜"));
    QVERIFY(!found->birthday.isValid());
    QCOMPARE(found->gender, Gender::Unknown);
    QCOMPARE(found->updatedAtMs, kNowMs);

    changed.id = QStringLiteral("missing");
    QCOMPARE(members.update(changed, kNowMs).error().code, ErrorCode::NotFound);
    changed.id = stored.id;
    changed.name.clear();
    QCOMPARE(members.update(changed, kNowMs).error().field, QStringLiteral("name"));
}

void TestRepositories::memberDuplicates_data()
{
    QTest::addColumn<QString>("memberNo");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("field");
    QTest::newRow("same phone") << QStringLiteral("M2") << QStringLiteral("13800138000") << QStringLiteral("phone");
    QTest::newRow("same number") << QStringLiteral("M1") << QStringLiteral("13900139000") << QStringLiteral("memberNo");
}

void TestRepositories::memberDuplicates()
{
    QFETCH(QString, memberNo);
    QFETCH(QString, phone);
    QFETCH(QString, field);
    addMember(QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13800138000"));
    const Result<Member> duplicate = MemberRepository(*m_db).insert(makeMember(memberNo, QStringLiteral("B"), phone));
    QVERIFY(!duplicate.has_value());
    QCOMPARE(duplicate.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(duplicate.error().field, field);
    QVERIFY(!duplicate.error().message.isEmpty());
    QCOMPARE(rowCount(*m_db, QStringLiteral("member")), 1);
}

void TestRepositories::memberStatusDeleteAndPhoto()
{
    MemberRepository members(*m_db);
    const Member member = addMember(QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13800138000"));
    QVERIFY(members.setStatus(member.id, MemberStatus::Blocked, kNowMs).has_value());
    QCOMPARE(take(members.findById(member.id))->status, MemberStatus::Blocked);
    QCOMPARE(members.setStatus(member.id, MemberStatus::Invalid, kNowMs).error().code, ErrorCode::InvalidArgument);

    QVERIFY(take(members.photo(member.id)).isEmpty());
    QVERIFY(members.setPhoto(member.id, QByteArray("\x89PNG", 4), kNowMs).has_value());
    QCOMPARE(take(members.photo(member.id)), QByteArray("\x89PNG", 4));

    QCOMPARE(take(members.count()), 1);
    QVERIFY(members.softDelete(member.id, kNowMs + 1).has_value());
    QCOMPARE(members.softDelete(member.id, kNowMs + 2).error().code, ErrorCode::NotFound);
    QCOMPARE(take(members.count()), 0);
    const std::optional<Member> deleted = take(members.findById(member.id)); // still there for the entry path
    QVERIFY(deleted);
    QCOMPARE(deleted->deletedAtMs.value_or(0), kNowMs + 1);
    QVERIFY(take(members.searchPrefix(QStringLiteral("A"), 10)).isEmpty());
}

void TestRepositories::memberSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected"); // member numbers, in result order

    QTest::newRow("name prefix") << QStringLiteral("张") << 10
                                 << QStringList {QStringLiteral("GZ0002"), QStringLiteral("GZ0001")};
    QTest::newRow("full name") << QStringLiteral("张三丰") << 10 << QStringList {QStringLiteral("GZ0002")};
    QTest::newRow("latin name") << QStringLiteral("Ann") << 10
                                << QStringList {QStringLiteral("GZ0010"), QStringLiteral("GZ0011")};
    QTest::newRow("member no prefix") << QStringLiteral("GZ001") << 10
                                      << QStringList {QStringLiteral("GZ0010"), QStringLiteral("GZ0011")};
    QTest::newRow("member no lower case") << QStringLiteral("gz0002") << 10 << QStringList {QStringLiteral("GZ0002")};
    QTest::newRow("phone start") << QStringLiteral("139") << 10 << QStringList {QStringLiteral("GZ0011")};
    QTest::newRow("phone end") << QStringLiteral("8001") << 10 << QStringList {QStringLiteral("GZ0001")};
    QTest::newRow("limit") << QStringLiteral("GZ") << 2
                           << QStringList {QStringLiteral("GZ0002"), QStringLiteral("GZ0001")};
    QTest::newRow("no match") << QStringLiteral("Zed") << 10 << QStringList {};
    QTest::newRow("deleted left out") << QStringLiteral("Deleted") << 10 << QStringList {};
    QTest::newRow("like wildcards are text") << QStringLiteral("%") << 10 << QStringList {};
}

void TestRepositories::memberSearch()
{
    QFETCH(QString, text);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    addMember(QStringLiteral("GZ0001"), QStringLiteral("张伟"), QStringLiteral("13800008001"));
    addMember(QStringLiteral("GZ0002"), QStringLiteral("张三丰"), QStringLiteral("13800008002"));
    addMember(QStringLiteral("GZ0010"), QStringLiteral("Ann Lee"), QStringLiteral("13800008010"));
    addMember(QStringLiteral("GZ0011"), QStringLiteral("Anna Wu"), QStringLiteral("13900008011"));
    const Member gone
        = addMember(QStringLiteral("GZ0099"), QStringLiteral("Deleted Person"), QStringLiteral("13700000099"));
    MemberRepository members(*m_db);
    QVERIFY(members.softDelete(gone.id, kNowMs).has_value());

    QStringList numbers;
    for (const Member &member : take(members.searchPrefix(text, limit)))
        numbers.append(member.memberNo);
    QCOMPARE(numbers, expected);
}

void TestRepositories::cardProductRoundTrip()
{
    CardProductRepository products(*m_db);
    CardProduct product;
    product.name = QStringLiteral("Ten visits");
    product.kind = CardKind::Count;
    product.priceFen = 50000;
    product.validDays = 90;
    product.visits = 10;
    product.windows = weekdays();
    product.zoneIds = {QStringLiteral("zone-a"), QStringLiteral("zone-b")};
    const CardProduct stored = take(products.insert(product, kNowMs));
    std::optional<CardProduct> found = take(products.findById(stored.id));
    QVERIFY(found);
    QCOMPARE(found->name, product.name);
    QCOMPARE(found->kind, CardKind::Count);
    QCOMPARE(found->priceFen, 50000);
    QCOMPARE(found->validDays, 90);
    QCOMPARE(found->visits, 10);
    QCOMPARE(found->windows, product.windows);
    QVERIFY(!found->windows.isUnrestricted());
    QCOMPARE(found->zoneIds, product.zoneIds);
    QVERIFY(found->active);

    found->active = false;
    QVERIFY(products.update(*found, kNowMs).has_value());
    QVERIFY(take(products.list()).isEmpty());
    QCOMPARE(take(products.list(true)).size(), 1);
    product.priceFen = -1;
    QCOMPARE(products.insert(product, kNowMs).error().code, ErrorCode::InvalidArgument);
    QVERIFY(products.softDelete(stored.id, kNowMs).has_value());
    QVERIFY(take(products.list(true)).isEmpty());
}

void TestRepositories::memberCardRoundTrip()
{
    const Member member = addMember(QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13800138000"));
    MemberCardRepository cards(*m_db);
    MemberCard card = makeCard(member.id, QStringLiteral("C-001"), CardKind::Value, 0, 12345);
    card.windows = weekdays();
    card.zoneIds = {QStringLiteral("pool")};
    card.validToMs = kNowMs + 1000;
    const MemberCard stored = take(cards.insert(card));
    const MemberCard second = take(cards.insert(makeCard(member.id, QStringLiteral("C-002"), CardKind::Time)));

    std::optional<MemberCard> found = take(cards.findByCardNo(QStringLiteral("C-001")));
    QVERIFY(found);
    QCOMPARE(found->id, stored.id);
    QCOMPARE(found->memberId, member.id);
    QCOMPARE(found->kind, CardKind::Value);
    QCOMPARE(found->status, CardStatus::Active);
    QCOMPARE(found->balanceFen, 12345);
    QCOMPARE(found->perVisitPriceFen, 2500);
    QCOMPARE(found->validToMs, kNowMs + 1000);
    QCOMPARE(found->windows, card.windows);
    QCOMPARE(found->zoneIds, card.zoneIds);
    QVERIFY(found->productId.isEmpty());

    found->balanceFen = 99;
    QVERIFY(cards.update(*found, kNowMs).has_value());
    QCOMPARE(take(cards.findById(stored.id))->balanceFen, 99);

    QVERIFY(cards.setStatus(stored.id, CardStatus::Frozen, kNowMs).has_value());
    found = take(cards.findById(stored.id));
    QCOMPARE(found->status, CardStatus::Frozen);
    QCOMPARE(found->frozenAtMs.value_or(0), kNowMs);
    QVERIFY(cards.setStatus(stored.id, CardStatus::Active, kNowMs).has_value());
    QVERIFY(!take(cards.findById(stored.id))->frozenAtMs);

    QList<MemberCard> list = take(cards.listForMember(member.id));
    QCOMPARE(list.size(), 2);
    QVERIFY(cards.softDelete(second.id, kNowMs).has_value());
    list = take(cards.listForMember(member.id));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.constFirst().id, stored.id);
    QVERIFY(!take(cards.findById(second.id)));
}

void TestRepositories::memberCardConstraints()
{
    const Member member = addMember(QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13800138000"));
    MemberCardRepository cards(*m_db);
    QVERIFY(cards.insert(makeCard(member.id, QStringLiteral("C-1"), CardKind::Time)).has_value());

    Result<MemberCard> duplicate = cards.insert(makeCard(member.id, QStringLiteral("C-1"), CardKind::Time));
    QCOMPARE(duplicate.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(duplicate.error().field, QStringLiteral("cardNo"));

    Result<MemberCard> orphan
        = cards.insert(makeCard(QStringLiteral("no-such-member"), QStringLiteral("C-2"), CardKind::Time));
    QCOMPARE(orphan.error().code, ErrorCode::Conflict);

    MemberCard invalid = makeCard(member.id, QStringLiteral("C-3"), CardKind::Time);
    invalid.status = CardStatus::Invalid;
    QCOMPARE(cards.insert(invalid).error().field, QStringLiteral("status"));
    QCOMPARE(rowCount(*m_db, QStringLiteral("member_card")), 1);
}

void TestRepositories::venueAndMaintenance()
{
    VenueRepository venues(*m_db);
    Venue venue = makeVenue(QStringLiteral("Studio A"), VenueKind::Studio);
    venue.openingHours = weekdays();
    venue.bookingRequired = true;
    venue.antiPassback = AntiPassbackMode::Hard;
    venue.antiPassbackMinutes = 30;
    venue.dailyEntryLimit = 2;
    venue.maxActiveBookings = 3;
    venue.cancelPenaltyPercent = 20;
    venue.feePerHourFen = 8000;
    const Venue stored = take(venues.insert(venue, kNowMs));
    std::optional<Venue> found = take(venues.findById(stored.id));
    QVERIFY(found);
    QCOMPARE(found->name, venue.name);
    QCOMPARE(found->kind, VenueKind::Studio);
    QCOMPARE(found->capacity, 50);
    QCOMPARE(found->status, VenueStatus::Open);
    QCOMPARE(found->openingHours, venue.openingHours);
    QVERIFY(found->bookingRequired);
    QCOMPARE(found->antiPassback, AntiPassbackMode::Hard);
    QCOMPARE(found->antiPassbackMinutes, 30);
    QCOMPARE(found->dailyEntryLimit, 2);
    QCOMPARE(found->advanceDays, 7);
    QCOMPARE(found->maxActiveBookings, 3);
    QCOMPARE(found->cancelHours, 2);
    QCOMPARE(found->cancelPenaltyPercent, 20);
    QCOMPARE(found->feePerHourFen, 8000);

    QVERIFY(venues.setStatus(stored.id, VenueStatus::Maintenance, kNowMs).has_value());
    QCOMPARE(take(venues.findById(stored.id))->status, VenueStatus::Maintenance);
    found->name = QStringLiteral("Studio B");
    found->status = VenueStatus::Closed;
    QVERIFY(venues.update(*found, kNowMs).has_value());
    QCOMPARE(take(venues.list()).constFirst().name, QStringLiteral("Studio B"));

    Maintenance plan {QString(), stored.id, kNowMs, kNowMs + kHourMs, QStringLiteral("new floor")};
    const Maintenance storedPlan = take(venues.insertMaintenance(plan, kNowMs));
    QVERIFY(
        venues.insertMaintenance(Maintenance {QString(), stored.id, kNowMs - 2 * kHourMs, kNowMs - kHourMs, {}}, kNowMs)
            .has_value());
    plan.endMs = plan.startMs;
    QCOMPARE(venues.insertMaintenance(plan, kNowMs).error().field, QStringLiteral("endMs"));
    QList<Maintenance> plans = take(venues.listMaintenance(stored.id, kNowMs));
    QCOMPARE(plans.size(), 1); // the one already over is left out
    QCOMPARE(plans.constFirst().reason, QStringLiteral("new floor"));
    QVERIFY(plans.constFirst().covers(kNowMs + 1));
    QVERIFY(venues.removeMaintenance(storedPlan.id, kNowMs).has_value());
    QVERIFY(take(venues.listMaintenance(stored.id, kNowMs)).isEmpty());

    QVERIFY(venues.softDelete(stored.id, kNowMs).has_value());
    QVERIFY(take(venues.list()).isEmpty());
}

void TestRepositories::courseAndSlots()
{
    const Venue venue = addVenue(QStringLiteral("Studio"));
    CourseRepository courses(*m_db);
    const Course course
        = take(courses.insertCourse(Course {QString(), QStringLiteral("Yoga"), venue.id, 60, 2}, kNowMs));
    QCOMPARE(take(courses.findCourse(course.id))->name, QStringLiteral("Yoga"));
    QCOMPARE(take(courses.listCourses()).size(), 1);

    CourseSlot slot {QString(), course.id, venue.id, QStringLiteral("Coach Liu"), kNowMs, kNowMs + kHourMs, 2, 0};
    const CourseSlot stored = take(courses.insertSlot(slot, kNowMs));
    QVERIFY(courses
                .insertSlot(
                    CourseSlot {QString(), course.id, venue.id, {}, kNowMs + 24 * kHourMs, kNowMs + 25 * kHourMs, 2, 0},
                    kNowMs)
                .has_value());
    QCOMPARE(take(courses.findSlot(stored.id))->coachName, QStringLiteral("Coach Liu"));
    QCOMPARE(take(courses.listSlots(venue.id, kNowMs, kNowMs + kHourMs)).size(), 1);
    QCOMPARE(take(courses.listSlots(QString(), kNowMs, kNowMs + 48 * kHourMs)).size(), 2);

    QVERIFY(courses.adjustBookedCount(stored.id, 1, kNowMs).has_value());
    QVERIFY(courses.adjustBookedCount(stored.id, 1, kNowMs).has_value());
    const Status full = courses.adjustBookedCount(stored.id, 1, kNowMs);
    QCOMPARE(full.error().code, ErrorCode::Conflict);
    QCOMPARE(take(courses.findSlot(stored.id))->bookedCount, 2);
    QVERIFY(courses.adjustBookedCount(stored.id, -2, kNowMs).has_value());
    QCOMPARE(courses.adjustBookedCount(stored.id, -1, kNowMs).error().code, ErrorCode::Conflict);
    QCOMPARE(courses.adjustBookedCount(QStringLiteral("nope"), 1, kNowMs).error().code, ErrorCode::NotFound);

    slot.endMs = slot.startMs - 1;
    QCOMPARE(courses.insertSlot(slot, kNowMs).error().field, QStringLiteral("endMs"));
    QVERIFY(courses.deleteSlot(stored.id, kNowMs).has_value());
    QCOMPARE(take(courses.listSlots(venue.id, kNowMs, kNowMs + kHourMs)).size(), 0);
}

void TestRepositories::bookings()
{
    const Member member = addMember(QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13800138000"));
    const Venue venue = addVenue(QStringLiteral("Court 1"));
    BookingRepository bookings(*m_db);
    Booking booking;
    booking.bookingNo = QStringLiteral("B-1");
    booking.memberId = member.id;
    booking.venueId = venue.id;
    booking.startMs = kNowMs;
    booking.endMs = kNowMs + kHourMs;
    booking.status = BookingStatus::Booked;
    booking.recurrenceId = QStringLiteral("weekly-1");
    const Booking stored = take(bookings.insert(booking));
    booking.bookingNo = QStringLiteral("B-2");
    booking.startMs += 7 * 24 * kHourMs;
    booking.endMs += 7 * 24 * kHourMs;
    QVERIFY(bookings.insert(booking).has_value());

    const Result<Booking> duplicate = bookings.insert(booking);
    QCOMPARE(duplicate.error().field, QStringLiteral("bookingNo"));

    std::optional<Booking> found = take(bookings.findById(stored.id));
    QVERIFY(found);
    QCOMPARE(found->status, BookingStatus::Booked);
    QCOMPARE(found->recurrenceId, QStringLiteral("weekly-1"));
    QVERIFY(found->slotId.isEmpty());

    QCOMPARE(take(bookings.listForMember(member.id, kNowMs, kNowMs + 1)).size(), 1);
    QCOMPARE(take(bookings.listForMember(member.id, kNowMs, kNowMs + 8 * 24 * kHourMs)).size(), 2);
    QCOMPARE(take(bookings.listForVenue(venue.id, kNowMs + 1, kNowMs + 8 * 24 * kHourMs)).size(), 1);
    QVERIFY(take(bookings.listForVenue(QStringLiteral("other"), 0, kNowMs * 2)).isEmpty());

    QVERIFY(bookings.updateStatus(stored.id, BookingStatus::Cancelled, kNowMs, QStringLiteral("ill")).has_value());
    QCOMPARE(take(bookings.findById(stored.id))->status, BookingStatus::Cancelled);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT cancel_reason FROM booking WHERE booking_no = 'B-1'")).toString(),
        QStringLiteral("ill"));
    QCOMPARE(bookings.updateStatus(QStringLiteral("nope"), BookingStatus::Attended, kNowMs).error().code,
        ErrorCode::NotFound);
}

void TestRepositories::gates()
{
    const Venue venue = addVenue(QStringLiteral("Floor"));
    GateRepository gates(*m_db);
    GateConfig gate;
    gate.name = QStringLiteral("Main turnstile");
    gate.zoneId = venue.id;
    gate.direction = GateDirection::Both;
    gate.failMode = GateFailMode::Open;
    gate.profile = QJsonObject {{QStringLiteral("type"), QStringLiteral("relay")}, {QStringLiteral("pulseMs"), 500},
        {QStringLiteral("transport"), QJsonObject {{QStringLiteral("host"), QStringLiteral("127.0.0.1")}}}};
    const GateConfig stored = take(gates.insert(gate, kNowMs));
    std::optional<GateConfig> found = take(gates.findById(stored.id));
    QVERIFY(found);
    QCOMPARE(found->profile, gate.profile);
    QCOMPARE(found->direction, GateDirection::Both);
    QCOMPARE(found->failMode, GateFailMode::Open);
    QVERIFY(!found->lastSelfTestAtMs);

    QVERIFY(gates.recordSelfTest(stored.id, kNowMs + 5, QStringLiteral("ok")).has_value());
    found = take(gates.findById(stored.id));
    QCOMPARE(found->lastSelfTestAtMs.value_or(0), kNowMs + 5);
    QCOMPARE(found->lastSelfTestResult, QStringLiteral("ok"));

    found->profile.insert(QStringLiteral("pulseMs"), 800);
    QVERIFY(gates.update(*found, kNowMs).has_value());
    QCOMPARE(take(gates.list()).constFirst().profile.value(QStringLiteral("pulseMs")).toInt(), 800);

    gate.zoneId = QStringLiteral("no-such-venue");
    QCOMPARE(gates.insert(gate, kNowMs).error().code, ErrorCode::Conflict);
    QVERIFY(gates.softDelete(stored.id, kNowMs).has_value());
    QVERIFY(take(gates.list()).isEmpty());
}

void TestRepositories::settings()
{
    SettingRepository settings(*m_db);
    QCOMPARE(settings.value(QStringLiteral("site.name"), QStringLiteral("GymGate")), QStringLiteral("GymGate"));
    QCOMPARE(settings.intValue(QStringLiteral("gate.pass_timeout_ms"), 8000), 8000);
    QCOMPARE(settings.boolValue(QStringLiteral("access.legacy_codes"), false), false);
    QVERIFY(!take(settings.find(QStringLiteral("site.name"))));

    QVERIFY(settings.setValue(QStringLiteral("site.name"), QStringLiteral("北京店")).has_value());
    QVERIFY(settings.setInt(QStringLiteral("gate.pass_timeout_ms"), 12000).has_value());
    QVERIFY(settings.setBool(QStringLiteral("access.legacy_codes"), true).has_value());
    QVERIFY(settings.setValue(QStringLiteral("empty"), QString()).has_value());
    QCOMPARE(settings.value(QStringLiteral("site.name")), QStringLiteral("北京店"));
    QCOMPARE(settings.intValue(QStringLiteral("gate.pass_timeout_ms"), 8000), 12000);
    QCOMPARE(settings.boolValue(QStringLiteral("access.legacy_codes"), false), true);
    QCOMPARE(settings.intValue(QStringLiteral("site.name"), 7), 7); // not a number: default
    QCOMPARE(settings.value(QStringLiteral("empty"), QStringLiteral("x")), QString());

    QVERIFY(settings.setValue(QStringLiteral("site.name"), QStringLiteral("上海店")).has_value());
    QCOMPARE(settings.value(QStringLiteral("site.name")), QStringLiteral("上海店"));
    QCOMPARE(take(settings.all()).size(), 4);
    QVERIFY(settings.remove(QStringLiteral("site.name")).has_value());
    QCOMPARE(settings.value(QStringLiteral("site.name"), QStringLiteral("d")), QStringLiteral("d"));
    QCOMPARE(settings.setValue(QString(), QStringLiteral("v")).error().field, QStringLiteral("key"));
}

void TestRepositories::staff()
{
    StaffRepository staff(*m_db);
    StaffUser user;
    user.username = QStringLiteral("clerk1");
    user.passwordHash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$abc$def");
    user.role = StaffRole::Staff;
    const StaffUser stored = take(staff.insert(user));
    std::optional<StaffUser> found = take(staff.findByUsername(QStringLiteral("clerk1")));
    QVERIFY(found);
    QCOMPARE(found->id, stored.id);
    QCOMPARE(found->role, StaffRole::Staff);
    QCOMPARE(found->status, StaffStatus::Active);
    QVERIFY(found->displayName.isEmpty());

    const Result<StaffUser> duplicate = staff.insert(user);
    QCOMPARE(duplicate.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(duplicate.error().field, QStringLiteral("username"));

    QVERIFY(staff.updateLoginFailures(stored.id, 5, kNowMs + 15 * 60'000, kNowMs).has_value());
    found = take(staff.findById(stored.id));
    QCOMPARE(found->failedLogins, 5);
    QCOMPARE(found->lockedUntilMs, kNowMs + 15 * 60'000);
    QVERIFY(staff.updateLoginFailures(stored.id, 0, 0, kNowMs).has_value());
    QCOMPARE(take(staff.findById(stored.id))->failedLogins, 0);

    QVERIFY(staff.setPasswordHash(stored.id, QStringLiteral("$argon2id$new"), kNowMs).has_value());
    QCOMPARE(take(staff.findById(stored.id))->passwordHash, QStringLiteral("$argon2id$new"));
    found->role = StaffRole::Admin;
    found->displayName = QStringLiteral("王经理");
    found->passwordHash = QStringLiteral("$argon2id$new");
    QVERIFY(staff.update(*found, kNowMs).has_value());
    QCOMPARE(take(staff.list()).constFirst().role, StaffRole::Admin);
    QVERIFY(staff.softDelete(stored.id, kNowMs).has_value());
    QVERIFY(!take(staff.findByUsername(QStringLiteral("clerk1"))));
}

void TestRepositories::keysAndCredentials()
{
    const Member member = addMember(QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13800138000"));
    KeyRepository keys(*m_db);
    const TrustedKey hubKey {QStringLiteral("hub-1"), QByteArray(32, 'h'), QStringLiteral("hub"), kNowMs, std::nullopt};
    QVERIFY(keys.insertKey(hubKey).has_value());
    QCOMPARE(keys.insertKey(hubKey).error().field, QStringLiteral("keyId"));
    QCOMPARE(keys.insertKey(TrustedKey {QStringLiteral("short"), QByteArray(5, 'x'), {}, kNowMs, {}}).error().field,
        QStringLiteral("publicKey"));
    QVERIFY(
        keys.upsertKey(TrustedKey {QStringLiteral("desk-1"), QByteArray(32, 'd'), QStringLiteral("desk-1"), kNowMs, {}})
            .has_value());

    for (int i = 0; i < 3; ++i) {
        CredentialRecord credential;
        credential.id = QStringLiteral("00000000000000%1").arg(i, 2, 10, QLatin1Char('0'));
        credential.memberId = member.id;
        credential.type = CredentialType::Card;
        credential.keyId = QStringLiteral("desk-1");
        credential.code = QStringLiteral("GG1.desk-1.payload%1.sig").arg(i);
        credential.issuedAtMs = kNowMs + i;
        QVERIFY(keys.insertCredential(credential).has_value());
    }
    SqlTrustStore trust(*m_db);
    QCOMPARE(trust.publicKey(QStringLiteral("hub-1")).value_or(QByteArray()), QByteArray(32, 'h'));
    QVERIFY(!trust.publicKey(QStringLiteral("unknown")));
    QVERIFY(!trust.isKeyRevoked(QStringLiteral("hub-1")));
    QVERIFY(!trust.isCredentialRevoked(QStringLiteral("0000000000000000")));

    QVERIFY(keys.revokeKey(QStringLiteral("hub-1"), kNowMs).has_value());
    QVERIFY(keys.revokeCredential(QStringLiteral("0000000000000000"), kNowMs).has_value());
    QCOMPARE(keys.revokeCredential(QStringLiteral("nope"), kNowMs).error().code, ErrorCode::NotFound);
    QVERIFY(!trust.isKeyRevoked(QStringLiteral("hub-1"))); // cached until reload
    QVERIFY(trust.reload().has_value());
    QVERIFY(trust.isKeyRevoked(QStringLiteral("hub-1")));
    QVERIFY(trust.isCredentialRevoked(QStringLiteral("0000000000000000")));
    QVERIFY(!trust.isCredentialRevoked(QStringLiteral("0000000000000001")));
    QCOMPARE(take(keys.findKey(QStringLiteral("hub-1")))->revokedAtMs.value_or(0), kNowMs);
    QCOMPARE(take(keys.listKeys()).size(), 2);

    QCOMPARE(take(keys.revokeAllForMember(member.id, kNowMs + 9)), 2);
    QCOMPARE(take(keys.revokeAllForMember(member.id, kNowMs + 10)), 0);
    const QList<CredentialRecord> credentials = take(keys.listCredentialsForMember(member.id));
    QCOMPARE(credentials.size(), 3);
    QCOMPARE(credentials.constFirst().revokedAtMs.value_or(0), kNowMs); // first revocation kept
    QCOMPARE(credentials.constLast().revokedAtMs.value_or(0), kNowMs + 9);
    QCOMPARE(credentials.constLast().type, CredentialType::Card);
    QVERIFY(credentials.constLast().cardId.isEmpty());

    QVERIFY(!trust.isNonceUsed(QStringLiteral("abcdef")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO used_nonce (id, used_at) VALUES ('abcdef', 1)")).has_value());
    QVERIFY(trust.isNonceUsed(QStringLiteral("abcdef")));
}

void TestRepositories::sales()
{
    const Member member = addMember(QStringLiteral("M1"), QStringLiteral("A"), QStringLiteral("13800138000"));
    SaleRepository sales(*m_db);
    Sale sale;
    sale.receiptNo = QStringLiteral("R-1");
    sale.memberId = member.id;
    sale.kind = SaleKind::Sale;
    sale.amountFen = 199900;
    sale.paymentMethod = PaymentMethod::WeChatPay;
    sale.createdAtMs = kNowMs;
    const Sale stored = take(sales.insert(sale));
    sale.receiptNo = QStringLiteral("R-2");
    sale.kind = SaleKind::Refund;
    sale.amountFen = -5000;
    sale.paymentMethod = PaymentMethod::Cash;
    sale.createdAtMs = kNowMs + kHourMs;
    QVERIFY(sales.insert(sale).has_value());
    QCOMPARE(sales.insert(sale).error().field, QStringLiteral("receiptNo"));
    sale.receiptNo = QStringLiteral("R-3");
    sale.cardId = QStringLiteral("no-such-card");
    QCOMPARE(sales.insert(sale).error().code, ErrorCode::Conflict);

    std::optional<Sale> found = take(sales.findById(stored.id));
    QVERIFY(found);
    QCOMPARE(found->amountFen, 199900);
    QCOMPARE(found->paymentMethod, PaymentMethod::WeChatPay);
    QCOMPARE(found->kind, SaleKind::Sale);
    QCOMPARE(take(sales.listRange(kNowMs, kNowMs + 1)).size(), 1);
    const QList<Sale> both = take(sales.listRange(kNowMs, kNowMs + 2 * kHourMs));
    QCOMPARE(both.size(), 2);
    QCOMPARE(both.constLast().kind, SaleKind::Refund);
    QCOMPARE(take(sales.listForMember(member.id)).size(), 2);
}

void TestRepositories::accessDataSource()
{
    const Member member = addMember(QStringLiteral("M1000"), QStringLiteral("A"), QStringLiteral("13800138000"));
    const Venue zone = addVenue(QStringLiteral("Floor"));
    const Venue otherZone = addVenue(QStringLiteral("Pool"));
    MemberCardRepository cards(*m_db);
    QVERIFY(cards.insert(makeCard(member.id, QStringLiteral("C-7"), CardKind::Count, 5)).has_value());
    const MemberCard deleted = take(cards.insert(makeCard(member.id, QStringLiteral("C-8"), CardKind::Time)));
    QVERIFY(cards.softDelete(deleted.id, kNowMs).has_value());

    BookingRepository bookings(*m_db);
    const auto book = [&](const QString &no, const QString &venueId, qint64 startMs) {
        Booking booking;
        booking.bookingNo = no;
        booking.memberId = member.id;
        booking.venueId = venueId;
        booking.startMs = startMs;
        booking.endMs = startMs + kHourMs;
        booking.status = BookingStatus::Booked;
        return bookings.insert(booking).has_value();
    };
    QVERIFY(book(QStringLiteral("B-near"), zone.id, kNowMs + 10 * 60'000));
    QVERIFY(book(QStringLiteral("B-far"), zone.id, kNowMs + 3 * 24 * kHourMs));
    QVERIFY(book(QStringLiteral("B-other"), otherZone.id, kNowMs));

    QVERIFY(
        m_db
            ->execScript(QStringLiteral(
                "INSERT INTO entry (id, zone_id, direction, member_id, status, reason, decided_at, passed_at) VALUES "
                "('e-old', '%1', 'in', '%2', 'passed', 'granted', %3, %3),"
                "('e-in', '%1', 'in', '%2', 'passed', 'granted', %4, %5),"
                "('e-denied', '%1', 'in', '%2', 'denied', 'card.none', %4, NULL),"
                "('e-other', '%6', 'in', '%2', 'passed', 'granted', %4, %4);"
                "INSERT INTO zone_occupancy (zone_id, inside, updated_at) VALUES ('%1', 17, 1);")
                             .arg(zone.id, member.id)
                             .arg(kNowMs - 2 * 24 * kHourMs)
                             .arg(kNowMs - kHourMs)
                             .arg(kNowMs - kHourMs + 5000)
                             .arg(otherZone.id))
            .has_value());
    VenueRepository venues(*m_db);
    QVERIFY(
        venues.insertMaintenance(Maintenance {QString(), zone.id, kNowMs + kHourMs, kNowMs + 2 * kHourMs, {}}, kNowMs)
            .has_value());

    SqlAccessDataSource source(*m_db);
    QCOMPARE(take(source.memberIdForLegacyCode(QStringLiteral("M1000"))).value_or(QString()), member.id);
    QCOMPARE(take(source.memberIdForLegacyCode(QStringLiteral("C-7"))).value_or(QString()), member.id);
    QVERIFY(!take(source.memberIdForLegacyCode(QStringLiteral("C-8")))); // deleted card
    QVERIFY(!take(source.memberIdForLegacyCode(QStringLiteral("garbage' OR 1=1 --"))));

    for (int round = 0; round < 2; ++round) { // prepared queries are reused
        const MemberAccessData data = take(source.memberAccessData(member.id, zone.id, kNowMs));
        QVERIFY(data.member);
        QCOMPARE(data.member->id, member.id);
        QCOMPARE(data.cards.size(), 1);
        QCOMPARE(data.cards.constFirst().visitsLeft, 5);
        QCOMPARE(data.bookings.size(), 1);
        QCOMPARE(data.bookings.constFirst().bookingNo, QStringLiteral("B-near"));
        QCOMPARE(data.recentEntries.size(), 1);
        QCOMPARE(data.recentEntries.constFirst().id, QStringLiteral("e-in"));
        QCOMPARE(data.recentEntries.constFirst().atMs, kNowMs - kHourMs + 5000); // passage time
        QCOMPARE(data.recentEntries.constFirst().status, EntryStatus::Passed);
        QCOMPARE(data.recentEntries.constFirst().direction, Direction::In);
    }
    const MemberAccessData unknown = take(source.memberAccessData(QStringLiteral("nobody"), zone.id, kNowMs));
    QVERIFY(!unknown.member);
    QVERIFY(unknown.cards.isEmpty());

    const ZoneAccessData zoneData = take(source.zoneAccessData(zone.id, kNowMs));
    QCOMPARE(zoneData.zone.id, zone.id);
    QCOMPARE(zoneData.zone.name, QStringLiteral("Floor"));
    QCOMPARE(zoneData.maintenance.size(), 1);
    QCOMPARE(zoneData.occupancy, 17);
    QCOMPARE(take(source.zoneAccessData(otherZone.id, kNowMs)).occupancy, 0);
    QCOMPARE(source.zoneAccessData(QStringLiteral("no-zone"), kNowMs).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
