#include "SyncBench.h"

#include "core/Clock.h"
#include "core/FieldCipher.h"
#include "core/KeyFile.h"
#include "core/SigningKey.h"
#include "store/Database.h"
#include "store/Outbox.h"
#include "store/SqlMemberDirectory.h"
#include "store/SqlStaffDirectory.h"
#include "sync/Enrollment.h"
#include "sync/HubClient.h"
#include "sync/OutboxPump.h"
#include "sync/SyncEngine.h"
#include "sync/SyncService.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

#include "BenchStats.h"
#include "GymEvents.h"
#include "HubProcess.h"
#include "SyncFixture.h"

namespace gymgate {
namespace {

const QString kAdmin = QStringLiteral("bench");
const QString kPassword = QStringLiteral("bench-password-1");
const QString kSite = QStringLiteral("0b0b0b0b-0000-4000-8000-000000000001");
// The device that loads the gym into the hub, as the chain's first site would have.
const QString kLoader = QStringLiteral("0d0d0d0d-0000-4000-8000-000000000001");

double secondsOf(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// A desk PC: its database file and key folder, as gymgate-datagen or the first run leave them.
struct Desk {
    QString name;
    QString databasePath;
    QString keyDirectory;
    std::unique_ptr<Database> db; // the "GUI thread" connection

    QString credentialsPath() const { return databasePath + QStringLiteral(".hub.json"); }
};

Result<std::unique_ptr<Database>> openDatabase(const QString &path)
{
    Database::Options options;
    options.path = path;
    return Database::open(options);
}

Result<Desk> newDesk(const QDir &root, const QString &name, const QString &copyOf = {})
{
    Desk desk;
    desk.name = name;
    desk.databasePath = root.filePath(name + QStringLiteral(".db"));
    desk.keyDirectory = root.filePath(name + QStringLiteral("-keys"));
    if (!QDir().mkpath(desk.keyDirectory))
        return fail(ErrorCode::Io, QStringLiteral("cannot make %1").arg(desk.keyDirectory));
    if (Result<SigningKey> key = SigningKey::loadOrCreateKeyFile(
            QDir(desk.keyDirectory).filePath(QStringLiteral("signing.key")), QStringLiteral("bench"));
        !key)
        return std::unexpected(key.error());
    if (!copyOf.isEmpty() && !QFile::copy(copyOf, QDir(desk.keyDirectory).filePath(QStringLiteral("data.key"))))
        return fail(ErrorCode::Io, QStringLiteral("cannot copy the data key"));
    if (Result<FieldCipher> cipher
        = FieldCipher::loadOrCreateKeyFile(QDir(desk.keyDirectory).filePath(QStringLiteral("data.key")));
        !cipher)
        return std::unexpected(cipher.error());
    Result<std::unique_ptr<Database>> db = openDatabase(desk.databasePath);
    if (!db)
        return std::unexpected(db.error());
    desk.db = std::move(*db);
    return desk;
}

Result<QString> enrollmentCode(HubProcess &hub, const QString &adminToken, const QString &deviceName)
{
    const HubReply reply = hub.call("POST", QStringLiteral("/api/v1/devices/enrollment-codes"),
        QJsonObject {{QStringLiteral("siteId"), kSite}, {QStringLiteral("deviceName"), deviceName}}, adminToken);
    const QString code = reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString();
    if (code.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("no enrollment code: %1").arg(QString::fromUtf8(reply.body)));
    return code;
}

Result<HubCredentials> enroll(Desk &desk, HubProcess &hub, const QString &adminToken, const Clock &clock)
{
    Result<QString> code = enrollmentCode(hub, adminToken, desk.name);
    if (!code)
        return std::unexpected(code.error());
    Enrollment enrollment(*desk.db, clock, desk.keyDirectory, desk.credentialsPath());
    return enrollment.enroll(
        {QStringLiteral("http://127.0.0.1:%1").arg(hub.port), *code, desk.name, QStringLiteral("bench")});
}

SyncEngineOptions engineOptions(const Desk &desk, bool realtime)
{
    SyncEngineOptions options;
    options.databasePath = desk.databasePath;
    options.keyDirectory = desk.keyDirectory;
    options.credentialsPath = desk.credentialsPath();
    options.realtime = realtime;
    options.pollIntervalMs = 3600 * 1000; // only hints, the outbox watch and explicit rounds
    return options;
}

// A copy of the gym's first members with a new name each: the edits another desk makes.
QList<QJsonObject> renamed(const QList<QJsonObject> &members, int count, const QString &prefix, qint64 atMs)
{
    QList<QJsonObject> edited;
    for (int i = 0; i < count && i < members.size(); ++i) {
        QJsonObject member = members.at(i);
        member.insert(QStringLiteral("name"), QStringLiteral("%1 %2").arg(prefix).arg(i));
        member.insert(QStringLiteral("updatedAt"), atMs);
        edited.append(member);
    }
    return edited;
}

Result<QJsonObject> timeRound(SyncEngine &engine)
{
    QElapsedTimer timer;
    timer.start();
    Result<RoundOutcome> round = engine.runRound();
    if (!round)
        return std::unexpected(round.error());
    const double seconds = secondsOf(timer);
    return QJsonObject {{QStringLiteral("changes"), round->pulled}, {QStringLiteral("pushed"), round->pushed},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("changes_per_s"), seconds > 0 ? double(round->pulled) / seconds : 0.0}};
}

// Queues `data` as member.updated events in the desk's outbox, 1000 per transaction.
Status queueEvents(Database &db, const QList<QJsonObject> &data, qint64 atMs)
{
    Outbox outbox(db);
    for (qsizetype from = 0; from < data.size(); from += 1000) {
        const Status done = db.transaction([&]() -> Status {
            for (qsizetype i = from; i < std::min(data.size(), from + 1000); ++i) {
                if (Status appended = outbox.append(
                        {{}, QStringLiteral("member.updated"), atMs, {}, QStringLiteral("bench"), data.at(i)});
                    !appended)
                    return appended;
            }
            return {};
        });
        if (!done)
            return done;
    }
    return {};
}

Result<QJsonObject> timePush(Desk &desk, const HubCredentials &credentials, const Clock &clock)
{
    HubClient client(credentials.hubUrl);
    if (Status token = client.refreshToken(credentials.deviceId, credentials.deviceSecret); !token)
        return std::unexpected(token.error());
    OutboxPump pump(*desk.db, client, clock);
    PushOutcome total;
    QList<qint64> batchNs;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        QElapsedTimer batch;
        batch.start();
        Result<PushOutcome> pushed = pump.pushBatch(500);
        if (!pushed)
            return std::unexpected(pushed.error());
        batchNs.append(batch.nsecsElapsed());
        total.sent += pushed->sent;
        total.delivered += pushed->delivered;
        total.duplicates += pushed->duplicates;
        total.rejected += pushed->rejected;
        if (!pushed->more || pushed->sent == 0)
            break;
    }
    const double seconds = secondsOf(timer);
    return QJsonObject {{QStringLiteral("events"), total.sent}, {QStringLiteral("ok"), total.delivered},
        {QStringLiteral("duplicate"), total.duplicates}, {QStringLiteral("rejected"), total.rejected},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("events_per_s"), seconds > 0 ? double(total.sent) / seconds : 0.0},
        {QStringLiteral("per_batch"), summarize(batchNs).toJson()}};
}

