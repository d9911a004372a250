#include "SimIoLoop.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pty.h>
#include <random>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

#include "EventLog.h"

namespace gymgate::gatesim {

namespace {

constexpr int kPollPeriodMs = 20;
constexpr qint64 kFrameGapMs = 50; // a pause this long ends a partial RTU frame
constexpr int kRtuHeaderLength = 1;
constexpr int kTcpUnitOffset = 6;

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

quint16 crc16(const uint8_t *data, qsizetype length)
{
    quint16 crc = 0xFFFF;
    for (qsizetype i = 0; i < length; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) != 0 ? static_cast<quint16>((crc >> 1) ^ 0xA001) : static_cast<quint16>(crc >> 1);
    }
    return crc;
}

// Length of the RTU request starting the buffer: 0 = need more bytes, -1 = not a request.
qsizetype rtuRequestLength(const QByteArray &buffer)
{
    if (buffer.size() < 2)
        return 0;
    const auto function = static_cast<uint8_t>(buffer[1]);
    switch (function) {
    case 0x01:
    case 0x02:
    case 0x03:
    case 0x04:
    case 0x05:
    case 0x06:
        return 8;
    case 0x0F:
    case 0x10:
        return buffer.size() < 7 ? 0 : 9 + static_cast<uint8_t>(buffer[6]);
    case 0x11:
        return 4;
    case 0x17:
        return buffer.size() < 11 ? 0 : 13 + static_cast<uint8_t>(buffer[10]);
    default:
        return -1;
    }
}

enum PlugRequest {
    NoPlugRequest = 0,
    UnplugRequest,
    PlugInRequest
};

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

} // namespace

bool SimPty::open()
{
    termios raw {};
    ::cfmakeraw(&raw);
    ::cfsetspeed(&raw, B9600);
    if (::openpty(&masterFd, &slaveFd, nullptr, &raw, nullptr) != 0)
        return false;
    ::fcntl(masterFd, F_SETFD, FD_CLOEXEC);
    ::fcntl(slaveFd, F_SETFD, FD_CLOEXEC);
    setNonBlocking(masterFd);
    path = QString::fromLocal8Bit(::ttyname(slaveFd));
    input.clear();
    return true;
}

bool SimPty::relink() const
{
    if (linkPath.isEmpty())
        return true;
    // Replace atomically: a driver polling the name never sees it missing.
    const QByteArray target = path.toLocal8Bit();
    const QByteArray link = linkPath.toLocal8Bit();
    const QByteArray temporary = link + ".new";
    ::unlink(temporary.constData());
    return ::symlink(target.constData(), temporary.constData()) == 0
        && ::rename(temporary.constData(), link.constData()) == 0;
}

void SimPty::close()
{
    if (masterFd >= 0)
        ::close(masterFd);
    if (slaveFd >= 0)
        ::close(slaveFd);
    masterFd = -1;
    slaveFd = -1;
    input.clear();
}

SimIoLoop::SimIoLoop(GateModel &model) : m_model(model)
{
    if (::pipe2(m_wakePipe, O_CLOEXEC | O_NONBLOCK) != 0)
        m_wakePipe[0] = m_wakePipe[1] = -1;
}

SimIoLoop::~SimIoLoop()
{
    stop();
    for (const auto &[fd, unused] : m_clients)
        ::close(fd);
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    if (m_tcp != nullptr)
        modbus_free(m_tcp);
    if (m_rtuCtx != nullptr)
        modbus_free(m_rtuCtx); // never connected: the pty fd is ours and closed below
    m_rtu.close();
    m_text.close();
    for (const SimPty *pty : {&m_rtu, &m_text}) {
        if (!pty->linkPath.isEmpty())
            ::unlink(pty->linkPath.toLocal8Bit().constData()); // a dangling device name would mislead
    }
    for (const int fd : m_wakePipe) {
        if (fd >= 0)
            ::close(fd);
    }
}

