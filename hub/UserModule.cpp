#include "UserModule.h"

#include "core/Logging.h"
#include "core/PasswordHash.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include "ChangeLog.h"
#include "HubDatabase.h"
#include "HubRouter.h"
#include "HubSql.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(UserModule)
};

const QStringList kRoles {role::Admin, role::Staff, role::Technician, role::Guest};
const QString kActive = QStringLiteral("active");
const QString kDisabled = QStringLiteral("disabled");
const QStringList kStatuses {kActive, kDisabled};

struct StaffRow {
    qint64 id = 0;
    QString syncId;
    QString username;
    QString displayName;
    QString role;
    QString status;
    QString passwordHash;
    QString siteId;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    std::optional<qint64> deletedAtMs;

    bool isActiveAdmin() const { return role == role::Admin && status == kActive && !deletedAtMs; }
};

// hub_user keeps ISO text in SQLite and TIMESTAMPTZ in PostgreSQL (schema 1).
QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

std::optional<qint64> readTimeMs(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toMSecsSinceEpoch();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

const QString kUserSelect
    = QStringLiteral("SELECT id, sync_id, username, display_name, role, status, password_hash, site_id, created_at, "
                     "updated_at, deleted_at FROM hub_user");

StaffRow readRow(const QSqlQuery &query)
{
    StaffRow row;
    row.id = query.value(0).toLongLong();
    row.syncId = query.value(1).toString();
    row.username = query.value(2).toString();
    row.displayName = query.value(3).toString();
    row.role = query.value(4).toString();
    row.status = query.value(5).toString();
    row.passwordHash = query.value(6).toString();
    row.siteId = query.value(7).toString();
    row.createdAtMs = readTimeMs(query.value(8)).value_or(0);
    row.updatedAtMs = readTimeMs(query.value(9)).value_or(0);
    row.deletedAtMs = readTimeMs(query.value(10));
    return row;
}

// What the API shows: never the password hash.
QJsonObject userJson(const StaffRow &row)
{
    QJsonObject json {{QStringLiteral("id"), row.id}, {QStringLiteral("syncId"), row.syncId},
        {QStringLiteral("username"), row.username}, {QStringLiteral("displayName"), row.displayName},
        {QStringLiteral("role"), row.role}, {QStringLiteral("status"), row.status},
        {QStringLiteral("siteId"), row.siteId.isEmpty() ? QJsonValue() : QJsonValue(row.siteId)},
        {QStringLiteral("createdAt"), row.createdAtMs}, {QStringLiteral("updatedAt"), row.updatedAtMs}};
    if (row.deletedAtMs)
        json.insert(QStringLiteral("deletedAt"), *row.deletedAtMs);
    return json;
}

// entity::Staff as desks pull it: the hash lets them log staff in while offline.
QJsonObject staffJson(const StaffRow &row)
{
    QJsonObject json {{QStringLiteral("id"), row.syncId}, {QStringLiteral("username"), row.username},
        {QStringLiteral("displayName"), row.displayName}, {QStringLiteral("role"), row.role},
        {QStringLiteral("status"), row.status}, {QStringLiteral("passwordHash"), row.passwordHash},
        {QStringLiteral("siteId"), row.siteId.isEmpty() ? QJsonValue() : QJsonValue(row.siteId)},
        {QStringLiteral("deleted"), row.deletedAtMs.has_value()}, {QStringLiteral("createdAt"), row.createdAtMs},
        {QStringLiteral("updatedAt"), row.updatedAtMs}};
    if (row.deletedAtMs)
        json.insert(QStringLiteral("deletedAt"), *row.deletedAtMs);
    return json;
}

Result<std::optional<StaffRow>> userById(const HubDatabase &database, qint64 id)
{
    Result<QSqlQuery> query
        = sql::exec(database.database(), kUserSelect + QStringLiteral(" WHERE id = ? AND deleted_at IS NULL"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<StaffRow> {};
    return std::optional<StaffRow> {readRow(*query)};
}

// {userId} is the numeric id login returns, or the sync id desks know.
Result<StaffRow> userByPath(const HubDatabase &database, const QString &userId)
{
    bool isNumber = false;
    const qint64 id = userId.toLongLong(&isNumber);
    Result<QSqlQuery> query = isNumber
        ? sql::exec(database.database(), kUserSelect + QStringLiteral(" WHERE id = ? AND deleted_at IS NULL"), {id})
        : sql::exec(
            database.database(), kUserSelect + QStringLiteral(" WHERE sync_id = ? AND deleted_at IS NULL"), {userId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(ErrorCode::NotFound, Text::tr("No user %1.").arg(userId), QStringLiteral("userId"));
    return readRow(*query);
}

// Publishes the row as entity::Staff, giving it a sync id first if it has none (--create-admin).
Status publishStaff(HubDatabase &database, StaffRow &row)
{
    if (row.syncId.isEmpty()) {
        row.syncId = sql::newId();
        if (Result<QSqlQuery> updated = sql::exec(database.database(),
                QStringLiteral("UPDATE hub_user SET sync_id = ? WHERE id = ?"), {row.syncId, row.id});
            !updated)
            return std::unexpected(updated.error());
    }
    return ChangeLog(database).record(entity::Staff, row.syncId, ChangeOp::Upsert, staffJson(row));
}

// Re-reads the row after a write and publishes it; `row` gets the stored state.
Status reloadAndPublish(HubDatabase &database, qint64 id, StaffRow &row)
{
    Result<QSqlQuery> query = sql::exec(database.database(), kUserSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(ErrorCode::Internal, QStringLiteral("user %1 vanished").arg(id));
    row = readRow(*query);
    query->finish();
    return publishStaff(database, row);
}

Status checkRole(const QString &role)
{
    if (!kRoles.contains(role))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"role\" must be admin, staff, technician or guest."), QStringLiteral("role"));
    return {};
}

Status checkStatus(const QString &status, const QString &field)
{
    if (!kStatuses.contains(status))
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The field \"%1\" must be active or disabled.").arg(field), field);
    return {};
}

Status checkPassword(const QString &password, const QString &field)
{
    if (password.size() < UserModule::kMinPasswordLength)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"%1\" must have at least %2 characters.")
                .arg(field)
                .arg(UserModule::kMinPasswordLength),
            field);
    return {};
}

