#include "core/AccessPolicy.h"

#include <QTest>

#include <functional>

using namespace gymgate;

using Mutation = std::function<void(AccessRequest &)>;
Q_DECLARE_METATYPE(Mutation)
Q_DECLARE_METATYPE(gymgate::AccessReason)
Q_DECLARE_METATYPE(gymgate::Verdict)

namespace {

const QTimeZone shanghai("Asia/Shanghai");
constexpr qint64 Minute = 60'000;
constexpr qint64 Day = 24 * 60 * Minute;

// Monday 2026-11-23 10:00 in Shanghai.
const qint64 Now = QDateTime(QDate(2026, 11, 23), QTime(10, 0), shanghai).toMSecsSinceEpoch();

WeeklySchedule schedule(const char *json)
{
    return *WeeklySchedule::fromJson(json);
}

MemberCard card(const char *id, CardKind kind)
{
    MemberCard c;
    c.id = QString::fromLatin1(id);
    c.memberId = QStringLiteral("m1");
    c.kind = kind;
    c.status = CardStatus::Active;
    c.validFromMs = Now - 10 * Day;
    c.validToMs = kind == CardKind::Value ? 0 : Now + 20 * Day;
    c.visitsLeft = kind == CardKind::Count ? 5 : 0;
    c.balanceFen = kind == CardKind::Value ? 10'000 : 0;
    c.perVisitPriceFen = kind == CardKind::Value ? 3'000 : 0;
    return c;
}

EntryFact fact(Direction direction, EntryStatus status, qint64 atMs, const char *zone = "z1")
{
    return EntryFact {QStringLiteral("e"), QString::fromLatin1(zone), direction, status, atMs};
}

// A request that is granted: active member, open gym floor, one count card.
AccessRequest grantedRequest()
{
    AccessRequest request;
    VerifiedCredential credential;
    credential.type = CredentialType::Card;
    credential.payload.type = CredentialType::Card;
    credential.payload.memberId = QStringLiteral("m1");
    credential.credentialId = QStringLiteral("00112233aabbccdd");
    request.credential = credential;
    Member member;
    member.id = QStringLiteral("m1");
    member.status = MemberStatus::Active;
    request.member = member;
    request.cards = {card("count", CardKind::Count)};
    request.zone.id = QStringLiteral("z1");
    request.zone.kind = VenueKind::GymFloor;
    request.zone.status = VenueStatus::Open;
    request.zone.capacity = 100;
    request.zone.openingHours = schedule(R"([{"days":"*","from":"06:00","to":"22:00"}])");
    request.nowMs = Now;
    request.siteTimeZone = shanghai;
    return request;
}

Booking booking(qint64 startMs, BookingStatus status = BookingStatus::Booked)
{
    Booking b;
    b.id = QStringLiteral("b1");
    b.memberId = QStringLiteral("m1");
    b.venueId = QStringLiteral("z1");
    b.startMs = startMs;
    b.endMs = startMs + 60 * Minute;
    b.status = status;
    return b;
}

void denyCredential(AccessRequest &r, AccessReason reason)
{
    r.credential = std::unexpected(reason);
}

} // namespace

class TestAccessPolicy : public QObject {
    Q_OBJECT

private slots:
    void defaultDecisionIsNotAGrant()
    {
        const Decision decision;
        QCOMPARE(decision.verdict, Verdict::Invalid);
        QVERIFY(!decision.isGranted());
        QCOMPARE(int(AccessReason::Invalid), 0);
        QCOMPARE(AccessPolicy().decide(AccessRequest {}).verdict, Verdict::Denied);
    }

    void rules_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<AccessReason>("reason");

        const auto row = [](const char *name, Mutation mutate, AccessReason reason) {
            QTest::newRow(name) << mutate << (reason == AccessReason::Granted ? Verdict::Granted : Verdict::Denied)
                                << reason;
        };

        row(
            "baseline granted", [](AccessRequest &) {}, AccessReason::Granted);
        row(
            "emergency beats everything",
            [](AccessRequest &r) {
                r.emergency = true;
                r.member.reset();
            },
            AccessReason::Emergency);
        for (const AccessReason reason : {AccessReason::GateOffline, AccessReason::GateOutOfOrder}) {
            QTest::newRow(accessReasonCode(reason))
                << Mutation([reason](AccessRequest &r) { r.gateUnavailable = reason; }) << Verdict::Denied << reason;
        }
        row(
            "emergency beats a gate that is out of order",
            [](AccessRequest &r) {
                r.emergency = true;
                r.gateUnavailable = AccessReason::GateOutOfOrder;
            },
            AccessReason::Emergency);

