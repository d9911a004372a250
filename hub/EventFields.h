#pragma once

#include "core/SyncJson.h"

namespace gymgate::hub {

// Reads the fields of one event's `data`, remembering the first problem; errors name the field
// as "data.<name>". The reader lives in core with the wire format it checks (core/SyncJson.h).
using EventFields = syncjson::FieldReader;

} // namespace gymgate::hub
