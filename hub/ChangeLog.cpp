#include "ChangeLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

#include "HubDatabase.h"
#include "HubSql.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChangeLog)
};

ChangeOp opFromName(const QString &name)
{
    if (name == QLatin1String("upsert"))
        return ChangeOp::Upsert;
    if (name == QLatin1String("delete"))
        return ChangeOp::Delete;
    return ChangeOp::Invalid;
}

} // namespace

QString changeOpName(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Upsert:
        return QStringLiteral("upsert");
    case ChangeOp::Delete:
        return QStringLiteral("delete");
    case ChangeOp::Invalid:
        break;
    }
    return {};
}

QJsonObject changeToJson(const Change &change)
{
    return QJsonObject {{QStringLiteral("seq"), change.seq}, {QStringLiteral("entity"), change.entity},
        {QStringLiteral("id"), change.id}, {QStringLiteral("op"), changeOpName(change.op)},
        {QStringLiteral("data"), change.data}};
}

Status ChangeLog::record(const QString &entity, const QString &id, ChangeOp op, const QJsonObject &data)
{
    if (!m_database.inTransaction())
        return fail(ErrorCode::Internal, Text::tr("A change was logged outside a transaction."));
    if (op == ChangeOp::Invalid || entity.isEmpty() || id.isEmpty())
        return fail(ErrorCode::Internal, Text::tr("A change without entity, id or operation."));
    if (Status locked = m_database.lockChangeOrder(); !locked)
        return locked;
    const QString json
        = op == ChangeOp::Delete ? QString() : QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    const QString insert = m_database.dialect() == DbDialect::Postgresql
        ? QStringLiteral(
            "INSERT INTO change_log (entity, entity_id, op, data, at) VALUES (?, ?, ?, CAST(? AS JSONB), ?)")
        : QStringLiteral("INSERT INTO change_log (entity, entity_id, op, data, at) VALUES (?, ?, ?, ?, ?)");
    const Result<int> inserted = sql::affected(m_database, insert,
        {entity, id, changeOpName(op), sql::nullIfEmpty(json),
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Result<ChangePage> ChangeLog::page(qint64 since, int limit) const
{
    const QString select = m_database.dialect() == DbDialect::Postgresql
        ? QStringLiteral("SELECT seq, entity, entity_id, op, CAST(data AS TEXT), at FROM change_log WHERE seq > ? "
                         "ORDER BY seq LIMIT ?")
        : QStringLiteral("SELECT seq, entity, entity_id, op, data, at FROM change_log WHERE seq > ? ORDER BY seq "
                         "LIMIT ?");
    // One row more than asked tells whether there is more.
    Result<QSqlQuery> query = sql::exec(m_database.database(), select, {since, qint64(limit) + 1});
    if (!query)
        return std::unexpected(query.error());
    ChangePage page;
    page.next = since;
    while (query->next()) {
        if (page.changes.size() == limit) {
            page.hasMore = true;
            break;
        }
        Change change;
        change.seq = query->value(0).toLongLong();
        change.entity = query->value(1).toString();
        change.id = query->value(2).toString();
        change.op = opFromName(query->value(3).toString());
        change.data = QJsonDocument::fromJson(query->value(4).toString().toUtf8()).object();
        const QVariant at = query->value(5);
        change.atMs = at.metaType().id() == QMetaType::QDateTime
            ? at.toDateTime().toMSecsSinceEpoch()
            : QDateTime::fromString(at.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        page.next = change.seq;
        page.changes.append(change);
    }
    return page;
}

Result<qint64> ChangeLog::latestSeq() const
{
    const Result<std::optional<QVariant>> value
        = sql::scalar(m_database.database(), QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"));
    if (!value)
        return std::unexpected(value.error());
    return *value ? (*value)->toLongLong() : 0;
}

} // namespace gymgate::hub
