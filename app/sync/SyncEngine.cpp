#include "sync/SyncEngine.h"

#include "store/Database.h"
#include "store/Outbox.h"
#include "store/SqlSupport.h"
#include "store/SyncNoticeRepository.h"
#include "sync/ChangeApplier.h"
#include "sync/Enrollment.h"
#include "sync/HubClient.h"
#include "sync/OutboxPump.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkRequest>
#include <QWebSocket>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>

namespace gymgate {

namespace {

const QString kNotifySeqKey = QStringLiteral("notify.seq");
constexpr qint64 kMaxSocketBackoffMs = 60000;

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

SyncEngine::SyncEngine(SyncEngineOptions options, const Clock &clock, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_clock(clock), m_roundTimer(this), m_watchTimer(this),
      m_socketRetryTimer(this), m_lockRetryTimer(this), m_backoff(m_options.minBackoffMs, m_options.maxBackoffMs),
      m_socketBackoff(m_options.minBackoffMs, std::min<qint64>(m_options.maxBackoffMs, kMaxSocketBackoffMs))
{
    if (m_options.credentialsPath.isEmpty())
        m_options.credentialsPath = defaultHubCredentialsPath(m_options.databasePath);
    m_roundTimer.setSingleShot(true);
    m_socketRetryTimer.setSingleShot(true);
    m_lockRetryTimer.setSingleShot(true);
    m_lockRetryTimer.setInterval(m_options.lockRetryMs);
    connect(&m_lockRetryTimer, &QTimer::timeout, this, [this] { (void)start(); });
    connect(&m_roundTimer, &QTimer::timeout, this, &SyncEngine::onRoundTimer);
    connect(&m_watchTimer, &QTimer::timeout, this, &SyncEngine::onWatchTimer);
    connect(&m_socketRetryTimer, &QTimer::timeout, this, &SyncEngine::connectRealtime);
}

SyncEngine::~SyncEngine()
{
    stop();
}

Status SyncEngine::start()
{
    if (m_db)
        return {};
    Database::Options databaseOptions;
    databaseOptions.path = m_options.databasePath;
    Result<std::unique_ptr<Database>> opened = Database::open(databaseOptions);
    if (!opened) {
        m_status.state = SyncState::Offline;
        m_status.lastError = opened.error().message;
        publish();
        return std::unexpected(opened.error());
    }
    m_db = std::move(*opened);

    // Two processes pushing the same outbox would send every event twice (the hub would answer
    // `duplicate`, but both would race on removing rows): one syncs, the other stays quiet.
    m_lock = std::make_unique<QLockFile>(m_options.databasePath + QStringLiteral(".sync.lock"));
    m_lock->setStaleLockTime(0); // only a dead owner makes the lock stale, never its age
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        const Result<std::optional<HubCredentials>> credentials = loadHubCredentials(m_options.credentialsPath);
        const bool enrolled = credentials && credentials->has_value();
        // Not an outage: the other process (the desk beside this kiosk, say) talks to the hub.
        m_status.state = enrolled ? SyncState::Standby : SyncState::NotEnrolled;
        if (enrolled) {
            m_status.hubUrl = (*credentials)->hubUrl;
            m_status.deviceId = (*credentials)->deviceId;
            m_status.siteName = (*credentials)->siteName;
        }
        m_status.lastError = tr("Another GymGate process syncs this database.");
        refreshCounts();
        publish();
        m_db.reset();
        m_lockRetryTimer.start(); // the other process may end (a kiosk closed): then this one syncs
        return fail(ErrorCode::Conflict, m_status.lastError, QStringLiteral("database"));
    }

    if (Status loaded = loadCredentials(); !loaded) {
        m_status.state = SyncState::Offline;
        m_status.lastError = loaded.error().message;
        refreshCounts();
        publish();
        return loaded;
    }
    // The watch runs in every state: the queue length on the desk stays current even while
    // paused or not enrolled; it only starts rounds while online.
    m_watchTimer.start(m_options.outboxWatchMs);
    if (!m_credentials) {
        m_status.state = SyncState::NotEnrolled;
        refreshCounts();
        publish();
        return {};
    }
    m_status.state = m_manualOffline ? SyncState::Paused : SyncState::Connecting;
    refreshCounts();
    publish();
    scheduleRound(0);
    return {};
}

void SyncEngine::stop()
{
    m_lockRetryTimer.stop();
    m_roundTimer.stop();
    m_watchTimer.stop();
    m_socketRetryTimer.stop();
    dropConnection();
    // A stop that arrives while a round waits for the network (nested event loop) must not pull
    // the client and the database from under it: the round releases them when it returns.
    if (m_inRound) {
        m_stopRequested = true;
        return;
    }
    m_pump.reset();
    m_applier.reset();
    m_client.reset();
    m_credentials.reset();
    m_db.reset();
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

Status SyncEngine::loadCredentials()
{
    m_pump.reset();
    m_applier.reset();
    m_client.reset();
    m_credentials.reset();
    Result<std::optional<HubCredentials>> loaded = loadHubCredentials(m_options.credentialsPath);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (!loaded->has_value() || !(*loaded)->isValid()) {
        m_status.hubUrl.clear();
        m_status.deviceId.clear();
        m_status.siteName.clear();
        return {};
    }
    m_credentials = **loaded;
    m_client = std::make_unique<HubClient>(m_credentials->hubUrl, m_options.requestTimeoutMs);
    m_applier = std::make_unique<ChangeApplier>(*m_db, m_clock, m_credentials->siteId);
    m_pump = std::make_unique<OutboxPump>(*m_db, *m_client, m_clock);
    m_status.hubUrl = m_credentials->hubUrl;
    m_status.deviceId = m_credentials->deviceId;
    m_status.siteName = m_credentials->siteName;
    return {};
}

void SyncEngine::scheduleRound(qint64 delayMs)
{
    if (m_manualOffline || !m_credentials)
        return;
    if (m_inRound) {
        if (delayMs == 0)
            m_roundWanted = true;
        return;
    }
    // An earlier pending round wins over a later one.
    if (m_roundTimer.isActive() && m_roundTimer.remainingTime() <= delayMs)
        return;
    m_roundTimer.start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void SyncEngine::onRoundTimer()
{
    if (m_inRound) {
        m_roundWanted = true;
        return;
    }
    if (m_manualOffline || !m_credentials)
        return;
    (void)runRound();
}

void SyncEngine::onWatchTimer()
{
    if (!m_db || m_inRound)
        return;
    const Result<qint64> last = Outbox(*m_db).lastSeq();
    const bool online = m_status.state == SyncState::Online || m_status.state == SyncState::Connecting;
    if (last && *last > m_lastOutboxSeq && online)
        scheduleRound(0);
    refreshCounts();
    publish();
}

Status SyncEngine::ensureToken()
{
    if (!m_client->token().isEmpty())
        return {};
    return m_client->refreshToken(m_credentials->deviceId, m_credentials->deviceSecret);
}

Result<RoundOutcome> SyncEngine::runRound()
{
    if (m_inRound)
        return fail(ErrorCode::Conflict, tr("A sync round is already running."));
    if (!m_db || !m_credentials || !m_client)
        return fail(ErrorCode::InvalidArgument, tr("This desk is not enrolled with a hub."), QStringLiteral("hubUrl"));
    m_inRound = true;
    m_roundWanted = false;
    m_tokenRefreshed = false;
    if (const Result<qint64> last = Outbox(*m_db).lastSeq(); last)
        m_lastOutboxSeq = *last;

    Result<RoundOutcome> outcome = [&]() -> Result<RoundOutcome> {
        if (Status token = ensureToken(); !token)
            return std::unexpected(token.error());
        Result<RoundOutcome> pushed = pushAll();
        if (!pushed || interrupted())
            return pushed;
        Result<int> pulled = pullAll();
        if (!pulled)
            return std::unexpected(pulled.error());
        pushed->pulled = *pulled;
        return pushed;
    }();

    m_inRound = false;
    if (m_stopRequested) {
        m_stopRequested = false;
        stop();
        return outcome;
    }
    finishRound(outcome);
    return outcome;
}

// Staff paused sync, or the engine is stopping, while the round waited for the hub: the rest
// of the round waits for the next one.
bool SyncEngine::interrupted() const
{
    return m_manualOffline || m_stopRequested;
}

// A 401 means the 12 h device token ran out (or the hub restarted with new keys): one new token
// per round, then the call again.
bool SyncEngine::retryWithNewToken(const Error &error)
{
    if (error.code != ErrorCode::PermissionDenied || m_tokenRefreshed)
        return false;
    m_tokenRefreshed = true;
    m_client->setToken({});
    return bool(m_client->refreshToken(m_credentials->deviceId, m_credentials->deviceSecret));
}

Result<RoundOutcome> SyncEngine::pushAll()
{
    RoundOutcome outcome;
    for (;;) {
        Result<PushOutcome> batch = m_pump->pushBatch(m_options.batchSize);
        if (!batch) {
            if (retryWithNewToken(batch.error()))
                continue;
            return std::unexpected(batch.error());
        }
        outcome.pushed += batch->delivered + batch->duplicates + batch->rejected;
        outcome.rejected += batch->rejected;
        // A long drain after an outage keeps the desk's queue figure moving.
        refreshCounts();
        publish();
        if (!batch->more || batch->sent == 0 || interrupted())
            return outcome;
    }
}

Result<int> SyncEngine::pullAll()
{
    Result<qint64> cursor = m_applier->cursor();
    if (!cursor)
        return std::unexpected(cursor.error());
    int pulled = 0;
    HubClient::PendingReply pending = m_client->requestChanges(*cursor, m_options.pageSize);
    for (;;) {
        Result<HubChangesPage> page = m_client->changes(std::move(pending));
        if (!page) {
            if (retryWithNewToken(page.error())) {
                pending = m_client->requestChanges(*cursor, m_options.pageSize);
                continue;
            }
            return std::unexpected(page.error());
        }
        // The next page is asked for before this one is written: the hub reads and sends it
        // meanwhile. Dropped unasked (aborted) if this page fails or is the last.
        if (page->hasMore && page->next > *cursor)
            pending = m_client->requestChanges(page->next, m_options.pageSize);
        Result<ApplyOutcome> applied = m_applier->applyPage(page->changes, page->next);
        if (!applied)
            return std::unexpected(applied.error());
        pulled += applied->applied;
        m_roundTrustChanged = m_roundTrustChanged || applied->trustChanged;
        m_roundNotices = m_roundNotices || applied->notices > 0;
        m_status.cursor = applied->cursor;
        // A page that did not move the cursor cannot be followed by another one.
        if (!page->hasMore || applied->cursor <= *cursor || interrupted())
            return pulled;
        *cursor = applied->cursor;
        if (!pending || applied->cursor != page->next) // the page asked ahead is not the one to follow
            pending = m_client->requestChanges(*cursor, m_options.pageSize);
    }
}

void SyncEngine::finishRound(const Result<RoundOutcome> &outcome)
{
    const qint64 nowMs = m_clock.nowMs();
    qint64 delayMs = m_options.pollIntervalMs;
    if (outcome) {
        m_status.state = SyncState::Online;
        m_status.offlineSinceMs = 0;
        m_status.lastSyncMs = nowMs;
        m_status.nextAttemptMs = 0;
        m_status.lastError.clear();
        m_backoff.reset();
        m_roundNotices = m_roundNotices || outcome->rejected > 0;
    } else if (!m_manualOffline) {
        m_status.state = SyncState::Offline;
        if (m_status.offlineSinceMs == 0)
            m_status.offlineSinceMs = nowMs;
        m_status.lastError
            = outcome.error().message.isEmpty() ? tr("The hub could not be reached.") : outcome.error().message;
        delayMs = m_backoff.nextDelayMs();
        m_status.nextAttemptMs = nowMs + delayMs;
        spdlog::info("sync round failed: {} ({}); next attempt in {} ms", outcome.error().message.toStdString(),
            errorCodeName(outcome.error().code), delayMs);
    }
    if (m_manualOffline)
        m_status.state = SyncState::Paused;
    refreshCounts();
    publish();
    if (m_roundTrustChanged)
        emit trustChanged();
    if (m_roundNotices)
        emit noticesChanged();
    m_roundTrustChanged = false;
    m_roundNotices = false;
    emit roundFinished(bool(outcome));
    if (m_manualOffline || !m_credentials)
        return;
    // After a failure the backoff wins over hints, so a broken hub never makes a tight loop.
    scheduleRound(outcome && m_roundWanted ? 0 : delayMs);
    m_roundWanted = false;
    if (outcome)
        connectRealtime();
}

void SyncEngine::refreshCounts()
{
    if (!m_db)
        return;
    Outbox outbox(*m_db);
    if (const Result<qint64> queued = outbox.count(); queued)
        m_status.queueLength = *queued;
    if (const Result<qint64> dead = outbox.deadLetterCount(); dead)
        m_status.deadLetters = *dead;
    if (const Result<qint64> open = SyncNoticeRepository(*m_db).openCount(); open)
        m_status.openNotices = *open;
    if (m_applier) {
        if (const Result<qint64> cursor = m_applier->cursor(); cursor)
            m_status.cursor = *cursor;
    }
}

void SyncEngine::publish()
{
    if (m_status == m_published)
        return;
    m_published = m_status;
    emit statusChanged(m_status);
}

void SyncEngine::connectRealtime()
{
    if (!m_options.realtime || !m_client || m_manualOffline || m_client->token().isEmpty())
        return;
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    if (!m_socket) {
        m_socket = std::make_unique<QWebSocket>();
        QWebSocket *socket = m_socket.get();
        connect(socket, &QWebSocket::connected, this, [this] {
            m_socketBackoff.reset();
            m_status.realtime = true;
            publish();
            // The hub may have come back: try now rather than at the end of the wait. The backoff
            // is not reset, so a hub that accepts sockets but fails requests still gets slower.
            if (m_status.state == SyncState::Offline)
                scheduleRound(0);
        });
        connect(socket, &QWebSocket::disconnected, this, [this] {
            m_status.realtime = false;
            publish();
            if (!m_manualOffline && m_client && !m_socketRetryTimer.isActive())
                m_socketRetryTimer.start(int(m_socketBackoff.nextDelayMs()));
        });
        // A refused or failed opening may end without `disconnected`: retry from here too.
        connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState && !m_manualOffline && m_client
                    && !m_socketRetryTimer.isActive())
                    m_socketRetryTimer.start(int(m_socketBackoff.nextDelayMs()));
            });
        connect(socket, &QWebSocket::textMessageReceived, this, &SyncEngine::onSocketMessage);
    }
    QNetworkRequest request(m_client->notificationsUrl());
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_client->token().toUtf8());
    m_socket->open(request);
}

