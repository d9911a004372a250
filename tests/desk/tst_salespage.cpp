// The sales screens offscreen over the real SqlSalesDesk and a real SQLite file: sell a count
// card and see it on the member, freeze it, refund rights, the product editor's checks as you
// type, and the shift report.
#include "core/Clock.h"
#include "store/MemberRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlSalesDesk.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/ProductsPage.h"
#include "ui/desk/SalesPage.h"
#include "ui/desk/ShiftReportPage.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include "desk/DeskPageTestSupport.h"

using namespace gymgate;
using namespace gymgate::test;

class TestSalesPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sellCountCardAndSeeItOnTheMember();
    void staffCannotRefundAdminCan();
    void freezeFromThePage();
    void productEditorValidatesAsYouType();
    void shiftReportShowsOwnTotals();

private:
    void sellFromPage(SalesPage &page, const QString &productId, PaymentMethod payment);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlSalesDesk> m_desk;
    QString m_memberId;
    CardProduct m_countProduct;
    CardProduct m_valueProduct;
};

void TestSalesPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = openDatabase(m_dir->filePath(QStringLiteral("desk.db")));
    QVERIFY(m_db);
    SettingRepository settings(*m_db);
    QVERIFY(settings.setValue(QStringLiteral("site.number"), QStringLiteral("100")));
    QVERIFY(settings.setValue(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")));
    m_clock = std::make_unique<ManualClock>(
        QDateTime(QDate(2026, 3, 2), QTime(10, 0), QTimeZone("Asia/Shanghai")).toMSecsSinceEpoch());
    m_desk = std::make_unique<SqlSalesDesk>(*m_db, *m_clock);
    m_memberId = take(MemberRepository(*m_db).insert(makeMember(
                          QStringLiteral("M1000000001"), QStringLiteral("Li Na"), QStringLiteral("13800138000"))))
                     .id;
    QVERIFY(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Gym floor")), 0));

    const StaffSession admin = sessionFor(StaffRole::Admin);
    ProductForm count;
    count.name = QStringLiteral("10 visits");
    count.kind = CardKind::Count;
    count.priceFen = 80'000;
    count.validDays = 90;
    count.visits = 10;
    m_countProduct = take(m_desk->saveProduct(admin, count));
    ProductForm value;
    value.name = QStringLiteral("Stored 1000");
    value.kind = CardKind::Value;
    value.priceFen = 100'000;
    value.valueFen = 100'000;
    value.perVisitPriceFen = 3'000;
    m_valueProduct = take(m_desk->saveProduct(admin, value));
}

void TestSalesPage::cleanup()
{
    m_desk.reset();
    m_db.reset();
    m_dir.reset();
}

void TestSalesPage::sellFromPage(SalesPage &page, const QString &productId, PaymentMethod payment)
{
    auto *products = requiredChild<QComboBox>(&page, "productComboBox");
    auto *payments = requiredChild<QComboBox>(&page, "paymentMethodComboBox");
    products->setFocus();
    products->setCurrentIndex(products->findData(productId));
    payments->setCurrentIndex(payments->findData(int(payment)));
    auto *sellButton = requiredChild<QPushButton>(&page, "sellCardPushButton");
    QTRY_VERIFY(sellButton->isEnabled());
    QTest::mouseClick(sellButton, Qt::LeftButton);
}

void TestSalesPage::sellCountCardAndSeeItOnTheMember()
{
    SalesPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    page.show();
    auto *table = requiredChild<QTableView>(&page, "memberCardsTableView");
    auto *sellButton = requiredChild<QPushButton>(&page, "sellCardPushButton");
    QVERIFY(!sellButton->isEnabled()); // no member yet
    page.setCurrentMember(m_memberId);
    QCOMPARE(table->model()->rowCount(), 0);

    auto *products = requiredChild<QComboBox>(&page, "productComboBox");
    products->setCurrentIndex(products->findData(m_countProduct.id));
    QVERIFY(requiredChild<QLabel>(&page, "priceLabel")->text().contains(QStringLiteral("800.00")));
    sellFromPage(page, m_countProduct.id, PaymentMethod::WeChatPay);

    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cellText(table, 0, QStringLiteral("Card no.")), QStringLiteral("C1000000001"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Card")), QStringLiteral("10 visits"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Kind")), QStringLiteral("Count card"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Visits left")), QStringLiteral("10"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Status")), QStringLiteral("Active"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Valid until")), QStringLiteral("2026-05-30"));
    QVERIFY(requiredChild<QLabel>(&page, "salesMessageLabel")->text().contains(QStringLiteral("R10000000001")));
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT payment_method FROM sale")).toString(), QStringLiteral("wechat_pay"));

    // The receipt of that sale can be saved.
    QVERIFY(requiredChild<QPushButton>(&page, "saveReceiptPushButton")->isEnabled());
    QVERIFY(page.lastReceipt());
    QCOMPARE(page.lastReceipt()->receiptNo, QStringLiteral("R10000000001"));
    const QString pdf = m_dir->filePath(QStringLiteral("receipt.pdf"));
    QVERIFY(page.saveReceipt(pdf));
    QVERIFY(readFile(pdf).startsWith("%PDF"));

    // Another member: the table follows.
    page.setCurrentMember(QString());
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!sellButton->isEnabled());
}

