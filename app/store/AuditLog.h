#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gymgate {

class Database;

struct AuditEntry {
    qint64 seq = 0;
    qint64 atMs = 0;
    QString actor; // staff id (or "system")
    QString action;
    QString entity;
    QString entityId;
    QJsonObject detail;
    QString prevHash;
    QString hash;
};

struct AuditFilter {
    QString actor; // empty = any
    QString action; // empty = any
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0 = no upper bound
    int limit = 500;
};

struct AuditVerification {
    bool ok = false;
    // 0 when ok; else the first seq not as written: an edited row, or the first missing seq.
    qint64 firstBrokenSeq = 0;
    qint64 rowsChecked = 0; // rows found intact before the break (all rows when ok)
};

// The hash-chained audit log of staff actions (DESIGN §12, `audit_log`).
// hash = hex(SHA-256(prev_hash|seq|at|actor|action|entity|entity_id|detail)), where detail is
// the compact JSON text as stored and the first row's prev_hash is 64 zeros. Sequence numbers
// run 1, 2, 3 ... without gaps, so a deleted row shows even at the end once another follows.
class AuditLog {
public:
    explicit AuditLog(Database &db);

    static QString zeroHash();
    static QString computeHash(const QString &prevHash, qint64 seq, qint64 atMs, const QString &actor,
        const QString &action, const QString &entity, const QString &entityId, const QString &detailJson);

    // Like the outbox: MUST run inside the caller's Database::transaction together with the
    // action it records (Internal error otherwise).
    Status append(const QString &actor, const QString &action, const QString &entity, const QString &entityId,
        const QJsonObject &detail, qint64 atMs);

    Result<AuditVerification> verify() const;
    Result<QList<AuditEntry>> list(const AuditFilter &filter) const; // newest first
    Result<qint64> count() const;

private:
    Database &m_db;
};

} // namespace gymgate
