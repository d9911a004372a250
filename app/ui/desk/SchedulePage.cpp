#include "ui/desk/SchedulePage.h"

#include "ui/desk/CalendarView.h"
#include "ui/desk/DeskTables.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <cmath>

namespace gymgate {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

// Schedule tables sort and filter through a proxy over their model (the venue filter uses it).
QTableView *makeTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    return desk::makeTable(objectName, proxy, parent);
}

QStandardItem *item(const QString &text, const QString &id = {})
{
    auto *cell = new QStandardItem(text);
    if (!id.isEmpty())
        cell->setData(id, IdRole);
    return cell;
}

QString kindTitle(VenueKind kind)
{
    switch (kind) {
    case VenueKind::GymFloor:
        return SchedulePage::tr("Gym floor");
    case VenueKind::Studio:
        return SchedulePage::tr("Studio");
    case VenueKind::Court:
        return SchedulePage::tr("Court");
    case VenueKind::Pool:
        return SchedulePage::tr("Pool");
    case VenueKind::Other:
        return SchedulePage::tr("Other");
    case VenueKind::Invalid:
        break;
    }
    return {};
}

QString statusTitle(VenueStatus status)
{
    switch (status) {
    case VenueStatus::Open:
        return SchedulePage::tr("Open");
    case VenueStatus::Closed:
        return SchedulePage::tr("Closed");
    case VenueStatus::Maintenance:
        return SchedulePage::tr("Maintenance");
    case VenueStatus::Invalid:
        break;
    }
    return {};
}

QSpinBox *spinBox(const QString &objectName, int minimum, int maximum, int value, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    spin->setValue(value);
    return spin;
}

QPushButton *button(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *pushButton = new QPushButton(text, parent);
    pushButton->setObjectName(objectName);
    return pushButton;
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    return label;
}

} // namespace

