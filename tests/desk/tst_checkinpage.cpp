// Manual check-in from the desk: the page over the real entry service, a real SQLite file and
// a real turnstile (gymgate-gatesim over Modbus TCP). The member walks through, the visit is
// charged once, and the audit log names the clerk and the reason.
#include "bridge/GateSimProcess.h"
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "core/EntryService.h"
#include "core/GateSupervisor.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"
#include "ui/desk/CheckInPage.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "drivers/ModbusGateDriver.h"

using namespace gymgate;
using namespace gymgate::test;

Q_DECLARE_METATYPE(gymgate::StaffRole)

namespace {

constexpr qint64 NowMs = 1'750'000'000'000;

StaffSession sessionFor(StaffRole role)
{
    return StaffSession {QStringLiteral("staff-") + QString::fromLatin1(staffRoleName(role)),
        QString::fromLatin1(staffRoleName(role)), QStringLiteral("Wang Fang"), role};
}

// The entry path of one desk PC with one turnstile.
struct Station {
    explicit Station(Database &db, int tcpPort)
        : trust(db), verifier(trust, clock), data(db), ledger(db),
          decisions(verifier, data, ledger, clock, AccessPolicy(), QTimeZone::utc()),
          entries(decisions, ledger, gates, clock)
    {
        bridge::GateProfile profile;
        profile.kind = bridge::ProfileKind::TurnstileRegisters;
        profile.transport = bridge::TransportKind::ModbusTcp;
        profile.tcp.port = tcpPort;
        profile.pollPeriodMs = 30;
        profile.timeoutMs = 300;
        driver = std::make_unique<bridge::ModbusGateDriver>(profile);
        gates.addGate({QStringLiteral("gate-1"), FailPolicy::FailSecure, 3}, driver.get());
    }

    ManualClock clock {NowMs};
    SqlTrustStore trust;
    CredentialVerifier verifier;
    SqlAccessDataSource data;
    SqlEntryLedger ledger;
    DecisionService decisions;
    GateSupervisor gates;
    std::unique_ptr<bridge::ModbusGateDriver> driver;
    EntryService entries;
};

} // namespace

