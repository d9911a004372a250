// SqlSalesDesk over a real SQLite file: every rule and refusal of card products and sales,
// every role against the permission table, and "a refused or failed action changes nothing".
#include "core/Clock.h"
#include "core/SalesDesk.h"
#include "store/AuditLog.h"
#include "store/MemberRepository.h"
#include "store/SaleRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlSalesDesk.h"
#include "store/StaffRepository.h"
#include "store/StoreTestSupport.h"
#include "store/VenueRepository.h"

#include <QTest>

#include <functional>

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
const QTimeZone kShanghai("Asia/Shanghai");

qint64 shanghaiMs(const QDate &date, const QTime &time = QTime(0, 0))
{
    return QDateTime(date, time, kShanghai).toMSecsSinceEpoch();
}

StaffSession sessionFor(StaffRole role, const QString &id = {})
{
    const QString staffId = id.isEmpty() ? QStringLiteral("staff-") + QString::fromLatin1(staffRoleName(role)) : id;
    return StaffSession {staffId, staffId, QStringLiteral("Clerk ") + staffId, role};
}

// Row counts of everything a sales action may write.
struct Snapshot {
    qint64 products = 0;
    qint64 cards = 0;
    qint64 sales = 0;
    qint64 outbox = 0;
    qint64 audit = 0;
    QString cardRows; // every card's mutable columns, to see an UPDATE
    QString productRows;

    bool operator==(const Snapshot &) const = default;
};

template<typename T>
std::optional<Error> errorOf(const Result<T> &result)
{
    return result ? std::nullopt : std::optional<Error>(result.error());
}

} // namespace

class TestSalesDesk : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void badProductIsRefusedNamingTheField_data();
    void badProductIsRefusedNamingTheField();
    void productIsSavedNormalisedAndAudited();
    void productUpdateAndDeactivate();
    void sellCountCardCreatesCardSaleAndReceipt();
    void sellValueAndTimeCards();
    void sellStartsOnALaterDate();
    void sellRefusals_data();
    void sellRefusals();
    void topUpOnlyValueCards();
    void freezeAndUnfreezeExtendValidity();
    void freezeRefusals();
    void unfrozenCardWithoutExpiryStaysWithoutExpiry();
    void cancelWithRefundCapsTheRefund();
    void cancelledCardCannotBeToppedUpOrFrozen();
    void memberCardsShowPastValidityAsExpired();
    void shiftReportTotalsByProductAndMethod();
    void shiftReportOfOthersNeedsPermission();
    void csvExport();
    void yuanTextAndParsing();
    void everyRoleAgainstThePermissionTable_data();
    void everyRoleAgainstThePermissionTable();
    void loggedOutSessionIsRefused();
    void failureHalfwayChangesNothing();

private:
    Snapshot snapshot();
    CardProduct makeProduct(CardKind kind, const QString &name = {});
    SaleReceipt sell(const QString &productId, PaymentMethod payment = PaymentMethod::Cash,
        const StaffSession &session = sessionFor(StaffRole::Staff));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqlSalesDesk> m_desk;
    QString m_memberId;
    QString m_venueId;
    StaffSession m_admin = sessionFor(StaffRole::Admin);
    StaffSession m_staff = sessionFor(StaffRole::Staff);
};

