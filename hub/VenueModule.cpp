#include "VenueModule.h"

#include "core/Booking.h"
#include "core/SyncJson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

#include "ChangeLog.h"
#include "HubDatabase.h"
#include "HubSql.h"
#include "NotificationLog.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(VenueModule)
};

const QString kDefaultZone = QStringLiteral("Asia/Shanghai");
constexpr int kMaxCalendarDays = 62;

const QString kVenueColumns = QStringLiteral(
    "id, site_id, name, kind, description, capacity, status, opening_hours, booking_required, advance_days, "
    "max_active_bookings, cancel_hours, cancel_penalty_percent, fee_per_hour_fen, created_at, updated_at");

HubVenue readVenue(const QSqlQuery &query)
{
    HubVenue row;
    Venue &venue = row.venue;
    venue.id = query.value(0).toString();
    row.siteId = query.value(1).toString();
    venue.name = query.value(2).toString();
    venue.kind = venueKindFromName(query.value(3).toString());
    row.description = query.value(4).toString();
    venue.capacity = query.value(5).toInt();
    venue.status = venueStatusFromName(query.value(6).toString());
    venue.openingHours = WeeklySchedule::fromJson(query.value(7).toString().toUtf8()).value_or(WeeklySchedule());
    venue.bookingRequired = query.value(8).toLongLong() != 0;
    venue.advanceDays = query.value(9).toInt();
    venue.maxActiveBookings = query.value(10).toInt();
    venue.cancelHours = query.value(11).toInt();
    venue.cancelPenaltyPercent = query.value(12).toInt();
    venue.feePerHourFen = query.value(13).toLongLong();
    row.createdAtMs = query.value(14).toLongLong();
    row.updatedAtMs = query.value(15).toLongLong();
    return row;
}

QString venueIdOf(const HubRequest &request)
{
    return request.pathParams.value(QStringLiteral("venueId"));
}

// A null QString binds as SQL NULL; NOT NULL text columns get '' instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

HubResponse errorResponse(const Error &error)
{
    return HubResponse::fromError(error);
}

QJsonObject rulesJson(const Venue &venue)
{
    return {{QStringLiteral("venueId"), venue.id}, {QStringLiteral("advanceDays"), venue.advanceDays},
        {QStringLiteral("maxActiveBookings"), venue.maxActiveBookings},
        {QStringLiteral("cancelHours"), venue.cancelHours},
        {QStringLiteral("cancelPenaltyPercent"), venue.cancelPenaltyPercent},
        {QStringLiteral("bookingRequired"), venue.bookingRequired},
        {QStringLiteral("openingHours"), QJsonDocument::fromJson(venue.openingHours.toJson()).array()},
        {QStringLiteral("feePerHourFen"), venue.feePerHourFen}};
}

bool has(const HubRequest &request, const QString &field)
{
    const QJsonValue value = request.json.toObject().value(field);
    return !value.isUndefined() && !value.isNull();
}

// Reads the integer `field` into `target` when the body has it.
Status readInt(const HubRequest &request, const QString &field, qint64 min, qint64 max, int &target)
{
    if (!has(request, field))
        return {};
    Result<qint64> value = request.requireInteger(field, min, max);
    if (!value)
        return std::unexpected(value.error());
    target = int(*value);
    return {};
}

Status readOpeningHours(const HubRequest &request, Venue &venue)
{
    if (!has(request, QStringLiteral("openingHours")))
        return {};
    const QJsonValue value = request.json.toObject().value(QStringLiteral("openingHours"));
    if (!value.isArray())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"openingHours\" must be a list of {days, from, to} windows."),
            QStringLiteral("openingHours"));
    Result<WeeklySchedule> schedule
        = WeeklySchedule::fromJson(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (!schedule)
        return fail(ErrorCode::InvalidArgument, schedule.error().message,
            QStringLiteral("openingHours") + schedule.error().field);
    venue.openingHours = *schedule;
    return {};
}

// The booking rules of seed 000 (预约规则), each only when present; ranges as the desk's.
Status readRules(const HubRequest &request, Venue &venue)
{
    if (Status read = readInt(request, QStringLiteral("advanceDays"), 0, 365, venue.advanceDays); !read)
        return read;
    if (Status read = readInt(request, QStringLiteral("maxActiveBookings"), 0, 1000, venue.maxActiveBookings); !read)
        return read;
    if (Status read = readInt(request, QStringLiteral("cancelHours"), 0, 720, venue.cancelHours); !read)
        return read;
    if (Status read = readInt(request, QStringLiteral("cancelPenaltyPercent"), 0, 100, venue.cancelPenaltyPercent);
        !read)
        return read;
    if (has(request, QStringLiteral("bookingRequired"))) {
        Result<bool> required = request.optionalBool(QStringLiteral("bookingRequired"), false);
        if (!required)
            return std::unexpected(required.error());
        venue.bookingRequired = *required;
    }
    if (has(request, QStringLiteral("feePerHourFen"))) {
        Result<qint64> fee = request.requireInteger(QStringLiteral("feePerHourFen"), 0, 100'000'000);
        if (!fee)
            return std::unexpected(fee.error());
        venue.feePerHourFen = *fee;
    }
    return readOpeningHours(request, venue);
}

