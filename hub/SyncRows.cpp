#include "SyncRows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>

#include "ChangeLog.h"
#include "HubDatabase.h"
#include "HubSql.h"

namespace gymgate::hub::syncrows {
namespace {

enum class ColumnKind {
    Invalid = 0,
    Text, // NULL reads as ""
    Integer,
    OptionalInteger, // NULL reads as null
    Bool, // 0/1 column
    JsonArray, // JSON text column
};

struct Column {
    const char *column;
    const char *key;
    ColumnKind kind;
};

struct EntityTable {
    QString table;
    QList<Column> columns;
};

using K = ColumnKind;

const QHash<QString, EntityTable> &tables()
{
    static const QHash<QString, EntityTable> map {
        {entity::Member,
            {QStringLiteral("member"),
                {{"id", "id", K::Text}, {"member_no", "memberNo", K::Text}, {"name", "name", K::Text},
                    {"phone_cipher", "phoneCipher", K::Text}, {"phone_hash", "phoneHash", K::Text},
                    {"phone_mask", "phoneMask", K::Text}, {"gender", "gender", K::Integer},
                    {"birthday", "birthday", K::Text}, {"preferred_language", "preferredLanguage", K::Text},
                    {"status", "status", K::Text}, {"created_at", "createdAt", K::Integer},
                    {"updated_at", "updatedAt", K::Integer}, {"site_id", "siteId", K::Text}}}},
        {entity::Card,
            {QStringLiteral("member_card"),
                {{"id", "id", K::Text}, {"card_no", "cardNo", K::Text}, {"member_id", "memberId", K::Text},
                    {"product_id", "productId", K::Text}, {"name", "name", K::Text}, {"kind", "kind", K::Text},
                    {"status", "status", K::Text}, {"valid_from", "validFrom", K::Integer},
                    {"valid_to", "validTo", K::Integer}, {"visits_left", "visitsLeft", K::Integer},
                    {"balance_fen", "balanceFen", K::Integer}, {"per_visit_price_fen", "perVisitPriceFen", K::Integer},
                    {"time_windows", "timeWindows", K::JsonArray}, {"zones", "zones", K::JsonArray},
                    {"frozen_at", "frozenAt", K::OptionalInteger}, {"created_at", "createdAt", K::Integer},
                    {"site_id", "siteId", K::Text}}}},
        {entity::Product,
            {QStringLiteral("card_product"),
                {{"id", "id", K::Text}, {"name", "name", K::Text}, {"kind", "kind", K::Text},
                    {"price_fen", "priceFen", K::Integer}, {"valid_days", "validDays", K::Integer},
                    {"visits", "visits", K::Integer}, {"value_fen", "valueFen", K::Integer},
                    {"per_visit_price_fen", "perVisitPriceFen", K::Integer},
                    {"time_windows", "timeWindows", K::JsonArray}, {"zones", "zones", K::JsonArray},
                    {"active", "active", K::Bool}}}},
        {entity::Venue,
            {QStringLiteral("venue"),
                {{"id", "id", K::Text}, {"name", "name", K::Text}, {"kind", "kind", K::Text},
                    {"capacity", "capacity", K::Integer}, {"status", "status", K::Text},
                    {"opening_hours", "openingHours", K::Text}, {"booking_required", "bookingRequired", K::Bool},
                    {"advance_days", "advanceDays", K::Integer},
                    {"max_active_bookings", "maxActiveBookings", K::Integer},
                    {"cancel_hours", "cancelHours", K::Integer},
                    {"cancel_penalty_percent", "cancelPenaltyPercent", K::Integer},
                    {"fee_per_hour_fen", "feePerHourFen", K::Integer}, {"site_id", "siteId", K::Text}}}},
        {entity::Maintenance,
            {QStringLiteral("maintenance"),
                {{"id", "id", K::Text}, {"venue_id", "venueId", K::Text}, {"start_at", "startMs", K::Integer},
                    {"end_at", "endMs", K::Integer}, {"reason", "reason", K::Text}}}},
        {entity::Course,
            {QStringLiteral("course"),
                {{"id", "id", K::Text}, {"name", "name", K::Text}, {"venue_id", "venueId", K::Text},
                    {"duration_minutes", "durationMinutes", K::Integer}, {"capacity", "capacity", K::Integer}}}},
        {entity::Slot,
            {QStringLiteral("course_slot"),
                {{"id", "id", K::Text}, {"course_id", "courseId", K::Text}, {"venue_id", "venueId", K::Text},
                    {"coach_name", "coachName", K::Text}, {"start_at", "startMs", K::Integer},
                    {"end_at", "endMs", K::Integer}, {"capacity", "capacity", K::Integer},
                    {"booked_count", "bookedCount", K::Integer}}}},
        {entity::Booking,
            {QStringLiteral("booking"),
                {{"id", "id", K::Text}, {"booking_no", "bookingNo", K::Text}, {"member_id", "memberId", K::Text},
                    {"venue_id", "venueId", K::Text}, {"slot_id", "slotId", K::Text},
                    {"start_at", "startMs", K::Integer}, {"end_at", "endMs", K::Integer}, {"status", "status", K::Text},
                    {"recurrence_id", "recurrenceId", K::Text}, {"created_at", "createdAtMs", K::Integer},
                    {"cancel_reason", "reason", K::Text}, {"site_id", "siteId", K::Text}}}},
        {entity::Waitlist,
            {QStringLiteral("waitlist"),
                {{"id", "id", K::Text}, {"member_id", "memberId", K::Text}, {"venue_id", "venueId", K::Text},
                    {"slot_id", "slotId", K::Text}, {"start_at", "startMs", K::Integer},
                    {"end_at", "endMs", K::Integer}, {"position", "position", K::Integer},
                    {"status", "status", K::Text}}}},
    };
    return map;
}

QJsonValue columnValue(const QVariant &value, ColumnKind kind)
{
    switch (kind) {
    case ColumnKind::Text:
        return value.isNull() ? QString() : value.toString();
    case ColumnKind::Integer:
        return value.toLongLong();
    case ColumnKind::OptionalInteger:
        return value.isNull() ? QJsonValue() : QJsonValue(value.toLongLong());
    case ColumnKind::Bool:
        return value.toLongLong() != 0;
    case ColumnKind::JsonArray:
        return QJsonDocument::fromJson(value.toString().toUtf8()).array();
    case ColumnKind::Invalid:
        break;
    }
    return {};
}

} // namespace

QString tableOf(const QString &entity)
{
    return tables().value(entity).table;
}

Result<std::optional<QJsonObject>> read(HubDatabase &database, const QString &entity, const QString &id)
{
    const auto found = tables().constFind(entity);
    if (found == tables().constEnd())
        return fail(ErrorCode::Internal, QStringLiteral("no row reader for entity %1").arg(entity));
    QStringList columns;
    for (const Column &column : found->columns)
        columns.append(QString::fromLatin1(column.column));
    const Result<std::optional<QVariantList>> row = sql::firstRow(database,
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns.join(QStringLiteral(", ")), found->table), {id});
    if (!row)
        return std::unexpected(row.error());
    if (!row->has_value())
        return std::optional<QJsonObject>();
    QJsonObject json;
    for (int i = 0; i < found->columns.size(); ++i) {
        const Column &column = found->columns.at(i);
        json.insert(QString::fromLatin1(column.key), columnValue((**row).at(i), column.kind));
    }
    return std::optional<QJsonObject>(json);
}

} // namespace gymgate::hub::syncrows
