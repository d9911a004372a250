// Members, cards and QR check-in through the real gymgate-hub (docs/hub/MEMBERS.md): SMS sign-in
// via the --sms-outbox file, registration and its validation, search and profile updates with
// field stamps, card products, card purchase with its sale, and check-in with real GG1 codes
// signed in the test, on SQLite and on a throwaway PostgreSQL.
#include "core/Clock.h"
#include "core/CredentialVerifier.h"
#include "core/SigningKey.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include "HubTestSupport.h"

using namespace gymgate;
using namespace hubtest;

namespace {

// The seed 002 registration body (§3.1.1) with a phone of the test's choosing.
QJsonObject seedRegistration(const QString &phone, const QString &name = QStringLiteral("张三"))
{
    return QJsonObject {{QStringLiteral("tenantId"), 1}, {QStringLiteral("storeId"), 1},
        {QStringLiteral("phone"), phone}, {QStringLiteral("name"), name}, {QStringLiteral("gender"), 1},
        {QStringLiteral("birthday"), QStringLiteral("1990-01-01")}, {QStringLiteral("height"), 175},
        {QStringLiteral("weight"), 70.5}, {QStringLiteral("fitnessGoal"), QStringLiteral("减脂")}};
}

// HubTestSupport's ServedHub with the SMS outbox the hub writes its codes to (none when the
// path is empty).
struct MemberHub : ServedHub {
    QString outbox;

    bool start(const QString &databaseSpec, const QString &outboxPath)
    {
        outbox = outboxPath;
        return ServedHub::start(
            databaseSpec, outbox.isEmpty() ? QStringList() : QStringList {QStringLiteral("--sms-outbox"), outbox});
    }

    // Everything a refused request must leave alone.
    QString snapshot() const
    {
        QStringList parts;
        for (const QString &table :
            {QStringLiteral("member"), QStringLiteral("member_card"), QStringLiteral("sale"), QStringLiteral("entry"),
                QStringLiteral("change_log"), QStringLiteral("checkin_nonce"), QStringLiteral("card_product")})
            parts.append(QStringLiteral("%1=%2").arg(table).arg(db.count(table)));
        parts.append(
            QStringLiteral("visits=%1")
                .arg(db.scalar(QStringLiteral("SELECT COALESCE(SUM(visits_left), 0) FROM member_card")).toLongLong()));
        parts.append(
            QStringLiteral("balance=%1")
                .arg(db.scalar(QStringLiteral("SELECT COALESCE(SUM(balance_fen), 0) FROM member_card")).toLongLong()));
        parts.append(
            QStringLiteral("members=%1")
                .arg(db.scalar(QStringLiteral("SELECT COALESCE(MAX(updated_at), 0) FROM member")).toLongLong()));
        return parts.join(QLatin1Char(' '));
    }

    // The newest code the hub wrote to the outbox for `phone`.
    QString outboxCode(const QString &phone) const
    {
        QFile file(outbox);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QString code;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.value(QStringLiteral("phone")).toString() == phone)
                code = entry.value(QStringLiteral("code")).toString();
        }
        return code;
    }

    // Asks for a code and reads it from the outbox; empty when the hub refused.
    QString requestCode(const QString &phone)
    {
        const HubReply reply = hub.call(
            "POST", QStringLiteral("/api/v1/members/sms-code"), QJsonObject {{QStringLiteral("phone"), phone}});
        if (reply.status != 200) {
            qWarning("sms-code: %s", qPrintable(describe(reply)));
            return {};
        }
        return outboxCode(phone);
    }

    // Lets the resend interval pass without waiting for it.
    bool ageSmsCodes() const
    {
        return db.exec(QStringLiteral("UPDATE member_sms_code SET created_at = created_at - 3600000, "
                                      "window_start = window_start - 3600000"));
    }

    // Registers a member at the front desk; the member id.
    QString registerMember(const QString &phone, const QString &name)
    {
        const HubReply reply = hub.call("POST", QStringLiteral("/api/v1/members/register"),
            QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("name"), name}}, adminToken);
        if (reply.status != 200)
            qWarning("register: %s", qPrintable(describe(reply)));
        return dataOf(reply).value(QStringLiteral("id")).toString();
    }

    // A member token through the SMS login.
    QString memberToken(const QString &phone)
    {
        ageSmsCodes();
        const QString code = requestCode(phone);
        const HubReply reply = hub.call("POST", QStringLiteral("/api/v1/members/login"),
            QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("smsCode"), code}});
        if (reply.status != 200)
            qWarning("member login: %s", qPrintable(describe(reply)));
        return dataOf(reply).value(QStringLiteral("token")).toString();
    }

    HubReply purchase(const QJsonObject &body)
    {
        return hub.call("POST", QStringLiteral("/api/v1/member-cards/purchase"), body, adminToken);
    }

    HubReply checkIn(const QString &code, const QString &token = {})
    {
        return hub.call("POST", QStringLiteral("/api/v1/checkins/qrcode"),
            QJsonObject {{QStringLiteral("qrCode"), code}}, token.isEmpty() ? adminToken : token);
    }

    bool trustKey(const SigningKey &key, bool revoked = false) const
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        return db.exec(QStringLiteral("INSERT INTO trusted_key (kid, public_key, owner, created_at, revoked_at) "
                                      "VALUES (?, ?, 'hub', ?, ?)"),
            {key.keyId(), QString::fromLatin1(key.publicKey().toBase64()), now,
                revoked ? QVariant(now) : nullInteger()});
    }
};

} // namespace

class TestHubMembers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void smsUnavailableWithoutOutbox();
    void smsAddressLimit();
    void smsRegisterLoginRoundTrip_data();
    void smsRegisterLoginRoundTrip();
    void wrongSmsCodes_data();
    void wrongSmsCodes();
    void registerValidation_data();
    void registerValidation();
    void searchAndUpdate_data();
    void searchAndUpdate();
    void cardProducts_data();
    void cardProducts();
    void purchase_data();
    void purchase();
    void checkIn_data();
    void checkIn();
    void legacyCodes_data();
    void legacyCodes();

private:
    QString newOutbox() { return m_databases.filePath(QStringLiteral("sms-%1.jsonl").arg(++m_outboxes)); }

    HubDatabases m_databases;
    int m_outboxes = 0;
};

