#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gymgate::hub {

class HubDatabase;

enum class ChangeOp {
    Invalid = 0,
    Upsert,
    Delete, // a tombstone: the site deletes its copy
};

// The entities sites pull (DESIGN §9); `entity` of a change is one of these.
namespace entity {
inline const QString Member = QStringLiteral("member");
inline const QString Card = QStringLiteral("card");
inline const QString Product = QStringLiteral("product");
inline const QString Venue = QStringLiteral("venue"); // carries its booking rules
inline const QString Maintenance = QStringLiteral("maintenance");
inline const QString Course = QStringLiteral("course");
inline const QString Slot = QStringLiteral("slot");
inline const QString Booking = QStringLiteral("booking");
inline const QString Waitlist = QStringLiteral("waitlist");
inline const QString TrustedKey = QStringLiteral("trusted_key");
inline const QString Revocation = QStringLiteral("revocation"); // a revoked credential id
inline const QString Staff = QStringLiteral("staff"); // for offline login: carries the password hash
inline const QString Site = QStringLiteral("site");
} // namespace entity

struct Change {
    qint64 seq = 0;
    QString entity;
    QString id;
    ChangeOp op = ChangeOp::Invalid;
    QJsonObject data; // the whole entity for upsert, {} for delete
    qint64 atMs = 0;
};

struct ChangePage {
    QList<Change> changes;
    qint64 next = 0; // the cursor to pass as `since` next time
    bool hasMore = false;
};

QString changeOpName(ChangeOp op); // "upsert" / "delete"
QJsonObject changeToJson(const Change &change); // {seq, entity, id, op, data} as DESIGN §9

// The change log sites pull from. record() belongs in the transaction that makes the change, so
// a change and its log row commit together. On PostgreSQL it first takes a transaction-scoped
// advisory lock: seqs are then drawn and committed in the same order by every hub instance, and
// a puller never skips a seq that was still in flight when it read a higher one.
class ChangeLog {
public:
    explicit ChangeLog(HubDatabase &database) : m_database(database) { }

    Status record(const QString &entity, const QString &id, ChangeOp op, const QJsonObject &data = {});
    Result<ChangePage> page(qint64 since, int limit) const;
    Result<qint64> latestSeq() const;

private:
    HubDatabase &m_database;
};

} // namespace gymgate::hub
