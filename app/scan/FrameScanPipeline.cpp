#include "scan/FrameScanPipeline.h"

#include <QMetaObject>
#include <QMutexLocker>

#include <utility>

namespace gymgate {

// Lives on the pipeline's worker thread. It drains the pending slot until it is empty, so one queued
// call serves a burst of frames and no event piles up per frame.
class FrameDecodeWorker : public QObject {
public:
    FrameDecodeWorker(FrameScanPipeline &pipeline, FrameScanPipeline::DecodeFunction decode)
        : m_pipeline(pipeline), m_decode(std::move(decode))
    { }

    void drain()
    {
        while (const std::optional<QImage> frame = m_pipeline.takePendingFrame()) {
            const std::optional<QString> text = m_decode(*frame);
            QMetaObject::invokeMethod(
                &m_pipeline, [pipeline = &m_pipeline, text] { pipeline->onWorkerResult(text); }, Qt::QueuedConnection);
        }
    }

private:
    FrameScanPipeline &m_pipeline;
    FrameScanPipeline::DecodeFunction m_decode;
};

FrameScanPipeline::FrameScanPipeline(const Clock &clock, QObject *parent)
    : FrameScanPipeline(clock, QrDecoder(), parent)
{ }

FrameScanPipeline::FrameScanPipeline(const Clock &clock, const QrDecoder &decoder, QObject *parent)
    : FrameScanPipeline(clock, DecodeFunction([decoder](const QImage &frame) { return decoder.decode(frame); }), parent)
{ }

FrameScanPipeline::FrameScanPipeline(const Clock &clock, DecodeFunction decode, QObject *parent)
    : QObject(parent), m_clock(clock), m_worker(new FrameDecodeWorker(*this, std::move(decode)))
{
    m_thread.setObjectName(QStringLiteral("gymgate-qr-decode"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

FrameScanPipeline::~FrameScanPipeline()
{
    {
        // A frame still waiting is not decoded: the worker stops after the one in hand.
        QMutexLocker lock(&m_mutex);
        m_pending.reset();
    }
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended, so no event of it can be running
}

void FrameScanPipeline::submitFrame(const QImage &frame)
{
    if (frame.isNull())
        return;
    QMutexLocker lock(&m_mutex);
    ++m_stats.framesSubmitted;
    if (m_pending)
        ++m_stats.framesDropped;
    m_pending = frame;
    if (m_busy)
        return;
    m_busy = true;
    lock.unlock();
    QMetaObject::invokeMethod(m_worker, &FrameDecodeWorker::drain, Qt::QueuedConnection);
}

FrameScanPipeline::Stats FrameScanPipeline::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

std::optional<QImage> FrameScanPipeline::takePendingFrame()
{
    QMutexLocker lock(&m_mutex);
    std::optional<QImage> frame = std::exchange(m_pending, std::nullopt);
    if (frame)
        ++m_stats.framesDecoded;
    else
        m_busy = false;
    return frame;
}

void FrameScanPipeline::onWorkerResult(const std::optional<QString> &text)
{
    if (text) {
        const qint64 nowMs = m_clock.nowMs();
        const bool repeat = *text == m_lastText && nowMs - m_lastSeenMs < m_repeatSuppressMs;
        m_lastText = *text;
        m_lastSeenMs = nowMs;
        {
            QMutexLocker lock(&m_mutex);
            ++(repeat ? m_stats.codesSuppressed : m_stats.codesFound);
        }
        if (!repeat)
            emit decoded(*text);
    }
    emit frameProcessed();
}

} // namespace gymgate