        // Rule 1: every credential failure is passed through unchanged.
        for (const AccessReason reason : {AccessReason::CredentialMalformed, AccessReason::CredentialUnknownKey,
                 AccessReason::CredentialBadSignature, AccessReason::CredentialExpired,
                 AccessReason::CredentialNotYetValid, AccessReason::CredentialRevoked,
                 AccessReason::CredentialKeyRevoked, AccessReason::CredentialReplayed,
                 AccessReason::CredentialLegacyDisabled}) {
            QTest::newRow(accessReasonCode(reason))
                << Mutation([reason](AccessRequest &r) { denyCredential(r, reason); }) << Verdict::Denied << reason;
        }
        row(
            "credential failure without reason is malformed",
            [](AccessRequest &r) { denyCredential(r, AccessReason::Invalid); }, AccessReason::CredentialMalformed);
        row(
            "credential before member",
            [](AccessRequest &r) {
                denyCredential(r, AccessReason::CredentialExpired);
                r.member.reset();
            },
            AccessReason::CredentialExpired);

        // Rule 2: member.
        row(
            "member unknown", [](AccessRequest &r) { r.member.reset(); }, AccessReason::MemberUnknown);
        row(
            "code of another member", [](AccessRequest &r) { r.credential->payload.memberId = QStringLiteral("m2"); },
            AccessReason::MemberUnknown);
        row(
            "member blocked", [](AccessRequest &r) { r.member->status = MemberStatus::Blocked; },
            AccessReason::MemberBlocked);
        row(
            "member deleted", [](AccessRequest &r) { r.member->deletedAtMs = Now - Day; }, AccessReason::MemberDeleted);
        row(
            "member before zone",
            [](AccessRequest &r) {
                r.member->status = MemberStatus::Blocked;
                r.zone.status = VenueStatus::Closed;
            },
            AccessReason::MemberBlocked);

        // Rule 3: zone.
        row(
            "zone status closed", [](AccessRequest &r) { r.zone.status = VenueStatus::Closed; },
            AccessReason::ZoneClosed);
        row(
            "zone before opening hours", [](AccessRequest &r) { r.nowMs = Now - 4 * 60 * Minute - 1; },
            AccessReason::ZoneClosed);
        row(
            "zone at opening time", [](AccessRequest &r) { r.nowMs = Now - 4 * 60 * Minute; }, AccessReason::Granted);
        row(
            "zone status maintenance", [](AccessRequest &r) { r.zone.status = VenueStatus::Maintenance; },
            AccessReason::ZoneMaintenance);
        row(
            "maintenance plan now",
            [](AccessRequest &r) {
                r.maintenance
                    = {Maintenance {QStringLiteral("mt"), QStringLiteral("z1"), Now - Minute, Now + Minute, {}}};
            },
            AccessReason::ZoneMaintenance);
        row(
            "maintenance plan ended",
            [](AccessRequest &r) {
                r.maintenance = {Maintenance {QStringLiteral("mt"), QStringLiteral("z1"), Now - 60 * Minute, Now, {}}};
            },
            AccessReason::Granted);
        row(
            "zone before cards",
            [](AccessRequest &r) {
                r.zone.status = VenueStatus::Closed;
                r.cards.clear();
            },
            AccessReason::ZoneClosed);

