#include "ui/desk/GateEditor.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace gymgate {

namespace {

const char *const kFieldProperty = "gateField";
const char *const kErrorProperty = "gateFieldError"; // true on the widget the error names

const QString kRelay = QStringLiteral("relay");
const QString kTurnstile = QStringLiteral("turnstile-registers");
const QString kSerialText = QStringLiteral("serial-text");
const QString kModbusTcp = QStringLiteral("modbus-tcp");
const QString kModbusRtu = QStringLiteral("modbus-rtu");
const QString kSerial = QStringLiteral("serial");

// The map defaults of docs/HARDWARE.md, for a field a profile leaves out.
struct MapField {
    const char *key;
    int defaultValue;
};
constexpr MapField kRelayFields[]
    = {{"entryCoil", 0}, {"exitCoil", 1}, {"entryInput", 0}, {"exitInput", 1}, {"fireInput", 2}, {"tamperInput", 3}};
constexpr MapField kRegisterFields[] = {{"entryPermission", 0}, {"exitPermission", 1}, {"mode", 2}, {"passTime", 3},
    {"entryCounter", 0}, {"exitCounter", 2}, {"errorCode", 4}, {"sensors", 5}, {"fireBit", 2}};

int intAt(const QJsonObject &object, const char *key, int defaultValue)
{
    return object.value(QLatin1StringView(key)).toInt(defaultValue);
}

QString textAt(const QJsonObject &object, const char *key, const QString &defaultValue)
{
    return object.value(QLatin1StringView(key)).toString(defaultValue);
}

QString hex4(int value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0'));
}

} // namespace

GateEditor::GateEditor(GateSetup &setup, QWidget *parent) : QWidget(parent), m_setup(setup)
{
    setObjectName(QStringLiteral("gateEditor"));
    buildUi();
    retranslate();
    refreshSerialPorts();
    newGate();
}

QSpinBox *GateEditor::addSpin(QFormLayout *form, const QString &objectName, const char *gateField, const char *label,
    int min, int max, const char *suffix)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(objectName);
    spin->setProperty(kFieldProperty, QString::fromLatin1(gateField));
    spin->setRange(min, max);
    if (suffix)
        spin->setSuffix(QString::fromLatin1(suffix));
    connect(spin, &QSpinBox::valueChanged, this, &GateEditor::fieldEdited);
    addRow(form, spin, label);
    return spin;
}

QComboBox *GateEditor::addCombo(QFormLayout *form, const QString &objectName, const char *gateField, const char *label)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->setProperty(kFieldProperty, QString::fromLatin1(gateField));
    // Long choices ("Turnstile controller (Modbus registers)") must not widen the whole form.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(14);
    connect(combo, &QComboBox::currentIndexChanged, this, &GateEditor::fieldEdited);
    addRow(form, combo, label);
    return combo;
}

void GateEditor::addRow(QFormLayout *form, QWidget *fieldWidget, const char *label)
{
    auto *caption = new QLabel(this);
    caption->setBuddy(fieldWidget);
    form->addRow(caption, fieldWidget);
    m_rows.append(Row {form, fieldWidget, label, caption});
    if (fieldWidget->property(kFieldProperty).isValid())
        m_fields.append(fieldWidget);
}

