#include "core/Logging.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;

class TestLogging : public QObject {
    Q_OBJECT

private slots:
    // Qt's own messages and the core wrappers both end up in the rotating file.
    void qtMessagesReachTheLogFile()
    {
        QTemporaryDir dir;
        LogOptions options;
        options.directory = dir.filePath(QStringLiteral("logs"));
        options.toStderr = false;
        options.level = QStringLiteral("debug");
        QVERIFY(initLogging(options).has_value());
        qWarning("scanner on %s went away", "ttyUSB0");
        logInfo(QStringLiteral("gate 正门闸机 ready"));
        shutdownLogging();

        QFile file(dir.filePath(QStringLiteral("logs/gymgate.log")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("scanner on ttyUSB0 went away")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("warn")));
        QVERIFY(text.contains(QStringLiteral("gate 正门闸机 ready")));
    }

    void levelFiltersMessages()
    {
        QTemporaryDir dir;
        LogOptions options;
        options.directory = dir.path();
        options.toStderr = false;
        options.level = QStringLiteral("warn");
        QVERIFY(initLogging(options).has_value());
        logInfo(QStringLiteral("routine detail"));
        logError(QStringLiteral("database locked"));
        shutdownLogging();

        QFile file(dir.filePath(QStringLiteral("gymgate.log")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("routine detail"));
        QVERIFY(text.contains("database locked"));
    }

    void unwritableFolderIsAClearError()
    {
        LogOptions options;
        options.directory = QStringLiteral("/proc/gymgate-cannot-exist");
        options.toStderr = false;
        const Status status = initLogging(options);
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::Io);
        QCOMPARE(status.error().field, QStringLiteral("logDir"));
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
