// The technician's gate editor on its own: the profile it builds has exactly the keys its kind
// and transport use, a profile loaded comes back unchanged, the checker's error marks the
// widget whose "gateField" names its field, and serial ports show what they are but give their
// path. The checks themselves are SqlGateSetup's (tests/tech/tst_gatesetup.cpp); here a
// recording GateSetup answers with the error a test sets, so the editor's side can fail alone.
#include "ui/WidgetTestSupport.h"
#include "ui/desk/GateEditor.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace gymgate;
using namespace gymgate::test;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// Answers checkGate with `nextError` (none: valid) and remembers what it was asked.
class RecordingGateSetup final : public GateSetup {
public:
    std::optional<Error> nextError;
    QList<SerialPortChoice> ports;
    mutable QList<GateConfig> checked;

    Result<QList<GateListEntry>> gates(const StaffSession &) override { return QList<GateListEntry>(); }
    Result<QList<GateZoneChoice>> zones(const StaffSession &) override { return QList<GateZoneChoice>(); }
    QList<SerialPortChoice> serialPorts() const override { return ports; }
    Status checkProfile(const QJsonObject &) const override { return {}; }
    Status checkGate(const GateConfig &gate) const override
    {
        checked.append(gate);
        if (nextError)
            return std::unexpected(*nextError);
        return {};
    }
    Result<QJsonObject> normalizedProfile(const QJsonObject &profile) const override { return profile; }
    Result<GateConfig> saveGate(const StaffSession &, const GateConfig &gate) override { return gate; }
    Status deleteGate(const StaffSession &, const QString &) override { return {}; }
    Result<GateConfig> duplicateGate(const StaffSession &, const QString &) override
    {
        return fail(ErrorCode::NotFound, QStringLiteral("no gate"));
    }
    Result<QJsonObject> readProfileFile(const QByteArray &) const override { return QJsonObject(); }
    QByteArray profileFile(const QJsonObject &profile) const override { return QJsonDocument(profile).toJson(); }
    Result<QByteArray> exportGates(const StaffSession &, const QStringList &) override { return QByteArray(); }
    Result<QList<GateConfig>> importGates(const StaffSession &, const QByteArray &) override
    {
        return QList<GateConfig>();
    }
};

bool marked(QObject *parent, const char *name)
{
    QWidget *widget = parent->findChild<QWidget *>(QString::fromLatin1(name));
    return widget && widget->property("gateFieldError").toBool();
}

void choose(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(index);
}

} // namespace

class TestGateEditor : public QObject {
    Q_OBJECT

private slots:
    void newGateIsTurnstileOverTcp();
    void profileHasOnlyTheKeysItsKindAndTransportUse_data();
    void profileHasOnlyTheKeysItsKindAndTransportUse();
    void loadedProfileComesBackUnchanged_data();
    void loadedProfileComesBackUnchanged();
    void checkerErrorMarksTheNamedField();
    void fileErrorNamesTheProfilePath();
    void serialPortShowsWhatItIsAndGivesItsPath();
};

void TestGateEditor::newGateIsTurnstileOverTcp()
{
    RecordingGateSetup setup;
    GateEditor editor(setup);
    editor.setZones({{QStringLiteral("v1"), QStringLiteral("Gym floor")}});
    editor.newGate();
    editor.show();
    const GateConfig gate = editor.gate();
    QVERIFY(gate.id.isEmpty());
    QCOMPARE(gate.zoneId, QStringLiteral("v1"));
    QCOMPARE(gate.direction, GateDirection::In);
    QCOMPARE(gate.failMode, GateFailMode::Secure);
    QCOMPARE(gate.profile.value(QStringLiteral("kind")).toString(), QStringLiteral("turnstile-registers"));
    QCOMPARE(gate.profile.value(QStringLiteral("transport")).toObject(),
        json(R"({"type": "modbus-tcp", "host": "127.0.0.1", "port": 502})"));
    QVERIFY(child<QWidget>(&editor, "gateRegistersGroupBox")->isVisible());
    QVERIFY(!child<QWidget>(&editor, "gateRelayGroupBox")->isVisible());
    QVERIFY(!child<QWidget>(&editor, "gateBaudComboBox")->isVisible());
    QVERIFY(child<QWidget>(&editor, "gateHostLineEdit")->isVisible());
    QVERIFY(!setup.checked.isEmpty());
    QVERIFY(editor.isValid());
}

