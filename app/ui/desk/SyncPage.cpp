#include "ui/desk/SyncPage.h"

#include "ui/desk/DeskTables.h"
#include "ui/desk/EnrollDialog.h"
#include "ui/desk/SyncStatusLabel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int kListLimit = 500; // rows per table: more than a desk should ever pile up
constexpr int KeyRole = Qt::UserRole + 1; // dead letter seq / notice id on the first column

enum DeadLetterColumn {
    DeadLetterTimeColumn = 0,
    DeadLetterTypeColumn,
    DeadLetterReasonColumn,
    DeadLetterColumnCount,
};

enum NoticeColumn {
    NoticeTimeColumn = 0,
    NoticeKindColumn,
    NoticeMessageColumn,
    NoticeAcknowledgedColumn,
    NoticeColumnCount,
};

QLabel *makeValue(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QStandardItem *keyedItem(const QString &text, qint64 key)
{
    auto *item = new QStandardItem(text);
    item->setData(key, KeyRole);
    return item;
}

} // namespace

SyncPage::SyncPage(SyncControl &sync, QTimeZone siteTimeZone, QWidget *parent)
    : DeskPage(parent), m_sync(sync), m_siteTimeZone(std::move(siteTimeZone))
{
    setObjectName(QStringLiteral("syncPage"));
    buildStatusBox();
    buildDeadLetterBox();
    buildNoticeBox();
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("syncErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *tables = new QSplitter(Qt::Vertical, this);
    tables->addWidget(m_deadLetterBox);
    tables->addWidget(m_noticeBox);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusBox);
    layout->addWidget(m_errorLabel);
    layout->addWidget(tables, 1);

    connect(&m_sync, &SyncControl::statusChanged, this, &SyncPage::showStatus);
    connect(&m_sync, &SyncControl::noticesChanged, this, [this] {
        reloadDeadLetters();
        reloadNotices();
    });
    retranslate();
    updateButtons();
}

