// Drives the kiosk window on the offscreen platform with crafted entry updates and asserts what
// each screen shows, by objectName.

#include "core/AccessReason.h"
#include "core/GateSupervisor.h"
#include "core/Translations.h"
#include "ui/KioskWindow.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace gymgate;

namespace {

constexpr qint64 dayMs = 24 * 3600 * 1000LL;
const QString gateId = QStringLiteral("main");

Member member(const QString &name, const QString &language)
{
    Member result;
    result.id = QStringLiteral("member-") + name;
    result.memberNo = QStringLiteral("M1000000001");
    result.name = name;
    result.preferredLanguage = language;
    return result;
}

MemberCard card(CardKind kind, qint64 validToMs)
{
    MemberCard result;
    result.id = QStringLiteral("card-1");
    result.kind = kind;
    result.status = CardStatus::Active;
    result.validToMs = validToMs;
    if (kind == CardKind::Count) {
        result.name = QStringLiteral("Ten visits");
        result.visitsLeft = 10;
    } else if (kind == CardKind::Value) {
        result.name = QStringLiteral("Stored value");
        result.balanceFen = 52800;
        result.perVisitPriceFen = 3000;
    } else {
        result.name = QStringLiteral("Year card");
    }
    return result;
}

EntryUpdate update(EntryPhase phase, std::optional<Member> who, std::optional<MemberCard> used,
    AccessReason reason = AccessReason::Granted, const QString &laneId = gateId)
{
    EntryUpdate result;
    result.phase = phase;
    result.laneId = laneId;
    result.scan.entry.id = QStringLiteral("entry-1");
    result.scan.entry.gateId = gateId;
    result.scan.decision.verdict = reason == AccessReason::Granted ? Verdict::Granted : Verdict::Denied;
    result.scan.decision.reason = reason;
    if (used && reason == AccessReason::Granted)
        result.scan.decision.deduction = deductionFor(*used);
    result.scan.member = std::move(who);
    result.scan.card = std::move(used);
    return result;
}

// A message in a given language, then back to the test's language.
QString inLanguage(const QString &language, const std::function<QString()> &text)
{
    const QString previous = currentLanguage();
    switchLanguage(*QCoreApplication::instance(), language);
    const QString result = text();
    switchLanguage(*QCoreApplication::instance(), previous);
    return result;
}

} // namespace

class TstKioskWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void idleShowsBrandingAndBothLanguages();
    void grantedCountCardShowsVisitsAfterDeduction();
    void grantedValueCardShowsBalance();
    void grantedShowsExpiryNextBookingAndWarnings();
    void passAndPassedKeepTheMember();
    void deniedShowsReasonAndAdvice_data();
    void deniedShowsReasonAndAdvice();
    void notPassedSaysNotCharged();
    void gateFaultAndBusyShowDetail();
    void answersInMembersLanguageThenReturnsToSiteLanguage();
    void retranslatesOnLanguageChange();
    void autoReturnsToIdle();
    void updatesFromOtherLanesAreIgnored();
    void soundCueForGrantAndDeny();
    void playsWithSoundOn();
    void emergencyOverridesResultsUntilCleared();
    void unavailableScreensFollowGateAvailability_data();
    void unavailableScreensFollowGateAvailability();
    void attachFollowsTheSupervisor();
    void offlineBadgeToggles();
    void wrongPinShowsError();
    void rightPinEmitsExitRequested();
    void lockoutAfterThreeWrongPins();
    void ctrlAltQOpensPinDialog();
    void fiveTapsTopLeftOpenPinDialog();
    void kioskModeRefusesToClose();
    void parsesBrandColors_data();
    void parsesBrandColors();

private:
    KioskSettings settings();
    void makeWindow(const KioskSettings &kioskSettings);
    void makeWindow() { makeWindow(settings()); }
    QString text(const char *objectName) const;
    bool shown(const char *objectName) const;

    ManualClock m_clock {
        QDateTime(QDate(2026, 3, 7), QTime(18, 5), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).toMSecsSinceEpoch()};
    std::unique_ptr<KioskWindow> m_window;
};

