#pragma once

#include "core/Error.h"

#include <QList>
#include <QString>

namespace gymgate {

enum class StaffRole {
    Invalid = 0,
    Admin,
    Staff,
    Technician,
    Guest
};
const char *staffRoleName(StaffRole role); // "admin", "staff", "technician", "guest"
StaffRole staffRoleFromName(const QString &name);
QString staffRoleTitle(StaffRole role); // translated, for screens

enum class StaffStatus {
    Invalid = 0,
    Active,
    Disabled
};
const char *staffStatusName(StaffStatus status); // "active", "disabled"
StaffStatus staffStatusFromName(const QString &name);

// What a staff member may do. The services check it (never only the widgets), against the
// table in Staff.cpp (docs/desk/STAFF.md shows it). Append, never reorder: stored in audit details.
enum class Permission {
    Invalid = 0,
    ManageStaff, // create, edit, disable staff accounts and their roles
    ViewAudit,
    ViewMembers, // search, view a member and their history
    EditMembers, // register, edit
    BlockMembers, // block, unblock
    IssueMemberCodes, // issue and print a member QR code (re-issuing revokes the old one)
    ManageProducts, // card products: prices, validity, windows, zones
    SellCards, // sell, top up
    ChangeCards, // freeze, unfreeze
    RefundSales, // cancel a card with refund
    ViewShiftReports, // any staff member's; everybody sees their own
    ManageVenues, // venues, rules, maintenance plans
    ManageSchedule, // courses and slots
    Book, // book, cancel, waiting list
    ManualCheckIn,
    ResetEmergency,
    TechnicianConsole, // gates, profiles, diagnostics (issue 8)
    ViewSync, // sync status, refused events (dead letters) and conflicts; retry, acknowledge
    ManageSync, // enroll with the hub, unenroll, discard a refused event, work offline
    ViewReports, // the dashboard and the reports (issue 9)
};
const char *permissionName(Permission permission); // "manage_staff", ...
const QList<Permission> &allPermissions();
bool roleMay(StaffRole role, Permission permission);

// Who is at the desk. Every desk service call carries it.
struct StaffSession {
    QString staffId;
    QString username;
    QString displayName;
    StaffRole role = StaffRole::Invalid;

    bool isValid() const { return !staffId.isEmpty() && role != StaffRole::Invalid; }
    bool may(Permission permission) const { return isValid() && roleMay(role, permission); }
};

// PermissionDenied (translated, naming the action) unless the session may do it.
Status requirePermission(const StaffSession &session, Permission permission);

} // namespace gymgate
