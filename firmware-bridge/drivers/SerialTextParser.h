#pragma once

#include "core/Entry.h"
#include "core/GateDriver.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace gymgate::bridge {

// One message of the serial-text line protocol (DESIGN §8).
struct SerialTextEvent {
    enum class Kind {
        Invalid = 0,
        Ok,
        Pass,
        Timeout,
        Fire,
        Err,
        Status, // the answer to STATUS: `STATUS <NORMAL|LOCKED|FREE> FIRE <0|1>`
    };
    Kind kind = Kind::Invalid;
    Direction direction = Direction::Invalid; // Pass, Timeout
    bool active = false; // Fire, Status: the fire input
    QString text; // Err
    GateMode mode = GateMode::Invalid; // Status
};

// Splits the byte stream into lines (CR, LF or CRLF) and parses them. Lines it does not know
// are counted and dropped, so a noisy wire never stops the gate. A line longer than
// MaxLineBytes is thrown away up to its end.
class SerialTextParser {
public:
    static constexpr qsizetype MaxLineBytes = 256;

    // The messages of the lines `bytes` completes: takeLines() then accept() on each.
    std::vector<SerialTextEvent> feed(const QByteArray &bytes);
    // The lines `bytes` completes, without their line ending; blank lines are skipped. For
    // callers that show every line, messages or not (the technician console's frame log).
    std::vector<QByteArray> takeLines(const QByteArray &bytes);
    // Parses one complete line; one that is not a message is counted in ignoredLines().
    SerialTextEvent accept(const QByteArray &line);
    static SerialTextEvent parseLine(const QByteArray &line);
    int ignoredLines() const { return m_ignoredLines; }
    void reset();

private:
    static SerialTextEvent parseMessage(const QByteArray &line);
    void endLine(std::vector<QByteArray> &lines);

    QByteArray m_line;
    bool m_overflow = false;
    int m_ignoredLines = 0;
};

} // namespace gymgate::bridge
