#pragma once

#include "core/BookingDesk.h"
#include "core/Clock.h"
#include "ui/desk/DeskPage.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimeEdit;

namespace gymgate {

// Booking at the desk for the member the clerk works with: a class on a day or a venue for a
// time range, once or weekly; the refusal reason shown as it comes from the service; the
// member's bookings with cancel, and the waiting list when a class or venue is full.
class BookingsPage final : public DeskPage {
    Q_OBJECT
public:
    BookingsPage(BookingDesk &desk, const Clock &clock, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::Book; }
    void setSession(const StaffSession &session) override;
    void setCurrentMember(const QString &memberId) override;

private:
    void buildUi();
    QWidget *buildClassTab();
    QWidget *buildVenueTab();
    QWidget *buildMemberSide();
    void reloadAll();
    void reloadVenues();
    void reloadSlots();
    void reloadMember();
    void bookSelected();
    void joinWaitlist();
    void cancelSelected();
    void leaveWaitlist();
    void updateButtons();
    std::optional<BookingRequest> currentRequest();
    QString selectedId(QTableView *view) const;
    QString formatTime(qint64 utcMs) const;
    qint64 localMs(const QDate &date, const QTime &time) const;
    void showError(const QString &message);
    void showInfo(const QString &message);

    BookingDesk &m_desk;
    const Clock &m_clock;
    StaffSession m_session;
    QString m_memberId;
    QTimeZone m_zone;

    QLabel *m_memberLabel = nullptr;
    QTabWidget *m_modeTabs = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QLineEdit *m_slotFilterEdit = nullptr;
    QTableView *m_slotsView = nullptr;
    QStandardItemModel *m_slotsModel = nullptr;
    QSortFilterProxyModel *m_slotsProxy = nullptr;
    QComboBox *m_venueCombo = nullptr;
    QDateEdit *m_venueDateEdit = nullptr;
    QTimeEdit *m_startTimeEdit = nullptr;
    QTimeEdit *m_endTimeEdit = nullptr;
    QCheckBox *m_weeklyCheck = nullptr;
    QSpinBox *m_weeksSpin = nullptr;
    QPushButton *m_bookButton = nullptr;
    QPushButton *m_waitlistButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_infoLabel = nullptr;
    QTableView *m_bookingsView = nullptr;
    QStandardItemModel *m_bookingsModel = nullptr;
    QSortFilterProxyModel *m_bookingsProxy = nullptr;
    QLineEdit *m_cancelReasonEdit = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTableView *m_waitlistView = nullptr;
    QStandardItemModel *m_waitlistModel = nullptr;
    QPushButton *m_leaveButton = nullptr;
};

} // namespace gymgate