void TestSalesPage::staffCannotRefundAdminCan()
{
    SalesPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    page.setCurrentMember(m_memberId);
    page.show();
    sellFromPage(page, m_valueProduct.id, PaymentMethod::Cash);
    auto *table = requiredChild<QTableView>(&page, "memberCardsTableView");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    auto *refundButton = requiredChild<QPushButton>(&page, "cancelWithRefundPushButton");
    QVERIFY(!refundButton->isEnabled());
    QVERIFY(!requiredChild<QLineEdit>(&page, "refundReasonLineEdit")->isEnabled());
    QVERIFY(requiredChild<QPushButton>(&page, "freezeCardPushButton")->isEnabled());

    // Top-up by keyboard: type the amount, press Enter.
    auto *topUp = requiredChild<QLineEdit>(&page, "topUpAmountLineEdit");
    QVERIFY(topUp->isEnabled());
    QTest::keyClicks(topUp, QStringLiteral("50.5"));
    QTest::keyClick(topUp, Qt::Key_Return);
    QTRY_COMPARE(cellText(table, 0, QStringLiteral("Balance (yuan)")), QStringLiteral("1050.50"));

    page.setSession(sessionFor(StaffRole::Admin));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    QVERIFY(!refundButton->isEnabled()); // nothing typed yet
    QTest::keyClicks(requiredChild<QLineEdit>(&page, "refundAmountLineEdit"), QStringLiteral("300"));
    QTest::keyClicks(requiredChild<QLineEdit>(&page, "refundReasonLineEdit"), QStringLiteral("moving away"));
    QTRY_VERIFY(refundButton->isEnabled());
    QTest::mouseClick(refundButton, Qt::LeftButton);
    QTRY_COMPARE(cellText(table, 0, QStringLiteral("Status")), QStringLiteral("Cancelled"));
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT amount_fen FROM sale WHERE kind = 'refund'")).toLongLong(), -30'000);
    QCOMPARE(page.lastReceipt()->kind, SaleKind::Refund);
    QVERIFY(!refundButton->isEnabled());
}

void TestSalesPage::freezeFromThePage()
{
    SalesPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Staff));
    page.setCurrentMember(m_memberId);
    page.show();
    sellFromPage(page, m_countProduct.id, PaymentMethod::Alipay);
    auto *table = requiredChild<QTableView>(&page, "memberCardsTableView");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    auto *freeze = requiredChild<QPushButton>(&page, "freezeCardPushButton");
    auto *unfreeze = requiredChild<QPushButton>(&page, "unfreezeCardPushButton");
    QVERIFY(!unfreeze->isEnabled());
    QTest::mouseClick(freeze, Qt::LeftButton);
    QTRY_COMPARE(cellText(table, 0, QStringLiteral("Status")), QStringLiteral("Frozen"));
    QVERIFY(!freeze->isEnabled()); // the selection is kept across the reload
    QVERIFY(unfreeze->isEnabled());
    m_clock->advanceMs(24LL * 3600 * 1000 * 5);
    QTest::mouseClick(unfreeze, Qt::LeftButton);
    QTRY_COMPARE(cellText(table, 0, QStringLiteral("Status")), QStringLiteral("Active"));
    QCOMPARE(cellText(table, 0, QStringLiteral("Valid until")), QStringLiteral("2026-06-04"));
}

