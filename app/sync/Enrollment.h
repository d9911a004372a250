#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "sync/HubCredentials.h"

#include <QString>

namespace gymgate {

class Database;

struct EnrollmentRequest {
    QString hubUrl;
    QString code;
    QString deviceName;
    QString staffId; // who enrolls (audit)
    QString kind = QStringLiteral("desk"); // desk | kiosk | controller (docs/hub/DEVICES.md)
};

// Enrolls this desk with the hub (docs/hub/DEVICES.md) and takes what the hub hands back:
//  1. POST /api/v1/devices/enroll with this desk's signing public key (keyDirectory/signing.key);
//  2. one transaction: settings device.id, site.id, site.number, site.name, site.timezone; the
//     hub's trusted keys; events already in the outbox re-addressed to the new device id; member
//     phone numbers re-encrypted from this desk's data key to the chain's; audit "sync.enroll";
//  3. keyDirectory/data.key replaced by the chain key (the old one kept as data.key.local), then
//     the credentials file (0600).
// A refused code, an unreachable hub or a bad answer changes nothing here.
class Enrollment {
public:
    Enrollment(Database &db, const Clock &clock, QString keyDirectory, QString credentialsPath);

    Result<QString> testConnection(const QString &hubUrl, int timeoutMs = 10000); // hub version
    Result<HubCredentials> enroll(const EnrollmentRequest &request);
    // Removes the credentials file; keeps the data, the keys and the outbox. Audited.
    Status unenroll(const QString &staffId);

private:
    Database &m_db;
    const Clock &m_clock;
    QString m_keyDirectory;
    QString m_credentialsPath;
};

} // namespace gymgate
