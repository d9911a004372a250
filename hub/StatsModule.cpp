#include "StatsModule.h"

#include "HubRouter.h"

namespace gymgate::hub {

void StatsModule::registerRoutes(HubRouter &router)
{
    (void)router;
}

} // namespace gymgate::hub
