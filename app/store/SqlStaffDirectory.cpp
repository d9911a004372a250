#include "store/SqlStaffDirectory.h"

#include "core/PasswordHash.h"
#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(StaffDirectory)
};

const QString kSystemActor = QStringLiteral("system");
const QString kEntity = QStringLiteral("staff_user");

StaffAccount toAccount(const StaffUser &user)
{
    StaffAccount account;
    account.id = user.id;
    account.username = user.username;
    account.displayName = user.displayName;
    account.role = user.role;
    account.status = user.status;
    account.failedLogins = user.failedLogins;
    account.lockedUntilMs = user.lockedUntilMs;
    account.createdAtMs = user.createdAtMs;
    account.updatedAtMs = user.updatedAtMs;
    return account;
}

StaffSession sessionOf(const StaffUser &user)
{
    StaffSession session;
    session.staffId = user.id;
    session.username = user.username;
    session.displayName = user.displayName.isEmpty() ? user.username : user.displayName;
    session.role = user.role;
    return session;
}

// The account as other sites need it to log the person in offline (DESIGN §9).
QJsonObject syncData(const StaffUser &user)
{
    QJsonObject data {{QStringLiteral("id"), user.id}, {QStringLiteral("username"), user.username},
        {QStringLiteral("displayName"), user.displayName}, {QStringLiteral("passwordHash"), user.passwordHash},
        {QStringLiteral("role"), QString::fromLatin1(staffRoleName(user.role))},
        {QStringLiteral("status"), QString::fromLatin1(staffStatusName(user.status))},
        {QStringLiteral("createdAt"), user.createdAtMs}, {QStringLiteral("updatedAt"), user.updatedAtMs}};
    if (user.deletedAtMs)
        data.insert(QStringLiteral("deletedAt"), *user.deletedAtMs);
    return data;
}

// What the audit row keeps about the account: never the hash.
QJsonObject auditData(const StaffUser &user)
{
    return {{QStringLiteral("username"), user.username}, {QStringLiteral("displayName"), user.displayName},
        {QStringLiteral("role"), QString::fromLatin1(staffRoleName(user.role))},
        {QStringLiteral("status"), QString::fromLatin1(staffStatusName(user.status))}};
}

bool isActiveAdmin(const StaffUser &user)
{
    return user.role == StaffRole::Admin && user.status == StaffStatus::Active && !user.deletedAtMs;
}

// One message for an unknown user and a wrong password, so the screen tells nobody which
// user names exist.
std::unexpected<Error> badCredentials()
{
    return fail(
        ErrorCode::PermissionDenied, Text::tr("The user name or the password is wrong."), QStringLiteral("password"));
}

std::unexpected<Error> lockedOut(qint64 remainingMs)
{
    const int minutes = static_cast<int>((remainingMs + 59'999) / 60'000);
    return fail(ErrorCode::PermissionDenied,
        Text::tr("Too many failed logins: this account is locked. Try again in %n minute(s).", nullptr, minutes),
        QStringLiteral("username"));
}

std::unexpected<Error> notLoggedIn()
{
    return fail(ErrorCode::PermissionDenied, Text::tr("Please log in first."));
}

template<typename T>
std::unexpected<Error> errorOf(const Result<T> &result)
{
    return std::unexpected(result.error());
}

} // namespace

struct SqlStaffDirectory::LoginAttempt {
    QString username;
    std::optional<StaffUser> user;
    qint64 nowMs = 0;
};

SqlStaffDirectory::SqlStaffDirectory(Database &db, const Clock &clock)
    : m_db(db), m_clock(clock), m_staff(db), m_audit(db), m_outbox(db)
{ }

Result<qint64> SqlStaffDirectory::activeAdminCount() const
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM staff_user WHERE role = 'admin' AND status = 'active' "
                                      "AND deleted_at IS NULL"));
}