void TestHubMembers::initTestCase()
{
    QVERIFY(m_databases.start());
}

#define START(fixture, dialect)                                                                                        \
    START_SERVED(MemberHub, fixture, m_databases, dialect, QStringLiteral("members"), newOutbox())

void TestHubMembers::smsUnavailableWithoutOutbox()
{
    START_SERVED(MemberHub, fx, m_databases, QStringLiteral("sqlite"), QStringLiteral("members"), QString());
    const HubReply reply = fx.hub.call("POST", QStringLiteral("/api/v1/members/sms-code"),
        QJsonObject {{QStringLiteral("phone"), QStringLiteral("13800138000")}});
    QCOMPARE(reply.status, 503);
    QCOMPARE(codeOf(reply), QStringLiteral("sms_unavailable"));
    QCOMPARE(fx.db.count(QStringLiteral("member_sms_code")), 0);
    // A bad phone is still named first, so the client learns what to fix.
    const HubReply bad = fx.hub.call("POST", QStringLiteral("/api/v1/members/sms-code"),
        QJsonObject {{QStringLiteral("phone"), QStringLiteral("123")}});
    QCOMPARE(bad.status, 422);
    QCOMPARE(fieldOf(bad), QStringLiteral("phone"));
}

void TestHubMembers::smsAddressLimit()
{
    START(fx, QStringLiteral("sqlite"));
    // Ten codes to ten phones from one address, then the address must wait.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(fx.requestCode(QStringLiteral("1380013810%1").arg(i)).size(), 6);
    const HubReply limited = fx.hub.call("POST", QStringLiteral("/api/v1/members/sms-code"),
        QJsonObject {{QStringLiteral("phone"), QStringLiteral("13800138111")}});
    QCOMPARE(limited.status, 429);
    QCOMPARE(codeOf(limited), QStringLiteral("rate_limited"));
    QCOMPARE(fx.outboxCode(QStringLiteral("13800138111")), QString());
    QCOMPARE(fx.db.count(QStringLiteral("member_sms_code")), 10);
}

void TestHubMembers::smsRegisterLoginRoundTrip_data()
{
    addDialectRows();
}

void TestHubMembers::smsRegisterLoginRoundTrip()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QString phone = QStringLiteral("13800138000");
    const QString code = fx.requestCode(phone);
    QCOMPARE(code.size(), 6);
    QVERIFY(std::all_of(code.cbegin(), code.cend(), [](QChar c) { return c.isDigit(); }));
    // Only a hash is stored, never the code or the phone.
    const QString storedHash = fx.db.scalar(QStringLiteral("SELECT code_hash FROM member_sms_code")).toString();
    QVERIFY(!storedHash.isEmpty());
    QVERIFY(!storedHash.contains(code));
    QCOMPARE(
        fx.db.scalar(QStringLiteral("SELECT COUNT(*) FROM member_sms_code WHERE phone_hash = ?"), {phone}).toInt(), 0);

    // The same phone again within a minute: refused, and no new code written.
    const HubReply again = fx.hub.call(
        "POST", QStringLiteral("/api/v1/members/sms-code"), QJsonObject {{QStringLiteral("phone"), phone}});
    QCOMPARE(again.status, 429);
    QCOMPARE(codeOf(again), QStringLiteral("rate_limited"));
    QCOMPARE(fx.outboxCode(phone), code);

    // Login before registering: no member, and the code stays good for registering.
    const HubReply early = fx.hub.call("POST", QStringLiteral("/api/v1/members/login"),
        QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("smsCode"), code}});
    QCOMPARE(early.status, 404);
    QCOMPARE(fieldOf(early), QStringLiteral("phone"));

    QJsonObject body = seedRegistration(phone);
    body.insert(QStringLiteral("smsCode"), code);
    const HubReply registered = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"), body);
    QVERIFY2(registered.status == 200, qPrintable(describe(registered)));
    const QJsonObject member = dataOf(registered);
    QCOMPARE(codeOf(registered), QStringLiteral("0"));
    QVERIFY(member.value(QStringLiteral("memberNo")).toString().startsWith(QStringLiteral("M900")));
    QCOMPARE(member.value(QStringLiteral("memberNo")).toString().size(), 11);
    QCOMPARE(member.value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
    QCOMPARE(member.value(QStringLiteral("phoneMask")).toString(), QStringLiteral("138****8000"));
    QCOMPARE(member.value(QStringLiteral("status")).toInt(), 1);
    QCOMPARE(member.value(QStringLiteral("gender")).toInt(), 1);
    QCOMPARE(member.value(QStringLiteral("weight")).toDouble(), 70.5);
    const QString memberId = member.value(QStringLiteral("id")).toString();
    const QString token = member.value(QStringLiteral("token")).toString();
    QVERIFY(!token.isEmpty());

    // Stored encrypted and in grams; published in the desk's member shape.
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT weight_g FROM member WHERE id = ?"), {memberId}).toLongLong(), 70500);
    const QString cipher
        = fx.db.scalar(QStringLiteral("SELECT phone_cipher FROM member WHERE id = ?"), {memberId}).toString();
    QVERIFY(!cipher.isEmpty());
    QVERIFY(!QByteArray::fromBase64(cipher.toLatin1()).contains(phone.toLatin1()));
    const QJsonObject published = QJsonDocument::fromJson(
        fx.db
            .scalar(QStringLiteral("SELECT data FROM change_log WHERE entity = 'member' AND entity_id = ?"), {memberId})
            .toString()
            .toUtf8())
                                      .object();
    QCOMPARE(published.value(QStringLiteral("memberNo")), member.value(QStringLiteral("memberNo")));
    QCOMPARE(published.value(QStringLiteral("phoneCipher")).toString(), cipher);
    QCOMPARE(published.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(published.value(QStringLiteral("gender")).toInt(), 2); // the desk's Gender::Male
    QVERIFY(!QJsonDocument(published).toJson().contains(phone.toLatin1()));

    const HubReply me = fx.hub.call("GET", QStringLiteral("/api/v1/members/me"), QJsonValue::Undefined, token);
    QCOMPARE(me.status, 200);
    QCOMPARE(dataOf(me).value(QStringLiteral("id")).toString(), memberId);
    const HubReply usersMe = fx.hub.call("GET", QStringLiteral("/api/v1/users/me"), QJsonValue::Undefined, token);
    QCOMPARE(dataOf(usersMe).value(QStringLiteral("id")).toString(), memberId);

    // The code was used up by the registration.
    const HubReply reused = fx.hub.call("POST", QStringLiteral("/api/v1/members/login"),
        QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("smsCode"), code}});
    QCOMPARE(reused.status, 422);
    QCOMPARE(fieldOf(reused), QStringLiteral("smsCode"));

    // The same phone again, at the desk: 409 naming the phone, nothing added.
    const QString before = fx.snapshot();
    const HubReply duplicate = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"),
        QJsonObject {
            {QStringLiteral("phone"), QStringLiteral("138 0013 8000")}, {QStringLiteral("name"), QStringLiteral("Li")}},
        fx.adminToken);
    QCOMPARE(duplicate.status, 409);
    QCOMPARE(fieldOf(duplicate), QStringLiteral("phone"));
    QCOMPARE(fx.snapshot(), before);

    // A fresh code logs the member in.
    const QString loginToken = fx.memberToken(phone);
    QVERIFY(!loginToken.isEmpty());
    const HubReply meAgain
        = fx.hub.call("GET", QStringLiteral("/api/v1/members/me"), QJsonValue::Undefined, loginToken);
    QCOMPARE(dataOf(meAgain).value(QStringLiteral("memberNo")), member.value(QStringLiteral("memberNo")));
    // A member token is not a staff token.
    const HubReply list = fx.hub.call("GET", QStringLiteral("/api/v1/members"), QJsonValue::Undefined, loginToken);
    QCOMPARE(list.status, 403);
}

