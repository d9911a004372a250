#include "scan/ImageFileScanSource.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>

#include <utility>

namespace gymgate {
namespace {

QString fileStamp(const QFileInfo &info)
{
    return QString::number(info.size()) + QLatin1Char('@') + QString::number(info.lastModified().toMSecsSinceEpoch());
}

QStringList imageNameFilters()
{
    QStringList filters;
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QByteArray &format : formats)
        filters.append(QStringLiteral("*.") + QString::fromLatin1(format));
    return filters;
}

} // namespace

ImageFileScanSource::ImageFileScanSource(QObject *parent) : ImageFileScanSource(QrDecoder(), parent)
{ }

ImageFileScanSource::ImageFileScanSource(const QrDecoder &decoder, QObject *parent)
    : ScanSource(parent), m_decoder(decoder)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(DefaultSettleMs);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_settle, &QTimer::timeout, this, [this] { scanDropFolder(true); });
}

Status ImageFileScanSource::start()
{
    stop();
    if (!m_dropFolder.isEmpty()) {
        if (!QFileInfo(m_dropFolder).isDir()) {
            return fail(ErrorCode::InvalidArgument,
                tr("The drop folder %1 does not exist or is not a folder.").arg(QDir::toNativeSeparators(m_dropFolder)),
                QStringLiteral("dropFolder"));
        }
        if (!m_watcher.addPath(m_dropFolder)) {
            return fail(ErrorCode::Io,
                tr("The drop folder %1 cannot be watched.").arg(QDir::toNativeSeparators(m_dropFolder)),
                QStringLiteral("dropFolder"));
        }
        scanDropFolder(false);
    }
    m_started = true;
    emit connectedChanged(true);
    return {};
}

void ImageFileScanSource::stop()
{
    m_settle.stop();
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_seen.clear();
    if (std::exchange(m_started, false))
        emit connectedChanged(false);
}

Result<QString> ImageFileScanSource::scanFile(const QString &path)
{
    Result<QString> text = m_decoder.decodeFile(path);
    if (text)
        emit scanned(*text);
    else
        emit fault(text.error().message);
    return text;
}

QStringList ImageFileScanSource::imageFilesInDropFolder() const
{
    static const QStringList filters = imageNameFilters();
    const QDir dir(m_dropFolder);
    QStringList paths;
    const QStringList names = dir.entryList(filters, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names)
        paths.append(dir.filePath(name));
    return paths;
}

void ImageFileScanSource::scanDropFolder(bool presentNewFiles)
{
    const QStringList paths = imageFilesInDropFolder();
    QHash<QString, QString> seen;
    for (const QString &path : paths) {
        const QString stamp = fileStamp(QFileInfo(path));
        const bool isNew = m_seen.value(path) != stamp;
        seen.insert(path, stamp);
        if (presentNewFiles && isNew)
            scanFile(path);
    }
    m_seen = std::move(seen); // removed files are forgotten, so putting one back presents it again
}

} // namespace gymgate
