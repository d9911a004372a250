#include "ui/desk/FirstRunWizard.h"

#include "core/StaffDirectory.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gymgate {

namespace {

QLineEdit *makeEdit(const QString &objectName, QWidget *parent, bool password = false)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    if (password)
        edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

FirstRunWizard::FirstRunWizard(StaffDirectory &directory, QWidget *parent) : QDialog(parent), m_directory(directory)
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Welcome to GymGate"));
    auto *intro = new QLabel(tr("No administrator exists yet. Create the administrator account: it manages staff "
                                "accounts, products, venues and settings."),
        this);
    intro->setObjectName(QStringLiteral("firstRunIntroLabel"));
    intro->setWordWrap(true);

    m_usernameEdit = makeEdit(QStringLiteral("adminUsernameLineEdit"), this);
    m_displayNameEdit = makeEdit(QStringLiteral("adminDisplayNameLineEdit"), this);
    m_passwordEdit = makeEdit(QStringLiteral("adminPasswordLineEdit"), this, true);
    m_confirmEdit = makeEdit(QStringLiteral("adminConfirmPasswordLineEdit"), this, true);
    m_passwordEdit->setPlaceholderText(tr("at least %1 characters, letters and digits").arg(kStaffPasswordMinLength));

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_usernameEdit);
    form->addRow(tr("&Name shown:"), m_displayNameEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);
    form->addRow(tr("&Repeat password:"), m_confirmEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("firstRunErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *buttons = new QDialogButtonBox(this);
    m_createButton = buttons->addButton(tr("&Create administrator"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createAdminPushButton"));
    m_createButton->setDefault(true);
    connect(m_createButton, &QPushButton::clicked, this, &FirstRunWizard::submit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_usernameEdit, m_displayNameEdit, m_passwordEdit, m_confirmEdit})
        connect(edit, &QLineEdit::textChanged, this, &FirstRunWizard::revalidate);
    revalidate();
    m_errorLabel->clear(); // nothing typed yet: no complaints
    m_usernameEdit->setFocus();
}

QString FirstRunWizard::errorText() const
{
    return m_errorLabel->text();
}

// The first rule broken, in the order of the form.
QString FirstRunWizard::firstProblem() const
{
    if (Status rule = StaffRules::checkUsername(m_usernameEdit->text()); !rule)
        return rule.error().message;
    if (Status rule = StaffRules::checkDisplayName(m_displayNameEdit->text()); !rule)
        return rule.error().message;
    if (Status rule = StaffRules::checkPassword(m_passwordEdit->text()); !rule)
        return rule.error().message;
    if (m_confirmEdit->text() != m_passwordEdit->text())
        return tr("The two passwords do not match.");
    return {};
}

void FirstRunWizard::revalidate()
{
    const QString problem = firstProblem();
    m_errorLabel->setText(problem);
    m_createButton->setEnabled(problem.isEmpty());
}

void FirstRunWizard::submit()
{
    revalidate();
    if (!m_createButton->isEnabled())
        return;
    Result<StaffSession> created
        = m_directory.createFirstAdmin(m_usernameEdit->text(), m_displayNameEdit->text(), m_passwordEdit->text());
    if (!created) {
        m_errorLabel->setText(created.error().message);
        return;
    }
    m_session = *created;
    accept();
}

} // namespace gymgate
