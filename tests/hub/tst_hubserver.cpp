// gymgate-hub as a process: envelope, errors, OpenAPI vs route table, migrations, shutdown,
// on SQLite and on a throwaway PostgreSQL.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "HubTestSupport.h"

using namespace hubtest;

namespace {

// The schema versions the hub must have applied: the NNNN of every migration file of the
// dialect in the source tree, in order.
QList<int> migrationVersions(const QString &dialect)
{
    QList<int> versions;
    const QDir dir(QStringLiteral(GYMGATE_HUB_MIGRATIONS "/") + dialect);
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        versions.append(name.left(4).toInt());
    return versions;
}

} // namespace

class TestHubServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void health_data();
    void health();
    void openApiListsExactlyTheRoutes();
    void errors_data();
    void errors();
    void migratesDatabase_data();
    void migratesDatabase();
    void refusesNewerSchema_data();
    void refusesNewerSchema();
    void sigtermFinishesAndExitsZero();
    void configFileAndCommandLine();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();
    void servesHttpsWithCertificateAndKey();
    void refusesUnreadableTlsKey();

private:
    bool makeCertificate(QString *cert, QString *key);
    void setSchemaVersion(const QString &spec, int version);

    HubDatabases m_databases;
};

void TestHubServer::initTestCase()
{
    QVERIFY(m_databases.start());
}

void TestHubServer::setSchemaVersion(const QString &spec, int version)
{
    {
        HubDb direct;
        QVERIFY(direct.open(spec));
        QSqlDatabase db = direct.db();
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"));
        query.addBindValue(version);
        query.addBindValue(QStringLiteral("from_the_future"));
        query.addBindValue(QStringLiteral("2030-01-01T00:00:00Z"));
        QVERIFY(query.exec());
    }
}

void TestHubServer::health_data()
{
    addDialectRows();
}

void TestHubServer::health()
{
    QFETCH(QString, dialect);
    NEW_DATABASE(spec, m_databases, dialect, QStringLiteral("hub"));
    HubProcess hub;
    QVERIFY2(hub.start({QStringLiteral("--db"), spec}), qPrintable(hub.errorText));
    const HubReply reply = hub.request("GET", QStringLiteral("/api/health"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("code")).toInt(-1), 0);
    QVERIFY(reply.json.contains(QStringLiteral("message")));
    const QJsonObject data = reply.json.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("dbDialect")).toString(), dialect);
    QCOMPARE(data.value(QStringLiteral("schemaVersion")).toInt(), migrationVersions(dialect).last());
    QVERIFY(!data.value(QStringLiteral("version")).toString().isEmpty());
    QVERIFY(hub.stop());
}

void TestHubServer::openApiListsExactlyTheRoutes()
{
    QByteArray out;
    QByteArray err;
    QCOMPARE(HubProcess::run({QStringLiteral("--print-routes")}, &out, &err), 0);
    const QJsonArray table = QJsonDocument::fromJson(out).array();
    QVERIFY2(!table.isEmpty(), out.constData());
    QSet<QString> registered;
    for (const QJsonValue &route : table)
        registered.insert(route[QStringLiteral("method")].toString().toLower() + QLatin1Char(' ')
            + route[QStringLiteral("path")].toString());
    QCOMPARE(registered.size(), table.size()); // no route registered twice
    QVERIFY(registered.contains(QStringLiteral("get /api/health")));
    QVERIFY(registered.contains(QStringLiteral("get /api/openapi.json")));

    HubProcess hub;
    QVERIFY2(hub.start({QStringLiteral("--db"), m_databases.filePath(QStringLiteral("openapi.sqlite"))}),
        qPrintable(hub.errorText));
    const HubReply reply = hub.request("GET", QStringLiteral("/api/openapi.json"));
    QCOMPARE(reply.status, 200);
    const QJsonObject document = reply.json.value(QStringLiteral("data")).toObject();
    QVERIFY(document.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.0")));
    QVERIFY(document[QStringLiteral("components")][QStringLiteral("schemas")][QStringLiteral("Envelope")].isObject());
    QSet<QString> documented;
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto method = item.begin(); method != item.end(); ++method) {
            documented.insert(method.key() + QLatin1Char(' ') + path.key());
            QVERIFY2(!method.value()[QStringLiteral("summary")].toString().isEmpty(), qPrintable(path.key()));
        }
    }
    QCOMPARE(documented, registered);
    QVERIFY(hub.stop());
}

void TestHubServer::errors_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    for (const QString &dialect : {QStringLiteral("sqlite"), QStringLiteral("postgresql")}) {
        const QByteArray name = dialect.toLatin1();
        QTest::addRow("%s malformed json", name.constData())
            << dialect << QByteArray("GET") << QStringLiteral("/api/health") << QByteArray("{\"a\": ") << 400
            << QStringLiteral("invalid_json") << QStringLiteral("body");
        QTest::addRow("%s oversized body", name.constData())
            << dialect << QByteArray("GET") << QStringLiteral("/api/health") << QByteArray(65, 'x') << 413
            << QStringLiteral("body_too_large") << QStringLiteral("body");
        QTest::addRow("%s unknown route", name.constData())
            << dialect << QByteArray("GET") << QStringLiteral("/api/v1/nothing") << QByteArray() << 404
            << QStringLiteral("not_found") << QStringLiteral("path");
        QTest::addRow("%s wrong method", name.constData())
            << dialect << QByteArray("POST") << QStringLiteral("/api/health") << QByteArray("{}") << 405
            << QStringLiteral("method_not_allowed") << QStringLiteral("method");
    }
}

