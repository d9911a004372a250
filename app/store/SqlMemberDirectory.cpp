#include "store/SqlMemberDirectory.h"

#include "core/CredentialVerifier.h"
#include "core/SyncJson.h"
#include "store/AuditLog.h"
#include "store/BookingRepository.h"
#include "store/Database.h"
#include "store/EntryRepository.h"
#include "store/KeyRepository.h"
#include "store/MemberCardRepository.h"
#include "store/MemberRepository.h"
#include "store/Outbox.h"
#include "store/SaleRepository.h"
#include "store/SettingRepository.h"
#include "store/SqlSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <limits>

namespace gymgate {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MemberDirectory)
};

constexpr int MemberNoDigits = 7;
constexpr int MaxReasonLength = 200;
const QDate EarliestBirthday(1900, 1, 1);

QString memberKey(const QString &memberId)
{
    return memberId.trimmed();
}

bool isDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

// A LIKE pattern matching `text` anywhere, its own % and _ taken literally.
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

bool hasAsciiLetter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128 && c.isLetter(); });
}

// Digits, or a letter and digits (M1000000001): what a clerk types for a phone or a number.
bool looksLikeNumber(const QString &text)
{
    return isDigits(text)
        || (text.size() > 1 && text.front().unicode() < 128 && text.front().isLetter() && isDigits(text.mid(1)));
}

// Every string starting with `prefix` sorts below this, so a range runs on the column's index.
QString prefixUpperBound(const QString &prefix)
{
    return prefix + QChar(0xDBFF) + QChar(0xDFFF);
}

QString normalizedPhone(const QString &phone)
{
    QString digits = phone;
    digits.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    return digits;
}

MemberSummary summaryOf(const Member &member)
{
    return MemberSummary {member.id, member.memberNo, member.name, member.phoneMask, member.status};
}

MemberSaleLine saleLineOf(const Sale &sale)
{
    return MemberSaleLine {sale.id, sale.receiptNo, QString::fromLatin1(saleKindName(sale.kind)),
        QString::fromLatin1(paymentMethodName(sale.paymentMethod)), sale.cardId, sale.amountFen, sale.createdAtMs};
}

// One search step: a WHERE clause on its own index, with its bound values.
struct SearchStep {
    QString where;
    QVariantList values;
};

QList<SearchStep> searchSteps(const QString &text)
{
    QList<SearchStep> steps;
    const bool digits = isDigits(text);
    const QString number = digits ? QStringLiteral("M") + text : text.toUpper();
    if (number.startsWith(QLatin1Char('M')))
        steps.append({QStringLiteral("member_no >= ? AND member_no < ? ORDER BY member_no"),
            {number, prefixUpperBound(number)}});
    if (digits && text.size() == 4)
        steps.append({QStringLiteral("substr(phone_mask, -4) = ? ORDER BY name"), {text}});
    if (digits && text.size() == 3)
        steps.append(
            {QStringLiteral("phone_mask >= ? AND phone_mask < ? ORDER BY phone_mask"), {text, prefixUpperBound(text)}});
    if (looksLikeNumber(text))
        return steps; // a phone or member number: a name scan would only cost time
    steps.append({QStringLiteral("name >= ? AND name < ? ORDER BY name"), {text, prefixUpperBound(text)}});
    // Contains reads the whole name index when little matches; one Latin letter is left to the
    // prefix search, while one Han character is a given name worth finding. instr() compares
    // bytes and is the faster; LIKE is needed for Latin names, to ignore case.
    const bool latin = hasAsciiLetter(text);
    if (latin && text.size() > 1)
        steps.append({QStringLiteral("name LIKE ? ESCAPE '\\' ORDER BY name"), {containsPattern(text)}});
    else if (!latin && (text.size() > 1 || text.front().unicode() >= 128))
        steps.append({QStringLiteral("instr(name, ?) > 0 ORDER BY name"), {text}});
    return steps;
}

} // namespace

SqlMemberDirectory::SqlMemberDirectory(
    Database &db, const FieldCipher &cipher, const SigningKey &signingKey, const Clock &clock)
    : m_db(db), m_cipher(cipher), m_signingKey(signingKey), m_clock(clock)
{ }

// ---- validation ----------------------------------------------------------------------------