void TestGateEditor::profileHasOnlyTheKeysItsKindAndTransportUse_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("transport");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("transportKeys");
    const QStringList common {QStringLiteral("kind"), QStringLiteral("passTimeoutMs"), QStringLiteral("pollPeriodMs"),
        QStringLiteral("pulseMs"), QStringLiteral("timeoutMs"), QStringLiteral("transport")};
    const QStringList tcp {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("type")};
    const QStringList serial {QStringLiteral("baud"), QStringLiteral("dataBits"), QStringLiteral("device"),
        QStringLiteral("parity"), QStringLiteral("rs485Rts"), QStringLiteral("stopBits"), QStringLiteral("type")};
    const auto with = [&](QStringList extra) {
        extra += common;
        extra.sort();
        return extra;
    };
    QTest::newRow("turnstile tcp") << "turnstile-registers"
                                   << "modbus-tcp" << with({QStringLiteral("registers"), QStringLiteral("slaveId")})
                                   << tcp;
    QTest::newRow("relay rtu") << "relay"
                               << "modbus-rtu" << with({QStringLiteral("relay"), QStringLiteral("slaveId")}) << serial;
    QTest::newRow("relay tcp") << "relay"
                               << "modbus-tcp" << with({QStringLiteral("relay"), QStringLiteral("slaveId")}) << tcp;
    QTest::newRow("serial text") << "serial-text"
                                 << "serial" << with({}) << serial;
}

void TestGateEditor::profileHasOnlyTheKeysItsKindAndTransportUse()
{
    QFETCH(QString, kind);
    QFETCH(QString, transport);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, transportKeys);
    RecordingGateSetup setup;
    GateEditor editor(setup);
    editor.show();
    choose(child<QComboBox>(&editor, "gateKindComboBox"), kind);
    choose(child<QComboBox>(&editor, "gateTransportComboBox"), transport);
    const QJsonObject profile = editor.profile();
    QCOMPARE(keysOf(profile), keys);
    QCOMPARE(keysOf(profile.value(QStringLiteral("transport")).toObject()), transportKeys);
    // What the checker saw is what the form shows.
    QCOMPARE(setup.checked.last().profile, profile);
    QCOMPARE(child<QWidget>(&editor, "gateSlaveIdSpinBox")->isVisible(), kind != QLatin1String("serial-text"));
    QCOMPARE(child<QWidget>(&editor, "gateRelayGroupBox")->isVisible(), kind == QLatin1String("relay"));
    QCOMPARE(child<QWidget>(&editor, "gateDeviceComboBox")->isVisible(), transport != QLatin1String("modbus-tcp"));
}

void TestGateEditor::loadedProfileComesBackUnchanged_data()
{
    QTest::addColumn<QByteArray>("profile");
    // The docs' examples (docs/HARDWARE.md), every field written out.
    QTest::newRow("relay rtu") << QByteArray(R"({"kind": "relay",
        "transport": {"type": "modbus-rtu", "device": "/dev/ttyUSB1", "baud": 19200, "parity": "E",
                      "dataBits": 8, "stopBits": 1, "rs485Rts": "up"},
        "slaveId": 17, "pollPeriodMs": 40, "timeoutMs": 300, "pulseMs": 800, "passTimeoutMs": 15000,
        "relay": {"entryCoil": 4, "exitCoil": 5, "entryInput": 8, "exitInput": 9, "fireInput": 10,
                  "fireContact": "NC", "tamperInput": -1}})");
    QTest::newRow("turnstile tcp") << QByteArray(R"({"kind": "turnstile-registers",
        "transport": {"type": "modbus-tcp", "host": "192.168.1.40", "port": 1502},
        "slaveId": 3, "pollPeriodMs": 25, "timeoutMs": 250, "pulseMs": 500, "passTimeoutMs": 8000,
        "registers": {"entryPermission": 100, "exitPermission": 101, "mode": 102, "passTime": 103,
                      "entryCounter": 200, "exitCounter": 202, "errorCode": 204, "sensors": 205, "fireBit": 6}})");
    QTest::newRow("serial text") << QByteArray(R"({"kind": "serial-text",
        "transport": {"type": "serial", "device": "/dev/ttyACM0", "baud": 115200, "parity": "N",
                      "dataBits": 7, "stopBits": 2, "rs485Rts": "down"},
        "pollPeriodMs": 50, "timeoutMs": 1000, "pulseMs": 1200, "passTimeoutMs": 20000})");
}

void TestGateEditor::loadedProfileComesBackUnchanged()
{
    QFETCH(QByteArray, profile);
    RecordingGateSetup setup;
    GateEditor editor(setup);
    const QJsonObject expected = json(profile.constData());
    QVERIFY(!expected.isEmpty());
    GateConfig gate;
    gate.id = QStringLiteral("gate-1");
    gate.name = QStringLiteral("North");
    gate.direction = GateDirection::Both;
    gate.failMode = GateFailMode::Open;
    gate.profile = expected;
    editor.loadGate(gate);
    QCOMPARE(editor.profile(), expected);
    QCOMPARE(editor.gateId(), QStringLiteral("gate-1"));
    QCOMPARE(editor.gate().direction, GateDirection::Both);
    QCOMPARE(editor.gate().failMode, GateFailMode::Open);
    QCOMPARE(child<QLineEdit>(&editor, "gateNameLineEdit")->text(), QStringLiteral("North"));
}

