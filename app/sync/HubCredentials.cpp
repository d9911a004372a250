#include "sync/HubCredentials.h"

#include "core/KeyFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(HubCredentials)
};

const QString kHubUrl = QStringLiteral("hubUrl");
const QString kDeviceId = QStringLiteral("deviceId");
const QString kDeviceSecret = QStringLiteral("deviceSecret");
const QString kDeviceName = QStringLiteral("deviceName");
const QString kSiteId = QStringLiteral("siteId");
const QString kSiteName = QStringLiteral("siteName");
const QString kSiteNumber = QStringLiteral("siteNumber");
const QString kSiteTimezone = QStringLiteral("siteTimezone");
const QString kEnrolledAt = QStringLiteral("enrolledAt");

QJsonObject toJson(const HubCredentials &credentials)
{
    return QJsonObject {{kHubUrl, credentials.hubUrl}, {kDeviceId, credentials.deviceId},
        {kDeviceSecret, credentials.deviceSecret}, {kDeviceName, credentials.deviceName}, {kSiteId, credentials.siteId},
        {kSiteName, credentials.siteName}, {kSiteNumber, credentials.siteNumber},
        {kSiteTimezone, credentials.siteTimezone}, {kEnrolledAt, credentials.enrolledAtMs}};
}

// A member that must be text (required ones must not be empty either).
Result<QString> textMember(const QJsonObject &object, const QString &name, bool required, const QString &path)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() && !required)
        return QString();
    if (!value.isString() || (required && value.toString().isEmpty()))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The hub credentials file %1 has no valid \"%2\".").arg(path, name), name);
    return value.toString();
}

Result<HubCredentials> fromJson(const QJsonObject &object, const QString &path)
{
    HubCredentials credentials;
    const struct {
        const QString &name;
        QString *target;
        bool required;
    } members[] = {{kHubUrl, &credentials.hubUrl, true}, {kDeviceId, &credentials.deviceId, true},
        {kDeviceSecret, &credentials.deviceSecret, true}, {kDeviceName, &credentials.deviceName, false},
        {kSiteId, &credentials.siteId, false}, {kSiteName, &credentials.siteName, false},
        {kSiteNumber, &credentials.siteNumber, false}, {kSiteTimezone, &credentials.siteTimezone, false}};
    for (const auto &member : members) {
        Result<QString> value = textMember(object, member.name, member.required, path);
        if (!value)
            return std::unexpected(value.error());
        *member.target = *value;
    }
    const QJsonValue enrolledAt = object.value(kEnrolledAt);
    if (!enrolledAt.isUndefined() && !enrolledAt.isDouble())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The hub credentials file %1 has no valid \"%2\".").arg(path, kEnrolledAt), kEnrolledAt);
    credentials.enrolledAtMs = enrolledAt.toInteger();
    return credentials;
}

} // namespace

QString defaultHubCredentialsPath(const QString &databasePath)
{
    return databasePath + QStringLiteral(".hub.json");
}

Result<std::optional<HubCredentials>> loadHubCredentials(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::optional<HubCredentials>();
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
            Text::tr("Cannot read the hub credentials file %1: %2").arg(path, file.errorString()),
            QStringLiteral("credentials"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::InvalidArgument, Text::tr("The hub credentials file %1 is not a JSON object.").arg(path),
            QStringLiteral("credentials"));
    Result<HubCredentials> credentials = fromJson(document.object(), path);
    if (!credentials)
        return std::unexpected(credentials.error());
    return std::optional<HubCredentials>(std::move(*credentials));
}

Status saveHubCredentials(const QString &path, const HubCredentials &credentials)
{
    return replaceSecretFile(
        path, QJsonDocument(toJson(credentials)).toJson(QJsonDocument::Indented), QStringLiteral("credentials"));
}

Status removeHubCredentials(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.remove())
        return {};
    return fail(ErrorCode::Io, Text::tr("Cannot remove the hub credentials file %1: %2").arg(path, file.errorString()),
        QStringLiteral("credentials"));
}

} // namespace gymgate
