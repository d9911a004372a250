#include "core/SyncJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace gymgate;

namespace {

using Parse = std::function<std::optional<Error>(const QJsonObject &)>;

template<typename T>
Parse parser(Result<T> (*parse)(const QJsonObject &))
{
    return [parse](const QJsonObject &data) -> std::optional<Error> {
        const Result<T> parsed = parse(data);
        if (parsed)
            return std::nullopt;
        return parsed.error();
    };
}

// Parses `data` and writes it again: what a desk's sync client does with a pulled change.
template<typename T>
QJsonObject reparsed(Result<T> (*parse)(const QJsonObject &), const QJsonObject &data)
{
    const Result<T> parsed = parse(data);
    if (!parsed)
        return QJsonObject {
            {QStringLiteral("error"), QString(parsed.error().field + QLatin1Char(' ') + parsed.error().message)}};
    return syncjson::toJson(*parsed);
}

WeeklySchedule weekdayMornings()
{
    return *WeeklySchedule::fromJson(R"([{"days":"1-5","from":"06:00","to":"12:00"}])");
}

Member sampleMember()
{
    Member member;
    member.id = QStringLiteral("7b0c5f7e-0000-4000-8000-000000000001");
    member.memberNo = QStringLiteral("M1000001");
    member.name = QStringLiteral("张三");
    member.phoneCipher = QByteArray("\x01\x02\xff cipher", 10);
    member.phoneHash = QByteArray("hash-bytes");
    member.phoneMask = QStringLiteral("138****8000");
    member.gender = Gender::Female;
    member.birthday = QDate(1990, 5, 1);
    member.preferredLanguage = QStringLiteral("zh_CN");
    member.status = MemberStatus::Blocked;
    member.createdAtMs = 1'700'000'000'000;
    member.updatedAtMs = 1'700'000'000'500;
    return member;
}

MemberCard sampleCard()
{
    MemberCard card;
    card.id = QStringLiteral("card-1");
    card.cardNo = QStringLiteral("C1000001");
    card.memberId = QStringLiteral("member-1");
    card.productId = QStringLiteral("product-1");
    card.name = QStringLiteral("10 visits");
    card.kind = CardKind::Count;
    card.status = CardStatus::Frozen;
    card.validFromMs = 1'700'000'000'000;
    card.validToMs = 1'731'536'000'000;
    card.visitsLeft = 7;
    card.balanceFen = -150;
    card.perVisitPriceFen = 2500;
    card.windows = weekdayMornings();
    card.zoneIds = {QStringLiteral("venue-1"), QStringLiteral("venue-2")};
    card.frozenAtMs = 1'700'000'100'000;
    card.createdAtMs = 1'700'000'000'000;
    return card;
}

CardProduct sampleProduct()
{
    CardProduct product;
    product.id = QStringLiteral("product-1");
    product.name = QStringLiteral("Stored value");
    product.kind = CardKind::Value;
    product.priceFen = 100'000;
    product.validDays = 365;
    product.visits = 0;
    product.valueFen = 120'000;
    product.perVisitPriceFen = 3000;
    product.windows = weekdayMornings();
    product.zoneIds = {QStringLiteral("venue-1")};
    product.active = false;
    return product;
}

Sale sampleSale()
{
    return Sale {QStringLiteral("sale-1"), QStringLiteral("R1000001"), QStringLiteral("member-1"),
        QStringLiteral("card-1"), QStringLiteral("product-1"), SaleKind::Refund, -5000, PaymentMethod::WeChatPay,
        QStringLiteral("staff-1"), QStringLiteral("changed mind"), 1'700'000'000'000};
}

CredentialRecord sampleCredential()
{
    return CredentialRecord {QStringLiteral("0011223344556677"), QStringLiteral("member-1"), QStringLiteral("card-1"),
        CredentialType::Card, QStringLiteral("kid-1"), QStringLiteral("GG1.abc"), 1'700'000'000'000, 1'731'536'000'000,
        1'700'000'500'000};
}

Venue sampleVenue()
{
    Venue venue;
    venue.id = QStringLiteral("venue-1");
    venue.name = QStringLiteral("Court A");
    venue.kind = VenueKind::Court;
    venue.capacity = 4;
    venue.status = VenueStatus::Maintenance;
    venue.openingHours = weekdayMornings();
    venue.bookingRequired = true;
    venue.advanceDays = 14;
    venue.maxActiveBookings = 3;
    venue.cancelHours = 6;
    venue.cancelPenaltyPercent = 50;
    venue.feePerHourFen = 8000;
    return venue;
}

Maintenance sampleMaintenance()
{
    return Maintenance {QStringLiteral("plan-1"), QStringLiteral("venue-1"), 1'700'000'000'000, 1'700'003'600'000,
        QStringLiteral("new floor")};
}

Course sampleCourse()
{
    return Course {QStringLiteral("course-1"), QStringLiteral("Yoga"), QStringLiteral("venue-1"), 45, 12};
}

CourseSlot sampleSlot()
{
    return CourseSlot {QStringLiteral("slot-1"), QStringLiteral("course-1"), QStringLiteral("venue-1"),
        QStringLiteral("Li"), 1'700'000'000'000, 1'700'002'700'000, 12, 5};
}

Booking sampleBooking()
{
    return Booking {QStringLiteral("booking-1"), QStringLiteral("B1000001"), QStringLiteral("member-1"),
        QStringLiteral("venue-1"), QStringLiteral("slot-1"), 1'700'000'000'000, 1'700'002'700'000,
        BookingStatus::NoShow, QStringLiteral("rec-1"), 1'699'000'000'000};
}

WaitlistEntry sampleWaitlist()
{
    WaitlistEntry entry;
    entry.id = QStringLiteral("wait-1");
    entry.memberId = QStringLiteral("member-1");
    entry.venueId = QStringLiteral("venue-1");
    entry.slotId = QStringLiteral("slot-1");
    entry.startMs = 1'700'000'000'000;
    entry.endMs = 1'700'002'700'000;
    entry.position = 2;
    entry.status = WaitlistStatus::Promoted;
    return entry;
}

EntryRecord sampleEntry()
{
    EntryRecord entry;
    entry.id = QStringLiteral("entry-1");
    entry.gateId = QStringLiteral("gate-1");
    entry.zoneId = QStringLiteral("venue-1");
    entry.direction = Direction::Out;
    entry.memberId = QStringLiteral("member-1");
    entry.cardId = QStringLiteral("card-1");
    entry.bookingId = QStringLiteral("booking-1");
    entry.credentialId = QStringLiteral("0011223344556677");
    entry.credentialKind = QStringLiteral("card");
    entry.weak = true;
    entry.status = EntryStatus::Annulled;
    entry.reason = AccessReason::Granted;
    entry.visitsDeducted = 1;
    entry.feeDeductedFen = 2500;
    entry.staffId = QStringLiteral("staff-1");
    entry.note = QStringLiteral("timeout");
    entry.decidedAtMs = 1'700'000'000'000;
    entry.passedAtMs = 1'700'000'001'000;
    entry.annulledAtMs = 1'700'000'002'000;
    return entry;
}

struct Entity {
    QJsonObject json;
    Parse parse;
};

QHash<QString, Entity> entities()
{
    return {
        {QStringLiteral("member"), {syncjson::toJson(sampleMember()), parser(&syncjson::memberFromJson)}},
        {QStringLiteral("card"), {syncjson::toJson(sampleCard()), parser(&syncjson::cardFromJson)}},
        {QStringLiteral("product"), {syncjson::toJson(sampleProduct()), parser(&syncjson::productFromJson)}},
        {QStringLiteral("sale"), {syncjson::toJson(sampleSale()), parser(&syncjson::saleFromJson)}},
        {QStringLiteral("credential"), {syncjson::toJson(sampleCredential()), parser(&syncjson::credentialFromJson)}},
        {QStringLiteral("venue"), {syncjson::toJson(sampleVenue()), parser(&syncjson::venueFromJson)}},
        {QStringLiteral("maintenance"),
            {syncjson::toJson(sampleMaintenance()), parser(&syncjson::maintenanceFromJson)}},
        {QStringLiteral("course"), {syncjson::toJson(sampleCourse()), parser(&syncjson::courseFromJson)}},
        {QStringLiteral("slot"), {syncjson::toJson(sampleSlot()), parser(&syncjson::slotFromJson)}},
        {QStringLiteral("booking"), {syncjson::toJson(sampleBooking()), parser(&syncjson::bookingFromJson)}},
        {QStringLiteral("waitlist"), {syncjson::toJson(sampleWaitlist()), parser(&syncjson::waitlistFromJson)}},
        {QStringLiteral("entry"), {syncjson::toJson(sampleEntry()), parser(&syncjson::entryFromJson)}},
    };
}

} // namespace