void TestGateEditor::checkerErrorMarksTheNamedField()
{
    RecordingGateSetup setup;
    GateEditor editor(setup);
    editor.show();
    choose(child<QComboBox>(&editor, "gateKindComboBox"), QStringLiteral("relay"));
    QVERIFY(editor.isValid());
    QSignalSpy validity(&editor, &GateEditor::validityChanged);
    setup.nextError = Error {ErrorCode::InvalidArgument, QStringLiteral("The exit coil overlaps the entry coil."),
        QStringLiteral("profile.relay.exitCoil")};
    child<QSpinBox>(&editor, "gateExitCoilSpinBox")->setValue(0);
    QCOMPARE(setup.checked.last().profile.value(QStringLiteral("relay")).toObject().value(QStringLiteral("exitCoil")),
        QJsonValue(0));
    QVERIFY(!editor.isValid());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.first().first().toBool(), false);
    QCOMPARE(
        child<QLabel>(&editor, "gateErrorLabel")->text(), QStringLiteral("The exit coil overlaps the entry coil."));
    QVERIFY(marked(&editor, "gateExitCoilSpinBox"));
    QVERIFY(!marked(&editor, "gateEntryCoilSpinBox"));

    setup.nextError
        = Error {ErrorCode::InvalidArgument, QStringLiteral("Give the gate a name."), QStringLiteral("name")};
    child<QLineEdit>(&editor, "gateNameLineEdit")->setText(QStringLiteral(" "));
    QVERIFY(marked(&editor, "gateNameLineEdit"));
    QVERIFY(!marked(&editor, "gateExitCoilSpinBox"));

    setup.nextError.reset();
    child<QLineEdit>(&editor, "gateNameLineEdit")->setText(QStringLiteral("North"));
    QCOMPARE(setup.checked.last().name, QStringLiteral("North"));
    QVERIFY(editor.isValid());
    QCOMPARE(validity.size(), 2);
    QVERIFY(child<QLabel>(&editor, "gateErrorLabel")->text().isEmpty());
    QVERIFY(!marked(&editor, "gateNameLineEdit"));
}

void TestGateEditor::fileErrorNamesTheProfilePath()
{
    RecordingGateSetup setup;
    GateEditor editor(setup);
    choose(child<QComboBox>(&editor, "gateKindComboBox"), QStringLiteral("relay"));
    choose(child<QComboBox>(&editor, "gateTransportComboBox"), QStringLiteral("modbus-rtu"));
    const QJsonObject before = editor.profile();
    // A profile file's error names the profile's own path, without "profile.".
    editor.showError(Error {ErrorCode::InvalidArgument, QStringLiteral("Baud rate 9601 is not supported."),
                         QStringLiteral("transport.baud")},
        true);
    QCOMPARE(child<QLabel>(&editor, "gateErrorLabel")->text(),
        QStringLiteral("transport.baud: Baud rate 9601 is not supported."));
    QVERIFY(marked(&editor, "gateBaudComboBox"));
    QCOMPARE(editor.profile(), before);
}

void TestGateEditor::serialPortShowsWhatItIsAndGivesItsPath()
{
    RecordingGateSetup setup;
    SerialPortChoice port;
    port.device = QStringLiteral("/dev/serial/by-id/usb-FTDI_FT232R-if00-port0");
    port.systemLocation = QStringLiteral("/dev/ttyUSB0");
    port.description = QStringLiteral("FT232R USB UART");
    port.vendorId = 0x0403;
    port.productId = 0x6001;
    setup.ports = {port};
    GateEditor editor(setup);
    editor.show();
    choose(child<QComboBox>(&editor, "gateTransportComboBox"), QStringLiteral("modbus-rtu"));
    auto *device = child<QComboBox>(&editor, "gateDeviceComboBox");
    QCOMPARE(device->count(), 1);
    QCOMPARE(device->itemText(0), port.device + QStringLiteral(" — FT232R USB UART (VID:PID 0403:6001)"));
    device->setCurrentIndex(0);
    const auto deviceOf = [&] {
        return editor.profile()
            .value(QStringLiteral("transport"))
            .toObject()
            .value(QStringLiteral("device"))
            .toString();
    };
    QCOMPARE(deviceOf(), port.device);
    device->setEditText(QStringLiteral("/dev/ttyS3"));
    QCOMPARE(deviceOf(), QStringLiteral("/dev/ttyS3"));
    QCOMPARE(setup.checked.last().profile.value(QStringLiteral("transport")).toObject().value(QStringLiteral("device")),
        QJsonValue(QStringLiteral("/dev/ttyS3")));
}

QTEST_MAIN(TestGateEditor)
#include "tst_gateeditor.moc"
