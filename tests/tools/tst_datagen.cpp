// gymgate-datagen run as a process: what it writes, that it is reproducible, that it refuses
// to overwrite, and that its member codes verify with the key it stores.
#include "core/CredentialVerifier.h"
#include "core/FieldCipher.h"
#include "core/MemoryTrustStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;

namespace {

constexpr int Members = 300;
const QString Now = QStringLiteral("2026-03-04T10:05:00+08:00"); // a Wednesday morning, every zone open
const QString NowUtc = QStringLiteral("2026-03-04T02:05:00Z");

struct ToolRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// One read-only connection to a generated file, closed when it goes out of scope.
class Reader {
public:
    explicit Reader(const QString &path) : m_name(QStringLiteral("reader-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
    }
    ~Reader() { QSqlDatabase::removeDatabase(m_name); }
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    qint64 scalar(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    QList<QVariantList> rows(const QString &sql) const
    {
        QList<QVariantList> out;
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql))
            return out;
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
            out.append(row);
        }
        return out;
    }

    // The table as text, in id order: equal dumps mean equal content.
    QStringList dump(const QString &table) const
    {
        QStringList lines;
        for (const QVariantList &row : rows(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table))) {
            QStringList cells;
            for (const QVariant &cell : row)
                cells.append(cell.typeId() == QMetaType::QByteArray ? QString::fromLatin1(cell.toByteArray().toHex())
                                                                    : cell.toString());
            lines.append(cells.join(QLatin1Char('|')));
        }
        return lines;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

} // namespace

class TestDatagen : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void summaryCountsMatchTheTables();
    void settingsForTheSite();
    void cardStatesAndKinds_data();
    void cardStatesAndKinds();
    void phoneNumbersAreValidUniqueAndEncrypted();
    void humanNumbersCarryTheSite();
    void otherSiteNumber();
    void bookingsAreConsistent();
    void entryLogIsConsistent();
    void sameSeedSameGym_data();
    void sameSeedSameGym();
    void refusesExistingDatabaseWithoutForce();
    void memberCodesVerifyWithStoredKey();
    void demoCodesFile();
    void keyFilesAreOwnerOnly();
    void badOptions_data();
    void badOptions();

private:
    ToolRun run(const QStringList &arguments) const;
    ToolRun generate(const QString &db, const QStringList &extra = {}) const;

    QTemporaryDir m_dir;
    QString m_tool;
    QString m_db;
    QJsonObject m_summary;
};

ToolRun TestDatagen::run(const QStringList &arguments) const
{
    QProcess process;
    process.start(m_tool, arguments);
    ToolRun result;
    if (!process.waitForFinished(60'000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

ToolRun TestDatagen::generate(const QString &db, const QStringList &extra) const
{
    return run(QStringList {QStringLiteral("--db"), db, QStringLiteral("--members"), QString::number(Members),
                   QStringLiteral("--now"), Now, QStringLiteral("--quiet")}
        + extra);
}

void TestDatagen::initTestCase()
{
    const QString binaryDir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("GYMGATE_BINARY_DIR"));
    QVERIFY2(!binaryDir.isEmpty(), "GYMGATE_BINARY_DIR is not set; run through ctest");
    m_tool = binaryDir + QStringLiteral("/app/tools/datagen/gymgate-datagen");
    QVERIFY2(QFileInfo(m_tool).isExecutable(), qPrintable(m_tool));
    QVERIFY(m_dir.isValid());

    m_db = m_dir.filePath(QStringLiteral("gym.db"));
    const ToolRun result = generate(m_db, {QStringLiteral("--codes"), m_dir.filePath(QStringLiteral("codes.json"))});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err)); // --quiet
    // Exactly one line of JSON on standard output.
    QCOMPARE(result.out.count(QLatin1Char('\n')), 1);
    QJsonParseError error;
    m_summary = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(result.out));
}

