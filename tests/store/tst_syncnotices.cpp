#include "store/Database.h"
#include "store/StoreTestSupport.h"
#include "store/SyncNoticeRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;
using namespace gymgate::test;

namespace {

SyncNotice makeNotice(SyncNoticeKind kind, const QString &entity, const QString &entityId, qint64 createdAtMs)
{
    SyncNotice notice;
    notice.kind = kind;
    notice.entity = entity;
    notice.entityId = entityId;
    notice.message = QStringLiteral("notice about %1").arg(entityId);
    notice.detailJson = QStringLiteral("{\"n\":%1}").arg(createdAtMs);
    notice.createdAtMs = createdAtMs;
    return notice;
}

} // namespace

class TestSyncNotices : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void recordStoresEveryField();
    void openNoticeIsNotRecordedTwice();
    void acknowledgedNoticeAllowsANewOne();
    void listIsNewestFirstAndFiltersAcknowledged();
    void acknowledgeUnknownIsNotFound();
    void acknowledgeTwiceIsConflict();
    void invalidNoticeRefused();
    void recordInsideRolledBackTransactionLeavesNothing();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_round = 0;
};

void TestSyncNotices::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("notices-%1.db").arg(++m_round)));
    QVERIFY(m_db);
}

void TestSyncNotices::cleanup()
{
    m_db.reset();
}

void TestSyncNotices::recordStoresEveryField()
{
    SyncNoticeRepository notices(*m_db);
    const qint64 id = take(notices.record(
        makeNotice(SyncNoticeKind::CardOverdrawn, QStringLiteral("card"), QStringLiteral("c1"), 1'700'000'000'000)));
    QVERIFY(id > 0);
    const QList<SyncNotice> listed = take(notices.list(true, 10));
    QCOMPARE(listed.size(), 1);
    const SyncNotice &notice = listed.constFirst();
    QCOMPARE(notice.id, id);
    QCOMPARE(notice.kind, SyncNoticeKind::CardOverdrawn);
    QCOMPARE(notice.entity, QStringLiteral("card"));
    QCOMPARE(notice.entityId, QStringLiteral("c1"));
    QCOMPARE(notice.message, QStringLiteral("notice about c1"));
    QCOMPARE(QJsonDocument::fromJson(notice.detailJson.toUtf8()).object().value(QStringLiteral("n")).toInteger(),
        1'700'000'000'000);
    QCOMPARE(notice.createdAtMs, 1'700'000'000'000);
    QCOMPARE(notice.acknowledgedAtMs, 0);
    QVERIFY(notice.acknowledgedBy.isEmpty());
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT kind FROM sync_notice")).toString(), QStringLiteral("card_overdrawn"));
    QCOMPARE(take(notices.openCount()), 1);
}

void TestSyncNotices::openNoticeIsNotRecordedTwice()
{
    SyncNoticeRepository notices(*m_db);
    const qint64 first = take(notices.record(
        makeNotice(SyncNoticeKind::BookingRejected, QStringLiteral("booking"), QStringLiteral("b1"), 1000)));
    const qint64 again = take(notices.record(
        makeNotice(SyncNoticeKind::BookingRejected, QStringLiteral("booking"), QStringLiteral("b1"), 2000)));
    QCOMPARE(again, first);
    // Another kind or another entity is a notice of its own.
    const qint64 otherKind = take(notices.record(
        makeNotice(SyncNoticeKind::PullConflict, QStringLiteral("booking"), QStringLiteral("b1"), 3000)));
    const qint64 otherEntity = take(notices.record(
        makeNotice(SyncNoticeKind::BookingRejected, QStringLiteral("booking"), QStringLiteral("b2"), 4000)));
    QVERIFY(otherKind != first);
    QVERIFY(otherEntity != first && otherEntity != otherKind);
    QCOMPARE(rowCount(*m_db, QStringLiteral("sync_notice")), 3);
    QCOMPARE(take(notices.openCount()), 3);
}

void TestSyncNotices::acknowledgedNoticeAllowsANewOne()
{
    SyncNoticeRepository notices(*m_db);
    const qint64 first = take(
        notices.record(makeNotice(SyncNoticeKind::CardOverdrawn, QStringLiteral("card"), QStringLiteral("c1"), 1000)));
    QVERIFY(notices.acknowledge(first, QStringLiteral("staff-1"), 5000).has_value());
    const qint64 second = take(
        notices.record(makeNotice(SyncNoticeKind::CardOverdrawn, QStringLiteral("card"), QStringLiteral("c1"), 6000)));
    QVERIFY(second != first);
    QCOMPARE(take(notices.openCount()), 1);
}

