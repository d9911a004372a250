#include "drivers/ModbusBus.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <modbus.h>

#include <cerrno>
#include <utility>

Q_LOGGING_CATEGORY(lcModbusBus, "gymgate.bridge.modbus")

namespace gymgate::bridge {

namespace {

bool isModbusException(int errorNumber)
{
    return errorNumber >= EMBXILFUN && errorNumber <= EMBXGTAR;
}

// Captures errno right after the failing call, before anything can overwrite it.
std::unexpected<Error> errnoError(const char *operation)
{
    const int errorNumber = errno;
    const QString detail = QString::fromLocal8Bit(modbus_strerror(errorNumber));
    const QString message
        = QCoreApplication::translate("GateDriver", "Modbus %1 failed: %2").arg(QString::fromLatin1(operation), detail);
    if (isModbusException(errorNumber))
        return fail(ErrorCode::Device, message);
    if (errorNumber == ETIMEDOUT)
        return fail(ErrorCode::Timeout, message);
    return fail(ErrorCode::Network, message);
}

int rtsMode(Rs485Rts rts)
{
    return rts == Rs485Rts::Down ? MODBUS_RTU_RTS_DOWN : MODBUS_RTU_RTS_UP;
}

Status checkRange(int address, int count)
{
    if (address < 0 || address > 0xFFFF || count < 1 || count > MODBUS_MAX_READ_REGISTERS)
        return fail(ErrorCode::InvalidArgument,
            QCoreApplication::translate("GateDriver", "Modbus address %1 (count %2) is out of range")
                .arg(address)
                .arg(count));
    return {};
}

} // namespace

ModbusBus::ModbusBus(_modbus *context, bool rtu, Rs485Rts rts) : m_context(context), m_rtu(rtu), m_rts(rts)
{ }

Result<ModbusBus> ModbusBus::tcp(const TcpSettings &settings)
{
    const QByteArray host = settings.host.toUtf8();
    modbus_t *context = modbus_new_tcp(host.constData(), settings.port);
    if (!context)
        return errnoError("new_tcp");
    return ModbusBus(context, false, Rs485Rts::None);
}

Result<ModbusBus> ModbusBus::rtu(const SerialSettings &settings)
{
    const QByteArray device = settings.device.toLocal8Bit();
    modbus_t *context
        = modbus_new_rtu(device.constData(), settings.baud, settings.parity, settings.dataBits, settings.stopBits);
    if (!context)
        return errnoError("new_rtu");
    return ModbusBus(context, true, settings.rts);
}

ModbusBus::ModbusBus(ModbusBus &&other) noexcept
    : m_context(std::exchange(other.m_context, nullptr)), m_rtu(other.m_rtu), m_rts(other.m_rts),
      m_connected(std::exchange(other.m_connected, false)), m_debug(other.m_debug)
{ }

ModbusBus &ModbusBus::operator=(ModbusBus &&other) noexcept
{
    if (this != &other) {
        close();
        if (m_context)
            modbus_free(m_context);
        m_context = std::exchange(other.m_context, nullptr);
        m_rtu = other.m_rtu;
        m_rts = other.m_rts;
        m_connected = std::exchange(other.m_connected, false);
        m_debug = other.m_debug;
    }
    return *this;
}

ModbusBus::~ModbusBus()
{
    close();
    if (m_context)
        modbus_free(m_context);
}

Status ModbusBus::connect()
{
    close();
    // Set again so that "Opening"/"Connecting" and every frame follow the remembered choice.
    if (auto debug = setDebug(m_debug); !debug)
        return debug;
    if (modbus_connect(m_context) == -1)
        return errnoError("connect");
    m_connected = true;
    if (m_rtu)
        return configureRs485();
    return {};
}

// A pty or a plain RS-232 adapter refuses the RS-485 ioctls; the bus still works without them.
Status ModbusBus::configureRs485()
{
    if (m_rts == Rs485Rts::None || m_rts == Rs485Rts::Invalid)
        return {};
    if (modbus_rtu_set_serial_mode(m_context, MODBUS_RTU_RS485) == -1)
        qCWarning(lcModbusBus) << "RS-485 mode not available:" << modbus_strerror(errno);
    if (modbus_rtu_set_rts(m_context, rtsMode(m_rts)) == -1)
        qCWarning(lcModbusBus) << "RS-485 RTS control not available:" << modbus_strerror(errno);
    return {};
}

void ModbusBus::close()
{
    if (m_context && m_connected)
        modbus_close(m_context);
    m_connected = false;
}

void ModbusBus::flush()
{
    if (m_context && m_connected)
        modbus_flush(m_context);
}

Status ModbusBus::setSlave(int slaveId)
{
    if (modbus_set_slave(m_context, slaveId) == -1)
        return errnoError("set_slave");
    return {};
}

Status ModbusBus::setResponseTimeoutMs(int timeoutMs)
{
    const auto seconds = static_cast<uint32_t>(timeoutMs / 1000);
    const auto micros = static_cast<uint32_t>((timeoutMs % 1000) * 1000);
    if (modbus_set_response_timeout(m_context, seconds, micros) == -1)
        return errnoError("set_response_timeout");
    return {};
}

Status ModbusBus::setDebug(bool on)
{
    if (modbus_set_debug(m_context, on ? TRUE : FALSE) == -1)
        return errnoError("set_debug");
    m_debug = on;
    return {};
}

Result<std::vector<bool>> ModbusBus::readCoils(int address, int count)
{
    if (auto range = checkRange(address, count); !range)
        return std::unexpected(range.error());
    std::vector<uint8_t> bits(static_cast<size_t>(count));
    if (modbus_read_bits(m_context, address, count, bits.data()) == -1)
        return errnoError("read_coils");
    return std::vector<bool>(bits.begin(), bits.end());
}

Result<std::vector<bool>> ModbusBus::readDiscreteInputs(int address, int count)
{
    if (auto range = checkRange(address, count); !range)
        return std::unexpected(range.error());
    std::vector<uint8_t> bits(static_cast<size_t>(count));
    if (modbus_read_input_bits(m_context, address, count, bits.data()) == -1)
        return errnoError("read_discrete_inputs");
    return std::vector<bool>(bits.begin(), bits.end());
}

Result<std::vector<quint16>> ModbusBus::readHoldingRegisters(int address, int count)
{
    if (auto range = checkRange(address, count); !range)
        return std::unexpected(range.error());
    std::vector<quint16> registers(static_cast<size_t>(count));
    if (modbus_read_registers(m_context, address, count, registers.data()) == -1)
        return errnoError("read_holding_registers");
    return registers;
}

Result<std::vector<quint16>> ModbusBus::readInputRegisters(int address, int count)
{
    if (auto range = checkRange(address, count); !range)
        return std::unexpected(range.error());
    std::vector<quint16> registers(static_cast<size_t>(count));
    if (modbus_read_input_registers(m_context, address, count, registers.data()) == -1)
        return errnoError("read_input_registers");
    return registers;
}

Status ModbusBus::writeCoil(int address, bool on)
{
    if (modbus_write_bit(m_context, address, on ? 1 : 0) == -1)
        return errnoError("write_coil");
    return {};
}

Status ModbusBus::writeRegister(int address, quint16 value)
{
    if (modbus_write_register(m_context, address, value) == -1)
        return errnoError("write_register");
    return {};
}

bool ModbusBus::isLinkError(const Error &error)
{
    return error.code == ErrorCode::Timeout || error.code == ErrorCode::Network;
}

} // namespace gymgate::bridge