void GateEditor::buildUi()
{
    m_gateForm = new QFormLayout;
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("gateNameLineEdit"));
    m_nameEdit->setProperty(kFieldProperty, QStringLiteral("name"));
    m_nameEdit->setMaxLength(80);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &GateEditor::fieldEdited);
    addRow(m_gateForm, m_nameEdit, QT_TR_NOOP("&Name:"));
    m_zoneCombo = addCombo(m_gateForm, QStringLiteral("gateZoneComboBox"), "zoneId", QT_TR_NOOP("&Zone:"));
    m_directionCombo
        = addCombo(m_gateForm, QStringLiteral("gateDirectionComboBox"), "direction", QT_TR_NOOP("&Direction:"));
    m_failModeCombo
        = addCombo(m_gateForm, QStringLiteral("gateFailModeComboBox"), "failMode", QT_TR_NOOP("&When offline:"));

    m_profileGroup = new QGroupBox(this);
    m_profileGroup->setObjectName(QStringLiteral("gateControllerGroupBox"));
    m_profileForm = new QFormLayout(m_profileGroup);
    m_kindCombo = addCombo(m_profileForm, QStringLiteral("gateKindComboBox"), "profile.kind", QT_TR_NOOP("&Kind:"));
    m_slaveIdSpin = addSpin(
        m_profileForm, QStringLiteral("gateSlaveIdSpinBox"), "profile.slaveId", QT_TR_NOOP("&Slave id:"), 1, 247);
    m_pollPeriodSpin = addSpin(m_profileForm, QStringLiteral("gatePollPeriodSpinBox"), "profile.pollPeriodMs",
        QT_TR_NOOP("&Poll every:"), 20, 1000, " ms");
    m_timeoutSpin = addSpin(m_profileForm, QStringLiteral("gateTimeoutSpinBox"), "profile.timeoutMs",
        QT_TR_NOOP("Answer &timeout:"), 10, 10000, " ms");
    m_pulseSpin = addSpin(m_profileForm, QStringLiteral("gatePulseSpinBox"), "profile.pulseMs",
        QT_TR_NOOP("Open p&ulse:"), 50, 10000, " ms");
    m_passTimeoutSpin = addSpin(m_profileForm, QStringLiteral("gatePassTimeoutSpinBox"), "profile.passTimeoutMs",
        QT_TR_NOOP("Wait for the &person:"), 1000, 120000, " ms");
    m_pollPeriodSpin->setSingleStep(10);
    m_timeoutSpin->setSingleStep(50);
    m_pulseSpin->setSingleStep(100);
    m_passTimeoutSpin->setSingleStep(1000);
    // The kind decides the lines and fields there are: those change before the check runs.
    disconnect(m_kindCombo, &QComboBox::currentIndexChanged, this, &GateEditor::fieldEdited);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        fillTransports();
        updateVisibleFields();
        fieldEdited();
    });

    m_transportGroup = new QGroupBox(this);
    m_transportGroup->setObjectName(QStringLiteral("gateTransportGroupBox"));
    m_transportForm = new QFormLayout(m_transportGroup);
    m_transportCombo = addCombo(
        m_transportForm, QStringLiteral("gateTransportComboBox"), "profile.transport.type", QT_TR_NOOP("&Line:"));
    disconnect(m_transportCombo, &QComboBox::currentIndexChanged, this, &GateEditor::fieldEdited);
    connect(m_transportCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        updateVisibleFields();
        fieldEdited();
    });
    m_hostEdit = new QLineEdit(this);
    m_hostEdit->setObjectName(QStringLiteral("gateHostLineEdit"));
    m_hostEdit->setProperty(kFieldProperty, QStringLiteral("profile.transport.host"));
    connect(m_hostEdit, &QLineEdit::textChanged, this, &GateEditor::fieldEdited);
    addRow(m_transportForm, m_hostEdit, QT_TR_NOOP("&Host:"));
    m_portSpin = addSpin(
        m_transportForm, QStringLiteral("gatePortSpinBox"), "profile.transport.port", QT_TR_NOOP("&Port:"), 1, 65535);

    m_deviceRow = new QWidget(this);
    m_deviceCombo = new QComboBox(m_deviceRow);
    m_deviceCombo->setObjectName(QStringLiteral("gateDeviceComboBox"));
    m_deviceCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_deviceCombo->setMinimumContentsLength(14);
    m_deviceCombo->setProperty(kFieldProperty, QStringLiteral("profile.transport.device"));
    m_deviceCombo->setEditable(true);
    m_deviceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_deviceCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_deviceCombo->setMinimumContentsLength(24);
    connect(m_deviceCombo, &QComboBox::currentTextChanged, this, &GateEditor::fieldEdited);
    m_refreshPortsButton = new QToolButton(m_deviceRow);
    m_refreshPortsButton->setObjectName(QStringLiteral("gateRefreshPortsToolButton"));
    connect(m_refreshPortsButton, &QToolButton::clicked, this, &GateEditor::refreshSerialPorts);
    auto *deviceLayout = new QHBoxLayout(m_deviceRow);
    deviceLayout->setContentsMargins(0, 0, 0, 0);
    deviceLayout->addWidget(m_deviceCombo, 1);
    deviceLayout->addWidget(m_refreshPortsButton);
    addRow(m_transportForm, m_deviceRow, QT_TR_NOOP("&Device:"));
    m_fields.append(m_deviceCombo);
    m_baudCombo
        = addCombo(m_transportForm, QStringLiteral("gateBaudComboBox"), "profile.transport.baud", QT_TR_NOOP("&Baud:"));
    m_parityCombo = addCombo(
        m_transportForm, QStringLiteral("gateParityComboBox"), "profile.transport.parity", QT_TR_NOOP("P&arity:"));
    m_dataBitsCombo = addCombo(m_transportForm, QStringLiteral("gateDataBitsComboBox"), "profile.transport.dataBits",
        QT_TR_NOOP("Data &bits:"));
    m_stopBitsCombo = addCombo(m_transportForm, QStringLiteral("gateStopBitsComboBox"), "profile.transport.stopBits",
        QT_TR_NOOP("St&op bits:"));
    m_rtsCombo = addCombo(m_transportForm, QStringLiteral("gateRs485RtsComboBox"), "profile.transport.rs485Rts",
        QT_TR_NOOP("RS-485 &RTS:"));

    buildRelayGroup();
    buildRegistersGroup();

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("gateErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_gateForm);
    layout->addWidget(m_profileGroup);
    layout->addWidget(m_transportGroup);
    layout->addWidget(m_relayGroup);
    layout->addWidget(m_registersGroup);
    layout->addWidget(m_errorLabel);
    layout->addStretch(1);
}

