#include "SyncModule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

#include "ChangeLog.h"
#include "EventApplier.h"
#include "HubDatabase.h"
#include "HubPrincipal.h"
#include "HubRouter.h"
#include "HubSql.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SyncModule)
};

const QStringList kEventFields {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("at"),
    QStringLiteral("device"), QStringLiteral("staff"), QStringLiteral("data")};

EventOutcome rejected(const QString &reason, const QString &field, const QString &message)
{
    return EventOutcome {EventStatus::Rejected, reason, field, message, false};
}

bool isUuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

// The event's envelope as DESIGN §9 has it, or the rejection naming the bad member.
std::variant<SyncEvent, EventOutcome> parseEvent(const QJsonValue &value)
{
    if (!value.isObject())
        return rejected(rejection::FieldInvalid, QStringLiteral("event"), Text::tr("An event must be a JSON object."));
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!kEventFields.contains(it.key()))
            return rejected(
                rejection::FieldInvalid, it.key(), Text::tr("The event member %1 is unknown.").arg(it.key()));
    }
    SyncEvent event;
    const QJsonValue id = object.value(QStringLiteral("id"));
    if (!id.isString() || !isUuid(id.toString()))
        return rejected(rejection::FieldInvalid, QStringLiteral("id"), Text::tr("The event's id must be a UUID."));
    event.id = id.toString().toLower();
    const QJsonValue type = object.value(QStringLiteral("type"));
    if (!type.isString() || type.toString().isEmpty() || type.toString().size() > 64)
        return rejected(rejection::FieldInvalid, QStringLiteral("type"),
            Text::tr("The event's type must be a text of 1 to 64 characters."));
    event.type = type.toString();
    const QJsonValue at = object.value(QStringLiteral("at"));
    const double atMs = at.toDouble();
    if (!at.isDouble() || atMs != double(qint64(atMs)) || atMs <= 0 || atMs > 1e15)
        return rejected(rejection::FieldInvalid, QStringLiteral("at"),
            Text::tr("The event's at must be a time in UTC milliseconds."));
    event.atMs = qint64(atMs);
    const QJsonValue device = object.value(QStringLiteral("device"));
    if (!device.isString())
        return rejected(rejection::FieldInvalid, QStringLiteral("device"), Text::tr("The event's device is missing."));
    event.device = device.toString();
    const QJsonValue staff = object.value(QStringLiteral("staff"));
    if (!staff.isUndefined() && !staff.isNull() && (!staff.isString() || staff.toString().size() > 64))
        return rejected(
            rejection::FieldInvalid, QStringLiteral("staff"), Text::tr("The event's staff must be a staff id."));
    event.staff = staff.toString();
    const QJsonValue data = object.value(QStringLiteral("data"));
    if (!data.isObject())
        return rejected(
            rejection::FieldInvalid, QStringLiteral("data"), Text::tr("The event's data must be a JSON object."));
    event.data = data.toObject();
    return event;
}

QJsonObject resultJson(const QJsonValue &id, const EventOutcome &outcome)
{
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("status"), eventStatusName(outcome.status)}};
    if (outcome.status == EventStatus::Rejected) {
        json.insert(QStringLiteral("reason"), outcome.reason);
        if (!outcome.field.isEmpty())
            json.insert(QStringLiteral("field"), outcome.field);
        json.insert(QStringLiteral("message"), outcome.message);
    }
    return json;
}

QJsonObject flagJson(const QSqlQuery &row)
{
    const auto optionalInt = [&row](int column) {
        return row.value(column).isNull() ? QJsonValue() : QJsonValue(row.value(column).toLongLong());
    };
    return QJsonObject {{QStringLiteral("id"), row.value(0).toString()},
        {QStringLiteral("kind"), row.value(1).toString()}, {QStringLiteral("entity"), row.value(2).toString()},
        {QStringLiteral("entityId"), row.value(3).toString()},
        {QStringLiteral("siteId"), row.value(4).isNull() ? QString() : row.value(4).toString()},
        {QStringLiteral("detail"), QJsonDocument::fromJson(row.value(5).toString().toUtf8()).object()},
        {QStringLiteral("createdAt"), row.value(6).toLongLong()}, {QStringLiteral("resolvedAt"), optionalInt(7)},
        {QStringLiteral("resolvedBy"), optionalInt(8)}};
}

const QString kFlagColumns
    = QStringLiteral("id, kind, entity, entity_id, site_id, detail, created_at, resolved_at, resolved_by");

} // namespace

