#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QWebSocketProtocol>

#include <optional>

#include "HubPrincipal.h"
#include "HubResponse.h"
#include "NotificationLog.h"

class QAbstractHttpServer;
class QTimer;
class QWebSocket;

namespace gymgate::hub {

class HubAuth;
class HubDatabase;
class HubRouter;
struct HubRequest;

// The WebSocket endpoint /ws/notifications (DESIGN §9 "Realtime"): tells desks and staff that
// the change log grew, and carries the hub_notification rows meant for each client. Another
// hub instance on the same PostgreSQL may write either table, so one timer per instance polls
// both (two indexed queries every kPollIntervalMs while clients are connected) and fans out;
// a change made through any instance reaches the clients of every instance.
class NotificationSocket : public QObject {
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 200; // also the coalescing window of "changes"
    static constexpr int kKeepAliveMs = 30000; // an idle client gets a ping after this
    static constexpr int kPongTimeoutMs = 10000; // and is dropped when it does not answer within
    static constexpr int kKeepAliveCheckMs = 1000;
    static constexpr int kResumeLimit = 500; // newest notifications a resume returns
    static constexpr qint64 kGapGraceMs = 2000; // how long a seq gap may be an open transaction
    static constexpr qint64 kMaxMessageBytes = 16 * 1024;

    // `database` may be null when the server is only built to print its routes.
    NotificationSocket(QAbstractHttpServer &server, HubDatabase *database, HubAuth &auth, QObject *parent = nullptr);
    ~NotificationSocket() override;

    static QString path();
    // True for a request Qt hands over as an upgrade: "Connection: Upgrade" and "Upgrade: websocket".
    static bool isUpgrade(const HubRequest &request);
    // The audiences whose notifications `principal` receives (see docs/hub/NOTIFICATIONS.md).
    static QStringList audiencesOf(const HubPrincipal &principal);

    // A plain GET on the path (no upgrade) answers 426, so the endpoint is in the OpenAPI document.
    void registerRoutes(HubRouter &router);
    // Whether to accept an upgrade request: std::nullopt to accept, else the refusal to send
    // (404 another path, 401 bad token, 503 shutting down).
    std::optional<HubResponse> checkUpgrade(const HubRequest &request);
    // Closes every client with "going away" and refuses new ones (HubServer::shutdown).
    void closeAll();
    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client {
        QWebSocket *socket = nullptr; // child of this object
        HubPrincipal principal;
        QStringList audiences;
        QByteArray authorization; // "Bearer <token>", re-checked every kKeepAliveMs
        QElapsedTimer lastSeen; // any frame or pong from the client
        QElapsedTimer lastAuthCheck;
        bool pingOutstanding = false;
        QElapsedTimer pingSent;
    };

    static QByteArray authorizationOf(const HubRequest &request);
    AuthResult<HubPrincipal> authenticate(const QByteArray &authorization);
    void acceptPending();
    static HubRequest handshakeOf(const QWebSocket &socket);
    void accept(QWebSocket *socket);
    void refuse(QWebSocket *socket, QWebSocketProtocol::CloseCode code, const QString &reason);
    void watch(QWebSocket *socket);
    void removeClient(QWebSocket *socket);
    Client *clientOf(QWebSocket *socket);
    void onTextMessage(QWebSocket *socket, const QString &message);
    void resume(Client &client, const QJsonObject &message);
    void poll();
    void pollChanges();
    void pollNotifications();
    void keepAlive();
    bool initCursors();
    void send(QWebSocket *socket, const QJsonObject &message);
    void sendError(QWebSocket *socket, const QString &code, const QString &message);
    static QJsonObject notificationMessage(const Notification &notification);
    void logEvent(const QString &event, const Client &client, int closeCode = -1);

    QAbstractHttpServer &m_server;
    HubDatabase *m_database = nullptr;
    HubAuth &m_auth;
    QList<Client> m_clients;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_keepAliveTimer = nullptr;
    qint64 m_changeSeq = 0; // newest change_log seq announced
    qint64 m_notificationSeq = 0; // newest hub_notification seq fanned out
    QElapsedTimer m_gapSeen; // valid while the next notification seq is missing
    bool m_cursorsValid = false;
    bool m_pollFailing = false;
    bool m_closing = false;
};

} // namespace gymgate::hub
