#include "core/SyncControl.h"

#include <array>
#include <utility>

namespace gymgate {

namespace {

constexpr std::array<std::pair<SyncNoticeKind, const char *>, 3> kNoticeNames {{
    {SyncNoticeKind::CardOverdrawn, "card_overdrawn"},
    {SyncNoticeKind::BookingRejected, "booking_rejected"},
    {SyncNoticeKind::PullConflict, "pull_conflict"},
}};

} // namespace

const char *syncNoticeKindName(SyncNoticeKind kind)
{
    for (const auto &[value, name] : kNoticeNames) {
        if (value == kind)
            return name;
    }
    return "invalid";
}

SyncNoticeKind syncNoticeKindFromName(const QString &name)
{
    for (const auto &[value, text] : kNoticeNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return SyncNoticeKind::Invalid;
}

} // namespace gymgate
