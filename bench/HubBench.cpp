#include "HubBench.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

#include "BenchStats.h"
// The hub's test helpers: the real gymgate-hub on a free port, a throwaway PostgreSQL, and
// direct access to the hub's database for the site, the device and its token.
#include "HubProcess.h"
#include "PgServer.h"
#include "SyncFixture.h"

namespace gymgate {
namespace {

const QString kAdmin = QStringLiteral("bench");
const QString kPassword = QStringLiteral("bench-password-1");
const QString kSite = QStringLiteral("0b0b0b0b-0000-4000-8000-000000000001");
const QString kDevice = QStringLiteral("0d0d0d0d-0000-4000-8000-000000000001");
const QString kSourceConnection = QStringLiteral("hubbench-source");

QJsonArray arrayOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

// The gym's members and cards as the desk's outbox events (memberToJson, cardJson).
struct Events {
    QList<QJsonObject> members;
    QList<QJsonObject> cards;
};

Result<Events> readGym(const QString &path, int memberLimit)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kSourceConnection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open())
        return fail(ErrorCode::Storage, QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text()));
    const QString chosen = memberLimit > 0
        ? QStringLiteral("SELECT id FROM member WHERE deleted_at IS NULL ORDER BY rowid LIMIT %1").arg(memberLimit)
        : QStringLiteral("SELECT id FROM member WHERE deleted_at IS NULL");
    Events events;
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

struct PushFigures {
    qint64 events = 0;
    qint64 notOk = 0;
    double seconds = 0;
    QList<qint64> batchNs;
};

