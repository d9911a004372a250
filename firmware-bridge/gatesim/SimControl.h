#pragma once

#include <QObject>

class QSocketNotifier;
class QTcpServer;

namespace gymgate::gatesim {

class GateModel;
class SimIoLoop;

// Fault controls on the main thread: lines from stdin and from an optional TCP control
// port ("fire on", "jam off", "drop", "unplug", "plug", "slow 200", "garbage", "exception on", "quit").
// Also ticks the person model and turns SIGTERM into a clean quit.
class SimControl : public QObject {
    Q_OBJECT
public:
    SimControl(GateModel &model, SimIoLoop &io, QObject *parent = nullptr);
    ~SimControl() override;

    bool listen(int port); // port 0 = any free port
    int controlPort() const;
    void watchStdin();
    static bool installSigtermHandler();

    // Applies one control line; returns the answer ("ok" or "error: ...").
    QByteArray command(const QByteArray &line);

private:
    void readStdin();
    void acceptControlClient();

    GateModel &m_model;
    SimIoLoop &m_io;
    QTcpServer *m_server = nullptr;
    QSocketNotifier *m_stdinNotifier = nullptr;
    QSocketNotifier *m_signalNotifier = nullptr;
    QByteArray m_stdinBuffer;
};

} // namespace gymgate::gatesim