bool SimIoLoop::open(int tcpPort, bool rtu, bool text, const QString &linkDir, QString *error)
{
    if (tcpPort >= 0) {
        m_tcp = modbus_new_tcp("127.0.0.1", tcpPort);
        m_listenFd = m_tcp == nullptr ? -1 : modbus_tcp_listen(m_tcp, 8);
        if (m_listenFd < 0) {
            *error = QCoreApplication::translate("GateSim", "cannot listen on TCP port %1: %2")
                         .arg(tcpPort)
                         .arg(QString::fromLocal8Bit(modbus_strerror(errno)));
            return false;
        }
        sockaddr_in address {};
        socklen_t length = sizeof(address);
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length);
        m_tcpPort = ntohs(address.sin_port);
    }
    m_rtuEnabled = rtu;
    m_textEnabled = text;
    if ((rtu && !m_rtu.open()) || (text && !m_text.open())) {
        *error = QCoreApplication::translate("GateSim", "cannot create a pseudo terminal");
        return false;
    }
    if (!linkDir.isEmpty()) {
        m_rtu.linkPath = rtu ? linkDir + QStringLiteral("/rtu") : QString();
        m_text.linkPath = text ? linkDir + QStringLiteral("/text") : QString();
        if (!m_rtu.relink() || !m_text.relink()) {
            *error = QCoreApplication::translate("GateSim", "cannot create the device links in %1: %2")
                         .arg(linkDir, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
    }
    if (rtu) {
        // The device path is never opened: libmodbus talks over the pty master we hand it.
        m_rtuCtx = modbus_new_rtu("/dev/null", 9600, 'N', 8, 1);
        modbus_set_socket(m_rtuCtx, m_rtu.masterFd);
    }
    m_model.setTextEventCallback([this] { wake(); });
    return true;
}

void SimIoLoop::start()
{
    m_thread = std::thread([this] { run(); });
}

void SimIoLoop::stop()
{
    m_stop = true;
    wake();
    if (m_thread.joinable())
        m_thread.join();
}

void SimIoLoop::requestDrop()
{
    m_drop = true;
    wake();
}

void SimIoLoop::requestUnplug(bool unplugged)
{
    m_plugRequest = unplugged ? UnplugRequest : PlugInRequest;
    wake();
}

void SimIoLoop::requestGarbage()
{
    m_garbage = true;
    wake();
}

void SimIoLoop::wake()
{
    if (m_wakePipe[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(m_wakePipe[1], &byte, 1);
    }
}

void SimIoLoop::run()
{
    while (!m_stop) {
        std::vector<pollfd> fds;
        fds.push_back({m_wakePipe[0], POLLIN, 0});
        if (m_listenFd >= 0)
            fds.push_back({m_listenFd, POLLIN, 0});
        for (const auto &[fd, unused] : m_clients)
            fds.push_back({fd, POLLIN, 0});
        if (m_rtu.isOpen())
            fds.push_back({m_rtu.masterFd, POLLIN, 0});
        if (m_text.isOpen())
            fds.push_back({m_text.masterFd, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), kPollPeriodMs) < 0 && errno != EINTR)
            break;
        char drain[64];
        while (::read(m_wakePipe[0], drain, sizeof(drain)) > 0) { }
        if (m_drop.exchange(false)) {
            dropConnections();
            continue;
        }
        if (m_plugRequest.load() != NoPlugRequest) {
            applyPlugRequest();
            continue;
        }
        if (m_garbage.exchange(false))
            sendGarbage();
        for (const QByteArray &line : m_model.takeTextEvents())
            writeText(line);
        for (const pollfd &entry : fds) {
            if (entry.revents == 0 || entry.fd == m_wakePipe[0])
                continue;
            if (entry.fd == m_listenFd) {
                acceptClient();
            } else if (entry.fd == m_rtu.masterFd) {
                readRtu();
            } else if (entry.fd == m_text.masterFd) {
                readText();
            } else if (m_clients.contains(entry.fd) && !serveTcpClient(entry.fd)) {
                ::close(entry.fd);
                m_clients.erase(entry.fd);
            }
        }
    }
}

void SimIoLoop::acceptClient()
{
    const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0)
        m_clients.emplace(fd, true);
}

bool SimIoLoop::serveTcpClient(int fd)
{
    modbus_set_socket(m_tcp, fd);
    uint8_t request[MODBUS_TCP_MAX_ADU_LENGTH];
    const int length = modbus_receive(m_tcp, request);
    if (length < 0)
        return false;
    if (length > 0)
        answer(m_tcp, request, length, request[kTcpUnitOffset]);
    return true;
}

void SimIoLoop::answer(modbus_t *ctx, const uint8_t *request, int length, int slave)
{
    delayResponse();
    if (m_exception) {
        modbus_reply_exception(ctx, request, MODBUS_EXCEPTION_SLAVE_OR_SERVER_FAILURE);
        return;
    }
    const bool known
        = m_model.withMapping(slave, [&](modbus_mapping_t *mapping) { modbus_reply(ctx, request, length, mapping); });
    if (!known)
        modbus_reply_exception(ctx, request, MODBUS_EXCEPTION_GATEWAY_TARGET);
}

