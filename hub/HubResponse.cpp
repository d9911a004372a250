#include "HubResponse.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubResponse)
};

} // namespace

HubResponse HubResponse::ok(const QJsonValue &data)
{
    HubResponse response;
    response.message = QStringLiteral("ok");
    response.data = data;
    return response;
}

HubResponse HubResponse::error(int httpStatus, const QString &code, const QString &message, const QString &field)
{
    HubResponse response;
    response.httpStatus = httpStatus;
    response.code = code;
    response.message = message;
    if (!field.isEmpty())
        response.data = QJsonObject {{QStringLiteral("field"), field}};
    return response;
}

HubResponse HubResponse::fromError(const Error &error)
{
    if (httpStatusFor(error.code) == 500) { // storage and internal details stay in the log
        logError(QStringLiteral("internal error: %1").arg(error.toString()));
        return HubResponse::error(500, envelopeCodeFor(error.code), Text::tr("Internal error; see the hub log."));
    }
    return HubResponse::error(httpStatusFor(error.code), envelopeCodeFor(error.code), error.message, error.field);
}

QJsonObject HubResponse::envelope() const
{
    return QJsonObject {
        {QStringLiteral("code"), code}, {QStringLiteral("message"), message}, {QStringLiteral("data"), data}};
}

QByteArray HubResponse::body() const
{
    return QJsonDocument(envelope()).toJson(QJsonDocument::Compact);
}

int httpStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return 422;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::PermissionDenied:
        return 403;
    case ErrorCode::Timeout:
    case ErrorCode::Network:
        return 503;
    case ErrorCode::Invalid:
    case ErrorCode::Storage:
    case ErrorCode::SchemaTooNew:
    case ErrorCode::Migration:
    case ErrorCode::Io:
    case ErrorCode::Crypto:
    case ErrorCode::Device:
    case ErrorCode::Internal:
        break;
    }
    return 500;
}

QString envelopeCodeFor(ErrorCode code)
{
    if (code == ErrorCode::InvalidArgument)
        return QStringLiteral("field_invalid");
    if (httpStatusFor(code) == 500)
        return QStringLiteral("internal");
    return QString::fromLatin1(errorCodeName(code));
}

} // namespace gymgate::hub
