#pragma once

#include "core/Error.h"

#include <QString>

namespace gymgate {

// Diagnostic logging: spdlog with a rotating file and stderr, and Qt's own messages
// (qDebug/qWarning/...) bridged into it. The staff-visible entry log is domain data in SQLite,
// not this.
struct LogOptions {
    QString directory; // empty = no file, stderr only
    QString fileName = QStringLiteral("gymgate.log");
    QString level = QStringLiteral("info"); // trace, debug, info, warn, error, critical, off
    bool toStderr = true;
    qint64 maxFileBytes = 5 * 1024 * 1024;
    int maxFiles = 5;
};

Status initLogging(const LogOptions &options);
void shutdownLogging();

// Thin wrappers so layers that do not include spdlog can log.
void logInfo(const QString &message);
void logWarning(const QString &message);
void logError(const QString &message);

} // namespace gymgate