void SimIoLoop::readRtu()
{
    const qint64 nowMs = monotonicMs();
    if (nowMs - m_rtu.lastInputMs > kFrameGapMs)
        m_rtu.input.clear(); // a silent gap ends any partial frame (RTU framing)
    char chunk[512];
    qsizetype got = 0;
    while ((got = ::read(m_rtu.masterFd, chunk, sizeof(chunk))) > 0)
        m_rtu.input.append(chunk, got);
    m_rtu.lastInputMs = nowMs;
    while (!m_rtu.input.isEmpty()) {
        const qsizetype length = rtuRequestLength(m_rtu.input);
        if (length < 0) {
            m_rtu.input.clear();
            return;
        }
        if (length == 0 || m_rtu.input.size() < length)
            return;
        const QByteArray frame = m_rtu.input.left(length);
        const auto *bytes = reinterpret_cast<const uint8_t *>(frame.constData());
        const quint16 crc = crc16(bytes, length - 2);
        if (bytes[length - 2] != (crc & 0xFF) || bytes[length - 1] != (crc >> 8)) {
            m_rtu.input.remove(0, 1); // resynchronise after noise
            continue;
        }
        m_rtu.input.remove(0, length);
        handleRtuFrame(frame);
    }
}

void SimIoLoop::handleRtuFrame(const QByteArray &frame)
{
    const auto *bytes = reinterpret_cast<const uint8_t *>(frame.constData());
    const int slave = bytes[kRtuHeaderLength - 1];
    if (slave == MODBUS_BROADCAST_ADDRESS) {
        // Every gate takes a broadcast write and none answers (libmodbus suppresses the reply).
        for (const int id : m_model.slaves()) {
            if (!m_exception)
                m_model.withMapping(id, [&](modbus_mapping_t *mapping) {
                    modbus_reply(m_rtuCtx, bytes, static_cast<int>(frame.size()), mapping);
                });
        }
        return;
    }
    // Other slaves on the bus answer for themselves; an unknown address stays silent.
    if (!m_model.slaves().contains(slave))
        return;
    answer(m_rtuCtx, bytes, static_cast<int>(frame.size()), slave);
}

void SimIoLoop::readText()
{
    char chunk[512];
    qsizetype got = 0;
    while ((got = ::read(m_text.masterFd, chunk, sizeof(chunk))) > 0)
        m_text.input.append(chunk, got);
    for (;;) {
        const qsizetype lf = m_text.input.indexOf('\n');
        const qsizetype cr = m_text.input.indexOf('\r');
        const qsizetype end = lf < 0 ? cr : (cr < 0 ? lf : std::min(lf, cr));
        if (end < 0)
            break;
        const QByteArray line = m_text.input.left(end).trimmed();
        m_text.input.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        delayResponse();
        writeText(m_exception ? QByteArray("ERR device failure") : m_model.textCommand(line));
    }
}

void SimIoLoop::writeText(const QByteArray &line)
{
    if (!m_text.isOpen())
        return;
    const QByteArray data = line + "\r\n";
    [[maybe_unused]] const auto written = ::write(m_text.masterFd, data.constData(), static_cast<size_t>(data.size()));
}

void SimIoLoop::dropConnections()
{
    for (const auto &[fd, unused] : m_clients)
        ::close(fd);
    m_clients.clear();
    if (!m_unplugged) {
        if (m_rtuEnabled)
            reopenPty(m_rtu, "rtu");
        if (m_textEnabled)
            reopenPty(m_text, "text");
    }
    EventLog::event({{"event", "dropped"}});
}

// A new pty replaces the old one (the driver sees a hang-up); the link, if any, follows it.
void SimIoLoop::reopenPty(SimPty &pty, const char *name)
{
    pty.close();
    if (!pty.open())
        return;
    if (&pty == &m_rtu)
        modbus_set_socket(m_rtuCtx, m_rtu.masterFd);
    pty.relink();
    EventLog::write({{"event", "pty"}, {name, pty.path}});
}

void SimIoLoop::applyPlugRequest()
{
    const bool unplug = m_plugRequest.exchange(NoPlugRequest) == UnplugRequest;
    if (unplug == m_unplugged)
        return;
    m_unplugged = unplug;
    for (SimPty *pty : {&m_rtu, &m_text}) {
        if (unplug && pty->isOpen()) {
            pty->close();
            if (!pty->linkPath.isEmpty())
                ::unlink(pty->linkPath.toLocal8Bit().constData());
        }
    }
    if (!unplug) {
        if (m_rtuEnabled)
            reopenPty(m_rtu, "rtu");
        if (m_textEnabled)
            reopenPty(m_text, "text");
    }
    EventLog::event({{"event", unplug ? "unplugged" : "plugged"}});
}

void SimIoLoop::sendGarbage()
{
    static std::mt19937 random(12345);
    std::uniform_int_distribution<int> byte(0, 255);
    QByteArray noise;
    for (int i = 0; i < 16; ++i)
        noise.append(static_cast<char>(byte(random)));
    for (const SimPty *pty : {&m_rtu, &m_text}) {
        if (pty->isOpen()) {
            [[maybe_unused]] const auto written
                = ::write(pty->masterFd, noise.constData(), static_cast<size_t>(noise.size()));
        }
    }
}

void SimIoLoop::delayResponse() const
{
    const int ms = m_slowMs;
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

} // namespace gymgate::gatesim
