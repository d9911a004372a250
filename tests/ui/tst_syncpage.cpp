// The desk's sync screens against the real thing: the Sync page, the enrollment dialog and the
// status bar label on a real SyncService (its engine on its own thread), a desk database in a
// temporary folder and the real gymgate-hub on loopback. Widgets are driven by objectName.
#include "core/FieldCipher.h"
#include "core/Staff.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/SqlStaffDirectory.h"
#include "store/SyncNoticeRepository.h"
#include "sync/SyncService.h"
#include "sync/SyncTestSupport.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/EnrollDialog.h"
#include "ui/desk/SyncPage.h"
#include "ui/desk/SyncStatusLabel.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace gymgate;
using namespace gymgate::test;

namespace {

constexpr int kHubWaitMs = 20000; // a round with the hub on a busy 2-core machine

// The child once it is shown (a dialog or message box opens asynchronously), else null.
template<typename T>
T *waitForVisible(QObject *parent, const char *name, int timeoutMs = 5000)
{
    T *found = nullptr;
    const auto shown = [&] {
        found = parent->findChild<T *>(QString::fromLatin1(name));
        return found != nullptr && found->isVisible();
    };
    return QTest::qWaitFor(shown, timeoutMs) ? found : nullptr;
}

// The first row whose `column` shows `text`, or -1.
int rowWith(QTableView *table, int column, const QString &text)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, column).data().toString() == text)
            return row;
    }
    return -1;
}

qint64 outboxCount(Database &db)
{
    Result<qint64> count = Outbox(db).count();
    return count ? *count : -1;
}

} // namespace

class TestSyncPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void enrollValidatesAndShowsTheHubsAnswer();
    void refusedEventIsShownRetriedAndDiscarded();
    void clerkSeesNoAdminControls();
    void workOfflineShowsInTheLabel();

private:
    qint64 auditCount(const QString &actionPattern) const;
    void clickYes(const char *boxName);

    synctest::TestHub m_hub;
    synctest::TestDesk m_desk;
    std::unique_ptr<SqlStaffDirectory> m_staff;
    StaffSession m_admin;
    StaffSession m_clerk;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<SyncPage> m_page;
    std::unique_ptr<SyncStatusLabel> m_label;
    bool m_enrolled = false; // the later tests need the enrollment of the first
};

void TestSyncPage::initTestCase()
{
    QVERIFY2(m_hub.start(), qPrintable(m_hub.errorText));
    QVERIFY2(m_desk.open(), qPrintable(m_desk.errorText));
    m_staff = std::make_unique<SqlStaffDirectory>(*m_desk.db, m_desk.clock);
    Result<StaffSession> admin
        = m_staff->createFirstAdmin(QStringLiteral("boss"), QStringLiteral("Wang Fang"), QStringLiteral("Admin2026"));
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().toString()));
    m_admin = *admin;
    Result<StaffAccount> clerk = m_staff->createStaff(m_admin,
        NewStaffAccount {
            QStringLiteral("clerk"), QStringLiteral("Li Na"), StaffRole::Staff, QStringLiteral("Desk2026x")});
    QVERIFY2(clerk, clerk ? "" : qPrintable(clerk.error().toString()));
    m_clerk = StaffSession {clerk->id, clerk->username, clerk->displayName, StaffRole::Staff};

    m_sync = std::make_unique<SyncService>(synctest::fastEngineOptions(m_desk), *m_desk.db, m_desk.clock);
    m_page = std::make_unique<SyncPage>(*m_sync, QTimeZone("Asia/Shanghai"));
    m_label = std::make_unique<SyncStatusLabel>(m_sync.get(), QTimeZone("Asia/Shanghai"));
    m_sync->start();
    m_page->setSession(m_admin);
    m_page->resize(1000, 800);
    m_page->show();
    m_label->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status().state, SyncState::NotEnrolled, kHubWaitMs);
}

void TestSyncPage::cleanupTestCase()
{
    m_label.reset();
    m_page.reset();
    m_sync.reset(); // joins the sync thread before the database goes
    m_staff.reset();
}

qint64 TestSyncPage::auditCount(const QString &actionPattern) const
{
    return m_desk.value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE '%1'").arg(actionPattern))
        .toLongLong();
}

void TestSyncPage::clickYes(const char *boxName)
{
    QMessageBox *box = waitForVisible<QMessageBox>(m_page.get(), boxName);
    QVERIFY2(box, boxName);
    box->button(QMessageBox::Yes)->click();
}

