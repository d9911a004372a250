#pragma once

#include "core/Clock.h"
#include "scan/QrDecoder.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>
#include <optional>

namespace gymgate {

class FrameDecodeWorker;

// Decodes frames from any producer (a camera, a test) on a worker thread and reports each code
// once. A camera delivers frames faster than they can be decoded at times; frames that arrive
// while the worker is busy are not queued: the newest waiting frame replaces the older one, so
// the code read is always from the most recent picture and the latency stays one decode.
//
// A code seen again within repeatSuppressMs of its last sighting is not reported again: a
// member holding a phone in front of the camera is one scan, not thirty a second. The window
// restarts with every sighting, so the code is reported again only after it was out of view.
class FrameScanPipeline : public QObject {
    Q_OBJECT
public:
    using DecodeFunction = std::function<std::optional<QString>(const QImage &)>;

    struct Stats {
        qint64 framesSubmitted = 0;
        qint64 framesDecoded = 0; // handed to the decoder
        qint64 framesDropped = 0; // replaced by a newer frame while the worker was busy
        qint64 codesFound = 0;
        qint64 codesSuppressed = 0; // repeats within repeatSuppressMs
    };

    static constexpr qint64 DefaultRepeatSuppressMs = 3000;

    explicit FrameScanPipeline(const Clock &clock, QObject *parent = nullptr);
    FrameScanPipeline(const Clock &clock, const QrDecoder &decoder, QObject *parent = nullptr);
    // For tests and benchmarks: any decoding function, called on the worker thread.
    FrameScanPipeline(const Clock &clock, DecodeFunction decode, QObject *parent = nullptr);
    ~FrameScanPipeline() override;

    qint64 repeatSuppressMs() const { return m_repeatSuppressMs; }
    void setRepeatSuppressMs(qint64 repeatSuppressMs) { m_repeatSuppressMs = repeatSuppressMs; }

    // Thread-safe: a camera's video sink may call it from its own thread. Never blocks on a decode.
    void submitFrame(const QImage &frame);
    Stats stats() const;

signals:
    void decoded(const QString &text);
    // After each frame the worker finished, found a code or not; for diagnostics and tests.
    void frameProcessed();

private:
    friend class FrameDecodeWorker;
    void onWorkerResult(const std::optional<QString> &text);
    std::optional<QImage> takePendingFrame(); // worker thread; clears busy when nothing waits

    const Clock &m_clock;
    qint64 m_repeatSuppressMs = DefaultRepeatSuppressMs;
    QString m_lastText;
    qint64 m_lastSeenMs = 0;

    mutable QMutex m_mutex; // guards the fields below
    std::optional<QImage> m_pending;
    bool m_busy = false;
    Stats m_stats;

    QThread m_thread;
    FrameDecodeWorker *m_worker = nullptr; // lives in m_thread
};

} // namespace gymgate