void SyncModule::registerRoutes(HubRouter &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/changes"),
        QStringLiteral("Changes since a cursor (sync pull): ?since=<seq>&limit=<1..1000>"),
        QStringList {role::Admin, role::Device}, [this](const HubRequest &request) { return changes(request); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/sync/events"),
        QStringLiteral("Push outbox events (sync push), each applied exactly once"), role::Devices,
        [this](const HubRequest &request) { return pushEvents(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/flags"),
        QStringLiteral("Open flags for staff: ?kind=card_overdrawn|booking_rejected"), role::FrontDesk,
        [this](const HubRequest &request) { return flags(request); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/flags/{flagId}/resolve"),
        QStringLiteral("Resolve a flag"), role::AdminOnly,
        [this](const HubRequest &request) { return resolveFlag(request); });
}

// ---------------------------------------------------------------- pull

HubResponse SyncModule::changes(const HubRequest &request)
{
    const Result<qint64> since
        = request.queryInteger(QStringLiteral("since"), 0, 0, std::numeric_limits<qint64>::max());
    if (!since)
        return HubResponse::fromError(since.error());
    const Result<qint64> limit = request.queryInteger(QStringLiteral("limit"), DefaultPageSize, 1, MaxPageSize);
    if (!limit)
        return HubResponse::fromError(limit.error());
    const Result<ChangePage> page = ChangeLog(database()).page(*since, int(*limit));
    if (!page)
        return HubResponse::fromError(page.error());
    QJsonArray changes;
    for (const Change &change : page->changes)
        changes.append(changeToJson(change));
    return HubResponse::ok(QJsonObject {{QStringLiteral("changes"), changes}, {QStringLiteral("next"), page->next},
        {QStringLiteral("hasMore"), page->hasMore}});
}

// ---------------------------------------------------------------- push

HubResponse SyncModule::pushEvents(const HubRequest &request)
{
    if (Status body = request.requireObject({QStringLiteral("events")}); !body)
        return HubResponse::fromError(body.error());
    const QJsonValue events = request.json.toObject().value(QStringLiteral("events"));
    if (!events.isArray() || events.toArray().isEmpty() || events.toArray().size() > MaxEventsPerPush)
        return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
            Text::tr("events must be an array of 1 to %1 events.").arg(MaxEventsPerPush), QStringLiteral("events")});
    QJsonArray results;
    // In array order: the desk's outbox order is the order its changes were made.
    for (const QJsonValue &value : events.toArray()) {
        const QJsonValue id = value.toObject().value(QStringLiteral("id"));
        const QJsonValue shownId = id.isString() ? id : QJsonValue();
        std::variant<SyncEvent, EventOutcome> parsed = parseEvent(value);
        if (std::holds_alternative<EventOutcome>(parsed)) {
            results.append(resultJson(shownId, std::get<EventOutcome>(parsed)));
            continue;
        }
        const SyncEvent &event = std::get<SyncEvent>(parsed);
        if (event.device != request.principal.deviceId) {
            results.append(resultJson(shownId,
                rejected(rejection::ForeignDevice, QStringLiteral("device"),
                    Text::tr("The event's device is not the device of the token."))));
            continue;
        }
        const Result<EventOutcome> outcome = pushOne(event, request.principal);
        if (!outcome)
            return HubResponse::fromError(outcome.error());
        results.append(resultJson(shownId, *outcome));
    }
    return HubResponse::ok(QJsonObject {{QStringLiteral("results"), results}});
}

Result<EventOutcome> SyncModule::pushOne(const SyncEvent &event, const HubPrincipal &device)
{
    EventOutcome outcome;
    bool refused = false; // rolled back on purpose: nothing of the event may stay
    const Status done = database().transaction([&]() -> Status {
        // The change-log lock first, in every push transaction: row locks are then always taken
        // after it, never before, so two hub instances applying events to the same card cannot
        // deadlock against each other's change-log lock. The statement claiming the event's row
        // takes it before its insert. That row comes first: an id seen before (on any hub
        // instance; PostgreSQL waits for a concurrent insert of the same id to commit) is a
        // duplicate and changes nothing.
        const Result<int> claimed = sql::affected(database(),
            database().changeOrderLockClause()
                + QStringLiteral("INSERT INTO hub_sync_event (id, device_id, type, at, received_at, result) "
                                 "SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), "
                                 "CAST(? AS BIGINT), 'ok' FROM change_order WHERE 1 = 1 ON CONFLICT (id) DO NOTHING"),
            {event.id, device.deviceId, event.type, event.atMs, sql::nowMs()});
        if (!claimed)
            return std::unexpected(claimed.error());
        database().changeOrderLocked();
        if (*claimed == 0) {
            outcome.status = EventStatus::Duplicate;
            return {};
        }
        EventApplier applier(database(), device.siteId, device.deviceId);
        const Result<EventOutcome> applied = applier.apply(event);
        if (!applied && !EventApplier::reasonFor(applied.error()).isEmpty()) {
            refused = true;
            outcome = EventOutcome {EventStatus::Rejected, EventApplier::reasonFor(applied.error()),
                applied.error().field, applied.error().message, false};
            return std::unexpected(applied.error());
        }
        if (!applied)
            return std::unexpected(applied.error());
        outcome = *applied;
        if (outcome.status == EventStatus::Rejected && !outcome.keepChanges) {
            refused = true;
            return fail(ErrorCode::Conflict, outcome.message);
        }
        if (outcome.status != EventStatus::Rejected)
            return {};
        const Result<int> marked = sql::affected(database(),
            QStringLiteral("UPDATE hub_sync_event SET result = 'rejected', reason = ? WHERE id = ?"),
            {outcome.reason, event.id});
        return marked ? Status {} : std::unexpected(marked.error());
    });
    if (done)
        return outcome;
    if (!refused)
        return std::unexpected(done.error());
    if (Status recorded = recordRejected(event, outcome); !recorded)
        return std::unexpected(recorded.error());
    return outcome;
}

// A refused event is remembered too, so a second push of it is a `duplicate` like any other.
Status SyncModule::recordRejected(const SyncEvent &event, const EventOutcome &outcome)
{
    return database().transaction([&]() -> Status {
        const Result<int> inserted = sql::affected(database(),
            QStringLiteral("INSERT INTO hub_sync_event (id, device_id, type, at, received_at, result, reason) "
                           "VALUES (?, ?, ?, ?, ?, 'rejected', ?) ON CONFLICT (id) DO NOTHING"),
            {event.id, event.device, event.type, event.atMs, sql::nowMs(), outcome.reason});
        return inserted ? Status {} : std::unexpected(inserted.error());
    });
}

// ---------------------------------------------------------------- flags

HubResponse SyncModule::flags(const HubRequest &request)
{
    const QString kind = request.queryString(QStringLiteral("kind"));
    if (kind.size() > 64)
        return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
            Text::tr("The parameter \"kind\" is longer than 64 characters."), QStringLiteral("kind")});
    const Result<qint64> limit = request.queryInteger(QStringLiteral("limit"), 200, 1, 1000);
    if (!limit)
        return HubResponse::fromError(limit.error());
    Result<QSqlQuery> query = sql::exec(database().database(),
        QStringLiteral("SELECT %1 FROM hub_flag WHERE resolved_at IS NULL AND (? = '' OR kind = ?) "
                       "ORDER BY created_at, id LIMIT ?")
            .arg(kFlagColumns),
        {kind, kind, *limit});
    if (!query)
        return HubResponse::fromError(query.error());
    QJsonArray list;
    QSqlQuery row = std::move(*query);
    while (row.next())
        list.append(flagJson(row));
    return HubResponse::ok(QJsonObject {{QStringLiteral("flags"), list}});
}

