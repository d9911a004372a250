#include "core/Staff.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Staff)
};

// The permission table (DESIGN §12, issue 5). Guests may look, technicians look after gates.
struct Grant {
    Permission permission;
    const char *name;
    const char *action; // what is refused, for the message
    bool admin, staff, technician, guest;
};

constexpr Grant grants[] = {
    {Permission::ManageStaff, "manage_staff", QT_TRANSLATE_NOOP("Staff", "manage staff accounts"), true, false, false,
        false},
    {Permission::ViewAudit, "view_audit", QT_TRANSLATE_NOOP("Staff", "view the audit log"), true, false, false, false},
    {Permission::ViewMembers, "view_members", QT_TRANSLATE_NOOP("Staff", "view members"), true, true, false, true},
    {Permission::EditMembers, "edit_members", QT_TRANSLATE_NOOP("Staff", "register or edit members"), true, true, false,
        false},
    {Permission::BlockMembers, "block_members", QT_TRANSLATE_NOOP("Staff", "block or unblock members"), true, true,
        false, false},
    {Permission::IssueMemberCodes, "issue_member_codes", QT_TRANSLATE_NOOP("Staff", "issue member codes"), true, true,
        false, false},
    {Permission::ManageProducts, "manage_products", QT_TRANSLATE_NOOP("Staff", "manage card products"), true, false,
        false, false},
    {Permission::SellCards, "sell_cards", QT_TRANSLATE_NOOP("Staff", "sell or top up cards"), true, true, false, false},
    {Permission::ChangeCards, "change_cards", QT_TRANSLATE_NOOP("Staff", "freeze or unfreeze cards"), true, true, false,
        false},
    {Permission::RefundSales, "refund_sales", QT_TRANSLATE_NOOP("Staff", "cancel cards with a refund"), true, false,
        false, false},
    {Permission::ViewShiftReports, "view_shift_reports",
        QT_TRANSLATE_NOOP("Staff", "view other staff members' shift reports"), true, false, false, false},
    {Permission::ManageVenues, "manage_venues", QT_TRANSLATE_NOOP("Staff", "manage venues and maintenance"), true,
        false, false, false},
    {Permission::ManageSchedule, "manage_schedule", QT_TRANSLATE_NOOP("Staff", "manage courses and slots"), true, true,
        false, false},
    {Permission::Book, "book", QT_TRANSLATE_NOOP("Staff", "make or cancel bookings"), true, true, false, false},
    {Permission::ManualCheckIn, "manual_check_in", QT_TRANSLATE_NOOP("Staff", "let a member in by hand"), true, true,
        false, false},
    {Permission::ResetEmergency, "reset_emergency",
        QT_TRANSLATE_NOOP("Staff", "declare or reset an emergency, or clear a gate out of order"), true, true, true,
        false},
    {Permission::TechnicianConsole, "technician_console", QT_TRANSLATE_NOOP("Staff", "configure and test gates"), true,
        false, true, false},
    {Permission::ViewSync, "view_sync", QT_TRANSLATE_NOOP("Staff", "see and retry what the hub refused"), true, true,
        true, false},
    {Permission::ManageSync, "manage_sync", QT_TRANSLATE_NOOP("Staff", "enroll this desk with the hub"), true, false,
        false, false},
    {Permission::ViewReports, "view_reports", QT_TRANSLATE_NOOP("Staff", "view the dashboard and reports"), true, true,
        false, false},
};

const Grant *grantOf(Permission permission)
{
    for (const Grant &grant : grants) {
        if (grant.permission == permission)
            return &grant;
    }
    return nullptr;
}

} // namespace

const char *staffRoleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Admin:
        return "admin";
    case StaffRole::Staff:
        return "staff";
    case StaffRole::Technician:
        return "technician";
    case StaffRole::Guest:
        return "guest";
    case StaffRole::Invalid:
        break;
    }
    return "";
}

StaffRole staffRoleFromName(const QString &name)
{
    for (StaffRole role : {StaffRole::Admin, StaffRole::Staff, StaffRole::Technician, StaffRole::Guest}) {
        if (name == QLatin1String(staffRoleName(role)))
            return role;
    }
    return StaffRole::Invalid;
}

const char *staffStatusName(StaffStatus status)
{
    switch (status) {
    case StaffStatus::Active:
        return "active";
    case StaffStatus::Disabled:
        return "disabled";
    case StaffStatus::Invalid:
        break;
    }
    return "";
}

StaffStatus staffStatusFromName(const QString &name)
{
    if (name == QLatin1String("active"))
        return StaffStatus::Active;
    if (name == QLatin1String("disabled"))
        return StaffStatus::Disabled;
    return StaffStatus::Invalid;
}

QString staffRoleTitle(StaffRole role)
{
    switch (role) {
    case StaffRole::Admin:
        return Text::tr("Administrator");
    case StaffRole::Staff:
        return Text::tr("Front desk");
    case StaffRole::Technician:
        return Text::tr("Technician");
    case StaffRole::Guest:
        return Text::tr("Guest");
    case StaffRole::Invalid:
        break;
    }
    return {};
}

const char *permissionName(Permission permission)
{
    const Grant *grant = grantOf(permission);
    return grant ? grant->name : "invalid";
}

const QList<Permission> &allPermissions()
{
    static const QList<Permission> permissions = [] {
        QList<Permission> list;
        for (const Grant &grant : grants)
            list.append(grant.permission);
        return list;
    }();
    return permissions;
}

bool roleMay(StaffRole role, Permission permission)
{
    const Grant *grant = grantOf(permission);
    if (!grant)
        return false;
    switch (role) {
    case StaffRole::Admin:
        return grant->admin;
    case StaffRole::Staff:
        return grant->staff;
    case StaffRole::Technician:
        return grant->technician;
    case StaffRole::Guest:
        return grant->guest;
    case StaffRole::Invalid:
        break;
    }
    return false;
}

Status requirePermission(const StaffSession &session, Permission permission)
{
    if (!session.isValid())
        return fail(ErrorCode::PermissionDenied, Text::tr("Please log in first."));
    if (session.may(permission))
        return {};
    const Grant *grant = grantOf(permission);
    return fail(ErrorCode::PermissionDenied,
        Text::tr("%1 (%2) may not %3.")
            .arg(session.displayName, staffRoleTitle(session.role),
                grant ? QCoreApplication::translate("Staff", grant->action) : QString()));
}

} // namespace gymgate
