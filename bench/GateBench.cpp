#include "GateBench.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

#include <cmath>
#include <optional>

#include "BenchStats.h"
#include "GateSimulator.h"
#include "drivers/GateDiagnostics.h"
#include "drivers/ModbusFrameTap.h"
#include "drivers/ModbusGateDriver.h"

namespace gymgate {
namespace {

using bridge::GateProfile;

bool waitFor(GateDriver &driver, void (GateDriver::*signal)(Direction), int timeoutMs)
{
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, [&loop] { loop.exit(1); });
    QObject::connect(&driver, signal, &loop, [&loop] { loop.exit(0); });
    return loop.exec() == 0;
}

Result<QJsonObject> measure(GateProfile profile, int iterations)
{
    bridge::ModbusGateDriver driver(std::move(profile));
    QEventLoop connected;
    QTimer::singleShot(5000, &connected, [&connected] { connected.exit(1); });
    QObject::connect(&driver, &GateDriver::connectedChanged, &connected, [&connected](bool up) {
        if (up)
            connected.exit(0);
    });
    driver.start();
    if (connected.exec() != 0)
        return fail(ErrorCode::Timeout, QStringLiteral("the driver did not connect"));

    QList<qint64> samplesNs;
    QElapsedTimer timer;
    for (int i = 0; i < iterations + 20; ++i) {
        const Direction direction = i % 2 ? Direction::Out : Direction::In;
        timer.start();
        driver.open(direction, 1);
        if (!waitFor(driver, &GateDriver::opened, 2000))
            return fail(ErrorCode::Timeout, QStringLiteral("no acknowledgement for open #%1").arg(i));
        if (i >= 20) // warm-up
            samplesNs.append(timer.nsecsElapsed());
    }
    driver.stop();
    return summarize(samplesNs).toJson();
}

// One refresh of the technician console's I/O monitor on a turnstile gate, as ModbusTesterWorker
// reads it: the four holding registers and the six input registers, one request each. With
// `captureFrames`, libmodbus prints every frame and the frame tap hands it to a sink, as when the
// console's Frames tab captures.
Result<QJsonObject> measureConsoleSnapshot(const GateProfile &profile, int iterations, bool captureFrames)
{
    bridge::GateDiagnostics diagnostics(profile);
    if (Status connected = diagnostics.connect(); !connected)
        return std::unexpected(connected.error());
    qint64 frames = 0;
    std::optional<bridge::ModbusFrameTap::ThreadSink> sink;
    if (captureFrames) {
        if (Status installed = bridge::ModbusFrameTap::install(); !installed)
            return std::unexpected(installed.error());
        sink.emplace([&frames](const bridge::ModbusFrame &) { ++frames; });
        diagnostics.setDebug(true);
    }
    QList<qint64> samplesNs;
    QElapsedTimer timer;
    for (int i = 0; i < iterations + 20; ++i) {
        timer.start();
        auto holding
            = diagnostics.readTable(bridge::ModbusTable::HoldingRegisters, profile.registers.entryPermission, 4);
        auto input = diagnostics.readTable(bridge::ModbusTable::InputRegisters, profile.registers.entryCounter, 6);
        if (!holding || !input)
            return std::unexpected(holding ? input.error() : holding.error());
        if (i >= 20) // warm-up
            samplesNs.append(timer.nsecsElapsed());
    }
    diagnostics.setDebug(false);
    QJsonObject result = summarize(samplesNs).toJson();
    if (captureFrames)
        result.insert(QStringLiteral("frames_per_snapshot"), double(frames) / (iterations + 20));
    return result;
}

Result<QJsonObject> measureConsole(const GateProfile &profile, int iterations)
{
    Result<QJsonObject> plain = measureConsoleSnapshot(profile, iterations, false);
    if (!plain)
        return plain;
    Result<QJsonObject> withFrames = measureConsoleSnapshot(profile, iterations, true);
    if (!withFrames)
        return withFrames;
    return QJsonObject {{QStringLiteral("monitor_only"), *plain}, {QStringLiteral("with_frame_capture"), *withFrames}};
}

// Request and answer of a write-single-register on RTU: 8 + 8 bytes, each an 11-bit character
// (start, 8 data, parity or a second stop bit, stop) as Modbus RTU specifies. This is the
// DESIGN §11 floor: 1.5 ms at 115200 baud, 18.3 ms at 9600.
double rtuWireTimeMs(int baud)
{
    const double ms = 16.0 * 11.0 * 1000.0 / baud;
    return std::round(ms * 100.0) / 100.0;
}

} // namespace

Result<QJsonObject> runGateBench(const GateBenchOptions &options)
{
    GateSimulator simulator;
    // Nobody ever passes: the bench measures commands, not people.
    Result<QJsonObject> info = simulator.start(options.gatesimPath,
        {QStringLiteral("--tcp-port"), QStringLiteral("0"), QStringLiteral("--rtu"), QStringLiteral("--map"),
            QStringLiteral("turnstile"), QStringLiteral("--pass-probability"), QStringLiteral("0"),
            QStringLiteral("--quiet")});
    if (!info)
        return std::unexpected(info.error());

    GateProfile tcp;
    tcp.kind = bridge::ProfileKind::TurnstileRegisters;
    tcp.transport = bridge::TransportKind::ModbusTcp;
    tcp.tcp.port = info->value(QLatin1String("tcpPort")).toInt();
    tcp.pollPeriodMs = 30;
    Result<QJsonObject> tcpLatency = measure(tcp, options.iterations);
    if (!tcpLatency)
        return std::unexpected(tcpLatency.error());

    GateProfile rtu = tcp;
    rtu.transport = bridge::TransportKind::ModbusRtu;
    rtu.serial.device = info->value(QLatin1String("rtu")).toString();
    rtu.serial.baud = 115200;
    Result<QJsonObject> rtuLatency = measure(rtu, options.iterations);
    if (!rtuLatency)
        return std::unexpected(rtuLatency.error());
    Result<QJsonObject> tcpConsole = measureConsole(tcp, options.iterations);
    if (!tcpConsole)
        return std::unexpected(tcpConsole.error());
    Result<QJsonObject> rtuConsole = measureConsole(rtu, options.iterations);
    if (!rtuConsole)
        return std::unexpected(rtuConsole.error());

    return QJsonObject {{QStringLiteral("bench"), QStringLiteral("gate")},
        {QStringLiteral("what"),
            QStringLiteral("GateDriver::open() to opened(): write permission register, acknowledged")},
        {QStringLiteral("modbus_tcp_loopback"), *tcpLatency}, {QStringLiteral("modbus_rtu_pty_115200"), *rtuLatency},
        {QStringLiteral("rtu_wire_time_ms"),
            QJsonObject {{QStringLiteral("baud_115200"), rtuWireTimeMs(115200)},
                {QStringLiteral("baud_9600"), rtuWireTimeMs(9600)}}},
        {QStringLiteral("console_snapshot"),
            QJsonObject {
                {QStringLiteral("what"),
                    QStringLiteral("one I/O monitor refresh: read 4 holding + 6 input registers (2 requests)")},
                {QStringLiteral("modbus_tcp_loopback"), *tcpConsole},
                {QStringLiteral("modbus_rtu_pty_115200"), *rtuConsole}}}};
}

} // namespace gymgate
