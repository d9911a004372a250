#include "GymGenerator.h"

#include "core/FieldCipher.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <sqlite3.h>

#include <functional>

#include "BookingBuilder.h"
#include "CatalogBuilder.h"
#include "DemoScenarios.h"
#include "EntryBuilder.h"
#include "MemberBuilder.h"
#include "Progress.h"
#include "SodiumRandomHook.h"
#include "SqlStatement.h"

namespace gymgate {
namespace {

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Datagen)
};

// The tables filled in bulk: their secondary indexes are built once at the end, which is much
// cheaper than keeping them sorted through millions of random-order inserts.
constexpr std::string_view BulkTables = "'member','member_card','sale','credential','booking','entry'";

struct DeferredIndexes {
    std::vector<std::string> createStatements;
};

Result<DeferredIndexes> dropSecondaryIndexes(sqlite3 *db)
{
    DeferredIndexes deferred;
    // The entry log is written in time order, so its time index only ever appends: cheaper to
    // keep than to rebuild from a scan of the whole table.
    const std::string select = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                               "AND name <> 'entry_decided_idx' AND tbl_name IN ("
        + std::string(BulkTables) + ") ORDER BY name";
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, select.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        return fail(ErrorCode::Storage, QString::fromUtf8(sqlite3_errmsg(db)));
    std::vector<std::string> names;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        names.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        deferred.createStatements.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(statement, 1)));
    }
    sqlite3_finalize(statement);
    for (const std::string &name : names) {
        if (Status status = execSql(db, "DROP INDEX \"" + name + "\""); !status)
            return std::unexpected(status.error());
    }
    return deferred;
}

Status inTransaction(sqlite3 *db, const std::function<Status()> &work)
{
    if (Status begun = execSql(db, "BEGIN"); !begun)
        return begun;
    Status status = work();
    if (!status) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return status;
    }
    return execSql(db, "COMMIT");
}

QJsonObject summary(const DatagenOptions &options, const GymModel &model, qint64 elapsedMs)
{
    return QJsonObject {
        {QStringLiteral("db"), QFileInfo(options.databasePath).absoluteFilePath()},
        {QStringLiteral("seed"), QString::number(options.seed)},
        {QStringLiteral("now"), QDateTime::fromMSecsSinceEpoch(options.nowMs, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("members"), qint64(model.members.size())},
        {QStringLiteral("cards"), qint64(model.cards.size())},
        {QStringLiteral("products"), qint64(model.products.size())},
        {QStringLiteral("venues"), qint64(model.venues.size())},
        {QStringLiteral("gates"), qint64(model.venues.size())},
        {QStringLiteral("courses"), qint64(model.courses.size())},
        {QStringLiteral("courseSlots"), qint64(model.courseSlots.size())},
        {QStringLiteral("bookings"), model.bookingRows},
        {QStringLiteral("entries"), model.entryRows},
        {QStringLiteral("credentials"), model.credentialRows},
        {QStringLiteral("sales"), model.saleRows},
        {QStringLiteral("fileBytes"), QFileInfo(options.databasePath).size()},
        {QStringLiteral("elapsedMs"), elapsedMs},
    };
}

} // namespace

Status GymGenerator::prepareDatabaseFile() const
{
    const QFileInfo file(m_options.databasePath);
    if (file.exists() && file.size() > 0) {
        if (!m_options.force)
            return fail(ErrorCode::AlreadyExists,
                Text::tr("The database %1 already exists. Use --force to delete it and generate a new one.")
                    .arg(m_options.databasePath),
                QStringLiteral("db"));
        removeDatabaseFiles();
        if (QFileInfo::exists(m_options.databasePath))
            return fail(ErrorCode::Io, Text::tr("Cannot delete the database %1.").arg(m_options.databasePath),
                QStringLiteral("db"));
    }
    if (!QDir().mkpath(file.absolutePath()))
        return fail(
            ErrorCode::Io, Text::tr("Cannot create the folder %1.").arg(file.absolutePath()), QStringLiteral("db"));
    return {};
}

void GymGenerator::removeDatabaseFiles() const
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(m_options.databasePath + QLatin1String(suffix));
}

Result<QJsonObject> GymGenerator::run()
{
    if (Status prepared = prepareDatabaseFile(); !prepared)
        return std::unexpected(prepared.error());
    Result<QJsonObject> result = generate();
    if (!result)
        removeDatabaseFiles(); // never leave half a gym behind
    return result;
}