void SyncEngine::dropConnection()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket.release();
    socket->disconnect(this);
    socket->abort();
    // Deleted later: this may run inside one of the socket's own signals.
    socket->deleteLater();
    if (m_status.realtime) {
        m_status.realtime = false;
        publish();
    }
}

Result<qint64> SyncEngine::notifySeq() const
{
    Result<QSqlQuery> query
        = sql::run(m_db->connection(), QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {kNotifySeqKey});
    if (!query)
        return std::unexpected(query.error());
    return query->next() ? query->value(0).toLongLong() : qint64(-1);
}

Status SyncEngine::storeNotifySeq(qint64 seq)
{
    Result<QSqlQuery> query = sql::run(m_db->connection(),
        QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {kNotifySeqKey, QString::number(seq)});
    if (!query)
        return std::unexpected(query.error());
    return {};
}

void SyncEngine::onSocketMessage(const QString &message)
{
    if (!m_db)
        return;
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("hello")) {
        onHello(object);
    } else if (type == QLatin1String("changes")) {
        const qint64 latestSeq = object.value(QStringLiteral("latestSeq")).toInteger();
        if (latestSeq > m_status.cursor && m_status.state != SyncState::Offline)
            scheduleRound(0);
    } else if (type == QLatin1String("notification")) {
        recordNotification(object);
    } else if (type == QLatin1String("error")) {
        spdlog::warn("hub notification socket: {}", object.value(QStringLiteral("message")).toString().toStdString());
    }
}

