#include "store/GateRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gymgate {

namespace {

const QString kColumns = QStringLiteral("id, name, zone_id, direction, profile, fail_mode, last_selftest_at, "
                                        "last_selftest_result, created_at, updated_at");

QString gateWhat()
{
    return QCoreApplication::translate("Store", "The gate");
}

Status validate(const GateConfig &gate)
{
    if (gate.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The name is missing."),
            QStringLiteral("name"));
    if (gate.zoneId.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The gate has no zone."),
            QStringLiteral("zoneId"));
    if (gate.direction == GateDirection::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The gate direction is missing."),
            QStringLiteral("direction"));
    if (gate.failMode == GateFailMode::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The fail mode is missing."),
            QStringLiteral("failMode"));
    return {};
}

QString profileText(const QJsonObject &profile)
{
    return QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact));
}

GateConfig readGate(const QSqlQuery &query)
{
    GateConfig gate;
    gate.id = query.value(0).toString();
    gate.name = query.value(1).toString();
    gate.zoneId = query.value(2).toString();
    gate.direction = gateDirectionFromName(query.value(3).toString());
    gate.profile = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    gate.failMode = gateFailModeFromName(query.value(5).toString());
    gate.lastSelfTestAtMs = sql::optionalInt(query.value(6));
    gate.lastSelfTestResult = query.value(7).toString();
    gate.createdAtMs = query.value(8).toLongLong();
    gate.updatedAtMs = query.value(9).toLongLong();
    return gate;
}

} // namespace

GateRepository::GateRepository(Database &db) : m_db(db)
{ }

Result<GateConfig> GateRepository::insert(GateConfig gate, qint64 atMs)
{
    if (Status valid = validate(gate); !valid)
        return std::unexpected(valid.error());
    if (gate.id.isEmpty())
        gate.id = sql::newId();
    gate.createdAtMs = gate.updatedAtMs = atMs;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO gate (") + kColumns + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {gate.id, gate.name, gate.zoneId, QString::fromLatin1(gateDirectionName(gate.direction)),
            profileText(gate.profile), QString::fromLatin1(gateFailModeName(gate.failMode)),
            sql::intOrNull(gate.lastSelfTestAtMs), sql::textOrNull(gate.lastSelfTestResult), atMs, atMs});
    if (!query)
        return std::unexpected(query.error());
    return gate;
}

Status GateRepository::update(const GateConfig &gate, qint64 atMs)
{
    if (Status valid = validate(gate); !valid)
        return valid;
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE gate SET name = ?, zone_id = ?, direction = ?, profile = ?, "
                       "fail_mode = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
        {gate.name, gate.zoneId, QString::fromLatin1(gateDirectionName(gate.direction)), profileText(gate.profile),
            QString::fromLatin1(gateFailModeName(gate.failMode)), atMs, gate.id},
        gateWhat());
}

Result<std::optional<GateConfig>> GateRepository::findById(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(
        m_db.connection(), QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM gate WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<GateConfig>();
    return std::optional<GateConfig>(readGate(*query));
}

Result<QList<GateConfig>> GateRepository::list() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM gate WHERE deleted_at IS NULL "
                             "ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());
    QList<GateConfig> gates;
    while (query->next())
        gates.append(readGate(*query));
    return gates;
}

Result<std::optional<GateConfig>> GateRepository::mainEntrance() const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT g.") + QString(kColumns).replace(QStringLiteral(", "), QStringLiteral(", g."))
            + QStringLiteral(" FROM gate g JOIN venue v ON v.id = g.zone_id "
                             "WHERE g.deleted_at IS NULL AND g.direction <> 'out' AND v.kind = 'gym_floor' "
                             "ORDER BY g.name LIMIT 1"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<GateConfig>();
    return std::optional<GateConfig>(readGate(*query));
}

// A self-test is not a configuration change: updated_at stays, so the gate list does not ask
// for a restart after one.
Status GateRepository::recordSelfTest(const QString &id, qint64 atMs, const QString &result)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE gate SET last_selftest_at = ?, last_selftest_result = ? "
                       "WHERE id = ? AND deleted_at IS NULL"),
        {atMs, result, id}, gateWhat());
}

Status GateRepository::softDelete(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE gate SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, gateWhat());
}

} // namespace gymgate
