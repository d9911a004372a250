#include "CatalogBuilder.h"

#include "core/WeeklySchedule.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

#include "SqlStatement.h"

namespace gymgate {
namespace {

constexpr std::string_view GymHoursJson = R"([{"days":"1-5","from":"06:00","to":"22:00"},)"
                                          R"({"days":"6-7","from":"08:00","to":"20:00"}])";
constexpr std::string_view PoolHoursJson = R"([{"days":"1-5","from":"06:30","to":"21:30"},)"
                                           R"({"days":"6-7","from":"09:00","to":"20:00"}])";
constexpr std::string_view CourtHoursJson = R"([{"days":"1-7","from":"08:00","to":"22:00"}])";
constexpr std::string_view OffPeakWindowJson = R"([{"days":"1-5","from":"09:00","to":"16:00"}])";

constexpr int GeneralCapacity = 40;
constexpr int SpinCapacity = 30;
constexpr int CourtHallCapacity = CourtsPerHall * 4;
// Bookings a room takes on average over the whole timetable, relative to its seats: evening
// classes fill up, mornings and the far future stay half empty.
constexpr double EffectiveFill = 0.5;

// Local start minute of each class of a studio's day.
constexpr std::array GeneralWeekday
    = {7 * 60, 8 * 60 + 15, 9 * 60 + 30, 12 * 60 + 15, 17 * 60 + 30, 18 * 60 + 45, 20 * 60};
constexpr std::array GeneralWeekend = {9 * 60, 10 * 60 + 15, 11 * 60 + 30, 14 * 60, 15 * 60 + 15, 16 * 60 + 30};
constexpr std::array SpinWeekday = {7 * 60, 12 * 60 + 15, 18 * 60, 19 * 60 + 15, 20 * 60 + 30};
constexpr std::array SpinWeekend = {9 * 60 + 30, 11 * 60, 15 * 60, 16 * 60 + 30};

WeekHours hoursFrom(std::string_view json)
{
    WeekHours hours {};
    const auto schedule = WeeklySchedule::fromJson(QByteArray(json.data(), qsizetype(json.size())));
    if (!schedule)
        return hours;
    for (const TimeWindow &window : schedule->windows()) {
        for (int day = 0; day < 7; ++day) {
            if (window.daysMask & (1u << day))
                hours[size_t(day)] = {window.fromMinute, window.toMinute};
        }
    }
    return hours;
}

QString letterName(const QString &stem, int index)
{
    if (index < 26)
        return stem + QChar(u'A' + index);
    return stem + QString::number(index + 1);
}

QString numberedName(const QString &stem, int index)
{
    return index == 0 ? stem : stem + QString::number(index + 1);
}

// How popular a class is, by when it is: after-work and weekend mornings fill first.
double timeOfDayPopularity(int weekday, int minute)
{
    if (weekday >= 6)
        return minute < 12 * 60 ? 0.85 : 0.65;
    if (minute >= 17 * 60)
        return 1.0;
    if (minute >= 12 * 60)
        return 0.6;
    return minute < 8 * 60 ? 0.55 : 0.4;
}

// Future classes are still filling up.
double futureFactor(qint64 startMs, qint64 nowMs)
{
    const double daysAhead = double(startMs - nowMs) / double(DayMs);
    if (daysAhead < 0)
        return 1.0;
    if (daysAhead < 1)
        return 0.95;
    if (daysAhead < 3)
        return 0.75;
    return daysAhead < 7 ? 0.5 : 0.3;
}

constexpr std::array CoachNames
    = {"张伟", "李娜", "王芳", "陈静", "刘洋", "赵敏", "孙杰", "周婷", "吴磊", "徐丽", "马超", "林悦", "Emma", "Kevin"};

} // namespace

void CatalogBuilder::build()
{
    addVenues();
    addProducts();
    addCourses();
    addCourseSlots();
    addCourtHours();
    addMaintenance();
}

int CatalogBuilder::roomsFor(double seatsNeeded, double seatsPerRoom) const
{
    return std::max(1, int(std::ceil(seatsNeeded / seatsPerRoom)));
}

VenueInfo &CatalogBuilder::addVenue(VenueRole role, const QString &name, VenueKind kind, int capacity)
{
    VenueInfo venue;
    venue.id = m_random.uuid();
    venue.gateId = m_random.uuid();
    venue.role = role;
    venue.name = name;
    venue.kind = kind;
    venue.capacity = capacity;
    const std::string_view json = kind == VenueKind::Pool ? PoolHoursJson
        : kind == VenueKind::Court                        ? CourtHoursJson
                                                          : GymHoursJson;
    venue.hoursJson = QByteArray(json.data(), qsizetype(json.size()));
    venue.hours = hoursFrom(json);
    venue.gateName = name + QStringLiteral("门禁");
    m_model.venues.push_back(std::move(venue));
    return m_model.venues.back();
}

void CatalogBuilder::addVenues()
{
    const double bookings = double(m_options.targetBookings());
    const double keptShare = 1.0 - CancelledShare;
    const double days = PastDays + FutureCourseDays;
    const double generalSlots = days * (5.0 * GeneralWeekday.size() + 2.0 * GeneralWeekend.size()) / 7.0;
    const double spinSlots = days * (5.0 * SpinWeekday.size() + 2.0 * SpinWeekend.size()) / 7.0;
    const double courtHours = (PastDays + FutureCourtDays) * 14.0 * CourtsPerHall;
    const int generalRooms
        = roomsFor(bookings * CourseShare * GeneralShare * keptShare, generalSlots * GeneralCapacity * EffectiveFill);
    const int spinRooms
        = roomsFor(bookings * CourseShare * (1 - GeneralShare) * keptShare, spinSlots * SpinCapacity * EffectiveFill);
    const int courtHalls = roomsFor(bookings * (1 - CourseShare) * keptShare, courtHours * EffectiveFill);

    // A gym with more members has a bigger floor; about one member in forty is in at peak.
    const int floorCapacity = std::max(300, (m_options.members / 40 + 49) / 50 * 50);
    VenueInfo &floor = addVenue(VenueRole::GymFloor, QStringLiteral("健身区"), VenueKind::GymFloor, floorCapacity);
    floor.gateName = QStringLiteral("正门闸机");
    floor.gateDirection = "both";
    floor.antiPassback = AntiPassbackMode::Hard;
    floor.antiPassbackMinutes = 5;

    for (int i = 0; i < generalRooms; ++i) {
        VenueInfo &studio = addVenue(
            VenueRole::GeneralStudio, letterName(QStringLiteral("操课室"), i), VenueKind::Studio, GeneralCapacity);
        studio.bookingRequired = true;
        studio.advanceDays = FutureCourseDays;
    }
    for (int i = 0; i < spinRooms; ++i) {
        VenueInfo &studio = addVenue(
            VenueRole::SpinStudio, numberedName(QStringLiteral("动感单车房"), i), VenueKind::Studio, SpinCapacity);
        studio.bookingRequired = true;
        studio.advanceDays = FutureCourseDays;
    }
    for (int i = 0; i < courtHalls; ++i) {
        VenueInfo &court = addVenue(
            VenueRole::Court, numberedName(QStringLiteral("羽毛球场"), i), VenueKind::Court, CourtHallCapacity);
        court.gateName = court.name + QStringLiteral("闸机");
        court.bookingRequired = true;
        court.advanceDays = FutureCourtDays;
        court.cancelHours = 4;
        court.cancelPenaltyPercent = 20;
        court.feePerHourFen = 6000;
    }
    const int poolCapacity = std::max(80, (m_options.members / 400 + 9) / 10 * 10);
    VenueInfo &pool = addVenue(VenueRole::Pool, QStringLiteral("游泳池"), VenueKind::Pool, poolCapacity);
    pool.gateName = QStringLiteral("游泳池闸机");
    pool.gateDirection = "both";
    pool.antiPassback = AntiPassbackMode::Soft;
    pool.antiPassbackMinutes = 30;
    pool.dailyEntryLimit = 2;

    VenueInfo &yoga = addVenue(VenueRole::Renovating, QStringLiteral("瑜伽室"), VenueKind::Studio, 25);
    yoga.status = VenueStatus::Maintenance;
    yoga.bookingRequired = true;
    VenueInfo &squash = addVenue(VenueRole::Squash, QStringLiteral("壁球馆"), VenueKind::Court, 8);
    squash.gateName = QStringLiteral("壁球馆闸机");
    squash.bookingRequired = true;
    squash.feePerHourFen = 8000;
}

void CatalogBuilder::addProducts()
{
    const auto add = [&](ProductRole role, const char *name, CardKind kind, qint64 priceFen, int validDays,
                         int weight) -> ProductInfo & {
        ProductInfo product;
        product.id = m_random.uuid();
        product.role = role;
        product.name = QString::fromUtf8(name);
        product.kind = kind;
        product.priceFen = priceFen;
        product.validDays = validDays;
        product.weight = weight;
        m_model.products.push_back(std::move(product));
        return m_model.products.back();
    };
    add(ProductRole::Monthly, "月卡", CardKind::Time, 29900, 30, 24);
    add(ProductRole::Quarterly, "季卡", CardKind::Time, 79900, 90, 10);
    add(ProductRole::Yearly, "年卡", CardKind::Time, 199900, 365, 16);
    add(ProductRole::OffPeak, "非高峰月卡", CardKind::Time, 19900, 30, 7).windowsJson
        = QByteArray(OffPeakWindowJson.data(), qsizetype(OffPeakWindowJson.size()));
    add(ProductRole::Count10, "10次卡", CardKind::Count, 50000, 180, 12).visits = 10;
    add(ProductRole::Count30, "30次卡", CardKind::Count, 120000, 365, 8).visits = 30;
    ProductInfo &value = add(ProductRole::Value, "储值卡 1000元", CardKind::Value, 100000, 0, 15);
    value.valueFen = 100000;
    value.perVisitPriceFen = 3000;
    ProductInfo &swim = add(ProductRole::Swim, "游泳20次卡", CardKind::Count, 80000, 365, 8);
    swim.visits = 20;
    swim.poolVenue = m_model.venueIndex(VenueRole::Pool);
    const QString poolId = m_model.venues[size_t(swim.poolVenue)].id.toString();
    swim.zonesJson = QJsonDocument(QJsonArray {poolId}).toJson(QJsonDocument::Compact);
}

void CatalogBuilder::addCourses()
{
    struct CourseKind {
        const char *name;
        int minutes;
    };
    constexpr std::array GeneralCourses = {CourseKind {"瑜伽", 60}, CourseKind {"普拉提", 60},
        CourseKind {"搏击操", 60}, CourseKind {"尊巴", 60}, CourseKind {"HIIT", 45}};
    for (size_t v = 0; v < m_model.venues.size(); ++v) {
        const VenueInfo &venue = m_model.venues[v];
        if (venue.role != VenueRole::GeneralStudio && venue.role != VenueRole::SpinStudio)
            continue;
        const auto addCourse = [&](const char *name, int minutes) {
            m_model.courses.push_back({m_random.uuid(), QString::fromUtf8(name), int(v), minutes, venue.capacity});
        };
        if (venue.role == VenueRole::SpinStudio) {
            addCourse("动感单车", 45);
            continue;
        }
        for (const CourseKind &kind : GeneralCourses)
            addCourse(kind.name, kind.minutes);
    }
}

void CatalogBuilder::addSlot(int course, qint64 startMs)
{
    const CourseInfo &info = m_model.courses[size_t(course)];
    SlotInfo slot;
    slot.id = m_random.uuid();
    slot.venue = info.venue;
    slot.course = course;
    slot.startMs = startMs;
    slot.endMs = startMs + info.durationMinutes * MinuteMs;
    slot.capacity = info.capacity;
    slot.coach = int(m_random.below(CoachNames.size()));
    const double base = timeOfDayPopularity(m_time.weekday(startMs), m_time.minuteOfDay(startMs));
    const double jitter = 0.85 + 0.3 * m_random.unit();
    slot.popularity = std::clamp(base * jitter * futureFactor(startMs, m_time.nowMs()), 0.05, 1.0);
    m_model.courseSlots.push_back(slot);
}

void CatalogBuilder::addCourseSlots()
{
    // Courses of each studio are contiguous in m_model.courses (see addCourses).
    const qint64 demoStart = demoSlotStart(m_time);
    const int demoStudio = m_model.venueIndex(VenueRole::GeneralStudio);
    int firstCourse = 0;
    while (firstCourse < int(m_model.courses.size())) {
        const int venue = m_model.courses[size_t(firstCourse)].venue;
        int courseCount = 0;
        while (firstCourse + courseCount < int(m_model.courses.size())
            && m_model.courses[size_t(firstCourse + courseCount)].venue == venue)
            ++courseCount;
        const bool spin = m_model.venues[size_t(venue)].role == VenueRole::SpinStudio;
        for (int day = -PastDays; day < FutureCourseDays; ++day) {
            const qint64 dayStart = m_time.todayStart() + day * DayMs;
            const bool weekend = m_time.weekday(dayStart) >= 6;
            const std::span<const int> starts = spin
                ? (weekend ? std::span<const int>(SpinWeekend) : SpinWeekday)
                : (weekend ? std::span<const int>(GeneralWeekend) : GeneralWeekday);
            for (size_t i = 0; i < starts.size(); ++i) {
                const int course
                    = firstCourse + int((size_t(day + PastDays) + i + size_t(venue)) % size_t(courseCount));
                const qint64 start = dayStart + starts[i] * MinuteMs;
                const qint64 end = start + m_model.courses[size_t(course)].durationMinutes * MinuteMs;
                // The demo class takes its own place in the first studio's timetable.
                if (venue == demoStudio && start < demoStart + HourMs && end > demoStart)
                    continue;
                addSlot(course, start);
            }
        }
        if (venue == demoStudio)
            addSlot(firstCourse, demoStart);
        firstCourse += courseCount;
    }
}

void CatalogBuilder::addCourtHours()
{
    for (size_t v = 0; v < m_model.venues.size(); ++v) {
        const VenueInfo &venue = m_model.venues[v];
        if (venue.role != VenueRole::Court)
            continue;
        for (int day = -PastDays; day < FutureCourtDays; ++day) {
            const qint64 dayStart = m_time.todayStart() + day * DayMs;
            const int weekday = m_time.weekday(dayStart);
            const DayHours &hours = venue.hours[size_t(weekday - 1)];
            for (int minute = hours.openMinute; minute + 60 <= hours.closeMinute; minute += 60) {
                SlotInfo hour;
                hour.venue = int(v);
                hour.startMs = dayStart + minute * MinuteMs;
                hour.endMs = hour.startMs + HourMs;
                hour.capacity = CourtsPerHall;
                const double base = weekday >= 6 ? 0.8 : minute >= 18 * 60 ? 1.0 : minute >= 12 * 60 ? 0.45 : 0.3;
                hour.popularity = std::clamp(
                    base * (0.85 + 0.3 * m_random.unit()) * futureFactor(hour.startMs, m_time.nowMs()), 0.05, 1.0);
                m_model.courtHours.push_back(hour);
            }
        }
    }
}

void CatalogBuilder::addMaintenance()
{
    const qint64 now = m_time.nowMs();
    VenueInfo &squash = m_model.venues[size_t(m_model.venueIndex(VenueRole::Squash))];
    squash.maintenanceStarts = {m_time.todayStart() - 2 * DayMs};
    squash.maintenanceEnds = {m_time.todayStart() + 5 * DayMs};
    VenueInfo &pool = m_model.venues[size_t(m_model.venueIndex(VenueRole::Pool))];
    pool.maintenanceStarts = {m_time.todayStart() - 20 * DayMs + 22 * HourMs};
    pool.maintenanceEnds = {m_time.todayStart() - 19 * DayMs + 6 * HourMs};
    VenueInfo &floor = m_model.venues[size_t(m_model.venueIndex(VenueRole::GymFloor))];
    floor.maintenanceStarts = {m_time.dayStart(now + 9 * DayMs) + 22 * HourMs};
    floor.maintenanceEnds = {m_time.dayStart(now + 9 * DayMs) + 24 * HourMs};
    for (VenueInfo *venue : {&squash, &pool, &floor})
        venue->maintenanceIds = {m_random.uuid()};
}

} // namespace gymgate

