#pragma once

#include "core/AccessReason.h"

#include <QString>

namespace gymgate {

enum class Direction {
    Invalid = 0,
    In,
    Out
};
const char *directionName(Direction direction); // "in", "out"
Direction directionFromName(const QString &name);

// Life of a row in the entry log (DESIGN §7). Denied rows are final at once; a granted row
// starts Pending and ends Passed or Annulled.
enum class EntryStatus {
    Invalid = 0,
    Denied,
    Pending,
    Passed,
    Annulled
};
const char *entryStatusName(EntryStatus status); // "denied", "pending", "passed", "annulled"
EntryStatus entryStatusFromName(const QString &name);

// What the policy needs to know about a member's earlier entries into a zone.
struct EntryFact {
    QString id;
    QString zoneId;
    Direction direction = Direction::Invalid;
    EntryStatus status = EntryStatus::Invalid;
    qint64 atMs = 0; // decision time; passage time once passed
};

// One row of the entry log (`entry`), the staff-visible record of every decision.
struct EntryRecord {
    QString id; // UUID
    QString gateId;
    QString zoneId;
    Direction direction = Direction::Invalid;
    QString memberId;
    QString cardId;
    QString bookingId;
    QString credentialId; // nonce of the GG1 code, or the legacy code
    QString credentialKind; // "card", "token", "legacy", "manual"
    bool weak = false; // legacy plain code
    EntryStatus status = EntryStatus::Invalid;
    AccessReason reason = AccessReason::Invalid;
    int visitsDeducted = 0;
    qint64 feeDeductedFen = 0;
    QString staffId; // manual check-ins
    QString note; // manual reason, annul reason
    qint64 decidedAtMs = 0;
    qint64 passedAtMs = 0;
    qint64 annulledAtMs = 0;
};

} // namespace gymgate