void TestHubMembers::wrongSmsCodes_data()
{
    addDialectRows();
}

void TestHubMembers::wrongSmsCodes()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QString phone = QStringLiteral("13900139000");
    QVERIFY(!fx.registerMember(phone, QStringLiteral("Wang")).isEmpty());
    const QString code = fx.requestCode(phone);
    QVERIFY(!code.isEmpty());
    const QString wrong = code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
    for (int attempt = 0; attempt < 5; ++attempt) {
        const HubReply reply = fx.hub.call("POST", QStringLiteral("/api/v1/members/login"),
            QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("smsCode"), wrong}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(fieldOf(reply), QStringLiteral("smsCode"));
    }
    // Five wrong guesses void the code: the right one no longer works.
    const HubReply late = fx.hub.call("POST", QStringLiteral("/api/v1/members/login"),
        QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("smsCode"), code}});
    QCOMPARE(late.status, 422);
    // An expired code does not work either.
    fx.ageSmsCodes();
    const QString second = fx.requestCode(phone);
    QVERIFY(fx.db.exec(
        QStringLiteral("UPDATE member_sms_code SET expires_at = ?"), {QDateTime::currentMSecsSinceEpoch() - 1}));
    const HubReply expired = fx.hub.call("POST", QStringLiteral("/api/v1/members/login"),
        QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("smsCode"), second}});
    QCOMPARE(expired.status, 422);
    // A blocked member gets no token.
    fx.ageSmsCodes();
    QVERIFY(fx.db.exec(QStringLiteral("UPDATE member SET status = 'blocked'")));
    const QString third = fx.requestCode(phone);
    const HubReply blocked = fx.hub.call("POST", QStringLiteral("/api/v1/members/login"),
        QJsonObject {{QStringLiteral("phone"), phone}, {QStringLiteral("smsCode"), third}});
    QCOMPARE(blocked.status, 403);
    QCOMPARE(codeOf(blocked), QStringLiteral("member_blocked"));
}

void TestHubMembers::registerValidation_data()
{
    addDialectRows();
}

