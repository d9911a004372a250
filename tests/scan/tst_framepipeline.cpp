// FrameScanPipeline: frames decoded on the worker thread, the newest frame wins while it is busy,
// and a code is reported once per sighting window (ManualClock).
#include "core/Clock.h"
#include "scan/FrameScanPipeline.h"
#include "scan/QrEncoder.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace gymgate;

namespace {

// Frames carry their "code" as the image's text key, so the tests need no real decoding; the
// gate lets a test hold the worker inside a decode for as long as it wants.
QImage frameWithText(const QString &text)
{
    QImage frame(32, 32, QImage::Format_Grayscale8);
    frame.fill(255);
    frame.setText(QStringLiteral("code"), text);
    return frame;
}

struct DecodeGate {
    QSemaphore entered; // released by the worker when a decode starts
    QSemaphore proceed; // the test releases one per decode it lets finish
    QThread *workerThread = nullptr;
};

FrameScanPipeline::DecodeFunction gatedDecoder(DecodeGate &gate)
{
    return [&gate](const QImage &frame) -> std::optional<QString> {
        gate.workerThread = QThread::currentThread();
        gate.entered.release();
        gate.proceed.acquire();
        const QString text = frame.text(QStringLiteral("code"));
        return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
    };
}

FrameScanPipeline::DecodeFunction textDecoder()
{
    return [](const QImage &frame) -> std::optional<QString> {
        const QString text = frame.text(QStringLiteral("code"));
        return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
    };
}

} // namespace

class TestFramePipeline : public QObject {
    Q_OBJECT

private slots:
    void decodesOnAWorkerThread()
    {
        ManualClock clock(1'000'000);
        DecodeGate gate;
        FrameScanPipeline pipeline(clock, gatedDecoder(gate));
        QSignalSpy decoded(&pipeline, &FrameScanPipeline::decoded);
        gate.proceed.release(1);
        pipeline.submitFrame(frameWithText(QStringLiteral("A")));
        QVERIFY(decoded.wait());
        QCOMPARE(decoded.takeFirst().at(0).toString(), QStringLiteral("A"));
        QVERIFY(gate.workerThread != nullptr);
        QVERIFY(gate.workerThread != QThread::currentThread());
    }

    void newestFrameWinsWhileBusy()
    {
        ManualClock clock(1'000'000);
        DecodeGate gate;
        FrameScanPipeline pipeline(clock, gatedDecoder(gate));
        QSignalSpy decoded(&pipeline, &FrameScanPipeline::decoded);
        QSignalSpy processed(&pipeline, &FrameScanPipeline::frameProcessed);

        pipeline.submitFrame(frameWithText(QStringLiteral("first")));
        QVERIFY(gate.entered.tryAcquire(1, 5000)); // the worker holds "first"
        pipeline.submitFrame(frameWithText(QStringLiteral("second")));
        pipeline.submitFrame(frameWithText(QStringLiteral("third")));
        pipeline.submitFrame(frameWithText(QStringLiteral("fourth")));
        FrameScanPipeline::Stats stats = pipeline.stats();
        QCOMPARE(stats.framesSubmitted, 4);
        QCOMPARE(stats.framesDecoded, 1);
        QCOMPARE(stats.framesDropped, 2); // second and third, replaced while waiting

        gate.proceed.release(2);
        QTRY_COMPARE(processed.size(), 2);
        QCOMPARE(decoded.size(), 2);
        QCOMPARE(decoded.at(0).at(0).toString(), QStringLiteral("first"));
        QCOMPARE(decoded.at(1).at(0).toString(), QStringLiteral("fourth"));
        stats = pipeline.stats();
        QCOMPARE(stats.framesDecoded, 2);
        QCOMPARE(stats.framesDropped, 2);
        QCOMPARE(stats.codesFound, 2);
    }

    void idleWorkerTakesEveryFrame()
    {
        ManualClock clock(1'000'000);
        FrameScanPipeline pipeline(clock, textDecoder());
        QSignalSpy processed(&pipeline, &FrameScanPipeline::frameProcessed);
        for (int i = 0; i < 5; ++i) {
            pipeline.submitFrame(frameWithText(QString()));
            QTRY_COMPARE(processed.size(), i + 1);
        }
        QCOMPARE(pipeline.stats().framesDecoded, 5);
        QCOMPARE(pipeline.stats().framesDropped, 0);
        pipeline.submitFrame(QImage()); // a null frame is not a frame
        QCOMPARE(pipeline.stats().framesSubmitted, 5);
    }

