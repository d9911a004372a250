// Issue 9: the hub's reports match the desk's for one site. A desk works a few days with the real
// desk services (members, card sales and a refund, a class with bookings and a cancellation,
// entries granted and denied at its gate), its SyncEngine pushes everything to a real hub, and
// then every metric by every dimension is read at the desk (SqlReportDesk) and from the hub
// (GET /api/stats/reports) for the same days: every row and the total must agree.
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlBookingDesk.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlMemberDirectory.h"
#include "store/SqlReportDesk.h"
#include "store/SqlSalesDesk.h"
#include "store/SqlStaffDirectory.h"
#include "store/SqlTrustStore.h"
#include "store/StoreTestSupport.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <cmath>

#include "SyncTestSupport.h"

using namespace gymgate;
using namespace synctest;

namespace {

const QTimeZone kSiteZone(QByteArrayLiteral("Asia/Shanghai"));

qint64 localMs(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), kSiteZone).toMSecsSinceEpoch();
}

SigningKey signingKeyOf(const TestDesk &desk)
{
    const QString kid
        = desk.value(QStringLiteral("SELECT value FROM setting WHERE key = 'device.signingKid'")).toString();
    return test::take(SigningKey::fromSecretKey(kid, desk.keyBytes(QStringLiteral("signing.key"))));
}

// "key: v1 v2 ..." of a report row, ratios NaN as "null", for messages and comparison.
QString rowText(const QString &key, const QList<double> &values)
{
    QStringList parts {key + QLatin1Char(':')};
    for (double value : values)
        parts.append(std::isnan(value) ? QStringLiteral("null") : QString::number(value, 'f', 4));
    return parts.join(QLatin1Char(' '));
}

QString deskRowText(const ReportRow &row)
{
    return rowText(row.key, row.values);
}

// A hub row in the desk's column order: the hub names the headline column "value".
QString hubRowText(const QJsonObject &row, const QList<ReportColumn> &columns)
{
    QList<double> values;
    for (int i = 0; i < columns.size(); ++i) {
        const QJsonValue value = row.value(i == 0 ? QStringLiteral("value") : columns[i].id);
        values.append(value.isNull() || value.isUndefined() ? std::nan("") : value.toDouble());
    }
    return rowText(row.value(QStringLiteral("key")).toString(), values);
}

} // namespace

