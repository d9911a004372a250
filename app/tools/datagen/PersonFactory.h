#pragma once

#include "core/Member.h"

#include <QDate>
#include <QString>

#include <unordered_set>

#include "SeededRandom.h"

namespace gymgate {

struct Person {
    QString name;
    QString phone; // 11 digits, unique within one factory
    Gender gender = Gender::Unknown;
    QDate birthday;
};

// Plausible mainland Chinese people: surnames by their real frequency, given names of one or
// two common characters leaning to the person's gender, mobile numbers with real operator
// prefixes, ages 16 to 70 centred on the late twenties.
class PersonFactory {
public:
    explicit PersonFactory(SeededRandom &random) : m_random(random) { }

    Person make(const QDate &today);
    QString surname();
    QString givenName(Gender gender);
    QString uniqueMobile();

private:
    SeededRandom &m_random;
    std::unordered_set<quint64> m_usedPhones;
};

} // namespace gymgate