void TestHubMembers::registerValidation()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QString phone = QStringLiteral("13700137000");
    struct Case {
        const char *name;
        QString field;
        QJsonValue value; // Undefined = remove the field
        QString expectedField;
    };
    const QString future = QDate::currentDate().addDays(2).toString(Qt::ISODate);
    const QList<Case> cases {
        {"phone missing", QStringLiteral("phone"), QJsonValue::Undefined, QStringLiteral("phone")},
        {"phone short", QStringLiteral("phone"), QStringLiteral("1380013800"), QStringLiteral("phone")},
        {"phone landline", QStringLiteral("phone"), QStringLiteral("02138001380"), QStringLiteral("phone")},
        {"phone number", QStringLiteral("phone"), 13800138000.0, QStringLiteral("phone")},
        {"name missing", QStringLiteral("name"), QJsonValue::Undefined, QStringLiteral("name")},
        {"name blank", QStringLiteral("name"), QStringLiteral("   "), QStringLiteral("name")},
        {"name long", QStringLiteral("name"), QString(65, QLatin1Char('x')), QStringLiteral("name")},
        {"gender 3", QStringLiteral("gender"), 3, QStringLiteral("gender")},
        {"gender text", QStringLiteral("gender"), QStringLiteral("1"), QStringLiteral("gender")},
        {"birthday month 13", QStringLiteral("birthday"), QStringLiteral("1990-13-01"), QStringLiteral("birthday")},
        {"birthday format", QStringLiteral("birthday"), QStringLiteral("01/02/1990"), QStringLiteral("birthday")},
        {"birthday future", QStringLiteral("birthday"), future, QStringLiteral("birthday")},
        {"height low", QStringLiteral("height"), 20, QStringLiteral("height")},
        {"height fraction", QStringLiteral("height"), 175.5, QStringLiteral("height")},
        {"weight 3 decimals", QStringLiteral("weight"), 70.555, QStringLiteral("weight")},
        {"weight text", QStringLiteral("weight"), QStringLiteral("70"), QStringLiteral("weight")},
        {"weight low", QStringLiteral("weight"), 10, QStringLiteral("weight")},
        {"goal long", QStringLiteral("fitnessGoal"), QString(65, QLatin1Char('g')), QStringLiteral("fitnessGoal")},
        {"language", QStringLiteral("preferredLanguage"), QStringLiteral("fr"), QStringLiteral("preferredLanguage")},
        {"unknown field", QStringLiteral("nickname"), QStringLiteral("x"), QStringLiteral("nickname")},
        {"store unknown", QStringLiteral("storeId"), QStringLiteral("no-such-site"), QStringLiteral("storeId")},
        {"tenant text", QStringLiteral("tenantId"), QStringLiteral("one"), QStringLiteral("tenantId")},
    };
    const QString before = fx.snapshot();
    for (const Case &c : cases) {
        QJsonObject body = seedRegistration(phone);
        if (c.value.isUndefined())
            body.remove(c.field);
        else
            body.insert(c.field, c.value);
        const HubReply reply = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"), body, fx.adminToken);
        QVERIFY2(reply.status == 422, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), describe(reply))));
        QVERIFY2(fieldOf(reply) == c.expectedField,
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), describe(reply))));
        QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
    }
    // Without a token and without a code: 401; a malformed code: named.
    const HubReply anonymous = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"), seedRegistration(phone));
    QCOMPARE(anonymous.status, 401);
    QJsonObject badCode = seedRegistration(phone);
    badCode.insert(QStringLiteral("smsCode"), QStringLiteral("12ab56"));
    const HubReply malformed = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"), badCode);
    QCOMPARE(malformed.status, 422);
    QCOMPARE(fieldOf(malformed), QStringLiteral("smsCode"));
    badCode.insert(QStringLiteral("smsCode"), QStringLiteral("123456")); // no code was ever sent
    const HubReply unsent = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"), badCode);
    QCOMPARE(unsent.status, 422);
    QCOMPARE(fieldOf(unsent), QStringLiteral("smsCode"));
    const HubReply notObject
        = fx.hub.request("POST", QStringLiteral("/api/v1/members/register"), "[1,2]", 10000, bearer(fx.adminToken));
    QCOMPARE(notObject.status, 422);
    QCOMPARE(fieldOf(notObject), QStringLiteral("body"));
    QCOMPARE(fx.snapshot(), before);

    // The seed body itself is accepted at the desk; numbers count up.
    const HubReply first
        = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"), seedRegistration(phone), fx.adminToken);
    QVERIFY2(first.status == 200, qPrintable(describe(first)));
    QVERIFY(!dataOf(first).contains(QStringLiteral("token"))); // staff registration: no member token
    const HubReply second = fx.hub.call("POST", QStringLiteral("/api/v1/members/register"),
        seedRegistration(QStringLiteral("13700137001"), QStringLiteral("李四")), fx.adminToken);
    QCOMPARE(second.status, 200);
    QCOMPARE(dataOf(first).value(QStringLiteral("memberNo")).toString(), QStringLiteral("M9000000001"));
    QCOMPARE(dataOf(second).value(QStringLiteral("memberNo")).toString(), QStringLiteral("M9000000002"));
}

void TestHubMembers::searchAndUpdate_data()
{
    addDialectRows();
}

void TestHubMembers::searchAndUpdate()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QString zhang = fx.registerMember(QStringLiteral("13600136000"), QStringLiteral("张三"));
    const QString zhangWei = fx.registerMember(QStringLiteral("13600136001"), QStringLiteral("张伟"));
    const QString li = fx.registerMember(QStringLiteral("13600136002"), QStringLiteral("李四"));
    QVERIFY(!zhang.isEmpty() && !zhangWei.isEmpty() && !li.isEmpty());
    const auto search = [&fx](const QString &query) {
        return fx.hub.call("GET", QStringLiteral("/api/v1/members?") + query, QJsonValue::Undefined, fx.adminToken);
    };
    const auto ids = [](const HubReply &reply) {
        QStringList found;
        for (const QJsonValue &item : dataOf(reply).value(QStringLiteral("items")).toArray())
            found.append(item.toObject().value(QStringLiteral("id")).toString());
        return found;
    };
    QCOMPARE(ids(search(QStringLiteral("phone=13600136001"))), QStringList {zhangWei});
    QCOMPARE(ids(search(QStringLiteral("phone=13600136009"))), QStringList {});
    QCOMPARE(ids(search(QStringLiteral("name=%E5%BC%A0"))), (QStringList {zhang, zhangWei})); // 张
    QCOMPARE(ids(search(QStringLiteral("memberNo=M9000000003"))), QStringList {li});
    const HubReply paged = search(QStringLiteral("page=2&pageSize=2"));
    QCOMPARE(dataOf(paged).value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(ids(paged), QStringList {li});
    QCOMPARE(search(QStringLiteral("phone=123")).status, 422);
    QCOMPARE(fieldOf(search(QStringLiteral("pageSize=1000"))), QStringLiteral("pageSize"));

    const QString token = fx.memberToken(QStringLiteral("13600136000"));
    QVERIFY(!token.isEmpty());
    // Members see and change only themselves.
    QCOMPARE(fx.hub.call("GET", QStringLiteral("/api/v1/members/") + li, QJsonValue::Undefined, token).status, 403);
    QCOMPARE(fx.hub
                 .call("PUT", QStringLiteral("/api/v1/members/") + li,
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}}, token)
                 .status,
        403);
    QCOMPARE(fx.hub.call("GET", QStringLiteral("/api/v1/members/") + zhang, QJsonValue::Undefined, token).status, 200);
    QCOMPARE(
        fx.hub.call("GET", QStringLiteral("/api/v1/members/nope"), QJsonValue::Undefined, fx.adminToken).status, 404);

    const QString before = fx.snapshot();
    for (const QJsonObject &bad : {QJsonObject {}, QJsonObject {{QStringLiteral("weight"), -1}},
             QJsonObject {{QStringLiteral("name"), QStringLiteral("ok")}, {QStringLiteral("gender"), 7}},
             QJsonObject {{QStringLiteral("phone"), QStringLiteral("13600136005")}}}) {
        const HubReply refused = fx.hub.call("PUT", QStringLiteral("/api/v1/members/") + zhang, bad, token);
        QVERIFY2(refused.status == 422, qPrintable(describe(refused)));
        QVERIFY(!fieldOf(refused).isEmpty());
    }
    QCOMPARE(fx.snapshot(), before);

    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    const HubReply updated = fx.hub.call("PUT", QStringLiteral("/api/v1/members/") + zhang,
        QJsonObject {{QStringLiteral("name"), QStringLiteral("张三丰")}, {QStringLiteral("weight"), 68.25},
            {QStringLiteral("preferredLanguage"), QStringLiteral("en")}},
        token);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QCOMPARE(dataOf(updated).value(QStringLiteral("name")).toString(), QStringLiteral("张三丰"));
    QCOMPARE(dataOf(updated).value(QStringLiteral("weight")).toDouble(), 68.25);
    const QJsonObject stamps = QJsonDocument::fromJson(
        fx.db.scalar(QStringLiteral("SELECT field_stamps FROM member WHERE id = ?"), {zhang}).toString().toUtf8())
                                   .object();
    QVERIFY(stamps.value(QStringLiteral("name")).toInteger() >= startMs);
    QVERIFY(stamps.value(QStringLiteral("weightG")).toInteger() >= startMs);
    QVERIFY(stamps.value(QStringLiteral("preferredLanguage")).toInteger() >= startMs);
    QVERIFY(stamps.value(QStringLiteral("gender")).toInteger() < startMs); // not written now
    const QJsonObject published = QJsonDocument::fromJson(
        fx.db
            .scalar(QStringLiteral("SELECT data FROM change_log WHERE entity = 'member' AND entity_id = ? "
                                   "ORDER BY seq DESC LIMIT 1"),
                {zhang})
            .toString()
            .toUtf8())
                                      .object();
    QCOMPARE(published.value(QStringLiteral("name")).toString(), QStringLiteral("张三丰"));
    QCOMPARE(published.value(QStringLiteral("weightG")).toInteger(), 68250);
    const HubReply own = fx.hub.call("PUT", QStringLiteral("/api/v1/members/me"),
        QJsonObject {{QStringLiteral("fitnessGoal"), QStringLiteral("增肌")}}, token);
    QCOMPARE(own.status, 200);
    QCOMPARE(dataOf(own).value(QStringLiteral("id")).toString(), zhang);
    QCOMPARE(dataOf(own).value(QStringLiteral("fitnessGoal")).toString(), QStringLiteral("增肌"));
    QCOMPARE(fx.hub
                 .call("PUT", QStringLiteral("/api/v1/members/me"),
                     QJsonObject {{QStringLiteral("fitnessGoal"), QStringLiteral("x")}}, fx.adminToken)
                 .status,
        403);
    // Staff may update anyone.
    const HubReply byStaff = fx.hub.call(
        "PUT", QStringLiteral("/api/v1/members/") + li, QJsonObject {{QStringLiteral("gender"), 2}}, fx.adminToken);
    QCOMPARE(byStaff.status, 200);
    QCOMPARE(dataOf(byStaff).value(QStringLiteral("gender")).toInt(), 2);
}