Result<bool> SqlStaffDirectory::needsFirstRun()
{
    Result<qint64> admins = activeAdminCount();
    if (!admins)
        return errorOf(admins);
    return *admins == 0;
}

Status SqlStaffDirectory::record(
    const QString &actor, const QString &action, const StaffUser &user, qint64 nowMs, QJsonObject detail)
{
    const QJsonObject account = auditData(user);
    for (auto it = account.constBegin(); it != account.constEnd(); ++it) {
        if (!detail.contains(it.key()))
            detail.insert(it.key(), it.value());
    }
    return m_audit.append(actor, action, kEntity, user.id, detail, nowMs);
}

Status SqlStaffDirectory::appendEvent(const QString &actor, const QString &type, const StaffUser &user, qint64 nowMs)
{
    OutboxEvent event;
    event.type = type;
    event.atMs = nowMs;
    event.staff = actor;
    event.data = syncData(user);
    return m_outbox.append(event);
}

Result<StaffUser> SqlStaffDirectory::insertAccount(
    const QString &actor, const StaffUser &user, const QString &action, qint64 nowMs)
{
    return m_db.transaction<StaffUser>([&]() -> Result<StaffUser> {
        Result<StaffUser> inserted = m_staff.insert(user);
        if (!inserted) {
            if (inserted.error().code == ErrorCode::AlreadyExists)
                return fail(ErrorCode::AlreadyExists, Text::tr("The user name %1 is taken.").arg(user.username),
                    QStringLiteral("username"));
            return inserted;
        }
        // The first admin is their own actor: nobody was logged in to create them.
        const QString by = actor.isEmpty() ? inserted->id : actor;
        if (Status event = appendEvent(by, QStringLiteral("staff.created"), *inserted, nowMs); !event)
            return errorOf(event);
        if (Status audited = record(by, action, *inserted, nowMs); !audited)
            return errorOf(audited);
        return inserted;
    });
}

Status SqlStaffDirectory::saveAccount(const QString &actor, const StaffUser &user, const QString &action, qint64 nowMs)
{
    return m_db.transaction([&]() -> Status {
        if (Status updated = m_staff.update(user, nowMs); !updated)
            return updated;
        const QString type = user.deletedAtMs ? QStringLiteral("staff.deleted") : QStringLiteral("staff.changed");
        if (Status event = appendEvent(actor, type, user, nowMs); !event)
            return event;
        return record(actor, action, user, nowMs);
    });
}

Result<StaffSession> SqlStaffDirectory::createFirstAdmin(
    const QString &username, const QString &displayName, const QString &password)
{
    for (const Status &rule : {StaffRules::checkUsername(username), StaffRules::checkDisplayName(displayName),
             StaffRules::checkPassword(password)}) {
        if (!rule)
            return errorOf(rule);
    }
    Result<QString> hash = hashPassword(password);
    if (!hash)
        return errorOf(hash);
    const qint64 nowMs = m_clock.nowMs();
    StaffUser user;
    user.username = username.trimmed();
    user.displayName = displayName.trimmed();
    user.passwordHash = *hash;
    user.role = StaffRole::Admin;
    user.status = StaffStatus::Active;
    user.createdAtMs = nowMs;
    user.updatedAtMs = nowMs;
    Result<StaffUser> created = m_db.transaction<StaffUser>([&]() -> Result<StaffUser> {
        // Checked inside the transaction so two desks cannot both create "the first" admin.
        Result<bool> first = needsFirstRun();
        if (!first)
            return errorOf(first);
        if (!*first)
            return fail(ErrorCode::Conflict, Text::tr("An administrator exists already: log in instead."));
        return insertAccount(QString(), user, QStringLiteral("staff.first_run"), nowMs);
    });
    if (!created)
        return errorOf(created);
    return sessionOf(*created);
}

