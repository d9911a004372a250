// Feedback and FAQ through the real gymgate-hub on SQLite and PostgreSQL: the feedback round trip
// with its notification row, who may see what, the FAQ's create/read/update/delete, and every
// refusal (wrong role, bad or unknown fields and parameters), each of which changes nothing.
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include "HubTestSupport.h"

using namespace hubtest;

namespace {

const QString kOpenFeedback = QStringLiteral("fb-open"); // inserted directly, never answered by the tests

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// The program's hub on one dialect: members m1 and m2, site-a with the device d1, an open
// feedback of m2's, and tokens of every role.
struct Env : ServedHub {
    QMap<QString, QString> tokens; // "admin", "staff", "technician", "member", "member2", "device"
    QMap<QString, qint64> userIds; // "admin", "staff", "technician"

    bool start(const QString &databaseSpec)
    {
        if (!ServedHub::start(databaseSpec))
            return false;
        return insertFixtures() && makeTokens() ? true : failed(QStringLiteral("fixtures: ") + db.errorText);
    }

    bool insertFixtures() const
    {
        return !db.insertMember(
                      {.id = QStringLiteral("m1"), .memberNo = QStringLiteral("M1"), .name = QStringLiteral("Li")})
                    .isEmpty()
            && !db.insertMember(
                      {.id = QStringLiteral("m2"), .memberNo = QStringLiteral("M2"), .name = QStringLiteral("Wang")})
                    .isEmpty()
            && !db.insertSite(QStringLiteral("101"), QStringLiteral("site-a")).isEmpty()
            && !db.insertDevice(QStringLiteral("site-a"), QStringLiteral("d1")).isEmpty()
            && db.exec(QStringLiteral("INSERT INTO feedback (id, member_id, category, content, created_at) "
                                      "VALUES (?, 'm2', 'other', 'left open', 1)"),
                {kOpenFeedback});
    }

    bool makeTokens()
    {
        tokens.insert(QStringLiteral("admin"), adminToken);
        userIds.insert(QStringLiteral("admin"),
            db.integer(QStringLiteral("SELECT id FROM hub_user WHERE username = ?"), {kAdmin}));
        for (const QString &role : {QStringLiteral("staff"), QStringLiteral("technician")}) {
            const qint64 id = db.insertUser(role, role);
            if (id <= 0)
                return false;
            userIds.insert(role, id);
            tokens.insert(role, db.userToken(id, role));
        }
        tokens.insert(QStringLiteral("member"), db.memberToken(QStringLiteral("m1")));
        tokens.insert(QStringLiteral("member2"), db.memberToken(QStringLiteral("m2")));
        tokens.insert(QStringLiteral("device"), db.deviceToken(QStringLiteral("d1")));
        return userIds.value(QStringLiteral("admin")) > 0;
    }

    // The tables a refused request must leave alone.
    QString everything() const
    {
        return db.dump({QStringLiteral("feedback"), QStringLiteral("faq"), QStringLiteral("hub_notification")});
    }

    HubReply call(const QByteArray &method, const QString &path, const QJsonValue &body, const QString &who)
    {
        return hub.call(method, path, body, tokens.value(who));
    }
};

} // namespace

class TestHubFeedback : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void feedbackRoundTrip_data();
    void feedbackRoundTrip();
    void feedbackPaging_data();
    void feedbackPaging();
    void faqCrud_data();
    void faqCrud();
    void refusals_data();
    void refusals();

private:
    HubDatabases m_databases;
    HubPerDialect<Env> m_envs;
};

void TestHubFeedback::initTestCase()
{
    QVERIFY(m_databases.start());
    for (const QString &dialect : kDialects) {
        if (m_databases.available(dialect))
            QVERIFY2(m_envs.get(m_databases, dialect, QStringLiteral("feedback")), qPrintable(m_envs.errorText));
    }
}

void TestHubFeedback::cleanupTestCase()
{
    QVERIFY(m_envs.stopAll());
}

#define ENV(name, dialect)                                                                                             \
    SKIP_UNLESS_AVAILABLE(m_databases, dialect);                                                                       \
    Env *name = m_envs.get(m_databases, dialect, QStringLiteral("feedback"));                                          \
    QVERIFY2(name != nullptr, qPrintable(m_envs.errorText))

void TestHubFeedback::feedbackRoundTrip_data()
{
    addDialectRows();
}

