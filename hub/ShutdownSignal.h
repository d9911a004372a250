#pragma once

#include <QObject>

class QSocketNotifier;

namespace gymgate::hub {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (the self-pipe trick), so the hub
// can stop listening, finish what is in flight and close the database.
class ShutdownSignal : public QObject {
    Q_OBJECT

public:
    explicit ShutdownSignal(QObject *parent = nullptr);
    ~ShutdownSignal() override;

    bool install(); // false if the handlers cannot be set

signals:
    void requested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gymgate::hub