void TstKioskWindow::initTestCase()
{
    QVERIFY(switchLanguage(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
}

void TstKioskWindow::init()
{
    QVERIFY(switchLanguage(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
}

void TstKioskWindow::cleanup()
{
    m_window.reset();
}

KioskSettings TstKioskWindow::settings()
{
    KioskSettings result;
    result.gymName = QStringLiteral("Harbour Fitness");
    result.welcomeText = QStringLiteral("Welcome back!");
    result.siteLanguage = QStringLiteral("zh_CN");
    result.siteTimeZone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    // Long enough never to fire during a test, except where a test shortens it.
    result.idleReturnMs = result.deniedReturnMs = result.passScreenMaxMs = 600'000;
    result.soundEnabled = false;
    result.clock = &m_clock;
    result.verifyPin = [](const QString &pin) {
        return pin == QLatin1String("2468");
    };
    return result;
}

void TstKioskWindow::makeWindow(const KioskSettings &kioskSettings)
{
    m_window = std::make_unique<KioskWindow>(kioskSettings);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QString TstKioskWindow::text(const char *objectName) const
{
    const auto *label = m_window->findChild<QLabel *>(QLatin1String(objectName));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(objectName));
}

bool TstKioskWindow::shown(const char *objectName) const
{
    const auto *widget = m_window->findChild<QWidget *>(QLatin1String(objectName));
    return widget && widget->isVisible();
}

void TstKioskWindow::idleShowsBrandingAndBothLanguages()
{
    makeWindow();
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
    QVERIFY(shown("idleScreenWidget"));
    QCOMPARE(text("gymNameLabel"), QStringLiteral("Harbour Fitness"));
    QCOMPARE(text("welcomeLabel"), QStringLiteral("Welcome back!"));
    QCOMPARE(text("scanPromptChineseLabel"), QString::fromUtf8("请扫描您的二维码"));
    QCOMPARE(text("scanPromptEnglishLabel"), QStringLiteral("Scan your code"));
    QCOMPARE(text("clockLabel"), QStringLiteral("18:05")); // site time, not UTC
    QVERIFY(shown("scanPromptChineseLabel"));
    QVERIFY(shown("scanPromptEnglishLabel"));
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("logoLabel"))->pixmap().isNull());

    // Both lines stay whatever the site language is.
    KioskSettings english = settings();
    english.siteLanguage = QStringLiteral("en");
    makeWindow(english);
    QCOMPARE(text("scanPromptChineseLabel"), QString::fromUtf8("请扫描您的二维码"));
    QCOMPARE(text("scanPromptEnglishLabel"), QStringLiteral("Scan your code"));
}

void TstKioskWindow::grantedCountCardShowsVisitsAfterDeduction()
{
    makeWindow();
    m_window->showUpdate(update(
        EntryPhase::Opening, member(QStringLiteral("Li Na"), QStringLiteral("zh_CN")), card(CardKind::Count, 0)));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("granted"));
    QVERIFY(shown("resultScreenWidget"));
    QVERIFY(!shown("idleScreenWidget"));
    QCOMPARE(text("memberNameLabel"), QStringLiteral("Li Na"));
    QVERIFY2(text("cardSummaryLabel").contains(QStringLiteral("Ten visits")), qPrintable(text("cardSummaryLabel")));
    // 10 before the charge, one visit deducted: 9 left, never 10.
    QVERIFY2(text("cardSummaryLabel").contains(QLatin1Char('9')), qPrintable(text("cardSummaryLabel")));
    QVERIFY(!text("cardSummaryLabel").contains(QStringLiteral("10")));
    QVERIFY(!shown("cardExpiryLabel")); // no expiry on this card
}

void TstKioskWindow::grantedValueCardShowsBalance()
{
    makeWindow();
    m_window->showUpdate(update(
        EntryPhase::Opening, member(QStringLiteral("Li Na"), QStringLiteral("zh_CN")), card(CardKind::Value, 0)));
    // 528.00 yuan before, 30.00 per visit.
    QVERIFY2(text("cardSummaryLabel").contains(QStringLiteral("498.00")), qPrintable(text("cardSummaryLabel")));
    QVERIFY(text("cardSummaryLabel").contains(QStringLiteral("Stored value")));
}

void TstKioskWindow::grantedShowsExpiryNextBookingAndWarnings()
{
    KioskSettings withBooking = settings();
    QString askedFor;
    withBooking.nextBookingToday = [this, &askedFor](const QString &memberId) {
        askedFor = memberId;
        return std::optional<KioskBooking>(
            KioskBooking {QStringLiteral("Flow Yoga"), QStringLiteral("Studio 2"), m_clock.nowMs() + 85 * 60'000});
    };
    makeWindow(withBooking);
    EntryUpdate granted = update(EntryPhase::Opening, member(QStringLiteral("Li Na"), QStringLiteral("zh_CN")),
        card(CardKind::Time, m_clock.nowMs() + 3 * dayMs));
    granted.scan.decision.warnings = {AccessReason::AntiPassbackSoft};
    m_window->showUpdate(granted);

    QCOMPARE(askedFor, QStringLiteral("member-Li Na"));
    QCOMPARE(text("cardSummaryLabel"), QStringLiteral("Year card"));
    QVERIFY2(text("cardExpiryLabel").contains(QStringLiteral("2026-03-10")), qPrintable(text("cardExpiryLabel")));
    const QString booking = text("nextBookingLabel");
    QVERIFY2(booking.contains(QStringLiteral("Flow Yoga")) && booking.contains(QStringLiteral("19:30"))
            && booking.contains(QStringLiteral("Studio 2")),
        qPrintable(booking));
    const QString warnings = text("resultWarningLabel");
    QVERIFY2(warnings.contains(accessReasonMessage(AccessReason::AntiPassbackSoft)), qPrintable(warnings));
    QVERIFY2(warnings.contains(QLatin1Char('3')), qPrintable(warnings)); // expires in 3 days
}

void TstKioskWindow::passAndPassedKeepTheMember()
{
    makeWindow();
    const Member liNa = member(QStringLiteral("Li Na"), QStringLiteral("zh_CN"));
    m_window->showUpdate(update(EntryPhase::Opening, liNa, card(CardKind::Count, 0)));
    const QString grantedTitle = text("resultTitleLabel");
    m_window->showUpdate(update(EntryPhase::PleasePass, liNa, card(CardKind::Count, 0)));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("pass"));
    QVERIFY(text("resultTitleLabel") != grantedTitle);
    QCOMPARE(text("memberNameLabel"), QStringLiteral("Li Na"));
    m_window->showUpdate(update(EntryPhase::Passed, liNa, card(CardKind::Count, 0)));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("passed"));
    QVERIFY(text("cardSummaryLabel").contains(QLatin1Char('9')));
}

void TstKioskWindow::deniedShowsReasonAndAdvice_data()
{
    QTest::addColumn<AccessReason>("reason");
    QTest::addColumn<bool>("knownMember");
    QTest::newRow("card expired") << AccessReason::CardExpired << true;
    QTest::newRow("no visits") << AccessReason::CardNoVisits << true;
    QTest::newRow("booking required") << AccessReason::BookingRequired << true;
    QTest::newRow("forged code") << AccessReason::CredentialBadSignature << false;
    QTest::newRow("gate offline") << AccessReason::GateOffline << false;
}

void TstKioskWindow::deniedShowsReasonAndAdvice()
{
    QFETCH(AccessReason, reason);
    QFETCH(bool, knownMember);
    makeWindow();
    std::optional<Member> who;
    if (knownMember)
        who = member(QStringLiteral("Li Na"), QStringLiteral("zh_CN"));
    m_window->showUpdate(update(EntryPhase::Denied, who, std::nullopt, reason));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("denied"));
    QCOMPARE(text("resultMessageLabel"), accessReasonMessage(reason));
    QCOMPARE(text("resultAdviceLabel"), accessReasonAdvice(reason));
    QVERIFY(shown("resultAdviceLabel"));
    QCOMPARE(shown("memberNameLabel"), knownMember);
    QVERIFY(!shown("cardSummaryLabel"));
}