void SyncPage::buildStatusBox()
{
    m_statusBox = new QGroupBox(this);
    m_stateLabel = new QLabel(m_statusBox);
    m_stateLabel->setObjectName(QStringLiteral("syncStateLabel"));
    QFont headline = m_stateLabel->font();
    headline.setBold(true);
    headline.setPointSizeF(headline.pointSizeF() * 1.3);
    m_stateLabel->setFont(headline);
    m_hubUrlValue = makeValue(QStringLiteral("syncHubUrlLabel"), m_statusBox);
    m_siteValue = makeValue(QStringLiteral("syncSiteLabel"), m_statusBox);
    m_deviceValue = makeValue(QStringLiteral("syncDeviceLabel"), m_statusBox);
    m_queueValue = makeValue(QStringLiteral("syncQueueLabel"), m_statusBox);
    m_deadLetterCountValue = makeValue(QStringLiteral("syncDeadLetterCountLabel"), m_statusBox);
    m_lastSyncValue = makeValue(QStringLiteral("syncLastSyncLabel"), m_statusBox);
    m_lastErrorValue = makeValue(QStringLiteral("syncLastErrorLabel"), m_statusBox);
    m_realtimeValue = makeValue(QStringLiteral("syncRealtimeLabel"), m_statusBox);
    m_nextRetryValue = makeValue(QStringLiteral("syncNextRetryLabel"), m_statusBox);

    auto *form = new QFormLayout;
    for (QLabel *value : {m_hubUrlValue, m_siteValue, m_deviceValue, m_queueValue, m_deadLetterCountValue,
             m_lastSyncValue, m_lastErrorValue, m_realtimeValue, m_nextRetryValue}) {
        auto *caption = new QLabel(m_statusBox);
        m_fieldNames.append(caption);
        form->addRow(caption, value);
    }

    m_syncNowButton = new QPushButton(m_statusBox);
    m_syncNowButton->setObjectName(QStringLiteral("syncNowPushButton"));
    m_syncNowButton->setShortcut(QKeySequence::Refresh);
    m_workOfflineCheck = new QCheckBox(m_statusBox);
    m_workOfflineCheck->setObjectName(QStringLiteral("workOfflineCheckBox"));
    m_enrollButton = new QPushButton(m_statusBox);
    m_enrollButton->setObjectName(QStringLiteral("enrollPushButton"));
    m_unenrollButton = new QPushButton(m_statusBox);
    m_unenrollButton->setObjectName(QStringLiteral("unenrollPushButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_syncNowButton);
    buttons->addWidget(m_workOfflineCheck);
    buttons->addStretch(1);
    buttons->addWidget(m_enrollButton);
    buttons->addWidget(m_unenrollButton);

    auto *layout = new QVBoxLayout(m_statusBox);
    layout->addWidget(m_stateLabel);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_syncNowButton, &QPushButton::clicked, this, [this] {
        m_sync.syncNow();
        reload(); // the tables too: a clerk pressing it wants to see the latest
        report(tr("Syncing with the hub…"));
    });
    // clicked, not toggled: only the clerk's click changes the mode, not a status update.
    connect(m_workOfflineCheck, &QCheckBox::clicked, this, [this](bool offline) {
        if (!m_session.may(Permission::ManageSync))
            return;
        m_sync.setManualOffline(offline);
        report(offline ? tr("Working offline: nothing goes to the hub until this is switched off.")
                       : tr("Back online: syncing with the hub."));
    });
    connect(m_enrollButton, &QPushButton::clicked, this, &SyncPage::openEnrollDialog);
    connect(m_unenrollButton, &QPushButton::clicked, this, &SyncPage::unenroll);
}

void SyncPage::buildDeadLetterBox()
{
    m_deadLetterBox = new QGroupBox(this);
    m_deadLetterModel = new QStandardItemModel(0, DeadLetterColumnCount, this);
    m_deadLetterTable = desk::makeTable(QStringLiteral("deadLettersTableView"), m_deadLetterModel, m_deadLetterBox);
    m_deadLetterDetails = new QPlainTextEdit(m_deadLetterBox);
    m_deadLetterDetails->setObjectName(QStringLiteral("deadLetterDetailsPlainTextEdit"));
    m_deadLetterDetails->setReadOnly(true);
    m_deadLetterDetails->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_retryButton = new QPushButton(m_deadLetterBox);
    m_retryButton->setObjectName(QStringLiteral("retryDeadLetterPushButton"));
    m_discardButton = new QPushButton(m_deadLetterBox);
    m_discardButton->setObjectName(QStringLiteral("discardDeadLetterPushButton"));

    auto *split = new QSplitter(Qt::Horizontal, m_deadLetterBox);
    split->addWidget(m_deadLetterTable);
    split->addWidget(m_deadLetterDetails);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_discardButton);
    auto *layout = new QVBoxLayout(m_deadLetterBox);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    // selectionChanged, not currentRowChanged: the current row moves before the row is selected.
    connect(m_deadLetterTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showSelectedDeadLetter();
        updateButtons();
    });
    connect(m_retryButton, &QPushButton::clicked, this, &SyncPage::retrySelectedDeadLetter);
    connect(m_discardButton, &QPushButton::clicked, this, &SyncPage::discardSelectedDeadLetter);
}

void SyncPage::buildNoticeBox()
{
    m_noticeBox = new QGroupBox(this);
    m_noticeModel = new QStandardItemModel(0, NoticeColumnCount, this);
    m_noticeTable = desk::makeTable(QStringLiteral("noticesTableView"), m_noticeModel, m_noticeBox);
    m_noticeTable->setWordWrap(true);
    m_acknowledgeButton = new QPushButton(m_noticeBox);
    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgeNoticePushButton"));
    m_showAcknowledgedCheck = new QCheckBox(m_noticeBox);
    m_showAcknowledgedCheck->setObjectName(QStringLiteral("showAcknowledgedCheckBox"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showAcknowledgedCheck);
    buttons->addStretch(1);
    buttons->addWidget(m_acknowledgeButton);
    auto *layout = new QVBoxLayout(m_noticeBox);
    layout->addWidget(m_noticeTable, 1);
    layout->addLayout(buttons);

    connect(m_noticeTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SyncPage::updateButtons);
    connect(m_acknowledgeButton, &QPushButton::clicked, this, &SyncPage::acknowledgeSelectedNotice);
    connect(m_showAcknowledgedCheck, &QCheckBox::toggled, this, &SyncPage::reloadNotices);
}

QString SyncPage::pageTitle() const
{
    return tr("Sync");
}

QString SyncPage::errorText() const
{
    return m_errorLabel->text();
}

QString SyncPage::stateText() const
{
    return m_stateLabel->text();
}

int SyncPage::deadLetterRows() const
{
    return m_deadLetterModel->rowCount();
}

int SyncPage::noticeRows() const
{
    return m_noticeModel->rowCount();
}

void SyncPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_session.isValid())
            reload();
    }
    DeskPage::changeEvent(event);
}

