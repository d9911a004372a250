#pragma once

#include "core/Error.h"

#include <QString>

#include <optional>

namespace gymgate {

// What enrollment with the hub gave this desk (docs/hub/DEVICES.md). Kept in a JSON file with
// permissions 0600 beside the database, never in the database: a copied database file does not
// carry the device's secret.
struct HubCredentials {
    QString hubUrl; // http(s)://host:port, without a trailing slash
    QString deviceId;
    QString deviceSecret;
    QString deviceName;
    QString siteId;
    QString siteName;
    QString siteNumber;
    QString siteTimezone;
    qint64 enrolledAtMs = 0;

    bool isValid() const { return !hubUrl.isEmpty() && !deviceId.isEmpty() && !deviceSecret.isEmpty(); }
};

// "<database>.hub.json" beside the database file.
QString defaultHubCredentialsPath(const QString &databasePath);

// nullopt when the file does not exist; InvalidArgument naming the field when it is not a
// credentials file; Io when it cannot be read.
Result<std::optional<HubCredentials>> loadHubCredentials(const QString &path);
// Writes atomically (QSaveFile) with permissions 0600 set before any secret is written.
Status saveHubCredentials(const QString &path, const HubCredentials &credentials);
Status removeHubCredentials(const QString &path); // no error when already gone

} // namespace gymgate
