#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/FieldCipher.h"
#include "core/SigningKey.h"

#include <QObject>
#include <QTimeZone>

#include <memory>
#include <optional>

#include "AppOptions.h"

namespace gymgate {

class BridgeGateTester;
class Database;
class DeskWindow;
class EntryStation;
class SqlBookingDesk;
class SqlDashboardSource;
class SqlGateSetup;
class SqlMemberDirectory;
class SqlReportDesk;
class SqlSalesDesk;
class SqlStaffDirectory;
class SyncControl;
class SyncPage;
class SyncStatusLabel;
class SupervisorGateControl;

// The front desk (gymgate --desk): the desk services over the local database, the desk window
// with a page per area, and the staff log-in around it (first-run wizard, login, log out,
// switch user). Manual check-in uses the entry station's gates when there is one. With sync, the
// Sync page and the status bar label; for technicians the Gates and Gate diagnostics pages; after enrollment the
// chain's data key and the site's time zone replace the desk's own.
class DeskApp : public QObject {
    Q_OBJECT
public:
    // `station` may be null (a desk PC without gates), `sync` too (--no-sync); not owned.
    static Result<std::unique_ptr<DeskApp>> open(const AppOptions &options, Database &db, const Clock &clock,
        EntryStation *station, SyncControl *sync = nullptr);
    ~DeskApp() override;

    // First run (creates the admin), then login; false when the clerk cancelled.
    bool logIn();
    DeskWindow &window() { return *m_window; }

signals:
    void finished(); // the clerk closed the login: the desk is done

private:
    DeskApp(Database &db, const Clock &clock, QString keyDirectory, FieldCipher cipher, SigningKey signingKey,
        QTimeZone zone);
    void buildPages(EntryStation *station, SyncControl *sync);
    void buildTechnicianPages(EntryStation *station);
    void buildGateServiceBanner(EntryStation *station);
    // Enrollment replaced data.key and the site settings: take them without a restart.
    void reloadSiteKeys();
    void logOut(bool switchUser);
    QString describeMember(const QString &memberId) const;

    Database &m_db;
    const Clock &m_clock;
    QString m_keyDirectory;
    // Held by value and assigned in place: SqlMemberDirectory keeps references to both.
    FieldCipher m_cipher;
    SigningKey m_signingKey;
    QTimeZone m_siteTimeZone;
    std::unique_ptr<SqlStaffDirectory> m_staff;
    std::unique_ptr<SqlMemberDirectory> m_members;
    std::unique_ptr<SqlSalesDesk> m_sales;
    std::unique_ptr<SqlBookingDesk> m_bookings;
    std::unique_ptr<SqlReportDesk> m_reports;
    std::unique_ptr<SqlDashboardSource> m_dashboard;
    std::unique_ptr<SqlGateSetup> m_gateSetup;
    std::unique_ptr<BridgeGateTester> m_gateTester;
    std::unique_ptr<SupervisorGateControl> m_gateControl;
    std::unique_ptr<DeskWindow> m_window;
    SyncPage *m_syncPage = nullptr; // owned by the window
    SyncStatusLabel *m_syncLabel = nullptr; // owned by the window's status bar
};

} // namespace gymgate