void TestSalesDesk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = openDatabase(m_dir->filePath(QStringLiteral("sales.db")));
    QVERIFY(m_db);
    SettingRepository settings(*m_db);
    QVERIFY(settings.setValue(QStringLiteral("site.number"), QStringLiteral("123")));
    QVERIFY(settings.setValue(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")));
    QVERIFY(settings.setValue(QStringLiteral("site.name"), QStringLiteral("Iron Temple")));
    m_clock = std::make_unique<ManualClock>(shanghaiMs(QDate(2026, 3, 2), QTime(10, 0)));
    m_desk = std::make_unique<SqlSalesDesk>(*m_db, *m_clock);
    m_memberId = take(MemberRepository(*m_db).insert(makeMember(
                          QStringLiteral("M1230000001"), QStringLiteral("Li Na"), QStringLiteral("13800138000"))))
                     .id;
    m_venueId = take(VenueRepository(*m_db).insert(makeVenue(QStringLiteral("Gym floor")), 0)).id;
    StaffUser clerk;
    clerk.id = m_staff.staffId;
    clerk.username = QStringLiteral("wang");
    clerk.displayName = QStringLiteral("Wang Fang");
    clerk.passwordHash = QStringLiteral("x");
    clerk.role = StaffRole::Staff;
    clerk.createdAtMs = 1;
    QVERIFY(StaffRepository(*m_db).insert(clerk));
}

void TestSalesDesk::cleanup()
{
    m_desk.reset();
    m_db.reset();
    m_dir.reset();
}

Snapshot TestSalesDesk::snapshot()
{
    Snapshot s;
    s.products = rowCount(*m_db, QStringLiteral("card_product"));
    s.cards = rowCount(*m_db, QStringLiteral("member_card"));
    s.sales = rowCount(*m_db, QStringLiteral("sale"));
    s.outbox = rowCount(*m_db, QStringLiteral("outbox"));
    s.audit = rowCount(*m_db, QStringLiteral("audit_log"));
    s.cardRows = queryValue(*m_db,
        QStringLiteral("SELECT group_concat(id || status || valid_to || visits_left || balance_fen || "
                       "coalesce(frozen_at, '-'), ';') FROM member_card"))
                     .toString();
    s.productRows = queryValue(
        *m_db, QStringLiteral("SELECT group_concat(id || name || price_fen || active, ';') FROM card_product"))
                        .toString();
    return s;
}

CardProduct TestSalesDesk::makeProduct(CardKind kind, const QString &name)
{
    ProductForm form;
    form.kind = kind;
    form.priceFen = 50'000;
    switch (kind) {
    case CardKind::Time:
        form.name = name.isEmpty() ? QStringLiteral("Monthly") : name;
        form.validDays = 30;
        break;
    case CardKind::Count:
        form.name = name.isEmpty() ? QStringLiteral("10 visits") : name;
        form.validDays = 90;
        form.visits = 10;
        break;
    case CardKind::Value:
        form.name = name.isEmpty() ? QStringLiteral("Stored 1000") : name;
        form.valueFen = 100'000;
        form.perVisitPriceFen = 2'500;
        break;
    case CardKind::Invalid:
        break;
    }
    return take(m_desk->saveProduct(m_admin, form));
}

SaleReceipt TestSalesDesk::sell(const QString &productId, PaymentMethod payment, const StaffSession &session)
{
    return take(m_desk->sellCard(session, m_memberId, productId, payment, std::nullopt));
}

// ---- products

namespace {

struct BadProduct {
    const char *name;
    std::function<void(ProductForm &, const QString &venueId)> spoil;
    const char *field;
};

const QList<BadProduct> &badProducts()
{
    static const QList<BadProduct> cases {
        {"empty name", [](ProductForm &f, const QString &) { f.name = QStringLiteral("  "); }, "name"},
        {"long name", [](ProductForm &f, const QString &) { f.name = QString(61, QLatin1Char('x')); }, "name"},
        {"no kind", [](ProductForm &f, const QString &) { f.kind = CardKind::Invalid; }, "kind"},
        {"negative price", [](ProductForm &f, const QString &) { f.priceFen = -1; }, "priceFen"},
        {"huge price", [](ProductForm &f, const QString &) { f.priceFen = kSalesMaxMoneyFen + 1; }, "priceFen"},
        {"negative validity", [](ProductForm &f, const QString &) { f.validDays = -1; }, "validDays"},
        {"time card without validity",
            [](ProductForm &f, const QString &) {
                f.kind = CardKind::Time;
                f.validDays = 0;
            },
            "validDays"},
        {"count card without visits", [](ProductForm &f, const QString &) { f.visits = 0; }, "visits"},
        {"value card without value",
            [](ProductForm &f, const QString &) {
                f.kind = CardKind::Value;
                f.valueFen = 0;
                f.perVisitPriceFen = 100;
            },
            "valueFen"},
        {"value card without per-visit price",
            [](ProductForm &f, const QString &) {
                f.kind = CardKind::Value;
                f.valueFen = 10'000;
                f.perVisitPriceFen = 0;
            },
            "perVisitPriceFen"},
        {"per-visit price above value",
            [](ProductForm &f, const QString &) {
                f.kind = CardKind::Value;
                f.valueFen = 10'000;
                f.perVisitPriceFen = 10'001;
            },
            "perVisitPriceFen"},
        {"windows not JSON", [](ProductForm &f, const QString &) { f.windowsJson = QStringLiteral("mornings"); },
            "windows"},
        {"window with a bad hour",
            [](ProductForm &f, const QString &) {
                f.windowsJson = QStringLiteral(R"([{"days":"1-5","from":"25:00","to":"22:00"}])");
            },
            "windows"},
        {"unknown zone",
            [](ProductForm &f, const QString &venueId) {
                f.zoneIds = {venueId, QStringLiteral("no-such-venue")};
            },
            "zoneIds"},
    };
    return cases;
}

} // namespace

void TestSalesDesk::badProductIsRefusedNamingTheField_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < badProducts().size(); ++i)
        QTest::newRow(badProducts().at(i).name) << i;
}

void TestSalesDesk::badProductIsRefusedNamingTheField()
{
    QFETCH(int, index);
    const BadProduct &bad = badProducts().at(index);
    ProductForm form;
    form.name = QStringLiteral("10 visits");
    form.kind = CardKind::Count;
    form.priceFen = 30'000;
    form.validDays = 60;
    form.visits = 10;
    QVERIFY(m_desk->saveProduct(m_admin, form)); // the unspoilt form is fine
    const Snapshot before = snapshot();
    bad.spoil(form, m_venueId);

    Result<CardProduct> saved = m_desk->saveProduct(m_admin, form);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(saved.error().field, QString::fromLatin1(bad.field));
    QVERIFY(!saved.error().message.isEmpty());
    QCOMPARE(snapshot(), before);
}

void TestSalesDesk::productIsSavedNormalisedAndAudited()
{
    ProductForm form;
    form.name = QStringLiteral("  Morning 10  ");
    form.kind = CardKind::Count;
    form.priceFen = 30'000;
    form.validDays = 60;
    form.visits = 10;
    form.valueFen = 999; // does not apply to a count card
    form.perVisitPriceFen = 99;
    form.windowsJson = QStringLiteral(R"([{"days":"1-5","from":"06:00","to":"12:00"}])");
    form.zoneIds = {m_venueId, m_venueId};
    const CardProduct product = take(m_desk->saveProduct(m_admin, form));

    QVERIFY(!product.id.isEmpty());
    QCOMPARE(product.name, QStringLiteral("Morning 10"));
    QCOMPARE(product.valueFen, 0);
    QCOMPARE(product.perVisitPriceFen, 0);
    QCOMPARE(product.zoneIds, QStringList {m_venueId});
    QCOMPARE(product.windows.windows().size(), 1);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT value_fen FROM card_product")).toLongLong(), 0);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT type FROM outbox")).toString(), QStringLiteral("product.saved"));
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log")).toString(), QStringLiteral("product.create"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT actor FROM audit_log")).toString(), m_admin.staffId);
    QVERIFY(take(AuditLog(*m_db).verify()).ok);

    // What the editor gets back shows the same windows again.
    const ProductForm again = ProductForm::fromProduct(product);
    QVERIFY(WeeklySchedule::fromJson(again.windowsJson.toUtf8()));
    QCOMPARE(take(WeeklySchedule::fromJson(again.windowsJson.toUtf8())), product.windows);
}

