#include "ui/KioskPinDialog.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace gymgate {

KioskPinGuard::KioskPinGuard(
    std::function<bool(const QString &)> verify, const Clock &clock, int maxAttempts, int lockoutMs)
    : m_verify(std::move(verify)), m_clock(clock), m_maxAttempts(qMax(1, maxAttempts)), m_lockoutMs(qMax(0, lockoutMs))
{ }

KioskPinGuard::Outcome KioskPinGuard::check(const QString &pin)
{
    if (!m_verify)
        return Outcome::NoPin;
    if (isLockedOut())
        return Outcome::LockedOut;
    if (m_verify(pin)) {
        m_wrongInRow = 0;
        return Outcome::Accepted;
    }
    if (++m_wrongInRow >= m_maxAttempts) {
        m_wrongInRow = 0;
        m_lockedUntilMs = m_clock.nowMs() + m_lockoutMs;
        return Outcome::LockedOut;
    }
    return Outcome::Wrong;
}

qint64 KioskPinGuard::lockoutRemainingMs() const
{
    return qMax<qint64>(0, m_lockedUntilMs - m_clock.nowMs());
}

KioskPinDialog::KioskPinDialog(KioskPinGuard &guard, QWidget *parent) : QDialog(parent), m_guard(guard)
{
    setObjectName(QStringLiteral("kioskPinDialog"));
    setModal(true);
    setMinimumWidth(460);
    QFont large = font();
    large.setPixelSize(28);
    setFont(large);

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pinTitleLabel"));
    m_titleLabel->setAlignment(Qt::AlignCenter);

    m_pinEdit = new QLineEdit(this);
    m_pinEdit->setObjectName(QStringLiteral("pinLineEdit"));
    m_pinEdit->setEchoMode(QLineEdit::Password);
    m_pinEdit->setAlignment(Qt::AlignCenter);
    m_pinEdit->setMaxLength(12);
    m_pinEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), m_pinEdit));
    connect(m_pinEdit, &QLineEdit::returnPressed, this, &KioskPinDialog::submit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("pinErrorLabel"));
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #D55E00; font-weight: bold;"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_pinEdit);
    layout->addWidget(m_errorLabel);
    buildKeypad();

    m_lockoutTimer = new QTimer(this);
    m_lockoutTimer->setInterval(500);
    connect(m_lockoutTimer, &QTimer::timeout, this, &KioskPinDialog::refreshLockout);

    retranslate();
    refreshLockout();
    if (m_guard.isLockedOut())
        showOutcome(KioskPinGuard::Outcome::LockedOut);
    m_pinEdit->setFocus();
}

void KioskPinDialog::buildKeypad()
{
    auto *grid = new QGridLayout;
    grid->setSpacing(8);
    const auto addKey = [this, grid](int digit, int row, int column) {
        auto *key = new QPushButton(QString::number(digit), this);
        key->setObjectName(QStringLiteral("pinKey%1Button").arg(digit));
        key->setMinimumSize(96, 72);
        key->setFocusPolicy(Qt::NoFocus);
        connect(key, &QPushButton::clicked, this, [this, digit] { m_pinEdit->insert(QString::number(digit)); });
        grid->addWidget(key, row, column);
        m_keys.append(key);
    };
    for (int digit = 1; digit <= 9; ++digit)
        addKey(digit, (digit - 1) / 3, (digit - 1) % 3);
    addKey(0, 3, 1);

    m_clearButton = new QPushButton(this);
    m_clearButton->setObjectName(QStringLiteral("pinClearButton"));
    m_clearButton->setMinimumSize(96, 72);
    m_clearButton->setFocusPolicy(Qt::NoFocus);
    connect(m_clearButton, &QPushButton::clicked, m_pinEdit, &QLineEdit::clear);
    grid->addWidget(m_clearButton, 3, 0);

    m_okButton = new QPushButton(this);
    m_okButton->setObjectName(QStringLiteral("pinOkButton"));
    m_okButton->setMinimumSize(96, 72);
    m_okButton->setDefault(true);
    connect(m_okButton, &QPushButton::clicked, this, &KioskPinDialog::submit);
    grid->addWidget(m_okButton, 3, 2);

    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("pinCancelButton"));
    m_cancelButton->setMinimumHeight(64);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    grid->addWidget(m_cancelButton, 4, 0, 1, 3);

    static_cast<QVBoxLayout *>(layout())->addLayout(grid);
}

QString KioskPinDialog::errorText() const
{
    return m_errorLabel->text();
}

void KioskPinDialog::submit()
{
    const KioskPinGuard::Outcome outcome = m_guard.check(m_pinEdit->text());
    m_pinEdit->clear();
    if (outcome == KioskPinGuard::Outcome::Accepted) {
        accept();
        return;
    }
    showOutcome(outcome);
}

void KioskPinDialog::showOutcome(KioskPinGuard::Outcome outcome)
{
    m_lastOutcome = outcome;
    switch (outcome) {
    case KioskPinGuard::Outcome::Wrong:
        m_errorLabel->setText(tr("Wrong PIN. %n tries left.", nullptr, m_guard.attemptsLeft()));
        break;
    case KioskPinGuard::Outcome::LockedOut: {
        const int seconds = int((m_guard.lockoutRemainingMs() + 999) / 1000);
        m_errorLabel->setText(tr("Too many wrong PINs. Try again in %n seconds.", nullptr, seconds));
        break;
    }
    case KioskPinGuard::Outcome::NoPin:
        m_errorLabel->setText(tr("No exit PIN is set. Ask a technician to set kiosk.pin_hash."));
        break;
    case KioskPinGuard::Outcome::Accepted:
    case KioskPinGuard::Outcome::Invalid:
        m_errorLabel->clear();
        break;
    }
    refreshLockout();
}

void KioskPinDialog::refreshLockout()
{
    const bool locked = m_guard.isLockedOut();
    for (QPushButton *key : std::as_const(m_keys))
        key->setEnabled(!locked);
    m_okButton->setEnabled(!locked);
    m_pinEdit->setEnabled(!locked);
    if (locked) {
        if (!m_lockoutTimer->isActive())
            m_lockoutTimer->start();
        const int seconds = int((m_guard.lockoutRemainingMs() + 999) / 1000);
        m_errorLabel->setText(tr("Too many wrong PINs. Try again in %n seconds.", nullptr, seconds));
        return;
    }
    m_lockoutTimer->stop();
    if (m_lastOutcome == KioskPinGuard::Outcome::LockedOut) {
        m_lastOutcome = KioskPinGuard::Outcome::Invalid;
        m_errorLabel->clear();
        m_pinEdit->setFocus();
    }
}

void KioskPinDialog::retranslate()
{
    setWindowTitle(tr("Leave kiosk mode"));
    m_titleLabel->setText(tr("Staff PIN"));
    m_pinEdit->setPlaceholderText(tr("PIN"));
    m_clearButton->setText(tr("Clear"));
    m_okButton->setText(tr("OK"));
    m_cancelButton->setText(tr("Cancel"));
    if (m_lastOutcome != KioskPinGuard::Outcome::Invalid)
        showOutcome(m_lastOutcome);
}

void KioskPinDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace gymgate
