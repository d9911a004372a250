#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace gymgate {

// Draws a QR code (error correction level M) as a black-on-white Grayscale8 image with sharp
// square modules: for printed member cards and for demo codes shown on screen.
class QrEncoder {
    Q_DECLARE_TR_FUNCTIONS(QrEncoder)
public:
    static constexpr int MaxModuleSizePx = 32;
    static constexpr int MaxQuietZoneModules = 16;

    // InvalidArgument when the text is empty or too long for a QR code, or a size is out of
    // range (moduleSizePx 1..MaxModuleSizePx, quietZoneModules 0..MaxQuietZoneModules). The
    // standard asks for a quiet zone of 4 modules; scanners read less, but not reliably.
    static Result<QImage> encode(const QString &text, int moduleSizePx, int quietZoneModules = 4);
};

} // namespace gymgate
