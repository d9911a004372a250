#pragma once

#include "core/BookingDesk.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace gymgate {

// A venue's week at a glance (seed 000 预约日历): one column per day, one row per hour, each
// cell naming the classes (with their fill), bookings and maintenance in that hour.
class CalendarView final : public QWidget {
    Q_OBJECT
public:
    explicit CalendarView(BookingDesk &desk, QWidget *parent = nullptr);

    void setSession(const StaffSession &session);
    void setVenue(const QString &venueId);
    void setRange(const QDate &firstDay, int days);
    void reload();

private:
    void reloadVenues();
    void fillGrid(const QList<CalendarEntry> &entries, const QDate &firstDay, int days);
    QString describe(const CalendarEntry &entry) const;

    BookingDesk &m_desk;
    StaffSession m_session;
    QTimeZone m_zone = QTimeZone::utc();
    QComboBox *m_venueCombo = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QSpinBox *m_daysSpin = nullptr;
    QTableWidget *m_grid = nullptr;
    QLabel *m_errorLabel = nullptr;
};

} // namespace gymgate
