#include "EventLog.h"

#include <QJsonDocument>

#include <atomic>
#include <cstdio>
#include <mutex>

namespace gymgate::gatesim {

namespace {
std::mutex s_mutex;
std::atomic_bool s_quiet = false;
} // namespace

void EventLog::setQuiet(bool quiet)
{
    s_quiet = quiet;
}

void EventLog::write(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    const std::lock_guard lock(s_mutex);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
}

void EventLog::event(const QJsonObject &object)
{
    if (!s_quiet)
        write(object);
}

} // namespace gymgate::gatesim