Status SqlStaffDirectory::recordFailedLogin(const LoginAttempt &attempt, const QString &reason)
{
    return m_db.transaction([&]() -> Status {
        QJsonObject detail {{QStringLiteral("username"), attempt.username}, {QStringLiteral("reason"), reason}};
        if (!attempt.user)
            return m_audit.append(
                kSystemActor, QStringLiteral("staff.login_failed"), kEntity, QString(), detail, attempt.nowMs);
        const StaffUser &user = *attempt.user;
        if (reason == QLatin1String("wrong_password")) {
            if (Status counted
                = m_staff.updateLoginFailures(user.id, user.failedLogins, user.lockedUntilMs, attempt.nowMs);
                !counted)
                return counted;
            detail.insert(QStringLiteral("failedLogins"), user.failedLogins);
            if (user.lockedUntilMs > 0)
                detail.insert(QStringLiteral("lockedUntil"), user.lockedUntilMs);
        }
        return m_audit.append(user.id, QStringLiteral("staff.login_failed"), kEntity, user.id, detail, attempt.nowMs);
    });
}

void SqlStaffDirectory::equaliseUnknownUserTiming(const QString &password)
{
    if (m_decoyHash.isEmpty()) {
        Result<QString> decoy = hashPassword(sql::newId());
        if (decoy)
            m_decoyHash = *decoy;
    }
    (void)verifyPassword(m_decoyHash, password);
}

Result<StaffSession> SqlStaffDirectory::login(const QString &username, const QString &password)
{
    LoginAttempt attempt;
    attempt.username = username.trimmed();
    attempt.nowMs = m_clock.nowMs();
    if (attempt.username.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("Enter your user name."), QStringLiteral("username"));
    Result<std::optional<StaffUser>> found = m_staff.findByUsername(attempt.username);
    if (!found)
        return errorOf(found);
    attempt.user = *found;
    if (!attempt.user) {
        equaliseUnknownUserTiming(password);
        if (Status recorded = recordFailedLogin(attempt, QStringLiteral("unknown_user")); !recorded)
            return errorOf(recorded);
        return badCredentials();
    }
    return loginKnown(attempt, password);
}

Result<StaffSession> SqlStaffDirectory::loginKnown(const LoginAttempt &attempt, const QString &password)
{
    StaffUser user = *attempt.user;
    if (user.lockedUntilMs > attempt.nowMs) {
        // Not even checked: a right guess during the lockout must not tell the guesser anything.
        if (Status recorded = recordFailedLogin(attempt, QStringLiteral("locked")); !recorded)
            return errorOf(recorded);
        return lockedOut(user.lockedUntilMs - attempt.nowMs);
    }
    if (!verifyPassword(user.passwordHash, password)) {
        const bool lockRanOut = user.lockedUntilMs > 0;
        user.failedLogins = lockRanOut ? 1 : user.failedLogins + 1;
        user.lockedUntilMs = user.failedLogins >= kStaffMaxFailedLogins ? attempt.nowMs + kStaffLockoutMs : 0;
        LoginAttempt counted = attempt;
        counted.user = user;
        if (Status recorded = recordFailedLogin(counted, QStringLiteral("wrong_password")); !recorded)
            return errorOf(recorded);
        if (user.lockedUntilMs > 0)
            return lockedOut(kStaffLockoutMs);
        return badCredentials();
    }
    if (user.status != StaffStatus::Active) {
        if (Status recorded = recordFailedLogin(attempt, QStringLiteral("disabled")); !recorded)
            return errorOf(recorded);
        return fail(ErrorCode::PermissionDenied,
            Text::tr("This account is disabled. Ask an administrator to enable it."), QStringLiteral("username"));
    }
    Status done = m_db.transaction([&]() -> Status {
        if (Status reset = m_staff.updateLoginFailures(user.id, 0, 0, attempt.nowMs); !reset)
            return reset;
        return m_audit.append(user.id, QStringLiteral("staff.login"), kEntity, user.id,
            {{QStringLiteral("username"), user.username}}, attempt.nowMs);
    });
    if (!done)
        return errorOf(done);
    return sessionOf(user);
}