        // Rule 4: cards.
        row(
            "no cards", [](AccessRequest &r) { r.cards.clear(); }, AccessReason::CardNone);
        row(
            "only a cancelled card", [](AccessRequest &r) { r.cards[0].status = CardStatus::Cancelled; },
            AccessReason::CardNone);
        row(
            "card expired by date", [](AccessRequest &r) { r.cards[0].validToMs = Now; }, AccessReason::CardExpired);
        row(
            "card marked expired", [](AccessRequest &r) { r.cards[0].status = CardStatus::Expired; },
            AccessReason::CardExpired);
        row(
            "card not yet valid", [](AccessRequest &r) { r.cards[0].validFromMs = Now + 1; },
            AccessReason::CardNotYetValid);
        row(
            "card frozen", [](AccessRequest &r) { r.cards[0].status = CardStatus::Frozen; }, AccessReason::CardFrozen);
        row(
            "card outside time window",
            [](AccessRequest &r) { r.cards[0].windows = schedule(R"([{"days":"1-5","from":"13:00","to":"16:00"}])"); },
            AccessReason::CardOutsideWindow);
        row(
            "card inside time window",
            [](AccessRequest &r) { r.cards[0].windows = schedule(R"([{"days":"1-5","from":"09:00","to":"16:00"}])"); },
            AccessReason::Granted);
        row(
            "card for another zone", [](AccessRequest &r) { r.cards[0].zoneIds = {QStringLiteral("pool")}; },
            AccessReason::CardWrongZone);
        row(
            "card for this zone",
            [](AccessRequest &r) {
                r.cards[0].zoneIds = {QStringLiteral("pool"), QStringLiteral("z1")};
            },
            AccessReason::Granted);
        row(
            "count card without visits", [](AccessRequest &r) { r.cards[0].visitsLeft = 0; },
            AccessReason::CardNoVisits);
        row(
            "value card below price",
            [](AccessRequest &r) {
                r.cards = {card("value", CardKind::Value)};
                r.cards[0].balanceFen = 2'999;
            },
            AccessReason::CardInsufficientBalance);
        row(
            "value card exactly the price",
            [](AccessRequest &r) {
                r.cards = {card("value", CardKind::Value)};
                r.cards[0].balanceFen = 3'000;
            },
            AccessReason::Granted);
        row(
            "most useful failure reported",
            [](AccessRequest &r) {
                MemberCard old = card("old", CardKind::Time);
                old.validToMs = Now - Day;
                r.cards[0].visitsLeft = 0;
                r.cards.prepend(old);
            },
            AccessReason::CardNoVisits);
        row(
            "code bound to an unusable card",
            [](AccessRequest &r) {
                MemberCard frozen = card("frozen", CardKind::Time);
                frozen.status = CardStatus::Frozen;
                r.cards.append(frozen);
                r.credential->payload.cardId = QStringLiteral("frozen");
            },
            AccessReason::CardFrozen);
        row(
            "code bound to a missing card",
            [](AccessRequest &r) { r.credential->payload.cardId = QStringLiteral("x"); }, AccessReason::CardNone);

        // Rule 5: booking-required zones, grace 15 min before to 10 min after the start.
        const auto studio = [](AccessRequest &r) {
            r.zone.bookingRequired = true;
        };
        row("studio without booking", studio, AccessReason::BookingRequired);
        row(
            "studio booking starts in 15 min",
            [studio](AccessRequest &r) {
                studio(r);
                r.bookings = {booking(Now + 15 * Minute)};
            },
            AccessReason::Granted);
        row(
            "studio booking starts in 16 min",
            [studio](AccessRequest &r) {
                studio(r);
                r.bookings = {booking(Now + 16 * Minute)};
            },
            AccessReason::BookingRequired);
        row(
            "studio booking started 10 min ago",
            [studio](AccessRequest &r) {
                studio(r);
                r.bookings = {booking(Now - 10 * Minute)};
            },
            AccessReason::Granted);
        row(
            "studio booking started 11 min ago",
            [studio](AccessRequest &r) {
                studio(r);
                r.bookings = {booking(Now - 11 * Minute)};
            },
            AccessReason::BookingRequired);
        row(
            "studio booking cancelled",
            [studio](AccessRequest &r) {
                studio(r);
                r.bookings = {booking(Now, BookingStatus::Cancelled)};
            },
            AccessReason::BookingRequired);
        row(
            "studio booking for another venue",
            [studio](AccessRequest &r) {
                studio(r);
                r.bookings = {booking(Now)};
                r.bookings[0].venueId = QStringLiteral("z2");
            },
            AccessReason::BookingRequired);
        row(
            "booking checked after card",
            [studio](AccessRequest &r) {
                studio(r);
                r.cards.clear();
            },
            AccessReason::CardNone);

