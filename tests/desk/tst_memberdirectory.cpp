// SqlMemberDirectory over a real SQLite file: every rule and refusal of registering, editing,
// blocking, searching and issuing member codes, what each role may do, and that a refused or
// failed action leaves no trace (no row, no outbox event, no audit entry).
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "store/AuditLog.h"
#include "store/BookingRepository.h"
#include "store/KeyRepository.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/SaleRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"
#include "store/VenueRepository.h"

#include <QJsonDocument>
#include <QTest>

#include "desk/MemberTestRig.h"

using namespace gymgate;
using namespace gymgate::test;

Q_DECLARE_METATYPE(gymgate::StaffRole)
Q_DECLARE_METATYPE(gymgate::Gender)
Q_DECLARE_METATYPE(gymgate::ErrorCode)

namespace {

// Every method of MemberDirectory, each tried by every role in permissionsFollowTheTable().
enum class Call {
    Invalid = 0,
    Register,
    Update,
    Block,
    Unblock,
    Search,
    Member,
    History,
    IssueCode,
    MemberCode,
};

struct CallInfo {
    Call call;
    const char *name;
    Permission permission;
};

const CallInfo kCalls[] = {
    {Call::Register, "registerMember", Permission::EditMembers},
    {Call::Update, "updateMember", Permission::EditMembers},
    {Call::Block, "blockMember", Permission::BlockMembers},
    {Call::Unblock, "unblockMember", Permission::BlockMembers},
    {Call::Search, "search", Permission::ViewMembers},
    {Call::Member, "member", Permission::ViewMembers},
    {Call::History, "history", Permission::ViewMembers},
    {Call::IssueCode, "issueMemberCode", Permission::IssueMemberCodes},
    {Call::MemberCode, "memberCode", Permission::IssueMemberCodes},
};

// The rows a change would leave behind.
struct Trace {
    qint64 members = 0;
    qint64 outbox = 0;
    qint64 audit = 0;
    qint64 credentials = 0;
    qint64 revoked = 0;
    QString memberState;

