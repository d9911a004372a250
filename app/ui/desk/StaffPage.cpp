#include "ui/desk/StaffPage.h"

#include "ui/desk/StaffAccountDialog.h"
#include "ui/desk/StaffPasswordDialog.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

enum Column {
    UsernameColumn = 0,
    NameColumn,
    RoleColumn,
    StatusColumn,
    ColumnCount,
};

QPushButton *makeButton(const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(objectName);
    return button;
}

} // namespace

StaffPage::StaffPage(StaffDirectory &directory, const Clock &clock, QTimeZone siteTimeZone, QWidget *parent)
    : DeskPage(parent), m_directory(directory), m_clock(clock), m_siteTimeZone(std::move(siteTimeZone))
{
    setObjectName(QStringLiteral("staffPage"));
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("staffFilterLineEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("staffTableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsernameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StaffPage::updateButtons);
    connect(m_table, &QTableView::activated, this, &StaffPage::editSelected);

    m_addButton = makeButton(QStringLiteral("addStaffPushButton"), this);
    m_addButton->setShortcut(QKeySequence::New);
    m_editButton = makeButton(QStringLiteral("editStaffPushButton"), this);
    m_editButton->setShortcut(QKeySequence(Qt::Key_F2));
    m_toggleButton = makeButton(QStringLiteral("toggleStaffPushButton"), this);
    m_resetButton = makeButton(QStringLiteral("resetPasswordPushButton"), this);
    m_deleteButton = makeButton(QStringLiteral("deleteStaffPushButton"), this);
    m_ownPasswordButton = makeButton(QStringLiteral("changeOwnPasswordPushButton"), this);
    connect(m_addButton, &QPushButton::clicked, this, &StaffPage::addAccount);
    connect(m_editButton, &QPushButton::clicked, this, &StaffPage::editSelected);
    connect(m_toggleButton, &QPushButton::clicked, this, &StaffPage::toggleSelected);
    connect(m_resetButton, &QPushButton::clicked, this, &StaffPage::resetSelectedPassword);
    connect(m_deleteButton, &QPushButton::clicked, this, &StaffPage::deleteSelected);
    connect(m_ownPasswordButton, &QPushButton::clicked, this, &StaffPage::changeOwnPassword);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("staffErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_addButton, m_editButton, m_toggleButton, m_resetButton, m_deleteButton})
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(m_ownPasswordButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);

    setTabOrder(m_filterEdit, m_table);
    setTabOrder(m_table, m_addButton);
    retranslate();
    updateButtons();
}

QString StaffPage::pageTitle() const
{
    return tr("Staff");
}

QString StaffPage::errorText() const
{
    return m_errorLabel->text();
}

void StaffPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillModel();
    }
    DeskPage::changeEvent(event);
}

void StaffPage::retranslate()
{
    m_filterEdit->setPlaceholderText(tr("Filter by user name, name, role or status"));
    m_model->setHorizontalHeaderLabels({tr("User name"), tr("Name"), tr("Role"), tr("Status")});
    m_addButton->setText(tr("&Add…"));
    m_editButton->setText(tr("&Edit…"));
    m_resetButton->setText(tr("&Reset password…"));
    m_deleteButton->setText(tr("De&lete…"));
    m_ownPasswordButton->setText(tr("&My password…"));
    updateButtons();
}

void StaffPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_errorLabel->clear();
    m_filterEdit->clear();
    reload();
}

void StaffPage::reload()
{
    m_accounts.clear();
    if (m_session.may(Permission::ManageStaff)) {
        Result<QList<StaffAccount>> accounts = m_directory.listStaff(m_session);
        if (accounts)
            m_accounts = *accounts;
        else
            showError(accounts.error());
    }
    fillModel();
}

