#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

enum class GateDirection {
    Invalid = 0,
    In,
    Out,
    Both
};
const char *gateDirectionName(GateDirection direction); // "in", "out", "both"
GateDirection gateDirectionFromName(const QString &name);

// What a gate does when the controller cannot be reached (DESIGN §7).
enum class GateFailMode {
    Invalid = 0,
    Secure,
    Open
};
const char *gateFailModeName(GateFailMode mode); // "secure", "open"
GateFailMode gateFailModeFromName(const QString &name);

struct GateSelfTestStep {
    QString name; // translated when the test ran
    bool passed = false;
    QString message; // translated detail; empty when there is nothing to add
};

// What a gate's self-test found (connect, read inputs, fire input, open and passage, counter),
// stored on the gate as compact JSON and shown in the gate list.
struct GateSelfTestReport {
    qint64 atMs = 0; // when it ran, ms since the epoch
    QList<GateSelfTestStep> steps;
    bool stoppedEarly = false; // connect or the first read failed: the other steps did not run

    bool passed() const; // every step passed, and there was one
    int failures() const;
    // {"atMs":..,"passed":..,"stoppedEarly":..,"steps":[{"name","passed","message"}]}, the form
    // bridge::SelfTestResult::toJson writes.
    QJsonObject toJson() const;
    static std::optional<GateSelfTestReport> fromJson(const QJsonObject &json); // nullopt: not a report
};

// A configured gate (`gate`). The profile is the firmware-bridge profile JSON (docs/HARDWARE.md),
// validated by the bridge; the store keeps it as it was given.
struct GateConfig {
    QString id;
    QString name;
    QString zoneId; // venue id
    GateDirection direction = GateDirection::In;
    QJsonObject profile;
    GateFailMode failMode = GateFailMode::Secure;
    std::optional<qint64> lastSelfTestAtMs;
    QString lastSelfTestResult; // GateSelfTestReport::toJson, compact
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

} // namespace gymgate
