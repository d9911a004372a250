#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "store/KeyRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace gymgate {

class Database;

struct ApplyOutcome {
    int applied = 0; // changes written (upserts and deletes)
    int skipped = 0; // changes recorded as a PullConflict notice instead
    int notices = 0; // notices recorded (conflicts for staff)
    bool trustChanged = false; // trusted keys or revocations changed: reload the trust store
    bool staffChanged = false;
    bool siteChanged = false; // this desk's site (name, number, time zone) changed
    qint64 cursor = 0; // the cursor stored with the page
};

// Applies pages of the hub's change log to the local database (DESIGN §9 pull). A page is
// checked whole first: one malformed change (unknown op, an entity's data that syncjson refuses)
// refuses the page with InvalidArgument naming "changes[i].<field>" and nothing is written. A
// good page is written in one transaction together with the cursor `next`, so a crash leaves
// either the page and its cursor or neither.
//
// Entities (hub/ChangeLog.h): member, card, product, venue, maintenance, course, slot, booking,
// waitlist, trusted_key, revocation, staff, site. Deletes are soft (deleted_at) where the table
// has it. Pulled changes never write outbox events: the hub already has them.
// Conflicts become notices for staff (SyncNoticeRepository), never a refused page:
//  - a booking this desk made that arrives `rejected` -> BookingRejected;
//  - a pulled row whose unique number or phone belongs to another local row, a staff account
//    whose username a local account has -> PullConflict, the change is skipped.
class ChangeApplier {
public:
    ChangeApplier(Database &db, const Clock &clock, QString ownSiteId = {});

    Result<qint64> cursor() const; // 0 before the first page
    Result<ApplyOutcome> applyPage(const QJsonArray &changes, qint64 next);

private:
    Database &m_db;
    const Clock &m_clock;
    QString m_ownSiteId;
};

// A trusted key as the hub sends it (entity trusted_key, and the trustedKeys of enrollment):
// {kid, publicKey (base64, 32 bytes), owner, createdAt, revokedAt}. Errors name "data.<field>".
Result<TrustedKey> trustedKeyFromJson(const QJsonObject &data);

} // namespace gymgate