void TestSalesDesk::productUpdateAndDeactivate()
{
    const CardProduct product = makeProduct(CardKind::Count);
    ProductForm form = ProductForm::fromProduct(product);
    form.priceFen = 45'600;
    const CardProduct updated = take(m_desk->saveProduct(m_admin, form));
    QCOMPARE(updated.id, product.id);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT price_fen FROM card_product")).toLongLong(), 45'600);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC")).toString(),
        QStringLiteral("product.update"));

    form.id = QStringLiteral("no-such-product");
    const Snapshot before = snapshot();
    Result<CardProduct> missing = m_desk->saveProduct(m_admin, form);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().field, QStringLiteral("id"));
    QCOMPARE(snapshot(), before);

    QVERIFY(m_desk->setProductActive(m_admin, product.id, false));
    QCOMPARE(take(m_desk->products(m_staff, false)).size(), 0);
    QCOMPARE(take(m_desk->products(m_admin, true)).size(), 1);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC")).toString(),
        QStringLiteral("product.deactivate"));

    const Snapshot inactive = snapshot();
    Result<SaleReceipt> sold = m_desk->sellCard(m_staff, m_memberId, product.id, PaymentMethod::Cash, std::nullopt);
    QVERIFY(!sold);
    QCOMPARE(sold.error().code, ErrorCode::Conflict);
    QCOMPARE(sold.error().field, QStringLiteral("productId"));
    QCOMPARE(snapshot(), inactive);

    QVERIFY(m_desk->setProductActive(m_admin, product.id, true));
    QCOMPARE(take(m_desk->products(m_staff, false)).size(), 1);
    Result<CardProduct> unknown = m_desk->setProductActive(m_admin, QStringLiteral("nope"), true);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().field, QStringLiteral("productId"));
    QCOMPARE(take(m_desk->zones(m_admin)).size(), 1);
}

// ---- selling

