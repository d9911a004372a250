#pragma once

#include "core/AccessReason.h"
#include "core/Entry.h"
#include "core/Error.h"

#include "DatagenOptions.h"
#include "DemoRole.h"
#include "GymModel.h"
#include "Progress.h"

struct sqlite3;

namespace gymgate {

// The entry log of the last two months: visits to the gym floor and the pool (in, and out
// unless the member is still inside), the passages of attended bookings, denied scans with
// their reasons and a few annulled passages; then zone_occupancy to match who is inside now.
class EntryBuilder {
public:
    EntryBuilder(
        GymModel &model, SeededRandom &random, const DatagenOptions &options, const SiteTime &time, Progress &progress)
        : m_model(model), m_random(random), m_options(options), m_time(time), m_progress(progress)
    { }

    Status write(sqlite3 *db);

    // When the PoolLimit demo member swam today (two visits, both finished).
    static std::array<qint64, 2> poolLimitVisits(const SiteTime &time);

private:
    enum class CredentialKind : quint8 {
        Invalid = 0,
        Card,
        Token,
        Legacy,
        Unread
    };
    struct Row {
        qint64 decidedAtMs = 0;
        qint64 passedAtMs = 0;
        qint64 annulledAtMs = 0;
        quint64 tokenNonce = 0;
        qint64 feeFen = 0;
        int member = -1;
        int zone = 0;
        int card = -1;
        int attended = -1; // index into GymModel::attended: the booking that let the member in
        EntryStatus status = EntryStatus::Invalid;
        Direction direction = Direction::In;
        AccessReason reason = AccessReason::Invalid;
        CredentialKind credential = CredentialKind::Invalid;
        qint8 visits = 0;
        qint8 annulReason = -1;
    };
    struct MemberPlan {
        int member = 0;
        int quota = 0;
        int card = -1; // card used at the gym floor
        int poolCard = -1; // card used at the pool
        qint64 fromMs = 0; // earliest moment of the member's entries
    };

    void addDemoEntries();
    void addMemberEntries(const MemberPlan &plan, size_t attendedBegin, size_t attendedEnd);
    int addAttendedEntries(const MemberPlan &plan, size_t begin, size_t end);
    int addVisits(const MemberPlan &plan, int visits);
    void addVisit(int member, int zone, int card, qint64 inMs, qint64 outMs);
    void addDenied(const MemberPlan &plan);
    void addAnnulled(const MemberPlan &plan);
    Row granted(int member, int zone, int card, qint64 decidedAtMs);
    CredentialKind randomCredential(int member);
    int usableCard(int member, int zone) const;
    qint64 randomOpenMoment(int zone, qint64 fromMs);
    Status writeRows(sqlite3 *db);
    Status writeOccupancy(sqlite3 *db) const;

    GymModel &m_model;
    SeededRandom &m_random;
    const DatagenOptions &m_options;
    const SiteTime &m_time;
    Progress &m_progress;
    std::vector<Row> m_rows;
    int m_floor = 0;
    int m_pool = 0;
};

} // namespace gymgate
