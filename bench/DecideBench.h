#pragma once

#include "core/Error.h"

#include <QJsonObject>

namespace gymgate {

struct DecideBenchOptions {
    QString databasePath; // a gym made by gymgate-datagen; the bench writes entries into it
    int iterations = 5000;
    int warmup = 200;
    quint64 seed = 1;
    qint64 clockStartMs = 0; // run as if it were this time (0 = now), like gymgate --clock
};

// Decision latency as the entry path sees it: credential verification, reading the member's
// data, the policy, and the persisted decision (entry row, deduction, outbox event) with
// synchronous=FULL. One sample per scan, each for a different member.
Result<QJsonObject> runDecideBench(const DecideBenchOptions &options);

} // namespace gymgate
