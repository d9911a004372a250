#include "EnrollCommand.h"

#include "core/Clock.h"
#include "core/FieldCipher.h"
#include "core/SigningKey.h"
#include "store/Database.h"
#include "sync/Enrollment.h"
#include "sync/HubCredentials.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

#include "AppOptions.h"

namespace gymgate {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(EnrollCommand)
};

// Who the audit log names for an enrollment made at the command line.
const QString kCommandLineActor = QStringLiteral("cli");

void printLine(std::FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qPrintable(text));
}

int refuse(const Error &error)
{
    printLine(stderr,
        error.field.isEmpty() ? Text::tr("gymgate: %1").arg(error.message)
                              : Text::tr("gymgate: %1 (%2)").arg(error.message, error.field));
    return 1;
}

// A device that has never held a member gets its keys made here; one that has must already have
// them (a lost data.key would leave its phone numbers unreadable: that is not fixed by a new one).
Status ensureKeys(Database &db, const QString &keyDirectory)
{
    const Result<qint64> members = db.scalar(QStringLiteral("SELECT count(*) FROM member"));
    if (!members)
        return std::unexpected(members.error());
    if (*members > 0)
        return {};
    const QDir dir(keyDirectory);
    if (Result<FieldCipher> cipher = FieldCipher::loadOrCreateKeyFile(dir.filePath(QStringLiteral("data.key")));
        !cipher)
        return std::unexpected(cipher.error());
    if (Result<SigningKey> key
        = SigningKey::loadOrCreateKeyFile(dir.filePath(QStringLiteral("signing.key")), QStringLiteral("device"));
        !key)
        return std::unexpected(key.error());
    return {};
}

} // namespace

int runEnrollCommand(const AppOptions &options)
{
    Database::Options databaseOptions;
    databaseOptions.path = options.databasePath;
    Result<std::unique_ptr<Database>> db = Database::open(databaseOptions);
    if (!db)
        return refuse(db.error());
    const QString keyDirectory = resolvedKeyDirectory(options);
    const QString credentialsPath = options.hubCredentialsPath.isEmpty()
        ? defaultHubCredentialsPath(options.databasePath)
        : options.hubCredentialsPath;
    SystemClock clock;
    Enrollment enrollment(**db, clock, keyDirectory, credentialsPath);

    if (options.mode == AppMode::Unenroll) {
        if (Status removed = enrollment.unenroll(kCommandLineActor); !removed)
            return refuse(removed.error());
        printLine(stdout, Text::tr("This database is no longer enrolled; its data and queued events stay."));
        return 0;
    }
    if (Status keys = ensureKeys(**db, keyDirectory); !keys)
        return refuse(keys.error());
    EnrollmentRequest request {
        options.enrollHubUrl, options.enrollCode, options.deviceName, kCommandLineActor, options.deviceKind};
    Result<HubCredentials> enrolled = enrollment.enroll(request);
    if (!enrolled)
        return refuse(enrolled.error());
    printLine(stdout,
        Text::tr("Enrolled as %1 (%2) at site %3 (%4) of the hub %5. Credentials: %6")
            .arg(enrolled->deviceName, enrolled->deviceId, enrolled->siteName, enrolled->siteNumber, enrolled->hubUrl,
                credentialsPath));
    return 0;
}

} // namespace gymgate
