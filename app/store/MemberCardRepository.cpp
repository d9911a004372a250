#include "store/MemberCardRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>

namespace gymgate {

namespace {

QString cardWhat()
{
    return QCoreApplication::translate("Store", "The member card");
}

Status validate(const MemberCard &card)
{
    if (card.cardNo.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The card number is missing."),
            QStringLiteral("cardNo"));
    if (card.memberId.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The card has no member."),
            QStringLiteral("memberId"));
    if (card.kind == CardKind::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The card kind is missing."),
            QStringLiteral("kind"));
    if (card.status == CardStatus::Invalid)
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The card status is missing."),
            QStringLiteral("status"));
    return {};
}

QVariantList rowValues(const MemberCard &card, qint64 updatedAtMs)
{
    return {card.cardNo, card.memberId, sql::textOrNull(card.productId), card.name,
        QString::fromLatin1(cardKindName(card.kind)), QString::fromLatin1(cardStatusName(card.status)),
        card.validFromMs, card.validToMs, card.visitsLeft, card.balanceFen, card.perVisitPriceFen,
        sql::scheduleToJson(card.windows), sql::stringListToJson(card.zoneIds), sql::intOrNull(card.frozenAtMs),
        updatedAtMs};
}

} // namespace

MemberCardRepository::MemberCardRepository(Database &db) : m_db(db)
{ }

QString MemberCardRepository::columns()
{
    return QStringLiteral("id, card_no, member_id, product_id, name, kind, status, valid_from, valid_to, visits_left, "
                          "balance_fen, per_visit_price_fen, time_windows, zones, frozen_at, created_at");
}

Result<MemberCard> MemberCardRepository::readCard(const QSqlQuery &query)
{
    MemberCard card;
    card.id = query.value(0).toString();
    card.cardNo = query.value(1).toString();
    card.memberId = query.value(2).toString();
    card.productId = query.value(3).toString();
    card.name = query.value(4).toString();
    card.kind = cardKindFromName(query.value(5).toString());
    card.status = cardStatusFromName(query.value(6).toString());
    card.validFromMs = query.value(7).toLongLong();
    card.validToMs = query.value(8).toLongLong();
    card.visitsLeft = query.value(9).toInt();
    card.balanceFen = query.value(10).toLongLong();
    card.perVisitPriceFen = query.value(11).toLongLong();
    Result<WeeklySchedule> windows = sql::scheduleFromJson(query.value(12).toString(), QStringLiteral("time_windows"));
    if (!windows)
        return std::unexpected(windows.error());
    card.windows = std::move(*windows);
    card.zoneIds = sql::stringListFromJson(query.value(13).toString());
    card.frozenAtMs = sql::optionalInt(query.value(14));
    card.createdAtMs = query.value(15).toLongLong();
    return card;
}

Result<MemberCard> MemberCardRepository::insert(MemberCard card)
{
    if (Status valid = validate(card); !valid)
        return std::unexpected(valid.error());
    if (card.id.isEmpty())
        card.id = sql::newId();
    if (card.createdAtMs == 0)
        card.createdAtMs = sql::currentTimeMs();
    QVariantList values {card.id};
    values += rowValues(card, card.createdAtMs);
    values.append(card.createdAtMs);
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO member_card (id, card_no, member_id, product_id, name, kind, status, "
                       "valid_from, valid_to, visits_left, balance_fen, per_visit_price_fen, time_windows, "
                       "zones, frozen_at, updated_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        values);
    if (!query)
        return std::unexpected(query.error());
    return card;
}

Status MemberCardRepository::update(const MemberCard &card, qint64 atMs)
{
    if (Status valid = validate(card); !valid)
        return valid;
    QVariantList values = rowValues(card, atMs);
    values.append(card.id);
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE member_card SET card_no = ?, member_id = ?, product_id = ?, name = ?, "
                       "kind = ?, status = ?, valid_from = ?, valid_to = ?, visits_left = ?, "
                       "balance_fen = ?, per_visit_price_fen = ?, time_windows = ?, zones = ?, "
                       "frozen_at = ?, updated_at = ? WHERE id = ?"),
        values, cardWhat());
}

Result<std::optional<MemberCard>> MemberCardRepository::findOne(const QString &column, const QString &value) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM member_card WHERE ") + column
            + QStringLiteral(" = ? AND deleted_at IS NULL"),
        {value});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<MemberCard>();
    Result<MemberCard> card = readCard(*query);
    if (!card)
        return std::unexpected(card.error());
    return std::optional<MemberCard>(std::move(*card));
}

Result<std::optional<MemberCard>> MemberCardRepository::findById(const QString &id) const
{
    return findOne(QStringLiteral("id"), id);
}

Result<std::optional<MemberCard>> MemberCardRepository::findByCardNo(const QString &cardNo) const
{
    return findOne(QStringLiteral("card_no"), cardNo);
}

Result<QList<MemberCard>> MemberCardRepository::listForMember(const QString &memberId) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + columns()
            + QStringLiteral(" FROM member_card WHERE member_id = ? AND deleted_at IS NULL "
                             "ORDER BY created_at, card_no"),
        {memberId});
    if (!query)
        return std::unexpected(query.error());
    QList<MemberCard> cards;
    while (query->next()) {
        Result<MemberCard> card = readCard(*query);
        if (!card)
            return std::unexpected(card.error());
        cards.append(std::move(*card));
    }
    return cards;
}

Status MemberCardRepository::setStatus(const QString &id, CardStatus status, qint64 atMs)
{
    const QVariant frozenAt = status == CardStatus::Frozen ? QVariant(atMs) : QVariant(QMetaType::fromType<qint64>());
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE member_card SET status = ?, frozen_at = ?, updated_at = ? "
                       "WHERE id = ? AND deleted_at IS NULL"),
        {QString::fromLatin1(cardStatusName(status)), frozenAt, atMs, id}, cardWhat());
}

Status MemberCardRepository::softDelete(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE member_card SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, cardWhat());
}

} // namespace gymgate