class TestReportParity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorText));
        QVERIFY2(m_desk.open(), qPrintable(m_desk.errorText));
        const Result<HubCredentials> enrolled = m_desk.enroll(m_hub);
        QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().toString()));
        m_engine = std::make_unique<SyncEngine>(fastEngineOptions(m_desk), m_systemClock);
        QVERIFY(m_engine->start());
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().state, SyncState::Online, 15000);
        workThreeDays();
        // Everything the desk wrote is on the hub: the outbox is empty and the rows arrived.
        QTRY_COMPARE_WITH_TIMEOUT(m_desk.value(QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0, 20000);
        for (const QString &table : {QStringLiteral("entry"), QStringLiteral("sale"), QStringLiteral("booking")}) {
            const QString count = QStringLiteral("SELECT count(*) FROM ") + table;
            QTRY_COMPARE_WITH_TIMEOUT(m_hub.count(count), m_desk.value(count).toInt(), 10000);
        }
    }

    void cleanupTestCase() { m_engine.reset(); }

    // The month the parity checks is not empty: the desk's own figures are the ones worked.
    void theDeskCountsWhatWasDone()
    {
        SqlReportDesk reports(*m_desk.db, m_clock);
        const auto total = [&](ReportMetric metric, const QString &column) {
            const ReportTable table = test::take(reports.run(m_admin,
                ReportQuery {metric, reportDimensionsOf(metric).first(), QDate(2026, 11, 1), QDate(2026, 11, 30)}));
            return table.value(table.total, column);
        };
        QCOMPARE(total(ReportMetric::Entries, QStringLiteral("checkIns")), 5.0);
        QCOMPARE(total(ReportMetric::Entries, QStringLiteral("uniqueMembers")), 3.0);
        QCOMPARE(total(ReportMetric::Entries, QStringLiteral("denied")), 2.0);
        QCOMPARE(total(ReportMetric::Denials, QStringLiteral("credential.revoked")), 1.0);
        QCOMPARE(total(ReportMetric::Denials, QStringLiteral("credential.malformed")), 1.0);
        QCOMPARE(total(ReportMetric::Bookings, QStringLiteral("bookings")), 3.0);
        QCOMPARE(total(ReportMetric::Bookings, QStringLiteral("cancelled")), 1.0);
        QCOMPARE(total(ReportMetric::Bookings, QStringLiteral("fillRate")), 1.0);
        QCOMPARE(total(ReportMetric::Revenue, QStringLiteral("revenueFen")), 110000.0);
        QCOMPARE(total(ReportMetric::Revenue, QStringLiteral("refunds")), 1.0);
        QCOMPARE(total(ReportMetric::Members, QStringLiteral("newMembers")), 3.0);
    }

    // The seed's overview of the hub (its own code) agrees with the desk's reports of the month.
    void overviewMatchesTheDesk()
    {
        SqlReportDesk reports(*m_desk.db, m_clock);
        const auto total = [&](ReportMetric metric, const QString &column) {
            const ReportTable table = test::take(reports.run(m_admin,
                ReportQuery {metric, reportDimensionsOf(metric).first(), QDate(2026, 11, 1), QDate(2026, 11, 30)}));
            return qint64(table.value(table.total, column));
        };
        const HubReply reply = m_hub.process.call("GET",
            QStringLiteral("/api/v1/statistics/overview?startDate=2026-11-01&endDate=2026-11-30&storeId=")
                + m_hub.siteId,
            QJsonValue::Undefined, m_hub.adminToken);
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        const QJsonObject data = dataOf(reply);
        const auto figure = [&](const char *object, const char *name) {
            return data.value(QLatin1String(object)).toObject().value(QLatin1String(name)).toInteger();
        };
        QCOMPARE(
            figure("checkInStatistics", "totalCheckIns"), total(ReportMetric::Entries, QStringLiteral("checkIns")));
        QCOMPARE(figure("checkInStatistics", "uniqueMembers"),
            total(ReportMetric::Entries, QStringLiteral("uniqueMembers")));
        QCOMPARE(figure("checkInStatistics", "denials"), total(ReportMetric::Entries, QStringLiteral("denied")));
        QCOMPARE(figure("memberStatistics", "newMembers"), total(ReportMetric::Members, QStringLiteral("newMembers")));
        QCOMPARE(
            figure("memberStatistics", "activeMembers"), total(ReportMetric::Members, QStringLiteral("activeMembers")));
        QCOMPARE(
            figure("bookingStatistics", "totalBookings"), total(ReportMetric::Bookings, QStringLiteral("bookings")));
        QCOMPARE(figure("bookingStatistics", "cancelledBookings"),
            total(ReportMetric::Bookings, QStringLiteral("cancelled")));
        QCOMPARE(data.value(QStringLiteral("revenueFen")).toInteger(),
            total(ReportMetric::Revenue, QStringLiteral("revenueFen")));
    }

    void everyReportMatches_data()
    {
        QTest::addColumn<int>("metric");
        QTest::addColumn<int>("dimension");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        const QList<std::pair<QDate, QDate>> ranges {{QDate(2026, 11, 1), QDate(2026, 11, 30)},
            {QDate(2026, 11, 3), QDate(2026, 11, 3)}, {QDate(2026, 10, 1), QDate(2026, 10, 2)}};
        for (ReportMetric metric : allReportMetrics()) {
            for (ReportDimension dimension : reportDimensionsOf(metric)) {
                for (const auto &[from, to] : ranges) {
                    const QString name = QStringLiteral("%1 by %2, %3..%4")
                                             .arg(QLatin1String(reportMetricName(metric)),
                                                 QLatin1String(reportDimensionName(dimension)),
                                                 from.toString(Qt::ISODate), to.toString(Qt::ISODate));
                    QTest::newRow(qPrintable(name)) << int(metric) << int(dimension) << from << to;
                }
            }
        }
    }

    void everyReportMatches()
    {
        QFETCH(int, metric);
        QFETCH(int, dimension);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        SqlReportDesk reports(*m_desk.db, m_clock);
        const ReportTable desk = test::take(
            reports.run(m_admin, ReportQuery {ReportMetric(metric), ReportDimension(dimension), from, to}));

        QUrlQuery query;
        query.addQueryItem(QStringLiteral("metric"), QLatin1String(reportMetricName(ReportMetric(metric))));
        query.addQueryItem(QStringLiteral("dimension"), QLatin1String(reportDimensionName(ReportDimension(dimension))));
        query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("siteId"), m_hub.siteId);
        const HubReply reply = m_hub.process.call(
            "GET", QStringLiteral("/api/stats/reports?") + query.toString(), QJsonValue::Undefined, m_hub.adminToken);
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        const QJsonObject hub = dataOf(reply);

        QStringList hubColumns;
        for (const QJsonValue &column : hub.value(QStringLiteral("columns")).toArray())
            hubColumns.append(column.toString());
        QStringList deskColumns {QStringLiteral("value")};
        for (const ReportColumn &column : desk.columns.mid(1))
            deskColumns.append(column.id);
        QCOMPARE(hubColumns, deskColumns);

        QStringList deskRows;
        for (const ReportRow &row : desk.rows)
            deskRows.append(deskRowText(row));
        QStringList hubRows;
        for (const QJsonValue &row : hub.value(QStringLiteral("rows")).toArray())
            hubRows.append(hubRowText(row.toObject(), desk.columns));
        QCOMPARE(hubRows, deskRows);
        QCOMPARE(hubRowText(hub.value(QStringLiteral("total")).toObject(), desk.columns), deskRowText(desk.total));
        if (from.month() == 11 && to.day() == 30)
            QVERIFY2(desk.total.values.value(0) != 0.0 || ReportMetric(metric) == ReportMetric::Members,
                "the month has data: a report of zeros would prove nothing");
    }

