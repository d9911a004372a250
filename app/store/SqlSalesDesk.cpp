#include "store/SqlSalesDesk.h"

#include "core/SyncJson.h"
#include "store/AuditLog.h"
#include "store/CardProductRepository.h"
#include "store/Database.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/SaleRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlSupport.h"
#include "store/StaffRepository.h"
#include "store/VenueRepository.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <algorithm>

namespace gymgate {

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kMaxReportDays = 366;

std::unexpected<Error> fromError(const Error &error)
{
    return std::unexpected(error);
}

Status checkPayment(PaymentMethod payment)
{
    if (!allPaymentMethods().contains(payment))
        return fail(
            ErrorCode::InvalidArgument, SalesText::tr("Choose how the member pays."), QStringLiteral("paymentMethod"));
    return {};
}

bool isPastValidity(const MemberCard &card, qint64 nowMs)
{
    return card.status == CardStatus::Expired || (card.validToMs != 0 && card.validToMs <= nowMs);
}

// The fields that do not apply to the kind are cleared, so a product never carries a stale
// visit count or value from an earlier kind.
CardProduct productFromForm(const ProductForm &form, WeeklySchedule windows)
{
    CardProduct product;
    product.id = form.id;
    product.name = form.name.trimmed();
    product.kind = form.kind;
    product.priceFen = form.priceFen;
    product.validDays = form.validDays;
    product.visits = form.kind == CardKind::Count ? form.visits : 0;
    product.valueFen = form.kind == CardKind::Value ? form.valueFen : 0;
    product.perVisitPriceFen = form.kind == CardKind::Value ? form.perVisitPriceFen : 0;
    product.windows = std::move(windows);
    product.zoneIds = form.zoneIds;
    product.zoneIds.removeDuplicates();
    product.active = form.active;
    return product;
}

qint64 localMidnightMs(const QDate &date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
}

MemberCard cardFromProduct(
    const CardProduct &product, const QString &memberId, const QDate &start, const QTimeZone &zone, qint64 nowMs)
{
    MemberCard card;
    card.memberId = memberId;
    card.productId = product.id;
    card.name = product.name;
    card.kind = product.kind;
    card.status = CardStatus::Active;
    card.validFromMs = localMidnightMs(start, zone);
    card.validToMs = product.validDays > 0 ? localMidnightMs(start.addDays(product.validDays), zone) : 0;
    card.visitsLeft = product.kind == CardKind::Count ? product.visits : 0;
    card.balanceFen = product.kind == CardKind::Value ? product.valueFen : 0;
    card.perVisitPriceFen = product.kind == CardKind::Value ? product.perVisitPriceFen : 0;
    card.windows = product.windows;
    card.zoneIds = product.zoneIds;
    card.createdAtMs = nowMs;
    return card;
}

void addToTotal(ShiftTotal &total, const Sale &sale)
{
    if (sale.kind == SaleKind::Refund) {
        ++total.refundCount;
        total.refundsFen -= sale.amountFen;
    } else {
        ++total.saleCount;
        total.salesFen += sale.amountFen;
    }
}

QString siteNumber(const SettingRepository &settings)
{
    const QString number = settings.value(QStringLiteral("site.number"), QStringLiteral("100"));
    const bool digits = number.size() == 3 && std::all_of(number.cbegin(), number.cend(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
    return digits ? number : QStringLiteral("100");
}

} // namespace

SqlSalesDesk::SqlSalesDesk(Database &db, const Clock &clock) : m_db(db), m_clock(clock)
{ }

// ---- products

Result<QList<CardProduct>> SqlSalesDesk::products(const StaffSession &session, bool includeInactive)
{
    const Permission needed = includeInactive ? Permission::ManageProducts : Permission::SellCards;
    if (Status allowed = requirePermission(session, needed); !allowed)
        return fromError(allowed.error());
    return CardProductRepository(m_db).list(includeInactive);
}

Result<CardProduct> SqlSalesDesk::saveProduct(const StaffSession &session, const ProductForm &form)
{
    if (Status allowed = requirePermission(session, Permission::ManageProducts); !allowed)
        return fromError(allowed.error());
    if (Status valid = checkProductForm(form); !valid)
        return fromError(valid.error());
    Result<WeeklySchedule> windows = form.windowsJson.trimmed().isEmpty()
        ? Result<WeeklySchedule>(WeeklySchedule())
        : WeeklySchedule::fromJson(form.windowsJson.toUtf8());
    if (!windows)
        return fromError(windows.error());
    CardProduct product = productFromForm(form, *windows);
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<CardProduct>([&]() -> Result<CardProduct> {
        Result<QList<Venue>> venues = VenueRepository(m_db).list();
        if (!venues)
            return fromError(venues.error());
        for (const QString &zoneId : std::as_const(product.zoneIds)) {
            const bool known
                = std::any_of(venues->cbegin(), venues->cend(), [&](const Venue &venue) { return venue.id == zoneId; });
            if (!known)
                return fail(ErrorCode::InvalidArgument, SalesText::tr("The zone %1 does not exist.").arg(zoneId),
                    QStringLiteral("zoneIds"));
        }
        CardProductRepository repository(m_db);
        const bool creating = product.id.isEmpty();
        if (creating) {
            Result<CardProduct> inserted = repository.insert(product, nowMs);
            if (!inserted)
                return inserted;
            product = *inserted;
        } else {
            Result<std::optional<CardProduct>> existing = repository.findById(product.id);
            if (!existing)
                return fromError(existing.error());
            if (!*existing)
                return fail(
                    ErrorCode::NotFound, SalesText::tr("The card product was not found."), QStringLiteral("id"));
            if (Status updated = repository.update(product, nowMs); !updated)
                return fromError(updated.error());
        }
        if (Status sent = Outbox(m_db).append(
                {{}, QStringLiteral("product.saved"), nowMs, {}, session.staffId, syncjson::toJson(product)});
            !sent)
            return fromError(sent.error());
        if (Status audited = AuditLog(m_db).append(session.staffId,
                creating ? QStringLiteral("product.create") : QStringLiteral("product.update"),
                QStringLiteral("card_product"), product.id, syncjson::toJson(product), nowMs);
            !audited)
            return fromError(audited.error());
        return product;
    });
}

Result<CardProduct> SqlSalesDesk::setProductActive(const StaffSession &session, const QString &productId, bool active)
{
    if (Status allowed = requirePermission(session, Permission::ManageProducts); !allowed)
        return fromError(allowed.error());
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<CardProduct>([&]() -> Result<CardProduct> {
        CardProductRepository repository(m_db);
        Result<std::optional<CardProduct>> found = repository.findById(productId);
        if (!found)
            return fromError(found.error());
        if (!*found)
            return fail(
                ErrorCode::NotFound, SalesText::tr("The card product was not found."), QStringLiteral("productId"));
        CardProduct product = **found;
        product.active = active;
        if (Status updated = repository.update(product, nowMs); !updated)
            return fromError(updated.error());
        if (Status sent = Outbox(m_db).append(
                {{}, QStringLiteral("product.saved"), nowMs, {}, session.staffId, syncjson::toJson(product)});
            !sent)
            return fromError(sent.error());
        if (Status audited = AuditLog(m_db).append(session.staffId,
                active ? QStringLiteral("product.activate") : QStringLiteral("product.deactivate"),
                QStringLiteral("card_product"), product.id, {{QStringLiteral("name"), product.name}}, nowMs);
            !audited)
            return fromError(audited.error());
        return product;
    });
}

Result<QList<ZoneChoice>> SqlSalesDesk::zones(const StaffSession &session)
{
    if (Status allowed = requirePermission(session, Permission::ManageProducts); !allowed)
        return fromError(allowed.error());
    Result<QList<Venue>> venues = VenueRepository(m_db).list();
    if (!venues)
        return fromError(venues.error());
    QList<ZoneChoice> choices;
    for (const Venue &venue : std::as_const(*venues))
        choices.append({venue.id, venue.name});
    return choices;
}

// ---- cards

Result<QList<MemberCard>> SqlSalesDesk::memberCards(const StaffSession &session, const QString &memberId)
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return fromError(allowed.error());
    Result<QList<MemberCard>> cards = MemberCardRepository(m_db).listForMember(memberId);
    if (!cards)
        return cards;
    // Shown as expired once past valid_to, although the stored status changes only when
    // someone acts on the card.
    const qint64 nowMs = m_clock.nowMs();
    for (MemberCard &card : *cards) {
        if (card.status == CardStatus::Active && isPastValidity(card, nowMs))
            card.status = CardStatus::Expired;
    }
    return cards;
}

Result<SaleReceipt> SqlSalesDesk::sellCard(const StaffSession &session, const QString &memberId,
    const QString &productId, PaymentMethod payment, std::optional<QDate> startDate)
{
    if (Status allowed = requirePermission(session, Permission::SellCards); !allowed)
        return fromError(allowed.error());
    if (Status valid = checkPayment(payment); !valid)
        return fromError(valid.error());
    const qint64 nowMs = m_clock.nowMs();
    const QTimeZone zone = siteTimeZone();
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    const QDate start = startDate.value_or(today);
    if (!start.isValid() || start < today || start > today.addDays(kSaleMaxStartDaysAhead))
        return fail(ErrorCode::InvalidArgument,
            SalesText::tr("The card must start between today and %1 days ahead.").arg(kSaleMaxStartDaysAhead),
            QStringLiteral("startDate"));
    return m_db.transaction<SaleReceipt>([&]() -> Result<SaleReceipt> {
        Result<std::optional<Member>> member = MemberRepository(m_db).findById(memberId);
        if (!member)
            return fromError(member.error());
        if (!*member || (*member)->deletedAtMs)
            return fail(ErrorCode::NotFound, SalesText::tr("The member was not found."), QStringLiteral("memberId"));
        if ((*member)->status == MemberStatus::Blocked)
            return fail(ErrorCode::Conflict,
                SalesText::tr("%1 is blocked; unblock the member before selling a card.").arg((*member)->name),
                QStringLiteral("memberId"));
        Result<std::optional<CardProduct>> product = CardProductRepository(m_db).findById(productId);
        if (!product)
            return fromError(product.error());
        if (!*product)
            return fail(
                ErrorCode::NotFound, SalesText::tr("The card product was not found."), QStringLiteral("productId"));
        if (!(*product)->active)
            return fail(ErrorCode::Conflict, SalesText::tr("The product %1 is no longer sold.").arg((*product)->name),
                QStringLiteral("productId"));
        MemberCard card = cardFromProduct(**product, memberId, start, zone, nowMs);
        Result<QString> cardNo
            = nextNumber(QStringLiteral("member_card"), QStringLiteral("card_no"), QLatin1Char('C'), 7);
        if (!cardNo)
            return fromError(cardNo.error());
        card.cardNo = *cardNo;
        Result<MemberCard> inserted = MemberCardRepository(m_db).insert(card);
        if (!inserted)
            return fromError(inserted.error());
        if (Status sent = Outbox(m_db).append(
                {{}, QStringLiteral("card.sold"), nowMs, {}, session.staffId, syncjson::toJson(*inserted)});
            !sent)
            return fromError(sent.error());
        Sale sale;
        sale.productId = productId;
        sale.kind = SaleKind::Sale;
        sale.amountFen = (*product)->priceFen;
        sale.paymentMethod = payment;
        return recordPayment(session, *inserted, sale);
    });
}

Result<SaleReceipt> SqlSalesDesk::topUp(
    const StaffSession &session, const QString &cardId, qint64 amountFen, PaymentMethod payment)
{
    if (Status allowed = requirePermission(session, Permission::SellCards); !allowed)
        return fromError(allowed.error());
    if (amountFen < 1 || amountFen > kSalesMaxMoneyFen)
        return fail(ErrorCode::InvalidArgument, SalesText::tr("The top-up must be between 0.01 and 1,000,000 yuan."),
            QStringLiteral("amountFen"));
    if (Status valid = checkPayment(payment); !valid)
        return fromError(valid.error());
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<SaleReceipt>([&]() -> Result<SaleReceipt> {
        Result<MemberCard> card = loadCard(cardId);
        if (!card)
            return fromError(card.error());
        if (card->kind != CardKind::Value)
            return fail(
                ErrorCode::Conflict, SalesText::tr("Only a value card can be topped up."), QStringLiteral("cardId"));
        if (card->status == CardStatus::Cancelled)
            return fail(
                ErrorCode::Conflict, SalesText::tr("A cancelled card cannot be topped up."), QStringLiteral("cardId"));
        if (isPastValidity(*card, nowMs))
            return fail(
                ErrorCode::Conflict, SalesText::tr("An expired card cannot be topped up."), QStringLiteral("cardId"));
        card->balanceFen += amountFen;
        if (Status changed = commitCardChange(session, *card, {}, {}); !changed)
            return fromError(changed.error());
        Sale sale;
        sale.productId = card->productId;
        sale.kind = SaleKind::TopUp;
        sale.amountFen = amountFen;
        sale.paymentMethod = payment;
        return recordPayment(session, *card, sale);
    });
}

Result<MemberCard> SqlSalesDesk::freeze(const StaffSession &session, const QString &cardId)
{
    if (Status allowed = requirePermission(session, Permission::ChangeCards); !allowed)
        return fromError(allowed.error());
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<MemberCard>([&]() -> Result<MemberCard> {
        Result<MemberCard> card = loadCard(cardId);
        if (!card)
            return card;
        if (card->status == CardStatus::Frozen)
            return fail(ErrorCode::Conflict, SalesText::tr("The card is frozen already."), QStringLiteral("cardId"));
        if (card->status == CardStatus::Cancelled)
            return fail(
                ErrorCode::Conflict, SalesText::tr("A cancelled card cannot be frozen."), QStringLiteral("cardId"));
        if (isPastValidity(*card, nowMs))
            return fail(
                ErrorCode::Conflict, SalesText::tr("An expired card cannot be frozen."), QStringLiteral("cardId"));
        card->status = CardStatus::Frozen;
        card->frozenAtMs = nowMs;
        if (Status changed = commitCardChange(
                session, *card, QStringLiteral("card.freeze"), {{QStringLiteral("cardNo"), card->cardNo}});
            !changed)
            return fromError(changed.error());
        return card;
    });
}

Result<MemberCard> SqlSalesDesk::unfreeze(const StaffSession &session, const QString &cardId)
{
    if (Status allowed = requirePermission(session, Permission::ChangeCards); !allowed)
        return fromError(allowed.error());
    const qint64 nowMs = m_clock.nowMs();
    const QTimeZone zone = siteTimeZone();
    return m_db.transaction<MemberCard>([&]() -> Result<MemberCard> {
        Result<MemberCard> card = loadCard(cardId);
        if (!card)
            return card;
        if (card->status != CardStatus::Frozen)
            return fail(ErrorCode::Conflict, SalesText::tr("The card is not frozen."), QStringLiteral("cardId"));
        const qint64 frozenMs = std::max<qint64>(0, nowMs - card->frozenAtMs.value_or(nowMs));
        const qint64 frozenDays = (frozenMs + kDayMs - 1) / kDayMs;
        if (card->validToMs != 0)
            card->validToMs
                = QDateTime::fromMSecsSinceEpoch(card->validToMs, zone).addDays(frozenDays).toMSecsSinceEpoch();
        card->status = CardStatus::Active;
        card->frozenAtMs.reset();
        if (Status changed = commitCardChange(session, *card, QStringLiteral("card.unfreeze"),
                {{QStringLiteral("cardNo"), card->cardNo}, {QStringLiteral("frozenDays"), frozenDays},
                    {QStringLiteral("validTo"), card->validToMs}});
            !changed)
            return fromError(changed.error());
        return card;
    });
}

Result<qint64> SqlSalesDesk::refundableFen(const StaffSession &session, const QString &cardId)
{
    if (Status allowed = requirePermission(session, Permission::RefundSales); !allowed)
        return fromError(allowed.error());
    if (Result<MemberCard> card = loadCard(cardId); !card)
        return fromError(card.error());
    return paidNetFen(cardId);
}

Result<SaleReceipt> SqlSalesDesk::cancelWithRefund(
    const StaffSession &session, const QString &cardId, qint64 refundFen, PaymentMethod payment, const QString &reason)
{
    if (Status allowed = requirePermission(session, Permission::RefundSales); !allowed)
        return fromError(allowed.error());
    if (refundFen < 0)
        return fail(
            ErrorCode::InvalidArgument, SalesText::tr("The refund cannot be negative."), QStringLiteral("refundFen"));
    if (Status valid = checkPayment(payment); !valid)
        return fromError(valid.error());
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, SalesText::tr("Enter the reason for the cancellation."),
            QStringLiteral("reason"));
    return m_db.transaction<SaleReceipt>([&]() -> Result<SaleReceipt> {
        Result<MemberCard> card = loadCard(cardId);
        if (!card)
            return fromError(card.error());
        if (card->status == CardStatus::Cancelled)
            return fail(ErrorCode::Conflict, SalesText::tr("The card is cancelled already."), QStringLiteral("cardId"));
        Result<qint64> paid = paidNetFen(cardId);
        if (!paid)
            return fromError(paid.error());
        if (refundFen > *paid)
            return fail(ErrorCode::InvalidArgument,
                SalesText::tr("The refund is more than the %1 yuan paid for this card.").arg(yuanText(*paid)),
                QStringLiteral("refundFen"));
        card->status = CardStatus::Cancelled;
        card->frozenAtMs.reset();
        if (Status changed = commitCardChange(session, *card, {}, {}); !changed)
            return fromError(changed.error());
        Sale sale;
        sale.productId = card->productId;
        sale.kind = SaleKind::Refund;
        sale.amountFen = -refundFen;
        sale.paymentMethod = payment;
        sale.note = reason.trimmed();
        return recordPayment(session, *card, sale);
    });
}

