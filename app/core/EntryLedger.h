#pragma once

#include "core/Entry.h"
#include "core/Error.h"

#include <QList>

namespace gymgate {

// Port: the durable entry log (implemented over SQLite in store). Every method is one
// transaction that also writes the matching outbox event, so a crash leaves either the whole
// change with its event or nothing.
class EntryLedger {
public:
    virtual ~EntryLedger() = default;

    // Stores a decision. For a Pending record it also applies the deduction to the card
    // (visits or balance), marks a single-use token nonce as used, and counts nothing towards
    // occupancy yet. For a Denied record it only stores the row and its event.
    // Fails with Conflict when the token nonce was already used (replay race) or the card can
    // no longer pay; then nothing is stored.
    virtual Result<EntryRecord> recordDecision(const EntryRecord &entry, bool singleUseNonce) = 0;

    // The turnstile reported the passage: Pending -> Passed, occupancy updated, booking marked
    // attended. Idempotent for an entry already Passed.
    virtual Result<EntryRecord> confirmPassage(const QString &entryId, qint64 atMs) = 0;

    // Not passed in time, gate fault or interrupted: Pending -> Annulled and the deduction
    // refunded. Idempotent for an entry already Annulled.
    virtual Result<EntryRecord> annul(const QString &entryId, const QString &reason, qint64 atMs) = 0;

    virtual Result<QList<EntryRecord>> pendingEntries() = 0;
};

} // namespace gymgate
