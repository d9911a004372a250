#include "scan/SerialScanner.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSerialScanner, "gymgate.scan.serial")

namespace gymgate {

namespace {

constexpr qint32 MinBaudRate = 50;
constexpr qint32 MaxBaudRate = 4000000;
constexpr int MinIdleTerminatorMs = 10;
constexpr int MaxIdleTerminatorMs = 5000;
constexpr int MaxMaxLength = 65536;
constexpr int MinReconnectMs = 10;
constexpr int MaxReconnectMs = 600000;

bool isKnownDataBits(QSerialPort::DataBits bits)
{
    return bits == QSerialPort::Data5 || bits == QSerialPort::Data6 || bits == QSerialPort::Data7
        || bits == QSerialPort::Data8;
}

bool isKnownParity(QSerialPort::Parity parity)
{
    return parity == QSerialPort::NoParity || parity == QSerialPort::EvenParity || parity == QSerialPort::OddParity
        || parity == QSerialPort::SpaceParity || parity == QSerialPort::MarkParity;
}

bool isKnownStopBits(QSerialPort::StopBits bits)
{
    return bits == QSerialPort::OneStop || bits == QSerialPort::OneAndHalfStop || bits == QSerialPort::TwoStop;
}

bool isKnownTerminator(SerialScannerSettings::Terminator terminator)
{
    using T = SerialScannerSettings::Terminator;
    return terminator == T::CrOrLf || terminator == T::Cr || terminator == T::Lf || terminator == T::Idle;
}

// Scanners pad codes with spaces, tabs, NULs or a stray prefix byte depending on their
// configuration; a member's code never contains any of them, so only printable characters
// survive. Bytes that are not valid UTF-8 decode to U+FFFD and are dropped the same way.
QString cleanCode(const QByteArray &raw)
{
    const QString decoded = QString::fromUtf8(raw);
    QString kept;
    kept.reserve(decoded.size());
    for (const char32_t codePoint : decoded.toUcs4()) {
        if (codePoint != QChar::ReplacementCharacter && QChar::isPrint(codePoint))
            kept.append(QString::fromUcs4(&codePoint, 1));
    }
    return kept.trimmed();
}

// Only a device that went away closes the port. Parity or framing noise, and settings a pty
// cannot take (UnsupportedOperationError), leave it open. A hung-up tty (pty master closed,
// USB scanner pulled) reads end-of-file, which QSerialPort reports as ReadError on every pass
// of the event loop: left open, the port would spin and never reconnect.
bool meansDeviceLost(QSerialPort::SerialPortError error)
{
    return error == QSerialPort::ResourceError || error == QSerialPort::PermissionError
        || error == QSerialPort::ReadError;
}

} // namespace

SerialScanner::SerialScanner(SerialScannerSettings settings, QObject *parent)
    : ScanSource(parent), m_settings(std::move(settings)), m_port(this), m_reconnectTimer(this), m_idleTimer(this)
{
    m_reconnectTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SerialScanner::tryOpen);
    connect(&m_idleTimer, &QTimer::timeout, this, &SerialScanner::onIdle);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialScanner::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialScanner::onError);
}

SerialScanner::~SerialScanner()
{
    // Quietly: receivers may be half destroyed along with the scanner's owner.
    m_running = false;
    m_reconnectTimer.stop();
    m_idleTimer.stop();
    if (m_port.isOpen())
        m_port.close();
}

Status SerialScanner::validate(const SerialScannerSettings &s)
{
    if (s.portName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, tr("The scanner port is missing."), QStringLiteral("portName"));
    if (s.baudRate < MinBaudRate || s.baudRate > MaxBaudRate)
        return fail(ErrorCode::InvalidArgument,
            tr("The scanner baud rate must be between %1 and %2.").arg(MinBaudRate).arg(MaxBaudRate),
            QStringLiteral("baudRate"));
    if (!isKnownDataBits(s.dataBits))
        return fail(
            ErrorCode::InvalidArgument, tr("The scanner data bits must be 5, 6, 7 or 8."), QStringLiteral("dataBits"));
    if (!isKnownParity(s.parity))
        return fail(ErrorCode::InvalidArgument, tr("The scanner parity is not valid."), QStringLiteral("parity"));
    if (!isKnownStopBits(s.stopBits))
        return fail(
            ErrorCode::InvalidArgument, tr("The scanner stop bits must be 1, 1.5 or 2."), QStringLiteral("stopBits"));
    if (!isKnownTerminator(s.terminator))
        return fail(ErrorCode::InvalidArgument, tr("Choose how the scanner ends a code (CR, LF or a pause)."),
            QStringLiteral("terminator"));
    if (s.idleTerminatorMs < MinIdleTerminatorMs || s.idleTerminatorMs > MaxIdleTerminatorMs)
        return fail(ErrorCode::InvalidArgument,
            tr("The scanner pause that ends a code must be between %1 and %2 ms.")
                .arg(MinIdleTerminatorMs)
                .arg(MaxIdleTerminatorMs),
            QStringLiteral("idleTerminatorMs"));
    if (s.maxLength < 1 || s.maxLength > MaxMaxLength)
        return fail(ErrorCode::InvalidArgument,
            tr("The longest scanner code must be between 1 and %1 bytes.").arg(MaxMaxLength),
            QStringLiteral("maxLength"));
    if (s.reconnectMs < MinReconnectMs || s.reconnectMs > MaxReconnectMs)
        return fail(ErrorCode::InvalidArgument,
            tr("The scanner reconnect interval must be between %1 and %2 ms.").arg(MinReconnectMs).arg(MaxReconnectMs),
            QStringLiteral("reconnectMs"));
    return {};
}

