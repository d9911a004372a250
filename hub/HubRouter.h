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
#include <vector>

#include "HubResponse.h"

namespace gymgate::hub {

// One request as a handler sees it: the body is already parsed JSON (undefined when empty).
struct HubRequest {
    QString method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QString, QString> pathParams; // {userId} in the pattern -> "userId"
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonValue json;
    QString remoteAddress; // the peer's IP, for per-client limits

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    // A required string member of the JSON body object; the error names the field.
    Result<QString> requireString(const QString &field) const;
};

// The hub's route table. Every endpoint is registered here once, with its method, OpenAPI path
// pattern and summary, so the OpenAPI document, --print-routes and dispatching all read the
// same table and cannot drift apart.
class HubRouter {
public:
    using Handler = std::function<HubResponse(const HubRequest &)>;

    struct Route {
        QString method;
        QString pattern; // OpenAPI style: /api/v1/users/{userId}
        QString summary;
        QRegularExpression regex;
        QStringList params;
        Handler handler;
    };

    void add(const QString &method, const QString &pattern, const QString &summary, Handler handler);
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
    qint64 m_maxBodyBytes = 1024 * 1024;
};

} // namespace gymgate::hub