Status SqlStaffDirectory::logout(const StaffSession &session)
{
    if (!session.isValid())
        return notLoggedIn();
    return m_db.transaction([&]() -> Status {
        return m_audit.append(session.staffId, QStringLiteral("staff.logout"), kEntity, session.staffId,
            {{QStringLiteral("username"), session.username}}, m_clock.nowMs());
    });
}

Result<StaffUser> SqlStaffDirectory::targetAccount(const QString &staffId) const
{
    Result<std::optional<StaffUser>> found = m_staff.findById(staffId);
    if (!found)
        return errorOf(found);
    if (!*found || (*found)->deletedAtMs)
        return fail(
            ErrorCode::NotFound, Text::tr("This staff account does not exist (any more)."), QStringLiteral("staffId"));
    return **found;
}

// The permission first (from the session), then whether the person is still allowed to act: a
// session outlives a disabled or deleted account otherwise.
Result<StaffUser> SqlStaffDirectory::managingActor(const StaffSession &session, Permission permission)
{
    if (Status allowed = requirePermission(session, permission); !allowed)
        return errorOf(allowed);
    Result<std::optional<StaffUser>> found = m_staff.findById(session.staffId);
    if (!found)
        return errorOf(found);
    if (!*found || (*found)->deletedAtMs || (*found)->status != StaffStatus::Active)
        return fail(ErrorCode::PermissionDenied, Text::tr("Your account is no longer active. Please log in again."));
    return **found;
}

Status SqlStaffDirectory::guardLastAdmin(
    const StaffSession &session, const StaffUser &target, const QString &field) const
{
    if (target.id == session.staffId)
        return fail(ErrorCode::Conflict,
            Text::tr("You cannot disable, delete or demote your own account. Ask another administrator."), field);
    if (!isActiveAdmin(target))
        return {};
    Result<qint64> admins = activeAdminCount();
    if (!admins)
        return errorOf(admins);
    if (*admins <= 1)
        return fail(ErrorCode::Conflict,
            Text::tr("%1 is the last active administrator. Make someone else an administrator first.")
                .arg(target.username),
            field);
    return {};
}

Status SqlStaffDirectory::changeOwnPassword(
    const StaffSession &session, const QString &oldPassword, const QString &newPassword)
{
    if (!session.isValid())
        return notLoggedIn();
    Result<StaffUser> me = targetAccount(session.staffId);
    if (!me)
        return errorOf(me);
    if (!verifyPassword(me->passwordHash, oldPassword))
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The current password is wrong."), QStringLiteral("oldPassword"));
    if (Status rule = StaffRules::checkPassword(newPassword, QStringLiteral("newPassword")); !rule)
        return rule;
    if (newPassword == oldPassword)
        return fail(ErrorCode::InvalidArgument, Text::tr("The new password must differ from the current one."),
            QStringLiteral("newPassword"));
    Result<QString> hash = hashPassword(newPassword);
    if (!hash)
        return errorOf(hash);
    const qint64 nowMs = m_clock.nowMs();
    me->passwordHash = *hash;
    me->updatedAtMs = nowMs;
    return saveAccount(session.staffId, *me, QStringLiteral("staff.change_password"), nowMs);
}

Result<QList<StaffAccount>> SqlStaffDirectory::listStaff(const StaffSession &session)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ManageStaff); !actor)
        return errorOf(actor);
    Result<QList<StaffUser>> users = m_staff.list();
    if (!users)
        return errorOf(users);
    QList<StaffAccount> accounts;
    for (const StaffUser &user : *users)
        accounts.append(toAccount(user));
    return accounts;
}