Result<VenueStatus> readStatus(const HubRequest &request)
{
    Result<QString> name = request.requireString(QStringLiteral("status"), 20);
    if (!name)
        return std::unexpected(name.error());
    const VenueStatus status = venueStatusFromName(*name);
    if (status == VenueStatus::Invalid)
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"status\" must be open, closed or maintenance."),
            QStringLiteral("status"));
    return status;
}

// Name, kind, description and capacity (required on create), then the rules.
Status readVenueFields(const HubRequest &request, HubVenue &row, bool creating)
{
    Venue &venue = row.venue;
    if (creating || has(request, QStringLiteral("name"))) {
        Result<QString> name = request.requireString(QStringLiteral("name"), 100);
        if (!name)
            return std::unexpected(name.error());
        venue.name = name->trimmed();
    }
    if (creating || has(request, QStringLiteral("kind"))) {
        Result<QString> kind = request.requireString(QStringLiteral("kind"), 20);
        if (!kind)
            return std::unexpected(kind.error());
        venue.kind = venueKindFromName(*kind);
        if (venue.kind == VenueKind::Invalid)
            return fail(ErrorCode::InvalidArgument,
                Text::tr("The field \"kind\" must be gym_floor, studio, court, pool or other."),
                QStringLiteral("kind"));
    }
    if (has(request, QStringLiteral("description"))) {
        Result<QString> description = request.optionalString(QStringLiteral("description"), {}, 2000);
        if (!description)
            return std::unexpected(description.error());
        row.description = description->trimmed();
    }
    if (Status read = readInt(request, QStringLiteral("capacity"), 0, 100'000, venue.capacity); !read)
        return read;
    if (creating && has(request, QStringLiteral("status"))) {
        Result<VenueStatus> status = readStatus(request);
        if (!status)
            return std::unexpected(status.error());
        venue.status = *status;
    }
    return readRules(request, venue);
}

const QStringList kRuleFields {QStringLiteral("advanceDays"), QStringLiteral("maxActiveBookings"),
    QStringLiteral("cancelHours"), QStringLiteral("cancelPenaltyPercent"), QStringLiteral("bookingRequired"),
    QStringLiteral("openingHours"), QStringLiteral("feePerHourFen")};
const QStringList kVenueFields = QStringList {QStringLiteral("name"), QStringLiteral("kind"),
                                     QStringLiteral("description"), QStringLiteral("capacity")}
    + kRuleFields;

QJsonObject maintenanceApiJson(const Maintenance &plan, const QTimeZone &zone)
{
    QJsonObject json = syncjson::toJson(plan);
    json.insert(QStringLiteral("startAt"), venues::isoTime(plan.startMs, zone));
    json.insert(QStringLiteral("endAt"), venues::isoTime(plan.endMs, zone));
    return json;
}

Result<QList<Maintenance>> maintenances(const QSqlDatabase &db, const QString &venueId, qint64 fromMs, qint64 toMs)
{
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT id, venue_id, start_at, end_at, reason FROM maintenance WHERE venue_id = ? "
                       "AND deleted_at IS NULL AND end_at > ? AND start_at < ? ORDER BY start_at, id"),
        {venueId, fromMs, toMs});
    if (!query)
        return std::unexpected(query.error());
    QList<Maintenance> plans;
    while (query->next())
        plans.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toLongLong(),
            query->value(3).toLongLong(), query->value(4).toString()});
    return plans;
}

} // namespace

// ---------------------------------------------------------------- shared helpers

namespace venues {

Result<std::optional<HubVenue>> find(const QSqlDatabase &db, const QString &venueId)
{
    Result<QSqlQuery> query = sql::exec(db,
        QStringLiteral("SELECT ") + kVenueColumns + QStringLiteral(" FROM venue WHERE id = ? AND deleted_at IS NULL"),
        {venueId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<HubVenue>();
    return std::optional<HubVenue>(readVenue(*query));
}

Result<HubVenue> require(const QSqlDatabase &db, const QString &venueId, const QString &field)
{
    Result<std::optional<HubVenue>> found = find(db, venueId);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, Text::tr("The venue %1 does not exist.").arg(venueId), field);
    return **found;
}

QJsonObject apiJson(const HubVenue &row)
{
    QJsonObject json = syncjson::toJson(row.venue);
    json.insert(QStringLiteral("openingHours"), QJsonDocument::fromJson(row.venue.openingHours.toJson()).array());
    json.insert(QStringLiteral("description"), row.description);
    json.insert(QStringLiteral("siteId"), row.siteId.isEmpty() ? QJsonValue() : QJsonValue(row.siteId));
    json.insert(QStringLiteral("createdAtMs"), row.createdAtMs);
    json.insert(QStringLiteral("updatedAtMs"), row.updatedAtMs);
    return json;
}

QTimeZone siteZone(const QSqlDatabase &db)
{
    Result<std::optional<QVariant>> name = sql::scalar(
        db, QStringLiteral("SELECT value FROM hub_setting WHERE key = ?"), {QStringLiteral("hub.timezone")});
    const QString zoneName = name && *name ? (*name)->toString() : kDefaultZone;
    QTimeZone zone(zoneName.toUtf8());
    return zone.isValid() ? zone : QTimeZone(kDefaultZone.toUtf8());
}

QString isoTime(qint64 utcMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, zone).toString(Qt::ISODate);
}

Result<qint64> parseTime(const QJsonValue &value, const QString &field, const QTimeZone &zone)
{
    if (value.isUndefined() || value.isNull())
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"%1\" is missing.").arg(field), field);
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number != double(qint64(number)) || number < 0 || number > 1e14)
            return fail(ErrorCode::InvalidArgument,
                Text::tr("The field \"%1\" must be UTC milliseconds or an ISO 8601 time.").arg(field), field);
        return qint64(number);
    }
    if (!value.isString())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"%1\" must be UTC milliseconds or an ISO 8601 time.").arg(field), field);
    QDateTime time = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"%1\" is not an ISO 8601 time like 2026-03-05T10:00:00+08:00.").arg(field), field);
    if (time.timeSpec() == Qt::LocalTime) // no offset given: the site's wall clock
        time = QDateTime(time.date(), time.time(), zone);
    return time.toMSecsSinceEpoch();
}

