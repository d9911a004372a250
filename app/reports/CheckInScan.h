#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include "reports/ReportSql.h"

namespace gymgate::reportsql {

// One check-in as the scan reads it. The texts point into SQLite's row and are valid for the
// call only.
struct CheckInRow {
    qint64 decidedAt = 0;
    QByteArrayView zoneId;
    QByteArrayView cardId;
    QByteArrayView staffId;
};

// Check-ins and distinct members per bucket (a row of the report), and distinct members over
// the range. Buckets are added as the scan meets their keys.
struct CheckInTally {
    QStringList keys;
    QList<qint64> checkIns;
    QList<qint64> members;
    qint64 rangeMembers = 0;

    int bucketOf(const QString &key);

private:
    QHash<QString, int> m_index;
};

// The bucket of a check-in, or -1 to leave it out. Called once per check-in: keep it cheap.
using CheckInBucket = std::function<int(const CheckInRow &, CheckInTally &)>;

// Every check-in of the range (inward, passed, with a member) read in member order from the desk's
// covering index entry_checkin_idx through SQLite's own API, so distinct members per bucket are
// counted in one pass: a member counts once in a bucket when the bucket differs from the one it
// was last counted in (rows of one member arrive together). About 0.2 s for a million check-ins,
// where COUNT(DISTINCT) per bucket took seconds.
// nullopt where there is no such index (the hub's databases, any PostgreSQL) or the report is of
// one site: callers then count in SQL.
std::optional<Result<CheckInTally>> scanCheckIns(const ReportContext &context, const CheckInBucket &bucketOf);

// Buckets by the key of each check-in's quarter hour (quarter = utcMs / kQuarterMs), computed
// once per quarter of the range and cached: one time zone lookup per quarter, not per row.
CheckInBucket quarterBucketOf(const ReportRange &range, std::function<QString(qint64 quarter)> keyOfQuarter);

// The bucket function of a report dimension for scanCheckIns: time keys by quarter hour (cached),
// zones, card kinds and products of the card used (card table read once), staff ids.
// `cardKeys` maps a card id to its kind or product id; empty for the other dimensions.
CheckInBucket checkInBucketOf(const ReportContext &context, QHash<QByteArray, QString> cardKeys);

// Card id -> kind (CardKind) or product id (Product) of every card, for checkInBucketOf.
Result<QHash<QByteArray, QString>> cardKeysOf(const ReportContext &context);

} // namespace gymgate::reportsql
