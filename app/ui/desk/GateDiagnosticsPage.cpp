#include "ui/desk/GateDiagnosticsPage.h"

#include "ui/desk/DeskTables.h"
#include "ui/desk/GateFrameLog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gymgate {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1; // I/O rows: "table/address/name"; value column: the value
constexpr int kTableRole = Qt::UserRole + 2;
constexpr qint64 kHighlightMs = 1000; // how long a changed I/O value stays highlighted
constexpr int kMaxPassageLines = 1000;
const QColor kChangedColor(255, 236, 150);

enum IoColumn {
    IoTableColumn = 0,
    IoAddressColumn,
    IoNameColumn,
    IoValueColumn,
    IoHexColumn,
    IoColumnCount,
};

QString pointKey(const GateIoPoint &point)
{
    return QStringLiteral("%1/%2/%3").arg(int(point.table)).arg(point.address).arg(point.name);
}

bool isRegister(GateIoTable table)
{
    return table == GateIoTable::HoldingRegisters || table == GateIoTable::InputRegisters;
}

QString hexText(const GateIoPoint &point)
{
    if (!isRegister(point.table))
        return QString();
    return QStringLiteral("0x%1")
        .arg(quint16(point.value), 4, 16, QLatin1Char('0'))
        .toUpper()
        .replace(QStringLiteral("0X"), QStringLiteral("0x"));
}

QString nowText()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz"));
}

void setErrorStyle(QLabel *label, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

} // namespace

GateDiagnosticsPage::GateDiagnosticsPage(GateSetup &setup, GateTester &tester, QWidget *parent)
    : DeskPage(parent), m_setup(setup), m_tester(tester)
{
    setObjectName(QStringLiteral("gateDiagnosticsPage"));
    buildUi();

    connect(&m_tester, &GateTester::sessionChanged, this, &GateDiagnosticsPage::onSessionChanged);
    connect(&m_tester, &GateTester::busyChanged, this, &GateDiagnosticsPage::onBusyChanged);
    connect(&m_tester, &GateTester::commandFinished, this, &GateDiagnosticsPage::onCommandFinished);
    connect(&m_tester, &GateTester::ioRead, this, &GateDiagnosticsPage::onIoRead);
    connect(&m_tester, &GateTester::ioFailed, this, &GateDiagnosticsPage::onIoFailed);
    connect(&m_tester, &GateTester::passageSeen, this, &GateDiagnosticsPage::onPassageSeen);
    connect(&m_tester, &GateTester::framesCaptured, this, &GateDiagnosticsPage::onFramesCaptured);
    connect(&m_tester, &GateTester::scanProgress, this, &GateDiagnosticsPage::onScanProgress);
    connect(&m_tester, &GateTester::scanAnswered, this,
        [this](int slaveId) { m_scanResultsList->addItem(tr("Slave %1 answered").arg(slaveId)); });
    connect(&m_tester, &GateTester::scanFinished, this, &GateDiagnosticsPage::onScanFinished);
    connect(&m_tester, &GateTester::selfTestStep, this, &GateDiagnosticsPage::onSelfTestStep);
    connect(&m_tester, &GateTester::selfTestFinished, this, &GateDiagnosticsPage::onSelfTestFinished);

    retranslate();
    updateButtons();
}

QString GateDiagnosticsPage::pageTitle() const
{
    return tr("Gate diagnostics");
}

void GateDiagnosticsPage::buildUi()
{
    m_gateCombo = new QComboBox(this);
    m_gateCombo->setObjectName(QStringLiteral("diagnosticsGateComboBox"));
    m_gateCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_gateCombo, &QComboBox::currentIndexChanged, this, &GateDiagnosticsPage::updateButtons);
    m_connectButton = new QPushButton(this);
    m_connectButton->setObjectName(QStringLiteral("connectGatePushButton"));
    connect(m_connectButton, &QPushButton::clicked, this, &GateDiagnosticsPage::toggleConnection);
    m_sessionLabel = new QLabel(this);
    m_sessionLabel->setObjectName(QStringLiteral("gateSessionLabel"));
    m_sessionLabel->setWordWrap(true);

    const auto commandButton = [this](const QString &objectName, GateTestCommand command) {
        auto *button = new QPushButton(this);
        button->setObjectName(objectName);
        connect(button, &QPushButton::clicked, this, [this, command] { runCommand(command); });
        return button;
    };
    m_openInButton = commandButton(QStringLiteral("openInPushButton"), GateTestCommand::OpenIn);
    m_openOutButton = commandButton(QStringLiteral("openOutPushButton"), GateTestCommand::OpenOut);
    m_freeButton = commandButton(QStringLiteral("freeGatePushButton"), GateTestCommand::Free);
    m_lockButton = commandButton(QStringLiteral("lockGatePushButton"), GateTestCommand::Lock);
    m_normalButton = commandButton(QStringLiteral("normalGatePushButton"), GateTestCommand::Normal);
    m_commandAnswerLabel = new QLabel(this);
    m_commandAnswerLabel->setObjectName(QStringLiteral("gateCommandAnswerLabel"));
    m_commandAnswerLabel->setWordWrap(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("diagnosticsTabWidget"));
    m_tabs->addTab(buildMonitorTab(), QString());
    m_tabs->addTab(buildFramesTab(), QString());
    m_tabs->addTab(buildScanTab(), QString());
    m_tabs->addTab(buildSelfTestTab(), QString());

    auto *top = new QHBoxLayout;
    top->addWidget(m_gateCombo);
    top->addWidget(m_connectButton);
    top->addWidget(m_sessionLabel, 1);
    auto *commands = new QHBoxLayout;
    for (QPushButton *button : {m_openInButton, m_openOutButton, m_freeButton, m_lockButton, m_normalButton})
        commands->addWidget(button);
    commands->addWidget(m_commandAnswerLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(commands);
    layout->addWidget(m_tabs, 1);
}

