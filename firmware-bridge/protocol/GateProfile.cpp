#include "protocol/GateProfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <array>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <span>

namespace gymgate::bridge {
namespace {

template<typename E>
struct NamedValue {
    const char *name;
    E value;
};

constexpr std::array<NamedValue<ProfileKind>, 3> ProfileKinds {{
    {"relay", ProfileKind::Relay},
    {"turnstile-registers", ProfileKind::TurnstileRegisters},
    {"serial-text", ProfileKind::SerialText},
}};

constexpr std::array<NamedValue<TransportKind>, 3> TransportKinds {{
    {"modbus-tcp", TransportKind::ModbusTcp},
    {"modbus-rtu", TransportKind::ModbusRtu},
    {"serial", TransportKind::Serial},
}};

constexpr std::array<NamedValue<char>, 3> Parities {{{"N", 'N'}, {"E", 'E'}, {"O", 'O'}}};

constexpr std::array<NamedValue<Rs485Rts>, 3> RtsModes {{
    {"none", Rs485Rts::None},
    {"up", Rs485Rts::Up},
    {"down", Rs485Rts::Down},
}};

constexpr std::array<NamedValue<FireContact>, 2> FireContacts {{
    {"NO", FireContact::NormallyOpen},
    {"NC", FireContact::NormallyClosed},
}};

// The rates every common USB-RS485 adapter and Modbus device agree on.
constexpr std::array<int, 8> BaudRates {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};

constexpr int MaxAddress = 65535;

template<typename E, std::size_t N>
const char *nameOf(const std::array<NamedValue<E>, N> &table, E value)
{
    for (const auto &entry : table) {
        if (entry.value == value) {
            return entry.name;
        }
    }
    return "invalid";
}

template<typename E, std::size_t N>
std::optional<E> valueNamed(const std::array<NamedValue<E>, N> &table, const QString &name)
{
    for (const auto &entry : table) {
        if (name == QLatin1StringView(entry.name)) {
            return entry.value;
        }
    }
    return std::nullopt;
}

template<typename E, std::size_t N>
QString quotedNames(const std::array<NamedValue<E>, N> &table)
{
    QStringList names;
    for (const auto &entry : table) {
        names << QStringLiteral("\"%1\"").arg(QLatin1StringView(entry.name));
    }
    return names.join(QStringLiteral(", "));
}

QString baudList()
{
    QStringList rates;
    for (const int rate : BaudRates) {
        rates << QString::number(rate);
    }
    return rates.join(QStringLiteral(", "));
}

// The value as the technician wrote it in the file, so messages quote it faithfully.
QString jsonText(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QString joinPath(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

std::unexpected<Error> invalid(const QString &field, QString message)
{
    return fail(ErrorCode::InvalidArgument, std::move(message), field);
}

QString label(const char *text)
{
    return QCoreApplication::translate("GateProfile", text);
}

std::unexpected<Error> missing(const QString &field, const char *what)
{
    return invalid(field, QCoreApplication::translate("GateProfile", "The %1 is missing.").arg(label(what)));
}

// A view on one JSON object of the profile, with the path that error fields are built from.
struct Section {
    const QJsonObject &object;
    QString prefix;

    QString path(const char *key) const { return joinPath(prefix, QLatin1StringView(key)); }
    QJsonValue value(const char *key) const { return object.value(QLatin1StringView(key)); }
    bool has(const char *key) const { return object.contains(QLatin1StringView(key)); }
};

Status allowOnlyKeys(const Section &section, std::initializer_list<const char *> allowed)
{
    QStringList names;
    for (const char *key : allowed) {
        names << QLatin1StringView(key);
    }
    for (auto it = section.object.begin(); it != section.object.end(); ++it) {
        if (!names.contains(it.key())) {
            return invalid(joinPath(section.prefix, it.key()),
                QCoreApplication::translate("GateProfile", "Unknown key \"%1\"; the keys allowed here are: %2.")
                    .arg(it.key(), names.join(QStringLiteral(", "))));
        }
    }
    return {};
}

// Missing keys keep the default (nullopt); anything but a whole JSON number is refused.
Result<std::optional<double>> integerAt(const Section &section, const char *key, const char *what)
{
    const QJsonValue value = section.value(key);
    if (value.isUndefined()) {
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || number != std::trunc(number)) {
        return invalid(section.path(key),
            QCoreApplication::translate("GateProfile", "The %1 must be a whole number; %2 is not.")
                .arg(label(what), jsonText(value)));
    }
    return number;
}

struct IntField {
    const char *key;
    const char *what; // QT_TRANSLATE_NOOP label
    int min;
    int max;
    int *target;
};

Status readInt(const Section &section, const IntField &field)
{
    const auto number = integerAt(section, field.key, field.what);
    if (!number) {
        return std::unexpected(number.error());
    }
    if (!number->has_value()) {
        return {};
    }
    const double value = **number;
    if (value < field.min || value > field.max) {
        return invalid(section.path(field.key),
            QCoreApplication::translate("GateProfile", "%1 is out of range for the %2; use %3 to %4.")
                .arg(jsonText(value), label(field.what))
                .arg(field.min)
                .arg(field.max));
    }
    *field.target = static_cast<int>(value);
    return {};
}

Status readInts(const Section &section, std::initializer_list<IntField> fields)
{
    for (const IntField &field : fields) {
        if (const Status read = readInt(section, field); !read) {
            return read;
        }
    }
    return {};
}

Result<std::optional<QString>> stringAt(const Section &section, const char *key, const char *what)
{
    const QJsonValue value = section.value(key);
    if (value.isUndefined()) {
        return std::nullopt;
    }
    if (!value.isString()) {
        return invalid(section.path(key),
            QCoreApplication::translate("GateProfile", "The %1 must be a text in quotes; %2 is not.")
                .arg(label(what), jsonText(value)));
    }
    return value.toString();
}

template<typename E, std::size_t N>
Status readEnum(
    const Section &section, const char *key, const char *what, const std::array<NamedValue<E>, N> &table, E &target)
{
    const auto text = stringAt(section, key, what);
    if (!text) {
        return std::unexpected(text.error());
    }
    if (!text->has_value()) {
        return {};
    }
    const std::optional<E> value = valueNamed(table, **text);
    if (!value) {
        return invalid(section.path(key),
            QCoreApplication::translate("GateProfile", "%1 is not a valid %2; use one of %3.")
                .arg(jsonText(**text), label(what), quotedNames(table)));
    }
    target = *value;
    return {};
}

Status readNonEmptyString(const Section &section, const char *key, const char *what, QString &target)
{
    const auto text = stringAt(section, key, what);
    if (!text) {
        return std::unexpected(text.error());
    }
    if (!text->has_value()) {
        return {};
    }
    if ((*text)->trimmed().isEmpty()) {
        return invalid(section.path(key),
            QCoreApplication::translate("GateProfile", "The %1 must not be empty; %2 was given.")
                .arg(label(what), jsonText(**text)));
    }
    target = **text;
    return {};
}

Result<QJsonObject> objectAt(const Section &section, const char *key, const char *what)
{
    const QJsonValue value = section.value(key);
    if (!value.isObject()) {
        return invalid(section.path(key),
            QCoreApplication::translate("GateProfile", "The %1 must be a JSON object; %2 is not.")
                .arg(label(what), jsonText(value)));
    }
    return value.toObject();
}

Status readBaud(const Section &section, int &target)
{
    const char *what = QT_TRANSLATE_NOOP("GateProfile", "baud rate");
    const auto number = integerAt(section, "baud", what);
    if (!number) {
        return std::unexpected(number.error());
    }
    if (!number->has_value()) {
        return {};
    }
    const double value = **number;
    for (const int rate : BaudRates) {
        if (value == rate) {
            target = rate;
            return {};
        }
    }
    return invalid(section.path("baud"),
        QCoreApplication::translate("GateProfile", "Baud rate %1 is not supported; use one of %2.")
            .arg(jsonText(value), baudList()));
}

Status readTcp(const Section &section, TcpSettings &tcp)
{
    if (const Status keys = allowOnlyKeys(section, {"type", "host", "port"}); !keys) {
        return keys;
    }
    if (const Status host = readNonEmptyString(section, "host", QT_TRANSLATE_NOOP("GateProfile", "host"), tcp.host);
        !host) {
        return host;
    }
    return readInt(section, {"port", QT_TRANSLATE_NOOP("GateProfile", "TCP port"), 1, 65535, &tcp.port});
}

Status readParity(const Section &section, char &parity)
{
    return readEnum(section, "parity", QT_TRANSLATE_NOOP("GateProfile", "parity"), Parities, parity);
}

Status readSerial(const Section &section, SerialSettings &serial)
{
    if (const Status keys
        = allowOnlyKeys(section, {"type", "device", "baud", "parity", "dataBits", "stopBits", "rs485Rts"});
        !keys) {
        return keys;
    }
    const char *device = QT_TRANSLATE_NOOP("GateProfile", "serial device");
    if (!section.has("device")) {
        return missing(section.path("device"), device);
    }
    if (const Status read = readNonEmptyString(section, "device", device, serial.device); !read) {
        return read;
    }
    if (const Status read = readBaud(section, serial.baud); !read) {
        return read;
    }
    if (const Status read = readParity(section, serial.parity); !read) {
        return read;
    }
    if (const Status read = readInts(section,
            {
                {"dataBits", QT_TRANSLATE_NOOP("GateProfile", "number of data bits"), 7, 8, &serial.dataBits},
                {"stopBits", QT_TRANSLATE_NOOP("GateProfile", "number of stop bits"), 1, 2, &serial.stopBits},
            });
        !read) {
        return read;
    }
    return readEnum(section, "rs485Rts", QT_TRANSLATE_NOOP("GateProfile", "RS-485 RTS mode"), RtsModes, serial.rts);
}

Status readTransport(const Section &root, GateProfile &profile)
{
    const char *transportLabel = QT_TRANSLATE_NOOP("GateProfile", "transport");
    if (!root.has("transport")) {
        return missing(root.path("transport"), transportLabel);
    }
    const auto object = objectAt(root, "transport", transportLabel);
    if (!object) {
        return std::unexpected(object.error());
    }
    const Section section {*object, root.path("transport")};
    const char *typeLabel = QT_TRANSLATE_NOOP("GateProfile", "transport type");
    if (!section.has("type")) {
        return missing(section.path("type"), typeLabel);
    }
    if (const Status type = readEnum(section, "type", typeLabel, TransportKinds, profile.transport); !type) {
        return type;
    }
    if (profile.transport == TransportKind::ModbusTcp) {
        return readTcp(section, profile.tcp);
    }
    return readSerial(section, profile.serial);
}

Status checkKindFitsTransport(const GateProfile &profile)
{
    const bool serialText = profile.kind == ProfileKind::SerialText;
    const bool fits = serialText == (profile.transport == TransportKind::Serial);
    if (fits) {
        return {};
    }
    const QString allowed = serialText ? QStringLiteral("\"serial\"")
                                       : QCoreApplication::translate("GateProfile", "\"modbus-tcp\" or \"modbus-rtu\"");
    return invalid(QStringLiteral("transport.type"),
        QCoreApplication::translate("GateProfile", "A \"%1\" gate cannot use a \"%2\" transport; use %3.")
            .arg(QLatin1StringView(profileKindName(profile.kind)),
                QLatin1StringView(transportKindName(profile.transport)), allowed));
}

// One address in a Modbus address space, `width` registers wide, for collision checks.
struct Slot {
    const char *key;
    const char *what;
    int address;
    int width = 1;
};

bool overlaps(const Slot &a, const Slot &b)
{
    return a.address < b.address + b.width && b.address < a.address + a.width;
}

// The later slot is blamed, so the message points at the line a technician most likely copied.
Status checkNoCollision(
    const QString &prefix, const char *space, std::initializer_list<Slot> used, bool skipUnwired = false)
{
    const std::span<const Slot> all(used.begin(), used.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (skipUnwired && (all[i].address < 0 || all[j].address < 0)) {
                continue;
            }
            if (overlaps(all[i], all[j])) {
                return invalid(joinPath(prefix, QLatin1StringView(all[i].key)),
                    QCoreApplication::translate("GateProfile", "The %1 at %2 %3 overlaps the %4 at %2 %5.")
                        .arg(label(all[i].what), label(space))
                        .arg(all[i].address)
                        .arg(label(all[j].what))
                        .arg(all[j].address));
            }
        }
    }
    return {};
}

const char *const EntryCoil = QT_TRANSLATE_NOOP("GateProfile", "entry coil");
const char *const ExitCoil = QT_TRANSLATE_NOOP("GateProfile", "exit coil");
const char *const EntryInput = QT_TRANSLATE_NOOP("GateProfile", "entry passage input");
const char *const ExitInput = QT_TRANSLATE_NOOP("GateProfile", "exit passage input");
const char *const FireInput = QT_TRANSLATE_NOOP("GateProfile", "fire alarm input");
const char *const TamperInput = QT_TRANSLATE_NOOP("GateProfile", "tamper input");

Status readRelayMap(const Section &section, RelayMap &relay)
{
    if (const Status keys = allowOnlyKeys(
            section, {"entryCoil", "exitCoil", "entryInput", "exitInput", "fireInput", "fireContact", "tamperInput"});
        !keys) {
        return keys;
    }
    if (const Status read = readInts(section,
            {
                {"entryCoil", EntryCoil, 0, MaxAddress, &relay.entryCoil},
                {"exitCoil", ExitCoil, 0, MaxAddress, &relay.exitCoil},
                {"entryInput", EntryInput, 0, MaxAddress, &relay.entryInput},
                {"exitInput", ExitInput, 0, MaxAddress, &relay.exitInput},
                {"fireInput", FireInput, -1, MaxAddress, &relay.fireInput},
                {"tamperInput", TamperInput, -1, MaxAddress, &relay.tamperInput},
            });
        !read) {
        return read;
    }
    const char *contact = QT_TRANSLATE_NOOP("GateProfile", "fire contact type");
    return readEnum(section, "fireContact", contact, FireContacts, relay.fireContact);
}

Status checkRelayMap(const RelayMap &relay)
{
    const QString prefix = QStringLiteral("relay");
    const Status coils = checkNoCollision(prefix, QT_TRANSLATE_NOOP("GateProfile", "coil"),
        {{"entryCoil", EntryCoil, relay.entryCoil}, {"exitCoil", ExitCoil, relay.exitCoil}});
    if (!coils) {
        return coils;
    }
    return checkNoCollision(prefix, QT_TRANSLATE_NOOP("GateProfile", "discrete input"),
        {
            {"entryInput", EntryInput, relay.entryInput},
            {"exitInput", ExitInput, relay.exitInput},
            {"fireInput", FireInput, relay.fireInput},
            {"tamperInput", TamperInput, relay.tamperInput},
        },
        true);
}

const char *const EntryPermission = QT_TRANSLATE_NOOP("GateProfile", "entry permission register");
const char *const ExitPermission = QT_TRANSLATE_NOOP("GateProfile", "exit permission register");
const char *const ModeRegister = QT_TRANSLATE_NOOP("GateProfile", "mode register");
const char *const PassTime = QT_TRANSLATE_NOOP("GateProfile", "pass time register");
const char *const EntryCounter = QT_TRANSLATE_NOOP("GateProfile", "entry counter (two registers)");
const char *const ExitCounter = QT_TRANSLATE_NOOP("GateProfile", "exit counter (two registers)");
const char *const ErrorRegister = QT_TRANSLATE_NOOP("GateProfile", "error code register");
const char *const SensorRegister = QT_TRANSLATE_NOOP("GateProfile", "sensor register");

Status readRegisterMap(const Section &section, RegisterMap &map)
{
    if (const Status keys = allowOnlyKeys(section,
            {"entryPermission", "exitPermission", "mode", "passTime", "entryCounter", "exitCounter", "errorCode",
                "sensors", "fireBit"});
        !keys) {
        return keys;
    }
    // A 32-bit counter spans two registers, so it cannot start at the last address.
    return readInts(section,
        {
            {"entryPermission", EntryPermission, 0, MaxAddress, &map.entryPermission},
            {"exitPermission", ExitPermission, 0, MaxAddress, &map.exitPermission},
            {"mode", ModeRegister, 0, MaxAddress, &map.mode},
            {"passTime", PassTime, 0, MaxAddress, &map.passTime},
            {"entryCounter", EntryCounter, 0, MaxAddress - 1, &map.entryCounter},
            {"exitCounter", ExitCounter, 0, MaxAddress - 1, &map.exitCounter},
            {"errorCode", ErrorRegister, 0, MaxAddress, &map.errorCode},
            {"sensors", SensorRegister, 0, MaxAddress, &map.sensors},
            {"fireBit", QT_TRANSLATE_NOOP("GateProfile", "fire bit of the sensor register"), 0, 15, &map.fireBit},
        });
}

Status checkRegisterMap(const RegisterMap &map)
{
    const QString prefix = QStringLiteral("registers");
    const Status holding = checkNoCollision(prefix, QT_TRANSLATE_NOOP("GateProfile", "holding register"),
        {
            {"entryPermission", EntryPermission, map.entryPermission},
            {"exitPermission", ExitPermission, map.exitPermission},
            {"mode", ModeRegister, map.mode},
            {"passTime", PassTime, map.passTime},
        });
    if (!holding) {
        return holding;
    }
    return checkNoCollision(prefix, QT_TRANSLATE_NOOP("GateProfile", "input register"),
        {
            {"entryCounter", EntryCounter, map.entryCounter, 2},
            {"exitCounter", ExitCounter, map.exitCounter, 2},
            {"errorCode", ErrorRegister, map.errorCode},
            {"sensors", SensorRegister, map.sensors},
        });
}

// A map for another kind of gate is refused: it is almost always left over from a copied file.
Status refuseForeignMap(const Section &root, const char *key, ProfileKind owner, ProfileKind kind)
{
    if (kind == owner || !root.has(key)) {
        return {};
    }
    return invalid(root.path(key),
        QCoreApplication::translate("GateProfile", "The \"%1\" map is only used by \"%2\" gates, not by \"%3\" gates.")
            .arg(QLatin1StringView(key), QLatin1StringView(profileKindName(owner)),
                QLatin1StringView(profileKindName(kind))));
}

Status readKind(const Section &root, ProfileKind &kind)
{
    const char *what = QT_TRANSLATE_NOOP("GateProfile", "gate profile kind");
    if (!root.has("kind")) {
        return missing(root.path("kind"), what);
    }
    return readEnum(root, "kind", what, ProfileKinds, kind);
}

Status readTimings(const Section &root, GateProfile &profile)
{
    return readInts(root,
        {
            {"slaveId", QT_TRANSLATE_NOOP("GateProfile", "Modbus slave ID"), 1, 247, &profile.slaveId},
            {"pollPeriodMs", QT_TRANSLATE_NOOP("GateProfile", "poll period in ms"), 20, 1000, &profile.pollPeriodMs},
            {"timeoutMs", QT_TRANSLATE_NOOP("GateProfile", "response timeout in ms"), 10, 10'000, &profile.timeoutMs},
            {"pulseMs", QT_TRANSLATE_NOOP("GateProfile", "open pulse in ms"), 50, 10'000, &profile.pulseMs},
            {"passTimeoutMs", QT_TRANSLATE_NOOP("GateProfile", "pass timeout in ms"), 1000, 120'000,
                &profile.passTimeoutMs},
        });
}

Status readMaps(const Section &root, GateProfile &profile)
{
    if (const Status foreign = refuseForeignMap(root, "relay", ProfileKind::Relay, profile.kind); !foreign) {
        return foreign;
    }
    const Status foreign = refuseForeignMap(root, "registers", ProfileKind::TurnstileRegisters, profile.kind);
    if (!foreign) {
        return foreign;
    }
    if (profile.kind == ProfileKind::Relay && root.has("relay")) {
        const auto object = objectAt(root, "relay", QT_TRANSLATE_NOOP("GateProfile", "relay map"));
        if (!object) {
            return std::unexpected(object.error());
        }
        return readRelayMap({*object, root.path("relay")}, profile.relay);
    }
    if (profile.kind == ProfileKind::TurnstileRegisters && root.has("registers")) {
        const auto object = objectAt(root, "registers", QT_TRANSLATE_NOOP("GateProfile", "register map"));
        if (!object) {
            return std::unexpected(object.error());
        }
        return readRegisterMap({*object, root.path("registers")}, profile.registers);
    }
    return {};
}

Status checkMaps(const GateProfile &profile)
{
    switch (profile.kind) {
    case ProfileKind::Relay:
        return checkRelayMap(profile.relay);
    case ProfileKind::TurnstileRegisters:
        return checkRegisterMap(profile.registers);
    case ProfileKind::SerialText:
    case ProfileKind::Invalid:
        break;
    }
    return {};
}

QJsonObject transportJson(const GateProfile &profile)
{
    QJsonObject transport {{QStringLiteral("type"), QLatin1StringView(transportKindName(profile.transport))}};
    if (profile.transport == TransportKind::ModbusTcp) {
        transport.insert(QStringLiteral("host"), profile.tcp.host);
        transport.insert(QStringLiteral("port"), profile.tcp.port);
        return transport;
    }
    const SerialSettings &serial = profile.serial;
    transport.insert(QStringLiteral("device"), serial.device);
    transport.insert(QStringLiteral("baud"), serial.baud);
    transport.insert(QStringLiteral("parity"), QString(QLatin1Char(serial.parity)));
    transport.insert(QStringLiteral("dataBits"), serial.dataBits);
    transport.insert(QStringLiteral("stopBits"), serial.stopBits);
    transport.insert(QStringLiteral("rs485Rts"), QLatin1StringView(nameOf(RtsModes, serial.rts)));
    return transport;
}

QJsonObject relayJson(const RelayMap &relay)
{
    return {
        {QStringLiteral("entryCoil"), relay.entryCoil},
        {QStringLiteral("exitCoil"), relay.exitCoil},
        {QStringLiteral("entryInput"), relay.entryInput},
        {QStringLiteral("exitInput"), relay.exitInput},
        {QStringLiteral("fireInput"), relay.fireInput},
        {QStringLiteral("fireContact"), QLatin1StringView(nameOf(FireContacts, relay.fireContact))},
        {QStringLiteral("tamperInput"), relay.tamperInput},
    };
}

QJsonObject registersJson(const RegisterMap &map)
{
    return {
        {QStringLiteral("entryPermission"), map.entryPermission},
        {QStringLiteral("exitPermission"), map.exitPermission},
        {QStringLiteral("mode"), map.mode},
        {QStringLiteral("passTime"), map.passTime},
        {QStringLiteral("entryCounter"), map.entryCounter},
        {QStringLiteral("exitCounter"), map.exitCounter},
        {QStringLiteral("errorCode"), map.errorCode},
        {QStringLiteral("sensors"), map.sensors},
        {QStringLiteral("fireBit"), map.fireBit},
    };
}

} // namespace

const char *profileKindName(ProfileKind kind)
{
    return nameOf(ProfileKinds, kind);
}

const char *transportKindName(TransportKind kind)
{
    return nameOf(TransportKinds, kind);
}

QJsonObject GateProfile::toJson() const
{
    QJsonObject object {
        {QStringLiteral("kind"), QLatin1StringView(profileKindName(kind))},
        {QStringLiteral("transport"), transportJson(*this)},
        {QStringLiteral("slaveId"), slaveId},
        {QStringLiteral("pollPeriodMs"), pollPeriodMs},
        {QStringLiteral("timeoutMs"), timeoutMs},
        {QStringLiteral("pulseMs"), pulseMs},
        {QStringLiteral("passTimeoutMs"), passTimeoutMs},
    };
    if (kind == ProfileKind::Relay) {
        object.insert(QStringLiteral("relay"), relayJson(relay));
    } else if (kind == ProfileKind::TurnstileRegisters) {
        object.insert(QStringLiteral("registers"), registersJson(registers));
    }
    return object;
}

Result<GateProfile> gateProfileFromJson(const QJsonObject &object)
{
    const Section root {object, QString()};
    GateProfile profile;
    // Each step runs only after the previous one succeeded: later checks rely on earlier fields.
    using Step = Status (*)(const Section &, GateProfile &);
    constexpr std::array<Step, 7> steps {
        [](const Section &r, GateProfile &) {
            return allowOnlyKeys(r,
                {"kind", "transport", "slaveId", "pollPeriodMs", "timeoutMs", "pulseMs", "passTimeoutMs", "relay",
                    "registers"});
        },
        [](const Section &r, GateProfile &p) { return readKind(r, p.kind); },
        readTransport,
        [](const Section &, GateProfile &p) { return checkKindFitsTransport(p); },
        readTimings,
        readMaps,
        [](const Section &, GateProfile &p) { return checkMaps(p); },
    };
    for (const Step step : steps) {
        if (const Status done = step(root, profile); !done) {
            return std::unexpected(done.error());
        }
    }
    return profile;
}

Result<GateProfile> parseGateProfile(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalid(QString(),
            QCoreApplication::translate("GateProfile", "The gate profile is not valid JSON: %1 at character %2.")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return invalid(
            QString(), QCoreApplication::translate("GateProfile", "The gate profile must be a JSON object in { }."));
    }
    return gateProfileFromJson(document.object());
}

} // namespace gymgate::bridge