void TestDatagen::summaryCountsMatchTheTables()
{
    const Reader db(m_db);
    // The defaults: 1.5 cards, 10 bookings and 20 entries per member, exactly.
    QCOMPARE(m_summary.value(QStringLiteral("members")).toInteger(), Members);
    QCOMPARE(m_summary.value(QStringLiteral("cards")).toInteger(), Members * 3 / 2);
    QCOMPARE(m_summary.value(QStringLiteral("bookings")).toInteger(), Members * 10);
    QCOMPARE(m_summary.value(QStringLiteral("entries")).toInteger(), Members * 20);
    const std::array<std::pair<const char *, const char *>, 7> tables = {{
        {"members", "member"},
        {"cards", "member_card"},
        {"bookings", "booking"},
        {"entries", "entry"},
        {"credentials", "credential"},
        {"courseSlots", "course_slot"},
        {"sales", "sale"},
    }};
    for (const auto &[key, table] : tables)
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))),
            m_summary.value(QLatin1String(key)).toInteger());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM gate")),
        db.scalar(QStringLiteral("SELECT count(*) FROM venue")));
    QVERIFY(m_summary.value(QStringLiteral("elapsedMs")).toInteger() >= 0);
    QCOMPARE(m_summary.value(QStringLiteral("fileBytes")).toInteger(), QFileInfo(m_db).size());
    QCOMPARE(m_summary.value(QStringLiteral("now")).toString().left(19), NowUtc.left(19));
}

void TestDatagen::settingsForTheSite()
{
    const Reader db(m_db);
    QHash<QString, QString> settings;
    for (const QVariantList &row : db.rows(QStringLiteral("SELECT key, value FROM setting")))
        settings.insert(row[0].toString(), row[1].toString());
    QCOMPARE(settings.value(QStringLiteral("site.timezone")), QStringLiteral("Asia/Shanghai"));
    QCOMPARE(settings.value(QStringLiteral("site.number")), QStringLiteral("100"));
    QCOMPARE(settings.value(QStringLiteral("access.legacy_codes")), QStringLiteral("1"));
    QVERIFY(!settings.value(QStringLiteral("site.name")).isEmpty());
    QVERIFY(!QUuid::fromString(settings.value(QStringLiteral("device.id"))).isNull());
    // The database is left as the application expects it.
    QCOMPARE(db.rows(QStringLiteral("PRAGMA journal_mode")).value(0).value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(db.rows(QStringLiteral("PRAGMA integrity_check")).value(0).value(0).toString(), QStringLiteral("ok"));
    QVERIFY(db.rows(QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
}

void TestDatagen::cardStatesAndKinds_data()
{
    QTest::addColumn<QString>("where");
    const qint64 now = QDateTime::fromString(Now, Qt::ISODate).toMSecsSinceEpoch();
    const QString nowText = QString::number(now);
    QTest::newRow("active time")
        << QStringLiteral("kind = 'time' AND status = 'active' AND valid_from <= %1 AND valid_to > %1").arg(nowText);
    QTest::newRow("active count") << QStringLiteral("kind = 'count' AND status = 'active' AND visits_left > 0");
    QTest::newRow("active value") << QStringLiteral(
        "kind = 'value' AND status = 'active' AND balance_fen >= per_visit_price_fen");
    QTest::newRow("frozen") << QStringLiteral("status = 'frozen' AND frozen_at IS NOT NULL");
    QTest::newRow("expired") << QStringLiteral("status = 'expired' AND valid_to <= %1").arg(nowText);
    QTest::newRow("cancelled") << QStringLiteral("status = 'cancelled'");
    QTest::newRow("not yet valid") << QStringLiteral("status = 'active' AND valid_from > %1").arg(nowText);
    QTest::newRow("no visits left") << QStringLiteral("kind = 'count' AND status = 'active' AND visits_left = 0");
    QTest::newRow("balance below price") << QStringLiteral(
        "kind = 'value' AND status = 'active' AND balance_fen < per_visit_price_fen");
    QTest::newRow("off-peak window") << QStringLiteral("time_windows LIKE '%09:00%16:00%'");
    QTest::newRow("pool only") << QStringLiteral("zones = (SELECT json_array(id) FROM venue WHERE kind = 'pool')");
}

void TestDatagen::cardStatesAndKinds()
{
    QFETCH(QString, where);
    const Reader db(m_db);
    QVERIFY2(db.scalar(QStringLiteral("SELECT count(*) FROM member_card WHERE ") + where) > 0, qPrintable(where));
    // Windows and zones are the product's, copied at sale.
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT count(*) FROM member_card c JOIN card_product p ON p.id = c.product_id "
                                 "WHERE p.kind <> c.kind OR p.time_windows <> c.time_windows OR p.zones <> c.zones")),
        0);
}

