#include "sync/SyncService.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/SyncNoticeRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gymgate {

namespace {

const QString kDeadLetterEntity = QStringLiteral("dead_letter");

SyncDeadLetter toSyncDeadLetter(const DeadLetter &letter)
{
    SyncDeadLetter result;
    result.seq = letter.seq;
    result.eventId = letter.event.eventId;
    result.type = letter.event.type;
    result.atMs = letter.event.atMs;
    result.staff = letter.event.staff;
    result.dataJson = QString::fromUtf8(QJsonDocument(letter.event.data).toJson(QJsonDocument::Indented));
    result.reason = letter.reason;
    result.failedAtMs = letter.failedAtMs;
    return result;
}

} // namespace

SyncService::SyncService(SyncEngineOptions options, Database &db, const Clock &clock, QObject *parent)
    : SyncControl(parent), m_db(db), m_clock(clock)
{
    qRegisterMetaType<gymgate::SyncStatus>("gymgate::SyncStatus");
    m_thread.setObjectName(QStringLiteral("sync"));
    m_engine = new SyncEngine(std::move(options), clock);
    m_engine->moveToThread(&m_thread);
    // Deleted on its own thread as the thread ends: its database connection and sockets belong
    // to that thread.
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::statusChanged, this, [this](const SyncStatus &status) {
        m_status = status;
        emit statusChanged(status);
    });
    connect(m_engine, &SyncEngine::testFinished, this, &SyncControl::testFinished);
    connect(m_engine, &SyncEngine::enrollFinished, this, &SyncControl::enrollFinished);
    connect(m_engine, &SyncEngine::noticesChanged, this, &SyncControl::noticesChanged);
    connect(m_engine, &SyncEngine::trustChanged, this, &SyncControl::trustChanged);
    m_thread.start();
}

SyncService::~SyncService()
{
    if (m_thread.isRunning()) {
        SyncEngine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine] { engine->stop(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void SyncService::start()
{
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine] { (void)engine->start(); }, Qt::QueuedConnection);
}

void SyncService::testConnection(const QString &hubUrl)
{
    QMetaObject::invokeMethod(m_engine, "testConnection", Qt::QueuedConnection, Q_ARG(QString, hubUrl));
}

void SyncService::enroll(const QString &hubUrl, const QString &code, const QString &deviceName, const QString &staffId)
{
    QMetaObject::invokeMethod(m_engine, "enroll", Qt::QueuedConnection, Q_ARG(QString, hubUrl), Q_ARG(QString, code),
        Q_ARG(QString, deviceName), Q_ARG(QString, staffId));
}

Status SyncService::unenroll(const QString &staffId)
{
    SyncEngine *engine = m_engine;
    SyncStatus after;
    QMetaObject::invokeMethod(
        engine,
        [engine, staffId, &after] {
            engine->unenroll(staffId);
            after = engine->status();
        },
        Qt::BlockingQueuedConnection);
    m_status = after;
    if (after.state != SyncState::NotEnrolled)
        return fail(ErrorCode::Conflict,
            after.lastError.isEmpty() ? tr("The desk could not leave the hub.") : after.lastError,
            QStringLiteral("hubUrl"));
    return {};
}

void SyncService::syncNow()
{
    QMetaObject::invokeMethod(m_engine, "syncNow", Qt::QueuedConnection);
}

void SyncService::setManualOffline(bool offline)
{
    QMetaObject::invokeMethod(m_engine, "setManualOffline", Qt::QueuedConnection, Q_ARG(bool, offline));
}

Result<QList<SyncDeadLetter>> SyncService::deadLetters(int limit) const
{
    const Result<QList<DeadLetter>> letters = Outbox(m_db).deadLetters(limit);
    if (!letters)
        return std::unexpected(letters.error());
    QList<SyncDeadLetter> result;
    result.reserve(letters->size());
    for (const DeadLetter &letter : *letters)
        result.append(toSyncDeadLetter(letter));
    return result;
}

// Runs `change` on the dead letter `seq` and audits it as `action` with the detail `change`
// returns, in one transaction: the letter and its audit row change together or not at all.
Status SyncService::changeDeadLetter(qint64 seq, const QString &staffId, const QString &action,
    const std::function<Result<QJsonObject>(Outbox &, const DeadLetter &)> &change)
{
    const qint64 nowMs = m_clock.nowMs();
    const Status changed = m_db.transaction([&]() -> Status {
        Outbox outbox(m_db);
        const Result<std::optional<DeadLetter>> letter = outbox.deadLetter(seq);
        if (!letter)
            return std::unexpected(letter.error());
        if (!letter->has_value())
            return fail(
                ErrorCode::NotFound, tr("The refused event %1 does not exist.").arg(seq), QStringLiteral("seq"));
        Result<QJsonObject> detail = change(outbox, **letter);
        if (!detail)
            return std::unexpected(detail.error());
        detail->insert(QStringLiteral("eventId"), (*letter)->event.eventId);
        detail->insert(QStringLiteral("type"), (*letter)->event.type);
        detail->insert(QStringLiteral("reason"), (*letter)->reason);
        return AuditLog(m_db).append(staffId, action, kDeadLetterEntity, QString::number(seq), *detail, nowMs);
    });
    if (!changed)
        return changed;
    emit noticesChanged();
    return {};
}

Status SyncService::retryDeadLetter(qint64 seq, const QString &staffId)
{
    const Status retried = changeDeadLetter(seq, staffId, QStringLiteral("sync.dead_letter_retry"),
        [this, seq](Outbox &outbox, const DeadLetter &) -> Result<QJsonObject> {
            const Result<QString> newId = outbox.requeueDeadLetter(seq, m_clock.nowMs());
            if (!newId)
                return std::unexpected(newId.error());
            return QJsonObject {{QStringLiteral("newEventId"), *newId}};
        });
    if (retried)
        syncNow();
    return retried;
}

Status SyncService::discardDeadLetter(qint64 seq, const QString &staffId)
{
    return changeDeadLetter(seq, staffId, QStringLiteral("sync.dead_letter_discard"),
        [seq](Outbox &outbox, const DeadLetter &letter) -> Result<QJsonObject> {
            if (Status removed = outbox.removeDeadLetter(seq); !removed)
                return std::unexpected(removed.error());
            return QJsonObject {{QStringLiteral("data"), letter.event.data}};
        });
}

Result<QList<SyncNotice>> SyncService::notices(bool includeAcknowledged, int limit) const
{
    return SyncNoticeRepository(m_db).list(includeAcknowledged, limit);
}

Status SyncService::acknowledgeNotice(qint64 id, const QString &staffId)
{
    const qint64 nowMs = m_clock.nowMs();
    const Status acknowledged = m_db.transaction([&]() -> Status {
        if (Status done = SyncNoticeRepository(m_db).acknowledge(id, staffId, nowMs); !done)
            return done;
        return AuditLog(m_db).append(staffId, QStringLiteral("sync.notice_ack"), QStringLiteral("sync_notice"),
            QString::number(id), QJsonObject {}, nowMs);
    });
    if (!acknowledged)
        return acknowledged;
    emit noticesChanged();
    return {};
}

} // namespace gymgate
