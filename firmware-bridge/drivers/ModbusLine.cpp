#include "drivers/ModbusLine.h"

#include "drivers/ModbusWorker.h"

namespace gymgate::bridge {

std::shared_ptr<ModbusLine> ModbusLine::create(const GateProfile &profile)
{
    return std::make_shared<ModbusLine>(profile);
}

ModbusLine::ModbusLine(const GateProfile &profile) : m_worker(std::make_unique<ModbusWorker>(profile))
{
    m_thread.setObjectName(QStringLiteral("gate-modbus"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

ModbusLine::~ModbusLine()
{
    QMetaObject::invokeMethod(m_worker.get(), &ModbusWorker::stopAll, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    // stopAll() stopped the worker's timers on its own thread, so deleting it here is safe.
    m_worker.reset();
}

} // namespace gymgate::bridge
