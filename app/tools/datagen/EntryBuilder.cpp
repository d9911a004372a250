#include "EntryBuilder.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "SqlStatement.h"

namespace gymgate {
namespace {

constexpr double DeniedShare = 0.06;
constexpr double AnnulledShare = 0.01;
constexpr double PoolShare = 0.15;
// A morning visit starts before 12:30 and lasts at most 130 minutes, so it is over before an
// afternoon visit can start: no member is ever in twice.
constexpr int MorningEndMinute = 12 * 60 + 30;
constexpr int AfternoonStartMinute = 14 * 60 + 45;
constexpr int LongestVisitMinutes = 130;
constexpr std::array<const char *, 3> AnnulReasons = {"timeout", "gate_fault", "interrupted"};
constexpr std::array<int, 3> AnnulReasonWeights = {80, 15, 5};

struct DeniedKind {
    AccessReason reason;
    VenueRole zone;
    int weight;
};

// What really gets refused at a gym's gates, roughly how often.
constexpr std::array DeniedKinds = {
    DeniedKind {AccessReason::CardExpired, VenueRole::GymFloor, 18},
    DeniedKind {AccessReason::BookingRequired, VenueRole::GeneralStudio, 14},
    DeniedKind {AccessReason::AntiPassback, VenueRole::GymFloor, 12},
    DeniedKind {AccessReason::CardNoVisits, VenueRole::GymFloor, 7},
    DeniedKind {AccessReason::CardFrozen, VenueRole::GymFloor, 6},
    DeniedKind {AccessReason::CardOutsideWindow, VenueRole::GymFloor, 6},
    DeniedKind {AccessReason::CredentialExpired, VenueRole::GymFloor, 6},
    DeniedKind {AccessReason::CardInsufficientBalance, VenueRole::GymFloor, 5},
    DeniedKind {AccessReason::ZoneClosed, VenueRole::GymFloor, 5},
    DeniedKind {AccessReason::DailyLimit, VenueRole::Pool, 4},
    DeniedKind {AccessReason::CardWrongZone, VenueRole::Pool, 3},
    DeniedKind {AccessReason::CredentialRevoked, VenueRole::GymFloor, 3},
    DeniedKind {AccessReason::CredentialMalformed, VenueRole::GymFloor, 3},
    DeniedKind {AccessReason::CardNone, VenueRole::GymFloor, 2},
    DeniedKind {AccessReason::CredentialBadSignature, VenueRole::GymFloor, 1},
    DeniedKind {AccessReason::ZoneFull, VenueRole::GymFloor, 1},
};

bool isCredentialFailure(AccessReason reason)
{
    return reason >= AccessReason::CredentialMalformed && reason <= AccessReason::CredentialLegacyDisabled;
}

void hex16(quint64 value, char *out)
{
    static constexpr char Hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i)
        out[i] = Hex[(value >> (60 - 4 * i)) & 0xf];
}

} // namespace

std::array<qint64, 2> EntryBuilder::poolLimitVisits(const SiteTime &time)
{
    return {time.nowMs() - 150 * MinuteMs, time.nowMs() - 70 * MinuteMs};
}

EntryBuilder::Row EntryBuilder::granted(int member, int zone, int card, qint64 decidedAtMs)
{
    Row row;
    row.decidedAtMs = decidedAtMs;
    row.passedAtMs = decidedAtMs + m_random.between(2'000, 8'000);
    row.member = member;
    row.zone = zone;
    row.card = card;
    row.status = EntryStatus::Passed;
    row.reason = AccessReason::Granted;
    row.credential = randomCredential(member);
    row.tokenNonce = m_random.next();
    if (card >= 0) {
        const CardInfo &info = m_model.cards[size_t(card)];
        row.visits = info.kind == CardKind::Count ? 1 : 0;
        row.feeFen = info.kind == CardKind::Value ? m_model.products[size_t(info.product)].perVisitPriceFen : 0;
    }
    return row;
}

EntryBuilder::CredentialKind EntryBuilder::randomCredential(int member)
{
    const int roll = int(m_random.below(100));
    if (roll < 25)
        return CredentialKind::Token;
    if (roll < 90 && m_model.members[size_t(member)].hasCredential)
        return CredentialKind::Card;
    return CredentialKind::Legacy;
}

