// MemberModule: card products and member cards.
#include "core/SalesDesk.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include "ChangeLog.h"
#include "HubDatabase.h"
#include "HubRouter.h"
#include "HubSql.h"
#include "MemberModule.h"
#include "MemberRecords.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MemberModule)
};

// cash | bank_card | wechat | alipay (and the desk's stored names) -> the desk's stored name.
std::optional<QString> paymentMethodName(const QString &text)
{
    static const QHash<QString, QString> names {{QStringLiteral("cash"), QStringLiteral("cash")},
        {QStringLiteral("bank_card"), QStringLiteral("bank_card")},
        {QStringLiteral("wechat"), QStringLiteral("wechat_pay")},
        {QStringLiteral("wechat_pay"), QStringLiteral("wechat_pay")},
        {QStringLiteral("alipay"), QStringLiteral("alipay")}};
    const auto it = names.constFind(text);
    return it == names.cend() ? std::nullopt : std::optional<QString>(*it);
}

Status requireVenues(const QSqlDatabase &db, const QStringList &venueIds, const QString &field)
{
    for (const QString &venueId : venueIds) {
        const Result<std::optional<QVariant>> found
            = sql::scalar(db, QStringLiteral("SELECT 1 FROM venue WHERE id = ? AND deleted_at IS NULL"), {venueId});
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::InvalidArgument, Text::tr("The venue %1 does not exist.").arg(venueId), field);
    }
    return {};
}

Result<QStringList> stringArray(const HubRequest &request, const QString &field)
{
    const QJsonValue value = request.json.toObject().value(field);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    QStringList list;
    const auto notStrings = [&field] {
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The field \"%1\" must be an array of ids.").arg(field), field);
    };
    if (!value.isArray() || value.toArray().size() > 200)
        return notStrings();
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString() || item.toString().isEmpty() || item.toString().size() > 64)
            return notStrings();
        list.append(item.toString());
    }
    list.removeDuplicates();
    return list;
}

// The product editor's form from a body; checkProductForm (core/SalesDesk.h) judges it.
Result<ProductForm> productForm(const HubRequest &request)
{
    ProductForm form;
    const Result<QString> name = request.requireString(QStringLiteral("name"), 200);
    if (!name)
        return std::unexpected(name.error());
    form.name = *name;
    const Result<QString> kind = request.requireString(QStringLiteral("kind"), 20);
    if (!kind)
        return std::unexpected(kind.error());
    form.kind = cardKindFromName(*kind);
    constexpr qint64 wide = qint64(1) << 40; // the form check gives the real bounds and message
    const Result<qint64> price = request.requireInteger(QStringLiteral("priceFen"), -wide, wide);
    if (!price)
        return std::unexpected(price.error());
    form.priceFen = *price;
    for (const auto &[field, target] : {std::pair {QStringLiteral("validDays"), &form.validDays},
             std::pair {QStringLiteral("visits"), &form.visits}}) {
        const Result<qint64> value = request.optionalInteger(field, 0, -1'000'000, 1'000'000);
        if (!value)
            return std::unexpected(value.error());
        *target = int(*value);
    }
    for (const auto &[field, target] : {std::pair {QStringLiteral("valueFen"), &form.valueFen},
             std::pair {QStringLiteral("perVisitPriceFen"), &form.perVisitPriceFen}}) {
        const Result<qint64> value = request.optionalInteger(field, 0, -wide, wide);
        if (!value)
            return std::unexpected(value.error());
        *target = *value;
    }
    const QJsonValue windows = request.json.toObject().value(QStringLiteral("timeWindows"));
    if (!windows.isUndefined() && !windows.isNull()) {
        if (!windows.isArray())
            return fail(ErrorCode::InvalidArgument, Text::tr("The field \"timeWindows\" must be an array of windows."),
                QStringLiteral("timeWindows"));
        form.windowsJson = QString::fromUtf8(QJsonDocument(windows.toArray()).toJson(QJsonDocument::Compact));
    }
    const Result<QStringList> zones = stringArray(request, QStringLiteral("zones"));
    if (!zones)
        return std::unexpected(zones.error());
    form.zoneIds = *zones;
    const Result<bool> active = request.optionalBool(QStringLiteral("active"), true);
    if (!active)
        return std::unexpected(active.error());
    form.active = *active;
    if (Status valid = checkProductForm(form); !valid) {
        Error error = valid.error();
        if (error.field == QLatin1String("windows"))
            error.field = QStringLiteral("timeWindows"); // the body's name for it
        return std::unexpected(error);
    }
    return form;
}

// What a purchase body asks for, checked field by field.
struct PurchaseRequest {
    QString memberId;
    CardKind kind = CardKind::Invalid;
    QString cardName;
    qint64 amountFen = 0;
    int count = 0;
    int validDays = 0;
    std::optional<qint64> perVisitPriceFen;
    QString productId;
    QString paymentMethod;
};

