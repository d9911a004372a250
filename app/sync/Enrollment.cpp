#include "sync/Enrollment.h"

#include "core/FieldCipher.h"
#include "core/KeyFile.h"
#include "core/SigningKey.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/KeyRepository.h"
#include "store/Outbox.h"
#include "store/SettingRepository.h"
#include "store/SqlSupport.h"
#include "sync/ChangeApplier.h"
#include "sync/HubClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUrl>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(Enrollment)
};

constexpr int kEnrollTimeoutMs = 15000;
const QString kDataKey = QStringLiteral("data.key");
const QString kLocalDataKey = QStringLiteral("data.key.local");
const QString kSigningKey = QStringLiteral("signing.key");

// http(s)://host[:port] without a path; trailing slashes are forgiven.
Result<QString> normalizedHubUrl(const QString &text)
{
    QString trimmed = text.trimmed();
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const QUrl url(trimmed, QUrl::StrictMode);
    const bool schemeOk = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (!url.isValid() || !schemeOk || url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery()
        || url.hasFragment() || !url.userInfo().isEmpty())
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The hub address must be http:// or https:// with a host name and an optional port, "
                     "without a path, for example https://hub.example.com:8443."),
            QStringLiteral("hubUrl"));
    return url.toString();
}

// The key id this desk signs member codes with once enrolled: derived from its public key, so
// two desks of one site (or desks that all started as site 100) never claim the same id.
QString signingKidFor(const QByteArray &publicKey)
{
    return QStringLiteral("d")
        + QString::fromLatin1(QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256).toHex().left(12));
}

// What enrollment needs from the key directory before it talks to the hub, so a missing key
// never costs a one-time code.
struct LocalKeys {
    QByteArray dataKey;
    SigningKey signingKey;
};

Result<LocalKeys> readLocalKeys(const QDir &keyDirectory)
{
    Result<QByteArray> dataKey
        = readKeyFile(keyDirectory.filePath(kDataKey), FieldCipher::KeyBytes, QStringLiteral("keyDirectory"));
    if (!dataKey)
        return std::unexpected(dataKey.error());
    Result<QByteArray> secret
        = readKeyFile(keyDirectory.filePath(kSigningKey), SigningKey::SecretKeyBytes, QStringLiteral("keyDirectory"));
    if (!secret)
        return std::unexpected(secret.error());
    // The key id is given after the key is known; any valid id does to rebuild the pair.
    Result<SigningKey> provisional = SigningKey::fromSecretKey(QStringLiteral("desk"), *secret);
    if (!provisional)
        return std::unexpected(provisional.error());
    Result<SigningKey> key = SigningKey::fromSecretKey(signingKidFor(provisional->publicKey()), *secret);
    if (!key)
        return std::unexpected(key.error());
    return LocalKeys {*dataKey, std::move(*key)};
}

Status storeSettings(
    Database &db, const HubEnrollmentReply &reply, const QString &deviceName, const QString &signingKid, qint64 nowMs)
{
    SettingRepository settings(db);
    const QList<std::pair<QString, QString>> values {{QStringLiteral("device.id"), reply.deviceId},
        {QStringLiteral("device.name"), deviceName}, {QStringLiteral("device.signingKid"), signingKid},
        {QStringLiteral("site.id"), reply.site.value(QStringLiteral("id")).toString()},
        {QStringLiteral("site.number"), reply.site.value(QStringLiteral("number")).toString()},
        {QStringLiteral("site.name"), reply.site.value(QStringLiteral("name")).toString()},
        {QStringLiteral("site.timezone"), reply.site.value(QStringLiteral("timezone")).toString()}};
    for (const auto &[key, value] : values) {
        if (Status stored = settings.setValue(key, value, nowMs); !stored)
            return stored;
    }
    return {};
}

Status storeTrustedKeys(Database &db, const QJsonArray &keys)
{
    KeyRepository repository(db);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const Result<TrustedKey> key = trustedKeyFromJson(keys.at(i).toObject());
        if (!key)
            return fail(ErrorCode::Network, Text::tr("The hub's answer could not be read."),
                QStringLiteral("trustedKeys[%1]").arg(i));
        if (Status stored = repository.upsertKey(*key); !stored)
            return stored;
    }
    return {};
}

// One phone number from the desk's key to the chain's; Crypto when it does not decrypt.
struct Rekeyed {
    QByteArray cipher;
    QByteArray hash;
};

