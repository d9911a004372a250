#pragma once

#include <QString>

namespace gymgate {

// What a row of `sale` records (the store maps these to its TEXT column values). Shared by the
// desk interface (core) and the sale repository (store).
enum class SaleKind {
    Invalid = 0,
    Sale,
    TopUp,
    Refund,
    Penalty
};

// How the member paid at the desk.
enum class PaymentMethod {
    Invalid = 0,
    Cash,
    BankCard,
    WeChatPay,
    Alipay
};

const char *saleKindName(SaleKind kind); // "sale", "topup", "refund", "penalty"
SaleKind saleKindFromName(const QString &name);

const char *paymentMethodName(PaymentMethod method); // "cash", "bank_card", "wechat_pay", "alipay"
PaymentMethod paymentMethodFromName(const QString &name);

} // namespace gymgate
