#pragma once

#include "core/Clock.h"
#include "core/StaffDirectory.h"
#include "ui/desk/DeskPage.h"

#include <QList>
#include <QTimeZone>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace gymgate {

// Staff accounts (Permission::ManageStaff): the list, add, edit name and role, disable or
// enable, reset a password, delete; and "change my password" for the person logged in.
class StaffPage : public DeskPage {
    Q_OBJECT
public:
    // Lockout times show in the site's time zone (setting site.timezone).
    StaffPage(StaffDirectory &directory, const Clock &clock, QTimeZone siteTimeZone = QTimeZone::systemTimeZone(),
        QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ManageStaff; }
    void setSession(const StaffSession &session) override;

    QString errorText() const;

public slots:
    void reload();
    void addAccount();
    void editSelected();
    void toggleSelected(); // disable an active account, enable a disabled one
    void resetSelectedPassword();
    void deleteSelected();
    void changeOwnPassword();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillModel();
    const StaffAccount *selectedAccount() const;
    void updateButtons();
    void showError(const Error &error);
    void report(const QString &message);

    StaffDirectory &m_directory;
    const Clock &m_clock;
    QTimeZone m_siteTimeZone;
    StaffSession m_session;
    QList<StaffAccount> m_accounts;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_toggleButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_ownPasswordButton = nullptr;
    QLabel *m_errorLabel = nullptr;
};

} // namespace gymgate
