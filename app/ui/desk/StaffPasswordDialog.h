#pragma once

#include "core/Error.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gymgate {

// A new password, typed twice: an administrator resetting someone's password, or anybody
// changing their own (then the current password is asked for too). The save callback calls the
// service; its refusal shows in the dialog, which stays open.
class StaffPasswordDialog : public QDialog {
    Q_OBJECT
public:
    // save(oldPassword, newPassword); oldPassword is empty unless askOldPassword.
    using Save = std::function<Status(const QString &oldPassword, const QString &newPassword)>;

    StaffPasswordDialog(const QString &title, bool askOldPassword, Save save, QWidget *parent = nullptr);

    QString errorText() const;

public slots:
    void submit();

private:
    QString firstProblem() const;
    void revalidate();

    Save m_save;
    bool m_askOldPassword = false;
    QLineEdit *m_oldEdit = nullptr;
    QLineEdit *m_newEdit = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace gymgate
