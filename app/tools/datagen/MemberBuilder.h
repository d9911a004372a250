#pragma once

#include "core/Error.h"
#include "core/FieldCipher.h"
#include "core/SigningKey.h"

#include <QHash>

#include "DatagenOptions.h"
#include "DemoRole.h"
#include "GymModel.h"
#include "PersonFactory.h"
#include "Progress.h"

struct sqlite3;

namespace gymgate {

// Members with their encrypted phone numbers, the cards they bought (in every state a real
// gym has), the sale of each card, and each member's printed QR code signed with the desk key.
class MemberBuilder {
public:
    MemberBuilder(
        GymModel &model, SeededRandom &random, const DatagenOptions &options, const SiteTime &time, Progress &progress)
        : m_model(model), m_random(random), m_options(options), m_time(time), m_progress(progress), m_people(random)
    { }

    Status writeMembers(sqlite3 *db, const FieldCipher &cipher);
    Status writeCards(sqlite3 *db);
    Status writeCredentials(sqlite3 *db, const SigningKey &key, qint64 keyCreatedAtMs);

    // Codes the demo scenarios scan, by member index: the live code and a revoked one.
    const QHash<int, QString> &liveCodes() const { return m_liveCodes; }
    const QHash<int, QString> &revokedCodes() const { return m_revokedCodes; }

private:
    enum class CardPlan {
        Invalid = 0,
        Active,
        Frozen,
        Expired,
        Cancelled,
        NotYetValid,
        UsedUp
    };
    struct Credential {
        int member = 0;
        qint64 issuedAtMs = 0;
        qint64 revokedAtMs = 0; // 0 = live
    };

    MemberInfo makeMember(int index);
    void planDemoCards(int member, DemoRole role);
    void planRandomCards(int member, int count);
    CardInfo &addCard(int member, ProductRole role, CardPlan plan);
    CardInfo &addCard(int member, int product, CardPlan plan);
    void placeCard(CardInfo &card, const ProductInfo &product, CardPlan plan);
    void stampUpdate(CardInfo &card);
    CardPlan randomPlan(bool current, CardKind kind);
    Status insertCard(struct CardStatements &statements, qint64 index);
    std::vector<Credential> planCredentials();

    GymModel &m_model;
    SeededRandom &m_random;
    const DatagenOptions &m_options;
    const SiteTime &m_time;
    Progress &m_progress;
    PersonFactory m_people;
    QHash<int, QString> m_liveCodes;
    QHash<int, QString> m_revokedCodes;
};

} // namespace gymgate
