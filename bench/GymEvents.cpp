#include "GymEvents.h"

#include "core/SyncJson.h"
#include "store/CardProductRepository.h"
#include "store/Database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include "BenchStats.h"
#include "HubProcess.h"
#include "SyncFixture.h"

namespace gymgate {
namespace {

const QString kSourceConnection = QStringLiteral("gym-events-source");

QJsonArray arrayOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

Result<GymEvents> readGym(const QString &path, int memberLimit)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kSourceConnection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open())
        return fail(ErrorCode::Storage, QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
    const QString chosen = memberLimit > 0
        ? QStringLiteral("SELECT id FROM member WHERE deleted_at IS NULL ORDER BY rowid LIMIT %1").arg(memberLimit)
        : QStringLiteral("SELECT id FROM member WHERE deleted_at IS NULL");
    GymEvents events;
    QSqlQuery members(db);
    if (!members.exec(QStringLiteral("SELECT id, member_no, name, phone_cipher, phone_hash, phone_mask, gender, "
                                     "birthday, preferred_language, status, created_at, updated_at FROM member "
                                     "WHERE id IN (%1) ORDER BY rowid")
                          .arg(chosen)))
        return fail(ErrorCode::Storage, QStringLiteral("cannot read members: %1").arg(members.lastError().text()));
    while (members.next()) {
        events.members.append(QJsonObject {{QStringLiteral("id"), members.value(0).toString()},
            {QStringLiteral("memberNo"), members.value(1).toString()},
            {QStringLiteral("name"), members.value(2).toString()},
            {QStringLiteral("phoneCipher"), QString::fromLatin1(members.value(3).toByteArray().toBase64())},
            {QStringLiteral("phoneHash"), QString::fromLatin1(members.value(4).toByteArray().toBase64())},
            {QStringLiteral("phoneMask"), members.value(5).toString()},
            {QStringLiteral("gender"), members.value(6).toInt()},
            {QStringLiteral("birthday"), members.value(7).toString()},
            {QStringLiteral("preferredLanguage"), members.value(8).toString()},
            {QStringLiteral("status"), members.value(9).toString()},
            {QStringLiteral("createdAt"), members.value(10).toLongLong()},
            {QStringLiteral("updatedAt"), members.value(11).toLongLong()}});
    }
    QSqlQuery cards(db);
    if (!cards.exec(
            QStringLiteral("SELECT id, card_no, member_id, product_id, name, kind, status, valid_from, valid_to, "
                           "visits_left, balance_fen, per_visit_price_fen, time_windows, zones, frozen_at, "
                           "created_at FROM member_card WHERE deleted_at IS NULL AND member_id IN (%1) "
                           "ORDER BY rowid")
                .arg(chosen)))
        return fail(ErrorCode::Storage, QStringLiteral("cannot read cards: %1").arg(cards.lastError().text()));
    while (cards.next()) {
        events.cards.append(QJsonObject {{QStringLiteral("id"), cards.value(0).toString()},
            {QStringLiteral("cardNo"), cards.value(1).toString()},
            {QStringLiteral("memberId"), cards.value(2).toString()},
            {QStringLiteral("productId"), cards.value(3).toString()},
            {QStringLiteral("name"), cards.value(4).toString()}, {QStringLiteral("kind"), cards.value(5).toString()},
            {QStringLiteral("status"), cards.value(6).toString()},
            {QStringLiteral("validFrom"), cards.value(7).toLongLong()},
            {QStringLiteral("validTo"), cards.value(8).toLongLong()},
            {QStringLiteral("visitsLeft"), cards.value(9).toLongLong()},
            {QStringLiteral("balanceFen"), cards.value(10).toLongLong()},
            {QStringLiteral("perVisitPriceFen"), cards.value(11).toLongLong()},
            {QStringLiteral("timeWindows"), arrayOf(cards.value(12).toString())},
            {QStringLiteral("zones"), arrayOf(cards.value(13).toString())},
            {QStringLiteral("frozenAt"),
                cards.value(14).isNull() ? QJsonValue() : QJsonValue(cards.value(14).toLongLong())},
            {QStringLiteral("createdAt"), cards.value(15).toLongLong()}});
    }
    return events;
}

Result<QList<QJsonObject>> readProducts(const QString &path)
{
    Database::Options options;
    options.path = path;
    options.inspectOnly = true; // read the gym as it is, never migrate or touch it
    Result<std::unique_ptr<Database>> db = Database::open(options);
    if (!db)
        return std::unexpected(db.error());
    Result<QList<CardProduct>> products = CardProductRepository(**db).list(true);
    if (!products)
        return std::unexpected(products.error());
    QList<QJsonObject> json;
    for (const CardProduct &product : std::as_const(*products))
        json.append(syncjson::toJson(product));
    return json;
}

// An event's `at`: when the row was made, or now for rows without a time (card products).
qint64 atOf(const QJsonObject &data)
{
    return data.value(QStringLiteral("createdAt")).toInteger(QDateTime::currentMSecsSinceEpoch());
}

} // namespace

Result<GymEvents> readGymEvents(const QString &path, int memberLimit)
{
    Result<GymEvents> events = readGym(path, memberLimit);
    QSqlDatabase::removeDatabase(kSourceConnection); // the connection went out of scope above
    if (!events)
        return events;
    Result<QList<QJsonObject>> products = readProducts(path);
    if (!products)
        return std::unexpected(products.error());
    events->products = *products;
    return events;
}

Result<PushFigures> pushGymEvents(HubProcess &hub, const QString &token, const QString &device, const QString &type,
    const QList<QJsonObject> &data, int batchSize, PushFigures figures)
{
    QElapsedTimer total;
    total.start();
    for (qsizetype from = 0; from < data.size(); from += batchSize) {
        QJsonArray events;
        for (qsizetype i = from; i < std::min(data.size(), from + batchSize); ++i)
            events.append(fixture::event(type, device, atOf(data.at(i)), data.at(i)));
        QElapsedTimer timer;
        timer.start();
        const HubReply reply = hub.call("POST", QStringLiteral("/api/v1/sync/events"), fixture::batch(events), token);
        figures.batchNs.append(timer.nsecsElapsed());
        if (reply.status != 200)
            return fail(ErrorCode::Internal,
                QStringLiteral("push answered %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body.left(300))));
        for (const QJsonValue &result :
            reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("results")).toArray())
            figures.notOk
                += result.toObject().value(QStringLiteral("status")).toString() == QLatin1String("ok") ? 0 : 1;
        figures.events += events.size();
    }
    figures.seconds += double(total.nsecsElapsed()) / 1e9;
    return figures;
}

QJsonObject pushJson(const PushFigures &figures)
{
    return QJsonObject {{QStringLiteral("events"), figures.events}, {QStringLiteral("not_ok"), figures.notOk},
        {QStringLiteral("seconds"), figures.seconds},
        {QStringLiteral("events_per_s"), figures.seconds > 0 ? double(figures.events) / figures.seconds : 0.0},
        {QStringLiteral("per_batch"), summarize(figures.batchNs).toJson()}};
}

} // namespace gymgate
