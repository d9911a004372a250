#include "ui/desk/CalendarView.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int HoursPerDay = 24;
constexpr qint64 MsPerHour = 3'600'000;

QColor colourOf(CalendarEntryKind kind)
{
    switch (kind) {
    case CalendarEntryKind::Slot:
        return QColor(0xd6, 0xea, 0xf8);
    case CalendarEntryKind::Booking:
        return QColor(0xd5, 0xf5, 0xe3);
    case CalendarEntryKind::Maintenance:
        return QColor(0xf5, 0xcb, 0xa7);
    case CalendarEntryKind::Invalid:
        break;
    }
    return {};
}

} // namespace

CalendarView::CalendarView(BookingDesk &desk, QWidget *parent) : QWidget(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("calendarView"));
    m_venueCombo = new QComboBox(this);
    m_venueCombo->setObjectName(QStringLiteral("calendarVenueComboBox"));
    m_fromEdit = new QDateEdit(this);
    m_fromEdit->setObjectName(QStringLiteral("calendarFromDateEdit"));
    m_fromEdit->setCalendarPopup(true);
    m_fromEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_daysSpin = new QSpinBox(this);
    m_daysSpin->setObjectName(QStringLiteral("calendarDaysSpinBox"));
    m_daysSpin->setRange(1, 31);
    m_daysSpin->setValue(7);
    m_daysSpin->setSuffix(tr(" days"));
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("calendarRefreshPushButton"));
    m_grid = new QTableWidget(HoursPerDay, 0, this);
    m_grid->setObjectName(QStringLiteral("calendarTableWidget"));
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setWordWrap(true);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    QStringList hours;
    for (int hour = 0; hour < HoursPerDay; ++hour)
        hours.append(QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0')));
    m_grid->setVerticalHeaderLabels(hours);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("calendarErrorLabel"));

    connect(m_venueCombo, &QComboBox::currentIndexChanged, this, &CalendarView::reload);
    connect(m_fromEdit, &QDateEdit::dateChanged, this, &CalendarView::reload);
    connect(m_daysSpin, &QSpinBox::valueChanged, this, &CalendarView::reload);
    connect(refresh, &QPushButton::clicked, this, &CalendarView::reload);

    auto *controls = new QHBoxLayout;
    auto *venueLabel = new QLabel(tr("&Venue"), this);
    venueLabel->setBuddy(m_venueCombo);
    auto *fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_fromEdit);
    controls->addWidget(venueLabel);
    controls->addWidget(m_venueCombo, 1);
    controls->addWidget(fromLabel);
    controls->addWidget(m_fromEdit);
    controls->addWidget(m_daysSpin);
    controls->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_errorLabel);
}

void CalendarView::setSession(const StaffSession &session)
{
    m_session = session;
    Result<QTimeZone> zone = m_desk.siteTimeZone(session);
    m_zone = zone ? *zone : QTimeZone::utc();
    reloadVenues();
    reload();
}

void CalendarView::setVenue(const QString &venueId)
{
    const int index = m_venueCombo->findData(venueId);
    if (index >= 0)
        m_venueCombo->setCurrentIndex(index);
}

void CalendarView::setRange(const QDate &firstDay, int days)
{
    const QSignalBlocker blockDate(m_fromEdit);
    const QSignalBlocker blockDays(m_daysSpin);
    m_fromEdit->setDate(firstDay);
    m_daysSpin->setValue(days);
    reload();
}

void CalendarView::reloadVenues()
{
    const QSignalBlocker block(m_venueCombo);
    const QString current = m_venueCombo->currentData().toString();
    m_venueCombo->clear();
    Result<QList<Venue>> venues = m_desk.venues(m_session);
    if (!venues)
        return;
    for (const Venue &venue : *venues)
        m_venueCombo->addItem(venue.name, venue.id);
    const int index = m_venueCombo->findData(current);
    m_venueCombo->setCurrentIndex(index >= 0 ? index : 0);
}

QString CalendarView::describe(const CalendarEntry &entry) const
{
    switch (entry.kind) {
    case CalendarEntryKind::Slot:
        return entry.waitingCount > 0 ? tr("%1 %2/%3 (+%4 waiting)")
                                            .arg(entry.title)
                                            .arg(entry.bookedCount)
                                            .arg(entry.capacity)
                                            .arg(entry.waitingCount)
                                      : tr("%1 %2/%3").arg(entry.title).arg(entry.bookedCount).arg(entry.capacity);
    case CalendarEntryKind::Booking:
        return tr("%1 (%2)").arg(entry.title, entry.bookingNo);
    case CalendarEntryKind::Maintenance:
        return tr("Maintenance: %1").arg(entry.title);
    case CalendarEntryKind::Invalid:
        break;
    }
    return {};
}

void CalendarView::reload()
{
    const QDate firstDay = m_fromEdit->date();
    const int days = m_daysSpin->value();
    const QString venueId = m_venueCombo->currentData().toString();
    m_errorLabel->clear();
    if (venueId.isEmpty()) {
        fillGrid({}, firstDay, days);
        return;
    }
    const qint64 fromMs = QDateTime(firstDay, QTime(0, 0), m_zone).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(firstDay.addDays(days), QTime(0, 0), m_zone).toMSecsSinceEpoch();
    Result<QList<CalendarEntry>> entries = m_desk.calendar(m_session, venueId, fromMs, toMs);
    if (!entries) {
        m_errorLabel->setText(entries.error().message);
        fillGrid({}, firstDay, days);
        return;
    }
    fillGrid(*entries, firstDay, days);
}

void CalendarView::fillGrid(const QList<CalendarEntry> &entries, const QDate &firstDay, int days)
{
    m_grid->clearContents();
    m_grid->setColumnCount(days);
    QStringList headers;
    for (int day = 0; day < days; ++day)
        headers.append(firstDay.addDays(day).toString(QStringLiteral("ddd MM-dd")));
    m_grid->setHorizontalHeaderLabels(headers);
    for (const CalendarEntry &entry : entries) {
        // An entry fills every hour cell it touches, day by day in the site's time zone.
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(entry.startMs, m_zone);
        for (QDateTime local(start.date(), QTime(start.time().hour(), 0), m_zone);
             local.toMSecsSinceEpoch() < entry.endMs; local = local.addSecs(MsPerHour / 1000)) {
            const qint64 column = firstDay.daysTo(local.date());
            if (column < 0 || column >= days)
                continue;
            const int row = local.time().hour();
            QTableWidgetItem *cell = m_grid->item(row, int(column));
            if (!cell) {
                cell = new QTableWidgetItem;
                m_grid->setItem(row, int(column), cell);
            }
            const QString line = describe(entry);
            if (!cell->text().split(QLatin1Char('\n')).contains(line))
                cell->setText(cell->text().isEmpty() ? line : cell->text() + QLatin1Char('\n') + line);
            cell->setBackground(colourOf(entry.kind));
            cell->setToolTip(cell->text());
        }
    }
    m_grid->resizeRowsToContents();
}

} // namespace gymgate
