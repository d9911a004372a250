#include "ui/desk/ReportPdf.h"

#include "ui/desk/ReportChart.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace gymgate {

namespace {

constexpr int kDotsPerInch = 300;
constexpr double kMarginMm = 15.0;
constexpr int kLandscapeColumns = 8; // wider tables print across the page
constexpr QSize kChartSize(960, 420); // logical pixels; the chart's fonts are sized for screens
constexpr qreal kChartPixelRatio = 2.0; // sharp enough on paper
constexpr double kLabelShare = 0.28; // of the width, for the first column
constexpr double kRowSpacing = 1.5; // row height in lines of text

// Where the next line goes, on which page.
struct Sheet {
    QPdfWriter &writer;
    QPainter &painter;
    QRect area; // the printable area of a page, minus the footer
    int y = 0;
    int page = 1;
};

Status ioError(const QString &path, const QString &reason)
{
    return fail(ErrorCode::Io, ReportPdf::tr("The report could not be saved to %1: %2").arg(path, reason),
        QStringLiteral("path"));
}

void setFont(QPainter &painter, double pointSize, bool bold)
{
    QFont font = painter.font();
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    painter.setFont(font);
}

void drawLine(Sheet &sheet, const QString &text, double pointSize, bool bold)
{
    setFont(sheet.painter, pointSize, bold);
    const int height = sheet.painter.fontMetrics().height();
    sheet.painter.drawText(QRect(sheet.area.left(), sheet.y, sheet.area.width(), height), Qt::AlignLeft, text);
    sheet.y += height + height / 4;
}

void drawFooter(Sheet &sheet)
{
    setFont(sheet.painter, 8, false);
    const QRect viewport = sheet.painter.viewport();
    const int height = sheet.painter.fontMetrics().height();
    sheet.painter.drawText(QRect(0, viewport.height() - height, viewport.width(), height), Qt::AlignHCenter,
        ReportPdf::tr("Page %1").arg(sheet.page));
}

void newPage(Sheet &sheet)
{
    drawFooter(sheet);
    sheet.writer.newPage();
    ++sheet.page;
    sheet.y = sheet.area.top();
}

// The chart drawn off screen: a scene holds it while it paints into an image.
QImage chartImage(const ReportPdfContent &content)
{
    QGraphicsScene scene;
    QChart *chart = ReportChart::build(content.table, content.chartColumnId);
    scene.addItem(chart); // the scene deletes it
    scene.setSceneRect(QRectF(QPointF(0, 0), kChartSize));
    chart->setBackgroundRoundness(0);
    chart->resize(kChartSize);
    chart->layout()->activate();
    QImage image(kChartSize * kChartPixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(kChartPixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), kChartSize), scene.sceneRect());
    return image;
}

void drawChart(Sheet &sheet, const QImage &image)
{
    const int width = sheet.area.width();
    const int height = width * kChartSize.height() / kChartSize.width();
    sheet.painter.drawImage(QRect(sheet.area.left(), sheet.y, width, height), image);
    sheet.y += height + sheet.painter.fontMetrics().height();
}

QList<int> columnWidths(const ReportTable &table, int width)
{
    const int labelWidth = int(width * kLabelShare);
    const int valueWidth = (width - labelWidth) / std::max(1, int(table.columns.size()));
    QList<int> widths {labelWidth};
    for (int i = 0; i < table.columns.size(); ++i)
        widths << valueWidth;
    return widths;
}

void drawRow(Sheet &sheet, const QList<int> &widths, const QStringList &cells, bool bold, bool header)
{
    setFont(sheet.painter, 8, bold);
    const QFontMetrics metrics = sheet.painter.fontMetrics();
    const int height = int(metrics.height() * kRowSpacing);
    const int padding = metrics.averageCharWidth() / 2;
    if (header)
        sheet.painter.fillRect(QRect(sheet.area.left(), sheet.y, sheet.area.width(), height), QColor(0xe8, 0xec, 0xf0));
    int x = sheet.area.left();
    for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
        const QRect box(x + padding, sheet.y, widths[i] - 2 * padding, height);
        const Qt::Alignment align = (i == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter;
        sheet.painter.drawText(box, align, metrics.elidedText(cells[i], Qt::ElideRight, box.width()));
        x += widths[i];
    }
    sheet.y += height;
    if (header || bold)
        sheet.painter.drawLine(sheet.area.left(), sheet.y, sheet.area.right(), sheet.y);
}

