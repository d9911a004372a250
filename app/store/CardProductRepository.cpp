#include "store/CardProductRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

const QString kColumns = QStringLiteral("id, name, kind, price_fen, valid_days, visits, value_fen, "
                                        "per_visit_price_fen, time_windows, zones, active");

QString productWhat()
{
    return QCoreApplication::translate("Store", "The card product");
}

Status validate(const CardProduct &product)
{
    if (product.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The name is missing."),
            QStringLiteral("name"));
    if (product.kind == CardKind::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The card kind is missing."),
            QStringLiteral("kind"));
    return {};
}

QVariantList rowValues(const CardProduct &product)
{
    return {product.name, QString::fromLatin1(cardKindName(product.kind)), product.priceFen, product.validDays,
        product.visits, product.valueFen, product.perVisitPriceFen, sql::scheduleToJson(product.windows),
        sql::stringListToJson(product.zoneIds), product.active ? 1 : 0};
}

Result<CardProduct> readProduct(const QSqlQuery &query)
{
    CardProduct product;
    product.id = query.value(0).toString();
    product.name = query.value(1).toString();
    product.kind = cardKindFromName(query.value(2).toString());
    product.priceFen = query.value(3).toLongLong();
    product.validDays = query.value(4).toInt();
    product.visits = query.value(5).toInt();
    product.valueFen = query.value(6).toLongLong();
    product.perVisitPriceFen = query.value(7).toLongLong();
    Result<WeeklySchedule> windows = sql::scheduleFromJson(query.value(8).toString(), QStringLiteral("time_windows"));
    if (!windows)
        return std::unexpected(windows.error());
    product.windows = std::move(*windows);
    product.zoneIds = sql::stringListFromJson(query.value(9).toString());
    product.active = query.value(10).toInt() != 0;
    return product;
}

} // namespace

CardProductRepository::CardProductRepository(Database &db) : m_db(db)
{ }

Result<CardProduct> CardProductRepository::insert(CardProduct product, qint64 atMs)
{
    if (Status valid = validate(product); !valid)
        return std::unexpected(valid.error());
    if (product.id.isEmpty())
        product.id = sql::newId();
    QVariantList values {product.id};
    values += rowValues(product);
    values << atMs << atMs;
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO card_product (") + kColumns
            + QStringLiteral(", created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        values);
    if (!query)
        return std::unexpected(query.error());
    return product;
}

Status CardProductRepository::update(const CardProduct &product, qint64 atMs)
{
    if (Status valid = validate(product); !valid)
        return valid;
    QVariantList values = rowValues(product);
    values << atMs << product.id;
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE card_product SET name = ?, kind = ?, price_fen = ?, valid_days = ?, "
                       "visits = ?, value_fen = ?, per_visit_price_fen = ?, time_windows = ?, "
                       "zones = ?, active = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
        values, productWhat());
}

Result<std::optional<CardProduct>> CardProductRepository::findById(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM card_product WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<CardProduct>();
    Result<CardProduct> product = readProduct(*query);
    if (!product)
        return std::unexpected(product.error());
    return std::optional<CardProduct>(std::move(*product));
}

Result<QList<CardProduct>> CardProductRepository::list(bool includeInactive) const
{
    const QString where = includeInactive ? QStringLiteral(" WHERE deleted_at IS NULL")
                                          : QStringLiteral(" WHERE deleted_at IS NULL AND active = 1");
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM card_product") + where
            + QStringLiteral(" ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());
    QList<CardProduct> products;
    while (query->next()) {
        Result<CardProduct> product = readProduct(*query);
        if (!product)
            return std::unexpected(product.error());
        products.append(std::move(*product));
    }
    return products;
}

Status CardProductRepository::softDelete(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE card_product SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, productWhat());
}

} // namespace gymgate
