#include "Progress.h"

#include <QCoreApplication>

#include <cstdio>
#include <limits>

namespace gymgate {

void Progress::begin(const QString &stage, qint64 total)
{
    m_stage = stage;
    m_total = total;
    m_stageStartMs = m_clock.elapsed();
    // Four reports per stage at most, only for stages big enough to be waited for.
    m_nextReport = total >= 20'000 ? total / 4 : std::numeric_limits<qint64>::max();
}

void Progress::report(qint64 done)
{
    m_nextReport = done + std::max<qint64>(1, m_total / 4);
    if (m_quiet)
        return;
    const QString line = QCoreApplication::translate("Datagen", "%1: %2 of %3").arg(m_stage).arg(done).arg(m_total);
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

void Progress::end()
{
    if (m_quiet)
        return;
    const qint64 stageMs = m_clock.elapsed() - m_stageStartMs;
    const QString line = m_total > 0
        ? QCoreApplication::translate("Datagen", "%1: %2 done in %3 ms").arg(m_stage).arg(m_total).arg(stageMs)
        : QCoreApplication::translate("Datagen", "%1: done in %2 ms").arg(m_stage).arg(stageMs);
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

} // namespace gymgate
