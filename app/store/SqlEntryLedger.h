#pragma once

#include "core/EntryLedger.h"
#include "store/Outbox.h"

#include <QSqlQuery>

namespace gymgate {

class Database;

// EntryLedger over SQLite (DESIGN §7, §12). Each call is one transaction holding the entry row,
// the card deduction or refund, the used nonce, the occupancy change, the booking's attendance
// and exactly one outbox event ("entry.decided", "entry.passed", "entry.annulled"). A repeated
// confirmPassage()/annul() of an entry already in that state changes nothing and writes no
// event. Called inside an outer transaction, the work joins it as a savepoint.
class SqlEntryLedger final : public EntryLedger {
public:
    explicit SqlEntryLedger(Database &db);

    Result<EntryRecord> recordDecision(const EntryRecord &entry, bool singleUseNonce) override;
    Result<EntryRecord> confirmPassage(const QString &entryId, qint64 atMs) override;
    Result<EntryRecord> annul(const QString &entryId, const QString &reason, qint64 atMs) override;
    Result<QList<EntryRecord>> pendingEntries() override;

private:
    Status ensurePrepared();
    Status validate(const EntryRecord &entry) const;
    Status storeDecision(const EntryRecord &entry, bool singleUseNonce);
    Status deduct(const EntryRecord &entry);
    Status refund(const EntryRecord &entry, qint64 atMs);
    Status changeOccupancy(const EntryRecord &entry, qint64 atMs);
    Status markBookingAttended(const EntryRecord &entry, qint64 atMs);
    Result<EntryRecord> load(const QString &entryId);
    Status appendEvent(const QString &type, const EntryRecord &entry, qint64 atMs, const QJsonObject &extra = {});

    Database &m_db;
    Outbox m_outbox;
    bool m_prepared = false;
    QSqlQuery m_insertEntry;
    QSqlQuery m_insertNonce;
    QSqlQuery m_deduct;
    QSqlQuery m_refund;
    QSqlQuery m_loadEntry;
    QSqlQuery m_markPassed;
    QSqlQuery m_markAnnulled;
    QSqlQuery m_occupancy;
    QSqlQuery m_attended;
};

} // namespace gymgate
