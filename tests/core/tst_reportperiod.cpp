#include "core/ReportPeriod.h"

#include <QTest>

using namespace gymgate;

namespace {

const QTimeZone shanghai("Asia/Shanghai");
const QTimeZone berlin("Europe/Berlin");
const QTimeZone kathmandu("Asia/Kathmandu"); // UTC+05:45: a quarter-hour offset

constexpr qint64 kHourMs = 60 * 60 * 1000;

// A UTC instant written out, independent of the code under test.
qint64 utcMs(const char *iso)
{
    const QDateTime utc = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    if (!utc.isValid())
        qFatal("bad instant in test: %s", iso);
    return QDateTime(utc.date(), utc.time(), QTimeZone::utc()).toMSecsSinceEpoch();
}

ReportRange rangeOf(QDate from, QDate to, const QTimeZone &zone)
{
    const Result<ReportRange> range = ReportRange::make(from, to, zone, 366);
    if (!range)
        qFatal("bad range in test: %s", qPrintable(range.error().toString()));
    return *range;
}

qint64 quarterOf(const char *iso)
{
    return utcMs(iso) / ReportQuarterKeys::kQuarterMs;
}

} // namespace

class TestReportPeriod : public QObject {
    Q_OBJECT

private slots:
    void oneDayInShanghaiStartsAtSixteenUtcTheDayBefore()
    {
        const ReportRange range = rangeOf(QDate(2026, 3, 10), QDate(2026, 3, 10), shanghai);
        QCOMPARE(range.from, QDate(2026, 3, 10));
        QCOMPARE(range.to, QDate(2026, 3, 10));
        QCOMPARE(range.zone, shanghai);
        QCOMPARE(range.startMs, utcMs("2026-03-09T16:00:00"));
        QCOMPARE(range.endMs, utcMs("2026-03-10T16:00:00"));

        const QList<ReportTimeBucket> days = reportTimeBuckets(range, ReportDimension::Day);
        QCOMPARE(days, QList<ReportTimeBucket>({{QStringLiteral("2026-03-10"), range.startMs, range.endMs}}));
    }

    void monthEndSplitsDaysAndMonths()
    {
        const ReportRange range = rangeOf(QDate(2026, 1, 31), QDate(2026, 2, 1), shanghai);
        QCOMPARE(reportTimeKeys(range, ReportDimension::Day),
            QStringList({QStringLiteral("2026-01-31"), QStringLiteral("2026-02-01")}));
        QCOMPARE(reportTimeKeys(range, ReportDimension::Month),
            QStringList({QStringLiteral("2026-01"), QStringLiteral("2026-02")}));
        QCOMPARE(reportTimeBuckets(range, ReportDimension::Month),
            QList<ReportTimeBucket>(
                {{QStringLiteral("2026-01"), utcMs("2026-01-30T16:00:00"), utcMs("2026-01-31T16:00:00")},
                    {QStringLiteral("2026-02"), utcMs("2026-01-31T16:00:00"), utcMs("2026-02-01T16:00:00")}}));
    }

    void monthBucketJoinsItsDays()
    {
        const ReportRange range = rangeOf(QDate(2026, 2, 1), QDate(2026, 3, 31), shanghai);
        QCOMPARE(reportTimeBuckets(range, ReportDimension::Month),
            QList<ReportTimeBucket>(
                {{QStringLiteral("2026-02"), utcMs("2026-01-31T16:00:00"), utcMs("2026-02-28T16:00:00")},
                    {QStringLiteral("2026-03"), utcMs("2026-02-28T16:00:00"), utcMs("2026-03-31T16:00:00")}}));
        QCOMPARE(reportTimeKeys(range, ReportDimension::Day).size(), 28 + 31);
    }

    void isoWeekAcrossTheYearEnd()
    {
        // 2026-12-27 is a Sunday (2026-W52); 2026-12-28 to 2027-01-03 is 2026-W53; 2027-01-04 starts 2027-W01.
        const ReportRange range = rangeOf(QDate(2026, 12, 27), QDate(2027, 1, 4), shanghai);
        QCOMPARE(reportTimeKey(QDateTime(QDate(2026, 12, 31), QTime(12, 0), shanghai), ReportDimension::Week),
            QStringLiteral("2026-W53"));
        QCOMPARE(reportTimeKey(QDateTime(QDate(2027, 1, 1), QTime(12, 0), shanghai), ReportDimension::Week),
            QStringLiteral("2026-W53"));
        QCOMPARE(reportTimeBuckets(range, ReportDimension::Week),
            QList<ReportTimeBucket>({// clipped to the range: the week began on Monday 2026-12-21
                {QStringLiteral("2026-W52"), utcMs("2026-12-26T16:00:00"), utcMs("2026-12-27T16:00:00")},
                {QStringLiteral("2026-W53"), utcMs("2026-12-27T16:00:00"), utcMs("2027-01-03T16:00:00")},
                {QStringLiteral("2027-W01"), utcMs("2027-01-03T16:00:00"), utcMs("2027-01-04T16:00:00")}}));
        QCOMPARE(reportTimeKeys(range, ReportDimension::Month),
            QStringList({QStringLiteral("2026-12"), QStringLiteral("2027-01")}));
    }

