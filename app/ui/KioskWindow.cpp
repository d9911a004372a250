#include "ui/KioskWindow.h"

#include "core/Translations.h"

#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QTranslator>
#include <QVBoxLayout>

#ifdef GYMGATE_HAVE_SOUND
#include <QSoundEffect>
#endif

#include <utility>

namespace gymgate {

namespace {

// The idle prompt is always shown in both languages, whatever the kiosk's language, so these
// two lines are fixed text rather than translations.
const QString scanPromptChinese = QString::fromUtf8("请扫描您的二维码");
const QString scanPromptEnglish = QStringLiteral("Scan your code");

constexpr int exitCornerPx = 120;
constexpr int exitTaps = 5;
constexpr int exitTapWindowMs = 3000;
constexpr int exitLongPressMs = 3000;
const char *const basePxProperty = "kioskBasePx";

QLabel *makeLabel(QWidget *parent, const char *objectName, int basePx, bool bold = false)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setProperty(basePxProperty, basePx);
    QFont font = label->font();
    if (basePx > 0) // 0: an icon or picture label
        font.setPixelSize(basePx);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

void setTextOrHide(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString formatYuan(qint64 fen)
{
    const qint64 absolute = fen < 0 ? -fen : fen;
    return QStringLiteral("%1%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(absolute / 100)
        .arg(absolute % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

const char *kioskScreenName(KioskScreen screen)
{
    switch (screen) {
    case KioskScreen::Idle:
        return "idle";
    case KioskScreen::Granted:
        return "granted";
    case KioskScreen::Pass:
        return "pass";
    case KioskScreen::Passed:
        return "passed";
    case KioskScreen::Denied:
        return "denied";
    case KioskScreen::NotPassed:
        return "not_passed";
    case KioskScreen::GateFault:
        return "gate_fault";
    case KioskScreen::Busy:
        return "busy";
    case KioskScreen::Emergency:
        return "emergency";
    case KioskScreen::OutOfOrder:
        return "out_of_order";
    case KioskScreen::Offline:
        return "offline";
    case KioskScreen::Invalid:
        break;
    }
    return "invalid";
}

KioskWindow::KioskWindow(KioskSettings settings, QWidget *parent)
    : QWidget(parent), m_settings(std::move(settings)),
      m_pinGuard(m_settings.verifyPin, clock(), m_settings.pinMaxAttempts, m_settings.pinLockoutMs)
{
    setObjectName(QStringLiteral("kioskWindow"));
    resize(1280, 800);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("kioskStackedWidget"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_idleScreen = buildIdleScreen();
    m_resultScreen = buildResultScreen();
    m_emergencyScreen = buildEmergencyScreen();
    m_unavailableScreen = buildUnavailableScreen();
    for (QWidget *page : {m_idleScreen, m_resultScreen, m_emergencyScreen, m_unavailableScreen})
        m_stack->addWidget(page);
    buildOverlay();

    m_returnTimer = new QTimer(this);
    m_returnTimer->setSingleShot(true);
    connect(m_returnTimer, &QTimer::timeout, this, &KioskWindow::returnToIdle);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &KioskWindow::updateClock);
    m_clockTimer->start();
    m_longPressTimer = new QTimer(this);
    m_longPressTimer->setSingleShot(true);
    m_longPressTimer->setInterval(exitLongPressMs);
    connect(m_longPressTimer, &QTimer::timeout, this, &KioskWindow::requestExit);

    auto *exitShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Q), this);
    exitShortcut->setContext(Qt::WindowShortcut);
    connect(exitShortcut, &QShortcut::activated, this, &KioskWindow::requestExit);

    retranslate();
    returnToIdle();
}

KioskWindow::~KioskWindow() = default;

const Clock &KioskWindow::clock() const
{
    return m_settings.clock ? *m_settings.clock : m_systemClock;
}

QWidget *KioskWindow::buildIdleScreen()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("idleScreenWidget"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(48, 48, 48, 40);
    m_logoLabel = makeLabel(page, "logoLabel", 0);
    m_gymNameLabel = makeLabel(page, "gymNameLabel", 56, true);
    m_welcomeLabel = makeLabel(page, "welcomeLabel", 28);
    auto *promptChinese = makeLabel(page, "scanPromptChineseLabel", 64, true);
    promptChinese->setText(scanPromptChinese);
    auto *promptEnglish = makeLabel(page, "scanPromptEnglishLabel", 48, true);
    promptEnglish->setText(scanPromptEnglish);
    m_clockLabel = makeLabel(page, "clockLabel", 40, true);
    m_dateLabel = makeLabel(page, "dateLabel", 22);
    layout->addWidget(m_logoLabel);
    layout->addWidget(m_gymNameLabel);
    layout->addWidget(m_welcomeLabel);
    layout->addStretch(2);
    layout->addWidget(promptChinese);
    layout->addWidget(promptEnglish);
    layout->addStretch(3);
    layout->addWidget(m_clockLabel);
    layout->addWidget(m_dateLabel);
    return page;
}

QWidget *KioskWindow::buildResultScreen()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("resultScreenWidget"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(48, 40, 48, 40);
    layout->setSpacing(12);
    m_resultIconLabel = makeLabel(page, "resultIconLabel", 0);
    m_resultTitleLabel = makeLabel(page, "resultTitleLabel", 64, true);
    m_memberNameLabel = makeLabel(page, "memberNameLabel", 52, true);
    m_resultMessageLabel = makeLabel(page, "resultMessageLabel", 36);
    m_cardSummaryLabel = makeLabel(page, "cardSummaryLabel", 36, true);
    m_cardExpiryLabel = makeLabel(page, "cardExpiryLabel", 28);
    m_nextBookingLabel = makeLabel(page, "nextBookingLabel", 28);
    m_warningLabel = makeLabel(page, "resultWarningLabel", 26, true);
    m_resultAdviceLabel = makeLabel(page, "resultAdviceLabel", 32);
    layout->addStretch(1);
    for (QLabel *label : {m_resultIconLabel, m_resultTitleLabel, m_memberNameLabel, m_resultMessageLabel,
             m_cardSummaryLabel, m_cardExpiryLabel, m_nextBookingLabel, m_warningLabel, m_resultAdviceLabel})
        layout->addWidget(label);
    layout->addStretch(1);
    return page;
}

QWidget *KioskWindow::buildEmergencyScreen()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("emergencyScreenWidget"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->setSpacing(20);
    auto *icon = makeLabel(page, "emergencyIconLabel", 0);
    m_emergencyTitleLabel = makeLabel(page, "emergencyTitleLabel", 72, true);
    m_emergencyAdviceLabel = makeLabel(page, "emergencyAdviceLabel", 40, true);
    m_emergencyOtherLabel = makeLabel(page, "emergencyOtherLanguageLabel", 32);
    layout->addStretch(1);
    for (QLabel *label : {icon, m_emergencyTitleLabel, m_emergencyAdviceLabel, m_emergencyOtherLabel})
        layout->addWidget(label);
    layout->addStretch(1);
    return page;
}

QWidget *KioskWindow::buildUnavailableScreen()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("unavailableScreenWidget"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->setSpacing(20);
    m_unavailableIconLabel = makeLabel(page, "unavailableIconLabel", 0);
    m_unavailableTitleLabel = makeLabel(page, "unavailableTitleLabel", 64, true);
    m_unavailableMessageLabel = makeLabel(page, "unavailableMessageLabel", 36);
    m_unavailableAdviceLabel = makeLabel(page, "unavailableAdviceLabel", 32);
    layout->addStretch(1);
    for (QLabel *label :
        {m_unavailableIconLabel, m_unavailableTitleLabel, m_unavailableMessageLabel, m_unavailableAdviceLabel})
        layout->addWidget(label);
    layout->addStretch(1);
    return page;
}

// The offline badge and the invisible exit corner float above every screen.
void KioskWindow::buildOverlay()
{
    m_offlineBadge = makeLabel(this, "offlineBadgeLabel", 22, true);
    m_offlineBadge->setWordWrap(false);
    m_offlineBadge->setStyleSheet(QStringLiteral("QLabel { background: #111111; color: #F0E442; border: 2px solid "
                                                 "#F0E442; border-radius: 8px; padding: 6px 14px; }"));
    m_offlineBadge->hide();

    m_exitCorner = new QWidget(this);
    m_exitCorner->setObjectName(QStringLiteral("exitCornerWidget"));
    m_exitCorner->setGeometry(0, 0, exitCornerPx, exitCornerPx);
    m_exitCorner->setAttribute(Qt::WA_NoSystemBackground);
    m_exitCorner->installEventFilter(this);
    m_exitCorner->raise();
}

void KioskWindow::attach(EntryService *entries, GateSupervisor *gates)
{
    if (entries)
        connect(entries, &EntryService::entryUpdated, this, &KioskWindow::showUpdate);
    if (!gates)
        return;
    connect(gates, &GateSupervisor::emergencyChanged, this, &KioskWindow::setEmergency);
    connect(gates, &GateSupervisor::availabilityChanged, this,
        [this, gates](const QString &gateId, GateAvailability availability) {
            setGateFailPolicy(gateId, gates->failPolicy(gateId));
            setGateAvailability(gateId, availability);
        });
    const QStringList gateIds = gates->gateIds();
    for (const QString &gateId : gateIds) {
        m_failPolicies.insert(gateId, gates->failPolicy(gateId));
        m_availability.insert(gateId, gates->availability(gateId));
    }
    setEmergency(gates->emergency());
    if (!m_update)
        returnToIdle();
}

bool KioskWindow::isRelevant(const EntryUpdate &update) const
{
    if (!m_settings.laneIds.isEmpty() && !m_settings.laneIds.contains(update.laneId))
        return false;
    const QString &gateId = update.scan.entry.gateId;
    return m_settings.gateIds.isEmpty() || gateId.isEmpty() || m_settings.gateIds.contains(gateId);
}

void KioskWindow::showUpdate(const EntryUpdate &update)
{
    // The emergency screen holds until the emergency ends: nobody needs to scan then.
    if (m_emergency || update.phase == EntryPhase::Invalid || !isRelevant(update))
        return;
    const bool sameEntry
        = m_update && !update.scan.entry.id.isEmpty() && m_update->scan.entry.id == update.scan.entry.id;
    m_update = update;
    if (!sameEntry) {
        m_nextBooking.reset();
        const bool granted = update.phase == EntryPhase::Opening || update.phase == EntryPhase::PleasePass
            || update.phase == EntryPhase::Passed;
        if (granted && update.scan.member && m_settings.nextBookingToday)
            m_nextBooking = m_settings.nextBookingToday(update.scan.member->id);
    }
    const QString memberLanguage = update.scan.member ? update.scan.member->preferredLanguage : QString();
    useLanguage(memberLanguage.isEmpty() ? m_settings.siteLanguage : memberLanguage);

    static const QHash<EntryPhase, KioskScreen> screens {
        {EntryPhase::Denied, KioskScreen::Denied},
        {EntryPhase::Opening, KioskScreen::Granted},
        {EntryPhase::PleasePass, KioskScreen::Pass},
        {EntryPhase::Passed, KioskScreen::Passed},
        {EntryPhase::NotPassed, KioskScreen::NotPassed},
        {EntryPhase::GateFault, KioskScreen::GateFault},
        {EntryPhase::Busy, KioskScreen::Busy},
    };
    setScreen(screens.value(update.phase, KioskScreen::Denied));
    if (update.phase == EntryPhase::Opening)
        playSound(KioskSound::Grant);
    else if (update.phase == EntryPhase::Denied || update.phase == EntryPhase::GateFault)
        playSound(KioskSound::Deny);
    m_returnTimer->start(returnDelayMs(update.phase));
}

int KioskWindow::returnDelayMs(EntryPhase phase) const
{
    switch (phase) {
    case EntryPhase::Denied:
    case EntryPhase::GateFault:
        return m_settings.deniedReturnMs;
    case EntryPhase::Opening:
    case EntryPhase::PleasePass:
        return m_settings.passScreenMaxMs;
    default:
        return m_settings.idleReturnMs;
    }
}

void KioskWindow::returnToIdle()
{
    m_returnTimer->stop();
    m_update.reset();
    m_nextBooking.reset();
    useLanguage(m_settings.siteLanguage);
    setScreen(restingScreen());
}

KioskScreen KioskWindow::restingScreen() const
{
    if (m_emergency)
        return KioskScreen::Emergency;
    const QString gateId = restingGateId();
    if (gateId.isEmpty())
        return KioskScreen::Idle;
    return m_availability.value(gateId) == GateAvailability::OutOfOrder ? KioskScreen::OutOfOrder
                                                                        : KioskScreen::Offline;
}

// The gate that keeps the kiosk from taking scans: out of order first, then offline.
QString KioskWindow::restingGateId() const
{
    QString offline;
    for (auto it = m_availability.cbegin(); it != m_availability.cend(); ++it) {
        if (!m_settings.gateIds.isEmpty() && !m_settings.gateIds.contains(it.key()))
            continue;
        if (it.value() == GateAvailability::OutOfOrder)
            return it.key();
        if (it.value() == GateAvailability::Offline && (offline.isEmpty() || it.key() < offline))
            offline = it.key();
    }
    return offline;
}

void KioskWindow::setEmergency(bool active)
{
    if (active == m_emergency)
        return;
    m_emergency = active;
    returnToIdle();
}

void KioskWindow::setGateAvailability(const QString &gateId, GateAvailability availability)
{
    m_availability.insert(gateId, availability);
    if (!m_update)
        returnToIdle();
}

void KioskWindow::setGateFailPolicy(const QString &gateId, FailPolicy policy)
{
    m_failPolicies.insert(gateId, policy);
    if (m_screen == KioskScreen::Offline)
        renderUnavailable();
}

void KioskWindow::setHubOnline(bool online)
{
    m_hubOnline = online;
    m_offlineBadge->setVisible(!online);
    m_offlineBadge->raise();
}

void KioskWindow::setScreen(KioskScreen screen)
{
    const bool changed = screen != m_screen;
    m_screen = screen;
    renderCurrent();
    if (changed)
        emit screenChanged(currentScreenName());
}

void KioskWindow::renderCurrent()
{
    switch (m_screen) {
    case KioskScreen::Idle:
        renderIdle();
        m_stack->setCurrentWidget(m_idleScreen);
        break;
    case KioskScreen::Emergency:
        renderEmergency();
        m_stack->setCurrentWidget(m_emergencyScreen);
        break;
    case KioskScreen::OutOfOrder:
    case KioskScreen::Offline:
        renderUnavailable();
        m_stack->setCurrentWidget(m_unavailableScreen);
        break;
    case KioskScreen::Invalid:
        break;
    default:
        renderResult();
        m_stack->setCurrentWidget(m_resultScreen);
        break;
    }
    m_offlineBadge->raise();
    m_exitCorner->raise();
}

void KioskWindow::paintPage(QWidget *page, const QColor &background, const QColor &text)
{
    QPalette palette = page->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, text);
    page->setPalette(palette);
    page->setAutoFillBackground(true);
}

qreal KioskWindow::scale() const
{
    return qBound(0.5, qMin(width() / 1280.0, height() / 800.0), 3.0);
}

void KioskWindow::setIcon(QLabel *label, KioskIcon icon, int basePx)
{
    label->setPixmap(kioskIcon(icon, qRound(basePx * scale()), devicePixelRatioF()));
}

void KioskWindow::renderIdle()
{
    paintPage(m_idleScreen, m_settings.primaryColor, Qt::white);
    const int logoPx = qRound(140 * scale());
    const QPixmap logo(m_settings.logoPath);
    if (!m_settings.logoPath.isEmpty() && !logo.isNull())
        m_logoLabel->setPixmap(logo.scaled(logoPx * 3, logoPx, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        setIcon(m_logoLabel, KioskIcon::Logo, 140);
    setTextOrHide(m_gymNameLabel, m_settings.gymName);
    setTextOrHide(m_welcomeLabel, m_settings.welcomeText);
    const QString accent = m_settings.secondaryColor.name();
    for (const char *name : {"scanPromptChineseLabel", "scanPromptEnglishLabel", "clockLabel"}) {
        if (auto *label = m_idleScreen->findChild<QLabel *>(QLatin1String(name)))
            label->setStyleSheet(QStringLiteral("color: %1;").arg(accent));
    }
    updateClock();
}

void KioskWindow::updateClock()
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(clock().nowMs(), m_settings.siteTimeZone);
    const QLocale locale(m_settings.siteLanguage == QLatin1String("en") ? QLocale::English : QLocale::Chinese,
        m_settings.siteLanguage == QLatin1String("en") ? QLocale::AnyTerritory : QLocale::China);
    m_clockLabel->setText(now.toString(QStringLiteral("HH:mm")));
    m_dateLabel->setText(locale.toString(now.date(), QLocale::LongFormat));
}

QString KioskWindow::cardSummary(const MemberCard &card, const Deduction &charged) const
{
    switch (card.kind) {
    case CardKind::Count: {
        const int visits = card.visitsLeft - charged.visits;
        return tr("%1: %n visit(s) left", nullptr, visits).arg(card.name);
    }
    case CardKind::Value:
        return tr("%1: balance %2 yuan").arg(card.name, formatYuan(card.balanceFen - charged.fen));
    case CardKind::Time:
    case CardKind::Invalid:
        break;
    }
    return card.name;
}

QString KioskWindow::cardExpiry(const MemberCard &card) const
{
    if (card.validToMs <= 0)
        return {};
    const QDate until = QDateTime::fromMSecsSinceEpoch(card.validToMs, m_settings.siteTimeZone).date();
    return tr("Valid until %1").arg(until.toString(Qt::ISODate));
}

QStringList KioskWindow::warningLines(const ScanResult &scan) const
{
    QStringList lines;
    for (AccessReason warning : scan.decision.warnings)
        lines << accessReasonMessage(warning);
    if (scan.card && scan.card->validToMs > 0) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(clock().nowMs(), m_settings.siteTimeZone).date();
        const QDate until = QDateTime::fromMSecsSinceEpoch(scan.card->validToMs, m_settings.siteTimeZone).date();
        const qint64 days = today.daysTo(until);
        if (days == 0)
            lines << tr("Your card expires today.");
        else if (days > 0 && days <= 7)
            lines << tr("Your card expires in %n day(s).", nullptr, int(days));
    }
    return lines;
}

QString KioskWindow::bookingLine() const
{
    if (!m_nextBooking)
        return {};
    const QString time = QDateTime::fromMSecsSinceEpoch(m_nextBooking->startMs, m_settings.siteTimeZone)
                             .toString(QStringLiteral("HH:mm"));
    if (m_nextBooking->venueName.isEmpty())
        return tr("Next today: %1 at %2").arg(m_nextBooking->title, time);
    return tr("Next today: %1 at %2, %3").arg(m_nextBooking->title, time, m_nextBooking->venueName);
}

void KioskWindow::renderResult()
{
    if (!m_update)
        return;
    const EntryUpdate &update = *m_update;
    const ScanResult &scan = update.scan;
    KioskIcon icon = KioskIcon::Check;
    QColor background = KioskColors::go;
    QString title;
    QString message;
    QString advice;
    bool charged = true;
    switch (m_screen) {
    case KioskScreen::Granted:
        title = tr("Access granted");
        message = tr("The gate is opening...");
        break;
    case KioskScreen::Pass:
        icon = KioskIcon::Arrow;
        title = tr("Please walk through");
        message = tr("The gate is open.");
        break;
    case KioskScreen::Passed:
        title = tr("Enjoy your workout!");
        break;
    case KioskScreen::Denied:
        icon = KioskIcon::Cross;
        background = KioskColors::stop;
        title = tr("Access denied");
        message = accessReasonMessage(scan.decision.reason);
        advice = accessReasonAdvice(scan.decision.reason);
        charged = false;
        break;
    case KioskScreen::NotPassed:
        icon = KioskIcon::Wait;
        background = KioskColors::neutral;
        title = tr("Nobody passed");
        message = tr("Your visit was not charged.");
        advice = tr("Scan your code again when you are ready to go in.");
        charged = false;
        break;
    case KioskScreen::GateFault:
        icon = KioskIcon::Warning;
        background = KioskColors::neutral;
        title = tr("The gate did not open");
        message = update.detail;
        advice = tr("Your visit was not charged. Please scan again or ask the front desk.");
        charged = false;
        break;
    case KioskScreen::Busy:
        icon = KioskIcon::Wait;
        background = KioskColors::neutral;
        title = tr("Please wait");
        message
            = update.detail.isEmpty() ? tr("The gate is still letting the previous person through.") : update.detail;
        advice = tr("Scan again in a moment.");
        charged = false;
        break;
    default:
        return;
    }
    paintPage(m_resultScreen, background, Qt::white);
    setIcon(m_resultIconLabel, icon, 150);
    setTextOrHide(m_resultTitleLabel, title);
    setTextOrHide(m_resultMessageLabel, message);
    setTextOrHide(m_resultAdviceLabel, advice);
    const bool showMember = m_screen != KioskScreen::Busy && scan.member.has_value();
    setTextOrHide(m_memberNameLabel, showMember ? scan.member->name : QString());
    const bool showCard = showMember && scan.card.has_value() && m_screen != KioskScreen::GateFault;
    setTextOrHide(m_cardSummaryLabel,
        showCard ? cardSummary(*scan.card, charged ? scan.decision.deduction : Deduction {}) : QString());
    setTextOrHide(m_cardExpiryLabel, showCard ? cardExpiry(*scan.card) : QString());
    setTextOrHide(m_nextBookingLabel, charged ? bookingLine() : QString());
    const bool granted
        = m_screen == KioskScreen::Granted || m_screen == KioskScreen::Pass || m_screen == KioskScreen::Passed;
    setTextOrHide(m_warningLabel, granted ? warningLines(scan).join(QLatin1Char('\n')) : QString());
}

void KioskWindow::renderEmergency()
{
    paintPage(m_emergencyScreen, KioskColors::caution, KioskColors::ink);
    if (auto *icon = m_emergencyScreen->findChild<QLabel *>(QStringLiteral("emergencyIconLabel")))
        setIcon(icon, KioskIcon::Emergency, 180);
    m_emergencyTitleLabel->setText(accessReasonMessage(AccessReason::Emergency));
    m_emergencyAdviceLabel->setText(accessReasonAdvice(AccessReason::Emergency));
    // Everyone must understand this screen: the other language is shown underneath.
    const QString other = otherLanguage();
    const QString otherText = translateIn(other, "AccessReason", "Emergency: all gates are open.") + QLatin1Char('\n')
        + translateIn(other, "AccessReason", "Leave the building calmly by the nearest exit.");
    setTextOrHide(m_emergencyOtherLabel, other.isEmpty() ? QString() : otherText);
}

void KioskWindow::renderUnavailable()
{
    const QString gateId = restingGateId();
    paintPage(m_unavailableScreen, QColor(0x2B, 0x2B, 0x2B), Qt::white);
    setIcon(m_unavailableIconLabel, KioskIcon::Warning, 150);
    if (m_screen == KioskScreen::OutOfOrder) {
        m_unavailableTitleLabel->setText(tr("Out of order"));
        m_unavailableMessageLabel->setText(accessReasonMessage(AccessReason::GateOutOfOrder));
        m_unavailableAdviceLabel->setText(accessReasonAdvice(AccessReason::GateOutOfOrder));
        return;
    }
    if (m_failPolicies.value(gateId, FailPolicy::FailSecure) == FailPolicy::FailOpen) {
        paintPage(m_unavailableScreen, KioskColors::go, Qt::white);
        setIcon(m_unavailableIconLabel, KioskIcon::Arrow, 150);
        m_unavailableTitleLabel->setText(tr("Gate open"));
        m_unavailableMessageLabel->setText(
            tr("This gate cannot reach the system right now and has opened for free passage."));
        m_unavailableAdviceLabel->setText(tr("Please walk through and check in at the front desk."));
        return;
    }
    m_unavailableTitleLabel->setText(tr("Gate offline"));
    m_unavailableMessageLabel->setText(tr("This gate cannot reach the system right now and stays locked."));
    m_unavailableAdviceLabel->setText(accessReasonAdvice(AccessReason::GateOffline));
}

void KioskWindow::retranslate()
{
    setWindowTitle(tr("GymGate kiosk"));
    m_offlineBadge->setText(tr("Offline"));
    placeOverlay();
    renderCurrent();
}

void KioskWindow::useLanguage(const QString &language)
{
    if (language.isEmpty() || language == currentLanguage() || !QCoreApplication::instance())
        return;
    // An unshipped preference leaves the language as it is.
    switchLanguage(*QCoreApplication::instance(), language);
}

QString KioskWindow::otherLanguage() const
{
    const QStringList languages = supportedLanguages();
    for (const QString &language : languages) {
        if (language != currentLanguage())
            return language;
    }
    return {};
}

QString KioskWindow::translateIn(const QString &language, const char *context, const char *source)
{
    QTranslator *translator = m_translators.value(language);
    if (!translator) {
        translator = new QTranslator(this);
        if (!translator->load(QStringLiteral(":/i18n/gymgate_%1.qm").arg(language))) {
            delete translator;
            return QString::fromUtf8(source);
        }
        m_translators.insert(language, translator);
    }
    const QString translated = translator->translate(context, source);
    return translated.isEmpty() ? QString::fromUtf8(source) : translated;
}

void KioskWindow::playSound(KioskSound sound)
{
    emit feedbackSound(sound);
    if (!m_settings.soundEnabled)
        return;
#ifdef GYMGATE_HAVE_SOUND
    QSoundEffect *&effect = sound == KioskSound::Grant ? m_grantSound : m_denySound;
    if (!effect) {
        effect = new QSoundEffect(this);
        effect->setSource(QUrl(sound == KioskSound::Grant ? QStringLiteral("qrc:/kiosk/sounds/grant.wav")
                                                          : QStringLiteral("qrc:/kiosk/sounds/deny.wav")));
        effect->setVolume(0.8f);
    }
    effect->play();
#else
    QApplication::beep();
#endif
}

void KioskWindow::scaleFonts()
{
    const qreal factor = scale();
    const QList<QLabel *> labels = findChildren<QLabel *>();
    for (QLabel *label : labels) {
        const int basePx = label->property(basePxProperty).toInt();
        if (basePx <= 0)
            continue;
        QFont font = label->font();
        font.setPixelSize(qMax(10, qRound(basePx * factor)));
        label->setFont(font);
    }
}

void KioskWindow::placeOverlay()
{
    m_offlineBadge->adjustSize();
    m_offlineBadge->move(width() - m_offlineBadge->width() - 24, 24);
}

void KioskWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scaleFonts();
    placeOverlay();
    renderCurrent(); // icons follow the size
}

void KioskWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void KioskWindow::closeEvent(QCloseEvent *event)
{
    // Alt+F4 and friends: in kiosk mode only the PIN lets staff out.
    if (m_kioskMode) {
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

bool KioskWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_exitCorner) {
        if (event->type() == QEvent::MouseButtonPress) {
            onCornerPressed();
            return true;
        }
        if (event->type() == QEvent::MouseButtonRelease) {
            m_longPressTimer->stop();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void KioskWindow::onCornerPressed()
{
    m_longPressTimer->start();
    if (!m_tapWindow.isValid() || m_tapWindow.elapsed() > exitTapWindowMs) {
        m_tapWindow.start();
        m_taps = 0;
    }
    if (++m_taps >= exitTaps) {
        m_taps = 0;
        m_tapWindow.invalidate();
        requestExit();
    }
}

void KioskWindow::requestExit()
{
    m_longPressTimer->stop();
    if (m_pinDialog) {
        m_pinDialog->raise();
        m_pinDialog->activateWindow();
        return;
    }
    auto *dialog = new KioskPinDialog(m_pinGuard, this);
    m_pinDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCursor(Qt::ArrowCursor);
    connect(dialog, &QDialog::accepted, this, [this] {
        leaveKioskMode();
        emit exitRequested();
    });
    dialog->open();
}

void KioskWindow::enterKioskMode()
{
    m_kioskMode = true;
    setWindowFlag(Qt::WindowStaysOnTopHint, true);
    setWindowFlag(Qt::FramelessWindowHint, true);
    setCursor(Qt::BlankCursor);
    showFullScreen();
    activateWindow();
}

void KioskWindow::leaveKioskMode()
{
    m_kioskMode = false;
    unsetCursor();
    setWindowFlag(Qt::WindowStaysOnTopHint, false);
    setWindowFlag(Qt::FramelessWindowHint, false);
    showNormal();
}

} // namespace gymgate
