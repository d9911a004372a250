#include "core/WeeklySchedule.h"

#include <QTest>

using namespace gymgate;

namespace {

const QTimeZone shanghai("Asia/Shanghai");

qint64 localMs(const QString &isoLocal, const QTimeZone &zone = shanghai)
{
    return QDateTime(
        QDateTime::fromString(isoLocal, Qt::ISODate).date(), QDateTime::fromString(isoLocal, Qt::ISODate).time(), zone)
        .toMSecsSinceEpoch();
}

WeeklySchedule parsed(const char *json)
{
    Result<WeeklySchedule> schedule = WeeklySchedule::fromJson(json);
    if (!schedule)
        qFatal("bad schedule in test: %s", qPrintable(schedule.error().toString()));
    return *schedule;
}

} // namespace

class TestWeeklySchedule : public QObject {
    Q_OBJECT

private slots:
    void contains_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("local"); // Shanghai local time
        QTest::addColumn<bool>("inside");

        const QByteArray weekdays = R"([{"days":"1-5","from":"06:00","to":"22:00"}])";
        // 2026-11-23 is a Monday.
        QTest::newRow("monday morning open") << weekdays << "2026-11-23T06:00:00" << true;
        QTest::newRow("monday before opening") << weekdays << "2026-11-23T05:59:59" << false;
        QTest::newRow("monday at closing is closed") << weekdays << "2026-11-23T22:00:00" << false;
        QTest::newRow("friday last minute") << weekdays << "2026-11-27T21:59:00" << true;
        QTest::newRow("saturday closed") << weekdays << "2026-11-28T10:00:00" << false;

        const QByteArray overnight = R"([{"days":"5","from":"22:00","to":"02:00"}])";
        QTest::newRow("friday night part") << overnight << "2026-11-27T23:30:00" << true;
        QTest::newRow("saturday early part") << overnight << "2026-11-28T01:59:00" << true;
        QTest::newRow("saturday after window") << overnight << "2026-11-28T02:00:00" << false;
        QTest::newRow("thursday night not listed") << overnight << "2026-11-26T23:00:00" << false;

        const QByteArray allDay = R"([{"days":"*","from":"00:00","to":"24:00"}])";
        QTest::newRow("any day at midnight") << allDay << "2026-11-29T00:00:00" << true;
        QTest::newRow("any day last minute") << allDay << "2026-11-29T23:59:59" << true;

        QTest::newRow("empty means unrestricted") << QByteArray("[]") << "2026-11-29T03:00:00" << true;
    }

    void contains()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, local);
        QFETCH(bool, inside);
        QCOMPARE(parsed(json.constData()).contains(localMs(local), shanghai), inside);
    }

    void usesTheSiteTimeZoneNotUtc()
    {
        const WeeklySchedule mornings = parsed(R"([{"days":"*","from":"06:00","to":"12:00"}])");
        // 07:00 in Shanghai is 23:00 UTC the day before.
        const qint64 instant = localMs(QStringLiteral("2026-11-23T07:00:00"));
        QVERIFY(mornings.contains(instant, shanghai));
        QVERIFY(!mornings.contains(instant, QTimeZone::utc()));
    }

    void rejectsBadJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{") << QString();
        QTest::newRow("object instead of list") << QByteArray(R"({"days":"1"})") << QString();
        QTest::newRow("item not object") << QByteArray(R"([1])") << "[0]";
        QTest::newRow("day 8") << QByteArray(R"([{"days":"8","from":"06:00","to":"07:00"}])") << "[0].days";
        QTest::newRow("reversed range") << QByteArray(R"([{"days":"5-1","from":"06:00","to":"07:00"}])") << "[0].days";
        QTest::newRow("missing days") << QByteArray(R"([{"from":"06:00","to":"07:00"}])") << "[0].days";
        QTest::newRow("bad from") << QByteArray(R"([{"days":"1","from":"6am","to":"07:00"}])") << "[0].from";
        QTest::newRow("from 24:00") << QByteArray(R"([{"days":"1","from":"24:00","to":"07:00"}])") << "[0].from";
        QTest::newRow("minute 60") << QByteArray(R"([{"days":"1","from":"06:60","to":"07:00"}])") << "[0].from";
        QTest::newRow("to equals from") << QByteArray(R"([{"days":"1","from":"06:00","to":"06:00"}])") << "[0].to";
        QTest::newRow("second item bad") << QByteArray(
            R"([{"days":"1","from":"06:00","to":"07:00"},{"days":"2","from":"06:00","to":"25:00"}])")
                                         << "[1].to";
    }

    void rejectsBadJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Result<WeeklySchedule> schedule = WeeklySchedule::fromJson(json);
        QVERIFY(!schedule);
        QCOMPARE(schedule.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(schedule.error().field, field);
        QVERIFY(!schedule.error().message.isEmpty());
    }

    void jsonRoundTrip()
    {
        const WeeklySchedule original
            = parsed(R"([{"days":"1-3,5","from":"06:30","to":"24:00"},{"days":"6,7","from":"22:00","to":"01:00"}])");
        const Result<WeeklySchedule> again = WeeklySchedule::fromJson(original.toJson());
        QVERIFY(again);
        QCOMPARE(*again, original);
        QCOMPARE(original.toJson(),
            QByteArray(R"([{"days":"1-3,5","from":"06:30","to":"24:00"},{"days":"6-7","from":"22:00","to":"01:00"}])"));
    }
};

QTEST_GUILESS_MAIN(TestWeeklySchedule)
#include "tst_weeklyschedule.moc"
