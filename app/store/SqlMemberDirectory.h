#pragma once

#include "core/Clock.h"
#include "core/FieldCipher.h"
#include "core/MemberDirectory.h"
#include "core/SigningKey.h"

#include <QJsonObject>

namespace gymgate {

class Database;
struct CredentialRecord;

// MemberDirectory over the local SQLite database. Phone numbers are encrypted with the site
// data key (FieldCipher); member codes are signed with this desk's key, whose kid must be
// trusted here (it is registered on first use when missing, refused when revoked or when the
// stored public key differs).
class SqlMemberDirectory final : public MemberDirectory {
public:
    SqlMemberDirectory(Database &db, const FieldCipher &cipher, const SigningKey &signingKey, const Clock &clock);

    Result<MemberDetails> registerMember(const StaffSession &session, const MemberForm &form) override;
    Result<MemberDetails> updateMember(
        const StaffSession &session, const QString &memberId, const MemberForm &form) override;
    Status blockMember(const StaffSession &session, const QString &memberId, const QString &reason) override;
    Status unblockMember(const StaffSession &session, const QString &memberId) override;
    Result<QList<MemberSummary>> search(const StaffSession &session, const QString &text, int limit) override;
    Result<MemberDetails> member(const StaffSession &session, const QString &memberId) override;
    Result<MemberHistory> history(const StaffSession &session, const QString &memberId) override;
    Result<MemberCode> issueMemberCode(const StaffSession &session, const QString &memberId) override;
    Result<MemberCode> memberCode(const StaffSession &session, const QString &memberId) override;

private:
    Status validate(const MemberForm &form, bool phoneRequired) const;
    Status checkPhoneFree(const QByteArray &phoneHash, const QString &exceptMemberId) const;
    Result<Member> liveMember(const QString &memberId) const;
    Result<QString> nextMemberNo() const;
    Status changeStatus(
        const StaffSession &session, const QString &memberId, MemberStatus status, const QString &reason);
    Result<bool> ensureKeyTrusted(qint64 atMs); // true when it was registered now
    Status revokeCardCodes(const StaffSession &session, const QString &memberId, qint64 atMs);
    Status record(const StaffSession &session, const QString &eventType, const QJsonObject &data, const QString &action,
        const QString &entity, const QString &entityId, const QJsonObject &detail, qint64 atMs);
    Result<MemberDetails> details(const Member &member) const;
    MemberCode codeFor(const Member &member, const CredentialRecord &credential) const;

    Database &m_db;
    const FieldCipher &m_cipher;
    const SigningKey &m_signingKey;
    const Clock &m_clock;
};

} // namespace gymgate
