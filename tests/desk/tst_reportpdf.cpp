// ReportPdf writes a real A4 PDF (read back with pdftotext from poppler-utils): the site, the
// title, the range with its time zone, who generated it, the table with its total; a long table
// runs over several pages with the header repeated; an unwritable path is an Io error.
// ReportChart gives each kind of report its kind of chart.
#include "ui/desk/ReportChart.h"
#include "ui/desk/ReportPdf.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QProcess>
#include <QRegularExpression>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "desk/DeskPageTestSupport.h"

using namespace gymgate;
using gymgate::test::havePdfToText;
using gymgate::test::pdfText;

namespace {

const QTimeZone kShanghai("Asia/Shanghai");

ReportRange rangeOf(QDate from, QDate to)
{
    Result<ReportRange> range = ReportRange::make(from, to, kShanghai, kReportMaxDays);
    if (!range)
        qFatal("bad range: %s", qUtf8Printable(range.error().toString()));
    return *range;
}

ReportColumn column(const QString &id, ReportValueKind kind)
{
    return {id, kind, reportColumnTitle(id)};
}

// Entries by day: day n has n check-ins, 1 denial every other day, n unique members.
ReportTable entriesByDay(QDate from, QDate to)
{
    ReportTable table;
    table.metric = ReportMetric::Entries;
    table.dimension = ReportDimension::Day;
    table.range = rangeOf(from, to);
    table.columns = {column(QStringLiteral("checkIns"), ReportValueKind::Count),
        column(QStringLiteral("denied"), ReportValueKind::Count),
        column(QStringLiteral("uniqueMembers"), ReportValueKind::Count)};
    double checkIns = 0;
    double denied = 0;
    int n = 1;
    for (QDate day = from; day <= to; day = day.addDays(1), ++n) {
        const QString key = day.toString(Qt::ISODate);
        table.rows.append({key, key, {double(n), double(n % 2), double(n)}});
        checkIns += n;
        denied += n % 2;
    }
    table.total = {QString(), QString(), {checkIns, denied, 40}};
    return table;
}

ReportTable revenueByProduct()
{
    ReportTable table;
    table.metric = ReportMetric::Revenue;
    table.dimension = ReportDimension::Product;
    table.range = rangeOf(QDate(2026, 3, 1), QDate(2026, 3, 31));
    table.columns = {column(QStringLiteral("revenueFen"), ReportValueKind::Fen),
        column(QStringLiteral("sales"), ReportValueKind::Count)};
    table.rows = {{QStringLiteral("p1"), QStringLiteral("10 visits"), {80'000, 1}},
        {QStringLiteral("p2"), QStringLiteral("Month card"), {123'456, 2}}};
    table.total = {QString(), QString(), {203'456, 3}};
    return table;
}

ReportTable peakHours()
{
    ReportTable table;
    table.metric = ReportMetric::PeakHours;
    table.dimension = ReportDimension::Hour;
    table.range = rangeOf(QDate(2026, 3, 2), QDate(2026, 3, 8));
    for (const char *id : {"checkIns", "mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        table.columns << column(QString::fromLatin1(id), ReportValueKind::Count);
    table.columns << column(QStringLiteral("perDay"), ReportValueKind::Average);
    for (int hour = 0; hour < 24; ++hour) {
        const double mon = hour == 18 ? 4 : 0;
        const double sat = hour == 10 ? 2 : 0;
        table.rows.append(
            {reportHourKey(hour), reportHourKey(hour), {mon + sat, mon, 0, 0, 0, 0, sat, 0, (mon + sat) / 7.0}});
    }
    table.total = {QString(), QString(), {6, 4, 0, 0, 0, 0, 2, 0, 6 / 7.0}};
    return table;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Page objects, not the page tree ("/Type /Pages").
int pageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s\\w])"));
    return int(QString::fromLatin1(pdf).count(page));
}

} // namespace

class TestReportPdf : public QObject {
    Q_OBJECT

private slots:
    void writesAOnePageReport();
    void longTableRunsOverPagesWithTheHeaderRepeated();
    void unwritablePathIsAnIoError();
    void titlesAndRange();
    void chartKinds();
    void chartChoicesSkipRatios();
};

void TestReportPdf::writesAOnePageReport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("revenue.pdf"));
    ReportPdfContent content;
    content.table = revenueByProduct();
    content.siteTitle = QStringLiteral("Iron Temple Fitness");
    content.staffName = QStringLiteral("Wang Fang");
    content.generatedAt = QDateTime(QDate(2026, 4, 1), QTime(9, 30), kShanghai);
    QVERIFY(ReportPdf::write(content, path));
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.startsWith("%PDF"));
    QCOMPARE(pageCount(bytes), 1);
    QVERIFY(bytes.contains("/Image")); // the chart
    if (!havePdfToText())
        QSKIP("pdftotext (poppler-utils) is not installed; scripts/bootstrap installs it");
    const QString text = pdfText(path);
    QVERIFY2(text.contains(QStringLiteral("Iron Temple Fitness")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Revenue by product")));
    QVERIFY(text.contains(QStringLiteral("2026-03-01 – 2026-03-31 (Asia/Shanghai)")));
    QVERIFY(text.contains(QStringLiteral("Generated 2026-04-01 09:30 by Wang Fang")));
    QVERIFY(text.contains(QStringLiteral("Month card")));
    QVERIFY(text.contains(QStringLiteral("1234.56")));
    QVERIFY(QRegularExpression(QStringLiteral("Total\\s+2034\\.56\\s+3")).match(text).hasMatch());
}

void TestReportPdf::longTableRunsOverPagesWithTheHeaderRepeated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("year.pdf"));
    ReportPdfContent content;
    content.table = entriesByDay(QDate(2025, 3, 1), QDate(2026, 2, 28));
    content.generatedAt = QDateTime(QDate(2026, 3, 1), QTime(8, 0), kShanghai);
    QVERIFY(ReportPdf::write(content, path));
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.startsWith("%PDF"));
    const int pages = pageCount(bytes);
    QVERIFY2(pages > 3, qPrintable(QString::number(pages)));
    if (!havePdfToText())
        QSKIP("pdftotext (poppler-utils) is not installed; scripts/bootstrap installs it");
    const QString text = pdfText(path);
    // Every page but none else starts its table with the header.
    QCOMPARE(text.count(QStringLiteral("Unique members")), pages);
    QVERIFY(text.contains(QStringLiteral("2025-03-01")));
    QVERIFY(text.contains(QStringLiteral("2026-02-28")));
    QVERIFY(text.contains(QStringLiteral("Page %1").arg(pages)));
    QVERIFY(QRegularExpression(QStringLiteral("Total\\s+66795\\s+183\\s+40")).match(text).hasMatch());
}

void TestReportPdf::unwritablePathIsAnIoError()
{
    QTemporaryDir dir;
    ReportPdfContent content;
    content.table = revenueByProduct();
    const QString path = dir.filePath(QStringLiteral("missing/dir/report.pdf"));
    const Status written = ReportPdf::write(content, path);
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::Io);
    QVERIFY2(written.error().message.contains(path), qPrintable(written.error().message));
    // A directory where the file should go.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.pdf")));
    const Status overDirectory = ReportPdf::write(content, dir.filePath(QStringLiteral("taken.pdf")));
    QVERIFY(!overDirectory);
    QCOMPARE(overDirectory.error().code, ErrorCode::Io);
}

void TestReportPdf::titlesAndRange()
{
    QCOMPARE(ReportPdf::title(revenueByProduct()), QStringLiteral("Revenue by product"));
    QCOMPARE(ReportPdf::title(peakHours()), QStringLiteral("Peak hours by hour of day"));
    QCOMPARE(ReportPdf::rangeText(rangeOf(QDate(2026, 3, 2), QDate(2026, 3, 8))),
        QStringLiteral("2026-03-02 – 2026-03-08 (Asia/Shanghai)"));
}

void TestReportPdf::chartKinds()
{
    // A month of days: bars of the headline column.
    std::unique_ptr<QChart> days(ReportChart::build(entriesByDay(QDate(2026, 3, 1), QDate(2026, 3, 31))));
    QCOMPARE(days->series().size(), 1);
    auto *bars = qobject_cast<QAbstractBarSeries *>(days->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->type(), QAbstractSeries::SeriesTypeBar);
    QCOMPARE(bars->barSets().first()->count(), 31);
    QCOMPARE(bars->barSets().first()->at(30), 31.0);

    // More days than bars fit: a line; the caller's column.
    std::unique_ptr<QChart> year(
        ReportChart::build(entriesByDay(QDate(2026, 1, 1), QDate(2026, 3, 31)), QStringLiteral("denied")));
    auto *line = qobject_cast<QLineSeries *>(year->series().first());
    QVERIFY(line);
    QCOMPARE(line->count(), 90);
    QCOMPARE(line->at(0).y(), 1.0);
    QCOMPARE(line->at(1).y(), 0.0);

    // Categories: horizontal bars; money in yuan.
    std::unique_ptr<QChart> products(ReportChart::build(revenueByProduct()));
    auto *horizontal = qobject_cast<QHorizontalBarSeries *>(products->series().first());
    QVERIFY(horizontal);
    QCOMPARE(horizontal->barSets().first()->at(0), 1234.56); // bottom up: the first row on top

    // Peak hours: a stack of the seven weekdays per hour.
    std::unique_ptr<QChart> peaks(ReportChart::build(peakHours()));
    auto *stacked = qobject_cast<QStackedBarSeries *>(peaks->series().first());
    QVERIFY(stacked);
    QCOMPARE(stacked->barSets().size(), 7);
    QCOMPARE(stacked->barSets().first()->at(18), 4.0); // Monday, 18:00
    QCOMPARE(stacked->barSets().at(5)->at(10), 2.0); // Saturday, 10:00

    // Nothing to show: an empty chart.
    std::unique_ptr<QChart> empty(ReportChart::build(ReportTable()));
    QVERIFY(empty->series().isEmpty());
}

void TestReportPdf::chartChoicesSkipRatios()
{
    ReportTable bookings;
    bookings.metric = ReportMetric::Bookings;
    bookings.dimension = ReportDimension::Venue;
    bookings.columns = {column(QStringLiteral("bookings"), ReportValueKind::Count),
        column(QStringLiteral("fillRate"), ReportValueKind::Ratio)};
    const QList<ReportChart::Choice> choices = ReportChart::choices(bookings);
    QCOMPARE(choices.size(), 1);
    QCOMPARE(choices.first().columnId, QStringLiteral("bookings"));
    QCOMPARE(ReportChart::choices(peakHours()).first().columnId, ReportChart::kWeekdaysColumn);
    QCOMPARE(ReportChart::choices(peakHours()).size(), 10); // weekdays stacked, 9 columns
}

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
