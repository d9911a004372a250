#pragma once

// Shared by the Members tests: a real SQLite site with its data key, this desk's signing key,
// a manual clock and the real SqlMemberDirectory, plus a session per role.

#include "core/Clock.h"
#include "core/FieldCipher.h"
#include "core/SigningKey.h"
#include "core/Staff.h"
#include "store/SettingRepository.h"
#include "store/SqlMemberDirectory.h"
#include "store/StoreTestSupport.h"

#include <memory>

namespace gymgate::test {

constexpr qint64 MembersNowMs = 1'760'000'000'000; // 2025-10-09 08:53 UTC

inline void must(const Status &status)
{
    if (!status)
        qFatal("unexpected error: %s", qUtf8Printable(status.error().toString()));
}

inline StaffSession sessionFor(StaffRole role)
{
    const QString name = QString::fromLatin1(staffRoleName(role));
    return StaffSession {name + QStringLiteral("-id"), name, name + QStringLiteral(" user"), role};
}

struct MemberRig {
    explicit MemberRig(const QString &path)
        : db(openDatabase(path)), cipher(take(FieldCipher::fromKey(FieldCipher::generateKey()))),
          key(take(SigningKey::generate(QStringLiteral("site100")))), clock(MembersNowMs)
    {
        SettingRepository settings(*db);
        must(settings.setValue(QStringLiteral("site.number"), QStringLiteral("100"), MembersNowMs));
        must(settings.setValue(QStringLiteral("site.name"), QStringLiteral("Harbour Fitness"), MembersNowMs));
        must(settings.setValue(QStringLiteral("site.timezone"), QStringLiteral("Asia/Shanghai"), MembersNowMs));
        must(settings.setValue(QStringLiteral("device.id"), QStringLiteral("desk-1"), MembersNowMs));
        directory = std::make_unique<SqlMemberDirectory>(*db, cipher, key, clock);
    }

    MemberForm form(const QString &name, const QString &phone) const
    {
        MemberForm form;
        form.name = name;
        form.phone = phone;
        form.gender = Gender::Female;
        form.birthday = QDate(1992, 3, 14);
        form.preferredLanguage = QStringLiteral("zh_CN");
        return form;
    }

    MemberDetails add(const QString &name, const QString &phone)
    {
        return take(directory->registerMember(sessionFor(StaffRole::Admin), form(name, phone)));
    }

    std::unique_ptr<Database> db;
    FieldCipher cipher;
    SigningKey key;
    ManualClock clock;
    std::unique_ptr<SqlMemberDirectory> directory;
};

} // namespace gymgate::test
