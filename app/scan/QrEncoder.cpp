#include "scan/QrEncoder.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <optional>

namespace gymgate {
namespace {

// MultiFormatWriter maps its 0..8 scale onto QR levels as (level - 1) / 2: 3 and 4 are M.
constexpr int EccLevelM = 4;

std::optional<ZXing::BitMatrix> encodeModules(const QString &text)
{
    // ZXing throws std::invalid_argument when the data do not fit version 40.
    try {
        // Margin 0 and size 0: one pixel per module; the quiet zone and scale are ours.
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEccLevel(EccLevelM).setMargin(0);
        // ZXing's default byte mode is ISO 8859-1 and refuses other text; UTF-8 adds an ECI
        // marker, which GG1 codes (plain ASCII) do without so any scanner reads them.
        const bool latin1 = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x100; });
        if (!latin1)
            writer.setEncoding(ZXing::CharacterSet::UTF8);
        return writer.encode(text.toStdWString(), 0, 0);
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

QImage render(const ZXing::BitMatrix &modules, int moduleSizePx, int quietZoneModules)
{
    const int sideModules = modules.width() + 2 * quietZoneModules;
    QImage image(sideModules * moduleSizePx, sideModules * moduleSizePx, QImage::Format_Grayscale8);
    image.fill(255);
    QByteArray row(image.width(), char(255));
    for (int y = 0; y < modules.height(); ++y) {
        row.fill(char(255));
        for (int x = 0; x < modules.width(); ++x) {
            if (modules.get(x, y))
                std::memset(row.data() + (x + quietZoneModules) * moduleSizePx, 0, size_t(moduleSizePx));
        }
        const int top = (y + quietZoneModules) * moduleSizePx;
        for (int dy = 0; dy < moduleSizePx; ++dy)
            std::memcpy(image.scanLine(top + dy), row.constData(), size_t(row.size()));
    }
    return image;
}

} // namespace

Result<QImage> QrEncoder::encode(const QString &text, int moduleSizePx, int quietZoneModules)
{
    if (text.isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("There is no text to put in the QR code."), QStringLiteral("text"));
    if (moduleSizePx < 1 || moduleSizePx > MaxModuleSizePx) {
        return fail(ErrorCode::InvalidArgument, tr("The QR module size must be 1 to %1 pixels.").arg(MaxModuleSizePx),
            QStringLiteral("moduleSizePx"));
    }
    if (quietZoneModules < 0 || quietZoneModules > MaxQuietZoneModules) {
        return fail(ErrorCode::InvalidArgument,
            tr("The QR quiet zone must be 0 to %1 modules.").arg(MaxQuietZoneModules),
            QStringLiteral("quietZoneModules"));
    }
    const std::optional<ZXing::BitMatrix> modules = encodeModules(text);
    if (!modules) {
        return fail(ErrorCode::InvalidArgument,
            tr("The text is too long for a QR code (%n characters).", nullptr, int(text.size())),
            QStringLiteral("text"));
    }
    return render(*modules, moduleSizePx, quietZoneModules);
}

} // namespace gymgate
