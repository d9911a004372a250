#pragma once

#include "core/Booking.h"
#include "core/Entry.h"
#include "core/Error.h"
#include "core/Member.h"
#include "core/MemberCard.h"
#include "core/Venue.h"

#include <QList>

#include <optional>

namespace gymgate {

// What the policy needs about one member at one zone, read in one go.
struct MemberAccessData {
    std::optional<Member> member; // nullopt = unknown member
    QList<MemberCard> cards; // every card of the member, any state, not deleted
    QList<Booking> bookings; // bookings in the zone starting within +-1 day of now
    QList<EntryFact> recentEntries; // entries in the zone decided in the last 24 h (not denied)
};

struct ZoneAccessData {
    Venue zone;
    QList<Maintenance> maintenance; // plans of the zone not yet ended
    int occupancy = 0;
};

// Port: where the entry path reads its data (implemented over SQLite in store).
class AccessDataSource {
public:
    virtual ~AccessDataSource() = default;
    // A legacy plain code is a member number or a card number; nullopt when neither.
    virtual Result<std::optional<QString>> memberIdForLegacyCode(const QString &code) = 0;
    virtual Result<MemberAccessData> memberAccessData(const QString &memberId, const QString &zoneId, qint64 nowMs) = 0;
    virtual Result<ZoneAccessData> zoneAccessData(const QString &zoneId, qint64 nowMs) = 0;
};

} // namespace gymgate
