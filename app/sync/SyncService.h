#pragma once

#include "core/Clock.h"
#include "core/SyncControl.h"
#include "sync/SyncEngine.h"

#include <QJsonObject>
#include <QThread>

#include <functional>

namespace gymgate {

class Database;
class Outbox;
struct DeadLetter;

// The desk's SyncControl: runs a SyncEngine on its own thread (its own database connection and
// sockets) and forwards commands to it; status comes back through queued signals and is cached
// here, so status() never blocks. Dead letters and notices are read and changed through the
// caller's database connection (short local writes, audited).
class SyncService final : public SyncControl {
    Q_OBJECT
public:
    // `db` is the GUI thread's connection to the same file as options.databasePath.
    SyncService(SyncEngineOptions options, Database &db, const Clock &clock, QObject *parent = nullptr);
    ~SyncService() override; // stops the engine and joins the thread

    void start();

    SyncStatus status() const override { return m_status; }
    void testConnection(const QString &hubUrl) override;
    void enroll(const QString &hubUrl, const QString &code, const QString &deviceName, const QString &staffId) override;
    Status unenroll(const QString &staffId) override;
    void syncNow() override;
    void setManualOffline(bool offline) override;
    Result<QList<SyncDeadLetter>> deadLetters(int limit) const override;
    Status retryDeadLetter(qint64 seq, const QString &staffId) override;
    Status discardDeadLetter(qint64 seq, const QString &staffId) override;
    Result<QList<SyncNotice>> notices(bool includeAcknowledged, int limit) const override;
    Status acknowledgeNotice(qint64 id, const QString &staffId) override;

private:
    Status changeDeadLetter(qint64 seq, const QString &staffId, const QString &action,
        const std::function<Result<QJsonObject>(Outbox &, const DeadLetter &)> &change);

    Database &m_db;
    const Clock &m_clock;
    QThread m_thread;
    SyncEngine *m_engine = nullptr; // lives on m_thread, deleted when it finishes
    SyncStatus m_status;
};

} // namespace gymgate
