#include "SeededRandom.h"

#include <cmath>
#include <numbers>

namespace gymgate {

quint64 SeededRandom::below(quint64 bound)
{
    // Rejection keeps the result unbiased for bounds that do not divide 2^64.
    const quint64 limit = ~quint64(0) - (~quint64(0) % bound);
    quint64 value = 0;
    do {
        value = next();
    } while (value >= limit);
    return value % bound;
}

qint64 SeededRandom::between(qint64 low, qint64 high)
{
    return low + qint64(below(quint64(high - low) + 1));
}

double SeededRandom::unit()
{
    return double(next() >> 11) * 0x1.0p-53;
}

double SeededRandom::normal(double mean, double deviation)
{
    const double u1 = 1.0 - unit(); // (0, 1]: log stays finite
    const double u2 = unit();
    return mean + deviation * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

int SeededRandom::weighted(std::span<const int> weights)
{
    int total = 0;
    for (const int weight : weights)
        total += weight;
    int ticket = int(below(quint64(total)));
    for (size_t i = 0; i < weights.size(); ++i) {
        if (ticket < weights[i])
            return int(i);
        ticket -= weights[i];
    }
    return int(weights.size()) - 1;
}

QByteArray SeededRandom::bytes(qsizetype count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (qsizetype i = 0; i < count; i += 8) {
        const quint64 word = next();
        for (qsizetype j = 0; j < 8 && i + j < count; ++j)
            out[i + j] = char((word >> (8 * j)) & 0xff);
    }
    return out;
}

Uuid SeededRandom::uuid()
{
    std::array<quint8, 16> raw {};
    const quint64 high = next();
    const quint64 low = next();
    for (int i = 0; i < 8; ++i) {
        raw[size_t(i)] = quint8(high >> (56 - 8 * i));
        raw[size_t(8 + i)] = quint8(low >> (56 - 8 * i));
    }
    raw[6] = quint8((raw[6] & 0x0f) | 0x40); // version 4
    raw[8] = quint8((raw[8] & 0x3f) | 0x80); // RFC 4122 variant
    static constexpr char Hex[] = "0123456789abcdef";
    Uuid uuid;
    size_t out = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            uuid.text[out++] = '-';
        uuid.text[out++] = Hex[raw[i] >> 4];
        uuid.text[out++] = Hex[raw[i] & 0x0f];
    }
    return uuid;
}

} // namespace gymgate
