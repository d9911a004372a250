#include "ui/desk/StaffPasswordDialog.h"

#include "core/StaffDirectory.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gymgate {

namespace {

QLineEdit *makePasswordEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

StaffPasswordDialog::StaffPasswordDialog(const QString &title, bool askOldPassword, Save save, QWidget *parent)
    : QDialog(parent), m_save(std::move(save)), m_askOldPassword(askOldPassword)
{
    setObjectName(QStringLiteral("staffPasswordDialog"));
    setWindowTitle(title);
    m_oldEdit = makePasswordEdit(QStringLiteral("oldPasswordLineEdit"), this);
    m_newEdit = makePasswordEdit(QStringLiteral("newPasswordLineEdit"), this);
    m_newEdit->setPlaceholderText(tr("at least %1 characters, letters and digits").arg(kStaffPasswordMinLength));
    m_confirmEdit = makePasswordEdit(QStringLiteral("confirmNewPasswordLineEdit"), this);

    auto *form = new QFormLayout;
    if (askOldPassword)
        form->addRow(tr("&Current password:"), m_oldEdit);
    else
        m_oldEdit->hide();
    form->addRow(tr("&New password:"), m_newEdit);
    form->addRow(tr("&Repeat new password:"), m_confirmEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("passwordDialogErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save password"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("savePasswordPushButton"));
    m_saveButton->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelPasswordPushButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &StaffPasswordDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_oldEdit, m_newEdit, m_confirmEdit})
        connect(edit, &QLineEdit::textChanged, this, &StaffPasswordDialog::revalidate);
    revalidate();
    m_errorLabel->clear();
    (askOldPassword ? m_oldEdit : m_newEdit)->setFocus();
}

QString StaffPasswordDialog::errorText() const
{
    return m_errorLabel->text();
}

QString StaffPasswordDialog::firstProblem() const
{
    if (m_askOldPassword && m_oldEdit->text().isEmpty())
        return tr("Enter your current password.");
    if (Status rule = StaffRules::checkPassword(m_newEdit->text()); !rule)
        return rule.error().message;
    if (m_confirmEdit->text() != m_newEdit->text())
        return tr("The two passwords do not match.");
    return {};
}

void StaffPasswordDialog::revalidate()
{
    const QString problem = firstProblem();
    m_errorLabel->setText(problem);
    m_saveButton->setEnabled(problem.isEmpty());
}

void StaffPasswordDialog::submit()
{
    revalidate();
    if (!m_saveButton->isEnabled())
        return;
    const Status saved = m_save(m_askOldPassword ? m_oldEdit->text() : QString(), m_newEdit->text());
    if (!saved) {
        m_errorLabel->setText(saved.error().message);
        return;
    }
    accept();
}

} // namespace gymgate