        // Rule 6: anti-passback.
        const auto hardApb = [](AccessRequest &r) {
            r.zone.antiPassback = AntiPassbackMode::Hard;
            r.zone.antiPassbackMinutes = 5;
        };
        row(
            "hard anti-passback inside window",
            [hardApb](AccessRequest &r) {
                hardApb(r);
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - 4 * Minute)};
            },
            AccessReason::AntiPassback);
        row(
            "hard anti-passback pending entry counts",
            [hardApb](AccessRequest &r) {
                hardApb(r);
                r.recentEntries = {fact(Direction::In, EntryStatus::Pending, Now - Minute)};
            },
            AccessReason::AntiPassback);
        row(
            "anti-passback window over",
            [hardApb](AccessRequest &r) {
                hardApb(r);
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - 5 * Minute)};
            },
            AccessReason::Granted);
        row(
            "anti-passback cleared by exit",
            [hardApb](AccessRequest &r) {
                hardApb(r);
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - 4 * Minute),
                    fact(Direction::Out, EntryStatus::Passed, Now - 2 * Minute)};
            },
            AccessReason::Granted);
        row(
            "annulled entry does not count",
            [hardApb](AccessRequest &r) {
                hardApb(r);
                r.recentEntries = {fact(Direction::In, EntryStatus::Annulled, Now - Minute)};
            },
            AccessReason::Granted);
        row(
            "entry in another zone does not count",
            [hardApb](AccessRequest &r) {
                hardApb(r);
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - Minute, "z2")};
            },
            AccessReason::Granted);
        row(
            "soft anti-passback grants",
            [](AccessRequest &r) {
                r.zone.antiPassback = AntiPassbackMode::Soft;
                r.zone.antiPassbackMinutes = 5;
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - Minute)};
            },
            AccessReason::Granted);
        row(
            "anti-passback before daily limit",
            [hardApb](AccessRequest &r) {
                hardApb(r);
                r.zone.dailyEntryLimit = 1;
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - Minute)};
            },
            AccessReason::AntiPassback);

        // Rule 7: daily limit, counted from local midnight.
        const auto limitTwo = [](AccessRequest &r) {
            r.zone.dailyEntryLimit = 2;
        };
        row(
            "daily limit reached",
            [limitTwo](AccessRequest &r) {
                limitTwo(r);
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - 3 * 60 * Minute),
                    fact(Direction::In, EntryStatus::Passed, Now - 2 * 60 * Minute)};
            },
            AccessReason::DailyLimit);
        row(
            "daily limit counts from local midnight",
            [limitTwo](AccessRequest &r) {
                limitTwo(r);
                // 09:59 and 10:01 local the previous evening are yesterday: only one entry today.
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - 10 * 60 * Minute - 1),
                    fact(Direction::In, EntryStatus::Passed, Now - 2 * 60 * Minute)};
            },
            AccessReason::Granted);
        row(
            "daily limit ignores exits and denials",
            [limitTwo](AccessRequest &r) {
                limitTwo(r);
                r.recentEntries = {fact(Direction::Out, EntryStatus::Passed, Now - 60 * Minute),
                    fact(Direction::In, EntryStatus::Denied, Now - 50 * Minute),
                    fact(Direction::In, EntryStatus::Passed, Now - 40 * Minute)};
            },
            AccessReason::Granted);
        row(
            "daily limit before capacity",
            [limitTwo](AccessRequest &r) {
                limitTwo(r);
                r.occupancy = 100;
                r.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - 3 * 60 * Minute),
                    fact(Direction::In, EntryStatus::Passed, Now - 2 * 60 * Minute)};
            },
            AccessReason::DailyLimit);

        // Rule 8: capacity.
        row(
            "zone full", [](AccessRequest &r) { r.occupancy = 100; }, AccessReason::ZoneFull);
        row(
            "zone one place left", [](AccessRequest &r) { r.occupancy = 99; }, AccessReason::Granted);
        row(
            "unlimited capacity",
            [](AccessRequest &r) {
                r.zone.capacity = 0;
                r.occupancy = 5000;
            },
            AccessReason::Granted);

        // Exits: only credential, member and zone matter.
        row(
            "exit without card",
            [](AccessRequest &r) {
                r.direction = Direction::Out;
                r.cards.clear();
                r.occupancy = 100;
            },
            AccessReason::Granted);
        row(
            "exit of a blocked member",
            [](AccessRequest &r) {
                r.direction = Direction::Out;
                r.member->status = MemberStatus::Blocked;
            },
            AccessReason::MemberBlocked);
    }

    void rules()
    {
        QFETCH(Mutation, mutate);
        QFETCH(Verdict, verdict);
        QFETCH(AccessReason, reason);
        AccessRequest request = grantedRequest();
        mutate(request);
        const Decision decision = AccessPolicy().decide(request);
        QCOMPARE(decision.reason, reason);
        QCOMPARE(decision.verdict, verdict);
        QCOMPARE(decision.decidedAtMs, request.nowMs);
        if (!decision.isGranted()) {
            QVERIFY(decision.cardId.isEmpty());
            QCOMPARE(decision.deduction, Deduction {});
        }
    }

    void cardChoice_data()
    {
        QTest::addColumn<QList<MemberCard>>("cards");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<int>("visits");
        QTest::addColumn<qint64>("fen");

        const MemberCard time = card("time", CardKind::Time);
        const MemberCard count = card("count", CardKind::Count);
        const MemberCard value = card("value", CardKind::Value);
        QTest::newRow("time first") << QList {value, count, time} << "time" << 0 << qint64(0);
        QTest::newRow("count before value") << QList {value, count} << "count" << 1 << qint64(0);
        QTest::newRow("value charges the price") << QList {value} << "value" << 0 << qint64(3000);
        MemberCard frozenTime = time;
        frozenTime.status = CardStatus::Frozen;
        QTest::newRow("unusable time card skipped") << QList {frozenTime, value, count} << "count" << 1 << qint64(0);
        MemberCard soonCount = count;
        soonCount.id = QStringLiteral("soon");
        soonCount.validToMs = Now + Day;
        QTest::newRow("same kind: earliest expiry first") << QList {count, soonCount} << "soon" << 1 << qint64(0);
    }

    void cardChoice()
    {
        QFETCH(QList<MemberCard>, cards);
        QFETCH(QString, chosen);
        QFETCH(int, visits);
        QFETCH(qint64, fen);
        AccessRequest request = grantedRequest();
        request.cards = cards;
        const Decision decision = AccessPolicy().decide(request);
        QVERIFY(decision.isGranted());
        QCOMPARE(decision.cardId, chosen);
        QCOMPARE(decision.deduction, (Deduction {visits, fen}));
    }

    void cardPreferenceIsConfigurable()
    {
        AccessPolicyConfig config;
        config.cardPreference = {CardKind::Value, CardKind::Count, CardKind::Time};
        AccessRequest request = grantedRequest();
        request.cards = {card("time", CardKind::Time), card("value", CardKind::Value)};
        QCOMPARE(AccessPolicy(config).decide(request).cardId, QStringLiteral("value"));
        QCOMPARE(AccessPolicy().decide(request).cardId, QStringLiteral("time"));
    }

    void bookingGraceIsConfigurable()
    {
        AccessPolicyConfig config;
        config.bookingGraceBeforeMs = 30 * Minute;
        AccessRequest request = grantedRequest();
        request.zone.bookingRequired = true;
        request.bookings = {booking(Now + 25 * Minute)};
        QCOMPARE(AccessPolicy(config).decide(request).reason, AccessReason::Granted);
        QCOMPARE(AccessPolicy().decide(request).reason, AccessReason::BookingRequired);
    }

    void grantCarriesBookingAndWarnings()
    {
        AccessRequest request = grantedRequest();
        request.zone.bookingRequired = true;
        request.zone.antiPassback = AntiPassbackMode::Soft;
        request.zone.antiPassbackMinutes = 5;
        request.bookings = {booking(Now)};
        request.recentEntries = {fact(Direction::In, EntryStatus::Passed, Now - Minute)};
        request.credential->weak = true;
        const Decision decision = AccessPolicy().decide(request);
        QVERIFY(decision.isGranted());
        QCOMPARE(decision.memberId, QStringLiteral("m1"));
        QCOMPARE(decision.bookingId, QStringLiteral("b1"));
        QVERIFY(decision.warnings.contains(AccessReason::AntiPassbackSoft));
        QVERIFY(decision.warnings.contains(AccessReason::WeakCredential));
    }

    void everyReasonHasStableCodeAndMessages()
    {
        QSet<QString> codes;
        for (const AccessReason reason : allAccessReasons()) {
            const QString code = QString::fromLatin1(accessReasonCode(reason));
            QVERIFY2(!code.isEmpty(), qPrintable(QString::number(int(reason))));
            QVERIFY2(!codes.contains(code), qPrintable(code));
            codes.insert(code);
            QCOMPARE(accessReasonFromCode(code), reason);
            QVERIFY(!accessReasonMessage(reason).isEmpty());
            QVERIFY(!accessReasonAdvice(reason).isEmpty());
        }
        QCOMPARE(allAccessReasons().size(), int(AccessReason::GateOutOfOrder) + 1);
        QCOMPARE(accessReasonFromCode(QStringLiteral("no.such.code")), AccessReason::Invalid);
        // Stored in the entry log and sent to the hub: these must never change.
        QCOMPARE(accessReasonCode(AccessReason::CardNoVisits), "card.no_visits");
        QCOMPARE(accessReasonCode(AccessReason::CredentialReplayed), "credential.replayed");
    }
};

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