QWidget *GateDiagnosticsPage::buildMonitorTab()
{
    auto *tab = new QWidget(this);
    m_monitorCheck = new QCheckBox(tab);
    m_monitorCheck->setObjectName(QStringLiteral("monitorGateCheckBox"));
    m_monitorCheck->setChecked(true);
    connect(m_monitorCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (m_tester.hasSession())
            m_tester.setMonitoring(on);
    });
    m_ioModel = new QStandardItemModel(0, IoColumnCount, this);
    m_ioTable = desk::makeTable(QStringLiteral("ioTableView"), m_ioModel, tab);
    m_ioTable->setSortingEnabled(false); // the profile's order: coils, inputs, registers
    const auto makeLabel = [tab](const QString &objectName) {
        auto *label = new QLabel(tab);
        label->setObjectName(objectName);
        return label;
    };
    m_entryCountLabel = makeLabel(QStringLiteral("entryCountLabel"));
    m_exitCountLabel = makeLabel(QStringLiteral("exitCountLabel"));
    m_fireStateLabel = makeLabel(QStringLiteral("fireStateLabel"));
    m_tamperStateLabel = makeLabel(QStringLiteral("tamperStateLabel"));
    m_controllerErrorLabel = makeLabel(QStringLiteral("controllerErrorCodeLabel"));
    m_ioErrorLabel = makeLabel(QStringLiteral("ioErrorLabel"));
    m_ioErrorLabel->setWordWrap(true);
    setErrorStyle(m_ioErrorLabel, true);
    m_passagesList = new QListWidget(tab);
    m_passagesList->setObjectName(QStringLiteral("passagesListWidget"));
    m_highlightTimer = new QTimer(this);
    m_highlightTimer->setInterval(250);
    connect(m_highlightTimer, &QTimer::timeout, this, &GateDiagnosticsPage::fadeHighlights);

    auto *states = new QVBoxLayout;
    for (QLabel *label :
        {m_entryCountLabel, m_exitCountLabel, m_fireStateLabel, m_tamperStateLabel, m_controllerErrorLabel})
        states->addWidget(label);
    states->addWidget(m_passagesList, 1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_ioTable, 3);
    columns->addLayout(states, 2);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_monitorCheck);
    layout->addLayout(columns, 1);
    layout->addWidget(m_ioErrorLabel);
    return tab;
}