Status SqlMemberDirectory::validate(const MemberForm &form, bool phoneRequired) const
{
    const QString name = form.name.trimmed();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidArgument, Text::tr("Please enter the member's name."), QStringLiteral("name"));
    if (name.size() > MaxNameLength)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The name is too long (at most %1 characters).").arg(MaxNameLength), QStringLiteral("name"));
    if (std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return fail(
            ErrorCode::InvalidArgument, Text::tr("The name contains control characters."), QStringLiteral("name"));
    const QString phone = normalizedPhone(form.phone);
    if ((phoneRequired || !phone.isEmpty()) && !isValidChineseMobile(phone))
        return fail(ErrorCode::InvalidArgument,
            Text::tr("Please enter an 11-digit mainland China mobile number, e.g. 13800138000."),
            QStringLiteral("phone"));
    if (form.gender != Gender::Unknown && form.gender != Gender::Male && form.gender != Gender::Female)
        return fail(ErrorCode::InvalidArgument, Text::tr("Please choose a gender."), QStringLiteral("gender"));
    if (form.birthday.isValid()) {
        const QTimeZone zone(SettingRepository(m_db).value(QStringLiteral("site.timezone")).toLatin1());
        const QDate today
            = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), zone.isValid() ? zone : QTimeZone::utc()).date();
        if (form.birthday > today)
            return fail(ErrorCode::InvalidArgument, Text::tr("The birthday cannot be in the future."),
                QStringLiteral("birthday"));
        if (form.birthday < EarliestBirthday)
            return fail(ErrorCode::InvalidArgument, Text::tr("The birthday must be after 1 January 1900."),
                QStringLiteral("birthday"));
    }
    if (form.preferredLanguage != QLatin1String("zh_CN") && form.preferredLanguage != QLatin1String("en"))
        return fail(ErrorCode::InvalidArgument, Text::tr("The preferred language must be Chinese or English."),
            QStringLiteral("preferredLanguage"));
    if (form.photo && form.photo->size() > MaxPhotoBytes)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The photo is too large (at most %1 MB).").arg(MaxPhotoBytes / (1024 * 1024)),
            QStringLiteral("photo"));
    return {};
}

Status SqlMemberDirectory::checkPhoneFree(const QByteArray &phoneHash, const QString &exceptMemberId) const
{
    Result<std::optional<Member>> owner = MemberRepository(m_db).findByPhoneHash(phoneHash);
    if (!owner)
        return std::unexpected(owner.error());
    if (!*owner || (*owner)->id == exceptMemberId)
        return {};
    if ((*owner)->deletedAtMs)
        return fail(ErrorCode::AlreadyExists,
            Text::tr("This phone number belongs to the closed membership %1.").arg((*owner)->memberNo),
            QStringLiteral("phone"));
    return fail(ErrorCode::AlreadyExists,
        Text::tr("This phone number is already registered to member %1 (%2).").arg((*owner)->memberNo, (*owner)->name),
        QStringLiteral("phone"));
}

Result<Member> SqlMemberDirectory::liveMember(const QString &memberId) const
{
    Result<std::optional<Member>> found = MemberRepository(m_db).findById(memberKey(memberId));
    if (!found)
        return std::unexpected(found.error());
    if (!*found || (*found)->deletedAtMs)
        return fail(ErrorCode::NotFound, Text::tr("No such member."), QStringLiteral("memberId"));
    return **found;
}

Result<QString> SqlMemberDirectory::nextMemberNo() const
{
    const QString prefix
        = QStringLiteral("M") + SettingRepository(m_db).value(QStringLiteral("site.number"), QStringLiteral("100"));
    Result<QSqlQuery> query = sql::run(m_db.connection(),
        QStringLiteral("SELECT member_no FROM member WHERE member_no >= ? AND member_no < ? "
                       "ORDER BY member_no DESC LIMIT 1"),
        {prefix, prefixUpperBound(prefix)});
    if (!query)
        return std::unexpected(query.error());
    qint64 last = 0;
    if (query->next()) {
        bool ok = false;
        last = query->value(0).toString().mid(prefix.size()).toLongLong(&ok);
        if (!ok)
            last = 0;
    }
    const qint64 next = last + 1;
    if (QString::number(next).size() > MemberNoDigits)
        return fail(
            ErrorCode::Conflict, Text::tr("The member numbers of this site are used up."), QStringLiteral("memberNo"));
    return prefix + QStringLiteral("%1").arg(next, MemberNoDigits, 10, QLatin1Char('0'));
}

