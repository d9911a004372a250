#include "ui/desk/BookingsPage.h"

#include "ui/desk/DeskTables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int FullRole = Qt::UserRole + 2;

using desk::makeTable;

QStandardItem *item(const QString &text, const QString &id = {})
{
    auto *cell = new QStandardItem(text);
    if (!id.isEmpty())
        cell->setData(id, IdRole);
    return cell;
}

QString statusTitle(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Booked:
        return BookingsPage::tr("Booked");
    case BookingStatus::Cancelled:
        return BookingsPage::tr("Cancelled");
    case BookingStatus::Attended:
        return BookingsPage::tr("Attended");
    case BookingStatus::NoShow:
        return BookingsPage::tr("No-show");
    case BookingStatus::Rejected:
        return BookingsPage::tr("Rejected by the hub");
    case BookingStatus::Invalid:
        break;
    }
    return {};
}

} // namespace

BookingsPage::BookingsPage(BookingDesk &desk, const Clock &clock, QWidget *parent)
    : DeskPage(parent), m_desk(desk), m_clock(clock)
{
    setObjectName(QStringLiteral("bookingsPage"));
    buildUi();
    updateButtons();
}

QString BookingsPage::pageTitle() const
{
    return tr("Bookings");
}

void BookingsPage::buildUi()
{
    m_memberLabel = new QLabel(this);
    m_memberLabel->setObjectName(QStringLiteral("bookingMemberLabel"));
    m_modeTabs = new QTabWidget(this);
    m_modeTabs->setObjectName(QStringLiteral("bookingModeTabWidget"));
    m_modeTabs->addTab(buildClassTab(), tr("&Class"));
    m_modeTabs->addTab(buildVenueTab(), tr("&Venue time"));

    m_weeklyCheck = new QCheckBox(tr("&Weekly for"), this);
    m_weeklyCheck->setObjectName(QStringLiteral("weeklyCheckBox"));
    m_weeksSpin = new QSpinBox(this);
    m_weeksSpin->setObjectName(QStringLiteral("weeksSpinBox"));
    m_weeksSpin->setRange(2, 52);
    m_weeksSpin->setValue(4);
    m_weeksSpin->setSuffix(tr(" weeks"));
    m_weeksSpin->setEnabled(false);
    connect(m_weeklyCheck, &QCheckBox::toggled, m_weeksSpin, &QWidget::setEnabled);
    m_bookButton = new QPushButton(tr("&Book"), this);
    m_bookButton->setObjectName(QStringLiteral("bookPushButton"));
    m_bookButton->setDefault(true);
    m_waitlistButton = new QPushButton(tr("Join &waiting list"), this);
    m_waitlistButton->setObjectName(QStringLiteral("joinWaitlistPushButton"));
    connect(m_bookButton, &QPushButton::clicked, this, &BookingsPage::bookSelected);
    connect(m_waitlistButton, &QPushButton::clicked, this, &BookingsPage::joinWaitlist);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_weeklyCheck);
    actions->addWidget(m_weeksSpin);
    actions->addStretch();
    actions->addWidget(m_waitlistButton);
    actions->addWidget(m_bookButton);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("bookingErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_infoLabel = new QLabel(this);
    m_infoLabel->setObjectName(QStringLiteral("bookingInfoLabel"));
    m_infoLabel->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(m_memberLabel);
    left->addWidget(m_modeTabs, 1);
    left->addLayout(actions);
    left->addWidget(m_errorLabel);
    left->addWidget(m_infoLabel);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(buildMemberSide(), 2);

    auto *bookShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(bookShortcut, &QShortcut::activated, this, &BookingsPage::bookSelected);
    setTabOrder(m_dateEdit, m_slotFilterEdit);
    setTabOrder(m_slotFilterEdit, m_slotsView);
    setTabOrder(m_slotsView, m_weeklyCheck);
    setTabOrder(m_weeklyCheck, m_weeksSpin);
    setTabOrder(m_weeksSpin, m_bookButton);
}

