#include "DeviceModule.h"

#include "HubRouter.h"

namespace gymgate::hub {

void DeviceModule::registerRoutes(HubRouter &router)
{
    (void)router;
}

} // namespace gymgate::hub