SchedulePage::SchedulePage(BookingDesk &desk, const Clock &clock, QWidget *parent)
    : DeskPage(parent), m_desk(desk), m_clock(clock)
{
    setObjectName(QStringLiteral("schedulePage"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("scheduleTabWidget"));
    m_tabs->addTab(buildCoursesTab(), tr("C&ourses and classes"));
    m_tabs->addTab(buildVenuesTab(), tr("V&enues"));
    m_calendar = new CalendarView(desk, this);
    m_tabs->addTab(m_calendar, tr("Ca&lendar"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
}

QString SchedulePage::pageTitle() const
{
    return tr("Schedule");
}

QWidget *SchedulePage::buildVenuesTab()
{
    auto *tab = new QWidget(this);
    m_venuesModel = new QStandardItemModel(0, 8, this);
    m_venuesModel->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Capacity"), tr("Status"), tr("Advance days"),
        tr("Max active"), tr("Cancel hours"), tr("Penalty %")});
    m_venuesView = makeTable(QStringLiteral("venuesTableView"), m_venuesModel, tab);
    m_venuesProxy = qobject_cast<QSortFilterProxyModel *>(m_venuesView->model());
    m_venueFilterEdit = new QLineEdit(tab);
    m_venueFilterEdit->setObjectName(QStringLiteral("venueFilterLineEdit"));
    m_venueFilterEdit->setPlaceholderText(tr("Filter venues"));
    connect(m_venueFilterEdit, &QLineEdit::textChanged, m_venuesProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_venuesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SchedulePage::showVenue);

    m_venueNameEdit = new QLineEdit(tab);
    m_venueNameEdit->setObjectName(QStringLiteral("venueNameLineEdit"));
    m_venueKindCombo = new QComboBox(tab);
    m_venueKindCombo->setObjectName(QStringLiteral("venueKindComboBox"));
    for (VenueKind kind : {VenueKind::GymFloor, VenueKind::Studio, VenueKind::Court, VenueKind::Pool, VenueKind::Other})
        m_venueKindCombo->addItem(kindTitle(kind), int(kind));
    m_venueCapacitySpin = spinBox(QStringLiteral("venueCapacitySpinBox"), 0, 10000, 0, tab);
    m_venueCapacitySpin->setSpecialValueText(tr("Unlimited"));
    m_venueFeeEdit = new QLineEdit(QStringLiteral("0.00"), tab);
    m_venueFeeEdit->setObjectName(QStringLiteral("venueFeeLineEdit"));
    auto *feeValidator = new QDoubleValidator(0.0, 100000.0, 2, m_venueFeeEdit);
    feeValidator->setNotation(QDoubleValidator::StandardNotation);
    m_venueFeeEdit->setValidator(feeValidator);
    m_openingHoursEdit = new QLineEdit(tab);
    m_openingHoursEdit->setObjectName(QStringLiteral("venueOpeningHoursLineEdit"));
    m_openingHoursEdit->setPlaceholderText(QStringLiteral(R"([{"days":"1-5","from":"06:00","to":"22:00"}])"));
    m_openingHoursEdit->setToolTip(tr("Empty means always open."));
    m_venueStatusCombo = new QComboBox(tab);
    m_venueStatusCombo->setObjectName(QStringLiteral("venueStatusComboBox"));
    for (VenueStatus status : {VenueStatus::Open, VenueStatus::Closed, VenueStatus::Maintenance})
        m_venueStatusCombo->addItem(statusTitle(status), int(status));
    m_advanceDaysSpin = spinBox(QStringLiteral("advanceDaysSpinBox"), 0, 365, 7, tab);
    m_advanceDaysSpin->setSpecialValueText(tr("No limit"));
    m_maxActiveSpin = spinBox(QStringLiteral("maxActiveBookingsSpinBox"), 0, 1000, 0, tab);
    m_maxActiveSpin->setSpecialValueText(tr("No limit"));
    m_cancelHoursSpin = spinBox(QStringLiteral("cancelHoursSpinBox"), 0, 720, 2, tab);
    m_cancelPenaltySpin = spinBox(QStringLiteral("cancelPenaltySpinBox"), 0, 100, 0, tab);
    m_cancelPenaltySpin->setSuffix(QStringLiteral(" %"));
    m_cancelPenaltySpin->setToolTip(tr("0 %: late cancellations are refused."));
    m_venueErrorLabel = errorLabel(QStringLiteral("venueErrorLabel"), tab);
    connect(m_openingHoursEdit, &QLineEdit::textChanged, this, &SchedulePage::validateVenueForm);
    connect(m_venueNameEdit, &QLineEdit::textChanged, this, &SchedulePage::validateVenueForm);
    connect(m_venueNameEdit, &QLineEdit::returnPressed, this, &SchedulePage::saveVenue);

    m_newVenueButton = button(tr("&New venue"), QStringLiteral("newVenuePushButton"), tab);
    m_saveVenueButton = button(tr("&Save venue"), QStringLiteral("saveVenuePushButton"), tab);
    m_deleteVenueButton = button(tr("&Delete venue"), QStringLiteral("deleteVenuePushButton"), tab);
    connect(m_newVenueButton, &QPushButton::clicked, this, &SchedulePage::newVenue);
    connect(m_saveVenueButton, &QPushButton::clicked, this, &SchedulePage::saveVenue);
    connect(m_deleteVenueButton, &QPushButton::clicked, this, &SchedulePage::deleteVenue);

    auto *form = new QFormLayout;
    form->addRow(tr("Na&me"), m_venueNameEdit);
    form->addRow(tr("&Kind"), m_venueKindCombo);
    form->addRow(tr("Ca&pacity"), m_venueCapacitySpin);
    form->addRow(tr("Fee per hour (yuan)"), m_venueFeeEdit);
    form->addRow(tr("Opening &hours"), m_openingHoursEdit);
    form->addRow(tr("S&tatus"), m_venueStatusCombo);
    form->addRow(tr("Bookable days ahead"), m_advanceDaysSpin);
    form->addRow(tr("Active bookings per member"), m_maxActiveSpin);
    form->addRow(tr("Free cancellation until (hours before)"), m_cancelHoursSpin);
    form->addRow(tr("Late cancellation penalty"), m_cancelPenaltySpin);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newVenueButton);
    buttons->addWidget(m_deleteVenueButton);
    buttons->addStretch();
    buttons->addWidget(m_saveVenueButton);
    auto *editor = new QVBoxLayout;
    editor->addLayout(form);
    editor->addWidget(m_venueErrorLabel);
    editor->addLayout(buttons);
    editor->addWidget(buildMaintenanceBox(tab), 1);

    auto *list = new QVBoxLayout;
    list->addWidget(m_venueFilterEdit);
    list->addWidget(m_venuesView, 1);
    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(list, 3);
    layout->addLayout(editor, 2);
    return tab;
}

