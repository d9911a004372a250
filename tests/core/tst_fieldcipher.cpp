#include "core/FieldCipher.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace gymgate;

namespace {

FieldCipher makeCipher(const QByteArray &key = FieldCipher::generateKey())
{
    auto cipher = FieldCipher::fromKey(key);
    if (!cipher)
        qFatal("cannot build a cipher: %s", qPrintable(cipher.error().toString()));
    return *cipher;
}

int permissionBits(const QString &path)
{
    struct stat info { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 0777);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestFieldCipher : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void everyFlippedByteIsDetected();
    void shortInputsAreRefused();
    void otherKeyCannotDecrypt();
    void keyFileCreatedPrivateAndReused();
    void keyFileOfWrongSizeIsRefused_data();
    void keyFileOfWrongSizeIsRefused();
    void fromKeyRejectsWrongSize_data();
    void fromKeyRejectsWrongSize();
    void lookupHash();
    void maskPhone_data();
    void maskPhone();
    void isValidChineseMobile_data();
    void isValidChineseMobile();
};

void TestFieldCipher::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("mobile") << QByteArray("13800138000");
    QTest::newRow("utf-8") << QStringLiteral("张三 +86 138-0013-8000").toUtf8();
    QByteArray binary(1024, Qt::Uninitialized);
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = static_cast<char>(i * 37);
    QTest::newRow("1 KiB binary") << binary;
}

void TestFieldCipher::roundTrip()
{
    QFETCH(QByteArray, plain);
    const FieldCipher cipher = makeCipher();
    const QByteArray sealed = cipher.encrypt(plain);
    QCOMPARE(sealed.size(), 24 + plain.size() + 16);
    if (!plain.isEmpty())
        QVERIFY(!sealed.contains(plain));
    const auto opened = cipher.decrypt(sealed);
    QVERIFY(opened);
    QCOMPARE(*opened, plain);
    QVERIFY2(cipher.encrypt(plain) != sealed, "a fresh nonce per encryption");
}

void TestFieldCipher::everyFlippedByteIsDetected()
{
    const FieldCipher cipher = makeCipher();
    const QByteArray sealed = cipher.encrypt("13800138000");
    for (qsizetype i = 0; i < sealed.size(); ++i) {
        QByteArray tampered = sealed;
        tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
        const auto opened = cipher.decrypt(tampered);
        QVERIFY2(!opened, qPrintable(QStringLiteral("byte %1").arg(i)));
        QCOMPARE(opened.error().code, ErrorCode::Crypto);
    }
    QVERIFY(!cipher.decrypt(QByteArray(sealed + 'x')));
}

void TestFieldCipher::shortInputsAreRefused()
{
    const FieldCipher cipher = makeCipher();
    const QByteArray sealed = cipher.encrypt("");
    QCOMPARE(sealed.size(), 40);
    QVERIFY(cipher.decrypt(sealed));
    for (qsizetype length = 0; length < sealed.size(); ++length) {
        const auto opened = cipher.decrypt(sealed.first(length));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Crypto);
    }
}

void TestFieldCipher::otherKeyCannotDecrypt()
{
    const QByteArray sealed = makeCipher().encrypt("13800138000");
    const auto opened = makeCipher().decrypt(sealed);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::Crypto);
}

void TestFieldCipher::keyFileCreatedPrivateAndReused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("etc/gymgate/data.key")); // parents do not exist yet

    const auto first = FieldCipher::loadOrCreateKeyFile(path);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    const QByteArray key = readAll(path);
    QCOMPARE(key.size(), FieldCipher::KeyBytes);
    QCOMPARE(permissionBits(path), 0600);

    const QByteArray sealed = first->encrypt("13800138000");
    const auto second = FieldCipher::loadOrCreateKeyFile(path);
    QVERIFY(second);
    QCOMPARE(readAll(path), key);
    const auto opened = second->decrypt(sealed);
    QVERIFY(opened);
    QCOMPARE(*opened, QByteArray("13800138000"));
    QCOMPARE(second->lookupHash("13800138000"), first->lookupHash("13800138000"));

    // The file's content is the key: fromKey on it gives the same cipher.
    QCOMPARE(makeCipher(key).lookupHash("x"), first->lookupHash("x"));

    const QString otherPath = dir.filePath(QStringLiteral("other.key"));
    const auto other = FieldCipher::loadOrCreateKeyFile(otherPath);
    QVERIFY(other);
    QVERIFY2(readAll(otherPath) != key, "each new key file holds a fresh random key");
}

