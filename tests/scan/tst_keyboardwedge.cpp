#include "core/Clock.h"
#include "scan/KeyboardWedgeScanner.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include <memory>

using namespace gymgate;

namespace {

// How a key reaches the application: straight to the focused widget (what QTest does for
// widgets), or through the window system the way a real keyboard's keys come (window first,
// then forwarded to the focus widget: the filter sees every key twice), optionally with the
// Shift presses a scanner sends around upper-case letters.
enum class Delivery {
    Invalid = 0,
    ToWidget,
    ThroughWindow,
    ThroughWindowWithShift,
};

// Writes down every key event it gets, except bare modifiers (those are never held back).
class KeyRecorder : public QWidget {
public:
    using QWidget::QWidget;
    QStringList events;

protected:
    void keyPressEvent(QKeyEvent *event) override { record(QStringLiteral("press"), event); }
    void keyReleaseEvent(QKeyEvent *event) override { record(QStringLiteral("release"), event); }

private:
    void record(const QString &what, const QKeyEvent *event)
    {
        if (event->key() == Qt::Key_Shift)
            return;
        events.append(QStringLiteral("%1 %2 '%3'%4")
                          .arg(what)
                          .arg(event->key())
                          .arg(event->text())
                          .arg(event->isAutoRepeat() ? QStringLiteral(" repeat") : QString()));
    }
};

constexpr int ScannerGapMs = 5;
constexpr int HumanGapMs = 120;
constexpr int IdlePauseMs = 250; // longer than the default idleTerminatorMs

} // namespace

Q_DECLARE_METATYPE(Delivery)

class TestKeyboardWedge : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fastBurstWithEnterIsAScan_data();
    void fastBurstWithEnterIsAScan();
    void idlePauseEndsAScan();
    void humanTypingReachesTheWidget_data();
    void humanTypingReachesTheWidget();
    void shortFastBurstIsTypedWithItsEnter();
    void humanTypingThenAScanKeepOrder();
    void scanWorksWhateverHasFocus();
    void withoutConsumeKeysTheCodeIsAlsoTyped_data();
    void withoutConsumeKeysTheCodeIsAlsoTyped();
    void autoRepeatIsNeverAScan();
    void stopDeliversHeldKeys();
    void widgetSeesNoKeyOfAScanAndEveryKeyOfAPerson();
    void invalidSettingsNameTheField_data();
    void invalidSettingsNameTheField();

private:
    void type(const QString &text, int gapMs, Delivery delivery = Delivery::ToWidget);
    void pressEnter(int gapMs, Delivery delivery = Delivery::ToWidget);

    ManualClock m_clock {1'700'000'000'000};
    std::unique_ptr<QWidget> m_window;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_button = nullptr;
};

void TestKeyboardWedge::init()
{
    m_window = std::make_unique<QWidget>();
    m_window->setObjectName(QStringLiteral("kioskWindow"));
    auto *layout = new QVBoxLayout(m_window.get());
    m_edit = new QLineEdit(m_window.get());
    m_edit->setObjectName(QStringLiteral("memberSearch"));
    m_button = new QPushButton(QStringLiteral("OK"), m_window.get());
    m_button->setObjectName(QStringLiteral("okButton"));
    layout->addWidget(m_edit);
    layout->addWidget(m_button);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_edit->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_edit);
}

void TestKeyboardWedge::cleanup()
{
    m_window.reset();
    m_edit = nullptr;
    m_button = nullptr;
}

void TestKeyboardWedge::type(const QString &text, int gapMs, Delivery delivery)
{
    for (const QChar ch : text) {
        m_clock.advanceMs(gapMs);
        const char ascii = ch.toLatin1();
        switch (delivery) {
        case Delivery::ToWidget:
            QTest::keyClick(QApplication::focusWidget(), ascii);
            break;
        case Delivery::ThroughWindow:
            QTest::keyClick(m_window->windowHandle(), ascii);
            break;
        case Delivery::ThroughWindowWithShift:
            QTest::keyClick(m_window->windowHandle(), ascii, ch.isUpper() ? Qt::ShiftModifier : Qt::NoModifier);
            break;
        case Delivery::Invalid:
            QFAIL("no delivery");
        }
    }
}