Result<std::optional<qint64>> queryTime(const HubRequest &request, const QString &name, const QTimeZone &zone)
{
    if (!request.query.hasQueryItem(name))
        return std::optional<qint64>();
    const QString text = request.queryString(name).trimmed();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return std::optional<qint64>(QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch());
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    Result<qint64> parsed = parseTime(isNumber ? QJsonValue(double(ms)) : QJsonValue(text), name, zone);
    if (!parsed)
        return std::unexpected(parsed.error());
    return std::optional<qint64>(*parsed);
}

bool insideOpeningHours(const Venue &venue, qint64 startMs, qint64 endMs, const QTimeZone &zone)
{
    if (venue.openingHours.isUnrestricted())
        return true;
    // Windows are whole minutes of local time, so looking at every minute covers the range.
    for (qint64 atMs = startMs; atMs < endMs; atMs = (atMs / MsPerMinute + 1) * MsPerMinute) {
        if (!venue.openingHours.contains(atMs, zone))
            return false;
    }
    return true;
}

} // namespace venues

// ---------------------------------------------------------------- routes

void VenueModule::registerRoutes(HubRouter &router)
{
    const auto bind = [this](HubResponse (VenueModule::*handler)(const HubRequest &)) {
        return [this, handler](const HubRequest &request) {
            return (this->*handler)(request);
        };
    };
    const auto bindConst = [this](HubResponse (VenueModule::*handler)(const HubRequest &) const) {
        return [this, handler](const HubRequest &request) {
            return (this->*handler)(request);
        };
    };
    const QString get = QStringLiteral("GET");
    const QString post = QStringLiteral("POST");
    const QString put = QStringLiteral("PUT");
    const QString del = QStringLiteral("DELETE");
    for (const QString &prefix : {QStringLiteral("/api/venues"), QStringLiteral("/api/admin/venues")}) {
        const bool admin = prefix.contains(QLatin1String("admin"));
        const QStringList readers = admin ? role::AdminOnly : role::Anyone;
        const QString one = prefix + QStringLiteral("/{venueId}");
        router.add(get, prefix, QStringLiteral("Venues with their rules and ratings"), readers,
            bindConst(&VenueModule::listVenues));
        router.add(post, prefix, QStringLiteral("Create a venue"), role::AdminOnly, bind(&VenueModule::createVenue));
        router.add(get, one, QStringLiteral("One venue"), readers, bindConst(&VenueModule::getVenue));
        router.add(put, one, QStringLiteral("Update a venue (fields present are changed)"), role::AdminOnly,
            bind(&VenueModule::updateVenue));
        router.add(del, one, QStringLiteral("Delete a venue without bookings or classes to come"), role::AdminOnly,
            bind(&VenueModule::deleteVenue));
    }
    const QString one = QStringLiteral("/api/venues/{venueId}");
    router.add(get, one + QStringLiteral("/rules"), QStringLiteral("Booking rules of a venue"), role::Anyone,
        bindConst(&VenueModule::getRules));
    router.add(put, one + QStringLiteral("/rules"), QStringLiteral("Change the booking rules of a venue"),
        role::AdminOnly, bind(&VenueModule::updateRules));
    router.add(get, one + QStringLiteral("/ratings"), QStringLiteral("Ratings of a venue with their average"),
        role::Anyone, bindConst(&VenueModule::listRatings));
    router.add(post, one + QStringLiteral("/ratings"),
        QStringLiteral("Rate a venue {score 1-5, comment}; a second rating replaces the first"), {role::Member},
        bind(&VenueModule::rate));
    router.add(put, one + QStringLiteral("/status"), QStringLiteral("Open, close or mark a venue under maintenance"),
        role::FrontDesk, bind(&VenueModule::setStatus));
    router.add(get, one + QStringLiteral("/maintenances"), QStringLiteral("Maintenance plans of a venue"), role::Anyone,
        bindConst(&VenueModule::listMaintenances));
    router.add(post, one + QStringLiteral("/maintenances"),
        QStringLiteral("Plan a maintenance {startAt, endAt, reason}"), role::AdminOnly,
        bind(&VenueModule::planMaintenance));
    router.add(get, one + QStringLiteral("/calendar"),
        QStringLiteral("Bookings, classes and maintenance per day ?from=YYYY-MM-DD&to=YYYY-MM-DD"), role::Anyone,
        bindConst(&VenueModule::calendar));
}