void SyncPage::retranslate()
{
    m_statusBox->setTitle(tr("Hub"));
    const QStringList captions {tr("Hub address:"), tr("Site:"), tr("This device:"), tr("Waiting to send:"),
        tr("Refused by the hub:"), tr("Last sync:"), tr("Last error:"), tr("Live updates:"), tr("Next attempt:")};
    for (int i = 0; i < m_fieldNames.size(); ++i)
        m_fieldNames[i]->setText(captions.value(i));
    m_syncNowButton->setText(tr("Sync &now"));
    m_workOfflineCheck->setText(tr("&Work offline"));
    m_workOfflineCheck->setToolTip(tr("Stop talking to the hub (for example on a metered connection). The desk and "
                                      "the gates keep working; everything is sent when this is switched off."));
    m_enrollButton->setText(tr("&Enroll with a hub…"));
    m_unenrollButton->setText(tr("&Unenroll…"));
    m_deadLetterBox->setTitle(tr("Refused by the hub"));
    m_deadLetterModel->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("Reason")});
    m_retryButton->setText(tr("&Retry"));
    m_discardButton->setText(tr("&Discard…"));
    m_noticeBox->setTitle(tr("Conflicts"));
    m_noticeModel->setHorizontalHeaderLabels({tr("Time"), tr("Kind"), tr("What happened"), tr("Acknowledged")});
    m_acknowledgeButton->setText(tr("&Acknowledge"));
    m_showAcknowledgedCheck->setText(tr("Show ac&knowledged"));
    showStatus(m_status);
}

void SyncPage::setSiteTimeZone(const QTimeZone &zone)
{
    m_siteTimeZone = zone;
    if (m_session.isValid())
        reload();
}

void SyncPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_errorLabel->clear();
    m_showAcknowledgedCheck->setChecked(false);
    const bool manage = session.may(Permission::ManageSync);
    // Hidden, not just disabled: a clerk has no use for them (the service refuses anyway).
    m_workOfflineCheck->setVisible(manage);
    m_enrollButton->setVisible(manage);
    m_unenrollButton->setVisible(manage);
    m_discardButton->setVisible(manage);
    reload();
}

void SyncPage::reload()
{
    showStatus(m_sync.status());
    reloadDeadLetters();
    reloadNotices();
}

