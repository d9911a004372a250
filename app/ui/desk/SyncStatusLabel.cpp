#include "ui/desk/SyncStatusLabel.h"

#include <QDateTime>
#include <QEvent>
#include <QMouseEvent>

namespace gymgate {

namespace {

// Okabe-Ito colours (distinguishable with every common colour-vision deficiency), each with a
// text colour that keeps the contrast.
QString styleFor(SyncState state)
{
    switch (state) {
    case SyncState::Online:
        return QStringLiteral("QLabel { background: #009E73; color: #FFFFFF; padding: 1px 6px; }");
    case SyncState::Offline:
        return QStringLiteral("QLabel { background: #D55E00; color: #FFFFFF; padding: 1px 6px; }");
    case SyncState::Paused:
        return QStringLiteral("QLabel { background: #E69F00; color: #000000; padding: 1px 6px; }");
    case SyncState::Connecting:
        return QStringLiteral("QLabel { background: #56B4E9; color: #000000; padding: 1px 6px; }");
    case SyncState::NotEnrolled:
    case SyncState::Standby:
    case SyncState::Invalid:
        break;
    }
    return QStringLiteral("QLabel { background: #DDDDDD; color: #000000; padding: 1px 6px; }");
}

// Hours and minutes on the day it happened; the date too after that.
QString shortTime(qint64 atMs, const QTimeZone &zone)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs, zone);
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(zone);
    return at.date() == now.date() ? at.toString(QStringLiteral("HH:mm")) : at.toString(QStringLiteral("MM-dd HH:mm"));
}

} // namespace

SyncStatusLabel::SyncStatusLabel(SyncControl *sync, QTimeZone siteTimeZone, QWidget *parent)
    : QLabel(parent), m_siteTimeZone(std::move(siteTimeZone)), m_disabled(sync == nullptr)
{
    setObjectName(QStringLiteral("syncStatusLabel"));
    setCursor(Qt::PointingHandCursor);
    if (sync) {
        connect(sync, &SyncControl::statusChanged, this, &SyncStatusLabel::showStatus);
        showStatus(sync->status());
    } else {
        showStatus(SyncStatus {});
    }
}

void SyncStatusLabel::setSiteTimeZone(const QTimeZone &zone)
{
    m_siteTimeZone = zone;
    showStatus(m_status);
}

QString SyncStatusLabel::stateText(SyncState state)
{
    switch (state) {
    case SyncState::NotEnrolled:
        return tr("Not enrolled");
    case SyncState::Connecting:
        return tr("Connecting");
    case SyncState::Online:
        return tr("Online");
    case SyncState::Offline:
        return tr("Offline");
    case SyncState::Paused:
        return tr("Working offline");
    case SyncState::Standby:
        return tr("Synced by another GymGate process");
    case SyncState::Invalid:
        break;
    }
    return tr("Sync off");
}

QString SyncStatusLabel::summary(const SyncStatus &status, const QTimeZone &zone)
{
    QString text = status.state == SyncState::Offline && status.offlineSinceMs > 0
        ? tr("Offline since %1").arg(shortTime(status.offlineSinceMs, zone))
        : stateText(status.state);
    const QString separator = QStringLiteral(" · ");
    if (status.queueLength > 0 && status.state != SyncState::NotEnrolled)
        text += separator + tr("%n queued", nullptr, int(qMin<qint64>(status.queueLength, INT_MAX)));
    if (status.deadLetters > 0)
        text += separator + tr("%n refused", nullptr, int(qMin<qint64>(status.deadLetters, INT_MAX)));
    if (status.openNotices > 0)
        text += separator + tr("%n conflict(s)", nullptr, int(qMin<qint64>(status.openNotices, INT_MAX)));
    return text;
}

void SyncStatusLabel::showStatus(const SyncStatus &status)
{
    m_status = status;
    setText(m_disabled ? tr("Sync off") : summary(status, m_siteTimeZone));
    setStyleSheet(styleFor(m_disabled ? SyncState::Invalid : status.state));
    QString tip = status.hubUrl;
    if (!status.lastError.isEmpty())
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + status.lastError;
    setToolTip(tip);
}

void SyncStatusLabel::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        emit clicked();
    QLabel::mouseReleaseEvent(event);
}

void SyncStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showStatus(m_status);
    QLabel::changeEvent(event);
}

} // namespace gymgate
