#include "PersonFactory.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace gymgate {
namespace {

struct WeightedSurname {
    const char *text;
    int weight; // per ten thousand people (2020 census order of magnitude)
};

// About a hundred surnames covering nine in ten people, with their frequencies.
constexpr std::array Surnames = std::to_array<WeightedSurname>({
    {"王", 725},
    {"李", 719},
    {"张", 683},
    {"刘", 538},
    {"陈", 453},
    {"杨", 308},
    {"黄", 223},
    {"赵", 213},
    {"吴", 205},
    {"周", 195},
    {"徐", 158},
    {"孙", 153},
    {"马", 136},
    {"朱", 128},
    {"胡", 127},
    {"郭", 114},
    {"何", 114},
    {"高", 109},
    {"林", 107},
    {"罗", 95},
    {"郑", 92},
    {"梁", 91},
    {"谢", 75},
    {"宋", 71},
    {"唐", 70},
    {"许", 66},
    {"韩", 64},
    {"冯", 63},
    {"邓", 62},
    {"曹", 61},
    {"彭", 58},
    {"曾", 57},
    {"肖", 55},
    {"田", 54},
    {"董", 52},
    {"袁", 51},
    {"潘", 50},
    {"于", 49},
    {"蒋", 48},
    {"蔡", 47},
    {"余", 46},
    {"杜", 45},
    {"叶", 44},
    {"程", 43},
    {"苏", 42},
    {"魏", 41},
    {"吕", 40},
    {"丁", 39},
    {"任", 38},
    {"沈", 37},
    {"姚", 36},
    {"卢", 35},
    {"姜", 34},
    {"崔", 33},
    {"钟", 32},
    {"谭", 31},
    {"陆", 30},
    {"汪", 29},
    {"范", 28},
    {"金", 27},
    {"石", 26},
    {"廖", 25},
    {"贾", 25},
    {"夏", 24},
    {"韦", 24},
    {"付", 23},
    {"方", 23},
    {"白", 22},
    {"邹", 22},
    {"孟", 21},
    {"熊", 21},
    {"秦", 20},
    {"邱", 20},
    {"江", 19},
    {"尹", 19},
    {"薛", 18},
    {"闫", 18},
    {"段", 17},
    {"雷", 17},
    {"侯", 16},
    {"龙", 16},
    {"史", 15},
    {"陶", 15},
    {"黎", 14},
    {"贺", 14},
    {"顾", 13},
    {"毛", 13},
    {"郝", 12},
    {"龚", 12},
    {"邵", 12},
    {"万", 11},
    {"钱", 11},
    {"严", 11},
    {"覃", 10},
    {"武", 10},
    {"戴", 10},
    {"莫", 10},
    {"孔", 9},
    {"向", 9},
    {"汤", 9},
    {"欧阳", 3},
    {"上官", 1},
    {"司马", 1},
    {"诸葛", 1},
});

// Common given-name characters, about two hundred, grouped by the gender they lean to.
constexpr std::string_view MaleCharacters = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林海峰建国"
                                            "志文博晨轩睿哲翔天成宏毅泽昊阳瑞航铭坤锋亮政诚彬骏豪鸿振东胜立新奇"
                                            "恒远岩松柏涵楠逸";
constexpr std::string_view FemaleCharacters = "芳娜敏静丽艳娟霞秀玲燕红婷雪琳晶颖倩慧莹佳欣怡悦琪雯萱妍梦蕾露薇洁"
                                              "璐菲彤瑶可馨月岚春梅兰凤英珊婉依诗琴荣秋丹蓉茜璇媛嫣婧娅琼翠菁"
                                              "楚冰";
constexpr std::string_view NeutralCharacters = "晓子一思雨嘉安心乐清永小亦若";

// Mobile prefixes the operators have really issued (China Mobile, Unicom, Telecom, virtual).
constexpr std::array MobilePrefixes = {130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 146, 147, 148, 149, 150,
    151, 152, 153, 155, 156, 157, 158, 159, 166, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180, 181, 182, 183, 184,
    185, 186, 187, 188, 189, 191, 198, 199};

QList<QString> splitCharacters(std::string_view utf8)
{
    QList<QString> out;
    const QString text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00) // CJK only: the lists are plain Han characters
            out.append(QString(c));
    }
    return out;
}

const QList<QString> &characters(Gender gender)
{
    static const QList<QString> male = splitCharacters(MaleCharacters);
    static const QList<QString> female = splitCharacters(FemaleCharacters);
    static const QList<QString> neutral = splitCharacters(NeutralCharacters);
    switch (gender) {
    case Gender::Male:
        return male;
    case Gender::Female:
        return female;
    default:
        return neutral;
    }
}

} // namespace

Person PersonFactory::make(const QDate &today)
{
    Person person;
    const int genderRoll = int(m_random.below(100));
    person.gender = genderRoll < 54 ? Gender::Male : genderRoll < 98 ? Gender::Female : Gender::Unknown;
    person.name = surname() + givenName(person.gender);
    person.phone = uniqueMobile();
    const double age = std::clamp(m_random.normal(30.0, 9.0), 16.0, 70.0);
    const int ageDays = int(age * 365.25);
    person.birthday = today.addDays(-ageDays - qint64(m_random.below(365)));
    if (person.birthday.addYears(16) > today)
        person.birthday = today.addYears(-16).addDays(-1);
    if (person.birthday.addYears(71) <= today)
        person.birthday = today.addYears(-70).addDays(1);
    return person;
}

QString PersonFactory::surname()
{
    static const std::array<int, Surnames.size()> weights = [] {
        std::array<int, Surnames.size()> out {};
        for (size_t i = 0; i < Surnames.size(); ++i)
            out[i] = Surnames[i].weight;
        return out;
    }();
    return QString::fromUtf8(Surnames[size_t(m_random.weighted(weights))].text);
}

QString PersonFactory::givenName(Gender gender)
{
    // A fifth of the characters come from the neutral list; 30% of given names are a single
    // character, as in real registers.
    const auto pick = [&] {
        const QList<QString> &pool = m_random.chance(0.2) ? characters(Gender::Unknown) : characters(gender);
        return pool[qsizetype(m_random.below(quint64(pool.size())))];
    };
    QString name = pick();
    if (!m_random.chance(0.3)) {
        QString second = pick();
        while (second == name)
            second = pick();
        name += second;
    }
    return name;
}

QString PersonFactory::uniqueMobile()
{
    for (;;) {
        const int prefix = MobilePrefixes[m_random.below(MobilePrefixes.size())];
        const quint64 number = quint64(prefix) * 100'000'000ULL + m_random.below(100'000'000ULL);
        if (m_usedPhones.insert(number).second)
            return QString::number(number);
    }
}

} // namespace gymgate