// ---- shift reports

Result<QList<StaffChoice>> SqlSalesDesk::reportStaff(const StaffSession &session)
{
    if (Status allowed = requirePermission(session, Permission::ViewShiftReports); !allowed)
        return fromError(allowed.error());
    Result<QList<StaffUser>> users = StaffRepository(m_db).list();
    if (!users)
        return fromError(users.error());
    QList<StaffChoice> choices;
    for (const StaffUser &user : std::as_const(*users))
        choices.append({user.id, user.displayName.isEmpty() ? user.username : user.displayName});
    return choices;
}

Result<ShiftReport> SqlSalesDesk::shiftReport(
    const StaffSession &session, const QString &staffId, qint64 fromMs, qint64 toMs)
{
    if (!session.isValid())
        return fail(ErrorCode::PermissionDenied, SalesText::tr("Please log in first."));
    const QString who = staffId.isEmpty() ? session.staffId : staffId;
    if (who != session.staffId) {
        if (Status allowed = requirePermission(session, Permission::ViewShiftReports); !allowed)
            return fromError(allowed.error());
    }
    if (toMs <= fromMs || toMs - fromMs > kMaxReportDays * kDayMs)
        return fail(ErrorCode::InvalidArgument,
            SalesText::tr("The report period must end after it starts and span at most %1 days.").arg(kMaxReportDays),
            QStringLiteral("toMs"));
    return buildReport(who, fromMs, toMs);
}

