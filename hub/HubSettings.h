#pragma once

#include "core/Error.h"
#include "core/FieldCipher.h"

#include <QString>

#include <optional>

namespace gymgate::hub {

class HubDatabase;

// hub_setting: hub-wide values and secrets shared by every hub instance on one database.
class HubSettings {
public:
    explicit HubSettings(HubDatabase &database) : m_database(database) { }

    Result<std::optional<QString>> value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);

    // The chain's member-data key (phones are encrypted and hashed with it everywhere), made on
    // first use. Two instances racing to make it agree: the first insert wins, both read it back.
    Result<QByteArray> fieldKey();
    Result<FieldCipher> fieldCipher();

private:
    HubDatabase &m_database;
};

} // namespace gymgate::hub
