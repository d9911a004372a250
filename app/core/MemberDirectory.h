#pragma once

#include "core/Booking.h"
#include "core/Entry.h"
#include "core/Error.h"
#include "core/Member.h"
#include "core/MemberCard.h"
#include "core/Staff.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace gymgate {

// What the desk form sends to register or edit a member. The phone number is in clear only on
// its way in: the directory validates, encrypts, hashes and masks it.
struct MemberForm {
    QString name;
    // 11-digit mainland mobile number. On update an empty phone keeps the stored number (the
    // desk never shows it in clear, so it cannot send it back).
    QString phone;
    Gender gender = Gender::Unknown;
    QDate birthday; // optional: invalid = not given
    QString preferredLanguage = QStringLiteral("zh_CN"); // "zh_CN" or "en"
    // Register: empty = no photo. Update: nullopt keeps the photo, an empty array removes it.
    std::optional<QByteArray> photo;
};

// One row of the search results: nothing secret, the phone only masked.
struct MemberSummary {
    QString id;
    QString memberNo;
    QString name;
    QString phoneMask; // 138****8000
    MemberStatus status = MemberStatus::Invalid;
};

// A member as the details pane shows it.
struct MemberDetails {
    MemberSummary summary;
    Gender gender = Gender::Unknown;
    QDate birthday;
    QString preferredLanguage;
    QByteArray photo; // image file bytes; empty = none
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// A payment on the member's account (`sale`), for the history tab.
struct MemberSaleLine {
    QString id;
    QString receiptNo;
    QString kind; // "sale", "topup", "refund", "penalty"
    QString paymentMethod; // "cash", "bank_card", "wechat_pay", "alipay"
    QString cardId;
    qint64 amountFen = 0; // negative for a refund
    qint64 createdAtMs = 0;
};

// A QR code issued to the member, for the history tab (never the code text: see memberCode).
struct MemberCodeLine {
    QString credentialId; // hex nonce
    QString keyId;
    qint64 issuedAtMs = 0;
    std::optional<qint64> revokedAtMs;
};

// Everything the member did at this site, newest first (cards oldest first, as sold).
struct MemberHistory {
    QList<MemberCard> cards;
    QList<EntryRecord> entries; // the latest MemberDirectory::HistoryEntryLimit
    QList<Booking> bookings;
    QList<MemberSaleLine> sales;
    QList<MemberCodeLine> codes;
};

// The member's current printed code and what goes on the card with it.
struct MemberCode {
    QString credentialId;
    QString code; // GG1 text, what the QR code holds
    QString memberId;
    QString memberNo;
    QString memberName;
    QString gymName; // setting site.name
    qint64 issuedAtMs = 0;
};

// The members of this site for the front desk. Every method checks the session's permission
// first (ViewMembers, EditMembers, BlockMembers, IssueMemberCodes) and refuses with
// PermissionDenied; a refused or failed action changes nothing. Every change is recorded with
// its outbox event and audit entry in one transaction.
class MemberDirectory {
public:
    static constexpr int MaxNameLength = 64;
    static constexpr int MaxPhotoBytes = 2 * 1024 * 1024;
    static constexpr int MaxSearchLimit = 200;
    static constexpr int HistoryEntryLimit = 200;

    virtual ~MemberDirectory() = default;

    // EditMembers. A new member number with the site prefix (M + site.number + 7 digits).
    // InvalidArgument naming the field: name (empty, too long), phone (not a mainland mobile),
    // birthday (in the future or before 1900), preferredLanguage, gender, photo (too large);
    // AlreadyExists field "phone" when the number belongs to another member.
    virtual Result<MemberDetails> registerMember(const StaffSession &session, const MemberForm &form) = 0;
    // EditMembers. Same rules; NotFound when no such member.
    virtual Result<MemberDetails> updateMember(
        const StaffSession &session, const QString &memberId, const MemberForm &form)
        = 0;
    // BlockMembers. A blocked member is refused at every gate. Conflict when already so.
    virtual Status blockMember(const StaffSession &session, const QString &memberId, const QString &reason) = 0;
    virtual Status unblockMember(const StaffSession &session, const QString &memberId) = 0;

    // ViewMembers. Search as you type: name prefix then name contains, member number prefix
    // (digits alone are read as the number after "M"), the whole phone number (exact), its
    // last four digits, or its first three. Ordered by name; at most `limit` (1..MaxSearchLimit).
    virtual Result<QList<MemberSummary>> search(const StaffSession &session, const QString &text, int limit) = 0;
    virtual Result<MemberDetails> member(const StaffSession &session, const QString &memberId) = 0;
    virtual Result<MemberHistory> history(const StaffSession &session, const QString &memberId) = 0;

    // IssueMemberCodes. Signs a new `C` card code with the desk key, stores it, and revokes the
    // member's earlier card codes so every gate refuses them. Refused for a blocked member.
    virtual Result<MemberCode> issueMemberCode(const StaffSession &session, const QString &memberId) = 0;
    // IssueMemberCodes. The member's current code, to print it again; NotFound when none.
    virtual Result<MemberCode> memberCode(const StaffSession &session, const QString &memberId) = 0;
};

} // namespace gymgate