int EntryBuilder::usableCard(int member, int zone) const
{
    const MemberInfo &info = m_model.members[size_t(member)];
    int fallback = -1;
    for (int c = info.firstCard + info.cardCount - 1; c >= info.firstCard; --c) {
        const CardInfo &card = m_model.cards[size_t(c)];
        const int only = m_model.products[size_t(card.product)].poolVenue;
        if (only >= 0 && only != zone)
            continue;
        if (card.status == CardStatus::Active && card.validFromMs <= m_time.nowMs())
            return c;
        fallback = fallback < 0 ? c : fallback;
    }
    return fallback;
}

// A moment the zone is open, between `fromMs` and now.
qint64 EntryBuilder::randomOpenMoment(int zone, qint64 fromMs)
{
    const VenueInfo &venue = m_model.venues[size_t(zone)];
    const qint64 firstDay = m_time.dayStart(fromMs);
    const qint64 days = (m_time.todayStart() - firstDay) / DayMs + 1;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const qint64 day = firstDay + qint64(m_random.below(quint64(days))) * DayMs;
        const DayHours &hours = venue.hours[size_t(m_time.weekday(day) - 1)];
        if (hours.closeMinute <= hours.openMinute)
            continue;
        const qint64 at = day + m_random.between(hours.openMinute * MinuteMs, hours.closeMinute * MinuteMs - 1);
        if (at >= fromMs && at < m_time.nowMs())
            return at;
    }
    return std::clamp(m_time.nowMs() - m_random.between(HourMs, DayMs), fromMs, m_time.nowMs() - MinuteMs);
}

void EntryBuilder::addVisit(int member, int zone, int card, qint64 inMs, qint64 outMs)
{
    const Row in = granted(member, zone, card, inMs);
    m_rows.push_back(in);
    if (outMs <= 0 || outMs >= m_time.nowMs()) {
        ++m_model.venues[size_t(zone)].inside; // still in there
        return;
    }
    Row out = in;
    out.direction = Direction::Out;
    out.card = -1;
    out.visits = 0;
    out.feeFen = 0;
    out.decidedAtMs = outMs;
    out.passedAtMs = outMs + m_random.between(2'000, 6'000);
    m_rows.push_back(out);
}

int EntryBuilder::addAttendedEntries(const MemberPlan &plan, size_t begin, size_t end)
{
    int added = 0;
    // The most recent classes first: when the quota is short, old ones go without a row.
    for (size_t i = end; i > begin && added < plan.quota; --i) {
        const AttendedVisit &visit = m_model.attended[i - 1];
        const int card = usableCard(plan.member, visit.venue);
        Row row = granted(plan.member, visit.venue, card, visit.startMs - m_random.between(MinuteMs, 14 * MinuteMs));
        row.attended = int(i - 1);
        m_rows.push_back(row);
        if (visit.startMs <= m_time.nowMs() && visit.endMs > m_time.nowMs())
            ++m_model.venues[size_t(visit.venue)].inside;
        ++added;
    }
    return added;
}

// Visits of the gym floor or the pool on distinct half days (a member comes at most once a
// morning and once an afternoon). Returns the rows added.
int EntryBuilder::addVisits(const MemberPlan &plan, int visits)
{
    struct HalfDay {
        qint64 dayStart;
        bool afternoon;
    };
    std::vector<HalfDay> candidates;
    for (qint64 day = m_time.dayStart(plan.fromMs); day <= m_time.todayStart(); day += DayMs) {
        candidates.push_back({day, false});
        candidates.push_back({day, true});
    }
    const qint64 now = m_time.nowMs();
    int rows = 0;
    int made = 0;
    while (made < visits && !candidates.empty()) {
        const size_t pick = size_t(m_random.below(candidates.size()));
        const HalfDay half = candidates[pick];
        candidates[pick] = candidates.back();
        candidates.pop_back();
        const bool pool = plan.poolCard >= 0 && (plan.card < 0 || m_random.chance(PoolShare));
        const int zone = pool ? m_pool : m_floor;
        const DayHours &hours = m_model.venues[size_t(zone)].hours[size_t(m_time.weekday(half.dayStart) - 1)];
        const qint64 open = half.dayStart + hours.openMinute * MinuteMs;
        const qint64 close = half.dayStart + hours.closeMinute * MinuteMs;
        const qint64 from = half.afternoon ? half.dayStart + AfternoonStartMinute * MinuteMs : open;
        const qint64 to = half.afternoon ? close - 40 * MinuteMs : half.dayStart + MorningEndMinute * MinuteMs;
        if (from >= to)
            continue;
        // Drawn over the whole half day, so the hours before "now" are not crowded.
        const qint64 in = m_random.between(from, to - 1);
        if (in < plan.fromMs || in >= now)
            continue;
        ++made;
        const qint64 out = std::min(in + m_random.between(40, LongestVisitMinutes) * MinuteMs, close + 5 * MinuteMs);
        const size_t before = m_rows.size();
        addVisit(plan.member, zone, pool ? plan.poolCard : plan.card, in, out);
        rows += int(m_rows.size() - before);
    }
    return rows;
}

