#pragma once

#include "core/Clock.h"
#include "core/StaffDirectory.h"
#include "ui/desk/DeskPage.h"

#include <QTimeZone>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace gymgate {

// The audit log viewer (Permission::ViewAudit): filter by who, what and which days (in the
// site's time zone), newest first; and a check of the hash chain that names the first row
// that is not as written.
class AuditPage : public DeskPage {
    Q_OBJECT
public:
    AuditPage(StaffDirectory &directory, const Clock &clock, QTimeZone siteTimeZone = QTimeZone::systemTimeZone(),
        QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ViewAudit; }
    void setSession(const StaffSession &session) override;

    QString errorText() const;
    int rowCount() const; // rows shown after the text filter

public slots:
    void reload();
    void verifyChain();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadActors();
    void resetDates();
    AuditQuery currentQuery() const;
    void fillModel(const QList<AuditRecord> &records);

    StaffDirectory &m_directory;
    const Clock &m_clock;
    QTimeZone m_siteTimeZone;
    StaffSession m_session;
    bool m_loading = false; // filters being set up: do not query for each change
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QComboBox *m_actorCombo = nullptr;
    QComboBox *m_actionCombo = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
    QLineEdit *m_textFilterEdit = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QLabel *m_chainLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_actorLabel = nullptr;
    QLabel *m_actionLabel = nullptr;
    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
};

} // namespace gymgate
