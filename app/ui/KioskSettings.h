#pragma once

#include "core/Clock.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace gymgate {

// A booking shown on the granted screen ("Next today: Yoga at 18:30, Studio 2").
struct KioskBooking {
    QString title; // course name, or the venue for a venue booking
    QString venueName;
    qint64 startMs = 0;
};

// Everything the kiosk window needs from outside, filled by the composition root from the
// settings table (keys in docs/KIOSK.md) and the branding of seed 002.
struct KioskSettings {
    // Branding (seed 002 brand_config: logo, primaryColor, secondaryColor, welcome text).
    QString gymName;
    QString welcomeText; // shown under the gym name on the idle screen, as entered by the admin
    QString logoPath; // PNG or JPG; empty or unreadable = the built-in logo
    QColor primaryColor {0x1F, 0x3A, 0x5F}; // idle screen background
    QColor secondaryColor {0xFF, 0xC3, 0x00}; // idle screen headline and clock

    QString siteLanguage = QStringLiteral("zh_CN"); // the language the kiosk rests in
    QTimeZone siteTimeZone = QTimeZone::systemTimeZone(); // clock, expiry dates, booking times

    // Only updates from these lanes and gates are shown; empty = all of them.
    QStringList laneIds;
    QStringList gateIds;

    int idleReturnMs = 4000; // granted, passed and other result screens back to idle
    int deniedReturnMs = 6000; // denied screens stay longer: there is advice to read
    int passScreenMaxMs = 15'000; // "please walk through" waits for the passage at most this long

    bool soundEnabled = true;

    // PIN to leave kiosk mode: checked by the composition root (against kiosk.pin_hash), so
    // the window never sees the hash. Null = leaving is impossible.
    std::function<bool(const QString &pin)> verifyPin;
    int pinMaxAttempts = 3;
    int pinLockoutMs = 30'000;

    // The member's next booking today that has not started yet, for the granted screen.
    std::function<std::optional<KioskBooking>(const QString &memberId)> nextBookingToday;

    const Clock *clock = nullptr; // null = the system clock
};

// A branding colour as seed 002 stores it: "#RRGGBB" or "rgb(r, g, b)". Invalid QColor for
// anything else.
QColor parseBrandColor(const QString &text);

} // namespace gymgate
