#pragma once

#include "core/Entry.h"

#include <QObject>
#include <QString>

namespace gymgate {

enum class GateMode {
    Invalid = 0,
    Normal,
    Locked,
    Free
};

struct GateStatus {
    bool connected = false;
    GateMode mode = GateMode::Invalid;
    bool fireActive = false;
    bool tamperActive = false;
    quint32 entryCount = 0; // counters as the controller reports them (register maps)
    quint32 exitCount = 0;
    int errorCode = 0;
};

// One turnstile or door, whatever the wire (DESIGN §8). Implementations do their I/O on a
// worker thread; calls return at once and results arrive as signals (queued to the caller's
// thread). Core owns the interface; firmware-bridge implements it.
class GateDriver : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~GateDriver() override = default;

    virtual void start() = 0; // connect and begin polling; reconnects by itself
    virtual void stop() = 0;
    virtual void open(Direction direction, int passes = 1) = 0;
    virtual void setMode(GateMode mode) = 0;
    virtual GateStatus status() const = 0;

signals:
    void opened(Direction direction); // the controller acknowledged the command
    void modeChanged(GateMode mode); // the controller acknowledged a new mode
    void passed(Direction direction, int count); // people went through
    void passTimedOut(Direction direction); // opened, nobody passed in time
    void fireAlarmChanged(bool active);
    void tamperChanged(bool active);
    void connectedChanged(bool connected);
    void fault(const QString &message); // translated, for staff and technicians
};

} // namespace gymgate
