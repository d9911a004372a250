#include "ui/desk/GateServiceBanner.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace gymgate {

namespace {

// Red with white words: the words carry the meaning, the colour only repeats it.
const QString kBannerStyle = QStringLiteral("QFrame#gateServiceBanner { background: #B00020; border-radius: 4px; }"
                                            "QFrame#gateServiceBanner QLabel { color: white; font-weight: bold; }");

QLabel *newLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

// A label and, at its right, its button.
QWidget *newRow(QWidget *parent, QLabel *label, QPushButton *button)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    label->setParent(row);
    button->setParent(row);
    layout->addWidget(label, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

GateServiceBanner::GateServiceBanner(GateControl &control, QWidget *parent) : QFrame(parent), m_control(control)
{
    setObjectName(QStringLiteral("gateServiceBanner"));
    setStyleSheet(kBannerStyle);
    auto *layout = new QVBoxLayout(this);

    m_emergencyLabel = newLabel(this, QStringLiteral("emergencyLabel"));
    m_resetButton = new QPushButton(this);
    m_resetButton->setObjectName(QStringLiteral("resetEmergencyPushButton"));
    m_emergencyRow = newRow(this, m_emergencyLabel, m_resetButton);
    layout->addWidget(m_emergencyRow);

    m_outOfOrderLayout = new QVBoxLayout;
    m_outOfOrderLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_outOfOrderLayout);

    m_errorLabel = newLabel(this, QStringLiteral("gateServiceErrorLabel"));
    m_dismissErrorButton = new QPushButton(this);
    m_dismissErrorButton->setObjectName(QStringLiteral("dismissGateServiceErrorPushButton"));
    m_errorRow = newRow(this, m_errorLabel, m_dismissErrorButton);
    layout->addWidget(m_errorRow);

    m_declareAction = new QAction(this);
    m_declareAction->setObjectName(QStringLiteral("declareEmergencyAction"));

    connect(m_resetButton, &QPushButton::clicked, this, &GateServiceBanner::resetEmergency);
    connect(m_dismissErrorButton, &QPushButton::clicked, this, [this] {
        m_error.clear();
        refresh();
    });
    connect(m_declareAction, &QAction::triggered, this, &GateServiceBanner::askDeclareReason);
    connect(&m_control, &GateControl::changed, this, &GateServiceBanner::scheduleRefresh);
    refresh();
}

void GateServiceBanner::setSession(const StaffSession &session)
{
    m_session = session;
    m_error.clear(); // the next clerk does not inherit the last one's error
    refresh();
}

void GateServiceBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

// Once per turn of the event loop: a fire alarm changes every gate at once, and a button must
// not be deleted while its own click is being handled.
void GateServiceBanner::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        refresh();
    });
}

void GateServiceBanner::refresh()
{
    const bool service = m_control.hasGateService() && m_session.isValid();
    const bool mayAct = service && m_session.may(Permission::ResetEmergency);
    const bool emergency = service && m_control.emergency();
    const bool fire = m_control.fireInputActive();

    m_emergencyRow->setVisible(emergency);
    m_emergencyLabel->setText(fire ? tr("Emergency: every gate is free. The fire input is still active.")
                                   : tr("Emergency: every gate is free."));
    m_resetButton->setText(tr("Reset the emergency"));
    m_resetButton->setVisible(mayAct);
    m_resetButton->setEnabled(!fire);
    m_resetButton->setToolTip(fire ? tr("The emergency can be reset once every fire input has cleared.")
                                   : tr("Puts every gate back into normal operation."));

    rebuildOutOfOrderRows();

    m_errorLabel->setText(m_error);
    m_dismissErrorButton->setText(tr("Dismiss"));
    m_errorRow->setVisible(service && !m_error.isEmpty());

    m_declareAction->setText(tr("Declare emergency\u2026"));
    m_declareAction->setToolTip(tr("Frees every gate at once: for a drill, or an alarm not wired to a gate."));
    m_declareAction->setVisible(mayAct);
    m_declareAction->setEnabled(mayAct && !emergency);

    setVisible(emergency || m_outOfOrderLayout->count() > 0 || m_errorRow->isVisibleTo(this));
}

void GateServiceBanner::rebuildOutOfOrderRows()
{
    while (QLayoutItem *item = m_outOfOrderLayout->takeAt(0)) {
        if (QWidget *row = item->widget()) {
            row->hide();
            row->deleteLater();
        }
        delete item;
    }
    // During an emergency every gate is free anyway; the gates out of order show again once it
    // is reset.
    if (!m_control.hasGateService() || !m_session.isValid() || m_control.emergency())
        return;
    const bool mayAct = m_session.may(Permission::ResetEmergency);
    for (const OutOfOrderGate &gate : m_control.outOfOrderGates()) {
        auto *label = newLabel(this, QStringLiteral("outOfOrderLabel"));
        label->setText(tr("%1 is out of order after repeated faults.").arg(gate.name));
        auto *button = new QPushButton(tr("Clear %1").arg(gate.name), this);
        button->setObjectName(QStringLiteral("clearOutOfOrderPushButton"));
        button->setProperty("gateId", gate.gateId);
        button->setToolTip(tr("Check the gate first. Clearing puts it back into normal operation."));
        button->setVisible(mayAct);
        const QString gateId = gate.gateId;
        connect(button, &QPushButton::clicked, this, [this, gateId] { clearOutOfOrder(gateId); });
        m_outOfOrderLayout->addWidget(newRow(this, label, button));
    }
}

// Non-blocking: the gates and the rest of the desk keep working while the clerk types.
void GateServiceBanner::askDeclareReason()
{
    if (auto *open = window()->findChild<QInputDialog *>(QStringLiteral("declareEmergencyDialog"))) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new QInputDialog(window());
    dialog->setObjectName(QStringLiteral("declareEmergencyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Declare emergency"));
    dialog->setLabelText(tr("Every gate will be free at once until the emergency is reset. Why?"));
    dialog->setTextValue(QString());
    dialog->setOkButtonText(tr("Declare emergency"));
    connect(dialog, &QInputDialog::textValueSelected, this, &GateServiceBanner::declare);
    dialog->open();
}

void GateServiceBanner::declare(const QString &reason)
{
    showResult(m_control.declareEmergency(m_session, reason));
}

void GateServiceBanner::resetEmergency()
{
    showResult(m_control.resetEmergency(m_session));
}

void GateServiceBanner::clearOutOfOrder(const QString &gateId)
{
    showResult(m_control.clearOutOfOrder(m_session, gateId));
}

void GateServiceBanner::showResult(const Status &status)
{
    m_error = status ? QString() : status.error().message;
    scheduleRefresh();
}

} // namespace gymgate
