#pragma once

#include "core/Clock.h"
#include "scan/ScanSource.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

class QKeyEvent;

namespace gymgate {

struct KeyboardWedgeSettings {
    int maxInterKeyMs = 35; // a scanner types faster than this between keys; a person does not
    int idleTerminatorMs = 200; // a pause this long ends a code sent without Enter (150-300)
    int minLength = 6; // shorter fast bursts are a person after all
    bool consumeKeys = true; // scanned keys do not reach the focused widget
};

// A USB scanner in keyboard mode (HID keyboard wedge): it "types" the code followed by Enter.
// Installed as an event filter on the application, so it hears the scanner whatever widget
// has focus. It tells the scanner from a person by speed: printable keys each within
// maxInterKeyMs of the previous one form a burst; a burst of at least minLength characters,
// ended by Enter or a pause of idleTerminatorMs, is a scan.
//
// With consumeKeys, the first keys of every possible burst are held back until it is clear
// who is typing. A person's keys are then delivered to the widget that had focus, in order and
// unchanged (delayed by at most idleTerminatorMs); a scan's keys, its Enter and their releases
// never reach a widget. Bare modifier keys (Shift around upper-case letters) always pass.
// All timing decisions use the injected clock; a real timer only wakes the scanner to check
// for the idle pause.
class KeyboardWedgeScanner final : public ScanSource {
    Q_OBJECT
public:
    KeyboardWedgeScanner(KeyboardWedgeSettings settings, const Clock &clock, QObject *parent = nullptr);
    ~KeyboardWedgeScanner() override;

    // Checks every field; the error names the offending one ("idleTerminatorMs", ...).
    static Status validate(const KeyboardWedgeSettings &settings);

    const KeyboardWedgeSettings &settings() const { return m_settings; }

    QString sourceId() const override; // "wedge"
    // Fails without a QGuiApplication. Connected from start() to stop(): a keyboard cannot be
    // seen coming or going.
    Status start() override;
    void stop() override; // keys held back at that moment are delivered, not lost
    bool isConnected() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct HeldKey {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> event;
    };

    bool onKeyPress(QObject *receiver, const QKeyEvent &event);
    bool onKeyRelease(QObject *receiver, const QKeyEvent &event);
    bool onEnter(int key);
    void hold(QObject *receiver, const QKeyEvent &event);
    void onIdleTimeout();
    void finishBurst();
    void acceptBurst();
    void replayHeld();
    void clearBurst();

    KeyboardWedgeSettings m_settings;
    const Clock &m_clock;
    QTimer m_idleTimer;
    QString m_burst;
    qint64 m_lastKeyMs = 0;
    std::vector<HeldKey> m_held;
    QList<int> m_pressedInBurst; // held key presses whose release has not come yet
    QList<int> m_swallowReleases; // consumed keys whose release must not reach a widget
    bool m_running = false;
    bool m_replaying = false;
};

} // namespace gymgate
