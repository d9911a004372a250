#pragma once

// Shared by the end-to-end tests: a demo gym from the real gymgate-datagen whose gates are
// turnstiles on a real gymgate-gatesim, and the real gymgate process run against it.
#include "bridge/GateSimProcess.h"
#include "store/Database.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace gymgate::e2e {

// A Wednesday morning: every zone of the demo gym is open.
inline const QString DemoTime = QStringLiteral("2026-03-04T10:05:00+08:00");

inline QString binary(const QString &relative)
{
    return qEnvironmentVariable("GYMGATE_BINARY_DIR") + QLatin1Char('/') + relative;
}

inline QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db.connection());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

inline std::unique_ptr<Database> openDatabase(const QString &path)
{
    Database::Options options;
    options.path = path;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    return db ? std::move(*db) : nullptr;
}

// The demo gym: a simulator with enough turnstiles for every gate, and the datagen database
// whose gate profiles point at it.
struct DemoGym {
    GateSimProcess sim;
    QString dbPath;
    QJsonArray scenarios;

    // Everything goes into `dir` (which must exist).
    bool create(const QDir &dir, int members, const QStringList &simExtra = {})
    {
        if (!sim.start(QStringList {QStringLiteral("--slaves"), QStringLiteral("1,2,3,4,5,6,7,8,9,10"),
                           QStringLiteral("--pass-delay-ms"), QStringLiteral("20-60")}
                + simExtra))
            return false;
        dbPath = dir.filePath(QStringLiteral("gym.db"));
        QProcess datagen;
        datagen.start(binary(QStringLiteral("app/tools/datagen/gymgate-datagen")),
            {QStringLiteral("--db"), dbPath, QStringLiteral("--members"), QString::number(members),
                QStringLiteral("--now"), DemoTime, QStringLiteral("--codes"),
                dir.filePath(QStringLiteral("codes.json")), QStringLiteral("--gate-port"), QString::number(sim.tcpPort),
                QStringLiteral("--quiet")});
        if (!datagen.waitForFinished(120'000) || datagen.exitCode() != 0)
            return false;
        QFile codes(dir.filePath(QStringLiteral("codes.json")));
        if (!codes.open(QIODevice::ReadOnly))
            return false;
        scenarios = QJsonDocument::fromJson(codes.readAll()).object().value(QLatin1String("scenarios")).toArray();
        return !scenarios.isEmpty();
    }

    QJsonObject scenario(const QString &name) const
    {
        for (const QJsonValue &value : scenarios) {
            if (value.toObject().value(QLatin1String("name")).toString() == name)
                return value.toObject();
        }
        return {};
    }
};

// The last step of a scan: nothing more will be said about it.
inline bool isFinalLine(const QJsonObject &line)
{
    const QString phase = line.value(QLatin1String("phase")).toString();
    return phase == QLatin1String("denied") || phase == QLatin1String("passed") || phase == QLatin1String("not_passed")
        || phase == QLatin1String("gate_fault") || phase == QLatin1String("busy");
}

// gymgate --headless as a running process, its JSON lines read as they come.
class HeadlessProcess {
public:
    HeadlessProcess() { m_process.setProcessChannelMode(QProcess::SeparateChannels); }
    HeadlessProcess(const HeadlessProcess &) = delete;
    HeadlessProcess &operator=(const HeadlessProcess &) = delete;

    ~HeadlessProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    void start(const QString &dbPath, const QStringList &extra = {})
    {
        m_process.start(binary(QStringLiteral("app/gymgate")),
            QStringList {QStringLiteral("--headless"), QStringLiteral("--db"), dbPath, QStringLiteral("--format"),
                QStringLiteral("json"), QStringLiteral("--clock"), DemoTime, QStringLiteral("--lang"),
                QStringLiteral("en")}
                + extra);
    }

    void write(const QByteArray &data) { m_process.write(data); }
    void closeInput() { m_process.closeWriteChannel(); }
    QProcess &process() { return m_process; }

    // Waits until a line satisfies `matches` (lines already read count); returns it.
    QJsonObject waitFor(const std::function<bool(const QJsonObject &)> &matches, int timeoutMs = 10'000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            for (qsizetype i = m_scanned; i < m_lines.size(); ++i) {
                if (matches(m_lines.at(i))) {
                    m_scanned = i + 1;
                    return m_lines.at(i);
                }
            }
            m_scanned = m_lines.size();
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return {};
            m_process.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 200)));
            readLines();
        }
    }

    QJsonObject waitForPhase(const QString &phase, int timeoutMs = 10'000)
    {
        return waitFor(
            [&](const QJsonObject &line) { return line.value(QLatin1String("phase")).toString() == phase; }, timeoutMs);
    }

    // Runs to the end of its input; returns the exit code (-1 on timeout).
    int finish(int timeoutMs = 60'000)
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(timeoutMs))
            return -1;
        readLines();
        return m_process.exitCode();
    }

    QList<QJsonObject> finalLines() const
    {
        QList<QJsonObject> lines;
        for (const QJsonObject &line : m_lines) {
            if (isFinalLine(line) || line.contains(QLatin1String("error")))
                lines.append(line);
        }
        return lines;
    }
    const QList<QJsonObject> &lines() const { return m_lines; }
    // Everything said so far, for a failure message.
    QByteArray transcript()
    {
        QByteArray text;
        for (const QJsonObject &line : std::as_const(m_lines))
            text += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        return text + standardError();
    }
    QByteArray standardError() { return m_stderr += m_process.readAllStandardError(); }

private:
    void readLines()
    {
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            if (!line.isEmpty())
                m_lines.append(QJsonDocument::fromJson(line).object());
        }
    }

    QProcess m_process;
    QList<QJsonObject> m_lines;
    qsizetype m_scanned = 0;
    QByteArray m_stderr;
};

} // namespace gymgate::e2e
