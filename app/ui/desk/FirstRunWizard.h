#pragma once

#include "core/Staff.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gymgate {

class StaffDirectory;

// The first start of a desk with no administrator: creates the admin account and logs them in.
// The form validates as you type; the button is enabled only for a valid form.
class FirstRunWizard : public QDialog {
    Q_OBJECT
public:
    explicit FirstRunWizard(StaffDirectory &directory, QWidget *parent = nullptr);

    StaffSession session() const { return m_session; } // valid after accept
    QString errorText() const;

public slots:
    void submit();

private:
    QString firstProblem() const;
    void revalidate();

    StaffDirectory &m_directory;
    StaffSession m_session;
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_displayNameEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_createButton = nullptr;
};

} // namespace gymgate
