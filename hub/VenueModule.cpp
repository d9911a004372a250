#include "VenueModule.h"

#include "HubRouter.h"

namespace gymgate::hub {

void VenueModule::registerRoutes(HubRouter &router)
{
    (void)router;
}

} // namespace gymgate::hub
