// gymgate-gatectl: the technician's command-line tool for gate controllers (DESIGN §8).
#include "core/Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

#include "CtlOptions.h"
#include "GateCtl.h"

using namespace gymgate::gatectl;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gymgate-gatectl"));
    gymgate::installTranslator(app, gymgate::requestedLanguage({})); // the system locale's
    QCommandLineParser parser;
    addCtlOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "gymgate-gatectl: %s\n", qPrintable(parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(ExitOk);
    auto options = ctlOptionsFromParser(parser);
    if (!options) {
        std::fprintf(stderr, "gymgate-gatectl: %s\n", qPrintable(options.error().message));
        return ExitUsage;
    }
    return GateCtl(std::move(*options)).run();
}
