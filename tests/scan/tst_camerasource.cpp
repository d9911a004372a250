// CameraScanSource, as far as it can be tested without a camera: it builds, starts without one,
// says it is not connected with a translated fault, stops, and turns video frames into luminance.
#include "core/Clock.h"
#include "scan/CameraScanSource.h"
#include "scan/QrEncoder.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

using namespace gymgate;

class TestCameraSource : public QObject {
    Q_OBJECT

private slots:
    void startsWithoutACamera()
    {
        if (!QMediaDevices::videoInputs().isEmpty())
            QSKIP("a camera is present here; this test is about its absence");
        ManualClock clock(1'000'000);
        CameraScanSource source(clock, QStringLiteral("/dev/video-missing"));
        QCOMPARE(source.sourceId(), QStringLiteral("camera:/dev/video-missing"));
        QSignalSpy faults(&source, &ScanSource::fault);
        QVERIFY(source.start());
        QVERIFY(!source.isConnected());
        QCOMPARE(faults.size(), 1);
        QVERIFY(faults.at(0).at(0).toString().contains(QLatin1String("/dev/video-missing")));
        source.stop();
        QVERIFY(!source.isConnected());
    }

    void defaultCameraMissing()
    {
        if (!QMediaDevices::videoInputs().isEmpty())
            QSKIP("a camera is present here");
        ManualClock clock(1'000'000);
        CameraScanSource source(clock);
        QCOMPARE(source.sourceId(), QStringLiteral("camera:default"));
        QSignalSpy faults(&source, &ScanSource::fault);
        QVERIFY(source.start());
        QVERIFY(!source.isConnected());
        QCOMPARE(faults.size(), 1);
    }

    void luminanceOfAYuvFrame()
    {
        // An NV12 frame holding a QR code in its Y plane decodes through the camera path.
        const Result<QImage> code = QrEncoder::encode(QStringLiteral("GG1.camera.frame"), 3);
        QVERIFY(code);
        const QVideoFrameFormat format(QSize(320, 240), QVideoFrameFormat::Format_NV12);
        QVideoFrame frame(format);
        QVERIFY(frame.map(QVideoFrame::WriteOnly));
        for (int y = 0; y < 240; ++y)
            std::memset(frame.bits(0) + y * frame.bytesPerLine(0), 220, 320);
        std::memset(frame.bits(1), 128, size_t(frame.bytesPerLine(1) * 120));
        for (int y = 0; y < code->height(); ++y)
            std::memcpy(
                frame.bits(0) + (20 + y) * frame.bytesPerLine(0) + 40, code->constScanLine(y), size_t(code->width()));
        frame.unmap();

        const QImage luminance = CameraScanSource::luminanceImage(frame);
        QCOMPARE(luminance.format(), QImage::Format_Grayscale8);
        QCOMPARE(luminance.size(), QSize(320, 240));
        QCOMPARE(luminance.pixelColor(0, 0).red(), 220);
        QCOMPARE(QrDecoder().decode(luminance), std::optional<QString>(QStringLiteral("GG1.camera.frame")));
    }

    void pipelineReportsThroughTheSource()
    {
        ManualClock clock(1'000'000);
        CameraScanSource source(clock, QStringLiteral("none"));
        QSignalSpy scanned(&source, &ScanSource::scanned);
        const Result<QImage> code = QrEncoder::encode(QStringLiteral("GG1.camera.pipeline"), 4);
        QVERIFY(code);
        source.pipeline().submitFrame(*code);
        QVERIFY(scanned.wait(5000));
        QCOMPARE(scanned.at(0).at(0).toString(), QStringLiteral("GG1.camera.pipeline"));
    }
};

QTEST_MAIN(TestCameraSource)
#include "tst_camerasource.moc"
