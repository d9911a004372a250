#pragma once

#include "core/SyncControl.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gymgate {

// Enrolls this desk with the hub (DESIGN §9): the hub's address, the one-time code an admin made
// on the hub and a name for this device. Each field is checked as it is typed and nothing goes
// to the hub while one is wrong. "Test connection" asks the hub for its version; "Enroll" sends
// the code and waits for SyncControl::enrollFinished; the dialog closes itself on success.
class EnrollDialog : public QDialog {
    Q_OBJECT
public:
    EnrollDialog(SyncControl &sync, QString staffId, QWidget *parent = nullptr);

    // The field's error, empty when the text is acceptable (an empty field is not an error yet).
    static QString hubUrlError(const QString &text);
    static QString enrollmentCodeError(const QString &text);
    static QString deviceNameError(const QString &text);
    // "k7qm-2xrd-..." -> "K7QM2XRD...": what the hub compares.
    static QString normalizedCode(const QString &text);
    static QString normalizedHubUrl(const QString &text);

    QString errorText() const; // the inline errors shown now, one per line
    QString resultText() const;
    bool isBusy() const { return m_enrolling || m_testing; }

public slots:
    void testConnection();
    void enroll();

protected:
    void changeEvent(QEvent *event) override;
    void reject() override; // not while the hub is being asked: the answer would be lost

private:
    void retranslate();
    void validate();
    void onTestFinished(bool ok, const QString &message, const QString &hubVersion);
    void onEnrollFinished(bool ok, const QString &message);

    SyncControl &m_sync;
    QString m_staffId;
    bool m_testing = false;
    bool m_enrolling = false;
    QLabel *m_introLabel = nullptr;
    QLabel *m_hubUrlLabel = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_hubUrlEdit = nullptr;
    QLineEdit *m_codeEdit = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_hubUrlError = nullptr;
    QLabel *m_codeError = nullptr;
    QLabel *m_nameError = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QPushButton *m_enrollButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_enrollResult = nullptr;
};

} // namespace gymgate
