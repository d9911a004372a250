#include "ui/desk/ReceiptPdf.h"

#include <QDateTime>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTimeZone>

namespace gymgate {

namespace {

QString localTime(const SaleReceipt &receipt)
{
    const QTimeZone zone = receipt.timeZoneId.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(receipt.timeZoneId);
    return QDateTime::fromMSecsSinceEpoch(receipt.atMs, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QStringList ReceiptPdf::textLines(const SaleReceipt &receipt)
{
    QStringList lines;
    lines << tr("Receipt no.: %1").arg(receipt.receiptNo) << tr("Date: %1").arg(localTime(receipt))
          << tr("Member: %1 (%2)").arg(receipt.memberName, receipt.memberNo)
          << tr("Card: %1, %2").arg(receipt.card.cardNo, receipt.productName) << QString();
    for (const ReceiptLine &line : receipt.lines)
        lines << tr("%1: %2 yuan").arg(line.description, yuanText(line.amountFen));
    lines << QString() << tr("Total: %1 yuan").arg(yuanText(receipt.amountFen))
          << tr("Paid by: %1").arg(paymentMethodTitle(receipt.paymentMethod));
    if (receipt.card.kind == CardKind::Count)
        lines << tr("Visits left: %1").arg(receipt.card.visitsLeft);
    if (receipt.card.kind == CardKind::Value)
        lines << tr("Balance: %1 yuan").arg(yuanText(receipt.card.balanceFen));
    if (!receipt.note.isEmpty())
        lines << tr("Reason: %1").arg(receipt.note);
    lines << tr("Served by: %1").arg(receipt.staffName);
    return lines;
}

Status ReceiptPdf::write(const SaleReceipt &receipt, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::Io, tr("The receipt could not be saved to %1: %2").arg(path, file.errorString()),
            QStringLiteral("path"));
    {
        QPdfWriter writer(&file);
        writer.setTitle(tr("Receipt %1").arg(receipt.receiptNo));
        writer.setCreator(QStringLiteral("GymGate"));
        writer.setPageSize(QPageSize(QPageSize::A6));
        writer.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout::Millimeter);
        writer.setResolution(300);
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(ErrorCode::Io, tr("The receipt PDF could not be started."), QStringLiteral("path"));
        const QRect page = painter.viewport();
        QFont title = painter.font();
        title.setPointSizeF(14);
        title.setBold(true);
        painter.setFont(title);
        const int titleHeight = painter.fontMetrics().height();
        painter.drawText(QRect(0, 0, page.width(), titleHeight), Qt::AlignHCenter, receipt.gymName);
        QFont body = title;
        body.setPointSizeF(9);
        body.setBold(false);
        painter.setFont(body);
        const int lineHeight = painter.fontMetrics().height();
        int y = titleHeight + lineHeight / 2;
        const QString heading = receipt.kind == SaleKind::Refund ? tr("Refund receipt") : tr("Receipt");
        painter.drawText(QRect(0, y, page.width(), lineHeight), Qt::AlignHCenter, heading);
        y += lineHeight * 2;
        for (const QString &line : textLines(receipt)) {
            painter.drawText(QRect(0, y, page.width(), lineHeight), Qt::AlignLeft, line);
            y += lineHeight;
        }
        painter.end();
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, tr("The receipt could not be saved to %1: %2").arg(path, file.errorString()),
            QStringLiteral("path"));
    return {};
}

} // namespace gymgate
