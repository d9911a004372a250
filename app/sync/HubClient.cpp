#include "sync/HubClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubClient)
};

constexpr int kFieldKeyBytes = 32;

Error unreadable()
{
    return Error {ErrorCode::Network, Text::tr("The hub's answer could not be read."), {}};
}

// What the hub answered, before it is judged.
struct RawAnswer {
    int status = 0;
    QByteArray body;
};

// The hub's error codes that have an ErrorCode of their own; the rest are bad input.
ErrorCode codeFor(const QString &hubCode)
{
    if (hubCode == QLatin1String("not_found"))
        return ErrorCode::NotFound;
    if (hubCode == QLatin1String("conflict"))
        return ErrorCode::Conflict;
    if (hubCode == QLatin1String("already_exists"))
        return ErrorCode::AlreadyExists;
    return ErrorCode::InvalidArgument;
}

// The `data` of a 2xx envelope, or the error an answer means (see HubClient.h).
Result<QJsonValue> judge(const RawAnswer &answer)
{
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    const QJsonObject envelope = document.object();
    const bool isEnvelope = document.isObject() && envelope.contains(QStringLiteral("code"));
    const QString hubMessage = envelope.value(QStringLiteral("message")).toString();
    const QString hubField
        = envelope.value(QStringLiteral("data")).toObject().value(QStringLiteral("field")).toString();
    if (answer.status >= 200 && answer.status < 300) {
        if (!document.isObject() || !envelope.contains(QStringLiteral("data")))
            return std::unexpected(unreadable());
        return envelope.value(QStringLiteral("data"));
    }
    if (answer.status >= 500 || answer.status == 429 || answer.status == 408)
        return fail(ErrorCode::Network,
            hubMessage.isEmpty()
                ? Text::tr("The hub answered with HTTP status %1.").arg(answer.status)
                : Text::tr("The hub answered with HTTP status %1: %2").arg(answer.status).arg(hubMessage));
    if (answer.status == 401)
        return fail(ErrorCode::PermissionDenied,
            hubMessage.isEmpty() ? Text::tr("The hub refused this desk's token.") : hubMessage,
            hubField.isEmpty() ? QStringLiteral("token") : hubField); // a refused enrollment names "code"
    if (answer.status >= 400 && isEnvelope) {
        const QString message = hubMessage.isEmpty()
            ? Text::tr("The hub refused the request (HTTP status %1).").arg(answer.status)
            : hubMessage;
        return fail(codeFor(envelope.value(QStringLiteral("code")).toString()), message, hubField);
    }
    if (answer.status >= 400)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The server at this address is not a GymGate hub (HTTP status %1).").arg(answer.status));
    // 1xx/3xx left over (a redirect to another server, say): nothing the sync can use now.
    return fail(ErrorCode::Network, Text::tr("The hub answered with HTTP status %1.").arg(answer.status));
}

Result<QJsonObject> objectOf(const Result<QJsonValue> &data)
{
    if (!data)
        return std::unexpected(data.error());
    if (!data->isObject())
        return std::unexpected(unreadable());
    return data->toObject();
}

qint64 isoToMs(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QJsonObject eventJson(const OutboxEvent &event)
{
    QJsonObject json {{QStringLiteral("id"), event.eventId}, {QStringLiteral("type"), event.type},
        {QStringLiteral("at"), event.atMs}, {QStringLiteral("device"), event.device},
        {QStringLiteral("data"), event.data}};
    if (!event.staff.isEmpty())
        json.insert(QStringLiteral("staff"), event.staff);
    return json;
}

Result<HubPushResult> pushResultOf(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    HubPushResult result;
    result.eventId = object.value(QStringLiteral("id")).toString();
    result.status = object.value(QStringLiteral("status")).toString();
    result.reason = object.value(QStringLiteral("reason")).toString();
    result.field = object.value(QStringLiteral("field")).toString();
    result.message = object.value(QStringLiteral("message")).toString();
    const bool known = result.status == QLatin1String("ok") || result.status == QLatin1String("duplicate")
        || result.status == QLatin1String("rejected");
    if (!value.isObject() || !known)
        return std::unexpected(unreadable());
    return result;
}

} // namespace

