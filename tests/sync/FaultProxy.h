#pragma once

// A TCP proxy between a desk's sync layer and the real gymgate-hub for fault tests: it listens on
// 127.0.0.1 on a port chosen once at construction (kept for its whole life, so a desk configured
// with proxy.url() keeps its address while the hub behind it is restarted on another port with
// setTargetPort) and treats each NEW connection according to the current mode.
//
// Header-only and without Q_OBJECT (no moc needed), usable from any test that links Qt Network.
// Everything runs on the thread that owns the proxy: a test's blocking HubClient call spins a
// local event loop on the same thread, which is enough to drive the proxy.
#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <functional>

namespace synctest {

class FaultProxy {
public:
    enum class Mode {
        Invalid = 0,
        // Relays bytes both ways untouched: the healthy path, including HTTP keep-alive and
        // WebSocket upgrades (the proxy never looks past a request's headers after an upgrade).
        Pass,
        // Accepts and closes at once: a hub that is down or a firewall that resets, seen by the
        // desk as a transport error before any answer.
        Refuse,
        // Relays the request, but only the first cutAfterBytes() bytes of the hub's answer, then
        // closes: a connection lost in the middle of an answer (truncated headers or JSON).
        CutResponse,
        // Does not contact the hub; answers "HTTP/1.1 200 OK" with a body that is not JSON: a
        // captive portal or a wrong server at the hub's address. The desk must not trust a 2xx
        // whose body is not the hub's envelope.
        Garbage,
        // Relays the request so the hub APPLIES it, drops the answer and closes the client
        // connection: "the hub died in the middle of a push" from the desk's point of view. The
        // desk must retry and the hub must answer `duplicate` for what it already has.
        SwallowResponse,
        // Reads the request and never answers nor closes: a hung hub or a black-holed network.
        // Only the desk's own request time-out ends the call.
        Stall,
    };

    explicit FaultProxy(int targetPort = 0) : m_targetPort(targetPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        m_port = m_server.serverPort();
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { acceptPending(); });
    }

    ~FaultProxy()
    {
        m_server.close();
        dropConnections();
    }

    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    bool isListening() const { return m_server.isListening(); }
    int port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    // Where new connections are relayed to (a restarted hub's new port).
    void setTargetPort(int port) { m_targetPort = port; }
    int targetPort() const { return m_targetPort; }

    // The mode for connections accepted from now on. By default the open connections are dropped
    // too: QNetworkAccessManager keeps connections alive and would otherwise go on talking
    // through a connection accepted in the previous mode.
    void setMode(Mode mode, bool dropExisting = true)
    {
        m_mode = mode;
        if (dropExisting)
            dropConnections();
    }
    Mode mode() const { return m_mode; }

    // CutResponse: how many bytes of the hub's answer reach the client.
    void setCutAfterBytes(qint64 bytes) { m_cutAfterBytes = bytes; }
    qint64 cutAfterBytes() const { return m_cutAfterBytes; }

    // Connections accepted, in any mode.
    int connections() const { return m_connections; }
    // Complete HTTP requests forwarded to the hub (Pass, CutResponse, SwallowResponse). Note that
    // Qt may resend a request whose connection closed before any answer byte.
    int requestsRelayed() const { return m_requestsRelayed; }
    void resetCounters()
    {
        m_connections = 0;
        m_requestsRelayed = 0;
    }

    // Closes every open connection (both sides) at once.
    void dropConnections()
    {
        const QList<QObject *> links = m_links.children();
        for (QObject *link : links)
            delete link;
    }

    int openConnections() const { return int(m_links.children().size()); }

    // Called with the head of every request a client sends (lower case, request line first), on
    // connections accepted from now on: a test acts at the moment a given request goes through.
    void setOnRequestHead(std::function<void(const QByteArray &head)> hook) { m_onRequestHead = std::move(hook); }

private:
    // Counts complete HTTP requests in a client's byte stream: headers, then Content-Length bytes
    // of body. After a WebSocket upgrade the stream is opaque and no longer parsed.
    class RequestCounter {
    public:
        int feed(const QByteArray &data)
        {
            if (m_opaque)
                return 0;
            m_buffer += data;
            int completed = 0;
            for (;;) {
                if (m_bodyRemaining > 0) {
                    const qint64 take = std::min<qint64>(m_bodyRemaining, m_buffer.size());
                    m_buffer.remove(0, take);
                    m_bodyRemaining -= take;
                    if (m_bodyRemaining > 0)
                        break;
                    ++completed;
                    continue;
                }
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    break;
                const QByteArray head = m_buffer.left(end).toLower();
                m_buffer.remove(0, end + 4);
                if (onHead)
                    onHead(head);
                if (head.contains("upgrade: websocket")) {
                    m_opaque = true;
                    m_buffer.clear();
                    return completed + 1;
                }
                const qint64 length = contentLength(head);
                if (length > 0)
                    m_bodyRemaining = length;
                else
                    ++completed;
            }
            return completed;
        }

    private:
        static qint64 contentLength(const QByteArray &head)
        {
            for (const QByteArray &line : head.split('\n')) {
                if (line.startsWith("content-length:"))
                    return line.mid(15).trimmed().toLongLong();
            }
            return 0;
        }

