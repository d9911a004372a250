#include "ShutdownSignal.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace gymgate::hub {
namespace {

int s_pair[2] = {-1, -1};

void onSignal(int signalNumber)
{
    const char byte = static_cast<char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(s_pair[0], &byte, 1); // async-signal-safe
}

} // namespace

ShutdownSignal::ShutdownSignal(QObject *parent) : QObject(parent)
{ }

ShutdownSignal::~ShutdownSignal()
{
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
}

bool ShutdownSignal::install()
{
    if (s_pair[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_pair) != 0)
        return false;
    m_notifier = new QSocketNotifier(s_pair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ShutdownSignal::readSignal);
    struct sigaction action { };
    action.sa_handler = onSignal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    // A client that vanishes mid-reply must cost an error code, not the process.
    ::signal(SIGPIPE, SIG_IGN);
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

void ShutdownSignal::readSignal()
{
    char byte = 0;
    if (::read(s_pair[1], &byte, 1) == 1)
        emit requested(static_cast<int>(byte));
}

} // namespace gymgate::hub
