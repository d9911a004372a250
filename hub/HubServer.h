#pragma once

#include <QAbstractHttpServer>
#include <QElapsedTimer>

#include <memory>
#include <vector>

#include "HubAuth.h"
#include "HubModule.h"
#include "HubOptions.h"
#include "HubRouter.h"

class QTimer;

namespace gymgate::hub {

class HubDatabase;
class NotificationSocket;

// The hub's HTTP front: every request goes through the HubRouter (envelope, limits, 404/405)
// and leaves one structured access log line. QHttpServer's own router cannot answer unknown
// routes in the envelope nor share its table with the OpenAPI document, so the server derives
// from QAbstractHttpServer and dispatches itself.
class HubServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    // `database` may be null when the server is only built to print its routes.
    HubServer(const HubOptions &options, HubDatabase *database, QObject *parent = nullptr);

    static QString version();
    const HubRouter &router() const { return m_router; }

    // Sets up TLS when asked for and listens; returns the port (the free one if port 0).
    Result<quint16> start();
    // Stops accepting connections, lets written replies drain (at most `graceMs`), then emits
    // stopped().
    void shutdown(int graceMs = 5000);

signals:
    void stopped();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void registerRoutes();
    Status setupTls();
    void respond(
        const QHttpServerRequest &request, QTcpSocket *socket, const HubResponse &response, const QElapsedTimer &timer);
    bool repliesPending() const;
    void checkDrained();

    HubResponse health() const;

    HubOptions m_options;
    HubDatabase *m_database = nullptr;
    HubAuth m_auth;
    HubRouter m_router;
    std::vector<std::unique_ptr<HubModule>> m_modules;
    NotificationSocket *m_notifications = nullptr; // child: /ws/notifications
    QTimer *m_drainTimer = nullptr;
    QElapsedTimer m_shutdownTimer;
    int m_graceMs = 0;
    bool m_stopping = false;
};

} // namespace gymgate::hub
