#include "scan/KeyboardWedgeScanner.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QScopedValueRollback>

#include <utility>

namespace gymgate {

namespace {

constexpr int MinInterKeyMs = 5;
constexpr int MaxInterKeyMs = 100;
constexpr int MinIdleTerminatorMs = 150;
constexpr int MaxIdleTerminatorMs = 300;
constexpr int MinMinLength = 2;
constexpr int MaxMinLength = 1000;

// Scanners press Shift around upper-case letters; modifiers alone neither start nor end a
// burst and are never held back.
bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt || key == Qt::Key_Meta
        || key == Qt::Key_AltGr || key == Qt::Key_CapsLock || key == Qt::Key_NumLock;
}

bool hasCommandModifier(const QKeyEvent &event)
{
    return (event.modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) != Qt::NoModifier;
}

bool isPrintable(const QKeyEvent &event)
{
    const QString text = event.text();
    if (text.isEmpty() || hasCommandModifier(event))
        return false;
    for (const QChar ch : text) {
        if (!ch.isPrint())
            return false;
    }
    return true;
}

bool isEnter(const QKeyEvent &event)
{
    return (event.key() == Qt::Key_Return || event.key() == Qt::Key_Enter) && !hasCommandModifier(event);
}

} // namespace

KeyboardWedgeScanner::KeyboardWedgeScanner(KeyboardWedgeSettings settings, const Clock &clock, QObject *parent)
    : ScanSource(parent), m_settings(settings), m_clock(clock), m_idleTimer(this)
{
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &KeyboardWedgeScanner::onIdleTimeout);
}

KeyboardWedgeScanner::~KeyboardWedgeScanner()
{
    // Quietly: no replay or signals while the owner (often the kiosk window) is being torn down.
    if (m_running && QCoreApplication::instance() != nullptr)
        QCoreApplication::instance()->removeEventFilter(this);
}

Status KeyboardWedgeScanner::validate(const KeyboardWedgeSettings &s)
{
    if (s.maxInterKeyMs < MinInterKeyMs || s.maxInterKeyMs > MaxInterKeyMs)
        return fail(ErrorCode::InvalidArgument,
            tr("The longest pause between a scanner's keys must be between %1 and %2 ms.")
                .arg(MinInterKeyMs)
                .arg(MaxInterKeyMs),
            QStringLiteral("maxInterKeyMs"));
    if (s.idleTerminatorMs < MinIdleTerminatorMs || s.idleTerminatorMs > MaxIdleTerminatorMs)
        return fail(ErrorCode::InvalidArgument,
            tr("The pause that ends a keyboard scan must be between %1 and %2 ms.")
                .arg(MinIdleTerminatorMs)
                .arg(MaxIdleTerminatorMs),
            QStringLiteral("idleTerminatorMs"));
    if (s.minLength < MinMinLength || s.minLength > MaxMinLength)
        return fail(ErrorCode::InvalidArgument,
            tr("The shortest keyboard scan must be between %1 and %2 characters.").arg(MinMinLength).arg(MaxMinLength),
            QStringLiteral("minLength"));
    return {};
}

QString KeyboardWedgeScanner::sourceId() const
{
    return QStringLiteral("wedge");
}

Status KeyboardWedgeScanner::start()
{
    if (auto valid = validate(m_settings); !valid)
        return valid;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()) == nullptr)
        return fail(ErrorCode::Device, tr("A keyboard scanner needs the graphical application; use a serial scanner."));
    if (m_running)
        return {};
    QCoreApplication::instance()->installEventFilter(this);
    m_running = true;
    emit connectedChanged(true);
    return {};
}

void KeyboardWedgeScanner::stop()
{
    if (!m_running)
        return;
    QCoreApplication::instance()->removeEventFilter(this);
    m_running = false;
    replayHeld();
    m_swallowReleases.clear();
    emit connectedChanged(false);
}

bool KeyboardWedgeScanner::isConnected() const
{
    return m_running;
}