Result<qint64> yuanField(const HubRequest &request, const QString &field)
{
    const std::optional<qint64> fen = members::fenFromYuan(request.json.toObject().value(field));
    if (!fen || *fen > kSalesMaxMoneyFen)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"%1\" must be a number of yuan from 0 to 1000000 with at most two decimals.")
                .arg(field),
            field);
    return *fen;
}

Status readPurchaseAmounts(const HubRequest &request, PurchaseRequest &purchase)
{
    const Result<qint64> amount = yuanField(request, QStringLiteral("amount"));
    if (!amount)
        return std::unexpected(amount.error());
    purchase.amountFen = *amount;
    const Result<qint64> count = request.optionalInteger(QStringLiteral("count"), 0, 0, kProductMaxVisits);
    if (!count)
        return std::unexpected(count.error());
    purchase.count = int(*count);
    const Result<qint64> days = request.optionalInteger(QStringLiteral("validDays"), 0, 0, kProductMaxValidDays);
    if (!days)
        return std::unexpected(days.error());
    purchase.validDays = int(*days);
    const QJsonValue perVisit = request.json.toObject().value(QStringLiteral("perVisitPrice"));
    if (!perVisit.isUndefined() && !perVisit.isNull()) {
        const Result<qint64> fen = yuanField(request, QStringLiteral("perVisitPrice"));
        if (!fen)
            return std::unexpected(fen.error());
        purchase.perVisitPriceFen = *fen;
    }
    return {};
}

Status checkPurchaseKind(const PurchaseRequest &purchase)
{
    if (purchase.kind == CardKind::Time && purchase.validDays < 1)
        return fail(ErrorCode::InvalidArgument, Text::tr("A time card needs \"validDays\" of at least 1."),
            QStringLiteral("validDays"));
    if (purchase.kind == CardKind::Count && purchase.count < 1)
        return fail(ErrorCode::InvalidArgument, Text::tr("A count card needs \"count\" of at least 1."),
            QStringLiteral("count"));
    if (purchase.kind == CardKind::Value && purchase.amountFen < 1)
        return fail(ErrorCode::InvalidArgument, Text::tr("A value card needs an \"amount\" above 0."),
            QStringLiteral("amount"));
    return {};
}

Result<PurchaseRequest> purchaseRequest(const HubRequest &request)
{
    PurchaseRequest purchase;
    const Result<QString> memberId = request.requireString(QStringLiteral("memberId"), 64);
    if (!memberId)
        return std::unexpected(memberId.error());
    purchase.memberId = *memberId;
    const Result<qint64> cardType = request.requireInteger(QStringLiteral("cardType"), 1, 3);
    if (!cardType)
        return std::unexpected(cardType.error());
    purchase.kind = static_cast<CardKind>(*cardType); // 1 time, 2 count, 3 value: the enum's values
    const Result<QString> cardName = request.requireString(QStringLiteral("cardName"), 60);
    if (!cardName)
        return std::unexpected(cardName.error());
    purchase.cardName = cardName->trimmed();
    if (Status amounts = readPurchaseAmounts(request, purchase); !amounts)
        return std::unexpected(amounts.error());
    if (Status kind = checkPurchaseKind(purchase); !kind)
        return std::unexpected(kind.error());
    const Result<QString> productId = request.optionalString(QStringLiteral("productId"), QString(), 64);
    if (!productId)
        return std::unexpected(productId.error());
    purchase.productId = *productId;
    const Result<QString> payment = request.optionalString(QStringLiteral("paymentMethod"), QStringLiteral("cash"), 20);
    if (!payment)
        return std::unexpected(payment.error());
    const std::optional<QString> method = paymentMethodName(*payment);
    if (!method)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"paymentMethod\" must be cash, bank_card, wechat or alipay."),
            QStringLiteral("paymentMethod"));
    purchase.paymentMethod = *method;
    return purchase;
}

// The product a purchase names, which must be on sale and of the card's kind.
Result<std::optional<CardProduct>> purchasedProduct(const QSqlDatabase &db, const PurchaseRequest &purchase)
{
    if (purchase.productId.isEmpty())
        return std::optional<CardProduct> {};
    Result<std::optional<CardProduct>> product = members::findProduct(db, purchase.productId);
    if (!product)
        return product;
    if (!*product || !(*product)->active)
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"productId\" names no card product on sale."),
            QStringLiteral("productId"));
    if ((*product)->kind != purchase.kind)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"cardType\" does not match the kind of the product."), QStringLiteral("cardType"));
    return product;
}

qint64 localMidnightMs(const QDate &date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
}

