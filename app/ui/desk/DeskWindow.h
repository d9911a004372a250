#pragma once

#include "core/Staff.h"

#include <QList>
#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QToolBar;
class QVBoxLayout;

namespace gymgate {

class DeskPage;

// The front desk window: a navigation list of the pages the logged-in staff member may use,
// the page itself, and who is at the desk and which member they work with. It knows no
// service: the composition root adds the pages and handles log in, log out and switch user.
class DeskWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit DeskWindow(QWidget *parent = nullptr);

    void addPage(DeskPage *page); // takes ownership
    // Shows the pages this session may use and hands it to every page; an invalid session
    // (logged out) hides them all.
    void setSession(const StaffSession &session);
    const StaffSession &session() const { return m_session; }
    void setCurrentMember(const QString &memberId, const QString &description);
    QString currentPageName() const; // objectName of the page on screen, empty when none
    bool showPage(const QString &objectName); // false when hidden or unknown
    // A strip above the pages, for what needs staff now whatever page is open (the gate
    // service's emergency). Takes ownership; it shows and hides itself.
    void setBanner(QWidget *banner);
    void addToolBarAction(QAction *action); // after Log out and Switch user; not owned

signals:
    void logoutRequested();
    void switchUserRequested();
    void sessionChanged(const gymgate::StaffSession &session); // after the pages took it

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildNavigation();
    void retranslate();

    StaffSession m_session;
    QList<DeskPage *> m_pages;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QVBoxLayout *m_centralLayout = nullptr;
    QWidget *m_banner = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_memberLabel = nullptr;
    QAction *m_logoutAction = nullptr;
    QAction *m_switchUserAction = nullptr;
    QString m_memberDescription;
};

} // namespace gymgate
