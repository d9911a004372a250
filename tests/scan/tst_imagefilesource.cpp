// ImageFileScanSource: scanning one file, and the drop folder that presents each new image once.
#include "scan/ImageFileScanSource.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gymgate;

namespace {

QString dataFile(const QString &name)
{
    return qEnvironmentVariable("GYMGATE_SOURCE_DIR") + QStringLiteral("/tests/data/qr/") + name;
}

QString decodedText(const QString &name)
{
    return QrDecoder().decodeFile(dataFile(name)).value_or(QString());
}

} // namespace

class TestImageFileSource : public QObject {
    Q_OBJECT

private slots:
    void scanFileEmitsTheCode()
    {
        ImageFileScanSource source;
        QCOMPARE(source.sourceId(), QStringLiteral("image"));
        QSignalSpy scanned(&source, &ScanSource::scanned);
        QSignalSpy faults(&source, &ScanSource::fault);
        const Result<QString> text = source.scanFile(dataFile(QStringLiteral("code_m4.png")));
        QVERIFY(text);
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), *text);
        QVERIFY(text->startsWith(QLatin1String("GG1.")));
        QCOMPARE(faults.size(), 0);
    }

    void scanFileWithoutCodeIsAFault()
    {
        ImageFileScanSource source;
        QSignalSpy scanned(&source, &ScanSource::scanned);
        QSignalSpy faults(&source, &ScanSource::fault);
        const Result<QString> text = source.scanFile(dataFile(QStringLiteral("none_text.png")));
        QVERIFY(!text);
        QCOMPARE(text.error().code, ErrorCode::NotFound);
        QCOMPARE(scanned.size(), 0);
        QCOMPARE(faults.size(), 1);
        QVERIFY(faults.at(0).at(0).toString().contains(QLatin1String("none_text.png")));
    }

    void startRefusesAMissingFolder()
    {
        ImageFileScanSource source;
        source.setDropFolder(QStringLiteral("/nonexistent/gymgate-drop"));
        const Status started = source.start();
        QVERIFY(!started);
        QCOMPARE(started.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!source.isConnected());
    }

    void startAndStopReportConnection()
    {
        ImageFileScanSource source; // no folder: only scanFile()
        QSignalSpy connected(&source, &ScanSource::connectedChanged);
        QVERIFY(source.start());
        QVERIFY(source.isConnected());
        source.stop();
        QVERIFY(!source.isConnected());
        QCOMPARE(connected.size(), 2);
    }

    void dropFolderPresentsNewFilesOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Already there at start: not presented (a restart must not replay old codes).
        QVERIFY(QFile::copy(dataFile(QStringLiteral("code_m3.png")), dir.filePath(QStringLiteral("old.png"))));

        ImageFileScanSource source;
        source.setDropFolder(dir.path());
        source.setSettleMs(20);
        QSignalSpy scanned(&source, &ScanSource::scanned);
        QSignalSpy faults(&source, &ScanSource::fault);
        QVERIFY(source.start());

        QVERIFY(QFile::copy(dataFile(QStringLiteral("card_token.png")), dir.filePath(QStringLiteral("new.png"))));
        QVERIFY(scanned.wait(5000));
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), decodedText(QStringLiteral("card_token.png")));

        // An unrelated change in the folder does not present new.png again.
        QFile note(dir.filePath(QStringLiteral("note.txt")));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("not an image");
        note.close();
        QVERIFY(QFile::copy(dataFile(QStringLiteral("none_wall.jpg")), dir.filePath(QStringLiteral("wall.jpg"))));
        QVERIFY(faults.wait(5000));
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(faults.size(), 1);
        QVERIFY(faults.at(0).at(0).toString().contains(QLatin1String("wall.jpg")));
    }

    void stoppedSourceIgnoresTheFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ImageFileScanSource source;
        source.setDropFolder(dir.path());
        source.setSettleMs(0);
        QSignalSpy scanned(&source, &ScanSource::scanned);
        QVERIFY(source.start());
        source.stop();
        QVERIFY(QFile::copy(dataFile(QStringLiteral("code_m4.png")), dir.filePath(QStringLiteral("a.png"))));
        // Nothing may arrive; a positive control afterwards proves events were processed.
        QVERIFY(source.start());
        QVERIFY(QFile::copy(dataFile(QStringLiteral("code_m3.png")), dir.filePath(QStringLiteral("b.png"))));
        QVERIFY(scanned.wait(5000));
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), decodedText(QStringLiteral("code_m3.png")));
    }
};

QTEST_GUILESS_MAIN(TestImageFileSource)
#include "tst_imagefilesource.moc"
