// gymgate-datagen: builds a realistic gym database of any size, the same for the same seed.
// See docs/DATAGEN.md.
#include "core/Translations.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

#include "DatagenOptions.h"
#include "GymGenerator.h"
#include "SodiumRandomHook.h"

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", text.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything touches libsodium: its random source must be the switchable one.
    if (!gymgate::SodiumRandomHook::install()) {
        std::fprintf(stderr, "gymgate-datagen: libsodium failed to start\n");
        return 1;
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GymGate"));
    QCoreApplication::setApplicationName(QStringLiteral("gymgate-datagen"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GYMGATE_VERSION));
    gymgate::installTranslator(app, gymgate::requestedLanguage({})); // the system locale's

    QString helpText;
    const gymgate::Result<gymgate::DatagenOptions> options = gymgate::parseDatagenOptions(app.arguments(), &helpText);
    if (!options) {
        printLine(stderr, QStringLiteral("gymgate-datagen: ") + options.error().message);
        return 2;
    }
    if (options->helpRequested || options->versionRequested) {
        std::fputs(helpText.toLocal8Bit().constData(), stdout);
        return 0;
    }
    gymgate::GymGenerator generator(*options);
    const gymgate::Result<QJsonObject> summary = generator.run();
    if (!summary) {
        printLine(stderr, QStringLiteral("gymgate-datagen: ") + summary.error().message);
        return 1;
    }
    printLine(stdout, QString::fromUtf8(QJsonDocument(*summary).toJson(QJsonDocument::Compact)));
    return 0;
}
