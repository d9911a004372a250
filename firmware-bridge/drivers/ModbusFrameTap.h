#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QtGlobal>

#include <functional>
#include <optional>

namespace gymgate::bridge {

// One Modbus frame as libmodbus put it on the wire or took it off: the whole ADU (MBAP header
// for TCP, slave id and CRC for RTU). An answer cut short by a timeout arrives with the next
// line the thread prints, as far as it came.
struct ModbusFrame {
    qint64 atMs = 0; // wall clock, ms since the epoch
    bool sent = false; // TX (request) or RX (answer)
    QByteArray bytes;
};
// Called on the thread that did the I/O, while stdout is locked: it must not throw and must not
// write to stdout (write(2) on STDOUT_FILENO is fine).
using ModbusFrameSink = std::function<void(const ModbusFrame &frame)>;

// libmodbus 3.1.6 has no frame callback: with debug on (ModbusBus::setDebug) it printf()s every
// frame it sends as "[01][04]..." and every answer as "<01><04>...". The tap routes the
// process's stdout through a filter once (install) and hands the frame lines printed on a
// thread that holds a ThreadSink to that sink, dropping libmodbus' other debug lines there; any
// other output, and all output of threads without a sink, goes to the real stdout unchanged,
// one whole line at a time. So the desk's diagnostics thread and gatectl see exactly the bytes
// on the wire, and the gate service's own buses (debug off) print nothing.
class ModbusFrameTap {
public:
    // Idempotent and thread-safe; the filter stays for the life of the process. Without it a
    // ThreadSink gets nothing and frames go to stdout as libmodbus prints them.
    static Status install();

    // While alive, frames printed on the constructing thread go to `sink` (on that thread).
    // Nests: the previous sink of the thread comes back on destruction. Destroy it on the
    // thread that made it.
    class ThreadSink {
    public:
        explicit ThreadSink(ModbusFrameSink sink);
        ~ThreadSink();
        ThreadSink(const ThreadSink &) = delete;
        ThreadSink &operator=(const ThreadSink &) = delete;

    private:
        ModbusFrameSink m_previous;
    };

    // Parses one libmodbus debug line ("[01][04][00]" or "<01><04>"); nullopt for other lines,
    // including lines that mix requests and answers. Public for tests.
    static std::optional<ModbusFrame> parseDebugLine(const QByteArray &line, qint64 atMs);
};

} // namespace gymgate::bridge
