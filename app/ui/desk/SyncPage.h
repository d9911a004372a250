#pragma once

#include "core/SyncControl.h"
#include "ui/desk/DeskPage.h"

#include <QList>
#include <QTimeZone>

class QCheckBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace gymgate {

// Sync with the hub (Permission::ViewSync, DESIGN §9): where this desk stands (online, offline
// since when, queue, refused events, last error), "sync now"; the events the hub refused (dead
// letters) with their data, to retry or discard; the conflicts sync found, to acknowledge.
// Enrolling, unenrolling, working offline and discarding need Permission::ManageSync.
class SyncPage : public DeskPage {
    Q_OBJECT
public:
    SyncPage(SyncControl &sync, QTimeZone siteTimeZone = QTimeZone::systemTimeZone(), QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ViewSync; }
    void setSession(const StaffSession &session) override;
    void setSiteTimeZone(const QTimeZone &zone);

    QString errorText() const;
    QString stateText() const; // the headline: "Online", "Offline since 09:58", ...
    int deadLetterRows() const;
    int noticeRows() const;

public slots:
    void reload(); // status, dead letters and notices
    void openEnrollDialog();
    void unenroll(); // asks first
    void retrySelectedDeadLetter();
    void discardSelectedDeadLetter(); // asks first
    void acknowledgeSelectedNotice();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildStatusBox();
    void buildDeadLetterBox();
    void buildNoticeBox();
    void retranslate();
    void showStatus(const SyncStatus &status);
    void reloadDeadLetters();
    void reloadNotices();
    void showSelectedDeadLetter();
    void updateButtons();
    qint64 selectedDeadLetterSeq() const; // 0 = none
    qint64 selectedNoticeId() const;
    QString formatTime(qint64 atMs) const;
    static QString syncNoticeKindText(SyncNoticeKind kind);
    void showError(const Error &error);
    void report(const QString &message);

    SyncControl &m_sync;
    QTimeZone m_siteTimeZone;
    StaffSession m_session;
    SyncStatus m_status;
    QList<SyncDeadLetter> m_deadLetters;
    QList<SyncNotice> m_notices;

    QGroupBox *m_statusBox = nullptr;
    QLabel *m_stateLabel = nullptr;
    QList<QLabel *> m_fieldNames; // the form's captions, retranslated
    QLabel *m_hubUrlValue = nullptr;
    QLabel *m_siteValue = nullptr;
    QLabel *m_deviceValue = nullptr;
    QLabel *m_queueValue = nullptr;
    QLabel *m_deadLetterCountValue = nullptr;
    QLabel *m_lastSyncValue = nullptr;
    QLabel *m_lastErrorValue = nullptr;
    QLabel *m_realtimeValue = nullptr;
    QLabel *m_nextRetryValue = nullptr;
    QPushButton *m_syncNowButton = nullptr;
    QCheckBox *m_workOfflineCheck = nullptr;
    QPushButton *m_enrollButton = nullptr;
    QPushButton *m_unenrollButton = nullptr;

    QGroupBox *m_deadLetterBox = nullptr;
    QStandardItemModel *m_deadLetterModel = nullptr;
    QTableView *m_deadLetterTable = nullptr;
    QPlainTextEdit *m_deadLetterDetails = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_discardButton = nullptr;

    QGroupBox *m_noticeBox = nullptr;
    QStandardItemModel *m_noticeModel = nullptr;
    QTableView *m_noticeTable = nullptr;
    QPushButton *m_acknowledgeButton = nullptr;
    QCheckBox *m_showAcknowledgedCheck = nullptr;

    QLabel *m_errorLabel = nullptr;
};

} // namespace gymgate
