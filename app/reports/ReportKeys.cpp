#include "reports/ReportKeys.h"

#include "core/MemberCard.h"
#include "core/SalesDesk.h"

#include <QCoreApplication>

namespace gymgate::reportsql {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(SqlReportEngine)
};

QString hourLabel(const QString &hourKey)
{
    return hourKey + QStringLiteral(":00");
}

} // namespace

ReportKeys::ReportKeys(const ReportContext &context)
    : m_dimension(context.dimension), m_quarters(context.range.zone, context.dimension)
{ }

Result<ReportKeys> ReportKeys::make(const ReportContext &context)
{
    ReportKeys keys(context);
    switch (context.dimension) {
    case ReportDimension::Day:
    case ReportDimension::Week:
    case ReportDimension::Month:
    case ReportDimension::Hour:
        for (const QString &key : reportTimeKeys(context.range, context.dimension))
            keys.m_fixed.append({key, context.dimension == ReportDimension::Hour ? hourLabel(key) : key});
        return keys;
    case ReportDimension::Venue:
    case ReportDimension::Zone: {
        // Every venue of the scope by name; a deleted one still names the rows found for it.
        QVariantList binds;
        const QString statement = QStringLiteral("SELECT id, name, deleted_at FROM venue WHERE 1 = 1")
            + context.siteFilter(QStringLiteral("site_id"), binds) + QStringLiteral(" ORDER BY name, id");
        if (const Status read = keys.readNames(context, statement, binds, true); !read)
            return std::unexpected(read.error());
        return keys;
    }
    case ReportDimension::CardKind:
        for (CardKind kind : {CardKind::Time, CardKind::Count, CardKind::Value}) {
            const QString key = QString::fromLatin1(cardKindName(kind));
            keys.m_fixed.append({key, cardKindTitle(kind)});
        }
        return keys;
    case ReportDimension::Product:
        if (const Status read = keys.readNames(
                context, QStringLiteral("SELECT id, name, deleted_at FROM card_product ORDER BY name, id"), {}, true);
            !read)
            return std::unexpected(read.error());
        return keys;
    case ReportDimension::Staff:
        if (context.scope.staffNamesSql.isEmpty())
            return keys;
        if (const Status read = keys.readNames(context, context.scope.staffNamesSql, {}, false); !read)
            return std::unexpected(read.error());
        return keys;
    case ReportDimension::Invalid:
        break;
    }
    return keys;
}

Status ReportKeys::readNames(
    const ReportContext &context, const QString &statement, const QVariantList &binds, bool liveRowsAreFixed)
{
    return forEachRow(context.database, statement, binds, [&](const QSqlQuery &query) {
        m_names.insert(query.value(0).toString(), query.value(1).toString());
        if (liveRowsAreFixed && query.value(2).isNull())
            m_fixed.append({query.value(0).toString(), query.value(1).toString()});
    });
}

void ReportKeys::addFixedRows(ReportRows &rows) const
{
    for (const auto &[key, label] : m_fixed)
        rows.addRow(key, label);
    rows.seal();
    // Entries and sales without a card or a product come last, after any unknown key.
    if (m_dimension == ReportDimension::CardKind)
        rows.setLastKey(QString(), Text::tr("No card"));
    else if (m_dimension == ReportDimension::Product)
        rows.setLastKey(QString(), Text::tr("No product"));
}

QString ReportKeys::keyOf(const QSqlQuery &query, int index)
{
    if (isReportTimeDimension(m_dimension))
        return m_quarters.keyOf(query.value(index).toLongLong());
    return query.value(index).toString();
}

QString ReportKeys::labelOf(const QString &key) const
{
    switch (m_dimension) {
    case ReportDimension::Hour:
        return hourLabel(key);
    case ReportDimension::CardKind: {
        const CardKind kind = cardKindFromName(key);
        return kind == CardKind::Invalid ? key : cardKindTitle(kind);
    }
    case ReportDimension::Staff:
        if (key.isEmpty())
            return m_noStaffLabel;
        return m_names.value(key, key);
    case ReportDimension::Venue:
    case ReportDimension::Zone:
    case ReportDimension::Product:
        return m_names.value(key, key);
    case ReportDimension::Day:
    case ReportDimension::Week:
    case ReportDimension::Month:
    case ReportDimension::Invalid:
        break;
    }
    return key;
}

QString groupExpression(ReportDimension dimension, const GroupingSql &grouping)
{
    switch (dimension) {
    case ReportDimension::Day:
    case ReportDimension::Week:
    case ReportDimension::Month:
    case ReportDimension::Hour:
        return quarterOf(grouping.time);
    case ReportDimension::Venue:
    case ReportDimension::Zone:
        return grouping.venue;
    case ReportDimension::CardKind:
        return grouping.cardKind;
    case ReportDimension::Product:
        return grouping.product;
    case ReportDimension::Staff:
        return grouping.staff;
    case ReportDimension::Invalid:
        break;
    }
    return {};
}

} // namespace gymgate::reportsql
