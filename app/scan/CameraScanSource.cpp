#include "scan/CameraScanSource.h"

#include <cstring>

namespace gymgate {
namespace {

QImage copyPlane(const QVideoFrame &frame)
{
    QImage image(frame.width(), frame.height(), QImage::Format_Grayscale8);
    const uchar *source = frame.bits(0);
    const int sourceStride = frame.bytesPerLine(0);
    for (int y = 0; y < image.height(); ++y)
        std::memcpy(image.scanLine(y), source + qsizetype(y) * sourceStride, size_t(image.width()));
    return image;
}

QImage copyPackedLuma(const QVideoFrame &frame, int lumaOffset)
{
    // YUYV / UYVY: Y0 U Y1 V, two bytes per pixel, luma at every other byte.
    QImage image(frame.width(), frame.height(), QImage::Format_Grayscale8);
    const uchar *source = frame.bits(0);
    const int sourceStride = frame.bytesPerLine(0);
    for (int y = 0; y < image.height(); ++y) {
        const uchar *in = source + qsizetype(y) * sourceStride + lumaOffset;
        uchar *out = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x)
            out[x] = in[2 * x];
    }
    return image;
}

} // namespace

CameraScanSource::CameraScanSource(const Clock &clock, const QString &cameraId, QObject *parent)
    : ScanSource(parent), m_cameraId(cameraId), m_pipeline(clock)
{
    m_session.setVideoSink(&m_sink);
    connect(&m_pipeline, &FrameScanPipeline::decoded, this, &ScanSource::scanned);
    // The sink may call from a multimedia thread: submitFrame is thread-safe, and the pipeline
    // drops what it cannot decode in time.
    connect(
        &m_sink, &QVideoSink::videoFrameChanged, &m_pipeline,
        [this](const QVideoFrame &frame) { m_pipeline.submitFrame(luminanceImage(frame)); }, Qt::DirectConnection);
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, [this] {
        if (m_started && !m_connected)
            openCamera();
    });
}

CameraScanSource::~CameraScanSource()
{
    closeCamera();
}

QString CameraScanSource::sourceId() const
{
    return m_cameraId.isEmpty() ? QStringLiteral("camera:default") : QStringLiteral("camera:") + m_cameraId;
}

Status CameraScanSource::start()
{
    m_started = true;
    openCamera();
    return {};
}

void CameraScanSource::stop()
{
    m_started = false;
    closeCamera();
}

QCameraDevice CameraScanSource::findDevice() const
{
    if (m_cameraId.isEmpty())
        return QMediaDevices::defaultVideoInput();
    const QList<QCameraDevice> devices = QMediaDevices::videoInputs();
    for (const QCameraDevice &device : devices) {
        if (QString::fromUtf8(device.id()) == m_cameraId)
            return device;
    }
    return {};
}

void CameraScanSource::openCamera()
{
    closeCamera();
    const QCameraDevice device = findDevice();
    if (device.isNull()) {
        emit fault(m_cameraId.isEmpty() ? tr("No camera is connected.")
                                        : tr("The camera %1 is not connected.").arg(m_cameraId));
        return;
    }
    m_camera = std::make_unique<QCamera>(device);
    connect(m_camera.get(), &QCamera::activeChanged, this, &CameraScanSource::setConnected);
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &message) {
        setConnected(false);
        emit fault(tr("Camera error: %1").arg(message));
    });
    m_session.setCamera(m_camera.get());
    m_camera->start();
}

void CameraScanSource::closeCamera()
{
    if (!m_camera)
        return;
    m_camera->disconnect(this);
    m_camera->stop();
    m_session.setCamera(nullptr);
    m_camera.reset();
    setConnected(false);
}

void CameraScanSource::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    emit connectedChanged(connected);
}

QImage CameraScanSource::luminanceImage(const QVideoFrame &frame)
{
    QVideoFrame mapped(frame);
    if (!mapped.isValid() || !mapped.map(QVideoFrame::ReadOnly))
        return {};
    QImage image;
    switch (mapped.pixelFormat()) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        image = copyPlane(mapped);
        break;
    case QVideoFrameFormat::Format_YUYV:
        image = copyPackedLuma(mapped, 0);
        break;
    case QVideoFrameFormat::Format_UYVY:
        image = copyPackedLuma(mapped, 1);
        break;
    default:
        break;
    }
    mapped.unmap();
    return image.isNull() ? frame.toImage() : image;
}

} // namespace gymgate
