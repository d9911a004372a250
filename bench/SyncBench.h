#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QString>

namespace gymgate {

struct SyncBenchOptions {
    QString databasePath; // a gym made by gymgate-datagen (read only): loaded into the hub first
    int members = 0; // 0 = every member of the gym; their cards come along
    int changes = 1000; // the "1k changes" pull
    int queued = 10000; // events queued at a desk, then pushed
    int propagations = 100; // changes timed from desk A to desk B
};

// The desk side of sync (DESIGN §9, §11) against the real gymgate-hub on SQLite:
//  - first sync: a new desk enrolls and pulls the whole gym (members, cards, products, keys);
//  - pull of `changes` member edits made at another desk;
//  - push of `queued` events waiting in a desk's outbox (the outbox pump alone);
//  - propagation: a member edited at desk A through the real desk service until desk B has it,
//    each desk running its SyncService on its own thread, B told by the WebSocket hint.
Result<QJsonObject> runSyncBench(const SyncBenchOptions &options);

} // namespace gymgate
