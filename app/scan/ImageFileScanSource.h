#pragma once

#include "scan/QrDecoder.h"
#include "scan/ScanSource.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QTimer>

namespace gymgate {

// "Presents" a code from an image file: for the demo, for staff testing a printed card's image,
// and for a kiosk without a scanner. scanFile() decodes one file on request; with a drop folder
// set, every image file that appears in it (or is rewritten) after start() is decoded once.
// Files already in the folder at start() are left alone: a restart must not replay old codes.
class ImageFileScanSource : public ScanSource {
    Q_OBJECT
public:
    // Writers create a file before they finish writing it; the folder is read this long after
    // its last change.
    static constexpr int DefaultSettleMs = 150;

    explicit ImageFileScanSource(QObject *parent = nullptr);
    ImageFileScanSource(const QrDecoder &decoder, QObject *parent = nullptr);

    QString sourceId() const override { return QStringLiteral("image"); }
    Status start() override; // InvalidArgument if the drop folder is set and is not a folder
    void stop() override;
    bool isConnected() const override { return m_started; }

    // Empty: no folder is watched. Takes effect at the next start().
    void setDropFolder(const QString &folder) { m_dropFolder = folder; }
    const QString &dropFolder() const { return m_dropFolder; }
    void setSettleMs(int settleMs) { m_settle.setInterval(settleMs); }

    // Decodes now; emits scanned(text) or fault(message). Works whether started or not.
    Result<QString> scanFile(const QString &path);

private:
    void scanDropFolder(bool presentNewFiles);
    QStringList imageFilesInDropFolder() const;

    QrDecoder m_decoder;
    QString m_dropFolder;
    bool m_started = false;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QHash<QString, QString> m_seen; // path -> size and modification time when last decoded
};

} // namespace gymgate
