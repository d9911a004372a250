#pragma once

#include "core/Error.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace gymgate::hub {

class HubDatabase;

// One event a device pushed (DESIGN §9): its own id, what happened, when (UTC ms at the site),
// who, and the entity in the desk's outbox shape.
struct SyncEvent {
    QString id;
    QString type;
    qint64 atMs = 0;
    QString device;
    QString staff;
    QJsonObject data;
};

enum class EventStatus {
    Invalid = 0,
    Ok,
    Duplicate,
    Rejected,
};

QString eventStatusName(EventStatus status); // "ok" / "duplicate" / "rejected"

// What applying one event came to. A rejection with `keepChanges` is one the hub records (a
// booking stored as `rejected` so the site learns it); any other rejection changes nothing.
struct EventOutcome {
    EventStatus status = EventStatus::Invalid;
    QString reason; // stable code: unknown_type, field_invalid, not_found, conflict, booking_conflict, ...
    QString field; // the offending field, e.g. "data.visitsLeft"
    QString message; // translated, names the field
    bool keepChanges = false;
};

// Rejection reasons (EventOutcome::reason).
namespace rejection {
inline const QString UnknownType = QStringLiteral("unknown_type");
inline const QString FieldInvalid = QStringLiteral("field_invalid");
inline const QString NotFound = QStringLiteral("not_found");
inline const QString Conflict = QStringLiteral("conflict");
inline const QString BookingConflict = QStringLiteral("booking_conflict");
inline const QString ForeignDevice = QStringLiteral("foreign_device");
} // namespace rejection

// hub_flag kinds.
namespace flag {
inline const QString CardOverdrawn = QStringLiteral("card_overdrawn");
inline const QString BookingRejected = QStringLiteral("booking_rejected");
} // namespace flag

// Applies the events of the desk's outbox to the hub's tables, inside the caller's transaction:
// validates the data (errors name the field), upserts or soft-deletes the row with the
// pushing device's site, records the ChangeLog entry other sites pull and publishes the
// notifications of DESIGN §9's conflict rules.
//
// apply() answers an outcome for an event it took (ok, or a rejection that keeps its changes),
// an InvalidArgument / NotFound / Conflict error for an event it refuses (the caller rolls back
// and reports it rejected), and any other error for a storage failure.
class EventApplier {
public:
    EventApplier(HubDatabase &database, QString siteId, QString deviceId);

    Result<EventOutcome> apply(const SyncEvent &event);

    static const QStringList &knownTypes();
    static QString reasonFor(const Error &error); // rejection reason of a refusing error

private:
    using Handler = Result<EventOutcome> (EventApplier::*)(const SyncEvent &);
    static const QHash<QString, Handler> &handlers();

    // members, cards, products, sales, credentials (EventApplier.cpp)
    Result<EventOutcome> applyMember(const SyncEvent &event);
    Result<EventOutcome> applyCard(const SyncEvent &event);
    Result<EventOutcome> applyProduct(const SyncEvent &event);
    Result<EventOutcome> applySale(const SyncEvent &event);
    Result<EventOutcome> applyCredential(const SyncEvent &event);
    Result<EventOutcome> acceptStaff(const SyncEvent &event);
    // entries (EventApplierEntries.cpp)
    Result<EventOutcome> applyEntry(const SyncEvent &event);
    Status deductEntry(const QString &entryId, const QString &cardId, qint64 visits, qint64 feeFen, qint64 atMs);
    Status markAttended(const QString &bookingId, qint64 atMs);
    // venues, courses, slots, bookings, waiting list (EventApplierBookings.cpp)
    Result<EventOutcome> applyVenue(const SyncEvent &event);
    Result<EventOutcome> deleteVenue(const SyncEvent &event);
    Result<EventOutcome> applyMaintenance(const SyncEvent &event);
    Result<EventOutcome> removeMaintenance(const SyncEvent &event);
    Result<EventOutcome> applyCourse(const SyncEvent &event);
    Result<EventOutcome> deleteCourse(const SyncEvent &event);
    Result<EventOutcome> applySlot(const SyncEvent &event);
    Result<EventOutcome> deleteSlot(const SyncEvent &event);
    Result<EventOutcome> createBooking(const SyncEvent &event);
    Result<EventOutcome> cancelBooking(const SyncEvent &event);
    Result<EventOutcome> applyWaitlist(const SyncEvent &event);
    Result<EventOutcome> leaveWaitlist(const SyncEvent &event);
    Result<bool> bookingFits(const QString &venueId, const QString &slotId, qint64 startMs, qint64 endMs);
    Status refreshSlotCount(const QString &slotId, qint64 atMs);

    Status publish(const QString &entity, const QString &id);
    // Runs the write of an entity's row and publishes the row as it is now.
    Result<EventOutcome> writeAndPublish(
        const QString &entity, const QString &id, const QString &statement, const QVariantList &binds);
    Result<EventOutcome> softDelete(
        const SyncEvent &event, const QString &table, const QString &entityName, bool hasUpdatedAt);
    Status raiseFlag(const QString &kind, const QString &entity, const QString &entityId, const QJsonObject &detail,
        QString *flagIdOut = nullptr);
    Status requireRow(const QString &table, const QString &id, const QString &field);
    Status run(const QString &statement, const QVariantList &binds);
    Result<int> affected(const QString &statement, const QVariantList &binds);
    Result<bool> taken(const QString &table, const QString &column, const QString &value, const QString &exceptId);

    HubDatabase &m_database;
    QString m_siteId;
    QString m_deviceId;
};

} // namespace gymgate::hub
