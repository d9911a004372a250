#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "protocol/GateProfile.h"

using namespace gymgate;
using namespace gymgate::bridge;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject relayBase()
{
    return object(R"({"kind":"relay","transport":{"type":"modbus-tcp","host":"10.0.0.5"}})");
}

QJsonObject registersBase()
{
    return object(R"({"kind":"turnstile-registers","transport":{"type":"modbus-rtu","device":"/dev/ttyUSB0"}})");
}

QJsonObject textBase()
{
    return object(R"({"kind":"serial-text","transport":{"type":"serial","device":"/dev/ttyACM0"}})");
}

// Sets (or with Undefined removes) the value at a dotted path such as "transport.baud".
QJsonObject withValue(QJsonObject root, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        root.insert(path, value);
        return root;
    }
    const QString head = path.left(dot);
    root.insert(head, withValue(root.value(head).toObject(), path.mid(dot + 1), value));
    return root;
}

QByteArray bytes(const QJsonObject &root)
{
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

const char *const FullRelay = R"({
  "kind": "relay",
  "transport": {"type": "modbus-rtu", "device": "/dev/ttyUSB1", "baud": 19200, "parity": "E",
                "dataBits": 8, "stopBits": 1, "rs485Rts": "up"},
  "slaveId": 17, "pollPeriodMs": 40, "timeoutMs": 300, "pulseMs": 800, "passTimeoutMs": 15000,
  "relay": {"entryCoil": 4, "exitCoil": 5, "entryInput": 8, "exitInput": 9, "fireInput": 10,
            "fireContact": "NC", "tamperInput": -1}
})";

const char *const FullRegisters = R"({
  "kind": "turnstile-registers",
  "transport": {"type": "modbus-tcp", "host": "192.168.1.40", "port": 1502},
  "slaveId": 3, "pollPeriodMs": 25, "timeoutMs": 250, "pulseMs": 500, "passTimeoutMs": 8000,
  "registers": {"entryPermission": 100, "exitPermission": 101, "mode": 102, "passTime": 103,
                "entryCounter": 200, "exitCounter": 202, "errorCode": 204, "sensors": 205, "fireBit": 6}
})";

const char *const FullText = R"({
  "kind": "serial-text",
  "transport": {"type": "serial", "device": "/dev/ttyACM0", "baud": 115200, "parity": "N",
                "dataBits": 8, "stopBits": 2, "rs485Rts": "none"},
  "slaveId": 1, "pollPeriodMs": 50, "timeoutMs": 1000, "pulseMs": 1200, "passTimeoutMs": 20000
})";

} // namespace

class TestGateProfile : public QObject {
    Q_OBJECT

private slots:
    void refusesBadProfiles_data();
    void refusesBadProfiles();
    void relayDefaults();
    void registersDefaults();
    void serialTextDefaults();
    void readsFullProfiles();
    void acceptsUnwiredInputs();
    void roundTrips_data();
    void roundTrips();
    void namesKinds();
};

