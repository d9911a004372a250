#pragma once

#include "core/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gymgate::hub {

// Reads the fields of one event's `data`, remembering the first problem: the appliers read
// every field they need, then ask status() once. Errors are InvalidArgument naming the field
// as "data.<name>", so a rejected event tells the site exactly what was wrong.
class EventFields {
public:
    explicit EventFields(const QJsonObject &data) : m_data(data) { }

    // A non-empty id of at most 64 characters (sites make UUIDs; fixtures may not).
    QString id(const QString &name);
    // Empty when absent or null; `required` refuses empty.
    QString optionalId(const QString &name);
    QString text(const QString &name, int maxLength, bool required = true);
    QString oneOf(const QString &name, const QStringList &allowed);
    qint64 integer(const QString &name, qint64 min, qint64 max, std::optional<qint64> fallback = std::nullopt);
    // null or absent -> 0 (the columns store NULL for it)
    qint64 optionalMs(const QString &name);
    bool flag(const QString &name, std::optional<bool> fallback = std::nullopt);
    // A JSON array (or a string holding one), as compact JSON text for the column.
    QString jsonArray(const QString &name);
    bool has(const QString &name) const { return m_data.contains(name); }

    Status status() const;
    // Records a problem found by the caller's own check (a date, an order of two times).
    void problem(const QString &name, const QString &message);

private:
    QJsonObject m_data;
    std::optional<Error> m_error;
};

} // namespace gymgate::hub