QWidget *SchedulePage::buildMaintenanceBox(QWidget *parent)
{
    auto *box = new QGroupBox(tr("Maintenance plans"), parent);
    m_maintenanceModel = new QStandardItemModel(0, 3, this);
    m_maintenanceModel->setHorizontalHeaderLabels({tr("From"), tr("Until"), tr("Reason")});
    m_maintenanceView = makeTable(QStringLiteral("maintenanceTableView"), m_maintenanceModel, box);
    m_maintenanceStartEdit = new QDateTimeEdit(box);
    m_maintenanceStartEdit->setObjectName(QStringLiteral("maintenanceStartDateTimeEdit"));
    m_maintenanceStartEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_maintenanceEndEdit = new QDateTimeEdit(box);
    m_maintenanceEndEdit->setObjectName(QStringLiteral("maintenanceEndDateTimeEdit"));
    m_maintenanceEndEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_maintenanceReasonEdit = new QLineEdit(box);
    m_maintenanceReasonEdit->setObjectName(QStringLiteral("maintenanceReasonLineEdit"));
    m_maintenanceReasonEdit->setPlaceholderText(tr("Reason"));
    m_addMaintenanceButton = button(tr("&Plan maintenance"), QStringLiteral("addMaintenancePushButton"), box);
    m_removeMaintenanceButton = button(tr("&Remove plan"), QStringLiteral("removeMaintenancePushButton"), box);
    connect(m_addMaintenanceButton, &QPushButton::clicked, this, &SchedulePage::addMaintenance);
    connect(m_removeMaintenanceButton, &QPushButton::clicked, this, &SchedulePage::removeMaintenance);
    connect(m_maintenanceReasonEdit, &QLineEdit::returnPressed, this, &SchedulePage::addMaintenance);
    auto *row = new QHBoxLayout;
    row->addWidget(m_maintenanceStartEdit);
    row->addWidget(m_maintenanceEndEdit);
    row->addWidget(m_maintenanceReasonEdit, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_removeMaintenanceButton);
    buttons->addStretch();
    buttons->addWidget(m_addMaintenanceButton);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_maintenanceView, 1);
    layout->addLayout(row);
    layout->addLayout(buttons);
    return box;
}

