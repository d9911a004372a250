#include "ui/desk/StaffAccountDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gymgate {

StaffAccountDialog::StaffAccountDialog(
    StaffDirectory &directory, const StaffSession &session, std::optional<StaffAccount> existing, QWidget *parent)
    : QDialog(parent), m_directory(directory), m_session(session), m_existing(std::move(existing))
{
    setObjectName(QStringLiteral("staffAccountDialog"));
    setWindowTitle(isNew() ? tr("Add a staff account") : tr("Edit a staff account"));

    m_usernameEdit = new QLineEdit(this);
    m_usernameEdit->setObjectName(QStringLiteral("staffUsernameLineEdit"));
    m_displayNameEdit = new QLineEdit(this);
    m_displayNameEdit->setObjectName(QStringLiteral("staffDisplayNameLineEdit"));
    m_roleCombo = new QComboBox(this);
    m_roleCombo->setObjectName(QStringLiteral("staffRoleComboBox"));
    for (StaffRole role : {StaffRole::Staff, StaffRole::Technician, StaffRole::Guest, StaffRole::Admin})
        m_roleCombo->addItem(staffRoleTitle(role), static_cast<int>(role));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("staffPasswordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("at least %1 characters, letters and digits").arg(kStaffPasswordMinLength));
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(QStringLiteral("staffConfirmPasswordLineEdit"));
    m_confirmEdit->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_usernameEdit);
    form->addRow(tr("&Name shown:"), m_displayNameEdit);
    form->addRow(tr("&Role:"), m_roleCombo);
    if (isNew()) {
        form->addRow(tr("Initial &password:"), m_passwordEdit);
        form->addRow(tr("R&epeat password:"), m_confirmEdit);
    } else {
        m_passwordEdit->hide();
        m_confirmEdit->hide();
        m_usernameEdit->setText(m_existing->username);
        m_usernameEdit->setReadOnly(true); // the user name is the login: it never changes
        m_displayNameEdit->setText(m_existing->displayName);
        m_roleCombo->setCurrentIndex(m_roleCombo->findData(static_cast<int>(m_existing->role)));
    }

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("staffDialogErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveStaffPushButton"));
    m_saveButton->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelStaffPushButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &StaffAccountDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_usernameEdit, m_displayNameEdit, m_passwordEdit, m_confirmEdit})
        connect(edit, &QLineEdit::textChanged, this, &StaffAccountDialog::revalidate);
    connect(m_roleCombo, &QComboBox::currentIndexChanged, this, &StaffAccountDialog::revalidate);
    revalidate();
    if (isNew())
        m_errorLabel->clear(); // nothing typed yet
    (isNew() ? m_usernameEdit : m_displayNameEdit)->setFocus();
}

QString StaffAccountDialog::errorText() const
{
    return m_errorLabel->text();
}

StaffRole StaffAccountDialog::chosenRole() const
{
    return static_cast<StaffRole>(m_roleCombo->currentData().toInt());
}

QString StaffAccountDialog::firstProblem() const
{
    if (isNew()) {
        if (Status rule = StaffRules::checkUsername(m_usernameEdit->text()); !rule)
            return rule.error().message;
    }
    if (Status rule = StaffRules::checkDisplayName(m_displayNameEdit->text()); !rule)
        return rule.error().message;
    if (Status rule = StaffRules::checkRole(chosenRole()); !rule)
        return rule.error().message;
    if (!isNew())
        return {};
    if (Status rule = StaffRules::checkPassword(m_passwordEdit->text()); !rule)
        return rule.error().message;
    if (m_confirmEdit->text() != m_passwordEdit->text())
        return tr("The two passwords do not match.");
    return {};
}

void StaffAccountDialog::revalidate()
{
    const QString problem = firstProblem();
    m_errorLabel->setText(problem);
    m_saveButton->setEnabled(problem.isEmpty());
}

void StaffAccountDialog::submit()
{
    revalidate();
    if (!m_saveButton->isEnabled())
        return;
    Result<StaffAccount> saved = isNew()
        ? m_directory.createStaff(m_session,
            NewStaffAccount {m_usernameEdit->text(), m_displayNameEdit->text(), chosenRole(), m_passwordEdit->text()})
        : m_directory.updateStaff(m_session, m_existing->id, m_displayNameEdit->text(), chosenRole());
    if (!saved) {
        m_errorLabel->setText(saved.error().message);
        return;
    }
    m_account = *saved;
    accept();
}

} // namespace gymgate
