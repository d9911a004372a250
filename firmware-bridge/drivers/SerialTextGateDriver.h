#pragma once

#include "core/GateDriver.h"

#include <QIODevice>
#include <QPointer>

#include <deque>

#include "drivers/SerialTextParser.h"
#include "protocol/GateProfile.h"

namespace gymgate::bridge {

class SerialPortLink;

// A small microcontroller board speaking the serial-text line protocol (DESIGN §8):
// `OPEN IN 500` → `OK`, `MODE NORMAL|LOCKED|FREE` → `OK`; events `PASS IN|OUT`,
// `TIMEOUT IN|OUT`, `FIRE 1|0`, `ERR <text>`; `STATUS` → `STATUS <mode> FIRE <0|1>` for boards
// that have it.
// Serial I/O is asynchronous (readyRead), so the driver needs no thread of its own.
class SerialTextGateDriver : public GateDriver {
    Q_OBJECT

public:
    // Production: owns a SerialPortLink on profile.serial that reconnects by itself.
    explicit SerialTextGateDriver(GateProfile profile, QObject *parent = nullptr);
    // Any open QIODevice (a pty, a QBuffer in tests); not owned, no reconnect.
    SerialTextGateDriver(QIODevice *device, GateProfile profile, QObject *parent = nullptr);
    ~SerialTextGateDriver() override;

    void start() override;
    void stop() override;
    void open(Direction direction, int passes = 1) override;
    void setMode(GateMode mode) override;
    GateStatus status() const override { return m_status; }
    // Asks the board for its mode and fire input; statusAnswered() tells. A board without
    // STATUS answers ERR, which is a fault() like any other.
    void requestStatus();

    int ignoredLines() const { return m_parser.ignoredLines(); }
    // Feeds bytes as if they had been read from the device (QBuffer tests and replays).
    void feed(const QByteArray &bytes);

signals:
    // Every command written and every complete line read, without the line ending: the
    // technician console's frame log.
    void lineSent(const QByteArray &line);
    void lineReceived(const QByteArray &line);
    // The board answered STATUS (mode() and fireActive in status() are updated before).
    void statusAnswered(gymgate::GateMode mode, bool fireActive);

private:
    void attach(QIODevice *device);
    void onReadyRead();
    void handle(const SerialTextEvent &event);
    void setConnected(bool connected);
    bool send(const QByteArray &command);

    // A command sent and not yet answered; the board answers in order.
    struct PendingCommand {
        Direction direction = Direction::Invalid; // OPEN
        GateMode mode = GateMode::Invalid; // MODE
        bool status = false; // STATUS, answered by a STATUS line instead of OK
    };
    void acknowledge(const PendingCommand &command);
    void onOk();
    void onStatus(const SerialTextEvent &event);
    void setFireActive(bool active);

    GateProfile m_profile;
    SerialPortLink *m_link = nullptr;
    QPointer<QIODevice> m_device;
    SerialTextParser m_parser;
    std::deque<PendingCommand> m_awaitingOk;
    GateStatus m_status;
};

} // namespace gymgate::bridge