Result<PushFigures> pushAll(HubProcess &hub, const QString &token, const QString &type, const QList<QJsonObject> &data,
    int batchSize, PushFigures figures)
{
    QElapsedTimer total;
    total.start();
    for (qsizetype from = 0; from < data.size(); from += batchSize) {
        QJsonArray events;
        for (qsizetype i = from; i < std::min(data.size(), from + batchSize); ++i)
            events.append(
                fixture::event(type, kDevice, data.at(i).value(QStringLiteral("createdAt")).toInteger(), data.at(i)));
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

// A new site's first sync: the whole change log, page by page.
Result<QJsonObject> pullAll(HubProcess &hub, const QString &token, int pageSize)
{
    qint64 since = 0;
    qint64 changes = 0;
    qint64 bytes = 0;
    QList<qint64> pageNs;
    QElapsedTimer total;
    total.start();
    for (;;) {
        QElapsedTimer timer;
        timer.start();
        const HubReply reply
            = hub.call("GET", QStringLiteral("/api/v1/sync/changes?since=%1&limit=%2").arg(since).arg(pageSize),
                QJsonValue::Undefined, token);
        pageNs.append(timer.nsecsElapsed());
        if (reply.status != 200)
            return fail(ErrorCode::Internal, QStringLiteral("pull answered %1").arg(reply.status));
        const QJsonObject data = reply.json.value(QStringLiteral("data")).toObject();
        changes += data.value(QStringLiteral("changes")).toArray().size();
        bytes += reply.body.size();
        since = data.value(QStringLiteral("next")).toInteger();
        if (!data.value(QStringLiteral("hasMore")).toBool())
            break;
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    return QJsonObject {{QStringLiteral("page_size"), pageSize}, {QStringLiteral("pulls"), pageNs.size()},
        {QStringLiteral("changes"), changes}, {QStringLiteral("mb"), double(bytes) / 1e6},
        {QStringLiteral("seconds"), seconds}, {QStringLiteral("pulls_per_s"), double(pageNs.size()) / seconds},
        {QStringLiteral("changes_per_s"), double(changes) / seconds},
        {QStringLiteral("per_pull"), summarize(pageNs).toJson()}};
}

Result<QJsonObject> runOn(const QString &spec, const Events &gym, const HubBenchOptions &options)
{
    if (HubProcess::createAdmin(spec, kAdmin, kPassword) != 0)
        return fail(ErrorCode::Internal, QStringLiteral("gymgate-hub --create-admin failed on %1").arg(spec));
    HubProcess hub;
    if (!hub.start({QStringLiteral("--db"), spec}))
        return fail(ErrorCode::Internal, QStringLiteral("gymgate-hub did not start: %1").arg(hub.errorText));
    if (hub.login(kAdmin, kPassword).isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("cannot log in to the hub"));
    QString token;
    {
        SyncDb db;
        if (!db.open(spec) || !db.addSite(kSite, QStringLiteral("101")) || !db.addDevice(kDevice, kSite))
            return fail(ErrorCode::Storage, QStringLiteral("cannot enrol the bench device: %1").arg(db.errorText));
        token = db.deviceToken(kDevice);
    }
    Result<PushFigures> members
        = pushAll(hub, token, QStringLiteral("member.created"), gym.members, options.batchSize, PushFigures {});
    if (!members)
        return std::unexpected(members.error());
    Result<PushFigures> cards = pushAll(hub, token, QStringLiteral("card.sold"), gym.cards, options.batchSize, {});
    if (!cards)
        return std::unexpected(cards.error());
    PushFigures both = *members;
    both.events += cards->events;
    both.notOk += cards->notOk;
    both.seconds += cards->seconds;
    both.batchNs += cards->batchNs;
    QJsonObject report {{QStringLiteral("push_members"), pushJson(*members)},
        {QStringLiteral("push_cards"), pushJson(*cards)}, {QStringLiteral("push_total"), pushJson(both)}};
    for (int pageSize : {500, 1000}) {
        Result<QJsonObject> pulled = pullAll(hub, token, pageSize);
        if (!pulled)
            return std::unexpected(pulled.error());
        report.insert(QStringLiteral("pull_%1").arg(pageSize), *pulled);
    }
    hub.stop();
    return report;
}

} // namespace

Result<QJsonObject> runHubBench(const HubBenchOptions &options)
{
    if (!QFileInfo::exists(options.databasePath))
        return fail(ErrorCode::NotFound, QStringLiteral("no database at %1").arg(options.databasePath));
    Result<Events> gym = readGym(options.databasePath, options.members);
    QSqlDatabase::removeDatabase(kSourceConnection);
    if (!gym)
        return std::unexpected(gym.error());
    QJsonObject report {{QStringLiteral("bench"), QStringLiteral("hub")},
        {QStringLiteral("members"), gym->members.size()}, {QStringLiteral("cards"), gym->cards.size()},
        {QStringLiteral("batch_size"), options.batchSize}};

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(ErrorCode::Storage, QStringLiteral("cannot make a temporary directory"));
    Result<QJsonObject> sqlite = runOn(dir.filePath(QStringLiteral("hub.sqlite")), *gym, options);
    if (!sqlite)
        return std::unexpected(sqlite.error());
    report.insert(QStringLiteral("sqlite"), *sqlite);

    if (!options.postgresql) {
        report.insert(QStringLiteral("postgresql"), QStringLiteral("skipped (--no-postgresql)"));
        return report;
    }
    PgServer pg;
    if (!pg.start()) {
        report.insert(QStringLiteral("postgresql"), QString(QStringLiteral("skipped: ") + pg.errorText));
        return report;
    }
    const QString spec = pg.createDatabase(QStringLiteral("hubbench"));
    if (spec.isEmpty())
        return fail(ErrorCode::Storage, QStringLiteral("createdb failed: %1").arg(pg.errorText));
    Result<QJsonObject> postgresql = runOn(spec, *gym, options);
    if (!postgresql)
        return std::unexpected(postgresql.error());
    report.insert(QStringLiteral("postgresql"), *postgresql);
    report.insert(QStringLiteral("rss_kb"), residentKb());
    return report;
}

} // namespace gymgate