namespace gymgate {
namespace {

const char *maintenanceReason(VenueRole role)
{
    switch (role) {
    case VenueRole::Squash:
        return "地面翻新";
    case VenueRole::Pool:
        return "水质检测与换水";
    default:
        return "设备年度检修";
    }
}

} // namespace

Status CatalogBuilder::write(sqlite3 *db, qint64 createdAtMs) const
{
    for (const auto step : {&CatalogBuilder::writeSettings, &CatalogBuilder::writeVenues,
             &CatalogBuilder::writeProducts, &CatalogBuilder::writeCourses}) {
        if (Status status = (this->*step)(db, createdAtMs); !status)
            return status;
    }
    return {};
}

Status CatalogBuilder::writeSettings(sqlite3 *db, qint64 createdAtMs) const
{
    auto insert = SqlStatement::prepare(db, "INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    const std::array<std::pair<const char *, QString>, 5> settings = {{
        {"site.timezone", QString::fromLatin1(datagenTimeZoneId())}, {"site.number", m_model.siteNumber},
        {"site.name", m_model.siteName}, {"device.id", m_model.deviceId.toString()},
        {"access.legacy_codes", QStringLiteral("1")}, // the demo scans member numbers too
    }};
    for (const auto &[key, value] : settings) {
        insert->bind(1, key);
        insert->bind(2, value);
        insert->bind(3, createdAtMs);
        if (Status status = insert->execute(); !status)
            return status;
    }
    return {};
}