void TestHubServer::errors()
{
    QFETCH(QString, dialect);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    NEW_DATABASE(spec, m_databases, dialect, QStringLiteral("hub"));
    HubProcess hub;
    QVERIFY2(hub.start({QStringLiteral("--db"), spec, QStringLiteral("--max-body-bytes"), QStringLiteral("64")}),
        qPrintable(hub.errorText));
    const HubReply reply = hub.request(method, path, body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json.value(QStringLiteral("code")).toString(), code);
    QVERIFY2(!reply.json.value(QStringLiteral("message")).toString().isEmpty(), reply.body.constData());
    QCOMPARE(reply.json[QStringLiteral("data")][QStringLiteral("field")].toString(), field);
    // The hub still answers after an error.
    QCOMPARE(hub.request("GET", QStringLiteral("/api/health")).status, 200);
    QVERIFY(hub.stop());
}

void TestHubServer::migratesDatabase_data()
{
    addDialectRows();
}

void TestHubServer::migratesDatabase()
{
    QFETCH(QString, dialect);
    NEW_DATABASE(spec, m_databases, dialect, QStringLiteral("hub"));
    for (int run = 0; run < 2; ++run) { // the second start finds the schema current
        HubProcess hub;
        QVERIFY2(hub.start({QStringLiteral("--db"), spec}), qPrintable(hub.errorText));
        QVERIFY(hub.stop());
    }
    if (dialect == QLatin1String("sqlite"))
        QVERIFY(QFile::exists(spec));
    {
        HubDb direct;
        QVERIFY(direct.open(spec));
        QSqlDatabase db = direct.db();
        const QStringList tables = db.tables();
        for (const QString &table :
            {QStringLiteral("schema_version"), QStringLiteral("hub_user"), QStringLiteral("change_log")})
            QVERIFY2(tables.contains(table), qPrintable(table));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_version ORDER BY version")));
        for (int version : migrationVersions(dialect)) {
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), version);
        }
        QVERIFY(!query.next()); // applied once, not again on the second start
        // seq is handed out by the database, increasing.
        QVERIFY(query.exec(QStringLiteral("INSERT INTO change_log (entity, entity_id, op, data, at) "
                                          "VALUES ('member', 'm1', 'upsert', NULL, CURRENT_TIMESTAMP)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO change_log (entity, entity_id, op, data, at) "
                                          "VALUES ('member', 'm1', 'delete', NULL, CURRENT_TIMESTAMP)")));
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO change_log (entity, entity_id, op, data, at) "
                                           "VALUES ('member', 'm1', 'merge', NULL, CURRENT_TIMESTAMP)")));
        QVERIFY(query.exec(QStringLiteral("SELECT seq FROM change_log ORDER BY seq")));
        QVERIFY(query.next());
        const qint64 first = query.value(0).toLongLong();
        QVERIFY(query.next());
        QVERIFY(query.value(0).toLongLong() > first);
        if (dialect == QLatin1String("sqlite")) {
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        }
    }
}

void TestHubServer::refusesNewerSchema_data()
{
    addDialectRows();
}

void TestHubServer::refusesNewerSchema()
{
    QFETCH(QString, dialect);
    NEW_DATABASE(spec, m_databases, dialect, QStringLiteral("hub"));
    {
        HubProcess hub;
        QVERIFY2(hub.start({QStringLiteral("--db"), spec}), qPrintable(hub.errorText));
        QVERIFY(hub.stop());
    }
    setSchemaVersion(spec, 999);
    QByteArray out;
    QByteArray err;
    const int code
        = HubProcess::run({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), spec}, &out, &err);
    QVERIFY2(code > 0, qPrintable(QString::number(code)));
    QVERIFY2(err.contains("schema version 999"), err.constData());
    QVERIFY2(err.contains("newer"), err.constData());
    QVERIFY2(!out.contains("port"), out.constData()); // it never started listening
}

void TestHubServer::sigtermFinishesAndExitsZero()
{
    HubProcess hub;
    QVERIFY2(hub.start({QStringLiteral("--db"), m_databases.filePath(QStringLiteral("sigterm.sqlite"))}),
        qPrintable(hub.errorText));
    QCOMPARE(hub.request("GET", QStringLiteral("/api/health")).status, 200);
    QVERIFY(hub.stop());
    QVERIFY2(hub.stderrText.contains(QLatin1String("shutting down")), qPrintable(hub.stderrText));
    // The access log has one structured line per request.
    QVERIFY2(hub.stderrText.contains(QLatin1String("\"event\":\"access\"")), qPrintable(hub.stderrText));
    QVERIFY2(hub.stderrText.contains(QLatin1String("\"path\":\"/api/health\"")), qPrintable(hub.stderrText));
}

