#include "DecideBench.h"

#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/DecisionService.h"
#include "store/Database.h"
#include "store/GateRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlAccessDataSource.h"
#include "store/SqlEntryLedger.h"
#include "store/SqlTrustStore.h"
#include "store/VenueRepository.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

#include "BenchStats.h"

namespace gymgate {
namespace {

Result<qint64> countRows(Database &db, const QString &table)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return fail(ErrorCode::Storage, QStringLiteral("cannot count %1").arg(table));
    return query.value(0).toLongLong();
}

// Codes of distinct members in a random but repeatable order.
Result<QList<QByteArray>> sampleCodes(Database &db, int count, quint64 seed)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT code FROM credential WHERE revoked_at IS NULL AND type = 'card' "
                                 "ORDER BY (rowid * :seed) % 1000003 LIMIT :count"));
    query.bindValue(QStringLiteral(":seed"), qint64(seed % 1000003 + 7919));
    query.bindValue(QStringLiteral(":count"), count);
    if (!query.exec())
        return fail(ErrorCode::Storage, QStringLiteral("cannot read credentials"));
    QList<QByteArray> codes;
    while (query.next())
        codes.append(query.value(0).toString().toLatin1());
    if (codes.size() < count)
        return fail(ErrorCode::NotFound,
            QStringLiteral("the gym has %1 member codes, the bench needs %2").arg(codes.size()).arg(count));
    return codes;
}

// The main entrance, where most scans of a gym happen.
Result<GateContext> mainGate(Database &db)
{
    Result<std::optional<GateConfig>> gate = GateRepository(db).mainEntrance();
    if (!gate)
        return std::unexpected(gate.error());
    if (!*gate)
        return fail(ErrorCode::NotFound, QStringLiteral("no entry gate into a gym floor in the database"));
    return GateContext {(*gate)->id, (*gate)->zoneId, Direction::In};
}

QVariantMap toVariantMap(const QMap<QString, int> &counts)
{
    QVariantMap map;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

} // namespace

Result<QJsonObject> runDecideBench(const DecideBenchOptions &options)
{
    if (!QFileInfo::exists(options.databasePath))
        return fail(ErrorCode::NotFound, QStringLiteral("no database at %1").arg(options.databasePath));
    Database::Options databaseOptions;
    databaseOptions.path = options.databasePath;
    databaseOptions.autoCheckpoint = false; // as the entry controller: checkpoints between scans
    Result<std::unique_ptr<Database>> opened = Database::open(databaseOptions);
    if (!opened)
        return std::unexpected(opened.error());
    Database &db = **opened;

    SettingRepository settings(db);
    const QTimeZone siteTimeZone(
        settings.value(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai")).toUtf8());
    Result<GateContext> gate = mainGate(db);
    if (!gate)
        return std::unexpected(gate.error());
    Result<QList<QByteArray>> codes = sampleCodes(db, options.warmup + options.iterations, options.seed);
    if (!codes)
        return std::unexpected(codes.error());

    SystemClock systemClock;
    const OffsetClock clock(systemClock, options.clockStartMs ? options.clockStartMs - systemClock.nowMs() : 0);
    SqlTrustStore trust(db);
    CredentialVerifier verifier(trust, clock);
    SqlAccessDataSource data(db);
    SqlEntryLedger ledger(db);
    DecisionService decisions(verifier, data, ledger, clock, AccessPolicy(), siteTimeZone);

    QList<qint64> samplesNs;
    samplesNs.reserve(options.iterations);
    int granted = 0;
    QMap<QString, int> reasons;
    QElapsedTimer timer;
    for (qsizetype i = 0; i < codes->size(); ++i) {
        timer.start();
        Result<ScanResult> result = decisions.decide(codes->at(i), *gate);
        const qint64 elapsedNs = timer.nsecsElapsed();
        if (!result)
            return std::unexpected(result.error());
        if (i % 50 == 49) { // the controller's idle-time checkpoint, outside the measured decision
            if (Result<int> copied = db.checkpoint(); !copied)
                return std::unexpected(copied.error());
        }
        if (i < options.warmup)
            continue;
        samplesNs.append(elapsedNs);
        granted += result->decision.isGranted() ? 1 : 0;
        reasons[QString::fromLatin1(accessReasonCode(result->decision.reason))] += 1;
    }

    QJsonObject gym;
    for (const char *table : {"member", "member_card", "booking", "entry"}) {
        Result<qint64> rows = countRows(db, QString::fromLatin1(table));
        if (!rows)
            return std::unexpected(rows.error());
        gym.insert(QString::fromLatin1(table), *rows);
    }
    QJsonObject report {{QStringLiteral("bench"), QStringLiteral("decide")}, {QStringLiteral("gym"), gym},
        {QStringLiteral("granted"), granted}, {QStringLiteral("denied"), options.iterations - granted},
        {QStringLiteral("reasons"), QJsonObject::fromVariantMap(toVariantMap(reasons))},
        {QStringLiteral("latency"), summarize(samplesNs).toJson()}, {QStringLiteral("rss_kb"), residentKb()},
        {QStringLiteral("synchronous"), QStringLiteral("FULL")}};
    return report;
}

} // namespace gymgate