void TestGateProfile::refusesBadProfiles_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");

    const auto row = [](const char *name, const QJsonObject &base, const char *path, const QJsonValue &value,
                         const char *field, const char *expected) {
        QTest::newRow(name) << bytes(withValue(base, QString::fromLatin1(path), value)) << QString::fromLatin1(field)
                            << QString::fromUtf8(expected);
    };
    const QJsonValue removed(QJsonValue::Undefined);
    const QJsonObject relay = relayBase();
    const QJsonObject regs = registersBase();
    const QJsonObject text = textBase();

    QTest::newRow("not json") << QByteArray("{\"kind\": ") << QString() << QStringLiteral("JSON");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QString() << QStringLiteral("object");

    row("kind unknown", relay, "kind", QStringLiteral("gate"), "kind", "gate");
    row("kind missing", relay, "kind", removed, "kind", "missing");
    row("kind a number", relay, "kind", 3, "kind", "3");
    row("unknown top key", relay, "slaveID", 5, "slaveID", "slaveID");
    row("unknown transport key", regs, "transport.baudrate", 9600, "transport.baudrate", "baudrate");
    row("serial key on tcp", relay, "transport.baud", 9600, "transport.baud", "baud");
    row("tcp key on serial", regs, "transport.host", QStringLiteral("x"), "transport.host", "host");
    row("transport missing", relay, "transport", removed, "transport", "missing");
    row("transport a string", relay, "transport", QStringLiteral("tcp"), "transport", "tcp");
    row("transport type unknown", relay, "transport.type", QStringLiteral("modbus"), "transport.type", "modbus");
    row("transport type missing", relay, "transport.type", removed, "transport.type", "missing");
    row("text over modbus", text, "transport", object(R"({"type":"modbus-tcp"})"), "transport.type", "modbus-tcp");
    row("relay over serial", relay, "transport", object(R"({"type":"serial","device":"/dev/ttyS0"})"), "transport.type",
        "serial");
    row("baud unsupported", regs, "transport.baud", 9601, "transport.baud", "9601");
    row("baud a string", regs, "transport.baud", QStringLiteral("9600"), "transport.baud", "\"9600\"");
    row("parity unknown", regs, "transport.parity", QStringLiteral("X"), "transport.parity", "X");
    row("parity lower case", regs, "transport.parity", QStringLiteral("e"), "transport.parity", "\"e\"");
    row("data bits 9", regs, "transport.dataBits", 9, "transport.dataBits", "9");
    row("stop bits 0", text, "transport.stopBits", 0, "transport.stopBits", "0");
    row("rts unknown", regs, "transport.rs485Rts", QStringLiteral("high"), "transport.rs485Rts", "high");
    row("device empty", regs, "transport.device", QString(), "transport.device", "\"\"");
    row("device missing", text, "transport.device", removed, "transport.device", "missing");
    row("host empty", relay, "transport.host", QStringLiteral(" "), "transport.host", "\" \"");
    row("port 0", relay, "transport.port", 0, "transport.port", "0");
    row("port 65536", relay, "transport.port", 65536, "transport.port", "65536");
    row("slave 0", relay, "slaveId", 0, "slaveId", "0");
    row("slave 248", relay, "slaveId", 248, "slaveId", "248");
    row("slave fraction", relay, "slaveId", 1.5, "slaveId", "1.5");
    row("slave bool", relay, "slaveId", true, "slaveId", "true");
    row("slave null", relay, "slaveId", QJsonValue(QJsonValue::Null), "slaveId", "null");
    row("poll 19", relay, "pollPeriodMs", 19, "pollPeriodMs", "19");
    row("poll 1001", regs, "pollPeriodMs", 1001, "pollPeriodMs", "1001");
    row("timeout 9", relay, "timeoutMs", 9, "timeoutMs", "9");
    row("timeout 10001", relay, "timeoutMs", 10001, "timeoutMs", "10001");
    row("pulse 49", text, "pulseMs", 49, "pulseMs", "49");
    row("pulse 10001", relay, "pulseMs", 10001, "pulseMs", "10001");
    row("pass timeout 999", relay, "passTimeoutMs", 999, "passTimeoutMs", "999");
    row("pass timeout 120001", regs, "passTimeoutMs", 120001, "passTimeoutMs", "120001");
    row("entry coil negative", relay, "relay.entryCoil", -1, "relay.entryCoil", "-1");
    row("exit coil = entry coil", relay, "relay.exitCoil", 0, "relay.exitCoil", "0");
    row("exit input too big", relay, "relay.exitInput", 65536, "relay.exitInput", "65536");
    row("fire input -2", relay, "relay.fireInput", -2, "relay.fireInput", "-2");
    row("fire contact unknown", relay, "relay.fireContact", QStringLiteral("N/O"), "relay.fireContact", "N/O");
    row("tamper = entry input", relay, "relay.tamperInput", 0, "relay.tamperInput", "0");
    row("fire = exit input", relay, "relay.fireInput", 1, "relay.fireInput", "1");
    row("relay unknown key", relay, "relay.fireNC", true, "relay.fireNC", "fireNC");
    row("relay not an object", relay, "relay", 7, "relay", "7");
    row("relay map on text", text, "relay", QJsonObject(), "relay", "serial-text");
    row("registers map on relay", relay, "registers", QJsonObject(), "registers", "relay");
    row("registers a string", regs, "registers", QStringLiteral("x"), "registers", "\"x\"");
    row("registers unknown key", regs, "registers.counter", 0, "registers.counter", "counter");
    row("entry counter last address", regs, "registers.entryCounter", 65535, "registers.entryCounter", "65535");
    row("exit counter overlaps entry", regs, "registers.exitCounter", 1, "registers.exitCounter", "1");
    row("error code inside exit counter", regs, "registers.errorCode", 3, "registers.errorCode", "3");
    row("sensors on entry counter", regs, "registers.sensors", 0, "registers.sensors", "0");
    row("sensors = error code", regs, "registers.sensors", 4, "registers.sensors", "4");
    row("mode = entry permission", regs, "registers.mode", 0, "registers.mode", "0");
    row("pass time a string", regs, "registers.passTime", QStringLiteral("3"), "registers.passTime", "\"3\"");
    row("fire bit 16", regs, "registers.fireBit", 16, "registers.fireBit", "16");
    row("permission too big", regs, "registers.exitPermission", 70000, "registers.exitPermission", "70000");
}

