#include "DemoScenarios.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "DatagenOptions.h"
#include "EntryBuilder.h"

namespace gymgate {
namespace {

bool isCredentialOrMember(AccessReason reason)
{
    return reason >= AccessReason::CredentialMalformed && reason <= AccessReason::MemberDeleted;
}

// Swaps one character in the middle of the signature for another base64url character: the
// code still parses, its signature no longer verifies.
QString tampered(const QString &code)
{
    QString out = code;
    const qsizetype signatureStart = out.lastIndexOf(QLatin1Char('.')) + 1;
    const qsizetype at = signatureStart + (out.size() - signatureStart) / 2;
    out[at] = out[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    return out;
}

// The same code claiming a key id no kiosk knows.
QString withUnknownKey(const QString &code)
{
    QStringList parts = code.split(QLatin1Char('.'));
    if (parts.size() == 4)
        parts[1] = QStringLiteral("nokey");
    return parts.join(QLatin1Char('.'));
}

} // namespace

QString DemoScenarios::codeFor(const Scenario &scenario, int member) const
{
    switch (scenario.code) {
    case CodeKind::Revoked:
        return m_revokedCodes.value(member);
    case CodeKind::MemberNumber:
        return m_model.memberNo(member).toString();
    case CodeKind::UnknownNumber:
        return QLatin1Char('M') + m_model.siteNumber + QStringLiteral("9999999");
    case CodeKind::Tampered:
        return tampered(m_liveCodes.value(member));
    case CodeKind::UnknownKey:
        return withUnknownKey(m_liveCodes.value(member));
    default:
        return m_liveCodes.value(member);
    }
}

int DemoScenarios::zoneFor(const Scenario &scenario) const
{
    return m_model.venueIndex(scenario.zone);
}

// The outcome at "now": what the rules before the scenario's own rule say first.
AccessReason DemoScenarios::expectedAt(const Scenario &scenario, int zone) const
{
    if (isCredentialOrMember(scenario.intended))
        return scenario.intended;
    const VenueInfo &venue = m_model.venues[size_t(zone)];
    const qint64 now = m_time.nowMs();
    if (venue.status == VenueStatus::Maintenance || venue.underMaintenanceAt(now))
        return AccessReason::ZoneMaintenance;
    if (venue.status != VenueStatus::Open || !venue.isOpenAt(now, m_time))
        return AccessReason::ZoneClosed;
    AccessReason outcome = scenario.intended;
    if (scenario.role == DemoRole::OffPeak) {
        const int minute = m_time.minuteOfDay(now);
        const bool inWindow = m_time.weekday(now) <= 5 && minute >= 9 * 60 && minute < 16 * 60;
        outcome = inWindow ? AccessReason::Granted : AccessReason::CardOutsideWindow;
    }
    if (scenario.role == DemoRole::PoolLimit) {
        int today = 0;
        for (const qint64 at : EntryBuilder::poolLimitVisits(m_time))
            today += at >= m_time.todayStart() ? 1 : 0;
        outcome = today >= venue.dailyEntryLimit ? AccessReason::DailyLimit : AccessReason::Granted;
    }
    if (outcome == AccessReason::Granted && venue.capacity > 0 && venue.inside >= venue.capacity)
        return AccessReason::ZoneFull;
    return outcome;
}

QJsonObject DemoScenarios::scenarioJson(const Scenario &scenario) const
{
    const int member = scenario.role == DemoRole::Invalid ? -1 : int(scenario.role) - 1;
    const int zone = zoneFor(scenario);
    const VenueInfo &venue = m_model.venues[size_t(zone)];
    const AccessReason expected = expectedAt(scenario, zone);
    QJsonObject json {
        {QStringLiteral("name"), QString::fromLatin1(scenario.name)},
        {QStringLiteral("description"), QString::fromUtf8(scenario.description)},
        {QStringLiteral("descriptionZh"), QString::fromUtf8(scenario.descriptionZh)},
        {QStringLiteral("zone"), venue.name},
        {QStringLiteral("zoneId"), venue.id.toString()},
        {QStringLiteral("gate"), venue.gateName},
        {QStringLiteral("gateId"), venue.gateId.toString()},
        {QStringLiteral("code"), codeFor(scenario, member)},
        {QStringLiteral("expected"),
            expected == AccessReason::Granted ? QStringLiteral("granted") : QStringLiteral("denied")},
        {QStringLiteral("reason"), QString::fromLatin1(accessReasonCode(expected))},
        {QStringLiteral("weak"), scenario.code == CodeKind::MemberNumber},
    };
    if (member >= 0) {
        json.insert(QStringLiteral("memberNo"), m_model.memberNo(member).toString());
        json.insert(QStringLiteral("memberName"), m_model.members[size_t(member)].demoName);
        json.insert(QStringLiteral("memberId"), m_model.members[size_t(member)].id.toString());
    }
    return json;
}

QJsonObject DemoScenarios::toJson() const
{
    using R = AccessReason;
    using Z = VenueRole;
    using D = DemoRole;
    using C = CodeKind;
    const std::array scenarios = {
        Scenario {"time_card", "Yearly card, main gate", "年卡有效，正门闸机", D::ActiveTime, Z::GymFloor, R::Granted},
        Scenario {"count_card", "Count card with visits left: one visit is deducted", "次卡有剩余次数，扣一次",
            D::CountCard, Z::GymFloor, R::Granted},
        Scenario {"value_card", "Stored-value card: 30 yuan is deducted", "储值卡余额充足，扣30元", D::ValueCard,
            Z::GymFloor, R::Granted},
        Scenario {"frozen_card", "Card frozen at the member's request", "会员卡已冻结", D::FrozenCard, Z::GymFloor,
            R::CardFrozen},
        Scenario {"expired_card", "Quarterly card expired five days ago", "季卡已过期", D::ExpiredCard, Z::GymFloor,
            R::CardExpired},
        Scenario {"no_visits_left", "Count card used up", "次卡次数已用完", D::NoVisits, Z::GymFloor, R::CardNoVisits},
        Scenario {"low_balance", "Stored value below the per-visit price", "储值卡余额不足", D::LowBalance, Z::GymFloor,
            R::CardInsufficientBalance},
        Scenario {"not_yet_valid", "Monthly card that starts in a few days", "月卡尚未生效", D::NotYetValid,
            Z::GymFloor, R::CardNotYetValid},
        Scenario {"off_peak_card", "Off-peak card (weekdays 09:00-16:00)", "非高峰月卡（工作日09:00-16:00）",
            D::OffPeak, Z::GymFloor, R::Granted},
        Scenario {
            "blocked_member", "Member blocked by staff", "会员已被禁用", D::Blocked, Z::GymFloor, R::MemberBlocked},
        Scenario {"deleted_member", "Member account deleted", "会员已注销", D::Deleted, Z::GymFloor, R::MemberDeleted},
        Scenario {"booked_class", "Class booked, starting in ten minutes", "已预约十分钟后开始的课程", D::BookedNow,
            Z::GeneralStudio, R::Granted},
        Scenario {"booked_court", "Court booked, starting in ten minutes", "已预约十分钟后的场地", D::BookedNow,
            Z::Court, R::Granted},
        Scenario {"class_without_booking", "Studio door without a booking", "未预约进入操课室", D::ActiveTime,
            Z::GeneralStudio, R::BookingRequired},
        Scenario {"revoked_code", "Old code of a member whose phone was lost", "挂失后的旧二维码", D::RevokedCode,
            Z::GymFloor, R::CredentialRevoked, C::Revoked},
        Scenario {"reissued_code", "The new code issued after the loss", "补发的新二维码", D::RevokedCode, Z::GymFloor,
            R::Granted},
        Scenario {"legacy_member_number", "Member number typed or scanned (legacy, weak)", "会员号（旧式编码）",
            D::LegacyCode, Z::GymFloor, R::Granted, C::MemberNumber},
        Scenario {"unknown_member_number", "A member number nobody has", "不存在的会员号", D::Invalid, Z::GymFloor,
            R::MemberUnknown, C::UnknownNumber},
        Scenario {"swim_card_at_gym", "Swimming card at the main gate", "游泳卡刷正门", D::SwimOnly, Z::GymFloor,
            R::CardWrongZone},
        Scenario {"swim_card_at_pool", "Swimming card at the pool", "游泳卡刷游泳池", D::SwimOnly, Z::Pool, R::Granted},
        Scenario {"anti_passback", "Entered two minutes ago and never left", "两分钟前已入场未出场", D::AntiPassback,
            Z::GymFloor, R::AntiPassback},
        Scenario {"pool_daily_limit", "Third swim today (limit two)", "今日第三次进入游泳池（每日限两次）",
            D::PoolLimit, Z::Pool, R::DailyLimit},
        Scenario {"maintenance_plan", "Squash court closed for a maintenance plan", "壁球馆维护中", D::ActiveTime,
            Z::Squash, R::ZoneMaintenance},
        Scenario {"venue_under_maintenance", "Yoga room under renovation", "瑜伽室装修中", D::ActiveTime, Z::Renovating,
            R::ZoneMaintenance},
        Scenario {"tampered_code", "Code with a forged signature", "签名被篡改的二维码", D::ActiveTime, Z::GymFloor,
            R::CredentialBadSignature, C::Tampered},
        Scenario {"unknown_key", "Code signed by a key this site does not trust", "未知密钥签发的二维码", D::ActiveTime,
            Z::GymFloor, R::CredentialUnknownKey, C::UnknownKey},
    };
    QJsonArray list;
    for (const Scenario &scenario : scenarios) {
        if (int(scenario.role) - 1 >= int(m_model.members.size()))
            continue; // a gym smaller than the demo cast
        list.append(scenarioJson(scenario));
    }
    return QJsonObject {
        {QStringLiteral("site"), m_model.siteNumber},
        {QStringLiteral("siteName"), m_model.siteName},
        {QStringLiteral("timezone"), QString::fromLatin1(datagenTimeZoneId())},
        {QStringLiteral("keyId"), m_keyId},
        {QStringLiteral("now"), QDateTime::fromMSecsSinceEpoch(m_time.nowMs(), Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("nowMs"), m_time.nowMs()},
        {QStringLiteral("note"),
            QStringLiteral("Expected outcomes hold at 'now'; the booking scenarios need a scan within 20 minutes "
                           "of it (pass --now with the demo's clock).")},
        {QStringLiteral("scenarios"), list},
    };
}

// The same scenarios as lines gymgate --headless reads: a comment saying what to expect, then
// "<gate> <code>". Piping the file into the controller plays the whole demo.
QByteArray DemoScenarios::toText() const
{
    const QJsonObject document = toJson();
    QByteArray text = "# GymGate demo codes, expected outcomes at "
        + document.value(QLatin1String("now")).toString().toUtf8() + " (site time zone "
        + document.value(QLatin1String("timezone")).toString().toUtf8() + ")\n";
    const QJsonArray scenarios = document.value(QLatin1String("scenarios")).toArray();
    for (const QJsonValue &value : scenarios) {
        const QJsonObject scenario = value.toObject();
        const auto field = [&scenario](const char *name) {
            return scenario.value(QLatin1String(name)).toString().toUtf8();
        };
        text += "\n# " + field("name") + ": " + field("description") + " / " + field("descriptionZh") + " -> "
            + field("reason") + "\n" + field("gate") + ' ' + field("code") + '\n';
    }
    return text;
}

Status DemoScenarios::writeFile(const QString &path) const
{
    QSaveFile file(path);
    const bool asText = path.endsWith(QLatin1String(".txt"));
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io,
            QCoreApplication::translate("Datagen", "Cannot write the demo codes file %1: %2")
                .arg(path, file.errorString()),
            QStringLiteral("codes"));
    file.write(asText ? toText() : QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return fail(ErrorCode::Io,
            QCoreApplication::translate("Datagen", "Cannot write the demo codes file %1: %2")
                .arg(path, file.errorString()),
            QStringLiteral("codes"));
    return {};
}

} // namespace gymgate