HubClient::HubClient(const QString &hubUrl, int timeoutMs)
    : m_hubUrl(hubUrl), m_timeoutMs(timeoutMs), m_network(std::make_unique<QNetworkAccessManager>())
{
    while (m_hubUrl.endsWith(QLatin1Char('/')))
        m_hubUrl.chop(1);
}

HubClient::~HubClient() = default;

bool HubClient::isTransient(const Error &error)
{
    return error.code == ErrorCode::Network || error.code == ErrorCode::Timeout;
}

QUrl HubClient::notificationsUrl() const
{
    QUrl url(m_hubUrl);
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws/notifications"));
    return url;
}

Result<QJsonValue> HubClient::call(
    const QByteArray &method, const QString &path, const QString &query, const QJsonObject *body, bool authorized)
{
    const PendingReply reply = send(method, path, query, body, authorized);
    return await(*reply);
}

HubClient::PendingReply HubClient::send(
    const QByteArray &method, const QString &path, const QString &query, const QJsonObject *body, bool authorized)
{
    QUrl url(m_hubUrl + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // Plain HTTP/1.1: one request per exchange keeps failures easy to reason about (and to fake).
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (authorized && !m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8());
    const QByteArray bytes = body != nullptr ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
    // Owned by the caller and deleted by it, not with deleteLater(): the sync thread may run no
    // event loop of its own between calls, and a nested loop never runs deferred deletes posted
    // outside it. Deleting an unfinished reply aborts it.
    return PendingReply(m_network->sendCustomRequest(request, method, bytes));
}

Result<QJsonValue> HubClient::await(QNetworkReply &pending)
{
    QNetworkReply *reply = &pending;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    if (!reply->isFinished()) {
        reply->abort();
        return fail(ErrorCode::Network,
            Text::tr("The hub did not answer within %1 seconds.").arg(double(m_timeoutMs) / 1000.0, 0, 'g', 3));
    }
    RawAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString errorText = reply->errorString();

    if (answer.status == 0)
        return fail(ErrorCode::Network, Text::tr("Cannot reach the hub: %1").arg(errorText));
    // A connection lost after the status line: whatever arrived is not the whole answer.
    const bool httpLevel = networkError == QNetworkReply::NoError
        || (networkError >= QNetworkReply::ContentAccessDenied && networkError < QNetworkReply::ProtocolUnknownError)
        || networkError >= QNetworkReply::InternalServerError;
    if (!httpLevel)
        return fail(ErrorCode::Network,
            Text::tr("The connection to the hub broke off (HTTP status %1): %2").arg(answer.status).arg(errorText));
    return judge(answer);
}

Result<QString> HubClient::health()
{
    Result<QJsonObject> data = objectOf(call("GET", QStringLiteral("/api/health"), {}, nullptr, false));
    if (!data)
        return std::unexpected(data.error());
    const QJsonValue version = data->value(QStringLiteral("version"));
    if (!version.isString())
        return std::unexpected(unreadable());
    return version.toString();
}

Result<HubEnrollmentReply> HubClient::enroll(const HubEnrollmentRequest &request)
{
    QJsonObject body {{QStringLiteral("code"), request.code}, {QStringLiteral("kind"), request.kind}};
    if (!request.deviceName.isEmpty())
        body.insert(QStringLiteral("name"), request.deviceName);
    if (!request.signingPublicKey.isEmpty())
        body.insert(QStringLiteral("signingPublicKey"), request.signingPublicKey);
    if (!request.signingKid.isEmpty())
        body.insert(QStringLiteral("signingKid"), request.signingKid);
    Result<QJsonObject> data = objectOf(call("POST", QStringLiteral("/api/v1/devices/enroll"), {}, &body, false));
    if (!data)
        return std::unexpected(data.error());
    HubEnrollmentReply reply;
    reply.deviceId = data->value(QStringLiteral("deviceId")).toString();
    reply.deviceName = data->value(QStringLiteral("name")).toString();
    reply.deviceSecret = data->value(QStringLiteral("deviceSecret")).toString();
    reply.token = data->value(QStringLiteral("token")).toString();
    reply.tokenExpiresAtMs = isoToMs(data->value(QStringLiteral("expiresAt")).toString());
    reply.site = data->value(QStringLiteral("site")).toObject();
    reply.fieldKey = QByteArray::fromBase64(data->value(QStringLiteral("fieldKey")).toString().toLatin1());
    reply.trustedKeys = data->value(QStringLiteral("trustedKeys")).toArray();
    const bool complete = !reply.deviceId.isEmpty() && !reply.deviceSecret.isEmpty() && !reply.token.isEmpty()
        && !reply.site.value(QStringLiteral("id")).toString().isEmpty() && reply.fieldKey.size() == kFieldKeyBytes;
    if (!complete)
        return std::unexpected(unreadable());
    return reply;
}

Status HubClient::refreshToken(const QString &deviceId, const QString &deviceSecret)
{
    const QJsonObject body {{QStringLiteral("deviceId"), deviceId}, {QStringLiteral("deviceSecret"), deviceSecret}};
    Result<QJsonObject> data = objectOf(call("POST", QStringLiteral("/api/v1/devices/token"), {}, &body, false));
    if (!data)
        return std::unexpected(data.error());
    const QString token = data->value(QStringLiteral("token")).toString();
    if (token.isEmpty())
        return std::unexpected(unreadable());
    m_token = token;
    return {};
}

Result<HubChangesPage> HubClient::changes(qint64 since, int limit)
{
    return changes(requestChanges(since, limit));
}

HubClient::PendingReply HubClient::requestChanges(qint64 since, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(since));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    PendingReply reply = send("GET", QStringLiteral("/api/v1/sync/changes"), query.toString(), nullptr, true);
    // Qt starts a request from the event loop (a queued call on the reply); the sync thread writes
    // the current page before it spins again, so start it now: Qt's HTTP thread then sends it and
    // takes in the answer while the page is written.
    QCoreApplication::sendPostedEvents(reply.get(), QEvent::MetaCall);
    return reply;
}