void TestHubFeedback::feedbackRoundTrip()
{
    QFETCH(QString, dialect);
    ENV(e, dialect);
    const QString member = QStringLiteral("member");

    const HubReply sent = e->call("POST", QStringLiteral("/api/feedbacks"),
        QJsonObject {{QStringLiteral("category"), QStringLiteral("facility")},
            {QStringLiteral("content"), QStringLiteral("  The shower on floor 2 is cold.  ")},
            {QStringLiteral("contact"), QStringLiteral("13800138000")}},
        member);
    QVERIFY2(sent.status == 200, sent.body.constData());
    const QJsonObject feedback = dataOf(sent);
    const QString id = feedback.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(feedback.value(QStringLiteral("memberId")).toString(), QStringLiteral("m1"));
    QVERIFY(feedback.value(QStringLiteral("userId")).isNull());
    QCOMPARE(feedback.value(QStringLiteral("content")).toString(), QStringLiteral("The shower on floor 2 is cold."));
    QCOMPARE(feedback.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QVERIFY(feedback.value(QStringLiteral("reply")).isNull());
    QVERIFY(feedback.value(QStringLiteral("createdAt")).toInteger() > 0);

    const HubReply byStaff = e->call("POST", QStringLiteral("/api/feedbacks"),
        QJsonObject {{QStringLiteral("category"), QStringLiteral("app")},
            {QStringLiteral("content"), QStringLiteral("The desk search is slow.")}},
        QStringLiteral("staff"));
    QCOMPARE(byStaff.status, 200);
    const QString staffId = dataOf(byStaff).value(QStringLiteral("id")).toString();
    QCOMPARE(dataOf(byStaff).value(QStringLiteral("userId")).toInteger(), e->userIds.value(QStringLiteral("staff")));
    QVERIFY(dataOf(byStaff).value(QStringLiteral("memberId")).isNull());

    // Who sees what: the author and admins; anyone else gets the same 404 as for a missing id.
    const QString path = QStringLiteral("/api/feedbacks/") + id;
    QCOMPARE(e->call("GET", path, {}, member).status, 200);
    QCOMPARE(e->call("GET", path, {}, QStringLiteral("admin")).status, 200);
    QCOMPARE(e->call("GET", path, {}, QStringLiteral("member2")).status, 404);
    QCOMPARE(e->call("GET", path, {}, QStringLiteral("staff")).status, 404);
    QCOMPARE(e->call("GET", QStringLiteral("/api/feedbacks/") + staffId, {}, QStringLiteral("staff")).status, 200);
    QCOMPARE(e->call("GET", QStringLiteral("/api/feedbacks/") + staffId, {}, QStringLiteral("technician")).status, 404);
    QCOMPARE(e->call("GET", QStringLiteral("/api/feedbacks/nope"), {}, QStringLiteral("admin")).status, 404);

    const QString notificationsBefore = e->db.dump(QStringLiteral("hub_notification"));
    const HubReply replied = e->call("POST", path + QStringLiteral("/reply"),
        QJsonObject {{QStringLiteral("reply"), QStringLiteral("Fixed this morning, thank you.")}},
        QStringLiteral("admin"));
    QVERIFY2(replied.status == 200, replied.body.constData());
    QCOMPARE(dataOf(replied).value(QStringLiteral("status")).toString(), QStringLiteral("replied"));
    QCOMPARE(
        dataOf(replied).value(QStringLiteral("reply")).toString(), QStringLiteral("Fixed this morning, thank you."));
    QCOMPARE(dataOf(replied).value(QStringLiteral("repliedBy")).toInteger(), e->userIds.value(QStringLiteral("admin")));
    QVERIFY(dataOf(replied).value(QStringLiteral("repliedAt")).toInteger() > 0);
    QCOMPARE(
        dataOf(e->call("GET", path, {}, member)).value(QStringLiteral("status")).toString(), QStringLiteral("replied"));

    QSqlQuery notification(e->db.db());
    QVERIFY(notification.exec(QStringLiteral("SELECT audience, kind, payload FROM hub_notification ORDER BY seq")));
    QVERIFY(notification.last());
    QCOMPARE(notification.value(0).toString(), QStringLiteral("member:m1"));
    QCOMPARE(notification.value(1).toString(), QStringLiteral("feedback.replied"));
    const QJsonObject payload = object(notification.value(2).toString().toUtf8());
    QCOMPARE(payload.value(QStringLiteral("feedbackId")).toString(), id);
    QCOMPARE(payload.value(QStringLiteral("reply")).toString(), QStringLiteral("Fixed this morning, thank you."));
    QVERIFY(e->db.dump(QStringLiteral("hub_notification")) != notificationsBefore);

    // A second reply is refused and changes nothing: no new notification, the first reply stays.
    const QString before = e->everything();
    const HubReply again = e->call("POST", path + QStringLiteral("/reply"),
        QJsonObject {{QStringLiteral("reply"), QStringLiteral("Another answer")}}, QStringLiteral("admin"));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json.value(QStringLiteral("code")).toString(), QStringLiteral("conflict"));
    QCOMPARE(e->everything(), before);

    // Staff authors hear of the answer as users.
    QCOMPARE(e->call("POST", QStringLiteral("/api/feedbacks/") + staffId + QStringLiteral("/reply"),
                  QJsonObject {{QStringLiteral("reply"), QStringLiteral("On the list.")}}, QStringLiteral("admin"))
                 .status,
        200);
    QVERIFY(notification.exec(QStringLiteral("SELECT audience FROM hub_notification ORDER BY seq")));
    QVERIFY(notification.last());
    QCOMPARE(
        notification.value(0).toString(), QStringLiteral("user:%1").arg(e->userIds.value(QStringLiteral("staff"))));

    const HubReply unknown = e->call("POST", QStringLiteral("/api/feedbacks/nope/reply"),
        QJsonObject {{QStringLiteral("reply"), QStringLiteral("x")}}, QStringLiteral("admin"));
    QCOMPARE(unknown.status, 404);
}

