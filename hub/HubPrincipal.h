#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <expected>

#include "HubResponse.h"

namespace gymgate::hub {

// Roles of hub tokens: the desk's staff roles, plus enrolled devices and members of the app.
namespace role {
inline const QString Admin = QStringLiteral("admin");
inline const QString Staff = QStringLiteral("staff");
inline const QString Technician = QStringLiteral("technician");
inline const QString Guest = QStringLiteral("guest");
inline const QString Device = QStringLiteral("device");
inline const QString Member = QStringLiteral("member");

// Common sets for HubRouter::add.
inline const QStringList AdminOnly {Admin};
inline const QStringList FrontDesk {Admin, Staff}; // people who sell, register and book
inline const QStringList AnyStaff {Admin, Staff, Technician, Guest};
inline const QStringList Devices {Device};
inline const QStringList DeskOrDevice {Admin, Staff, Device};
inline const QStringList Anyone {Admin, Staff, Technician, Guest, Device, Member}; // any valid token
} // namespace role

enum class PrincipalKind {
    Invalid = 0,
    User, // a hub_user (staff)
    Device, // an enrolled desk, kiosk or controller
    Member, // a member of the app
};

// Who a valid Bearer token belongs to. The role is read from the database, not the token.
struct HubPrincipal {
    PrincipalKind kind = PrincipalKind::Invalid;
    qint64 userId = 0; // User
    QString deviceId; // Device
    QString memberId; // Member
    QString siteId; // Device (its site), User (when bound to one site)
    QString username; // User: login name; Device: its name; Member: member number
    QString displayName;
    QString role;
    QString jti;
    QDateTime expiresAt;

    bool isValid() const { return kind != PrincipalKind::Invalid; }
    bool isStaff() const { return kind == PrincipalKind::User; }
    // The actor named in audit rows and events: "user:7", "device:<uuid>", "member:<uuid>".
    QString actor() const;
};

// An auth failure is already the answer to send (401, 403, 429, ...), so it is a HubResponse.
template<typename T>
using AuthResult = std::expected<T, HubResponse>;

} // namespace gymgate::hub
