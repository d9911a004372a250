#pragma once

#include "core/Error.h"
#include "core/Venue.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <optional>

#include "HubModule.h"
#include "HubRouter.h"

namespace gymgate::hub {

// A venue as the hub stores it: the desk's Venue (rules included) plus what only the hub keeps.
struct HubVenue {
    Venue venue;
    QString description;
    QString siteId;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// Reading venues, site time and times in requests; shared by VenueModule and ReservationModule.
namespace venues {

constexpr qint64 MsPerMinute = 60'000;
constexpr qint64 MsPerHour = 3'600'000;
constexpr qint64 MsPerDay = 86'400'000;

// The venue unless it does not exist or is deleted (std::nullopt then).
Result<std::optional<HubVenue>> find(const QSqlDatabase &db, const QString &venueId);
// NotFound naming `field` when there is no such venue.
Result<HubVenue> require(const QSqlDatabase &db, const QString &venueId, const QString &field);
// The API shape: the sync shape (syncjson::toJson, openingHours as JSON text) with openingHours
// as a list and the hub's fields.
QJsonObject apiJson(const HubVenue &venue);

// The site time zone of the hub (hub_setting 'hub.timezone', default Asia/Shanghai): opening
// hours, calendar days and times without an offset are read in it.
QTimeZone siteZone(const QSqlDatabase &db);
// ISO 8601 with the zone's offset, e.g. 2026-03-05T10:00:00+08:00.
QString isoTime(qint64 utcMs, const QTimeZone &zone);
// A time in a request: UTC milliseconds (a whole JSON number) or an ISO 8601 string; a string
// without an offset is site time. InvalidArgument naming `field` otherwise.
Result<qint64> parseTime(const QJsonValue &value, const QString &field, const QTimeZone &zone);
// A query item: YYYY-MM-DD (the start of that day in site time) or what parseTime() takes.
Result<std::optional<qint64>> queryTime(const HubRequest &request, const QString &name, const QTimeZone &zone);
// True when every minute of [startMs, endMs) lies inside the venue's opening hours.
bool insideOpeningHours(const Venue &venue, qint64 startMs, qint64 endMs, const QTimeZone &zone);

} // namespace venues

// Venues with rules, ratings, status, maintenances and calendar (seed 000 健身场馆管理模块 and
// 管理后台 venue aliases). Reservations, the waiting list and course bookings are in
// ReservationModule.
class VenueModule : public HubModule {
public:
    using HubModule::HubModule;
    void registerRoutes(HubRouter &router) override;

private:
    HubResponse listVenues(const HubRequest &request) const;
    HubResponse getVenue(const HubRequest &request) const;
    HubResponse createVenue(const HubRequest &request);
    HubResponse updateVenue(const HubRequest &request);
    HubResponse deleteVenue(const HubRequest &request);
    HubResponse getRules(const HubRequest &request) const;
    HubResponse updateRules(const HubRequest &request);
    HubResponse setStatus(const HubRequest &request);
    HubResponse listRatings(const HubRequest &request) const;
    HubResponse rate(const HubRequest &request);
    HubResponse listMaintenances(const HubRequest &request) const;
    HubResponse planMaintenance(const HubRequest &request);
    HubResponse calendar(const HubRequest &request) const;

    // Stores `venue` and its change-log record in one transaction (insert when `created`).
    Status saveVenue(const HubVenue &venue, bool created);
    // In one transaction: the venue of the request's path, changed by `change`, stamped and
    // saved; `afterSave` (optional) runs next in the same transaction. Answers the saved venue.
    Result<HubVenue> changeVenue(const HubRequest &request, const std::function<Status(HubVenue &)> &change,
        const std::function<Status(const HubVenue &)> &afterSave = {});
};

} // namespace gymgate::hub
