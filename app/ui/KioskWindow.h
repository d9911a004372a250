#pragma once

#include "core/Clock.h"
#include "core/EntryService.h"
#include "core/GateSupervisor.h"
#include "ui/KioskIcons.h"
#include "ui/KioskPinDialog.h"
#include "ui/KioskSettings.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTimer;
class QTranslator;
class QSoundEffect;

namespace gymgate {

enum class KioskScreen {
    Invalid = 0,
    Idle,
    Granted, // decided, the gate is opening
    Pass, // the gate is open: walk through
    Passed, // the turnstile counted the passage
    Denied,
    NotPassed, // nobody passed in time: not charged
    GateFault, // the gate failed the command: not charged
    Busy, // the gate is still serving the previous person
    Emergency,
    OutOfOrder,
    Offline, // the gate's controller cannot be reached (wording per fail policy)
};
const char *kioskScreenName(KioskScreen screen); // "idle", "granted", "pass", "passed", "denied", ...

enum class KioskSound {
    Invalid = 0,
    Grant,
    Deny,
};

// The member-facing kiosk (DESIGN §13): an idle screen with the gym's branding, a result
// screen for every step of a scan, emergency and out-of-order screens, an offline badge, and
// a PIN to leave kiosk mode. It only shows what the entry flow and the gate supervisor report;
// it decides nothing. Results answer in the member's preferred language; the kiosk goes back
// to the site's language and to its resting screen by itself.
class KioskWindow : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QString currentScreenName READ currentScreenName NOTIFY screenChanged)
public:
    explicit KioskWindow(KioskSettings settings, QWidget *parent = nullptr);
    ~KioskWindow() override;

    // Connects the entry flow's updates and the supervisor's emergency and gate states, and
    // takes over the supervisor's current state. Either may be null.
    void attach(EntryService *entries, GateSupervisor *gates);

    KioskScreen currentScreen() const { return m_screen; }
    QString currentScreenName() const { return QString::fromLatin1(kioskScreenName(m_screen)); }
    bool isHubOnline() const { return m_hubOnline; }
    bool isKioskMode() const { return m_kioskMode; }
    KioskPinDialog *pinDialog() const { return m_pinDialog; }

    // Fullscreen, on top, no cursor, and the window refuses to close until the PIN is given.
    void enterKioskMode();
    void leaveKioskMode();

public slots:
    void showUpdate(const gymgate::EntryUpdate &update);
    void setEmergency(bool active);
    void setGateAvailability(const QString &gateId, gymgate::GateAvailability availability);
    void setGateFailPolicy(const QString &gateId, gymgate::FailPolicy policy);
    void setHubOnline(bool online);
    void returnToIdle(); // the resting screen: idle, or emergency / out of order / offline
    void requestExit(); // opens the PIN dialog (Ctrl+Alt+Q, five taps or a long press top left)

signals:
    void screenChanged(const QString &screenName);
    void feedbackSound(gymgate::KioskSound sound); // every grant and deny, also with sound off
    void exitRequested(); // the right PIN was given

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildIdleScreen();
    QWidget *buildResultScreen();
    QWidget *buildEmergencyScreen();
    QWidget *buildUnavailableScreen();
    void buildOverlay();

    void setScreen(KioskScreen screen);
    void renderCurrent();
    void renderIdle();
    void renderResult();
    void renderEmergency();
    void renderUnavailable();
    void retranslate();
    void updateClock();
    void scaleFonts();
    void placeOverlay();
    void useLanguage(const QString &language);
    void playSound(KioskSound sound);
    void onCornerPressed();
    bool isRelevant(const EntryUpdate &update) const;
    KioskScreen restingScreen() const;
    QString restingGateId() const;
    int returnDelayMs(EntryPhase phase) const;
    const Clock &clock() const;
    QString otherLanguage() const;
    QString translateIn(const QString &language, const char *context, const char *source);
    qreal scale() const;
    void paintPage(QWidget *page, const QColor &background, const QColor &text);
    void setIcon(QLabel *label, KioskIcon icon, int basePx);
    QString cardSummary(const MemberCard &card, const Deduction &charged) const;
    QString cardExpiry(const MemberCard &card) const;
    QStringList warningLines(const ScanResult &scan) const;
    QString bookingLine() const;

    KioskSettings m_settings;
    SystemClock m_systemClock;
    KioskPinGuard m_pinGuard;
    KioskScreen m_screen = KioskScreen::Invalid;
    std::optional<EntryUpdate> m_update; // the result on screen
    std::optional<KioskBooking> m_nextBooking; // for m_update's member
    bool m_emergency = false;
    bool m_hubOnline = true;
    bool m_kioskMode = false;
    QHash<QString, GateAvailability> m_availability;
    QHash<QString, FailPolicy> m_failPolicies;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_idleScreen = nullptr;
    QWidget *m_resultScreen = nullptr;
    QWidget *m_emergencyScreen = nullptr;
    QWidget *m_unavailableScreen = nullptr;
    QLabel *m_logoLabel = nullptr;
    QLabel *m_gymNameLabel = nullptr;
    QLabel *m_welcomeLabel = nullptr;
    QLabel *m_clockLabel = nullptr;
    QLabel *m_dateLabel = nullptr;
    QLabel *m_resultIconLabel = nullptr;
    QLabel *m_resultTitleLabel = nullptr;
    QLabel *m_resultMessageLabel = nullptr;
    QLabel *m_memberNameLabel = nullptr;
    QLabel *m_cardSummaryLabel = nullptr;
    QLabel *m_cardExpiryLabel = nullptr;
    QLabel *m_nextBookingLabel = nullptr;
    QLabel *m_warningLabel = nullptr;
    QLabel *m_resultAdviceLabel = nullptr;
    QLabel *m_emergencyTitleLabel = nullptr;
    QLabel *m_emergencyAdviceLabel = nullptr;
    QLabel *m_emergencyOtherLabel = nullptr;
    QLabel *m_unavailableIconLabel = nullptr;
    QLabel *m_unavailableTitleLabel = nullptr;
    QLabel *m_unavailableMessageLabel = nullptr;
    QLabel *m_unavailableAdviceLabel = nullptr;
    QLabel *m_offlineBadge = nullptr;
    QWidget *m_exitCorner = nullptr;

    QTimer *m_returnTimer = nullptr;
    QTimer *m_clockTimer = nullptr;
    QTimer *m_longPressTimer = nullptr;
    QElapsedTimer m_tapWindow;
    int m_taps = 0;
    QPointer<KioskPinDialog> m_pinDialog;
    QSoundEffect *m_grantSound = nullptr;
    QSoundEffect *m_denySound = nullptr;
    QHash<QString, QTranslator *> m_translators; // for the emergency screen's second language
};

} // namespace gymgate
