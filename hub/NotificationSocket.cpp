#include "NotificationSocket.h"

#include "core/Logging.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSqlQuery>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

#include "ChangeLog.h"
#include "HubAuth.h"
#include "HubDatabase.h"
#include "HubRouter.h"
#include "HubSql.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(NotificationSocket)
};

QString typeOf(const QJsonObject &message)
{
    return message.value(QStringLiteral("type")).toString();
}

bool hasToken(const QByteArray &list, const QByteArray &token)
{
    const QList<QByteArray> items = list.split(',');
    return std::any_of(items.begin(), items.end(),
        [&token](const QByteArray &item) { return item.trimmed().compare(token, Qt::CaseInsensitive) == 0; });
}

} // namespace

NotificationSocket::NotificationSocket(
    QAbstractHttpServer &server, HubDatabase *database, HubAuth &auth, QObject *parent)
    : QObject(parent), m_server(server), m_database(database), m_auth(auth)
{
    m_pollTimer = new QTimer(this);
    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &NotificationSocket::poll);
    m_keepAliveTimer = new QTimer(this);
    m_keepAliveTimer->setInterval(kKeepAliveCheckMs);
    connect(m_keepAliveTimer, &QTimer::timeout, this, &NotificationSocket::keepAlive);
    // Connecting this signal is what makes Qt 6.4 hand accepted upgrades to its WebSocket server.
    connect(&m_server, &QAbstractHttpServer::newWebSocketConnection, this, &NotificationSocket::acceptPending);
}

NotificationSocket::~NotificationSocket() = default;

QString NotificationSocket::path()
{
    return QStringLiteral("/ws/notifications");
}

bool NotificationSocket::isUpgrade(const HubRequest &request)
{
    return request.header(QByteArrayLiteral("Upgrade")).compare("websocket", Qt::CaseInsensitive) == 0
        && hasToken(request.header(QByteArrayLiteral("Connection")), QByteArrayLiteral("upgrade"));
}

QStringList NotificationSocket::audiencesOf(const HubPrincipal &principal)
{
    QStringList audiences {audience::All};
    switch (principal.kind) {
    case PrincipalKind::User:
        audiences << audience::Staff << audience::user(principal.userId);
        break;
    case PrincipalKind::Device:
        audiences << audience::Staff << audience::device(principal.deviceId);
        break;
    case PrincipalKind::Member:
        audiences << audience::member(principal.memberId);
        break;
    case PrincipalKind::Invalid:
        return {};
    }
    // Members belong to a site too, but site notifications are for the people working there.
    if (principal.kind != PrincipalKind::Member && !principal.siteId.isEmpty())
        audiences << audience::site(principal.siteId);
    return audiences;
}

void NotificationSocket::registerRoutes(HubRouter &router)
{
    router.add(QStringLiteral("GET"), path(),
        QStringLiteral("WebSocket of change and notification messages (upgrade only; token in Authorization or "
                       "?token=)"),
        role::Anyone, [](const HubRequest &) {
            return HubResponse::error(426, QStringLiteral("upgrade_required"),
                Text::tr("%1 is a WebSocket endpoint: send a WebSocket upgrade request.").arg(path()),
                QStringLiteral("method"));
        });
}

// Browsers cannot set headers on a WebSocket, so the token may come as ?token= instead.
QByteArray NotificationSocket::authorizationOf(const HubRequest &request)
{
    const QByteArray header = request.header(QByteArrayLiteral("Authorization"));
    if (!header.isEmpty())
        return header;
    const QString token = request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    return token.isEmpty() ? QByteArray() : "Bearer " + token.toUtf8();
}

AuthResult<HubPrincipal> NotificationSocket::authenticate(const QByteArray &authorization)
{
    if (m_database == nullptr)
        return std::unexpected(
            HubResponse::error(503, QStringLiteral("db_unavailable"), Text::tr("The hub has no database.")));
    HubRequest request;
    request.method = QStringLiteral("GET");
    request.path = path();
    if (!authorization.isEmpty())
        request.headers.append({QByteArrayLiteral("Authorization"), authorization});
    return m_auth.requireAuth(request);
}

