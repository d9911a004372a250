#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QString>

namespace gymgate {

struct HubBenchOptions {
    QString databasePath; // a gym made by gymgate-datagen (read only): its members and cards are pushed
    int members = 0; // 0 = every member of the gym; their cards come along
    int batchSize = 500; // events per push (the desk's batch, DESIGN §9)
    bool postgresql = true; // also on a throwaway PostgreSQL when one can be started
};

// Sync through the real gymgate-hub (DESIGN §9, §11): loads the gym into an empty hub by pushing
// member.created and card.sold events in batches as enrolled desks do (events/s), then pulls
// the whole change log as a new site would, in pages of 500 and of 1000 (pulls/s, changes/s).
// Once on SQLite, once on PostgreSQL.
Result<QJsonObject> runHubBench(const HubBenchOptions &options);

} // namespace gymgate
