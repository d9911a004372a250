#include "ui/desk/CheckInPage.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gymgate {

CheckInPage::CheckInPage(EntryService &entries, QMap<QString, QString> laneNames,
    std::function<QString(const QString &)> describeMember, QWidget *parent)
    : DeskPage(parent), m_entries(entries), m_laneNames(std::move(laneNames)),
      m_describeMember(std::move(describeMember))
{
    setObjectName(QStringLiteral("checkInPageWidget"));
    m_memberLabel = new QLabel(this);
    m_memberLabel->setObjectName(QStringLiteral("checkInMemberLabel"));
    m_laneCombo = new QComboBox(this);
    m_laneCombo->setObjectName(QStringLiteral("laneComboBox"));
    for (auto it = m_laneNames.cbegin(); it != m_laneNames.cend(); ++it)
        m_laneCombo->addItem(it.value(), it.key());
    m_reasonCombo = new QComboBox(this);
    m_reasonCombo->setObjectName(QStringLiteral("reasonComboBox"));
    m_reasonCombo->setEditable(true); // the usual reasons, or the clerk's own words
    m_letInButton = new QPushButton(this);
    m_letInButton->setObjectName(QStringLiteral("letInPushButton"));
    m_letInButton->setDefault(true);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("checkInResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_laneCaption = new QLabel(this);
    m_reasonCaption = new QLabel(this);

    auto *form = new QFormLayout;
    form->addRow(m_laneCaption, m_laneCombo);
    form->addRow(m_reasonCaption, m_reasonCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_memberLabel);
    layout->addLayout(form);
    layout->addWidget(m_letInButton);
    layout->addWidget(m_resultLabel);
    layout->addStretch();

    connect(m_letInButton, &QPushButton::clicked, this, &CheckInPage::letIn);
    connect(&m_entries, &EntryService::entryUpdated, this, &CheckInPage::onUpdate);
    retranslate();
    refresh();
}

QString CheckInPage::pageTitle() const
{
    return tr("Manual check-in");
}

void CheckInPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_resultLabel->clear();
    refresh();
}

void CheckInPage::setCurrentMember(const QString &memberId)
{
    m_memberId = memberId;
    m_resultLabel->clear();
    refresh();
}

void CheckInPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    DeskPage::changeEvent(event);
}

void CheckInPage::retranslate()
{
    m_laneCaption->setText(tr("Gate"));
    m_reasonCaption->setText(tr("Reason"));
    m_letInButton->setText(tr("Let the member in"));
    const QString typed = m_reasonCombo->currentText();
    m_reasonCombo->clear();
    m_reasonCombo->addItems({tr("Forgot the phone"), tr("Scanner fault"), tr("System fault")});
    if (!typed.isEmpty())
        m_reasonCombo->setEditText(typed);
    refresh();
}

void CheckInPage::refresh()
{
    m_memberLabel->setText(m_memberId.isEmpty() ? tr("Find a member first (Members page).")
                                                : tr("Member: %1").arg(m_describeMember(m_memberId)));
    m_letInButton->setEnabled(!m_memberId.isEmpty() && m_session.may(Permission::ManualCheckIn)
        && m_laneCombo->count() > 0 && m_waitingEntryId.isEmpty());
}

void CheckInPage::letIn()
{
    const QString lane = m_laneCombo->currentData().toString();
    m_waitingLane = lane;
    m_waitingEntryId = QStringLiteral("?"); // until the decision names the entry
    refresh();
    Result<EntryPhase> first = m_entries.manualCheckIn(m_session, lane, m_memberId, m_reasonCombo->currentText());
    if (!first) {
        m_waitingEntryId.clear();
        m_resultLabel->setText(first.error().message);
        refresh();
        return;
    }
    if (*first != EntryPhase::Opening) { // a denial is final and already shown
        m_waitingEntryId.clear();
        refresh();
    }
}

void CheckInPage::onUpdate(const EntryUpdate &update)
{
    // A denial may come before the member is known to the rules, so the lane and the clerk
    // identify this page's request, then its entry id.
    if (m_waitingEntryId.isEmpty() || update.laneId != m_waitingLane || update.scan.entry.staffId != m_session.staffId)
        return;
    if (m_waitingEntryId == QLatin1String("?"))
        m_waitingEntryId = update.scan.entry.id;
    if (update.scan.entry.id != m_waitingEntryId)
        return;
    const AccessReason reason = update.scan.decision.reason;
    switch (update.phase) {
    case EntryPhase::Denied:
        m_resultLabel->setText(tr("Not let in: %1 %2").arg(accessReasonMessage(reason), accessReasonAdvice(reason)));
        break;
    case EntryPhase::Opening:
    case EntryPhase::PleasePass:
        m_resultLabel->setText(tr("The gate is open: the member may walk through."));
        return;
    case EntryPhase::Passed:
        m_resultLabel->setText(tr("The member went through; the visit was recorded."));
        break;
    case EntryPhase::NotPassed:
        m_resultLabel->setText(tr("Nobody went through; nothing was charged."));
        break;
    case EntryPhase::GateFault:
        m_resultLabel->setText(tr("The gate failed (%1); nothing was charged.").arg(update.detail));
        break;
    case EntryPhase::Busy:
    case EntryPhase::Invalid:
        return;
    }
    m_waitingEntryId.clear();
    emit statusMessage(m_resultLabel->text());
    refresh();
}

} // namespace gymgate
