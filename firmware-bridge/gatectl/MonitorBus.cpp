#include "MonitorBus.h"

#include <QCoreApplication>
#include <QDateTime>

#include <modbus.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <unistd.h>
#include <utility>

namespace gymgate::gatectl {

using namespace gymgate::bridge;

namespace {

int g_realStdout = -1;
std::string g_pendingLine;

std::unexpected<Error> errnoError(const char *operation)
{
    const int errorNumber = errno;
    return fail(errorNumber == ETIMEDOUT ? ErrorCode::Timeout : ErrorCode::Network,
        QCoreApplication::translate("GateCtl", "Modbus %1 failed: %2")
            .arg(QString::fromLatin1(operation), QString::fromLocal8Bit(modbus_strerror(errorNumber))));
}

// "[01][04][00]" or "<01><04><00>" -> "01 04 00".
QByteArray frameBytes(const QByteArray &dump)
{
    QByteArray bytes = dump;
    bytes.replace('[', "").replace('<', "").replace(']', ' ').replace('>', ' ');
    return bytes.trimmed().toLower();
}

QByteArray stampedLine(const QByteArray &line)
{
    const QByteArray stamp = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz ")).toLatin1();
    if (line.startsWith('['))
        return stamp + "TX " + frameBytes(line) + '\n';
    if (line.startsWith('<'))
        return stamp + "RX " + frameBytes(line) + '\n';
    return stamp + line + '\n';
}

ssize_t writeStamped(void *, const char *data, size_t size)
{
    g_pendingLine.append(data, size);
    for (size_t end = g_pendingLine.find('\n'); end != std::string::npos; end = g_pendingLine.find('\n')) {
        const QByteArray line = QByteArray::fromStdString(g_pendingLine.substr(0, end));
        g_pendingLine.erase(0, end + 1);
        if (line.startsWith("Waiting for a") || line.isEmpty())
            continue; // libmodbus's chatter between the frames
        const QByteArray out = stampedLine(line);
        if (::write(g_realStdout, out.constData(), size_t(out.size())) < 0)
            return -1;
    }
    return ssize_t(size);
}

} // namespace

MonitorBus::MonitorBus(_modbus *context) : m_context(context)
{ }

MonitorBus::MonitorBus(MonitorBus &&other) noexcept : m_context(std::exchange(other.m_context, nullptr))
{ }

MonitorBus::~MonitorBus()
{
    if (!m_context)
        return;
    modbus_close(m_context);
    modbus_free(m_context);
}

Result<MonitorBus> MonitorBus::open(const GateProfile &profile)
{
    const QByteArray host = profile.tcp.host.toUtf8();
    const QByteArray device = profile.serial.device.toLocal8Bit();
    const SerialSettings &serial = profile.serial;
    modbus_t *context = profile.transport == TransportKind::ModbusTcp
        ? modbus_new_tcp(host.constData(), profile.tcp.port)
        : modbus_new_rtu(device.constData(), serial.baud, serial.parity, serial.dataBits, serial.stopBits);
    if (!context)
        return errnoError("new");
    MonitorBus bus(context);
    const auto seconds = static_cast<uint32_t>(profile.timeoutMs / 1000);
    const auto micros = static_cast<uint32_t>(profile.timeoutMs % 1000 * 1000);
    if (modbus_set_response_timeout(context, seconds, micros) == -1 || modbus_set_slave(context, profile.slaveId) == -1)
        return errnoError("setup");
    modbus_set_debug(context, TRUE);
    if (modbus_connect(context) == -1)
        return errnoError("connect");
    return bus;
}

Status MonitorBus::timestampStdout()
{
    std::fflush(stdout);
    g_realStdout = ::dup(STDOUT_FILENO);
    cookie_io_functions_t functions {nullptr, writeStamped, nullptr, nullptr};
    FILE *stamped = g_realStdout >= 0 ? fopencookie(nullptr, "w", functions) : nullptr;
    if (!stamped)
        return errnoError("stdout");
    std::setvbuf(stamped, nullptr, _IOLBF, 0);
    stdout = stamped; // glibc's printf, which libmodbus uses, writes wherever stdout points
    return {};
}

Result<std::vector<quint16>> MonitorBus::readInputRegisters(int address, int count)
{
    std::vector<quint16> registers(static_cast<size_t>(count));
    const int read = modbus_read_input_registers(m_context, address, count, registers.data());
    std::fflush(stdout);
    if (read == -1)
        return errnoError("read_input_registers");
    return registers;
}

Result<std::vector<bool>> MonitorBus::readDiscreteInputs(int address, int count)
{
    std::vector<uint8_t> bits(static_cast<size_t>(count));
    const int read = modbus_read_input_bits(m_context, address, count, bits.data());
    std::fflush(stdout);
    if (read == -1)
        return errnoError("read_discrete_inputs");
    return std::vector<bool>(bits.begin(), bits.end());
}

} // namespace gymgate::gatectl