    void weekKeyIsZeroPadded()
    {
        QCOMPARE(reportTimeKey(QDateTime(QDate(2026, 3, 2), QTime(0, 0), shanghai), ReportDimension::Week),
            QStringLiteral("2026-W10"));
        QCOMPARE(reportTimeKey(QDateTime(QDate(2026, 1, 5), QTime(0, 0), shanghai), ReportDimension::Week),
            QStringLiteral("2026-W02"));
    }

    void daylightSavingDaysAreTwentyThreeAndTwentyFiveHours()
    {
        const ReportRange spring = rangeOf(QDate(2026, 3, 29), QDate(2026, 3, 29), berlin);
        QCOMPARE(spring.startMs, utcMs("2026-03-28T23:00:00"));
        QCOMPARE(spring.endMs, utcMs("2026-03-29T22:00:00"));
        QCOMPARE(spring.endMs - spring.startMs, 23 * kHourMs);

        const ReportRange autumn = rangeOf(QDate(2026, 10, 25), QDate(2026, 10, 25), berlin);
        QCOMPARE(autumn.startMs, utcMs("2026-10-24T22:00:00"));
        QCOMPARE(autumn.endMs, utcMs("2026-10-25T23:00:00"));
        QCOMPARE(autumn.endMs - autumn.startMs, 25 * kHourMs);

        const ReportRange around = rangeOf(QDate(2026, 10, 24), QDate(2026, 10, 26), berlin);
        QCOMPARE(reportTimeBuckets(around, ReportDimension::Day),
            QList<ReportTimeBucket>(
                {{QStringLiteral("2026-10-24"), utcMs("2026-10-23T22:00:00"), utcMs("2026-10-24T22:00:00")},
                    {QStringLiteral("2026-10-25"), utcMs("2026-10-24T22:00:00"), utcMs("2026-10-25T23:00:00")},
                    {QStringLiteral("2026-10-26"), utcMs("2026-10-25T23:00:00"), utcMs("2026-10-26T23:00:00")}}));
    }

    void weekBucketOverTheSpringChangeIsAnHourShort()
    {
        // 2026-03-23 (Monday) to 2026-03-29 (the change) is 2026-W13.
        const ReportRange range = rangeOf(QDate(2026, 3, 23), QDate(2026, 3, 30), berlin);
        const QList<ReportTimeBucket> weeks = reportTimeBuckets(range, ReportDimension::Week);
        QCOMPARE(weeks,
            QList<ReportTimeBucket>(
                {{QStringLiteral("2026-W13"), utcMs("2026-03-22T23:00:00"), utcMs("2026-03-29T22:00:00")},
                    {QStringLiteral("2026-W14"), utcMs("2026-03-29T22:00:00"), utcMs("2026-03-30T22:00:00")}}));
        QCOMPARE(weeks.first().endMs - weeks.first().startMs, (7 * 24 - 1) * kHourMs);
    }

    void hourKeysCoverTheWholeDayWhateverTheRange()
    {
        QCOMPARE(reportHourKey(0), QStringLiteral("00"));
        QCOMPARE(reportHourKey(7), QStringLiteral("07"));
        QCOMPARE(reportHourKey(23), QStringLiteral("23"));

        const ReportRange range = rangeOf(QDate(2026, 3, 28), QDate(2026, 3, 30), berlin);
        const QStringList keys = reportTimeKeys(range, ReportDimension::Hour);
        QCOMPARE(keys.size(), 24);
        QCOMPARE(keys.first(), QStringLiteral("00"));
        QCOMPARE(keys.at(9), QStringLiteral("09"));
        QCOMPARE(keys.last(), QStringLiteral("23"));
        // Hours recur over the range: they are keys, not spans.
        QVERIFY(reportTimeBuckets(range, ReportDimension::Hour).isEmpty());

        QCOMPARE(reportTimeKey(QDateTime(QDate(2026, 3, 10), QTime(21, 59), shanghai), ReportDimension::Hour),
            QStringLiteral("21"));
    }

