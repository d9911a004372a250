#include "EventFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(EventFields)
};

constexpr int kMaxIdLength = 64;

} // namespace

void EventFields::problem(const QString &name, const QString &message)
{
    if (!m_error)
        m_error = Error {ErrorCode::InvalidArgument, message, QStringLiteral("data.") + name};
}

Status EventFields::status() const
{
    if (m_error)
        return std::unexpected(*m_error);
    return {};
}

QString EventFields::id(const QString &name)
{
    const QString value = optionalId(name);
    if (value.isEmpty() && !m_error)
        problem(name, Text::tr("The event's data.%1 is missing.").arg(name));
    return value;
}

QString EventFields::optionalId(const QString &name)
{
    const QJsonValue value = m_data.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString() || value.toString().size() > kMaxIdLength) {
        problem(
            name, Text::tr("The event's data.%1 must be an id of at most %2 characters.").arg(name).arg(kMaxIdLength));
        return {};
    }
    return value.toString();
}

QString EventFields::text(const QString &name, int maxLength, bool required)
{
    const QJsonValue value = m_data.value(name);
    if ((value.isUndefined() || value.isNull()) && !required)
        return {};
    if (!value.isString()) {
        problem(name, Text::tr("The event's data.%1 must be a text.").arg(name));
        return {};
    }
    const QString text = value.toString();
    if (text.size() > maxLength) {
        problem(name, Text::tr("The event's data.%1 is longer than %2 characters.").arg(name).arg(maxLength));
        return {};
    }
    if (required && text.trimmed().isEmpty()) {
        problem(name, Text::tr("The event's data.%1 is empty.").arg(name));
        return {};
    }
    return text;
}

QString EventFields::oneOf(const QString &name, const QStringList &allowed)
{
    const QString value = m_data.value(name).toString();
    if (!allowed.contains(value)) {
        problem(
            name, Text::tr("The event's data.%1 must be one of: %2.").arg(name, allowed.join(QStringLiteral(", "))));
        return {};
    }
    return value;
}

qint64 EventFields::integer(const QString &name, qint64 min, qint64 max, std::optional<qint64> fallback)
{
    const QJsonValue value = m_data.value(name);
    if ((value.isUndefined() || value.isNull()) && fallback)
        return *fallback;
    const double number = value.toDouble();
    // Doubles hold integers exactly up to 2^53, far beyond any ms time or fen amount.
    if (!value.isDouble() || number != double(qint64(number)) || qint64(number) < min || qint64(number) > max) {
        problem(name, Text::tr("The event's data.%1 must be an integer from %2 to %3.").arg(name).arg(min).arg(max));
        return 0;
    }
    return qint64(number);
}

qint64 EventFields::optionalMs(const QString &name)
{
    return integer(name, 0, std::numeric_limits<qint64>::max() / 2, 0);
}

bool EventFields::flag(const QString &name, std::optional<bool> fallback)
{
    const QJsonValue value = m_data.value(name);
    if ((value.isUndefined() || value.isNull()) && fallback)
        return *fallback;
    if (!value.isBool()) {
        problem(name, Text::tr("The event's data.%1 must be true or false.").arg(name));
        return false;
    }
    return value.toBool();
}

QString EventFields::jsonArray(const QString &name)
{
    QJsonValue value = m_data.value(name);
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("[]");
    if (value.isString()) {
        const QJsonDocument parsed = QJsonDocument::fromJson(value.toString().toUtf8());
        if (parsed.isArray())
            value = parsed.array();
    }
    if (!value.isArray()) {
        problem(name, Text::tr("The event's data.%1 must be a JSON array.").arg(name));
        return QStringLiteral("[]");
    }
    return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
}

} // namespace gymgate::hub
