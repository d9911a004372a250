#include "ui/desk/GatesPage.h"

#include "ui/desk/DeskTables.h"
#include "ui/desk/GateEditor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(GatesPage)
};

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kSortRole = Qt::UserRole + 2;

// What a technician looks for first (is it up, did it pass) comes right after the name.
constexpr int kStateRefreshMs = 2000;

enum Column {
    NameColumn = 0,
    StateColumn,
    SelfTestColumn,
    ZoneColumn,
    DirectionColumn,
    KindColumn,
    TargetColumn,
    FailModeColumn,
    ColumnCount,
};

QStandardItem *cell(const QString &text, const QVariant &sortKey = {})
{
    auto *item = new QStandardItem(text);
    item->setData(sortKey.isValid() ? sortKey : QVariant(text), kSortRole);
    return item;
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            ErrorCode::Io, Text::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return file.readAll();
}

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(
            ErrorCode::Io, Text::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

GatesPage::GatesPage(GateSetup &setup, QWidget *parent) : DeskPage(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("gatesPage"));
    buildUi();
    retranslate();
    updateButtons();
    // The gate service changes under the list (a gate goes offline, an emergency frees them).
    m_stateTimer = new QTimer(this);
    m_stateTimer->setInterval(kStateRefreshMs);
    connect(m_stateTimer, &QTimer::timeout, this, &GatesPage::refreshStates);
}

GatesPage::~GatesPage()
{
    // The children go after this body: a model signal while they do must not reach
    // updateButtons() and the buttons already deleted.
    disconnect(m_proxy, nullptr, this, nullptr);
}

void GatesPage::showEvent(QShowEvent *event)
{
    DeskPage::showEvent(event);
    m_stateTimer->start();
}

void GatesPage::hideEvent(QHideEvent *event)
{
    m_stateTimer->stop();
    DeskPage::hideEvent(event);
}

void GatesPage::refreshStates()
{
    if (!m_session.may(Permission::TechnicianConsole))
        return;
    Result<QList<GateListEntry>> gates = m_setup.gates(m_session);
    if (!gates)
        return; // the next reload says why
    for (const GateListEntry &entry : std::as_const(*gates)) {
        const QList<QStandardItem *> found = m_model->findItems(entry.config.name, Qt::MatchExactly, NameColumn);
        for (QStandardItem *name : found) {
            if (name->data(kIdRole).toString() != entry.config.id)
                continue;
            m_model->item(name->row(), StateColumn)->setText(stateText(entry));
            QStandardItem *selfTest = m_model->item(name->row(), SelfTestColumn);
            selfTest->setText(selfTestText(entry.config));
            selfTest->setData(entry.config.lastSelfTestAtMs.value_or(0), kSortRole);
        }
    }
}

QString GatesPage::pageTitle() const
{
    return tr("Gates");
}

