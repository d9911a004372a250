#pragma once

#include "core/Error.h"
#include "core/Member.h"

#include <QList>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace gymgate {

class Database;

// Members (`member`). The phone number arrives already encrypted and hashed (FieldCipher);
// this class never sees it in clear. Lookups return nullopt for "no such row"; errors are
// reserved for the database failing. Soft-deleted members are found by id and number (the
// entry path must see them to say "deleted") but never by search.
class MemberRepository {
public:
    explicit MemberRepository(Database &db);

    // Stores a new member. An empty id gets a new UUID; createdAtMs/updatedAtMs 0 = now.
    // A phone already registered fails with AlreadyExists, field "phone"; a taken member
    // number with field "memberNo".
    Result<Member> insert(Member member);
    // Writes every field of the row with this id; updated_at = atMs. NotFound when missing.
    Status update(const Member &member, qint64 atMs);
    Result<std::optional<Member>> findById(const QString &id) const;
    Result<std::optional<Member>> findByMemberNo(const QString &memberNo) const;
    Result<std::optional<Member>> findByPhoneHash(const QByteArray &phoneHash) const;
    // Search as you type: name prefix, member number prefix, or (for digits) the visible digits
    // of the phone mask at its start or end. Deleted members are left out. Ordered by name.
    Result<QList<Member>> searchPrefix(const QString &text, int limit) const;
    Status setStatus(const QString &id, MemberStatus status, qint64 atMs);
    Status softDelete(const QString &id, qint64 atMs);

    Result<QByteArray> photo(const QString &id) const; // empty when none
    Status setPhoto(const QString &id, const QByteArray &photo, qint64 atMs);

    Result<qint64> count() const; // not deleted

    // The SELECT column list matching readMember(), for other store classes.
    static QString columns();
    static Member readMember(const QSqlQuery &query);

private:
    Result<std::optional<Member>> findOne(const QString &column, const QVariant &value) const;

    Database &m_db;
};

} // namespace gymgate