void TestHubMembers::cardProducts_data()
{
    addDialectRows();
}

void TestHubMembers::cardProducts()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QJsonObject monthly {{QStringLiteral("name"), QStringLiteral("月卡")},
        {QStringLiteral("kind"), QStringLiteral("time")}, {QStringLiteral("priceFen"), 29900},
        {QStringLiteral("validDays"), 30},
        {QStringLiteral("timeWindows"),
            QJsonArray {QJsonObject {{QStringLiteral("days"), QStringLiteral("1-5")},
                {QStringLiteral("from"), QStringLiteral("06:00")}, {QStringLiteral("to"), QStringLiteral("22:00")}}}}};
    const QString before = fx.snapshot();
    const auto refusedField = [&fx](const QJsonObject &body) {
        const HubReply reply = fx.hub.call("POST", QStringLiteral("/api/v1/card-products"), body, fx.adminToken);
        return reply.status == 422 ? fieldOf(reply) : describe(reply);
    };
    QJsonObject bad = monthly;
    bad.insert(QStringLiteral("validDays"), 0);
    QCOMPARE(refusedField(bad), QStringLiteral("validDays"));
    bad = monthly;
    bad.insert(QStringLiteral("kind"), QStringLiteral("lifetime"));
    QCOMPARE(refusedField(bad), QStringLiteral("kind"));
    bad = monthly;
    bad.insert(QStringLiteral("priceFen"), 12.5);
    QCOMPARE(refusedField(bad), QStringLiteral("priceFen"));
    bad = monthly;
    bad.insert(QStringLiteral("timeWindows"), QJsonArray {QJsonObject {{QStringLiteral("days"), QStringLiteral("9")}}});
    QCOMPARE(refusedField(bad), QStringLiteral("timeWindows"));
    bad = monthly;
    bad.insert(QStringLiteral("zones"), QJsonArray {QStringLiteral("no-such-venue")});
    QCOMPARE(refusedField(bad), QStringLiteral("zones"));
    const QJsonObject value {{QStringLiteral("name"), QStringLiteral("储值卡")},
        {QStringLiteral("kind"), QStringLiteral("value")}, {QStringLiteral("priceFen"), 100000},
        {QStringLiteral("valueFen"), 100000}, {QStringLiteral("perVisitPriceFen"), 200000}};
    QCOMPARE(refusedField(value), QStringLiteral("perVisitPriceFen"));
    QCOMPARE(fx.snapshot(), before);

    const HubReply created = fx.hub.call("POST", QStringLiteral("/api/v1/card-products"), monthly, fx.adminToken);
    QVERIFY2(created.status == 200, qPrintable(describe(created)));
    const QString productId = dataOf(created).value(QStringLiteral("id")).toString();
    QCOMPARE(fx.db
                 .scalar(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'product' AND entity_id = ?"),
                     {productId})
                 .toInt(),
        1);

    QVERIFY(fx.db.exec(QStringLiteral("INSERT INTO hub_user (username, display_name, password_hash, role, status, "
                                      "failed_logins, created_at, updated_at) SELECT 'clerk', 'Clerk', password_hash, "
                                      "'staff', 'active', 0, created_at, updated_at FROM hub_user WHERE username = ?"),
        {kAdmin}));
    const QString clerk = fx.hub.login(QStringLiteral("clerk"), kPassword);
    QVERIFY(!clerk.isEmpty());
    QCOMPARE(fx.hub.call("POST", QStringLiteral("/api/v1/card-products"), monthly, clerk).status, 403);
    const HubReply listed = fx.hub.call("GET", QStringLiteral("/api/v1/card-products"), QJsonValue::Undefined, clerk);
    QCOMPARE(dataOf(listed).value(QStringLiteral("items")).toArray().size(), 1);
    QCOMPARE(fx.hub.call("GET", QStringLiteral("/api/v1/card-products?includeInactive=1"), QJsonValue::Undefined, clerk)
                 .status,
        403);
    QCOMPARE(fx.hub.call("GET", QStringLiteral("/api/v1/card-products")).status, 401);

    QJsonObject retired = monthly;
    retired.insert(QStringLiteral("active"), false);
    retired.insert(QStringLiteral("priceFen"), 31900);
    const HubReply updated
        = fx.hub.call("PUT", QStringLiteral("/api/v1/card-products/") + productId, retired, fx.adminToken);
    QVERIFY2(updated.status == 200, qPrintable(describe(updated)));
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT price_fen FROM card_product WHERE id = ?"), {productId}).toLongLong(),
        31900);
    QCOMPARE(dataOf(fx.hub.call("GET", QStringLiteral("/api/v1/card-products"), QJsonValue::Undefined, clerk))
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
        0);
    QCOMPARE(dataOf(fx.hub.call("GET", QStringLiteral("/api/v1/card-products?includeInactive=1"), QJsonValue::Undefined,
                        fx.adminToken))
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
        1);
    QCOMPARE(fx.hub.call("PUT", QStringLiteral("/api/v1/card-products/nope"), monthly, fx.adminToken).status, 404);
}

