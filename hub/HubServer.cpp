#include "HubServer.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "DeviceModule.h"
#include "FeedbackModule.h"
#include "HubDatabase.h"
#include "MemberModule.h"
#include "NotificationSocket.h"
#include "ReservationModule.h"
#include "StatsModule.h"
#include "SyncModule.h"
#include "UserModule.h"
#include "VenueModule.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubServer)
};

// Marks a socket whose (refused WebSocket upgrade) request handleRequest() answered already.
constexpr const char *kAnsweredProperty = "gymgateAnswered";

QString methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(method));
    return key != nullptr ? QString::fromLatin1(key).toUpper() : QStringLiteral("UNKNOWN");
}

Result<QByteArray> readFile(const QString &path, const QString &field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, Text::tr("Cannot read %1: %2").arg(path, file.errorString()), field);
    return file.readAll();
}

} // namespace

HubServer::HubServer(const HubOptions &options, HubDatabase *database, QObject *parent)
    : QAbstractHttpServer(parent), m_options(options), m_database(database), m_auth(database)
{
    m_router.setMaxBodyBytes(options.maxBodyBytes);
    m_router.setAuthenticator([this](const HubRequest &request) { return m_auth.requireAuth(request); });
    const HubContext context {m_database, &m_auth, &m_options};
    m_modules.push_back(std::make_unique<DeviceModule>(context));
    m_modules.push_back(std::make_unique<UserModule>(context));
    m_modules.push_back(std::make_unique<SyncModule>(context));
    m_modules.push_back(std::make_unique<MemberModule>(context));
    m_modules.push_back(std::make_unique<VenueModule>(context));
    m_modules.push_back(std::make_unique<ReservationModule>(context));
    m_modules.push_back(std::make_unique<StatsModule>(context));
    m_modules.push_back(std::make_unique<FeedbackModule>(context));
    m_notifications = new NotificationSocket(*this, m_database, m_auth, this);
    registerRoutes();
}

QString HubServer::version()
{
    return QStringLiteral(GYMGATE_VERSION);
}

// Every endpoint is one add() here; the OpenAPI document and --print-routes follow by themselves.
void HubServer::registerRoutes()
{
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/health"),
        QStringLiteral("Hub version, database dialect and schema version"),
        [this](const HubRequest &) { return health(); });
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/openapi.json"),
        QStringLiteral("This OpenAPI 3.0 document"), [this](const HubRequest &) {
            return HubResponse::ok(m_router.openApi(QStringLiteral("GymGate hub"), version()));
        });
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/login"),
        QStringLiteral("Staff login {username, password}: a JWT and the user"),
        [this](const HubRequest &request) { return m_auth.login(request); });
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/auth/logout"),
        QStringLiteral("Revokes the Bearer token of the request"), role::Anyone,
        [this](const HubRequest &request) { return m_auth.logout(request); });
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/me"),
        QStringLiteral("The user, device or member of the Bearer token"), role::Anyone,
        [this](const HubRequest &request) { return m_auth.me(request); });
    for (const std::unique_ptr<HubModule> &module : m_modules)
        module->registerRoutes(m_router);
    m_notifications->registerRoutes(m_router);
}

HubResponse HubServer::health() const
{
    if (m_database == nullptr)
        return HubResponse::error(503, QStringLiteral("db_unavailable"), Text::tr("The hub has no database."));
    QSqlQuery query(m_database->database());
    if (!query.exec(QStringLiteral("SELECT 1")))
        return HubResponse::error(503, QStringLiteral("db_unavailable"), Text::tr("The hub database does not answer."));
    return HubResponse::ok(
        QJsonObject {{QStringLiteral("version"), version()}, {QStringLiteral("dbDialect"), m_database->dialectName()},
            {QStringLiteral("schemaVersion"), m_database->schemaVersion()},
            {QStringLiteral("tls"), !m_options.tlsCertFile.isEmpty()}});
}