void TestSyncPage::enrollValidatesAndShowsTheHubsAnswer()
{
    QCOMPARE(m_page->stateText(), QStringLiteral("Not enrolled"));
    QVERIFY(m_label->text().contains(QStringLiteral("Not enrolled")));
    auto *enroll = child<QPushButton>(m_page.get(), "enrollPushButton");
    QVERIFY(enroll && enroll->isVisible() && enroll->isEnabled());
    QVERIFY(!child<QPushButton>(m_page.get(), "syncNowPushButton")->isEnabled()); // nothing to sync with
    enroll->click();
    EnrollDialog *dialog = waitForVisible<EnrollDialog>(m_page.get(), "enrollDialog");
    QVERIFY(dialog);
    QSignalSpy accepted(dialog, &QDialog::accepted); // it deletes itself when it closes
    auto *url = child<QLineEdit>(dialog, "hubUrlLineEdit");
    auto *code = child<QLineEdit>(dialog, "enrollmentCodeLineEdit");
    auto *name = child<QLineEdit>(dialog, "deviceNameLineEdit");
    auto *test = child<QPushButton>(dialog, "testConnectionPushButton");
    auto *submit = child<QPushButton>(dialog, "enrollSubmitPushButton");
    QVERIFY(url && code && name && test && submit);
    QVERIFY(!submit->isEnabled());

    // A bad address: the error shows as typed and nothing can be sent.
    QTest::keyClicks(url, QStringLiteral("ftp://127.0.0.1"));
    QTest::keyClicks(code, QStringLiteral("ABCD-EFGH-JKMN-PQRS"));
    QVERIFY2(dialog->errorText().contains(QStringLiteral("http://")), qPrintable(dialog->errorText()));
    QVERIFY(!submit->isEnabled());
    QVERIFY(!test->isEnabled());
    url->clear();
    QTest::keyClicks(url, QStringLiteral("htt"));
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText())); // still typing
    QVERIFY(!test->isEnabled());
    QTest::keyClicks(url, QStringLiteral("p://"));
    QVERIFY2(dialog->errorText().contains(QStringLiteral("host")), qPrintable(dialog->errorText()));
    QVERIFY(!submit->isEnabled());
    // A character never used in codes shows at once.
    code->clear();
    QTest::keyClicks(code, QStringLiteral("ABC0"));
    QVERIFY2(dialog->errorText().contains(QStringLiteral("\"0\"")), qPrintable(dialog->errorText()));

    url->clear();
    QTest::keyClicks(url, m_hub.url() + QStringLiteral("/"));
    QVERIFY(test->isEnabled());
    test->click();
    auto *testResult = child<QLabel>(dialog, "testResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(testResult->text().startsWith(QStringLiteral("Connected")), kHubWaitMs);

    // A well-formed code the hub never made: the hub's refusal shows, the dialog stays.
    code->clear();
    QTest::keyClicks(code, QStringLiteral("abcd-efgh-jkmn-pqrs"));
    QTest::keyClicks(name, QStringLiteral("Front desk"));
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QVERIFY(submit->isEnabled());
    submit->click();
    QVERIFY(dialog->isBusy());
    QVERIFY(!submit->isEnabled()); // nothing sent twice while the hub answers
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kHubWaitMs);
    QVERIFY2(
        dialog->resultText().contains(QStringLiteral("code"), Qt::CaseInsensitive), qPrintable(dialog->resultText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_sync->status().state, SyncState::NotEnrolled);

    // The admin's code, typed in lower case with dashes: enrolled, the dialog closes.
    const QString realCode = m_hub.enrollmentCode(QStringLiteral("Desk 1"));
    QVERIFY(!realCode.isEmpty());
    code->clear();
    QTest::keyClicks(code, realCode.toLower());
    QVERIFY(submit->isEnabled());
    submit->click();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kHubWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->stateText(), QStringLiteral("Online"), kHubWaitMs);
    QTRY_VERIFY(m_label->text().startsWith(QStringLiteral("Online")));
    QVERIFY(child<QLabel>(m_page.get(), "syncHubUrlLabel")->text().contains(QString::number(m_hub.port())));
    QCOMPARE(child<QLabel>(m_page.get(), "syncSiteLabel")->text(), QStringLiteral("North"));
    QVERIFY(!enroll->isEnabled());
    QVERIFY(child<QPushButton>(m_page.get(), "unenrollPushButton")->isEnabled());
    QVERIFY(child<QPushButton>(m_page.get(), "syncNowPushButton")->isEnabled());
    QVERIFY(QFile::exists(m_desk.credentialsPath));
    m_enrolled = true;
}

