#pragma once

#include "core/Error.h"
#include "core/MemberCard.h"
#include "core/Payment.h"
#include "core/Staff.h"
#include "core/WeeklySchedule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace gymgate {

// Card products and sales at the front desk (docs/desk/SALES.md). Money is integer fen
// everywhere; screens show and take yuan with two decimals.

// Upper bounds that keep sums far from overflow and catch a slipped digit.
inline constexpr qint64 kSalesMaxMoneyFen = 100'000'000; // 1,000,000 yuan
inline constexpr int kProductMaxValidDays = 3660; // ten years
inline constexpr int kProductMaxVisits = 10'000;
inline constexpr int kSaleMaxStartDaysAhead = 365;

// What the product editor submits. Fields that do not apply to the kind are stored as zero.
struct ProductForm {
    QString id; // empty = a new product
    QString name;
    CardKind kind = CardKind::Invalid;
    qint64 priceFen = 0;
    int validDays = 0; // 0 = no expiry (count and value cards only)
    int visits = 0; // count cards
    qint64 valueFen = 0; // value cards: credited at sale
    qint64 perVisitPriceFen = 0; // value cards: charged per entry
    QString windowsJson; // WeeklySchedule JSON; empty or "[]" = any time
    QStringList zoneIds; // venue ids; empty = every zone
    bool active = true;

    static ProductForm fromProduct(const CardProduct &product)
    {
        return ProductForm {product.id, product.name, product.kind, product.priceFen, product.validDays, product.visits,
            product.valueFen, product.perVisitPriceFen,
            product.windows.isUnrestricted() ? QString() : QString::fromUtf8(product.windows.toJson()), product.zoneIds,
            product.active};
    }
};

// A zone (venue) a product may be limited to; a staff member who may choose one.
struct ZoneChoice {
    QString id;
    QString name;
};
struct StaffChoice {
    QString id;
    QString displayName;
};

struct ReceiptLine {
    QString description; // translated
    qint64 amountFen = 0;
};

// Everything a printed receipt shows, in the state right after the payment.
struct SaleReceipt {
    QString saleId;
    QString receiptNo; // R + site number + sequence, e.g. R10000000042
    SaleKind kind = SaleKind::Invalid;
    QString gymName;
    QString memberId;
    QString memberNo;
    QString memberName;
    MemberCard card; // the card after the operation
    QString productName;
    QList<ReceiptLine> lines;
    qint64 amountFen = 0; // received; negative for a refund
    PaymentMethod paymentMethod = PaymentMethod::Invalid;
    QString staffId;
    QString staffName;
    qint64 atMs = 0;
    QByteArray timeZoneId; // the site zone the receipt prints times in
    QString note; // refund reason
};

// Totals of one product or one payment method within a shift. Sales include top-ups;
// refunds are counted apart, as positive amounts.
struct ShiftTotal {
    QString key; // product id, or the payment method's stored name
    QString label; // product name, or the translated payment method
    int saleCount = 0;
    qint64 salesFen = 0;
    int refundCount = 0;
    qint64 refundsFen = 0;

    qint64 netFen() const { return salesFen - refundsFen; }
};

struct ShiftReport {
    QString staffId;
    QString staffName;
    qint64 fromMs = 0;
    qint64 toMs = 0; // exclusive
    QList<ShiftTotal> byProduct; // by label
    QList<ShiftTotal> byPayment; // every method, in the order of PaymentMethod
    ShiftTotal total;
};

class SalesDesk {
public:
    virtual ~SalesDesk() = default;

    // Products. The sales list shows active ones (SellCards); the editor sees all
    // (ManageProducts).
    virtual Result<QList<CardProduct>> products(const StaffSession &session, bool includeInactive) = 0;
    virtual Result<CardProduct> saveProduct(const StaffSession &session, const ProductForm &form) = 0;
    virtual Result<CardProduct> setProductActive(const StaffSession &session, const QString &productId, bool active)
        = 0;
    virtual Result<QList<ZoneChoice>> zones(const StaffSession &session) = 0; // ManageProducts

