#include "store/MemberRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace gymgate {

namespace {

QString memberWhat()
{
    return QCoreApplication::translate("Store", "The member");
}

// Upper bound of a prefix range: every string starting with `prefix` sorts below it, so
// `col >= prefix AND col < upper` runs on the column's index (LIKE would not, being
// case-insensitive against a BINARY index).
QString prefixUpperBound(const QString &prefix)
{
    return prefix + QChar(0xDBFF) + QChar(0xDFFF); // U+10FFFF, the largest code point
}

bool isDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

Status validate(const Member &member)
{
    if (member.memberNo.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The member number is missing."),
            QStringLiteral("memberNo"));
    if (member.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The name is missing."),
            QStringLiteral("name"));
    if (member.phoneHash.isEmpty() || member.phoneCipher.isEmpty())
        return fail(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "The phone number is missing."),
            QStringLiteral("phone"));
    return {};
}

} // namespace

MemberRepository::MemberRepository(Database &db) : m_db(db)
{ }

QString MemberRepository::columns()
{
    return QStringLiteral("id, member_no, name, phone_cipher, phone_hash, phone_mask, gender, birthday, "
                          "preferred_language, status, created_at, updated_at, deleted_at");
}

Member MemberRepository::readMember(const QSqlQuery &query)
{
    Member member;
    member.id = query.value(0).toString();
    member.memberNo = query.value(1).toString();
    member.name = query.value(2).toString();
    member.phoneCipher = query.value(3).toByteArray();
    member.phoneHash = query.value(4).toByteArray();
    member.phoneMask = query.value(5).toString();
    const int gender = query.value(6).toInt();
    member.gender = gender >= int(Gender::Unknown) && gender <= int(Gender::Female) ? Gender(gender) : Gender::Unknown;
    const QVariant birthday = query.value(7);
    if (!birthday.isNull())
        member.birthday = QDate::fromString(birthday.toString(), Qt::ISODate);
    member.preferredLanguage = query.value(8).toString();
    member.status = memberStatusFromName(query.value(9).toString());
    member.createdAtMs = query.value(10).toLongLong();
    member.updatedAtMs = query.value(11).toLongLong();
    member.deletedAtMs = sql::optionalInt(query.value(12));
    return member;
}

Result<Member> MemberRepository::insert(Member member)
{
    if (Status valid = validate(member); !valid)
        return std::unexpected(valid.error());
    if (member.id.isEmpty())
        member.id = sql::newId();
    if (member.createdAtMs == 0)
        member.createdAtMs = sql::currentTimeMs();
    if (member.updatedAtMs == 0)
        member.updatedAtMs = member.createdAtMs;
    if (member.preferredLanguage.isEmpty())
        member.preferredLanguage = QStringLiteral("zh_CN");
    const QVariant birthday = member.birthday.isValid() ? QVariant(member.birthday.toString(Qt::ISODate))
                                                        : QVariant(QMetaType::fromType<QString>());
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("INSERT INTO member (") + columns() + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {member.id, member.memberNo, member.name, member.phoneCipher, member.phoneHash, member.phoneMask,
            int(member.gender), birthday, member.preferredLanguage,
            QString::fromLatin1(memberStatusName(member.status)), member.createdAtMs, member.updatedAtMs,
            sql::intOrNull(member.deletedAtMs)});
    if (!query)
        return std::unexpected(query.error());
    return member;
}

Status MemberRepository::update(const Member &member, qint64 atMs)
{
    if (Status valid = validate(member); !valid)
        return valid;
    const QVariant birthday = member.birthday.isValid() ? QVariant(member.birthday.toString(Qt::ISODate))
                                                        : QVariant(QMetaType::fromType<QString>());
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE member SET member_no = ?, name = ?, phone_cipher = ?, phone_hash = ?, "
                       "phone_mask = ?, gender = ?, birthday = ?, preferred_language = ?, "
                       "status = ?, updated_at = ?, deleted_at = ? WHERE id = ?"),
        {member.memberNo, member.name, member.phoneCipher, member.phoneHash, member.phoneMask, int(member.gender),
            birthday, member.preferredLanguage, QString::fromLatin1(memberStatusName(member.status)), atMs,
            sql::intOrNull(member.deletedAtMs), member.id},
        memberWhat());
}