void TestHubMembers::purchase_data()
{
    addDialectRows();
}

void TestHubMembers::purchase()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QString memberId = fx.registerMember(QStringLiteral("13500135000"), QStringLiteral("张三"));
    QVERIFY(!memberId.isEmpty());
    const QJsonObject seed {{QStringLiteral("memberId"), memberId}, {QStringLiteral("cardType"), 1},
        {QStringLiteral("cardName"), QStringLiteral("月卡")}, {QStringLiteral("amount"), 299.00},
        {QStringLiteral("count"), 30}, {QStringLiteral("validDays"), 30}};
    struct Case {
        const char *name;
        QString field;
        QJsonValue value;
        QString expectedField;
    };
    const QList<Case> cases {
        {"amount 3 decimals", QStringLiteral("amount"), 0.001, QStringLiteral("amount")},
        {"amount negative", QStringLiteral("amount"), -1, QStringLiteral("amount")},
        {"amount text", QStringLiteral("amount"), QStringLiteral("299.00"), QStringLiteral("amount")},
        {"amount missing", QStringLiteral("amount"), QJsonValue::Undefined, QStringLiteral("amount")},
        {"card type 4", QStringLiteral("cardType"), 4, QStringLiteral("cardType")},
        {"card name blank", QStringLiteral("cardName"), QStringLiteral(""), QStringLiteral("cardName")},
        {"time card without days", QStringLiteral("validDays"), 0, QStringLiteral("validDays")},
        {"days too many", QStringLiteral("validDays"), 5000, QStringLiteral("validDays")},
        {"count fraction", QStringLiteral("count"), 2.5, QStringLiteral("count")},
        {"payment", QStringLiteral("paymentMethod"), QStringLiteral("bitcoin"), QStringLiteral("paymentMethod")},
        {"product unknown", QStringLiteral("productId"), QStringLiteral("nope"), QStringLiteral("productId")},
        {"unknown field", QStringLiteral("discount"), 5, QStringLiteral("discount")},
    };
    const QString before = fx.snapshot();
    for (const Case &c : cases) {
        QJsonObject body = seed;
        if (c.value.isUndefined())
            body.remove(c.field);
        else
            body.insert(c.field, c.value);
        const HubReply reply = fx.purchase(body);
        QVERIFY2(reply.status == 422 && fieldOf(reply) == c.expectedField,
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), describe(reply))));
    }
    QJsonObject countCard = seed;
    countCard.insert(QStringLiteral("cardType"), 2);
    countCard.insert(QStringLiteral("count"), 0);
    QCOMPARE(fieldOf(fx.purchase(countCard)), QStringLiteral("count"));
    QJsonObject valueCard = seed;
    valueCard.insert(QStringLiteral("cardType"), 3);
    QCOMPARE(fieldOf(fx.purchase(valueCard)), QStringLiteral("perVisitPrice")); // no price per visit
    QJsonObject stranger = seed;
    stranger.insert(QStringLiteral("memberId"), QStringLiteral("no-such-member"));
    QCOMPARE(fx.purchase(stranger).status, 404);
    QCOMPARE(fx.snapshot(), before);

    const HubReply sold = fx.purchase(seed);
    QVERIFY2(sold.status == 200, qPrintable(describe(sold)));
    const QJsonObject card = dataOf(sold);
    const QTimeZone shanghai("Asia/Shanghai");
    const QDate today = QDateTime::currentDateTime().toTimeZone(shanghai).date();
    QVERIFY(card.value(QStringLiteral("cardNo")).toString().startsWith(QStringLiteral("C900")));
    QCOMPARE(card.value(QStringLiteral("cardName")).toString(), QStringLiteral("月卡"));
    QCOMPARE(card.value(QStringLiteral("validFrom")).toString(), today.toString(Qt::ISODate));
    QCOMPARE(card.value(QStringLiteral("validTo")).toString(), today.addDays(29).toString(Qt::ISODate));
    QCOMPARE(card.value(QStringLiteral("status")).toInt(), 1);
    QCOMPARE(card.value(QStringLiteral("amount")).toDouble(), 299.0);
    const QString cardId = card.value(QStringLiteral("id")).toString();
    QCOMPARE(
        fx.db.scalar(QStringLiteral("SELECT amount_fen FROM sale WHERE card_id = ?"), {cardId}).toLongLong(), 29900);
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT payment_method FROM sale WHERE card_id = ?"), {cardId}).toString(),
        QStringLiteral("cash"));
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT kind FROM sale WHERE card_id = ?"), {cardId}).toString(),
        QStringLiteral("sale"));
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT kind FROM member_card WHERE id = ?"), {cardId}).toString(),
        QStringLiteral("time"));
    const QJsonObject published = QJsonDocument::fromJson(
        fx.db.scalar(QStringLiteral("SELECT data FROM change_log WHERE entity = 'card' AND entity_id = ?"), {cardId})
            .toString()
            .toUtf8())
                                      .object();
    QCOMPARE(published.value(QStringLiteral("memberId")).toString(), memberId);
    QCOMPARE(published.value(QStringLiteral("kind")).toString(), QStringLiteral("time"));

    // Yuan to fen without binary surprises, and a count card paid by WeChat.
    countCard.insert(QStringLiteral("count"), 10);
    countCard.insert(QStringLiteral("amount"), 0.29);
    countCard.insert(QStringLiteral("validDays"), 0);
    countCard.insert(QStringLiteral("paymentMethod"), QStringLiteral("wechat"));
    const HubReply counted = fx.purchase(countCard);
    QVERIFY2(counted.status == 200, qPrintable(describe(counted)));
    QCOMPARE(dataOf(counted).value(QStringLiteral("balanceCount")).toInt(), 10);
    QVERIFY(dataOf(counted).value(QStringLiteral("validTo")).isNull());
    const QString countId = dataOf(counted).value(QStringLiteral("id")).toString();
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT amount_fen FROM sale WHERE card_id = ?"), {countId}).toLongLong(), 29);
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT payment_method FROM sale WHERE card_id = ?"), {countId}).toString(),
        QStringLiteral("wechat_pay"));

    const HubReply cards = fx.hub.call(
        "GET", QStringLiteral("/api/v1/members/%1/cards").arg(memberId), QJsonValue::Undefined, fx.adminToken);
    QCOMPARE(dataOf(cards).value(QStringLiteral("items")).toArray().size(), 2);
    const QString token = fx.memberToken(QStringLiteral("13500135000"));
    QCOMPARE(fx.hub.call("GET", QStringLiteral("/api/v1/members/%1/cards").arg(memberId), QJsonValue::Undefined, token)
                 .status,
        200);
    QCOMPARE(fx.purchase(seed).status, 200);
    QCOMPARE(fx.hub.call("POST", QStringLiteral("/api/v1/member-cards/purchase"), seed, token).status, 403);
}

