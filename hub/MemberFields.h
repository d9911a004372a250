#pragma once

#include "core/Error.h"

#include <QStringList>

namespace gymgate::hub {

struct HubRequest;

namespace members {

struct HubMember;

// Field-by-field checks of the member bodies (register, PUT): each error names its field.
inline constexpr int kMemberNameMaxLength = 64;
inline constexpr int kFitnessGoalMaxLength = 64;
inline constexpr int kMinHeightCm = 50;
inline constexpr int kMaxHeightCm = 250;
inline constexpr qint64 kMinWeightG = 20'000;
inline constexpr qint64 kMaxWeightG = 300'000;

// `phone` of the body: a mainland China mobile number, spaces and dashes removed.
Result<QString> requirePhone(const HubRequest &request);

// Writes the profile fields present in the body (name, gender, birthday, height, weight,
// fitnessGoal, preferredLanguage) into `row` and returns the entity fields written, for the
// member's field stamps.
Result<QStringList> applyProfileFields(const HubRequest &request, HubMember &row);

} // namespace members
} // namespace gymgate::hub
