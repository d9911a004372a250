// QrDecoder and QrEncoder against the real images of tests/data/qr (made by gymgate-qrgen):
// every picture with a code reads as exactly its text, every picture without reads as nothing.
#include "scan/QrDecoder.h"
#include "scan/QrEncoder.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace gymgate;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("GYMGATE_SOURCE_DIR") + QStringLiteral("/tests/data/qr");
}

QJsonArray manifestImages()
{
    QFile file(dataDir() + QStringLiteral("/manifest.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("images")).toArray();
}

const QString GG1Sample = QStringLiteral("GG1.qrtest.eyJ0IjoiQyIsIm0iOiI3ZjNjMmE5ZSIsImMiOiJjOTFlMGI3YSIsImkiOjE3Njcy"
                                         "MjU2MDB9.bm90LWEtcmVhbC1zaWduYXR1cmUtYnV0LWxvbmctZW5vdWdo");

} // namespace

class TestQrDecoder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GYMGATE_SOURCE_DIR"), "run through ctest: GYMGATE_SOURCE_DIR is unset");
        const QJsonArray images = manifestImages();
        QVERIFY2(images.size() >= 20, qPrintable(QStringLiteral("manifest in %1 is missing or short").arg(dataDir())));
    }

    void manifestImage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addColumn<int>("upscaleBelowPx");
        const QJsonArray images = manifestImages();
        // The default options, and the opt-in second look at an enlarged frame, which must not
        // invent codes either.
        for (const int upscaleBelowPx : {0, 600}) {
            for (const QJsonValue &entry : images) {
                const QJsonObject image = entry.toObject();
                const QString file = image.value(QStringLiteral("file")).toString();
                QTest::addRow("%s upscale %d", qPrintable(file), upscaleBelowPx)
                    << file << image.value(QStringLiteral("text")) << upscaleBelowPx;
            }
        }
    }

    void manifestImage()
    {
        QFETCH(QString, file);
        QFETCH(QJsonValue, expected);
        QFETCH(int, upscaleBelowPx);
        const QImage image(dataDir() + QLatin1Char('/') + file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        QrDecoder::Options options;
        options.upscaleBelowPx = upscaleBelowPx;
        const std::optional<QString> text = QrDecoder(options).decode(image);
        if (expected.isNull()) {
            QVERIFY2(!text, qPrintable(QStringLiteral("unexpected code: ") + text.value_or(QString())));
        } else {
            QVERIFY2(text.has_value(), "no code found");
            QCOMPARE(*text, expected.toString());
        }
    }

    void codedImagesAreRealCredentials()
    {
        // The test data must carry what a kiosk really scans, not placeholders.
        int signedCodes = 0;
        const QJsonArray images = manifestImages();
        for (const QJsonValue &entry : images) {
            const QString text = entry.toObject().value(QStringLiteral("text")).toString();
            if (text.startsWith(QLatin1String("GG1.qrtest.")) && text.count(QLatin1Char('.')) == 3)
                ++signedCodes;
        }
        QVERIFY(signedCodes >= 15);
    }

    void sameResultInEveryPixelFormat_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("Grayscale8") << int(QImage::Format_Grayscale8);
        QTest::newRow("RGB32") << int(QImage::Format_RGB32);
        QTest::newRow("ARGB32_Premultiplied") << int(QImage::Format_ARGB32_Premultiplied);
        QTest::newRow("RGBA8888") << int(QImage::Format_RGBA8888);
        QTest::newRow("RGB888") << int(QImage::Format_RGB888);
        QTest::newRow("Indexed8 (converted)") << int(QImage::Format_Indexed8);
        QTest::newRow("RGB16 (converted)") << int(QImage::Format_RGB16);
    }

    void sameResultInEveryPixelFormat()
    {
        QFETCH(int, format);
        const Result<QImage> code = QrEncoder::encode(GG1Sample, 4);
        QVERIFY(code);
        // An odd width makes bytesPerLine larger than width in the 8 and 24-bit formats.
        QImage framed(code->width() + 37, code->height() + 21, QImage::Format_Grayscale8);
        framed.fill(255);
        for (int y = 0; y < code->height(); ++y)
            std::memcpy(framed.scanLine(y + 10) + 17, code->constScanLine(y), size_t(code->width()));
        const QImage converted = framed.convertToFormat(QImage::Format(format));
        QCOMPARE(QrDecoder().decode(converted), std::optional<QString>(GG1Sample));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("moduleSizePx");
        QTest::addColumn<int>("quietZoneModules");
        for (const int size : {1, 2, 3, 5, 8}) {
            QTest::addRow("GG1 %d px", size) << GG1Sample << size << 4;
        }
        QTest::newRow("legacy member number") << QStringLiteral("M1000123") << 3 << 4;
        QTest::newRow("quiet zone 2") << GG1Sample << 3 << 2;
        QTest::newRow("Chinese text") << QStringLiteral("会员卡 张三 M1000123") << 4 << 4;
        QTest::newRow("1000 characters") << QString(1000, QLatin1Char('A')) << 2 << 4;
        QTest::newRow("Latin-1 text") << QStringLiteral("Café Zürich") << 3 << 4;
    }

    void roundTrip()
    {
        QFETCH(QString, text);
        QFETCH(int, moduleSizePx);
        QFETCH(int, quietZoneModules);
        const Result<QImage> image = QrEncoder::encode(text, moduleSizePx, quietZoneModules);
        QVERIFY2(image, qPrintable(image ? QString() : image.error().message));
        QCOMPARE(image->format(), QImage::Format_Grayscale8);
        QCOMPARE(image->width(), image->height());
        QCOMPARE(image->width() % moduleSizePx, 0);
        // The quiet zone is white and the first module of the finder pattern is black.
        const int quietPx = quietZoneModules * moduleSizePx;
        QCOMPARE(qGray(image->pixel(0, 0)), 255);
        QCOMPARE(qGray(image->pixel(quietPx, quietPx)), 0);
        if (quietPx > 0)
            QCOMPARE(qGray(image->pixel(quietPx - 1, quietPx)), 255);
        QCOMPARE(QrDecoder().decode(*image), std::optional<QString>(text));
    }

    void surroundingWhitespaceIsRemoved()
    {
        // A scan is one code without terminators (ScanSource); a code printed with a line end
        // reads like one without, and a code of blanks reads as nothing.
        const Result<QImage> withNewline = QrEncoder::encode(QStringLiteral("  M1000123\r\n"), 3);
        QVERIFY(withNewline);
        QCOMPARE(QrDecoder().decode(*withNewline), std::optional<QString>(QStringLiteral("M1000123")));
        const Result<QImage> blanks = QrEncoder::encode(QStringLiteral("   "), 3);
        QVERIFY(blanks);
        QCOMPARE(QrDecoder().decode(*blanks), std::nullopt);
    }

    void encoderUsesLevelM()
    {
        // Version 7-M holds 122 bytes and 7-L 154: a 120-byte text needs version 7 (45 modules)
        // at level M, and would fit version 6 (41 modules) at level L.
        const Result<QImage> image = QrEncoder::encode(QString(120, QLatin1Char('x')), 1, 0);
        QVERIFY(image);
        QCOMPARE(image->width(), 45);
    }

    void encoderRefuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("moduleSizePx");
        QTest::addColumn<int>("quietZoneModules");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty") << QString() << 4 << 4 << QStringLiteral("text");
        QTest::newRow("too long") << QString(3000, QLatin1Char('x')) << 1 << 4 << QStringLiteral("text");
        QTest::newRow("module 0") << GG1Sample << 0 << 4 << QStringLiteral("moduleSizePx");
        QTest::newRow("module too big") << GG1Sample << QrEncoder::MaxModuleSizePx + 1 << 4
                                        << QStringLiteral("moduleSizePx");
        QTest::newRow("negative quiet zone") << GG1Sample << 4 << -1 << QStringLiteral("quietZoneModules");
    }

    void encoderRefuses()
    {
        QFETCH(QString, text);
        QFETCH(int, moduleSizePx);
        QFETCH(int, quietZoneModules);
        QFETCH(QString, field);
        const Result<QImage> image = QrEncoder::encode(text, moduleSizePx, quietZoneModules);
        QVERIFY(!image);
        QCOMPARE(image.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(image.error().field, field);
        QVERIFY(!image.error().message.isEmpty());
    }

    void decodeFileReadsACode()
    {
        const Result<QString> text = QrDecoder().decodeFile(dataDir() + QStringLiteral("/code_m4.png"));
        QVERIFY2(text, qPrintable(text ? QString() : text.error().message));
        QVERIFY(text->startsWith(QLatin1String("GG1.qrtest.")));
    }

    void decodeFileErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
        QTest::addColumn<int>("code");
        QTest::newRow("missing") << QStringLiteral("missing.png") << QByteArray() << int(ErrorCode::Io);
        QTest::newRow("not an image") << QStringLiteral("notes.png") << QByteArray("hello, not a PNG\n")
                                      << int(ErrorCode::Io);
        QTest::newRow("truncated PNG") << QStringLiteral("truncated.png") << pngBytes().left(60) << int(ErrorCode::Io);
        QTest::newRow("image without code") << QStringLiteral("white.png") << pngBytes() << int(ErrorCode::NotFound);
    }

    void decodeFileErrors()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(int, code);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(name);
        if (!content.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const Result<QString> text = QrDecoder().decodeFile(path);
        QVERIFY(!text);
        QCOMPARE(int(text.error().code), code);
        QVERIFY2(text.error().message.contains(name), qPrintable(text.error().message));
    }

    void nothingFromDegenerateImages()
    {
        const QrDecoder decoder;
        QVERIFY(!decoder.decode(QImage()));
        QImage tiny(10, 10, QImage::Format_Grayscale8);
        tiny.fill(0);
        QVERIFY(!decoder.decode(tiny));
        QImage black(640, 480, QImage::Format_Grayscale8);
        black.fill(0);
        QVERIFY(!decoder.decode(black));
        const uchar row[64] = {};
        QVERIFY(!decoder.decodeLuminance(row, 64, 1, 64));
        QVERIFY(!decoder.decodeLuminance(nullptr, 640, 480, 640));
        QVERIFY(!decoder.decodeLuminance(black.constBits(), 640, 480, 100)); // stride shorter than a row
    }

private:
    static QByteArray pngBytes()
    {
        QImage white(320, 240, QImage::Format_Grayscale8);
        white.fill(255);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        white.save(&buffer, "PNG");
        return bytes;
    }
};

QTEST_GUILESS_MAIN(TestQrDecoder)
#include "tst_qrdecoder.moc"
