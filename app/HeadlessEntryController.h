#pragma once

#include "core/EntryService.h"
#include "core/GateSupervisor.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimeZone>

#include <deque>
#include <functional>

#include "AppOptions.h"

namespace gymgate {

// The screenless entry controller (DESIGN §1): scans from serial scanners and from standard
// input go to the entry service; every step of every scan is written to standard output, as
// text for a person or as JSON lines for a machine.
//
// Standard input is a script or a person typing: one code per line, or "<gate> <code>" where
// <gate> is a gate id or name (its entry lane) or a lane id ("<gate id>:out"). Scanners never
// send spaces inside a code. Lines are taken one at a time: the next waits until the previous
// scan has finished at its gate, so a scripted feed never runs into a busy gate.
class HeadlessEntryController : public QObject {
    Q_OBJECT

public:
    // `findLane` maps "<gate>" of an input line to a lane id (empty = no such gate).
    using LaneResolver = std::function<QString(const QString &)>;
    HeadlessEntryController(EntryService &entries, LaneResolver findLane, QString defaultLaneId, QTimeZone siteTimeZone,
        OutputFormat format, QObject *parent = nullptr);

    // Emergency and gate availability changes are written out too (JSON: {"event": ...}).
    void watchGates(GateSupervisor &gates);
    // Starts reading standard input. At its end: finished() once the last scan is done, unless
    // `keepRunningAtEnd` (a scanner still serves the gate).
    void startStandardInput(bool keepRunningAtEnd);
    // One line as if read from standard input; public so it can be driven without a terminal.
    void handleLine(const QByteArray &line);

    int granted() const { return m_granted; }
    int denied() const { return m_denied; }

signals:
    void finished();

private:
    void readInput();
    void pumpLines();
    void submit(const QString &laneId, const QByteArray &code);
    void onUpdate(const EntryUpdate &update);
    void print(const EntryUpdate &update);
    void printError(const Error &error);
    void printEvent(const QJsonObject &event, const QString &text);
    void finishIfDone();

    EntryService &m_entries;
    LaneResolver m_findLane;
    QString m_defaultLaneId;
    QTimeZone m_siteTimeZone;
    OutputFormat m_format;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    std::deque<QByteArray> m_lines; // read, not yet submitted
    QString m_waitingLane; // a line's grant still running at this lane
    QSet<QString> m_troubledGates; // gates last reported not ready
    bool m_inputEnded = false;
    bool m_keepRunningAtEnd = false;
    QTextStream m_out;
    int m_granted = 0;
    int m_denied = 0;
};

} // namespace gymgate