void TestHubFeedback::feedbackPaging_data()
{
    addDialectRows();
}

void TestHubFeedback::feedbackPaging()
{
    QFETCH(QString, dialect);
    ENV(e, dialect);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(e->call("POST", QStringLiteral("/api/feedbacks"),
                      QJsonObject {{QStringLiteral("category"), QStringLiteral("praise")},
                          {QStringLiteral("content"), QStringLiteral("Great coach %1").arg(i)}},
                      QStringLiteral("member2"))
                     .status,
            200);
    }
    QSqlQuery count(e->db.db());
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM feedback WHERE category = 'praise'")) && count.next());
    const qint64 praise = count.value(0).toLongLong();
    QVERIFY(praise >= 3);
    const HubReply first = e->call(
        "GET", QStringLiteral("/api/feedbacks?category=praise&pageSize=2&page=1"), {}, QStringLiteral("admin"));
    QCOMPARE(first.status, 200);
    QCOMPARE(dataOf(first).value(QStringLiteral("total")).toInteger(), praise);
    QCOMPARE(dataOf(first).value(QStringLiteral("items")).toArray().size(), 2);
    const HubReply last
        = e->call("GET", QStringLiteral("/api/feedbacks?category=praise&pageSize=2&page=%1").arg((praise + 1) / 2), {},
            QStringLiteral("admin"));
    QCOMPARE(dataOf(last).value(QStringLiteral("items")).toArray().size(), praise % 2 == 0 ? 2 : 1);
    // Newest first.
    const QJsonArray items = dataOf(first).value(QStringLiteral("items")).toArray();
    QVERIFY(items.at(0).toObject().value(QStringLiteral("createdAt")).toInteger()
        >= items.at(1).toObject().value(QStringLiteral("createdAt")).toInteger());

    const HubReply open
        = e->call("GET", QStringLiteral("/api/feedbacks?status=open&pageSize=100"), {}, QStringLiteral("admin"));
    for (const QJsonValue &item : dataOf(open).value(QStringLiteral("items")).toArray())
        QCOMPARE(item.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QVERIFY(dataOf(open).value(QStringLiteral("total")).toInteger() >= 4); // fb-open and the three above
}

void TestHubFeedback::faqCrud_data()
{
    addDialectRows();
}