Result<MemberCard> cardOfPurchase(
    const PurchaseRequest &purchase, const std::optional<CardProduct> &product, const QTimeZone &zone, qint64 nowMs)
{
    MemberCard card;
    card.id = sql::newId();
    card.memberId = purchase.memberId;
    card.productId = purchase.productId;
    card.name = purchase.cardName;
    card.kind = purchase.kind;
    card.status = CardStatus::Active;
    // Like the desk: validity runs from local midnight today for whole days.
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    card.validFromMs = localMidnightMs(today, zone);
    card.validToMs = purchase.validDays > 0 ? localMidnightMs(today.addDays(purchase.validDays), zone) : 0;
    card.visitsLeft = purchase.kind == CardKind::Count ? purchase.count : 0;
    card.balanceFen = purchase.kind == CardKind::Value ? purchase.amountFen : 0;
    if (purchase.kind == CardKind::Value) {
        card.perVisitPriceFen = purchase.perVisitPriceFen.value_or(product ? product->perVisitPriceFen : 0);
        if (card.perVisitPriceFen < 1 || card.perVisitPriceFen > card.balanceFen)
            return fail(ErrorCode::InvalidArgument,
                Text::tr("A value card needs a \"perVisitPrice\" above 0 and not above its amount."),
                QStringLiteral("perVisitPrice"));
    }
    if (product) {
        card.windows = product->windows;
        card.zoneIds = product->zoneIds;
    }
    card.createdAtMs = nowMs;
    return card;
}

Status insertSale(const QSqlDatabase &db, const QString &saleId, const QString &receiptNo, const MemberCard &card,
    const PurchaseRequest &purchase, const HubRequest &request, const QString &siteId)
{
    const Result<QSqlQuery> inserted = sql::exec(db,
        QStringLiteral("INSERT INTO sale (id, site_id, device_id, receipt_no, member_id, card_id, product_id, kind, "
                       "amount_fen, payment_method, staff_id, note, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, 'sale', ?, ?, ?, '', ?)"),
        {saleId, sql::nullIfEmpty(siteId), sql::nullIfEmpty(request.principal.deviceId), receiptNo, card.memberId,
            card.id, sql::nullIfEmpty(card.productId), purchase.amountFen, purchase.paymentMethod,
            request.principal.actor(), card.createdAtMs});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

} // namespace

HubResponse MemberModule::listProducts(const HubRequest &request)
{
    const QString include = request.queryString(QStringLiteral("includeInactive"));
    const bool includeInactive = include == QLatin1String("1") || include == QLatin1String("true");
    if (includeInactive && request.principal.role != role::Admin)
        return HubResponse::error(403, QStringLiteral("permission_denied"),
            Text::tr("Only admins may list products that are no longer sold."), QStringLiteral("includeInactive"));
    const Result<QList<CardProduct>> products = members::listProducts(database().database(), includeInactive);
    if (!products)
        return HubResponse::fromError(products.error());
    QJsonArray items;
    for (const CardProduct &product : *products)
        items.append(members::productEntityJson(product));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}});
}

HubResponse MemberModule::saveProduct(const HubRequest &request, bool creating)
{
    if (Status status = request.requireObject(
            {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("priceFen"), QStringLiteral("validDays"),
                QStringLiteral("visits"), QStringLiteral("valueFen"), QStringLiteral("perVisitPriceFen"),
                QStringLiteral("timeWindows"), QStringLiteral("zones"), QStringLiteral("active")});
        !status)
        return HubResponse::fromError(status.error());
    const Result<ProductForm> form = productForm(request);
    if (!form)
        return HubResponse::fromError(form.error());
    CardProduct product;
    product.id = creating ? sql::newId() : request.pathParams.value(QStringLiteral("productId"));
    product.name = form->name.trimmed();
    product.kind = form->kind;
    product.priceFen = form->priceFen;
    product.validDays = form->validDays;
    // Fields that do not apply to the kind are cleared, as the desk does.
    product.visits = form->kind == CardKind::Count ? form->visits : 0;
    product.valueFen = form->kind == CardKind::Value ? form->valueFen : 0;
    product.perVisitPriceFen = form->kind == CardKind::Value ? form->perVisitPriceFen : 0;
    product.windows
        = form->windowsJson.isEmpty() ? WeeklySchedule() : WeeklySchedule::fromJson(form->windowsJson.toUtf8()).value();
    product.zoneIds = form->zoneIds;
    product.active = form->active;
    const Status saved = database().transaction([&]() -> Status {
        if (Status zones = requireVenues(database().database(), product.zoneIds, QStringLiteral("zones")); !zones)
            return zones;
        if (!creating) {
            const Result<std::optional<CardProduct>> existing = members::findProduct(database().database(), product.id);
            if (!existing)
                return std::unexpected(existing.error());
            if (!*existing)
                return fail(ErrorCode::NotFound, Text::tr("No such card product."), QStringLiteral("productId"));
        }
        if (Status written = members::saveProduct(database().database(), product, creating, sql::nowMs()); !written)
            return written;
        return ChangeLog(database())
            .record(entity::Product, product.id, ChangeOp::Upsert, members::productEntityJson(product));
    });
    if (!saved)
        return HubResponse::fromError(saved.error());
    return HubResponse::ok(members::productEntityJson(product));
}