class TestSyncJson : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void wireShapeIsPinned();
    void emptyValuesTravelAsTheDeskWritesThem();
    void optionalKeysTakeTheirDefaults();
    void refusalNamesTheField_data();
    void refusalNamesTheField();
};

void TestSyncJson::roundTrip_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QJsonObject>("again");
    QTest::newRow("member") << syncjson::toJson(sampleMember())
                            << reparsed(&syncjson::memberFromJson, syncjson::toJson(sampleMember()));
    QTest::newRow("card") << syncjson::toJson(sampleCard())
                          << reparsed(&syncjson::cardFromJson, syncjson::toJson(sampleCard()));
    QTest::newRow("product") << syncjson::toJson(sampleProduct())
                             << reparsed(&syncjson::productFromJson, syncjson::toJson(sampleProduct()));
    QTest::newRow("sale") << syncjson::toJson(sampleSale())
                          << reparsed(&syncjson::saleFromJson, syncjson::toJson(sampleSale()));
    QTest::newRow("credential") << syncjson::toJson(sampleCredential())
                                << reparsed(&syncjson::credentialFromJson, syncjson::toJson(sampleCredential()));
    QTest::newRow("venue") << syncjson::toJson(sampleVenue())
                           << reparsed(&syncjson::venueFromJson, syncjson::toJson(sampleVenue()));
    QTest::newRow("maintenance") << syncjson::toJson(sampleMaintenance())
                                 << reparsed(&syncjson::maintenanceFromJson, syncjson::toJson(sampleMaintenance()));
    QTest::newRow("course") << syncjson::toJson(sampleCourse())
                            << reparsed(&syncjson::courseFromJson, syncjson::toJson(sampleCourse()));
    QTest::newRow("slot") << syncjson::toJson(sampleSlot())
                          << reparsed(&syncjson::slotFromJson, syncjson::toJson(sampleSlot()));
    QTest::newRow("booking") << syncjson::toJson(sampleBooking())
                             << reparsed(&syncjson::bookingFromJson, syncjson::toJson(sampleBooking()));
    QTest::newRow("waitlist") << syncjson::toJson(sampleWaitlist())
                              << reparsed(&syncjson::waitlistFromJson, syncjson::toJson(sampleWaitlist()));
    QTest::newRow("entry") << syncjson::toJson(sampleEntry())
                           << reparsed(&syncjson::entryFromJson, syncjson::toJson(sampleEntry()));
}

