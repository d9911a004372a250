#pragma once

#include "HubModule.h"

namespace gymgate::hub {

struct HubRequest;
struct HubResponse;

// Feedback and FAQ (seed 000 "反馈与支持"): members and staff send feedback, admins read and
// answer it (the author hears of the answer through NotificationLog), and admins keep the FAQ
// that anyone may read. See docs/hub/FEEDBACK.md.
class FeedbackModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;

private:
    HubResponse createFeedback(const HubRequest &request);
    HubResponse listFeedback(const HubRequest &request);
    HubResponse getFeedback(const HubRequest &request);
    HubResponse replyFeedback(const HubRequest &request);
    HubResponse listFaqs(const HubRequest &request);
    HubResponse getFaq(const HubRequest &request);
    HubResponse createFaq(const HubRequest &request);
    HubResponse updateFaq(const HubRequest &request);
    HubResponse deleteFaq(const HubRequest &request);
};

} // namespace gymgate::hub