// ---------------------------------------------------------------- venues

HubResponse VenueModule::listVenues(const HubRequest &request) const
{
    QString where = QStringLiteral("WHERE v.deleted_at IS NULL");
    QVariantList binds;
    for (const QString &filter : {QStringLiteral("status"), QStringLiteral("kind")}) {
        if (!request.query.hasQueryItem(filter))
            continue;
        where += QStringLiteral(" AND v.%1 = ?").arg(filter);
        binds.append(request.queryString(filter));
    }
    QStringList prefixed = kVenueColumns.split(QStringLiteral(", "));
    for (QString &column : prefixed)
        column.prepend(QStringLiteral("v."));
    Result<QSqlQuery> query = sql::exec(database().database(),
        QStringLiteral("SELECT ") + prefixed.join(QStringLiteral(", "))
            + QStringLiteral(", (SELECT COUNT(*) FROM venue_rating r WHERE r.venue_id = v.id), "
                             "(SELECT COALESCE(SUM(r.score), 0) FROM venue_rating r WHERE r.venue_id = v.id) "
                             "FROM venue v ")
            + where + QStringLiteral(" ORDER BY v.name, v.id"),
        binds);
    if (!query)
        return errorResponse(query.error());
    QJsonArray items;
    while (query->next()) {
        QJsonObject json = venues::apiJson(readVenue(*query));
        const qint64 count = query->value(16).toLongLong();
        json.insert(QStringLiteral("ratingCount"), count);
        json.insert(QStringLiteral("ratingAverage"),
            count > 0 ? QJsonValue(double(query->value(17).toLongLong()) / double(count)) : QJsonValue());
        items.append(json);
    }
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), items.size()}});
}

HubResponse VenueModule::getVenue(const HubRequest &request) const
{
    Result<HubVenue> venue = venues::require(database().database(), venueIdOf(request), QStringLiteral("venueId"));
    if (!venue)
        return errorResponse(venue.error());
    return HubResponse::ok(venues::apiJson(*venue));
}

