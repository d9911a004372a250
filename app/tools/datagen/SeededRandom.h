#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <array>
#include <random>
#include <span>
#include <string_view>

namespace gymgate {

// A canonical lower-case UUID in a fixed buffer: millions are made, so no heap per id.
struct Uuid {
    std::array<char, 36> text {};

    std::string_view view() const { return {text.data(), text.size()}; }
    QString toString() const { return QString::fromLatin1(text.data(), qsizetype(text.size())); }
};

// Every random choice of the generator comes from here, so one seed gives one gym. The
// distributions are written out (not std::uniform_int_distribution) because the standard
// leaves their algorithms to the library: the same seed must give the same data everywhere.
class SeededRandom {
public:
    explicit SeededRandom(quint64 seed) : m_engine(seed) { }

    quint64 next() { return m_engine(); }
    quint64 below(quint64 bound); // uniform in [0, bound), bound > 0
    qint64 between(qint64 low, qint64 high); // uniform in [low, high], low <= high
    double unit(); // uniform in [0, 1)
    bool chance(double probability) { return unit() < probability; }
    double normal(double mean, double deviation); // Box-Muller
    int weighted(std::span<const int> weights); // index chosen by integer weights
    QByteArray bytes(qsizetype count);
    Uuid uuid(); // version 4 layout, bytes from the engine

private:
    std::mt19937_64 m_engine;
};

} // namespace gymgate