private:
    // Three days at the desk, Monday 2 to Wednesday 4 November 2026, with times chosen to sit on
    // the edges (a few minutes before and after local midnight).
    void workThreeDays()
    {
        m_clock.setNowMs(localMs(2, 8, 0));
        SqlStaffDirectory staff(*m_desk.db, m_clock);
        m_admin = test::take(staff.login(kAdmin, kPassword));
        test::take(staff.createStaff(m_admin,
            NewStaffAccount {
                QStringLiteral("anna"), QStringLiteral("Anna"), StaffRole::Staff, QStringLiteral("Desk-pass-2026")}));
        const StaffSession anna = test::take(staff.login(QStringLiteral("anna"), QStringLiteral("Desk-pass-2026")));
        const FieldCipher cipher
            = test::take(FieldCipher::loadOrCreateKeyFile(m_desk.keyPath(QStringLiteral("data.key"))));
        const SigningKey signingKey = signingKeyOf(m_desk); // the directory keeps a reference
        SqlMemberDirectory members(*m_desk.db, cipher, signingKey, m_clock);
        SqlSalesDesk sales(*m_desk.db, m_clock);
        SqlBookingDesk bookings(*m_desk.db, m_clock);

        const Venue floor = test::take(bookings.createVenue(
            m_admin, VenueForm {QStringLiteral("Floor"), VenueKind::GymFloor, 0, {}, false, 0}, BookingRules {}));
        const Venue studio = test::take(bookings.createVenue(
            m_admin, VenueForm {QStringLiteral("Studio"), VenueKind::Studio, 0, {}, false, 0}, BookingRules {}));
        const CardProduct visits = test::take(sales.saveProduct(m_admin,
            ProductForm {{}, QStringLiteral("10 visits"), CardKind::Count, 50000, 365, 10, 0, 0, {}, {}, true}));
        const CardProduct month = test::take(sales.saveProduct(
            m_admin, ProductForm {{}, QStringLiteral("Month"), CardKind::Time, 20000, 30, 0, 0, 0, {}, {}, true}));
        const Course yoga
            = test::take(bookings.createCourse(m_admin, CourseForm {QStringLiteral("Yoga"), studio.id, 60, 2}));
        const CourseSlot evening = test::take(
            bookings.createSlot(m_admin, SlotForm {yoga.id, localMs(3, 19, 0), 0, 0, QStringLiteral("Li")}));

        QStringList ids;
        QStringList cards;
        QStringList codes;
        const QList<std::tuple<QString, QString, QString, PaymentMethod, int, int>> people {
            {QStringLiteral("Wang Fang"), QStringLiteral("13812345678"), visits.id, PaymentMethod::Cash, 9, 0},
            {QStringLiteral("Li Lei"), QStringLiteral("13912345678"), month.id, PaymentMethod::WeChatPay, 9, 30},
            {QStringLiteral("Zhao Min"), QStringLiteral("13712345678"), visits.id, PaymentMethod::Alipay, 23, 58}};
        for (const auto &[name, phone, productId, payment, hour, minute] : people) {
            m_clock.setNowMs(localMs(2, hour, minute));
            MemberForm form;
            form.name = name;
            form.phone = phone;
            form.gender = Gender::Female;
            ids.append(test::take(members.registerMember(anna, form)).summary.id);
            cards.append(test::take(sales.sellCard(anna, ids.last(), productId, payment, std::nullopt)).card.id);
            codes.append(test::take(members.issueMemberCode(anna, ids.last())).code);
        }

        // Bookings: two places of two taken, one cancelled; a court-less venue booking by range.
        m_clock.setNowMs(localMs(2, 10, 0));
        const Booking first = test::take(bookings.book(anna, BookingRequest {ids[0], evening.id, {}, 0, 0}));
        test::take(bookings.book(anna, BookingRequest {ids[1], evening.id, {}, 0, 0}));
        test::take(bookings.cancel(anna, first.id, QStringLiteral("sick")));
        test::take(bookings.book(anna, BookingRequest {ids[2], evening.id, {}, 0, 0}));

        // Entries: around midnight, on two days, granted and denied.
        pass(codes[0], floor.id, localMs(2, 10, 15));
        pass(codes[1], floor.id, localMs(2, 23, 59));
        pass(codes[2], floor.id, localMs(3, 0, 1));
        pass(codes[0], studio.id, localMs(3, 18, 55));
        m_clock.setNowMs(localMs(3, 12, 0));
        const QString stale = codes[1];
        codes[1] = test::take(members.issueMemberCode(anna, ids[1])).code;
        pass(stale, floor.id, localMs(3, 12, 5)); // revoked: denied
        pass(QStringLiteral("not a member code"), floor.id, localMs(3, 12, 6)); // denied
        pass(codes[1], floor.id, localMs(4, 7, 30));

        // A refund on the third day.
        m_clock.setNowMs(localMs(4, 11, 0));
        test::take(sales.cancelWithRefund(m_admin, cards[2], 10000, PaymentMethod::Cash, QStringLiteral("moving")));
    }

    // A scan at the gate; a granted one is walked through.
    void pass(const QString &code, const QString &zoneId, qint64 whenMs)
    {
        m_clock.setNowMs(whenMs);
        SqlTrustStore trust(*m_desk.db);
        CredentialVerifier verifier(trust, m_clock);
        SqlAccessDataSource data(*m_desk.db);
        SqlEntryLedger ledger(*m_desk.db);
        DecisionService service(verifier, data, ledger, m_clock, AccessPolicy(), kSiteZone);
        const ScanResult result = test::take(
            service.decide(code.toLatin1(), GateContext {QStringLiteral("gate-1"), zoneId, Direction::In}));
        if (result.decision.isGranted())
            QVERIFY(ledger.confirmPassage(result.entry.id, whenMs + 2000));
    }

    SystemClock m_systemClock;
    ManualClock m_clock;
    TestHub m_hub;
    TestDesk m_desk;
    StaffSession m_admin;
    std::unique_ptr<SyncEngine> m_engine;
};

QTEST_GUILESS_MAIN(TestReportParity)
#include "tst_reportparity.moc"