void GatesPage::buildUi()
{
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("gateFilterLineEdit"));
    m_filterEdit->setClearButtonEnabled(true);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshGatesPushButton"));
    m_refreshButton->setShortcut(QKeySequence::Refresh);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] { reload(selectedGateId()); });

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(kSortRole);
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table = desk::makeTable(QStringLiteral("gatesTableView"), m_proxy, this);
    m_table->sortByColumn(NameColumn, Qt::AscendingOrder);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        loadSelected();
        updateButtons();
    });

    const auto button = [this](const QString &objectName) {
        auto *pushButton = new QPushButton(this);
        pushButton->setObjectName(objectName);
        return pushButton;
    };
    m_addButton = button(QStringLiteral("addGatePushButton"));
    m_addButton->setShortcut(QKeySequence::New);
    m_duplicateButton = button(QStringLiteral("duplicateGatePushButton"));
    m_deleteButton = button(QStringLiteral("deleteGatePushButton"));
    m_diagnoseButton = button(QStringLiteral("diagnoseGatePushButton"));
    m_importGatesButton = button(QStringLiteral("importGatesPushButton"));
    m_exportGatesButton = button(QStringLiteral("exportGatesPushButton"));
    m_importProfileButton = button(QStringLiteral("importProfilePushButton"));
    m_exportProfileButton = button(QStringLiteral("exportProfilePushButton"));
    m_saveButton = button(QStringLiteral("saveGatePushButton"));
    m_saveButton->setShortcut(QKeySequence::Save);
    m_saveButton->setDefault(true);
    m_tryButton = button(QStringLiteral("tryGatePushButton"));

    connect(m_addButton, &QPushButton::clicked, this, &GatesPage::newGate);
    connect(m_duplicateButton, &QPushButton::clicked, this, &GatesPage::duplicateGate);
    connect(m_deleteButton, &QPushButton::clicked, this, &GatesPage::deleteGate);
    connect(m_diagnoseButton, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedGateId(); !id.isEmpty())
            emit diagnoseRequested(id);
    });
    connect(m_saveButton, &QPushButton::clicked, this, &GatesPage::saveGate);
    connect(m_tryButton, &QPushButton::clicked, this, [this] {
        GateConfig unsaved = m_editor->gate();
        unsaved.id.clear(); // nothing the session finds (a self-test) is stored on a saved gate
        emit diagnoseUnsavedRequested(unsaved);
    });
    connect(m_importGatesButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import gates"), QString(), tr("Gate files (*.json);;All files (*)"));
        if (!path.isEmpty())
            importGatesFrom(path);
    });
    connect(m_exportGatesButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export gates"), tr("gates.json"), tr("Gate files (*.json);;All files (*)"));
        if (!path.isEmpty())
            exportGatesTo(path);
    });
    connect(m_importProfileButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import a gate profile"), QString(), tr("Gate profiles (*.json);;All files (*)"));
        if (!path.isEmpty())
            importProfileFrom(path);
    });
    connect(m_exportProfileButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the gate profile"), tr("gate-profile.json"), tr("Gate profiles (*.json);;All files (*)"));
        if (!path.isEmpty())
            exportProfileTo(path);
    });

    m_editor = new GateEditor(m_setup, this);
    connect(m_editor, &GateEditor::validityChanged, this, &GatesPage::updateButtons);
    // "Export gates…" saves the rows shown (connected once every
    // button exists): it follows the filter as it hides and shows them.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &GatesPage::updateButtons);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &GatesPage::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &GatesPage::updateButtons);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &GatesPage::updateButtons);
    connect(m_editor, &GateEditor::edited, this, [this] { m_messageLabel->clear(); });
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("gateEditorScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the form narrows instead
    scroll->setWidget(m_editor);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("gateMessageLabel"));
    m_messageLabel->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_refreshButton);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_duplicateButton);
    listButtons->addWidget(m_deleteButton);
    listButtons->addWidget(m_diagnoseButton);
    listButtons->addStretch(1);
    listButtons->addWidget(m_importGatesButton);
    listButtons->addWidget(m_exportGatesButton);
    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(top);
    listLayout->addWidget(m_table, 1);
    listLayout->addLayout(listButtons);

    auto *editorButtons = new QHBoxLayout;
    editorButtons->addWidget(m_importProfileButton);
    editorButtons->addWidget(m_exportProfileButton);
    editorButtons->addStretch(1);
    editorButtons->addWidget(m_tryButton);
    editorButtons->addWidget(m_saveButton);
    auto *editorSide = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorSide);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(scroll, 1);
    editorLayout->addLayout(editorButtons);
    editorLayout->addWidget(m_messageLabel);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(listSide);
    split->addWidget(editorSide);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
}