Status VenueModule::saveVenue(const HubVenue &row, bool created)
{
    const Venue &venue = row.venue;
    const QVariantList values {sql::nullIfEmpty(row.siteId), venue.name, QString::fromLatin1(venueKindName(venue.kind)),
        notNull(row.description), qint64(venue.capacity), QString::fromLatin1(venueStatusName(venue.status)),
        QString::fromUtf8(venue.openingHours.toJson()), qint64(venue.bookingRequired ? 1 : 0),
        qint64(venue.advanceDays), qint64(venue.maxActiveBookings), qint64(venue.cancelHours),
        qint64(venue.cancelPenaltyPercent), venue.feePerHourFen, row.updatedAtMs};
    Result<QSqlQuery> written = created
        ? sql::exec(database().database(),
            QStringLiteral("INSERT INTO venue (site_id, name, kind, description, capacity, status, opening_hours, "
                           "booking_required, advance_days, max_active_bookings, cancel_hours, "
                           "cancel_penalty_percent, fee_per_hour_fen, updated_at, created_at, id) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            values + QVariantList {row.createdAtMs, venue.id})
        : sql::exec(database().database(),
            QStringLiteral("UPDATE venue SET site_id = ?, name = ?, kind = ?, description = ?, capacity = ?, "
                           "status = ?, opening_hours = ?, booking_required = ?, advance_days = ?, "
                           "max_active_bookings = ?, cancel_hours = ?, cancel_penalty_percent = ?, "
                           "fee_per_hour_fen = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
            values + QVariantList {venue.id});
    if (!written)
        return std::unexpected(written.error());
    return ChangeLog(database()).record(entity::Venue, venue.id, ChangeOp::Upsert, syncjson::toJson(venue));
}

HubResponse VenueModule::createVenue(const HubRequest &request)
{
    if (Status valid = request.requireObject(kVenueFields + QStringList {QStringLiteral("status")}); !valid)
        return errorResponse(valid.error());
    HubVenue row;
    row.venue.status = VenueStatus::Open;
    if (Status read = readVenueFields(request, row, true); !read)
        return errorResponse(read.error());
    row.venue.id = sql::newId();
    row.siteId = request.principal.siteId;
    row.createdAtMs = sql::nowMs();
    row.updatedAtMs = row.createdAtMs;
    if (Status saved = database().transaction([&]() { return saveVenue(row, true); }); !saved)
        return errorResponse(saved.error());
    return HubResponse::ok(venues::apiJson(row));
}

Result<HubVenue> VenueModule::changeVenue(const HubRequest &request, const std::function<Status(HubVenue &)> &change,
    const std::function<Status(const HubVenue &)> &afterSave)
{
    HubVenue row;
    const Status saved = database().transaction([&]() -> Status {
        Result<HubVenue> current
            = venues::require(database().database(), venueIdOf(request), QStringLiteral("venueId"));
        if (!current)
            return std::unexpected(current.error());
        row = *current;
        if (Status changed = change(row); !changed)
            return changed;
        row.updatedAtMs = sql::nowMs();
        if (Status written = saveVenue(row, false); !written)
            return written;
        return afterSave ? afterSave(row) : Status {};
    });
    if (!saved)
        return std::unexpected(saved.error());
    return row;
}

HubResponse VenueModule::updateVenue(const HubRequest &request)
{
    if (Status valid = request.requireObject(kVenueFields); !valid)
        return errorResponse(valid.error());
    const Result<HubVenue> row
        = changeVenue(request, [&](HubVenue &venue) { return readVenueFields(request, venue, false); });
    if (!row)
        return errorResponse(row.error());
    return HubResponse::ok(venues::apiJson(*row));
}

HubResponse VenueModule::deleteVenue(const HubRequest &request)
{
    const QString venueId = venueIdOf(request);
    const Status deleted = database().transaction([&]() -> Status {
        Result<HubVenue> venue = venues::require(database().database(), venueId, QStringLiteral("venueId"));
        if (!venue)
            return std::unexpected(venue.error());
        const qint64 nowMs = sql::nowMs();
        Result<std::optional<QVariant>> busy = sql::scalar(database().database(),
            QStringLiteral("SELECT (SELECT COUNT(*) FROM booking WHERE venue_id = ? AND status = 'booked' "
                           "AND end_at > ?) + (SELECT COUNT(*) FROM course_slot WHERE venue_id = ? "
                           "AND deleted_at IS NULL AND end_at > ?)"),
            {venueId, nowMs, venueId, nowMs});
        if (!busy)
            return std::unexpected(busy.error());
        if (*busy && (*busy)->toLongLong() > 0)
            return fail(ErrorCode::Conflict,
                Text::tr("The venue still has bookings or classes to come; cancel them first."),
                QStringLiteral("venueId"));
        Result<QSqlQuery> marked = sql::exec(database().database(),
            QStringLiteral("UPDATE venue SET deleted_at = ?, updated_at = ? WHERE id = ?"), {nowMs, nowMs, venueId});
        if (!marked)
            return std::unexpected(marked.error());
        return ChangeLog(database()).record(entity::Venue, venueId, ChangeOp::Delete);
    });
    if (!deleted)
        return errorResponse(deleted.error());
    return HubResponse::ok(QJsonObject {{QStringLiteral("id"), venueId}, {QStringLiteral("deleted"), true}});
}

// ---------------------------------------------------------------- rules and status

HubResponse VenueModule::getRules(const HubRequest &request) const
{
    Result<HubVenue> venue = venues::require(database().database(), venueIdOf(request), QStringLiteral("venueId"));
    if (!venue)
        return errorResponse(venue.error());
    return HubResponse::ok(rulesJson(venue->venue));
}

HubResponse VenueModule::updateRules(const HubRequest &request)
{
    if (Status valid = request.requireObject(kRuleFields); !valid)
        return errorResponse(valid.error());
    const Result<HubVenue> row = changeVenue(request, [&](HubVenue &venue) { return readRules(request, venue.venue); });
    if (!row)
        return errorResponse(row.error());
    return HubResponse::ok(rulesJson(row->venue));
}

HubResponse VenueModule::setStatus(const HubRequest &request)
{
    if (Status valid = request.requireObject({QStringLiteral("status")}); !valid)
        return errorResponse(valid.error());
    Result<VenueStatus> status = readStatus(request);
    if (!status)
        return errorResponse(status.error());
    VenueStatus previous = VenueStatus::Invalid;
    const auto change = [&](HubVenue &venue) -> Status {
        previous = venue.venue.status;
        venue.venue.status = *status;
        return {};
    };
    const auto notify = [&](const HubVenue &venue) -> Status {
        if (previous == *status) // nothing changed for the people who listen
            return {};
        return NotificationLog(database())
            .publish(audience::All, notification::VenueStatusChanged,
                {{QStringLiteral("venueId"), venue.venue.id}, {QStringLiteral("name"), venue.venue.name},
                    {QStringLiteral("status"), QString::fromLatin1(venueStatusName(*status))},
                    {QStringLiteral("previousStatus"), QString::fromLatin1(venueStatusName(previous))},
                    {QStringLiteral("by"), request.principal.actor()}});
    };
    const Result<HubVenue> row = changeVenue(request, change, notify);
    if (!row)
        return errorResponse(row.error());
    return HubResponse::ok(venues::apiJson(*row));
}

// ---------------------------------------------------------------- ratings

HubResponse VenueModule::listRatings(const HubRequest &request) const
{
    const QString venueId = venueIdOf(request);
    if (Result<HubVenue> venue = venues::require(database().database(), venueId, QStringLiteral("venueId")); !venue)
        return errorResponse(venue.error());
    Result<qint64> limit = request.queryInteger(QStringLiteral("limit"), 50, 1, 200);
    if (!limit)
        return errorResponse(limit.error());
    Result<qint64> offset = request.queryInteger(QStringLiteral("offset"), 0, 0, 1'000'000);
    if (!offset)
        return errorResponse(offset.error());
    Result<QSqlQuery> summary = sql::exec(database().database(),
        QStringLiteral("SELECT COUNT(*), COALESCE(SUM(score), 0) FROM venue_rating WHERE venue_id = ?"), {venueId});
    if (!summary || !summary->next())
        return errorResponse(summary ? Error {ErrorCode::Storage, QStringLiteral("no row"), {}} : summary.error());
    const qint64 count = summary->value(0).toLongLong();
    Result<QSqlQuery> query = sql::exec(database().database(),
        QStringLiteral("SELECT id, member_id, score, comment, created_at, updated_at FROM venue_rating "
                       "WHERE venue_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?"),
        {venueId, *limit, *offset});
    if (!query)
        return errorResponse(query.error());
    const bool staff = request.principal.isStaff();
    QJsonArray items;
    while (query->next()) {
        QJsonObject item {{QStringLiteral("id"), query->value(0).toString()},
            {QStringLiteral("score"), query->value(2).toInt()}, {QStringLiteral("comment"), query->value(3).toString()},
            {QStringLiteral("createdAtMs"), query->value(4).toLongLong()},
            {QStringLiteral("updatedAtMs"), query->value(5).toLongLong()},
            {QStringLiteral("mine"),
                !request.principal.memberId.isEmpty() && query->value(1).toString() == request.principal.memberId}};
        if (staff) // members see scores and comments, not who wrote them
            item.insert(QStringLiteral("memberId"), query->value(1).toString());
        items.append(item);
    }
    return HubResponse::ok(QJsonObject {{QStringLiteral("venueId"), venueId}, {QStringLiteral("count"), count},
        {QStringLiteral("average"),
            count > 0 ? QJsonValue(double(summary->value(1).toLongLong()) / double(count)) : QJsonValue()},
        {QStringLiteral("items"), items}});
}

HubResponse VenueModule::rate(const HubRequest &request)
{
    if (Status valid = request.requireObject({QStringLiteral("score"), QStringLiteral("comment")}); !valid)
        return errorResponse(valid.error());
    Result<qint64> score = request.requireInteger(QStringLiteral("score"), 1, 5);
    if (!score)
        return errorResponse(score.error());
    Result<QString> comment = request.optionalString(QStringLiteral("comment"), {}, 1000);
    if (!comment)
        return errorResponse(comment.error());
    const QString venueId = venueIdOf(request);
    const QString memberId = request.principal.memberId;
    const qint64 nowMs = sql::nowMs();
    const Status saved = database().transaction([&]() -> Status {
        if (Result<HubVenue> venue = venues::require(database().database(), venueId, QStringLiteral("venueId")); !venue)
            return std::unexpected(venue.error());
        Result<QSqlQuery> written = sql::exec(database().database(),
            QStringLiteral("INSERT INTO venue_rating (id, venue_id, member_id, score, comment, created_at, updated_at) "
                           "VALUES (?,?,?,?,?,?,?) ON CONFLICT (venue_id, member_id) DO UPDATE SET "
                           "score = excluded.score, comment = excluded.comment, updated_at = excluded.updated_at"),
            {sql::newId(), venueId, memberId, *score, notNull(comment->trimmed()), nowMs, nowMs});
        if (!written)
            return std::unexpected(written.error());
        return {};
    });
    if (!saved)
        return errorResponse(saved.error());
    Result<QSqlQuery> stored = sql::exec(database().database(),
        QStringLiteral("SELECT id, score, comment, created_at, updated_at FROM venue_rating "
                       "WHERE venue_id = ? AND member_id = ?"),
        {venueId, memberId});
    if (!stored || !stored->next())
        return errorResponse(
            stored ? Error {ErrorCode::Storage, QStringLiteral("rating vanished"), {}} : stored.error());
    return HubResponse::ok(QJsonObject {{QStringLiteral("id"), stored->value(0).toString()},
        {QStringLiteral("venueId"), venueId}, {QStringLiteral("memberId"), memberId},
        {QStringLiteral("score"), stored->value(1).toInt()}, {QStringLiteral("comment"), stored->value(2).toString()},
        {QStringLiteral("createdAtMs"), stored->value(3).toLongLong()},
        {QStringLiteral("updatedAtMs"), stored->value(4).toLongLong()}});
}

// ---------------------------------------------------------------- maintenance

HubResponse VenueModule::listMaintenances(const HubRequest &request) const
{
    const QString venueId = venueIdOf(request);
    if (Result<HubVenue> venue = venues::require(database().database(), venueId, QStringLiteral("venueId")); !venue)
        return errorResponse(venue.error());
    const QTimeZone zone = venues::siteZone(database().database());
    Result<std::optional<qint64>> from = venues::queryTime(request, QStringLiteral("from"), zone);
    if (!from)
        return errorResponse(from.error());
    Result<QList<Maintenance>> plans
        = maintenances(database().database(), venueId, from->value_or(0), std::numeric_limits<qint64>::max());
    if (!plans)
        return errorResponse(plans.error());
    QJsonArray items;
    for (const Maintenance &plan : *plans)
        items.append(maintenanceApiJson(plan, zone));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}});
}

