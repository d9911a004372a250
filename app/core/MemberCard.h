#pragma once

#include "core/WeeklySchedule.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace gymgate {

// seed 002 member_card.card_type: time (月卡/年卡), count (次卡), stored value (储值卡).
enum class CardKind {
    Invalid = 0,
    Time,
    Count,
    Value
};
enum class CardStatus {
    Invalid = 0,
    Active,
    Frozen,
    Expired,
    Cancelled
};

const char *cardKindName(CardKind kind); // "time", "count", "value"
CardKind cardKindFromName(const QString &name); // Invalid for anything else
const char *cardStatusName(CardStatus status); // "active", "frozen", "expired", "cancelled"
CardStatus cardStatusFromName(const QString &name);

// A product the desk sells (`card_product`). Money in fen.
struct CardProduct {
    QString id;
    QString name;
    CardKind kind = CardKind::Invalid;
    qint64 priceFen = 0;
    int validDays = 0; // 0 = no expiry (value cards)
    int visits = 0; // count cards
    qint64 valueFen = 0; // value cards: stored value credited at sale
    qint64 perVisitPriceFen = 0; // value cards: charged per entry
    WeeklySchedule windows; // empty = any time
    QStringList zoneIds; // empty = every zone
    bool active = true;
};

// A card sold to a member (`member_card`). Windows and zones are copied from the product at
// sale, so editing a product never changes a card already sold.
struct MemberCard {
    QString id;
    QString cardNo;
    QString memberId;
    QString productId;
    QString name;
    CardKind kind = CardKind::Invalid;
    CardStatus status = CardStatus::Invalid;
    qint64 validFromMs = 0;
    qint64 validToMs = 0; // 0 = no expiry
    int visitsLeft = 0;
    qint64 balanceFen = 0;
    qint64 perVisitPriceFen = 0;
    WeeklySchedule windows;
    QStringList zoneIds;
    std::optional<qint64> frozenAtMs;
    qint64 createdAtMs = 0;
};

} // namespace gymgate
