#pragma once

#include "core/Clock.h"
#include "core/StaffDirectory.h"
#include "store/AuditLog.h"
#include "store/Outbox.h"
#include "store/StaffRepository.h"

#include <QHash>

namespace gymgate {

class Database;

// StaffDirectory over SQLite. Each change is one transaction holding the staff_user row, its
// outbox event ("staff.created", "staff.changed", "staff.deleted"; data carries the password
// hash so other sites can log the account in offline, DESIGN §9) and its audit row (never the
// hash). Password hashing (Argon2id, slow on purpose) runs before the transaction opens.
class SqlStaffDirectory final : public StaffDirectory {
public:
    SqlStaffDirectory(Database &db, const Clock &clock);

    Result<bool> needsFirstRun() override;
    Result<StaffSession> createFirstAdmin(
        const QString &username, const QString &displayName, const QString &password) override;
    Result<StaffSession> login(const QString &username, const QString &password) override;
    Status logout(const StaffSession &session) override;
    Status changeOwnPassword(
        const StaffSession &session, const QString &oldPassword, const QString &newPassword) override;

    Result<QList<StaffAccount>> listStaff(const StaffSession &session) override;
    Result<StaffAccount> createStaff(const StaffSession &session, const NewStaffAccount &account) override;
    Result<StaffAccount> updateStaff(
        const StaffSession &session, const QString &staffId, const QString &displayName, StaffRole role) override;
    Result<StaffAccount> setStaffEnabled(const StaffSession &session, const QString &staffId, bool enabled) override;
    Status resetPassword(const StaffSession &session, const QString &staffId, const QString &newPassword) override;
    Status deleteStaff(const StaffSession &session, const QString &staffId) override;

    Result<QList<AuditRecord>> audit(const StaffSession &session, const AuditQuery &query) override;
    Result<QList<StaffAccount>> auditActors(const StaffSession &session) override;
    Result<AuditChainCheck> verifyAudit(const StaffSession &session) override;

private:
    struct LoginAttempt;

    Result<qint64> activeAdminCount() const;
    Result<StaffUser> managingActor(const StaffSession &session, Permission permission);
    Result<StaffUser> targetAccount(const QString &staffId) const;
    Status guardLastAdmin(const StaffSession &session, const StaffUser &target, const QString &field) const;
    Result<StaffUser> insertAccount(const QString &actor, const StaffUser &user, const QString &action, qint64 nowMs);
    Status saveAccount(const QString &actor, const StaffUser &user, const QString &action, qint64 nowMs);
    Status record(
        const QString &actor, const QString &action, const StaffUser &user, qint64 nowMs, QJsonObject detail = {});
    Status appendEvent(const QString &actor, const QString &type, const StaffUser &user, qint64 nowMs);
    Status recordFailedLogin(const LoginAttempt &attempt, const QString &reason);
    Result<StaffSession> loginKnown(const LoginAttempt &attempt, const QString &password);
    Result<QHash<QString, StaffAccount>> allAccounts() const;
    void equaliseUnknownUserTiming(const QString &password);

    Database &m_db;
    const Clock &m_clock;
    StaffRepository m_staff;
    AuditLog m_audit;
    Outbox m_outbox;
    QString m_decoyHash; // verified against for unknown users, so they take as long as known ones
};

} // namespace gymgate
