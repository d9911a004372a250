#pragma once

#include <QList>

namespace gymgate::gatesim {

enum class SimMap {
    Invalid = 0,
    Turnstile,
    Relay
};
enum class Direction {
    Invalid = 0,
    In,
    Out
};

struct SimOptions {
    SimMap map = SimMap::Turnstile;
    QList<int> slaves {1};
    double passProbability = 1.0;
    int passDelayMinMs = 200;
    int passDelayMaxMs = 800;
    quint32 seed = 1;
    bool quiet = false;
};

} // namespace gymgate::gatesim