void TstKioskWindow::notPassedSaysNotCharged()
{
    makeWindow();
    m_window->showUpdate(update(
        EntryPhase::NotPassed, member(QStringLiteral("Li Na"), QStringLiteral("zh_CN")), card(CardKind::Count, 0)));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("not_passed"));
    QCOMPARE(text("resultMessageLabel"), KioskWindow::tr("Your visit was not charged."));
    // Refunded: the card shows its visits as they were, 10.
    QVERIFY2(text("cardSummaryLabel").contains(QStringLiteral("10")), qPrintable(text("cardSummaryLabel")));
}

void TstKioskWindow::gateFaultAndBusyShowDetail()
{
    makeWindow();
    EntryUpdate fault = update(
        EntryPhase::GateFault, member(QStringLiteral("Li Na"), QStringLiteral("zh_CN")), card(CardKind::Count, 0));
    fault.detail = QStringLiteral("Relay board did not answer");
    m_window->showUpdate(fault);
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("gate_fault"));
    QCOMPARE(text("resultMessageLabel"), fault.detail);
    QVERIFY(shown("resultAdviceLabel"));

    EntryUpdate busy = update(EntryPhase::Busy, std::nullopt, std::nullopt, AccessReason::Invalid);
    m_window->showUpdate(busy);
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("busy"));
    QVERIFY(!text("resultMessageLabel").isEmpty());
    QVERIFY(!shown("memberNameLabel"));
}