std::optional<HubResponse> NotificationSocket::checkUpgrade(const HubRequest &request)
{
    if (m_closing)
        return HubResponse::error(503, QStringLiteral("shutting_down"), Text::tr("The hub is shutting down."));
    if (request.path != path())
        return HubResponse::error(404, QStringLiteral("not_found"),
            Text::tr("No such WebSocket endpoint: %1").arg(request.path), QStringLiteral("path"));
    const AuthResult<HubPrincipal> principal = authenticate(authorizationOf(request));
    if (!principal)
        return principal.error();
    return std::nullopt;
}

void NotificationSocket::acceptPending()
{
    while (m_server.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_server.nextPendingWebSocketConnection();
        if (socket)
            accept(socket.release());
    }
}

// Qt hands the socket over without the request it came with; the handshake the socket kept
// has the same headers and URL.
HubRequest NotificationSocket::handshakeOf(const QWebSocket &socket)
{
    HubRequest request;
    request.method = QStringLiteral("GET");
    request.path = socket.requestUrl().path();
    request.query = QUrlQuery(socket.requestUrl());
    const QNetworkRequest handshake = socket.request();
    for (const QByteArray &name : handshake.rawHeaderList())
        request.headers.append({name, handshake.rawHeader(name)});
    return request;
}

void NotificationSocket::refuse(QWebSocket *socket, QWebSocketProtocol::CloseCode code, const QString &reason)
{
    socket->close(code, reason);
    socket->deleteLater();
}

void NotificationSocket::accept(QWebSocket *socket)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    if (m_closing)
        return refuse(socket, QWebSocketProtocol::CloseCodeGoingAway, Text::tr("The hub is shutting down."));
    Client client;
    client.socket = socket;
    client.authorization = authorizationOf(handshakeOf(*socket));
    // checkUpgrade() accepted the token a moment ago; should it have been revoked since, the
    // upgrade already happened, so the refusal is a close frame: 1008 policy violation.
    const AuthResult<HubPrincipal> principal = authenticate(client.authorization);
    if (!principal)
        return refuse(socket, QWebSocketProtocol::CloseCodePolicyViolated, principal.error().message);
    client.principal = *principal;
    client.audiences = audiencesOf(client.principal);
    client.lastSeen.start();
    client.lastAuthCheck.start();
    if (m_clients.isEmpty() && !initCursors())
        return refuse(socket, QWebSocketProtocol::CloseCodeBadOperation, Text::tr("The hub database does not answer."));
    watch(socket);
    m_clients.append(client);
    logEvent(QStringLiteral("ws_open"), client);
    send(socket,
        QJsonObject {{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("changeSeq"), m_changeSeq},
            {QStringLiteral("notificationSeq"), m_notificationSeq}});
    if (!m_pollTimer->isActive()) {
        m_pollTimer->start();
        m_keepAliveTimer->start();
    }
}

void NotificationSocket::watch(QWebSocket *socket)
{
    connect(socket, &QWebSocket::textMessageReceived, this,
        [this, socket](const QString &message) { onTextMessage(socket, message); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray &) {
        sendError(socket, QStringLiteral("invalid_message"), Text::tr("Messages are JSON text frames."));
    });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray &) {
        if (Client *found = clientOf(socket)) {
            found->lastSeen.start();
            found->pingOutstanding = false;
        }
    });
    // Queued: a socket may disconnect while poll() walks the client list.
    connect(
        socket, &QWebSocket::disconnected, this, [this, socket] { removeClient(socket); }, Qt::QueuedConnection);
}

// The first client starts the instance's cursors at "now": clients get what happens while they
// are connected, and ask for older notifications with "resume".
bool NotificationSocket::initCursors()
{
    const Result<qint64> changeSeq = ChangeLog(*m_database).latestSeq();
    const Result<qint64> notificationSeq = NotificationLog(*m_database).latestSeq();
    if (!changeSeq || !notificationSeq) {
        logWarning(QStringLiteral("notifications: cannot read the cursors: %1")
                       .arg(!changeSeq ? changeSeq.error().message : notificationSeq.error().message));
        return false;
    }
    m_changeSeq = *changeSeq;
    m_notificationSeq = *notificationSeq;
    m_gapSeen.invalidate();
    m_cursorsValid = true;
    return true;
}

NotificationSocket::Client *NotificationSocket::clientOf(QWebSocket *socket)
{
    const auto found = std::find_if(
        m_clients.begin(), m_clients.end(), [socket](const Client &client) { return client.socket == socket; });
    return found == m_clients.end() ? nullptr : &*found;
}

