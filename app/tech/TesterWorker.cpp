#include "tech/TesterWorker.h"

#include <utility>

namespace gymgate {

namespace {

constexpr int kFrameBatchMs = 100;

} // namespace

TesterWorker::TesterWorker(QObject *parent) : QObject(parent)
{
    m_frameTimer.setInterval(kFrameBatchMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &TesterWorker::flushFrames);
}

Direction TesterWorker::commandDirection(GateTestCommand command)
{
    switch (command) {
    case GateTestCommand::OpenIn:
        return Direction::In;
    case GateTestCommand::OpenOut:
        return Direction::Out;
    case GateTestCommand::Free:
    case GateTestCommand::Lock:
    case GateTestCommand::Normal:
    case GateTestCommand::Invalid:
        break;
    }
    return Direction::Invalid;
}

GateMode TesterWorker::commandMode(GateTestCommand command)
{
    switch (command) {
    case GateTestCommand::Free:
        return GateMode::Free;
    case GateTestCommand::Lock:
        return GateMode::Locked;
    case GateTestCommand::Normal:
        return GateMode::Normal;
    case GateTestCommand::OpenIn:
    case GateTestCommand::OpenOut:
    case GateTestCommand::Invalid:
        break;
    }
    return GateMode::Invalid;
}

void TesterWorker::stopFrameBatches()
{
    m_frameTimer.stop();
    flushFrames();
}

void TesterWorker::flushFrames()
{
    if (!m_frames.isEmpty())
        emit framesCaptured(std::exchange(m_frames, {}));
}

} // namespace gymgate
