#pragma once

#include "HubModule.h"

namespace gymgate::hub {

// Devices and enrollment, the hub's signing keys, app entry tokens, staff user management.
class DeviceModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;
};

} // namespace gymgate::hub