    bool operator==(const Trace &) const = default;
};

Trace traceOf(Database &db)
{
    return Trace {rowCount(db, QStringLiteral("member")), rowCount(db, QStringLiteral("outbox")),
        rowCount(db, QStringLiteral("audit_log")), rowCount(db, QStringLiteral("credential")),
        queryValue(db, QStringLiteral("SELECT count(*) FROM credential WHERE revoked_at IS NOT NULL")).toLongLong(),
        queryValue(db,
            QStringLiteral("SELECT group_concat(name || status || phone_mask || coalesce(birthday, '') || "
                           "preferred_language || gender || updated_at, '|') FROM member"))
            .toString()};
}

QStringList names(const QList<MemberSummary> &found)
{
    QStringList out;
    for (const MemberSummary &member : found)
        out.append(member.name);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Call)

class TestMemberDirectory : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_rig = std::make_unique<MemberRig>(m_dir.filePath(QStringLiteral("members-%1.db").arg(++m_round)));
        QVERIFY(m_rig->db);
    }

    void cleanup() { m_rig.reset(); }

    void registerNumbersEncryptsAndRecords()
    {
        const MemberDetails first = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const MemberDetails second = m_rig->add(QStringLiteral("李娜"), QStringLiteral("139 0013 9001"));
        QCOMPARE(first.summary.memberNo, QStringLiteral("M1000000001"));
        QCOMPARE(second.summary.memberNo, QStringLiteral("M1000000002"));
        QCOMPARE(first.summary.phoneMask, QStringLiteral("138****8000"));
        QCOMPARE(second.summary.phoneMask, QStringLiteral("139****9001"));
        QCOMPARE(first.summary.status, MemberStatus::Active);
        QCOMPARE(first.birthday, QDate(1992, 3, 14));
        QCOMPARE(first.createdAtMs, MembersNowMs);

        // At rest the number is only encrypted and hashed; the cipher gives it back.
        const QByteArray stored = queryValue(
            *m_rig->db, QStringLiteral("SELECT phone_cipher FROM member WHERE id = '%1'").arg(first.summary.id))
                                      .toByteArray();
        QVERIFY(!stored.contains("13800138000"));
        QCOMPARE(take(m_rig->cipher.decrypt(stored)), QByteArray("13800138000"));
        QCOMPARE(rowCount(*m_rig->db,
                     QStringLiteral("member WHERE phone_hash = x'")
                         + QString::fromLatin1(m_rig->cipher.lookupHash("13900139001").toHex()) + QLatin1Char('\'')),
            1);

        QCOMPARE(queryValue(*m_rig->db, QStringLiteral("SELECT group_concat(type) FROM outbox")).toString(),
            QStringLiteral("member.created,member.created"));
        const QJsonObject event = QJsonDocument::fromJson(
            queryValue(*m_rig->db, QStringLiteral("SELECT data FROM outbox ORDER BY seq LIMIT 1")).toByteArray())
                                      .object();
        QCOMPARE(event.value(QStringLiteral("memberNo")).toString(), QStringLiteral("M1000000001"));
        QVERIFY(!event.contains(QStringLiteral("phone")));
        const QList<AuditEntry> audit = take(AuditLog(*m_rig->db).list(AuditFilter {}));
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.first().action, QStringLiteral("member.register"));
        QCOMPARE(audit.first().actor, sessionFor(StaffRole::Admin).staffId);
        QCOMPARE(audit.first().entityId, second.summary.id);
        QVERIFY(take(AuditLog(*m_rig->db).verify()).ok);
    }

    void registerContinuesAfterTheHighestNumber()
    {
        take(MemberRepository(*m_rig->db)
                 .insert(
                     makeMember(QStringLiteral("M1000000041"), QStringLiteral("Old"), QStringLiteral("13600000000"))));
        take(MemberRepository(*m_rig->db)
                 .insert(makeMember(
                     QStringLiteral("M2000000099"), QStringLiteral("Other site"), QStringLiteral("13600000001"))));
        QCOMPARE(m_rig->add(QStringLiteral("New"), QStringLiteral("13700000000")).summary.memberNo,
            QStringLiteral("M1000000042"));
    }

    void registerKeepsPhoto()
    {
        MemberForm form = m_rig->form(QStringLiteral("张伟"), QStringLiteral("13512345678"));
        form.photo = QByteArray("\x89PNG fake image bytes");
        const MemberDetails member = take(m_rig->directory->registerMember(sessionFor(StaffRole::Staff), form));
        QCOMPARE(member.photo, *form.photo);
        QCOMPARE(take(m_rig->directory->member(sessionFor(StaffRole::Guest), member.summary.id)).photo, *form.photo);
    }

    void registerRefusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QDate>("birthday");
        QTest::addColumn<QString>("language");
        QTest::addColumn<Gender>("gender");
        QTest::addColumn<int>("photoBytes");
        QTest::addColumn<QString>("field");

        const QDate ok(1990, 1, 1);
        const QString lang = QStringLiteral("zh_CN");
        const QString phone = QStringLiteral("13800138000");
        const QString name = QStringLiteral("王芳");
        QTest::newRow("empty name") << QString() << phone << ok << lang << Gender::Male << 0 << "name";
        QTest::newRow("blank name") << QStringLiteral("   ") << phone << ok << lang << Gender::Male << 0 << "name";
        QTest::newRow("long name") << QString(65, QLatin1Char('a')) << phone << ok << lang << Gender::Male << 0
                                   << "name";
        QTest::newRow("control in name") << QStringLiteral("Li\x01Na") << phone << ok << lang << Gender::Male << 0
                                         << "name";
        QTest::newRow("no phone") << name << QString() << ok << lang << Gender::Male << 0 << "phone";
        QTest::newRow("10 digits") << name << QStringLiteral("1380013800") << ok << lang << Gender::Male << 0
                                   << "phone";
        QTest::newRow("12 digits") << name << QStringLiteral("138001380001") << ok << lang << Gender::Male << 0
                                   << "phone";
        QTest::newRow("second digit 2") << name << QStringLiteral("12800138000") << ok << lang << Gender::Male << 0
                                        << "phone";
        QTest::newRow("landline") << name << QStringLiteral("02112345678") << ok << lang << Gender::Male << 0
                                  << "phone";
        QTest::newRow("letters") << name << QStringLiteral("1380013800a") << ok << lang << Gender::Male << 0 << "phone";
        QTest::newRow("country code") << name << QStringLiteral("+8613800138000") << ok << lang << Gender::Male << 0
                                      << "phone";
        QTest::newRow("future birthday") << name << phone << QDate(2030, 1, 1) << lang << Gender::Male << 0
                                         << "birthday";
        QTest::newRow("tomorrow in Shanghai")
            << name << phone << QDate(2025, 10, 10) << lang << Gender::Male << 0 << "birthday";
        QTest::newRow("1899") << name << phone << QDate(1899, 12, 31) << lang << Gender::Male << 0 << "birthday";
        QTest::newRow("language fr") << name << phone << ok << QStringLiteral("fr") << Gender::Male << 0
                                     << "preferredLanguage";
        QTest::newRow("language empty") << name << phone << ok << QString() << Gender::Male << 0 << "preferredLanguage";
        QTest::newRow("gender invalid") << name << phone << ok << lang << Gender::Invalid << 0 << "gender";
        QTest::newRow("photo too large") << name << phone << ok << lang << Gender::Male
                                         << (MemberDirectory::MaxPhotoBytes + 1) << "photo";
    }

    void registerRefusals()
    {
        QFETCH(QString, name);
        QFETCH(QString, phone);
        QFETCH(QDate, birthday);
        QFETCH(QString, language);
        QFETCH(Gender, gender);
        QFETCH(int, photoBytes);
        QFETCH(QString, field);
        const Trace before = traceOf(*m_rig->db);

        MemberForm form {name, phone, gender, birthday, language, std::nullopt};
        if (photoBytes > 0)
            form.photo = QByteArray(photoBytes, 'x');
        const Result<MemberDetails> result = m_rig->directory->registerMember(sessionFor(StaffRole::Admin), form);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(result.error().field, field);
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(traceOf(*m_rig->db), before);
    }

    void birthdayTodayIsAccepted()
    {
        // 2025-10-09 in Shanghai at the rig's clock.
        MemberForm form = m_rig->form(QStringLiteral("New Born"), QStringLiteral("13800138000"));
        form.birthday = QDate(2025, 10, 9);
        QVERIFY(m_rig->directory->registerMember(sessionFor(StaffRole::Admin), form));
        form.phone = QStringLiteral("13800138001");
        form.birthday = QDate();
        QVERIFY(m_rig->directory->registerMember(sessionFor(StaffRole::Admin), form)); // optional
    }

    void duplicatePhoneIsRefusedClearly()
    {
        m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const Trace before = traceOf(*m_rig->db);
        for (const QString &phone : {QStringLiteral("13800138000"), QStringLiteral("138-0013-8000")}) {
            const Result<MemberDetails> again = m_rig->directory->registerMember(
                sessionFor(StaffRole::Staff), m_rig->form(QStringLiteral("Someone else"), phone));
            QVERIFY(!again);
            QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
            QCOMPARE(again.error().field, QStringLiteral("phone"));
            QVERIFY2(again.error().message.contains(QStringLiteral("M1000000001")), qPrintable(again.error().message));
            QCOMPARE(traceOf(*m_rig->db), before);
        }
    }

    void duplicatePhoneOfClosedMembership()
    {
        const MemberDetails gone = m_rig->add(QStringLiteral("Gone"), QStringLiteral("13800138000"));
        QVERIFY(MemberRepository(*m_rig->db).softDelete(gone.summary.id, MembersNowMs));
        const Result<MemberDetails> again = m_rig->directory->registerMember(
            sessionFor(StaffRole::Admin), m_rig->form(QStringLiteral("Back"), QStringLiteral("13800138000")));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(again.error().field, QStringLiteral("phone"));
    }

    void updateChangesFieldsAndKeepsPhoneWhenEmpty()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        m_rig->clock.advanceMs(60'000);
        MemberForm form = m_rig->form(QStringLiteral("王晓明"), QString());
        form.gender = Gender::Male;
        form.birthday = QDate(1985, 6, 1);
        form.preferredLanguage = QStringLiteral("en");
        const MemberDetails updated
            = take(m_rig->directory->updateMember(sessionFor(StaffRole::Staff), member.summary.id, form));
        QCOMPARE(updated.summary.name, QStringLiteral("王晓明"));
        QCOMPARE(updated.summary.memberNo, member.summary.memberNo);
        QCOMPARE(updated.summary.phoneMask, QStringLiteral("138****8000"));
        QCOMPARE(updated.gender, Gender::Male);
        QCOMPARE(updated.birthday, QDate(1985, 6, 1));
        QCOMPARE(updated.preferredLanguage, QStringLiteral("en"));
        QCOMPARE(updated.updatedAtMs, MembersNowMs + 60'000);

        form.phone = QStringLiteral("15912345678");
        form.photo = QByteArray("photo");
        const MemberDetails rephoned
            = take(m_rig->directory->updateMember(sessionFor(StaffRole::Admin), member.summary.id, form));
        QCOMPARE(rephoned.summary.phoneMask, QStringLiteral("159****5678"));
        QCOMPARE(rephoned.photo, QByteArray("photo"));
        form.photo = QByteArray(); // removes it
        QCOMPARE(take(m_rig->directory->updateMember(sessionFor(StaffRole::Admin), member.summary.id, form)).photo,
            QByteArray());
        QCOMPARE(
            take(m_rig->directory->search(sessionFor(StaffRole::Admin), QStringLiteral("15912345678"), 10)).size(), 1);
        QCOMPARE(
            take(m_rig->directory->search(sessionFor(StaffRole::Admin), QStringLiteral("13800138000"), 10)).size(), 0);

        const QList<AuditEntry> audit = take(AuditLog(*m_rig->db).list(AuditFilter {}));
        QCOMPARE(audit.first().action, QStringLiteral("member.update"));
        QCOMPARE(rowCount(*m_rig->db, QStringLiteral("outbox WHERE type = 'member.updated'")), 3);
    }

    void updateRefusals()
    {
        const MemberDetails first = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        m_rig->add(QStringLiteral("李娜"), QStringLiteral("13900139000"));
        const Trace before = traceOf(*m_rig->db);
        const StaffSession admin = sessionFor(StaffRole::Admin);

        Result<MemberDetails> taken = m_rig->directory->updateMember(
            admin, first.summary.id, m_rig->form(QStringLiteral("X"), QStringLiteral("13900139000")));
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(taken.error().field, QStringLiteral("phone"));
        QVERIFY(taken.error().message.contains(QStringLiteral("M1000000002")));

        Result<MemberDetails> badPhone = m_rig->directory->updateMember(
            admin, first.summary.id, m_rig->form(QStringLiteral("X"), QStringLiteral("1234")));
        QCOMPARE(badPhone.error().field, QStringLiteral("phone"));
        Result<MemberDetails> noName
            = m_rig->directory->updateMember(admin, first.summary.id, m_rig->form(QString(), {}));
        QCOMPARE(noName.error().field, QStringLiteral("name"));
        Result<MemberDetails> missing
            = m_rig->directory->updateMember(admin, QStringLiteral("no-such-id"), m_rig->form(QStringLiteral("X"), {}));
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(traceOf(*m_rig->db), before);

        // Its own number again is no conflict.
        QVERIFY(m_rig->directory->updateMember(
            admin, first.summary.id, m_rig->form(QStringLiteral("X"), QStringLiteral("13800138000"))));
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("name prefix") << QStringLiteral("王")
                                     << QStringList {QStringLiteral("王小明"), QStringLiteral("王芳")};
        QTest::newRow("full name") << QStringLiteral("王芳") << QStringList {QStringLiteral("王芳")};
        QTest::newRow("name contains") << QStringLiteral("小") << QStringList {QStringLiteral("王小明")};
        QTest::newRow("prefix before contains")
            << QStringLiteral("明") << QStringList {QStringLiteral("明华"), QStringLiteral("王小明")};
        QTest::newRow("latin any case") << QStringLiteral("anna")
                                        << QStringList {QStringLiteral("Anna Smith"), QStringLiteral("Joanna Li")};
        QTest::newRow("latin contains") << QStringLiteral("SMI") << QStringList {QStringLiteral("Anna Smith")};
        QTest::newRow("whole phone") << QStringLiteral("13800138000") << QStringList {QStringLiteral("王小明")};
        QTest::newRow("whole phone spaced")
            << QStringLiteral(" 138 0013 8000 ") << QStringList {QStringLiteral("王小明")};
        QTest::newRow("last four") << QStringLiteral("8000")
                                   << QStringList {QStringLiteral("明华"), QStringLiteral("王小明")};
        QTest::newRow("first three") << QStringLiteral("159") << QStringList {QStringLiteral("Anna Smith")};
        QTest::newRow("partial phone no match") << QStringLiteral("1380013") << QStringList {};
        QTest::newRow("member number") << QStringLiteral("M1000000002") << QStringList {QStringLiteral("王芳")};
        QTest::newRow("member number lower") << QStringLiteral("m1000000003") << QStringList {QStringLiteral("明华")};
        QTest::newRow("member number prefix")
            << QStringLiteral("M100000000")
            << QStringList {QStringLiteral("王小明"), QStringLiteral("王芳"), QStringLiteral("明华"),
                   QStringLiteral("Anna Smith"), QStringLiteral("Joanna Li")};
        QTest::newRow("number digits") << QStringLiteral("1000000004") << QStringList {QStringLiteral("Anna Smith")};
        QTest::newRow("nothing") << QStringLiteral("赵") << QStringList {};
        QTest::newRow("empty") << QStringLiteral("  ") << QStringList {};
        QTest::newRow("sql text") << QStringLiteral("' OR 1=1 --") << QStringList {};
        QTest::newRow("like wildcard") << QStringLiteral("%") << QStringList {};
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        m_rig->add(QStringLiteral("王芳"), QStringLiteral("13900139001"));
        m_rig->add(QStringLiteral("明华"), QStringLiteral("13700138000"));
        m_rig->add(QStringLiteral("Anna Smith"), QStringLiteral("15911112222"));
        m_rig->add(QStringLiteral("Joanna Li"), QStringLiteral("18611113333"));
        const MemberDetails gone = m_rig->add(QStringLiteral("王 gone"), QStringLiteral("13600008000"));
        QVERIFY(MemberRepository(*m_rig->db).softDelete(gone.summary.id, MembersNowMs));

        const QList<MemberSummary> found = take(m_rig->directory->search(sessionFor(StaffRole::Guest), text, 50));
        QCOMPARE(names(found), expected);
        for (const MemberSummary &member : found) {
            QVERIFY(member.phoneMask.contains(QStringLiteral("****")));
            QVERIFY(!member.memberNo.isEmpty());
        }
    }

    void searchHonoursLimitAndShowsBlocked()
    {
        for (int i = 0; i < 12; ++i)
            m_rig->add(QStringLiteral("陈%1").arg(i, 2, 10, QLatin1Char('0')),
                QStringLiteral("135000000%1").arg(i, 2, 10, QLatin1Char('0')));
        QCOMPARE(take(m_rig->directory->search(sessionFor(StaffRole::Staff), QStringLiteral("陈"), 5)).size(), 5);
        QCOMPARE(take(m_rig->directory->search(sessionFor(StaffRole::Staff), QStringLiteral("陈"), 0)).size(), 1);
        const QList<MemberSummary> all
            = take(m_rig->directory->search(sessionFor(StaffRole::Staff), QStringLiteral("陈"), 500));
        QCOMPARE(all.size(), 12);
        QCOMPARE(all.first().name, QStringLiteral("陈00"));
        QVERIFY(m_rig->directory->blockMember(sessionFor(StaffRole::Staff), all.first().id, {}));
        QCOMPARE(take(m_rig->directory->search(sessionFor(StaffRole::Staff), QStringLiteral("陈00"), 5)).first().status,
            MemberStatus::Blocked);
    }

    void blockAndUnblock()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const StaffSession staff = sessionFor(StaffRole::Staff);
        QVERIFY(m_rig->directory->blockMember(staff, member.summary.id, QStringLiteral("unpaid fee")));
        QCOMPARE(take(m_rig->directory->member(staff, member.summary.id)).summary.status, MemberStatus::Blocked);

        Trace before = traceOf(*m_rig->db);
        Status again = m_rig->directory->blockMember(staff, member.summary.id, {});
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(traceOf(*m_rig->db), before);
        Status longReason = m_rig->directory->blockMember(staff, member.summary.id, QString(201, QLatin1Char('x')));
        QCOMPARE(longReason.error().field, QStringLiteral("reason"));

        QVERIFY(m_rig->directory->unblockMember(staff, member.summary.id));
        QCOMPARE(take(m_rig->directory->member(staff, member.summary.id)).summary.status, MemberStatus::Active);
        before = traceOf(*m_rig->db);
        QCOMPARE(m_rig->directory->unblockMember(staff, member.summary.id).error().code, ErrorCode::Conflict);
        QCOMPARE(m_rig->directory->blockMember(staff, QStringLiteral("nobody"), {}).error().code, ErrorCode::NotFound);
        QCOMPARE(traceOf(*m_rig->db), before);

        const QList<AuditEntry> audit = take(AuditLog(*m_rig->db).list(AuditFilter {}));
        QCOMPARE(audit.at(0).action, QStringLiteral("member.unblock"));
        QCOMPARE(audit.at(1).action, QStringLiteral("member.block"));
        QCOMPARE(audit.at(1).detail.value(QStringLiteral("reason")).toString(), QStringLiteral("unpaid fee"));
        QCOMPARE(rowCount(*m_rig->db, QStringLiteral("outbox WHERE type = 'member.updated'")), 2);
    }

    void blockedMemberIsRefusedAtTheGate()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const MemberCode code
            = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), member.summary.id));
        take(MemberCardRepository(*m_rig->db)
                 .insert(makeCard(member.summary.id, QStringLiteral("C1000000001"), CardKind::Count, 5)));
        const Venue zone = take(VenueRepository(*m_rig->db).insert(makeVenue(QStringLiteral("Floor")), MembersNowMs));
        QVERIFY(m_rig->directory->blockMember(sessionFor(StaffRole::Staff), member.summary.id, {}));
        QCOMPARE(decide(code.code, zone.id).decision.reason, AccessReason::MemberBlocked);
        QVERIFY(m_rig->directory->unblockMember(sessionFor(StaffRole::Staff), member.summary.id));
        QVERIFY(decide(code.code, zone.id).decision.isGranted());
    }

    void historyListsEverything()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const MemberDetails other = m_rig->add(QStringLiteral("李娜"), QStringLiteral("13900139000"));
        const QString id = member.summary.id;
        const MemberCard card = take(
            MemberCardRepository(*m_rig->db).insert(makeCard(id, QStringLiteral("C1000000001"), CardKind::Count, 5)));
        take(MemberCardRepository(*m_rig->db)
                 .insert(makeCard(other.summary.id, QStringLiteral("C1000000002"), CardKind::Count, 5)));
        const Venue zone = take(VenueRepository(*m_rig->db).insert(makeVenue(QStringLiteral("Floor")), MembersNowMs));
        for (int i = 0; i < 2; ++i) {
            Booking booking;
            booking.bookingNo = QStringLiteral("B10000000%1").arg(i);
            booking.memberId = id;
            booking.venueId = zone.id;
            booking.startMs = MembersNowMs + i * 3'600'000;
            booking.endMs = booking.startMs + 3'600'000;
            booking.status = BookingStatus::Booked;
            booking.createdAtMs = MembersNowMs;
            take(BookingRepository(*m_rig->db).insert(booking));
        }
        Sale sale;
        sale.receiptNo = QStringLiteral("R10000000001");
        sale.memberId = id;
        sale.cardId = card.id;
        sale.kind = SaleKind::Sale;
        sale.amountFen = 88'800;
        sale.paymentMethod = PaymentMethod::WeChatPay;
        sale.createdAtMs = MembersNowMs;
        take(SaleRepository(*m_rig->db).insert(sale));
        const MemberCode first = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Admin), id));
        m_rig->clock.advanceMs(5'000);
        const MemberCode code = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Admin), id));
        QVERIFY(decide(code.code, zone.id).decision.isGranted());

        const MemberHistory history = take(m_rig->directory->history(sessionFor(StaffRole::Guest), id));
        QCOMPARE(history.cards.size(), 1);
        QCOMPARE(history.cards.first().cardNo, QStringLiteral("C1000000001"));
        QCOMPARE(history.entries.size(), 1);
        QCOMPARE(history.entries.first().credentialId, code.credentialId);
        QCOMPARE(history.bookings.size(), 2);
        QCOMPARE(history.bookings.first().bookingNo, QStringLiteral("B100000001")); // newest first
        QCOMPARE(history.sales.size(), 1);
        QCOMPARE(history.sales.first().amountFen, 88'800);
        QCOMPARE(history.sales.first().paymentMethod, QStringLiteral("wechat_pay"));
        QCOMPARE(history.codes.size(), 2);
        QCOMPARE(history.codes.at(0).credentialId, code.credentialId);
        QVERIFY(!history.codes.at(0).revokedAtMs);
        QCOMPARE(history.codes.at(1).credentialId, first.credentialId);
        QVERIFY(history.codes.at(1).revokedAtMs);

        const MemberHistory empty = take(m_rig->directory->history(sessionFor(StaffRole::Guest), other.summary.id));
        QCOMPARE(empty.cards.size(), 1);
        QVERIFY(empty.entries.isEmpty() && empty.bookings.isEmpty() && empty.sales.isEmpty() && empty.codes.isEmpty());
        QCOMPARE(m_rig->directory->history(sessionFor(StaffRole::Guest), QStringLiteral("x")).error().code,
            ErrorCode::NotFound);
    }

    void issuedCodeVerifiesAndReissueRevokesTheOld()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const StaffSession staff = sessionFor(StaffRole::Staff);
        QCOMPARE(m_rig->directory->memberCode(staff, member.summary.id).error().code, ErrorCode::NotFound);

        const MemberCode first = take(m_rig->directory->issueMemberCode(staff, member.summary.id));
        QVERIFY(first.code.startsWith(QStringLiteral("GG1.site100.")));
        QCOMPARE(first.memberNo, QStringLiteral("M1000000001"));
        QCOMPARE(first.memberName, QStringLiteral("王小明"));
        QCOMPARE(first.gymName, QStringLiteral("Harbour Fitness"));
        QCOMPARE(take(m_rig->directory->memberCode(staff, member.summary.id)).code, first.code);
        // The desk key became trusted, so the gates of this site accept the code at once.
        const std::optional<TrustedKey> trusted = take(KeyRepository(*m_rig->db).findKey(QStringLiteral("site100")));
        QVERIFY(trusted);
        QCOMPARE(trusted->publicKey, m_rig->key.publicKey());
        QCOMPARE(trusted->owner, QStringLiteral("desk-1"));

        SqlTrustStore trust(*m_rig->db);
        CredentialVerifier verifier(trust, m_rig->clock);
        const CredentialCheck check = verifier.verify(first.code.toLatin1());
        QVERIFY(check.has_value());
        QCOMPARE(check->type, CredentialType::Card);
        QCOMPARE(check->payload.memberId, member.summary.id);
        QCOMPARE(check->credentialId, first.credentialId);

        m_rig->clock.advanceMs(1'000);
        const MemberCode second = take(m_rig->directory->issueMemberCode(staff, member.summary.id));
        QVERIFY(second.code != first.code);
        QCOMPARE(take(m_rig->directory->memberCode(staff, member.summary.id)).code, second.code);
        QVERIFY(trust.reload());
        QCOMPARE(verifier.verify(first.code.toLatin1()).error(), AccessReason::CredentialRevoked);
        QVERIFY(verifier.verify(second.code.toLatin1()).has_value());

        QCOMPARE(queryValue(*m_rig->db,
                     QStringLiteral("SELECT group_concat(type) FROM (SELECT type FROM outbox WHERE type LIKE "
                                    "'credential.%' ORDER BY seq)"))
                     .toString(),
            QStringLiteral("credential.issued,credential.revoked,credential.issued"));
        const QList<AuditEntry> audit = take(AuditLog(*m_rig->db).list(AuditFilter {}));
        QCOMPARE(audit.first().action, QStringLiteral("member.code_issue"));
        QCOMPARE(audit.first().entityId, second.credentialId);
        QCOMPARE(audit.first().detail.value(QStringLiteral("keyRegistered")).toBool(), false);
        QCOMPARE(audit.at(1).detail.value(QStringLiteral("keyRegistered")).toBool(), true); // the first issue
        QVERIFY(take(AuditLog(*m_rig->db).verify()).ok);
    }

    void reissueLeavesAppTokensAlone()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        CredentialRecord token {QStringLiteral("00112233445566aa"), member.summary.id, {}, CredentialType::Token,
            QStringLiteral("hub"), QStringLiteral("GG1.hub.x.y"), MembersNowMs, MembersNowMs + 60'000, {}};
        QVERIFY(KeyRepository(*m_rig->db).insertCredential(token));
        take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), member.summary.id));
        QCOMPARE(rowCount(*m_rig->db, QStringLiteral("credential WHERE revoked_at IS NULL")), 2);
    }

    void issueRefusals()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const StaffSession staff = sessionFor(StaffRole::Staff);
        QVERIFY(m_rig->directory->blockMember(staff, member.summary.id, {}));
        Trace before = traceOf(*m_rig->db);
        Result<MemberCode> blocked = m_rig->directory->issueMemberCode(staff, member.summary.id);
        QCOMPARE(blocked.error().code, ErrorCode::Conflict);
        QCOMPARE(blocked.error().field, QStringLiteral("status"));
        QCOMPARE(m_rig->directory->issueMemberCode(staff, QStringLiteral("nobody")).error().code, ErrorCode::NotFound);
        QCOMPARE(traceOf(*m_rig->db), before);
        QVERIFY(m_rig->directory->unblockMember(staff, member.summary.id));

        // A trusted key of the same kid that is not this desk's: the gates would refuse the code.
        const SigningKey stranger = take(SigningKey::generate(QStringLiteral("site100")));
        QVERIFY(KeyRepository(*m_rig->db)
                    .insertKey(
                        TrustedKey {stranger.keyId(), stranger.publicKey(), QStringLiteral("hub"), MembersNowMs, {}}));
        before = traceOf(*m_rig->db);
        Result<MemberCode> mismatch = m_rig->directory->issueMemberCode(staff, member.summary.id);
        QCOMPARE(mismatch.error().code, ErrorCode::Crypto);
        QCOMPARE(traceOf(*m_rig->db), before);
    }

    void revokedDeskKeyIssuesNothingAndKeepsOldCode()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        const StaffSession staff = sessionFor(StaffRole::Staff);
        const MemberCode code = take(m_rig->directory->issueMemberCode(staff, member.summary.id));
        QVERIFY(KeyRepository(*m_rig->db).revokeKey(QStringLiteral("site100"), MembersNowMs));
        const Trace before = traceOf(*m_rig->db);
        Result<MemberCode> refused = m_rig->directory->issueMemberCode(staff, member.summary.id);
        QCOMPARE(refused.error().code, ErrorCode::Crypto);
        QCOMPARE(refused.error().field, QStringLiteral("signingKey"));
        QCOMPARE(traceOf(*m_rig->db), before); // the old code was not revoked either
        QCOMPARE(take(m_rig->directory->memberCode(staff, member.summary.id)).code, code.code);
    }

    void permissionsFollowTheTable_data()
    {
        QTest::addColumn<StaffRole>("role");
        QTest::addColumn<Call>("call");
        QTest::addColumn<bool>("allowed");
        for (StaffRole role : {StaffRole::Admin, StaffRole::Staff, StaffRole::Technician, StaffRole::Guest}) {
            for (const CallInfo &info : kCalls)
                QTest::addRow("%s %s", staffRoleName(role), info.name)
                    << role << info.call << roleMay(role, info.permission);
        }
        QTest::addRow("logged out search") << StaffRole::Invalid << Call::Search << false;
        QTest::addRow("logged out register") << StaffRole::Invalid << Call::Register << false;
    }

    void permissionsFollowTheTable()
    {
        QFETCH(StaffRole, role);
        QFETCH(Call, call);
        QFETCH(bool, allowed);
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        if (call == Call::Unblock)
            QVERIFY(m_rig->directory->blockMember(sessionFor(StaffRole::Admin), member.summary.id, {}));
        if (call == Call::MemberCode)
            take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Admin), member.summary.id));
        const StaffSession session = role == StaffRole::Invalid ? StaffSession {} : sessionFor(role);
        const Trace before = traceOf(*m_rig->db);

        const Status status = invoke(call, session, member.summary.id);
        if (allowed) {
            QVERIFY2(status.has_value(), status ? "" : qPrintable(status.error().toString()));
            return;
        }
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!status.error().message.isEmpty());
        QCOMPARE(traceOf(*m_rig->db), before);
    }

