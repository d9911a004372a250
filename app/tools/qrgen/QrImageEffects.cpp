#include "QrImageEffects.h"

#include <QBuffer>
#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <vector>

namespace gymgate::qrgen {
namespace {

int clampByte(double value)
{
    return std::clamp(static_cast<int>(std::lround(value)), 0, 255);
}

double gaussian(QRandomGenerator &random)
{
    // Box-Muller; 1 - u keeps the logarithm's argument above zero.
    const double u = 1.0 - random.generateDouble();
    const double v = random.generateDouble();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

void blurLine(const QRgb *in, QRgb *out, int count, qsizetype step, int radius)
{
    // Running sums per channel over a window clamped at the edges.
    std::vector<QRgb> line(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        line[size_t(i)] = in[i * step];
    int sumR = 0, sumG = 0, sumB = 0;
    const int window = 2 * radius + 1;
    auto at = [&](int i) {
        return line[size_t(std::clamp(i, 0, count - 1))];
    };
    for (int i = -radius; i <= radius; ++i) {
        sumR += qRed(at(i));
        sumG += qGreen(at(i));
        sumB += qBlue(at(i));
    }
    for (int i = 0; i < count; ++i) {
        out[i * step] = qRgb(sumR / window, sumG / window, sumB / window);
        const QRgb leaving = at(i - radius);
        const QRgb entering = at(i + radius + 1);
        sumR += qRed(entering) - qRed(leaving);
        sumG += qGreen(entering) - qGreen(leaving);
        sumB += qBlue(entering) - qBlue(leaving);
    }
}

void boxBlurOnce(QImage &image, int radius)
{
    const qsizetype stride = image.bytesPerLine() / qsizetype(sizeof(QRgb));
    auto *pixels = reinterpret_cast<QRgb *>(image.bits());
    for (int y = 0; y < image.height(); ++y)
        blurLine(pixels + y * stride, pixels + y * stride, image.width(), 1, radius);
    for (int x = 0; x < image.width(); ++x)
        blurLine(pixels + x, pixels + x, image.height(), stride, radius);
}

} // namespace

QImage canvas(int width, int height, QColor colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

QImage recolour(const QImage &code, QColor dark, QColor light)
{
    QImage out(code.size(), QImage::Format_RGB32);
    for (int y = 0; y < code.height(); ++y) {
        const uchar *in = code.constScanLine(y);
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < code.width(); ++x)
            line[x] = in[x] < 128 ? dark.rgb() : light.rgb();
    }
    return out;
}

void place(QImage &target, const QImage &image, QPointF centre, double angleDeg, double scale)
{
    QPainter painter(&target);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(centre);
    painter.rotate(angleDeg);
    painter.scale(scale, scale);
    painter.drawImage(QPointF(-image.width() / 2.0, -image.height() / 2.0), image);
}

void placeOnQuad(QImage &target, const QImage &image, const QPolygonF &quad)
{
    const QPolygonF source(QRectF(0, 0, image.width(), image.height()));
    QTransform transform;
    if (!QTransform::quadToQuad(QPolygonF(QList<QPointF>(source.begin(), source.begin() + 4)), quad, transform))
        return;
    QPainter painter(&target);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setTransform(transform);
    painter.drawImage(QPointF(0, 0), image);
}

void addNoise(QImage &image, double sigma, QRandomGenerator &random)
{
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            // Sensor noise is mostly luminance: one draw for the three channels.
            const double delta = sigma * gaussian(random);
            const QRgb pixel = line[x];
            line[x] = qRgb(
                clampByte(qRed(pixel) + delta), clampByte(qGreen(pixel) + delta), clampByte(qBlue(pixel) + delta));
        }
    }
}

void boxBlur(QImage &image, int radius, int passes)
{
    for (int pass = 0; radius > 0 && pass < passes; ++pass)
        boxBlurOnce(image, radius);
}

void unevenLight(QImage &image, double leftGain, double rightGain, QPointF spot, double spotGain)
{
    const double spotRadius = 0.45 * std::max(image.width(), image.height());
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const double ramp = leftGain + (rightGain - leftGain) * x / std::max(1, image.width() - 1);
            const double distance = std::hypot(x - spot.x(), y - spot.y()) / spotRadius;
            const double gain = ramp + spotGain * std::exp(-distance * distance);
            const QRgb pixel = line[x];
            line[x]
                = qRgb(clampByte(qRed(pixel) * gain), clampByte(qGreen(pixel) * gain), clampByte(qBlue(pixel) * gain));
        }
    }
}

QImage jpegRoundTrip(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", quality);
    QImage decoded;
    decoded.loadFromData(bytes, "JPG");
    return decoded.convertToFormat(QImage::Format_RGB32);
}

void drawPseudoText(QImage &image, const QRectF &area, double lineHeight, QColor ink, QRandomGenerator &random)
{
    // Words as rows of small glyph blocks: text-like texture without depending on installed fonts.
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    const double glyph = lineHeight * 0.55;
    for (double y = area.top(); y + lineHeight <= area.bottom(); y += lineHeight * 1.5) {
        double x = area.left();
        while (x < area.right() - glyph) {
            const int letters = random.bounded(2, 9);
            for (int i = 0; i < letters && x < area.right() - glyph; ++i) {
                const double height = glyph * (random.bounded(2) ? 1.0 : 1.4);
                painter.drawRect(QRectF(x, y + lineHeight - height, glyph * 0.7, height));
                x += glyph * 0.9;
            }
            x += glyph * 1.2;
        }
    }
}

void drawLinearBarcode(QImage &image, const QRectF &area, QRandomGenerator &random)
{
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    const double unit = area.width() / 190.0;
    double x = area.left();
    bool bar = true;
    while (x < area.right()) {
        const double width = unit * random.bounded(1, 5);
        if (bar)
            painter.drawRect(QRectF(x, area.top(), std::min(width, area.right() - x), area.height()));
        x += width;
        bar = !bar;
    }
}

void drawRandomModules(QImage &image, const QRectF &area, int modules, bool withFinders, QRandomGenerator &random)
{
    QPainter painter(&image);
    painter.setPen(Qt::NoPen);
    painter.fillRect(area, Qt::white);
    const double size = area.width() / modules;
    for (int my = 0; my < modules; ++my) {
        for (int mx = 0; mx < modules; ++mx) {
            if (random.bounded(2))
                painter.fillRect(QRectF(area.left() + mx * size, area.top() + my * size, size, size), Qt::black);
        }
    }
    if (!withFinders)
        return;
    // Three finder patterns (7x7: dark ring, light ring, 3x3 dark core) with light separators.
    const QPoint corners[] = {{0, 0}, {modules - 7, 0}, {0, modules - 7}};
    for (const QPoint corner : corners) {
        const QPointF origin(area.left() + corner.x() * size, area.top() + corner.y() * size);
        painter.fillRect(QRectF(origin - QPointF(size, size), QSizeF(9 * size, 9 * size)).intersected(area), Qt::white);
        painter.fillRect(QRectF(origin, QSizeF(7 * size, 7 * size)), Qt::black);
        painter.fillRect(QRectF(origin + QPointF(size, size), QSizeF(5 * size, 5 * size)), Qt::white);
        painter.fillRect(QRectF(origin + QPointF(2 * size, 2 * size), QSizeF(3 * size, 3 * size)), Qt::black);
    }
}

} // namespace gymgate::qrgen
