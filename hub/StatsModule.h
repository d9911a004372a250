#pragma once

#include "HubModule.h"

namespace gymgate::hub {

// Statistics, feedback and FAQ.
class StatsModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;
};

} // namespace gymgate::hub