QStringList headerCells(const ReportTable &table)
{
    QStringList cells {reportDimensionTitle(table.dimension)};
    for (const ReportColumn &column : table.columns)
        cells << column.title;
    return cells;
}

QStringList rowCells(const ReportTable &table, const ReportRow &row, const QString &label)
{
    QStringList cells {label};
    for (int i = 0; i < table.columns.size(); ++i)
        cells << reportValueText(table.columns[i], i < row.values.size() ? row.values[i] : 0.0);
    return cells;
}

// Starts a new page, header repeated, when the next row would not fit.
void ensureRoom(Sheet &sheet, const QList<int> &widths, const QStringList &header)
{
    const int rowHeight = int(sheet.painter.fontMetrics().height() * kRowSpacing);
    if (sheet.y + rowHeight <= sheet.area.bottom())
        return;
    newPage(sheet);
    drawRow(sheet, widths, header, true, true);
}

void drawTable(Sheet &sheet, const ReportTable &table)
{
    const QList<int> widths = columnWidths(table, sheet.area.width());
    const QStringList header = headerCells(table);
    setFont(sheet.painter, 8, true);
    ensureRoom(sheet, widths, header);
    drawRow(sheet, widths, header, true, true);
    for (const ReportRow &row : table.rows) {
        ensureRoom(sheet, widths, header);
        drawRow(sheet, widths, rowCells(table, row, row.label.isEmpty() ? row.key : row.label), false, false);
    }
    ensureRoom(sheet, widths, header);
    sheet.painter.drawLine(sheet.area.left(), sheet.y, sheet.area.right(), sheet.y);
    drawRow(sheet, widths, rowCells(table, table.total, ReportPdf::tr("Total")), true, false);
}

QString generatedText(const ReportPdfContent &content)
{
    const QTimeZone zone = content.table.range.zone.isValid() ? content.table.range.zone : QTimeZone::systemTimeZone();
    const QString at = content.generatedAt.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return content.staffName.isEmpty() ? ReportPdf::tr("Generated %1").arg(at)
                                       : ReportPdf::tr("Generated %1 by %2").arg(at, content.staffName);
}

void drawHeading(Sheet &sheet, const ReportPdfContent &content)
{
    if (!content.siteTitle.isEmpty())
        drawLine(sheet, content.siteTitle, 16, true);
    drawLine(sheet, ReportPdf::title(content.table), 13, true);
    drawLine(sheet, ReportPdf::rangeText(content.table.range), 9, false);
    drawLine(sheet, generatedText(content), 9, false);
    sheet.y += sheet.painter.fontMetrics().height() / 2;
}

void setUpWriter(QPdfWriter &writer, const ReportTable &table)
{
    writer.setTitle(ReportPdf::title(table));
    writer.setCreator(QStringLiteral("GymGate"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(
        table.columns.size() > kLandscapeColumns ? QPageLayout::Landscape : QPageLayout::Portrait);
    writer.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
    writer.setResolution(kDotsPerInch);
}

Status paint(const ReportPdfContent &content, QIODevice &device)
{
    QPdfWriter writer(&device);
    setUpWriter(writer, content.table);
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(ErrorCode::Io, ReportPdf::tr("The report PDF could not be started."), QStringLiteral("path"));
    setFont(painter, 8, false);
    const QRect viewport = painter.viewport();
    const int footer = painter.fontMetrics().height() * 2;
    Sheet sheet {writer, painter, QRect(0, 0, viewport.width(), viewport.height() - footer)};
    drawHeading(sheet, content);
    drawChart(sheet, chartImage(content));
    drawTable(sheet, content.table);
    drawFooter(sheet);
    painter.end();
    return {};
}

} // namespace

QString ReportPdf::title(const ReportTable &table)
{
    return tr("%1 by %2").arg(reportMetricTitle(table.metric), reportDimensionTitle(table.dimension).toLower());
}

QString ReportPdf::rangeText(const ReportRange &range)
{
    return tr("%1 – %2 (%3)")
        .arg(range.from.toString(Qt::ISODate), range.to.toString(Qt::ISODate), QString::fromUtf8(range.zone.id()));
}

Status ReportPdf::write(const ReportPdfContent &content, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(path, file.errorString());
    if (Status painted = paint(content, file); !painted) {
        file.cancelWriting();
        return painted;
    }
    if (!file.commit())
        return ioError(path, file.errorString());
    return {};
}

} // namespace gymgate