void TstKioskWindow::answersInMembersLanguageThenReturnsToSiteLanguage()
{
    const AccessReason reason = AccessReason::CardExpired;
    const QString english = inLanguage(QStringLiteral("en"), [reason] { return accessReasonMessage(reason); });
    const QString chinese = inLanguage(QStringLiteral("zh_CN"), [reason] { return accessReasonMessage(reason); });
    QVERIFY2(english != chinese, "the zh_CN translation of the reason is missing");

    makeWindow();
    m_window->showUpdate(update(EntryPhase::Denied, member(QStringLiteral("Emma"), QStringLiteral("en")), std::nullopt,
        AccessReason::CardExpired));
    QCOMPARE(currentLanguage(), QStringLiteral("en"));
    QCOMPARE(text("resultMessageLabel"), english);

    m_window->returnToIdle();
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
    QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));

    m_window->showUpdate(update(EntryPhase::Denied, member(QStringLiteral("Li Na"), QStringLiteral("zh_CN")),
        std::nullopt, AccessReason::CardExpired));
    QCOMPARE(text("resultMessageLabel"), chinese);

    // No preference (or an unknown member): the site's language.
    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CardExpired));
    QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));
}

void TstKioskWindow::retranslatesOnLanguageChange()
{
    makeWindow();
    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::ZoneFull));
    const QString english
        = inLanguage(QStringLiteral("en"), [] { return accessReasonMessage(AccessReason::ZoneFull); });
    QVERIFY(switchLanguage(*QCoreApplication::instance(), QStringLiteral("en")));
    QTRY_COMPARE(text("resultMessageLabel"), english);
}

void TstKioskWindow::autoReturnsToIdle()
{
    KioskSettings quick = settings();
    quick.idleReturnMs = 50;
    quick.deniedReturnMs = 80;
    makeWindow(quick);
    QSignalSpy screens(m_window.get(), &KioskWindow::screenChanged);
    m_window->showUpdate(
        update(EntryPhase::Passed, member(QStringLiteral("Emma"), QStringLiteral("en")), card(CardKind::Count, 0)));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("passed"));
    QTRY_COMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
    QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));

    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CardNone));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("denied"));
    QTRY_COMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
    QCOMPARE(screens.count(), 4);
}

