#pragma once

#include "HubModule.h"

namespace gymgate::hub {

// Members, member cards and QR check-in for the app and admin page.
class MemberModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;
};

} // namespace gymgate::hub