void TestHubMembers::checkIn_data()
{
    addDialectRows();
}

void TestHubMembers::checkIn()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QString memberId = fx.registerMember(QStringLiteral("13400134000"), QStringLiteral("张三"));
    const QString emptyId = fx.registerMember(QStringLiteral("13400134001"), QStringLiteral("李四"));
    QVERIFY(!memberId.isEmpty() && !emptyId.isEmpty());
    const HubReply sold = fx.purchase(QJsonObject {{QStringLiteral("memberId"), memberId},
        {QStringLiteral("cardType"), 2}, {QStringLiteral("cardName"), QStringLiteral("10次卡")},
        {QStringLiteral("amount"), 500}, {QStringLiteral("count"), 2}});
    QVERIFY2(sold.status == 200, qPrintable(describe(sold)));
    const QString cardId = dataOf(sold).value(QStringLiteral("id")).toString();
    const auto visitsLeft = [&] {
        return fx.db.scalar(QStringLiteral("SELECT visits_left FROM member_card WHERE id = ?"), {cardId}).toInt();
    };

    const Result<SigningKey> key = SigningKey::generate(QStringLiteral("hub1"));
    QVERIFY(key);
    QVERIFY(fx.trustKey(*key));
    const SystemClock clock;
    const CredentialIssuer issuer(*key, clock);

    // A fresh app token admits once and takes one visit.
    const Result<QString> token = issuer.issueToken(memberId);
    QVERIFY(token);
    const HubReply passed = fx.checkIn(*token);
    QVERIFY2(passed.status == 200, qPrintable(describe(passed)));
    QCOMPARE(dataOf(passed).value(QStringLiteral("memberName")).toString(), QStringLiteral("张三"));
    QCOMPARE(dataOf(passed).value(QStringLiteral("status")).toInt(), 1);
    QVERIFY(QDateTime::fromString(dataOf(passed).value(QStringLiteral("checkInAt")).toString(), Qt::ISODate).isValid());
    QCOMPARE(visitsLeft(), 1);
    const QString entryId = dataOf(passed).value(QStringLiteral("id")).toString();
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT status FROM entry WHERE id = ?"), {entryId}).toString(),
        QStringLiteral("passed"));
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT credential_kind FROM entry WHERE id = ?"), {entryId}).toString(),
        QStringLiteral("token"));
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT visits_deducted FROM entry WHERE id = ?"), {entryId}).toInt(), 1);
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT weak FROM entry WHERE id = ?"), {entryId}).toInt(), 0);
    const QJsonObject published = QJsonDocument::fromJson(
        fx.db
            .scalar(
                QStringLiteral(
                    "SELECT data FROM change_log WHERE entity = 'card' AND entity_id = ? ORDER BY seq DESC LIMIT 1"),
                {cardId})
            .toString()
            .toUtf8())
                                      .object();
    QCOMPARE(published.value(QStringLiteral("visitsLeft")).toInt(), 1);

    // Every refusal: 422 with its reason, nothing deducted, nothing recorded.
    ManualClock past(QDateTime::currentMSecsSinceEpoch() - 10 * 60 * 1000);
    const Result<QString> expired = CredentialIssuer(*key, past).issueToken(memberId);
    const Result<SigningKey> forger = SigningKey::generate(QStringLiteral("hub1"));
    const Result<QString> forged = CredentialIssuer(*forger, clock).issueToken(memberId);
    const Result<SigningKey> stranger = SigningKey::generate(QStringLiteral("other"));
    const Result<QString> unknownKey = CredentialIssuer(*stranger, clock).issueToken(memberId);
    const Result<SigningKey> withdrawn = SigningKey::generate(QStringLiteral("old1"));
    QVERIFY(fx.trustKey(*withdrawn, true));
    const Result<QString> withdrawnKey = CredentialIssuer(*withdrawn, clock).issueCardCode(memberId, QString());
    const Result<std::pair<QString, CredentialPayload>> revokedCard
        = issuer.issue(CredentialType::Card, memberId, QString(), 0);
    QVERIFY(expired && forged && unknownKey && withdrawnKey && revokedCard);
    QVERIFY(fx.db.exec(QStringLiteral("INSERT INTO credential (id, member_id, type, kid, issued_at, revoked_at) "
                                      "VALUES (?, ?, 'card', 'hub1', ?, ?)"),
        {credentialIdFromNonce(revokedCard->second.nonce), memberId, revokedCard->second.issuedAtMs,
            QDateTime::currentMSecsSinceEpoch()}));
    const Result<QString> noCard = issuer.issueToken(emptyId);
    const Result<QString> otherCard
        = issuer.issueCardCode(memberId, QStringLiteral("00000000-0000-4000-8000-000000000001"));
    QVERIFY(noCard && otherCard);
    const QList<std::pair<QString, QString>> refusals {
        {*token, QStringLiteral("credential.replayed")},
        {*expired, QStringLiteral("credential.expired")},
        {*forged, QStringLiteral("credential.bad_signature")},
        {*unknownKey, QStringLiteral("credential.unknown_key")},
        {*withdrawnKey, QStringLiteral("credential.key_revoked")},
        {revokedCard->first, QStringLiteral("credential.revoked")},
        {QStringLiteral("hello world"), QStringLiteral("credential.malformed")},
        {token->left(token->size() - 3), QStringLiteral("credential.malformed")},
        {QStringLiteral("GG1.") + QString(600, QLatin1Char('A')), QStringLiteral("credential.malformed")},
        {QStringLiteral("M9000000001"), QStringLiteral("credential.legacy_disabled")},
        {*noCard, QStringLiteral("card.none")},
        {*otherCard, QStringLiteral("card.none")},
    };
    const QString before = fx.snapshot();
    for (const auto &[code, reason] : refusals) {
        const HubReply refused = fx.checkIn(code);
        QVERIFY2(refused.status == 422 && codeOf(refused) == reason,
            qPrintable(QStringLiteral("%1: %2").arg(reason, describe(refused))));
        QCOMPARE(fieldOf(refused), QStringLiteral("qrCode"));
    }
    QCOMPARE(fx.snapshot(), before);
    QCOMPARE(visitsLeft(), 1);

    // The last visit, then none left.
    QCOMPARE(fx.checkIn(*issuer.issueToken(memberId)).status, 200);
    QCOMPARE(visitsLeft(), 0);
    const QString empty = fx.snapshot();
    const HubReply noVisits = fx.checkIn(*issuer.issueToken(memberId));
    QCOMPARE(codeOf(noVisits), QStringLiteral("card.no_visits"));
    // A blocked member is refused before the cards are looked at.
    QVERIFY(fx.db.exec(QStringLiteral("UPDATE member SET status = 'blocked' WHERE id = ?"), {emptyId}));
    QCOMPARE(codeOf(fx.checkIn(*issuer.issueToken(emptyId))), QStringLiteral("member.blocked"));
    QCOMPARE(fx.snapshot(), empty);

    // Members may not check themselves in; bad bodies are named.
    QCOMPARE(fx.checkIn(*issuer.issueToken(memberId), fx.memberToken(QStringLiteral("13400134000"))).status, 403);
    const HubReply noCode
        = fx.hub.call("POST", QStringLiteral("/api/v1/checkins/qrcode"), QJsonObject {}, fx.adminToken);
    QCOMPARE(fieldOf(noCode), QStringLiteral("qrCode"));
    const HubReply badVenue = fx.hub.call("POST", QStringLiteral("/api/v1/checkins/qrcode"),
        QJsonObject {{QStringLiteral("qrCode"), *issuer.issueToken(memberId)},
            {QStringLiteral("venueId"), QStringLiteral("nope")}},
        fx.adminToken);
    QCOMPARE(fieldOf(badVenue), QStringLiteral("venueId"));
}