QTimeZone SqlSalesDesk::siteTimeZone() const
{
    return SettingRepository(m_db).siteTimeZone();
}

QDate SqlSalesDesk::siteToday() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), siteTimeZone()).date();
}

// ---- private

Result<MemberCard> SqlSalesDesk::loadCard(const QString &cardId) const
{
    Result<std::optional<MemberCard>> card = MemberCardRepository(m_db).findById(cardId);
    if (!card)
        return fromError(card.error());
    if (!*card)
        return fail(ErrorCode::NotFound, SalesText::tr("The card was not found."), QStringLiteral("cardId"));
    return **card;
}

Result<qint64> SqlSalesDesk::paidNetFen(const QString &cardId) const
{
    Result<QSqlQuery> query = sql::run(
        m_db.connection(), QStringLiteral("SELECT COALESCE(SUM(amount_fen), 0) FROM sale WHERE card_id = ?"), {cardId});
    if (!query)
        return fromError(query.error());
    return query->next() ? std::max<qint64>(0, query->value(0).toLongLong()) : 0;
}

// Human numbers carry the site number (setting site.number) so they are unique across sites:
// C1000000042 (7 digits) for cards and R10000000042 (8 digits) for receipts, as gymgate-datagen
// makes them. Runs inside the write transaction, so two desks on one file cannot take the same.
Result<QString> SqlSalesDesk::nextNumber(const QString &table, const QString &column, QChar letter, int digits) const
{
    const QString prefix = letter + siteNumber(SettingRepository(m_db));
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + column + QStringLiteral(" FROM ") + table + QStringLiteral(" WHERE ") + column
            + QStringLiteral(" > ? AND ") + column + QStringLiteral(" < ? AND length(") + column
            + QStringLiteral(") = ? ORDER BY ") + column + QStringLiteral(" DESC LIMIT 1"),
        QVariantList {prefix, QString(prefix + QLatin1Char(':')), qint64(prefix.size() + digits)});
    if (!query)
        return fromError(query.error());
    const qint64 last = query->next() ? query->value(0).toString().mid(prefix.size()).toLongLong() : 0;
    qint64 limit = 1;
    for (int i = 0; i < digits; ++i)
        limit *= 10;
    if (last + 1 >= limit)
        return fail(ErrorCode::Conflict, SalesText::tr("No %1 numbers are left for this site.").arg(letter));
    return prefix + QStringLiteral("%1").arg(last + 1, digits, 10, QLatin1Char('0'));
}