void GateEditor::buildRelayGroup()
{
    m_relayGroup = new QGroupBox(this);
    m_relayGroup->setObjectName(QStringLiteral("gateRelayGroupBox"));
    auto *form = new QFormLayout(m_relayGroup);
    m_entryCoilSpin = addSpin(
        form, QStringLiteral("gateEntryCoilSpinBox"), "profile.relay.entryCoil", QT_TR_NOOP("Entry coil:"), 0, 65535);
    m_exitCoilSpin = addSpin(
        form, QStringLiteral("gateExitCoilSpinBox"), "profile.relay.exitCoil", QT_TR_NOOP("Exit coil:"), 0, 65535);
    m_entryInputSpin = addSpin(form, QStringLiteral("gateEntryInputSpinBox"), "profile.relay.entryInput",
        QT_TR_NOOP("Entry passage input:"), 0, 65535);
    m_exitInputSpin = addSpin(form, QStringLiteral("gateExitInputSpinBox"), "profile.relay.exitInput",
        QT_TR_NOOP("Exit passage input:"), 0, 65535);
    m_fireInputSpin = addSpin(form, QStringLiteral("gateFireInputSpinBox"), "profile.relay.fireInput",
        QT_TR_NOOP("Fire alarm input:"), -1, 65535);
    m_fireContactCombo = addCombo(
        form, QStringLiteral("gateFireContactComboBox"), "profile.relay.fireContact", QT_TR_NOOP("Fire contact:"));
    m_tamperInputSpin = addSpin(form, QStringLiteral("gateTamperInputSpinBox"), "profile.relay.tamperInput",
        QT_TR_NOOP("Tamper input:"), -1, 65535);
}

void GateEditor::buildRegistersGroup()
{
    m_registersGroup = new QGroupBox(this);
    m_registersGroup->setObjectName(QStringLiteral("gateRegistersGroupBox"));
    auto *form = new QFormLayout(m_registersGroup);
    m_entryPermissionSpin = addSpin(form, QStringLiteral("gateEntryPermissionSpinBox"),
        "profile.registers.entryPermission", QT_TR_NOOP("Entry permission (holding):"), 0, 65535);
    m_exitPermissionSpin = addSpin(form, QStringLiteral("gateExitPermissionSpinBox"),
        "profile.registers.exitPermission", QT_TR_NOOP("Exit permission (holding):"), 0, 65535);
    m_modeSpin = addSpin(
        form, QStringLiteral("gateModeSpinBox"), "profile.registers.mode", QT_TR_NOOP("Mode (holding):"), 0, 65535);
    m_passTimeSpin = addSpin(form, QStringLiteral("gatePassTimeSpinBox"), "profile.registers.passTime",
        QT_TR_NOOP("Pass time (holding):"), 0, 65535);
    m_entryCounterSpin = addSpin(form, QStringLiteral("gateEntryCounterSpinBox"), "profile.registers.entryCounter",
        QT_TR_NOOP("Entry counter (input, 2 registers):"), 0, 65534);
    m_exitCounterSpin = addSpin(form, QStringLiteral("gateExitCounterSpinBox"), "profile.registers.exitCounter",
        QT_TR_NOOP("Exit counter (input, 2 registers):"), 0, 65534);
    m_errorCodeSpin = addSpin(form, QStringLiteral("gateErrorCodeSpinBox"), "profile.registers.errorCode",
        QT_TR_NOOP("Error code (input):"), 0, 65535);
    m_sensorsSpin = addSpin(form, QStringLiteral("gateSensorsSpinBox"), "profile.registers.sensors",
        QT_TR_NOOP("Sensors (input):"), 0, 65535);
    m_fireBitSpin = addSpin(
        form, QStringLiteral("gateFireBitSpinBox"), "profile.registers.fireBit", QT_TR_NOOP("Fire bit:"), 0, 15);
}

void GateEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GateEditor::retranslate()
{
    for (const Row &row : std::as_const(m_rows))
        row.labelWidget->setText(tr(row.label));
    m_profileGroup->setTitle(tr("Controller"));
    m_transportGroup->setTitle(tr("Connection"));
    m_relayGroup->setTitle(tr("Relay board addresses"));
    m_registersGroup->setTitle(tr("Turnstile registers"));
    m_nameEdit->setPlaceholderText(tr("e.g. North entrance"));
    m_hostEdit->setPlaceholderText(tr("Host name or IP address"));
    m_deviceCombo->lineEdit()->setPlaceholderText(tr("/dev/ttyUSB0"));
    m_refreshPortsButton->setText(tr("Refresh"));
    m_refreshPortsButton->setToolTip(tr("Look for serial ports again (after plugging in an adapter)"));
    m_fireInputSpin->setSpecialValueText(tr("Not wired"));
    m_tamperInputSpin->setSpecialValueText(tr("Not wired"));
    m_pulseSpin->setToolTip(tr("Relay: how long the coil stays on. Serial text board: the OPEN duration."));
    m_rtsCombo->setToolTip(tr("Keep \"None\" unless the adapter switches its transmitter with RTS."));
    m_fireContactCombo->setToolTip(tr("Normally closed fails safe: a broken wire also opens the gates."));
    fillChoices();
    validate();
}

void GateEditor::selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

// The combos' texts are translated: refilled on a language change, keeping what was chosen.
void GateEditor::fillChoices()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const auto refill = [](QComboBox *combo, const QList<std::pair<QString, QVariant>> &items) {
        const QVariant chosen = combo->currentData();
        combo->clear();
        for (const auto &[text, value] : items)
            combo->addItem(text, value);
        const int index = chosen.isValid() ? combo->findData(chosen) : -1;
        combo->setCurrentIndex(qMax(0, index));
    };
    refill(m_directionCombo,
        {{tr("In (entry only)"), int(GateDirection::In)}, {tr("Out (exit only)"), int(GateDirection::Out)},
            {tr("Both ways"), int(GateDirection::Both)}});
    refill(m_failModeCombo,
        {{tr("Fail secure (stays locked)"), int(GateFailMode::Secure)},
            {tr("Fail open (lets people through)"), int(GateFailMode::Open)}});
    refill(m_kindCombo,
        {{tr("Turnstile controller (Modbus registers)"), kTurnstile}, {tr("Relay / IO board (Modbus coils)"), kRelay},
            {tr("Serial text board"), kSerialText}});
    QList<std::pair<QString, QVariant>> bauds;
    for (int baud : {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200})
        bauds.append({QString::number(baud), baud});
    refill(m_baudCombo, bauds);
    refill(m_parityCombo,
        {{tr("None (N)"), QStringLiteral("N")}, {tr("Even (E)"), QStringLiteral("E")},
            {tr("Odd (O)"), QStringLiteral("O")}});
    refill(m_dataBitsCombo, {{QStringLiteral("8"), 8}, {QStringLiteral("7"), 7}});
    refill(m_stopBitsCombo, {{QStringLiteral("1"), 1}, {QStringLiteral("2"), 2}});
    refill(m_rtsCombo,
        {{tr("None (the adapter switches itself)"), QStringLiteral("none")},
            {tr("RTS up while sending"), QStringLiteral("up")},
            {tr("RTS down while sending (inverted)"), QStringLiteral("down")}});
    refill(m_fireContactCombo,
        {{tr("Normally open (closes on alarm)"), QStringLiteral("NO")},
            {tr("Normally closed (opens on alarm)"), QStringLiteral("NC")}});
    fillTransports();
    m_loading = wasLoading;
}

