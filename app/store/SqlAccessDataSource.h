#pragma once

#include "core/AccessDataSource.h"

#include <QSqlQuery>

namespace gymgate {

class Database;

// AccessDataSource over SQLite. Every query is prepared once, forward-only, and runs on an
// index (member pk, member_card_member_idx, booking_member_idx, entry_member_zone_idx, venue
// pk, maintenance_venue_idx, zone_occupancy pk).
class SqlAccessDataSource final : public AccessDataSource {
public:
    explicit SqlAccessDataSource(Database &db);

    Result<std::optional<QString>> memberIdForLegacyCode(const QString &code) override;
    Result<MemberAccessData> memberAccessData(const QString &memberId, const QString &zoneId, qint64 nowMs) override;
    Result<ZoneAccessData> zoneAccessData(const QString &zoneId, qint64 nowMs) override;

private:
    Status ensurePrepared();
    Status readCards(const QString &memberId, MemberAccessData &data);
    Status readBookings(const QString &memberId, const QString &zoneId, qint64 nowMs, MemberAccessData &data);
    Status readEntries(const QString &memberId, const QString &zoneId, qint64 nowMs, MemberAccessData &data);

    Database &m_db;
    bool m_prepared = false;
    QSqlQuery m_memberByNo;
    QSqlQuery m_memberByCardNo;
    QSqlQuery m_member;
    QSqlQuery m_cards;
    QSqlQuery m_bookings;
    QSqlQuery m_entries;
    QSqlQuery m_venue;
    QSqlQuery m_maintenance;
    QSqlQuery m_occupancy;
};

} // namespace gymgate
