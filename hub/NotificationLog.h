#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gymgate::hub {

class HubDatabase;

// Who a notification is for. Kept as text in hub_notification.audience.
namespace audience {
inline const QString All = QStringLiteral("all");
inline const QString Staff = QStringLiteral("staff"); // every staff user and every device
inline QString user(qint64 userId)
{
    return QStringLiteral("user:%1").arg(userId);
}
inline QString member(const QString &memberId)
{
    return QStringLiteral("member:") + memberId;
}
inline QString device(const QString &deviceId)
{
    return QStringLiteral("device:") + deviceId;
}
inline QString site(const QString &siteId)
{
    return QStringLiteral("site:") + siteId;
}
} // namespace audience

// Notification kinds of the seeds (000 §4) and of sync.
namespace notification {
inline const QString BookingConfirmed = QStringLiteral("booking.confirmed");
inline const QString BookingRejected = QStringLiteral("booking.rejected");
inline const QString VenueStatusChanged = QStringLiteral("venue.status_changed");
inline const QString FeedbackReplied = QStringLiteral("feedback.replied");
inline const QString WaitlistPromoted = QStringLiteral("waitlist.promoted");
inline const QString CardFlagged = QStringLiteral("card.flagged");
} // namespace notification

struct Notification {
    qint64 seq = 0;
    QString audience;
    QString kind;
    QJsonObject payload;
    qint64 createdAtMs = 0;
};

// Durable notifications: written in the transaction of the change they announce, read by every
// hub instance's WebSocket endpoint (so a client connected to instance B hears of a booking
// made through instance A).
class NotificationLog {
public:
    explicit NotificationLog(HubDatabase &database) : m_database(database) { }

    Status publish(const QString &audience, const QString &kind, const QJsonObject &payload);
    Result<QList<Notification>> since(qint64 seq, int limit) const;
    Result<qint64> latestSeq() const;

private:
    HubDatabase &m_database;
};

} // namespace gymgate::hub
