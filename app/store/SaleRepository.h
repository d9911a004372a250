#pragma once

#include "core/Error.h"
#include "core/Sale.h"

#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

class Database;

class SaleRepository {
public:
    explicit SaleRepository(Database &db);

    // Empty id -> new UUID; createdAtMs 0 = now. Taken receipt number: AlreadyExists "receiptNo".
    Result<Sale> insert(Sale sale);
    Result<std::optional<Sale>> findById(const QString &id) const;
    Result<QList<Sale>> listRange(qint64 fromMs, qint64 toMs) const; // [from, to), oldest first
    Result<QList<Sale>> listForMember(const QString &memberId) const;

private:
    Database &m_db;
};

} // namespace gymgate
