#include "scan/QrDecoder.h"

#include <QFileInfo>
#include <QImageReader>

#include <ZXing/ReadBarcode.h>
#include <ZXing/TextUtfEncoding.h>

#include <algorithm>
#include <exception>

namespace gymgate {
namespace {

// Option choice, measured with `gymgate-bench decode --iterations 400 --sweep` (Release, this
// 2-core machine; docs/PERFORMANCE.md "QR decode"). Camera-like grey frames with a 164-character
// GG1 code whose symbol spans 20-35% of the frame width, turned a few degrees, soft and noisy;
// "soft" 1280x720 frames are blurred harder. Mean ms / read rate:
//                          640x480 code   640x480 none   1280x720 code  1280x720 none  1280x720 soft
//   tryDownscale (chosen)  0.95 / 74%     0.64           2.5 / 100%     2.6            5.2 / 49%
//   ZXing default (all on) 0.78 / 74%     0.61           3.2 / 100%     2.8            6.7 / 49%
//   tryHarder+tryDownscale 0.74 / 74%     0.87           2.8 / 100%     2.9            5.8 / 49%
//   tryHarder              0.76 / 74%     0.62           2.2 / 100%     1.8            5.3 / 37%
//   nothing                0.80 / 74%     0.65           2.0 / 100%     1.8            3.7 / 37%
//   tryDownscale+upscale   1.55 / 87%     3.28           2.5 / 100%     2.5            4.4 / 49%
// Every set reads the 23 coded images of tests/data/qr and none of the 7 without a code.
// tryHarder and tryRotate read nothing more in any kind of frame (a QR symbol's finder patterns
// are found at any angle; ZXing's rotation is for linear codes) and cost time in big frames;
// tryDownscale reads a third more of the soft 720p frames. Enlarging VGA frames without a code
// (upscaleBelowPx) reads small and dim codes better but costs 5 times as much on the frames
// without a code, which are most frames: opt-in only.
ZXing::DecodeHints hintsFor(const QrDecoder::Options &options)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(options.tryHarder);
    hints.setTryRotate(options.tryRotate);
    hints.setTryDownscale(options.tryDownscale);
    hints.setMaxNumberOfSymbols(1);
    return hints;
}

std::optional<ZXing::ImageFormat> directFormat(QImage::Format format)
{
    // 32-bit QImage pixels are 0xAARRGGBB words, i.e. B,G,R,A bytes on a little-endian CPU.
    switch (format) {
    case QImage::Format_Grayscale8:
        return ZXing::ImageFormat::Lum;
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN)
            return ZXing::ImageFormat::BGRX;
        else
            return ZXing::ImageFormat::XRGB;
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBA8888_Premultiplied:
        return ZXing::ImageFormat::RGBX;
    case QImage::Format_RGB888:
        return ZXing::ImageFormat::RGB;
    default:
        return std::nullopt;
    }
}

std::optional<QString> read(const ZXing::ImageView &view, const QrDecoder::Options &options)
{
    // ZXing reports failures as an invalid result, but its writers and a few reader paths throw
    // on odd input; nothing may escape into a camera thread or the event loop.
    try {
        const ZXing::Result result = ZXing::ReadBarcode(view, hintsFor(options));
        if (!result.isValid())
            return std::nullopt;
        const QString text = QString::fromStdString(ZXing::TextUtfEncoding::ToUtf8(result.text())).trimmed();
        if (text.isEmpty())
            return std::nullopt;
        return text;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

QImage enlargeTwice(const QImage &gray)
{
    // Bilinear 2x: each source pixel and the means with its right and lower neighbours.
    const int width = gray.width();
    const int height = gray.height();
    QImage out(width * 2, height * 2, QImage::Format_Grayscale8);
    for (int y = 0; y < height; ++y) {
        const uchar *row = gray.constScanLine(y);
        const uchar *below = gray.constScanLine(std::min(y + 1, height - 1));
        uchar *even = out.scanLine(2 * y);
        uchar *odd = out.scanLine(2 * y + 1);
        for (int x = 0; x < width; ++x) {
            const int right = std::min(x + 1, width - 1);
            even[2 * x] = row[x];
            even[2 * x + 1] = uchar((row[x] + row[right] + 1) / 2);
            odd[2 * x] = uchar((row[x] + below[x] + 1) / 2);
            odd[2 * x + 1] = uchar((row[x] + row[right] + below[x] + below[right] + 2) / 4);
        }
    }
    return out;
}

} // namespace

std::optional<QString> QrDecoder::decode(const QImage &image) const
{
    if (image.isNull() || image.width() < 21 || image.height() < 21)
        return std::nullopt;
    std::optional<QString> text;
    if (const auto format = directFormat(image.format())) {
        text = read(ZXing::ImageView(image.constBits(), image.width(), image.height(), *format,
                        static_cast<int>(image.bytesPerLine())),
            m_options);
    } else {
        const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
        text = read(ZXing::ImageView(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                        static_cast<int>(gray.bytesPerLine())),
            m_options);
    }
    if (text || std::min(image.width(), image.height()) > m_options.upscaleBelowPx)
        return text;
    const QImage enlarged = enlargeTwice(image.convertToFormat(QImage::Format_Grayscale8));
    Options second = m_options;
    second.tryDownscale = false; // it would undo the enlargement
    return read(ZXing::ImageView(enlarged.constBits(), enlarged.width(), enlarged.height(), ZXing::ImageFormat::Lum,
                    static_cast<int>(enlarged.bytesPerLine())),
        second);
}

std::optional<QString> QrDecoder::decodeLuminance(
    const uchar *data, int width, int height, qsizetype bytesPerLine) const
{
    if (data == nullptr || width < 21 || height < 21 || bytesPerLine < width)
        return std::nullopt;
    return read(
        ZXing::ImageView(data, width, height, ZXing::ImageFormat::Lum, static_cast<int>(bytesPerLine)), m_options);
}

Result<QString> QrDecoder::decodeFile(const QString &path) const
{
    const QString name = QFileInfo(path).fileName();
    QImageReader reader(path);
    reader.setAutoTransform(true); // a phone photo's EXIF orientation
    const QImage image = reader.read();
    if (image.isNull()) {
        return fail(ErrorCode::Io, tr("Cannot read the image file %1: %2").arg(name, reader.errorString()),
            QStringLiteral("path"));
    }
    if (auto text = decode(image))
        return *text;
    return fail(ErrorCode::NotFound, tr("No QR code found in %1.").arg(name), QStringLiteral("path"));
}

} // namespace gymgate