void TestKeyboardWedge::pressEnter(int gapMs, Delivery delivery)
{
    m_clock.advanceMs(gapMs);
    if (delivery == Delivery::ToWidget)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    else
        QTest::keyClick(m_window->windowHandle(), Qt::Key_Return);
}

void TestKeyboardWedge::fastBurstWithEnterIsAScan_data()
{
    QTest::addColumn<Delivery>("delivery");
    QTest::newRow("to widget") << Delivery::ToWidget;
    QTest::newRow("through window") << Delivery::ThroughWindow;
    QTest::newRow("through window, with shift") << Delivery::ThroughWindowWithShift;
}

void TestKeyboardWedge::fastBurstWithEnterIsAScan()
{
    QFETCH(Delivery, delivery);
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QSignalSpy connected(&scanner, &ScanSource::connectedChanged);
    QSignalSpy returns(m_edit, &QLineEdit::returnPressed);
    QVERIFY(scanner.start());
    QCOMPARE(scanner.sourceId(), QStringLiteral("wedge"));
    QVERIFY(scanner.isConnected());
    QCOMPARE(connected.size(), 1);

    type(QStringLiteral("GG1:Ab-9x7Q"), ScannerGapMs, delivery);
    pressEnter(ScannerGapMs, delivery);

    QCOMPARE(scans.size(), 1);
    QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("GG1:Ab-9x7Q"));
    QCOMPARE(m_edit->text(), QString());
    QCOMPARE(returns.size(), 0);

    // Nothing of the scan turns up later, and a person typing afterwards is not disturbed.
    type(QStringLiteral("x"), HumanGapMs, delivery);
    m_clock.advanceMs(IdlePauseMs);
    QTRY_COMPARE(m_edit->text(), QStringLiteral("x"));
    QCOMPARE(scans.size(), 1);
}

void TestKeyboardWedge::idlePauseEndsAScan()
{
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QVERIFY(scanner.start());

    type(QStringLiteral("NOENTER42"), ScannerGapMs);
    QCOMPARE(scans.size(), 0); // the scanner may still be sending
    // The idle timer firing proves nothing by itself (the event loop may have stalled): until
    // the clock shows the pause, the burst stays open.
    QVERIFY(!scans.wait(400));
    m_clock.advanceMs(IdlePauseMs);
    QVERIFY(scans.wait(5000));
    QCOMPARE(scans.size(), 1);
    QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("NOENTER42"));
    QCOMPARE(m_edit->text(), QString());
}

void TestKeyboardWedge::humanTypingReachesTheWidget_data()
{
    QTest::addColumn<Delivery>("delivery");
    QTest::newRow("to widget") << Delivery::ToWidget;
    QTest::newRow("through window") << Delivery::ThroughWindow;
}

void TestKeyboardWedge::humanTypingReachesTheWidget()
{
    QFETCH(Delivery, delivery);
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QVERIFY(scanner.start());

    type(QStringLiteral("hello world"), HumanGapMs, delivery);
    // The last key is held until the idle pause proves no scanner is typing.
    QCOMPARE(m_edit->text(), QStringLiteral("hello worl"));
    m_clock.advanceMs(IdlePauseMs);
    QTRY_COMPARE(m_edit->text(), QStringLiteral("hello world"));
    QCOMPARE(scans.size(), 0);
}

void TestKeyboardWedge::shortFastBurstIsTypedWithItsEnter()
{
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QStringList textAtReturn;
    connect(m_edit, &QLineEdit::returnPressed, this, [&] { textAtReturn.append(m_edit->text()); });
    QVERIFY(scanner.start());

    type(QStringLiteral("abc"), ScannerGapMs);
    pressEnter(ScannerGapMs);

    QCOMPARE(m_edit->text(), QStringLiteral("abc"));
    QCOMPARE(textAtReturn, QStringList {QStringLiteral("abc")}); // Enter came after the keys
    QCOMPARE(scans.size(), 0);
}