void TstKioskWindow::updatesFromOtherLanesAreIgnored()
{
    KioskSettings oneLane = settings();
    oneLane.laneIds = {QStringLiteral("main")};
    makeWindow(oneLane);
    m_window->showUpdate(
        update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CardNone, QStringLiteral("main:out")));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
    m_window->showUpdate(update(EntryPhase::Invalid, std::nullopt, std::nullopt, AccessReason::CardNone));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CardNone));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("denied"));
}

void TstKioskWindow::soundCueForGrantAndDeny()
{
    makeWindow();
    QSignalSpy sounds(m_window.get(), &KioskWindow::feedbackSound);
    const Member liNa = member(QStringLiteral("Li Na"), QStringLiteral("zh_CN"));
    m_window->showUpdate(update(EntryPhase::Opening, liNa, card(CardKind::Count, 0)));
    m_window->showUpdate(update(EntryPhase::PleasePass, liNa, card(CardKind::Count, 0)));
    m_window->showUpdate(update(EntryPhase::Denied, liNa, std::nullopt, AccessReason::CardFrozen));
    QCOMPARE(sounds.count(), 2); // one tone per decision, none for the gate's progress
    QCOMPARE(sounds.at(0).at(0).value<KioskSound>(), KioskSound::Grant);
    QCOMPARE(sounds.at(1).at(0).value<KioskSound>(), KioskSound::Deny);
    // The tones are compiled into the library.
    QVERIFY(QFile::exists(QStringLiteral(":/kiosk/sounds/grant.wav")));
    QVERIFY(QFile::exists(QStringLiteral(":/kiosk/sounds/deny.wav")));
}

void TstKioskWindow::playsWithSoundOn()
{
    // With sound on, a machine without an audio device must still show every result.
    KioskSettings loud = settings();
    loud.soundEnabled = true;
    makeWindow(loud);
    QSignalSpy sounds(m_window.get(), &KioskWindow::feedbackSound);
    m_window->showUpdate(update(
        EntryPhase::Opening, member(QStringLiteral("Li Na"), QStringLiteral("zh_CN")), card(CardKind::Count, 0)));
    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CardNone));
    QCOMPARE(sounds.count(), 2);
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("denied"));
}

void TstKioskWindow::emergencyOverridesResultsUntilCleared()
{
    makeWindow();
    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CardNone));
    m_window->setEmergency(true);
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("emergency"));
    QVERIFY(shown("emergencyScreenWidget"));
    QCOMPARE(text("emergencyTitleLabel"), accessReasonMessage(AccessReason::Emergency));
    QCOMPARE(text("emergencyAdviceLabel"), accessReasonAdvice(AccessReason::Emergency));
    // The other language underneath: English on a Chinese kiosk.
    QVERIFY2(text("emergencyOtherLanguageLabel").contains(QStringLiteral("Emergency: all gates are open.")),
        qPrintable(text("emergencyOtherLanguageLabel")));

    // Scans during the emergency do not take the screen away, nor does a result's timer.
    m_window->showUpdate(
        update(EntryPhase::Opening, member(QStringLiteral("Emma"), QStringLiteral("en")), card(CardKind::Count, 0)));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("emergency"));
    m_window->returnToIdle();
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("emergency"));

    m_window->setEmergency(false);
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
}

void TstKioskWindow::unavailableScreensFollowGateAvailability_data()
{
    QTest::addColumn<GateAvailability>("availability");
    QTest::addColumn<FailPolicy>("policy");
    QTest::addColumn<QString>("screen");
    QTest::addColumn<QString>("title");
    QTest::newRow("out of order") << GateAvailability::OutOfOrder << FailPolicy::FailSecure
                                  << QStringLiteral("out_of_order") << KioskWindow::tr("Out of order");
    QTest::newRow("offline, fail-secure") << GateAvailability::Offline << FailPolicy::FailSecure
                                          << QStringLiteral("offline") << KioskWindow::tr("Gate offline");
    QTest::newRow("offline, fail-open") << GateAvailability::Offline << FailPolicy::FailOpen
                                        << QStringLiteral("offline") << KioskWindow::tr("Gate open");
    QTest::newRow("ready") << GateAvailability::Ready << FailPolicy::FailSecure << QStringLiteral("idle") << QString();
}

