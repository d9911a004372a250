#include "ui/desk/EnrollDialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace gymgate {

namespace {

// The hub's code alphabet (docs/hub/DEVICES.md): no 0/O, 1/I/L, so nothing is misread.
constexpr QLatin1StringView kCodeAlphabet("23456789ABCDEFGHJKMNPQRSTUVWXYZ");
constexpr int kCodeLength = 16;
constexpr int kDeviceNameMax = 100; // the hub's limit

QLabel *makeErrorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

bool hasForeignChar(const QString &code)
{
    for (const QChar c : code) {
        if (c != QLatin1Char('-') && !c.isSpace() && !kCodeAlphabet.contains(c.toUpper()))
            return true;
    }
    return false;
}

void showError(QLabel *label, const QString &error)
{
    label->setText(error);
    label->setVisible(!error.isEmpty());
}

} // namespace

EnrollDialog::EnrollDialog(SyncControl &sync, QString staffId, QWidget *parent)
    : QDialog(parent), m_sync(sync), m_staffId(std::move(staffId))
{
    setObjectName(QStringLiteral("enrollDialog"));
    m_introLabel = new QLabel(this);
    m_introLabel->setWordWrap(true);
    m_hubUrlEdit = new QLineEdit(this);
    m_hubUrlEdit->setObjectName(QStringLiteral("hubUrlLineEdit"));
    m_hubUrlEdit->setPlaceholderText(QStringLiteral("https://hub.example.com"));
    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("enrollmentCodeLineEdit"));
    m_codeEdit->setPlaceholderText(QStringLiteral("K7QM-2XRD-…"));
    m_codeEdit->setMaxLength(40);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("deviceNameLineEdit"));
    m_nameEdit->setMaxLength(kDeviceNameMax + 20); // long enough to show the error
    m_hubUrlError = makeErrorLabel(QStringLiteral("hubUrlErrorLabel"), this);
    m_codeError = makeErrorLabel(QStringLiteral("enrollmentCodeErrorLabel"), this);
    m_nameError = makeErrorLabel(QStringLiteral("deviceNameErrorLabel"), this);
    m_testButton = new QPushButton(this);
    m_testButton->setObjectName(QStringLiteral("testConnectionPushButton"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setWordWrap(true);
    m_enrollResult = new QLabel(this);
    m_enrollResult->setObjectName(QStringLiteral("enrollResultLabel"));
    m_enrollResult->setWordWrap(true);
    m_hubUrlLabel = new QLabel(this);
    m_hubUrlLabel->setBuddy(m_hubUrlEdit);
    m_codeLabel = new QLabel(this);
    m_codeLabel->setBuddy(m_codeEdit);
    m_nameLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_nameEdit);

    auto *buttons = new QDialogButtonBox(this);
    m_enrollButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_enrollButton->setObjectName(QStringLiteral("enrollSubmitPushButton"));
    m_enrollButton->setDefault(true);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("enrollCancelPushButton"));

    auto *test = new QHBoxLayout;
    test->addWidget(m_testButton);
    test->addWidget(m_testResult, 1);
    auto *form = new QFormLayout;
    form->addRow(m_hubUrlLabel, m_hubUrlEdit);
    form->addRow(QString(), m_hubUrlError);
    form->addRow(QString(), test);
    form->addRow(m_codeLabel, m_codeEdit);
    form->addRow(QString(), m_codeError);
    form->addRow(m_nameLabel, m_nameEdit);
    form->addRow(QString(), m_nameError);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addLayout(form);
    layout->addWidget(m_enrollResult);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_hubUrlEdit, m_codeEdit, m_nameEdit})
        connect(edit, &QLineEdit::textChanged, this, &EnrollDialog::validate);
    connect(m_testButton, &QPushButton::clicked, this, &EnrollDialog::testConnection);
    // The AcceptRole button must not close the dialog by itself: enrolling takes a while.
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnrollDialog::enroll);
    connect(buttons, &QDialogButtonBox::rejected, this, &EnrollDialog::reject);
    connect(&m_sync, &SyncControl::testFinished, this, &EnrollDialog::onTestFinished);
    connect(&m_sync, &SyncControl::enrollFinished, this, &EnrollDialog::onEnrollFinished);
    retranslate();
    validate();
}