    void repeatSuppression_data()
    {
        // Sightings of one code at these times (ms after the first); which ones are reported.
        QTest::addColumn<QList<qint64>>("sightingsMs");
        QTest::addColumn<QList<bool>>("reported");
        QTest::newRow("held in view") << QList<qint64> {0, 500, 1000, 2900} << QList<bool> {true, false, false, false};
        QTest::newRow("window restarts with every sighting")
            << QList<qint64> {0, 2000, 4000, 6000} << QList<bool> {true, false, false, false};
        QTest::newRow("shown again after a pause") << QList<qint64> {0, 3000, 7000} << QList<bool> {true, true, true};
        QTest::newRow("just inside the window") << QList<qint64> {0, 2999} << QList<bool> {true, false};
    }

    void repeatSuppression()
    {
        QFETCH(QList<qint64>, sightingsMs);
        QFETCH(QList<bool>, reported);
        ManualClock clock(1'000'000);
        FrameScanPipeline pipeline(clock, textDecoder());
        QCOMPARE(pipeline.repeatSuppressMs(), 3000);
        QSignalSpy decoded(&pipeline, &FrameScanPipeline::decoded);
        QSignalSpy processed(&pipeline, &FrameScanPipeline::frameProcessed);
        qint64 expectedReports = 0;
        for (qsizetype i = 0; i < sightingsMs.size(); ++i) {
            clock.setNowMs(1'000'000 + sightingsMs.at(i));
            pipeline.submitFrame(frameWithText(QStringLiteral("GG1.same")));
            QTRY_COMPARE(processed.size(), i + 1);
            expectedReports += reported.at(i) ? 1 : 0;
            QCOMPARE(decoded.size(), expectedReports);
        }
        QCOMPARE(pipeline.stats().codesFound, expectedReports);
        QCOMPARE(pipeline.stats().codesSuppressed, sightingsMs.size() - expectedReports);
    }

    void freshTextIsReportedAtOnce()
    {
        ManualClock clock(1'000'000);
        FrameScanPipeline pipeline(clock, textDecoder());
        QSignalSpy decoded(&pipeline, &FrameScanPipeline::decoded);
        QSignalSpy processed(&pipeline, &FrameScanPipeline::frameProcessed);
        const QStringList texts {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("A")};
        for (qsizetype i = 0; i < texts.size(); ++i) {
            clock.advanceMs(100);
            pipeline.submitFrame(frameWithText(texts.at(i)));
            QTRY_COMPARE(processed.size(), i + 1);
        }
        QCOMPARE(decoded.size(), 3); // A, then B, then A again: another member, another scan
        QCOMPARE(decoded.at(2).at(0).toString(), QStringLiteral("A"));
    }

    void customSuppressWindow()
    {
        ManualClock clock(1'000'000);
        FrameScanPipeline pipeline(clock, textDecoder());
        pipeline.setRepeatSuppressMs(0);
        QSignalSpy decoded(&pipeline, &FrameScanPipeline::decoded);
        QSignalSpy processed(&pipeline, &FrameScanPipeline::frameProcessed);
        pipeline.submitFrame(frameWithText(QStringLiteral("A")));
        QTRY_COMPARE(processed.size(), 1);
        pipeline.submitFrame(frameWithText(QStringLiteral("A")));
        QTRY_COMPARE(processed.size(), 2);
        QCOMPARE(decoded.size(), 2);
    }

    void realDecoderReadsAQrFrame()
    {
        ManualClock clock(1'000'000);
        FrameScanPipeline pipeline(clock);
        QSignalSpy decoded(&pipeline, &FrameScanPipeline::decoded);
        const Result<QImage> code = QrEncoder::encode(QStringLiteral("GG1.qrtest.pipeline"), 4);
        QVERIFY(code);
        QImage frame(640, 480, QImage::Format_Grayscale8);
        frame.fill(230);
        for (int y = 0; y < code->height(); ++y)
            std::memcpy(frame.scanLine(100 + y) + 200, code->constScanLine(y), size_t(code->width()));
        pipeline.submitFrame(frame);
        QVERIFY(decoded.wait());
        QCOMPARE(decoded.at(0).at(0).toString(), QStringLiteral("GG1.qrtest.pipeline"));
    }

    void destroyedWhileBusy()
    {
        // Destruction with a frame in hand and another waiting ends cleanly; a late result is
        // not delivered to the destroyed pipeline.
        ManualClock clock(1'000'000);
        DecodeGate gate;
        {
            FrameScanPipeline pipeline(clock, gatedDecoder(gate));
            pipeline.submitFrame(frameWithText(QStringLiteral("A")));
            QVERIFY(gate.entered.tryAcquire(1, 5000));
            pipeline.submitFrame(frameWithText(QStringLiteral("B")));
            gate.proceed.release(2); // B may or may not be taken before the destructor runs
        }
        QCoreApplication::processEvents();
        QVERIFY(gate.entered.available() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestFramePipeline)
#include "tst_framepipeline.moc"
