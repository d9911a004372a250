// The printable member card: the PDF itself is rendered (pdftoppm, poppler-utils) and its QR
// code decoded by an independent reader (zbarimg, zbar-tools); the decoded text must be a
// credential the kiosk accepts: CredentialVerifier over the site's trust store verifies it,
// and DecisionService grants the member with a valid card. A re-issued card's old PDF is
// refused as revoked.
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "scan/QrDecoder.h"
#include "store/MemberCardRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"
#include "store/VenueRepository.h"
#include "ui/desk/MemberCardPdf.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include "desk/MemberTestRig.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60'000))
        return Run {-1, {}, process.errorString()};
    return Run {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestMemberCardPdf : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        for (const char *tool : {"pdftoppm", "pdftotext", "zbarimg"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                "pdftoppm/pdftotext (poppler-utils) and zbarimg (zbar-tools) are needed: run scripts/bootstrap");
    }

    void init()
    {
        m_rig = std::make_unique<MemberRig>(m_dir.filePath(QStringLiteral("card-%1.db").arg(++m_round)));
        m_member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        take(MemberCardRepository(*m_rig->db)
                 .insert(makeCard(m_member.summary.id, QStringLiteral("C1000000001"), CardKind::Count, 10)));
        m_zone = take(VenueRepository(*m_rig->db).insert(makeVenue(QStringLiteral("Floor")), MembersNowMs)).id;
    }

    void cleanup() { m_rig.reset(); }

    void printedCodeDecodesToACredentialTheKioskAccepts_data()
    {
        QTest::addColumn<int>("dpi");
        QTest::newRow("150 dpi") << 150; // a cheap office scan of the printout
        QTest::newRow("300 dpi") << 300;
    }

    void printedCodeDecodesToACredentialTheKioskAccepts()
    {
        QFETCH(int, dpi);
        const MemberCode code
            = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), m_member.summary.id));
        const QString pdf = m_dir.filePath(QStringLiteral("card-%1.pdf").arg(m_round));
        QVERIFY(MemberCardPdf::write(code, pdf));

        const QString decoded = decodePdf(pdf, dpi);
        QCOMPARE(decoded, code.code);

        ScanResult result = decide(decoded);
        QVERIFY2(result.decision.isGranted(), accessReasonCode(result.decision.reason));
        QCOMPARE(result.entry.memberId, m_member.summary.id);
        QCOMPARE(result.entry.credentialId, code.credentialId);
        QCOMPARE(result.entry.credentialKind, QStringLiteral("card"));
    }

    void cardShowsGymMemberAndNumber()
    {
        const MemberCode code
            = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), m_member.summary.id));
        const QString pdf = m_dir.filePath(QStringLiteral("text-%1.pdf").arg(m_round));
        QVERIFY(MemberCardPdf::write(code, pdf));
        const Run text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Harbour Fitness")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("M1000000001")), qPrintable(text.out));
        // The embedded font maps some Han characters to their Kangxi radical twins; NFKC folds them.
        QVERIFY2(text.out.normalized(QString::NormalizationForm_KC).contains(QStringLiteral("王小明")),
            qPrintable(text.out));

        // For the docs (docs/desk/member-card.png): the card as the PDF renders at 300 dpi.
        const QString dir = qEnvironmentVariable("GYMGATE_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QCOMPARE(run(QStringLiteral("pdftoppm"),
                         {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-png"),
                             QStringLiteral("-singlefile"), pdf, QDir(dir).filePath(QStringLiteral("member-card"))})
                         .exitCode,
                0);
        }

        // One card-sized page (85.6 x 54 mm = 243 x 153 pt), landscape.
        const Run info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.out.contains(QRegularExpression(QStringLiteral("Pages: +1\\n"))), qPrintable(info.out));
        QVERIFY2(info.out.contains(
                     QRegularExpression(QStringLiteral("Page size: +24[23](\\.\\d+)? x 15[23](\\.\\d+)? pts"))),
            qPrintable(info.out));
    }

    void previewShowsTheSameCode()
    {
        const MemberCode code
            = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), m_member.summary.id));
        const QImage preview = take(MemberCardPdf::render(code));
        QCOMPARE(preview.width(), qRound(MemberCardPdf::WidthMm / 25.4 * 200));
        QCOMPARE(QrDecoder().decode(preview), std::optional<QString>(code.code));
    }

    void reissuedCardsOldPrintoutIsRefused()
    {
        const MemberCode old
            = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), m_member.summary.id));
        const QString oldPdf = m_dir.filePath(QStringLiteral("old-%1.pdf").arg(m_round));
        QVERIFY(MemberCardPdf::write(old, oldPdf));
        m_rig->clock.advanceMs(1'000);
        const MemberCode fresh
            = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), m_member.summary.id));
        const QString freshPdf = m_dir.filePath(QStringLiteral("new-%1.pdf").arg(m_round));
        QVERIFY(MemberCardPdf::write(fresh, freshPdf));

        ScanResult refused = decide(decodePdf(oldPdf, 200));
        QCOMPARE(refused.decision.reason, AccessReason::CredentialRevoked);
        QVERIFY(decide(decodePdf(freshPdf, 200)).decision.isGranted());
    }

    void unwritablePathIsAnIoError()
    {
        const MemberCode code
            = take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Staff), m_member.summary.id));
        const Status written = MemberCardPdf::write(code, m_dir.filePath(QStringLiteral("no/such/dir/card.pdf")));
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::Io);
        QCOMPARE(written.error().field, QStringLiteral("path"));
    }

private:
    // The first page of the PDF rendered as a printer would, then read by zbar.
    QString decodePdf(const QString &pdf, int dpi)
    {
        const QString base = pdf + QStringLiteral("-%1").arg(dpi);
        const Run render = run(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf,
                base});
        if (render.exitCode != 0)
            qWarning("pdftoppm: %s", qPrintable(render.err));
        const Run zbar = run(
            QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), base + QStringLiteral(".png")});
        if (zbar.exitCode != 0)
            qWarning("zbarimg exit %d: %s", zbar.exitCode, qPrintable(zbar.err));
        return zbar.out.trimmed();
    }

    ScanResult decide(const QString &scanned)
    {
        SqlTrustStore trust(*m_rig->db);
        CredentialVerifier verifier(trust, m_rig->clock);
        SqlAccessDataSource data(*m_rig->db);
        SqlEntryLedger ledger(*m_rig->db);
        DecisionService service(verifier, data, ledger, m_rig->clock, AccessPolicy(), QTimeZone::utc());
        return take(service.decide(scanned.toUtf8(), GateContext {QStringLiteral("gate-1"), m_zone, Direction::In}));
    }

    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<MemberRig> m_rig;
    MemberDetails m_member;
    QString m_zone;
};

QTEST_MAIN(TestMemberCardPdf)
#include "tst_membercardpdf.moc"