HubResponse VenueModule::planMaintenance(const HubRequest &request)
{
    if (Status valid
        = request.requireObject({QStringLiteral("startAt"), QStringLiteral("endAt"), QStringLiteral("reason")});
        !valid)
        return errorResponse(valid.error());
    const QTimeZone zone = venues::siteZone(database().database());
    const QJsonObject body = request.json.toObject();
    Result<qint64> startMs = venues::parseTime(body.value(QStringLiteral("startAt")), QStringLiteral("startAt"), zone);
    if (!startMs)
        return errorResponse(startMs.error());
    Result<qint64> endMs = venues::parseTime(body.value(QStringLiteral("endAt")), QStringLiteral("endAt"), zone);
    if (!endMs)
        return errorResponse(endMs.error());
    if (*endMs <= *startMs)
        return errorResponse(Error {ErrorCode::InvalidArgument, Text::tr("The maintenance must end after it starts."),
            QStringLiteral("endAt")});
    Result<QString> reason = request.optionalString(QStringLiteral("reason"), {}, 500);
    if (!reason)
        return errorResponse(reason.error());
    Maintenance plan {sql::newId(), venueIdOf(request), *startMs, *endMs, reason->trimmed()};
    const Status saved = database().transaction([&]() -> Status {
        if (Result<HubVenue> venue = venues::require(database().database(), plan.venueId, QStringLiteral("venueId"));
            !venue)
            return std::unexpected(venue.error());
        // As at the desk: bookings and classes in the period must be moved or cancelled first.
        Result<std::optional<QVariant>> busy = sql::scalar(database().database(),
            QStringLiteral("SELECT (SELECT COUNT(*) FROM booking WHERE venue_id = ? AND status = 'booked' "
                           "AND start_at < ? AND end_at > ?) + (SELECT COUNT(*) FROM course_slot WHERE venue_id = ? "
                           "AND deleted_at IS NULL AND start_at < ? AND end_at > ?)"),
            {plan.venueId, plan.endMs, plan.startMs, plan.venueId, plan.endMs, plan.startMs});
        if (!busy)
            return std::unexpected(busy.error());
        if (*busy && (*busy)->toLongLong() > 0)
            return fail(ErrorCode::Conflict,
                Text::tr("%n booking(s) or class(es) fall inside this period; move or cancel them first.", nullptr,
                    int((*busy)->toLongLong())),
                QStringLiteral("startAt"));
        Result<QSqlQuery> inserted = sql::exec(database().database(),
            QStringLiteral("INSERT INTO maintenance (id, venue_id, start_at, end_at, reason, created_at) "
                           "VALUES (?,?,?,?,?,?)"),
            {plan.id, plan.venueId, plan.startMs, plan.endMs, notNull(plan.reason), sql::nowMs()});
        if (!inserted)
            return std::unexpected(inserted.error());
        return ChangeLog(database()).record(entity::Maintenance, plan.id, ChangeOp::Upsert, syncjson::toJson(plan));
    });
    if (!saved)
        return errorResponse(saved.error());
    return HubResponse::ok(maintenanceApiJson(plan, zone));
}

