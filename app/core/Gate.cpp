// String forms of the gate enums, as stored in the `gate` table and in gate files.
#include "core/Gate.h"

#include <QJsonArray>

namespace gymgate {

const char *gateDirectionName(GateDirection direction)
{
    switch (direction) {
    case GateDirection::In:
        return "in";
    case GateDirection::Out:
        return "out";
    case GateDirection::Both:
        return "both";
    case GateDirection::Invalid:
        break;
    }
    return "";
}

GateDirection gateDirectionFromName(const QString &name)
{
    if (name == QLatin1String("in"))
        return GateDirection::In;
    if (name == QLatin1String("out"))
        return GateDirection::Out;
    if (name == QLatin1String("both"))
        return GateDirection::Both;
    return GateDirection::Invalid;
}

const char *gateFailModeName(GateFailMode mode)
{
    switch (mode) {
    case GateFailMode::Secure:
        return "secure";
    case GateFailMode::Open:
        return "open";
    case GateFailMode::Invalid:
        break;
    }
    return "";
}

GateFailMode gateFailModeFromName(const QString &name)
{
    if (name == QLatin1String("secure"))
        return GateFailMode::Secure;
    if (name == QLatin1String("open"))
        return GateFailMode::Open;
    return GateFailMode::Invalid;
}

bool GateSelfTestReport::passed() const
{
    return !steps.isEmpty() && failures() == 0;
}

int GateSelfTestReport::failures() const
{
    int failed = 0;
    for (const GateSelfTestStep &step : steps)
        failed += step.passed ? 0 : 1;
    return failed;
}

QJsonObject GateSelfTestReport::toJson() const
{
    QJsonArray stepsJson;
    for (const GateSelfTestStep &step : steps)
        stepsJson.append(QJsonObject {{QStringLiteral("name"), step.name}, {QStringLiteral("passed"), step.passed},
            {QStringLiteral("message"), step.message}});
    return QJsonObject {{QStringLiteral("atMs"), atMs}, {QStringLiteral("passed"), passed()},
        {QStringLiteral("stoppedEarly"), stoppedEarly}, {QStringLiteral("steps"), stepsJson}};
}

std::optional<GateSelfTestReport> GateSelfTestReport::fromJson(const QJsonObject &json)
{
    if (!json.value(QStringLiteral("atMs")).isDouble() || !json.value(QStringLiteral("steps")).isArray())
        return std::nullopt;
    GateSelfTestReport report;
    report.atMs = json.value(QStringLiteral("atMs")).toInteger();
    report.stoppedEarly = json.value(QStringLiteral("stoppedEarly")).toBool();
    for (const QJsonValue &value : json.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject step = value.toObject();
        report.steps.append(GateSelfTestStep {step.value(QStringLiteral("name")).toString(),
            step.value(QStringLiteral("passed")).toBool(), step.value(QStringLiteral("message")).toString()});
    }
    return report;
}

} // namespace gymgate
