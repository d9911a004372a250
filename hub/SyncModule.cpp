#include "SyncModule.h"

#include "HubRouter.h"

namespace gymgate::hub {

void SyncModule::registerRoutes(HubRouter &router)
{
    (void)router;
}

} // namespace gymgate::hub
