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

// Another clock shifted by a fixed offset: "run as if it were 10:05 today", for demos and
// end-to-end tests of the real programs. Time still advances.
class OffsetClock final : public Clock {
public:
    OffsetClock(const Clock &base, qint64 offsetMs) : m_base(base), m_offsetMs(offsetMs) { }
    qint64 nowMs() const override { return m_base.nowMs() + m_offsetMs; }

private:
    const Clock &m_base;
    qint64 m_offsetMs;
};

} // namespace gymgate