void NotificationSocket::removeClient(QWebSocket *socket)
{
    const auto found = std::find_if(
        m_clients.begin(), m_clients.end(), [socket](const Client &client) { return client.socket == socket; });
    if (found == m_clients.end())
        return;
    logEvent(QStringLiteral("ws_close"), *found, int(socket->closeCode()));
    m_clients.erase(found);
    socket->deleteLater();
    if (m_clients.isEmpty()) {
        m_pollTimer->stop();
        m_keepAliveTimer->stop();
        m_cursorsValid = false;
    }
}

void NotificationSocket::onTextMessage(QWebSocket *socket, const QString &text)
{
    Client *client = clientOf(socket);
    if (client == nullptr)
        return;
    client->lastSeen.start();
    client->pingOutstanding = false;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!document.isObject()) {
        sendError(socket, QStringLiteral("invalid_message"), Text::tr("A message must be a JSON object."));
        return;
    }
    const QJsonObject message = document.object();
    if (typeOf(message) == QLatin1String("resume"))
        resume(*client, message);
    else if (typeOf(message) == QLatin1String("ping"))
        send(socket, QJsonObject {{QStringLiteral("type"), QStringLiteral("pong")}});
    else
        sendError(socket, QStringLiteral("invalid_message"),
            Text::tr("Unknown message type \"%1\"; expected \"resume\" or \"ping\".").arg(typeOf(message)));
}

// The notifications for this client after `notificationSeq` up to what the live stream has
// reached, so the two neither overlap nor leave a hole; the newest kResumeLimit of them.
void NotificationSocket::resume(Client &client, const QJsonObject &message)
{
    const QJsonValue after = message.value(QStringLiteral("notificationSeq"));
    if (!after.isDouble() || after.toDouble() != double(after.toInteger()) || after.toInteger() < 0) {
        sendError(client.socket, QStringLiteral("field_invalid"),
            Text::tr("notificationSeq must be a whole number of 0 or more."));
        return;
    }
    QString placeholders;
    QVariantList binds {after.toInteger(), m_notificationSeq};
    for (const QString &audience : std::as_const(client.audiences)) {
        placeholders += placeholders.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        binds.append(audience);
    }
    binds.append(qint64(kResumeLimit) + 1);
    Result<QSqlQuery> query = sql::exec(m_database->database(),
        QStringLiteral("SELECT seq, audience, kind, payload, created_at FROM hub_notification "
                       "WHERE seq > ? AND seq <= ? AND audience IN (%1) ORDER BY seq DESC LIMIT ?")
            .arg(placeholders),
        binds);
    if (!query) {
        logWarning(QStringLiteral("notifications: resume failed: %1").arg(query.error().message));
        sendError(client.socket, QStringLiteral("internal"), Text::tr("The notifications cannot be read now."));
        return;
    }
    QList<Notification> newestFirst;
    while (query->next()) {
        newestFirst.append(
            Notification {query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object(), query->value(4).toLongLong()});
    }
    const bool truncated = newestFirst.size() > kResumeLimit;
    if (truncated)
        newestFirst.removeLast();
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        send(client.socket, notificationMessage(*it));
    send(client.socket,
        QJsonObject {{QStringLiteral("type"), QStringLiteral("resumed")},
            {QStringLiteral("notificationSeq"), m_notificationSeq}, {QStringLiteral("count"), newestFirst.size()},
            {QStringLiteral("truncated"), truncated}});
}

void NotificationSocket::poll()
{
    if (m_clients.isEmpty() || m_database == nullptr)
        return;
    if (!m_cursorsValid && !initCursors())
        return;
    pollChanges();
    pollNotifications();
}

void NotificationSocket::pollChanges()
{
    const Result<qint64> latest = ChangeLog(*m_database).latestSeq();
    if (!latest) {
        if (!m_pollFailing)
            logWarning(QStringLiteral("notifications: cannot poll change_log: %1").arg(latest.error().message));
        m_pollFailing = true;
        return;
    }
    m_pollFailing = false;
    if (*latest <= m_changeSeq)
        return;
    m_changeSeq = *latest;
    // One message per poll however many changes: clients pull the changes themselves.
    const QJsonObject message {
        {QStringLiteral("type"), QStringLiteral("changes")}, {QStringLiteral("latestSeq"), *latest}};
    for (const Client &client : std::as_const(m_clients)) {
        if (client.principal.kind == PrincipalKind::User || client.principal.kind == PrincipalKind::Device)
            send(client.socket, message);
    }
}