void TestSalesPage::productEditorValidatesAsYouType()
{
    ProductsPage page(*m_desk);
    page.setSession(sessionFor(StaffRole::Admin));
    page.show();
    auto *table = requiredChild<QTableView>(&page, "productsTableView");
    QCOMPARE(table->model()->rowCount(), 2);
    auto *save = requiredChild<QPushButton>(&page, "saveProductPushButton");
    auto *error = requiredChild<QLabel>(&page, "productErrorLabel");
    QVERIFY(!save->isEnabled());
    QVERIFY(error->text().contains(QStringLiteral("name")));

    auto *kind = requiredChild<QComboBox>(&page, "productKindComboBox");
    kind->setCurrentIndex(kind->findData(int(CardKind::Count)));
    QTest::keyClicks(requiredChild<QLineEdit>(&page, "productNameLineEdit"), QStringLiteral("20 visits"));
    QTest::keyClicks(requiredChild<QLineEdit>(&page, "productPriceLineEdit"), QStringLiteral("1200"));
    QVERIFY(!save->isEnabled());
    QVERIFY(error->text().contains(QStringLiteral("visits")));
    auto *visits = requiredChild<QSpinBox>(&page, "productVisitsSpinBox");
    visits->setValue(20);
    QTRY_VERIFY(save->isEnabled());
    QVERIFY(error->text().isEmpty());

    // A broken time window is named at once.
    auto *windows = requiredChild<QLineEdit>(&page, "productWindowsLineEdit");
    QTest::keyClicks(windows, QStringLiteral("[{\"days\":\"1-5\""));
    QVERIFY(!save->isEnabled());
    QVERIFY(error->text().contains(QStringLiteral("time windows")));
    windows->clear();
    QTRY_VERIFY(save->isEnabled());

    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(table->model()->rowCount(), 3);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT visits FROM card_product WHERE name = '20 visits'")).toInt(), 20);

    // Stop selling the selected product.
    auto *toggle = requiredChild<QPushButton>(&page, "toggleProductActivePushButton");
    QTRY_VERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE(
        queryValue(*m_db, QStringLiteral("SELECT active FROM card_product WHERE name = '20 visits'")).toInt(), 0);
    requiredChild<QCheckBox>(&page, "showInactiveProductsCheckBox")->setChecked(false);
    QTRY_COMPARE(table->model()->rowCount(), 2);
}

void TestSalesPage::shiftReportShowsOwnTotals()
{
    const StaffSession staff = sessionFor(StaffRole::Staff);
    QVERIFY(m_desk->sellCard(staff, m_memberId, m_countProduct.id, PaymentMethod::WeChatPay, std::nullopt));
    QVERIFY(m_desk->sellCard(staff, m_memberId, m_valueProduct.id, PaymentMethod::Cash, std::nullopt));
    ShiftReportPage page(*m_desk);
    page.setSession(staff);
    page.show();
    QVERIFY(!requiredChild<QComboBox>(&page, "reportStaffComboBox")->isEnabled());
    auto *exportButton = requiredChild<QPushButton>(&page, "exportCsvPushButton");
    QVERIFY(!exportButton->isEnabled());
    QTest::mouseClick(requiredChild<QPushButton>(&page, "showReportPushButton"), Qt::LeftButton);
    auto *products = requiredChild<QTableView>(&page, "productTotalsTableView");
    auto *payments = requiredChild<QTableView>(&page, "paymentTotalsTableView");
    QTRY_COMPARE(products->model()->rowCount(), 2);
    QCOMPARE(payments->model()->rowCount(), 4);
    const int weChat = rowOf(payments, QStringLiteral("Item"), QStringLiteral("WeChat Pay"));
    QVERIFY(weChat >= 0);
    QCOMPARE(cellText(payments, weChat, QStringLiteral("Amount (yuan)")), QStringLiteral("800.00"));
    QCOMPARE(cellText(payments, weChat, QStringLiteral("Sales")), QStringLiteral("1"));
    const int alipay = rowOf(payments, QStringLiteral("Item"), QStringLiteral("Alipay"));
    QCOMPARE(cellText(payments, alipay, QStringLiteral("Amount (yuan)")), QStringLiteral("0.00"));
    QVERIFY(requiredChild<QLabel>(&page, "reportTotalLabel")->text().contains(QStringLiteral("1800.00")));
    QVERIFY(exportButton->isEnabled());
    const QString csv = m_dir->filePath(QStringLiteral("shift.csv"));
    QVERIFY(page.exportCsv(csv));
    QVERIFY(readFile(csv).startsWith("\xEF\xBB\xBF"));
    QVERIFY(readFile(csv).contains("Total,All,2,1800.00,0,0.00,1800.00"));

    // The admin may pick the clerk.
    page.setSession(sessionFor(StaffRole::Admin));
    QVERIFY(requiredChild<QComboBox>(&page, "reportStaffComboBox")->isEnabled());
}

QTEST_MAIN(TestSalesPage)
#include "tst_salespage.moc"
