#include "core/PasswordHash.h"

#include <QTest>

using namespace gymgate;

class TestPasswordHash : public QObject {
    Q_OBJECT

private slots:
    void rightPasswordVerifies()
    {
        const Result<QString> hash = hashPassword(QStringLiteral("1234"));
        QVERIFY(hash);
        QVERIFY(hash->startsWith(QLatin1String("$argon2id$")));
        QVERIFY(verifyPassword(*hash, QStringLiteral("1234")));
        QVERIFY(!verifyPassword(*hash, QStringLiteral("1235")));
        QVERIFY(!verifyPassword(*hash, QString()));
    }

    void saltMakesEveryHashDifferent()
    {
        const Result<QString> first = hashPassword(QStringLiteral("密码 pass"));
        const Result<QString> second = hashPassword(QStringLiteral("密码 pass"));
        QVERIFY(first && second);
        QVERIFY(*first != *second);
        QVERIFY(verifyPassword(*second, QStringLiteral("密码 pass")));
    }

    void garbageIsNeverAMatch()
    {
        QVERIFY(!verifyPassword(QStringLiteral("1234"), QStringLiteral("1234")));
        QVERIFY(!verifyPassword(QString(), QString()));
        QVERIFY(!verifyPassword(QString(200, QLatin1Char('$')), QStringLiteral("x")));
        const Result<QString> empty = hashPassword(QString());
        QVERIFY(!empty);
        QCOMPARE(empty.error().field, QStringLiteral("password"));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
