#pragma once

#include "core/PasswordHash.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

#include <memory>

#include "HubProcess.h"
#include "PgServer.h"

// A hub for the venue and reservation tests: a new database (SQLite file or PostgreSQL), an
// admin and a staff user logged in, members inserted straight into the database (their
// endpoints belong to another module) with tokens signed by the hub's current key, and a
// direct connection to check what a request changed.
class VenueFixture {
public:
    VenueFixture() = default;
    VenueFixture(const VenueFixture &) = delete;
    VenueFixture &operator=(const VenueFixture &) = delete;

    ~VenueFixture()
    {
        if (m_connection.isEmpty())
            return;
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }

    // The database spec for `dialect` (empty when PostgreSQL is not available).
    static QString makeSpec(const QString &dialect, PgServer *pg, const QString &dir, const QString &name)
    {
        if (dialect == QLatin1String("sqlite"))
            return dir + QLatin1Char('/') + name + QStringLiteral(".sqlite");
        return pg ? pg->createDatabase(name) : QString();
    }

    bool start(const QString &dialect, PgServer *pg, const QString &dir, const QString &name)
    {
        spec = makeSpec(dialect, pg, dir, name);
        if (spec.isEmpty())
            return failed(QStringLiteral("no database"));
        if (HubProcess::createAdmin(spec, QStringLiteral("boss"), QStringLiteral("correct horse 1")) != 0)
            return failed(QStringLiteral("--create-admin failed"));
        if (!hub.start({QStringLiteral("--db"), spec}))
            return failed(QStringLiteral("hub did not start: ") + hub.errorText);
        adminToken = hub.login(QStringLiteral("boss"), QStringLiteral("correct horse 1"));
        if (adminToken.isEmpty())
            return failed(QStringLiteral("admin login failed"));
        if (!openDirect(dialect, pg, name))
            return false;
        for (const auto &[user, role] : {std::pair {QStringLiteral("clerk"), QStringLiteral("staff")},
                 std::pair {QStringLiteral("tech"), QStringLiteral("technician")}}) {
            const QString hash = gymgate::hashPassword(QStringLiteral("clerk pass 1")).value_or(QString());
            if (!exec(QStringLiteral("INSERT INTO hub_user (username, display_name, password_hash, role, status, "
                                     "created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?)"),
                    {user, user, hash, role, QStringLiteral("2026-01-01T00:00:00Z"),
                        QStringLiteral("2026-01-01T00:00:00Z")}))
                return false;
        }
        staffToken = hub.login(QStringLiteral("clerk"), QStringLiteral("clerk pass 1"));
        technicianToken = hub.login(QStringLiteral("tech"), QStringLiteral("clerk pass 1"));
        if (staffToken.isEmpty() || technicianToken.isEmpty())
            return failed(QStringLiteral("staff login failed"));
        QSqlQuery key(db());
        if (!key.exec(QStringLiteral("SELECT kid, secret FROM hub_jwt_key WHERE retired_at IS NULL")) || !key.next())
            return failed(QStringLiteral("no jwt key"));
        m_kid = key.value(0).toString();
        m_secret = QByteArray::fromBase64(key.value(1).toString().toLatin1());
        return true;
    }

    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }

    bool exec(const QString &statement, const QVariantList &binds = {})
    {
        QSqlQuery query(db());
        query.prepare(statement);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec())
            return failed(query.lastError().text() + QStringLiteral(" in ") + statement);
        return true;
    }

    QVariant scalar(const QString &statement, const QVariantList &binds = {}) const
    {
        QSqlQuery query(db());
        query.prepare(statement);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0);
    }

    qint64 count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table).toLongLong();
    }

    // Rows of the tables a booking write touches, to show that a refusal changed nothing.
    QString snapshot() const
    {
        QStringList parts;
        for (const QString &table :
            {QStringLiteral("booking"), QStringLiteral("waitlist"), QStringLiteral("change_log"),
                QStringLiteral("hub_notification"), QStringLiteral("maintenance"), QStringLiteral("venue_rating")})
            parts.append(QStringLiteral("%1=%2").arg(table).arg(count(table)));
        parts.append(
            QStringLiteral("booked=%1")
                .arg(scalar(QStringLiteral("SELECT COALESCE(SUM(booked_count), 0) FROM course_slot")).toLongLong()));
        parts.append(
            QStringLiteral("active=%1")
                .arg(scalar(QStringLiteral("SELECT COUNT(*) FROM booking WHERE status = 'booked'")).toLongLong()));
        parts.append(QStringLiteral("venueStamp=%1")
                         .arg(scalar(QStringLiteral("SELECT COALESCE(SUM(updated_at), 0) FROM venue")).toLongLong()));
        return parts.join(QLatin1Char(' '));
    }

    QString addMember(const QString &name, const QString &status = QStringLiteral("active"))
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (!exec(QStringLiteral("INSERT INTO member (id, member_no, name, phone_hash, phone_mask, status, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {id, QStringLiteral("M%1").arg(++m_members, 8, 10, QLatin1Char('0')), name, id,
                    QStringLiteral("138****0000"), status, nowMs, nowMs}))
            return {};
        return id;
    }

    // A member token signed like the hub's (there is no member login endpoint in this module).
    QString memberToken(const QString &memberId) const
    {
        constexpr auto encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")},
            {QStringLiteral("typ"), QStringLiteral("JWT")}, {QStringLiteral("kid"), m_kid}};
        const QJsonObject claims {{QStringLiteral("sub"), QString(QStringLiteral("member:") + memberId)},
            {QStringLiteral("role"), QStringLiteral("member")}, {QStringLiteral("iat"), now},
            {QStringLiteral("exp"), now + 3600},
            {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
        const QByteArray input = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(encoding) + '.'
            + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(encoding);
        return QString::fromLatin1(input + '.'
            + QMessageAuthenticationCode::hash(input, m_secret, QCryptographicHash::Sha256).toBase64(encoding));
    }

    HubReply call(const QByteArray &method, const QString &path, const QJsonValue &body, const QString &token)
    {
        return hub.call(method, path, body, token);
    }

    // A venue made through the API; its id (empty on failure).
    QString addVenue(const QJsonObject &fields)
    {
        QJsonObject body {{QStringLiteral("name"), QStringLiteral("Venue %1").arg(++m_venues)},
            {QStringLiteral("kind"), QStringLiteral("studio")}};
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            body.insert(it.key(), it.value());
        const HubReply reply = call("POST", QStringLiteral("/api/venues"), body, adminToken);
        if (reply.status != 200) {
            errorText = QString::fromUtf8(reply.body);
            return {};
        }
        return dataOf(reply).value(QStringLiteral("id")).toString();
    }

    // A course and one class slot of it, inserted straight (courses are another module's).
    QString addSlot(const QString &venueId, qint64 startMs, qint64 endMs, int capacity,
        const QString &courseName = QStringLiteral("Yoga"))
    {
        const QString courseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString slotId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (!exec(QStringLiteral("INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {courseId, courseName, venueId, qint64((endMs - startMs) / 60000), qint64(capacity), nowMs, nowMs}))
            return {};
        if (!exec(
                QStringLiteral("INSERT INTO course_slot (id, course_id, venue_id, coach_name, start_at, end_at, "
                               "capacity, booked_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"),
                {slotId, courseId, venueId, QStringLiteral("Coach"), startMs, endMs, qint64(capacity), nowMs, nowMs}))
            return {};
        return slotId;
    }

    static QJsonObject dataOf(const HubReply &reply) { return reply.json.value(QStringLiteral("data")).toObject(); }
    static QString codeOf(const HubReply &reply) { return reply.json.value(QStringLiteral("code")).toString(); }
    static QString fieldOf(const HubReply &reply) { return dataOf(reply).value(QStringLiteral("field")).toString(); }

    // Site time (Asia/Shanghai, the hub's default) `days` from today at hh:mm, as UTC ms.
    static qint64 siteTime(int days, int hour, int minute = 0)
    {
        const QTimeZone zone("Asia/Shanghai");
        const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
        return QDateTime(today.addDays(days), QTime(hour, minute), zone).toMSecsSinceEpoch();
    }
    static QDate siteDate(int days)
    {
        return QDateTime::currentDateTime().toTimeZone(QTimeZone("Asia/Shanghai")).date().addDays(days);
    }

    QString spec;
    HubProcess hub;
    QString adminToken;
    QString staffToken;
    QString technicianToken;
    QString errorText;

private:
    bool openDirect(const QString &dialect, PgServer *pg, const QString &name)
    {
        m_connection = QStringLiteral("direct-") + name;
        QSqlDatabase database;
        if (dialect == QLatin1String("sqlite")) {
            database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            database.setDatabaseName(spec);
            database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        } else {
            database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
            database.setHostName(QStringLiteral("127.0.0.1"));
            database.setPort(pg->port);
            database.setUserName(QStringLiteral("postgres"));
            database.setDatabaseName(name);
        }
        if (!database.open())
            return failed(QStringLiteral("direct connection: ") + database.lastError().text());
        return true;
    }

    bool failed(const QString &text)
    {
        errorText = text;
        qWarning("%s", qPrintable(text));
        return false;
    }

    QString m_connection;
    QString m_kid;
    QByteArray m_secret;
    int m_members = 0;
    int m_venues = 0;
};
