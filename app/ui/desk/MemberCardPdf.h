#pragma once

#include "core/Error.h"
#include "core/MemberDirectory.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace gymgate {

// The printable member card: one ID-1 sized page (85.6 x 54 mm, a bank card) with the gym's
// name, the member's name and number, and the member's QR code. The code is drawn as vector
// squares with its 4-module quiet zone, so it stays sharp at any printer resolution.
class MemberCardPdf {
    Q_DECLARE_TR_FUNCTIONS(MemberCardPdf)
public:
    static constexpr double WidthMm = 85.6;
    static constexpr double HeightMm = 53.98;

    // Writes the PDF to `path` (replacing it). Io when the file cannot be written,
    // InvalidArgument when the code cannot be drawn as a QR code.
    static Status write(const MemberCode &code, const QString &path);
    // The same card as an image, for the on-screen preview.
    static Result<QImage> render(const MemberCode &code, int dotsPerInch = 200);
};

} // namespace gymgate