// ---------------------------------------------------------------- calendar

namespace {

struct CalendarItem {
    QString kind; // "booking", "slot", "maintenance"
    qint64 startMs = 0;
    qint64 endMs = 0;
    QJsonObject json;
};

} // namespace

HubResponse VenueModule::calendar(const HubRequest &request) const
{
    const QSqlDatabase db = database().database();
    const QString venueId = venueIdOf(request);
    if (Result<HubVenue> venue = venues::require(db, venueId, QStringLiteral("venueId")); !venue)
        return errorResponse(venue.error());
    const QTimeZone zone = venues::siteZone(db);
    QDate days[2];
    const QStringList names {QStringLiteral("from"), QStringLiteral("to")};
    for (int i = 0; i < 2; ++i) {
        const QString text = request.queryString(names.at(i));
        days[i] = QDate::fromString(text, Qt::ISODate);
        if (text.size() != 10 || !days[i].isValid())
            return errorResponse(Error {ErrorCode::InvalidArgument,
                Text::tr("The parameter \"%1\" must be a date like 2026-03-05.").arg(names.at(i)), names.at(i)});
    }
    if (days[1] < days[0])
        return errorResponse(Error {ErrorCode::InvalidArgument,
            Text::tr("The parameter \"to\" must not be before \"from\"."), QStringLiteral("to")});
    if (days[0].daysTo(days[1]) >= kMaxCalendarDays)
        return errorResponse(Error {ErrorCode::InvalidArgument,
            Text::tr("The calendar covers at most %1 days.").arg(kMaxCalendarDays), QStringLiteral("to")});
    const qint64 fromMs = QDateTime(days[0], QTime(0, 0), zone).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(days[1].addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
    const bool staff = request.principal.isStaff();
    QList<CalendarItem> items;
    Result<QSqlQuery> bookings = sql::exec(db,
        QStringLiteral("SELECT b.id, b.booking_no, b.member_id, m.name, b.start_at, b.end_at FROM booking b "
                       "JOIN member m ON m.id = b.member_id WHERE b.venue_id = ? AND b.slot_id IS NULL "
                       "AND b.status = 'booked' AND b.start_at < ? AND b.end_at > ? ORDER BY b.start_at, b.id"),
        {venueId, toMs, fromMs});
    if (!bookings)
        return errorResponse(bookings.error());
    while (bookings->next()) {
        const qint64 startMs = bookings->value(4).toLongLong();
        const qint64 endMs = bookings->value(5).toLongLong();
        QJsonObject json {{QStringLiteral("id"), bookings->value(0).toString()},
            {QStringLiteral("bookingNo"), bookings->value(1).toString()},
            {QStringLiteral("startAt"), venues::isoTime(startMs, zone)},
            {QStringLiteral("endAt"), venues::isoTime(endMs, zone)}, {QStringLiteral("startMs"), startMs},
            {QStringLiteral("endMs"), endMs},
            {QStringLiteral("mine"), bookings->value(2).toString() == request.principal.memberId}};
        if (staff) { // other members' names stay with the staff
            json.insert(QStringLiteral("memberId"), bookings->value(2).toString());
            json.insert(QStringLiteral("memberName"), bookings->value(3).toString());
        }
        items.append({QStringLiteral("bookings"), startMs, endMs, json});
    }
    Result<QSqlQuery> slotRows = sql::exec(db,
        QStringLiteral("SELECT s.id, c.name, s.coach_name, s.start_at, s.end_at, s.capacity, s.booked_count, "
                       "(SELECT COUNT(*) FROM waitlist w WHERE w.slot_id = s.id AND w.status = 'waiting') "
                       "FROM course_slot s JOIN course c ON c.id = s.course_id WHERE s.venue_id = ? "
                       "AND s.deleted_at IS NULL AND s.start_at < ? AND s.end_at > ? ORDER BY s.start_at, s.id"),
        {venueId, toMs, fromMs});
    if (!slotRows)
        return errorResponse(slotRows.error());
    while (slotRows->next()) {
        const qint64 startMs = slotRows->value(3).toLongLong();
        const qint64 endMs = slotRows->value(4).toLongLong();
        const int capacity = slotRows->value(5).toInt();
        const int booked = slotRows->value(6).toInt();
        items.append({QStringLiteral("slots"), startMs, endMs,
            {{QStringLiteral("id"), slotRows->value(0).toString()},
                {QStringLiteral("courseName"), slotRows->value(1).toString()},
                {QStringLiteral("coachName"), slotRows->value(2).toString()},
                {QStringLiteral("startAt"), venues::isoTime(startMs, zone)},
                {QStringLiteral("endAt"), venues::isoTime(endMs, zone)}, {QStringLiteral("startMs"), startMs},
                {QStringLiteral("endMs"), endMs}, {QStringLiteral("capacity"), capacity},
                {QStringLiteral("bookedCount"), booked}, {QStringLiteral("available"), std::max(0, capacity - booked)},
                {QStringLiteral("waitingCount"), slotRows->value(7).toInt()}}});
    }
    Result<QList<Maintenance>> plans = maintenances(db, venueId, fromMs, toMs);
    if (!plans)
        return errorResponse(plans.error());
    for (const Maintenance &plan : *plans)
        items.append({QStringLiteral("maintenances"), plan.startMs, plan.endMs, maintenanceApiJson(plan, zone)});
    QJsonArray dayList;
    for (QDate day = days[0]; day <= days[1]; day = day.addDays(1)) {
        const qint64 dayStart = QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
        const qint64 dayEnd = QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
        QJsonObject lists {{QStringLiteral("bookings"), QJsonArray()}, {QStringLiteral("slots"), QJsonArray()},
            {QStringLiteral("maintenances"), QJsonArray()}};
        for (const CalendarItem &item : std::as_const(items)) {
            if (item.startMs >= dayEnd || item.endMs <= dayStart)
                continue;
            QJsonArray list = lists.value(item.kind).toArray();
            list.append(item.json);
            lists.insert(item.kind, list);
        }
        lists.insert(QStringLiteral("date"), day.toString(Qt::ISODate));
        dayList.append(lists);
    }
    return HubResponse::ok(
        QJsonObject {{QStringLiteral("venueId"), venueId}, {QStringLiteral("timezone"), QString::fromUtf8(zone.id())},
            {QStringLiteral("from"), days[0].toString(Qt::ISODate)},
            {QStringLiteral("to"), days[1].toString(Qt::ISODate)}, {QStringLiteral("days"), dayList}});
}

} // namespace gymgate::hub
