#include "ui/KioskSettings.h"

#include <QRegularExpression>

namespace gymgate {

QColor parseBrandColor(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    static const QRegularExpression rgb(QStringLiteral("^rgb\\((\\d{1,3}),\\s*(\\d{1,3}),\\s*(\\d{1,3})\\)$"));
    const QString trimmed = text.trimmed();
    if (hex.match(trimmed).hasMatch())
        return QColor::fromString(trimmed);
    const QRegularExpressionMatch match = rgb.match(trimmed);
    if (!match.hasMatch())
        return {};
    const int red = match.captured(1).toInt();
    const int green = match.captured(2).toInt();
    const int blue = match.captured(3).toInt();
    if (red > 255 || green > 255 || blue > 255)
        return {};
    return QColor(red, green, blue);
}

} // namespace gymgate
