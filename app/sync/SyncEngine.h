#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/SyncControl.h"
#include "sync/Backoff.h"
#include "sync/HubCredentials.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

class QLockFile;
class QWebSocket;

namespace gymgate {

class ChangeApplier;
class Database;
class HubClient;
class OutboxPump;

struct SyncEngineOptions {
    QString databasePath;
    QString keyDirectory; // data.key and signing.key
    QString credentialsPath; // defaultHubCredentialsPath(databasePath) when empty
    QString deviceKind = QStringLiteral("desk"); // sent at enrollment
    int pageSize = 1000; // changes per pull
    int batchSize = 500; // events per push
    int pollIntervalMs = 30000; // a round this often even without a hint
    int outboxWatchMs = 500; // how often to look for new local events while online
    int minBackoffMs = 1000;
    int maxBackoffMs = 300000;
    int requestTimeoutMs = 15000;
    int lockRetryMs = 10000; // another process syncs the database: try to take over this often
    bool realtime = true; // keep a WebSocket to the hub for change hints
};

struct RoundOutcome {
    int pushed = 0; // events that left the outbox (ok + duplicate + rejected)
    int rejected = 0;
    int pulled = 0; // changes applied
};

// The sync loop of one desk database (DESIGN §9), living on the sync thread with its own
// database connection, so nothing on the entry path ever waits for the network.
// A round pushes the whole outbox in batches, then pulls pages until the hub has no more. After
// a good round the desk is Online and the next round comes with the poll timer, a WebSocket
// `changes` hint (at once), or new events in the outbox. After a failure it is Offline since the
// first failure and retries with Backoff. Manual offline (Paused) stops all traffic until lifted.
// Only one process syncs a database: the engine holds "<database>.sync.lock" while it runs.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    SyncEngine(SyncEngineOptions options, const Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Opens the database and the credentials; NotEnrolled without them. Then starts the loop.
    Status start();
    void stop();

    // One round, synchronously (tests and gymgate-bench call it directly).
    Result<RoundOutcome> runRound();
    SyncStatus status() const { return m_status; }

public slots:
    void syncNow();
    void setManualOffline(bool offline);
    void testConnection(const QString &hubUrl);
    void enroll(const QString &hubUrl, const QString &code, const QString &deviceName, const QString &staffId);
    void unenroll(const QString &staffId);

signals:
    void statusChanged(const gymgate::SyncStatus &status);
    void testFinished(bool ok, const QString &message, const QString &hubVersion);
    void enrollFinished(bool ok, const QString &message);
    void noticesChanged();
    void trustChanged();
    void roundFinished(bool ok); // after every round (tests wait on it)

private:
    void scheduleRound(qint64 delayMs);
    void onRoundTimer();
    void onWatchTimer();
    Status ensureToken();
    Result<RoundOutcome> pushAll();
    Result<int> pullAll();
    void finishRound(const Result<RoundOutcome> &outcome);
    void refreshCounts();
    void publish();
    void connectRealtime();
    void onSocketMessage(const QString &message);
    void recordNotification(const QJsonObject &notification);
    Status loadCredentials();
    void dropConnection();
    bool retryWithNewToken(const Error &error);
    bool interrupted() const;
    void onHello(const QJsonObject &hello);
    Result<qint64> notifySeq() const; // -1 before the first connection
    Status storeNotifySeq(qint64 seq);

    SyncEngineOptions m_options;
    const Clock &m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QLockFile> m_lock;
    std::optional<HubCredentials> m_credentials;
    std::unique_ptr<HubClient> m_client;
    std::unique_ptr<ChangeApplier> m_applier;
    std::unique_ptr<OutboxPump> m_pump;
    std::unique_ptr<QWebSocket> m_socket;
    QTimer m_roundTimer;
    QTimer m_watchTimer;
    QTimer m_socketRetryTimer;
    QTimer m_lockRetryTimer; // another process syncs this database: take over when it ends
    Backoff m_backoff;
    Backoff m_socketBackoff;
    SyncStatus m_status;
    bool m_manualOffline = false;
    bool m_inRound = false;
    bool m_roundWanted = false;
    qint64 m_lastOutboxSeq = 0;
    bool m_stopRequested = false; // stop() arrived during a round: release after it
    bool m_tokenRefreshed = false; // this round already fetched a new token
    bool m_roundTrustChanged = false;
    bool m_roundNotices = false;
    SyncStatus m_published; // last status emitted
};

} // namespace gymgate
