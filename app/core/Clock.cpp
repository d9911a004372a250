#include "core/Clock.h"

#include <QDateTime>

namespace gymgate {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace gymgate
