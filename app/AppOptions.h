#pragma once

#include "core/Entry.h"
#include "core/Error.h"

#include <QString>
#include <QStringList>

namespace gymgate {

enum class AppMode {
    Invalid = 0,
    Headless
};
enum class OutputFormat {
    Invalid = 0,
    Auto, // text on a terminal, JSON lines otherwise
    Text,
    Json
};

// The command line of the gymgate executable, parsed and validated.
struct AppOptions {
    AppMode mode = AppMode::Headless;
    QString databasePath;
    QString language; // empty = system locale
    QString logDirectory;
    QString logLevel = QStringLiteral("info");
    QString gate; // gate id or name; empty = the first entry gate
    OutputFormat format = OutputFormat::Auto;
    bool autoPass = true; // no gate driver yet: confirm the passage at once
    qint64 clockStartMs = 0; // --clock: run as if it were this time (demos, tests); 0 = real time
};

// Parses the arguments. Language must be applied before parsing so help and errors are
// translated; see main.cpp.
Result<AppOptions> parseAppOptions(const QStringList &arguments);

} // namespace gymgate
