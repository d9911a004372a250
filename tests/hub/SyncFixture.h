#pragma once

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QUrl>
#include <QUuid>
#include <QVariant>

// Direct access to a hub's database for sync tests: fixtures other modules' endpoints would
// make (sites, devices), device tokens signed with the hub's own JWT key (the enrollment
// endpoint is another engineer's), and dumps of tables to prove a push changed nothing.
class SyncDb {
public:
    SyncDb() = default;
    SyncDb(const SyncDb &) = delete;
    SyncDb &operator=(const SyncDb &) = delete;
    ~SyncDb()
    {
        if (m_name.isEmpty())
            return;
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }

    // `spec` as given to gymgate-hub --db: an SQLite path or postgresql://user@host:port/name.
    bool open(const QString &spec)
    {
        static int counter = 0;
        m_name = QStringLiteral("syncdb-%1").arg(++counter);
        const bool pg = spec.startsWith(QLatin1String("postgresql://"));
        QSqlDatabase db = QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (pg) {
            const QUrl url(spec);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db.setDatabaseName(spec);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        if (!db.open()) {
            errorText = db.lastError().text();
            return false;
        }
        return true;
    }

    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }

    bool exec(const QString &statement, const QVariantList &binds = {})
    {
        QSqlQuery query(db());
        query.prepare(statement);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec()) {
            errorText = query.lastError().text() + QStringLiteral(" in ") + statement;
            return false;
        }
        return true;
    }

    QVariant scalar(const QString &statement, const QVariantList &binds = {})
    {
        QSqlQuery query(db());
        query.prepare(statement);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec() || !query.next()) {
            errorText = query.lastError().text();
            return {};
        }
        return query.value(0);
    }

    qint64 count(const QString &table, const QString &where = QStringLiteral("1 = 1"), const QVariantList &binds = {})
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where), binds).toLongLong();
    }

    // Every row of `table` as text, in key order: equal dumps mean an unchanged table.
    QString dump(const QString &table, const QString &orderBy = QStringLiteral("1"))
    {
        QSqlQuery query(db());
        if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, orderBy)))
            return QStringLiteral("error: ") + query.lastError().text();
        QStringList rows;
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values.append(query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
            rows.append(values.join(QLatin1Char('|')));
        }
        return rows.join(QLatin1Char('\n'));
    }

    bool addSite(const QString &siteId, const QString &number)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        return exec(
            QStringLiteral("INSERT INTO site (id, name, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"),
            {siteId, QString(QStringLiteral("Site ") + number), number, now, now});
    }

    bool addDevice(const QString &deviceId, const QString &siteId)
    {
        return exec(QStringLiteral("INSERT INTO hub_device (id, site_id, name, secret_hash, enrolled_at) "
                                   "VALUES (?, ?, ?, 'x', ?)"),
            {deviceId, siteId, QString(QStringLiteral("desk ") + deviceId.left(8)),
                QDateTime::currentMSecsSinceEpoch()});
    }

    // A device token signed like the hub signs one (HubAuth::issueDeviceToken) with the newest
    // key in hub_jwt_key, which exists once anybody has logged in. Empty if there is no key.
    QString deviceToken(const QString &deviceId)
    {
        QSqlQuery query(db());
        if (!query.exec(QStringLiteral("SELECT kid, secret FROM hub_jwt_key WHERE retired_at IS NULL "
                                       "ORDER BY created_at DESC LIMIT 1"))
            || !query.next())
            return {};
        const QString kid = query.value(0).toString();
        const QByteArray secret = QByteArray::fromBase64(query.value(1).toString().toLatin1());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject claims {{QStringLiteral("sub"), QString(QStringLiteral("device:") + deviceId)},
            {QStringLiteral("role"), QStringLiteral("device")}, {QStringLiteral("iat"), now},
            {QStringLiteral("exp"), now + 3600}, {QStringLiteral("jti"), newId()}};
        constexpr auto encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("kid"), kid}};
        const QByteArray input = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(encoding) + '.'
            + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(encoding);
        return QString::fromLatin1(input + '.'
            + QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256).toBase64(encoding));
    }

    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    QString errorText;

private:
    QString m_name;
};

// Events and entity data in the desk's outbox shapes (app/store: memberToJson, cardJson, ...).
namespace fixture {

inline QJsonObject event(const QString &type, const QString &device, qint64 atMs, const QJsonObject &data)
{
    return QJsonObject {{QStringLiteral("id"), SyncDb::newId()}, {QStringLiteral("type"), type},
        {QStringLiteral("at"), atMs}, {QStringLiteral("device"), device},
        {QStringLiteral("staff"), QStringLiteral("s1")}, {QStringLiteral("data"), data}};
}

inline QJsonObject batch(const QJsonArray &events)
{
    return QJsonObject {{QStringLiteral("events"), events}};
}

inline QJsonObject member(const QString &id, const QString &memberNo, const QString &name, const QString &phone)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("memberNo"), memberNo},
        {QStringLiteral("name"), name},
        {QStringLiteral("phoneCipher"), QString::fromLatin1(QByteArray("cipher:" + phone.toLatin1()).toBase64())},
        {QStringLiteral("phoneHash"), QString::fromLatin1(QByteArray("hash:" + phone.toLatin1()).toBase64())},
        {QStringLiteral("phoneMask"), QString(phone.left(3) + QStringLiteral("****") + phone.right(4))},
        {QStringLiteral("gender"), 1}, {QStringLiteral("birthday"), QStringLiteral("1990-05-01")},
        {QStringLiteral("preferredLanguage"), QStringLiteral("zh_CN")},
        {QStringLiteral("status"), QStringLiteral("active")}, {QStringLiteral("createdAt"), qint64(1'700'000'000'000)},
        {QStringLiteral("updatedAt"), qint64(1'700'000'000'000)}};
}

