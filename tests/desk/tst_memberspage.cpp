// MembersPage offscreen over the real SqlMemberDirectory and a real SQLite file: register a
// member through the form and find them by typing in the search box; inline errors for a bad
// or taken phone number that save nothing; block, issue a QR code and print the card.
#include "store/MemberCardRepository.h"
#include "store/SaleRepository.h"
#include "ui/WidgetTestSupport.h"
#include "ui/desk/MembersPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include "desk/MemberTestRig.h"

using namespace gymgate;
using namespace gymgate::test;

namespace {

// Latin letters and digits as key presses; Han characters as an input method commits them
// (QTest::keyClicks only sends Latin-1).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(widget, c.toLatin1());
            continue;
        }
        QInputMethodEvent commit;
        commit.setCommitString(QString(c));
        QCoreApplication::sendEvent(widget, &commit);
    }
}

QStringList rowTexts(QTableView *table, int row)
{
    QStringList texts;
    for (int column = 0; column < table->model()->columnCount(); ++column)
        texts.append(table->model()->index(row, column).data().toString());
    return texts;
}

} // namespace

class TestMembersPage : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_rig = std::make_unique<MemberRig>(m_dir.filePath(QStringLiteral("page-%1.db").arg(++m_round)));
        m_page = std::make_unique<MembersPage>(*m_rig->directory, QTimeZone("Asia/Shanghai"));
        m_page->resize(1200, 800);
        m_page->setSession(sessionFor(StaffRole::Staff));
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_rig.reset();
    }

    void registerAndFindAMember()
    {
        QSignalSpy selected(m_page.get(), &DeskPage::memberSelected);
        typeText(child<QLineEdit>(m_page.get(), "memberNameLineEdit"), QStringLiteral("王小明"));
        typeText(child<QLineEdit>(m_page.get(), "memberPhoneLineEdit"), QStringLiteral("13800138000"));
        QVERIFY(!child<QLabel>(m_page.get(), "memberPhoneErrorLabel")->isVisible());
        auto *gender = child<QComboBox>(m_page.get(), "memberGenderComboBox");
        gender->setCurrentIndex(gender->findData(int(Gender::Male)));
        child<QCheckBox>(m_page.get(), "memberBirthdayCheckBox")->setChecked(true);
        child<QDateEdit>(m_page.get(), "memberBirthdayDateEdit")->setDate(QDate(1988, 8, 8));
        auto *language = child<QComboBox>(m_page.get(), "memberLanguageComboBox");
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QTest::mouseClick(child<QPushButton>(m_page.get(), "saveMemberPushButton"), Qt::LeftButton);

        QTRY_COMPARE(child<QLabel>(m_page.get(), "memberNoLabel")->text(), QStringLiteral("M1000000001"));
        QCOMPARE(selected.size(), 1);
        QCOMPARE(rowCount(*m_rig->db, QStringLiteral("member")), 1);
        QCOMPARE(queryValue(*m_rig->db, QStringLiteral("SELECT birthday || preferred_language || gender FROM member"))
                     .toString(),
            QStringLiteral("1988-08-08en%1").arg(int(Gender::Male)));
        QCOMPARE(m_page->errorText(), QString());

        // A second member, then find the first by typing part of the name.
        m_rig->add(QStringLiteral("李娜"), QStringLiteral("13900139000"));
        QTest::mouseClick(child<QPushButton>(m_page.get(), "newMemberPushButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(m_page.get(), "memberNoLabel")->text(), QString());
        auto *search = child<QLineEdit>(m_page.get(), "memberSearchLineEdit");
        auto *table = child<QTableView>(m_page.get(), "membersTableView");
        typeText(search, QStringLiteral("小明"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(rowTexts(table, 0),
            (QStringList {QStringLiteral("M1000000001"), QStringLiteral("王小明"), QStringLiteral("138****8000"),
                QStringLiteral("Active")}));

        // By the last four digits of the phone, and by member number.
        search->clear();
        typeText(search, QStringLiteral("9000"));
        QTRY_COMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("李娜"));
        QCOMPARE(table->model()->rowCount(), 1);
        search->clear();
        typeText(search, QStringLiteral("M10000000"));
        QTRY_COMPARE(table->model()->rowCount(), 2);

        // Choosing a row shows the member and tells the desk.
        table->selectRow(0);
        QTRY_COMPARE(selected.size(), 2);
        QCOMPARE(selected.last().first().toString(), m_page->currentMemberId());
        QCOMPARE(child<QLineEdit>(m_page.get(), "memberNameLineEdit")->text(),
            table->model()->index(0, 1).data().toString());
        QVERIFY(child<QLineEdit>(m_page.get(), "memberPhoneLineEdit")->text().isEmpty()); // never in clear
    }

    void invalidPhoneShowsInlineErrorAndSavesNothing()
    {
        const qint64 outbox = rowCount(*m_rig->db, QStringLiteral("outbox"));
        auto *phone = child<QLineEdit>(m_page.get(), "memberPhoneLineEdit");
        auto *error = child<QLabel>(m_page.get(), "memberPhoneErrorLabel");
        typeText(child<QLineEdit>(m_page.get(), "memberNameLineEdit"), QStringLiteral("王芳"));
        typeText(phone, QStringLiteral("1380013"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        QTest::mouseClick(child<QPushButton>(m_page.get(), "saveMemberPushButton"), Qt::LeftButton);
        QVERIFY(error->isVisible());

        phone->clear();
        typeText(phone, QStringLiteral("12800138000")); // 11 digits, but no mobile number
        QTRY_VERIFY(error->isVisible());
        QTest::keyClick(phone, Qt::Key_Return);
        QVERIFY(error->isVisible());
        QCOMPARE(rowCount(*m_rig->db, QStringLiteral("member")), 0);
        QCOMPARE(rowCount(*m_rig->db, QStringLiteral("outbox")), outbox);
        QCOMPARE(child<QLabel>(m_page.get(), "memberNoLabel")->text(), QString());

        phone->clear();
        typeText(phone, QStringLiteral("13800abc138000")); // letters are refused as typed
        QCOMPARE(phone->text(), QStringLiteral("13800138000"));
        QTRY_VERIFY(!error->isVisible());
    }

    void takenPhoneIsReportedAtTheField()
    {
        m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        typeText(child<QLineEdit>(m_page.get(), "memberNameLineEdit"), QStringLiteral("王芳"));
        typeText(child<QLineEdit>(m_page.get(), "memberPhoneLineEdit"), QStringLiteral("13800138000"));
        QTest::mouseClick(child<QPushButton>(m_page.get(), "saveMemberPushButton"), Qt::LeftButton);
        auto *error = child<QLabel>(m_page.get(), "memberPhoneErrorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("M1000000001")), qPrintable(error->text()));
        QCOMPARE(rowCount(*m_rig->db, QStringLiteral("member")), 1);
    }

    void blockIssueAndPrint()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        m_page->setCurrentMember(member.summary.id);
        auto *block = child<QPushButton>(m_page.get(), "blockMemberPushButton");
        auto *issue = child<QPushButton>(m_page.get(), "issueCodePushButton");
        auto *print = child<QPushButton>(m_page.get(), "printCardPushButton");
        QVERIFY(block->isEnabled());
        QVERIFY(issue->isEnabled());
        QVERIFY(!print->isEnabled()); // no code yet

        typeText(child<QLineEdit>(m_page.get(), "blockReasonLineEdit"), QStringLiteral("lost card"));
        QTest::mouseClick(block, Qt::LeftButton);
        QTRY_COMPARE(child<QLabel>(m_page.get(), "memberStatusLabel")->text(), QStringLiteral("Blocked"));
        QVERIFY(!issue->isEnabled());
        QTest::mouseClick(block, Qt::LeftButton);
        QTRY_COMPARE(child<QLabel>(m_page.get(), "memberStatusLabel")->text(), QStringLiteral("Active"));

        QTest::mouseClick(issue, Qt::LeftButton);
        QTRY_VERIFY(print->isEnabled());
        QVERIFY(!child<QLabel>(m_page.get(), "memberQrLabel")->pixmap().isNull());
        QCOMPARE(child<QTableView>(m_page.get(), "codesTableView")->model()->rowCount(), 1);
        const QString path = m_dir.filePath(QStringLiteral("card-%1.pdf").arg(m_round));
        QVERIFY(m_page->printCardTo(path));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5).startsWith("%PDF-"));
    }

    void guestMayLookButNotChange()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        m_page->setSession(sessionFor(StaffRole::Guest));
        typeText(child<QLineEdit>(m_page.get(), "memberSearchLineEdit"), QStringLiteral("王"));
        QTRY_COMPARE(child<QTableView>(m_page.get(), "membersTableView")->model()->rowCount(), 1);
        m_page->setCurrentMember(member.summary.id);
        QCOMPARE(m_page->currentMemberId(), member.summary.id);
        QVERIFY(!child<QPushButton>(m_page.get(), "saveMemberPushButton")->isEnabled());
        QVERIFY(!child<QPushButton>(m_page.get(), "blockMemberPushButton")->isEnabled());
        QVERIFY(!child<QPushButton>(m_page.get(), "issueCodePushButton")->isEnabled());
    }

    // The page as the docs show it: a member with cards, payments, entries and a QR code.
    // Saved as members.png when GYMGATE_SCREENSHOT_DIR is set (docs/desk/members.png).
    void screenshotOfAMemberWithHistory()
    {
        const MemberDetails member = m_rig->add(QStringLiteral("王小明"), QStringLiteral("13800138000"));
        m_rig->add(QStringLiteral("王芳"), QStringLiteral("13900139001"));
        m_rig->add(QStringLiteral("王建国"), QStringLiteral("18612348000"));
        take(MemberCardRepository(*m_rig->db)
                 .insert(makeCard(member.summary.id, QStringLiteral("C1000000001"), CardKind::Count, 18)));
        Sale sale;
        sale.receiptNo = QStringLiteral("R10000000001");
        sale.memberId = member.summary.id;
        sale.kind = SaleKind::Sale;
        sale.amountFen = 128'000;
        sale.paymentMethod = PaymentMethod::WeChatPay;
        sale.createdAtMs = MembersNowMs - 86'400'000;
        take(SaleRepository(*m_rig->db).insert(sale));
        take(m_rig->directory->issueMemberCode(sessionFor(StaffRole::Admin), member.summary.id));

        typeText(child<QLineEdit>(m_page.get(), "memberSearchLineEdit"), QStringLiteral("王"));
        auto *table = child<QTableView>(m_page.get(), "membersTableView");
        QTRY_COMPARE(table->model()->rowCount(), 3);
        table->selectRow(0);
        QTRY_COMPARE(m_page->currentMemberId(), member.summary.id);
        auto *tabs = child<QTabWidget>(m_page.get(), "historyTabWidget");
        tabs->setCurrentIndex(3);
        QCOMPARE(child<QTableView>(m_page.get(), "salesTableView")->model()->index(0, 3).data().toString(),
            QStringLiteral("1280.00"));
        QVERIFY(!child<QLabel>(m_page.get(), "memberQrLabel")->pixmap().isNull());

        QCoreApplication::sendPostedEvents(); // the pending relayout after the selection
        const QPixmap shot = m_page->grab();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("GYMGATE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("members.png"))));
    }

private:
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<MemberRig> m_rig;
    std::unique_ptr<MembersPage> m_page;
};

QTEST_MAIN(TestMembersPage)
#include "tst_memberspage.moc"