void TestDatagen::phoneNumbersAreValidUniqueAndEncrypted()
{
    auto cipher = FieldCipher::loadOrCreateKeyFile(m_dir.filePath(QStringLiteral("data.key")));
    QVERIFY(cipher);
    const Reader db(m_db);
    static const QRegularExpression mobile(QStringLiteral("^1(3\\d|4[5-9]|5[0-35-9]|66|7[0-8]|8\\d|9[189])\\d{8}$"));
    QSet<QString> phones;
    const QList<QVariantList> rows
        = db.rows(QStringLiteral("SELECT phone_cipher, phone_hash, phone_mask, birthday, gender FROM member"));
    QCOMPARE(rows.size(), Members);
    const QDate today(2026, 3, 4);
    for (const QVariantList &row : rows) {
        auto plain = cipher->decrypt(row[0].toByteArray());
        QVERIFY(plain);
        const QString phone = QString::fromLatin1(*plain);
        QVERIFY2(mobile.match(phone).hasMatch(), qPrintable(phone));
        QVERIFY(isValidChineseMobile(phone));
        QCOMPARE(row[1].toByteArray(), cipher->lookupHash(*plain));
        QCOMPARE(row[2].toString(), maskPhone(phone));
        phones.insert(phone);
        const QDate birthday = QDate::fromString(row[3].toString(), Qt::ISODate);
        QVERIFY(birthday.isValid());
        QVERIFY(birthday.addYears(16) <= today && birthday.addYears(71) > today);
        QVERIFY(row[4].toInt() >= 1 && row[4].toInt() <= 3);
    }
    QCOMPARE(phones.size(), Members);
    // Names are Chinese: a surname and one or two given characters.
    static const QRegularExpression name(QStringLiteral("^\\p{Han}{2,4}$"));
    for (const QVariantList &row : db.rows(QStringLiteral("SELECT name FROM member")))
        QVERIFY2(name.match(row[0].toString()).hasMatch(), qPrintable(row[0].toString()));
    // About one member in ten prefers English; some are blocked or deleted.
    const qint64 english = db.scalar(QStringLiteral("SELECT count(*) FROM member WHERE preferred_language = 'en'"));
    QVERIFY(english > 5 && english < 80);
    QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM member WHERE status = 'blocked'")) > 0);
    QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM member WHERE deleted_at IS NOT NULL")) > 0);
}

void TestDatagen::humanNumbersCarryTheSite()
{
    const Reader db(m_db);
    const std::array<std::tuple<const char *, const char *, const char *>, 4> numbers = {{
        {"member", "member_no", "^M100\\d{7}$"},
        {"member_card", "card_no", "^C100\\d{7}$"},
        {"booking", "booking_no", "^B100\\d{8}$"},
        {"sale", "receipt_no", "^R100\\d{8}$"},
    }};
    for (const auto &[table, column, pattern] : numbers) {
        const QRegularExpression format {QString::fromLatin1(pattern)};
        const QList<QVariantList> rows
            = db.rows(QStringLiteral("SELECT %1 FROM %2").arg(QLatin1String(column), QLatin1String(table)));
        QVERIFY(!rows.isEmpty());
        for (const QVariantList &row : rows)
            QVERIFY2(format.match(row[0].toString()).hasMatch(), qPrintable(row[0].toString()));
    }
    QCOMPARE(db.rows(QStringLiteral("SELECT member_no FROM member ORDER BY member_no LIMIT 1")).value(0).value(0),
        QVariant(QStringLiteral("M1000000001")));
}

void TestDatagen::otherSiteNumber()
{
    const QString path = m_dir.filePath(QStringLiteral("site205/gym.db"));
    const ToolRun result = run({QStringLiteral("--db"), path, QStringLiteral("--members"), QStringLiteral("40"),
        QStringLiteral("--site-number"), QStringLiteral("205"), QStringLiteral("--quiet")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const Reader db(path);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM member WHERE member_no NOT LIKE 'M205_______'")), 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM member_card WHERE card_no NOT LIKE 'C205_______'")), 0);
    QCOMPARE(
        db.rows(QStringLiteral("SELECT kid FROM trusted_key")).value(0).value(0), QVariant(QStringLiteral("site205")));
    QCOMPARE(db.rows(QStringLiteral("SELECT value FROM setting WHERE key = 'site.number'")).value(0).value(0),
        QVariant(QStringLiteral("205")));
    // Keys were written next to that database.
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("site205/data.key"))));
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("site205/signing.key"))));
}