void TestSyncPage::refusedEventIsShownRetriedAndDiscarded()
{
    if (!m_enrolled)
        QSKIP("the enrollment failed (see above)");
    // A card sold to a member the hub does not know: the hub refuses it for real.
    const OutboxEvent refused = synctest::cardForUnknownMember();
    QVERIFY(m_desk.db->transaction([&]() -> Status { return Outbox(*m_desk.db).append(refused); }));
    child<QPushButton>(m_page.get(), "syncNowPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->deadLetterRows(), 1, kHubWaitMs);
    QTRY_VERIFY(m_label->text().contains(QStringLiteral("1 refused")));

    auto *table = child<QTableView>(m_page.get(), "deadLettersTableView");
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("card.sold"));
    QVERIFY(!table->model()->index(0, 2).data().toString().isEmpty()); // the hub's reason
    auto *retry = child<QPushButton>(m_page.get(), "retryDeadLetterPushButton");
    auto *discard = child<QPushButton>(m_page.get(), "discardDeadLetterPushButton");
    QVERIFY(!retry->isEnabled()); // nothing selected
    table->selectRow(0);
    auto *details = child<QPlainTextEdit>(m_page.get(), "deadLetterDetailsPlainTextEdit");
    const QString memberId = refused.data.value(QStringLiteral("memberId")).toString();
    QVERIFY2(details->toPlainText().contains(memberId), qPrintable(details->toPlainText()));
    QVERIFY(details->toPlainText().contains(refused.eventId));
    QVERIFY(retry->isEnabled() && discard->isEnabled());

    // Retry while working offline, so the queue can be counted before the pump takes it.
    auto *offline = child<QCheckBox>(m_page.get(), "workOfflineCheckBox");
    offline->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_sync->status().state, SyncState::Paused, kHubWaitMs);
    const qint64 queued = outboxCount(*m_desk.db);
    const qint64 retriesAudited = auditCount(QStringLiteral("%retry%"));
    retry->click();
    QVERIFY2(m_page->errorText().isEmpty(), qPrintable(m_page->errorText()));
    QCOMPARE(outboxCount(*m_desk.db), queued + 1);
    QCOMPARE(auditCount(QStringLiteral("%retry%")), retriesAudited + 1);
    QTRY_COMPARE(m_page->deadLetterRows(), 0);

    // Back online: the hub refuses it again, under its new id.
    offline->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->deadLetterRows(), 1, kHubWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(outboxCount(*m_desk.db), queued, kHubWaitMs);

    const qint64 discardsAudited = auditCount(QStringLiteral("%discard%"));
    table->selectRow(0);
    QVERIFY(discard->isEnabled());
    discard->click();
    clickYes("discardDeadLetterMessageBox");
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(m_page->deadLetterRows(), 0);
    QVERIFY2(m_page->errorText().isEmpty(), qPrintable(m_page->errorText()));
    QCOMPARE(auditCount(QStringLiteral("%discard%")), discardsAudited + 1);
    QTRY_VERIFY(!m_label->text().contains(QStringLiteral("refused")));
}

