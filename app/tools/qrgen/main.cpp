// gymgate-qrgen: writes the QR test images of tests/data/qr and their manifest.json (file ->
// expected text, null for pictures without a code). Real GG1 codes from a fixed test key, a
// fixed clock and fixed nonces, and seeded degradations: the same files on every run.
//   gymgate-qrgen --out tests/data/qr       (scripts/make-qr-testdata)
#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/SigningKey.h"
#include "scan/QrDecoder.h"
#include "scan/QrEncoder.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSaveFile>

#include <sodium.h>

#include <cstdio>
#include <functional>

#include "QrImageEffects.h"
#include "SodiumRandomHook.h"

using namespace gymgate;
using namespace gymgate::qrgen;

namespace {

constexpr qint64 IssuedAtMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z
const QColor Paper(242, 238, 226);

struct Codes {
    QString card; // a C code with a card id, the common printed card
    QString cardNoCardId;
    QString token; // a T app token
    QString legacy = QStringLiteral("M1000123");
};

Result<Codes> makeCodes()
{
    // A fixed seed for the test key: the codes stay the same and verifiable by anyone who
    // rebuilds the key with this generator (kid "qrtest").
    QByteArray seed(crypto_sign_SEEDBYTES, '\0');
    const QByteArray label("gymgate-qrgen test key");
    crypto_generichash(reinterpret_cast<unsigned char *>(seed.data()), size_t(seed.size()),
        reinterpret_cast<const unsigned char *>(label.constData()), size_t(label.size()), nullptr, 0);
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray secretKey(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(publicKey.data()),
        reinterpret_cast<unsigned char *>(secretKey.data()), reinterpret_cast<const unsigned char *>(seed.constData()));
    const Result<SigningKey> key = SigningKey::fromSecretKey(QStringLiteral("qrtest"), secretKey);
    if (!key)
        return std::unexpected(key.error());

    SodiumRandomHook::setStreamKey(seed);
    const ManualClock clock(IssuedAtMs);
    const CredentialIssuer issuer(*key, clock);
    Codes codes;
    auto issue = [](QByteArrayView context, auto make) {
        const SodiumRandomHook::Scope scope(context);
        return make();
    };
    const auto card = issue("card", [&] {
        return issuer.issueCardCode(QStringLiteral("7f3c2a9e-5b1d-4c8e-9a6f-0d2e4b7c1a35"),
            QStringLiteral("c91e0b7a-2f4d-4e6b-8a3c-5d7f9e1b2c4a"), 0);
    });
    const auto cardNoCardId = issue("card-no-card-id",
        [&] { return issuer.issueCardCode(QStringLiteral("0a4b8c2d-6e1f-4a3b-9c5d-7e8f1a2b3c4d"), QString(), 0); });
    const auto token = issue(
        "token", [&] { return issuer.issueToken(QStringLiteral("7f3c2a9e-5b1d-4c8e-9a6f-0d2e4b7c1a35"), 60'000); });
    for (const auto *issued : {&card, &cardNoCardId, &token}) {
        if (!*issued)
            return std::unexpected(issued->error());
    }
    codes.card = *card;
    codes.cardNoCardId = *cardNoCardId;
    codes.token = *token;
    return codes;
}

QImage codeImage(const QString &text, int moduleSizePx, QColor dark = Qt::black, QColor light = Qt::white)
{
    const Result<QImage> code = QrEncoder::encode(text, moduleSizePx);
    return code ? recolour(*code, dark, light) : QImage();
}

// A printed member card: a paper panel with the code, a brand stripe and a few lines of text.
QImage memberCard(const QString &text, int moduleSizePx, QRandomGenerator &random)
{
    const QImage code = codeImage(text, moduleSizePx, QColor(20, 20, 25), Paper);
    QImage card = canvas(code.width() + 40, code.height() + 130, Paper);
    {
        QPainter painter(&card);
        painter.fillRect(QRect(0, 0, card.width(), 36), QColor(214, 92, 36));
        painter.drawImage(QPoint(20, 46), code);
    }
    drawPseudoText(card, QRectF(20, code.height() + 56, card.width() - 40, 70), 14, QColor(50, 50, 60), random);
    return card;
}

struct Sample {
    QString file;
    std::optional<QString> text;
    QString description;
    QImage image;
};

QPointF middle(const QImage &image)
{
    return QPointF(image.width() / 2.0, image.height() / 2.0);
}

Sample clean(const QString &text, int moduleSizePx)
{
    QImage image = canvas(640, 480, Qt::white);
    place(image, codeImage(text, moduleSizePx), middle(image), 0);
    return {QStringLiteral("code_m%1.png").arg(moduleSizePx), text,
        QStringLiteral("clean code, %1 px modules").arg(moduleSizePx), image};
}

Sample rotated(const QString &text, double angleDeg)
{
    QImage image = canvas(640, 480, Qt::white);
    place(image, codeImage(text, 4), middle(image), angleDeg);
    return {QStringLiteral("code_rot%1.png").arg(angleDeg), text,
        QStringLiteral("4 px modules rotated %1 degrees").arg(angleDeg), image};
}

Sample noisy(const QString &text, double sigma, QRandomGenerator &random)
{
    QImage image = canvas(640, 480, QColor(235, 235, 235));
    place(image, codeImage(text, 4), middle(image), 3);
    addNoise(image, sigma, random);
    return {QStringLiteral("code_noise%1.jpg").arg(sigma), text,
        QStringLiteral("4 px modules, gaussian noise sigma %1").arg(sigma), image};
}

Sample blurred(const QString &text, int radius)
{
    QImage image = canvas(640, 480, Qt::white);
    place(image, codeImage(text, 5), middle(image), -2);
    boxBlur(image, radius);
    return {QStringLiteral("code_blur%1.png").arg(radius), text,
        QStringLiteral("5 px modules, box blur radius %1 twice").arg(radius), image};
}

Sample lowContrast(const QString &text, QColor dark, QColor light, const QString &name)
{
    QImage image = canvas(640, 480, light);
    place(image, codeImage(text, 4, dark, light), middle(image), 0);
    return {QStringLiteral("code_lowcontrast_%1.png").arg(name), text,
        QStringLiteral("low contrast: %1 on %2").arg(dark.name(), light.name()), image};
}

Sample photographed(
    const QString &text, const QString &name, const QPolygonF &quad, double leftGain, double rightGain, int quality)
{
    QRandomGenerator random(qHash(name));
    QImage image = canvas(640, 480, QColor(128, 96, 66)); // a wooden desk
    addNoise(image, 10, random);
    boxBlur(image, 2);
    placeOnQuad(image, memberCard(text, 4, random), quad);
    unevenLight(image, leftGain, rightGain, QPointF(420, 140), 0.25);
    boxBlur(image, 1);
    addNoise(image, 4, random);
    image = jpegRoundTrip(image, quality);
    return {QStringLiteral("photo_%1.jpg").arg(name), text,
        QStringLiteral("printed card photographed: perspective, uneven light, JPEG quality %1").arg(quality), image};
}

Sample smallInBig(const QString &text, QRandomGenerator &random)
{
    QImage image = canvas(1280, 720, QColor(200, 204, 208));
    drawPseudoText(image, QRectF(60, 60, 700, 600), 16, QColor(70, 70, 80), random);
    place(image, codeImage(text, 2), QPointF(1040, 480), 4);
    addNoise(image, 3, random);
    return {QStringLiteral("code_small_in_big.jpg"), text,
        QStringLiteral("2 px modules in a 1280x720 frame beside text"), image};
}

Sample onCard(const QString &text, const QString &name, int moduleSizePx, QRandomGenerator &random)
{
    QImage image = canvas(640, 480, QColor(60, 64, 72));
    place(image, memberCard(text, moduleSizePx, random), middle(image), -6);
    return {QStringLiteral("card_%1.png").arg(name), text,
        QStringLiteral("member card layout on a dark table, %1 px modules").arg(moduleSizePx), image};
}

Sample negative(const QString &name, const QString &description, const std::function<void(QImage &)> &draw)
{
    QImage image = canvas(640, 480, Qt::white);
    draw(image);
    const bool noisy = name == QLatin1String("noise") || name == QLatin1String("wall");
    return {QStringLiteral("none_%1.%2").arg(name, noisy ? QStringLiteral("jpg") : QStringLiteral("png")), std::nullopt,
        description, image};
}

QList<Sample> negatives()
{
    QList<Sample> samples;
    samples.append(negative(QStringLiteral("text"), QStringLiteral("a page of text"), [](QImage &image) {
        QRandomGenerator random(11);
        drawPseudoText(image, QRectF(40, 40, 560, 400), 14, Qt::black, random);
    }));
    samples.append(negative(QStringLiteral("noise"), QStringLiteral("uniform random noise"), [](QImage &image) {
        QRandomGenerator random(12);
        image.fill(QColor(128, 128, 128));
        addNoise(image, 60, random);
    }));
    samples.append(negative(QStringLiteral("barcode1d"), QStringLiteral("a linear barcode"), [](QImage &image) {
        QRandomGenerator random(13);
        drawLinearBarcode(image, QRectF(120, 150, 400, 160), random);
    }));
    samples.append(negative(QStringLiteral("wall"), QStringLiteral("a blank wall in uneven light"), [](QImage &image) {
        QRandomGenerator random(14);
        image.fill(QColor(205, 200, 188));
        unevenLight(image, 0.7, 1.0, QPointF(500, 100), 0.15);
        addNoise(image, 5, random);
    }));
    samples.append(negative(
        QStringLiteral("random_modules"), QStringLiteral("a QR-sized grid of random modules"), [](QImage &image) {
            QRandomGenerator random(15);
            drawRandomModules(image, QRectF(140, 60, 360, 360), 45, false, random);
        }));
    samples.append(negative(QStringLiteral("fake_finders"),
        QStringLiteral("three finder patterns around random modules (no valid code)"), [](QImage &image) {
            QRandomGenerator random(16);
            drawRandomModules(image, QRectF(140, 60, 360, 360), 45, true, random);
        }));
    samples.append(negative(QStringLiteral("checkerboard"), QStringLiteral("a checkerboard"), [](QImage &image) {
        QPainter painter(&image);
        for (int y = 0; y < 480; y += 40)
            for (int x = (y / 40 % 2) * 40; x < 640; x += 80)
                painter.fillRect(QRect(x, y, 40, 40), Qt::black);
    }));
    return samples;
}

QList<Sample> samples(const Codes &codes)
{
    QRandomGenerator random(20260101);
    QList<Sample> list;
    for (const int moduleSizePx : {2, 3, 4, 6, 8})
        list.append(clean(codes.card, moduleSizePx));
    for (const double angle : {15.0, 33.0, 90.0, 180.0})
        list.append(rotated(codes.card, angle));
    for (const double sigma : {20.0, 35.0})
        list.append(noisy(codes.card, sigma, random));
    for (const int radius : {1, 2})
        list.append(blurred(codes.card, radius));
    list.append(lowContrast(codes.card, QColor(90, 90, 90), QColor(150, 150, 150), QStringLiteral("dark")));
    list.append(lowContrast(codes.card, QColor(150, 150, 160), QColor(215, 215, 215), QStringLiteral("light")));
    list.append(photographed(codes.card, QStringLiteral("tilted"),
        QPolygonF({{180, 60}, {470, 90}, {455, 440}, {150, 410}}), 0.75, 1.05, 60));
    list.append(photographed(codes.card, QStringLiteral("perspective"),
        QPolygonF({{210, 40}, {440, 70}, {500, 460}, {120, 430}}), 0.6, 1.1, 50));
    list.append(photographed(codes.cardNoCardId, QStringLiteral("dim"),
        QPolygonF({{160, 80}, {460, 50}, {490, 400}, {190, 450}}), 0.5, 0.8, 70));
    list.append(smallInBig(codes.card, random));
    list.append(onCard(codes.card, QStringLiteral("card"), 4, random));
    list.append(onCard(codes.cardNoCardId, QStringLiteral("no_card_id"), 5, random));
    list.append(onCard(codes.token, QStringLiteral("token"), 5, random));
    Sample legacy = clean(codes.legacy, 6);
    legacy.file = QStringLiteral("legacy_m6.png");
    legacy.description = QStringLiteral("legacy plain member number");
    list.append(legacy);
    list.append(negatives());
    return list;
}

bool write(const QDir &dir, const Sample &sample)
{
    const bool jpeg = sample.file.endsWith(QLatin1String(".jpg"));
    // Grey pictures are stored as 8-bit grey; JPEG keeps the noisy ones small.
    const bool colour
        = sample.file.startsWith(QLatin1String("photo_")) || sample.file.startsWith(QLatin1String("card_"));
    const QImage image = colour ? sample.image : sample.image.convertToFormat(QImage::Format_Grayscale8);
    QSaveFile file(dir.filePath(sample.file));
    return file.open(QIODevice::WriteOnly) && image.save(&file, jpeg ? "JPG" : "PNG", jpeg ? 85 : -1) && file.commit();
}

QJsonObject manifestEntry(const Sample &sample)
{
    return QJsonObject {{QStringLiteral("file"), sample.file},
        {QStringLiteral("text"), sample.text ? QJsonValue(*sample.text) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("description"), sample.description}};
}

} // namespace

int main(int argc, char *argv[])
{
    if (!SodiumRandomHook::install()) {
        std::fprintf(stderr, "gymgate-qrgen: libsodium failed to start\n");
        return 1;
    }
    // Drawing needs a GUI application object but no screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gymgate-qrgen"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes the QR test images and manifest.json."));
    parser.addHelpOption();
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("Output folder (tests/data/qr)."), QStringLiteral("dir"));
    const QCommandLineOption check(
        QStringLiteral("check"), QStringLiteral("Decode every written image and report mismatches."));
    parser.addOptions({out, check});
    parser.process(app);
    if (!parser.isSet(out)) {
        std::fprintf(stderr, "gymgate-qrgen: --out is required\n");
        return 2;
    }
    const QDir dir(parser.value(out));
    if (!QDir().mkpath(dir.path())) {
        std::fprintf(stderr, "gymgate-qrgen: cannot create %s\n", qPrintable(dir.path()));
        return 1;
    }

    const Result<Codes> codes = makeCodes();
    if (!codes) {
        std::fprintf(stderr, "gymgate-qrgen: %s\n", qPrintable(codes.error().toString()));
        return 1;
    }
    QJsonArray images;
    int mismatches = 0;
    const QrDecoder decoder;
    for (const Sample &sample : samples(*codes)) {
        if (sample.image.isNull() || !write(dir, sample)) {
            std::fprintf(stderr, "gymgate-qrgen: cannot write %s\n", qPrintable(sample.file));
            return 1;
        }
        images.append(manifestEntry(sample));
        if (parser.isSet(check)) {
            const Result<QString> decoded = decoder.decodeFile(dir.filePath(sample.file));
            const std::optional<QString> got = decoded ? std::optional<QString>(*decoded) : std::nullopt;
            const bool ok = got == sample.text;
            mismatches += ok ? 0 : 1;
            std::printf("%-32s %s\n", qPrintable(sample.file), ok ? "ok" : "MISMATCH");
        }
    }
    QSaveFile manifest(dir.filePath(QStringLiteral("manifest.json")));
    const QJsonObject root {{QStringLiteral("generator"), QStringLiteral("gymgate-qrgen")},
        {QStringLiteral("key_id"), QStringLiteral("qrtest")}, {QStringLiteral("images"), images}};
    if (!manifest.open(QIODevice::WriteOnly) || manifest.write(QJsonDocument(root).toJson()) < 0
        || !manifest.commit()) {
        std::fprintf(stderr, "gymgate-qrgen: cannot write manifest.json\n");
        return 1;
    }
    std::printf("gymgate-qrgen: %lld images in %s\n", static_cast<long long>(images.size()), qPrintable(dir.path()));
    return mismatches == 0 ? 0 : 3;
}