void TstKioskWindow::unavailableScreensFollowGateAvailability()
{
    QFETCH(GateAvailability, availability);
    QFETCH(FailPolicy, policy);
    QFETCH(QString, screen);
    QFETCH(QString, title);
    makeWindow();
    m_window->setGateFailPolicy(gateId, policy);
    m_window->setGateAvailability(gateId, availability);
    QCOMPARE(m_window->currentScreenName(), screen);
    if (!title.isEmpty()) {
        QVERIFY(shown("unavailableScreenWidget"));
        QCOMPARE(text("unavailableTitleLabel"), title);
        QVERIFY(!text("unavailableAdviceLabel").isEmpty());
    }
    // A result still shows, and the kiosk comes back to the same resting screen.
    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::GateOffline));
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("denied"));
    m_window->returnToIdle();
    QCOMPARE(m_window->currentScreenName(), screen);

    m_window->setGateAvailability(gateId, GateAvailability::Ready);
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("idle"));
}

void TstKioskWindow::attachFollowsTheSupervisor()
{
    GateSupervisor supervisor;
    makeWindow();
    m_window->attach(nullptr, &supervisor);
    supervisor.declareEmergency();
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("emergency"));
    QVERIFY(supervisor.resetEmergency().has_value());
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("idle"));

    // A window attached during an emergency starts on the emergency screen.
    supervisor.declareEmergency();
    makeWindow();
    m_window->attach(nullptr, &supervisor);
    QCOMPARE(m_window->currentScreenName(), QStringLiteral("emergency"));
}

void TstKioskWindow::offlineBadgeToggles()
{
    makeWindow();
    QVERIFY(!shown("offlineBadgeLabel"));
    m_window->setHubOnline(false);
    QVERIFY(shown("offlineBadgeLabel"));
    QVERIFY(!text("offlineBadgeLabel").isEmpty());
    // On every screen, in the top right corner.
    m_window->showUpdate(update(EntryPhase::Denied, std::nullopt, std::nullopt, AccessReason::CardNone));
    QVERIFY(shown("offlineBadgeLabel"));
    const auto *badge = m_window->findChild<QLabel *>(QStringLiteral("offlineBadgeLabel"));
    QVERIFY(badge->geometry().right() <= m_window->width());
    QVERIFY(badge->geometry().left() > m_window->width() / 2);
    m_window->setHubOnline(true);
    QVERIFY(!shown("offlineBadgeLabel"));
}

void TstKioskWindow::wrongPinShowsError()
{
    makeWindow();
    QSignalSpy exits(m_window.get(), &KioskWindow::exitRequested);
    m_window->requestExit();
    KioskPinDialog *dialog = m_window->pinDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    for (const char *key : {"pinKey1Button", "pinKey2Button", "pinKey3Button", "pinKey4Button"})
        QTest::mouseClick(dialog->findChild<QPushButton *>(QLatin1String(key)), Qt::LeftButton);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("pinLineEdit"));
    QCOMPARE(edit->text(), QStringLiteral("1234"));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("pinOkButton")), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->errorText(), KioskPinDialog::tr("Wrong PIN. %n tries left.", nullptr, 2));
    QVERIFY(edit->text().isEmpty());
    QCOMPARE(exits.count(), 0);
}

