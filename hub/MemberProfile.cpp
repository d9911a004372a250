// MemberModule: reading, searching and updating members.
#include "core/FieldCipher.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

#include "HubDatabase.h"
#include "HubRouter.h"
#include "HubSettings.h"
#include "HubSql.h"
#include "MemberFields.h"
#include "MemberModule.h"
#include "MemberRecords.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MemberModule)
};

constexpr qint64 kMaxPageSize = 100;

HubResponse memberNotFound()
{
    return HubResponse::error(
        404, QStringLiteral("not_found"), Text::tr("No such member."), QStringLiteral("memberId"));
}

struct MemberFilter {
    QString where = QStringLiteral("deleted_at IS NULL");
    QVariantList binds;

    void add(const QString &condition, const QVariantList &values)
    {
        where += QStringLiteral(" AND ") + condition;
        binds += values;
    }
};

// phone (exact, by its keyed hash), memberNo and name (prefixes). substr() compares characters
// the same way in both dialects, whatever PostgreSQL's collation.
Result<MemberFilter> memberFilter(HubDatabase &database, const HubRequest &request)
{
    MemberFilter filter;
    const QString phone = request.queryString(QStringLiteral("phone")).trimmed();
    if (!phone.isEmpty()) {
        if (!isValidChineseMobile(phone))
            return fail(ErrorCode::InvalidArgument,
                Text::tr("The parameter \"phone\" must be a mainland China mobile number."), QStringLiteral("phone"));
        const Result<FieldCipher> cipher = HubSettings(database).fieldCipher();
        if (!cipher)
            return std::unexpected(cipher.error());
        filter.add(
            QStringLiteral("phone_hash = ?"), {QString::fromLatin1(cipher->lookupHash(phone.toLatin1()).toBase64())});
    }
    for (const auto &[parameter, column] : {std::pair {QStringLiteral("memberNo"), QStringLiteral("member_no")},
             std::pair {QStringLiteral("name"), QStringLiteral("name")}}) {
        const QString prefix = request.queryString(parameter).trimmed();
        if (prefix.size() > 64)
            return fail(ErrorCode::InvalidArgument,
                Text::tr("The parameter \"%1\" is longer than 64 characters.").arg(parameter), parameter);
        if (!prefix.isEmpty())
            filter.add(QStringLiteral("substr(%1, 1, ?) = ?").arg(column), {qint64(prefix.size()), prefix});
    }
    return filter;
}

Result<std::optional<HubMember>> memberOfPath(HubDatabase &database, const HubRequest &request)
{
    return members::findMember(
        database.database(), MemberKey::Id, request.pathParams.value(QStringLiteral("memberId")));
}

bool hasAnyField(const HubRequest &request, const QStringList &fields)
{
    const QJsonObject body = request.json.toObject();
    return std::any_of(fields.cbegin(), fields.cend(),
        [&body](const QString &field) { return body.contains(field) && !body.value(field).isNull(); });
}

} // namespace

HubResponse MemberModule::listMembers(const HubRequest &request)
{
    const Result<qint64> page = request.queryInteger(QStringLiteral("page"), 1, 1, 1'000'000);
    if (!page)
        return HubResponse::fromError(page.error());
    const Result<qint64> pageSize = request.queryInteger(QStringLiteral("pageSize"), 20, 1, kMaxPageSize);
    if (!pageSize)
        return HubResponse::fromError(pageSize.error());
    const Result<MemberFilter> filter = memberFilter(database(), request);
    if (!filter)
        return HubResponse::fromError(filter.error());
    const Result<std::optional<QVariant>> total = sql::scalar(
        database().database(), QStringLiteral("SELECT COUNT(*) FROM member WHERE ") + filter->where, filter->binds);
    if (!total)
        return HubResponse::fromError(total.error());
    Result<QSqlQuery> ids = sql::exec(database().database(),
        QStringLiteral("SELECT id FROM member WHERE ") + filter->where
            + QStringLiteral(" ORDER BY member_no LIMIT ? OFFSET ?"),
        filter->binds + QVariantList {*pageSize, (*page - 1) * *pageSize});
    if (!ids)
        return HubResponse::fromError(ids.error());
    QStringList found;
    while (ids->next())
        found.append(ids->value(0).toString());
    QJsonArray items;
    for (const QString &id : std::as_const(found)) {
        const Result<std::optional<HubMember>> member = members::findMember(database().database(), MemberKey::Id, id);
        if (!member)
            return HubResponse::fromError(member.error());
        if (*member)
            items.append(members::memberApiJson(**member));
    }
    return HubResponse::ok(
        QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), (*total)->toLongLong()},
            {QStringLiteral("page"), *page}, {QStringLiteral("pageSize"), *pageSize}});
}

HubResponse MemberModule::getMember(const HubRequest &request)
{
    if (std::optional<HubResponse> refused
        = refuseOtherMember(request, request.pathParams.value(QStringLiteral("memberId"))))
        return *refused;
    const Result<std::optional<HubMember>> member = memberOfPath(database(), request);
    if (!member)
        return HubResponse::fromError(member.error());
    if (!*member)
        return memberNotFound();
    return HubResponse::ok(members::memberApiJson(**member));
}

HubResponse MemberModule::me(const HubRequest &request)
{
    const Result<std::optional<HubMember>> member
        = members::findMember(database().database(), MemberKey::Id, request.principal.memberId);
    if (!member)
        return HubResponse::fromError(member.error());
    if (!*member)
        return memberNotFound();
    return HubResponse::ok(members::memberApiJson(**member));
}

HubResponse MemberModule::updateMember(const HubRequest &request)
{
    const QStringList fields {QStringLiteral("name"), QStringLiteral("gender"), QStringLiteral("birthday"),
        QStringLiteral("preferredLanguage"), QStringLiteral("height"), QStringLiteral("weight"),
        QStringLiteral("fitnessGoal")};
    if (Status status = request.requireObject(fields); !status)
        return HubResponse::fromError(status.error());
    const QString memberId = request.pathParams.value(QStringLiteral("memberId"));
    if (std::optional<HubResponse> refused = refuseOtherMember(request, memberId))
        return *refused;
    if (!hasAnyField(request, fields))
        return HubResponse::error(422, QStringLiteral("field_invalid"),
            Text::tr("Give at least one of the fields %1.").arg(fields.join(QStringLiteral(", "))),
            QStringLiteral("body"));
    std::optional<HubMember> updated;
    const Status status = database().transaction([&]() -> Status {
        Result<std::optional<HubMember>> found = members::findMember(database().database(), MemberKey::Id, memberId);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::NotFound, Text::tr("No such member."), QStringLiteral("memberId"));
        HubMember row = **found;
        const Result<QStringList> written = members::applyProfileFields(request, row);
        if (!written)
            return std::unexpected(written.error());
        // The same clock for the row and its stamps: a site's later write to one field wins
        // that field only (DESIGN §9, last writer wins per field).
        const qint64 nowMs = std::max(sql::nowMs(), row.member.updatedAtMs);
        for (const QString &field : *written)
            row.fieldStamps.insert(field, nowMs);
        row.member.updatedAtMs = nowMs;
        if (Status saved = members::updateMember(database().database(), row); !saved)
            return saved;
        updated = row;
        return publishMember(row);
    });
    if (!status)
        return HubResponse::fromError(status.error());
    return HubResponse::ok(members::memberApiJson(*updated));
}

} // namespace gymgate::hub
