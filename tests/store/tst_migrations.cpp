#include "store/Database.h"
#include "store/MemberRepository.h"
#include "store/StoreTestSupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace gymgate;
using namespace gymgate::test;

namespace {

bool hasColumn(Database &db, const QString &table, const QString &column)
{
    return db.connection().record(table).contains(column);
}

bool hasIndex(Database &db, const QString &index)
{
    return queryValue(db,
               QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '") + index
                   + QLatin1Char('\''))
               .toInt()
        == 1;
}

// Writes with a plain SQLite connection, outside GymGate, as a newer program or an attacker would.
bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

QList<Migration> testMigrations(bool brokenSecondStep)
{
    return {
        Migration {1, QStringLiteral("0001_a.sql"), QStringLiteral("CREATE TABLE a (x INTEGER);")},
        Migration {2, QStringLiteral("0002_b.sql"),
            brokenSecondStep ? QStringLiteral("CREATE TABLE b (y INTEGER); ALTER TABLE a ADD COLUMN z TEXT; "
                                              "INSERT INTO no_such_table VALUES (1);")
                             : QStringLiteral("CREATE TABLE b (y INTEGER);")},
    };
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT

private slots:
    void embeddedMigrationsAreNumbered();
    void freshDatabaseHasTable_data();
    void freshDatabaseHasTable();
    void freshDatabasePragmas();
    void normalSyncWhenAsked();
    void manualCheckpointWhenAutoCheckpointIsOff();
    void upgradeFromVersion1KeepsDataAndBacksUp();
    void upgradeFromVersion4KeepsBookingsAndAddsSync();
    void upgradeFromVersion5AddsReportIndexes();
    void newerVersionRefusedAndFileUntouched();
    void brokenMigrationLeavesOldVersion();
    void gapInMigrationsRefused();
    void targetAboveLatestRefused();
    void inspectOnlyDoesNotCreateFiles();
    void backupAndIntegrity();
    void transactionNestsAsSavepoint();

private:
    QTemporaryDir m_dir;
};

void TestMigrations::embeddedMigrationsAreNumbered()
{
    const Result<QList<Migration>> steps = Database::builtInMigrations();
    QVERIFY2(steps.has_value(), steps ? "" : qPrintable(steps.error().toString()));
    QVERIFY(steps->size() >= 3);
    for (qsizetype i = 0; i < steps->size(); ++i)
        QCOMPARE(steps->at(i).version, i + 1);
    QCOMPARE(Database::latestSchemaVersion(), steps->constLast().version);
    QCOMPARE(steps->constFirst().name, QStringLiteral("0001_initial.sql"));
}

void TestMigrations::freshDatabaseHasTable_data()
{
    QTest::addColumn<QString>("table");
    for (const char *table :
        {"setting", "staff_user", "member", "card_product", "member_card", "trusted_key", "credential", "used_nonce",
            "venue", "maintenance", "course", "course_slot", "booking", "waitlist", "gate", "entry", "zone_occupancy",
            "sale", "outbox", "dead_letter", "sync_state", "audit_log", "feedback", "sync_notice"})
        QTest::newRow(table) << QString::fromLatin1(table);
}

void TestMigrations::freshDatabaseHasTable()
{
    QFETCH(QString, table);
    const QString path = m_dir.filePath(QStringLiteral("fresh-%1.db").arg(table));
    std::unique_ptr<Database> db = openDatabase(path);
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(db->initialSchemaVersion(), 0);
    QVERIFY(db->migrationBackupPath().isEmpty());
    QVERIFY2(db->tableNames().contains(table), qPrintable(db->tableNames().join(QLatin1Char(','))));
}

void TestMigrations::freshDatabasePragmas()
{
    std::unique_ptr<Database> db = openDatabase(m_dir.filePath(QStringLiteral("pragmas.db")));
    QVERIFY(db);
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA user_version")).toInt(), Database::latestSchemaVersion());
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    QVERIFY(queryValue(*db, QStringLiteral("PRAGMA busy_timeout")).toInt() > 0);
    QVERIFY(hasColumn(*db, QStringLiteral("entry"), QStringLiteral("annul_reason")));
    QVERIFY(hasIndex(*db, QStringLiteral("entry_member_zone_idx")));
    QVERIFY(!db->inTransaction());
}

void TestMigrations::normalSyncWhenAsked()
{
    Database::Options options;
    options.path = m_dir.filePath(QStringLiteral("normal.db"));
    options.fullSync = false;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    QVERIFY(db.has_value());
    QCOMPARE(queryValue(**db, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
}

void TestMigrations::manualCheckpointWhenAutoCheckpointIsOff()
{
    Database::Options options;
    options.path = m_dir.filePath(QStringLiteral("checkpoint.db"));
    options.autoCheckpoint = false;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    QVERIFY(db.has_value());
    QCOMPARE(queryValue(**db, QStringLiteral("PRAGMA wal_autocheckpoint")).toInt(), 0);
    // 2000 pages would have crossed SQLite's automatic threshold of 1000 pages several times.
    QVERIFY((*db)->exec(QStringLiteral("CREATE TABLE filler (blob BLOB)")).has_value());
    for (int i = 0; i < 200; ++i)
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO filler VALUES (randomblob(40000))")).has_value());
    Result<int> copied = (*db)->checkpoint();
    QVERIFY(copied.has_value());
    QVERIFY2(*copied > 1000, qPrintable(QString::number(*copied)));
    Result<int> again = (*db)->checkpoint();
    QVERIFY(again.has_value());
    QCOMPARE(*again, *copied); // nothing new: the same frames, already copied
    QCOMPARE(queryValue(**db, QStringLiteral("SELECT count(*) FROM filler")).toInt(), 200);
}

void TestMigrations::upgradeFromVersion1KeepsDataAndBacksUp()
{
    const QString path = m_dir.filePath(QStringLiteral("upgrade.db"));
    QString memberId;
    {
        std::unique_ptr<Database> db = openDatabase(path, 1);
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), 1);
        QVERIFY(!hasColumn(*db, QStringLiteral("entry"), QStringLiteral("annul_reason")));
        Result<Member> member = MemberRepository(*db).insert(
            makeMember(QStringLiteral("M1000"), QStringLiteral("Li Na"), QStringLiteral("13800138000")));
        QVERIFY(member.has_value());
        memberId = member->id;
        QVERIFY(db->exec(QStringLiteral("INSERT INTO entry (id, zone_id, direction, status, reason, decided_at) "
                                        "VALUES ('e1', 'z1', 'in', 'passed', 'granted', 1000)"))
                    .has_value());
    }
    std::unique_ptr<Database> db = openDatabase(path);
    QVERIFY(db);
    QCOMPARE(db->initialSchemaVersion(), 1);
    QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA user_version")).toInt(), Database::latestSchemaVersion());

    // Data kept, new column (with its default on old rows) and indexes present.
    Result<std::optional<Member>> member = MemberRepository(*db).findById(memberId);
    QVERIFY(member.has_value() && member->has_value());
    QCOMPARE((*member)->name, QStringLiteral("Li Na"));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT annul_reason FROM entry WHERE id = 'e1'")).toString(), QString());
    QCOMPARE(rowCount(*db, QStringLiteral("entry")), 1);
    QVERIFY(hasIndex(*db, QStringLiteral("entry_member_zone_idx")));
    QVERIFY(hasIndex(*db, QStringLiteral("booking_slot_idx")));

    // The backup is the version 1 file, named <path>.v1-<yyyyMMddHHmmss>.bak.
    const QString backupPath = db->migrationBackupPath();
    QVERIFY(QFileInfo::exists(backupPath));
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^") + QRegularExpression::escape(path) + QStringLiteral("\\.v1-\\d{14}\\.bak$"))
                 .match(backupPath)
                 .hasMatch(),
        qPrintable(backupPath));
    Database::Options options;
    options.path = backupPath;
    options.inspectOnly = true;
    Result<std::unique_ptr<Database>> backup = Database::open(options);
    QVERIFY(backup.has_value());
    QCOMPARE((*backup)->schemaVersion(), 1);
    QCOMPARE(rowCount(**backup, QStringLiteral("member")), 1);
    QVERIFY(!hasColumn(**backup, QStringLiteral("entry"), QStringLiteral("annul_reason")));
}

