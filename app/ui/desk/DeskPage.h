#pragma once

#include "core/Staff.h"

#include <QString>
#include <QWidget>

namespace gymgate {

// One page of the front desk window (members, sales, schedule, staff, audit). The window
// shows a page only to a session that has its permission, hands every page the session at
// login and switch-user, and the member the clerk is working with: a page never asks for
// either itself. Services refuse what the session may not do anyway; hiding is a courtesy.
class DeskPage : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    ~DeskPage() override = default;

    virtual QString pageTitle() const = 0; // translated, for the navigation
    virtual Permission requiredPermission() const = 0;
    // Called at login and switch user (an invalid session at log out): reload, clear forms.
    virtual void setSession(const StaffSession &session) = 0;
    // The member the clerk works with now (empty = none); pages that act on a member follow it.
    virtual void setCurrentMember(const QString &memberId) { Q_UNUSED(memberId) }

signals:
    void memberSelected(const QString &memberId); // this page picked a member for the desk
    void statusMessage(const QString &message); // translated, for the status bar
    void pageRequested(const QString &objectName); // show that page (a link from this one)
};

} // namespace gymgate