// The lines a kind can use: Modbus for the Modbus kinds, a plain serial port for text boards.
void GateEditor::fillTransports()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QString chosen = transport();
    m_transportCombo->clear();
    if (kind() == kSerialText) {
        m_transportCombo->addItem(tr("Serial port"), kSerial);
    } else {
        m_transportCombo->addItem(tr("Modbus TCP (network)"), kModbusTcp);
        m_transportCombo->addItem(tr("Modbus RTU (RS-485 serial)"), kModbusRtu);
    }
    m_transportCombo->setCurrentIndex(qMax(0, m_transportCombo->findData(chosen)));
    m_loading = wasLoading;
}

void GateEditor::refreshSerialPorts()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QString current = device();
    m_deviceCombo->clear();
    for (const SerialPortChoice &port : m_setup.serialPorts()) {
        QString text = port.device;
        if (!port.description.isEmpty())
            text += QStringLiteral(" — ") + port.description;
        if (port.vendorId >= 0 && port.productId >= 0)
            text += QStringLiteral(" (VID:PID %1:%2)").arg(hex4(port.vendorId), hex4(port.productId));
        m_deviceCombo->addItem(text, port.device);
        QStringList details {port.systemLocation, port.manufacturer};
        if (!port.serialNumber.isEmpty())
            details.append(tr("serial number %1").arg(port.serialNumber));
        details.removeAll(QString());
        m_deviceCombo->setItemData(m_deviceCombo->count() - 1, details.join(QStringLiteral(", ")), Qt::ToolTipRole);
    }
    const int index = m_deviceCombo->findData(current);
    m_deviceCombo->setCurrentIndex(index);
    if (index < 0)
        m_deviceCombo->setEditText(current);
    m_loading = wasLoading;
    validate();
}

void GateEditor::setZones(const QList<GateZoneChoice> &zones)
{
    m_zones = zones;
    const bool wasLoading = m_loading;
    m_loading = true;
    const QVariant chosen = m_zoneCombo->currentData();
    m_zoneCombo->clear();
    for (const GateZoneChoice &zone : zones)
        m_zoneCombo->addItem(zone.name, zone.id);
    m_zoneCombo->setCurrentIndex(qMax(0, m_zoneCombo->findData(chosen)));
    m_loading = wasLoading;
    validate();
}

void GateEditor::newGate()
{
    GateConfig gate;
    gate.profile = QJsonObject {{QStringLiteral("kind"), kTurnstile},
        {QStringLiteral("transport"),
            QJsonObject {{QStringLiteral("type"), kModbusTcp}, {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), 502}}}};
    gate.zoneId = m_zones.isEmpty() ? QString() : m_zones.first().id;
    loadGate(gate);
}

void GateEditor::loadGate(const GateConfig &gate)
{
    m_loading = true;
    m_gate = gate;
    m_nameEdit->setText(gate.name);
    m_zoneCombo->setCurrentIndex(m_zoneCombo->findData(gate.zoneId));
    selectData(m_directionCombo, int(gate.direction));
    selectData(m_failModeCombo, int(gate.failMode));
    m_loading = false;
    loadProfile(gate.profile);
}

