#pragma once

namespace gymgate {

// The first members of every generated gym are hand-made for the demo: each shows one outcome
// at the gate (see DemoScenarios). Member i (from 0) has role i + 1.
enum class DemoRole {
    Invalid = 0,
    ActiveTime, // 年卡, active: granted
    CountCard, // 10次卡 with visits left
    ValueCard, // 储值卡 with balance
    FrozenCard, // only card frozen
    ExpiredCard, // only card expired
    NoVisits, // count card used up
    LowBalance, // value card below the per-visit price
    NotYetValid, // card starts in a few days
    OffPeak, // card with a weekday 09:00-16:00 window
    Blocked, // member blocked by staff
    BookedNow, // class and court booked, starting in 10 minutes
    RevokedCode, // lost phone: old code revoked, new code issued
    LegacyCode, // scans the member number
    SwimOnly, // swimming card: pool only
    AntiPassback, // entered the gym floor two minutes ago
    PoolLimit, // swam twice today already
    Deleted, // soft-deleted member
    Count, // number of roles + 1; not a role
};

inline constexpr int DemoMemberCount = int(DemoRole::Count) - 1;

} // namespace gymgate