class TestCheckInPage : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_sim = std::make_unique<GateSimProcess>();
        QVERIFY(m_sim->start({QStringLiteral("--pass-delay-ms"), QStringLiteral("20-60")}));
        m_db = openDatabase(m_dir.filePath(QStringLiteral("desk-%1.db").arg(++m_round)));
        QVERIFY(m_db);
        m_member = take(MemberRepository(*m_db).insert(
            makeMember(QStringLiteral("M1000000001"), QStringLiteral("Li Na"), QStringLiteral("13800138000"))));
        m_zone = take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Floor")), NowMs));
        take(MemberCardRepository(*m_db).insert(
            makeCard(m_member.id, QStringLiteral("C1000000001"), CardKind::Count, 3)));
        m_station = std::make_unique<Station>(*m_db, m_sim->tcpPort);
        QVERIFY(
            m_station->entries.addLane({QStringLiteral("gate-1"), QStringLiteral("gate-1"), m_zone.id, Direction::In}));
        m_station->gates.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            m_station->gates.availability(QStringLiteral("gate-1")), GateAvailability::Ready, 5000);
    }

    void cleanup()
    {
        m_station.reset();
        m_db.reset();
        m_sim.reset();
    }

    void clerkLetsTheMemberThroughAndItIsAudited()
    {
        CheckInPage page(m_station->entries, {{QStringLiteral("gate-1"), QStringLiteral("Main gate, in")}},
            [](const QString &id) { return QStringLiteral("Li Na (%1)").arg(id); });
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *button = page.findChild<QPushButton *>(QStringLiteral("letInPushButton"));
        auto *reason = page.findChild<QComboBox *>(QStringLiteral("reasonComboBox"));
        auto *result = page.findChild<QLabel *>(QStringLiteral("checkInResultLabel"));
        QVERIFY(button && reason && result);
        page.setSession(sessionFor(StaffRole::Staff));
        QVERIFY(!button->isEnabled()); // no member yet
        page.setCurrentMember(m_member.id);
        QVERIFY(button->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("checkInMemberLabel"))->text().contains(m_member.id));

        reason->setEditText(QString());
        QTest::keyClicks(reason, QStringLiteral("Phone battery empty"));
        QTest::mouseClick(button, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(
            queryValue(*m_db, QStringLiteral("SELECT status FROM entry")).toString(), QStringLiteral("passed"), 5000);
        QTRY_VERIFY(result->text().contains(QLatin1String("went through")));
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT visits_left FROM member_card")).toInt(), 2);
        QCOMPARE(
            queryValue(*m_db, QStringLiteral("SELECT credential_kind || '/' || staff_id || '/' || note FROM entry"))
                .toString(),
            QStringLiteral("manual/staff-staff/Phone battery empty"));
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT actor || ' ' || action FROM audit_log")).toString(),
            QStringLiteral("staff-staff entry.manual_check_in"));
        QVERIFY(button->isEnabled()); // ready for the next one
    }

    // The same rules as a scan: a blocked member is not let in by hand either.
    void rulesStillApply()
    {
        QVERIFY(MemberRepository(*m_db).setStatus(m_member.id, MemberStatus::Blocked, NowMs));
        CheckInPage page(m_station->entries, {{QStringLiteral("gate-1"), QStringLiteral("Main gate, in")}},
            [](const QString &id) { return id; });
        page.setSession(sessionFor(StaffRole::Admin));
        page.setCurrentMember(m_member.id);
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("letInPushButton")), Qt::LeftButton);
        QTRY_VERIFY(page.findChild<QLabel *>(QStringLiteral("checkInResultLabel"))
                        ->text()
                        .contains(accessReasonMessage(AccessReason::MemberBlocked)));
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT status FROM entry")).toString(), QStringLiteral("denied"));
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT visits_left FROM member_card")).toInt(), 3);
    }

    // Checked at the service, whatever the widget shows: per the permission table, and with a reason.
    void serviceRefusesWhoMayNotAndMissingReason_data()
    {
        QTest::addColumn<StaffRole>("role");
        for (StaffRole role : {StaffRole::Admin, StaffRole::Staff, StaffRole::Technician, StaffRole::Guest})
            QTest::newRow(staffRoleName(role)) << role;
    }

    void serviceRefusesWhoMayNotAndMissingReason()
    {
        QFETCH(StaffRole, role);
        const Result<EntryPhase> noReason = m_station->entries.manualCheckIn(
            sessionFor(role), QStringLiteral("gate-1"), m_member.id, QStringLiteral("  "));
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().code,
            roleMay(role, Permission::ManualCheckIn) ? ErrorCode::InvalidArgument : ErrorCode::PermissionDenied);

        const Result<EntryPhase> asked = m_station->entries.manualCheckIn(
            sessionFor(role), QStringLiteral("gate-1"), m_member.id, QStringLiteral("Forgot the phone"));
        QCOMPARE(asked.has_value(), roleMay(role, Permission::ManualCheckIn));
        if (!asked) {
            QCOMPARE(asked.error().code, ErrorCode::PermissionDenied);
            QVERIFY(!asked.error().message.isEmpty());
            QCOMPARE(rowCount(*m_db, QStringLiteral("entry")), 0);
            QCOMPARE(rowCount(*m_db, QStringLiteral("audit_log")), 0);
        } else {
            QCOMPARE(*asked, EntryPhase::Opening);
            QCOMPARE(rowCount(*m_db, QStringLiteral("audit_log")), 1);
        }
    }

private:
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<GateSimProcess> m_sim;
    std::unique_ptr<Database> m_db;
    Member m_member;
    Venue m_zone;
    std::unique_ptr<Station> m_station;
};

QTEST_MAIN(TestCheckInPage)
#include "tst_checkinpage.moc"