QWidget *GateDiagnosticsPage::buildFramesTab()
{
    auto *tab = new QWidget(this);
    m_captureCheck = new QCheckBox(tab);
    m_captureCheck->setObjectName(QStringLiteral("captureFramesCheckBox"));
    connect(m_captureCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (m_tester.hasSession())
            m_tester.setFrameCapture(on);
    });
    m_pauseFramesButton = new QPushButton(tab);
    m_pauseFramesButton->setObjectName(QStringLiteral("pauseFramesPushButton"));
    m_pauseFramesButton->setCheckable(true);
    connect(m_pauseFramesButton, &QPushButton::toggled, this, &GateDiagnosticsPage::setFramesPaused);
    m_framesPausedLabel = new QLabel(tab);
    m_framesPausedLabel->setObjectName(QStringLiteral("framesPausedLabel"));
    m_framesFilterEdit = new QLineEdit(tab);
    m_framesFilterEdit->setObjectName(QStringLiteral("framesFilterLineEdit"));
    m_framesFilterEdit->setClearButtonEnabled(true);
    m_clearFramesButton = new QPushButton(tab);
    m_clearFramesButton->setObjectName(QStringLiteral("clearFramesPushButton"));
    m_exportFramesButton = new QPushButton(tab);
    m_exportFramesButton->setObjectName(QStringLiteral("exportFramesPushButton"));

    m_frameLog = new GateFrameLog(this);
    m_frameProxy = new QSortFilterProxyModel(this);
    m_frameProxy->setSourceModel(m_frameLog);
    m_frameProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_framesFilterEdit, &QLineEdit::textChanged, m_frameProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_framesView = new QListView(tab);
    m_framesView->setObjectName(QStringLiteral("framesListView"));
    m_framesView->setModel(m_frameProxy);
    m_framesView->setUniformItemSizes(true);
    m_framesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_framesView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_clearFramesButton, &QPushButton::clicked, this, [this] {
        m_frameLog->clear();
        m_pausedFrames.clear();
        updatePausedLabel();
    });
    connect(m_exportFramesButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export frames"), tr("gate-frames.txt"), tr("Text files (*.txt);;All files (*)"));
        if (!path.isEmpty())
            exportFramesTo(path);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_captureCheck);
    bar->addWidget(m_pauseFramesButton);
    bar->addWidget(m_framesPausedLabel);
    bar->addWidget(m_framesFilterEdit, 1);
    bar->addWidget(m_clearFramesButton);
    bar->addWidget(m_exportFramesButton);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_framesView, 1);
    return tab;
}

QWidget *GateDiagnosticsPage::buildScanTab()
{
    auto *tab = new QWidget(this);
    m_scanFromSpin = new QSpinBox(tab);
    m_scanFromSpin->setObjectName(QStringLiteral("scanFromSpinBox"));
    m_scanFromSpin->setRange(1, 247);
    m_scanFromSpin->setValue(1);
    m_scanToSpin = new QSpinBox(tab);
    m_scanToSpin->setObjectName(QStringLiteral("scanToSpinBox"));
    m_scanToSpin->setRange(1, 247);
    m_scanToSpin->setValue(10);
    connect(m_scanFromSpin, &QSpinBox::valueChanged, m_scanToSpin, &QSpinBox::setMinimum);
    m_startScanButton = new QPushButton(tab);
    m_startScanButton->setObjectName(QStringLiteral("startScanPushButton"));
    m_cancelScanButton = new QPushButton(tab);
    m_cancelScanButton->setObjectName(QStringLiteral("cancelScanPushButton"));
    connect(m_startScanButton, &QPushButton::clicked, this, &GateDiagnosticsPage::startScan);
    connect(m_cancelScanButton, &QPushButton::clicked, this, [this] { m_tester.cancel(); });
    m_scanProgress = new QProgressBar(tab);
    m_scanProgress->setObjectName(QStringLiteral("scanProgressBar"));
    m_scanProgress->setValue(0);
    m_scanResultsList = new QListWidget(tab);
    m_scanResultsList->setObjectName(QStringLiteral("scanResultsListWidget"));
    m_scanStatusLabel = new QLabel(tab);
    m_scanStatusLabel->setObjectName(QStringLiteral("scanStatusLabel"));
    m_scanStatusLabel->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    auto *fromLabel = new QLabel(tab);
    fromLabel->setObjectName(QStringLiteral("scanFromLabel"));
    fromLabel->setBuddy(m_scanFromSpin);
    auto *toLabel = new QLabel(tab);
    toLabel->setObjectName(QStringLiteral("scanToLabel"));
    toLabel->setBuddy(m_scanToSpin);
    bar->addWidget(fromLabel);
    bar->addWidget(m_scanFromSpin);
    bar->addWidget(toLabel);
    bar->addWidget(m_scanToSpin);
    bar->addWidget(m_startScanButton);
    bar->addWidget(m_cancelScanButton);
    bar->addWidget(m_scanProgress, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_scanResultsList, 1);
    layout->addWidget(m_scanStatusLabel);
    return tab;
}

QWidget *GateDiagnosticsPage::buildSelfTestTab()
{
    auto *tab = new QWidget(this);
    m_runSelfTestButton = new QPushButton(tab);
    m_runSelfTestButton->setObjectName(QStringLiteral("runSelfTestPushButton"));
    m_cancelSelfTestButton = new QPushButton(tab);
    m_cancelSelfTestButton->setObjectName(QStringLiteral("cancelSelfTestPushButton"));
    connect(m_runSelfTestButton, &QPushButton::clicked, this, &GateDiagnosticsPage::startSelfTest);
    connect(m_cancelSelfTestButton, &QPushButton::clicked, this, [this] { m_tester.cancel(); });
    m_selfTestStepsList = new QListWidget(tab);
    m_selfTestStepsList->setObjectName(QStringLiteral("selfTestStepsListWidget"));
    m_selfTestResultLabel = new QLabel(tab);
    m_selfTestResultLabel->setObjectName(QStringLiteral("selfTestResultLabel"));
    m_selfTestResultLabel->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_runSelfTestButton);
    bar->addWidget(m_cancelSelfTestButton);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_selfTestStepsList, 1);
    layout->addWidget(m_selfTestResultLabel);
    return tab;
}