// ---- recording -----------------------------------------------------------------------------

Status SqlMemberDirectory::record(const StaffSession &session, const QString &eventType, const QJsonObject &data,
    const QString &action, const QString &entity, const QString &entityId, const QJsonObject &detail, qint64 atMs)
{
    OutboxEvent event;
    event.type = eventType;
    event.atMs = atMs;
    event.staff = session.staffId;
    event.data = data;
    if (Status appended = Outbox(m_db).append(event); !appended)
        return appended;
    return AuditLog(m_db).append(session.staffId, action, entity, entityId, detail, atMs);
}

Result<MemberDetails> SqlMemberDirectory::details(const Member &member) const
{
    Result<QByteArray> photo = MemberRepository(m_db).photo(member.id);
    if (!photo)
        return std::unexpected(photo.error());
    MemberDetails out;
    out.summary = summaryOf(member);
    out.gender = member.gender;
    out.birthday = member.birthday;
    out.preferredLanguage = member.preferredLanguage;
    out.photo = *photo;
    out.createdAtMs = member.createdAtMs;
    out.updatedAtMs = member.updatedAtMs;
    return out;
}

// ---- changes -------------------------------------------------------------------------------

Result<MemberDetails> SqlMemberDirectory::registerMember(const StaffSession &session, const MemberForm &form)
{
    if (Status allowed = requirePermission(session, Permission::EditMembers); !allowed)
        return std::unexpected(allowed.error());
    if (Status valid = validate(form, true); !valid)
        return std::unexpected(valid.error());
    const QString phone = normalizedPhone(form.phone);
    const qint64 nowMs = m_clock.nowMs();
    Result<Member> stored = m_db.transaction<Member>([&]() -> Result<Member> {
        Member member;
        member.phoneHash = m_cipher.lookupHash(phone.toLatin1());
        if (Status free = checkPhoneFree(member.phoneHash, {}); !free)
            return std::unexpected(free.error());
        Result<QString> memberNo = nextMemberNo();
        if (!memberNo)
            return std::unexpected(memberNo.error());
        member.memberNo = *memberNo;
        member.name = form.name.trimmed();
        member.phoneCipher = m_cipher.encrypt(phone.toLatin1());
        member.phoneMask = maskPhone(phone);
        member.gender = form.gender;
        member.birthday = form.birthday;
        member.preferredLanguage = form.preferredLanguage;
        member.status = MemberStatus::Active;
        member.createdAtMs = nowMs;
        member.updatedAtMs = nowMs;
        MemberRepository members(m_db);
        Result<Member> inserted = members.insert(member);
        if (!inserted)
            return inserted;
        const bool hasPhoto = form.photo && !form.photo->isEmpty();
        if (hasPhoto) {
            if (Status saved = members.setPhoto(inserted->id, *form.photo, nowMs); !saved)
                return std::unexpected(saved.error());
        }
        const QJsonObject detail {{QStringLiteral("memberNo"), inserted->memberNo},
            {QStringLiteral("name"), inserted->name}, {QStringLiteral("phoneMask"), inserted->phoneMask},
            {QStringLiteral("photo"), hasPhoto}};
        if (Status recorded = record(session, QStringLiteral("member.created"), syncjson::toJson(*inserted),
                QStringLiteral("member.register"), QStringLiteral("member"), inserted->id, detail, nowMs);
            !recorded)
            return std::unexpected(recorded.error());
        return inserted;
    });
    if (!stored)
        return std::unexpected(stored.error());
    return details(*stored);
}

