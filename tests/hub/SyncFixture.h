#pragma once

// Sync fixtures: events and entity data in the desk's outbox shapes, for tst_hubsync and the hub
// bench (bench/HubBench.cpp). The direct connection, tokens and inserts are HubTestSupport.h's.
#include "HubTestSupport.h"

// The bench's direct connection: HubTestSupport's, with a site and its device by fixed ids.
class SyncDb : public hubtest::HubDb {
public:
    bool addSite(const QString &siteId, const QString &number) { return !insertSite(number, siteId).isEmpty(); }
    bool addDevice(const QString &deviceId, const QString &siteId) { return !insertDevice(siteId, deviceId).isEmpty(); }
};

// Events and entity data in the desk's outbox shapes (app/store: memberToJson, cardJson, ...).
namespace fixture {

inline QJsonObject event(const QString &type, const QString &device, qint64 atMs, const QJsonObject &data)
{
    return QJsonObject {{QStringLiteral("id"), hubtest::newId()}, {QStringLiteral("type"), type},
        {QStringLiteral("at"), atMs}, {QStringLiteral("device"), device},
        {QStringLiteral("staff"), QStringLiteral("s1")}, {QStringLiteral("data"), data}};
}

inline QJsonObject batch(const QJsonArray &events)
{
    return QJsonObject {{QStringLiteral("events"), events}};
}

inline QJsonObject member(const QString &id, const QString &memberNo, const QString &name, const QString &phone)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("memberNo"), memberNo},
        {QStringLiteral("name"), name},
        {QStringLiteral("phoneCipher"), QString::fromLatin1(QByteArray("cipher:" + phone.toLatin1()).toBase64())},
        {QStringLiteral("phoneHash"), QString::fromLatin1(QByteArray("hash:" + phone.toLatin1()).toBase64())},
        {QStringLiteral("phoneMask"), QString(phone.left(3) + QStringLiteral("****") + phone.right(4))},
        {QStringLiteral("gender"), 1}, {QStringLiteral("birthday"), QStringLiteral("1990-05-01")},
        {QStringLiteral("preferredLanguage"), QStringLiteral("zh_CN")},
        {QStringLiteral("status"), QStringLiteral("active")}, {QStringLiteral("createdAt"), qint64(1'700'000'000'000)},
        {QStringLiteral("updatedAt"), qint64(1'700'000'000'000)}};
}

inline QJsonObject card(const QString &id, const QString &cardNo, const QString &memberId, const QString &kind,
    int visitsLeft, qint64 balanceFen = 0)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("cardNo"), cardNo},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("productId"), QString()},
        {QStringLiteral("name"), QStringLiteral("10 visits")}, {QStringLiteral("kind"), kind},
        {QStringLiteral("status"), QStringLiteral("active")}, {QStringLiteral("validFrom"), qint64(1'700'000'000'000)},
        {QStringLiteral("validTo"), qint64(1'900'000'000'000)}, {QStringLiteral("visitsLeft"), visitsLeft},
        {QStringLiteral("balanceFen"), balanceFen}, {QStringLiteral("perVisitPriceFen"), 0},
        {QStringLiteral("timeWindows"), QJsonArray()}, {QStringLiteral("zones"), QJsonArray()},
        {QStringLiteral("frozenAt"), QJsonValue()}, {QStringLiteral("createdAt"), qint64(1'700'000'000'000)}};
}

inline QJsonObject product(const QString &id, const QString &name)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("kind"), QStringLiteral("count")}, {QStringLiteral("priceFen"), 50000},
        {QStringLiteral("validDays"), 365}, {QStringLiteral("visits"), 10}, {QStringLiteral("valueFen"), 0},
        {QStringLiteral("perVisitPriceFen"), 0}, {QStringLiteral("timeWindows"), QJsonArray()},
        {QStringLiteral("zones"), QJsonArray()}, {QStringLiteral("active"), true}};
}

inline QJsonObject venue(const QString &id, const QString &kind, int capacity)
{
    return QJsonObject {{QStringLiteral("id"), id},
        {QStringLiteral("name"), QString(QStringLiteral("Venue ") + id.left(4))}, {QStringLiteral("kind"), kind},
        {QStringLiteral("capacity"), capacity}, {QStringLiteral("status"), QStringLiteral("open")},
        {QStringLiteral("openingHours"), QStringLiteral("[]")}, {QStringLiteral("bookingRequired"), true},
        {QStringLiteral("advanceDays"), 7}, {QStringLiteral("maxActiveBookings"), 3},
        {QStringLiteral("cancelHours"), 2}, {QStringLiteral("cancelPenaltyPercent"), 0},
        {QStringLiteral("feePerHourFen"), 0}};
}

inline QJsonObject course(const QString &id, const QString &venueId, int capacity)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Yoga")},
        {QStringLiteral("venueId"), venueId}, {QStringLiteral("durationMinutes"), 60},
        {QStringLiteral("capacity"), capacity}};
}

inline QJsonObject slot(
    const QString &id, const QString &courseId, const QString &venueId, qint64 startMs, int capacity)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("courseId"), courseId},
        {QStringLiteral("venueId"), venueId}, {QStringLiteral("coachName"), QStringLiteral("Li")},
        {QStringLiteral("startMs"), startMs}, {QStringLiteral("endMs"), startMs + 3'600'000},
        {QStringLiteral("capacity"), capacity}, {QStringLiteral("bookedCount"), 0}};
}

inline QJsonObject booking(const QString &id, const QString &bookingNo, const QString &memberId, const QString &venueId,
    const QString &slotId, qint64 startMs, qint64 endMs)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("bookingNo"), bookingNo},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("venueId"), venueId},
        {QStringLiteral("slotId"), slotId}, {QStringLiteral("startMs"), startMs}, {QStringLiteral("endMs"), endMs},
        {QStringLiteral("status"), QStringLiteral("booked")}, {QStringLiteral("recurrenceId"), QString()},
        {QStringLiteral("createdAtMs"), startMs - 86'400'000}};
}

inline QJsonObject entry(const QString &id, const QString &memberId, const QString &cardId, const QString &status,
    int visitsDeducted, qint64 decidedAtMs)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("gateId"), QStringLiteral("gate-1")},
        {QStringLiteral("zoneId"), QStringLiteral("gym")}, {QStringLiteral("direction"), QStringLiteral("in")},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("cardId"), cardId},
        {QStringLiteral("bookingId"), QString()}, {QStringLiteral("credentialId"), QString()},
        {QStringLiteral("credentialKind"), QStringLiteral("GG1")}, {QStringLiteral("weak"), false},
        {QStringLiteral("status"), status}, {QStringLiteral("reason"), QStringLiteral("ok")},
        {QStringLiteral("visitsDeducted"), visitsDeducted}, {QStringLiteral("feeDeductedFen"), 0},
        {QStringLiteral("staffId"), QString()}, {QStringLiteral("note"), QString()},
        {QStringLiteral("decidedAt"), decidedAtMs}};
}

} // namespace fixture
