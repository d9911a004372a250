#include "store/Outbox.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gymgate {

namespace {

const QString kEventColumns = QStringLiteral("seq, event_id, type, at, device, staff, data");

OutboxEvent readEvent(const QSqlQuery &query)
{
    OutboxEvent event;
    event.eventId = query.value(1).toString();
    event.type = query.value(2).toString();
    event.atMs = query.value(3).toLongLong();
    event.device = query.value(4).toString();
    event.staff = query.value(5).toString();
    event.data = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    return event;
}

QString eventWhat()
{
    return QCoreApplication::translate("Store", "The queued event");
}

} // namespace

Outbox::Outbox(Database &db) : m_db(db), m_insert(db.connection()), m_device(db.connection())
{ }

Status Outbox::ensurePrepared()
{
    if (m_prepared)
        return {};
    m_device.setForwardOnly(true);
    if (Status prepared = sql::prepare(m_device, QStringLiteral("SELECT value FROM setting WHERE key = 'device.id'"));
        !prepared)
        return prepared;
    if (Status prepared = sql::prepare(m_insert,
            QStringLiteral("INSERT INTO outbox (event_id, type, at, device, "
                           "staff, data) VALUES (?, ?, ?, ?, ?, ?)"));
        !prepared)
        return prepared;
    m_prepared = true;
    return {};
}

Result<QString> Outbox::deviceId()
{
    if (Status done = sql::exec(m_device); !done)
        return std::unexpected(done.error());
    const QString id = m_device.next() ? m_device.value(0).toString() : QString();
    m_device.finish();
    return id;
}

Status Outbox::append(const OutboxEvent &event)
{
    // The event must commit with the change it describes; outside a transaction it would be
    // durable on its own and could announce a change that never happened.
    if (!m_db.inTransaction())
        return fail(ErrorCode::Internal,
            QCoreApplication::translate("Store", "An outbox event was written outside a transaction."));
    if (event.type.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The event has no type."),
            QStringLiteral("type"));
    if (Status prepared = ensurePrepared(); !prepared)
        return prepared;
    QString device = event.device;
    if (device.isEmpty()) {
        Result<QString> id = deviceId();
        if (!id)
            return std::unexpected(id.error());
        device = *id;
    }
    m_insert.bindValue(0, sql::bindable(event.eventId.isEmpty() ? sql::newId() : event.eventId));
    m_insert.bindValue(1, sql::bindable(event.type));
    m_insert.bindValue(2, sql::bindable(event.atMs));
    m_insert.bindValue(3, sql::bindable(device));
    m_insert.bindValue(4, sql::bindable(event.staff));
    m_insert.bindValue(5, sql::bindable(QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact))));
    Status done = sql::exec(m_insert);
    m_insert.finish();
    return done;
}

Result<QList<OutboxItem>> Outbox::peek(int limit) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kEventColumns
            + QStringLiteral(", attempts, next_attempt_at, last_error FROM outbox "
                             "ORDER BY seq LIMIT ?"),
        {limit});
    if (!query)
        return std::unexpected(query.error());
    QList<OutboxItem> items;
    while (query->next()) {
        OutboxItem item;
        item.seq = query->value(0).toLongLong();
        item.event = readEvent(*query);
        item.attempts = query->value(7).toInt();
        item.nextAttemptAtMs = query->value(8).toLongLong();
        item.lastError = query->value(9).toString();
        items.append(std::move(item));
    }
    return items;
}

Result<int> Outbox::remove(const QList<QString> &eventIds)
{
    return m_db.transaction<int>([&]() -> Result<int> {
        QSqlQuery query(m_db.connection());
        if (Status prepared = sql::prepare(query, QStringLiteral("DELETE FROM outbox WHERE event_id = ?")); !prepared)
            return std::unexpected(prepared.error());
        int removed = 0;
        for (const QString &id : eventIds) {
            query.bindValue(0, id);
            if (Status done = sql::exec(query); !done)
                return std::unexpected(done.error());
            removed += query.numRowsAffected();
        }
        return removed;
    });
}

Status Outbox::markFailed(qint64 seq, const QString &error, qint64 nextAttemptAtMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                       "next_attempt_at = ? WHERE seq = ?"),
        {error, nextAttemptAtMs, seq}, eventWhat());
}

