#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <csignal>

// One HTTP answer of the hub as a test sees it.
struct HubReply {
    int status = 0; // 0 = no answer (timeout or connection error)
    QByteArray body;
    QJsonObject json; // the envelope, empty if the body is not a JSON object
    QString error;
};

// Runs the real gymgate-hub for a test: starts it on a free loopback port (--port 0), reads the
// JSON start line {"port":N}, talks HTTP to it and stops it with SIGTERM.
// GYMGATE_HUB_PATH is set by tests/hub/CMakeLists.txt.
class HubProcess {
public:
    HubProcess() = default;
    HubProcess(const HubProcess &) = delete;
    HubProcess &operator=(const HubProcess &) = delete;

    ~HubProcess()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    static QString program() { return QStringLiteral(GYMGATE_HUB_PATH); }

    // Starts the hub and waits for its start line. False (with the reason in errorText) if it
    // exits or prints nothing within the timeout.
    bool start(const QStringList &arguments, int timeoutMs = 15000)
    {
        m_process.setProgram(program());
        m_process.setArguments(QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                                   QStringLiteral("--port"), QStringLiteral("0")}
            + arguments);
        m_process.start();
        if (!m_process.waitForStarted(timeoutMs)) {
            errorText = m_process.errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine()) {
            if (timer.hasExpired(timeoutMs) || !m_process.waitForReadyRead(int(timeoutMs - timer.elapsed()))) {
                m_process.waitForFinished(1000);
                errorText = QString::fromUtf8(m_process.readAllStandardError());
                return false;
            }
        }
        port = QJsonDocument::fromJson(m_process.readLine()).object().value(QStringLiteral("port")).toInt();
        return port > 0;
    }

    HubReply request(const QByteArray &method, const QString &path, const QByteArray &body = {}, int timeoutMs = 10000,
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
        QNetworkRequest request(QUrl(QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(port).arg(path)));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        if (tls) // the tests' certificate is self-signed
            QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
        HubReply result;
        if (!reply->isFinished()) {
            result.error = QStringLiteral("timeout");
            reply->abort();
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.body = reply->readAll();
            result.json = QJsonDocument::fromJson(result.body).object();
            if (result.status == 0)
                result.error = reply->errorString();
        }
        reply->deleteLater();
        return result;
    }

    // A JSON request with an optional Bearer token: `body` undefined sends no body.
    HubReply call(const QByteArray &method, const QString &path, const QJsonValue &body = QJsonValue::Undefined,
        const QString &token = {})
    {
        QByteArray bytes;
        if (body.isObject())
            bytes = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        else if (body.isArray())
            bytes = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!token.isEmpty())
            headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()});
        return request(method, path, bytes, 10000, headers);
    }

    // Logs a staff user in; the token, or empty when the login failed.
    QString login(const QString &username, const QString &password)
    {
        const HubReply reply = call("POST", QStringLiteral("/api/v1/users/login"),
            QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
        return reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString();
    }

    // gymgate-hub --create-admin with the password on stdin; the exit code.
    static int createAdmin(const QString &spec, const QString &username, const QString &password)
    {
        QProcess process;
        process.start(program(), {QStringLiteral("--db"), spec, QStringLiteral("--create-admin"), username});
        if (!process.waitForStarted(15000))
            return -1;
        process.write(password.toUtf8() + '\n');
        process.closeWriteChannel();
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished(1000);
            return -1;
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // SIGKILL: the hub dies at once, in the middle of a transaction if it was in one.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // Sends SIGTERM and waits; true if the hub ended by itself with exit code 0.
    bool stop(int timeoutMs = 10000)
    {
        // processId() is 0 once the hub has ended, and kill(0) would signal the whole test.
        if (m_process.state() == QProcess::NotRunning)
            return false;
        ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(timeoutMs))
            return false;
        stderrText = QString::fromUtf8(m_process.readAllStandardError());
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    // Runs gymgate-hub to completion (for options that make it exit at once).
    static int run(const QStringList &arguments, QByteArray *out, QByteArray *err, int timeoutMs = 15000)
    {
        QProcess process;
        process.start(program(), arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(1000);
            return -1;
        }
        if (out != nullptr)
            *out = process.readAllStandardOutput();
        if (err != nullptr)
            *err = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    int port = 0;
    bool tls = false; // talk HTTPS
    QString errorText;
    QString stderrText;

private:
    QProcess m_process;
    QNetworkAccessManager m_network;
};