// The sale row with its receipt number, its outbox event and the audit entry of the action.
Result<SaleReceipt> SqlSalesDesk::recordPayment(const StaffSession &session, const MemberCard &card, Sale sale)
{
    const qint64 nowMs = m_clock.nowMs();
    Result<QString> receiptNo = nextNumber(QStringLiteral("sale"), QStringLiteral("receipt_no"), QLatin1Char('R'), 8);
    if (!receiptNo)
        return fromError(receiptNo.error());
    sale.receiptNo = *receiptNo;
    sale.memberId = card.memberId;
    sale.cardId = card.id;
    sale.staffId = session.staffId;
    sale.createdAtMs = nowMs;
    Result<Sale> inserted = SaleRepository(m_db).insert(sale);
    if (!inserted)
        return fromError(inserted.error());
    const QJsonObject saleData = syncjson::toJson(*inserted);
    if (Status sent = Outbox(m_db).append({{}, QStringLiteral("sale.recorded"), nowMs, {}, session.staffId, saleData});
        !sent)
        return fromError(sent.error());
    static const QHash<SaleKind, QString> actions {{SaleKind::Sale, QStringLiteral("card.sell")},
        {SaleKind::TopUp, QStringLiteral("card.topup")}, {SaleKind::Refund, QStringLiteral("card.cancel")}};
    if (Status audited = AuditLog(m_db).append(session.staffId, actions.value(sale.kind), QStringLiteral("member_card"),
            card.id, QJsonObject {{QStringLiteral("cardNo"), card.cardNo}, {QStringLiteral("sale"), saleData}}, nowMs);
        !audited)
        return fromError(audited.error());

    Result<std::optional<Member>> member = MemberRepository(m_db).findById(card.memberId);
    if (!member)
        return fromError(member.error());
    SaleReceipt receipt;
    receipt.saleId = inserted->id;
    receipt.receiptNo = inserted->receiptNo;
    receipt.kind = inserted->kind;
    receipt.gymName = gymName();
    receipt.memberId = card.memberId;
    receipt.memberNo = *member ? (*member)->memberNo : QString();
    receipt.memberName = *member ? (*member)->name : QString();
    receipt.card = card;
    receipt.productName = card.name;
    receipt.amountFen = inserted->amountFen;
    receipt.paymentMethod = inserted->paymentMethod;
    receipt.staffId = session.staffId;
    receipt.staffName = session.displayName.isEmpty() ? session.username : session.displayName;
    receipt.atMs = nowMs;
    receipt.timeZoneId = siteTimeZone().id();
    receipt.note = inserted->note;
    const QString description = sale.kind == SaleKind::Sale
        ? QStringLiteral("%1 (%2)").arg(card.name, cardKindTitle(card.kind))
        : sale.kind == SaleKind::TopUp ? SalesText::tr("Top-up of card %1").arg(card.cardNo)
                                       : SalesText::tr("Refund for card %1").arg(card.cardNo);
    receipt.lines.append({description, inserted->amountFen});
    return receipt;
}

