#pragma once

#include "core/Error.h"

#include <QString>

#include <memory>

namespace gymgate::hub {

// Hands a member's sign-in code to whatever delivers text messages. The hub ships without an
// SMS gateway: a deployment plugs one in behind this interface, and FileSmsSender writes the
// codes to a file (for a gateway script that tails it, and for tests).
class SmsSender {
public:
    virtual ~SmsSender() = default;
    virtual Status sendCode(const QString &phone, const QString &code, qint64 atMs) = 0;
};

// Appends one JSON line {"phone", "code", "at"} (at = UTC ms) per code to a file. Each line is
// written with one append, so several hub instances can share the file.
class FileSmsSender final : public SmsSender {
public:
    explicit FileSmsSender(QString path) : m_path(std::move(path)) { }
    Status sendCode(const QString &phone, const QString &code, qint64 atMs) override;

private:
    QString m_path;
};

// The sender for --sms-outbox: a FileSmsSender, or null when the option is not given.
std::unique_ptr<SmsSender> makeSmsSender(const QString &outboxFile);

} // namespace gymgate::hub
