#pragma once

#include <QElapsedTimer>
#include <QString>

namespace gymgate {

// Progress lines on standard error ("members 40000/100000"), at most a few per stage.
class Progress {
public:
    explicit Progress(bool quiet) : m_quiet(quiet) { m_clock.start(); }

    void begin(const QString &stage, qint64 total);
    void step(qint64 done) // hot loops call this per row: keep it cheap
    {
        if (done >= m_nextReport)
            report(done);
    }
    void end();
    qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    void report(qint64 done);

    bool m_quiet;
    QElapsedTimer m_clock;
    QString m_stage;
    qint64 m_total = 0;
    qint64 m_nextReport = 0;
    qint64 m_stageStartMs = 0;
};

} // namespace gymgate
