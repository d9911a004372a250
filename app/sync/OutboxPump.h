#pragma once

#include "core/Clock.h"
#include "core/Error.h"

namespace gymgate {

class Database;
class HubClient;

struct PushOutcome {
    int sent = 0;
    int delivered = 0; // ok
    int duplicates = 0; // the hub had them already (a retry after a lost answer)
    int rejected = 0; // moved to dead letters
    bool more = false; // the outbox still holds events
};

// The outbox pump (DESIGN §9 push): sends the oldest events in outbox order, at most 500 per
// request. After the hub's answer, in one transaction: `ok` and `duplicate` leave the outbox,
// `rejected` ones move to dead letters with the hub's reason, field and message. On a transient
// failure (HubClient::isTransient) nothing leaves: every event of the batch gets attempts + 1
// and the error, and the same batch goes again later in the same order, so the hub answers
// `duplicate` for whatever it had already applied. Backoff is the caller's (SyncEngine).
class OutboxPump {
public:
    OutboxPump(Database &db, HubClient &client, const Clock &clock);

    Result<PushOutcome> pushBatch(int batchSize = 500);

private:
    Database &m_db;
    HubClient &m_client;
    const Clock &m_clock;
};

} // namespace gymgate
