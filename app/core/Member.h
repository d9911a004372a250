#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

#include <optional>

namespace gymgate {

enum class MemberStatus {
    Invalid = 0,
    Active,
    Blocked
};
enum class Gender {
    Invalid = 0,
    Unknown,
    Male,
    Female
}; // seed 002: gender SMALLINT

const char *memberStatusName(MemberStatus status); // "active", "blocked"
MemberStatus memberStatusFromName(const QString &name);

// A gym member (seed 002 `member`). The phone number is kept encrypted; only the mask
// (138****8000) is ever shown.
struct Member {
    QString id; // UUID
    QString memberNo;
    QString name;
    QByteArray phoneCipher; // FieldCipher output
    QByteArray phoneHash; // keyed hash for exact lookup and duplicate detection
    QString phoneMask;
    Gender gender = Gender::Unknown;
    QDate birthday;
    QString preferredLanguage; // "zh_CN" or "en"
    MemberStatus status = MemberStatus::Active;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    std::optional<qint64> deletedAtMs;
};

} // namespace gymgate
