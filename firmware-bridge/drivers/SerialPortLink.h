#pragma once

#include <QObject>
#include <QSerialPort>
#include <QTimer>

#include "protocol/GateProfile.h"

namespace gymgate::bridge {

// Owns a serial port and keeps it open: when opening fails or the device goes away (USB
// adapter unplugged), it closes the port and retries with a backoff of 0.2 s doubling to 5 s.
class SerialPortLink : public QObject {
    Q_OBJECT

public:
    explicit SerialPortLink(SerialSettings settings, QObject *parent = nullptr);
    ~SerialPortLink() override;

    void start();
    void stop();
    bool isConnected() const { return m_port.isOpen(); }
    QIODevice *device() { return &m_port; }

signals:
    void connectedChanged(bool connected);
    void fault(const QString &message);

private:
    void tryOpen();
    void onError(QSerialPort::SerialPortError error);
    void applySettings();
    void scheduleRetry();

    SerialSettings m_settings;
    QSerialPort m_port;
    QTimer m_retryTimer;
    int m_backoffMs;
    bool m_running = false;
};

} // namespace gymgate::bridge
