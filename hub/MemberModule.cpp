#include "MemberModule.h"

#include "HubRouter.h"

namespace gymgate::hub {

void MemberModule::registerRoutes(HubRouter &router)
{
    (void)router;
}

} // namespace gymgate::hub