void TestHubFeedback::faqCrud()
{
    QFETCH(QString, dialect);
    ENV(e, dialect);
    const QString admin = QStringLiteral("admin");
    const auto create = [&](const QString &question, const QString &category, const QString &language, int order) {
        const HubReply reply = e->call("POST", QStringLiteral("/api/faqs"),
            QJsonObject {{QStringLiteral("question"), question}, {QStringLiteral("answer"), QStringLiteral("Yes.")},
                {QStringLiteral("category"), category}, {QStringLiteral("language"), language},
                {QStringLiteral("sortOrder"), order}},
            admin);
        return reply.status == 200 ? dataOf(reply).value(QStringLiteral("id")).toString() : QString();
    };
    const QString hours
        = create(QStringLiteral("When do you open?"), QStringLiteral("general"), QStringLiteral("en"), 2);
    const QString towels
        = create(QStringLiteral("Are towels free?"), QStringLiteral("general"), QStringLiteral("en"), 1);
    const QString card
        = create(QStringLiteral("会员卡可以转让吗?"), QStringLiteral("card"), QStringLiteral("zh_CN"), 1);
    QVERIFY(!hours.isEmpty() && !towels.isEmpty() && !card.isEmpty());

    // Only question and answer are required; the rest take their defaults.
    const HubReply minimal = e->call("POST", QStringLiteral("/api/faqs"),
        QJsonObject {{QStringLiteral("question"), QStringLiteral("Parking?")},
            {QStringLiteral("answer"), QStringLiteral("Behind the building.")}},
        admin);
    QVERIFY2(minimal.status == 200, minimal.body.constData());
    QCOMPARE(dataOf(minimal).value(QStringLiteral("category")).toString(), QString());
    QCOMPARE(dataOf(minimal).value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(dataOf(minimal).value(QStringLiteral("sortOrder")).toInteger(), 0);
    QCOMPARE(e->call("DELETE", QStringLiteral("/api/faqs/") + dataOf(minimal).value(QStringLiteral("id")).toString(),
                  {}, admin)
                 .status,
        200);

    // Public, filtered and sorted by sortOrder.
    const HubReply english = e->call("GET", QStringLiteral("/api/faqs?language=en&category=general"), {}, {});
    QCOMPARE(english.status, 200);
    const QJsonArray items = dataOf(english).value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("id")).toString(), towels);
    QCOMPARE(items.at(1).toObject().value(QStringLiteral("id")).toString(), hours);
    const HubReply chinese = e->call("GET", QStringLiteral("/api/faqs?language=zh_CN"), {}, {});
    QCOMPARE(dataOf(chinese).value(QStringLiteral("total")).toInteger(), 1);
    QCOMPARE(
        dataOf(chinese).value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("question")),
        QJsonValue(QStringLiteral("会员卡可以转让吗?")));

    const HubReply one = e->call("GET", QStringLiteral("/api/faqs/") + hours, {}, {});
    QCOMPARE(one.status, 200);
    QCOMPARE(dataOf(one).value(QStringLiteral("sortOrder")).toInteger(), 2);

    // PUT changes only the fields it names.
    const HubReply changed = e->call("PUT", QStringLiteral("/api/faqs/") + hours,
        QJsonObject {{QStringLiteral("answer"), QStringLiteral("06:00 to 22:00.")}, {QStringLiteral("sortOrder"), 0}},
        admin);
    QVERIFY2(changed.status == 200, changed.body.constData());
    QCOMPARE(dataOf(changed).value(QStringLiteral("answer")).toString(), QStringLiteral("06:00 to 22:00."));
    QCOMPARE(dataOf(changed).value(QStringLiteral("question")).toString(), QStringLiteral("When do you open?"));
    QCOMPARE(dataOf(changed).value(QStringLiteral("language")).toString(), QStringLiteral("en"));
    const QJsonArray resorted = dataOf(e->call("GET", QStringLiteral("/api/faqs?language=en&category=general"), {}, {}))
                                    .value(QStringLiteral("items"))
                                    .toArray();
    QCOMPARE(resorted.at(0).toObject().value(QStringLiteral("id")).toString(), hours);

    QCOMPARE(e->call("DELETE", QStringLiteral("/api/faqs/") + towels, {}, admin).status, 200);
    QCOMPARE(e->call("GET", QStringLiteral("/api/faqs/") + towels, {}, {}).status, 404);
    QCOMPARE(e->call("DELETE", QStringLiteral("/api/faqs/") + towels, {}, admin).status, 404);
    QCOMPARE(e->call("PUT", QStringLiteral("/api/faqs/") + towels,
                  QJsonObject {{QStringLiteral("answer"), QStringLiteral("No.")}}, admin)
                 .status,
        404);
    QCOMPARE(dataOf(e->call("GET", QStringLiteral("/api/faqs?language=en&category=general"), {}, {}))
                 .value(QStringLiteral("total"))
                 .toInteger(),
        1);
}

