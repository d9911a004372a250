#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QUrlQuery>

#include <functional>
#include <optional>
#include <vector>

#include "HubPrincipal.h"
#include "HubResponse.h"

namespace gymgate::hub {

// One request as a handler sees it: the body is already parsed JSON (undefined when empty).
struct HubRequest {
    QString method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QString, QString> pathParams; // {userId} in the pattern -> "userId"
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonValue json = QJsonValue::Undefined; // Undefined when the request has no body
    QString remoteAddress; // the peer's IP, for per-client limits
    HubPrincipal principal; // set by the router for routes that name roles; invalid on public ones

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent

    // Body checks. Each error is InvalidArgument (422 field_invalid) naming the field.
    // The body must be a JSON object whose members are all in `allowedFields`: a misspelt or
    // unexpected member is refused rather than silently ignored.
    Status requireObject(const QStringList &allowedFields) const;
    Result<QString> requireString(const QString &field, int maxLength = 200) const;
    Result<QString> optionalString(const QString &field, const QString &fallback = {}, int maxLength = 2000) const;
    // For partial updates: nullopt when the member is absent (keep the stored value), else a
    // non-empty string of at most `maxLength` characters, trimmed.
    Result<std::optional<QString>> presentString(const QString &field, int maxLength = 200) const;
    // Integers must be JSON numbers without a fraction, within [min, max].
    Result<qint64> requireInteger(const QString &field, qint64 min, qint64 max) const;
    Result<qint64> optionalInteger(const QString &field, qint64 fallback, qint64 min, qint64 max) const;
    Result<bool> optionalBool(const QString &field, bool fallback) const;
    // Query items: `name` absent -> fallback; present but not an integer in range -> error.
    Result<qint64> queryInteger(const QString &name, qint64 fallback, qint64 min, qint64 max) const;
    QString queryString(const QString &name) const; // fully decoded; empty if absent
};

// The hub's route table. Every endpoint is registered here once, with its method, OpenAPI path
// pattern and summary, so the OpenAPI document, --print-routes and dispatching all read the
// same table and cannot drift apart.
class HubRouter {
public:
    using Handler = std::function<HubResponse(const HubRequest &)>;
    // Checks the request's token: the principal, or the 401 answer.
    using Authenticator = std::function<AuthResult<HubPrincipal>(const HubRequest &)>;

    struct Route {
        QString method;
        QString pattern; // OpenAPI style: /api/v1/users/{userId}
        QString summary;
        QStringList roles; // empty: public; else a valid token of one of these roles
        QRegularExpression regex;
        QStringList params;
        Handler handler;
    };

    // A public route.
    void add(const QString &method, const QString &pattern, const QString &summary, Handler handler);
    // A route for these roles (role::AdminOnly, role::FrontDesk, ...): the router answers 401
    // without a valid token and 403 for another role before the handler runs, and hands the
    // handler the principal in HubRequest::principal.
    void add(const QString &method, const QString &pattern, const QString &summary, const QStringList &roles,
        Handler handler);
    void setAuthenticator(Authenticator authenticator) { m_authenticator = std::move(authenticator); }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // Routes the request: 404/405 for unknown paths or methods, 413 over the body limit, 400
    // for a body that is not JSON, else the handler's answer.
    HubResponse dispatch(HubRequest request, const QByteArray &body) const;

    const std::vector<Route> &routes() const { return m_routes; }
    QJsonArray table() const; // [{method, path, summary}], for --print-routes
    QJsonObject openApi(const QString &title, const QString &version) const; // OpenAPI 3.0

private:
    std::vector<Route> m_routes;
    Authenticator m_authenticator;
    qint64 m_maxBodyBytes = 1024 * 1024;
};

} // namespace gymgate::hub