void TestMigrations::upgradeFromVersion4KeepsBookingsAndAddsSync()
{
    const QString path = m_dir.filePath(QStringLiteral("upgrade-v4.db"));
    {
        std::unique_ptr<Database> db = openDatabase(path, 4);
        QVERIFY(db);
        QVERIFY(
            db->execScript(
                  QStringLiteral("INSERT INTO member (id, member_no, name, phone_cipher, phone_hash, phone_mask, "
                                 "created_at, updated_at) VALUES ('m1', 'M1', 'Li', x'01', x'02', '138****0000', 1, 1);"
                                 "INSERT INTO venue (id, name, kind, created_at, updated_at) "
                                 "VALUES ('v1', 'Court', 'court', 1, 1);"
                                 "INSERT INTO booking (id, booking_no, member_id, venue_id, start_at, end_at, status, "
                                 "created_at, updated_at) VALUES ('b1', 'B1', 'm1', 'v1', 10, 20, 'booked', 1, 1);"
                                 "INSERT INTO staff_user (id, username, display_name, password_hash, role, "
                                 "created_at, updated_at) VALUES ('s1', 'ann', 'Ann', 'h', 'admin', 1, 1);"))
                .has_value());
        QVERIFY(!db->exec(QStringLiteral("UPDATE booking SET status = 'rejected' WHERE id = 'b1'")).has_value());
    }
    std::unique_ptr<Database> db = openDatabase(path);
    QVERIFY(db);
    QCOMPARE(db->initialSchemaVersion(), 4);
    QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(
        queryValue(*db, QStringLiteral("SELECT booking_no || '|' || status FROM booking WHERE id = 'b1'")).toString(),
        QStringLiteral("B1|booked"));
    QVERIFY(db->exec(QStringLiteral("UPDATE booking SET status = 'rejected' WHERE id = 'b1'")).has_value());
    QVERIFY(!db->exec(QStringLiteral("UPDATE booking SET status = 'lost' WHERE id = 'b1'")).has_value());
    // The rebuilt table keeps its indexes and its foreign keys.
    QVERIFY(hasIndex(*db, QStringLiteral("booking_member_idx")));
    QVERIFY(hasIndex(*db, QStringLiteral("booking_venue_idx")));
    QVERIFY(hasIndex(*db, QStringLiteral("booking_slot_idx")));
    QVERIFY(!db->exec(QStringLiteral("INSERT INTO booking (id, booking_no, member_id, venue_id, start_at, end_at, "
                                     "status, created_at, updated_at) VALUES ('b2', 'B2', 'nobody', 'v1', 10, 20, "
                                     "'booked', 1, 1)"))
                 .has_value());
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT origin FROM staff_user WHERE id = 's1'")).toString(),
        QStringLiteral("local"));
    QVERIFY(!db->exec(QStringLiteral("UPDATE staff_user SET origin = 'elsewhere'")).has_value());
    QVERIFY(db->exec(QStringLiteral("INSERT INTO sync_notice (kind, message, created_at) VALUES ('pull_conflict', "
                                    "'x', 1)"))
                .has_value());
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT detail FROM sync_notice")).toString(), QStringLiteral("{}"));
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA foreign_key_check")).toString(), QString());
}