void TestDatagen::bookingsAreConsistent()
{
    const Reader db(m_db);
    QCOMPARE(db.scalar(QStringLiteral(
                 "SELECT count(*) FROM course_slot s WHERE booked_count <> (SELECT count(*) FROM booking b "
                 "WHERE b.slot_id = s.id AND b.status IN ('booked', 'attended', 'no_show'))")),
        0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM course_slot WHERE booked_count > capacity")), 0);
    const qint64 now = QDateTime::fromString(Now, Qt::ISODate).toMSecsSinceEpoch();
    // Past: attended, no-show or cancelled; future: booked or cancelled. Never booked before
    // the member joined or after now.
    for (const char *status : {"attended", "no_show", "cancelled"})
        QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM booking WHERE end_at < %1 AND status = '%2'")
                              .arg(now)
                              .arg(QLatin1String(status)))
            > 0);
    for (const char *status : {"booked", "cancelled"})
        QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM booking WHERE start_at > %1 AND status = '%2'")
                              .arg(now)
                              .arg(QLatin1String(status)))
            > 0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM booking WHERE start_at > %1 AND status IN "
                                      "('attended', 'no_show')")
                           .arg(now)),
        0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM booking b JOIN member m ON m.id = b.member_id "
                                      "WHERE b.created_at < m.created_at OR b.created_at > %1")
                           .arg(now)),
        0);
    QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM booking WHERE slot_id IS NULL")) > 0); // courts
    // Some booking starts within the next 15 minutes in a booking-required zone (the demo).
    QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM booking b JOIN venue v ON v.id = b.venue_id "
                                     "WHERE v.booking_required = 1 AND b.status = 'booked' "
                                     "AND b.start_at BETWEEN %1 AND %1 + 900000")
                          .arg(now))
        >= 2);
    // Course slots span the past 60 days and the next 14.
    QVERIFY(db.scalar(QStringLiteral("SELECT min(start_at) FROM course_slot")) < now - 59LL * 86'400'000);
    QVERIFY(db.scalar(QStringLiteral("SELECT max(start_at) FROM course_slot")) > now + 13LL * 86'400'000);
}

void TestDatagen::entryLogIsConsistent()
{
    const Reader db(m_db);
    const qint64 now = QDateTime::fromString(Now, Qt::ISODate).toMSecsSinceEpoch();
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM entry WHERE decided_at >= %1").arg(now)), 0);
    for (const char *status : {"passed", "denied", "annulled"})
        QVERIFY(
            db.scalar(QStringLiteral("SELECT count(*) FROM entry WHERE status = '%1'").arg(QLatin1String(status))) > 0);
    QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM entry WHERE direction = 'out'")) > 0);
    QVERIFY(db.scalar(QStringLiteral("SELECT count(DISTINCT reason) FROM entry WHERE status = 'denied'")) >= 8);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM entry WHERE status = 'pending'")), 0);
    // Every attended booking has its passage, and every passage with a booking is attended.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM booking b WHERE status = 'attended' AND NOT EXISTS "
                                      "(SELECT 1 FROM entry e WHERE e.booking_id = b.id AND e.status = 'passed')")),
        0);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM entry e JOIN booking b ON b.id = e.booking_id "
                                      "WHERE b.status <> 'attended'")),
        0);
    // The gym floor's occupancy is its passed entries minus its passed exits, within capacity.
    const QList<QVariantList> floor = db.rows(QStringLiteral(
        "SELECT o.inside, v.capacity, (SELECT sum(CASE e.direction WHEN 'in' THEN 1 ELSE -1 END) FROM entry e "
        "WHERE e.zone_id = v.id AND e.status = 'passed') FROM venue v JOIN zone_occupancy o ON o.zone_id = v.id "
        "WHERE v.kind = 'gym_floor'"));
    QCOMPARE(floor.size(), 1);
    QCOMPARE(floor[0][0].toLongLong(), floor[0][2].toLongLong());
    QVERIFY(floor[0][0].toLongLong() > 0 && floor[0][0].toLongLong() < floor[0][1].toLongLong());
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM zone_occupancy")),
        db.scalar(QStringLiteral("SELECT count(*) FROM venue")));
    // Weak legacy scans are marked, and denied reasons are stable codes.
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT count(*) FROM entry WHERE (credential_kind = 'legacy') <> (weak = 1)")), 0);
    for (const QVariantList &row : db.rows(QStringLiteral("SELECT DISTINCT reason FROM entry")))
        QVERIFY2(accessReasonFromCode(row[0].toString()) != AccessReason::Invalid, qPrintable(row[0].toString()));
}

