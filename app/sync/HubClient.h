#pragma once

#include "core/Error.h"
#include "store/Outbox.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace gymgate {

// One page of GET /api/v1/sync/changes (docs/hub/SYNC.md), not yet parsed per change.
struct HubChangesPage {
    QJsonArray changes;
    qint64 next = 0;
    bool hasMore = false;
};

// The hub's verdict on one pushed event.
struct HubPushResult {
    QString eventId;
    QString status; // "ok", "duplicate" or "rejected"
    QString reason; // rejected: stable code (field_invalid, not_found, conflict, ...)
    QString field;
    QString message; // rejected: the hub's translated text
};

struct HubEnrollmentRequest {
    QString code;
    QString deviceName;
    QString kind = QStringLiteral("desk"); // desk | kiosk | controller
    QString signingPublicKey; // base64 Ed25519 public key of this desk
    QString signingKid;
};

struct HubEnrollmentReply {
    QString deviceId;
    QString deviceName; // as the hub registered it (the code's name when none was sent)
    QString deviceSecret;
    QString token;
    qint64 tokenExpiresAtMs = 0;
    QJsonObject site; // {id, name, number, timezone, ...}
    QByteArray fieldKey; // the chain's member-data key (32 bytes)
    QJsonArray trustedKeys; // [{kid, publicKey, owner, createdAt, revokedAt}]
};

// A blocking client of the hub's REST API for the sync thread: each call runs a local event
// loop until the answer or the time-out. Never use it on the GUI thread.
//
// Errors: Network for anything worth retrying (no connection, time-out, 5xx, 429, a body cut
// off or not the hub's envelope); PermissionDenied with field "token" for 401 (get a new
// token); InvalidArgument / NotFound / Conflict with the hub's message and field for the
// other 4xx answers.
class HubClient {
public:
    HubClient(const QString &hubUrl, int timeoutMs = 15000);
    ~HubClient();
    HubClient(const HubClient &) = delete;
    HubClient &operator=(const HubClient &) = delete;

    const QString &hubUrl() const { return m_hubUrl; }
    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }

    Result<QString> health(); // GET /api/health -> hub version
    Result<HubEnrollmentReply> enroll(const HubEnrollmentRequest &request);
    // POST /api/v1/devices/token; sets token() on success.
    Status refreshToken(const QString &deviceId, const QString &deviceSecret);
    Result<HubChangesPage> changes(qint64 since, int limit);
    // Pulling ahead: asks for a page now and reads it later, so the hub reads and sends the next
    // page while this desk writes the current one (a first sync overlaps the two).
    using PendingReply = std::unique_ptr<QNetworkReply>;
    PendingReply requestChanges(qint64 since, int limit);
    Result<HubChangesPage> changes(PendingReply reply);
    // One result per event in the same order, ids matching, or Network (malformed answer).
    Result<QList<HubPushResult>> pushEvents(const QList<OutboxEvent> &events);
    QUrl notificationsUrl() const; // ws(s)://host:port/ws/notifications

    static bool isTransient(const Error &error); // worth retrying later as it is

private:
    Result<QJsonValue> call(
        const QByteArray &method, const QString &path, const QString &query, const QJsonObject *body, bool authorized);
    PendingReply send(
        const QByteArray &method, const QString &path, const QString &query, const QJsonObject *body, bool authorized);
    Result<QJsonValue> await(QNetworkReply &reply);

    QString m_hubUrl;
    int m_timeoutMs;
    QString m_token;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace gymgate
