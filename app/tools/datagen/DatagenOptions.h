#pragma once

#include "core/Error.h"

#include <QString>
#include <QStringList>

namespace gymgate {

// The command line of gymgate-datagen, parsed and validated (see docs/DATAGEN.md).
struct DatagenOptions {
    QString databasePath;
    bool force = false;
    int members = 1000;
    quint64 seed = 1;
    double cardsPerMember = 1.5;
    int bookingsPerMember = 10;
    int entriesPerMember = 20;
    QString siteNumber = QStringLiteral("100"); // three digits, carried by every human number
    qint64 nowMs = 0; // all data is placed relative to this instant
    QString keyDirectory;
    QString codesPath; // empty = no demo codes file
    // The gates are turnstiles on one Modbus TCP controller at 127.0.0.1:gatePort, one slave
    // id per gate (1, 2, ...): what `gymgate-gatesim --tcp-port <gatePort> --slaves 1,..,N` serves.
    int gatePort = 1502;
    bool quiet = false;

    bool helpRequested = false;
    bool versionRequested = false;

    qint64 targetCards() const;
    qint64 targetBookings() const { return qint64(members) * bookingsPerMember; }
    qint64 targetEntries() const { return qint64(members) * entriesPerMember; }
    QString keyId() const { return QStringLiteral("site") + siteNumber; }
};

// The site's time zone: every gym generated here is in mainland China.
QByteArray datagenTimeZoneId();

// Parses `arguments` (argv with the program name first). On --help or --version the flags are
// set and `helpText` filled; the caller prints and exits.
Result<DatagenOptions> parseDatagenOptions(const QStringList &arguments, QString *helpText);

} // namespace gymgate