Result<Rekeyed> rekey(const FieldCipher &from, const FieldCipher &to, const QByteArray &cipher)
{
    Result<QByteArray> plain = from.decrypt(cipher);
    if (!plain)
        return std::unexpected(plain.error());
    return Rekeyed {to.encrypt(*plain), to.lookupHash(*plain)};
}

// Members keep their phone numbers readable by every desk of the chain: cipher and lookup hash
// are made again with the chain's key.
Status rekeyMembers(Database &db, const FieldCipher &from, const FieldCipher &to)
{
    Result<QSqlQuery> rows = sql::run(db.connection(), QStringLiteral("SELECT id, phone_cipher FROM member"));
    if (!rows)
        return std::unexpected(rows.error());
    QList<std::pair<QString, QByteArray>> members;
    while (rows->next())
        members.append({rows->value(0).toString(), rows->value(1).toByteArray()});
    rows->finish();
    for (const auto &[id, cipher] : std::as_const(members)) {
        Result<Rekeyed> next = rekey(from, to, cipher);
        if (!next)
            return fail(ErrorCode::Crypto,
                Text::tr("The phone number of member %1 cannot be read with this desk's data key.").arg(id),
                QStringLiteral("keyDirectory"));
        if (Status updated = sql::runUpdate(db.connection(),
                QStringLiteral("UPDATE member SET phone_cipher = ?, phone_hash = ? WHERE id = ?"),
                {next->cipher, next->hash, id}, Text::tr("The member"));
            !updated)
            return updated;
    }
    return {};
}

// Member events still queued (or dead-lettered) carry the phone under the desk's key; the hub
// and the other desks can only read the chain's.
Status rekeyQueuedMemberEvents(Database &db, const FieldCipher &from, const FieldCipher &to)
{
    for (const QString &table : {QStringLiteral("outbox"), QStringLiteral("dead_letter")}) {
        Result<QSqlQuery> rows = sql::run(db.connection(),
            QStringLiteral("SELECT seq, data FROM ") + table + QStringLiteral(" WHERE type LIKE 'member.%'"));
        if (!rows)
            return std::unexpected(rows.error());
        QList<std::pair<qint64, QJsonObject>> events;
        while (rows->next())
            events.append(
                {rows->value(0).toLongLong(), QJsonDocument::fromJson(rows->value(1).toString().toUtf8()).object()});
        rows->finish();
        for (auto [seq, data] : std::as_const(events)) {
            const QByteArray cipher
                = QByteArray::fromBase64(data.value(QStringLiteral("phoneCipher")).toString().toLatin1());
            if (cipher.isEmpty())
                continue;
            Result<Rekeyed> next = rekey(from, to, cipher);
            if (!next)
                continue; // not this desk's cipher: the hub judges it as it is
            data.insert(QStringLiteral("phoneCipher"), QString::fromLatin1(next->cipher.toBase64()));
            data.insert(QStringLiteral("phoneHash"), QString::fromLatin1(next->hash.toBase64()));
            if (Status updated = sql::runUpdate(db.connection(),
                    QStringLiteral("UPDATE ") + table + QStringLiteral(" SET data = ? WHERE seq = ?"),
                    {QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), seq},
                    Text::tr("The queued event"));
                !updated)
                return updated;
        }
    }
    return {};
}

} // namespace

Enrollment::Enrollment(Database &db, const Clock &clock, QString keyDirectory, QString credentialsPath)
    : m_db(db), m_clock(clock), m_keyDirectory(std::move(keyDirectory)), m_credentialsPath(std::move(credentialsPath))
{ }

Result<QString> Enrollment::testConnection(const QString &hubUrl, int timeoutMs)
{
    Result<QString> url = normalizedHubUrl(hubUrl);
    if (!url)
        return std::unexpected(url.error());
    HubClient client(*url, timeoutMs);
    return client.health();
}

