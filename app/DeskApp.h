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

class Database;
class DeskWindow;
class EntryStation;
class SqlBookingDesk;
class SqlMemberDirectory;
class SqlSalesDesk;
class SqlStaffDirectory;

// The front desk (gymgate --desk): the desk services over the local database, the desk window
// with a page per area, and the staff log-in around it (first-run wizard, login, log out,
// switch user). Manual check-in uses the entry station's gates when there is one.
class DeskApp : public QObject {
    Q_OBJECT
public:
    // `station` may be null (a desk PC without gates); not owned.
    static Result<std::unique_ptr<DeskApp>> open(
        const AppOptions &options, Database &db, const Clock &clock, EntryStation *station);
    ~DeskApp() override;

    // First run (creates the admin), then login; false when the clerk cancelled.
    bool logIn();
    DeskWindow &window() { return *m_window; }

signals:
    void finished(); // the clerk closed the login: the desk is done

private:
    DeskApp(Database &db, const Clock &clock, FieldCipher cipher, SigningKey signingKey, QTimeZone zone);
    void buildPages(EntryStation *station);
    void logOut(bool switchUser);
    QString describeMember(const QString &memberId) const;

    Database &m_db;
    const Clock &m_clock;
    FieldCipher m_cipher;
    SigningKey m_signingKey;
    QTimeZone m_siteTimeZone;
    std::unique_ptr<SqlStaffDirectory> m_staff;
    std::unique_ptr<SqlMemberDirectory> m_members;
    std::unique_ptr<SqlSalesDesk> m_sales;
    std::unique_ptr<SqlBookingDesk> m_bookings;
    std::unique_ptr<DeskWindow> m_window;
};

} // namespace gymgate
