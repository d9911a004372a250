#pragma once

#include "core/GateControl.h"
#include "core/Staff.h"

#include <QFrame>

class QAction;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace gymgate {

// The strip the desk window shows above its pages while the gate service needs staff: the
// latched emergency ("Emergency: every gate is free") with its reset, and each gate out of order
// after repeated faults with its clear (docs/HARDWARE.md). Hidden when there is nothing to act
// on, when logged out and on a desk that drives no gate. Sessions without
// Permission::ResetEmergency see the words but no buttons; the service checks it again.
// declareEmergencyAction() is for the window's toolbar: it asks a reason, then frees every gate.
class GateServiceBanner : public QFrame {
    Q_OBJECT
public:
    explicit GateServiceBanner(GateControl &control, QWidget *parent = nullptr);

    void setSession(const StaffSession &session);
    QAction *declareEmergencyAction() const { return m_declareAction; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void refresh();
    void rebuildOutOfOrderRows();
    void askDeclareReason();
    void declare(const QString &reason);
    void resetEmergency();
    void clearOutOfOrder(const QString &gateId);
    void showResult(const Status &status);

    GateControl &m_control;
    StaffSession m_session;
    QString m_error;
    bool m_refreshPending = false;
    QWidget *m_emergencyRow = nullptr;
    QLabel *m_emergencyLabel = nullptr;
    QPushButton *m_resetButton = nullptr;
    QVBoxLayout *m_outOfOrderLayout = nullptr;
    QWidget *m_errorRow = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_dismissErrorButton = nullptr;
    QAction *m_declareAction = nullptr;
};

} // namespace gymgate
