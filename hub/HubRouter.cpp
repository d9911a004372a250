#include "HubRouter.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubRouter)
};

const QRegularExpression &paramPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{([A-Za-z][A-Za-z0-9_]*)\\}"));
    return pattern;
}

QJsonObject envelopeSchema()
{
    const QJsonObject codeSchema {{QStringLiteral("oneOf"),
        QJsonArray {
            QJsonObject {{QStringLiteral("type"), QStringLiteral("integer")}, {QStringLiteral("enum"), QJsonArray {0}}},
            QJsonObject {{QStringLiteral("type"), QStringLiteral("string")},
                {QStringLiteral("description"), QStringLiteral("stable error code, e.g. invalid_json")}}}}};
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"),
            QJsonArray {QStringLiteral("code"), QStringLiteral("message"), QStringLiteral("data")}},
        {QStringLiteral("properties"),
            QJsonObject {{QStringLiteral("code"), codeSchema},
                {QStringLiteral("message"), QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}},
                {QStringLiteral("data"), QJsonObject {{QStringLiteral("nullable"), true}}}}}};
}

QJsonObject envelopeResponse(const QString &description)
{
    return QJsonObject {{QStringLiteral("description"), description},
        {QStringLiteral("content"),
            QJsonObject {{QStringLiteral("application/json"),
                QJsonObject {{QStringLiteral("schema"),
                    QJsonObject {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Envelope")}}}}}}}};
}

QJsonObject operation(const HubRouter::Route &route)
{
    QJsonArray parameters;
    for (const QString &param : route.params)
        parameters.append(QJsonObject {{QStringLiteral("name"), param}, {QStringLiteral("in"), QStringLiteral("path")},
            {QStringLiteral("required"), true},
            {QStringLiteral("schema"), QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}}});
    QJsonObject op {{QStringLiteral("summary"), route.summary},
        {QStringLiteral("responses"),
            QJsonObject {{QStringLiteral("200"), envelopeResponse(QStringLiteral("code 0, the result in data"))},
                {QStringLiteral("default"), envelopeResponse(QStringLiteral("an error code and message"))}}}};
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);
    if (!route.roles.isEmpty()) {
        op.insert(QStringLiteral("security"), QJsonArray {QJsonObject {{QStringLiteral("bearerAuth"), QJsonArray {}}}});
        op.insert(QStringLiteral("x-roles"), QJsonArray::fromStringList(route.roles));
    }
    return op;
}

// Valid JSON that is a bare number, string, true/false or null: Qt 6.4 only parses objects
// and arrays at the top, so such a body is told apart from broken JSON by wrapping it.
bool isJsonScalar(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + body + ']', &error);
    return error.error == QJsonParseError::NoError && wrapped.array().size() == 1;
}

HubResponse notFound(const QString &path)
{
    return HubResponse::error(
        404, QStringLiteral("not_found"), Text::tr("No such endpoint: %1").arg(path), QStringLiteral("path"));
}

} // namespace

QByteArray HubRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Status HubRequest::requireObject(const QStringList &allowedFields) const
{
    if (!json.isObject())
        return fail(ErrorCode::InvalidArgument, Text::tr("The body must be a JSON object."), QStringLiteral("body"));
    const QJsonObject object = json.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowedFields.contains(it.key()))
            return fail(
                ErrorCode::InvalidArgument, Text::tr("The field \"%1\" is not accepted here.").arg(it.key()), it.key());
    }
    return {};
}

Result<QString> HubRequest::requireString(const QString &field, int maxLength) const
{
    const QJsonValue value = json.toObject().value(field);
    if (value.isUndefined() || value.isNull())
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"%1\" is missing.").arg(field), field);
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The field \"%1\" must be a non-empty string.").arg(field), field);
    if (value.toString().size() > maxLength)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"%1\" is longer than %2 characters.").arg(field).arg(maxLength), field);
    return value.toString();
}

Result<QString> HubRequest::optionalString(const QString &field, const QString &fallback, int maxLength) const
{
    const QJsonValue value = json.toObject().value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString())
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"%1\" must be a string.").arg(field), field);
    if (value.toString().size() > maxLength)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"%1\" is longer than %2 characters.").arg(field).arg(maxLength), field);
    return value.toString();
}

Result<std::optional<QString>> HubRequest::presentString(const QString &field, int maxLength) const
{
    if (!json.toObject().contains(field))
        return std::optional<QString> {};
    Result<QString> value = requireString(field, maxLength);
    if (!value)
        return std::unexpected(value.error());
    return std::optional<QString> {value->trimmed()};
}

namespace {

Result<qint64> integerValue(const QJsonValue &value, const QString &field, qint64 min, qint64 max)
{
    const double number = value.toDouble();
    // 2^53: beyond it a JSON number is no longer an exact integer.
    if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 9007199254740992.0)
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"%1\" must be a whole number.").arg(field), field);
    const auto integer = static_cast<qint64>(number);
    if (integer < min || integer > max)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"%1\" must be between %2 and %3.").arg(field).arg(min).arg(max), field);
    return integer;
}

} // namespace

Result<qint64> HubRequest::requireInteger(const QString &field, qint64 min, qint64 max) const
{
    const QJsonValue value = json.toObject().value(field);
    if (value.isUndefined() || value.isNull())
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"%1\" is missing.").arg(field), field);
    return integerValue(value, field, min, max);
}

