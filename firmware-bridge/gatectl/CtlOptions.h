#pragma once

#include "core/Error.h"

#include <QStringList>

#include "protocol/GateProfile.h"

class QCommandLineParser;

namespace gymgate::gatectl {

// Process exit codes of gymgate-gatectl, as technicians' scripts see them.
inline constexpr int ExitOk = 0;
inline constexpr int ExitFailed = 1; // the device said no, or a check failed
inline constexpr int ExitUsage = 2;

// Everything one gatectl run needs: the gate (profile plus command-line overrides), the
// command and its arguments.
struct CtlOptions {
    bridge::GateProfile profile;
    QString command;
    QStringList arguments; // positional arguments after the command
    bool hex = false;
    int fromSlave = 1;
    int toSlave = 247;
    int passes = 1;
    int count = 0; // watch: 0 = until Ctrl-C
    bool changesOnly = false;
};

void addCtlOptions(QCommandLineParser &parser);
// Refuses bad input with InvalidArgument naming the option or profile field.
Result<CtlOptions> ctlOptionsFromParser(const QCommandLineParser &parser);

} // namespace gymgate::gatectl
