#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>

// Runs gymgate-gatesim for a test: starts it, reads the JSON line with its ports and ptys, sends
// fault commands on its control port (which answers, so a command is in effect once command()
// returns) and ends it. The ptys are used through stable links in a temporary directory, as a
// driver in the field uses /dev/serial/by-id names, so a dropped or re-plugged pty comes back
// under the same path. GYMGATE_GATESIM_PATH is set by the tests' CMakeLists.txt.
class GateSimProcess {
public:
    GateSimProcess() = default;
    GateSimProcess(const GateSimProcess &) = delete;
    GateSimProcess &operator=(const GateSimProcess &) = delete;

    ~GateSimProcess()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.write("quit\n");
        if (!m_process.waitForFinished(2000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }

    bool start(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(GYMGATE_GATESIM_PATH));
        m_process.setArguments(
            QStringList {QStringLiteral("--tcp-port"), QStringLiteral("0"), QStringLiteral("--control-port"),
                QStringLiteral("0"), QStringLiteral("--quiet"), QStringLiteral("--link-dir"), m_links.path()}
            + arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(5000))
                return false;
        }
        const QJsonObject info = QJsonDocument::fromJson(m_process.readLine()).object();
        tcpPort = info.value(QStringLiteral("tcpPort")).toInt();
        rtu = info.value(QStringLiteral("rtu")).toString();
        text = info.value(QStringLiteral("text")).toString();
        m_control.connectToHost(QStringLiteral("127.0.0.1"), quint16(info.value(QStringLiteral("control")).toInt()));
        return tcpPort > 0 && m_control.waitForConnected(5000);
    }

    // Returns the simulator's answer ("ok" or "error: ...").
    QByteArray command(const QByteArray &line)
    {
        m_control.write(line + '\n');
        while (!m_control.canReadLine()) {
            if (!m_control.waitForReadyRead(5000))
                return {};
        }
        return m_control.readLine().trimmed();
    }

    int tcpPort = 0;
    QString rtu;
    QString text;

private:
    QTemporaryDir m_links;
    QProcess m_process;
    QTcpSocket m_control;
};
