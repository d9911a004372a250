#pragma once

#include "HubModule.h"

namespace gymgate::hub {

// Venues with rules, ratings, status, maintenances, calendar and waiting list; reservations; course bookings.
class VenueModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;
};

} // namespace gymgate::hub