void TestSyncJson::roundTrip()
{
    QFETCH(QJsonObject, json);
    QFETCH(QJsonObject, again);
    QCOMPARE(QJsonDocument(again).toJson(QJsonDocument::Compact), QJsonDocument(json).toJson(QJsonDocument::Compact));
}

// The exact text of a few entities: the keys and value types sites and hub agree on.
void TestSyncJson::wireShapeIsPinned()
{
    const auto text = [](const QJsonObject &json) {
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    };
    QCOMPARE(text(syncjson::toJson(sampleMember())),
        QByteArray(R"({"birthday":"1990-05-01","createdAt":1700000000000,"gender":3,"id":)"
                   R"("7b0c5f7e-0000-4000-8000-000000000001","memberNo":"M1000001","name":"张三",)"
                   R"("phoneCipher":"AQL/IGNpcGhlcg==","phoneHash":"aGFzaC1ieXRlcw==","phoneMask":"138****8000",)"
                   R"("preferredLanguage":"zh_CN","status":"blocked","updatedAt":1700000000500})"));
    QCOMPARE(text(syncjson::toJson(sampleCard())),
        QByteArray(R"({"balanceFen":-150,"cardNo":"C1000001","createdAt":1700000000000,"frozenAt":1700000100000,)"
                   R"("id":"card-1","kind":"count","memberId":"member-1","name":"10 visits","perVisitPriceFen":2500,)"
                   R"("productId":"product-1","status":"frozen","timeWindows":[{"days":"1-5","from":"06:00",)"
                   R"("to":"12:00"}],"validFrom":1700000000000,"validTo":1731536000000,"visitsLeft":7,)"
                   R"("zones":["venue-1","venue-2"]})"));
    // The venue's opening hours travel as JSON text, unlike a card's time windows.
    QCOMPARE(syncjson::toJson(sampleVenue()).value(QStringLiteral("openingHours")).toString(),
        QStringLiteral(R"([{"days":"1-5","from":"06:00","to":"12:00"}])"));
    QCOMPARE(text(syncjson::toJson(sampleBooking())),
        QByteArray(R"({"bookingNo":"B1000001","createdAtMs":1699000000000,"endMs":1700002700000,"id":"booking-1",)"
                   R"("memberId":"member-1","recurrenceId":"rec-1","slotId":"slot-1","startMs":1700000000000,)"
                   R"("status":"no_show","venueId":"venue-1"})"));
    QCOMPARE(text(syncjson::toJson(sampleCredential())),
        QByteArray(R"({"cardId":"card-1","code":"GG1.abc","expiresAt":1731536000000,"id":"0011223344556677",)"
                   R"("issuedAt":1700000000000,"kid":"kid-1","memberId":"member-1","revokedAt":1700000500000,)"
                   R"("type":"card"})"));
}

