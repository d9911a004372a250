#include "sync/Backoff.h"

#include <algorithm>

namespace gymgate {

Backoff::Backoff(qint64 minMs, qint64 maxMs, quint32 seed)
    : m_minMs(std::max<qint64>(1, minMs)), m_maxMs(std::max(std::max<qint64>(1, minMs), maxMs)), m_random(seed)
{ }

qint64 Backoff::nextDelayMs()
{
    ++m_failures;
    // Doubling stops once the cap is reached: no overflow however long the hub stays away.
    qint64 capMs = m_minMs;
    for (int i = 1; i < m_failures && capMs < m_maxMs; ++i)
        capMs *= 2;
    capMs = std::min(capMs, m_maxMs);
    std::uniform_int_distribution<qint64> jitter(capMs / 2, capMs);
    return jitter(m_random);
}

void Backoff::reset()
{
    m_failures = 0;
}

} // namespace gymgate
