#pragma once

#include "core/BookingDesk.h"
#include "core/Clock.h"
#include "ui/desk/DeskPage.h"

class QComboBox;
class QDateEdit;
class QDateTimeEdit;
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

class CalendarView;

// The schedule: venues with their booking rules, status and maintenance plans (administrators),
// courses and their class slots (front desk and administrators), and the venue calendar.
class SchedulePage final : public DeskPage {
    Q_OBJECT
public:
    SchedulePage(BookingDesk &desk, const Clock &clock, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::ManageSchedule; }
    void setSession(const StaffSession &session) override;

private:
    QWidget *buildVenuesTab();
    QWidget *buildMaintenanceBox(QWidget *parent);
    QWidget *buildCoursesTab();
    void reloadVenues();
    void reloadMaintenance();
    void reloadCourses();
    void reloadSlots();
    void showVenue();
    void showCourse();
    void newVenue();
    void saveVenue();
    void deleteVenue();
    void addMaintenance();
    void removeMaintenance();
    void newCourse();
    void saveCourse();
    void deleteCourse();
    void addSlot();
    void deleteSlot();
    void validateVenueForm();
    void fillVenueCombos();
    QString selectedId(QTableView *view) const;
    void report(const Status &status, const QString &done, QLabel *errorLabel);
    qint64 localMs(const QDateTime &local) const;

    BookingDesk &m_desk;
    const Clock &m_clock;
    StaffSession m_session;
    QTimeZone m_zone = QTimeZone::utc();
    QList<Venue> m_venues;
    QList<Course> m_courses;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_venueFilterEdit = nullptr;
    QTableView *m_venuesView = nullptr;
    QStandardItemModel *m_venuesModel = nullptr;
    QSortFilterProxyModel *m_venuesProxy = nullptr;
    QLineEdit *m_venueNameEdit = nullptr;
    QComboBox *m_venueKindCombo = nullptr;
    QSpinBox *m_venueCapacitySpin = nullptr;
    QLineEdit *m_venueFeeEdit = nullptr;
    QLineEdit *m_openingHoursEdit = nullptr;
    QComboBox *m_venueStatusCombo = nullptr;
    QSpinBox *m_advanceDaysSpin = nullptr;
    QSpinBox *m_maxActiveSpin = nullptr;
    QSpinBox *m_cancelHoursSpin = nullptr;
    QSpinBox *m_cancelPenaltySpin = nullptr;
    QPushButton *m_newVenueButton = nullptr;
    QPushButton *m_saveVenueButton = nullptr;
    QPushButton *m_deleteVenueButton = nullptr;
    QLabel *m_venueErrorLabel = nullptr;
    QTableView *m_maintenanceView = nullptr;
    QStandardItemModel *m_maintenanceModel = nullptr;
    QDateTimeEdit *m_maintenanceStartEdit = nullptr;
    QDateTimeEdit *m_maintenanceEndEdit = nullptr;
    QLineEdit *m_maintenanceReasonEdit = nullptr;
    QPushButton *m_addMaintenanceButton = nullptr;
    QPushButton *m_removeMaintenanceButton = nullptr;

    QTableView *m_coursesView = nullptr;
    QStandardItemModel *m_coursesModel = nullptr;
    QLineEdit *m_courseNameEdit = nullptr;
    QComboBox *m_courseVenueCombo = nullptr;
    QSpinBox *m_courseDurationSpin = nullptr;
    QSpinBox *m_courseCapacitySpin = nullptr;
    QDateEdit *m_slotDateEdit = nullptr;
    QTableView *m_slotsView = nullptr;
    QStandardItemModel *m_slotsModel = nullptr;
    QTimeEdit *m_slotStartEdit = nullptr;
    QSpinBox *m_slotCapacitySpin = nullptr;
    QLineEdit *m_slotCoachEdit = nullptr;
    QLabel *m_scheduleErrorLabel = nullptr;
    CalendarView *m_calendar = nullptr;
};

} // namespace gymgate
