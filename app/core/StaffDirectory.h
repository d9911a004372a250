#pragma once

#include "core/Error.h"
#include "core/Staff.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gymgate {

// Login lockout (DESIGN §12): this many wrong passwords in a row lock the account for this long.
inline constexpr int kStaffMaxFailedLogins = 5;
inline constexpr qint64 kStaffLockoutMs = 15 * 60 * 1000;
inline constexpr int kStaffPasswordMinLength = 8;

// A staff account as the desk sees it: never the password hash.
struct StaffAccount {
    QString id;
    QString username;
    QString displayName;
    StaffRole role = StaffRole::Invalid;
    StaffStatus status = StaffStatus::Invalid;
    int failedLogins = 0;
    qint64 lockedUntilMs = 0; // 0 = not locked; in the past = the lock has run out
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool isLockedAt(qint64 nowMs) const { return lockedUntilMs > nowMs; }
};

struct NewStaffAccount {
    QString username;
    QString displayName;
    StaffRole role = StaffRole::Invalid;
    QString password;
};

// What the audit viewer asks for. Times are UTC ms; toMs is exclusive, 0 = no upper bound.
struct AuditQuery {
    QString actor; // staff id; empty = anyone
    QString action; // "staff.login" ...; empty = any
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int limit = 500;
};

// One audit row, with the actor's name resolved for the screen.
struct AuditRecord {
    qint64 seq = 0;
    qint64 atMs = 0;
    QString actor; // staff id, or "system" for attempts by nobody known
    QString actorName; // display name (username when empty); the raw actor when unknown
    QString action;
    QString entity;
    QString entityId;
    QJsonObject detail;
};

struct AuditChainCheck {
    bool ok = false;
    qint64 firstBrokenSeq = 0; // 0 when ok
    qint64 rowsChecked = 0;
};

// Staff accounts, login with lockout, and the audit log (issue "Staff and roles"). Every method
// that acts for somebody takes the session first and checks its permission before anything
// else; refused or failed calls change nothing and write no audit row. Every change and every
// login attempt is in the audit log (actions "staff.*").
class StaffDirectory {
public:
    virtual ~StaffDirectory() = default;

    // True while there is no active administrator: the desk then shows the first-run wizard.
    virtual Result<bool> needsFirstRun() = 0;
    // Only while needsFirstRun(); Conflict otherwise. Logs the new admin in.
    virtual Result<StaffSession> createFirstAdmin(
        const QString &username, const QString &displayName, const QString &password)
        = 0;
    // Unknown user and wrong password give the same message. Locked accounts are refused with the
    // minutes left, even with the right password; disabled accounts are refused.
    virtual Result<StaffSession> login(const QString &username, const QString &password) = 0;
    virtual Status logout(const StaffSession &session) = 0;
    virtual Status changeOwnPassword(
        const StaffSession &session, const QString &oldPassword, const QString &newPassword)
        = 0;

    // Permission::ManageStaff. Nobody may disable, delete or demote themselves or the last
    // active administrator.
    virtual Result<QList<StaffAccount>> listStaff(const StaffSession &session) = 0;
    virtual Result<StaffAccount> createStaff(const StaffSession &session, const NewStaffAccount &account) = 0;
    virtual Result<StaffAccount> updateStaff(
        const StaffSession &session, const QString &staffId, const QString &displayName, StaffRole role)
        = 0;
    virtual Result<StaffAccount> setStaffEnabled(const StaffSession &session, const QString &staffId, bool enabled) = 0;
    // Also lifts a lockout.
    virtual Status resetPassword(const StaffSession &session, const QString &staffId, const QString &newPassword) = 0;
    virtual Status deleteStaff(const StaffSession &session, const QString &staffId) = 0;

    // Permission::ViewAudit. Newest first.
    virtual Result<QList<AuditRecord>> audit(const StaffSession &session, const AuditQuery &query) = 0;
    // Everybody who appears in the audit log or has an account (deleted ones too), for a filter.
    virtual Result<QList<StaffAccount>> auditActors(const StaffSession &session) = 0;
    virtual Result<AuditChainCheck> verifyAudit(const StaffSession &session) = 0;
};

// The input rules, shared by the service and the forms (which validate as you type).
struct StaffRules {
    Q_DECLARE_TR_FUNCTIONS(StaffDirectory)

public:
    static Status checkUsername(const QString &username)
    {
        const QString field = QStringLiteral("username");
        if (username.trimmed().isEmpty())
            return fail(ErrorCode::InvalidArgument, tr("Enter a user name."), field);
        if (username.size() > 32)
            return fail(ErrorCode::InvalidArgument, tr("The user name may have at most 32 characters."), field);
        for (QChar c : username) {
            if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-')))
                return fail(ErrorCode::InvalidArgument,
                    tr("The user name may only have letters, digits, dots, dashes and underscores."), field);
        }
        return {};
    }

    static Status checkDisplayName(const QString &displayName)
    {
        const QString field = QStringLiteral("displayName");
        if (displayName.trimmed().isEmpty())
            return fail(ErrorCode::InvalidArgument, tr("Enter the name shown on screens and receipts."), field);
        if (displayName.size() > 64)
            return fail(ErrorCode::InvalidArgument, tr("The name may have at most 64 characters."), field);
        return {};
    }

    static Status checkPassword(const QString &password, const QString &field = QStringLiteral("password"))
    {
        if (password.size() < kStaffPasswordMinLength)
            return fail(ErrorCode::InvalidArgument,
                tr("The password needs at least %1 characters.").arg(kStaffPasswordMinLength), field);
        bool letter = false;
        bool digit = false;
        for (QChar c : password) {
            letter = letter || c.isLetter();
            digit = digit || c.isDigit();
        }
        if (!letter || !digit)
            return fail(ErrorCode::InvalidArgument, tr("The password needs both letters and digits."), field);
        return {};
    }

    static Status checkRole(StaffRole role)
    {
        if (role == StaffRole::Invalid)
            return fail(ErrorCode::InvalidArgument, tr("Choose a role."), QStringLiteral("role"));
        return {};
    }
};

} // namespace gymgate
