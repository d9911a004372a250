#pragma once

#include "core/Error.h"
#include "core/SalesDesk.h"

#include <QCoreApplication>
#include <QString>

namespace gymgate {

// Writes a payment receipt as an A6 PDF: gym name, receipt number, date and time in the site
// zone, member, card, product, amount, payment method and the staff member who took it.
class ReceiptPdf {
    Q_DECLARE_TR_FUNCTIONS(ReceiptPdf)
public:
    static Status write(const SaleReceipt &receipt, const QString &path);
    // "Receipt" / "Refund receipt" and the lines printed under the gym name, for the preview.
    static QStringList textLines(const SaleReceipt &receipt);
};

} // namespace gymgate