void EntryBuilder::addDenied(const MemberPlan &plan)
{
    static const std::vector<int> weights = [] {
        std::vector<int> out;
        for (const DeniedKind &kind : DeniedKinds)
            out.push_back(kind.weight);
        return out;
    }();
    const MemberInfo &member = m_model.members[size_t(plan.member)];
    DeniedKind kind = DeniedKinds[size_t(m_random.weighted(weights))];
    if (plan.card < 0 && plan.poolCard < 0 && !isCredentialFailure(kind.reason))
        kind = {AccessReason::CardNone, VenueRole::GymFloor, 0};
    if (member.blocked && m_random.chance(0.6))
        kind = {AccessReason::MemberBlocked, VenueRole::GymFloor, 0};
    if (member.deleted && m_random.chance(0.5))
        kind = {AccessReason::MemberDeleted, VenueRole::GymFloor, 0};

    Row row;
    row.status = EntryStatus::Denied;
    row.reason = kind.reason;
    row.zone = m_model.venueIndex(kind.zone);
    if (kind.zone == VenueRole::GeneralStudio) // any studio: the member walked to the wrong door
        row.zone += int(m_random.below(4));
    if (m_model.venues[size_t(row.zone)].role != kind.zone)
        row.zone = m_model.venueIndex(kind.zone);
    row.decidedAtMs = randomOpenMoment(row.zone, plan.fromMs);
    if (kind.reason == AccessReason::ZoneClosed) {
        // Tried the door just before opening or just after closing time.
        const qint64 day = m_time.dayStart(row.decidedAtMs);
        const DayHours &hours = m_model.venues[size_t(row.zone)].hours[size_t(m_time.weekday(day) - 1)];
        const qint64 early = day + hours.openMinute * MinuteMs - m_random.between(5, 40) * MinuteMs;
        const qint64 late = day + hours.closeMinute * MinuteMs + m_random.between(1, 30) * MinuteMs;
        const auto fits = [&](qint64 at) {
            return at >= plan.fromMs && at < m_time.nowMs();
        };
        if (fits(early))
            row.decidedAtMs = early;
        else if (fits(late))
            row.decidedAtMs = late;
        else
            row.reason = AccessReason::AntiPassback; // no closed hour in reach: a double scan instead
    }
    row.tokenNonce = m_random.next();
    // A code that fails its own checks names no member the gate could trust.
    if (isCredentialFailure(kind.reason)) {
        row.credential = kind.reason == AccessReason::CredentialExpired ? CredentialKind::Token
            : kind.reason == AccessReason::CredentialMalformed          ? CredentialKind::Unread
                                                                        : CredentialKind::Card;
        row.tokenNonce |= 1; // never the member's live code
    } else {
        row.member = plan.member;
        row.credential = randomCredential(plan.member);
    }
    m_rows.push_back(row);
}

void EntryBuilder::addAnnulled(const MemberPlan &plan)
{
    Row row = granted(plan.member, m_floor, plan.card, randomOpenMoment(m_floor, plan.fromMs));
    row.status = EntryStatus::Annulled;
    row.passedAtMs = 0;
    row.annulledAtMs = row.decidedAtMs + m_random.between(10'000, 30'000);
    row.annulReason = qint8(m_random.weighted(AnnulReasonWeights));
    m_rows.push_back(row);
}