void TestSyncJson::emptyValuesTravelAsTheDeskWritesThem()
{
    Member member = sampleMember();
    member.birthday = QDate();
    QCOMPARE(syncjson::toJson(member).value(QStringLiteral("birthday")), QJsonValue(QString()));
    MemberCard card = sampleCard();
    card.frozenAtMs.reset();
    card.windows = WeeklySchedule();
    QVERIFY(syncjson::toJson(card).value(QStringLiteral("frozenAt")).isNull());
    QCOMPARE(syncjson::toJson(card).value(QStringLiteral("timeWindows")), QJsonValue(QJsonArray()));
    CredentialRecord credential = sampleCredential();
    credential.revokedAtMs.reset();
    QVERIFY(syncjson::toJson(credential).value(QStringLiteral("revokedAt")).isNull());
    EntryRecord entry = sampleEntry();
    entry.passedAtMs = 0;
    entry.annulledAtMs = 0;
    QVERIFY(!syncjson::toJson(entry).contains(QStringLiteral("passedAt")));
    QVERIFY(!syncjson::toJson(entry).contains(QStringLiteral("annulledAt")));

    // Null and absent read back as the struct's empty values.
    const Result<MemberCard> parsedCard = syncjson::cardFromJson(syncjson::toJson(card));
    QVERIFY(parsedCard);
    QVERIFY(!parsedCard->frozenAtMs);
    QVERIFY(parsedCard->windows.isUnrestricted());
    const Result<Member> parsedMember = syncjson::memberFromJson(syncjson::toJson(member));
    QVERIFY(parsedMember);
    QVERIFY(!parsedMember->birthday.isValid());
    QCOMPARE(parsedMember->phoneCipher, member.phoneCipher);
    const Result<EntryRecord> parsedEntry = syncjson::entryFromJson(syncjson::toJson(entry));
    QVERIFY(parsedEntry);
    QCOMPARE(parsedEntry->passedAtMs, qint64(0));
    QCOMPARE(parsedEntry->reason, AccessReason::Granted);
}

void TestSyncJson::optionalKeysTakeTheirDefaults()
{
    const Result<Booking> booking = syncjson::bookingFromJson(
        QJsonObject {{QStringLiteral("id"), QStringLiteral("b")}, {QStringLiteral("bookingNo"), QStringLiteral("B1")},
            {QStringLiteral("memberId"), QStringLiteral("m")}, {QStringLiteral("venueId"), QStringLiteral("v")},
            {QStringLiteral("startMs"), 1000}, {QStringLiteral("endMs"), 2000}});
    QVERIFY(booking);
    QCOMPARE(booking->status, BookingStatus::Booked);
    QVERIFY(booking->slotId.isEmpty());
    const Result<Venue> venue = syncjson::venueFromJson(
        QJsonObject {{QStringLiteral("id"), QStringLiteral("v")}, {QStringLiteral("name"), QStringLiteral("Floor")},
            {QStringLiteral("kind"), QStringLiteral("gym_floor")}, {QStringLiteral("status"), QStringLiteral("open")}});
    QVERIFY(venue);
    QCOMPARE(venue->advanceDays, 7);
    QCOMPARE(venue->cancelHours, 2);
    QVERIFY(venue->openingHours.isUnrestricted());
    QVERIFY(!venue->bookingRequired);
    const Result<CardProduct> product = syncjson::productFromJson(
        QJsonObject {{QStringLiteral("id"), QStringLiteral("p")}, {QStringLiteral("name"), QStringLiteral("Month")},
            {QStringLiteral("kind"), QStringLiteral("time")}, {QStringLiteral("priceFen"), 30000}});
    QVERIFY(product);
    QVERIFY(product->active);
    QVERIFY(product->zoneIds.isEmpty());
}

