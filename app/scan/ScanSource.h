#pragma once

#include "core/Error.h"

#include <QObject>
#include <QString>

namespace gymgate {

// Anything that turns a member's code into text: a serial QR scanner, a keyboard-wedge scanner,
// a camera, an image file. The entry service does not care which; it binds each source to a
// gate. Sources live on the GUI/main thread and report through signals; a source that needs a
// worker (camera decoding) hides it.
class ScanSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ScanSource() override = default;

    // "serial:/dev/ttyACM0", "wedge", "camera:<id>", "image": for logs and the entry log.
    virtual QString sourceId() const = 0;
    // Begins delivering scans. A device that is missing now is retried in the background
    // (connectedChanged tells when it appears); an unusable configuration fails here.
    virtual Status start() = 0;
    virtual void stop() = 0;
    virtual bool isConnected() const = 0;

signals:
    // One complete code, without terminators or surrounding whitespace; never empty.
    void scanned(const QString &text);
    void connectedChanged(bool connected);
    void fault(const QString &message); // translated, for staff and technicians
};

} // namespace gymgate
