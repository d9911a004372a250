#pragma once

#include "core/Error.h"
#include "core/MemberCard.h"

#include <QList>
#include <QSqlQuery>

#include <optional>

namespace gymgate {

class Database;

// Cards sold to members (`member_card`). Entry deductions are not made here but by
// SqlEntryLedger, inside the entry's transaction.
class MemberCardRepository {
public:
    explicit MemberCardRepository(Database &db);

    // Empty id -> new UUID; createdAtMs 0 = now. A taken card number: AlreadyExists "cardNo";
    // an unknown member: Conflict.
    Result<MemberCard> insert(MemberCard card);
    Status update(const MemberCard &card, qint64 atMs); // every field; NotFound when missing
    Result<std::optional<MemberCard>> findById(const QString &id) const;
    Result<std::optional<MemberCard>> findByCardNo(const QString &cardNo) const;
    Result<QList<MemberCard>> listForMember(const QString &memberId) const; // not deleted, oldest first
    // Freezing sets frozen_at = atMs, any other status clears it.
    Status setStatus(const QString &id, CardStatus status, qint64 atMs);
    Status softDelete(const QString &id, qint64 atMs);

    // The SELECT column list matching readCard(), for other store classes.
    static QString columns();
    static Result<MemberCard> readCard(const QSqlQuery &query);

private:
    Result<std::optional<MemberCard>> findOne(const QString &column, const QString &value) const;

    Database &m_db;
};

} // namespace gymgate