    void venueHasNoTimeKeys()
    {
        const ReportRange range = rangeOf(QDate(2026, 3, 1), QDate(2026, 3, 3), shanghai);
        QVERIFY(reportTimeKeys(range, ReportDimension::Venue).isEmpty());
        QVERIFY(reportTimeBuckets(range, ReportDimension::Invalid).isEmpty());
        QVERIFY(reportTimeKey(QDateTime(QDate(2026, 3, 1), QTime(12, 0), shanghai), ReportDimension::Venue).isEmpty());
    }

    void invalidRangesAreRefused_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("field");

        QTest::newRow("to before from") << QDate(2026, 3, 10) << QDate(2026, 3, 9) << QStringLiteral("to");
        // 2026-01-01 to 2027-01-02 is 367 days.
        QTest::newRow("one day too long") << QDate(2026, 1, 1) << QDate(2027, 1, 2) << QStringLiteral("to");
        QTest::newRow("no from") << QDate() << QDate(2026, 3, 9) << QStringLiteral("from");
        QTest::newRow("no to") << QDate(2026, 3, 9) << QDate() << QStringLiteral("to");
    }

    void invalidRangesAreRefused()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, field);

        const Result<ReportRange> range = ReportRange::make(from, to, shanghai, 366);
        QVERIFY(!range);
        QCOMPARE(range.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(range.error().field, field);
        QVERIFY(!range.error().message.isEmpty());
        QVERIFY(!ReportRange::check(from, to, 366));
    }

    void longestRangeIsAccepted()
    {
        // 2026-01-01 to 2027-01-01 is exactly 366 days.
        const Result<ReportRange> range = ReportRange::make(QDate(2026, 1, 1), QDate(2027, 1, 1), shanghai, 366);
        QVERIFY(range.has_value());
        QCOMPARE(range->endMs - range->startMs, 366 * 24 * kHourMs);
        QVERIFY(!ReportRange::make(QDate(2026, 1, 1), QDate(2026, 1, 2), shanghai, 1));
        QVERIFY(ReportRange::make(QDate(2026, 1, 1), QDate(2026, 1, 1), shanghai, 1).has_value());
    }

    void quarterKeysAcrossMidnight()
    {
        QCOMPARE(ReportQuarterKeys::kQuarterMs, qint64(15 * 60 * 1000));

        // Shanghai midnight is 16:00 UTC.
        ReportQuarterKeys days(shanghai, ReportDimension::Day);
        QCOMPARE(days.keyOf(quarterOf("2026-01-31T15:45:00")), QStringLiteral("2026-01-31"));
        QCOMPARE(days.keyOf(quarterOf("2026-01-31T16:00:00")), QStringLiteral("2026-02-01"));
        // A cached key is the same key.
        QCOMPARE(days.keyOf(quarterOf("2026-01-31T15:45:00")), QStringLiteral("2026-01-31"));

        ReportQuarterKeys months(shanghai, ReportDimension::Month);
        QCOMPARE(months.keyOf(quarterOf("2026-01-31T15:45:00")), QStringLiteral("2026-01"));
        QCOMPARE(months.keyOf(quarterOf("2026-01-31T16:00:00")), QStringLiteral("2026-02"));

        ReportQuarterKeys hours(shanghai, ReportDimension::Hour);
        QCOMPARE(hours.keyOf(quarterOf("2026-01-31T15:45:00")), QStringLiteral("23"));
        QCOMPARE(hours.keyOf(quarterOf("2026-01-31T16:00:00")), QStringLiteral("00"));

        // Kathmandu midnight is 18:15 UTC: a quarter-hour offset still splits on a quarter.
        ReportQuarterKeys nepal(kathmandu, ReportDimension::Day);
        QCOMPARE(nepal.keyOf(quarterOf("2026-03-10T18:00:00")), QStringLiteral("2026-03-10"));
        QCOMPARE(nepal.keyOf(quarterOf("2026-03-10T18:15:00")), QStringLiteral("2026-03-11"));
    }

    void quarterKeysSkipTheLostHour()
    {
        // Berlin 2026-03-29: 00:45 UTC is 01:45 local, 01:00 UTC is 03:00 local.
        ReportQuarterKeys hours(berlin, ReportDimension::Hour);
        QCOMPARE(hours.keyOf(quarterOf("2026-03-29T00:45:00")), QStringLiteral("01"));
        QCOMPARE(hours.keyOf(quarterOf("2026-03-29T01:00:00")), QStringLiteral("03"));
        // 2026-10-25: local 02:xx happens twice, at 00:xx and 01:xx UTC.
        QCOMPARE(hours.keyOf(quarterOf("2026-10-25T00:30:00")), QStringLiteral("02"));
        QCOMPARE(hours.keyOf(quarterOf("2026-10-25T01:30:00")), QStringLiteral("02"));
    }
};

QTEST_GUILESS_MAIN(TestReportPeriod)
#include "tst_reportperiod.moc"
