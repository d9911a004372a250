#include "core/ReportPeriod.h"

#include <QCoreApplication>

namespace gymgate {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ReportPeriod)
};

const QString kToField = QStringLiteral("to");

qint64 startOfDayMs(QDate day, const QTimeZone &zone)
{
    return day.startOfDay(zone).toMSecsSinceEpoch();
}

} // namespace

Status ReportRange::check(QDate from, QDate to, int maxDays)
{
    if (!from.isValid())
        return fail(ErrorCode::InvalidArgument, Text::tr("The first day of the period is not a valid date."),
            QStringLiteral("from"));
    if (!to.isValid())
        return fail(ErrorCode::InvalidArgument, Text::tr("The last day of the period is not a valid date."), kToField);
    if (to < from)
        return fail(ErrorCode::InvalidArgument, Text::tr("The last day must not be before the first day."), kToField);
    if (from.daysTo(to) + 1 > maxDays)
        return fail(ErrorCode::InvalidArgument, Text::tr("The period is longer than %1 days.").arg(maxDays), kToField);
    return {};
}

Result<ReportRange> ReportRange::make(QDate from, QDate to, const QTimeZone &zone, int maxDays)
{
    const Status checked = check(from, to, maxDays);
    if (!checked)
        return std::unexpected(checked.error());
    return ReportRange {from, to, zone, startOfDayMs(from, zone), startOfDayMs(to.addDays(1), zone)};
}

bool isReportTimeDimension(ReportDimension dimension)
{
    return dimension == ReportDimension::Day || dimension == ReportDimension::Week
        || dimension == ReportDimension::Month || dimension == ReportDimension::Hour;
}

QString reportTimeKey(const QDateTime &local, ReportDimension dimension)
{
    const QDate date = local.date();
    switch (dimension) {
    case ReportDimension::Day:
        return date.toString(QStringLiteral("yyyy-MM-dd"));
    case ReportDimension::Week: {
        int year = 0;
        const int week = date.weekNumber(&year);
        return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
    }
    case ReportDimension::Month:
        return date.toString(QStringLiteral("yyyy-MM"));
    case ReportDimension::Hour:
        return reportHourKey(local.time().hour());
    case ReportDimension::Venue:
    case ReportDimension::Zone:
    case ReportDimension::CardKind:
    case ReportDimension::Product:
    case ReportDimension::Staff:
    case ReportDimension::Invalid:
        break;
    }
    return {};
}

QString reportHourKey(int hour)
{
    return QStringLiteral("%1").arg(hour, 2, 10, QLatin1Char('0'));
}

QList<ReportTimeBucket> reportTimeBuckets(const ReportRange &range, ReportDimension dimension)
{
    QList<ReportTimeBucket> buckets;
    if (dimension != ReportDimension::Day && dimension != ReportDimension::Week && dimension != ReportDimension::Month)
        return buckets;
    for (QDate day = range.from; day <= range.to; day = day.addDays(1)) {
        // Noon exists on every day, whatever the daylight saving change.
        const QString key = reportTimeKey(QDateTime(day, QTime(12, 0), range.zone), dimension);
        const qint64 endMs = startOfDayMs(day.addDays(1), range.zone);
        if (!buckets.isEmpty() && buckets.last().key == key)
            buckets.last().endMs = endMs;
        else
            buckets.append(ReportTimeBucket {key, startOfDayMs(day, range.zone), endMs});
    }
    return buckets;
}

QStringList reportTimeKeys(const ReportRange &range, ReportDimension dimension)
{
    QStringList keys;
    if (dimension == ReportDimension::Hour) {
        for (int hour = 0; hour < 24; ++hour)
            keys.append(reportHourKey(hour));
        return keys;
    }
    for (const ReportTimeBucket &bucket : reportTimeBuckets(range, dimension))
        keys.append(bucket.key);
    return keys;
}

QString ReportQuarterKeys::keyOf(qint64 quarter)
{
    const auto found = m_keys.constFind(quarter);
    if (found != m_keys.constEnd())
        return *found;
    const QString key = reportTimeKey(QDateTime::fromMSecsSinceEpoch(quarter * kQuarterMs, m_zone), m_dimension);
    m_keys.insert(quarter, key);
    return key;
}

} // namespace gymgate
