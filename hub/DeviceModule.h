#pragma once

#include <QHash>
#include <QString>

#include <deque>

#include "HubModule.h"
#include "HubResponse.h"

namespace gymgate::hub {

struct HubRequest;

// Sites, device enrollment and device tokens, the hub's signing keys and the trusted keys,
// app entry tokens and credential revocation (DESIGN §5, §9).
class DeviceModule : public HubModule {
public:
    // Public endpoints that take a secret (enroll, device token): per remote address and
    // endpoint, like the login limit.
    static constexpr int kAttemptsPerWindow = 10;
    static constexpr qint64 kWindowMs = 60 * 1000;
    static constexpr qint64 kEntryTokenValidityMs = 60 * 1000; // DESIGN §5: T tokens live 60 s

    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;

private:
    void registerSiteRoutes(HubRouter &router);
    void registerDeviceRoutes(HubRouter &router);
    void registerKeyRoutes(HubRouter &router);

    HubResponse listSites(const HubRequest &request);
    HubResponse getSite(const HubRequest &request);
    HubResponse createSite(const HubRequest &request);
    HubResponse updateSite(const HubRequest &request);

    HubResponse createEnrollmentCode(const HubRequest &request);
    HubResponse enroll(const HubRequest &request);
    HubResponse deviceToken(const HubRequest &request);
    HubResponse listDevices(const HubRequest &request);
    HubResponse revokeDevice(const HubRequest &request);

    HubResponse listKeys(const HubRequest &request);
    HubResponse rotateKey(const HubRequest &request);
    HubResponse revokeKey(const HubRequest &request);

    HubResponse entryToken(const HubRequest &request);
    HubResponse revokeCredential(const HubRequest &request);

    bool rateLimited(const QString &endpoint, const QString &remoteAddress);

    QHash<QString, std::deque<qint64>> m_attempts; // endpoint + address -> monotonic ms of attempts
};

} // namespace gymgate::hub
