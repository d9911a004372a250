#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/StoreTestSupport.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;
using namespace gymgate::test;

namespace {

struct ToolRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestDbTool : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verifyAuditIntactThenTampered();
    void infoShowsVersionAndCounts();
    void integrityAndBackup();
    void migrateUpgradesOldFile();
    void usageErrors_data();
    void usageErrors();

private:
    ToolRun run(const QStringList &arguments) const;
    QString makeDatabaseWithAudit(const QString &name, int rows);

    QTemporaryDir m_dir;
    QString m_tool;
};

void TestDbTool::initTestCase()
{
    const QString binaryDir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("GYMGATE_BINARY_DIR"));
    QVERIFY2(!binaryDir.isEmpty(), "GYMGATE_BINARY_DIR is not set; run through ctest");
    m_tool = binaryDir + QStringLiteral("/app/tools/dbtool/gymgate-dbtool");
    QVERIFY2(QFileInfo(m_tool).isExecutable(), qPrintable(m_tool));
}

ToolRun TestDbTool::run(const QStringList &arguments) const
{
    QProcess process;
    process.start(m_tool, arguments);
    ToolRun result;
    if (!process.waitForFinished(30'000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestDbTool::makeDatabaseWithAudit(const QString &name, int rows)
{
    const QString path = m_dir.filePath(name);
    std::unique_ptr<Database> db = openDatabase(path);
    if (!db)
        return {};
    AuditLog log(*db);
    for (int i = 0; i < rows; ++i) {
        const Status done = db->transaction([&]() {
            return log.append(QStringLiteral("admin"), QStringLiteral("setting.change"), QStringLiteral("setting"),
                QStringLiteral("k%1").arg(i), QJsonObject {{QStringLiteral("v"), i}}, 1000 + i);
        });
        if (!done)
            return {};
    }
    return path;
}

void TestDbTool::verifyAuditIntactThenTampered()
{
    const QString path = makeDatabaseWithAudit(QStringLiteral("audit.db"), 4);
    QVERIFY(!path.isEmpty());
    ToolRun result = run({QStringLiteral("--db"), path, QStringLiteral("verify-audit")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("audit chain intact: 4 entries")), qPrintable(result.out));

    {
        std::unique_ptr<Database> db = openDatabase(path);
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")).has_value());
    }
    result = run({QStringLiteral("--db"), path, QStringLiteral("verify-audit")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QStringLiteral("seq 2")), qPrintable(result.out));
}

void TestDbTool::infoShowsVersionAndCounts()
{
    const QString path = makeDatabaseWithAudit(QStringLiteral("info.db"), 3);
    QVERIFY(!path.isEmpty());
    const QByteArray before = readFile(path);
    const ToolRun result = run({QStringLiteral("--db"), path, QStringLiteral("info")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("Schema version: %1").arg(Database::latestSchemaVersion())),
        qPrintable(result.out));
    QVERIFY(QRegularExpression(QStringLiteral("audit_log\\s+3\\n")).match(result.out).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("member\\s+0\\n")).match(result.out).hasMatch());
    QCOMPARE(readFile(path), before); // looking changes nothing
}

void TestDbTool::integrityAndBackup()
{
    const QString path = makeDatabaseWithAudit(QStringLiteral("backup-source.db"), 2);
    QVERIFY(!path.isEmpty());
    ToolRun result = run({QStringLiteral("--db"), path, QStringLiteral("integrity")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QStringLiteral("ok"));

    const QString target = m_dir.filePath(QStringLiteral("backup-copy.db"));
    result = run({QStringLiteral("--db"), path, QStringLiteral("backup"), target});
    QCOMPARE(result.exitCode, 0);
    std::unique_ptr<Database> copy = openDatabase(target);
    QVERIFY(copy);
    QCOMPARE(rowCount(*copy, QStringLiteral("audit_log")), 2);
    QVERIFY(AuditLog(*copy).verify()->ok);
}

void TestDbTool::migrateUpgradesOldFile()
{
    const QString path = m_dir.filePath(QStringLiteral("old.db"));
    QVERIFY(openDatabase(path, 1));
    ToolRun result = run({QStringLiteral("--db"), path, QStringLiteral("migrate")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("from schema version 1 to %1").arg(Database::latestSchemaVersion())),
        qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral(".v1-")));
    result = run({QStringLiteral("--db"), path, QStringLiteral("migrate")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(QStringLiteral("up to date")));
}

void TestDbTool::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList {QStringLiteral("--db"), QStringLiteral("x.db")};
    QTest::newRow("no db") << QStringList {QStringLiteral("info")};
    QTest::newRow("unknown command") << QStringList {
        QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("drop")};
    QTest::newRow("backup without target")
        << QStringList {QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("backup")};
    QTest::newRow("missing file") << QStringList {
        QStringLiteral("--db"), QStringLiteral("/nonexistent/x.db"), QStringLiteral("info")};
}

void TestDbTool::usageErrors()
{
    QFETCH(QStringList, arguments);
    const ToolRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(!result.err.trimmed().isEmpty());
    QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent/x.db")));
}

QTEST_GUILESS_MAIN(TestDbTool)
#include "tst_dbtool.moc"