// Every demo gate is a register turnstile on the one local controller (gymgate-gatesim in the
// demo), told apart by slave id; a technician replaces the profile with the real wiring.
QString CatalogBuilder::gateProfileJson(int slaveId) const
{
    return QStringLiteral("{\"kind\":\"turnstile-registers\",\"transport\":{\"type\":\"modbus-tcp\",\"host\":"
                          "\"127.0.0.1\",\"port\":%1},\"slaveId\":%2,\"pollPeriodMs\":30,\"timeoutMs\":300,"
                          "\"passTimeoutMs\":8000}")
        .arg(m_options.gatePort)
        .arg(slaveId);
}

Status CatalogBuilder::writeVenues(sqlite3 *db, qint64 createdAtMs) const
{
    auto venue = SqlStatement::prepare(db,
        "INSERT INTO venue (id, name, kind, capacity, status, opening_hours, booking_required, antipassback_mode, "
        "antipassback_minutes, daily_entry_limit, advance_days, max_active_bookings, cancel_hours, "
        "cancel_penalty_percent, fee_per_hour_fen, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)");
    auto gate = SqlStatement::prepare(db,
        "INSERT INTO gate (id, name, zone_id, direction, profile, fail_mode, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, 'secure', ?, ?)");
    auto plan = SqlStatement::prepare(
        db, "INSERT INTO maintenance (id, venue_id, start_at, end_at, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto *statement : {&venue, &gate, &plan}) {
        if (!*statement)
            return std::unexpected(statement->error());
    }
    int slaveId = 0;
    for (const VenueInfo &info : m_model.venues) {
        venue->bind(1, info.id.view());
        venue->bind(2, info.name);
        venue->bind(3, venueKindName(info.kind));
        venue->bind(4, info.capacity);
        venue->bind(5, venueStatusName(info.status));
        venue->bind(6, std::string_view(info.hoursJson.constData(), size_t(info.hoursJson.size())));
        venue->bind(7, info.bookingRequired ? 1 : 0);
        venue->bind(8, antiPassbackModeName(info.antiPassback));
        venue->bind(9, info.antiPassbackMinutes);
        venue->bind(10, info.dailyEntryLimit);
        venue->bind(11, info.advanceDays);
        venue->bind(12, info.cancelHours);
        venue->bind(13, info.cancelPenaltyPercent);
        venue->bind(14, info.feePerHourFen);
        venue->bind(15, createdAtMs);
        venue->bind(16, createdAtMs);
        if (Status status = venue->execute(); !status)
            return status;
        gate->bind(1, info.gateId.view());
        gate->bind(2, info.gateName);
        gate->bind(3, info.id.view());
        gate->bind(4, info.gateDirection);
        gate->bind(5, gateProfileJson(++slaveId));
        gate->bind(6, createdAtMs);
        gate->bind(7, createdAtMs);
        if (Status status = gate->execute(); !status)
            return status;
        for (size_t i = 0; i < info.maintenanceStarts.size(); ++i) {
            plan->bind(1, info.maintenanceIds[i].view());
            plan->bind(2, info.id.view());
            plan->bind(3, info.maintenanceStarts[i]);
            plan->bind(4, info.maintenanceEnds[i]);
            plan->bind(5, maintenanceReason(info.role));
            plan->bind(6, std::min(info.maintenanceStarts[i], m_time.nowMs()) - 7 * DayMs);
            if (Status status = plan->execute(); !status)
                return status;
        }
    }
    return {};
}

