#include "DecodeBench.h"

#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/SigningKey.h"
#include "scan/QrDecoder.h"
#include "scan/QrEncoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>

#include <cmath>
#include <functional>
#include <optional>

#ifdef GYMGATE_HAVE_ZBAR
#include <zbar.h>
#endif

#include "BenchStats.h"
#include "QrImageEffects.h"

namespace gymgate {
namespace {

using Decode = std::function<std::optional<QString>(const QImage &)>;

// How a kind of frame is made: the code's width as a share of the frame width (spread evenly
// over the frames of the kind), lens softness and sensor noise.
struct Shot {
    QString name;
    QSize size;
    bool withCode = false;
    double minShare = 0.20;
    double maxShare = 0.35;
    int blurRadius = 1;
    int blurPasses = 1; // one 3-pixel box: a slightly soft lens
    double noiseSigma = 4.0;
    double light = 1.0; // overall exposure
};

struct FrameKind {
    Shot shot;
    QList<QImage> frames;
};

QImage deskScene(QSize size, QRandomGenerator &random)
{
    QImage scene = qrgen::canvas(size.width(), size.height(), QColor(150, 146, 140));
    QPainter painter(&scene);
    for (int i = 0; i < 6; ++i) { // furniture, posters, a bag: large soft shapes
        const QRectF rect(random.bounded(size.width()), random.bounded(size.height()),
            size.width() * (0.1 + 0.3 * random.generateDouble()),
            size.height() * (0.1 + 0.3 * random.generateDouble()));
        const int grey = random.bounded(60, 220);
        painter.fillRect(rect, QColor(grey, grey, grey));
    }
    painter.end();
    qrgen::drawPseudoText(scene,
        QRectF(size.width() * 0.05, size.height() * 0.55, size.width() * 0.4, size.height() * 0.4), 12,
        QColor(40, 40, 40), random);
    return scene;
}

void placeCode(QImage &frame, const QString &code, double widthShare, QRandomGenerator &random)
{
    constexpr int moduleSizePx = 4;
    constexpr int quietZoneModules = 4;
    const Result<QImage> qr = QrEncoder::encode(code, moduleSizePx, quietZoneModules);
    if (!qr)
        return;
    const QImage card = qrgen::recolour(*qr, QColor(25, 25, 30), QColor(240, 236, 226));
    // widthShare is the symbol's width; the quiet zone comes on top, like a printed margin.
    const double symbolPx = card.width() - 2 * quietZoneModules * moduleSizePx;
    const double scale = widthShare * frame.width() / symbolPx;
    const QPointF centre(
        frame.width() * (0.3 + 0.4 * random.generateDouble()), frame.height() * (0.35 + 0.3 * random.generateDouble()));
    qrgen::place(frame, card, centre, -8.0 + 16.0 * random.generateDouble(), scale);
}

QImage cameraFrame(const Shot &shot, const QString &code, double widthShare, QRandomGenerator &random)
{
    QImage frame = deskScene(shot.size, random);
    if (shot.withCode)
        placeCode(frame, code, widthShare, random);
    qrgen::unevenLight(frame, 0.8 * shot.light, 1.05 * shot.light,
        QPointF(shot.size.width() * 0.7, shot.size.height() * 0.2), 0.1 * shot.light);
    qrgen::boxBlur(frame, shot.blurRadius, shot.blurPasses);
    qrgen::addNoise(frame, shot.noiseSigma, random);
    return frame.convertToFormat(QImage::Format_Grayscale8);
}

// The printed card code of tests/data/qr, so every run decodes the same symbol; a freshly
// issued one if the test data are not there.
Result<QString> memberCode(const QString &testDataDir)
{
    QFile manifest(QDir(testDataDir).filePath(QStringLiteral("manifest.json")));
    if (manifest.open(QIODevice::ReadOnly)) {
        const QJsonArray images
            = QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("images")).toArray();
        for (const QJsonValue &image : images) {
            if (image.toObject().value(QStringLiteral("file")).toString() == QLatin1String("code_m4.png"))
                return image.toObject().value(QStringLiteral("text")).toString();
        }
    }
    const Result<SigningKey> key = SigningKey::generate(QStringLiteral("bench"));
    if (!key)
        return std::unexpected(key.error());
    const SystemClock clock;
    return CredentialIssuer(*key, clock)
        .issueCardCode(QStringLiteral("7f3c2a9e-5b1d-4c8e-9a6f-0d2e4b7c1a35"),
            QStringLiteral("c91e0b7a-2f4d-4e6b-8a3c-5d7f9e1b2c4a"), 0);
}

FrameKind makeKind(const Shot &shot, const QString &code, const DecodeBenchOptions &options)
{
    QRandomGenerator random(options.seed ^ qHash(shot.name));
    FrameKind kind {shot, {}};
    for (int i = 0; i < options.framesPerKind; ++i) {
        const double share
            = shot.minShare + (shot.maxShare - shot.minShare) * i / std::max(1, options.framesPerKind - 1);
        kind.frames.append(cameraFrame(shot, code, share, random));
    }
    return kind;
}

QList<FrameKind> standardKinds(const QString &code, const DecodeBenchOptions &options)
{
    QList<FrameKind> kinds;
    for (const QSize size : {QSize(640, 480), QSize(1280, 720)}) {
        for (const bool withCode : {true, false}) {
            Shot shot;
            shot.name = QStringLiteral("%1x%2_%3")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(withCode ? QStringLiteral("code") : QStringLiteral("none"));
            shot.size = size;
            shot.withCode = withCode;
            kinds.append(makeKind(shot, code, options));
        }
    }
    return kinds;
}

// Harder pictures, only for the option sweep: where the options could make a difference.
QList<FrameKind> hardKinds(const QString &code, const DecodeBenchOptions &options)
{
    Shot small {QStringLiteral("640x480_small_code"), QSize(640, 480), true, 0.12, 0.20};
    Shot soft {QStringLiteral("1280x720_soft_code"), QSize(1280, 720), true, 0.20, 0.35, 3, 2, 8.0};
    Shot dim {QStringLiteral("640x480_dim_code"), QSize(640, 480), true, 0.20, 0.35, 1, 2, 6.0, 0.35};
    return {makeKind(small, code, options), makeKind(soft, code, options), makeKind(dim, code, options)};
}

#ifdef GYMGATE_HAVE_ZBAR
using namespace zbar; // zbar.h puts its C API in this namespace when compiled as C++

// zbar with only QR enabled, on the same grey bytes; a fresh zbar image per frame like a camera
// callback would make, one scanner for the run.
class ZbarDecoder {
public:
    ZbarDecoder() : m_scanner(zbar_image_scanner_create())
    {
        zbar_image_scanner_set_config(m_scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
        zbar_image_scanner_set_config(m_scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
        zbar_image_scanner_enable_cache(m_scanner, 0);
    }
    ~ZbarDecoder() { zbar_image_scanner_destroy(m_scanner); }
    ZbarDecoder(const ZbarDecoder &) = delete;
    ZbarDecoder &operator=(const ZbarDecoder &) = delete;

    std::optional<QString> decode(const QImage &frame) const
    {
        // zbar wants packed rows: true for these widths (multiples of 4).
        if (frame.format() != QImage::Format_Grayscale8 || frame.bytesPerLine() != frame.width())
            return std::nullopt;
        zbar_image_t *image = zbar_image_create();
        zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
        zbar_image_set_size(image, unsigned(frame.width()), unsigned(frame.height()));
        zbar_image_set_data(image, frame.constBits(), static_cast<unsigned long>(frame.sizeInBytes()), nullptr);
        std::optional<QString> text;
        if (zbar_scan_image(m_scanner, image) > 0) {
            if (const zbar_symbol_t *symbol = zbar_image_first_symbol(image))
                text = QString::fromUtf8(zbar_symbol_get_data(symbol), int(zbar_symbol_get_data_length(symbol)));
        }
        zbar_image_destroy(image);
        return text;
    }

private:
    zbar_image_scanner_t *m_scanner;
};

QString zbarVersion()
{
    unsigned major = 0, minor = 0, patch = 0;
    zbar_version(&major, &minor, &patch);
    return QStringLiteral("zbar %1.%2.%3, QR only").arg(major).arg(minor).arg(patch);
}
#endif

double ms(double us)
{
    return std::round(us) / 1000.0;
}

QJsonObject measure(const FrameKind &kind, const QString &code, const Decode &decode, int iterations)
{
    for (const QImage &frame : kind.frames) // warm caches and lazy initialisation
        decode(frame);
    QList<qint64> samplesNs;
    samplesNs.reserve(iterations);
    int right = 0;
    int wrong = 0;
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        const QImage &frame = kind.frames.at(i % kind.frames.size());
        timer.start();
        const std::optional<QString> text = decode(frame);
        samplesNs.append(timer.nsecsElapsed());
        if (text && kind.shot.withCode && *text == code)
            ++right;
        else if (text)
            ++wrong;
    }
    const LatencySummary latency = summarize(samplesNs);
    QJsonObject result {{QStringLiteral("p50_ms"), ms(latency.p50Us)}, {QStringLiteral("p99_ms"), ms(latency.p99Us)},
        {QStringLiteral("mean_ms"), ms(latency.meanUs)}, {QStringLiteral("max_ms"), ms(latency.maxUs)},
        {QStringLiteral("samples"), iterations}};
    if (kind.shot.withCode)
        result.insert(QStringLiteral("read_rate"), std::round(1000.0 * right / iterations) / 1000.0);
    result.insert(QStringLiteral("wrong_reads"), wrong);
    return result;
}

QString optionsName(const QrDecoder::Options &options)
{
    QStringList parts;
    if (options.tryHarder)
        parts.append(QStringLiteral("tryHarder"));
    if (options.tryRotate)
        parts.append(QStringLiteral("tryRotate"));
    if (options.tryDownscale)
        parts.append(QStringLiteral("tryDownscale"));
    if (options.upscaleBelowPx > 0)
        parts.append(QStringLiteral("upscaleBelow%1").arg(options.upscaleBelowPx));
    return parts.isEmpty() ? QStringLiteral("fast") : parts.join(QLatin1Char('+'));
}

// How many coded images of tests/data/qr an option set reads correctly, and how many images
// without a code it (wrongly) reads.
QJsonObject testDataReads(const QString &dir, const QrDecoder &decoder)
{
    QFile file(QDir(dir).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray images
        = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("images")).toArray();
    int coded = 0, read = 0, falseReads = 0;
    QJsonArray missed;
    for (const QJsonValue &entry : images) {
        const QJsonObject image = entry.toObject();
        const QString name = image.value(QStringLiteral("file")).toString();
        const std::optional<QString> text = decoder.decode(QImage(QDir(dir).filePath(name)));
        if (image.value(QStringLiteral("text")).isNull()) {
            falseReads += text ? 1 : 0;
            continue;
        }
        ++coded;
        if (text && *text == image.value(QStringLiteral("text")).toString())
            ++read;
        else
            missed.append(name);
    }
    return {{QStringLiteral("coded_images"), coded}, {QStringLiteral("read"), read},
        {QStringLiteral("false_reads"), falseReads}, {QStringLiteral("missed"), missed}};
}

QJsonArray sweep(QList<FrameKind> kinds, const QString &code, const DecodeBenchOptions &options)
{
    // QrDecoder's defaults first, then ZXing's own defaults (everything on), then the others.
    const QList<QrDecoder::Options> sets {{false, false, true, 0}, {true, true, true, 0}, {true, false, true, 0},
        {true, false, false, 0}, {false, false, false, 0}, {false, false, true, 600}};
    kinds.append(hardKinds(code, options));
    QJsonArray rows;
    for (const QrDecoder::Options &set : sets) {
        const QrDecoder decoder(set);
        QJsonObject row {{QStringLiteral("options"), optionsName(set)}};
        for (const FrameKind &kind : kinds) {
            row.insert(kind.shot.name,
                measure(
                    kind, code, [&](const QImage &frame) { return decoder.decode(frame); },
                    std::max(1, options.iterations / 3)));
        }
        if (!options.testDataDir.isEmpty())
            row.insert(QStringLiteral("test_data"), testDataReads(options.testDataDir, decoder));
        rows.append(row);
    }
    return rows;
}

} // namespace

Result<QJsonObject> runDecodeBench(const DecodeBenchOptions &options)
{
    const Result<QString> code = memberCode(options.testDataDir);
    if (!code)
        return std::unexpected(code.error());
    const QList<FrameKind> kinds = standardKinds(*code, options);

    const QrDecoder zxing;
#ifdef GYMGATE_HAVE_ZBAR
    const ZbarDecoder zbar;
#endif
    QJsonObject results;
    for (const FrameKind &kind : kinds) {
        QJsonObject row;
        row.insert(QStringLiteral("zxing"),
            measure(
                kind, *code, [&](const QImage &frame) { return zxing.decode(frame); }, options.iterations));
#ifdef GYMGATE_HAVE_ZBAR
        row.insert(QStringLiteral("zbar"),
            measure(
                kind, *code, [&](const QImage &frame) { return zbar.decode(frame); }, options.iterations));
#endif
        results.insert(kind.shot.name, row);
    }

    QJsonObject report {{QStringLiteral("benchmark"), QStringLiteral("decode")},
        {QStringLiteral("code_length"), code->size()}, {QStringLiteral("frames_per_kind"), options.framesPerKind},
        {QStringLiteral("iterations"), options.iterations},
        {QStringLiteral("zxing_options"), optionsName(zxing.options())},
#ifdef GYMGATE_HAVE_ZBAR
        {QStringLiteral("zbar"), zbarVersion()},
#else
        {QStringLiteral("zbar"), QStringLiteral("not built (libzbar-dev missing)")},
#endif
        {QStringLiteral("results"), results},
        {QStringLiteral("goal_ms"),
            QJsonObject {{QStringLiteral("640x480_code"), 2.0}, {QStringLiteral("640x480_none"), 4.0}}},
        {QStringLiteral("rss_kb"), residentKb()}};
    if (options.sweep)
        report.insert(QStringLiteral("sweep"), sweep(kinds, *code, options));
    return report;
}

} // namespace gymgate