// The first connection starts from the hub's current position (older notifications were for
// whoever was there then); after a reconnect the hub replays what this desk missed.
void SyncEngine::onHello(const QJsonObject &hello)
{
    // Changes made while the socket was down come with the next round, at once.
    if (hello.value(QStringLiteral("changeSeq")).toInteger() > m_status.cursor && m_status.state != SyncState::Offline)
        scheduleRound(0);
    const qint64 hubSeq = hello.value(QStringLiteral("notificationSeq")).toInteger();
    const Result<qint64> stored = notifySeq();
    if (!stored)
        return;
    if (*stored < 0) {
        if (Status kept = storeNotifySeq(hubSeq); !kept)
            spdlog::warn("sync: notification position not stored: {}", kept.error().message.toStdString());
        return;
    }
    if (*stored < hubSeq && m_socket) {
        const QJsonObject resume {
            {QStringLiteral("type"), QStringLiteral("resume")}, {QStringLiteral("notificationSeq"), *stored}};
        m_socket->sendTextMessage(jsonText(resume));
    }
}

void SyncEngine::recordNotification(const QJsonObject &notification)
{
    const qint64 seq = notification.value(QStringLiteral("seq")).toInteger();
    const QString kind = notification.value(QStringLiteral("kind")).toString();
    const QJsonObject payload = notification.value(QStringLiteral("payload")).toObject();
    SyncNotice notice;
    notice.createdAtMs = m_clock.nowMs();
    notice.detailJson = jsonText(payload);
    if (kind == QLatin1String("card.flagged")) {
        notice.kind = SyncNoticeKind::CardOverdrawn;
        notice.entity = QStringLiteral("card");
        notice.entityId = payload.value(QStringLiteral("cardId")).toString();
        notice.message = tr("Card %1 was used at more than one site while offline and is overdrawn "
                            "(visits left %2, balance %3 fen).")
                             .arg(payload.value(QStringLiteral("cardNo")).toString())
                             .arg(payload.value(QStringLiteral("visitsLeft")).toInteger())
                             .arg(payload.value(QStringLiteral("balanceFen")).toInteger());
    } else if (kind == QLatin1String("booking.rejected")) {
        notice.kind = SyncNoticeKind::BookingRejected;
        notice.entity = QStringLiteral("booking");
        notice.entityId = payload.value(QStringLiteral("bookingId")).toString();
        const QString bookingNo = payload.value(QStringLiteral("bookingNo")).toString();
        notice.message = tr("The hub rejected booking %1: the venue or class is full or the time overlaps.")
                             .arg(bookingNo.isEmpty() ? notice.entityId : bookingNo);
    }
    const Status recorded = m_db->transaction([&]() -> Status {
        if (notice.kind != SyncNoticeKind::Invalid && !notice.entityId.isEmpty()) {
            if (Result<qint64> id = SyncNoticeRepository(*m_db).record(notice); !id)
                return std::unexpected(id.error());
        }
        const Result<qint64> stored = notifySeq();
        if (stored && seq > *stored)
            return storeNotifySeq(seq);
        return {};
    });
    if (!recorded) {
        spdlog::warn("sync: notification {} not recorded: {}", seq, recorded.error().message.toStdString());
        return;
    }
    if (notice.kind != SyncNoticeKind::Invalid) {
        refreshCounts();
        publish();
        emit noticesChanged();
    }
}

