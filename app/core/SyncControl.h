#pragma once

#include "core/Error.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace gymgate {

// Where this desk stands with the hub (DESIGN §9). Never decides anything at the door: the
// entry path does not read it.
enum class SyncState {
    Invalid = 0,
    NotEnrolled, // no hub credentials: works alone
    Connecting, // enrolled, the first round since start has not finished yet
    Online, // the last round reached the hub
    Offline, // the last round failed; retrying with backoff
    Paused, // staff chose "work offline" (manual override)
    Standby, // another GymGate process on this computer syncs this database: nothing to do here
};

struct SyncStatus {
    SyncState state = SyncState::Invalid;
    QString hubUrl;
    QString deviceId;
    QString siteName;
    qint64 offlineSinceMs = 0; // first failure of the current outage; 0 while online
    qint64 lastSyncMs = 0; // last round that pushed and pulled everything
    qint64 nextAttemptMs = 0; // when the next retry runs (Offline)
    qint64 queueLength = 0; // events waiting in the outbox
    qint64 deadLetters = 0;
    qint64 openNotices = 0; // conflicts not yet acknowledged by staff
    qint64 cursor = 0; // last change seq applied
    bool realtime = false; // the WebSocket to the hub is open
    QString lastError; // translated; empty after a good round

    bool operator==(const SyncStatus &) const = default;
};

// A pushed event the hub refused (DESIGN §9): kept for staff to inspect, retry or discard.
struct SyncDeadLetter {
    qint64 seq = 0;
    QString eventId;
    QString type;
    qint64 atMs = 0;
    QString staff;
    QString dataJson; // the event's data, indented JSON
    QString reason; // the hub's reason code and message
    qint64 failedAtMs = 0;
};

enum class SyncNoticeKind {
    Invalid = 0,
    CardOverdrawn, // a count or value card used offline at two sites went below zero
    BookingRejected, // the hub refused a booking made here (capacity, overlap)
    PullConflict, // a pulled row collided with a local one (same phone, same username)
};

// A conflict for staff to look at (DESIGN §9 conflicts), kept until acknowledged.
struct SyncNotice {
    qint64 id = 0;
    SyncNoticeKind kind = SyncNoticeKind::Invalid;
    QString entity; // "card", "booking", "member", "staff"
    QString entityId;
    QString message; // translated when it was recorded
    QString detailJson;
    qint64 createdAtMs = 0;
    qint64 acknowledgedAtMs = 0;
    QString acknowledgedBy;
};

const char *syncNoticeKindName(SyncNoticeKind kind); // "card_overdrawn", ...
SyncNoticeKind syncNoticeKindFromName(const QString &name); // Invalid when unknown

// The sync port the desk screens use; app/sync implements it on its own thread. Every call
// returns at once; long work (enrolling, a round with the hub) answers through signals.
class SyncControl : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~SyncControl() override = default;

    virtual SyncStatus status() const = 0; // the latest status, cached: never blocks

    // Checks that `hubUrl` answers as a GymGate hub -> testFinished.
    virtual void testConnection(const QString &hubUrl) = 0;
    // Enrolls this desk with an admin's enrollment code -> enrollFinished.
    virtual void enroll(const QString &hubUrl, const QString &code, const QString &deviceName, const QString &staffId)
        = 0;
    // Forgets the hub credentials; local data and the outbox stay.
    virtual Status unenroll(const QString &staffId) = 0;

    virtual void syncNow() = 0; // a round at once, backoff reset
    virtual void setManualOffline(bool offline) = 0;

    virtual Result<QList<SyncDeadLetter>> deadLetters(int limit) const = 0;
    // Queues the event again under a new id (the hub remembers the refused one); audited.
    virtual Status retryDeadLetter(qint64 seq, const QString &staffId) = 0;
    virtual Status discardDeadLetter(qint64 seq, const QString &staffId) = 0; // audited
    virtual Result<QList<SyncNotice>> notices(bool includeAcknowledged, int limit) const = 0;
    virtual Status acknowledgeNotice(qint64 id, const QString &staffId) = 0;

signals:
    void statusChanged(const gymgate::SyncStatus &status);
    // `message`: translated, what went wrong (empty on success).
    void testFinished(bool ok, const QString &message, const QString &hubVersion);
    void enrollFinished(bool ok, const QString &message);
    void noticesChanged(); // a notice was recorded or acknowledged, or dead letters changed
    void trustChanged(); // keys or revocations were pulled: reload the trust store
};

} // namespace gymgate

Q_DECLARE_METATYPE(gymgate::SyncStatus)
