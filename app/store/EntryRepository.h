#pragma once

#include "core/Entry.h"
#include "core/Error.h"

#include <QList>

#include <optional>

class QSqlQuery;

namespace gymgate {

class Database;

struct EntryFilter {
    qint64 fromMs = 0; // decided_at >= fromMs
    qint64 toMs = 0; // decided_at < toMs; 0 = no upper bound
    QString memberId; // empty = everyone
    QString zoneId; // empty = every zone
    EntryStatus status = EntryStatus::Invalid; // Invalid = any
    int limit = 500;
};

// The entry log as the desk reads it (`entry`); written only by SqlEntryLedger. Newest first.
class EntryRepository {
public:
    explicit EntryRepository(Database &db);

    Result<std::optional<EntryRecord>> findById(const QString &id) const;
    Result<QList<EntryRecord>> list(const EntryFilter &filter) const;
    Result<QList<EntryRecord>> listRange(qint64 fromMs, qint64 toMs, int limit = 500) const;
    Result<QList<EntryRecord>> listForMember(
        const QString &memberId, qint64 fromMs, qint64 toMs, int limit = 500) const;

    // The SELECT column list matching readEntry(), for other store classes.
    static QString columns();
    static EntryRecord readEntry(const QSqlQuery &query);

private:
    Database &m_db;
};

} // namespace gymgate