void TestDatagen::sameSeedSameGym_data()
{
    QTest::addColumn<QString>("table");
    for (const char *table : {"member", "member_card", "booking", "entry", "credential", "course_slot", "venue"})
        QTest::newRow(table) << QString::fromLatin1(table);
}

void TestDatagen::sameSeedSameGym()
{
    QFETCH(QString, table);
    // Same folder, so the same keys: with them the content must be identical, ciphertexts and
    // signed codes included.
    const QString again = m_dir.filePath(QStringLiteral("again.db"));
    const QString other = m_dir.filePath(QStringLiteral("other.db"));
    if (!QFileInfo::exists(again)) {
        QCOMPARE(generate(again).exitCode, 0);
        QCOMPARE(generate(other, {QStringLiteral("--seed"), QStringLiteral("2")}).exitCode, 0);
    }
    const QStringList first = Reader(m_db).dump(table);
    QVERIFY(!first.isEmpty());
    QCOMPARE(Reader(again).dump(table), first);
    QVERIFY(Reader(other).dump(table) != first);
}

void TestDatagen::refusesExistingDatabaseWithoutForce()
{
    const QString path = m_dir.filePath(QStringLiteral("refuse.db"));
    QCOMPARE(generate(path, {QStringLiteral("--seed"), QStringLiteral("5")}).exitCode, 0);
    const QStringList before = Reader(path).dump(QStringLiteral("member"));

    const ToolRun refused = generate(path, {QStringLiteral("--seed"), QStringLiteral("6")});
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains(QStringLiteral("--force")), qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(Reader(path).dump(QStringLiteral("member")), before);

    const ToolRun forced = generate(path, {QStringLiteral("--seed"), QStringLiteral("6"), QStringLiteral("--force")});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QVERIFY(Reader(path).dump(QStringLiteral("member")) != before);
}

void TestDatagen::memberCodesVerifyWithStoredKey()
{
    const Reader db(m_db);
    MemoryTrustStore trust;
    const QList<QVariantList> keys = db.rows(QStringLiteral("SELECT kid, public_key FROM trusted_key"));
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys[0][0].toString(), QStringLiteral("site100"));
    trust.addKey(keys[0][0].toString(), keys[0][1].toByteArray());
    for (const QVariantList &row : db.rows(QStringLiteral("SELECT id FROM credential WHERE revoked_at IS NOT NULL")))
        trust.revokeCredential(row[0].toString());
    const ManualClock clock(QDateTime::fromString(Now, Qt::ISODate).toMSecsSinceEpoch());
    const CredentialVerifier verifier(trust, clock);

    const QList<QVariantList> live = db.rows(
        QStringLiteral("SELECT c.id, c.member_id, c.code FROM credential c JOIN member m ON m.id = c.member_id "
                       "WHERE c.revoked_at IS NULL AND m.deleted_at IS NULL ORDER BY c.id LIMIT 50"));
    QCOMPARE(live.size(), 50);
    for (const QVariantList &row : live) {
        const CredentialCheck check = verifier.verify(row[2].toString().toLatin1());
        QVERIFY2(check.has_value(), accessReasonCode(check.error()));
        QCOMPARE(check->type, CredentialType::Card);
        QCOMPARE(check->credentialId, row[0].toString());
        QCOMPARE(check->payload.memberId, row[1].toString());
    }
    // One live code per member who is not deleted; a reissued member's old code is revoked.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM member m WHERE deleted_at IS NULL AND "
                                      "(SELECT count(*) FROM credential c WHERE c.member_id = m.id "
                                      "AND c.revoked_at IS NULL) <> 1")),
        0);
    const QList<QVariantList> revoked
        = db.rows(QStringLiteral("SELECT code FROM credential WHERE revoked_at IS NOT NULL LIMIT 1"));
    QCOMPARE(revoked.size(), 1);
    const CredentialCheck refused = verifier.verify(revoked[0][0].toString().toLatin1());
    QVERIFY(!refused);
    QCOMPARE(refused.error(), AccessReason::CredentialRevoked);
}