// Version 6: the reports' covering indexes; the partial ones hold exactly their rows.
void TestMigrations::upgradeFromVersion5AddsReportIndexes()
{
    const QString path = m_dir.filePath(QStringLiteral("upgrade-v5.db"));
    {
        std::unique_ptr<Database> db = openDatabase(path, 5);
        QVERIFY(db);
        QVERIFY(db->execScript(QStringLiteral("INSERT INTO entry (id, zone_id, direction, member_id, status, reason, "
                                              "decided_at) VALUES ('e1', 'v1', 'in', 'm1', 'passed', 'ok', 10), "
                                              "('e2', 'v1', 'in', 'm1', 'denied', 'card.expired', 11);"))
                    .has_value());
    }
    std::unique_ptr<Database> db = openDatabase(path);
    QVERIFY(db);
    QCOMPARE(db->initialSchemaVersion(), 5);
    for (const char *index : {"entry_checkin_idx", "entry_denied_idx", "booking_start_idx", "booking_slot_idx"})
        QVERIFY2(hasIndex(*db, QString::fromLatin1(index)), index);
    QCOMPARE(queryValue(*db,
                 QStringLiteral("SELECT count(*) FROM entry INDEXED BY entry_checkin_idx WHERE "
                                "direction = 'in' AND status = 'passed'"))
                 .toInt(),
        1);
    QCOMPARE(queryValue(*db,
                 QStringLiteral("SELECT reason FROM entry INDEXED BY entry_denied_idx WHERE "
                                "direction = 'in' AND status = 'denied'"))
                 .toString(),
        QStringLiteral("card.expired"));
}

void TestMigrations::newerVersionRefusedAndFileUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.db"));
    QVERIFY(openDatabase(path));
    QVERIFY(rawExec(path, "PRAGMA user_version = 99"));
    const QByteArray before = readFile(path);
    QVERIFY(!before.isEmpty());
    const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files);

    Database::Options options;
    options.path = path;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, ErrorCode::SchemaTooNew);
    QVERIFY2(db.error().message.contains(QStringLiteral("99")), qPrintable(db.error().message));
    QVERIFY(db.error().message.contains(QString::number(Database::latestSchemaVersion())));
    db = Result<std::unique_ptr<Database>>(); // close before comparing
    QCOMPARE(readFile(path), before);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), filesBefore); // no backup, no leftovers
}

