#pragma once

#include "core/Payment.h"

#include <QString>

namespace gymgate {

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

} // namespace gymgate