void GateDiagnosticsPage::retranslate()
{
    m_openInButton->setText(commandText(GateTestCommand::OpenIn));
    m_openOutButton->setText(commandText(GateTestCommand::OpenOut));
    m_freeButton->setText(commandText(GateTestCommand::Free));
    m_lockButton->setText(commandText(GateTestCommand::Lock));
    m_normalButton->setText(commandText(GateTestCommand::Normal));
    m_openInButton->setToolTip(tr("Release the gate for one person coming in and wait for the passage"));
    m_openOutButton->setToolTip(tr("Release the gate for one person going out and wait for the passage"));
    m_freeButton->setToolTip(tr("Free passage both ways until Normal"));
    m_lockButton->setToolTip(tr("Block the gate until Normal"));
    m_normalButton->setToolTip(tr("Back to normal operation"));
    m_tabs->setTabText(0, tr("&I/O monitor"));
    m_tabs->setTabText(1, tr("&Frames"));
    m_tabs->setTabText(2, tr("&Bus scan"));
    m_tabs->setTabText(3, tr("&Self-test"));

    m_monitorCheck->setText(tr("Read the inputs continuously"));
    m_ioModel->setHorizontalHeaderLabels({tr("Table"), tr("Address"), tr("Name"), tr("Value"), tr("Hex")});
    for (int row = 0; row < m_ioModel->rowCount(); ++row) {
        QStandardItem *item = m_ioModel->item(row, IoTableColumn);
        item->setText(tableText(GateIoTable(item->data(kTableRole).toInt())));
    }
    showIoLabels();

    m_captureCheck->setText(tr("Capture frames"));
    m_captureCheck->setToolTip(tr("Show every request and answer on the line (a busy bus prints a lot)"));
    m_pauseFramesButton->setText(tr("&Pause"));
    m_framesFilterEdit->setPlaceholderText(tr("Filter frames (e.g. TX, RX, 01 03)"));
    m_clearFramesButton->setText(tr("C&lear"));
    m_exportFramesButton->setText(tr("&Export…"));
    m_exportFramesButton->setToolTip(tr("Saves the frames the list shows (the filter applies), one per line"));
    updatePausedLabel();

    if (auto *from = findChild<QLabel *>(QStringLiteral("scanFromLabel")))
        from->setText(tr("Slave ids &from"));
    if (auto *to = findChild<QLabel *>(QStringLiteral("scanToLabel")))
        to->setText(tr("&to"));
    m_startScanButton->setText(tr("Start s&can"));
    m_cancelScanButton->setText(tr("Cancel scan"));
    m_startScanButton->setToolTip(
        tr("Ask every slave id in the range on this line; over RTU an absent id costs the answer timeout"));
    m_runSelfTestButton->setText(tr("&Run self-test"));
    m_cancelSelfTestButton->setText(tr("Cancel self-test"));
    m_runSelfTestButton->setToolTip(tr("Connect, read the inputs, check the fire input, open the entry and wait for "
                                       "a person to pass; the result is stored on the gate"));
    updateButtons();
}

void GateDiagnosticsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    DeskPage::changeEvent(event);
}

void GateDiagnosticsPage::showEvent(QShowEvent *event)
{
    reloadGates(); // gates may have been added or renamed on the gate list meanwhile
    DeskPage::showEvent(event);
}

void GateDiagnosticsPage::setSession(const StaffSession &session)
{
    // A session belongs to the technician who started it: another login (or none) ends it.
    const bool sameStaff = session.may(Permission::TechnicianConsole) && session.staffId == m_session.staffId;
    if (!sameStaff) {
        if (m_tester.hasSession())
            stopTesterSession();
        m_connected = false;
        m_sessionMessage.clear();
        m_sessionLabel->clear();
        m_unsavedGate.reset(); // the previous technician's editor
        clearResults();
    }
    m_session = session;
    reloadGates();
}