QString SyncPage::formatTime(qint64 atMs) const
{
    if (atMs <= 0)
        return tr("never");
    return QDateTime::fromMSecsSinceEpoch(atMs, m_siteTimeZone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void SyncPage::showStatus(const SyncStatus &status)
{
    // The tables follow the counts: a refused event or a conflict recorded on the sync thread
    // shows without a click.
    qint64 openShown = 0;
    for (const SyncNotice &notice : m_notices)
        openShown += notice.acknowledgedAtMs == 0 ? 1 : 0;
    const bool countsChanged = status.deadLetters != m_deadLetters.size() || status.openNotices != openShown;
    m_status = status;
    const bool enrolled = status.state != SyncState::NotEnrolled && status.state != SyncState::Invalid;
    m_stateLabel->setText(status.state == SyncState::Offline && status.offlineSinceMs > 0
            ? tr("Offline since %1").arg(formatTime(status.offlineSinceMs))
            : SyncStatusLabel::stateText(status.state));
    const QString none = tr("—");
    m_hubUrlValue->setText(enrolled ? status.hubUrl : tr("not enrolled: this desk works alone"));
    m_siteValue->setText(status.siteName.isEmpty() ? none : status.siteName);
    m_deviceValue->setText(status.deviceId.isEmpty() ? none : status.deviceId);
    m_queueValue->setText(tr("%n event(s)", nullptr, int(qMin<qint64>(status.queueLength, INT_MAX))));
    m_deadLetterCountValue->setText(tr("%n event(s)", nullptr, int(qMin<qint64>(status.deadLetters, INT_MAX))));
    m_lastSyncValue->setText(enrolled ? formatTime(status.lastSyncMs) : none);
    m_lastErrorValue->setText(status.lastError.isEmpty() ? none : status.lastError);
    m_realtimeValue->setText(status.realtime ? tr("yes") : tr("no"));
    m_nextRetryValue->setText(
        status.state == SyncState::Offline && status.nextAttemptMs > 0 ? formatTime(status.nextAttemptMs) : none);
    m_workOfflineCheck->setChecked(status.state == SyncState::Paused);
    updateButtons();
    if (countsChanged && m_session.may(Permission::ViewSync)) {
        reloadDeadLetters();
        reloadNotices();
    }
}

void SyncPage::reloadDeadLetters()
{
    const qint64 keep = selectedDeadLetterSeq();
    m_deadLetterModel->removeRows(0, m_deadLetterModel->rowCount());
    m_deadLetters.clear();
    if (!m_session.may(Permission::ViewSync)) {
        showSelectedDeadLetter();
        return;
    }
    Result<QList<SyncDeadLetter>> letters = m_sync.deadLetters(kListLimit);
    if (!letters) {
        showError(letters.error());
        return;
    }
    m_deadLetters = *letters;
    int keepRow = -1;
    for (const SyncDeadLetter &letter : m_deadLetters) {
        if (letter.seq == keep)
            keepRow = m_deadLetterModel->rowCount();
        m_deadLetterModel->appendRow({keyedItem(formatTime(letter.atMs), letter.seq), new QStandardItem(letter.type),
            new QStandardItem(letter.reason)});
    }
    m_deadLetterTable->resizeColumnsToContents();
    if (keepRow >= 0)
        m_deadLetterTable->selectRow(keepRow);
    showSelectedDeadLetter();
    updateButtons();
}

void SyncPage::reloadNotices()
{
    const qint64 keep = selectedNoticeId();
    m_noticeModel->removeRows(0, m_noticeModel->rowCount());
    m_notices.clear();
    if (!m_session.may(Permission::ViewSync)) {
        updateButtons();
        return;
    }
    Result<QList<SyncNotice>> notices = m_sync.notices(m_showAcknowledgedCheck->isChecked(), kListLimit);
    if (!notices) {
        showError(notices.error());
        return;
    }
    m_notices = *notices;
    int keepRow = -1;
    for (const SyncNotice &notice : m_notices) {
        if (notice.id == keep)
            keepRow = m_noticeModel->rowCount();
        const QString acknowledged = notice.acknowledgedAtMs > 0
            ? tr("%1 by %2").arg(formatTime(notice.acknowledgedAtMs), notice.acknowledgedBy)
            : QString();
        m_noticeModel->appendRow(
            {keyedItem(formatTime(notice.createdAtMs), notice.id), new QStandardItem(syncNoticeKindText(notice.kind)),
                new QStandardItem(notice.message), new QStandardItem(acknowledged)});
    }
    m_noticeTable->setColumnHidden(NoticeAcknowledgedColumn, !m_showAcknowledgedCheck->isChecked());
    m_noticeTable->resizeColumnsToContents();
    if (keepRow >= 0)
        m_noticeTable->selectRow(keepRow);
    updateButtons();
}

QString SyncPage::syncNoticeKindText(SyncNoticeKind kind)
{
    switch (kind) {
    case SyncNoticeKind::CardOverdrawn:
        return tr("Card overdrawn");
    case SyncNoticeKind::BookingRejected:
        return tr("Booking refused");
    case SyncNoticeKind::PullConflict:
        return tr("Data conflict");
    case SyncNoticeKind::Invalid:
        break;
    }
    return tr("Other");
}

qint64 SyncPage::selectedDeadLetterSeq() const
{
    const QModelIndex current = m_deadLetterTable->selectionModel()->currentIndex();
    if (!current.isValid() || !m_deadLetterTable->selectionModel()->isRowSelected(current.row()))
        return 0;
    return m_deadLetterModel->index(current.row(), 0).data(KeyRole).toLongLong();
}

qint64 SyncPage::selectedNoticeId() const
{
    const QModelIndex current = m_noticeTable->selectionModel()->currentIndex();
    if (!current.isValid() || !m_noticeTable->selectionModel()->isRowSelected(current.row()))
        return 0;
    return m_noticeModel->index(current.row(), 0).data(KeyRole).toLongLong();
}

void SyncPage::showSelectedDeadLetter()
{
    const qint64 seq = selectedDeadLetterSeq();
    for (const SyncDeadLetter &letter : m_deadLetters) {
        if (letter.seq != seq)
            continue;
        const QString header = tr("Event %1 (%2)\nAt %3 by %4\nRefused at %5: %6")
                                   .arg(letter.eventId, letter.type, formatTime(letter.atMs),
                                       letter.staff.isEmpty() ? tr("the system") : letter.staff,
                                       formatTime(letter.failedAtMs), letter.reason);
        m_deadLetterDetails->setPlainText(header + QStringLiteral("\n\n") + letter.dataJson);
        return;
    }
    m_deadLetterDetails->clear();
}

void SyncPage::updateButtons()
{
    const bool view = m_session.may(Permission::ViewSync);
    const bool manage = m_session.may(Permission::ManageSync);
    const SyncState state = m_status.state;
    // In standby another process on this computer syncs: the controls belong to it.
    const bool enrolled = state != SyncState::NotEnrolled && state != SyncState::Invalid && state != SyncState::Standby;
    m_syncNowButton->setEnabled(view && enrolled && state != SyncState::Paused);
    m_workOfflineCheck->setEnabled(manage && enrolled);
    m_enrollButton->setEnabled(manage && state == SyncState::NotEnrolled);
    m_unenrollButton->setEnabled(manage && enrolled);
    const bool letter = selectedDeadLetterSeq() != 0;
    m_retryButton->setEnabled(view && letter);
    m_discardButton->setEnabled(manage && letter);
    const qint64 noticeId = selectedNoticeId();
    bool open = false;
    for (const SyncNotice &notice : m_notices)
        open = open || (notice.id == noticeId && notice.acknowledgedAtMs == 0);
    m_acknowledgeButton->setEnabled(view && open);
}

void SyncPage::openEnrollDialog()
{
    if (!m_session.may(Permission::ManageSync))
        return;
    auto *dialog = new EnrollDialog(m_sync, m_session.staffId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        reload();
        report(tr("This desk is enrolled with the hub."));
    });
    dialog->open();
}

void SyncPage::unenroll()
{
    if (!m_session.may(Permission::ManageSync))
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unenroll from the hub"),
        tr("Stop syncing with %1? Local data and the events waiting to be sent stay here; enrolling again needs a "
           "new code from the hub.")
            .arg(m_status.hubUrl),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("unenrollMessageBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->result() != QMessageBox::Yes)
            return;
        if (Status done = m_sync.unenroll(m_session.staffId); !done) {
            showError(done.error());
            return;
        }
        reload();
        report(tr("This desk no longer syncs with the hub."));
    });
    box->open();
}