QWidget *BookingsPage::buildClassTab()
{
    auto *tab = new QWidget(this);
    m_dateEdit = new QDateEdit(tab);
    m_dateEdit->setObjectName(QStringLiteral("bookingDateEdit"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd ddd"));
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &BookingsPage::reloadSlots);
    m_slotFilterEdit = new QLineEdit(tab);
    m_slotFilterEdit->setObjectName(QStringLiteral("slotFilterLineEdit"));
    m_slotFilterEdit->setPlaceholderText(tr("Filter classes"));
    m_slotFilterEdit->setClearButtonEnabled(true);

    m_slotsModel = new QStandardItemModel(0, 7, this);
    m_slotsModel->setHorizontalHeaderLabels(
        {tr("Start"), tr("End"), tr("Class"), tr("Venue"), tr("Coach"), tr("Places"), tr("Waiting")});
    m_slotsProxy = new QSortFilterProxyModel(this);
    m_slotsProxy->setSourceModel(m_slotsModel);
    m_slotsProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_slotsProxy->setFilterKeyColumn(-1);
    connect(m_slotFilterEdit, &QLineEdit::textChanged, m_slotsProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_slotsView = makeTable(QStringLiteral("slotsTableView"), m_slotsProxy, tab);
    connect(m_slotsView, &QTableView::activated, this, &BookingsPage::bookSelected);
    connect(m_slotsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BookingsPage::updateButtons);

    auto *top = new QHBoxLayout;
    auto *dateLabel = new QLabel(tr("&Date"), tab);
    dateLabel->setBuddy(m_dateEdit);
    top->addWidget(dateLabel);
    top->addWidget(m_dateEdit);
    top->addWidget(m_slotFilterEdit, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(top);
    layout->addWidget(m_slotsView, 1);
    return tab;
}

QWidget *BookingsPage::buildVenueTab()
{
    auto *tab = new QWidget(this);
    m_venueCombo = new QComboBox(tab);
    m_venueCombo->setObjectName(QStringLiteral("bookingVenueComboBox"));
    m_venueDateEdit = new QDateEdit(tab);
    m_venueDateEdit->setObjectName(QStringLiteral("venueDateEdit"));
    m_venueDateEdit->setCalendarPopup(true);
    m_venueDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd ddd"));
    m_startTimeEdit = new QTimeEdit(QTime(10, 0), tab);
    m_startTimeEdit->setObjectName(QStringLiteral("venueStartTimeEdit"));
    m_startTimeEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_endTimeEdit = new QTimeEdit(QTime(11, 0), tab);
    m_endTimeEdit->setObjectName(QStringLiteral("venueEndTimeEdit"));
    m_endTimeEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *form = new QFormLayout(tab);
    form->addRow(tr("V&enue"), m_venueCombo);
    form->addRow(tr("D&ate"), m_venueDateEdit);
    form->addRow(tr("&From"), m_startTimeEdit);
    form->addRow(tr("&Until"), m_endTimeEdit);
    return tab;
}

QWidget *BookingsPage::buildMemberSide()
{
    auto *side = new QWidget(this);
    m_bookingsModel = new QStandardItemModel(0, 5, this);
    m_bookingsModel->setHorizontalHeaderLabels({tr("Number"), tr("What"), tr("Start"), tr("End"), tr("Status")});
    m_bookingsProxy = new QSortFilterProxyModel(this);
    m_bookingsProxy->setSourceModel(m_bookingsModel);
    m_bookingsView = makeTable(QStringLiteral("memberBookingsTableView"), m_bookingsProxy, side);
    connect(
        m_bookingsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BookingsPage::updateButtons);
    m_cancelReasonEdit = new QLineEdit(side);
    m_cancelReasonEdit->setObjectName(QStringLiteral("cancelReasonLineEdit"));
    m_cancelReasonEdit->setPlaceholderText(tr("Reason for cancelling"));
    m_cancelButton = new QPushButton(tr("&Cancel booking"), side);
    m_cancelButton->setObjectName(QStringLiteral("cancelBookingPushButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &BookingsPage::cancelSelected);
    connect(m_cancelReasonEdit, &QLineEdit::returnPressed, this, &BookingsPage::cancelSelected);

    m_waitlistModel = new QStandardItemModel(0, 3, this);
    m_waitlistModel->setHorizontalHeaderLabels({tr("Start"), tr("End"), tr("Place in line")});
    auto *waitProxy = new QSortFilterProxyModel(this);
    waitProxy->setSourceModel(m_waitlistModel);
    m_waitlistView = makeTable(QStringLiteral("waitlistTableView"), waitProxy, side);
    m_leaveButton = new QPushButton(tr("&Leave waiting list"), side);
    m_leaveButton->setObjectName(QStringLiteral("leaveWaitlistPushButton"));
    connect(m_leaveButton, &QPushButton::clicked, this, &BookingsPage::leaveWaitlist);
    connect(
        m_waitlistView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BookingsPage::updateButtons);

    auto *bookingsBox = new QGroupBox(tr("The member's bookings"), side);
    auto *bookingsLayout = new QVBoxLayout(bookingsBox);
    bookingsLayout->addWidget(m_bookingsView, 1);
    auto *cancelRow = new QHBoxLayout;
    cancelRow->addWidget(m_cancelReasonEdit, 1);
    cancelRow->addWidget(m_cancelButton);
    bookingsLayout->addLayout(cancelRow);
    auto *waitBox = new QGroupBox(tr("Waiting lists"), side);
    auto *waitLayout = new QVBoxLayout(waitBox);
    waitLayout->addWidget(m_waitlistView, 1);
    waitLayout->addWidget(m_leaveButton);
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bookingsBox, 2);
    layout->addWidget(waitBox, 1);
    return side;
}

void BookingsPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_memberId.clear();
    m_errorLabel->clear();
    m_infoLabel->clear();
    Result<QTimeZone> zone = m_desk.siteTimeZone(session);
    m_zone = zone ? *zone : QTimeZone::utc();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), m_zone).date();
    {
        const QSignalBlocker block(m_dateEdit);
        m_dateEdit->setDate(today);
    }
    m_venueDateEdit->setDate(today);
    reloadAll();
}

void BookingsPage::setCurrentMember(const QString &memberId)
{
    m_memberId = memberId;
    m_errorLabel->clear();
    reloadMember();
    updateButtons();
}

void BookingsPage::reloadAll()
{
    reloadVenues();
    reloadSlots();
    reloadMember();
    updateButtons();
}

void BookingsPage::reloadVenues()
{
    const QString current = m_venueCombo->currentData().toString();
    m_venueCombo->clear();
    Result<QList<Venue>> venues = m_desk.venues(m_session);
    if (!venues)
        return;
    for (const Venue &venue : *venues)
        m_venueCombo->addItem(venue.name, venue.id);
    const int index = m_venueCombo->findData(current);
    if (index >= 0)
        m_venueCombo->setCurrentIndex(index);
}

qint64 BookingsPage::localMs(const QDate &date, const QTime &time) const
{
    return QDateTime(date, time, m_zone).toMSecsSinceEpoch();
}

QString BookingsPage::formatTime(qint64 utcMs) const
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void BookingsPage::reloadSlots()
{
    const QString selected = selectedId(m_slotsView);
    m_slotsModel->removeRows(0, m_slotsModel->rowCount());
    const QDate day = m_dateEdit->date();
    Result<QList<SlotSummary>> slotList
        = m_desk.courseSlots(m_session, QString(), localMs(day, QTime(0, 0)), localMs(day.addDays(1), QTime(0, 0)));
    if (!slotList)
        return;
    const QString timeFormat = QStringLiteral("HH:mm");
    for (const SlotSummary &summary : *slotList) {
        const CourseSlot &slot = summary.slot;
        QStandardItem *start = item(QDateTime::fromMSecsSinceEpoch(slot.startMs, m_zone).toString(timeFormat), slot.id);
        start->setData(slot.bookedCount >= slot.capacity, FullRole);
        m_slotsModel->appendRow({start, item(QDateTime::fromMSecsSinceEpoch(slot.endMs, m_zone).toString(timeFormat)),
            item(summary.courseName), item(summary.venueName), item(slot.coachName),
            item(tr("%1/%2").arg(slot.bookedCount).arg(slot.capacity)), item(QString::number(summary.waitingCount))});
    }
    for (int row = 0; row < m_slotsProxy->rowCount(); ++row) {
        if (m_slotsProxy->index(row, 0).data(IdRole).toString() == selected)
            m_slotsView->selectRow(row);
    }
}

void BookingsPage::reloadMember()
{
    m_bookingsModel->removeRows(0, m_bookingsModel->rowCount());
    m_waitlistModel->removeRows(0, m_waitlistModel->rowCount());
    if (m_memberId.isEmpty()) {
        m_memberLabel->setText(tr("Choose a member first."));
        return;
    }
    Result<MemberBrief> brief = m_desk.member(m_session, m_memberId);
    m_memberLabel->setText(brief ? tr("Member: %1 %2").arg(brief->memberNo, brief->name) : brief.error().message);
    // Today's and later bookings: the list the clerk acts on.
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), m_zone).date();
    Result<QList<BookingSummary>> bookings = m_desk.memberBookings(m_session, m_memberId, localMs(today, QTime(0, 0)));
    if (bookings) {
        for (const BookingSummary &summary : *bookings) {
            const Booking &booking = summary.booking;
            const QString what = summary.courseName.isEmpty()
                ? summary.venueName
                : tr("%1 (%2)").arg(summary.courseName, summary.venueName);
            m_bookingsModel->appendRow({item(booking.bookingNo, booking.id), item(what),
                item(formatTime(booking.startMs)), item(formatTime(booking.endMs)), item(statusTitle(booking.status))});
        }
    }
    Result<QList<WaitlistEntry>> waiting = m_desk.memberWaitlist(m_session, m_memberId);
    if (waiting) {
        for (const WaitlistEntry &entry : *waiting) {
            m_waitlistModel->appendRow({item(formatTime(entry.startMs), entry.id), item(formatTime(entry.endMs)),
                item(QString::number(entry.position))});
        }
    }
}