void GateDiagnosticsPage::reloadGates()
{
    const QString keep = selectedGateId();
    m_gates.clear();
    if (m_session.may(Permission::TechnicianConsole)) {
        Result<QList<GateListEntry>> gates = m_setup.gates(m_session);
        if (gates) {
            m_gates = *gates;
        } else {
            m_sessionLabel->setText(gates.error().message);
            setErrorStyle(m_sessionLabel, true);
        }
    }
    {
        const QSignalBlocker blocker(m_gateCombo);
        m_gateCombo->clear();
        // The unsaved gate is told apart by its empty id.
        if (m_unsavedGate)
            m_gateCombo->addItem(tr("%1 (not saved)").arg(m_unsavedGate->name), QString());
        for (const GateListEntry &entry : std::as_const(m_gates))
            m_gateCombo->addItem(entry.config.name, entry.config.id);
        const QString wanted = m_tester.hasSession() && !m_sessionGate.id.isEmpty() ? m_sessionGate.id : keep;
        m_gateCombo->setCurrentIndex(qMax(0, m_gateCombo->findData(wanted)));
    }
    updateButtons();
}

void GateDiagnosticsPage::selectGate(const QString &gateId)
{
    reloadGates();
    if (m_tester.hasSession() && m_sessionGate.id != gateId) {
        // The technician asked for another gate: the session on the old one ends.
        stopTesterSession();
        m_connected = false;
        clearResults();
    }
    const int index = m_gateCombo->findData(gateId);
    if (index >= 0)
        m_gateCombo->setCurrentIndex(index);
    updateButtons();
}

void GateDiagnosticsPage::diagnoseUnsaved(const GateConfig &gate)
{
    if (m_tester.hasSession()) {
        // A new try replaces whatever the session was on.
        stopTesterSession();
        m_connected = false;
        clearResults();
    }
    m_unsavedGate = gate;
    m_unsavedGate->id.clear();
    reloadGates();
    m_gateCombo->setCurrentIndex(0);
    updateButtons();
}

QString GateDiagnosticsPage::selectedGateId() const
{
    return m_gateCombo->currentData().toString();
}

std::optional<GateConfig> GateDiagnosticsPage::selectedGate() const
{
    const QString id = selectedGateId();
    if (id.isEmpty() && m_gateCombo->currentIndex() >= 0)
        return m_unsavedGate;
    for (const GateListEntry &entry : m_gates) {
        if (entry.config.id == id)
            return entry.config;
    }
    return std::nullopt;
}

bool GateDiagnosticsPage::textLines() const
{
    return m_sessionGate.profile.value(QStringLiteral("kind")).toString() == QLatin1String("serial-text");
}

void GateDiagnosticsPage::toggleConnection()
{
    if (m_tester.hasSession()) {
        stopTesterSession();
        m_connected = false;
        m_sessionLabel->setText(tr("Disconnected from %1.").arg(m_sessionGate.name));
        setErrorStyle(m_sessionLabel, false);
        updateButtons();
        return;
    }
    const std::optional<GateConfig> gate = selectedGate();
    if (!gate || !m_session.may(Permission::TechnicianConsole))
        return;
    clearResults();
    m_sessionGate = *gate;
    if (const Status started = m_tester.startSession(m_session, *gate); !started) {
        m_sessionLabel->setText(started.error().message);
        setErrorStyle(m_sessionLabel, true);
        updateButtons();
        return;
    }
    if (!m_connected) {
        m_sessionLabel->setText(tr("Connecting to %1…").arg(gate->name));
        setErrorStyle(m_sessionLabel, false);
    }
    m_tester.setMonitoring(m_monitorCheck->isChecked());
    m_tester.setFrameCapture(m_captureCheck->isChecked());
    updateButtons();
}

void GateDiagnosticsPage::onSessionChanged(bool connected, const QString &message)
{
    m_connected = connected;
    m_sessionMessage = message;
    m_sessionLabel->setText(message);
    // The tester has already torn a failed or dropped session down when it says so: only an
    // end this page asked for is not an error.
    setErrorStyle(m_sessionLabel, !connected && !m_stoppingSession);
    if (connected) {
        m_tester.setMonitoring(m_monitorCheck->isChecked());
        m_tester.setFrameCapture(m_captureCheck->isChecked());
    }
    updateButtons();
}

void GateDiagnosticsPage::stopTesterSession()
{
    const QScopedValueRollback stopping(m_stoppingSession, true);
    m_tester.stopSession();
}

void GateDiagnosticsPage::onBusyChanged()
{
    updateButtons();
}

