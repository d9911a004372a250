// gymgate-bench: each subcommand measures one figure of DESIGN §11 and prints it as JSON.
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>
#include <memory>

#include "DecideBench.h"
#include "DecodeBench.h"
#include "EntryBench.h"
#include "GateBench.h"
#include "HubBench.h"
#include "ReportsBench.h"
#include "SearchBench.h"
#include "SyncBench.h"

using namespace gymgate;

namespace {

int printReport(const Result<QJsonObject> &report)
{
    if (!report) {
        std::fprintf(stderr, "gymgate-bench: %s\n", qPrintable(report.error().toString()));
        return 1;
    }
    std::printf("%s\n", QJsonDocument(*report).toJson(QJsonDocument::Indented).constData());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // reports draws tables and charts: widgets need a QApplication, offscreen without a display.
    const bool widgets = argc > 1 && qstrcmp(argv[1], "reports") == 0;
    if (widgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application
        = widgets ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("gymgate-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("GymGate benchmarks. Subcommands: decide, gate, decode, entry, search, hub, sync, reports."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("benchmark"), QStringLiteral("decide | gate | decode | entry | search | hub | sync | reports"));
    const QCommandLineOption db(
        QStringLiteral("db"), QStringLiteral("Gym database made by gymgate-datagen."), QStringLiteral("path"));
    const QCommandLineOption iterations(
        QStringLiteral("iterations"), QStringLiteral("Measured samples."), QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Sample order seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption clock(QStringLiteral("clock"),
        QStringLiteral("Decide as if it were this time (ISO 8601), e.g. during opening hours."),
        QStringLiteral("time"));
    const QCommandLineOption gatesim(
        QStringLiteral("gatesim"), QStringLiteral("The gymgate-gatesim binary (gate, entry)."), QStringLiteral("path"));
    const QCommandLineOption sweep(
        QStringLiteral("sweep"), QStringLiteral("decode: also time ZXing's other option sets on the same frames."));
    const QCommandLineOption members(QStringLiteral("members"),
        QStringLiteral("hub, sync: load only the first n members of the gym and their cards (0 = all)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption noPostgresql(
        QStringLiteral("no-postgresql"), QStringLiteral("hub: measure on SQLite only."));
    parser.addOptions({db, iterations, seed, clock, gatesim, sweep, members, noPostgresql});
    parser.process(app);

    const QString benchmark = parser.positionalArguments().value(0);
    if (benchmark == QLatin1String("decide")) {
        DecideBenchOptions options;
        options.databasePath = parser.value(db);
        options.iterations = parser.value(iterations).toInt();
        options.seed = parser.value(seed).toULongLong();
        if (parser.isSet(clock)) {
            const QDateTime start = QDateTime::fromString(parser.value(clock), Qt::ISODate);
            if (!start.isValid()) {
                std::fprintf(stderr, "gymgate-bench decide: --clock must be an ISO 8601 date and time\n");
                return 2;
            }
            options.clockStartMs = start.toMSecsSinceEpoch();
        }
        if (options.databasePath.isEmpty() || options.iterations <= 0) {
            std::fprintf(stderr, "gymgate-bench decide: --db is required and --iterations must be positive\n");
            return 2;
        }
        return printReport(runDecideBench(options));
    }
    if (benchmark == QLatin1String("gate")) {
        GateBenchOptions options;
        options.gatesimPath = parser.isSet(gatesim) ? parser.value(gatesim) : QStringLiteral(GYMGATE_GATESIM_PATH);
        options.iterations = parser.value(iterations).toInt();
        if (options.iterations <= 0) {
            std::fprintf(stderr, "gymgate-bench gate: --iterations must be positive\n");
            return 2;
        }
        return printReport(runGateBench(options));
    }
    if (benchmark == QLatin1String("decode")) {
        DecodeBenchOptions options;
        options.iterations = parser.isSet(iterations) ? parser.value(iterations).toInt() : options.iterations;
        options.seed = parser.value(seed).toULongLong();
        options.sweep = parser.isSet(sweep);
        options.testDataDir = QStringLiteral(GYMGATE_QR_TESTDATA_DIR);
        if (options.iterations <= 0) {
            std::fprintf(stderr, "gymgate-bench decode: --iterations must be positive\n");
            return 2;
        }
        return printReport(runDecodeBench(options));
    }
    if (benchmark == QLatin1String("entry")) {
        EntryBenchOptions options;
        options.databasePath = parser.value(db);
        options.gatesimPath = parser.isSet(gatesim) ? parser.value(gatesim) : QStringLiteral(GYMGATE_GATESIM_PATH);
        options.iterations = parser.isSet(iterations) ? parser.value(iterations).toInt() : options.iterations;
        options.seed = parser.value(seed).toULongLong();
        if (parser.isSet(clock)) {
            const QDateTime start = QDateTime::fromString(parser.value(clock), Qt::ISODate);
            if (!start.isValid()) {
                std::fprintf(stderr, "gymgate-bench entry: --clock must be an ISO 8601 date and time\n");
                return 2;
            }
            options.clockStartMs = start.toMSecsSinceEpoch();
        }
        if (options.databasePath.isEmpty() || options.iterations <= 0) {
            std::fprintf(stderr, "gymgate-bench entry: --db is required and --iterations must be positive\n");
            return 2;
        }
        return printReport(runEntryBench(options));
    }
    if (benchmark == QLatin1String("search")) {
        SearchBenchOptions options;
        options.databasePath = parser.value(db);
        options.iterations = parser.isSet(iterations) ? parser.value(iterations).toInt() : options.iterations;
        options.seed = parser.value(seed).toULongLong();
        if (options.databasePath.isEmpty() || options.iterations <= 0) {
            std::fprintf(stderr, "gymgate-bench search: --db is required and --iterations must be positive\n");
            return 2;
        }
        return printReport(runSearchBench(options));
    }
    if (benchmark == QLatin1String("hub")) {
        HubBenchOptions options;
        options.databasePath = parser.value(db);
        options.members = parser.value(members).toInt();
        options.postgresql = !parser.isSet(noPostgresql);
        if (options.databasePath.isEmpty() || options.members < 0) {
            std::fprintf(stderr, "gymgate-bench hub: --db is required and --members must not be negative\n");
            return 2;
        }
        return printReport(runHubBench(options));
    }
    if (benchmark == QLatin1String("sync")) {
        SyncBenchOptions options;
        options.databasePath = parser.value(db);
        options.members = parser.value(members).toInt();
        if (options.databasePath.isEmpty() || options.members < 0) {
            std::fprintf(stderr, "gymgate-bench sync: --db is required and --members must not be negative\n");
            return 2;
        }
        return printReport(runSyncBench(options));
    }
    if (benchmark == QLatin1String("reports")) {
        ReportsBenchOptions options;
        options.databasePath = parser.value(db);
        options.iterations = parser.isSet(iterations) ? parser.value(iterations).toInt() : options.iterations;
        if (options.databasePath.isEmpty() || options.iterations <= 0) {
            std::fprintf(stderr, "gymgate-bench reports: --db is required and --iterations must be positive\n");
            return 2;
        }
        return printReport(runReportsBench(options));
    }
    std::fprintf(stderr,
        "gymgate-bench: unknown benchmark \"%s\" (try: decide, gate, decode, entry, search, hub, sync, reports)\n",
        qPrintable(benchmark));
    return 2;
}
