#include "reports/CheckInScan.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

namespace gymgate::reportsql {
namespace {

const char kScanSql[] = "SELECT member_id, decided_at, zone_id, card_id, staff_id FROM entry "
                        "INDEXED BY entry_checkin_idx WHERE direction = 'in' AND status = 'passed' "
                        "AND decided_at >= ?1 AND decided_at < ?2";

// The SQLite connection behind a Qt connection; nullptr for any other driver.
sqlite3 *sqliteHandle(const QSqlDatabase &database)
{
    if (database.driverName() != QLatin1String("QSQLITE") || database.driver() == nullptr)
        return nullptr;
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

struct StatementDeleter {
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

Error sqliteError(sqlite3 *handle)
{
    return Error {ErrorCode::Storage, QString::fromUtf8(sqlite3_errmsg(handle)), QString()};
}

QByteArrayView textOf(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text == nullptr ? QByteArrayView() : QByteArrayView(text, sqlite3_column_bytes(statement, column));
}

bool hasScanIndex(const QSqlDatabase &database)
{
    QSqlQuery query(database);
    return query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'entry_checkin_idx'"))
        && query.next();
}

// Counts a row of member `ordinal` in `bucket`; the member counts once per bucket. A check-in
// without a member (ordinal -1) counts as a check-in only.
void count(CheckInTally &tally, std::vector<qint64> &lastCounted, int bucket, qint64 ordinal)
{
    if (bucket >= int(lastCounted.size()))
        lastCounted.resize(tally.keys.size(), -1);
    ++tally.checkIns[bucket];
    if (ordinal >= 0 && lastCounted[bucket] != ordinal) {
        lastCounted[bucket] = ordinal;
        ++tally.members[bucket];
    }
}

} // namespace

int CheckInTally::bucketOf(const QString &key)
{
    const auto found = m_index.constFind(key);
    if (found != m_index.constEnd())
        return *found;
    const int bucket = int(keys.size());
    m_index.insert(key, bucket);
    keys.append(key);
    checkIns.append(0);
    members.append(0);
    return bucket;
}

std::optional<Result<CheckInTally>> scanCheckIns(const ReportContext &context, const CheckInBucket &bucketOf)
{
    sqlite3 *handle = sqliteHandle(context.database);
    if (handle == nullptr || !context.scope.siteId.isEmpty() || !hasScanIndex(context.database))
        return std::nullopt;
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(handle, kScanSql, -1, &prepared, nullptr) != SQLITE_OK)
        return Result<CheckInTally>(std::unexpected(sqliteError(handle)));
    const Statement statement(prepared);
    sqlite3_bind_int64(prepared, 1, context.range.startMs);
    sqlite3_bind_int64(prepared, 2, context.range.endMs);

    CheckInTally tally;
    std::vector<qint64> lastCounted; // per bucket: the ordinal of the member last counted there
    std::string member;
    qint64 members = 0;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(prepared)) == SQLITE_ROW) {
        const QByteArrayView memberId = textOf(prepared, 0);
        if (!memberId.isEmpty()
            && (member.size() != size_t(memberId.size())
                || member.compare(0, member.size(), memberId.data(), memberId.size()) != 0)) {
            member.assign(memberId.data(), size_t(memberId.size()));
            ++members;
        }
        const qint64 ordinal = memberId.isEmpty() ? -1 : members - 1;
        const CheckInRow row {
            sqlite3_column_int64(prepared, 1), textOf(prepared, 2), textOf(prepared, 3), textOf(prepared, 4)};
        if (const int bucket = bucketOf(row, tally); bucket >= 0)
            count(tally, lastCounted, bucket, ordinal);
    }
    if (step != SQLITE_DONE)
        return Result<CheckInTally>(std::unexpected(sqliteError(handle)));
    tally.rangeMembers = members;
    return Result<CheckInTally>(std::move(tally));
}

