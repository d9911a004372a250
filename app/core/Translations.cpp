#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace gymgate {

QStringList supportedLanguages()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString requestedLanguage(const QStringList &arguments)
{
    const qsizetype index = arguments.indexOf(QStringLiteral("--lang"));
    if (index >= 0 && index + 1 < arguments.size())
        return arguments.at(index + 1);
    for (const QString &argument : arguments) {
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

namespace {

// The one GymGate translator on the application, so a language switch replaces it.
QPointer<QTranslator> &installed()
{
    static QPointer<QTranslator> translator;
    return translator;
}

QString &installedLanguage()
{
    static QString language;
    return language;
}

// Qt's own texts (standard buttons, dialogs) from the system's Qt translations
// (qt6-translations-l10n); English needs none.
QPointer<QTranslator> &installedQt()
{
    static QPointer<QTranslator> translator;
    return translator;
}

void switchQtTranslator(QCoreApplication &app, const QString &language)
{
    if (QTranslator *previous = installedQt()) {
        QCoreApplication::removeTranslator(previous);
        delete previous;
    }
    if (language == QLatin1String("en"))
        return;
    auto *translator = new QTranslator(&app);
    if (translator->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(translator))
        installedQt() = translator;
    else
        delete translator;
}

} // namespace

bool installTranslator(QCoreApplication &app, const QString &language)
{
    return switchLanguage(app, language);
}

bool switchLanguage(QCoreApplication &app, const QString &language)
{
    if (!supportedLanguages().contains(language))
        return false;
    if (language == installedLanguage() && installed())
        return true;
    auto *translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral(":/i18n/gymgate_%1.qm").arg(language))) {
        delete translator;
        return false;
    }
    if (!QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    if (QTranslator *previous = installed(); previous && previous != translator) {
        QCoreApplication::removeTranslator(previous);
        delete previous;
    }
    installed() = translator;
    installedLanguage() = language;
    switchQtTranslator(app, language);
    return true;
}

QString currentLanguage()
{
    return installedLanguage();
}

} // namespace gymgate
