#include "CtlOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

namespace gymgate::gatectl {

using namespace gymgate::bridge;

namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GateCtl)
};

std::unexpected<Error> usage(const QString &message, const QString &field)
{
    return fail(ErrorCode::InvalidArgument, message, field);
}

Result<int> intOption(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        return usage(
            Text::tr("--%1 must be a number from %2 to %3: %4").arg(name).arg(min).arg(max).arg(parser.value(name)),
            name);
    return value;
}

Result<GateProfile> loadProfile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return usage(Text::tr("cannot read profile %1: %2").arg(path, file.errorString()), QStringLiteral("profile"));
    auto profile = parseGateProfile(file.readAll());
    if (!profile)
        return usage(
            Text::tr("profile %1: %2 (field \"%3\")").arg(path, profile.error().message, profile.error().field),
            profile.error().field);
    if (profile->kind == ProfileKind::SerialText)
        return usage(
            Text::tr("profile %1: gatectl speaks Modbus only, not serial-text").arg(path), QStringLiteral("kind"));
    return profile;
}

Status applyMap(const QCommandLineParser &parser, GateProfile &profile)
{
    if (!parser.isSet(QStringLiteral("map"))) {
        if (profile.kind == ProfileKind::Invalid)
            profile.kind = ProfileKind::TurnstileRegisters;
        return {};
    }
    const QString map = parser.value(QStringLiteral("map"));
    if (map == QLatin1String("turnstile"))
        profile.kind = ProfileKind::TurnstileRegisters;
    else if (map == QLatin1String("relay"))
        profile.kind = ProfileKind::Relay;
    else
        return usage(Text::tr("--map must be turnstile or relay: %1").arg(map), QStringLiteral("map"));
    return {};
}

Status applyTcp(const QString &text, GateProfile &profile)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : 0;
    if (!ok || port < 1 || port > 65535)
        return usage(Text::tr("--tcp must look like HOST:PORT: %1").arg(text), QStringLiteral("tcp"));
    profile.transport = TransportKind::ModbusTcp;
    profile.tcp.host = text.left(colon);
    profile.tcp.port = port;
    return {};
}

Result<Rs485Rts> rtsFromText(const QString &text)
{
    if (text == QLatin1String("none"))
        return Rs485Rts::None;
    if (text == QLatin1String("up"))
        return Rs485Rts::Up;
    if (text == QLatin1String("down"))
        return Rs485Rts::Down;
    return usage(Text::tr("--rs485-rts must be none, up or down: %1").arg(text), QStringLiteral("rs485-rts"));
}

Status applySerialLine(const QCommandLineParser &parser, SerialSettings &serial)
{
    if (parser.isSet(QStringLiteral("baud"))) {
        auto baud = intOption(parser, QStringLiteral("baud"), 300, 4'000'000);
        if (!baud)
            return std::unexpected(baud.error());
        serial.baud = *baud;
    }
    if (parser.isSet(QStringLiteral("parity"))) {
        const QString parity = parser.value(QStringLiteral("parity"));
        if (parity != QLatin1String("N") && parity != QLatin1String("E") && parity != QLatin1String("O"))
            return usage(Text::tr("--parity must be N, E or O: %1").arg(parity), QStringLiteral("parity"));
        serial.parity = parity.at(0).toLatin1();
    }
    if (parser.isSet(QStringLiteral("data-bits"))) {
        auto bits = intOption(parser, QStringLiteral("data-bits"), 7, 8);
        if (!bits)
            return std::unexpected(bits.error());
        serial.dataBits = *bits;
    }
    if (parser.isSet(QStringLiteral("stop-bits"))) {
        auto bits = intOption(parser, QStringLiteral("stop-bits"), 1, 2);
        if (!bits)
            return std::unexpected(bits.error());
        serial.stopBits = *bits;
    }
    if (parser.isSet(QStringLiteral("rs485-rts"))) {
        auto rts = rtsFromText(parser.value(QStringLiteral("rs485-rts")));
        if (!rts)
            return std::unexpected(rts.error());
        serial.rts = *rts;
    }
    return {};
}

Status applyTransport(const QCommandLineParser &parser, GateProfile &profile)
{
    const bool tcp = parser.isSet(QStringLiteral("tcp"));
    const bool rtu = parser.isSet(QStringLiteral("rtu"));
    if (tcp && rtu)
        return usage(Text::tr("give either --tcp or --rtu, not both"), QStringLiteral("tcp"));
    if (tcp)
        return applyTcp(parser.value(QStringLiteral("tcp")), profile);
    if (rtu) {
        profile.transport = TransportKind::ModbusRtu;
        profile.serial.device = parser.value(QStringLiteral("rtu"));
    }
    if (profile.transport == TransportKind::Invalid)
        return usage(
            Text::tr("say where the gate is: --tcp HOST:PORT, --rtu DEVICE or --profile FILE"), QStringLiteral("tcp"));
    return applySerialLine(parser, profile.serial);
}

