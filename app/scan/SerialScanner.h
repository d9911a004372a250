#pragma once

#include "scan/ScanSource.h"

#include <QByteArray>
#include <QSerialPort>
#include <QString>
#include <QTimer>

namespace gymgate {

struct SerialScannerSettings {
    // What ends one code on the wire. Most scanners in USB-COM (CDC ACM) or RS-232 mode send a
    // CR suffix by default; Idle is for scanners configured without any suffix.
    enum class Terminator {
        Invalid = 0,
        CrOrLf, // CR, LF, CRLF or LFCR all end a code
        Cr, // only CR ends a code; LF is dropped as a control character
        Lf, // only LF ends a code; CR is dropped as a control character
        Idle, // a pause of idleTerminatorMs ends a code (CR or LF, if they come, also do)
    };

    QString portName; // "/dev/ttyACM0", "ttyUSB0", or a udev symlink such as "/dev/gymgate-scanner"
    qint32 baudRate = 9600;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    Terminator terminator = Terminator::CrOrLf;
    int idleTerminatorMs = 80;
    int maxLength = 512; // bytes of one code on the wire; longer input is discarded
    int reconnectMs = 1000;
};

// A QR scanner on a serial port (a real UART, a USB-COM scanner, or a pty in tests). Owns the
// QSerialPort and a reconnect timer: a port that is missing at start or unplugged later is
// reopened every reconnectMs until it is back. Lives on the thread that created it; reads are
// event driven, never blocking.
class SerialScanner final : public ScanSource {
    Q_OBJECT
public:
    explicit SerialScanner(SerialScannerSettings settings, QObject *parent = nullptr);
    ~SerialScanner() override;

    // Checks every field; the error names the offending one ("portName", "baudRate", ...).
    static Status validate(const SerialScannerSettings &settings);

    const SerialScannerSettings &settings() const { return m_settings; }

    QString sourceId() const override; // "serial:<portName>"
    Status start() override;
    void stop() override;
    bool isConnected() const override;

private:
    void tryOpen();
    void applyLineSettings();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void onIdle();
    void consume(const QByteArray &chunk);
    bool isTerminator(char byte) const;
    void endLine();
    void appendByte(char byte);
    void reportUnavailable(const QString &message);
    void setConnected(bool connected);
    void resetLine();

    SerialScannerSettings m_settings;
    QSerialPort m_port;
    QTimer m_reconnectTimer;
    QTimer m_idleTimer;
    QByteArray m_line;
    bool m_running = false;
    bool m_connected = false;
    bool m_connectionReported = false; // connectedChanged sent at least once since start()
    bool m_faultReported = false; // one fault per outage, not one per retry
    bool m_discarding = false; // over-long input: drop bytes until the next terminator
};

} // namespace gymgate