void GateDiagnosticsPage::updateButtons()
{
    const bool may = m_session.may(Permission::TechnicianConsole);
    const bool session = m_tester.hasSession();
    const GateTestActivity activity = m_tester.activity();
    const bool ready = may && session && m_connected && activity == GateTestActivity::Idle;
    m_gateCombo->setEnabled(may && !session);
    m_connectButton->setText(session ? tr("&Disconnect") : tr("&Connect"));
    m_connectButton->setEnabled(may && (session || selectedGate().has_value()));
    for (QPushButton *button : {m_openInButton, m_openOutButton, m_freeButton, m_lockButton, m_normalButton})
        button->setEnabled(ready);
    m_startScanButton->setEnabled(ready);
    m_cancelScanButton->setEnabled(session && activity == GateTestActivity::Scan);
    m_runSelfTestButton->setEnabled(ready);
    m_cancelSelfTestButton->setEnabled(session && activity == GateTestActivity::SelfTest);
    m_exportFramesButton->setEnabled(m_frameProxy->rowCount() > 0);
}

void GateDiagnosticsPage::clearResults()
{
    m_commandAnswerLabel->clear();
    m_ioModel->removeRows(0, m_ioModel->rowCount());
    m_changedAtMs.clear();
    m_highlightTimer->stop();
    m_lastSnapshot.reset();
    showIoLabels();
    m_passagesList->clear();
    m_ioErrorLabel->clear();
    m_frameLog->clear();
    m_pausedFrames.clear();
    updatePausedLabel();
    m_scanResultsList->clear();
    m_scanProgress->setValue(m_scanProgress->minimum());
    m_scanStatusLabel->clear();
    m_selfTestStepsList->clear();
    m_selfTestResultLabel->clear();
}

// ---- test commands -------------------------------------------------------------------------

QString GateDiagnosticsPage::commandText(GateTestCommand command) const
{
    switch (command) {
    case GateTestCommand::OpenIn:
        return tr("Open in");
    case GateTestCommand::OpenOut:
        return tr("Open out");
    case GateTestCommand::Free:
        return tr("Free passage");
    case GateTestCommand::Lock:
        return tr("Lock");
    case GateTestCommand::Normal:
        return tr("Normal");
    case GateTestCommand::Invalid:
        break;
    }
    return QString();
}

void GateDiagnosticsPage::runCommand(GateTestCommand command)
{
    if (!m_tester.hasSession() || m_tester.busy())
        return;
    m_commandAnswerLabel->setText(tr("%1: waiting for the gate…").arg(commandText(command)));
    setErrorStyle(m_commandAnswerLabel, false);
    m_tester.runCommand(command); // a refusal answers at once, over the label above
    updateButtons();
}

void GateDiagnosticsPage::onCommandFinished(GateTestCommand command, bool ok, const QString &answer)
{
    m_commandAnswerLabel->setText(tr("%1: %2").arg(commandText(command), answer));
    m_commandAnswerLabel->setStyleSheet(ok ? QStringLiteral("color: #1b6e20;") : QStringLiteral("color: #b00020;"));
    updateButtons();
}

// ---- I/O monitor ---------------------------------------------------------------------------

QString GateDiagnosticsPage::tableText(GateIoTable table) const
{
    switch (table) {
    case GateIoTable::Coils:
        return tr("Coil");
    case GateIoTable::DiscreteInputs:
        return tr("Discrete input");
    case GateIoTable::HoldingRegisters:
        return tr("Holding register");
    case GateIoTable::InputRegisters:
        return tr("Input register");
    case GateIoTable::Invalid:
        break;
    }
    return QString();
}

void GateDiagnosticsPage::onIoRead(const GateIoSnapshot &snapshot)
{
    m_ioErrorLabel->clear();
    bool sameRows = m_ioModel->rowCount() == snapshot.points.size();
    for (int row = 0; sameRows && row < snapshot.points.size(); ++row)
        sameRows = m_ioModel->item(row, IoTableColumn)->data(kKeyRole).toString() == pointKey(snapshot.points.at(row));
    if (!sameRows) {
        // A new session or another profile: rebuild, nothing to compare with yet.
        m_ioModel->removeRows(0, m_ioModel->rowCount());
        m_changedAtMs.clear();
        for (const GateIoPoint &point : snapshot.points) {
            auto *table = new QStandardItem(tableText(point.table));
            table->setData(pointKey(point), kKeyRole);
            table->setData(int(point.table), kTableRole);
            auto *value = new QStandardItem(QString::number(point.value));
            value->setData(point.value, kKeyRole);
            m_ioModel->appendRow({table, new QStandardItem(QString::number(point.address)),
                new QStandardItem(point.name), value, new QStandardItem(hexText(point))});
        }
        m_ioTable->resizeColumnsToContents();
    } else {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int row = 0; row < snapshot.points.size(); ++row) {
            const GateIoPoint &point = snapshot.points.at(row);
            QStandardItem *value = m_ioModel->item(row, IoValueColumn);
            if (value->data(kKeyRole).toInt() == point.value)
                continue;
            value->setData(point.value, kKeyRole);
            value->setText(QString::number(point.value));
            m_ioModel->item(row, IoHexColumn)->setText(hexText(point));
            for (int column = 0; column < IoColumnCount; ++column)
                m_ioModel->item(row, column)->setBackground(kChangedColor);
            m_changedAtMs.insert(pointKey(point), now);
        }
        if (!m_changedAtMs.isEmpty() && !m_highlightTimer->isActive())
            m_highlightTimer->start();
    }
    m_lastSnapshot = snapshot;
    showIoLabels();
}

