#pragma once

#include "core/Entry.h"

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
        Err
    };
    Kind kind = Kind::Invalid;
    Direction direction = Direction::Invalid; // Pass, Timeout
    bool active = false; // Fire
    QString text; // Err
};

// Splits the byte stream into lines (CR, LF or CRLF) and parses them. Lines it does not know
// are counted and dropped, so a noisy wire never stops the gate. A line longer than
// MaxLineBytes is thrown away up to its end.
class SerialTextParser {
public:
    static constexpr qsizetype MaxLineBytes = 256;

    std::vector<SerialTextEvent> feed(const QByteArray &bytes);
    static SerialTextEvent parseLine(const QByteArray &line);
    int ignoredLines() const { return m_ignoredLines; }
    void reset();

private:
    static SerialTextEvent parseMessage(const QByteArray &line);
    void endLine(std::vector<SerialTextEvent> &events);

    QByteArray m_line;
    bool m_overflow = false;
    int m_ignoredLines = 0;
};

} // namespace gymgate::bridge
