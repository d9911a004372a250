#include "drivers/SerialTextParser.h"

#include <QList>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSerialText, "gymgate.bridge.serialtext")

namespace gymgate::bridge {

namespace {

Direction parseDirection(const QByteArray &word)
{
    if (word == "IN")
        return Direction::In;
    if (word == "OUT")
        return Direction::Out;
    return Direction::Invalid;
}

SerialTextEvent directionEvent(SerialTextEvent::Kind kind, const QList<QByteArray> &words)
{
    if (words.size() != 2)
        return {};
    const Direction direction = parseDirection(words.at(1));
    if (direction == Direction::Invalid)
        return {};
    return SerialTextEvent {kind, direction, false, {}};
}

GateMode parseMode(const QByteArray &word)
{
    if (word == "NORMAL")
        return GateMode::Normal;
    if (word == "LOCKED")
        return GateMode::Locked;
    if (word == "FREE")
        return GateMode::Free;
    return GateMode::Invalid;
}

bool isFlag(const QByteArray &word)
{
    return word == "1" || word == "0";
}

SerialTextEvent statusEvent(const QList<QByteArray> &words)
{
    if (words.size() != 4 || words.at(2) != "FIRE" || !isFlag(words.at(3)))
        return {};
    const GateMode mode = parseMode(words.at(1));
    if (mode == GateMode::Invalid)
        return {};
    return SerialTextEvent {SerialTextEvent::Kind::Status, Direction::Invalid, words.at(3) == "1", {}, mode};
}

} // namespace

SerialTextEvent SerialTextParser::parseLine(const QByteArray &line)
{
    SerialTextEvent event = parseMessage(line);
    if (event.kind != SerialTextEvent::Kind::Invalid)
        return event;
    // Noise on the wire often has no line end of its own and sticks to the front of the next
    // message ("\xec\x07vFIRE 1"): look for the first keyword from which the rest parses.
    const QByteArray upper = line.toUpper();
    for (qsizetype start = 1; start < line.size(); ++start) {
        for (const char *keyword : {"OK", "PASS", "TIMEOUT", "FIRE", "ERR", "STATUS"}) {
            if (!upper.sliced(start).startsWith(keyword))
                continue;
            event = parseMessage(line.sliced(start));
            if (event.kind != SerialTextEvent::Kind::Invalid)
                return event;
        }
    }
    return {};
}

SerialTextEvent SerialTextParser::parseMessage(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    // Keywords are matched case-insensitively; some boards shout, some do not.
    const QList<QByteArray> words = trimmed.simplified().toUpper().split(' ');
    const QByteArray &head = words.constFirst();
    if (head == "OK" && words.size() == 1)
        return SerialTextEvent {SerialTextEvent::Kind::Ok, Direction::Invalid, false, {}};
    if (head == "PASS")
        return directionEvent(SerialTextEvent::Kind::Pass, words);
    if (head == "TIMEOUT")
        return directionEvent(SerialTextEvent::Kind::Timeout, words);
    if (head == "FIRE" && words.size() == 2 && isFlag(words.at(1)))
        return SerialTextEvent {SerialTextEvent::Kind::Fire, Direction::Invalid, words.at(1) == "1", {}};
    if (head == "ERR")
        return SerialTextEvent {
            SerialTextEvent::Kind::Err, Direction::Invalid, false, QString::fromUtf8(trimmed.mid(3).trimmed())};
    if (head == "STATUS")
        return statusEvent(words);
    return {};
}

std::vector<SerialTextEvent> SerialTextParser::feed(const QByteArray &bytes)
{
    std::vector<SerialTextEvent> events;
    for (const QByteArray &line : takeLines(bytes)) {
        SerialTextEvent event = accept(line);
        if (event.kind != SerialTextEvent::Kind::Invalid)
            events.push_back(std::move(event));
    }
    return events;
}

std::vector<QByteArray> SerialTextParser::takeLines(const QByteArray &bytes)
{
    std::vector<QByteArray> lines;
    for (const char byte : bytes) {
        if (byte == '\r' || byte == '\n') {
            endLine(lines);
            continue;
        }
        if (m_overflow)
            continue;
        if (m_line.size() >= MaxLineBytes) {
            // Keep memory bounded whatever the wire sends; the rest of this line is dropped.
            qCWarning(lcSerialText) << "line longer than" << MaxLineBytes << "bytes dropped";
            m_line.clear();
            m_overflow = true;
            ++m_ignoredLines;
            continue;
        }
        m_line.append(byte);
    }
    return lines;
}

void SerialTextParser::endLine(std::vector<QByteArray> &lines)
{
    QByteArray line = std::exchange(m_line, {});
    m_overflow = false;
    // An empty line is the LF of a CRLF pair, or a blank keep-alive.
    if (!line.trimmed().isEmpty())
        lines.push_back(std::move(line));
}

SerialTextEvent SerialTextParser::accept(const QByteArray &line)
{
    SerialTextEvent event = parseLine(line);
    if (event.kind == SerialTextEvent::Kind::Invalid) {
        qCWarning(lcSerialText) << "ignored line:" << line.toPercentEncoding(" ");
        ++m_ignoredLines;
    }
    return event;
}

void SerialTextParser::reset()
{
    m_line.clear();
    m_overflow = false;
}

} // namespace gymgate::bridge
