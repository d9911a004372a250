#pragma once

#include "core/DecisionService.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimeZone>

#include "AppOptions.h"

namespace gymgate {

// A gate the controller can decide for, by its id or name.
struct NamedGate {
    QString name;
    GateContext context;
};

// The screenless entry controller's loop: one scanned code per input line, one decision per
// output line (text for a person, JSON lines for a machine). A line "<gate> <code>" decides at
// that gate (id or name) instead of the default one: scanners never send spaces inside a code. Until the gate bridge is
// wired in, a grant's passage is confirmed at once (autoPass) so visits are charged and anti-passback and occupancy see
// the entry.
class HeadlessDecisionLoop : public QObject {
    Q_OBJECT

public:
    HeadlessDecisionLoop(DecisionService &decisions, EntryLedger &ledger, const Clock &clock, QList<NamedGate> gates,
        QTimeZone siteTimeZone, OutputFormat format, bool autoPass, QObject *parent = nullptr);

    // Starts reading standard input; finished() is emitted at its end.
    void start();
    // Handles one scanned line; public so it can be driven without a terminal.
    void handleLine(const QByteArray &line);

    int granted() const { return m_granted; }
    int denied() const { return m_denied; }

signals:
    void finished();

private:
    void readInput();
    void printResult(const ScanResult &result);
    void printError(const Error &error);
    const GateContext *findGate(const QString &idOrName) const;

    DecisionService &m_decisions;
    EntryLedger &m_ledger;
    const Clock &m_clock;
    QList<NamedGate> m_gates;
    QTimeZone m_siteTimeZone;
    OutputFormat m_format;
    bool m_autoPass;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    QTextStream m_out;
    int m_granted = 0;
    int m_denied = 0;
};

} // namespace gymgate
