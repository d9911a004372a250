#pragma once

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

// A throwaway PostgreSQL cluster for tests: initdb into a temporary directory owned by the
// `postgres` system user (PostgreSQL refuses to run as root), trust authentication, listening on
// 127.0.0.1 at a free port with its unix socket inside the directory. Stopped on destruction.
class PgServer {
public:
    PgServer() = default;
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    ~PgServer()
    {
        if (m_started)
            runAsPostgres(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"),
                    QStringLiteral("-w"), QStringLiteral("stop")});
    }

    // False with the reason in errorText when PostgreSQL is not installed or does not start.
    bool start()
    {
        m_binDir = findBinDir();
        if (m_binDir.isEmpty())
            return failed(QStringLiteral("no initdb under /usr/lib/postgresql/*/bin"));
        if (!m_dir.isValid())
            return failed(QStringLiteral("cannot create a temporary directory"));
        const passwd *user = ::getpwnam("postgres");
        if (user == nullptr)
            return failed(QStringLiteral("no 'postgres' system user"));
        if (::chown(QFile::encodeName(m_dir.path()).constData(), user->pw_uid, user->pw_gid) != 0)
            return failed(QStringLiteral("cannot chown %1 to postgres").arg(m_dir.path()));
        port = freePort();
        if (!runAsPostgres(QStringLiteral("initdb"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                    QStringLiteral("postgres"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                    QStringLiteral("--no-sync")}))
            return false;
        const QString serverOptions
            = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(port).arg(m_dir.path());
        if (!runAsPostgres(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                    QStringLiteral("-o"), serverOptions, QStringLiteral("-w"), QStringLiteral("-t"),
                    QStringLiteral("30"), QStringLiteral("start")}))
            return false;
        m_started = true;
        return true;
    }

    // Creates an empty database and returns the --db value for gymgate-hub.
    QString createDatabase(const QString &name)
    {
        if (!runAsPostgres(QStringLiteral("createdb"),
                {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                    QStringLiteral("-U"), QStringLiteral("postgres"), name}))
            return {};
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(port).arg(name);
    }

    int port = 0;
    QString errorText;

private:
    static QString findBinDir()
    {
        const QDir root(QStringLiteral("/usr/lib/postgresql"));
        QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        std::sort(
            versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &version : versions) {
            const QString bin = root.filePath(version + QStringLiteral("/bin"));
            if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable())
                return bin;
        }
        return {};
    }

    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    bool failed(const QString &reason)
    {
        errorText = reason;
        return false;
    }

    bool runAsPostgres(const QString &tool, const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("runuser"),
            QStringList {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                m_binDir + QLatin1Char('/') + tool}
                + arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return failed(QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(process.readAll())));
        return true;
    }

    QTemporaryDir m_dir;
    QString m_binDir;
    bool m_started = false;
};