Result<SiteKeys> GymGenerator::loadKeys() const
{
    const QDir keyDir(m_options.keyDirectory);
    if (!QDir().mkpath(keyDir.absolutePath()))
        return fail(ErrorCode::Io, Text::tr("Cannot create the key folder %1.").arg(keyDir.absolutePath()),
            QStringLiteral("key-dir"));
    auto cipher = FieldCipher::loadOrCreateKeyFile(keyDir.filePath(QStringLiteral("data.key")));
    if (!cipher)
        return std::unexpected(cipher.error());
    auto signingKey
        = SigningKey::loadOrCreateKeyFile(keyDir.filePath(QStringLiteral("signing.key")), m_options.keyId());
    if (!signingKey)
        return std::unexpected(signingKey.error());
    return SiteKeys {std::move(*cipher), std::move(*signingKey)};
}

// Opens the new file through the store (schema and migrations), then sets it up for a bulk
// load: a fresh file that is deleted on any failure needs no journal while it is filled, and
// every reference is consistent by construction (tst_datagen runs foreign_key_check), so the
// per-row foreign key lookups are skipped.
Result<std::unique_ptr<Database>> GymGenerator::openForBulkLoad() const
{
    Database::Options options;
    options.path = m_options.databasePath;
    options.fullSync = false;
    auto database = Database::open(options);
    if (!database)
        return database;
    for (const char *pragma : {"PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF", "PRAGMA foreign_keys=OFF",
             "PRAGMA cache_size=-524288", "PRAGMA mmap_size=4294967296", "PRAGMA temp_store=MEMORY"}) {
        if (Status status = execSql((*database)->handle(), pragma); !status)
            return std::unexpected(status.error());
    }
    return database;
}

Status GymGenerator::finishBulkLoad(sqlite3 *db, const std::vector<std::string> &indexes, Progress &progress) const
{
    progress.begin(Text::tr("indexes"), qint64(indexes.size()));
    for (const std::string &create : indexes) {
        if (Status status = execSql(db, create); !status)
            return status;
    }
    progress.end();
    // Back to the journal mode every GymGate process expects (it is stored in the file).
    return execSql(db, "PRAGMA journal_mode=WAL");
}

Result<QJsonObject> GymGenerator::generate()
{
    Progress progress(m_options.quiet);
    auto keys = loadKeys();
    if (!keys)
        return std::unexpected(keys.error());
    SeededRandom random(m_options.seed);
    SodiumRandomHook::setStreamKey(random.bytes(32));
    const QTimeZone zone(datagenTimeZoneId());
    const SiteTime time(m_options.nowMs, zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(m_options.nowMs, zone)));
    GymModel model;
    model.siteNumber = m_options.siteNumber;
    model.siteName = QStringLiteral("GymGate 示范健身房");
    model.deviceId = random.uuid();
    const qint64 openedAtMs = m_options.nowMs - (3 * 365 + 30) * DayMs;

    auto database = openForBulkLoad();
    if (!database)
        return std::unexpected(database.error());
    sqlite3 *db = (*database)->handle();
    auto deferred = dropSecondaryIndexes(db);
    if (!deferred)
        return std::unexpected(deferred.error());

    CatalogBuilder catalog(model, random, m_options, time);
    catalog.build();
    MemberBuilder members(model, random, m_options, time, progress);
    BookingBuilder bookings(model, random, m_options, time, progress);
    EntryBuilder entries(model, random, m_options, time, progress);
    const std::array<std::function<Status()>, 6> stages = {
        [&] { return catalog.write(db, openedAtMs); },
        [&] { return members.writeMembers(db, keys->cipher); },
        [&] { return members.writeCards(db); },
        [&] { return members.writeCredentials(db, keys->signingKey, openedAtMs); },
        [&] { return bookings.write(db); },
        [&] { return entries.write(db); },
    };
    for (const auto &stage : stages) {
        if (Status status = inTransaction(db, stage); !status)
            return std::unexpected(status.error());
    }
    if (Status status = finishBulkLoad(db, deferred->createStatements, progress); !status)
        return std::unexpected(status.error());
    database->reset(); // close before measuring the file

    if (!m_options.codesPath.isEmpty()) {
        const DemoScenarios demo(model, time, m_options.keyId(), members.liveCodes(), members.revokedCodes());
        if (Status written = demo.writeFile(m_options.codesPath); !written)
            return std::unexpected(written.error());
    }
    return summary(m_options, model, progress.elapsedMs());
}

} // namespace gymgate