void TestHubServer::configFileAndCommandLine()
{
    const QString config = m_databases.filePath(QStringLiteral("hub.json"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString db = m_databases.filePath(QStringLiteral("config.sqlite"));
    file.write(
        QJsonDocument(QJsonObject {{QStringLiteral("db"), db}, {QStringLiteral("max-body-bytes"), 10}}).toJson());
    file.close();
    {
        HubProcess hub;
        QVERIFY2(hub.start({QStringLiteral("--config"), config}), qPrintable(hub.errorText));
        QCOMPARE(hub.request("GET", QStringLiteral("/api/health"), QByteArray("{\"a\":12345}")).status, 413);
        QVERIFY(hub.stop());
        QVERIFY(QFile::exists(db)); // the database named in the file
    }
    QFile typo(m_databases.filePath(QStringLiteral("typo.json")));
    QVERIFY(typo.open(QIODevice::WriteOnly));
    typo.write(R"({"prot": 8080})");
    typo.close();
    QByteArray err;
    QCOMPARE(HubProcess::run({QStringLiteral("--config"), typo.fileName()}, nullptr, &err), 2);
    QVERIFY2(err.contains("\"prot\""), err.constData()); // an unknown key is named, not ignored

    HubProcess hub; // the command line wins over the file
    QVERIFY2(hub.start({QStringLiteral("--config"), config, QStringLiteral("--max-body-bytes"), QStringLiteral("100")}),
        qPrintable(hub.errorText));
    QCOMPARE(hub.request("GET", QStringLiteral("/api/health"), QByteArray("{\"a\":12345}")).status, 200);
    QVERIFY(hub.stop());
}

void TestHubServer::badOptionsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentions");
    QTest::addRow("port not a number") << QStringList {QStringLiteral("--port"), QStringLiteral("http")}
                                       << QByteArray("--port");
    QTest::addRow("port too big") << QStringList {QStringLiteral("--port"), QStringLiteral("70000")}
                                  << QByteArray("--port");
    QTest::addRow("listen not an ip") << QStringList {QStringLiteral("--listen"), QStringLiteral("gym.example")}
                                      << QByteArray("--listen");
    QTest::addRow("tls cert without key")
        << QStringList {QStringLiteral("--tls-cert"), QStringLiteral("/x.pem")} << QByteArray("--tls-key");
    QTest::addRow("missing config") << QStringList {QStringLiteral("--config"), QStringLiteral("/nonexistent.json")}
                                    << QByteArray("/nonexistent.json");
    QTest::addRow("bad postgresql url") << QStringList {QStringLiteral("--db"), QStringLiteral("postgresql://host")}
                                        << QByteArray("postgresql://");
}

void TestHubServer::badOptionsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentions);
    QByteArray err;
    const int code = HubProcess::run(arguments, nullptr, &err);
    QVERIFY2(code > 0, qPrintable(QString::number(code)));
    QVERIFY2(err.contains(mentions), err.constData());
}

bool TestHubServer::makeCertificate(QString *cert, QString *key)
{
    *cert = m_databases.filePath(QStringLiteral("cert.pem"));
    *key = m_databases.filePath(QStringLiteral("key.pem"));
    if (QFile::exists(*cert))
        return true;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *cert,
            QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
}

void TestHubServer::servesHttpsWithCertificateAndKey()
{
    QString cert;
    QString key;
    if (!makeCertificate(&cert, &key))
        QSKIP("the openssl command is needed to make a test certificate");
    HubProcess hub;
    QVERIFY2(hub.start({QStringLiteral("--db"), m_databases.filePath(QStringLiteral("tls.sqlite")),
                 QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
        qPrintable(hub.errorText));
    QCOMPARE(hub.request("GET", QStringLiteral("/api/health"), {}, 5000).status, 0); // plain HTTP gets no answer
    hub.tls = true;
    const HubReply reply = hub.request("GET", QStringLiteral("/api/health"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json[QStringLiteral("data")][QStringLiteral("tls")].toBool(), true);
    QVERIFY(hub.stop());
}

void TestHubServer::refusesUnreadableTlsKey()
{
    QString cert;
    QString key;
    if (!makeCertificate(&cert, &key))
        QSKIP("the openssl command is needed to make a test certificate");
    QByteArray err;
    // A certificate is not a key: the hub must say so instead of serving plain HTTP.
    const int code = HubProcess::run({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"),
                                         m_databases.filePath(QStringLiteral("tls-bad.sqlite")),
                                         QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), cert},
        nullptr, &err);
    QVERIFY2(code > 0, qPrintable(QString::number(code)));
    QVERIFY2(err.contains(cert.toUtf8()) && err.contains("private key"), err.constData());
}

QTEST_GUILESS_MAIN(TestHubServer)
#include "tst_hubserver.moc"