void TstKioskWindow::rightPinEmitsExitRequested()
{
    makeWindow();
    QSignalSpy exits(m_window.get(), &KioskWindow::exitRequested);
    m_window->requestExit();
    QPointer<KioskPinDialog> dialog = m_window->pinDialog();
    QVERIFY(dialog);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("pinLineEdit"));
    QTest::keyClicks(edit, QStringLiteral("2468"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(exits.count(), 1);
    QVERIFY(!m_window->isKioskMode());
    QTRY_VERIFY(!dialog); // closed and deleted
}

void TstKioskWindow::lockoutAfterThreeWrongPins()
{
    KioskSettings guarded = settings();
    guarded.pinLockoutMs = 30'000;
    makeWindow(guarded);
    QSignalSpy exits(m_window.get(), &KioskWindow::exitRequested);
    m_window->requestExit();
    KioskPinDialog *dialog = m_window->pinDialog();
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("pinLineEdit"));
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("pinOkButton"));
    for (int attempt = 0; attempt < 3; ++attempt) {
        edit->setText(QStringLiteral("0000"));
        dialog->submit();
    }
    QCOMPARE(dialog->errorText(), KioskPinDialog::tr("Too many wrong PINs. Try again in %n seconds.", nullptr, 30));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!edit->isEnabled());

    // Even the right PIN is refused during the lockout, also after reopening the dialog.
    edit->setText(QStringLiteral("2468"));
    dialog->submit();
    QCOMPARE(exits.count(), 0);
    dialog->reject();
    QTRY_VERIFY(!m_window->pinDialog());
    m_window->requestExit();
    dialog = m_window->pinDialog();
    edit = dialog->findChild<QLineEdit *>(QStringLiteral("pinLineEdit"));
    ok = dialog->findChild<QPushButton *>(QStringLiteral("pinOkButton"));
    QVERIFY(!ok->isEnabled());

    m_clock.advanceMs(30'000);
    QTRY_VERIFY(ok->isEnabled());
    QVERIFY(dialog->errorText().isEmpty());
    edit->setText(QStringLiteral("2468"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(exits.count(), 1);
}

void TstKioskWindow::ctrlAltQOpensPinDialog()
{
    makeWindow();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(!m_window->pinDialog());
    QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier | Qt::AltModifier);
    QTRY_VERIFY(m_window->pinDialog());
}

void TstKioskWindow::fiveTapsTopLeftOpenPinDialog()
{
    makeWindow();
    auto *corner = m_window->findChild<QWidget *>(QStringLiteral("exitCornerWidget"));
    QVERIFY(corner);
    QCOMPARE(corner->geometry().topLeft(), QPoint(0, 0));
    for (int tap = 0; tap < 4; ++tap)
        QTest::mouseClick(corner, Qt::LeftButton, {}, QPoint(10, 10));
    QVERIFY(!m_window->pinDialog());
    QTest::mouseClick(corner, Qt::LeftButton, {}, QPoint(10, 10));
    QVERIFY(m_window->pinDialog());
}

void TstKioskWindow::kioskModeRefusesToClose()
{
    makeWindow();
    m_window->enterKioskMode();
    QVERIFY(m_window->isKioskMode());
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    m_window->leaveKioskMode();
    QVERIFY(m_window->close());
}

void TstKioskWindow::parsesBrandColors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QColor>("color");
    QTest::newRow("hex") << QStringLiteral("#FF5733") << QColor(0xFF, 0x57, 0x33);
    QTest::newRow("hex lower") << QStringLiteral("#ffc300") << QColor(0xFF, 0xC3, 0x00);
    QTest::newRow("rgb") << QStringLiteral("rgb(31, 58,95)") << QColor(31, 58, 95);
    QTest::newRow("rgb out of range") << QStringLiteral("rgb(256, 0, 0)") << QColor();
    QTest::newRow("short hex") << QStringLiteral("#F53") << QColor();
    QTest::newRow("name") << QStringLiteral("red") << QColor();
    QTest::newRow("empty") << QString() << QColor();
}

void TstKioskWindow::parsesBrandColors()
{
    QFETCH(QString, text);
    QFETCH(QColor, color);
    QCOMPARE(parseBrandColor(text), color);
}

QTEST_MAIN(TstKioskWindow)
#include "tst_kioskwindow.moc"
