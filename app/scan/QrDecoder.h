#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

#include <optional>

namespace gymgate {

// Decodes the one QR code in a camera frame or an image file with ZXing. Stateless and cheap
// to copy; decode() is safe to call from any thread.
class QrDecoder {
    Q_DECLARE_TR_FUNCTIONS(QrDecoder)
public:
    // ZXing's search effort. The defaults were chosen by measurement, see QrDecoder.cpp.
    struct Options {
        bool tryHarder = false;
        bool tryRotate = false;
        bool tryDownscale = true;
        // When nothing is found in a frame up to this size (its smaller side), look again at it
        // enlarged twice: reads smaller and dimmer codes in VGA frames, but a frame without a
        // code then costs about 5 times as much. 0 (the default) turns the second look off.
        int upscaleBelowPx = 0;
    };

    QrDecoder() = default;
    explicit QrDecoder(Options options) : m_options(options) { }

    const Options &options() const { return m_options; }

    // The text of the QR code in the image without surrounding whitespace (what a scan source
    // reports), or nullopt when there is none, it is unreadable or it holds only whitespace. Grayscale8 and 32-bit RGB
    // images are read in place, other formats converted.
    std::optional<QString> decode(const QImage &image) const;
    // Same on raw 8-bit luminance rows; bytesPerLine is the row stride.
    std::optional<QString> decodeLuminance(const uchar *data, int width, int height, qsizetype bytesPerLine) const;
    // Reads an image file: Io if it cannot be read as an image, NotFound if it holds no QR code.
    Result<QString> decodeFile(const QString &path) const;

private:
    Options m_options;
};

} // namespace gymgate
