#include "core/SodiumSupport.h"

#include <sodium.h>

namespace gymgate::sodium {

bool ready()
{
    static const bool initialised = sodium_init() >= 0;
    return initialised;
}

} // namespace gymgate::sodium
