// The sync acceptance test (DESIGN §9) end to end: ONE real hub, TWO desks with their own
// database files, each enrolled and running its own SyncEngine. A member registered and a card
// sold at desk A with the real desk services get in at desk B with the QR code printed at A;
// B's entry shows in the hub's statistics; a code revoked at A is refused at A and at B.
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlMemberDirectory.h"
#include "store/SqlSalesDesk.h"
#include "store/SqlStaffDirectory.h"
#include "store/SqlTrustStore.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"
#include "sync/SyncEngine.h"

#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include "SyncTestSupport.h"

using namespace gymgate;
using namespace synctest;

namespace {

const QTimeZone kSiteZone(QByteArrayLiteral("Asia/Shanghai"));

// What a desk prints member codes with once enrolled: its signing.key under the kid it
// registered with the hub.
SigningKey signingKeyOf(const TestDesk &desk)
{
    const QString kid
        = desk.value(QStringLiteral("SELECT value FROM setting WHERE key = 'device.signingKid'")).toString();
    return test::take(SigningKey::fromSecretKey(kid, desk.keyBytes(QStringLiteral("signing.key"))));
}

} // namespace

class TestSyncE2e : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorText));
        for (TestDesk *desk : {&m_deskA, &m_deskB}) {
            QVERIFY2(desk->open(), qPrintable(desk->errorText));
            const Result<HubCredentials> enrolled
                = desk->enroll(m_hub, desk == &m_deskA ? QStringLiteral("Desk A") : QStringLiteral("Desk B"));
            QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().toString()));
        }
        m_engineA = std::make_unique<SyncEngine>(fastEngineOptions(m_deskA), m_clock);
        m_engineB = std::make_unique<SyncEngine>(fastEngineOptions(m_deskB), m_clock);
        QVERIFY(m_engineA->start());
        QVERIFY(m_engineB->start());
        QTRY_COMPARE_WITH_TIMEOUT(m_engineA->status().state, SyncState::Online, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_engineB->status().state, SyncState::Online, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_engineA->status().realtime && m_engineB->status().realtime, 5000);
    }

    void cleanupTestCase()
    {
        m_engineA.reset();
        m_engineB.reset();
    }

    void memberFromDeskAGetsInAtDeskBUntilRevoked()
    {
        // Desk A: a staff account, a product, a member, a card and a printed code.
        // The chain's admin account came with the pull and logs in offline; it opens a desk
        // account for the front desk, who then works under their own session.
        SqlStaffDirectory staff(*m_deskA.db, m_clock);
        const StaffSession admin = test::take(staff.login(kAdmin, kPassword));
        test::take(staff.createStaff(admin,
            NewStaffAccount {
                QStringLiteral("anna"), QStringLiteral("Anna"), StaffRole::Staff, QStringLiteral("Desk-pass-2026")}));
        const StaffSession session = test::take(staff.login(QStringLiteral("anna"), QStringLiteral("Desk-pass-2026")));
        const FieldCipher cipherA
            = test::take(FieldCipher::loadOrCreateKeyFile(m_deskA.keyPath(QStringLiteral("data.key"))));
        const SigningKey keyA = signingKeyOf(m_deskA);
        SqlMemberDirectory membersA(*m_deskA.db, cipherA, keyA, m_clock);
        SqlSalesDesk salesA(*m_deskA.db, m_clock);

        MemberForm form;
        form.name = QStringLiteral("Wang Fang");
        form.phone = QStringLiteral("13812345678");
        form.gender = Gender::Female;
        const MemberDetails member = test::take(membersA.registerMember(session, form));
        ProductForm product;
        product.name = QStringLiteral("10 visits");
        product.kind = CardKind::Count;
        product.priceFen = 50000;
        product.validDays = 365;
        product.visits = 10;
        const CardProduct saved = test::take(salesA.saveProduct(admin, product));
        const SaleReceipt sale
            = test::take(salesA.sellCard(session, member.summary.id, saved.id, PaymentMethod::Cash, std::nullopt));
        const MemberCode code = test::take(membersA.issueMemberCode(session, member.summary.id));

        // Synced: desk B has the member, the card and A's signing key.
        const QString memberAtB = QStringLiteral("SELECT count(*) FROM member WHERE id = '%1'").arg(member.summary.id);
        const QString cardAtB = QStringLiteral("SELECT visits_left FROM member_card WHERE id = '%1'").arg(sale.card.id);
        QTRY_COMPARE_WITH_TIMEOUT(m_deskB.value(memberAtB).toInt(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_deskB.value(cardAtB).toInt(), 10, 10000);
        QCOMPARE(m_deskB.value(QStringLiteral("SELECT count(*) FROM trusted_key WHERE kid = '%1'").arg(keyA.keyId()))
                     .toInt(),
            1);

        // Desk B's gate grants the code printed at A, and charges the card there.
        const Venue floorB = test::take(
            VenueRepository(*m_deskB.db).insert(test::makeVenue(QStringLiteral("Floor B")), m_clock.nowMs()));
        const ScanResult atB = decide(*m_deskB.db, code.code, floorB.id);
        QVERIFY2(atB.decision.isGranted(), accessReasonCode(atB.decision.reason));
        QCOMPARE(atB.entry.memberId, member.summary.id);
        QVERIFY(SqlEntryLedger(*m_deskB.db).confirmPassage(atB.entry.id, m_clock.nowMs()));

        // The entry reaches the hub and its statistics; A pulls the charged card.
        const QString entryOnHub
            = QStringLiteral("SELECT count(*) FROM entry WHERE id = '%1' AND status = 'passed'").arg(atB.entry.id);
        QTRY_COMPARE_WITH_TIMEOUT(m_hub.count(entryOnHub), 1, 10000);
        const QString today = QDateTime::currentDateTime().toTimeZone(kSiteZone).date().toString(Qt::ISODate);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("startDate"), today);
        query.addQueryItem(QStringLiteral("endDate"), today);
        const HubReply stats = m_hub.process.call("GET",
            QStringLiteral("/api/v1/statistics/overview?") + query.toString(), QJsonValue::Undefined, m_hub.adminToken);
        QVERIFY2(stats.status == 200, qPrintable(describe(stats)));
        const QJsonObject checkIns = dataOf(stats).value(QStringLiteral("checkInStatistics")).toObject();
        QCOMPARE(checkIns.value(QStringLiteral("totalCheckIns")).toInt(), 1);
        QCOMPARE(checkIns.value(QStringLiteral("uniqueMembers")).toInt(), 1);
        QCOMPARE(dataOf(stats).value(QStringLiteral("revenueFen")).toInteger(), 50000);
        const QString cardAtA = QStringLiteral("SELECT visits_left FROM member_card WHERE id = '%1'").arg(sale.card.id);
        QTRY_COMPARE_WITH_TIMEOUT(m_deskA.value(cardAtA).toInt(), 9, 10000);

        // A prints a new code: the old one is revoked at A at once and at B after sync.
        const MemberCode renewed = test::take(membersA.issueMemberCode(session, member.summary.id));
        QVERIFY(renewed.credentialId != code.credentialId);
        const Venue floorA = test::take(
            VenueRepository(*m_deskA.db).insert(test::makeVenue(QStringLiteral("Floor A")), m_clock.nowMs()));
        QCOMPARE(decide(*m_deskA.db, code.code, floorA.id).decision.reason, AccessReason::CredentialRevoked);
        const QString revokedAtB
            = QStringLiteral("SELECT count(*) FROM credential WHERE id = '%1' AND revoked_at IS NOT NULL")
                  .arg(code.credentialId);
        QTRY_COMPARE_WITH_TIMEOUT(m_deskB.value(revokedAtB).toInt(), 1, 10000);
        const ScanResult revoked = decide(*m_deskB.db, code.code, floorB.id);
        QCOMPARE(revoked.decision.reason, AccessReason::CredentialRevoked);
        QCOMPARE(m_deskB.value(cardAtB).toInt(), 9); // nothing charged for a refused code
    }

private:
    // The entry decision as the kiosk makes it, over the desk's own database.
    ScanResult decide(Database &db, const QString &code, const QString &zoneId)
    {
        SqlTrustStore trust(db);
        CredentialVerifier verifier(trust, m_clock);
        SqlAccessDataSource data(db);
        SqlEntryLedger ledger(db);
        DecisionService service(verifier, data, ledger, m_clock, AccessPolicy(), kSiteZone);
        return test::take(
            service.decide(code.toLatin1(), GateContext {QStringLiteral("gate-1"), zoneId, Direction::In}));
    }

    SystemClock m_clock;
    TestHub m_hub;
    TestDesk m_deskA;
    TestDesk m_deskB;
    std::unique_ptr<SyncEngine> m_engineA;
    std::unique_ptr<SyncEngine> m_engineB;
};

QTEST_GUILESS_MAIN(TestSyncE2e)
#include "tst_synce2e.moc"
