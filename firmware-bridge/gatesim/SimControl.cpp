#include "SimControl.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#include "GateModel.h"
#include "SimIoLoop.h"

namespace gymgate::gatesim {

namespace {

constexpr int kTickMs = 10;
int s_signalPair[2] = {-1, -1};

void onSigterm(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPair[0], &byte, 1);
}

bool parseOnOff(const QByteArray &word, bool *on)
{
    if (word != "on" && word != "off")
        return false;
    *on = word == "on";
    return true;
}

} // namespace

SimControl::SimControl(GateModel &model, SimIoLoop &io, QObject *parent) : QObject(parent), m_model(model), m_io(io)
{
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] { m_model.tick(); });
    tick->start(kTickMs);
    if (s_signalPair[1] >= 0) {
        m_signalNotifier = new QSocketNotifier(s_signalPair[1], QSocketNotifier::Read, this);
        connect(m_signalNotifier, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
    }
}

SimControl::~SimControl() = default;

bool SimControl::installSigtermHandler()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_signalPair) != 0)
        return false;
    struct sigaction action { };
    action.sa_handler = onSigterm;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    // A client vanishing mid-reply must cost an error code, not the process.
    ::signal(SIGPIPE, SIG_IGN);
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

bool SimControl::listen(int port)
{
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress::LocalHost, static_cast<quint16>(port)))
        return false;
    connect(m_server, &QTcpServer::newConnection, this, &SimControl::acceptControlClient);
    return true;
}

int SimControl::controlPort() const
{
    return m_server != nullptr ? m_server->serverPort() : -1;
}

void SimControl::watchStdin()
{
    m_stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this, &SimControl::readStdin);
}

void SimControl::readStdin()
{
    char chunk[512];
    const auto got = ::read(STDIN_FILENO, chunk, sizeof(chunk));
    if (got <= 0) {
        m_stdinNotifier->setEnabled(false); // stdin closed: keep running, the control port may still talk
        return;
    }
    m_stdinBuffer.append(chunk, got);
    qsizetype end = 0;
    while ((end = m_stdinBuffer.indexOf('\n')) >= 0) {
        command(m_stdinBuffer.left(end));
        m_stdinBuffer.remove(0, end + 1);
    }
}

void SimControl::acceptControlClient()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            while (socket->canReadLine())
                socket->write(command(socket->readLine()) + '\n');
        });
    }
}

QByteArray SimControl::command(const QByteArray &line)
{
    const QList<QByteArray> words = line.simplified().toLower().split(' ');
    const QByteArray &verb = words.value(0);
    const QByteArray &argument = words.value(1);
    bool on = false;
    if (verb.isEmpty())
        return "ok";
    if (verb == "fire" && parseOnOff(argument, &on)) {
        m_model.setFire(on);
    } else if (verb == "jam" && parseOnOff(argument, &on)) {
        m_model.setJam(on);
    } else if (verb == "exception" && parseOnOff(argument, &on)) {
        m_io.setException(on);
    } else if (verb == "slow") {
        bool ok = false;
        const int ms = argument.toInt(&ok);
        if (!ok || ms < 0)
            return "error: slow needs milliseconds";
        m_io.setSlowMs(ms);
    } else if (verb == "drop") {
        m_io.requestDrop();
    } else if (verb == "unplug") {
        m_io.requestUnplug(true);
    } else if (verb == "plug") {
        m_io.requestUnplug(false);
    } else if (verb == "garbage") {
        m_io.requestGarbage();
    } else if (verb == "stats") {
        return m_model.statsJson();
    } else if (verb == "quit") {
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    } else {
        return "error: unknown command";
    }
    return "ok";
}

} // namespace gymgate::gatesim