void SyncEngine::syncNow()
{
    if (m_manualOffline || !m_credentials)
        return;
    m_backoff.reset();
    if (m_inRound) {
        m_roundWanted = true;
        return;
    }
    m_roundTimer.stop();
    scheduleRound(0);
}

void SyncEngine::setManualOffline(bool offline)
{
    if (offline == m_manualOffline)
        return;
    m_manualOffline = offline;
    if (offline) {
        m_roundTimer.stop();
        m_socketRetryTimer.stop();
        m_roundWanted = false;
        dropConnection();
        if (m_credentials)
            m_status.state = SyncState::Paused;
        publish();
        return;
    }
    if (!m_credentials || !m_db)
        return;
    m_status.state = SyncState::Connecting;
    publish();
    m_backoff.reset();
    scheduleRound(0);
}

void SyncEngine::testConnection(const QString &hubUrl)
{
    if (!m_db) {
        emit testFinished(
            false, m_status.lastError.isEmpty() ? tr("The sync service has not started.") : m_status.lastError, {});
        return;
    }
    Enrollment enrollment(*m_db, m_clock, m_options.keyDirectory, m_options.credentialsPath);
    const Result<QString> version = enrollment.testConnection(hubUrl, m_options.requestTimeoutMs);
    if (!version) {
        emit testFinished(false, version.error().message, {});
        return;
    }
    emit testFinished(true, {}, *version);
}