    public:
        std::function<void(const QByteArray &head)> onHead;

    private:
        QByteArray m_buffer;
        qint64 m_bodyRemaining = 0;
        bool m_opaque = false;
    };

    // One accepted connection and, in the modes that need it, its connection to the hub. Both
    // sockets are its children: deleting the link closes both.
    class Link : public QObject {
    public:
        Link(FaultProxy &proxy, QTcpSocket *client, QObject *parent)
            : QObject(parent), m_proxy(proxy), m_mode(proxy.m_mode), m_cutAfterBytes(proxy.m_cutAfterBytes),
              m_client(client)
        {
            m_client->setParent(this);
            m_counter.onHead = proxy.m_onRequestHead;
            QObject::connect(m_client, &QTcpSocket::readyRead, this, [this] { onClientData(); });
            QObject::connect(m_client, &QTcpSocket::disconnected, this, [this] { onClientGone(); });
            switch (m_mode) {
            case Mode::Refuse:
                finish();
                return;
            case Mode::Pass:
            case Mode::CutResponse:
            case Mode::SwallowResponse:
                connectUpstream();
                break;
            case Mode::Garbage:
            case Mode::Stall:
            case Mode::Invalid:
                break;
            }
            onClientData(); // bytes that came with the connection
        }

    private:
        void connectUpstream()
        {
            m_upstream = new QTcpSocket(this);
            QObject::connect(m_upstream, &QTcpSocket::connected, this, [this] {
                m_upstream->write(m_pending);
                m_pending.clear();
            });
            QObject::connect(m_upstream, &QTcpSocket::readyRead, this, [this] { onUpstreamData(); });
            QObject::connect(m_upstream, &QTcpSocket::disconnected, this, [this] { finish(); });
            QObject::connect(m_upstream, &QTcpSocket::errorOccurred, this, [this] {
                if (m_upstream->state() != QAbstractSocket::ConnectedState)
                    finish(); // the hub is not there: the client sees a closed connection
            });
            m_upstream->connectToHost(QHostAddress::LocalHost, quint16(m_proxy.m_targetPort));
        }

        void onClientData()
        {
            const QByteArray data = m_client->readAll();
            if (data.isEmpty())
                return;
            const int requests = m_counter.feed(data);
            switch (m_mode) {
            case Mode::Pass:
            case Mode::CutResponse:
            case Mode::SwallowResponse:
                m_proxy.m_requestsRelayed += requests;
                if (m_upstream->state() == QAbstractSocket::ConnectedState)
                    m_upstream->write(data);
                else
                    m_pending += data;
                break;
            case Mode::Garbage:
                if (requests > 0)
                    answerGarbage();
                break;
            case Mode::Refuse:
            case Mode::Stall:
            case Mode::Invalid:
                break; // read and forgotten
            }
        }

        void onUpstreamData()
        {
            QByteArray data = m_upstream->readAll();
            switch (m_mode) {
            case Mode::Pass:
                m_client->write(data);
                break;
            case Mode::CutResponse: {
                const qint64 room = std::max<qint64>(0, m_cutAfterBytes - m_relayedBack);
                data.truncate(room);
                m_client->write(data);
                m_relayedBack += data.size();
                if (m_relayedBack >= m_cutAfterBytes)
                    finish();
                break;
            }
            case Mode::SwallowResponse:
                // The hub answers only after it applied the request: the harm is done.
                finish();
                break;
            default:
                break;
            }
        }

        void answerGarbage()
        {
            const QByteArray body = QByteArrayLiteral("<html><body>Welcome to the guest network</body></html>");
            m_client->write(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ")
                + QByteArray::number(body.size()) + QByteArrayLiteral("\r\nConnection: close\r\n\r\n") + body);
            finish();
        }

        void onClientGone()
        {
            if (m_upstream != nullptr)
                m_upstream->disconnectFromHost();
            deleteLater();
        }

        // Closes both sides after what was written to the client has left.
        void finish()
        {
            if (m_finished)
                return;
            m_finished = true;
            if (m_upstream != nullptr) {
                // Whatever the hub still sends is not wanted any more.
                QObject::disconnect(m_upstream, nullptr, this, nullptr);
                m_upstream->abort();
            }
            m_client->disconnectFromHost();
            if (m_client->state() == QAbstractSocket::UnconnectedState)
                deleteLater();
        }

        FaultProxy &m_proxy;
        Mode m_mode;
        qint64 m_cutAfterBytes;
        QTcpSocket *m_client;
        QTcpSocket *m_upstream = nullptr;
        QByteArray m_pending; // client bytes before the hub connection is up
        RequestCounter m_counter;
        qint64 m_relayedBack = 0;
        bool m_finished = false;
    };

    void acceptPending()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            ++m_connections;
            new Link(*this, client, &m_links);
        }
    }

    QTcpServer m_server;
    QObject m_links; // parent of the open connections
    int m_port = 0;
    int m_targetPort = 0;
    std::function<void(const QByteArray &head)> m_onRequestHead;
    Mode m_mode = Mode::Pass;
    qint64 m_cutAfterBytes = 20;
    int m_connections = 0;
    int m_requestsRelayed = 0;
};

} // namespace synctest