void GateDiagnosticsPage::fadeHighlights()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int row = 0; row < m_ioModel->rowCount(); ++row) {
        const QString key = m_ioModel->item(row, IoTableColumn)->data(kKeyRole).toString();
        const auto it = m_changedAtMs.constFind(key);
        if (it == m_changedAtMs.cend() || now - it.value() < kHighlightMs)
            continue;
        m_changedAtMs.remove(key);
        for (int column = 0; column < IoColumnCount; ++column)
            m_ioModel->item(row, column)->setData(QVariant(), Qt::BackgroundRole);
    }
    if (m_changedAtMs.isEmpty())
        m_highlightTimer->stop();
}

void GateDiagnosticsPage::showIoLabels()
{
    const auto count = [this](const std::optional<quint32> &value) {
        return value ? QString::number(*value) : tr("—");
    };
    const bool read = m_lastSnapshot.has_value();
    const GateIoSnapshot snapshot = m_lastSnapshot.value_or(GateIoSnapshot());
    m_entryCountLabel->setText(tr("Entries counted: %1").arg(count(snapshot.entryCount)));
    m_exitCountLabel->setText(tr("Exits counted: %1").arg(count(snapshot.exitCount)));
    m_fireStateLabel->setText(!read ? tr("Fire alarm: —")
            : snapshot.fireActive   ? tr("Fire alarm: ACTIVE")
                                    : tr("Fire alarm: quiet"));
    setErrorStyle(m_fireStateLabel, read && snapshot.fireActive);
    m_tamperStateLabel->setText(!read ? tr("Tamper switch: —")
            : snapshot.tamperActive   ? tr("Tamper switch: ACTIVE")
                                      : tr("Tamper switch: closed"));
    setErrorStyle(m_tamperStateLabel, read && snapshot.tamperActive);
    m_controllerErrorLabel->setText(!read ? tr("Controller error: —")
            : snapshot.errorCode == 0     ? tr("Controller error: none")
                                          : tr("Controller error: %1").arg(snapshot.errorCode));
    setErrorStyle(m_controllerErrorLabel, read && snapshot.errorCode != 0);
}

void GateDiagnosticsPage::onIoFailed(const QString &message)
{
    m_ioErrorLabel->setText(message);
}

void GateDiagnosticsPage::onPassageSeen(Direction direction, int count)
{
    const QString line = direction == Direction::Out ? tr("%1  Exit: %n passed", nullptr, count).arg(nowText())
                                                     : tr("%1  Entry: %n passed", nullptr, count).arg(nowText());
    m_passagesList->addItem(line);
    while (m_passagesList->count() > kMaxPassageLines)
        delete m_passagesList->takeItem(0);
    m_passagesList->scrollToBottom();
}

// ---- frames --------------------------------------------------------------------------------

void GateDiagnosticsPage::onFramesCaptured(const QList<GateFrame> &frames)
{
    if (m_pauseFramesButton->isChecked()) {
        m_pausedFrames.append(frames);
        const qsizetype overflow = m_pausedFrames.size() - m_frameLog->maxLines();
        if (overflow > 0)
            m_pausedFrames.remove(0, overflow);
        updatePausedLabel();
        return;
    }
    // Follow new frames only when the technician is not reading older ones further up.
    const QScrollBar *bar = m_framesView->verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    m_frameLog->append(frames, textLines());
    if (atBottom)
        m_framesView->scrollToBottom();
    updateButtons();
}

void GateDiagnosticsPage::setFramesPaused(bool paused)
{
    m_pauseFramesButton->setText(paused ? tr("&Resume") : tr("&Pause"));
    if (!paused && !m_pausedFrames.isEmpty()) {
        m_frameLog->append(m_pausedFrames, textLines());
        m_pausedFrames.clear();
        m_framesView->scrollToBottom();
    }
    updatePausedLabel();
    updateButtons();
}

void GateDiagnosticsPage::updatePausedLabel()
{
    m_framesPausedLabel->setText(
        m_pausedFrames.isEmpty() ? QString() : tr("%n frame(s) not shown", nullptr, int(m_pausedFrames.size())));
}

int GateDiagnosticsPage::shownFrameCount() const
{
    return m_frameProxy->rowCount();
}

