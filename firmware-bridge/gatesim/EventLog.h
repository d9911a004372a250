#pragma once

#include <QJsonObject>

namespace gymgate::gatesim {

// One JSON object per stdout line, flushed at once, so a test reading the pipe sees
// every event as soon as it happens. Safe from any thread.
class EventLog {
public:
    static void setQuiet(bool quiet);
    static void write(const QJsonObject &object); // always written (start line, pty paths)
    static void event(const QJsonObject &object); // suppressed by --quiet
};

} // namespace gymgate::gatesim