QString BookingsPage::selectedId(QTableView *view) const
{
    const QModelIndexList rows = view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? QString() : rows.first().siblingAtColumn(0).data(IdRole).toString();
}

void BookingsPage::updateButtons()
{
    const bool member = !m_memberId.isEmpty() && m_session.may(Permission::Book);
    m_bookButton->setEnabled(member);
    m_waitlistButton->setEnabled(member);
    m_cancelButton->setEnabled(member && !selectedId(m_bookingsView).isEmpty());
    m_leaveButton->setEnabled(member && !selectedId(m_waitlistView).isEmpty());
}

std::optional<BookingRequest> BookingsPage::currentRequest()
{
    BookingRequest request;
    request.memberId = m_memberId;
    if (m_memberId.isEmpty()) {
        showError(tr("Choose a member first."));
        return std::nullopt;
    }
    if (m_modeTabs->currentIndex() == 0) {
        request.slotId = selectedId(m_slotsView);
        if (request.slotId.isEmpty()) {
            showError(tr("Choose a class in the list."));
            return std::nullopt;
        }
        return request;
    }
    request.venueId = m_venueCombo->currentData().toString();
    request.startMs = localMs(m_venueDateEdit->date(), m_startTimeEdit->time());
    request.endMs = localMs(m_venueDateEdit->date(), m_endTimeEdit->time());
    return request;
}

