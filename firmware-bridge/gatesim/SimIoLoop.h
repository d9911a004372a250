#pragma once

#include <QByteArray>
#include <QString>

#include <modbus/modbus.h>

#include <atomic>
#include <map>
#include <thread>

#include "GateModel.h"

namespace gymgate::gatesim {

// A pseudo terminal the simulator owns: the simulated device speaks on the master, the
// driver opens `path` (the slave side). The slave fd stays open here too, so the master
// does not see a hang-up while no driver is attached.
struct SimPty {
    int masterFd = -1;
    int slaveFd = -1;
    QString path;
    QString linkPath; // optional stable name that always points at `path`, like a udev symlink
    QByteArray input; // bytes read but not yet framed
    qint64 lastInputMs = 0;

    bool open();
    void close();
    bool relink() const; // points linkPath at the current pty
    QString devicePath() const { return linkPath.isEmpty() ? path : linkPath; }
    bool isOpen() const { return masterFd >= 0; }
};

// All device-side I/O on one poll() thread: the Modbus TCP listener and its clients, Modbus
// RTU on a pty, the serial text protocol on another pty. Fault controls arrive as atomics
// plus a wake-up pipe, so the control input on the main thread never waits for I/O.
class SimIoLoop {
public:
    explicit SimIoLoop(GateModel &model);
    ~SimIoLoop();
    SimIoLoop(const SimIoLoop &) = delete;
    SimIoLoop &operator=(const SimIoLoop &) = delete;

    // Opens the requested endpoints; tcpPort < 0 = no TCP, 0 = any free port. With a link
    // directory, the ptys are also reachable as <dir>/rtu and <dir>/text, names that survive a
    // `drop` (which replaces the pty), so a driver can reconnect to the same device path.
    bool open(int tcpPort, bool rtu, bool text, const QString &linkDir, QString *error);
    void start();
    void stop();

    int tcpPort() const { return m_tcpPort; }
    QString rtuPath() const { return m_rtu.devicePath(); }
    QString textPath() const { return m_text.devicePath(); }
    QString rtuPtyPath() const { return m_rtu.path; }
    QString textPtyPath() const { return m_text.path; }

    void requestDrop();
    // Like pulling a USB serial adapter out and back in: the ptys (and their links) vanish
    // until plugged in again. TCP is not affected.
    void requestUnplug(bool unplugged);
    void requestGarbage();
    void setSlowMs(int ms) { m_slowMs = ms; }
    void setException(bool on) { m_exception = on; }
    void wake();

private:
    void run();
    void acceptClient();
    bool serveTcpClient(int fd);
    void readRtu();
    void readText();
    void handleRtuFrame(const QByteArray &frame);
    void answer(modbus_t *ctx, const uint8_t *request, int length, int slave);
    void writeText(const QByteArray &line);
    void dropConnections();
    void applyPlugRequest();
    void reopenPty(SimPty &pty, const char *name);
    void sendGarbage();
    void delayResponse() const;

    GateModel &m_model;
    modbus_t *m_tcp = nullptr;
    modbus_t *m_rtuCtx = nullptr;
    int m_listenFd = -1;
    int m_tcpPort = -1;
    std::map<int, bool> m_clients; // fd -> unused; ordered for stable polling
    SimPty m_rtu;
    SimPty m_text;
    bool m_rtuEnabled = false;
    bool m_textEnabled = false;
    int m_wakePipe[2] = {-1, -1};
    std::thread m_thread;
    std::atomic_bool m_stop = false;
    std::atomic_bool m_drop = false;
    std::atomic_int m_plugRequest = 0; // PlugRequest
    bool m_unplugged = false;
    std::atomic_bool m_garbage = false;
    std::atomic_int m_slowMs = 0;
    std::atomic_bool m_exception = false;
};

} // namespace gymgate::gatesim