// Spins the event loop until `done` or the time-out; false on time-out.
template<typename Predicate>
bool waitUntil(Predicate done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.hasExpired(timeoutMs))
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        QThread::usleep(500);
    }
    return true;
}

QString memberName(Database &db, const QString &memberId)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT name FROM member WHERE id = ?"));
    query.addBindValue(memberId);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

// Desk A edits members through the real desk service; desk B, told by the WebSocket hint,
// pulls them. Both run their SyncService on its own thread, as the desk program does.
Result<QJsonObject> timePropagation(Desk &a, Desk &b, const QList<QJsonObject> &members, int count, const Clock &clock)
{
    SyncService serviceA(engineOptions(a, true), *a.db, clock);
    SyncService serviceB(engineOptions(b, true), *b.db, clock);
    serviceA.start();
    serviceB.start();
    const auto online = [](const SyncService &service) {
        return service.status().state == SyncState::Online && service.status().realtime;
    };
    if (!waitUntil([&] { return online(serviceA) && online(serviceB); }, 60000))
        return fail(ErrorCode::Timeout,
            QStringLiteral("the desks did not come online: %1 / %2")
                .arg(serviceA.status().lastError, serviceB.status().lastError));

    SqlStaffDirectory staff(*a.db, clock);
    Result<StaffSession> session = staff.login(kAdmin, kPassword); // the hub's account, synced
    if (!session)
        return std::unexpected(session.error());
    Result<FieldCipher> cipher
        = FieldCipher::loadOrCreateKeyFile(QDir(a.keyDirectory).filePath(QStringLiteral("data.key")));
    Result<QByteArray> secret = readKeyFile(QDir(a.keyDirectory).filePath(QStringLiteral("signing.key")),
        SigningKey::SecretKeyBytes, QStringLiteral("key-dir"));
    if (!cipher || !secret)
        return fail(ErrorCode::Crypto, QStringLiteral("cannot read desk A's keys"));
    Result<SigningKey> signingKey = SigningKey::fromSecretKey(QStringLiteral("bench"), *secret);
    if (!signingKey)
        return std::unexpected(signingKey.error());
    SqlMemberDirectory directory(*a.db, *cipher, *signingKey, clock);

    QList<qint64> samplesNs;
    for (int i = 0; i < count && i < members.size(); ++i) {
        const QString memberId = members.at(i).value(QStringLiteral("id")).toString();
        Result<MemberDetails> details = directory.member(*session, memberId);
        if (!details)
            return std::unexpected(details.error());
        const QString name = QStringLiteral("Propagated %1").arg(i);
        MemberForm form {name, {}, details->gender, details->birthday, details->preferredLanguage, std::nullopt};
        QElapsedTimer timer;
        timer.start();
        if (Result<MemberDetails> updated = directory.updateMember(*session, memberId, form); !updated)
            return std::unexpected(updated.error());
        if (!waitUntil([&] { return memberName(*b.db, memberId) == name; }, 30000))
            return fail(ErrorCode::Timeout, QStringLiteral("desk B never got change %1").arg(i));
        samplesNs.append(timer.nsecsElapsed());
    }
    const LatencySummary summary = summarize(samplesNs);
    return QJsonObject {{QStringLiteral("changes"), samplesNs.size()}, {QStringLiteral("latency"), summary.toJson()},
        {QStringLiteral("outbox_watch_ms"), SyncEngineOptions {}.outboxWatchMs}};
}

} // namespace

