#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

class Database;

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

// A configured gate (`gate`). The profile is the firmware-bridge profile JSON, validated by
// the bridge; the store keeps it as it was given.
struct GateConfig {
    QString id;
    QString name;
    QString zoneId; // venue id
    GateDirection direction = GateDirection::In;
    QJsonObject profile;
    GateFailMode failMode = GateFailMode::Secure;
    std::optional<qint64> lastSelfTestAtMs;
    QString lastSelfTestResult;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

class GateRepository {
public:
    explicit GateRepository(Database &db);

    Result<GateConfig> insert(GateConfig gate, qint64 atMs); // empty id -> new UUID
    Status update(const GateConfig &gate, qint64 atMs); // NotFound when missing
    Result<std::optional<GateConfig>> findById(const QString &id) const;
    Result<QList<GateConfig>> list() const; // not deleted, by name
    // The entry gate into the gym floor (the first by name): where a controller or a benchmark
    // stands when no gate is named.
    Result<std::optional<GateConfig>> mainEntrance() const;
    Status recordSelfTest(const QString &id, qint64 atMs, const QString &result);
    Status softDelete(const QString &id, qint64 atMs);

private:
    Database &m_db;
};

} // namespace gymgate