    // Cards of one member (ViewMembers), oldest first.
    virtual Result<QList<MemberCard>> memberCards(const StaffSession &session, const QString &memberId) = 0;
    // A new card from the product, starting on startDate (site zone; none = today).
    virtual Result<SaleReceipt> sellCard(const StaffSession &session, const QString &memberId, const QString &productId,
        PaymentMethod payment, std::optional<QDate> startDate)
        = 0;
    virtual Result<SaleReceipt> topUp(
        const StaffSession &session, const QString &cardId, qint64 amountFen, PaymentMethod payment)
        = 0;
    virtual Result<MemberCard> freeze(const StaffSession &session, const QString &cardId) = 0;
    // Extends valid_to by the days frozen, counting a started day as whole.
    virtual Result<MemberCard> unfreeze(const StaffSession &session, const QString &cardId) = 0;
    // Paid for the card (sale and top-ups) minus what was refunded already (RefundSales).
    virtual Result<qint64> refundableFen(const StaffSession &session, const QString &cardId) = 0;
    virtual Result<SaleReceipt> cancelWithRefund(const StaffSession &session, const QString &cardId, qint64 refundFen,
        PaymentMethod payment, const QString &reason)
        = 0;

    // Staff whose reports the session may pick (ViewShiftReports).
    virtual Result<QList<StaffChoice>> reportStaff(const StaffSession &session) = 0;
    // Sales recorded by staffId in [fromMs, toMs): one's own always, others' with
    // ViewShiftReports. An empty staffId means the session's own.
    virtual Result<ShiftReport> shiftReport(
        const StaffSession &session, const QString &staffId, qint64 fromMs, qint64 toMs)
        = 0;

    // The site time zone (setting site.timezone): validity days and report days are local.
    virtual QTimeZone siteTimeZone() const = 0;
    // Today in the site zone by the service's clock (the screens' default dates).
    virtual QDate siteToday() const = 0;
};

// ---- Helpers shared by the service, the screens and the tests (header only: core lists its
// sources, and these are small).

struct SalesText {
    Q_DECLARE_TR_FUNCTIONS(SalesDesk)
};

inline const QList<PaymentMethod> &allPaymentMethods()
{
    static const QList<PaymentMethod> methods {
        PaymentMethod::Cash, PaymentMethod::BankCard, PaymentMethod::WeChatPay, PaymentMethod::Alipay};
    return methods;
}

inline QString paymentMethodTitle(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash:
        return SalesText::tr("Cash");
    case PaymentMethod::BankCard:
        return SalesText::tr("Bank card");
    case PaymentMethod::WeChatPay:
        return SalesText::tr("WeChat Pay");
    case PaymentMethod::Alipay:
        return SalesText::tr("Alipay");
    case PaymentMethod::Invalid:
        break;
    }
    return {};
}

inline QString cardKindTitle(CardKind kind)
{
    switch (kind) {
    case CardKind::Time:
        return SalesText::tr("Time card");
    case CardKind::Count:
        return SalesText::tr("Count card");
    case CardKind::Value:
        return SalesText::tr("Value card");
    case CardKind::Invalid:
        break;
    }
    return {};
}

inline QString cardStatusTitle(CardStatus status)
{
    switch (status) {
    case CardStatus::Active:
        return SalesText::tr("Active");
    case CardStatus::Frozen:
        return SalesText::tr("Frozen");
    case CardStatus::Expired:
        return SalesText::tr("Expired");
    case CardStatus::Cancelled:
        return SalesText::tr("Cancelled");
    case CardStatus::Invalid:
        break;
    }
    return {};
}

