#pragma once

#include "core/Error.h"
#include "core/Gate.h"

#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

class Database;

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