void GateEditor::loadProfile(const QJsonObject &profile)
{
    m_loading = true;
    selectData(m_kindCombo, profile.value(QStringLiteral("kind")).toString());
    fillTransports();
    const QJsonObject transportJson = profile.value(QStringLiteral("transport")).toObject();
    selectData(m_transportCombo, transportJson.value(QStringLiteral("type")).toString());
    m_slaveIdSpin->setValue(intAt(profile, "slaveId", 1));
    m_pollPeriodSpin->setValue(intAt(profile, "pollPeriodMs", 30));
    m_timeoutSpin->setValue(intAt(profile, "timeoutMs", 500));
    m_pulseSpin->setValue(intAt(profile, "pulseMs", 500));
    m_passTimeoutSpin->setValue(intAt(profile, "passTimeoutMs", 10000));

    m_hostEdit->setText(textAt(transportJson, "host", QStringLiteral("127.0.0.1")));
    m_portSpin->setValue(intAt(transportJson, "port", 502));
    const QString deviceName = textAt(transportJson, "device", QString());
    const int deviceIndex = deviceName.isEmpty() ? -1 : m_deviceCombo->findData(deviceName);
    m_deviceCombo->setCurrentIndex(deviceIndex);
    if (deviceIndex < 0)
        m_deviceCombo->setEditText(deviceName);
    selectData(m_baudCombo, intAt(transportJson, "baud", 9600));
    selectData(m_parityCombo, textAt(transportJson, "parity", QStringLiteral("N")));
    selectData(m_dataBitsCombo, intAt(transportJson, "dataBits", 8));
    selectData(m_stopBitsCombo, intAt(transportJson, "stopBits", 1));
    selectData(m_rtsCombo, textAt(transportJson, "rs485Rts", QStringLiteral("none")));

    const QJsonObject relay = profile.value(QStringLiteral("relay")).toObject();
    QSpinBox *const relaySpins[]
        = {m_entryCoilSpin, m_exitCoilSpin, m_entryInputSpin, m_exitInputSpin, m_fireInputSpin, m_tamperInputSpin};
    for (size_t i = 0; i < std::size(kRelayFields); ++i)
        relaySpins[i]->setValue(intAt(relay, kRelayFields[i].key, kRelayFields[i].defaultValue));
    selectData(m_fireContactCombo, textAt(relay, "fireContact", QStringLiteral("NO")));

    const QJsonObject registers = profile.value(QStringLiteral("registers")).toObject();
    QSpinBox *const registerSpins[] = {m_entryPermissionSpin, m_exitPermissionSpin, m_modeSpin, m_passTimeSpin,
        m_entryCounterSpin, m_exitCounterSpin, m_errorCodeSpin, m_sensorsSpin, m_fireBitSpin};
    for (size_t i = 0; i < std::size(kRegisterFields); ++i)
        registerSpins[i]->setValue(intAt(registers, kRegisterFields[i].key, kRegisterFields[i].defaultValue));
    m_loading = false;
    updateVisibleFields();
    validate();
}

QString GateEditor::kind() const
{
    return m_kindCombo->currentData().toString();
}

QString GateEditor::transport() const
{
    return m_transportCombo->currentData().toString();
}

// A port picked from the list stands for its device path; anything typed is taken as it is.
QString GateEditor::device() const
{
    const QString text = m_deviceCombo->currentText().trimmed();
    const int index = m_deviceCombo->findText(text);
    if (index >= 0 && !m_deviceCombo->itemData(index).toString().isEmpty())
        return m_deviceCombo->itemData(index).toString();
    return text;
}

QJsonObject GateEditor::profile() const
{
    QJsonObject transportJson {{QStringLiteral("type"), transport()}};
    if (transport() == kModbusTcp) {
        transportJson.insert(QStringLiteral("host"), m_hostEdit->text().trimmed());
        transportJson.insert(QStringLiteral("port"), m_portSpin->value());
    } else {
        transportJson.insert(QStringLiteral("device"), device());
        transportJson.insert(QStringLiteral("baud"), m_baudCombo->currentData().toInt());
        transportJson.insert(QStringLiteral("parity"), m_parityCombo->currentData().toString());
        transportJson.insert(QStringLiteral("dataBits"), m_dataBitsCombo->currentData().toInt());
        transportJson.insert(QStringLiteral("stopBits"), m_stopBitsCombo->currentData().toInt());
        transportJson.insert(QStringLiteral("rs485Rts"), m_rtsCombo->currentData().toString());
    }
    QJsonObject result {{QStringLiteral("kind"), kind()}, {QStringLiteral("transport"), transportJson},
        {QStringLiteral("pollPeriodMs"), m_pollPeriodSpin->value()},
        {QStringLiteral("timeoutMs"), m_timeoutSpin->value()}, {QStringLiteral("pulseMs"), m_pulseSpin->value()},
        {QStringLiteral("passTimeoutMs"), m_passTimeoutSpin->value()}};
    if (kind() != kSerialText)
        result.insert(QStringLiteral("slaveId"), m_slaveIdSpin->value());
    if (kind() == kRelay) {
        const QSpinBox *const spins[]
            = {m_entryCoilSpin, m_exitCoilSpin, m_entryInputSpin, m_exitInputSpin, m_fireInputSpin, m_tamperInputSpin};
        QJsonObject relay {{QStringLiteral("fireContact"), m_fireContactCombo->currentData().toString()}};
        for (size_t i = 0; i < std::size(kRelayFields); ++i)
            relay.insert(QLatin1StringView(kRelayFields[i].key), spins[i]->value());
        result.insert(QStringLiteral("relay"), relay);
    } else if (kind() == kTurnstile) {
        const QSpinBox *const spins[] = {m_entryPermissionSpin, m_exitPermissionSpin, m_modeSpin, m_passTimeSpin,
            m_entryCounterSpin, m_exitCounterSpin, m_errorCodeSpin, m_sensorsSpin, m_fireBitSpin};
        QJsonObject registers;
        for (size_t i = 0; i < std::size(kRegisterFields); ++i)
            registers.insert(QLatin1StringView(kRegisterFields[i].key), spins[i]->value());
        result.insert(QStringLiteral("registers"), registers);
    }
    return result;
}

