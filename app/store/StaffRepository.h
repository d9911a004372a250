#pragma once

#include "core/Error.h"
#include "core/Staff.h"

#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

class Database;

// A staff account (`staff_user`). passwordHash is a crypto_pwhash_str string (Argon2id).
struct StaffUser {
    QString id;
    QString username;
    QString displayName;
    QString passwordHash;
    StaffRole role = StaffRole::Invalid;
    StaffStatus status = StaffStatus::Active;
    int failedLogins = 0;
    qint64 lockedUntilMs = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    std::optional<qint64> deletedAtMs;
};

class StaffRepository {
public:
    explicit StaffRepository(Database &db);

    // Empty id -> new UUID; createdAtMs 0 = now. A taken username: AlreadyExists "username".
    Result<StaffUser> insert(StaffUser user);
    Status update(const StaffUser &user, qint64 atMs); // every field; NotFound when missing
    Result<std::optional<StaffUser>> findById(const QString &id) const;
    Result<std::optional<StaffUser>> findByUsername(const QString &username) const; // not deleted
    Result<QList<StaffUser>> list() const; // not deleted, by username
    // Records the lockout bookkeeping after a login attempt (0, 0 after a success).
    Status updateLoginFailures(const QString &id, int failedLogins, qint64 lockedUntilMs, qint64 atMs);
    Status setPasswordHash(const QString &id, const QString &passwordHash, qint64 atMs);
    Status softDelete(const QString &id, qint64 atMs);

private:
    Result<std::optional<StaffUser>> findOne(const QString &where, const QString &value) const;

    Database &m_db;
};

} // namespace gymgate
