#pragma once

// Shared helpers of the store tests: real SQLite files in a QTemporaryDir, and small domain
// objects with just enough filled in.

#include "core/Member.h"
#include "core/MemberCard.h"
#include "core/Venue.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace gymgate::test {

// The value of a Result that the test expects to succeed; a failure stops the test run loudly.
template<typename T>
T take(Result<T> result)
{
    if (!result)
        qFatal("unexpected error: %s", qUtf8Printable(result.error().toString()));
    return std::move(*result);
}


inline std::unique_ptr<Database> openDatabase(const QString &path, int targetVersion = -1)
{
    Database::Options options;
    options.path = path;
    options.targetVersion = targetVersion;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    if (!db) {
        qWarning("open failed: %s", qUtf8Printable(db.error().toString()));
        return nullptr;
    }
    return std::move(*db);
}

// First column of the first row, or an invalid QVariant.
inline QVariant queryValue(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

inline qint64 rowCount(Database &db, const QString &table)
{
    return queryValue(db, QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The store never sees clear phone numbers; a stand-in for FieldCipher is enough here.
inline Member makeMember(const QString &memberNo, const QString &name, const QString &phone)
{
    Member member;
    member.memberNo = memberNo;
    member.name = name;
    member.phoneCipher = QByteArray("cipher:") + phone.toUtf8();
    member.phoneHash = QCryptographicHash::hash(phone.toUtf8(), QCryptographicHash::Sha256);
    member.phoneMask = phone.left(3) + QStringLiteral("****") + phone.right(4);
    member.gender = Gender::Female;
    member.birthday = QDate(1990, 5, 17);
    member.preferredLanguage = QStringLiteral("en");
    member.status = MemberStatus::Active;
    member.createdAtMs = 1'700'000'000'000;
    return member;
}

inline Venue makeVenue(const QString &name, VenueKind kind = VenueKind::GymFloor)
{
    Venue venue;
    venue.name = name;
    venue.kind = kind;
    venue.status = VenueStatus::Open;
    venue.capacity = 50;
    return venue;
}

inline MemberCard makeCard(
    const QString &memberId, const QString &cardNo, CardKind kind, int visits = 0, qint64 balanceFen = 0)
{
    MemberCard card;
    card.cardNo = cardNo;
    card.memberId = memberId;
    card.name = QStringLiteral("Test card");
    card.kind = kind;
    card.status = CardStatus::Active;
    card.validFromMs = 1'600'000'000'000;
    card.validToMs = 0;
    card.visitsLeft = visits;
    card.balanceFen = balanceFen;
    card.perVisitPriceFen = kind == CardKind::Value ? 2500 : 0;
    card.createdAtMs = 1'700'000'000'000;
    return card;
}

} // namespace gymgate::test
