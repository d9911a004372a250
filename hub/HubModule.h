#pragma once

namespace gymgate::hub {

class HubAuth;
class HubDatabase;
class HubRouter;
struct HubOptions;

// What every area of the hub gets from the composition root (HubServer). `database` is null
// when the server is only built to print its routes, so modules touch it in handlers only.
struct HubContext {
    HubDatabase *database = nullptr;
    HubAuth *auth = nullptr;
    const HubOptions *options = nullptr;
};

// One area of the hub's API (devices, sync, venues, ...): it registers its routes, each with
// the roles that may call it, and owns the handlers behind them.
class HubModule {
public:
    explicit HubModule(const HubContext &context) : m_context(context) { }
    virtual ~HubModule() = default;
    HubModule(const HubModule &) = delete;
    HubModule &operator=(const HubModule &) = delete;

    virtual void registerRoutes(HubRouter &router) = 0;

protected:
    HubDatabase &database() const { return *m_context.database; }
    HubAuth &auth() const { return *m_context.auth; }
    const HubOptions &options() const { return *m_context.options; }
    const HubContext &context() const { return m_context; }

private:
    HubContext m_context;
};

} // namespace gymgate::hub