void GatesPage::retranslate()
{
    m_filterEdit->setPlaceholderText(tr("Filter gates"));
    m_refreshButton->setText(tr("&Refresh"));
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Service"), tr("Last self-test"), tr("Zone"), tr("Direction"),
        tr("Kind"), tr("Controller at"), tr("When offline")});
    m_addButton->setText(tr("&Add gate"));
    m_duplicateButton->setText(tr("D&uplicate"));
    m_deleteButton->setText(tr("&Delete…"));
    m_diagnoseButton->setText(tr("D&iagnose"));
    m_diagnoseButton->setToolTip(tr("Open the selected gate in the diagnostics page"));
    m_importGatesButton->setText(tr("&Import gates…"));
    m_exportGatesButton->setText(tr("E&xport gates…"));
    m_exportGatesButton->setToolTip(tr("Saves the gates the list shows (the filter applies) to a gates file"));
    m_importProfileButton->setText(tr("Import &profile…"));
    m_importProfileButton->setToolTip(tr("Load a profile file into the form (the gate's name and zone stay)"));
    m_exportProfileButton->setText(tr("Export pro&file…"));
    m_exportProfileButton->setToolTip(tr("Save the form's profile as a file gymgate-gatectl --profile reads"));
    m_saveButton->setText(tr("&Save gate"));
    m_tryButton->setText(tr("&Try…"));
    m_tryButton->setToolTip(tr("Open the editor's gate in the diagnostics page as it is now, before saving it"));
}

void GatesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (m_session.isValid())
            reload(selectedGateId());
    }
    DeskPage::changeEvent(event);
}

void GatesPage::setSession(const StaffSession &session)
{
    m_session = session;
    m_messageLabel->clear();
    m_zones.clear();
    if (m_session.may(Permission::TechnicianConsole)) {
        Result<QList<GateZoneChoice>> zones = m_setup.zones(m_session);
        if (zones)
            m_zones = *zones;
        else
            showMessage(zones.error().message, true);
    }
    m_editor->setZones(m_zones);
    reload();
    newGate();
}

void GatesPage::reload(const QString &selectId)
{
    m_model->removeRows(0, m_model->rowCount());
    m_gates.clear();
    if (m_session.may(Permission::TechnicianConsole)) {
        Result<QList<GateListEntry>> gates = m_setup.gates(m_session);
        if (gates)
            m_gates = *gates;
        else
            showMessage(gates.error().message, true);
    }
    for (const GateListEntry &entry : std::as_const(m_gates)) {
        const GateConfig &gate = entry.config;
        QList<QStandardItem *> row {cell(gate.name), cell(stateText(entry)),
            cell(selfTestText(gate), gate.lastSelfTestAtMs.value_or(0)), cell(zoneName(gate.zoneId)),
            cell(gate.direction == GateDirection::In       ? tr("In")
                    : gate.direction == GateDirection::Out ? tr("Out")
                                                           : tr("Both ways")),
            cell(kindText(gate.profile.value(QStringLiteral("kind")).toString())), cell(targetText(gate.profile)),
            cell(gate.failMode == GateFailMode::Open ? tr("Fail open") : tr("Fail secure"))};
        row.first()->setData(gate.id, kIdRole);
        if (entry.restartNeeded)
            row.at(StateColumn)
                ->setToolTip(tr("Saved after the gate service started: it drives the gate as it was "
                                "until GymGate restarts."));
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    if (!selectId.isEmpty())
        selectGate(selectId);
    updateButtons();
}

QString GatesPage::zoneName(const QString &zoneId) const
{
    for (const GateZoneChoice &zone : m_zones) {
        if (zone.id == zoneId)
            return zone.name;
    }
    return zoneId;
}

QString GatesPage::kindText(const QString &kind) const
{
    if (kind == QLatin1String("turnstile-registers"))
        return tr("Turnstile (registers)");
    if (kind == QLatin1String("relay"))
        return tr("Relay board");
    if (kind == QLatin1String("serial-text"))
        return tr("Serial text board");
    return kind;
}

QString GatesPage::targetText(const QJsonObject &profile)
{
    const QJsonObject transport = profile.value(QStringLiteral("transport")).toObject();
    if (transport.value(QStringLiteral("type")).toString() == QLatin1String("modbus-tcp"))
        return QStringLiteral("%1:%2").arg(
            transport.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1")),
            QString::number(transport.value(QStringLiteral("port")).toInt(502)));
    return transport.value(QStringLiteral("device")).toString();
}

QString GatesPage::stateText(const GateListEntry &entry) const
{
    QString text;
    switch (entry.state) {
    case GateServiceState::NotRunHere:
        text = tr("Not run here");
        break;
    case GateServiceState::Ready:
        text = tr("Ready");
        break;
    case GateServiceState::Emergency:
        text = tr("Emergency (free passage)");
        break;
    case GateServiceState::Offline:
        text = tr("Offline");
        break;
    case GateServiceState::OutOfOrder:
        text = tr("Out of order");
        break;
    case GateServiceState::Paused:
        text = tr("Paused for diagnostics");
        break;
    case GateServiceState::Invalid:
        text = tr("Unknown");
        break;
    }
    if (entry.restartNeeded)
        text += tr(" · restart needed");
    return text;
}

QString GatesPage::selfTestText(const GateConfig &gate) const
{
    if (gate.lastSelfTestResult.isEmpty())
        return tr("Never");
    const std::optional<GateSelfTestReport> report
        = GateSelfTestReport::fromJson(QJsonDocument::fromJson(gate.lastSelfTestResult.toUtf8()).object());
    if (!report)
        return tr("Never");
    if (report->passed())
        return tr("Passed %1")
            .arg(QDateTime::fromMSecsSinceEpoch(report->atMs).toString(QStringLiteral("MM-dd HH:mm")));
    for (const GateSelfTestStep &step : report->steps) {
        if (!step.passed)
            return tr("Failed: %1").arg(step.name);
    }
    return tr("Failed");
}

QString GatesPage::selectedGateId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(NameColumn);
    return rows.isEmpty() ? QString() : rows.first().data(kIdRole).toString();
}

