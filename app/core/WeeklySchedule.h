#pragma once

#include "core/Error.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace gymgate {

// One recurring window of local time, e.g. Monday-Friday 06:00-22:00.
// Minutes count from local midnight; a window may run past midnight (toMinute > 1440 is not
// allowed, instead fromMinute > toMinute means "until toMinute on the next day").
struct TimeWindow {
    quint8 daysMask = 0; // bit 0 = Monday ... bit 6 = Sunday
    int fromMinute = 0; // 0..1439
    int toMinute = 0; // 1..1440, or less than fromMinute for an overnight window

    bool operator==(const TimeWindow &) const = default;
};

// A set of weekly windows in the site's time zone: opening hours of a zone, or the hours a
// card may be used in. An empty schedule means "no restriction" (open all the time).
class WeeklySchedule {
public:
    WeeklySchedule() = default;
    explicit WeeklySchedule(QList<TimeWindow> windows) : m_windows(std::move(windows)) { }

    bool isUnrestricted() const { return m_windows.isEmpty(); }
    const QList<TimeWindow> &windows() const { return m_windows; }

    // True when the instant `utcMs`, seen in `zone`, falls inside any window.
    bool contains(qint64 utcMs, const QTimeZone &zone) const;

    // JSON form: [{"days":"1-5","from":"06:00","to":"22:00"}, ...]; days are ISO weekday
    // numbers (1 = Monday) as a list "1,3,5" or ranges "1-5", or "*" for every day.
    static Result<WeeklySchedule> fromJson(const QByteArray &json);
    QByteArray toJson() const;

    bool operator==(const WeeklySchedule &) const = default;

private:
    QList<TimeWindow> m_windows;
};

} // namespace gymgate
