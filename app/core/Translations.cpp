#include "core/Translations.h"

#include <QCoreApplication>
#include <QLocale>
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

bool installTranslator(QCoreApplication &app, const QString &language)
{
    if (!supportedLanguages().contains(language))
        return false;
    auto *translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral(":/i18n/gymgate_%1.qm").arg(language))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace gymgate