Result<qint64> HubRequest::optionalInteger(const QString &field, qint64 fallback, qint64 min, qint64 max) const
{
    const QJsonValue value = json.toObject().value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    return integerValue(value, field, min, max);
}

Result<bool> HubRequest::optionalBool(const QString &field, bool fallback) const
{
    const QJsonValue value = json.toObject().value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool())
        return fail(ErrorCode::InvalidArgument, Text::tr("The field \"%1\" must be true or false.").arg(field), field);
    return value.toBool();
}

Result<qint64> HubRequest::queryInteger(const QString &name, qint64 fallback, qint64 min, qint64 max) const
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = queryString(name).toLongLong(&ok);
    if (!ok)
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The parameter \"%1\" must be a whole number.").arg(name), name);
    if (value < min || value > max)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The parameter \"%1\" must be between %2 and %3.").arg(name).arg(min).arg(max), name);
    return value;
}

QString HubRequest::queryString(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

void HubRouter::add(const QString &method, const QString &pattern, const QString &summary, Handler handler)
{
    add(method, pattern, summary, {}, std::move(handler));
}

void HubRouter::add(
    const QString &method, const QString &pattern, const QString &summary, const QStringList &roles, Handler handler)
{
    Route route {method.toUpper(), pattern, summary, roles, {}, {}, std::move(handler)};
    QString regex = QStringLiteral("^");
    qsizetype last = 0;
    for (auto it = paramPattern().globalMatch(pattern); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        regex += QRegularExpression::escape(pattern.mid(last, match.capturedStart() - last));
        regex += QStringLiteral("([^/]+)");
        route.params.append(match.captured(1));
        last = match.capturedEnd();
    }
    regex += QRegularExpression::escape(pattern.mid(last)) + QStringLiteral("$");
    route.regex.setPattern(regex);
    m_routes.push_back(std::move(route));
}

HubResponse HubRouter::dispatch(HubRequest request, const QByteArray &body) const
{
    if (body.size() > m_maxBodyBytes)
        return HubResponse::error(413, QStringLiteral("body_too_large"),
            Text::tr("The request body has %1 bytes; the limit is %2.").arg(body.size()).arg(m_maxBodyBytes),
            QStringLiteral("body"));
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        const QRegularExpressionMatch match = route.regex.match(request.path);
        if (!match.hasMatch())
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        for (qsizetype i = 0; i < route.params.size(); ++i)
            request.pathParams.insert(route.params.at(i), match.captured(int(i + 1)));
        // Who before what: a request without the right token learns nothing about its body.
        if (!route.roles.isEmpty()) {
            if (!m_authenticator)
                return HubResponse::error(500, QStringLiteral("internal"), Text::tr("Authentication is not set up."));
            AuthResult<HubPrincipal> principal = m_authenticator(request);
            if (!principal)
                return principal.error();
            if (!route.roles.contains(principal->role))
                return HubResponse::error(403, QStringLiteral("permission_denied"),
                    Text::tr("The role %1 may not use %2 %3.").arg(principal->role, request.method, route.pattern));
            request.principal = *principal;
        }
        if (!body.isEmpty()) {
            QJsonParseError error {};
            const QJsonDocument document = QJsonDocument::fromJson(body, &error);
            if (error.error == QJsonParseError::NoError)
                request.json = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
            else if (isJsonScalar(body))
                return HubResponse::error(422, QStringLiteral("field_invalid"),
                    Text::tr("The body must be a JSON object."), QStringLiteral("body"));
            else
                return HubResponse::error(400, QStringLiteral("invalid_json"),
                    Text::tr("The body is not valid JSON (%1 at offset %2).")
                        .arg(error.errorString())
                        .arg(error.offset),
                    QStringLiteral("body"));
        }
        return route.handler(request);
    }
    if (pathKnown)
        return HubResponse::error(405, QStringLiteral("method_not_allowed"),
            Text::tr("%1 is not allowed on %2.").arg(request.method, request.path), QStringLiteral("method"));
    return notFound(request.path);
}

QJsonArray HubRouter::table() const
{
    QJsonArray table;
    for (const Route &route : m_routes)
        table.append(QJsonObject {{QStringLiteral("method"), route.method}, {QStringLiteral("path"), route.pattern},
            {QStringLiteral("summary"), route.summary},
            {QStringLiteral("roles"), QJsonArray::fromStringList(route.roles)}});
    return table;
}

QJsonObject HubRouter::openApi(const QString &title, const QString &version) const
{
    QJsonObject paths;
    for (const Route &route : m_routes) {
        QJsonObject item = paths.value(route.pattern).toObject();
        item.insert(route.method.toLower(), operation(route));
        paths.insert(route.pattern, item);
    }
    const QJsonObject bearer {{QStringLiteral("type"), QStringLiteral("http")},
        {QStringLiteral("scheme"), QStringLiteral("bearer")}, {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}};
    const QJsonObject components {
        {QStringLiteral("schemas"), QJsonObject {{QStringLiteral("Envelope"), envelopeSchema()}}},
        {QStringLiteral("securitySchemes"), QJsonObject {{QStringLiteral("bearerAuth"), bearer}}}};
    return QJsonObject {{QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"), QJsonObject {{QStringLiteral("title"), title}, {QStringLiteral("version"), version}}},
        {QStringLiteral("paths"), paths}, {QStringLiteral("components"), components}};
}

} // namespace gymgate::hub
