#pragma once

#include "HubModule.h"

namespace gymgate::hub {

// Sync pull and push for enrolled devices (DESIGN §9).
class SyncModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;
};

} // namespace gymgate::hub
