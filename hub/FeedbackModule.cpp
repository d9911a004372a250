#include "FeedbackModule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

#include <limits>

#include "HubDatabase.h"
#include "HubRouter.h"
#include "HubSql.h"
#include "NotificationLog.h"

namespace gymgate::hub {
namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(FeedbackModule)
};

constexpr int kMaxContentLength = 2000;
constexpr int kMaxReplyLength = 2000;
constexpr int kMaxContactLength = 100;
constexpr int kMaxQuestionLength = 500;
constexpr int kMaxAnswerLength = 5000;
constexpr int kMaxCategoryLength = 50;
constexpr qint64 kMaxSortOrder = 1000000;
constexpr qint64 kMaxPageSize = 100;

const QStringList kFeedbackCategories {QStringLiteral("suggestion"), QStringLiteral("complaint"),
    QStringLiteral("praise"), QStringLiteral("facility"), QStringLiteral("booking"), QStringLiteral("card"),
    QStringLiteral("app"), QStringLiteral("other")};
const QStringList kFeedbackStatuses {QStringLiteral("open"), QStringLiteral("replied"), QStringLiteral("closed")};
const QStringList kLanguages {QStringLiteral("zh_CN"), QStringLiteral("en")};
const QStringList kFaqFields {QStringLiteral("category"), QStringLiteral("question"), QStringLiteral("answer"),
    QStringLiteral("language"), QStringLiteral("sortOrder")};

const QString kFeedbackColumns = QStringLiteral(
    "id, member_id, user_id, category, content, contact, status, reply, replied_by, replied_at, created_at");
const QString kFaqColumns
    = QStringLiteral("id, category, question, answer, language, sort_order, created_at, updated_at");

Error invalid(const QString &field, const QString &message)
{
    return Error {ErrorCode::InvalidArgument, message, field};
}

QString oneOfMessage(const QString &field, const QStringList &allowed)
{
    return Text::tr("\"%1\" must be one of: %2.").arg(field, allowed.join(QStringLiteral(", ")));
}

// Query items are checked like body members: a misspelt parameter is refused, not ignored.
Status allowOnly(const HubRequest &request, const QStringList &allowed)
{
    for (const auto &[name, value] : request.query.queryItems()) {
        if (!allowed.contains(name))
            return std::unexpected(invalid(name, Text::tr("The parameter \"%1\" is not accepted here.").arg(name)));
    }
    return {};
}

// An optional query item that must be one of `allowed` when present; empty when absent.
Result<QString> choiceParam(const HubRequest &request, const QString &name, const QStringList &allowed)
{
    if (!request.query.hasQueryItem(name))
        return QString();
    const QString value = request.queryString(name);
    if (!allowed.contains(value))
        return std::unexpected(invalid(name, oneOfMessage(name, allowed)));
    return value;
}

// An empty text column is '' rather than NULL: Qt binds a null QString (what trimmed() makes
// of an empty string) as NULL, which the NOT NULL columns refuse.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QJsonValue textOrNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
}

QJsonValue integerOrNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toLongLong());
}

// One feedback row (selected with kFeedbackColumns) as the API shows it.
QJsonObject feedbackJson(const QSqlQuery &query)
{
    return {{QStringLiteral("id"), query.value(0).toString()}, {QStringLiteral("memberId"), textOrNull(query.value(1))},
        {QStringLiteral("userId"), integerOrNull(query.value(2))},
        {QStringLiteral("category"), query.value(3).toString()}, {QStringLiteral("content"), query.value(4).toString()},
        {QStringLiteral("contact"), query.value(5).toString()}, {QStringLiteral("status"), query.value(6).toString()},
        {QStringLiteral("reply"), textOrNull(query.value(7))},
        {QStringLiteral("repliedBy"), integerOrNull(query.value(8))},
        {QStringLiteral("repliedAt"), integerOrNull(query.value(9))},
        {QStringLiteral("createdAt"), query.value(10).toLongLong()}};
}

// One FAQ row (selected with kFaqColumns) as the API shows it.
QJsonObject faqJson(const QSqlQuery &query)
{
    return {{QStringLiteral("id"), query.value(0).toString()}, {QStringLiteral("category"), query.value(1).toString()},
        {QStringLiteral("question"), query.value(2).toString()}, {QStringLiteral("answer"), query.value(3).toString()},
        {QStringLiteral("language"), query.value(4).toString()},
        {QStringLiteral("sortOrder"), query.value(5).toLongLong()},
        {QStringLiteral("createdAt"), query.value(6).toLongLong()},
        {QStringLiteral("updatedAt"), query.value(7).toLongLong()}};
}