void BookingsPage::showError(const QString &message)
{
    m_infoLabel->clear();
    m_errorLabel->setText(message);
}

void BookingsPage::showInfo(const QString &message)
{
    m_errorLabel->clear();
    m_infoLabel->setText(message);
    emit statusMessage(message);
}

void BookingsPage::bookSelected()
{
    const std::optional<BookingRequest> request = currentRequest();
    if (!request)
        return;
    if (m_weeklyCheck->isChecked()) {
        Result<QList<Booking>> booked = m_desk.bookWeekly(m_session, *request, m_weeksSpin->value());
        if (!booked)
            showError(booked.error().message);
        else
            showInfo(tr("Booked %n week(s), from %1.", nullptr, int(booked->size()))
                         .arg(booked->isEmpty() ? QString() : booked->first().bookingNo));
    } else {
        Result<Booking> booked = m_desk.book(m_session, *request);
        if (!booked)
            showError(booked.error().message);
        else
            showInfo(tr("Booked: %1, %2.").arg(booked->bookingNo, formatTime(booked->startMs)));
    }
    reloadSlots();
    reloadMember();
    updateButtons();
}

void BookingsPage::joinWaitlist()
{
    const std::optional<BookingRequest> request = currentRequest();
    if (!request)
        return;
    Result<WaitlistEntry> entry = m_desk.joinWaitlist(m_session, *request);
    if (!entry)
        showError(entry.error().message);
    else
        showInfo(tr("On the waiting list, number %1 in line.").arg(entry->position));
    reloadSlots();
    reloadMember();
    updateButtons();
}

void BookingsPage::cancelSelected()
{
    const QString bookingId = selectedId(m_bookingsView);
    if (bookingId.isEmpty()) {
        showError(tr("Choose a booking in the list."));
        return;
    }
    Result<CancelOutcome> outcome = m_desk.cancel(m_session, bookingId, m_cancelReasonEdit->text());
    if (!outcome) {
        showError(outcome.error().message);
    } else {
        QString message = tr("Cancelled %1.").arg(outcome->booking.bookingNo);
        if (outcome->late)
            message += QLatin1Char(' ')
                + tr("Late cancellation: penalty %1 yuan.")
                      .arg(QString::number(double(outcome->penaltyFen) / 100.0, 'f', 2));
        if (outcome->promoted) {
            Result<MemberBrief> promoted = m_desk.member(m_session, outcome->promoted->memberId);
            message += QLatin1Char(' ')
                + tr("%1 got the place from the waiting list (%2).")
                      .arg(promoted ? promoted->name : outcome->promoted->memberId, outcome->promoted->bookingNo);
        }
        m_cancelReasonEdit->clear();
        showInfo(message);
    }
    reloadSlots();
    reloadMember();
    updateButtons();
}

void BookingsPage::leaveWaitlist()
{
    const QString entryId = selectedId(m_waitlistView);
    if (entryId.isEmpty())
        return;
    Status left = m_desk.leaveWaitlist(m_session, entryId);
    if (!left)
        showError(left.error().message);
    else
        showInfo(tr("Left the waiting list."));
    reloadSlots();
    reloadMember();
    updateButtons();
}

} // namespace gymgate
