#include "ui/desk/MemberCardPdf.h"

#include "scan/QrEncoder.h"

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace gymgate {

namespace {

constexpr int PdfDotsPerInch = 600;
constexpr double MarginMm = 4.0;
constexpr double MillimetresPerInch = 25.4;

// Millimetres to device pixels at `dpi`.
struct Scale {
    double dpi = 0;
    double px(double mm) const { return mm * dpi / MillimetresPerInch; }
};

// One pixel per module, quiet zone included: the painter draws each dark module as a square.
Result<QImage> qrModules(const QString &code)
{
    Result<QImage> modules = QrEncoder::encode(code, 1, 4);
    if (!modules)
        return std::unexpected(modules.error());
    return modules->convertToFormat(QImage::Format_Grayscale8);
}

void drawQr(QPainter &painter, const QImage &modules, const QRectF &area)
{
    const double module = std::min(area.width(), area.height()) / modules.width();
    painter.fillRect(area, Qt::white);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < modules.height(); ++y) {
        const uchar *row = modules.constScanLine(y);
        for (int x = 0; x < modules.width(); ++x) {
            if (row[x] < 128) // slightly wider squares so no hairline gaps show between them
                painter.drawRect(
                    QRectF(area.left() + x * module, area.top() + y * module, module * 1.02, module * 1.02));
        }
    }
}

// Fits `text` into `width` by shrinking the font down to `5 pt`, then eliding.
void drawLine(QPainter &painter, const QRectF &box, const QString &text, double pointSize, bool bold)
{
    QFont font = painter.font();
    font.setBold(bold);
    font.setPointSizeF(pointSize);
    painter.setFont(font);
    while (painter.fontMetrics().horizontalAdvance(text) > box.width() && font.pointSizeF() > 5.0) {
        font.setPointSizeF(font.pointSizeF() - 0.5);
        painter.setFont(font);
    }
    const QString shown = painter.fontMetrics().elidedText(text, Qt::ElideRight, int(box.width()));
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, shown);
}

void paintCard(QPainter &painter, const MemberCode &code, const QImage &modules, Scale scale)
{
    const double width = scale.px(MemberCardPdf::WidthMm);
    const double height = scale.px(MemberCardPdf::HeightMm);
    const double margin = scale.px(MarginMm);
    painter.fillRect(QRectF(0, 0, width, height), Qt::white);

    // The QR code fills the right-hand side, as large as the card allows.
    const double qrSide = height - 2 * margin;
    drawQr(painter, modules, QRectF(width - margin - qrSide, margin, qrSide, qrSide));

    const double textWidth = width - 3 * margin - qrSide;
    const double left = margin;
    painter.setPen(QColor(0x1f, 0x4e, 0x79)); // brand band: the gym's name
    drawLine(painter, QRectF(left, margin, textWidth, scale.px(8)), code.gymName, 11, true);
    painter.setPen(Qt::darkGray);
    drawLine(painter, QRectF(left, margin + scale.px(8), textWidth, scale.px(5)), MemberCardPdf::tr("Member card"), 7,
        false);
    painter.setPen(Qt::black);
    drawLine(painter, QRectF(left, height / 2 - scale.px(5), textWidth, scale.px(9)), code.memberName, 13, true);
    drawLine(painter, QRectF(left, height / 2 + scale.px(5), textWidth, scale.px(6)), code.memberNo, 10, false);
    painter.setPen(Qt::darkGray);
    drawLine(painter, QRectF(left, height - margin - scale.px(9), textWidth, scale.px(9)),
        MemberCardPdf::tr("Show this code at the gate."), 6, false);
}

} // namespace

Status MemberCardPdf::write(const MemberCode &code, const QString &path)
{
    Result<QImage> modules = qrModules(code.code);
    if (!modules)
        return std::unexpected(modules.error());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::Io, tr("The member card could not be saved to %1: %2").arg(path, file.errorString()),
            QStringLiteral("path"));
    {
        QPdfWriter writer(&file);
        writer.setTitle(tr("Member card %1").arg(code.memberNo));
        writer.setCreator(QStringLiteral("GymGate"));
        writer.setResolution(PdfDotsPerInch);
        // Portrait size given as height x width, turned to landscape: PDF viewers show it the
        // right way up and the printer dialog offers the card size.
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(HeightMm, WidthMm), QPageSize::Millimeter, tr("Member card")),
            QPageLayout::Landscape, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(ErrorCode::Io, tr("The member card PDF could not be started."), QStringLiteral("path"));
        paintCard(painter, code, *modules, Scale {double(PdfDotsPerInch)});
        painter.end();
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, tr("The member card could not be saved to %1: %2").arg(path, file.errorString()),
            QStringLiteral("path"));
    return {};
}

Result<QImage> MemberCardPdf::render(const MemberCode &code, int dotsPerInch)
{
    Result<QImage> modules = qrModules(code.code);
    if (!modules)
        return std::unexpected(modules.error());
    const Scale scale {double(std::clamp(dotsPerInch, 50, 1200))};
    QImage image(int(scale.px(WidthMm) + 0.5), int(scale.px(HeightMm) + 0.5), QImage::Format_RGB32);
    const int dotsPerMetre = int(scale.dpi / 0.0254 + 0.5);
    image.setDotsPerMeterX(dotsPerMetre); // so point sizes come out as on paper
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintCard(painter, code, *modules, scale);
    painter.end();
    return image;
}

} // namespace gymgate