void TestSyncNotices::listIsNewestFirstAndFiltersAcknowledged()
{
    SyncNoticeRepository notices(*m_db);
    const qint64 oldest = take(
        notices.record(makeNotice(SyncNoticeKind::CardOverdrawn, QStringLiteral("card"), QStringLiteral("c1"), 1000)));
    const qint64 middle = take(
        notices.record(makeNotice(SyncNoticeKind::PullConflict, QStringLiteral("member"), QStringLiteral("m1"), 2000)));
    const qint64 newest = take(notices.record(
        makeNotice(SyncNoticeKind::BookingRejected, QStringLiteral("booking"), QStringLiteral("b1"), 3000)));
    QVERIFY(notices.acknowledge(middle, QStringLiteral("staff-9"), 4000).has_value());

    const QList<SyncNotice> all = take(notices.list(true, 10));
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).id, newest);
    QCOMPARE(all.at(1).id, middle);
    QCOMPARE(all.at(2).id, oldest);
    QCOMPARE(all.at(1).acknowledgedAtMs, 4000);
    QCOMPARE(all.at(1).acknowledgedBy, QStringLiteral("staff-9"));

    const QList<SyncNotice> open = take(notices.list(false, 10));
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).id, newest);
    QCOMPARE(open.at(1).id, oldest);

    const QList<SyncNotice> limited = take(notices.list(true, 1));
    QCOMPARE(limited.size(), 1);
    QCOMPARE(limited.constFirst().id, newest);
    QCOMPARE(take(notices.openCount()), 2);
}

void TestSyncNotices::acknowledgeUnknownIsNotFound()
{
    SyncNoticeRepository notices(*m_db);
    const Status status = notices.acknowledge(4242, QStringLiteral("staff-1"), 1000);
    QVERIFY(!status);
    QCOMPARE(status.error().code, ErrorCode::NotFound);
    QCOMPARE(status.error().field, QStringLiteral("id"));
}

void TestSyncNotices::acknowledgeTwiceIsConflict()
{
    SyncNoticeRepository notices(*m_db);
    const qint64 id = take(
        notices.record(makeNotice(SyncNoticeKind::CardOverdrawn, QStringLiteral("card"), QStringLiteral("c1"), 1000)));
    QVERIFY(notices.acknowledge(id, QStringLiteral("staff-1"), 2000).has_value());
    const Status again = notices.acknowledge(id, QStringLiteral("staff-2"), 3000);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    // The first acknowledgement stays.
    const QList<SyncNotice> listed = take(notices.list(true, 10));
    QCOMPARE(listed.constFirst().acknowledgedBy, QStringLiteral("staff-1"));
    QCOMPARE(listed.constFirst().acknowledgedAtMs, 2000);
}

void TestSyncNotices::invalidNoticeRefused()
{
    SyncNoticeRepository notices(*m_db);
    SyncNotice noKind = makeNotice(SyncNoticeKind::Invalid, QStringLiteral("card"), QStringLiteral("c1"), 1000);
    Result<qint64> refused = notices.record(noKind);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.error().field, QStringLiteral("kind"));
    SyncNotice noMessage
        = makeNotice(SyncNoticeKind::CardOverdrawn, QStringLiteral("card"), QStringLiteral("c1"), 1000);
    noMessage.message = QStringLiteral("  ");
    refused = notices.record(noMessage);
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("message"));
    QCOMPARE(rowCount(*m_db, QStringLiteral("sync_notice")), 0);
}

void TestSyncNotices::recordInsideRolledBackTransactionLeavesNothing()
{
    SyncNoticeRepository notices(*m_db);
    const Status status = m_db->transaction([&]() -> Status {
        if (Result<qint64> id = notices.record(
                makeNotice(SyncNoticeKind::PullConflict, QStringLiteral("member"), QStringLiteral("m1"), 1000));
            !id)
            return std::unexpected(id.error());
        return fail(ErrorCode::Internal, QStringLiteral("caller gives up"));
    });
    QVERIFY(!status);
    QCOMPARE(rowCount(*m_db, QStringLiteral("sync_notice")), 0);
}

QTEST_GUILESS_MAIN(TestSyncNotices)
#include "tst_syncnotices.moc"