Result<MemberDetails> SqlMemberDirectory::updateMember(
    const StaffSession &session, const QString &memberId, const MemberForm &form)
{
    if (Status allowed = requirePermission(session, Permission::EditMembers); !allowed)
        return std::unexpected(allowed.error());
    if (Status valid = validate(form, false); !valid)
        return std::unexpected(valid.error());
    const QString phone = normalizedPhone(form.phone);
    const qint64 nowMs = m_clock.nowMs();
    Result<Member> stored = m_db.transaction<Member>([&]() -> Result<Member> {
        Result<Member> member = liveMember(memberId);
        if (!member)
            return member;
        QJsonObject changed;
        const auto note = [&](const char *field, bool differs) {
            if (differs)
                changed.insert(QLatin1String(field), true);
        };
        Member next = *member;
        next.name = form.name.trimmed();
        next.gender = form.gender;
        next.birthday = form.birthday;
        next.preferredLanguage = form.preferredLanguage;
        if (!phone.isEmpty()) {
            next.phoneHash = m_cipher.lookupHash(phone.toLatin1());
            if (next.phoneHash != member->phoneHash) {
                if (Status free = checkPhoneFree(next.phoneHash, member->id); !free)
                    return std::unexpected(free.error());
                next.phoneCipher = m_cipher.encrypt(phone.toLatin1());
                next.phoneMask = maskPhone(phone);
            }
        }
        note("name", next.name != member->name);
        note("phone", next.phoneHash != member->phoneHash);
        note("gender", next.gender != member->gender);
        note("birthday", next.birthday != member->birthday);
        note("preferredLanguage", next.preferredLanguage != member->preferredLanguage);
        note("photo", form.photo.has_value());
        next.updatedAtMs = nowMs;
        MemberRepository members(m_db);
        if (Status updated = members.update(next, nowMs); !updated)
            return std::unexpected(updated.error());
        if (form.photo) {
            if (Status saved = members.setPhoto(next.id, *form.photo, nowMs); !saved)
                return std::unexpected(saved.error());
        }
        const QJsonObject detail {{QStringLiteral("memberNo"), next.memberNo}, {QStringLiteral("changed"), changed}};
        if (Status recorded = record(session, QStringLiteral("member.updated"), syncjson::toJson(next),
                QStringLiteral("member.update"), QStringLiteral("member"), next.id, detail, nowMs);
            !recorded)
            return std::unexpected(recorded.error());
        return next;
    });
    if (!stored)
        return std::unexpected(stored.error());
    return details(*stored);
}

Status SqlMemberDirectory::blockMember(const StaffSession &session, const QString &memberId, const QString &reason)
{
    return changeStatus(session, memberId, MemberStatus::Blocked, reason);
}

Status SqlMemberDirectory::unblockMember(const StaffSession &session, const QString &memberId)
{
    return changeStatus(session, memberId, MemberStatus::Active, {});
}

Status SqlMemberDirectory::changeStatus(
    const StaffSession &session, const QString &memberId, MemberStatus status, const QString &reason)
{
    if (Status allowed = requirePermission(session, Permission::BlockMembers); !allowed)
        return allowed;
    if (reason.trimmed().size() > MaxReasonLength)
        return fail(ErrorCode::InvalidArgument,
            Text::tr("The reason is too long (at most %1 characters).").arg(MaxReasonLength), QStringLiteral("reason"));
    const bool blocking = status == MemberStatus::Blocked;
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction([&]() -> Status {
        Result<Member> member = liveMember(memberId);
        if (!member)
            return std::unexpected(member.error());
        if (member->status == status)
            return fail(ErrorCode::Conflict,
                blocking ? Text::tr("Member %1 is already blocked.").arg(member->memberNo)
                         : Text::tr("Member %1 is not blocked.").arg(member->memberNo),
                QStringLiteral("status"));
        if (Status changed = MemberRepository(m_db).setStatus(member->id, status, nowMs); !changed)
            return changed;
        member->status = status;
        member->updatedAtMs = nowMs;
        QJsonObject detail {{QStringLiteral("memberNo"), member->memberNo}};
        if (blocking)
            detail.insert(QStringLiteral("reason"), reason.trimmed());
        return record(session, QStringLiteral("member.updated"), syncjson::toJson(*member),
            blocking ? QStringLiteral("member.block") : QStringLiteral("member.unblock"), QStringLiteral("member"),
            member->id, detail, nowMs);
    });
}

// ---- reading -------------------------------------------------------------------------------