void TestGateProfile::refusesBadProfiles()
{
    QFETCH(QByteArray, profile);
    QFETCH(QString, field);
    QFETCH(QString, value);

    const Result<GateProfile> parsed = parseGateProfile(profile);
    QVERIFY2(!parsed, profile.constData());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(parsed.error().field, field);
    QVERIFY2(parsed.error().message.contains(value), qPrintable(parsed.error().message));
}

void TestGateProfile::relayDefaults()
{
    const Result<GateProfile> parsed = gateProfileFromJson(relayBase());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->kind, ProfileKind::Relay);
    QCOMPARE(parsed->transport, TransportKind::ModbusTcp);
    QCOMPARE(parsed->tcp.host, QStringLiteral("10.0.0.5"));
    QCOMPARE(parsed->tcp.port, 502);
    QCOMPARE(parsed->slaveId, 1);
    QCOMPARE(parsed->pollPeriodMs, 30);
    QCOMPARE(parsed->timeoutMs, 500);
    QCOMPARE(parsed->pulseMs, 500);
    QCOMPARE(parsed->passTimeoutMs, 10'000);
    QCOMPARE(parsed->relay.entryCoil, 0);
    QCOMPARE(parsed->relay.exitCoil, 1);
    QCOMPARE(parsed->relay.fireInput, 2);
    QCOMPARE(parsed->relay.fireContact, FireContact::NormallyOpen);
    QCOMPARE(parsed->relay.tamperInput, 3);

    const Result<GateProfile> noHost
        = gateProfileFromJson(object(R"({"kind":"relay","transport":{"type":"modbus-tcp"}})"));
    QVERIFY(noHost);
    QCOMPARE(noHost->tcp.host, QStringLiteral("127.0.0.1"));
}

void TestGateProfile::registersDefaults()
{
    const Result<GateProfile> parsed = gateProfileFromJson(registersBase());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->kind, ProfileKind::TurnstileRegisters);
    QCOMPARE(parsed->transport, TransportKind::ModbusRtu);
    QCOMPARE(parsed->serial.device, QStringLiteral("/dev/ttyUSB0"));
    QCOMPARE(parsed->serial.baud, 9600);
    QCOMPARE(parsed->serial.parity, 'N');
    QCOMPARE(parsed->serial.dataBits, 8);
    QCOMPARE(parsed->serial.stopBits, 1);
    QCOMPARE(parsed->serial.rts, Rs485Rts::None);
    QVERIFY(parsed->registers == RegisterMap {});
    QCOMPARE(parsed->registers.exitCounter, 2);
    QCOMPARE(parsed->registers.fireBit, 2);
}

void TestGateProfile::serialTextDefaults()
{
    const Result<GateProfile> parsed = gateProfileFromJson(textBase());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->kind, ProfileKind::SerialText);
    QCOMPARE(parsed->transport, TransportKind::Serial);
    QCOMPARE(parsed->serial.device, QStringLiteral("/dev/ttyACM0"));
    QCOMPARE(parsed->serial.baud, 9600);
    QCOMPARE(parsed->pulseMs, 500);
}

