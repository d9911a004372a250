#include "store/SaleRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

const QString kColumns = QStringLiteral("id, receipt_no, member_id, card_id, product_id, kind, amount_fen, "
                                        "payment_method, staff_id, note, created_at");

Sale readSale(const QSqlQuery &query)
{
    Sale sale;
    sale.id = query.value(0).toString();
    sale.receiptNo = query.value(1).toString();
    sale.memberId = query.value(2).toString();
    sale.cardId = query.value(3).toString();
    sale.productId = query.value(4).toString();
    sale.kind = saleKindFromName(query.value(5).toString());
    sale.amountFen = query.value(6).toLongLong();
    sale.paymentMethod = paymentMethodFromName(query.value(7).toString());
    sale.staffId = query.value(8).toString();
    sale.note = query.value(9).toString();
    sale.createdAtMs = query.value(10).toLongLong();
    return sale;
}

Result<QList<Sale>> readSales(Result<QSqlQuery> query)
{
    if (!query)
        return std::unexpected(query.error());
    QList<Sale> sales;
    while (query->next())
        sales.append(readSale(*query));
    return sales;
}

} // namespace

SaleRepository::SaleRepository(Database &db) : m_db(db)
{ }

Result<Sale> SaleRepository::insert(Sale sale)
{
    if (sale.receiptNo.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The receipt number is missing."),
            QStringLiteral("receiptNo"));
    if (sale.kind == SaleKind::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The kind of payment is missing."),
            QStringLiteral("kind"));
    if (sale.paymentMethod == PaymentMethod::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The payment method is missing."),
            QStringLiteral("paymentMethod"));
    if (sale.id.isEmpty())
        sale.id = sql::newId();
    if (sale.createdAtMs == 0)
        sale.createdAtMs = sql::currentTimeMs();
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO sale (") + kColumns + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
        {sale.id, sale.receiptNo, sql::textOrNull(sale.memberId), sql::textOrNull(sale.cardId),
            sql::textOrNull(sale.productId), QString::fromLatin1(saleKindName(sale.kind)), sale.amountFen,
            QString::fromLatin1(paymentMethodName(sale.paymentMethod)), sql::textOrNull(sale.staffId), sale.note,
            sale.createdAtMs});
    if (!query)
        return std::unexpected(query.error());
    return sale;
}

Result<std::optional<Sale>> SaleRepository::findById(const QString &id) const
{
    Result<QSqlQuery> query = sql::run(
        m_db.connection(), QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM sale WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<Sale>();
    return std::optional<Sale>(readSale(*query));
}

Result<QList<Sale>> SaleRepository::listRange(qint64 fromMs, qint64 toMs) const
{
    return readSales(sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM sale WHERE created_at >= ? AND created_at < ? "
                             "ORDER BY created_at, receipt_no"),
        {fromMs, toMs}));
}

Result<QList<Sale>> SaleRepository::listForMember(const QString &memberId) const
{
    return readSales(sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM sale WHERE member_id = ? ORDER BY created_at, receipt_no"),
        {memberId}));
}

} // namespace gymgate
