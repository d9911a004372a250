#include "DatagenOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QTimeZone>

#include <cmath>

namespace gymgate {
namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr int MaxMembers = 9'999'999; // member_no carries 7 digits
constexpr qint64 MaxCards = 9'999'000; // card_no carries 7 digits; room for demo cards
constexpr qint64 MaxBookings = 99'990'000; // booking_no carries 8 digits
constexpr int MaxEntriesPerMember = 10'000;

// Translation context of this file (lupdate reads the macro).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Datagen)
};

std::unexpected<Error> badOption(const QString &name, const QString &message)
{
    return fail(ErrorCode::InvalidArgument, message, name);
}

Result<qint64> parseInteger(const QCommandLineParser &parser, const QString &name, qint64 low, qint64 high)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < low || value > high)
        return badOption(name, Text::tr("--%1 must be a whole number from %2 to %3.").arg(name).arg(low).arg(high));
    return value;
}

// An ISO date-time; without an offset it is the gym's wall clock (Asia/Shanghai).
Result<qint64> parseNow(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return badOption(QStringLiteral("now"),
            Text::tr("--now must be an ISO date-time such as 2025-03-01T18:30:00+08:00, not \"%1\".").arg(text));
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed = QDateTime(parsed.date(), parsed.time(), QTimeZone(datagenTimeZoneId()));
    return parsed.toMSecsSinceEpoch();
}

struct OptionSet {
    QCommandLineOption db {QStringLiteral("db"), Text::tr("The SQLite database to create."), Text::tr("path")};
    QCommandLineOption force {QStringLiteral("force"), Text::tr("Delete an existing database at --db first.")};
    QCommandLineOption members {QStringLiteral("members"), Text::tr("Number of members (default 1000)."),
        Text::tr("count"), QStringLiteral("1000")};
    QCommandLineOption seed {QStringLiteral("seed"), Text::tr("Seed of every random choice (default 1)."),
        Text::tr("number"), QStringLiteral("1")};
    QCommandLineOption cards {QStringLiteral("cards-per-member"),
        Text::tr("Membership cards per member (default 1.5)."), Text::tr("number"), QStringLiteral("1.5")};
    QCommandLineOption bookings {QStringLiteral("bookings-per-member"),
        Text::tr("Class and court bookings per member (default 10)."), Text::tr("count"), QStringLiteral("10")};
    QCommandLineOption entries {QStringLiteral("entries-per-member"),
        Text::tr("Past rows of the entry log per member (default 20)."), Text::tr("count"), QStringLiteral("20")};
    QCommandLineOption site {QStringLiteral("site-number"),
        Text::tr("Three-digit site number carried by member, card and booking numbers (default 100)."),
        Text::tr("digits"), QStringLiteral("100")};
    QCommandLineOption now {QStringLiteral("now"),
        Text::tr("The moment the data is placed around, ISO 8601; without an offset it is the site's time "
                 "(default: now, rounded down to the hour)."),
        Text::tr("date-time")};
    QCommandLineOption keyDir {QStringLiteral("key-dir"),
        Text::tr("Folder of the site data key and the desk signing key (default: the database's folder)."),
        Text::tr("dir")};
    QCommandLineOption codes {QStringLiteral("codes"),
        Text::tr("Write demo scenarios (code to scan, expected outcome): JSON, or lines for gymgate --headless when "
                 "the name ends in .txt."),
        Text::tr("file")};
    QCommandLineOption gatePort {QStringLiteral("gate-port"),
        Text::tr("Modbus TCP port of the gate controller on this machine; gate N is slave N (default 1502)."),
        Text::tr("port"), QStringLiteral("1502")};
    QCommandLineOption quiet {QStringLiteral("quiet"), Text::tr("No progress on standard error.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions(
            {db, force, members, seed, cards, bookings, entries, site, now, keyDir, codes, gatePort, quiet});
    }
};

