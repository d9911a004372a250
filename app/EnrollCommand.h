#pragma once

namespace gymgate {

struct AppOptions;

// gymgate --enroll URL --enroll-code CODE / --unenroll: enrollment for a PC without a desk
// screen (a headless controller or a kiosk on a database of its own). Prints what happened and
// returns the exit code: 0 done, 1 refused or failed (nothing changed), as docs/SYNC.md says.
int runEnrollCommand(const AppOptions &options);

} // namespace gymgate