bool KeyboardWedgeScanner::eventFilter(QObject *watched, QEvent *event)
{
    if (m_replaying || !m_running)
        return false;
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease)
        return false;
    // An application filter sees one key event several times: at the window, at the focus
    // widget, then at each parent it propagates to. The focus object sees every key exactly
    // once (a bare QWindow is its own focus object), so that is where the decision is made.
    if (watched != QGuiApplication::focusObject())
        return false;
    const auto &key = *static_cast<QKeyEvent *>(event);
    return type == QEvent::KeyPress ? onKeyPress(watched, key) : onKeyRelease(watched, key);
}

bool KeyboardWedgeScanner::onKeyPress(QObject *receiver, const QKeyEvent &event)
{
    if (isModifierKey(event.key()))
        return false;
    const qint64 nowMs = m_clock.nowMs();
    // A pause, or a key a person holds down, ends what came before; that may still be a scan.
    if (!m_burst.isEmpty() && (event.isAutoRepeat() || nowMs - m_lastKeyMs > m_settings.maxInterKeyMs))
        finishBurst();
    if (event.isAutoRepeat())
        return false;
    if (isEnter(event))
        return onEnter(event.key());
    if (!isPrintable(event)) {
        if (!m_burst.isEmpty())
            finishBurst();
        return false;
    }
    if (m_burst.isEmpty())
        m_swallowReleases.clear(); // releases of the previous scan have all come by now
    m_burst += event.text();
    m_lastKeyMs = nowMs;
    m_idleTimer.start(m_settings.idleTerminatorMs);
    if (!m_settings.consumeKeys)
        return false;
    hold(receiver, event);
    m_pressedInBurst.append(event.key());
    return true;
}

bool KeyboardWedgeScanner::onKeyRelease(QObject *receiver, const QKeyEvent &event)
{
    // The release of a held key stays behind its press, whichever way the burst goes.
    if (m_pressedInBurst.removeOne(event.key())) {
        hold(receiver, event);
        return true;
    }
    return m_swallowReleases.removeOne(event.key());
}

bool KeyboardWedgeScanner::onEnter(int key)
{
    if (m_burst.isEmpty())
        return false;
    if (m_burst.trimmed().size() < m_settings.minLength) {
        finishBurst(); // a person's short entry: their keys, then this Enter, reach the widget
        return false;
    }
    acceptBurst();
    if (!m_settings.consumeKeys)
        return false;
    m_swallowReleases.append(key);
    return true;
}

void KeyboardWedgeScanner::hold(QObject *receiver, const QKeyEvent &event)
{
    m_held.push_back(HeldKey {receiver, std::unique_ptr<QKeyEvent>(event.clone())});
}

// The timer only wakes us; the clock decides, so a stalled event loop cannot end a burst early
// (and tests set the time). A clock that went backwards counts as a pause: keys are never held
// for longer than a wall-clock jump.
void KeyboardWedgeScanner::onIdleTimeout()
{
    const qint64 elapsedMs = m_clock.nowMs() - m_lastKeyMs;
    if (elapsedMs >= 0 && elapsedMs < m_settings.idleTerminatorMs) {
        m_idleTimer.start(static_cast<int>(m_settings.idleTerminatorMs - elapsedMs));
        return;
    }
    finishBurst();
}

void KeyboardWedgeScanner::finishBurst()
{
    if (m_burst.trimmed().size() >= m_settings.minLength)
        acceptBurst();
    else
        replayHeld();
}

void KeyboardWedgeScanner::acceptBurst()
{
    const QString code = m_burst.trimmed();
    m_swallowReleases.append(m_pressedInBurst);
    clearBurst();
    emit scanned(code);
}

void KeyboardWedgeScanner::replayHeld()
{
    auto held = std::exchange(m_held, {});
    clearBurst();
    // Copies go to the object that had focus when the key was pressed, so a person's typing
    // lands where they were typing even if focus moved meanwhile.
    const QScopedValueRollback replaying(m_replaying, true);
    for (const HeldKey &key : held) {
        if (key.receiver)
            QCoreApplication::sendEvent(key.receiver, key.event.get());
    }
}

void KeyboardWedgeScanner::clearBurst()
{
    m_idleTimer.stop();
    m_burst.clear();
    m_held.clear();
    m_pressedInBurst.clear();
}

} // namespace gymgate
