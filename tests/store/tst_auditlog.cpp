#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/StoreTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;
using namespace gymgate::test;

class TestAuditLog : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void emptyLogVerifies();
    void chainVerifies();
    void hashFollowsTheDocumentedFormula();
    void editedFieldDetected_data();
    void editedFieldDetected();
    void deletedMiddleRowDetected();
    void deletedLastRowDetectedOnNextAppend();
    void reorderedRowsDetected();
    void appendOutsideTransactionRefused();
    void listFilters();

private:
    void appendFive();

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuditLog> m_log;
    int m_round = 0;
};

void TestAuditLog::init()
{
    m_db = openDatabase(m_dir.filePath(QStringLiteral("audit-%1.db").arg(++m_round)));
    QVERIFY(m_db);
    m_log = std::make_unique<AuditLog>(*m_db);
}

void TestAuditLog::cleanup()
{
    m_log.reset();
    m_db.reset();
}

void TestAuditLog::appendFive()
{
    const QStringList actors {QStringLiteral("admin"), QStringLiteral("clerk"), QStringLiteral("clerk"),
        QStringLiteral("admin"), QStringLiteral("clerk")};
    for (int i = 0; i < actors.size(); ++i) {
        const Status done = m_db->transaction([&]() -> Status {
            return m_log->append(actors.at(i), i % 2 ? QStringLiteral("member.update") : QStringLiteral("card.sell"),
                QStringLiteral("member"), QStringLiteral("m-%1").arg(i),
                QJsonObject {{QStringLiteral("i"), i}, {QStringLiteral("name"), QStringLiteral("李娜")}}, 1000 + i);
        });
        QVERIFY2(done.has_value(), done ? "" : qPrintable(done.error().toString()));
    }
}

void TestAuditLog::emptyLogVerifies()
{
    const Result<AuditVerification> result = m_log->verify();
    QVERIFY(result.has_value());
    QVERIFY(result->ok);
    QCOMPARE(result->rowsChecked, 0);
    QCOMPARE(result->firstBrokenSeq, 0);
}

void TestAuditLog::chainVerifies()
{
    appendFive();
    const Result<AuditVerification> result = m_log->verify();
    QVERIFY(result.has_value());
    QVERIFY(result->ok);
    QCOMPARE(result->rowsChecked, 5);
    QCOMPARE(m_log->count().value_or(-1), 5);
}

void TestAuditLog::hashFollowsTheDocumentedFormula()
{
    appendFive();
    AuditFilter filter;
    const Result<QList<AuditEntry>> entries = m_log->list(filter);
    QVERIFY(entries.has_value());
    QCOMPARE(entries->size(), 5);
    const AuditEntry &first = entries->constLast(); // newest first
    QCOMPARE(first.seq, 1);
    QCOMPARE(first.prevHash, QString(64, QLatin1Char('0')));
    const QString input = QStringLiteral("%1|1|1000|admin|card.sell|member|m-0|%2")
                              .arg(QString(64, QLatin1Char('0')), QStringLiteral("{\"i\":0,\"name\":\"李娜\"}"));
    QCOMPARE(
        first.hash, QString::fromLatin1(QCryptographicHash::hash(input.toUtf8(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(entries->at(3).prevHash, first.hash);
}

void TestAuditLog::editedFieldDetected_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::newRow("at") << QStringLiteral("at = at + 1");
    QTest::newRow("actor") << QStringLiteral("actor = 'mallory'");
    QTest::newRow("action") << QStringLiteral("action = 'nothing'");
    QTest::newRow("entity") << QStringLiteral("entity = 'card'");
    QTest::newRow("entity_id") << QStringLiteral("entity_id = 'm-9'");
    QTest::newRow("detail") << QStringLiteral("detail = '{\"i\":99}'");
    QTest::newRow("detail whitespace") << QStringLiteral("detail = replace(detail, ':', ': ')");
    QTest::newRow("prev_hash") << QStringLiteral("prev_hash = '") + QString(64, QLatin1Char('f')) + QLatin1Char('\'');
    QTest::newRow("hash") << QStringLiteral("hash = '") + QString(64, QLatin1Char('e')) + QLatin1Char('\'');
}

void TestAuditLog::editedFieldDetected()
{
    QFETCH(QString, assignment);
    appendFive();
    QVERIFY(m_db->exec(QStringLiteral("UPDATE audit_log SET ") + assignment + QStringLiteral(" WHERE seq = 3"))
                .has_value());
    const Result<AuditVerification> result = m_log->verify();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok);
    QCOMPARE(result->firstBrokenSeq, 3);
    QCOMPARE(result->rowsChecked, 2);
}

void TestAuditLog::deletedMiddleRowDetected()
{
    appendFive();
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 3")).has_value());
    const Result<AuditVerification> result = m_log->verify();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok);
    QCOMPARE(result->firstBrokenSeq, 3);
}

void TestAuditLog::deletedLastRowDetectedOnNextAppend()
{
    appendFive();
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5")).has_value());
    const Status appended = m_db->transaction(
        [&]() { return m_log->append(QStringLiteral("admin"), QStringLiteral("later"), {}, {}, {}, 2000); });
    QVERIFY2(appended.has_value(), appended ? "" : qPrintable(appended.error().toString()));
    const Result<AuditVerification> result = m_log->verify();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok);
    QCOMPARE(result->firstBrokenSeq, 5);
}

void TestAuditLog::reorderedRowsDetected()
{
    appendFive();
    // Swap rows 2 and 4 whole, seq numbers kept in place.
    QVERIFY(m_db->execScript(QStringLiteral("UPDATE audit_log SET seq = 100 WHERE seq = 2;"
                                            "UPDATE audit_log SET seq = 2 WHERE seq = 4;"
                                            "UPDATE audit_log SET seq = 4 WHERE seq = 100;"))
                .has_value());
    const Result<AuditVerification> result = m_log->verify();
    QVERIFY(result.has_value());
    QVERIFY(!result->ok);
    QCOMPARE(result->firstBrokenSeq, 2);
    QCOMPARE(result->rowsChecked, 1);
}

void TestAuditLog::appendOutsideTransactionRefused()
{
    const Status done = m_log->append(QStringLiteral("admin"), QStringLiteral("x"), {}, {}, {}, 1);
    QCOMPARE(done.error().code, ErrorCode::Internal);
    QCOMPARE(m_log->count().value_or(-1), 0);
}

void TestAuditLog::listFilters()
{
    appendFive();
    AuditFilter filter;
    filter.actor = QStringLiteral("clerk");
    Result<QList<AuditEntry>> entries = m_log->list(filter);
    QVERIFY(entries.has_value());
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->constFirst().seq, 5);
    QCOMPARE(entries->constFirst().detail.value(QStringLiteral("name")).toString(), QStringLiteral("李娜"));

    filter = AuditFilter();
    filter.action = QStringLiteral("card.sell");
    filter.fromMs = 1001;
    filter.toMs = 1004;
    entries = m_log->list(filter);
    QVERIFY(entries.has_value());
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->constFirst().atMs, 1002);

    filter = AuditFilter();
    filter.limit = 2;
    QCOMPARE(m_log->list(filter)->size(), 2);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
