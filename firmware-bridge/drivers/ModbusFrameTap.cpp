#include "drivers/ModbusFrameTap.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <mutex>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>

namespace gymgate::bridge {

namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ModbusFrameTap)
};

// "[01]" or "<01>": one byte as libmodbus 3.1.6 prints it ("[%.2X]" sent, "<%.2X>" received).
constexpr size_t TokenLength = 4;

// The process's stdout before install(); written only with whole lines.
int g_realStdout = -1;

// Set once this thread's ThreadState is destroyed (thread or process exit): later output of
// the thread, from other thread_local or static destructors, goes straight through.
thread_local bool t_stateGone = false;

struct ThreadState {
    ModbusFrameSink sink;
    // What this thread printed since its last newline: libmodbus prints a frame byte by byte,
    // and an answer as it arrives, so only the newline ends a frame.
    std::string pending;

    ~ThreadState() { t_stateGone = true; }
};
thread_local ThreadState t_state;

// libmodbus 3.1.6's other debug lines on stdout (its errors go to stderr); noise to a sink.
constexpr std::string_view ChatterPrefixes[] = {
    "Waiting for a", "Opening ", "Connecting to ", "Bytes flushed", "Request for slave", "The client connection from"};

int hexValue(char digit)
{
    if (digit >= '0' && digit <= '9')
        return digit - '0';
    if (digit >= 'A' && digit <= 'F')
        return digit - 'A' + 10;
    if (digit >= 'a' && digit <= 'f')
        return digit - 'a' + 10;
    return -1;
}

// '[' or '<' when a byte token starts at `at`, else 0.
char tokenKind(std::string_view line, size_t at)
{
    if (at + TokenLength > line.size())
        return 0;
    const char open = line[at];
    const char close = open == '[' ? ']' : (open == '<' ? '>' : 0);
    if (close == 0 || hexValue(line[at + 1]) < 0 || hexValue(line[at + 2]) < 0 || line[at + 3] != close)
        return 0;
    return open;
}

std::optional<ModbusFrame> parseFrame(std::string_view line, qint64 atMs)
{
    const char kind = tokenKind(line, 0);
    if (kind == 0 || line.size() % TokenLength != 0)
        return std::nullopt;
    ModbusFrame frame {atMs, kind == '[', {}};
    frame.bytes.reserve(qsizetype(line.size() / TokenLength));
    for (size_t at = 0; at < line.size(); at += TokenLength) {
        if (tokenKind(line, at) != kind)
            return std::nullopt;
        frame.bytes.append(char(hexValue(line[at + 1]) << 4 | hexValue(line[at + 2])));
    }
    return frame;
}

bool isChatter(std::string_view text)
{
    for (std::string_view prefix : ChatterPrefixes) {
        if (text.starts_with(prefix))
            return true;
    }
    return false;
}

// Text on a sink's thread that is not libmodbus' (the program's own output) still goes out.
void passText(std::string_view text, std::string &out)
{
    if (isChatter(text))
        return;
    out.append(text);
    out.push_back('\n');
}

// A frame line goes to the sink. An answer cut short by a timeout has no newline, so the next
// request (or "Bytes flushed") continues its line: cut at every change of kind.
void tapLine(std::string_view line, qint64 atMs, std::string &out)
{
    if (tokenKind(line, 0) == 0) {
        passText(line, out);
        return;
    }
    size_t start = 0;
    char runKind = tokenKind(line, 0);
    const auto endRun = [&](size_t end) {
        const std::string_view run = line.substr(start, end - start);
        if (runKind == 0)
            passText(run, out);
        else if (auto frame = parseFrame(run, atMs))
            t_state.sink(*frame);
    };
    for (size_t at = 0; at < line.size();) {
        const char kind = tokenKind(line, at);
        if (kind != runKind) {
            endRun(at);
            start = at;
            runKind = kind;
        }
        at += kind != 0 ? TokenLength : 1;
    }
    endRun(line.size());
}

bool writeAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t written = ::write(fd, data.data(), data.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data.remove_prefix(size_t(written));
    }
    return true;
}

// The cookie writer behind stdout. The FILE is unbuffered, so this runs on the printing thread
// once per printf, with stdout locked.
ssize_t writeFiltered(void *, const char *data, size_t size)
{
    if (t_stateGone)
        return writeAll(g_realStdout, std::string_view(data, size)) ? ssize_t(size) : -1;
    std::string &pending = t_state.pending;
    pending.append(data, size);
    const size_t lastNewline = pending.rfind('\n');
    if (lastNewline == std::string::npos)
        return ssize_t(size);
    // Taken out first: a sink that prints anyway appends to `pending`, not to what is parsed.
    const std::string complete = pending.substr(0, lastNewline + 1);
    pending.erase(0, lastNewline + 1);
    std::string out;
    if (!t_state.sink) {
        out = complete;
    } else {
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        for (size_t start = 0, end = complete.find('\n'); end != std::string::npos;
             start = end + 1, end = complete.find('\n', start))
            tapLine(std::string_view(complete).substr(start, end - start), nowMs, out);
    }
    if (!writeAll(g_realStdout, out))
        return -1;
    return ssize_t(size);
}

Status routeStdout()
{
    std::fflush(stdout);
    const int real = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
    cookie_io_functions_t functions {nullptr, writeFiltered, nullptr, nullptr};
    FILE *filtered = real >= 0 ? fopencookie(nullptr, "w", functions) : nullptr;
    if (!filtered) {
        const int errorNumber = errno;
        if (real >= 0)
            ::close(real);
        return fail(
            ErrorCode::Io, Text::tr("cannot capture Modbus frames from stdout: %1").arg(qt_error_string(errorNumber)));
    }
    // Unbuffered: one buffer would be shared by all threads and mix their partial lines; the
    // writer keeps a partial line per thread instead.
    std::setvbuf(filtered, nullptr, _IONBF, 0);
    g_realStdout = real;
    stdout = filtered; // glibc's printf, which libmodbus uses, writes wherever stdout points
    return {};
}

} // namespace

Status ModbusFrameTap::install()
{
    static std::once_flag once;
    static Status installed;
    std::call_once(once, [] { installed = routeStdout(); });
    return installed;
}

ModbusFrameTap::ThreadSink::ThreadSink(ModbusFrameSink sink) : m_previous(std::exchange(t_state.sink, std::move(sink)))
{ }

ModbusFrameTap::ThreadSink::~ThreadSink()
{
    t_state.sink = std::move(m_previous);
    // An answer cut short (timeout, error) never got its newline: it must not open the next
    // line printed on this thread.
    if (tokenKind(t_state.pending, 0) != 0)
        t_state.pending.clear();
}

std::optional<ModbusFrame> ModbusFrameTap::parseDebugLine(const QByteArray &line, qint64 atMs)
{
    return parseFrame(std::string_view(line.constData(), size_t(line.size())), atMs);
}

} // namespace gymgate::bridge
