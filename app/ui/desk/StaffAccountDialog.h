#pragma once

#include "core/Staff.h"
#include "core/StaffDirectory.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gymgate {

// Add a staff account (user name, name, role, initial password) or edit one (name and role).
// Saves through the service itself so a refusal (a taken user name, the last admin) shows in
// the dialog, which stays open.
class StaffAccountDialog : public QDialog {
    Q_OBJECT
public:
    StaffAccountDialog(StaffDirectory &directory, const StaffSession &session,
        std::optional<StaffAccount> existing = std::nullopt, QWidget *parent = nullptr);

    StaffAccount account() const { return m_account; } // the saved account after accept
    QString errorText() const;

public slots:
    void submit();

private:
    bool isNew() const { return !m_existing.has_value(); }
    StaffRole chosenRole() const;
    QString firstProblem() const;
    void revalidate();

    StaffDirectory &m_directory;
    StaffSession m_session;
    std::optional<StaffAccount> m_existing;
    StaffAccount m_account;
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_displayNameEdit = nullptr;
    QComboBox *m_roleCombo = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace gymgate
