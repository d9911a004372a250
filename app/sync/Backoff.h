#pragma once

#include <QtGlobal>

#include <random>

namespace gymgate {

// Retry delays after failures (DESIGN §9: 1 s up to 5 min, with jitter): the n-th failure in
// a row waits a random time in [cap/2, cap] with cap = min(max, min * 2^(n-1)), so desks that
// lost the hub together do not all come back in the same second.
class Backoff {
public:
    Backoff(qint64 minMs, qint64 maxMs, quint32 seed = std::random_device {}());

    qint64 nextDelayMs(); // counts a failure and returns how long to wait
    void reset(); // after a success
    int failures() const { return m_failures; }

private:
    qint64 m_minMs;
    qint64 m_maxMs;
    int m_failures = 0;
    std::mt19937 m_random;
};

} // namespace gymgate
