#pragma once

#include "core/Error.h"

#include <QHash>
#include <QString>

#include <deque>
#include <memory>
#include <optional>

#include "HubModule.h"
#include "HubResponse.h"

namespace gymgate {
class FieldCipher;
}

namespace gymgate::hub {

class SmsSender;
struct HubRequest;
namespace members {
struct HubMember;
}

// Members, card products, member cards and QR check-in for the member app, the admin page and
// desks (docs/hub/MEMBERS.md). Sign-in is by SMS code: the code goes to an SmsSender
// (--sms-outbox), only its keyed hash is stored.
class MemberModule : public HubModule {
public:
    static constexpr int kSmsCodeDigits = 6;
    static constexpr qint64 kSmsCodeLifetimeMs = 5 * 60 * 1000;
    static constexpr qint64 kSmsResendMs = 60 * 1000; // per phone
    static constexpr int kSmsCodesPerHour = 5; // per phone
    static constexpr int kSmsMaxAttempts = 5; // wrong guesses before a code is void
    static constexpr int kSmsPerAddressWindow = 10; // per remote address ...
    static constexpr qint64 kSmsAddressWindowMs = 10 * 60 * 1000; // ... per ten minutes

    explicit MemberModule(const HubContext &context);
    ~MemberModule() override;
    void registerRoutes(HubRouter &router) override;

private:
    // Sign-in (MemberModule.cpp).
    HubResponse sendSmsCode(const HubRequest &request);
    HubResponse login(const HubRequest &request);
    HubResponse registerMember(const HubRequest &request);
    bool addressRateLimited(const QString &remoteAddress);
    // The stored hash of `code` when it is the live code of the phone; a wrong guess is counted.
    Result<QString> checkSmsCode(const FieldCipher &cipher, const QString &phoneHash, const QString &code);
    Status consumeSmsCode(const QString &phoneHash, const QString &codeHash);

    // Members (MemberProfile.cpp).
    HubResponse listMembers(const HubRequest &request);
    HubResponse getMember(const HubRequest &request);
    HubResponse me(const HubRequest &request);
    HubResponse updateMember(const HubRequest &request);
    Status publishMember(const members::HubMember &row);

    // Card products and member cards (MemberCards.cpp).
    HubResponse listProducts(const HubRequest &request);
    HubResponse saveProduct(const HubRequest &request, bool creating);
    HubResponse purchaseCard(const HubRequest &request);
    HubResponse memberCards(const HubRequest &request);

    // QR check-in (MemberCheckIn.cpp).
    HubResponse checkIn(const HubRequest &request);

    std::unique_ptr<SmsSender> m_sms;
    QHash<QString, std::deque<qint64>> m_smsRequests; // remote address -> monotonic ms of codes sent
};

// A member may only see and change themself; staff of the front desk anyone. The 403 answer,
// or nothing when the caller may act on `memberId`.
std::optional<HubResponse> refuseOtherMember(const HubRequest &request, const QString &memberId);

} // namespace gymgate::hub
