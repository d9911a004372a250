#include "GymModel.h"

#include <algorithm>

namespace gymgate {

int SiteTime::weekday(qint64 utcMs) const
{
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const qint64 days = floorDiv(utcMs + m_offsetMs, DayMs);
    return int(((days + 3) % 7 + 7) % 7) + 1;
}

bool VenueInfo::isOpenAt(qint64 utcMs, const SiteTime &time) const
{
    const DayHours &day = hours[size_t(time.weekday(utcMs) - 1)];
    const int minute = time.minuteOfDay(utcMs);
    return minute >= day.openMinute && minute < day.closeMinute;
}

bool VenueInfo::underMaintenanceAt(qint64 utcMs) const
{
    for (size_t i = 0; i < maintenanceStarts.size(); ++i) {
        if (utcMs >= maintenanceStarts[i] && utcMs < maintenanceEnds[i])
            return true;
    }
    return false;
}

int GymModel::venueIndex(VenueRole role) const
{
    const auto it = std::find_if(venues.cbegin(), venues.cend(), [&](const VenueInfo &v) { return v.role == role; });
    return it == venues.cend() ? -1 : int(it - venues.cbegin());
}

int GymModel::productIndex(ProductRole role) const
{
    const auto it
        = std::find_if(products.cbegin(), products.cend(), [&](const ProductInfo &p) { return p.role == role; });
    return it == products.cend() ? -1 : int(it - products.cbegin());
}

HumanNumber GymModel::humanNumber(char prefix, qint64 index, int digits) const
{
    HumanNumber number;
    number.text[0] = prefix;
    for (int i = 0; i < 3; ++i)
        number.text[size_t(1 + i)] = char(siteNumber.at(i).unicode());
    qint64 sequence = index + 1;
    for (int i = digits; i > 0; --i) {
        number.text[size_t(3 + i)] = char('0' + sequence % 10);
        sequence /= 10;
    }
    number.size = size_t(4 + digits);
    return number;
}

} // namespace gymgate