Result<std::optional<Member>> MemberRepository::findOne(const QString &column, const QVariant &value) const
{
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM member WHERE ") + column + QStringLiteral(" = ?"),
        {value});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<Member>();
    return std::optional<Member>(readMember(*query));
}

Result<std::optional<Member>> MemberRepository::findById(const QString &id) const
{
    return findOne(QStringLiteral("id"), id);
}

Result<std::optional<Member>> MemberRepository::findByMemberNo(const QString &memberNo) const
{
    return findOne(QStringLiteral("member_no"), memberNo);
}

Result<std::optional<Member>> MemberRepository::findByPhoneHash(const QByteArray &phoneHash) const
{
    return findOne(QStringLiteral("phone_hash"), phoneHash);
}

Result<QList<Member>> MemberRepository::searchPrefix(const QString &text, int limit) const
{
    const QString prefix = text.trimmed();
    if (limit <= 0)
        return QList<Member>();
    const QString select = QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM member WHERE ");
    QList<std::pair<QString, QVariantList>> searches;
    if (prefix.isEmpty()) {
        searches.append({QStringLiteral("deleted_at IS NULL ORDER BY name LIMIT ?"), {limit}});
    } else {
        // Each search runs on its own index; a single OR over them would scan the table.
        searches.append({QStringLiteral("name >= ? AND name < ? AND deleted_at IS NULL ORDER BY name LIMIT ?"),
            {prefix, prefixUpperBound(prefix), limit}});
        for (const QString &number : QSet<QString> {prefix, prefix.toUpper()})
            searches.append({QStringLiteral("member_no >= ? AND member_no < ? AND deleted_at IS NULL "
                                            "ORDER BY member_no LIMIT ?"),
                {number, prefixUpperBound(number), limit}});
        if (isDigits(prefix) && prefix.size() >= 3)
            searches.append({QStringLiteral("(phone_mask LIKE ? OR phone_mask LIKE ?) AND deleted_at IS NULL LIMIT ?"),
                {QString(prefix + QLatin1Char('%')), QString(QLatin1Char('%') + prefix), limit}});
    }
    QList<Member> found;
    QSet<QString> seen;
    for (const auto &[where, values] : std::as_const(searches)) {
        Result<QSqlQuery> query = sql::run(m_db.connection(), select + where, values);
        if (!query)
            return std::unexpected(query.error());
        while (query->next()) {
            Member member = readMember(*query);
            if (!seen.contains(member.id)) {
                seen.insert(member.id);
                found.append(std::move(member));
            }
        }
    }
    std::sort(found.begin(), found.end(),
        [](const Member &a, const Member &b) { return a.name == b.name ? a.memberNo < b.memberNo : a.name < b.name; });
    if (found.size() > limit)
        found.resize(limit);
    return found;
}

Status MemberRepository::setStatus(const QString &id, MemberStatus status, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE member SET status = ?, updated_at = ? WHERE id = ?"),
        {QString::fromLatin1(memberStatusName(status)), atMs, id}, memberWhat());
}

Status MemberRepository::softDelete(const QString &id, qint64 atMs)
{
    return sql::runUpdate(m_db.connection(),
        QStringLiteral("UPDATE member SET deleted_at = ?, updated_at = ? WHERE id = ? "
                       "AND deleted_at IS NULL"),
        {atMs, atMs, id}, memberWhat());
}

Result<QByteArray> MemberRepository::photo(const QString &id) const
{
    Result<QSqlQuery> query
        = sql::run(m_db.connection(), QStringLiteral("SELECT photo FROM member WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(sql::notFound(memberWhat()));
    return query->value(0).toByteArray();
}

Status MemberRepository::setPhoto(const QString &id, const QByteArray &photo, qint64 atMs)
{
    const QVariant value = photo.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(photo);
    return sql::runUpdate(m_db.connection(), QStringLiteral("UPDATE member SET photo = ?, updated_at = ? WHERE id = ?"),
        {value, atMs, id}, memberWhat());
}

Result<qint64> MemberRepository::count() const
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM member WHERE deleted_at IS NULL"));
}

} // namespace gymgate