void SyncEngine::enroll(const QString &hubUrl, const QString &code, const QString &deviceName, const QString &staffId)
{
    if (!m_db || !m_lock) {
        emit enrollFinished(
            false, m_status.lastError.isEmpty() ? tr("The sync service has not started.") : m_status.lastError);
        return;
    }
    if (m_credentials || m_inRound) {
        emit enrollFinished(false, tr("This desk is already enrolled with a hub."));
        return;
    }
    Enrollment enrollment(*m_db, m_clock, m_options.keyDirectory, m_options.credentialsPath);
    const Result<HubCredentials> enrolled
        = enrollment.enroll({hubUrl, code, deviceName, staffId, m_options.deviceKind});
    if (!enrolled) {
        emit enrollFinished(false, enrolled.error().message);
        return;
    }
    if (Status loaded = loadCredentials(); !loaded || !m_credentials) {
        emit enrollFinished(false, loaded ? tr("The hub credentials could not be read.") : loaded.error().message);
        return;
    }
    m_status.state = m_manualOffline ? SyncState::Paused : SyncState::Connecting;
    m_status.lastError.clear();
    refreshCounts();
    publish();
    emit enrollFinished(true, {});
    emit trustChanged(); // enrollment brought the chain's keys
    scheduleRound(0);
}

void SyncEngine::unenroll(const QString &staffId)
{
    if (!m_db || m_inRound) {
        m_status.lastError = tr("The desk is syncing right now; try again in a moment.");
        publish();
        return;
    }
    Enrollment enrollment(*m_db, m_clock, m_options.keyDirectory, m_options.credentialsPath);
    if (Status removed = enrollment.unenroll(staffId); !removed) {
        m_status.lastError = removed.error().message;
        publish();
        return;
    }
    m_roundTimer.stop();
    m_socketRetryTimer.stop();
    dropConnection();
    m_pump.reset();
    m_applier.reset();
    m_client.reset();
    m_credentials.reset();
    m_status = SyncStatus {};
    m_status.state = SyncState::NotEnrolled;
    refreshCounts();
    publish();
}

} // namespace gymgate
