#pragma once

#include "CtlOptions.h"
#include "drivers/GateDiagnostics.h"

namespace gymgate::gatectl {

// Runs one gatectl command against one gate, synchronously: a command-line tool may block.
// The work is bridge::GateDiagnostics (shared with the desk's technician console); this class
// parses the command's arguments and prints. Results go to stdout, progress and errors to
// stderr; run() returns the process exit code.
class GateCtl {
public:
    explicit GateCtl(CtlOptions options);

    int run();

private:
    int probe();
    int scan();
    int read();
    int write();
    int open();
    int watch();
    int monitor();
    int pollLoop(const QString &what);
    int selftest();

    int connectOrFail(const QString &what);
    QString describe(const bridge::GateSnapshot &snapshot) const;
    int deviceFailure(const QString &what, const Error &error);
    int usageFailure(const QString &message);

    CtlOptions m_options;
    bridge::GateDiagnostics m_diagnostics;
};

} // namespace gymgate::gatectl
