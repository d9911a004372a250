#pragma once

#include "core/SyncControl.h"

#include <QLabel>
#include <QTimeZone>

namespace gymgate {

// The desk's sync status in the status bar: "Online", "Offline since 09:58 · 12 queued",
// "Working offline", "Not enrolled". The words carry the meaning (colour-blind safe); the colour
// only repeats it. A click asks for the Sync page.
class SyncStatusLabel : public QLabel {
    Q_OBJECT
public:
    // `sync` may be null (sync switched off): the label then says so and never changes.
    explicit SyncStatusLabel(
        SyncControl *sync, QTimeZone siteTimeZone = QTimeZone::systemTimeZone(), QWidget *parent = nullptr);

    void setSiteTimeZone(const QTimeZone &zone);
    void showStatus(const SyncStatus &status);

    // The one-line summary the label shows (also the Sync page's headline).
    static QString summary(const SyncStatus &status, const QTimeZone &zone);
    // "Online", "Offline", ... alone.
    static QString stateText(SyncState state);

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    SyncStatus m_status;
    QTimeZone m_siteTimeZone;
    bool m_disabled = false;
};

} // namespace gymgate
