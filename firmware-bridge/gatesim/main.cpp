// gymgate-gatesim: a turnstile controller simulator (DESIGN §8).
#include "core/Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

#include "EventLog.h"
#include "GateModel.h"
#include "SimControl.h"
#include "SimIoLoop.h"
#include "SimOptions.h"

using namespace gymgate::gatesim;

namespace {

struct Endpoints {
    int tcpPort = -1;
    bool rtu = false;
    bool text = false;
    int controlPort = -1;
    QString linkDir;
};

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GateSim)
};

bool fail(const QString &message)
{
    std::fprintf(stderr, "gymgate-gatesim: %s\n", qPrintable(message));
    return false;
}

bool parseSlaves(const QString &text, QList<int> *slaves)
{
    slaves->clear();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int slave = part.trimmed().toInt(&ok);
        if (!ok || slave < 1 || slave > 247)
            return fail(Text::tr("slave ids must be 1..247: %1").arg(part));
        slaves->append(slave);
    }
    return !slaves->isEmpty() || fail(Text::tr("--slaves needs at least one id"));
}

bool parseDelay(const QString &text, SimOptions *options)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    bool okMin = false;
    bool okMax = false;
    options->passDelayMinMs = parts.value(0).toInt(&okMin);
    options->passDelayMaxMs = parts.value(parts.size() > 1 ? 1 : 0).toInt(&okMax);
    if (!okMin || !okMax || options->passDelayMinMs < 0 || options->passDelayMaxMs < options->passDelayMinMs)
        return fail(Text::tr("--pass-delay-ms must look like 200-800: %1").arg(text));
    return true;
}

bool parseNumber(const QCommandLineParser &parser, const QString &name, int *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    *value = parser.value(name).toInt(&ok);
    return (ok && *value >= 0 && *value <= 65535) || fail(Text::tr("--%1 must be a port number").arg(name));
}

bool parseArguments(const QCommandLineParser &parser, SimOptions *options, Endpoints *endpoints)
{
    const QString map = parser.value(QStringLiteral("map"));
    if (map == QLatin1String("turnstile"))
        options->map = SimMap::Turnstile;
    else if (map == QLatin1String("relay"))
        options->map = SimMap::Relay;
    else
        return fail(Text::tr("--map must be turnstile or relay: %1").arg(map));
    if (parser.isSet(QStringLiteral("slaves"))
        && !parseSlaves(parser.value(QStringLiteral("slaves")), &options->slaves))
        return false;
    bool ok = false;
    options->passProbability = parser.value(QStringLiteral("pass-probability")).toDouble(&ok);
    if (!ok || options->passProbability < 0.0 || options->passProbability > 1.0)
        return fail(Text::tr("--pass-probability must be between 0 and 1"));
    if (!parseDelay(parser.value(QStringLiteral("pass-delay-ms")), options))
        return false;
    options->seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        return fail(Text::tr("--seed must be a number"));
    options->quiet = parser.isSet(QStringLiteral("quiet"));
    endpoints->rtu = parser.isSet(QStringLiteral("rtu"));
    endpoints->text = parser.isSet(QStringLiteral("text"));
    endpoints->linkDir = parser.value(QStringLiteral("link-dir"));
    if (!endpoints->linkDir.isEmpty() && !QFileInfo(endpoints->linkDir).isDir())
        return fail(Text::tr("--link-dir must be an existing directory: %1").arg(endpoints->linkDir));
    if (!parseNumber(parser, QStringLiteral("tcp-port"), &endpoints->tcpPort)
        || !parseNumber(parser, QStringLiteral("control-port"), &endpoints->controlPort))
        return false;
    if (endpoints->tcpPort < 0 && !endpoints->rtu && !endpoints->text)
        endpoints->tcpPort = 0; // nothing asked for: Modbus TCP on a free port
    return true;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Text::tr("Simulates turnstile controllers for the GymGate gate drivers."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("tcp-port"), Text::tr("Serve Modbus TCP on port <n> (0 = a free port)."), QStringLiteral("n")},
        {QStringLiteral("rtu"), Text::tr("Serve Modbus RTU on a new pseudo terminal.")},
        {QStringLiteral("text"), Text::tr("Speak the serial text protocol on a new pseudo terminal.")},
        {QStringLiteral("map"), Text::tr("Modbus map: turnstile or relay."), QStringLiteral("map"),
            QStringLiteral("turnstile")},
        {QStringLiteral("slaves"), Text::tr("Simulated gates (Modbus unit ids), e.g. 1,2,3."), QStringLiteral("ids")},
        {QStringLiteral("pass-probability"), Text::tr("Chance that a person passes (0..1)."), QStringLiteral("p"),
            QStringLiteral("1")},
        {QStringLiteral("pass-delay-ms"), Text::tr("Random delay before a person passes, A-B ms."),
            QStringLiteral("range"), QStringLiteral("200-800")},
        {QStringLiteral("seed"), Text::tr("Random seed."), QStringLiteral("seed"), QStringLiteral("1")},
        {QStringLiteral("control-port"), Text::tr("Accept control lines on TCP port <n> (0 = a free port)."),
            QStringLiteral("n")},
        {QStringLiteral("link-dir"),
            Text::tr("Also name the ptys <dir>/rtu and <dir>/text; the names survive a dropped connection."),
            QStringLiteral("dir")},
        {QStringLiteral("quiet"), Text::tr("Do not log events.")},
    });
}

QJsonObject startLine(const SimIoLoop &io, const SimControl &control, const SimOptions &options)
{
    QJsonObject line;
    if (io.tcpPort() >= 0)
        line.insert(QStringLiteral("tcpPort"), io.tcpPort());
    if (!io.rtuPath().isEmpty())
        line.insert(QStringLiteral("rtu"), io.rtuPath());
    if (!io.textPath().isEmpty())
        line.insert(QStringLiteral("text"), io.textPath());
    if (io.rtuPtyPath() != io.rtuPath())
        line.insert(QStringLiteral("rtuPty"), io.rtuPtyPath());
    if (io.textPtyPath() != io.textPath())
        line.insert(QStringLiteral("textPty"), io.textPtyPath());
    if (control.controlPort() >= 0)
        line.insert(QStringLiteral("control"), control.controlPort());
    QJsonArray slaves;
    for (const int slave : options.slaves)
        slaves.append(slave);
    line.insert(QStringLiteral("slaves"), slaves);
    return line;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gymgate-gatesim"));
    gymgate::installTranslator(app, gymgate::requestedLanguage({})); // the system locale's
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    SimOptions options;
    Endpoints endpoints;
    if (!parseArguments(parser, &options, &endpoints))
        return 2;
    EventLog::setQuiet(options.quiet);
    SimControl::installSigtermHandler();

    GateModel model(options);
    SimIoLoop io(model);
    QString error;
    if (!io.open(endpoints.tcpPort, endpoints.rtu, endpoints.text, endpoints.linkDir, &error)) {
        fail(error);
        return 1;
    }
    SimControl control(model, io);
    if (endpoints.controlPort >= 0 && !control.listen(endpoints.controlPort)) {
        fail(Text::tr("cannot listen on control port %1").arg(endpoints.controlPort));
        return 1;
    }
    control.watchStdin();
    io.start();
    EventLog::write(startLine(io, control, options));
    const int code = QCoreApplication::exec();
    io.stop();
    return code;
}
