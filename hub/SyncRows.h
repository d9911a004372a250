#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace gymgate::hub {

class HubDatabase;

// The hub's rows as the JSON the desk writes into its outbox for the same entity (the wire format
// of core/SyncJson.h, plus the hub's siteId): camelCase, UTC ms, fen. Changes published for sync carry this shape, read
// back from the row after the hub merged the event, so every site pulls the hub's view.
namespace syncrows {

// `entity` is one of entity::Member, Card, Product, Venue, Maintenance, Course, Slot, Booking,
// Waitlist; std::nullopt when there is no row with that id (deleted rows are still read).
Result<std::optional<QJsonObject>> read(HubDatabase &database, const QString &entity, const QString &id);

// The table behind an entity ("member_card" for entity::Card), empty for an unknown one.
QString tableOf(const QString &entity);

} // namespace syncrows
} // namespace gymgate::hub