void TestSyncPage::clerkSeesNoAdminControls()
{
    if (!m_enrolled)
        QSKIP("the enrollment failed (see above)");
    m_page->setSession(m_clerk);
    // A conflict sync recorded: a clerk sees it and acknowledges it (audited).
    SyncNotice notice;
    notice.kind = SyncNoticeKind::CardOverdrawn;
    notice.entity = QStringLiteral("card");
    notice.entityId = synctest::newId();
    notice.message = QStringLiteral("Card C201-7 went below zero: -1 visits left.");
    notice.detailJson = QStringLiteral("{}");
    notice.createdAtMs = m_desk.clock.nowMs();
    auto *notices = child<QTableView>(m_page.get(), "noticesTableView");
    const int before = m_page->noticeRows(); // the first pull may have found some (same username here and there)
    for (int row = 0; row < before; ++row)
        qInfo("open notice: %s", qPrintable(notices->model()->index(row, 2).data().toString()));
    QVERIFY(SyncNoticeRepository(*m_desk.db).record(notice));
    child<QPushButton>(m_page.get(), "syncNowPushButton")->click();
    QTRY_COMPARE(m_page->noticeRows(), before + 1);
    const int row = rowWith(notices, 2, notice.message);
    QVERIFY(row >= 0);
    QCOMPARE(notices->model()->index(row, 1).data().toString(), QStringLiteral("Card overdrawn"));
    auto *acknowledge = child<QPushButton>(m_page.get(), "acknowledgeNoticePushButton");
    notices->clearSelection();
    QVERIFY(!acknowledge->isEnabled());
    notices->selectRow(row);
    QVERIFY(acknowledge->isEnabled());
    const qint64 acknowledged = auditCount(QStringLiteral("sync.notice_ack"));
    acknowledge->click();
    QVERIFY2(m_page->errorText().isEmpty(), qPrintable(m_page->errorText()));
    QCOMPARE(m_page->noticeRows(), before);
    QCOMPARE(rowWith(notices, 2, notice.message), -1);
    QCOMPARE(auditCount(QStringLiteral("sync.notice_ack")), acknowledged + 1);
    child<QCheckBox>(m_page.get(), "showAcknowledgedCheckBox")->click();
    const int shown = rowWith(notices, 2, notice.message);
    QVERIFY(shown >= 0);
    QVERIFY(!notices->model()->index(shown, 3).data().toString().isEmpty()); // when and by whom
    notices->selectRow(shown);
    QVERIFY(!acknowledge->isEnabled()); // already acknowledged
    child<QCheckBox>(m_page.get(), "showAcknowledgedCheckBox")->click();

    for (const char *name : {"enrollPushButton", "unenrollPushButton", "discardDeadLetterPushButton"})
        QVERIFY2(!child<QPushButton>(m_page.get(), name)->isVisible(), name);
    QVERIFY(!child<QCheckBox>(m_page.get(), "workOfflineCheckBox")->isVisible());
    QVERIFY(child<QPushButton>(m_page.get(), "retryDeadLetterPushButton")->isVisible());
    QVERIFY(child<QPushButton>(m_page.get(), "syncNowPushButton")->isEnabled());
    QCOMPARE(m_page->stateText(), QStringLiteral("Online"));
    m_page->setSession(m_admin);
    QVERIFY(child<QPushButton>(m_page.get(), "unenrollPushButton")->isVisible());
}

void TestSyncPage::workOfflineShowsInTheLabel()
{
    if (!m_enrolled)
        QSKIP("the enrollment failed (see above)");
    auto *offline = child<QCheckBox>(m_page.get(), "workOfflineCheckBox");
    QVERIFY(!offline->isChecked());
    offline->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_label->text().startsWith(QStringLiteral("Working offline")), kHubWaitMs);
    QCOMPARE(m_page->stateText(), QStringLiteral("Working offline"));
    QVERIFY(!child<QPushButton>(m_page.get(), "syncNowPushButton")->isEnabled());
    offline->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_label->text().startsWith(QStringLiteral("Online")), kHubWaitMs);

    // The hub goes away: offline since when, with what waits to be sent.
    QVERIFY(m_hub.stop());
    const Member member = synctest::makeMember(*FieldCipher::fromKey(m_desk.keyBytes(QStringLiteral("data.key"))));
    QVERIFY(
        m_desk.db->transaction([&]() -> Status { return Outbox(*m_desk.db).append(synctest::memberCreated(member)); }));
    child<QPushButton>(m_page.get(), "syncNowPushButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_label->text().startsWith(QStringLiteral("Offline since")), kHubWaitMs);
    QVERIFY2(m_label->text().contains(QStringLiteral("1 queued")), qPrintable(m_label->text()));
    QVERIFY(m_page->stateText().startsWith(QStringLiteral("Offline since")));
    QVERIFY(!child<QLabel>(m_page.get(), "syncLastErrorLabel")->text().isEmpty());

    // Unenrolling asks first; then the desk works alone.
    child<QPushButton>(m_page.get(), "unenrollPushButton")->click();
    clickYes("unenrollMessageBox");
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_label->text().startsWith(QStringLiteral("Not enrolled")), kHubWaitMs);
    QVERIFY(!QFile::exists(m_desk.credentialsPath));
    QVERIFY(child<QPushButton>(m_page.get(), "enrollPushButton")->isEnabled());
}

QTEST_MAIN(TestSyncPage)
#include "tst_syncpage.moc"