QString SerialScanner::sourceId() const
{
    return QStringLiteral("serial:") + m_settings.portName;
}

Status SerialScanner::start()
{
    if (auto valid = validate(m_settings); !valid)
        return valid;
    if (m_running)
        return {};
    m_running = true;
    m_connectionReported = false;
    m_faultReported = false;
    m_reconnectTimer.setInterval(m_settings.reconnectMs);
    m_idleTimer.setInterval(m_settings.idleTerminatorMs);
    tryOpen();
    return {};
}

void SerialScanner::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    resetLine();
    if (m_port.isOpen())
        m_port.close();
    if (m_connected)
        setConnected(false);
    m_connectionReported = false;
}

bool SerialScanner::isConnected() const
{
    return m_connected;
}

void SerialScanner::tryOpen()
{
    if (!m_running || m_port.isOpen())
        return;
    // Open with the settings every tty takes (a pty included), then ask for the configured
    // ones: a device that refuses one of them still delivers codes, usually at any speed
    // (USB-COM scanners ignore the baud rate).
    m_port.setPortName(m_settings.portName);
    m_port.setBaudRate(QSerialPort::Baud9600);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port.open(QIODevice::ReadOnly)) {
        if (!m_faultReported) // once per outage: a missing scanner is retried every reconnectMs
            qCWarning(lcSerialScanner) << "cannot open" << m_settings.portName << m_port.error()
                                       << m_port.errorString();
        setConnected(false);
        reportUnavailable(tr("The scanner on %1 cannot be opened: %2").arg(m_settings.portName, m_port.errorString()));
        m_reconnectTimer.start();
        return;
    }
    applyLineSettings();
    resetLine();
    m_faultReported = false;
    qCInfo(lcSerialScanner) << "scanner connected on" << m_settings.portName;
    setConnected(true);
}

void SerialScanner::applyLineSettings()
{
    // Each one on its own: one refused setting must not keep the others from being tried.
    const bool baudTaken = m_port.setBaudRate(m_settings.baudRate);
    const bool dataBitsTaken = m_port.setDataBits(m_settings.dataBits);
    const bool parityTaken = m_port.setParity(m_settings.parity);
    const bool stopBitsTaken = m_port.setStopBits(m_settings.stopBits);
    if (!(baudTaken && dataBitsTaken && parityTaken && stopBitsTaken)) {
        qCWarning(lcSerialScanner) << "line settings not taken by" << m_settings.portName << m_port.errorString()
                                   << "- reading with the device's own settings";
        m_port.clearError();
    }
}

void SerialScanner::onReadyRead()
{
    consume(m_port.readAll());
}

void SerialScanner::onError(QSerialPort::SerialPortError error)
{
    if (!meansDeviceLost(error) || !m_port.isOpen())
        return;
    // errorString() after a hang-up often carries a stale errno, so it goes to the log only.
    qCWarning(lcSerialScanner) << "scanner lost on" << m_settings.portName << error << m_port.errorString();
    m_port.close();
    resetLine();
    setConnected(false);
    reportUnavailable(tr("The scanner on %1 was disconnected.").arg(m_settings.portName));
    if (m_running)
        m_reconnectTimer.start();
}

void SerialScanner::onIdle()
{
    endLine();
}

void SerialScanner::consume(const QByteArray &chunk)
{
    for (const char byte : chunk) {
        if (!m_running)
            return; // a receiver of scanned() stopped us
        if (isTerminator(byte))
            endLine();
        else
            appendByte(byte);
    }
    if (m_settings.terminator == SerialScannerSettings::Terminator::Idle && (!m_line.isEmpty() || m_discarding))
        m_idleTimer.start();
}

bool SerialScanner::isTerminator(char byte) const
{
    using T = SerialScannerSettings::Terminator;
    switch (m_settings.terminator) {
    case T::Cr:
        return byte == '\r';
    case T::Lf:
        return byte == '\n';
    case T::CrOrLf:
    case T::Idle:
        return byte == '\r' || byte == '\n';
    case T::Invalid:
        break;
    }
    return false;
}

void SerialScanner::appendByte(char byte)
{
    if (m_discarding)
        return;
    if (m_line.size() < m_settings.maxLength) {
        m_line.append(byte);
        return;
    }
    // A scanner with the wrong suffix setting, or line noise: nothing here can be a code.
    m_line.clear();
    m_discarding = true;
    qCWarning(lcSerialScanner) << "over-long input discarded on" << m_settings.portName;
    emit fault(tr("The scanner on %1 sent more than %2 bytes without ending the code; the input was discarded. "
                  "Check the scanner's suffix setting.")
                   .arg(m_settings.portName)
                   .arg(m_settings.maxLength));
}

void SerialScanner::endLine()
{
    m_idleTimer.stop();
    if (m_discarding) {
        m_discarding = false;
        m_line.clear();
        return;
    }
    const QString code = cleanCode(m_line);
    m_line.clear();
    if (!code.isEmpty())
        emit scanned(code);
}

void SerialScanner::reportUnavailable(const QString &message)
{
    if (m_faultReported)
        return;
    m_faultReported = true;
    emit fault(message);
}

void SerialScanner::setConnected(bool connected)
{
    if (m_connectionReported && m_connected == connected)
        return;
    m_connected = connected;
    m_connectionReported = true;
    emit connectedChanged(connected);
}

void SerialScanner::resetLine()
{
    m_idleTimer.stop();
    m_line.clear();
    m_discarding = false;
}

} // namespace gymgate