// On PostgreSQL a seq is drawn at INSERT and becomes visible at COMMIT, so seq 7 may show up
// before seq 6. A gap therefore holds the cursor back for up to kGapGraceMs (a rolled-back
// insert leaves a gap that never fills); SQLite commits one writer at a time and has no gaps.
void NotificationSocket::pollNotifications()
{
    const Result<QList<Notification>> rows = NotificationLog(*m_database).since(m_notificationSeq, kResumeLimit);
    if (!rows) {
        if (!m_pollFailing)
            logWarning(QStringLiteral("notifications: cannot poll hub_notification: %1").arg(rows.error().message));
        m_pollFailing = true;
        return;
    }
    for (const Notification &notification : *rows) {
        if (notification.seq != m_notificationSeq + 1) {
            if (!m_gapSeen.isValid())
                m_gapSeen.start();
            if (!m_gapSeen.hasExpired(kGapGraceMs))
                return;
        }
        m_gapSeen.invalidate();
        m_notificationSeq = notification.seq;
        const QJsonObject message = notificationMessage(notification);
        for (const Client &client : std::as_const(m_clients)) {
            if (client.audiences.contains(notification.audience))
                send(client.socket, message);
        }
    }
}

void NotificationSocket::keepAlive()
{
    QList<QWebSocket *> dropped;
    for (Client &client : m_clients) {
        if (client.lastAuthCheck.hasExpired(kKeepAliveMs)) {
            // A token revoked by logout, or a user disabled, loses the stream within kKeepAliveMs.
            client.lastAuthCheck.start();
            const AuthResult<HubPrincipal> principal = authenticate(client.authorization);
            if (!principal && principal.error().httpStatus == 401) {
                client.socket->close(QWebSocketProtocol::CloseCodePolicyViolated, principal.error().message);
                continue;
            }
        }
        if (client.pingOutstanding && client.pingSent.hasExpired(kPongTimeoutMs)) {
            dropped.append(client.socket);
        } else if (!client.pingOutstanding && client.lastSeen.hasExpired(kKeepAliveMs)) {
            client.pingOutstanding = true;
            client.pingSent.start();
            client.socket->ping();
        }
    }
    for (QWebSocket *socket : std::as_const(dropped)) {
        logWarning(QStringLiteral("notifications: dropping a client that did not answer a ping"));
        socket->abort();
        removeClient(socket);
    }
}

void NotificationSocket::closeAll()
{
    m_closing = true;
    m_pollTimer->stop();
    m_keepAliveTimer->stop();
    for (const Client &client : std::as_const(m_clients)) {
        client.socket->close(QWebSocketProtocol::CloseCodeGoingAway, Text::tr("The hub is shutting down."));
        client.socket->flush();
    }
}

void NotificationSocket::send(QWebSocket *socket, const QJsonObject &message)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void NotificationSocket::sendError(QWebSocket *socket, const QString &code, const QString &message)
{
    send(socket,
        QJsonObject {{QStringLiteral("type"), QStringLiteral("error")}, {QStringLiteral("code"), code},
            {QStringLiteral("message"), message}});
}

QJsonObject NotificationSocket::notificationMessage(const Notification &notification)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("notification")},
        {QStringLiteral("seq"), notification.seq}, {QStringLiteral("kind"), notification.kind},
        {QStringLiteral("audience"), notification.audience}, {QStringLiteral("payload"), notification.payload},
        {QStringLiteral("createdAt"), notification.createdAtMs}};
}

void NotificationSocket::logEvent(const QString &event, const Client &client, int closeCode)
{
    QJsonObject line {{QStringLiteral("event"), event}, {QStringLiteral("actor"), client.principal.actor()},
        {QStringLiteral("remote"), client.socket->peerAddress().toString()},
        {QStringLiteral("clients"), int(m_clients.size())}};
    if (closeCode >= 0)
        line.insert(QStringLiteral("closeCode"), closeCode);
    logInfo(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
}

} // namespace gymgate::hub