bool GateDiagnosticsPage::exportFramesTo(const QString &path)
{
    QByteArray text;
    for (int row = 0; row < m_frameProxy->rowCount(); ++row)
        text += m_frameProxy->index(row, 0).data().toString().toUtf8() + '\n';
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        const QString message = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        emit statusMessage(message);
        m_framesPausedLabel->setText(message);
        return false;
    }
    emit statusMessage(
        tr("%n frame(s) saved to %1.", nullptr, m_frameProxy->rowCount()).arg(QDir::toNativeSeparators(path)));
    return true;
}

// ---- bus scan ------------------------------------------------------------------------------

void GateDiagnosticsPage::startScan()
{
    if (!m_tester.hasSession() || m_tester.busy())
        return;
    m_scanFrom = m_scanFromSpin->value();
    m_scanTo = qMax(m_scanFrom, m_scanToSpin->value());
    m_lastScanned = 0;
    m_scanResultsList->clear();
    m_scanProgress->setRange(m_scanFrom - 1, m_scanTo);
    m_scanProgress->setValue(m_scanFrom - 1);
    m_scanStatusLabel->setText(tr("Scanning slave ids %1 to %2…").arg(m_scanFrom).arg(m_scanTo));
    setErrorStyle(m_scanStatusLabel, false);
    m_tester.scan(m_scanFrom, m_scanTo);
    updateButtons();
}

void GateDiagnosticsPage::onScanProgress(int slaveId, int fromSlaveId, int toSlaveId)
{
    m_scanProgress->setRange(fromSlaveId - 1, toSlaveId);
    m_scanProgress->setValue(slaveId);
    m_lastScanned = slaveId;
}

void GateDiagnosticsPage::onScanFinished(const QList<int> &answered, bool cancelled, const QString &error)
{
    // The answers as the tester counted them, in order: a batch may have come after the lines.
    m_scanResultsList->clear();
    for (int slaveId : answered)
        m_scanResultsList->addItem(tr("Slave %1 answered").arg(slaveId));
    if (!error.isEmpty()) {
        m_scanStatusLabel->setText(error);
    } else if (cancelled) {
        m_scanStatusLabel->setText(m_lastScanned > 0 ? tr("Cancelled after slave %1").arg(m_lastScanned)
                                                     : tr("Cancelled before the first slave"));
    } else {
        m_scanProgress->setValue(m_scanProgress->maximum());
        m_scanStatusLabel->setText(tr("Found %1 of %2").arg(answered.size()).arg(m_scanTo - m_scanFrom + 1));
    }
    setErrorStyle(m_scanStatusLabel, !error.isEmpty());
    updateButtons();
}

// ---- self-test -----------------------------------------------------------------------------

void GateDiagnosticsPage::startSelfTest()
{
    if (!m_tester.hasSession() || m_tester.busy())
        return;
    m_selfTestStepsList->clear();
    m_selfTestResultLabel->setText(tr("Running the self-test… someone has to walk through the entry."));
    setErrorStyle(m_selfTestResultLabel, false);
    m_tester.runSelfTest();
    updateButtons();
}

void GateDiagnosticsPage::onSelfTestStep(const GateSelfTestStep &step)
{
    const QString mark = step.passed ? QStringLiteral("✔") : QStringLiteral("✘");
    const QString text = step.message.isEmpty() ? tr("%1 %2").arg(mark, step.name)
                                                : tr("%1 %2 — %3").arg(mark, step.name, step.message);
    auto *item = new QListWidgetItem(text, m_selfTestStepsList);
    item->setForeground(step.passed ? QColor(0x1b, 0x6e, 0x20) : QColor(0xb0, 0x00, 0x20));
    m_selfTestStepsList->scrollToItem(item);
}

void GateDiagnosticsPage::onSelfTestFinished(const GateSelfTestReport &report, const QString &storeError)
{
    if (m_selfTestStepsList->count() == 0) {
        for (const GateSelfTestStep &step : report.steps)
            onSelfTestStep(step);
    }
    QString text;
    if (report.passed())
        text = m_sessionGate.id.isEmpty() ? tr("Passed") : tr("Passed — stored on the gate");
    else
        text = tr("Failed: %n step(s)", nullptr, qMax(1, report.failures()));
    if (!storeError.isEmpty())
        text = tr("%1 (not stored: %2)").arg(report.passed() ? tr("Passed") : text, storeError);
    m_selfTestResultLabel->setText(text);
    m_selfTestResultLabel->setStyleSheet(report.passed() && storeError.isEmpty() ? QStringLiteral("color: #1b6e20;")
                                                                                 : QStringLiteral("color: #b00020;"));
    updateButtons();
    reloadGates(); // the stored result shows in the gate list
}

} // namespace gymgate
