#pragma once

#include "core/Error.h"
#include "core/Payment.h" // SaleKind, PaymentMethod

#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

class Database;

const char *saleKindName(SaleKind kind); // "sale", "topup", "refund", "penalty"
SaleKind saleKindFromName(const QString &name);

const char *paymentMethodName(PaymentMethod method); // "cash", "bank_card", "wechat_pay", "alipay"
PaymentMethod paymentMethodFromName(const QString &name);

// A payment at the desk (`sale`). amountFen is positive for money received and negative for
// a refund.
struct Sale {
    QString id;
    QString receiptNo;
    QString memberId;
    QString cardId;
    QString productId;
    SaleKind kind = SaleKind::Invalid;
    qint64 amountFen = 0;
    PaymentMethod paymentMethod = PaymentMethod::Invalid;
    QString staffId;
    QString note;
    qint64 createdAtMs = 0;
};

class SaleRepository {
public:
    explicit SaleRepository(Database &db);

    // Empty id -> new UUID; createdAtMs 0 = now. Taken receipt number: AlreadyExists "receiptNo".
    Result<Sale> insert(Sale sale);
    Result<std::optional<Sale>> findById(const QString &id) const;
    Result<QList<Sale>> listRange(qint64 fromMs, qint64 toMs) const; // [from, to), oldest first
    Result<QList<Sale>> listForMember(const QString &memberId) const;

private:
    Database &m_db;
};

} // namespace gymgate