void TestSalesDesk::sellCountCardCreatesCardSaleAndReceipt()
{
    const CardProduct product = makeProduct(CardKind::Count);
    const Snapshot before = snapshot();
    const SaleReceipt receipt = sell(product.id, PaymentMethod::WeChatPay);

    QCOMPARE(receipt.receiptNo, QStringLiteral("R12300000001"));
    QCOMPARE(receipt.card.cardNo, QStringLiteral("C1230000001"));
    QCOMPARE(receipt.card.kind, CardKind::Count);
    QCOMPARE(receipt.card.status, CardStatus::Active);
    QCOMPARE(receipt.card.visitsLeft, 10);
    QCOMPARE(receipt.card.validFromMs, shanghaiMs(QDate(2026, 3, 2)));
    QCOMPARE(receipt.card.validToMs, shanghaiMs(QDate(2026, 5, 31))); // 90 days later, local midnight
    QCOMPARE(receipt.amountFen, 50'000);
    QCOMPARE(receipt.paymentMethod, PaymentMethod::WeChatPay);
    QCOMPARE(receipt.memberName, QStringLiteral("Li Na"));
    QCOMPARE(receipt.memberNo, QStringLiteral("M1230000001"));
    QCOMPARE(receipt.staffName, m_staff.displayName);
    QCOMPARE(receipt.gymName, QStringLiteral("Iron Temple"));
    QCOMPARE(receipt.atMs, m_clock->nowMs());
    QCOMPARE(receipt.lines.size(), 1);

    const Snapshot after = snapshot();
    QCOMPARE(after.cards, before.cards + 1);
    QCOMPARE(after.sales, before.sales + 1);
    QCOMPARE(after.outbox, before.outbox + 2);
    QCOMPARE(after.audit, before.audit + 1);
    const Sale sale = take(SaleRepository(*m_db).findById(receipt.saleId)).value();
    QCOMPARE(sale.kind, SaleKind::Sale);
    QCOMPARE(sale.amountFen, 50'000);
    QCOMPARE(sale.paymentMethod, PaymentMethod::WeChatPay);
    QCOMPARE(sale.staffId, m_staff.staffId);
    QCOMPARE(sale.cardId, receipt.card.id);
    QCOMPARE(sale.memberId, m_memberId);
    QCOMPARE(sale.receiptNo, receipt.receiptNo);
    QCOMPARE(queryValue(*m_db,
                 QStringLiteral("SELECT group_concat(type, ',') FROM (SELECT type FROM outbox "
                                "WHERE type <> 'product.saved' ORDER BY seq)"))
                 .toString(),
        QStringLiteral("card.sold,sale.recorded"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC")).toString(),
        QStringLiteral("card.sell"));
    QVERIFY(take(AuditLog(*m_db).verify()).ok);

    const SaleReceipt second = sell(product.id);
    QCOMPARE(second.card.cardNo, QStringLiteral("C1230000002"));
    QCOMPARE(second.receiptNo, QStringLiteral("R12300000002"));
    QCOMPARE(take(m_desk->memberCards(m_staff, m_memberId)).size(), 2);
}

void TestSalesDesk::sellValueAndTimeCards()
{
    const SaleReceipt value = sell(makeProduct(CardKind::Value).id, PaymentMethod::Alipay);
    QCOMPARE(value.card.balanceFen, 100'000);
    QCOMPARE(value.card.perVisitPriceFen, 2'500);
    QCOMPARE(value.card.validToMs, 0);
    QCOMPARE(value.card.visitsLeft, 0);

    const SaleReceipt time = sell(makeProduct(CardKind::Time).id, PaymentMethod::BankCard);
    QCOMPARE(time.card.validToMs, shanghaiMs(QDate(2026, 4, 1)));
    QCOMPARE(time.card.balanceFen, 0);
    QCOMPARE(time.card.visitsLeft, 0);
}

void TestSalesDesk::sellStartsOnALaterDate()
{
    const CardProduct product = makeProduct(CardKind::Time);
    const SaleReceipt later
        = take(m_desk->sellCard(m_staff, m_memberId, product.id, PaymentMethod::Cash, QDate(2026, 3, 10)));
    QCOMPARE(later.card.validFromMs, shanghaiMs(QDate(2026, 3, 10)));
    QCOMPARE(later.card.validToMs, shanghaiMs(QDate(2026, 4, 9)));
}

void TestSalesDesk::sellRefusals_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("product");
    QTest::addColumn<int>("payment");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");
    const int cash = int(PaymentMethod::Cash);
    QTest::newRow("unknown member") << "nobody"
                                    << "" << cash << QDate() << int(ErrorCode::NotFound) << "memberId";
    QTest::newRow("blocked member") << "blocked"
                                    << "" << cash << QDate() << int(ErrorCode::Conflict) << "memberId";
    QTest::newRow("unknown product") << ""
                                     << "nothing" << cash << QDate() << int(ErrorCode::NotFound) << "productId";
    QTest::newRow("no payment method") << ""
                                       << "" << int(PaymentMethod::Invalid) << QDate()
                                       << int(ErrorCode::InvalidArgument) << "paymentMethod";
    QTest::newRow("starts yesterday") << ""
                                      << "" << cash << QDate(2026, 3, 1) << int(ErrorCode::InvalidArgument)
                                      << "startDate";
    QTest::newRow("starts in two years") << ""
                                         << "" << cash << QDate(2028, 3, 1) << int(ErrorCode::InvalidArgument)
                                         << "startDate";
}

void TestSalesDesk::sellRefusals()
{
    QFETCH(QString, member);
    QFETCH(QString, product);
    QFETCH(int, payment);
    QFETCH(QDate, start);
    QFETCH(int, code);
    QFETCH(QString, field);
    const CardProduct countProduct = makeProduct(CardKind::Count);
    MemberRepository members(*m_db);
    Member blocked = makeMember(QStringLiteral("M1230000002"), QStringLiteral("Zhao"), QStringLiteral("13900139000"));
    blocked.status = MemberStatus::Blocked;
    const QString blockedId = take(members.insert(blocked)).id;
    const QString memberId = member.isEmpty() ? m_memberId : member == QLatin1String("blocked") ? blockedId : member;
    const QString productId = product.isEmpty() ? countProduct.id : product;

    const Snapshot before = snapshot();
    Result<SaleReceipt> sold = m_desk->sellCard(m_staff, memberId, productId, PaymentMethod(payment),
        start.isValid() ? std::optional<QDate>(start) : std::nullopt);
    QVERIFY(!sold);
    QCOMPARE(int(sold.error().code), code);
    QCOMPARE(sold.error().field, field);
    QVERIFY(!sold.error().message.isEmpty());
    QCOMPARE(snapshot(), before);
}

void TestSalesDesk::topUpOnlyValueCards()
{
    const SaleReceipt value = sell(makeProduct(CardKind::Value).id);
    const SaleReceipt count = sell(makeProduct(CardKind::Count).id);
    const SaleReceipt topUp = take(m_desk->topUp(m_staff, value.card.id, 20'000, PaymentMethod::Alipay));
    QCOMPARE(topUp.card.balanceFen, 120'000);
    QCOMPARE(topUp.kind, SaleKind::TopUp);
    QCOMPARE(topUp.amountFen, 20'000);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT balance_fen FROM member_card WHERE id = '%1'").arg(value.card.id))
                 .toLongLong(),
        120'000);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT kind FROM sale WHERE receipt_no = '%1'").arg(topUp.receiptNo))
                 .toString(),
        QStringLiteral("topup"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC")).toString(),
        QStringLiteral("card.topup"));

    const Snapshot before = snapshot();
    Result<SaleReceipt> onCount = m_desk->topUp(m_staff, count.card.id, 20'000, PaymentMethod::Cash);
    QVERIFY(!onCount);
    QCOMPARE(onCount.error().code, ErrorCode::Conflict);
    QCOMPARE(onCount.error().field, QStringLiteral("cardId"));
    for (qint64 amount : {qint64(0), qint64(-100), kSalesMaxMoneyFen + 1}) {
        Result<SaleReceipt> bad = m_desk->topUp(m_staff, value.card.id, amount, PaymentMethod::Cash);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, QStringLiteral("amountFen"));
    }
    Result<SaleReceipt> noPayment = m_desk->topUp(m_staff, value.card.id, 100, PaymentMethod::Invalid);
    QVERIFY(!noPayment);
    QCOMPARE(noPayment.error().field, QStringLiteral("paymentMethod"));
    Result<SaleReceipt> missing = m_desk->topUp(m_staff, QStringLiteral("nope"), 100, PaymentMethod::Cash);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(snapshot(), before);
}

void TestSalesDesk::freezeAndUnfreezeExtendValidity()
{
    const SaleReceipt sold = sell(makeProduct(CardKind::Time).id);
    const qint64 validTo = sold.card.validToMs;
    const qint64 frozenAt = m_clock->nowMs();
    const MemberCard frozen = take(m_desk->freeze(m_staff, sold.card.id));
    QCOMPARE(frozen.status, CardStatus::Frozen);
    QCOMPARE(frozen.frozenAtMs.value_or(0), frozenAt);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT frozen_at FROM member_card")).toLongLong(), frozenAt);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC")).toString(),
        QStringLiteral("card.freeze"));

    // 2 days and 1 hour frozen count as 3 whole days.
    m_clock->advanceMs(2 * kDayMs + 3600 * 1000);
    const MemberCard thawed = take(m_desk->unfreeze(m_staff, sold.card.id));
    QCOMPARE(thawed.status, CardStatus::Active);
    QVERIFY(!thawed.frozenAtMs);
    QCOMPARE(thawed.validToMs, validTo + 3 * kDayMs);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT valid_to FROM member_card")).toLongLong(), validTo + 3 * kDayMs);
    QVERIFY(queryValue(*m_db, QStringLiteral("SELECT frozen_at FROM member_card")).isNull());
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC")).toString(),
        QStringLiteral("card.unfreeze"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT type FROM outbox ORDER BY seq DESC")).toString(),
        QStringLiteral("card.updated"));

    // Frozen and thawed at once: no day is added.
    take(m_desk->freeze(m_staff, sold.card.id));
    QCOMPARE(take(m_desk->unfreeze(m_staff, sold.card.id)).validToMs, validTo + 3 * kDayMs);
}

void TestSalesDesk::freezeRefusals()
{
    const SaleReceipt sold = sell(makeProduct(CardKind::Time).id);
    take(m_desk->freeze(m_staff, sold.card.id));
    Snapshot before = snapshot();
    Result<MemberCard> again = m_desk->freeze(m_staff, sold.card.id);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY(again.error().message.contains(QStringLiteral("frozen already")));
    QCOMPARE(snapshot(), before);

    take(m_desk->unfreeze(m_staff, sold.card.id));
    before = snapshot();
    Result<MemberCard> notFrozen = m_desk->unfreeze(m_staff, sold.card.id);
    QVERIFY(!notFrozen);
    QVERIFY(notFrozen.error().message.contains(QStringLiteral("not frozen")));
    Result<MemberCard> missing = m_desk->freeze(m_staff, QStringLiteral("nope"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().field, QStringLiteral("cardId"));

    m_clock->setNowMs(sold.card.validToMs); // the first instant it is no longer valid
    Result<MemberCard> expired = m_desk->freeze(m_staff, sold.card.id);
    QVERIFY(!expired);
    QVERIFY(expired.error().message.contains(QStringLiteral("expired")));
    QCOMPARE(snapshot(), before);
}

void TestSalesDesk::unfrozenCardWithoutExpiryStaysWithoutExpiry()
{
    const SaleReceipt sold = sell(makeProduct(CardKind::Value).id);
    take(m_desk->freeze(m_staff, sold.card.id));
    m_clock->advanceMs(10 * kDayMs);
    const MemberCard thawed = take(m_desk->unfreeze(m_staff, sold.card.id));
    QCOMPARE(thawed.validToMs, 0);
    QCOMPARE(thawed.status, CardStatus::Active);
}

void TestSalesDesk::cancelWithRefundCapsTheRefund()
{
    const SaleReceipt sold = sell(makeProduct(CardKind::Value).id); // 500 yuan
    take(m_desk->topUp(m_staff, sold.card.id, 10'000, PaymentMethod::Cash)); // +100 yuan
    QCOMPARE(take(m_desk->refundableFen(m_admin, sold.card.id)), 60'000);

    Snapshot before = snapshot();
    Result<SaleReceipt> tooMuch
        = m_desk->cancelWithRefund(m_admin, sold.card.id, 60'001, PaymentMethod::Cash, QStringLiteral("moving"));
    QVERIFY(!tooMuch);
    QCOMPARE(tooMuch.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(tooMuch.error().field, QStringLiteral("refundFen"));
    QVERIFY(tooMuch.error().message.contains(QStringLiteral("600.00")));
    Result<SaleReceipt> negative
        = m_desk->cancelWithRefund(m_admin, sold.card.id, -1, PaymentMethod::Cash, QStringLiteral("moving"));
    QVERIFY(!negative);
    QCOMPARE(negative.error().field, QStringLiteral("refundFen"));
    Result<SaleReceipt> noReason
        = m_desk->cancelWithRefund(m_admin, sold.card.id, 100, PaymentMethod::Cash, QStringLiteral("   "));
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().field, QStringLiteral("reason"));
    Result<SaleReceipt> noPayment
        = m_desk->cancelWithRefund(m_admin, sold.card.id, 100, PaymentMethod::Invalid, QStringLiteral("moving"));
    QVERIFY(!noPayment);
    QCOMPARE(noPayment.error().field, QStringLiteral("paymentMethod"));
    QCOMPARE(snapshot(), before);

    const SaleReceipt refund = take(
        m_desk->cancelWithRefund(m_admin, sold.card.id, 45'000, PaymentMethod::BankCard, QStringLiteral("moving")));
    QCOMPARE(refund.kind, SaleKind::Refund);
    QCOMPARE(refund.amountFen, -45'000);
    QCOMPARE(refund.card.status, CardStatus::Cancelled);
    QCOMPARE(refund.note, QStringLiteral("moving"));
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT status FROM member_card")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT amount_fen FROM sale WHERE kind = 'refund'")).toLongLong(), -45'000);
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT note FROM sale WHERE kind = 'refund'")).toString(),
        QStringLiteral("moving"));
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY seq DESC")).toString(),
        QStringLiteral("card.cancel"));
    QCOMPARE(take(m_desk->refundableFen(m_admin, sold.card.id)), 15'000);

    before = snapshot();
    Result<SaleReceipt> twice
        = m_desk->cancelWithRefund(m_admin, sold.card.id, 0, PaymentMethod::Cash, QStringLiteral("again"));
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
    QCOMPARE(snapshot(), before);
}

void TestSalesDesk::cancelledCardCannotBeToppedUpOrFrozen()
{
    const SaleReceipt sold = sell(makeProduct(CardKind::Value).id);
    take(m_desk->cancelWithRefund(m_admin, sold.card.id, 0, PaymentMethod::Cash, QStringLiteral("test")));
    const Snapshot before = snapshot();
    Result<SaleReceipt> topUp = m_desk->topUp(m_staff, sold.card.id, 1000, PaymentMethod::Cash);
    QVERIFY(!topUp);
    QVERIFY(topUp.error().message.contains(QStringLiteral("cancelled")));
    Result<MemberCard> frozen = m_desk->freeze(m_staff, sold.card.id);
    QVERIFY(!frozen);
    QVERIFY(frozen.error().message.contains(QStringLiteral("cancelled")));
    QCOMPARE(snapshot(), before);
}

void TestSalesDesk::memberCardsShowPastValidityAsExpired()
{
    const SaleReceipt sold = sell(makeProduct(CardKind::Time).id);
    QCOMPARE(take(m_desk->memberCards(m_staff, m_memberId)).first().status, CardStatus::Active);
    m_clock->setNowMs(sold.card.validToMs + 1);
    QCOMPARE(take(m_desk->memberCards(m_staff, m_memberId)).first().status, CardStatus::Expired);
    const Snapshot before = snapshot();
    Result<SaleReceipt> topUp = m_desk->topUp(m_staff, sold.card.id, 100, PaymentMethod::Cash);
    QVERIFY(!topUp); // a time card, and expired
    QCOMPARE(snapshot(), before);
}

// ---- shift reports

void TestSalesDesk::shiftReportTotalsByProductAndMethod()
{
    const CardProduct count = makeProduct(CardKind::Count, QStringLiteral("10 visits"));
    const CardProduct value = makeProduct(CardKind::Value, QStringLiteral("Stored, 1000"));
    const qint64 fromMs = m_clock->nowMs();
    const StaffSession other = sessionFor(StaffRole::Staff, QStringLiteral("other-clerk"));
    sell(count.id, PaymentMethod::WeChatPay); // 500
    sell(count.id, PaymentMethod::Cash); // 500
    const SaleReceipt stored = sell(value.id, PaymentMethod::WeChatPay); // 500
    take(m_desk->topUp(m_staff, stored.card.id, 12'345, PaymentMethod::Alipay)); // 123.45
    sell(count.id, PaymentMethod::BankCard, other); // someone else's
    // The admin refunds on their own shift; the clerk refunds nothing.
    take(m_desk->cancelWithRefund(m_admin, stored.card.id, 20'000, PaymentMethod::Cash, QStringLiteral("ill")));
    m_clock->advanceMs(1000);

    const ShiftReport report = take(m_desk->shiftReport(m_staff, {}, fromMs, m_clock->nowMs()));
    QCOMPARE(report.staffId, m_staff.staffId);
    QCOMPARE(report.staffName, QStringLiteral("Wang Fang"));
    QCOMPARE(report.byProduct.size(), 2);
    QCOMPARE(report.byProduct.at(0).label, QStringLiteral("10 visits"));
    QCOMPARE(report.byProduct.at(0).saleCount, 2);
    QCOMPARE(report.byProduct.at(0).salesFen, 100'000);
    QCOMPARE(report.byProduct.at(1).label, QStringLiteral("Stored, 1000"));
    QCOMPARE(report.byProduct.at(1).saleCount, 2);
    QCOMPARE(report.byProduct.at(1).salesFen, 62'345);
    QCOMPARE(report.byPayment.size(), 4);
    QCOMPARE(report.byPayment.at(0).key, QStringLiteral("cash"));
    QCOMPARE(report.byPayment.at(0).salesFen, 50'000);
    QCOMPARE(report.byPayment.at(1).salesFen, 0); // bank card: only the other clerk
    QCOMPARE(report.byPayment.at(2).salesFen, 100'000);
    QCOMPARE(report.byPayment.at(2).saleCount, 2);
    QCOMPARE(report.byPayment.at(3).salesFen, 12'345);
    QCOMPARE(report.total.saleCount, 4);
    QCOMPARE(report.total.salesFen, 162'345);
    QCOMPARE(report.total.refundCount, 0);

    const ShiftReport admin = take(m_desk->shiftReport(m_admin, {}, fromMs, m_clock->nowMs()));
    QCOMPARE(admin.total.saleCount, 0);
    QCOMPARE(admin.total.refundCount, 1);
    QCOMPARE(admin.total.refundsFen, 20'000);
    QCOMPARE(admin.total.netFen(), -20'000);
    QCOMPARE(admin.byPayment.at(0).refundsFen, 20'000);
    QCOMPARE(admin.byProduct.size(), 1);
    QCOMPARE(admin.byProduct.at(0).label, QStringLiteral("Stored, 1000"));

    // Outside the period: nothing.
    const ShiftReport before = take(m_desk->shiftReport(m_staff, {}, fromMs - 10'000, fromMs));
    QCOMPARE(before.total.saleCount, 0);
    QCOMPARE(before.byProduct.size(), 0);

    Result<ShiftReport> backwards = m_desk->shiftReport(m_staff, {}, fromMs, fromMs);
    QVERIFY(!backwards);
    QCOMPARE(backwards.error().field, QStringLiteral("toMs"));
}

void TestSalesDesk::shiftReportOfOthersNeedsPermission()
{
    const qint64 nowMs = m_clock->nowMs();
    Result<ShiftReport> peek = m_desk->shiftReport(m_staff, m_admin.staffId, nowMs - kDayMs, nowMs);
    QVERIFY(!peek);
    QCOMPARE(peek.error().code, ErrorCode::PermissionDenied);
    QVERIFY(m_desk->shiftReport(m_staff, m_staff.staffId, nowMs - kDayMs, nowMs));
    QVERIFY(m_desk->shiftReport(m_admin, m_staff.staffId, nowMs - kDayMs, nowMs));
    const QList<StaffChoice> staff = take(m_desk->reportStaff(m_admin));
    QCOMPARE(staff.size(), 1);
    QCOMPARE(staff.first().displayName, QStringLiteral("Wang Fang"));
}

void TestSalesDesk::csvExport()
{
    ShiftReport report;
    report.byProduct.append({QStringLiteral("p1"), QStringLiteral("Stored, \"gold\""), 2, 62'345, 1, 5});
    report.byPayment.append({QStringLiteral("cash"), QStringLiteral("Cash"), 1, 100, 0, 0});
    report.total = {QString(), QStringLiteral("All"), 3, 62'445, 1, 5};
    const QByteArray csv = exportShiftReportCsv(report);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(csv.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("Section,Item,Sales,Amount (yuan),Refunds,Refunded (yuan),Net (yuan)"));
    QCOMPARE(lines.at(1), QStringLiteral("Product,\"Stored, \"\"gold\"\"\",2,623.45,1,0.05,623.40"));
    QCOMPARE(lines.at(2), QStringLiteral("Payment,Cash,1,1.00,0,0.00,1.00"));
    QCOMPARE(lines.at(3), QStringLiteral("Total,All,3,624.45,1,0.05,624.40"));

    // Chinese names survive as UTF-8.
    report.byProduct.first().label = QStringLiteral("次卡");
    QVERIFY(QString::fromUtf8(exportShiftReportCsv(report)).contains(QStringLiteral("次卡")));
}

void TestSalesDesk::yuanTextAndParsing()
{
    QCOMPARE(yuanText(0), QStringLiteral("0.00"));
    QCOMPARE(yuanText(5), QStringLiteral("0.05"));
    QCOMPARE(yuanText(123'456), QStringLiteral("1234.56"));
    QCOMPARE(yuanText(-45'000), QStringLiteral("-450.00"));
    QCOMPARE(fenFromYuanText(QStringLiteral("12")), std::optional<qint64>(1200));
    QCOMPARE(fenFromYuanText(QStringLiteral("12.3")), std::optional<qint64>(1230));
    QCOMPARE(fenFromYuanText(QStringLiteral(" 0.05 ")), std::optional<qint64>(5));
    QCOMPARE(fenFromYuanText(QStringLiteral("1.234")), std::nullopt);
    QCOMPARE(fenFromYuanText(QStringLiteral("-1")), std::nullopt);
    QCOMPARE(fenFromYuanText(QStringLiteral("")), std::nullopt);
    QCOMPARE(fenFromYuanText(QStringLiteral("1e3")), std::nullopt);
    QCOMPARE(fenFromYuanText(QStringLiteral(".5")), std::nullopt);
}

// ---- roles

namespace {

// What every method needs; "own shift report" needs nothing but a valid session.
struct MethodCase {
    const char *name;
    Permission permission; // Invalid = any logged-in session
};

const QList<MethodCase> &methodCases()
{
    static const QList<MethodCase> cases {{"products", Permission::SellCards},
        {"productsWithInactive", Permission::ManageProducts}, {"saveProduct", Permission::ManageProducts},
        {"setProductActive", Permission::ManageProducts}, {"zones", Permission::ManageProducts},
        {"memberCards", Permission::ViewMembers}, {"sellCard", Permission::SellCards}, {"topUp", Permission::SellCards},
        {"freeze", Permission::ChangeCards}, {"unfreeze", Permission::ChangeCards},
        {"refundableFen", Permission::RefundSales}, {"cancelWithRefund", Permission::RefundSales},
        {"reportStaff", Permission::ViewShiftReports}, {"othersShiftReport", Permission::ViewShiftReports},
        {"ownShiftReport", Permission::Invalid}};
    return cases;
}

} // namespace

void TestSalesDesk::everyRoleAgainstThePermissionTable_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("method");
    for (StaffRole role : {StaffRole::Admin, StaffRole::Staff, StaffRole::Technician, StaffRole::Guest}) {
        for (int i = 0; i < methodCases().size(); ++i) {
            QTest::addRow("%s %s", staffRoleName(role), methodCases().at(i).name) << int(role) << i;
        }
    }
}

void TestSalesDesk::everyRoleAgainstThePermissionTable()
{
    QFETCH(int, role);
    QFETCH(int, method);
    const MethodCase &target = methodCases().at(method);
    const StaffSession session = sessionFor(StaffRole(role));
    const CardProduct product = makeProduct(CardKind::Value);
    const SaleReceipt frozenCard = sell(product.id);
    take(m_desk->freeze(m_admin, frozenCard.card.id));
    const SaleReceipt activeCard = sell(product.id);
    const qint64 nowMs = m_clock->nowMs();
    ProductForm form = ProductForm::fromProduct(product);
    form.id.clear();
    form.name = QStringLiteral("Another");

    const QHash<QString, std::function<std::optional<Error>()>> calls {
        {QStringLiteral("products"),
            [&] {
                return errorOf(m_desk->products(session, false));
            }},
        {QStringLiteral("productsWithInactive"),
            [&] {
                return errorOf(m_desk->products(session, true));
            }},
        {QStringLiteral("saveProduct"),
            [&] {
                return errorOf(m_desk->saveProduct(session, form));
            }},
        {QStringLiteral("setProductActive"),
            [&] {
                return errorOf(m_desk->setProductActive(session, product.id, false));
            }},
        {QStringLiteral("zones"),
            [&] {
                return errorOf(m_desk->zones(session));
            }},
        {QStringLiteral("memberCards"),
            [&] {
                return errorOf(m_desk->memberCards(session, m_memberId));
            }},
        {QStringLiteral("sellCard"),
            [&] {
                return errorOf(m_desk->sellCard(session, m_memberId, product.id, PaymentMethod::Cash, std::nullopt));
            }},
        {QStringLiteral("topUp"),
            [&] {
                return errorOf(m_desk->topUp(session, activeCard.card.id, 100, PaymentMethod::Cash));
            }},
        {QStringLiteral("freeze"),
            [&] {
                return errorOf(m_desk->freeze(session, activeCard.card.id));
            }},
        {QStringLiteral("unfreeze"),
            [&] {
                return errorOf(m_desk->unfreeze(session, frozenCard.card.id));
            }},
        {QStringLiteral("refundableFen"),
            [&] {
                return errorOf(m_desk->refundableFen(session, activeCard.card.id));
            }},
        {QStringLiteral("cancelWithRefund"),
            [&] {
                return errorOf(m_desk->cancelWithRefund(
                    session, activeCard.card.id, 100, PaymentMethod::Cash, QStringLiteral("test")));
            }},
        {QStringLiteral("reportStaff"),
            [&] {
                return errorOf(m_desk->reportStaff(session));
            }},
        {QStringLiteral("othersShiftReport"),
            [&] {
                return errorOf(m_desk->shiftReport(session, QStringLiteral("someone"), nowMs - kDayMs, nowMs));
            }},
        {QStringLiteral("ownShiftReport"),
            [&] {
                return errorOf(m_desk->shiftReport(session, {}, nowMs - kDayMs, nowMs));
            }},
    };
    QVERIFY(calls.contains(QLatin1String(target.name)));

    const bool allowed = target.permission == Permission::Invalid || roleMay(StaffRole(role), target.permission);
    const Snapshot before = snapshot();
    const std::optional<Error> error = calls.value(QLatin1String(target.name))();
    if (allowed) {
        QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
    } else {
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::PermissionDenied);
        QVERIFY(!error->message.isEmpty());
        QCOMPARE(snapshot(), before);
    }
}

void TestSalesDesk::loggedOutSessionIsRefused()
{
    const StaffSession nobody;
    const qint64 nowMs = m_clock->nowMs();
    const CardProduct product = makeProduct(CardKind::Count);
    const Snapshot before = snapshot();
    QCOMPARE(m_desk->shiftReport(nobody, {}, nowMs - kDayMs, nowMs).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(m_desk->sellCard(nobody, m_memberId, product.id, PaymentMethod::Cash, std::nullopt).error().code,
        ErrorCode::PermissionDenied);
    QCOMPARE(m_desk->products(nobody, false).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(snapshot(), before);
}

// The sale row is written last; when it fails, the card change, the outbox events and the audit
// entry written before it in the same transaction are gone too.
void TestSalesDesk::failureHalfwayChangesNothing()
{
    const CardProduct product = makeProduct(CardKind::Value);
    const SaleReceipt sold = sell(product.id);
    QVERIFY(m_db->exec(QStringLiteral("CREATE TEMP TRIGGER sale_fails BEFORE INSERT ON sale "
                                      "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
    const Snapshot before = snapshot();
    QVERIFY(!m_desk->sellCard(m_staff, m_memberId, product.id, PaymentMethod::Cash, std::nullopt));
    QVERIFY(!m_desk->topUp(m_staff, sold.card.id, 1000, PaymentMethod::Cash));
    QVERIFY(!m_desk->cancelWithRefund(m_admin, sold.card.id, 1000, PaymentMethod::Cash, QStringLiteral("x")));
    QCOMPARE(snapshot(), before);
    QCOMPARE(take(m_desk->memberCards(m_staff, m_memberId)).first().balanceFen, 100'000);
    QVERIFY(m_db->exec(QStringLiteral("DROP TRIGGER sale_fails")));
    QVERIFY(m_desk->topUp(m_staff, sold.card.id, 1000, PaymentMethod::Cash));
    QVERIFY(take(AuditLog(*m_db).verify()).ok);
}

QTEST_GUILESS_MAIN(TestSalesDesk)
#include "tst_salesdesk.moc"
