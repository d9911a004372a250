// DecisionService over the real SQLite adapters: what a scan leaves in the database, and how
// a grant lost to a concurrent scan becomes the denial a later scan would have got.
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "core/MemoryTrustStore.h"
#include "store/KeyRepository.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"
#include "store/VenueRepository.h"

#include <QTest>

#include "StoreTestSupport.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 NowMs = 1'750'000'000'000;

// The entry path as the headless controller wires it, over one database.
struct Rig {
    explicit Rig(Database &db)
        : trust(db), verifier(trust, clock), data(db), ledger(db),
          service(verifier, data, ledger, clock, AccessPolicy(), QTimeZone::utc())
    { }

    ManualClock clock {NowMs};
    SqlTrustStore trust;
    CredentialVerifier verifier;
    SqlAccessDataSource data;
    SqlEntryLedger ledger;
    DecisionService service;
};

} // namespace

class TestDecisionService : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_db = openDatabase(m_dir.filePath(QStringLiteral("decide-%1.db").arg(++m_round)));
        QVERIFY(m_db);
        m_member = take(MemberRepository(*m_db).insert(
            makeMember(QStringLiteral("M1000000001"), QStringLiteral("Li Na"), QStringLiteral("13800138000"))));
        m_zone = take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Floor")), NowMs));
        m_card = take(MemberCardRepository(*m_db).insert(
            makeCard(m_member.id, QStringLiteral("C1000000001"), CardKind::Count, 1)));
        m_key = std::make_unique<SigningKey>(take(SigningKey::generate(QStringLiteral("site100"))));
        QVERIFY(KeyRepository(*m_db).insertKey(
            TrustedKey {m_key->keyId(), m_key->publicKey(), QStringLiteral("hub"), NowMs, {}}));
        m_gate = GateContext {QStringLiteral("gate-1"), m_zone.id, Direction::In};
    }

    void grantPersistsPendingEntryWithDeduction()
    {
        Rig rig(*m_db);
        const QString code = take(CredentialIssuer(*m_key, rig.clock).issueCardCode(m_member.id, {}));

        const ScanResult result = take(rig.service.decide(code.toLatin1(), m_gate));
        QVERIFY(result.decision.isGranted());
        QCOMPARE(result.entry.status, EntryStatus::Pending);
        QCOMPARE(result.entry.cardId, m_card.id);
        QCOMPARE(result.entry.visitsDeducted, 1);
        QCOMPARE(result.card->visitsLeft, 1); // as it was before the charge
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT visits_left FROM member_card")).toInt(), 0);
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT status FROM entry")).toString(), QStringLiteral("pending"));
        QCOMPARE(
            queryValue(*m_db, QStringLiteral("SELECT type FROM outbox")).toString(), QStringLiteral("entry.decided"));

        // The visit is reserved by the pending entry; annulling it (no passage) gives it back.
        QVERIFY(rig.ledger.annul(result.entry.id, QStringLiteral("timeout"), NowMs + 1).has_value());
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT visits_left FROM member_card")).toInt(), 1);
    }

    void deniedScanIsLoggedWithoutCharge()
    {
        Rig rig(*m_db);

        const ScanResult result = take(rig.service.decide("not a code", m_gate));
        QCOMPARE(result.decision.verdict, Verdict::Denied);
        QCOMPARE(result.entry.reason, AccessReason::CredentialMalformed);
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT reason FROM entry")).toString(),
            QStringLiteral("credential.malformed"));
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT visits_left FROM member_card")).toInt(), 1);
    }

    // Two controllers verified the same app token before either stored it (their trust views
    // do not see each other's nonce): the ledger takes the first, the second becomes a replay.
    void tokenRaceBecomesReplayDenial()
    {
        ManualClock clock(NowMs);
        MemoryTrustStore blindTrust; // never learns the used nonce, like a second desk
        blindTrust.addKey(m_key->keyId(), m_key->publicKey());
        CredentialVerifier verifier(blindTrust, clock);
        SqlAccessDataSource data(*m_db);
        SqlEntryLedger ledger(*m_db);
        DecisionService service(verifier, data, ledger, clock, AccessPolicy(), QTimeZone::utc());
        take(MemberCardRepository(*m_db).insert(makeCard(m_member.id, QStringLiteral("C2"), CardKind::Count, 5)));
        const QString token = take(CredentialIssuer(*m_key, clock).issueToken(m_member.id));

        const ScanResult first = take(service.decide(token.toLatin1(), m_gate));
        QVERIFY(first.decision.isGranted());
        const ScanResult second = take(service.decide(token.toLatin1(), m_gate));
        QCOMPARE(second.decision.verdict, Verdict::Denied);
        QCOMPARE(second.decision.reason, AccessReason::CredentialReplayed);
        QCOMPARE(second.entry.status, EntryStatus::Denied);
        QCOMPARE(second.entry.visitsDeducted, 0);
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT sum(visits_left) FROM member_card")).toInt(), 5);
        QCOMPARE(rowCount(*m_db, QStringLiteral("entry")), 2);
    }

    void emergencyDeniesWithoutCharge()
    {
        Rig rig(*m_db);
        rig.service.setEmergency(true);
        const QString code = take(CredentialIssuer(*m_key, rig.clock).issueCardCode(m_member.id, {}));
        const ScanResult result = take(rig.service.decide(code.toLatin1(), m_gate));
        QCOMPARE(result.decision.reason, AccessReason::Emergency);
        QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT visits_left FROM member_card")).toInt(), 1);
    }

    void cleanup() { m_db.reset(); }

private:
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SigningKey> m_key;
    Member m_member;
    Venue m_zone;
    MemberCard m_card;
    GateContext m_gate;
};

QTEST_GUILESS_MAIN(TestDecisionService)
#include "tst_decisionservice.moc"
