#pragma once

#include "core/Error.h"

#include <QString>
#include <QStringList>

namespace gymgate::hub {

// Everything gymgate-hub is started with. The same keys can come from a JSON config file
// (--config); the command line wins over the file, the file over the defaults.
struct HubOptions {
    QString listenAddress = QStringLiteral("127.0.0.1");
    int port = 8080; // 0 = a free port, printed on stdout at start
    QString db = QStringLiteral("gymgate-hub.sqlite"); // file path or postgresql://user@host:port/dbname
    QString configFile;
    qint64 maxBodyBytes = 1024 * 1024;
    QString tlsCertFile;
    QString tlsKeyFile;
    QString logDir; // empty = stderr only
    QString smsOutboxFile; // --sms-outbox: member sign-in codes are appended here; empty = no SMS
    QString createAdmin; // --create-admin USERNAME: add an admin (password on stdin) and exit
    bool rotateJwtKey = false; // retire the JWT signing key, make a new one and exit
    bool printRoutes = false; // print the route table as JSON and exit
    bool showHelp = false;
    bool showVersion = false;
    QString helpText;
};

// Parses the command line (arguments[0] is the program) and the config file it names.
// Errors name the offending option or config key in Error::field.
Result<HubOptions> parseHubOptions(const QStringList &arguments);

} // namespace gymgate::hub