QWidget *SchedulePage::buildCoursesTab()
{
    auto *tab = new QWidget(this);
    m_coursesModel = new QStandardItemModel(0, 4, this);
    m_coursesModel->setHorizontalHeaderLabels({tr("Course"), tr("Venue"), tr("Minutes"), tr("Capacity")});
    m_coursesView = makeTable(QStringLiteral("coursesTableView"), m_coursesModel, tab);
    connect(m_coursesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SchedulePage::showCourse);
    m_courseNameEdit = new QLineEdit(tab);
    m_courseNameEdit->setObjectName(QStringLiteral("courseNameLineEdit"));
    m_courseVenueCombo = new QComboBox(tab);
    m_courseVenueCombo->setObjectName(QStringLiteral("courseVenueComboBox"));
    m_courseDurationSpin = spinBox(QStringLiteral("courseDurationSpinBox"), 5, 1440, 60, tab);
    m_courseDurationSpin->setSuffix(tr(" min"));
    m_courseCapacitySpin = spinBox(QStringLiteral("courseCapacitySpinBox"), 1, 1000, 20, tab);
    auto *newCourseButton = button(tr("New &course"), QStringLiteral("newCoursePushButton"), tab);
    auto *saveCourseButton = button(tr("Sa&ve course"), QStringLiteral("saveCoursePushButton"), tab);
    auto *deleteCourseButton = button(tr("Delete cou&rse"), QStringLiteral("deleteCoursePushButton"), tab);
    connect(newCourseButton, &QPushButton::clicked, this, &SchedulePage::newCourse);
    connect(saveCourseButton, &QPushButton::clicked, this, &SchedulePage::saveCourse);
    connect(deleteCourseButton, &QPushButton::clicked, this, &SchedulePage::deleteCourse);
    connect(m_courseNameEdit, &QLineEdit::returnPressed, this, &SchedulePage::saveCourse);

    m_slotDateEdit = new QDateEdit(tab);
    m_slotDateEdit->setObjectName(QStringLiteral("slotDateEdit"));
    m_slotDateEdit->setCalendarPopup(true);
    m_slotDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd ddd"));
    connect(m_slotDateEdit, &QDateEdit::dateChanged, this, &SchedulePage::reloadSlots);
    m_slotsModel = new QStandardItemModel(0, 5, this);
    m_slotsModel->setHorizontalHeaderLabels({tr("Start"), tr("End"), tr("Class"), tr("Coach"), tr("Places")});
    m_slotsView = makeTable(QStringLiteral("scheduleSlotsTableView"), m_slotsModel, tab);
    m_slotStartEdit = new QTimeEdit(QTime(10, 0), tab);
    m_slotStartEdit->setObjectName(QStringLiteral("slotStartTimeEdit"));
    m_slotStartEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_slotCapacitySpin = spinBox(QStringLiteral("slotCapacitySpinBox"), 0, 1000, 0, tab);
    m_slotCapacitySpin->setSpecialValueText(tr("Course capacity"));
    m_slotCoachEdit = new QLineEdit(tab);
    m_slotCoachEdit->setObjectName(QStringLiteral("slotCoachLineEdit"));
    m_slotCoachEdit->setPlaceholderText(tr("Coach"));
    auto *addSlotButton = button(tr("&Add class"), QStringLiteral("addSlotPushButton"), tab);
    auto *deleteSlotButton = button(tr("Delete c&lass"), QStringLiteral("deleteSlotPushButton"), tab);
    connect(addSlotButton, &QPushButton::clicked, this, &SchedulePage::addSlot);
    connect(deleteSlotButton, &QPushButton::clicked, this, &SchedulePage::deleteSlot);
    connect(m_slotCoachEdit, &QLineEdit::returnPressed, this, &SchedulePage::addSlot);
    m_scheduleErrorLabel = errorLabel(QStringLiteral("scheduleErrorLabel"), tab);

    auto *courseForm = new QFormLayout;
    courseForm->addRow(tr("&Name"), m_courseNameEdit);
    courseForm->addRow(tr("&Venue"), m_courseVenueCombo);
    courseForm->addRow(tr("&Duration"), m_courseDurationSpin);
    courseForm->addRow(tr("Ca&pacity"), m_courseCapacitySpin);
    auto *courseButtons = new QHBoxLayout;
    courseButtons->addWidget(newCourseButton);
    courseButtons->addWidget(deleteCourseButton);
    courseButtons->addStretch();
    courseButtons->addWidget(saveCourseButton);
    auto *courses = new QVBoxLayout;
    courses->addWidget(m_coursesView, 1);
    courses->addLayout(courseForm);
    courses->addLayout(courseButtons);

    auto *slotRow = new QHBoxLayout;
    slotRow->addWidget(m_slotStartEdit);
    slotRow->addWidget(m_slotCapacitySpin);
    slotRow->addWidget(m_slotCoachEdit, 1);
    slotRow->addWidget(addSlotButton);
    auto *slotsBox = new QVBoxLayout;
    slotsBox->addWidget(m_slotDateEdit);
    slotsBox->addWidget(m_slotsView, 1);
    slotsBox->addLayout(slotRow);
    slotsBox->addWidget(deleteSlotButton, 0, Qt::AlignLeft);
    slotsBox->addWidget(m_scheduleErrorLabel);

    auto *layout = new QHBoxLayout(tab);
    layout->addLayout(courses, 1);
    layout->addLayout(slotsBox, 1);
    return tab;
}

void SchedulePage::setSession(const StaffSession &session)
{
    m_session = session;
    Result<QTimeZone> zone = m_desk.siteTimeZone(session);
    m_zone = zone ? *zone : QTimeZone::utc();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), m_zone);
    {
        const QSignalBlocker block(m_slotDateEdit);
        m_slotDateEdit->setDate(now.date());
    }
    m_maintenanceStartEdit->setDateTime(QDateTime(now.date().addDays(1), QTime(6, 0)));
    m_maintenanceEndEdit->setDateTime(QDateTime(now.date().addDays(1), QTime(12, 0)));
    // Venues are the administrator's; everybody here may look at them.
    const bool venues = session.may(Permission::ManageVenues);
    for (QWidget *widget : std::initializer_list<QWidget *> {m_newVenueButton, m_saveVenueButton, m_deleteVenueButton,
             m_addMaintenanceButton, m_removeMaintenanceButton})
        widget->setEnabled(venues);
    m_scheduleErrorLabel->clear();
    m_venueErrorLabel->clear();
    reloadVenues();
    reloadCourses();
    reloadSlots();
    m_calendar->setSession(session);
    m_calendar->setRange(now.date(), 7);
}

