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
#include "GymEvents.h"
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

Result<QJsonObject> runOn(const QString &spec, const GymEvents &gym, const HubBenchOptions &options)
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
        = pushGymEvents(hub, token, kDevice, QStringLiteral("member.created"), gym.members, options.batchSize);
    if (!members)
        return std::unexpected(members.error());
    Result<PushFigures> cards
        = pushGymEvents(hub, token, kDevice, QStringLiteral("card.sold"), gym.cards, options.batchSize);
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
    Result<GymEvents> gym = readGymEvents(options.databasePath, options.members);
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