CheckInBucket quarterBucketOf(const ReportRange &range, std::function<QString(qint64)> keyOfQuarter)
{
    const qint64 firstQuarter = range.startMs / ReportQuarterKeys::kQuarterMs;
    auto buckets = std::make_shared<std::vector<int>>(
        size_t((range.endMs - range.startMs) / ReportQuarterKeys::kQuarterMs + 2), -1);
    return [firstQuarter, buckets, keyOfQuarter = std::move(keyOfQuarter)](const CheckInRow &row, CheckInTally &tally) {
        const qint64 quarter = row.decidedAt / ReportQuarterKeys::kQuarterMs;
        int &bucket = (*buckets)[size_t(quarter - firstQuarter)];
        if (bucket < 0)
            bucket = tally.bucketOf(keyOfQuarter(quarter));
        return bucket;
    };
}

CheckInBucket checkInBucketOf(const ReportContext &context, QHash<QByteArray, QString> cardKeys)
{
    switch (context.dimension) {
    case ReportDimension::Day:
    case ReportDimension::Week:
    case ReportDimension::Month:
    case ReportDimension::Hour: {
        auto keys = std::make_shared<ReportQuarterKeys>(context.range.zone, context.dimension);
        return quarterBucketOf(context.range, [keys](qint64 quarter) { return keys->keyOf(quarter); });
    }
    case ReportDimension::CardKind:
    case ReportDimension::Product: {
        auto cards = std::make_shared<QHash<QByteArray, QString>>(std::move(cardKeys));
        return [cards](const CheckInRow &row, CheckInTally &tally) {
            const auto found = cards->constFind(row.cardId.toByteArray());
            return tally.bucketOf(found == cards->constEnd() ? QString() : *found);
        };
    }
    case ReportDimension::Staff:
        return [](const CheckInRow &row, CheckInTally &tally) {
            return tally.bucketOf(QString::fromUtf8(row.staffId));
        };
    case ReportDimension::Venue:
    case ReportDimension::Zone:
    case ReportDimension::Invalid:
        break;
    }
    auto zones = std::make_shared<QHash<QByteArray, int>>();
    return [zones](const CheckInRow &row, CheckInTally &tally) {
        const QByteArray zone = row.zoneId.toByteArray();
        const auto found = zones->constFind(zone);
        if (found != zones->constEnd())
            return *found;
        const int bucket = tally.bucketOf(QString::fromUtf8(zone));
        zones->insert(zone, bucket);
        return bucket;
    };
}

Result<QHash<QByteArray, QString>> cardKeysOf(const ReportContext &context)
{
    QHash<QByteArray, QString> keys;
    if (context.dimension != ReportDimension::CardKind && context.dimension != ReportDimension::Product)
        return keys;
    const QString column = context.dimension == ReportDimension::CardKind ? QStringLiteral("kind")
                                                                          : QStringLiteral("COALESCE(product_id, '')");
    const QString statement = QStringLiteral("SELECT id, %1 FROM member_card").arg(column);
    // Every card of the gym: SQLite's API reads them several times faster than QSqlQuery.
    if (sqlite3 *handle = sqliteHandle(context.database)) {
        sqlite3_stmt *prepared = nullptr;
        if (sqlite3_prepare_v2(handle, statement.toUtf8().constData(), -1, &prepared, nullptr) != SQLITE_OK)
            return std::unexpected(sqliteError(handle));
        const Statement guard(prepared);
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(prepared)) == SQLITE_ROW)
            keys.insert(textOf(prepared, 0).toByteArray(), QString::fromUtf8(textOf(prepared, 1)));
        if (step != SQLITE_DONE)
            return std::unexpected(sqliteError(handle));
        return keys;
    }
    const Status read = forEachRow(context.database, statement, {},
        [&](const QSqlQuery &query) { keys.insert(query.value(0).toString().toUtf8(), query.value(1).toString()); });
    if (!read)
        return std::unexpected(read.error());
    return keys;
}

} // namespace gymgate::reportsql