void TestDatagen::demoCodesFile()
{
    QFile file(m_dir.filePath(QStringLiteral("codes.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject codes = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(codes.value(QStringLiteral("keyId")).toString(), QStringLiteral("site100"));
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &value : codes.value(QStringLiteral("scenarios")).toArray())
        byName.insert(value[QStringLiteral("name")].toString(), value.toObject());
    // At a Wednesday 10:05 every zone but the closed ones is open: each scenario shows its rule.
    const std::array<std::pair<const char *, const char *>, 14> expected = {{
        {"time_card", "granted"},
        {"count_card", "granted"},
        {"frozen_card", "card.frozen"},
        {"expired_card", "card.expired"},
        {"no_visits_left", "card.no_visits"},
        {"low_balance", "card.insufficient_balance"},
        {"off_peak_card", "granted"},
        {"blocked_member", "member.blocked"},
        {"booked_class", "granted"},
        {"class_without_booking", "booking.required"},
        {"revoked_code", "credential.revoked"},
        {"legacy_member_number", "granted"},
        {"anti_passback", "antipassback"},
        {"pool_daily_limit", "daily_limit"},
    }};
    for (const auto &[name, reason] : expected) {
        const QJsonObject scenario = byName.value(QLatin1String(name));
        QVERIFY2(!scenario.isEmpty(), name);
        QCOMPARE(scenario.value(QStringLiteral("reason")).toString(), QLatin1String(reason));
        QVERIFY(!scenario.value(QStringLiteral("code")).toString().isEmpty());
        QVERIFY(!scenario.value(QStringLiteral("gateId")).toString().isEmpty());
    }
    QCOMPARE(byName.value(QStringLiteral("legacy_member_number")).value(QStringLiteral("code")).toString(),
        byName.value(QStringLiteral("legacy_member_number")).value(QStringLiteral("memberNo")).toString());

    // The credential-level scenarios hold against the verifier with the stored key.
    const Reader db(m_db);
    MemoryTrustStore trust;
    for (const QVariantList &row : db.rows(QStringLiteral("SELECT kid, public_key FROM trusted_key")))
        trust.addKey(row[0].toString(), row[1].toByteArray());
    for (const QVariantList &row : db.rows(QStringLiteral("SELECT id FROM credential WHERE revoked_at IS NOT NULL")))
        trust.revokeCredential(row[0].toString());
    const ManualClock clock(codes.value(QStringLiteral("nowMs")).toInteger());
    const CredentialVerifier verifier(trust, clock, CredentialPolicy {.legacyCodesAllowed = true});
    for (const char *name : {"revoked_code", "tampered_code", "unknown_key", "reissued_code", "time_card"}) {
        const QJsonObject scenario = byName.value(QLatin1String(name));
        const QString reason = scenario.value(QStringLiteral("reason")).toString();
        const CredentialCheck check = verifier.verify(scenario.value(QStringLiteral("code")).toString().toLatin1());
        if (reason.startsWith(QStringLiteral("credential.")))
            QCOMPARE(QString::fromLatin1(accessReasonCode(check.error())), reason);
        else
            QVERIFY2(check.has_value(), name);
    }
}

void TestDatagen::keyFilesAreOwnerOnly()
{
    for (const char *name : {"data.key", "signing.key"}) {
        const QFileInfo key(m_dir.filePath(QLatin1String(name)));
        QVERIFY2(key.exists(), name);
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
    }
    QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("signing.key"))).size(), 64);
    QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("data.key"))).size(), 32);
}

void TestDatagen::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString db = m_dir.filePath(QStringLiteral("bad.db"));
    QTest::newRow("no db") << QStringList {QStringLiteral("--members"), QStringLiteral("10")} << QStringLiteral("--db");
    QTest::newRow("site number") << QStringList {QStringLiteral("--db"), db, QStringLiteral("--site-number"),
        QStringLiteral("12")} << QStringLiteral("--site-number");
    QTest::newRow("members") << QStringList {QStringLiteral("--db"), db, QStringLiteral("--members"),
        QStringLiteral("zero")}
                             << QStringLiteral("--members");
    QTest::newRow("now") << QStringList {QStringLiteral("--db"), db, QStringLiteral("--now"), QStringLiteral("noon")}
                         << QStringLiteral("--now");
    QTest::newRow("cards") << QStringList {QStringLiteral("--db"), db, QStringLiteral("--cards-per-member"),
        QStringLiteral("-1")}
                           << QStringLiteral("--cards-per-member");
}

void TestDatagen::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const ToolRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("bad.db"))));
}

QTEST_GUILESS_MAIN(TestDatagen)
#include "tst_datagen.moc"
