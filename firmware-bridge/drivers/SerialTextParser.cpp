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
        for (const char *keyword : {"OK", "PASS", "TIMEOUT", "FIRE", "ERR"}) {
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
    if (head == "FIRE" && words.size() == 2 && (words.at(1) == "1" || words.at(1) == "0"))
        return SerialTextEvent {SerialTextEvent::Kind::Fire, Direction::Invalid, words.at(1) == "1", {}};
    if (head == "ERR")
        return SerialTextEvent {
            SerialTextEvent::Kind::Err, Direction::Invalid, false, QString::fromUtf8(trimmed.mid(3).trimmed())};
    return {};
}

std::vector<SerialTextEvent> SerialTextParser::feed(const QByteArray &bytes)
{
    std::vector<SerialTextEvent> events;
    for (const char byte : bytes) {
        if (byte == '\r' || byte == '\n') {
            endLine(events);
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
    return events;
}

void SerialTextParser::endLine(std::vector<SerialTextEvent> &events)
{
    const QByteArray line = std::exchange(m_line, {});
    m_overflow = false;
    // An empty line is the LF of a CRLF pair, or a blank keep-alive.
    if (line.trimmed().isEmpty())
        return;
    SerialTextEvent event = parseLine(line);
    if (event.kind == SerialTextEvent::Kind::Invalid) {
        qCWarning(lcSerialText) << "ignored line:" << line.toPercentEncoding(" ");
        ++m_ignoredLines;
        return;
    }
    events.push_back(std::move(event));
}

void SerialTextParser::reset()
{
    m_line.clear();
    m_overflow = false;
}

} // namespace gymgate::bridge