Status checkUsername(const QString &username)
{
    static const QRegularExpression printable(QStringLiteral("^[^\\s\\p{Cc}]{1,64}$"));
    if (!printable.match(username).hasMatch())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"username\" must be 1 to 64 characters without spaces."), QStringLiteral("username"));
    return {};
}

// siteId: absent -> nullopt (keep), null -> "" (no site), else an existing site's id.
Result<std::optional<QString>> siteField(const HubRequest &request, const HubDatabase &database)
{
    const QJsonValue value = request.json.toObject().value(QStringLiteral("siteId"));
    if (value.isUndefined())
        return std::optional<QString> {};
    if (value.isNull())
        return std::optional<QString> {QString()};
    const Result<QString> siteId = request.requireString(QStringLiteral("siteId"), 64);
    if (!siteId)
        return std::unexpected(siteId.error());
    const Result<std::optional<QVariant>> site = sql::scalar(
        database.database(), QStringLiteral("SELECT id FROM site WHERE id = ? AND deleted_at IS NULL"), {*siteId});
    if (!site)
        return std::unexpected(site.error());
    if (!*site)
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"siteId\" names no site (%1).").arg(*siteId),
            QStringLiteral("siteId"));
    return std::optional<QString> {*siteId};
}

// The ids of the active admins, locked on PostgreSQL so two admins cannot remove each other at once.
Result<QList<qint64>> activeAdmins(const HubDatabase &database)
{
    QString select = QStringLiteral(
        "SELECT id FROM hub_user WHERE role = 'admin' AND status = 'active' AND deleted_at IS NULL ORDER BY id");
    if (database.dialect() == DbDialect::Postgresql)
        select += QStringLiteral(" FOR UPDATE");
    Result<QSqlQuery> query = sql::exec(database.database(), select);
    if (!query)
        return std::unexpected(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

enum class Removal {
    Invalid = 0,
    Delete,
    Disable,
    Demote,
};

QString removalText(Removal removal)
{
    switch (removal) {
    case Removal::Delete:
        return Text::tr("deleted");
    case Removal::Disable:
        return Text::tr("disabled");
    case Removal::Demote:
        return Text::tr("demoted");
    case Removal::Invalid:
        break;
    }
    return {};
}

// Refuses to delete, disable or demote the caller's own account or the last active admin.
Status checkRemoval(const HubDatabase &database, const StaffRow &target, qint64 callerId, Removal removal)
{
    if (target.id == callerId)
        return fail(ErrorCode::Conflict,
            Text::tr("Your own account cannot be %1; ask another admin.").arg(removalText(removal)),
            QStringLiteral("userId"));
    if (!target.isActiveAdmin())
        return {};
    const Result<QList<qint64>> admins = activeAdmins(database);
    if (!admins)
        return std::unexpected(admins.error());
    if (admins->size() <= 1 && admins->contains(target.id))
        return fail(ErrorCode::Conflict,
            Text::tr("%1 is the last active admin and cannot be %2.").arg(target.username, removalText(removal)),
            QStringLiteral("userId"));
    return {};
}

} // namespace

Status UserModule::publishByUsername(HubDatabase &database, const QString &username)
{
    Result<QSqlQuery> query = sql::exec(
        database.database(), kUserSelect + QStringLiteral(" WHERE username = ? AND deleted_at IS NULL"), {username});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(ErrorCode::NotFound, Text::tr("No user %1.").arg(username), QStringLiteral("username"));
    StaffRow row = readRow(*query);
    query->finish();
    return publishStaff(database, row);
}

void UserModule::registerRoutes(HubRouter &router)
{
    // Before /api/v1/users/{userId}: the first matching route wins.
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/users/me"),
        QStringLiteral("Change your own display name or password (with currentPassword)"), role::AnyStaff,
        [this](const HubRequest &request) { return updateMe(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/admin/users"),
        QStringLiteral("Staff accounts (?limit, offset, role, status)"), role::AdminOnly,
        [this](const HubRequest &request) { return listUsers(request); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/admin/users"),
        QStringLiteral("Create a staff account {username, displayName, password, role, siteId}"), role::AdminOnly,
        [this](const HubRequest &request) { return createUser(request); });
    registerUserRoutes(router, QStringLiteral("/api/admin/users/{userId}"));
    registerUserRoutes(router, QStringLiteral("/api/v1/users/{userId}"));
}

void UserModule::registerUserRoutes(HubRouter &router, const QString &pattern)
{
    router.add(QStringLiteral("GET"), pattern, QStringLiteral("One staff account"), role::AdminOnly,
        [this](const HubRequest &request) { return getUser(request); });
    router.add(QStringLiteral("PUT"), pattern,
        QStringLiteral("Change a staff account {displayName, role, status, password, siteId}"), role::AdminOnly,
        [this](const HubRequest &request) { return updateUser(request); });
    router.add(QStringLiteral("DELETE"), pattern, QStringLiteral("Delete a staff account (soft)"), role::AdminOnly,
        [this](const HubRequest &request) { return deleteUser(request); });
}

HubResponse UserModule::listUsers(const HubRequest &request)
{
    const Result<qint64> limit = request.queryInteger(QStringLiteral("limit"), 50, 1, kMaxPageSize);
    if (!limit)
        return HubResponse::fromError(limit.error());
    const Result<qint64> offset = request.queryInteger(QStringLiteral("offset"), 0, 0, 1'000'000'000);
    if (!offset)
        return HubResponse::fromError(offset.error());
    QString where = QStringLiteral(" WHERE deleted_at IS NULL");
    QVariantList binds;
    if (const QString roleFilter = request.queryString(QStringLiteral("role")); !roleFilter.isEmpty()) {
        if (!kRoles.contains(roleFilter))
            return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
                Text::tr("The parameter \"role\" must be admin, staff, technician or guest."), QStringLiteral("role")});
        where += QStringLiteral(" AND role = ?");
        binds.append(roleFilter);
    }
    if (const QString statusFilter = request.queryString(QStringLiteral("status")); !statusFilter.isEmpty()) {
        if (Status valid = checkStatus(statusFilter, QStringLiteral("status")); !valid)
            return HubResponse::fromError(valid.error());
        where += QStringLiteral(" AND status = ?");
        binds.append(statusFilter);
    }
    const Result<std::optional<QVariant>> total
        = sql::scalar(database().database(), QStringLiteral("SELECT COUNT(*) FROM hub_user") + where, binds);
    if (!total)
        return HubResponse::fromError(total.error());
    Result<QSqlQuery> query = sql::exec(database().database(),
        kUserSelect + where + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"), binds + QVariantList {*limit, *offset});
    if (!query)
        return HubResponse::fromError(query.error());
    QJsonArray items;
    while (query->next())
        items.append(userJson(readRow(*query)));
    return HubResponse::ok(
        QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), *total ? (*total)->toLongLong() : 0},
            {QStringLiteral("limit"), *limit}, {QStringLiteral("offset"), *offset}});
}

