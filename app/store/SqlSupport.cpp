#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>

namespace gymgate::sql {

namespace {

// The words a form shows for the fields that can collide.
QString fieldLabel(const QString &field)
{
    if (field == QStringLiteral("phone"))
        return QCoreApplication::translate("Store", "phone number");
    if (field == QStringLiteral("memberNo"))
        return QCoreApplication::translate("Store", "member number");
    if (field == QStringLiteral("cardNo"))
        return QCoreApplication::translate("Store", "card number");
    if (field == QStringLiteral("bookingNo"))
        return QCoreApplication::translate("Store", "booking number");
    if (field == QStringLiteral("receiptNo"))
        return QCoreApplication::translate("Store", "receipt number");
    if (field == QStringLiteral("username"))
        return QCoreApplication::translate("Store", "user name");
    if (field == QStringLiteral("eventId"))
        return QCoreApplication::translate("Store", "event id");
    if (field == QStringLiteral("id"))
        return QCoreApplication::translate("Store", "id");
    return field;
}

// "UNIQUE constraint failed: member.phone_hash" -> "phone_hash";
// "CHECK constraint failed: end_at > start_at" -> "end_at".
QString constraintColumn(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {};
    QString rest = text.mid(colon + 1).trimmed();
    const qsizetype dot = rest.indexOf(QLatin1Char('.'));
    const qsizetype space = rest.indexOf(QLatin1Char(' '));
    if (dot >= 0 && (space < 0 || dot < space))
        rest = rest.mid(dot + 1);
    qsizetype end = 0;
    while (end < rest.size() && (rest.at(end).isLetterOrNumber() || rest.at(end) == QLatin1Char('_')))
        ++end;
    return rest.left(end);
}

} // namespace

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qint64 currentTimeMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QVariant bindable(const QVariant &value)
{
    if (value.isNull())
        return value;
    if (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    if (value.metaType() == QMetaType::fromType<QByteArray>() && value.toByteArray().isNull())
        return QVariant(QByteArray(""));
    return value;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant intOrNull(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QString fieldForColumn(const QString &column)
{
    if (column == QStringLiteral("phone_hash") || column == QStringLiteral("phone_cipher"))
        return QStringLiteral("phone");
    QString field;
    bool upper = false;
    for (const QChar c : column) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        field.append(upper ? c.toUpper() : c);
        upper = false;
    }
    return field;
}

Error notFound(const QString &what)
{
    return Error {ErrorCode::NotFound, QCoreApplication::translate("Store", "%1 was not found.").arg(what), {}};
}

Error queryError(const QSqlQuery &query)
{
    const QSqlError error = query.lastError();
    const QString text = error.databaseText();
    const int primaryCode = error.nativeErrorCode().toInt() & 0xff;
    const bool constraint = primaryCode == 19 || text.contains(QStringLiteral("constraint failed"));
    if (constraint) {
        const QString field = fieldForColumn(constraintColumn(text));
        if (text.startsWith(QStringLiteral("UNIQUE")) || text.startsWith(QStringLiteral("PRIMARY KEY")))
            return Error {ErrorCode::AlreadyExists,
                QCoreApplication::translate("Store", "A record with this %1 already exists.").arg(fieldLabel(field)),
                field};
        if (text.startsWith(QStringLiteral("FOREIGN KEY")))
            return Error {ErrorCode::Conflict,
                QCoreApplication::translate("Store",
                    "The record refers to something that does not exist "
                    "or is still referred to by other records."),
                {}};
        if (text.startsWith(QStringLiteral("CHECK")) || text.startsWith(QStringLiteral("NOT NULL")))
            return Error {ErrorCode::InvalidArgument,
                QCoreApplication::translate("Store", "The value of %1 is not allowed.").arg(fieldLabel(field)), field};
        return Error {ErrorCode::Conflict,
            QCoreApplication::translate("Store", "The change conflicts with stored data: %1").arg(text), field};
    }
    const QString detail = text.isEmpty() ? error.text() : text;
    return Error {
        ErrorCode::Storage, QCoreApplication::translate("Store", "The database reported an error: %1").arg(detail), {}};
}

Status prepare(QSqlQuery &query, const QString &sql)
{
    if (!query.prepare(sql))
        return std::unexpected(queryError(query));
    return {};
}

Status exec(QSqlQuery &query)
{
    if (!query.exec())
        return std::unexpected(queryError(query));
    return {};
}

Status execUpdate(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return std::unexpected(queryError(query));
    if (query.numRowsAffected() <= 0)
        return std::unexpected(notFound(what));
    return {};
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(queryError(query));
    for (const QVariant &value : values)
        query.addBindValue(bindable(value));
    if (!query.exec())
        return std::unexpected(queryError(query));
    return query;
}

Status runUpdate(const QSqlDatabase &db, const QString &sql, const QVariantList &values, const QString &what)
{
    Result<QSqlQuery> query = run(db, sql, values);
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() <= 0)
        return std::unexpected(notFound(what));
    return {};
}

QString stringListToJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringListFromJson(const QString &json)
{
    QStringList list;
    if (json.isEmpty() || json == QStringLiteral("[]"))
        return list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

QString scheduleToJson(const WeeklySchedule &schedule)
{
    return QString::fromUtf8(schedule.toJson());
}

Result<WeeklySchedule> scheduleFromJson(const QString &json, const QString &column)
{
    if (json == QStringLiteral("[]")) // the common case on the entry path: no restriction
        return WeeklySchedule();
    Result<WeeklySchedule> schedule = WeeklySchedule::fromJson(json.toUtf8());
    if (!schedule)
        return fail(ErrorCode::Storage,
            QCoreApplication::translate("Store", "The stored %1 is damaged: %2").arg(column, schedule.error().message),
            column);
    return schedule;
}

Status execKept(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int index = 0;
    for (const QVariant &value : values)
        query.bindValue(index++, bindable(value));
    if (!query.exec()) {
        Error error = queryError(query);
        query.finish();
        return std::unexpected(error);
    }
    return {};
}

} // namespace gymgate::sql