Result<QList<MemberSummary>> SqlMemberDirectory::search(const StaffSession &session, const QString &text, int limit)
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    const QString needle = text.trimmed();
    limit = std::clamp(limit, 1, MaxSearchLimit);
    QList<MemberSummary> found;
    if (needle.isEmpty())
        return found;
    QSet<QString> seen;
    const auto add = [&](const Member &member) {
        if (member.deletedAtMs || seen.contains(member.id) || found.size() >= limit)
            return;
        seen.insert(member.id);
        found.append(summaryOf(member));
    };
    const QString phone = normalizedPhone(needle);
    if (isValidChineseMobile(phone)) {
        Result<std::optional<Member>> owner
            = MemberRepository(m_db).findByPhoneHash(m_cipher.lookupHash(phone.toLatin1()));
        if (!owner)
            return std::unexpected(owner.error());
        if (*owner)
            add(**owner);
    }
    const QString select = QStringLiteral("SELECT ") + MemberRepository::columns()
        + QStringLiteral(" FROM member WHERE deleted_at IS NULL AND ");
    for (const SearchStep &step : searchSteps(needle)) {
        if (found.size() >= limit)
            break;
        QVariantList values = step.values;
        values.append(limit); // enough even when every row already shown comes again
        Result<QSqlQuery> query = sql::run(m_db.connection(), select + step.where + QStringLiteral(" LIMIT ?"), values);
        if (!query)
            return std::unexpected(query.error());
        while (query->next())
            add(MemberRepository::readMember(*query));
    }
    return found;
}

Result<MemberDetails> SqlMemberDirectory::member(const StaffSession &session, const QString &memberId)
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    Result<Member> found = liveMember(memberId);
    if (!found)
        return std::unexpected(found.error());
    return details(*found);
}

Result<MemberHistory> SqlMemberDirectory::history(const StaffSession &session, const QString &memberId)
{
    if (Status allowed = requirePermission(session, Permission::ViewMembers); !allowed)
        return std::unexpected(allowed.error());
    Result<Member> found = liveMember(memberId);
    if (!found)
        return std::unexpected(found.error());
    MemberHistory history;
    Result<QList<MemberCard>> cards = MemberCardRepository(m_db).listForMember(found->id);
    if (!cards)
        return std::unexpected(cards.error());
    history.cards = *cards;
    Result<QList<EntryRecord>> entries = EntryRepository(m_db).listForMember(found->id, 0, 0, HistoryEntryLimit);
    if (!entries)
        return std::unexpected(entries.error());
    history.entries = *entries;
    Result<QList<Booking>> bookings
        = BookingRepository(m_db).listForMember(found->id, 0, std::numeric_limits<qint64>::max());
    if (!bookings)
        return std::unexpected(bookings.error());
    history.bookings = *bookings;
    std::reverse(history.bookings.begin(), history.bookings.end());
    Result<QList<Sale>> sales = SaleRepository(m_db).listForMember(found->id);
    if (!sales)
        return std::unexpected(sales.error());
    for (auto it = sales->crbegin(); it != sales->crend(); ++it)
        history.sales.append(saleLineOf(*it));
    Result<QList<CredentialRecord>> codes = KeyRepository(m_db).listCredentialsForMember(found->id);
    if (!codes)
        return std::unexpected(codes.error());
    for (auto it = codes->crbegin(); it != codes->crend(); ++it)
        history.codes.append(MemberCodeLine {it->id, it->keyId, it->issuedAtMs, it->revokedAtMs});
    return history;
}

// ---- member codes --------------------------------------------------------------------------

MemberCode SqlMemberDirectory::codeFor(const Member &member, const CredentialRecord &credential) const
{
    return MemberCode {credential.id, credential.code, member.id, member.memberNo, member.name,
        SettingRepository(m_db).value(QStringLiteral("site.name")), credential.issuedAtMs};
}

Result<bool> SqlMemberDirectory::ensureKeyTrusted(qint64 atMs)
{
    KeyRepository keys(m_db);
    Result<std::optional<TrustedKey>> known = keys.findKey(m_signingKey.keyId());
    if (!known)
        return std::unexpected(known.error());
    if (!*known) {
        // An enrolled desk's key is trusted by the hub and synced; registering it here as well
        // lets this site's gates accept the codes before the next sync.
        const QString owner = SettingRepository(m_db).value(QStringLiteral("device.id"), QStringLiteral("desk"));
        if (Status inserted
            = keys.insertKey(TrustedKey {m_signingKey.keyId(), m_signingKey.publicKey(), owner, atMs, {}});
            !inserted)
            return std::unexpected(inserted.error());
        return true;
    }
    if ((*known)->revokedAtMs)
        return fail(ErrorCode::Crypto,
            Text::tr("This desk's signing key %1 was revoked: no member codes can be issued here.")
                .arg(m_signingKey.keyId()),
            QStringLiteral("signingKey"));
    if ((*known)->publicKey != m_signingKey.publicKey())
        return fail(ErrorCode::Crypto,
            Text::tr("This desk's signing key does not match the trusted key %1: the gates would refuse its codes.")
                .arg(m_signingKey.keyId()),
            QStringLiteral("signingKey"));
    return false;
}

