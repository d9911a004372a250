#pragma once

#include <QJsonObject>
#include <QList>

namespace gymgate {

// Percentiles of a list of samples (nanoseconds), reported in microseconds.
struct LatencySummary {
    qsizetype count = 0;
    double p50Us = 0;
    double p90Us = 0;
    double p95Us = 0;
    double p99Us = 0;
    double maxUs = 0;
    double meanUs = 0;

    QJsonObject toJson() const;
};

LatencySummary summarize(QList<qint64> samplesNs);

// Resident set size of this process in kilobytes (VmRSS), 0 if unknown.
qint64 residentKb();

} // namespace gymgate
