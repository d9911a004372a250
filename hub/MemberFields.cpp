#include "MemberFields.h"

#include "core/FieldCipher.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>

#include "HubRouter.h"
#include "MemberRecords.h"

namespace gymgate::hub::members {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MemberModule)
};

bool present(const HubRequest &request, const QString &field)
{
    const QJsonValue value = request.json.toObject().value(field);
    return !value.isUndefined() && !value.isNull();
}

Result<QDate> parseBirthday(const HubRequest &request)
{
    const QString field = QStringLiteral("birthday");
    const Result<QString> text = request.requireString(field, 10);
    if (!text)
        return std::unexpected(text.error());
    const QDate date = QDate::fromString(*text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid())
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The field \"birthday\" must be a date like 1990-01-31."), field);
    if (date > QDate::currentDate())
        return fail(ErrorCode::InvalidArgument, Text::tr("The birthday cannot be in the future."), field);
    if (date < QDate(1900, 1, 1))
        return fail(ErrorCode::InvalidArgument, Text::tr("The birthday cannot be before 1900."), field);
    return date;
}

Result<qint64> parseWeightG(const HubRequest &request)
{
    const QString field = QStringLiteral("weight");
    // Kilograms with at most two decimals, the seed's DECIMAL(5,2); fenFromYuan reads exactly that.
    const std::optional<qint64> hundredths = fenFromYuan(request.json.toObject().value(field));
    if (!hundredths || *hundredths * 10 < kMinWeightG || *hundredths * 10 > kMaxWeightG)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"weight\" must be a number of kilograms from 20 to 300 with at most two decimals."),
            field);
    return *hundredths * 10;
}

Status applyText(const HubRequest &request, HubMember &row, QStringList &written)
{
    if (present(request, QStringLiteral("name"))) {
        const Result<QString> name = request.requireString(QStringLiteral("name"), kMemberNameMaxLength);
        if (!name)
            return std::unexpected(name.error());
        row.member.name = name->trimmed();
        written.append(QStringLiteral("name"));
    }
    if (present(request, QStringLiteral("fitnessGoal"))) {
        const Result<QString> goal
            = request.optionalString(QStringLiteral("fitnessGoal"), QString(), kFitnessGoalMaxLength);
        if (!goal)
            return std::unexpected(goal.error());
        row.fitnessGoal = goal->trimmed();
        written.append(QStringLiteral("fitnessGoal"));
    }
    if (present(request, QStringLiteral("preferredLanguage"))) {
        const Result<QString> language = request.optionalString(QStringLiteral("preferredLanguage"), QString(), 10);
        if (!language)
            return std::unexpected(language.error());
        if (*language != QLatin1String("zh_CN") && *language != QLatin1String("en"))
            return fail(ErrorCode::InvalidArgument, Text::tr("The field \"preferredLanguage\" must be zh_CN or en."),
                QStringLiteral("preferredLanguage"));
        row.member.preferredLanguage = *language;
        written.append(QStringLiteral("preferredLanguage"));
    }
    return {};
}

Status applyBody(const HubRequest &request, HubMember &row, QStringList &written)
{
    if (present(request, QStringLiteral("gender"))) {
        const Result<qint64> gender = request.requireInteger(QStringLiteral("gender"), 1, 2);
        if (!gender)
            return std::unexpected(gender.error());
        row.member.gender = genderFromApi(*gender);
        written.append(QStringLiteral("gender"));
    }
    if (present(request, QStringLiteral("birthday"))) {
        const Result<QDate> birthday = parseBirthday(request);
        if (!birthday)
            return std::unexpected(birthday.error());
        row.member.birthday = *birthday;
        written.append(QStringLiteral("birthday"));
    }
    if (present(request, QStringLiteral("height"))) {
        const Result<qint64> height = request.requireInteger(QStringLiteral("height"), kMinHeightCm, kMaxHeightCm);
        if (!height)
            return std::unexpected(height.error());
        row.heightCm = int(*height);
        written.append(QStringLiteral("heightCm"));
    }
    if (present(request, QStringLiteral("weight"))) {
        const Result<qint64> weight = parseWeightG(request);
        if (!weight)
            return std::unexpected(weight.error());
        row.weightG = *weight;
        written.append(QStringLiteral("weightG"));
    }
    return {};
}

} // namespace

Result<QString> requirePhone(const HubRequest &request)
{
    const Result<QString> text = request.requireString(QStringLiteral("phone"), 20);
    if (!text)
        return std::unexpected(text.error());
    QString phone = text->trimmed();
    phone.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    if (!isValidChineseMobile(phone))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The field \"phone\" must be a mainland China mobile number (11 digits, 13x-19x)."),
            QStringLiteral("phone"));
    return phone;
}

Result<QStringList> applyProfileFields(const HubRequest &request, HubMember &row)
{
    QStringList written;
    if (Status status = applyText(request, row, written); !status)
        return std::unexpected(status.error());
    if (Status status = applyBody(request, row, written); !status)
        return std::unexpected(status.error());
    return written;
}

} // namespace gymgate::hub::members
