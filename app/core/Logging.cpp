#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <vector>

namespace gymgate {
namespace {

void qtMessageToSpdlog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray text = message.toUtf8();
    const char *category = context.category ? context.category : "qt";
    switch (type) {
    case QtDebugMsg:
        spdlog::debug("[{}] {}", category, text.constData());
        break;
    case QtInfoMsg:
        spdlog::info("[{}] {}", category, text.constData());
        break;
    case QtWarningMsg:
        spdlog::warn("[{}] {}", category, text.constData());
        break;
    case QtCriticalMsg:
        spdlog::error("[{}] {}", category, text.constData());
        break;
    case QtFatalMsg:
        spdlog::critical("[{}] {}", category, text.constData());
        spdlog::shutdown();
        std::abort();
    }
}

} // namespace

Status initLogging(const LogOptions &options)
{
    std::vector<spdlog::sink_ptr> sinks;
    if (options.toStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!options.directory.isEmpty()) {
        if (!QDir().mkpath(options.directory))
            return fail(ErrorCode::Io,
                QCoreApplication::translate("Logging", "Cannot create the log folder %1.").arg(options.directory),
                QStringLiteral("logDir"));
        const QString path = QDir(options.directory).filePath(options.fileName);
        try { // spdlog reports file errors by exception; keep them inside this function
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(),
                static_cast<std::size_t>(options.maxFileBytes), static_cast<std::size_t>(options.maxFiles)));
        } catch (const spdlog::spdlog_ex &error) {
            return fail(ErrorCode::Io,
                QCoreApplication::translate("Logging", "Cannot open the log file %1: %2")
                    .arg(path, QString::fromLocal8Bit(error.what())),
                QStringLiteral("logDir"));
        }
    }
    auto logger = std::make_shared<spdlog::logger>("gymgate", sinks.begin(), sinks.end());
    const spdlog::level::level_enum level = spdlog::level::from_str(options.level.toStdString());
    logger->set_level(level);
    logger->flush_on(spdlog::level::warn);
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(qtMessageToSpdlog);
    return {};
}

void shutdownLogging()
{
    qInstallMessageHandler(nullptr);
    spdlog::shutdown();
}

void logInfo(const QString &message)
{
    spdlog::info("{}", message.toStdString());
}
void logWarning(const QString &message)
{
    spdlog::warn("{}", message.toStdString());
}
void logError(const QString &message)
{
    spdlog::error("{}", message.toStdString());
}

} // namespace gymgate