void TestSyncJson::refusalNamesTheField_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value"); // undefined = key removed
    const QJsonValue removed(QJsonValue::Undefined);
    const auto row = [](const char *entity, const char *key, const char *what, const QJsonValue &value) {
        QTest::addRow("%s.%s %s", entity, key, what)
            << QString::fromLatin1(entity) << QString::fromLatin1(key) << value;
    };
    row("member", "id", "missing", removed);
    row("member", "id", "too long", QString(65, QLatin1Char('x')));
    row("member", "memberNo", "blank", QStringLiteral("  "));
    row("member", "name", "number", 5);
    row("member", "phoneHash", "not base64", QStringLiteral("***"));
    row("member", "phoneMask", "missing", removed);
    row("member", "gender", "text", QStringLiteral("male"));
    row("member", "gender", "out of range", 7);
    row("member", "birthday", "not a date", QStringLiteral("1990-13-01"));
    row("member", "status", "unknown", QStringLiteral("deleted"));
    row("member", "createdAt", "fraction", 1.5);
    row("card", "cardNo", "missing", removed);
    row("card", "memberId", "missing", removed);
    row("card", "productId", "object", QJsonObject());
    row("card", "kind", "unknown", QStringLiteral("gold"));
    row("card", "status", "unknown", QStringLiteral("lost"));
    row("card", "validFrom", "missing", removed);
    row("card", "visitsLeft", "too many", 2'000'000);
    row("card", "balanceFen", "text", QStringLiteral("10"));
    row("card", "timeWindows", "bad window", QJsonArray {QJsonObject {{QStringLiteral("days"), QStringLiteral("9")}}});
    row("card", "zones", "numbers", QJsonArray {1, 2});
    row("card", "frozenAt", "negative", -1);
    row("product", "name", "missing", removed);
    row("product", "priceFen", "negative", -5);
    row("product", "validDays", "too long", 40'000);
    row("product", "active", "number", 1);
    row("product", "timeWindows", "object", QJsonObject());
    row("sale", "receiptNo", "missing", removed);
    row("sale", "kind", "unknown", QStringLiteral("gift"));
    row("sale", "amountFen", "missing", removed);
    row("sale", "paymentMethod", "unknown", QStringLiteral("bitcoin"));
    row("sale", "note", "too long", QString(501, QLatin1Char('n')));
    row("credential", "memberId", "missing", removed);
    row("credential", "type", "legacy", QStringLiteral("legacy"));
    row("credential", "kid", "missing", removed);
    row("credential", "issuedAt", "missing", removed);
    row("credential", "revokedAt", "text", QStringLiteral("now"));
    row("venue", "kind", "unknown", QStringLiteral("sauna"));
    row("venue", "capacity", "negative", -1);
    row("venue", "status", "missing", removed);
    row("venue", "openingHours", "not a schedule", QStringLiteral("always"));
    row("venue", "bookingRequired", "text", QStringLiteral("yes"));
    row("venue", "cancelPenaltyPercent", "over 100", 101);
    row("venue", "feePerHourFen", "negative", -1);
    row("maintenance", "venueId", "missing", removed);
    row("maintenance", "startMs", "missing", removed);
    row("maintenance", "endMs", "before start", qint64(1'600'000'000'000));
    row("maintenance", "reason", "number", 3);
    row("course", "name", "blank", QString());
    row("course", "durationMinutes", "zero", 0);
    row("course", "capacity", "zero", 0);
    row("slot", "courseId", "missing", removed);
    row("slot", "coachName", "too long", QString(101, QLatin1Char('c')));
    row("slot", "endMs", "equal to start", qint64(1'700'000'000'000));
    row("slot", "capacity", "missing", removed);
    row("booking", "bookingNo", "missing", removed);
    row("booking", "venueId", "missing", removed);
    row("booking", "status", "rejected", QStringLiteral("rejected"));
    row("booking", "recurrenceId", "number", 1);
    row("booking", "endMs", "missing", removed);
    row("waitlist", "memberId", "missing", removed);
    row("waitlist", "position", "negative", -1);
    row("waitlist", "status", "missing", removed);
    row("entry", "direction", "sideways", QStringLiteral("up"));
    row("entry", "status", "unknown", QStringLiteral("open"));
    row("entry", "reason", "unknown code", QStringLiteral("because"));
    row("entry", "weak", "number", 0);
    row("entry", "decidedAt", "zero", 0);
    row("entry", "visitsDeducted", "too many", 1001);
    row("entry", "passedAt", "text", QStringLiteral("later"));
}

void TestSyncJson::refusalNamesTheField()
{
    QFETCH(QString, entity);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    const Entity sample = entities().value(entity);
    QVERIFY(!sample.parse(sample.json)); // the sample itself is accepted
    QJsonObject data = sample.json;
    if (value.isUndefined())
        data.remove(key);
    else
        data.insert(key, value);
    const std::optional<Error> error = sample.parse(data);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::InvalidArgument);
    QCOMPARE(error->field, QStringLiteral("data.") + key);
    QVERIFY(!error->message.isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncJson)
#include "tst_syncjson.moc"