void TestHubFeedback::refusals_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    const QString feedbacks = QStringLiteral("/api/feedbacks");
    const QString reply = QStringLiteral("/api/feedbacks/") + kOpenFeedback + QStringLiteral("/reply");
    const QString faqs = QStringLiteral("/api/faqs");
    const QString faq = QStringLiteral("/api/faqs/faq-1"); // inserted by refusals() before the request
    const QByteArray good = R"({"category":"other","content":"hello"})";
    const QByteArray goodFaq = R"({"question":"Q?","answer":"A."})";
    const QString longText = QString(2001, QLatin1Char('x'));
    struct Case {
        const char *name;
        QString who;
        QString method;
        QString path;
        QByteArray body;
        int status;
        QString field;
    };
    const QString admin = QStringLiteral("admin");
    const QString member = QStringLiteral("member");
    const QList<Case> cases {
        {"feedback without token", {}, QStringLiteral("POST"), feedbacks, good, 401, {}},
        {"feedback from a device", QStringLiteral("device"), QStringLiteral("POST"), feedbacks, good, 403, {}},
        {"feedback list by staff", QStringLiteral("staff"), QStringLiteral("GET"), feedbacks, {}, 403, {}},
        {"feedback list by member", member, QStringLiteral("GET"), feedbacks, {}, 403, {}},
        {"reply by staff", QStringLiteral("staff"), QStringLiteral("POST"), reply, R"({"reply":"x"})", 403, {}},
        {"reply by the member", QStringLiteral("member2"), QStringLiteral("POST"), reply, R"({"reply":"x"})", 403, {}},
        {"content missing", member, QStringLiteral("POST"), feedbacks, R"({"category":"other"})", 422,
            QStringLiteral("content")},
        {"content blank", member, QStringLiteral("POST"), feedbacks, R"({"category":"other","content":"   "})", 422,
            QStringLiteral("content")},
        {"content too long", member, QStringLiteral("POST"), feedbacks,
            QJsonDocument(QJsonObject {{QStringLiteral("category"), QStringLiteral("other")},
                              {QStringLiteral("content"), longText}})
                .toJson(QJsonDocument::Compact),
            422, QStringLiteral("content")},
        {"content a number", member, QStringLiteral("POST"), feedbacks, R"({"category":"other","content":5})", 422,
            QStringLiteral("content")},
        {"category missing", member, QStringLiteral("POST"), feedbacks, R"({"content":"hi"})", 422,
            QStringLiteral("category")},
        {"category unknown", member, QStringLiteral("POST"), feedbacks, R"({"category":"rant","content":"hi"})", 422,
            QStringLiteral("category")},
        {"contact too long", member, QStringLiteral("POST"), feedbacks,
            R"({"category":"other","content":"hi","contact":")" + QByteArray(101, '1') + "\"}", 422,
            QStringLiteral("contact")},
        {"unknown feedback field", member, QStringLiteral("POST"), feedbacks,
            R"({"category":"other","content":"hi","memberId":"m2"})", 422, QStringLiteral("memberId")},
        {"feedback body an array", member, QStringLiteral("POST"), feedbacks, "[1]", 422, QStringLiteral("body")},
        {"reply missing", admin, QStringLiteral("POST"), reply, "{}", 422, QStringLiteral("reply")},
        {"reply too long", admin, QStringLiteral("POST"), reply,
            QJsonDocument(QJsonObject {{QStringLiteral("reply"), longText}}).toJson(QJsonDocument::Compact), 422,
            QStringLiteral("reply")},
        {"reply unknown field", admin, QStringLiteral("POST"), reply, R"({"reply":"x","status":"closed"})", 422,
            QStringLiteral("status")},
        {"list bad status", admin, QStringLiteral("GET"), feedbacks + QStringLiteral("?status=done"), {}, 422,
            QStringLiteral("status")},
        {"list page 0", admin, QStringLiteral("GET"), feedbacks + QStringLiteral("?page=0"), {}, 422,
            QStringLiteral("page")},
        {"list pageSize 101", admin, QStringLiteral("GET"), feedbacks + QStringLiteral("?pageSize=101"), {}, 422,
            QStringLiteral("pageSize")},
        {"list unknown parameter", admin, QStringLiteral("GET"), feedbacks + QStringLiteral("?sort=new"), {}, 422,
            QStringLiteral("sort")},
        {"faq create by staff", QStringLiteral("staff"), QStringLiteral("POST"), faqs, goodFaq, 403, {}},
        {"faq create by member", member, QStringLiteral("POST"), faqs, goodFaq, 403, {}},
        {"faq create without token", {}, QStringLiteral("POST"), faqs, goodFaq, 401, {}},
        {"faq update by staff", QStringLiteral("staff"), QStringLiteral("PUT"), faq, R"({"answer":"B."})", 403, {}},
        {"faq delete by technician", QStringLiteral("technician"), QStringLiteral("DELETE"), faq, {}, 403, {}},
        {"faq question missing", admin, QStringLiteral("POST"), faqs, R"({"answer":"A."})", 422,
            QStringLiteral("question")},
        {"faq answer blank", admin, QStringLiteral("POST"), faqs, R"({"question":"Q?","answer":""})", 422,
            QStringLiteral("answer")},
        {"faq language unknown", admin, QStringLiteral("POST"), faqs,
            R"({"question":"Q?","answer":"A.","language":"fr"})", 422, QStringLiteral("language")},
        {"faq sortOrder negative", admin, QStringLiteral("POST"), faqs,
            R"({"question":"Q?","answer":"A.","sortOrder":-1})", 422, QStringLiteral("sortOrder")},
        {"faq sortOrder a fraction", admin, QStringLiteral("POST"), faqs,
            R"({"question":"Q?","answer":"A.","sortOrder":1.5})", 422, QStringLiteral("sortOrder")},
        {"faq category too long", admin, QStringLiteral("POST"), faqs,
            R"({"question":"Q?","answer":"A.","category":")" + QByteArray(51, 'c') + "\"}", 422,
            QStringLiteral("category")},
        {"faq unknown field", admin, QStringLiteral("POST"), faqs, R"({"question":"Q?","answer":"A.","id":"x"})", 422,
            QStringLiteral("id")},
        {"faq update empty body", admin, QStringLiteral("PUT"), faq, "{}", 422, QStringLiteral("body")},
        {"faq update blank question", admin, QStringLiteral("PUT"), faq, R"({"question":" "})", 422,
            QStringLiteral("question")},
        {"faq update unknown field", admin, QStringLiteral("PUT"), faq, R"({"answer":"B.","deletedAt":1})", 422,
            QStringLiteral("deletedAt")},
        {"faq update bad language", admin, QStringLiteral("PUT"), faq, R"({"language":"de"})", 422,
            QStringLiteral("language")},
        {"faq update unknown id", admin, QStringLiteral("PUT"), QStringLiteral("/api/faqs/nope"), R"({"answer":"B."})",
            404, QStringLiteral("faqId")},
        {"faq list bad language", {}, QStringLiteral("GET"), faqs + QStringLiteral("?language=fr"), {}, 422,
            QStringLiteral("language")},
        {"faq list unknown parameter", {}, QStringLiteral("GET"), faqs + QStringLiteral("?lang=en"), {}, 422,
            QStringLiteral("lang")},
    };
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        for (const Case &c : cases) {
            QTest::addRow("%s: %s", qPrintable(dialect), c.name)
                << dialect << c.who << c.method << c.path << c.body << c.status << c.field;
        }
    }
}

void TestHubFeedback::refusals()
{
    QFETCH(QString, dialect);
    QFETCH(QString, who);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    ENV(e, dialect);
    QVERIFY(e->db.exec(QStringLiteral("INSERT INTO faq (id, question, answer, created_at, updated_at) "
                                      "VALUES ('faq-1', 'Q', 'A', 1, 1) ON CONFLICT (id) DO NOTHING")));
    const QString before = e->everything();
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!who.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + e->tokens.value(who).toLatin1()});
    const HubReply reply = e->hub.request(method.toLatin1(), path, body, 10000, headers);
    QVERIFY2(reply.status == status, reply.body.constData());
    if (!field.isEmpty()) {
        QCOMPARE(reply.json.value(QStringLiteral("data")).toObject().value(QStringLiteral("field")).toString(), field);
        if (status == 422) {
            QCOMPARE(reply.json.value(QStringLiteral("code")).toString(), QStringLiteral("field_invalid"));
            QVERIFY2(reply.json.value(QStringLiteral("message")).toString().contains(field), reply.body.constData());
        }
    }
    QCOMPARE(e->everything(), before);
}

QTEST_GUILESS_MAIN(TestHubFeedback)
#include "tst_hubfeedback.moc"