Result<HubCredentials> Enrollment::enroll(const EnrollmentRequest &request)
{
    Result<QString> url = normalizedHubUrl(request.hubUrl);
    if (!url)
        return std::unexpected(url.error());
    const QString code = request.code.trimmed();
    if (code.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("Enter the enrollment code the hub administrator gave you."),
            QStringLiteral("code"));
    const QDir keyDirectory(m_keyDirectory);
    Result<LocalKeys> keys = readLocalKeys(keyDirectory);
    if (!keys)
        return std::unexpected(keys.error());
    Result<FieldCipher> localCipher = FieldCipher::fromKey(keys->dataKey);
    if (!localCipher)
        return std::unexpected(localCipher.error());

    HubClient client(*url, kEnrollTimeoutMs);
    Result<HubEnrollmentReply> reply = client.enroll(HubEnrollmentRequest {code, request.deviceName.trimmed(),
        request.kind, QString::fromLatin1(keys->signingKey.publicKey().toBase64()), keys->signingKey.keyId()});
    if (!reply)
        return std::unexpected(reply.error());
    Result<FieldCipher> chainCipher = FieldCipher::fromKey(reply->fieldKey);
    if (!chainCipher)
        return std::unexpected(chainCipher.error());

    const qint64 nowMs = m_clock.nowMs();
    // The hub's name for this device: the one asked for, or the one the admin gave the code.
    const QString deviceName = reply->deviceName.isEmpty() ? request.deviceName.trimmed() : reply->deviceName;
    const bool sameKey = keys->dataKey == reply->fieldKey; // enrolled before: phones are the chain's already
    Status stored = m_db.transaction([&]() -> Status {
        if (Status done = storeSettings(m_db, *reply, deviceName, keys->signingKey.keyId(), nowMs); !done)
            return done;
        if (Status done = storeTrustedKeys(m_db, reply->trustedKeys); !done)
            return done;
        if (Status done = Outbox(m_db).reassignDevice(reply->deviceId); !done)
            return done;
        if (!sameKey) {
            if (Status done = rekeyMembers(m_db, *localCipher, *chainCipher); !done)
                return done;
            if (Status done = rekeyQueuedMemberEvents(m_db, *localCipher, *chainCipher); !done)
                return done;
        }
        const QJsonObject detail {{QStringLiteral("hubUrl"), *url},
            {QStringLiteral("siteId"), reply->site.value(QStringLiteral("id")).toString()},
            {QStringLiteral("siteNumber"), reply->site.value(QStringLiteral("number")).toString()},
            {QStringLiteral("deviceName"), deviceName}, {QStringLiteral("signingKid"), keys->signingKey.keyId()}};
        return AuditLog(m_db).append(
            request.staffId, QStringLiteral("sync.enroll"), QStringLiteral("device"), reply->deviceId, detail, nowMs);
    });
    if (!stored)
        return std::unexpected(stored.error());

    // The database now holds the chain's ciphers: the chain key must be data.key from here on.
    // The desk's own key stays beside it (never overwritten by a second enrollment).
    if (!sameKey) {
        const QString localPath = keyDirectory.filePath(kLocalDataKey);
        if (!QFile::exists(localPath)) {
            if (Status kept = replaceSecretFile(localPath, keys->dataKey, QStringLiteral("keyDirectory")); !kept)
                return std::unexpected(kept.error());
        }
        if (Status replaced
            = replaceSecretFile(keyDirectory.filePath(kDataKey), reply->fieldKey, QStringLiteral("keyDirectory"));
            !replaced)
            return std::unexpected(replaced.error());
    }

    HubCredentials credentials;
    credentials.hubUrl = *url;
    credentials.deviceId = reply->deviceId;
    credentials.deviceSecret = reply->deviceSecret;
    credentials.deviceName = deviceName;
    credentials.siteId = reply->site.value(QStringLiteral("id")).toString();
    credentials.siteName = reply->site.value(QStringLiteral("name")).toString();
    credentials.siteNumber = reply->site.value(QStringLiteral("number")).toString();
    credentials.siteTimezone = reply->site.value(QStringLiteral("timezone")).toString();
    credentials.enrolledAtMs = nowMs;
    if (Status saved = saveHubCredentials(m_credentialsPath, credentials); !saved)
        return std::unexpected(saved.error());
    return credentials;
}

Status Enrollment::unenroll(const QString &staffId)
{
    Result<std::optional<HubCredentials>> current = loadHubCredentials(m_credentialsPath);
    const QString deviceId
        = current && *current ? (*current)->deviceId : SettingRepository(m_db).value(QStringLiteral("device.id"));
    // The file goes first: an audit row for an unenrollment that did not happen would lie.
    if (Status removed = removeHubCredentials(m_credentialsPath); !removed)
        return removed;
    const QJsonObject detail {{QStringLiteral("hubUrl"), current && *current ? (*current)->hubUrl : QString()}};
    return m_db.transaction([&]() -> Status {
        return AuditLog(m_db).append(
            staffId, QStringLiteral("sync.unenroll"), QStringLiteral("device"), deviceId, detail, m_clock.nowMs());
    });
}

} // namespace gymgate
