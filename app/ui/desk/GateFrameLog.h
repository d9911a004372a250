#pragma once

#include "core/GateTester.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace gymgate {

// The raw frames of a diagnostics session as one line each ("09:31:02.123 TX 01 04 00 00"),
// oldest first, keeping at most maxLines (the oldest go first): a busy RTU bus would otherwise
// fill the memory of a desk left open overnight.
class GateFrameLog : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kDefaultMaxLines = 10000;

    explicit GateFrameLog(QObject *parent = nullptr);

    // Hex bytes as on the wire; a serial-text board's line as text (its line ending dropped).
    static QString formatFrame(const GateFrame &frame, bool textLines);

    void append(const QList<GateFrame> &frames, bool textLines);
    void clear();
    void setMaxLines(int maxLines);
    int maxLines() const { return m_maxLines; }
    const QStringList &lines() const { return m_lines; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void dropOldest(int count);

    QStringList m_lines;
    QList<bool> m_sent; // per line: TX (true) or RX, for the colour
    int m_maxLines = kDefaultMaxLines;
};

} // namespace gymgate
