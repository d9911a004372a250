#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace gymgate {

class Database;

// An event for the hub (DESIGN §9 push format {id, type, at, device, staff, data}).
struct OutboxEvent {
    QString eventId; // UUID; empty -> a new one
    QString type; // "entry.decided", "member.created", ...
    qint64 atMs = 0;
    QString device; // empty -> setting device.id
    QString staff;
    QJsonObject data;
};

// A queued event with its delivery bookkeeping.
struct OutboxItem {
    qint64 seq = 0;
    OutboxEvent event;
    int attempts = 0;
    qint64 nextAttemptAtMs = 0;
    QString lastError;
};

struct DeadLetter {
    qint64 seq = 0;
    OutboxEvent event;
    QString reason;
    qint64 failedAtMs = 0;
};

// The transactional outbox (`outbox`, `dead_letter`). append() MUST run inside the
// Database::transaction that makes the domain change, so both commit or neither does; called
// outside a transaction it refuses with Internal and writes nothing.
class Outbox {
public:
    explicit Outbox(Database &db);

    Status append(const OutboxEvent &event);

    // Oldest first (order per device is preserved by the pump).
    Result<QList<OutboxItem>> peek(int limit) const;
    Result<int> remove(const QList<QString> &eventIds); // how many were removed
    Status markFailed(qint64 seq, const QString &error, qint64 nextAttemptAtMs);
    Status moveToDeadLetter(qint64 seq, const QString &reason, qint64 atMs);
    Result<qint64> count() const;

    Result<QList<DeadLetter>> deadLetters(int limit) const; // newest first
    Result<qint64> deadLetterCount() const;
    Status removeDeadLetter(qint64 seq);
    Result<std::optional<DeadLetter>> deadLetter(qint64 seq) const;
    // Retry: the dead letter goes back to the end of the outbox under a new event id (the hub
    // remembers the refused id and would answer `duplicate`). Returns the new id.
    Result<QString> requeueDeadLetter(qint64 seq, qint64 atMs);
    // Enrollment: events queued before it belong to the device id the hub just gave.
    Status reassignDevice(const QString &deviceId);
    Result<qint64> lastSeq() const; // 0 when empty: new events raise it

private:
    Status ensurePrepared();
    Result<QString> deviceId();

    Database &m_db;
    bool m_prepared = false;
    QSqlQuery m_insert;
    QSqlQuery m_device;
};

} // namespace gymgate