QString SchedulePage::selectedId(QTableView *view) const
{
    const QModelIndexList rows = view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? QString() : rows.first().siblingAtColumn(0).data(IdRole).toString();
}

qint64 SchedulePage::localMs(const QDateTime &local) const
{
    return QDateTime(local.date(), local.time(), m_zone).toMSecsSinceEpoch();
}

void SchedulePage::report(const Status &status, const QString &done, QLabel *label)
{
    if (!status) {
        label->setText(status.error().message);
        return;
    }
    label->clear();
    emit statusMessage(done);
}

void SchedulePage::reloadVenues()
{
    const QString selected = selectedId(m_venuesView);
    m_venuesModel->removeRows(0, m_venuesModel->rowCount());
    Result<QList<Venue>> venues = m_desk.venues(m_session);
    m_venues = venues ? *venues : QList<Venue>();
    for (const Venue &venue : std::as_const(m_venues)) {
        m_venuesModel->appendRow({item(venue.name, venue.id), item(kindTitle(venue.kind)),
            item(venue.capacity > 0 ? QString::number(venue.capacity) : tr("Unlimited")),
            item(statusTitle(venue.status)), item(QString::number(venue.advanceDays)),
            item(QString::number(venue.maxActiveBookings)), item(QString::number(venue.cancelHours)),
            item(QString::number(venue.cancelPenaltyPercent))});
    }
    fillVenueCombos();
    QAbstractItemModel *proxy = m_venuesView->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(IdRole).toString() == selected)
            m_venuesView->selectRow(row);
    }
}

void SchedulePage::fillVenueCombos()
{
    const QString current = m_courseVenueCombo->currentData().toString();
    m_courseVenueCombo->clear();
    for (const Venue &venue : std::as_const(m_venues))
        m_courseVenueCombo->addItem(venue.name, venue.id);
    const int index = m_courseVenueCombo->findData(current);
    if (index >= 0)
        m_courseVenueCombo->setCurrentIndex(index);
}

void SchedulePage::showVenue()
{
    const QString id = selectedId(m_venuesView);
    const auto venue
        = std::find_if(m_venues.cbegin(), m_venues.cend(), [&](const Venue &candidate) { return candidate.id == id; });
    if (venue == m_venues.cend())
        return;
    m_venueNameEdit->setText(venue->name);
    m_venueKindCombo->setCurrentIndex(m_venueKindCombo->findData(int(venue->kind)));
    m_venueCapacitySpin->setValue(venue->capacity);
    m_venueFeeEdit->setText(QString::number(double(venue->feePerHourFen) / 100.0, 'f', 2));
    m_openingHoursEdit->setText(
        venue->openingHours.isUnrestricted() ? QString() : QString::fromUtf8(venue->openingHours.toJson()));
    m_venueStatusCombo->setCurrentIndex(m_venueStatusCombo->findData(int(venue->status)));
    m_advanceDaysSpin->setValue(venue->advanceDays);
    m_maxActiveSpin->setValue(venue->maxActiveBookings);
    m_cancelHoursSpin->setValue(venue->cancelHours);
    m_cancelPenaltySpin->setValue(venue->cancelPenaltyPercent);
    reloadMaintenance();
}

void SchedulePage::validateVenueForm()
{
    QString problem;
    if (m_venueNameEdit->text().trimmed().isEmpty())
        problem = tr("The venue name is missing.");
    const QString hours = m_openingHoursEdit->text().trimmed();
    if (problem.isEmpty() && !hours.isEmpty()) {
        Result<WeeklySchedule> schedule = WeeklySchedule::fromJson(hours.toUtf8());
        if (!schedule)
            problem = schedule.error().message;
    }
    m_venueErrorLabel->setText(problem);
    m_saveVenueButton->setEnabled(problem.isEmpty() && m_session.may(Permission::ManageVenues));
}

