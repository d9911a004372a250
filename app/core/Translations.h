#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace gymgate {

// The interface languages GymGate ships (translations/gymgate_<lang>.ts, compiled into the
// core library's resources under :/i18n/).
QStringList supportedLanguages(); // "zh_CN", "en"

// The language asked for with --lang (either "--lang X" or "--lang=X"), else the system
// locale's ("zh_CN" for any Chinese locale, "en" otherwise). Read before the command line is
// parsed so that help and errors are already translated.
QString requestedLanguage(const QStringList &arguments);

// Installs the translator of `language` on the application. False if it is not shipped.
bool installTranslator(QCoreApplication &app, const QString &language);

// Replaces the GymGate translator installed by installTranslator() or an earlier call with
// the one of `language` (widgets get a LanguageChange event). The kiosk uses it to answer a
// member in their preferred language and to go back to the site's language afterwards.
// False (and nothing changed) if the language is not shipped.
bool switchLanguage(QCoreApplication &app, const QString &language);
QString currentLanguage(); // the language last installed or switched to; empty before

} // namespace gymgate