Status applyLink(const QCommandLineParser &parser, GateProfile &profile)
{
    if (parser.isSet(QStringLiteral("slave"))) {
        auto slave = intOption(parser, QStringLiteral("slave"), 1, 247);
        if (!slave)
            return std::unexpected(slave.error());
        profile.slaveId = *slave;
    }
    if (parser.isSet(QStringLiteral("timeout-ms"))) {
        auto timeout = intOption(parser, QStringLiteral("timeout-ms"), 10, 60'000);
        if (!timeout)
            return std::unexpected(timeout.error());
        profile.timeoutMs = *timeout;
    }
    return {};
}

Result<GateProfile> profileFromParser(const QCommandLineParser &parser)
{
    GateProfile profile;
    if (parser.isSet(QStringLiteral("profile"))) {
        auto loaded = loadProfile(parser.value(QStringLiteral("profile")));
        if (!loaded)
            return loaded;
        profile = *loaded;
    }
    if (auto status = applyMap(parser, profile); !status)
        return std::unexpected(status.error());
    if (auto status = applyTransport(parser, profile); !status)
        return std::unexpected(status.error());
    if (auto status = applyLink(parser, profile); !status)
        return std::unexpected(status.error());
    return profile;
}

Status applyCommandOptions(const QCommandLineParser &parser, CtlOptions &options)
{
    options.hex = parser.isSet(QStringLiteral("hex"));
    options.changesOnly = parser.isSet(QStringLiteral("changes"));
    const struct {
        const char *name;
        int *value;
        int min;
        int max;
    } numbers[] = {
        {"from", &options.fromSlave, 1, 247},
        {"to", &options.toSlave, 1, 247},
        {"passes", &options.passes, 1, 0xFFFE},
        {"count", &options.count, 0, 1'000'000},
    };
    for (const auto &number : numbers) {
        const QString name = QString::fromLatin1(number.name);
        if (!parser.isSet(name))
            continue;
        auto value = intOption(parser, name, number.min, number.max);
        if (!value)
            return std::unexpected(value.error());
        *number.value = *value;
    }
    if (options.fromSlave > options.toSlave)
        return usage(Text::tr("--from must not be above --to"), QStringLiteral("from"));
    return {};
}

} // namespace

void addCtlOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Text::tr("Talks to a GymGate gate controller over Modbus, for technicians."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("tcp"), Text::tr("Modbus TCP gate at HOST:PORT."), QStringLiteral("host:port")},
        {QStringLiteral("rtu"), Text::tr("Modbus RTU gate on serial DEVICE."), QStringLiteral("device")},
        {QStringLiteral("baud"), Text::tr("RTU baud rate (default 9600)."), QStringLiteral("n")},
        {QStringLiteral("parity"), Text::tr("RTU parity: N, E or O (default N)."), QStringLiteral("p")},
        {QStringLiteral("data-bits"), Text::tr("RTU data bits: 7 or 8 (default 8)."), QStringLiteral("n")},
        {QStringLiteral("stop-bits"), Text::tr("RTU stop bits: 1 or 2 (default 1)."), QStringLiteral("n")},
        {QStringLiteral("rs485-rts"), Text::tr("RS-485 RTS control: none, up or down."), QStringLiteral("mode")},
        {QStringLiteral("slave"), Text::tr("Modbus slave id (default 1)."), QStringLiteral("id")},
        {QStringLiteral("timeout-ms"), Text::tr("Response timeout in ms (default 500)."), QStringLiteral("ms")},
        {QStringLiteral("profile"), Text::tr("Gate profile JSON file."), QStringLiteral("file")},
        {QStringLiteral("map"), Text::tr("Register map: turnstile or relay (default turnstile)."),
            QStringLiteral("map")},
        {QStringLiteral("from"), Text::tr("scan: first slave id (default 1)."), QStringLiteral("id")},
        {QStringLiteral("to"), Text::tr("scan: last slave id (default 247)."), QStringLiteral("id")},
        {QStringLiteral("hex"), Text::tr("read: print values in hexadecimal.")},
        {QStringLiteral("passes"), Text::tr("open: number of passes (default 1)."), QStringLiteral("n")},
        {QStringLiteral("count"), Text::tr("watch, monitor: stop after N lines."), QStringLiteral("n")},
        {QStringLiteral("changes"), Text::tr("watch, monitor: print only lines that changed.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"),
        Text::tr(
            "probe | scan | read coils|inputs|holding|input-registers ADDRESS [COUNT] | write coil|holding ADDRESS "
            "VALUE | open in|out | watch | monitor | selftest"));
}

Result<CtlOptions> ctlOptionsFromParser(const QCommandLineParser &parser)
{
    CtlOptions options;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(Text::tr("no command given; try --help"), QStringLiteral("command"));
    options.command = positional.first();
    options.arguments = positional.mid(1);
    auto profile = profileFromParser(parser);
    if (!profile)
        return std::unexpected(profile.error());
    options.profile = *profile;
    if (auto status = applyCommandOptions(parser, options); !status)
        return std::unexpected(status.error());
    return options;
}

} // namespace gymgate::gatectl