void SchedulePage::newVenue()
{
    m_venuesView->clearSelection();
    m_venueNameEdit->clear();
    m_openingHoursEdit->clear();
    m_venueCapacitySpin->setValue(0);
    m_venueFeeEdit->setText(QStringLiteral("0.00"));
    m_venueStatusCombo->setCurrentIndex(0);
    m_advanceDaysSpin->setValue(7);
    m_maxActiveSpin->setValue(0);
    m_cancelHoursSpin->setValue(2);
    m_cancelPenaltySpin->setValue(0);
    m_maintenanceModel->removeRows(0, m_maintenanceModel->rowCount());
    m_venueNameEdit->setFocus();
}

void SchedulePage::saveVenue()
{
    VenueForm form;
    form.name = m_venueNameEdit->text();
    form.kind = VenueKind(m_venueKindCombo->currentData().toInt());
    form.capacity = m_venueCapacitySpin->value();
    form.feePerHourFen = qint64(std::llround(QLocale::c().toDouble(m_venueFeeEdit->text()) * 100.0));
    const QString hours = m_openingHoursEdit->text().trimmed();
    if (!hours.isEmpty()) {
        Result<WeeklySchedule> schedule = WeeklySchedule::fromJson(hours.toUtf8());
        if (!schedule) {
            m_venueErrorLabel->setText(schedule.error().message);
            return;
        }
        form.openingHours = *schedule;
    }
    const BookingRules rules {
        m_advanceDaysSpin->value(), m_maxActiveSpin->value(), m_cancelHoursSpin->value(), m_cancelPenaltySpin->value()};
    const VenueStatus status = VenueStatus(m_venueStatusCombo->currentData().toInt());
    const QString id = selectedId(m_venuesView);
    Status saved;
    if (id.isEmpty()) {
        Result<Venue> created = m_desk.createVenue(m_session, form, rules);
        saved = created ? Status() : Status(std::unexpected(created.error()));
        if (created && status != VenueStatus::Open)
            saved = m_desk.setVenueStatus(m_session, created->id, status);
    } else {
        saved = m_desk.updateVenue(m_session, id, form);
        if (saved)
            saved = m_desk.setVenueRules(m_session, id, rules);
        if (saved)
            saved = m_desk.setVenueStatus(m_session, id, status);
    }
    report(saved, tr("Venue saved."), m_venueErrorLabel);
    reloadVenues();
}

void SchedulePage::deleteVenue()
{
    const QString id = selectedId(m_venuesView);
    if (id.isEmpty())
        return;
    report(m_desk.deleteVenue(m_session, id), tr("Venue deleted."), m_venueErrorLabel);
    reloadVenues();
}

void SchedulePage::reloadMaintenance()
{
    m_maintenanceModel->removeRows(0, m_maintenanceModel->rowCount());
    const QString venueId = selectedId(m_venuesView);
    if (venueId.isEmpty())
        return;
    Result<QList<Maintenance>> plans = m_desk.maintenancePlans(m_session, venueId, m_clock.nowMs());
    if (!plans)
        return;
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    for (const Maintenance &plan : *plans) {
        m_maintenanceModel->appendRow(
            {item(QDateTime::fromMSecsSinceEpoch(plan.startMs, m_zone).toString(format), plan.id),
                item(QDateTime::fromMSecsSinceEpoch(plan.endMs, m_zone).toString(format)), item(plan.reason)});
    }
}

void SchedulePage::addMaintenance()
{
    const QString venueId = selectedId(m_venuesView);
    if (venueId.isEmpty()) {
        m_venueErrorLabel->setText(tr("Choose a venue in the list."));
        return;
    }
    Result<Maintenance> plan = m_desk.planMaintenance(m_session,
        MaintenanceForm {venueId, localMs(m_maintenanceStartEdit->dateTime()),
            localMs(m_maintenanceEndEdit->dateTime()), m_maintenanceReasonEdit->text()});
    report(plan ? Status() : Status(std::unexpected(plan.error())), tr("Maintenance planned."), m_venueErrorLabel);
    if (plan)
        m_maintenanceReasonEdit->clear();
    reloadMaintenance();
}

void SchedulePage::removeMaintenance()
{
    const QString id = selectedId(m_maintenanceView);
    if (id.isEmpty())
        return;
    report(m_desk.removeMaintenance(m_session, id), tr("Maintenance plan removed."), m_venueErrorLabel);
    reloadMaintenance();
}

