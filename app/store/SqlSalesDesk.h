#pragma once

#include "core/Clock.h"
#include "core/SalesDesk.h"

#include <QJsonObject>

namespace gymgate {

class Database;
struct Sale;

// SalesDesk over the local SQLite database. Every change commits together with its outbox
// events and its audit entry, or not at all.
class SqlSalesDesk final : public SalesDesk {
public:
    SqlSalesDesk(Database &db, const Clock &clock);

    Result<QList<CardProduct>> products(const StaffSession &session, bool includeInactive) override;
    Result<CardProduct> saveProduct(const StaffSession &session, const ProductForm &form) override;
    Result<CardProduct> setProductActive(const StaffSession &session, const QString &productId, bool active) override;
    Result<QList<ZoneChoice>> zones(const StaffSession &session) override;

    Result<QList<MemberCard>> memberCards(const StaffSession &session, const QString &memberId) override;
    Result<SaleReceipt> sellCard(const StaffSession &session, const QString &memberId, const QString &productId,
        PaymentMethod payment, std::optional<QDate> startDate) override;
    Result<SaleReceipt> topUp(
        const StaffSession &session, const QString &cardId, qint64 amountFen, PaymentMethod payment) override;
    Result<MemberCard> freeze(const StaffSession &session, const QString &cardId) override;
    Result<MemberCard> unfreeze(const StaffSession &session, const QString &cardId) override;
    Result<qint64> refundableFen(const StaffSession &session, const QString &cardId) override;
    Result<SaleReceipt> cancelWithRefund(const StaffSession &session, const QString &cardId, qint64 refundFen,
        PaymentMethod payment, const QString &reason) override;

    Result<QList<StaffChoice>> reportStaff(const StaffSession &session) override;
    Result<ShiftReport> shiftReport(
        const StaffSession &session, const QString &staffId, qint64 fromMs, qint64 toMs) override;

    QTimeZone siteTimeZone() const override;
    QDate siteToday() const override;

private:
    Result<MemberCard> loadCard(const QString &cardId) const;
    Result<qint64> paidNetFen(const QString &cardId) const;
    Result<QString> nextNumber(const QString &table, const QString &column, QChar letter, int digits) const;
    Result<SaleReceipt> recordPayment(const StaffSession &session, const MemberCard &card, Sale sale);
    Status commitCardChange(
        const StaffSession &session, const MemberCard &card, const QString &action, const QJsonObject &detail);
    Result<ShiftReport> buildReport(const QString &staffId, qint64 fromMs, qint64 toMs) const;
    QString gymName() const;

    Database &m_db;
    const Clock &m_clock;
};

} // namespace gymgate