void SyncPage::retrySelectedDeadLetter()
{
    const qint64 seq = selectedDeadLetterSeq();
    if (seq == 0 || !m_session.may(Permission::ViewSync))
        return;
    if (Status done = m_sync.retryDeadLetter(seq, m_session.staffId); !done) {
        showError(done.error());
        return;
    }
    m_errorLabel->clear();
    reloadDeadLetters();
    report(tr("The event is queued again and goes to the hub with the next sync."));
}

void SyncPage::discardSelectedDeadLetter()
{
    const qint64 seq = selectedDeadLetterSeq();
    if (seq == 0 || !m_session.may(Permission::ManageSync))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Discard a refused event"),
        tr("Discard this event for good? The hub never gets it; the audit log records that you discarded it."),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("discardDeadLetterMessageBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, seq] {
        if (box->result() != QMessageBox::Yes)
            return;
        if (Status done = m_sync.discardDeadLetter(seq, m_session.staffId); !done) {
            showError(done.error());
            return;
        }
        m_errorLabel->clear();
        reloadDeadLetters();
        report(tr("The refused event was discarded."));
    });
    box->open();
}

void SyncPage::acknowledgeSelectedNotice()
{
    const qint64 id = selectedNoticeId();
    if (id == 0 || !m_session.may(Permission::ViewSync))
        return;
    if (Status done = m_sync.acknowledgeNotice(id, m_session.staffId); !done) {
        showError(done.error());
        return;
    }
    m_errorLabel->clear();
    reloadNotices();
    report(tr("Conflict acknowledged."));
}

void SyncPage::showError(const Error &error)
{
    m_errorLabel->setText(error.message);
    emit statusMessage(error.message);
}

void SyncPage::report(const QString &message)
{
    emit statusMessage(message);
}

} // namespace gymgate