Result<HubChangesPage> HubClient::changes(PendingReply reply)
{
    Result<QJsonObject> data = objectOf(await(*reply));
    if (!data)
        return std::unexpected(data.error());
    const QJsonValue changes = data->value(QStringLiteral("changes"));
    const QJsonValue next = data->value(QStringLiteral("next"));
    if (!changes.isArray() || !next.isDouble())
        return std::unexpected(unreadable());
    return HubChangesPage {changes.toArray(), next.toInteger(), data->value(QStringLiteral("hasMore")).toBool()};
}

Result<QList<HubPushResult>> HubClient::pushEvents(const QList<OutboxEvent> &events)
{
    QJsonArray array;
    for (const OutboxEvent &event : events)
        array.append(eventJson(event));
    const QJsonObject body {{QStringLiteral("events"), array}};
    Result<QJsonObject> data = objectOf(call("POST", QStringLiteral("/api/v1/sync/events"), {}, &body, true));
    if (!data)
        return std::unexpected(data.error());
    const QJsonArray results = data->value(QStringLiteral("results")).toArray();
    if (results.size() != events.size())
        return std::unexpected(unreadable());
    QList<HubPushResult> parsed;
    parsed.reserve(results.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        Result<HubPushResult> result = pushResultOf(results.at(i));
        if (!result || result->eventId != events.at(i).eventId)
            return std::unexpected(unreadable());
        parsed.append(std::move(*result));
    }
    return parsed;
}

} // namespace gymgate
