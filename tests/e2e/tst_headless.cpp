// End to end: a gym from the real gymgate-datagen with its gates on a real gymgate-gatesim,
// the real gymgate --headless process fed on standard input, every step read back as JSON
// lines and checked against the database.
#include "store/SqlEntryLedger.h"

#include "E2eSupport.h"

using namespace gymgate;
using namespace gymgate::e2e;

namespace {

struct Run {
    int exitCode = -1;
    QList<QJsonObject> lines; // the final line of every scan, and errors
    QByteArray stderrText;
};

Run runHeadless(const QString &dbPath, const QByteArray &input, const QStringList &extra = {})
{
    HeadlessProcess process;
    process.start(dbPath, extra);
    process.write(input);
    Run run;
    run.exitCode = process.finish();
    run.lines = process.finalLines();
    run.stderrText = process.standardError();
    return run;
}

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_gym.create(QDir(m_dir.path()), 200));
        m_dbPath = m_gym.dbPath;
        m_scenarios = m_gym.scenarios;
        QVERIFY(m_scenarios.size() >= 20);
    }

    // Every demo scenario, at its own gate, gives the outcome the generator planned.
    void everyScenarioDecidesAsPlanned()
    {
        QByteArray input;
        for (const QJsonValue &value : std::as_const(m_scenarios)) {
            const QJsonObject scenario = value.toObject();
            input += scenario.value(QLatin1String("gateId")).toString().toUtf8() + ' '
                + scenario.value(QLatin1String("code")).toString().toUtf8() + '\n';
        }
        const Run run = runHeadless(m_dbPath, input);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines.size(), m_scenarios.size());
        QSet<QString> reasonsSeen;
        for (qsizetype i = 0; i < m_scenarios.size(); ++i) {
            const QJsonObject scenario = m_scenarios.at(i).toObject();
            const QJsonObject decision = run.lines.at(i);
            const QString name = scenario.value(QLatin1String("name")).toString();
            QCOMPARE(decision.value(QLatin1String("reason")).toString() + QLatin1Char(' ') + name,
                scenario.value(QLatin1String("reason")).toString() + QLatin1Char(' ') + name);
            QCOMPARE(
                decision.value(QLatin1String("gate")).toString(), scenario.value(QLatin1String("gateId")).toString());
            const bool granted = decision.value(QLatin1String("verdict")).toString() == QLatin1String("granted");
            QCOMPARE(granted, scenario.value(QLatin1String("expected")).toString() == QLatin1String("granted"));
            QCOMPARE(decision.value(QLatin1String("status")).toString(),
                granted ? QStringLiteral("passed") : QStringLiteral("denied"));
            QVERIFY(!decision.value(QLatin1String("message")).toString().isEmpty());
            reasonsSeen.insert(decision.value(QLatin1String("reason")).toString());
        }
        QVERIFY2(reasonsSeen.size() >= 17, qPrintable(QStringList(reasonsSeen.cbegin(), reasonsSeen.cend()).join(',')));
    }

    // A count card pays one visit for its passage. The same code again at once is a double read
    // and ignored (3 s debounce); the member who walked in is refused by anti-passback later.
    void visitChargedOnceAndRepeatIgnored()
    {
        const QJsonObject scenario = scenarioNamed(QStringLiteral("count_card"));
        QVERIFY(!scenario.isEmpty());
        const QString memberId = scenario.value(QLatin1String("memberId")).toString();
        const int visitsBefore = visitsLeft(memberId);
        QVERIFY(visitsBefore > 0);
        const qint64 entriesBefore = entryCount();

        const QByteArray line = scenario.value(QLatin1String("code")).toString().toUtf8() + '\n';
        const Run run = runHeadless(m_dbPath, line + line);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines.size(), 1);
        // The scenario test may have let this member in a moment ago (same demo minute): then
        // this is an anti-passback refusal. Either way, never more than one charge.
        const QString phase = run.lines.at(0).value(QLatin1String("phase")).toString();
        QVERIFY2(phase == QLatin1String("passed")
                || run.lines.at(0).value(QLatin1String("reason")).toString() == QLatin1String("antipassback"),
            qPrintable(phase));
        QCOMPARE(visitsLeft(memberId), visitsBefore - (phase == QLatin1String("passed") ? 1 : 0));
        QCOMPARE(entryCount(), entriesBefore + 1);
    }

    // Garbage of every kind is denied, logged, and never crashes the controller.
    void garbageIsDeniedAndLogged()
    {
        const qint64 entriesBefore = entryCount();
        QByteArray input = "hello!\nGG1.\nGG1.site100.AAAA.BBBB\n\xff\xfe\x01garbage\n";
        input += QByteArray(3000, 'A') + '\n'; // past the 512-character limit
        input += "# a comment line is ignored\n\nNoSuchGate GG1.x.y.z\n";
        const Run run = runHeadless(m_dbPath, input);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines.size(), 6);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(run.lines.at(i).value(QLatin1String("verdict")).toString(), QStringLiteral("denied"));
            QVERIFY(run.lines.at(i).value(QLatin1String("reason")).toString().startsWith(QLatin1String("credential.")));
        }
        QCOMPARE(run.lines.at(5).value(QLatin1String("error")).toString(), QStringLiteral("not_found"));
        QCOMPARE(entryCount(), entriesBefore + 5);
    }

    // DESIGN §7: a pending entry left by a crash is annulled at start-up and its visit refunded.
    void interruptedEntryAnnulledAtStart()
    {
        const QJsonObject scenario = scenarioNamed(QStringLiteral("value_card"));
        QVERIFY(!scenario.isEmpty());
        const QString memberId = scenario.value(QLatin1String("memberId")).toString();
        QString cardId;
        qint64 balanceBefore = 0;
        {
            std::unique_ptr<Database> db = open();
            QVERIFY(db);
            cardId = scalar(
                *db, QStringLiteral("SELECT id FROM member_card WHERE member_id = ? AND kind = 'value'"), {memberId})
                         .toString();
            balanceBefore = scalar(*db, QStringLiteral("SELECT balance_fen FROM member_card WHERE id = ?"), {cardId})
                                .toLongLong();
            EntryRecord pending;
            pending.id = QStringLiteral("00000000-0000-4000-8000-00000000abcd");
            pending.zoneId = scenario.value(QLatin1String("zoneId")).toString();
            pending.gateId = scenario.value(QLatin1String("gateId")).toString();
            pending.direction = Direction::In;
            pending.memberId = memberId;
            pending.cardId = cardId;
            pending.status = EntryStatus::Pending;
            pending.reason = AccessReason::Granted;
            pending.feeDeductedFen = 3000;
            pending.decidedAtMs = QDateTime::fromString(DemoTime, Qt::ISODate).toMSecsSinceEpoch() - 60'000;
            QVERIFY(SqlEntryLedger(*db).recordDecision(pending, false).has_value());
            QCOMPARE(
                scalar(*db, QStringLiteral("SELECT balance_fen FROM member_card WHERE id = ?"), {cardId}).toLongLong(),
                balanceBefore - 3000);
        }
        const Run run = runHeadless(m_dbPath, {});
        QCOMPARE(run.exitCode, 0);
        std::unique_ptr<Database> db = open();
        QVERIFY(db);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT status || '/' || annul_reason FROM entry WHERE id = ?"),
                     {QStringLiteral("00000000-0000-4000-8000-00000000abcd")})
                     .toString(),
            QStringLiteral("annulled/interrupted"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT balance_fen FROM member_card WHERE id = ?"), {cardId}).toLongLong(),
            balanceBefore);
    }

    void missingDatabaseIsAClearError()
    {
        const Run run = runHeadless(m_dir.filePath(QStringLiteral("nothing.db")), {});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.stderrText.contains("does not exist"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nothing.db"))));
    }

    void badOptionIsRefused()
    {
        const Run run = runHeadless(m_dbPath, {}, {QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.stderrText.contains("xml"));
    }

private:
    QJsonObject scenarioNamed(const QString &name) const
    {
        for (const QJsonValue &value : m_scenarios) {
            if (value.toObject().value(QLatin1String("name")).toString() == name)
                return value.toObject();
        }
        return {};
    }

    std::unique_ptr<Database> open() const { return openDatabase(m_dbPath); }

    int visitsLeft(const QString &memberId) const
    {
        std::unique_ptr<Database> db = open();
        return db ? scalar(*db,
                   QStringLiteral("SELECT sum(visits_left) FROM member_card WHERE member_id = ? AND kind = 'count'"),
                   {memberId})
                        .toInt()
                  : -1;
    }

    qint64 entryCount() const
    {
        std::unique_ptr<Database> db = open();
        return db ? scalar(*db, QStringLiteral("SELECT count(*) FROM entry")).toLongLong() : -1;
    }

    QTemporaryDir m_dir;
    DemoGym m_gym;
    QString m_dbPath;
    QJsonArray m_scenarios;
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
