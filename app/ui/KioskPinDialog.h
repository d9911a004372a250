#pragma once

#include "core/Clock.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace gymgate {

// Counts wrong PINs and locks the exit for a while after too many. Lives in the kiosk window,
// not in the dialog, so closing and reopening the dialog does not reset the count.
class KioskPinGuard {
public:
    enum class Outcome {
        Invalid = 0,
        Accepted,
        Wrong,
        LockedOut, // too many wrong PINs: not even checked
        NoPin, // no verifier configured: the kiosk cannot be left with a PIN
    };

    KioskPinGuard(std::function<bool(const QString &)> verify, const Clock &clock, int maxAttempts, int lockoutMs);

    Outcome check(const QString &pin);
    bool isLockedOut() const { return lockoutRemainingMs() > 0; }
    qint64 lockoutRemainingMs() const;
    int attemptsLeft() const { return m_maxAttempts - m_wrongInRow; }

private:
    std::function<bool(const QString &)> m_verify;
    const Clock &m_clock;
    int m_maxAttempts;
    int m_lockoutMs;
    int m_wrongInRow = 0;
    qint64 m_lockedUntilMs = 0;
};

// The PIN pad that lets staff leave kiosk mode: a touch keypad and a password field. Accepted
// only on a correct PIN.
class KioskPinDialog : public QDialog {
    Q_OBJECT
public:
    explicit KioskPinDialog(KioskPinGuard &guard, QWidget *parent = nullptr);

    QString errorText() const;

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildKeypad();
    void retranslate();
    void refreshLockout();
    void showOutcome(KioskPinGuard::Outcome outcome);

    KioskPinGuard &m_guard;
    QLabel *m_titleLabel = nullptr;
    QLineEdit *m_pinEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QList<QPushButton *> m_keys;
    QPushButton *m_clearButton = nullptr;
    QPushButton *m_okButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer *m_lockoutTimer = nullptr;
    KioskPinGuard::Outcome m_lastOutcome = KioskPinGuard::Outcome::Invalid;
};

} // namespace gymgate