void EntryBuilder::addMemberEntries(const MemberPlan &plan, size_t attendedBegin, size_t attendedEnd)
{
    const int attended = addAttendedEntries(plan, attendedBegin, attendedEnd);
    const int rest = plan.quota - attended;
    const auto randomRound = [&](double x) {
        return int(x) + (m_random.unit() < x - std::floor(x) ? 1 : 0);
    };
    const bool hasCard = plan.card >= 0 || plan.poolCard >= 0;
    const int denied = hasCard ? randomRound(rest * DeniedShare) : rest;
    const int annulled = hasCard && plan.card >= 0 ? std::min(rest - denied, randomRound(rest * AnnulledShare)) : 0;
    const int visitRows = rest - denied - annulled;
    const int added = addVisits(plan, visitRows / 2);
    // Rows the visits could not use become double scans and other refusals.
    for (int i = 0; i < denied + visitRows - added; ++i)
        addDenied(plan);
    for (int i = 0; i < annulled; ++i)
        addAnnulled(plan);
}

void EntryBuilder::addDemoEntries()
{
    const qint64 now = m_time.nowMs();
    for (int m = 0; m < std::min(int(m_model.members.size()), DemoMemberCount); ++m) {
        const MemberInfo &member = m_model.members[size_t(m)];
        const DemoRole role = member.demoRole;
        const bool swimmer = role == DemoRole::SwimOnly || role == DemoRole::PoolLimit;
        const bool regular = role == DemoRole::ActiveTime || role == DemoRole::CountCard || role == DemoRole::ValueCard
            || role == DemoRole::NoVisits || role == DemoRole::LowBalance || role == DemoRole::BookedNow
            || role == DemoRole::RevokedCode || role == DemoRole::LegacyCode || role == DemoRole::AntiPassback;
        if (!swimmer && !regular)
            continue;
        const int zone = swimmer ? m_pool : m_floor;
        for (const int daysAgo : {12, 5}) {
            const qint64 in = m_time.todayStart() - daysAgo * DayMs + 18 * HourMs + m * MinuteMs;
            addVisit(m, zone, member.firstCard, in, in + (swimmer ? 45 : 70) * MinuteMs);
        }
        if (role == DemoRole::AntiPassback)
            addVisit(m, m_floor, member.firstCard, now - 2 * MinuteMs, 0);
        if (role == DemoRole::PoolLimit) {
            for (const qint64 in : poolLimitVisits(m_time))
                addVisit(m, m_pool, member.firstCard, in, in + 40 * MinuteMs);
        }
    }
}

Status EntryBuilder::write(sqlite3 *db)
{
    m_progress.begin(QCoreApplication::translate("Datagen", "planning entries"), 0);
    m_floor = m_model.venueIndex(VenueRole::GymFloor);
    m_pool = m_model.venueIndex(VenueRole::Pool);
    std::stable_sort(m_model.attended.begin(), m_model.attended.end(),
        [](const AttendedVisit &a, const AttendedVisit &b) { return a.member < b.member; });
    addDemoEntries();
    const qint64 now = m_time.nowMs();
    const qint64 quota = std::max<qint64>(0, m_options.targetEntries() - qint64(m_rows.size()));
    m_rows.reserve(size_t(m_options.targetEntries()) + 16);

    // Every attended booking gets its passage when the quota allows; the rest of the quota is
    // split over members by activity, exactly (cumulative rounding).
    std::vector<int> attendedCount(m_model.members.size(), 0);
    for (const AttendedVisit &visit : m_model.attended)
        ++attendedCount[size_t(visit.member)];
    const qint64 attendedTotal = std::accumulate(attendedCount.cbegin(), attendedCount.cend(), qint64(0));
    const bool coverAttended = attendedTotal <= quota;
    const qint64 spread = coverAttended ? quota - attendedTotal : quota;
    const auto weight = [&](int m) {
        const MemberInfo &member = m_model.members[size_t(m)];
        if (!coverAttended)
            return double(attendedCount[size_t(m)]);
        return member.createdAtMs < now - DayMs ? member.entryWeight : 0.0;
    };
    double total = 0;
    for (int m = 0; m < int(m_model.members.size()); ++m)
        total += weight(m);
    double cumulative = 0;
    qint64 given = 0;
    size_t attended = 0;
    for (int m = 0; m < int(m_model.members.size()); ++m) {
        const MemberInfo &member = m_model.members[size_t(m)];
        const size_t attendedBegin = attended;
        while (attended < m_model.attended.size() && m_model.attended[attended].member == m)
            ++attended;
        cumulative += weight(m);
        const qint64 upTo = cumulativeShare(spread, cumulative, total);
        MemberPlan plan;
        plan.member = m;
        plan.quota = int(upTo - given) + (coverAttended ? attendedCount[size_t(m)] : 0);
        given = upTo;
        if (plan.quota <= 0)
            continue;
        plan.card = usableCard(m, m_floor);
        plan.poolCard = usableCard(m, m_pool);
        plan.fromMs = std::max(now - PastDays * DayMs, member.createdAtMs + HourMs);
        addMemberEntries(plan, attendedBegin, attended);
    }
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) { return a.decidedAtMs < b.decidedAtMs; });
    m_progress.end();
    if (Status status = writeRows(db); !status)
        return status;
    return writeOccupancy(db);
}