void StaffPage::fillModel()
{
    const qint64 nowMs = m_clock.nowMs();
    m_model->removeRows(0, m_model->rowCount());
    for (const StaffAccount &account : std::as_const(m_accounts)) {
        QString status = account.status == StaffStatus::Active ? tr("Active") : tr("Disabled");
        if (account.isLockedAt(nowMs))
            status = tr("Locked until %1")
                         .arg(QDateTime::fromMSecsSinceEpoch(account.lockedUntilMs, m_siteTimeZone)
                                  .toString(QStringLiteral("HH:mm")));
        QList<QStandardItem *> row {new QStandardItem(account.username), new QStandardItem(account.displayName),
            new QStandardItem(staffRoleTitle(account.role)), new QStandardItem(status)};
        row.at(UsernameColumn)->setData(account.id, kIdRole);
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

const StaffAccount *StaffPage::selectedAccount() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(UsernameColumn);
    if (rows.isEmpty())
        return nullptr;
    const QString id = rows.constFirst().data(kIdRole).toString();
    for (const StaffAccount &account : m_accounts) {
        if (account.id == id)
            return &account;
    }
    return nullptr;
}

void StaffPage::updateButtons()
{
    const StaffAccount *account = selectedAccount();
    const bool may = m_session.may(Permission::ManageStaff);
    m_addButton->setEnabled(may);
    for (QPushButton *button : {m_editButton, m_toggleButton, m_resetButton, m_deleteButton})
        button->setEnabled(may && account);
    m_toggleButton->setText(account && account->status == StaffStatus::Disabled ? tr("E&nable") : tr("&Disable"));
    m_ownPasswordButton->setEnabled(m_session.isValid());
}

void StaffPage::showError(const Error &error)
{
    m_errorLabel->setText(error.message);
}

void StaffPage::report(const QString &message)
{
    m_errorLabel->clear();
    emit statusMessage(message);
}

void StaffPage::addAccount()
{
    auto *dialog = new StaffAccountDialog(m_directory, m_session, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const StaffAccount account = dialog->account();
        reload();
        report(tr("Added %1 (%2).").arg(account.username, staffRoleTitle(account.role)));
    });
    dialog->open();
}

void StaffPage::editSelected()
{
    const StaffAccount *account = selectedAccount();
    if (!account)
        return;
    auto *dialog = new StaffAccountDialog(m_directory, m_session, *account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const StaffAccount saved = dialog->account();
        reload();
        report(tr("Saved %1.").arg(saved.username));
    });
    dialog->open();
}

void StaffPage::toggleSelected()
{
    const StaffAccount *account = selectedAccount();
    if (!account)
        return;
    const bool enable = account->status == StaffStatus::Disabled;
    Result<StaffAccount> changed = m_directory.setStaffEnabled(m_session, account->id, enable);
    if (!changed) {
        showError(changed.error());
        return;
    }
    reload();
    report(enable ? tr("%1 may log in again.").arg(changed->username)
                  : tr("%1 can no longer log in.").arg(changed->username));
}

void StaffPage::resetSelectedPassword()
{
    const StaffAccount *account = selectedAccount();
    if (!account)
        return;
    const QString staffId = account->id;
    const QString username = account->username;
    auto *dialog = new StaffPasswordDialog(
        tr("New password for %1").arg(username), false,
        [this, staffId](const QString &, const QString &newPassword) {
            return m_directory.resetPassword(m_session, staffId, newPassword);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, username] {
        reload();
        report(tr("The password of %1 was reset.").arg(username));
    });
    dialog->open();
}

void StaffPage::deleteSelected()
{
    const StaffAccount *account = selectedAccount();
    if (!account)
        return;
    const QString staffId = account->id;
    const QString username = account->username;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete a staff account"),
        tr("Delete the account %1? Its entries in the audit log stay.").arg(username),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("deleteStaffMessageBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, staffId, username] {
        if (box->result() != QMessageBox::Yes)
            return;
        if (Status deleted = m_directory.deleteStaff(m_session, staffId); !deleted) {
            showError(deleted.error());
            return;
        }
        reload();
        report(tr("Deleted %1.").arg(username));
    });
    box->open();
}

void StaffPage::changeOwnPassword()
{
    if (!m_session.isValid())
        return;
    auto *dialog = new StaffPasswordDialog(
        tr("Change my password"), true,
        [this](const QString &oldPassword, const QString &newPassword) {
            return m_directory.changeOwnPassword(m_session, oldPassword, newPassword);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { report(tr("Your password was changed.")); });
    dialog->open();
}

} // namespace gymgate
