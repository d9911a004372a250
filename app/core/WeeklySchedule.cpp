#include "core/WeeklySchedule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace gymgate {
namespace {

constexpr int MinutesPerDay = 24 * 60;

bool dayInMask(quint8 mask, int isoDay) // isoDay 1..7
{
    return (mask & (1u << (isoDay - 1))) != 0;
}

int previousIsoDay(int isoDay)
{
    return isoDay == 1 ? 7 : isoDay - 1;
}

bool windowContains(const TimeWindow &window, int isoDay, int minute)
{
    if (window.fromMinute < window.toMinute)
        return dayInMask(window.daysMask, isoDay) && minute >= window.fromMinute && minute < window.toMinute;
    // Overnight window: the evening part belongs to the listed day, the morning part to the next.
    return (dayInMask(window.daysMask, isoDay) && minute >= window.fromMinute)
        || (dayInMask(window.daysMask, previousIsoDay(isoDay)) && minute < window.toMinute);
}

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(WeeklySchedule)
};

// "1-5", "1,3,6-7", "*" -> bit mask (bit 0 = Monday). 0 on any error.
quint8 parseDays(const QString &text)
{
    if (text.trimmed() == QLatin1String("*"))
        return 0x7f;
    static const QRegularExpression item(QStringLiteral("^([1-7])(?:-([1-7]))?$"));
    quint8 mask = 0;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QRegularExpressionMatch match = item.match(part.trimmed());
        if (!match.hasMatch())
            return 0;
        const int first = match.captured(1).toInt();
        const int last = match.captured(2).isEmpty() ? first : match.captured(2).toInt();
        if (last < first)
            return 0;
        for (int day = first; day <= last; ++day)
            mask |= static_cast<quint8>(1u << (day - 1));
    }
    return mask;
}

// "HH:MM" -> minutes; "24:00" only when allowEndOfDay. -1 on error.
int parseClock(const QString &text, bool allowEndOfDay)
{
    static const QRegularExpression clock(QStringLiteral("^([0-2][0-9]):([0-5][0-9])$"));
    const QRegularExpressionMatch match = clock.match(text);
    if (!match.hasMatch())
        return -1;
    const int minutes = match.captured(1).toInt() * 60 + match.captured(2).toInt();
    if (minutes < MinutesPerDay || (allowEndOfDay && minutes == MinutesPerDay))
        return minutes;
    return -1;
}

QString daysText(quint8 mask)
{
    if (mask == 0x7f)
        return QStringLiteral("*");
    QStringList parts;
    for (int day = 1; day <= 7; ++day) {
        if (!dayInMask(mask, day))
            continue;
        int last = day;
        while (last < 7 && dayInMask(mask, last + 1))
            ++last;
        parts.append(
            last == day ? QString::number(day) : QString::number(day) + QLatin1Char('-') + QString::number(last));
        day = last;
    }
    return parts.join(QLatin1Char(','));
}

QString clockText(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

bool WeeklySchedule::contains(qint64 utcMs, const QTimeZone &zone) const
{
    if (m_windows.isEmpty())
        return true;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, zone);
    const int isoDay = local.date().dayOfWeek();
    const int minute = local.time().msecsSinceStartOfDay() / 60'000;
    for (const TimeWindow &window : m_windows) {
        if (windowContains(window, isoDay, minute))
            return true;
    }
    return false;
}

Result<WeeklySchedule> WeeklySchedule::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray())
        return fail(ErrorCode::InvalidArgument, Text::tr("The schedule must be a JSON list of time windows."));

    QList<TimeWindow> windows;
    const QJsonArray items = document.array();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString field = QStringLiteral("[%1]").arg(i);
        const QJsonObject item = items.at(i).toObject();
        if (!items.at(i).isObject())
            return fail(ErrorCode::InvalidArgument, Text::tr("Each time window must be an object."), field);
        TimeWindow window;
        window.daysMask = parseDays(item.value(QLatin1String("days")).toString());
        if (window.daysMask == 0)
            return fail(ErrorCode::InvalidArgument,
                Text::tr("Days must be weekday numbers 1-7, like \"1-5\" or \"6,7\"."),
                field + QStringLiteral(".days"));
        window.fromMinute = parseClock(item.value(QLatin1String("from")).toString(), false);
        if (window.fromMinute < 0)
            return fail(ErrorCode::InvalidArgument, Text::tr("The start time must be HH:MM between 00:00 and 23:59."),
                field + QStringLiteral(".from"));
        window.toMinute = parseClock(item.value(QLatin1String("to")).toString(), true);
        if (window.toMinute < 0 || window.toMinute == window.fromMinute)
            return fail(ErrorCode::InvalidArgument,
                Text::tr("The end time must be HH:MM up to 24:00 and differ from the start time."),
                field + QStringLiteral(".to"));
        windows.append(window);
    }
    return WeeklySchedule(std::move(windows));
}

QByteArray WeeklySchedule::toJson() const
{
    QJsonArray items;
    for (const TimeWindow &window : m_windows) {
        items.append(QJsonObject {{QStringLiteral("days"), daysText(window.daysMask)},
            {QStringLiteral("from"), clockText(window.fromMinute)},
            {QStringLiteral("to"), clockText(window.toMinute)}});
    }
    return QJsonDocument(items).toJson(QJsonDocument::Compact);
}

} // namespace gymgate