Status EntryBuilder::writeRows(sqlite3 *db)
{
    auto insert = SqlStatement::prepare(db,
        "INSERT INTO entry (id, gate_id, zone_id, direction, member_id, card_id, booking_id, credential_id, "
        "credential_kind, weak, status, reason, visits_deducted, fee_deducted_fen, note, decided_at, passed_at, "
        "annulled_at, annul_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    const qint64 total = qint64(m_rows.size());
    m_progress.begin(QCoreApplication::translate("Datagen", "entries"), total);
    char nonce[16];
    HumanNumber legacy;
    for (qint64 i = 0; i < total; ++i) {
        const Row &row = m_rows[size_t(i)];
        const VenueInfo &zone = m_model.venues[size_t(row.zone)];
        const Uuid id = m_random.uuid();
        insert->bind(1, id.view());
        insert->bind(2, zone.gateId.view());
        insert->bind(3, zone.id.view());
        insert->bind(4, directionName(row.direction));
        if (row.member >= 0)
            insert->bind(5, m_model.members[size_t(row.member)].id.view());
        else
            insert->bindNull(5);
        if (row.card >= 0 && row.status != EntryStatus::Denied)
            insert->bind(6, m_model.cards[size_t(row.card)].id.view());
        else
            insert->bindNull(6);
        if (row.attended >= 0)
            insert->bind(7, m_model.attended[size_t(row.attended)].bookingId.view());
        else
            insert->bindNull(7);
        switch (row.credential) {
        case CredentialKind::Card:
            if (row.member >= 0) {
                insert->bind(8, std::string_view(m_model.members[size_t(row.member)].credentialId.data(), 16));
            } else {
                hex16(row.tokenNonce, nonce);
                insert->bind(8, std::string_view(nonce, 16));
            }
            insert->bind(9, "card");
            break;
        case CredentialKind::Token:
            hex16(row.tokenNonce, nonce);
            insert->bind(8, std::string_view(nonce, 16));
            insert->bind(9, "token");
            break;
        case CredentialKind::Legacy:
            legacy = m_model.memberNo(row.member);
            insert->bind(8, legacy.view());
            insert->bind(9, "legacy");
            break;
        default:
            insert->bindNull(8);
            insert->bind(9, "");
            break;
        }
        insert->bind(10, row.credential == CredentialKind::Legacy ? 1 : 0);
        insert->bind(11, entryStatusName(row.status));
        insert->bind(12, accessReasonCode(row.reason));
        insert->bind(13, int(row.visits));
        insert->bind(14, row.feeFen);
        insert->bind(15, row.decidedAtMs);
        insert->bindOptional(16, row.passedAtMs != 0, row.passedAtMs);
        insert->bindOptional(17, row.annulledAtMs != 0, row.annulledAtMs);
        insert->bind(18, row.annulReason >= 0 ? AnnulReasons[size_t(row.annulReason)] : "");
        if (Status status = insert->execute(); !status)
            return status;
        m_progress.step(i + 1);
    }
    m_model.entryRows = total;
    m_progress.end();
    return {};
}

Status EntryBuilder::writeOccupancy(sqlite3 *db) const
{
    auto insert
        = SqlStatement::prepare(db, "INSERT INTO zone_occupancy (zone_id, inside, updated_at) VALUES (?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    for (const VenueInfo &venue : m_model.venues) {
        insert->bind(1, venue.id.view());
        insert->bind(2, venue.inside);
        insert->bind(3, m_time.nowMs());
        if (Status status = insert->execute(); !status)
            return status;
    }
    return {};
}

} // namespace gymgate