Status CatalogBuilder::writeProducts(sqlite3 *db, qint64 createdAtMs) const
{
    auto insert = SqlStatement::prepare(db,
        "INSERT INTO card_product (id, name, kind, price_fen, valid_days, visits, value_fen, per_visit_price_fen, "
        "time_windows, zones, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    for (const ProductInfo &product : m_model.products) {
        insert->bind(1, product.id.view());
        insert->bind(2, product.name);
        insert->bind(3, cardKindName(product.kind));
        insert->bind(4, product.priceFen);
        insert->bind(5, product.validDays);
        insert->bind(6, product.visits);
        insert->bind(7, product.valueFen);
        insert->bind(8, product.perVisitPriceFen);
        insert->bind(9, std::string_view(product.windowsJson.constData(), size_t(product.windowsJson.size())));
        insert->bind(10, std::string_view(product.zonesJson.constData(), size_t(product.zonesJson.size())));
        insert->bind(11, createdAtMs);
        insert->bind(12, createdAtMs);
        if (Status status = insert->execute(); !status)
            return status;
    }
    return {};
}

Status CatalogBuilder::writeCourses(sqlite3 *db, qint64 createdAtMs) const
{
    auto insert = SqlStatement::prepare(db,
        "INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return std::unexpected(insert.error());
    for (const CourseInfo &course : m_model.courses) {
        insert->bind(1, course.id.view());
        insert->bind(2, course.name);
        insert->bind(3, m_model.venues[size_t(course.venue)].id.view());
        insert->bind(4, course.durationMinutes);
        insert->bind(5, course.capacity);
        insert->bind(6, createdAtMs);
        insert->bind(7, createdAtMs);
        if (Status status = insert->execute(); !status)
            return status;
    }
    return {};
}

const char *coachName(int coach)
{
    return CoachNames[size_t(coach) % CoachNames.size()];
}

} // namespace gymgate
