#pragma once

// What the sync tests share: a real gymgate-hub with an admin, a site and enrollment codes
// (TestHub), and a fresh desk database with its key directory that can enroll through the real
// Enrollment (TestDesk). Everything is real: SQLite files in QTemporaryDirs, the hub process on
// loopback, HTTP. Failures come back as false / an Error with the reason, so a test can
// QVERIFY2(hub.start(), qPrintable(hub.errorText)).
//
// Note: the hub rate-limits enrollment and device tokens (10 attempts a minute per address per
// hub process); a test program that enrolls more often should start another TestHub.

#include "core/Clock.h"
#include "core/FieldCipher.h"
#include "core/Member.h"
#include "core/MemberCard.h"
#include "core/SigningKey.h"
#include "core/SyncJson.h"
#include "hub/HubProcess.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "sync/Enrollment.h"
#include "sync/HubCredentials.h"
#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

#include <memory>

namespace synctest {

inline const QString kAdmin = QStringLiteral("boss");
inline const QString kPassword = QStringLiteral("correct horse 1");

// The data of a hub answer's envelope.
inline QJsonObject dataOf(const HubReply &reply)
{
    return reply.json.value(QStringLiteral("data")).toObject();
}

inline QString describe(const HubReply &reply)
{
    return QStringLiteral("%1 %2 %3").arg(reply.status).arg(QString::fromUtf8(reply.body), reply.error);
}

// The error of a Result as text for QVERIFY2, or "ok": QVERIFY2 builds its message even when the
// check passes, so error() must not be called on a value.
template<typename T>
QByteArray why(const std::expected<T, gymgate::Error> &result)
{
    return result ? QByteArrayLiteral("ok") : result.error().toString().toUtf8();
}

// A file's owner/group/other permission bits (QFile::permissions also reports the current
// user's access in the *User flags, which would hide the difference between 0600 and 0644).
inline QFileDevice::Permissions unixPermissions(const QString &path)
{
    return QFile::permissions(path)
        & ~QFileDevice::Permissions(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

// 0600.
inline QFileDevice::Permissions ownerOnly()
{
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A member as the desk makes it, its phone encrypted and hashed with `cipher`; memberNo and
// phone random (the hub refuses a taken number with `conflict`). The clear phone is `*phone`.
inline gymgate::Member makeMember(
    const gymgate::FieldCipher &cipher, const QString &name = QStringLiteral("Member"), QString *clearPhone = nullptr)
{
    const QString phone
        = QStringLiteral("139%1").arg(QRandomGenerator::global()->bounded(100000000), 8, 10, QLatin1Char('0'));
    gymgate::Member member;
    member.id = newId();
    member.memberNo = QStringLiteral("M201%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(10).toUpper());
    member.name = name;
    member.phoneCipher = cipher.encrypt(phone.toUtf8());
    member.phoneHash = cipher.lookupHash(phone.toUtf8());
    member.phoneMask = gymgate::maskPhone(phone);
    member.gender = gymgate::Gender::Female;
    member.birthday = QDate(1990, 5, 17);
    member.preferredLanguage = QStringLiteral("en");
    member.status = gymgate::MemberStatus::Active;
    member.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    member.updatedAtMs = member.createdAtMs;
    if (clearPhone != nullptr)
        *clearPhone = phone;
    return member;
}

// An outbox event with a new id, from `device` (empty: Outbox::append takes setting device.id).
inline gymgate::OutboxEvent makeEvent(const QString &type, const QJsonObject &data, const QString &device = {})
{
    return gymgate::OutboxEvent {
        newId(), type, QDateTime::currentMSecsSinceEpoch(), device, QStringLiteral("s-admin"), data};
}

inline gymgate::OutboxEvent memberCreated(const gymgate::Member &member, const QString &device = {})
{
    return makeEvent(QStringLiteral("member.created"), gymgate::syncjson::toJson(member), device);
}

// A card sold to a member the hub has never heard of: rejected `not_found`, field data.memberId.
inline gymgate::OutboxEvent cardForUnknownMember(const QString &device = {})
{
    gymgate::MemberCard card;
    card.id = newId();
    card.cardNo = QStringLiteral("C201%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(10).toUpper());
    card.memberId = newId();
    card.name = QStringLiteral("10 visits");
    card.kind = gymgate::CardKind::Count;
    card.status = gymgate::CardStatus::Active;
    card.validFromMs = QDateTime::currentMSecsSinceEpoch();
    card.visitsLeft = 10;
    card.createdAtMs = card.validFromMs;
    return makeEvent(QStringLiteral("card.sold"), gymgate::syncjson::toJson(card), device);
}

// A hub on an SQLite file of its own, the admin logged in, one site made.
class TestHub {
public:
    // Creates the admin, starts the hub, logs in and creates the site `siteNumber`.
    bool start(const QString &siteNumber = QStringLiteral("201"), const QString &siteName = QStringLiteral("North"))
    {
        if (!m_dir.isValid())
            return failed(QStringLiteral("no temporary directory"));
        databasePath = m_dir.filePath(QStringLiteral("hub.db"));
        if (HubProcess::createAdmin(databasePath, kAdmin, kPassword) != 0)
            return failed(QStringLiteral("gymgate-hub --create-admin failed"));
        if (!launch())
            return false;
        const HubReply site = process.call("POST", QStringLiteral("/api/v1/sites"),
            QJsonObject {{QStringLiteral("name"), siteName}, {QStringLiteral("number"), siteNumber},
                {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")}},
            adminToken);
        siteId = dataOf(site).value(QStringLiteral("id")).toString();
        return siteId.isEmpty() ? failed(QStringLiteral("create site: ") + describe(site)) : true;
    }

    // Stops the hub (SIGTERM) and starts it again on the same database: a NEW port (behind a
    // FaultProxy, call proxy.setTargetPort(hub.port()) afterwards).
    bool restart()
    {
        if (!process.stop())
            return failed(QStringLiteral("hub did not stop cleanly: ") + process.stderrText);
        return launch();
    }

    bool stop() { return process.stop(); }

    int port() const { return process.port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(process.port); }

    // A one-time enrollment code for `forSiteId` (this hub's site when empty); empty on failure.
    QString enrollmentCode(const QString &deviceName = QStringLiteral("Desk 1"), const QString &forSiteId = {})
    {
        const HubReply reply = process.call("POST", QStringLiteral("/api/v1/devices/enrollment-codes"),
            QJsonObject {{QStringLiteral("siteId"), forSiteId.isEmpty() ? siteId : forSiteId},
                {QStringLiteral("deviceName"), deviceName}},
            adminToken);
        const QString code = dataOf(reply).value(QStringLiteral("code")).toString();
        if (code.isEmpty())
            failed(QStringLiteral("enrollment code: ") + describe(reply));
        return code;
    }

    // A read-only look at the hub's own database (counting rows the desk pushed), or -1.
    qint64 count(const QString &sql) const
    {
        const QString name = QStringLiteral("synctest-hub-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        qint64 result = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(databasePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(sql) && query.next())
                    result = query.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return result;
    }

    HubProcess process;
    QString databasePath;
    QString adminToken;
    QString siteId;
    QString errorText;

private:
    bool launch()
    {
        if (!process.start({QStringLiteral("--db"), databasePath}))
            return failed(QStringLiteral("hub did not start: ") + process.errorText);
        adminToken = process.login(kAdmin, kPassword);
        return adminToken.isEmpty() ? failed(QStringLiteral("admin login failed")) : true;
    }

    bool failed(const QString &text)
    {
        errorText = text;
        qWarning("%s", qPrintable(text));
        return false;
    }

    QTemporaryDir m_dir;
};

// A desk: a new database file (latest schema), and a key directory holding data.key (this
// desk's own, before enrollment) and signing.key (a fresh Ed25519 key pair), as
// gymgate-datagen leaves them.
class TestDesk {
public:
    bool open()
    {
        if (!m_dir.isValid())
            return failed(QStringLiteral("no temporary directory"));
        databasePath = m_dir.filePath(QStringLiteral("desk.db"));
        keyDirectory = m_dir.filePath(QStringLiteral("keys"));
        credentialsPath = gymgate::defaultHubCredentialsPath(databasePath);
        if (!QDir().mkpath(keyDirectory))
            return failed(QStringLiteral("cannot create the key directory"));
        gymgate::Result<gymgate::FieldCipher> cipher
            = gymgate::FieldCipher::loadOrCreateKeyFile(keyPath(QStringLiteral("data.key")));
        if (!cipher)
            return failed(cipher.error().toString());
        gymgate::Result<gymgate::SigningKey> key = gymgate::SigningKey::generate(QStringLiteral("site100"));
        if (!key)
            return failed(key.error().toString());
        QFile file(keyPath(QStringLiteral("signing.key")));
        if (!file.open(QIODevice::WriteOnly) || file.write(key->secretKey()) != key->secretKey().size())
            return failed(QStringLiteral("cannot write signing.key"));
        file.close();
        gymgate::Database::Options options;
        options.path = databasePath;
        gymgate::Result<std::unique_ptr<gymgate::Database>> opened = gymgate::Database::open(options);
        if (!opened)
            return failed(opened.error().toString());
        db = std::move(*opened);
        return true;
    }

    QString keyPath(const QString &name) const { return QDir(keyDirectory).filePath(name); }

    // The key file's bytes (data.key: the cipher key now in use).
    QByteArray keyBytes(const QString &name) const
    {
        QFile file(keyPath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    gymgate::Enrollment enrollment() { return gymgate::Enrollment(*db, clock, keyDirectory, credentialsPath); }

    // Enrolls through the real Enrollment with a new code of `hub`'s site.
    gymgate::Result<gymgate::HubCredentials> enroll(TestHub &hub, const QString &deviceName = QStringLiteral("Desk 1"))
    {
        const QString code = hub.enrollmentCode(deviceName);
        if (code.isEmpty())
            return gymgate::fail(gymgate::ErrorCode::Internal, hub.errorText, QStringLiteral("code"));
        return enrollment().enroll(gymgate::EnrollmentRequest {hub.url(), code, deviceName, QStringLiteral("s-admin")});
    }

    // First column of the first row of a query on the desk database, or an invalid QVariant.
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(db->connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    gymgate::SystemClock clock;
    std::unique_ptr<gymgate::Database> db;
    QString databasePath;
    QString keyDirectory;
    QString credentialsPath;
    QString errorText;

private:
    bool failed(const QString &text)
    {
        errorText = text;
        qWarning("%s", qPrintable(text));
        return false;
    }

    QTemporaryDir m_dir;
};

// Engine options for a test desk: its files, a poll of ten minutes (so only hints, the outbox
// watch and retries start rounds) and short waits, so faults recover in test time.
inline gymgate::SyncEngineOptions fastEngineOptions(const TestDesk &desk)
{
    gymgate::SyncEngineOptions options;
    options.databasePath = desk.databasePath;
    options.keyDirectory = desk.keyDirectory;
    options.credentialsPath = desk.credentialsPath;
    options.pollIntervalMs = 600000;
    options.outboxWatchMs = 100;
    options.minBackoffMs = 100;
    options.maxBackoffMs = 1000;
    options.requestTimeoutMs = 5000;
    return options;
}

} // namespace synctest
