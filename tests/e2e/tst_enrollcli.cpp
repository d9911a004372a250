// gymgate --enroll / --unenroll as a technician runs them on a PC without a desk screen (a
// headless controller on a database of its own): the real gymgate process against the real hub.

#include "store/Database.h"
#include "store/SettingRepository.h"
#include "sync/SyncTestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runGymgate(const QStringList &arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("GYMGATE_BINARY_DIR") + QStringLiteral("/app/gymgate"),
        QStringList {QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(1000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString setting(const QString &databasePath, const QString &key)
{
    Database::Options options;
    options.path = databasePath;
    Result<std::unique_ptr<Database>> db = Database::open(options);
    return db ? SettingRepository(**db).value(key) : QString();
}

} // namespace

class TestEnrollCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hub.start(), qPrintable(m_hub.errorText));
        QVERIFY(m_dir.isValid());
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::newRow("no code") << QStringList {QStringLiteral("--enroll"), QStringLiteral("http://127.0.0.1:1")}
                                 << QStringLiteral("--enroll-code");
        QTest::newRow("code alone") << QStringList {QStringLiteral("--enroll-code"), QStringLiteral("AAAA")}
                                    << QStringLiteral("--enroll");
        QTest::newRow("bad kind") << QStringList {QStringLiteral("--enroll"), QStringLiteral("http://127.0.0.1:1"),
            QStringLiteral("--enroll-code"), QStringLiteral("AAAA"), QStringLiteral("--device-kind"),
            QStringLiteral("toaster")}
                                  << QStringLiteral("toaster");
        QTest::newRow("both") << QStringList {QStringLiteral("--enroll"), QStringLiteral("http://127.0.0.1:1"),
            QStringLiteral("--enroll-code"), QStringLiteral("AAAA"), QStringLiteral("--unenroll")}
                              << QStringLiteral("--unenroll");
    }

    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        const QString db = m_dir.filePath(QStringLiteral("args.db"));
        const Run run = runGymgate(QStringList {QStringLiteral("--db"), db} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(named), qPrintable(run.err));
        QVERIFY(!QFile::exists(defaultHubCredentialsPath(db)));
    }

    void wrongCodeChangesNothing()
    {
        const QString db = m_dir.filePath(QStringLiteral("wrong.db"));
        const Run run = runGymgate({QStringLiteral("--db"), db, QStringLiteral("--enroll"), m_hub.url(),
            QStringLiteral("--enroll-code"), QStringLiteral("AAAA-BBBB-CCCC-DDDD")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("(code)")), qPrintable(run.err));
        QVERIFY(!QFile::exists(defaultHubCredentialsPath(db)));
        QCOMPARE(setting(db, QStringLiteral("site.id")), QString());
    }

    void unreachableHubIsReported()
    {
        const QString db = m_dir.filePath(QStringLiteral("unreachable.db"));
        const Run run
            = runGymgate({QStringLiteral("--db"), db, QStringLiteral("--enroll"), QStringLiteral("http://127.0.0.1:1"),
                QStringLiteral("--enroll-code"), QStringLiteral("AAAA-BBBB-CCCC-DDDD")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("hub")), qPrintable(run.err));
        QVERIFY(!QFile::exists(defaultHubCredentialsPath(db)));
    }

    void enrollsAControllerAndUnenrolls()
    {
        const QString db = m_dir.filePath(QStringLiteral("gate2.db"));
        const QString code = m_hub.enrollmentCode(QStringLiteral("Gate 2 controller"));
        QVERIFY(!code.isEmpty());
        const Run run = runGymgate({QStringLiteral("--db"), db, QStringLiteral("--enroll"), m_hub.url(),
            QStringLiteral("--enroll-code"), code.toLower()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Enrolled as Gate 2 controller")), qPrintable(run.out));

        const QString credentials = defaultHubCredentialsPath(db);
        QVERIFY(QFile::exists(credentials));
        QCOMPARE(synctest::unixPermissions(credentials), synctest::ownerOnly());
        const QString deviceId = setting(db, QStringLiteral("device.id"));
        QVERIFY(!deviceId.isEmpty());
        QCOMPARE(setting(db, QStringLiteral("site.id")), m_hub.siteId);
        QCOMPARE(setting(db, QStringLiteral("site.number")), QStringLiteral("201"));
        QCOMPARE(m_hub.count(QStringLiteral("SELECT count(*) FROM hub_device WHERE id = '%1' AND kind = "
                                            "'controller' AND name = 'Gate 2 controller'")
                                 .arg(deviceId)),
            1);
        // The keys a fresh device needs were made, owner-only.
        const QDir keys(m_dir.path());
        QCOMPARE(synctest::unixPermissions(keys.filePath(QStringLiteral("signing.key"))), synctest::ownerOnly());

        // A used code does not enroll a second database.
        const Run again = runGymgate({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("other.db")),
            QStringLiteral("--key-dir"), m_dir.filePath(QStringLiteral("other-keys")), QStringLiteral("--enroll"),
            m_hub.url(), QStringLiteral("--enroll-code"), code});
        QCOMPARE(again.exitCode, 1);

        const Run gone = runGymgate({QStringLiteral("--db"), db, QStringLiteral("--unenroll")});
        QVERIFY2(gone.exitCode == 0, qPrintable(gone.err));
        QVERIFY(!QFile::exists(credentials));
        QCOMPARE(setting(db, QStringLiteral("device.id")), deviceId); // the data stays
    }

private:
    synctest::TestHub m_hub;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestEnrollCli)
#include "tst_enrollcli.moc"