int GatesPage::gateRows() const
{
    return m_proxy->rowCount();
}

void GatesPage::selectGate(const QString &gateId)
{
    const auto find = [&] {
        return m_proxy->rowCount() == 0
            ? QModelIndexList()
            : m_proxy->match(m_proxy->index(0, NameColumn), kIdRole, gateId, 1, Qt::MatchExactly);
    };
    QModelIndexList match = find();
    if (match.isEmpty() && !m_filterEdit->text().isEmpty()) {
        m_filterEdit->clear(); // the filter hid the gate asked for
        match = find();
    }
    if (match.isEmpty())
        return;
    m_table->selectRow(match.first().row());
    m_table->scrollTo(match.first());
}

void GatesPage::loadSelected()
{
    const QString id = selectedGateId();
    if (id.isEmpty())
        return;
    for (const GateListEntry &entry : std::as_const(m_gates)) {
        if (entry.config.id == id) {
            m_editor->loadGate(entry.config);
            m_messageLabel->clear();
            return;
        }
    }
}

void GatesPage::updateButtons()
{
    const bool may = m_session.may(Permission::TechnicianConsole);
    const bool selected = !selectedGateId().isEmpty();
    m_refreshButton->setEnabled(may);
    m_addButton->setEnabled(may);
    m_duplicateButton->setEnabled(may && selected);
    m_deleteButton->setEnabled(may && selected);
    m_diagnoseButton->setEnabled(may && selected);
    m_importGatesButton->setEnabled(may);
    m_exportGatesButton->setEnabled(may && m_proxy->rowCount() > 0);
    m_importProfileButton->setEnabled(may);
    m_exportProfileButton->setEnabled(may && m_editor->isValid());
    m_saveButton->setEnabled(may && m_editor->isValid());
    m_tryButton->setEnabled(may && m_editor->isValid());
}

void GatesPage::newGate()
{
    m_table->clearSelection();
    m_editor->newGate();
    m_messageLabel->clear();
    updateButtons();
}

void GatesPage::saveGate()
{
    if (!m_session.may(Permission::TechnicianConsole))
        return;
    if (const Status checked = m_editor->check(); !checked) {
        m_editor->showError(checked.error());
        return;
    }
    Result<GateConfig> saved = m_setup.saveGate(m_session, m_editor->gate());
    if (!saved) {
        m_editor->showError(saved.error());
        return;
    }
    reload(saved->id);
    if (selectedGateId() != saved->id)
        m_editor->loadGate(*saved); // hidden by sorting or gone from the list: keep editing it
    showMessage(tr("Gate saved."), false);
    emit gatesChanged();
}

