#include "store/SqlAccessDataSource.h"

#include "store/BookingRepository.h"
#include "store/Database.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/SqlSupport.h"
#include "store/VenueRepository.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

Status prepareQuery(QSqlQuery &query, const QString &sql)
{
    query.setForwardOnly(true);
    return sql::prepare(query, sql);
}

} // namespace

SqlAccessDataSource::SqlAccessDataSource(Database &db)
    : m_db(db), m_memberByNo(db.connection()), m_memberByCardNo(db.connection()), m_member(db.connection()),
      m_cards(db.connection()), m_bookings(db.connection()), m_entries(db.connection()), m_venue(db.connection()),
      m_maintenance(db.connection()), m_occupancy(db.connection())
{ }

Status SqlAccessDataSource::ensurePrepared()
{
    if (m_prepared)
        return {};
    const QList<std::pair<QSqlQuery *, QString>> statements {
        {&m_memberByNo, QStringLiteral("SELECT id FROM member WHERE member_no = ?")},
        {&m_memberByCardNo,
            QStringLiteral("SELECT member_id FROM member_card WHERE card_no = ? AND deleted_at IS NULL")},
        {&m_member,
            QStringLiteral("SELECT ") + MemberRepository::columns() + QStringLiteral(" FROM member WHERE id = ?")},
        {&m_cards,
            QStringLiteral("SELECT ") + MemberCardRepository::columns()
                + QStringLiteral(" FROM member_card WHERE member_id = ? AND deleted_at IS NULL")},
        {&m_bookings,
            QStringLiteral("SELECT ") + BookingRepository::columns()
                + QStringLiteral(" FROM booking WHERE member_id = ? AND start_at >= ? AND start_at <= ? "
                                 "AND venue_id = ? ORDER BY start_at")},
        {&m_entries,
            QStringLiteral("SELECT id, zone_id, direction, status, decided_at, passed_at FROM entry "
                           "WHERE member_id = ? AND zone_id = ? AND decided_at >= ? AND status <> 'denied' "
                           "ORDER BY decided_at")},
        {&m_venue,
            QStringLiteral("SELECT ") + VenueRepository::venueColumns()
                + QStringLiteral(" FROM venue WHERE id = ? AND deleted_at IS NULL")},
        {&m_maintenance,
            QStringLiteral("SELECT ") + VenueRepository::maintenanceColumns()
                + QStringLiteral(" FROM maintenance WHERE venue_id = ? AND end_at > ? "
                                 "AND deleted_at IS NULL ORDER BY start_at")},
        {&m_occupancy, QStringLiteral("SELECT inside FROM zone_occupancy WHERE zone_id = ?")},
    };
    for (const auto &[query, text] : statements) {
        if (Status prepared = prepareQuery(*query, text); !prepared)
            return prepared;
    }
    m_prepared = true;
    return {};
}

Result<std::optional<QString>> SqlAccessDataSource::memberIdForLegacyCode(const QString &code)
{
    if (Status prepared = ensurePrepared(); !prepared)
        return std::unexpected(prepared.error());
    for (QSqlQuery *query : {&m_memberByNo, &m_memberByCardNo}) {
        if (Status done = sql::execKept(*query, {code}); !done)
            return std::unexpected(done.error());
        const std::optional<QString> memberId
            = query->next() ? std::optional<QString>(query->value(0).toString()) : std::nullopt;
        query->finish();
        if (memberId)
            return memberId;
    }
    return std::optional<QString>();
}

Result<MemberAccessData> SqlAccessDataSource::memberAccessData(
    const QString &memberId, const QString &zoneId, qint64 nowMs)
{
    if (Status prepared = ensurePrepared(); !prepared)
        return std::unexpected(prepared.error());
    MemberAccessData data;
    // Deleted members are returned too: the policy answers "deleted", not "unknown".
    if (Status done = sql::execKept(m_member, {memberId}); !done)
        return std::unexpected(done.error());
    if (m_member.next())
        data.member = MemberRepository::readMember(m_member);
    m_member.finish();
    if (!data.member)
        return data;
    if (Status done = readCards(memberId, data); !done)
        return std::unexpected(done.error());
    if (Status done = readBookings(memberId, zoneId, nowMs, data); !done)
        return std::unexpected(done.error());
    if (Status done = readEntries(memberId, zoneId, nowMs, data); !done)
        return std::unexpected(done.error());
    return data;
}

Status SqlAccessDataSource::readCards(const QString &memberId, MemberAccessData &data)
{
    if (Status done = sql::execKept(m_cards, {memberId}); !done)
        return done;
    while (m_cards.next()) {
        Result<MemberCard> card = MemberCardRepository::readCard(m_cards);
        if (!card) {
            m_cards.finish();
            return std::unexpected(card.error());
        }
        data.cards.append(std::move(*card));
    }
    m_cards.finish();
    return {};
}

Status SqlAccessDataSource::readBookings(
    const QString &memberId, const QString &zoneId, qint64 nowMs, MemberAccessData &data)
{
    if (Status done = sql::execKept(m_bookings, {memberId, nowMs - kDayMs, nowMs + kDayMs, zoneId}); !done)
        return done;
    while (m_bookings.next())
        data.bookings.append(BookingRepository::readBooking(m_bookings));
    m_bookings.finish();
    return {};
}

Status SqlAccessDataSource::readEntries(
    const QString &memberId, const QString &zoneId, qint64 nowMs, MemberAccessData &data)
{
    if (Status done = sql::execKept(m_entries, {memberId, zoneId, nowMs - kDayMs}); !done)
        return done;
    while (m_entries.next()) {
        EntryFact fact;
        fact.id = m_entries.value(0).toString();
        fact.zoneId = m_entries.value(1).toString();
        fact.direction = directionFromName(m_entries.value(2).toString());
        fact.status = entryStatusFromName(m_entries.value(3).toString());
        const qint64 passedAt = m_entries.value(5).toLongLong();
        fact.atMs = fact.status == EntryStatus::Passed && passedAt > 0 ? passedAt : m_entries.value(4).toLongLong();
        data.recentEntries.append(std::move(fact));
    }
    m_entries.finish();
    return {};
}

Result<ZoneAccessData> SqlAccessDataSource::zoneAccessData(const QString &zoneId, qint64 nowMs)
{
    if (Status prepared = ensurePrepared(); !prepared)
        return std::unexpected(prepared.error());
    ZoneAccessData data;
    if (Status done = sql::execKept(m_venue, {zoneId}); !done)
        return std::unexpected(done.error());
    if (!m_venue.next()) {
        m_venue.finish();
        return fail(ErrorCode::NotFound,
            QCoreApplication::translate("Store", "The zone %1 is not configured.").arg(zoneId),
            QStringLiteral("zoneId"));
    }
    Result<Venue> venue = VenueRepository::readVenue(m_venue);
    m_venue.finish();
    if (!venue)
        return std::unexpected(venue.error());
    data.zone = std::move(*venue);

    if (Status done = sql::execKept(m_maintenance, {zoneId, nowMs}); !done)
        return std::unexpected(done.error());
    while (m_maintenance.next())
        data.maintenance.append(VenueRepository::readMaintenance(m_maintenance));
    m_maintenance.finish();

    if (Status done = sql::execKept(m_occupancy, {zoneId}); !done)
        return std::unexpected(done.error());
    data.occupancy = m_occupancy.next() ? m_occupancy.value(0).toInt() : 0;
    m_occupancy.finish();
    return data;
}

} // namespace gymgate