Result<QJsonObject> runSyncBench(const SyncBenchOptions &options)
{
    if (!QFileInfo::exists(options.databasePath))
        return fail(ErrorCode::NotFound, QStringLiteral("no database at %1").arg(options.databasePath));
    Result<GymEvents> gym = readGymEvents(options.databasePath, options.members);
    if (!gym)
        return std::unexpected(gym.error());
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(ErrorCode::Storage, QStringLiteral("cannot make a temporary directory"));
    const QDir root(dir.path());
    SystemClock clock;

    // The hub with the gym loaded, as a chain's hub would be when a new desk joins.
    const QString hubPath = root.filePath(QStringLiteral("hub.sqlite"));
    if (HubProcess::createAdmin(hubPath, kAdmin, kPassword) != 0)
        return fail(ErrorCode::Internal, QStringLiteral("gymgate-hub --create-admin failed"));
    HubProcess hub;
    if (!hub.start({QStringLiteral("--db"), hubPath}))
        return fail(ErrorCode::Internal, QStringLiteral("gymgate-hub did not start: %1").arg(hub.errorText));
    const QString adminToken = hub.login(kAdmin, kPassword);
    QString loaderToken;
    {
        SyncDb hubDb;
        if (!hubDb.open(hubPath) || !hubDb.addSite(kSite, QStringLiteral("101")) || !hubDb.addDevice(kLoader, kSite))
            return fail(ErrorCode::Storage, QStringLiteral("cannot add the loader device: %1").arg(hubDb.errorText));
        loaderToken = hubDb.deviceToken(kLoader);
    }
    Result<PushFigures> loaded
        = pushGymEvents(hub, loaderToken, kLoader, QStringLiteral("product.saved"), gym->products, 500);
    if (loaded)
        loaded = pushGymEvents(hub, loaderToken, kLoader, QStringLiteral("member.created"), gym->members, 500, *loaded);
    if (loaded)
        loaded = pushGymEvents(hub, loaderToken, kLoader, QStringLiteral("card.sold"), gym->cards, 500, *loaded);
    if (!loaded)
        return std::unexpected(loaded.error());

    QJsonObject report {{QStringLiteral("bench"), QStringLiteral("sync")},
        {QStringLiteral("members"), gym->members.size()}, {QStringLiteral("cards"), gym->cards.size()},
        {QStringLiteral("hub_load"), pushJson(*loaded)}};

    // Desk B joins: enrollment, then its first round pulls everything.
    Result<Desk> b = newDesk(root, QStringLiteral("desk-b"));
    if (!b)
        return std::unexpected(b.error());
    Result<HubCredentials> credentialsB = enroll(*b, hub, adminToken, clock);
    if (!credentialsB)
        return std::unexpected(credentialsB.error());
    {
        SyncEngine engine(engineOptions(*b, false), clock);
        if (Status started = engine.start(); !started)
            return std::unexpected(started.error());
        Result<QJsonObject> first = timeRound(engine);
        if (!first)
            return std::unexpected(first.error());
        report.insert(QStringLiteral("first_sync"), *first);

        // Another desk edits `changes` members; B's next round pulls them.
        const QList<QJsonObject> edits
            = renamed(gym->members, options.changes, QStringLiteral("Edited"), clock.nowMs());
        if (Result<PushFigures> pushed
            = pushGymEvents(hub, loaderToken, kLoader, QStringLiteral("member.updated"), edits, 500);
            !pushed)
            return std::unexpected(pushed.error());
        Result<QJsonObject> pulled = timeRound(engine);
        if (!pulled)
            return std::unexpected(pulled.error());
        report.insert(QStringLiteral("pull_changes"), *pulled);
    }

    // Desk A: a copy of B after its first sync, enrolled as a device of its own.
    Result<Desk> a
        = newDesk(root, QStringLiteral("desk-a"), QDir(b->keyDirectory).filePath(QStringLiteral("data.key")));
    if (!a)
        return std::unexpected(a.error());
    a->db.reset();
    QFile::remove(a->databasePath);
    if (Status copied = b->db->backupTo(a->databasePath); !copied)
        return std::unexpected(copied.error());
    Result<std::unique_ptr<Database>> reopened = openDatabase(a->databasePath);
    if (!reopened)
        return std::unexpected(reopened.error());
    a->db = std::move(*reopened);
    if (Result<HubCredentials> credentialsA = enroll(*a, hub, adminToken, clock); !credentialsA)
        return std::unexpected(credentialsA.error());

    // `queued` events waiting at desk B (it was offline), pushed by the outbox pump.
    if (Status queued = queueEvents(
            *b->db, renamed(gym->members, options.queued, QStringLiteral("Queued"), clock.nowMs()), clock.nowMs());
        !queued)
        return std::unexpected(queued.error());
    Result<QJsonObject> push = timePush(*b, *credentialsB, clock);
    if (!push)
        return std::unexpected(push.error());
    report.insert(QStringLiteral("push_queued"), *push);

    Result<QJsonObject> propagation = timePropagation(*a, *b, gym->members, options.propagations, clock);
    if (!propagation)
        return std::unexpected(propagation.error());
    report.insert(QStringLiteral("propagation"), *propagation);
    report.insert(QStringLiteral("rss_kb"), residentKb());
    hub.stop();
    return report;
}

} // namespace gymgate