void GatesPage::duplicateGate()
{
    const QString id = selectedGateId();
    if (id.isEmpty() || !m_session.may(Permission::TechnicianConsole))
        return;
    Result<GateConfig> copy = m_setup.duplicateGate(m_session, id);
    if (!copy) {
        showMessage(copy.error().message, true);
        return;
    }
    reload(copy->id);
    showMessage(tr("Added %1.").arg(copy->name), false);
    emit gatesChanged();
}

void GatesPage::deleteGate()
{
    const QString id = selectedGateId();
    if (id.isEmpty() || !m_session.may(Permission::TechnicianConsole))
        return;
    QString name;
    for (const GateListEntry &entry : std::as_const(m_gates))
        name = entry.config.id == id ? entry.config.name : name;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete gate"),
        tr("Delete the gate %1? Its profile is lost unless it was exported; the entry log keeps its entries.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("deleteGateMessageBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id, name] {
        if (box->result() != QMessageBox::Yes)
            return;
        if (Status deleted = m_setup.deleteGate(m_session, id); !deleted) {
            showMessage(deleted.error().message, true);
            return;
        }
        reload();
        newGate();
        showMessage(tr("Deleted %1.").arg(name), false);
        emit gatesChanged();
    });
    box->open();
}

bool GatesPage::importGatesFrom(const QString &path)
{
    if (!m_session.may(Permission::TechnicianConsole))
        return false;
    const Result<QByteArray> bytes = readFile(path);
    if (!bytes) {
        showMessage(bytes.error().message, true);
        return false;
    }
    Result<QList<GateConfig>> imported = m_setup.importGates(m_session, *bytes);
    if (!imported) {
        const Error &error = imported.error();
        showMessage(error.field.isEmpty() ? error.message : tr("%1: %2").arg(error.field, error.message), true);
        return false;
    }
    reload(imported->isEmpty() ? QString() : imported->first().id);
    showMessage(tr("Imported %n gate(s).", nullptr, int(imported->size())), false);
    emit gatesChanged();
    return true;
}

bool GatesPage::exportGatesTo(const QString &path)
{
    if (!m_session.may(Permission::TechnicianConsole))
        return false;
    if (m_proxy->rowCount() == 0) {
        // An empty list would mean "every gate" to exportGates, not what the table shows.
        showMessage(tr("The list shows no gate to export. Clear the filter first."), true);
        return false;
    }
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        ids.append(m_proxy->index(row, NameColumn).data(kIdRole).toString());
    const Result<QByteArray> bytes = m_setup.exportGates(m_session, ids);
    if (!bytes) {
        showMessage(bytes.error().message, true);
        return false;
    }
    if (const Status written = writeFile(path, *bytes); !written) {
        showMessage(written.error().message, true);
        return false;
    }
    showMessage(tr("Exported %n gate(s) to %1.", nullptr, int(ids.size())).arg(QDir::toNativeSeparators(path)), false);
    return true;
}

bool GatesPage::importProfileFrom(const QString &path)
{
    if (!m_session.may(Permission::TechnicianConsole))
        return false;
    m_messageLabel->clear();
    const Result<QByteArray> bytes = readFile(path);
    if (!bytes) {
        m_editor->showError(bytes.error());
        return false;
    }
    const Result<QJsonObject> profile = m_setup.readProfileFile(*bytes);
    if (!profile) {
        m_editor->showError(profile.error(), true);
        return false;
    }
    m_editor->loadProfile(*profile);
    updateButtons();
    showMessage(tr("Profile loaded from %1; save the gate to keep it.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

bool GatesPage::exportProfileTo(const QString &path)
{
    if (!m_session.may(Permission::TechnicianConsole))
        return false;
    if (const Status checked = m_editor->check(); !checked) {
        m_editor->showError(checked.error());
        showMessage(tr("Correct the profile before exporting it."), true);
        return false;
    }
    if (const Status written = writeFile(path, m_setup.profileFile(m_editor->profile())); !written) {
        showMessage(written.error().message, true);
        return false;
    }
    showMessage(tr("Profile saved to %1.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void GatesPage::showMessage(const QString &message, bool error)
{
    m_messageLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_messageLabel->setText(message);
    if (!message.isEmpty() && !error)
        emit statusMessage(message);
}

} // namespace gymgate
