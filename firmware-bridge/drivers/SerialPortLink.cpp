#include "drivers/SerialPortLink.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcSerialLink, "gymgate.bridge.serial")

namespace gymgate::bridge {

namespace {

constexpr int InitialBackoffMs = 200;
constexpr int MaxBackoffMs = 5000;

QSerialPort::Parity toParity(char parity)
{
    switch (parity) {
    case 'E':
        return QSerialPort::EvenParity;
    case 'O':
        return QSerialPort::OddParity;
    default:
        return QSerialPort::NoParity;
    }
}

// QSerialPort's errorString() after a hang-up carries whatever errno was left over (often
// "Inappropriate ioctl for device"), so staff get a fixed sentence per kind of loss and the
// raw text goes to the diagnostic log only.
QString lostLinkMessage(QSerialPort::SerialPortError error, const QString &device)
{
    switch (error) {
    case QSerialPort::PermissionError:
        return QCoreApplication::translate(
            "GateDriver", "The serial link to the gate was lost: no permission to use %1.")
            .arg(device);
    case QSerialPort::ReadError:
        return QCoreApplication::translate("GateDriver", "The serial link to the gate was lost: %1 hung up.")
            .arg(device);
    default:
        return QCoreApplication::translate(
            "GateDriver", "The serial link to the gate was lost: %1 was removed or stopped working.")
            .arg(device);
    }
}

} // namespace

SerialPortLink::SerialPortLink(SerialSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_port(this), m_retryTimer(this), m_backoffMs(InitialBackoffMs)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SerialPortLink::tryOpen);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialPortLink::onError);
}

SerialPortLink::~SerialPortLink() = default;

void SerialPortLink::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoffMs = InitialBackoffMs;
    tryOpen();
}

void SerialPortLink::stop()
{
    m_running = false;
    m_retryTimer.stop();
    if (m_port.isOpen()) {
        m_port.close();
        emit connectedChanged(false);
    }
}

void SerialPortLink::applySettings()
{
    m_port.setPortName(m_settings.device);
    m_port.setBaudRate(m_settings.baud);
    m_port.setParity(toParity(m_settings.parity));
    m_port.setDataBits(m_settings.dataBits == 7 ? QSerialPort::Data7 : QSerialPort::Data8);
    m_port.setStopBits(m_settings.stopBits == 2 ? QSerialPort::TwoStop : QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
}

void SerialPortLink::tryOpen()
{
    if (!m_running || m_port.isOpen())
        return;
    applySettings();
    if (!m_port.open(QIODevice::ReadWrite)) {
        qCDebug(lcSerialLink) << "cannot open" << m_settings.device << m_port.errorString();
        scheduleRetry();
        return;
    }
    m_backoffMs = InitialBackoffMs;
    emit connectedChanged(true);
}

void SerialPortLink::scheduleRetry()
{
    m_retryTimer.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, MaxBackoffMs);
}

// Only errors that mean the device is gone close the port; parity or framing errors on a
// noisy line are left to the line parser, which drops what it cannot read. A hung-up tty
// (pty master closed, modem line dropped) reads end-of-file, which QSerialPort reports as
// ReadError on every event-loop pass: left open, the port would spin and never reconnect.
void SerialPortLink::onError(QSerialPort::SerialPortError error)
{
    if (error != QSerialPort::ResourceError && error != QSerialPort::PermissionError && error != QSerialPort::ReadError)
        return;
    if (!m_port.isOpen())
        return;
    qCWarning(lcSerialLink) << "serial link lost:" << m_settings.device << error << m_port.errorString();
    emit fault(lostLinkMessage(error, m_settings.device));
    m_port.close();
    emit connectedChanged(false);
    if (m_running)
        scheduleRetry();
}

} // namespace gymgate::bridge