void TestHubMembers::legacyCodes_data()
{
    addDialectRows();
}

void TestHubMembers::legacyCodes()
{
    QFETCH(QString, dialect);
    START(fx, dialect);
    const QString memberId = fx.registerMember(QStringLiteral("13300133000"), QStringLiteral("王五"));
    const HubReply sold = fx.purchase(QJsonObject {{QStringLiteral("memberId"), memberId},
        {QStringLiteral("cardType"), 3}, {QStringLiteral("cardName"), QStringLiteral("储值卡")},
        {QStringLiteral("amount"), 100}, {QStringLiteral("perVisitPrice"), 30}});
    QVERIFY2(sold.status == 200, qPrintable(describe(sold)));
    const QString memberNo
        = fx.db.scalar(QStringLiteral("SELECT member_no FROM member WHERE id = ?"), {memberId}).toString();
    QCOMPARE(codeOf(fx.checkIn(memberNo)), QStringLiteral("credential.legacy_disabled"));
    QVERIFY(fx.db.exec(
        QStringLiteral("INSERT INTO hub_setting (key, value, updated_at) VALUES ('legacy_codes', 'on', 0)")));
    const HubReply passed = fx.checkIn(memberNo);
    QVERIFY2(passed.status == 200, qPrintable(describe(passed)));
    QCOMPARE(dataOf(passed).value(QStringLiteral("weak")).toBool(), true);
    const QString entryId = dataOf(passed).value(QStringLiteral("id")).toString();
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT weak FROM entry WHERE id = ?"), {entryId}).toInt(), 1);
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT credential_kind FROM entry WHERE id = ?"), {entryId}).toString(),
        QStringLiteral("legacy"));
    QCOMPARE(
        fx.db.scalar(QStringLiteral("SELECT fee_deducted_fen FROM entry WHERE id = ?"), {entryId}).toLongLong(), 3000);
    QCOMPARE(fx.db.scalar(QStringLiteral("SELECT balance_fen FROM member_card WHERE member_id = ?"), {memberId})
                 .toLongLong(),
        7000);
    // By card number too; an unknown number is an unknown member.
    const QString cardNo = dataOf(sold).value(QStringLiteral("cardNo")).toString();
    QCOMPARE(fx.checkIn(cardNo).status, 200);
    QCOMPARE(fx.checkIn(cardNo).status, 200);
    const QString broke = fx.snapshot();
    QCOMPARE(codeOf(fx.checkIn(cardNo)), QStringLiteral("card.insufficient_balance"));
    QCOMPARE(codeOf(fx.checkIn(QStringLiteral("M9009999999"))), QStringLiteral("member.unknown"));
    QCOMPARE(fx.snapshot(), broke);
}

QTEST_GUILESS_MAIN(TestHubMembers)
#include "tst_hubmembers.moc"
