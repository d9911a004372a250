#include "ui/desk/LoginDialog.h"

#include "core/StaffDirectory.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gymgate {

LoginDialog::LoginDialog(StaffDirectory &directory, QWidget *parent) : QDialog(parent), m_directory(directory)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("GymGate: log in"));

    m_usernameEdit = new QLineEdit(this);
    m_usernameEdit->setObjectName(QStringLiteral("usernameLineEdit"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_usernameEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("loginErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *buttons = new QDialogButtonBox(this);
    m_loginButton = buttons->addButton(tr("&Log in"), QDialogButtonBox::AcceptRole);
    m_loginButton->setObjectName(QStringLiteral("loginPushButton"));
    m_loginButton->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelLoginPushButton"));
    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    connect(m_usernameEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    updateButton();
    m_usernameEdit->setFocus();
}

void LoginDialog::setUsername(const QString &username)
{
    m_usernameEdit->setText(username);
    (username.isEmpty() ? m_usernameEdit : m_passwordEdit)->setFocus();
}

QString LoginDialog::errorText() const
{
    return m_errorLabel->text();
}

void LoginDialog::updateButton()
{
    m_loginButton->setEnabled(!m_usernameEdit->text().trimmed().isEmpty() && !m_passwordEdit->text().isEmpty());
}

void LoginDialog::submit()
{
    if (!m_loginButton->isEnabled())
        return;
    // Argon2id takes a noticeable moment on purpose.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    Result<StaffSession> session = m_directory.login(m_usernameEdit->text(), m_passwordEdit->text());
    QGuiApplication::restoreOverrideCursor();
    if (!session) {
        m_errorLabel->setText(session.error().message);
        m_passwordEdit->clear();
        m_passwordEdit->setFocus();
        return;
    }
    m_session = *session;
    m_errorLabel->clear();
    m_passwordEdit->clear();
    accept();
}

} // namespace gymgate
