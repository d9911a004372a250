#pragma once

#include <QLatin1String>
#include <QString>

#include <array>
#include <cstddef>
#include <utility>

namespace gymgate {

// Enum <-> stable name tables, as `constexpr std::array {std::pair {Enum::X, "x"}, ...}`.

// The name of `value`; "" when the table lacks it.
template<typename Enum, std::size_t N>
const char *nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return name;
    }
    return "";
}

// The value named `name`; Enum::Invalid when the table lacks it.
template<typename Enum, std::size_t N>
Enum valueOf(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name)
{
    for (const auto &[candidate, candidateName] : table) {
        if (name == QLatin1String(candidateName))
            return candidate;
    }
    return Enum::Invalid;
}

} // namespace gymgate
