#pragma once

#include "HubModule.h"

namespace gymgate::hub {

struct HubRequest;
struct HubResponse;

// Statistics (seed 000 "数据统计与分析", seed 002 §3.4.1): the overview of a date range, the
// reservation, venue-usage and custom report figures. Read-only; every figure is computed from
// the domain tables (member, booking, entry, sale, venue, course_slot) the sites sync into the
// hub. Dates are whole days in the site's time zone; see docs/hub/STATS.md for the definitions.
class StatsModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;

private:
    HubResponse overview(const HubRequest &request);
    HubResponse reservations(const HubRequest &request);
    HubResponse venues(const HubRequest &request);
    HubResponse reports(const HubRequest &request);
};

} // namespace gymgate::hub