Status readSizes(const QCommandLineParser &parser, DatagenOptions &options)
{
    auto members = parseInteger(parser, QStringLiteral("members"), 1, MaxMembers);
    if (!members)
        return std::unexpected(members.error());
    options.members = int(*members);
    bool ok = false;
    options.cardsPerMember = parser.value(QStringLiteral("cards-per-member")).toDouble(&ok);
    if (!ok || !std::isfinite(options.cardsPerMember) || options.cardsPerMember < 0 || options.cardsPerMember > 10)
        return badOption(
            QStringLiteral("cards-per-member"), Text::tr("--cards-per-member must be a number from 0 to 10."));
    auto bookings = parseInteger(parser, QStringLiteral("bookings-per-member"), 0, 1000);
    if (!bookings)
        return std::unexpected(bookings.error());
    options.bookingsPerMember = int(*bookings);
    auto entries = parseInteger(parser, QStringLiteral("entries-per-member"), 0, MaxEntriesPerMember);
    if (!entries)
        return std::unexpected(entries.error());
    options.entriesPerMember = int(*entries);
    if (options.targetCards() > MaxCards)
        return badOption(QStringLiteral("cards-per-member"),
            Text::tr("At most %1 cards fit the seven-digit card numbers.").arg(MaxCards));
    if (options.targetBookings() > MaxBookings)
        return badOption(QStringLiteral("bookings-per-member"),
            Text::tr("At most %1 bookings fit the eight-digit booking numbers.").arg(MaxBookings));
    return {};
}

Status readIdentity(const QCommandLineParser &parser, DatagenOptions &options)
{
    bool seedOk = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return badOption(
            QStringLiteral("seed"), Text::tr("--seed must be a whole number from 0 to 18446744073709551615."));
    options.siteNumber = parser.value(QStringLiteral("site-number"));
    const bool siteOk = options.siteNumber.size() == 3
        && std::all_of(options.siteNumber.cbegin(), options.siteNumber.cend(), [](QChar c) { return c.isDigit(); });
    if (!siteOk)
        return badOption(
            QStringLiteral("site-number"), Text::tr("--site-number must be exactly three digits, e.g. 100."));
    if (parser.isSet(QStringLiteral("now"))) {
        auto now = parseNow(parser.value(QStringLiteral("now")));
        if (!now)
            return std::unexpected(now.error());
        options.nowMs = *now;
    } else {
        const qint64 current = QDateTime::currentMSecsSinceEpoch();
        options.nowMs = current - current % HourMs; // rounded so reruns within the hour agree
    }
    return {};
}

Status readPaths(const QCommandLineParser &parser, DatagenOptions &options)
{
    options.databasePath = parser.value(QStringLiteral("db"));
    if (options.databasePath.isEmpty())
        return badOption(QStringLiteral("db"), Text::tr("--db is required: the database file to create."));
    options.force = parser.isSet(QStringLiteral("force"));
    options.keyDirectory = parser.isSet(QStringLiteral("key-dir")) ? parser.value(QStringLiteral("key-dir"))
                                                                   : QFileInfo(options.databasePath).absolutePath();
    options.codesPath = parser.value(QStringLiteral("codes"));
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    auto gatePort = parseInteger(parser, QStringLiteral("gate-port"), 1, 65535);
    if (!gatePort)
        return std::unexpected(gatePort.error());
    options.gatePort = int(*gatePort);
    return {};
}

} // namespace

qint64 DatagenOptions::targetCards() const
{
    return std::llround(double(members) * cardsPerMember);
}

QByteArray datagenTimeZoneId()
{
    return QByteArrayLiteral("Asia/Shanghai");
}

Result<DatagenOptions> parseDatagenOptions(const QStringList &arguments, QString *helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Builds a realistic GymGate site database of any size, the same for the same seed."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const OptionSet set;
    set.addTo(parser);
    if (!parser.parse(arguments))
        return fail(ErrorCode::InvalidArgument, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Unexpected argument \"%1\"; see --help.").arg(parser.positionalArguments().constFirst()));

    DatagenOptions options;
    if (parser.isSet(help) || parser.isSet(version)) {
        options.helpRequested = parser.isSet(help);
        options.versionRequested = parser.isSet(version);
        if (helpText)
            *helpText = options.helpRequested ? parser.helpText()
                                              : QCoreApplication::applicationName() + QLatin1Char(' ')
                    + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return options;
    }
    for (const auto &step : {readPaths, readSizes, readIdentity}) {
        if (Status status = step(parser, options); !status)
            return std::unexpected(status.error());
    }
    return options;
}

} // namespace gymgate
