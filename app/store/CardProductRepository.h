#pragma once

#include "core/Error.h"
#include "core/MemberCard.h"

#include <QList>

#include <optional>

namespace gymgate {

class Database;

// Card products the desk sells (`card_product`).
class CardProductRepository {
public:
    explicit CardProductRepository(Database &db);

    Result<CardProduct> insert(CardProduct product, qint64 atMs); // empty id -> new UUID
    Status update(const CardProduct &product, qint64 atMs); // NotFound when missing
    Result<std::optional<CardProduct>> findById(const QString &id) const;
    // Not deleted; only active ones unless includeInactive. Ordered by name.
    Result<QList<CardProduct>> list(bool includeInactive = false) const;
    Status softDelete(const QString &id, qint64 atMs);

private:
    Database &m_db;
};

} // namespace gymgate