HubResponse UserModule::createUser(const HubRequest &request)
{
    if (Status body = request.requireObject({QStringLiteral("username"), QStringLiteral("displayName"),
            QStringLiteral("password"), QStringLiteral("role"), QStringLiteral("status"), QStringLiteral("siteId")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<QString> username = request.requireString(QStringLiteral("username"), 64);
    if (!username)
        return HubResponse::fromError(username.error());
    if (Status valid = checkUsername(*username); !valid)
        return HubResponse::fromError(valid.error());
    const Result<QString> displayName = request.optionalString(QStringLiteral("displayName"), *username, 100);
    if (!displayName)
        return HubResponse::fromError(displayName.error());
    const Result<QString> password = request.requireString(QStringLiteral("password"), 200);
    if (!password)
        return HubResponse::fromError(password.error());
    if (Status valid = checkPassword(*password, QStringLiteral("password")); !valid)
        return HubResponse::fromError(valid.error());
    const Result<QString> role = request.requireString(QStringLiteral("role"), 20);
    if (!role)
        return HubResponse::fromError(role.error());
    if (Status valid = checkRole(*role); !valid)
        return HubResponse::fromError(valid.error());
    const Result<QString> status = request.optionalString(QStringLiteral("status"), kActive, 20);
    if (!status)
        return HubResponse::fromError(status.error());
    if (Status valid = checkStatus(*status, QStringLiteral("status")); !valid)
        return HubResponse::fromError(valid.error());
    const Result<std::optional<QString>> siteId = siteField(request, database());
    if (!siteId)
        return HubResponse::fromError(siteId.error());
    const Result<QString> hash = hashPassword(*password);
    if (!hash)
        return HubResponse::fromError(hash.error());
    StaffRow row;
    const Status written = database().transaction([&]() -> Status {
        // Deleted accounts keep their name: the audit trail still refers to it.
        const Result<std::optional<QVariant>> taken = sql::scalar(
            database().database(), QStringLiteral("SELECT id FROM hub_user WHERE username = ?"), {*username});
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return fail(ErrorCode::AlreadyExists, Text::tr("The username %1 is taken.").arg(*username),
                QStringLiteral("username"));
        const QString now = isoNow();
        Result<QSqlQuery> inserted = sql::exec(database().database(),
            QStringLiteral("INSERT INTO hub_user (username, display_name, password_hash, role, status, sync_id, "
                           "site_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {*username, displayName->trimmed(), *hash, *role, *status, sql::newId(),
                sql::nullIfEmpty(siteId->value_or(QString())), now, now});
        if (!inserted)
            return std::unexpected(inserted.error());
        if (!inserted->next())
            return fail(ErrorCode::Internal, QStringLiteral("insert returned no id"));
        const qint64 id = inserted->value(0).toLongLong();
        inserted->finish();
        return reloadAndPublish(database(), id, row);
    });
    if (!written)
        return HubResponse::fromError(written.error());
    logInfo(QStringLiteral("hub user %1 (%2) created by %3").arg(row.username, row.role, request.principal.actor()));
    return HubResponse::ok(userJson(row));
}

HubResponse UserModule::getUser(const HubRequest &request)
{
    const Result<StaffRow> row = userByPath(database(), request.pathParams.value(QStringLiteral("userId")));
    if (!row)
        return HubResponse::fromError(row.error());
    return HubResponse::ok(userJson(*row));
}

HubResponse UserModule::updateUser(const HubRequest &request)
{
    if (Status body = request.requireObject({QStringLiteral("displayName"), QStringLiteral("role"),
            QStringLiteral("status"), QStringLiteral("password"), QStringLiteral("siteId")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<std::optional<QString>> displayName = request.presentString(QStringLiteral("displayName"), 100);
    if (!displayName)
        return HubResponse::fromError(displayName.error());
    const Result<std::optional<QString>> role = request.presentString(QStringLiteral("role"), 20);
    if (!role)
        return HubResponse::fromError(role.error());
    if (*role) {
        if (Status valid = checkRole(**role); !valid)
            return HubResponse::fromError(valid.error());
    }
    const Result<std::optional<QString>> status = request.presentString(QStringLiteral("status"), 20);
    if (!status)
        return HubResponse::fromError(status.error());
    if (*status) {
        if (Status valid = checkStatus(**status, QStringLiteral("status")); !valid)
            return HubResponse::fromError(valid.error());
    }
    const Result<std::optional<QString>> password = request.presentString(QStringLiteral("password"), 200);
    if (!password)
        return HubResponse::fromError(password.error());
    std::optional<QString> hash;
    if (*password) {
        if (Status valid = checkPassword(**password, QStringLiteral("password")); !valid)
            return HubResponse::fromError(valid.error());
        const Result<QString> made = hashPassword(**password);
        if (!made)
            return HubResponse::fromError(made.error());
        hash = *made;
    }
    const Result<std::optional<QString>> siteId = siteField(request, database());
    if (!siteId)
        return HubResponse::fromError(siteId.error());

    StaffRow row;
    const Status written = database().transaction([&]() -> Status {
        const Result<StaffRow> found = userByPath(database(), request.pathParams.value(QStringLiteral("userId")));
        if (!found)
            return std::unexpected(found.error());
        StaffRow next = *found;
        next.displayName = displayName->value_or(next.displayName);
        next.role = role->value_or(next.role);
        next.status = status->value_or(next.status);
        next.passwordHash = hash.value_or(next.passwordHash);
        next.siteId = siteId->value_or(next.siteId);
        if (next.displayName == found->displayName && next.role == found->role && next.status == found->status && !hash
            && next.siteId == found->siteId) {
            row = next; // nothing to change, nothing to publish
            return {};
        }
        const bool disables = found->status == kActive && next.status != kActive;
        const bool demotes = found->role == role::Admin && next.role != role::Admin;
        if (disables || demotes) {
            if (Status allowed = checkRemoval(
                    database(), *found, request.principal.userId, disables ? Removal::Disable : Removal::Demote);
                !allowed)
                return allowed;
        }
        if (Result<QSqlQuery> updated = sql::exec(database().database(),
                QStringLiteral("UPDATE hub_user SET display_name = ?, role = ?, status = ?, password_hash = ?, "
                               "site_id = ?, updated_at = ? WHERE id = ?"),
                {next.displayName, next.role, next.status, next.passwordHash, sql::nullIfEmpty(next.siteId), isoNow(),
                    next.id});
            !updated)
            return std::unexpected(updated.error());
        return reloadAndPublish(database(), next.id, row);
    });
    if (!written)
        return HubResponse::fromError(written.error());
    logInfo(QStringLiteral("hub user %1 changed by %2").arg(row.username, request.principal.actor()));
    return HubResponse::ok(userJson(row));
}

HubResponse UserModule::deleteUser(const HubRequest &request)
{
    if (!request.json.isUndefined() && !request.json.isNull()) {
        if (Status body = request.requireObject({}); !body)
            return HubResponse::fromError(body.error());
    }
    StaffRow row;
    const Status written = database().transaction([&]() -> Status {
        const Result<StaffRow> found = userByPath(database(), request.pathParams.value(QStringLiteral("userId")));
        if (!found)
            return std::unexpected(found.error());
        if (Status allowed = checkRemoval(database(), *found, request.principal.userId, Removal::Delete); !allowed)
            return allowed;
        const QString now = isoNow();
        if (Result<QSqlQuery> deleted = sql::exec(database().database(),
                QStringLiteral("UPDATE hub_user SET deleted_at = ?, updated_at = ? WHERE id = ?"),
                {now, now, found->id});
            !deleted)
            return std::unexpected(deleted.error());
        return reloadAndPublish(database(), found->id, row);
    });
    if (!written)
        return HubResponse::fromError(written.error());
    logInfo(QStringLiteral("hub user %1 deleted by %2").arg(row.username, request.principal.actor()));
    return HubResponse::ok(userJson(row));
}

HubResponse UserModule::updateMe(const HubRequest &request)
{
    if (Status body = request.requireObject(
            {QStringLiteral("displayName"), QStringLiteral("password"), QStringLiteral("currentPassword")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<std::optional<QString>> displayName = request.presentString(QStringLiteral("displayName"), 100);
    if (!displayName)
        return HubResponse::fromError(displayName.error());
    const Result<std::optional<QString>> password = request.presentString(QStringLiteral("password"), 200);
    if (!password)
        return HubResponse::fromError(password.error());
    const Result<std::optional<StaffRow>> me = userById(database(), request.principal.userId);
    if (!me)
        return HubResponse::fromError(me.error());
    if (!*me)
        return HubResponse::fromError(Error {ErrorCode::NotFound, Text::tr("Your account is gone."), {}});
    std::optional<QString> hash;
    if (*password) {
        if (Status valid = checkPassword(**password, QStringLiteral("password")); !valid)
            return HubResponse::fromError(valid.error());
        // A stolen token alone must not be enough to take the account over.
        const Result<QString> current = request.requireString(QStringLiteral("currentPassword"), 200);
        if (!current)
            return HubResponse::fromError(current.error());
        if (!verifyPassword((*me)->passwordHash, *current))
            return HubResponse::fromError(Error {ErrorCode::InvalidArgument,
                Text::tr("The field \"currentPassword\" is not your current password."),
                QStringLiteral("currentPassword")});
        const Result<QString> made = hashPassword(**password);
        if (!made)
            return HubResponse::fromError(made.error());
        hash = *made;
    }
    if (!*displayName && !hash)
        return HubResponse::ok(userJson(**me)); // nothing to change, nothing to publish
    StaffRow row;
    const Status written = database().transaction([&]() -> Status {
        if (Result<QSqlQuery> updated = sql::exec(database().database(),
                QStringLiteral("UPDATE hub_user SET display_name = ?, password_hash = ?, updated_at = ? WHERE id = ?"),
                {displayName->value_or((*me)->displayName), hash.value_or((*me)->passwordHash), isoNow(), (*me)->id});
            !updated)
            return std::unexpected(updated.error());
        return reloadAndPublish(database(), (*me)->id, row);
    });
    if (!written)
        return HubResponse::fromError(written.error());
    return HubResponse::ok(userJson(row));
}

} // namespace gymgate::hub
