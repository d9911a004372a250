#pragma once

// The venue and reservation tests' hub: HubTestSupport's ServedHub with a staff user and a
// technician logged in, members inserted straight into the database (their endpoints belong to
// another module), venues made through the API and class slots inserted straight.
#include "core/PasswordHash.h"

#include <QTimeZone>

#include "HubTestSupport.h"

class VenueFixture : public hubtest::ServedHub {
public:
    bool start(const QString &databaseSpec)
    {
        if (!ServedHub::start(databaseSpec))
            return false;
        const QString hash = gymgate::hashPassword(QStringLiteral("clerk pass 1")).value_or(QString());
        if (db.insertUser(QStringLiteral("clerk"), QStringLiteral("staff"), {}, hash) <= 0
            || db.insertUser(QStringLiteral("tech"), QStringLiteral("technician"), {}, hash) <= 0)
            return failed(db.errorText);
        staffToken = hub.login(QStringLiteral("clerk"), QStringLiteral("clerk pass 1"));
        technicianToken = hub.login(QStringLiteral("tech"), QStringLiteral("clerk pass 1"));
        if (staffToken.isEmpty() || technicianToken.isEmpty())
            return failed(QStringLiteral("staff login failed"));
        return true;
    }

    HubReply call(const QByteArray &method, const QString &path, const QJsonValue &body, const QString &token)
    {
        return hub.call(method, path, body, token);
    }

    // Rows of the tables a booking write touches, to show that a refusal changed nothing.
    QString snapshot() const
    {
        QStringList parts;
        for (const QString &table :
            {QStringLiteral("booking"), QStringLiteral("waitlist"), QStringLiteral("change_log"),
                QStringLiteral("hub_notification"), QStringLiteral("maintenance"), QStringLiteral("venue_rating")})
            parts.append(QStringLiteral("%1=%2").arg(table).arg(db.count(table)));
        parts.append(
            QStringLiteral("booked=%1")
                .arg(db.scalar(QStringLiteral("SELECT COALESCE(SUM(booked_count), 0) FROM course_slot")).toLongLong()));
        parts.append(
            QStringLiteral("active=%1")
                .arg(db.scalar(QStringLiteral("SELECT COUNT(*) FROM booking WHERE status = 'booked'")).toLongLong()));
        parts.append(
            QStringLiteral("venueStamp=%1")
                .arg(db.scalar(QStringLiteral("SELECT COALESCE(SUM(updated_at), 0) FROM venue")).toLongLong()));
        return parts.join(QLatin1Char(' '));
    }

    // Member numbers M00000001, M00000002, ... in the order of the calls.
    QString addMember(const QString &name, const QString &status = QStringLiteral("active"))
    {
        hubtest::MemberRow row;
        row.memberNo = QStringLiteral("M%1").arg(++m_members, 8, 10, QLatin1Char('0'));
        row.name = name;
        row.status = status;
        return db.insertMember(row);
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
        return hubtest::dataOf(reply).value(QStringLiteral("id")).toString();
    }

    // A course and one class slot of it, inserted straight (courses are another module's).
    QString addSlot(const QString &venueId, qint64 startMs, qint64 endMs, int capacity,
        const QString &courseName = QStringLiteral("Yoga"))
    {
        const QString courseId = hubtest::newId();
        const QString slotId = hubtest::newId();
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (!db.exec(QStringLiteral("INSERT INTO course (id, name, venue_id, duration_minutes, capacity, created_at, "
                                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {courseId, courseName, venueId, qint64((endMs - startMs) / 60000), qint64(capacity), nowMs, nowMs}))
            return {};
        if (!db.exec(
                QStringLiteral("INSERT INTO course_slot (id, course_id, venue_id, coach_name, start_at, end_at, "
                               "capacity, booked_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"),
                {slotId, courseId, venueId, QStringLiteral("Coach"), startMs, endMs, qint64(capacity), nowMs, nowMs}))
            return {};
        return slotId;
    }

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

    QString staffToken;
    QString technicianToken;

private:
    int m_members = 0;
    int m_venues = 0;
};
