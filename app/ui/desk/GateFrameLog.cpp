#include "ui/desk/GateFrameLog.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFontDatabase>

namespace gymgate {

GateFrameLog::GateFrameLog(QObject *parent) : QAbstractListModel(parent)
{ }

QString GateFrameLog::formatFrame(const GateFrame &frame, bool textLines)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(frame.atMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString direction = frame.sent ? QStringLiteral("TX") : QStringLiteral("RX");
    QString payload;
    if (textLines) {
        QByteArray line = frame.bytes;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        payload = QString::fromLatin1(line);
    } else {
        payload = QString::fromLatin1(frame.bytes.toHex(' ').toUpper());
    }
    return time + QLatin1Char(' ') + direction + QLatin1Char(' ') + payload;
}

void GateFrameLog::append(const QList<GateFrame> &frames, bool textLines)
{
    if (frames.isEmpty())
        return;
    // Only the newest maxLines of the batch can stay; the rest would be dropped at once.
    const qsizetype skip = qMax<qsizetype>(0, frames.size() - m_maxLines);
    const qsizetype adding = frames.size() - skip;
    const qsizetype overflow = m_lines.size() + adding - m_maxLines;
    if (overflow > 0)
        dropOldest(int(overflow));
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(adding) - 1);
    for (qsizetype i = skip; i < frames.size(); ++i) {
        m_lines.append(formatFrame(frames.at(i), textLines));
        m_sent.append(frames.at(i).sent);
    }
    endInsertRows();
}

void GateFrameLog::clear()
{
    beginResetModel();
    m_lines.clear();
    m_sent.clear();
    endResetModel();
}

void GateFrameLog::setMaxLines(int maxLines)
{
    m_maxLines = qMax(1, maxLines);
    if (m_lines.size() > m_maxLines)
        dropOldest(int(m_lines.size()) - m_maxLines);
}

void GateFrameLog::dropOldest(int count)
{
    count = qMin(count, int(m_lines.size()));
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_lines.remove(0, count);
    m_sent.remove(0, count);
    endRemoveRows();
}

int GateFrameLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant GateFrameLog::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_lines.at(index.row());
    case Qt::FontRole:
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case Qt::ForegroundRole:
        // Requests and answers in two colours: a missing answer stands out in a long log.
        return QBrush(m_sent.at(index.row()) ? QColor(0x1a, 0x4f, 0x9c) : QColor(0x1b, 0x6e, 0x20));
    default:
        return {};
    }
}

} // namespace gymgate
