// HubRouter in-process: matching, path parameters, limits, field errors, the OpenAPI document.
#include <QJsonDocument>
#include <QTest>

#include "HubRouter.h"

using namespace gymgate;
using namespace gymgate::hub;

namespace {

HubRequest makeRequest(const QString &method, const QString &path)
{
    HubRequest request;
    request.method = method;
    request.path = path;
    return request;
}

HubRouter sampleRouter()
{
    HubRouter router;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/venues/{venueId}/rules"), QStringLiteral("Rules"),
        [](const HubRequest &request) {
            return HubResponse::ok(
                QJsonObject {{QStringLiteral("venue"), request.pathParams.value(QStringLiteral("venueId"))}});
        });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/login"), QStringLiteral("Log in"),
        [](const HubRequest &request) {
            const Result<QString> username = request.requireString(QStringLiteral("username"));
            if (!username)
                return HubResponse::fromError(username.error());
            return HubResponse::ok(QJsonObject {{QStringLiteral("username"), *username}});
        });
    router.setMaxBodyBytes(32);
    return router;
}

} // namespace

class TestHubRouter : public QObject {
    Q_OBJECT

private slots:
    void dispatch_data();
    void dispatch();
    void pathParameterIsPassed();
    void errorCodesMapToStatus_data();
    void errorCodesMapToStatus();
    void openApiDescribesParameters();
};

void TestHubRouter::dispatch_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // empty = success (code 0)
    QTest::addColumn<QString>("field");
    QTest::addRow("ok") << QStringLiteral("POST") << QStringLiteral("/api/v1/users/login")
                        << QByteArray(R"({"username":"li"})") << 200 << QStringLiteral("") << QStringLiteral("");
    QTest::addRow("field missing") << QStringLiteral("POST") << QStringLiteral("/api/v1/users/login")
                                   << QByteArray("{}") << 422 << QStringLiteral("field_invalid")
                                   << QStringLiteral("username");
    QTest::addRow("field wrong type") << QStringLiteral("POST") << QStringLiteral("/api/v1/users/login")
                                      << QByteArray(R"({"username":7})") << 422 << QStringLiteral("field_invalid")
                                      << QStringLiteral("username");
    QTest::addRow("malformed json") << QStringLiteral("POST") << QStringLiteral("/api/v1/users/login")
                                    << QByteArray("{username") << 400 << QStringLiteral("invalid_json")
                                    << QStringLiteral("body");
    QTest::addRow("too large") << QStringLiteral("POST") << QStringLiteral("/api/v1/users/login") << QByteArray(33, ' ')
                               << 413 << QStringLiteral("body_too_large") << QStringLiteral("body");
    QTest::addRow("unknown path") << QStringLiteral("GET") << QStringLiteral("/api/v1/users") << QByteArray() << 404
                                  << QStringLiteral("not_found") << QStringLiteral("path");
    QTest::addRow("pattern is anchored") << QStringLiteral("GET") << QStringLiteral("/api/venues/1/rules/x")
                                         << QByteArray() << 404 << QStringLiteral("not_found")
                                         << QStringLiteral("path");
    QTest::addRow("parameter never spans a slash")
        << QStringLiteral("GET") << QStringLiteral("/api/venues/1/2/rules") << QByteArray() << 404
        << QStringLiteral("not_found") << QStringLiteral("path");
    QTest::addRow("wrong method") << QStringLiteral("DELETE") << QStringLiteral("/api/v1/users/login") << QByteArray()
                                  << 405 << QStringLiteral("method_not_allowed") << QStringLiteral("method");
}

void TestHubRouter::dispatch()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const HubResponse response = sampleRouter().dispatch(makeRequest(method, path), body);
    QCOMPARE(response.httpStatus, status);
    const QJsonObject envelope = QJsonDocument::fromJson(response.body()).object();
    QVERIFY(envelope.contains(QStringLiteral("code")) && envelope.contains(QStringLiteral("message"))
        && envelope.contains(QStringLiteral("data")));
    if (code.isEmpty()) {
        QCOMPARE(envelope.value(QStringLiteral("code")).toInt(-1), 0);
        return;
    }
    QCOMPARE(envelope.value(QStringLiteral("code")).toString(), code);
    QCOMPARE(envelope[QStringLiteral("data")][QStringLiteral("field")].toString(), field);
    if (!field.isEmpty() && field != QLatin1String("body") && field != QLatin1String("path")
        && field != QLatin1String("method"))
        QVERIFY2(response.message.contains(field), qPrintable(response.message)); // the message names the field
}

void TestHubRouter::pathParameterIsPassed()
{
    const HubResponse response
        = sampleRouter().dispatch(makeRequest(QStringLiteral("GET"), QStringLiteral("/api/venues/v-42/rules")), {});
    QCOMPARE(response.httpStatus, 200);
    QCOMPARE(response.data[QStringLiteral("venue")].toString(), QStringLiteral("v-42"));
}

void TestHubRouter::errorCodesMapToStatus_data()
{
    QTest::addColumn<ErrorCode>("error");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addRow("invalid argument") << ErrorCode::InvalidArgument << 422 << QStringLiteral("field_invalid");
    QTest::addRow("not found") << ErrorCode::NotFound << 404 << QStringLiteral("not_found");
    QTest::addRow("already exists") << ErrorCode::AlreadyExists << 409 << QStringLiteral("already_exists");
    QTest::addRow("conflict") << ErrorCode::Conflict << 409 << QStringLiteral("conflict");
    QTest::addRow("permission denied") << ErrorCode::PermissionDenied << 403 << QStringLiteral("permission_denied");
    QTest::addRow("storage") << ErrorCode::Storage << 500 << QStringLiteral("internal");
}

void TestHubRouter::errorCodesMapToStatus()
{
    QFETCH(ErrorCode, error);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HubResponse response = HubResponse::fromError(Error {error, QStringLiteral("secret detail"), {}});
    QCOMPARE(response.httpStatus, status);
    QCOMPARE(response.code.toString(), code);
    // Internal details stay in the log, never on the wire.
    QCOMPARE(response.message.contains(QLatin1String("secret detail")), status != 500);
}

void TestHubRouter::openApiDescribesParameters()
{
    const QJsonObject document = sampleRouter().openApi(QStringLiteral("t"), QStringLiteral("1"));
    const QJsonObject rules
        = document[QStringLiteral("paths")][QStringLiteral("/api/venues/{venueId}/rules")][QStringLiteral("get")]
              .toObject();
    QCOMPARE(rules.value(QStringLiteral("summary")).toString(), QStringLiteral("Rules"));
    const QJsonObject parameter = rules.value(QStringLiteral("parameters")).toArray().first().toObject();
    QCOMPARE(parameter.value(QStringLiteral("name")).toString(), QStringLiteral("venueId"));
    QCOMPARE(parameter.value(QStringLiteral("in")).toString(), QStringLiteral("path"));
    QVERIFY(
        document[QStringLiteral("paths")][QStringLiteral("/api/v1/users/login")][QStringLiteral("post")].isObject());
}

QTEST_GUILESS_MAIN(TestHubRouter)
#include "tst_hubrouter.moc"
