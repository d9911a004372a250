#pragma once

#include "core/GateSetup.h"
#include "core/GateTester.h"
#include "ui/desk/DeskPage.h"

#include <QHash>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;

namespace gymgate {

class GateFrameLog;

// The technician's diagnostics for one gate (Permission::TechnicianConsole, docs/HARDWARE.md):
// a session on the gate's line with test commands, the I/O monitor, the raw frames, a bus scan
// and the self-test. The work runs in the GateTester; this page shows its signals. Leaving
// the page keeps the session (the technician may look at the gate list meanwhile); logging
// out ends it.
class GateDiagnosticsPage : public DeskPage {
    Q_OBJECT
public:
    GateDiagnosticsPage(GateSetup &setup, GateTester &tester, QWidget *parent = nullptr);

    QString pageTitle() const override;
    Permission requiredPermission() const override { return Permission::TechnicianConsole; }
    void setSession(const StaffSession &session) override;

    void selectGate(const QString &gateId); // the gate list's "Diagnose"
    // The gate editor's "Try…": a gate not saved (or not as it is now); listed first as "(not
    // saved)" until the next one. A self-test of it is shown, not stored.
    void diagnoseUnsaved(const GateConfig &gate);
    QString selectedGateId() const;
    bool exportFramesTo(const QString &path); // the frames the list shows (the filter applies)
    int shownFrameCount() const;

public slots:
    void reloadGates();
    void toggleConnection();
    void stopTesterSession(); // its sessionChanged(false) is no error

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    QWidget *buildMonitorTab();
    QWidget *buildFramesTab();
    QWidget *buildScanTab();
    QWidget *buildSelfTestTab();
    void retranslate();
    void updateButtons();
    void clearResults();
    std::optional<GateConfig> selectedGate() const;
    bool textLines() const; // the session's gate is a serial-text board: frames are text

    void onSessionChanged(bool connected, const QString &message);
    void onBusyChanged(); // the tester's activity() says what
    void runCommand(GateTestCommand command);
    void onCommandFinished(GateTestCommand command, bool ok, const QString &answer);
    void onIoRead(const GateIoSnapshot &snapshot);
    void onIoFailed(const QString &message);
    void onPassageSeen(Direction direction, int count);
    void onFramesCaptured(const QList<GateFrame> &frames);
    void setFramesPaused(bool paused);
    void updatePausedLabel();
    void startScan();
    void onScanProgress(int slaveId, int fromSlaveId, int toSlaveId);
    void onScanFinished(const QList<int> &answered, bool cancelled, const QString &error);
    void startSelfTest();
    void onSelfTestStep(const GateSelfTestStep &step);
    void onSelfTestFinished(const GateSelfTestReport &report, const QString &storeError);
    void fadeHighlights();
    QString commandText(GateTestCommand command) const;
    QString tableText(GateIoTable table) const;
    void showIoLabels();

    GateSetup &m_setup;
    GateTester &m_tester;
    StaffSession m_session;
    QList<GateListEntry> m_gates;
    GateConfig m_sessionGate; // the gate the session was started on
    std::optional<GateConfig> m_unsavedGate; // from the editor's "Try…"; its id is empty
    bool m_connected = false;
    bool m_stoppingSession = false; // set while this page itself ends the session
    QString m_sessionMessage;
    std::optional<GateIoSnapshot> m_lastSnapshot;
    QHash<QString, qint64> m_changedAtMs; // I/O row key -> when its value last changed
    QList<GateFrame> m_pausedFrames; // captured while the list is paused
    int m_lastScanned = 0;
    int m_scanFrom = 0;
    int m_scanTo = 0;

    QComboBox *m_gateCombo = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLabel *m_sessionLabel = nullptr;
    QPushButton *m_openInButton = nullptr;
    QPushButton *m_openOutButton = nullptr;
    QPushButton *m_freeButton = nullptr;
    QPushButton *m_lockButton = nullptr;
    QPushButton *m_normalButton = nullptr;
    QLabel *m_commandAnswerLabel = nullptr;
    QTabWidget *m_tabs = nullptr;

    QCheckBox *m_monitorCheck = nullptr;
    QStandardItemModel *m_ioModel = nullptr;
    QTableView *m_ioTable = nullptr;
    QLabel *m_entryCountLabel = nullptr;
    QLabel *m_exitCountLabel = nullptr;
    QLabel *m_fireStateLabel = nullptr;
    QLabel *m_tamperStateLabel = nullptr;
    QLabel *m_controllerErrorLabel = nullptr;
    QListWidget *m_passagesList = nullptr;
    QLabel *m_ioErrorLabel = nullptr;
    QTimer *m_highlightTimer = nullptr;

    QCheckBox *m_captureCheck = nullptr;
    QPushButton *m_pauseFramesButton = nullptr;
    QLabel *m_framesPausedLabel = nullptr;
    QLineEdit *m_framesFilterEdit = nullptr;
    QPushButton *m_clearFramesButton = nullptr;
    QPushButton *m_exportFramesButton = nullptr;
    GateFrameLog *m_frameLog = nullptr;
    QSortFilterProxyModel *m_frameProxy = nullptr;
    QListView *m_framesView = nullptr;

    QSpinBox *m_scanFromSpin = nullptr;
    QSpinBox *m_scanToSpin = nullptr;
    QPushButton *m_startScanButton = nullptr;
    QPushButton *m_cancelScanButton = nullptr;
    QProgressBar *m_scanProgress = nullptr;
    QListWidget *m_scanResultsList = nullptr;
    QLabel *m_scanStatusLabel = nullptr;

    QPushButton *m_runSelfTestButton = nullptr;
    QPushButton *m_cancelSelfTestButton = nullptr;
    QListWidget *m_selfTestStepsList = nullptr;
    QLabel *m_selfTestResultLabel = nullptr;
};

} // namespace gymgate