Result<StaffAccount> SqlStaffDirectory::createStaff(const StaffSession &session, const NewStaffAccount &account)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ManageStaff); !actor)
        return errorOf(actor);
    for (const Status &rule :
        {StaffRules::checkUsername(account.username), StaffRules::checkDisplayName(account.displayName),
            StaffRules::checkRole(account.role), StaffRules::checkPassword(account.password)}) {
        if (!rule)
            return errorOf(rule);
    }
    Result<QString> hash = hashPassword(account.password);
    if (!hash)
        return errorOf(hash);
    const qint64 nowMs = m_clock.nowMs();
    StaffUser user;
    user.username = account.username.trimmed();
    user.displayName = account.displayName.trimmed();
    user.passwordHash = *hash;
    user.role = account.role;
    user.status = StaffStatus::Active;
    user.createdAtMs = nowMs;
    user.updatedAtMs = nowMs;
    Result<StaffUser> created = insertAccount(session.staffId, user, QStringLiteral("staff.create"), nowMs);
    if (!created)
        return errorOf(created);
    return toAccount(*created);
}

Result<StaffAccount> SqlStaffDirectory::updateStaff(
    const StaffSession &session, const QString &staffId, const QString &displayName, StaffRole role)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ManageStaff); !actor)
        return errorOf(actor);
    for (const Status &rule : {StaffRules::checkDisplayName(displayName), StaffRules::checkRole(role)}) {
        if (!rule)
            return errorOf(rule);
    }
    Result<StaffUser> target = targetAccount(staffId);
    if (!target)
        return errorOf(target);
    if (target->role == StaffRole::Admin && role != StaffRole::Admin) {
        if (Status guarded = guardLastAdmin(session, *target, QStringLiteral("role")); !guarded)
            return errorOf(guarded);
    }
    const qint64 nowMs = m_clock.nowMs();
    target->displayName = displayName.trimmed();
    target->role = role;
    target->updatedAtMs = nowMs;
    if (Status saved = saveAccount(session.staffId, *target, QStringLiteral("staff.update"), nowMs); !saved)
        return errorOf(saved);
    return toAccount(*target);
}

Result<StaffAccount> SqlStaffDirectory::setStaffEnabled(
    const StaffSession &session, const QString &staffId, bool enabled)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ManageStaff); !actor)
        return errorOf(actor);
    Result<StaffUser> target = targetAccount(staffId);
    if (!target)
        return errorOf(target);
    if (!enabled) {
        if (Status guarded = guardLastAdmin(session, *target, QStringLiteral("status")); !guarded)
            return errorOf(guarded);
    }
    const qint64 nowMs = m_clock.nowMs();
    target->status = enabled ? StaffStatus::Active : StaffStatus::Disabled;
    target->updatedAtMs = nowMs;
    const QString action = enabled ? QStringLiteral("staff.enable") : QStringLiteral("staff.disable");
    if (Status saved = saveAccount(session.staffId, *target, action, nowMs); !saved)
        return errorOf(saved);
    return toAccount(*target);
}

Status SqlStaffDirectory::resetPassword(const StaffSession &session, const QString &staffId, const QString &newPassword)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ManageStaff); !actor)
        return errorOf(actor);
    if (Status rule = StaffRules::checkPassword(newPassword); !rule)
        return rule;
    Result<StaffUser> target = targetAccount(staffId);
    if (!target)
        return errorOf(target);
    Result<QString> hash = hashPassword(newPassword);
    if (!hash)
        return errorOf(hash);
    const qint64 nowMs = m_clock.nowMs();
    target->passwordHash = *hash;
    target->failedLogins = 0;
    target->lockedUntilMs = 0;
    target->updatedAtMs = nowMs;
    return saveAccount(session.staffId, *target, QStringLiteral("staff.reset_password"), nowMs);
}

Status SqlStaffDirectory::deleteStaff(const StaffSession &session, const QString &staffId)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ManageStaff); !actor)
        return errorOf(actor);
    Result<StaffUser> target = targetAccount(staffId);
    if (!target)
        return errorOf(target);
    if (Status guarded = guardLastAdmin(session, *target, QStringLiteral("staffId")); !guarded)
        return guarded;
    const qint64 nowMs = m_clock.nowMs();
    target->deletedAtMs = nowMs;
    target->updatedAtMs = nowMs;
    return saveAccount(session.staffId, *target, QStringLiteral("staff.delete"), nowMs);
}

