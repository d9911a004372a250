#include "SearchBench.h"

#include "core/Clock.h"
#include "core/FieldCipher.h"
#include "core/SigningKey.h"
#include "store/Database.h"
#include "store/SqlMemberDirectory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

#include "BenchStats.h"

namespace gymgate {
namespace {

// What the clerk types: a member's name, whole phone number, member number, or the last four
// digits of the phone (what members say when they forgot their card).
enum class Typed {
    Invalid = 0,
    Name,
    Phone,
    MemberNo,
    PhoneEnd
};
constexpr Typed kKinds[] = {Typed::Name, Typed::Phone, Typed::MemberNo, Typed::PhoneEnd};

const char *typedName(Typed kind)
{
    switch (kind) {
    case Typed::Name:
        return "name";
    case Typed::Phone:
        return "phone";
    case Typed::MemberNo:
        return "member_no";
    case Typed::PhoneEnd:
        return "phone_last4";
    case Typed::Invalid:
        break;
    }
    return "";
}

struct Sample {
    QString memberId;
    Typed kind = Typed::Invalid;
    QString text; // the whole value; every prefix of it is one keystroke
};

// Members in a random but repeatable order, each with the value the clerk types for them.
Result<QList<Sample>> sampleValues(Database &db, const FieldCipher &cipher, int count, quint64 seed)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT id, name, member_no, phone_cipher FROM member WHERE deleted_at IS NULL "
                                 "ORDER BY (rowid * :seed) % 1000003 LIMIT :count"));
    query.bindValue(QStringLiteral(":seed"), qint64(seed % 1000003 + 7919));
    query.bindValue(QStringLiteral(":count"), count);
    if (!query.exec())
        return fail(ErrorCode::Storage, QStringLiteral("cannot read members"));
    QList<Sample> samples;
    while (query.next()) {
        const Typed kind = kKinds[samples.size() % std::size(kKinds)];
        Sample sample {query.value(0).toString(), kind, {}};
        if (kind == Typed::Name) {
            sample.text = query.value(1).toString();
        } else if (kind == Typed::MemberNo) {
            sample.text = query.value(2).toString();
        } else {
            Result<QByteArray> phone = cipher.decrypt(query.value(3).toByteArray());
            if (!phone)
                return std::unexpected(phone.error());
            sample.text = kind == Typed::Phone ? QString::fromLatin1(*phone) : QString::fromLatin1(phone->right(4));
        }
        samples.append(sample);
    }
    if (samples.size() < count)
        return fail(ErrorCode::NotFound,
            QStringLiteral("the gym has %1 members, the bench needs %2").arg(samples.size()).arg(count));
    return samples;
}

Result<qint64> memberCount(Database &db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM member WHERE deleted_at IS NULL")) || !query.next())
        return fail(ErrorCode::Storage, QStringLiteral("cannot count members"));
    return query.value(0).toLongLong();
}

} // namespace

Result<QJsonObject> runSearchBench(const SearchBenchOptions &options)
{
    if (!QFileInfo::exists(options.databasePath))
        return fail(ErrorCode::NotFound, QStringLiteral("no database at %1").arg(options.databasePath));
    const QDir keyDir(options.keyDir.isEmpty() ? QFileInfo(options.databasePath).absolutePath() : options.keyDir);
    const QString keyPath = keyDir.filePath(QStringLiteral("data.key"));
    if (!QFileInfo::exists(keyPath)) // loadOrCreate would make a new key that decrypts nothing
        return fail(ErrorCode::NotFound, QStringLiteral("no data key at %1").arg(keyPath));
    Result<FieldCipher> cipher = FieldCipher::loadOrCreateKeyFile(keyPath);
    if (!cipher)
        return std::unexpected(cipher.error());
    Database::Options databaseOptions;
    databaseOptions.path = options.databasePath;
    Result<std::unique_ptr<Database>> opened = Database::open(databaseOptions);
    if (!opened)
        return std::unexpected(opened.error());
    Database &db = **opened;
    Result<QList<Sample>> samples = sampleValues(db, *cipher, options.warmup + options.iterations, options.seed);
    if (!samples)
        return std::unexpected(samples.error());

    // Searching never signs; any key will do.
    Result<SigningKey> key = SigningKey::generate(QStringLiteral("bench"));
    if (!key)
        return std::unexpected(key.error());
    SystemClock clock;
    SqlMemberDirectory directory(db, *cipher, *key, clock);
    const StaffSession session {
        QStringLiteral("bench"), QStringLiteral("bench"), QStringLiteral("bench"), StaffRole::Staff};

    QList<qint64> allNs;
    QHash<Typed, QList<qint64>> byKindNs;
    int found = 0; // typed values whose member was on screen after the last keystroke
    qint64 keystrokes = 0;
    qint64 rows = 0;
    Typed slowestKind = Typed::Invalid; // not the text: phone digits are personal data
    qsizetype slowestTyped = 0;
    qint64 slowestNs = 0;
    QElapsedTimer timer;
    for (qsizetype i = 0; i < samples->size(); ++i) {
        const Sample &sample = samples->at(i);
        const bool measured = i >= options.warmup;
        bool seen = false;
        for (qsizetype typed = 1; typed <= sample.text.size(); ++typed) {
            const QString text = sample.text.left(typed);
            timer.start();
            Result<QList<MemberSummary>> result = directory.search(session, text, options.limit);
            const qint64 elapsedNs = timer.nsecsElapsed();
            if (!result)
                return std::unexpected(result.error());
            if (!measured)
                continue;
            allNs.append(elapsedNs);
            byKindNs[sample.kind].append(elapsedNs);
            ++keystrokes;
            rows += result->size();
            if (elapsedNs > slowestNs) {
                slowestNs = elapsedNs;
                slowestKind = sample.kind;
                slowestTyped = typed;
            }
            seen = std::any_of(result->cbegin(), result->cend(),
                [&](const MemberSummary &member) { return member.id == sample.memberId; });
        }
        found += measured && seen ? 1 : 0;
    }

    Result<qint64> members = memberCount(db);
    if (!members)
        return std::unexpected(members.error());
    QJsonObject kinds;
    for (Typed kind : kKinds)
        kinds.insert(QString::fromLatin1(typedName(kind)), summarize(byKindNs.value(kind)).toJson());
    return QJsonObject {{QStringLiteral("bench"), QStringLiteral("search")}, {QStringLiteral("members"), *members},
        {QStringLiteral("typed_values"), options.iterations}, {QStringLiteral("keystrokes"), keystrokes},
        {QStringLiteral("limit"), options.limit},
        {QStringLiteral("mean_rows"), keystrokes ? double(rows) / double(keystrokes) : 0.0},
        {QStringLiteral("found_after_last_keystroke"), found},
        {QStringLiteral("per_keystroke"), summarize(allNs).toJson()}, {QStringLiteral("by_kind"), kinds},
        {QStringLiteral("slowest"),
            QJsonObject {{QStringLiteral("kind"), QString::fromLatin1(typedName(slowestKind))},
                {QStringLiteral("characters_typed"), slowestTyped},
                {QStringLiteral("us"), double(slowestNs / 100) / 10.0}}},
        {QStringLiteral("rss_kb"), residentKb()}};
}

} // namespace gymgate
