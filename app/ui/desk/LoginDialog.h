#pragma once

#include "core/Staff.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gymgate {

class StaffDirectory;

// Log in, and switch user (the desk shows it again with the previous user name cleared). The
// service decides everything, lockout included; the dialog shows its message and clears the
// password after each refusal.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(StaffDirectory &directory, QWidget *parent = nullptr);

    StaffSession session() const { return m_session; } // valid after accept
    void setUsername(const QString &username);
    QString errorText() const;

public slots:
    void submit();

private:
    void updateButton();

    StaffDirectory &m_directory;
    StaffSession m_session;
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_loginButton = nullptr;
};

} // namespace gymgate