GateConfig GateEditor::gate() const
{
    GateConfig gate = m_gate;
    gate.name = m_nameEdit->text().trimmed();
    gate.zoneId = m_zoneCombo->currentData().toString();
    gate.direction = GateDirection(m_directionCombo->currentData().toInt());
    gate.failMode = GateFailMode(m_failModeCombo->currentData().toInt());
    gate.profile = profile();
    return gate;
}

Status GateEditor::check() const
{
    return m_setup.checkGate(gate());
}

QString GateEditor::errorText() const
{
    return m_errorLabel->text();
}

void GateEditor::updateVisibleFields()
{
    const QString k = kind();
    const bool tcp = transport() == kModbusTcp;
    const auto show = [](QFormLayout *form, QWidget *widget, bool visible) {
        form->setRowVisible(widget, visible);
        widget->setEnabled(visible);
    };
    show(m_profileForm, m_slaveIdSpin, k != kSerialText);
    show(m_transportForm, m_hostEdit, tcp);
    show(m_transportForm, m_portSpin, tcp);
    show(m_transportForm, m_deviceRow, !tcp);
    for (QWidget *serialField : {m_baudCombo, m_parityCombo, m_dataBitsCombo, m_stopBitsCombo, m_rtsCombo})
        show(m_transportForm, serialField, !tcp);
    m_relayGroup->setVisible(k == kRelay);
    m_relayGroup->setEnabled(k == kRelay);
    m_registersGroup->setVisible(k == kTurnstile);
    m_registersGroup->setEnabled(k == kTurnstile);
}

void GateEditor::fieldEdited()
{
    if (m_loading)
        return;
    emit edited();
    validate();
}

void GateEditor::validate()
{
    if (m_loading)
        return;
    const Status checked = check();
    markField(checked ? QString() : checked.error().field);
    m_errorLabel->setText(checked ? QString() : checked.error().message);
    const bool wasValid = m_valid;
    m_valid = checked.has_value();
    if (wasValid != m_valid)
        emit validityChanged(m_valid);
}

void GateEditor::showError(const Error &error, bool withField)
{
    markField(error.field);
    m_errorLabel->setText(
        withField && !error.field.isEmpty() ? tr("%1: %2").arg(error.field, error.message) : error.message);
}

void GateEditor::clearError()
{
    markField(QString());
    m_errorLabel->clear();
}

// A profile error names the profile's own path ("transport.baud"), a gate error the gate's
// ("profile.transport.baud"); an error on a whole section ("profile.relay") marks its first field.
void GateEditor::markField(const QString &errorField)
{
    QString wanted = errorField;
    const bool gateLevel = wanted.isEmpty() || wanted.startsWith(QLatin1String("profile"))
        || std::any_of(m_fields.cbegin(), m_fields.cend(),
            [&](const QWidget *w) { return w->property(kFieldProperty).toString() == wanted; });
    if (!gateLevel)
        wanted = QStringLiteral("profile.") + wanted;
    QWidget *marked = nullptr;
    for (QWidget *widget : std::as_const(m_fields)) {
        if (!wanted.isEmpty() && widget->property(kFieldProperty).toString() == wanted)
            marked = widget;
    }
    if (!marked && !wanted.isEmpty()) {
        for (QWidget *widget : std::as_const(m_fields)) {
            if (widget->isEnabled()
                && widget->property(kFieldProperty).toString().startsWith(wanted + QLatin1Char('.'))) {
                marked = widget;
                break;
            }
        }
    }
    for (QWidget *widget : std::as_const(m_fields)) {
        const bool bad = widget == marked;
        if (widget->property(kErrorProperty).toBool() == bad)
            continue;
        widget->setProperty(kErrorProperty, bad);
        widget->setStyleSheet(bad ? QStringLiteral("border: 1px solid #b00020;") : QString());
    }
}

} // namespace gymgate
