#pragma once

#include "core/AccessReason.h"
#include "core/Error.h"

#include <QHash>
#include <QJsonObject>

#include "GymModel.h"

namespace gymgate {

// The demo's script: for each hand-made member, the code to scan at which gate and the outcome
// the access policy gives at "now" (DESIGN §6 order: credential, member, zone, card, booking,
// anti-passback, daily limit, capacity). Written with --codes for scripts/demo.
class DemoScenarios {
public:
    DemoScenarios(const GymModel &model, const SiteTime &time, QString keyId, const QHash<int, QString> &liveCodes,
        const QHash<int, QString> &revokedCodes)
        : m_model(model), m_time(time), m_keyId(std::move(keyId)), m_liveCodes(liveCodes), m_revokedCodes(revokedCodes)
    { }

    QJsonObject toJson() const;
    QByteArray toText() const; // lines for gymgate --headless
    Status writeFile(const QString &path) const; // "*.txt": toText(), else JSON

private:
    enum class CodeKind {
        Invalid = 0,
        Live,
        Revoked,
        MemberNumber,
        UnknownNumber,
        Tampered,
        UnknownKey
    };
    struct Scenario {
        const char *name;
        const char *description;
        const char *descriptionZh;
        DemoRole role;
        VenueRole zone;
        AccessReason intended;
        CodeKind code = CodeKind::Live;
    };

    QJsonObject scenarioJson(const Scenario &scenario) const;
    QString codeFor(const Scenario &scenario, int member) const;
    int zoneFor(const Scenario &scenario) const;
    AccessReason expectedAt(const Scenario &scenario, int zone) const;

    const GymModel &m_model;
    const SiteTime &m_time;
    QString m_keyId;
    const QHash<int, QString> &m_liveCodes;
    const QHash<int, QString> &m_revokedCodes;
};

} // namespace gymgate
