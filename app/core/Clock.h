#pragma once

#include <QtGlobal>

#include <atomic>

namespace gymgate {

// Time source for everything that decides by time, so tests can set the time.
// All times are UTC milliseconds since the epoch.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told; for tests and benchmarks.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 startMs = 0) : m_nowMs(startMs) { }
    qint64 nowMs() const override { return m_nowMs.load(); }
    void setNowMs(qint64 nowMs) { m_nowMs.store(nowMs); }
    void advanceMs(qint64 deltaMs) { m_nowMs.fetch_add(deltaMs); }

private:
    std::atomic<qint64> m_nowMs;
};

} // namespace gymgate