Status HubServer::setupTls()
{
    if (m_options.tlsCertFile.isEmpty())
        return {};
    if (!QSslSocket::supportsSsl())
        return fail(ErrorCode::Crypto, Text::tr("TLS was asked for but this Qt has no working TLS backend."),
            QStringLiteral("tls-cert"));
    const Result<QByteArray> certPem = readFile(m_options.tlsCertFile, QStringLiteral("tls-cert"));
    if (!certPem)
        return std::unexpected(certPem.error());
    const Result<QByteArray> keyPem = readFile(m_options.tlsKeyFile, QStringLiteral("tls-key"));
    if (!keyPem)
        return std::unexpected(keyPem.error());
    const QSslCertificate certificate(*certPem, QSsl::Pem);
    if (certificate.isNull())
        return fail(ErrorCode::Crypto, Text::tr("%1 is not a PEM certificate.").arg(m_options.tlsCertFile),
            QStringLiteral("tls-cert"));
    QSslKey key(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(ErrorCode::Crypto,
            Text::tr("%1 is not an unencrypted PEM RSA or EC private key.").arg(m_options.tlsKeyFile),
            QStringLiteral("tls-key"));
    sslSetup(certificate, key);
    return {};
}

Result<quint16> HubServer::start()
{
    if (Status status = setupTls(); !status)
        return std::unexpected(status.error());
    const quint16 port = listen(QHostAddress(m_options.listenAddress), static_cast<quint16>(m_options.port));
    if (port == 0)
        return fail(ErrorCode::Network,
            Text::tr("Cannot listen on %1 port %2.").arg(m_options.listenAddress).arg(m_options.port),
            QStringLiteral("port"));
    logInfo(QStringLiteral("gymgate-hub %1 listening on %2:%3 (%4)")
                .arg(version(), m_options.listenAddress)
                .arg(port)
                .arg(m_options.tlsCertFile.isEmpty() ? QStringLiteral("http") : QStringLiteral("https")));
    return port;
}

bool HubServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    HubRequest hubRequest;
    hubRequest.method = methodName(request.method());
    hubRequest.path = request.url().path();
    hubRequest.query = request.query();
    hubRequest.headers = request.headers();
    hubRequest.remoteAddress = request.remoteAddress().toString();
    if (NotificationSocket::isUpgrade(hubRequest)) {
        // Qt 6.4 upgrades the connection when this returns true. A refusal is answered here and
        // returns false: the base class then calls missingHandler() and closes the connection.
        const std::optional<HubResponse> refusal = m_notifications->checkUpgrade(hubRequest);
        if (!refusal)
            return true;
        respond(request, socket, *refusal, timer);
        socket->setProperty(kAnsweredProperty, true);
        return false;
    }
    if (m_stopping) {
        respond(request, socket,
            HubResponse::error(503, QStringLiteral("shutting_down"), Text::tr("The hub is shutting down.")), timer);
        return true;
    }
    respond(request, socket, m_router.dispatch(std::move(hubRequest), request.body()), timer);
    return true;
}

void HubServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request itself; this is only the base class's fallback.
    if (socket->property(kAnsweredProperty).toBool()) {
        socket->setProperty(kAnsweredProperty, false); // a refused WebSocket upgrade
        return;
    }
    QElapsedTimer timer;
    timer.start();
    respond(request, socket,
        HubResponse::error(404, QStringLiteral("not_found"), Text::tr("No such endpoint: %1").arg(request.url().path()),
            QStringLiteral("path")),
        timer);
}

void HubServer::respond(
    const QHttpServerRequest &request, QTcpSocket *socket, const HubResponse &response, const QElapsedTimer &timer)
{
    const QByteArray body = response.body();
    makeResponder(request, socket)
        .write(body, QByteArrayLiteral("application/json"),
            static_cast<QHttpServerResponder::StatusCode>(response.httpStatus));
    // One JSON object per request so log tools can parse the access log.
    const QJsonObject line {{QStringLiteral("event"), QStringLiteral("access")},
        {QStringLiteral("method"), methodName(request.method())}, {QStringLiteral("path"), request.url().path()},
        {QStringLiteral("status"), response.httpStatus},
        {QStringLiteral("ms"), double(timer.nsecsElapsed() / 1000) / 1000.0}, {QStringLiteral("bytes"), body.size()},
        {QStringLiteral("requestBytes"), request.body().size()},
        {QStringLiteral("remote"), request.remoteAddress().toString()}};
    logInfo(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
}

void HubServer::shutdown(int graceMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    logInfo(QStringLiteral("gymgate-hub shutting down"));
    m_notifications->closeAll();
    for (QTcpServer *server : servers())
        server->close();
    m_graceMs = graceMs;
    m_shutdownTimer.start();
    m_drainTimer = new QTimer(this);
    m_drainTimer->setInterval(10);
    connect(m_drainTimer, &QTimer::timeout, this, &HubServer::checkDrained);
    m_drainTimer->start();
    checkDrained();
}

bool HubServer::repliesPending() const
{
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>();
    return std::any_of(sockets.begin(), sockets.end(), [](const QTcpSocket *socket) {
        return socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0;
    });
}

void HubServer::checkDrained()
{
    if (m_drainTimer == nullptr || !m_drainTimer->isActive())
        return;
    if (repliesPending() && !m_shutdownTimer.hasExpired(m_graceMs))
        return;
    m_drainTimer->stop();
    emit stopped();
}

} // namespace gymgate::hub