Status Outbox::moveToDeadLetter(qint64 seq, const QString &reason, qint64 atMs)
{
    return m_db.transaction([&]() -> Status {
        Result<QSqlQuery> moved = sql::run(m_db.connection(),
            QStringLiteral("INSERT INTO dead_letter (event_id, type, at, device, staff, "
                           "data, reason, failed_at) SELECT event_id, type, at, device, "
                           "staff, data, ?, ? FROM outbox WHERE seq = ?"),
            {reason, atMs, seq});
        if (!moved)
            return std::unexpected(moved.error());
        if (moved->numRowsAffected() <= 0)
            return std::unexpected(sql::notFound(eventWhat()));
        return sql::runUpdate(
            m_db.connection(), QStringLiteral("DELETE FROM outbox WHERE seq = ?"), {seq}, eventWhat());
    });
}

Result<qint64> Outbox::count() const
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox"));
}

Result<QList<DeadLetter>> Outbox::deadLetters(int limit) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kEventColumns
            + QStringLiteral(", reason, failed_at FROM dead_letter ORDER BY seq DESC "
                             "LIMIT ?"),
        {limit});
    if (!query)
        return std::unexpected(query.error());
    QList<DeadLetter> letters;
    while (query->next()) {
        DeadLetter letter;
        letter.seq = query->value(0).toLongLong();
        letter.event = readEvent(*query);
        letter.reason = query->value(7).toString();
        letter.failedAtMs = query->value(8).toLongLong();
        letters.append(std::move(letter));
    }
    return letters;
}

Result<qint64> Outbox::deadLetterCount() const
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM dead_letter"));
}

Status Outbox::removeDeadLetter(qint64 seq)
{
    return sql::runUpdate(m_db.connection(), QStringLiteral("DELETE FROM dead_letter WHERE seq = ?"), {seq},
        QCoreApplication::translate("Store", "The failed event"));
}

Result<std::optional<DeadLetter>> Outbox::deadLetter(qint64 seq) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kEventColumns
            + QStringLiteral(", reason, failed_at FROM dead_letter WHERE seq = ?"),
        {seq});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<DeadLetter> {};
    DeadLetter letter;
    letter.seq = query->value(0).toLongLong();
    letter.event = readEvent(*query);
    letter.reason = query->value(7).toString();
    letter.failedAtMs = query->value(8).toLongLong();
    return std::optional<DeadLetter> {std::move(letter)};
}

Result<QString> Outbox::requeueDeadLetter(qint64 seq, qint64 atMs)
{
    // The hub remembers every id it refused and would answer `duplicate`: the retry is a new event
    // with the same content (and the same `at`, which orders edits on the hub).
    const QString eventId = sql::newId();
    return m_db.transaction<QString>([&]() -> Result<QString> {
        Result<QSqlQuery> copied = sql::run(m_db.connection(),
            QStringLiteral("INSERT INTO outbox (event_id, type, at, device, staff, data, attempts, "
                           "next_attempt_at, last_error) SELECT ?, type, at, device, staff, data, 0, ?, '' "
                           "FROM dead_letter WHERE seq = ?"),
            {eventId, atMs, seq});
        if (!copied)
            return std::unexpected(copied.error());
        if (copied->numRowsAffected() <= 0)
            return fail(ErrorCode::NotFound, QCoreApplication::translate("Store", "No failed event %1.").arg(seq),
                QStringLiteral("seq"));
        if (Status removed = sql::runUpdate(m_db.connection(), QStringLiteral("DELETE FROM dead_letter WHERE seq = ?"),
                {seq}, QCoreApplication::translate("Store", "The failed event"));
            !removed)
            return std::unexpected(removed.error());
        return eventId;
    });
}

Status Outbox::reassignDevice(const QString &deviceId)
{
    if (deviceId.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The device id is missing."),
            QStringLiteral("deviceId"));
    // Dead letters too: a retried one is copied as it is and the hub refuses another device's id.
    return m_db.transaction([&]() -> Status {
        for (const QString &table : {QStringLiteral("outbox"), QStringLiteral("dead_letter")}) {
            Result<QSqlQuery> updated = sql::run(m_db.connection(),
                QStringLiteral("UPDATE ") + table + QStringLiteral(" SET device = ? WHERE device <> ?"),
                {deviceId, deviceId});
            if (!updated)
                return std::unexpected(updated.error());
        }
        return {};
    });
}

Result<qint64> Outbox::lastSeq() const
{
    return m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM outbox"));
}

} // namespace gymgate
