#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

class HubProcess;

namespace gymgate {

// The members and cards of a gymgate-datagen gym as the desk's outbox events would carry them
// (syncjson member and card shapes), for loading a real hub in the hub and sync benchmarks.
struct GymEvents {
    QList<QJsonObject> products; // every card product, inactive ones included
    QList<QJsonObject> members;
    QList<QJsonObject> cards;
};

// Reads the gym read-only; memberLimit 0 = every member (their cards come along).
Result<GymEvents> readGymEvents(const QString &path, int memberLimit);

struct PushFigures {
    qint64 events = 0;
    qint64 notOk = 0;
    double seconds = 0;
    QList<qint64> batchNs;
};

// Pushes `data` as events of `type` from `device` in batches of `batchSize`, adding to `figures`.
Result<PushFigures> pushGymEvents(HubProcess &hub, const QString &token, const QString &device, const QString &type,
    const QList<QJsonObject> &data, int batchSize, PushFigures figures = {});
QJsonObject pushJson(const PushFigures &figures);

} // namespace gymgate