void SchedulePage::reloadCourses()
{
    m_coursesModel->removeRows(0, m_coursesModel->rowCount());
    Result<QList<Course>> courses = m_desk.courses(m_session);
    m_courses = courses ? *courses : QList<Course>();
    for (const Course &course : std::as_const(m_courses)) {
        const auto venue = std::find_if(
            m_venues.cbegin(), m_venues.cend(), [&](const Venue &candidate) { return candidate.id == course.venueId; });
        m_coursesModel->appendRow(
            {item(course.name, course.id), item(venue != m_venues.cend() ? venue->name : QString()),
                item(QString::number(course.durationMinutes)), item(QString::number(course.capacity))});
    }
}

void SchedulePage::showCourse()
{
    const QString id = selectedId(m_coursesView);
    const auto course = std::find_if(
        m_courses.cbegin(), m_courses.cend(), [&](const Course &candidate) { return candidate.id == id; });
    if (course == m_courses.cend())
        return;
    m_courseNameEdit->setText(course->name);
    m_courseVenueCombo->setCurrentIndex(m_courseVenueCombo->findData(course->venueId));
    m_courseDurationSpin->setValue(course->durationMinutes);
    m_courseCapacitySpin->setValue(course->capacity);
}

void SchedulePage::newCourse()
{
    m_coursesView->clearSelection();
    m_courseNameEdit->clear();
    m_courseNameEdit->setFocus();
}

void SchedulePage::saveCourse()
{
    const CourseForm form {m_courseNameEdit->text(), m_courseVenueCombo->currentData().toString(),
        m_courseDurationSpin->value(), m_courseCapacitySpin->value()};
    const QString id = selectedId(m_coursesView);
    Status saved;
    if (id.isEmpty()) {
        Result<Course> created = m_desk.createCourse(m_session, form);
        saved = created ? Status() : Status(std::unexpected(created.error()));
    } else {
        saved = m_desk.updateCourse(m_session, id, form);
    }
    report(saved, tr("Course saved."), m_scheduleErrorLabel);
    reloadCourses();
}

void SchedulePage::deleteCourse()
{
    const QString id = selectedId(m_coursesView);
    if (id.isEmpty())
        return;
    report(m_desk.deleteCourse(m_session, id), tr("Course deleted."), m_scheduleErrorLabel);
    reloadCourses();
}

void SchedulePage::reloadSlots()
{
    m_slotsModel->removeRows(0, m_slotsModel->rowCount());
    const QDate day = m_slotDateEdit->date();
    const qint64 fromMs = QDateTime(day, QTime(0, 0), m_zone).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(day.addDays(1), QTime(0, 0), m_zone).toMSecsSinceEpoch();
    Result<QList<SlotSummary>> slotList = m_desk.courseSlots(m_session, QString(), fromMs, toMs);
    if (!slotList)
        return;
    const QString format = QStringLiteral("HH:mm");
    for (const SlotSummary &summary : *slotList) {
        m_slotsModel->appendRow(
            {item(QDateTime::fromMSecsSinceEpoch(summary.slot.startMs, m_zone).toString(format), summary.slot.id),
                item(QDateTime::fromMSecsSinceEpoch(summary.slot.endMs, m_zone).toString(format)),
                item(tr("%1 (%2)").arg(summary.courseName, summary.venueName)), item(summary.slot.coachName),
                item(tr("%1/%2").arg(summary.slot.bookedCount).arg(summary.slot.capacity))});
    }
}

void SchedulePage::addSlot()
{
    const QString courseId = selectedId(m_coursesView);
    if (courseId.isEmpty()) {
        m_scheduleErrorLabel->setText(tr("Choose a course in the list."));
        return;
    }
    SlotForm form;
    form.courseId = courseId;
    form.startMs = localMs(QDateTime(m_slotDateEdit->date(), m_slotStartEdit->time()));
    form.capacity = m_slotCapacitySpin->value();
    form.coachName = m_slotCoachEdit->text();
    Result<CourseSlot> slot = m_desk.createSlot(m_session, form);
    report(slot ? Status() : Status(std::unexpected(slot.error())), tr("Class added."), m_scheduleErrorLabel);
    reloadSlots();
}

void SchedulePage::deleteSlot()
{
    const QString id = selectedId(m_slotsView);
    if (id.isEmpty())
        return;
    report(m_desk.deleteSlot(m_session, id), tr("Class deleted."), m_scheduleErrorLabel);
    reloadSlots();
}

} // namespace gymgate
