#include "core/Error.h"

namespace gymgate {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
        return "invalid";
    case ErrorCode::InvalidArgument:
        return "invalid_argument";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::AlreadyExists:
        return "already_exists";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::PermissionDenied:
        return "permission_denied";
    case ErrorCode::Storage:
        return "storage";
    case ErrorCode::SchemaTooNew:
        return "schema_too_new";
    case ErrorCode::Migration:
        return "migration";
    case ErrorCode::Io:
        return "io";
    case ErrorCode::Crypto:
        return "crypto";
    case ErrorCode::Timeout:
        return "timeout";
    case ErrorCode::Device:
        return "device";
    case ErrorCode::Network:
        return "network";
    case ErrorCode::Internal:
        return "internal";
    }
    return "invalid";
}

QString Error::toString() const
{
    QString text = QString::fromLatin1(errorCodeName(code)) + QStringLiteral(": ") + message;
    if (!field.isEmpty())
        text += QStringLiteral(" [") + field + QLatin1Char(']');
    return text;
}

} // namespace gymgate