Status SqlMemberDirectory::revokeCardCodes(const StaffSession &session, const QString &memberId, qint64 atMs)
{
    KeyRepository keys(m_db);
    Result<QList<CredentialRecord>> codes = keys.listCredentialsForMember(memberId);
    if (!codes)
        return std::unexpected(codes.error());
    for (CredentialRecord credential : std::as_const(*codes)) {
        if (credential.type != CredentialType::Card || credential.revokedAtMs)
            continue;
        if (Status revoked = keys.revokeCredential(credential.id, atMs); !revoked)
            return revoked;
        credential.revokedAtMs = atMs;
        OutboxEvent event;
        event.type = QStringLiteral("credential.revoked");
        event.atMs = atMs;
        event.staff = session.staffId;
        event.data = syncjson::toJson(credential);
        if (Status appended = Outbox(m_db).append(event); !appended)
            return appended;
    }
    return {};
}

Result<MemberCode> SqlMemberDirectory::issueMemberCode(const StaffSession &session, const QString &memberId)
{
    if (Status allowed = requirePermission(session, Permission::IssueMemberCodes); !allowed)
        return std::unexpected(allowed.error());
    const qint64 nowMs = m_clock.nowMs();
    return m_db.transaction<MemberCode>([&]() -> Result<MemberCode> {
        Result<Member> member = liveMember(memberId);
        if (!member)
            return std::unexpected(member.error());
        if (member->status == MemberStatus::Blocked)
            return fail(ErrorCode::Conflict,
                Text::tr("Member %1 is blocked: unblock the member before issuing a code.").arg(member->memberNo),
                QStringLiteral("status"));
        Result<bool> keyRegistered = ensureKeyTrusted(nowMs);
        if (!keyRegistered)
            return std::unexpected(keyRegistered.error());
        if (Status revoked = revokeCardCodes(session, member->id, nowMs); !revoked)
            return std::unexpected(revoked.error());
        Result<std::pair<QString, CredentialPayload>> issued
            = CredentialIssuer(m_signingKey, m_clock).issue(CredentialType::Card, member->id, {}, 0);
        if (!issued)
            return std::unexpected(issued.error());
        CredentialRecord credential;
        credential.id = credentialIdFromNonce(issued->second.nonce);
        credential.memberId = member->id;
        credential.type = CredentialType::Card;
        credential.keyId = m_signingKey.keyId();
        credential.code = issued->first;
        credential.issuedAtMs = issued->second.issuedAtMs;
        credential.expiresAtMs = 0;
        if (Status inserted = KeyRepository(m_db).insertCredential(credential); !inserted)
            return std::unexpected(inserted.error());
        const QJsonObject detail {{QStringLiteral("memberNo"), member->memberNo},
            {QStringLiteral("credentialId"), credential.id}, {QStringLiteral("kid"), credential.keyId},
            {QStringLiteral("keyRegistered"), *keyRegistered}};
        if (Status recorded = record(session, QStringLiteral("credential.issued"), syncjson::toJson(credential),
                QStringLiteral("member.code_issue"), QStringLiteral("credential"), credential.id, detail, nowMs);
            !recorded)
            return std::unexpected(recorded.error());
        return codeFor(*member, credential);
    });
}

Result<MemberCode> SqlMemberDirectory::memberCode(const StaffSession &session, const QString &memberId)
{
    if (Status allowed = requirePermission(session, Permission::IssueMemberCodes); !allowed)
        return std::unexpected(allowed.error());
    Result<Member> member = liveMember(memberId);
    if (!member)
        return std::unexpected(member.error());
    Result<QList<CredentialRecord>> codes = KeyRepository(m_db).listCredentialsForMember(member->id);
    if (!codes)
        return std::unexpected(codes.error());
    for (auto it = codes->crbegin(); it != codes->crend(); ++it) {
        if (it->type == CredentialType::Card && !it->revokedAtMs && !it->code.isEmpty())
            return codeFor(*member, *it);
    }
    return fail(ErrorCode::NotFound, Text::tr("Member %1 has no QR code yet: issue one first.").arg(member->memberNo),
        QStringLiteral("code"));
}

} // namespace gymgate