// 12345 -> "123.45", -5 -> "-0.05".
inline QString yuanText(qint64 fen)
{
    const qint64 magnitude = fen < 0 ? -fen : fen;
    return QStringLiteral("%1%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

// "123", "123.4", "123.45" -> fen; anything else (more decimals, signs, letters) -> nullopt.
inline std::optional<qint64> fenFromYuanText(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? trimmed : trimmed.left(dot);
    QString fraction = dot < 0 ? QString() : trimmed.mid(dot + 1);
    const auto digitsOnly = [](const QString &part) {
        for (QChar c : part) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        }
        return true;
    };
    if (whole.isEmpty() || whole.size() > 9 || fraction.size() > 2 || !digitsOnly(whole) || !digitsOnly(fraction))
        return std::nullopt;
    while (fraction.size() < 2)
        fraction.append(QLatin1Char('0'));
    return whole.toLongLong() * 100 + fraction.toLongLong();
}

// The rules of a product that need no database; the service adds that zones exist.
inline Status checkProductForm(const ProductForm &form)
{
    const auto bad = [](const char *message, const char *field) {
        return fail(ErrorCode::InvalidArgument, SalesText::tr(message), QString::fromLatin1(field));
    };
    if (form.name.trimmed().isEmpty())
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "Enter the product name."), "name");
    if (form.name.trimmed().size() > 60)
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "The product name is longer than 60 characters."), "name");
    if (form.kind == CardKind::Invalid)
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "Choose the card kind."), "kind");
    if (form.priceFen < 0 || form.priceFen > kSalesMaxMoneyFen)
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "The price must be between 0 and 1,000,000 yuan."), "priceFen");
    if (form.validDays < 0 || form.validDays > kProductMaxValidDays)
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "The validity must be between 0 and 3660 days."), "validDays");
    if (form.kind == CardKind::Time && form.validDays == 0)
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "A time card needs a validity of at least one day."), "validDays");
    if (form.kind == CardKind::Count && (form.visits < 1 || form.visits > kProductMaxVisits))
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "A count card needs between 1 and 10000 visits."), "visits");
    if (form.kind == CardKind::Value && (form.valueFen < 1 || form.valueFen > kSalesMaxMoneyFen))
        return bad(QT_TRANSLATE_NOOP("SalesDesk", "A value card needs a stored value above 0 yuan."), "valueFen");
    if (form.kind == CardKind::Value && (form.perVisitPriceFen < 1 || form.perVisitPriceFen > form.valueFen))
        return bad(QT_TRANSLATE_NOOP(
                       "SalesDesk", "A value card needs a per-visit price above 0 and not above its stored value."),
            "perVisitPriceFen");
    if (!form.windowsJson.trimmed().isEmpty() && !WeeklySchedule::fromJson(form.windowsJson.toUtf8()))
        return bad(
            QT_TRANSLATE_NOOP("SalesDesk",
                "The time windows are not valid, e.g. [{\"days\":\"1-5\",\"from\":\"06:00\",\"to\":\"22:00\"}]."),
            "windows");
    return {};
}

namespace detail {

inline QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

inline QString csvRow(const QString &section, const ShiftTotal &total)
{
    const QStringList fields {section, total.label, QString::number(total.saleCount), yuanText(total.salesFen),
        QString::number(total.refundCount), yuanText(total.refundsFen), yuanText(total.netFen())};
    QStringList escaped;
    for (const QString &field : fields)
        escaped.append(csvField(field));
    return escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace detail

// UTF-8 with a byte order mark (so Excel reads Chinese names), one header row, then the rows
// by product, by payment method and the total; amounts in yuan with two decimals.
inline QByteArray exportShiftReportCsv(const ShiftReport &report)
{
    QString text = QStringList {SalesText::tr("Section"), SalesText::tr("Item"), SalesText::tr("Sales"),
                       SalesText::tr("Amount (yuan)"), SalesText::tr("Refunds"), SalesText::tr("Refunded (yuan)"),
                       SalesText::tr("Net (yuan)")}
                       .join(QLatin1Char(','))
        + QStringLiteral("\r\n");
    for (const ShiftTotal &total : report.byProduct)
        text += detail::csvRow(SalesText::tr("Product"), total);
    for (const ShiftTotal &total : report.byPayment)
        text += detail::csvRow(SalesText::tr("Payment"), total);
    text += detail::csvRow(SalesText::tr("Total"), report.total);
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace gymgate