void TestFieldCipher::keyFileOfWrongSizeIsRefused_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("31 bytes") << 31;
    QTest::newRow("33 bytes") << 33;
    QTest::newRow("64 bytes") << 64;
}

void TestFieldCipher::keyFileOfWrongSizeIsRefused()
{
    QFETCH(int, size);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("data.key"));
    const QByteArray content(size, 'k');
    QVERIFY(writeFile(path, content));

    const auto cipher = FieldCipher::loadOrCreateKeyFile(path);
    QVERIFY(!cipher);
    QCOMPARE(cipher.error().code, ErrorCode::Crypto);
    QVERIFY2(cipher.error().message.contains(path), qPrintable(cipher.error().message));
    QCOMPARE(readAll(path), content); // never replaced: the old key may be the only way to the data
}

void TestFieldCipher::fromKeyRejectsWrongSize_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("0") << 0;
    QTest::newRow("16") << 16;
    QTest::newRow("31") << 31;
    QTest::newRow("33") << 33;
}

void TestFieldCipher::fromKeyRejectsWrongSize()
{
    QFETCH(int, size);
    const auto cipher = FieldCipher::fromKey(QByteArray(size, 'k'));
    QVERIFY(!cipher);
    QCOMPARE(cipher.error().code, ErrorCode::Crypto);
}

void TestFieldCipher::lookupHash()
{
    const QByteArray key = FieldCipher::generateKey();
    QCOMPARE(key.size(), FieldCipher::KeyBytes);
    const FieldCipher cipher = makeCipher(key);
    const QByteArray hash = cipher.lookupHash("13800138000");
    QCOMPARE(hash.size(), 32);
    QCOMPARE(cipher.lookupHash("13800138000"), hash);
    QCOMPARE(makeCipher(key).lookupHash("13800138000"), hash);
    QVERIFY(cipher.lookupHash("13800138001") != hash);
    QVERIFY(makeCipher().lookupHash("13800138000") != hash);
    QCOMPARE(cipher.lookupHash("").size(), 32);
}

void TestFieldCipher::maskPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("masked");
    QTest::newRow("mobile") << QStringLiteral("13800138000") << QStringLiteral("138****8000");
    QTest::newRow("another mobile") << QStringLiteral("19912345678") << QStringLiteral("199****5678");
    QTest::newRow("landline") << QStringLiteral("01012345678") << QStringLiteral("*********78");
    QTest::newRow("with +86") << QStringLiteral("+8613800138000") << QStringLiteral("************00");
    QTest::newRow("short") << QStringLiteral("12345") << QStringLiteral("***45");
    QTest::newRow("three") << QStringLiteral("123") << QStringLiteral("*23");
    QTest::newRow("two are all hidden") << QStringLiteral("12") << QStringLiteral("**");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("non-BMP characters stay whole")
        << QStringLiteral("ab\U0001F600\U0001F601") << QStringLiteral("**\U0001F600\U0001F601");
}

void TestFieldCipher::maskPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, masked);
    QCOMPARE(gymgate::maskPhone(phone), masked);
}

void TestFieldCipher::isValidChineseMobile_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<bool>("valid");
    QTest::newRow("138") << QStringLiteral("13800138000") << true;
    QTest::newRow("199") << QStringLiteral("19912345678") << true;
    QTest::newRow("second digit 3") << QStringLiteral("13012345678") << true;
    QTest::newRow("second digit 2") << QStringLiteral("12012345678") << false;
    QTest::newRow("second digit 0") << QStringLiteral("10012345678") << false;
    QTest::newRow("10 digits") << QStringLiteral("1380013800") << false;
    QTest::newRow("12 digits") << QStringLiteral("138001380001") << false;
    QTest::newRow("starts with 2") << QStringLiteral("23800138000") << false;
    QTest::newRow("with +86") << QStringLiteral("+8613800138000") << false;
    QTest::newRow("with dashes") << QStringLiteral("138-0013-800") << false;
    QTest::newRow("letter") << QStringLiteral("1380013800a") << false;
    QTest::newRow("full-width digits") << QStringLiteral("１３８００１３８０００") << false;
    QTest::newRow("arabic-indic digit") << QStringLiteral("1380013800\u0663") << false;
    QTest::newRow("trailing space") << QStringLiteral("13800138000 ") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestFieldCipher::isValidChineseMobile()
{
    QFETCH(QString, phone);
    QFETCH(bool, valid);
    QCOMPARE(gymgate::isValidChineseMobile(phone), valid);
}

QTEST_GUILESS_MAIN(TestFieldCipher)
#include "tst_fieldcipher.moc"