private:
    ScanResult decide(const QString &code, const QString &zoneId)
    {
        SqlTrustStore trust(*m_rig->db);
        CredentialVerifier verifier(trust, m_rig->clock);
        SqlAccessDataSource data(*m_rig->db);
        SqlEntryLedger ledger(*m_rig->db);
        DecisionService service(verifier, data, ledger, m_rig->clock, AccessPolicy(), QTimeZone::utc());
        return take(service.decide(code.toLatin1(), GateContext {QStringLiteral("gate-1"), zoneId, Direction::In}));
    }

    Status invoke(Call call, const StaffSession &session, const QString &memberId)
    {
        MemberDirectory &directory = *m_rig->directory;
        const auto status = [](const auto &result) -> Status {
            if (!result)
                return std::unexpected(result.error());
            return {};
        };
        switch (call) {
        case Call::Register:
            return status(
                directory.registerMember(session, m_rig->form(QStringLiteral("李娜"), QStringLiteral("13900139000"))));
        case Call::Update:
            return status(directory.updateMember(session, memberId, m_rig->form(QStringLiteral("王晓明"), {})));
        case Call::Block:
            return directory.blockMember(session, memberId, {});
        case Call::Unblock:
            return directory.unblockMember(session, memberId);
        case Call::Search:
            return status(directory.search(session, QStringLiteral("王"), 10));
        case Call::Member:
            return status(directory.member(session, memberId));
        case Call::History:
            return status(directory.history(session, memberId));
        case Call::IssueCode:
            return status(directory.issueMemberCode(session, memberId));
        case Call::MemberCode:
            return status(directory.memberCode(session, memberId));
        case Call::Invalid:
            break;
        }
        return fail(ErrorCode::Internal, QStringLiteral("unknown call"));
    }

    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<MemberRig> m_rig;
};

QTEST_GUILESS_MAIN(TestMemberDirectory)
#include "tst_memberdirectory.moc"
