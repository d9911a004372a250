#pragma once

#include <optional>

#include "CtlOptions.h"
#include "GateSnapshot.h"
#include "drivers/ModbusBus.h"

namespace gymgate::gatectl {

// Runs one gatectl command against one gate, synchronously: a command-line tool may block.
// Results go to stdout, progress and errors to stderr; run() returns the process exit code.
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
    template<typename Bus>
    int pollLoop(Bus &bus, const QString &what, bool stampLines);
    int selftest();

    Status connectBus();
    Result<quint16> readProbeValue();
    Result<GateSnapshot> readSnapshot();
    Result<int> waitForPassages(bool entry, int passes, const GateSnapshot &before);
    Status commandOpen(bool entry, int passes);
    Status endOpen(bool entry);
    QString describe(const GateSnapshot &snapshot) const;
    QString target() const;
    int deviceFailure(const QString &what, const Error &error);
    int usageFailure(const QString &message);
    bool isRelay() const { return m_options.profile.kind == bridge::ProfileKind::Relay; }

    CtlOptions m_options;
    std::optional<bridge::ModbusBus> m_bus;
};

} // namespace gymgate::gatectl
