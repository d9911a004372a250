// ReceiptPdf writes a real PDF whose text (read back with pdftotext from poppler-utils) holds
// the receipt number, the amount and the payment method.
#include "ui/desk/ReceiptPdf.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;

namespace {

SaleReceipt sampleReceipt()
{
    SaleReceipt receipt;
    receipt.saleId = QStringLiteral("sale-1");
    receipt.receiptNo = QStringLiteral("R10000000042");
    receipt.kind = SaleKind::Sale;
    receipt.gymName = QStringLiteral("Iron Temple Fitness");
    receipt.memberNo = QStringLiteral("M1000000007");
    receipt.memberName = QStringLiteral("Li Na");
    receipt.card.cardNo = QStringLiteral("C1000000009");
    receipt.card.kind = CardKind::Count;
    receipt.card.visitsLeft = 10;
    receipt.productName = QStringLiteral("10 visits");
    receipt.lines.append({QStringLiteral("10 visits (Count card)"), 80'000});
    receipt.amountFen = 80'000;
    receipt.paymentMethod = PaymentMethod::WeChatPay;
    receipt.staffName = QStringLiteral("Wang Fang");
    // 2026-03-02 10:05 in Shanghai.
    receipt.atMs = QDateTime(QDate(2026, 3, 2), QTime(10, 5), QTimeZone("Asia/Shanghai")).toMSecsSinceEpoch();
    receipt.timeZoneId = QByteArrayLiteral("Asia/Shanghai");
    return receipt;
}

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestReceiptPdf : public QObject {
    Q_OBJECT

private slots:
    void writesAReadablePdf();
    void textLinesShowTheSiteTime();
    void refundReceipt();
    void unwritablePathIsAnError();
};

void TestReceiptPdf::writesAReadablePdf()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; scripts/bootstrap installs it");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("receipt.pdf"));
    QVERIFY(ReceiptPdf::write(sampleReceipt(), path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 500);
    QVERIFY(bytes.startsWith("%PDF"));

    const QString text = pdfText(path);
    QVERIFY2(text.contains(QStringLiteral("R10000000042")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Iron Temple Fitness")));
    QVERIFY(text.contains(QStringLiteral("800.00")));
    QVERIFY(text.contains(QStringLiteral("WeChat Pay")));
    QVERIFY(text.contains(QStringLiteral("2026-03-02 10:05")));
    QVERIFY(text.contains(QStringLiteral("Wang Fang")));
}

void TestReceiptPdf::textLinesShowTheSiteTime()
{
    SaleReceipt receipt = sampleReceipt();
    QVERIFY(ReceiptPdf::textLines(receipt).contains(QStringLiteral("Date: 2026-03-02 10:05")));
    receipt.timeZoneId = QByteArrayLiteral("UTC");
    QVERIFY(ReceiptPdf::textLines(receipt).contains(QStringLiteral("Date: 2026-03-02 02:05")));
    QVERIFY(ReceiptPdf::textLines(receipt).contains(QStringLiteral("Visits left: 10")));
}

void TestReceiptPdf::refundReceipt()
{
    SaleReceipt receipt = sampleReceipt();
    receipt.kind = SaleKind::Refund;
    receipt.amountFen = -30'000;
    receipt.note = QStringLiteral("moving away");
    const QStringList lines = ReceiptPdf::textLines(receipt);
    QVERIFY(lines.contains(QStringLiteral("Total: -300.00 yuan")));
    QVERIFY(lines.contains(QStringLiteral("Reason: moving away")));
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        return;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("refund.pdf"));
    QVERIFY(ReceiptPdf::write(receipt, path));
    QVERIFY(pdfText(path).contains(QStringLiteral("Refund receipt")));
}

void TestReceiptPdf::unwritablePathIsAnError()
{
    QTemporaryDir dir;
    const Status written = ReceiptPdf::write(sampleReceipt(), dir.filePath(QStringLiteral("missing/dir/r.pdf")));
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::Io);
}

QTEST_MAIN(TestReceiptPdf)
#include "tst_receiptpdf.moc"