HubResponse SyncModule::resolveFlag(const HubRequest &request)
{
    if (!request.json.isUndefined() && !request.json.isNull()) { // no body at all is fine
        if (Status body = request.requireObject({}); !body)
            return HubResponse::fromError(body.error());
    }
    const QString flagId = request.pathParams.value(QStringLiteral("flagId"));
    QJsonObject resolved;
    const Status done = database().transaction([&]() -> Status {
        Result<QSqlQuery> changed = sql::exec(database().database(),
            QStringLiteral("UPDATE hub_flag SET resolved_at = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL"),
            {sql::nowMs(), request.principal.userId, flagId});
        if (!changed)
            return std::unexpected(changed.error());
        const bool updated = changed->numRowsAffected() > 0;
        Result<QSqlQuery> query = sql::exec(
            database().database(), QStringLiteral("SELECT %1 FROM hub_flag WHERE id = ?").arg(kFlagColumns), {flagId});
        if (!query)
            return std::unexpected(query.error());
        QSqlQuery row = std::move(*query);
        if (!row.next())
            return fail(ErrorCode::NotFound, Text::tr("There is no flag %1.").arg(flagId), QStringLiteral("flagId"));
        if (!updated)
            return fail(ErrorCode::Conflict, Text::tr("The flag %1 is resolved already.").arg(flagId),
                QStringLiteral("flagId"));
        resolved = flagJson(row);
        return {};
    });
    if (!done)
        return HubResponse::fromError(done.error());
    return HubResponse::ok(resolved);
}

} // namespace gymgate::hub
