#include "sync/OutboxPump.h"

#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/HubClient.h"

#include <algorithm>

namespace gymgate {

namespace {

// How a dead letter records the hub's verdict: "<reason>: <message> (<field>)".
QString deadLetterReason(const HubPushResult &result)
{
    QString text = result.reason.isEmpty() ? QStringLiteral("rejected") : result.reason;
    if (!result.message.isEmpty())
        text += QStringLiteral(": ") + result.message;
    if (!result.field.isEmpty())
        text += QStringLiteral(" (") + result.field + QLatin1Char(')');
    return text;
}

} // namespace

OutboxPump::OutboxPump(Database &db, HubClient &client, const Clock &clock) : m_db(db), m_client(client), m_clock(clock)
{ }

Result<PushOutcome> OutboxPump::pushBatch(int batchSize)
{
    Outbox outbox(m_db);
    Result<QList<OutboxItem>> items = outbox.peek(std::clamp(batchSize, 1, 500));
    if (!items)
        return std::unexpected(items.error());
    PushOutcome outcome;
    if (items->isEmpty())
        return outcome;

    QList<OutboxEvent> events;
    events.reserve(items->size());
    for (const OutboxItem &item : std::as_const(*items))
        events.append(item.event);
    Result<QList<HubPushResult>> results = m_client.pushEvents(events);
    const qint64 nowMs = m_clock.nowMs();
    if (!results) {
        // The hub may have applied any part of the batch: keep it all, in order; the retry gets
        // `duplicate` for what arrived. A non-transient failure (a refused token) is the
        // caller's to fix and costs the events no attempt.
        if (HubClient::isTransient(results.error())) {
            Status marked = m_db.transaction([&]() -> Status {
                for (const OutboxItem &item : std::as_const(*items)) {
                    if (Status failed = outbox.markFailed(item.seq, results.error().message, nowMs); !failed)
                        return failed;
                }
                return {};
            });
            if (!marked)
                return std::unexpected(marked.error());
        }
        return std::unexpected(results.error());
    }

    outcome.sent = int(items->size());
    Status applied = m_db.transaction([&]() -> Status {
        QList<QString> delivered;
        for (qsizetype i = 0; i < items->size(); ++i) {
            const HubPushResult &result = results->at(i);
            if (result.status == QLatin1String("rejected")) {
                if (Status moved = outbox.moveToDeadLetter(items->at(i).seq, deadLetterReason(result), nowMs); !moved)
                    return moved;
                ++outcome.rejected;
                continue;
            }
            delivered.append(result.eventId);
            ++(result.status == QLatin1String("duplicate") ? outcome.duplicates : outcome.delivered);
        }
        Result<int> removed = outbox.remove(delivered);
        return removed ? Status {} : Status(std::unexpected(removed.error()));
    });
    if (!applied)
        return std::unexpected(applied.error());
    Result<qint64> left = outbox.count();
    if (!left)
        return std::unexpected(left.error());
    outcome.more = *left > 0;
    return outcome;
}

} // namespace gymgate