Result<std::optional<QJsonObject>> feedbackById(HubDatabase &database, const QString &id)
{
    Result<QSqlQuery> query = sql::exec(
        database.database(), QStringLiteral("SELECT %1 FROM feedback WHERE id = ?").arg(kFeedbackColumns), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<QJsonObject> {};
    return std::optional<QJsonObject> {feedbackJson(*query)};
}

Result<std::optional<QJsonObject>> faqById(HubDatabase &database, const QString &id)
{
    Result<QSqlQuery> query = sql::exec(database.database(),
        QStringLiteral("SELECT %1 FROM faq WHERE id = ? AND deleted_at IS NULL").arg(kFaqColumns), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<QJsonObject> {};
    return std::optional<QJsonObject> {faqJson(*query)};
}

HubResponse feedbackNotFound()
{
    return HubResponse::fromError(
        Error {ErrorCode::NotFound, Text::tr("There is no feedback with this id."), QStringLiteral("feedbackId")});
}

HubResponse faqNotFound()
{
    return HubResponse::fromError(
        Error {ErrorCode::NotFound, Text::tr("There is no FAQ entry with this id."), QStringLiteral("faqId")});
}

// Admins see every feedback; members and other staff see only their own. Someone else's is
// answered like a missing one, so ids of other people's feedback cannot be probed.
bool maySee(const HubPrincipal &principal, const QJsonObject &feedback)
{
    if (principal.role == role::Admin)
        return true;
    if (principal.kind == PrincipalKind::Member)
        return feedback.value(QStringLiteral("memberId")).toString() == principal.memberId;
    return principal.kind == PrincipalKind::User
        && feedback.value(QStringLiteral("userId")).toInteger(-1) == principal.userId;
}

// The FAQ fields of a POST (all required but the optional ones) or a PUT (only those present).
struct FaqFields {
    QString category;
    QString question;
    QString answer;
    QString language = QStringLiteral("zh_CN");
    qint64 sortOrder = 0;
};

Status readFaqFields(const HubRequest &request, FaqFields &fields, bool partial)
{
    const QJsonObject body = request.json.toObject();
    const auto present = [&](const QString &name) {
        return !partial || body.contains(name);
    };
    if (present(QStringLiteral("question"))) {
        const Result<QString> question = request.requireString(QStringLiteral("question"), kMaxQuestionLength);
        if (!question)
            return std::unexpected(question.error());
        fields.question = question->trimmed();
    }
    if (present(QStringLiteral("answer"))) {
        const Result<QString> answer = request.requireString(QStringLiteral("answer"), kMaxAnswerLength);
        if (!answer)
            return std::unexpected(answer.error());
        fields.answer = answer->trimmed();
    }
    const Result<QString> category
        = request.optionalString(QStringLiteral("category"), fields.category, kMaxCategoryLength);
    if (!category)
        return std::unexpected(category.error());
    fields.category = notNull(category->trimmed());
    const Result<QString> language = request.optionalString(QStringLiteral("language"), fields.language, 10);
    if (!language)
        return std::unexpected(language.error());
    if (!kLanguages.contains(*language))
        return std::unexpected(
            invalid(QStringLiteral("language"), oneOfMessage(QStringLiteral("language"), kLanguages)));
    fields.language = *language;
    const Result<qint64> sortOrder
        = request.optionalInteger(QStringLiteral("sortOrder"), fields.sortOrder, 0, kMaxSortOrder);
    if (!sortOrder)
        return std::unexpected(sortOrder.error());
    fields.sortOrder = *sortOrder;
    return {};
}

FaqFields faqFieldsOf(const QJsonObject &faq)
{
    return {faq.value(QStringLiteral("category")).toString(), faq.value(QStringLiteral("question")).toString(),
        faq.value(QStringLiteral("answer")).toString(), faq.value(QStringLiteral("language")).toString(),
        faq.value(QStringLiteral("sortOrder")).toInteger()};
}

} // namespace

void FeedbackModule::registerRoutes(HubRouter &router)
{
    const QStringList authors = role::AnyStaff + QStringList {role::Member};
    router.add(QStringLiteral("POST"), QStringLiteral("/api/feedbacks"),
        QStringLiteral("Send feedback {category, content, contact?} (members and staff)"), authors,
        [this](const HubRequest &request) { return createFeedback(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/feedbacks"),
        QStringLiteral("Feedback, newest first (?status=&category=&page=&pageSize=)"), role::AdminOnly,
        [this](const HubRequest &request) { return listFeedback(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/feedbacks/{feedbackId}"),
        QStringLiteral("One feedback (admins, or its author)"), authors,
        [this](const HubRequest &request) { return getFeedback(request); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/feedbacks/{feedbackId}/reply"),
        QStringLiteral("Answer feedback {reply}; notifies its author"), role::AdminOnly,
        [this](const HubRequest &request) { return replyFeedback(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/faqs"),
        QStringLiteral("FAQ entries in display order (?category=&language=)"),
        [this](const HubRequest &request) { return listFaqs(request); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/faqs/{faqId}"), QStringLiteral("One FAQ entry"),
        [this](const HubRequest &request) { return getFaq(request); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/faqs"),
        QStringLiteral("Add an FAQ entry {question, answer, category?, language?, sortOrder?}"), role::AdminOnly,
        [this](const HubRequest &request) { return createFaq(request); });
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/faqs/{faqId}"),
        QStringLiteral("Change the given fields of an FAQ entry"), role::AdminOnly,
        [this](const HubRequest &request) { return updateFaq(request); });
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/faqs/{faqId}"), QStringLiteral("Delete an FAQ entry"),
        role::AdminOnly, [this](const HubRequest &request) { return deleteFaq(request); });
}

HubResponse FeedbackModule::createFeedback(const HubRequest &request)
{
    if (Status body
        = request.requireObject({QStringLiteral("category"), QStringLiteral("content"), QStringLiteral("contact")});
        !body)
        return HubResponse::fromError(body.error());
    const Result<QString> category = request.requireString(QStringLiteral("category"), kMaxCategoryLength);
    if (!category)
        return HubResponse::fromError(category.error());
    if (!kFeedbackCategories.contains(*category))
        return HubResponse::fromError(
            invalid(QStringLiteral("category"), oneOfMessage(QStringLiteral("category"), kFeedbackCategories)));
    const Result<QString> content = request.requireString(QStringLiteral("content"), kMaxContentLength);
    if (!content)
        return HubResponse::fromError(content.error());
    const Result<QString> contact = request.optionalString(QStringLiteral("contact"), {}, kMaxContactLength);
    if (!contact)
        return HubResponse::fromError(contact.error());

    const HubPrincipal &author = request.principal;
    const bool byMember = author.kind == PrincipalKind::Member;
    const QString id = sql::newId();
    const Result<QSqlQuery> inserted = sql::exec(database().database(),
        QStringLiteral("INSERT INTO feedback (id, member_id, user_id, category, content, contact, status, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, 'open', ?)"),
        {id, byMember ? QVariant(author.memberId) : QVariant(QMetaType::fromType<QString>()),
            byMember ? QVariant(QMetaType::fromType<qint64>()) : QVariant(author.userId), *category, content->trimmed(),
            notNull(contact->trimmed()), sql::nowMs()});
    if (!inserted)
        return HubResponse::fromError(inserted.error());
    const Result<std::optional<QJsonObject>> feedback = feedbackById(database(), id);
    if (!feedback)
        return HubResponse::fromError(feedback.error());
    return HubResponse::ok(feedback->value_or(QJsonObject {}));
}

HubResponse FeedbackModule::listFeedback(const HubRequest &request)
{
    if (Status allowed = allowOnly(request,
            {QStringLiteral("status"), QStringLiteral("category"), QStringLiteral("page"), QStringLiteral("pageSize")});
        !allowed)
        return HubResponse::fromError(allowed.error());
    const Result<QString> status = choiceParam(request, QStringLiteral("status"), kFeedbackStatuses);
    if (!status)
        return HubResponse::fromError(status.error());
    const Result<QString> category = choiceParam(request, QStringLiteral("category"), kFeedbackCategories);
    if (!category)
        return HubResponse::fromError(category.error());
    const Result<qint64> page = request.queryInteger(QStringLiteral("page"), 1, 1, std::numeric_limits<qint32>::max());
    if (!page)
        return HubResponse::fromError(page.error());
    const Result<qint64> pageSize = request.queryInteger(QStringLiteral("pageSize"), 20, 1, kMaxPageSize);
    if (!pageSize)
        return HubResponse::fromError(pageSize.error());

    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!status->isEmpty()) {
        where += QStringLiteral(" AND status = ?");
        binds.append(*status);
    }
    if (!category->isEmpty()) {
        where += QStringLiteral(" AND category = ?");
        binds.append(*category);
    }
    const Result<std::optional<QVariant>> total
        = sql::scalar(database().database(), QStringLiteral("SELECT COUNT(*) FROM feedback") + where, binds);
    if (!total)
        return HubResponse::fromError(total.error());
    Result<QSqlQuery> query = sql::exec(database().database(),
        QStringLiteral("SELECT %1 FROM feedback%2 ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
            .arg(kFeedbackColumns, where),
        binds + QVariantList {*pageSize, (*page - 1) * *pageSize});
    if (!query)
        return HubResponse::fromError(query.error());
    QJsonArray items;
    while (query->next())
        items.append(feedbackJson(*query));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items},
        {QStringLiteral("total"), total->value_or(QVariant(0)).toLongLong()}, {QStringLiteral("page"), *page},
        {QStringLiteral("pageSize"), *pageSize}});
}

HubResponse FeedbackModule::getFeedback(const HubRequest &request)
{
    const Result<std::optional<QJsonObject>> feedback
        = feedbackById(database(), request.pathParams.value(QStringLiteral("feedbackId")));
    if (!feedback)
        return HubResponse::fromError(feedback.error());
    if (!feedback->has_value() || !maySee(request.principal, **feedback))
        return feedbackNotFound();
    return HubResponse::ok(**feedback);
}

HubResponse FeedbackModule::replyFeedback(const HubRequest &request)
{
    if (Status body = request.requireObject({QStringLiteral("reply")}); !body)
        return HubResponse::fromError(body.error());
    const Result<QString> reply = request.requireString(QStringLiteral("reply"), kMaxReplyLength);
    if (!reply)
        return HubResponse::fromError(reply.error());
    const QString id = request.pathParams.value(QStringLiteral("feedbackId"));
    QJsonObject replied;
    const Status status = database().transaction([&]() -> Status {
        // Only an open feedback takes a reply; the condition makes two admins (or two hub
        // instances) replying at once safe: one update wins, the other sees 0 rows.
        const Result<QSqlQuery> updated = sql::exec(database().database(),
            QStringLiteral("UPDATE feedback SET status = 'replied', reply = ?, replied_by = ?, replied_at = ? "
                           "WHERE id = ? AND status = 'open'"),
            {reply->trimmed(), request.principal.userId, sql::nowMs(), id});
        if (!updated)
            return std::unexpected(updated.error());
        const bool changed = updated->numRowsAffected() == 1;
        const Result<std::optional<QJsonObject>> feedback = feedbackById(database(), id);
        if (!feedback)
            return std::unexpected(feedback.error());
        if (!feedback->has_value())
            return fail(
                ErrorCode::NotFound, Text::tr("There is no feedback with this id."), QStringLiteral("feedbackId"));
        if (!changed)
            return fail(ErrorCode::Conflict, Text::tr("This feedback has been answered already."),
                QStringLiteral("feedbackId"));
        replied = **feedback;
        const QString memberId = replied.value(QStringLiteral("memberId")).toString();
        const QString audience = !memberId.isEmpty()
            ? audience::member(memberId)
            : audience::user(replied.value(QStringLiteral("userId")).toInteger());
        return NotificationLog(database())
            .publish(audience, notification::FeedbackReplied,
                QJsonObject {{QStringLiteral("feedbackId"), id},
                    {QStringLiteral("category"), replied.value(QStringLiteral("category"))},
                    {QStringLiteral("reply"), replied.value(QStringLiteral("reply"))},
                    {QStringLiteral("repliedAt"), replied.value(QStringLiteral("repliedAt"))}});
    });
    if (!status)
        return HubResponse::fromError(status.error());
    return HubResponse::ok(replied);
}

HubResponse FeedbackModule::listFaqs(const HubRequest &request)
{
    if (Status allowed = allowOnly(request, {QStringLiteral("category"), QStringLiteral("language")}); !allowed)
        return HubResponse::fromError(allowed.error());
    const Result<QString> language = choiceParam(request, QStringLiteral("language"), kLanguages);
    if (!language)
        return HubResponse::fromError(language.error());
    QString statement = QStringLiteral("SELECT %1 FROM faq WHERE deleted_at IS NULL").arg(kFaqColumns);
    QVariantList binds;
    if (request.query.hasQueryItem(QStringLiteral("category"))) {
        statement += QStringLiteral(" AND category = ?");
        binds.append(request.queryString(QStringLiteral("category")));
    }
    if (!language->isEmpty()) {
        statement += QStringLiteral(" AND language = ?");
        binds.append(*language);
    }
    statement += QStringLiteral(" ORDER BY sort_order, created_at, id");
    Result<QSqlQuery> query = sql::exec(database().database(), statement, binds);
    if (!query)
        return HubResponse::fromError(query.error());
    QJsonArray items;
    while (query->next())
        items.append(faqJson(*query));
    return HubResponse::ok(QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), items.size()}});
}

HubResponse FeedbackModule::getFaq(const HubRequest &request)
{
    const Result<std::optional<QJsonObject>> faq
        = faqById(database(), request.pathParams.value(QStringLiteral("faqId")));
    if (!faq)
        return HubResponse::fromError(faq.error());
    if (!faq->has_value())
        return faqNotFound();
    return HubResponse::ok(**faq);
}

HubResponse FeedbackModule::createFaq(const HubRequest &request)
{
    if (Status body = request.requireObject(kFaqFields); !body)
        return HubResponse::fromError(body.error());
    FaqFields fields;
    if (Status read = readFaqFields(request, fields, false); !read)
        return HubResponse::fromError(read.error());
    const QString id = sql::newId();
    const qint64 now = sql::nowMs();
    const Result<QSqlQuery> inserted = sql::exec(database().database(),
        QStringLiteral("INSERT INTO faq (id, category, question, answer, language, sort_order, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, fields.category, fields.question, fields.answer, fields.language, fields.sortOrder, now, now});
    if (!inserted)
        return HubResponse::fromError(inserted.error());
    const Result<std::optional<QJsonObject>> faq = faqById(database(), id);
    if (!faq)
        return HubResponse::fromError(faq.error());
    return HubResponse::ok(faq->value_or(QJsonObject {}));
}

HubResponse FeedbackModule::updateFaq(const HubRequest &request)
{
    if (Status body = request.requireObject(kFaqFields); !body)
        return HubResponse::fromError(body.error());
    if (request.json.toObject().isEmpty())
        return HubResponse::fromError(invalid(QStringLiteral("body"), Text::tr("The body names no field to change.")));
    const QString id = request.pathParams.value(QStringLiteral("faqId"));
    const Result<std::optional<QJsonObject>> current = faqById(database(), id);
    if (!current)
        return HubResponse::fromError(current.error());
    if (!current->has_value())
        return faqNotFound();
    FaqFields fields = faqFieldsOf(**current);
    if (Status read = readFaqFields(request, fields, true); !read)
        return HubResponse::fromError(read.error());
    const Result<QSqlQuery> updated = sql::exec(database().database(),
        QStringLiteral("UPDATE faq SET category = ?, question = ?, answer = ?, language = ?, sort_order = ?, "
                       "updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
        {fields.category, fields.question, fields.answer, fields.language, fields.sortOrder, sql::nowMs(), id});
    if (!updated)
        return HubResponse::fromError(updated.error());
    if (updated->numRowsAffected() != 1) // deleted in between
        return faqNotFound();
    const Result<std::optional<QJsonObject>> faq = faqById(database(), id);
    if (!faq)
        return HubResponse::fromError(faq.error());
    return HubResponse::ok(faq->value_or(QJsonObject {}));
}

HubResponse FeedbackModule::deleteFaq(const HubRequest &request)
{
    const QString id = request.pathParams.value(QStringLiteral("faqId"));
    const qint64 now = sql::nowMs();
    const Result<QSqlQuery> deleted = sql::exec(database().database(),
        QStringLiteral("UPDATE faq SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"),
        {now, now, id});
    if (!deleted)
        return HubResponse::fromError(deleted.error());
    if (deleted->numRowsAffected() != 1)
        return faqNotFound();
    return HubResponse::ok(QJsonObject {{QStringLiteral("id"), id}});
}

} // namespace gymgate::hub
