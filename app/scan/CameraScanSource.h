#pragma once

#include "core/Clock.h"
#include "scan/FrameScanPipeline.h"
#include "scan/ScanSource.h"

#include <QCamera>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

#include <memory>

namespace gymgate {

// Reads member codes with a camera (Qt Multimedia): frames from a QVideoSink go to a
// FrameScanPipeline, which decodes them on its worker thread and reports each code once.
// Only built with GYMGATE_CAMERA (GYMGATE_HAVE_CAMERA is then defined).
//
// A missing camera is not a configuration error: start() succeeds, isConnected() stays false,
// fault() says why, and the source opens the camera when one is plugged in.
class CameraScanSource : public ScanSource {
    Q_OBJECT
public:
    // cameraId: QCameraDevice::id() as text; empty for the system's default camera.
    explicit CameraScanSource(const Clock &clock, const QString &cameraId = {}, QObject *parent = nullptr);
    ~CameraScanSource() override;

    QString sourceId() const override;
    Status start() override;
    void stop() override;
    bool isConnected() const override { return m_connected; }

    FrameScanPipeline &pipeline() { return m_pipeline; }

    // The luminance of a video frame as a Grayscale8 image: the Y plane of planar and packed YUV
    // formats is copied as is (no colour conversion), anything else goes through toImage().
    static QImage luminanceImage(const QVideoFrame &frame);

private:
    void openCamera();
    void closeCamera();
    void setConnected(bool connected);
    QCameraDevice findDevice() const;

    QString m_cameraId;
    FrameScanPipeline m_pipeline;
    QMediaDevices m_devices;
    QVideoSink m_sink; // before the session, which must go first: it points at the sink
    QMediaCaptureSession m_session;
    std::unique_ptr<QCamera> m_camera;
    bool m_started = false;
    bool m_connected = false;
};

} // namespace gymgate
