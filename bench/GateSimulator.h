#pragma once

#include "core/Error.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace gymgate {

// gymgate-gatesim as a child process of a benchmark; its first stdout line says where it
// listens. Asked to quit when it goes out of scope.
class GateSimulator {
public:
    GateSimulator() = default;
    GateSimulator(const GateSimulator &) = delete;
    GateSimulator &operator=(const GateSimulator &) = delete;

    ~GateSimulator()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.write("quit\n");
            if (!m_process.waitForFinished(2000))
                m_process.kill();
        }
    }

    Result<QJsonObject> start(const QString &path, const QStringList &arguments)
    {
        m_process.start(path, arguments);
        if (!m_process.waitForStarted(5000))
            return fail(ErrorCode::Io, QStringLiteral("cannot start %1").arg(path));
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(5000))
                return fail(ErrorCode::Timeout, QStringLiteral("the simulator printed nothing"));
        }
        return QJsonDocument::fromJson(m_process.readLine()).object();
    }

private:
    QProcess m_process;
};

} // namespace gymgate
