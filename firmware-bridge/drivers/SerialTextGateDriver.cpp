#include "drivers/SerialTextGateDriver.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>

#include "drivers/SerialPortLink.h"

Q_LOGGING_CATEGORY(lcSerialTextDriver, "gymgate.bridge.serialtext.driver")

namespace gymgate::bridge {

SerialTextGateDriver::SerialTextGateDriver(GateProfile profile, QObject *parent)
    : GateDriver(parent), m_profile(std::move(profile)), m_link(new SerialPortLink(m_profile.serial, this))
{
    m_status.mode = GateMode::Normal;
    attach(m_link->device());
    connect(m_link, &SerialPortLink::fault, this, &GateDriver::fault);
    connect(m_link, &SerialPortLink::connectedChanged, this, &SerialTextGateDriver::setConnected);
}

SerialTextGateDriver::SerialTextGateDriver(QIODevice *device, GateProfile profile, QObject *parent)
    : GateDriver(parent), m_profile(std::move(profile))
{
    m_status.mode = GateMode::Normal;
    attach(device);
}

SerialTextGateDriver::~SerialTextGateDriver() = default;

void SerialTextGateDriver::attach(QIODevice *device)
{
    m_device = device;
    connect(device, &QIODevice::readyRead, this, &SerialTextGateDriver::onReadyRead);
}

void SerialTextGateDriver::start()
{
    if (m_link) {
        m_link->start();
        return;
    }
    setConnected(m_device && m_device->isOpen());
    onReadyRead(); // bytes that arrived before start()
}

void SerialTextGateDriver::stop()
{
    if (m_link)
        m_link->stop();
    else
        setConnected(false);
}

void SerialTextGateDriver::setConnected(bool connected)
{
    if (connected == m_status.connected)
        return;
    m_status.connected = connected;
    // A half-read line or an unanswered OPEN from the old link means nothing on the new one.
    m_parser.reset();
    m_awaitingOk.clear();
    emit connectedChanged(connected);
}

bool SerialTextGateDriver::send(const QByteArray &command)
{
    if (!m_device || !m_device->isOpen() || !m_status.connected) {
        emit fault(QCoreApplication::translate("GateDriver", "The gate is not connected; the command was not sent."));
        return false;
    }
    if (m_device->write(command) != command.size()) {
        emit fault(QCoreApplication::translate("GateDriver", "Could not send a command to the gate: %1")
                       .arg(m_device->errorString()));
        return false;
    }
    emit lineSent(command.chopped(1)); // without its '\n'
    return true;
}

void SerialTextGateDriver::open(Direction direction, int passes)
{
    Q_UNUSED(passes) // the board lets one person through per OPEN
    const QByteArray command = QByteArrayLiteral("OPEN ") + (direction == Direction::Out ? "OUT " : "IN ")
        + QByteArray::number(m_profile.pulseMs) + '\n';
    if (send(command))
        m_awaitingOk.push_back(PendingCommand {direction, GateMode::Invalid});
}

void SerialTextGateDriver::setMode(GateMode mode)
{
    const char *name = mode == GateMode::Locked ? "LOCKED" : mode == GateMode::Free ? "FREE" : "NORMAL";
    if (send(QByteArrayLiteral("MODE ") + name + '\n'))
        m_awaitingOk.push_back(PendingCommand {Direction::Invalid, mode});
}

void SerialTextGateDriver::requestStatus()
{
    // One STATUS in the queue is enough: a board that never answers it must not grow the queue
    // by one entry per poll; any STATUS line answers it.
    const bool queued = std::ranges::any_of(m_awaitingOk, [](const PendingCommand &command) { return command.status; });
    if (send(QByteArrayLiteral("STATUS\n")) && !queued)
        m_awaitingOk.push_back(PendingCommand {Direction::Invalid, GateMode::Invalid, true});
}

void SerialTextGateDriver::onReadyRead()
{
    if (m_device && m_device->isOpen())
        feed(m_device->readAll());
}

void SerialTextGateDriver::feed(const QByteArray &bytes)
{
    for (const QByteArray &line : m_parser.takeLines(bytes)) {
        emit lineReceived(line);
        handle(m_parser.accept(line));
    }
}

void SerialTextGateDriver::acknowledge(const PendingCommand &command)
{
    if (command.mode == GateMode::Invalid) {
        emit opened(command.direction);
        return;
    }
    // Every acknowledged MODE is reported, a repeated one too: whoever sent it waits for it.
    m_status.mode = command.mode;
    emit modeChanged(command.mode);
}

// The board answers in order; a STATUS still queued before the first OPEN or MODE was not
// answered (a board without STATUS may stay silent), so an OK answers the command after it.
void SerialTextGateDriver::onOk()
{
    const auto command = std::ranges::find_if(m_awaitingOk, [](const PendingCommand &c) { return !c.status; });
    if (command == m_awaitingOk.end()) {
        qCWarning(lcSerialTextDriver) << "OK without a pending command";
        return;
    }
    const PendingCommand answered = *command;
    m_awaitingOk.erase(m_awaitingOk.begin(), std::next(command));
    acknowledge(answered);
}

void SerialTextGateDriver::onStatus(const SerialTextEvent &event)
{
    const auto request = std::ranges::find_if(m_awaitingOk, [](const PendingCommand &c) { return c.status; });
    if (request != m_awaitingOk.end())
        m_awaitingOk.erase(request);
    // The board is the authority on its mode: a change seen here is reported like an
    // acknowledged MODE.
    if (event.mode != m_status.mode) {
        m_status.mode = event.mode;
        emit modeChanged(event.mode);
    }
    setFireActive(event.active);
    emit statusAnswered(event.mode, event.active);
}

void SerialTextGateDriver::setFireActive(bool active)
{
    if (active == m_status.fireActive)
        return;
    m_status.fireActive = active;
    emit fireAlarmChanged(active);
}

void SerialTextGateDriver::handle(const SerialTextEvent &event)
{
    using Kind = SerialTextEvent::Kind;
    switch (event.kind) {
    case Kind::Ok:
        onOk();
        return;
    case Kind::Status:
        onStatus(event);
        return;
    case Kind::Pass:
        emit passed(event.direction, 1);
        return;
    case Kind::Timeout:
        emit passTimedOut(event.direction);
        return;
    case Kind::Fire:
        setFireActive(event.active);
        return;
    case Kind::Err:
        // An ERR answers the oldest pending command (OPEN, MODE or STATUS), so a later OK is not
        // misattributed.
        if (!m_awaitingOk.empty())
            m_awaitingOk.pop_front();
        emit fault(QCoreApplication::translate("GateDriver", "The gate reports an error: %1").arg(event.text));
        return;
    case Kind::Invalid:
        return;
    }
}

} // namespace gymgate::bridge