Result<QHash<QString, StaffAccount>> SqlStaffDirectory::allAccounts() const
{
    // Deleted accounts too: their old actions still name them.
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT id, username, display_name, role, status FROM staff_user ORDER BY username"));
    if (!query)
        return errorOf(query);
    QHash<QString, StaffAccount> accounts;
    while (query->next()) {
        StaffAccount account;
        account.id = query->value(0).toString();
        account.username = query->value(1).toString();
        account.displayName = query->value(2).toString();
        account.role = staffRoleFromName(query->value(3).toString());
        account.status = staffStatusFromName(query->value(4).toString());
        accounts.insert(account.id, account);
    }
    return accounts;
}

Result<QList<AuditRecord>> SqlStaffDirectory::audit(const StaffSession &session, const AuditQuery &query)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ViewAudit); !actor)
        return errorOf(actor);
    if (query.toMs > 0 && query.toMs <= query.fromMs)
        return fail(ErrorCode::InvalidArgument, Text::tr("The end of the period must come after its start."),
            QStringLiteral("toMs"));
    AuditFilter filter;
    filter.actor = query.actor;
    filter.action = query.action.trimmed();
    filter.fromMs = query.fromMs;
    filter.toMs = query.toMs;
    filter.limit = query.limit;
    Result<QList<AuditEntry>> entries = m_audit.list(filter);
    if (!entries)
        return errorOf(entries);
    Result<QHash<QString, StaffAccount>> accounts = allAccounts();
    if (!accounts)
        return errorOf(accounts);
    QList<AuditRecord> records;
    records.reserve(entries->size());
    for (const AuditEntry &entry : *entries) {
        AuditRecord record;
        record.seq = entry.seq;
        record.atMs = entry.atMs;
        record.actor = entry.actor;
        const StaffAccount account = accounts->value(entry.actor);
        record.actorName = account.id.isEmpty() ? entry.actor
            : account.displayName.isEmpty()     ? account.username
                                                : account.displayName;
        record.action = entry.action;
        record.entity = entry.entity;
        record.entityId = entry.entityId;
        record.detail = entry.detail;
        records.append(record);
    }
    return records;
}

Result<QList<StaffAccount>> SqlStaffDirectory::auditActors(const StaffSession &session)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ViewAudit); !actor)
        return errorOf(actor);
    Result<QHash<QString, StaffAccount>> accounts = allAccounts();
    if (!accounts)
        return errorOf(accounts);
    Result<QSqlQuery> query
        = sql::run(m_db.connection(), QStringLiteral("SELECT DISTINCT actor FROM audit_log ORDER BY actor"));
    if (!query)
        return errorOf(query);
    while (query->next()) {
        const QString id = query->value(0).toString();
        if (accounts->contains(id))
            continue;
        StaffAccount other;
        other.id = id;
        other.username = id;
        other.displayName = id == kSystemActor ? Text::tr("System") : id;
        accounts->insert(id, other);
    }
    QList<StaffAccount> actors = accounts->values();
    std::sort(actors.begin(), actors.end(), [](const StaffAccount &a, const StaffAccount &b) {
        return a.username.compare(b.username, Qt::CaseInsensitive) < 0;
    });
    return actors;
}

Result<AuditChainCheck> SqlStaffDirectory::verifyAudit(const StaffSession &session)
{
    if (Result<StaffUser> actor = managingActor(session, Permission::ViewAudit); !actor)
        return errorOf(actor);
    Result<AuditVerification> verified = m_audit.verify();
    if (!verified)
        return errorOf(verified);
    AuditChainCheck check;
    check.ok = verified->ok;
    check.firstBrokenSeq = verified->firstBrokenSeq;
    check.rowsChecked = verified->rowsChecked;
    return check;
}

} // namespace gymgate