void TestKeyboardWedge::humanTypingThenAScanKeepOrder()
{
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QVERIFY(scanner.start());

    type(QStringLiteral("hi"), HumanGapMs);
    m_clock.advanceMs(HumanGapMs);
    type(QStringLiteral("MEMBER0001"), ScannerGapMs);
    pressEnter(ScannerGapMs);

    QCOMPARE(scans.size(), 1);
    QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("MEMBER0001"));
    QCOMPARE(m_edit->text(), QStringLiteral("hi"));
}

void TestKeyboardWedge::scanWorksWhateverHasFocus()
{
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QSignalSpy clicks(m_button, &QPushButton::clicked);
    QVERIFY(scanner.start());
    m_button->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_button);

    // A space would click a focused button; consumed, it does not.
    type(QStringLiteral("CARD 778899"), ScannerGapMs, Delivery::ThroughWindow);
    pressEnter(ScannerGapMs, Delivery::ThroughWindow);

    QCOMPARE(scans.size(), 1);
    QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("CARD 778899"));
    QCOMPARE(clicks.size(), 0);
    QCOMPARE(m_edit->text(), QString());

    // A person pressing space on the button still clicks it.
    type(QStringLiteral(" "), HumanGapMs, Delivery::ThroughWindow);
    m_clock.advanceMs(IdlePauseMs);
    QTRY_COMPARE(clicks.size(), 1);
    QCOMPARE(scans.size(), 1);
}

void TestKeyboardWedge::withoutConsumeKeysTheCodeIsAlsoTyped_data()
{
    // Through the window, every key passes the filter twice (window, then focus widget):
    // counted twice, the code would come out doubled.
    QTest::addColumn<Delivery>("delivery");
    QTest::newRow("to widget") << Delivery::ToWidget;
    QTest::newRow("through window") << Delivery::ThroughWindow;
}

void TestKeyboardWedge::withoutConsumeKeysTheCodeIsAlsoTyped()
{
    QFETCH(Delivery, delivery);
    KeyboardWedgeSettings settings;
    settings.consumeKeys = false;
    KeyboardWedgeScanner scanner(settings, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QSignalSpy returns(m_edit, &QLineEdit::returnPressed);
    QVERIFY(scanner.start());

    type(QStringLiteral("GG1XYZ789"), ScannerGapMs, delivery);
    QCOMPARE(m_edit->text(), QStringLiteral("GG1XYZ789")); // not held back at all
    pressEnter(ScannerGapMs, delivery);

    QCOMPARE(scans.size(), 1);
    QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("GG1XYZ789"));
    QCOMPARE(returns.size(), 1);
}

