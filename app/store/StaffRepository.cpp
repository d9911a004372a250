#include "store/StaffRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

const QString kColumns = QStringLiteral("id, username, display_name, password_hash, role, status, failed_logins, "
                                        "locked_until, created_at, updated_at, deleted_at");

QString staffWhat()
{
    return QCoreApplication::translate("Store", "The staff account");
}

Status validate(const StaffUser &user)
{
    if (user.username.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The user name is missing."),
            QStringLiteral("username"));
    if (user.passwordHash.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The password is missing."),
            QStringLiteral("password"));
    if (user.role == StaffRole::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The role is missing."),
            QStringLiteral("role"));
    if (user.status == StaffStatus::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The account status is missing."),
            QStringLiteral("status"));
    return {};
}

StaffUser readUser(const QSqlQuery &query)
{
    StaffUser user;
    user.id = query.value(0).toString();
    user.username = query.value(1).toString();
    user.displayName = query.value(2).toString();
    user.passwordHash = query.value(3).toString();
    user.role = staffRoleFromName(query.value(4).toString());
    user.status = staffStatusFromName(query.value(5).toString());
    user.failedLogins = query.value(6).toInt();
    user.lockedUntilMs = query.value(7).toLongLong();
    user.createdAtMs = query.value(8).toLongLong();
    user.updatedAtMs = query.value(9).toLongLong();
    user.deletedAtMs = sql::optionalInt(query.value(10));
    return user;
}

} // namespace

StaffRepository::StaffRepository(Database &db) : m_db(db)
{ }

Result<StaffUser> StaffRepository::insert(StaffUser user)
{
    if (Status valid = validate(user); !valid)
        return std::unexpected(valid.error());
    if (user.id.isEmpty())
        user.id = sql::newId();
    if (user.createdAtMs == 0)
        user.createdAtMs = sql::currentTimeMs();
    if (user.updatedAtMs == 0)
        user.updatedAtMs = user.createdAtMs;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO staff_user (") + kColumns + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        {user.id, user.username, user.displayName, user.passwordHash, QString::fromLatin1(staffRoleName(user.role)),
            QString::fromLatin1(staffStatusName(user.status)), user.failedLogins, user.lockedUntilMs, user.createdAtMs,
            user.updatedAtMs, sql::intOrNull(user.deletedAtMs)});
    if (!query)
        return std::unexpected(query.error());
    return user;
}

Status StaffRepository::update(const StaffUser &user, qint64 atMs)
{
    if (Status valid = validate(user); !valid)
        return valid;
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE staff_user SET username = ?, display_name = ?, password_hash = ?, "
                       "role = ?, status = ?, failed_logins = ?, locked_until = ?, updated_at = ?, "
                       "deleted_at = ? WHERE id = ?"),
        {user.username, user.displayName, user.passwordHash, QString::fromLatin1(staffRoleName(user.role)),
            QString::fromLatin1(staffStatusName(user.status)), user.failedLogins, user.lockedUntilMs, atMs,
            sql::intOrNull(user.deletedAtMs), user.id},
        staffWhat());
}

Result<std::optional<StaffUser>> StaffRepository::findOne(const QString &where, const QString &value) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM staff_user WHERE ") + where, {value});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<StaffUser>();
    return std::optional<StaffUser>(readUser(*query));
}

Result<std::optional<StaffUser>> StaffRepository::findById(const QString &id) const
{
    return findOne(QStringLiteral("id = ?"), id);
}

Result<std::optional<StaffUser>> StaffRepository::findByUsername(const QString &username) const
{
    return findOne(QStringLiteral("username = ? AND deleted_at IS NULL"), username);
}

Result<QList<StaffUser>> StaffRepository::list() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM staff_user WHERE deleted_at IS NULL "
                             "ORDER BY username"));
    if (!query)
        return std::unexpected(query.error());
    QList<StaffUser> users;
    while (query->next())
        users.append(readUser(*query));
    return users;
}

Status StaffRepository::updateLoginFailures(const QString &id, int failedLogins, qint64 lockedUntilMs, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE staff_user SET failed_logins = ?, locked_until = ?, updated_at = ? "
                       "WHERE id = ?"),
        {failedLogins, lockedUntilMs, atMs, id}, staffWhat());
}

Status StaffRepository::setPasswordHash(const QString &id, const QString &passwordHash, qint64 atMs)
{
    if (passwordHash.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The password is missing."),
            QStringLiteral("password"));
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE staff_user SET password_hash = ?, updated_at = ? WHERE id = ?"),
        {passwordHash, atMs, id}, staffWhat());
}

Status StaffRepository::softDelete(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE staff_user SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, staffWhat());
}

} // namespace gymgate
