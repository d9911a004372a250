#include "BenchStats.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gymgate {
namespace {

double percentileUs(const QList<qint64> &sorted, double fraction)
{
    // Nearest-rank percentile: the smallest sample with at least `fraction` of samples at or below it.
    const auto rank = static_cast<qsizetype>(std::ceil(fraction * double(sorted.size())));
    return double(sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1))) / 1000.0;
}

double rounded(double value)
{
    return std::round(value * 10.0) / 10.0;
}

} // namespace

QJsonObject LatencySummary::toJson() const
{
    return QJsonObject {{QStringLiteral("count"), count}, {QStringLiteral("p50_us"), rounded(p50Us)},
        {QStringLiteral("p90_us"), rounded(p90Us)}, {QStringLiteral("p95_us"), rounded(p95Us)},
        {QStringLiteral("p99_us"), rounded(p99Us)}, {QStringLiteral("max_us"), rounded(maxUs)},
        {QStringLiteral("mean_us"), rounded(meanUs)}};
}

LatencySummary summarize(QList<qint64> samplesNs)
{
    LatencySummary summary;
    if (samplesNs.isEmpty())
        return summary;
    std::sort(samplesNs.begin(), samplesNs.end());
    summary.count = samplesNs.size();
    summary.p50Us = percentileUs(samplesNs, 0.50);
    summary.p90Us = percentileUs(samplesNs, 0.90);
    summary.p95Us = percentileUs(samplesNs, 0.95);
    summary.p99Us = percentileUs(samplesNs, 0.99);
    summary.maxUs = double(samplesNs.last()) / 1000.0;
    summary.meanUs
        = double(std::accumulate(samplesNs.cbegin(), samplesNs.cend(), qint64(0))) / double(samplesNs.size()) / 1000.0;
    return summary;
}

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    // /proc files report size 0, so read them whole rather than line by line up to atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace gymgate