void TestGateProfile::readsFullProfiles()
{
    const Result<GateProfile> relay = parseGateProfile(FullRelay);
    QVERIFY2(relay, qPrintable(relay ? QString() : relay.error().message));
    QCOMPARE(relay->serial.baud, 19200);
    QCOMPARE(relay->serial.parity, 'E');
    QCOMPARE(relay->serial.rts, Rs485Rts::Up);
    QCOMPARE(relay->slaveId, 17);
    QCOMPARE(relay->relay.exitCoil, 5);
    QCOMPARE(relay->relay.fireContact, FireContact::NormallyClosed);
    QCOMPARE(relay->relay.tamperInput, -1);

    const Result<GateProfile> registers = parseGateProfile(FullRegisters);
    QVERIFY2(registers, qPrintable(registers ? QString() : registers.error().message));
    QCOMPARE(registers->tcp.host, QStringLiteral("192.168.1.40"));
    QCOMPARE(registers->tcp.port, 1502);
    QCOMPARE(registers->registers.exitCounter, 202);
    QCOMPARE(registers->registers.fireBit, 6);

    const Result<GateProfile> text = parseGateProfile(FullText);
    QVERIFY2(text, qPrintable(text ? QString() : text.error().message));
    QCOMPARE(text->serial.baud, 115200);
    QCOMPARE(text->serial.stopBits, 2);
    QCOMPARE(text->pulseMs, 1200);
}

void TestGateProfile::acceptsUnwiredInputs()
{
    // -1 means "not wired", so two unwired inputs do not collide.
    QJsonObject root = withValue(relayBase(), QStringLiteral("relay.fireInput"), -1);
    root = withValue(root, QStringLiteral("relay.tamperInput"), -1);
    const Result<GateProfile> parsed = gateProfileFromJson(root);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->relay.fireInput, -1);
    QCOMPARE(parsed->relay.tamperInput, -1);
}

void TestGateProfile::roundTrips_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::newRow("relay full") << QByteArray(FullRelay);
    QTest::newRow("registers full") << QByteArray(FullRegisters);
    QTest::newRow("text full") << QByteArray(FullText);
    QTest::newRow("relay defaults") << bytes(relayBase());
    QTest::newRow("registers defaults") << bytes(registersBase());
    QTest::newRow("text defaults") << bytes(textBase());
}

void TestGateProfile::roundTrips()
{
    QFETCH(QByteArray, profile);
    const Result<GateProfile> first = parseGateProfile(profile);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));

    const QJsonObject written = first->toJson();
    const Result<GateProfile> second = gateProfileFromJson(written);
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
    QVERIFY(*second == *first);
    QCOMPARE(second->toJson(), written);

    // Every field is written, so a technician sees the defaults in the file.
    QVERIFY(written.contains(QStringLiteral("passTimeoutMs")));
    const QJsonObject transport = written.value(QStringLiteral("transport")).toObject();
    const bool tcp = first->transport == TransportKind::ModbusTcp;
    QCOMPARE(transport.size(), tcp ? 3 : 7);
    if (first->kind == ProfileKind::Relay) {
        QCOMPARE(written.value(QStringLiteral("relay")).toObject().size(), 7);
    }
    if (first->kind == ProfileKind::TurnstileRegisters) {
        QCOMPARE(written.value(QStringLiteral("registers")).toObject().size(), 9);
    }
}

void TestGateProfile::namesKinds()
{
    QCOMPARE(profileKindName(ProfileKind::Relay), "relay");
    QCOMPARE(profileKindName(ProfileKind::TurnstileRegisters), "turnstile-registers");
    QCOMPARE(profileKindName(ProfileKind::SerialText), "serial-text");
    QCOMPARE(transportKindName(TransportKind::ModbusTcp), "modbus-tcp");
    QCOMPARE(transportKindName(TransportKind::ModbusRtu), "modbus-rtu");
    QCOMPARE(transportKindName(TransportKind::Serial), "serial");
    QCOMPARE(profileKindName(ProfileKind::Invalid), "invalid");
}

QTEST_GUILESS_MAIN(TestGateProfile)
#include "tst_gateprofile.moc"