inline QJsonObject card(const QString &id, const QString &cardNo, const QString &memberId, const QString &kind,
    int visitsLeft, qint64 balanceFen = 0)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("cardNo"), cardNo},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("productId"), QString()},
        {QStringLiteral("name"), QStringLiteral("10 visits")}, {QStringLiteral("kind"), kind},
        {QStringLiteral("status"), QStringLiteral("active")}, {QStringLiteral("validFrom"), qint64(1'700'000'000'000)},
        {QStringLiteral("validTo"), qint64(1'900'000'000'000)}, {QStringLiteral("visitsLeft"), visitsLeft},
        {QStringLiteral("balanceFen"), balanceFen}, {QStringLiteral("perVisitPriceFen"), 0},
        {QStringLiteral("timeWindows"), QJsonArray()}, {QStringLiteral("zones"), QJsonArray()},
        {QStringLiteral("frozenAt"), QJsonValue()}, {QStringLiteral("createdAt"), qint64(1'700'000'000'000)}};
}

inline QJsonObject product(const QString &id, const QString &name)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("kind"), QStringLiteral("count")}, {QStringLiteral("priceFen"), 50000},
        {QStringLiteral("validDays"), 365}, {QStringLiteral("visits"), 10}, {QStringLiteral("valueFen"), 0},
        {QStringLiteral("perVisitPriceFen"), 0}, {QStringLiteral("timeWindows"), QJsonArray()},
        {QStringLiteral("zones"), QJsonArray()}, {QStringLiteral("active"), true}};
}

inline QJsonObject venue(const QString &id, const QString &kind, int capacity)
{
    return QJsonObject {{QStringLiteral("id"), id},
        {QStringLiteral("name"), QString(QStringLiteral("Venue ") + id.left(4))}, {QStringLiteral("kind"), kind},
        {QStringLiteral("capacity"), capacity}, {QStringLiteral("status"), QStringLiteral("open")},
        {QStringLiteral("openingHours"), QStringLiteral("[]")}, {QStringLiteral("bookingRequired"), true},
        {QStringLiteral("advanceDays"), 7}, {QStringLiteral("maxActiveBookings"), 3},
        {QStringLiteral("cancelHours"), 2}, {QStringLiteral("cancelPenaltyPercent"), 0},
        {QStringLiteral("feePerHourFen"), 0}};
}

inline QJsonObject course(const QString &id, const QString &venueId, int capacity)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Yoga")},
        {QStringLiteral("venueId"), venueId}, {QStringLiteral("durationMinutes"), 60},
        {QStringLiteral("capacity"), capacity}};
}

inline QJsonObject slot(
    const QString &id, const QString &courseId, const QString &venueId, qint64 startMs, int capacity)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("courseId"), courseId},
        {QStringLiteral("venueId"), venueId}, {QStringLiteral("coachName"), QStringLiteral("Li")},
        {QStringLiteral("startMs"), startMs}, {QStringLiteral("endMs"), startMs + 3'600'000},
        {QStringLiteral("capacity"), capacity}, {QStringLiteral("bookedCount"), 0}};
}

inline QJsonObject booking(const QString &id, const QString &bookingNo, const QString &memberId, const QString &venueId,
    const QString &slotId, qint64 startMs, qint64 endMs)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("bookingNo"), bookingNo},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("venueId"), venueId},
        {QStringLiteral("slotId"), slotId}, {QStringLiteral("startMs"), startMs}, {QStringLiteral("endMs"), endMs},
        {QStringLiteral("status"), QStringLiteral("booked")}, {QStringLiteral("recurrenceId"), QString()},
        {QStringLiteral("createdAtMs"), startMs - 86'400'000}};
}

inline QJsonObject entry(const QString &id, const QString &memberId, const QString &cardId, const QString &status,
    int visitsDeducted, qint64 decidedAtMs)
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("gateId"), QStringLiteral("gate-1")},
        {QStringLiteral("zoneId"), QStringLiteral("gym")}, {QStringLiteral("direction"), QStringLiteral("in")},
        {QStringLiteral("memberId"), memberId}, {QStringLiteral("cardId"), cardId},
        {QStringLiteral("bookingId"), QString()}, {QStringLiteral("credentialId"), QString()},
        {QStringLiteral("credentialKind"), QStringLiteral("GG1")}, {QStringLiteral("weak"), false},
        {QStringLiteral("status"), status}, {QStringLiteral("reason"), QStringLiteral("ok")},
        {QStringLiteral("visitsDeducted"), visitsDeducted}, {QStringLiteral("feeDeductedFen"), 0},
        {QStringLiteral("staffId"), QString()}, {QStringLiteral("note"), QString()},
        {QStringLiteral("decidedAt"), decidedAtMs}};
}

} // namespace fixture