void TestMigrations::brokenMigrationLeavesOldVersion()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.db"));
    Database::Options options;
    options.path = path;
    options.migrations = testMigrations(false);
    options.targetVersion = 1;
    {
        Result<std::unique_ptr<Database>> db = Database::open(options);
        QVERIFY(db.has_value());
        QCOMPARE((*db)->schemaVersion(), 1);
        QVERIFY((*db)->exec(QStringLiteral("INSERT INTO a (x) VALUES (42)")).has_value());
    }
    options.migrations = testMigrations(true);
    options.targetVersion = -1;
    {
        Result<std::unique_ptr<Database>> db = Database::open(options);
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().code, ErrorCode::Migration);
        QVERIFY2(db.error().message.contains(QStringLiteral("0002_b.sql")), qPrintable(db.error().message));
    }
    options.inspectOnly = true;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    QVERIFY(db.has_value());
    QCOMPARE((*db)->schemaVersion(), 1);
    QVERIFY(!(*db)->tableNames().contains(QStringLiteral("b"))); // the first statements were undone too
    QVERIFY(!hasColumn(**db, QStringLiteral("a"), QStringLiteral("z")));
    QCOMPARE(queryValue(**db, QStringLiteral("SELECT x FROM a")).toInt(), 42);
}

void TestMigrations::gapInMigrationsRefused()
{
    Database::Options options;
    options.path = m_dir.filePath(QStringLiteral("gap.db"));
    options.migrations
        = QList<Migration> {Migration {1, QStringLiteral("0001_a.sql"), QStringLiteral("CREATE TABLE a (x);")},
            Migration {3, QStringLiteral("0003_c.sql"), QStringLiteral("CREATE TABLE c (x);")}};
    Result<std::unique_ptr<Database>> db = Database::open(options);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, ErrorCode::Migration);
}

void TestMigrations::targetAboveLatestRefused()
{
    Database::Options options;
    options.path = m_dir.filePath(QStringLiteral("target.db"));
    options.targetVersion = Database::latestSchemaVersion() + 1;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(db.error().field, QStringLiteral("targetVersion"));
}

void TestMigrations::inspectOnlyDoesNotCreateFiles()
{
    Database::Options options;
    options.path = m_dir.filePath(QStringLiteral("missing.db"));
    options.inspectOnly = true;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, ErrorCode::NotFound);
    QVERIFY(!QFileInfo::exists(options.path));
}

void TestMigrations::backupAndIntegrity()
{
    std::unique_ptr<Database> db = openDatabase(m_dir.filePath(QStringLiteral("source.db")));
    QVERIFY(db);
    QVERIFY(MemberRepository(*db)
                .insert(makeMember(QStringLiteral("M2000"), QStringLiteral("Wang Fang"), QStringLiteral("13900139000")))
                .has_value());
    const Result<QString> integrity = db->integrityCheck();
    QVERIFY(integrity.has_value());
    QCOMPARE(*integrity, QStringLiteral("ok"));

    const QString target = m_dir.filePath(QStringLiteral("copy.db"));
    QVERIFY(db->backupTo(target).has_value());
    QCOMPARE(db->backupTo(db->path()).error().code, ErrorCode::InvalidArgument);
    std::unique_ptr<Database> copy = openDatabase(target);
    QVERIFY(copy);
    QCOMPARE(copy->schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(rowCount(*copy, QStringLiteral("member")), 1);
}

void TestMigrations::transactionNestsAsSavepoint()
{
    std::unique_ptr<Database> db = openDatabase(m_dir.filePath(QStringLiteral("nested.db")));
    QVERIFY(db);
    const auto insertSetting = [&](const char *key) {
        return db->exec(QStringLiteral("INSERT INTO setting (key, value, updated_at) VALUES ('%1', 'v', 1)")
                            .arg(QString::fromLatin1(key)));
    };
    const Status outer = db->transaction([&]() -> Status {
        if (Status done = insertSetting("outer"); !done)
            return done;
        const Status inner = db->transaction([&]() -> Status {
            if (Status done = insertSetting("inner"); !done)
                return done;
            return fail(ErrorCode::Conflict, QStringLiteral("inner fails"));
        });
        if (inner || inner.error().code != ErrorCode::Conflict)
            return fail(ErrorCode::Internal, QStringLiteral("inner error not passed on"));
        return db->inTransaction() ? Status() : fail(ErrorCode::Internal, QStringLiteral("outer transaction ended"));
    });
    QVERIFY2(outer.has_value(), outer ? "" : qPrintable(outer.error().toString()));
    QCOMPARE(rowCount(*db, QStringLiteral("setting WHERE key = 'outer'")), 1);
    QCOMPARE(rowCount(*db, QStringLiteral("setting WHERE key = 'inner'")), 0);
    QVERIFY(!db->inTransaction());

    const Status failed = db->transaction([&]() -> Status {
        if (Status done = insertSetting("rolled_back"); !done)
            return done;
        return fail(ErrorCode::Conflict, QStringLiteral("no"));
    });
    QCOMPARE(failed.error().code, ErrorCode::Conflict);
    QCOMPARE(rowCount(*db, QStringLiteral("setting WHERE key = 'rolled_back'")), 0);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
