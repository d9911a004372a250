#pragma once

#include "core/Entry.h"
#include "core/Error.h"

#include <QString>
#include <QStringList>

namespace gymgate {

enum class AppMode {
    Invalid = 0,
    Headless, // the screenless entry controller
    Windows, // the kiosk and/or the front desk
    Enroll, // --enroll: enroll this database with the hub, then exit (a PC without a desk screen)
    Unenroll, // --unenroll: forget the hub credentials, then exit
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
    bool kiosk = false; // --kiosk: the entry kiosk window
    bool desk = false; // --desk: the front desk window (with --kiosk: both, one entry station)
    QString keyDirectory; // data.key and signing.key; empty = the database's folder
    QString databasePath;
    QString language; // empty = system locale
    QString logDirectory;
    QString logLevel = QStringLiteral("info");
    QString gate; // gate id or name; empty = the first entry gate
    OutputFormat format = OutputFormat::Auto;
    // Serial QR scanners: device path, and the lane it scans for (gate id or name, or
    // "<gate id>:out"); empty lane = the controller's gate.
    struct Scanner {
        QString device;
        QString lane;
        qint32 baudRate = 9600;
    };
    QList<Scanner> scanners;
    QString scanFolder; // image files dropped here are decoded and scanned (demo, tests)
    bool windowed = false; // kiosk in a window, not full screen (demo on a desktop)
    QString demoCodesPath; // gymgate-datagen --codes JSON: shows the demo panel beside the kiosk
    qint64 clockStartMs = 0; // --clock: run as if it were this time (demos, tests); 0 = real time
    // --enroll URL --enroll-code CODE [--device-name NAME] [--device-kind KIND]
    QString enrollHubUrl;
    QString enrollCode;
    QString deviceName;
    QString deviceKind = QStringLiteral("controller"); // desk | kiosk | controller
    // Sync with the hub (DESIGN §9): the credentials file written at enrollment; empty = beside
    // the database ("<db>.hub.json"). --no-sync runs without any hub traffic.
    QString hubCredentialsPath;
    bool sync = true;
};

// The folder of data.key and signing.key: --key-dir, else the database's folder.
QString resolvedKeyDirectory(const AppOptions &options);

// Parses the arguments. Language must be applied before parsing so help and errors are
// translated; see main.cpp.
Result<AppOptions> parseAppOptions(const QStringList &arguments);

// Whether the arguments ask for a window, read before the application object exists (a
// kiosk needs QApplication, the headless controller only QCoreApplication).
bool wantsWindow(const QStringList &arguments);

} // namespace gymgate
