#pragma once

#include <QColor>
#include <QPixmap>

namespace gymgate {

// The kiosk's pictograms, drawn with QPainter so they need no image plugin. Each meaning has
// its own shape as well as its own colour (Okabe-Ito palette), so a colour-blind member tells
// grant from deny by the shape alone.
enum class KioskIcon {
    Invalid = 0,
    Check, // granted, passed: blue circle, white tick
    Arrow, // please walk through: blue circle, white arrow
    Cross, // denied: vermillion octagon, white cross
    Wait, // busy: grey circle, clock hands
    Warning, // gate fault, out of order, offline: yellow triangle, black "!"
    Emergency, // emergency: yellow/black hazard border, running exit arrow
    Logo, // the built-in logo when the gym has none: a dumbbell
};

namespace KioskColors {
inline const QColor go {0x00, 0x72, 0xB2}; // blue
inline const QColor stop {0xD5, 0x5E, 0x00}; // vermillion
inline const QColor caution {0xF0, 0xE4, 0x42}; // yellow
inline const QColor neutral {0x4D, 0x4D, 0x4D};
inline const QColor ink {0x11, 0x11, 0x11};
} // namespace KioskColors

QPixmap kioskIcon(KioskIcon icon, int sizePx, qreal devicePixelRatio = 1.0);

} // namespace gymgate