HubResponse MemberModule::purchaseCard(const HubRequest &request)
{
    if (Status status = request.requireObject({QStringLiteral("memberId"), QStringLiteral("cardType"),
            QStringLiteral("cardName"), QStringLiteral("amount"), QStringLiteral("count"), QStringLiteral("validDays"),
            QStringLiteral("productId"), QStringLiteral("paymentMethod"), QStringLiteral("perVisitPrice")});
        !status)
        return HubResponse::fromError(status.error());
    const Result<PurchaseRequest> purchase = purchaseRequest(request);
    if (!purchase)
        return HubResponse::fromError(purchase.error());
    MemberCard card;
    QTimeZone zone;
    QString receiptNo;
    QString saleId = sql::newId();
    const Status sold = database().transaction([&]() -> Status {
        const Result<std::optional<HubMember>> member
            = members::findMember(database().database(), MemberKey::Id, purchase->memberId);
        if (!member)
            return std::unexpected(member.error());
        if (!*member)
            return fail(ErrorCode::NotFound, Text::tr("No such member."), QStringLiteral("memberId"));
        if ((*member)->member.status == MemberStatus::Blocked)
            return fail(ErrorCode::Conflict, Text::tr("The member is blocked; unblock them before selling a card."),
                QStringLiteral("memberId"));
        const Result<std::optional<CardProduct>> product = purchasedProduct(database().database(), *purchase);
        if (!product)
            return std::unexpected(product.error());
        const QString siteId = !request.principal.siteId.isEmpty() ? request.principal.siteId : (*member)->siteId;
        const Result<QTimeZone> siteZone = members::siteTimeZone(database(), siteId);
        if (!siteZone)
            return std::unexpected(siteZone.error());
        zone = *siteZone;
        Result<MemberCard> made = cardOfPurchase(*purchase, *product, zone, sql::nowMs());
        if (!made)
            return std::unexpected(made.error());
        card = *made;
        const Result<QString> cardNo
            = members::nextNumber(database(), u'C', 7, QStringLiteral("member_card"), QStringLiteral("card_no"));
        if (!cardNo)
            return std::unexpected(cardNo.error());
        card.cardNo = *cardNo;
        const Result<QString> receipt
            = members::nextNumber(database(), u'R', 8, QStringLiteral("sale"), QStringLiteral("receipt_no"));
        if (!receipt)
            return std::unexpected(receipt.error());
        receiptNo = *receipt;
        if (Status inserted = members::insertCard(database().database(), card, siteId); !inserted)
            return inserted;
        if (Status recorded = insertSale(database().database(), saleId, receiptNo, card, *purchase, request, siteId);
            !recorded)
            return recorded;
        return ChangeLog(database()).record(entity::Card, card.id, ChangeOp::Upsert, members::cardEntityJson(card));
    });
    if (!sold)
        return HubResponse::fromError(sold.error());
    QJsonObject data = members::cardApiJson(card, zone);
    data.insert(QStringLiteral("amount"), members::yuanFromFen(purchase->amountFen));
    data.insert(QStringLiteral("paymentMethod"), purchase->paymentMethod);
    data.insert(QStringLiteral("saleId"), saleId);
    data.insert(QStringLiteral("receiptNo"), receiptNo);
    return HubResponse::ok(data);
}

HubResponse MemberModule::memberCards(const HubRequest &request)
{
    const QString memberId = request.pathParams.value(QStringLiteral("memberId"));
    if (std::optional<HubResponse> refused = refuseOtherMember(request, memberId))
        return *refused;
    const Result<std::optional<HubMember>> member = members::findMember(database().database(), MemberKey::Id, memberId);
    if (!member)
        return HubResponse::fromError(member.error());
    if (!*member)
        return HubResponse::error(
            404, QStringLiteral("not_found"), Text::tr("No such member."), QStringLiteral("memberId"));
    const Result<QTimeZone> zone = members::siteTimeZone(database(), (*member)->siteId);
    if (!zone)
        return HubResponse::fromError(zone.error());
    const Result<QList<MemberCard>> cards = members::cardsOfMember(database().database(), memberId);
    if (!cards)
        return HubResponse::fromError(cards.error());
    QJsonArray items;
    for (const MemberCard &card : *cards)
        items.append(members::cardApiJson(card, *zone));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}});
}

} // namespace gymgate::hub