void TestKeyboardWedge::autoRepeatIsNeverAScan()
{
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QSignalSpy returns(m_edit, &QLineEdit::returnPressed);
    QVERIFY(scanner.start());

    // A person holding "a" down: one press, then auto-repeats faster than any scanner.
    QKeyEvent first(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QApplication::sendEvent(m_edit, &first);
    for (int i = 0; i < 10; ++i) {
        m_clock.advanceMs(ScannerGapMs);
        QKeyEvent repeat(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"), true);
        QApplication::sendEvent(m_edit, &repeat);
    }
    QKeyEvent release(QEvent::KeyRelease, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QApplication::sendEvent(m_edit, &release);
    pressEnter(ScannerGapMs);

    QCOMPARE(m_edit->text(), QString(11, QLatin1Char('a')));
    QCOMPARE(returns.size(), 1);
    QCOMPARE(scans.size(), 0);
}

void TestKeyboardWedge::stopDeliversHeldKeys()
{
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy connected(&scanner, &ScanSource::connectedChanged);
    QVERIFY(scanner.start());

    type(QStringLiteral("ab"), ScannerGapMs);
    QCOMPARE(m_edit->text(), QString()); // held: it could be the start of a scan
    scanner.stop();
    QCOMPARE(m_edit->text(), QStringLiteral("ab"));
    QVERIFY(!scanner.isConnected());
    QCOMPARE(connected.size(), 2);
    QCOMPARE(connected.at(1).at(0).toBool(), false);

    // Stopped, it no longer looks at keys at all.
    type(QStringLiteral("cdefgh"), ScannerGapMs);
    QCOMPARE(m_edit->text(), QStringLiteral("abcdefgh"));
}

void TestKeyboardWedge::widgetSeesNoKeyOfAScanAndEveryKeyOfAPerson()
{
    auto *recorder = new KeyRecorder(m_window.get());
    recorder->setFocusPolicy(Qt::StrongFocus);
    m_window->layout()->addWidget(recorder);
    recorder->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), recorder);
    KeyboardWedgeScanner scanner({}, m_clock);
    QSignalSpy scans(&scanner, &ScanSource::scanned);
    QVERIFY(scanner.start());

    type(QStringLiteral("GG1AbC123"), ScannerGapMs, Delivery::ThroughWindowWithShift);
    pressEnter(ScannerGapMs, Delivery::ThroughWindowWithShift);
    QCOMPARE(scans.size(), 1);
    QCOMPARE(recorder->events, QStringList()); // no press, no release, no Enter

    type(QStringLiteral("aB"), HumanGapMs, Delivery::ThroughWindowWithShift);
    m_clock.advanceMs(IdlePauseMs);
    const QStringList typed {
        QStringLiteral("press %1 'a'").arg(Qt::Key_A),
        QStringLiteral("release %1 'a'").arg(Qt::Key_A),
        QStringLiteral("press %1 'B'").arg(Qt::Key_B),
        QStringLiteral("release %1 'B'").arg(Qt::Key_B),
    };
    QTRY_COMPARE(recorder->events, typed);
    QCOMPARE(scans.size(), 1);
}

void TestKeyboardWedge::invalidSettingsNameTheField_data()
{
    QTest::addColumn<int>("maxInterKeyMs");
    QTest::addColumn<int>("idleTerminatorMs");
    QTest::addColumn<int>("minLength");
    QTest::addColumn<QString>("field");

    QTest::newRow("idle 100 ms") << 35 << 100 << 6 << QStringLiteral("idleTerminatorMs");
    QTest::newRow("idle 301 ms") << 35 << 301 << 6 << QStringLiteral("idleTerminatorMs");
    QTest::newRow("inter-key 0 ms") << 0 << 200 << 6 << QStringLiteral("maxInterKeyMs");
    QTest::newRow("inter-key 150 ms") << 150 << 200 << 6 << QStringLiteral("maxInterKeyMs");
    QTest::newRow("min length 1") << 35 << 200 << 1 << QStringLiteral("minLength");
}

void TestKeyboardWedge::invalidSettingsNameTheField()
{
    QFETCH(int, maxInterKeyMs);
    QFETCH(int, idleTerminatorMs);
    QFETCH(int, minLength);
    QFETCH(QString, field);

    QVERIFY(KeyboardWedgeScanner::validate({}));
    QVERIFY(KeyboardWedgeScanner::validate({35, 150, 6, true}));
    QVERIFY(KeyboardWedgeScanner::validate({35, 300, 6, true}));

    const KeyboardWedgeSettings settings {maxInterKeyMs, idleTerminatorMs, minLength, true};
    const auto checked = KeyboardWedgeScanner::validate(settings);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(checked.error().field, field);
    QVERIFY(!checked.error().message.isEmpty());

    KeyboardWedgeScanner scanner(settings, m_clock);
    const auto started = scanner.start();
    QVERIFY(!started);
    QCOMPARE(started.error().field, field);
    QVERIFY(!scanner.isConnected());

    // Not started, so a scanner-speed burst is just typing.
    type(QStringLiteral("GG1ABC123"), ScannerGapMs);
    QCOMPARE(m_edit->text(), QStringLiteral("GG1ABC123"));
}

QTEST_MAIN(TestKeyboardWedge)
#include "tst_keyboardwedge.moc"
