#pragma once

#include "core/Entry.h"
#include "core/GateDriver.h"
#include "core/GateTester.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace gymgate {

// BridgeGateTester's half on the worker thread, whatever the gate's wire: it owns the session's
// connection and does all I/O there. Private to BridgeGateTester, which creates the one the
// profile's kind needs (ModbusTesterWorker, SerialTextTesterWorker), moves it to its thread
// and calls it only by queued invocations. Answers are these signals; each long action
// (command, scan, self-test) ends with exactly one of commandFinished, scanFinished or
// selfTestDone.
class TesterWorker : public QObject {
    Q_OBJECT
public:
    explicit TesterWorker(QObject *parent = nullptr);
    ~TesterWorker() override = default;

public slots:
    // Answers with sessionChanged(); then reads and captures as told.
    virtual void connectGate(bool monitoring, bool frameCapture) = 0;
    // Lets go of the gate (coils off, port closed) before the thread ends; nothing answers.
    virtual void close() = 0;
    virtual void setMonitoring(bool on) = 0;
    virtual void setFrameCapture(bool on) = 0;
    virtual void runCommand(gymgate::GateTestCommand command) = 0;
    // The technician cancelled a running command: end its wait (a relay pulse) now.
    virtual void endPulseNow() = 0;
    virtual void scan(int fromSlaveId, int toSlaveId) = 0;
    virtual void runSelfTest() = 0;

signals:
    void sessionChanged(bool connected, const QString &message);
    void ioRead(const gymgate::GateIoSnapshot &snapshot);
    void ioFailed(const QString &message);
    void passageSeen(gymgate::Direction direction, int count);
    void framesCaptured(const QList<gymgate::GateFrame> &frames);
    void commandFinished(gymgate::GateTestCommand command, bool ok, const QString &answer);
    void scanProgress(int slaveId, int fromSlaveId, int toSlaveId);
    void scanAnswered(int slaveId);
    void scanFinished(const QList<int> &answeredSlaveIds, bool cancelled, const QString &error);
    void selfTestStep(const gymgate::GateSelfTestStep &step);
    void selfTestDone(const gymgate::GateSelfTestReport &report);

protected:
    // The direction a test command opens: In or Out for OpenIn / OpenOut, else Invalid.
    static Direction commandDirection(GateTestCommand command);
    // The mode a test command sets: Free, Locked or Normal, else Invalid.
    static GateMode commandMode(GateTestCommand command);

    // Captured frames reach the screen in batches every 100 ms, not one signal per frame.
    void startFrameBatches() { m_frameTimer.start(); }
    void stopFrameBatches(); // sends what is left
    void queueFrame(const GateFrame &frame) { m_frames.append(frame); }

private:
    void flushFrames();

    QTimer m_frameTimer {this}; // a child, so it moves to the worker thread with the worker
    QList<GateFrame> m_frames;
};

} // namespace gymgate
