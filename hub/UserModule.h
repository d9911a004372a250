#pragma once

#include "HubModule.h"
#include "HubResponse.h"

namespace gymgate::hub {

struct HubRequest;

// Staff accounts (hub_user): the admin's user management of seed 000 (/api/admin/users and
// /api/v1/users/{userId}) and a user's own profile (PUT /api/v1/users/me). Every change is
// published as entity::Staff with the password hash, so desks can log staff in offline
// (DESIGN §12). Deletes are soft; the last active admin and the caller's own account cannot be
// deleted, disabled or demoted.
class UserModule : public HubModule {
public:
    static constexpr int kMinPasswordLength = 8;
    static constexpr int kMaxPageSize = 200;

    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;

    // Publishes the account as entity::Staff (for `--create-admin`, whose account desks must
    // see like any other). Runs inside the caller's transaction.
    static Status publishByUsername(HubDatabase &database, const QString &username);

private:
    void registerUserRoutes(HubRouter &router, const QString &prefix);

    HubResponse listUsers(const HubRequest &request);
    HubResponse createUser(const HubRequest &request);
    HubResponse getUser(const HubRequest &request);
    HubResponse updateUser(const HubRequest &request);
    HubResponse deleteUser(const HubRequest &request);
    HubResponse updateMe(const HubRequest &request);
};

} // namespace gymgate::hub
