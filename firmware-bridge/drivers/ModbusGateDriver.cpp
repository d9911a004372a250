#include "drivers/ModbusGateDriver.h"

#include "drivers/ModbusLine.h"
#include "drivers/ModbusWorker.h"

namespace gymgate::bridge {

ModbusGateDriver::ModbusGateDriver(GateProfile profile, QObject *parent)
    : ModbusGateDriver(ModbusLine::create(profile), profile, parent)
{ }

ModbusGateDriver::ModbusGateDriver(std::shared_ptr<ModbusLine> line, GateProfile profile, QObject *parent)
    : GateDriver(parent), m_profile(std::move(profile)), m_line(std::move(line)), m_gateId(m_line->nextGateId())
{
    m_status.mode = GateMode::Normal;
    connectWorker();
    QMetaObject::invokeMethod(
        m_line->worker(), [worker = m_line->worker(), id = m_gateId, gate = m_profile] { worker->addGate(id, gate); },
        Qt::QueuedConnection);
}

ModbusGateDriver::~ModbusGateDriver()
{
    QMetaObject::invokeMethod(
        m_line->worker(), [worker = m_line->worker(), id = m_gateId] { worker->removeGate(id); },
        Qt::BlockingQueuedConnection);
}

// Every driver on a line sees every gate's signals; each keeps only its own.
void ModbusGateDriver::connectWorker()
{
    ModbusWorker *worker = m_line->worker();
    const int id = m_gateId;
    connect(worker, &ModbusWorker::opened, this, [this, id](int gate, Direction direction) {
        if (gate == id)
            emit opened(direction);
    });
    connect(worker, &ModbusWorker::passed, this, [this, id](int gate, Direction direction, int count) {
        if (gate == id)
            emit passed(direction, count);
    });
    connect(worker, &ModbusWorker::passTimedOut, this, [this, id](int gate, Direction direction) {
        if (gate == id)
            emit passTimedOut(direction);
    });
    connect(worker, &ModbusWorker::fireAlarmChanged, this, [this, id](int gate, bool active) {
        if (gate == id)
            emit fireAlarmChanged(active);
    });
    connect(worker, &ModbusWorker::tamperChanged, this, [this, id](int gate, bool active) {
        if (gate == id)
            emit tamperChanged(active);
    });
    connect(worker, &ModbusWorker::fault, this, [this, id](int gate, const QString &message) {
        if (gate == id)
            emit fault(message);
    });
    // The worker sends the status before the signal that reports the change, so a slot that
    // calls status() from connectedChanged or fireAlarmChanged already sees the new state.
    connect(worker, &ModbusWorker::statusChanged, this, [this, id](int gate, const GateStatus &status) {
        if (gate != id)
            return;
        const GateMode before = m_status.mode;
        m_status = status;
        if (status.mode != before)
            emit modeChanged(status.mode);
    });
    connect(worker, &ModbusWorker::connectedChanged, this, [this, id](int gate, bool connected) {
        if (gate != id)
            return;
        m_status.connected = connected;
        emit connectedChanged(connected);
    });
}

void ModbusGateDriver::start()
{
    QMetaObject::invokeMethod(
        m_line->worker(), [worker = m_line->worker(), id = m_gateId] { worker->startGate(id); }, Qt::QueuedConnection);
}

void ModbusGateDriver::stop()
{
    QMetaObject::invokeMethod(
        m_line->worker(), [worker = m_line->worker(), id = m_gateId] { worker->stopGate(id); },
        Qt::BlockingQueuedConnection);
}

void ModbusGateDriver::open(Direction direction, int passes)
{
    QMetaObject::invokeMethod(
        m_line->worker(),
        [worker = m_line->worker(), id = m_gateId, direction, passes] { worker->open(id, direction, passes); },
        Qt::QueuedConnection);
}

void ModbusGateDriver::setMode(GateMode mode)
{
    QMetaObject::invokeMethod(
        m_line->worker(), [worker = m_line->worker(), id = m_gateId, mode] { worker->setMode(id, mode); },
        Qt::QueuedConnection);
}

} // namespace gymgate::bridge