QString EnrollDialog::normalizedHubUrl(const QString &text)
{
    QString url = text.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

QString EnrollDialog::normalizedCode(const QString &text)
{
    QString code;
    for (const QChar c : text) {
        if (c != QLatin1Char('-') && !c.isSpace())
            code.append(c.toUpper());
    }
    return code;
}

QString EnrollDialog::hubUrlError(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return tr("Hub address: start it with http:// or https://, like https://hub.example.com.");
    if (url.host().isEmpty())
        return tr("Hub address: a host name is missing, like https://hub.example.com.");
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return tr("Hub address: only the scheme, the host and the port, like https://hub.example.com:8443.");
    return {};
}

QString EnrollDialog::enrollmentCodeError(const QString &text)
{
    const QString code = normalizedCode(text);
    if (code.isEmpty())
        return {};
    for (const QChar c : code) {
        if (!kCodeAlphabet.contains(c))
            return tr("Enrollment code: \"%1\" is not used in codes (they have no 0, 1, I, L or O).").arg(c);
    }
    if (code.size() != kCodeLength)
        return tr("Enrollment code: it has %1 characters, %2 typed so far.").arg(kCodeLength).arg(code.size());
    return {};
}

QString EnrollDialog::deviceNameError(const QString &text)
{
    if (text.trimmed().size() > kDeviceNameMax)
        return tr("Device name: at most %1 characters.").arg(kDeviceNameMax);
    return {};
}

QString EnrollDialog::errorText() const
{
    QStringList errors;
    for (const QLabel *label : {m_hubUrlError, m_codeError, m_nameError}) {
        if (!label->text().isEmpty())
            errors.append(label->text());
    }
    return errors.join(QLatin1Char('\n'));
}

QString EnrollDialog::resultText() const
{
    return m_enrollResult->text();
}

void EnrollDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        validate();
    }
    QDialog::changeEvent(event);
}

void EnrollDialog::retranslate()
{
    setWindowTitle(tr("Enroll with the hub"));
    m_introLabel->setText(tr("An admin makes a one-time enrollment code on the hub for this site. Type the hub's "
                             "address and the code; this desk then syncs with the hub."));
    m_hubUrlLabel->setText(tr("&Hub address:"));
    m_codeLabel->setText(tr("Enrollment &code:"));
    m_nameLabel->setText(tr("&Device name:"));
    m_nameEdit->setPlaceholderText(tr("the name given with the code"));
    m_testButton->setText(tr("&Test connection"));
    m_enrollButton->setText(tr("&Enroll"));
}

void EnrollDialog::validate()
{
    const QString urlError = hubUrlError(m_hubUrlEdit->text());
    const QString codeError = enrollmentCodeError(m_codeEdit->text());
    const QString nameError = deviceNameError(m_nameEdit->text());
    // "htt" is on its way to being right: no red text for a scheme still being typed.
    const QString typed = m_hubUrlEdit->text().trimmed().toLower();
    const bool schemeBeingTyped = (typed.size() < 8 && QStringLiteral("https://").startsWith(typed))
        || (typed.size() < 7 && QStringLiteral("http://").startsWith(typed));
    showError(m_hubUrlError, schemeBeingTyped ? QString() : urlError);
    // A code being typed is not wrong yet (too short): only a character never used in codes, or
    // one too many, is; the enroll button stays off until the code is whole anyway.
    const bool stillTyping
        = normalizedCode(m_codeEdit->text()).size() < kCodeLength && !hasForeignChar(m_codeEdit->text());
    showError(m_codeError, stillTyping ? QString() : codeError);
    showError(m_nameError, nameError);
    const bool urlOk = urlError.isEmpty() && !m_hubUrlEdit->text().trimmed().isEmpty();
    const bool codeOk = codeError.isEmpty() && !normalizedCode(m_codeEdit->text()).isEmpty();
    const bool busy = isBusy();
    for (QLineEdit *edit : {m_hubUrlEdit, m_codeEdit, m_nameEdit})
        edit->setReadOnly(m_enrolling);
    m_testButton->setEnabled(urlOk && !busy);
    m_enrollButton->setEnabled(urlOk && codeOk && nameError.isEmpty() && !busy);
    m_cancelButton->setEnabled(!m_enrolling);
}

void EnrollDialog::testConnection()
{
    if (isBusy() || !hubUrlError(m_hubUrlEdit->text()).isEmpty() || m_hubUrlEdit->text().trimmed().isEmpty())
        return;
    m_testing = true;
    m_testResult->setText(tr("Asking the hub…"));
    validate();
    m_sync.testConnection(normalizedHubUrl(m_hubUrlEdit->text()));
}

void EnrollDialog::enroll()
{
    if (!m_enrollButton->isEnabled())
        return;
    m_enrolling = true;
    m_enrollResult->setStyleSheet(QString());
    m_enrollResult->setText(tr("Enrolling with the hub…"));
    validate();
    m_sync.enroll(normalizedHubUrl(m_hubUrlEdit->text()), normalizedCode(m_codeEdit->text()),
        m_nameEdit->text().trimmed(), m_staffId);
}

void EnrollDialog::onTestFinished(bool ok, const QString &message, const QString &hubVersion)
{
    if (!m_testing)
        return; // someone else's test
    m_testing = false;
    m_testResult->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
    m_testResult->setText(ok ? tr("Connected: GymGate hub %1.").arg(hubVersion) : message);
    validate();
}

void EnrollDialog::onEnrollFinished(bool ok, const QString &message)
{
    if (!m_enrolling)
        return;
    m_enrolling = false;
    if (ok) {
        m_enrollResult->setText(tr("Enrolled: this desk now syncs with the hub."));
        validate();
        accept();
        return;
    }
    m_enrollResult->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_enrollResult->setText(message.isEmpty() ? tr("The hub refused the enrollment.") : message);
    validate();
}

void EnrollDialog::reject()
{
    if (m_enrolling)
        return;
    QDialog::reject();
}

} // namespace gymgate
