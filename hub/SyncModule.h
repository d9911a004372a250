#pragma once

#include "core/Error.h"

#include <QJsonObject>

#include "HubModule.h"

namespace gymgate::hub {

struct EventOutcome;
struct HubPrincipal;
struct HubRequest;
struct HubResponse;
struct SyncEvent;

// Sync pull and push for enrolled devices (DESIGN §9), and the flags the conflict rules raise
// for staff:
//   GET  /api/v1/sync/changes?since=&limit=   the change log, page by page
//   POST /api/v1/sync/events                  up to 500 outbox events, each applied exactly once
//   GET  /api/v1/flags                        open flags (card overdrawn, booking rejected)
//   POST /api/v1/flags/{flagId}/resolve       an admin closes one
class SyncModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;

    static constexpr int MaxEventsPerPush = 500;
    static constexpr int DefaultPageSize = 500;
    static constexpr int MaxPageSize = 1000;

private:
    HubResponse changes(const HubRequest &request);
    HubResponse pushEvents(const HubRequest &request);
    HubResponse flags(const HubRequest &request);
    HubResponse resolveFlag(const HubRequest &request);

    // One event in its own transaction with its hub_sync_event row; an error only for a
    // storage failure (the caller answers 500 and the device retries the batch).
    Result<EventOutcome> pushOne(const SyncEvent &event, const HubPrincipal &device);
    Status recordRejected(const SyncEvent &event, const EventOutcome &outcome);
};

} // namespace gymgate::hub