// Writes the card and announces it; records `action` in the audit log unless the caller's
// payment records it (empty action).
Status SqlSalesDesk::commitCardChange(
    const StaffSession &session, const MemberCard &card, const QString &action, const QJsonObject &detail)
{
    const qint64 nowMs = m_clock.nowMs();
    if (Status updated = MemberCardRepository(m_db).update(card, nowMs); !updated)
        return updated;
    if (Status sent
        = Outbox(m_db).append({{}, QStringLiteral("card.updated"), nowMs, {}, session.staffId, syncjson::toJson(card)});
        !sent)
        return sent;
    if (action.isEmpty())
        return {};
    return AuditLog(m_db).append(session.staffId, action, QStringLiteral("member_card"), card.id, detail, nowMs);
}

Result<ShiftReport> SqlSalesDesk::buildReport(const QString &staffId, qint64 fromMs, qint64 toMs) const
{
    Result<QList<Sale>> sales = SaleRepository(m_db).listRange(fromMs, toMs);
    if (!sales)
        return fromError(sales.error());
    Result<QList<CardProduct>> products = CardProductRepository(m_db).list(true);
    if (!products)
        return fromError(products.error());
    QHash<QString, QString> productNames;
    for (const CardProduct &product : std::as_const(*products))
        productNames.insert(product.id, product.name);

    ShiftReport report;
    report.staffId = staffId;
    report.fromMs = fromMs;
    report.toMs = toMs;
    report.total.label = SalesText::tr("All");
    for (PaymentMethod method : allPaymentMethods())
        report.byPayment.append({QString::fromLatin1(paymentMethodName(method)), paymentMethodTitle(method)});
    QMap<QString, ShiftTotal> byProduct;
    for (const Sale &sale : std::as_const(*sales)) {
        if (sale.staffId != staffId)
            continue;
        ShiftTotal &product = byProduct[sale.productId];
        product.key = sale.productId;
        product.label = productNames.value(sale.productId, SalesText::tr("Other"));
        addToTotal(product, sale);
        const qsizetype method = allPaymentMethods().indexOf(sale.paymentMethod);
        if (method >= 0)
            addToTotal(report.byPayment[method], sale);
        addToTotal(report.total, sale);
    }
    report.byProduct = byProduct.values();
    std::sort(report.byProduct.begin(), report.byProduct.end(),
        [](const ShiftTotal &a, const ShiftTotal &b) { return a.label < b.label; });
    Result<std::optional<StaffUser>> staff = StaffRepository(m_db).findById(staffId);
    if (!staff)
        return fromError(staff.error());
    report.staffName = *staff ? (*staff)->displayName : staffId;
    return report;
}

QString SqlSalesDesk::gymName() const
{
    const SettingRepository settings(m_db);
    const QString branded = settings.value(QStringLiteral("branding.gym_name"));
    if (!branded.isEmpty())
        return branded;
    return settings.value(QStringLiteral("site.name"), QStringLiteral("GymGate"));
}

} // namespace gymgate
